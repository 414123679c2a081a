"""Every word list of the zero-LLM tier, in one place (data only, no logic beyond joining).

The regex patterns (:mod:`.patterns_user`) and the parse readers (:mod:`.verbs`,
:mod:`.values`) used to keep their own copies of these lists, and the copies had drifted apart;
both now read these sets. Sets hold lower-case words unless their name says ``_CASED``;
:func:`alt` turns a set into a regex alternation (longest first, so "guinea pig" wins over "pig").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kgmem import text
from kgmem.lexicon import called_off, numbers, people


def alt(words: Iterable[str], *, title: bool = False) -> str:
    """A regex alternation of ``words`` (escaped, longest first; ``title`` capitalises each)."""
    items = {w.title() if title and not w.isupper() else w for w in words}
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(items, key=lambda w: (-len(w), w)))


# --------------------------------------------------------------------------- things people have

PETS = frozenset({
    "golden retriever", "german shepherd", "guinea pig", "labrador retriever", "border collie",
    "maine coon", "siamese", "shih tzu", "dog", "puppy", "pup", "cat", "kitten", "kitty", "beagle",
    "labrador", "lab", "retriever", "poodle", "labradoodle", "goldendoodle", "cockapoo", "terrier",
    "bulldog", "husky", "corgi", "dachshund", "chihuahua", "shepherd", "pug", "boxer", "spaniel",
    "collie", "greyhound", "whippet", "pitbull", "rabbit", "bunny", "hamster", "parrot", "parakeet",
    "budgie", "cockatiel", "bird", "goldfish", "fish", "turtle", "tortoise", "lizard", "gecko",
    "snake", "ferret", "hedgehog", "horse", "pony", "chinchilla", "tabby", "rottweiler",
    "doberman", "schnauzer", "pomeranian", "dalmatian", "mutt",
})
#: parse heads that name a pet only inside a longer phrase ("a rescue", "guinea pig")
PET_HEADS_EXTRA = frozenset({"rescue", "guinea"})

INSTRUMENTS = frozenset({
    "acoustic guitar", "electric guitar", "bass guitar", "guitar", "piano", "keyboard", "violin",
    "viola", "cello", "drums", "drum", "flute", "clarinet", "saxophone", "sax", "trumpet",
    "trombone", "ukulele", "uke", "harp", "banjo", "harmonica", "mandolin", "bass", "oboe",
    "accordion", "synthesizer", "bagpipes", "tuba",
})

LANGUAGES = frozenset({
    "spanish", "french", "german", "italian", "portuguese", "japanese", "chinese", "mandarin",
    "cantonese", "korean", "russian", "arabic", "hindi", "dutch", "swedish", "norwegian", "danish",
    "finnish", "greek", "turkish", "polish", "hebrew", "vietnamese", "thai", "indonesian",
    "swahili", "czech", "hungarian", "ukrainian", "tagalog", "latin", "irish", "welsh", "persian",
    "farsi", "bengali", "urdu", "punjabi", "tamil", "asl", "sign language", "catalan", "icelandic",
    "romanian", "serbian", "croatian", "malay", "gaelic", "te reo maori", "te reo māori", "te reo", "maori", "māori",
    "afrikaans", "zulu", "xhosa", "yoruba", "igbo", "hausa", "amharic", "somali", "khmer", "nepali", "sinhala", "telugu",
    "kannada", "malayalam", "marathi", "gujarati", "bulgarian", "slovak", "slovenian", "lithuanian", "latvian",
    "estonian", "basque", "galician", "esperanto", "yiddish", "haitian creole", "creole", "quechua", "guarani",
    "samoan", "tongan", "hawaiian", "cherokee", "navajo", "lao", "burmese", "mongolian", "kazakh", "uzbek", "georgian",
    "armenian", "albanian", "macedonian", "bosnian", "maltese", "luxembourgish", "cornish", "scots", "auslan", "bsl",
})

DIETS = frozenset({
    "vegetarian", "vegan", "pescatarian", "pescetarian", "keto", "paleo", "gluten-free",
    "gluten free", "dairy-free", "dairy free", "lactose-free", "plant-based", "plant based",
    "carnivore", "flexitarian", "low-carb", "low carb", "kosher", "halal", "whole30",
    "intermittent fasting", "veggie",
})

JOB_HEADS = frozenset((
    "engineer developer analyst manager designer teacher nurse doctor physician lawyer attorney "
    "accountant consultant scientist researcher professor lecturer intern director architect "
    "writer editor chef cook pharmacist therapist programmer administrator coordinator "
    "specialist officer technician assistant associate librarian marketer photographer "
    "journalist dentist veterinarian vet electrician mechanic paralegal recruiter strategist "
    "planner producer executive supervisor lead head vp president founder co-founder ceo cto "
    "cfo barista bartender server cashier clerk agent representative advisor adviser counselor "
    "counsellor paramedic firefighter pilot surgeon psychologist economist statistician "
    "translator tutor instructor coach trainer artist musician illustrator animator copywriter "
    "secretary receptionist owner partner principal dean postdoc student freelancer contractor "
    "practitioner hygienist optometrist chemist biologist physicist mathematician auditor banker "
    "broker realtor carpenter plumber welder driver teller master nanny caregiver midwife solicitor barrister judge"
).split()) | {"sous chef", "scrum master"}
#: the parse readers leave out heads that name people more often than jobs ("my partner")
JOB_HEADS_PARSE = JOB_HEADS - {"partner", "student", "driver", "sous chef", "scrum master"}
#: workplaces named by a common noun ("my team at the council", "nurse at the hospital")
WORKPLACE_NOUNS = frozenset({"council", "hospital", "school", "university", "bank", "library", "museum", "airport",
                             "surgery", "clinic", "pharmacy", "bakery", "factory", "warehouse", "call centre",
                             "call center", "post office", "care home", "nursery", "garage", "hotel", "restaurant",
                             "cafe", "café", "supermarket", "pub", "brewery", "charity", "ministry", "embassy"})

#: occupation nouns by their shape: the list above cannot name every job ("radiographer",
#: "cardiologist", "locksmith", "beekeeper", "postman"); these endings are rarely anything else
_JOB_SHAPE = re.compile(r"[a-z]{3,}(?:grapher|ologist|ician|iatrist|apist|smith|wright|keeper|monger|fighter|"
                        r"medic|maker|tender|ographer|ist|man|woman|worker|nurse)$")
_NOT_JOBS = frozenset({"optimist", "pessimist", "perfectionist", "minimalist", "purist", "realist", "idealist",
                       "feminist", "tourist", "list", "checklist", "playlist", "wishlist", "twist", "wrist", "fist",
                       "mist", "gist", "exist", "assist", "insist", "persist", "resist", "consist", "enthusiast",
                       "human", "woman", "man", "german", "roman", "shaman", "fireman's", "caveman", "snowman",
                       "superman", "gentleman", "chairwoman", "nobleman", "madman", "showman", "sportsman",
                       "sportswoman", "layman", "hitman", "walkman", "pacman", "dolman", "atheist", "baptist",
                       "buddhist", "nationalist", "socialist", "communist", "extremist", "activist", "linguist",
                       "narcissist", "introvert", "extrovert", "homemaker", "troublemaker", "peacemaker",
                       "noisemaker", "matchmaker"})


def job_noun(word: str) -> bool:
    """``word`` (a lemma, lower case) names an occupation: a listed head or an occupation's shape."""
    return word in JOB_HEADS_PARSE or (word not in _NOT_JOBS and _JOB_SHAPE.fullmatch(word) is not None)

#: words that make a number an amount of money when they follow it ("600 quid", "3100 euro", "2,000 rupees");
#: one list for every money pattern of the tier (patterns, values, inference)
CURRENCY_WORDS = ("dollars", "dollar", "bucks", "euros", "euro", "pounds", "quid", "usd", "eur", "gbp", "rupees",
                  "rs", "inr", "aud", "cad", "nzd", "chf")
#: the alternation of CURRENCY_WORDS, any case (the longest first)
CURRENCY_RX = r"(?i:" + "|".join(sorted(CURRENCY_WORDS, key=len, reverse=True)) + r")"

CAR_BRANDS_CASED = frozenset({
    "Tesla", "Toyota", "Honda", "Ford", "Chevrolet", "Chevy", "Nissan", "Subaru", "Mazda",
    "Hyundai", "Kia", "BMW", "Audi", "Mercedes", "Mercedes-Benz", "Volkswagen", "VW", "Volvo",
    "Lexus", "Jeep", "Porsche", "Rivian", "Polestar", "Mini", "Jaguar", "Land Rover",
    "Range Rover", "Acura", "Infiniti", "Cadillac", "Buick", "GMC", "Dodge", "Ram", "Chrysler",
    "Genesis", "Fiat", "Alfa Romeo", "Lucid", "Prius", "Civic", "Corolla", "Camry", "RAV4",
    "Outback", "Forester", "Miata", "Golf", "Polo", "Fiesta", "Hilux", "Yaris", "Corsa", "Astra", "Clio", "Octavia",
    "Qashqai", "Sportage", "Tucson", "Kona", "Ioniq", "Niro", "Skoda", "Vauxhall", "Peugeot", "Renault", "Citroen",
    "Citroën", "Seat", "Dacia", "Suzuki", "Mitsubishi", "Holden",
})
#: lower-case vehicle words the parse readers accept as a car (brands, models and kinds)
VEHICLES = frozenset({b.lower() for b in CAR_BRANDS_CASED} | {
    "jetta", "golf", "mustang", "f-150", "wrangler", "bronco", "tacoma", "crv", "cr-v", "cx-5",
    "leaf", "bolt", "ioniq", "niro", "model", "minivan", "suv", "sedan", "hatchback", "pickup",
    "truck", "car", "vespa", "scooter", "motorcycle", "motorbike",
})
VEHICLE_GENERIC = frozenset({"minivan", "suv", "sedan", "hatchback", "pickup", "truck", "car", "model"})
PHONE_BRANDS_CASED = frozenset({
    "iPhone", "Pixel", "Galaxy", "OnePlus", "Xperia", "Moto", "Motorola", "Nokia", "Xiaomi",
    "Huawei", "Fairphone",
})
PHONE_BRANDS = frozenset({b.lower() for b in PHONE_BRANDS_CASED} | {"samsung"})

DRINKS = frozenset({
    "coffee", "espresso", "latte", "cappuccino", "flat white", "cortado", "americano",
    "macchiato", "mocha", "cold brew", "tea", "green tea", "black tea", "matcha", "chai",
    "rooibos", "oolong", "earl grey", "kombucha", "hot chocolate", "lemonade", "smoothie",
    "smoothies", "beer", "ipa", "stout", "wine", "red wine", "white wine", "rose", "rosé",
    "prosecco", "champagne", "cider", "whisky", "whiskey", "bourbon", "gin", "tequila", "mezcal",
    "rum", "sake", "soju", "margarita", "margaritas", "mojito", "mojitos", "negroni", "negronis",
    "sparkling water", "seltzer", "yerba mate", "horchata", "boba", "bubble tea", "orange juice",
    "milkshake", "milkshakes",
})

#: ways to get to work ("by tram", "on the subway")
COMMUTE_MODES = frozenset({
    "e-bike", "ebike", "e-bikes", "ebikes", "e-scooters", "escooters", "bike", "bikes", "bicycle", "bicycles", "tram", "trams",
    "train", "trains", "subway", "metro", "underground", "tube", "bus", "buses", "car", "foot",
    "e-scooter", "escooter", "scooter", "scooters", "ferry", "motorcycle", "motorbike",
    "skateboard", "moped", "light rail", "streetcar", "cable car", "carpool", "rideshare",
})
TRANSPORT = frozenset({"train", "bus", "ferry", "flight", "plane", "boat", "coach", "overnight",
                       "redeye", "red-eye", "car", "shuttle"})

# --------------------------------------------------------------------------- activities and events

EVENT_NOUNS = frozenset({
    "concert", "wedding", "conference", "festival", "workshop", "seminar", "webinar", "game",
    "match", "show", "play", "musical", "opera", "ballet", "exhibition", "exhibit", "meetup",
    "party", "gala", "fundraiser", "convention", "expo", "summit", "hackathon", "lecture", "talk",
    "recital", "tournament", "race", "marathon", "5k", "10k", "half-marathon", "reunion",
    "ceremony", "graduation", "funeral", "retreat", "class", "course", "fair", "screening",
    "premiere", "tasting", "competition", "contest", "night", "dinner", "shower", "barbecue",
    "bbq", "open mic", "mic", "trivia", "quiz", "meeting", "session", "tour", "parade", "rally",
    "protest", "launch", "celebration", "reception", "camp", "bootcamp", "symposium", "signing",
    "gig", "rave", "comedy", "standup", "auction", "triathlon", "run", "walk", "meet", "cookout",
    "potluck", "brunch", "wake", "christening",
})
#: verbs whose object is an occasion by their meaning, whatever it is called ("attended TechCrunch Disrupt",
#: "took part in the Great Manchester Run"): the verb and the preposition that brings its occasion ("" = object)
ATTENDING = {"attend": "", "participate": "in", "compete": "in"}
#: places of study: what one attends there is a school, not an occasion ("I attended Leeds University")
STUDY_PLACES = frozenset({"school", "university", "uni", "college", "academy", "institute", "polytechnic",
                          "seminary", "kindergarten", "nursery", "church", "mosque", "synagogue", "temple"})
#: event words the parse readers accept as an attended event's head noun (narrower: "night",
#: "meeting", "session" name too much else on their own)
EVENT_HEADS = EVENT_NOUNS - {"night", "meeting", "session", "course", "camp", "open mic"}
#: the surface patterns' list (older and narrower than the parse readers' one)
EVENT_NOUNS_SURFACE = EVENT_NOUNS - {
    "signing", "gig", "rave", "comedy", "standup", "auction", "triathlon", "run", "walk", "meet",
    "cookout", "potluck", "brunch", "wake", "christening", "half-marathon", "mic"}

HOBBIES = frozenset({
    "pottery", "yoga", "pilates", "crochet", "knitting", "gardening", "photography", "chess",
    "archery", "calligraphy", "origami", "woodworking", "birdwatching", "baking", "meditation",
    "journaling", "climbing", "bouldering", "salsa", "tennis", "golf", "swimming", "running",
    "cycling", "hiking", "surfing", "painting", "drawing", "skiing", "snowboarding", "sewing",
    "embroidery", "quilting", "fishing", "kayaking", "canoeing", "skateboarding", "boxing",
    "fencing", "dancing", "singing", "writing", "poetry", "sketching", "birding", "jogging",
    "weightlifting", "lifting", "crossfit", "judo", "karate", "taekwondo", "jiu-jitsu", "ceramics",
    "beekeeping", "brewing", "homebrewing", "podcasting", "scrapbooking", "cross-stitch", "rowing",
    "volleyball", "basketball", "soccer", "pickleball", "badminton", "squash", "baseball",
    "softball", "hockey", "rugby", "cricket", "triathlon", "parkour", "foraging", "camping",
    "stargazing", "astronomy", "coding", "gaming", "cooking", "mixology",
})
#: -ing words that are not hobbies ("started working", "picked up running" is one, "using" is not)
NOT_HOBBIES = frozenset({
    "working", "learning", "using", "going", "getting", "doing", "trying", "looking", "playing",
    "reading", "watching", "thinking", "planning", "feeling", "taking", "making", "having",
    "saying", "wondering", "seeing", "noticing", "talking", "living", "eating", "wearing",
    "considering", "saving", "paying", "keeping", "putting", "asking", "sleeping", "waking",
    "studying", "preparing", "researching", "writing", "building", "dating", "spending",
    "commuting", "driving", "riding", "moving", "traveling", "travelling", "buying", "selling",
})

# --------------------------------------------------------------------------- people

#: the people nouns are kgmem.lexicon.people's (resources/lexicon/people.json), the one list of them:
#: one named relative ("my gran", "my stepmum"), a partner, and every noun of people around the user
FAMILY = people.words("kin")
PARTNERS = people.words("partners")
#: nouns naming people around the user: a subject headed by one is not the user (the people hired for a
#: visit, "the plumber", "the physio", are read like things: their bookings and prices, entity_*.py)
PEOPLE_NOUNS = people.words("kin", "kin_groups", "partners", "former", "social", "roles", "clientele", "generic")

# --------------------------------------------------------------------------- verb classes (lemmas)

RELOCATE = frozenset({"move", "relocate", "settle", "emigrate", "immigrate", "transfer"})
#: verbs whose object is a place or an employer the user is no longer at ("I left London for Leeds"):
#: the one leaving lexicon's "depart" sense (kgmem/resources/lexicon/called_off.json)
DEPART = called_off.lemmas("depart")
#: verbs by which a thing one had stops being one's own ("sold the Golf", "ditched my old iPhone"): its "let_go" sense
LETTING_GO = called_off.lemmas("let_go")
LIVE = frozenset({"live", "reside", "base"})
ACQUIRE = frozenset({
    "buy", "purchase", "order", "get", "snag", "grab", "score", "splurge", "treat", "nab", "cop",
    "bag", "preorder", "pre-order", "shell", "spring", "fork", "blow", "upgrade", "invest", "pick",
    "adopt", "rescue", "acquire", "bring", "switch", "lease", "drop",
})
PURCHASE = frozenset({
    "buy", "purchase", "order", "snag", "grab", "score", "splurge", "treat", "invest", "nab",
    "cop", "bag", "preorder", "pre-order", "shell", "spring", "fork", "blow", "pick", "acquire",
    "get", "drop",
})
READ = frozenset({"read", "reread", "devour", "finish"})
WATCH = frozenset({"watch", "binge", "rewatch", "see", "catch", "stream"})
NOT_TRAVEL = frozenset({
    "live", "move", "relocate", "settle", "work", "grow", "bear", "raise", "study", "buy",
    "purchase", "order", "get", "born", "base", "reside", "call", "text", "email", "meet", "date",
    "marry", "ship", "deliver", "send", "mail", "pick", "grab", "snag", "find", "leave", "quit",
    "say", "tell", "hear", "learn", "know", "think", "plan", "book", "want", "hope",
})
TRIP_NOUNS = frozenset({
    "trip", "visit", "vacation", "holiday", "getaway", "excursion", "jaunt", "escape", "detour",
    "layover", "stopover", "pilgrimage", "tour", "weekend", "week", "day", "road-trip", "cruise",
    "honeymoon", "break", "stay",
})
TRAVEL = frozenset({
    "visit", "go", "fly", "travel", "drive", "get", "return", "backpack", "tour", "stay", "land",
    "arrive", "hop", "pop", "swing", "stop", "pass", "roam", "wander", "sail", "camp", "ski",
    "honeymoon", "celebrate", "end", "venture", "trek", "bike", "cycle", "train", "commute",
    "explore", "spend", "be", "head", "road", "trip", "hike", "cruise", "vacation", "holiday", "take",
})
ATTEND = frozenset({"attend", "go", "be", "check", "participate", "take", "get", "make", "run", "join",
                    "catch", "volunteer", "play", "compete", "return"})
#: slots one clause often fills together ("a UX designer at Monzo", "my wife's called Sunita", "our place in
#: Austin"): when meaning proposes the first, the second is tried too if it ranks in the clause's top three
#: above the threshold, whatever the margin (its value kind still decides)
COMPANIONS: dict[str, tuple[str, ...]] = {
    "job_title": ("works_at",), "works_at": ("job_title",),
    "relationship_status": ("partner_name",), "partner_name": ("relationship_status",),
    "has_pet": ("pet_name",), "pet_name": ("has_pet",),
    "rent": ("lives_in",), "hometown": ("speaks_language",),
}

#: verbs whose "as X" names the user's occupation, whatever X is ("I work as a physio", "started as a buyer")
WORK_AS = frozenset({"work", "start", "begin", "join", "hire", "employ", "train", "qualify", "retrain", "freelance",
                     "intern", "serve"})
HOBBY_VERBS = frozenset({"take", "get", "pick", "start", "begin", "do", "try"})
LEARN = frozenset({"learn", "study", "practice", "practise", "take", "teach", "start", "play", "speak",
                   "pick", "begin"})
#: verbs whose complement is only intended, wished or considered ("I want to move…")
INTENT = frozenset({
    "want", "plan", "hope", "consider", "think", "wish", "need", "try", "like", "love", "decide",
    "intend", "aim", "expect", "dream", "mean", "would", "prefer", "use", "wonder", "afford",
    "forget", "refuse", "promise",
})
INTENT_FORMS = frozenset({"going", "gon", "forgot", "wanted", "planned", "hoped", "tried", "needed",
                          "meant", "decided", "doubt", "wish", "intend", "supposed", "about"})
#: nouns that set what follows them in a plan, a wish or a supposition ("My goal: I run a marathon")
UNREAL_NOUNS = frozenset({"goal", "goals", "plans", "resolution", "resolutions", "dream", "dreams", "wishlist",
                          "idea", "ideas", "case", "scenario", "someday", "todo", "to-do", "bucket"})
#: nouns that hold a job title without being one: "a marketing lead role", "the role of head baker"
POST_NOUNS = frozenset({"role", "position", "post", "job", "title", "gig"})
#: spells of work one is somewhere "for" ("I'm at Tesco for my placement"): being there is working there
WORK_SPELLS = frozenset({"placement", "internship", "apprenticeship", "shift", "contract", "secondment"})
#: nouns of an occasion still to come: "the invite to Priya's wedding came", "an invitation to Tom's party" tell
#: no attendance (the occasion is their "to" object)
INVITATIONS = frozenset({"invite", "invitation", "rsvp", "save-the-date"})
#: verbs that report another's words or what was heard: their complement clause is hearsay, not the user's own
#: statement ("Everyone says The Bear is brilliant"); with HEARD ones even the user's own ("I've heard the ending
#: of Succession is incredible")
REPORTING = frozenset({"say", "tell", "claim", "swear", "insist", "rave", "reckon", "hear", "read", "gather"})
HEARD = frozenset({"hear", "read", "gather"})
MODALS = frozenset({"might", "may", "would", "could", "should", "will", "'ll", "wo", "shall", "must"})
BLOCK_ADV = frozenset({"almost", "nearly", "never", "hardly"})
#: verbs of thinking, wanting and saying never make an event ("I thought…", "I said…")
MENTAL_VERBS = frozenset({
    "think", "thought", "want", "wanted", "need", "needed", "hope", "hoped", "plan", "planned",
    "wonder", "wondered", "feel", "felt", "know", "knew", "like", "liked", "love", "loved", "guess",
    "guessed", "believe", "believed", "remember", "remembered", "forgot", "forget", "mentioned",
    "mention", "said", "say", "told", "asked", "ask", "realized", "noticed", "am", "was", "were",
    "is", "'m", "be", "been",
})
MOTION = frozenset({
    "went", "go", "flew", "fly", "drove", "traveled", "travelled", "visited", "stayed", "toured",
    "arrived", "landed", "returned", "hiked", "explored", "wandered", "spent", "was", "were",
    "headed", "ventured", "roamed", "biked", "cycled", "sailed", "cruised", "backpacked", "hiking",
    "walking", "traveling", "travelling", "staying", "visiting", "exploring", "camping", "skiing",
    "touring", "backpacking", "vacationing",
})

# --------------------------------------------------------------------------- nouns that are not values

#: objects of "got"/"picked up" that are not purchases ("got an email", "got the job")
NOT_GOODS = frozenset({
    # weather one "gets" ("we usually get snow from December on")
    "snow", "rain", "sun", "sunshine", "hail", "frost", "storms", "storm", "wind", "fog", "sleet", "thunder", "heatwave",
    "call", "email", "e-mail", "message", "text", "chance", "job", "offer", "promotion", "raise",
    "idea", "feeling", "sense", "look", "break", "rest", "sleep", "time", "news", "result",
    "results", "answer", "response", "reply", "note", "letter", "ticket", "cold", "flu", "covid",
    "point", "hang", "kick", "way", "lot", "bit", "habit", "hobby", "position", "role", "degree",
    "diagnosis", "shot", "vaccine", "haircut", "compliment", "invitation", "invite", "visit",
    "approval", "permission", "feedback", "help", "advice", "something", "anything", "nothing",
    "one", "it", "them", "that", "this", "some", "everything", "me", "myself", "him", "her", "us",
    "you", "stuff", "things", "thing", "place", "apartment", "house", "home",
})
#: what money is paid for that buys no thing ("spent $90 on parking" bought no parking)
NOT_PURCHASES = frozenset({
    "rent", "bills", "bill", "fees", "fee", "fines", "fine", "tax", "taxes", "parking", "tolls", "toll", "insurance",
    "tuition", "deposit", "mortgage", "utilities", "subscription", "interest", "repairs", "therapy", "fare", "fares",
})
#: values that say nothing on their own
VALUE_BLOCKLIST = frozenset({
    "it", "that", "this", "them", "one", "some", "something", "anything", "everything", "lot",
    "a lot", "bit", "time", "things", "stuff", "you", "me", "myself", "there", "here", "home",
    "work", "bed", "sleep", "way", "idea", "sure", "way more", "more", "much", "what", "how",
    # a verb left over where an object was expected ("The blender I ordered is on its way")
    "is", "was", "are", "were", "be", "been", "has", "have", "had", "gets", "got", "came", "arrived",
    # a possessive pronoun stands for a thing named elsewhere ("no cheese sauce on mine")
    "mine", "yours", "ours", "theirs", "hers",
})
#: words dropped from the front of a noun phrase value ("a new", "my old")
LEAD_DROP = frozenset({"a", "an", "the", "my", "our", "his", "her", "their", "some", "this", "that",
                       "these", "those", "another", "new", "brand", "brand-new", "used", "secondhand",
                       "second-hand", "own", "first", "old", "little", "whole"})
QUANT_HEADS = frozenset({"pair", "set", "couple", "bunch", "box", "bag", "kind", "sort", "type", "piece"})
#: words that end an object phrase read off the surface text (a clause boundary or an adjunct):
#: kgmem.text.PHRASE_BREAKS, the one copy of that list
PHRASE_BREAKS = text.PHRASE_BREAKS
TITLE_SMALL = frozenset({"of", "the", "in", "and", "a", "an", "on", "for", "to", "at", "with", "from",
                         "by", "&", "or", "is", "de", "la"})
#: words of a gym or club, also as the capitalised tail of a one-word name ("PureGym", "AnytimeFitness")
GYM_WORDS = re.compile(r"(?:\b|(?<=(?-i:[a-z]))(?=(?-i:[A-Z])))(?:gym|fitness|crossfit|ymca|club|studio|athletic|"
                       r"boxing|climbing|yoga|pilates|barry's)\b", re.IGNORECASE)
#: a dislike said without a negation ("I hate…", "…gets on my nerves"); with a negation any
#: "like" reads as a dislike ("I don't like…", "…is not for me")
DISLIKE_CUES = re.compile(
    r"\b(?:hate|hates|dislike|avoid|loathe|detest|despise|can't\s+stand|cannot\s+stand|skip|pass\s+on|"
    r"sick\s+of|tired\s+of|steer\s+clear|stay\s+away|nerves|drives?\s+me\s+(?:crazy|nuts|insane)|worst|"
    r"no-go|dealbreaker|do\s+without|rather\s+not|allergic|gross|awful|terrible)\b", re.IGNORECASE)
LIKE_CUES = re.compile(
    r"\b(?:love|loves|loved|like|likes|enjoy|enjoys|adore|fan|into|obsessed|favou?rite|go-to|happy|"
    r"prefer|jam|thing|hooked|crazy\s+about|passionate|can't\s+get\s+enough|never\s+gets\s+old)\b",
    re.IGNORECASE)
READ_CUES = frozenset({"read", "page-turner", "novel", "book", "memoir", "audiobook"})
WATCH_CUES = frozenset({"watch", "rewatch", "movie", "film", "show", "series", "screen", "cinema",
                        "theater", "theatre", "binge", "episode", "season", "finale", "documentary", "imax"})

#: predicates of lasting states: with no time said they are not dated to the session
STATIVE = frozenset({"likes", "dislikes", "hometown", "allergic_to", "favourite_food", "favourite_drink",
                     "favourite_music", "favourite_sport", "age"})

NUM_WORDS = numbers.UNITS
TENS = numbers.TENS
#: adjectives that pick which one, not what it is ("the only allergy", "my main job")
WHICH_ONE = frozenset({"only", "main", "other", "same", "new", "old", "current", "real", "actual", "worst", "biggest",
                       "last", "first", "latest", "usual", "whole"})

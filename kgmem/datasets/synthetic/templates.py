"""Development template families: how planted facts and questions are phrased.

Every fact kind has several paraphrase families. The families here ("a", "b") are the *dev*
families that extraction/retrieval rules may be written against; one more family per kind lives
in :mod:`kgmem.datasets.synthetic.heldout_templates` and must not be read while writing rules.

Slots: ``{v}`` value, ``{when}`` a time expression relative to the session date, ``{old}`` the
superseded value, ``{rel}`` a relative (sister, cousin…), ``{price}``, ``{store}``, ``{species}``.
"""

from __future__ import annotations

FACTS: dict[str, dict[str, tuple[str, ...]]] = {
    "visited": {
        "a": ("I just got back from {v}, I was there {when}.", "I went to {v} {when} and loved it.", "{when_cap} I was in {v} for the day."),
        "b": ("Funny timing, I took a quick trip to {v} {when}.", "I spent a day wandering around {v} {when}.", "My trip to {v} was {when}, and the weather was perfect."),
    },
    "attended": {
        "a": ("I went to {v} {when}.", "{when_cap} I was at {v}, it was great.", "I finally made it to {v} {when}."),
        "b": ("I'm still tired from {v} {when}.", "{when_cap} I went along to {v} with a friend.", "I attended {v} {when} and took tons of photos."),
    },
    "event": {
        "a": ("I {v} {when}.", "{when_cap} I {v}, so that's done.", "Big news: I {v} {when}."),
        "b": ("Just so you know, I {v} {when}.", "Oh, I {v} {when}, which felt good.", "Side note, I {v} {when}."),
    },
    "bought": {
        "a": ("I bought {v} at {store} {when} for ${price}.", "{when_cap} I picked up {v} from {store}, it was ${price}.", "I finally got {v} {when}, paid ${price} at {store}."),
        "b": ("I splurged on {v} {when} (${price}, from {store}).", "I ordered {v} from {store} {when}; it came to ${price}.", "{when_cap} I grabbed {v} at {store} for ${price}."),
    },
    "read_book": {
        "a": ("I just finished reading {v}.", "I read {v} last month and couldn't put it down.", "I finished {v} on the train."),
        "b": ("I got through {v} this week.", "My book club made me read {v}, and I finished it.", "I finally read {v} after years on my list."),
    },
    "watched": {
        "a": ("I watched {v} over the weekend.", "I finally saw {v}.", "We watched {v} last night."),
        "b": ("I caught {v} with my roommate.", "I binged {v} recently.", "I ended up watching {v} on the plane."),
    },
    "lives_in.state": {
        "a": ("I live in {v}.", "Here in {v} it's been raining all week.", "I'm based in {v} these days."),
        "b": ("My apartment in {v} is tiny.", "Since I'm in {v}, the time zone makes meetings awkward.", "Living in {v} means I walk almost everywhere."),
    },
    "lives_in.change": {
        "a": ("I just moved from {old} to {v}.", "We finally relocated to {v}.", "I'm now living in {v} after the move."),
        "b": ("Now that I've moved to {v}, I need new routines.", "The move to {v} is done, goodbye {old}.", "I've settled into my new place in {v}."),
    },
    "works_at.state": {
        "a": ("I work at {v}.", "At {v}, where I work, we use a lot of spreadsheets.", "My job at {v} keeps me busy."),
        "b": ("My employer, {v}, has a casual dress code.", "I've been at {v} for a while now.", "Everyone at {v} is on vacation this week."),
    },
    "works_at.change": {
        "a": ("I just started a new job at {v}.", "I left {old} and joined {v}.", "I've switched jobs, I'm at {v} now."),
        "b": ("Starting at {v} has been a big change after {old}.", "I accepted the offer from {v} and started this week.", "My first week at {v} went well."),
    },
    "job_title.state": {
        "a": ("I work as a {v}.", "As a {v}, I get a lot of emails.", "My role is {v}."),
        "b": ("Being a {v} means long days sometimes.", "My title is {v} at the moment.", "I'm a {v} by trade."),
    },
    "job_title.change": {
        "a": ("I got promoted, I'm now a {v}.", "My role changed from {old} to {v}.", "I'm officially a {v} now."),
        "b": ("Since becoming a {v}, my calendar is packed.", "I moved into a {v} role this month.", "They made me a {v}, no longer a {old}."),
    },
    "drives.state": {
        "a": ("I drive a {v}.", "My {v} needs an oil change.", "I take my {v} everywhere."),
        "b": ("The {v} I drive is pretty reliable.", "I'd rather take my {v} than fly.", "My car is a {v}."),
    },
    "drives.change": {
        "a": ("I traded in my {old} for a {v}.", "I just bought a {v} to replace my old car.", "I'm driving a {v} now."),
        "b": ("Since getting the {v}, road trips are more fun.", "Goodbye {old}, hello {v}!", "The new {v} arrived this week."),
    },
    "phone.state": {
        "a": ("I use a {v}.", "My {v} battery dies by dinner.", "I have a {v}."),
        "b": ("On my {v} the app keeps crashing.", "I take all my photos on my {v}.", "My phone is a {v}."),
    },
    "phone.change": {
        "a": ("I upgraded from the {old} to a {v}.", "I got a new phone, a {v}.", "I switched to a {v}."),
        "b": ("My new {v} finally arrived.", "I replaced my cracked {old} with a {v}.", "Now that I'm on a {v}, I need new apps."),
    },
    "gym.state": {
        "a": ("I go to {v}.", "I work out at {v}.", "At {v} the mornings are quiet."),
        "b": ("My membership at {v} renews soon.", "I usually train at {v}.", "{v} is my gym."),
    },
    "gym.change": {
        "a": ("I cancelled {old} and joined {v}.", "I switched gyms, I go to {v} now.", "I've started going to {v} instead."),
        "b": ("The new gym, {v}, is much closer.", "I moved my membership to {v}.", "Since joining {v}, I've been more consistent."),
    },
    "commute.state": {
        "a": ("I commute {v}.", "I get to work {v}.", "My commute is {v}, about 30 minutes."),
        "b": ("Going to the office {v} is the norm for me.", "I usually travel {v} in the morning.", "I go in {v} every day."),
    },
    "commute.change": {
        "a": ("I've started commuting {v} instead of {old}.", "These days I go to work {v}.", "I switched to commuting {v}."),
        "b": ("Now I get to the office {v}.", "No more going {old}, I go {v} now.", "My new commute is {v}."),
    },
    "rent.state": {
        "a": ("My rent is ${v} a month.", "I pay ${v} in rent.", "Rent is ${v} monthly for my place."),
        "b": ("With rent at ${v}, I need a budget.", "My landlord charges ${v} a month.", "Paying ${v} for rent each month adds up."),
    },
    "rent.change": {
        "a": ("My rent went up to ${v} a month.", "The landlord raised my rent from ${old} to ${v}.", "Now I'm paying ${v} in rent."),
        "b": ("New lease: ${v} a month.", "My rent is ${v} now, ugh.", "Rent jumped to ${v} this month."),
    },
    "reading_goal.state": {
        "a": ("My goal is to read {v} books this year.", "I'm aiming for {v} books this year.", "I set a reading goal of {v} books."),
        "b": ("I want to hit {v} books by December.", "My reading challenge is {v} books.", "{v} books is the target this year."),
    },
    "reading_goal.change": {
        "a": ("I raised my reading goal to {v} books.", "I changed my reading goal from {old} to {v} books.", "New reading goal: {v} books."),
        "b": ("I'm now aiming for {v} books instead of {old}.", "I bumped the target to {v} books.", "My updated goal is {v} books."),
    },
    "running_pb.state": {
        "a": ("My 5k personal best is {v}.", "I ran a 5k in {v}, my best so far.", "My 5k PB is {v}."),
        "b": ("The fastest 5k I've run is {v}.", "I'm trying to beat my 5k time of {v}.", "{v} is my best 5k."),
    },
    "running_pb.change": {
        "a": ("I set a new 5k personal best: {v}!", "I beat my old 5k time of {old}, new PB is {v}.", "My 5k PB is now {v}."),
        "b": ("New 5k record: {v}.", "I ran {v} in the 5k, a new best.", "I finally broke {old}, my 5k is now {v}."),
    },
    "salary.state": {
        "a": ("I make ${v} a year.", "My salary is ${v}.", "I earn ${v} annually."),
        "b": ("On ${v} a year, saving is tricky.", "My annual pay is ${v}.", "I'm paid ${v} per year."),
    },
    "salary.change": {
        "a": ("I got a raise, I'm now on ${v}.", "My salary went from ${old} to ${v}.", "I now earn ${v} a year."),
        "b": ("After the raise I make ${v}.", "New salary: ${v}.", "They bumped me to ${v} a year."),
    },
    "pet_name": {
        "a": ("My {species} {v} keeps stealing socks.", "I have a {species} named {v}.", "{v}, my {species}, is at the vet today."),
        "b": ("I need to walk my {species}, {v}, soon.", "Our {species} is called {v}.", "{v} (my {species}) chewed the charger."),
    },
    "family_member": {
        "a": ("My {rel} {v} is visiting this weekend.", "My {rel}'s name is {v}.", "I'm helping my {rel} {v} move."),
        "b": ("{v}, my {rel}, called me yesterday.", "I'm buying a gift for my {rel}, {v}.", "My {rel} {v} lives nearby."),
    },
    "hometown": {
        "a": ("I grew up in {v}.", "Back in {v}, where I grew up, winters were long.", "My hometown is {v}."),
        "b": ("I'm originally from {v}.", "Growing up in {v} shaped my taste in food.", "I was raised in {v}."),
    },
    "allergic_to": {
        "a": ("I'm allergic to {v}.", "I have a {v} allergy.", "I can't be around {v}, I'm allergic."),
        "b": ("Because of my {v} allergy I carry medication.", "{v} give me a bad reaction.", "My doctor confirmed I'm allergic to {v}."),
    },
    "plays_instrument": {
        "a": ("I play the {v}.", "I've been practising the {v} every night.", "I started taking {v} lessons."),
        "b": ("My {v} needs new strings.", "Playing the {v} helps me relax.", "I play {v} in a small group."),
    },
    "speaks_language": {
        "a": ("I'm learning {v}.", "I've been studying {v} on an app.", "I can speak some {v}."),
        "b": ("My {v} tutor is great.", "I practise {v} with a language partner.", "I'm taking a {v} class."),
    },
    "favourite_drink": {
        "a": ("My favourite drink is {v}.", "I live on {v}.", "I can't start the day without {v}."),
        "b": ("Nothing beats {v} for me.", "I always order {v}.", "{v} is my go-to drink."),
    },
    "likes": {
        "a": ("I really love {v}.", "I'm a big fan of {v}.", "I always enjoy {v}."),
        "b": ("{v} are my favourite thing.", "I tend to go for {v}.", "Honestly, {v} make me happy."),
    },
    "dislikes": {
        "a": ("I really don't like {v}.", "I try to avoid {v}.", "I can't stand {v}."),
        "b": ("Please, no {v}.", "{v} are not for me.", "I'd rather skip {v}."),
    },
    "assistant_recommended": {
        "a": ("For {ctx}, I'd recommend {v}. Other options are {alts}, but {v} fits best.", "My top pick for {ctx} would be {v}; you could also look at {alts}."),
        "b": ("If I had to choose one for {ctx}, it would be {v}. {alts} are decent alternatives.", "Try {v} for {ctx}. Some people also like {alts}."),
    },
    "anchor_trip": {
        "a": ("I'm flying to {v} on {date}.", "My flight to {v} leaves on {date}."),
        "b": ("I booked the trip to {v}, departing {date}.", "I head off to {v} on {date}."),
    },
    "anchored_event": {
        "a": ("I {v} the day before my trip to {anchor}.", "The day before I flew to {anchor}, I {v}."),
        "b": ("Right before the {anchor} trip, the day before actually, I {v}.", "I {v} on the eve of my trip to {anchor}."),
    },
}

# distractors: same entities, never facts about the user (plans, other people, negations)
DISTRACTORS: dict[str, tuple[str, ...]] = {
    "visited": ("My friend {name} just got back from {v}.", "I'm thinking about visiting {v} next year.", "Have you heard anything good about {v}? I might go someday."),
    "attended": ("My coworker {name} went to {v}, I didn't make it.", "I almost bought tickets for {v} but didn't.", "I'd love to go to {v} someday."),
    "event": ("My friend {name} just {v}.", "I keep meaning to do this: {name} {v} last year.", "My roommate {v}, not me."),
    "bought": ("I was looking at {v} but didn't buy it.", "My brother bought {v} and loves it.", "Should I get {v}? Still undecided."),
    "read_book": ("{name} keeps telling me to read {v}.", "{v} is on my list but I haven't started.", "I returned {v} to the library unread."),
    "watched": ("I haven't seen {v} yet.", "{name} recommended {v} to me.", "Is {v} worth watching?"),
    "state": ("My friend {name} {verb}.",),
}

# ---- questions -----------------------------------------------------------------------------
QUESTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "ssu.pet_name": {"a": ("What is my {species}'s name?", "What did I say my {species} is called?")},
    "ssu.family_member": {"a": ("What is my {rel}'s name?", "What's the name of my {rel}?")},
    "ssu.hometown": {"a": ("Where did I grow up?", "What is my hometown?")},
    "ssu.allergic_to": {"a": ("What am I allergic to?", "What allergy did I mention?")},
    "ssu.plays_instrument": {"a": ("What instrument do I play?", "Which instrument am I practising?")},
    "ssu.speaks_language": {"a": ("What language am I learning?", "Which language did I say I'm studying?")},
    "ssu.favourite_drink": {"a": ("What is my favourite drink?", "What drink do I always have?")},
    "ssu.bought_store": {"a": ("Where did I buy {item}?", "Which store did I get {item} from?")},
    "ssu.bought_price": {"a": ("How much did I pay for {item}?", "What did {item} cost me?")},
    "ssa": {"a": ("What {cat} did you recommend for {ctx}?", "In our chat about {ctx}, which {cat} did you suggest?")},
    "ku.current": {"a": ("{current_q}",)},
    "ku.previous": {"a": ("{previous_q}",)},
    "ku.when": {"a": ("{when_q}",)},
    "ms.count": {"a": ("How many {noun} did I mention {verb_ing}?", "How many {noun} have I {verb_pp} in total?")},
    "ms.sum": {"a": ("How much did I spend in total on the things I bought?", "What is the total amount I spent on purchases I told you about?")},
    "ms.list": {"a": ("Which cities did I visit?", "List the places I travelled to.")},
    "tr.days_between": {"a": ("How many days passed between {A} and {B}?", "How many days were there between {A} and {B}?")},
    "tr.weeks_between": {"a": ("How many weeks passed between {A} and {B}?", "About how many weeks were between {A} and {B}?")},
    "tr.which_first": {"a": ("Which happened first, {A} or {B}?", "Did {A} come before {B}, or the other way around? Which was first?")},
    "tr.days_ago": {"a": ("How many days ago was {A}?", "How many days have passed since {A}?")},
    "tr.weeks_ago": {"a": ("How many weeks ago was {A}?", "How many weeks has it been since {A}?")},
    "tr.event_date": {"a": ("On what date was it that I {vp}?", "What was the date when I {vp}?")},
    "tr.order3": {"a": ("In what order did these happen: {A}, {B} and {C}?", "Put these in chronological order: {A}, {B}, {C}.")},
}

# knowledge-update phrasing per predicate: (current, previous, when-changed)
KU_QUESTIONS: dict[str, dict[str, tuple[str, str, str]]] = {
    "a": {
        "lives_in": ("Where do I live now?", "Where did I live before I moved to {v}?", "When did I move to {v}?"),
        "works_at": ("Where do I currently work?", "Where did I work before {v}?", "When did I start working at {v}?"),
        "job_title": ("What is my current job title?", "What was my role before I became a {v}?", "When did I become a {v}?"),
        "drives": ("What car do I drive now?", "What car did I drive before the {v}?", "When did I get the {v}?"),
        "phone": ("What phone do I use now?", "What phone did I have before the {v}?", "When did I get my {v}?"),
        "gym": ("Which gym do I go to now?", "Which gym did I go to before {v}?", "When did I switch to {v}?"),
        "commute": ("How do I commute to work now?", "How did I commute before I started going {v}?", "When did I start commuting {v}?"),
        "rent": ("How much is my rent now?", "What was my rent before it became ${v}?", "When did my rent change to ${v}?"),
        "reading_goal": ("What is my current reading goal?", "What was my reading goal before I set it to {v} books?", "When did I change my reading goal to {v} books?"),
        "running_pb": ("What is my current 5k personal best?", "What was my 5k personal best before {v}?", "When did I set my {v} 5k personal best?"),
        "salary": ("What is my current salary?", "What was my salary before it became ${v}?", "When did my salary change to ${v}?"),
    },
}

# ---- near-miss sentences about other people (hard negatives for single-session questions) --
SSU_DISTRACTORS: dict[str, tuple[str, ...]] = {
    "pet_name": ("My neighbour's {species} is called {x}.", "{name} just adopted a {species} named {x}."),
    "family_member": ("My friend {name}'s {rel} is called {x}.", "{name} introduced me to their {rel} {x}."),
    "hometown": ("My partner grew up in {x}.", "{name} is originally from {x}."),
    "allergic_to": ("My roommate is allergic to {x}.", "{name} can't eat anything with {x}."),
    "plays_instrument": ("{name} plays the {x} in a band.", "My neighbour practises the {x} at night."),
    "speaks_language": ("{name} is fluent in {x}.", "My coworker is learning {x}."),
    "favourite_drink": ("{name} always orders {x}.", "My sister lives on {x}."),
    "bought": ("I was looking at {x} but didn't buy it.", "{name} bought {x} and loves it."),
}
STATE_DISTRACTORS: dict[str, str] = {
    "lives_in": "My friend {name} lives in {x}.",
    "works_at": "{name} works at {x}.",
    "job_title": "My cousin is a {x}.",
    "drives": "{name} drives a {x}.",
    "phone": "{name} just got a {x}.",
    "gym": "{name} goes to {x}.",
    "commute": "{name} commutes {x}.",
    "rent": "{name} pays ${x} in rent.",
    "reading_goal": "{name} wants to read {x} books this year.",
    "running_pb": "{name}'s 5k best is {x}.",
    "salary": "{name} makes ${x} a year.",
}
# what a slot is, for abstention answers ("You mentioned where you live, but not ...")
SLOT_NOUNS: dict[str, str] = {
    "lives_in": "where you live", "works_at": "where you work", "job_title": "your job title",
    "drives": "your car", "phone": "your phone", "gym": "your gym", "commute": "your commute",
    "rent": "your rent", "reading_goal": "your reading goal", "running_pb": "your 5k time", "salary": "your salary",
}

# ---- task-oriented user requests that carry facts "in passing" ------------------------------
REQUEST_FRAMES: tuple[str, ...] = (
    "Can you help me {t}?", "I need to {t}. Where do I start?", "Could you walk me through how to {t}?",
    "Any tips on how to {t}?", "I'm trying to {t} this week, can you give me a plan?", "What's the best way to {t}?",
    "Quick question: how would you {t}?", "I've been putting off having to {t}. Help?",
)
CITY_REQUESTS: tuple[str, ...] = (
    "What are some must-see spots in {c}?", "What's the food scene like in {c}?", "How many days would you spend in {c}?",
    "What's the history of {c} in a nutshell?", "Is {c} expensive to visit?", "What's the best season to see {c}?",
)
ITEM_REQUESTS: tuple[str, ...] = (
    "Is {b} worth reading?", "Can you summarise the themes of {b}?", "How do I make {d} at home?",
    "What wine goes with {d}?", "What should I look for when buying {p}?", "How do I maintain {p}?",
)
CODE_REQUESTS: tuple[str, ...] = (
    "Can you explain {x} in Python?", "I'm confused about {x}. What does it do?", "How does {x} work under the hood?",
    "When should I use {x}?", "Can you give me an overview of {x}?", "What are the gotchas with {x}?",
)
FOLLOW_UPS: tuple[str, ...] = (
    "Thanks. Can you go into more detail?", "That helps. What about edge cases?", "Could you make that shorter?",
    "Interesting. Why is that?", "Can you give me an example?", "Okay, and what would you do differently?",
    "Got it. Anything else I should know?", "Can you put that in a list?", "Hmm, I'm not sure I follow. Explain again?",
)
ASSISTANT_LEADS: tuple[str, ...] = (
    "Sure, here's how I'd think about {t}.", "Good question. Let's break {t} down.", "Happy to help with {t}.",
    "Here's an overview that should help with {t}.", "Let me explain {t} step by step.", "Great, let's look at {t}.",
)
# {f}/{r}: the fact / request as written; {fl}/{rl}: softened to continue a sentence
COMBINE: tuple[str, ...] = ("{r} Oh, and {fl}", "{f} Anyway, {rl}", "{f} {r}", "{r} (Side note: {fl})", "{r} By the way, {fl}")

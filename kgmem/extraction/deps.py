"""Dependency-based patterns for the rules tier: first-person verb + object, by verb-lemma class.

The regex rules in :mod:`kgmem.extraction.rules` know surface phrasings; this module reads the
spaCy parse instead, so "We ended up settling in Asheville", "I got hired by Spotify as a data
analyst" or "I've been driving a Kia Niro" are found whatever the word order, tense or adverbs.
A clause counts only when its agent is the user (``I``/``we``, inherited through ``conj``/``xcomp``,
or a dropped subject at the start of the sentence) and it is not negated, modal, conditional or
governed by a verb of intention ("I want to move to…").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Triple = tuple[str, str, "str | None"]

# --------------------------------------------------------------------------- lexicons

_RELOCATE = {"move", "relocate", "settle", "emigrate", "immigrate", "transfer"}
_LIVE = {"live", "reside", "base"}
_ACQUIRE = {"buy", "purchase", "order", "get", "snag", "grab", "score", "splurge", "treat", "nab", "cop",
            "bag", "preorder", "pre-order", "shell", "spring", "fork", "blow",
            "upgrade", "invest", "pick", "adopt", "rescue", "acquire", "bring", "switch", "lease",
            "drop"}
_PURCHASE = {"buy", "purchase", "order", "snag", "grab", "score", "splurge", "treat", "invest", "nab", "cop",
             "bag", "preorder", "pre-order", "shell", "spring", "fork", "blow",
             "pick", "acquire", "get", "drop"}
_READ = {"read", "reread", "devour", "finish"}
_WATCH = {"watch", "binge", "rewatch", "see", "catch", "stream"}
_NOT_TRAVEL = {"live", "move", "relocate", "settle", "work", "grow", "bear", "raise", "study", "buy",
               "purchase", "order", "get", "born", "base", "reside", "call", "text", "email", "meet",
               "date", "marry", "ship", "deliver", "send", "mail", "pick", "grab", "snag", "find", "leave",
               "quit", "say", "tell", "hear", "learn", "know", "think", "plan", "book", "want", "hope"}
_TRIP_NOUNS = {"trip", "visit", "vacation", "holiday", "getaway", "excursion", "jaunt", "escape", "detour",
               "layover", "stopover", "pilgrimage", "tour", "weekend", "week", "day", "road-trip", "cruise",
               "honeymoon", "break", "stay"}
_TRAVEL = {"visit", "go", "fly", "travel", "drive", "get", "return", "backpack", "tour", "stay", "land",
           "arrive", "hop", "pop", "swing", "stop", "pass", "roam", "wander", "sail", "camp", "ski",
           "honeymoon", "celebrate", "end", "venture", "trek", "bike", "cycle", "train", "commute",
           "explore", "spend", "be", "head", "road", "trip", "hike", "cruise", "vacation",
           "holiday", "take"}
_ATTEND = {"attend", "go", "be", "check", "participate", "take", "get", "make", "run", "join",
           "catch", "volunteer", "play", "compete", "return"}
_HOBBY_VERBS = {"take", "get", "pick", "start", "begin", "do", "try"}
_LEARN = {"learn", "study", "practice", "practise", "take", "teach", "start", "play", "speak",
          "pick", "begin"}
_INTENT = {"want", "plan", "hope", "consider", "think", "wish", "need", "try", "like", "love",
           "decide", "intend", "aim", "expect", "dream", "mean", "would", "prefer", "use",
           "wonder", "afford", "forget", "refuse", "promise"}
_INTENT_FORMS = {"going", "gon", "forgot", "wanted", "planned", "hoped", "tried", "needed", "meant",
                 "decided", "doubt", "wish", "intend", "supposed", "about"}
_MODALS = {"might", "may", "would", "could", "should", "will", "'ll", "wo", "shall", "must"}
_BLOCK_ADV = {"almost", "nearly", "never", "hardly"}

_NOT_GOODS = {
    "call", "email", "e-mail", "message", "text", "chance", "job", "offer", "promotion", "raise",
    "idea", "feeling", "sense", "look", "break", "rest", "sleep", "time", "news", "result",
    "results", "answer", "response", "reply", "note", "letter", "ticket", "cold", "flu", "covid",
    "point", "hang", "kick", "way", "lot", "bit", "habit", "hobby", "position", "role", "degree",
    "diagnosis", "shot", "vaccine", "haircut", "compliment", "invitation", "invite", "visit",
    "approval", "permission", "feedback", "help", "advice", "something", "anything", "nothing",
    "one", "it", "them", "that", "this", "some", "everything", "me", "myself", "him", "her",
    "us", "you", "stuff", "things", "thing", "place", "apartment", "house", "home",
}
_PETS = {
    "dog", "puppy", "pup", "cat", "kitten", "beagle", "labrador", "lab", "retriever", "poodle",
    "labradoodle", "goldendoodle", "terrier", "bulldog", "husky", "corgi", "dachshund",
    "chihuahua", "shepherd", "pug", "boxer", "spaniel", "collie", "greyhound", "rabbit", "bunny",
    "hamster", "parrot", "parakeet", "budgie", "cockatiel", "bird", "goldfish", "fish", "turtle",
    "tortoise", "lizard", "gecko", "snake", "ferret", "hedgehog", "horse", "pony", "chinchilla",
    "tabby", "rottweiler", "doberman", "schnauzer", "pomeranian", "dalmatian", "mutt", "kitty",
    "guinea", "cockapoo", "whippet", "pitbull", "rescue",
}
_INSTRUMENTS = {
    "guitar", "piano", "keyboard", "violin", "viola", "cello", "drums", "drum", "flute",
    "clarinet", "saxophone", "sax", "trumpet", "trombone", "ukulele", "uke", "harp", "banjo",
    "harmonica", "mandolin", "bass", "oboe", "accordion", "synthesizer", "bagpipes", "tuba",
}
_LANGUAGES = {
    "spanish", "french", "german", "italian", "portuguese", "japanese", "chinese", "mandarin",
    "cantonese", "korean", "russian", "arabic", "hindi", "dutch", "swedish", "norwegian",
    "danish", "finnish", "greek", "turkish", "polish", "hebrew", "vietnamese", "thai",
    "indonesian", "swahili", "czech", "hungarian", "ukrainian", "tagalog", "latin", "irish",
    "welsh", "persian", "farsi", "bengali", "urdu", "punjabi", "tamil", "asl", "catalan",
    "icelandic", "romanian", "serbian", "croatian", "malay", "gaelic",
}
_HOBBIES = {
    "pottery", "yoga", "pilates", "crochet", "knitting", "gardening", "photography", "chess",
    "archery", "calligraphy", "origami", "woodworking", "birdwatching", "baking", "meditation",
    "journaling", "climbing", "bouldering", "salsa", "tennis", "golf", "swimming", "running",
    "cycling", "hiking", "surfing", "painting", "drawing", "skiing", "snowboarding", "sewing",
    "embroidery", "quilting", "fishing", "kayaking", "canoeing", "skateboarding", "boxing",
    "fencing", "dancing", "singing", "writing", "poetry", "sketching", "birding", "jogging",
    "weightlifting", "lifting", "crossfit", "judo", "karate", "taekwondo", "jiu-jitsu",
    "ceramics", "beekeeping", "brewing", "homebrewing", "podcasting", "scrapbooking",
    "cross-stitch", "rowing", "volleyball", "basketball", "soccer", "pickleball", "badminton",
    "squash", "baseball", "softball", "hockey", "rugby", "cricket", "triathlon", "parkour",
    "foraging", "camping", "stargazing", "astronomy", "coding", "gaming", "cooking", "mixology",
}
_EVENT_NOUNS = {
    "concert", "wedding", "conference", "festival", "workshop", "seminar", "webinar", "game",
    "match", "show", "play", "musical", "opera", "ballet", "exhibition", "exhibit", "meetup",
    "party", "gala", "fundraiser", "convention", "expo", "summit", "hackathon", "lecture", "talk",
    "recital", "tournament", "race", "marathon", "5k", "10k", "half-marathon", "reunion",
    "ceremony", "graduation", "funeral", "retreat", "class", "fair", "screening", "premiere",
    "tasting", "competition", "contest", "dinner", "shower", "barbecue", "bbq", "mic", "trivia",
    "quiz", "tour", "parade", "rally", "protest", "launch", "celebration", "reception",
    "bootcamp", "symposium", "signing", "gig", "rave", "comedy", "standup", "auction",
    "triathlon", "run", "walk", "meet", "cookout", "potluck", "brunch", "wake", "christening",
}
_CAR_BRANDS = {
    "tesla", "toyota", "honda", "ford", "chevrolet", "chevy", "nissan", "subaru", "mazda",
    "hyundai", "kia", "bmw", "audi", "mercedes", "mercedes-benz", "volkswagen", "vw", "volvo",
    "lexus", "jeep", "porsche", "rivian", "polestar", "jaguar", "acura", "infiniti", "cadillac",
    "buick", "gmc", "dodge", "chrysler", "genesis", "fiat", "lucid", "prius", "civic", "corolla",
    "camry", "rav4", "outback", "forester", "miata", "jetta", "golf", "mustang", "f-150",
    "wrangler", "bronco", "tacoma", "crv", "cr-v", "cx-5", "leaf", "bolt", "ioniq", "niro",
    "model", "minivan", "suv", "sedan", "hatchback", "pickup", "truck", "car", "vespa", "scooter",
    "motorcycle", "motorbike",
}
_VEHICLE_GENERIC = {"minivan", "suv", "sedan", "hatchback", "pickup", "truck", "car", "model"}
_PHONE_BRANDS = {"iphone", "pixel", "galaxy", "oneplus", "xperia", "moto", "motorola", "nokia",
                 "xiaomi", "huawei", "fairphone", "samsung"}
_JOB_HEADS = set(
    ("engineer developer analyst manager designer teacher nurse doctor physician lawyer attorney "
     "accountant consultant scientist researcher professor lecturer intern director architect "
     "writer editor chef cook pharmacist therapist programmer administrator coordinator "
     "specialist officer technician assistant associate librarian marketer photographer "
     "journalist dentist veterinarian vet electrician mechanic paralegal recruiter strategist "
     "planner producer executive supervisor lead head vp president founder co-founder ceo cto "
     "cfo barista bartender server cashier clerk agent representative advisor adviser counselor "
     "counsellor paramedic firefighter pilot surgeon psychologist economist statistician "
     "translator tutor instructor coach trainer artist musician illustrator animator copywriter "
     "secretary receptionist owner principal dean postdoc freelancer contractor practitioner "
     "hygienist optometrist chemist biologist physicist mathematician auditor banker broker "
     "realtor carpenter plumber welder teller master nanny caregiver midwife"
     ).split())
_GYM_WORDS = re.compile(r"\b(?:gym|fitness|crossfit|ymca|club|studio|health|athletic|boxing|climbing|yoga|pilates|orangetheory|equinox|barry's)\b", re.IGNORECASE)
_LEAD_DROP = {"a", "an", "the", "my", "our", "his", "her", "their", "some", "this", "that",
              "these", "those", "another", "new", "brand", "brand-new", "used", "secondhand",
              "second-hand", "own", "first", "old", "little", "whole"}
_QUANT_HEADS = {"pair", "set", "couple", "bunch", "box", "bag", "kind", "sort", "type", "piece"}


# --------------------------------------------------------------------------- agent/modality


def _subject(t: Token) -> Token | None:
    for c in t.children:
        if c.dep_ in ("nsubj", "nsubjpass", "expl"):
            return c
    return None


def _is_user(subj: Token) -> bool:
    if subj.lower_ in ("i", "we"):
        return True
    # "my wife and I", "Sam and I"
    return any(c.dep_ == "conj" and c.lower_ in ("i", "me") for c in subj.children)


def _chain(t: Token) -> list[Token]:
    """The verb and the verbs it inherits its subject from (conj / xcomp / participial heads)."""
    out = [t]
    cur = t
    while _subject(cur) is None and cur.dep_ in ("xcomp", "conj", "pcomp", "acomp") and cur.head.i != cur.i:
        cur = cur.head
        out.append(cur)
    return out


def user_agent(t: Token) -> bool:
    """True when the clause of verb ``t`` has the user as its subject (or a dropped subject)."""
    chain = _chain(t)
    top = chain[-1]
    subj = _subject(top)
    if subj is not None:
        return _is_user(subj)
    # a dropped subject: "Caught Past Lives last night", "Ended up buying…" (sentence start)
    return top.dep_ == "ROOT" and top.tag_ in ("VBD", "VBN") and top.i <= 2 and top.i == _first_word(top.doc)


def _first_word(doc: Doc) -> int:
    for tok in doc:
        if tok.is_punct or tok.lower_ in ("just", "finally", "also", "oh", "so", "and", "btw", "then",
                                           "recently", "actually", "ok", "okay", "well", "anyway", "lol"):
            continue
        return tok.i
    return 0


def blocked(t: Token) -> bool:
    """Negated, modal, conditional or intended-only clauses state no fact."""
    for v in _chain(t):
        for c in v.children:
            if c.dep_ == "neg" or c.lower_ in _BLOCK_ADV:
                return True
            if c.dep_ == "aux" and c.lower_ in _MODALS:
                return True
            if c.dep_ == "aux" and c.lower_ == "'d" and v.tag_ == "VB":
                return True
            if c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless"):
                return True
            if c.dep_ == "aux" and c.lower_ in ("going", "gonna"):
                return True
        if v.i != t.i and v.lemma_.lower() in _INTENT:
            return True
        if v.dep_ == "advcl" and any(c.lower_ in ("if", "unless", "whether") for c in v.children):
            return True
        if v.head.i != v.i and v.dep_ in ("xcomp", "ccomp") and (v.head.lemma_.lower() in _INTENT or v.head.lower_ in _INTENT_FORMS):
            return True
    return False


# --------------------------------------------------------------------------- phrases


def _np(tok: Token) -> str:
    """The noun phrase headed by ``tok`` without determiners, relative clauses or adjuncts."""
    if tok.lemma_.lower() in _QUANT_HEADS:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None:
                    return _np(obj)
    left = [c for c in tok.subtree if c.i < tok.i and _in_left_np(c, tok)]
    start = min([c.i for c in left] + [tok.i])
    end = tok.i + 1
    # right-side compounds/numbers of a model name: "OnePlus 11", "Model 3", "F-150"
    for c in tok.rights:
        if c.dep_ in ("nummod", "compound", "npadvmod") and c.i == end:
            end = c.i + 1
    words = [w for w in tok.doc[start:end]]
    while words and (words[0].lower_ in _LEAD_DROP or words[0].dep_ in ("poss", "det", "predet")
                     or (words[0].like_num and re.fullmatch(r"(19|20)\d\d", words[0].text))):
        words.pop(0)
    return " ".join(w.text for w in words).strip(" ,.;:!?\"'")


def _in_left_np(c: Token, head: Token) -> bool:
    t = c
    while t.i != head.i:
        if t.head.i == t.i:
            return False
        if t.dep_ not in ("det", "poss", "amod", "compound", "nummod", "nmod", "quantmod", "advmod",
                          "case", "punct", "npadvmod", "predet", "hmod", "hyph"):
            return False
        t = t.head
    return True


def _entity(tok: Token) -> Span | None:
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _place(tok: Token) -> str | None:
    """A proper place name at ``tok`` (NER-tolerant: any capitalised proper phrase will do)."""
    ent = _entity(tok)
    if ent is not None and ent.label_ in ("GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"):
        text = ent.text
        text = re.sub(r"^(?:the\s+)", "", text, flags=re.IGNORECASE)
        return text if text[:1].isupper() else None
    if ent is not None and ent.label_ in ("DATE", "TIME", "CARDINAL", "MONEY", "ORDINAL"):
        return None
    if tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN", "ADJ") and tok.i > 0:
        return _np(tok) or None
    return None


def _proper(tok: Token) -> str | None:
    """A name-like phrase: a capitalised NP or entity (titles, brands, employers)."""
    ent = _entity(tok)
    if ent is not None and ent.label_ in ("ORG", "WORK_OF_ART", "PRODUCT", "PERSON", "GPE", "FAC", "EVENT"):
        text = ent.text
        if re.match(r"^the\s", text):
            text = text[4:]
        if text[:1].isupper() or text[:1].isdigit():
            return text
    np = _np(tok)
    if np and (np[:1].isupper() or np[:1].isdigit()) and tok.text[:1].isupper():
        return np
    return None


def _objects(v: Token, preps: tuple[str, ...] = ()) -> list[Token]:
    """Direct objects of ``v`` and objects of its prepositions (through particles and xcomp)."""
    out: list[Token] = []
    for c in v.children:
        if c.dep_ in ("dobj", "attr", "oprd", "dative") and not preps:
            out.append(c)
            out.extend(a for a in c.children if a.dep_ == "appos")
        if c.dep_ in ("prep", "agent", "prt") and (not preps or c.lower_ in preps):
            for g in c.children:
                if g.dep_ == "pobj":
                    out.append(g)
                elif g.dep_ == "prep" and (not preps or g.lower_ in preps):  # "out to", "up to"
                    out.extend(x for x in g.children if x.dep_ == "pobj")
        if c.dep_ == "advmod" and c.lower_ in ("back", "out", "up", "over", "down", "home") and preps:
            for g in c.children:
                if g.dep_ == "prep" and g.lower_ in preps:
                    out.extend(x for x in g.children if x.dep_ == "pobj")
    return out


def _particle(v: Token) -> str:
    """Verb particles, counting "back" as one whatever its label ("got back from")."""
    parts = [c.lower_ for c in v.children if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ == "back")]
    if v.lemma_.lower() == "get" and any(c.dep_ == "prep" and c.lower_ == "through" for c in v.children):
        parts.append("through")
    return " ".join(parts)


def _has_word(np: str, words: set[str]) -> bool:
    return any(w.strip(",.'\"").lower() in words for w in np.split())


# --------------------------------------------------------------------------- main


def dep_facts(doc: Doc) -> list[Triple]:
    """(predicate, value, value_type) triples the parse of one user sentence supports."""
    out: list[Triple] = []
    for v in doc:
        if v.pos_ not in ("VERB", "AUX"):
            continue
        lemma = v.lemma_.lower()
        if not user_agent(v) and not (lemma == "transfer" and any(c.dep_ == "dobj" and c.lower_ in ("me", "us") for c in v.children)):
            continue
        if blocked(v):
            continue
        out.extend(_verb_facts(v, lemma))
    return out


def _verb_facts(v: Token, lemma: str) -> list[Triple]:
    out: list[Triple] = []
    prt = _particle(v)
    tag = v.tag_
    # -- relocation: "moved (out) to X", "settling in X", "made the move to X", "transferred me to X"
    if lemma in _RELOCATE or (lemma == "make" and any(c.dep_ == "dobj" and c.lemma_ == "move" for c in v.children)):
        targets = _objects(v, ("to", "into", "in")) or [
            g for c in v.children if c.dep_ == "dobj" and c.lemma_ == "move"
            for p in c.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]
        # "moved into our new place in Oakland": the place hangs under the housing noun
        targets += [g for t in list(targets) if t.lemma_.lower() in ("place", "apartment", "flat", "house", "home", "condo", "city")
                    for p in t.children if p.dep_ == "prep" and p.lower_ in ("in", "near") for g in p.children if g.dep_ == "pobj"]
        for t in targets:
            if t.lemma_.lower() in ("place", "apartment", "flat", "house", "home", "condo"):
                continue
            if (p := _place(t)):
                out.append(("lives_in", p, "place"))
                break
    # -- residence: present or perfect "live in", "based in"
    if lemma in _LIVE and (tag in ("VBP", "VBZ", "VBG") or (tag == "VBN" and any(c.lemma_ in ("have", "be") for c in v.children))):
        for t in _objects(v, ("in", "outside", "near", "around")):
            if (p := _place(t)):
                out.append(("lives_in", p, "place"))
                break
    # -- work
    if lemma in ("work", "start", "join", "hire", "employ", "land", "get", "accept", "be", "switch", "stay"):
        out.extend(_work_facts(v, lemma))
    # -- copular: "I'm a nurse at X", "I became a staff engineer", "I'm 29"
    if lemma in ("be", "become") or (lemma == "make" and any(c.lower_ in ("me", "us") for c in v.children)):
        out.extend(_copular_facts(v, lemma))
    # -- acquisition
    if lemma in _ACQUIRE:
        out.extend(_acquire_facts(v, lemma, prt))
    # -- consumption
    if lemma in _READ or (lemma == "get" and prt == "through") or (lemma == "be" and _objects(v, ("through",))):
        for t in (_objects(v) if lemma in _READ else _objects(v, ("through",))):
            title = _quoted_or_proper(t)
            if title and not _is_person_or_place(t):
                out.append(("read_book", title, "item"))
                break
    if lemma in _WATCH:
        for t in _objects(v):
            title = _quoted_or_proper(t)
            if title and not _is_person_or_place(t) and not _has_word(title, _EVENT_NOUNS):
                out.append(("watched", title, "item"))
                break
    # -- travel and attendance
    if lemma in _TRAVEL or lemma in _ATTEND:
        out.extend(_travel_facts(v, lemma, prt))
    # -- any past first-person clause located in a named place: "I stayed in Oslo", "we ate our way through Lima"
    located = lemma not in _NOT_TRAVEL or lemma in _PURCHASE  # "picked up souvenirs in Oaxaca": the user was there
    if located and v.tag_ in ("VBD", "VBN") and not any(p == "visited" for p, _, _ in out):
        preps = ("in",) if lemma in _PURCHASE else ("to", "in", "through", "around", "across", "into", "over", "at", "from")
        for t in _objects(v, preps):
            ent = _entity(t)
            if ent is not None and ent.label_ in ("GPE", "LOC"):  # strict NER here: the verb says nothing
                out.append(("visited", ent.text, "place"))
                break
        for c in v.children:  # "made a quick trip to Oslo", "booked a weekend in Rome"
            if c.dep_ == "dobj" and c.lemma_.lower() in _TRIP_NOUNS:
                for t in _objects(c, ("to", "in", "around", "through")) if False else [
                        g for p_ in c.children if p_.dep_ == "prep" and p_.lower_ in ("to", "in", "around", "through")
                        for g in p_.children if g.dep_ == "pobj"]:
                    if (pl := _place(t)):
                        out.append(("visited", pl, "place"))
                        break
    # -- hobbies, instruments, languages
    if lemma in _HOBBY_VERBS | _LEARN:
        out.extend(_skill_facts(v, lemma, prt))
    # -- partner
    if lemma in ("date", "marry"):
        for t in _objects(v):
            ent = _entity(t)
            if t.text[:1].isupper() and (ent is None or ent.label_ == "PERSON"):
                out.append(("partner_name", t.text, "person"))
                break
    return out


def _quoted_or_proper(t: Token) -> str | None:
    return _proper(t)


def _is_person_or_place(t: Token) -> bool:
    ent = _entity(t)
    return ent is not None and ent.label_ in ("PERSON", "GPE", "LOC", "NORP", "DATE", "TIME")


def _work_facts(v: Token, lemma: str) -> list[Triple]:
    out: list[Triple] = []
    org_preps: tuple[str, ...] = ()
    if lemma in ("work", "stay"):
        org_preps = ("at", "for", "with")
    elif lemma in ("start", "join") and not any(c.dep_ == "xcomp" for c in v.children):
        org_preps = ("at", "with")
        for c in v.children:
            if c.dep_ == "dobj" and lemma == "join" and (name := _proper(c)):
                if _GYM_WORDS.search(name):
                    out.append(("gym", name, "org"))
                elif not _is_person_or_place(c):
                    out.append(("works_at", name, "org"))
    elif lemma in ("hire", "employ"):
        org_preps = ("by", "at", "with")
    elif lemma in ("land", "get", "accept"):
        for c in v.children:
            if c.dep_ == "dobj" and c.lemma_ in ("job", "position", "role", "offer", "gig", "internship"):
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("at", "with", "from"):
                        for g in p.children:
                            if g.dep_ == "pobj" and (name := _proper(g)):
                                out.append(("works_at", name, "org"))
                org_preps = ("at", "with")
    elif lemma == "be":
        # "I'm now with Shopify" (an ORG entity only), "I've been at Acme for years"
        for t in _objects(v, ("with", "at")):
            ent = _entity(t)
            if ent is not None and ent.label_ == "ORG" and not _GYM_WORDS.search(ent.text):
                out.append(("works_at", ent.text, "org"))
        return out
    elif lemma == "switch":
        for t in _objects(v, ("to",)):
            ent = _entity(t)
            if ent is not None and ent.label_ == "ORG" and any(c.lemma_ in ("job", "employer", "company") for c in v.children):
                out.append(("works_at", ent.text, "org"))
        return out
    if org_preps:
        for t in _objects(v, org_preps):
            name = _proper(t)
            ent = _entity(t)
            # NER often calls a two-word employer a PERSON; after "at" it is a workplace
            at_ok = ent is not None and ent.label_ == "PERSON" and t.head.lower_ == "at" and len(ent) > 1
            if name and (not _is_person_or_place(t) or at_ok):
                if _GYM_WORDS.search(name):
                    if lemma in ("work", "join", "start"):
                        out.append(("gym", name, "org"))
                    continue
                out.append(("works_at", name, "org"))
                break
    for t in _objects(v, ("as",)):
        title = _np(t)
        if title and t.lemma_.lower() in _JOB_HEADS:
            out.append(("job_title", title.lower() if not title.isupper() else title, None))
            break
    return out


def _copular_facts(v: Token, lemma: str) -> list[Triple]:
    out: list[Triple] = []
    for c in v.children:
        if c.dep_ in ("attr", "oprd", "ccomp", "dobj", "xcomp", "acomp") and c.pos_ in ("NOUN", "PROPN"):
            if c.lemma_.lower() in _JOB_HEADS or c.lower_ in _JOB_HEADS:
                title = _np(c)
                if title:
                    out.append(("job_title", title.lower(), None))
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("at", "for", "with"):
                        for g in p.children:
                            if g.dep_ == "pobj" and (name := _proper(g)) and not _is_person_or_place(g):
                                out.append(("works_at", name, "org"))
        if c.dep_ in ("attr", "acomp") and c.like_num and lemma == "be":
            n = _word_number(c.text)
            if n is not None and 5 <= n <= 110 and not any(x.dep_ == "prep" for x in c.children):
                out.append(("age", str(n), None))
    return out


_NUM_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}


def _word_number(text: str) -> int | None:
    """"34" → 34, "thirty" → 30, "twenty-seven" → 27."""
    t = text.lower().strip()
    if t.isdigit():
        return int(t)
    parts = re.split(r"[-\s]+", t)
    total = 0
    for p in parts:
        if p in _TENS:
            total += _TENS[p]
        elif p in _NUM_WORDS:
            total += _NUM_WORDS[p]
        else:
            return None
    return total or None


def word_number(text: str) -> int | None:
    """Public wrapper: a small cardinal written in digits or words (None when it is not one)."""
    return _word_number(text)


def _acquire_facts(v: Token, lemma: str, prt: str) -> list[Triple]:
    out: list[Triple] = []
    if lemma == "pick" and prt != "up":
        return out
    if lemma in ("drop", "blow") and not any(c.dep_ == "prep" and c.lower_ == "on" for c in v.children):
        return out
    if lemma in ("splurge", "invest", "drop", "blow"):
        objs = _objects(v, ("on", "in"))
    elif lemma in ("shell", "spring", "fork"):
        objs = _objects(v, ("for", "on"))
    elif lemma == "treat":
        objs = _objects(v, ("to",))
    elif lemma in ("upgrade", "switch"):
        objs = _objects(v, ("to",))
    elif lemma == "get" and prt in ("back", "through", "into", "over", "up", "out", "off", "on", "along"):
        return out
    else:
        objs = [c for c in v.children if c.dep_ in ("dobj",)]
        objs += [a for o in objs for a in o.children if a.dep_ == "appos"]
    for t in objs:
        if t.lower_ in ("myself", "me", "us", "ourselves"):
            continue
        np = _np(t)
        if not np:
            continue
        head = t.lemma_.lower()
        words = {w.lower() for w in re.findall(r"[\w-]+", np)}
        if head in _NOT_GOODS or t.pos_ == "PRON" or ((ent := _entity(t)) is not None and ent.label_ in ("PERSON", "DATE", "TIME", "GPE")):
            continue
        if head in _PETS or (words & _PETS and t.pos_ == "NOUN" and head in _PETS):
            if lemma in ("get", "adopt", "rescue", "bring", "buy"):
                out.append(("has_pet", head if head != "rescue" else np.lower(), "item"))
                name = _named(v, t)
                if name:
                    out.append(("pet_name", name, "person"))
            continue
        if lemma in ("adopt", "rescue"):
            continue
        brand_car = bool(words & _CAR_BRANDS) and not (words <= _VEHICLE_GENERIC)
        brand_phone = bool(words & _PHONE_BRANDS)
        if brand_car and t.text[:1].isupper() or (brand_car and any(w[:1].isupper() for w in np.split())):
            out.append(("drives", np, "item"))
            if lemma in _PURCHASE:
                out.append(("bought", np, "item"))
            break
        if brand_phone:
            out.append(("phone", np, "item"))
            if lemma in _PURCHASE:
                out.append(("bought", np, "item"))
            break
        if lemma == "pick" and (head in _INSTRUMENTS or head in _HOBBIES or t.tag_ == "VBG" or head.endswith("ing")):
            break  # a skill, handled by _skill_facts
        if lemma in ("upgrade", "switch", "bring"):
            continue
        if lemma == "get" and not (t.pos_ in ("NOUN", "PROPN") and (t.tag_ in ("NN", "NNS", "NNP", "NNPS"))):
            continue
        out.append(("bought", np, "item"))
        break
    return out


def _named(v: Token, obj: Token) -> str | None:
    for tok in v.doc[obj.i:]:
        if tok.lower_ in ("named", "called", "name") and tok.i + 1 < len(v.doc):
            nxt = v.doc[tok.i + 1]
            if nxt.lower_ in ("him", "her", "it", "them") and tok.i + 2 < len(v.doc):
                nxt = v.doc[tok.i + 2]
            if nxt.text[:1].isupper():
                return nxt.text
    return None


def _travel_facts(v: Token, lemma: str, prt: str) -> list[Triple]:
    out: list[Triple] = []
    if lemma == "be" and v.tag_ not in ("VBD",):
        return out
    if lemma == "get" and "back" not in prt.split():
        return out
    if lemma == "take" and prt not in ("", "part"):
        return out
    if lemma == "take" and any(c.dep_ == "dobj" and c.lemma_ in _TRANSPORT for c in v.children):
        for t in _objects(v, ("to",)):  # "took the train to Porto"
            if (p := _place(t)) and not _is_person_or_place_other(t):
                return [("visited", p, "place")]
    preps: tuple[str, ...] = ("to", "in", "from", "through", "around", "across", "at") if lemma != "visit" else ()
    if lemma in ("visit", "tour", "explore", "check", "attend", "catch", "run", "join"):
        preps = ()
    if lemma == "check" and prt != "out":
        return out
    if lemma in ("take", "participate", "compete", "volunteer"):
        preps = ("in", "part", "at")
    if lemma == "make" and not any(c.dep_ == "dobj" and c.lower_ == "it" for c in v.children):
        return out
    objs = _objects(v, preps) if preps else [c for c in v.children if c.dep_ == "dobj"]
    if lemma == "take" and prt == "part":
        objs = _objects(v, ("in",))
    for t in objs:
        np = _np(t)
        if not np:
            continue
        if _has_word(np, _EVENT_NOUNS) and not _is_person_or_place(t):
            if lemma in ("visit", "spend", "fly", "drive", "travel"):
                continue
            out.append(("attended", _event_np(t), "item"))
            break
        if lemma in _TRAVEL and lemma not in ("take",) and (p := _place(t)):
            ent = _entity(t)
            if ent is not None and ent.label_ in ("PERSON", "ORG") and lemma in ("be", "go", "get"):
                continue
            # "spent a week in X": the place is under the duration noun's prep or the verb's
            out.append(("visited", p, "place"))
            break
    if not out and lemma == "spend":
        for c in v.children:
            if c.dep_ == "dobj":
                for prep in c.children:
                    if prep.dep_ == "prep" and prep.lower_ in ("in", "at"):
                        for g in prep.children:
                            if g.dep_ == "pobj" and (pl := _place(g)):
                                out.append(("visited", pl, "place"))
    return out


_TRANSPORT = {"train", "bus", "ferry", "flight", "plane", "boat", "coach", "overnight", "redeye", "red-eye", "car", "shuttle"}


def _is_person_or_place_other(t: Token) -> bool:
    ent = _entity(t)
    return ent is not None and ent.label_ in ("PERSON", "DATE", "TIME")


def _event_np(t: Token) -> str:
    """An attended event keeps possessives ("my cousin's wedding" → "cousin's wedding")."""
    left = [c for c in t.subtree if c.i < t.i and _in_left_np(c, t)]
    start = min([c.i for c in left] + [t.i])
    words = [w for w in t.doc[start:t.i + 1]]
    while words and words[0].lower_ in ("a", "an", "the", "my", "our", "this", "that", "some"):
        words.pop(0)
    text = " ".join(w.text for w in words)
    return re.sub(r"\s+'s\b", "'s", text)


def _skill_facts(v: Token, lemma: str, prt: str) -> list[Triple]:
    out: list[Triple] = []
    objs = [c for c in v.children if c.dep_ in ("dobj", "xcomp", "attr")]
    objs += [g for c in v.children if c.dep_ == "prep" and c.lower_ in ("into", "in") for g in c.children if g.dep_ == "pobj"]
    for t in objs:
        low = t.lower_
        words = [w.lower_ for w in t.subtree if not w.is_punct]
        inst = next((w for w in words if w in _INSTRUMENTS), None)
        lang = next((w for w in words if w in _LANGUAGES), None)
        if inst and lemma in ("learn", "practice", "practise", "take", "teach", "start", "play", "pick", "begin"):
            if lemma == "take" and not any(w in ("lessons", "lesson", "classes", "class") for w in words) and prt != "up":
                continue
            out.append(("plays_instrument", inst, "item"))
            break
        if lang and lemma in ("learn", "study", "practice", "practise", "take", "teach", "start", "speak", "pick", "begin"):
            out.append(("speaks_language", lang.capitalize() if lang != "asl" else "ASL", "item"))
            break
        if lemma in ("take", "get", "pick", "start", "begin", "do", "try"):
            if lemma == "take" and prt != "up":
                continue
            if lemma == "get" and not any(c.dep_ == "prep" and c.lower_ == "into" for c in v.children):
                continue
            if lemma in ("start", "begin", "try") and t.dep_ != "xcomp" and t.tag_ != "VBG" and low not in _HOBBIES:
                continue
            if lemma == "do" and low not in _HOBBIES:
                continue
            np = _np(t) if t.dep_ != "xcomp" else t.lower_
            if t.dep_ == "xcomp":
                if low not in _HOBBIES:
                    continue
                np = low
            if np and (low in _HOBBIES or np.split()[-1].lower() in _HOBBIES):
                out.append(("hobby", np.lower(), "item"))
                break
    # "grew up speaking Tagalog"
    if lemma == "speak" and not out:
        for c in v.children:
            if c.dep_ == "dobj" and c.lower_ in _LANGUAGES:
                out.append(("speaks_language", c.text.capitalize(), "item"))
    return out


# --------------------------------------------------------------------------- impersonal statements

_READ_CUES = {"read", "page-turner", "novel", "book", "memoir", "audiobook"}
_WATCH_CUES = {"watch", "rewatch", "movie", "film", "show", "series", "screen", "cinema", "theater",
               "theatre", "binge", "episode", "season", "finale", "documentary", "imax"}


def impersonal_facts(doc: Doc, past: bool) -> list[Triple]:
    """Pronoun-less statements about the user's own life, read from the subject of a past clause:
    "Osaka was amazing last week" → visited, "The charity gala was a blast" → attended,
    "Piranesi was such a good read" → read_book, "Knives Out was fun to rewatch" → watched."""
    out: list[Triple] = []
    for v in doc:
        if v.dep_ not in ("ROOT", "ccomp", "conj") or v.pos_ not in ("AUX", "VERB") or any(c.dep_ == "neg" for c in v.children):
            continue
        is_past = v.tag_ in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in v.children)
        if not (is_past or (past and v.tag_ not in ("VBZ", "VBP", "MD"))):
            continue
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in v.children):
            continue
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lower_ in ("i", "we", "it", "that", "this", "he", "she", "they", "you", "there"):
            continue
        if subj.left_edge.i > 3:
            continue  # the sentence's topic, not a name buried in a clause
        rest = {t.lower_ for t in doc if t.i > subj.i} | {t.lemma_.lower() for t in doc if t.i > subj.i}
        ent = _entity(subj)
        np = _np(subj)
        if ent is not None and ent.label_ in ("GPE", "LOC"):
            out.append(("visited", ent.text, "place"))
        elif _has_word(np, _EVENT_NOUNS) and subj.lemma_.lower() in _EVENT_NOUNS:
            out.append(("attended", _event_np(subj), "item"))
        elif subj.text[:1].isupper() and (title := _lead_title(doc, v) or _proper(subj)) and not (
                ent is not None and ent.label_ in ("GPE", "LOC", "NORP", "DATE", "TIME")):
            if rest & _READ_CUES:
                out.append(("read_book", title, "item"))
            elif rest & _WATCH_CUES:
                out.append(("watched", title, "item"))
    return out


def _lead_title(doc: Doc, v: Token) -> str | None:
    """The capitalised words opening the sentence before its verb ("Knives Out was…")."""
    words = [t for t in doc[: v.i] if not t.is_punct]
    if not words or len(words) > 8 or not words[0].text[:1].isupper():
        return None
    if not all(t.text[:1].isupper() or t.text[:1].isdigit() or t.lower_ in ("of", "the", "and", "in", "a", "on", "to", "for") for t in words):
        return None
    return " ".join(t.text for t in words)

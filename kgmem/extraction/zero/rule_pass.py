"""The rule pass over one user sentence: surface patterns, then parse readers, then a dated fallback;
and the per-sentence filters the extractor applies to what all stages found.

Split out of :mod:`.extractor` (which runs the stages and combines them) so each module keeps one job.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

from kgmem import predicates
from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import DENIED, HYPOTHETICAL, IMAGINED, NEGATION, REFUSING, UNDOING
from kgmem.extraction.zero.combine import GAINS as _GAINS
from kgmem.extraction.zero.combine import WEAK_CONFIDENCE
from kgmem.extraction.zero.facts import make_fact
from kgmem.extraction.zero.impersonal import (
    event_from_doc,
    impersonal_facts,
    left_over_from,
    visited_from_doc,
)
from kgmem.extraction.zero.lexicon import (
    CAR_BRANDS_CASED,
    GYM_WORDS,
    PETS,
    PHONE_BRANDS_CASED,
    STATIVE,
    alt,
)
from kgmem.extraction.zero.meaning import GYM_CONTEXT
from kgmem.extraction.zero.nlp import load_nlp, proper_at, word_number
from kgmem.extraction.zero.patterns_updates import PRESUPPOSED
from kgmem.extraction.zero.patterns_user import NOUN_PHRASE_RULES, USER_RULES
from kgmem.extraction.zero.pet_names import pet_name_facts
from kgmem.extraction.zero.phrases import canonical, valid_value
from kgmem.extraction.zero.sentences import FIRST_PERSON_STRICT, Sentence, best_time
from kgmem.extraction.zero.slot_nouns import kin_facts, slot_facts
from kgmem.extraction.zero.verbs import WEAK_PLACE, dep_facts
from kgmem.lexicon.people import people_noun
from kgmem.text import last_sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc

_OBJECT_GROUPS = ("obj", "org", "species", "title", "inst", "lang")


#: a modal just before a pattern's object takes a happening back ("I could buy…", "I have to visit…")
_MODAL = re.compile(r"\b(?:can|could|would|should|must|(?:need|have|has|got)\s+to)\s+(?:\w+\s+)?$", re.IGNORECASE)
#: an ability said before a parse reader's value ("I can order food")
_ABLE = re.compile(r"\b(?:I|we)\s+(?:can|could|can't|cannot|couldn't)\s+(?:\w+\s+)?(?:buy|order|get|afford|visit|go|"
                   r"see|watch|read|attend|make\s+it)\b", re.IGNORECASE)
#: happenings (a modal or an ability takes them back)
_DEEDS = frozenset({"bought", "spent", "visited", "attended", "watched", "read_book"})


#: rules naming the user's people: a plan or wish around them does not make them imagined
#: ("I don't want to sound ungrateful, my in-laws are lovely", "if my sister Ana visits")
_PEOPLE_SAID = frozenset({"family", "name_is", "partner_named"})


def pattern_facts(sent: Sentence, date: datetime, only: frozenset[str] | None = None) -> list[CandidateFact]:
    """Facts the surface patterns read in a user sentence (trigger not negated or hypothetical);
    ``only``: the names of the rules to run (all by default)."""
    out: list[CandidateFact] = []
    hypothetical = bool(HYPOTHETICAL.search(sent.text))
    when = best_time(sent.times)
    for rule in USER_RULES:
        if only is not None and rule.name not in only:
            continue
        for m in rule.pattern.finditer(sent.masked):
            prefix = sent.masked[max(0, m.start() - 40): m.start() + 40]
            # the trigger: from just before the match to where its object starts
            obj_start = next((m.start(g) for g in _OBJECT_GROUPS
                              if g in m.re.groupindex and m.start(g) >= 0), m.end())
            trigger = sent.masked[max(0, m.start() - 25): obj_start]
            if not rule.allow_negation and NEGATION.search(trigger):
                continue
            if hypothetical and HYPOTHETICAL.search(prefix) and rule.name not in _PEOPLE_SAID | PRESUPPOSED:
                continue
            modal = _MODAL.search(trigger) is not None
            for pred, value, vtype in rule.emit(m, sent):
                if modal and pred in _DEEDS:
                    continue  # "I can order food" says what the user is able to do, not what they bought
                if valid_value(value):
                    out.append(make_fact(sent, pred, value, vtype, rule.change, when, date))
    return out


def rule_facts(sent: Sentence, date: datetime, doc: Doc | None) -> list[CandidateFact]:
    """Patterns, then the parse readers for predicates the patterns did not fill."""
    if IMAGINED.search(sent.text):
        return []
    out = pattern_facts(sent, date)
    out += [f for f in back_reference_facts(sent, date) + been_there_facts(sent, date, doc)
            if f.predicate not in {g.predicate for g in out}]
    hypothetical = bool(HYPOTHETICAL.search(sent.text))
    when = best_time(sent.times)
    if not hypothetical:
        have_values = {(f.predicate, f.value.casefold()) for f in out}
        out += [make_fact(sent, pred, value, vtype, False, when, date) for pred, value, vtype in pet_name_facts(sent)
                if (pred, value.casefold()) not in have_values]
    if doc is not None:
        have = {f.predicate for f in out}
        extra = [] if hypothetical else dep_facts(doc) + slot_facts(doc)
        if not hypothetical and not FIRST_PERSON_STRICT.search(sent.text):
            extra += impersonal_facts(doc, past=when is not None and not when.future)
        for pred, value, vtype in extra:
            if pred in have or not valid_value(value):
                continue
            weak = vtype == WEAK_PLACE
            out.append(make_fact(sent, pred, value, "place" if weak else vtype, pred not in STATIVE, when, date,
                                 confidence=WEAK_CONFIDENCE if weak else 0.8))
    out += _kin(sent, date, doc, out)
    able = _ABLE.search(sent.text)
    # a gym is a place of training: "contracting for a studio called Fernhill Games" names an employer;
    # "I can order food" says what the user is able to do, not what they bought
    return [f for f in (canonical(f) for f in out) if f is not None
            and not (f.predicate == "gym" and not GYM_CONTEXT.search(sent.text) and not GYM_WORDS.search(f.value))
            and not (able is not None and f.predicate in _DEEDS and f.value in sent.text[able.end():])]


def question_facts(sent: Sentence, date: datetime, doc: Doc | None = None) -> list[CandidateFact]:
    """What a question or request says in passing, in its noun phrases ("Can you draft a card for
    my team at Ocado?", "is it safe for my cat Luna?"): the noun-phrase rules and the user's relatives."""
    if IMAGINED.search(sent.text):
        return []
    out = pattern_facts(sent, date, NOUN_PHRASE_RULES)
    return [f for f in (canonical(f) for f in out + _kin(sent, date, doc, out)) if f is not None]


def _kin(sent: Sentence, date: datetime, doc: Doc | None, found: list[CandidateFact]) -> list[CandidateFact]:
    """The user's relatives named by kinship alone (slot_nouns.kin_facts); a plan or a wish around
    them does not make them imagined ("I don't want to sound rude, but my in-laws visit every week")."""
    if doc is None or not sent.personal:
        return []
    have = {f.value.casefold() for f in found if f.predicate == "family_member"}
    return [make_fact(sent, p, v, t, False, None, date) for p, v, t in kin_facts(doc) if v not in have]


def dated_fallback(sent: Sentence, date: datetime, doc: Doc | None) -> list[CandidateFact]:
    """Nothing else read in a sentence that says a past time: a dated trip or a dated event."""
    when = best_time(sent.times)
    if doc is None or when is None or when.future or HYPOTHETICAL.search(sent.text) or IMAGINED.search(sent.text):
        return []
    place = visited_from_doc(doc)
    if place:
        return [make_fact(sent, "visited", place, "place", True, when, date, confidence=WEAK_CONFIDENCE)]
    occasion = left_over_from(doc)
    if occasion:
        return [make_fact(sent, "attended", occasion, "item", True, when, date, confidence=WEAK_CONFIDENCE)]
    ev = event_from_doc(doc, sent)
    if not ev:
        return []
    return [CandidateFact(
        predicate="event", value=ev, value_type=None, text=f"User {ev} ({when.text}).",
        time_text=when.text, valid_from=when.point, valid_to=when.end,
        granularity=when.granularity, speaker="user", source_turns=[sent.turn], confidence=0.6,
    )]


_PAST_AGE = re.compile(r"\b(?:since|when|until|till|before|after|by\s+the\s+time)\s+(?:I|we)\s+(?:was|were)\s+"
                       r"(?:only\s+|about\s+|like\s+|maybe\s+)?(\w+)", re.IGNORECASE)


def past_age(text: str, value: str) -> bool:
    """The sentence gives ``value`` as an age the user had then ("vegetarian since I was fifteen")."""
    return any(str(word_number(m.group(1))) == value for m in _PAST_AGE.finditer(text))


#: predicates whose value may be a stray word of a longer name, and those that name a whole thing
_LOOSE = frozenset({"likes", "dislikes", "hobby", "favourite_food", "favourite_drink", "favourite_music",
                    "favourite_sport", "bought", "owns"})
_NAMED = frozenset({"read_book", "watched", "attended", "bought", "drives", "phone"})


def fragment_of_another(f: CandidateFact, found: list[CandidateFact]) -> bool:
    """A user value that is a word or two of another, surer value of the sentence ("likes Crime"
    next to "read Born a Crime"): a piece of that thing's name, not a thing of its own."""
    low = f.value.casefold()
    return f.subject == "user" and f.predicate in _LOOSE and any(
        g.subject == "user" and g.predicate in _NAMED and g.predicate != f.predicate and (
            g.confidence >= f.confidence and len(g.value) > len(f.value)
            and re.search(r"\b" + re.escape(low) + r"\b", g.value.casefold())
            # "likes the entire Discworld series" beside "read Discworld series": the same thing
            or f.predicate == "likes" and len(g.value) < len(f.value)
            and re.search(r"\b" + re.escape(g.value.casefold()) + r"\b", low) is not None)
        for g in found)


#: lasting facts a dated deed may state besides its event; any other fact carries the date itself
_COMPANIONS = frozenset({"hobby", "speaks_language", "has_pet", "likes", "plays_instrument", "owns", "friend",
                         "family_member"})


def event_companion(f: CandidateFact) -> bool:
    """A fact that leaves the sentence's dated event unsaid: a lasting trait or an open fact."""
    return f.subject != "user" or f.predicate in _COMPANIONS or predicates.get(f.predicate) is None


def dated_deed(e: CandidateFact) -> bool:
    """An event worth stating beside a lasting fact: a past deed dated to the day ("adopted a
    rescue cat three days ago"), not a habit over a season ("started knitting over the winter")."""
    return e.predicate == "event" and e.granularity == "day" and e.value.split()[0].lower() not in (
        "have", "has", "am", "do", "get", "go", "need", "want")


#: buying words: without one, an animal got is a pet, not a purchase ("We got a kitten")
_PAID = re.compile(r"\b(?:bought|buy|buying|paid|pay|purchased|ordered|cost|spent|splurged|[$£€]\d)", re.IGNORECASE)
#: a thing given to the user: owned, not bought ("Got a Kindle for my birthday", "my mum gave me…")
_GIFT = re.compile(r"\bfor\s+(?:my|our)\s+(?:birthday|bday|anniversary|christmas|xmas|graduation|wedding)\b|"
                   r"\bas\s+an?\s+(?:gift|present)\b|\b(?:gave|got|bought)\s+(?:me|us)\b|\b(?:a|an)\s+(?:gift|present)\s+from\b",
                   re.IGNORECASE)


#: "have got" says what one has ("I've got a Kindle", "I've got two"), not what one bought, unless
#: the sentence tells it as new ("I've just got a new bike", "I've got a Pixel as of yesterday")
_HAVE_GOT = r"\b(?:'ve|have|'s|has)\s+got\s+(?:(?:a|an|the|some|two|three|four|\d+)\s+)?"
_NEWLY = re.compile(r"\b(?:just|finally|recently|newly|new|today|yesterday|last|ago|now)\b", re.IGNORECASE)


def as_owned(f: CandidateFact, text: str) -> CandidateFact | None:
    """A "bought" reading checked against how the thing came: a pet got without a word of
    buying is a pet (its has_pet is read apart); a gift is owned, not bought; what one "has
    got" is owned."""
    if f.subject != "user" or f.predicate != "bought":
        return f
    if f.value.lower().split()[-1].rstrip("s") in PETS and not _PAID.search(text):
        return None
    gift = _GIFT.search(text) and not _PAID.search(text.replace("bought me", "").replace("bought us", ""))
    had = re.search(_HAVE_GOT + re.escape(f.value.split()[0]), text, re.IGNORECASE) is not None \
        and not _PAID.search(text) and not _NEWLY.search(text)
    if gift or had:
        f.predicate = "owns"
        f.text = f"User owns: {f.value}."
    return f




#: what the user has and uses: a thing got for someone else is theirs ("bought a Pixel for my mum")
_HELD_THINGS = frozenset({"phone", "drives", "owns"})
_FOR_WHOM = re.compile(r"\bfor\s+(?:(?:my|our|his|her|their)\s+(?P<noun>[\w-]+?)(?:'s|’s|s)?\b|(?P<pron>him|her|them)\b)",
                       re.IGNORECASE)


#: where one clause of a line ends: "we bought the Octavia, I use it for my kids' football runs" gets
#: nothing for anyone in its first clause
_CLAUSES = re.compile(r"[,;]|\b(?:and|but|so)\s+(?=(?:I|we)\b)", re.IGNORECASE)


def for_another(text: str) -> bool:
    """The line gets a thing for another person ("for my mum", "for her", "for my nephew's birthday")."""
    return any(m.group("pron") or people_noun(m.group("noun")) for m in _FOR_WHOM.finditer(text))


def undone(f: CandidateFact, text: str) -> bool:
    """A gain told before a clause that takes it back: "We looked at a flat in Clapham, but someone
    else got it" lives nowhere new; "I was offered a job at Amazon but I turned it down" works there not;
    and any fact of a clause after "not that" ("It's not that I don't like sushi")."""
    if f.subject != "user":
        return False
    m = UNDOING.search(text)
    if m is not None and f.predicate in _GAINS and f.value.casefold() in text[:m.start()].casefold():
        return True
    if f.predicate in _GAINS and any(f.value.casefold() in r.group("rest").casefold() for r in REFUSING.finditer(text)):
        return True  # "I turned down the offer from Deloitte": never held
    if f.predicate in _HELD_THINGS and any(f.value.casefold() in part.casefold() and for_another(part)
                                           for part in _CLAUSES.split(text)):
        return True  # "I bought a Samsung phone for my mum": her phone
    # "It's not that I don't like sushi": the clause after "not that" is put forward to be denied
    return any(f.value.casefold() in d.group("denied").casefold() for d in DENIED.finditer(text))


#: a statement that points back to a thing named before it: "Mine started doing it",
#: "That's what I drive", "I've got the same one"
_POINTS_BACK = re.compile(r"^\W*(?:(?:and|but|so|well)\s+)?(?:[Mm]ine|[Oo]urs|[Mm]y\s+one)\b|"
                          r"\b(?:[Tt]hat's|[Tt]hat\s+is|[Ii]t's|which\s+is)\s+what\s+(?:I|we)\s+(?:drive|have|use|own|ride|run|"
                          r"got|'ve\s+got)\b|\b(?:I|we)(?:\s+(?:have|own|drive|use|have\s+got|got)|'ve\s+got)\s+(?:one|the\s+same(?:\s+one)?)\b|"
                          # "I'm allergic" with nothing after it (or "to them"): the food named before
                          r"(?P<allergic>\bI(?:'m|\s+am)\s+(?:(?:very|really|severely|badly|super|so)\s+)?allergic"
                          r"(?:\s+to\s+(?:it|them|those|these|that))?\s*(?=[.!,;)]|$))")
#: foods and things people are allergic to, named before a bare "I'm allergic"
_NAMED_ALLERGEN = re.compile(r"\b(?:peanuts?|(?:tree\s+)?nuts|cashews?|almonds?|walnuts?|pecans?|hazelnuts?|pistachios?|"
                             r"shellfish|prawns?|shrimps?|crab|lobster|mussels|fish|eggs?|dairy|milk|cheese|gluten|wheat|"
                             r"soy|soya|sesame|strawberries|kiwis?|mangoes|mango|celery|mustard|lupin|penicillin|latex|"
                             r"cats?|dogs?|pollen|bees|wasps|coconut|avocados?|tomatoes|garlic|onions?)\b", re.IGNORECASE)
_NAMED_CAR = re.compile(r"\b(?:a|an|the|my|our|old)\s+(?P<v>(?:" + alt(CAR_BRANDS_CASED) + r")(?:\s+(?:" + alt(CAR_BRANDS_CASED)
                        + r"|[A-Z0-9][\w-]*))?)\b")
_NAMED_PHONE = re.compile(r"\b(?:a|an|the|my|our|old)\s+(?P<v>(?:" + alt(PHONE_BRANDS_CASED) + r")(?:\s+[A-Z0-9][\w-]*)?)\b")


#: "I was there back in 2019", "we've been there twice": a visit to the place named just before
_BEEN_THERE = re.compile(r"\b(?:I|[Ww]e)(?:'ve\s+been|\s+(?:was|were|have\s+been|went|travell?ed|stayed))\s+(?:\w+\s+)?there\b")
_PLACE_NAMED = re.compile(r"\b(?:to|in|for|of|around|visit(?:ing)?|about)\s+(?P<p>[A-Z][a-zà-ÿ'-]+(?:\s+[A-Z][a-zà-ÿ'-]+)?)")


def been_there_facts(sent: Sentence, date: datetime, doc: Doc | None) -> list[CandidateFact]:
    """A visit told by "there" after the place was named ("Plan a three-day itinerary for Kyoto. I was
    there back in 2019"): the place is the last one named before, which NER must call a place."""
    m = _BEEN_THERE.search(sent.text)
    if m is None or NEGATION.search(sent.text[max(0, m.start() - 10):m.end()]) or HYPOTHETICAL.search(sent.text):
        return []
    last = last_sentence(sent.before)
    context = last + " " + sent.text[:m.start()]
    hits = [h.group("p") for h in _PLACE_NAMED.finditer(context)]
    if not hits:
        return []
    place = hits[-1]
    ents = load_nlp()(context).ents
    if not any(e.text == place and e.label_ in ("GPE", "LOC", "FAC") for e in ents):
        return []
    return [make_fact(sent, "visited", place, "place", True, best_time(sent.times), date, confidence=0.7)]


def back_reference_facts(sent: Sentence, date: datetime) -> list[CandidateFact]:
    """The car or phone a pointing-back statement is about ("Is it normal for a Prius to click?
    Mine started doing it" → drives Prius), named in the sentence before or earlier in this one."""
    m = _POINTS_BACK.search(sent.text)
    if m is None or NEGATION.search(sent.text[max(0, m.start() - 15):m.end()]):
        return []
    last = last_sentence(sent.before)
    context = last + " " + sent.text[:m.start()]
    when = best_time(sent.times)
    if m.group("allergic"):
        # "swap the peanuts for something else, I'm allergic": the allergen is the one named just before
        hits = list(_NAMED_ALLERGEN.finditer(context))
        return [make_fact(sent, "allergic_to", hits[-1].group(0).lower(), "item", False, None, date, confidence=0.7)] \
            if hits else []
    for rx, pred in ((_NAMED_CAR, "drives"), (_NAMED_PHONE, "phone")):
        hits = list(rx.finditer(context))
        if hits:
            return [make_fact(sent, pred, hits[-1].group("v"), "item", False, when, date, confidence=0.7)]
    return []


#: a show seen live is attended, not watched ("Saw Arctic Monkeys live", "caught a jazz trio")
_LIVE = re.compile(r"\blive\b(?!\s+(?:in|at\s+home|with))|\b(?:gig|concert|trio|quartet|band|orchestra|choir|DJ|dj|"
                   r"festival|tour|set\s+at)\b")
_SEEN = re.compile(r"\b(?:saw|seen|see|caught|catch|watched|watch)\s+(?:a|an|the|some)?\s*(?P<obj>[^,.;!?]+?)\s+at\s+(?:the\s+)?")


def seen_at_venue(f: CandidateFact, text: str) -> CandidateFact:
    """A watched or attended value read apart from the venue it was seen at: "Watched Dune 2 at the
    Odeon" is Dune 2; "Caught a jazz trio at the Blue Lantern" is the trio, and a show seen live
    is attended."""
    if f.subject != "user" or f.predicate not in ("watched", "attended"):
        return f
    cut = re.split(r"\s+at\s+(?:the\s+)?(?=[A-Z])", f.value)[0]
    if cut and cut != f.value:
        f.value = cut
    for m in _SEEN.finditer(text):
        if text[m.end():].startswith(f.value):
            f.value = re.sub(r"^(?:a|an|the)\s+", "", m.group("obj").strip())  # the venue was read: take what was seen
            break
    if f.predicate == "watched" and _LIVE.search(text):
        f.predicate = "attended"
        f.text = f"User attended: {f.value}."
    return f


#: verbs that take a title in whatever medium the verb beside them said ("finished X and started Y")
_TITLE_TAKERS = frozenset({"start", "begin", "finish", "devour", "binge", "love", "enjoy", "rewatch", "reread"})


def shared_medium(found: list[CandidateFact], sent: Sentence, date: datetime, doc: Doc | None) -> list[CandidateFact]:
    """Titles of coordinated verbs read in the medium the first verb said: "Finished Demon
    Copperhead last night and started Piranesi" reads Piranesi too; "Watched Severance and then
    started The Bear" watched The Bear."""
    if doc is None:
        return []
    media = {f.value: f.predicate for f in found if f.subject == "user" and f.predicate in ("read_book", "watched")}
    if not media:
        return []
    out: list[CandidateFact] = []
    when = best_time(sent.times)
    for v in doc:
        if v.dep_ != "conj" or v.lemma_.lower() not in _TITLE_TAKERS or v.head.pos_ != "VERB":
            continue
        first = next((media[val] for t in v.head.children if t.dep_ == "dobj" for val in media
                      if t.text in val.split()), None)
        if first is None:
            continue
        for o in v.children:
            title = proper_at(o) if o.dep_ == "dobj" else ""
            if title and title not in media:
                out.append(make_fact(sent, first, title, "item", True, when, date, confidence=0.7))
    return out

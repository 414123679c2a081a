"""A held slot told in a closed past period is no current value: "I worked at Barclays until 2022",
"I was on an iPhone until 2023", "I lived in Leeds before moving to York", "I no longer work at Barclays".

The patterns and the meaning stage read the value whatever the tense; a slot the user holds (where they
work or live, their gym, car or phone: :data:`kgmem.extraction.zero.leaving.ENDING`'s slots) is not
asserted when the verb its value hangs on tells, by the parse, a period that is over:

- a verb of holding a state (be, live, work, have, use, drive…; not one of beginning or getting: "got an
  iPhone before my trip" begins what holds) in a past tense (a simple past or a past perfect; a present
  perfect, "I've worked there for six years", still holds) with a bound ("until 2022"), a span counted in
  years or months ("for six years"), or a later event it came before ("before moving to York", "before that");
- a negation with an ending adverb ("no longer", "not … anymore").

The tense, the closed period and the ending negation are read by :mod:`kgmem.temporal.periods`, the
one reader the answer side's stale reader uses too (its closed words are the meaning bank of stopped
states, ``kgmem/resources/intents/stopped.json``). Decided from the parse, never from a phrase of a
data set.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from kgmem import packaged
from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import asked, cannot_stop
from kgmem.extraction.zero.clauses import possessed_by_other
from kgmem.extraction.zero.lexicon import job_noun
from kgmem.lexicon import called_off, people
from kgmem.lexicon.people import USER_SUBJECTS
from kgmem.nlp import has_user_possessor
from kgmem.temporal import periods

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: the slots a closed period ends (one value at a time, held until changed)
HELD = frozenset({"works_at", "job_title", "lives_in", "gym", "drives", "phone"})
_VERBS = frozenset({"VERB", "AUX"})
#: verbs of holding a state: only a state is closed by a bound, a span or a later event; a verb of
#: beginning or getting is not ("got an iPhone 15 before my trip", "started at Google before Christmas",
#: "took a job at Accenture for six months": each begins what now holds; rev15 H1)
_STATE_VERBS = frozenset({"be", "live", "work", "have", "stay", "use", "drive", "own", "rent", "reside", "base",
                          "run", "ride"})
#: a quotation opening: a double or curly quote, or a straight single one after a space
_OPEN_QUOTE = re.compile(r"[\"“‘]|(?<=\s)'")


def _closed(verb: Token) -> bool:
    """The verb's period is over: a state verb in a past tense, bounded, counted in years or months,
    or before a later event; or a negation with an ending adverb (:mod:`kgmem.temporal.periods`)."""
    if periods.past_tense(verb) and verb.lemma_.lower() in _STATE_VERBS and (
            periods.closed_period(verb) or periods.came_before(verb)):
        return True  # "until 2022", "for six years", "from 2015 to 2019", "before moving to York"
    # "no longer", "not … anymore": a negation with an ending adverb
    words = [c for c in verb.children if c.dep_ in ("advmod", "neg", "npadvmod")]
    return periods.ending_negation(t for w in words for t in (w, *w.children))


def _verb_of(t: Token) -> Token | None:
    """The first verb above ``t`` (the value's own clause)."""
    cur = t
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.pos_ in _VERBS:
            return cur
    return cur if cur.pos_ in _VERBS else None


@lru_cache(maxsize=1)
def _saying() -> frozenset[str]:
    """Verbs of saying: counting.json's retelling verbs (tell, mention, say), the one list of them."""
    return frozenset(packaged.json_data("lexicon", "counting.json")["retelling_verbs"])


def reported(f: CandidateFact, doc: Doc | None) -> bool:
    """``f`` is someone else's words: its clause is in the first person and is what another person said
    ("My boss said 'I live in Croydon and I'm never moving'": the "I" is the boss)."""
    if doc is None or f.subject != "user":
        return False
    at = doc.text.casefold().find(f.value.casefold())
    span = doc.char_span(at, at + len(f.value), alignment_mode="expand") if at >= 0 else None
    verb = _verb_of(span.root) if span is not None and len(span) else None
    while verb is not None and verb.dep_ == "conj":
        verb = verb.head  # "… 'I live in Croydon and I'm never moving'": the first clause said
    if verb is None or verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in _saying():
        return False
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    teller = [c for c in verb.head.children if c.dep_ == "nsubj"]
    # only a quotation keeps the teller's "I" ("My boss said I work too hard" is about the user)
    quoted = _OPEN_QUOTE.search(doc.text[verb.head.idx: span.start_char]) if span is not None else None
    return bool(own and teller and quoted) and own[0].lower_ in USER_SUBJECTS and teller[0].lower_ not in USER_SUBJECTS


def ended(f: CandidateFact, doc: Doc | None) -> bool:
    """``f`` is a held slot of the user's that the sentence tells in a closed past period."""
    if doc is None or f.predicate not in HELD or f.subject != "user":
        return False
    at = doc.text.casefold().find(f.value.casefold())
    if at < 0:
        return False
    span = doc.char_span(at, at + len(f.value), alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = _verb_of(span.root)
    return verb is not None and _closed(verb)


#: tastes: a liking the user says has ended, or asks about, is no taste of theirs
TASTES = frozenset({"likes", "favourite_food", "favourite_drink", "favourite_music", "favourite_sport", "hobby"})
#: what a verb takes in the parse that a predicate of the lexicon may name (its particle, preposition, object, complement)
_TAKES = frozenset({"prt", "prep", "dobj", "acomp", "advmod"})


def taste_ended(f: CandidateFact, doc: Doc | None) -> bool:
    """``f`` is a taste of the user's that the sentence says has ended: the verb its value hangs on says a liking
    or a habit stops ("I've gone right off coffee", "I'm so over sushi", "I gave up red wine", "Energy drinks and I
    broke up": the called-off lexicon's 'lose_taste' and 'stop' senses, with what each must take in the parse), or
    is negated with an ending adverb ("pizza doesn't do it for me anymore")."""
    if doc is None or f.predicate not in TASTES or f.subject != "user":
        return False
    root = _value_span_root(f, doc)
    verb = _verb_of(root) if root is not None else None
    if verb is None and root is not None:  # "Energy drinks and I broke up": the parser hung the verb on the value
        verb = next((c for c in root.children if c.dep_ == "conj" and c.pos_ in _VERBS), None)
    if verb is None or cannot_stop(verb):
        return False  # "I just can't stop knitting": the habit holds
    taken = {w for c in verb.children if c.dep_ in _TAKES for w in (c.lower_, c.lemma_.lower())}
    lemma = verb.lemma_.lower()
    if any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() == "be" for c in verb.children):
        lemma, taken = "be", taken | {verb.lower_}  # "I'm done with craft beer": be + its participle
    if called_off.says(verb.lemma_.lower(), taken, called_off.LOSING_TASTE, "stop") \
            or called_off.says(lemma, taken, called_off.LOSING_TASTE):
        return True
    words = [c for c in verb.children if c.dep_ in ("advmod", "neg", "npadvmod")]
    return periods.ending_negation(t for w in words for t in (w, *w.children))


def taste_asked(f: CandidateFact, text: str, doc: Doc | None) -> bool:
    """``f`` is a taste read from what a question asks ("Oh, and does anyone actually enjoy a red-eye?", "Side note:
    what's the food scene like in Porto?"): the sentence is a question after an opener or a short label
    (:func:`.checks.asked`) and the value hangs on its main verb; a taste told in a clause under it stays ("Since I
    love spicy food, what should I order?")."""
    if doc is None or f.predicate not in TASTES or f.subject != "user" or not asked(text):
        return False
    root = _value_span_root(f, doc)
    verb = _verb_of(root) if root is not None else None
    return verb is not None and verb.dep_ == "ROOT"


#: where one works, lives or trains: another person's told with their own verb ("my mechanic fixed my Golf" keeps
#: the user's car)
_PLACES_HELD = frozenset({"works_at", "job_title", "lives_in", "gym"})
#: the slots of a post held: sought ("applied for a job with Starbucks") is not held
_POST_SLOTS = frozenset({"works_at", "job_title"})


def _value_span_root(f: CandidateFact, doc: Doc) -> Token | None:
    at = doc.text.casefold().find(f.value.casefold())
    span = doc.char_span(at, at + len(f.value), alignment_mode="expand") if at >= 0 else None
    if span is None and f.value.isdigit():  # an amount read without its commas ("1900" said "$1,900")
        return next((t for t in doc if t.text.replace(",", "") == f.value), None)
    return span.root if span is not None and len(span) else None


def sought(f: CandidateFact, doc: Doc | None) -> bool:
    """``f`` is a post the user seeks, not one held: a verb or noun of seeking (the one lexicon's "seek"
    sense: "applied for a job as a barista with Starbucks", "had an interview … with Barclays") governs
    the value in the parse, up to its clause's verb. A post the user calls theirs on the way ("interviewed
    about my job at Tesco"), a topic ("about"), or a seeking followed by getting it ("applied … and got it,
    started Monday") is held."""
    if doc is None or f.predicate not in _POST_SLOTS or f.subject != "user":
        return False
    tok = _value_span_root(f, doc)
    if tok is None:
        return False
    verbs, nouns = called_off.lemmas(called_off.SEEKING), called_off.seeking_nouns()
    below = tok
    for t in tok.ancestors:
        lemma = t.lemma_.lower()
        if has_user_possessor(t) or below.lower_ == "about":
            return False  # "my job at Tesco": a post held; "interviewed about …": the topic
        if t.pos_ in ("NOUN", "PROPN") and lemma in nouns:
            return not _got_it(t)
        if t.pos_ in _VERBS and lemma in verbs and not any(c.dep_ == "dobj" for c in t.children):
            return not _got_it(t)  # "interviewed at Google"; not "I interview candidates at Google" (their job)
        if t.pos_ in _VERBS and t.dep_ not in ("xcomp", "advcl", "acl", "relcl", "pcomp"):
            return False  # the clause's own verb: seeking above it is another clause's
        below = t
    return False


#: verbs of getting or starting a post: a seeking told with one of them ended in the post
_GOT = frozenset({"get", "land", "accept", "start", "join", "take", "begin"})


def _got_it(t: Token) -> bool:
    """The seeking word's clause goes on to getting or starting the post ("applied … and got it, started Monday")."""
    verb = t if t.pos_ in _VERBS else _verb_of(t)
    if verb is None:
        return False
    near = [c for c in verb.children if c.dep_ in ("conj", "advcl")] + ([verb.head] if verb.dep_ == "conj" else [])
    near += [g for n in list(near) for g in n.children if g.dep_ == "conj"]
    return any(n.pos_ in _VERBS and n.lemma_.lower() in _GOT for n in near)


#: what a person other than the user may hold or do in a line of the user's: their workplace, home, gym, car,
#: phone, commute, and the deeds told of them ("Priya started a new job at Deloitte", "my neighbour bought a Tesla")
_OTHERS_SLOTS = HELD | _PLACES_HELD | frozenset({"commute", "bought", "spent", "visited", "attended", "read_book",
                                                 "watched", "salary", "rent"})
#: amounts held (pay, rent): another person as the subject sets the user's ("my boss raised my salary")
_AMOUNTS_HELD = frozenset({"salary", "rent"})
#: what one holds (a post, a home, a car, pay, rent), not what one does
_HELD_SLOTS = HELD | _PLACES_HELD | frozenset({"commute", "salary", "rent"})
#: the user as an object or a second agent of the verb ("Priya got me a job at Deloitte", "my sister and I")
_USER_OBJECTS = people.USER_PRONOUNS


def _another_person(subj: Token) -> bool:
    """``subj`` names a person other than the user: he/she, a name, or a people noun ("my sister", "the lads")."""
    if subj.lower_ in ("he", "she"):
        return True
    ent = next((e for e in subj.doc.ents if e.start <= subj.i < e.end), None)
    if ent is not None:
        return ent.label_ == "PERSON"
    # a name NER left unlabelled ("Priya started…": one capitalised word, no determiner or modifier); a labelled
    # organisation or place is no person, nor a noun the tagger took for a name ("a guitar amp came home with me",
    # "No more Chevy Bolt — drove the F-150 home")
    if subj.pos_ == "PROPN":
        return subj.text[:1].isupper() and not any(
            c.dep_ in ("det", "compound", "amod", "nummod", "poss") for c in subj.children)
    return subj.pos_ == "NOUN" and people.people_noun(subj.lemma_.lower())


def someone_elses(f: CandidateFact, doc: Doc | None) -> bool:
    """``f``'s value hangs on a verb whose subject is another person: a person the user names by a service
    or an occupation ("My dentist works at Bright Smile"), by name, by kin or by a pronoun ("Priya started a
    new job at Deloitte", "my boss just started a new role at Accenture": their post, not the user's), or a thing
    another person owns ("his salary went to $52,900", "my brother's rent went up to $1,900"). Not
    when the user is in the clause too ("Priya got me a job at Deloitte", "my sister and I moved to Leeds")
    or the value places the subject ("my manager at Accenture keeps booking calls": the user's manager)."""
    if doc is None or f.predicate not in _OTHERS_SLOTS or f.subject != "user":
        return False
    tok = _value_span_root(f, doc)
    verb = _verb_of(tok) if tok is not None else None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
    if verb is None or subj is None or tok is None or any(a.i == subj.i for a in (tok, *tok.ancestors)):
        return False  # "my manager at Accenture keeps booking calls": the value places the subject, the user's manager
    if has_user_possessor(tok):
        return False  # "My mechanic fixed my Golf yesterday": another's deed on a thing still the user's
    relative = subj.lower_ in ("who", "that") and verb.dep_ == "relcl"
    if relative:
        subj = verb.head  # "a video about people who live on boats in Amsterdam": the people live there
    elif f.predicate not in _HELD_SLOTS:
        return False  # a deed told with another person as its subject may still be shared: only held slots are read
    near = [*verb.children, *subj.children, *(g for c in verb.children if c.dep_ == "prep" for g in c.children)]
    if any(c.lower_ in _USER_OBJECTS for c in near if c.dep_ in ("dobj", "dative", "conj", "nsubj", "pobj")):
        return False  # "Priya got me a job", "Sam and I moved", "Dana came with us to Lisbon"
    if possessed_by_other(subj):
        # "his salary went to $52,900", "my brother's rent went up": theirs; a deed at another's occasion is still
        # the user's ("Priya's birthday dinner at Dishoom was lovely": the user was there)
        return f.predicate in _HELD_SLOTS
    if f.predicate in _AMOUNTS_HELD:
        return False  # an amount is its owner's, whoever sets it: "Our landlord just raised the rent to £1,450"
    lemma = subj.lemma_.lower()
    trade = subj.pos_ == "NOUN" and (lemma in people.words("services") or job_noun(lemma))
    if trade and f.predicate == "spent":
        return False  # what a trade charges is the user's outlay: "The cleaner charged £14 an hour"
    if trade and f.predicate in _PLACES_HELD:
        return True
    return _another_person(subj)

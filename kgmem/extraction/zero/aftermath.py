"""An outing or a trip told by what it left behind (session 27, x27; invented sets effects_x25, effects_x27).

"My ears are still ringing from the Arctic Monkeys gig", "Still picking confetti out of my hair after my cousin's
wedding", "the hangover from Dan's stag do is on another level", "Unpacking after Berlin", "Three weeks since
Kyoto", "since getting back from Osaka": no verb of going, yet the user was there. Read from the parse, no time
needed (the aftermath is told now, so the outing came before):

- an **occasion** (an event noun of the lexicon, or a noun WordNet knows first as a social event or a meeting;
  a routine one — dinner, class, a walk — only when named or modified: "the Lakers game", "the charity dinner")
  after "from", "after" or "since" → ``attended``;
- a **place** (a GPE/LOC entity) after "after" or "since" (a place that dates something is a stay there), or after
  "back/home from" on a verb of the user's ("since getting back from Osaka") → ``visited``;

where the phrase hangs on the user's own state or thing: a clause whose subject is the user, a thing of the user's
or dropped ("Slept eleven hours after the hackathon"), or a thing of no one's said in a clause that names the user
("The lanyard from the summit is still hanging on my door"). Not another person's ("My flatmate's still jet-lagged
after Singapore", "My sister's tan from Ibiza"), not a plan, a negation or a modal ("I bet the jet lag after Sydney
will be awful"), not an outing still ahead ("I'm flying home after the conference").

Nor an occasion seen from afar (session 29, x29; invented set seen_and_done_x29): a film or a broadcast ("vegetarian
since the documentary"), a record of it that is no one's or another's ("photos from the Met Gala", "reviews from the
Cannes premiere"; "my photos from the Harbour Festival" stay the user's outing), or one the sentence says the user
missed, skipped or streamed ("Missed the gig … clips from the gig all week", "after the premiere that I skipped it").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import HYPOTHETICAL, IMAGINED, cannot_stop, negated, user_agent
from kgmem.extraction.zero.clauses import Clause, clauses_of
from kgmem.extraction.zero.facts import make_fact
from kgmem.extraction.zero.lexicon import EVENT_HEADS, PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import entity_at, event_phrase
from kgmem.extraction.zero.phrases import valid_value
from kgmem.extraction.zero.sentences import Sentence, best_time
from kgmem.knowledge import readings_of
from kgmem.knowledge.kinds import is_kind_of, same_thing, sense_kind_of
from kgmem.lexicon.people import (
    USER_OBJECTS,
    USER_OWN,
    USER_POSSESSIVES,
    USER_PRONOUNS,
    USER_REFLEXIVES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from kgmem.temporal.types import ResolvedTime

#: what an occasion is, to WordNet (first sense): a concert, a wedding, a rave, a premiere; a conference, a seminar
_OCCASION_KINDS = ("social_event", "meeting")
#: occasions that are also the routine of a day: one only when named or modified ("after dinner" is no outing)
_ROUTINE = frozenset({"dinner", "lunch", "brunch", "breakfast", "class", "course", "meeting", "session", "walk",
                      "run", "shower", "talk", "game", "match", "tour", "meet", "wake", "party", "show", "play"})
#: the user's own words: a clause naming one is about the user's things ("on my door", "in my coat pocket")
_USER_WORDS = USER_PRONOUNS | USER_POSSESSIVES | USER_OWN | USER_REFLEXIVES
#: words that keep an aftermath in the present ("I'm still buzzing"): a progressive without one may be a plan
_LINGERING = frozenset({"still", "already", "finally", "now", "yet"})
_PREPS = frozenset({"from", "after", "since"})
#: the temporal resolver's kinds of a bare or "on" weekday (kgmem.temporal.resolvers)
_WEEKDAY_KINDS = frozenset({"weekday_rel", "bare_weekday"})
#: words of a habit: a clause with one tells what happens after any such occasion, not one of them
_HABITUAL = frozenset({"always", "usually", "often", "every", "whenever", "normally", "generally", "sometimes", "never"})
#: what a record of an occasion is, to WordNet (any sense): photos, pictures, footage, a video, reviews, news of it
_RECORD_KINDS = ("representation", "recording", "film", "criticism", "news")
#: an occasion to WordNet that is watched, not gone to: a documentary, a film, a programme on air
_SCREENED_KINDS = ("movie", "broadcast")
#: verbs of not being there (a closed class), with the deeds each denies of its object: an occasion, a trip or a
#: show missed or skipped; an occasion or a place followed on a stream (a show streamed is still watched)
_AWAY: dict[str, frozenset[str]] = {
    "miss": frozenset({"attended", "visited", "watched"}), "skip": frozenset({"attended", "visited", "watched"}),
    "stream": frozenset({"attended", "visited"}), "livestream": frozenset({"attended", "visited"})}


def occasion(t: Token, dated: bool = False) -> bool:
    """``t`` (a noun) names an occasion one goes to (see the module's docstring); ``dated``: its clause says when,
    so "a" names one occasion ("hoarse after a karaoke night on Saturday"), not any ("my feet ache after a festival")."""
    lemma, low = t.lemma_.lower(), t.lower_
    if any(c.dep_ == "det" and (c.lower_ in ("any", "every", "each") or c.lower_ in ("a", "an") and not dated)
           for c in t.children):
        return False  # "my feet ache after a festival": any festival, none the user went to
    if t.text[:1].isupper() and t.i > 0 and not any(c.dep_ in ("compound", "amod", "nmod") for c in t.children):
        return False  # a capitalised word alone is a name, not a kind ("from Decathlon": a shop, no contest)
    if not (lemma in EVENT_HEADS or low in EVENT_HEADS or any(is_kind_of(lemma, k) for k in _OCCASION_KINDS)):
        return False
    if any(same_thing(lemma, k) for k in _SCREENED_KINDS):
        return False  # "since the documentary": a film is watched, not gone to
    if lemma not in _ROUTINE and low not in _ROUTINE:
        return True
    return t.pos_ == "PROPN" or t.text[:1].isupper() or any(
        c.dep_ in ("compound", "amod", "nmod") or c.dep_ == "poss" and c.lower_ not in _USER_WORDS for c in t.children)


def dated(clause: Clause) -> bool:
    """The clause says when, once: a day or a time of its own ("after a ceilidh on Friday", "a wedding yesterday"),
    no word of a habit ("always", "every", "whenever")."""
    return any(t.ent_type_ in ("DATE", "TIME") for t in clause.tokens) \
        and not any(t.lower_ in _HABITUAL for t in clause.tokens)


def _place(t: Token) -> str | None:
    """A named place at ``t``: a GPE/LOC entity, or a name the tagger took for an organisation that the gazetteer
    knows as a place ("Two weeks since Marseille")."""
    ent = entity_at(t)
    if ent is None or not ent.text[:1].isupper() or ent.label_ not in ("GPE", "LOC") and not (
            ent.label_ == "ORG" and len(ent) == 1 and readings_of(ent.text)[0]):
        return None
    return ent.text[4:] if ent.text.lower().startswith("the ") else ent.text


def _users(t: Token) -> bool:
    """``t`` is the user's own thing or the user: no person, no other owner ("Tom's photos")."""
    if t.lower_ in USER_PRONOUNS:
        return True
    owner = next((c for c in t.children if c.dep_ == "poss"), None)
    ent = entity_at(t)
    return (owner is None or owner.lower_ in _USER_WORDS) and t.lemma_.lower() not in PEOPLE_NOUNS \
        and not (ent is not None and ent.label_ in ("PERSON", "NORP", "ORG"))


def _names_user(clause: Clause) -> bool:
    """A word of the user's own stands in the clause, not inside another's possessive ("my sister's tan")."""
    return any(t.lower_ in _USER_WORDS and not (t.dep_ == "poss" and t.head.dep_ == "poss") and not (
        t.dep_ == "poss" and not _users(t.head)) for t in clause.tokens)


def _body(t: Token | None) -> bool:
    """``t`` is a part of a body with no owner said: the speaker's, the possessive dropped ("Feet are killing me",
    "ears still buzzing"); a body does not make plans, so its progressive is its state now."""
    return t is not None and t.pos_ == "NOUN" and is_kind_of(t.lemma_.lower(), "body_part") \
        and not any(c.dep_ == "poss" for c in t.children)


def _own(clause: Clause) -> str:
    """Whose the clause is: a past verb with its subject dropped is the speaker's ("Slept eleven hours after …",
    "Woke up with a lanyard from …"), never a request."""
    return "user" if clause.about == "request" and clause.subject is None and clause.head.tag_ == "VBD" else clause.about


def _ahead(clause: Clause) -> bool:
    """The clause may tell a plan: a progressive with no word that keeps it now ("I'm flying home after …"); never a
    perfect one, which lasts from then to now ("I've been limping since the Berlin marathon", "Been sneezing since …")."""
    h = clause.head
    if _body(clause.subject):
        return False
    return h.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in h.children) \
        and not any(c.dep_ == "aux" and c.tag_ == "VBN" for c in h.children) \
        and not any(c.lower_ in _LINGERING for c in h.children)


def _the_users_aftermath(on: Token, clause: Clause) -> bool:
    """``on``, what the phrase hangs on, is the user's own state or thing (module docstring)."""
    if clause.blocked or clause.about == "other" or _ahead(clause) \
            or any(c.dep_ == "neg" for c in clause.head.children) and not cannot_stop(clause.head):
        return False
    about = _own(clause)
    while on.dep_ in ("compound", "amod") and on.head.i != on.i:
        on = on.head
    if on.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and on.i != clause.head.i:
        # a thing: the user's ("my tan"), or no one's in a clause of the user's ("The lanyard … on my door")
        return _users(on) and (any(c.dep_ == "poss" and c.lower_ in _USER_WORDS for c in on.children)
                               or about in ("user", "mine") or _names_user(clause) or _body(on)
                               or about == "none" and clause.subject is None)
    subject = clause.subject
    if subject is None:
        return about in ("user", "mine", "none")  # "Slept eleven hours straight after the hackathon"
    return _users(subject) and (subject.lower_ in USER_PRONOUNS or about in ("user", "mine")
                                or _names_user(clause) or _body(subject))


def _a_record(on: Token) -> bool:
    """``on`` is a record of the occasion that is no one's or another's ("photos from the Met Gala", "Tom's footage
    from the gig"): seen from afar; the user's own record ("my photos from the festival") says the user was there."""
    return on.pos_ == "NOUN" and bool(sense_kind_of(on.lemma_.lower(), _RECORD_KINDS)) and not any(
        c.dep_ == "poss" and c.lower_ in _USER_WORDS for c in on.children)


def _away_verb(v: Token) -> str | None:
    """The verb of :data:`_AWAY` that ``v`` is, by its lemma or its form (the lemmatiser reads "Livestreamed" as
    "livestreame")."""
    if v.pos_ not in ("VERB", "AUX"):
        return None
    lemma = v.lemma_.lower()
    return lemma if lemma in _AWAY else next(
        (b for b in _AWAY if v.lower_.startswith(b) and len(v.lower_) - len(b) <= 3), None)


def _seen_away(t: Token, pred: str = "attended") -> bool:
    """The sentence says the user missed, skipped or streamed the thing at ``t`` (a deed ``pred`` of it is denied):
    a verb of :data:`_AWAY`, the user's and not negated, over ``t`` itself, a noun of its kind ("Missed the gig …
    clips from the gig") or "it"."""
    lemma = t.lemma_.lower()
    for v in t.doc:
        base = _away_verb(v)
        if base is None or pred not in _AWAY[base] or negated(v) or not user_agent(v) \
                or base == "miss" and v.tag_ not in ("VBD", "VBN"):
            continue  # "I already miss it": a longing, not an absence
        if any(o.dep_ in ("dobj", "obj") and (o.i == t.i or o.lemma_.lower() == lemma or o.lower_ in ("it", "that"))
               for o in v.children):
            return True
    return False


def seen_away(f: CandidateFact, doc: Doc | None) -> bool:
    """``f`` is an outing, a trip or a show of the user's that the sentence says was missed, skipped or only streamed
    ("Missed the Oasis reunion gig because of work", "skipped the office party", "Streamed the whole festival")."""
    if doc is None or f.subject != "user" or not any(f.predicate in deeds for deeds in _AWAY.values()):
        return False
    at = doc.text.casefold().find(f.value.casefold())
    span = doc.char_span(at, at + len(f.value), alignment_mode="expand") if at >= 0 else None
    return span is not None and len(span) > 0 and _seen_away(span.root, f.predicate)


def _occasion_value(t: Token) -> str:
    """The occasion's phrase without a day that owns it ("Saturday's rave" → "rave")."""
    phrase = event_phrase(t)
    day = next((c for c in t.children if c.dep_ == "poss" and (e := entity_at(c)) is not None
                and e.label_ in ("DATE", "TIME")), None)
    if day is not None:
        phrase = phrase.split(day.text, 1)[-1].lstrip("'s ").strip() or phrase
    return phrase


def _back_from(prep: Token) -> bool:
    """ "back from", "home from" on a verb ("since getting back from Osaka", "we smuggled back from Normandy")."""
    on = prep.head
    if on.lower_ in ("back", "home") and on.head.i != on.i:
        on = on.head
    return on.pos_ in ("VERB", "AUX") and any(c.lower_ in ("back", "home") and c.dep_ in ("advmod", "prt", "npadvmod")
                                              for c in on.children)


def _done_to_user(t: Token) -> bool:
    """``t`` is the subject of a past verb whose object is the speaker: the occasion did something to the user ("A
    pub quiz last night took it out of me", "a stag do finished me off", "a yoga retreat wiped me out", "the gala
    had me crying"), so the user was there. Not another's ("… finished him off"), not negated."""
    v = t.head
    if t.dep_ != "nsubj" or v.pos_ not in ("VERB", "AUX") or v.tag_ != "VBD" or negated(v):
        return False
    for u in v.subtree:
        if u.lower_ not in USER_OBJECTS or u.i == v.i:
            continue
        path, on = [], u.head
        while on.i != v.i and on.head.i != on.i:
            path.append(on)
            on = on.head
        # "wiped me out", "took it out of me" (on a particle and a preposition), "had me crying" (me, the subject of
        # the clause the verb makes); no other verb between ("… said it tired me")
        if on.i == v.i and all(p.pos_ in ("ADP", "ADV", "PART", "ADJ") or p.i == u.head.i and u.dep_ == "nsubj"
                               for p in path):
            return True
    return False


def _occasions_done_to_user(doc: Doc, question: bool) -> list[tuple[str, str, str]]:
    """(``attended``, occasion, ``item``) for each occasion that did something to the user (:func:`_done_to_user`)."""
    out: list[tuple[str, str, str]] = []
    clauses: list[Clause] | None = None
    for t in doc:
        if t.pos_ != "NOUN" or not _done_to_user(t) or not occasion(t, dated=True) or _seen_away(t):
            continue
        clauses = clauses if clauses is not None else clauses_of(doc)
        clause = next((c for c in clauses if t.head.i in c.index), None)
        fact = ("attended", _occasion_value(t), "item")
        if clause is not None and not clause.blocked and clause.about != "other" and fact[1] \
                and not (question and clause.head.dep_ == "ROOT") and fact not in out:
            out.append(fact)
    return out


def aftermath_facts(doc: Doc, question: bool = False) -> list[tuple[str, str, str]]:
    """(predicate, value, value kind) of the outings and trips the sentence tells by their aftermath (in a question,
    only in a clause other than the question itself: "a recipe for the paprika I brought back from Budapest?"), or by
    what they did to the user (:func:`_done_to_user`)."""
    out = _occasions_done_to_user(doc, question)
    if not any(t.lower_ in _PREPS for t in doc):
        return out
    clauses: list[Clause] | None = None
    for t in doc:
        # the object of "after"; or a noun the parse hangs "after" on as a clause's mark ("Slept till noon after the gala")
        prep = t.head if t.dep_ == "pobj" else next((c for c in t.children if c.dep_ == "mark"), None)
        if prep is None or prep.lower_ not in _PREPS or t.pos_ not in ("NOUN", "PROPN"):
            continue
        on = prep.head if t.dep_ == "pobj" else t.head
        clauses = clauses if clauses is not None else clauses_of(doc)
        clause = next((c for c in clauses if prep.i in c.index), None)
        place = _place(t)
        if place is not None:
            fact = ("visited", place, "place") if prep.lower_ in ("after", "since") or t.dep_ == "pobj" and _back_from(prep) \
                else None
        else:
            fact = ("attended", _occasion_value(t), "item") if occasion(t, clause is not None and dated(clause)) \
                and not _a_record(on) and not _seen_away(t) else None
        if fact is None or not fact[1]:
            continue
        if clause is not None and not (question and clause.head.dep_ == "ROOT") \
                and _the_users_aftermath(on, clause) and fact not in out:
            out.append(fact)
    return out


def _gone(when: ResolvedTime | None, date: datetime) -> ResolvedTime | None:
    """The day of an outing whose aftermath is now: a weekday read ahead ("hoarse from a match on Sunday", the
    parse taking the present for a plan) is the last such day, a week before; any other time read ahead is not
    its day (None)."""
    if when is None or not when.ahead:
        return when
    if when.kind not in _WEEKDAY_KINDS or not 0 < (when.start.date() - date.date()).days <= 7:
        return None
    week = timedelta(days=7)
    return replace(when, start=when.start - week, end=when.end - week, future=False, ahead=False,
                   anchor=when.anchor and when.anchor - week)


def aftermath(sent: Sentence, date: datetime, doc: Doc | None, found: list[CandidateFact]) -> list[CandidateFact]:
    """The facts :func:`aftermath_facts` reads in a user sentence that the other stages did not already give,
    dated by the sentence's past time if it says one (else undated: the outing came before, on a day not said). A
    plan's "after" ("I'm flying home after the conference on Friday") is refused by the clause (:func:`_ahead`)."""
    if doc is None or sent.role != "user" or IMAGINED.search(sent.text) or HYPOTHETICAL.search(sent.text):
        return []
    when = _gone(best_time(sent.times), date)
    have = {(f.predicate, f.value.casefold()) for f in found if f.subject == "user"}
    return [make_fact(sent, pred, value, kind, False, when, date) for pred, value, kind in aftermath_facts(doc, sent.question)
            if (pred, value.casefold()) not in have and valid_value(value)]

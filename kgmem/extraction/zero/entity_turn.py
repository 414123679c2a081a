"""Facts about other people and things, sentence by sentence through a turn.

The clauses of a sentence are read in order with one :class:`~.entity_refs.TurnContext` per turn
(for "she", "it", "they" and attribute nouns without an owner). Two kinds of sentence are parsed
again for this reading only, because the parse of the whole sentence hides their statement:

- a **headline** and its statement, split at ": " ("Passport update: it's approved",
  "Winter timetable at Maya's school: they finish at 2:50 now", "Offsite venue changed: we're
  going to Cedar Lodge"): the headline names the thing (and maybe the attribute) the statement
  is about;
- **"X's" before a preposition or adverb** is "X is" ("Biscuit's off the renal food",
  "my car's at the garage"): a possessive is never followed by a preposition;
- an opening **interjection** ("Ugh, her flight's delayed…") is dropped: the parser makes it the root.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import datetime

import numpy as np

from kgmem import predicates
from kgmem.extraction.schema import CandidateFact, SlotProbe
from kgmem.extraction.zero.checks import IMAGINED, INTERROGATIVE, UNDOING, intent_only
from kgmem.extraction.zero.clauses import Clause, clauses_of
from kgmem.extraction.zero.entity_acted import acted_states
from kgmem.extraction.zero.entity_estimates import estimate_facts
from kgmem.extraction.zero.entity_facts import _entity_fact, entity_facts
from kgmem.extraction.zero.entity_first import ROLE_NOUNS, first_statements
from kgmem.extraction.zero.entity_frames import frame_facts
from kgmem.extraction.zero.entity_future import arranged
from kgmem.extraction.zero.entity_headlines import headline_state, headline_thing, unrestored
from kgmem.extraction.zero.entity_names import naming_facts
from kgmem.extraction.zero.entity_open import open_slot_facts
from kgmem.extraction.zero.entity_partners import partner_facts
from kgmem.extraction.zero.entity_probes import LEADING, clause_probe, sentence_probe
from kgmem.extraction.zero.entity_quoted import quoted_state
from kgmem.extraction.zero.entity_readings import (
    hypothetical,
    in_charge_agent,
    place_owner,
    scheduled_object,
    when_span,
)
from kgmem.extraction.zero.entity_refs import (
    EntityRef,
    TurnContext,
    _phrase,
    _specific,
    note_people,
)
from kgmem.extraction.zero.entity_roles import role_values
from kgmem.extraction.zero.entity_subjects import _CHANGE_VERBS, entity_of
from kgmem.extraction.zero.entity_types import typed_facts
from kgmem.extraction.zero.entity_values import with_ranges
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import load_nlp
from kgmem.extraction.zero.proposals import Proposer
from kgmem.extraction.zero.sentences import Sentence
from kgmem.extraction.zero.values import fill
from kgmem.ids import plain_value
from kgmem.lexicon import calendar

_HEADLINE = re.compile(r"^\s*([^:?!.]{3,60}?):\s+(\S.{6,})$")
#: a short headline set off by a spaced dash ("Insurance claim — settled"): at most four words, checked by the caller
_DASH_HEADLINE = re.compile(r"^\s*([^:?!.,;]{3,40}?)\s+[—–]\s+(\S.{4,})$")
_IS = re.compile(r"\b([A-Za-z]+)'s(?=\s+(?:off|on|at|in|back|now|with|out|away|still|also|finally|actually|"
                 # an article: a possessive takes none after it ("my mate Oskar's a sous chef at Rovi")
                 r"a|an|"
                 r"currently|doing|working|living|staying|home|ready|done|sorted|open|closed|"
                 # a state said with a participle ("the Corsa's fixed", "Ana's visa's approved")
                 r"based|stationed|fixed|approved|cancelled|canceled|shipped|delivered|dispatched|confirmed|finished|booked|"
                 r"rejected|declined|resolved|repaired|postponed|delayed|moved|paid|printed|sold|broken|collected|reopened|refunded)\b)")

#: "X's <time>" is "X is <time>" ("the standup's 9:45 from Monday", "football's Saturday at 11"): a
#: possessive is followed by what is owned ("Sam's Saturday plans", "Leo's 10am lesson"), never by a
#: time that ends the statement or is followed by at/from/now/on
_TIME_IS = re.compile(rf"\b([A-Za-z]+)'s(?=\s+(?:\d{{1,2}}(?:[:.]\d{{2}})?\s*(?:am|pm)?|(?:{calendar.weekday_alternation()})s?)"
                      r"(?:\s+(?:at|from|now|on|instead|sharp|every|this|next|till|until)\b|\s*[,.;!?]|\s*$))",
                      re.IGNORECASE)
#: "X's <role> now" is "X is <role>" ("Priyanka's treasurer now", "Mo's captain for the rest of the
#: season"); "Mo's captain said…" (his captain) has no word of time after the role
_ROLE_IS = re.compile(r"\b([A-Z][a-z]+)'s(?=\s+(?:the\s+)?(?:new\s+)?(?:captain|treasurer|secretary|chair|chairperson|"
                      r"president|lead|boss|manager|coach|organiser|organizer|coordinator|head|rep|contact|"
                      r"walker|sitter|teacher|tutor|instructor|landlord|host)\s+(?:now|these\s+days|from\s+now|"
                      r"going\s+forward|for\s+the\s+rest|for\s+now|this\s+(?:year|season|term)|instead|again)\b)")
#: an interjection opening a sentence ("Ugh, her flight's delayed") is parsed as its root
_INTERJECTION = re.compile(r"^\s*(?:(?:ugh+|argh+|oh|ah|aw|hmm+|sigh|yikes|phew|ooh|wow|meh|damn|ugh, well)\s*[,!.]+\s*"
                           # openers that are no part of the statement even without a comma ("ugh the
                           # proposal is due…", "ok so they emailed…", "fyi the review moved…")
                           r"|(?:ugh+|argh+|sigh|yikes|phew|meh|ok(?:ay)?\s+so|so\s+yeah|right\s+so|fyi|btw|"
                           r"heads\s+up|quick\s+(?:update|note|one))\s*[,:!.-]*\s+(?=\w))",
                           re.IGNORECASE)
#: a per-unit price's unit ("1600 a month"), left out when comparing with the user's own values
_RATE_TAIL = re.compile(r"\s+a\s+\w+$")
Score = Callable[[Sequence[str]], list[np.ndarray]]


#: a name after one of these is a place named by its owner ("starts at St Bede's in September",
#: "dinner at Nando's on Friday"), not "X is"
_PLACE_BEFORE = re.compile(r"\b(?:at|to|from|into|near|outside|by|for)\s+(?:[A-Z][\w.]*\s+){0,2}$")


def _is_unless_place(m: re.Match[str]) -> str:
    return m.group(0) if _PLACE_BEFORE.search(m.string[: m.start()]) else f"{m.group(1)} is"


#: a question spliced onto a statement by a comma or dash ("my mate Kwame works at Halfords, is £60 a
#: lot?", "Mum's scan is on the 9th - what should she wear?"): the question opens with a question word,
#: an inverted auxiliary or a request for ideas, and the sentence ends with "?"
_SPLICED_QUESTION = re.compile(
    r"^(?P<statement>.*\w.*?)\s*(?:,|;|\s[-–—])\s+(?P<question>(?:so\s+|and\s+|but\s+)?(?:what|which|how|where|when|why|who|"
    r"whom|whose|is|are|was|were|do|does|did|can|could|should|would|will|shall|may|might|am|have|has|any|anything|"
    r"ideas?|thoughts?|tips?|suggestions?|recommendations?)\b[^,;]*\?)\s*$", re.IGNORECASE)


def spliced_statement(text: str) -> str | None:
    """The statement a trailing question is spliced onto (None when there is none): what the
    user tells to ask their question is said as a fact all the same ("my brother lives at 22 Ferry
    Road, can you help me post him a guitar?": he lives there). A statement of three words or
    fewer, or one that opens as a question itself, is none."""
    m = _SPLICED_QUESTION.match(text)
    if m is None:
        return None
    statement = m.group("statement").strip(" ,;-–—")
    if len(statement.split()) < 4 or INTERROGATIVE.match(statement):
        return None
    return statement


def _fixed(text: str) -> str:
    """The sentence with "X's" said for "X is" written out and an opening interjection dropped."""
    return _TIME_IS.sub(r"\1 is", _ROLE_IS.sub(r"\1 is", _IS.sub(_is_unless_place, _INTERJECTION.sub("", text))))


def entity_parts(text: str) -> tuple[list[str], bool] | None:
    """The texts to parse again for entity facts, and whether the first is a headline naming the
    thing the second is about (None: the sentence's own parse is used); a statement with a question
    spliced on is read without its question."""
    fixed = _fixed(text)
    m = _HEADLINE.match(fixed)
    if m and len(m.group(1).split()) <= 8:
        return [m.group(1), unrestored(m.group(2))], True
    m = _DASH_HEADLINE.match(fixed)  # "Insurance claim — settled, they paid out"
    if m and len(m.group(1).split()) <= 4:
        return [m.group(1), unrestored(m.group(2))], True
    if (statement := spliced_statement(fixed)) is not None:
        return [statement], False  # the question states nothing of anyone
    return ([fixed], False) if fixed != text else None


def _pending(sent: Sentence, date: datetime, clause: Clause, context: TurnContext) -> list[CandidateFact]:
    """The value a headline's attribute waits for ("Offsite venue changed: we're going to X")."""
    assert context.pending is not None
    thing, attr = context.pending
    pred = predicates.get(attr)
    values = [v for v in fill(pred.kind, clause) if v[0].casefold() not in thing.casefold()] if pred else []
    if not values:
        return []
    context.pending = None
    return [_entity_fact(sent, date, clause, EntityRef(thing, "thing"), attr, *values[0])]


def sentence_entity_facts(sent: Sentence, date: datetime, clauses: list[Clause], rows: Sequence[np.ndarray | None],
                          user_values: set[str], user_mine: bool, attributes: Proposer, context: TurnContext,
                          score: Score, probes: tuple[list[SlotProbe], list[str]] | None = None) -> list[CandidateFact]:
    """Facts about other people and things in one sentence (``clauses``/``rows``: its parse and
    attribute-bank rows; ``user_values``: plain values of the user's facts read from it;
    ``user_mine``: a clause about something of the user's already gave a user fact; ``probes``:
    where to add the clauses' :class:`SlotProbe`, and the session's names so far, latest first).
    A statement with a question spliced on is read alone first; when it gives nothing alone (a
    fragment: "table at Ostra booked for 7:45, do they do a set menu?"), the whole sentence is read.
    Another person's partner (:mod:`.entity_partners`) is read from the whole sentence; no other
    reading of it gives the partner's name as a value."""
    if UNDOING.search(sent.text):
        return []  # "they offered me the lead job at Corvid and I turned it down": nothing of it holds
    partners = partner_facts(sent, date, context)
    named = {f.value.casefold() for f in partners}
    return [*partners, *(f for f in _sentence_facts(sent, date, clauses, rows, user_values, user_mine, attributes,
                                                     context, score, probes) if f.value.casefold() not in named)]


def _sentence_facts(sent: Sentence, date: datetime, clauses: list[Clause], rows: Sequence[np.ndarray | None],
                    user_values: set[str], user_mine: bool, attributes: Proposer, context: TurnContext,
                    score: Score, probes: tuple[list[SlotProbe], list[str]] | None = None) -> list[CandidateFact]:
    found = entity_parts(sent.text)
    context.headline = False
    if found is None:
        return _read(sent, date, clauses, rows, set(), user_values, user_mine, attributes, context, score, probes)
    texts, headline = found
    n_probes = len(probes[0]) if probes is not None else 0
    out = _read_parts(sent, date, texts, headline, user_values, user_mine, attributes, context, score, probes)
    whole = _fixed(sent.text)
    if out or headline or texts == [whole]:
        return out  # read, or nothing was spliced off
    if probes is not None:
        del probes[0][n_probes:]  # the whole sentence gives them again
    if whole == sent.text:
        return _read(sent, date, clauses, rows, set(), user_values, user_mine, attributes, context, score, probes)
    return _read_parts(sent, date, [whole], False, user_values, user_mine, attributes, context, score, probes)


def _read_parts(sent: Sentence, date: datetime, texts: list[str], headline: bool, user_values: set[str],
                user_mine: bool, attributes: Proposer, context: TurnContext, score: Score,
                probes: tuple[list[SlotProbe], list[str]] | None) -> list[CandidateFact]:
    """:func:`_read` on ``texts`` parsed again (the first a headline when ``headline``)."""
    docs = list(load_nlp().pipe(texts))
    per_doc = [clauses_of(d) for d in docs]
    for cs in per_doc:
        for c in cs:
            c.lowercase = sent.lowercase
    if headline:
        headline_thing(per_doc[0], context)
    clauses = [c for cs in per_doc for c in cs]
    heads = set(map(id, per_doc[0])) if headline else set()
    verdict: list[CandidateFact] = []
    if headline and len(per_doc) == 2 and per_doc[0] and context.headline and context.last_thing:
        root = next(iter(docs[1].sents)).root  # "Zoe's passport: dispatched!": a verdict the parser gives no clause
        if docs[1][0].tag_ in ("VBN", "JJ") and docs[1][0].dep_ == "advcl":
            root = docs[1][0]  # "Insurance claim — settled, they paid out": the verdict opens the statement
        if not any(c.head.i == root.i for c in per_doc[1]) \
                and (state := headline_state(root, None, root.sent.text, context.last_thing)) is not None:
            verdict = [_entity_fact(sent, date, per_doc[0][0], state[0], "status", state[1], None)]
    return verdict + _read(sent, date, clauses, score([c.text for c in clauses]), heads, user_values, user_mine, attributes,
                 context, score, probes)


def _read(sent: Sentence, date: datetime, clauses: list[Clause], rows: Sequence[np.ndarray | None], heads: set[int],
          user_values: set[str], user_mine: bool, attributes: Proposer, context: TurnContext, score: Score,
          probes: tuple[list[SlotProbe], list[str]] | None) -> list[CandidateFact]:
    """The facts and probes of a sentence's clauses (``heads``: ids of a headline's clauses)."""
    out: list[CandidateFact] = [*quoted_state(sent, date, clauses[-1]), *estimate_facts(sent, date, clauses[-1])] \
        if clauses else []
    quoted = {(f.predicate, w) for f in out for w in f.value.split()}
    n_probes = len(probes[0]) if probes is not None else 0
    for c, row in zip(clauses, rows):
        c = arranged(c)  # "the book swap will be at Mabel's Cafe": how it stands, no plan
        # a user fact read from this clause ("my rent is $1,200"); another clause's user fact leaves a
        # standing statement of the user's thing its own ("our sprint planning is every other Monday at
        # 10"), not a past event of the user's story ("writing from the airport, our flight got delayed")
        mine = user_mine and (any(v and v in plain_value(c.text) for v in user_values) or c.head.tag_ in ("VBD", "VBN"))
        probe = clause_probe(sent, c, probes[1]) if probes is not None else None
        if probes is not None and probe is not None:
            probes[0].append(probe)
        if context.pending is not None:
            got = _pending(sent, date, c, context)
            if got:
                out.extend(got)
                continue
        if row is None and _moves_thing(c):
            row = score([c.text])[0]
        if c.about == "other" and c.subject is not None and c.subject.i < c.tokens[0].i:
            # "Zara left Deloitte and joined KPMG": "joined KPMG" is scored with its subject
            row = score([f"{c.subject.text} {c.text}"])[0]
        earlier = [context.last_thing] if context.last_thing else []
        # "…a little sailing boat and we're calling her Seraphina", "the PTA treasurer, that's Lou"
        facts = naming_facts(sent, date, c, earlier) or open_slot_facts(sent, date, c, context) \
            or _clause_facts(sent, date, c, row, mine, attributes, context)  # an attribute the registry has no name for first
        if probe is not None and not any(predicates.is_open_attribute(f.predicate) for f in facts):
            facts += _first_facts(sent, date, c, probe, facts, out, mine, context.last_thing, context.last_person)
        # a value the user's facts already hold, read from a clause about the user, something of
        # theirs or a bare noun, is the user's ("my rent is $1,200", "rent is $1,600 a month"); a
        # clause about another person or a particular thing keeps its facts whatever else read it
        # ("the puppy is actually Rupert")
        theirs = c.about == "other" or c.about == "thing" and c.subject is not None and _specific(c.subject) \
            or c.subject is not None and c.subject.lemma_.lower() in ROLE_NOUNS \
            or in_charge_agent(c, LEADING) is not None  # "my GP is Dr Okafor", "my cousin Femi runs the market"
        moved = _object_words(c)  # "we moved Grandad to a care home in Hove": Grandad's, not the user's
        facts = [f for f in typed_facts(facts, c)
                 if not ({(f.predicate, f.value.lower()), (f.predicate, f.subject.lower())} & quoted)]
        out.extend(f for f in facts if (theirs or f.subject_type == "person" and f.subject.casefold() in moved
                                        or plain_value(_RATE_TAIL.sub("", f.value)) not in user_values)
                   # "my partner's name is Sasha": the user's kin fact holds it (partner_name)
                   and not (f.predicate == "name" and f.subject.lower() in PEOPLE_NOUNS and plain_value(f.value) in user_values))
        if not facts and (heads or context.headline) and id(c) not in heads and not any(f.predicate == "status" for f in out) \
                and (state := headline_state(c.head, c.subject, c.text, context.last_thing or "")) is not None:
            facts = [_entity_fact(sent, date, c, state[0], "status", state[1], None)]  # "Visa application: APPROVED!!"
            out.extend(facts)
        if not facts and id(c) in heads and c.head.lemma_.lower() in _CHANGE_VERBS:
            ref = entity_of(c, context)  # "Offsite venue changed:" names the slot, the rest says its value
            if ref is not None and ref.kind == "thing" and ref.hint:
                context.pending = (ref.name, ref.hint)
        note_people(c, context)
    if probes is not None and len(probes[0]) == n_probes and (probe := sentence_probe(sent, clauses, probes[1])):
        probes[0].append(probe)
    return _with_acted_states(sent, date, clauses, out)


def _with_acted_states(sent: Sentence, date: datetime, clauses: list[Clause],
                       out: list[CandidateFact]) -> list[CandidateFact]:
    """``out`` with the states told by an act or a reporter (:mod:`.entity_acted`) where no reading of the sentence
    gave a state; a venue read from the words of a state ("the sofa is in production": venue = production, "my
    return is still in transit": venue = transit) dropped."""
    if clauses and not any(f.predicate == "status" for f in out):
        out = [*out, *acted_states(sent, date, clauses[-1])]
    words = {(f.subject.casefold(), w) for f in out if f.predicate == "status" for w in f.value.casefold().split()}
    return [f for f in out if not (f.predicate == "venue" and (f.subject.casefold(), f.value.casefold()) in words)]


def _first_facts(sent: Sentence, date: datetime, c: Clause, probe: SlotProbe, facts: list[CandidateFact],
                 out: list[CandidateFact], user_mine: bool, it: str | None = None,
                 person: str | None = None) -> list[CandidateFact]:
    """Attributes no reading of its class gave (:func:`.first_statements`): the statement still
    fills a slot; one value per slot per sentence ("it's approved and being printed": approved)."""
    given = {(f.subject.casefold(), f.predicate) for f in [*facts, *out]}
    for name, attr in list(given):
        if attr in ("due_date", "scheduled_for"):
            given |= {(name, "due_date"), (name, "scheduled_for")}  # a thing has one time
    got = []
    by_role = _role_only(c, probe)
    for name, kind, attr, value in [*first_statements(c, probe, it), *frame_facts(c, probe, it, person)]:
        if value in by_role:
            continue
        if c.about == "mine" and user_mine and c.subject is not None and c.subject.lemma_.lower() not in ROLE_NOUNS \
                and c.subject.pos_ == "NOUN":  # not "it" ("my talk got accepted, it's on the Saturday morning") nor "my 1:1"
            continue  # "my rent is…": the user's, read as the user's fact ("my GP is…" is never the user's)
        if (name.casefold(), attr) in given or facts and name.casefold() != facts[0].subject.casefold():
            continue
        given.add((name.casefold(), attr))
        got.append(_entity_fact(sent, date, c, EntityRef(name, kind), attr, value, None))
    return got


def _role_only(c: Clause, probe: SlotProbe) -> set[str]:
    """Values only the parse typed (:mod:`.entity_roles`): they anchor corrections of a slot memory
    holds ("the dishwasher arrived"), but start no slot of their own ("the printer jammed")."""
    roles = set(role_values(c))
    typed = [v.casefold() for v, cls in probe.values if (v, cls) not in roles]
    return {v for v, _ in roles if not any(v.casefold() in t for t in typed)}


def _object_words(c: Clause) -> set[str]:
    """The words of the person or thing a clause's verb acts on (its direct object)."""
    return {w.lower_ for o in c.head.children if o.dep_ == "dobj" for w in o.subtree}


def _moves_thing(c: Clause) -> bool:
    """A clause about the user that changes a thing ("we've moved podcast recordings to…")."""
    return c.about == "user" and c.head.lemma_.lower() in _CHANGE_VERBS \
        and any(x.dep_ == "dobj" and x.pos_ in ("NOUN", "PROPN") for x in c.head.children)


def _clause_facts(sent: Sentence, date: datetime, c: Clause, row: np.ndarray | None, user_mine: bool,
                  attributes: Proposer, context: TurnContext) -> list[CandidateFact]:
    # "it" after a clause about the user is read as the user's thing above, and as the thing
    # named before it here ("…finish the Harlow report, it's due March 15")
    it_thing = _it_subject(c) and context.last_thing is not None
    if c.about == "user":
        if IMAGINED.search(sent.text):
            return []  # "I nearly ordered a grinder but closed the tab": nothing the user did happened
        booked = user_schedule(sent, date, c)  # "booked a table at Ostra for 7:30 on Friday"
        if booked or not (it_thing or _moves_thing(c)):
            return booked
    if sent.question and c.head.dep_ == "ROOT" or c.about == "mine" and user_mine:
        return []  # "my rent is $1,200" is the user's rent, read as the user's fact
    return entity_facts(sent, date, c, row, attributes, context)


def _it_subject(c: Clause) -> bool:
    return c.subject is not None and c.subject.text in ("it", "It")  # not "IT" (the department)


def user_schedule(sent: Sentence, date: datetime, clause: Clause) -> list[CandidateFact]:
    """The time of a thing the user does or books ("I do spin class Thursday at 6pm", "booked a
    table at Ostra for 7:30 on Friday"): the thing's ``scheduled_for``."""
    if intent_only(clause.tokens) or hypothetical(clause):
        return []
    obj = scheduled_object(clause)
    span = when_span(clause) if obj is not None else None
    if obj is None or not span:
        return []
    span = with_ranges([(span, None)], clause.text)[0][0]  # "a Tesco delivery for Tuesday 6-7pm"
    name, _ = _phrase(obj)
    owner = place_owner(obj)
    if owner and owner.casefold() not in name.casefold():
        name = f"{owner} {name}"  # "a table at Ostra" is the Ostra table
    if not name or name.casefold() == span.casefold():
        return []
    return [_entity_fact(sent, date, clause, EntityRef(name, "thing"), "scheduled_for", span, None)]

"""A correction that names nothing, said right after a statement (issue #13 item 7).

"The book club is at 7:30 on the 9th." … "oh wait, sorry - 7:45, not 7:30"; "The quote came to £640." …
"Sorry, typo - £460."; "Parents' evening is on Tuesday." … "no wait, Wednesday."; "Pepper's vet
appointment is at 4:15." … "scratch that, it's 3:45". The correction names neither the thing nor the
attribute: it says one value, and the statement just before it (the user's own sentence before, in the
same message or the user's message before) gave a slot of another person or thing a value of the same
type. The new value is that slot's; memory supersedes the statement as it does any later value.

Read by the parse, not by the wording: the sentence's parts (cut at commas, dashes, colons, semicolons)
hold exactly one value (a time or date, an amount of money, a proper name, by spaCy's entities), and
the part that holds it says nothing else: no noun or name beside the value, no verb but a copula with a
pronoun ("it's 3:45") or a verb of re-saying ("make that Friday", "I mean 11:10"). A part that opens
with "not" names the value being replaced ("7:45, not 7:30"): when it names one, it must be the
statement's. The statement's slot is single-valued and its value is of the new value's class
(a time for a time or a day, money for an amount, a name for a place, an organisation or a person) and
of its type (both said with a digit or both without: "Friday" for "Thursday evening", "1:30" for
"2pm"). Two slots of the statement that the value could fill: none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from kgmem import predicates
from kgmem.extraction.entity_text import statement
from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.nlp import load_nlp
from kgmem.extraction.zero.value_parse import HONORIFICS
from kgmem.ids import plain_name
from kgmem.text import SENTENCE_OR_LINE_GAP

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: where a sentence is cut into parts (not inside a number: "£1,250")
_PARTS = re.compile(r"[,;:]\s+|\s+(?=not\s)|\s+[-–—]\s+|\s*[-–—]\s+(?=\S)")
#: a clock time written as one word ("18:05", "7.45", "6pm")
_CLOCK = re.compile(r"\d{1,2}[:.]\d\d(?:am|pm)?|\d{1,2}(?:am|pm)", re.IGNORECASE)
#: value class of each spaCy entity label
_CLASS = {"TIME": "when", "DATE": "when", "MONEY": "money", "ORG": "name", "GPE": "name", "FAC": "name",
          "LOC": "name", "PERSON": "name"}
#: attributes a value of each class may be
_ATTRIBUTES = {"when": ("scheduled_for", "due_date"), "money": ("amount",),
               "name": ("venue", "provider", "person_in_charge", "works_at", "lives_in", "name")}
#: parts of speech a bare value's part may hold beside the value (no noun, name, adjective or other verb)
_BESIDE = frozenset({"INTJ", "ADV", "PUNCT", "CCONJ", "SCONJ", "DET", "PART", "AUX", "PRON", "ADP", "SPACE"})
#: verbs of saying a value again ("make that Friday", "I mean 11:10", "say 7:15")
_RESAYING = frozenset({"make", "mean", "say"})
#: how far back (in turn indices) the statement may be: this message or the user's message before
_TURNS_BACK = 2
#: the longest sentence read as a bare correction (in words)
_MAX_WORDS = 16


def _spans(doc: Doc) -> list[tuple[int, int, str]]:
    """Typed values of a part: spaCy's entities of a class, a clock time spaCy leaves a bare number
    ("18:05"), and a run of capitalised proper nouns ("Flat Iron"); money with its currency sign."""
    out: list[tuple[int, int, str]] = []
    for e in doc.ents:
        cls = _CLASS.get(e.label_)
        if cls == "name" and not all(t.text[:1].isupper() for t in e):
            continue  # "typo" tagged ORG: a name is written with capitals
        if cls is not None:
            start = e.start - 1 if cls == "money" and e.start > 0 and doc[e.start - 1].pos_ == "SYM" else e.start
            out.append((start, e.end, cls))
    covered = {i for s, e, _ in out for i in range(s, e)}
    for t in doc:
        if t.i not in covered and _CLOCK.fullmatch(t.text):
            out.append((t.i, t.i + 1, "when"))
            covered.add(t.i)
    run: list[Token] = []
    for t in [*doc, None]:
        if t is not None and t.i not in covered and t.pos_ == "PROPN" and t.text[:1].isupper():
            run.append(t)
            continue
        if run:
            out.append((run[0].i, run[-1].i + 1, "name"))
            run = []
    return sorted(out)


def _value(doc: Doc) -> tuple[str, str] | None:
    """The one value of a part and its class, when the part says nothing else (None otherwise)."""
    spans = _spans(doc)
    if not spans or len({cls for _, _, cls in spans}) != 1:
        return None
    for (_, end, _), (start, _, _) in zip(spans, spans[1:]):
        # one value said in pieces ("Saturday at 10:00", "Crown and Anchor"); else two values
        if start - end > 2 or any(t.pos_ not in ("ADP", "CCONJ", "PUNCT") for t in doc[end:start]):
            return None
    start, end, cls = spans[0][0], spans[-1][1], spans[0][2]
    for t in doc:
        if start <= t.i < end or t.pos_ in _BESIDE and not (t.pos_ == "PRON" and t.dep_ == "nsubj" and t.head.pos_ == "VERB"
                                                            and t.head.lemma_.lower() not in _RESAYING):
            continue
        if t.pos_ == "VERB" and t.lemma_.lower() in _RESAYING:
            continue
        return None
    return doc[start:end].text.strip(" ,.;!"), cls


def _names_a_thing(doc: Doc, before: bool) -> bool:
    """A part beside the value names a person or thing, so the value may be its own ("Lunch first,
    12:30", "12:30, then the museum"): a verbless part whose head is a noun or name (after the value),
    or (before it) a noun or name as a subject or with a determiner, an owner, a modifier."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is not None and root.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ in ("advmod", "prep") if before else not (c.dep_ == "poss" and c.pos_ == "PRON") for c in root.children):
        return True  # (a bare noun is no thing named: "typo", "correction"; nor, after the value, "my mistake")
    if not before:
        return False
    for t in doc:
        if t.pos_ not in ("NOUN", "PROPN"):
            continue
        if t.dep_ in ("nsubj", "nsubjpass") or any(c.dep_ in ("poss", "amod", "compound", "nummod") or c.dep_ == "det"
                                                   and c.lower_ != "no" for c in t.children):
            return True
    return False


def _parts(text: str) -> list[str]:
    return [p.strip(" .!") for p in _PARTS.split(text) if p.strip(" .!")]


def _sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of a user message with where each starts (a title's full stop ends none: "Mr. Patel")."""
    out: list[tuple[int, str]] = []
    at = 0
    for piece in SENTENCE_OR_LINE_GAP.split(text):
        start = text.find(piece, at)
        at = start + len(piece)
        words = out[-1][1].split() if out else []
        if words and words[-1].rstrip(".").casefold() in HONORIFICS and words[-1].endswith("."):
            out[-1] = (out[-1][0], text[out[-1][0]:at])
        elif piece.strip(" .!?"):
            out.append((start, piece))
    return [(i, t.strip()) for i, t in out]


def _latest(earlier: Sequence[CandidateFact], turn: int, text: str, at: int) -> list[CandidateFact]:
    """The facts about other people and things of the latest user statement before the sentence at
    ``text[at:]`` of message ``turn``: of this message (its sentence said before) or the user's message before."""
    def before(f: CandidateFact) -> bool:
        if max(f.source_turns) < turn:
            return True
        said = f.text.rsplit(" (", 1)[-1].rstrip(")")[:40]
        return max(f.source_turns) == turn and 0 <= text.find(said) < at
    others = [f for f in earlier if f.subject.strip().lower() not in ("user", "i", "me") and f.source_turns
              and f.speaker == "user" and predicates.is_single_valued(f.predicate) and before(f)]
    if not others:
        return []
    last = max(max(f.source_turns) for f in others)
    if turn - last > _TURNS_BACK:
        return []
    return [f for f in others if max(f.source_turns) == last]


def _same_type(old: str, new: str) -> bool:
    """Both said with a digit, or both without ("Friday" / "Thursday evening"; "1:30" / "2pm")."""
    return any(ch.isdigit() for ch in old) == any(ch.isdigit() for ch in new)


def bare_corrections(turns: Sequence[tuple[str, str]], date: datetime,
                     facts: Sequence[CandidateFact]) -> list[CandidateFact]:
    """The slot values the session's corrections that name nothing give (see the module docstring);
    ``facts``: the session's facts."""
    out: list[CandidateFact] = []
    for idx, (role, text) in enumerate(turns):
        if role != "user":
            continue
        for at, sent in _sentences(text):
            got = _correction(sent, idx, date, [*facts, *out], text, at)
            out.extend(got)
    return out


def _correction(sent: str, turn: int, date: datetime, earlier: Sequence[CandidateFact], text: str,
                at: int) -> list[CandidateFact]:
    if sent.endswith("?") or len(sent.split()) > _MAX_WORDS:
        return []
    latest = _latest(earlier, turn, text, at)
    if not latest:
        return []
    parts = _parts(sent)
    replaced = [p for p in parts if re.match(r"not\b", p, re.IGNORECASE)]
    said = [p for p in parts if p not in replaced]
    docs = list(load_nlp().pipe(said))
    found = [(i, v) for i, d in enumerate(docs) if (v := _value(d)) is not None]
    if len(found) != 1 or any(_spans(d) for i, d in enumerate(docs) if i != found[0][0]) \
            or any(_names_a_thing(d, i < found[0][0]) for i, d in enumerate(docs) if i != found[0][0]):
        return []
    value, cls = found[0][1]
    fits = [f for f in latest if f.predicate in _ATTRIBUTES[cls] and _same_type(f.value, value)
            and plain_name(f.value) != plain_name(value) and plain_name(value) not in plain_name(f.value)]
    if replaced:
        old = plain_name(re.sub(r"^not\s+(?:the\s+)?", "", replaced[0], flags=re.IGNORECASE))
        fits = [f for f in fits if old and old in plain_name(f.value)]
    if len({(f.subject.casefold(), f.predicate) for f in fits}) != 1:
        return []
    old_fact = fits[-1]
    return [CandidateFact(
        subject=old_fact.subject, subject_type=old_fact.subject_type, predicate=old_fact.predicate, value=value,
        text=f"{statement(old_fact.subject, old_fact.predicate, value)} ({sent})"[:300],
        valid_from=datetime(date.year, date.month, date.day), granularity="day", speaker="user",
        source_turns=[turn], confidence=0.6)]


__all__ = ["bare_corrections"]

"""The user's phone or car changed, told by what it replaces (session 27, oe27): issue #13 point 6 for the
slots whose values are makers' names.

People tell a new phone or car by letting the old one go as often as by naming the new one as theirs
("sold my iPhone 11 on eBay and bought a Nothing Phone 2 with the money", "traded the Mazda 3 for a Kia EV6",
"said goodbye to the Mini Cooper today; a Volvo XC60 is sitting in the drive instead"), and the new one is
then worded so that no reader of the user's slots takes it (bought, arrived, sitting in the drive). Memory
knows the user's phone and car. When a user turn names the held one as let go (:func:`user_news.said_as_old`:
"sold", "traded", "swapped", "scrapped", "goodbye to", "the old …", "upgraded from"; or words after it that
call it gone) and one other name of the same kind — a name written with a capital that starts with a maker or
model the one brand lexicon knows (:mod:`kgmem.extraction.zero.lexicon`), with the model words after it
("Skoda Octavia", "Galaxy S24", "Pixel 8 Pro") — in a sentence that is no question, wish or condition, that
name is the slot's new value. The held one named again in that turn is no news: a reader's reading of it
("the Qashqai went back at the end of the lease" read as drives = Qashqai) is dropped. Nothing is read in a
turn that tells of another person (he or she, a kin or social noun: the change may be theirs), and nothing
where a reader already gave the slot another new value from that turn.

Two readings of the user's turns are also put right by the names' kind (:func:`by_kind`): a phone or car model read as
where the user lives ("moving all my photos over to the Galaxy S24", "moved the child seat to the Skoda Octavia") is no
home — a name with a model number or two words of the lexicon is a thing, never a place ("Dodge City" stays
a place); and a reading of the user's phone or car cut short to its maker ("Switched over to the Pixel 8" read
as phone = Pixel) takes the whole name, where the turn says exactly one name of the kind that starts with it.
Pure: no store, no model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.checks import HYPOTHETICAL, IMAGINED, NEGATION
from kgmem.extraction.zero.lexicon import CAR_BRANDS_CASED, PHONE_BRANDS
from kgmem.ids import normalise_name, plain_name
from kgmem.lexicon import called_off
from kgmem.models import Fact, Session

#: the slots whose values are makers' names, and the names (lower case) a value of each starts with
KINDS: dict[str, frozenset[str]] = {
    "phone": PHONE_BRANDS,
    "drives": frozenset(b.lower() for b in CAR_BRANDS_CASED),
}
#: how confident a value read this way is (below a reader's own reading, as user_news's)
CONFIDENCE = 0.55
_WORD = re.compile(r"[\w][\w+'-]*")
_SENTENCE = re.compile(r"[^.!?;\n]+[.!?;]*")
_CLAUSE_END = re.compile(r"[,;:!?()]|\.(?!\d)")
#: the letting go said as not done, in the few words before the held name ("I'd never sell my …", "didn't scrap
#: the …", "refuse to swap the …"); a negation right before the name ("a Kia now, not the Focus") says it left
_NOT_DONE = re.compile(rf"(?:{NEGATION.pattern}|\b(?:{called_off.alternation(called_off.surface(called_off.REFUSING))})"
                       r"\s+to)\s+(?!(?:the|my|our|a|an|that|this)\s)(?:[\w'-]+\s+){1,3}$", re.IGNORECASE)


def names_of_kind(text: str, brands: frozenset[str]) -> list[tuple[str, int, int]]:
    """(name, start, end) of each name in ``text`` that starts with one of ``brands`` written with a capital
    letter, with the model words after it (each with a capital or a digit, only spaces between)."""
    words = list(_WORD.finditer(text))
    out: list[tuple[str, int, int]] = []
    i = 0
    while i < len(words):
        w = words[i]
        if w.group().lower() not in brands or not any(ch.isupper() for ch in w.group()):
            i += 1
            continue
        j = i
        while j + 1 < len(words) and not text[words[j].end(): words[j + 1].start()].strip() \
                and (words[j + 1].group()[:1].isupper() or words[j + 1].group()[:1].isdigit()) \
                and words[j + 1].group() != "I":
            j += 1
        out.append((text[w.start(): words[j].end()], w.start(), words[j].end()))
        i = j + 1
    return out


#: the user's slots whose values are places: a phone or a car is never one
_PLACE_SLOTS = frozenset({"lives_in", "hometown"})


def _a_thing(value: str) -> bool:
    """The whole value is a phone's or a car's name with a model number or two words of the lexicon ("Galaxy S24",
    "Skoda Octavia"; not "Dodge City")."""
    for brands in KINDS.values():
        names = names_of_kind(value.strip(), brands)
        if len(names) == 1 and names[0][0] == value.strip():
            words = names[0][0].split()
            if any(ch.isdigit() for ch in names[0][0]) or sum(w.lower() in brands for w in words) >= 2:
                return True
    return False


def by_kind(session: Session, candidates: Sequence[CandidateFact]) -> list[CandidateFact]:
    """The candidates less the user's homes that are phones or cars, with the user's phone or car read in
    full where a reading cut it to its maker (module docstring)."""
    out: list[CandidateFact] = []
    for c in candidates:
        if normalise_name(c.subject) != "user":
            out.append(c)
            continue
        if c.predicate in _PLACE_SLOTS and _a_thing(c.value):
            continue
        brands = KINDS.get(c.predicate)
        turns = [session.turns[n].text for n in c.source_turns if 0 <= n < len(session.turns)]
        if brands and turns:
            whole = {v for t in turns for v, _, _ in names_of_kind(t, brands)
                     if plain_name(v) != plain_name(c.value) and plain_name(v).startswith(plain_name(c.value))}
            if len(whole) == 1 and plain_name(c.value):
                c = c.model_copy(update={"value": whole.pop()})
        out.append(c)
    return out


def _same(a: str, b: str) -> bool:
    """Two names of one thing: equal, or one the other's shortening ("Qashqai", "Nissan Qashqai")."""
    pa, pb = plain_name(a), plain_name(b)
    return bool(pa and pb) and (pa == pb or pa in pb or pb in pa)


def _forms(held: str) -> list[str]:
    """The held name and its shorter tails a turn may call it by ("Toyota Yaris" → "Yaris")."""
    words = held.split()
    tails = [" ".join(words[k:]) for k in range(1, len(words))]
    return [held, *(t for t in tails if len(re.sub(r"\W", "", t)) >= 3)]


def _let_go(raw: str, held: str, said_as_old: Callable[[str, int, int], bool]) -> bool:
    """The turn names the held thing as let go, and not as kept (:data:`_NOT_DONE`, read within the clause)."""
    text = normalise_name(raw)
    marked = normalise_name(_CLAUSE_END.sub(" _ ", raw))  # the same words, with a "_" where a clause ends
    for form in _forms(held):
        name = re.compile(r"(?<![\w'])" + re.escape(normalise_name(form)) + r"(?!\w)")
        found, marks = list(name.finditer(text)), list(name.finditer(marked))
        for k, m in enumerate(found):
            # the words before the name, back to the clause's start (the unmarked text if the two disagree)
            at, words = (marks[k], marked) if len(marks) == len(found) else (m, text)
            clause = words[max(0, at.start() - 40): at.start()].rsplit(" _ ", 1)[-1]
            if said_as_old(text, m.start(), m.end()) and not _NOT_DONE.search(clause):
                return True
    return False


#: words just before a name that say the thing is wished for, still to come, or only borrowed or hired, so not
#: the user's ("probably a Kia", "on the waiting list for the Kia EV6", "driving a rental Fiat 500", "the garage
#: lent me a Corsa", "Next car will be a Skoda"): the user holds none of it
_NOT_HELD_BEFORE = re.compile(
    r"\b(?:probably|next(?!\s+(?:to|door)\b)|fancy|fancies|fancied|eye\s+on|hop(?:e|es|ing)\s+for|"
    r"sav(?:e|es|ing)\s+(?:up\s+)?for|waiting\s+(?:list|on|for)|pre-?order(?:ed)?|will\s+be|'ll\s+be|want(?:s|ed)?|"
    r"wish|tempted|dream(?:s|ing|t)?\s+(?:of|about)|looking\s+at|test[- ]?dr(?:ive|ove|iving|iven)|"
    r"rental|rented|renting|hire[ds]?|hiring|loan(?:er|ed)?|courtesy|borrow(?:s|ed|ing)?|lent|lend(?:s|ing)?|"
    r"temporary|stand-?in)\b", re.IGNORECASE)
#: words just after a name that say the same ("a Kia next", "a Volvo XC40 on hire for me", "the Pixel 9 is on order")
_NOT_HELD_AFTER = re.compile(r"^\W*(?:(?:is|are|'s)\s+)?(?:next\b(?!\s+(?:to|door)\b)|on\s+(?:hire|loan|(?:back[- ]?)?order)\b|"
                             r"(?:hire|rental|loan|courtesy)\s+car\b)", re.IGNORECASE)


def _not_held(raw: str, start: int, end: int) -> bool:
    """The name at ``raw[start:end]`` is wished for, planned or borrowed: said so in the five words before it, in
    its clause, or right after it."""
    before = _CLAUSE_END.split(raw[:start])[-1].split()[-5:]
    return bool(_NOT_HELD_BEFORE.search(" ".join(before)) or _NOT_HELD_AFTER.search(raw[end:end + 30]))


def _stating(raw: str, start: int, end: int | None = None) -> bool:
    """The sentence holding ``raw[start]`` states something: no question, wish, plan or condition, and the name
    there (to ``end``) is not wished for, planned or borrowed in its clause."""
    if end is not None and _not_held(raw, start, end):
        return False
    for m in _SENTENCE.finditer(raw):
        if m.start() <= start < m.end():
            s = m.group()
            return not s.rstrip().endswith("?") and not HYPOTHETICAL.search(s) and not IMAGINED.search(s)
    return False


def things_changed(session: Session, candidates: Sequence[CandidateFact], held: Mapping[str, Fact],
                   others_told: Callable[[str], bool],
                   said_as_old: Callable[[str, int, int], bool]) -> tuple[list[CandidateFact], set[int]]:
    """(new values of the user's phone or car told by letting the held one go, ids of the candidates that
    read the held one again from such a turn) — module docstring. ``held``: predicate → the user's current
    fact; ``others_told``: the turn tells of another person."""
    out: list[CandidateFact] = []
    drop: set[int] = set()
    for pred, brands in KINDS.items():
        fact = held.get(pred)
        if fact is None or not fact.value or fact.session_id == session.id:
            continue
        for n, turn in enumerate(session.turns):
            raw = turn.text
            if turn.role != "user" or others_told(raw) or not _let_go(raw, fact.value, said_as_old):
                continue
            mine = [c for c in candidates if c.predicate == pred and normalise_name(c.subject) == "user"
                    and n in c.source_turns]
            again = [c for c in mine if _same(c.value, fact.value)]
            drop.update(id(c) for c in again)
            if len(mine) > len(again):
                continue  # a reader gave the slot another new value from this turn: it stands
            found = {plain_name(v): v for v, s, e in names_of_kind(raw, brands)
                     if not _same(v, fact.value) and _stating(raw, s, e)}
            if len(found) != 1:
                continue
            value, = found.values()
            day = session.started_at
            out.append(CandidateFact(
                subject="user", predicate=pred, value=value, text=raw[:300],
                valid_from=datetime(day.year, day.month, day.day), granularity="day", speaker="user",
                source_turns=[n], confidence=CONFIDENCE))
    return out, drop


def let_go_unheld(session: Session, held: Mapping[str, Fact], others_told: Callable[[str], bool],
                  said_as_old: Callable[[str, int, int], bool]) -> list[CandidateFact]:
    """A phone or car of a kind the user holds none of, named as let go ("Traded in my Pixel 8a at the shop",
    "the old Xperia 10 is already in a drawer"), in a stating sentence of a turn that tells of no other person:
    an earlier value of the slot (:mod:`kgmem.memory.past_values`), held until the day it was said."""
    out: list[CandidateFact] = []
    day = datetime(session.started_at.year, session.started_at.month, session.started_at.day)
    for pred, brands in KINDS.items():
        if pred in held:
            continue
        for n, turn in enumerate(session.turns):
            if turn.role != "user" or others_told(turn.text):
                continue
            for value, start, _ in names_of_kind(turn.text, brands):
                if _stating(turn.text, start) and _let_go(turn.text, value, said_as_old):  # not "I'd never sell my …"
                    out.append(CandidateFact(
                        subject="user", predicate=pred, value=value, text=f"User {pred} (before {day.date()}): {value}.",
                        valid_to=day, speaker="user", source_turns=[n], confidence=CONFIDENCE))
    return out

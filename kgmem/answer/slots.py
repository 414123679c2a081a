"""Changing slots (where the user lives, works, their rent …): the values the user stated, in order.

Values come from stored facts whose source sentence is the user's own actual statement about
that slot, and from evidence lines that talk about the slot and hold a value of its type — so a
statement extraction missed, or one newer than the stored fact, still counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from kgmem import knowledge
from kgmem import predicates as predicate_registry
from kgmem.answer import role_titles, slot_news
from kgmem.answer.actuality import FIRST_PERSON
from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.match import norm, terms
from kgmem.answer.role_titles import ROLE as _ROLE  # noqa: F401  (tests read it here)
from kgmem.answer.spans import typed_spans
from kgmem.ids import entity_id
from kgmem.lexicon.discourse import opener_words, strip_openers
from kgmem.lexicon.people import USER_POSSESSIVES, abbreviations, people_noun
from kgmem.models import Fact
from kgmem.nlp import known_words, load_nlp
from kgmem.retrieval.intents import slot_vocabulary
from kgmem.retrieval.search import fact_date
from kgmem.text import FUNCTION_WORDS


def _a_place(pred: str) -> bool:
    """Slots whose value is a place: a place of someone else's ("my cousin's flat in Denver") is no value
    of the user's. Applied to places only: on amounts (pay, rent) the holder reading lowered heldout3
    knowledge-update 15 -> 13/20 (aggregate ablation, items not read), on places it did not (16/20)."""
    p = predicate_registry.get(pred)
    return p is not None and p.value_type == "place"


def slot_facts(ev: EvidenceSet, slot: str) -> list[Fact]:
    """The user's facts of a predicate whose source line is the user's own actual statement,
    oldest first ("Tomasz pays $1100 in rent" is no rent of the user's, whatever extraction said)."""
    pred = slot.split(".")[0]
    me = entity_id(ev.result.user_id, "user")
    # "Tomasz lives in Rotterdam" (from "My brother Tomasz's flat in Rotterdam is lovely") is Tomasz's
    facts = [f for f in ev.result.all_facts.values() if f.predicate == pred and f.speaker == "user" and f.subject_id == me
             and ev.fact_is_actual(f) and _belongs(f, pred, ev) and not someone_elses(ev.source_sentence(f) or "")
             and not (_a_place(pred) and held_by_another(ev.source_sentence(f) or "", fact_value(ev, f), _cue_words(pred)))]
    return sorted(facts, key=lambda f: (placed_at(f), fact_date(f), f.id))


def placed_at(f: Fact) -> datetime:
    """When a statement sits in its slot's order: when said; an earlier value said in passing where it ended."""
    return f.valid_to if f.valid_to and predicate_registry.told_as_earlier(f.predicate, f.valid_from, f.valid_to) else f.observed_at


#: a thing of another's just before a value: "Tomasz's flat in", "my parents' place at", "her house near"
_HELD = re.compile(r"(?:\b(?P<pron>his|her|their)|(?<![\w-])(?P<who>[\w-]+)(?:'s|’s|s'|s’))\s+(?:[a-z-]+\s+){0,2}?[a-z-]+\s+(?:in|at|near|on|outside)\s+"
                   r"(?:the\s+)?$")
#: possessives that make a thing the user's own
_OWN_POSSESSIVES = USER_POSSESSIVES | {"its"}


def held_by_another(sentence: str, value: str, verbs: frozenset[str] | set[str] = frozenset()) -> bool:
    """The sentence tells the value as a thing of someone else's, by the parse: the value hangs
    from a noun another person holds ("my brother Tomasz's flat in Rotterdam", "a weekend at my
    parents' place in Braga", "her place in Cardiff"), or is said of such a noun ("My sister's rent
    is $2,000", "Tomasz told me his salary went to $52,900"). The user's own ("my flat in Bristol", "our rent is …") and an unheld thing are not,
    nor a sentence whose verb is one of ``verbs``, the slot's own ("I moved in with my sister's family
    in Leeds": the user's move)."""
    value = value.strip().lstrip("$£€")
    if not sentence or not value:
        return False
    at = sentence.find(value)
    if at < 0:
        return False
    doc = load_nlp()(sentence)
    if any(t.pos_ in ("VERB", "AUX") and (t.lemma_.lower() in verbs or t.lower_ in verbs) for t in doc):
        return False
    held = _HELD.search(sentence[max(0, at - 60):at])
    if held and (held.group("pron") or _a_person(held.group("who"))):
        return True  # the parse may miss a holder ("My brother Tomasz's flat in …": "flat" read as an adjective)
    toks = [t for t in doc if t.idx >= at and t.idx < at + len(value)]
    if not toks:
        return False
    inside = {t.i for t in toks}  # the value's own possessive is no holder ("Long shift at St. Brigid's today")
    tok = next((t for t in toks if t.head.i < toks[0].i or t.head.i > toks[-1].i or t.head is t), toks[-1])
    for _ in range(4):  # up through prepositions, compounds and appositions to the noun it belongs to
        head = tok.head
        if head is tok:
            return False
        if head.pos_ in ("NOUN", "PROPN", "PRON") and _others_possessive(head, inside):
            return True
        if head.pos_ in ("AUX", "VERB"):  # said of a thing another holds: "his salary went to $52,900"
            subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            return subj is not None and _others_possessive(subj, inside)
        tok = head
    return False


def _others_possessive(noun: Any, inside: set[int]) -> bool:
    """The noun has a holder who is a person other than the user ("my cousin's apartment", "their
    house"; not "HR's letter", "the company's offer", nor a holder inside the value itself)."""
    return any(c.dep_ == "poss" and c.i not in inside and c.lower_ not in _OWN_POSSESSIVES
               and (c.lower_ in ("his", "her", "their") or c.ent_type_ == "PERSON" or _a_person(c.text))
               for c in noun.children)


def _a_person(word: str) -> bool:
    """A holder's word may name a person: a people noun ("cousin", "parents") or a word WordNet does not
    know only as a thing (a name: "Tomasz"); "HR", "company" are no person."""
    low = word.lower().rstrip("'’")
    return people_noun(low) or people_noun(low.rstrip("s")) or knowledge.names_a_person(low) is not False




def someone_elses(sentence: str) -> bool:
    """A sentence with no first-person word that opens with a one-word name ("Rafael commutes by bike":
    the parse may miss the subject; a name is a capitalised word the tagger reads as a noun and that
    is no common English word, which "Payslip today says $72,000" is not, nor a verb whose subject
    chat drops: "Switched to the iPhone 15") tells someone else's value, not the user's."""
    s = strip_openers(sentence.strip(" (\"'"))
    tokens = s.split()
    first = tokens[0].strip(",.;:!?'\"") if tokens else ""
    # one name then a lower-case word ("Rafael commutes"); a product opens with several ("Subaru Outback arrived")
    then = tokens[1] if len(tokens) > 1 else ""
    if not (first[:1].isupper() and first.lower() not in FUNCTION_WORDS and first.lower() not in opener_words()
            and then[:1].islower() and not FIRST_PERSON.search(s) and not knowledge.common_word(first)):
        return False
    # a dropped subject opens chat with the verb ("Started at Acme today", "Upgraded to the Pixel 8"): the
    # user's own; a name is tagged as a noun
    opening = load_nlp()(s)[0]
    low = first.lower()
    past = len(low) > 4 and low.endswith("ed") and (low[:-2] in known_words() or low[:-1] in known_words())
    # a name is tagged a noun, or an adjective before a verb in -s ("Liam commutes by tram"); "Super excited,
    # new phone day" opens with a true adjective, and "Caved and got …" with a verb
    named = opening.pos_ in ("PROPN", "NOUN") or (opening.pos_ == "ADJ" and len(then) > 3 and then.endswith("s"))
    return named and not opening.tag_.startswith("VB") and not past


def fact_value(ev: EvidenceSet, fact: Fact) -> str:
    """A fact's value, made whole where a sentence split cut it at an abbreviation ("St" of
    "Long shift at St. Brigid's today")."""
    value = fact.value or ""
    if value in abbreviations() and value[:1].isupper():  # the one list of abbreviations that end with a stop
        m = re.search(rf"\b{value}\.\s+([A-Z][\w'&-]*(?:\s+[A-Z][\w'&-]*)*)", ev.source_sentence(fact) or "")
        if m:
            return f"{value}. {m.group(1)}"
    return value


def _belongs(fact: Fact, pred: str, ev: EvidenceSet) -> bool:
    """A changing slot's fact stands unless its sentence talks only about another slot ("At
    Tessellate Studio, where I work, …" is no gym, whatever extraction said)."""
    if not predicate_registry.is_single_valued(pred):
        return True
    text = ev.source_sentence(fact)
    if not text:
        return True
    have = terms(re.sub(r"\bwork(?:ing|ed|s)?\s+out\b", "exercise", text, flags=re.I))
    own = {norm(c) for c in _cue_words(pred)}
    if own & have:
        return True
    read = slot_news.reader(pred)
    if read is not None and (fact.value or "").casefold() in {v.casefold() for v in read(text)}:
        return True  # the slot's own kind of value, read by its form ("my Toyota Prius", not "the old Mazda")
    for other in predicate_registry.REGISTRY.values():
        if other.name == pred or not other.single_valued:
            continue
        if {norm(c) for c in _cue_words(other.name)} & have:
            return False
    return True


def _other_slot(pred: str, have: set[str], vocab: set[str] | frozenset[str] = frozenset()) -> bool:
    """Words that say a sentence is about another changing slot and not this one; a word this slot's
    vocabulary shares with the other's cues says neither ("I'm now paying $1,500" may be rent or pay)."""
    if {norm(c) for c in _cue_words(pred)} & have:
        return False
    return any(({norm(c) for c in _cue_words(o.name)} & have) - vocab for o in predicate_registry.REGISTRY.values()
               if o.single_valued and o.name != pred)


def _cue_words(pred: str) -> set[str]:
    p = predicate_registry.get(pred)
    return {w for c in p.cues for w in c.split()} if p is not None else set()


_UNIT_NOUNS = ("books", "book", "pounds", "lbs", "kg", "kilos", "miles", "km", "kilometers", "hours", "minutes",
               "steps", "pages", "days", "weeks", "years", "times", "films", "movies", "games", "laps")


def _show(pred: str, value: str, text: str = "") -> str:
    """A slot value as an answer: money with its $, a number with the unit its line used."""
    p = predicate_registry.get(pred)
    if p is not None and p.value_type == "money" and re.match(r"^[\d,.]+$", value):
        # the currency the user wrote it in ("£1,100"), else dollars
        digits = re.sub(r"\D", "", value)
        m = re.search(r"([$£€])\s?(\d[\d,]*)", text or "")
        cur = next((mm.group(1) for mm in re.finditer(r"([$£€])\s?(\d[\d,]*)", text or "")
                    if re.sub(r"\D", "", mm.group(2)) == digits), "$") if m else "$"
        return f"{cur}{value}"
    if re.fullmatch(r"[\d,.]+", value) and text:
        m = re.search(rf"\b{re.escape(value)}\s+({'|'.join(_UNIT_NOUNS)})\b", text, re.I)
        if m:
            return f"{value} {m.group(1)}"
    return value


@dataclass
class SlotValue:
    """One stated value of a changing slot: from a fact, or from an evidence line."""

    value: str
    said_at: datetime
    text: str
    fact: Fact | None = None
    line: Line | None = None

    def cite(self) -> str:
        return f"\"{self.text.strip()[:140]}\" (said {self.said_at.date()})"


#: how people mention a slot in passing, without its words ("Since I'm in Halifax, …",
#: "Long shift at St. Brigid's today", "my first day at Lumen")
_SLOT_TALK: dict[str, re.Pattern[str]] = {
    "lives_in": re.compile(r"\b(?:I'm|I am|we're|we are|here|living|based|settled)\s+in\s+[A-Z]"),
    "works_at": re.compile(r"\b(?:first\s+(?:day|week)|shift|start(?:ed|ing)?|day\s+off)\s+at\s+[A-Z]"),
}
#: a line whose sentence is this similar to the question talks about the slot even without its words
LINE_SLOT_SIMILARITY = 0.4
#: the least similarity of such a sentence's whole turn (a cheap first cut: a turn far below cannot hold it)
LINE_TURN_FLOOR = 0.3
#: answer types an evidence line can state a slot value in without extraction
_LINE_TYPES = frozenset({"money", "org", "place", "person", "number"})


def slot_timeline(ev: EvidenceSet, slot: str) -> list[SlotValue]:
    """Every value the user stated for a slot, oldest first: stored facts, plus actual lines that
    talk about the slot (its vocabulary) and hold a value of its type — so a statement extraction
    missed, or one newer than the stored fact, still counts."""

    pred = slot.split(".")[0]
    out = [SlotValue(fact_value(ev, f), placed_at(f), f.text, fact=f) for f in slot_facts(ev, slot) if f.value]
    covered = {t for v in out if v.fact is not None for t in v.fact.source_turn_ids}
    atype = ev.result.plan.answer_type
    vocab = {norm(w) for w in slot_vocabulary(pred)} - {"much", "many", "year", "month"}
    read = slot_news.reader(pred) or ((lambda text: typed_spans(text, atype or "")) if atype in _LINE_TYPES else None)
    if read is not None and vocab:
        lines = ev.all_user_lines()
        before = {(ln.turn_id, ln.position): prev for prev, ln in zip(lines, lines[1:]) if prev.turn_id == ln.turn_id}
        own = re.compile(rf"\b(?:my|our|the)\s+(?:\w+\s+)?(?:{'|'.join(map(re.escape, _cue_words(pred)))})\b", re.I) \
            if _cue_words(pred) else None
        for line in lines:
            if line.turn_id in covered and not _change(line.text, read(line.text)):
                continue  # a stored fact told it; a change line tells both values in order, whatever was stored
            # someone else acting on the user's slot counts ("Landlord bumped the rent to £1,250")
            # (not for a thing's name: "My wife's got the new phone now, the iPhone 15" is hers)
            others = line.actuality != "actual" and not (line.actuality == "other" and own is not None
                                                         and own.search(line.text) and slot_news.reader(pred) is None)
            if (others and line.actuality != "other") or someone_elses(line.text):
                continue
            have = terms(line.text)
            if not (vocab & have) and not (pred in _SLOT_TALK and _SLOT_TALK[pred].search(line.text)) \
                    and not _opened(before.get((line.turn_id, line.position)), vocab, read) \
                    and (ev.turn_similarity(line.turn_id) < LINE_TURN_FLOOR
                         or _sentence_similarity(ev, line) < LINE_SLOT_SIMILARITY):
                # the sentence itself must be close to the question (a turn close to it may say other
                # things); its turn only has to be on the way there (other sentences dilute a turn)
                continue
            if others and not _goes_on(line.text, read(line.text), out):
                continue
            if _other_slot(pred, have, vocab):
                continue  # "my job at Tessellate Studio" is no gym
            spans = [v for v in read(line.text) if not (_a_place(pred) and held_by_another(line.text, v, _cue_words(pred)))]
            if atype == "money":
                spans = [v for v in spans if not a_price_not_the_slots(pred, line.text, v)]
            change = _change(line.text, spans)
            if change is not None:  # "my rent went from $1,700 to $1,850": both values, in order
                out.append(SlotValue(change[0], line.said_at - timedelta(seconds=1), line.text, line=line))
                out.append(SlotValue(change[1], line.said_at, line.text, line=line))
            elif spans:
                out.append(SlotValue(spans[-1] if atype == "money" else spans[0], line.said_at, line.text, line=line))
    if pred == "job_title":
        out += _role_lines(ev, {t for v in out for t in ([v.line.turn_id] if v.line else [])} | covered)
    return sorted(out, key=lambda v: (v.said_at, v.fact is None))


#: the value a "before" question names ("Before the $72,000 figure", "before I was head chef")
_BEFORE_VALUE = re.compile(r"\bbefore\s+(?:I\s+(?:was|became|started\s+as|got|went|switched\s+to)\s+)?(?:(?:a|an|the|my)\s+)?"
                          r"(.+?)\s*(?:,|\?|$)", re.I)


def asked_value_told(ev: EvidenceSet, pred: str) -> datetime | None:
    """When the user first told the value a "before X" question names, by the user's own line
    that names it (a value the slot's readers did not take as the user's: "HR confirmed today:
    $72,000 a year"); ``None`` when the question names none or no line names it."""
    question = ev.result.plan.question
    read = slot_news.reader(pred)
    asked = [*typed_spans(question, "money"), *(read(question) if read is not None else [])]
    m = _BEFORE_VALUE.search(question)
    if m and not asked:
        asked = [re.sub(r"\s+(?:figure|amount|one|role|job|title|phone|car)$", "", m.group(1), flags=re.I)]
    asked = [a for a in asked if len(a) > 2]
    if not asked:
        return None
    told = [ln.said_at for ln in ev.all_user_lines() if any(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", ln.text, re.I)
                                                            for a in asked)]
    return min(told) if told else None


def a_price_not_the_slots(pred: str, text: str, value: str) -> bool:
    """The amount is what something cost, not the slot's value: paid for a thing that is not the slot's
    ("Paid $1,500 for a new sofa for my flat", "Paid $900 for flights": no rent, no pay, whatever cue word
    the line holds; "paying $1,500 for the flat" is rent, "$52,000 for the year" a time), or "for" the
    amount in a line without the slot's own cue words ("a espresso machine came home with me for $540")."""
    v = re.escape(value)
    bought = re.search(rf"{v}\s+(?:on|for)\s+((?:[\w'-]+\s+){{0,2}}[\w'-]+)", text, re.I)
    if bought:
        thing = bought.group(1).lower().split()
        vocab = {norm(w) for w in slot_vocabulary(pred)}
        own = any(norm(w) in vocab or knowledge.kinds_within("housing", w, any_sense=True) for w in thing)
        when = any(calendar_unit(w) for w in thing)
        if not own and not when:
            return True
    if {norm(c) for c in _cue_words(pred)} & terms(text):
        return False
    return bool(re.search(rf"\bfor\s+(?:(?:about|around|only|just|a\s+mere)\s+)?{v}", text, re.I))


def calendar_unit(word: str) -> bool:
    """A unit of time ("year", "months", "hr")."""
    return word.rstrip("s") in ("year", "month", "week", "day", "hour", "hr", "annum", "yr", "mo", "quarter")


def _opened(prev: Line | None, vocab: set[str], read: Callable[[str], list[str]]) -> bool:
    """The sentence just before, in the same turn, opened the slot's topic without a value ("New phone
    day!! The iPhone SE is so much faster")."""
    return prev is not None and bool(vocab & terms(prev.text)) and not read(prev.text)


def _goes_on(text: str, spans: list[str], told: list[SlotValue]) -> bool:
    """A line that tells the slot's change from a value the user already gave goes on the user's own
    chain, whoever its grammatical subject ("Payslip says $72,000, up from $67,000")."""
    change = _change(text, spans)
    return change is not None and any(_same(change[0], v.value) for v in told)


def _same(a: str, b: str) -> bool:
    """Two writings of one value ("$67,000", "67,000")."""
    return re.sub(r"[$£€,\s]", "", a.lower()) == re.sub(r"[$£€,\s]", "", b.lower())


def _sentence_similarity(ev: EvidenceSet, line: Line) -> float:
    """Cosine of the question to one evidence sentence (a turn's similarity may come from
    another of its sentences: "…from a shop called String Theory" is no answer to where I live)."""
    vecs = ev.result.embed([ev.result.plan.question, line.text])
    return float(vecs[0] @ vecs[1]) if vecs is not None else 1.0


_OLD_CUE = re.compile(r"\b(?:from|was|were|used\s+to\s+be|previously|before|instead\s+of)\s+(?:about\s+|around\s+)?$", re.I)


def _change(text: str, spans: list[str]) -> tuple[str, str] | None:
    """(old, new) when a line states a change between two values of the slot ("went up from $1,700
    to $1,850", "$1,850, up from $1,700", "moved from Denver to Austin")."""
    if len(spans) < 2:
        return None
    found = [(text.find(v), v) for v in spans[:3] if text.find(v) >= 0]
    old = [v for pos, v in found if _OLD_CUE.search(text[max(0, pos - 20):pos])]
    new = [v for pos, v in found if v not in old]
    if len(old) == 1 and new and old[0] != new[0]:
        return old[0], new[0]
    return None


#: "I moved into a marketing lead role", "promoted to senior analyst", "started as a line cook"
def _role_lines(ev: EvidenceSet, done: set[str]) -> list[SlotValue]:
    """Job titles the user's own actual lines state in passing (extraction may have missed them)."""
    out = []
    for line in ev.all_user_lines():
        if line.turn_id in done or line.actuality != "actual":
            continue
        title = role_titles.title_in(line.text)
        if title is not None:
            out.append(SlotValue(title, line.said_at, line.text, line=line))
    return out


def _source_text(ev: EvidenceSet, v: SlotValue) -> str:
    """The words the value was stated in (the fact's source turn, or the line)."""
    if v.line is not None:
        return v.line.text
    turns = [ev.turn(t) for t in (v.fact.source_turn_ids[:1] if v.fact else [])]
    return " ".join([v.text, *(t.text for t in turns if t is not None)])



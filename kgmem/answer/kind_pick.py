"""A thing asked by its kind, told in passing by an instance of the kind.

"Which instrument have I been practising lately?" when the user only said "three hours of scales on the trumpet
today"; "what sport do I play?" — "lost 6-2 6-1 at tennis this morning"; "what kind of dog do I have?" — "walked
the beagle in the rain". The question names a kind (its head noun, the noun after "kind of" / "type of", or the
kind the asked slot's value is declared to be: a drink is a beverage), the line names a thing WordNet knows as an
instance of it (by the word's most frequent sense: a "mango" is a tree first, no fruit) and never the kind. Words
and meaning rank such a line low (the question's other words, "at home", sit in unrelated lines), so the lines that
name a thing of the kind are found first and ranked among themselves.

A line counts only when the thing is the user's: the user's own actual line, or the thing held as "my <thing>"
("apparently my cello is audible through the floor"); never another person's ("my neighbour's kid is learning the
violin"), a wish or a plan ("I'll learn the saxophone one day"), a request, or a thing told as stopped.
"""

from __future__ import annotations

import re

from kgmem import knowledge
from kgmem.answer import stale
from kgmem.answer.attended import spectating_verbs
from kgmem.answer.evidence import EvidenceSet, Line, outside_window
from kgmem.answer.extracted import Extracted, cite_line
from kgmem.answer.line_rank import rank_lines
from kgmem.answer.match import norm, terms
from kgmem.models import Intent, QueryPlan
from kgmem.nlp import load_nlp
from kgmem.predicates import declared_kinds
from kgmem.retrieval.question import CATEGORY_TYPES

#: heads that name no kind of thing ("which *one*", "what *thing*"), or a kind too wide to pick by ("device")
_NO_KIND = frozenset("thing things one ones item items stuff gadget device kind type sort way name option pick "
                     "choice idea".split())
#: "what kind of dog", "which type of tea": the noun after the classifier is the kind
_KIND_OF = re.compile(r"\b(?:kind|type|sort|breed|variety)s?\s+of\s+([a-z]+)\b", re.I)
#: the word's modifiers that are part of the thing's name ("green tea", "bass guitar")
_NAME_DEPS = frozenset({"compound", "amod"})
#: what WordNet's first sense of many fruits and vegetables is: the plant that bears them
_PLANT = "plant"
#: intents whose answer is one thing the user has or does
_ASKS_ONE = frozenset({Intent.SINGLE_FACT, Intent.CURRENT_VALUE})


def asked_kinds(plan: QueryPlan) -> tuple[str, ...]:
    """The kinds of thing a question asks for ("instrument", "dog", "beverage"), or ``()``."""
    m = _KIND_OF.search(plan.question)
    if plan.intent not in _ASKS_ONE or plan.subject or (plan.answer_type not in ("item", "text") and m is None):
        return ()  # "what kind of dog do I have" asks a kind whatever slot it is near (no name: pet_name)
    out: list[str] = [m.group(1).lower()] if m else []
    head = (plan.head or "").lower()
    if head and head not in _NO_KIND and CATEGORY_TYPES.get(head, "item") == "item":
        out.append(head)
    slot = (plan.slot or "").split(".")[0]
    out += list(declared_kinds(slot)[:1])  # a drink is a beverage first (WordNet files drinks under food too)
    return tuple(k for k in dict.fromkeys(out) if k not in _NO_KIND and knowledge.names_a_person(k) is not True
                 and _a_kind(k))


def _a_kind(word: str) -> bool:
    """WordNet knows the word as a noun deep enough to name a kind ("instrument", "dog"; not "entity")."""
    return knowledge.sense_kind_of(word, (word,)) is True


def _mine(line: Line, word: str, asked: frozenset[str] = frozenset()) -> bool:
    """The thing is the user's in this line: the user's own actual line, or held as "my <thing>" (in a request too:
    "Can you help me tune my ukulele?"); not told as stopped ("I gave up the violin"; "my lips have quit" stops no
    trumpet), nor only watched or cheered on when the question asks no watching ("Watched the tennis final with my
    dad" tells no sport played); ``asked``: the question's lemmas."""
    if line.role != "user" or stale.stale(line.text, word) or _spectated(line.text, word, asked):
        return False
    if line.actuality == "actual" and not line.is_request:
        return True
    held = re.search(rf"\bmy\s+((?:[\w-]+\s+){{0,2}}?){re.escape(word)}\b", line.text, re.I)
    return held is not None and "'" not in held.group(1) and "’" not in held.group(1) and line.actuality != "plan"


def _spectated(text: str, word: str, asked: frozenset[str]) -> bool:
    """The line's verb over the thing is one of watching it ("Watched the tennis final", "Cheered myself hoarse at
    the rugby"), and the question asks no such verb ("What sport did I watch?" does)."""
    verbs = spectating_verbs()
    if asked & verbs:
        return False
    for tok in load_nlp()(text):
        if tok.text != word:
            continue
        head = tok
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        return head.lemma_.lower() in verbs
    return False


def _named(text: str, word: str) -> str:
    """The thing's name as the line says it: the word with the modifiers that name it ("green tea")."""
    for tok in load_nlp()(text):
        if tok.text == word:
            left = [c for c in tok.lefts if c.dep_ in _NAME_DEPS and c.pos_ in ("NOUN", "ADJ", "PROPN")
                    and not c.like_num and c.i == tok.i - 1]
            return " ".join([*(c.text for c in left), tok.text])
    return word


def kind_thing(ev: EvidenceSet) -> Extracted | None:
    """The user's thing of the asked kind from the most relevant line that names one, or ``None``."""
    plan = ev.result.plan
    kinds = asked_kinds(plan)
    if not kinds:
        return None
    asked = terms(plan.question) | {norm(k) for k in kinds}
    lines = [ln for ln in ev.all_user_lines() if not outside_window(ln.text, plan.window)]
    lemmas = tuple(t.lemma_.lower() for t in load_nlp()(plan.question) if t.is_alpha)
    found = _instances(lines, kinds, asked, any_sense=False, question_lemmas=lemmas) or \
        _instances(lines, kinds, asked, any_sense=True, question_lemmas=lemmas)
    if not found:
        return None
    ranked = rank_lines(ev, [ln for ln, _ in found.values()])
    score, line = ranked[0]
    value = _named(line.text, found[id(line)][1])
    return Extracted(value, "line", min(0.8, 0.4 + 0.4 * max(score, 0.0)), cite_line(line), line=line,
                     turn_ids=[line.turn_id], kind=kinds[0])


def _instances(lines: list[Line], kinds: tuple[str, ...], asked: set[str], *,
               any_sense: bool, question_lemmas: tuple[str, ...] = ()) -> dict[int, tuple[Line, str]]:
    """The lines naming a thing of one of the kinds (the first such word each); with ``any_sense``, a fruit or
    vegetable named by its plant (WordNet's first sense of "courgette" and "mango" is the plant) also counts."""
    found: dict[int, tuple[Line, str]] = {}
    lemmas = frozenset(question_lemmas)
    for line in lines:
        for kind in kinds:
            words = [w for w in knowledge.kinds_within(kind, line.text, any_sense=any_sense) if norm(w) not in asked
                     and (not any_sense or knowledge.is_kind_of(w, _PLANT)) and _mine(line, w, lemmas)]
            if words:
                found[id(line)] = (line, words[0])
                break
    return found


def replaced(plan: QueryPlan, found: Extracted | None) -> bool:
    """Whether a thing of the asked kind should be looked for instead of the value found otherwise: none found,
    a whole sentence, a value WordNet knows as of another kind ("Second pot" for a drink), or, for "what kind of
    dog", any value not known as one (a pet's name)."""
    if found is None or not found.typed:
        return True
    kinds = asked_kinds(plan)
    words = found.value.split()
    if not kinds or not words:
        return False
    verdict = knowledge.sense_kind_of(words[-1], kinds)
    return verdict is False or (verdict is None and _KIND_OF.search(plan.question) is not None)

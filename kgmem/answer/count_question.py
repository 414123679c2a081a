"""What a count question asks: "how many *food bank shifts* have I done *this year*".

The counted phrase's words (its head nouns and their modifiers), the question's other content words, the words of its
time window (never what is counted), and the small word helpers every count reader shares (:mod:`kgmem.answer.counting`
reads the user's lines with them, :mod:`kgmem.answer.count_answer` and :mod:`kgmem.answer.aggregate` answer with them).
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgmem import temporal
from kgmem.answer import instances as inst
from kgmem.answer.evidence import Line
from kgmem.answer.match import GENERIC, norm, terms
from kgmem.models import QueryPlan
from kgmem.nlp import load_nlp
from kgmem.retrieval.planner import plan_notes
from kgmem.text import tokenize

#: "how many X" (not "the total number of X": a generic count the stored items answer; counting
#: lines for it added preference lines — "Big yes to documentaries" — on the first synthetic family)
HOW_MANY = re.compile(r"\bhow\s+many\b", re.I)
#: where the counted things are named: after "how many", or a count noun's "of" ("my *tally of* films": a count
#: and a number, however the plan's shape came out)
COUNT_NOUN = re.compile(r"\b(?:count|tally)\s+of\b", re.I)
_COUNTED_AFTER = re.compile(rf"\bhow\s+many\b|{COUNT_NOUN.pattern}", re.I)
#: the question asks how many *different* things, not how many times
DIFFERENT = re.compile(r"\b(?:different|distinct|kinds?|types?|sorts?|varieties|variety)\b", re.I)
#: "how many days did I spend in Lisbon" asks a duration, not a count of told events
HOW_MANY_UNITS = re.compile(r"\bhow\s+many\s+(?:more\s+)?(?:seconds|minutes|hours|days|nights|weeks|months|years)\b", re.I)
#: words of a count question that say how to count, not what ("how many *different kinds* of bird")
COUNTING = terms("many different kind kinds sort sorts type types actually total altogether together far")
#: verbs that carry tense, not the event ("have I *done*", "did I", "*got* accepted")
AUXILIARIES = terms("have has had do does did done get got gets be been being")
#: calendar periods a question's window is counted in ("this year", "since last term")
_PERIODS = frozenset({"year", "term", "semester", "season", "month", "week", "quarter", "fortnight", "decade"})
#: how a word modifies a period noun in the parse ("this *financial* year", "last *school* term")
_PERIOD_MODIFIERS = frozenset({"amod", "compound", "det", "nmod", "nummod", "poss"})


def window_words(plan: QueryPlan) -> set[str]:
    """Words of the question's time expressions: what the resolver finds ("since *September*"),
    and a calendar period noun with its modifiers by the parse ("this *financial year*", "since
    last *school term*"), unless the period is itself what is counted ("how many seasons")."""
    q = plan.question
    out: set[str] = set()
    for tok in load_nlp()(q):
        if tok.lemma_.lower() in _PERIODS and not any(c.lower_ == "many" for c in tok.children):
            words = [tok] + [c for c in tok.children if c.dep_ in _PERIOD_MODIFIERS]
            out |= {t for w in words for t in question_terms(w.text)}
    if plan.question_date is not None:
        out |= {w for s in temporal.find_time_expressions(q, plan.question_date) for w in terms(q[s.start_char:s.end_char])}
    return out


#: where the counted phrase of "how many <things> …" ends: the clause's subject or auxiliary
_PHRASE_END = re.compile(r"\b(?:i|we|you|he|she|they|it|have|has|had|did|do|does|are|were|is|was|will|can|could|would|"
                         r"should|got|get|gets|been)\b", re.I)


def _counted_phrase(question: str) -> list[list[str]]:
    """The words of "how many <things>", one list per coordinated part ("wards or departments")."""
    m = _COUNTED_AFTER.search(question)
    if m is None:
        return []
    rest = question[m.end():]
    end = _PHRASE_END.search(rest)
    phrase = rest[:end.start()] if end else rest
    parts = [_words(inst.before_adjunct(part)) for part in re.split(r"\b(?:or|and)\b|,", phrase)]
    return [p for p in parts if p]


def _words(part: str) -> list[str]:
    """One counted part's words, its head noun last: "jars of my marmalade" → marmalade, jars
    (the word before "of" is the counted thing; "of my submissions", "kinds of bird" have none)."""
    before, _, after = f" {part} ".partition(" of ")
    head = [w for w in tokenize(before) if norm(w) not in COUNTING]
    rest = [w for w in tokenize(after) if norm(w) not in COUNTING]
    return rest + head if head else rest


def counted_heads(question: str) -> set[str]:
    """The head nouns of the counted phrase: "how many food bank *shifts* have I done" → shift;
    "how many wards or departments" → ward, department."""
    return {t for part in _counted_phrase(question) for t in question_terms(part[-1])}


def counted_lemmas(question: str) -> set[str]:
    """The head nouns of the counted phrase as dictionary forms ("how many *events*" → event), for WordNet."""
    return {lemma for part in _counted_phrase(question) for lemma in lemmas(part[-1])}


def modifiers(question: str) -> set[str]:
    """The counted phrase's other words ("food bank" of "food bank shifts"): alone, they name no
    event ("the bank sent me a card" is no shift)."""
    return {t for part in _counted_phrase(question) for w in part[:-1] for t in question_terms(w)}


def anchors(plan: QueryPlan) -> tuple[set[str], set[str]]:
    """The question's words that say what is counted: (the counted things' head nouns, its other
    content words — the verb of "how many of my submissions got *accepted*", modifiers)."""
    skip = set(GENERIC) | COUNTING | window_words(plan)
    heads = counted_heads(plan.question) - skip
    words = {t for k in plan.keywords for t in question_terms(k)} | \
        {t for n in plan_notes(plan, "noun") for t in question_terms(n)}
    return heads, words - skip - heads - modifiers(plan.question)


def question_terms(text: str) -> set[str]:
    """A question's comparison forms, each word also by its dictionary form (spaCy's lemma: a past
    participle as its verb, "taken" → take, so a line's "Took £420" holds it; "garden" stays garden)."""
    return terms(text) | {norm(lemma) for lemma in lemmas(text)}


@lru_cache(maxsize=4096)
def lemmas(text: str) -> tuple[str, ...]:
    """The lemmas of a text's words, by the shared pipeline's tagger and lemmatizer (no parse)."""
    doc = load_nlp()(text, disable=("parser", "ner"))
    return tuple(t.lemma_.lower() for t in doc if t.is_alpha)


def shared(words: set[str], line_terms: set[str]) -> set[str]:
    """The question's words a line holds."""
    return words & line_terms


def said_in_window(line: Line, plan: QueryPlan) -> bool:
    """The line was said inside the question's time window (or the question has none)."""
    return (w := plan.window) is None or ((w.start is None or line.said_at >= w.start) and (w.end is None or line.said_at <= w.end))

"""Which of the user's lines tell an instance of the thing a count question counts, by meaning.

"How many half marathons have I completed this year" counts "Did the Bath Half on Sunday", a
line that holds no word of the question's noun; "how many kinds of bird" counts "a nuthatch on
the feeder". A word match finds neither, and a head-word rule fitted to the phrasings seen in
development does not carry to new ones. So the question is cut to its **counted phrase** — the
user doing the asked thing, without the words that say how to count or when ("I completed half
marathons") — and each candidate line is compared with it by the MiniLM embedding (one batch per
question). A line close in meaning is an instance; a line in the band just below, in a session
no instance comes from, may be one (the count is then "at least N", naming it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from kgmem import temporal
from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.match import norm, terms
from kgmem.lexicon import numbers
from kgmem.models import QueryPlan
from kgmem.nlp import load_nlp
from kgmem.text import PHRASE_BREAKS

_HOW_MANY = re.compile(r"\b(?P<prep>(?:at|in|on|to|for|with|from)\s+)?(?:how\s+many|(?:the\s+)?(?:total\s+)?"
                       r"(?:number|count|tally)\s+of)\s+", re.I)
_CONTRACTED = re.compile(r"\b(i|we)['’]ve\b", re.I)
#: the clause's subject and auxiliaries after the counted things ("… *have I* completed")
_SUBJECT = re.compile(r"\b(?:(?P<aux>have|has|had|did|do|does|will|would|could|can)\s+)?(?P<subj>i|we)\b"
                      r"(?:\s+(?:really|actually|already|ever|finally|now|even))*", re.I)
#: words that say how to count, not what ("how many *different kinds of* bird", "*times*")
_HOW_TO_COUNT = re.compile(r"\b(?:different|distinct|separate|kinds?\s+of|types?\s+of|sorts?\s+of|varieties\s+of|"
                           r"times|in\s+total|altogether|all\s+together|so\s+far|total|actually|ever|of\s+the|of)\b", re.I)
#: ... and what says so in the doing's part ("have I visited *so far*")
_SO_FAR = re.compile(r"\b(?:so\s+far|to\s+date|ever|actually|altogether|all\s+together|in\s+total)\b", re.I)
_SPACES = re.compile(r"\s{2,}")


def counted_phrase(plan: QueryPlan) -> str:
    """The question as a statement of the counted doing, without its time window, its counting
    words and a trailing comma clause (how to count, not what): "At how many conferences have I
    presented a paper this year?" → "I have presented a paper at conferences"; "how many of my
    submissions got accepted" → "my submissions got accepted"."""
    q = _CONTRACTED.sub(r"\1 have", plan.question.strip().rstrip("?!. "))
    if plan.question_date is not None:  # "this year", "since September", "last year": when, not what
        for span in sorted(temporal.find_time_expressions(q, plan.question_date), key=lambda s: -s.start_char):
            q = q[:span.start_char] + " " + q[span.end_char:]
    m = _HOW_MANY.search(q)
    if m is None:
        return _SPACES.sub(" ", q).strip()
    rest = q[m.end():].split(",")[0]  # ", not counting Jen and me" / ", mock and real together": how to count
    subj = _SUBJECT.search(rest)
    if subj is None:
        things, doing = rest, ""
    else:
        things, doing = rest[:subj.start()], _SO_FAR.sub(" ", rest[subj.end():])
    things = _HOW_TO_COUNT.sub(" ", things)
    prep = (m.group("prep") or "").strip().lower()
    if subj is None:
        text = f"{things} {prep}"
    else:
        aux = (subj.group("aux") or "").lower()
        text = f"{subj.group('subj').capitalize() if subj.group('subj').lower() == 'we' else 'I'} " \
               f"{aux if aux in ('have', 'has', 'had') else ''} {doing} {prep} {things}"
    return _SPACES.sub(" ", text).strip(" ,")


def phrase_similarity(ev: EvidenceSet, phrase: str, lines: Sequence[Line]) -> dict[tuple[str, int], float]:
    """Cosine of the counted phrase to each line, embedded in one batch (0 without an embedder)."""
    if not lines:
        return {}
    vecs = ev.result.embed([phrase] + [ln.text for ln in lines])
    if vecs is None:
        return {(ln.turn_id, ln.position): 0.0 for ln in lines}
    return {(ln.turn_id, ln.position): float(vecs[0] @ vecs[k + 1]) for k, ln in enumerate(lines)}


#: a line this close in meaning to the counted phrase is an instance whatever the others score
#: (MiniLM cosines of a short statement to one clause; chosen on the development sets' count
#: questions, see the ms11 note)
STRONG = 0.45
#: ... and so is one within this much of the best own line, when the best is clearly about it
MARGIN = 0.25
#: a line just below the threshold, in a session no instance comes from, may be one more
NEAR = 0.08


def threshold(top: float) -> float:
    """The cosine an instance needs, given the best own line's: the best line and those near it
    when the best is clearly about the counted thing; otherwise only the floor (then the word
    evidence decides, and the lines near the floor are reported as maybe)."""
    return max(STRONG, top - MARGIN)


def name_runs(line: Line, pattern: re.Pattern[str]) -> list[str]:
    """The capitalised runs ``pattern`` finds in a line, without a time expression that ends one
    ("Sensortech on Monday" is Sensortech; "Saturday" alone names no thing; "The Thursday Murder
    Club" keeps its weekday, which does not end it)."""
    spans = [(s.start_char, s.end_char) for s in temporal.find_time_expressions(line.text, line.said_at)]
    out: list[str] = []
    for r in pattern.finditer(line.text):
        start, end = r.start(), r.end()
        for a, b in spans:
            if a <= start and b >= end:
                start = end  # the whole run is a time
            elif start < a < end <= b + 1:
                end = a  # a time ends the run
        text = line.text[start:end].strip(" ,.")
        if text:
            out.append(text)
    return out


def key(line: Line) -> tuple[str, int]:
    return (line.turn_id, line.position)


def same_day_retold(a: Line, b: Line) -> bool:
    """Two lines of different sessions tell the same instance when one dates its event by its own
    words to the day the other tells it on ("the Bath Half last Sunday" said a week after "ran the
    Bath Half yesterday")."""
    if a.session_id == b.session_id or not (a.dated_by_text or b.dated_by_text) or a.granularity != "day" \
            or b.granularity != "day":
        return False
    return a.when.date() == b.when.date()


@lru_cache(maxsize=4096)
def marks_repeat(text: str) -> bool:
    """The line tells a repeat by its grammar: the determiner "another", the adverb "again", an ordinal past the
    first ("third session", "3rd spin class"): an occasion of its own, though it names a thing told before."""
    doc = load_nlp()(text)
    return any((t.lower_ == "another" and t.pos_ == "DET") or (t.lower_ == "again" and t.pos_ == "ADV")
               or (t.ent_type_ == "ORDINAL" and t.lower_ not in ("first", "1st")) for t in doc)


#: a cardinal and the three words after it ("I have had *two physiotherapy appointments since*")
_QUANTITY = re.compile(rf"\b({numbers.cardinal_alternation(least=1)}|\d{{1,4}})((?:\s+[\w'-]+){{1,3}})", re.I)


#: a line that tells none of the thing ("so I sold nothing at all", "not a single one")
_NONE = re.compile(r"\b(?:nothing|none|zero|not\s+(?:one|a\s+single))\b", re.I)


def stated_quantity(text: str, heads: set[str]) -> int:
    """How many of the counted things one line tells: the cardinal it puts before the counted
    noun ("I have had two physiotherapy appointments since the operation" → 2, "sold another 9
    jars" → 9), within the number's own noun group (not "thirty-eight years at sea"); none when it says so ("the fete was rained off so I sold nothing"); else 1."""
    if _NONE.search(text):
        return 0
    for m in _QUANTITY.finditer(text):
        after = m.group(2).split()
        # the words of the number's own noun group: "thirty-eight years at sea" counts years, not the sea
        cut = next((i for i, w in enumerate(after) if w.lower() in PHRASE_BREAKS), len(after))
        after = after[:cut]
        if any(terms(w) & heads or {norm(x) for x in lemmas(w)} & heads for w in after):
            n = numbers.cardinal(m.group(1))
            if n:
                return n
    return 1


def lemmas(text: str) -> tuple[str, ...]:
    """The lemmas of a text's words (the shared pipeline's tagger and lemmatizer, no parse)."""
    return tuple(t.lemma_.lower() for t in load_nlp()(text, disable=("parser", "ner")) if t.is_alpha)


def before_adjunct(part: str) -> str:
    """A counted phrase without what modifies it after its head ("books [about the sea]", "films
    [in a cinema hall]"): the thing counted is the books, not the sea."""
    words = part.split()
    cut = next((i for i, w in enumerate(words) if i > 0 and w.lower() in PHRASE_BREAKS), len(words))
    return " ".join(words[:cut])

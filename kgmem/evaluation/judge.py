"""Judges: LLM judges (LongMemEval per-type rubric, Investigathon generic) and an offline scorer.

Every judge returns a :class:`Verdict`. LLM judges call the model through the LLM layer (cached,
prompt-versioned) and parse yes/no robustly; an unparseable reply raises :class:`JudgeError`, so
the harness records it instead of inventing a verdict. Without a judge model the harness uses
:class:`NormalisedMatchScorer`, labelled ``normalised-match (not an LLM judge)`` in every report.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Protocol

from kgmem.evaluation.interface import LLMUsage
from kgmem.evaluation.prompts import investigathon_judge, longmemeval_judge
from kgmem.lexicon import calendar, numbers
from kgmem.text import RUBRIC_FILLER, fold

if TYPE_CHECKING:
    from kgmem.llm.base import LLM
    from kgmem.settings import Settings

NORMALISED_MATCH_NAME = "normalised-match (not an LLM judge)"
JudgeStyle = Literal["longmemeval", "investigathon"]


class JudgeError(RuntimeError):
    """A judge could not produce a verdict (e.g. its reply was neither yes nor no)."""


@dataclass
class Verdict:
    """A judgement of one prediction. ``approximate`` marks heuristic scores (preference rubric
    keyword overlap under the offline scorer); ``method`` says which rule decided."""

    correct: bool
    judge: str
    approximate: bool = False
    method: str = ""
    raw: str = ""
    usage: LLMUsage = field(default_factory=LLMUsage)


class Judge(Protocol):
    """Anything that scores a prediction against a gold answer."""

    name: str

    def judge(self, *, question: str, gold: str, prediction: str, question_type: str,
              is_abstention: bool) -> Verdict:
        """Score one prediction."""
        ...


# ============================================================================ yes/no parsing

_THINK = re.compile(r"<think>.*?</think>", re.DOTALL | re.IGNORECASE)
_POSITIVE = {"yes", "true", "correct"}
_NEGATIVE = {"no", "false", "incorrect", "wrong"}


def parse_yes_no(text: str) -> bool:
    """Read a judge's yes/no (or True/False) reply; raise :class:`JudgeError` when ambiguous.

    Every verdict word in the reply ("yes", "true", "correct", "no", "false", "incorrect";
    "not correct" counts as negative) must agree — unless the reply opens with a verdict word
    followed by punctuation or the end ("Yes. It also says no…"), which then decides.
    """
    cleaned = _THINK.sub(" ", text).casefold()
    cleaned = re.sub(r"^\W*(answer|verdict|judgement|judgment|result)\s*[:\-]", " ", cleaned)
    json_hit = re.search(r'"(?:correct|verdict|answer|label)"\s*:\s*"?(true|false|yes|no)', cleaned)
    if json_hit:
        return json_hit.group(1) in _POSITIVE
    cleaned = re.sub(r"\bnot\s+(correct|true|right)\b", " incorrect ", cleaned)
    words = re.findall(r"[a-z]+", cleaned)
    found = {w in _POSITIVE for w in words if w in _POSITIVE | _NEGATIVE}
    if len(found) == 1:
        return found.pop()
    opening = re.match(r"\W*([a-z]+)\s*([.!,;:\n*]|$)", cleaned)
    if found and opening and opening.group(1) in _POSITIVE | _NEGATIVE:
        return opening.group(1) in _POSITIVE
    shown = text if len(text) <= 120 else text[:120] + "…"
    raise JudgeError(f"judge reply is not a clear yes/no: {shown!r}")


# ============================================================================ LLM judges


class LLMJudge:
    """A yes/no judge through the LLM layer, in LongMemEval or Investigathon style."""

    def __init__(self, llm: LLM, style: JudgeStyle = "longmemeval", max_tokens: int = 1024) -> None:
        self.llm = llm
        self.style = style
        self.max_tokens = max_tokens
        self.name = f"{style}-judge({llm.model})"

    def judge(self, *, question: str, gold: str, prediction: str, question_type: str,
              is_abstention: bool) -> Verdict:
        """Ask the judge model; parse its yes/no."""
        if self.style == "investigathon":
            content = investigathon_judge.render(question, gold, prediction)
            version = investigathon_judge.VERSION
        else:
            content = longmemeval_judge.render(question_type, question, gold, prediction,
                                               is_abstention)
            version = longmemeval_judge.VERSION
        result: Any = self.llm.complete([{"role": "user", "content": content}],
                                        max_tokens=self.max_tokens, prompt_version=version)
        text = str(result.text)
        return Verdict(correct=parse_yes_no(text), judge=self.name, method="llm", raw=text,
                       usage=LLMUsage.from_result(result))


# ============================================================================ offline scorer

_UNITS = numbers.UNITS
_TENS = numbers.TENS
_SCALES = numbers.SCALES
_SPECIAL = {"once": "1 time", "twice": "2 times", "thrice": "3 times", "a dozen": "12",
            "a couple of": "2", "a pair of": "2", "half a dozen": "6"}
_NUMBER_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
_NUMBER_PHRASE = re.compile(rf"\b(?:(?:{_NUMBER_WORD})(?:[\s-]+(?:and\s+)?)?)+\b")

_MONTHS = calendar.MONTH_NUMBERS
_MONTH_RE = calendar.month_alternation()

ABSTENTION_PHRASES = (
    "don't know", "do not know", "not mentioned", "no information", "haven't told me",
    "have not told me", "didn't mention", "did not mention", "never mentioned", "not enough information",
    "cannot answer", "can't answer", "unable to answer", "unable to determine", "can't determine",
    "cannot determine", "not sure", "no record", "not provided", "wasn't mentioned",
    "was not mentioned", "no mention", "don't have", "do not have", "not specified",
    "no details", "not available", "you haven't", "you have not", "you didn't",
    "you did not", "i'm not aware", "not aware", "doesn't say", "does not say", "insufficient information",
    # bare "there is no", "not in the" and "unknown" also open committed answers ("Your gym is not in
    # the centre, it's Iron Temple"), so only their declining forms count
    "there is no information", "there's no information", "there is no record", "there is no mention",
    "not in the conversation", "not in our conversation", "not in the chat", "not in the context",
    "not in the history", "not in my memory", "is unknown", "unknown to me",
)


def _replace_number_words(text: str) -> str:
    for phrase, digits in _SPECIAL.items():
        text = re.sub(rf"\b{phrase}\b", digits, text)

    def convert(match: re.Match[str]) -> str:
        words = [w for w in re.split(r"[\s-]+", match.group(0).strip()) if w and w != "and"]
        total, current = 0, 0
        for w in words:
            if w in _UNITS:
                current += _UNITS[w]
            elif w in _TENS:
                current += _TENS[w]
            elif w in _SCALES:
                current = max(current, 1) * _SCALES[w]
                if w == "thousand":
                    total, current = total + current, 0
        value = total + current
        trailing = " " if match.group(0).endswith((" ", "-")) else ""
        return f"{value}{trailing}"

    return _NUMBER_PHRASE.sub(convert, text)


def normalise(text: str) -> str:
    """Casefold, strip accents, numbers as digits ("three"→3, "1,200"→1200), no punctuation."""
    text = fold(str(text))
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)  # thousands separators
    text = _replace_number_words(text)
    text = re.sub(r"\b(\d+)\.0+\b", r"\1", text)  # 3.0 → 3
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)  # keep decimal points only
    text = re.sub(r"[^\w\s.%]", " ", text)
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def extract_dates(text: str) -> set[tuple[int | None, int, int]]:
    """Calendar dates written in common forms → ``(year or None, month, day)``."""
    t = text.casefold()
    out: set[tuple[int | None, int, int]] = set()
    for y, m, d in re.findall(r"\b(\d{4})[/-](\d{1,2})[/-](\d{1,2})\b", t):
        out.add((int(y), int(m), int(d)))
    for m, d, y in re.findall(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", t):
        out.add((int(y), int(m), int(d)))
    for mon, d, y in re.findall(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", t):
        out.add((int(y) if y else None, _MONTHS[mon], int(d)))
    for d, mon, y in re.findall(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_RE})\.?(?:,?\s+(\d{{4}}))?\b", t):
        out.add((int(y) if y else None, _MONTHS[mon], int(d)))
    return {(y, m, d) for y, m, d in out if 1 <= m <= 12 and 1 <= d <= 31}


def _dates_match(gold: set[tuple[int | None, int, int]],
                 pred: set[tuple[int | None, int, int]]) -> bool:
    for gy, gm, gd in gold:
        for py, pm, pd in pred:
            if (gm, gd) == (pm, pd) and (gy is None or py is None or gy == py):
                return True
    return False


_BARE_NUMBER = re.compile(r"\d+(?:\.\d+)?")
#: an item of a pasted list: a bullet or "1." / "2)" opening a capitalised item
_LIST_ITEM = re.compile(r"(?:^|\s)(?:[-•*]|\d[.)])\s+(?=[A-Z])")
#: a quoted span (an answer citing the user's own words)
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")


def answer_lead(prediction: str) -> str:
    """What an answer itself says: the text before a pasted list of two or more items, or all of it.

    "You'd get the Tojiro DP" before a list of three knives answers; the list alone (every option,
    the gold among them) answers nothing (review10 H1)."""
    items = list(_LIST_ITEM.finditer(prediction))
    return prediction[:items[0].start()] if len(items) >= 2 else prediction


def without_quotes(prediction: str) -> str:
    """The answer with quoted spans removed: the user's own words cited back are no recommendation."""
    return _QUOTED.sub(" ", prediction)
_DATE_SPANS = (
    re.compile(r"\b\d{4}[/-]\d{1,2}[/-]\d{1,2}\b"),
    re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b"),
    re.compile(rf"\b(?:{_MONTH_RE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?\b", re.I),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_RE})\.?(?:,?\s+\d{{4}})?\b", re.I),
    re.compile(r"\b\d{1,2}:\d{2}\b"),                       # clock times
    re.compile(r"\b(?:step|item|option|no|number|#)\s*\d+\b", re.I),
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_LIST_MARKER = re.compile(r"(?:^|\n)\s*\d{1,2}[.)]\s")


def stated_number(prediction: str, *, keep_years: bool = False) -> float | None:
    """The first number an answer states, not counting dates, clock times, years (unless
    ``keep_years``: the gold is itself a year-like number), step numbers or the markers of an
    enumerated list ("3 (A, B and C)" → 3; "1. Find … 2. Count …" → None; "3. A, B, C" → 3)."""
    text = prediction
    for span in _DATE_SPANS:
        text = span.sub(" ", text)
    if not keep_years:
        text = _YEAR.sub(" ", text)
    if len(_LIST_MARKER.findall(text)) >= 2:  # an enumerated list, not a number that ends a sentence
        text = _LIST_MARKER.sub("\n", text)
    found = re.search(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\w])", normalise(text))
    return float(found.group(1)) if found else None


def _unit_counts(norm: str) -> list[tuple[float, str]]:
    """``(number, unit)`` pairs for day/week/month counts in normalised text."""
    pairs = re.findall(r"\b(\d+(?:\.\d+)?)\s+(day|week|month)s?\b", norm)
    return [(float(n), u) for n, u in pairs]


def is_abstention_text(prediction: str) -> bool:
    """Whether a prediction declines to answer (by phrase)."""
    p = prediction.casefold().replace("’", "'")
    return any(phrase in p for phrase in ABSTENTION_PHRASES)


def declines(prediction: str) -> bool:
    """Whether an answer opens by declining or hedging ("I don't know …", "I'm not sure; the
    closest thing you told me is …", "I'm not sure which time you mean: … matches both …").

    Only the opening clause counts: a committed answer may say "you didn't" later on."""
    opening = re.split(r"[.;:!?]\s|\s[—–-]\s", prediction.strip(), maxsplit=1)[0]
    return is_abstention_text(opening)


def _gold_candidates(gold: str) -> list[str]:
    """The gold answer, plus its alternatives ("7 days. 8 days … is also acceptable")."""
    cands = [gold]
    no_paren = re.sub(r"\([^)]*\)", " ", gold)
    for part in re.split(r"(?<=[.;])\s+|\s+or\s+", no_paren):
        part = re.sub(r"\b(is|are) also (acceptable|correct|fine)\b", " ", part, flags=re.I)
        part = part.strip(" .;,")
        if part and part not in cands:
            cands.append(part)
    return cands


def rubric_keywords(rubric: str) -> list[str]:
    """Content words of what a personalised answer should use (the "would prefer" part)."""
    positive = re.split(r"\b(?:might|would|may|will)\s+not\s+prefer|\bnot\s+prefer", rubric,
                        flags=re.I)[0]
    words = re.findall(r"[a-z0-9][a-z0-9'-]+", normalise(positive))
    seen: dict[str, None] = {}
    for w in words:
        if w not in RUBRIC_FILLER and len(w) > 2:
            seen.setdefault(w, None)
    return list(seen)


def _keyword_in(word: str, text_words: set[str]) -> bool:
    # a five-letter stem tolerates plural/tense (photograph ~ photography)
    stem = word[:5] if len(word) > 5 else word
    return any(t.startswith(stem) for t in text_words)


class NormalisedMatchScorer:
    """Offline scorer: normalised containment, dates, temporal ±1, abstention phrases; an answer
    to an answerable question that opens by declining or hedging is wrong (see :func:`declines`).

    Not an LLM judge: it under-credits paraphrases. Preference questions are scored by overlap
    with the rubric's keywords, without the user's words the answer quotes, and flagged
    ``approximate``. An answer that pastes a list of two or more items is judged by what it says
    before the list (its pick), never by an item of the list.
    """

    name = NORMALISED_MATCH_NAME

    def judge(self, *, question: str, gold: str, prediction: str, question_type: str,
              is_abstention: bool) -> Verdict:
        """Score one prediction (see class docstring for the rules)."""
        abstained = is_abstention_text(prediction)
        if is_abstention:
            # only the opening clause counts, as for answerable questions: "Your gym is not in the
            # city centre, it's Iron Temple" answers (wrongly) and is no abstention
            return Verdict(declines(prediction), self.name, method="abstention-opening")
        if not prediction.strip():
            return Verdict(False, self.name, method="empty")
        if declines(prediction):
            # an answer cannot both decline and be right: a hedge that quotes a line holding the
            # gold string (even a superseded one) or names two candidates is not an answer
            return Verdict(False, self.name, method="declined")
        if question_type == "single-session-preference":
            return self._preference(gold, without_quotes(prediction))
        prediction = answer_lead(prediction)  # a pasted list is judged by the pick before it
        pred_norm = normalise(prediction)
        padded = f" {pred_norm} "
        for cand in _gold_candidates(gold):
            g = normalise(cand)
            if _BARE_NUMBER.fullmatch(g):
                # a bare-number gold ("3", "€95") is the number the answer states, not any digit
                # somewhere in it (a list marker, a day of a date, a step number)
                if stated_number(prediction, keep_years=bool(_YEAR.fullmatch(g))) == float(g):
                    return Verdict(True, self.name, method="stated-number")
            elif g and f" {g} " in padded:
                return Verdict(True, self.name, method="containment")
        gold_dates = extract_dates(gold)
        # a gold that states a duration ("3 days (3-6 June)") is judged by its count: the dates of
        # its explanation are no answer ("46 days, from 20 April to 6 June" is wrong)
        states_duration = bool(_unit_counts(normalise(re.sub(r"\([^)]*\)", " ", gold))))
        if gold_dates and not states_duration and _dates_match(gold_dates, extract_dates(prediction)):
            return Verdict(True, self.name, method="date")
        if question_type == "temporal-reasoning":
            pred_counts = _unit_counts(pred_norm)
            for cand in _gold_candidates(gold):
                for n, unit in _unit_counts(normalise(cand)):
                    if any(u == unit and abs(m - n) <= 1 for m, u in pred_counts):
                        return Verdict(True, self.name, method="temporal±1")
        if not abstained:
            gold_words = [w for w in normalise(gold).split() if w not in RUBRIC_FILLER]
            if len(gold_words) >= 4:
                pred_words = set(pred_norm.split())
                hit = sum(1 for w in gold_words if w in pred_words)
                if hit / len(gold_words) >= 0.8:
                    return Verdict(True, self.name, method="token-recall")
        return Verdict(False, self.name, method="no-match")

    def _preference(self, rubric: str, prediction: str) -> Verdict:
        keywords = rubric_keywords(rubric)
        words = set(normalise(prediction).split())
        hits = sum(1 for k in keywords if _keyword_in(k, words))
        needed = len(keywords) if len(keywords) < 2 else max(2, math.ceil(0.25 * len(keywords)))
        return Verdict(bool(keywords) and hits >= needed, self.name, approximate=True,
                       method=f"rubric-keywords {hits}/{len(keywords)}")


# ============================================================================ factory


def default_judge_style(split_name: str) -> JudgeStyle:
    """Investigathon splits use the generic judge; everything else the LongMemEval rubric."""
    return "investigathon" if split_name.startswith("investigathon") else "longmemeval"


def make_judge(settings: Settings, style: JudgeStyle = "longmemeval",
               llm: LLM | None = None) -> Judge:
    """The judge the settings ask for: an LLM judge when ``judge_model`` is set, else offline."""
    if llm is None and settings.judge_model is None:
        return NormalisedMatchScorer()
    if llm is None:
        from kgmem.llm import get_llm

        llm = get_llm(settings, model=settings.judge_model, role="judge", cache=settings.llm_cache)
    return LLMJudge(llm, style)

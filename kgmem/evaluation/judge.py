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

from kgmem.evaluation.answer_text import (
    BARE_NUMBER,
    YEAR,
    answer_lead,
    dates_match,
    extract_dates,
    names_other_option_first,
    normalise,
    stated_number,
    states_no_order,
    unit_counts,
    without_quotes,
)
from kgmem.evaluation.interface import LLMUsage
from kgmem.evaluation.prompts import investigathon_judge, longmemeval_judge
from kgmem.text import RUBRIC_FILLER, SENTENCE_OR_LINE_GAP

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


def is_abstention_text(prediction: str) -> bool:
    """Whether a prediction declines to answer (by phrase)."""
    p = prediction.casefold().replace("’", "'")
    return any(phrase in p for phrase in ABSTENTION_PHRASES)


#: an opening that denies the question's premise ("You weren't in Fiji, Jess went."): a right
#: answer to an ``_abs`` question, never read as declining an answerable one (review13)
PREMISE_DENIALS = ("you weren't", "you were not")


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


#: "what you've told me", "you mentioned that": the frame of a restatement, no suggestion of its own
_TOLD = re.compile(r"\b(?:what\s+|all\s+)?you(?:'ve|\s+have|\s+had)?\s+(?:told|said|mentioned|shared|stated|written|"
                   r"wrote|noted|explained)(?:\s+(?:me|us))?(?:\s+(?:about|that|so\s+far|before|earlier))*", re.I)
#: a list of what the user said follows the frame and a colon ("… fits what you've told me: you're vegan; …")
_TOLD_LIST = re.compile(_TOLD.pattern + r"\s*:[^.!?\n]*", re.I)
#: where clauses meet inside a sentence
_CLAUSE_EDGE = re.compile(r"[,;:()\[\]]|\s[-–—]\s|" + SENTENCE_OR_LINE_GAP.pattern)
#: a clause whose subject is the user, saying what they are, did, like or cannot have ("you're lactose
#: intolerant", "since you enjoy hiking", "and you need it quick"), not what they could do ("you could
#: try …", "you might like …", "you'd love …")
_RESTATES = re.compile(
    r"^\W*(?:(?:and|but|so|since|because|as|given|that|which|while|although|though|also|plus|especially|"
    r"seeing|considering|knowing|remember|recall|noting|note)\s+)*(?:(?:that|how)\s+)?"
    r"you(?:'re|'ve|\s+are|\s+have|\s+were|\s+had|\s+also|\s+really|\s+still|\s+both|\s+always|\s+usually)*\s+"
    r"(?!(?:could|might|may|can|should|would|will|shall|must|'d|'ll|try|consider|go\s+for|opt|pick|choose|check|"
    r"look|visit|take|book|get|make|cook|read|watch|listen|start|use|bring|order|ask|head|enjoy\s+(?:a|an|the|this|"
    r"these|some|it)|"
    # a liking foretold, or a thing they merit, is offered, not said back ("you're going to love a dhal", "you
    # deserve a treat"; not "you're going to want something spicy, as you said", "you deserve to know that you
    # told me …"); so is an example of what they want ("you want something like a dhal": "you want something
    # quick" still says back a need)
    r"(?:going\s+to|gonna)\s+(?:love|adore|enjoy|like|relish)\s+(?:a|an|the|this|these|some|it)\b|"
    r"deserve\s+(?:a|an|the|some|this|yourself)\b|treat\s+yourself\s+to|"
    r"(?:want|need|fancy)\s+(?:something|anything|one|a|an|some)\b[^,;:.!?]*?\b(?:like|such\s+as))\b)\w", re.I)


def without_restatements(prediction: str) -> str:
    """The answer without what it only says back about the user: the user's words quoted (see
    :func:`~kgmem.evaluation.answer_text.without_quotes`), a list after "what you've told me:", and each
    clause whose subject is the user stating what they are, like or cannot have ("you're lactose
    intolerant", "since you avoid flying") — a rubric's words found only there are no suggestion
    (review13 M1). What the answer suggests stays ("you could try the train", "a dairy-free curry")."""
    text = _TOLD_LIST.sub(" ", without_quotes(prediction))
    text = _TOLD.sub(" ", text)
    return " ".join(c for c in _CLAUSE_EDGE.split(text) if c and not _RESTATES.match(c))


def _keyword_in(word: str, text_words: set[str]) -> bool:
    # a five-letter stem tolerates plural/tense (photograph ~ photography)
    stem = word[:5] if len(word) > 5 else word
    return any(t.startswith(stem) for t in text_words)


class NormalisedMatchScorer:
    """Offline scorer: normalised containment, dates, temporal ±1, abstention phrases; an answer
    to an answerable question that opens by declining or hedging is wrong (see :func:`declines`).

    Not an LLM judge: it under-credits paraphrases. Preference questions are scored by overlap
    with the rubric's keywords, without the user's words the answer quotes or says back about them
    (:func:`without_restatements`), and flagged ``approximate``. An answer that pastes a list of two or more items is judged by what it says
    before the list (its pick), never by an item of the list; an answer to an either/or question
    is judged by the option it names first (see :func:`names_other_option_first`) and is wrong when it
    names both without an order (:func:`states_no_order`); token recall credits no pasted evidence.
    """

    name = NORMALISED_MATCH_NAME

    def judge(self, *, question: str, gold: str, prediction: str, question_type: str,
              is_abstention: bool) -> Verdict:
        """Score one prediction (see class docstring for the rules)."""
        abstained = is_abstention_text(prediction)
        if is_abstention:
            # only the opening clause counts, as for answerable questions: "Your gym is not in the
            # city centre, it's Iron Temple" answers (wrongly) and is no abstention
            opening = prediction.strip().casefold().replace("’", "'")
            return Verdict(declines(prediction) or opening.startswith(PREMISE_DENIALS), self.name,
                           method="abstention-opening")
        if not prediction.strip():
            return Verdict(False, self.name, method="empty")
        if declines(prediction):
            # an answer cannot both decline and be right: a hedge that quotes a line holding the
            # gold string (even a superseded one) or names two candidates is not an answer
            return Verdict(False, self.name, method="declined")
        if question_type == "single-session-preference":
            return self._preference(gold, without_restatements(prediction))
        prediction = answer_lead(prediction, gold)  # a pasted list is judged by the pick before it
        if names_other_option_first(question, gold, prediction):
            return Verdict(False, self.name, method="other-option-first")
        if states_no_order(question, gold, prediction):
            return Verdict(False, self.name, method="no-order")
        pred_norm = normalise(prediction)
        padded = f" {pred_norm} "
        for cand in _gold_candidates(gold):
            g = normalise(cand)
            if BARE_NUMBER.fullmatch(g):
                # a bare-number gold ("3", "€95") is the number the answer states, not any digit
                # somewhere in it (a list marker, a day of a date, a step number)
                if stated_number(prediction, keep_years=bool(YEAR.fullmatch(g))) == float(g):
                    return Verdict(True, self.name, method="stated-number")
            elif g and f" {g} " in padded:
                return Verdict(True, self.name, method="containment")
        gold_dates = extract_dates(gold)
        # a gold that states a duration ("3 days (3-6 June)") is judged by its count: the dates of
        # its explanation are no answer ("46 days, from 20 April to 6 June" is wrong)
        states_duration = bool(unit_counts(normalise(re.sub(r"\([^)]*\)", " ", gold))))
        if gold_dates and not states_duration and dates_match(gold_dates, extract_dates(prediction)):
            return Verdict(True, self.name, method="date")
        if question_type == "temporal-reasoning":
            pred_counts = unit_counts(pred_norm)
            for cand in _gold_candidates(gold):
                for n, unit in unit_counts(normalise(cand)):
                    if any(u == unit and abs(m - n) <= 1 for m, u in pred_counts):
                        return Verdict(True, self.name, method="temporal±1")
        if not abstained:
            gold_words = [w for w in normalise(gold).split() if w not in RUBRIC_FILLER]
            # pasted evidence (a dump of retrieved lines) holds most gold words without answering
            # (dev7 v2_q05, au15): token recall only credits an answer of a gold's length
            if len(gold_words) >= 4 and len(pred_norm.split()) <= 3 * len(gold_words) + 12:
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

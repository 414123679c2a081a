"""LongMemEval-style per-type yes/no judge prompts (our wording of the official criteria).

Criteria follow ``evaluate_qa.py`` of the LongMemEval repository: temporal questions tolerate
off-by-one errors in counts of days/weeks/months; knowledge-update accepts an answer that also
mentions the old value when the updated one is given as the answer; preference questions are
judged against a rubric; abstention questions are right when the model says it cannot answer.
"""

from __future__ import annotations

VERSION = "lme-judge-v1"

_BASE = (
    "You are grading an AI assistant's answer to a question about a user's chat history.\n"
    "Question: {question}\n"
    "Correct answer: {gold}\n"
    "Assistant's answer: {prediction}\n\n"
    "Reply 'yes' if the assistant's answer contains the correct answer, or is equivalent to it, "
    "or lays out the intermediate steps that lead to it. Reply 'no' if it is wrong, or gives "
    "only part of the information the correct answer requires.{extra}\n"
    "Reply with exactly one word: yes or no."
)

_TEMPORAL = (
    " Do not penalise off-by-one errors in counts of days, weeks or months: if the correct "
    "answer is 18 days and the assistant says 19 days, reply 'yes'."
)

_UPDATE = (
    " The user's information changed over time. If the answer mentions older information as "
    "well, it is still correct as long as the updated value is what it gives as the answer."
)

_PREFERENCE = (
    "You are grading whether an AI assistant's reply is personalised to a user.\n"
    "Question: {question}\n"
    "Rubric describing the desired personalised reply: {gold}\n"
    "Assistant's reply: {prediction}\n\n"
    "Reply 'yes' if the reply satisfies the rubric: it need not cover every point, but it must "
    "recall and use the user's personal information correctly. Otherwise reply 'no'.\n"
    "Reply with exactly one word: yes or no."
)

_ABSTENTION = (
    "The following question cannot be answered from the user's chat history.\n"
    "Question: {question}\n"
    "Why it is unanswerable: {gold}\n"
    "Assistant's answer: {prediction}\n\n"
    "Reply 'yes' if the assistant recognises that it cannot answer — for example it says the "
    "information was never given, is incomplete, or that something related was mentioned but "
    "not what was asked. Reply 'no' if it gives a definite answer anyway.\n"
    "Reply with exactly one word: yes or no."
)


def render(question_type: str, question: str, gold: str, prediction: str,
           is_abstention: bool) -> str:
    """The judge prompt for one question, chosen by type (abstention first)."""
    fields = {"question": question, "gold": gold, "prediction": prediction}
    if is_abstention:
        return _ABSTENTION.format(**fields)
    if question_type == "single-session-preference":
        return _PREFERENCE.format(**fields)
    extra = {"temporal-reasoning": _TEMPORAL, "knowledge-update": _UPDATE}.get(question_type, "")
    return _BASE.format(extra=extra, **fields)

"""A previous value asked by the value that replaced it: "Before $105,000, what was my yearly pay?".

The question names the newer value; the line that told it ("HR confirmed today: $105,000 a year from this paycheck
on") marks the thread and the time. The asked value is one of the same type, told by the user before that line, on
the same thread (the nearest in meaning to the newer line), and not the newer value itself. Such a value is often
told in passing, even inside the user's own question about it ("is $58,000 a year good for my field?": the user's
pay, asked about), so a request counts when it speaks in the first person; another person's value or a plan does
not.
"""

from __future__ import annotations

import re

from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.extracted import Extracted, cite_line
from kgmem.answer.presence import asked_about
from kgmem.answer.spans import typed_spans
from kgmem.lexicon.people import USER_OWN, USER_POSSESSIVES, USER_PRONOUNS
from kgmem.models import Intent

#: a line's cosine to the newer value's line at which it is on the same thread ("is $58,000 a year good for my
#: field?" ~ "HR confirmed today: $105,000 a year from this paycheck on"); chosen by hand on invented pairs
SAME_THREAD = 0.3
#: value types a line holds as a span (a job title or a thing is read otherwise)
_TYPES = ("money", "number", "place", "org")
#: the user speaking of their own (the speaker's words of lexicon.people): a request counts only so
_FIRST_PERSON = re.compile(r"\b(?:" + "|".join(sorted(USER_PRONOUNS | USER_POSSESSIVES | USER_OWN)) + r")\b", re.I)
#: what a line may be to tell the user's previous value
_OWN = ("actual", "request", "negated")


def previous_value(ev: EvidenceSet) -> Extracted | None:
    """The value the question's newer value replaced, from the user's lines before the newer one, else ``None``."""
    plan = ev.result.plan
    kind = plan.answer_type or ""
    if plan.intent != Intent.HISTORY or plan.subject or kind not in _TYPES:
        return None
    newer = typed_spans(plan.question, kind)
    if not newer:
        return None
    lines = [ln for ln in ev.all_user_lines() if ln.role == "user"]
    told = [ln for ln in lines if any(v in ln.text for v in newer)]
    if not told:
        return None
    anchor = min(told, key=lambda ln: ln.said_at)
    before = [(ln, vs) for ln in lines if ln.said_at < anchor.said_at and ln.actuality in _OWN
              and (ln.actuality == "actual" or _FIRST_PERSON.search(ln.text))
              and (vs := [v for v in typed_spans(ln.text, kind) if not asked_about(plan.question, plan.named, v)])]
    if not before:
        return None
    vecs = ev.result.embed([anchor.text, *(ln.text for ln, _ in before)])
    if vecs is None:
        return None
    scored = sorted(((float(vecs[0] @ vecs[k + 1]), ln, vs) for k, (ln, vs) in enumerate(before)),
                    key=lambda x: (-x[0], -x[1].said_at.timestamp()))
    sim, line, values = scored[0]
    if sim < SAME_THREAD:
        return None
    return _extracted(values[0], line, anchor, sim)


def _extracted(value: str, line: Line, anchor: Line, sim: float) -> Extracted:
    return Extracted(value, "line", min(0.8, 0.5 + 0.5 * sim), cite_line(line), line=line,
                     turn_ids=list(dict.fromkeys([line.turn_id, anchor.turn_id])))

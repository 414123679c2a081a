"""A question asking a person by the user's relation ("What's my husband called?", "who is my uncle?")
answered only by a name a line ties to the user's relation (:mod:`kgmem.answer.kin_of`).

After any path has answered:

- a reply naming a person the lines tie to someone else's relation of the asked kind ("her husband
  Tomasz") or naming that someone ("Dalia", whose husband it is), and no name the user's own relation
  has, is wrong: the user's own one answers if a line names it, else the reply abstains;
- a reply that declines, where a line names the user's relation of that kind by composition ("Dad
  rang, his sister Marguerite …" for "my aunt"; "my wife's sister Carmen" for "my sister-in-law") or
  directly, answers with that name (the newest line's).
"""

from __future__ import annotations

import re

from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.extracted import cite_line
from kgmem.answer.kin_of import canonical, kin_mentions, kind
from kgmem.answer.pool import said_on
from kgmem.lexicon import people
from kgmem.models import Answer
from kgmem.retrieval.search import RetrievalResult

#: "what's my X's name", "what's my X called", "who is my X", "my X's name?", "name of my X"
_ASKED = re.compile(
    r"\b(?:my|our)\s+(?:(?:best|older|younger|little|big|eldest|oldest|new|current)\s+)?"
    r"((?:[^\W\d_]+-in-laws?)|[^\W\d_]+)(?=['’]s\s+name\b|\s+(?:is\s+|was\s+)?(?:called|named)\b|\s*[?.!]*\s*$|\s+again\b)",
    re.I)
_NAME_QUESTION = re.compile(r"\b(?:name|called|named|who(?:'s|’s)?|whom)\b", re.I)


def question_kin(question: str) -> str | None:
    """The user's relation (canonical) whose person the question asks, else ``None`` (pets and things
    are asked of elsewhere: :func:`kgmem.answer.whose.thing_names`)."""
    if not _NAME_QUESTION.search(question):
        return None
    kin = people.words("kin", "partners", "former", "social")
    for m in _ASKED.finditer(question):
        word = m.group(1).lower()
        if word in kin or word.endswith(("-in-law", "-in-laws")) or canonical(word) in kin:
            return canonical(word)
    return None


def _has(text: str, name: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.I) is not None


def kin_checked(result: RetrievalResult, ans: Answer) -> Answer:
    """The reply, or the one the user's relation as the lines tell it gives (see the module doc)."""
    kin = question_kin(result.plan.question)
    if kin is None:
        return ans
    ev = EvidenceSet(result)
    turns: dict[str, list[Line]] = {}
    for line in ev.top:
        if line.role == "user":
            turns.setdefault(line.turn_id, []).append(line)
    mine: list[tuple[str, Line]] = []
    others: set[str] = set()
    for lines in turns.values():
        lines.sort(key=lambda ln: ln.position)
        # the whole turn is read at once: "My best mate Tariq is staying over. His son Amir …" (his = Tariq)
        found = kin_mentions(" ".join(ln.text.strip() for ln in lines))
        for m in found:
            if m.relation != kin:
                continue
            if m.mine and m.name:
                mine.append((m.name, next((ln for ln in lines if _has(ln.text, m.name)), lines[0])))
            elif not m.mine:
                others.update(n for n in (m.name, m.holder) if n)
        # a name the user ties to a relation of another kind ("my colleague Marisa" for "my aunt")
        others.update(m.name for m in found if m.mine and m.name and kind(m.relation) != kind(kin))
    declined = ans.abstained or ans.extra.get("path") == "fallback"  # "I'm not sure; the closest …"
    if not declined and any(_has(ans.text, n) for n, _ in mine):
        return ans
    newest = max(mine, key=lambda x: x[1].said_at) if mine else None
    wrong = not declined and any(_has(ans.text, n) for n in others)
    if not (wrong or declined) or (declined and newest is None):
        return ans
    extra = {**ans.extra, "kin_check": {"relation": kin, "replaced": ans.text[:120]}}
    if newest is not None:
        name, line = newest
        extra.update(path="extractive", cited=[cite_line(line)])
        return ans.model_copy(update={"text": f"{name} (o{said_on(line)[1:]})", "abstained": False,
                                      "deterministic": False, "extra": extra})
    extra.update(path="abstain", abstain_reason=f"only someone else's {kin} told")
    text = (f"I don't know: you told me about someone else's {kin}, not yours, so I can't answer that "
            f"from our conversations.")
    return ans.model_copy(update={"text": text, "abstained": True, "deterministic": False, "extra": extra})

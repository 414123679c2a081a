"""The answer context: a dated timeline of retrieved facts with trimmed source turns.

Small models read short, dated, pre-computed contexts best, so the builder:

- states today's (the question's) date first;
- adds code-computed lines (date arithmetic, orderings, counts) handed in by the caller;
- fills the budget greedily in retrieval rank order — a fact brings its source turn (trimmed to
  the sentences nearest the question), a turn without facts comes as a snippet;
- prints the selection sorted by time, grouped by session date, marking superseded facts;
- counts tokens with the answer model's tokenizer (``count_tokens``) and never exceeds the budget.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from kgmem.models import Fact, Intent, Turn
from kgmem.retrieval.search import RetrievalResult, fact_date
from kgmem.temporal import describe_delta, fmt_day
from kgmem.text import SENTENCE_OR_LINE_GAP, tokenize

TokenCounter = Callable[[str], int]



@dataclass
class Context:
    """A rendered context and what it contains."""

    text: str
    tokens: int
    fact_ids: list[str] = field(default_factory=list)
    turn_ids: list[str] = field(default_factory=list)
    session_ids: list[str] = field(default_factory=list)
    computed: list[str] = field(default_factory=list)


def trim_turn(text: str, focus: Iterable[str], max_words: int = 70) -> str:
    """The sentences of a turn nearest the focus words, at most ``max_words`` words.

    Picks the best-overlapping sentence and grows around it while the budget allows; marks cut
    text with "…".
    """
    words = text.split()
    if len(words) <= max_words:
        return " ".join(words)
    sents = [s.strip() for s in SENTENCE_OR_LINE_GAP.split(text) if s.strip()]
    focus_set = set(focus)
    scores = [len(focus_set & set(tokenize(s))) for s in sents]
    best = max(range(len(sents)), key=lambda i: (scores[i], -i))
    lo = hi = best
    count = len(sents[best].split())
    while True:
        grew = False
        for cand in (hi + 1, lo - 1):
            if 0 <= cand < len(sents) and count + len(sents[cand].split()) <= max_words:
                count += len(sents[cand].split())
                lo, hi = min(lo, cand), max(hi, cand)
                grew = True
        if not grew:
            break
    chosen = " ".join(sents[lo : hi + 1])
    cw = chosen.split()
    if len(cw) > max_words:
        chosen = " ".join(cw[:max_words])
    return ("… " if lo > 0 else "") + chosen + (" …" if hi < len(sents) - 1 or len(cw) > max_words else "")


def _fact_line(f: Fact, question_date: datetime | None) -> str:
    text = f.text.strip()
    extra = []
    if f.valid_from is not None and f.valid_from.date() != f.observed_at.date() and f.granularity != "unknown":
        extra.append(f"happened {f.valid_from.date().isoformat()}" + (
            f" ({f.granularity})" if f.granularity not in ("day", "minute") else ""))
    if f.invalid_at is not None:
        extra.append(f"no longer true since {f.invalid_at.date().isoformat()}")
    who = "assistant said" if f.speaker == "assistant" else "fact"
    return f"- {who}: {text}" + (f" [{'; '.join(extra)}]" if extra else "")


# long: one greedy loop filling a token budget over ranked items, re-rendering as it goes
def build_context(
    result: RetrievalResult,
    *,
    count_tokens: TokenCounter,
    budget: int = 2000,
    computed: list[str] | None = None,
    max_turn_words: int | None = None,
    min_relative: float = 0.25,
) -> Context:
    """Render a dated timeline of the top facts and turns within ``budget`` tokens.

    Items scoring below ``min_relative`` × the best score of their kind are left out: a small
    model reads a short relevant context better than a full one.
    """
    plan = result.plan
    qd = plan.question_date
    focus = set(tokenize(" ".join([plan.question, *plan.keywords, *plan.entities])))
    if max_turn_words is None:
        max_turn_words = 160 if plan.intent in (Intent.ASSISTANT_SAID, Intent.PREFERENCE) else 70
    header = []
    if qd is not None:
        header.append(f"Today is {fmt_day(qd)}.")
    if plan.as_of is not None:
        header.append(f"Answer as of {fmt_day(plan.as_of)}: later information is not shown.")
    computed = list(computed or [])

    # rank-ordered candidate items: ('fact', Fact) or ('turn', Turn)
    turns_by_id = {t.id: t for t in result.turns}
    items: list[tuple[float, str, object]] = []
    for f in result.facts:
        items.append((result.fact_scores.get(f.id, 0.0), "fact", f))
    for t in result.turns:
        items.append((result.turn_scores.get(t.id, 0.0) * 1.05, "turn", t))  # raw text is richer
    top_f = max((result.fact_scores.get(f.id, 0.0) for f in result.facts), default=0.0)
    top_t = max((result.turn_scores.get(t.id, 0.0) for t in result.turns), default=0.0)
    items = [it for it in items
             if it[0] >= min_relative * (top_f if it[1] == "fact" else top_t * 1.05)]
    items.sort(key=lambda x: -x[0])

    chosen_facts: list[Fact] = []
    chosen_turns: dict[str, str] = {}  # turn id → trimmed text
    fixed = "\n".join(header + (["Computed from memory:"] + [f"- {c}" for c in computed] if computed else [])
                      + ["", "Memory timeline (oldest first):"])

    def render() -> str:
        order: list[tuple[datetime, str]] = []
        sess_ids = {f.session_id for f in chosen_facts} | {t.rsplit(":", 1)[0] for t in chosen_turns}
        for sid in sess_ids:
            when = result.session_date(sid)
            order.append((when or datetime.min, sid))
        order.sort()
        lines = [fixed]
        for when, sid in order:
            if when == datetime.min:
                lines.append(f"[session {sid}]")
            elif qd is not None and when.date() <= qd.date():
                lines.append(f"[{fmt_day(when)}, {describe_delta(when, qd, relation=False)} ago]"
                             if when.date() < qd.date() else f"[{fmt_day(when)}, today]")
            else:
                lines.append(f"[{fmt_day(when)}]")
            sfacts = sorted((f for f in chosen_facts if f.session_id == sid), key=lambda f: (fact_date(f), f.id))
            stids = sorted((t for t in chosen_turns if t.rsplit(":", 1)[0] == sid), key=lambda t: int(t.rsplit(":", 1)[1]))
            for f in sfacts:
                lines.append(_fact_line(f, qd))
            for tid in stids:
                turn = turns_by_id.get(tid)
                role = turn.role if turn else "user"
                lines.append(f"  {role}: \"{chosen_turns[tid]}\"")
        return "\n".join(lines)

    text = render()
    used = count_tokens(text)
    if used > budget:  # even the header does not fit: cut computed lines
        text = "\n".join(header)
        used = count_tokens(text)
    for _, kind, obj in items:
        if kind == "fact":
            f = obj  # type: ignore[assignment]
            assert isinstance(f, Fact)
            if f in chosen_facts:
                continue
            chosen_facts.append(f)
            added_turns = []
            for tid in f.source_turn_ids[:1]:
                if tid in turns_by_id and tid not in chosen_turns:
                    chosen_turns[tid] = trim_turn(turns_by_id[tid].text, focus | set(tokenize(f.text)), max_turn_words)
                    added_turns.append(tid)
            new = render()
            n = count_tokens(new)
            if n > budget:
                for tid in added_turns:  # try the fact alone
                    chosen_turns.pop(tid)
                new = render()
                n = count_tokens(new)
                if n > budget:
                    chosen_facts.pop()
                    continue
            text, used = new, n
        else:
            assert isinstance(obj, Turn)
            t = obj
            if t.id in chosen_turns:
                continue
            chosen_turns[t.id] = trim_turn(t.text, focus, max_turn_words)
            new = render()
            n = count_tokens(new)
            if n > budget:
                chosen_turns.pop(t.id)
                continue
            text, used = new, n
    sess = sorted({f.session_id for f in chosen_facts} | {t.rsplit(":", 1)[0] for t in chosen_turns},
                  key=lambda s: (result.session_date(s) or datetime.min, s))
    return Context(text=text, tokens=used, fact_ids=[f.id for f in chosen_facts],
                   turn_ids=list(chosen_turns), session_ids=sess, computed=computed)


def compact_context(
    result: RetrievalResult,
    *,
    count_tokens: TokenCounter,
    budget: int = 800,
    computed: list[str] | None = None,
    answer_lines: list[tuple[datetime, str, str, str]] | None = None,
    support_lines: list[tuple[datetime, str, str, str]] | None = None,
) -> Context:
    """A short context for a small model: today's date, computed lines, then the answer-bearing
    dated lines, then supporting lines, each ``(when, role, sentence, turn_id)``, until
    ``budget`` tokens.

    Small models read the first lines best, so the order is by usefulness, not by time."""
    plan = result.plan
    qd = plan.question_date
    parts = [f"Today is {fmt_day(qd)}." if qd is not None else "Today's date is unknown."]
    if computed:
        parts += ["Computed from memory:"] + [f"- {c}" for c in computed]
    used = count_tokens("\n".join(parts))
    seen: set[str] = set()
    chosen_turns: list[str] = []
    header_added = False
    for when, role, text, turn_id in [*(answer_lines or []), *(support_lines or [])]:
        key = text.strip().lower()
        if not key or key in seen:
            continue
        who = "you (assistant) said" if role == "assistant" else "user said"
        line = f"- {when.date().isoformat()}, {who}: \"{text.strip()}\""
        extra = ([] if header_added else ["Memory (most relevant first):"]) + [line]
        n = count_tokens("\n".join(extra))
        if used + n > budget:
            continue
        parts += extra
        header_added = True
        used += n
        seen.add(key)
        chosen_turns.append(turn_id)
    text = "\n".join(parts)
    sessions = sorted({t.rsplit(":", 1)[0] for t in chosen_turns},
                      key=lambda s: (result.session_date(s) or datetime.min, s))
    return Context(text=text, tokens=count_tokens(text), turn_ids=list(dict.fromkeys(chosen_turns)),
                   session_ids=sessions, computed=list(computed or []))

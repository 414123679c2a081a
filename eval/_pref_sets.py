"""The preference answer sets of ``eval/bench_answer_sets.py --set prefs`` (pf21, session 21):
``tests/fixtures/answers/pref_voices.jsonl``, and of ``--set prefs_domains`` (pf29, session 29):
``pref_domains.jsonl``, and of ``--set prefs_likings`` (pf30, session 30): ``pref_likings_pf30.jsonl``, and of ``--set prefs_relevance`` (pf31,
session 31): ``pref_relevance_pf31.jsonl`` (each
source's docstring says how it was written and judged). Each case is a small haystack
of its own; the answer is judged by :func:`pref_verdict`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: the preference sets of ``eval/bench_answer_sets.py --set``, by the file they read
PREF_SETS = {"prefs": "pref_voices", "prefs_domains": "pref_domains", "prefs_likings": "pref_likings_pf30",
             "prefs_relevance": "pref_relevance_pf31"}

#: a thing named after one of these, up to the end of its phrase, is steered clear of, not offered
_STEERED = re.compile(r"\b(?:avoid|avoiding|steer\s+clear\s+of|skip|not|without|instead\s+of|rather\s+than|left\s+out|"
                      r"leave\s+out|no)\b(?:(?!\b(?:that|and|so|but)\b)[^,;.():])*", re.I)
#: the user's own words said back as the suggestion's reasons ("it should also fit what you've told me: …")
_REASONS = re.compile(r"\b(?:fits?|fit)\s+what\s+you've\s+told\s+me:[^.]*", re.I)
#: the user's own words quoted back ("you told me: "…"")
_QUOTED = re.compile(r"\"[^\"]*\"|\u201c[^\u201d]*\u201d")


def pref_verdict(case: dict[str, Any], text: str, abstained: bool, norm: Callable[[str], str]) -> tuple[bool, bool]:
    """(strict, lenient) verdicts of one answer. Strict: an ``accept`` word outside the user's quoted words and
    outside what the answer steers clear of ("without X", "I'd avoid X"); lenient: anywhere. Either way no
    ``avoid`` word is offered (named outside quotes, steered-clear phrases, "<thing>-free" and the reasons said
    back)."""
    if abstained or not text.strip():
        return False, False
    bare = _QUOTED.sub(" ", text)
    kept = _STEERED.sub(" ", bare)
    offered = re.sub(r"\b[\w-]+-free\b", " ", _REASONS.sub(" ", kept), flags=re.I)
    if any(" " + norm(a).strip() in norm(offered) for a in case.get("avoid", [])):
        return False, False

    def hit(t: str) -> bool:
        n = norm(t)
        return any(" " + norm(a).strip() in n for a in case["accept"])

    return hit(kept), hit(text)


def run_prefs(home: Path, fixtures: Path, memory: Callable[[Path], Any], norm: Callable[[str], str],
              name: str = "pref_voices") -> dict[str, Any]:
    """Answer every case of a preference set (``<name>.jsonl``: pf21's ``pref_voices``, pf29's ``pref_domains``);
    strict and lenient counts, each case's answer and path."""
    from eval._cases import answer_case

    cases = [json.loads(x) for x in (fixtures / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    mem = memory(home)
    rows = []
    for case in cases:
        ans = answer_case(mem, f"pv:{case['case_id']}", case)
        strict, lenient = pref_verdict(case, ans.text, bool(ans.abstained), norm)
        rows.append({"case_id": case["case_id"], "strict": strict, "lenient": lenient,
                     "path": ans.extra.get("path"), "answer": ans.text})
    mem.close()
    return {"set": name, "cases": len(rows), "strict": sum(r["strict"] for r in rows),
            "lenient": sum(r["lenient"] for r in rows), "rows": rows}


def pref_lines(p: dict[str, Any]) -> list[str]:
    """The report's section for the preference set."""
    title = {"pref_domains": "Preference asked about one domain of several (pf29)",
             "pref_likings_pf30": "Likings told in no taste frame's words (pf30)",
             "pref_relevance_pf31": "Likings told as plain reports of the speaker's life (pf31)"}.get(p.get("set", ""), "Preference voices")
    lines = ["", f"## {title}: {p['strict']}/{p['cases']} right (strict: the taste named outside the "
             f"quotes), {p['lenient']}/{p['cases']} lenient (quotes count)", "",
             "| case | strict | lenient | path | answer |", "|---|---|---|---|---|"]
    lines += [f"| {r['case_id']} | {'yes' if r['strict'] else 'no'} | {'yes' if r['lenient'] else 'no'} | {r['path']} | "
              f"{r['answer'][:160].replace('|', '/')} |" for r in p["rows"]]
    return lines

"""The taste readers on the liking and twin lines of a preference set, line by line (pf30, session 30).

    .venv/bin/python eval/bench_pref_lines.py [--set pref_likings_pf30] [--out eval/results/pref_lines_pf30]

Each case of ``tests/fixtures/answers/<set>.jsonl`` carries its question, the sentence that tells the user's liking in
the asked domain (``liking``, in a ``voice``) and the sentences of that domain that tell none (``twins``). Every such
line is read alone, as :mod:`eval.diag_preference` reads a gold liked line: by the frames and reactions
(``frame_reads``: a liking in any part) and, where they read none, by the meaning reader for the question's domain
(:func:`kgmem.answer.pref_meaning.reads_liking` where it exists, else the gates of ``stated_by_meaning`` written out
here as they stood on main 66a57cd). A liking line is ``read`` when either reader reads a liking; a twin line read so
is a FALSE liking (the answer's own gates may still drop it; the answer sets judge that). Development figures: the
set was written by the stream that reads it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval.diag_preference import frame_reads  # noqa: E402

FIX = ROOT / "tests" / "fixtures" / "answers"


def meaning_reads(text: str, question: str, embedder: Any) -> str | None:
    """The thing the meaning reader reads a liking of in ``text`` for ``question``'s domain, or ``None``."""
    from kgmem.answer import pref_meaning as meaning
    from kgmem.answer.pref_domains import DomainView

    model = f"{embedder.name}:{embedder.dim}"
    view = DomainView(question, embedder.embed, model)
    if hasattr(meaning, "reads_liking"):
        found: str | None = meaning.reads_liking(text, view, embedder.embed, model)
        return found
    from kgmem.answer.actuality import actuality
    from kgmem.answer.pref_reading import asks_in, own_clause
    from kgmem.answer.stale import stale

    if "?" in text or asks_in(text) or actuality(text) != "actual" or not own_clause(text) or meaning.ordered(text):
        return None
    thing = meaning.tastes_by_meaning([text], view, embedder.embed, model)[0]
    return None if thing is None or stale(text, thing) else thing


def frame_things(text: str) -> list[str]:
    """The things the frames (and, unweighed, the reactions) read a liking of in the line's parts."""
    from kgmem.answer.pref_reaction import offered
    from kgmem.answer.pref_reading import PARTS, taste_of_it
    from kgmem.answer.taste import read_taste
    from kgmem.answer.taste_things import run_on_sentences

    parts = [pt for pc in run_on_sentences(text) for pt in PARTS.split(pc)]
    found = [t[1] for p in parts if (t := read_taste(p) or taste_of_it(text, p)) is not None and t[0]]
    return found or [told[0] for p in parts if (told := offered(p)) is not None]


def read_line(text: str, question: str, embedder: Any, accept: list[str]) -> dict[str, Any]:
    """How the readers read one line: ``frame`` (a liking read by a frame or a reaction), else ``meaning`` with its
    thing, else nothing; ``right``: the thing read holds one of the case's ``accept`` words."""
    if frame_reads(text, embedder):
        thing = "; ".join(frame_things(text))
        by = "frame"
    else:
        thing = meaning_reads(text, question, embedder) or ""
        by = "meaning" if thing else "none"
    return {"by": by, "thing": thing, "right": any(a in thing.casefold() for a in accept)}


def run(name: str) -> dict[str, Any]:
    from kgmem.embeddings import load_embedder

    embedder = load_embedder()
    cases = [json.loads(x) for x in (FIX / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    rows = []
    for c in cases:
        rows.append({"case_id": c["case_id"], "kind": "liking", "voice": c["voice"], "text": c["liking"],
                     **read_line(c["liking"], c["question"], embedder, c["accept"])})
        rows += [{"case_id": c["case_id"], "kind": "twin", "voice": "", "text": t, **read_line(t, c["question"], embedder, c["accept"])}
                 for t in c["twins"]]
    likings = [r for r in rows if r["kind"] == "liking"]
    twins = [r for r in rows if r["kind"] == "twin"]
    return {"set": name, "likings": len(likings), "likings_read": sum(r["by"] != "none" for r in likings),
            "likings_right": sum(r["by"] != "none" and r["right"] for r in likings),
            "by": dict(Counter(r["by"] for r in likings)),
            "per_voice": {v: f"{sum(r['by'] != 'none' for r in likings if r['voice'] == v)}/"
                             f"{sum(r['voice'] == v for r in likings)}" for v in sorted({r['voice'] for r in likings})},
            "twins": len(twins), "twins_read": sum(r["by"] != "none" for r in twins), "rows": rows}


def report(res: dict[str, Any]) -> list[str]:
    lines = [f"# Taste readers on the lines of {res['set']}", "",
             f"- likings read: **{res['likings_read']}/{res['likings']}**, the right thing **{res['likings_right']}** "
             f"(by: {res['by']})",
             f"- twins read as a liking (false): **{res['twins_read']}/{res['twins']}**", "",
             "| voice | read |", "|---|---:|"]
    lines += [f"| {v} | {n} |" for v, n in res["per_voice"].items()]
    lines += ["", "| case | kind | voice | read by | thing | right | line |", "|---|---|---|---|---|---|---|"]
    lines += [f"| {r['case_id']} | {r['kind']} | {r['voice']} | {r['by']} | {r['thing']} | "
              f"{'yes' if r['right'] else 'no'} | {r['text'][:90]} |"
              for r in res["rows"]]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="pref_likings_pf30")
    ap.add_argument("--out", type=Path, help="write <out>.md and <out>.json")
    args = ap.parse_args(argv)
    from eval._report import measured

    with measured(percentiles=False) as meta:
        res = run(args.set)
    res["run"] = meta
    lines = report(res)
    print("\n".join(lines[:12]))
    if args.out:
        args.out.with_suffix(".md").write_text("\n".join(lines) + "\n", encoding="utf-8")
        args.out.with_suffix(".json").write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

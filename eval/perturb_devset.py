"""Perturbed copies of a DEVELOPMENT answer set: the questions re-typed, the haystacks untouched.

    .venv/bin/python eval/perturb_devset.py --set dev3 [--variants lower typo reword all]
        [--seed 0] [--out-dir $KGMEM_HOME/perturbed]
    .venv/bin/python eval/perturb_devset.py --set dev3 --variants typo \\
        --run --run-root $KGMEM_HOME/pert-runs [--out eval/results/dev3_typo_<name>]

A fix found on a development question should also hold when the question is typed another way.
Each variant changes only the ``question`` field of each instance (ids, dates, answers and
haystacks stay byte-identical), deterministically by ``--seed``:

- ``lower``: the question lower-cased;
- ``typo``: a one-letter typo (swap, drop, double or a keyboard neighbour) in every capitalised
  word of >= 4 letters that does not start a sentence and is no weekday or month (a name);
- ``reword``: everyday synonyms swapped in from the generic map below (company/firm, job/work,
  store/shop, holiday/vacation ...) -- written as general English, not from any set's questions;
- ``all``: reword, then typo, then lower.

A copy is written to ``<out-dir>/<variant>/<stem>.json`` with the original's file stem and
question ids: kgmem namespaces a haystack by (file stem, question id), so a copy reuses the
stores the original set ingested in the same ``KGMEM_HOME``. Run a copy with ``--run`` (the
same run function, settings and figures as ``eval/bench_heldout.py --set <set>``; run dirs
``<run-root>/<set>-<variant>-kgmem``), or with ``kgmem eval --split <copy> --run-dir <dir>``.
Only development sets (eval/bench_heldout.py's DEV_SETS) are accepted: held-out data is never read.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval import bench_heldout  # noqa: E402
from eval._report import git_sha  # noqa: E402
from kgmem.lexicon.calendar import MONTH_NUMBERS, WEEKDAYS  # noqa: E402

VARIANTS = ("lower", "typo", "reword", "all")

#: everyday synonyms, one direction per entry; a word that is often another part of speech or part
#: of a compound ("present" the adjective, "course" in "of course", "manager" in "reference
#: manager") is only a target, or is swapped only where a pronoun or "to" does not precede it
REWORD: dict[str, str] = {
    "company": "firm", "firm": "company", "companies": "firms", "firms": "companies",
    "employer": "company", "job": "work", "store": "shop", "stores": "shops", "shop": "store",
    "shops": "stores", "vacation": "holiday", "holiday": "vacation", "holidays": "vacations",
    "vacations": "holidays", "trip": "journey", "trips": "journeys", "car": "vehicle",
    "bike": "bicycle", "bicycle": "bike", "movie": "film", "film": "movie", "movies": "films",
    "films": "movies", "kids": "children", "children": "kids", "child": "kid", "gift": "present",
    "gifts": "presents", "presents": "gifts", "buy": "purchase", "bought": "purchased",
    "purchase": "buy", "purchased": "bought", "recommend": "suggest", "recommended": "suggested",
    "suggest": "recommend", "suggested": "recommended", "started": "began", "began": "started",
    "finished": "completed", "completed": "finished", "finish": "complete", "salary": "pay",
    "wage": "pay", "wages": "pay", "boss": "manager", "colleague": "coworker",
    "colleagues": "coworkers", "coworker": "colleague", "sofa": "couch", "couch": "sofa",
    "apartment": "flat", "house": "home", "neighbourhood": "area", "neighborhood": "area",
    "hobby": "pastime", "hobbies": "pastimes", "class": "lesson", "classes": "lessons",
    "lesson": "class", "lessons": "classes", "exam": "test", "exams": "tests", "dinner": "supper",
    "quickest": "fastest", "fastest": "quickest", "earned": "made", "earn": "make",
    "moved": "relocated", "mum": "mother", "mom": "mother", "mother": "mum", "dad": "father",
    "father": "dad", "doctor": "physician", "physician": "doctor", "big": "large", "large": "big",
}
#: entries that are also verbs: kept where a subject pronoun or "to" precedes them ("I shop")
_VERB_TOO = frozenset({"shop", "shops", "film", "purchase", "class", "house"})
_SUBJECTS = frozenset({"i", "we", "you", "they", "he", "she", "to", "u"})
_KEYBOARD = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_CALENDAR = frozenset(WEEKDAYS) | frozenset(MONTH_NUMBERS)
_NAME = re.compile(r"[A-Z][a-z]{3,}")
_WORD = re.compile(r"[A-Za-z]+")


def _neighbours(ch: str) -> str:
    """Letters beside ``ch`` on a QWERTY row (a substitution typo)."""
    for row in _KEYBOARD:
        i = row.find(ch.lower())
        if i >= 0:
            return row[max(0, i - 1):i] + row[i + 1:i + 2]
    return ""


def typo_word(word: str, rng: random.Random) -> str:
    """One-letter typo inside ``word`` (never its first letter); always differs from ``word``."""
    for _ in range(20):
        i = rng.randrange(1, len(word))
        kind = rng.choice(("swap", "drop", "double", "neighbour"))
        if kind == "swap" and i < len(word) - 1:
            out = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        elif kind == "drop":
            out = word[:i] + word[i + 1:]
        elif kind == "double":
            out = word[:i] + word[i] + word[i:]
        else:
            near = _neighbours(word[i])
            out = word[:i] + rng.choice(near) + word[i + 1:] if near else word
        if out != word:
            return out
    return word[:1] + word[2:]  # a drop always changes a word of >= 4 letters


def name_positions(question: str) -> list[tuple[int, int]]:
    """Spans of the question's names: capitalised words of >= 4 letters that start no sentence
    and are no weekday or month."""
    spans = []
    for m in _WORD.finditer(question):
        before = question[:m.start()].rstrip()
        starts_sentence = not before or before[-1] in ".?!:"
        word = m.group(0).lower()
        if (not starts_sentence and _NAME.fullmatch(m.group(0))
                and word not in _CALENDAR and word.removesuffix("s") not in _CALENDAR):
            spans.append((m.start(), m.end()))
    return spans


def _typo(question: str, rng: random.Random) -> str:
    out = question
    for start, end in reversed(name_positions(question)):
        out = out[:start] + typo_word(out[start:end], rng) + out[end:]
    return out


def _match_case(new: str, old: str) -> str:
    if old.isupper() and len(old) > 1:
        return new.upper()
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def _reword(question: str) -> str:
    def swap(m: re.Match[str]) -> str:
        word = m.group(0)
        key = word.lower()
        if key not in REWORD:
            return word
        if key in _VERB_TOO:
            prev = _WORD.findall(question[:m.start()])
            if prev and prev[-1].lower() in _SUBJECTS:
                return word
        return _match_case(REWORD[key], word)

    return _WORD.sub(swap, question)


def perturb_question(question: str, variant: str, rng: random.Random) -> str:
    """The question as ``variant`` re-types it (see the module docstring)."""
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; choose one of {VARIANTS}")
    if variant in ("reword", "all"):
        question = _reword(question)
    if variant in ("typo", "all"):
        question = _typo(question, rng)
    if variant in ("lower", "all"):
        question = question.lower()
    return question


def perturb_rows(rows: list[dict[str, Any]], variant: str, seed: int) -> list[dict[str, Any]]:
    """A copy of ``rows`` with each ``question`` perturbed; every other field is the same object."""
    out = []
    for row in rows:
        rng = random.Random(f"{seed}:{variant}:{row['question_id']}")  # order-independent
        out.append({**row, "question": perturb_question(row["question"], variant, rng)})
    return out


def write_copy(source: Path, variant: str, seed: int, out_dir: Path) -> tuple[Path, int]:
    """Write ``<out_dir>/<variant>/<source name>``; return its path and how many questions changed."""
    rows = json.loads(source.read_text(encoding="utf-8"))
    copy = perturb_rows(rows, variant, seed)
    path = out_dir / variant / source.name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(copy, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    changed = sum(a["question"] != b["question"] for a, b in zip(rows, copy, strict=True))
    return path, changed


def dev_source(name: str) -> Path:
    """A development set's data file; held-out sets are refused (their data must not be read)."""
    if name not in bench_heldout.DEV_SETS:
        raise SystemExit(f"{name!r} is not a development set (one of {sorted(bench_heldout.DEV_SETS)})")
    return bench_heldout.set_paths(name)[0]


def run_copy(name: str, variant: str, path: Path, args: argparse.Namespace) -> dict[str, Any]:
    """bench_heldout's own run of kgmem on one copy (run dir ``<run-root>/<name>-<variant>-kgmem``)."""
    bench_args = argparse.Namespace(data=path, set=f"{name}-{variant}", limit=args.limit, model=None,
                                    judge=None, run_root=args.run_root)
    return bench_heldout.run_system("kgmem", bench_args)


def figure_line(name: str, variant: str, run: dict[str, Any]) -> str:
    """acc, false abstentions and ``_abs`` of one run, one line."""
    acc, ab = run["accuracy"], run["abstentions"]
    types = ", ".join(f"{t.split('-', 1)[-1] if t.startswith('single') else t} {r['correct']}/{r['n']}"
                      for t, r in acc["per_type"].items())
    return (f"{name}/{variant}: {acc['overall']['correct']}/{acc['overall']['n']} "
            f"({100 * acc['overall']['accuracy']:.1f}%), false abstentions "
            f"{ab['answerable_abstained']}/{ab['answerable']}, _abs {acc['abstention']['correct']}/"
            f"{acc['abstention']['n']} | {types}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", action="append", required=True, help="a development set (repeatable)")
    ap.add_argument("--variants", nargs="+", choices=VARIANTS, default=list(VARIANTS))
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out-dir", type=Path, default=None, help="default $KGMEM_HOME/perturbed")
    ap.add_argument("--run", action="store_true", help="also run kgmem on each copy")
    ap.add_argument("--run-root", default=None, help="run directories (default $KGMEM_HOME/pert-runs)")
    ap.add_argument("--limit", type=int, default=None, help="first N questions only (smoke runs)")
    ap.add_argument("--out", type=Path, default=None, help="with --run: write <out>.json (figures)")
    args = ap.parse_args(argv)
    home = Path(os.environ.get("KGMEM_HOME", Path.home() / ".kgmem"))
    out_dir = args.out_dir or home / "perturbed"
    args.run_root = args.run_root or str(home / "pert-runs")
    report: dict[str, Any] = {"command": "python eval/perturb_devset.py " + " ".join(argv or sys.argv[1:]),
                              "git_sha": git_sha(), "seed": args.seed, "copies": []}
    for name in args.set:
        source = dev_source(name)
        for variant in args.variants:
            path, changed = write_copy(source, variant, args.seed, out_dir)
            print(f"{name}/{variant}: {changed} questions changed -> {path}", file=sys.stderr)
            entry: dict[str, Any] = {"set": name, "variant": variant, "file": str(path), "changed": changed}
            if args.run:
                entry["run"] = run_copy(name, variant, path, args)
                print(figure_line(name, variant, entry["run"]), flush=True)
            report["copies"].append(entry)
    if args.out is not None:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        Path(f"{args.out}.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

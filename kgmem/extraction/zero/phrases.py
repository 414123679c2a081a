"""Value phrases read off the surface text, and the value conventions every fact follows.

The pattern fast path cuts an object phrase at a clause boundary (:func:`trim_phrase`), reads a
work's title (:func:`title_phrase`) or a capitalised name (:func:`proper_phrase`); every candidate
is then normalised to the registry's conventions (:func:`canonical`: money as digits, ages as
numbers, no model years) and duplicates are folded (:func:`dedupe`).
"""

from __future__ import annotations

import re

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.lexicon import PHRASE_BREAKS, TITLE_SMALL, VALUE_BLOCKLIST
from kgmem.extraction.zero.nlp import word_number

_LEADING_DROP = re.compile(
    # "got myself a Switch": the one it is got for is no part of the thing
    r"^(?:(?:a|an|the|my|our|his|her|their|some|this|that|these|those|another|new|brand[- ]new|"
    r"own|myself|ourselves)\s+)+",
    re.IGNORECASE,
)


def trim_phrase(text: str, max_words: int = 8, keep_case_runs: bool = True) -> str:
    """Cut an object phrase at the first clause boundary and drop leading determiners."""
    text = text.strip().strip("\"'“”‘’*_ ")
    m = re.match(r"^[\"“'‘*_]+(.+?)[\"”'’*_]+", text)
    if m:
        return m.group(1).strip()
    words: list[str] = []
    for raw in text.split():
        w = raw.strip()
        bare = w.strip(",.;:!?\"'“”()").lower()
        if words and bare in PHRASE_BREAKS:
            # a capitalised multiword name may contain "of"/"and": "Bank of America"
            break
        words.append(w)
        if re.search(r"[,.;:!?)]$", w):
            break
        if len(words) >= max_words:
            break
    phrase = " ".join(words).strip(",.;:!?\"'“”() ")
    if not re.match(r"^The\s+[A-Z]", phrase):  # "The Way of Kings" keeps its article
        phrase = _LEADING_DROP.sub("", phrase).strip()
    # drop trailing filler
    phrase = re.sub(r"\s+(?:too|as well|again|today|now|though|lol|haha)$", "", phrase, flags=re.IGNORECASE)
    return phrase.strip(",.;:!?\"'“”() ")


def title_phrase(text: str, max_words: int = 10) -> str:
    """A work's title: quoted text, or capitalised words joined by small words and a subtitle colon
    ("Lessons in Chemistry", "Dune: Part Two"); a trailing small word is dropped."""
    text = text.strip()
    m = re.match(r"^[\"“'‘*_]+(.+?)[\"”'’*_]+", text)
    if m:
        return m.group(1).strip()
    words: list[str] = []
    for raw in text.split():
        w = raw.strip("\"“”()")
        bare = w.rstrip(",.;!?")
        if not bare:
            break
        if bare[0].isupper() or bare[0].isdigit():
            if words and re.fullmatch(r"I(?:'(?:ve|m|d|ll))?|We(?:'(?:ve|re|d))?", bare):
                break
            words.append(bare)
        elif words and bare.lower() in TITLE_SMALL:
            words.append(bare)
        else:
            break
        if bare != w or len(words) >= max_words:  # punctuation ends the title
            if not w.endswith(":"):
                break
    while words and words[-1].lower() in TITLE_SMALL:
        words.pop()
    if words and words[0].lower() in ("the",) and len(words) == 1:
        return ""
    return " ".join(words)


def proper_phrase(text: str, max_words: int = 6) -> str:
    """A capitalised name at the start of ``text`` (allowing "of"/"the"/"de" inside)."""
    words: list[str] = []
    for raw in text.strip().split():
        w = raw.strip(",.;:!?\"'“”()")
        if not w:
            break
        if words and re.fullmatch(r"I(?:'(?:ve|m|d|ll))?|We(?:'(?:ve|re|d))?", w):
            break  # "Boise I've been…": the next clause's subject ends the name
        if w[0].isupper() or w[0].isdigit() or (words and w.lower() in {"of", "the", "de", "la", "and", "&", "upon", "on"}):
            words.append(w)
            if raw.rstrip() != raw.rstrip(",.;:!?)") or len(words) >= max_words:
                break
        else:
            break
    while words and words[-1].lower() in {"of", "the", "de", "la", "and", "&", "upon", "on"}:
        words.pop()
    return " ".join(words)




_MONEY = re.compile(r"\$?\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<k>k|K|thousand|grand)?")


def canonical_money(value: str) -> str | None:
    """"$2,100" → "2100", "120k" → "120,000", "60 thousand" → "60,000" (commas from 10,000 up)."""
    m = _MONEY.search(value)
    if not m:
        return None
    n = float(m.group("n").replace(",", ""))
    if m.group("k"):
        n *= 1000
    if n != int(n):
        return f"{n:.2f}"
    n_i = int(n)
    return f"{n_i:,}" if n_i >= 10000 else str(n_i)


def canonical(f: CandidateFact) -> CandidateFact | None:
    """Normalise values to the registry's conventions (money digits, ages as numbers, no model year)."""
    if f.predicate in ("rent", "salary", "spent"):
        v = canonical_money(f.value)
        if v is None:
            return None
        f.value = v
    elif f.predicate == "age":
        n = word_number(f.value)
        if n is None:
            return None
        f.value = str(n)
    elif f.predicate in ("drives", "phone", "bought"):
        f.value = re.sub(r"^(?:(?:19|20)\d\d\s+)", "", f.value)
        f.value = re.sub(r"^(?:(?:a|an|some|good|nice|great|cheap|decent|fancy|cute|gorgeous|beautiful|"
                         r"new|brand-new)\s+)*(?:(?:pair|set|couple|box|bag)\s+of\s+)?",
                         "", f.value, flags=re.IGNORECASE) or f.value
    elif f.predicate == "diet" and f.value.lower() in ("veggie", "veggo"):
        f.value = "vegetarian"
    elif f.predicate == "pet_name" and f.value.lower() in ("him", "her", "it", "them"):
        return None
    elif f.predicate in ("gym", "works_at", "lives_in", "visited", "hometown"):
        # "at Ironworks 4x a week", "in Leeds 3 days a week": a frequency ends the name
        f.value = re.sub(r"\s+(?:\d+x|x\d+|\d+\s*(?:times|days|nights|mornings|evenings)\b).*$", "", f.value) or f.value
    elif f.predicate in ("hobby", "likes", "dislikes"):
        # "swimming three mornings a week" is swimming: a count ends the activity
        f.value = re.sub(r"\s+(?:one|two|three|four|five|six|seven|twice|once|\d+)\b.*$", "", f.value) or f.value
    return f



def valid_value(value: str) -> bool:
    """A value that says something: not empty, not a pronoun or filler word, not a paragraph."""
    v = value.strip().lower()
    return bool(v) and v not in VALUE_BLOCKLIST and len(v) <= 120 and any(ch.isalnum() for ch in v)




def dedupe(facts: list[CandidateFact]) -> list[CandidateFact]:
    """One candidate per (subject, predicate, value): source turns merged, the first time kept."""
    seen: dict[tuple[str, str, str], CandidateFact] = {}
    for f in facts:
        key = (f.subject, f.predicate, f.value.casefold())
        if key in seen:
            prev = seen[key]
            prev.source_turns = sorted(set(prev.source_turns) | set(f.source_turns))
            if prev.valid_from is None and f.valid_from is not None:
                prev.valid_from, prev.valid_to, prev.granularity, prev.time_text = (
                    f.valid_from, f.valid_to, f.granularity, f.time_text)
            continue
        seen[key] = f
    return list(seen.values())

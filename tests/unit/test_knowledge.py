"""General knowledge (kgmem.knowledge): places within regions (GeoNames), kinds and instances
(WordNet 3.0), and the presence gate reading them. Invented sentences and general geography only;
near misses (a sibling country, a town of the same name elsewhere) must not count."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from datetime import datetime
from importlib import resources
from pathlib import Path

import pytest

from kgmem import knowledge
from kgmem.answer.event_instance import CARRIES, OTHER, NameCheck
from kgmem.answer.evidence import EvidenceSet
from kgmem.answer.presence import told_within
from kgmem.api import Memory
from kgmem.knowledge import tables
from kgmem.settings import Settings


@pytest.mark.parametrize(("part", "whole", "inside"), [
    ("Porto", "Portugal", True), ("Lisbon", "Portugal", True), ("Porto", "Spain", False),
    ("Tenby", "Wales", True), ("Tenby", "England", None), ("Cardiff", "the UK", True),
    ("Oslo", "Norway", True), ("Bergen", "Norway", True), ("Oslo", "Sweden", False),
    ("Hobart", "Tasmania", True), ("hobart", "tasmania", True), ("Tasmania", "Australia", True),
    ("Munich", "Bavaria", True), ("Munich", "Austria", False), ("São Paulo", "Brazil", True),
    ("Sao Paulo", "brazil", True), ("Rarotonga", "the Cook Islands", True), ("Kyoto", "Japan", True),
    ("Pembrokeshire", "Wales", True), ("Edinburgh", "Scotland", True), ("Edinburgh", "Ireland", False),
])
def test_a_place_lies_within_its_regions_and_not_its_neighbours(part: str, whole: str, inside: bool | None) -> None:
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


def test_a_small_namesake_elsewhere_is_no_evidence_of_outside() -> None:
    # the tables hold Göteborg under its local name and no other name of it: the Gothenburg they know is
    # a small US town (3,514), no verdict either way, the caller keeps today's judgement
    assert knowledge.within("Gothenburg", "Sweden") is None
    assert knowledge.within("Sevilla", "Spain") is True


def test_unknown_names_and_the_region_itself_decide_nothing() -> None:
    assert knowledge.within("Zzyzxqq", "Portugal") is None
    assert knowledge.within("Porto", "Narnia") is None
    assert knowledge.within("Portugal", "Portugal") is None
    assert knowledge.is_region("Portugal") and knowledge.is_region("the Cook Islands") and knowledge.is_region("NZ")
    assert not knowledge.is_region("Porto and Lisbon") and not knowledge.is_region("dog")


def test_places_are_read_from_a_line_common_words_only_as_capitalised_names() -> None:
    assert knowledge.places_within("Portugal", "We land in Porto on Friday and finish in Lisbon.") == ["Porto", "Lisbon"]
    assert knowledge.places_within("Tasmania", "ferry back to devonport tmrw then a night in launceston") == [
        "devonport", "launceston"]
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
    assert told_within("dog", ["Pepper is a collie cross and she ate my sandwich off the bench."])
    assert not told_within("dog", ["Pepper is a tabby and she ate my sandwich off the bench."])
    # another's instance tells nothing of the user's own (rev15): a neighbour's collie is not "my dog"
    assert not told_within("dog", ["My neighbour's collie keeps barking at 6am."])
    assert not told_within("dog", ["Sam brought her old collie round."])
    assert told_within("dog", ["Honestly it's a collie, not a spaniel, whatever the vet says."])
    # a brand's word is a name, not a kind (rev15 H6): a Jaguar car, Puma trainers, a Mustang tell no animal
    assert not told_within("cat", ["Took the new Jaguar F-Type out on the coast road, named her Ruby."])
    assert not told_within("cat", ["Jaguar F-Type was a dream to drive, named her Ruby."])
    assert not told_within("cat", ["I finally bought those Puma trainers in the sale."])
    assert not told_within("horse", ["I still polish my old Mustang every Sunday."])
    assert told_within("cat", ["Tabby, 4, called Miso. She sleeps all day."])
    # words for people are matched by form only: a stepsister does not tell "my sister"
    assert not told_within("sister", ["my stepsister Ana is visiting"])


@pytest.mark.parametrize(("other", "country"), [("Seville", "Spain"), ("Cologne", "Germany"), ("Bruges", "Belgium")])
def test_a_city_is_found_by_its_other_names(other: str, country: str) -> None:
    # the tables hold each place under its GeoNames name (often the local one: "Sevilla", "Köln")
    assert knowledge.within(other, country) is True, other
    assert knowledge.places_within(country, f"Two nights in {other} before the flight home.") == [other]


@pytest.mark.parametrize(("region", "line"), [
    ("United States", "The Basic plan on Netflix went up again."), ("United Kingdom", "I binged Dandy comics at my gran's."),
    ("China", "I had coffee with Mia Adams from accounts."), ("Lebanon", "We walked down Quiet Alley to the gallery."),
    ("Colombia", "I had coffee with Bella from work."), ("Syria", "Cham is my favourite Cambodian place."),
])
def test_a_word_or_a_given_name_is_no_other_name_of_a_city(region: str, line: str) -> None:
    # GeoNames lists such words and names among cities' other names; only the names WordNet knows as towns count
    assert knowledge.places_within(region, line) == []


def test_a_city_asked_by_one_name_is_told_by_another() -> None:
    assert told_within("Seville", ["We spent a week in Sevilla in January, the orange trees!"])
    assert told_within("Sevilla", ["Back from Seville last night."])
    assert not told_within("Seville", ["We spent a week in Madrid in January."])


def test_another_name_never_takes_a_name_from_a_big_place() -> None:
    # "Venice" is also among a US city's other names in GeoNames: the Italian town keeps the name (and its doubt)
    assert knowledge.within("Venice", "United States") is not True
    assert knowledge.within("Milan", "Italy") is True


def test_the_tables_name_their_sources_and_stay_small() -> None:
    folder = resources.files("kgmem").joinpath("resources", "knowledge")
    for name, source in (("places.json.gz", "GeoNames"), ("kinds.json.gz", "WordNet 3.0"), ("exonyms.json.gz", "GeoNames"),
                         ("deed_nouns.json.gz", "WordNet 3.0")):
        raw = folder.joinpath(name).read_bytes()
        assert len(raw) < 4_000_000, name
        assert source in json.loads(gzip.decompress(raw))["source"]


def test_the_tables_are_read_once_in_a_background_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tables, "_TABLES", {})
    thread = knowledge.warm_up()
    assert thread is not None and thread.daemon
    assert knowledge.within("Porto", "Portugal") is True  # a question arriving meanwhile waits for the same read
    thread.join(timeout=60)
    assert tables.ready("places", "kinds")
    assert knowledge.warm_up() is None  # read: nothing more to start


def test_a_memory_start_warms_the_tables_up(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[int] = []
    monkeypatch.setattr(knowledge, "warm_up", lambda: calls.append(1))
    Memory(Settings.load({"home": str(tmp_path), "store": "networkx"}), llm=False)
    assert calls == [1]


# an invented haystack: a trip told by its cities only, a flatmate's trip elsewhere, a pet told by its breed
TRIP = [
    (datetime(2024, 4, 1, 9), "Flying to Porto on Thursday for a week of port tasting!"),  # a Monday
    (datetime(2024, 4, 12, 9), "Back from Lisbon last night, so brown."),
    (datetime(2024, 5, 20, 9), "My flatmate just got back from a fortnight in Croatia."),
    (datetime(2024, 6, 3, 9), "Biscuit had her first grooming session, our collie is not a fan of the hairdryer."),
]
ASKED = datetime(2024, 7, 1, 12)


@pytest.fixture(scope="module")
def trip(chat_memory: Callable[..., Memory]) -> Memory:
    return chat_memory("kn15", TRIP, "kn", "Sounds lovely.")


def test_a_trip_told_by_its_cities_is_the_trip_to_their_country(trip: Memory) -> None:
    a = trip.answer("kn15", "how many days was my trip to portugal", question_date=ASKED)
    assert a.text.startswith("7 days"), a.text  # Thursday 4 April to "last night" of Friday 12 April


@pytest.mark.parametrize("q", ["how many days was my trip to spain", "how many days was I in Croatia",
                               "How many days was I in Wales?"])
def test_a_neighbour_or_someone_elses_country_is_no_answer(trip: Memory, q: str) -> None:
    a = trip.answer("kn15", q, question_date=ASKED)
    assert not a.text[:1].isdigit(), (q, a.text)


def test_a_city_outside_the_asked_country_is_another_place(trip: Memory) -> None:
    ev = EvidenceSet(trip.search("kn15", "how many days was my trip to spain", question_date=ASKED))
    lines = ["Back from Lisbon last night, so brown.", "Back from Madrid last night, so brown."]
    assert NameCheck("my trip to spain", ev).verdicts(lines) == [OTHER, CARRIES]
    assert NameCheck("my trip to portugal", ev).verdicts(lines) == [CARRIES, OTHER]


def test_a_kind_told_by_its_instance_passes_the_never_mentioned_gate(trip: Memory) -> None:
    a = trip.answer("kn15", "what's my dog called?", question_date=ASKED)
    assert "never mentioned" not in a.extra["decision"]["abstain"]["reason"], a.extra["decision"]
    b = trip.answer("kn15", "what's my cat called?", question_date=ASKED)
    assert b.abstained and "cat" in b.extra["decision"]["abstain"]["reason"], b.text

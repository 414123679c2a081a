"""The zero-LLM extraction tier on hand-written English sentences."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero import RuleExtractor

DAY = datetime(2023, 5, 20, 11, 0)  # Saturday


@pytest.fixture(scope="module")
def extractor() -> RuleExtractor:
    return RuleExtractor()


def facts_of(ex: RuleExtractor, *user_texts: str, assistant: str | None = None) -> list[CandidateFact]:
    turns = [("user", t) for t in user_texts]
    if assistant is not None:
        turns.append(("assistant", assistant))
    return ex.extract(turns, DAY).facts


def pv(facts: list[CandidateFact]) -> set[tuple[str, str]]:
    return {(f.predicate, f.value) for f in facts}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Big news: we relocated to Portland over the winter.", {("lives_in", "Portland")}),
        ("I've recently started working at Globex Corporation as a product manager.",
         {("works_at", "Globex Corporation"), ("job_title", "product manager")}),
        ("We rescued a tabby kitten called Pepper.", {("has_pet", "tabby"), ("pet_name", "Pepper")}),
        ("I picked up a secondhand espresso machine on Thursday.", {("bought", "secondhand espresso machine")}),
        ("I finally finished reading Project Hail Mary.", {("read_book", "Project Hail Mary")}),
        ("My new car is a Subaru Outback.", {("drives", "Subaru Outback")}),
        ("I'm now a staff engineer.", {("job_title", "staff engineer")}),
        ("I've been vegan for a while.", {("diet", "vegan")}),
        ("I prefer window seats when I fly.", {("likes", "window seats")}),
        ("I'm allergic to shellfish.", {("allergic_to", "shellfish")}),
        ("My favourite drink is oat milk latte.", {("favourite_drink", "oat milk latte")}),
        ("I got promoted to engineering manager.", {("job_title", "engineering manager")}),
        ("I've started learning Korean.", {("speaks_language", "Korean")}),
        ("My brother Tomas is visiting.", {("family_member", "Tomas")}),
        ("Two days ago we were hiking near Boulder.", {("visited", "Boulder")}),
        ("My new standing desk finally arrived this morning.", {("bought", "standing desk")}),
        ("I was born and raised in Valparaíso.", {("hometown", "Valparaíso")}),
    ],
)
def test_user_statements(extractor: RuleExtractor, text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= pv(facts_of(extractor, text))


@pytest.mark.parametrize(
    "text",
    [
        "Should I move to Seattle?",
        "I didn't buy the headphones in the end.",
        "I'm thinking about adopting a puppy.",
        "My sister moved to Chicago.",  # not the user
        "If I bought a Kindle, would I read more?",
        "I would like to visit Japan someday.",
    ],
)
def test_non_facts_produce_nothing(extractor: RuleExtractor, text: str) -> None:
    found = {f.predicate for f in facts_of(extractor, text) if f.subject == "user"}
    assert not found & {"lives_in", "bought", "has_pet", "visited"}, found


def test_another_persons_move_is_their_fact() -> None:
    facts = facts_of(RuleExtractor(), "My sister moved to Chicago.")
    assert ("sister", "person", "lives_in", "Chicago") in [(f.subject, f.subject_type, f.predicate, f.value) for f in facts]
    # the user's own facts: only that they have a sister (slot_nouns.kin_facts), never the move
    assert [(f.predicate, f.value) for f in facts if f.subject == "user"] == [("family_member", "sister")]


def test_relative_time_resolved_to_the_day(extractor: RuleExtractor) -> None:
    facts = facts_of(extractor, "I picked up a new road bike the day before yesterday.")
    bike = next(f for f in facts if f.predicate == "bought")
    assert bike.time_text == "the day before yesterday"
    assert bike.valid_from is not None and bike.valid_from.date() == date(2023, 5, 18)
    assert bike.granularity == "day"


def test_month_keeps_its_granularity(extractor: RuleExtractor) -> None:
    f = next(f for f in facts_of(extractor, "I moved to Lyon in February.") if f.predicate == "lives_in")
    assert (f.valid_from, f.granularity) == (datetime(2023, 2, 1), "month")


def test_dated_event_becomes_an_event_fact(extractor: RuleExtractor) -> None:
    facts = facts_of(extractor, "Anyway, I volunteered at the food bank last Wednesday.",
                     "I swam two miles three days ago.")
    events = {f.value: f for f in facts if f.predicate == "event"}
    assert any("swam two miles" in v for v in events)
    swim = next(f for v, f in events.items() if "swam" in v)
    assert swim.valid_from == datetime(2023, 5, 17)
    assert swim.source_turns == [1]


def test_assistant_recommendations(extractor: RuleExtractor) -> None:
    text = ("Great question! I'd recommend The Left Hand of Darkness by Ursula K. Le Guin.\n"
            "Other suggestions:\n1. **Piranesi** - dreamlike\n2. **Babel**: about translation")
    facts = facts_of(extractor, "Any sci-fi tips?", assistant=text)
    recs = {f.value for f in facts if f.predicate == "assistant_recommended"}
    assert {"The Left Hand of Darkness", "Piranesi", "Babel"} <= recs
    assert all(f.speaker == "assistant" for f in facts if f.predicate == "assistant_recommended")


def test_user_turn_without_first_person_is_skipped(extractor: RuleExtractor) -> None:
    assert facts_of(extractor, "Explain how photosynthesis works in detail.") == []


def test_batch_matches_single(extractor: RuleExtractor) -> None:
    s1 = [("user", "I moved to Denver last month.")]
    s2 = [("user", "I bought a kayak yesterday.")]
    batch = extractor.extract_many([(s1, DAY), (s2, DAY)])
    assert [r.facts for r in batch] == [extractor.extract(s1, DAY).facts, extractor.extract(s2, DAY).facts]


# --------------------------------------------------------------------------- LLM tier

import json  # noqa: E402

from kgmem.extraction.agent import LLMExtractor  # noqa: E402
from kgmem.llm.base import LLMUnavailable  # noqa: E402
from kgmem.llm.fake import FakeLLM  # noqa: E402

RESIDUAL = "Honestly the highlight of my month was volunteering at the Eastside food bank."


def test_llm_tier_reads_residual_turns_only_and_adds_to_the_rules(extractor: RuleExtractor) -> None:
    reply = json.dumps({"facts": [
        {"predicate": "volunteer_at", "value": "Eastside food bank", "time": "two weeks ago", "speaker": "user",
         "turn": 2},
    ]})
    fake = FakeLLM(default=reply)
    ex = LLMExtractor(fake, base=extractor)
    turns = [("user", "I moved to Denver last month."), ("assistant", "Nice! How is it?"), ("user", RESIDUAL)]
    res = ex.extract(turns, DAY)
    assert res.tier == "llm" and res.fallback_reason is None
    assert fake.call_count == 1
    prompt_text = fake.calls[0][0][-1]["content"]
    assert RESIDUAL in prompt_text and "moved to Denver" not in prompt_text  # the rules read that turn
    assert {("lives_in", "Denver"), ("volunteer_at", "Eastside food bank")} <= pv(res.facts)
    vol = next(f for f in res.facts if f.predicate == "volunteer_at")
    assert vol.source_turns == [2] and vol.time_text == "two weeks ago" and vol.valid_from is not None
    assert ex.cache_key.startswith("llm|fake/test|extract-v") and extractor.cache_key in ex.cache_key


def test_llm_tier_not_called_when_the_rules_read_everything(extractor: RuleExtractor) -> None:
    fake = FakeLLM(default='{"facts": []}')
    res = LLMExtractor(fake, base=extractor).extract([("user", "I moved to Denver last month.")], DAY)
    assert fake.call_count == 0 and ("lives_in", "Denver") in pv(res.facts)


def test_llm_tier_keeps_the_rules_facts_on_failure(extractor: RuleExtractor) -> None:
    turns = [("user", "I moved to Denver last month."), ("user", RESIDUAL)]
    broken = LLMExtractor(FakeLLM(default="not json at all"), base=extractor)
    res = broken.extract(turns, DAY)
    assert res.fallback_reason and "LLMOutputError" in res.fallback_reason
    assert ("lives_in", "Denver") in pv(res.facts)


def test_unreachable_model_is_detected_once(extractor: RuleExtractor) -> None:
    fake = FakeLLM(script=[LLMUnavailable("fake/test", "http://127.0.0.1:9")])
    down = LLMExtractor(fake, base=extractor)
    turns = [("user", "I moved to Denver last month."), ("user", RESIDUAL)]
    first, second = down.extract_many([(turns, DAY), (turns, DAY)])
    assert fake.call_count == 1  # the second session does not wait for the dead server
    assert down.unavailable and "unreachable" in down.unavailable
    assert first.fallback_reason and second.fallback_reason
    assert ("lives_in", "Denver") in pv(second.facts)


def test_llm_facts_the_user_never_said_are_dropped(extractor: RuleExtractor) -> None:
    # a small model copies its prompt's example ("beagle named Max") into unrelated chats
    reply = json.dumps({"facts": [
        {"predicate": "has_pet", "value": "beagle", "time": None, "speaker": "user", "turn": 0},
        {"predicate": "volunteer_at", "value": "the Eastside food bank", "time": None, "speaker": "user", "turn": 0},
    ]})
    res = LLMExtractor(FakeLLM(default=reply), base=extractor).extract([("user", RESIDUAL)], DAY)
    assert pv(res.facts) == {("volunteer_at", "the Eastside food bank")}


def test_an_appositive_names_the_object(extractor: RuleExtractor) -> None:
    assert ("phone", "iPhone SE") in pv(facts_of(extractor, "I got a new phone, an iPhone SE."))


def test_it_refers_to_the_thing_named_before(extractor: RuleExtractor) -> None:
    facts = facts_of(extractor, "I need a plan to finish the Harlow report, it's due March 15 and I've barely started.")
    assert [(f.subject, f.predicate, f.value) for f in facts if f.subject != "user"] == [
        ("Harlow report", "due_date", "March 15")]
    # "IT" (the department) is not "it"
    closed = facts_of(extractor, "I need to finish the Harlow report. IT closed the laptop ticket this afternoon.")
    assert [(f.subject, f.predicate) for f in closed if f.subject != "user"] == [("laptop ticket", "status")]


@pytest.mark.parametrize(
    "text",
    [
        "Dan cycles to work every day.",  # spaCy reads "Dan cycles" as a noun: still Dan's, not the user's
        "My dad is on a low-sodium diet, so can you suggest a soup I can make him?",  # asked of the assistant
        "The allergist retested Nina: she's outgrown the egg thing, the only allergy now is cashews.",  # not 'only'
    ],
)
def test_others_and_requests_store_no_user_fact(extractor: RuleExtractor, text: str) -> None:
    assert [f for f in facts_of(extractor, text) if f.subject == "user"] == []


def test_you_with_me_may_still_be_about_the_user(extractor: RuleExtractor) -> None:
    assert ("phone_number", "555-0134") in pv(facts_of(extractor, "You can reach me at 555-0134."))


def test_a_title_abbreviation_does_not_end_the_sentence(extractor: RuleExtractor) -> None:
    # the cut after "St." made "St" a workplace (a14's report)
    assert ("works_at", "St") not in pv(facts_of(extractor, "Long shift at St. Brigid's today, the ER was packed."))


def test_a_health_company_is_an_employer_not_a_gym(extractor: RuleExtractor) -> None:
    assert not {p for p, _ in pv(facts_of(extractor, "I start at Lumen Health next week."))} & {"gym"}


def test_a_story_noun_is_not_the_things_name(extractor: RuleExtractor) -> None:
    facts = facts_of(extractor, "Update on the sofa saga: it's out for delivery today!")
    assert [(f.subject, f.predicate, f.value) for f in facts if f.subject != "user"] == [
        ("sofa", "status", "out for delivery")]

"""parse → repair → retry → typed error, exercised with FakeLLM (a backend with no grammar)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pydantic import BaseModel

from kgmem.llm import LLM, LLMOutputError, LLMTimeout, LLMUnavailable
from kgmem.llm.fake import FakeLLM, RecordingLLM, messages_key
from kgmem.llm.structured import (
    extract_first_object,
    parse_structured,
    remove_trailing_commas,
    repair_json,
    strip_fences,
)
from kgmem.llm.tokens import approx_token_count

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "llm"


class Person(BaseModel):
    name: str
    age: int


ASK = [{"role": "user", "content": "Who is the user? Reply in JSON."}]


# --------------------------------------------------------------------------- repair


def test_strip_fences_and_think_blocks() -> None:
    assert strip_fences('```json\n{"a": 1}\n```') == '{"a": 1}'
    assert strip_fences('Sure!\n```\n{"a": 1}\n```\nHope it helps') == '{"a": 1}'
    assert strip_fences('<think>hmm {"x": 0}</think>{"a": 1}') == '{"a": 1}'


def test_extract_first_object_is_string_aware() -> None:
    text = 'Here you go: {"name": "a } b", "tags": ["{x}"]} and {"other": 1}'
    assert extract_first_object(text) == '{"name": "a } b", "tags": ["{x}"]}'
    assert extract_first_object("no json here") is None
    # a cut-off object is not closed: that would invent a value from a runaway string
    assert extract_first_object('{"name": "Ann and then the model kept going') is None


def test_remove_trailing_commas_outside_strings_only() -> None:
    assert remove_trailing_commas('{"a": [1, 2,], "b": ",}",}') == '{"a": [1, 2], "b": ",}"}'


@pytest.mark.parametrize("raw", [
    '{"name": "Ann", "age": 41}',
    '```json\n{"name": "Ann", "age": 41}\n```',
    'The answer is {"name": "Ann", "age": 41}. Anything else?',
    '{"name": "Ann", "age": 41,}',
    '```\n{"name": "Ann", "age": 41,}\n```',
])
def test_repairs_common_accidents(raw: str) -> None:
    parsed, error = parse_structured(raw, Person)
    assert error == ""
    assert parsed == Person(name="Ann", age=41)


def test_unrepairable_output_reports_why() -> None:
    assert parse_structured("I don't know", Person) == (None, "no JSON object found")
    parsed, error = parse_structured('{"name": "Ann"', Person)
    assert parsed is None and "cut off" in error
    parsed, error = parse_structured('{"name": "Ann", "age": "old"}', Person)
    assert parsed is None and error.startswith("schema mismatch: age:")
    with pytest.raises(ValueError, match="no JSON object"):
        repair_json("")


# --------------------------------------------------------------------------- retry loop


def test_broken_json_then_valid_is_retried_with_the_error() -> None:
    fake = FakeLLM(script=['{"name": "Ann", "age": ', 'Sorry: {"name": "Ann", "age": 41}'])
    result = fake.complete(ASK, Person)
    assert result.parsed == Person(name="Ann", age=41)
    assert result.attempts == 2 and fake.call_count == 2
    retry_messages, schema = fake.calls[1]
    assert schema == Person.model_json_schema()
    assert retry_messages[:1] == ASK
    assert retry_messages[1] == {"role": "assistant", "content": '{"name": "Ann", "age": '}
    assert "not valid" in retry_messages[2]["content"]
    assert '"age"' in retry_messages[2]["content"]  # the schema is shown to the model
    assert result.prompt_tokens > 0 and result.completion_tokens > 0


def test_schema_mismatch_then_valid() -> None:
    fake = FakeLLM(script=['{"name": "Ann", "age": "forty-one"}', '{"name": "Ann", "age": 41}'])
    result = fake.complete(ASK, Person)
    assert result.parsed_as(Person).age == 41
    assert "age: Input should be a valid integer" in fake.calls[1][0][-1]["content"]


def test_invalid_after_all_retries_raises_output_error_with_raw_text() -> None:
    fake = FakeLLM(default="I think the user is Ann.")
    with pytest.raises(LLMOutputError) as info:
        fake.complete(ASK, Person)
    err = info.value
    assert err.raw_text == "I think the user is Ann."
    assert err.validation_error == "no JSON object found"
    assert err.attempts == 3 and fake.call_count == 3  # 1 call + 2 retries
    assert str(err).startswith("model 'fake/test' returned no valid Person after 3 attempt(s)")


def test_output_retries_are_bounded_by_the_backend_setting() -> None:
    fake = FakeLLM(default="nope", output_retries=0)
    with pytest.raises(LLMOutputError):
        fake.complete(ASK, Person)
    assert fake.call_count == 1


def test_free_text_is_returned_untouched() -> None:
    fake = FakeLLM(default="  Microsoft.  ")
    result = fake.complete(ASK)
    assert result.text == "  Microsoft.  " and result.parsed is None and result.attempts == 1


# --------------------------------------------------------------------------- the fake itself


def test_fake_implements_the_interface() -> None:
    fake: LLM = FakeLLM(default="x")
    assert isinstance(fake, LLM)
    assert fake.count_tokens("hello world") == approx_token_count("hello world")


def test_fake_replays_by_message_hash_and_cycles_lists() -> None:
    key = messages_key(ASK)
    fake = FakeLLM({key: ['{"name": "Ann", "age": 41}', '{"name": "Bob", "age": 7}']})
    assert fake.complete(ASK, Person).parsed == Person(name="Ann", age=41)
    assert fake.complete(ASK, Person).parsed == Person(name="Bob", age=7)
    assert fake.complete(ASK, Person).parsed == Person(name="Bob", age=7)  # last one repeats


def test_fake_matchers_and_missing_fixture_message() -> None:
    fake = FakeLLM(matchers=[(lambda m: "dog" in m[-1]["content"], "Max"),
                             (lambda m: "echo" in m[-1]["content"], lambda m: m[-1]["content"])])
    assert fake.complete([{"role": "user", "content": "my dog?"}]).text == "Max"
    assert fake.complete([{"role": "user", "content": "echo me"}]).text == "echo me"
    with pytest.raises(KeyError, match="no response for key .*last user message: 'cat'"):
        fake.complete([{"role": "user", "content": "cat"}])


def test_fake_raises_typed_errors_on_demand() -> None:
    fake = FakeLLM(default="ok")
    fake.queue(LLMTimeout("fake/test", 5.0), LLMUnavailable("fake/test", "http://127.0.0.1:9"))
    with pytest.raises(LLMTimeout, match="did not answer within 5 s"):
        fake.complete(ASK)
    with pytest.raises(LLMUnavailable, match="at http://127.0.0.1:9.*server is running"):
        fake.complete(ASK)
    assert fake.complete(ASK).text == "ok"


def test_fake_loads_recorded_fixture_file() -> None:
    fake = FakeLLM(FIXTURES / "recorded.json")
    result = fake.complete(ASK, Person)
    assert result.parsed == Person(name="Ann", age=41)


def test_bad_fixture_file_names_file_and_entry(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"responses": {"abc": 3}}))
    with pytest.raises(ValueError, match=r"bad.json: responses\['abc'\] must be a string"):
        FakeLLM(bad)
    bad.write_text("{not json")
    with pytest.raises(ValueError, match="bad.json: invalid JSON at line 1"):
        FakeLLM(bad)


def test_recording_then_replaying(tmp_path: Path) -> None:
    path = tmp_path / "rec.json"
    recorder = RecordingLLM(FakeLLM(default='{"name": "Cy", "age": 3}'), path)
    assert recorder.complete(ASK, Person).parsed == Person(name="Cy", age=3)
    replay = FakeLLM(path)
    assert replay.complete(ASK, Person).parsed == Person(name="Cy", age=3)


def test_malformed_messages_are_rejected_with_index() -> None:
    fake = FakeLLM(default="x")
    with pytest.raises(ValueError, match=r"messages\[1\]\.role is 'bot'"):
        fake.complete([{"role": "user", "content": "a"}, {"role": "bot", "content": "b"}])
    with pytest.raises(ValueError, match="non-empty list"):
        fake.complete([])


def test_timeout_budget_covers_retries() -> None:
    fake = FakeLLM(default="not json")
    with pytest.raises(LLMTimeout, match="budget spent"):
        fake.complete(ASK, Person, timeout_s=0.0)

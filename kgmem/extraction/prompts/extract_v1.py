"""Extraction prompt v1: short, few-shot, written for small (≤4B) instruction models.

The model returns :class:`LLMFacts` (JSON); times are copied verbatim as written in the chat
and resolved in code (:mod:`kgmem.temporal`), because small models get date arithmetic wrong.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from kgmem import predicates

PROMPT_VERSION = "extract-v1"


class LLMFact(BaseModel):
    model_config = ConfigDict(extra="ignore")

    predicate: str = Field(description="one of the listed predicates, or event")
    value: str = Field(description="the object: a short name or phrase")
    time: str | None = Field(default=None, description="time words exactly as written, or null")
    speaker: str = Field(default="user", description="user or assistant")
    turn: int = Field(default=0, description="the [number] of the turn that says it")


class LLMFacts(BaseModel):
    model_config = ConfigDict(extra="ignore")

    facts: list[LLMFact] = Field(default_factory=list)


def system_prompt() -> str:
    """The instructions, predicate list and one worked example."""
    preds = ", ".join(predicates.names())
    return (
        "You extract personal facts from a chat between a user and an assistant.\n"
        "Return JSON: {\"facts\": [{\"predicate\", \"value\", \"time\", \"speaker\", \"turn\"}]}.\n"
        f"Predicates: {preds}.\n"
        "Rules: only facts the user states about themself (speaker user) or things the "
        "assistant recommends (assistant_recommended). No questions, plans or hypotheticals. "
        "value is short (a name or a few words). time is copied exactly from the text "
        "(\"last Tuesday\", \"in March\") or null. Use event for a dated thing the user did.\n"
        "Example:\n"
        "[0] user: I moved to Denver last month and just adopted a beagle named Max.\n"
        "[1] assistant: Congrats! I'd recommend Wash Park for walks.\n"
        "[2] user: Thanks! I ran a 10k yesterday.\n"
        "{\"facts\": [{\"predicate\": \"lives_in\", \"value\": \"Denver\", \"time\": \"last month\", "
        "\"speaker\": \"user\", \"turn\": 0}, {\"predicate\": \"has_pet\", \"value\": \"beagle\", "
        "\"time\": null, \"speaker\": \"user\", \"turn\": 0}, {\"predicate\": \"pet_name\", "
        "\"value\": \"Max\", \"time\": null, \"speaker\": \"user\", \"turn\": 0}, "
        "{\"predicate\": \"assistant_recommended\", \"value\": \"Wash Park\", \"time\": null, "
        "\"speaker\": \"assistant\", \"turn\": 1}, {\"predicate\": \"event\", \"value\": "
        "\"ran a 10k\", \"time\": \"yesterday\", \"speaker\": \"user\", \"turn\": 2}]}"
    )


def user_prompt(numbered_turns: list[tuple[int, str, str]]) -> str:
    """The chat excerpt, one ``[i] role: text`` line per turn."""
    lines = [f"[{i}] {role}: {text}" for i, role, text in numbered_turns]
    return "Chat:\n" + "\n".join(lines) + "\nJSON:"

"""One scenario, three faces: the same tool calls over MCP stdio, MCP streamable HTTP and the
REST API, with the values asserted (not only success).

Two users: alice moves Boston → Seattle and goes to a jazz concert; bob changes jobs
Initech → Globex and adopts a cat. The answers are computed by the model-free path
(``--no-llm``), so they are exact: 61 days, Seattle, Boston as of February, Globex, Miso.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx


@dataclass
class Result:
    ok: bool
    data: Any = None
    error: str = ""


Call = Callable[[str, dict[str, Any]], Awaitable[Result]]

TOOLS = {"add_messages", "search_memory", "answer", "get_history", "list_users", "delete_user", "get_status"}


def conversation(user: str, when: str, *lines: str, **extra: Any) -> dict[str, Any]:
    return {"user_id": user, "messages": [{"role": "user", "content": x} for x in lines]
            + [{"role": "assistant", "content": "Thanks for telling me!"}], "timestamp": when, **extra}


def alice_sessions(alice: str) -> list[dict[str, Any]]:
    return [conversation(alice, "2023-01-10T09:00", "I live in Boston now."),
            conversation(alice, "2023-03-02T19:30", "I went to a jazz concert at the Blue Note yesterday."),
            conversation(alice, "2023-04-20T08:15", "Big news: I moved to Seattle!")]


def bob_sessions(bob: str) -> list[dict[str, Any]]:
    return [conversation(bob, "2023-02-01T09:00", "I work at Initech as a data analyst."),
            conversation(bob, "2023-03-15T09:00", "I started a new job at Globex last week!")]


def _fact(facts: list[dict[str, Any]], predicate: str, value: str) -> dict[str, Any]:
    found = [f for f in facts if f["predicate"] == predicate and f["value"] == value]
    assert found, f"no {predicate}={value} among {[(f['predicate'], f['value']) for f in facts]}"
    return found[0]


async def must(call: Call, tool: str, args: dict[str, Any]) -> Any:
    res = await call(tool, args)
    assert res.ok, f"{tool}({args}) failed: {res.error}"
    return res.data


async def must_fail(call: Call, tool: str, args: dict[str, Any], code: str) -> str:
    res = await call(tool, args)
    assert not res.ok, f"{tool}({args}) succeeded but should fail with {code}: {res.data}"
    assert code in res.error, f"{tool}: expected {code!r} in the error, got {res.error!r}"
    return res.error


async def run_scenario(call: Call, prefix: str = "") -> None:  # noqa: C901 - one story, told in order
    alice, bob = f"{prefix}alice", f"{prefix}bob"
    # unknown and missing users are clear errors before anything exists
    for tool, args in (("answer", {"question": "Where do I live?"}), ("search_memory", {"query": "jazz"}),
                       ("get_history", {"subject": "user", "predicate": "lives_in"}), ("delete_user", {})):
        await must_fail(call, tool, {"user_id": alice, **args}, "unknown_user")
    await must_fail(call, "answer", {"question": "Where do I live?"}, "user_id")

    # alice: three sessions; the third supersedes where she lives
    boston_add, concert_add, seattle_add = [await must(call, "add_messages", s) for s in alice_sessions(alice)]
    assert boston_add["stored"] and boston_add["user_id"] == alice and boston_add["turns"] == 2
    boston = _fact(boston_add["facts_added"], "lives_in", "Boston")
    assert boston["current"] and boston["observed_at"].startswith("2023-01-10")
    assert boston["source_turn_ids"] == [f"{boston_add['session_id']}:0"]
    assert any("concert" in f["text"].lower() for f in concert_add["facts_added"])
    seattle = _fact(seattle_add["facts_added"], "lives_in", "Seattle")
    assert [(e["new_fact_id"], e["old_fact_id"]) for e in seattle_add["supersessions"]] == [(seattle["id"], boston["id"])]
    assert seattle_add["supersessions"][0]["at"].startswith("2023-04-20")
    again = await must(call, "add_messages", alice_sessions(alice)[2])  # the same conversation again
    assert not again["stored"] and again["session_id"] == seattle_add["session_id"] and not again["facts_added"]
    alice_sessions_ids = {boston_add["session_id"], concert_add["session_id"], seattle_add["session_id"]}

    # bob: two sessions, a job change
    initech_add, globex_add = [await must(call, "add_messages", s) for s in bob_sessions(bob)]
    initech = _fact(initech_add["facts_added"], "works_at", "Initech")
    globex = _fact(globex_add["facts_added"], "works_at", "Globex")
    assert (globex["id"], initech["id"]) in [(e["new_fact_id"], e["old_fact_id"]) for e in globex_add["supersessions"]]
    bob_sessions_ids = {initech_add["session_id"], globex_add["session_id"]}

    # search: facts with validity and the turns they cite, only from the asking user's memory
    hits = await must(call, "search_memory", {"user_id": alice, "query": "jazz concert", "question_date": "2023-05-01"})
    concert = next(f for f in hits["facts"] if "concert" in f["text"].lower())
    assert concert["valid_from"].startswith("2023-03-01") and concert["session_id"] == concert_add["session_id"]
    assert any("jazz concert" in t["text"] for t in concert["source_turns"])
    assert {f["session_id"] for f in hits["facts"]} <= alice_sessions_ids
    assert set(hits["session_ids"]) <= alice_sessions_ids and hits["turns"]
    bob_hits = await must(call, "search_memory", {"user_id": bob, "query": "jazz concert Boston Seattle", "limit": 50})
    assert {f["session_id"] for f in bob_hits["facts"]} | set(bob_hits["session_ids"]) <= bob_sessions_ids

    # answers: a computed temporal answer, knowledge updates (now and as of a past date)
    ago = await must(call, "answer", {"user_id": alice, "question": "How many days ago did I go to the jazz concert?",
                                      "question_date": "2023-05-01"})
    assert ago["answer"].startswith("61 days") and ago["kind"] == "computed" and ago["computed"]
    assert concert["id"] in ago["fact_ids"] and not ago["model_written"]
    now = await must(call, "answer", {"user_id": alice, "question": "Where do I live now?", "question_date": "2023-05-01"})
    assert now["answer"] == "Seattle" and now["kind"] == "computed" and seattle["id"] in now["fact_ids"]
    assert [f["value"] for f in now["facts"] if f["predicate"] == "lives_in"] == ["Seattle"]
    then = await must(call, "answer", {"user_id": alice, "question": "Where do I live?", "as_of": "2023-02-01"})
    assert then["answer"] == "Boston"
    job = await must(call, "answer", {"user_id": bob, "question": "Where do I work now?", "question_date": "2023-05-01"})
    assert job["answer"] == "Globex" and job["kind"] == "computed"
    unknown = await must(call, "answer", {"user_id": alice, "question": "What is my hamster called?",
                                          "question_date": "2023-05-01"})
    assert unknown["abstained"] and unknown["kind"] == "abstained"

    # history: every version with its SUPERSEDES chain
    hist = await must(call, "get_history", {"user_id": alice, "subject": "user", "predicate": "lives_in"})
    assert [v["value"] for v in hist["versions"]] == ["Boston", "Seattle"]
    assert hist["versions"][0]["invalid_at"].startswith("2023-04-20") and not hist["versions"][0]["current"]
    assert hist["current_ids"] == [seattle["id"]]
    assert [(e["new_fact_id"], e["old_fact_id"]) for e in hist["supersessions"]] == [(seattle["id"], boston["id"])]

    users = await must(call, "list_users", {})
    assert {alice, bob} <= set(users["users"]) and users["count"] == len(users["users"])

    # a queued add is reported by get_status until it is done, then answers see it
    queued = await must(call, "add_messages", conversation(bob, "2023-05-05T09:00", "I adopted a cat named Miso.",
                                                           background=True))
    assert queued["queued"] and queued["job_id"] and not queued["stored"]
    for _ in range(300):
        status = await must(call, "get_status", {})
        if status["queue"]["pending"] == 0 and status["queue"]["running"] == 0:
            break
        await asyncio.sleep(0.2)
    assert status["queue"]["done"] >= 1 and status["queue"]["failed"] == 0
    cat = await must(call, "answer", {"user_id": bob, "question": "What is my cat's name?", "question_date": "2023-06-01"})
    assert cat["answer"] == "Miso"

    # delete is explicit and only touches that user
    before = (await must(call, "get_status", {}))["store"]
    gone = await must(call, "delete_user", {"user_id": bob})
    assert gone["deleted"] and gone["user_id"] == bob and gone["nodes_removed"] > 0
    after = (await must(call, "get_status", {}))["store"]
    assert after["users"] == before["users"] - 1 and after["sessions"] == before["sessions"] - 3
    assert bob not in (await must(call, "list_users", {}))["users"]
    await must_fail(call, "answer", {"user_id": bob, "question": "Where do I work now?"}, "unknown_user")
    await must_fail(call, "delete_user", {"user_id": bob}, "unknown_user")
    still = await must(call, "answer", {"user_id": alice, "question": "Where do I live now?", "question_date": "2023-05-01"})
    assert still["answer"] == "Seattle"


# --------------------------------------------------------------------------- faces


def mcp_call(client: Any) -> Call:
    """Tool calls through an official ``mcp.Client``; errors are the tool error text."""

    async def call(tool: str, args: dict[str, Any]) -> Result:
        res = await client.call_tool(tool, args)
        text = " ".join(getattr(c, "text", "") for c in res.content)
        if res.is_error:
            return Result(False, error=text)
        assert res.structured_content is not None, f"{tool}: no structured content"
        assert json.loads(text) == res.structured_content  # the text block carries the same JSON
        return Result(True, res.structured_content)

    return call


def rest_call(client: httpx.AsyncClient) -> Call:
    """The same verbs as REST requests (see docs/api.md)."""

    async def call(tool: str, args: dict[str, Any]) -> Result:
        a = dict(args)
        user = a.pop("user_id", None)
        if tool not in ("list_users", "get_status") and user is None:
            return Result(False, error="user_id is required (REST: it is the path)")
        base = f"/v1/users/{user}"
        if tool == "add_messages":
            r = await client.post(f"{base}/messages", json=a)
        elif tool == "search_memory":
            r = await client.post(f"{base}/search", json=a)
        elif tool == "answer":
            r = await client.post(f"{base}/answer", json=a)
        elif tool == "get_history":
            r = await client.get(f"{base}/history", params=a)
        elif tool == "delete_user":
            r = await client.delete(base)
        elif tool == "list_users":
            r = await client.get("/v1/users")
        elif user is not None:  # get_status of one user
            r = await client.get(base)
        else:
            r = await client.get("/v1/status")
        body = r.json()
        if r.status_code >= 400:
            assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
            return Result(False, error=f"{body['error']['code']}: {body['error']['message']}")
        assert r.status_code == 200, (r.status_code, body)
        return Result(True, body)

    return call

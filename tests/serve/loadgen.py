"""Load for the servers: many concurrent clients, mixed tool calls, many users — then the
same writes done sequentially in-process, and the two memories compared.

Used by ``tests/serve/test_load.py`` (bounded) and ``eval/bench_serve.py`` (timed). Each user's
writes go through one client, in order (so "the same operations done sequentially" is well
defined); reads go to any user that exists yet, from any client. Every result is checked to
come from the asked user's own sessions (session ids are deterministic, so each user's are
known up front).
"""

from __future__ import annotations

import asyncio
import random
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kgmem.api_types import ChatMessage, session_from_messages
from kgmem.evaluation.metrics import percentile

from .scenario import Call, Result

CITIES = ["Boston", "Seattle", "Denver", "Austin", "Chicago", "Portland", "Miami", "Atlanta", "Phoenix", "Dallas"]
COMPANIES = ["Initech", "Globex", "Umbrella", "Hooli", "Stark Industries", "Wayne Enterprises", "Acme", "Soylent"]
EVENTS = [("jazz concert", "the Blue Note"), ("pottery class", "the community center"),
          ("comedy show", "the Laugh Factory"), ("cooking workshop", "the food hall"),
          ("book signing", "the library")]


def latency_summary(ms: list[float]) -> dict[str, float]:
    """n, p50 and p95 (nearest rank, kgmem.evaluation.metrics.percentile) of round trips in ms."""
    return {"n": len(ms), "p50_ms": round(percentile(ms, 0.5) or 0.0, 1), "p95_ms": round(percentile(ms, 0.95) or 0.0, 1)}


@dataclass(frozen=True)
class Op:
    tool: str
    user: str | None
    args: dict[str, Any]


@dataclass
class Workload:
    """Per-client op lists, each user's add bodies in order, and its session ids."""

    clients: list[list[Op]]
    writes: dict[str, list[dict[str, Any]]]
    sessions: dict[str, set[str]]
    questions: dict[str, list[str]]

    @property
    def requests(self) -> int:
        return sum(len(c) for c in self.clients)


def _user_sessions(rng: random.Random, user: str) -> tuple[list[dict[str, Any]], list[str]]:
    c1, c2 = rng.sample(CITIES, 2)
    w1, w2 = rng.sample(COMPANIES, 2)
    event, venue = rng.choice(EVENTS)
    day = rng.randint(1, 20)
    texts = [(f"2023-01-{day:02d}T09:00", f"I live in {c1} now. I work at {w1} as an engineer."),
             (f"2023-02-{day:02d}T19:00", f"I went to a {event} at {venue} yesterday."),
             (f"2023-03-{day:02d}T08:00", f"Big news: I moved to {c2}!"),
             (f"2023-04-{day:02d}T08:00", f"I started a new job at {w2} last week!")]
    bodies = [{"user_id": user, "timestamp": when,
               "messages": [{"role": "user", "content": text}, {"role": "assistant", "content": "Noted, thanks!"}]}
              for when, text in texts]
    questions = ["Where do I live now?", "Where do I work now?", f"How many days ago did I go to the {event}?"]
    return bodies, questions


def make_workload(n_users: int = 50, n_requests: int = 1000, n_clients: int = 8, seed: int = 0,
                  prefix: str = "load") -> Workload:
    """Four adds per user (two supersessions each) and reads to make up ``n_requests``."""
    rng = random.Random(seed)
    users = [f"{prefix}-u{i:03d}" for i in range(n_users)]
    writes: dict[str, list[dict[str, Any]]] = {}
    sessions: dict[str, set[str]] = {}
    questions: dict[str, list[str]] = {}
    for u in users:
        writes[u], questions[u] = _user_sessions(rng, u)
        sessions[u] = {session_from_messages(u, [ChatMessage(**m) for m in b["messages"]],
                                             datetime.fromisoformat(b["timestamp"])).id for b in writes[u]}
    n_reads = max(0, n_requests - 4 * n_users)
    per_client_writes: list[list[Op]] = [[] for _ in range(n_clients)]
    for i, u in enumerate(users):
        per_client_writes[i % n_clients].extend(Op("add_messages", u, b) for b in writes[u])
    reads: list[list[Op]] = [[] for _ in range(n_clients)]
    for k in range(n_reads):
        u = rng.choice(users)
        roll = rng.random()
        if roll < 0.35:
            op = Op("answer", u, {"question": rng.choice(questions[u]), "question_date": "2023-06-01"})
        elif roll < 0.70:
            query = rng.choice(["where do I live", "my job", "concert class show workshop signing", "moved"])
            op = Op("search_memory", u, {"query": query, "question_date": "2023-06-01", "limit": 10})
        elif roll < 0.85:
            op = Op("get_history", u, {"subject": "user", "predicate": rng.choice(["lives_in", "works_at"])})
        elif roll < 0.93:
            op = Op("get_status", u, {})
        else:
            op = Op("list_users", None, {})
        reads[k % n_clients].append(op)
    clients = []
    for w, r in zip(per_client_writes, reads):
        # a random interleaving that keeps each list's own order (so each user's adds stay in order)
        slots = [0] * len(w) + [1] * len(r)
        rng.shuffle(slots)
        it_w, it_r = iter(w), iter(r)
        clients.append([next(it_w) if s == 0 else next(it_r) for s in slots])
    return Workload(clients, writes, sessions, questions)


def _session_ids_in(tool: str, data: dict[str, Any]) -> set[str]:
    """Every session id a result refers to (facts, turns, sessions)."""
    out: set[str] = set()
    facts = data.get("facts", []) + data.get("versions", []) + data.get("facts_added", [])
    for f in facts:
        out.add(f["session_id"])
        out.update(t["session_id"] for t in f.get("source_turns") or [])
    if isinstance(data.get("turns"), list):  # an add reports a turn count
        out.update(t["session_id"] for t in data["turns"])
    if tool == "add_messages":
        out.add(data["session_id"])
    out.update(data.get("session_ids", []))
    return out


@dataclass
class LoadReport:
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    latencies_ms: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    seconds: float = 0.0

    def summary(self) -> dict[str, Any]:
        per_tool = {}
        for tool, xs in sorted(self.latencies_ms.items()):
            per_tool[tool] = latency_summary(xs)
        return {"requests": self.requests, "errors": len(self.errors), "error_samples": self.errors[:5],
                "foreign_results": len(self.foreign), "seconds": round(self.seconds, 2),
                "throughput_rps": round(self.requests / self.seconds, 1) if self.seconds else None,
                "per_tool": per_tool}


async def run_load(workload: Workload, calls: list[Call], seed: int = 1) -> LoadReport:
    """Run each client's ops on its own :data:`Call` concurrently; check every result."""
    report = LoadReport()
    created: set[str] = set()
    rng = random.Random(seed)

    async def client(ops: list[Op], call: Call) -> None:
        for op in ops:
            tool, user, args = op.tool, op.user, dict(op.args)
            if tool != "add_messages" and user is not None and user not in created:
                # not written yet: ask about a user that exists (or for the user list)
                if not created:
                    tool, user, args = "list_users", None, {}
                else:
                    user = rng.choice(sorted(created))
                    if tool == "answer":
                        args["question"] = workload.questions[user][0]
            payload = args if user is None or tool == "add_messages" else {**args, "user_id": user}
            t0 = time.perf_counter()
            res: Result = await call(tool, payload)
            report.latencies_ms[tool].append((time.perf_counter() - t0) * 1000)
            report.requests += 1
            if not res.ok:
                report.errors.append(f"{tool}({user}): {res.error[:300]}")
                continue
            if tool == "add_messages":
                created.add(str(user))
            if user is not None:
                leaked = _session_ids_in(tool, res.data) - workload.sessions[user]
                if leaked:
                    report.foreign.append(f"{tool}({user}): {sorted(leaked)[:3]}")

    t0 = time.perf_counter()
    await asyncio.gather(*(client(ops, call) for ops, call in zip(workload.clients, calls)))
    report.seconds = time.perf_counter() - t0
    return report


async def snapshot(call: Call, workload: Workload) -> dict[str, Any]:
    """Per user: counts, both slots' histories and the answer to one of its questions."""
    out: dict[str, Any] = {}
    for user in sorted(workload.writes):
        status = (await call("get_status", {"user_id": user})).data["store"]
        item: dict[str, Any] = {"counts": {k: status[k] for k in ("users", "sessions", "turns", "entities",
                                                                   "facts", "supersessions")}}
        for pred in ("lives_in", "works_at"):
            h = (await call("get_history", {"user_id": user, "subject": "user", "predicate": pred})).data
            item[pred] = [(v["id"], v["value"], v["current"]) for v in h["versions"]]
            item[pred + "_edges"] = [(e["new_fact_id"], e["old_fact_id"]) for e in h["supersessions"]]
        # one of its questions (rotating: the three kinds are all asked across users)
        q = workload.questions[user][sum(map(ord, user)) % len(workload.questions[user])]
        a = (await call("answer", {"user_id": user, "question": q, "question_date": "2023-06-01"})).data
        item[q] = (a["answer"], a["kind"], a["fact_ids"])
        out[user] = item
    return out


def service_call(service: Any) -> Call:
    """The same verbs straight on a :class:`~kgmem.serve.service.MemoryService` (no server)."""
    from kgmem.serve.service import ServiceError

    methods: dict[str, Callable[..., Any]] = {
        "add_messages": service.add_messages, "search_memory": service.search_memory,
        "answer": service.answer, "get_history": service.get_history, "list_users": service.list_users,
        "delete_user": service.delete_user, "get_status": service.get_status}

    async def call(tool: str, args: dict[str, Any]) -> Result:
        try:
            return Result(True, methods[tool](**args).model_dump(mode="json"))
        except ServiceError as exc:
            return Result(False, error=f"{exc.code}: {exc.message}")

    return call


async def sequential(workload: Workload, call: Call) -> None:
    """Every user's adds, one after another."""
    for user in sorted(workload.writes):
        for body in workload.writes[user]:
            res = await call("add_messages", body)
            assert res.ok, res.error

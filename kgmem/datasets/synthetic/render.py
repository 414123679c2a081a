"""Session text: the committed prose corpus, the shared filler pool and personal sessions.

Assistant prose comes only from the committed corpus ``data/prose.jsonl.gz`` (CPython docs and
stdlib docstrings, PSF licence), so the bytes written never depend on what is installed.
"""

from __future__ import annotations

import gzip
import json
import random
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from kgmem.datasets.synthetic import templates as T
from kgmem.datasets.synthetic import vocab as V
from kgmem.datasets.synthetic.families import TABLE
from kgmem.datasets.synthetic.plan import PlantedFact, SlotPlan, hex_id, rng_for

CORPUS_PATH = Path(__file__).resolve().parent / "data" / "prose.jsonl.gz"
Scale = Literal["full", "short"]
Turn = dict[str, object]

# characters of text per session (≈ 4.2 chars per MiniLM token → ~2.3k tokens per full session)
_SESSION_CHARS = {"full": (8800, 2200, 3500, 15000), "short": (900, 250, 450, 1600)}
_ROUNDS = {"full": (3, 7), "short": (2, 3)}
_COMMON_STARTS: tuple[str, ...] = ("My ", "The ", "Just ", "Big ", "Side ", "Funny ", "Since ", "Now ", "New ", "Here ", "Living ",
                  "Being ", "Starting ", "Everyone ", "Going ", "Nothing ", "Honestly, ", "Please", "Because ",
                  "Growing ", "Back ", "At ", "On ", "With ", "Paying ", "Goodbye ", "No ", "Right ", "Oh, ",
                  "Got ", "Caught ", "Ended ", "Update ", "Ticked ", "Dropped ", "Polished ", "Turned ", "Sat ",
                  "Home ", "Greetings ", "Unpacked ", "Handed ", "Day ", "Work", "Getting ", "Picked ", "Behind ",
                  "Typing ", "Retired ", "Phone", "Sweating ", "Signed ", "Daily ", "Swapped ", "Housing ", "Lease ",
                  "Landlord ", "Target ", "Hoping ", "Reading ", "Scrapped ", "Shaved ", "Clocked ", "Pay", "Compensation ",
                  "Dinner ", "Childhood ", "Evenings ", "Trying ", "Anything ", "Hard ", "Steer ", "Heading ", "Fastest ",
                  "Our ", "Rent ", "Everything ", "Have ", "Should ", "Is ", "Can ", "Could ", "Any ", "What", "How ",
                  "Quick ", "When ", "Last ", "Today", "Yesterday", "This ", "Two ", "Three ", "Four ", "A ", "Thanks", "That ", "Hmm", "Okay", "Interesting", "Got it", "I'd ", "I'm ", "I've ")
# each family's own sentence starts are its row's ``starts`` in families.TABLE (none opens an earlier
# family's sentence or value, so adding a family changed no earlier output)
_COMMON_STARTS += tuple(start for fam in TABLE.values() for start in fam.starts)


@dataclass(frozen=True)
class Passage:
    title: str
    text: str


@lru_cache(maxsize=1)
def load_corpus(path: Path = CORPUS_PATH) -> tuple[Passage, ...]:
    """The committed prose corpus, in file order."""
    if not path.is_file():
        raise FileNotFoundError(f"prose corpus missing: {path} (rebuild with python -m kgmem.datasets.synthetic.build_corpus)")
    out: list[Passage] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                rec = json.loads(line)
                out.append(Passage(title=str(rec["t"]), text=str(rec["x"])))
            except (json.JSONDecodeError, KeyError) as exc:
                raise ValueError(f"{path}: line {n}: bad corpus record ({exc})") from exc
    return tuple(out)


def _topic_of(title: str) -> str:
    """'json.decoder.JSONDecoder' → 'JSONDecoder in json.decoder'; reference topics stay as words."""
    if "." in title:
        mod, _, name = title.rpartition(".")
        return f"{name} in {mod}"
    return title.replace("-", " ").replace("_", " ") + " in Python"


def soften(fact: str) -> str:
    """Lower-case a sentence start when it is a common word, to embed it mid-sentence."""
    if fact.startswith(_COMMON_STARTS) and not fact.startswith(("I'd ", "I'm ", "I've ")):
        return fact[:1].lower() + fact[1:]
    return fact


class ProseWriter:
    """Draws assistant answers from runs of consecutive corpus passages (coherent-ish text)."""

    def __init__(self) -> None:
        self.corpus = load_corpus()

    def answer(self, r: random.Random, chars: int, topic: str) -> str:
        paras: list[str] = [r.choice(T.ASSISTANT_LEADS).format(t=topic)]
        size = len(paras[0])
        i = r.randrange(len(self.corpus))
        while size < chars:
            if r.random() < 0.2:  # jump elsewhere now and then, like a new sub-topic
                i = r.randrange(len(self.corpus))
            text = self.corpus[i % len(self.corpus)].text
            paras.append(text)
            size += len(text) + 2
            i += 1
        return "\n\n".join(paras)

    def code_topic(self, r: random.Random) -> str:
        return _topic_of(r.choice(self.corpus).title)


def _budget(r: random.Random, scale: Scale) -> int:
    mean, sd, lo, hi = _SESSION_CHARS[scale]
    return int(min(hi, max(lo, r.gauss(mean, sd))))


def user_request(r: random.Random, prose: ProseWriter, kind: str) -> tuple[str, str]:
    """A task-oriented user request and its topic phrase."""
    if kind == "code":
        topic = prose.code_topic(r)
        return r.choice(T.CODE_REQUESTS).format(x=topic), topic
    roll = r.random()
    if roll < 0.2:
        c = r.choice(V.CITIES)
        return r.choice(T.CITY_REQUESTS).format(c=c), c
    if roll < 0.35:
        b, d, (p, _) = r.choice(V.BOOKS), r.choice(V.DISHES), r.choice(V.PURCHASES)
        req = r.choice(T.ITEM_REQUESTS).format(b=b, d=d, p=p)
        return req, "your question"
    t = r.choice(V.TASK_TOPICS)
    return r.choice(T.REQUEST_FRAMES).format(t=t), f"how to {t}"


def _rounds(r: random.Random, prose: ProseWriter, n: int, chars: int, kind: str) -> list[Turn]:
    turns: list[Turn] = []
    per = max(200, chars // n)
    req, topic = user_request(r, prose, kind)
    for k in range(n):
        if k:  # a follow-up keeps the topic; a new request brings its own
            if r.random() < 0.5:
                req = r.choice(T.FOLLOW_UPS)
            else:
                req, topic = user_request(r, prose, kind)
        turns.append({"role": "user", "content": req})
        turns.append({"role": "assistant", "content": prose.answer(r, int(per * r.uniform(0.6, 1.4)), topic)})
    return turns


def filler_pool(seed: int, size: int, scale: Scale, prose: ProseWriter) -> list[tuple[str, list[Turn]]]:
    """The shared pool of off-topic sessions (ShareGPT-like coding help, UltraChat-like tasks)."""
    pool: list[tuple[str, list[Turn]]] = []
    for i in range(size):
        r = rng_for(seed, "filler", i)
        code = r.random() < 0.45
        sid = (f"sharegpt_{hex_id(seed, 'fid', i, n=7)}_{r.randint(0, 3)}" if code
               else f"ultrachat_{hex_id(seed, 'fid', i, n=6)}")
        lo, hi = _ROUNDS[scale]
        pool.append((sid, _rounds(r, prose, r.randint(max(1, lo - 1), hi), _budget(r, scale), "code" if code else "life")))
    return pool


def personal_session(r: random.Random, prose: ProseWriter, sp: SlotPlan, scale: Scale) -> list[Turn]:
    """A task-oriented chat carrying the slot's facts in passing; sets turn indices on the facts.

    Evidence turns (user turns holding planted evidence facts, or the assistant turn holding a
    recommendation) carry ``has_answer: true``.
    """
    lo, hi = _ROUNDS[scale]
    user_facts = [f for f in sp.facts if f.role == "user"]
    seen: dict[str, list[PlantedFact]] = {}
    for f in user_facts:  # facts sharing one sentence (bought + spent) stay together
        seen.setdefault(f.text, []).append(f)
    # (sentence, facts it plants); distractor sentences plant nothing
    items: list[tuple[str, list[PlantedFact]]] = [(text, fs) for text, fs in seen.items()] + [(s, []) for s in sp.sentences]
    n_rounds = max(r.randint(lo, hi), len(items) + (1 if sp.assistant else 0))
    turns = _rounds(r, prose, n_rounds, _budget(r, scale), "life")
    rounds = list(range(n_rounds))
    r.shuffle(rounds)
    if sp.assistant:
        k = rounds.pop()
        request, said = sp.assistant
        turns[2 * k]["content"] = request
        turns[2 * k + 1]["content"] = said + "\n\n" + prose.answer(r, 600 if scale == "full" else 150, request)
        for f in sp.facts:
            if f.role == "assistant":
                f.turn_index = 2 * k + 1
        if sp.kind == "evidence":
            turns[2 * k + 1]["has_answer"] = True
    if len(items) > len(rounds):
        raise ValueError(f"slot {sp.slot}: {len(items)} sentences do not fit in {n_rounds} rounds")
    for (text, facts), k in zip(items, rounds, strict=False):
        base = str(turns[2 * k]["content"])
        frame = r.choice(T.COMBINE)
        turns[2 * k]["content"] = frame.format(r=base, rl=soften(base), f=text, fl=soften(text))
        for f in facts:
            f.turn_index = 2 * k
            f.text = soften(text) if "{fl}" in frame else text  # the words exactly as they appear
        if facts and sp.kind == "evidence":
            turns[2 * k]["has_answer"] = True
    return turns

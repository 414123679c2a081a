"""Values that no longer hold: a habit or state the user says has stopped.

"My dad used to take Mia to ballet, but he can't since his knee op" names who took Mia, not who
takes her now; "havent set foot in iron paddock since june" says Iron Paddock is no gym of the
user's now. A value told in such a clause answers a question about the past, never one asked in
the present: the answer paths then read another line (a newer value) or cite the line as what it
is. The phrases are data (``kgmem/resources/intents/stopped.json``); a sentence is cut into clauses
where it turns ("…, but he can't …", "…; now …") and a clause is stale when it tells a past habit
("used to", not "I'm used to") or says it stopped, or when the clause after it says so.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

from kgmem.lexicon import called_off
from kgmem.models import Intent, QueryPlan

#: where a sentence turns: "but", "though", "whereas", a semicolon, a dash, or a comma before a new
#: subject or a "now"/"not" ("My mum takes her now, dad can't any more"; "I work at Acme, not Globex")
_TURN = re.compile(r"\s*(?:,\s*)?\b(?:but|though|although|whereas|except)\b\s*|\s*;\s*|\s+[-–—]\s+|"
                   r",\s*(?=(?:now|nowadays|not|no\s+longer|these\s+days|I|I'm|I've|he|she|they|we|my|our|haven't|havent|hasn't|"
                   r"don't|dont|didn't|can't|cant)\b|"
                   r"\w+\s+(?:can't|cannot|couldn't|doesn't|won't|no\s+longer)\b)", re.I)
#: words asking for what used to hold
_BEFORE = re.compile(r"\b(?:used\s+to|use\s+to|previously|formerly|before\s+(?:that|then|now))\b", re.I)
#: a clause telling how things are now
_NOW = re.compile(r"\b(?:now|nowadays|these\s+days|currently|at\s+the\s+moment)\b", re.I)
#: a clause opening with a bare stop ("not anymore since he moved")
_BARE_STOP = re.compile(r"(?:not\s+any\s*more|no\s+longer|not\s+since|never\s+again)\b", re.I)
#: a clause that goes on about the same doer or thing
_SAME_DOER = re.compile(r"(?:he|she|they|it|that|this|which|we|I)\b|(?:he|she|they|it|that)['’]", re.I)
#: a question asked of the past ("who took …", "what was …", "used to") wants the value of then
_PAST_QUESTION = re.compile(r"\b(?:was|were|did|had|used\s+to|use\s+to|before|previously|formerly|ago|last|"
                            r"\w{3,}ed)\b", re.I)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    path = resources.files("kgmem").joinpath("resources", "intents", "stopped.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    words = {"stop_verbs": called_off.alternation(tuple(f for p in called_off.predicates("stop")
                                                        for f in called_off.forms(p, base=False))),
             "stop_phrases": called_off.alternation(called_off.surface("stop", base=False))}

    def fill(pattern: str) -> str:
        for name, alt in words.items():
            pattern = pattern.replace("{" + name + "}", alt)
        return pattern
    return {k: re.compile("|".join(f"(?:{fill(p)})" for p in data[k]), re.I) for k in ("habit", "be_used", "stop")}


def clauses(sentence: str) -> list[str]:
    """The sentence cut where it turns ("I used to lift at Iron Paddock but now I swim")."""
    return [c for c in _TURN.split(sentence) if c and c.strip()]


def _habit(clause: str) -> bool:
    pats = _patterns()
    return bool(pats["habit"].search(clause)) and not pats["be_used"].search(clause)


def _stop(clause: str) -> bool:
    return bool(_patterns()["stop"].search(clause))


def stale_clause(sentence: str, k: int) -> bool:
    """Whether clause ``k`` of the sentence tells what no longer holds."""
    parts = clauses(sentence)
    if not 0 <= k < len(parts):
        return False
    if _habit(parts[k]) or _stop(parts[k]):
        return True
    # "…, but he can't since his knee op": a stop right after carries back when it speaks of the same
    # doer or thing (a pronoun, or a bare "not any more"); a clause saying "now" is current, and a stop
    # that names its own thing stops that ("I work at Acme, not at Globex any more")
    if k + 1 >= len(parts) or _NOW.search(parts[k]):
        return False
    nxt = parts[k + 1].strip()
    same = bool(_SAME_DOER.match(nxt) or _BARE_STOP.match(nxt)) or len(nxt.split()) <= 3
    return same and _stop(nxt) and not _habit(nxt)


def stale(sentence: str, value: str | None = None) -> bool:
    """Whether the sentence tells ``value`` (or, without one, its whole content) as no longer
    holding. A value the sentence does not contain is judged by the sentence's first clause."""
    parts = clauses(sentence)
    if value:
        key = re.sub(r"^your\s+", "my ", value.strip(), flags=re.I).lower()
        for k, part in enumerate(parts):
            if key and key in part.lower():
                return stale_clause(sentence, k)
    return stale_clause(sentence, 0) if len(parts) == 1 or not value else False


def asks_now(plan: QueryPlan) -> bool:
    """A question about how things are now ("who takes Mia to ballet", "where do I live"), not
    about a previous value or a past event."""
    return plan.intent != Intent.HISTORY and not _PAST_QUESTION.search(plan.question)


def asks_before(plan: QueryPlan) -> bool:
    """A question about what used to hold ("who used to walk Pepper", "where did I work before")."""
    return plan.intent == Intent.HISTORY or bool(_BEFORE.search(plan.question))


def current(plan: QueryPlan, sentence: str, values: list[str]) -> list[str]:
    """The values that still hold for the question: all of them for a question about the past;
    for one about now, those the sentence does not tell as stopped."""
    if not values or not asks_now(plan):
        return values
    return [v for v in values if not stale(sentence, v)]

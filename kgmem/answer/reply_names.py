"""A name the user gave in reply to the assistant asking for it.

"picked up the cat from the rescue this morning!!" — "Congratulations! What's her name?" —
"biscuit. the rescue named her, we kept it". The name is the opening word of the user's next
turn, written in any case; neither a parser (a lower-case "biscuit" is no entity) nor a pattern
("named X") finds it. It is read from the conversation's shape: the assistant's turn right before
asks for a name, and the user's turn opens with a short phrase that is no word of grammar or
chat ("not sure yet", "haha", "she's shy" are no names).
"""

from __future__ import annotations

import re

from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.lexicon.discourse import opener_words
from kgmem.models import Turn
from kgmem.text import FUNCTION_WORDS

#: an assistant's turn asking what someone or something is called
_ASKS_NAME = re.compile(
    r"\bwhat(?:'s|\s+is|\s+was|\s+are)\s+(?:her|his|their|its|your\s+\w+'?s|the\s+\w+'?s)\s+names?\b|"
    r"\bwhat\s+(?:did|do|will|are)\s+(?:you|they)\s+(?:going\s+to\s+)?(?:call|name)\b|"
    r"\bwhat(?:'s|\s+is)\s+(?:she|he|it|they)\s+called\b|\bhave\s+you\s+(?:picked|chosen|got)\s+a\s+name\b", re.I)
#: the reply's opening: one or two words, then a stop (". , ! -" or the turn's end)
_OPENING = re.compile(r"^\W*(?P<n>[A-Za-zÀ-ÿ][\w'-]*(?:\s+[A-Za-zÀ-ÿ][\w'-]*)?)\s*(?:[.,!;:—–-]|$)")
#: words no name is: grammar, chat openers, yes/no and the like
_NOT_A_NAME = FUNCTION_WORDS | frozenset(opener_words()) | frozenset(
    "yes yeah yep no nope nah not haha lol omg oh well hmm um still dunno idk undecided unsure none".split())


def reply_name(ev: EvidenceSet, line: Line) -> tuple[str, Line] | None:
    """The name the user gave right after ``line``'s turn when the assistant asked for one:
    ``(name, the reply's first line)``, else ``None``."""
    by_id = {t.id: t for t in ev.result.all_turns() if t.session_id == line.session_id}
    turn = by_id.get(line.turn_id)
    if turn is None:
        return None
    asked: Turn | None = by_id.get(f"{turn.session_id}:{turn.idx + 1}")
    reply = by_id.get(f"{turn.session_id}:{turn.idx + 2}")
    if asked is None or reply is None or asked.role != "assistant" or reply.role != "user":
        return None
    if not _ASKS_NAME.search(asked.text):
        return None
    m = _OPENING.match(reply.text)
    if m is None or any(w.lower() in _NOT_A_NAME for w in m.group("n").split()):
        return None
    first = next(iter(ev.turn_lines(reply.id)), None)
    if first is None:
        return None
    name = " ".join(w[:1].upper() + w[1:] for w in m.group("n").split())
    return name, first


def name_from_replies(ev: EvidenceSet, lines: list[Line | None]) -> tuple[str, Line] | None:
    """A name question ("what's the cat called again") answered by the name the user gave when the
    assistant asked, right after one of ``lines`` (the lines a hedge would quote, best first) that
    speaks of what the question names ("picked up the cat …")."""
    plan = ev.result.plan
    if plan.answer_type != "person":
        return None
    need = {w.lower() for w in plan.focus} | {w.lower() for n in plan.named for w in n.split()}
    for line in dict.fromkeys(ln for ln in lines if ln is not None and ln.role == "user"):
        if need and not need & set(re.findall(r"[a-z]+", line.text.lower())):
            continue
        found = reply_name(ev, line)
        if found is not None:
            return found
    return None

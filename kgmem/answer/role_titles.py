"""A job title a user's line states in passing, where extraction may have missed it: told with a verb of
taking a role ("promoted to head chef", "I'm now a staff nurse"), or by the work thing that bears it ("my email
signature says head of sales now", "new business cards with marketing lead printed under my name", "the lanyard
reads senior pharmacist")."""

from __future__ import annotations

import re

ROLE = re.compile(r"\b(?:moved\s+into|stepped\s+into|took\s+on|promoted\s+to|started\s+as|now\s+working\s+as|"
                  r"hired\s+as|new\s+(?:role|job|position)\s+as|I'm\s+now|I\s+am\s+now)\s+(?:a|an|the)?\s*"
                  r"(?P<v>(?:[a-z-]+\s+){0,3}?[a-z-]+?)(?:\s+(?:role|position|job|title)\b|(?=\s*[,.;!]|\s+(?:at|for|in|this|last|and)\b))",
                  re.I)

#: the work things that bear the holder's title (not any card or profile: "the card says happy birthday")
_BEARERS = (r"(?:email\s+)?signature|business\s+cards?|work\s+(?:badge|lanyard|id)|(?:name\s+)?badge|lanyard|"
            r"name\s*plate|door\s+sign|(?:linkedin\s+)?headline|job\s+title|contract|offer\s+letter")
#: the bearer, then the title it shows ("… signature …, it says X now", "cards … with X printed …", "badge reads X")
_BORNE = re.compile(rf"\b(?:{_BEARERS})\b[^.;!?]{{0,40}}?\b(?:says|reads|said|shows|with)\s+(?:(?:a|an|the)\s+)?"
                    r"(?P<v>(?:[a-z-]+\s+){0,3}?[a-z-]+?)"
                    r"(?=\s+(?:now|printed|on|under|across|at|for)\b|\s*[,.;!]|\s*$)", re.I)
#: words a match may stop on that are no title
_NOT_TITLES = frozenset({"new", "the", "a", "an", "here", "there", "back", "it", "that", "this", "me", "my"})


def title_in(text: str) -> str | None:
    """The job title the line states, by a verb of taking a role or by the work thing bearing it, else ``None``."""
    m = ROLE.search(text)
    if m is None:
        m = _BORNE.search(text)
        # a bearer "with" a thing is only a title printed on it ("cards with X printed"), not "badge with my photo"
        if m is not None and re.search(r"\bwith\s", m.group(0), re.I) and not re.match(r"\s+printed\b", text[m.end():]):
            m = None
    if m is None or m.group("v").lower() in _NOT_TITLES or m.group("v").split()[0].lower() in _NOT_TITLES:
        return None
    return m.group("v")

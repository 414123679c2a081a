"""Who another person is going out with or married to (issue #13 item 7: a friend's partner).

People tell of their friends' and relatives' partners in a few shapes of language, whatever the names:

- the partner named as someone's boyfriend, girlfriend, partner, husband, wife or fiancé(e):
  "Yusuf's girlfriend is called Selin", "Lena and her boyfriend Marco", "met my brother's girlfriend
  Maja", "her new boyfriend is a drummer called Felix";
- someone who has a partner: "Yusuf has a new girlfriend, her name is Dilnoza";
- a verb of going out with someone: "Rhys is going out with a girl called Anouk", "my brother's
  seeing someone called Leonie", "she's engaged to a man called Emil", "Uncle Rob is married to Brenda",
  "she's with someone called Anwar now" ("with" alone only with "called"/"named" or "now").

The fact is (that person, ``partner_name``, the partner's name): single-valued, so a later partner
supersedes the earlier one however either was told. "She"/"he"/"her"/"his" is the person the sentence
named first ("Ines and Olly broke up, she's dating someone named Bram now": Ines, whom people name
first when they tell of a friend's couple), else the last person the turn named. Never the user's own
partner ("my boyfriend Tom" is the user's kin fact), nothing negated, asked, wished or supposed.
"""

from __future__ import annotations

import re
from datetime import datetime

from kgmem.extraction.entity_text import statement
from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.entity_refs import TurnContext
from kgmem.extraction.zero.sentences import Sentence
from kgmem.lexicon import people
from kgmem.lexicon.people import USER_POSSESSIVES, USER_SUBJECTS

_NAME = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
#: the nouns people are known by to the user ("my friend Ines", "my cousin", "my boss"): kgmem.lexicon.people's kin
#: and social words, longest first
_KIN = r"(?:best\s+)?(?:" + "|".join(re.escape(w) for w in sorted(people.words("kin", "social"), key=len, reverse=True)) + ")"
_TITLE = r"(?:Uncle|Aunt|Auntie|Cousin|Grandad|Grandma|Nan)"
#: the person whose partner it is: a name (after "my friend", "Uncle"…), "my <kin>", or he/she
_OWNER = (rf"(?P<owner>(?:(?:[Mm]y|[Oo]ur)\s+{_KIN}\s+)?(?:{_TITLE}\s+)?{_NAME}|(?:[Mm]y|[Oo]ur)\s+{_KIN}"
          r"|\b(?:[Ss]he|[Hh]e|[Hh]er|[Hh]is))")
_PARTNER = r"(?:new\s+)?(?:boyfriend|girlfriend|partner|husband|wife|fianc[ée]e?|other\s+half)"
#: "a guy called", "someone named", "a drummer called": the words before a partner's name
_SOMEONE = r"(?:(?:a|an|this|some)\s+(?:[a-z]+\s+){1,2}?|someone\s+|somebody\s+)(?:called|named)\s+"
_PARTNER_NAME = rf"(?P<name>{_NAME})(?![\w'])"
_POSSESSED = re.compile(rf"{_OWNER}(?:'s|’s)\s+{_PARTNER}\s*,?\s+(?:is\s+(?:now\s+)?)?(?:(?:called|named)\s+|{_SOMEONE})?"
                        rf"{_PARTNER_NAME}")
_HIS_HER = re.compile(rf"\b(?P<owner>[Hh]is|[Hh]er)\s+{_PARTNER}\s*,?\s+(?:is\s+(?:now\s+)?)?(?:(?:called|named)\s+|{_SOMEONE})?"
                      rf"{_PARTNER_NAME}")
_COUPLE = re.compile(rf"{_OWNER}(?:\s+[a-z]+){{0,3}}\s+and\s+(?:his|her|their)\s+{_PARTNER}\s*,?\s+{_PARTNER_NAME}")
_GOING_OUT = (r"(?:seeing|dating|going\s+out\s+with|engaged\s+to|married\s+to|(?:back\s+)?together\s+with|"
              r"in\s+a\s+relationship\s+with)")
_VERB = re.compile(rf"{_OWNER}\s*(?:'s|’s|\s+is|\s+has\s+been|'s\s+been|\s+got|'s\s+got|\s+started|\s+has\s+started|"
                   rf"\s+is\s+now|'s\s+now)\s+(?:now\s+|also\s+|finally\s+)?{_GOING_OUT}\s+(?:{_SOMEONE})?{_PARTNER_NAME}")
#: "Yusuf has a new girlfriend, her name is Dilnoza", "Kasia's got a boyfriend called Tom"
_HAS = re.compile(rf"{_OWNER}\s*(?:\s+has|\s+has\s+got|'s\s+got|\s+got)\s+(?:a|an)\s+{_PARTNER}\s*,?\s+(?:(?:called|named)\s+"
                  rf"|(?:her|his|their)\s+name\s+is\s+)?{_PARTNER_NAME}")
#: "with" alone says a partner only with "called"/"named" or "now" ("she's with Femi now", not "she's with Sam")
_WITH = re.compile(rf"{_OWNER}\s*(?:'s|’s|\s+is)\s+(?:now\s+)?with\s+(?P<someone>{_SOMEONE})?{_PARTNER_NAME}(?P<now>\s+now\b)?")
#: words before the verb that make it no statement ("isn't seeing", "if she's dating", "wants to date")
_NOT_SO = re.compile(r"\b(?:not|n't|never|no\s+longer|if|whether|might|may|maybe|would|could|should|wants?|hope|wish|"
                     r"think|reckon|wonder|suppose|pretend)\b", re.IGNORECASE)
_PRONOUNS = frozenset({"she", "he", "her", "his"})
#: names that open a sentence without being anyone's ("Met my brother's girlfriend", "Finally…")
_SUBJECT_NEXT = re.compile(r"(?:\s+and\b|'s\b|’s\b|\s+(?:is|was|has|had)\b|\s+[a-z]+(?:ed|s)\b)")
_FIRST_NAME = re.compile(rf"(?:(?:[Mm]y|[Oo]ur)\s+{_KIN}\s+)?(?:{_TITLE}\s+)?({_NAME})|(?:[Mm]y|[Oo]ur)\s+({_KIN})")


def _owner_name(raw: str) -> str:
    """"My friend Ines" → "Ines", "Uncle Rob" → "Rob", "my brother" → "brother"."""
    words = raw.split()
    if words[0].lower() in USER_POSSESSIVES:
        words = words[1:]
        if words and words[0].lower() == "best":
            words = words[1:]
        if len(words) > 1:
            words = words[1:]
    if len(words) > 1 and re.fullmatch(_TITLE, words[0]):
        words = words[1:]
    return " ".join(words)


def _first_person(text: str, before: int, context: TurnContext) -> str | None:
    """Whom "she"/"he" at ``before`` refers to: the first person the sentence named before it, else
    the turn's last person. A capitalised first word is a name only as a subject ("Hana dumped…",
    "Petra's…", "Ines and Olly…"), not "Finally, she's…"."""
    for m in _FIRST_NAME.finditer(text[:before]):
        if m.group(1) and m.start() == 0 and m.group(0) == m.group(1) and not _SUBJECT_NEXT.match(text, m.end()):
            continue
        return _owner_name(m.group(0))
    return context.last_person


def partner_facts(sent: Sentence, date: datetime, context: TurnContext) -> list[CandidateFact]:
    """The partners the sentence tells of (see the module docstring)."""
    if sent.question:
        return []
    text = sent.text
    out: list[CandidateFact] = []
    seen: set[str] = set()
    for rx in (_POSSESSED, _HIS_HER, _COUPLE, _VERB, _HAS, _WITH):
        for m in rx.finditer(text):
            if _NOT_SO.search(text[max(0, m.start() - 25): m.start("name")]) \
                    or rx is _WITH and not (m.group("someone") or m.group("now")):
                continue
            raw = m.group("owner")
            owner = _first_person(text, m.start(), context) if raw.lower() in _PRONOUNS else _owner_name(raw)
            name = m.group("name")
            if not owner or owner.casefold() in seen or owner.casefold() == name.casefold() \
                    or owner.lower() in USER_POSSESSIVES | USER_SUBJECTS:
                continue
            seen.add(owner.casefold())
            out.append(CandidateFact(
                subject=owner, subject_type="person", predicate="partner_name", value=name, value_type="person",
                text=f"{statement(owner, 'partner_name', name)} ({text})"[:300],
                valid_from=datetime(date.year, date.month, date.day), granularity="day",
                speaker="user", source_turns=[sent.turn], confidence=0.6))
    return out


__all__ = ["partner_facts"]

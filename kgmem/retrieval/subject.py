"""Whom a question is about when it is not the user: a named person or a relative as the subject
or possessor ("What does Tariq drive?", "Is Jonah seeing anyone?", "Where does my sister live?")."""

from __future__ import annotations

import re

from kgmem.retrieval.question import RELATIONS

_REL = "|".join(RELATIONS)
_SUBJECT_REL = re.compile(
    rf"\bmy\s+((?:best\s+|older\s+|younger\s+|little\s+|big\s+)?(?:{_REL}))(?:\s+(?P<name>(?-i:[A-Z])[\w'-]+))?"
    rf"(?:\s+(?!name\b|called\b|named\b)(?:live|lives|living|based|work|works|working|drive|drives|keeps|keep|"
    rf"come|comes|moved|move|go|goes|study|studies|do|does|have|has|own|owns|still|now|currently|"
    rf"(?:in|at|from|based)(?=\s*\??\s*$)|"
    rf"(?!\w+ing\s+(?:name|called)\b)[a-z]+ing)\b|['’]s\s+(?!name\b)"
    rf"(?:city|car|job|house|home|place|town|hometown|phone|gym|work|employer|pet|dog|cat)\b)", re.I)
#: a relation after an inverted auxiliary is the clause's subject whatever its verb ("which school
#: does my husband *teach* at", "where does my fiancé *cook*"): the grammar says who does it
_INVERTED_REL = re.compile(
    rf"\b(?:does|did|do|will|would|can|could)\s+my\s+((?:best\s+|older\s+|younger\s+|little\s+|big\s+)?(?:{_REL}))"
    rf"(?:\s+(?P<name>(?-i:[A-Z])[\w'-]+))?\s+(?!name\b|called\b|named\b)[a-z]+\b", re.I)
_SUBJECT_NAME = re.compile(
    r"\b(?:[Dd]oes|[Dd]id|[Ii]s|[Ww]as|[Hh]as)\s+([A-Z][\w'-]+)\s+(?:still\s+|now\s+|currently\s+)?(?:[a-z]+ing\b|live|based|work|drive|come|from|originally|"
    r"single|married|engaged|dating|"
    r"have|own|do|go|pay|paying|earn|earning|spend|spending|rent|use|using|study|studying)\b|\b([A-Z][\w-]+)['’]s\s+(?!name\b)(?=\w)|\bis\s+([A-Z][\w'-]+)['’]s\b|"
    r"\b([A-Z][\w'-]+)\s+(?:lives|works|drives|comes|is\s+from|was\s+from|has|owns|pays|paid|earns|spends|rents|uses|is\s+paying)\b", re.M)


_BARE_KIN = re.compile(r"\b(?:does|did|is|was|has)\s+(mum|mom|dad|mother|father|grandma|grandpa|nan|nana|granny)\s+"
                       r"(?!name\b|called\b)[a-z]+", re.I)


def question_subject(q: str, named: list[str]) -> str | None:
    """Whom a question is about when not the user: a named person as the subject or possessor
    ("What does Tariq drive?", "Orla's hometown?"), or a relative doing something ("Where does
    my sister live?"). "What is my sister's name?" is about the user (the name of their sister)."""
    m = _SUBJECT_REL.search(q) or _INVERTED_REL.search(q)
    if m:  # "my mate Jonah": the name; "my sister": the relation
        return m.group("name") or m.group(1).split()[-1].lower()
    m = _BARE_KIN.search(q)
    if m:  # "what does dad eat": a parent called by the kinship word
        return m.group(1).lower()
    cap = re.sub(r"^(\W*)([a-z])", lambda mm: mm.group(1) + mm.group(2).upper(), q)  # "orla's" at the start
    for m in _SUBJECT_NAME.finditer(cap):  # "What's Liam's rent?": not "What", then "Liam"
        name = next(g for g in m.groups() if g)
        if name.lower() not in ("i", "my", "what", "which", "where", "who", "when", "how", "it", "that", "this"):
            return name
    return None

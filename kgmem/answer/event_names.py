"""Names in event matching: the capitalised words of an event phrase, whether a line names the
subject of someone else's doing, and whether a word the line shares with the phrase sits inside a
name ("a road bike" is not "the Silk Road"; a run of capitals is shouting, not a name)."""

from __future__ import annotations

import re

from kgmem.answer.match import GENERIC, contains_name, expand, norm, terms
from kgmem.answer.presence import one_edit
from kgmem.nlp import load_nlp
from kgmem.text import tokenize


def phrase_names(phrase: str) -> list[str]:
    """Capitalised words of a phrase (places, titles, names): strong anchors."""
    words = [w.strip(",.?!'\"’") for w in phrase.split()]
    return [w for i, w in enumerate(words) if w[:1].isupper() and w not in ("I", "I'm", "I've")
            and terms(w) and (i > 0 or w.lower() not in ("the", "my", "our", "on", "when", "what", "which"))]


_SUBJECT = re.compile(r"^\W*(?:my|our)\s+((?:[\w'-]+\s+){0,2}?[\w'-]+?)\s+(?:just|also|finally|has|had|is|was|were|are|"
                      r"went|got|flew|came|started|finished|left|moved|arrived)\b|^\W*([A-Z][a-z]+)\b", re.I)


def names_subject(text: str, names: list[str], core: set[str], nouns: set[str] | None = None, *,
                  own_deed: bool = False) -> bool:
    """Someone else's line counts when the question names its subject ("my parents went home",
    "Matteo left"); a name further on is where they went, not who ("my friend Mikael just got back
    from Oslo" is no mention of "my trip to Oslo"), and the activity's verb in the opening words is
    what they did, not who did it ("My daughter ran the Bath half" is no mention of "run the Bath
    half": ``nouns``, the activity's nouns by the tagger, name the doer when given; ``own_deed``: the activity is the
    user's own doing, told with no subject of its own)."""
    lead4 = " ".join(re.findall(r"[\w'-]+", text)[:4])
    if names and any(contains_name(n, lead4) for n in names):
        return True  # the named one is who the line is about ("Matteo left …"), not a place they went
    if names and any(re.search(rf"\b{re.escape(n)}['’]s?\b", text) for n in names):
        return True  # whose the doing's thing is ("The vet took three of Biscuit's teeth out")
    m = _SUBJECT.match(text)
    if m and m.group(1) and terms(m.group(1)) & core:
        # "My husband's cast came off" is his cast, not the asked "my cast" (nor "my neighbour's boiler" mine): an owner
        # the question does not name
        owner = re.match(r"((?:[\w-]+\s+){0,3}?[\w-]+)['’]s\b", m.group(1))  # "sister Emma's": the sister's
        return owner is None or bool(terms(owner.group(1)) & core)
    lead = terms(" ".join(re.findall(r"[\w'-]+", text)[:3]))  # "Mum and Dad went home" for "my parents"
    hit = (lead | expand(lead)) & (nouns or core)
    owner = re.match(r"^\W*((?:[\w-]+\s+){0,3}?[\w-]+)['’]s\b", text)  # the opening words that own the thing
    if hit and owner and not terms(owner.group(1)) & core:
        return False  # "My neighbour's boiler broke down" is the neighbour's, not the asked "my boiler" ("My sister
        # Emma's wedding" is the asked "my sister's wedding")
    if hit and not nouns and own_deed:
        # a deed of the user's own with no noun to name a doer by ("did I move out"): "My tenant moved out" opens with
        # the doing, not with whom ("it being accepted" is someone else's doing: "THEY ACCEPTED OUR OFFER" tells it)
        return not hit <= _opening_verbs(text)
    return bool(hit)


#: an activity told with a doer of its own or in the passive ("it being accepted", "the boiler fixed", "Biscuit got her
#: stitches out")
_OWN_DOER = re.compile(r"^\W*(?:(?i:it|they|he|she|his|her|their|its|the|a|an)\b|(?!I\b)[A-Z])|"
                       r"\b(?i:being|been|was|were|got|get|gets|had|has)\b")


def bare_deed(activity: str) -> bool:
    """The user's own doing told with no subject of its own ("move out", "cancel my order")."""
    return not _OWN_DOER.search(activity)


def _opening_verbs(text: str) -> set[str]:
    """The terms of the verbs among a line's first words, by the tagger."""
    doc = load_nlp()(" ".join(re.findall(r"[\w'-]+", text)[:6]))
    return terms(" ".join(t.text for t in doc[:4] if t.pos_ in ("VERB", "AUX")))


def names_head(activity: str, text: str) -> bool:
    """False when the words the text shares with the activity occur in it only inside a name the
    activity writes in lower case ("a road bike" / "the history of the Silk Road")."""
    core = {norm(w) for w in tokenize(" ".join(re.findall(r"\b[a-z][\w'-]*", activity)))} - GENERIC
    shared = [m for m in re.finditer(r"\b[\w'-]+", text) if norm(m.group(0).lower()) in core]
    if not shared:
        return True  # found by meaning
    return not all(m.group(0)[0].isupper() and m.start() > 0 and not re.search(r"[.!?:]\s*$", text[:m.start()])
                   and _in_name(text, m) for m in shared)


def _in_name(text: str, m: re.Match[str]) -> bool:
    """The word is part of a capitalised run of two or more words ("Silk Road"); a run of words
    in capitals is shouting, not a name ("LAST GCSE EVER today")."""
    before = re.search(r"\b([A-Z][\w'-]*)\s+$", text[:m.start()])
    after = re.match(r"\s+([A-Z][\w'-]*)", text[m.end():])
    shout = m.group(0).isupper()
    return any(n is not None and not (shout and n.group(1).isupper() and len(n.group(1)) > 1) for n in (before, after))


def typo_words(phrase: str, known: frozenset[str], min_len: int = 4, keep: set[str] | None = None) -> dict[str, str]:
    """The words of a phrase no dictionary knows, long enough to be a misspelling of one
    ("Manadrin", "Libson"): raw form → comparison form (only forms in ``keep``, when given)."""
    return {t: norm(t) for t in tokenize(phrase) if len(t) >= min_len and t.isalpha() and t not in known
            and (keep is None or norm(t) in keep)}


def typo_hits(typos: dict[str, str], text: str) -> set[str]:
    """The comparison forms of the misspelt words that a text spells one edit away (same first
    letter: "manadrin" in "my Mandarin course")."""
    toks = set(tokenize(text))
    return {form for raw, form in typos.items()
            if any(t[:1] == raw[:1] and t != raw and len(t) >= 4 and one_edit(raw, t) for t in toks)}


def line_spellings(phrase: str, keep: set[str], known: frozenset[str], text: str) -> set[str]:
    """The comparison forms of the phrase's words (those in ``keep``: no line has them) that a line writes another
    way: a compound spelt apart ("the food bank" for "foodbank", "had my hair cut" for "haircut") or the line's own
    misspelling, a word no dictionary knows one edit away ("volunterring" for "volunteering")."""
    asked = {t: norm(t) for t in tokenize(phrase) if len(t) >= 5 and t.isalpha() and norm(t) in keep}
    if not asked:
        return set()
    toks = [t.lower() for t in re.findall(r"[A-Za-z]+", text)]
    pairs = {a + b for a, b in zip(toks, toks[1:]) if len(a) >= 3 and len(b) >= 3}
    odd = {t for t in toks if len(t) >= 5 and t not in known}
    return {form for raw, form in asked.items()
            if raw in pairs or any(t[:1] == raw[:1] and one_edit(raw, t) for t in odd)}


def told_names(phrase: str, texts: list[str], typos: dict[str, str] | None = None) -> list[str]:
    """Words a phrase writes in lower case that the user only ever wrote as a name ("in lisbon"
    when every line says "Lisbon", mid-sentence): the name as the user wrote it. A name of several
    words counts only when the phrase has all of them ("lake garda" for "Lake Garda"; "my theory
    exam" does not name the shop "String Theory"). A typo of one ("lisbob") counts when the word one
    edit away is such a name."""
    out: list[str] = []
    words = set(tokenize(phrase))
    raw = [w for w in re.findall(r"\b[a-z][\w'’-]{2,}", phrase) if norm(w) not in GENERIC]
    for w in raw:
        cands = [w]
        if typos and w in typos:
            cands += sorted({t for text in texts for t in re.findall(r"\b[\w'’-]+", text)
                             if len(t) >= 4 and t[:1].lower() == w[:1] and t.lower() != w and one_edit(w, t.lower())})
        for c in cands:
            seen = [m for text in texts for m in re.finditer(r"\b" + re.escape(c) + r"\b", text, re.I)
                    if m.start() > 0 and not re.search(r"[.!?:]\s*$", text[:m.start()])]
            if not seen or not all(m.group(0)[:1].isupper() and not m.group(0).isupper() for m in seen):
                continue
            runs = {_run(m) for m in seen}
            if all(set(tokenize(r)) - set(tokenize(c)) <= words for r in runs):
                name = min(runs, key=len)
                if name not in out:
                    out.append(name)
                break
    return out


def _run(m: re.Match[str]) -> str:
    """The run of capitalised words a match sits in ("String Theory" around "Theory")."""
    text = m.string
    before = re.search(r"((?:[A-Z][\w'’-]*\s+)*)$", text[:m.start()])
    after = re.match(r"((?:\s+[A-Z][\w'’-]*)*)", text[m.end():])
    return ((before.group(1) if before else "") + m.group(0) + (after.group(1) if after else "")).strip()

"""The user's slot named by its noun: "my employer is Arup", "my allergies are peanuts and shellfish",
"Home's a narrowboat on the Kennet and Avon", and the same as a verbless note ("home: Leeds",
"Current car: a 2015 Yaris", "Allergies: peanuts, shellfish").

One reading for a family of slots: a clause whose subject is a noun of the user's (possessed by
"my"/"our", or a bare slot noun like "home") that names a registry predicate, with a form of "be",
states that predicate's value in its complement. The value must be of the predicate's kind (a name
for an employer, a partner or a town; a language from the lexicon; a noun phrase for an allergen
or a ride), so "my job is killing me" or "my car is in the garage" state nothing. A label note
("<noun>: <value>") is read as the same clause (:func:`label_note`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgmem.extraction.zero.lexicon import COMMUTE_MODES, FAMILY, LANGUAGES, PETS, job_noun
from kgmem.extraction.zero.nlp import entity_at
from kgmem.lexicon.people import USER_POSSESSIVES
from kgmem.nlp import has_user_possessor

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Triple = tuple[str, str, str | None]

#: slot nouns (lemma) → registry predicate; "job" is read by its value (a title or an employer)
SLOT_NOUNS: dict[str, str] = {
    "employer": "works_at", "company": "works_at", "workplace": "works_at", "firm": "works_at",
    "job": "job", "role": "job_title", "occupation": "job_title", "profession": "job_title", "title": "job_title",
    "home": "lives_in", "flat": "lives_in", "house": "lives_in", "apartment": "lives_in", "address": "lives_in",
    "hometown": "hometown",
    "car": "drives", "ride": "drives", "vehicle": "drives", "motor": "drives",
    "phone": "phone", "mobile": "phone", "smartphone": "phone", "handset": "phone", "cellphone": "phone",
    "allergy": "allergic_to", "allergies": "allergic_to",
    "partner": "partner_name", "wife": "partner_name", "husband": "partner_name", "boyfriend": "partner_name",
    "girlfriend": "partner_name", "fiancé": "partner_name", "fiancée": "partner_name", "fiance": "partner_name",
    "commute": "commute",
    "language": "speaks_language", "languages": "speaks_language",
    "pet": "has_pet", "pets": "has_pet",
    "gym": "gym",
}
#: what the complement of a home noun may be besides a place name ("Home's a narrowboat")
_DWELLINGS = frozenset({"narrowboat", "houseboat", "boat", "caravan", "van", "campervan", "barge", "yurt",
                        "bungalow", "cottage", "farmhouse", "flatshare", "houseshare", "studio"})
#: adjectives that keep the slot the user's current one ("my new car", "current phone")
_NOW = frozenset({"new", "current", "present", "latest", "only", "main", "daily", "usual", "day"})
#: what a value never is: states, praise and people ("my job is a nightmare", "my car is a write-off")
_NOT_VALUES = frozenset({"nightmare", "mess", "joke", "disaster", "dream", "problem", "issue", "pain", "write-off",
                         "lot", "bit", "thing", "way", "one", "same", "fine", "okay", "ok", "good", "bad", "great",
                         "rubbish", "shambles", "lifesaver", "saviour", "life", "hell", "bliss", "chaos", "hassle"})
_TRIM = re.compile(r"^(?:(?:a|an|the|my|our|some|both)\s+)+", re.IGNORECASE)

#: a label note: "home: Leeds", "New job - Monzo", "Current car: a 2015 Yaris" (1-3 words, a slot noun last)
_LABEL = re.compile(r"^\W*(?P<label>(?:(?:my|our|new|current|present|latest|main)\s+){0,2}(?P<noun>[A-Za-z]+))"
                    r"\s*(?::|\s[-–—]\s)\s*(?P<value>\S.*)$", re.IGNORECASE)
#: "Home's a narrowboat": the parser reads "'s" as a possessive
_HOME_IS = re.compile(r"^\W*(?:[Hh]ome(?:town)?)'s\s+(?=(?:a|an|the|in|on|now|still|back)\b)")
#: where a list of values ends, and what separates its items
_LIST_END = re.compile(r"[.!?;()]|\s[-–—]\s|\b(?:but|which|so|because|though|since|for|from|after|when)\b")
_LIST_SEP = re.compile(r"\s*(?:,|&|/|\band\b|\bplus\b|\bor\b)\s*")
#: what a listed allergen never is
_NOT_ALLERGENS = frozenset({"it", "that", "this", "them", "everything", "anything", "nothing", "me", "you", "things"})


def label_note(sent: str) -> str:
    """A verbless label note as the clause it stands for ("home: Leeds" → "My home is Leeds"), so the
    parse reads a subject and a complement; any other sentence unchanged."""
    if (h := _HOME_IS.match(sent)):
        return "My " + sent[h.start():h.end()].strip().split("'")[0].lower() + " is " + sent[h.end():]
    m = _LABEL.match(sent)
    if not m or m.group("noun").lower() not in SLOT_NOUNS:
        return sent
    label = re.sub(r"^(?:my|our)\s+", "", m.group("label"), flags=re.IGNORECASE).lower()
    verb = "are" if m.group("noun").lower() in ("allergies", "languages", "pets") else "is"
    return f"My {label} {verb} {m.group('value')}"


def _slot(subj: Token) -> str | None:
    """The predicate a subject noun names when it is the user's (or a bare home/slot noun)."""
    word = subj.lower_ if subj.lower_ in SLOT_NOUNS else subj.lemma_.lower()
    pred = SLOT_NOUNS.get(word)
    if pred is None:
        return None
    owners = [c for c in subj.children if c.dep_ == "poss"]
    if owners:
        return pred if all(o.lower_ in USER_POSSESSIVES for o in owners) else None
    if any(c.dep_ == "det" and c.lower_ not in ("the",) for c in subj.children):
        return None  # "a job is a job", "this car is…"
    # no owner: only a label note's bare noun or "home"; "the car is in the garage" names no slot
    return pred if word in ("home", "hometown", "commute") or pred == "allergic_to" else None


def _span(t: Token) -> str:
    """The noun phrase of ``t`` without leading articles or trailing prepositional phrases."""
    left = min((c.i for c in t.lefts if c.dep_ in ("det", "compound", "amod", "nummod", "poss", "nmod")), default=t.i)
    text = t.doc[left: t.i + 1].text
    return _TRIM.sub("", text).strip(" ,.;:!?")


def _name(t: Token) -> str | None:
    """A proper name at ``t`` (the whole entity or proper-noun run)."""
    ent = entity_at(t)
    if ent is not None and ent.label_ not in ("DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY", "PERCENT"):
        return ent.text
    if t.pos_ == "PROPN":
        return _span(t)
    return None


def _values(pred: str, v: Token, comp: Token) -> list[Triple]:
    """The slot's values in the complement ``comp`` of ``v``, by the predicate's kind (none of the wrong kind)."""
    if pred == "job":
        pred = "job_title" if job_noun(comp.lemma_.lower()) or comp.pos_ == "NOUN" else "works_at"
    if pred == "works_at":
        return [(pred, n, "org")] if (n := _name(comp)) and not job_noun(comp.lemma_.lower()) else []
    if pred == "job_title":
        return [(pred, _span(comp).lower(), None)] if comp.pos_ == "NOUN" and job_noun(comp.lemma_.lower()) else []
    if pred in ("lives_in", "hometown"):
        if (n := _name(comp)) and entity_at(comp) is not None and entity_at(comp).label_ in ("GPE", "LOC", "FAC"):  # type: ignore[union-attr]
            return [(pred, n, "place")]
        if pred == "lives_in" and comp.lemma_.lower() in _DWELLINGS:
            return [(pred, comp.lemma_.lower(), "place")]
        return [(pred, n, "place")] if comp.pos_ == "PROPN" and (n := _name(comp)) else []
    if pred == "partner_name":
        ent = entity_at(comp)
        return [(pred, comp.text, "person")] if comp.pos_ == "PROPN" and (ent is None or ent.label_ == "PERSON") else []
    if pred in ("speaks_language", "has_pet", "allergic_to"):
        return _listed(pred, v)
    if pred in ("drives", "phone", "gym"):
        return [(pred, val, "item" if pred != "gym" else "org")] if (val := _span(comp)) and any(
            ch.isupper() or ch.isdigit() for ch in val) else []
    # a commute: a way of travelling, named in the complement or on the subject ("my commute on the 38 bus is…")
    subj = next(c for c in v.children if c.dep_ in ("nsubj", "nsubjpass"))
    for t in [comp, *(g for p in subj.children if p.dep_ == "prep" and p.lower_ in ("on", "by") for g in p.children)]:
        if t.lower_ in COMMUTE_MODES and (val := _span(t)):
            return [(pred, val, "item")]
    return []


def _listed(pred: str, v: Token) -> list[Triple]:
    """Each item listed after the verb ("peanuts, shellfish", "Spanish and French", "a cat called
    Miso"): a language from the lexicon, a pet species (and the name it is called), any short allergen."""
    rest = v.doc.text[v.idx + len(v.text):]
    rest = rest[: m.start()] if (m := _LIST_END.search(rest)) else rest
    out: list[Triple] = []
    for item in _LIST_SEP.split(rest):
        item = _TRIM.sub("", item.strip(" ,.:;!?\"'")).strip()
        words = item.lower().split()
        if not words or len(words) > 4:
            continue
        if pred == "speaks_language" and item.lower() in LANGUAGES:
            out.append((pred, item.title(), "item"))
        elif pred == "has_pet" and (kind := next((w for w in words if w.rstrip("s") in PETS or w in PETS), None)):
            out.append((pred, kind if kind in PETS else kind.rstrip("s"), "item"))
            if (named := re.search(r"\b(?:called|named)\s+([A-Z][\w'-]+)", item)):
                out.append(("pet_name", named.group(1), "person"))
        elif pred == "allergic_to" and len(words) <= 3 and words[-1] not in _NOT_ALLERGENS and not _NOT_VALUES & set(words):
            out.append((pred, item.lower(), "item"))
    return out


def slot_facts(doc: Doc) -> list[Triple]:
    """(predicate, value, type) for each "<the user's slot noun> is <value>" clause of ``doc``."""
    out: list[Triple] = []
    for v in doc:
        if v.lemma_ != "be" or any(c.dep_ == "neg" for c in v.children):
            continue
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or (pred := _slot(subj)) is None:
            continue
        if any(a.dep_ == "amod" and a.lower_ not in _NOW for a in subj.children):
            continue  # "my old car was a Fiesta", "my dream job is…": not the slot's value now
        comp = next((c for c in v.children if c.dep_ in ("attr", "acomp")), None)
        if comp is None and pred in ("lives_in", "hometown"):
            comp = next((g for p in v.children if p.dep_ == "prep" and p.lower_ in ("in", "on", "near")
                         for g in p.children if g.dep_ == "pobj"), None)
        if comp is None or comp.pos_ not in ("NOUN", "PROPN", "ADJ") \
                or comp.lemma_.lower() in _NOT_VALUES and pred != "commute":  # "my commute on the 38 is hell"
            continue
        if v.tag_ == "VBD" and not any(w.lower_ in ("now", "still") for w in v.sent):
            continue  # "my car was a Fiesta": an earlier value, not the current one
        out.extend(_values(pred, v, comp))
    return out


#: kin nouns read alone (FAMILY, and the in-laws as a group); everyone has parents, so "my dad" is no news
_KIN = FAMILY - {"twin", "mum", "mom", "mother", "dad", "father"}
#: "mother-in-law", "in-laws": the parser splits them at the hyphens
_IN_LAW = re.compile(r"\b(?:my|our)\s+((?:(?:mother|father|sister|brother|son|daughter)-)?in-laws?|inlaws)\b",
                     re.IGNORECASE)


def _kin_at(doc: Doc) -> list[tuple[str, Token, Token]]:
    """(kin noun, first token, last token) for each relative possessed by my/our in ``doc``."""
    out: list[tuple[str, Token, Token]] = []
    for m in _IN_LAW.finditer(doc.text):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None:
            out.append((m.group(1).lower().replace("inlaws", "in-laws"), span[0], span[-1]))
    for t in doc:
        word = t.lower_ if t.lower_ in _KIN else t.lemma_.lower()
        if word in _KIN and not (t.i + 1 < len(doc) and doc[t.i + 1].text == "-") \
                and has_user_possessor(t):
            out.append((word, t, t))
    return out


def _acts(first: Token, last: Token) -> bool:
    """The relative is a clause's subject (or the parser's verb follows it); as a thing's owner ("my
    cousin's wedding") it is mentioned in passing."""
    if first.dep_ in ("nsubj", "nsubjpass") or last.dep_ in ("nsubj", "nsubjpass"):
        return True
    nxt = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    if nxt is not None and nxt.lower_ == "'s":
        return nxt.dep_ != "case"  # "my sister's moving" (is), not "my sister's van" (owner)
    # "my in-laws visit every weekend" parsed as a noun phrase standing as a clause: "visit" is the verb
    return nxt is not None and (nxt.lower_ == "'re" or nxt.pos_ in ("VERB", "AUX") or nxt.dep_ in ("ROOT", "conj"))


def kin_facts(doc: Doc) -> list[Triple]:
    """A relative named by kinship alone who does or is something, the subject of a clause ("my daughter
    keeps feeding Clover", "my sister's moving", "my in-laws are lovely"), is one of the user's family; a
    passing mention ("a card from my aunt", "my cousin's wedding") is not read, nor a relative given a
    name (the name is the value: patterns_user "family"), nor parents (everyone has them)."""
    out: list[Triple] = []
    for word, first, last in _kin_at(doc):
        if not _acts(first, last):
            continue
        if any(c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" for c in last.children) \
                or last.i + 1 < len(doc) and doc[last.i + 1].pos_ == "PROPN":
            continue  # "my sister Ana": the name is read instead
        out.append(("family_member", word, "person"))
    return out


#: a line of a pasted record: a short key, a colon or equals sign, a value ("Host: ThinkPad T14 Gen 3",
#: "> Owner: admin", "name = Sam Porter")
_RECORD_LINE = re.compile(r"^\s*(?:[>*•-]\s*)?(?P<key>[A-Za-z][\w()./-]*(?:\s[\w()./-]+){0,2})\s*[:=]\s*\S")
#: a turn with this many record lines pastes a record (a log, a config file, a tool's output)
RECORD_LINES = 3


def without_record(text: str) -> str:
    """``text`` without the lines of a pasted record: a turn with :data:`RECORD_LINES` or more ``key: value`` lines
    pastes what a machine printed ("OS: Ubuntu 22.04", "Host: ThinkPad T14 Gen 3", "Kernel: 6.5.0"), which is not
    the user speaking; its lines whose key is no slot noun of the user's own notes ("home: Leeds", "car: Yaris")
    are dropped, the turn's prose around them kept."""
    lines = text.split("\n")
    keys = [m.group("key").casefold() if (m := _RECORD_LINE.match(line)) else None for line in lines]
    if sum(k is not None for k in keys) < RECORD_LINES:
        return text
    return "\n".join(line for line, k in zip(lines, keys) if k is None or k.split()[-1] in SLOT_NOUNS)

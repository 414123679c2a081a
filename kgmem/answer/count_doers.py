"""Whose a counted line is, and whether it says the asked thing happened, read from its grammar.

Chat and diary lines drop their subject and tell a doing in a note: "Performed at the Fox's open mic
night, someone filmed it!" is the user's performance though the main clause is someone else's filming;
"parkrun done." names the thing done as the subject of a bare participle, not a doer. And a line can
name the asked thing only to say it did not happen: "no parkrun, snowed off", "marshalled at parkrun
instead of running", "they turned me away at the blood bank". :func:`kgmem.answer.countable.why_not` and the count of told events read these.
"""

from __future__ import annotations

from functools import lru_cache

from kgmem.answer.match import norm, terms
from kgmem.lexicon import called_off
from kgmem.lexicon.people import USER_OBJECTS, people_noun
from kgmem.nlp import load_nlp

#: dependencies of a participle that describes a noun ("the *booked* table"), not a clause of its own
_NOUN_MODIFIER = frozenset({"amod", "compound", "acl", "relcl"})


@lru_cache(maxsize=4096)
def told_first_by_user(text: str) -> bool:
    """The line opens with a past verb that has no subject of its own, as chat and diaries tell the
    speaker's doing ("Performed at the Fox's open mic night, someone filmed it!", "Set up at a new café
    near the station, the wifi was awful", "Had an interview with Monzo this morning, I think it went OK?"): the
    user's doing is told first, whoever the rest is about and whatever it asks ("Did you …" opens with an auxiliary)."""
    if _opens_closed_class(text):
        return False  # "What …", "Can you …", "I …", "The …": no past verb opens it, and the lowered parse is not needed
    doc = load_nlp()(text[:1].lower() + text[1:])  # lowered: a raised first word reads as a name or a base form
    first = next((t for t in doc if not t.is_punct), None)
    # a past form the tagger calls a base form when its subject is missing ("Ran the 10k …": VB, lemma run)
    past = first is not None and (first.tag_ in ("VBD", "VBN") or first.tag_ == "VB" and first.lower_ != first.lemma_.lower())
    if first is None or not past or first.dep_ in _NOUN_MODIFIER or first.dep_.startswith("aux"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "auxpass") for c in first.children)


#: tags of closed word classes (pronouns, determiners, wh-words, modals, prepositions, conjunctions, "there"):
#: a line whose first word the cached parse tags so opens with no verb of any tense
_CLOSED_TAGS = frozenset({"PRP", "PRP$", "DT", "PDT", "WP", "WP$", "WRB", "WDT", "MD", "IN", "CC", "EX"})


def _opens_closed_class(text: str) -> bool:
    """The line's first word is of a closed class in its own parse (the one ingest cached): the lowered parse
    :func:`told_first_by_user` needs (a second parse of every line a count reads) cannot find a past verb there."""
    first = next((t for t in load_nlp()(text) if not t.is_punct), None)
    return first is not None and first.tag_ in _CLOSED_TAGS


@lru_cache(maxsize=4096)
def thing_done(text: str) -> bool:
    """The main clause is a bare past participle with a subject and no auxiliary ("parkrun done.",
    "essay submitted, finally"): a note of a thing done, whose subject is the thing, not its doer (a
    person subject is left alone: "my sister gone to Spain" is hers). Read with its first letter lowered: the
    tagger takes a raised "Parkrun done" for a past tense."""
    doc = load_nlp()(text[:1].lower() + text[1:])
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass", "dobj") for c in root.children):
        return False
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass", "npadvmod") and c.i < root.i), None)
    # a past tense with a common noun before it and no object reads as the same note ("tax return filed"); a name
    # before a past tense is a doer ("Kat bailed")
    return subj is not None and (root.tag_ == "VBN" or subj.tag_ in ("NN", "NNS")) and subj.ent_type_ != "PERSON" \
        and not people_noun(subj.lemma_.lower()) and subj.lower_ not in ("he", "she", "they", "you")


def _forms(word: str, lemma: str) -> set[str]:
    return terms(word) | {norm(lemma)}


@lru_cache(maxsize=4096)
def not_the_asked(text: str, asked: frozenset[str]) -> bool:
    """The line names a thing or doing of the question only to say it did not happen: the determiner
    "no" on it ("no parkrun, snowed off"), or "instead of" it ("marshalled at parkrun instead of
    running"), or "too <adjective> to" it ("too cold to swim this week"), or someone turned the user away (:func:`user_turned_away`). ``asked``: the question's
    comparison forms (words and lemmas)."""
    if user_turned_away(text):
        return True
    doc = load_nlp()(text)
    for t in doc:
        if t.lower_ == "no" and t.dep_ == "det" and _forms(t.head.text, t.head.lemma_) & asked:
            return True
        if t.lower_ == "too" and t.head.pos_ == "ADJ" and _forms(t.head.text, t.head.lemma_) - asked and any(
                x.dep_ == "xcomp" and x.pos_ == "VERB" and _forms(x.text, x.lemma_) & asked for x in t.head.children):
            return True  # "was too cold to swim this week": the doing the adjective was too much for
        if t.lower_ == "instead" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of":
            after = [w for w in doc[t.i + 2: t.i + 5] if not (w.is_punct or w.pos_ in ("DET", "PRON"))][:2]
            if any(_forms(w.text, w.lemma_) & asked for w in after):
                return True
    return False


#: the user as the object of a verb that sends them off ("they turned *me away*", "sent us home")
_SENT_OFF = frozenset({"away", "home", "back"})


@lru_cache(maxsize=4096)
def user_turned_away(text: str) -> bool:
    """Someone refused the user the doing: the user is the object of a verb with a particle that sends them off
    ("They turned me away at the blood bank today", "the bouncer sent us home") or of a predicate of refusing
    ("they declined me"). The one called-off lexicon's "refuse" sense names the refusing predicates."""
    for t in load_nlp()(text):
        if t.pos_ != "VERB" or not any(c.dep_ == "dobj" and c.lower_ in USER_OBJECTS for c in t.children):
            continue
        taken = {c.lower_ for c in t.children if c.dep_ in ("prt", "advmod")}
        if taken & _SENT_OFF and t.lemma_.lower() in ("turn", "send") or called_off.says(t.lemma_.lower(), taken, called_off.REFUSING):
            return True
    return False

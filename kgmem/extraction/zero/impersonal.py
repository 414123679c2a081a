"""Facts without a first-person verb: pronoun-less statements, dated events and dated trips.

"Osaka was amazing last week" → visited; "The charity gala was a blast" → attended; "Piranesi
was such a good read" → read_book; and a dated first-person past clause no other reader claimed
becomes an ``event`` ("I ran a half marathon last Sunday"), so the memory holds an event calendar.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgmem.extraction.zero.lexicon import (
    EVENT_HEADS,
    EVENT_NOUNS,
    MENTAL_VERBS,
    MODALS,
    MOTION,
    PEOPLE_NOUNS,
    READ_CUES,
    WATCH_CUES,
    job_noun,
)
from kgmem.extraction.zero.nlp import entity_at, event_phrase, has_word, noun_phrase, proper_at
from kgmem.extraction.zero.sentences import Sentence
from kgmem.lexicon.people import USER_POSSESSIVES, USER_PRONOUNS, USER_SUBJECTS
from kgmem.temporal import periods
from kgmem.temporal.frame import same_past_verbs

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Triple = tuple[str, str, "str | None"]


#: what a place the user was at is said to do ("Osaka was amazing", "Lisbon blew my mind"); "Marta got
#: promoted" is a person NER took for a place
_PLACE_VERBS = frozenset({"be", "blow", "treat", "feel", "look", "seem", "turn", "prove", "exceed", "impress",
                          "charm", "steal", "win", "live", "deliver", "surprise", "amaze", "disappoint"})


def impersonal_facts(doc: Doc, past: bool) -> list[Triple]:
    """Pronoun-less statements about the user's own life, read from the subject of a past clause:
    "Osaka was amazing last week" → visited, "The charity gala was a blast" → attended,
    "Piranesi was such a good read" → read_book, "Knives Out was fun to rewatch" → watched."""
    out: list[Triple] = []
    for v in doc:
        if v.dep_ not in ("ROOT", "ccomp", "conj") or v.pos_ not in ("AUX", "VERB") or any(c.dep_ == "neg" for c in v.children):
            continue
        is_past = v.tag_ in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in v.children)
        if not (is_past or (past and v.tag_ not in ("VBZ", "VBP", "MD"))):
            continue
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in v.children):
            continue
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lower_ in ("i", "we", "it", "that", "this", "he", "she", "they", "you", "there"):
            continue
        if subj.left_edge.i > 3:
            continue  # the sentence's topic, not a name buried in a clause
        rest = {t.lower_ for t in doc if t.i > subj.i} | {t.lemma_.lower() for t in doc if t.i > subj.i}
        ent = entity_at(subj)
        np = noun_phrase(subj)
        if ent is not None and ent.label_ in ("GPE", "LOC") and subj.dep_ == "nsubj" and v.lemma_.lower() in _PLACE_VERBS:
            out.append(("visited", ent.text, "place?"))  # a weak guess (verbs.WEAK_PLACE)
        elif has_word(np, EVENT_HEADS) and subj.lemma_.lower() in EVENT_HEADS:
            out.append(("attended", event_phrase(subj), "item"))
        elif subj.text[:1].isupper() and (title := _lead_title(doc, v) or proper_at(subj)) and not (
                ent is not None and ent.label_ in ("GPE", "LOC", "NORP", "DATE", "TIME")):
            if rest & READ_CUES:
                out.append(("read_book", title, "item"))
            elif rest & WATCH_CUES:
                out.append(("watched", title, "item"))
    return out


def _lead_title(doc: Doc, v: Token) -> str | None:
    """The capitalised words opening the sentence before its verb ("Knives Out was…")."""
    words = [t for t in doc[: v.i] if not t.is_punct]
    if not words or len(words) > 8 or not words[0].text[:1].isupper():
        return None
    if not all(t.text[:1].isupper() or t.text[:1].isdigit() or t.lower_ in ("of", "the", "and", "in", "a", "on", "to", "for") for t in words):
        return None
    return " ".join(t.text for t in words)


_EVENT_BOUNDARY = re.compile(
    r"[,;:!?()]|\.(?:\s|$)|\s(?:and|but|because|so|which|who|when|while|since|though|although|"
    r"after|before|until|if|where)\s|\s[-–—]\s"
)


def event_from_doc(doc: Doc, sent: Sentence) -> str | None:
    """"I ran a half marathon last Sunday" → "ran a half marathon": the first-person past clause
    without its subject, time expression and trailing chatter."""
    time_chars = [(t.start_char, t.end_char) for t in sent.times]
    for tok in doc:
        # the small tagger mislabels some irregular pasts ("swam" → VBP): any verb counts when
        # a resolved time dates the clause; verbs of thinking/wanting never make an event
        if tok.pos_ not in ("VERB", "AUX") or tok.tag_ in ("VBG", "MD") or tok.lower_ in MENTAL_VERBS:
            continue
        if tok.lemma_.lower() == "find" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
            continue  # "I found out my sister is pregnant": news heard, not a deed
        if tok.pos_ == "AUX" and tok.lower_ not in ("had", "have", "'ve", "did"):
            continue
        if tok.tag_ not in ("VBD", "VBN", "VBP") or any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "would", "might", "may", "could", "should") for c in tok.children):
            continue  # an event is a past clause: "I turn 45 tomorrow", "I'll visit" are not
        if tok.tag_ == "VBP" and tok.lower_ == tok.lemma_.lower() and tok.lower_ not in same_past_verbs() and any(
                c.dep_ == "advmod" and (c.lower_ == "now" or c.lower_ in periods.bank()["frequency"]) for c in tok.children):
            return None  # a present told as now or as a habit ("I now go in on Friday"): no deed done
        if tok.lemma_.lower() == "use" and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                                               for c in tok.children):
            return None  # "I used to run the park 5k every Saturday": a past habit, no one day
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj or subj[0].lower_ not in USER_SUBJECTS:
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            return None
        # the surface text from the verb up to the time expression or the clause's end
        rest = sent.text[tok.idx:]
        cut = len(rest)
        for ts, _ in time_chars:
            if ts >= tok.idx:
                cut = min(cut, ts - tok.idx)
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is not None and agent.idx > tok.idx:
            cut = min(cut, agent.idx - tok.idx)  # who did it to the user is not what happened
        b = _EVENT_BOUNDARY.search(rest)
        if b is not None:
            cut = min(cut, b.start())
        text = rest[:cut].strip(" ,.;:!?-–—")
        text = re.sub(r"\s+(?:for|on|at|in|by|until|since)$", "", text)  # cut at the time: "booked a table for"
        words = text.split()[:12]
        text = " ".join(words)
        if len(words) >= 2:
            return text
    return None




def visited_from_doc(doc: Doc) -> str | None:
    """A dated first-person motion clause with a place entity: "Last week we flew out to Oslo"."""
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        head = ent.root.head
        # by index: spaCy makes a new Token per access, so "head.head is not head" is always true
        while head.dep_ in ("prep", "pobj", "advmod", "prt") and head.head.i != head.i:
            head = head.head
        if head.lower_ not in MOTION:
            continue
        subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and subj[0].lower_ in USER_SUBJECTS and not any(c.dep_ == "neg" for c in head.children):
            return ent.text
    return brought_back_from(doc)


def brought_back_from(doc: Doc) -> str | None:
    """A place a dated thing of the user's came "from" ("the pictures from Oslo last week", "my sunburn is a
    souvenir from Porto", "the flight home from Riga"): what one has from a place, told with a past time (the
    caller's), tells a trip there. Not a person from a place ("my friend from Leeds" is where the friend is
    from), nor a thing of another person's ("Tom's photos from Rome"), nor "from" on a verb ("Mum rang from
    Leeds"): the phrase hangs on a noun, adverb or pronoun."""
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        prep = ent.root.head
        if ent.root.dep_ != "pobj" or prep.lower_ != "from" or prep.head.pos_ not in ("NOUN", "ADV", "PRON", "NUM"):
            continue
        thing = prep.head
        while thing.pos_ == "ADV" and thing.head.i != thing.i and thing.head.pos_ in ("NOUN", "PRON", "NUM"):
            thing = thing.head  # "the one home from Riga": "home" hangs on "one"
        if _the_users(thing):
            return ent.text
    return None


def _the_users(thing: Token) -> bool:
    """``thing`` is the user's own: not a person, not another's ("Tom's photos"), or "I"/"we"."""
    if thing.lower_ in USER_PRONOUNS:
        return True
    owner = next((c for c in thing.children if c.dep_ == "poss"), None)
    if owner is not None and owner.lower_ not in USER_POSSESSIVES:
        return False
    e = entity_at(thing)
    return not (thing.lemma_.lower() in PEOPLE_NOUNS or job_noun(thing.lemma_.lower())
                or e is not None and e.label_ == "PERSON")


def left_over_from(doc: Doc) -> str | None:
    """An occasion a dated thing or state of the user's comes "from" or "after" ("the wristband from a wine
    tasting yesterday is still on", "my voice is shot after my college reunion"): the user was there. The
    occasion is an event noun (lexicon EVENT_NOUNS); what hangs on it is the user's thing, or a verb or state
    whose subject is the user or the user's thing (not a person's: "my sister left after the wedding")."""
    for t in doc:
        if t.pos_ != "NOUN" or t.dep_ != "pobj" or t.lemma_.lower() not in EVENT_NOUNS \
                or t.head.lower_ not in ("from", "after"):
            continue
        on = t.head.head
        if on.pos_ in ("NOUN", "PRON", "NUM"):
            ok = _the_users(on)
        else:
            holder = on.head if on.dep_ in ("acomp", "xcomp") else on  # "my feet are sore from …": the subject of "are"
            subj = next((c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            ok = subj is not None and _the_users(subj) and not any(c.dep_ == "neg" for c in on.children)
        if ok and (phrase := event_phrase(t)):
            return phrase
    return None


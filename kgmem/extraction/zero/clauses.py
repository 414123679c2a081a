"""Clauses of a parsed sentence, and who each one is about.

A sentence often carries two statements ("I just got back from Halifax, I was there last
Saturday"; "I left Acme and joined Cobalt Robotics"), so meaning is matched per clause: a clause
is a verb that heads its own statement (the root, a coordinated verb, a clausal complement or an
adverbial clause) with its words, minus the words of the clauses nested in it; a relative clause whose subject is the
user ("the monstera I treated myself to") is read once more as a clause of its own. Each clause says
whom it is about:

- ``user``: the subject is I/we ("my wife and I"), the subject was dropped at the start of a chat
  sentence or is a gerund ("Starting at X has been…"), or the user is the object ("X hired me");
- ``mine``: the subject is something of the user's ("my rent", "my apartment in Granada");
- ``other``: the subject is another person ("my sister", "Dana", "my friend Jake");
- ``thing``: any other subject ("the meeting", "Osaka", "rent");
- ``none``: a pronoun or expletive subject that names nothing ("it", "there", "you");
- ``request``: an imperative ("Write me a bio…", "Put it in my basket"): it asks, it tells nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from kgmem.extraction.zero.checks import blocked, cannot_stop, negated, verb_chain
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import entity_at, first_word, noun_phrase, subject_of
from kgmem.lexicon.people import USER_OBJECTS, USER_POSSESSIVES, USER_PRONOUNS, USER_REFLEXIVES
from kgmem.nlp import has_user_object, has_user_possessor, has_user_subject, is_user

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

About = Literal["user", "mine", "other", "thing", "none", "request"]

_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "advcl", "parataxis"})
#: "he"/"she" are another person (never the user): "Marta got promoted! She's a project architect now"
_THIRD_PERSONS = frozenset({"he", "she"})
_EMPTY_SUBJECTS = frozenset({"it", "this", "that", "there", "you", "they", "which", "what",
                             "who", "everything", "nothing", "something", "anything", "one"})
_BACK_REFERENCES = frozenset({"it", "that", "this", "which"})
_USER_WORDS = USER_PRONOUNS | USER_REFLEXIVES
#: words that name the user in a clause
_FIRST_PERSON = _USER_WORDS | USER_POSSESSIVES


@dataclass
class Clause:
    """One statement of a sentence: its head verb, its tokens and whom it is about."""

    head: Token
    tokens: list[Token]
    about: About
    subject: Token | None
    blocked: bool
    text: str = ""
    #: blocked only because it is negated ("I can't stand jazz": a dislike, still a statement)
    negated_only: bool = False
    #: typed without capitals: a name may be lower-case ("moved to copenhagen")
    lowercase: bool = False
    #: token indices of the clause (fast membership tests)
    index: set[int] = field(default_factory=set)
    #: a verbless note cut from after a colon ("My bank app keeps nagging me: $130 at Uniqlo, for a tent")
    note: bool = False
    #: (the frame before a colon, the verbless payment note after it) this clause may be cut into; the
    #: extractor cuts only where the frame alone proposes nothing (:mod:`.colon_notes`)
    split: tuple[Clause, Clause] | None = None

    @property
    def past(self) -> bool:
        """The clause is told in a past or perfect tense ("moved", "have moved", "was")."""
        v = self.head
        if v.tag_ == "VB" and v.dep_ in ("ccomp", "xcomp") and v.head.i != v.i:
            v = v.head  # "my book club made me read X": the reading is told in "made"'s tense
        if v.tag_ in ("VBD", "VBN"):
            return True
        return any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBN") for c in v.children)

    @property
    def verbless(self) -> bool:
        """A note without a verb ("Latest splurge: a Dyson vacuum for $399"): told as done."""
        return self.note or self.head.pos_ in ("NOUN", "PROPN") and not any(t.pos_ in ("VERB", "AUX") and t.dep_ != "amod"
                                                                 for t in self.tokens)

    @property
    def ongoing(self) -> bool:
        """The clause is in a progressive ("I'm reading", "I've been watching")."""
        return self.head.tag_ == "VBG" and any(c.dep_ == "aux" for c in self.head.children)


def user_relative(t: Token) -> bool:
    """``t`` heads a relative clause whose subject is the user ("the monstera I treated myself to",
    "the gig we went to at the O2"): a statement of its own, whose object is the noun it modifies."""
    return t.dep_ == "relcl" and t.pos_ in ("VERB", "AUX") and t.head.pos_ in ("NOUN", "PROPN") \
        and has_user_subject(t) \
        and not any(x.dep_ in ("auxpass", "nsubjpass", "pcomp") for x in t.subtree)  # a misparse ("… I worked for got bought")


def _with_object(h: Token, toks: list[Token]) -> str:
    """A user relative clause's text with the noun it modifies put back as its object, after a
    stranded preposition or else after the verb ("the keynote I sat through at DevCon" → "I sat
    through keynote at DevCon")."""
    stranded = next((t for t in toks if t.dep_ in ("prep", "prt") and t.head.i == h.i
                     and not any(c.dep_ == "pobj" for c in t.children)), None)
    at = stranded if stranded is not None else h
    return " ".join([*(t.text for t in toks if t.i <= at.i), noun_phrase(h.head), *(t.text for t in toks if t.i > at.i)])


def _is_head(t: Token) -> bool:
    if t.dep_ not in _CLAUSE_DEPS:
        return False
    if t.dep_ == "ROOT":
        return True
    if t.pos_ not in ("VERB", "AUX"):
        return False
    # a coordinated verb without its own subject belongs to the first verb's statement only when
    # it shares its object too; as a separate clause it inherits the subject (see verb_chain)
    return True


def about_of(head: Token) -> tuple[About, Token | None]:
    """Whom the clause headed by ``head`` is about, and its subject token."""
    top = verb_chain(head)[-1]
    subj = subject_of(top)
    if subj is None and top.dep_ == "ROOT" and top.pos_ in ("PROPN", "NOUN") \
            and any(c.dep_ == "case" and c.lower_ in ("'s", "’s") for c in top.children):
        # "Tom's at Barclays now", "Dad's gluten-free now": the "'s" is "is", the name its subject
        ent = entity_at(top)
        person = top.pos_ == "PROPN" or top.lemma_.lower() in PEOPLE_NOUNS or ent is not None and ent.label_ == "PERSON"
        return ("other" if person else "thing"), top
    if subj is None:
        first = top.doc[first_word(top.doc)]
        if first.i < top.i and (ent := entity_at(first)) is not None and ent.label_ == "PERSON":
            return "other", first  # a misparse lost the subject: "Dan cycles to work" is Dan's
        csubj = next((c for c in top.children if c.dep_ == "csubj"), None)
        if csubj is not None and csubj.tag_ == "VBG" and subject_of(csubj) is None:
            return "user", None  # "Starting at Cobalt has been a big change"
        if has_user_object(head):
            return "user", None
        at_start = top.i == first_word(top.doc) or top.dep_ == "ROOT" and top.i <= 2
        if at_start and top.tag_ in ("VB", "VBP") and top.pos_ == "VERB" and not cannot_stop(top):  # "Can't stop …": mine
            return "request", None  # "Write a short bio…", "Help me build a budget": a request
        return ("user", None) if at_start else ("none", None)
    if is_user(subj) or has_user_subject(top):
        return "user", subj  # "My cousin and I took the train": parsed as two subjects
    low = subj.lower_
    if low in _USER_WORDS:
        return "user", subj
    if has_user_object(head) \
            and (subj.pos_ == "PROPN" or (ent := entity_at(subj)) is not None and ent.label_ == "ORG"):
        return "user", subj  # "Microsoft hired me", "Spotify made me an offer"
    if low == "you" and not any(c.lower_ in USER_OBJECTS for c in head.subtree):
        return "request", subj  # "can you suggest a soup I can make him": asked of the assistant
    if low in _EMPTY_SUBJECTS:
        return "none", subj
    if low in _THIRD_PERSONS:
        return "other", subj
    ent = entity_at(subj)
    if subj.lemma_.lower() in PEOPLE_NOUNS or low in PEOPLE_NOUNS or (ent is not None and ent.label_ == "PERSON") \
            or subj.pos_ == "PROPN" and has_user_possessor(subj) and any(
                c.dep_ in ("amod", "compound", "nmod", "appos") and c.lemma_.lower() in PEOPLE_NOUNS for c in subj.children):
        return "other", subj  # "My flatmate Chloe is still at Deloitte": a name a people noun qualifies
    if has_user_possessor(subj):
        return "mine", subj
    return "thing", subj


def possessed_by_other(t: Token) -> bool:
    """``t`` belongs to a person other than the user ("my brother's job", "Tom's flat", "her car")."""
    for c in t.children:
        if c.dep_ != "poss" or c.lower_ in USER_POSSESSIVES:
            continue
        ent = entity_at(c)
        if c.lower_ in ("his", "her", "their") or c.lemma_.lower() in PEOPLE_NOUNS or c.lower_ in PEOPLE_NOUNS \
                or ent is not None and ent.label_ == "PERSON" or c.pos_ == "PROPN":
            return True
    return False


def clauses_of(doc: Doc) -> list[Clause]:
    """The clauses of a parsed sentence, in reading order."""
    heads = [t for t in doc if _is_head(t)]
    head_ids = {t.i for t in heads}
    owner: dict[int, int] = {}
    for t in doc:
        cur = t
        while cur.i not in head_ids and cur.head.i != cur.i:
            cur = cur.head
        owner[t.i] = cur.i if cur.i in head_ids else heads[0].i if heads else t.i
    out: list[Clause] = []
    for h in heads:
        toks = [t for t in doc if owner[t.i] == h.i]
        about, subj = about_of(h)
        if about == "none" and subj is not None and subj.lower_ in _BACK_REFERENCES and out \
                and out[-1].about in ("user", "mine"):
            about = out[-1].about  # "I ordered a desk; it came to $320": "it" is the user's desk
        while toks and (toks[-1].is_punct or toks[-1].dep_ == "cc"):
            toks.pop()
        while toks and (toks[0].is_punct or toks[0].dep_ == "cc"):
            toks.pop(0)
        text = "".join(t.text_with_ws for t in toks).strip(" ,;:-–—")
        out.append(_clause(h, toks, about, subj, text))
        frame_toks, note = _note_after_colon(h, toks)
        if note:
            frame_text = "".join(t.text_with_ws for t in frame_toks).strip(" ,;:-–—")
            frame = _clause(h, frame_toks, about, subj, frame_text)
            out[-1].split = (frame, _note_clause(note, frame))
    # a relative clause of the user's is read once more on its own (its words stay in their clause)
    for h in (t for t in doc if user_relative(t)):
        toks = [t for t in h.subtree if t.i == h.i or not any(a.i in head_ids for a in t.ancestors if h.is_ancestor(a))]
        toks = [t for t in toks if not any(p.is_punct for p in doc[min(t.i, h.i): max(t.i, h.i) + 1])]  # up to a comma or dash
        about, subj = about_of(h)
        out.append(_clause(h, toks, about, subj, _with_object(h, toks)))
    return [c for c in out if len(c.tokens) > 1]


def _verbless(toks: list[Token]) -> bool:
    """Words without a verb of their own (a gerund or participle that modifies a noun is none: "a sleeping bag")
    that name something (a noun, a name or a number)."""
    return not any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in toks) \
        and any(t.pos_ in ("NOUN", "PROPN", "NUM") for t in toks)


def _note_after_colon(h: Token, toks: list[Token]) -> tuple[list[Token], list[Token]]:
    """(the clause's words before a colon, the verbless payment note after it) when a clause with a verb
    introduces one: "My bank app keeps nagging me: $130 at Uniqlo, for a tent". Else (toks, []): "I adopted a
    dog last week: a beagle" keeps its words (without a price, the words after a colon are often the verb's
    object). Whether the note is cut off is the extractor's choice: the frame often tells what the price is
    ("My rent went up again: $1,450 now"), so it is cut only where the frame alone proposes nothing."""
    colon = next((t for t in toks if t.text == ":" and t.i > h.i), None)
    if colon is None or h.pos_ not in ("VERB", "AUX"):
        return toks, []
    right = [t for t in toks if t.i > colon.i and not t.is_punct]
    if not right or not _verbless(right) or not any(t.ent_type_ == "MONEY" or t.tag_ == "$" for t in right):
        return toks, []
    return [t for t in toks if t.i < colon.i], right


def _note_clause(toks: list[Token], frame: Clause) -> Clause:
    """A verbless note as a clause of its own: another person's where the frame is ("My sister's statement
    shows: …"), the user's where the frame is about the user or names them ("Saw it on my statement: …",
    "Revolut sent me the summary: …"), else a thing's ("The flyer on the fridge says it all: …" is an advert)."""
    index = {t.i for t in toks}
    head = next((t for t in toks if t.head.i not in index and t.pos_ in ("NOUN", "PROPN", "NUM")), toks[0])
    other = frame.about == "other" or frame.subject is not None and possessed_by_other(frame.subject)
    mine = frame.about in ("user", "mine") or any(t.lower_ in _FIRST_PERSON for t in frame.tokens)
    text = head.doc[toks[0].i: toks[-1].i + 1].text.strip(" ,;:-–—")
    c = _clause(head, toks, "other" if other else "user" if mine else "thing", None, text)
    c.note = True
    return c


def _clause(h: Token, toks: list[Token], about: About, subj: Token | None, text: str) -> Clause:
    is_blocked = blocked(h)
    return Clause(head=h, tokens=toks, about=about, subject=subj, blocked=is_blocked, text=text,
                  negated_only=is_blocked and negated(h) and not blocked(h, ignore_negation=True),
                  index={t.i for t in toks})

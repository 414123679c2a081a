"""Which of the user's lines tell money the user paid: by meaning, and by the parse for its direction.

A money total must add "walked out of the shop with a lamp and $58 less in my account" and "the card
statement says $72 at the market on Friday, for a stove": neither has a paying verb. So a line with an
amount is read by its nearest neighbours in the predicate example bank (:mod:`kgmem.answer.deeds`: the
registry's hand-written sentences and the mined many-voice bank, whose ``bought`` and ``spent`` examples
are purchases told in many voices); a line whose neighbours vote most for a paying predicate tells a
payment. Neighbours do not tell which way the money went ("Sold my bike for $200" sits among purchases),
so the parse does: an amount whose clause's verb takes money in ("sold", "earned", "won", "got paid")
or an amount the user is richer by is money received, never paid.

A price asked about and paid in the next sentence ("is $45 fair for a used amp? eh, already paid the
guy") is paid: the next sentence is the user's own done payment, names no amount of its own, and
names no other thing it paid for (the payee is no thing: "paid the guy", "paid Argos").

Whose, done or not (a plan, a no, a friend's) stays with :func:`kgmem.answer.countable.why_not`.
Words: ``kgmem/resources/lexicon/money_back.json`` ("income_verbs", "richer").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from kgmem import knowledge
from kgmem.answer import deeds
from kgmem.answer.amounts import asked_amounts, money
from kgmem.answer.dropped_subject import reread_as_speaker
from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.match import terms
from kgmem.answer.refunds import words as money_words
from kgmem.lexicon.people import USER_SUBJECTS
from kgmem.nlp import has_user_object, load_nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: the registry predicates whose told deed is a payment by the user
PAYING = frozenset({"bought", "spent"})
Key = tuple[str, int]


def paying_lines(votes: dict[Key, dict[str, float]], lines: Sequence[Line]) -> set[Key]:
    """The lines with an amount that tell a payment by their neighbours in the predicate bank (:func:`pays`)."""
    return {k for ln in lines if money(ln.text) and (k := (ln.turn_id, ln.position)) in votes and pays(ln.text, votes[k])}


def pays(text: str, vote: dict[str, float]) -> bool:
    """A sentence tells a payment by its neighbours' vote: the paying predicates together outvote every
    other predicate and "none", at least :data:`kgmem.answer.deeds.FLOOR` (no amount needed: "already paid
    the guy"); its amount did not come in (:func:`money_in`) and is no price as it stands (:func:`price_now`)."""
    paying = sum(vote.get(p, 0.0) for p in PAYING)  # one class told by two predicates ("bought", "spent")
    other = max((v for p, v in vote.items() if p not in PAYING), default=0.0)  # "none" too: "the plumber quoted me $300"
    return paying >= deeds.FLOOR and paying > other and not money_in(text) and not price_now(text)


@lru_cache(maxsize=4096)
def money_in(text: str) -> bool:
    """The line's amount came to (or stayed with) the user, by the parse: the amount's clause's verb takes money
    in or keeps it ("sold the bike for $200", "earned £60", "won $50 in the raffle", "saved myself $300"), the user got paid ("got paid
    $300 for the mural", "was paid 80 quid"), or the user is richer by it ("$85 richer"). A diary line that
    dropped its subject is read with the user as its doer too ("Won £50 on the sweepstake": alone, the parser
    reads "Won" as a noun, the currency)."""
    nlp = load_nlp()
    if _money_in(nlp(text)):
        return True
    reread = _with_dropped_subject(text)
    return reread is not None and _money_in(reread)


def _with_dropped_subject(text: str) -> Doc | None:
    """``text`` read as "I <text>" when it opens on a capitalised word that is then a verb the user does
    ("Won £50…" → "I won £50…", "Got paid £200…" → "I got paid £200…"); None when it is not ("Sarah won…")."""
    words = text.lstrip()
    if not words[:1].isupper() or words[:2] == "I ":
        return None
    doc = reread_as_speaker(words)
    verb = doc[1] if len(doc) > 1 else None
    if verb is None or not verb.tag_.startswith("VB") or verb.tag_ == "VBG":
        return None
    told_by_me = any(c.i == 0 and c.dep_ in ("nsubj", "nsubjpass") for c in verb.head.children) or \
        (doc[0].head.i == verb.i and doc[0].dep_ in ("nsubj", "nsubjpass"))
    return doc if told_by_me else None


def _money_in(doc: Doc) -> bool:
    w = money_words()
    for tok in doc:
        if not (tok.like_num and (tok.tag_ == "$" or tok.ent_type_ == "MONEY" or money(doc[max(0, tok.i - 1):tok.i + 2].text))):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in w["richer"]:
            return True  # "$85 richer"
        if _priced_by_noun(tok):
            continue  # "collected my prescriptions at a cost of £9.90": a price, whatever the verb
        head = _clause_verb(tok)
        if head.lemma_.lower() in w["income_verbs"]:
            return True
        if head.lemma_.lower() == "pay" and head.tag_ == "VBN" and any(
                c.dep_ in ("auxpass", "aux") and c.lemma_.lower() in ("be", "get") for c in head.children):
            return True  # "I got paid $300", "was paid 80 quid": the user is paid
    return False


@lru_cache(maxsize=4096)
def price_now(text: str) -> bool:
    """The amount is what a thing costs as the line speaks, not what was paid: it is said by a present "is"/
    "are" or a modal ("my budget for the sofa *is* $800", "tickets *are* $80 each", "it *would* be £40")."""
    doc = load_nlp()(text)
    for tok in doc:
        if not (tok.like_num and (tok.tag_ == "$" or tok.ent_type_ == "MONEY" or money(doc[max(0, tok.i - 1):tok.i + 2].text))):
            continue
        head = tok
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            head = head.head
        if (head.lemma_.lower() == "be" and head.tag_ in ("VBZ", "VBP")) or any(c.tag_ == "MD" for c in head.children):
            return True
    return False


#: verbs by which an amount came in besides the lexicon's income verbs ("the quiz night *brought in* £210", "*made* $75")
_TAKING_IN = frozenset({"bring", "make", "take", "fetch"})


@lru_cache(maxsize=4096)
def takes_in(text: str) -> bool:
    """The line's amount came in (:func:`money_in`; "they paid *me* £30"), or its clause's verb takes money in with a particle or as
    takings ("the quiz night *brought in* another £210", "*made* $120 on the commission"); a question asking what
    came in ("how much have I raised") adds these, and leaves out what was paid."""
    if money_in(text):
        return True
    doc = load_nlp()(text)
    if any(t.lemma_.lower() == "pay" and has_user_object(t)
           for t in doc):
        return True  # "they paid me £30": the user was paid
    for tok in doc:
        if tok.like_num and (tok.tag_ == "$" or tok.ent_type_ == "MONEY" or money(doc[max(0, tok.i - 1):tok.i + 2].text)):
            head = _clause_verb(tok)
            lemma = head.lemma_.lower()
            if (lemma in _TAKING_IN and lemma != "take") or \
                    (lemma in ("bring", "take") and any(c.dep_ == "prt" and c.lower_ == "in" for c in head.children)):
                return True
    return False


#: nouns that make the amount after them a price paid ("at a *cost* of £9.90", "a *fee* of $30")
_PRICE_NOUNS = frozenset({"cost", "price", "fee", "charge"})


def _priced_by_noun(tok: Token) -> bool:
    """The amount is the object of "of" after a price noun ("at a cost of £9.90")."""
    prep = tok.head
    return prep.lower_ == "of" and prep.head.lemma_.lower() in _PRICE_NOUNS


#: verbs by which someone else names a price the user has not paid ("the vet *wants* $300", "they *quoted* me €240")
_ASKING = frozenset({"want", "quote", "estimate", "ask", "demand"})


@lru_cache(maxsize=4096)
def asking_price(text: str) -> bool:
    """The amount is someone else's asking price or quote, not a payment: its clause's verb asks or
    quotes ("Vet wants $300 for a dental clean", "They quoted me €240 for a new rear wheel") and its
    subject is not the user ("I asked for $20 off" is the user's)."""
    doc = load_nlp()(text)
    for tok in doc:
        if not (tok.like_num and (tok.tag_ == "$" or tok.ent_type_ == "MONEY" or money(doc[max(0, tok.i - 1):tok.i + 2].text))):
            continue
        head = _clause_verb(tok)
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        if head.lemma_.lower() in _ASKING and subjects and not any(c.lower_ in USER_SUBJECTS for c in subjects):
            return True
    return False


def _clause_verb(tok: Token) -> Token:
    """The verb of the clause a token is in (the token itself when none governs it)."""
    while tok.pos_ != "VERB" and tok.head.i != tok.i:
        tok = tok.head
    return tok


#: a pronoun that takes the asked thing ("paid *it*") or no thing at all
_PRONOUNS = frozenset({"it", "that", "this", "them", "those", "one", "mine"})


def paid_after_asking(line: Line, ev: EvidenceSet, vote_of: dict[Key, dict[str, float]]) -> bool:
    """A question line asking about its price ("is $45 fair for a used amp?") whose next sentence of
    the same turn is the user's own done payment (:func:`pays`, line class actual) with no amount of
    its own and no other thing paid for: the asked price was paid."""
    if line.actuality != "request" or not money(line.text) or not asked_amounts(line.text):
        return False
    after = [s for s in ev.turn_lines(line.turn_id) if s.position == line.position + 1]
    if not after or after[0].actuality != "actual" or money(after[0].text):
        return False
    nxt = after[0]
    vote = vote_of.get((nxt.turn_id, nxt.position))
    if vote is None or not pays(nxt.text, vote):
        return False
    things = _things_paid(nxt.text)
    return not things or bool(things & terms(line.text))


@lru_cache(maxsize=4096)
def _things_paid(text: str) -> frozenset[str]:
    """The things a paying sentence says it paid for, as comparison words: a buying verb's object
    ("bought *a kettle*"), a bill paid ("paid *the parking fine*"), what "for"/"on" names after a paying
    verb ("paid *for the lamp*"); not the payee of "pay" (a name, a person or a shop: "paid *the guy*",
    "paid *Argos*", "paid *the hardware store*"), not a pronoun ("paid *it*")."""
    out: set[str] = set()
    for tok in load_nlp()(text):
        if tok.pos_ != "VERB":
            continue
        lemma = tok.lemma_.lower()
        objs = [c for c in tok.children if c.dep_ == "dobj" and lemma != "spend" and not (lemma == "pay" and _payee(c))]
        objs += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "on") for g in c.children
                 if g.dep_ == "pobj"]
        for o in objs:
            if o.pos_ == "NOUN" and o.lower_ not in _PRONOUNS and o.ent_type_ not in ("DATE", "TIME", "MONEY"):
                out |= terms(o.text)
    return frozenset(out)


def _payee(tok: Token) -> bool:
    """Whom money is paid to: a name, a person by WordNet (or a word it cannot place: "the guy"), a shop."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "PERSON", "GPE", "FAC"):
        return True
    return knowledge.names_a_person(tok.lemma_) is not False or knowledge.is_kind_of(tok.lemma_, "establishment")


def votes_of(ev: EvidenceSet, lines: Sequence[Line]) -> dict[Key, dict[str, float]]:
    """Each line's neighbours' vote (one embedding batch), by key."""
    emb = ev.result.embedder
    if emb is None or not lines:
        return {}
    return {(ln.turn_id, ln.position): v for ln, v in zip(lines, deeds.votes(emb, [ln.text for ln in lines]), strict=True)}

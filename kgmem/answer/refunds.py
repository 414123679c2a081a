"""Money that came back: a refunded or returned purchase is no spending.

"How much have I spent on sneakers?" adds the New Balance and the Sambas, not the Asics the user
"sent back, 190 bucks … got the refund today". A sentence tells money coming back when its parse
says so: a refund word ("got the refund", "45 refunded", "they refunded me"), a bought thing
returned ("returned the boots"; not "returned from Lisbon": the verb needs an object), a thing
sent, taken or brought back ("sent the close caboo back"), or money got back ("got my £120
back"); an exchange ("sent the jumper back and got the bigger size instead") is none. Its amounts
are not paid, and it takes out the purchase it names — the earlier line sharing a word for the
thing ("asics"), or, naming none, the same amount.

Words: ``kgmem/resources/lexicon/money_back.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from kgmem import packaged
from kgmem.answer.amounts import part_of
from kgmem.answer.evidence import EvidenceSet, Line, split_sentences
from kgmem.answer.match import norm
from kgmem.nlp import load_nlp


@lru_cache(maxsize=1)
def words() -> dict[str, frozenset[str]]:
    """The money-back lexicon's word lists (also read by :mod:`kgmem.answer.payments`: money coming in)."""
    return _words()


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in packaged.entries("lexicon", "money_back.json").items()}


@lru_cache(maxsize=4096)
def money_back_kind(sentence: str) -> str | None:
    """How a sentence tells money coming back for a purchase: ``"refund"`` by a refund word ("got
    the refund", "45 refunded", "they refunded me") or money got back ("got my £120 back", "got my
    money back"); ``"returned"`` when a thing is returned, or sent, taken or brought back
    ("returned the boots", "sent the close caboo back"; not "returned from Lisbon": the verb needs
    an object); else
    ``None`` — also for an exchange ("sent the jumper back and got the bigger size instead",
    "swapped them for a half size up"), unless the money is said to come back ("took back the
    scarf … got my money back … got her a voucher instead"). A "returned" sentence counts only against a purchase it
    matches ("took the dog back to the vet, £60" is a vet bill)."""
    w = _words()
    doc = load_nlp()(sentence)
    if any(t.lower_ in w["refund"] or t.lemma_.lower() in w["refund"] for t in doc):
        return "refund"
    back = any(t.lower_ == "back" for t in doc)
    verbs = [(tok.lemma_.lower(), [c for c in tok.children if c.dep_ == "dobj"]) for tok in doc if tok.pos_ == "VERB"]
    if back and any(lemma in w["got_back_verbs"] and any(
            (c.like_num and c.lower_ != "one") or c.lower_ in w["money_nouns"]  # not "got the green one"
            or any(g.like_num or g.tag_ == "$" for g in c.children) for c in objects) for lemma, objects in verbs):
        return "refund"  # "got my money back" says so, whatever else the sentence got "instead"
    if any(t.lower_ in w["exchange"] or t.lemma_.lower() in w["exchange"] for t in doc):
        return None  # "sent the jumper back and got the bigger size instead": an exchange, no money back
    if any(objects and (lemma in w["return_verbs"] or (lemma in w["back_verbs"] and back)) for lemma, objects in verbs):
        return "returned"
    return None


@lru_cache(maxsize=1)
def _maybe() -> re.Pattern[str]:
    """A cheap first look before the parse: the line holds "back" or a refund or return word."""
    w = _words()
    stems = sorted(w["refund"] | w["return_verbs"] | {"back"}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(x) for x in stems) + r")", re.I)


def sentence_of(line: Line, ev: EvidenceSet) -> str:
    """The whole sentence a line (a clause) was cut from: a refund told in another clause of the
    same sentence ("sent the asics back, 190 bucks …, got the refund today") covers its amounts."""
    turn = ev.turn(line.turn_id)
    if turn is None:
        return line.text
    return next((sent for sent in _sentences(turn.text) if line.text.strip() in sent), line.text)


@lru_cache(maxsize=1024)
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(split_sentences(text))


def money_back(line: Line, ev: EvidenceSet) -> str | None:
    """:func:`money_back_kind` of a user line's sentence, unless the line is a plan or a no ("I
    might send them back", "they wouldn't refund me")."""
    if line.role != "user":
        return None
    sentence = sentence_of(line, ev)
    if not _maybe().search(sentence) or line.actuality in ("plan", "negated"):
        return None
    return money_back_kind(sentence)


def takes_out(back: Line, back_amounts: list[float], bought: Line, amount: float,
              thing_words: Callable[[str], set[str]], ev: EvidenceSet) -> bool:
    """A money-back line takes out a purchase told before it: they share a word for the thing
    ("asics"), or the purchase's amount is the one that came back."""
    if bought.said_at > back.said_at or bought.turn_id == back.turn_id:
        return False
    # a line with several amounts ("a shirt for $45 and chinos for $60") loses only the part the return names
    return bool(_nouns(sentence_of(back, ev)) & thing_words(part_of(bought.text, amount))) or amount in back_amounts


#: money units are no thing ("190 *bucks*")
_UNITS = frozenset({"buck", "bucks", "dollar", "dollars", "quid", "pound", "pounds", "euro", "euros", "cent", "cents", "p"})


@lru_cache(maxsize=4096)
def _nouns(sentence: str) -> frozenset[str]:
    """What a money-back sentence says came back: the nouns of the object of its return or refund
    word ("sent *the asics* back", "refunded me 30 quid *for the kettle*"), not its money units,
    not the people or times elsewhere in it ("isla hated it")."""
    w = _words()
    skip = _UNITS | w["refund"] | w["money_nouns"]
    doc = load_nlp()(sentence)
    heads = [t for t in doc if t.lemma_.lower() in w["return_verbs"] | w["back_verbs"] | w["got_back_verbs"]
             or t.lower_ in w["refund"] or t.lemma_.lower() in w["refund"]]
    things = [c for h in heads for c in h.children if c.dep_ in ("dobj", "nsubjpass")]
    things += [g for t in heads + things for c in t.children if c.dep_ == "prep" and c.lower_ in ("for", "on")
               for g in c.children if g.dep_ == "pobj"]
    # the thing's own noun phrase, not a clause about it ("the gps collar [i got tater]": Tater did not come back)
    told = {t.i for thing in things for c in thing.subtree if c.dep_ in ("relcl", "acl") for t in c.subtree}
    return frozenset(norm(t.text) for thing in things for t in thing.subtree
                     if t.i not in told and t.pos_ in ("NOUN", "PROPN") and t.lower_ not in skip
                     and t.lemma_.lower() not in skip
                     and t.ent_type_ not in ("DATE", "TIME", "PERSON", "MONEY", "CARDINAL", "QUANTITY"))


def settle(seen: dict[tuple[str, float], Line], back: Line, amounts: list[float], kind: str,
           thing_words: Callable[[str], set[str]], ev: EvidenceSet) -> list[Line] | None:
    """Take the purchases a money-back line names out of ``seen`` (purchases so far, keyed by
    session and amount) and return them; ``None`` when a "returned" line matches no purchase (it
    is then read as an ordinary line: "took the dog back to the vet, £60")."""
    hits = [k for k, bought in seen.items() if takes_out(back, amounts, bought, k[1], thing_words, ev)]
    if not hits and kind == "returned":
        return None
    return [seen.pop(k) for k in hits]

"""What a temporal question asks, read from its parse: an amount of time between two times, or which of the things it
offers came first.

The regex fast paths (:mod:`kgmem.retrieval.question`, :mod:`kgmem.retrieval.event_phrases`) know the common leads
("how many days between", "which came first"); people also ask "Was the pub quiz or the charity 5k earlier?",
"Chronologically, the ballet or the comedy show?", "From the day I got the puppy to his first vet check, what's that
in days?", "How much earlier was A than B, in days?". There a "the day I …" inside an event's name made the question a
"when" and an order asked by a bare comparative a single fact (session 29: 6 of never-tuned heldout3's 11 wrong
temporal answers were planned as another kind). Here the question's dependency parse says what is asked:

- an **amount of time**: a unit of time (days, weeks, months, years) is what the answer counts or is given in ("how
  many days", "by how many weeks", "the number of days", "what's that in days", "in weeks"), and the question relates
  two times (two things offered, a comparison "than", from / between / since / after / before / apart / ago);
- an **order**: the question offers two or more things (coordinated by "or" / "and", or set side by side) and asks of
  them with a word of precedence (earlier, sooner, first, second, later, more recently, before, after, prior,
  chronologically, the sequence), that word not being an ordinal of a noun ("my first car").

:func:`refine` hands the planner the kind the parse reads where the regex paths left the question to "when", a single
fact or an earlier value; :func:`offered` and :func:`compared` give the things offered or compared, by the parse, where
the regex shapes found none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from kgmem.models import Intent
from kgmem.nlp import load_nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: words of precedence in time: asked of the things offered, they ask which came first (or later)
ORDER_WORDS = frozenset("earlier earliest sooner soonest first firstly second later latest last recently before after "
                        "afterwards afterward subsequently prior precede precedes preceded predate predates predated "
                        "follow follows followed chronologically chronological sequence order".split())
#: the units an amount of time is counted in
TIME_UNITS = frozenset("day days week weeks month months year years night nights fortnight fortnights".split())
#: nouns of an amount of time between two times ("the time between A and B", "the gap from A to B")
_SPAN_NOUNS = frozenset("time gap interval span period stretch duration".split())
#: words that relate two times (or a time and today): an amount of time asked with one is a span or an age
_RELATING = frozenset("than between from since after before apart ago until till elapsed passed separate separated "
                      "separating wait waited later earlier sooner".split())
#: intents the parse may correct: what the regex paths give when no structural lead matched
_OPEN = frozenset({None, Intent.WHEN, Intent.SINGLE_FACT, Intent.HISTORY, Intent.CURRENT_VALUE})
_COORDINATORS = frozenset({"or", "and", "versus", "vs", "vs."})
_BREAKS = frozenset({",", ";", ":", "?", "!", "-", "–", "—", "."})
#: a short lead-in set off by a colon before the question proper ("Quick one:", "First things first:")
LEAD = re.compile(r"^\W*(?:[\w']+,?\s+){0,4}[\w']+\s*:\s*(?=\S)")


def _parse(q: str) -> Doc:
    return load_nlp()(q)


def _order_word(t: Token) -> bool:
    """A word of precedence asked of the things, not an ordinal of a noun ("my *first* car", "the *last* day")."""
    if t.lower_ not in ORDER_WORDS:
        return False
    if t.dep_ == "amod" and t.head.pos_ in ("NOUN", "PROPN") and t.head.lower_ not in ("one", "ones", "thing", "things"):
        return False
    # "did I go to Paris or Rome *after my exams*": a time told by its own event anchors the question, it asks no order
    # ("which came after *the other*" asks it: the other of the things offered)
    return not (t.lower_ in ("before", "after", "prior") and any(
        c.dep_ in ("pobj", "pcomp") and c.lower_ not in ("other", "another") for c in t.children))


def _noun_like(t: Token) -> bool:
    return t.pos_ in ("NOUN", "PROPN", "NUM") or t.tag_ in ("VBG", "NN", "NNS", "NNP", "NNPS")


#: words after which a thing offered starts: the question's own frame ("was it", "which was it:", "out of", "between")
_OPENERS = frozenset("it which what whether either between of among compare comparing versus vs vs. for me how when "
                     "where who whom".split())
_PRONOUNS = frozenset("i we me us you he she they it this that these those".split())


def _clause_verbs(doc: Doc) -> set[int]:
    """The question's own verb and auxiliaries ("*Was* A or B earlier", "*Did* A or B *come* first"): where a thing
    offered starts or ends. A verb inside a thing ("the day I *sold* the caravan") is not one."""
    return {t.i for t in doc if t.pos_ in ("AUX", "VERB") and (
        t.dep_ == "ROOT" or (t.dep_ in ("aux", "auxpass") and t.head.dep_ == "ROOT") or t.i == 0)}


def _stops(t: Token, verbs: set[int]) -> bool:
    return t.text in _BREAKS or t.i in verbs or _order_word(t) or t.lower_ == "than"


def _phrase(tokens: list[Token]) -> str:
    """The words of a thing as said, without a frame's "it" and a relative clause that asks the order ("… that came
    first")."""
    out: list[str] = []
    for t in tokens:
        if t.lower_ in ("that", "which", "who") and out and any(_order_word(x) for x in t.doc[t.i:]):
            break
        out.append(t.text_with_ws)
    text = "".join(out).strip()
    # ("how many days was I off work after my op": the amount asked is no thing of the question's)
    things = [x for x in tokens if _noun_like(x) and x.lower_ not in TIME_UNITS]
    return "" if text.lower() in _PRONOUNS or not things else text


def _left_of(doc: Doc, at: int, verbs: set[int]) -> tuple[list[Token], Token | None]:
    """The words of the thing that ends before token ``at``, and the word before it (its opener)."""
    j = at - 1
    while j >= 0 and not (_stops(doc[j], verbs) or doc[j].lower_ in _OPENERS):
        j -= 1
    return list(doc[j + 1:at]), (doc[j] if j >= 0 else None)


def _right_of(doc: Doc, at: int, verbs: set[int]) -> list[Token]:
    """The words of the thing that starts after token ``at``."""
    k = at + 1
    while k < len(doc) and not _stops(doc[k], verbs):
        k += 1
    return list(doc[at + 1:k])


def _pair_spans(doc: Doc) -> list[str]:
    """Two things offered: coordinated by "or" ("was the pub quiz or the charity 5k earlier"), by "and" after an opener
    ("out of my first driving lesson and my first flying lesson", "between A and B") or at the question's start ("A
    and B - how far apart"), or set side by side ("I forget the sequence - A, B, which was earlier?"): their phrases,
    as said."""
    verbs = _clause_verbs(doc)
    for c in doc:
        if c.lower_ not in _COORDINATORS or c.i == 0:
            continue
        left_tokens, opener = _left_of(doc, c.i, verbs)
        if c.lower_ == "and" and not (opener is None or opener.lower_ in _OPENERS - {"it", "which", "what"}):
            continue  # "my wife and I", "the cake and the candles I bought": no two things offered
        left, right = _phrase(left_tokens), _phrase(_right_of(doc, c.i, verbs))
        if left and right:
            return [left, right]
    for t in doc:  # two appositions of one head: "I forget the sequence - A, B, which was earlier?"
        side = [c for c in t.children if c.dep_ == "appos" and _noun_like(c)]
        if len(side) >= 2:
            a, b = side[0], side[1]
            left, right = _phrase(list(doc[a.left_edge.i:a.i + 1])), _phrase(list(doc[b.left_edge.i:b.i + 1]))
            if left and right:
                return [left, right]
    return []


def compared(q: str) -> list[str]:
    """The two things a comparison in time sets apart, the first as the question says it, then the second: "How much
    earlier was A than B", "How many days later than B was A" (A, B), "Was A earlier or later than B", "did A come after
    B"; [] when the question compares none."""
    doc = _parse(q)
    verbs = _clause_verbs(doc)
    for t in doc:
        before = [x for x in doc[:t.i] if x.lower_ in ORDER_WORDS]
        if t.lower_ == "than" and before:
            than_side = _phrase(_right_of(doc, t.i, verbs))
            end = t.i + 1 + len(_right_of(doc, t.i, verbs))
            if end < len(doc) and end in verbs:  # "how many days later than B was A"
                first = _phrase(_right_of(doc, end, verbs))
            else:  # "how much earlier was A than B", "was A earlier or later than B"
                first = _phrase(_left_of(doc, t.i, verbs)[0]) or _phrase(_left_of(doc, before[0].i, verbs)[0])
            if first and than_side:
                return [first, than_side]
        if t.lower_ in ("after", "before") and t.head.dep_ == "ROOT" and t.head.pos_ in ("VERB", "AUX") \
                and any(c.dep_ == "pobj" for c in t.children):  # "did A come after B"
            left, opener = _left_of(doc, t.head.i, verbs)
            if opener is not None and opener.lower_ in ("which", "what", "whose"):
                continue  # "which gym was I a member of before Peak": the thing asked, no order of two
            first = _phrase(left)
            other = _phrase(_right_of(doc, t.i, verbs))
            if first and other:
                return [first, other]
    return []


def offered(q: str) -> list[str]:
    """The things a question offers to choose from, by its parse; [] when it offers none."""
    return _pair_spans(_parse(q))


def ordered(q: str) -> list[str]:
    """The things whose order the question asks: offered and asked of with a word of precedence ("was A or B
    earlier"), or compared in time ("was A earlier or later than B"); [] otherwise ("did I go to Paris or Rome after my
    exams" offers two places but asks no order of them)."""
    doc = _parse(q)
    things = _pair_spans(doc)
    if len(things) >= 2 and any(_order_word(t) for t in _frame(q, doc, things)):
        return things
    return compared(q)


def asks_amount_of_time(doc: Doc) -> bool:
    """A unit of time is what the answer counts or is given in: "how many days", "by how many weeks", "the number of
    days", "what's that in days", "how far apart in weeks" (a unit after "in" with no number or determiner); or an
    amount of time is asked between two ("what was the time between A and B", "calculate the days from A to B")."""
    for t in doc:
        nxt = doc[t.i + 1].lower_ if t.i + 1 < len(doc) else ""
        span = t.lower_ in _SPAN_NOUNS or (t.lower_ in ("difference", "distance") and t.i > 0 and doc[t.i - 1].lower_ == "time")
        if (span or t.lower_ in TIME_UNITS) and nxt in ("between", "from", "separating") and t.dep_ != "pobj":
            return True  # "what was the time between A and B", "calculate the days from A to B" (not "in the days after")
        if t.lower_ not in TIME_UNITS:
            continue
        after = doc[t.i + 1:t.i + 3]
        if len(after) == 2 and after[0].lower_ in ("a", "an", "per", "each", "every") and after[1].lower_ in TIME_UNITS:
            continue  # "how many days a week": a rate, no amount of time between two
        kids = {c.lower_ for c in t.children}
        if kids & {"many", "much"} or (t.head.lower_ in ("many", "much") and t.head.dep_ == "amod"):
            return True
        if t.dep_ == "pobj" and t.head.lower_ in ("of",) and t.head.head.lower_ in ("number", "count", "tally", "total"):
            return True
        if t.dep_ == "pobj" and t.head.lower_ == "in" and t.tag_ == "NNS" and not kids & {"the", "those", "these", "my",
                                                                                             "a", "few", "some"} \
                and not any(c.pos_ == "NUM" or c.like_num for c in t.children):
            return True
    return False


def _relates_times(doc: Doc) -> bool:
    return any(t.lower_ in _RELATING for t in doc) or bool(_pair_spans(doc))


def refine(q: str, rx: Intent | None, regex: Callable[[str], Intent | None] | None = None) -> Intent | None:
    """The intent the question's parse reads where the regex paths left it open (``None``, when, a single fact, an
    earlier value): a duration when an amount of time between times is asked, an ordering when things are offered and
    asked of with a word of precedence; else ``rx``. ``regex``: the regex paths, asked again of the question after a
    lead-in set off by a colon."""
    if rx not in _OPEN:
        return rx
    lead = LEAD.match(q)
    if lead and regex is not None:  # "First things first: was A before B, or after?": the question after a lead-in
        asked = regex(q[lead.end():])
        if asked in (Intent.DURATION, Intent.ORDERING):
            return asked
    doc = _parse(q)
    if asks_amount_of_time(doc):
        return Intent.DURATION if _relates_times(doc) else rx
    things = _pair_spans(doc)
    if len(things) >= 2 and any(_order_word(t) for t in _frame(q, doc, things)):
        return Intent.ORDERING
    return rx


def _frame(q: str, doc: Doc, things: list[str]) -> list[Token]:
    """The question's words outside the things it offers ("which came *first*", not "my *first* flying lesson")."""
    low, inside = q.lower(), []
    for s in things:
        at = low.find(s.lower())
        if at >= 0:
            inside.append((at, at + len(s)))
    return [t for t in doc if not any(a <= t.idx < b for a, b in inside)]

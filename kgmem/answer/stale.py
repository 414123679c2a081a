"""Values that no longer hold: a habit or state the user says has stopped, decided by the parse.

"My dad used to take Mia to ballet, but he can't since his knee op" names who took Mia, not who
takes her now; "havent set foot in iron paddock since june" says Iron Paddock is no gym of the
user's now. A value told in such a clause answers a question about the past, never one asked in
the present: the answer paths then read another line (a newer value) or cite the line as what it
is. A sentence is cut into clauses where it turns ("…, but he can't …", "…; now …"); a value is
judged by the verb that governs it (the verbs it hangs from through ``xcomp``: "take" → "used"),
read from the sentence's spaCy parse:

- **past habitual aspect**: the verb "use" taking a to-infinitive and no object ("used to lift",
  "didn't use to"); "be/get used to" is passive (habituation, not a habit) and "use Notion to plan"
  has an object (an instrument);
- **a past-only time frame**: a past verb (no present perfect) whose period is closed — bounded
  ("until 2020", "from 2015 to 2019"), counted in years or months ("worked there for six years"; "have
  worked there for six years" is perfect and still holds), before a later event ("before moving to
  York"; the tense and the period are :mod:`kgmem.temporal.periods`', shared with extraction), placed
  before now ("was formerly at"),
  or habitual in a past frame ("always/every day" with a past "when …" clause, "back then", "as a
  kid"), and "would" + a verb in such a frame;
- **ending aspect**: a negation with "any more"/"no longer"; a negated perfect or "can" with
  "since" or "now" ("haven't set foot … since June", "he can't since his op"); a verb of ceasing
  ("quit my job", "gave up the allotment"; "stopped to walk" is a pause with a purpose); "that's over".

A stop in the clause right after carries back when it speaks of the same doer or thing. The
closed word classes the parse cannot know (frequency adverbs, period units, onset words) are data
(``kgmem/resources/intents/stopped.json``); the verbs of ceasing are the one called-off lexicon's
(``kgmem/resources/lexicon/called_off.json``, its "stop" sense).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from kgmem.answer.match import norm, terms
from kgmem.lexicon import called_off
from kgmem.lexicon.people import people_noun
from kgmem.models import Intent, QueryPlan
from kgmem.nlp import load_nlp
from kgmem.temporal import periods

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: where a sentence turns: "but", "though", "whereas", a semicolon, a dash, or a comma before a new
#: subject or a "now"/"not" ("My mum takes her now, dad can't any more"; "I work at Acme, not Globex")
_TURN = re.compile(r"\s*(?:,\s*)?\b(?:but|though|although|whereas|except)\b\s*|\s*;\s*|\s+[-–—]\s+|"
                   r",\s*(?=(?:now|nowadays|not|no\s+longer|these\s+days|I|I'm|I've|he|she|they|we|my|our|haven't|havent|hasn't|"
                   r"don't|dont|didn't|can't|cant)\b|"
                   r"\w+\s+(?:can't|cannot|couldn't|doesn't|won't|no\s+longer)\b)", re.I)
#: words asking for what used to hold
_BEFORE = re.compile(r"\b(?:used\s+to|use\s+to|previously|formerly|before\s+(?:that|then|now))\b", re.I)
#: a clause telling how things are now
_NOW = re.compile(r"\b(?:now|nowadays|these\s+days|currently|at\s+the\s+moment)\b", re.I)
#: a clause opening with a bare stop ("not anymore since he moved")
_BARE_STOP = re.compile(r"(?:not\s+any\s*more|no\s+longer|not\s+since|never\s+again)\b", re.I)
#: a clause that goes on about the same doer or thing
_SAME_DOER = re.compile(r"(?:he|she|they|it|that|this|which|we|I)\b|(?:he|she|they|it|that)['’]", re.I)
#: a question asked of the past ("who took …", "what was …", "used to") wants the value of then
_PAST_QUESTION = re.compile(r"\b(?:was|were|did|had|used\s+to|use\s+to|before|previously|formerly|ago|last|"
                            r"\w{3,}ed)\b", re.I)
_VERBS = frozenset({"VERB", "AUX"})
#: subordinators that open a time frame ("when I lived in Leeds")
_FRAME_MARKS = frozenset({"when", "while", "whenever"})


def _spans(sentence: str) -> list[tuple[int, int]]:
    """The character spans of the sentence's clauses (non-blank pieces between turns)."""
    out, start = [], 0
    for m in _TURN.finditer(sentence):
        if m.start() > start or m.end() > m.start():
            out.append((start, m.start()))
            start = m.end()
    out.append((start, len(sentence)))
    return [(a, b) for a, b in out if sentence[a:b].strip()]


def clauses(sentence: str) -> list[str]:
    """The sentence cut where it turns ("I used to lift at Iron Paddock but now I swim")."""
    return [sentence[a:b] for a, b in _spans(sentence)]


# ---------------------------------------------------------------- what one verb tells

def _has_to(verb: Token) -> bool:
    return any(c.tag_ == "TO" for c in verb.children)


def _past_habitual(verb: Token) -> bool:
    """ "used to lift": the verb "use" with a to-infinitive, no object, not passive ("I'm used to it")."""
    if verb.lemma_.lower() != "use" or any(c.dep_ in ("auxpass", "dobj", "nsubjpass") for c in verb.children):
        return False
    return any(c.dep_ == "xcomp" and c.pos_ in _VERBS and _has_to(c) for c in verb.children)


def _would(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in verb.children)


def _habitual(verb: Token) -> bool:
    """ "always", "every morning", "whenever it broke": the habitual aspect of a verb."""
    b = periods.bank()
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in b["frequency"]:
            return True
        if c.dep_ == "npadvmod" and any(g.dep_ == "det" and g.lower_ in ("every", "each") for g in c.children):
            return True
        if c.dep_ == "advcl" and any(g.lower_ == "whenever" for g in c.children):
            return True
    return False


def _past_frame(verb: Token) -> bool:
    """A frame that places the verb in a past time: a past "when/while" clause, "back then", "as a kid"."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.tag_ == "VBD" and any(g.lower_ in _FRAME_MARKS for g in c.children):
            return True
        if c.dep_ == "advmod" and c.lower_ == "then" and (c.i > 0 and c.doc[c.i - 1].lower_ == "back"):
            return True
        if c.dep_ == "prep" and c.lower_ == "as" and c.i < verb.i and any(g.dep_ == "pobj" and g.pos_ == "NOUN"
                                                                          for g in c.children):
            return True
    return False


def _anterior(verb: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in periods.bank()["anterior"] for c in verb.children)


@lru_cache(maxsize=1)
def _ceasing_predicates() -> dict[str, frozenset[str]]:
    """The called-off lexicon's "stop" predicates by verb, with their particles ("give" → {"up"};
    a bare verb → {""})."""
    out: dict[str, set[str]] = {}
    for p in called_off.predicates("stop"):
        verb, _, rest = p.partition(" ")
        out.setdefault(verb, set()).add(rest)
    return {k: frozenset(v) for k, v in out.items()}


def _gave_out(verb: Token, own: Sequence[Token]) -> bool:
    """ "my lips have officially quit", "the boiler packed in", "my knees gave up": a ceasing verb with no object whose
    subject is a thing (a common noun naming no person) tells that the thing gave out, not that a habit or a state of
    the value stopped, unless the value is that thing."""
    if any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in verb.children):
        return False
    # the subject nearest the verb: "Three hours of scales on the trumpet today and my lips have quit" is parsed with
    # two subjects, and only the lips quit
    subject = max((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i),
                  key=lambda c: c.i, default=None)
    if subject is None or subject.pos_ != "NOUN" or people_noun(subject.lemma_) or people_noun(subject.text):
        return False
    return not any(t in own for t in subject.subtree)


def _ceasing(verb: Token, own: Sequence[Token] = ()) -> bool:
    """ "quit my job", "gave up the allotment", "dropped out": a verb of ceasing (the called-off
    lexicon's "stop" sense); "stopped to walk" (a to-infinitive of purpose) is a pause; a thing that gave out
    ("my lips have quit") stops only itself (``own``: the value's tokens)."""
    lemma = verb.lemma_.lower()
    rests = _ceasing_predicates().get(lemma)
    if rests is None or any(c.dep_ == "xcomp" and _has_to(c) for c in verb.children) or _gave_out(verb, own):
        return False
    if "" not in rests:
        return any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ in rests for c in verb.children)
    # a verb whose bare word has other senses ("stopped at the shop") stops a thing it takes as object
    return lemma in called_off.predicates("stop", bare_only=True) or any(
        c.dep_ == "dobj" or (c.dep_ == "xcomp" and c.tag_ == "VBG") for c in verb.children)


def _verb_ended(verb: Token, own: Sequence[Token] = ()) -> bool:
    """Whether what this verb tells is a past habit, a closed past period, or a ceasing."""
    if _past_habitual(verb) or _ceasing(verb, own):
        return True
    past = periods.past_tense(verb)
    if past and (periods.closed_period(verb) or _anterior(verb) or (_habitual(verb) and _past_frame(verb))):
        return True
    return _would(verb) and _past_frame(verb)


# ---------------------------------------------------------------- what a clause's words tell

def _stopped(tokens: list[Token], own: Sequence[Token] = ()) -> bool:
    """Ending aspect over a clause's tokens: a negation with "any more"/"no longer"; a negated
    perfect or "can" with "since"/"now"; a ceasing verb; "that's over"."""
    b = periods.bank()
    if periods.ending_negation(tokens):
        return True
    negated = any(t.dep_ == "neg" or t.lower_ in periods.NEGATIONS for t in tokens)
    if negated and any(t.lemma_.lower() in ("have", "can") and t.tag_ in ("VBP", "VBZ", "MD") for t in tokens) \
            and any(t.lower_ in ("since", "now") for t in tokens):
        return True
    if any(t.pos_ in _VERBS and _ceasing(t, own) for t in tokens):
        return True
    return any(t.lemma_.lower() == "be" and any(c.dep_ == "nsubj" and c.lower_ in ("that", "it", "this") for c in t.children)
               and any(c.lower_ in b["over"] and c.dep_ in ("advmod", "acomp", "prep", "pobj", "prt")
                       or (c.dep_ == "prep" and any(g.lower_ in b["over"] for g in c.children)) for c in t.children)
               for t in tokens)


def _clause_ended(tokens: list[Token]) -> bool:
    return _stopped(tokens) or any(t.pos_ in _VERBS and _verb_ended(t) for t in tokens)


def _governing(tokens: list[Token]) -> list[Token]:
    """The verbs a value hangs from: its nearest verb, then the verbs that one completes
    ("take" → "used" in "used to take Mia")."""
    root = next((t for t in tokens if t.head not in tokens or t.head == t), tokens[0])
    node: Token | None = root
    while node is not None and node.pos_ not in _VERBS:
        node = None if node.head == node else node.head
    chain = []
    while node is not None:
        chain.append(node)
        if node.dep_ not in ("xcomp", "aux", "auxpass") or node.head == node:
            break
        node = node.head
    return chain


def _parse(sentence: str) -> Doc:
    return load_nlp()(sentence)


def _ended_in(doc: Doc, span: tuple[int, int], value_at: tuple[int, int] | None = None) -> bool:
    a, b = span
    tokens = [t for t in doc if a <= t.idx < b]
    if not tokens:
        return False
    if value_at is not None:
        va, vb = value_at
        own = [t for t in tokens if t.idx < vb and t.idx + len(t) > va]
        chain = _governing(own) if own else []
        if chain and all(a <= v.idx < b for v in chain):
            # the verbs' own words ("don't go to Ironworks anymore"), not those of a clause inside
            mine = [t for t in tokens if t in chain or t.head in chain or t.head.head in chain]
            return any(_verb_ended(v, own) for v in chain) or _stopped(mine, own)
    return _clause_ended(tokens)


def stale_clause(sentence: str, k: int, *, value_at: tuple[int, int] | None = None) -> bool:
    """Whether clause ``k`` of the sentence tells what no longer holds (about the value at
    ``value_at``, character offsets, when given)."""
    spans = _spans(sentence)
    if not 0 <= k < len(spans):
        return False
    doc = _parse(sentence)
    if _ended_in(doc, spans[k], value_at):
        return True
    # "…, but he can't since his knee op": a stop right after carries back when it speaks of the same
    # doer or thing (a pronoun, or a bare "not any more"); a clause saying "now" is current, and a stop
    # that names its own thing stops that ("I work at Acme, not at Globex any more")
    here = sentence[spans[k][0]:spans[k][1]]
    if k + 1 >= len(spans) or _NOW.search(here):
        return False
    nxt = sentence[spans[k + 1][0]:spans[k + 1][1]].strip()
    same = bool(_SAME_DOER.match(nxt) or _BARE_STOP.match(nxt)) or len(nxt.split()) <= 3
    if not same:
        return False
    a, b = spans[k + 1]
    tokens = [t for t in doc if a <= t.idx < b]
    return _stopped(tokens) and not any(t.pos_ in _VERBS and _past_habitual(t) for t in tokens)


def stale(sentence: str, value: str | None = None) -> bool:
    """Whether the sentence tells ``value`` (or, without one, its whole content) as no longer
    holding. A value the sentence does not contain is judged by the sentence's first clause."""
    spans = _spans(sentence)
    if value:
        key = re.sub(r"^your\s+", "my ", value.strip(), flags=re.I).lower()
        at = sentence.lower().find(key) if key else -1
        if at >= 0:
            for k, (a, b) in enumerate(spans):
                if a <= at < b:
                    return stale_clause(sentence, k, value_at=(at, at + len(key)))
    return stale_clause(sentence, 0) if len(spans) == 1 or not value else False


def began(sentence: str, value: str) -> bool:
    """Whether the sentence tells the onset of a state at ``value``, by the parse: the value hangs
    (within a few heads) from a verb of beginning ("started at Brightline", "joined Stripe"), from a
    first or new period or post ("her first day as deputy head at Gosforth Academy", "my new job at
    Acme"), or from a perfect progressive ("she's been teaching at Gosforth"): a state that holds
    from then on."""
    at = sentence.lower().find(value.strip().lower())
    if at < 0 or not value.strip():
        return False
    doc = _parse(sentence)
    own = [t for t in doc if t.idx < at + len(value.strip()) and t.idx + len(t) > at]
    if not own:
        return False
    b = periods.bank()
    node = next((t for t in own if t.head not in own or t.head == t), own[0])
    for _ in range(5):
        lemma = node.lemma_.lower()
        if node.pos_ == "VERB" and lemma in b["onset_verbs"]:
            return True
        if node.pos_ == "NOUN" and lemma in b["onset_nouns"] and any(
                c.dep_ == "amod" and c.lower_ in b["onset_marks"] for c in node.children):
            return True
        if node.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ == "been" for c in node.children):
            return True
        if node.head == node:
            break
        node = node.head
    return False


def asks_now(plan: QueryPlan) -> bool:
    """A question about how things are now ("who takes Mia to ballet", "where do I live"), not
    about a previous value or a past event."""
    return plan.intent != Intent.HISTORY and not _PAST_QUESTION.search(plan.question)


def asks_before(plan: QueryPlan) -> bool:
    """A question about what used to hold ("who used to walk Pepper", "where did I work before")."""
    return plan.intent == Intent.HISTORY or bool(_BEFORE.search(plan.question))


def restates_newer(plan: QueryPlan, text: str) -> bool:
    """A line naming every content word of a previous-value question ("my title before I was high school chemistry
    teacher": "it says high school chemistry teacher now") tells the newer value the question names, not the one
    it asks for."""
    focus = {norm(w) for w in plan.focus}
    return plan.intent == Intent.HISTORY and bool(focus) and focus <= terms(text)


def current(plan: QueryPlan, sentence: str, values: list[str]) -> list[str]:
    """The values that still hold for the question: all of them for a question about the past;
    for one about now, those the sentence does not tell as stopped."""
    if not values or not asks_now(plan):
        return values
    return [v for v in values if not stale(sentence, v)]

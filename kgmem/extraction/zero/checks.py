"""The checks every fact passes: who the subject is, and whether the clause states anything.

A clause states a fact about the user only when its agent is the user (``I``/``we``, "my wife and
I", inherited through ``conj``/``xcomp``, or a subject dropped at the start of a chat sentence) and
it is not negated, modal, conditional, hypothetical or governed by a verb of intention ("I want to
move to…", "thinking about adopting"). The surface regexes below are the same checks for the
pattern fast path, which reads text, not a parse.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgmem.extraction.zero.lexicon import BLOCK_ADV, HEARD, INTENT, INTENT_FORMS, MODALS, REPORTING
from kgmem.extraction.zero.nlp import first_word, subject_of
from kgmem.lexicon import called_off
from kgmem.lexicon.discourse import hedges
from kgmem.nlp import is_user
from kgmem.predicates import REGISTRY

if TYPE_CHECKING:
    from datetime import datetime

    from spacy.tokens import Doc, Token

    from kgmem.extraction.schema import CandidateFact

NEGATION = re.compile(
    r"\b(?:not|never|n't|no longer|don't|didn't|won't|haven't|hasn't|wasn't|can't|cannot|"
    r"couldn't|wouldn't|shouldn't|hardly|no\s+way)\b",
    re.IGNORECASE,
)
HYPOTHETICAL = re.compile(
    r"\b(?:if|thinking (?:about|of)|considering|plan(?:ning)? to|want(?:ing)? to|hope to|"
    r"hoping to|would like|'d like|wish|might|(?-i:may)|maybe|should I|could I|"
    r"about to|trying to decide|deciding|wondering|whether|looking (?:for|into)|"
    r"dream(?:ing)? of|someday|one day|eventually want|suppose|supposing|hypothetically|imagine|"
    r"what if|say I|let's say|in a world where|pretend|assuming|almost|nearly|gonna)\b"
    # "going to" a verb is a plan; "I've been going to Iron Temple Gym" is a habit
    r"|(?<!been\s)(?<!started\s)(?<!keep\s)(?<!kept\s)\bgoing\s+to\b(?!\s+(?:the|a|an|my|our|(?-i:[A-Z])\w*)\b)",
    re.IGNORECASE,
)
#: a whole sentence set in an imagined world ("Suppose I earned 90k…", "I almost bought…")
IMAGINED = re.compile(
    r"\b(?:hypothetically|suppose|supposing|imagine|what\s+if|let's\s+say|say\s+I|in\s+a\s+world\s+where|pretend|"
    r"assuming|(?:almost|nearly)\s+(?:bought|ordered|booked|signed|adopted|got|moved|took|went|joined|quit|accepted))\b",
    re.IGNORECASE,
)
#: a sentence that opens like a question ("Should I move…?", "Any tips…?")
_REFUSED = called_off.alternation(called_off.surface(called_off.REFUSING, base=False, bare_only=False))
#: a later clause that takes back what the sentence told: the offer turned down, the flat someone else
#: got, the deal that fell through ("I was offered a job at Amazon but I turned it down")
UNDOING = re.compile(
    r"\b(?:but|and|then|so)\s+(?:(?:I|we)\s+)?(?:\w+\s+)?(?:turned\s+(?:it|them|that|this|him|her|the\s+\w+)\s+down|"
    # "declined", "pulled out", "said no": the one lexicon's sense of refusing (called_off.json "refuse")
    rf"{_REFUSED})\b"
    r"|\bbut\s+(?:someone|somebody)\s+else\s+(?:got|took|bought|snapped)\b"
    r"|\bbut\s+(?:it|that|the\s+\w+)\s+(?:fell\s+apart|didn't\s+happen|(?:(?:was|got)\s+)?"
    # "fell through", "was cancelled", "got scrapped": the one called-off lexicon's words, as a line says them
    rf"(?:{called_off.alternation(called_off.surface('call_off', base=False))}))\b",
    re.IGNORECASE)
#: the user turns down what the rest of the clause names: "I turned down the offer from Deloitte", "we
#: pulled out of the flat in Clapham" (the value after the verb, in the same clause, was never held)
REFUSING = re.compile(rf"\b(?:I|we)\s+(?:(?:have|had|'ve|'d|just|finally|politely|eventually|already)\s+)*"
                      rf"(?:{_REFUSED})\b(?P<rest>(?:(?!\b(?:and|but|so|then)\s+(?:I|we|he|she|they)\b)[^,;.!?])*)",
                      re.IGNORECASE)  # the refused thing's clause ends where a new subject's clause begins
#: a clause put forward only to be denied: "It's not that I don't like sushi, I've just never tried it"
DENIED = re.compile(r"\bnot\s+that\s+(?P<denied>[^,;.!?]+)", re.IGNORECASE)
#: a day named as a recurrence ("every Saturday", "each Monday", "every other Friday"): a habit, no one day
RECURRING = re.compile(r"\b(?:every|each)(?:\s+(?:other|single|second))?\s+$", re.IGNORECASE)
INTERROGATIVE = re.compile(
    r"^\W*(?:should|can|could|would|will|do|does|did|is|are|was|were|have|has|what|which|how|where|when|why|who|"
    r"whom|whose|any|anything|shall|may|might|am|isn't|aren't|don't|doesn't|didn't|won't|wouldn't|shouldn't|"
    r"couldn't|if|whether|thoughts|ideas|tips)\b",
    re.IGNORECASE,
)
#: a short label before a colon or a coordinating conjunction opening a sentence ("Side note: does anyone…?",
#: "And does anyone…?", "so is oat milk…?")
_LEAD_CONJ = re.compile(r"^\W*(?:[a-z][\w' ]{0,24}:\s*)?(?:(?:and|but|so|also|plus|or)\b\W*)?", re.IGNORECASE)


def asked(sent: str) -> bool:
    """The sentence is a question: it ends in "?" and opens with a question word, maybe after a conjunction."""
    return sent.rstrip().endswith("?") and bool(INTERROGATIVE.match(sent) or INTERROGATIVE.match(_LEAD_CONJ.sub("", sent)))


def verb_chain(t: Token) -> list[Token]:
    """The verb and the verbs it inherits its subject from (conj / xcomp / participial heads)."""
    out = [t]
    cur = t
    while subject_of(cur) is None and cur.dep_ in ("xcomp", "conj", "pcomp", "acomp") and cur.head.i != cur.i:
        cur = cur.head
        out.append(cur)
    return out


def user_agent(t: Token) -> bool:
    """True when the clause of verb ``t`` has the user as its subject (or a dropped subject)."""
    top = verb_chain(t)[-1]
    subj = subject_of(top)
    if subj is not None:
        return is_user(subj)
    # a dropped subject: "Caught Past Lives last night", "Ended up buying…" (sentence start)
    return top.dep_ == "ROOT" and top.tag_ in ("VBD", "VBN") and top.i <= 2 and top.i == first_word(top.doc)


def _contrastive(c: Token, v: Token) -> bool:
    """A "not" after the verb's object or complement negates a second phrase, not the clause:
    "I'm a radiographer not a miracle worker", "I drive a Kia, not a Toyota"."""
    return c.dep_ == "neg" and c.lower_ == "not" and any(
        o.dep_ in ("attr", "dobj", "acomp", "oprd", "prep") and o.i < c.i for o in v.children)


def cannot_stop(v: Token) -> bool:
    """ "can't stop humming", "couldn't stop laughing", "can't help smiling": a negated modal on a verb of stopping
    or helping over an -ing form affirms the doing (session 29, x29), it negates nothing."""
    return v.lemma_.lower() in ("stop", "help") and any(c.dep_ == "neg" for c in v.children) \
        and any(c.dep_ == "aux" and c.lower_ in ("ca", "can", "could") for c in v.children) \
        and any(c.dep_ == "xcomp" and c.tag_ == "VBG" for c in v.children)


def negated(t: Token) -> bool:
    """The clause of verb ``t`` is negated ("not", "never", "hardly"; not "can't stop V-ing": :func:`cannot_stop`)."""
    return any((c.dep_ == "neg" or c.lower_ in BLOCK_ADV) and not _contrastive(c, v)
               for v in verb_chain(t) if not cannot_stop(v) for c in v.children)


def blocked(t: Token, *, ignore_negation: bool = False) -> bool:
    """Negated, modal, conditional or intended-only clauses state no fact."""
    for v in verb_chain(t):
        for c in v.children:
            if c.dep_ in ("neg", "aux") and cannot_stop(v):
                continue  # "I can't stop listening to Fleetwood Mac": an affirmation
            if (c.dep_ == "neg" or c.lower_ in BLOCK_ADV) and not ignore_negation and not _contrastive(c, v):
                return True
            if c.dep_ == "aux" and c.lower_ in MODALS:
                return True
            if c.dep_ == "aux" and c.lower_ == "'d" and v.tag_ == "VB":
                return True
            if c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless"):
                return True
            if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children) \
                    and not any(g.dep_ == "nsubj" and g.lower_ in ("you", "that", "anyone") for g in c.children):
                return True  # "If I get the job, I'm moving to Leeds": the main clause waits on the condition
            if c.dep_ == "aux" and c.lower_ in ("going", "gonna"):
                return True
        if v.i != t.i and v.lemma_.lower() in INTENT:
            return True
        if v.dep_ == "advcl" and any(c.lower_ in ("if", "unless", "whether") for c in v.children):
            return True
        # governed by a verb of intention that comes first ("I want to move", "I hope we move"); a
        # clause before it is a misparsed main clause ("Finance cut the budget, so I need to redo it")
        if v.head.i < v.i and v.dep_ in ("xcomp", "ccomp") and (v.head.lemma_.lower() in INTENT or v.head.lower_ in INTENT_FORMS):
            return True
    return False


def hearsay(v: Token) -> bool:
    """Verb ``v`` heads what another reported or the user only heard ("Everyone says The Bear is
    brilliant", "I've heard the ending is incredible"): a complement of a reporting verb whose
    speaker is not the user, or of a verb of hearing whoever heard it."""
    if v.dep_ != "ccomp" or v.head.i == v.i:
        return False
    lemma = v.head.lemma_.lower()
    return lemma in HEARD or lemma in REPORTING and not user_agent(v.head)


def intent_only(tokens: list[Token]) -> bool:
    """The clause only states an intention, a need or a wish: some verb of it governs an
    infinitive or clause through a verb of intention ("I'm trying to learn Spanish", "I need to
    buy a desk", "I've been putting off having to weed the garden")."""
    for t in tokens:
        if t.dep_ not in ("xcomp", "ccomp") or t.head.i == t.i or t.dep_ == "ccomp" and t.i < t.head.i:
            continue  # a clause before the verb of intention is a misparsed main clause (see blocked)
        h = t.head
        lemma = h.lemma_.lower()
        if lemma in INTENT or h.lower_ in INTENT_FORMS:
            return True
        if lemma == "put" and any(c.dep_ == "prt" and c.lower_ == "off" for c in h.children):
            return True
        if lemma == "have" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return True  # "having to weed": an obligation, not a fact
    return False


#: a quotation inside a line: opened after a space, colon or comma, closed before a space, punctuation or the end
_QUOTATION = re.compile(r"(?:(?<=[\s:,(])|^)([\"“‘']).+?[\"”’'](?=[\s.,;:!?)]|$)")
#: words that introduce someone's words ("said", "and I quote,", "a text from him:")
_SAYING = re.compile(r"\b(?:said|says|say|quote|quoted|quoting|wrote|writes|texted|messaged|replied|told\s+\w+|tells\s+\w+|"
                     r"goes|went\s+like|from\s+(?:the|my|his|her|their|a|an)\s+[\w' -]{1,30}:)[^\"“‘']{0,40}$", re.IGNORECASE)
#: a text of the user's that "says" it ("my headline says 'nurse @ Alder Hey'"): the user's own words
_TEXT_SAYS = re.compile(r"\b(?:it|this|that|which|headline|bio|profile|email|letter|cv)\s+(?:\w+\s+)?(?:says|said|reads)\b",
                        re.IGNORECASE)
#: the user quoting themselves ("I told him 'I live in Hove'"): the quote is the user's
_SELF_QUOTED = re.compile(r"\b(?:I|we)\s+(?:\w+\s+)?(?:said|say|told|tell|wrote|write|replied|reply|texted|answered)\b[^.!?]*$",
                          re.IGNORECASE)


def quoted_from_another(value: str, text: str) -> bool:
    """``value`` lies in a quotation of someone else's words ("My boss said, and I quote, 'I'm vegan and I live in
    Hove'", "Quote from the letting agent: 'The tenant pays £900 a month'"): the quoted "I" is not the user. Only words
    of saying lead to it: a line that opens with the quotation, the user quoting themselves, the user's own text to
    reword or translate ("Translate into French: 'My name is …'", "my headline says '…'") stay the user's."""
    low = value.casefold()
    for m in _QUOTATION.finditer(text):
        quote, before = m.group(0), text[:m.start()]
        if m.start() == 0 or low not in quote.casefold() or _SELF_QUOTED.search(before):
            continue
        # speech, not a quoted name ("a place called 'Nessa'") nor the user's own text to reword ("Translate: '…'")
        if _SAYING.search(before) and not _TEXT_SAYS.search(before):
            return True
    return False


def dated_past(tokens: list[Token], head: Token, time_text: str | None, ahead: bool) -> bool:
    """A clause (``tokens``, headed by ``head``) whose time phrase lies at or before the speaker's day
    ("$320 at a thrift shop four days ago, for a desk", "a souvenir from Lisbon a few days ago"): the
    deed is told as done whatever the verb's tense. The phrase is the clause's own, or the sentence's
    when no other verb of it is past (then the time is that verb's: "I have it, I bought it
    yesterday"; a verb in brackets is an aside). Not a progressive ("I'm flying out today"), an infinitive or an imperative (a plan
    or a request), nor a blocked clause."""
    if not time_text or ahead or head.tag_ in ("VB", "VBG") or blocked(head):
        return False
    low, own = time_text.casefold(), {t.i for t in tokens}
    if low in " ".join(t.lower_ for t in tokens):
        return True
    return low in head.doc.text.casefold() and not any(
        t.tag_ in ("VBD", "VBN") and t.pos_ in ("VERB", "AUX") and t.i not in own and not _aside(t) for t in head.doc)


def _aside(t: Token) -> bool:
    """``t`` lies inside an open bracket ("(forgot the sunscreen, obviously)"): an aside."""
    before = t.doc[: t.i]
    return sum(x.text == "(" for x in before) > sum(x.text == ")" for x in before)


def _hedge_before(text: str, start: int) -> bool:
    """A hedge ends just before ``start`` in ``text``, an article or "the" between allowed ("probably the …")."""
    words = re.findall(r"[\w'’]+", text[:start].casefold())[-4:]
    while words and words[-1] in ("the", "a", "an", "one", "some"):
        words.pop()
    return any(" ".join(words[-n:]) in hedges() for n in (1, 2, 3) if len(words) >= n)


def hedged(value: str, text: str, doc: Doc | None = None) -> bool:
    """``value`` is a guess, not a fact: a hedge qualifies it ("getting a new one, probably the Pixel 8", "maybe
    the MacBook Air") or the not-yet-done verb it hangs on ("I'm probably getting the Pixel 8"). A hedge on a
    deed told as done is an estimate of it ("I probably spent $50 on it", "spent maybe $300"), still a fact."""
    low = value.casefold().strip()
    at = text.casefold().find(low)
    span = doc.char_span(at, at + len(value), alignment_mode="expand") if doc is not None and at >= 0 else None
    verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None) if span is not None and len(span) \
        else None
    if verb is not None and (verb.tag_ in ("VBD", "VBN") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBN") for c in verb.children)):
        return False  # told as done: the hedge estimates it
    if any(low == h or low.startswith(h + " ") for h in hedges()) or at >= 0 and _hedge_before(text, at):
        return True
    return verb is not None and verb.tag_ in ("VBG", "VB") and any(
        c.dep_ == "advmod" and c.lower_ in hedges() for c in verb.children)


#: deeds a line may name before their day: an outing, a book or a show dated after the day it was said is a plan
#: ("Next month our book club is reading Piranesi", "we're seeing Hamlet on Friday"), not a deed done; a trip told
#: ahead ("that's when I'm flying to Cork") keeps its day as a visit to come (the answer side reads the date)
PLANNABLE = frozenset({"attended", "watched", "read_book", "event"})
#: deeds a present progressive tells ahead ("I'm buying a laptop next week", "We're getting a heat pump installed in
#: the spring", "we're getting a puppy in June"): a plan where its time is not behind the day said (x30)
AHEAD_DEEDS = PLANNABLE | {"bought", "spent", "has_pet", "owns"}
#: words that put a time behind the day said ("last spring", "two weeks ago", "this past June")
_BEHIND = re.compile(r"\b(?:last|ago|past|earlier|previous|yesterday|back|before|since)\b", re.IGNORECASE)
#: verbs of having a thing done ("having the kitchen redone", "getting solar panels put on")
_CAUSATIVE = frozenset({"have", "get"})


def _deed_verb(doc: Doc | None, value: str) -> Token | None:
    """The verb the value hangs on; for a thing had done, the verb of having it done ("solar panels put on": having)."""
    at = doc.text.casefold().find(value.casefold()) if doc is not None else -1
    span = doc.char_span(at, at + len(value), alignment_mode="expand") if doc is not None and at >= 0 else None
    verb = next((a for a in (span.root, *span.root.ancestors) if a.pos_ in ("VERB", "AUX")), None) \
        if span is not None and len(span) else None
    while verb is not None and verb.dep_ in ("ccomp", "xcomp", "acl") and verb.tag_ in ("VBN", "VBD") \
            and not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and verb.head.lemma_.lower() in _CAUSATIVE:
        verb = verb.head
    return verb


def _told_done(verb: Token) -> bool:
    return verb.tag_ in ("VBD", "VBN") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBN")
                                              for c in verb.children)


def progressive(verb: Token) -> bool:
    """A present progressive ("we're getting", "I'm buying") or one with its subject and "be" dropped at the line's
    start ("Getting the bathroom retiled in March")."""
    if verb.tag_ != "VBG":
        return False
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    if auxes:
        return any(a.lemma_.lower() == "be" and a.tag_ in ("VBP", "VBZ") for a in auxes)
    return verb.dep_ == "ROOT" and verb.i == first_word(verb.doc) and not any(c.dep_ == "nsubj" for c in verb.children)


def planned(f: CandidateFact, said: datetime, doc: Doc | None = None) -> bool:
    """``f`` is a deed of the user's dated after the day it was said (``said``) and not told as done: a plan. A
    past verb tells it done whatever the time phrase ("I finally watched The Bear, all of it, in two days"). A
    purchase, a pet, a thing owned or an open deed is a plan only in a present progressive, whose time, unless a word
    puts it behind, is the coming one ("getting a puppy in June", "I'm moving to Leeds in June")."""
    if f.subject != "user" or f.predicate not in AHEAD_DEEDS and f.predicate in REGISTRY or f.valid_from is None:
        return False  # an open deed ("move_to Leeds") is read as one too
    verb = _deed_verb(doc, f.value)
    if verb is not None and _told_done(verb):
        return False
    ahead = f.valid_from.date() > said.date()
    if f.predicate in PLANNABLE and ahead:
        return True
    if verb is None or not progressive(verb) or not _own_deed(verb, doc, f.value):
        return False
    # "in June" resolved to the last June: a progressive with its "be" means the coming one (one with "be" dropped is
    # often a frame around a note: "Scrolling through my statement: $40 at a garden centre on Sunday")
    told = any(c.dep_ == "aux" for c in verb.children)
    behind = told and f.valid_from.date() < said.date() and f.time_text is not None and not _BEHIND.search(f.time_text)
    return ahead or behind


def _own_deed(verb: Token, doc: Doc | None, value: str) -> bool:
    """The progressive is the user's (its subject the user or dropped) and the value one of its own arguments (its
    object, its preposition's object, the subject of the thing it has done): never a frame around a note ("Looking at
    the transactions now: $16 at a hardware store, for a tape measure"), never another's ("My ears are still ringing
    from the gig on Saturday")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects and not any(is_user(c) for c in subjects):  # "My partner and I are getting a puppy"
        return False
    at = doc.text.casefold().find(value.casefold()) if doc is not None else -1
    span = doc.char_span(at, at + len(value), alignment_mode="expand") if doc is not None and at >= 0 else None
    if span is None or not len(span):
        return False
    r = span.root
    head = r.head.head if r.dep_ == "pobj" else r.head
    if r.dep_ == "nsubj" and head.dep_ in ("ccomp", "xcomp") and head.tag_ in ("VBN", "VBD"):
        head = head.head  # "having solar panels put on": the panels are had put on
    return head.i == verb.i and r.dep_ in ("dobj", "pobj", "nsubj", "attr", "oprd")

"""Surface analysis of a question: regex intent fast paths, the asked-for head and answer type, and which words are
content (must be in memory) and which are not (the event/option phrases of temporal questions:
:mod:`kgmem.retrieval.event_phrases`). Rules and a spaCy tagger pass (no parser, no NER: ~5 ms); meaning-based intent
matching lives in :mod:`kgmem.retrieval.intents`. Time and discourse phrases ("at the moment", "currently", "last
Tuesday") are never content: they are cut before content words are picked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kgmem.lexicon import calendar, people
from kgmem.models import Intent
from kgmem.nlp import SharedPipeline, load_nlp
from kgmem.retrieval import event_phrases as ep
from kgmem.retrieval import requests

# --------------------------------------------------------------------------- discourse & time

#: the class of phrases that say *how* or *when* something is asked, never *what* about
DISCOURSE_RE = re.compile(
    r"\b(?:at\s+(?:the\s+)?(?:moment|present|the\s+minute)|at\s+this\s+(?:point|stage)(?:\s+in\s+time)?|"
    r"as\s+(?:things|it)\s+stands?|right\s+now|just\s+now|for\s+now|as\s+of\s+now|"
    r"currently|current|presently|nowadays|these\s+days|this\s+days|today|lately|recently|of\s+late|"
    r"so\s+far|to\s+date|by\s+now|up\s+to\s+now|until\s+now|anymore|any\s+more|still|again|ever|"
    r"as\s+far\s+as\s+(?:you|i)\s+(?:know|remember|recall|can\s+tell)|if\s+(?:you|i)\s+(?:remember|recall)|"
    r"(?:do|can|could)\s+you\s+(?:remember|recall|tell\s+me|remind\s+me)|remind\s+me|i\s+(?:was\s+)?wonder(?:ing)?|"
    r"(?:would|will|could|can)\s+you\s+(?:please\s+)?(?:mind\s+)?(?:tell(?:ing)?\s+me|remind(?:ing)?\s+me|let\s+me\s+know)?|"
    r"please|kindly|by\s+any\s+chance|real\s+quick|quick\s+question|out\s+of\s+curiosity|just\s+curious|"
    r"i\s+(?:forgot|forget|can't\s+remember|cannot\s+remember|don't\s+remember)|what\s+was\s+it\s+again|"
    r"in\s+the\s+end|in\s+total|altogether|all\s+in\s+all|overall|exactly|roughly|approximately|about|"
    r"(?:in\s+the\s+|on\s+|one\s+|that\s+|most\s+)?(?:mornings?|evenings?|afternoons?|nights?|weekends?|weekdays?)|"
    r"usually|normally|typically|generally|always|often|sometimes|basically|at\s+some\s+point|a\s+while\s+back|"
    r"(?:for|after|in|since)\s+(?:ages|forever|(?:so\s+|a\s+)?long(?:\s+time)?|a\s+while)|"
    r"now|then|already|yet|ago|anyway|again)\b", re.I)
_WH_RE = re.compile(r"\b(what|which|who|whom|whose|where|when|how|why)\b", re.I)
#: "what kind of X", "which brand of X": the head is X
_WH_HEAD_RE = re.compile(
    r"\b(?:what|which)(?:'s|\s+is|\s+was|\s+are)?\s+(?:(?:kind|type|sort|brand|make|model|name|variety)\s+of\s+)?"
    r"(?:the\s+|my\s+)?(?P<head>[a-z][a-z-]+)(?:\s+(?P<head2>[a-z][a-z-]+))?", re.I)
_COPULA_HEAD_RE = re.compile(
    r"\b(?:who|what|where)(?:'s|\s+is|\s+was|\s+are|\s+were)\s+(?:my|our|the)\s+(?:(?:current|new|old|present)\s+)?"
    r"(?P<head>[a-z][a-z-]+)\b(?!')(?!\s*'s)", re.I)
_AUX = frozenset("""is are was were do does did am have has had will would can could should might must be been
being 's i you we my the a an it this that there these those""".split())

#: head nouns that name the *kind* of answer, and the answer type they ask for
CATEGORY_TYPES: dict[str, str] = {
    **dict.fromkeys("company firm employer business organisation organization workplace office agency "
                    "startup corporation studio lab employer's".split(), "org"),
    **dict.fromkeys("gym club store shop retailer supermarket website site brand label".split(), "org"),
    **dict.fromkeys("city town place country state neighbourhood neighborhood area village region "
                    "hometown location spot destination".split(), "place"),
    **dict.fromkeys("name person friend who".split(), "person"),
    **dict.fromkeys("date day month year time".split(), "date"),
    **dict.fromkeys("amount price cost sum total rent salary fee".split(), "money"),
    **dict.fromkeys("number count".split(), "number"),
    **dict.fromkeys("car vehicle phone model book novel film movie show series podcast game restaurant "
                    "recipe dish drink beverage instrument language trail hotel album song band app tool "
                    "thing item gadget device one".split(), "item"),
    **dict.fromkeys("job role title position occupation profession career".split(), "text"),
}


def strip_discourse(question: str) -> str:
    """The question without time and discourse phrases (and with spacing tidied)."""
    from kgmem.temporal import find_time_expressions

    text = question
    for span in reversed(find_time_expressions(question, _ANY_DATE)):
        text = text[: span.start_char] + " " + text[span.end_char:]
    text = DISCOURSE_RE.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


def _any_date() -> Any:
    from datetime import datetime

    return datetime(2000, 6, 15)


_ANY_DATE = _any_date()

# --------------------------------------------------------------------------- typing habits

_TEXTING: tuple[tuple[str, str], ...] = (
    (r"\bu\b", "you"), (r"\bur\b", "your"), (r"\br\b", "are"), (r"\bpls\b|\bplz\b", "please"),
    (r"\brn\b", "right now"), (r"(?<!\ban )(?<!\bthe )(?<!\bany )\batm\b(?!\s+(?:card|machine))", "at the moment"), (r"\bbtwn\b", "between"), (r"\bw/", "with "), (r"\bthx\b", "thanks"),
    (r"\bwhats\b", "what's"), (r"\bwheres\b", "where's"), (r"\bwhos\b", "who's"), (r"\bhows\b", "how's"),
    (r"\bim\b", "I'm"), (r"\bive\b", "I've"), (r"\bid\b(?=\s+\w+ed\b)", "I'd"), (r"\bdont\b", "don't"),
    (r"\bdidnt\b", "didn't"), (r"\bhome town\b", "hometown"), (r"\bi\b", "I"),
    (r"\b(aunt|uncle|sister|brother|mom|mum|dad|cousin|dog|cat|pet|wife|husband|partner|friend|boss|niece|nephew|"
     r"grandma|grandpa|son|daughter|cousin)s\s+(name|birthday|car|house|job|city|place)\b", r"\1's \2"),
)


#: a polite wrapper around the real question ("Do you remember …", "Could you tell me …",
#: "Remind me …"); not before "if/whether", where the wrapper carries a yes/no question
_WRAPPER = re.compile(
    r"^\W*(?:(?:hey|hi|ok|okay|so|um|quick question)\W+)?(?:(?:do|can|could|would|will)\s+you\s+(?:please\s+)?"
    r"(?:still\s+)?(?:remember|recall|tell\s+me|remind\s+me(?:\s+of)?|let\s+me\s+know)|(?:please\s+)?remind\s+me"
    r"(?:\s+of)?|(?:please\s+)?tell\s+me|I\s+(?:forgot|forget|can't\s+remember|don't\s+remember))\W*\s(?!if\b|whether\b)",
    re.I)
_WH_START = re.compile(r"^(?:what|which|who|whom|whose|where|when|how|why)\b", re.I)
#: "the film I told you we'd watched" is the film we watched: the telling is no content
_TOLD_YOU = re.compile(r"\bI\s+(?:told\s+you|said|mentioned)\s+(?:that\s+)?(?=(?:I|we|my|our)(?:'\w+)?\b)", re.I)


def unwrap(q: str) -> str:
    """The question inside a polite wrapper: "Do you remember the name of the film I told you
    we'd watched?" → "What is the name of the film we'd watched?"."""
    m = _WRAPPER.match(q)
    if m and len(q) - m.end() > 8:
        rest = q[m.end():]
        q = rest[0].upper() + rest[1:] if _WH_START.match(rest) else "What is " + rest
    return _TOLD_YOU.sub("", q)


def normalise_question(q: str) -> str:
    """Texting habits and common run-together spellings made plain ("whats ur dogs name" →
    "what's your dog's name"), polite wrappers taken off: everything downstream reads the plain
    form."""
    out = " ".join(q.split())
    for pattern, repl in _TEXTING:
        out = re.sub(pattern, repl, out, flags=re.I)
    if out == out.lower():  # typed all in lower case: "tariqs car" is Tariq's car
        out = _LOWER_POSSESSIVE.sub(_possessor, out)
    return unwrap(out)


_LOWER_POSSESSIVE = re.compile(r"\b([a-z]{3,})s\s+(?=(?:car|name|birthday|house|job|city|town|hometown|place|dog|cat|"
                               r"pet|phone|address|age|wife|husband|partner|kids?|company|employer|school|relationship|"
                               r"status|diet|girlfriend|boyfriend|fianc\w*|rent|salary|title|role|gym|commute)\b)")
_NOT_POSSESSORS = frozenset("this his hers its was has does is us yours ours theirs whats wheres whos thats".split())


#: people and animals called by what they are, not by name: "landladys name" is the landlady's
_COMMON_POSSESSORS = frozenset("landlady landlord physio dentist doctor manager teacher tutor coach trainer therapist "
                               "accountant lawyer vet nanny mechanic pup puppy dog cat kitten horse rabbit hamster parrot "
                               "baby grandson granddaughter grandkid grandchild".split())


def _possessor(m: re.Match[str]) -> str:
    word = m.group(1)
    common = word in RELATIONS or word + "s" in RELATIONS or word in _COMMON_POSSESSORS
    return m.group(0) if word + "s" in _NOT_POSSESSORS else f"{word}'s " if common else f"{word.capitalize()}'s "


# --------------------------------------------------------------------------- regex intents

#: "Before 30 miles a week, how many miles …?", "Before $105,000, what was my pay?": the newer value first (not a year)
BEFORE_VALUE = re.compile(r"^\W*(?:before|prior\s+to|until)\s+(?:[$£€]\s?\d[\d,.]*k?|(?!(?:19|20)\d\d\b)\d[\d,.]*)\b[^,?]{0,30},", re.I)
# ordered: the first matching rule wins; each is (intent, compiled pattern)
_INTENT_RULES: list[tuple[Intent, re.Pattern[str]]] = [
    (Intent.ASSISTANT_SAID, re.compile(
        r"(?<!\bcan )(?<!\bcould )(?<!\bwould )(?<!\bwill )\b(you|assistant)\s+(said|told|mentioned|recommended|suggested|gave|listed|provided|"
        r"explained|shared|wrote|described|helped|came up|named|pointed|proposed|picked|advised|offered|"
        r"thought|felt|figured|reckoned|considered|chose|rated|put|included|ranked|placed)\b|"
        r"\b(?:you\s+(?:end(?:ed)?\s+up|were|kept)|were\s+you)\s+(?:recommend|suggest|say|tell|pick|choos|propos|advis|list)\w*|"
        r"\b(your|the assistant's)\s+(recommendation|suggestion|pick|advice|top pick|tip)s?\b|"
        r"\b(our|the)\s+(previous|last|earlier)\s+(conversation|chat|discussion)\b|"
        r"\bremind me (of )?what you\b|\bdid you (say|tell|recommend|suggest|mention|pick|choose|propose|think|name|"
        r"reckon|figure|feel|rate|consider|"
        r"give|list|point|put|include|rank|place)\b", re.I)),
    (Intent.HISTORY, BEFORE_VALUE),  # "Before 30 miles a week, how many miles was I running?"
    (Intent.DURATION, re.compile(
        # a stay ("how many nights did I spend in Lanzarote") is a span, not a sum of days spent on something
        # (nor a total over a period: "how many nights have I spent in hotels this year")
        r"\bhow many (days|nights|weeks|months) ((did|have|had|do) )?(i|we) (spend|spent|stay|stayed) (in|at)\b"
        r"(?!.*\b(this|last|per) (year|month|week)\b|.*\b(in total|altogether|so far|overall|combined)\b)|"
        r"\bhow (many|much)\s+(\w+\s+)?(days?|weeks?|months?|years?|hours?|minutes?)\b(?!\s+(in total|total|did i spend on))"
        r"(?=.*\b(ago|since|between|before|after|passed|elapsed|when|until|till|take|took|from|later|earlier|apart|btwn|gap|last|lasted|go by|went by)\b)|"
        r"\bhow long\b(?=.*\b(ago|since|between|before|after|been|had|have|did it take|took|take|when|until|from|last|lasted|btwn)\b)|"
        r"\bhow (many|much) time\b|\bcount (the|how many) (days|weeks|months|years)\b|"
        r"\b(number|count) of (days|weeks|months|years)\b|\bgap\b.*\b(days|weeks|months|between|btwn)\b|"
        r"\b(days|weeks|months|years)\s+(ago|apart|between|since|back)\b|"
        r"\bhow (many|much) (days|weeks|months|years)\b.*\bbetween\b|"
        r"\bhow many (days|weeks|months|years)\b(?!.*\b(in total|total|altogether|spend|spent|did i (do|visit|take))\b)|"
        r"\bhow long\b(?!\s+(?:is|was|are|were)\s+(?:my|the|your)\s+\w+\s*\??$)|" + ep.SPAN_ASKED,
        re.I)),
    (Intent.ORDERING, re.compile(
        r"\bwhich\b.*\b(first|earlier|before|last|later|(?:most|more) recent(ly)?|latest|earliest|sooner)\b|"
        r"\bwhat (did i|was the)\b.*\b(first|earliest|latest|(?:most|more) recent(?:ly)?|earlier|sooner|later)\b.*\b(or)\b|" + ep.ORDER_ASKED + "|" + ep.PRECEDENCE_ASKED + "|"
        r"\b(came|come|comes|happened|happen|happens|did i do|did i \w+|was|were) (first|earlier|sooner)\b|\bin what order\b|\border of\b|"
        r"\bchronological\b|\b(before or after)\b|\bearlier or later\b|"
        r"^\W*(?:what\s+was\s+|what's\s+)?(?:the|my\s+)?\s*(?:very\s+)?(?:first|earliest|latest|most\s+recent)\s+(?!time\b|day\b|date\b)\w+\s+(?:that\s+)?(?:i|we)\s+(?!am\b|was\b|have\b|had\b)\w+|"
        r"^\s*(did|was|were)\b.*\b(before|after|earlier than|later than|prior to)\b", re.I)),
    (Intent.WHEN, re.compile(
        r"^\s*when\b|\bsince when\b|\bwhat (date|day|month|year|time)\b|\bwhich (date|day|month|year)\b|"
        r"\bon what (date|day)\b|\bwhen did\b|\bwhen was\b|\bwhat was the date\b|\bwhat's the date\b|"
        r"\bwhat was (?:my|the) (?:first|last|final) (?:day|date)\b|\bon which (?:day|date)\b|"
        r"\b(?:the|what)\s+(?:date|day)\s+(?:I|we|when|that|my)\b", re.I)),
    (Intent.AGGREGATE, re.compile(
        r"\bhow many\b|\bhow much\b.*\b(total|in total|altogether|combined|all|overall|spend|spent|cost|earn|raise|save|saved)\b|"
        r"\b(in total|altogether|combined|total number|total amount|sum of|add up|adding up|total spend|"
        r"total cost|how much in total|the total)\b|"
        r"\blist (all|every|the)\b|\bwhat are (all )?the\b.*\b(i have|i've|i did|i bought|i visited)\b|"
        r"\ball (the|of the)\b.*\b(i|my)\b|\bhow often\b|\bnumber of\b|\b(?:tally|count)\s+of\b|"
        r"^\s*(which|what) \w+(ies|s) (did|have|do) i\b", re.I)),
    (Intent.HISTORY, re.compile(
        r"\b(before|previously|used to|use to|formerly|originally|at first|initially|old|previous|former|"
        r"prior)\b.*\b(i|my)\b|\b(i|my)\b.*\b(before (that|this|i|my|the)|used to|previously|originally|"
        r"change[ds]?|switch(ed)?|old|former|previous|use to)\b|\bhistory of\b|"
        r"\b(i|my)\b.*\b(before|prior to)\b(?!\s+or\b)", re.I)),
    (Intent.PREFERENCE, requests.PREFERENCE_REQUEST),
    (Intent.CURRENT_VALUE, re.compile(
        r"\b(current(ly)?|now|these days|at the moment|right now|still|latest|most recent|"
        r"nowadays|at present|today)\b", re.I)),
]
#: intents decided by the question's structure: a meaning match may add a slot, never override
STRUCTURAL = frozenset({Intent.DURATION, Intent.ORDERING, Intent.AGGREGATE, Intent.ASSISTANT_SAID})


#: a recollection of what the user said ("did I say I could visit Rome?") asks for no suggestion
_RECALLED = re.compile(r"^\W*(?:did|have|had)\s+i\s+(?:ever\s+)?(?:say|tell|mention)|\bwhat\s+did\s+i\s+(?:say|tell|mention)", re.I)


#: "what should I use to send …": a modal's "use to" is a use for a purpose, not the habitual past
#: "used to" (misspelt "use to" by many: "what car i use to drive")
_USE_FOR = re.compile(r"\b(?:should|could|can|would|will|might|must|do|shall)\s+(?:i|we|you)\s+use\s+to\b", re.I)
_HISTORY_ELSE = re.compile(r"\b(?:before|previously|used to|formerly|originally|at first|initially|old|previous|former|"
                           r"prior|change[ds]?|switch(?:ed)?|history of)\b", re.I)


def asks_for_suggestion(q: str) -> bool:
    """Whether a question asks for a suggestion now, by the preference rule alone, whichever intent
    another rule gives it first (the answer's advice path reads this: one recognition, not two)."""
    return requests.asks_for_suggestion(q) and not _RECALLED.search(q)


#: "the number of my flat", "the number of the bus I take": "number of" before one possessed thing
_NUMBER_OF = re.compile(r"\bnumber\s+of\s+(?:my|our|the|his|her|their|this|that)\s+(?:[\w-]+\s+){0,2}?([\w-]+)"
                        r"(?=\s*(?:[?.!]|$|\s+(?:i|we|you|that|which|is|was)\b))", re.I)


def label_number(q: str) -> bool:
    """Whether "number of" names a thing's label, not a count: the thing after it is one (a singular
    noun by the parse: "the number of my flat"; not "the number of my cousins")."""
    m = _NUMBER_OF.search(q)
    if m is None:
        return False
    return any(t.idx == m.start(1) and t.tag_ in ("NN", "NNP") for t in load_nlp()(q))


def regex_intent(q: str) -> Intent | None:
    """The first regex fast path that matches, else ``None``."""
    for intent, pattern in _INTENT_RULES:
        if (intent == Intent.AGGREGATE and label_number(q) and not pattern.search(_NUMBER_OF.sub(" ", q))) or (
                intent == Intent.DURATION and ep.AT_A_TIME.search(q)):  # "which museum did I go to two weeks ago"
            continue
        if pattern.search(q) and not (intent == Intent.PREFERENCE and not asks_for_suggestion(q)) \
                and not (intent == Intent.HISTORY and _USE_FOR.search(q) and not _HISTORY_ELSE.search(_USE_FOR.sub(" ", q))):
            return intent
    return None


# --------------------------------------------------------------------------- head & answer type


def wh_word(q: str) -> str | None:
    m = _WH_RE.search(q)
    return m.group(1).lower() if m else None


_NAME_OF_RE = re.compile(r"\b(?:called|named)\s*\??\s*$|\bname\b", re.I)


def wh_head(q: str) -> str | None:
    """The noun a wh-word asks for: "which *company*", "who is my *employer*", "what *car*".

    A possessor is not the head: "what is my *dog*'s name", "what's my *pup* called" ask for a
    name (the dog is content the evidence must mention)."""
    for rx in (_COPULA_HEAD_RE, _WH_HEAD_RE):
        for m in rx.finditer(q):
            head = m.group("head").lower()
            if head in _AUX:
                continue
            rest = q[m.end("head"):]
            owned = re.match(r"\s*['’]s?\s+(?:([a-z]+)\s+)?([a-z]+)\b(?!\s+(?:name|called)\b)", rest)
            if owned and "name" not in owned.groups() and head not in _AUX:  # "what's Marta's job *title*"
                return owned.group(2)
            if re.match(r"\s*['’]s?\b", rest) or (_NAME_OF_RE.search(rest) and head != "name"):
                return "name"
            head2 = (m.groupdict().get("head2") or "").lower()
            if head2 and head2 not in _AUX and head2 in CATEGORY_TYPES and head not in CATEGORY_TYPES:
                return head2  # "which coffee shop" → shop
            return head
    return None


def asked_relation(question: str) -> str | None:
    """The relation noun whose name the question asks ("how is called my flatmate" → flatmate,
    "what's my sister's name" → sister; not "my sister's café"), else ``None``."""
    if not re.search(r"\b(?:called|named|name)\b", question, re.I):
        return None
    rel = set(people.relation_words())
    # the relation noun ends the asked phrase
    for m in re.finditer(r"\b(?:my|our)\s+(?:\w+(?:['’]s)?\s+){0,2}?(\w+?)(?=['’]s\s+name\b|\s+(?:is\s+)?(?:called|named)\b|"
                         r"\s*[?.!]|\s*$|\s+again\b)", question, re.I):
        if m.group(1).lower() in rel:
            return m.group(1).lower()
    return None


def answer_type_for(q: str, head: str | None, slot_type: str | None) -> str:
    """The kind of value that answers the question: person, place, org, item, money, number,
    date, duration, text."""
    ql = q.lower()
    if slot_type and not (slot_type not in ("person", "org") and wh_word(q) in ("who", "whom")):
        return slot_type  # a who-question wants a person or an employer, never a car ("who used to send me …")
    if re.search(r"\bhow much\b", ql):
        return "money" if re.search(r"\b(pay|paid|cost|spend|spent|price|\$|money|rent|salary|earn)", ql) else "number"
    if re.search(r"\bhow many\b", ql):
        return "number"
    if asked_relation(ql):
        return "person"  # "how is called my flatmate", "what's my godson called": a name
    if head and head in CATEGORY_TYPES:
        return CATEGORY_TYPES[head]
    w = wh_word(q)
    return {"who": "person", "whom": "person", "whose": "person", "where": "place", "when": "date"}.get(w or "", "text")




# --------------------------------------------------------------------------- content words


def nlp() -> SharedPipeline:
    """spaCy's English pipeline: the process-wide one of :mod:`kgmem.nlp` (extraction's too), which
    threads may share (a server parses questions while it ingests)."""
    return load_nlp()


@dataclass
class Words:
    """Content of a question after discourse and time phrases are cut."""

    #: proper names the question mentions (must be in memory after Unicode folding)
    named: list[str] = field(default_factory=list)
    #: content nouns other than the answer's category head
    nouns: list[str] = field(default_factory=list)
    #: all content words (nouns, verbs, adjectives, names), lower-case, for keyword search
    keywords: list[str] = field(default_factory=list)


_GENERIC = frozenset("""name names thing things stuff kind type sort way lot one ones something anything
everything someone anyone person people time times day days week weeks month months year years moment
question answer chat conversation detail details info information bit gap number count total amount
btwn sum order""".split())


def word_pos(word: str, pos: str, *, cased: bool) -> str:
    """A question word's part of speech: the tagger's, except that a lower-case "proper noun" of a
    question written with capitals is a common noun (a writer who capitalises capitalises names)."""
    return "NOUN" if pos == "PROPN" and cased and word.islower() else pos


def content_words(question: str) -> Words:
    """Named terms, content nouns and keywords of a question (tagger only, no parser/NER)."""
    text = strip_discourse(question)
    model = nlp()
    out = Words()
    # skipped for this parse only: switching them off on the shared pipeline would for every thread
    doc = model(text, disable=[p for p in ("parser", "ner") if p in model.pipe_names])
    run: list[str] = []
    # a writer who capitalises ("How hot the oven must be …") writes names capitalised: a lower-case word the tagger
    # calls a proper noun is then a common one (texting in lower case keeps them)
    # (the pronoun "I" is no sign of it: normalise_question raises a texted "i")
    cased = bool(re.search(r"^\W*[A-Z]|\b(?!I\b|I['’])[A-Z]", question.strip()))
    for i, tok in enumerate(doc):
        pos = word_pos(tok.text, tok.pos_, cased=cased)
        propn = pos == "PROPN" or (tok.text[:1].isupper() and i > 0 and pos in ("NOUN", "ADJ", "X"))
        if propn and tok.is_alpha and tok.text.lower() not in ("i",):
            run.append(tok.text)
            continue
        if run:
            out.named.append(" ".join(run))
            run = []
        lemma = tok.lemma_.lower()
        if not (tok.is_alpha or "-" in tok.text) or tok.is_stop or len(lemma) < 2:
            continue
        if pos in ("NOUN", "VERB", "ADJ", "NUM", "X"):
            out.keywords.append(tok.text.lower())
            if pos == "NOUN" and lemma not in _GENERIC:
                out.nouns.append(lemma)
    if run:
        out.named.append(" ".join(run))
    out.named = [n for n in dict.fromkeys(out.named) if n.lower() not in _WEEKDAY_MONTH]
    out.keywords = list(dict.fromkeys([*(w.lower() for n in out.named for w in n.split()), *out.keywords]))
    out.nouns = list(dict.fromkeys(out.nouns))
    return out


_WEEKDAY_MONTH = frozenset({*calendar.WEEKDAYS, *calendar.MONTHS, "christmas", "easter", "thanksgiving", "halloween"})

#: people a speaker calls "my X" (kin, partners, friends and colleagues), from kgmem.lexicon.people
RELATIONS = tuple(sorted(people.words("kin", "kin_groups", "partners", "social")))

"""Query planning: question → :class:`QueryPlan`, by regex fast paths and by meaning.

The plan carries the intent (what kind of computation the answer needs) with its score and what
decided it, the slot asked about (a predicate such as ``works_at``), the expected answer type,
the question's proper names and content nouns (what abstention checks memory for), a time window
resolved by :mod:`kgmem.temporal` (only when the question has a time expression), an as-of date,
the answer shape, and machine-readable notes:

- ``predicate:<name>``   predicates the question is about (the slot first);
- ``event:<phrase>``     event phrases for duration questions ("the concert");
- ``option:<phrase>``    choices offered by the question ("X or Y");
- ``anchor:<rel>:<phrase>`` a time anchored to an event ("before my trip"), resolved later;
- ``span:<phrase>``      an activity whose start-to-end duration is asked ("how long did X last");
- ``unit:<unit>``        the unit a duration question asks for (days, weeks, months, years);
- ``noun:<word>``        content nouns.

Regex fast paths decide structural intents (durations, orderings, counts, what the assistant
said); the exemplar bank (:mod:`kgmem.retrieval.intents`) decides the rest and the slot, so an
unseen phrasing ("what firm pays my salary") gets the same plan as a known one ("where do I work").
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np

from kgmem import knowledge
from kgmem import predicates as predicate_registry
from kgmem.models import Intent, QueryPlan, TimeWindow
from kgmem.retrieval import event_phrases as ep
from kgmem.retrieval import intents as intent_bank
from kgmem.retrieval import question as qa
from kgmem.retrieval import time_asked
from kgmem.retrieval.intents import HISTORY_CUE, IntentBank, IntentMatch, slot_vocabulary
from kgmem.retrieval.relation_asked import label_slot, relation_slot
from kgmem.retrieval.requests import RECOLLECTED
from kgmem.retrieval.subject import question_subject
from kgmem.retrieval.which_asked import aggregate_shape, not_counted
from kgmem.temporal import question_window, resolve_time

if TYPE_CHECKING:
    from kgmem.embeddings import Embedder

#: a meaning match at least this similar decides an intent the regex paths left open (both
#: thresholds chosen by hand on development-family questions; no committed sweep)
MIN_MEANING = 0.55
#: ... and overrides a weak regex path (HISTORY/CURRENT_VALUE cues) at this similarity
OVERRIDE_MEANING = 0.72

_SHAPES: dict[Intent, str] = {Intent.DURATION: "duration", Intent.WHEN: "date", Intent.ORDERING: "choice"}

#: words that name a slot's relation or category; never content the evidence must repeat
SLOT_WORDS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in {
    "works_at": "work job employer company firm office workplace organisation organization salary pay boss career employ",
    "lives_in": "live home city town place house apartment flat country area neighbourhood neighborhood base stay",
    "job_title": "job title role position work occupation profession living",
    "drives": "car vehicle drive ride automobile",
    "phone": "phone smartphone mobile cell",
    "gym": "gym club fitness workout train membership",
    "commute": "commute work office travel way",
    "rent": "rent apartment month",
    "salary": "salary pay income earning money year",
    "reading_goal": "reading goal target book year",
    "running_pb": "personal best pb time record 5k run",
    "pet_name": "pet name animal",
    "family_member": "name relative family",
    "hometown": "hometown town city place childhood origin kid child young youth grow grew raised born",
    "allergic_to": "allergy allergic reaction medication food",
    "plays_instrument": "instrument music lesson",
    "speaks_language": "language class study",
    "favourite_drink": "drink beverage favourite favorite",
    "bought.store": "store shop retailer place website",
    "bought.price": "price cost money",
    "assistant_recommended": "recommendation suggestion pick chat conversation",
}.items()}


#: slots whose other nouns (the species, the relative) must be matched, never exempted
_STRICT_SLOTS = frozenset({"pet_name", "family_member", "bought.store", "bought.price"})
#: what people call the things aggregates count, beyond the registry's cues
_AGGREGATE_CUES: dict[str, tuple[str, ...]] = {
    "visited": ("cities", "city", "places", "countries", "been to", "travelled", "traveled", "trips"),
    "read_book": ("books", "novels"), "watched": ("films", "movies", "shows", "series"),
    "attended": ("events", "concerts", "gigs", "festivals", "weddings"),
    "bought": ("things i bought", "purchases", "items", "things did i buy", "things have i bought"),
}


def _slot_cues(slot: str | None) -> set[str]:
    pred = predicate_registry.get((slot or "").split(".")[0])
    return {w for c in pred.cues for w in c.split()} if pred is not None else set()


def plan_notes(plan: QueryPlan, kind: str) -> list[str]:
    """Values of the plan's notes of one kind (``predicate``, ``event``, ``option``, ``unit``…)."""
    prefix = kind + ":"
    return [n[len(prefix):] for n in plan.notes if n.startswith(prefix)]


def resolve_window(question: str, question_date: datetime | None) -> TimeWindow | None:
    """The search window of the question's time expression (see :func:`kgmem.temporal.question_window`)."""
    return question_window(question, question_date)


def _cue_predicates(q: str) -> list[str]:
    """Predicates whose cue words appear in the question (single-valued first)."""
    ql = q.lower()
    found: list[tuple[int, str]] = []
    for p in predicate_registry.REGISTRY.values():
        for cue in p.cues:
            if re.search(rf"\b{re.escape(cue)}{re.escape(cue[-1])}?(s|es|ed|d|ing)?\b", ql):
                found.append((0 if p.single_valued else 1, p.name))
                break
    return [name for _, name in sorted(found)]


#: regex fast paths for attribute questions about a purchase (the content words would
#: otherwise dominate a meaning match)
_SLOT_RULES: tuple[tuple[re.Pattern[str], Intent, str], ...] = (
    (re.compile(r"^\s*(?:where|from where)\s+did\s+i\s+(?:buy|get|purchase|order|pick\s+up|grab|find)\b|"
                r"\b(?:which|what)\s+(?:store|shop|retailer|website|site|place|seller)\s+(?:did\s+i|was\s+it\s+that\s+i|"
                r"i)\s+(?:buy|get|got|purchase|order|pick)|"
                # the thing as the subject: "which shop was the coat from", "what store did the lamp come from"
                r"\b(?:which|what)\s+(?:store|shop|retailer|website|site|seller)\s+(?:was|were|is|are|did)\s+(?:the|my|that|"
                r"those|these|this)\s+[\w' -]{2,40}?\s+(?:from|come\s+from|came\s+from|bought\s+(?:from|at))\s*\??\s*$",
                re.I), Intent.SINGLE_FACT, "bought.store"),
    (re.compile(r"^\W*[\w -]{2,40}?\s+(?:price|cost)\s*\??\s*$|\bhow\s+much\s+did\s+i\s+pay\s+for\b|\bwhat\s+i\s+(?:spent|paid)\s+(?:on|for)\b|\bwhat\s+did\s+(?:the\s+|my\s+)?.{2,40}?\s+cost(?:\s+me)?\s*\??$|"
                r"\bwhat\s+was\s+the\s+price\s+of\b|\b(?:set|sets|setting)\s+(?:me|us)\s+back\b|\bwhat\s+did\s+.{2,40}?\s+run\s+(?:me|us)\b|\bhow\s+much\s+(?:was|were|did)\s+(?:the|my)\s+.{2,40}?(?:\s+cost)?\s*\??$",
                re.I), Intent.SINGLE_FACT, "bought.price"),
)


def _decide(q: str, rx: Intent | None, m: IntentMatch | None, cues: list[str]) -> tuple[Intent, str | None, float, str]:
    """(intent, slot, score, source) from the regex path, the meaning match and predicate cues."""
    # "how much was my old rent": an amount of a changing slot, no purchase
    state_slot = bool(cues) and predicate_registry.is_single_valued(cues[0]) and \
        getattr(predicate_registry.get(cues[0]), "value_type", "") in ("money", "number")
    for pattern, rule_intent, rule_slot in _SLOT_RULES:
        if pattern.search(q) and not state_slot \
                and not re.search(r"\b(total|altogether|in all|combined|add up|sum|all my|purchases)\b", q, re.I):
            return rule_intent, rule_slot, 1.0, "regex"
    meaning = Intent(m.intent) if m is not None else None
    asked_of_you = re.sub(r"\b(?:could|can|would|will|do|did)\s+you\s+(?:please\s+)?(?:remind|tell|remember|recall|know|"
                          r"help|list|give)\b", " ", q, flags=re.I)
    if meaning == Intent.ASSISTANT_SAID and not re.search(r"\b(you|your|yours|assistant)\b", asked_of_you, re.I):
        meaning, m = None, None  # what the assistant said is asked in the second person
    if meaning == Intent.WHEN and not re.search(r"\b(when|date|day|month|year|time)\b", q, re.I):
        meaning = Intent.CURRENT_VALUE if m is not None and predicate_registry.is_single_valued(m.slot or "") \
            else Intent.SINGLE_FACT  # "where did I move to": the place, not the date
    if meaning == Intent.HISTORY and not HISTORY_CUE.search(q):
        meaning, m = None, None  # a previous value is asked with words that say so ("before", "used to")
    if meaning == Intent.PREFERENCE and RECOLLECTED.search(q):
        meaning, m = None, None  # "what did I cook for the party?" recalls the past: no request for a suggestion (pf16)
    strong = m is not None and m.score >= MIN_MEANING
    events_asked = any(not predicate_registry.is_single_valued(c) for c in cues)
    if rx == Intent.ORDERING and not ep.options(q, rx) and m is not None and strong and not events_asked \
            and meaning in (Intent.HISTORY, Intent.CURRENT_VALUE) and m.slot:
        return Intent.HISTORY, m.slot, m.score, "regex+meaning"  # "which car was I driving before…"
    if rx is not None and (rx in qa.STRUCTURAL or rx == Intent.WHEN):
        # the meaning adds a slot only when the question names it ("when did my *salary* change"):
        # "on what date did I have my dentist appointment" is an event, whatever phrasing is nearest
        named = _names_slot(q, m.slot if m is not None else None) and (rx != Intent.WHEN or (m is not None and m.score >= OVERRIDE_MEANING))
        slot = m.slot if (m is not None and strong and meaning == rx and named) else None
        return rx, slot, 1.0, "regex" if slot is None else "regex+meaning"
    if rx == Intent.PREFERENCE:
        # "Can you recommend a book for me?" asks for a suggestion now; what the assistant said
        # before is asked about in the past ("what did you recommend", "the one you suggested")
        if m is not None and meaning == Intent.ASSISTANT_SAID and m.score >= OVERRIDE_MEANING and _PAST_ASK.search(q):
            return Intent.ASSISTANT_SAID, m.slot, m.score, "meaning"
        return Intent.PREFERENCE, None, 1.0, "regex"
    if m is not None and strong:
        assert meaning is not None
        if rx is None:
            return meaning, m.slot, m.score, "meaning"
        if rx == Intent.HISTORY and meaning in (Intent.HISTORY, Intent.CURRENT_VALUE):
            return Intent.HISTORY, m.slot, m.score, "regex+meaning"
        if rx == Intent.CURRENT_VALUE and meaning in (Intent.CURRENT_VALUE, Intent.HISTORY, Intent.SINGLE_FACT):
            single = m.slot is not None and predicate_registry.is_single_valued(m.slot)
            return (Intent.CURRENT_VALUE if single or meaning == Intent.CURRENT_VALUE else meaning,
                    m.slot, m.score, "regex+meaning")
        if m.score >= OVERRIDE_MEANING:
            return meaning, m.slot, m.score, "meaning"
    if rx is not None:
        return rx, _cue_slot(cues), 1.0, "regex"
    # "where do I live?" with a single-valued slot and no history words → current value
    if cues and predicate_registry.is_single_valued(cues[0]) and \
            re.search(r"^\s*(what|where|who|which)('s|\s+(is|are|do|does))\b", q, re.I):
        return Intent.CURRENT_VALUE, cues[0], 0.5, "default"
    return Intent.SINGLE_FACT, _cue_slot(cues), (m.score if m else 0.0), "default"


_PAST_ASK = re.compile(r"\b(?:did|had|have)\s+you\b|\byou\s+(?:\w+\s+)?(?:said|told|recommended|suggested|mentioned|gave|"
                       r"named|listed|picked|proposed|pointed|thought|came\s+up)\b|\b(?:earlier|last\s+time|before|previous(?:ly)?|"
                       r"again|remind|recall|remember|back\s+when|that\s+time)\b", re.I)

def _names_slot(q: str, slot: str | None) -> bool:
    """The question uses a word of the slot (its cue words, the bank's words for it); slots that are
    computations ("count", "between") need none."""
    if not slot or slot.split(".")[0] not in predicate_registry.REGISTRY:
        return True
    words = SLOT_WORDS.get(slot, frozenset()) | _slot_cues(slot) | slot_vocabulary(slot.split(".")[0])
    have = {w.lower() for w in re.findall(r"[A-Za-z0-9]+", q)}
    return any(h == w or (len(w) >= 4 and h.startswith(w)) for h in have for w in words)


def _cue_slot(cues: list[str]) -> str | None:
    """A slot from a cue word only when it is a changing slot ("home" → lives_in); a cue like
    "concert" names a topic (attended), not what the question asks for."""
    return cues[0] if cues and predicate_registry.is_single_valued(cues[0]) else None


def _verb_noun(q: str) -> str | None:
    """"Do you remember the name of the *film* …": the noun after "the name of the"."""
    m = re.search(r"\bname\s+of\s+(?:the|my|that)\s+([a-z]+)", q, re.I)
    return m.group(1).lower() if m else None


def _head_slot(head: str | None, q: str) -> str | None:
    """"What *movie* did we see", "which *book* did I read": a what/which question whose head is
    a predicate's own word asks for that predicate's value."""
    if not head or not re.match(r"^\W*(?:what|which|name)\b", q, re.I):
        return None
    for p in predicate_registry.REGISTRY.values():
        if not p.single_valued and p.value_type in ("item", "place") and head.rstrip("s") in p.cues \
                and p.name not in ("owns", "likes", "assistant_recommended"):
            return p.name
    return None


_ATTRIBUTE_TYPES = {"bought.store": "org", "bought.price": "money", "assistant_recommended": "item",
                    "count": "number", "sum": "money", "list": "list"}


def _slot_type(slot: str | None, m: IntentMatch | None) -> str | None:
    if slot is None:
        return None
    if slot in _ATTRIBUTE_TYPES:
        return _ATTRIBUTE_TYPES[slot]
    if m is not None and m.slot == slot and m.answer_type not in ("text", "date", "duration", "choice", "list"):
        return m.answer_type
    pred = predicate_registry.get(slot.split(".")[0])
    if pred is None or "." in slot:
        return m.answer_type if m is not None and m.slot == slot else None
    return {"entity": "item", "person": "person", "place": "place", "org": "org", "item": "item",
            "number": "number", "money": "money", "date": "date"}.get(pred.value_type)


#: words for a change of a slot's value: a history question's framing, never content a line must repeat
_CHANGE_WORDS = frozenset("increase raise hike bump rise change switch move upgrade promotion cut drop "
                          "increases raises changes switches moves upgrades".split())
#: slots that name a relation of the user's, not a value someone else holds
_RELATION_SLOTS = frozenset({"family_member"})


def _asked_of_subject(q: str, subject: str | None, embedder: Embedder | None, intent: Intent, slot: str | None,
                      match: IntentMatch | None) -> tuple[str | None, IntentMatch | None]:
    """The slot asked of someone else: "What city is my brother in?" is near "Who is my brother?"
    as a whole; what is asked of the person is the question with the person taken out ("What city
    am I in?")."""
    if subject is None or embedder is None or intent not in (Intent.CURRENT_VALUE, Intent.HISTORY, Intent.SINGLE_FACT):
        return slot, match
    theirs = IntentBank.for_embedder(embedder).match(np.asarray(embedder.embed([_without_subject(q, subject)])[0]),
                                                     intents={"current_value", "single_fact", "history"})
    if theirs is not None and theirs.score >= MIN_MEANING and theirs.slot not in _RELATION_SLOTS:
        return theirs.slot, theirs
    return slot, match


def _without_subject(q: str, subject: str) -> str:
    """The question with the person it is about taken out ("What's Liam's rent?" → "What's my
    rent?", "What city is my brother in?" → "What city is I in?"): what is asked of them."""
    who = re.escape(subject)
    out = re.sub(rf"(?:\bmy\s+(?:\w+\s+)?)?\b{who}['’]s\b", "my", q, flags=re.I)
    return re.sub(rf"(?:\bmy\s+(?:(?:best|older|younger|little|big)\s+)?(?:\w+\s+)?)?\b{who}\b", "I", out, flags=re.I)


#: people the user knows by a role ("my manager", "the physio", "my landlady's name"): a question
#: asking who one is asks for a person, whatever slot its wording came near ("who is my boss" is
#: not where the user works; "my landlady" is no partner)
_PERSON_ROLE = re.compile(
    r"^\W*(?:who(?:'s|\s+is|\s+was|\s+are|\s+were)|what(?:'s|s|\s+is|\s+was)(?:\s+the\s+name\s+of)?)\s+(?:my|our|the)\s+"
    r"(?:new\s+|current\s+|old\s+|usual\s+|team\s+)?(?:manager|boss|lead|supervisor|dentist|doctor|gp|physio|"
    r"physiotherapist|therapist|landlord|landlady|coach|trainer|tutor|teacher|mentor|accountant|lawyer|solicitor|vet|"
    r"neighbou?r|colleague|co-?worker|flatmate|roommate|housemate|hairdresser|barber|mechanic|nanny|babysitter|"
    r"instructor|advisor|adviser|counsell?or|nurse|surgeon|optician|pharmacist|professor)(?:'?s)?\b", re.I)


def _role_person(q: str, slot: str | None, asked: str | None,
                 slot_type: str | None) -> tuple[str | None, str | None, str | None]:
    """(slot, asked slot, slot type), with a role-person question's slot dropped for a person."""
    if slot_type != "person" and _PERSON_ROLE.search(q) or \
            slot in ("partner_name", "family_member") and _PERSON_ROLE.search(q):
        return None, None, "person"
    return slot, asked, slot_type


def _thing_asked(q: str, head: str | None, slot: str | None, asked: str | None, slot_type: str | None,
                 cues: list[str]) -> tuple[str | None, str | None, str | None, list[str]]:
    """(slot, asked slot, slot type, cue predicates) as a which/what question's head noun says: "Which
    *school* does my husband teach at?" asks for a school, whatever person slot or cue "my husband"
    came near (no sense of "school" is a person in WordNet); "Which *registrar* is working with me?"
    asks for a person, not an employer (every sense of "registrar" is one). A head with both kinds of
    sense ("coach") or none known keeps the plan; a thing whose first sense is an organisation
    ("school", "clinic") asks for one."""
    if not head or not re.match(rf"^\W*(?:which|what)\s+(?:[a-z]+\s+)?{re.escape(head)}(?:e?s)?\b", q, re.I):
        return slot, asked, slot_type, cues
    listed = qa.CATEGORY_TYPES.get(head)
    person = (listed == "person") if listed else knowledge.names_a_person(head)
    if slot_type == "person" and person is False:
        theirs = [c for c in cues if getattr(predicate_registry.get(c), "value_type", "") != "person"]
        return None, None, listed or ("org" if knowledge.is_kind_of(head, "organization") else None), theirs
    if slot_type not in (None, "person") and person is True:
        return None, None, "person", cues
    return slot, asked, slot_type, cues


def plan_query(question: str, question_date: datetime | None = None, *, as_of: datetime | None = None,
               embedder: Embedder | None = None, vector: np.ndarray | None = None) -> QueryPlan:
    """Plan a question: intent (+ score and source), slot, answer type, content words, time
    window, as-of, answer shape and notes.

    ``question_date`` is "today" for relative expressions; ``as_of`` restricts answering to what
    the memory held then. With an ``embedder`` (or a precomputed question ``vector`` and an
    embedder for the bank) the exemplar bank is consulted; without one, regex paths and predicate
    cues decide alone."""
    if not isinstance(question, str) or not question.strip():
        raise ValueError("question must be a non-empty string")
    q = qa.normalise_question(question)
    rx = time_asked.refine(q, qa.regex_intent(q), qa.regex_intent)  # "was A or B earlier", "what's that in days"
    match: IntentMatch | None = None
    if embedder is not None:
        vec = vector if vector is not None else np.asarray(embedder.embed([q])[0])
        match = intent_bank.bank_match(IntentBank.for_embedder(embedder), vec, q)
    cues = _cue_predicates(qa.strip_discourse(q))
    rx, match = not_counted(q, rx, match)  # "which museum did I go to two weeks ago": the thing, not a count
    intent, slot, score, source = _decide(q, rx, match, cues)
    head = qa.wh_head(q)
    if slot is None and intent == Intent.SINGLE_FACT:
        slot = _head_slot(head, q) or _head_slot(_verb_noun(q), q)
    words = qa.content_words(q)
    subject, slot = question_subject(q, words.named), label_slot(q, relation_slot(q, slot), SLOT_WORDS["phone"])
    # the kind of value asked for, whoever holds it (a predicate note below)
    asked_slot, match = _asked_of_subject(q, subject, embedder, intent, slot, match)
    slot, asked_slot, slot_type, cues = _thing_asked(  # a title is a title; "which school" asks for a school
        q, head, *_role_person(q, slot, asked_slot, _slot_type(asked_slot, match)), cues)
    if subject is not None and intent in (Intent.CURRENT_VALUE, Intent.HISTORY, Intent.SINGLE_FACT):
        slot = None  # someone else's city or car is no slot of the user's
        if qa.wh_word(q) in ("where", "who", "whom", "when"):
            slot_type = None  # "where does my sister live": the wh-word says the type
    atype = qa.answer_type_for(q, head, slot_type)
    exempt = {head or ""} | SLOT_WORDS.get(slot or "", frozenset()) | (_slot_cues(slot) if slot not in _STRICT_SLOTS else set())
    if intent != Intent.ASSISTANT_SAID:  # "the film I watched": the kind of answer, not content
        exempt |= set(qa.CATEGORY_TYPES)
    if intent in (Intent.HISTORY, Intent.WHEN) and slot:  # "my rent before the *increase*": the change itself
        exempt |= _CHANGE_WORDS
    if match is not None and match.slot == slot and slot not in _STRICT_SLOTS:
        exempt |= {w.lower().rstrip("s") for w in re.findall(r"[a-zA-Z]+", match.exemplar)}
    named_words = {w.lower() for n in words.named for w in n.split()}
    focus = [n for n in words.nouns if n not in exempt and n.rstrip("s") not in exempt and n not in named_words]
    window = question_window(q, question_date)
    m_asof = re.search(r"\bas of ([^?,]+)", q, re.I)
    if as_of is None and m_asof and question_date is not None:
        r = resolve_time(m_asof.group(1), question_date)
        as_of = r.end.replace(hour=23, minute=59) if r is not None else None
    shape = aggregate_shape(q, slot) if intent == Intent.AGGREGATE else _SHAPES.get(intent, "text")
    if intent == Intent.ORDERING and not re.search(r"\bor\b|\b(before|after)\b|:", q, re.I):
        shape = "text"
    elif intent == Intent.SINGLE_FACT and re.match(r"^\s*(did|do|does|is|are|was|were|have|has|had|can)\b", q, re.I):
        shape = "yes_no"
        atype = "text"  # "is Jonah seeing anyone?": the line that tells, not a typed value
    preds = [asked_slot.split(".")[0]] if asked_slot and asked_slot.split(".")[0] in predicate_registry.REGISTRY else []
    if intent in (Intent.AGGREGATE, Intent.ORDERING):
        ql = q.lower()
        preds += [p for p, words in _AGGREGATE_CUES.items() if any(re.search(rf"\b{w}\b", ql) for w in words)]
    preds += [p for p in cues if p not in preds]
    notes = [f"predicate:{p}" for p in preds[:4]]
    notes += [f"option:{o}" for o in ep.options(q, intent)]
    notes += [f"event:{e}" for e in ep.events(q, intent)]
    activity = ep.span_activity(q) if intent == Intent.DURATION else None
    notes += [f"span:{activity}"] if activity else []
    main = (ep.duration_main_activity(q) if intent == Intent.DURATION and not activity
            and len(ep.events(q, intent)) == 2 else None)
    notes += [f"main:{main}"] if main else []
    unit = ep.unit(q)
    if unit and intent == Intent.DURATION:
        notes.append(f"unit:{unit}")
    notes += [f"anchor:{a}" for a in ep.anchors(q)] if window is None else []
    notes += [f"noun:{n}" for n in words.nouns]
    return QueryPlan(
        question=q, question_date=question_date, intent=intent, entities=words.named,
        keywords=words.keywords, window=window, as_of=as_of, answer_shape=shape,  # type: ignore[arg-type]
        notes=notes, intent_score=round(float(score), 3), intent_source=source,
        exemplar=match.exemplar if match is not None else None, slot=slot, answer_type=atype,
        head=head, named=words.named, focus=focus, subject=subject,
    )

"""Current values of the things the user told about: a meeting's time, an order's status, who
runs a project, where an event is.

Extraction stores these as facts whose subject is the thing ("design team sync" scheduled_for
"Wednesdays at 2"), and a later correction supersedes the earlier value in the same slot. A
question that names the thing and asks for the kind of value one of those predicates holds is
answered with the slot's value that is current at the question date, not with a session date or
the first sentence that mentioned it. Questions about what the user did ("when did I …") are
events, not these slots, and are left to :mod:`kgmem.answer.deterministic`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kgmem import predicates as predicate_registry
from kgmem.answer import presence
from kgmem.answer.answering import mine_asked
from kgmem.answer.deterministic import Computed
from kgmem.answer.evidence import EvidenceSet
from kgmem.answer.match import GENERIC, contains_name, norm, terms
from kgmem.answer.spans import with_title
from kgmem.answer.whose import thing_holder
from kgmem.ids import normalise_name
from kgmem.lexicon.gone import gone_after
from kgmem.lexicon.people import people_noun
from kgmem.models import Fact, Intent, QueryPlan
from kgmem.nlp import load_nlp
from kgmem.retrieval.intents import slot_vocabulary
from kgmem.retrieval.planner import plan_notes
from kgmem.retrieval.question import RELATIONS

#: predicates of other-entity slots, by the kind of value the question asks for (first = preferred).
#: "who" asks for whoever fills a thing's slot: the person in charge, a role's name ("Who's the PTA
#: treasurer?"), or the company behind it ("Who's my car insured with?", "Who supplies the gas?")
_ASKS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"^\s*(?:by\s+)?(?:when|what time|at what time|which day|what day|what date|on what (?:day|date)|"
                r"which date|how late|how early)\b", re.I), ("scheduled_for", "due_date")),
    (re.compile(r"\b(?:due|deadline)\b", re.I), ("due_date", "scheduled_for")),
    (re.compile(r"\b(?:status|still|what(?:'s| is| has)? happen(?:ed|ing)|where\b.*\bat\s*\??$|"
                r"(?:go|went|come|came|gone)\s+through|(?:get|got|been)\s+(?:approved|accepted|rejected|denied)|"
                r"how(?:'s| is) .* (?:going|doing|coming along)|any (?:news|update)|\byet\s*\??\s*$|"
                # "what's the latest on the sofa", "where has the parcel got to": the thing's state now
                r"\bthe latest (?:on|with|about|re)\b|\b(?:got|gotten) to\s*\??\s*$)", re.I), ("status",)),
    (re.compile(r"^\s*(?:who|whom)\b|\bwhich (?:person|teacher|instructor|doctor|manager|lead)\b", re.I),
     ("person_in_charge", "name", "provider")),
    (re.compile(r"^\s*where\b|\b(?:which|what) (?:venue|room|place|location)\b", re.I), ("venue",)),
    (re.compile(r"\bhow much\b|\b(?:cost|price|budget|fee|amount)\b", re.I), ("amount",)),
    (re.compile(r"\b(?:provider|supplier|insurer|company|carrier)\b|\b(?:suppl(?:y|ies|ied)|insured?|insures)\b",
                re.I), ("provider",)),
    (re.compile(r"\b\w*name[ds]?\b|\bcall(?:ed|ing)?\b", re.I), ("name",)),
)
#: naming something is no event of the user's even in the past tense ("What did we end up calling
#: the dog?", "what did they name the project") — unless it is a call about something
_NAMING = re.compile(r"\b(?:call(?:ed|ing)?|nam(?:ed|ing|e))\s+(?:it|him|her|them|the|our|my|his|their|\w+'s)\b"
                     r"(?!.*\babout\b)", re.I)
#: a question about the user's own doings is an event question, not a thing's slot
#: ("when do we record the podcast": a habit in the present asks for the schedule, not an event)
_USER_EVENT = re.compile(r"\b(?:did|have|had|was|were)\s+(?:i|we)\b|\b(?:i|we)\s+(?!should\b)\w+(?:ed|t)\b|"
                         r"\bwhen\s+(?:i|we)\b|\bused to\b|\bbefore\b|\bprevious(?:ly)?\b|\boriginally\b", re.I)
#: words that ask for the slot, not name the thing
_ASKING = terms("when time day date due back status still open happen happened going update news latest who whom "
                "where venue room place location much cost price amount provider name called owns own chair "
                "chairs run runs lead leads email contact meet meets these days now currently right moment yet call "
                "calling codename nickname supply supplies insured")
_WHO_WHEN = re.compile(r"^\s*(?:who|whom|when|what time)\b", re.I)
_PROPER = re.compile(r"(?<![.?!]\s)\b[A-Z][\w'’-]+")
#: a person's slot → the NER labels of a value of its kind, the prepositions before one and the verbs
#: whose object one is (:func:`_another_of_kind`)
_KIND_OF = {"lives_in": (frozenset({"GPE", "LOC"}), frozenset({"to", "in"}), frozenset()),
            "works_at": (frozenset({"ORG"}), frozenset({"at", "for"}), frozenset({"join"}))}
_SKIP = (Intent.DURATION, Intent.ORDERING, Intent.AGGREGATE, Intent.ASSISTANT_SAID,
         Intent.HISTORY)


@dataclass
class _Candidate:
    fact: Fact
    name: str
    overlap: int


def asked_predicates(question: str) -> tuple[str, ...]:
    """The entity-slot predicates the question asks for, most likely first (empty: none)."""
    out: list[str] = []
    for rx, preds in _ASKS:
        if rx.search(question):
            out.extend(p for p in preds if p not in out)
    return tuple(out)


def _subject_slot(ev: EvidenceSet) -> Computed:
    """Someone else's changing slot ("Where does Sam work?", "What's Marta's job title?"): the
    value of the person's own fact that is current at the question date (a later correction
    supersedes the earlier one), citing the sentence that said it."""
    plan = ev.result.plan
    out = Computed(kind="entity")
    preds = [p for p in plan_notes(plan, "predicate") if predicate_registry.is_single_valued(p)]
    subject = _whose(plan)
    if not subject or not preds:
        return out  # a named person ("Sam") or a relative ("my dad": the entity the user calls so)
    asof = plan.question_date
    facts = [f for f in ev.result.all_facts.values() if f.predicate in preds and f.value
             and (asof is None or f.observed_at <= asof)
             and (f.invalid_at is None or (asof is not None and f.invalid_at > asof))]
    store = ev.result.store
    if not facts or store is None:
        return out
    called = {subject} | _relative_names(ev, subject)
    theirs = {e.id for e in store.entities(ev.result.user_id, sorted({f.subject_id for f in facts}))
              if any(contains_name(c, n) for c in called for n in [e.name, *e.aliases])}
    facts = [f for f in facts if f.subject_id in theirs]
    if not facts:
        return out
    pred = next(p for p in preds if any(f.predicate == p for f in facts))
    f = max((f for f in facts if f.predicate == pred), key=lambda f: (f.observed_at, f.id))
    p = predicate_registry.get(pred)
    vocab = {norm(w) for w in slot_vocabulary(pred) | {w for c in (p.cues if p else ()) for w in c.split()}}
    if any(ln.said_at.date() > f.observed_at.date() and contains_name(subject, ln.text)
           and (vocab & terms(ln.text) or _another_of_kind(f, ln.text, subject)) and not _states(f, ln.text)
           for ln in ev.all_user_lines()):
        return out  # a newer line tells of the same slot (not the value the fact holds): it may be stale
    out.fact_ids.append(f.id)
    out.turn_ids.extend(f.source_turn_ids[:1])
    out.cited.append(f'"{ev.source_sentence(f) or f.text}" (said {f.observed_at.date()})')
    out.answer = f"{with_title(f.value or '', ev.source_sentence(f) or '')} (you told me on {f.observed_at.date()})"
    return out


def _whose(plan: QueryPlan) -> str | None:
    """Whose slot the question asks: the planner's subject, else its one proper name ("Which company
    is Sanjay with?", where the planner left the subject empty), else its one word for a person
    ("What diet is my dad on?", "… grandad …"); the slot is only answered when an entity of that
    name (or a relative the user called so) holds a fact of the asked predicate."""
    if plan.subject:
        return plan.subject
    if plan.named:
        return plan.named[0] if len(plan.named) == 1 else None
    people = [w for w in plan.focus if people_noun(w)]
    return people[0] if len(people) == 1 else None


def _relative_names(ev: EvidenceSet, relation: str) -> set[str]:
    """The names the user gave a relative ("my brother Liam": {"Liam"} for "brother"), from the
    user's relation facts whose sentence says the relation."""
    if not relation.islower():
        return set()
    rel = re.compile(rf"\b{re.escape(relation)}s?\b", re.I)
    return {f.value for f in ev.result.all_facts.values()
            if f.predicate == "family_member" and f.value and f.speaker == "user"
            and rel.search(ev.source_sentence(f) or f.text)}


def _another_of_kind(f: Fact, text: str, subject: str) -> bool:
    """The line names another place of the kind the fact's value is ("Mei's just upped sticks to
    Toronto" after "Mei lives in Vancouver"): a name NER gives the kind's label, or a proper noun
    after the kind's preposition or verb (:data:`_KIND_OF`; NER calls a city or a bank a person often
    enough: "he's joined Monzo"), not the person's own name. However the line is worded, it may be the correction memory did not read."""
    kind = _KIND_OF.get(f.predicate)
    if kind is None:
        return False
    labels, preps, verbs = kind
    doc = load_nlp()(text)
    names = [e.text for e in doc.ents if e.label_ in labels]
    names += [t.text for t in doc if t.pos_ == "PROPN" and (t.dep_ == "pobj" and t.head.lower_ in preps
                                                            or t.dep_ == "dobj" and t.head.lemma_.lower() in verbs)]
    held, own = terms(f.value or ""), terms(subject)
    return any(terms(n) and not terms(n) & (held | own) for n in names)


def _states(f: Fact, text: str) -> bool:
    """The line states the fact's own value (it is the fact's source, or says it again)."""
    value = terms(f.value or "")
    return bool(value) and value <= terms(text)


def compute_entity_slot(ev: EvidenceSet) -> Computed:
    """The current value of a named thing's slot, or an empty :class:`Computed`."""
    plan = ev.result.plan
    out = Computed(kind="entity")
    if plan.intent in (Intent.CURRENT_VALUE, Intent.SINGLE_FACT) and _whose(plan):
        by_person = _subject_slot(ev)
        if by_person.answer:
            return by_person
    if plan.intent in _SKIP or (_USER_EVENT.search(plan.question) and not _NAMING.search(plan.question)):
        return out
    if plan.intent == Intent.PREFERENCE and not _WHO_WHEN.match(plan.question):
        return out  # "who should I email at X" names a slot; "what should I cook" does not
    preds = asked_predicates(plan.question)
    if not preds:
        return out
    asof = plan.question_date
    facts = [f for f in ev.result.all_facts.values() if f.predicate in preds and f.value
             and (asof is None or f.observed_at <= asof)
             and (f.invalid_at is None or (asof is not None and f.invalid_at > asof))]
    wanted = terms(plan.question) - _ASKING - GENERIC
    mine = mine_asked(plan)
    if mine:
        # "my tortoise": a value told of a thing someone else holds is none of the user's ("Quentin just
        # adopted a tortoise named Tofu", "my neighbour's parrot is called Bean"), by the line's parse
        facts = [f for f in facts if thing_holder(ev.source_sentence(f) or f.text, mine) != "other"]
    if not facts:
        return out
    names = _names(ev, {f.subject_id for f in facts})
    # people and proper names the question names must be the thing's ("my sister's wedding" is not
    # the cousin's): checked against the thing's name and the sentence that stated the value
    must = (terms(" ".join(RELATIONS)) & wanted) | terms(" ".join(_PROPER.findall(plan.question[1:])))
    told: dict[str, set[str]] = {}  # every sentence that said something of the thing, old values too
    subjects = {f.subject_id for f in facts}
    for f in ev.result.all_facts.values():
        if f.subject_id in subjects and f.user_id == ev.result.user_id:
            told.setdefault(f.subject_id, set()).update(terms(ev.source_sentence(f) or f.text))
    step = _thing_step(ev, facts, names, told, wanted, must)
    cands = [_Candidate(f, names[f.subject_id], step[f.subject_id][1]) for f in facts if f.subject_id in step]
    if not cands:
        return out
    best_pred = next(p for p in preds if any(c.fact.predicate == p for c in cands))
    cands = [c for c in cands if c.fact.predicate == best_pred]
    top = max(c.overlap for c in cands)
    cands = [c for c in cands if c.overlap == top]
    if len({c.fact.subject_id for c in cands}) > 1:
        return out  # two things fit the question equally: let the other paths (or abstention) decide
    chosen = max(cands, key=lambda c: c.fact.observed_at)
    f = chosen.fact
    if _said_gone(ev, f) or (f.value or "").casefold() in _possessors(plan.question):
        # memory missed the correction, or the value is whose thing the question asks about ("Who runs
        # Theo's practices?" is never "Theo"; "…, Marcus or Theo?" offers options, "Coach Theo Marsh" is
        # a namesake, and a status may repeat the question's words: "has it arrived": "arrived")
        return out
    out.fact_ids.append(f.id)
    out.turn_ids.extend(f.source_turn_ids[:1])
    sentence = ev.source_sentence(f) or f.text
    out.cited.append(f'"{sentence}" (said {f.observed_at.date()})')
    older = [g for g in ev.result.all_facts.values() if g.subject_id == f.subject_id and g.predicate == f.predicate
             and g.id != f.id and g.observed_at < f.observed_at and g.value]
    if older:
        out.lines.append(f"{best_pred} over time: " + "; ".join(
            f"{g.value} (said {g.observed_at.date()})" for g in sorted(older, key=lambda g: g.observed_at)[-3:])
            + f"; {f.value} (said {f.observed_at.date()})")
    out.answer = f"{with_title(f.value or '', sentence)} (you told me on {f.observed_at.date()})"
    return out


def _possessors(question: str) -> set[str]:
    """The names the question holds something of ("Theo's practices" → theo)."""
    return {m.casefold() for m in re.findall(r"\b([A-Z][\w-]*)['’]s\b", question)}


def _thing_step(ev: EvidenceSet, facts: list[Fact], label_texts: dict[str, str], told: dict[str, set[str]],
                wanted: set[str], must: set[str]) -> dict[str, tuple[int, int]]:
    """Which things the question names: ``{subject id: (step, words matched)}`` for the things of the
    first step that finds any (the user's own entity and things lacking a name the question must
    have — :data:`must` — never count):

    3. by form: a word of the question (less the asking words) is a word of the thing's name;
    2. by meaning: a focus noun of the question is as close in MiniLM as
       :data:`kgmem.answer.presence.WORD_SIMILARITY` to a word of the name ("my plane" ~ "flight",
       "the dog" ~ "puppy"; words for people by form only: :func:`kgmem.answer.presence.unsupported`);
    1. by what was said of it: a focus noun or proper name of the question is a word of a sentence
       that stated one of the thing's values ("the boiler engineer" ~ British Gas, told as "British
       Gas are sending a boiler engineer Thursday"; "the hall for the quiz" ~ the cricket club's
       "the hall hire at the cricket club is £180" for a quiz night).

    A meaning or a sentence never outranks a name: a later step is only asked when no thing
    matched by an earlier one."""
    plan = ev.result.plan
    names = {t: terms(text) - GENERIC for t, text in label_texts.items()}
    things = {f.subject_id for f in facts
              if f.subject_id in names and not must - names[f.subject_id] - told.get(f.subject_id, set())}
    by_form = {t: (3, n) for t in things if (n := len(wanted & names[t]))}
    if by_form:
        return by_form
    focus = [w for w in plan.focus if norm(w) not in _ASKING | GENERIC]
    keys = ({norm(w) for w in focus} | terms(" ".join(plan.named))) - _ASKING - GENERIC
    by_meaning: dict[str, tuple[int, int]] = {}
    if focus:
        for t in sorted(things):
            absent, _ = presence.unsupported(focus, [label_texts[t]], ev.result.embed, formed=names[t])
            if len(absent) < len(focus):
                by_meaning[t] = (2, len(focus) - len(absent))
    if by_meaning:
        return by_meaning
    return {t: (1, n) for t in things if (n := len(keys & told.get(t, set())))}


def _said_gone(ev: EvidenceSet, f: Fact) -> bool:
    """A user line said after the fact's own day calls its value gone ("Dr Okafor's left the Elms"
    after "my GP is Dr Okafor", :func:`kgmem.lexicon.gone.gone_after`): the correction that
    followed was not stored, so the slot's value is stale and must not be asserted."""
    value = normalise_name(f.value or "")
    if len(re.sub(r"\W", "", value)) < 3:
        return False
    rx = re.compile(r"(?<![\w'])" + re.escape(value) + r"(?!\w)")
    for ln in ev.all_user_lines():
        if ln.said_at.date() > f.observed_at.date():
            said = normalise_name(ln.text)
            if any(gone_after(said, m.end()) for m in rx.finditer(said)):
                return True
    return False


def _names(ev: EvidenceSet, subject_ids: set[str]) -> dict[str, str]:
    """Each thing's name and aliases, as one text (the user's own entity and nameless things left out)."""
    store = ev.result.store
    if store is None:
        return {}
    out: dict[str, str] = {}
    for e in store.entities(ev.result.user_id, sorted(subject_ids)):
        if e.type == "user" or e.name.lower() == "user":
            continue
        text = " ".join([e.name, *e.aliases])
        if terms(text) - GENERIC:
            out[e.id] = text
    return out

"""Abstention grounded in evidence: abstain only when memory lacks what the question is about.

:func:`evidence_features` reads, per question, what retrieval found — the best evidence's similarity
to the question (turn and sentence), named entities (and the person asked about) missing from memory
after Unicode folding, the asked-for event told only as a plan / declined / someone else's, an event
no line matched and whether its distinctive words are anywhere in memory, a computed answer, a typed
fact or value of the asked-for type, the question's content nouns absent from all of memory, facts
of the asked slot, and whether the line a reply would quote is about the question at all.
:data:`RULE` decides over those features; it is the choice of a committed sweep on development data
only (``eval/bench_abstention.py`` → eval/results/abstention_calibration.md), not a hand-set list.

When the rule does not abstain and nothing typed or computed came out, the answer is the best dated
evidence line, quoted (:mod:`kgmem.answer.fallback`), not a decline. Category words ("company",
"place": the kind of answer) and time or discourse phrases ("at the moment", "currently") are never
required content: the planner keeps them out of the plan's ``focus`` and ``named`` lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kgmem.answer.deterministic import Computed
from kgmem.answer.evidence import EvidenceSet
from kgmem.answer.extractive import Extracted
from kgmem.answer.match import contains_name, core_terms, norm, second_person, terms
from kgmem.answer.slots import slot_facts
from kgmem.models import Intent, QueryPlan

#: slots whose possessor/relation nouns must be present ("my *hamster*'s name", "my *brother*'s name")
STRICT_FOCUS_SLOTS = frozenset({"pet_name", "family_member", "bought.store", "bought.price"})
#: heads that name no kind ("which *title*", "what *one*"): an assistant question needs no such word
#: ("show" is said of podcasts, series, plays and concerts alike)
_GENERIC_HEADS = frozenset("title name one thing item option pick suggestion recommendation idea show".split())
#: answer types a whole sentence cannot stand in for: the evidence must hold such a value
TYPED = frozenset({"person", "place", "org", "money", "number", "date"})


@dataclass
class AbstainDecision:
    """Whether to abstain, what is missing, why, and the evidence the decision looked at."""

    abstain: bool
    missing: list[str]
    reason: str = ""
    evidence: dict[str, Any] = field(default_factory=dict)


def _memory_text_has(ev: EvidenceSet, name: str) -> bool:
    """A proper name anywhere in the user's memory (facts, then every turn); a name written in
    lower case may be clipped ("econ" for "economics")."""
    if any(contains_name(name, f.text + " " + (f.value or "")) for f in ev.result.all_facts.values()):
        return True
    if any(contains_name(name, t.text) for t in ev.result.all_turns()):
        return True
    if name.islower() and " " not in name and len(name) >= 3:
        clipped = re.compile(rf"\b{re.escape(name)}\w+", re.I)
        return any(clipped.search(t.text) for t in ev.result.all_turns())
    return False


def has_word(key: str, evidence: set[str] | frozenset[str]) -> bool:
    """A content word in the evidence, whole or as part of a compound ("hair" in "haircut")."""
    return key in evidence or (len(key) >= 4 and any(
        len(e) > len(key) + 2 and (e.startswith(key) or (len(key) >= 5 and e.endswith(key))) for e in evidence))


def missing_names(plan: QueryPlan, ev: EvidenceSet) -> list[str]:
    """Proper names of the question that memory never mentions."""
    return [n for n in plan.named if not _memory_text_has(ev, n)]


@lru_cache(maxsize=65536)
def _text_terms(text: str) -> frozenset[str]:
    return frozenset(terms(text))


def memory_terms(ev: EvidenceSet, *, assistant: bool = False) -> set[str]:
    """The comparison forms of every word the user said (facts and turns; with ``assistant``,
    the assistant's turns too): what memory could be about."""
    out: set[str] = set()
    for t in ev.result.all_turns():
        if t.role == "user" or assistant:
            out |= _text_terms(t.text)
    for f in ev.result.all_facts.values():
        out |= _text_terms(f.text + " " + (f.value or ""))
    return out


def _not_actual(ev: EvidenceSet, phrase: str) -> bool:
    """The phrase's event is told, but only as a plan, declined or someone else's doing."""
    core = terms(phrase)
    return any(ln.actuality != "actual" and core and len(core & terms(ln.text)) * 2 >= len(core)
               for ln in ev.all_user_lines())


def _subject_missing(ev: EvidenceSet) -> bool:
    """The person a question is about ("what does *my stepbrother* do") is nowhere in the user's words."""
    who = ev.result.plan.subject
    if not who:
        return False
    if not who.islower():
        return not _memory_text_has(ev, who)
    mine = re.compile(rf"\b(?:my|our)\s+(?:\w+\s+)?{re.escape(who)}s?\b", re.I)
    return not any(mine.search(t.text) for t in ev.result.all_turns() if t.role == "user")


def _topic_not_actual(ev: EvidenceSet, words: list[str]) -> bool:
    keys = {norm(w) for n in words for w in n.split() if norm(w)}
    if not keys:
        return False
    # a request ("can you suggest a …") neither tells nor denies that anything happened
    lines = [ln for ln in ev.all_user_lines() if ln.actuality != "request"
             and any(has_word(k, _text_terms(ln.text)) for k in keys)]
    return bool(lines) and all(ln.actuality != "actual" for ln in lines)


def evidence_features(ev: EvidenceSet, computed: Computed, extracted: Extracted | None,
                      sentence_similarity: float, quoted: dict[str, Any] | None = None) -> dict[str, Any]:
    """What the abstention decision reads, all from the evidence (none from the question's
    wording alone); recorded per question by ``eval/bench_abstention.py`` for the calibration."""
    plan = ev.result.plan
    best_sim = max((ev.result.similarity.get(t.id, 0.0) for t in ev.result.turns if t.role == "user"), default=0.0)
    said = memory_terms(ev, assistant=plan.intent == Intent.ASSISTANT_SAID)
    said_all = memory_terms(ev, assistant=True)
    about = [w for w in plan.focus if norm(w)]
    # the head names the answer's kind ("which *company*"), never content — except what the assistant
    # recommended ("which *podcast* did you suggest": no podcast recommended, nothing to repeat)
    head = plan.head if plan.intent == Intent.ASSISTANT_SAID and plan.head not in _GENERIC_HEADS \
        and terms(plan.head or "") else None  # ("of", "to": a planner's stray head is no kind)
    evidence = terms(_evidence_text(ev, extracted)) if extracted is not None else set()
    event_core = set().union(*(core_terms(p) for p in computed.unmatched)) if computed.unmatched else set()
    return {
        "preference": plan.intent == Intent.PREFERENCE,
        "turn_similarity": round(best_sim, 3),
        "sentence_similarity": round(sentence_similarity, 3),
        "named_missing": len(missing_names(plan, ev)) + int(_subject_missing(ev)),
        # the asked-for event is told only as a plan, declined or someone else's
        "event_not_actual": bool(computed.abstain_reason) or any(_not_actual(ev, p) for p in computed.unmatched),
        # no event matched; how many of its distinctive words memory holds nowhere
        "event_unmatched": bool(computed.unmatched),
        "event_words": len(event_core),
        "event_words_absent": sum(not has_word(w, said_all) for w in event_core),
        "computed": bool(computed.answer and not computed.unmatched),
        "fact_value": extracted is not None and extracted.source == "fact",
        "typed_value": extracted is not None and extracted.typed,
        "value_confidence": round(extracted.confidence, 3) if extracted is not None else 0.0,
        "focus": len(about),
        "focus_absent_memory": sum(not has_word(norm(w), said) for w in about),
        "focus_absent_all": sum(not has_word(norm(w), said_all) for w in about),
        "focus_absent_evidence": sum(not has_word(norm(w), evidence) for w in about) if extracted else len(about),
        "head_absent_memory": bool(head and not has_word(norm(head), said)),
        # what-did-you-recommend: the reply the evidence holds names no such kind ("which *café*")
        "head_absent_evidence": bool(head and extracted is not None and not has_word(norm(head), evidence)),
        # every user line naming the question's names or content nouns is a plan, declined or someone else's
        "topic_not_actual": plan.intent != Intent.ASSISTANT_SAID and _topic_not_actual(ev, [*plan.named, *about]),
        # facts of the asked slot anywhere in memory (-1: the question asks no slot of the user's)
        "slot_facts": len(slot_facts(ev, plan.slot)) if plan.slot and not plan.subject and
        not plan.slot.startswith(("bought", "assistant")) else -1,
        # nothing computed or typed: does the line a reply would quote name what the question is about,
        # and how similar is it to the question
        **(quoted or {"line_missing": False, "line_similarity": 1.0}),
        "typed_question": plan.answer_type in TYPED,
        "strict_slot": plan.slot in STRICT_FOCUS_SLOTS,
    }


def _evidence_text(ev: EvidenceSet, extracted: Extracted | None) -> str:
    parts = []
    if extracted is not None:
        parts.append(extracted.cited)
        if extracted.fact is not None:
            parts.append(extracted.fact.text)
            parts += [t.text for t in ev.result.turns if t.id in extracted.fact.source_turn_ids]
        if extracted.line is not None:
            parts.append(extracted.line.text)
        parts += [t.text for t in ev.result.turns if t.id in extracted.turn_ids]
    return " ".join(parts)


#: the decision rule over :func:`evidence_features`, chosen by the sweep of ``eval/bench_abstention.py`` on
#: development data only (dev3, the sample split's and synthetic-s's dev family; dev4 once it exists):
#: eval/results/abstention_calibration.md (objective: false abstentions on answerable questions and
#: correct abstentions on ``_abs`` weigh the same). Keys:
#: ``event_unfound`` — an event the question asks about that no line matched: "abstain", "any_absent" /
#: "all_absent" (abstain only when any / all of its distinctive words are nowhere in memory; otherwise
#: the best dated evidence answers); ``focus_absent`` — the question's content nouns missing from all
#: of memory: None (not read), "any", "half", "all"; ``focus_scope`` — "user" (the user's words and
#: facts; the assistant's too for what-did-you-say questions) or "all" (every turn); ``not_actual`` —
#: abstain when every user line naming the question's topic is a plan, declined or someone else's;
#: ``slot_unsupported`` — abstain when the question asks a slot of the user's ("what car do I drive") that
#: no fact in memory holds and no value of its type was found in the evidence;
#: ``off_topic_line`` — with nothing computed or typed, abstain when the line a reply would quote lacks a name of
#: the question, or names at most half its content nouns and is less similar to it than this (None: not read);
#: ``assistant_head`` — a what-did-you-recommend question whose kind ("which *café*") the reply found never names;
#: ``strict_evidence`` — a possessor/relation noun ("my *hamster*'s name") must be in the evidence line;
#: ``min_similarity`` — the best evidence (sentence or turn) must be at least this similar;
#: ``typed_min_similarity`` — a who/where/how-much question with no value of its type needs evidence
#: at least this similar (None: not read)
RULE: dict[str, Any] = {"event_unfound": "all_absent", "focus_absent": None, "focus_scope": "user",
                        "min_similarity": 0.0, "not_actual": False, "slot_unsupported": True,
                        "off_topic_line": 0.5, "assistant_head": True, "strict_evidence": False,
                        "typed_min_similarity": 0.4}


def rule_reason(f: dict[str, Any], rule: dict[str, Any]) -> str | None:
    """Which piece of evidence makes ``rule`` abstain on features ``f`` (None: answer)."""
    if f.get("preference"):
        return None  # a recommendation is always possible (built from what the user likes, or asked for)
    if f.get("named_missing"):
        return "named"
    if f.get("event_not_actual"):
        return "event_not_actual"
    if f.get("event_unmatched"):
        gone, n, mode = int(f.get("event_words_absent", 0)), int(f.get("event_words", 0)), rule["event_unfound"]
        if mode == "abstain" or mode == "any_absent" and gone or mode == "all_absent" and gone >= max(n, 1):
            return "event"
        return None  # told in other words than the matcher knows: the best dated evidence answers
    if f.get("computed") or f.get("fact_value"):
        return None
    if rule["not_actual"] and f.get("topic_not_actual"):
        return "not_actual"
    if rule["slot_unsupported"] and f.get("slot_facts") == 0 and not f.get("typed_value"):
        return "slot"
    n, mode = int(f.get("focus", 0)), rule["focus_absent"]
    gone = int(f.get("focus_absent_all" if rule["focus_scope"] == "all" else "focus_absent_memory", 0))
    if mode is not None and (f.get("head_absent_memory") or mode == "any" and gone or
                             mode == "half" and n and gone * 2 >= n or mode == "all" and n and gone == n):
        return "focus"
    if rule["off_topic_line"] is not None and f.get("line_missing") and \
            float(f.get("line_similarity", 1.0)) < rule["off_topic_line"]:
        return "off_topic"
    if rule["assistant_head"] and f.get("head_absent_evidence"):
        return "head"
    if rule["strict_evidence"] and f.get("strict_slot") and f.get("focus_absent_evidence"):
        return "strict"
    sent, best = float(f.get("sentence_similarity", 0.0)), max(float(f.get("sentence_similarity", 0.0)),
                                                              float(f.get("turn_similarity", 0.0)))
    if rule["typed_min_similarity"] is not None and f.get("typed_question") and not f.get("typed_value") \
            and sent < rule["typed_min_similarity"]:
        return "typed"
    if best < rule["min_similarity"]:
        return "similarity"
    return None


def decide(ev: EvidenceSet, computed: Computed, extracted: Extracted | None, *, sentence_similarity: float = 0.0,
           rule: dict[str, Any] | None = None, quoted: dict[str, Any] | None = None) -> AbstainDecision:
    """Decide from what retrieval found whether memory can answer the question (:data:`RULE` over
    :func:`evidence_features`): abstain only when memory lacks what the question is about.

    ``sentence_similarity``: the best evidence sentence's cosine to the question (the pool's,
    :mod:`kgmem.answer.pool`); either it or the best turn's may put the evidence on topic.
    ``quoted``: what :func:`kgmem.answer.fallback.quoted_line` read of the line a reply would quote
    (only where the reply would be that quote: no model or the embedded one)."""
    plan = ev.result.plan
    f = evidence_features(ev, computed, extracted, sentence_similarity, quoted)
    info: dict[str, Any] = {"best_similarity": f["turn_similarity"],
                            "best_sentence_similarity": f["sentence_similarity"],
                            "named": plan.named, "focus": plan.focus,
                            "answer_type": plan.answer_type,
                            "typed_value": extracted.value if extracted is not None else None,
                            "value_source": extracted.source if extracted is not None else None,
                            "features": f}
    if plan.intent == Intent.PREFERENCE:
        return AbstainDecision(False, [], "preference questions are always answerable", info)
    why = rule_reason(f, rule or RULE)
    if why == "named":
        gone = missing_names(plan, ev) + ([plan.subject] if plan.subject and _subject_missing(ev) else [])
        return AbstainDecision(True, gone, f"never mentioned: {', '.join(gone)}", info)
    if why in ("event_not_actual", "event"):
        if computed.abstain_reason:
            return AbstainDecision(True, computed.unmatched, computed.abstain_reason, info)
        info["unmatched"] = computed.unmatched
        return AbstainDecision(True, computed.unmatched, _unmatched_reason(ev, computed.unmatched), info)
    if why == "focus":
        said = memory_terms(ev, assistant=(rule or RULE)["focus_scope"] == "all" or plan.intent == Intent.ASSISTANT_SAID)
        gone = [w for w in [*plan.focus, plan.head or ""] if w and not has_word(norm(w), said)] or _topic(plan)
        info["absent"] = gone
        if plan.intent == Intent.ASSISTANT_SAID and plan.head in gone:
            return AbstainDecision(True, gone, f"I never recommended a {plan.head}", info)
        return AbstainDecision(True, gone, f"never mentioned: {', '.join(gone)}", info)
    if why == "off_topic":
        gone = list((quoted or {}).get("missing", [])) or _topic(plan)
        info["absent"] = gone
        return AbstainDecision(True, gone, f"the closest evidence never mentions {', '.join(gone)}", info)
    if why == "head":
        info["absent"] = [plan.head]
        return AbstainDecision(True, [plan.head or ""], f"I never recommended a {plan.head} there", info)
    if why == "strict":
        gone = [w for w in plan.focus if not has_word(norm(w), terms(_evidence_text(ev, extracted)))]
        info["absent"] = gone
        return AbstainDecision(True, gone, f"the evidence never mentions {', '.join(gone)}", info)
    if why == "slot":
        return AbstainDecision(True, _topic(plan), f"no {plan.slot} in memory", info)
    if why == "not_actual":
        return AbstainDecision(True, _topic(plan), "no actual event: mentioned only as a plan, declined or "
                               "someone else's", info)
    if why is not None:
        return AbstainDecision(True, _topic(plan), f"no {plan.answer_type} value for the question in memory "
                               f"({why}: best similarity {max(f['sentence_similarity'], f['turn_similarity']):.2f})",
                               info)
    if computed.answer and not computed.unmatched:
        return AbstainDecision(False, [], f"computed ({computed.kind})", info)
    if f["fact_value"]:
        return AbstainDecision(False, [], f"a {plan.slot} fact answers", info)
    if extracted is None or (not extracted.typed and plan.answer_type in TYPED) or computed.unmatched:
        # memory talks about it but no value of the type was picked: the best dated evidence answers
        info["hedge"] = True
        return AbstainDecision(False, [], f"no {plan.answer_type} value; the best dated evidence answers", info)
    return AbstainDecision(False, [], "value in relevant evidence", info)


def _unmatched_reason(ev: EvidenceSet, phrases: list[str]) -> str:
    """"never mentioned X" or "mentioned X, but not as something you did"."""
    out = []
    for p in phrases:
        core = terms(p)
        near = [ln for ln in ev.all_user_lines() if ln.actuality != "actual" and core and
                len(core & terms(ln.text)) * 2 >= len(core)]
        out.append(f"{p} (mentioned only as {near[0].actuality})" if near else p)
    return "no actual event for: " + "; ".join(out)


def _topic(plan: QueryPlan) -> list[str]:
    words = plan.named + plan.focus
    if not words and plan.slot:
        words = [plan.slot.split(".")[0].replace("_", " ")]
    return words or [re.sub(r"[?.!]+$", "", plan.question)]


def abstain_text(plan: QueryPlan, decision: AbstainDecision) -> str:
    """A short honest reply naming what is missing."""
    topic = " ".join(decision.missing[:3]) if decision.missing else "that"
    topic = second_person(re.sub(r"\s+", " ", topic).strip())
    if "mentioned only as" in decision.reason:
        return (f"I don't know: you mentioned {topic}, but never as something you actually did, "
                f"so I can't answer that from our conversations.")
    return f"I don't know: you haven't told me about {topic}, so I can't answer that from our conversations."

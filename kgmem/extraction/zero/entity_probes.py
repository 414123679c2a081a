"""Typed values said near mentions of people and things: probes for corrections (issue #13 item 7).

A correction is hard to read on its own ("they pushed it to the 19th", "Orla's in Galway now",
"Kat's gone, Jordan runs Tuesday spin") but easy to read given the slot it corrects. The extractor
cannot see memory (its output is cached per session content), so it only reports, per clause of
a user turn that states something (no plan, condition, question, negation or wish), the values it
holds by class (a time, a place, a person's name, an organisation, a state, an amount, a diet, a
job, a ride) and the names it gives people and things; the memory manager
(:mod:`kgmem.memory.anchoring`) keeps a value only when a name resolves to an entity that already
holds a single-valued attribute of the value's class, with another value.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kgmem.extraction.schema import SlotProbe
from kgmem.extraction.zero.checks import HYPOTHETICAL, IMAGINED, intent_only
from kgmem.extraction.zero.clauses import Clause
from kgmem.extraction.zero.entity_readings import home_place, hypothetical
from kgmem.extraction.zero.entity_refs import _phrase, _proper_name, hyphened
from kgmem.extraction.zero.entity_roles import role_values
from kgmem.extraction.zero.entity_values import entity_values
from kgmem.extraction.zero.entity_values import every as _every
from kgmem.extraction.zero.lexicon import MODALS, PEOPLE_NOUNS
from kgmem.extraction.zero.nlp import entity_at
from kgmem.extraction.zero.sentences import Sentence
from kgmem.extraction.zero.value_parse import NOT_NAMES
from kgmem.extraction.zero.values_amounts import _WHEN_RX
from kgmem.lexicon import calendar

if TYPE_CHECKING:
    from spacy.tokens import Token

#: value classes and the (attribute, filler kind) that reads them (:func:`.entity_values`)
CLASSES: dict[str, tuple[str, str]] = {
    "when": ("scheduled_for", "when"), "where": ("venue", "where"), "person": ("person_in_charge", "person"),
    "org": ("provider", "org"), "state": ("status", "state"), "money": ("amount", "money"), "diet": ("diet", "diet"),
    "job": ("job_title", "job"), "commute": ("commute", "commute"),
}
#: a time says a digit, a day, a month or a part of the day as a whole word
_TIME_WORD = re.compile(rf"\d|\b(?:{calendar.weekday_stem_alternation()})(?:day)?s?\b|"
                        rf"\b(?:{calendar.month_alternation()})\b|\b(?:noon|midday|midnight|morning|afternoon|evening|"
                        r"night|tonight|tomorrow|today|week|weekend|month|year|spring|summer|autumn|fall|winter)s?\b",
                        re.IGNORECASE)
#: words of change: a clause with one is more likely a correction
CUE = re.compile(r"\b(?:now|moved?|moving|push(?:ed)?|bump(?:ed)?|shift(?:ed)?|chang(?:e|ed|ing)|switch(?:ed)?|"
                 r"reschedul(?:e|ed)|instead|actually|no\s+longer|any\s*more|updat(?:e|ed)|new|turns\s+out|"
                 r"correction|these\s+days|nowadays|from\s+now\s+on|going\s+forward|finally|delayed|postponed|"
                 r"brought\s+forward|took\s+over|replaced|relocated|transferred|gone|in\s+the\s+end|ended\s+up|"
                 r"officially)\b", re.IGNORECASE)
#: words that name an attribute (lemma → attribute): what a value of an ambiguous class is of
ATTRIBUTE_WORDS: dict[str, str] = {
    **{w: "lives_in" for w in ("live", "home", "address", "house", "flat", "apartment", "relocate", "move", "stay")},
    **{w: "works_at" for w in ("work", "job", "employer", "office", "hire", "join", "company", "position", "intern",
                               "internship", "poach", "recruit", "headhunt", "employ")},
    **{w: "due_date" for w in ("deadline", "due")},
    **{w: "venue" for w in ("venue", "room", "location", "hold", "host", "place", "where")},
    **{w: "person_in_charge" for w in ("lead", "leader", "manager", "run", "teach", "charge", "contact", "chair",
                                       "coach", "instructor", "teacher", "head", "own", "owner", "organise", "organize",
                                       "handle", "take", "replace", "succeed", "hand", "assign", "captain",
                                       "treasurer", "secretary", "president", "organiser", "organizer", "walker",
                                       "rep", "coordinator", "sitter", "minder")},
    **{w: "name" for w in ("call", "name", "rename", "codename", "nickname", "title", "christen")},
    **{w: "provider" for w in ("provider", "supplier", "broadband", "internet", "energy", "electricity", "insurer")},
    **{w: "amount" for w in ("price", "cost", "quote", "budget", "fee", "charge", "pay")},
}
#: verbs whose subject is in charge of their object (not those of a change of hands: "took", "replaced")
LEADING = frozenset(w for w, a in ATTRIBUTE_WORDS.items() if a == "person_in_charge") - {
    "take", "replace", "succeed", "hand", "assign", "charge"}
#: words before a value that mark it as the old one ("instead of Wednesday", "not Leeds")
_OLD = re.compile(r"(?:instead\s+of|rather\s+than|\bnot|\bfrom|no\s+longer(?:\s+\w+){0,2}|\bwas|were|used\s+to\s+be|"
                  r"originally|left|quit|outgrown|out\s+of|away\s+from|bye|(?:jack|pack)(?:ed|s)?\s+in|g[ai]ve[ns]?\s+up)"
                  r"\s+(?:the\s+|a\s+|at\s+|in\s+|on\s+|(?:his|her|their)\s+(?:job\s+)?(?:at\s+)?)?$",
                  re.IGNORECASE)
#: verbs that float a value without setting it
_OFFERS = frozenset({"offer", "suggest", "propose", "float", "recommend", "pitch", "consider", "ask", "request"})
#: a thing that must be done by a time ("has to be in by 31 October", "needs to be submitted before the 9th")
_DUE_BY = re.compile(r"\b(?:has|have|needs?)\s+to\s+be\s+(?:\w+\s+){0,2}?(?:by|before)\b|\bmust\s+be\s+(?:\w+\s+){0,2}?"
                     r"(?:by|before)\b", re.IGNORECASE)
_HAD_TO = re.compile(r"\b(?:had|'d)\s+to\b", re.IGNORECASE)
#: hedges that imagine nothing ("same questions still work i suppose")
_HEDGES = re.compile(r"\b(?:i|we)\s+(?:suppose|guess|imagine)\b|\bi'd\s+imagine\b", re.IGNORECASE)
#: nouns of idioms that are no place or organisation ("in the end", "in the meantime", "on the way")
_IDIOM_NOUNS = frozenset({"end", "meantime", "way", "time", "moment", "past", "future", "middle", "case", "fact",
                          "general", "particular", "short", "total", "mood", "loop", "meanwhile"})
#: verbs that say what someone works as ("she's teaching now", "he's freelancing these days")
_OCCUPATIONS = frozenset({"teach", "nurse", "tutor", "freelance", "consult", "lecture", "bartend", "waitress", "cater",
                          "contract", "temp", "nanny", "childmind", "coach"})
#: a name in quotes, capitalised ("'Second Wind'", "“Night Ferry”")
#: (the clause may end before its closing quote); not a tracker's state ("status says 'In Transit'")
_QUOTED_NAME = re.compile(r"(?<!\bsays\s)(?<!\bshows\s)(?<!\breads\s)(?<!\w)['\"‘“]([A-Z][\w&-]*(?:\s+[\w&-]+){0,4})"
                          r"(?:['\"’”](?!\w)|$)")
_PRONOUNS = frozenset({"it", "they", "them", "she", "he", "her", "his", "its", "their", "him"})
_MENTION_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "attr", "appos", "conj", "ROOT", "npadvmod"})
#: how many earlier mentions a pronoun may reach back to
CONTEXT = 6


def clause_states(sent: Sentence, clause: Clause) -> bool:
    """The clause states something: no request, plan, condition, wish, negation or question."""
    if clause.head.lemma_.lower() in _OFFERS:
        return False  # "they offered 6:45 or 8:15": a value floated, not the slot's
    if clause.about in ("thing", "mine") and _DUE_BY.search(clause.text) and clause.subject is not None \
            and clause.subject.pos_ in ("NOUN", "PROPN") and not sent.question:
        return True  # "the audit report has to be in by 31 October": a deadline, not a wish
    if clause.about == "request" or clause.blocked and not not_until(clause) and not only_could(clause) \
            or hypothetical(clause) \
            or intent_only(clause.tokens) and not _HAD_TO.search(clause.text) and not _result(clause.head):
        return False  # "had to move the delivery to Wednesday" happened
    if sent.question and (clause.head.dep_ == "ROOT" or clause.text.rstrip().endswith("?")):
        return False
    return not IMAGINED.search(_HEDGES.sub("", sent.text))


def only_could(clause: Clause) -> bool:
    """A clause whose modal says the one thing that was possible ("they could only hold 20:45 for six",
    "the garage can only do Thursday now"): "can/could only" states that value, as English says it; not
    the user's own ("I can only come on Friday" is what they can do, no slot of theirs)."""
    head = clause.head
    if clause.about == "user" or any(c.dep_ == "neg" or c.dep_ == "mark" for c in head.children):
        return False
    aux = [c for c in head.children if c.dep_ == "aux" and (c.lower_ in MODALS or c.lower_ == "can")]
    return len(aux) == 1 and aux[0].lower_ in ("can", "could") \
        and any(c.dep_ == "advmod" and c.lower_ == "only" for c in head.children) \
        and not any(v.lemma_.lower() in _INTEND for v in head.subtree)


#: verbs that make a modal's clause a wish, not a limit ("they could only hope to")
_INTEND = frozenset({"hope", "want", "wish", "try", "plan", "mean"})
#: a clock time written with a colon or dot ("21:50", "9.15"), which NER may call a number
_CLOCK = re.compile(r"\d{1,2}[:.]\d\d")


#: the modal of the future: "won't land until 8:55" foretells a time, it floats none
_WILL = frozenset({"will", "wo", "'ll"})


def _only_will_blocks(clause: Clause) -> bool:
    """The clause is negated and said in the future, with no condition, wish or intent beside ("she won't
    land until 8:55 pm"; not "if it won't start until 9", "I hope it won't be until May")."""
    head = clause.head
    return any(c.dep_ == "neg" for c in head.children) and not intent_only(clause.tokens) \
        and not any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in head.children) \
        and not hypothetical(clause)


def not_until(clause: Clause) -> bool:
    """A clause negated only to say when something starts ("Kestrel isn't needed until the 28th now", "the kids
    aren't back until Tuesday", "she won't land until 8:55"): "not … until/till <time>" states that time, as
    English says it; "will not" foretells it, "can't" or "might not" only says what cannot or may not be."""
    modals = {c.lower_ for c in clause.head.children if c.dep_ == "aux" and c.lower_ in MODALS}
    if not (clause.negated_only or modals and modals <= _WILL and _only_will_blocks(clause)) \
            or clause.about == "user" or modals - _WILL:
        return False  # "I can't go until Friday" is what the user cannot do
    return any(
        p.dep_ == "prep" and p.lower_ in ("until", "till") and any(
            _a_time(g) for g in (p.children if any(g.dep_ == "pobj" for g in p.children)
                                 # "isn't due till 16 May": the parser hung the date on the verb
                                 else (t for t in clause.tokens if t.i > p.i)))
        for p in clause.head.subtree)


def _a_time(g: Token) -> bool:
    return (e := entity_at(g)) is not None and e.label_ in ("DATE", "TIME") or g.like_num or _CLOCK.fullmatch(g.text) is not None


def _mention(t: Token) -> str | None:
    """The name a noun of the clause gives a person or thing ("Leo's piano lesson", "Orla")."""
    ent = entity_at(t)
    if ent is not None and ent.label_ in ("DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"):
        return None
    if ent is not None and ent.label_ == "PERSON":
        return ent.text
    if t.pos_ == "PROPN" and t.lower_ not in NOT_NAMES:
        return _proper_name(t)
    if t.pos_ != "NOUN":
        return None
    name, hint = _phrase(t)
    return name or (t.lower_ if t.lower_ in PEOPLE_NOUNS else None)


def mentions_of(clause: Clause) -> tuple[list[str], bool]:
    """(names the clause gives people and things, subject first; a pronoun refers back). A name
    may also be a value ("Jordan runs Tuesday spin"): the manager never gives an entity its own
    name as a value."""
    out: list[str] = []
    pronoun = False
    subj = clause.subject
    tokens = sorted(clause.tokens, key=lambda t: (t is not subj, t.i))
    for t in tokens:
        if t.lower_ in _PRONOUNS and t.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "pobj"):
            pronoun = True
            continue
        if t.dep_ not in _MENTION_DEPS or t.pos_ not in ("NOUN", "PROPN"):
            continue
        name = _mention(t)
        if not name:
            continue
        out.append(name)
        owner = next((c for c in t.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
        if owner is not None and (own := _mention(owner)):
            out.append(own)  # "Leo's lesson": Leo too
    return list(dict.fromkeys(out)), pronoun


def _fresh(value: str, clause: Clause) -> bool:
    """The value is not said as the old one ("instead of Wednesday", "she left Deloitte")."""
    text = clause.text
    i = text.find(value)
    return i < 0 or not _OLD.search(text[max(0, i - 30): i])


def _names(clause: Clause) -> list[tuple[str, str]]:
    """People's names whatever NER calls them: a PERSON, or a proper noun that is the subject,
    agent or attribute of the clause ("Jordan runs Tuesday spin now", "taught by Ines")."""
    out: list[tuple[str, str]] = []
    for t in clause.tokens:
        ent = entity_at(t)
        if ent is not None and ent.label_ == "PERSON" and t.i == ent.start:
            start = ent.start  # "Night Ferry" where NER calls only "Ferry" a person
            while start > 0 and t.doc[start - 1].pos_ == "PROPN" and t.doc[start - 1].text[:1].isupper() \
                    and t.doc[start - 1].dep_ == "compound" and t.doc[start - 1].lower_ not in NOT_NAMES:
                start -= 1
            out.append((t.doc[start: ent.end].text, "person"))
        elif t.pos_ == "PROPN" and t.lower_ not in NOT_NAMES and t.text[:1].isupper() \
                and (ent is None or ent.label_ in ("GPE", "NORP", "ORG")) \
                and (t.dep_ in ("nsubj", "nsubjpass", "attr") or t.dep_ == "pobj" and t.head.dep_ == "agent"
                     or t.dep_ == "oprd" and t.head.lemma_.lower() in ("call", "name")):
            out.append((_proper_name(t), "person"))  # "…a lovely woman called Bukola now"
    return list(dict.fromkeys(out))


def _platforms(clause: Clause) -> list[tuple[str, str]]:
    """A name after "on" that is no time: where a thing takes place online ("on Zoom", "on Teams")."""
    return [(_proper_name(t), "place") for t in clause.tokens
            if t.dep_ == "pobj" and t.head.lower_ == "on" and t.pos_ == "PROPN" and t.lower_ not in NOT_NAMES
            and ((e := entity_at(t)) is None or e.label_ not in ("DATE", "TIME", "PERSON"))]


def _depth(t: Token, head: Token) -> int:
    n = 0
    while t.i != head.i and t.head.i != t.i and n < 12:
        t, n = t.head, n + 1
    return n


def _nearest_times(clause: Clause, found: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Every time the clause says, the one nearest its verb first ("book club is on wednesdays now
    cos rosa's started choir on thursdays": wednesdays is the club's)."""
    base = clause.tokens[0].idx
    text = clause.text
    spans = [(m.start() + base, m.group(0).strip()) for m in _WHEN_RX.finditer(text)
             if m.group(0).strip() and not text[m.end(): m.end() + 1].isalnum()]  # not "dec" of "decent"
    if len(spans) < 2:
        return found
    ranked: list[tuple[int, str]] = []
    for start, text in spans:
        tok = next((t for t in clause.tokens if t.idx >= start), None)
        ranked.append((_depth(tok, clause.head) if tok is not None else 99, text))
    times = [text for _, text in sorted(ranked, key=lambda r: r[0])]
    # a filler's span that holds a bare time keeps its day ("8 on Thursday")
    out = [next((v for v in found if t in v[0]), (t, None)) for t in times]
    return list(dict.fromkeys([*out, *found]))


def _numbered(value: str, text: str) -> str:
    """A place with the number that names it ("14 Hawthorn Close", "ward 7", "Terminal 2")."""
    m = re.search(r"(?<![\w.])(\d{1,4}[a-zA-Z]?\s+)" + re.escape(value), text) \
        or re.search(re.escape(value) + r"(\s+\d{1,4}[a-zA-Z]?)(?![\w:.])", text)
    return m.group(0) if m else value


def clause_values(clause: Clause) -> list[tuple[str, str]]:
    """(value, class) of every class the clause holds a value of, new values only; a time is
    only a time ("Thursdays" is no organisation)."""
    out: list[tuple[str, str]] = []
    for cls, (attr, kind) in CLASSES.items():
        found = entity_values(attr, kind, clause, set(), False)[:2]
        if cls == "person":
            found = list(dict.fromkeys([*found, *_names(clause)]))
        if cls == "where":
            home = home_place(clause)  # "his flat in Rotterdam": the place first, not the flat
            found = list(dict.fromkeys([*([(home[2], "place")] if home else []), *found, *_platforms(clause)]))
        if cls == "when":
            found = [(_every(v, clause.text), t) for v, t in _nearest_times(clause, found)]
        for value, _vtype in found:
            value = re.sub(r"^(\w+\.?)\s+\1\b\s*", r"\1 ", value).strip()  # "Dr Dr Okafor"
            if cls == "where":
                value = _numbered(value, clause.text)
            if cls == "person":
                value = hyphened(value, clause.text)  # "Hyun-woo", not "Hyun"
            if _fresh(value, clause) and len(value) > 1 and (value, cls) not in out:
                out.append((value, cls))
    for value, cls in role_values(clause):  # typed by where it stands, when no word list typed it
        if _fresh(value, clause) and not any(value.casefold() in v.casefold() and c == cls for v, c in out):
            out.append((value, cls))
    head = clause.head
    if head.lemma_.lower() in _OCCUPATIONS and head.tag_ == "VBG" and CUE.search(clause.text) \
            and not any(c.dep_ in ("dobj", "dative") for c in head.children):
        out.append((head.lower_, "job"))  # "she's teaching now": her work, said as what she does
    quoted = [m.group(1).strip() for m in _QUOTED_NAME.finditer(clause.text)]
    if quoted:  # "the boat is officially 'Second Wind'": the name whole, not its words
        out = list(dict.fromkeys([(q, "person") for q in quoted]
                                 + [(v, c) for v, c in out if not any(v != q and v in q for q in quoted)]))
    out = [(v, c) for v, c in out if c != "when" or _TIME_WORD.search(v)]  # not "decent" read as "dec"
    out = [(v, c) for v, c in out if c not in ("where", "org") or v.lower() not in _IDIOM_NOUNS]  # "in the end"
    times = " ".join(v.casefold() for v, c in out if c == "when")
    people = [set(re.split(r"[\s-]+", v)) for v, c in out if c == "person"]  # "Hyun" is part of "Hyun-woo"
    # "Night" and "Ferry" read apart as well as "Night Ferry": the whole name only; a time is no
    # place however it is spaced ("7pm" / "7 pm")
    return [(v, c) for v, c in out if (c == "when" or v.casefold() not in times
                                       and v.casefold().replace(" ", "") not in times.replace(" ", ""))
            and not (c == "person" and any(set(re.split(r"[\s-]+", v)) < p for p in people))]


#: words that open a clause telling a result or a reason, not what someone wants ("Vicar wants us out
#: by 9 so the concert is starting at 7pm": the parse hangs the concert's clause under "wants")
_RESULT_WORDS = frozenset({"so", "because", "since", "cos"})


def _result(v: Token) -> bool:
    """A clause the parse put under a verb of intention that opens with a word of result or reason."""
    first = min(v.subtree, key=lambda t: t.i)
    return v.dep_ in ("ccomp", "xcomp") and first.lower_ in _RESULT_WORDS and first.head.i == v.i


def inner_clauses(clause: Clause) -> list[Clause]:
    """Statements the parse buried in another clause: a verb with a noun subject of its own and no
    negation, modal or condition ("we won't go into it), and … the funder extended the grant
    deadline to 14 November": the funder's statement is its own)."""
    out: list[Clause] = []
    for v in clause.tokens:
        if v.i == clause.head.i and not _result(v) or v.pos_ != "VERB":
            continue
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")), None)
        if subj is None or any(c.dep_ == "neg" or c.dep_ == "aux" and c.lower_ in MODALS
                               or c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in v.children):
            continue
        toks = [t for t in v.subtree if t.i in clause.index]
        person = (e := entity_at(subj)) is not None and e.label_ == "PERSON"
        out.append(Clause(head=v, tokens=toks, about="other" if person else "thing", subject=subj, blocked=False,
                          text="".join(t.text_with_ws for t in toks).strip(), index={t.i for t in toks}))
    return out


def clause_probe(sent: Sentence, clause: Clause, context: list[str], inner: bool = True) -> SlotProbe | None:
    """The probe of one clause of a user turn (None when it states nothing or holds no value);
    ``context``: names of earlier clauses of the session, latest first (updated here)."""
    if inner and clause.blocked:
        for c in inner_clauses(clause):
            if (probe := clause_probe(sent, c, context, inner=False)) is not None:
                return probe
    mentions, pronoun = mentions_of(clause)
    probe = None
    if clause_states(sent, clause) and (values := clause_values(clause)):
        home = home_place(clause)  # "her place in Nottingham" names her home, not a venue
        words = ["lives_in" if home is not None and t.i == home[1].i else ATTRIBUTE_WORDS[t.lemma_.lower()]
                 for t in clause.tokens if t.lemma_.lower() in ATTRIBUTE_WORDS or home is not None and t.i == home[1].i]
        probe = SlotProbe(
            mentions=mentions, context=list(context[:CONTEXT]) if pronoun or not mentions or clause.about == "user" else [],
            values=values, attribute_words=list(dict.fromkeys(words)), cue=bool(CUE.search(clause.text)),
            user_clause=clause.about == "user", text=sent.text[:300], source_turns=[sent.turn])
    for m in reversed(mentions):
        if m in context:
            context.remove(m)
        context.insert(0, m)
    return probe


def sentence_probe(sent: Sentence, clauses: list[Clause], context: list[str]) -> SlotProbe | None:
    """A probe of the whole sentence when none of its clauses gave one: a parse that splits a
    statement apart ("Checked the passport application online - it says approved!": "approved"
    is a one-word root, no clause) still holds its value and names."""
    if not clauses or sent.question or any(c.blocked for c in clauses) or HYPOTHETICAL.search(sent.text):
        return None
    doc = clauses[-1].head.doc
    tokens = [t for t in doc if not t.is_punct]
    if any(c.head.doc is not doc for c in clauses) or len(tokens) < 2:
        return None
    root = next(t for t in doc if t.dep_ == "ROOT")
    whole = Clause(head=root, tokens=tokens, about="none", subject=None, blocked=False, text=doc.text,
                   index={t.i for t in tokens})
    if not clause_states(sent, whole):
        return None
    return clause_probe(sent, whole, context)

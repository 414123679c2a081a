"""The event and option phrases of a temporal question, cut by its shape.

"how many days between my first and last swimming lesson" → events "first swimming lesson" and
"last swimming lesson"; "which came first, the move or the new job" → options; "how long was I in
Galway" → the span activity "in Galway"; "how many weeks ago …" → the unit. Regexes over the
question's shape (the planner's fast path): :mod:`kgmem.retrieval.planner` writes what they find
into the plan's notes (``event:``, ``option:``, ``span:``, ``main:``, ``unit:``, ``anchor:``) and
the answer side (:mod:`kgmem.answer.events`) matches each phrase to what the user said.
"""

from __future__ import annotations

import re

from kgmem.lexicon import calendar, numbers
from kgmem.models import Intent
from kgmem.retrieval import time_asked

# options keep their "my"/"the": answers name them the way the question did ("your trip to Oslo")
_OPTION_RE = re.compile(r"(?:[,:]|\s[-–—])\s*(.+?)\s+or\s+(.+?)\s*\??$", re.I)
_OPTIONS_FIRST_RE = re.compile(r"^\s*(.+?)\s+or\s+(.+?)\s*(?:[:,;]|\s[-–—])\s*(?:which|what)\b", re.I)
_DID_BEFORE_RE = re.compile(
    r"^\s*(?:did|was|were)\s+(?:i\s+)?(.+?)\s+(?:happen\s+|come\s+|take place\s+)?"
    r"(?:before|after|earlier than|later than|prior to|ahead of|in advance of|precede[sd]?|predate[sd]?|postdate[sd]?|"
    r"follow(?:ed)?)\s+(?:i\s+)?(.+?)\s*\??$", re.I)
#: "did I get my new glasses or have the hearing test done first": two deeds offered, the earlier asked
_DID_OR_FIRST_RE = re.compile(r"(?:^|[:;,]\s*)(?:did|have|had)\s+(?:i|we)\s+(.+?)\s+or\s+(?:(?:did|have|had)\s+(?:i|we)\s+)?(.+?)"
                              r"\s+(?:first|earlier|sooner)\s*\??\s*$", re.I)
_BEFORE_OR_AFTER_RE = re.compile(
    r"^\s*(?:did|was|were)\s+(?:i\s+|we\s+)?(.+?)\s+(?:happen\s+|come\s+)?(?:before\s+or\s+after|after\s+or\s+before)\s+"
    r"(?:i\s+)?(.+?)\s*\??$", re.I)
_ORDER_LIST_RE = re.compile(r"\b(?:order|sequence)\b[^:]*:\s*(.+?)\s*[?.]?$", re.I)
_BETWEEN_RE = re.compile(r"\b(?:between|btwn)\s+(?:the\s+|my\s+|when i\s+|i\s+)?(.+?)\s+and\s+(?:the\s+|my\s+|when i\s+|i\s+)?(.+?)\s*[?.]?$", re.I)
#: "how many days separated my driving test from my first day", "… were X and Y apart"
_SEPARATE_RE = re.compile(r"\bseparat\w*\s+(?:the\s+|my\s+|when i\s+)?(.+?)\s+(?:from|and)\s+(?:the\s+|my\s+|when i\s+)?(.+?)\s*[?.]?$|"
                          r"\b(?:were|was)\s+(?:the\s+|my\s+)?(.+?)\s+and\s+(?:the\s+|my\s+)?(.+?)\s+apart\b|"
                          # "how far apart (in weeks) were the jazz night and the opera"
                          r"\bapart\b(?:\s*,?\s*in\s+\w+\s*,?)?\s+(?:were|was|are|is)\s+(?:the\s+|my\s+)?(.+?)\s+and\s+"
                          r"(?:the\s+|my\s+)?(.+?)\s*[?.]?$", re.I)
#: the two events told before the question that refers to them: "The dress fitting and the wedding itself - how many
#: days lay between them?"
_PAIR_FIRST_RE = re.compile(r"^\W*(?:the\s+|my\s+)?(.+?)\s+and\s+(?:the\s+|my\s+)?(.+?)\s*(?:[,;:]|\s[-–—])\s*"
                            r"(?:how|what)\b.*\b(?:between|apart|separat\w*)\b(?:\s+(?:the\s+)?(?:them|those|these|two|both))?\s*\??$",
                            re.I)
_FROM_TO_RE = re.compile(r"\bfrom\s+(?:the\s+|my\s+|when i\s+)?(.+?)\s+(?:to|until|till)\s+(?:the\s+|my\s+|when i\s+)?(.+?)\s*[?.]?$|"
                         r"\bsince\s+(?:the\s+|my\s+|when i\s+)?(.+?)\s+(?:until|till)\s+(?:the\s+|my\s+|when i\s+)?(.+?)\s*[?.]?$", re.I)
_DET = re.compile(r"^(?:the|my|a|an)\s+", re.I)
_ANCHOR_RE = re.compile(
    r"\b(before|after|since|during)\s+(?:i\s+|my\s+|the\s+|we\s+)?([a-z][\w' -]{2,40}?)(?=[?,.]|$|\s+(?:and|did|was|i)\b)",
    re.I,
)
_MONTHY = re.compile(rf"^(?:{'|'.join(calendar.SHORT_MONTHS)})[a-z]*\b|^\d{{4}}|^(that|this|then|now)\b", re.I)


#: a thing asked by its time ("which museum did I go to two weeks ago", "what did I buy 3 days ago"): no duration
_COUNT_WORDS = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in [*numbers.UNITS, *numbers.TENS,
                                                                               *numbers.QUANTITIES]), key=len, reverse=True))
AT_A_TIME = re.compile(rf"^\W*(?:which|what|who|whom|where|whose)\b(?!.*\bhow\s+(?:long|many|much)\b)"
                       rf"(?=.*\b(?:\d+|{_COUNT_WORDS})\s+(?:days?|weeks?|months?|years?)\s+ago\b)", re.I)
#: an order asked by putting things in it ("put these in order from earliest to latest: …")
ORDER_ASKED = r"\b(?:put|sort|arrange|line)\b[^:?]*\border\b|\bfrom (?:earliest|first|oldest) to (?:latest|last|newest|most recent)\b"
#: an amount of time asked without "how many / how long": a span noun ("the span in days from A to B", "the interval
#: between", "the length of time separating A from B", "the day count between"), "how far apart", or a unit the answer
#: is asked in ("in days", "counted in weeks") or that passes ("days elapsed from A until B"), with a relation of two
#: times (between, from, since, apart, separating, ago) somewhere in the question
_UNITS = r"(?:days?|weeks?|months?|years?)"
_RELATION = r"(?=.*\b(?:between|btwn|from|since|apart|separat\w*|ago|until|till|elapsed|passed|went\s+by|gone\s+by)\b)"
SPAN_ASKED = (rf"\b(?:span|interval|length\s+of\s+time|amount\s+of\s+time|stretch\s+of\s+time|time\s+span|time\s+gap|"
              rf"(?:day|week|month|year)\s+count|number\s+of\s+{_UNITS})\b{_RELATION}|"
              rf"\bhow\s+far\s+apart\b|"
              rf"\b(?:in|counted\s+in|measured\s+in|expressed\s+in|as\s+a\s+number\s+of)\s+{_UNITS}\b{_RELATION}|"
              rf"(?<![\w-])(?<!\bfew\s)(?<!\bthe\s){_UNITS}\s+(?:elapsed|passed|went\s+by|had\s+gone\s+by|separat\w*)\b|"
              rf"\btime\s+(?:that\s+)?(?:separat\w*|elapsed|passed|went\s+by)\b")
#: which of two came first asked by a verb of precedence ("did A precede B", "which one predates the other", "was A
#: ahead of B", "what took place first", "which did I do to begin with")
PRECEDENCE_ASKED = (r"\b(?:precede[sd]?|predate[sd]?|postdate[sd]?|ahead\s+of|in\s+advance\s+of)\b|"
                    r"\b(?:took|take|takes)\s+place\s+(?:first|earlier|sooner)\b|"
                    r"\bwhich\b.*\bto\s+(?:begin|start)\s+with\b|"
                    r"\b(?:did|have|had)\s+(?:i|we)\b[^?]*\bor\b[^?]*\b(?:first|earlier|sooner)\s*\??\s*$")


#: a hedge before the question word is no part of any event ("Roughly how many days ago was …")
_HEDGE = re.compile(r"^\W*(?:roughly|approximately|approx\.?|about|around|more\s+or\s+less|give\s+or\s+take|"
                    r"ballpark|just\s+roughly)\s*,?\s*(?=how\b)", re.I)
#: a question clause after an event phrase ends it ("from the first paper to the last one *how long was it*")
_QUESTION_TAIL = re.compile(r"\s*[,;:-]*\s+(?:how\s+(?:long|many|much|far)|what(?:'s|\s+is|\s+was))\b.*$", re.I)


#: a frame that counts from the question's own day is no event ("Counting back from today, …"): what
#: follows counts back, so "how many weeks to X" in it is "how many weeks ago was X"
_BACK_FRAME = re.compile(r"^\W*(?:[a-z]+ing\s+)?back\s+(?:from|to)\s+(?:today|now|the\s+present)\s*[,;:–—-]+\s*", re.I)


#: a short lead-in set off before the question ("Count back for me: how many days ago …", "Quick one - how long …")
_LEAD_IN = re.compile(r"^\W*(?:[\w']+\s+){0,4}[\w']+\s*(?::|\s[-–—])\s*(?=how\s+(?:long|many|much|far)\b)", re.I)


def unhedge(q: str) -> str:
    """The question without a leading hedge ("Roughly", "About", "Give or take,"), a lead-in set off by a colon or a
    dash ("Count back for me: how many …"), or a frame that counts back from today."""
    q = _LEAD_IN.sub("", _HEDGE.sub("", q))
    framed = _BACK_FRAME.sub("", q)
    if framed != q and not re.search(r"\bago\b", framed, re.I):
        framed = re.sub(r"\b(how\s+(?:many|much)\s+\w+)\s+(?:back\s+)?(?:to|until|till)\s+", r"\1 ago was ", framed, flags=re.I)
    return framed


#: a second sentence after the event ("… to Snowdonia? Give it in days."), or how the answer is to be counted after a
#: comma ("the half marathon, counted in days"): no part of the event
_AFTER_EVENT = re.compile(r"\?\s+\S.*$|,\s*(?:counted|measured|expressed|given|rounded|worked\s+out)\b.*$", re.I)


def _clean_phrase(p: str) -> str:
    p = _AFTER_EVENT.sub("", _QUESTION_TAIL.sub("", p.strip()))
    p = re.sub(r"\s+(?:itself|themselves)\s*$", "", p, flags=re.I)  # "the wedding itself" is the wedding
    p = re.sub(r"\s+(?:in\s+)?(?:days|weeks|months|years)\b.*$", "", p.strip(), flags=re.I)
    p = re.sub(r"^when\s+", "", p, flags=re.I)
    # "the day I bought a coat" is the buying: the clause is the event, the day only its time
    p = re.sub(r"^(?:the\s+|that\s+)?(?:day|date|time|moment)\s+(?:when\s+|that\s+)?(?=(?:i|we|my|our|the)\s)", "", p,
               flags=re.I)
    return p.strip(" ,.?!")


#: where a second event phrase starts inside "from A to B": a determiner or a clause after "to"
#: ("from my trip to Boise *to the day* I bought …": "to Boise" is the trip's own complement)
_NEXT_EVENT = re.compile(r"\s+(?:to|until|till)\s+(?=(?:the|my|our|when)\s)", re.I)


def _resplit(a: str, b: str) -> tuple[str, str]:
    """A from-to pair cut at its first "to": cut again where the second phrase starts with a
    determiner, when the first cut left none there."""
    if re.match(r"^(?:the|my|our|when|a|an)\s", b, re.I):
        return a, b
    m = _NEXT_EVENT.search(b)
    return (f"{a} to {b[:m.start()]}", b[m.end():]) if m else (a, b)


_OTHER_WAY = re.compile(r",?\s*or\s+(?:was\s+it\s+)?the\s+other\s+way\s+(?:a)?round\??.*$|,?\s*or\s+vice\s+versa\??.*$", re.I)


_VS_RE = re.compile(r"^\W*(.+?)\s+(?:vs\.?|versus)\s+(.+?)\s*(?:[-–—:,?]|$)", re.I)
_OF_AND_RE = re.compile(r"^\W*(?:of|between)\s+(.+?)\s+and\s+(.+?)\s*,\s*(?:which|what)\b", re.I)


def options(q: str, intent: Intent) -> list[str]:
    """Choices offered by the question ("X or Y", "did X happen before Y", "order: A, B and C",
    "X vs Y", "of X and Y, which")."""
    q = _OTHER_WAY.sub("?", q)
    q = re.sub(r",?\s*or\s+(?:after|before|later|earlier)(?:\s+(?:it|that|this|them))?\s*\??\s*$", "?", q, flags=re.I)
    for rx in (_VS_RE, _OF_AND_RE):
        m = rx.search(q)
        if m and intent in (Intent.ORDERING, Intent.SINGLE_FACT):
            return [_clean_phrase(m.group(1)), _clean_phrase(m.group(2))]
    lst = _ORDER_LIST_RE.search(q) if intent == Intent.ORDERING and not _DID_OR_FIRST_RE.search(q) else None
    if lst:
        parts = [p.strip() for p in re.split(r",\s*(?:and\s+|then\s+)?|\s+and\s+|\s+then\s+", lst.group(1)) if p.strip()]
        return [_DET.sub("", p) for p in parts if len(p) > 2]
    if intent == Intent.ORDERING:
        m = _DID_OR_FIRST_RE.search(q)
        if m:
            return [_clean_phrase(m.group(1)), _clean_phrase(m.group(2))]
        m = _BEFORE_OR_AFTER_RE.search(q)
        if m:
            return [_clean_phrase(m.group(1)), _clean_phrase(m.group(2))]
        m = _DID_BEFORE_RE.search(q)
        if m and " or " not in q.lower():
            return [_clean_phrase(m.group(1)), _clean_phrase(m.group(2))]
    m = _OPTION_RE.search(q) or _OPTIONS_FIRST_RE.search(q)
    if m and intent in (Intent.ORDERING, Intent.PREFERENCE, Intent.SINGLE_FACT, Intent.WHEN, Intent.HISTORY):
        # "Of the two, which did I do to begin with - the bike service or …": the option starts after the last break
        return [re.split(r"\s[-–—]\s|:\s", m.group(1))[-1].strip(), m.group(2).strip()]
    if intent == Intent.ORDERING:  # no shape of ours: the things the parse finds offered ("was A or B earlier")
        lead = time_asked.LEAD.match(q)  # "First things first: was A before B?": the question after its lead-in
        if lead and lead.end() < len(q):
            asked = options(q[lead.end():], intent)
            if asked:
                return asked
        return [p for p in (_clean_phrase(o) for o in time_asked.ordered(q)) if p]
    return []


_AFTER_RE = re.compile(r"\bhow\s+(?:long|(?:many|much)\s+\w+)\s+after\s+(?P<a>.+?)\s+(?:did|were|was|had|have|do)\s+(?P<b>.+?)\s*\??$|"
                       r"\bhow\s+long\s+did\s+it\s+take\s+(?:me\s+|us\s+)?after\s+(?P<a2>.+?)\s+(?:until|till|before|to)\s+"
                       r"(?:i\s+|we\s+)?(?:could\s+|was\s+able\s+to\s+)?(?P<b2>.+?)\s*\??$|"
                       # the waited-for event first: "how many days did I wait to hear back from the agent after
                       # sending off my manuscript", "how long did we wait for the keys after the offer"
                       r"\bhow\s+(?:long|(?:many|much)\s+\w+)\s+(?:did|had|have)\s+(?:i|we)\s+(?:(?:have\s+)?(?:to\s+)?wait|waited)\s+"
                       r"(?:for\s+|to\s+|until\s+|till\s+|before\s+)?(?:i\s+|we\s+)?(?P<b3>.+?)\s+after\s+(?:i\s+|we\s+)?(?P<a3>.+?)\s*\??$",
                       re.I)
#: the later event asked first: "how many days before my sister's wedding did I pick up my suit", "how many weeks
#: before the marathon was my last long run" (the event of the main clause came first)
_BEFORE_RE = re.compile(r"\bhow\s+(?:long|(?:many|much)\s+\w+)\s+before\s+(?P<a>.+?)\s+(?:did|were|was|had|have|do)\s+"
                        r"(?:i\s+|we\s+)?(?P<b>.+?)\s*\??$", re.I)
#: the second event told as a time of the first's aftermath: "how many days had passed since I bought my Brooks when
#: the sole came off my old Asics", "… since the move by the time I joined the club"
_SINCE_WHEN_RE = re.compile(r"\bsince\s+(?:i\s+|we\s+)?(?P<a>.+?)\s+(?:when|by\s+the\s+time)\s+(?:i\s+|we\s+)?(?P<b>.+?)\s*\??$",
                            re.I)
#: the later event told first: "prom was how many days after my last exam", "X came how many weeks before Y"
_FRONTED_RE = re.compile(r"^\W*(?P<x>.+?)\s+(?:was|were|came|happened|is)\s+how\s+(?:many|much)\s+\w+\s+"
                         r"(?P<rel>after|before)\s+(?P<y>.+?)\s*\??$", re.I)
#: the event told in a clause before the question: "when I began at the pharmacy, how long ago was that?"
_CLAUSE_FIRST_RE = re.compile(r"^\W*(?:when|the\s+(?:day|time)(?:\s+(?:when|that))?)\s+(?:i|we)\s+(?P<e>.+?)\s*[,;:–—-]+\s*"
                              r"how\s+(?:long|many|much)\b.*\b(?:ago|since|back)\b", re.I)
#: an ordinal left bare by a coordination: "between my first and last Mandarin class"
_BARE_ORDINAL = re.compile(r"^(?:(?:my|the|our)\s+)?(?:very\s+)?(first|earliest|initial)$", re.I)
_ORDINAL_NOUN = re.compile(r"^(?:(?:my|the|our)\s+)?(?:very\s+)?(?:last|final|latest)\s+(?P<rest>.+)$", re.I)
#: "how long have I had X", "how long have I been working in Y": since a start, not a span with an end
_SINCE_PERFECT = re.compile(r"\bhow\s+long\s+(?:have|has|'ve)\s+(?:i|we)\s+(?:had|been|owned|known|lived|worked|used|kept)\b", re.I)
_SPAN_LEAD = re.compile(r"^\W*(?:for\s+)?how\s+(?:long|many\s+\w+|much\s+time)\s+(?:(?:did|was|were|is|has|have|had|do|does)\s+)?"
                        r"(?:(?:it|i|we|you)\s+)?(?:(?:take|took)\s+(?:me|us|(?:the|my|our)\s+\w+|[A-Z]\w+)\s+to\s+)?", re.I)
_SPAN_TAIL = re.compile(r"\s+(?:(?:take|took|last|lasted|run|ran|go\s+on|went\s+on)(?:\s+(?:me|us))?)\b.*$|"
                        r"\s+for\s*\??$|\s*[,;:].*$|\s+[-–—].*$|\s*\?.*$", re.I)  # a dash, not a hyphen: "dark-sky park"
_ROUTE = re.compile(r"^[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*$")
_BACK_REF = re.compile(r"^(?:the\s+)?(?:last|final|end|finish)(?:\s+one)?$|^(?:it|that)\s+ended$", re.I)


#: "how many weeks was I climbing before I hurt my finger", "how many months had I been learning the
#: cello when I played my first concert": from the start of a doing to an event that came while it went on
_WHILE_RE = re.compile(r"^\W*how\s+(?:long|many\s+\w+|much\s+time)\s+(?:was|were|had|have|did)\s+(?:i|we)\s+(?:been\s+)?"
                       r"(?P<x>\w+ing\b.*?)\s+(?:before|when|by\s+the\s+time)\s+(?:i|we)\s+(?P<y>.+?)\s*\??$", re.I)


def span_activity(q: str) -> str | None:
    """The activity of a start-to-end question ("how long did my pottery course take", "how many
    weeks was I in a cast"), else ``None``."""
    q = unhedge(q)
    if _WHILE_RE.search(q):
        return None  # two events: the doing's start and what came while it went on
    # "back" is "ago" only as a time word: "with my back" / "the back garden" name a thing
    told = re.sub(r"\b(?:my|your|his|her|our|their|the|a|bad|lower|upper)\s+back\b", " ", q, flags=re.I)
    if re.search(r"\b(ago|since|between|btwn|back|separat\w*|apart)\b|\b(?:earlier|later|sooner)\s+than\b", told, re.I) or (
            re.search(r"\bafter\b", q, re.I) and not re.search(r"\btake\b.*\bafter\b", q, re.I)) or \
            _SINCE_PERFECT.search(q) or _AFTER_RE.search(q) or _FRONTED_RE.search(q) or _BEFORE_RE.search(q):
        return None
    m_from = _FROM_TO_RE.search(q)
    if m_from:
        a, b = [g for g in m_from.groups() if g is not None][:2]
        if not (_BACK_REF.match(b.strip(" ?.")) or (_ROUTE.match(a.strip()) and _ROUTE.match(b.strip(" ?.")))):
            return None
    if not re.search(r"\bhow\s+(?:long|many\s+(?:days|nights|weeks|months|years)|much\s+time)\b", q, re.I):
        return None
    rest = _SPAN_LEAD.sub("", q.strip())
    rest = _SPAN_TAIL.sub("", rest).strip(" ?.")
    rest = re.sub(r"\s+in\s+(?:days|weeks|months|years)$", "", rest, flags=re.I)  # "… our holiday in days"
    rest = re.sub(r"^(?:i|we)\s+", "", rest, flags=re.I)
    rest = re.sub(r"^(?:spend|spent|stay|stayed)\s+(?=in\b|at\b)", "", rest, flags=re.I)  # a stay: "spend in Krakow"
    return rest or None


def duration_main_activity(q: str) -> str | None:
    """The activity of a between-question's main clause ("how many weeks did I *train for the
    half marathon*, from the first run to race day"): a fallback when its points do not match."""
    head = re.split(r"[,;:]|\bfrom\b|\bbetween\b", unhedge(q), maxsplit=1, flags=re.I)[0]
    if not _SPAN_LEAD.match(head) or re.search(SPAN_ASKED, head, re.I):
        return None  # "what's the span in days", "tell me the time that separated …": no activity of its own
    rest = _SPAN_TAIL.sub("", _SPAN_LEAD.sub("", head.strip())).strip(" ?.")
    return re.sub(r"^(?:i|we)\s+", "", rest, flags=re.I) or None


def events(q: str, intent: Intent) -> list[str]:
    """Event phrases whose dates a duration answer compares ("between X and Y", "since X")."""
    if intent != Intent.DURATION or span_activity(q):
        return []
    q = unhedge(q)
    m = _WHILE_RE.search(q)
    if m:
        return [f"start {_clean_phrase(m.group('x'))}", _clean_phrase(m.group("y"))]
    m = _BEFORE_RE.search(q) or _SINCE_WHEN_RE.search(q)
    if m:  # the first event, then the second
        a, b = _clean_phrase(m.group("a")), _clean_phrase(m.group("b"))
        return [b, a] if m.re is _BEFORE_RE else [a, b]
    m = _AFTER_RE.search(q)
    if m:
        return [_clean_phrase(m.group("a") or m.group("a2") or m.group("a3")),
                _clean_phrase(m.group("b") or m.group("b2") or m.group("b3"))]
    m = _FRONTED_RE.search(q)
    if m and not re.match(r"^\W*(?:how|what|when|which)\b", q, re.I):
        x, y = _clean_phrase(_DET.sub("", m.group("x"))), _clean_phrase(m.group("y"))
        return [y, x] if m.group("rel").lower() == "after" else [x, y]
    m = _CLAUSE_FIRST_RE.search(q)
    if m:
        return [_clean_phrase(m.group("e"))]
    m = _SEPARATE_RE.search(q) or _BETWEEN_RE.search(q) or _FROM_TO_RE.search(q) or _PAIR_FIRST_RE.search(q)
    if m:
        a, b = [g for g in m.groups() if g is not None][:2]
        if m.re is _FROM_TO_RE and not re.search(r"^\s+(?:to|until|till)\s+(?:the|my|our|when)\s",
                                                  q[m.end(1):] if m.group(1) else "", re.I):
            a, b = _resplit(a, b)  # only a cut that left no determiner after "to" is cut again
        return _unshare_ordinal(_clean_phrase(a), _clean_phrase(b))
    m = re.match(r"^\W*(?:my\s+|the\s+)?(.+?)\s+(?:was\s+|were\s+|is\s+)?how\s+(?:many|much)\s+\w+\s+(?:back|ago)\b", q, re.I)
    if m and not re.match(r"^\W*(?:how|what|when|which)\b", q, re.I):
        return [_clean_phrase(m.group(1))]
    # no shape of ours: two things the parse finds compared ("how much earlier was A than B") or set side by side
    # ("A and B - how far were they from each other in weeks"); a question of one time and today is asked of one
    pair = time_asked.compared(q) or ([] if re.search(r"\b(?:ago|since|back)\b", q, re.I) else time_asked.offered(q))
    if len(pair) == 2 and all(_clean_phrase(p) for p in pair):
        return _unshare_ordinal(_clean_phrase(pair[0]), _clean_phrase(pair[1]))
    m = re.search(r"\bago\b.*?\b(?:did|was|were|had|have)\s+(?:i|we|my|the|a|an|our)\s+(.+?)\s*\??$", q, re.I) or \
        re.search(r"\bago\b(?:.*?\b(?:did|was|were|had|have)\s+|\s*,?\s+(?:I|we)\s+(?!(?:told|said|mentioned|asked)\b))(.+?)\s*\??$",
                 q, re.I) or \
        re.search(r"\b(?:since|after|before)\s+(?:i\s+|my\s+|the\s+)?(.+?)\s*\??$", q, re.I) or \
        re.search(r"\b(?:did|have|has|had)\s+(?:it\s+been\s+)?(?:since\s+)?(?:i|we|my)\s+(.+?)\s*\??$", q, re.I) or \
        re.search(r"\b(?:was|were|is)\s+(?:my\s+|the\s+|i\s+)?(.+?)\s*\??$", q, re.I)
    return [_clean_phrase(m.group(1))] if m else []


def _unshare_ordinal(a: str, b: str) -> list[str]:
    """"first" / "last Mandarin class" → "first Mandarin class" / "last Mandarin class": the noun
    the two ordinals share is said once, after the second."""
    m = _ORDINAL_NOUN.match(b)
    if _BARE_ORDINAL.match(a) and m:
        return [f"{_BARE_ORDINAL.match(a).group(1)} {m.group('rest')}", b]  # type: ignore[union-attr]
    # "the first gcse paper" / "the last one": the noun said once, in the first
    first = re.match(r"^(?:(?:my|the|our)\s+)?(?:very\s+)?(?:first|earliest|initial)\s+(?P<rest>.+)$", a, re.I)
    back = re.match(r"^(?:(?:my|the|our)\s+)?(?P<ord>last|final|latest)(?:\s+one)?$", b, re.I)
    if first and back:
        return [a, f"{back.group('ord')} {first.group('rest')}"]
    return [a, b]


def unit(q: str) -> str | None:
    """The unit a duration question asks for (days, weeks, months, years)."""
    m = re.search(r"\b(?:how (?:many|much)|count the|count how many|number of|in)\s+(?:\w+\s+)?(days|weeks|months|years|hours|minutes)\b", q, re.I)
    if m:
        return m.group(1).lower()
    m = re.search(r"\b(day|week|month|year)\s+count\b", q, re.I)  # "the day count between …"
    if m:
        return m.group(1).lower() + "s"
    m = re.search(r"\b(days|weeks|months|years)\b", q, re.I)
    return m.group(1).lower() if m else None


def anchors(q: str) -> list[str]:
    """Times anchored to an event ("before my trip") as ``rel:phrase``."""
    out = []
    for m in _ANCHOR_RE.finditer(q):
        phrase = m.group(2).strip()
        if phrase and not _MONTHY.match(phrase):
            out.append(f"{m.group(1).lower()}:{phrase}")
    return out

"""Which questions ask to add up money, and which way the money went.

"How much did I spend in total", "what has my boat cost me", "what have i spent on Tater so far this
year" add up what the user paid; "how much did I pay for the bed?" asks one price. A money question
over a span the question names ("What did I spend on takeaway in February?"), told in the present
perfect ("How much have I paid in fines?") or asking a total by its noun ("What's my fuel total?")
adds up too. "How much have I raised for the hospice", "what have I made from selling my art" add
up money that came *in*: :func:`asks_money_in`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kgmem.answer.measures import asked_measure
from kgmem.answer.refunds import words as money_words
from kgmem.lexicon import calendar
from kgmem.lexicon.people import USER_SUBJECTS
from kgmem.nlp import load_nlp

_SUM_Q = re.compile(r"\b(total|add up|sum|altogether|combined|in all|how much|all together|spen[dt] on|paid for|"
                    r"pay for|come to|came to)\b", re.I)
_MONEY_Q = re.compile(r"\b(spen[dt]|spending|cost|paid|pay|money|amount|price|\$|dollars?|budget|bought|dropped|"
                      r"shell(?:ed)? out|purchases?|come to|came to)\b", re.I)
#: the question asks for a total over a kind, not the price of one thing
ALL_Q = re.compile(r"\b(?:total|altogether|all together|combined|in all|add(?:ed)? up|sum|everything|all (?:the|my|of))\b", re.I)

#: a count, however it is asked: "how many", "the (total) number of things I bought" (not a sum of
#: their prices)
COUNT_Q = re.compile(r"\b(?:how\s+many|number\s+of|count\s+of|tally\s+of)\b", re.I)


def is_money_total(question: str) -> bool:
    """A question asking to add up money ("how much did I spend in total")."""
    return bool(_SUM_Q.search(question) and _MONEY_Q.search(question) and not COUNT_Q.search(question))


#: what money a thing took from the user ("what has my boat *cost me*", "how much have I *put into* my bike")
_COST_TO_USER = re.compile(r"\b(?:cost|costs|costing)\s+(?:me|us)\b|\bput\s+into\b|\bsunk\s+into\b", re.I)
#: a span of time that money is added up over ("so far", "this year", "to date", "since March")
_RUNNING = re.compile(r"\b(?:so\s+far|to\s+date|yet|this\s+(?:year|month|week|season|summer|winter|spring|autumn|fall)|"
                      r"since)\b", re.I)


def asks_money_total(question: str) -> bool:
    """A question asking to add up money over a span or a whole, however its intent was planned:
    money asked for (:func:`is_money_total`, or a cost to the user: "What has my boat cost me") and
    added up ("so far", "this year", "all together": "what have i spent on Tater so far this year");
    not one price ("how much did I pay for the bed?", "What did my new phone cost?")."""
    if COUNT_Q.search(question):
        return False
    return bool((is_money_total(question) or _COST_TO_USER.search(question))
                and (_RUNNING.search(question) or ALL_Q.search(question)))

#: a span the question adds money up over, told by a month or a period ("in February", "last month")
_SPAN = re.compile(rf"\b(?:in|during|over|for|since)\s+(?:(?:early|late|mid)[\s-]+)?(?:{calendar.month_alternation()})\b|"
                   r"\b(?:last|past)\s+(?:year|month|week|few\s+months|"
                   r"summer|winter|spring|autumn|fall)\b", re.I)
#: the present perfect of a money verb: money added up until now ("how much *have I paid* in fines")
_PERFECT = re.compile(r"\b(?:(?:have|has)\s+(?:i|we)|(?:i|we)['’]ve)\s+(?:\w+\s+)?(?:spent|paid|forked|shelled|dropped|"
                      r"splashed|put|chipped|given|donated|blown|sunk|invested)\b", re.I)
#: a total asked for by its noun, its kind before it ("what's my *fuel total*", "the grocery total")
_NAMED_TOTAL = re.compile(r"\b(?:my|our|the)\s+(?:[\w-]+\s+){1,2}total\b", re.I)
#: verbs that ask where money went ("what did I *fork out* on parking", "how much have I *donated*")
_MONEY_VERBS = (r"spen[dt]|spending|paid|pay|fork(?:ed)?\s+out|shell(?:ed)?\s+out|dropp?ed|splash(?:ed)?\s+out|"
                r"donat(?:e|ed)|given|give|chipped\s+in|put\s+in|blown|blew|sunk|invested")
#: a question about money by its verb or noun ("how much", "what did I spend", "what have I raised")
_MONEY_ASKED = re.compile(rf"\bhow\s+much\b|\bwhat\s+(?:did|have)\s+(?:i|we)\s+(?:\w+\s+)?(?:{_MONEY_VERBS}|"
                          r"made|make|earned|earn|raised|raise)\b", re.I)
#: a total of something that is not money: time given, steps, miles, pages ("how much time have I
#: given to volunteering", "what's my step total", "the running total of my steps")
_UNITS = r"(?:steps?|miles?|kilomet(?:er|re)s?|km|hours?|minutes?|pages?|calories|laps?|reps?|points?|words?|goals?)"
_NOT_MONEY = re.compile(rf"\bhow\s+much\s+(?:more\s+)?(?:time|of\s+my\s+time|sleep|water|weight|distance)\b|"
                        rf"\b{_UNITS}\s+(?:total|count)\b|\btotal\s+(?:of\s+)?(?:my\s+|our\s+|the\s+)?{_UNITS}\b", re.I)
_MONEY_VERB = re.compile(rf"\b(?:{_MONEY_VERBS})\b", re.I)


def sums_money_over_time(question: str) -> bool:
    """A money question that adds up, however its intent was planned: over a span it names ("What did I
    spend on takeaway food in February?"), in the present perfect ("How much have I paid in fines?"), or
    a total asked by its noun ("What's my fuel total this month?"); never a count."""
    if COUNT_Q.search(question) or _NOT_MONEY.search(question) or asked_measure(question):
        return False
    if _NAMED_TOTAL.search(question):
        return True
    money = bool(_MONEY_ASKED.search(question) and (_MONEY_Q.search(question) or _MONEY_VERB.search(question)
                                                    or asks_money_in(question)))
    return money and bool(_SPAN.search(question) or _PERFECT.search(question) or asks_money_in(question))


#: verbs that ask about money that came in besides the lexicon's income verbs ("how much have I *made*")
_IN_VERBS = frozenset({"make", "bring", "take", "fundraise"})


@lru_cache(maxsize=1024)
def asks_money_in(question: str) -> bool:
    """"How much have I raised for the hospice", "what have I made from selling my art": the question's
    main verb takes money in (the money-back lexicon's income verbs, or make/bring in); not "how much
    did I pay for what I sold" (the main verb pays)."""
    if not _MONEY_ASKED.search(question):
        return False
    doc = load_nlp()(question)
    roots = [t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")]
    verbs = {t.lemma_.lower() for t in roots} | {c.lemma_.lower() for t in roots for c in t.children
                                                 if c.dep_ in ("xcomp", "conj") and c.pos_ == "VERB"}
    paid = any(t.lemma_.lower() == "pay" and any(c.dep_ == "nsubjpass" and c.lower_ in USER_SUBJECTS for c in t.children)
               for t in roots)  # "how much have I been paid for tutoring": paid to the user
    return paid or (bool(verbs & (money_words()["income_verbs"] | _IN_VERBS)) and not verbs & {"pay", "spend", "buy", "cost"})

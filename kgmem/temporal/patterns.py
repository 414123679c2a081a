"""The time-expression patterns the resolver tries, in priority order (regex text only).

:mod:`kgmem.temporal.resolvers` holds one resolver per pattern kind; :mod:`kgmem.temporal.resolve`
runs the patterns over a text and hands each match to its resolver.
"""

from __future__ import annotations

import re

from kgmem.lexicon import calendar
from kgmem.temporal import holidays
from kgmem.temporal.types import NUM

#: meteorological seasons (northern hemisphere): name → first month
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

_NUM = NUM
#: a weekday by any form people write ("tues", "weds", "Thursday"): kgmem.lexicon.calendar
_WD = f"(?:{calendar.weekday_stem_alternation()})(?:day)?"
#: the seven full names ("monday" … "sunday")
_FULL_WD = f"(?:{calendar.weekday_alternation()})"
MON = f"(?:{calendar.month_alternation()})"
_ORD = r"(?:\d{1,2})(?:st|nd|rd|th)?"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_YEAR = r"(?:19|20)\d{2}"
#: words after "the 5th" that make it something other than a day of the month (one list: the entity
#: readers' times use it too, kgmem.extraction.zero.values_amounts)
NOT_A_DAY = (r"floor|storey|story|anniversary|birthday|time|century|place|grade|row|seat|platform|gate|street|st|"
             r"avenue|ave|percentile|minute|lap|round|page|chapter|edition|annual|year|week|month|day|season|book|"
             r"episode|attempt|try|one|person|house|hole|inning|match|game|level|version|draft|spot")
_NOT_A_DAY = NOT_A_DAY

#: (kind, pattern) in priority order; longer, more specific patterns first
_PATTERNS: list[tuple[str, str]] = [
    ("day_before_yesterday", r"(?:the\s+)?day\s+before\s+yesterday"),
    ("day_after_tomorrow", r"(?:the\s+)?day\s+after\s+tomorrow"),
    ("weekday_of_week", rf"(?:the\s+)?(?P<wd>{_WD})\s+(?:of\s+)?(?P<week>the\s+week\s+before\s+last|last\s+week|"
                        rf"this\s+week|next\s+week)"),
    ("before_last", r"the\s+(?P<unit>week|weekend|month|year)\s+before\s+last"),
    ("weekday_before_last", rf"the\s+(?P<wd>{_WD})\s+before\s+last"),
    ("ago", rf"(?P<n>{_NUM})\s+(?P<unit>day|week|weekend|month|year|fortnight)s?\s+(?:ago|back|before\s+today)"),
    # "since two days", "since three years": a learner's "for … until now" (standard "since" takes a
    # point, never a length), so the state began that long ago
    ("since_span", rf"since\s+(?P<n>{_NUM})\s+(?P<unit>day|week|month|year|fortnight)s?\b(?!\s+(?:ago|back|before|old|of\s+age))"),
    # "it's three weeks since I handed in the keys": the clause after "since" happened that long ago
    ("ago_since", rf"(?P<n>{_NUM})\s+(?P<unit>day|week|month|year|fortnight)s?\s+since(?=\s+(?:I|I'd|I've|we|we'd|we've|"
                  rf"my|our|the|he|she|they|you)\b)"),
    ("weekdays_ago", rf"(?P<n>{_NUM})\s+(?P<wd>{_FULL_WD})s\s+ago"),
    ("ago_half", r"(?:a\s+)?(?:half\s+a|half\s+an)\s+(?P<unit>year|month)\s+ago"),
    ("week_on", rf"a\s+week\s+(?:on\s+(?P<wd>{_WD})|(?P<rel>tomorrow|today|on\s+tomorrow))"),
    ("in_n", rf"(?:in|within)\s+(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?(?:'?\s+time)?"),
    ("from_now", rf"(?P<n>{_NUM})\s+(?P<unit>day|week|month|year)s?\s+from\s+now"),
    ("holiday", rf"(?:(?P<which>last|this\s+past|this\s+coming|this|next)\s+)?(?P<h>{holidays.HOLIDAY_RE})"
                rf"(?:,?\s+(?:of\s+)?(?P<y>{_YEAR}))?(?!\s+(?:resolution|party\s+planning))"),
    ("full_date", rf"(?:on\s+)?(?:(?P<wd>{_WD}),?\s+)?(?:(?:the\s+)?(?P<d1>{_ORD})\s+(?:of\s+)?(?P<m1>{MON})|(?P<m2>{MON})\.?\s+(?:the\s+)?(?P<d2>{_ORD}))(?:,?\s+(?P<y>{_YEAR}))?(?![\w:])"),
    ("iso_date", r"(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    ("slash_date", r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)?\d{2})(?![\d/])"),
    ("day_ordinal", rf"(?:on|since|by|until|till|from|before|after|of)\s+the\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)(?!\s+(?:of\s+)?{MON})(?!\s+(?:{_NOT_A_DAY})\b)(?![\w-])"),
    # "moved it to the 22nd", "booked in for the 23rd": only where the day ends its phrase ("to the 1st
    # team", "for the 2nd half" are no days)
    ("day_ordinal_to", r"(?:to|for)\s+the\s+(?P<d>\d{1,2})(?:st|nd|rd|th)(?=\s*(?:[,.;:!?)–—]|\s-\s|$)|\s+(?:and|but|so|"
                       r"to|at|in|instead|because|then|now|or|when|as|after|before|was|is|if|with|which)\b)"),
    ("weekend_rel", r"(?P<which>last|this|next|this\s+past|this\s+coming|over\s+the|the\s+past)\s+weekend"),
    # "back since sat": after "since" even the short forms that are ordinary words name a day
    ("weekday_rel", rf"(?P<which>last|this|next|this\s+past|this\s+coming|on|past|since)\s+(?P<wd>{_WD})(?P<part>\s+(?:morning|afternoon|evening|night))?"),
    ("earlier_this", r"(?P<which>earlier|later)\s+this\s+(?P<unit>week|month|year)"),
    ("period_rel", r"(?P<which>last|this|next|past)\s+(?P<unit>week|month|year)"),
    ("early_month", rf"(?P<part>early|mid|late|the\s+(?:beginning|start|middle|end)\s+of)[\s-]+(?P<mon>{MON})(?:\s+(?P<y>{_YEAR}))?"),
    ("month_rel", rf"(?P<which>last|this|next|in|since|during|back\s+in|in\s+early|in\s+late|in\s+mid)\s*-?\s*(?P<mon>{MON})(?:\s+(?P<y>{_YEAR}))?(?![\w])"),
    ("season_rel", rf"(?P<which>last|this|next|in\s+the|during\s+the|over\s+the|this\s+past)\s+(?P<season>{_SEASON})(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?"),
    ("season_year", rf"(?:in\s+)?(?P<season>{_SEASON})\s+(?:of\s+)?(?P<y>{_YEAR})"),
    ("month_year", rf"(?P<mon>{MON})\s+(?P<y>{_YEAR})"),
    ("year", rf"(?P<which>in|since|during|back\s+in|of)\s+(?P<y>{_YEAR})(?![\d/-])"),
    ("part_of_day", r"(?P<which>this|last|yesterday|tomorrow)\s+(?P<part>morning|afternoon|evening|night)"),
    ("tonight", r"tonight"),
    ("yesterday", r"yesterday"),
    ("today", r"(?:earlier\s+|later\s+)?today"),
    ("tomorrow", r"tomorrow"),
    ("bare_weekday", rf"(?P<wd>{_WD})"),
]
COMPILED = [(kind, re.compile(rf"\b{pat}\b", re.IGNORECASE)) for kind, pat in _PATTERNS]
#: a weekday that stands alone: the full name, or an abbreviation no ordinary word shares ("finished
#: the course thurs", "flying out fri"; "sat", "sun", "wed" and "mon" alone are usually other words)
FULL_WEEKDAY = re.compile(rf"^(?:{_FULL_WD}|{'|'.join(calendar.lone_weekday_abbreviations())})$", re.IGNORECASE)


#: a subjectless clause that opens with a verb of going and its destination ("Flying to Portugal",
#: "Heading over to the coast", "Off to Vienna"): a day it names with "on" is the coming one, told
#: ahead as an arrangement (done once it has passed), not a plan; a past auxiliary in the sentence
#: ("Flying to Portugal on Tuesday was a mistake") keeps the most recent one
GOING_CLAUSE = re.compile(r"^\W*(?i:(?:(?:so|and|finally|just|also)\s+)*(?:[a-z]+ing(?:\s+(?!to\b|for\b)[a-z]+){0,2}?|off)\s+(?:to|for)\s+)"
                          r"(?:(?i:the|my|our|a)\s+\w|[A-Z])")
PAST_AUX = re.compile(r"\b(?:was|were|had|did)\b", re.I)
#: a clause in the future tense or the present progressive ("we're flying …"): a plan
#: where a clause ends, for reading the tense of the clause a time expression belongs to
CLAUSE_BREAK = re.compile(r"\s[-–—]\s|[,;:]|\b(?:and|but|so|because)\b")
FUTURE_TENSE = re.compile(r"\b(?:will|shall|going\s+to|gonna|about\s+to|plan(?:ning)?\s+to)\b|'ll\b|"
                          r"\b(?:I'm|I\s+am|we're|we\s+are|you're|they're|he's|she's|it's|is|are|am)\s+\w+ing\b", re.I)

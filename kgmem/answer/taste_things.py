"""Where the thing a taste frame names begins and ends (moved out of :mod:`kgmem.answer.taste`, pf20): a clause break
or a comparison's other side cuts it, the words that open or trail it ("anything with", "tbh", "these days") are no
part of it, and a sentence that ended on a closer without its full stop ends it.
"""

from __future__ import annotations

import re

from kgmem.lexicon.discourse import closer_alternation, strip_openers

_PRONOUNS = frozenset({"it", "that", "this", "them", "they", "those", "these", "everything", "anything", "one",
                       "which", "what", "you", "him", "her", "so", "there", "here"})
#: a comparison's degree: "more", "far better", "a lot less" (one copy: the frame's cut and a value's tail)
_DEGREE = r"(?:(?:much|far|way|even|a\s+lot|a\s+bit|little)\s+)?(?:more|less|better|worse)"
# where the thing named after a frame ends: a clause break or a comparison's other side
_CUT = re.compile(r"[.,;:!?()\u2014]|\s(?:but|because|cause|so|though|although|since|when|while|if|whereas|than|until|till|"
                  r"over|instead\s+of|rather\s+than|and\s+(?:i|we|it|that|then)|"
                  # a comparison's degree belongs to the frame, not the thing ("pecan pie (much) more than anything")
                  rf"{_DEGREE}\s+than)\b", re.I)
# what trails the thing named without being part of it: a closing filler (kgmem.lexicon.discourse)
# or an adverbial of degree, time or viewpoint
_TRAILING = re.compile(rf"\s+(?:{closer_alternation()}|too|either|at\s+all|lately|these\s+days|so\s+much|"
                       r"a\s+lot|for\s+me|to\s+me|please|pls|plz|btw|now|anymore|any\s+more|the\s+most|most|best|just|simply|rn|"
                       r"literally|honestly|really|actually|always|genuinely|frankly|anywhere|in\s+it|in\s+them|in\s+anything|"
                       r"in\s+everything|for\s+(?:her|him|them|us)|tonight|today|tomorrow|completely|entirely|totally|"
                       r"altogether|for\s+good|from\s+now\s+on|nowadays|for\s+(?:years|ages|decades|a\s+long\s+time)|"
                       r"as\s+an?\s+(?:kid|child|teen|teenager|boy|girl|student))$",
                       re.I)
# (a thing named by what it has: "anything with jazz" is jazz)
_HAS = r"(?:anything|something|everything)\s+(?:with|involving|featuring)"
_LEADING = re.compile(rf"^(?:{_HAS}|give\s+me|literally|honestly|frankly|actually|basically|only|the|a|an|to|doing|eating|watching|reading|playing|listening\s+to|going\s+to|going|"
                      r"having|drinking|being|it\s+when|when|all|any|some|very\s+much|so\s+much|really)\s+", re.I)


def clean_thing(value: str) -> str:
    """A thing named by a frame without the words that open or trail it, "" for a pronoun or a scrap."""
    for _ in range(3):
        value = _TRAILING.sub("", _LEADING.sub("", value.strip(" \"'-"))).strip(" \"'-")
    return "" if value.lower() in _PRONOUNS or len(value) < 3 else value


#: a discourse closer followed by a capital: the sentence ended without its full stop ("short stories tbh Got it")
_RUN_ON = re.compile(rf"\s+(?:{closer_alternation()})\s+(?=(?-i:[A-Z]))", re.I)


def run_on_sentences(text: str) -> list[str]:
    """A line's sentences where one ended on a closer without its full stop ("… outdoor running tbh Any tips on …")."""
    return _RUN_ON.split(text)


def thing_after(tail: str) -> str:
    """The thing named after a frame: up to a clause break, a comparison's other side or a run-on sentence."""
    return clean_thing(_RUN_ON.split(_CUT.split(" " + tail, maxsplit=1)[0], maxsplit=1)[0])


def thing_before(head: str) -> str:
    """The thing named before a frame: the last clause of ``head``, at most eight words."""
    chunk = re.split(r"[,;:!?()]|\.\s|\s(?:but|because|so|though|whereas)\s", head)[-1]
    value = clean_thing(strip_openers(chunk.strip()))
    return value if len(value.split()) <= 8 else ""


#: a comparison's degree trailing a thing ("pudding more" from "I adore pudding more than anything")
_DEGREE_TAIL = re.compile(rf"\s+{_DEGREE}$", re.I)


def without_degree(value: str) -> str:
    """A liked thing without a comparison's degree another reader left on it ("sticky toffee pudding", not
    "sticky toffee pudding more" from "… more than anything"): the degree is the frame's (see ``_CUT``), nor an
    opener that names it by what it has ("anything with jazz": jazz)."""
    value = _DEGREE_TAIL.sub("", value) or value
    return _OPENER.sub("", value) or value


_OPENER = re.compile(rf"^{_HAS}\s+", re.I)


def without_trailers(value: str) -> str:
    """A thing without the closing fillers and adverbials that trail it ("chicken pls", "olives either")."""
    for _ in range(3):
        value = _TRAILING.sub("", value.strip())
    return value

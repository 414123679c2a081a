"""What a user's line or a question says of the user's taste, read before a suggestion is built on it
(:mod:`kgmem.answer.preference`): a fact's value that names a thing liked, not a piece of the frame, of a
word or of a question; the speaker's own clause; a taste the question itself states.
"""

from __future__ import annotations

import re

from kgmem.answer.actuality import actuality
from kgmem.answer.dropped_subject import reread_as_speaker
from kgmem.answer.pref_reasons import clauses
from kgmem.answer.taste import LEXICON, read_taste
from kgmem.lexicon.discourse import strip_openers
from kgmem.nlp import load_nlp

#: a line's parts that may each state a taste ("I love X, but Y bores me")
PARTS = re.compile(r",\s*(?:and|but|while|whereas)\s+|;\s*|\s+but\s+|\s+whereas\s+")

#: "like" as a comparison after a verb of the senses or seeming ("smells like nail polish")
_COMPARISON = re.compile(r"\b(?:smell|taste|look|sound|feel|seem)(?:s|ed|ing)?\s+(?:\w+\s+)?like\b", re.I)
_FRAME_WORDS = frozenset(w for entries in LEXICON.values() for e in entries for w in e.split())
_SPEAKER = re.compile(r"\b(?:my|me|i|our|us)\b", re.I)


def reads_as_taste(value: str, sentence: str) -> bool:
    """A "likes"/"dislikes" fact names a thing liked: not a piece of the speaker's own frame
    ("much more my cup"), not the other side of a comparison ("my starter smells like nail
    polish remover": no taste) unless a taste frame reads the sentence."""
    if _SPEAKER.search(value) or set(value.lower().split()) <= _FRAME_WORDS:
        return False  # "much more my cup", "hard pass": the frame, not the thing
    if actuality(sentence) in ("request", "other"):
        return False  # a question, or someone else's taste
    return not _COMPARISON.search(sentence) or any(read_taste(p) is not None for p in PARTS.split(sentence))


def named_as_own(value: str, sentence: str) -> bool:
    """A value its sentence names only as the speaker's own ("anything with jazz gets my vote": "vote"): a noun of the
    frame, no thing liked."""
    said = [m.start() for m in re.finditer(rf"(?<![\w'’]){re.escape(value.strip())}(?!\w)", sentence, re.I)]
    return bool(said) and all(re.search(r"\b(?:my|our)\s+$", sentence[:at], re.I) for at in said)


def a_fragment(value: str, sentence: str) -> bool:
    """A value its sentence holds only as a piece of a longer word ("s orders" in "consultant's orders")."""
    at = re.escape(value.strip())
    return bool(at) and bool(re.search(at, sentence, re.I)) and not re.search(rf"(?<![\w'’]){at}(?!\w)", sentence, re.I)


def own_clause(part: str) -> bool:
    """The speaker's own taste: not a request, not someone else's doing (the clause before its
    first comma decides: "no purees, she gets finger food" is the user's rule)."""
    head = part.split(",", 1)[0]
    return not asks_in(part) and (actuality(part) != "other" or actuality(head) != "other")


#: a modal opening a clause with no subject after it: the speaker's own subject left out ("can never get enough of
#: it", "could always eat more", "would never turn it down"), a statement; "can you", "could I" ask
_SUBJECT_LEFT_OUT = re.compile(r"^\W*(?:can|could|would|will)(?:n't|not)?\s+(?!(?:i|you|we|he|she|it|they|someone|anyone|"
                               r"somebody|anybody|there|this|that|these|those|the|a|an|my|your|our)\b)\w+", re.I)


def asks_in(part: str) -> bool:
    """Whether a clause asks (a question or a request to the assistant) rather than tells: a modal opening it with
    its subject left out tells ("can never get enough of short stories", unless it ends on a question mark)."""
    if actuality(part) != "request":
        return False
    return part.rstrip().endswith("?") or not _SUBJECT_LEFT_OUT.match(strip_openers(part.strip()))


def frame_negation(part: str) -> bool:
    """Whether a clause's negation belongs to the taste frame that reads it ("I'll never say no to swimming": a
    liking, read as such by :func:`kgmem.answer.taste.read_taste`), not to a clause around the taste ("I never said I
    love jazz"): read without its negation words, the clause states no taste, or the other one."""
    taste = read_taste(part)
    if taste is None:
        return False
    bare = re.sub(r"\s+", " ", _NEGATION_WORDS.sub(" ", part.replace("\u2019", "'")))
    plain = read_taste(bare)
    return plain is None or plain[0] != taste[0]


#: negation words and contractions, dropped by :func:`frame_negation`
_NEGATION_WORDS = re.compile(r"\b(?:never|not|no\s+longer|hardly|barely)\b|(?<=\w)n't\b|\b(?:cannot)\b", re.I)


def asked_tastes(question: str) -> list[str]:
    """The things the question itself says the user likes or craves ("im craving pizza, what should i
    order" -> ["pizza"]), at most two."""
    found = [t[1] for c in clauses(question) if not _QUALIFIES_THE_ASKED.search(c) and (t := read_taste(c)) is not None
             and t[0]]
    return found[:2]


#: a taste that qualifies the thing asked for, as a relative clause on its noun ("a recipe I'd enjoy making this
#: evening", "any book that we might like"): what the suggestion must be, no taste the user states
_QUALIFIES_THE_ASKED = re.compile(r"\b(?:a|an|some|any|the)\s+(?:[\w-]+\s+){1,3}(?:that\s+|which\s+)?(?:i|we)"
                                  r"(?:'d|'ll|\s+would|\s+might|\s+will|\s+could)\s+(?:\w+\s+)?(?:enjoy|like|love|dig|"
                                  r"prefer|fancy)\b", re.I)


#: a pronoun a taste may be said of ("loved it", "it's my sort of thing"), and the stand-in the frames read in its place
_PRONOUN = re.compile(r"\bit\b(?!\s+(?:is|was|'s)\s+(?:a|an|the)\b)", re.I)
_STAND_IN = "zqthing"


def said_of_it(part: str) -> tuple[bool, int] | None:
    """A taste said of a pronoun ("honestly I couldn't stand it", "it's just my sort of thing"): its polarity and where
    the pronoun stands in ``part``, else ``None`` (the frames of :func:`kgmem.answer.taste.read_taste`, read with a
    stand-in for the pronoun)."""
    if not _PRONOUN.search(part) or read_taste(part) is not None:
        return None
    for m in _PRONOUN.finditer(part):
        taste = read_taste(part[:m.start()] + _STAND_IN + part[m.end():])
        if taste is not None and taste[1].lower() == _STAND_IN:
            return taste[0], m.start()
    return None


def antecedent(before: str) -> str:
    """What a pronoun of a taste stands for: the last thing the speaker did something with before it in the line, a
    verb's object that is no pronoun ("I finally finished The Thursday Murder Club …, loved it": the book), read
    from the parse; "" when there is none."""
    doc = load_nlp()(before)
    objects = [t for t in doc if t.dep_ in ("dobj", "obj") and t.pos_ not in ("PRON", "NUM")]  # (a noun the tagger took for a verb too)
    if not objects and len(doc) and doc[0].tag_ in ("VBD", "VBN"):
        # a line opening on a past verb dropped its subject, the speaker ("Finished The Salt Path …"): read it with one
        doc = reread_as_speaker(before)
        objects = [t for t in doc if t.dep_ in ("dobj", "obj") and t.pos_ not in ("PRON", "NUM")]
    if not objects:
        return ""
    obj = objects[-1]
    words = [t for t in obj.subtree if t.i <= obj.i and t.dep_ in ("compound", "amod", "det", "poss") or t.i == obj.i]
    text = " ".join(t.text for t in words if t.dep_ not in ("det", "poss"))
    return "" if _SPEAKER.search(text) else text


def taste_of_it(text: str, part: str) -> tuple[bool, str] | None:
    """A taste said of a pronoun in ``part`` of the line ``text``, with the thing it stands for ("finished The Thursday
    Murder Club …, it's just my sort of thing"): :func:`said_of_it` and its :func:`antecedent`."""
    said = said_of_it(part)
    if said is None:
        return None
    thing = antecedent(text[:text.find(part) + said[1]])
    return (said[0], thing) if thing else None

"""Text normalisation in one place: Unicode folding, word tokens and the word lists.

Every layer that compares words (the keyword index of both stores, the question planner, the
rule extractor, the answerer and the judge) folds and tokenises through this module, so
"Valparaíso", "VALPARAISO" and "valparaiso" are one word everywhere.

The word lists are named subsets built from one base (:data:`FUNCTION_WORDS`): each caller needs
a slightly different set (a keyword index drops contraction fragments, a question planner also
drops question filler such as "remind" or "ago", an object phrase ends at a clause word), and
each set is spelled out here rather than copied into the caller.
"""

from __future__ import annotations

import re
import unicodedata

# --------------------------------------------------------------------------- folding


def fold(text: str) -> str:
    """Casefolded, compatibility-normalised text with accents removed.

    ``casefold`` (so "Straße" == "strasse"), then NFKD (full-width digits, ligatures and other
    compatibility forms become their plain letters), then every combining mark dropped (so
    "Valparaíso" == "valparaiso").
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# --------------------------------------------------------------------------- word lists

#: English function words (NLTK's core list): the base every list below starts from
FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers him his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours out over own same she
    should so some such than that the their them then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you
    your yours
    """.split()
)

#: what a keyword index drops: function words, reflexives and the fragments that a ``\\w+``
#: split leaves of contractions ("don't" → "don", "t")
STOPWORDS: frozenset[str] = FUNCTION_WORDS | frozenset(
    """
    herself himself theirs themselves ourselves yourself yourselves s t d ll m o re ve y
    don doesn didn isn wasn weren aren hasn haven hadn won wouldn shouldn couldn
    """.split()
)

#: words of a question that say how it is asked, not what it is about ("remind me how many
#: days ago …"); a question planner drops them with the function words
QUESTION_FILLER: frozenset[str] = frozenset(
    """
    remind tell know remember recall ago many much long time times day days week weeks month
    months year years first last previous previously current currently still total please get
    got go went recently mentioned said told talked say think like
    """.split()
)

#: what a question planner drops when it picks keywords and entity names
QUESTION_STOPWORDS: frozenset[str] = FUNCTION_WORDS | QUESTION_FILLER

#: words that end an object phrase ("a new bike [because] …", "Paris [last] week"): clause
#: words, prepositions that open an adjunct, time words, pronouns and auxiliaries, dashes
PHRASE_BREAKS: frozenset[str] = frozenset(
    """
    and but because since so which who that when while after before for with from at in on to
    as last this next yesterday today ago tomorrow recently until during if or by about around
    over into back again too though although where now here there soon already yet just lately
    earlier i we it he she they you is was were are has had have will would can could should
    might must called named - – — ( and/or plus like than then every each per i've i'm i'd i'll
    we've we're we'd off via online
    """.split()
)

#: words an answer rubric uses around its key terms ("the user would prefer suggestions
#: related to …"); a rubric judge drops them before matching key terms
RUBRIC_FILLER: frozenset[str] = frozenset(
    """
    a an the and or but if of to in on at for with by from as is are was were be been being it
    its this that these those they them their he she his her you your user users would could
    should might may can will prefer prefers preferred preference preferences response responses
    suggest suggests suggestion suggestions recommend recommendation recommendations not do does
    did also such like more most some any other than then so about into over which who whom what
    when where how why have has had just very well e g eg etc i me my we our specific
    specifically particular particularly based related especially include includes including
    given utilize utilizing use using interest interested interests
    """.split()
)

# --------------------------------------------------------------------------- tokens

_WORD_RE = re.compile(r"\w+", re.UNICODE)


def words(text: str) -> list[str]:
    """Folded word tokens (``\\w+`` runs of :func:`fold`), stopwords kept."""
    return _WORD_RE.findall(fold(text))


def tokenize(text: str) -> list[str]:
    """Folded word tokens with :data:`STOPWORDS` removed (the keyword-index tokenizer)."""
    return [tok for tok in words(text) if tok not in STOPWORDS]

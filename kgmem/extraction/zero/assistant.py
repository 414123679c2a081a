"""What the assistant recommended: cue filter, sentence selection and patterns over assistant turns.

An assistant turn is read only when it carries a recommendation cue ("I'd recommend", "you
should try", "a great option is"); a bulleted list of bold names after such a cue names the items
recommended.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.nlp import load_nlp
from kgmem.extraction.zero.patterns import CAP_OBJ, OBJ, Rule, obj_rule, rx
from kgmem.extraction.zero.phrases import trim_phrase, valid_value
from kgmem.extraction.zero.sentences import Sentence, split_sentences
from kgmem.lexicon import calendar

RECOMMEND_CUE = re.compile(
    r"\b(?:recommend|suggest|you (?:should|could|might|may) (?:try|check out|consider|"
    r"visit|read|watch|listen to|look into|enjoy|want to try)|(?:good|great|excellent|popular|"
    r"top) (?:option|choice|pick)s? (?:is|are|would be|include)|I'd go with|try out|it would be|"
    r"my (?:top )?(?:pick|choice)|go with|alternatives?|how about|what about|go for|can't go wrong|"
    r"my suggestion|(?:great|excellent|perfect|solid|good|ideal|best) (?:choice|pick|option|fit|bet|match)|"
    r"point you|steer you|lean towards?|give [^.;!?]{2,60} a (?:go|try|shot|whirl|look|listen|spin)|"
    r"(?:have|take) a look at|tops? (?:of )?my list|would (?:really )?suit you|would work (?:well |nicely )?for you|"
    r"fits the bill|worth (?:a (?:look|try|visit|shot|listen)|checking out|trying|a read|a watch)|"
    r"hard to beat|you(?:'ll|'d| will| would) (?:probably |really |definitely )?(?:love|enjoy|like)|go-to|stands? out|"
    r"(?:one|another|an|a (?:good|great|solid|nice)) option (?:is|would be)|worth considering|safe bet|"
    r"fits (?:you )?best|suits (?:you )?best|best suited|(?:perfect|ideal|great) (?:for|fit)|have you tried|"
    r"I'd say|look into|a must)\b|"
    r"^(?:Try|Consider|Check out|Pick|Choose)\b",
    re.IGNORECASE,
)
_BOLD_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*•])\s+\*\*(?P<name>[^*]{2,80}?)\*\*")

ASSISTANT_RULES: list[Rule] = [
    Rule("recommend", rx(r"\bI(?:'d|\s+would)?\s+(?:highly\s+|strongly\s+|definitely\s+|personally\s+)?(?:recommend|suggest)(?:ing)?\s+(?:checking\s+out\s+|trying\s+(?:out\s+)?|starting\s+with\s+|going\s+for\s+|picking\s+up\s+|grabbing\s+|visiting\s+|reading\s+|watching\s+|listening\s+to\s+|going\s+(?:to|with)\s+|that\s+you\s+(?:try|visit|read|watch|check\s+out)\s+)?" + OBJ),
          obj_rule(predicate="assistant_recommended", vtype="item", max_words=10), change=False),
    Rule("you_should", rx(r"\b[Yy]ou\s+(?:should|could|might|may)\s+(?:definitely\s+|also\s+)?(?:try|check\s+out|consider|visit|read|watch|listen\s+to|look\s+into|enjoy)\s+(?:visiting\s+|trying\s+|reading\s+|watching\s+)?" + OBJ),
          obj_rule(predicate="assistant_recommended", vtype="item", max_words=10), change=False),
    Rule("imperative", rx(r"^(?:[Tt]ry|[Cc]onsider|[Gg]o\s+with|[Cc]heck\s+out|[Pp]ick|[Cc]hoose|[Oo]pt\s+for)\s+" + OBJ),
          obj_rule(predicate="assistant_recommended", vtype="item", max_words=10), change=False),
    Rule("would_be", rx(r"\b(?:it|my\s+(?:top\s+)?(?:pick|choice|recommendation|suggestion)|the\s+(?:best|top)\s+(?:pick|choice|option|fit))\s+(?:would\s+be|is|has\s+to\s+be)\s+(?!a\s+good|great|fine|important|best|better)" + CAP_OBJ
              + r"|\bI(?:'d|\s+would)\s+(?:go|pick|choose)\s+(?:with\s+)?(?:the\s+)?" + CAP_OBJ.replace("obj", "obj2")),
          lambda m, s: [("assistant_recommended", v, "item")] if valid_value(v := trim_phrase(m.group("obj") or m.group("obj2") or "", 10)) else [],
          change=False),
    # "My top pick for a rainy weekend would be Sapiens", "my recommendation for you is …"
    Rule("pick_for", rx(r"\b[Mm]y\s+(?:top\s+|first\s+|personal\s+|main\s+)?(?:pick|choice|recommendation|suggestion|vote)\s+(?:for\s+[^;:!?\n]{1,60}?\s+)?(?:would\s+(?:have\s+to\s+)?be|is|has\s+to\s+be)\s+(?!a\s+good|great|fine|important)" + OBJ),
          lambda m, s: [("assistant_recommended", v, "item")] if valid_value(v := trim_phrase(m.group("obj"), 10)) else [],
          change=False),
    Rule("how_about", rx(r"\b(?:[Hh]ow\s+about|[Ww]hat\s+about|[Gg]o\s+for|[Yy]ou\s+can't\s+go\s+wrong\s+with|[Mm]y\s+suggestion(?:\s+would\s+be|\s+is|:))\s+" + OBJ
              + r"|(?:^|\.\s+)(?P<obj2>[A-Z][^,;:!?\n]{1,60}?)\s+(?:would\s+be|is)\s+(?:a\s+|an\s+|your\s+)?(?:great|excellent|perfect|solid|good|top|ideal|best)\s+(?:choice|pick|option|fit|bet|match)"),
          lambda m, s: [("assistant_recommended", v, "item")] if valid_value(v := trim_phrase(m.group("obj") or m.group("obj2") or "", 10)) else [],
          change=False),
    # the thing first, the recommendation after it: "Mossy Creek Loop would suit you well",
    # "(For a rainy day,) the National Museum is the one I'd point you to", "X tops my list"
    Rule("thing_first", rx(r"(?:^|[.;]\s+)(?:(?:For|If|Since|Given|Based\s+on|With)\b[^,;:!?\n]{1,80},\s+)?(?:the\s+)?"
              r"(?P<obj>[A-Z0-9][^,;:!?\n]{1,60}?)\s+(?:(?:would|should|will|could|might)\s+(?:really\s+|probably\s+)?"
              r"(?:suit\s+you|work\s+(?:well\s+|nicely\s+|best\s+)?for\s+you|fit\s+the\s+bill)|tops\s+my\s+list|"
              r"fits\s+the\s+bill|(?:fits|suits)\s+(?:you\s+)?best|stands\s+out|"
              r"(?:is|'s|would\s+be|could\s+be)\s+(?:probably\s+|definitely\s+|really\s+|honestly\s+)?(?:hard\s+to\s+beat|"
              r"(?:a|your|the)\s+(?:safe|good|solid|great)\s+bet|(?:my|a\s+(?:great|good|solid))\s+go-to|a\s+must|"
              r"(?:perfect|ideal|great|best\s+suited)\s+for\s+(?:you|this|that|what)|the\s+one\s+(?:to\s+(?:pick|go\s+for|choose)|for\s+you)|"
              r"the\s+(?:best|perfect|ideal)\s+fit|"
              r"your\s+best\s+bet|top\s+of\s+my\s+list|the\s+one\s+I'd\s+(?:point|send|steer)\s+you|"
              r"worth\s+(?:a\s+(?:look|try|visit|shot|listen|read|watch)|checking\s+out|trying)))"),
          obj_rule(predicate="assistant_recommended", vtype="item", max_words=10), change=False),
    # the recommendation first: "Your best bet for a quiet dinner is Osteria Lupa", "I'd lean towards X",
    # "give X a go", "have a look at X"
    Rule("advice_first", rx(r"\b(?:[Yy]our\s+best\s+bet\s+(?:for\s+[^,;:!?\n]{1,60}?\s+)?(?:is|would\s+be)|"
              r"[Tt]op\s+of\s+my\s+list\s+(?:is|would\s+be)|"
              r"I(?:'d|\s+would)\s+(?:lean|point\s+you|steer\s+you|send\s+you|nudge\s+you)\s+(?:towards?|to|at)|"
              r"[Yy]ou(?:'ll|'d|\s+will|\s+would)\s+(?:probably\s+|really\s+|definitely\s+)?(?:love|enjoy)|"
              r"[Hh]ave\s+you\s+tried|I'd\s+say|(?:[Oo]ne|[Aa]nother|[Aa]n|[Aa]\s+(?:good|great|solid|nice))\s+option\s+(?:is|would\s+be)|"
              r"(?:^|[.;]\s+)(?:(?:[Hh]ave|[Tt]ake)\s+a\s+look\s+at))\s+(?:the\s+)?" + CAP_OBJ
              + r"|\b[Gg]ive\s+(?:the\s+)?(?P<obj2>[A-Z0-9][^,;:!?\n]{1,60}?)\s+a\s+(?:go|try|shot|whirl|look|listen|spin)\b"),
          lambda m, s: [("assistant_recommended", v, "item")] if valid_value(v := trim_phrase(m.group("obj") or m.group("obj2") or "", 10)) else [],
          change=False),
    Rule("option_is", rx(r"\b(?:[Aa]\s+)?(?:good|great|excellent|popular|top|solid)\s+(?:option|choice|pick)\s+(?:is|would\s+be)\s+" + OBJ),
          obj_rule(predicate="assistant_recommended", vtype="item", max_words=10), change=False),
]


def assistant_sentences(idx: int, text: str) -> Iterable[Sentence]:
    """Sentences of assistant turn ``idx`` that may name a recommendation (a bold list item has
    an empty ``masked``)."""
    if not RECOMMEND_CUE.search(text):
        return
    cue_seen = False
    for line in text.splitlines():
        if RECOMMEND_CUE.search(line):
            cue_seen = True
        if cue_seen:
            bold = _BOLD_ITEM.match(line)
            if bold:
                # a bulleted "**Name**" list after a recommendation cue names recommended items
                yield Sentence(idx, "assistant", "**" + bold.group("name") + "**", "", [])
                continue
        for sent in split_sentences(line):
            if RECOMMEND_CUE.search(sent):
                yield Sentence(idx, "assistant", sent, sent, [])


def assistant_facts(sent: Sentence) -> list[CandidateFact]:
    """``assistant_recommended`` candidates of one assistant sentence."""
    out: list[CandidateFact] = []
    if not sent.masked:  # a bold list item
        name = sent.text.strip("* ").rstrip(":").strip()
        if name and len(name.split()) <= 10:
            out.append(CandidateFact(predicate="assistant_recommended", value=name, value_type="item",
                                     text=f"The assistant recommended {name}.", speaker="assistant",
                                     source_turns=[sent.turn], confidence=0.6))
        return out
    for rule in ASSISTANT_RULES:
        for m in rule.pattern.finditer(sent.masked):
            for pred, value, vtype in rule.emit(m, sent):
                if valid_value(value):
                    out.append(CandidateFact(predicate=pred, value=value, value_type=vtype,
                                             text=f"The assistant recommended {value}.",
                                             speaker="assistant", source_turns=[sent.turn], confidence=0.7))
    return out


#: a user turn asking for a recommendation, however the assistant then words it
_REQUEST = re.compile(
    r"\b(?:recommend\w*|suggest\w*|what\s+(?:\w+\s+){0,3}(?:would|should|do|could)\s+(?:you|I)\s+(?:pick|choose|go\s+for|"
    r"try|get|read|watch|cook|make|visit|book)|which\s+(?:\w+\s+){0,3}(?:should|would|is\s+best)|any\s+(?:good\s+)?"
    r"(?:ideas|tips\s+on\s+where|picks|favou?rites)|know\s+(?:of\s+)?(?:a|any)\s+good|what's\s+a\s+good|where\s+(?:should|can)\s+I|"
    r"(?:looking|hunting)\s+for\s+(?:a|an|some)\s+(?:good\s+)?\w+|point\s+me\s+(?:to|towards)|(?:best|good)\s+\w+\s+for|"
    r"(?:idea|ideas|suggestions?|recommendations?|picks?)\b[^.?!]{0,60}\?)",
    re.IGNORECASE)
#: Title Case names ("Eagle Peak Trail", "The Remains of the Day"), not a sentence's first function word
_NAME = re.compile(r"\b(?:[A-Z][\w'’-]*|\d[\w]*)(?:\s+(?:of|the|and|&|de|la|du|in|a|to)?\s*(?:[A-Z][\w'’-]*|\d[\w]*))*")
_NOT_NAME = frozenset({"I", "I'd", "I'm", "I've", "I'll", "The", "A", "An", "For", "If", "It", "It's", "This", "That",
                       "You", "Your", "You'll", "You'd", "Other", "Some", "Sure", "Yes", "Great", "Here", "Here's",
                       "My", "Try", "Consider", "But", "And", "Or", "So", "Also", "Many", "Most", "Both", "Each",
                       "Happy", "Good", "Absolutely", "Of", "Okay", "OK", "Well", "Hi", "Hello", "Thanks", "There",
                       "These", "Those", "When", "With", "What", "Which", "Since", "As", "At", "In", "On", "To",
                       *(d.capitalize() for d in calendar.WEEKDAYS)})
#: where the alternatives start ("Other options are …", "you could also look at …")
_ALTERNATIVES = re.compile(r"\b(?:other\s+options?|alternatives?|also\s+(?:like|look\s+at|consider|try|enjoy)|"
                           r"or\s+else|runners?[- ]up|are\s+fine\s+too|also\s+worth)\b", re.IGNORECASE)


def requested(user_text: str) -> bool:
    """The user's turn asks for a recommendation ("What hiking trail would you pick for …?")."""
    return bool(_REQUEST.search(user_text))


def _opening_chunk(sent: str, asked: str) -> str | None:
    """The noun phrase a reply sentence opens with ("Slow-roasted lamb shoulder feeds a crowd",
    "A one-pan lemon orzo comes together…"), when it is the sentence's subject or the whole of it."""
    doc = load_nlp()(sent)
    for chunk in doc.noun_chunks:
        if chunk.start > 1 or chunk.root.dep_ not in ("nsubj", "ROOT", "nsubjpass") or chunk.root.pos_ == "PRON":
            return None
        words = [t for t in chunk if t.dep_ not in ("det", "poss")]
        text = doc[words[0].i: words[-1].i + 1].text if words else ""
        if words and text.casefold() not in asked and len(text) >= 3:
            # a one-word name keeps its capital ("Pachinko"); a dish is lower-case ("slow-roasted lamb")
            return text if len(words) == 1 or any(t.pos_ == "PROPN" for t in words) else text[0].lower() + text[1:]
        return None
    return None


def reply_pick(text: str, request: str = "", parse: bool = True) -> str | None:
    """The thing an assistant reply to a request recommends, however it is worded: the name its
    opening names before the alternatives, first named first; a name the user's request holds
    ("an easy walk near Bordeaux") is the context, not the pick. A reply that opens on a noun
    phrase ("Slow-roasted lamb shoulder feeds a crowd") picks that phrase (``parse``: read it with
    the parser; a capitalised first word alone is no name)."""
    asked = request.casefold()
    opening = text.strip().split("\n\n")[0][:600]
    for sent in split_sentences(opening):
        alt_at = m.start() if (m := _ALTERNATIVES.search(sent)) else len(sent)
        body = _OPENER_WORD.sub("", sent)
        lead = _NAME.match(body)
        if lead is not None and len(words := re.sub(r"^(?:The|A|An)\s+", "", lead.group(0)).split()) > 1 \
                and words[0] not in _NOT_NAME and lead.group(0).casefold() not in asked:
            return " ".join(words)  # "Couch to 5K is the one", "The Rest Is History is where I'd begin"
        if parse and (chunk := _opening_chunk(body, asked)) is not None:
            return chunk
        for n in _NAME.finditer(sent[:alt_at]):
            words = n.group(0).split()
            while words and (words[0] in _NOT_NAME or words[0].endswith("ly") and n.start() == 0):
                words.pop(0)
            name = " ".join(words)
            if name and not name.isdigit() and len(name) >= 3 and name.casefold() not in asked \
                    and (n.start() > 0 or len(words) > 1 or not parse):
                return name
    return None


#: an opening adverb or interjection before the pick ("Honestly, …", "Definitely …", "Oh, …")
_OPENER_WORD = re.compile(r"^(?:(?:[A-Z][a-z]+ly|Oh|Well|Okay|OK|So|Sure|Yes|Hmm|Ah)\b[,!]?\s+)+")

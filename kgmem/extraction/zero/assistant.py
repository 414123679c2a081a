"""What the assistant recommended: cue filter, sentence selection and patterns over assistant turns.

An assistant turn is read only when it carries a recommendation cue ("I'd recommend", "you
should try", "a great option is"); a bulleted list of bold names after such a cue names the items
recommended.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.patterns import CAP_OBJ, OBJ, Rule, obj_rule, rx
from kgmem.extraction.zero.phrases import trim_phrase, valid_value
from kgmem.extraction.zero.sentences import Sentence, split_sentences

RECOMMEND_CUE = re.compile(
    r"\b(?:recommend|suggest|you (?:should|could|might|may) (?:try|check out|consider|"
    r"visit|read|watch|listen to|look into|enjoy|want to try)|(?:good|great|excellent|popular|"
    r"top) (?:option|choice|pick)s? (?:is|are|would be|include)|I'd go with|try out|it would be|"
    r"my (?:top )?(?:pick|choice)|go with|alternatives?|how about|what about|go for|can't go wrong|"
    r"my suggestion|(?:great|excellent|perfect|solid|good|ideal|best) (?:choice|pick|option|fit|bet|match))\b|"
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

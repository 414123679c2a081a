"""The user-statement rule table: surface patterns for phrasings we have met ("I moved to…").

Grouped by topic in the order they were written; every rule is checked for negation and
hypotheticals around its trigger by the extractor before its emit runs.
"""

from __future__ import annotations

import dataclasses
import re

from kgmem.extraction.zero.checks import NEGATION
from kgmem.extraction.zero.lexicon import HOBBIES, NOT_HOBBIES, PEOPLE_NOUNS, WORKPLACE_NOUNS, alt
from kgmem.extraction.zero.patterns import (
    ADV,
    AMOUNT,
    CAP_OBJ,
    CAR_BRANDS_RX,
    DIETS_RX,
    DRINKS_RX,
    FAMILY_RX,
    HAVE0,
    HOBBY_WORDS_RX,
    I_SUBJ,
    INSTRUMENTS_RX,
    LANGUAGES_RX,
    MODES_RX,
    MONEY_ANY,
    NUMWORD,
    OBJ,
    PARTNER_RX,
    PETS_RX,
    PHONE_BRANDS_RX,
    PURCHASE_CUE,
    Rule,
    attended_emit,
    bought_emit,
    commute_mode,
    const_rule,
    family_emit,
    fav_emit,
    job_emit,
    likes_emit,
    obj_rule,
    pet_called,
    pet_emit,
    rx,
    title_only,
    visit_emit,
)
from kgmem.extraction.zero.patterns_updates import NOUN_PHRASE_UPDATES, UPDATE_RULES
from kgmem.extraction.zero.phrases import proper_phrase, title_phrase, trim_phrase, valid_value
from kgmem.lexicon import people

#: another person's allergy: "my son has a nut allergy", "Tom's lactose intolerant", "she has a…"
_OTHER_HAS = re.compile(r"\b(?:(?i:my|our|his|her|their)\s+(?i:(?:" + alt(PEOPLE_NOUNS) + r"))|[Hh]e|[Ss]he|[Tt]hey|[A-Z][a-z]+)(?:'s|\s+(?:has|have|is|are|got|gets|had))\b")
_NOT_ALLERGENS = frozenset({"severe", "mild", "food", "an", "a", "my", "the", "bad", "slight", "is", "am", "be", "i'm", "i", "was"})

#: a pet's name may carry a title ("our tabby Mr Biscuits", "my cat Sir Pounce", "Captain Whiskers"): a person's
#: title (kgmem.lexicon.people) or a rank of nobility or command
PET_TITLE = r"(?:(?:" + "|".join(people.titles()) + r"|Lady|Lord|Captain|Princess|Prince|King|Queen)\.?\s+)?"

USER_RULES: list[Rule] = [
    # -- where the user lives
    Rule("moved", rx(I_SUBJ + HAVE0 + ADV + r"(?:moved|relocated)\s+(?:back\s+)?(?:over\s+)?(?:from\s+[A-Z][\w .'-]*?\s+)?(?:to|into)\s+(?:the\s+city\s+of\s+)?" + CAP_OBJ),
          obj_rule(predicate="lives_in", vtype="place", proper=True)),
    Rule("live_in", rx(r"\bI\s+" + ADV + r"(?:live|am living|'m living|reside)\s+in\s+" + CAP_OBJ + r"|\bI'm\s+" + ADV + r"(?:living|based)\s+in\s+" + CAP_OBJ.replace("obj", "obj2")),
          lambda m, s: [("lives_in", v, "place")] if (v := proper_phrase(m.group("obj") or m.group("obj2") or "")) else [],
          change=False),
    Rule("hometown", rx(r"\bI\s+" + ADV + r"grew\s+up\s+in\s+" + CAP_OBJ + r"|\bI'm\s+originally\s+from\s+" + CAP_OBJ.replace("obj", "obj2")),
          lambda m, s: [("hometown", v, "place")] if (v := proper_phrase(m.group("obj") or m.group("obj2") or "")) else [],
          change=False),
    # -- work
    Rule("started_job", rx(I_SUBJ + HAVE0 + ADV + r"(?:(?:started|began|begun|start)(?=\s+(?:working|a\s+new\s+job|my\s+new\s+job|a\s+job|a\s+new\s+position|a\s+position|a\s+new\s+role|work)\s+(?:at|for|with)\s)|joined|accepted\s+(?:a|an)\s+(?:job|offer|position)\s+(?:at|with)|got\s+(?:a|the)\s+(?:new\s+)?(?:job|position|role|offer)\s+(?:at|with))\s+(?:(?:working|a\s+new\s+job|my\s+new\s+job|a\s+job|a\s+new\s+position|a\s+position|a\s+new\s+role|work)\s+(?:at|for|with)\s+)?(?P<org>[A-Z][^,;:!?\n]*?)(?:\s+as\s+(?:a|an|the)?\s*(?P<title>[^,;:!?\n]+))?(?=[,;:!?.\n]|$|\s+(?:last|this|in|on|two|three|a|about|and|since|yesterday|because|after|,))"),
          job_emit),
    Rule("work_at", rx(r"\bI\s+" + ADV + r"(?:now\s+)?(?:work|am\s+working|'m\s+working)\s+(?:at|for)\s+(?P<org>[A-Z][^,;:!?\n]*?)(?:\s+as\s+(?:a|an|the)?\s*(?P<title>[^,;:!?\n]+))?(?=[,;:!?.\n]|$|\s)"),
          job_emit, change=False),
    Rule("work_as", rx(r"\bI\s+" + ADV + r"(?:work|am\s+working|'m\s+working)\s+as\s+(?:a|an|the)\s+(?P<title>[^,;:!?\n]+)"),
          title_only, change=False),
    Rule("promoted", rx(r"\bI\s+" + ADV + r"(?:got|was|have\s+been|'ve\s+been)\s+promoted\s+to\s+(?:a\s+|an\s+)?(?P<title>[^,;:!?\n]+)"),
          title_only),
    Rule("new_role", rx(r"\b[Mm]y\s+(?:new\s+)?(?:job\s+title|title|role|position)\s+(?:is\s+now|is)\s+(?:a\s+|an\s+)?(?P<title>[^,;:!?\n]+)"),
          title_only),
    Rule("im_a_job", rx(r"\bI(?:'m|\s+am)\s+" + ADV + r"(?:now\s+)?(?:a|an)\s+(?P<title>[^,;:!?\n]+)"),
          title_only, change=False),
    # -- pets
    Rule("adopted", rx(I_SUBJ + HAVE0 + ADV + r"(?:adopted|got|rescued|brought\s+home|welcomed|have|own)\s+(?:a|an|our|my|two|another)\s+(?:new\s+|little\s+|cute\s+|adorable\s+|rescue\s+|sweet\s+|\w+-(?:year|month|week)-old\s+|(?:black|white|brown|orange|grey|gray|golden|fluffy|tiny)\s+)*(?P<species>" + PETS_RX + r")s?\b(?:[^.!?]*?\b(?:named|called)\s+(?P<name>[A-Z][a-z]+))?", re.IGNORECASE),
          pet_emit),
    Rule("pet_named", rx(r"\b[Mm]y\s+(?:new\s+|little\s+)?(?P<species>" + PETS_RX + r")(?:'s\s+name\s+is|,?\s+(?:named|called))\s+(?P<name>[A-Z][a-z]+)"),
          pet_emit, change=False),
    # -- purchases and ownership
    Rule("bought", rx(I_SUBJ + HAVE0 + ADV + r"(?:bought|purchased|ordered|picked\s+up|splurged\s+on|treated\s+myself\s+to|got\s+myself|invested\s+in|grabbed|snagged|scored|got(?=\s+(?:a|an|the|some|two|three|new|myself)\b))\s+(?!to\b|back\b|home\b|up\b|into\b|a\s+(?:job|chance|call|promotion|message|text)\b|married\b|engaged\b|sick\b|lost\b|tired\b|used\b|better\b|started\b|rid\b|promoted\b|hired\b|fired\b|accepted\b|invited\b|laid\b|stuck\b|caught\b|to\s+know\b|ready\b|dressed\b|hurt\b|injured\b|through\b|in\b|off\b|on\b|over\b|around\b|some\s+(?:rest|sleep)\b|it\b|so\b|really\b|very\b|the\s+(?:chance|opportunity|news|hang)\b)" + OBJ),
          bought_emit),
    Rule("my_car", rx(r"\b[Mm]y\s+(?:new\s+)?(?:car|vehicle|ride)\s+is\s+(?:a|an|the)\s+" + OBJ + r"|\bI\s+" + ADV + r"(?:now\s+)?drive\s+(?:a|an)\s+" + OBJ.replace("obj", "obj2")),
          lambda m, s: [("drives", v, "item")] if (v := trim_phrase(m.group("obj") or m.group("obj2") or "", 5)) else []),
    Rule("my_phone", rx(r"\b[Mm]y\s+(?:new\s+)?(?:phone|smartphone|cell\s?phone)\s+is\s+(?:a|an|the)\s+" + OBJ),
          obj_rule(predicate="phone", vtype="item", max_words=5)),
    # -- reading, watching, visiting, attending
    Rule("read", rx(I_SUBJ + HAVE0 + ADV + r"(?:finished\s+reading|finished|read|started\s+reading|am\s+reading|'m\s+reading|been\s+reading|devoured|re-?read|got\s+through|(?:am|'m)\s+halfway\s+through)\s+(?:the\s+(?:book|novel|memoir)\s+)?(?P<obj>[\"“'*_][^\"”'*_]+[\"”'*_]|[A-Z][^,;:!?\n]*)"),
          lambda m, s: [("read_book", v, "item")] if (v := title_phrase(m.group("obj"))) else []),
    Rule("watched", rx(I_SUBJ + HAVE0 + ADV + r"(?:watched|saw|finished\s+watching|binge-?watched|started\s+watching|rewatched|(?:been|am|'m)\s+(?:binge-?|re)?watching|ended\s+up\s+watching)\s+(?:the\s+(?:movie|film|show|series|documentary)\s+)?(?P<obj>[\"“'*_][^\"”'*_]+[\"”'*_]|[A-Z][^,;:!?\n]*)"),
          lambda m, s: [("watched", v, "item")] if (v := title_phrase(m.group("obj"))) else []),
    Rule("visited", rx(I_SUBJ + HAVE0 + ADV + r"(?:visited|went\s+(?:back\s+)?to|traveled\s+to|travelled\s+to|flew\s+to|took\s+a\s+(?:trip|vacation|holiday)\s+to|went\s+on\s+a\s+(?:trip|vacation|holiday)\s+to|got\s+back\s+from\s+(?:a\s+(?:trip|vacation|holiday)\s+to\s+)?|spent\s+(?:a|two|three|four|five|six|seven|ten|\d+|the)\s+(?:days?|weeks?|nights?|weekend|months?)\s+in|was\s+in)\s+" + CAP_OBJ),
          visit_emit),
    Rule("attended", rx(I_SUBJ + HAVE0 + ADV + r"(?:attended|went\s+(?:along\s+)?to|was\s+at|got\s+to\s+go\s+to|participated\s+in|took\s+part\s+in|volunteered\s+at|(?:am|'m)\s+(?:still\s+)?(?:tired|exhausted|recovering|sore|hungover)\s+from|(?:just\s+)?got\s+back\s+from)\s+(?P<obj>(?:a|an|the|my|our|his|her|their)\s+[^,;:!?\n]+)", re.IGNORECASE),
          attended_emit),
    # -- preferences, diet, allergies
    Rule("diet", rx(r"\bI(?:'m|\s+am|'ve\s+been|\s+have\s+been)\s+" + ADV + r"(?:a\s+|on\s+a\s+|following\s+a\s+|eating\s+|doing\s+|going\s+)?(?P<d>" + DIETS_RX + r")\b|\bI\s+" + ADV + r"(?:went|eat|do|switched\s+to(?:\s+a)?|turned|became|have\s+gone|'ve\s+gone|started\s+(?:a|eating))\s+(?:a\s+)?(?P<d2>" + DIETS_RX + r")\b", re.IGNORECASE),
          lambda m, s: [("diet", (m.group("d") or m.group("d2")).lower().replace(" ", "-") if (m.group("d") or m.group("d2")).lower() in ("gluten free", "dairy free") else (m.group("d") or m.group("d2")).lower(), None)],
          change=False),
    Rule("allergic", rx(r"\bI(?:'m|\s+am)\s+" + ADV + r"(?:severely\s+|very\s+|mildly\s+|deathly\s+|super\s+|really\s+|so\s+|extremely\s+|slightly\s+)?allergic\s+to\s+" + OBJ + r"|\bI\s+have\s+(?:a|an)\s+(?:severe\s+|mild\s+)?(?P<obj2>[\w\s-]{2,30}?)\s+allergy", re.IGNORECASE),
          lambda m, s: [("allergic_to", v, "item")] if (v := trim_phrase(m.group("obj") or m.group("obj2") or "", 4)) else [],
          change=False),
    Rule("favourite", rx(r"\b[Mm]y\s+(?:absolute\s+|all-time\s+|new\s+)?favou?rite\s+(?P<kind>[\w\s]{2,25}?)\s+(?:is|has\s+to\s+be|these\s+days\s+is|right\s+now\s+is|has\s+always\s+been|was\s+always|will\s+always\s+be|remains|is\s+still)\s+(?:definitely\s+|probably\s+|still\s+|now\s+)?" + OBJ),
          fav_emit, change=False),
    Rule("prefer", rx(r"\bI\s+" + ADV + r"(?:much\s+|generally\s+|usually\s+|always\s+|definitely\s+|strongly\s+)?(?:prefer|love|like|enjoy|adore)\s+(?!to\b|it\b|that\b|this\b|them\b|you\b|your\b|how\b|what\b|the\s+idea\b)" + OBJ),
          likes_emit("likes"), change=False),
    Rule("fan_of", rx(r"\bI(?:'m|\s+am)\s+(?:a\s+)?(?:huge|big|massive|great|longtime|long-time)?\s*fan\s+of\s+" + OBJ),
          likes_emit("likes"), change=False),
    Rule("dislike", rx(r"\bI\s+" + ADV + r"(?:hate|dislike|can't\s+stand|cannot\s+stand|avoid|don't\s+(?:really\s+)?like|do\s+not\s+like|don't\s+eat|don't\s+drink)\s+" + OBJ),
          likes_emit("dislikes"), change=False, allow_negation=True),
    # -- skills and hobbies
    Rule("instrument", rx(I_SUBJ + HAVE0 + ADV + r"(?:play|started\s+playing|started\s+learning(?:\s+to\s+play)?|(?:am|'m)\s+learning(?:\s+to\s+play)?|took\s+up|have\s+been\s+playing|'ve\s+been\s+playing|picked\s+up|began\s+(?:playing|learning))\s+(?:the\s+)?(?P<inst>" + INSTRUMENTS_RX + r")\b", re.IGNORECASE),
          const_rule("plays_instrument", "inst", "item")),
    Rule("language", rx(r"\bI" + HAVE0 + ADV + r"(?:speak|grew\s+up\s+speaking|started\s+learning|(?:am|'m)\s+learning|(?:am|'m)\s+studying|began\s+learning|have\s+been\s+learning|'ve\s+been\s+learning|took\s+up|am\s+fluent\s+in|'m\s+fluent\s+in)\s+(?P<lang>" + LANGUAGES_RX + r")\b"),
          const_rule("speaks_language", "lang", "item", lower=False)),
    Rule("hobby", rx(I_SUBJ + HAVE0 + ADV + r"(?:taken\s+up|took\s+up|got\s+into|gotten\s+into|started|picked\s+up|have\s+been\s+getting\s+into|'ve\s+been\s+getting\s+into)\s+(?P<obj>(?:[a-z]+ing|pottery|yoga|pilates|crochet|knitting|gardening|photography|chess|archery|calligraphy|origami|woodworking|birdwatching|baking|meditation|journaling|rock\s+climbing|bouldering|salsa|tennis|golf|swimming|running|cycling|hiking|surfing|painting|drawing|skiing)(?:\s+[a-z]+)?)\b"),
          lambda m, s: [] if trim_phrase(m.group("obj"), 3).split()[0].lower() in NOT_HOBBIES
          else [("hobby", trim_phrase(m.group("obj"), 3), "item")]),
    # -- people
    Rule("family", rx(r"\b(?:[Mm]y|[Oo]ur)\s+(?:older\s+|younger\s+|little\s+|big\s+|best\s+|twin\s+|new\s+)?(?P<rel>" + FAMILY_RX + "|" + PARTNER_RX + r"|friend|best\s+friend),?\s+(?P<name>[A-Z][a-z]+)\b"),
          family_emit, change=False),
    Rule("partner_named", rx(r"\b[Mm]y\s+(?P<rel>" + PARTNER_RX + r")'s\s+name\s+is\s+(?P<name>[A-Z][a-z]+)"),
          family_emit, change=False),
    # -- status and numbers
    Rule("relationship", rx(r"\b(?:I|[Ww]e)\s+" + ADV + r"(?:got|are\s+now|are|'re|am|'m)\s+(?P<st>engaged|married|divorced|separated)\b|\bI(?:'m|\s+am)\s+(?:now\s+)?(?P<st2>single|dating\s+someone|in\s+a\s+relationship)\b"),
          lambda m, s: [("relationship_status", (m.group("st") or m.group("st2")).lower(), None)]),
    Rule("age", rx(r"\bI\s+" + ADV + r"turned\s+(?P<n>\d{1,3})\b|\bI(?:'m|\s+am)\s+(?:now\s+)?(?P<n2>\d{1,3})\s+years?\s+old"),
          lambda m, s: [("age", m.group("n") or m.group("n2"), None)], change=False),
    Rule("rent", rx(r"\b[Mm]y\s+(?:monthly\s+)?rent\s+(?:is|went\s+up\s+to|is\s+now|increased\s+to|dropped\s+to)\s+(?P<v>\$?[\d,]+(?:\.\d+)?)|\bI\s+(?:now\s+)?pay\s+(?P<v2>\$[\d,]+(?:\.\d+)?)\s+(?:a\s+month\s+)?(?:in|for)\s+rent"),
          lambda m, s: [("rent", (m.group("v") or m.group("v2")), None)], change=False),
    Rule("salary", rx(r"\b[Mm]y\s+(?:new\s+|annual\s+|base\s+)?salary\s+(?:is|went\s+up\s+to|is\s+now|increased\s+to)\s+(?P<v>\$?[\d,.]+k?)|\bI\s+(?:now\s+)?(?:make|earn)\s+(?P<v2>\$[\d,.]+k?)\s+(?:a|per)\s+year"),
          lambda m, s: [("salary", (m.group("v") or m.group("v2")), None)], change=False),
    Rule("weight", rx(r"\bI\s+(?:now\s+)?weigh\s+(?P<v>\d{2,3}(?:\.\d)?\s*(?:pounds|lbs|kg|kilos))|\bI(?:'m|\s+am)\s+(?:now\s+)?down\s+to\s+(?P<v2>\d{2,3}(?:\.\d)?\s*(?:pounds|lbs|kg|kilos))"),
          lambda m, s: [("weight", (m.group("v") or m.group("v2")), None)], change=False),
    Rule("pb", rx(r"\b[Mm]y\s+(?:new\s+)?(?:personal\s+best|PB|personal\s+record|PR)\s+(?:in\s+the\s+[\w\s]+?\s+)?(?:is|is\s+now|of)\s+(?P<v>\d{1,2}:\d{2}(?::\d{2})?)"),
          lambda m, s: [("running_pb", m.group("v"), None)], change=False),
    Rule("reading_goal", rx(r"\b(?:[Mm]y\s+)?(?:reading\s+)?goal\s+(?:is|this\s+year\s+is|for\s+the\s+year\s+is)\s+to\s+read\s+(?P<v>\d{1,3})\s+books|\breading\s+goal\s+(?:of|to)\s+(?P<v2>\d{1,3})"),
          lambda m, s: [("reading_goal", m.group("v") or m.group("v2"), None)], change=False),
    Rule("gym", rx(I_SUBJ + HAVE0 + ADV + r"(?:joined|signed\s+up\s+(?:at|for)|go\s+to|started\s+going\s+to|switched\s+to)\s+(?:a\s+new\s+gym\s+called\s+|the\s+gym\s+at\s+|a\s+membership\s+at\s+)?(?P<obj>[A-Z][\w'&.-]*(?:\s+[A-Z0-9][\w'&.-]*)*(?:\s+(?:gym|fitness|CrossFit|Fitness|Gym|Club|Studio|club|studio)))"),
          obj_rule(predicate="gym", vtype="org", max_words=6)),
    Rule("commute", rx(r"\bI\s+" + ADV + r"(?:now\s+)?(?:commute|get\s+to\s+work|go\s+to\s+work)\s+(?P<prep>by|on)\s+(?P<obj>(?:the\s+)?[\w\s-]{2,20}?)(?=[,.;!?]|$|\s+(?:every|now|these|because|and|which|since))"),
          lambda m, s: [("commute", f"{m.group('prep')} {v}", None)] if (v := trim_phrase(m.group("obj"), 3)) else [],
          change=False),
    Rule("spent", rx(r"\bI\s+" + ADV + r"(?:spent|paid)\s+(?P<amt>\$[\d,]+(?:\.\d{2})?)\s+(?:on|for)\s+" + OBJ),
          lambda m, s: [("spent", m.group("amt").lstrip("$").replace(",", ""), None)]),
]

USER_RULES += [
    Rule("trip_to", rx(r"\b(?:[Mm]y|[Oo]ur|I\s+took\s+a|I\s+went\s+on\s+a|I\s+had\s+a|[Ww]e\s+took\s+a)\s+(?:quick\s+|short\s+|long\s+|weekend\s+|day\s+|recent\s+|little\s+|business\s+|road\s+)*(?:trip|visit|vacation|holiday|getaway|excursion)\s+to\s+" + CAP_OBJ),
          visit_emit),
    Rule("wander", rx(I_SUBJ + HAVE0 + ADV + r"(?:spent\s+(?:a|the|two|three|\d+)\s+(?:day|days|afternoon|morning|evening|weekend|night|nights|week)\s+)?(?:wandering|walking|exploring|strolling|hiking|touring|sightseeing)\s+(?:around|through|in|across)\s+" + CAP_OBJ),
          visit_emit),
    Rule("tend_to", rx(r"\bI\s+" + ADV + r"(?:tend|usually\s+tend|always\s+tend)\s+to\s+(?:go\s+for|prefer|choose|pick|gravitate\s+(?:toward|towards)|lean\s+(?:toward|towards)|opt\s+for)\s+" + OBJ
              + r"|\bI(?:'m|\s+am)\s+(?:really\s+|totally\s+|very\s+much\s+|big\s+)?(?:into|drawn\s+to|partial\s+to|obsessed\s+with|a\s+sucker\s+for)\s+" + OBJ.replace("obj", "obj2")
              + r"|\bI\s+(?:always\s+|usually\s+)?(?:go\s+for|gravitate\s+(?:toward|towards)|lean\s+(?:toward|towards)|opt\s+for)\s+" + OBJ.replace("obj", "obj3")),
          lambda m, s: [("likes", v, "item")] if valid_value(v := trim_phrase(m.group("obj") or m.group("obj2") or m.group("obj3") or "", 6)) else [],
          change=False),
    Rule("makes_happy", rx(r"(?:^|[,;:]\s*|\b(?:[Hh]onestly|[Rr]eally|[Aa]ctually|[Ss]eriously),?\s+)(?P<obj>[\w][\w\s'-]{2,60}?)\s+(?:always\s+|really\s+|just\s+)?(?:make|makes)\s+me\s+(?:so\s+|really\s+|very\s+)?(?:happy|smile|excited|happiest)"),
          lambda m, s: [("likes", v, "item")] if valid_value(v := trim_phrase(m.group("obj"), 6)) else [],
          change=False),
    Rule("rather_skip", rx(r"\bI(?:'d|\s+would)\s+(?:much\s+)?rather\s+(?:skip|avoid|not\s+do|pass\s+on|stay\s+away\s+from)\s+" + OBJ
              + r"|\bI(?:'m|\s+am)\s+not\s+(?:a\s+(?:big\s+|huge\s+)?fan\s+of|into|big\s+on|keen\s+on|crazy\s+about)\s+" + OBJ.replace("obj", "obj2")
              + r"|\bI\s+(?:always\s+|usually\s+|tend\s+to\s+|try\s+to\s+|try\s+and\s+)?(?:steer\s+clear\s+of|stay\s+away\s+from|avoid)\s+" + OBJ.replace("obj", "obj3")
              # "Please, no country music": a standing request that tells a dislike
              + r"|^(?:[Oo]h,?\s+|[Aa]nd\s+)?[Pp]lease,?\s+no\s+(?:more\s+)?(?!rush|hurry|worries|problem|pressure|need|stress)" + OBJ.replace("obj", "obj4")),
          lambda m, s: [("dislikes", v, "item")] if valid_value(v := trim_phrase(
              m.group("obj") or m.group("obj2") or m.group("obj3") or m.group("obj4") or "", 6)) else [],
          change=False, allow_negation=True),
    Rule("car_brand", rx(r"\b(?:[Mm]y|[Tt]he|[Oo]ur)\s+(?:new\s+|brand[- ]new\s+|used\s+|old\s+|trusty\s+|\d{4}\s+)*(?P<obj>(?:" + CAR_BRANDS_RX + r")(?:\s+(?:[A-Z0-9][\w-]*))*)"),
          lambda m, s: [] if re.search(r"\b(?:old|former|previous|used\s+to|traded|sold|swapped|replaced|switched\s+from|exchanged|ditched)\b", s.text[:m.end()])
          else [("drives", m.group("obj").strip(), "item")], change=False),
    Rule("name_is", rx(r"\b[Mm]y\s+(?:older\s+|younger\s+|little\s+|big\s+|best\s+)?(?P<rel>" + FAMILY_RX + "|" + PARTNER_RX + r"|friend)'s\s+name\s+is\s+(?P<name>[A-Z][a-z]+)"),
          family_emit, change=False),
    Rule("price", rx(I_SUBJ + HAVE0 + ADV + r"(?:bought|purchased|ordered|picked\s+up|splurged\s+on|grabbed|snagged|got|paid)\b[^.!?]*?\(?\$(?P<amt>\d[\d,]*(?:\.\d{2})?)"),
          lambda m, s: [("spent", m.group("amt").replace(",", ""), None)]),
]

USER_RULES += [
    Rule("settled_in", rx(r"\b(?:I(?:'m|\s+am|'ve|\s+have)?\s+" + ADV + r"(?:settled|settling|getting\s+settled)\s+(?:in|into)|(?:since|after)\s+(?:I\s+)?mov(?:ed|ing)\s+(?:out\s+)?to|I\s+(?:now\s+)?call|[Mm]y\s+new\s+(?:place|apartment|flat|house|home|condo)\s+in)\s+" + CAP_OBJ),
          lambda m, s: [("lives_in", v, "place")] if (v := proper_phrase(m.group("obj"))) else []),
    Rule("born_raised", rx(r"\bI\s+was\s+(?:born\s+and\s+raised|raised|born)\s+in\s+" + CAP_OBJ + r"|\b[Mm]y\s+hometown\s+(?:is|of)\s+" + CAP_OBJ.replace("obj", "obj2") + r"|\bI'm\s+from\s+" + CAP_OBJ.replace("obj", "obj3") + r"\s+originally"),
          lambda m, s: [("hometown", v, "place")] if (v := proper_phrase(m.group("obj") or m.group("obj2") or m.group("obj3") or "")) else [],
          change=False),
    Rule("returned_from", rx(I_SUBJ + HAVE0 + ADV + r"(?:returned\s+from|made\s+it\s+to|stopped\s+(?:by|in)|passed\s+through|toured|explored|spent\s+(?:a|the|two|three|four|five|\d+)\s+(?:days?|weeks?|nights?|weekend|afternoon|morning|evening)\s+(?:in|exploring|visiting))\s+" + CAP_OBJ
              + r"|\b(?:while\s+I\s+was|during\s+my\s+(?:time|stay|trip)|my\s+(?:stay|time))\s+in\s+" + CAP_OBJ.replace("obj", "obj2")),
          lambda m, s: [("visited", v, "place")] if (v := proper_phrase(m.group("obj") or m.group("obj2") or "")) else []),
    Rule("cost_me", rx(r"\b(?:cost\s+(?:me\s+|us\s+)?|set\s+me\s+back\s+|(?:I\s+)?paid\s+|spent\s+|for\s+|was\s+|at\s+)(?:about\s+|around\s+|only\s+|just\s+)?\$(?P<amt>\d[\d,]*(?:\.\d{2})?)"),
          lambda m, s: [("spent", m.group("amt").replace(",", ""), None)] if PURCHASE_CUE.search(s.text) else []),
    Rule("ended_up", rx(I_SUBJ + HAVE0 + ADV + r"(?:ended\s+up\s+(?:buying|getting|ordering)|caved\s+and\s+(?:bought|got|ordered)|bought\s+myself)\s+" + OBJ),
          bought_emit),
    Rule("caught_show", rx(I_SUBJ + HAVE0 + ADV + r"(?:caught|checked\s+out|showed\s+up\s+(?:at|to)|made\s+it\s+to|went\s+out\s+to|went\s+along\s+to)\s+(?P<obj>(?:a|an|the|my|our|his|her|their)\s+[^,;:!?\n]+)", re.IGNORECASE),
          attended_emit),
    Rule("love_more", rx(r"\bI(?:'ve|\s+have)?\s+" + ADV + r"(?:always\s+)?(?:loved|adored|enjoyed|can't\s+get\s+enough\s+of|am\s+all\s+about|'m\s+all\s+about|really\s+dig|dig)\s+(?!to\b|it\b|that\b|this\b|them\b|you\b|your\b|how\b|what\b)" + OBJ
              + r"|\b[Nn]othing\s+beats\s+" + OBJ.replace("obj", "obj2")),
          lambda m, s: [("likes", v, "item")] if valid_value(v := trim_phrase(m.group("obj") or m.group("obj2") or "", 6)) else [],
          change=False),
    Rule("not_for_me", rx(r"(?:^|[,;:]\s*|\b(?:[Hh]onestly|[Rr]eally|[Aa]ctually),?\s+)(?:(?:[Hh]onestly|[Ff]rankly|[Aa]nd|[Bb]ut|[Ss]o|[Oo]h|[Tt]bh|[Pp]ersonally),?\s+)?(?P<obj>[\w][\w\s'-]{2,60}?)\s+(?:is|are)(?:n't|\s+not|\s+just\s+not|\s+really\s+not)\s+(?:really\s+)?(?:for\s+me|my\s+thing|my\s+cup\s+of\s+tea)"
              + r"|\bI\s+could\s+do\s+without\s+" + OBJ.replace("obj", "obj2")),
          lambda m, s: [("dislikes", v, "item")] if valid_value(v := trim_phrase(m.group("obj") or m.group("obj2") or "", 6)) else [],
          change=False, allow_negation=True),
    Rule("new_arrived", rx(r"\b[Mm]y\s+(?:brand[- ])?new\s+(?P<obj>[\w][\w\s-]{1,40}?)\s+(?:finally\s+|just\s+)?(?:arrived|came\s+in|was\s+delivered|got\s+delivered|showed\s+up|is\s+here)"),
          bought_emit),
    Rule("traded_in", rx(I_SUBJ + HAVE0 + ADV + r"(?:traded\s+in|swapped|sold|replaced)\s+(?:my\s+)?(?:old\s+)?[^,;.!?]*?\s+(?:for|with)\s+(?:a|an|the)\s+(?:new\s+|used\s+|brand[- ]new\s+)?(?P<obj>(?:" + CAR_BRANDS_RX + r")(?:\s+(?:[A-Z0-9][\w-]*))*)"),
          lambda m, s: [("drives", m.group("obj").strip(), "item")]),
]

USER_RULES += [
    Rule("fav_inverted", rx(r"(?:^|[,;:]\s*)(?P<obj>[A-Za-z][\w' -]{1,40}?)\s+(?:is|are)\s+(?:hands\s+down\s+|definitely\s+|still\s+|easily\s+|probably\s+)?(?:my|our)\s+(?:absolute\s+|all-time\s+|new\s+)?(?:favou?rite|go-to)\s+(?P<kind>[\w\s]{2,25}?)(?=[,.!;]|$|\s+(?:by|of\s+all|ever|no|these|right|at))"),
          fav_emit, change=False),
    Rule("go_to", rx(r"\b[Mm]y\s+go-to\s+(?P<kind>[\w\s]{2,20}?)\s+(?:is|has\s+to\s+be|these\s+days\s+is)\s+(?:a\s+|an\s+)?" + OBJ),
          fav_emit, change=False),
    Rule("commute_verb", rx(r"\bI\s+" + ADV + r"(?:usually\s+|mostly\s+|now\s+|always\s+)?(?:(?P<v>bike|cycle|walk|drive|run|skate|scoot|carpool)|ride\s+(?:my|a|an|the)\s+(?P<ride>[\w-]+)|take\s+(?:the|a|an)\s+(?P<take>[\w-]+)|started\s+taking\s+(?:the|a|an)\s+(?P<take2>[\w-]+))\s+(?:in\s+)?to\s+(?:work|the\s+office|my\s+office|my\s+job|campus)"),
          lambda m, s: [("commute", {"bike": "by bike", "cycle": "by bike", "walk": "on foot", "drive": "by car",
                                     "run": "on foot", "skate": "by skateboard", "scoot": "by scooter",
                                     "carpool": "by carpool"}[m.group("v").lower()] if m.group("v")
                         else "by " + (m.group("ride") or m.group("take") or m.group("take2")).lower(), None)], change=False),
    Rule("rent_any", rx(r"\b(?:[Rr]ent|[Ll]ease(?:\s+renewal)?)\b[^.!?]{0,40}?\b(?:to|is|of|at|now)\s+(?P<v>" + AMOUNT + r")(?:\s*(?:/|a|per)\s*(?:month|mo)\b)?"
              + r"|\bI\s+(?:now\s+)?pay\s+(?P<v2>" + AMOUNT + r")\s+(?:a\s+month\s+|monthly\s+)?(?:in|for)\s+rent"
              + r"|\b(?:I|[Ww]e)(?:'re|\s+are|\s+am|'m)?\s+(?:now\s+)?pay(?:ing)?\s+(?P<v3>" + AMOUNT + r")\s+(?:a|per)\s+month\s+for\s+(?:the|our|my)\s+(?:new\s+)?(?:apartment|place|flat|house|condo|room|studio)"),
          lambda m, s: [("rent", m.group("v") or m.group("v2") or m.group("v3"), None)]),
    Rule("salary_any", rx(r"\b[Ss]alary\b[^.!?]{0,40}?\b(?:to|is|of|at|now)\s+(?P<v>" + AMOUNT + r")"
              + r"|\b(?:paying|pay)\s+me\s+(?P<v2>" + AMOUNT + r")\s+(?:a\s+year|per\s+year|annually|yearly)"
              + r"|\bI\s+(?:now\s+)?(?:make|earn|bring\s+in|take\s+home)\s+(?:about\s+|around\s+|roughly\s+)?(?P<v3>" + AMOUNT + r")\s+(?:a|per)\s+(?:year|yr)"),
          lambda m, s: [("salary", m.group("v") or m.group("v2") or m.group("v3"), None)], change=False),
    Rule("age_more", rx(r"\bI\s+" + ADV + r"turned\s+(?P<n>" + NUMWORD + r")\b(?!\s*(?:days|weeks|months|%|percent))"
              + r"|\bI(?:'m|\s+am)\s+(?:now\s+)?(?:a\s+)?(?P<n2>" + NUMWORD + r")(?:-year-old\b|\s+years?\s+old\b|(?=\s*[,.!;]|\s*$|\s+now\b|\s+and\s))"),
          lambda m, s: [("age", m.group("n") or m.group("n2"), None)], change=False),
    # a verbless diet note, also the new value after a contrast: "Pescatarian since January",
    # "Not vegetarian any more — pescatarian now", "Vegan these days" (the old, negated one is skipped)
    Rule("diet_note", rx(r"(?:^|[—–:;]\s*|\s-\s|,\s*(?:but\s+|and\s+)?)(?:(?:now|mostly|strictly|fully)\s+)?(?P<d>" + DIETS_RX
                         + r")(?=\s+(?:since|now|these\s+days|nowadays|for|from)\b|\s*(?:[.!,;]|$))",
                         re.IGNORECASE),
         lambda m, s: [] if NEGATION.search(m.group(0)) else [("diet", m.group("d").lower().replace(" ", "-"), None)],
         change=False, allow_negation=True),
    # an allergy told as a noun phrase or an intolerance, whoever asks: "safe with a cashew allergy?",
    # "my peanut allergy", "I'm lactose intolerant" (not when another person has it: "my son's nut allergy")
    Rule("allergy_np", rx(r"\b(?:my|a|an|with\s+(?:a|an|my)|for\s+(?:a|an|my))\s+(?:severe\s+|mild\s+|bad\s+|slight\s+)?"
                          r"(?P<obj>[a-z]+(?:\s+[a-z]+)?)\s+(?:allergy|intolerance)\b"
                          r"|\b(?P<obj2>[a-z]+)[\s-]+intol+eran(?:t|ce)\b", re.IGNORECASE),
         lambda m, s: [] if _OTHER_HAS.search(s.text[:m.start()]) or (m.group("obj") or m.group("obj2")).lower() in _NOT_ALLERGENS
         else [("allergic_to", (m.group("obj") or m.group("obj2")).lower(), "item")], change=False),
    # the employer named through something of the user's work: "my team at Ocado", "my boss at the
    # council", "my shift at Tesco", "my colleagues over at Arup" (not "my friend at Google")
    Rule("work_np", rx(r"\b[Mm]y\s+(?:(?:old|new|current|whole|last)\s+)?(?:team|boss|manager|line\s+manager|colleagues?|"
                       r"co-?workers?|coworkers?|office|shifts?|desk|department|supervisor|workplace|contract|"
                       r"internship|placement|employer|rota|payslip|pay\s+packet)\s+(?:over\s+|here\s+)?at\s+"
                       r"(?:(?P<the>the)\s+(?P<inst>" + alt(WORKPLACE_NOUNS) + r")\b|" + CAP_OBJ + ")"),
         lambda m, s: [("works_at", m.group("inst"), "org")] if m.group("inst") else
         [("works_at", v, "org")] if (v := proper_phrase(m.group("obj") or "")) else [], change=False),
    # the place or language said first, then the user's clause about it: "Lisbon's where we ended up
    # settling", "Leeds is home now", "Spanish I can get by in, and Italian I'm picking up"
    Rule("fronted_place", rx(r"(?:^|[,;—–]\s*)(?P<obj>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,2})(?:'s|\s+is)\s+(?:(?:now|still)\s+)?"
                             r"(?:where\s+(?:I|we)(?:'ve)?\s+(?:\w+\s+){0,2}?(?P<v>live|living|settl\w*|ended\s+up(?:\s+settling|\s+living)?|"
                             r"based|call\s+home|grew\s+up|was\s+born|was\s+raised|come\s+from)|(?P<home>home)(?:\s+now|\s+these\s+days)?\b)"),
         lambda m, s: [] if m.group("obj").split()[0] in ("It", "That", "This", "There", "Here", "What", "Which")
         else [("hometown" if m.group("v") and re.match(r"grew|was|come", m.group("v")) else "lives_in",
                m.group("obj"), "place")]),
    Rule("fronted_language", rx(r"(?:^|[,;—–]\s*(?:and\s+|but\s+)?)(?P<lang>" + LANGUAGES_RX + r")\s+"
                                r"(?:I\s+can\s+(?:get\s+by\s+in|manage|speak|read)|I\s+speak|I(?:'m|\s+am)\s+(?:learning|picking\s+up|"
                                r"fluent\s+in|studying)|I've\s+been\s+learning|I\s+(?:learned|learnt|picked\s+up))"),
         lambda m, s: [] if NEGATION.search(m.group(0)) else [("speaks_language", m.group("lang"), None)],
         allow_negation=True),  # a negation before the fronted language is another one's ("Portuguese not at all")
    # where the user is from or lives, said through someone or something else: "homesick for Dundee",
    # "back home in Cork", "my parents are staying with me in Bangalore"
    Rule("home_said_aside", rx(r"\b[Hh]omesick\s+for\s+(?P<obj>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)|\b[Bb]ack\s+home\s+in\s+"
                               r"(?P<obj2>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)|\b(?:staying|living|lives|live|stay|stays|moved\s+in)\s+"
                               r"with\s+(?:me|us)\s+(?:here\s+)?in\s+(?P<obj3>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)"),
         lambda m, s: [("hometown", m.group("obj") or m.group("obj2"), "place")] if m.group("obj") or m.group("obj2")
         else [("lives_in", m.group("obj3"), "place")], change=False),
    # pay named by what it is paid from: "my first paycheck from Verdant Labs", "wages from the council"
    Rule("paid_by", rx(r"\b(?:pay\s*check|paycheque|pay\s+cheque|payslip|wages|salary|bonus)\s+from\s+"
                       r"(?:(?P<the>the)\s+(?P<inst>" + alt(WORKPLACE_NOUNS) + r")\b|" + CAP_OBJ + ")"),
         lambda m, s: [("works_at", m.group("inst"), "org")] if m.group("inst") else
         [("works_at", v, "org")] if (v := proper_phrase(m.group("obj") or "")) else [], change=False),
    # a salary told as what the user is "on" ("I'm on about 48k", "- currently on 48k at Deloitte",
    # "on £32,000 a year"): a thousands amount or a yearly one
    Rule("salary_on", rx(r"(?:\bI(?:'m|\s+am)\s+|\b(?:currently|now|still)\s+|^\W*)(?:(?:now|still|currently)\s+)?on\s+"
                         r"(?:about|around|roughly|nearly|almost|just\s+(?:under|over))?\s*(?P<v>[£$€]?\s?\d[\d,.]*\s?(?:k|K|grand|thousand)"
                         r"|[£$€]\s?\d[\d,]*(?=\s+(?:a|per)\s+(?:year|annum)))", re.MULTILINE),
         lambda m, s: [("salary", m.group("v"), None)], change=False),
    # free time told as a frame: "on my days off I build model trains", "in my spare time I paint"
    Rule("free_time", rx(r"\b(?:[Ii]n\s+my\s+(?:spare|free|down)\s+time|[Oo]n\s+my\s+days?\s+off|[Aa]t\s+(?:the\s+)?weekends?|"
                         r"[Oo]n\s+weekends|[Aa]fter\s+work|[Oo]utside\s+(?:of\s+)?work|[Ff]or\s+fun),?\s+I\s+(?:(?:like|love)\s+to\s+|"
                         r"usually\s+|mostly\s+|often\s+|tend\s+to\s+)?(?P<v>[a-z]+)\s+(?P<obj>[a-z][\w -]{2,30}?)(?=[,.;!?]|\s+(?:and|or|but|with|at|in|for)\b|$)"),
         lambda m, s: [] if m.group("v") in ("go", "have", "do", "get", "see", "am", "was", "just", "try", "need", "want", "can")
         else [("hobby", trim_phrase(m.group("obj"), 4) or m.group("obj"), None)], change=False),
    # the user's vehicle named beside the word for it: "my car (a 2012 Golf…)", "my van, an old Transit",
    # "our car — a Kia Niro"
    Rule("vehicle_apposed", rx(r"\b(?:[Mm]y|[Oo]ur)\s+(?:old\s+|new\s+|current\s+|trusty\s+)?(?:car|van|truck|motor|ride|wheels|"
                               r"motorbike|motorcycle)\s*(?:\(|,|—|–|-|:)\s*(?:a|an|the|my)?\s*(?:old\s+|new\s+)?(?:(?:19|20)\d\d\s+)?"
                               r"(?P<obj>(?:" + CAR_BRANDS_RX + r")(?:\s+(?:" + CAR_BRANDS_RX + r"|[A-Z0-9][\w-]*))?)\b"),
         lambda m, s: [("drives", m.group("obj"), "item")], change=False),
    # a place of training the user signed up at, named by its activity and maybe by name: "signed up at
    # the climbing centre", "joined the yoga studio on Main St", "signed up at the climbing place near
    # the station, Boulder Barn" (gym; the activity is a hobby)
    Rule("signed_up_place", rx(r"\b(?:signed\s+up|registered|enrolled|got\s+a\s+membership|joined)\s+(?:at|with|to)?\s*(?:the|a)\s+"
                               r"(?P<act>[a-z]+)\s+(?P<kind>centre|center|gym|studio|place|club|wall|hall|pool|box|dojo)\b"
                               r"(?:\s+(?:near|on|in|by)\s+[^,.;!?]{1,30})?(?:,\s+(?P<name>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}))?"),
         lambda m, s: [("gym", m.group("name") or f"{m.group('act')} {m.group('kind')}", "org")]
         + ([("hobby", m.group("act"), None)] if m.group("act").endswith("ing") or m.group("act") in HOBBIES else []),
         change=False),
    Rule("pet_apposed", rx(r"\b(?:[Mm]y|[Oo]ur)\s+(?:new\s+|little\s+|sweet\s+|old\s+|rescue\s+)?(?P<species>" + PETS_RX + r"),?\s+(?P<name>" + PET_TITLE + r"[A-Z][a-z]+)\b(?!\s+(?:is\s+a|Street|Road))"),
          pet_emit, change=False),
    Rule("named_him", rx(r"\bnamed\s+(?:him|her|it|them)\s+(?P<name>[A-Z][a-z]+)"),
          lambda m, s: [("pet_name", m.group("name"), "person")] if re.search(rf"\b(?:{PETS_RX})s?\b", s.text, re.I) else []),
    Rule("gym_more", rx(r"\b[Mm]y\s+(?:new\s+)?gym\s+is\s+(?P<obj>[A-Z][^,;:!?\n]*)"
              + r"|\bI\s+" + ADV + r"(?:work\s+out|train|lift|exercise|swim)\s+at\s+(?P<obj2>[A-Z][^,;:!?\n]*)"
              + r"|\bI\s+" + ADV + r"switched\s+gyms\s+to\s+(?P<obj3>[A-Z][^,;:!?\n]*)"
              + r"|\b(?:membership|signed\s+up)\s+(?:for\s+a\s+membership\s+)?at\s+(?P<obj4>[A-Z][^,;:!?\n]*)"
              + r"|\bI(?:'ve|\s+have)?\s+(?:been\s+)?going\s+to\s+(?:the\s+)?(?P<obj5>[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*)*\s+(?:YMCA|Gym|Fitness|CrossFit|gym)|YMCA(?:\s+[A-Z]\w+)?)"),
          lambda m, s: [("gym", v, "org")] if (v := proper_phrase(next(g for g in m.groups() if g))) else []),
    Rule("hobby_more", rx(r"\b[Mm]y\s+(?:new\s+|latest\s+|main\s+|favou?rite\s+)?hobby\s+(?:is|these\s+days\s+is)\s+(?P<obj>[\w\s-]{3,30}?)(?=[,.!;]|$)"
              + r"|\bI(?:'m|\s+am)\s+(?:really\s+|totally\s+|super\s+|so\s+)?into\s+(?P<obj2>(?:" + HOBBY_WORDS_RX + r"))\b"
              + r"|\bI\s+(?:do|practice|practise)\s+(?:a\s+lot\s+of\s+|some\s+)?(?P<obj3>(?:" + HOBBY_WORDS_RX + r"))\b"),
          lambda m, s: [("hobby", v.strip().lower(), "item")] if (v := m.group("obj") or m.group("obj2") or m.group("obj3")) else [], change=False),
    Rule("my_language", rx(r"\b[Mm]y\s+(?P<lang>" + LANGUAGES_RX + r")\s+(?:is|has|'s)\b"),
          const_rule("speaks_language", "lang", "item", lower=False), change=False),
    Rule("phone_using", rx(r"\bI(?:'m|\s+am)?\s+" + ADV + r"(?:still\s+)?(?:using|rocking|on)\s+(?:my|an?|the)\s+(?:old\s+|new\s+|trusty\s+)?(?P<obj>(?:" + PHONE_BRANDS_RX + r")(?:\s+[A-Z0-9][\w-]*)*)"
              + r"|\bI\s+" + ADV + r"(?:upgraded|switched)\s+to\s+(?:an?\s+|the\s+)?(?:new\s+)?(?P<obj2>(?:Samsung\s+)?(?:" + PHONE_BRANDS_RX + r")(?:\s+[A-Z0-9][\w-]*)*)"),
          lambda m, s: [("phone", (m.group("obj") or m.group("obj2")).strip(), "item")], change=False),
    Rule("car_more", rx(r"\b[Mm]y\s+(?:new\s+)?car(?:'s|\s+is)\s+(?:a|an|the)\s+(?P<obj>[A-Z][^,;:!?\n]*)"
              + r"|\bI(?:'ve|\s+have)?\s+(?:been\s+)?driving\s+(?:a|an|my)\s+(?:new\s+|used\s+)?(?P<obj2>(?:" + CAR_BRANDS_RX + r")(?:\s+[A-Z0-9][\w-]*)*)"),
          lambda m, s: [("drives", v, "item")] if (v := trim_phrase(m.group("obj") or m.group("obj2") or "", 5)) else [], change=False),
]

USER_RULES += [
    Rule("commute_mode", rx(r"\b(?:by|on)\s+(?:the\s+|an?\s+|my\s+)?" + MODES_RX + r"\b(?!\s+(?:ride|trip|station|stop|lane|tickets?)\b)"),
          commute_mode, change=False),
    Rule("pb_inverted", rx(r"(?P<v>\b\d{1,2}:\d{2}(?::\d{2})?)\s+(?:is|was)\s+(?:now\s+)?my\s+(?:new\s+)?(?:best|PB|PR|personal\s+best|personal\s+record|fastest)\b"
              + r"|\b(?:ran|clocked|did|finished)\s+(?:a|my|the)\s+[\w\s-]{0,20}?(?:5k|10k|marathon|half|mile)\s+in\s+(?P<v2>\d{1,2}:\d{2}(?::\d{2})?)[^.!?]{0,30}?\b(?:PB|PR|personal\s+best|best\s+time|record)"),
          lambda m, s: [("running_pb", m.group("v") or m.group("v2"), None)], change=False),
    Rule("rent_paying", rx(r"\b(?:I|[Ww]e)?(?:'m|'re|\s+am|\s+are)?\s*(?:now\s+|still\s+)?pay(?:ing|s)?\s+(?P<v>" + AMOUNT + r")\s+(?:a\s+month\s+|per\s+month\s+|monthly\s+|each\s+month\s+)?(?:in|for|on|of)\s+rent"),
          lambda m, s: [("rent", m.group("v"), None)]),
]

USER_RULES += [
]

USER_RULES += [
    Rule("engaged_to", rx(r"\b(?:I|[Ww]e)(?:'m|\s+am|\s+got|'ve\s+gotten|\s+just\s+got|\s+recently\s+got|\s+was|\s+got\s+happily)?\s+(?:engaged|married)\s+to\s+(?P<name>[A-Z][a-z]+)\b"),
          lambda m, s: [("partner_name", m.group("name"), "person")]),
    Rule("called_her", rx(r"\b(?:named|called)\s+(?:him|her|it|them)\s+(?P<name>[A-Z][a-z]+)"),
          lambda m, s: [("pet_name", m.group("name"), "person")] if re.search(rf"\b(?:{PETS_RX})s?\b", s.text, re.I) else []),
    Rule("now_in", rx(r"\b(?:now\s+I(?:'m|\s+am)|I(?:'m|\s+am)\s+now)\s+(?:living\s+|based\s+)?in\s+" + CAP_OBJ + r"|\bI(?:'m|\s+am)\s+in\s+(?P<obj2>[A-Z][\w .'-]*?)\s+now\b"),
          lambda m, s: [("lives_in", v, "place")] if (v := proper_phrase(m.group("obj") or m.group("obj2") or "")) else []),
    Rule("trip_through", rx(r"\b(?:(?:road\s+)?trip|tour|drive|vacation|holiday|week|weekend|fortnight|(?:few|couple\s+of|two|three|four|five|\d+)\s+(?:days|weeks|nights))\s+(?:through|around|across|in|exploring)\s+" + CAP_OBJ),
          lambda m, s: [("visited", v, "place")] if (v := proper_phrase(m.group("obj"))) and re.search(
              r"\b(?:I|[Ww]e)\b[^.!?]*\b(?:did|took|had|spent|enjoyed|after|back|from|finished|wrapped|loved)\b|\b(?:[Mm]y|[Oo]ur|after|from)\b", s.text[:m.start()]) else []),
    Rule("lang_practice", rx(r"\bI(?:'m|\s+am|'ve\s+been|\s+have\s+been)?\s+" + ADV + r"(?:brushing\s+up\s+on|practi[cs]ing|improving|working\s+on|polishing)\s+(?:my\s+)?(?P<lang>" + LANGUAGES_RX + r")\b"),
          const_rule("speaks_language", "lang", "item", lower=False), change=False),
]

USER_RULES += [
    # impersonal residence: "Home is Rotterdam now", "Rotterdam has been home since May", "the move to Oslo"
    Rule("home_is", rx(r"\b[Hh]ome\s+(?:is|has\s+been|'s)\s+(?:now\s+|officially\s+|finally\s+)?" + CAP_OBJ
              + r"|(?:^|[,;:]\s*|\b(?:[Nn]ow|[Ss]o)\s+)(?P<obj2>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\s+(?:is|has\s+been|'s)\s+(?:now\s+|officially\s+|finally\s+)?(?:my\s+|our\s+)?(?:new\s+)?home\b"
              + r"|\b[Tt]he\s+(?:big\s+)?move\s+(?:(?:from\s+[A-Z][\w .'-]*?\s+)?to)\s+" + CAP_OBJ.replace("obj", "obj3") + r"(?=[^.!?]*\b(?:done|over|finished|complete|went|was|is|has|behind)\b)"),
          lambda m, s: [("lives_in", v, "place")] if (v := proper_phrase(m.group("obj") or m.group("obj2") or m.group("obj3") or "")) else []),
    Rule("the_trip", rx(r"\b(?:[Tt]he|[Tt]hat|[Tt]his)\s+(?:quick\s+|short\s+|weekend\s+|day\s+|road\s+|recent\s+|last\s+)*(?:trip|visit|getaway|flight|drive)\s+(?:to|back\s+from)\s+" + CAP_OBJ
              + r"(?=[^.!?]*\b(?:was|were|went|had|felt|turned\s+out|ended|got)\b)"),
          visit_emit),
    Rule("new_job_at", rx(r"\b(?:[Tt]he|[Mm]y|[Aa])\s+new\s+(?:job|role|position|gig)\s+(?:at|with)\s+(?P<org>[A-Z][^,;:!?\n]*?)(?=[,;:!?.\n]|$|\s+(?:is|has|was|went|starts|started|feels|keeps|pays))"),
          job_emit),
    Rule("promotion_to", rx(r"\b(?:[Pp]romotion|[Pp]romoted)\s+to\s+(?:a\s+|an\s+)?(?P<title>[^,;:!?\n]+)"),
          title_only),
]

USER_RULES += [
    Rule("fragment_trip", rx(r"^(?:(?:[Jj]ust|[Ff]inally|[Oo]h|[Ss]o|[Aa]nd)\s+)*(?:[Bb]ack\s+from|(?:\w+\s+)?(?:days?|weeks?|nights?|weekend|afternoon)\s+in)\s+" + CAP_OBJ),
          visit_emit),
    Rule("life_in", rx(r"\b(?:[Ll]ife|[Ll]iving|[Tt]hings|[Ee]veryday\s+life)\s+(?:here\s+)?in\s+(?P<obj>[A-Z][\w .'-]*?)\s+(?:is|are|has|feels|seems|means)\b"),
          lambda m, s: [("lives_in", v, "place")] if (v := proper_phrase(m.group("obj"))) else [], change=False),
    Rule("fragment_title", rx(r"^(?:[\w ]{1,20}:\s+)?(?:[Oo]fficially|[Nn]ow|[Ff]inally)\s+(?:a|an)\s+(?P<title>[^,;:!?\n]+)"),
          title_only),
    Rule("fragment_been_at", rx(r"^(?:[Bb]een|[Ww]orking)\s+(?:at|with|for)\s+(?P<org>[A-Z][^,;:!?\n]*?)\s+(?:for|since)\b"),
          job_emit, change=False),
    Rule("pet_appos_name", rx(r"(?:^|[,;]\s*)(?P<name>[A-Z][a-z]+),\s+(?:my|our)\s+(?:new\s+|little\s+|sweet\s+|old\s+|rescue\s+)?(?P<species>" + PETS_RX + r")\b"),
          pet_emit, change=False),
    Rule("lessons", rx(r"\b(?P<lang>" + LANGUAGES_RX + r")\s+(?:lessons|classes|class|practice|homework|tutoring|course|immersion)\b"),
          const_rule("speaks_language", "lang", "item", lower=False), change=False),
    Rule("inst_lessons", rx(r"\b(?:[Mm]y\s+)?(?P<inst>" + INSTRUMENTS_RX + r")\s+(?:lessons|practice|class|teacher|recital|playing)\b", re.IGNORECASE),
          const_rule("plays_instrument", "inst", "item"), change=False),
    Rule("salary_colon", rx(r"\b[Ss]alary\s*:\s*(?P<v>" + AMOUNT + r")"),
          lambda m, s: [("salary", m.group("v"), None)], change=False),
]


USER_RULES += [
    # any price in a purchase sentence: "$165", "165 bucks", "€40"
    Rule("price_any", rx(r"(?P<amt>" + MONEY_ANY + r")"),
          lambda m, s: [("spent", m.group("amt"), None)] if PURCHASE_CUE.search(s.text) and not re.search(
              r"\b(?:rent|salary|budget|quoted?|estimate|a\s+year|per\s+year|annually|a\s+month|per\s+month|an\s+hour|per\s+hour)\b", s.text[m.end(): m.end() + 20] + " " + s.text[max(0, m.start() - 25): m.start()], re.I) else []),
    Rule("likes_more", rx(r"\bI(?:'ve|\s+have)?\s+(?:been\s+)?" + ADV + r"(?:loving|digging|enjoying|into|obsessed\s+with|hooked\s+on|(?:grown|come)\s+to\s+(?:love|like|appreciate)|(?:grown\s+)?fond\s+of|partial\s+to)\s+(?!it\b|that\b|this\b|them\b|you\b)" + OBJ
              + r"|(?:^|[,;:]\s*)(?P<obj2>[A-Za-z][\w' -]{2,40}?)\s+(?:never\s+gets\s+old|is\s+(?:totally\s+|so\s+)?my\s+(?:jam|thing|vibe)|always\s+hits\s+the\s+spot)"),
          lambda m, s: [("likes", v, "item")] if valid_value(v := trim_phrase(m.group("obj") or m.group("obj2") or "", 6)) else [],
          change=False),
    Rule("dislikes_more", rx(r"\bI\s+" + ADV + r"(?:loathe|detest|despise|can't\s+bear|cannot\s+bear|can't\s+handle|(?:am|'m)\s+(?:so\s+|really\s+)?(?:sick|tired)\s+of|(?:am|'m)\s+(?:so\s+|really\s+)?over|have\s+never\s+liked|'ve\s+never\s+liked|never\s+liked|never\s+enjoy|don't\s+(?:really\s+)?(?:enjoy|care\s+for|do)|do\s+not\s+(?:enjoy|care\s+for))\s+(?!it\b|that\b|this\b|them\b|you\b|to\b)" + OBJ
              + r"|(?:^|[,;:]\s*)(?:(?:[Hh]onestly|[Ff]rankly|[Aa]nd|[Bb]ut|[Ss]o|[Oo]h|[Tt]bh|[Pp]ersonally),?\s+)?(?P<obj2>[A-Za-z][\w' -]{2,40}?)\s+(?:drives?\s+me\s+(?:crazy|nuts|insane|up\s+the\s+wall)|gets?\s+on\s+my\s+nerves|(?:is|are)\s+(?:the\s+worst|a\s+hard\s+pass|a\s+no-go|a\s+dealbreaker))"),
          lambda m, s: [("dislikes", v, "item")] if valid_value(v := trim_phrase(m.group("obj") or m.group("obj2") or "", 6)) else [],
          change=False, allow_negation=True),
    Rule("watched_more", rx(I_SUBJ + HAVE0 + ADV + r"(?:got\s+around\s+to\s+watching|streamed|caught\s+up\s+on|put\s+on|got\s+to\s+see|went\s+to\s+see|sat\s+through|started\s+on)\s+(?:the\s+(?:movie|film|show|series|documentary)\s+)?(?P<obj>[\"“'*_][^\"”'*_]+[\"”'*_]|[A-Z][^,;:!?\n]*)"),
          lambda m, s: [("watched", v, "item")] if (v := title_phrase(m.group("obj"))) else []),
    Rule("pet_called", rx(r"\b(?:[Mm]y|[Oo]ur)\s+(?:new\s+|little\s+|sweet\s+|old\s+|rescue\s+)?(?P<species>" + PETS_RX + r")\s+(?:is\s+(?:called|named)|goes\s+by|answers\s+to)\s+(?P<name>[A-Z][a-z]+)"
              + r"|\b(?P<name2>[A-Z][a-z]+)\s+(?:\((?:my|our)\s+(?P<species2>" + PETS_RX + r")\)|the\s+(?P<species3>" + PETS_RX + r")\b)"),
          lambda m, s: pet_called(m, s), change=False),
]

USER_RULES += [
    # "the espresso machine I ordered finally showed up", "the Galaxy S24 I just got has…"
    Rule("rel_purchase", rx(r"\b[Tt]he\s+(?:new\s+)?(?P<obj>[\w](?:(?!\s[Tt]he\s)[\w\s-]){1,40}?)\s+(?:that\s+)?(?:I|we)\s+(?:just\s+|finally\s+|recently\s+)?(?:bought|got|ordered|picked\s+up|grabbed|purchased)\b"),
          bought_emit),
    Rule("rel_purchase_device", rx(r"\b[Tt]he\s+(?:new\s+)?(?P<obj>(?:Samsung\s+)?(?:" + PHONE_BRANDS_RX + r"|" + CAR_BRANDS_RX + r")(?:\s+[A-Z0-9][\w-]*)*)\s+(?:that\s+)?(?:I|we)\s+(?:just\s+|finally\s+|recently\s+)?(?:bought|got|ordered|picked\s+up)\b"),
          lambda m, s: [("phone" if re.search(rf"\b(?:{PHONE_BRANDS_RX}|Samsung)\b", m.group("obj")) else "drives", m.group("obj").strip(), "item")]),
    Rule("my_colleague_at", rx(r"\b(?:[Mm]y\s+(?:manager|boss|team|coworkers?|co-workers?|colleagues?|office|employer|company|workplace|day\s+job|job)|[Dd]ay\s+job)\s+(?:is\s+)?(?:at|with)\s+(?P<org>[A-Z][^,;:!?\n]*?)(?=[,;:!?.\n]|$|\s+(?:is|are|has|keeps|was|were|wants|just|and|for|since)\b)"),
          job_emit, change=False),
    Rule("renting_in", rx(r"\b(?:I|[Ww]e)(?:'ve|\s+have|'m|\s+am|'re|\s+are)?\s+(?:been\s+)?" + ADV + r"(?:renting|leasing|sharing|subletting)\s+(?:a|an|the|my|our)\s+(?:small\s+|tiny\s+|little\s+|new\s+)?(?:flat|apartment|house|room|studio|place|condo|loft)\s+in\s+" + CAP_OBJ),
          lambda m, s: [("lives_in", v, "place")] if (v := proper_phrase(m.group("obj"))) else [], change=False),
    Rule("fav_plain", rx(r"(?:^|[,;:]\s*)(?P<obj>[A-Za-z][\w' -]{1,40}?)\s+(?:are|is|will\s+always\s+be|has\s+always\s+been|have\s+always\s+been|remains?)\s+(?:still\s+|easily\s+|definitely\s+)?my\s+(?:absolute\s+|all-time\s+|top\s+)?favou?rite(?:\s+(?P<kind>food|dish|meal|cuisine|snack|dessert|drink|beverage|coffee|tea|band|artist|singer|music|genre|song|album|sport|team))?\b"),
          lambda m, s: ([("favourite_drink", m.group("obj").strip().lower(), "item")] if not m.group("kind") and re.fullmatch(DRINKS_RX + r"s?", m.group("obj").strip(), re.I)
                        else fav_emit(m, s) if m.group("kind") else [("likes", m.group("obj").strip(), "item")]),
          change=False),
    Rule("gym_called", rx(r"\b(?:gym|studio|club|box)\s+(?:called|named)\s+(?P<obj>[A-Z][^,;:!?\n]*)"),
          lambda m, s: [("gym", v, "org")] if (v := proper_phrase(m.group("obj"))) and not NEGATION.search(s.text[: m.start()][-40:]) else []),
    Rule("job_pays", rx(r"\b(?:[Tt]he\s+(?:new\s+)?(?:job|role|position|gig)|[Mm]y\s+(?:new\s+)?(?:job|role|position|employer|company)|[Tt]hey|[Ii]t)\s+pays?\s+(?:me\s+)?(?:about\s+|around\s+)?(?P<v>" + AMOUNT + r")\s+(?:a\s+year|per\s+year|annually|yearly)"),
          lambda m, s: [("salary", m.group("v"), None)], change=False),
    Rule("rent_fragment", rx(r"^(?:[Nn]ow\s+|[Ss]till\s+)?[Pp]aying\s+(?P<v>" + AMOUNT + r")\s+(?:a|per)\s+month\s+(?:for|on)\s+(?:a|an|the|my|our)\s+(?:new\s+|tiny\s+|small\s+)?(?:studio|apartment|flat|place|room|one-bedroom|two-bedroom|house|condo)"),
          lambda m, s: [("rent", m.group("v"), None)]),
    Rule("tore_through", rx(I_SUBJ + HAVE0 + ADV + r"(?:tore|ripped|flew|blew|raced|powered|breezed|plowed|ploughed)\s+through\s+(?P<obj>[\"“'*_][^\"”'*_]+[\"”'*_]|[A-Z][^,;:!?\n]*)"),
          lambda m, s: [("read_book", v, "item")] if (v := title_phrase(m.group("obj"))) else []),
    Rule("blew_money", rx(I_SUBJ + HAVE0 + ADV + r"(?:blew|dropped|burned|wasted)\s+(?P<amt>" + MONEY_ANY + r")\s+on\s+" + OBJ),
          lambda m, s: [("spent", m.group("amt"), None)] + ([("bought", v, "item")] if valid_value(v := trim_phrase(m.group("obj"), 6)) else [])),
]

USER_RULES += UPDATE_RULES

#: rules that read a noun phrase ("my team at Ocado", "my sister Imogen", "my cat Luna", "a cashew
#: allergy"): what they say holds whatever the sentence does with it, so they also read questions
#: and requests ("Can you draft a card for my team at Ocado?")

NOUN_PHRASE_RULES = NOUN_PHRASE_UPDATES | frozenset({"family", "partner_named", "name_is", "pet_named", "pet_apposed", "pet_appos_name",
                               "work_np", "allergy_np", "home_said_aside", "paid_by", "vehicle_apposed"})
# a noun phrase is said whatever the verb around it does ("Didn't sleep much, our son Felix was up"),
# so a negation before it does not take it back; an allergy phrase keeps the check ("I don't have a
# peanut allergy")
USER_RULES = [dataclasses.replace(r, allow_negation=True) if r.name in NOUN_PHRASE_RULES - {"allergy_np"} else r
              for r in USER_RULES]

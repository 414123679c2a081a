"""Questions of the ``dev3`` DEVELOPMENT family (see :mod:`dev3_templates` for the brief).

Written on 2026-12-06 by an outside author (au22) without reading kgmem's extraction, retrieval,
answer or memory code or the held-out families. Questions share few words with the fact sentences
and some carry a time phrase ("these days", "as of now") that changes nothing in the answer. Slots
are the dev family's: ``{species}``, ``{rel}``, ``{item}``, ``{cat}``/``{ctx}``, ``{noun}``/
``{verb_ing}``/``{verb_pp}`` of a count, ``{A}``/``{B}``/``{C}`` noun phrases of events ("my trip to
Porto", "the day I bought a tent") and ``{vp}`` a past verb phrase ("went to Porto").
"""

from __future__ import annotations

QUESTIONS_DEV3: dict[str, tuple[str, ...]] = {
    "ssu.pet_name": (
        "Remind me, what did I name my {species}?",
        "My {species} — what's the name again? Blanking completely.",
        "what do I call my {species}, do you remember?",
    ),
    "ssu.family_member": (
        "Blanking on a name here: my {rel}, what are they called?",
        "I mentioned my {rel} at some point — what's their name?",
        "quick one: my {rel}'s first name?",
    ),
    "ssu.hometown": (
        "Which town did I spend my childhood in?",
        "Where's home originally for me, the place I was a kid?",
        "remind me where I'm from, like originally?",
    ),
    "ssu.allergic_to": (
        "What do I have to stay away from, medically speaking?",
        "Is there anything that gives me a reaction? What was it?",
        "what's the thing my body can't handle, allergy-wise?",
    ),
    "ssu.plays_instrument": (
        "Which instrument have I been practising at home?",
        "What do I play, musically?",
        "what's the instrument I keep annoying the neighbours with?",
    ),
    "ssu.speaks_language": (
        "Which language have I been working on?",
        "What language am I trying to pick up these days?",
        "the language I've been practising — which one is it?",
    ),
    "ssu.favourite_drink": (
        "What do I drink more of than anything else?",
        "What's my usual order at the café?",
        "which drink can't I function without?",
    ),
    "ssu.bought_store": (
        "Which shop did {item} come from?",
        "Where did I end up getting {item}?",
        "remind me where {item} was from, which store?",
    ),
    "ssu.bought_price": (
        "{item} — what did that end up costing?",
        "What was the figure on the receipt for {item}?",
        "what did I shell out for {item}?",
    ),
    "ssa": (
        "You pointed me to a {cat} for {ctx} — which one was it?",
        "Back when we talked about {ctx}, what {cat} did you say to go for?",
        "which {cat} was your pick for {ctx} again?",
    ),
    # knowledge updates are asked through KU_QUESTIONS_DEV3 (these keys pass the text through)
    "ku.current": ("{current_q}",),
    "ku.previous": ("{previous_q}",),
    "ku.when": ("{when_q}",),
    "ms.count": (
        "Across everything I've told you, how many different {noun} did I end up {verb_ing}?",
        "Count them for me: how many {noun} have I {verb_pp} so far?",
        "what's my tally of {noun} I've {verb_pp}, going by our chats?",
    ),
    "ms.sum": (
        "Add it all up: what did the stuff I told you I bought come to?",
        "What's the grand total I've dropped on the purchases I mentioned?",
        "if you tally every purchase I brought up, how much money is that?",
    ),
    "ms.list": (
        "Which places have I actually set foot in, going by what I've told you?",
        "Where have my trips taken me so far? Name the cities.",
        "list every city I've been to that I mentioned",
    ),
    "tr.days_between": (
        "How many days separate {A} from {B}?",
        "Count the days from {A} to {B} for me?",
        "what was the gap in days between {A} and {B}?",
    ),
    "tr.weeks_between": (
        "Roughly how many weeks sit between {A} and {B}?",
        "In weeks, how far apart were {A} and {B}?",
        "how many weeks lay between {A} and {B}, more or less?",
    ),
    "tr.which_first": (
        "{A} or {B} — which came earlier?",
        "What came first for me: {A} or {B}?",
        "between {A} and {B}, which one happened sooner?",
    ),
    "tr.days_ago": (
        "Counting back from today, how many days ago was {A}?",
        "{A} — how many days back was that?",
        "what's the count of days since {A}?",
    ),
    "tr.weeks_ago": (
        "Going back from today, how many weeks to {A}?",
        "{A} was how many weeks ago, roughly?",
        "in weeks, how long has it been since {A}?",
    ),
    "tr.event_date": (
        "What day exactly did I {vp}?",
        "Can you pin down the date I {vp}?",
        "remind me of the calendar date when I {vp}",
    ),
    "tr.order3": (
        "Sort these oldest to newest for me: {A}, {B}, {C}.",
        "Line up {A}, {B} and {C} in the order they happened.",
        "what was the sequence of {A}, {B} and {C}?",
    ),
}

# knowledge-update questions per predicate: (current, previous {v}, when changed {v}), each a choice
KU_QUESTIONS_DEV3: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "lives_in": (
        ("Which city am I calling home these days?", "as of now, where's my place?"),
        ("Where did I have my place before {v}?", "Which city was I in before I ended up in {v}?"),
        ("When did {v} become home?", "What date did I land in {v} for good?"),
    ),
    "works_at": (
        ("Who's signing my paychecks these days?", "as of now, which company am I with?"),
        ("Before {v}, which company was I with?", "Where was I employed before {v} took me on?"),
        ("When did I start at {v}?", "What was my first day with {v}?"),
    ),
    "job_title": (
        ("What's my title at the moment?", "as of now, what's my role called?"),
        ("What was my title before I was {v}?", "Before {v}, what role did I hold?"),
        ("When did I take on the {v} role?", "What date did my title switch to {v}?"),
    ),
    "drives": (
        ("What am I driving these days?", "which car is mine as of now?"),
        ("What was I driving before the {v}?", "Which car did the {v} replace?"),
        ("When did the {v} become mine?", "What date did I take home the {v}?"),
    ),
    "phone": (
        ("Which phone am I on these days?", "as of now, what's my phone?"),
        ("What phone was I using before the {v}?", "Which handset did the {v} replace?"),
        ("When did I start carrying the {v} around?", "What date did I switch over to the {v}?"),
    ),
    "gym": (
        ("Where am I working out these days?", "as of now, which gym has my membership?"),
        ("Before {v}, where was I lifting?", "Which gym was I a member of before {v}?"),
        ("When did I move my membership to {v}?", "What date did I start training at {v}?"),
    ),
    "commute": (
        ("How am I getting to work these days?", "as of now, how do I get to the office?"),
        ("Before I started going {v}, how did I get to work?", "How did I get to the office before switching to going {v}?"),
        ("When did I start going to work {v}?", "What date did my commute become {v}?"),
    ),
    "rent": (
        ("What am I paying for my place these days?", "as of now, what's my monthly rent?"),
        ("What did my place cost per month before it went to ${v}?", "Before ${v}, what was I paying monthly for housing?"),
        ("When did my housing cost become ${v} a month?", "What date did the ${v} rent kick in?"),
    ),
    "reading_goal": (
        ("How many books am I aiming to read this year, as things stand?", "what's my book target these days?"),
        ("Before I aimed for {v} books, what was the target?", "What was my book goal before it became {v}?"),
        ("When did my book target become {v}?", "What date did I set the {v}-book target?"),
    ),
    "running_pb": (
        ("What's my fastest 5k these days?", "as of now, what's my best 5k time?"),
        ("What was my best 5k before {v}?", "Before I ran {v}, what was my fastest 5k?"),
        ("On what day did the {v} 5k happen?", "What date did I clock {v} over 5k?"),
    ),
    "salary": (
        ("What am I earning a year these days?", "as of now, what's my annual pay?"),
        ("Before the ${v} figure, what did my job pay?", "Before ${v}, what was my yearly pay?"),
        ("When did my pay go to ${v}?", "What date did I start earning ${v}?"),
    ),
}

# the preference question of each domain (a request for suggestions)
SSP_REQUESTS_DEV3: dict[str, tuple[str, ...]] = {
    "cooking": (
        "I've got an hour and a half-empty fridge tonight — what should I throw together?",
        "friends are coming over saturday, what could I cook for them?",
    ),
    "travel": (
        "I've got four days off in spring and no plan yet. Where would you send me?",
        "thinking of getting out of town for a bit, any ideas where?",
    ),
    "reading": (
        "Just finished my last book and the nightstand is empty — what's next?",
        "need something new to read before my holiday, what would you pick for me?",
    ),
    "music": (
        "My playlists are getting stale, what should I put on next?",
        "got a long drive on sunday, what should be playing?",
    ),
    "fitness": (
        "I've been sitting at my desk way too much lately. How should I get moving again?",
        "want to shake up my exercise a bit, what would you suggest for me?",
    ),
    "films": (
        "It's raining and I've got the evening free — what should I put on?",
        "movie night at mine on friday, what should we watch?",
    ),
}

"""THIRD HELD-OUT template family ("heldout3"), its questions — DO NOT READ while writing extraction, retrieval or planner rules.

The question half of :mod:`kgmem.datasets.synthetic.heldout3_templates` (same author, same rule:
engineers working on kgmem's query planner, retrieval or answer code must not open this file; only
the synthetic generator imports it; never tune on it).

``QUESTIONS_HELDOUT3`` has every question key of the dev family except the three ``ku.*`` pass-throughs
(``{current_q}`` …): knowledge-update questions are drawn from ``KU_QUESTIONS_HELDOUT3`` instead.
Slots are the dev family's (``{species}``, ``{rel}``, ``{item}``, ``{cat}``, ``{ctx}``, ``{noun}``,
``{verb_ing}``, ``{verb_pp}``, ``{A}``, ``{B}``, ``{C}``, ``{vp}``; ``{v}`` in previous / when-changed).
"""

from __future__ import annotations

QUESTIONS_HELDOUT3: dict[str, tuple[str, ...]] = {
    "ssu.pet_name": (
        "The name I gave my {species}, what was it again?",
        "My {species}, what's it called again? I know I told you.",
        "How is called my {species}, do you remember?",
    ),
    "ssu.family_member": (
        "I'm blanking on it: what's my {rel} called?",
        "Quick one, my {rel}'s name, what was it again?",
        "Do you happen to remember the name of my {rel}?",
    ),
    "ssu.hometown": (
        "The town where I was a little kid, what was it called?",
        "Where is it I'm from originally, do you remember?",
        "Remind me where I was a kid?",
    ),
    "ssu.allergic_to": (
        "What is it that I react badly to?",
        "What did I tell you sets off my allergy?",
        "Which thing do I have to keep away from, medically speaking?",
    ),
    "ssu.plays_instrument": (
        "Remind me which instrument I've been practising on?",
        "Which instrument do my poor neighbours hear me practising?",
        "Which instrument is the one I told you I play?",
    ),
    "ssu.speaks_language": (
        "Which language am I trying to pick up?",
        "What's the language I've been working on?",
        "Remind me what language I've been doing homework in?",
    ),
    "ssu.favourite_drink": (
        "What's the drink I can't do without?",
        "If you were getting me a drink, what should it be?",
        "What do I always get at the café?",
    ),
    "ssu.bought_store": (
        "Tell me again which shop sold me {item}?",
        "Remind me where I got {item}?",
        "Where was it that I picked up {item}?",
    ),
    "ssu.bought_price": (
        "Ugh, what did {item} set me back in the end?",
        "How much money went on {item}?",
        "Remind me of the price I paid for {item}?",
    ),
    "ssa": (
        "You gave me a {cat} tip for {ctx} once, which one was it?",
        "That {cat} you suggested when I asked about {ctx}, what was it called?",
        "When we talked about {ctx}, what {cat} was your top pick?",
    ),
    "ms.count": (
        "From everything I told you, the {noun} I {verb_pp}, how many is it?",
        "Can you count up the {noun} I've mentioned {verb_ing}?",
        "Tally time: how many different {noun} did I tell you about {verb_ing}?",
    ),
    "ms.sum": (
        "Add it all up for me: what did everything I bought come to?",
        "What's my grand total on the stuff I told you I bought?",
        "How much money have I spent altogether on the purchases I mentioned?",
    ),
    "ms.list": (
        "Where have I travelled to, going by our chats?",
        "Can you name all the cities I've been to that I told you about?",
        "Which places have I been on trips to?",
    ),
    "tr.days_between": (
        "What's the gap in days between {A} and {B}?",
        "If you tot up the days from {A} to {B}, what do you get?",
        "How far apart were {A} and {B}, in days?",
    ),
    "tr.weeks_between": (
        "More or less, how many weeks were there from {A} until {B}?",
        "In weeks, how long was it from {A} to {B}?",
        "How many weeks lay between {A} and {B}?",
    ),
    "tr.which_first": (
        "Which came earlier, {A} or {B}?",
        "I've lost track: was {A} before {B}, or was it the other way round?",
        "Out of {A} and {B}, which one happened first?",
    ),
    "tr.days_ago": (
        "Days since {A}: what's the count?",
        "Be a dear and count for me the days since {A}?",
        "How many days back was {A}?",
    ),
    "tr.weeks_ago": (
        "About how many weeks back was {A}?",
        "How many weeks back do I have to go to reach {A}?",
        "How many weeks have gone by since {A}?",
    ),
    "tr.event_date": (
        "Give me the exact date: when was it that I {vp}?",
        "Remind me of the day I {vp}, the actual date?",
        "Can you find the date on which I {vp}?",
    ),
    "tr.order3": (
        "I've muddled up {A}, {B} and {C}; which went first, second and third?",
        "Which order did {A}, {B} and {C} go in?",
        "Help me line these up from earliest to latest: {A}, {B}, {C}.",
    ),
}

# knowledge-update phrasing per predicate: (current), (previous, {v}), (when changed, {v})
KU_QUESTIONS_HELDOUT3: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "lives_in": (
        ("Which city do I call home right now?", "Where's home for me these days?"),
        ("Before {v}, which city was I living in?", "Where was home before I ended up in {v}?"),
        ("What date did I make the move to {v}?", "From which date have I been living in {v}?"),
    ),
    "works_at": (
        ("Who's my employer at the moment?", "Which company am I with these days?"),
        ("Which company was I with before {v}?", "Who did I work for prior to {v}?"),
        ("When did {v} take me on?", "What was the date I started at {v}?"),
    ),
    "job_title": (
        ("If someone reads my email signature today, what job title do they see?", "What do I do for a living right now, job title wise?"),
        ("Before I was made {v}, what was my title?", "What was my job title prior to {v}?"),
        ("When was I made {v}?", "Which day did the {v} title become mine?"),
    ),
    "drives": (
        ("Which car am I driving these days?", "What's my car at the moment?"),
        ("Before the {v} came along, what was I driving?", "What was I driving prior to my {v}?"),
        ("When did the {v} become my car?", "What's the date I got my {v}?"),
    ),
    "phone": (
        ("What phone am I on at the moment?", "Which phone do I carry these days?"),
        ("Which phone was I using before the {v}?", "What did I have before switching to the {v}?"),
        ("When did I switch to the {v}?", "On what date did the {v} become my phone?"),
    ),
    "gym": (
        ("Where do I work out these days?", "Which gym am I a member of right now?"),
        ("Which gym had my membership before {v} did?", "Which gym was I with before joining {v}?"),
        ("Since when am I a member at {v}?", "What date did I become a member at {v}?"),
    ),
    "commute": (
        ("These days, how am I getting myself to work?", "What's my way of getting to the office at the moment?"),
        ("How did I get to work before going {v}?", "Before I switched to going {v}, how was I commuting?"),
        ("Since which date am I going to work {v}?", "What date did I switch to going in {v}?"),
    ),
    "rent": (
        ("What am I paying in rent these days?", "How much does my landlord charge me now?"),
        ("Back before the landlord wanted ${v}, what was I paying each month?", "My rent before it hit ${v}, what was it?"),
        ("On which date did the landlord's ${v} figure kick in?", "On what date did ${v} become my rent?"),
    ),
    "reading_goal": (
        ("Where's my yearly book target sitting now?", "What's my reading target at the moment?"),
        ("Before I moved it to {v} books, what was my reading target?", "What was my yearly book goal prior to {v} books?"),
        ("When did I bump my reading target to {v} books?", "On what date did my book goal become {v}?"),
    ),
    "running_pb": (
        ("What's my fastest 5k right now?", "As things stand, what's the 5k time I have to beat?"),
        ("What 5k time was my record until I did {v}?", "What was my 5k record prior to {v}?"),
        ("The 5k where I clocked {v}, what date was that?", "On what date did I clock {v} for the 5k?"),
    ),
    "salary": (
        ("How much am I earning a year these days?", "What's my pay at the moment?"),
        ("Before I got to ${v}, what was I earning?", "What was my salary prior to ${v}?"),
        ("What was the date my salary became ${v}?", "On what date did I start making ${v} a year?"),
    ),
}

# the preference question (a request for suggestions) per domain of vocab.PREFERENCE_DOMAINS
SSP_REQUESTS_HELDOUT3: dict[str, tuple[str, ...]] = {
    "cooking": (
        "Fridge is full, brain is empty. What should I cook tonight?",
        "I'm hosting my in-laws on Sunday, what could I make for them?",
        "Give me a dinner idea, I'm completely out of inspiration.",
    ),
    "travel": (
        "I've got some holiday days to burn, where should I go?",
        "Help me pick somewhere for a little getaway, I really need a break.",
        "Where would you send me for a few days away?",
    ),
    "reading": (
        "I just finished my last book and feel a bit lost, what should I pick up next?",
        "What's something good for me to read over the holidays?",
        "Help me choose my next read?",
    ),
    "music": (
        "Could you put together something for me to listen to while I cook?",
        "My playlists are stale. What music should I try?",
        "What would you put on for me on a long drive?",
    ),
    "fitness": (
        "I want to get moving again, what should I do for exercise?",
        "Can you put together a plan to get me fitter this month?",
        "What kind of workout would suit me?",
    ),
    "films": (
        "Movie night at mine on Friday, what should we put on?",
        "I've got a free evening and a sofa. What should I watch?",
        "Recommend me something to stream tonight?",
    ),
}

"""SECOND HELD-OUT template family ("heldout2") — DO NOT READ while writing extraction, retrieval or planner rules.

Engineers working on kgmem's extraction patterns, query planner or retrieval must not open this
file: the second held-out family was written before the extraction rebuild (issue #13) by an
author who had not seen the rules, and exists to measure how they generalise to phrasings nobody
tuned on (``--families heldout2`` and the ``template_family`` field of the gold sidecar).
Only the synthetic generator imports it. Never tune on it.
"""

from __future__ import annotations

# Same keys and placeholders as the other families; a chattier, more indirect voice, where the
# fact is implied by what happened rather than stated with the obvious verb.
FACTS_HELDOUT2: dict[str, tuple[str, ...]] = {
    "visited": (
        "Quick flex: {when} I was eating my way through {v}.",
        "{when_cap} I had a whole day in {v} and my feet have not forgiven me.",
        "Still shaking the sand out of my bag from {v}, we popped over {when}.",
        "Drained my phone battery snapping pictures all over {v} {when}, zero regrets.",
    ),
    "attended": (
        "Showed my face at {v} {when}, glad I did.",
        "Guess where I was {when}: {v}. Worth every minute.",
        "Managed to squeeze in {v} {when} even with everything going on.",
    ),
    "event": (
        "To cut a long story short, {when} I {v}.",
        "Welp, I {v} {when}, so that's one less thing hanging over me.",
        "Not sure if I mentioned it, but I {v} {when}.",
    ),
    "bought": (
        "My wallet got ${price} lighter {when}, thanks to {v} from {store}.",
        "{when_cap} I caved and brought home {v} from {store}. ${price}, don't judge.",
        "Finally pulled the trigger on {v} {when}, {store} had it for ${price}.",
        "Checked out at {store} {when} with {v}, ${price} all in.",
    ),
    "read_book": (
        "{v} wrecked me, I closed it on the last page and just stared at the wall.",
        "Made it through the final chapter of {v} and now I don't know what to do with my evenings.",
        "My copy of {v} is full of underlined bits now, cover to cover.",
    ),
    "watched": (
        "Had {v} on the big screen at home and nobody touched their phone the whole time.",
        "Finally crossed {v} off my watchlist.",
        "Stayed up way too late because of {v}, couldn't stop till the credits rolled.",
    ),
    "lives_in.state": (
        "Life in {v} is treating me alright, apart from the parking.",
        "The view from my window in {v} is mostly other windows.",
        "Being a {v} local, I'm biased, but the coffee around here is the best.",
    ),
    "lives_in.change": (
        "Got the keys to our place in {v}, so bye bye {old}.",
        "Still surrounded by boxes, but {v} is officially home now.",
        "Said goodbye to {old} and signed a lease in {v}.",
    ),
    "works_at.state": (
        "My badge at {v} stopped working again, so I'm stuck in the lobby.",
        "The people at {v} sign my paychecks, so I can't complain too loudly.",
        "Been clocking in at {v} for a few years now.",
    ),
    "works_at.change": (
        "Turned in my laptop at {old}; {v} handed me a shiny new one.",
        "Got my welcome kit from {v} in the mail, so yeah, new job.",
        "Had my farewell drinks at {old}, and now I'm on the {v} team.",
    ),
    "job_title.state": (
        "My business card says {v}, for what it's worth.",
        "Nine to five I'm the {v} around here.",
        "On paper my job is {v}, in reality it's mostly meetings.",
    ),
    "job_title.change": (
        "Guess who's the new {v}? Me. Goodbye {old} days.",
        "HR sent the letter: I'm {v} from now on.",
        "My email signature reads {v} now instead of {old}.",
    ),
    "drives.state": (
        "Stuck in traffic in my {v} again.",
        "My trusty {v} just rolled past 100k miles.",
        "Parking my {v} downtown is always a nightmare.",
    ),
    "drives.change": (
        "Left the {old} at the dealership and drove off in my new {v}.",
        "The {v} in front of my house is new, and yes, I keep going out to look at it.",
        "New wheels! It's a {v}, and the {old} is someone else's problem now.",
    ),
    "phone.state": (
        "My {v} is on 3% again, of course.",
        "Screen on my {v} is cracked but it still does the job.",
        "I'm firmly team {v}, have been for a while.",
    ),
    "phone.change": (
        "Moved all my photos off the {old} and onto a shiny {v}.",
        "Spent all evening setting up my new {v}.",
        "My {old} finally gave up, so now it's {v} life.",
    ),
    "gym.state": (
        "Leg day at {v} destroyed me.",
        "The front desk people at {v} know me by name at this point.",
        "{v} is basically my second home, five mornings a week.",
    ),
    "gym.change": (
        "Froze my {old} membership for good; {v} is closer to work.",
        "Picked up my key tag at {v}, first workout there tomorrow.",
        "Turns out {v} has a sauna, so that's where I train now instead of {old}.",
    ),
    "commute.state": (
        "Getting to the office {v} takes me about forty minutes.",
        "Forty minutes each way {v}, that's my daily grind.",
        "Most mornings I roll into work {v}, coffee in hand.",
    ),
    "commute.change": (
        "Ditched going in {old}; it's {v} for me now.",
        "New routine: I head in {v}, and going {old} is history.",
        "Started going in {v} and honestly I'm not going back to going {old}.",
    ),
    "rent.state": (
        "${v} a month for a place with a temperamental boiler, that's my deal.",
        "A big chunk of my paycheck, ${v}, goes straight to rent every month.",
        "My lease says ${v} per month.",
    ),
    "rent.change": (
        "Landlord hiked it: I'm forking out ${v} a month from now on.",
        "Opened the landlord's letter, and yep, ${v} a month now instead of ${old}.",
        "Paying ${v} a month for the same flat now, thanks inflation.",
    ),
    "reading_goal.state": (
        "I've challenged myself to {v} books before the year is out.",
        "The plan is {v} books by New Year's Eve.",
        "My Goodreads challenge is sitting at {v} books.",
    ),
    "reading_goal.change": (
        "Ambitious me moved the book goal up to {v}.",
        "Ok, {old} books was too easy, new plan is {v}.",
        "Upped the number of books I'm aiming for this year to {v}.",
    ),
    "running_pb.state": (
        "My 5k time to beat is {v}.",
        "Still chasing anything under my {v} 5k.",
        "On a good day I can do a 5k in {v}, that's my record.",
    ),
    "running_pb.change": (
        "Knocked my 5k down to {v} at parkrun this morning!",
        "Crossed the 5k line in {v}, fastest ever, so long {old}.",
        "Watch says {v} for the 5k, that's a personal record.",
    ),
    "salary.state": (
        "I'm pulling in ${v} a year at the moment.",
        "For context, I'm on ${v} a year before tax.",
        "${v} per year, that's what my contract says.",
    ),
    "salary.change": (
        "My manager came through, ${v} a year starting this month.",
        "Negotiated my way up to ${v}.",
        "Payroll confirmed it, I'm at ${v} now instead of ${old}.",
    ),
    "pet_name": (
        "This {species} of mine, {v}, is the neediest creature alive.",
        "Vet bill for {v}, my {species}, was brutal.",
        "Family vote is in: the new {species} is officially {v}.",
    ),
    "family_member": (
        "Picking {v} up from the airport later, my {rel} is finally visiting.",
        "{v}, my {rel}, is crashing on my couch this week.",
        "Got roped into painting the fence with my {rel}, {v}, all Saturday.",
    ),
    "hometown": (
        "Summers as a kid in {v} were all about the lake.",
        "Did all my schooling in {v} till I was eighteen, so that's home-home.",
        "Whenever someone asks where I'm from, the answer's {v}.",
    ),
    "allergic_to": (
        "My EpiPen and I are inseparable thanks to {v}.",
        "Anything involving {v} sends my immune system into a meltdown.",
        "I break out in hives around {v}.",
    ),
    "plays_instrument": (
        "My poor neighbours have heard a lot of me practising the {v} lately.",
        "Finally nailed that tricky passage on the {v}.",
        "Fingers sore from an hour on the {v}.",
    ),
    "speaks_language": (
        "Been working through {v} grammar books, the verb tables are killing me.",
        "My {v} is getting good enough to order food without panicking.",
        "Watching shows in {v} with subtitles to practise.",
    ),
    "favourite_drink": (
        "Honestly {v} is half my personality.",
        "If you're buying, mine's {v}.",
        "The barista sees me coming and starts on my {v}.",
    ),
    "likes": (
        "{v}? Count me in every single time.",
        "I could talk about {v} for hours.",
        "I'm a sucker for {v}.",
    ),
    "dislikes": (
        "Honestly, {v}? That's a dealbreaker for me.",
        "Not a fan of {v}, never have been.",
        "You will never catch me choosing {v}.",
    ),
    "assistant_recommended": (
        "Honestly, for {ctx} I'd go with {v}. {alts} would also work in a pinch.",
        "{v} is the one I'd reach for when it comes to {ctx}; if that doesn't click, {alts} are worth a look.",
    ),
    "anchor_trip": (
        "Flights are booked: {v}, leaving {date}.",
        "Counting down to {date}, which is when I fly out to {v}.",
    ),
    "anchored_event": (
        "The night before I took off for {anchor}, I {v}.",
        "I {v}, and the very next day I was off to {anchor}.",
    ),
}

QUESTIONS_HELDOUT2: dict[str, tuple[str, ...]] = {
    "ssu.pet_name": ("What name did my {species} end up with again?", "Refresh my memory, my {species} goes by what?",
                     "whats my {species}s name, i totally blanked"),
    "ssu.family_member": ("My {rel}, what's their name again? It's on the tip of my tongue.",
                          "Who's my {rel} again, name-wise?", "Do you remember what my {rel} is called?"),
    "ssu.hometown": ("If someone asked where I'm from, what would I say?", "Which town did I do my growing up in?",
                     "Where was I a kid?"),
    "ssu.allergic_to": ("What sets off my allergy again?",
                        "If you were cooking for me, what would you have to leave out because of my allergy?",
                        "What did I tell you I react badly to?"),
    "ssu.plays_instrument": ("What have I been practising, music-wise?", "What instrument did I take up?",
                             "What am I making noise on every evening, instrument-wise?"),
    "ssu.speaks_language": ("What language have I been practising?", "Which language are my flashcards in?",
                            "What language am I hoping to be fluent in someday?"),
    "ssu.favourite_drink": ("What's my usual drink order?", "If you were buying me a drink, what would I want?",
                            "What's the one drink I can't live without?"),
    "ssu.bought_store": ("Where'd I pick up {item}?", "Who sold me {item}?", "Remind me where {item} was bought?"),
    "ssu.bought_price": ("How much did {item} set me back?", "What was the damage for {item}?",
                         "Price check: what did {item} run me?"),
    "ssa": ("What was that {cat} you thought would suit {ctx}?",
            "When I asked about {ctx}, what {cat} came up as your top pick?",
            "I forgot the {cat} you picked out for {ctx}, what was it?"),
    "ms.count": ("Going by what I've told you, how many {noun} have I {verb_pp}?",
                 "Do a quick tally: {noun} I've {verb_pp}, how many?",
                 "How many different {noun} have I {verb_pp}, by your count?"),
    "ms.sum": ("All the shopping I've told you about, what does it come to?",
               "How much money have I dropped on stuff I mentioned buying?",
               "What's my total damage on purchases so far?"),
    "ms.list": ("Where have my travels taken me, city by city?", "Run me through the cities I've been to.",
                "What places have I had trips to?"),
    "tr.days_between": ("How long, in days, between {A} and {B}?",
                        "What was the gap in days separating {A} from {B}?",
                        "How far apart, in days, were {A} and {B}?"),
    "tr.weeks_between": ("How many weeks went by between {A} and {B}, give or take?",
                         "In weeks, what's the gap between {A} and {B}?"),
    "tr.which_first": ("What came first for me, {A} or {B}?", "Which was earlier: {A}, or {B}?",
                       "Did {B} happen before {A}, or after? Which one came first?"),
    "tr.days_ago": ("How long ago was {A}, in days?", "It's been how many days now since {A}?",
                    "Number of days since {A}?"),
    "tr.weeks_ago": ("How many weeks back was {A}?", "About how many weeks are we past {A} now?"),
    "tr.event_date": ("What day was it that I {vp}? The actual date.", "Can you tell me the date I {vp}?",
                      "When exactly did I {vp}? I need the date."),
    "tr.order3": ("Can you line these up from earliest to latest: {A}, {B}, {C}?",
                  "Which order did these go in: {A}, {B}, {C}?", "Oldest to newest, please: {A}, {B}, {C}."),
}

# knowledge-update phrasing per predicate: (current, previous, when-changed), each several ways
KU_QUESTIONS_HELDOUT2: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "lives_in": (("What city do I call home these days?", "Where's home for me right now?"),
                 ("Which city did I leave behind when I went to {v}?", "Before {v}, where was home?"),
                 ("When did I get settled in {v}?", "What date did {v} become home?")),
    "works_at": (("Who signs my paychecks these days?", "What company am I with right now?"),
                 ("Who was I working for before {v}?", "Which company did I leave for {v}?"),
                 ("When did {v} become my employer?", "When did I make the jump to {v}?")),
    "job_title": (("What's my job these days, title-wise?", "What does my business card say I am now?"),
                  ("What title did I have before {v}?", "What was I doing before the {v} job?"),
                  ("When did I get the {v} title?", "When did I step into the {v} job?")),
    "drives": (("What am I driving around in these days?", "What's my ride right now?"),
               ("Which car got replaced by the {v}?", "What was I driving pre-{v}?"),
               ("When did the {v} come into my life?", "When did I switch over to the {v}?")),
    "phone": (("What phone am I carrying around now?", "Which phone's in my pocket these days?"),
              ("Which phone did the {v} replace?", "What was I using before the {v}?"),
              ("When did I get set up with the {v}?", "When did the {v} become my phone?")),
    "gym": (("Which gym has my membership right now?", "Where do I train nowadays?"),
            ("Which gym did I leave for {v}?", "Where did I train before {v}?"),
            ("When did I switch my membership over to {v}?", "When did I start training at {v}?")),
    "commute": (("How am I getting to work nowadays?", "What's my way into the office right now?"),
                ("How did I get to work before I switched to going {v}?", "Before going {v}, how did I commute?"),
                ("When did I start getting to work {v}?", "When did going {v} become my routine?")),
    "rent": (("What's my rent these days?", "How much does my landlord get from me each month now?"),
             ("What was my rent before it went to ${v}?", "Before the ${v} rent, what was I paying?"),
             ("When did my rent go to ${v}?", "When did I start paying ${v} a month?")),
    "reading_goal": (("How many books am I aiming to read this year now?", "What's the book target I'm going for right now?"),
                     ("What was my book goal before I changed it to {v}?", "Before the {v}-book goal, what was I aiming for?"),
                     ("When did I move my reading goal to {v}?", "When did {v} books become the goal?")),
    "running_pb": (("What's my best 5k time right now?", "How fast is my fastest 5k these days?"),
                   ("What was my 5k record before {v}?", "Before I ran {v}, what was my best 5k?"),
                   ("When did I run my {v} 5k?", "When did I hit {v} in the 5k?")),
    "salary": (("How much am I making a year right now?", "What's my yearly pay at this point?"),
               ("What was I earning before I got to ${v}?", "Before ${v}, what did my salary look like?"),
               ("When did my pay go up to ${v}?", "When did I start making ${v}?")),
}

SSP_REQUESTS_HELDOUT2: dict[str, tuple[str, ...]] = {
    "cooking": ("I've got an hour and an empty stomach, what should I make?",
                "Running out of dinner ideas, help me pick something to cook?"),
    "travel": ("I have vacation days burning a hole in my pocket, where should I go?",
               "Help me pick somewhere for a little getaway?"),
    "reading": ("Just finished my book and I'm lost, what do I pick up next?", "What should go on my nightstand next?"),
    "music": ("Need something new in my ears, any suggestions?", "What should I have playing in the background tonight?"),
    "fitness": ("I'm getting restless, what kind of workout should I do this week?", "Suggest something to get me moving?"),
    "films": ("It's couch night, what should we put on?", "Got a film in mind for me tonight?"),
}

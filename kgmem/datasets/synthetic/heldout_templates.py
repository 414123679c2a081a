"""HELD-OUT template family — DO NOT READ while writing extraction, retrieval or planner rules.

Engineers working on kgmem's extraction patterns, query planner or retrieval must not open this
file: the held-out family exists to measure how rules generalise to phrasings they were not
written against (``--families heldout`` and the ``template_family`` field of the gold sidecar).
Only the synthetic generator imports it.
"""

from __future__ import annotations

FACTS_HELDOUT: dict[str, tuple[str, ...]] = {
    "visited": ("Got some sun in {v} {when}, what a place.", "{when_cap} we did a little escape to {v}."),
    "attended": ("Caught {v} {when}, still buzzing.", "Ended up at {v} {when}."),
    "event": ("Update on my life: {when} I {v}.", "Ticked one thing off: I {v} {when}."),
    "bought": ("Dropped ${price} on {v} at {store} {when}.", "{v} from {store}, ${price}, {when}. Treat yourself, right?"),
    "read_book": ("Polished off {v} in a couple of sittings.", "Turned the last page of {v} yesterday."),
    "watched": ("Sat down and streamed {v} finally.", "{v} was our movie pick and we saw it through."),
    "lives_in.state": ("Home for me is {v} right now.", "Greetings from {v}, where I'm living."),
    "lives_in.change": ("New address, new city: {v}. {old} is behind me.", "Unpacked the last boxes in {v} today."),
    "works_at.state": ("I'm on the payroll at {v}.", "Work-wise I'm with {v}."),
    "works_at.change": ("Handed in my notice at {old}; {v} is my new employer.", "Day one at {v} done."),
    "job_title.state": ("My day job: {v}.", "Professionally I'm a {v}."),
    "job_title.change": ("The {v} title is mine as of this month.", "Went from {old} to {v}, new business cards and all."),
    "drives.state": ("Getting around in my {v} as usual.", "The car in my driveway is a {v}."),
    "drives.change": ("Picked up the keys to a {v}; the {old} is gone.", "Behind the wheel of a {v} these days."),
    "phone.state": ("Typing this on my {v}.", "Phone-wise I'm a {v} person."),
    "phone.change": ("Retired the {old}, unboxed a {v}.", "Typing this from the new {v}."),
    "gym.state": ("Sweating it out at {v} most days.", "My membership is with {v}."),
    "gym.change": ("Signed up at {v}, dropped {old}.", "{v} is where I lift now."),
    "commute.state": ("Daily trip to work: {v}.", "Work runs happen {v} for me."),
    "commute.change": ("Swapped going {old} for going {v}.", "Work trips are {v} now."),
    "rent.state": ("Housing costs me ${v} each month.", "${v}/month goes to my landlord."),
    "rent.change": ("Lease renewal bumped me to ${v}/month.", "Landlord now wants ${v} monthly."),
    "reading_goal.state": ("Target for the year: {v} books.", "Hoping to get through {v} books in total this year."),
    "reading_goal.change": ("Reading target revised: {v} books.", "Scrapped the {old}-book plan, going for {v}."),
    "running_pb.state": ("5k best stands at {v}.", "Fastest I've done 5k in is {v}."),
    "running_pb.change": ("Shaved my 5k down to {v}.", "Clocked {v} for 5k today, a PB."),
    "salary.state": ("Pay-wise I'm at ${v} annually.", "${v} a year is what I bring in."),
    "salary.change": ("Compensation review: ${v} now.", "Pay went up to ${v}/year."),
    "pet_name": ("The {species} in my life is {v}.", "{v} the {species} says hi."),
    "family_member": ("Dinner with {v} tonight, my {rel}.", "{v} (that's my {rel}) sent me a meme."),
    "hometown": ("{v} is where I spent my childhood.", "Childhood was in {v} for me."),
    "allergic_to": ("{v} and I do not mix, allergy-wise.", "Got to keep away from {v}, allergies."),
    "plays_instrument": ("Evenings are for {v} practice.", "My {v} teacher says I'm improving."),
    "speaks_language": ("Duolingo streak going strong in {v}.", "Trying to get conversational in {v}."),
    "favourite_drink": ("{v}, always {v}, is what I drink.", "My order is always {v}."),
    "likes": ("Anything with {v} wins me over.", "Big yes to {v}, always."),
    "dislikes": ("Hard pass on {v}.", "Steer me away from {v}, please."),
    "assistant_recommended": ("Given what you need for {ctx}, {v} is the one. Runner-ups: {alts}.",),
    "anchor_trip": ("Heading to {v} come {date}.",),
    "anchored_event": ("On the eve of flying out to {anchor}, I {v}.",),
}

QUESTIONS_HELDOUT: dict[str, tuple[str, ...]] = {
    "ssu.pet_name": ("Remind me, what's my {species} called?",),
    "ssu.family_member": ("Remind me of my {rel}'s name?",),
    "ssu.hometown": ("Which place did I spend my childhood in?",),
    "ssu.allergic_to": ("Which thing did I say I'm allergic to?",),
    "ssu.plays_instrument": ("Which instrument have I been playing?",),
    "ssu.speaks_language": ("Which language have I been studying?",),
    "ssu.favourite_drink": ("Which drink do I always go for?",),
    "ssu.bought_store": ("Which shop was {item} from?",),
    "ssu.bought_price": ("What was the price of {item}?",),
    "ssa": ("Remind me which {cat} you pointed me to for {ctx}?",),
    "ms.count": ("What's the total number of {noun} I've {verb_pp}?",),
    "ms.sum": ("Add up everything I bought: what's the total spend?",),
    "ms.list": ("Name every city I've been to that I told you about.",),
    "tr.days_between": ("Count the days from {A} to {B}.",),
    "tr.weeks_between": ("Roughly how many weeks separate {A} and {B}?",),
    "tr.which_first": ("{A} or {B}: which one came earlier?",),
    "tr.days_ago": ("Counting back from today, how many days since {A}?",),
    "tr.weeks_ago": ("Counting back from today, how many weeks since {A}?",),
    "tr.event_date": ("Which calendar date was it that I {vp}?",),
    "tr.order3": ("Sort by date: {A}, {B}, {C}.",),
}

KU_QUESTIONS_HELDOUT: dict[str, tuple[str, str, str]] = {
    "lives_in": ("Which city am I based in at the moment?", "Which city was home before {v}?", "On what date did I relocate to {v}?"),
    "works_at": ("Who is my employer at present?", "Who employed me prior to {v}?", "On what date did I join {v}?"),
    "job_title": ("What's my role these days?", "Which role did I hold prior to {v}?", "On what date did I take the {v} role?"),
    "drives": ("Which car is mine at the moment?", "Which car did I have prior to the {v}?", "On what date did the {v} become mine?"),
    "phone": ("Which phone am I on at the moment?", "Which phone preceded the {v}?", "On what date did I start using the {v}?"),
    "gym": ("Where do I work out at present?", "Where did I work out prior to {v}?", "On what date did I move to {v}?"),
    "commute": ("How do I get to work these days?", "How did I get to work prior to going {v}?", "On what date did I start going {v}?"),
    "rent": ("What am I paying for rent at present?", "What did I pay in rent prior to ${v}?", "On what date did rent become ${v}?"),
    "reading_goal": ("What's my book target at present?", "What was my book target prior to {v}?", "On what date did the target become {v} books?"),
    "running_pb": ("What's my fastest 5k at present?", "What was my fastest 5k prior to {v}?", "On what date did I run {v}?"),
    "salary": ("What am I paid per year at present?", "What was I paid prior to ${v}?", "On what date did pay become ${v}?"),
}

SSP_REQUESTS_HELDOUT: dict[str, tuple[str, ...]] = {
    "cooking": ("Dinner's on me tonight, what could I cook?",),
    "travel": ("Got a few free days, where could I escape to?",),
    "reading": ("Out of books, what's next for me?",),
    "music": ("Fill my headphones: what should I put on?",),
    "fitness": ("Need a new way to move my body, ideas?",),
    "films": ("Movie night: what's the pick?",),
}

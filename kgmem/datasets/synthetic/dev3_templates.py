"""Template family ``dev3``: a DEVELOPMENT family — read it, develop against it, quote it.

Written on 2026-12-06 by an outside author (au22) who did not read kgmem's extraction, retrieval,
answer or memory code, nor the held-out families, from the brief the ``heldout2`` author had: "a
chattier, more indirect voice, where the fact is implied by what happened rather than stated with
the obvious verb". Mixed registers on purpose: texting, rambling, asides, parentheticals, the fact
inside a question or a complaint, lower case and the odd typo (never inside a value), and two
clauses with the fact in the second. The never-tuned twin written from the same brief is
``heldout3``; this one exists so that engineers can see the classes of sentence that make such a
family hard.

Slots are the dev family's (:mod:`templates`): ``{v}`` the value, ``{when}``/``{when_cap}`` the
event's time (every dated event keeps one: the gold date is resolved from it), ``{old}`` the
superseded value, ``{store}``/``{price}`` of a purchase, ``{species}``, ``{rel}``, ``{ctx}``/
``{alts}`` of a recommendation, ``{date}`` of the anchor trip and ``{anchor}`` its city. A change
(``*.change``) happens on the day it is told, so its sentence names no other day. Questions, the
knowledge-update questions and the preference requests are in :mod:`dev3_questions`.
"""

from __future__ import annotations

from kgmem.datasets.synthetic.dev3_questions import (
    KU_QUESTIONS_DEV3,
    QUESTIONS_DEV3,
    SSP_REQUESTS_DEV3,
)

__all__ = ["FACTS_DEV3", "KU_QUESTIONS_DEV3", "QUESTIONS_DEV3", "SSP_REQUESTS_DEV3"]

FACTS_DEV3: dict[str, tuple[str, ...]] = {
    # ---- dated events (the time slot is required) -------------------------------------------
    "visited": (
        "Still finding sand from {v} in my shoes, and we only got back {when}.",
        "ok so the pictures from {v} {when} came out way better than I expected, the light there is unreal",
        "Work was chaos all week, but {when} I was wandering the old streets of {v} with a pastry in each hand.",
        "Does anyone actually enjoy a red-eye? The one home from {v} {when} nearly broke me.",
        "My sunburn is a souvenir from {v} {when} (forgot the sunscreen, obviously).",
        "{when_cap} my phone decided {v} was the perfect place to die, so no photos of the harbour, sadly.",
    ),
    "attended": (
        "My voice is completely shot after {v} {when}, worth it though.",
        "{when_cap} we queued for an hour at {v} and I'd do it again tmrw",
        "Is it normal to still be tired two days later? {v} {when} wiped me out.",
        "{when_cap}, long story short, I was at {v} and my feet have not forgiven me.",
        "The wristband from {v} {when} is still on, I can't bring myself to cut it off.",
        "Totally forgot to tell you, {when} I ended up at {v} (a friend had a spare ticket).",
    ),
    "event": (
        "Finally {v} {when}, one less thing hanging over me.",
        "Crossed something big off the list {when}: I {v}.",
        "guess what, I {v} {when}!! still can't quite believe it",
        "The week was a blur, but {when} I {v}, so at least there's that.",
        "{when_cap} I {v} — took me long enough, honestly.",
        "Mum asked what's new, so I told her I {v} {when} and she nearly cried.",
    ),
    "bought": (
        "{when_cap} I walked out of {store} with {v} and ${price} less in my account.",
        "caved {when} and got {v} at {store}... ${price}, don't tell anyone",
        "Is ${price} too much for {v}? Too late anyway, I paid {store} {when}.",
        "Money's tight this month and yet {when} I still paid ${price} for {v} at {store}.",
        "The bank app keeps reminding me: ${price} at {store} {when}, for {v}. Worth it, mostly.",
        "{when_cap} there was a sale at {store}, so {v} came home with me for ${price}.",
    ),
    # ---- things read and watched (undated, like the dev family) -----------------------------
    "read_book": (
        "Stayed up way past midnight to get to the last page of {v}, and now I'm wrecked.",
        "That twist near the end of {v}? I had to put the book down and walk around the room.",
        "Returned {v} to the library today, every page read, and I already miss it.",
        "My train commute flew by thanks to {v}; I turned the final page just as we pulled in.",
        "ngl the ending of {v} made me cry on the bus, finished it this week",
    ),
    "watched": (
        "The ending of {v} wrecked me, I need a day to recover.",
        "Spent my whole Sunday on the couch with {v}, no regrets whatsoever.",
        "Why did nobody warn me about the soundtrack in {v}? I had it on repeat after the credits rolled.",
        "Put {v} on last night and the popcorn was gone before the first half was over.",
        "still thinking about that final scene of {v}, we saw it the other night",
    ),
    # ---- states (told in passing) and changes (they happen on the day told) -----------------
    "lives_in.state": (
        "The humidity in {v} this week is unreal, my whole flat smells like a swamp.",
        "Walking home through {v} after dark is my favourite part of the day.",
        "My landlord here in {v} still hasn't fixed the heating, third email sent.",
        "Why does every café in {v} close at 4pm? Where am I supposed to work on weekends?",
        "Grocery prices around my place in {v} keep creeping up.",
        "the neighbours in my building in {v} are having another party, send earplugs",
    ),
    "lives_in.change": (
        "The movers dropped the last box at our new place in {v}, and I'm sitting on it right now.",
        "Handed back the keys in {old} this morning; tonight I'm sleeping on a mattress on the floor in {v}.",
        "Changed my address to {v} with the bank today, so it's official: no more {old} for me.",
        "Unpacking is endless, but the view from the new flat in {v} makes up for it.",
        "Everything I own fit in one van, and as of today it's all in {v}.",
        "first night in {v} and I already got lost walking back from the shop lol",
    ),
    "works_at.state": (
        "Why does everyone at {v} schedule meetings at 4:30 on a Friday??",
        "The coffee machine on my floor at {v} broke again, productivity is at zero.",
        "IT at {v} locked me out of my laptop for the third time this month.",
        "My badge for {v} stopped working at the door this morning, so I stood outside like a stranger.",
        "Payroll at {v} messed up again, and I had to chase them all afternoon.",
        "what a day, the quarterly review at {v} ran two hours over",
    ),
    "works_at.change": (
        "My badge for {v} came through today, so I guess I really work there now.",
        "Handed in my laptop at {old} and picked up a brand new one at {v} the same afternoon.",
        "First standup at {v} this morning, and I didn't understand half the acronyms.",
        "Signed the contract with {v} today, and my farewell card from {old} is on the fridge.",
        "The onboarding folder {v} gave me is thicker than a phone book.",
        "new job who dis — {v} sent me the welcome email with my login this morning",
    ),
    "job_title.state": (
        "Half my week as {v} is meetings about meetings.",
        "When people ask what I do I just say {v} and watch their eyes glaze over.",
        "The email signature says {v}, but some days I feel like a full-time firefighter.",
        "Is it weird that after years as {v} I still get nervous before presentations?",
        "work thing: being {v} means my phone never really goes quiet",
    ),
    "job_title.change": (
        "New business cards arrived today with {v} printed under my name.",
        "The promotion went through this morning: {v} on the org chart now, not {old}.",
        "My boss announced it at the all-hands today, my title is {v} from now on.",
        "Updated my LinkedIn today — goodbye {old}, hello {v}.",
        "Had to rewrite my email signature this afternoon, it says {v} now.",
    ),
    "drives.state": (
        "Filled up the {v} this morning and the price made me wince.",
        "Parallel parking my {v} downtown is a nightmare every single time.",
        "The {v} is making a weird rattling noise again, is that something I should worry about?",
        "Dog hair everywhere in the back seat of my {v}, no idea how to get it out.",
        "road trip this weekend, my {v} has 200k miles on it so fingers crossed",
    ),
    "drives.change": (
        "Picked up the keys to my {v} today, and the dealer took the old {old} off my hands.",
        "The {v} is sitting in my driveway right now and I keep looking out the window at it.",
        "Signed the papers on a {v} this afternoon; the {old} goes off to auction.",
        "Insurance called today to confirm the policy switch to my new {v}.",
        "no more {old} — drove the {v} home from the dealership today grinning like an idiot",
    ),
    "phone.state": (
        "My {v} is on 9% and it's barely lunchtime.",
        "Cracked the screen on my {v} again, that's the second time this year.",
        "The camera on my {v} really can't handle low light, all my concert photos are mush.",
        "Is there a way to stop my {v} from updating in the middle of the night?",
        "ugh my {v} keeps autocorrecting my own name",
    ),
    "phone.change": (
        "Spent the evening moving all my photos over to the {v}, and the old {old} is already in a drawer.",
        "The courier just dropped off my {v} and I've been setting it up ever since.",
        "Traded in my {old} at the shop today, they gave me forty bucks toward the {v}.",
        "Every app has to be logged into again on this {v}, which I'm doing today.",
        "new phone day!! the {v} is so much faster, why did I wait",
    ),
    "gym.state": (
        "The front desk at {v} knows me by name now, which is either great or a little sad.",
        "Somebody at {v} keeps leaving the weights everywhere and it drives me nuts.",
        "Legs are dead after the Tuesday class at {v}, can barely do the stairs.",
        "Is it rude to ask people at {v} to wipe down the benches?",
        "the showers at {v} were freezing again this morning",
    ),
    "gym.change": (
        "Cancelled at {old} and did my first class at {v} this morning.",
        "Got my key fob for {v} today, the old one from {old} is going in the bin.",
        "Moved my membership over to {v} today, and it's five minutes from my door.",
        "The induction session at {v} was this afternoon, so no more {old} for me.",
        "first workout at {v} today and I already like the people more",
    ),
    "commute.state": (
        "Forty minutes {v} each way to the office, so I've gotten very into podcasts.",
        "Getting to work {v} in this weather is a whole adventure.",
        "Most mornings it's twenty minutes door to desk {v}, which I kind of like.",
        "Does anyone else plan their whole day on the way to work? Going in {v} every morning gives me time to think.",
        "the trip in {v} took forever again today, ugh",
    ),
    "commute.change": (
        "Got rid of my parking permit today, so it's {v} to the office from now on.",
        "Tried going in {v} this morning instead of {old} and I'm never going back.",
        "Starting today I get to work {v}; no more {old} for me.",
        "my new routine starts today: {v} to work, and honestly it's quicker",
        "Changed everything up this week, I'm going to the office {v} and it feels great.",
    ),
    "rent.state": (
        "Transferred ${v} to my landlord again, the first of the month never gets easier.",
        "Between the ${v} for the flat each month and groceries, there's not much left over.",
        "Is ${v} a month normal for a one-bedroom, or am I being robbed?",
        "Every month ${v} leaves my account for rent and I stare at the wall for a minute.",
        "housing costs are wild, I hand over ${v} every month for this place",
    ),
    "rent.change": (
        "The lease renewal came back today: ${v} a month from now on.",
        "My landlord just emailed, the flat costs ${v} monthly now instead of ${old}.",
        "Signed the new lease this morning, ${v} a month, which stings.",
        "So the rent on my place jumped to ${v} as of this month, great, love that for me.",
        "the new lease says ${v}/month, up from ${old}, I need a raise",
    ),
    "reading_goal.state": (
        "Told my book club I'd get through {v} books this year, so now I have to.",
        "My Goodreads challenge says {v} books this year and I'm already behind.",
        "Aiming for {v} books before New Year's, audiobooks count, fight me.",
        "Is {v} books a year ambitious or lazy? That's what I've signed up for.",
        "the tracker on my wall has {v} little boxes for this year's books",
    ),
    "reading_goal.change": (
        "Bumped my Goodreads challenge up to {v} books today, from {old}.",
        "I was too easy on myself, so as of today the target is {v} books this year.",
        "Rewrote the tracker on my wall this morning, now it has {v} boxes instead of {old}.",
        "New plan for this year's reading: {v} books, not {old}.",
        "upped it today — {v} books this year, the book club dared me",
    ),
    "running_pb.state": (
        "My watch still says {v} is my fastest 5k, and it's been mocking me for months.",
        "Is {v} for a 5k decent? It's the best I've managed so far.",
        "Trying to get under {v} in the 5k, that's the time to beat.",
        "my best 5k is still sitting at {v}",
        "Parkrun again on Saturday, still chasing my {v} from last season.",
    ),
    "running_pb.change": (
        "Crossed the 5k finish at {v} this morning, knocked a chunk off my old best of {old}.",
        "My watch beeped today with a new record: {v} for the 5k.",
        "Finally dipped under {old} at today's parkrun, {v} on the clock!!",
        "the 5k went great today — {v}, fastest ever",
        "Shaved it down to {v} in the 5k this morning, my legs are jelly.",
    ),
    "salary.state": (
        "On paper I make ${v} a year, but after rent it disappears.",
        "The bank asked for my income on the mortgage form, so I wrote ${v} and felt very adult.",
        "Is ${v} a year good for my field? I honestly have no idea.",
        "With ${v} a year coming in, I'm trying to save at least something.",
        "tax season: ${v} gross, and somehow I still owe",
    ),
    "salary.change": (
        "HR confirmed today: ${v} a year from this paycheck on.",
        "The raise went through this morning, ${v} now instead of ${old}.",
        "My new offer letter says ${v} annually, signed it today.",
        "payslip today says ${v}/year, up from ${old}, celebrating with takeout",
        "Negotiated hard and it worked, they're paying me ${v} now.",
    ),
    # ---- single-session facts (no time) ----------------------------------------------------
    "pet_name": (
        "{v} knocked my coffee off the desk again, classic {species} behaviour.",
        "Had to take {v} to the vet today, my {species} ate something off the floor again.",
        "Is it normal that my {species} {v} sleeps most of the day?",
        "The {species} is judging me again: {v} hasn't stopped staring since I got home.",
        "got {v} a new bed and the {species} sleeps next to it instead lol",
        "Half the night I was up because {v}, our {species}, decided 3am was playtime.",
    ),
    "family_member": (
        "Picking {v} up from the airport tonight, my {rel} never packs light.",
        "My {rel} {v} borrowed my drill six months ago and I'm still waiting.",
        "Is it weird to send my {rel} a birthday card when {v} never sends me one?",
        "Dinner at {v}'s this weekend, my {rel} is trying out a new recipe on us.",
        "{v} (my {rel}) called three times while I was in a meeting, panic over nothing as usual.",
        "family group chat is chaos, {v} my {rel} sent 40 photos of the garden",
    ),
    "hometown": (
        "Every time it rains like this I'm ten years old again in {v}, splashing to school.",
        "My accent still gives away that {v} is where I spent my first eighteen years.",
        "Mum still lives in the house in {v} where I had my childhood bedroom.",
        "My primary school was in {v}, and I still know every shortcut there.",
        "the bakery on the corner back in {v} is the reason I'm so picky about bread, I was a kid there",
    ),
    "allergic_to": (
        "Had to pull out the EpiPen again, {v} and me do not mix.",
        "The nurse flagged {v} on my chart again, as she should.",
        "I always have to warn people about {v} before anything else, a reaction is no joke for me.",
        "My eyes swell shut anywhere near {v}, so I always carry antihistamines.",
        "ended up in urgent care once from {v}, never again",
    ),
    "plays_instrument": (
        "My fingertips are raw from practising the {v} all weekend.",
        "The neighbours complained about the {v} again, I only play until nine!",
        "Is it too late to get good at the {v} in my thirties? I've been at it every evening.",
        "Carried the {v} to my lesson in the rain and now I'm worried about it.",
        "played the {v} for an hour tonight and my roommate left the room",
    ),
    "speaks_language": (
        "The owl keeps guilting me about my {v} streak, it's been two days.",
        "Tried out my {v} on the waiter and he answered in English, ouch.",
        "My {v} homework is due tomorrow and I still can't get the verb endings right.",
        "Flashcards for {v} are all over my desk, the vocab is slowly sticking.",
        "watching cartoons in {v} with subtitles to practise, no shame",
    ),
    "favourite_drink": (
        "Already on my third round of {v} today, don't judge me.",
        "The barista starts on my {v} the second I walk in, that's how often I'm there.",
        "If there's no {v} in the house I'm useless before ten.",
        "Is it bad that I budget for {v} before groceries?",
        "honestly {v} is a personality trait at this point",
    ),
    "likes": (
        "Put {v} in front of me and I'm happy for the whole weekend.",
        "Honestly? I'll never say no to {v}.",
        "My friends tease me because every plan I make somehow involves {v}.",
        "Anything with {v} gets my vote, every single time.",
        "can never get enough of {v} tbh",
    ),
    "dislikes": (
        "{v}? Hard pass, every time.",
        "Please keep {v} far away from anything I'm planning.",
        "I'll never understand the appeal of {v}, it just ruins it for me.",
        "Anything involving {v} and I'm quietly looking for the exit.",
        "nope nope nope, {v}: dealbreaker for me",
    ),
    # ---- assistant-said (the assistant's own register: still clear which one it picks) -----
    "assistant_recommended": (
        "Honestly, for {ctx} nothing beats {v}. {alts} are fine too, but {v} is the one I'd go with.",
        "For {ctx}, {v} would be my first choice; if that doesn't work out, {alts} are solid backups.",
        "You'll probably love {v} for {ctx}. People also rave about {alts}, but start with {v}.",
        "If it were me planning {ctx}, I'd go straight for {v}. {alts} are worth a look as a plan B.",
        "Okay, {ctx}: my money's on {v}. I could also see {alts} working, but {v} is the safest bet.",
    ),
    # ---- the anchored pair of tr.event_date ------------------------------------------------
    "anchor_trip": (
        "The boarding pass for {v} says {date}, so the countdown is on.",
        "Flights to {v} are booked for {date}, window seat and everything.",
        "Taking {date} off work because that's when I fly out to {v}.",
        "ok so {date} is the big day, I'm off to {v} and haven't packed a thing",
        "Asked my neighbour to water the plants from {date}, that's when I'm flying to {v}.",
    ),
    "anchored_event": (
        "The day before flying out to {anchor}, I {v}, talk about cutting it close.",
        "Right before the {anchor} trip (literally the day before) I {v}.",
        "In all the chaos of the eve of my {anchor} flight I somehow {v}.",
        "one day before the {anchor} trip I {v}, and then barely slept",
        "Mum reminded me I {v} the day before I left for {anchor}, as if I could forget.",
    ),
}

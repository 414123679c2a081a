"""THIRD HELD-OUT template family ("heldout3") — DO NOT READ while writing extraction, retrieval or planner rules.

Engineers working on kgmem's extraction patterns, query planner, retrieval or answer code must not
open this file: the third held-out family was written in session 17 by an author who had not read
kgmem's extraction, retrieval or answer code, nor the other families' wording, and exists to measure
how rules generalise to phrasings nobody tuned on (``--families heldout3`` and the
``template_family`` field of the gold sidecar). Only the synthetic generator imports it. Never tune on it.
"""
# Voices (the brief: "a chattier, more indirect voice, where the fact is implied by what happened
# rather than stated with the obvious verb"): a voice-dictated run-on, a retiree's formal letter, a
# teenager's slang, a non-native speaker's slightly odd English, a busy parent's fragments, a
# complaint, a question to the assistant, the fact after a distracting aside.
#
# Time: an event template always carries {when}/{when_cap} and says nothing else about time (the
# gold dates the event by it); a state or change template carries no time expression at all (the
# gold dates a change by the session), except "today"/"this morning", which mean the session's day.

from __future__ import annotations

from kgmem.datasets.synthetic.heldout3_questions import (
    KU_QUESTIONS_HELDOUT3,
    QUESTIONS_HELDOUT3,
    SSP_REQUESTS_HELDOUT3,
)

__all__ = ["FACTS_HELDOUT3", "KU_QUESTIONS_HELDOUT3", "QUESTIONS_HELDOUT3", "SSP_REQUESTS_HELDOUT3"]

FACTS_HELDOUT3: dict[str, tuple[str, ...]] = {
    # ---- dated events ({when} is the day it happened) -------------------------------------
    "visited": (
        "{when_cap} I was eating my body weight in pastries in {v}, so please don't mention diets today.",
        "My feet are still complaining about all the cobblestones in {v} {when}.",
        "so {when} I ended up in {v} for the day and honestly the train ride there was half the fun",
        "{when_cap} I make a day trip to {v}, it was very beautiful but my camera battery is dying early.",
        "The hostel in {v} where I crashed {when} had a cat at the front desk, ten out of ten would return.",
        "Ugh, I left my favourite scarf in a café in {v} {when} and I'm still sad about it.",
    ),
    "attended": (
        "My phone died halfway through {v} {when}, so no photos, sorry.",
        "Paid an absolutely criminal amount for parking at {v} {when}.",
        "ngl {v} {when} was lowkey the best time I've had in months",
        "I had the pleasure of being in attendance at {v} {when}, and found the whole affair most agreeable.",
        "{when_cap} my friend take me with her to {v}, after I was very tired but happy.",
        "The queue for the toilets at {v} {when} was longer than the actual programme, why is it always like this?",
    ),
    "event": (
        "Can't believe I finally {v} {when}, one less thing on the list stuck to my fridge.",
        "{when_cap}, somewhere between school pickup and dinner, I {v}. Don't ask me how.",
        "It may interest you to know that I {v} {when}, a modest milestone at my age.",
        "anyway I {v} {when} and then went straight to bed because what a day",
        "Is it normal to feel this wiped out? I {v} {when} and I've been useless since.",
        "I {v} {when}, so this is finish for me now, very happy.",
    ),
    "bought": (
        "Walked out of {store} {when} with {v} and ${price} less in my account.",
        "{when_cap} I caved: {v}, ${price}, {store}. My banking app is judging me.",
        "Did I overpay? I got charged ${price} at {store} for {v} {when}.",
        "{when_cap} I take {v} home from {store}, I pay ${price}, is this good price?",
        "Kids begged, I folded: {v} from {store} {when}, ${price}, gone in one swipe.",
        "I must confess that I parted with ${price} at {store} {when} in exchange for {v}.",
    ),
    # ---- undated events -------------------------------------------------------------------
    "read_book": (
        "Stayed up till 2am to get to the last page of {v}, zero regrets.",
        "I keep thinking about the ending of {v} now that I've turned the final page.",
        "The book {v} I have finished, the ending make me cry on the metro.",
        "{v} had me in tears on the bus, got through the whole thing in like two days",
        "My library copy of {v} is due back and for once I actually made it to the end.",
        "I closed {v} for the last time with some regret; it kept me company for many evenings.",
    ),
    "watched": (
        "I sobbed through the last twenty minutes of {v}, no shame whatsoever.",
        "With my husband I see {v} on the sofa, he liked it more than me.",
        "ok {v} has been living in my head rent free ever since the credits rolled",
        "Can someone explain the ending of {v} to me? Just got to the credits and I'm lost.",
        "My grandson insisted I sit through {v} with him, and I confess I enjoyed it.",
        "Kids asleep, popcorn made, {v} done in one sitting. Parenting win.",
    ),
    # ---- states (nothing here dates anything) -----------------------------------------------
    "lives_in.state": (
        "Every plumber in {v} is booked for weeks and my kitchen sink is leaking, any ideas?",
        "I am living in {v} since some years, the winters here are very long for me.",
        "The heating bill for my flat in {v} this winter is making me cry.",
        "Our little street in {v} has been repaved at last, after years of letters from the residents.",
        "so the thing about {v} is that parking on my block is impossible and I've lived here long enough to know",
        "The bin collection in my part of {v} is a joke, third missed pickup this month.",
    ),
    "lives_in.change": (
        "Half my boxes from {old} are still taped shut in the hallway of the new place in {v}.",
        "The neighbours in {v} brought cookies over, which never once happened to me in {old}.",
        "Changing my address to {v} on every single account is a full-time job.",
        "Now my home is in {v}, not {old} anymore, everything is new for me.",
        "Kids have new schools, I have a new commute, we have a new postcode in {v}. Chaos.",
        "Could you help me write a note to my old neighbours in {old}? I miss them already here in {v}.",
    ),
    "works_at.state": (
        "Another all-hands at {v} that absolutely could have been an email.",
        "My badge at {v} stopped working so I was stuck in the lobby for twenty minutes.",
        "Is it normal for a manager to message at 11pm? Mine at {v} does it constantly.",
        "In my company, {v}, we have very many meetings, too many I think.",
        "the printer at {v} jammed again right before my big presentation so that was fun",
        "Packed lunches for three kids, then a full day at {v}, then soccer practice. Send coffee.",
    ),
    "works_at.change": (
        "Handed back my {old} laptop and picked up my {v} badge the same afternoon.",
        "Spent my first morning at {v} trying to work out the coffee machine.",
        "I am not anymore with {old}, since this week I am working by {v}.",
        "The onboarding videos at {v} are putting me to sleep, any tips to survive them?",
        "First payslip from {v} just landed and it beats anything {old} ever paid me.",
        "new lanyard new desk new everything, turns out {v} gives you free snacks too",
    ),
    "job_title.state": (
        "My business cards say {v}, and somehow people still ask me to fix their printers.",
        "I am working like {v} in a small company, the hours are long.",
        "My {v} job means I'm on call some weekends, which my kids love. Not.",
        "People see '{v}' on my name badge and assume I can fix any problem; I can't.",
        "Could you help me polish my LinkedIn summary? It says {v} under my name and then reads like a robot wrote it.",
        "Most of my {v} days go on emails, if I'm honest.",
    ),
    "job_title.change": (
        "My email signature says {v} now instead of {old}, still getting used to seeing it.",
        "The promotion went through, so it's {v} on the door of my office from today.",
        "Finally they give me the {v} position, no more {old} for me.",
        "I need a new headline for my profile; {old} is out of date since they made me {v}.",
        "HR sent the paperwork and I signed it: {v}, effective immediately. Celebrating with cake.",
    ),
    "drives.state": (
        "My {v} is at the mechanic again, so it's buses for me this week.",
        "How often should I rotate the tyres on my {v}?",
        "My car, a {v}, is making strange noise when I push the brake.",
        "my {v} is held together with duct tape and vibes at this point",
        "Crumbs, juice boxes, one sock: the back seat of my {v} in a nutshell.",
    ),
    "drives.change": (
        "Handed over the keys to the {old}, and the {v} in my driveway still doesn't feel real.",
        "Still figuring out what half the buttons in my new {v} do.",
        "Picked up the keys to my {v} today and drove it straight to my mum's to show off.",
        "I have given away my old {old}, now in the garage is a {v}, very comfortable.",
        "The insurance on the {v} is higher than it ever was on the {old}, typical.",
    ),
    "phone.state": (
        "The screen on my {v} is cracked in three places and I refuse to care.",
        "Can you tell me how to free up storage on a {v}? Mine is full again.",
        "My telephone is {v}, it is old but still working fine.",
        "my {v} overheats every time I open the camera, is that a me problem",
        "Toddler dropped my {v} in the bath. It survived. I barely did.",
    ),
    "phone.change": (
        "Setting up the {v} took all evening and I still lost my chats from the {old}.",
        "Finally retired the {old}; the camera on the {v} is unreal.",
        "How do I turn off the keyboard clicks on the {v}? Only had it since this morning.",
        "The {old} is in a drawer now, I am learning the {v}, many new functions.",
        "Moving everything across to the {v} today, so if I go quiet, that's why.",
    ),
    "gym.state": (
        "The squat racks at {v} are always taken at 6pm, it drives me up the wall.",
        "Somebody walked off with my lock from the changing room at {v}.",
        "Every morning I go training in {v}, it is close to my house.",
        "still sore from leg day at {v}, stairs are my enemy",
        "Dropped the kids, thirty minutes at {v}, back before the school bell. Barely.",
    ),
    "gym.change": (
        "Cancelling {old} took three phone calls, but my key fob for {v} works now.",
        "The changing rooms at {v} are so much nicer than the ones at {old}.",
        "My first spin class at {v} nearly finished me off.",
        "I stop with {old}, now I am member in {v}, it is cheaper.",
        "Do you have a beginner plan I could follow at {v}? The machines there are new to me.",
    ),
    "commute.state": (
        "Got absolutely soaked getting to work {v} this morning.",
        "Podcasts are the only thing that get me through going in {v} every day.",
        "To my work I go always {v}, it takes around forty minutes.",
        "Is there any way to make getting to the office {v} less miserable in winter?",
        "school run, then off to work {v}, then home, then dinner, repeat forever",
    ),
    "commute.change": (
        "Gave up going in {old}; I get to the office {v} these days and I'm much calmer.",
        "Since the office moved, it's {v} for me every morning instead of {old}.",
        "Now I am going to my work {v}, before it was {old}, this is better.",
        "Getting to work {v} is taking some getting used to after years of going {old}.",
        "no more going in {old} for me, it's {v} from now on and my step count is thrilled",
    ),
    "rent.state": (
        "${v} a month for a flat with no dishwasher, can you believe it?",
        "Once I send the landlord ${v} every month there's not a lot left over.",
        "For my apartment I am paying every month ${v}, it's too much for me.",
        "Could you help me with a budget? ${v} of my pension goes on rent each month.",
        "honestly ${v} a month for rent and the shower still only does lukewarm",
    ),
    "rent.change": (
        "The landlord's letter arrived: ${v} a month from now on, up from ${old}.",
        "Signed the renewal at ${v} a month, grumbling the whole time.",
        "Landlord make my rent more expensive, now I pay ${v} each month, before ${old}.",
        "Is it even legal to jump from ${old} to ${v} a month in one go? Because that's what my rent just did.",
        "New lease, new number: ${v} every month, and the kids still share a room.",
    ),
    "reading_goal.state": (
        "I told my book club I'd get through {v} books this year, so no pressure.",
        "My reading challenge app says {v} books and I'm already behind.",
        "This year I want to finish {v} books, it is my promise to myself.",
        "{v} books before New Year's Eve, that's the deal I made with myself. Audiobooks count.",
        "I have resolved to complete {v} books over the course of this year, eyesight permitting.",
    ),
    "reading_goal.change": (
        "I was way ahead of pace, so my reading challenge app now says {v} books.",
        "{old} books felt too easy, so I'm going for {v} this year.",
        "I make my book target bigger, now it is {v} books, before it was {old}.",
        "Bumped myself up to {v} books for the year, someone please stop me.",
        "The book club dared me, so the yearly count I'm chasing is {v} now, not {old}.",
    ),
    "running_pb.state": (
        "My watch still has {v} saved as my 5k record and I can't get anywhere near it.",
        "My best time for 5 kilometres is {v}, I want to make it faster.",
        "{v} for a 5k is the number I'm chasing at parkrun.",
        "Is it realistic to go under my 5k best of {v} before summer?",
        "the 5k time to beat is {v} and my legs are not on board",
    ),
    "running_pb.change": (
        "Parkrun this morning: {v}! That's a new 5k record, down from {old}.",
        "My watch beeped a new 5k best at the finish line: {v}.",
        "Knocked my 5k down to {v}, bye bye {old}.",
        "My 5 kilometres is now {v}, much better than {old} before.",
        "Pushed the pushchair the whole way and still clocked {v} for the 5k. Best ever. Who am I.",
    ),
    "salary.state": (
        "My payslip says ${v} a year before tax and somehow it's never enough.",
        "My salary it is ${v} per year, in this city it is not so much.",
        "Should I ask for a raise? I'm on ${v} a year and I've been there three years.",
        "${v} a year sounds like a lot until you have two kids and a mortgage.",
        "I am paid ${v} per annum, which I consider adequate though hardly generous.",
    ),
    "salary.change": (
        "HR finally sent the letter: ${v} a year, up from ${old}.",
        "The raise came through, so my contract now reads ${v}.",
        "My boss make my salary bigger, now it is ${v} every year.",
        "Going from ${old} to ${v} a year, can you help me work out how much more I should save?",
        "pay bump!!! ${v} a year now, goodbye instant noodles",
    ),
    # ---- single-session facts -------------------------------------------------------------
    "pet_name": (
        "Had to drag my {species} to the vet, {v} hates the car with a passion.",
        "My {species}, his name is {v}, he is sleeping on my keyboard right now.",
        "my {species} {v} is the main character of this house and we all know it",
        "The vet says {v} needs to lose weight, which, fair, my {species} does raid the bin.",
        "What toys are good for a bored {species}? {v} has destroyed everything we own.",
    ),
    "family_member": (
        "{v}, my {rel}, borrowed my car and brought it back on empty again.",
        "What's a good birthday present for my {rel}? {v} has a birthday coming up and is impossible to shop for.",
        "Spent the whole afternoon on the phone with my {rel}; {v} does love to talk.",
        "My {rel}, the name is {v}, is coming to stay with us for one week.",
        "I received a lovely letter from my {rel} {v}, who writes every month without fail.",
    ),
    "hometown": (
        "When I was a kid in {v}, snow days were the best days of the year.",
        "Nobody here makes bread like the bakeries in {v} did when I was little.",
        "In {v}, where I am born and raised, we eat dinner very late.",
        "My mum still calls {v} 'home' for me even though I left at eighteen.",
        "I spent my entire childhood in {v} and have not been back since I left for university.",
    ),
    "allergic_to": (
        "The nurse flagged {v} on my chart in red again, as if I could forget after last time.",
        "Carrying antihistamines everywhere because of {v} is such a hassle.",
        "For me {v} is very dangerous, my body reacts very bad, I must check everything.",
        "I have been unable to tolerate {v} since childhood; a single exposure sends me to the doctor.",
        "Would travel insurance cover a bad reaction to {v}? Last time my throat closed up and it was scary.",
    ),
    "plays_instrument": (
        "I've got calluses from the {v} again, band practice was long.",
        "Lugging my {v} to rehearsal on the bus is a workout in itself.",
        "Every evening one hour I am practising on my {v}, the neighbours are not so happy.",
        "My teacher says my {v} playing is finally getting somewhere, which, wow, took a while.",
        "Any tips for stage fright? I'm doing a solo on the {v} at the school concert and my hands shake.",
    ),
    "speaks_language": (
        "My {v} homework is due and I still can't get the verb endings right.",
        "I conjugated {v} verbs on the bus all morning and now I'm dreaming in them.",
        "Dear assistant, at my advanced age I have taken up {v}, and the grammar is a formidable opponent.",
        "What's the difference between the two past tenses in {v}? My textbook is useless.",
        "my streak on the {v} app is at 200 days and I refuse to break it",
    ),
    "favourite_drink": (
        "If the café is out of {v} I genuinely turn around and leave.",
        "Without {v} in the morning I am not a person, really.",
        "Is it bad that I spend more on {v} than on groceries?",
        "My barista starts on my {v} the second I walk through the door.",
        "literally my whole personality rn: {v}",
    ),
    "likes": (
        "Give me {v} and I'm a happy camper.",
        "Anything with {v} and I'm sold, honestly.",
        "You can always tempt me with {v}, my friends know it too.",
        "For me, {v} is the best, I never get tired of it.",
        "{v}? Yes please, every single time.",
    ),
    "dislikes": (
        "Anything involving {v}, count me out.",
        "My partner keeps suggesting {v} and I keep finding excuses.",
        "I'd honestly pay money to avoid {v}.",
        "{v} is not for me, really, I try it but no.",
        "I have never understood the appeal of {v}, and at my age I no longer pretend to.",
    ),
    # ---- assistant-said ----------------------------------------------------------------------
    "assistant_recommended": (
        "Ooh, {ctx}! Honestly, {v} is the one I'd go for. {alts} would also work if that's not available.",
        "For {ctx}, lots of people swear by {alts}, but if you only try one, make it {v}.",
        "I'd steer you towards {v} for {ctx}. {alts} come up a lot too, but {v} suits what you described.",
        "Since it's {ctx}, my pick would be {v}; keep {alts} as a backup.",
        "Short answer for {ctx}: {v}. Longer answer: {alts} are fine, just not as good a fit.",
    ),
    # ---- anchored dates ----------------------------------------------------------------------
    "anchor_trip": (
        "Can you help me plan what to pack? I'm off to {v} on {date}.",
        "On {date} I am flying to {v}, my first time there.",
        "Tickets booked!! {v}, leaving {date}, I'm already refreshing the weather forecast.",
        "Kindly remind me to renew my passport: I depart for {v} on {date}.",
        "Grandparents have the kids, bags half packed, {v} on {date}. Counting down.",
    ),
    "anchored_event": (
        "The day before leaving for {anchor} I {v}, because apparently I like chaos.",
        "One day before my travel to {anchor}, I {v}.",
        "I {v} exactly one day ahead of my {anchor} flight, talk about timing.",
        "so the day right before I flew out to {anchor} I {v} and then packed at midnight",
        "Twenty-four hours before my {anchor} trip, I {v}. Packing happened somehow.",
    ),
}

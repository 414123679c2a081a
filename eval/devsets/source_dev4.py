"""dev4: a hand-written DEVELOPMENT answer set (auth9, 2026-12-05). Content only; build.py builds dev4.json.

Written by hand by an author who had not read kgmem's code, its data generator or its held-out
sets. Open to everyone: develop against it and report it as a set the code was developed against
(its first, blind figure is eval/results/dev4_blind.md).

Layout (the same as source_dev3.py): PERSONAS is a list of personas; each has a register, a
question date, its own sessions (id, date "YYYY-MM-DD HH:MM", turns as (role, text)), the filler
chats it gets (filler id, date) and its questions. A question's evidence is a list of (session id,
substring): every turn of that session containing the substring (case-insensitive) is an evidence
turn (``has_answer``). ``_abs`` questions have no evidence.

Extra weight on what systems get wrong: counts and sums where a friend's purchase, a declined
offer, a cancelled shift or a refunded item must not count; preferences stated in passing;
one recommendation among several things the assistant listed; updates told without change words;
relative dates ("on saturday", "since tuesday"); and near-miss ``_abs`` questions.
"""

from __future__ import annotations

U, A = "user", "assistant"

# ---------------------------------------------------------------------------------------------
# Filler chats: generic assistant help, no personal facts. Each persona gets a subset.
# ---------------------------------------------------------------------------------------------
FILLERS: dict[str, list[tuple[str, str]]] = {
    "g01": [
        (U, "What's the difference between a list and a tuple in Python?"),
        (A, "A list is mutable: you can append, remove and change items in place. A tuple is "
            "immutable: once built it cannot change, which makes it hashable (usable as a dict "
            "key or set member) as long as its items are. Use a tuple for a fixed record such as "
            "a coordinate `(x, y)`, and a list for a collection that grows or shrinks."),
        (U, "is a tuple faster"),
        (A, "Slightly, for creation and iteration, because it is a simpler object, but the gap is "
            "small. Pick on meaning (fixed record vs changing collection), not speed."),
    ],
    "g02": [
        (U, "How do I get red wine out of a light carpet?"),
        (A, "Act fast and blot, don't rub. Blot up as much as you can with kitchen roll, then "
            "dab on a mix of one tablespoon washing-up liquid, one tablespoon white vinegar and "
            "two cups of warm water. Blot again with a clean cloth, rinse with a little cold "
            "water and blot dry. For an old stain, a carpet stain remover with oxygen bleach "
            "works better; test it on a hidden corner first."),
    ],
    "g03": [
        (U, "Explain what inflation is like I'm twelve."),
        (A, "Inflation means prices in general go up over time, so the same money buys less. If "
            "a bag of sweets cost £1 last year and costs £1.10 this year, that's 10% inflation "
            "for sweets. It happens when people want to buy more than shops can supply, or when "
            "making things gets more expensive (fuel, wages, materials). A little inflation is "
            "normal; a lot means your pocket money shrinks fast."),
    ],
    "g04": [
        (U, "Regex to check a UK postcode?"),
        (A, "A practical one (not every edge case):\n\n`^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$`\n\n"
            "Use it case-insensitively and trim spaces first. It accepts SW1A 1AA, M1 1AE and "
            "B33 8TH. For anything that must be exact, check against the Royal Mail address "
            "file instead of a regex."),
        (U, "and without the space"),
        (A, "The ` ?` already makes the space optional, so `SW1A1AA` matches too."),
    ],
    "g05": [
        (U, "What's a good stretch for a stiff lower back after sitting all day?"),
        (A, "Try a knee-to-chest stretch: lie on your back, pull one knee gently towards your "
            "chest, hold 20-30 seconds, swap legs, repeat three times. Child's pose and a gentle "
            "cat-cow on all fours help too. Stand up and walk for a couple of minutes every "
            "half hour. If the pain spreads down a leg or comes with numbness, see a doctor."),
    ],
    "g06": [
        (U, "Translate 'where is the train station' into Spanish, German and Italian."),
        (A, "Spanish: ¿Dónde está la estación de tren?\nGerman: Wo ist der Bahnhof?\nItalian: "
            "Dov'è la stazione ferroviaria? (or just 'Dov'è la stazione?')"),
    ],
    "g07": [
        (U, "How many tablespoons are in a cup?"),
        (A, "16 US tablespoons in a US cup (about 240 ml). A UK metric cup is 250 ml, which is "
            "about 16.7 UK tablespoons of 15 ml."),
    ],
    "g08": [
        (U, "Write a limerick about a cat who hates Mondays."),
        (A, "A tabby who lived down in Kent\nfound Mondays a dreadful event;\nshe'd yawn at the "
            "clock,\nthen sleep in a sock,\nand sulk till the whole day was spent."),
    ],
    "g09": [
        (U, "What's the capital of Australia? People always say Sydney."),
        (A, "Canberra. It was purpose-built as a compromise between Sydney and Melbourne, which "
            "both wanted to be the capital, and Parliament moved there in 1927."),
        (U, "why not just pick one"),
        (A, "Neither city would accept the other winning, so the 1901 constitution said the "
            "capital had to be in New South Wales but at least 100 miles from Sydney."),
    ],
    "g10": [
        (U, "How do I make a bash script stop on the first error?"),
        (A, "Put `set -euo pipefail` near the top. `-e` exits on a failing command, `-u` "
            "treats unset variables as errors, and `-o pipefail` makes a pipeline fail if any "
            "part of it fails, not just the last command."),
    ],
}

# ---------------------------------------------------------------------------------------------
# q1: teenager, year 11 (Sheffield); lower case, abbreviations, no apostrophes
# ---------------------------------------------------------------------------------------------
Q1 = {
    "key": "q1",
    "register": "teenager texting",
    "question_date": "2024-07-06 11:20",
    "fillers": [("g03", "2024-01-17 18:30"), ("g08", "2024-02-25 20:40"), ("g06", "2024-04-14 17:05"),
                ("g09", "2024-05-29 21:15")],
    "sessions": [
        {"id": "s01", "date": "2024-01-08 16:40", "turns": [
            (U, "can u help me make a revision timetable. mocks start on the 22nd and i have chem, "
                "bio, eng lit, maths, history and spanish. i do netball tues and thurs after school "
                "so not those evenings"),
            (A, "Sure! With two weeks to go, try 45-minute blocks with 10-minute breaks. Mon: maths "
                "+ chem. Wed: bio + Spanish. Fri: history + eng lit. Weekend: one long session of "
                "past papers for whichever subject felt hardest that week. Tuesday and Thursday "
                "stay free for netball, though 20 minutes of Spanish vocab on the bus wouldn't hurt."),
            (U, "saturdays are out too i work at the chippy, fryers on ecclesall rd, 10 til 4"),
            (A, "Then Sunday is your long day: two past papers in the morning, a walk, then "
                "flashcards in the afternoon. Keep Saturday evening as a proper rest."),
        ]},
        {"id": "s02", "date": "2024-01-13 22:10", "turns": [
            (U, "just babysat the harper twins next door for 4 hrs and they gave me 25 quid!! is "
                "that normal??"),
            (A, "That's about £6.25 an hour, which is in the usual range for a 16-year-old "
                "babysitting, maybe a little generous for twins who were asleep part of the time. "
                "If they ask regularly, it's fine to agree a rate up front."),
            (U, "they were NOT asleep lol. one of them put a crayon up his nose"),
            (A, "Then you earned every penny. Crayon-up-the-nose duty deserves a bonus."),
        ]},
        {"id": "s03", "date": "2024-01-20 21:30", "turns": [
            (U, "what apps actually help w revising. i keep opening tiktok every 5 mins"),
            (A, "A few that students like:\n1. Forest - you plant a virtual tree that dies if you "
                "leave the app, so it keeps you off your phone.\n2. Anki - flashcards with spaced "
                "repetition, it shows you cards right before you'd forget them.\n3. Seneca - free "
                "GCSE courses by exam board, good for bio and chem.\n4. Quizlet - quick flashcard "
                "games, easy to share sets with friends."),
            (U, "ok downloading the tree one"),
            (A, "Good call. Start with 25-minute trees and work up."),
        ]},
        {"id": "s04", "date": "2024-02-02 17:15", "turns": [
            (U, "last mock done today!!!! spanish speaking was a disaster i forgot the word for "
                "holiday"),
            (A, "Congratulations on getting through them all! 'Las vacaciones' - you'll never "
                "forget it now. Mocks are exactly for finding those gaps. Take the weekend off."),
        ]},
        {"id": "s05", "date": "2024-02-17 20:05", "turns": [
            (U, "harpers had me again tonight, went past 11 so they gave me 30"),
            (A, "Nice, they clearly trust you. Going past 11 deserves the extra."),
            (U, "keira babysits for a family on her road and gets 40 for like the same hours. so "
                "unfair"),
            (A, "Rates vary a lot between families. If you want to ask the Harpers for a bit more "
                "next time, mention it before the evening starts rather than at the end."),
        ]},
        {"id": "s06", "date": "2024-03-03 15:20", "turns": [
            (U, "want to make something for my nans birthday. literally anything lemon is my fav "
                "but i have to check everything cos of my nut allergy. any ideas"),
            (A, "A lemon drizzle loaf is perfect: butter, sugar, eggs, self-raising flour, lemon "
                "zest, then a drizzle of lemon juice and sugar while it's warm. No nuts anywhere. "
                "Check the labels on the flour and sugar for 'may contain nuts' warnings, and avoid "
                "recipes that use ground almonds, which a lot of lemon cakes do."),
            (U, "yess ground almonds are in so many things its annoying"),
        ]},
        {"id": "s07", "date": "2024-03-24 18:45", "turns": [
            (U, "first saturday at the cafe at hillsborough leisure centre today, way better than "
                "the chippy. i dont smell of vinegar for once"),
            (A, "Sounds like a good swap! What do you do there?"),
            (U, "toasties, smoothies, and the coffee machine which hates me"),
            (A, "Coffee machines hate everyone for the first week. Ask someone to show you how to "
                "purge the steam wand - it fixes half the problems."),
        ]},
        {"id": "s08", "date": "2024-04-06 11:00", "turns": [
            (U, "me and keira want to go to reading festival in august. tickets are like 160. "
                "how do i convince my mum"),
            (A, "Go with a plan: who you're going with, where you'd camp, how you'd keep in touch, "
                "and how you'd pay (your café wages?). Offering to check in at set times each day "
                "helps a lot. Be ready for a no the first time, since it's a big festival for 16."),
        ]},
        {"id": "s09", "date": "2024-04-27 20:10", "turns": [
            (U, "harpers cancelled tonight, twins have chickenpox. no money :("),
            (A, "Bad luck, but you don't want chickenpox-twin duty anyway."),
            (U, "ended up doing 3 hrs at the okoyes across the road instead, got 20. their baby "
                "just slept the whole time"),
            (A, "An evening of a sleeping baby for £20 is a good trade."),
        ]},
        {"id": "s10", "date": "2024-05-11 16:30", "turns": [
            (U, "mum said no to reading. obviously. real gcses start on monday and im panicking"),
            (A, "Sorry about Reading. For Monday: sleep matters more than last-minute cramming. "
                "Do one timed paper a day, then stop by 9pm."),
            (U, "my brother callum just started his apprenticeship as an electrician and keeps "
                "saying exams dont matter. not helpful"),
            (A, "Tell him the electrician course has exams too. One subject at a time."),
        ]},
        {"id": "s11", "date": "2024-06-19 21:50", "turns": [
            (U, "LAST GCSE EVER today, chem paper 2. im free"),
            (A, "Huge congratulations! Do something that's the opposite of revising tonight."),
            (U, "prom next week, need a dress that isnt 100 quid"),
            (A, "Try Vinted or Depop for barely-worn dresses, or charity shops near the university "
                "at the end of term. Renting is also an option for around £20-30."),
        ]},
        {"id": "s12", "date": "2024-07-01 09:30", "turns": [
            (U, "prom was on friday and it was actually amazing. got a dress off vinted for 22"),
            (A, "Brilliant, and a bargain! Did you get photos?"),
            (U, "like 400"),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "single-session-user", "question": "which nights do i have netball",
         "answer": "Tuesdays and Thursdays (after school)", "evidence": [("s01", "netball tues and thurs")]},
        {"id": "q02", "type": "single-session-assistant",
         "question": "remind me which of the apps u listed was the flashcard one that does spaced repetition",
         "answer": "Anki", "evidence": [("s03", "Anki - flashcards")]},
        {"id": "q03", "type": "single-session-preference",
         "question": "theres a bake sale for netball on friday, what should i make",
         "answer": "The user would prefer a nut-free bake (she has a nut allergy; no ground almonds) "
                   "with lemon in it, since lemon things are her favourite, simple enough to make "
                   "at home.",
         "evidence": [("s06", "nut allergy")]},
        {"id": "q04", "type": "multi-session", "question": "how much have i earned babysitting in total",
         "answer": "£75 (25 + 30 from the Harpers, 20 from the Okoyes)",
         "evidence": [("s02", "gave me 25"), ("s05", "gave me 30"), ("s09", "got 20")]},
        {"id": "q05", "type": "multi-session", "question": "how many different families have i babysat for",
         "answer": "2 (the Harpers and the Okoyes)",
         "evidence": [("s02", "harper twins"), ("s09", "okoyes")]},
        {"id": "q06", "type": "knowledge-update", "question": "where is my saturday job these days",
         "answer": "The café at Hillsborough Leisure Centre",
         "evidence": [("s01", "chippy"), ("s07", "hillsborough leisure centre")]},
        {"id": "q07", "type": "temporal-reasoning",
         "question": "how many days from my first mock to my last one",
         "answer": "11 days", "evidence": [("s01", "mocks start on the 22nd"), ("s04", "last mock done")]},
        {"id": "q08", "type": "temporal-reasoning",
         "question": "how long did the real gcses go on for, first paper to last",
         "answer": "37 days (about 5 weeks)",
         "evidence": [("s10", "real gcses start on monday"), ("s11", "last gcse ever")]},
        {"id": "q09", "type": "temporal-reasoning", "question": "how many days after my last exam was prom",
         "answer": "9 days", "evidence": [("s11", "last gcse ever"), ("s12", "prom was on friday")]},
        {"id": "q10", "type": "single-session-user", "abs": True,
         "question": "what apprenticeship is my sister doing",
         "answer": "You never mentioned a sister; it is your brother Callum who is doing an "
                   "electrician apprenticeship.", "evidence": []},
        {"id": "q11", "type": "temporal-reasoning", "abs": True, "question": "when did i go to reading festival",
         "answer": "You did not go: your mum said no to Reading festival.", "evidence": []},
        {"id": "q12", "type": "single-session-user", "abs": True,
         "question": "how much does keira get paid at her saturday job",
         "answer": "You never said Keira has a Saturday job; you only said she gets £40 for babysitting.",
         "evidence": []},
        {"id": "q13", "type": "multi-session", "question": "how much have the harpers paid me altogether",
         "answer": "£55 (25 + 30; the chickenpox night was cancelled)",
         "evidence": [("s02", "gave me 25"), ("s05", "gave me 30")]},
    ],
}

# ---------------------------------------------------------------------------------------------
# q2: nurse on night shifts (Cardiff); tired, short, typos, written at odd hours
# ---------------------------------------------------------------------------------------------
Q2 = {
    "key": "q2",
    "register": "tired night-shift nurse",
    "question_date": "2024-10-20 08:15",
    "fillers": [("g02", "2024-03-20 14:10"), ("g05", "2024-05-08 15:45"), ("g07", "2024-07-19 13:20"),
                ("g10", "2024-09-04 16:00")],
    "sessions": [
        {"id": "s01", "date": "2024-03-11 07:55", "turns": [
            (U, "just off 3 nights on b4. cardiology is relentless. how do i actually sleep in the "
                "day"),
            (A, "Keep the routine the same every time: a small snack, a shower, then straight to "
                "bed in a dark, cool room. Blackout blinds or an eye mask, earplugs or a fan for "
                "noise, phone on do-not-disturb. Avoid caffeine in the second half of the shift. "
                "On your first day off, a short sleep of 3-4 hours then up until a normal bedtime "
                "helps you flip back."),
            (U, "no caffeine after 2am, got it. ive been having a monster at 4 lol"),
            (A, "That'll be the culprit. Swap it for water and something with a bit of protein."),
        ]},
        {"id": "s02", "date": "2024-03-27 18:30", "turns": [
            (U, "corsa failed its mot. brakes + a tyre. is it worth fixing a 2011 corsa"),
            (A, "It depends on the quote. Brakes and a tyre are normal wear, often £200-350 in "
                "total, which is usually worth it for a car that otherwise runs well. If the "
                "garage also mentions rust on the subframe or a gearbox problem, that's when to "
                "think about replacing it."),
            (U, "quote was 280. fine. fixing it"),
        ]},
        {"id": "s03", "date": "2024-04-14 07:40", "turns": [
            (U, "picked up a bank shift on c2 last night for the extra money. never again on a "
                "saturday"),
            (A, "Saturday nights on a strange ward are a lot. At least bank rates are usually "
                "better than your contracted hours. Get some sleep."),
        ]},
        {"id": "s04", "date": "2024-04-30 11:05", "turns": [
            (U, "bought new crocs for work, the proper clog ones, 45 quid. feet were killing me"),
            (A, "Good investment for 12-hour shifts. Check they're the closed-back, no-holes kind "
                "that your trust allows, and add a cushioned insole if your arches still ache."),
        ]},
        {"id": "s05", "date": "2024-05-19 08:20", "turns": [
            (U, "did another bank shift, c2 again. was ok actually"),
            (A, "Glad it went better this time. Remember to log it for your hours."),
        ]},
        {"id": "s06", "date": "2024-06-10 19:10", "turns": [
            (U, "compression socks came, 18 for two pairs. also off to tenerife on saturday "
                "finally"),
            (A, "Perfect timing, compression socks are good for the flight too. Enjoy Tenerife - "
                "you've earned it."),
            (U, "sian from work did lanzarote last month and said its windy. hope tenerife isnt"),
            (A, "The south of Tenerife (Los Cristianos, Costa Adeje) is usually sunnier and less "
                "windy than the north."),
        ]},
        {"id": "s07", "date": "2024-06-27 20:45", "turns": [
            (U, "home since tuesday. wasnt long enough. they already offered me a bank shift "
                "sunday and i said no"),
            (A, "Good for you for protecting your days off. Easing back in slowly is fine."),
            (U, "recommend something to listen to on the drive home after nights? not music, "
                "keeps me awake but calm"),
            (A, "A few podcasts that are calm but interesting:\n- The Rest Is History: two "
                "historians chatting through an episode of history, easy to follow.\n- Desert "
                "Island Discs: interviews with a bit of music, very gentle.\n- No Such Thing As A "
                "Fish: odd facts and laughing, good for staying alert.\nIf you're drowsy, pull "
                "over and nap - no podcast fixes that."),
        ]},
        {"id": "s08", "date": "2024-07-15 07:50", "turns": [
            (U, "ordered those dansko clogs, 110, sent them back, rubbed my heel raw. refund came "
                "through today"),
            (A, "Glad you got the refund. Crocs it is, then."),
            (U, "gareth just bought himself new boots for his round, 90 quid, posties go through "
                "boots like nothing"),
            (A, "Walking all day will do that. Good boots are worth it for him."),
        ]},
        {"id": "s09", "date": "2024-08-13 07:35", "turns": [
            (U, "first night in resus last night. felt like a newbie again. ed is a different "
                "planet to b4"),
            (A, "That's normal for the first few weeks in the emergency department - a different "
                "pace and different skills. Ask lots of questions, everyone expects it."),
            (U, "bank shift tomorrow got cancelled, overstaffed. fine by me tbh"),
            (A, "A surprise night off after your first night in resus sounds ideal."),
        ]},
        {"id": "s10", "date": "2024-09-08 08:05", "turns": [
            (U, "did a bank shift in ed majors last night on top of my own. stupid but money"),
            (A, "That's a lot in one week. Make sure you get two proper sleeps before your next "
                "set."),
            (U, "i dont eat meat btw, only fish, and theres just a microwave in our staff room. "
                "what can i batch cook"),
            (A, "Try a big tray of salmon and sweet potato with greens, a tuna pasta bake, or a "
                "lentil and spinach curry - all reheat well in a microwave and portion into tubs."),
        ]},
        {"id": "s11", "date": "2024-09-29 17:20", "turns": [
            (U, "picked up the yaris yesterday, 2019 hybrid. the corsa finally gave up"),
            (A, "Congratulations! A hybrid Yaris is great for short commutes, and much quieter "
                "for driving home at 8am."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "single-session-user",
         "question": "what time did i say i should stop caffeine on a night shift",
         "answer": "2am (no caffeine after 2am)", "evidence": [("s01", "no caffeine after 2am")]},
        {"id": "q02", "type": "single-session-assistant",
         "question": "whats the history podcast you told me about for the drive home",
         "answer": "The Rest Is History", "evidence": [("s07", "The Rest Is History")]},
        {"id": "q03", "type": "single-session-preference",
         "question": "ideas for food to take in for my nights this week?",
         "answer": "The user would prefer pescatarian food (fish is fine, no meat) that can be "
                   "prepared ahead and reheated in a microwave, and no caffeine late in the shift.",
         "evidence": [("s10", "i dont eat meat"), ("s01", "no caffeine after 2am")]},
        {"id": "q04", "type": "multi-session", "question": "how many bank shifts have i actually worked",
         "answer": "3 (two on C2, one in ED majors)",
         "evidence": [("s03", "picked up a bank shift"), ("s05", "another bank shift"),
                      ("s10", "did a bank shift")]},
        {"id": "q05", "type": "multi-session",
         "question": "how much have i spent on work shoes and socks so far",
         "answer": "£63 (£45 Crocs + £18 compression socks)",
         "evidence": [("s04", "45 quid"), ("s06", "18 for two pairs")]},
        {"id": "q06", "type": "knowledge-update", "question": "which department am i working in as of now",
         "answer": "The emergency department (ED, resus)",
         "evidence": [("s01", "b4. cardiology"), ("s09", "first night in resus")]},
        {"id": "q07", "type": "knowledge-update", "question": "what car do i drive these days",
         "answer": "A Toyota Yaris (2019 hybrid)",
         "evidence": [("s02", "corsa failed"), ("s11", "picked up the yaris")]},
        {"id": "q08", "type": "temporal-reasoning", "question": "how long was i away in tenerife",
         "answer": "10 days (15-25 June)", "evidence": [("s06", "tenerife on saturday"), ("s07", "home since tuesday")]},
        {"id": "q09", "type": "temporal-reasoning", "question": "how long ago did i start in ed",
         "answer": "69 days (about 10 weeks)", "evidence": [("s09", "first night in resus")]},
        {"id": "q10", "type": "temporal-reasoning", "question": "which came first, tenerife or getting the new car",
         "answer": "Tenerife", "evidence": [("s06", "tenerife on saturday"), ("s11", "picked up the yaris")]},
        {"id": "q11", "type": "temporal-reasoning", "abs": True, "question": "how many days was i in lanzarote",
         "answer": "You never went to Lanzarote: Sian from work went; your holiday was in Tenerife.",
         "evidence": []},
        {"id": "q12", "type": "single-session-user", "abs": True, "question": "what time does gareth start his round",
         "answer": "You never said what time Gareth starts work (only that he is a postman).",
         "evidence": []},
        {"id": "q13", "type": "multi-session", "question": "how many different wards or departments have i done shifts on this year",
         "answer": "3 (B4 cardiology, C2 on bank shifts, and the emergency department)",
         "evidence": [("s01", "b4. cardiology"), ("s03", "bank shift on c2"), ("s09", "first night in resus")]},
        {"id": "q14", "type": "single-session-preference",
         "question": "bit wired after tonight, what should i put on for the drive home",
         "answer": "The user would prefer something spoken rather than music (a podcast or "
                   "audiobook) that is calm but interesting enough to keep her alert.",
         "evidence": [("s07", "not music")]},
    ],
}

# ---------------------------------------------------------------------------------------------
# q3: small-business owner, a ceramics studio-shop (Brighton); brisk, numbers, lists
# ---------------------------------------------------------------------------------------------
Q3 = {
    "key": "q3",
    "register": "small-business owner",
    "question_date": "2024-11-30 09:00",
    "fillers": [("g01", "2024-02-19 12:30"), ("g04", "2024-04-22 10:15"), ("g03", "2024-06-03 13:40"),
                ("g09", "2024-09-16 12:05"), ("g07", "2024-10-28 11:50")],
    "sessions": [
        {"id": "s01", "date": "2024-02-06 08:45", "turns": [
            (U, "Quick one. I run Kiln & Co, a ceramics studio and shop in Kemptown. Rent is "
                "£1,200 a month, I've got Josh on Saturdays at £11.50 an hour, and I'm pretty sure "
                "I'm underpricing my mugs. How should I price handmade work?"),
            (A, "A common formula for makers:\n1. Cost = materials + your labour at an hourly "
                "rate + a share of overheads (rent, kiln electricity, packaging).\n2. Wholesale "
                "price = cost x 2.\n3. Retail price = wholesale x 2.\nIf a mug costs you £7 all "
                "in, that's £14 wholesale and £28 retail. Check that against what similar "
                "Brighton makers charge; if you're well below, you're underpricing."),
            (U, "£28 feels scary but ok. I'm at £18 now."),
            (A, "Try £24 on the next batch and watch whether it slows sales at all."),
        ]},
        {"id": "s02", "date": "2024-02-28 21:10", "turns": [
            (U, "Want to sell online. Options? Budget is tight and I don't want to spend my "
                "evenings on tech."),
            (A, "The usual choices:\n- Etsy: built-in audience, but fees add up and you compete "
                "with everyone.\n- Shopify: your own shop, easy to run, good shipping and stock "
                "tools, about £25 a month.\n- Squarespace: beautiful templates, weaker for stock "
                "and shipping.\n- Big Cartel: cheap and simple, fine for a tiny range.\nFor you I'd "
                "go with Shopify: you have a real shop with stock to sync, and it needs the least "
                "fiddling once it's set up."),
            (U, "Shopify it is. And no plastic anywhere in the parcels, that's non-negotiable for "
                "me. Our whole look is plain kraft paper and a rubber stamp."),
            (A, "Noted. Shopify integrates with Royal Mail Click & Drop, which keeps postage simple."),
        ]},
        {"id": "s03", "date": "2024-03-17 18:20", "turns": [
            (U, "Took £420 at the Hove Makers Market yesterday. Best stall day yet."),
            (A, "Well done! Worth noting what sold best so you can bring more of it next time."),
            (U, "Speckled mugs and the little bud vases. Bud vases went by 1pm."),
        ]},
        {"id": "s04", "date": "2024-04-09 19:05", "turns": [
            (U, "Josh has handed in his notice, last Saturday is the end of April. Also got "
                "offered a pitch in the Glastonbury craft field - £900 plus travel and four days "
                "of camping. I said no."),
            (A, "Sensible on Glastonbury: £900 plus travel needs a lot of mugs to break even. For "
                "Josh's replacement, a short advert in the shop window and on Instagram is usually "
                "enough for a Saturday role."),
        ]},
        {"id": "s05", "date": "2024-05-12 17:40", "turns": [
            (U, "Shoreham Arts Fair today: £310. Slower than Hove. Nadia on the jewellery stall "
                "next to me took £700, which stung."),
            (A, "Jewellery travels home easily and ceramics don't, so fairs often favour it. "
                "£310 is still a solid day."),
        ]},
        {"id": "s06", "date": "2024-06-14 08:30", "turns": [
            (U, "Kiln died on Wednesday mid-firing. Element, I think. Engineer can't come for a "
                "week and a half. Lost a whole load of commissions."),
            (A, "Painful. While you wait: keep throwing and trimming so you have bisque ready, "
                "email commission customers with a new date, and ask the engineer to bring "
                "spare elements so it's one visit."),
        ]},
        {"id": "s07", "date": "2024-06-25 12:15", "turns": [
            (U, "Engineer fixed the kiln this morning. Two new elements, £340."),
            (A, "Good news. Do a test firing empty or with seconds before you risk commissions."),
        ]},
        {"id": "s08", "date": "2024-07-20 18:50", "turns": [
            (U, "Amara's first Saturday on the till went smoothly. She sold a full dinner set to a "
                "couple from Hove. I might actually get Saturdays off."),
            (A, "That's a great start. A short checklist by the till (opening, card machine, "
                "closing) will help her feel confident running it alone."),
        ]},
        {"id": "s09", "date": "2024-08-30 16:25", "turns": [
            (U, "Signed the new lease this afternoon. £1,450 a month from September, three years. "
                "Ouch, but the landlord wouldn't budge."),
            (A, "A three-year term at least gives you certainty. That's £250 a month more, so it "
                "may be time to try the higher mug price."),
        ]},
        {"id": "s10", "date": "2024-10-13 19:30", "turns": [
            (U, "Lewes autumn fair: £560. New record. And the glaze order from the supplier "
                "arrived smashed, they refunded the £85."),
            (A, "A record and a refund, good weekend. What sold?"),
            (U, "Bud vases again, and the big fruit bowls."),
        ]},
        {"id": "s11", "date": "2024-11-10 10:00", "turns": [
            (U, "Booked a table at the Worthing Christmas fair on 7 December. Also want Christmas "
                "gift boxes for the online shop."),
            (A, "Worthing should be good for gifts. For gift boxes, a mug plus a bud vase in one "
                "box at a small discount is an easy bundle."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "single-session-user", "question": "what did i say i charged for a mug before",
         "answer": "£18", "evidence": [("s01", "I'm at £18")]},
        {"id": "q02", "type": "single-session-assistant",
         "question": "which online shop platform did you end up recommending for me",
         "answer": "Shopify", "evidence": [("s02", "go with Shopify")]},
        {"id": "q03", "type": "single-session-assistant",
         "question": "remind me, to get from the wholesale price to the retail price you said to multiply by what",
         "answer": "2 (retail = wholesale x 2)", "evidence": [("s01", "Retail price = wholesale x 2")]},
        {"id": "q04", "type": "single-session-preference",
         "question": "Suggest packaging for the Christmas gift boxes I'll post out.",
         "answer": "The user would prefer plastic-free, recyclable packaging that fits the shop's "
                   "plain look (kraft paper and a rubber stamp) while protecting the ceramics.",
         "evidence": [("s02", "no plastic anywhere")]},
        {"id": "q05", "type": "multi-session", "question": "How many craft fairs have I actually traded at this year?",
         "answer": "3 (Hove Makers Market, Shoreham Arts Fair, Lewes autumn fair)",
         "evidence": [("s03", "Hove Makers Market"), ("s05", "Shoreham Arts Fair"), ("s10", "Lewes autumn fair")]},
        {"id": "q06", "type": "multi-session", "question": "what have my fair stalls taken in total this year",
         "answer": "£1,290 (420 + 310 + 560)",
         "evidence": [("s03", "£420"), ("s05", "£310"), ("s10", "£560")]},
        {"id": "q07", "type": "knowledge-update", "question": "whats the studio rent these days",
         "answer": "£1,450 a month", "evidence": [("s01", "£1,200 a month"), ("s09", "£1,450 a month")]},
        {"id": "q08", "type": "knowledge-update", "question": "Who is running the till on Saturdays for me?",
         "answer": "Amara", "evidence": [("s01", "Josh on Saturdays"), ("s08", "first Saturday on the till")]},
        {"id": "q09", "type": "temporal-reasoning", "question": "how many days was i without a working kiln",
         "answer": "13 days (about two weeks)",
         "evidence": [("s06", "Kiln died on Wednesday"), ("s07", "fixed the kiln this morning")]},
        {"id": "q10", "type": "temporal-reasoning",
         "question": "which happened first: signing the new lease or amara starting",
         "answer": "Amara starting", "evidence": [("s08", "first Saturday on the till"), ("s09", "Signed the new lease")]},
        {"id": "q11", "type": "single-session-user", "abs": True, "question": "what hourly rate am I paying Amara?",
         "answer": "You never said what you pay Amara (only that Josh was on £11.50 an hour).",
         "evidence": []},
        {"id": "q12", "type": "multi-session", "abs": True, "question": "how much did i take at the worthing fair",
         "answer": "You have not traded at Worthing yet: the Christmas fair is booked for 7 December.",
         "evidence": []},
        {"id": "q13", "type": "single-session-preference",
         "question": "What should I use to send a monthly email newsletter to customers?",
         "answer": "The user would prefer a cheap (tight budget), low-maintenance tool that needs "
                   "little tech time in the evenings and works with her Shopify shop.",
         "evidence": [("s02", "Budget is tight"), ("s02", "Shopify it is")]},
    ],
}

# ---------------------------------------------------------------------------------------------
# q4: retiree dictating with speech-to-text (Norwich); spoken punctuation, homophones, slips
# ---------------------------------------------------------------------------------------------
Q4 = {
    "key": "q4",
    "register": "retiree dictating (speech-to-text errors)",
    "question_date": "2025-01-10 10:30",
    "fillers": [("g02", "2024-05-02 16:20"), ("g08", "2024-07-04 15:10"), ("g06", "2024-09-02 11:40"),
                ("g05", "2024-10-21 10:05"), ("g03", "2024-11-27 14:30")],
    "sessions": [
        {"id": "s01", "date": "2024-04-08 10:20", "turns": [
            (U, "good morning we had a pair of gold finches on the bird feeder this morning full "
                "stop what seed do they like best question mark"),
            (A, "How lovely! Goldfinches like small, oily seeds. Their favourite is nyjer (niger) "
                "seed, which needs a special feeder with tiny holes. They also take sunflower "
                "hearts readily, and those suit most other garden birds too. A feeder of each "
                "will keep them coming back."),
            (U, "thank you I will get the nigh jar seed from the garden centre"),
        ]},
        {"id": "s02", "date": "2024-04-29 14:05", "turns": [
            (U, "I am going in for my hip replacement on the 3rd of June at the Norfolk and "
                "Norwich full stop what should I get ready at home before hand question mark the "
                "stairs in our Hellesdon house are steep"),
            (A, "Good to plan ahead. Useful things: a raised toilet seat and a perching stool, a "
                "long-handled grabber and sock aid, a firm chair with arms at a good height, and "
                "no loose rugs. With steep stairs, you might set up a bed downstairs for the first "
                "weeks. The occupational therapist at the hospital can lend much of this."),
            (U, "are daughter Joanne is a teacher so she can only come and help at half term "
                "which is the weak before"),
            (A, "Then half term is a good time for her to help you move the bed and clear rugs."),
        ]},
        {"id": "s03", "date": "2024-05-20 11:30", "turns": [
            (U, "the north facing wall by the back door gets no sun at all full stop what rose "
                "could climb up their question mark"),
            (A, "For sunny walls I'd usually suggest 'Gertrude Jekyll' or 'Claire Austin', but "
                "neither will be happy there. For your north-facing wall I'd plant 'Madame Alfred "
                "Carrière': a vigorous climber with white, scented flowers that copes well with "
                "shade. 'Albéric Barbier' is another tough option for a shady spot."),
            (U, "madam Alfred it is"),
        ]},
        {"id": "s04", "date": "2024-06-10 15:00", "turns": [
            (U, "home from hospital since Thursday full stop the knew hip feels strange but the "
                "pain is different to before full stop on too crutches for now"),
            (A, "Welcome home! A different pain after surgery is normal and should ease week by "
                "week. Keep up the exercises the physio gave you, take the painkillers on time "
                "rather than waiting, and don't cross your legs or bend past 90 degrees for now."),
        ]},
        {"id": "s05", "date": "2024-06-28 09:50", "turns": [
            (U, "six long tail tits on the feeder this morning all in a row full stop Dennis "
                "swears he saw a wood pecker on the fence yesterday but I never did"),
            (A, "Long-tailed tits in a row are a lovely sight - they travel in family groups in "
                "summer. A great spotted woodpecker will often come for peanuts or suet if you put "
                "some out."),
        ]},
        {"id": "s06", "date": "2024-07-22 16:40", "turns": [
            (U, "went round the garden centre with just the one stick today full stop very "
                "pleased with myself"),
            (A, "That's real progress, well done! Take it steady on the gravel paths."),
            (U, "I still cannot sit in the car much more than half an hour before the hip "
                "complains full stop and I never did like crowds"),
            (A, "Short trips and quiet places, then. Stand and stretch whenever you stop."),
        ]},
        {"id": "s07", "date": "2024-08-30 13:15", "turns": [
            (U, "we completed on the bungalow in Wroxham today full stop no more stairs "
                "exclamation mark"),
            (A, "Congratulations! A bungalow after a hip operation is perfect timing. Near the "
                "Broads, too - lovely for gentle walks."),
            (U, "Dennis has already put up a bird feeder before the kettle"),
        ]},
        {"id": "s08", "date": "2024-09-25 10:45", "turns": [
            (U, "we have booked a Rhine cruise for May next year full stop Dennis's idea full stop "
                "and a nut hatch has found the new feeder"),
            (A, "A Rhine cruise should be lovely in May: castles, vineyards and not much walking "
                "needed. And nuthatches are great fun to watch, going head-first down the pole."),
        ]},
        {"id": "s09", "date": "2024-11-15 11:20", "turns": [
            (U, "Christmas shopping full stop bought a Lego set for Sam £35 and a jumper for Ellie "
                "£28 full stop Sam is Peter's boy and Ellie is Joanne's girl"),
            (A, "Good start! Lego is always a winner. Keep the receipt for the jumper in case the "
                "size is wrong."),
        ]},
        {"id": "s10", "date": "2024-12-03 15:35", "turns": [
            (U, "took back the scarf I bought Joanne it was £20 and got my money back full stop "
                "got her a garden voucher for £40 instead"),
            (A, "A voucher means she can choose exactly what she wants. Sensible swap."),
            (U, "Dennis bought his sister a hamper for £50 out of his own money full stop he "
                "always leaves it late"),
        ]},
        {"id": "s11", "date": "2024-12-12 17:05", "turns": [
            (U, "Peter's present sorted full stop a book about whisky for £22 full stop that is "
                "everyone done"),
            (A, "Well done, all finished with time to spare. Now you can enjoy the run-up."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "single-session-user", "question": "which hospital did i have my hip done at",
         "answer": "The Norfolk and Norwich", "evidence": [("s02", "Norfolk and")]},
        {"id": "q02", "type": "single-session-assistant",
         "question": "What rose did you suggest for the shady wall by the back door?",
         "answer": "Madame Alfred Carrière", "evidence": [("s03", "plant 'Madame Alfred")]},
        {"id": "q03", "type": "single-session-assistant",
         "question": "remind me which seed you said the goldfinches like most",
         "answer": "Nyjer (niger) seed", "evidence": [("s01", "favourite is nyjer")]},
        {"id": "q04", "type": "single-session-preference",
         "question": "It is my birthday next month. Can you suggest a nice day out?",
         "answer": "The user would prefer a quiet, uncrowded day out within about half an hour's "
                   "drive (her hip), with level, gentle walking - ideally a garden or somewhere to "
                   "see birds near Wroxham.",
         "evidence": [("s06", "half an hour"), ("s06", "never did like crowds")]},
        {"id": "q05", "type": "multi-session", "question": "how much have i spent on christmas presents altogether",
         "answer": "£125 (Lego £35, jumper £28, garden voucher £40, whisky book £22)",
         "evidence": [("s09", "Lego set for Sam"), ("s10", "garden voucher"), ("s11", "whisky for £22")]},
        {"id": "q06", "type": "multi-session",
         "question": "how many different kinds of bird have i seen at the feeder",
         "answer": "3 (goldfinches, long-tailed tits, a nuthatch)",
         "evidence": [("s01", "gold finches"), ("s05", "long tail tits"), ("s08", "nut hatch")]},
        {"id": "q07", "type": "knowledge-update", "question": "where are we living these days",
         "answer": "The bungalow in Wroxham",
         "evidence": [("s02", "Hellesdon house"), ("s07", "bungalow in Wroxham")]},
        {"id": "q08", "type": "knowledge-update", "question": "what do I walk with at the moment",
         "answer": "One stick (earlier two crutches)",
         "evidence": [("s04", "on too crutches"), ("s06", "just the one stick")]},
        {"id": "q09", "type": "temporal-reasoning", "question": "how many days was I in hospital for my hip",
         "answer": "3 days (3-6 June)", "evidence": [("s02", "on the 3rd of June"), ("s04", "since Thursday")]},
        {"id": "q10", "type": "temporal-reasoning",
         "question": "how long after the operation did i manage the garden centre with one stick",
         "answer": "49 days (7 weeks)", "evidence": [("s02", "on the 3rd of June"), ("s06", "just the one stick")]},
        {"id": "q11", "type": "single-session-user", "abs": True, "question": "what does Peter do for a living",
         "answer": "You never said what your son Peter does (only that Joanne is a teacher).",
         "evidence": []},
        {"id": "q12", "type": "temporal-reasoning", "abs": True, "question": "when did we go on the rhine cruise",
         "answer": "You have not been yet: the Rhine cruise is booked for May 2025.", "evidence": []},
    ],
}

# ---------------------------------------------------------------------------------------------
# q5: PhD student (Edinburgh, computational linguistics); long messages full of tangents
# ---------------------------------------------------------------------------------------------
Q5 = {
    "key": "q5",
    "register": "grad student, long tangents",
    "question_date": "2025-03-28 23:10",
    "fillers": [("g01", "2024-10-02 22:40"), ("g10", "2024-12-02 01:15"), ("g04", "2025-01-22 23:30"),
                ("g09", "2025-02-26 00:20"), ("g08", "2025-03-12 21:05")],
    "sessions": [
        {"id": "s01", "date": "2024-09-12 23:05", "turns": [
            (U, "Okay so second year of the PhD has officially started, which is terrifying, and "
                "my thesis is on hedging in scientific writing - words like 'may', 'suggests', "
                "'it is possible that' - and how annotators disagree about them. Dr Okonkwo (my "
                "supervisor) wants numbers by October. Tangent, but the tram from Leith was packed "
                "with freshers this morning and one of them was reading Pinker, which felt like a "
                "sign. ANYWAY: I have two groups of annotators, linguists and non-linguists, about "
                "a dozen each, and agreement scores that are definitely not normal. What test do I "
                "use to compare them?"),
            (A, "With about a dozen per group and a distribution that isn't normal, you have a "
                "few options:\n- Welch's t-test: fine for roughly normal data, but risky here.\n- "
                "Mann-Whitney U: rank-based, no normality assumption, but it tests distributions "
                "rather than means.\n- A permutation test on the difference in means: shuffle the "
                "group labels thousands of times and see how often you get a gap as big as yours.\n"
                "I'd use the permutation test: it makes almost no assumptions, works with small "
                "samples, and is easy to explain in a thesis. Report the effect size too."),
            (U, "Permutation test it is. Also I now realise I've been calling them 'non-linguists' "
                "in the spreadsheet and 'lay annotators' in the draft, which is the kind of thing "
                "Okonkwo circles in red."),
        ]},
        {"id": "s02", "date": "2024-09-30 22:15", "turns": [
            (U, "Non-work question, sort of. Ted Chiang's 'Story of Your Life' is genuinely the "
                "reason I'm in linguistics (the heptapods! the non-linear writing!), and I love "
                "hard-ish science fiction in general, but I cannot stand long series - I have "
                "abandoned the second book of four different trilogies, it's a character flaw. "
                "Something for the train to London this weekend? (my cousin's wedding)"),
            (A, "Then a standalone novel with language at its heart: 'Embassytown' by China "
                "Miéville. Humans live among aliens whose language cannot lie, and the plot turns "
                "on what happens when that changes. It's a single book, dense but rewarding - very "
                "much for a linguist."),
            (U, "Oh that sounds perfect, downloading it now."),
        ]},
        {"id": "s03", "date": "2024-10-18 00:40", "turns": [
            (U, "Mixed day. My short paper on hedging cues got rejected from EMNLP (reviewer 2 "
                "wanted a completely different paper, as is tradition), BUT the extended abstract "
                "got accepted at the CoDI workshop, which is in Lisbon in November. Also my "
                "office mate Aoife got her paper into NAACL, which I'm thrilled about and also "
                "slightly dying inside. Is it normal to feel both?"),
            (A, "Completely normal. A rejection and an acceptance in one day is a lot, and being "
                "glad for a friend while feeling the sting of your own rejection isn't a "
                "contradiction. The workshop acceptance is real progress, and the EMNLP reviews "
                "are raw material for the next version."),
        ]},
        {"id": "s04", "date": "2024-11-17 21:30", "turns": [
            (U, "Flying out to Lisbon on Tuesday for the workshop. My sister Inês is an architect "
                "in Porto and was going to come down but she has a deadline, which, fair, "
                "architects' deadlines make ours look gentle. Any tips for a 15-minute talk? I "
                "always run over because I explain the history of the word 'perhaps'."),
            (A, "Plan for 12 minutes of content: one problem, one method, one result, one "
                "takeaway. Cut the history of 'perhaps' to one slide (or a backup slide for "
                "questions). Rehearse out loud twice with a timer, and put your main result on a "
                "slide by minute 8 so it survives if you run long."),
        ]},
        {"id": "s05", "date": "2024-11-25 22:50", "turns": [
            (U, "Got back from Lisbon on Saturday night. Talk went fine, only ran over by a "
                "minute, and someone from Amsterdam wants our annotations. Also, slightly "
                "flattering: the Cambridge language group invited me to give a talk in January, "
                "but I said no because I'll be teaching and I don't have new results yet."),
            (A, "That's a great trip - a data request is a real sign of interest. Saying no to "
                "Cambridge for now is reasonable; you can suggest a later term when you have new "
                "results."),
        ]},
        {"id": "s06", "date": "2024-12-10 23:55", "turns": [
            (U, "Small win: my poster abstract for the Scottish Linguistics Forum got accepted. "
                "It's in Glasgow in May, which means a 50-minute train, not a flight, which my "
                "carbon guilt appreciates."),
            (A, "Congratulations! A poster is a great place to get feedback on the annotation "
                "results before the next submission."),
        ]},
        {"id": "s07", "date": "2025-01-13 20:10", "turns": [
            (U, "First tutorial of the semester today: intro stats for linguists, fourteen "
                "undergrads, one of whom asked whether p-values are 'vibes', which, honestly, a "
                "fair question. How do I explain p-values without lying?"),
            (A, "Try: 'If there were really no effect, how surprising would data like ours be?' "
                "A small p-value means 'quite surprising', not 'the effect is big' and not 'the "
                "hypothesis is probably true'. A coin that lands heads 9 times in 10 makes a good "
                "example."),
        ]},
        {"id": "s08", "date": "2025-01-30 18:45", "turns": [
            (U, "First meeting with Prof. Lindqvist as my primary supervisor. Okonkwo left for "
                "Toronto at Christmas (good for her, a little bit chaotic for me). Lindqvist is a "
                "phonetician, so there was a long tangent about whether hedges have a prosodic "
                "signature, which... might actually be a chapter?"),
            (A, "A new supervisor from a neighbouring field can open up exactly that kind of "
                "chapter. Write down the idea and the data you'd need before it fades."),
        ]},
        {"id": "s09", "date": "2025-02-14 19:20", "turns": [
            (U, "Got the keys to a studio in Marchmont today!! No more Leith flat share, no more "
                "flatmate practising the bagpipes at 11pm (I am not exaggerating, he is in a pipe "
                "band). It is tiny, but the Meadows are right there."),
            (A, "Congratulations! A quiet place near the Meadows sounds ideal for writing-up "
                "years. Enjoy the silence."),
        ]},
        {"id": "s10", "date": "2025-03-03 22:05", "turns": [
            (U, "My references are a disaster: half in a .bib file, half in browser bookmarks, "
                "some in a notebook. What should I use for the thesis?"),
            (A, "The main options:\n- Zotero: free, open source, saves references from the "
                "browser in one click, and with the Better BibTeX plugin it keeps a .bib file in "
                "sync for LaTeX.\n- Mendeley: similar, but owned by Elsevier and its desktop app "
                "has been cut back.\n- JabRef: edits .bib files directly, no browser capture.\nFor "
                "a LaTeX thesis I'd recommend Zotero with Better BibTeX."),
            (U, "Zotero then. Writing that down before I forget."),
        ]},
        {"id": "s11", "date": "2025-03-21 17:30", "turns": [
            (U, "Last tutorial of term today. The p-values-are-vibes student got the top mark on "
                "the quiz, which I'm choosing to take credit for."),
            (A, "Take the credit! Ending the term with that is a great feeling."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "single-session-user", "question": "remind me what my thesis is about",
         "answer": "Hedging in scientific writing (and how annotators disagree about hedges)",
         "evidence": [("s01", "my thesis is on hedging")]},
        {"id": "q02", "type": "single-session-assistant",
         "question": "which test did you tell me to use to compare my two annotator groups",
         "answer": "A permutation test", "evidence": [("s01", "I'd use the permutation test")]},
        {"id": "q03", "type": "single-session-assistant", "question": "what reference manager did you recommend",
         "answer": "Zotero (with Better BibTeX)", "evidence": [("s10", "recommend Zotero")]},
        {"id": "q04", "type": "single-session-preference",
         "question": "Recommend a novel for the train down to London next month?",
         "answer": "The user would prefer a standalone (not a series) hard-ish science-fiction "
                   "novel, ideally with language or linguistics at its heart, in the vein of Ted "
                   "Chiang's 'Story of Your Life' (and not Embassytown, which was already suggested).",
         "evidence": [("s02", "cannot stand long series")]},
        {"id": "q05", "type": "multi-session", "question": "how many of my submissions got accepted this academic year",
         "answer": "2 (the CoDI workshop abstract and the Scottish Linguistics Forum poster)",
         "evidence": [("s03", "accepted at the CoDI workshop"), ("s06", "got accepted")]},
        {"id": "q06", "type": "multi-session", "question": "how many work trips have I actually been on since September",
         "answer": "1 (Lisbon, for the workshop)",
         "evidence": [("s04", "Flying out to Lisbon"), ("s05", "back from Lisbon")]},
        {"id": "q07", "type": "knowledge-update", "question": "who is my main supervisor as of now",
         "answer": "Prof. Lindqvist",
         "evidence": [("s01", "Dr Okonkwo (my supervisor)"), ("s08", "Lindqvist as my primary")]},
        {"id": "q08", "type": "knowledge-update", "question": "which part of edinburgh do i live in",
         "answer": "Marchmont", "evidence": [("s01", "tram from Leith"), ("s09", "studio in Marchmont")]},
        {"id": "q09", "type": "temporal-reasoning", "question": "how many days was I in Lisbon",
         "answer": "4 days (19-23 November)", "evidence": [("s04", "Lisbon on Tuesday"), ("s05", "back from Lisbon on Saturday")]},
        {"id": "q10", "type": "temporal-reasoning",
         "question": "how many days from my first stats tutorial to the last one of term",
         "answer": "67 days (about 10 weeks)",
         "evidence": [("s07", "First tutorial of the semester"), ("s11", "Last tutorial of term")]},
        {"id": "q11", "type": "temporal-reasoning", "question": "how long ago did i get the keys to the studio",
         "answer": "42 days (6 weeks)", "evidence": [("s09", "keys to a studio")]},
        {"id": "q12", "type": "temporal-reasoning", "abs": True, "question": "how many days was I in Cambridge",
         "answer": "You did not go to Cambridge: you declined the invitation to give a talk there.",
         "evidence": []},
        {"id": "q13", "type": "single-session-user", "abs": True, "question": "when is my viva",
         "answer": "You never mentioned a date for your viva.", "evidence": []},
    ],
}

PERSONAS = [Q1, Q2, Q3, Q4, Q5]

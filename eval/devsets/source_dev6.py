"""dev6: a hand-written DEVELOPMENT answer set (au13, 2026-12-05). Content only; build.py builds dev6.json.

Written by hand, blind: the author did not read kgmem's answering, retrieval, extraction,
temporal or resource code, its synthetic generator, other sets' predictions or any held-out set;
only dev5's *format* (this layout, the gold style) and the offline scorer's matching rules were
read. No person, place or wording of dev3/dev4/dev5 is reused. Open to everyone: develop against
it and report it as a set the code was developed against (its first, blind figure is
eval/results/dev6_blind.md).

Layout (the same as source_dev5.py): PERSONAS is a list of personas; each has a register, a
question date, its own sessions (id, date "YYYY-MM-DD HH:MM", turns as (role, text)), the filler
chats it gets (filler id, date) and its questions. A question's evidence is a list of (session
id, substring): every turn of that session containing the substring (case-insensitive) is an
evidence turn (``has_answer``). ``_abs`` questions have no evidence.

Weighted to what fails on never-tuned sets: events with a start and an end told in different
sessions with relative dates and asked by kind ("my trip to Japan" / "depart for Osaka",
"back in Toronto"), orderings where the later event was told first, "how long ago"; counts and
sums across sessions with a friend's or spouse's share, a plan not carried out, an offer declined,
a refund and the same thing told twice; values that change, told the second time without a
change word; and near-miss ``_abs`` questions (another person's event, a cancelled trip).
"""

from __future__ import annotations

U, A = "user", "assistant"

# ---------------------------------------------------------------------------------------------
# Filler chats: generic assistant help, no personal facts. Each persona gets four.
# ---------------------------------------------------------------------------------------------
FILLERS: dict[str, list[tuple[str, str]]] = {
    "g01": [
        (U, "How do I centre a div horizontally and vertically with CSS?"),
        (A, "The shortest reliable way is flexbox on the parent:\n\n.parent {\n  display: flex;\n"
            "  justify-content: center;\n  align-items: center;\n}\n\nThe parent needs a height "
            "(for example `height: 100vh` for the whole window). With grid, `display: grid; "
            "place-items: center;` does the same in two lines."),
    ],
    "g02": [
        (U, "how many grams is a cup of plain flour"),
        (A, "About 125 g for a US cup of plain (all-purpose) flour spooned in and levelled. If "
            "you scoop straight from the bag it packs down and can be 140-150 g, which is why "
            "baking by weight is more reliable."),
        (U, "and sugar"),
        (A, "Granulated sugar is about 200 g a cup; icing sugar about 120 g."),
    ],
    "g03": [
        (U, "When do I use 'affect' and when 'effect'?"),
        (A, "Usually 'affect' is the verb and 'effect' the noun: 'The rain affected the match'; "
            "'The rain had an effect on the match'. The exceptions: 'to effect a change' means to "
            "bring it about, and in psychology 'affect' is a noun meaning visible emotion."),
    ],
    "g04": [
        (U, "SQL: count orders per customer but only customers with more than 5 orders"),
        (A, "SELECT customer_id, COUNT(*) AS orders\nFROM orders\nGROUP BY customer_id\n"
            "HAVING COUNT(*) > 5\nORDER BY orders DESC;\n\nWHERE filters rows before grouping; "
            "HAVING filters the groups after COUNT has been worked out, which is why the "
            "condition goes there."),
    ],
    "g05": [
        (U, "write a short poem about rain on a tin roof"),
        (A, "A thousand small drummers\nhave found the shed at last;\nthey argue on the metal\n"
            "till the cloud has passed,\nthen one late drop, alone,\nkeeps time for all the rest."),
    ],
    "g06": [
        (U, "How do I get candle wax out of a cotton tablecloth?"),
        (A, "Let the wax harden (an ice cube speeds it up) and scrape off what you can with a "
            "blunt knife. Then put brown paper or kitchen roll over and under the spot and press "
            "with a warm iron: the paper soaks up the melted wax. Move to a clean bit of paper "
            "until nothing more comes out, then treat any colour left with stain remover and "
            "wash as usual."),
    ],
    "g07": [
        (U, "why do onions make you cry"),
        (A, "Cutting an onion breaks its cells and lets an enzyme turn sulphur compounds into a "
            "gas (syn-propanethial-S-oxide). When it reaches your eyes it forms a mild acid, and "
            "your eyes water to wash it away. A sharp knife crushes fewer cells, and chilling the "
            "onion first slows the gas down."),
    ],
    "g08": [
        (U, "What's the difference between a virus and a bacterium, in simple terms?"),
        (A, "Bacteria are complete single-celled living things: they can feed and reproduce on "
            "their own, and many are harmless or useful. Viruses are much smaller packages of "
            "genetic material that can only reproduce inside someone else's cells. That's why "
            "antibiotics work against bacteria but do nothing against a virus such as a cold."),
        (U, "so a cold never needs antibiotics"),
        (A, "Right, a cold is viral. A doctor may still prescribe them if a bacterial infection "
            "follows on, such as some ear or chest infections."),
    ],
}

# ---------------------------------------------------------------------------------------------
# t1: pricing actuary in Toronto; formal, complete sentences, no contractions
# ---------------------------------------------------------------------------------------------
T1 = {
    "key": "t1",
    "register": "formal actuary (Toronto)",
    "question_date": "2026-08-30 10:00",
    "fillers": [("g01", "2026-03-04 12:30"), ("g04", "2026-05-20 13:15"), ("g06", "2026-06-28 18:40"),
                ("g08", "2026-08-12 09:05")],
    "sessions": [
        {"id": "s01", "date": "2026-02-09 19:30", "turns": [
            (U, "Good evening. I am a pricing actuary at Harrow Mutual, and I have been asked to "
                "present our motor portfolio results at the quarterly review. I am inclined to "
                "include every table. Could you advise on the structure of the deck?"),
            (A, "I would resist including every table. Open with the single number the audience "
                "must remember (for example, the loss ratio against plan), then three slides on "
                "what drove it, then what you recommend. Keep the detail in an appendix. A useful "
                "discipline is Guy Kawasaki's 10/20/30 rule: no more than 10 slides, no longer "
                "than 20 minutes, and no font smaller than 30 points."),
            (U, "Thank you. Ten slides will be a challenge, but I shall attempt it."),
        ]},
        {"id": "s02", "date": "2026-02-23 20:10", "turns": [
            (U, "On Saturday my husband and I attended the Toronto Symphony's Mahler programme at "
                "Roy Thomson Hall. The Fifth Symphony, and the Adagietto in particular, was "
                "remarkable. Could you recommend a recording of it?"),
            (A, "Two widely admired ones: Claudio Abbado with the Berlin Philharmonic, which is "
                "clear and flowing, and Leonard Bernstein with the Vienna Philharmonic, which is "
                "slower and more emotional. For the Adagietto alone, Bernstein's is the one people "
                "tend to remember."),
            (U, "Excellent. On an unrelated matter, I made a donation of $250 to the Daily Bread "
                "Food Bank's winter appeal this morning; I should like to keep a record of my "
                "charitable giving this year."),
            (A, "Noted: $250 to the Daily Bread Food Bank's winter appeal, 23 February."),
        ]},
        {"id": "s03", "date": "2026-03-16 08:45", "turns": [
            (U, "I depart for Osaka on Thursday, and I intend to spend most of the holiday in "
                "Kyoto. Which temples would you consider essential?"),
            (A, "Fushimi Inari (go early, before 8am, and climb past the first crowded gates), "
                "Kinkaku-ji, the Golden Pavilion, and Kiyomizu-dera. If you like quiet gardens, "
                "add the moss garden at Saiho-ji, which needs a reservation weeks in advance."),
            (U, "I confess I am still thinking about the Mahler I heard last month; I shall "
                "listen to the Bernstein recording on the flight."),
        ]},
        {"id": "s04", "date": "2026-03-31 21:00", "turns": [
            (U, "I returned to Toronto on Sunday and I remain rather jet-lagged. Fushimi Inari at "
                "dawn was everything you described."),
            (A, "Welcome back. For jet lag after flying east to west, get outside in the morning "
                "light and avoid napping after mid-afternoon; it usually settles within a few "
                "days."),
            (U, "Separately, my surgeon has scheduled the arthroscopy on my left knee for the 21st "
                "of April. Is there anything I ought to prepare beforehand?"),
            (A, "Arrange a lift home, as you will not be able to drive that day; put ice packs in "
                "the freezer; and clear a path through the house. Ask the clinic whether you "
                "should start the quadriceps exercises before the operation."),
        ]},
        {"id": "s05", "date": "2026-04-08 19:50", "turns": [
            (U, "I have enrolled in an evening Spanish course at a language school on Bloor "
                "Street; the first class is on Monday. Could you suggest a way to learn the "
                "irregular verbs that does not rely on rote repetition?"),
            (A, "Learn them in sentences you would actually say ('Tengo que ir', 'Hice la "
                "compra'), group them by pattern (the stem-changers e>ie, o>ue), and review them "
                "with spaced repetition rather than in one block."),
        ]},
        {"id": "s06", "date": "2026-05-06 18:20", "turns": [
            (U, "I sat the final fellowship examination yesterday. The results are not published "
                "until August, which I find difficult."),
            (A, "Congratulations on finishing it. The wait is hard; try to plan something for the "
                "week the results come out, so the date is not only about the examination."),
            (U, "My husband attended the opera on his own last week, since I was revising. I also "
                "gave $100 to a colleague's marathon fundraiser for the children's hospital."),
            (A, "Noted: $100 to your colleague's marathon fundraiser."),
        ]},
        {"id": "s07", "date": "2026-06-10 20:30", "turns": [
            (U, "A colleague offered me her spare ticket to the ballet on Friday, but I declined, "
                "as my knee does not tolerate the seats at the Four Seasons Centre. I have had two "
                "physiotherapy appointments since the operation, and the physiotherapist is "
                "pleased with my progress."),
            (A, "Two appointments in, with a good report, is encouraging. Keep doing the home "
                "exercises between sessions; that is where most of the progress comes from."),
            (U, "My husband has also begun physiotherapy, for his shoulder. We compare exercises "
                "in the evenings."),
        ]},
        {"id": "s08", "date": "2026-07-14 19:10", "turns": [
            (U, "My security badge for Lakeshore Re arrived on my second day there, which says a "
                "great deal about their onboarding. The reinsurance treaties are unfamiliar "
                "territory. Could you recommend an introductory text?"),
            (A, "Robert Kiln's 'Reinsurance in Practice' is the classic introduction; the Swiss "
                "Re publication 'An introduction to reinsurance' is free and much shorter."),
            (U, "Another physiotherapy session this morning; the stairs are easier. My husband, "
                "meanwhile, made a donation of $1,000 to his alma mater."),
        ]},
        {"id": "s09", "date": "2026-08-04 20:45", "turns": [
            (U, "On Friday we heard a chamber recital at Koerner Hall, Schubert's String Quintet. "
                "It was superb. I was also invited to the hospital foundation gala, at $400 a "
                "ticket, but I declined."),
            (A, "The Schubert Quintet live is a rare treat, especially the slow movement."),
            (U, "My physiotherapist cancelled Thursday's session, unfortunately."),
        ]},
        {"id": "s10", "date": "2026-08-24 18:30", "turns": [
            (U, "The final physiotherapy appointment for my knee was on Friday; I have been "
                "discharged. I also transferred $150 to the Red Cross appeal for the wildfires in "
                "British Columbia."),
            (A, "Congratulations on being discharged. Noted: $150 to the Red Cross wildfire "
                "appeal."),
            (U, "Finally, I have purchased two tickets for Hamilton in October. I am told it is "
                "excellent."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning", "question": "How many days was my trip to Japan?",
         "answer": "10 days (19 March to 29 March)",
         "evidence": [("s03", "depart for Osaka on Thursday"), ("s04", "returned to Toronto on Sunday")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "How many weeks ago did I sit my last actuarial exam?",
         "answer": "17 weeks (117 days; the exam was on 5 May)",
         "evidence": [("s06", "final fellowship examination yesterday")]},
        {"id": "q03", "type": "temporal-reasoning",
         "question": "Which came first, my knee operation or my first Spanish class?",
         "answer": "The Spanish class (first class 13 April)",
         "evidence": [("s04", "arthroscopy on my left knee"), ("s05", "first class is on Monday")]},
        {"id": "q04", "type": "multi-session",
         "question": "How many physio appointments have I had for my knee in total?",
         "answer": "4 (two by early June, one in July, and the final one in August)",
         "evidence": [("s07", "two physiotherapy appointments"), ("s08", "another physiotherapy session"),
                      ("s10", "final physiotherapy appointment")]},
        {"id": "q05", "type": "multi-session",
         "question": "What is the total I have given to charity so far this year?",
         "answer": "$500 ($250 food bank + $100 marathon fundraiser + $150 Red Cross)",
         "evidence": [("s02", "donation of $250"), ("s06", "gave $100"), ("s10", "transferred $150")]},
        {"id": "q06", "type": "knowledge-update", "question": "Who is my employer at this point?",
         "answer": "Lakeshore Re (you were at Harrow Mutual before)",
         "evidence": [("s01", "pricing actuary at Harrow Mutual"), ("s08", "badge for Lakeshore Re")]},
        {"id": "q07", "type": "single-session-assistant",
         "question": "What was the rule for slide decks you mentioned when I was preparing the quarterly review?",
         "answer": "The 10/20/30 rule (10 slides, 20 minutes, 30-point font)",
         "evidence": [("s01", "10/20/30 rule")]},
        {"id": "q08", "type": "single-session-user", "abs": True,
         "question": "Which university did my husband attend?",
         "answer": "You didn't mention which university he attended; you only said he donated $1,000 "
                   "to his alma mater.",
         "evidence": []},
    ],
}

# ---------------------------------------------------------------------------------------------
# t2: uni student and barista in Melbourne; lower case texting, typos, Australian slang
# ---------------------------------------------------------------------------------------------
T2 = {
    "key": "t2",
    "register": "student barista texting (Melbourne): lower case, typos, slang",
    "question_date": "2026-10-18 21:00",
    "fillers": [("g02", "2026-03-20 15:40"), ("g05", "2026-06-02 11:10"), ("g07", "2026-08-30 17:25"),
                ("g03", "2026-09-25 10:50")],
    "sessions": [
        {"id": "s01", "date": "2026-03-02 22:10", "turns": [
            (U, "ok so uni started back today and i had a 6 hr shift at little bean on lygon st "
                "after. my feet r dead. worth it tho bc i finally copped the new balance 550s, 160 "
                "bucks 😭"),
            (A, "Nice pick, the 550s go with everything. For the feet: cushioned insoles for work "
                "shoes and a few minutes of calf stretches after a long shift help a lot."),
        ]},
        {"id": "s02", "date": "2026-04-15 20:00", "turns": [
            (U, "got my wisdom teeth out this arvo, face like a hamster lol. what can i even eat"),
            (A, "Cold and soft for the first day or two: yoghurt, smoothies (no straw, it can "
                "dislodge the clot), mashed potato, soup that has cooled down. Don't rinse hard "
                "for 24 hours and avoid anything crunchy or spicy for about a week."),
            (U, "no straw is tragic. at least i saw the paper kites at the forum last nite b4 "
                "this, they were sooo good. my hair is still that faded pink btw i look insane "
                "w the chipmunk cheeks"),
        ]},
        {"id": "s03", "date": "2026-05-01 13:30", "turns": [
            (U, "my 21st is on the 9th of may!! planning a thing at a bar in fitzroy. whats a "
                "good drink to have on a menu thats not too strong"),
            (A, "A spritz is the classic: prosecco, an aperitif like Aperol and soda, light and "
                "cheap to batch. A non-alcoholic option on the menu is a nice touch too."),
            (U, "mia bought the exact same new balances as me lmao twinning. also reminder to me "
                "to tell u ive been vegan since jan, and mushrooms r the devil, dont ever suggest "
                "mushrooms to me"),
            (A, "Noted: vegan since January, and no mushrooms, ever."),
        ]},
        {"id": "s04", "date": "2026-05-20 23:05", "turns": [
            (U, "mia went to the fred again gig without me bc i was on a close, im so jelous. "
                "how do i stop being bitter abt it"),
            (A, "Let yourself be annoyed for a night, then ask her about it properly; people "
                "love telling a show story. And put the next tour date in your calendar now so "
                "you can book the shift off early."),
        ]},
        {"id": "s05", "date": "2026-06-24 18:45", "turns": [
            (U, "flyin to hobart fri morning w the girls!! road tripping up the east coast. must "
                "sees?"),
            (A, "Wineglass Bay in Freycinet (the lookout walk is an hour return), the Bay of "
                "Fires near St Helens, and Mona in Hobart if you have a spare morning. Pack warm "
                "layers, it's properly cold down there in June."),
            (U, "still not over the paper kites show from april tbh, been playing them on repeat "
                "to get hyped"),
        ]},
        {"id": "s06", "date": "2026-07-02 21:20", "turns": [
            (U, "home from launceston since tues, so tired. bay of fires was unreal. also sent "
                "the asics i ordered back, 190 bucks and they gave me blisters in one day, got the "
                "refund today"),
            (A, "Glad the trip was good. Smart to return the Asics, shoes that hurt on day one "
                "rarely get better."),
            (U, "oh and i quit little bean today. manager screamed at me again in front of "
                "customers. im done"),
            (A, "That sounds like the right call. Nobody should be shouted at in front of "
                "customers."),
        ]},
        {"id": "s07", "date": "2026-07-29 16:15", "turns": [
            (U, "the grind house roster is sooo much better, mondays off and they let me do "
                "latte art on the quiet shifts. also scored sambas on sale for 110!!"),
            (A, "Mondays off and latte art practice, great combination. And sambas for 110 is a "
                "good price."),
            (U, "sold my ticket to the spacey jane gig on friday tho, couldnt get the night off. "
                "sad"),
        ]},
        {"id": "s08", "date": "2026-08-19 12:40", "turns": [
            (U, "went full copper at the salon today, obsessed!!! pink era is over"),
            (A, "Copper is a great autumn colour. Use a colour-safe shampoo and cool water to "
                "keep it bright longer."),
            (U, "also lime cordiale at the corner hotel on saturday was unreal. and bali in sept "
                "w mia is cancelled, flights were insane, we're just gonna stay home"),
            (A, "Shame about Bali, but a Lime Cordiale show is a decent consolation."),
        ]},
        {"id": "s09", "date": "2026-09-10 19:00", "turns": [
            (U, "nearly bought the on cloud ones today but they were 250 so nah. my bank acc "
                "thanks me"),
            (A, "Good restraint. If you still want them in a month, look for end-of-season "
                "sales."),
        ]},
        {"id": "s10", "date": "2026-10-06 22:30", "turns": [
            (U, "got tix for ball park music in november yayyy. also what do i say in a uni "
                "email asking for an extension, i have a cold"),
            (A, "Keep it short: say which assignment, that you've been unwell, how many extra "
                "days you're asking for, and offer a medical certificate if the course needs "
                "one."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning", "question": "how many days was my tassie trip",
         "answer": "4 days (26 to 30 June)",
         "evidence": [("s05", "flyin to hobart fri morning"), ("s06", "home from launceston since tues")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "how many days after getting my wisdom teeth out was my 21st",
         "answer": "24 days (15 April to 9 May)",
         "evidence": [("s02", "wisdom teeth out this arvo"), ("s03", "my 21st is on the 9th of may")]},
        {"id": "q03", "type": "temporal-reasoning", "abs": True, "question": "how long was i in bali for",
         "answer": "You didn't go: the Bali trip with Mia in September was cancelled.", "evidence": []},
        {"id": "q04", "type": "multi-session", "question": "how much have i actually spent on sneakers this year",
         "answer": "$270 (New Balance 550s $160 + Sambas $110; the Asics were refunded)",
         "evidence": [("s01", "160 bucks"), ("s06", "got the refund"), ("s07", "sambas on sale for 110")]},
        {"id": "q05", "type": "multi-session", "question": "how many gigs have i been to this yr",
         "answer": "2 (The Paper Kites at the Forum and Lime Cordiale at the Corner Hotel)",
         "evidence": [("s02", "saw the paper kites"), ("s08", "lime cordiale at the corner hotel")]},
        {"id": "q06", "type": "knowledge-update", "question": "which cafe do i work at these days",
         "answer": "The Grind House (you quit Little Bean in July)",
         "evidence": [("s01", "little bean on lygon st"), ("s06", "quit little bean"),
                      ("s07", "the grind house roster")]},
        {"id": "q07", "type": "knowledge-update", "question": "what colour is my hair atm",
         "answer": "Copper (it used to be faded pink)",
         "evidence": [("s02", "faded pink"), ("s08", "full copper")]},
        {"id": "q08", "type": "single-session-preference",
         "question": "can u suggest something quick n cheap for dinner tonight",
         "answer": "The user would prefer a quick, cheap vegan dinner with no mushrooms, such as a "
                   "chickpea curry, tofu stir-fry or bean tacos.",
         "evidence": [("s03", "vegan since jan")]},
    ],
}

# ---------------------------------------------------------------------------------------------
# t3: firefighter in Glasgow; terse, clipped, few verbs, writes between shifts
# ---------------------------------------------------------------------------------------------
T3 = {
    "key": "t3",
    "register": "terse firefighter (Glasgow): clipped sentences, few words",
    "question_date": "2026-11-20 08:15",
    "fillers": [("g03", "2026-03-25 14:00"), ("g07", "2026-05-20 16:30"), ("g01", "2026-08-05 11:45"),
                ("g06", "2026-10-25 15:20")],
    "sessions": [
        {"id": "s01", "date": "2026-03-09 07:50", "turns": [
            (U, "Blue watch, Cowcaddens. Nights all week. Ben Lomond Saturday, wet the whole way. "
                "Boots leaked. Best waterproof boots under £150?"),
            (A, "Look at the Scarpa Terra GTX (about £150), the Salomon Quest 4 GTX when it's on "
                "sale, or the Merrell Moab 3 GTX mid (about £130) if you want something lighter. "
                "Re-proof any pair every few months; Gore-Tex boots leak when the outer leather "
                "wets out."),
            (U, "Scarpa then."),
        ]},
        {"id": "s02", "date": "2026-04-06 09:30", "turns": [
            (U, "Flat. New boiler fitted Friday. £2,400. Combi. Settings for a two-bed?"),
            (A, "Set the radiator flow temperature to about 55-60°C, which keeps a combi "
                "condensing and saves gas; hot water at about 50°C. Bleed the radiators once it "
                "has run for a week."),
        ]},
        {"id": "s03", "date": "2026-05-11 12:10", "turns": [
            (U, "Signed off today. Back spasm. Lifting a casualty Saturday. GP says two weeks "
                "minimum."),
            (A, "Sorry to hear it. Gentle walking and heat usually help more than bed rest; "
                "avoid lifting anything heavy. Follow the occupational health plan before you go "
                "back on the run."),
        ]},
        {"id": "s04", "date": "2026-05-29 21:40", "turns": [
            (U, "Back on the engine since Wednesday. Fine so far."),
            (A, "Good to hear. Keep up the stretches for a few weeks."),
            (U, "Took Bramble to the vet. Collie, 6. Limping front left. Sprain. Bill was "
                "steep."),
            (A, "Sprains in collies usually settle with a couple of weeks of short lead walks. "
                "Keep her off stairs and stop her jumping out of the car."),
        ]},
        {"id": "s05", "date": "2026-06-15 08:20", "turns": [
            (U, "Did Ben Vorlich and Stuc a' Chroin Sunday. Back held up. Brother-in-law had his "
                "kitchen done. £9k. Mad."),
            (A, "Two Munros in a day straight after a back injury is a good sign. Stretch before "
                "the next one."),
        ]},
        {"id": "s06", "date": "2026-07-06 18:05", "turns": [
            (U, "Stag in Benidorm. Fly Thursday. Best man. Speech tips. Short."),
            (A, "Keep it to five minutes: one story about the groom that his gran could hear, "
                "one line about his partner, a toast. Practise it out loud twice."),
            (U, "Windows quote in. £5,800. Said no."),
        ]},
        {"id": "s07", "date": "2026-07-14 10:00", "turns": [
            (U, "Home Sunday night. Never again. Speech went fine."),
            (A, "Glad the speech went well. Rest up."),
            (U, "Mate did Ben Nevis Saturday. I was on shift."),
        ]},
        {"id": "s08", "date": "2026-09-14 19:30", "turns": [
            (U, "Passed the ERD course Friday. Cleared to drive the appliance."),
            (A, "Congratulations. Emergency response driving is a hard course to pass."),
            (U, "Schiehallion planned Sunday. Weather bad. Bailed at the car park."),
        ]},
        {"id": "s09", "date": "2026-10-12 20:15", "turns": [
            (U, "Transfer went through. Parkhead from Monday. Red watch. Closer to the flat."),
            (A, "A shorter commute makes shift work a lot easier."),
            (U, "Ben Lomond again Saturday, took the nephew. Bathroom tiles done too. £650 "
                "materials, did it myself."),
            (A, "Tiling it yourself saved a lot. Seal the grout in a week or so."),
        ]},
        {"id": "s10", "date": "2026-11-02 07:40", "turns": [
            (U, "Cold snap. That £2,400 boiler was worth it. Flat warm. How often service a "
                "combi?"),
            (A, "Once a year, by a Gas Safe registered engineer; most warranties need it."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning", "question": "how long was I off work with my back",
         "answer": "16 days (11 to 27 May)",
         "evidence": [("s03", "signed off today"), ("s04", "back on the engine since wednesday")]},
        {"id": "q02", "type": "temporal-reasoning", "question": "How many days was the stag do in Spain?",
         "answer": "3 days (9 to 12 July)",
         "evidence": [("s06", "stag in benidorm"), ("s07", "home sunday night")]},
        {"id": "q03", "type": "temporal-reasoning",
         "question": "how many weeks since I qualified to drive the fire engine",
         "answer": "10 weeks (70 days; the course was passed on 11 September)",
         "evidence": [("s08", "passed the erd course friday")]},
        {"id": "q04", "type": "multi-session", "question": "what have I spent on the flat so far",
         "answer": "£3,050 (boiler £2,400 + bathroom tiles £650)",
         "evidence": [("s02", "£2,400"), ("s09", "£650")]},
        {"id": "q05", "type": "multi-session", "question": "how many different munros have I done this year",
         "answer": "3 (Ben Lomond, Ben Vorlich and Stuc a' Chroin)",
         "evidence": [("s01", "ben lomond saturday"), ("s05", "ben vorlich and stuc a' chroin"),
                      ("s09", "ben lomond again")]},
        {"id": "q06", "type": "knowledge-update", "question": "which station am I working out of",
         "answer": "Parkhead (Red watch; you were at Cowcaddens)",
         "evidence": [("s01", "cowcaddens"), ("s09", "parkhead from monday")]},
        {"id": "q07", "type": "single-session-user", "question": "whats my dog's name again",
         "answer": "Bramble", "evidence": [("s04", "took bramble to the vet")]},
        {"id": "q08", "type": "single-session-user", "abs": True, "question": "How much was Bramble's vet bill?",
         "answer": "You didn't say: you only said the bill was steep.", "evidence": []},
    ],
}

# ---------------------------------------------------------------------------------------------
# t4: retired postmistress in Falmouth, Cornwall; long rambling messages, asides, "bless her"
# ---------------------------------------------------------------------------------------------
T4 = {
    "key": "t4",
    "register": "rambling retiree (Falmouth): long messages, asides, family news",
    "question_date": "2026-12-01 15:00",
    "fillers": [("g02", "2026-02-25 10:15"), ("g05", "2026-05-27 14:50"), ("g08", "2026-09-09 11:30"),
                ("g04", "2026-11-18 16:05")],
    "sessions": [
        {"id": "s01", "date": "2026-02-11 10:40", "turns": [
            (U, "Hello dear, my granddaughter set this up for me so bear with me. I'm Gwen, I ran "
                "the post office in Falmouth for thirty one years until I retired, and now Derek "
                "and I potter about, though he'd say I do the pottering and he does the sitting. "
                "Our grandson Jamie is in his last year at Exeter doing geography, clever boy, and "
                "my sister Beryl rings every Sunday without fail. Anyway what I wanted to ask was "
                "whether our old Honda Jazz needs a new battery, it was ever so slow to start "
                "this morning in the cold."),
            (A, "Hello Gwen! A slow start on a cold morning is the classic sign of a tired "
                "battery, especially if it is more than four or five years old. Most garages and "
                "some motor parts shops will test it for free in a couple of minutes, so it is "
                "worth having it checked before it leaves you stranded."),
        ]},
        {"id": "s02", "date": "2026-03-18 16:20", "turns": [
            (U, "Well I've been making marmalade again, Seville oranges, the proper bitter ones, "
                "and I sold 14 jars at the WI stall on Saturday, which I was thrilled about "
                "because last year I brought most of them home again. But my last batch was runny "
                "as anything. How do I know when it's going to set?"),
            (A, "Marmalade sets at 105°C (220°F), so a sugar thermometer takes the guesswork "
                "out. Without one, use the wrinkle test: put a saucer in the freezer, drop a "
                "little marmalade on it, wait a minute and push it with your finger; if it "
                "wrinkles, it's ready. Runny batches are usually just boiled a few minutes too "
                "short."),
            (U, "105, I'll write that on the inside of the cupboard door."),
        ]},
        {"id": "s03", "date": "2026-04-20 19:05", "turns": [
            (U, "Beryl stayed the weekend, bless her, she snores like a walrus and Derek had to "
                "sleep with the radio on. Now the big news is that Jamie collects his degree from "
                "Exeter on the 23rd of June and we've got tickets for the ceremony, so what does a "
                "grandmother wear to a graduation? I don't want to look like the mother of the "
                "bride."),
            (A, "A smart dress or trousers with a light jacket is perfect, in a colour you feel "
                "good in; the ceremony will be indoors but the photographs are outside, so bring "
                "a wrap. Comfortable shoes matter more than you'd think, as there is a lot of "
                "standing about."),
        ]},
        {"id": "s04", "date": "2026-05-13 11:25", "turns": [
            (U, "We're off up to Inverness on the sleeper on Sunday night, Derek has wanted to do "
                "the sleeper train for years, and then a little hire car round the lochs. He "
                "wanted to do a boat trip on Loch Ness as well but I'm a terrible sailor, even the "
                "ferry to St Mawes turns me green, so he can go on that on his own. What should I "
                "pack for the Highlands in May?"),
            (A, "Layers, a proper waterproof and midge repellent (Smidge is the one locals swear "
                "by). May can be sunny one hour and sleeting the next up there."),
        ]},
        {"id": "s05", "date": "2026-06-03 17:45", "turns": [
            (U, "Well we've been back home a week today and I'm still dreaming about the lochs, "
                "the Highlands were glorious, not a drop of rain after the first day if you can "
                "believe it. And I had my hearing aids fitted on Monday, so I can actually hear "
                "what Derek's mumbling now, which is a mixed blessing. Our granddaughter Poppy "
                "stayed with us three nights while her mum was away, bless her, she ate us out of "
                "house and home."),
            (A, "It sounds like a lovely trip. New hearing aids can take a few weeks to get used "
                "to, so wear them a little longer each day and go back to the audiologist if "
                "anything whistles."),
        ]},
        {"id": "s06", "date": "2026-06-25 20:30", "turns": [
            (U, "Tuesday was my first watercolour class at the village hall, Tuesday afternoons "
                "for ten weeks, and I painted something that was meant to be Pendennis Castle and "
                "looked like a wet loaf. And I sold another 9 jars of the marmalade at the Mylor "
                "summer fair on Saturday. What brushes should a beginner buy?"),
            (A, "A size 8 or 10 round brush, a small size 2 round for detail, and a 1-inch flat "
                "for washes will do nearly everything. Synthetic ones are fine to start with and "
                "much cheaper than sable."),
        ]},
        {"id": "s07", "date": "2026-07-15 10:10", "turns": [
            (U, "My friend Ruth has been showing off, she sold 20 jars of her lemon curd at the "
                "church coffee morning, I shan't hear the end of it. Derek's cousin wanted to come "
                "and stay in August but we said not this summer, we're worn out. We did have a "
                "lovely afternoon at Trebah though, I adore a good garden, I could sit under the "
                "gunnera all day. Is it too late to plant sweet peas?"),
            (A, "It's late for seeds, but you can still plant sweet pea plug plants from a garden "
                "centre in July and get flowers into the autumn; keep picking them so they carry "
                "on flowering."),
        ]},
        {"id": "s08", "date": "2026-08-19 18:40", "turns": [
            (U, "The church fete was rained off on Saturday so I sold nothing at all, I had a "
                "whole box of marmalade ready. Beryl came again for the regatta, bless her. And "
                "I'm still getting used to charging the Kia from the socket in the garage, Derek "
                "keeps checking the little app every five minutes. Is it all right to leave it "
                "plugged in overnight?"),
            (A, "Yes, it's designed for that: the car stops charging when it's full. Many "
                "owners set it to charge to 80% day to day and to 100% before a long trip, which "
                "is kinder to the battery."),
        ]},
        {"id": "s09", "date": "2026-10-16 12:00", "turns": [
            (U, "Derek's new hip went in on Monday and he's already complaining about the "
                "hospital food, so he must be on the mend. Painting was lovely on Thursday "
                "morning, the hall is cheaper for them in the mornings apparently, and I managed "
                "a seagull that actually looks like a seagull."),
            (A, "Complaining about the food is a very good sign! He'll be given exercises to do "
                "at home; they make a big difference to how quickly he's walking normally."),
        ]},
        {"id": "s10", "date": "2026-11-10 14:30", "turns": [
            (U, "Jamie and his girlfriend Tamsin stayed in our spare room on Saturday night, "
                "she's a lovely girl, a vet nurse. And I've promised 30 jars of marmalade for the "
                "Christmas market in December, so I'd better get going. Derek is pottering about "
                "with his frame."),
            (A, "Thirty jars is a good target. You could make them in three batches of ten, "
                "which sets more reliably than one big pan."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning", "question": "How long were Derek and I away in Scotland?",
         "answer": "10 days (17 to 27 May)",
         "evidence": [("s04", "inverness on the sleeper on sunday night"), ("s05", "back home a week today")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "Which came first, my hearing aids or my grandson's graduation ceremony?",
         "answer": "The hearing aids (fitted on 1 June)",
         "evidence": [("s03", "collects his degree from exeter on the 23rd of june"),
                      ("s05", "hearing aids fitted on monday")]},
        {"id": "q03", "type": "temporal-reasoning", "abs": True,
         "question": "How many days was I in hospital after my hip operation?",
         "answer": "You haven't had a hip operation: it was Derek's hip that was replaced.", "evidence": []},
        {"id": "q04", "type": "multi-session",
         "question": "How many jars of my marmalade have I sold altogether this year?",
         "answer": "23 (14 at the WI stall and 9 at the Mylor summer fair)",
         "evidence": [("s02", "sold 14 jars"), ("s06", "another 9 jars")]},
        {"id": "q05", "type": "multi-session",
         "question": "How many different people have stayed over with us this year?",
         "answer": "4 (Beryl, Poppy, Jamie and Tamsin)",
         "evidence": [("s03", "beryl stayed the weekend"), ("s05", "poppy stayed with us"),
                      ("s08", "beryl came again"), ("s10", "jamie and his girlfriend tamsin")]},
        {"id": "q06", "type": "knowledge-update", "question": "What car have we got these days?",
         "answer": "A Kia (an electric one; you had a Honda Jazz before)",
         "evidence": [("s01", "honda jazz"), ("s08", "charging the kia")]},
        {"id": "q07", "type": "knowledge-update", "question": "When is my painting class?",
         "answer": "Thursday or Thursdays (mornings; it was Tuesday afternoons at first)",
         "evidence": [("s06", "tuesday afternoons"), ("s09", "painting was lovely on thursday morning")]},
        {"id": "q08", "type": "single-session-assistant",
         "question": "What temperature did you tell me marmalade sets at?",
         "answer": "105°C or 105 degrees or 220°F", "evidence": [("s02", "sets at 105°c")]},
        {"id": "q09", "type": "single-session-preference",
         "question": "Could you suggest a day out for Derek and me next week?",
         "answer": "The user would prefer a day out on dry land, with no boat trip (she gets "
                   "seasick), ideally a garden such as Trebah or another Cornish garden, close "
                   "to home, gentle enough for Derek after his hip operation.",
         "evidence": [("s04", "terrible sailor"), ("s07", "adore a good garden")]},
    ],
}

# ---------------------------------------------------------------------------------------------
# t5: Italian software tester in Munich; non-native English (word order, prepositions, tenses)
# ---------------------------------------------------------------------------------------------
T5 = {
    "key": "t5",
    "register": "non-native English (Italian software tester in Munich)",
    "question_date": "2026-09-27 19:00",
    "fillers": [("g04", "2026-02-18 13:40"), ("g08", "2026-04-22 09:55"), ("g06", "2026-07-08 20:10"),
                ("g05", "2026-09-02 21:35")],
    "sessions": [
        {"id": "s01", "date": "2026-02-03 19:20", "turns": [
            (U, "Hello! I am Ilaria, I work like software tester at Brückner Logistik in Munich, "
                "mostly I test the warehouse app. Today I have changed the chain of my bike, the "
                "new chain costed 35 euro. Is normal that it makes noise the first days?"),
            (A, "A little noise is normal while a new chain beds in, but a lot of noise usually "
                "means it needs lube or the gears need a small adjustment. Lube it, wipe off the "
                "extra, and if it still clicks when you change gear, the rear derailleur cable "
                "tension probably needs a quarter turn."),
        ]},
        {"id": "s02", "date": "2026-03-10 21:00", "turns": [
            (U, "Yesterday I had the first lesson of German B2 at the Volkshochschule. The "
                "teacher speaks very fast! My flatmate Lukas says I must watch Tatort for "
                "practice, but he only is cooking Maultaschen and watching football, so I don't "
                "trust him."),
            (A, "Lukas has a point: crime series are good practice because the language is "
                "everyday. Turn on German subtitles, not English ones, and watch one episode "
                "twice rather than two episodes once."),
        ]},
        {"id": "s03", "date": "2026-04-14 18:30", "turns": [
            (U, "I had an interview with Sensortech on Monday, for a QA engineer role, I think it "
                "went good. Also yesterday I had a puncture, the bike shop charged me 20 euro "
                "for repair. Can you suggest a mountain for a first hike, I can go by train from "
                "Munich?"),
            (A, "Three good ones by train: the Herzogstand (train to Kochel, bus to the "
                "Walchensee cable car, or walk up; about 3 hours), the Wank above "
                "Garmisch-Partenkirchen (steady forest paths, 4-5 hours), and the Tegelberg near "
                "Füssen (steeper, with views of Neuschwanstein). For a first hike the Herzogstand "
                "is the easiest: well marked, and you can take the cable car down if your legs "
                "are tired."),
        ]},
        {"id": "s04", "date": "2026-06-17 20:40", "turns": [
            (U, "The B2 exam was yesterday, I think it went ok, the listening part was terrible "
                "but the writing was fine. Now I am waiting."),
            (A, "Well done for getting through it. Listening parts feel worse than they are; "
                "most people score better there than they expect."),
        ]},
        {"id": "s05", "date": "2026-07-01 19:15", "turns": [
            (U, "Second interview with Sensortech today, this time with the CTO. He asked me "
                "about flaky tests for one hour. Also my colleague Jonas paid 300 euro for the "
                "service of his e-bike, crazy."),
            (A, "An hour on flaky tests means they care about test quality, which is a good "
                "sign for a QA role. Fingers crossed."),
        ]},
        {"id": "s06", "date": "2026-07-22 18:50", "turns": [
            (U, "Also a phone interview with Bavaria Mobility this morning, only 30 minutes. My "
                "colleague Finja from my team has an interview at Siemens next week, so maybe we "
                "leave together haha. The bike shop wanted 90 euro for new brakes, I said no, I "
                "will do myself."),
            (A, "Brake pads are a manageable job at home: buy the pads for your exact brake "
                "model, take a photo before you take the old ones out, and test the brakes at "
                "low speed before riding in traffic."),
        ]},
        {"id": "s07", "date": "2026-07-29 20:05", "turns": [
            (U, "On Saturday I take the train to Verona, my parents wait me at the station. Three "
                "weeks of pasta! I changed the brake pads myself yesterday, the pads costed 18 "
                "euro and it works!"),
            (A, "Well done on the brakes. Enjoy Verona and your parents' cooking!"),
        ]},
        {"id": "s08", "date": "2026-08-21 21:10", "turns": [
            (U, "I am back in Munich from Thursday, the city is so empty in August. Kellerwerk "
                "invited me to an interview but I refused, the salary is too low."),
            (A, "Munich in late August is famously quiet. Saying no to a role that doesn't pay "
                "enough is reasonable when other interviews are going well."),
        ]},
        {"id": "s09", "date": "2026-09-16 19:40", "turns": [
            (U, "My second week at Sensortech, the test team is small but very good, and my desk "
                "is next to the window. What is the best way to learn Playwright fast?"),
            (A, "Start from the official Playwright docs' getting-started guide and write tests "
                "for a small real page straight away; use codegen to record a first draft, then "
                "rewrite it with proper locators (getByRole, getByLabel) instead of CSS "
                "selectors."),
        ]},
        {"id": "s10", "date": "2026-09-24 18:00", "turns": [
            (U, "Finally I have the result of the B2, I passed with 'gut'! Lukas made a cake, "
                "even if it was a very strange cake."),
            (A, "Congratulations, 'gut' at B2 is a real achievement."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "How many days I stayed by my parents in Italy this summer?",
         "answer": "19 days (1 to 20 August)",
         "evidence": [("s07", "train to verona"), ("s08", "back in munich from thursday")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "How many weeks from the start of my German course until the exam?",
         "answer": "14 weeks (99 days, 9 March to 16 June)",
         "evidence": [("s02", "first lesson of german b2"), ("s04", "b2 exam was yesterday")]},
        {"id": "q03", "type": "multi-session",
         "question": "How much I spent for my bike this year, all together?",
         "answer": "€73 (chain €35 + puncture repair €20 + brake pads €18)",
         "evidence": [("s01", "costed 35 euro"), ("s03", "charged me 20 euro"), ("s07", "costed 18 euro")]},
        {"id": "q04", "type": "multi-session",
         "question": "With how many different companies I had job interviews?",
         "answer": "2 (Sensortech and Bavaria Mobility)",
         "evidence": [("s03", "interview with sensortech"), ("s05", "second interview with sensortech"),
                      ("s06", "phone interview with bavaria mobility")]},
        {"id": "q05", "type": "knowledge-update", "question": "For which company I am working at the moment?",
         "answer": "Sensortech (you were at Brückner Logistik before)",
         "evidence": [("s01", "brückner logistik"), ("s09", "second week at sensortech")]},
        {"id": "q06", "type": "single-session-user", "question": "How is called my flatmate?",
         "answer": "Lukas", "evidence": [("s02", "my flatmate lukas")]},
        {"id": "q07", "type": "single-session-assistant",
         "question": "Which mountain you said is the easiest one for a first hike?",
         "answer": "The Herzogstand", "evidence": [("s03", "herzogstand is the easiest")]},
        {"id": "q08", "type": "single-session-user", "abs": True,
         "question": "How much I paid for the service of my e-bike?",
         "answer": "You didn't have an e-bike service: it was your colleague Jonas who paid 300 euro "
                   "for his.",
         "evidence": []},
    ],
}

PERSONAS = [T1, T2, T3, T4, T5]

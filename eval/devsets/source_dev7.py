"""dev7: a hand-written DEVELOPMENT answer set (au15, 2026-12-05). Content only; build.py builds dev7.json.

Written by hand, blind: the author did not read kgmem's answering, retrieval, extraction,
temporal or resource code, its synthetic generator, other sets' predictions or any held-out set;
only dev6's *format* (this layout, the gold style) and the offline scorer's matching rules were
read. No person, place or wording of dev3-dev6 is reused. Open to everyone: develop against it
and report it as a set the code was developed against (its first, blind figure is
eval/results/dev7_blind.md).

Layout (the same as source_dev6.py): PERSONAS is a list of personas; each has a register, a
question date, its own sessions (id, date "YYYY-MM-DD HH:MM", turns as (role, text)), the filler
chats it gets (filler id, date) and its questions. A question's evidence is a list of (session
id, substring): every turn of that session containing the substring (case-insensitive) is an
evidence turn (``has_answer``). ``_abs`` questions have no evidence.

Weighted to what fails on never-tuned sets: trips told ahead ("fly out on Friday") and ended
later in other words ("arrived home from Lisbon"), asked by the country while the lines name
cities or islands, next to a near miss of the same kind (a brother's trip to Spain, a friend's
trip to Fiji, a day trip to Belgium); questions that share no content word with their evidence
("who signs my pay cheques" / "first day at Ndlovu Heritage Engineering", "anatomy" / "a&p",
"driving test" / "passed my restricted"); measures (a temperature, a height, a boat's length, a
5 km time); accented names (Zoë, São Paulo, pão de queijo, Kōwhai); counts and sums with a
friend's share, a plan not carried out, something declined or refunded and the same thing told
twice; values that change, told the second time without a change word.
"""

from __future__ import annotations

U, A = "user", "assistant"

# ---------------------------------------------------------------------------------------------
# Filler chats: generic assistant help, no personal facts. Each persona gets four.
# ---------------------------------------------------------------------------------------------
FILLERS: dict[str, list[tuple[str, str]]] = {
    "h01": [
        (U, "In pandas, how do I get the average of one column for each value of another column?"),
        (A, "Use groupby and then mean:\n\n    df.groupby(\"region\")[\"sales\"].mean()\n\nThat "
            "returns a Series indexed by region. Add `.reset_index()` if you want a DataFrame back, "
            "or use `.agg([\"mean\", \"count\"])` to get several statistics at once."),
    ],
    "h02": [
        (U, "how long do i boil an egg for a runny yolk"),
        (A, "Lower a fridge-cold large egg into water that is already boiling and cook it for 6 "
            "minutes for a set white and a runny yolk; 7 minutes gives a jammy yolk, 9-10 minutes "
            "a hard-boiled one. Put it in cold water for a minute afterwards so it peels easily."),
    ],
    "h03": [
        (U, "Why do we have seasons? Is it because the Earth is closer to the Sun in summer?"),
        (A, "No, it is the tilt. The Earth's axis leans about 23.4 degrees, so for half the year "
            "your hemisphere leans towards the Sun: sunlight arrives more steeply and days are "
            "longer, which is summer. The distance barely matters; the Earth is in fact closest "
            "to the Sun in early January, during the northern winter."),
    ],
    "h04": [
        (U, "docker: how do I delete all the stopped containers in one go"),
        (A, "`docker container prune` removes every stopped container (it asks for confirmation; "
            "add `-f` to skip it). `docker system prune` goes further and also removes unused "
            "networks, dangling images and the build cache, so use it with care."),
    ],
    "h05": [
        (U, "Write an acrostic poem for the word TIDE."),
        (A, "Turning on the hour it keeps,\nInching up the harbour steps,\nDrawing back the "
            "weed it leaves,\nEbbing out as the town sleeps."),
    ],
    "h06": [
        (U, "My shower drains really slowly. How do I fix it without buying chemicals?"),
        (A, "Take the drain cover off and pull out the hair with a cheap plastic drain snake or a "
            "bent wire hanger; that is the cause nine times out of ten. Then pour in half a cup "
            "of bicarbonate of soda, a cup of vinegar, wait fifteen minutes and flush with a "
            "kettle of hot water. A plunger with the overflow covered also helps."),
    ],
    "h07": [
        (U, "Explain the Monty Hall problem like I'm ten."),
        (A, "There are three doors: a car behind one, goats behind two. You pick a door. The host, "
            "who knows where the car is, opens one of the other doors to show a goat, then lets "
            "you switch. You should switch: your first pick was right only 1 time in 3, so the "
            "other closed door has the car 2 times in 3."),
        (U, "that still feels wrong"),
        (A, "Imagine 100 doors: you pick one, the host opens 98 goat doors and leaves one shut. "
            "Sticking means betting your first 1-in-100 guess was right."),
    ],
    "h08": [
        (U, "What is the difference between weather and climate?"),
        (A, "Weather is what the atmosphere is doing over hours or days: today's rain, "
            "tomorrow's wind. Climate is the average pattern of weather in a place over decades, "
            "usually 30 years. A cold week says little about the climate; thirty years of "
            "warmer winters says a lot."),
    ],
}


# ---------------------------------------------------------------------------------------------
# v1: structural engineer in Cape Town; formal, measured, complete sentences
# ---------------------------------------------------------------------------------------------
V1 = {
    "key": "v1",
    "register": "formal structural engineer (Cape Town)",
    "question_date": "2027-09-13 09:30",
    "fillers": [("h01", "2027-02-24 12:40"), ("h03", "2027-04-03 16:05"), ("h06", "2027-06-26 10:30"),
                ("h08", "2027-08-21 14:15")],
    "sessions": [
        {"id": "s01", "date": "2027-01-19 19:40", "turns": [
            (U, "Good evening. I am a structural engineer with Kloof & Partners, and next month I "
                "am to supervise a concrete pour on a site in Stellenbosch. The forecast for the "
                "early mornings is unusually cold. At what point ought I to postpone the pour?"),
            (A, "The usual rule is not to place concrete without protection when the air "
                "temperature is below 5°C (41°F) and falling. If you must pour in those conditions, "
                "use heated mixing water or an accelerator, cover the slab with insulated blankets "
                "and keep the fresh concrete above about 10°C for the first two days."),
            (U, "Thank you; that is most helpful. I shall raise it with the contractor."),
        ]},
        {"id": "s02", "date": "2027-02-06 22:15", "turns": [
            (U, "This evening my wife Lindiwe and I saw 'The Island' at the Baxter Theatre. I was "
                "deeply moved. Could you tell me something of the play's history?"),
            (A, "'The Island' was devised in 1973 by Athol Fugard with John Kani and Winston "
                "Ntshona, who also performed it. It is set in a cell on Robben Island, where two "
                "prisoners rehearse Antigone; it was first staged under another title to avoid the "
                "censors."),
            (U, "Fascinating. On a domestic note, our son Thabo was measured at his check-up on "
                "Thursday: 1.42 metres, at eleven years of age. Is that within the usual range?"),
            (A, "Yes, comfortably. For an eleven-year-old boy the average is a little over 1.40 m, "
                "and children grow quickly in the years just before puberty."),
        ]},
        {"id": "s03", "date": "2027-03-09 20:05", "turns": [
            (U, "Lindiwe and I fly out on Friday; we land in Porto in the evening and intend to "
                "drive along the Douro valley before finishing in Lisbon. Which estates would you "
                "suggest for a tasting?"),
            (A, "Quinta do Crasto and Quinta do Seixo both have superb views over the river, and "
                "Quinta da Pacheca near Lamego is good for a long lunch. Book the tastings ahead; "
                "the roads are narrow and slow, so allow more time between them than the map "
                "suggests."),
            (U, "Thabo will stay with his grandmother in Gugulethu while we are away."),
        ]},
        {"id": "s04", "date": "2027-03-24 19:30", "turns": [
            (U, "We arrived home from Lisbon on Monday night, somewhat weary. The Douro was "
                "exceptional; Lindiwe has already asked when we might return."),
            (A, "Welcome home. Spring in the Douro is a fine time to go; the autumn harvest is "
                "worth seeing on a second visit."),
            (U, "On another matter: my brother Sipho has just returned from eleven days in Spain "
                "with his family. He speaks of nothing but Seville."),
        ]},
        {"id": "s05", "date": "2027-04-14 18:50", "turns": [
            (U, "I had a second interview with Ndlovu Heritage Engineering this afternoon, a "
                "practice that restores historic buildings. I was also invited to interview at "
                "Meridian Structures, but I declined, as their work is largely car parks. How "
                "should I approach a negotiation over salary?"),
            (A, "Let them name a figure first if you can, know the market rate for your grade, and "
                "negotiate the whole package (leave, study support, pension) rather than the salary "
                "alone. Express enthusiasm for the work before you discuss money."),
        ]},
        {"id": "s06", "date": "2027-04-27 20:20", "turns": [
            (U, "Lindiwe went to the Baxter on Saturday with her sister to see a musical; I stayed "
                "at home with Thabo, who had a fever."),
            (A, "I hope Thabo is feeling better."),
            (U, "He is, thank you. Our anniversary falls in September and I should like to plan "
                "a dinner well in advance. I ought to mention that Lindiwe has coeliac disease, so "
                "the kitchen must be strictly gluten-free for her dishes, and I confess I cannot "
                "abide seafood in any form."),
            (A, "Noted: strictly gluten-free cooking for Lindiwe, and no seafood for you. I will "
                "keep both in mind when you are ready to choose."),
        ]},
        {"id": "s07", "date": "2027-05-05 19:00", "turns": [
            (U, "Monday was my first day at Ndlovu Heritage Engineering. I have been given a desk "
                "overlooking the Company's Garden and a nineteenth-century granary to assess. "
                "What should I know about lime mortar?"),
            (A, "Lime mortar is softer and more permeable than cement mortar: it lets old walls "
                "breathe and lets the mortar, not the brick, take the movement. Never repoint a "
                "historic lime wall with cement, as moisture gets trapped and the bricks spall."),
        ]},
        {"id": "s08", "date": "2027-06-09 20:40", "turns": [
            (U, "We spent two nights in Windhoek at the weekend for a cousin's wedding. Namibia in "
                "winter is far colder at night than one imagines."),
            (A, "The desert air loses its heat quickly; nights near freezing are common there in "
                "June."),
            (U, "Regrettably we had tickets for 'Sizwe Banzi Is Dead' at the Baxter on Friday, but "
                "we gave them to our neighbours, as Thabo was unwell again."),
        ]},
        {"id": "s09", "date": "2027-07-17 10:15", "turns": [
            (U, "Last night Lindiwe and I saw a new staging of 'Master Harold... and the Boys' at "
                "the Fugard Theatre. The final scene was almost unbearable. Is the play still "
                "studied in schools?"),
            (A, "Yes, it is a set work in many South African schools and is widely taught abroad; "
                "the kite scene and the ending are the usual focus of essays."),
        ]},
        {"id": "s10", "date": "2027-08-11 19:10", "turns": [
            (U, "The school nurse put Thabo at one metre fifty-one yesterday; he has outgrown every "
                "pair of trousers he owns."),
            (A, "That is a good growth spurt for six months. Buying trousers a size up with an "
                "adjustable waist will save you a few trips to the shops."),
            (U, "On Saturday we also saw a revival of 'Woza Albert!' at the Baxter. Two actors "
                "playing dozens of characters, and the audience was on its feet at the end."),
        ]},
        {"id": "s11", "date": "2027-08-30 20:00", "turns": [
            (U, "I am still thinking about the 'Woza Albert!' revival we saw earlier this month. "
                "Separately, could you explain in plain terms what a moment connection is, for a "
                "report that non-engineers will read?"),
            (A, "A moment connection is a joint that stops the two members rotating relative to "
                "each other, like a table leg glued rigidly to the top, so it carries bending as "
                "well as weight. A pinned connection lets them rotate, like a hinge."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "How long was our trip to Portugal, in days?",
         "answer": "10 days (12 March to 22 March)",
         "evidence": [("s03", "we land in porto"), ("s04", "arrived home from lisbon")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "Which came first: the holiday in Portugal or my first day in the new job?",
         "answer": "The holiday in Portugal or the Portugal holiday or the trip to Portugal (12 to 22 March)",
         "evidence": [("s03", "we land in porto"), ("s04", "arrived home from lisbon"),
                      ("s07", "first day at ndlovu heritage engineering")]},
        {"id": "q03", "type": "temporal-reasoning", "abs": True,
         "question": "How many days did I spend in Spain this year?",
         "answer": "You did not go to Spain: it was your brother Sipho who spent eleven days there "
                   "(your own trip was to Portugal).",
         "evidence": []},
        {"id": "q04", "type": "multi-session",
         "question": "How many plays have Lindiwe and I seen together this year?",
         "answer": "3 (The Island, Master Harold... and the Boys, and Woza Albert!)",
         "evidence": [("s02", "saw 'the island'"), ("s09", "saw a new staging"),
                      ("s10", "revival of 'woza albert!'")]},
        {"id": "q05", "type": "knowledge-update", "question": "Who signs my pay cheques these days?",
         "answer": "Ndlovu Heritage Engineering (you were at Kloof & Partners before)",
         "evidence": [("s01", "kloof & partners"), ("s07", "first day at ndlovu heritage engineering")]},
        {"id": "q06", "type": "knowledge-update", "question": "How tall is Thabo at this point?",
         "answer": "1.51 m or 1.51 metres or 151 cm or one metre fifty-one (he was 1.42 m in February)",
         "evidence": [("s02", "1.42 metres"), ("s10", "one metre fifty-one")]},
        {"id": "q07", "type": "single-session-assistant",
         "question": "What temperature did you say was too cold to pour concrete without protection?",
         "answer": "5°C or 5 degrees or 41°F (below 5°C and falling)",
         "evidence": [("s01", "below 5°c")]},
        {"id": "q08", "type": "single-session-preference",
         "question": "Could you suggest somewhere for our anniversary dinner?",
         "answer": "The user would prefer a restaurant whose kitchen can cook strictly gluten-free "
                   "(his wife Lindiwe has coeliac disease) and that is not a seafood restaurant "
                   "(he cannot abide seafood), for example a Cape Town steakhouse or a "
                   "vegetable-led restaurant with a certified gluten-free menu.",
         "evidence": [("s06", "coeliac disease")]},
    ],
}

# ---------------------------------------------------------------------------------------------
# v2: nursing student in Auckland with a café job; lower-case texting, typos, no apostrophes
# ---------------------------------------------------------------------------------------------
V2 = {
    "key": "v2",
    "register": "nursing student texting (Auckland): lower case, typos, no apostrophes",
    "question_date": "2027-11-20 21:00",
    "fillers": [("h02", "2027-03-15 08:10"), ("h04", "2027-06-02 23:40"), ("h05", "2027-08-15 15:30"),
                ("h07", "2027-10-12 22:05")],
    "sessions": [
        {"id": "s01", "date": "2027-02-22 22:30", "turns": [
            (U, "first day of 2nd yr nursing today ugh and then a close at kōwhai café after. also "
                "signed up at iron paddock on k rd, 17 bucks a week, gonna get strong this yr"),
            (A, "Big day! For a new gym routine, start with three full-body sessions a week and "
                "add weight slowly; it's easier to stick to than a six-day split."),
            (U, "and my demio failed its wof, needed 2 new tyres. $260 gone just like that"),
            (A, "Painful, but tyres are a safety item so it's money well spent."),
        ]},
        {"id": "s02", "date": "2027-03-10 21:45", "turns": [
            (U, "jess flew to fiji this morning for 2 whole weeks im so jelous. anyway how do i "
                "wash my merino jumper without wrecking it"),
            (A, "Use the wool cycle, or a gentle cycle at 30°C at most (cold is fine), with a wool "
                "detergent and a low spin. Never tumble dry it: reshape it and dry it flat on a "
                "towel, out of direct sun."),
        ]},
        {"id": "s03", "date": "2027-03-28 23:10", "turns": [
            (U, "six60 at eden park last nite!!!! screamed my lungs out, no voice today lol"),
            (A, "Sounds like a great night. Honey and lemon in warm water, and rest your voice "
                "rather than whispering, whispering strains it more."),
            (U, "also dad paid my rego this month, $390. thank u dad"),
        ]},
        {"id": "s04", "date": "2027-04-19 20:00", "turns": [
            (U, "flyin to raro on thurs w mum for aunty losas 50th!!! what do i pack, never been "
                "to the islands"),
            (A, "Light cotton clothes, reef-safe sunscreen, a hat, reef shoes for the lagoon and "
                "something a bit dressy for the party. Cash is handy at the markets, and bring "
                "insect repellent for the evenings."),
        ]},
        {"id": "s05", "date": "2027-05-04 18:30", "turns": [
            (U, "back from rarotonga since sat, my tan lines r insane. aunty cried at her speech "
                "and so did everyone"),
            (A, "That sounds lovely. Moisturise well for the next few days so the tan doesn't "
                "peel."),
        ]},
        {"id": "s06", "date": "2027-05-26 16:20", "turns": [
            (U, "got my a&p results back, 78%!!! highest in my tutorial group lol"),
            (A, "Congratulations, that's a really strong mark for anatomy and physiology."),
            (U, "buuut my car battery died in the uni carpark so new one from repco, $189. "
                "adulting sucks"),
            (A, "Annoying timing. Ask them to test the alternator too, so the new battery "
                "doesn't go flat the same way."),
        ]},
        {"id": "s07", "date": "2027-06-15 21:00", "turns": [
            (U, "jess went to lorde without me bc i had a late shift. she sent me videos the "
                "whole time which was worse honestly"),
            (A, "That's hard. Ask her for the full story over coffee; it's more fun than the "
                "videos."),
            (U, "also mechanic says the cambelt needs doing soon, quoted $700. nah not yet, "
                "cant afford it"),
        ]},
        {"id": "s08", "date": "2027-07-09 17:40", "turns": [
            (U, "PASSED MY RESTRICTED!!!! first go!!! the tester was so scary but i didnt even "
                "hit the curb on the parallel park"),
            (A, "Congratulations! Remember the restricted licence conditions: no passengers "
                "without a supervisor, and no driving between 10pm and 5am."),
        ]},
        {"id": "s09", "date": "2027-08-03 22:15", "turns": [
            (U, "benee at the powerstation on saturday was UNREAL. tiny venue, i was right at "
                "the front"),
            (A, "The Powerstation is a great size for a show like that."),
            (U, "sold my l.a.b. tix to my cousin tho, couldnt afford it this month"),
        ]},
        {"id": "s10", "date": "2027-08-28 09:20", "turns": [
            (U, "did 40 lengths at the parnell baths this morning, swimming >>> lifting. havent "
                "set foot in iron paddock since like june lol"),
            (A, "Forty lengths is a solid session. Swimming is easy on the joints, which helps "
                "with long shifts on your feet."),
            (U, "oh and the tyres i told u about, the $260 ones, still going good"),
        ]},
        {"id": "s11", "date": "2027-09-21 20:30", "turns": [
            (U, "mitski at the town hall last nite, i cried the whole time. still cant stop "
                "thinking abt benee tbh, best month for gigs ever"),
            (A, "Two very different shows, both worth crying over."),
        ]},
        {"id": "s12", "date": "2027-10-30 13:00", "turns": [
            (U, "got tix for fat freddys drop in december!! also how do i remember the cranial "
                "nerves for my exam"),
            (A, "Use a mnemonic for the order (olfactory, optic, oculomotor, trochlear, trigeminal, "
                "abducens, facial, vestibulocochlear, glossopharyngeal, vagus, accessory, "
                "hypoglossal) and a second one for sensory/motor/both, then test yourself on them "
                "out of order."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning", "question": "how many days was i in the cook islands",
         "answer": "9 days (22 April to 1 May)",
         "evidence": [("s04", "flyin to raro on thurs"), ("s05", "back from rarotonga since sat")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "how many weeks ago did i pass my driving test",
         "answer": "19 weeks (134 days; you passed on 9 July)",
         "evidence": [("s08", "passed my restricted")]},
        {"id": "q03", "type": "temporal-reasoning", "abs": True, "question": "how long was i in fiji for",
         "answer": "You weren't in Fiji: your friend Jess went for two weeks; your own trip was to "
                   "Rarotonga.",
         "evidence": []},
        {"id": "q04", "type": "multi-session", "question": "how many concerts have i been to this yr",
         "answer": "3 (Six60 at Eden Park, Benee at the Powerstation and Mitski at the Town Hall)",
         "evidence": [("s03", "six60 at eden park"), ("s09", "benee at the powerstation"),
                      ("s11", "mitski at the town hall")]},
        {"id": "q05", "type": "multi-session", "question": "how much have i spent fixing my car this year",
         "answer": "$449 ($260 for two tyres + $189 for a battery)",
         "evidence": [("s01", "$260 gone"), ("s06", "$189")]},
        {"id": "q06", "type": "knowledge-update", "question": "what do i do to keep fit atm",
         "answer": "Swimming or the Parnell Baths (lengths at the Parnell Baths; you used to lift "
                   "at Iron Paddock gym)",
         "evidence": [("s01", "signed up at iron paddock"), ("s10", "40 lengths at the parnell baths")]},
        {"id": "q07", "type": "single-session-user", "question": "what mark did i get for anatomy",
         "answer": "78%", "evidence": [("s06", "a&p results back, 78%")]},
        {"id": "q08", "type": "single-session-assistant",
         "question": "what temp did u say to wash my merino jumper at",
         "answer": "30°C or 30 degrees (at most, on a wool or gentle cycle; cold is fine)",
         "evidence": [("s02", "30°c at most")]},
    ],
}

# ---------------------------------------------------------------------------------------------
# v3: offshore mechanical technician in Aberdeen; terse, clipped, few verbs
# ---------------------------------------------------------------------------------------------
V3 = {
    "key": "v3",
    "register": "offshore technician (Aberdeen): terse, clipped",
    "question_date": "2027-10-08 19:00",
    "fillers": [("h01", "2027-03-01 21:10"), ("h03", "2027-05-30 09:45"), ("h07", "2027-08-01 20:30"),
                ("h08", "2027-09-15 07:20")],
    "sessions": [
        {"id": "s01", "date": "2027-01-12 18:05", "turns": [
            (U, "Astra's brakes are shot. Garage Friday. Fair price for pads and discs, front?"),
            (A, "For a Vauxhall Astra, front pads and discs usually cost about £150-£250 fitted at "
                "an independent garage, more at a main dealer. Ask whether the quote includes "
                "fitting and VAT."),
            (U, "Cheers."),
        ]},
        {"id": "s02", "date": "2027-02-17 07:30", "turns": [
            (U, "Flying out to the Forties Tuesday. Three weeks on. Need a book for the rig. "
                "Something long."),
            (A, "'Lonesome Dove' by Larry McMurtry: over 800 pages and hard to put down. Or "
                "'Shogun' by James Clavell if you prefer history."),
            (U, "Lonesome Dove. Done."),
        ]},
        {"id": "s03", "date": "2027-03-17 20:10", "turns": [
            (U, "Off the chopper at Dyce yesterday. Knackered. Book was good."),
            (A, "Glad it kept you going. Get some daylight and keep to local mealtimes to get "
                "your sleep back after the night shifts."),
        ]},
        {"id": "s04", "date": "2027-04-06 21:00", "turns": [
            (U, "Boat's out of the shed. 17 foot Orkney Longliner. Outboard service done, £340. "
                "Best antifouling for a trailered boat?"),
            (A, "A boat that lives on a trailer often doesn't need antifouling at all, just a "
                "wash-down after each trip. If it stays on a mooring for weeks, use an eroding "
                "antifoul suited to aluminium or GRP, depending on the hull."),
        ]},
        {"id": "s05", "date": "2027-04-26 19:30", "turns": [
            (U, "Two salmon on the Dee Saturday. Both back in the water. Brother Callum had a "
                "twelve-pounder on the Spey. Never hear the end of it."),
            (A, "Two fish in one day on the Dee is a good day by anyone's standard."),
        ]},
        {"id": "s06", "date": "2027-05-19 22:00", "turns": [
            (U, "Quote for a new boat cover. £1,200. Not paying that. Patching the old one."),
            (A, "A sailmaker can often patch and re-stitch a cover for a fraction of that."),
            (U, "Trailer tyres done too. £95."),
        ]},
        {"id": "s07", "date": "2027-06-14 18:40", "turns": [
            (U, "Lost one at the net on the Don yesterday. Gutted. Davie's put a new engine on "
                "his boat. Three grand."),
            (A, "Losing one at the net hurts. A longer-handled net with a deeper bag can help."),
        ]},
        {"id": "s08", "date": "2027-07-06 20:15", "turns": [
            (U, "Hilux towing the boat no bother. Should've got rid of the Astra years ago."),
            (A, "A Hilux is a proper tow vehicle; check the trailer's noseweight is within its "
                "limit and you'll barely notice the boat behind you."),
            (U, "Eilidh's wedding is on the 4th of September. Father of the bride. Speech tips. "
                "Short ones."),
            (A, "Keep it under five minutes. One story about her as a child, one about the couple, "
                "welcome his family, and finish with the toast. Print it in big type."),
        ]},
        {"id": "s09", "date": "2027-08-18 21:30", "turns": [
            (U, "BOSIET refresher done today. Passed. Upside down in a tank at 8am. Medical "
                "Monday, fit to work."),
            (A, "Well done; the helicopter escape drill is nobody's favourite morning. That's you "
                "covered for another four years."),
        ]},
        {"id": "s10", "date": "2027-09-07 19:00", "turns": [
            (U, "Wedding went fine. Speech got laughs. One more salmon Sunday, the Don this time. "
                "Nice fish. The two from the Dee in April were bigger."),
            (A, "A wedding and a salmon in the same week, that's a good week."),
        ]},
        {"id": "s11", "date": "2027-09-28 06:50", "turns": [
            (U, "Callum off to the rig Thursday. His first trip. Venison stew for the freezer "
                "before he goes. Method?"),
            (A, "Brown diced venison shoulder in batches, then soften onion, carrot and celery, add "
                "a spoon of flour, red wine, stock, juniper and thyme. Cover and cook at 150°C for "
                "about two and a half hours. It freezes well for three months."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "How long was my stint on the rig this year, in days?",
         "answer": "21 days (three weeks, 23 February to 16 March)",
         "evidence": [("s02", "flying out to the forties tuesday"), ("s03", "off the chopper at dyce")]},
        {"id": "q02", "type": "temporal-reasoning", "question": "How many weeks since I redid my safety course?",
         "answer": "7 weeks (51 days; the BOSIET refresher was on 18 August)",
         "evidence": [("s09", "bosiet refresher done today")]},
        {"id": "q03", "type": "temporal-reasoning", "question": "Which was first, Eilidh's wedding or my medical?",
         "answer": "The medical (16 August)",
         "evidence": [("s08", "wedding is on the 4th of september"), ("s09", "medical monday")]},
        {"id": "q04", "type": "multi-session", "question": "How many fish have I landed this year?",
         "answer": "3 (two salmon on the Dee in April and one on the Don in September)",
         "evidence": [("s05", "two salmon on the dee"), ("s10", "one more salmon sunday")]},
        {"id": "q05", "type": "multi-session", "question": "What's the boat cost me so far this year?",
         "answer": "£435 (outboard service £340 + trailer tyres £95)",
         "evidence": [("s04", "outboard service done, £340"), ("s06", "trailer tyres done too")]},
        {"id": "q06", "type": "knowledge-update", "question": "What am I driving these days?",
         "answer": "A Hilux (a Toyota Hilux; you had a Vauxhall Astra before)",
         "evidence": [("s01", "astra's brakes"), ("s08", "hilux towing the boat")]},
        {"id": "q07", "type": "single-session-user", "question": "How long's my boat?",
         "answer": "17 feet or 17 ft or 17 foot (an Orkney Longliner)",
         "evidence": [("s04", "17 foot orkney longliner")]},
        {"id": "q08", "type": "single-session-user", "abs": True,
         "question": "How much did the new boat cover cost?",
         "answer": "You didn't buy a new cover: you were quoted £1,200 and decided to patch the old "
                   "one.",
         "evidence": []},
    ],
}

# ---------------------------------------------------------------------------------------------
# v4: retired bus driver in Norwich; long rambling messages, family news, allotment shows
# ---------------------------------------------------------------------------------------------
V4 = {
    "key": "v4",
    "register": "retired bus driver (Norwich): long rambling messages",
    "question_date": "2027-12-04 11:00",
    "fillers": [("h02", "2027-01-30 09:15"), ("h05", "2027-04-25 17:50"), ("h06", "2027-07-30 10:40"),
                ("h08", "2027-10-20 16:00")],
    "sessions": [
        {"id": "s01", "date": "2027-02-15 10:20", "turns": [
            (U, "Morning. I've been treasurer of the Thorpe St Andrew bowls club for eleven years "
                "now, all in a red cash book, and the committee have finally said it has to go on "
                "the computer. My grandson says a spreadsheet will do. I drove the number 15 bus "
                "for thirty years, I can manage a spreadsheet, can't I? Where do I start?"),
            (A, "You can. Start with one sheet: a column each for the date, what it was, money in, "
                "money out and a running balance (=previous balance + in - out). Keep receipts "
                "numbered to match the rows, and a second sheet for membership fees. Copy the red "
                "book's last balance in as your opening figure."),
        ]},
        {"id": "s02", "date": "2027-03-08 14:05", "turns": [
            (U, "Our Zoë stayed over on Saturday night, she's four and a half and she had me "
                "reading the Gruffalo six times. June made her a cheese and tomato pasta. June "
                "hasn't touched meat since 1986, so it's vegetable everything in this house, and "
                "little Zoë has a nut allergy so we check every label twice. Anyway, what's a good "
                "board game for a four-year-old that won't drive a grown man round the bend?"),
            (A, "Orchard Toys' 'Shopping List' or 'Pop to the Shops' are good at that age, and "
                "'Hoot Owl Hoot!' is a cooperative game, so nobody sulks about losing. Snakes and "
                "ladders is fine for counting practice, in small doses."),
        ]},
        {"id": "s03", "date": "2027-04-12 16:40", "turns": [
            (U, "Well I must tell someone. My onions came second at the Costessey show on Saturday, "
                "five pound prize money, and June says I'll be unbearable till Christmas. The man "
                "who won has been growing exhibition onions since the seventies so I don't mind. "
                "What should I be doing with the leeks this month?"),
            (A, "Congratulations on the onions. For leeks: sow them now in a seedbed or modules, "
                "and transplant them in June when they're pencil-thick, dropping each into a deep "
                "dibber hole and watering it in without filling the hole."),
        ]},
        {"id": "s04", "date": "2027-05-28 20:15", "turns": [
            (U, "We're off to the caravan at Tenby a week tomorrow, June's been packing since "
                "Easter, honestly, three bags for the shoes alone. My knees aren't what they were so "
                "could you suggest some flat walks round there? No clifftop scrambles."),
            (A, "The promenade from Tenby along the North Beach is flat, and Saundersfoot is a gentle "
                "walk away along the old railway tunnels path. Bosherston lily ponds are level and "
                "beautiful in June, with benches along the way."),
        ]},
        {"id": "s05", "date": "2027-06-18 19:00", "turns": [
            (U, "Home from Pembrokeshire on Wednesday and the washing is only just done. The lily "
                "ponds were a picture, you were right about that. Our Alfie had stayed with us the "
                "weekend before we went, so the house was upside down before we even left, he's "
                "nine and he never stops."),
            (A, "Glad the lily ponds were worth it. Nine-year-olds run on batteries that never "
                "need charging."),
        ]},
        {"id": "s06", "date": "2027-07-14 11:30", "turns": [
            (U, "The eye hospital has me down for the cataract on the 19th of August, right eye "
                "first. I'm told I can't drive till the optician says so. Meanwhile, would you "
                "believe it, my runner bean was the longest at the Aylsham show on Saturday, twelve "
                "pound prize. June's sister Pat won twenty pound for her dahlias at the same show, "
                "so the two of them are insufferable now."),
            (A, "Congratulations on the bean. For the cataract: arrange lifts for the first weeks, "
                "and don't rub the eye; most people are cleared to drive again within a few weeks "
                "once the optician checks the new prescription."),
        ]},
        {"id": "s07", "date": "2027-08-09 18:00", "turns": [
            (U, "Our Ruby was meant to come and stay last week but she went down with chickenpox, "
                "poor lamb, so that's off till next year. The Reepham show was rained off "
                "altogether. And at the AGM on Thursday I handed the books over to Maureen and "
                "they've roped me in as fixtures secretary instead, heaven help me. What's the best "
                "way to keep a fixtures list everybody can see?"),
            (A, "A shared online calendar (Google Calendar, for example) that members can view on "
                "their phones, plus a printed list on the clubhouse noticeboard for those who don't "
                "do phones. Give each match the opponent, home or away, and the start time."),
        ]},
        {"id": "s08", "date": "2027-09-15 15:30", "turns": [
            (U, "Back behind the wheel since the optician signed me off on Friday, the cataract "
                "went smoothly and the colours are so bright I didn't know the kitchen was that "
                "yellow. Alfie stayed over again on Saturday, we did a thousand-piece jigsaw of the "
                "cathedral. And our Zoë started in reception at St Augustine's on Thursday in her "
                "little blazer, June cried more than she did."),
            (A, "What a week: your sight back, a jigsaw finished and Zoë at school. Reception "
                "teachers say the first half-term is tiring, so expect her to be sleepy."),
        ]},
        {"id": "s09", "date": "2027-10-06 10:10", "turns": [
            (U, "Ken next door has his grandson staying for a fortnight, so it's football against "
                "our fence from dawn. I was telling Ken about the Aylsham show, the runner bean, "
                "twelve pound, did I tell you? Anyway, how do I store my onions over winter?"),
            (A, "You did. Dry them in the sun or a greenhouse until the necks are papery, then "
                "store them in nets or tied in ropes somewhere cool, dry and airy, like a shed or "
                "garage, and check them every few weeks for soft ones."),
        ]},
        {"id": "s10", "date": "2027-11-02 17:20", "turns": [
            (U, "Harriet stayed over on Saturday, first time since she started at the university "
                "here, and she ate us out of house and home. She's our eldest's girl, nineteen. "
                "The whole family is coming for Sunday lunch in December, all eleven of us, so "
                "I'll be wanting your help with that."),
            (A, "Happy to help. Tell me a week or two before and we can plan the menu and a "
                "timetable for the oven."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning", "question": "How many days were we away in Wales?",
         "answer": "11 days (5 to 16 June)",
         "evidence": [("s04", "caravan at tenby a week tomorrow"), ("s05", "home from pembrokeshire")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "How long after my eye operation was I allowed to drive again?",
         "answer": "22 days (about 3 weeks; 19 August to 10 September)",
         "evidence": [("s06", "cataract on the 19th of august"), ("s08", "optician signed me off")]},
        {"id": "q03", "type": "temporal-reasoning", "question": "how many weeks ago did Zoe start school?",
         "answer": "12 weeks (86 days; she started on 9 September)",
         "evidence": [("s08", "started in reception")]},
        {"id": "q04", "type": "multi-session",
         "question": "How much prize money have I won at the shows this year?",
         "answer": "£17 (£5 for the onions at Costessey + £12 for the runner bean at Aylsham)",
         "evidence": [("s03", "five pound prize money"), ("s06", "twelve pound prize")]},
        {"id": "q05", "type": "multi-session",
         "question": "How many of the grandchildren have stayed the night with us this year?",
         "answer": "3 (Zoë, Alfie and Harriet)",
         "evidence": [("s02", "zoë stayed over"), ("s05", "alfie had stayed with us"),
                      ("s10", "harriet stayed over")]},
        {"id": "q06", "type": "knowledge-update", "question": "What's my role at the bowls club?",
         "answer": "Fixtures secretary (you were treasurer before)",
         "evidence": [("s01", "treasurer of the thorpe st andrew bowls club"), ("s07", "fixtures secretary")]},
        {"id": "q07", "type": "single-session-preference",
         "question": "What could I cook for the family Sunday lunch in December?",
         "answer": "The user would prefer a Sunday lunch with a vegetarian main (June has not eaten "
                   "meat since 1986) that is completely nut-free (granddaughter Zoë has a nut "
                   "allergy), for example a roast with a nut-free vegetarian pie or lentil "
                   "wellington and plenty of vegetables.",
         "evidence": [("s02", "hasn't touched meat since 1986")]},
        {"id": "q08", "type": "single-session-user", "abs": True, "question": "What's the name of Alfie's school?",
         "answer": "You didn't say which school Alfie goes to; you only said Zoë started at St "
                   "Augustine's.",
         "evidence": []},
    ],
}

# ---------------------------------------------------------------------------------------------
# v5: Brazilian lab technician in Rotterdam; non-native English ("I have 29 years", "actually"
# for "currently", "since one year", "make a course", "How is the name")
# ---------------------------------------------------------------------------------------------
V5 = {
    "key": "v5",
    "register": "Brazilian lab technician (Rotterdam): non-native English",
    "question_date": "2027-10-30 20:00",
    "fillers": [("h04", "2027-02-02 13:20"), ("h06", "2027-05-20 18:35"), ("h07", "2027-08-08 21:50"),
                ("h03", "2027-09-30 12:25")],
    "sessions": [
        {"id": "s01", "date": "2027-01-25 20:30", "turns": [
            (U, "Hello! I have 29 years, I am from Campinas and since one year I live in Rotterdam. "
                "Actually I work as lab technician in DSM in Delft, but I want to make my CV more "
                "good for a hospital lab. What I must put first?"),
            (A, "Put a short profile at the top (two lines: who you are and the lab you want), then "
                "your experience with the techniques hospital labs look for, such as PCR, ELISA or "
                "cell culture, with the instruments you have used. Mention your Dutch level and "
                "that your diploma is recognised, if it is."),
        ]},
        {"id": "s02", "date": "2027-02-14 19:00", "turns": [
            (U, "Today I sent to the IND the application to renew my residence permit, I am nervous "
                "because they take always long time. Yesterday I run 5 km in the Kralingse Bos for "
                "the first time without stop, 31 minutes!"),
            (A, "Well done on running the whole 5 km! For the permit, keep the IND's confirmation "
                "letter safe; while the application is pending it lets you keep living and working "
                "here."),
        ]},
        {"id": "s03", "date": "2027-03-03 21:10", "turns": [
            (U, "I miss pão de queijo so much. In Brazil we use queijo meia-cura but here I don't "
                "find. What cheese I can use in the Netherlands?"),
            (A, "The closest to meia-cura here is jong belegen Gouda (young-matured Gouda): grate "
                "it finely and add a little Parmesan for a sharper taste. Avoid oude kaas alone, it "
                "gets dry and oily when baked. Use polvilho azedo from a Brazilian or Asian shop "
                "for the starch."),
            (U, "I will try this weekend! My boyfriend Joris never ate it, he is very curious."),
        ]},
        {"id": "s04", "date": "2027-04-08 18:20", "turns": [
            (U, "The letter of the IND arrived yesterday: approved!!! Five years more. And today I "
                "donated blood for the first time in Sanquin, I was a bit dizzy after but they "
                "gave me stroopwafel."),
            (A, "Congratulations on both! Drink plenty of water today and skip heavy exercise "
                "until tomorrow."),
        ]},
        {"id": "s05", "date": "2027-05-12 20:00", "turns": [
            (U, "On Monday I had the interview in Erasmus MC for the hematology lab, I think it "
                "went good, they asked a lot about flow cytometry. Also Joris and me take an "
                "apartment in Kralingen from June! I bought already a sofa in Marktplaats for 450 "
                "euro, is green velvet."),
            (A, "Fingers crossed for the interview. A green velvet sofa sounds lovely; brush it "
                "with a soft brush in the direction of the pile to keep it looking good."),
        ]},
        {"id": "s06", "date": "2027-06-09 21:00", "turns": [
            (U, "The apartment is full of boxes. Joris paid the bed, 300 euro, and I bought the desk "
                "in IKEA for 89 euro. The chair I returned, it was 60 euro but too low for me, they "
                "gave the money back. I went also to give blood again but my iron was low, they "
                "send me home."),
            (A, "For the iron: eat more lentils, beans and dark green vegetables with something "
                "rich in vitamin C, and avoid tea or coffee with meals; ask Sanquin when you can "
                "try again."),
        ]},
        {"id": "s07", "date": "2027-06-30 19:30", "turns": [
            (U, "Sunday I fly to São Paulo!! Two years I don't see my mother. What I can bring for "
                "her from Holland that is not cheese and not tulips? My sister Camila come to "
                "visit us in September also."),
            (A, "Good Dutch presents: a Delft blue mug or tile, a tin of stroopwafels, Droste "
                "chocolate or a Van Gogh Museum print. All travel well in a suitcase."),
        ]},
        {"id": "s08", "date": "2027-07-27 10:00", "turns": [
            (U, "I arrived back to Rotterdam on Saturday, the jet lag is killing me. My mother cried "
                "at the airport of Guarulhos when I left."),
            (A, "That goodbye sounds hard. For the jet lag, get outside in the morning light and "
                "keep to local meal times; flying west to east takes a few days to settle."),
        ]},
        {"id": "s09", "date": "2027-08-25 20:40", "turns": [
            (U, "In the Erasmus MC lab the people are much more friendly than in Delft, and with the "
                "metro I arrive in 20 minutes. Saturday in the parkrun of Kralingen I made 28 "
                "minutes and 40 seconds!! Joris ran with me but he stopped to walk, haha."),
            (A, "That's a big improvement on your 5 km. A friendly lab and a short commute make a "
                "real difference."),
        ]},
        {"id": "s10", "date": "2027-09-22 22:00", "turns": [
            (U, "Camila is here since Friday, on Sunday we made a day trip to Antwerp, she loved "
                "the station. Today I gave blood again, this time more easy, and Camila came with me "
                "and she donated too."),
            (A, "A good visit so far. Antwerp Centraal is one of the most beautiful stations in "
                "Europe."),
        ]},
        {"id": "s11", "date": "2027-10-13 19:15", "turns": [
            (U, "I told you I gave blood in September, now I received the little card with my blood "
                "type, is O negative! What means 'gezellig' exactly? Everybody says it at work."),
            (A, "O negative is the universal donor type, so Sanquin will be very glad of you. "
                "'Gezellig' has no exact English word: cosy, friendly, pleasant, the warm feeling "
                "of being together in a nice place with nice people."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning", "question": "How many days I was in Brazil?",
         "answer": "20 days (4 to 24 July)",
         "evidence": [("s07", "sunday i fly to são paulo"), ("s08", "arrived back to rotterdam")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "How many days took the IND to say yes to my permit?",
         "answer": "52 days (14 February to 7 April)",
         "evidence": [("s02", "application to renew my residence permit"), ("s04", "the letter of the ind")]},
        {"id": "q03", "type": "temporal-reasoning",
         "question": "What was first, my interview in the hospital or the trip to Brazil?",
         "answer": "The interview (10 May)",
         "evidence": [("s05", "interview in erasmus mc"), ("s07", "sunday i fly to são paulo")]},
        {"id": "q04", "type": "multi-session", "question": "How many times I gave blood this year?",
         "answer": "2 (the first time in April and again in September)",
         "evidence": [("s04", "donated blood for the first time"), ("s10", "today i gave blood again")]},
        {"id": "q05", "type": "multi-session",
         "question": "How much I spent in furniture for the new apartment?",
         "answer": "€539 (sofa €450 + desk €89; the chair was refunded and Joris paid the bed)",
         "evidence": [("s05", "sofa in marktplaats for 450"), ("s06", "desk in ikea for 89")]},
        {"id": "q06", "type": "knowledge-update", "question": "Where I am working actually?",
         "answer": "Erasmus MC (the hematology lab; before you worked at DSM in Delft)",
         "evidence": [("s01", "lab technician in dsm"), ("s09", "in the erasmus mc lab")]},
        {"id": "q07", "type": "knowledge-update", "question": "What is my best time in 5 km?",
         "answer": "28:40 or 28 minutes 40 seconds or 28 minutes and 40 seconds (before it was 31 "
                   "minutes)",
         "evidence": [("s02", "31 minutes"), ("s09", "28 minutes and 40 seconds")]},
        {"id": "q08", "type": "single-session-user", "question": "How is the name of my boyfriend?",
         "answer": "Joris", "evidence": [("s03", "my boyfriend joris")]},
        {"id": "q09", "type": "single-session-assistant",
         "question": "Which cheese you told me to use for the pão de queijo here?",
         "answer": "Jong belegen Gouda (young-matured Gouda, with a little Parmesan)",
         "evidence": [("s03", "jong belegen gouda")]},
        {"id": "q10", "type": "single-session-user", "abs": True, "question": "How much I paid for the bed?",
         "answer": "You didn't pay for the bed: Joris paid the 300 euro for it.",
         "evidence": []},
    ],
}

PERSONAS = [V1, V2, V3, V4, V5]

"""dev11: a hand-written blind answer set (au21, 2026-12-06). Content only; build.py builds dev11.json.

Written by hand, blind: the author did not read kgmem's code (the package), its synthetic
generator, other sets' predictions or any held-out set; only eval/devsets/README.md, build.py and
the layout of source_dev10.py (its first persona, not its sentences) were read. No person, place or
wording of dev3-dev10 is reused. It lands as session 16's blind set: each stream's first run on it
is blind; after that it is a development set like dev3-dev10 (its first figure at main is
eval/results/dev11_blind.md).

Layout (the same as source_dev10.py): PERSONAS is a list of personas; each has a register, a
question date, its own sessions (id, date "YYYY-MM-DD HH:MM", turns as (role, text)), the filler
chats it gets (filler id, date) and its questions. A question's evidence is a list of (session
id, substring): every turn of that session containing the substring (case-insensitive) is an
evidence turn (``has_answer``). ``_abs`` questions have no evidence.

Weighted to what fails elsewhere: a start and an end told in different sessions with relative
time ("Good Friday" / "the Tuesday after Easter", "pull into the yard saturday" / "back on the
road since the tuesday before last", "el lunes que viene" / "llegué el viernes pasado", "landing
on Holy Thursday" / "flew home on the Sunday after Easter", "on Tuesday week" / "last night ... for
the first time since the hip", "last Friday" / "landed Monday"); plans postponed but done next to
plans called off; orderings where the plan was told first but happened second; counts and sums
where a wife's or a sister's purchase, a gift received, a declined offer, a refund, a future plan,
a friend's trip and a thing told twice must not count; knowledge updates told without change
words, also about other people and things (a cat's food, a dispatcher, a truck, a lab meeting's
day, a flatmate's job, a GP, a head of sales); preferences where a stated constraint rules out the
obvious suggestion (no spice in Leicester, shellfish in New Orleans, a Pioneer pin in Cork).
Registers: a semi-retired accountant in tidy bullet lists, a long-haul trucker texting from the
road, a PhD student code-switching with Spanish, a grandmother writing one long paragraph per
message, a startup founder in jargon; accented names (Ní Bhriain, Síofra, Aoife, Itzel Ramírez,
Tomás, Kowalczyk).
"""

from __future__ import annotations

U, A = "user", "assistant"

# ---------------------------------------------------------------------------------------------
# Filler chats: generic assistant help, no personal facts. Each persona gets three.
# ---------------------------------------------------------------------------------------------
FILLERS: dict[str, list[tuple[str, str]]] = {
    "f01": [
        (U, "How do you tie a bowline?"),
        (A, "Make a small loop in the standing part with the working end on top. Bring the end up "
            "through the loop from underneath, round behind the standing part, and back down "
            "through the small loop. Hold the end against the side of the big loop and pull the "
            "standing part to tighten. 'The rabbit comes out of the hole, round the tree, and back "
            "down the hole.'"),
    ],
    "f02": [
        (U, "git rebase vs git merge, which one should I use?"),
        (A, "Merge keeps history exactly as it happened and adds a merge commit; rebase replays your "
            "commits on top of the other branch so history is a straight line. Rebase your own "
            "local feature branch to tidy it before sharing; merge (or squash-merge) shared "
            "branches. Never rebase commits that others have already pulled."),
    ],
    "f03": [
        (U, "Why do rainbows only appear when the sun is behind you?"),
        (A, "Each raindrop refracts sunlight, reflects it off its back surface and refracts it "
            "again on the way out, sending colours back at about 40-42 degrees from the direction "
            "opposite the sun. So you only see the bow when the sun is behind you and the rain is "
            "in front, on a circle centred on the shadow of your head."),
    ],
    "f04": [
        (U, "how many grams is a cup of flour"),
        (A, "About 120-125 g of plain (all-purpose) flour when spooned into the cup and levelled; "
            "scooped straight from the bag it can be 140 g or more. For baking, weighing is far "
            "more reliable than cups."),
    ],
    "f05": [
        (U, "Write a short limerick about a penguin who hates the cold."),
        (A, "A penguin from frosty South Georgia\nSaid, 'Ice? I have never been sorer.\nI'll "
            "pack up my things\nAnd my useless wee wings,\nAnd retire to a flat in Majorca.'"),
    ],
    "f06": [
        (U, "What's the easiest way to centre a div horizontally and vertically?"),
        (A, "Make the parent a flex container: `display: flex; justify-content: center; "
            "align-items: center;` and give it a height. With grid it is even shorter: "
            "`display: grid; place-items: center;`."),
    ],
    "f07": [
        (U, "Why do cats purr?"),
        (A, "Purring comes from rapid twitching of the muscles of the larynx, about 25-150 times a "
            "second, as the cat breathes in and out. Cats purr when content, but also when "
            "stressed, hurt or giving birth, so it seems to be a self-soothing signal as much as a "
            "happy one; the low frequencies may even help bones and tissue heal."),
    ],
    "f08": [
        (U, "Is it safe to refreeze meat that has thawed?"),
        (A, "If it thawed in the fridge and stayed cold, yes, it can be refrozen, though the "
            "texture may suffer. If it thawed on the counter or has been above 5°C for more than "
            "two hours, cook it first; cooked meat can then be frozen again."),
    ],
}


# ---------------------------------------------------------------------------------------------
# w1: semi-retired accountant in Leicester who writes in tidy bullet lists
# ---------------------------------------------------------------------------------------------
W1 = {
    "key": "w1",
    "register": "semi-retired accountant (Leicester) writing in tidy bullet lists",
    "question_date": "2031-07-18 10:00",
    "fillers": [("f01", "2031-02-20 15:00"), ("f04", "2031-05-02 11:30"), ("f07", "2031-07-01 20:10")],
    "sessions": [
        {"id": "s01", "date": "2031-01-09 09:30", "turns": [
            (U, "Some context before my question:\n- Semi-retired as of Christmas: three days a "
                "week now at Farrow & Lisle, the practice where I was a partner for 22 years.\n- "
                "Wife: Pauline.\n- Allotment: plot 14 on the Aylestone Road site. Annual plot rent "
                "£38, paid today.\n- Cat: Ledger (ginger, 9), on Purina One dry biscuits.\nQuestion: "
                "what should a first-year allotment holder do in January?"),
            (A, "January is for planning and the structure: clear and cover the beds with cardboard "
                "or sheeting to suppress weeds, dig in manure where it is not frozen, plan a simple "
                "four-bed rotation, order seed potatoes and onion sets, and repair paths and "
                "compost bays. Start chitting early potatoes at the end of the month."),
        ]},
        {"id": "s02", "date": "2031-02-03 19:15", "turns": [
            (U, "Progress report:\n- Greenhouse bought: 8ft x 6ft polycarbonate, £540 delivered.\n"
                "- Pauline bought herself a new Janome sewing machine (£310), not an allotment "
                "expense, her hobby.\n- The committee offered me the previous tenant's shed for "
                "£200. Declined: rotten floor.\nQuestion: how warm must an unheated greenhouse be "
                "kept at night for seedlings in March?"),
            (A, "For most seedlings keep the night minimum above 5°C; tender crops such as tomatoes "
                "and peppers prefer 10°C. Line the inside with horticultural bubble wrap, close up "
                "by mid-afternoon to trap heat, and use a small paraffin or thermostatic electric "
                "heater on frosty nights. A max-min thermometer tells you what really happens."),
        ]},
        {"id": "s03", "date": "2031-03-04 18:40", "turns": [
            (U, "Two items:\n- Cataract operation (left eye) booked for 18 March at the Leicester "
                "Royal Infirmary.\n- Saturday just gone: Pauline and I saw Blood Brothers at the "
                "Curve. Excellent.\nQuestion: what is recovery like after a cataract operation?"),
            (A, "Most people see better within a day or two. Expect eye drops for about four weeks, a "
                "shield at night for the first week, no rubbing, swimming or heavy lifting for a "
                "couple of weeks, and no driving until the eye clinic says your vision meets the "
                "standard, usually after the check-up."),
        ]},
        {"id": "s04", "date": "2031-03-17 12:05", "turns": [
            (U, "Updates:\n- Tomorrow's eye operation is off. Surgeon unwell; the hospital will "
                "write with a new date.\n- Seeds, onion sets and seed potatoes from the site shop: "
                "£62.40.\nQuestion: how long should seed potatoes chit?"),
            (A, "About four to six weeks, in a light, cool, frost-free place, until the shoots are "
                "1-2 cm long and sturdy and dark. Plant first earlies from late March in the "
                "Midlands, when the soil is no longer cold and sodden."),
        ]},
        {"id": "s05", "date": "2031-04-08 20:30", "turns": [
            (U, "Plans:\n- Good Friday: drive up to Whitby, cottage booked until Easter Monday.\n- "
                "Pauline wants fish and chips every night. Fine by me, as long as nobody puts "
                "chilli on anything: no spicy food for me since the stomach ulcer, consultant's "
                "orders.\nQuestion: what is there to do in Whitby if it rains?"),
            (A, "The Captain Cook Memorial Museum, Whitby Museum in Pannett Park, the jet workshops, "
                "the abbey visitor centre (partly indoors), a ride on the North Yorkshire Moors "
                "Railway from Whitby to Pickering, and the Magpie Café for the fish and chips."),
        ]},
        {"id": "s06", "date": "2031-04-24 09:50", "turns": [
            (U, "Whitby summary:\n- Got back to Leicester on the Tuesday after Easter, a day "
                "later than planned: the car battery died on the Monday and the AA came out on "
                "Tuesday morning.\n- While we were away, Pauline's sister Joan saw Mamma Mia at "
                "De Montfort Hall; Pauline went with her the week after.\nQuestion: how often "
                "should a car battery be replaced?"),
            (A, "Typically every four to six years. Short journeys, cold weather and a car left "
                "standing shorten its life. If it struggles to start on cold mornings or is over "
                "five years old, have a garage test it before a long trip."),
        ]},
        {"id": "s07", "date": "2031-05-13 17:20", "turns": [
            (U, "Admin:\n- Letter from the Infirmary: eye operation now on Tuesday 20 May.\n- "
                "Question: how soon after a cataract operation may I drive?"),
            (A, "Only when you can read a number plate at 20 metres with both eyes (with glasses if "
                "needed) and the clinic has no objection: usually a few days to a week. If the "
                "other eye still needs surgery, ask whether your vision is balanced enough."),
        ]},
        {"id": "s08", "date": "2031-05-23 10:10", "turns": [
            (U, "Good news first:\n- Eye done on Tuesday. Patch off Wednesday; reading the Mercury "
                "without glasses.\n- Water butt: bought one for £45, cracked on day one, returned "
                "it for a full refund and bought a sturdier one, also £45.\nQuestion: best way to "
                "connect a water butt to a greenhouse gutter?"),
            (A, "Fit a diverter kit to the downpipe or run a short length of gutter into the butt's "
                "lid; stand the butt on blocks so a watering can fits under the tap, and fit an "
                "overflow pipe back to the drain or a second butt."),
        ]},
        {"id": "s09", "date": "2031-06-10 19:00", "turns": [
            (U, "Diary:\n- Thursday last: Les Misérables at the Curve with Pauline. Superb "
                "barricade scene.\n- We had also booked The Mousetrap at the Haymarket for Saturday; "
                "the run was cancelled after a flood in the theatre. Refund received.\nQuestion: "
                "how do I spot tomato blight early?"),
            (A, "Look for brown patches on the leaves with a pale green edge, white fuzz underneath "
                "in damp weather, and dark streaks on the stems. Remove affected leaves at once, "
                "water the soil not the foliage, and keep the greenhouse ventilated."),
        ]},
        {"id": "s10", "date": "2031-06-24 08:45", "turns": [
            (U, "Household:\n- Ledger will only touch the Lily's Kitchen wet pouches, so a 24-pack "
                "arrives every fortnight on subscription.\n- Allotment costs: nothing new; the £38 "
                "plot rent from January covers the whole year.\nQuestion: how many pouches a day "
                "for a 5 kg cat?"),
            (A, "Most 85 g pouches are sized so that a 4-5 kg adult cat needs three to four a day "
                "if that is all it eats; check the feeding guide on the box and weigh him monthly."),
        ]},
        {"id": "s11", "date": "2031-07-08 18:25", "turns": [
            (U, "Glut report:\n- Courgettes: far too many.\n- Still humming Les Misérables from the "
                "Curve last month.\nQuestion: mild courgette recipes? Nothing hot, please."),
            (A, "Courgette and lemon risotto, courgette fritters with feta and mint, a gratin with "
                "Gruyère and thyme, courgette and cheddar soup, or a simple chocolate courgette "
                "cake. All mild and freezer-friendly except the fritters."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "How many nights did Pauline and I end up spending on the Yorkshire coast at "
                     "Easter?",
         "answer": "4 nights (Good Friday 11 April to Tuesday 15 April)",
         "evidence": [("s05", "good friday"), ("s06", "tuesday after easter")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "What came first, my catarct op or the Whitby break?",
         "answer": "The Whitby break (11-15 April); the cataract operation, first booked for 18 "
                   "March, was postponed and done on 20 May",
         "evidence": [("s03", "booked for 18 march"), ("s04", "eye operation is off"),
                      ("s05", "good friday"), ("s08", "eye done on tuesday")]},
        {"id": "q03", "type": "multi-session",
         "question": "What's the allotment cost me in total so far this year?",
         "answer": "£685.40 (£38 plot rent + £540 greenhouse + £62.40 seeds and sets + £45 water "
                   "butt)",
         "evidence": [("s01", "£38"), ("s02", "£540"), ("s04", "£62.40"), ("s08", "water butt")]},
        {"id": "q04", "type": "multi-session",
         "question": "How many shows have Pauline and I seen together at the theatre this year?",
         "answer": "2 (Blood Brothers and Les Misérables, both at the Curve)",
         "evidence": [("s03", "blood brothers"), ("s09", "les misérables")]},
        {"id": "q05", "type": "knowledge-update",
         "question": "What does Ledger eat these days?",
         "answer": "Lily's Kitchen wet pouches (Purina One dry biscuits before)",
         "evidence": [("s01", "purina one"), ("s10", "lily's kitchen")]},
        {"id": "q06", "type": "single-session-user",
         "question": "Which plot number is mine at the allotments?",
         "answer": "14 (plot 14, Aylestone Road)",
         "evidence": [("s01", "plot 14")]},
        {"id": "q07", "type": "single-session-assistant",
         "question": "Remind me of the lowest night temperature you said seedlings need in the "
                     "greenhouse.",
         "answer": "5°C (above 5°C; 10°C for tomatoes and peppers)",
         "evidence": [("s02", "above 5°c")]},
        {"id": "q08", "type": "single-session-preference",
         "question": "Can you suggest somewhere in Leicester to take Pauline for our anniversary "
                     "lunch?",
         "answer": "The user would prefer somewhere with mild, non-spicy food, since they cannot "
                   "eat spicy food after a stomach ulcer: so not the obvious curry houses of the "
                   "Golden Mile; e.g. a British, Italian or fish restaurant with mild dishes.",
         "evidence": [("s05", "no spicy food")]},
    ],
}


# ---------------------------------------------------------------------------------------------
# w2: long-haul trucker texting from the road
# ---------------------------------------------------------------------------------------------
W2 = {
    "key": "w2",
    "register": "long-haul trucker out of Amarillo texting from the road (lower case, 'otr', 'rn')",
    "question_date": "2031-10-03 07:00",
    "fillers": [("f02", "2031-05-15 04:20"), ("f05", "2031-07-25 22:40"), ("f08", "2031-09-12 05:15")],
    "sessions": [
        {"id": "s01", "date": "2031-04-28 05:40", "turns": [
            (U, "hey quick one. im otr w/ calloway freight now, pulling a reefer outta amarillo. "
                "my dispatcher lupe keeps me on 3 week runs. i drive a 2027 freightliner cascadia "
                "and my blue heeler tater rides shotgun. whats good to eat at truck stops thats "
                "not fried lol trying to drop 20 lbs"),
            (A, "Grab-and-go wins: rotisserie chicken, pre-cut veg and hummus, Greek yogurt, "
                "hard-boiled eggs, nuts in small portions, fruit, tuna packets. A 12-volt cooler "
                "or a small cab fridge lets you stock up at grocery stores instead of the fuel "
                "island."),
        ]},
        {"id": "s02", "date": "2031-05-09 18:05", "turns": [
            (U, "did my 34 hr reset in holbrook az and walked the petrified forest national park, "
                "tater loved it. also got him a new travel crate at tractor supply, $180 ouch. how "
                "do i keep him cool in the cab when its 100 out"),
            (A, "Never leave him in a parked cab without the APU or A/C running. Use a cooling mat, "
                "sun shades on the windows, plenty of water in a spill-proof bowl, and walks early "
                "and late in the day on grass rather than hot asphalt."),
        ]},
        {"id": "s03", "date": "2031-05-22 13:30", "turns": [
            (U, "parked at a flying j in tucumcari. cant do shellfish btw, my throat closes up, "
                "carry an epipen everywhere. whats a good snack list for the cab that aint all "
                "sugar"),
            (A, "Jerky with low sugar, string cheese, almonds, apples and clementines, baby "
                "carrots, rice cakes with peanut butter, and protein bars under 8 g of sugar. Keep "
                "your EpiPen somewhere you can reach from the driver's seat and out of direct sun."),
        ]},
        {"id": "s04", "date": "2031-06-12 21:10", "turns": [
            (U, "dispatch finally approved my home time!! i pull into the yard in amarillo "
                "saturday. also my hazmat endorsement test is set for july 8 at the dps office. "
                "any tips for the hazmat written"),
            (A, "Study the hazmat section of your state's CDL manual: placards, the segregation "
                "table, shipping papers, emergency response, and the loading rules. Take practice "
                "tests until you score over 90% consistently. You will also need the TSA "
                "fingerprint background check done first."),
        ]},
        {"id": "s05", "date": "2031-06-27 03:50", "turns": [
            (U, "back on the road since the tuesday before last, hauling lettuce to chicago rn. "
                "what temp do i set the reefer for lettuce"),
            (A, "Leafy greens like lettuce ride at 33-34°F on continuous mode with high humidity. "
                "Pre-cool the trailer before loading, check the pulp temperature at the dock, and "
                "never load product that is warmer than the set point."),
        ]},
        {"id": "s06", "date": "2031-07-03 19:25", "turns": [
            (U, "hazmat test got bumped, dps had a system outage, they moved me to aug 20. on the "
                "bright side saw the grand canyon at sunset on my reset, unreal. tater had a vet "
                "visit in flagstaff for an ear thing, $95"),
            (A, "Sorry about the delay, but it gives you more practice time. For the ears, finish "
                "the full course of drops even when he seems better, and keep his ears dry after "
                "swims."),
        ]},
        {"id": "s07", "date": "2031-07-17 11:45", "turns": [
            (U, "travis in dispatch got me a sweet load to savannah, best dispatcher ive had. miss "
                "lupe tho, shes up in the safety office. whats worth seeing in savannah on a short "
                "break"),
            (A, "Walk the squares of the historic district, Forsyth Park, River Street, and "
                "Bonaventure Cemetery if you have a few hours. Parking a tractor-trailer downtown is "
                "hard, so bobtail or take a ride in from a truck stop off I-95."),
        ]},
        {"id": "s08", "date": "2031-08-04 16:00", "turns": [
            (U, "my sister dee mailed tater a bandana with his name on it lol. my brother wanted "
                "us to ride up to sturgis together this week but i couldnt swing the time off so "
                "no sturgis for me this yr. my buddy earl went to yellowstone tho, jealous. how do "
                "i ask for more home time without ticking off dispatch"),
            (A, "Ask early and in writing, give exact dates, offer flexibility on the load before "
                "and after, and keep your on-time record strong so you have leverage. Many "
                "carriers have a home-time policy in the handbook you can point to."),
        ]},
        {"id": "s09", "date": "2031-08-21 20:15", "turns": [
            (U, "PASSED the hazmat yesterday!! also sent back the gps collar i got tater, didnt fit "
                "his neck, got the $130 refunded. what loads pay best with hazmat"),
            (A, "Congratulations! Fuel and chemical tankers (with a tanker endorsement too), "
                "explosives and munitions, and some dedicated chemical runs pay the most. Even dry "
                "van and reefer carriers pay a little more for drivers who can take placarded "
                "loads."),
        ]},
        {"id": "s10", "date": "2031-09-05 06:30", "turns": [
            (U, "they put me in a peterbilt 579 after the cascadias transmission went, she rides "
                "nice. stopped at the grand canyon again on my reset, 2nd time this yr. was gonna "
                "do arches in utah too but got dispatched before i could. whats the best way to "
                "set up a sleeper for a dog"),
            (A, "Give him his own spot with a non-slip bed or his crate strapped down, a water bowl "
                "that cannot tip, a small hook for his leash, and a seat cover on the passenger "
                "side. Keep a first-aid kit and his records in a folder in the cab."),
        ]},
        {"id": "s11", "date": "2031-09-22 02:30", "turns": [
            (U, "cant sleep, tater snoring in the sleeper lol. any podcast recs for long night "
                "drives, true crime or history"),
            (A, "History: Hardcore History, The Rest Is History, Revolutions. True crime: Casefile, "
                "In the Dark, Serial. For something lighter, Conan O'Brien Needs a Friend."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "how many days did i actually get at home in june",
         "answer": "3 days (Saturday 14 June to Tuesday 17 June)",
         "evidence": [("s04", "pull into the yard"), ("s05", "tuesday before last")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "How many weeks ago did I get my hazmat endorsment?",
         "answer": "6 weeks (20 August, 44 days ago)",
         "evidence": [("s04", "hazmat endorsement test"), ("s06", "aug 20"),
                      ("s09", "passed the hazmat yesterday")]},
        {"id": "q03", "type": "temporal-reasoning", "abs": True,
         "question": "How many days was I at the Sturgis rally with my brother?",
         "answer": "None: you did not go to Sturgis (you could not get the time off).",
         "evidence": []},
        {"id": "q04", "type": "multi-session",
         "question": "How many different national parks have I been to this year?",
         "answer": "2 (Petrified Forest and the Grand Canyon)",
         "evidence": [("s02", "petrified forest"), ("s06", "grand canyon"), ("s10", "grand canyon")]},
        {"id": "q05", "type": "multi-session",
         "question": "what have i spent on tater so far this year",
         "answer": "$275 ($180 travel crate + $95 vet visit)",
         "evidence": [("s02", "$180"), ("s06", "$95")]},
        {"id": "q06", "type": "knowledge-update",
         "question": "Who's handling my dispatch as of now?",
         "answer": "Travis (Lupe before)",
         "evidence": [("s01", "dispatcher lupe"), ("s07", "travis in dispatch")]},
        {"id": "q07", "type": "knowledge-update",
         "question": "What truck am I driving these days?",
         "answer": "A Peterbilt 579 (a 2027 Freightliner Cascadia before)",
         "evidence": [("s01", "freightliner cascadia"), ("s10", "peterbilt 579")]},
        {"id": "q08", "type": "single-session-user",
         "question": "What's my dog's name again?",
         "answer": "Tater",
         "evidence": [("s01", "blue heeler tater")]},
        {"id": "q09", "type": "single-session-preference",
         "question": "I got a 34 hour reset in New Orleans, what should I eat while I'm there?",
         "answer": "The user would prefer New Orleans food without shellfish, since they have a "
                   "severe shellfish allergy (EpiPen): so not crawfish, shrimp or oyster po'boys, "
                   "seafood gumbo or boils; e.g. red beans and rice, a roast beef po'boy, "
                   "muffulettas, beignets.",
         "evidence": [("s03", "cant do shellfish")]},
    ],
}


# ---------------------------------------------------------------------------------------------
# w3: ecology PhD student at UC Davis who code-switches with Spanish
# ---------------------------------------------------------------------------------------------
W3 = {
    "key": "w3",
    "register": "ecology PhD student (Davis, California, from Guadalajara) code-switching with Spanish",
    "question_date": "2031-12-05 22:00",
    "fillers": [("f03", "2031-04-02 10:15"), ("f06", "2031-08-06 23:05"), ("f01", "2031-10-22 16:40")],
    "sessions": [
        {"id": "s01", "date": "2031-01-20 14:10", "turns": [
            (U, "Oye, quick question. Soy Itzel, third-year PhD en ecología en UC Davis, trabajo "
                "con caracoles de las pozas de marea (tidepool snails) y mi advisor, la Dra. "
                "Okafor, quiere el draft del capítulo dos para marzo. Tenemos lab meeting los "
                "jueves a las 10 y siempre llego sin nada. ¿Cómo organizo mi lit review sin "
                "volverme loca?"),
            (A, "Put every paper in Zotero from day one, tag by theme, and keep a synthesis matrix "
                "(a spreadsheet with one row per paper and columns for question, system, method, "
                "finding and gaps). Then write the review by theme, not paper by paper, and bring "
                "one page of that matrix to each lab meeting."),
        ]},
        {"id": "s02", "date": "2031-02-11 09:25", "turns": [
            (U, "Ugh, le compré llantas nuevas a mi bici, $85, porque Davis en invierno es puro "
                "glass en el bike lane. Mi roomie Dalia trabaja en Trader Joe's y dice que roban "
                "bicis todo el tiempo en el downtown. ¿Qué tan mal está el bike theft aquí?"),
            (A, "Bike theft is common in college towns like Davis. Use a good U-lock through the "
                "frame and rear wheel, plus a cable for the front wheel, register the bike with the "
                "city or campus, note the serial number, and avoid leaving it overnight in the same "
                "dark spot."),
        ]},
        {"id": "s03", "date": "2031-03-05 21:50", "turns": [
            (U, "¡Por fin mandé mi primer paper a Ecology! Capítulo uno, sobre thermal tolerance "
                "de los caracoles. Y en agosto quiero presentar en ESA en Portland. ¿Qué pongo en "
                "la cover letter?"),
            (A, "Keep it to one page: the question and why it matters beyond your system, the main "
                "finding in one or two sentences, why it fits Ecology's readership, a statement "
                "that it is not under review elsewhere, and suggested reviewers without conflicts."),
        ]},
        {"id": "s04", "date": "2031-06-04 08:30", "turns": [
            (U, "El lunes que viene salgo a Bodega Bay para el field season, Bodega Marine Lab. Me "
                "acabo de comprar un U-lock de $60 porque ya me robaron el asiento de la bici. "
                "¿Qué empaco para dos semanas en la costa?"),
            (A, "Layers (the coast is foggy and cold even in June), a proper rain shell, rubber "
                "boots with grip for the rocks, a headlamp for low tides at dawn, field notebooks "
                "in waterproof paper, and a tide table for the whole trip."),
        ]},
        {"id": "s05", "date": "2031-06-25 19:40", "turns": [
            (U, "Ya regresé de Bodega, llegué el viernes pasado y todavía huelo a alga jaja. Mi "
                "labmate Kofi mandó su paper a Marine Biology esa misma semana. Y Dalia se compró "
                "un casco nuevo para su bici. ¿Cómo organizo tanto dato de campo?"),
            (A, "Back up the raw data today (two places, one off your laptop), enter the field "
                "sheets while you still remember the context, keep a read-only raw file and do all "
                "cleaning in a script, and write a short README describing each column."),
        ]},
        {"id": "s06", "date": "2031-07-15 12:00", "turns": [
            (U, "Mala noticia: no voy a ESA. El renewal de mi pasaporte no llegó a tiempo, so "
                "cancelé todo, hotel incluido. Bueno, le hice un tune-up a la bici, $70. También "
                "devolví la luz de la bici, no servía, me reembolsaron los $40. ¿Vale la pena una "
                "luz con dinamo?"),
            (A, "A dynamo hub light is worth it if you ride most days: it never needs charging and "
                "cannot be forgotten. It costs more up front and needs the wheel rebuilt. For "
                "occasional riding, a good USB rechargeable light is enough."),
        ]},
        {"id": "s07", "date": "2031-08-20 15:35", "turns": [
            (U, "Mis quals son el 14 de octubre, estoy nerviosa. Y hoy mandé el segundo paper a "
                "Oecologia, el de microhabitat. ¿Cómo me preparo para el oral?"),
            (A, "Ask your committee members what each expects, read the classics in their areas, "
                "make a list of likely questions and answer them out loud, do two or three mock "
                "exams with labmates, and practise saying 'I don't know, but here is how I would "
                "find out'."),
        ]},
        {"id": "s08", "date": "2031-09-17 18:20", "turns": [
            (U, "Antes del lab meeting del martes tengo que imprimir el poster, y Dalia me hizo el "
                "mejor cortado en Temple Coffee, está de barista allá y le encanta. ¿Qué tamaño "
                "de fuente uso en un poster?"),
            (A, "Title 85-100 pt, section headings 40-60 pt, body text at least 24-32 pt, so it can "
                "be read from two metres. Keep the words under about 800, and let one large figure "
                "tell the main result."),
        ]},
        {"id": "s09", "date": "2031-10-08 20:05", "turns": [
            (U, "Cambio de planes: movieron mis quals al 4 de noviembre porque un miembro del "
                "comité está enfermo. Así que mañana jueves me voy a Guadalajara, mi abuela cumple "
                "90 y toda la familia va a estar. ¿Qué le regalo a una abuela de 90?"),
            (A, "A photo book of family pictures, a recorded message from each grandchild, a "
                "handwritten letter, or something she uses daily made special, such as a warm "
                "shawl. Time together and a family photo at the party may mean most."),
        ]},
        {"id": "s10", "date": "2031-11-05 10:30", "turns": [
            (U, "¡¡PASÉ MIS QUALS AYER!! Ya soy candidata. Y el paper de Ecology que te conté "
                "regresó con minor revisions. Lo del tune-up de $70 de la bici ya te lo había "
                "contado, pero la bici anda perfecta. ¿Cómo contesto a los reviewers?"),
            (A, "Congratulations! Write a response letter that quotes each comment, answers it "
                "politely, says exactly what changed and where (page and line), and explains "
                "briefly when you disagree. Thank the reviewers once, at the top."),
        ]},
        {"id": "s11", "date": "2031-11-24 17:15", "turns": [
            (U, "Para enero quiero mandar el tercer paper, el de genética de poblaciones. Pero "
                "primero Thanksgiving: ¿una receta fácil de relleno (stuffing) vegetariano?"),
            (A, "Toast cubes of day-old bread, sauté onion, celery, mushrooms and sage in butter, "
                "mix with the bread, parsley, two beaten eggs and warm vegetable stock until moist, "
                "then bake covered at 190°C for 25 minutes and uncovered for 15."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "How many days was I out at the coast for fieldwork this summer?",
         "answer": "11 days (Monday 9 June to Friday 20 June)",
         "evidence": [("s04", "el lunes que viene"), ("s05", "llegué el viernes pasado")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "¿Qué pasó primero, my qualifying exam or the trip to Guadalajara for my "
                     "grandma's birthday?",
         "answer": "The trip to Guadalajara (from Thursday 9 October); the quals, first set for 14 "
                   "October, were moved and passed on 4 November",
         "evidence": [("s07", "14 de octubre"), ("s09", "guadalajara"), ("s10", "quals ayer")]},
        {"id": "q03", "type": "temporal-reasoning", "abs": True,
         "question": "How many days was I in Portland for the ESA meeting?",
         "answer": "None: you did not go to ESA (the passport renewal did not arrive; you "
                   "cancelled).",
         "evidence": []},
        {"id": "q04", "type": "multi-session",
         "question": "How much have I put into my bike this year?",
         "answer": "$215 ($85 tires + $60 U-lock + $70 tune-up)",
         "evidence": [("s02", "$85"), ("s04", "$60"), ("s06", "$70")]},
        {"id": "q05", "type": "multi-session",
         "question": "How many papers of mine went out to journals this year?",
         "answer": "2 (chapter one to Ecology and the microhabitat paper to Oecologia)",
         "evidence": [("s03", "mandé mi primer paper a ecology"), ("s07", "oecologia")]},
        {"id": "q06", "type": "knowledge-update",
         "question": "What day is lab meeting these days?",
         "answer": "Tuesday (Thursday at 10 before)",
         "evidence": [("s01", "los jueves a las 10"), ("s08", "lab meeting del martes")]},
        {"id": "q07", "type": "knowledge-update",
         "question": "Where does my roomie work now?",
         "answer": "Temple Coffee, as a barista (Trader Joe's before)",
         "evidence": [("s02", "trader joe's"), ("s08", "temple coffee")]},
        {"id": "q08", "type": "single-session-user", "abs": True,
         "question": "What's the title of my dissertation?",
         "answer": "Not told: you said you work on tidepool snails, but never gave a dissertation "
                   "title.",
         "evidence": []},
        {"id": "q09", "type": "single-session-assistant",
         "question": "Which reference manager did you tell me to put every paper into?",
         "answer": "Zotero",
         "evidence": [("s01", "zotero")]},
    ],
}


# ---------------------------------------------------------------------------------------------
# w4: grandmother in Ballincollig, Co. Cork, writing one long paragraph per message
# ---------------------------------------------------------------------------------------------
W4 = {
    "key": "w4",
    "register": "grandmother in Ballincollig, Co. Cork, writing one long paragraph per message",
    "question_date": "2031-09-12 11:00",
    "fillers": [("f04", "2031-02-26 14:30"), ("f07", "2031-06-25 10:20"), ("f05", "2031-08-20 16:45")],
    "sessions": [
        {"id": "s01", "date": "2031-01-15 15:20", "turns": [
            (U, "Hello there, my grandson set this up on the tablet for me so I hope I am doing it "
                "right, I am Bridie and I live in Ballincollig outside Cork city since my husband "
                "Tom died, God rest him, it is only myself and the little Jack Russell, Scamp, who "
                "thinks he owns the house, and I do the knitting in the evenings and the choir in "
                "the parish every Wednesday night, and I have worn the Pioneer pin since 1972 so "
                "not a drop of drink has passed my lips in all that time, and my doctor is Dr "
                "Halloran on the main street who has been minding me for thirty years, anyway what "
                "I wanted to ask is how do I make the writing bigger on this thing?"),
            (A, "Hello Bridie, you are doing it perfectly. To make the writing bigger, open "
                "Settings, then Display (or Accessibility), then Font size, and slide it to the "
                "right. You can also pinch the screen outwards with two fingers to zoom in on a "
                "page."),
        ]},
        {"id": "s02", "date": "2031-02-12 20:40", "turns": [
            (U, "Well I finally finished the Aran jumper for my grandson Cian in Boston, it took me "
                "since November with the cables, he is eight and growing like a weed so I made it "
                "a size up, my daughter Siobhán lives over there in Boston with Cian and the baby "
                "Aoife this twelve years, and now I have to post it and the girl in the post office "
                "said it would cost a fortune, is there a cheaper way to send a parcel to America?"),
            (A, "An Post's standard international parcel service is usually the cheapest for a "
                "jumper; it is slower than express but tracked options exist. Fold it flat in a "
                "padded envelope rather than a box to keep the weight and size down, and fill in "
                "the customs label as a gift with a low value."),
        ]},
        {"id": "s03", "date": "2031-03-20 11:05", "turns": [
            (U, "Great news altogether, Siobhán and the two children are coming home to me for "
                "Easter, they are landing into Shannon on Holy Thursday and Declan is going to "
                "drive up for them, and I am after putting €50 in a card for Declan's young lad "
                "Darragh for his First Communion which is the Saturday after they arrive, so the "
                "house will be full, what could I do with an eight year old and a baby when it "
                "rains?"),
            (A, "The Cork City Gaol and Fota Wildlife Park are great for an eight-year-old, the "
                "Lifetime Lab in Cork is hands-on and cheap, and at home: baking, a board game "
                "tournament, a den built from blankets, and a trip to the library. The baby will "
                "be happy with all the attention."),
        ]},
        {"id": "s04", "date": "2031-04-23 21:15", "turns": [
            (U, "The house is very quiet now, they flew home to Boston on the Sunday after Easter "
                "and I cried at the airport like an eejit, Darragh's communion was lovely and Cian "
                "wore the Aran jumper the whole time even though it was warm, and I have started "
                "a little jumper for baby Aoife in a lemon wool, how do I block a knitted jumper so "
                "it keeps its shape?"),
            (A, "Wet-block it: soak it in lukewarm water with a little wool wash for 15 minutes, "
                "squeeze (never wring) the water out, roll it in a towel, then lay it flat on a dry "
                "towel, pat it to the measurements you want and let it dry away from heat."),
        ]},
        {"id": "s05", "date": "2031-05-15 09:45", "turns": [
            (U, "The Bon Secours rang me this morning and my new hip is to be done on Tuesday week, "
                "I have been waiting on that list since before Christmas, so I posted off baby "
                "Aoife's lemon jumper yesterday before I go in, and my neighbour Maura will mind "
                "Scamp, what should I have ready in the house for coming home after a hip?"),
            (A, "A raised toilet seat, a firm chair with arms, a long-handled grabber and shoe horn, "
                "a bag on your walking frame to carry things, rugs taken up, a night light on the "
                "way to the bathroom, and meals in the freezer for the first fortnight."),
        ]},
        {"id": "s06", "date": "2031-06-10 16:30", "turns": [
            (U, "I am home and doing my exercises like a good girl, my sister Peg came to stay and "
                "she knitted a gorgeous jumper for her own granddaughter Róisín while she was here "
                "and put me to shame, I had started one for Darragh in the blue but I unpicked the "
                "whole thing because the wool was pilling, and I sent a €30 book token to Declan's "
                "eldest girl Síofra for her birthday, how long before I can walk to the shop on my "
                "own do you think?"),
            (A, "Many people walk short distances with a stick at four to six weeks after a hip "
                "replacement, but it depends on your surgeon and physio. Build up a little each "
                "day, keep doing the exercises, and have someone with you the first few times."),
        ]},
        {"id": "s07", "date": "2031-07-03 10:10", "turns": [
            (U, "I was back at choir practice last night for the first time since the hip, Father "
                "Corcoran gave me a chair at the end of the row and the girls clapped me in, we are "
                "learning a new piece for the harvest Mass, do you know any exercises to keep the "
                "voice young?"),
            (A, "Lip trills and humming up and down a scale, sirens on 'ng', yawning to open the "
                "throat, breathing low into the belly, and drinking plenty of water. Ten minutes a "
                "day keeps an older voice flexible."),
        ]},
        {"id": "s08", "date": "2031-07-22 14:50", "turns": [
            (U, "I went down to Dr Ní Bhriain about the knee that is now at me since the hip, she "
                "is a lovely girl and very thorough, she has all of Dr Halloran's patients since he "
                "went off to Lanzarote to play golf, and I finished a jumper for Síofra in the "
                "purple she wanted, I was going to buy Darragh a hurley for €40 as well but Declan "
                "had one got for him already, what is good for a stiff knee?"),
            (A, "Gentle daily movement is best: straight-leg raises, heel slides and short walks, "
                "with a warm pack before exercise and ice after if it swells. Ask the doctor "
                "whether a physio referral would help."),
        ]},
        {"id": "s09", "date": "2031-08-14 19:30", "turns": [
            (U, "Siobhán sent me a photo of Cian in the Aran jumper I made him in the winter, "
                "he is wearing it to the summer camp would you believe, and I was telling Peg that "
                "the €50 I put in the card for Darragh's communion was the best money I spent this "
                "year, how would I print a photo from the tablet?"),
            (A, "If you have a wireless printer, open the photo, tap the share button and choose "
                "Print. Otherwise a pharmacy or photo shop can print it from the tablet, or you can "
                "email it to them and collect the prints the same day."),
        ]},
        {"id": "s10", "date": "2031-08-29 12:25", "turns": [
            (U, "The blackberries are mad this year along the back lane and Scamp comes home "
                "purple, I have a few pounds picked and I would like to make jam but my mother's "
                "recipe is long lost, can you give me a simple one?"),
            (A, "Use equal weights of blackberries and sugar with the juice of a lemon per kilo. "
                "Heat the fruit gently until the juice runs, stir in the sugar until dissolved, "
                "then boil hard for about 8-10 minutes until it wrinkles on a cold saucer. Pot into "
                "sterilised jars."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "How long did I have Siobhán and the children staying with me from Boston in "
                     "the spring?",
         "answer": "10 days (Holy Thursday 10 April to Sunday 20 April)",
         "evidence": [("s03", "holy thursday"), ("s04", "sunday after easter")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "How many days after my hip was done did I get back to singing with the "
                     "choir?",
         "answer": "36 days (Tuesday 27 May to Wednesday 2 July), about 5 weeks",
         "evidence": [("s05", "tuesday week"), ("s07", "back at choir practice last night")]},
        {"id": "q03", "type": "multi-session",
         "question": "How many jumpers have I knitted for the grandchildren this year, finished "
                     "ones?",
         "answer": "3 (Cian's Aran, baby Aoife's lemon one and Síofra's purple one)",
         "evidence": [("s02", "aran jumper"), ("s05", "lemon jumper"), ("s08", "jumper for síofra")]},
        {"id": "q04", "type": "multi-session",
         "question": "What did I give the grandchildren in money and vouchers this year all "
                     "together?",
         "answer": "€80 (€50 for Darragh's First Communion + €30 book token for Síofra)",
         "evidence": [("s03", "€50"), ("s06", "€30")]},
        {"id": "q05", "type": "knowledge-update",
         "question": "Who's my GP at the moment?",
         "answer": "Dr Ní Bhriain (Dr Halloran before)",
         "evidence": [("s01", "dr halloran"), ("s08", "ní bhriain")]},
        {"id": "q06", "type": "single-session-user",
         "question": "What do I call my little dog?",
         "answer": "Scamp",
         "evidence": [("s01", "scamp")]},
        {"id": "q07", "type": "single-session-preference",
         "question": "My sister Peg is coming down, can you think of a nice day out for the two of "
                     "us around Cork?",
         "answer": "The user would prefer a day out that has nothing to do with alcohol, since "
                   "she is a Pioneer (total abstainer since 1972): so not the Jameson distillery "
                   "in Midleton or a pub or brewery tour; and gentle walking after her hip, e.g. "
                   "Fota House and gardens, Cobh Heritage Centre, or afternoon tea in Kinsale.",
         "evidence": [("s01", "pioneer pin")]},
    ],
}


# ---------------------------------------------------------------------------------------------
# w5: startup founder in Melbourne who writes in jargon
# ---------------------------------------------------------------------------------------------
W5 = {
    "key": "w5",
    "register": "B2B SaaS startup founder (Melbourne) in startup jargon ('ARR', 'GTM', 'shipped')",
    "question_date": "2031-11-20 09:00",
    "fillers": [("f02", "2031-03-25 22:30"), ("f06", "2031-06-30 07:15"), ("f03", "2031-10-01 12:40")],
    "sessions": [
        {"id": "s01", "date": "2031-02-17 07:30", "turns": [
            (U, "Context dump: I'm founder/CEO at Loopwise, B2B SaaS for warehouse rostering, "
                "cofounder Ana runs product. Marcus Lee is our Head of Sales, owns the whole GTM "
                "motion. Onboarded Dev today, backend engineer, first eng hire this year. Q: how "
                "do I run a tight first board meeting?"),
            (A, "Send a board pack five days ahead: a one-page summary, key metrics against plan, "
                "cash and runway, wins and misses, and the two or three decisions you need. In the "
                "meeting spend little time reporting and most of it on those decisions; keep "
                "minutes and follow up with actions within 24 hours."),
        ]},
        {"id": "s02", "date": "2031-03-12 18:05", "turns": [
            (U, "Big week. Term sheet signed last Friday w/ Antler leading and Blackbird "
                "following, $3.2M seed. Now in the legal grind. What should I watch for in the "
                "long-form docs?"),
            (A, "Check that the long-form documents match the term sheet: liquidation preference "
                "(1x non-participating is standard at seed), pro-rata rights, board composition, "
                "protective provisions, vesting and acceleration for founders, the option pool "
                "size and whether it sits in the pre-money, and information rights."),
        ]},
        {"id": "s03", "date": "2031-04-16 12:20", "turns": [
            (U, "Round closed, wire landed Monday, runway's now 26 months. Also signed Kettle & Co, "
                "first paying logo on annual. Q: what NRR should a seed-stage B2B SaaS be "
                "targeting?"),
            (A, "Above 100% means expansion outweighs churn and downgrades. Around 100-110% is "
                "healthy for SMB-focused SaaS; 120% or more is best-in-class and typical of strong "
                "mid-market and enterprise products. Track gross revenue retention alongside it."),
        ]},
        {"id": "s04", "date": "2031-05-20 16:45", "turns": [
            (U, "Hiring update: Lena accepted our offer, ML engineer, starts in July. Raj turned "
                "down his offer for a FAANG package, gutted. Harbourline signed an LOI, not a "
                "contract yet. How do I keep candidates warm between offer and start date?"),
            (A, "Send the equipment early, invite them to a team lunch or an all-hands, share the "
                "onboarding plan and their first project, introduce their buddy, and check in "
                "every couple of weeks without making it feel like pressure."),
        ]},
        {"id": "s05", "date": "2031-06-18 21:30", "turns": [
            (U, "Pencilling a Singapore roadshow for late August to get ahead of the Series A, "
                "Ana wants APAC logos before we raise. Which Singapore VCs lead B2B SaaS As?"),
            (A, "Firms that have led Series A rounds in Southeast Asian B2B software include "
                "Jungle Ventures, Vertex Ventures, Insignia and Monk's Hill; check their recent "
                "deals and partners' portfolios first, and get warm introductions through your "
                "existing investors."),
        ]},
        {"id": "s06", "date": "2031-07-09 10:05", "turns": [
            (U, "Shelved the Singapore trip, runway's fine and we're doubling down on ANZ first. "
                "Lena started Monday, already shipped a PR. Ana's side fund hired a designer for "
                "one of her portfolio cos, not for us. Q: simplest way to set OKRs for a team "
                "of 9?"),
            (A, "Pick two or three company objectives for the quarter, each with three measurable "
                "key results and one owner. Let teams add at most one objective of their own. "
                "Review weekly in ten minutes and score at the end of the quarter, 0.7 counts as "
                "good."),
        ]},
        {"id": "s07", "date": "2031-08-13 14:30", "turns": [
            (U, "Jess Kowalczyk ran the pipeline review today, she's owning the sales org and "
                "crushing it, Marcus is thriving in CS. Drover Logistics signed, 3-year deal. Q: "
                "how do I structure commission for an AE?"),
            (A, "A common structure is a 50/50 split between base and variable at on-target "
                "earnings, paid on closed-won annual contract value, with a quota of four to five "
                "times OTE, accelerators above 100% of quota, and clawbacks if a customer churns "
                "within the first few months."),
        ]},
        {"id": "s08", "date": "2031-09-10 08:50", "turns": [
            (U, "Onboarded Tomás this week, frontend, React wizard. Harbourline LOI fell over, "
                "they got acquired. Q: best way to onboard an engineer remotely?"),
            (A, "A written onboarding doc, a buddy, a laptop that works on day one, a small real "
                "ticket shipped in the first week, daily fifteen-minute check-ins for the first "
                "fortnight, and a 30-60-90 day plan agreed with their manager."),
        ]},
        {"id": "s09", "date": "2031-10-15 17:10", "turns": [
            (U, "Marlow Cold Storage signed today, our biggest ACV yet. Kettle & Co also "
                "expanded seats, love that logo. Q: how should I announce a customer win on "
                "LinkedIn without sounding cringe?"),
            (A, "Lead with the customer's problem and the result, not with yourself; quote the "
                "customer if they agree, thank the team members by name, keep it short, and add "
                "one concrete number if you are allowed to share it."),
        ]},
        {"id": "s10", "date": "2031-11-04 23:40", "turns": [
            (U, "Not sleeping great, board meeting Thursday and I'm running on cold brew. Any "
                "founder-proof tips for sleep?"),
            (A, "Stop caffeine after midday, keep the same wake-up time every day, put the phone "
                "outside the bedroom, write tomorrow's to-do list before bed so your mind can let "
                "go, and get outside in morning light. If it lasts weeks, talk to a GP."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "How long did it take from inking the seed term sheet to the cash actually "
                     "hitting our account?",
         "answer": "38 days (Friday 7 March to Monday 14 April)",
         "evidence": [("s02", "term sheet signed last friday"), ("s03", "wire landed monday")]},
        {"id": "q02", "type": "temporal-reasoning", "abs": True,
         "question": "How many days was I in Singapore pitching Series A funds?",
         "answer": "None: the Singapore roadshow was shelved, so you did not go.",
         "evidence": []},
        {"id": "q03", "type": "multi-session",
         "question": "How many engineers have we brought on this year?",
         "answer": "3 (Dev, backend; Lena, ML; Tomás, frontend)",
         "evidence": [("s01", "onboarded dev today"), ("s04", "lena accepted"),
                      ("s08", "onboarded tomás")]},
        {"id": "q04", "type": "multi-session",
         "question": "How many new customers have signed with us this year?",
         "answer": "3 (Kettle & Co, Drover Logistics and Marlow Cold Storage)",
         "evidence": [("s03", "kettle & co"), ("s07", "drover logistics"),
                      ("s09", "marlow cold storage")]},
        {"id": "q05", "type": "knowledge-update",
         "question": "Who runs sales at Loopwise as of now?",
         "answer": "Jess Kowalczyk (Marcus Lee before)",
         "evidence": [("s01", "marcus lee"), ("s07", "jess kowalczyk")]},
        {"id": "q06", "type": "single-session-user", "abs": True,
         "question": "At what pre-money valuation did we raise the seed?",
         "answer": "Not told: you gave the round's size ($3.2M, Antler leading) but never the "
                   "valuation.",
         "evidence": []},
        {"id": "q07", "type": "single-session-assistant",
         "question": "What net revenue retention did you call best-in-class?",
         "answer": "120% or more",
         "evidence": [("s03", "120%")]},
    ],
}

PERSONAS = [W1, W2, W3, W4, W5]

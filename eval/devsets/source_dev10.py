"""dev10: a hand-written blind answer set (au20, 2026-12-06). Content only; build.py builds dev10.json.

Written by hand, blind: the author did not read kgmem's code (the package), its synthetic
generator, other sets' predictions or any held-out set; only eval/devsets/README.md, build.py and
the layout of source_dev9.py (not its sentences) were read. No person, place or wording of
dev3-dev9 is reused. It lands as session 15's blind set: each stream's first run on it is blind;
after that it is a development set like dev3-dev9 (its first figure at main is
eval/results/dev10_blind.md).

Layout (the same as source_dev9.py): PERSONAS is a list of personas; each has a register, a
question date, its own sessions (id, date "YYYY-MM-DD HH:MM", turns as (role, text)), the filler
chats it gets (filler id, date) and its questions. A question's evidence is a list of (session
id, substring): every turn of that session containing the substring (case-insensitive) is an
evidence turn (``has_answer``). ``_abs`` questions have no evidence.

Weighted to what fails elsewhere: a start and an end told in different sessions with relative
time ("a week on Sunday" / "home again since Wednesday last", "off sick since tues" / "back on
the unit 2nite", "on Waitangi Day" / "reopened Monday gone", "the Saturday before the fourth of
July" / "got back ... Sunday night", "tomorrow I am going out of station" / "came back ... on
Sunday only"); a holiday ("the bank holiday Monday just gone", "easter monday") and "a
fortnight ago"; plans pushed back twice but done next to plans called off; orderings where the
plan was told first but happened second; counts and sums where a partner's or a friend's
purchase, a declined offer, a refund, a future booking, a lost bid and a thing told twice must
not count; knowledge updates told without change words, also about other people and things (a
shipmate's port, a fiancé's kitchen, a coffee roaster, a soccer coach, a weekly meeting, a
manager); preferences where a sister's taste must not be the reason and a constraint (coeliac,
motion sickness on ghat roads) rules out the obvious answer. Registers: a retired master
mariner in Cornwall writing long letters, a Glasgow ICU nurse in abbreviations after nights, a
brisk café owner in Wellington in figures, a Pittsburgh parent dictating by voice ("sock her
practice", "Zoey" for Zoë, "to loud"), an Indian software engineer in Bengaluru ("out of
station", "on Sunday only", "kindly suggest"); accented names (Bjørn, Dušan, Òran Mór, Mārama,
Kōura, Mahlkönig, Ōtaki, Zoë, Ramón, Rémi).
"""

from __future__ import annotations

U, A = "user", "assistant"

# ---------------------------------------------------------------------------------------------
# Filler chats: generic assistant help, no personal facts. Each persona gets three.
# ---------------------------------------------------------------------------------------------
FILLERS: dict[str, list[tuple[str, str]]] = {
    "f01": [
        (U, "How do I descale a kettle without buying anything special?"),
        (A, "Half fill it with equal parts water and white vinegar (or water with two tablespoons of "
            "citric acid), bring it to the boil, leave it for an hour, then empty it and boil fresh "
            "water twice to get rid of the taste. Lemon juice works too for light scale."),
    ],
    "f02": [
        (U, "what does VLOOKUP do in excel, simple example please"),
        (A, "VLOOKUP looks a value up in the first column of a range and returns a value from the "
            "same row in another column. `=VLOOKUP(A2, Prices!A:C, 3, FALSE)` finds A2 in column A "
            "of the Prices sheet and returns column C of that row; FALSE asks for an exact match. "
            "XLOOKUP is the newer, more flexible version."),
    ],
    "f03": [
        (U, "Why is the sea salty but rivers aren't?"),
        (A, "Rain is slightly acidic and slowly dissolves minerals from rocks; rivers carry those "
            "salts to the sea. Rivers keep flowing, so their water is always fresh-ish, but when "
            "sea water evaporates the salt stays behind, so over millions of years it has "
            "accumulated to about 3.5% of the ocean's weight."),
    ],
    "f04": [
        (U, "Explain recursion like I'm twelve."),
        (A, "Recursion is when a function solves a problem by calling itself on a smaller piece of "
            "the same problem, until the piece is so small the answer is obvious. Counting the "
            "people in a queue: ask the person in front how many are ahead of them and add one; "
            "the person at the front just says zero."),
    ],
    "f05": [
        (U, "Write a haiku about a lighthouse."),
        (A, "Granite shoulder set\nagainst the long night's weather:\none eye, never shut."),
    ],
    "f06": [
        (U, "affect or effect? I always mix them up"),
        (A, "Usually, affect is the verb (the rain affected the match) and effect is the noun (the "
            "rain had an effect on the match). A memory trick: Affect is an Action, Effect is an "
            "End result. The exceptions: 'to effect a change' means to bring it about."),
    ],
    "f07": [
        (U, "Quick way to convert Celsius to Fahrenheit in my head?"),
        (A, "Double the Celsius figure and add 30: 20°C gives about 70°F (exactly 68°F). For the "
            "exact value multiply by 1.8 and add 32. The shortcut is good to a few degrees between "
            "0 and 30°C."),
    ],
    "f08": [
        (U, "How do tides work, in two sentences?"),
        (A, "The Moon's gravity pulls the ocean into a bulge on the side facing it, and a second "
            "bulge forms on the far side, so most coasts pass through two high tides a day as the "
            "Earth turns. When the Sun and Moon line up (new and full moon) the tides are biggest, "
            "the springs; at the quarter moons they are smallest, the neaps."),
    ],
}


# ---------------------------------------------------------------------------------------------
# z1: retired master mariner in Flushing, Cornwall, writing long letters
# ---------------------------------------------------------------------------------------------
Z1 = {
    "key": "z1",
    "register": "retired master mariner (Flushing, Cornwall) writing long, courteous letters",
    "question_date": "2030-09-20 10:00",
    "fillers": [("f03", "2030-02-20 11:00"), ("f05", "2030-05-15 16:20"), ("f08", "2030-08-02 09:40")],
    "sessions": [
        {"id": "s01", "date": "2030-01-14 09:10", "turns": [
            (U, "Dear friend, I write from Flushing, across the water from Falmouth, where my wife "
                "Morwenna and I have settled since I came ashore for good last autumn after thirty-"
                "eight years at sea, the last eleven of them in command of bulk carriers. I keep a "
                "26-foot gaff cutter, the Kittiwake, on a mooring in the creek below the house, and "
                "this winter her spars want fresh varnish. How should I go about varnishing in an "
                "unheated shed in January? My old shipmate Bjørn Haugland, who keeps his own boat, "
                "the Solveig, in Stavanger, swears by oil and will not hear of varnish. Yours aye, "
                "Jory."),
            (A, "Dear Jory, varnish hates cold and damp: it needs about 10°C and low humidity to cure. "
                "Warm the shed with a small oil-filled radiator for a few hours before you start and "
                "leave it on overnight, sand between coats with 320 grit, wipe with a tack cloth, and "
                "thin the first two coats by about 10%. Work late in the morning, when the dew has "
                "gone, and stop early enough that the varnish skins before the evening chill."),
        ]},
        {"id": "s02", "date": "2030-02-08 18:30", "turns": [
            (U, "Dear friend, a fine morning's work: I have ordered a new mainsail for the Kittiwake "
                "from Penhallow Sails in Penryn, cut from cream Dacron, £1,850 all told, to be ready "
                "next month. Morwenna, not to be outdone, bought herself an electric bicycle for "
                "£1,400 to climb the hill from the ferry. The yard has the old girl booked to come "
                "out for her antifouling in the second week of March. Pray tell me, how does one "
                "break in a new sail? In my day the bosun simply bent it on and swore at it."),
            (A, "Break it in gently: for the first few outings sail in winds under 15 knots, hoist it "
                "fully and sail on all points without reefing, so the cloth settles evenly. Avoid "
                "flogging it at the mast and do not leave it tightly furled and wet. After four or "
                "five sails in moderate breezes it will have taken its shape."),
        ]},
        {"id": "s03", "date": "2030-03-22 20:00", "turns": [
            (U, "Dear friend, we are off to Spain! Morwenna and I take the ferry from Plymouth to "
                "Santander a week on Sunday, then drive west into Galicia to stay with her cousin "
                "Ximena in Pontevedra. I have lately finished Dana's Two Years Before the Mast, which "
                "I had not opened since I was a cadet; it reads better at seventy. The new mainsail "
                "arrived from Penryn and sets like a dream. The lift-out, alas, has been put off: the "
                "yard says the gales have left them behind with every boat on the river. What ought "
                "we to see in Galicia?"),
            (A, "Santiago de Compostela's old town and cathedral, the Rías Baixas coast with its "
                "seafood (pulpo á feira, the local octopus, and Albariño wine), the Cíes Islands off "
                "Vigo if the boats are running, and the old granite town of Pontevedra itself. The "
                "coast road from Cambados to Combarro is lovely with its stone granaries."),
        ]},
        {"id": "s04", "date": "2030-04-12 17:45", "turns": [
            (U, "Dear friend, home again since Wednesday last; the ferry came into Plymouth on a flat "
                "calm and we were over the Tamar by nine. Galicia was a joy: octopus at every table "
                "and Ximena's husband drove us to the Cíes. Bjørn writes that he and his brother "
                "spent a fortnight in the Lofoten Islands in March, which sounds cold. The yard has "
                "put Kittiwake's lift-out back a second time. Tell me, what is the best way to stop "
                "the galley kettle on a small boat from rusting?"),
            (A, "Choose a stainless steel or enamelled whistling kettle, dry it after use instead of "
                "leaving water in it, and store it with the lid off so it can breathe. A light wipe "
                "of cooking oil on any bare steel edges helps in a damp cabin."),
        ]},
        {"id": "s05", "date": "2030-05-03 19:00", "turns": [
            (U, "Dear friend, Kittiwake finally came out of the water on Thursday, after two "
                "postponements, and I have spent today scraping her bottom. The yard's bill for the "
                "lift, the pressure wash and two tins of antifouling came to £640. The Penryn "
                "sailing club asked me to give them a talk on the old grain trade in June, but I "
                "declined: I have talked enough for one lifetime. I am now reading Monsarrat's The "
                "Cruel Sea. Should I put the antifouling on in one coat or two?"),
            (A, "Two coats, with an extra third coat along the waterline, the leading edge of the keel "
                "and the rudder, where the water flow wears it fastest. Leave the overcoating time "
                "printed on the tin between coats and launch within the window the maker gives."),
        ]},
        {"id": "s06", "date": "2030-06-07 11:00", "turns": [
            (U, "Dear friend, a red-letter day to report: on the bank holiday Monday just gone I took "
                "my granddaughter Tamsin, who is nine, out for her very first sail. She took the "
                "tiller past St Mawes and did not want to give it back. I have finished The Cruel "
                "Sea: grim and magnificent. What size of lifejacket should a child of nine and about "
                "thirty kilos wear?"),
            (A, "Look for a child's 100 newton lifejacket (or a 150N auto-inflating one made for "
                "children) sized for 30-40 kg, with a crotch strap so it cannot ride up over her "
                "head. Fit it snugly: when you lift it by the shoulders it should not reach her ears."),
        ]},
        {"id": "s07", "date": "2030-06-28 20:00", "turns": [
            (U, "Dear friend, the passage to the Isles of Scilly that we had planned for the middle of "
                "July is off: Morwenna's knee is bad again and I will not take Kittiwake across "
                "alone at my age. I started Moby-Dick and have put it down for good at the chapter "
                "on the whale's skeleton. Bjørn's book club is reading Kon-Tiki and he says it is "
                "the best thing he has read in years. Are there exercises for a bad knee that do "
                "not need a gym?"),
            (A, "I'm sorry about the Scillies. Gentle options many physiotherapists suggest: straight-"
                "leg raises lying down, sit-to-stand from a chair, heel slides, and short walks on "
                "the flat; swimming or a stationary bike help too. She should check with her GP or "
                "physio which suit her knee."),
        ]},
        {"id": "s08", "date": "2030-07-19 10:00", "turns": [
            (U, "Dear friend, I have bought a second-hand Yamaha four horsepower outboard from a man "
                "in Mylor for £700, which is a great improvement on rowing out against the ebb. Mr "
                "Penhallow offered me a chartplotter for £900, but I have managed with paper charts "
                "for forty years and said no. My son-in-law carved Kittiwake a new tiller from ash as "
                "a present. And the new £1,850 mainsail, I must say again, was worth every penny. "
                "Would you remind me how to lay up an outboard for the winter?"),
            (A, "Run it in fresh water to flush the salt out, then run the carburettor dry (or add "
                "fuel stabiliser), change the gearbox oil, fog the cylinder, grease the pivot points, "
                "and store it upright in a dry shed. Check the impeller before the spring."),
        ]},
        {"id": "s09", "date": "2030-08-16 19:00", "turns": [
            (U, "Dear friend, Bjørn's letter came this week with a photograph of the Solveig lying at "
                "her berth in Bergen, a stone's throw from the fish market, with the mountains "
                "behind. I read Erskine Childers' The Riddle of the Sands over three wet evenings and "
                "enjoyed it more than anything this year; The Cruel Sea still haunts me. Is there a "
                "good chart of the Frisian islands for an old man who only wants to read about them?"),
            (A, "The Imray or the Dutch ANWB charts of the Waddenzee are beautiful to pore over, and "
                "several editions of The Riddle of the Sands reprint Childers' own sketch charts, "
                "which follow the Dulcibella's cruise."),
        ]},
        {"id": "s10", "date": "2030-09-06 18:00", "turns": [
            (U, "Dear friend, Tamsin wants to learn her knots before next summer. Which five should a "
                "child learn first?"),
            (A, "The reef knot, the bowline, a round turn and two half hitches, the clove hitch and the "
                "figure-of-eight stopper. Practise them on a short length of soft rope tied round a "
                "chair leg, then on the boat."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "How many days were Morwenna and I away in Spain this spring?",
         "answer": "10 days (31 March to 10 April)",
         "evidence": [("s03", "a week on sunday"), ("s04", "home again since wednesday last")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "Which happened first: Kittiwake being hauled out for her bottom paint, or our "
                     "trip to Spain?",
         "answer": "The trip to Spain (31 March to 10 April); the lift-out was on 2 May",
         "evidence": [("s02", "second week of march"), ("s03", "a week on sunday"),
                      ("s05", "finally came out of the water on thursday")]},
        {"id": "q03", "type": "temporal-reasoning",
         "question": "How many weeks ago was my granddaughter's first time out on a boat?",
         "answer": "16 weeks (27 May, 116 days ago) or 17 weeks",
         "evidence": [("s06", "bank holiday monday just gone")]},
        {"id": "q04", "type": "temporal-reasoning", "abs": True,
         "question": "How many nights did we spend on the Scillies in July?",
         "answer": "None: the passage to the Isles of Scilly was called off (Morwenna's knee), so you "
                   "did not go.",
         "evidence": []},
        {"id": "q05", "type": "multi-session",
         "question": "What has my boat cost me so far this year?",
         "answer": "£3,190 (£1,850 mainsail + £640 lift-out and antifouling + £700 outboard)",
         "evidence": [("s02", "£1,850"), ("s05", "£640"), ("s08", "£700")]},
        {"id": "q06", "type": "multi-session",
         "question": "How many books about the sea have I read to the end this year?",
         "answer": "3 (Two Years Before the Mast, The Cruel Sea and The Riddle of the Sands)",
         "evidence": [("s03", "two years before the mast"), ("s06", "finished the cruel sea"),
                      ("s09", "riddle of the sands")]},
        {"id": "q07", "type": "knowledge-update",
         "question": "In which port is my old shipmate's boat lying at present?",
         "answer": "Bergen (Stavanger before)",
         "evidence": [("s01", "stavanger"), ("s09", "bergen")]},
        {"id": "q08", "type": "single-session-user",
         "question": "What name is painted on the stern of my cutter?",
         "answer": "Kittiwake",
         "evidence": [("s01", "the kittiwake")]},
        {"id": "q09", "type": "single-session-assistant",
         "question": "What was the strongest wind you said the new main should see on its first "
                     "outings?",
         "answer": "15 knots (under 15 knots)",
         "evidence": [("s02", "15 knots")]},
    ],
}


# ---------------------------------------------------------------------------------------------
# z2: ICU nurse in Glasgow, typing in abbreviations after night shifts
# ---------------------------------------------------------------------------------------------
Z2 = {
    "key": "z2",
    "register": "ICU nurse (Glasgow) typing in abbreviations at 8am after nights",
    "question_date": "2030-11-29 08:30",
    "fillers": [("f01", "2030-03-28 13:00"), ("f04", "2030-06-09 15:10"), ("f07", "2030-10-11 12:30")],
    "sessions": [
        {"id": "s01", "date": "2030-03-04 08:10", "turns": [
            (U, "jst off 3 nights in ICU @ QEUH, 4 on 4 off rn. cant sleep past 1pm, sun comes thru "
                "the curtains. bf Dušan (chef @ Ox and Finch) says get blackout blinds. any gd ones? "
                "also im coeliac so pls no 'have toast b4 bed' tips lol"),
            (A, "Look for a made-to-measure blackout roller blind fitted inside the recess, or a cheap "
                "temporary one that sticks to the glass; add an eye mask for the gaps. Keep the room "
                "cool (16-18°C), put your phone on do-not-disturb, and have a small snack that suits "
                "you, like a banana or a yoghurt, rather than a big meal before bed."),
        ]},
        {"id": "s02", "date": "2030-03-17 09:00", "turns": [
            (U, "saw chvrches @ the barrowland last nite w/ Dušan, unreal. ears still ringing 2day. "
                "how long does that last after a gig?"),
            (A, "Ringing after a loud gig usually fades within a day or two. Give your ears some quiet "
                "time; if it lasts more than a week, or comes with hearing loss on one side, see your "
                "GP. Musicians' earplugs keep the sound clear while cutting the volume next time."),
        ]},
        {"id": "s03", "date": "2030-04-05 12:30", "turns": [
            (U, "off sick since tues, covid, 2 lines on the LFT. feel rotten. ward short so guilt++. "
                "how long am i infectious for?"),
            (A, "Most people are most infectious in the first few days and much less after about five "
                "days, though some test positive longer. Follow your trust's occupational health "
                "guidance for returning to clinical work, rest, drink plenty and don't feel guilty: "
                "you'd be no use to your patients ill."),
        ]},
        {"id": "s04", "date": "2030-04-16 18:00", "turns": [
            (U, "back on the unit 2nite, 1st shift since the covid. still wiped. tips for getting thru "
                "a 12.5h nite w/ no energy?"),
            (A, "Nap for 60-90 minutes before you go in, eat a proper meal at the start of the shift "
                "and small snacks after, drink water steadily, take your break even if it's short, "
                "and save caffeine for the first half so you can still sleep in the morning."),
        ]},
        {"id": "s05", "date": "2030-04-26 08:00", "turns": [
            (U, "DUŠAN PROPOSED on easter monday!!! top of the necropolis at sunset, ring was his "
                "gran's. said yes obvs. he went to gerry cinnamon @ hampden w/ his mates on sat, i "
                "was on shift. ideas for a wedding on a small budget?"),
            (A, "Congratulations! Budget savers: a weekday or winter date, a smaller guest list, a "
                "venue that allows your own drink, a friend with a good camera for the photos, a "
                "playlist or a ceilidh band instead of a DJ, and flowers from a market or a wholesaler."),
        ]},
        {"id": "s06", "date": "2030-05-20 08:15", "turns": [
            (U, "paid the £1,500 deposit for the venue, òran mór, 14 june next yr. photographer quoted "
                "£2,200, said no way, my cousin does photos. Dušan's mum is paying for his kilt hire. "
                "is 14 months enough time to plan?"),
            (A, "Yes, plenty. Book the registrar or celebrant next, then catering and music; send "
                "save-the-dates around a year out and invitations eight to ten weeks before."),
        ]},
        {"id": "s07", "date": "2030-07-12 08:30", "turns": [
            (U, "passed my driving test a fortnight ago!! 3rd attempt lol. Dušan away 2 tenerife w/ "
                "the boys for 10 days, me on nites. lewis capaldi @ hampden got postponed twice but "
                "finally went sat w/ my sis, class. which wee cars are cheap 2 insure for new drivers?"),
            (A, "Small cars in the lowest insurance groups: a Hyundai i10, Kia Picanto, Toyota Aygo X, "
                "Fiat 500 or VW Up. Ask about a telematics (black box) policy, and adding an "
                "experienced named driver can lower the price too."),
        ]},
        {"id": "s08", "date": "2030-08-23 08:00", "turns": [
            (U, "DRESS BOUGHT!! £1,180, ivory, from a wee shop in finnieston. had tix for biffy clyro "
                "but gave them to my sis, on shift that nite. Dušan's doing breakfasts at the hilton "
                "on grosvenor terrace, up at 4.30 every day, hates the hrs but the pay's better. how "
                "do i store a wedding dress for 10 months?"),
            (A, "Keep it in a breathable cotton garment bag (not plastic), somewhere cool, dark and "
                "dry, hung from the inner loops so the shoulders don't stretch, and stuff the bodice "
                "with acid-free tissue."),
        ]},
        {"id": "s09", "date": "2030-09-18 07:45", "turns": [
            (U, "been at the GRI 3 wks now, renal HDU, ward 10. miss the crew but no more 40 min "
                "commute. chvrches @ barrowland in march still best nite of the yr. nina nesbitt @ "
                "king tut's on my nite off tues, tiny venue, loved it. venue deposit (£1,500) was the "
                "best money we've spent. whats a gd handover format for HDU?"),
            (A, "SBAR works well: Situation, Background, Assessment, Recommendation. For renal "
                "patients add fluid balance, the last bloods (potassium, creatinine), dialysis times "
                "and access site checks."),
        ]},
        {"id": "s10", "date": "2030-10-30 08:00", "turns": [
            (U, "hallowe'en costume ideas for someone who's had 3 nites and has zero energy"),
            (A, "A sleepy bat (black hoodie, paper wings), a zombie in your own scrubs with a bit of "
                "grey face paint, 'a smart cookie' with cookies pinned on, or a dressing gown and "
                "curlers as a 1950s housewife. All take five minutes."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "how long was i off work ill in the spring",
         "answer": "14 days (2 to 16 April) or 2 weeks",
         "evidence": [("s03", "off sick since tues"), ("s04", "back on the unit 2nite")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "How many weeks ago did I get my driving licence?",
         "answer": "22 weeks (28 June, 154 days ago)",
         "evidence": [("s07", "passed my driving test a fortnight ago")]},
        {"id": "q03", "type": "temporal-reasoning",
         "question": "How many days after my first night back from being ill did I get engaged?",
         "answer": "6 days (16 April to 22 April)",
         "evidence": [("s04", "back on the unit 2nite"), ("s05", "proposed on easter monday")]},
        {"id": "q04", "type": "temporal-reasoning", "abs": True,
         "question": "How many days was I in Tenerife?",
         "answer": "None: Tenerife was Dušan's 10-day trip with his friends; you stayed and worked "
                   "nights.",
         "evidence": []},
        {"id": "q05", "type": "multi-session",
         "question": "How many live music nights have I been to this year?",
         "answer": "3 (Chvrches at the Barrowland, Lewis Capaldi at Hampden, Nina Nesbitt at King "
                   "Tut's)",
         "evidence": [("s02", "saw chvrches"), ("s07", "finally went sat"), ("s09", "nina nesbitt")]},
        {"id": "q06", "type": "multi-session",
         "question": "How much have I forked out for the wedding so far?",
         "answer": "£2,680 (£1,500 venue deposit + £1,180 dress)",
         "evidence": [("s06", "£1,500"), ("s08", "£1,180")]},
        {"id": "q07", "type": "knowledge-update",
         "question": "Which hospital am I working at these days?",
         "answer": "Glasgow Royal Infirmary or the GRI (renal HDU, ward 10); the QEUH before",
         "evidence": [("s01", "qeuh"), ("s09", "been at the gri")]},
        {"id": "q08", "type": "knowledge-update",
         "question": "Where does my fiancé cook at the moment?",
         "answer": "The Hilton on Grosvenor Terrace (Ox and Finch before)",
         "evidence": [("s01", "ox and finch"), ("s08", "hilton")]},
        {"id": "q09", "type": "single-session-preference",
         "question": "what could i make for a quick bite when i get in from a night shift",
         "answer": "The user would prefer quick, light food that is gluten-free, because they are "
                   "coeliac (no ordinary toast, bread, pasta or wheat-based snacks), suited to eating "
                   "before sleeping through the day: e.g. eggs, yoghurt, fruit, rice cakes or "
                   "gluten-free oats.",
         "evidence": [("s01", "coeliac")]},
    ],
}


# ---------------------------------------------------------------------------------------------
# z3: café owner in Wellington, New Zealand: brisk, figures first
# ---------------------------------------------------------------------------------------------
Z3 = {
    "key": "z3",
    "register": "café owner (Wellington, NZ): brisk, figures first, short sentences",
    "question_date": "2030-10-10 15:00",
    "fillers": [("f02", "2030-01-28 14:40"), ("f06", "2030-05-21 10:15"), ("f04", "2030-09-03 19:50")],
    "sessions": [
        {"id": "s01", "date": "2030-01-15 16:00", "turns": [
            (U, "Own a café, Kōwhai & Co, Cuba St, Wellington. 4 staff. 6.30-3 weekdays, 8-2 weekends. "
                "Rent $6,500 a month. Beans from Red Rocks Roasting. Flat white $5.80. Need a better "
                "roster template. Ideas?"),
            (A, "A simple weekly grid works: staff down the side, days across, each cell a shift with "
                "start and finish, plus a row for total hours and wage cost per day. Put your busiest "
                "hours (7-9am, 12-1.30pm) in a second colour so you can see cover at a glance."),
        ]},
        {"id": "s02", "date": "2030-02-01 14:00", "turns": [
            (U, "Big year. Shutting the doors on Waitangi Day for the refit, reopening when the "
                "builders finish. New La Marzocco Linea arrives for it, $18,500. Also eyeing a "
                "second site in Petone, lease signing pencilled for April. Wording for a closure "
                "sign?"),
            (A, "\"We're closed from Wednesday 6 February for a refit. We'll be back soon with a new "
                "look and a new machine. Follow us on Instagram for the reopening date. Thanks for "
                "your patience, Kōwhai & Co.\""),
        ]},
        {"id": "s03", "date": "2030-03-07 17:00", "turns": [
            (U, "Reopened Monday gone. Day one takings $3,200. Mahlkönig grinder in too, $4,200. Mate "
                "offered me his old dishwasher for $1,500, passed. How do I win the regulars back "
                "after a month shut?"),
            (A, "A loyalty card with a free coffee on the first stamp, a reopening week with a "
                "small treat on the house, posts showing the new fit-out, and a note to the offices "
                "nearby. Regulars come back for the people: make sure your best barista is on in the "
                "mornings."),
        ]},
        {"id": "s04", "date": "2030-04-10 15:30", "turns": [
            (U, "Mārama Tipene started Monday as head barista. Good hands. Milk is the weak spot with "
                "the juniors. What temp should they steam to?"),
            (A, "Aim for 60-65°C: the milk is sweet and silky there. Above about 70°C it starts to "
                "taste cooked and loses its texture. A thermometer clip on the jug for the first "
                "weeks, then they learn it by touch: too hot to hold for more than a second or two."),
        ]},
        {"id": "s05", "date": "2030-05-02 16:00", "turns": [
            (U, "Catered our first wedding Saturday, 80 guests, out in Ōtaki. Knackered. Bought a "
                "Skope display fridge, $2,900. Petone lease signing pushed back, landlord's lawyer "
                "off sick. Best way to price catering per head?"),
            (A, "Cost the food and drink per head, add staff hours and travel, then add 30-40% for "
                "overheads and profit. Set a minimum spend, and charge for hire of cups, urns and "
                "extra staff separately."),
        ]},
        {"id": "s06", "date": "2030-06-14 15:00", "turns": [
            (U, "Fridge went back, compressor noise, $2,900 refunded Tuesday. Petone lease: pushed "
                "back twice, but we finally signed Wednesday. Te Papa staff lunch for 40 booked us "
                "for July. Film crew job Sunday got cancelled, rain. Fit-out checklist for a second "
                "site?"),
            (A, "Power and water for the machine, a grease trap if you cook, council food "
                "registration, signage consent, fire exits, an accessible toilet, and the "
                "EFTPOS and internet connections booked early: they often take longest."),
        ]},
        {"id": "s07", "date": "2030-07-25 15:00", "turns": [
            (U, "Did the Te Papa lunch Tues, 40 people, smooth. First delivery from Kōura Coffee came "
                "in, chocolatey blend, customers noticed straight away. La Marzocco ($18,500) earning "
                "its keep. Quoted a conference for 200, client went with someone cheaper. Grinder "
                "burr life?"),
            (A, "Flat burrs in a café grinder usually last somewhere around 500-1,000 kg of coffee; "
                "the maker's figure for your model is the guide. Signs they're worn: slower shots at "
                "the same grind setting and more fines."),
        ]},
        {"id": "s08", "date": "2030-08-20 14:30", "turns": [
            (U, "Opened Petone Saturday just gone, queue out the door. Karori school fair: postponed "
                "twice for weather but we finally ran the coffee cart there Sunday. Sold 310 cups. "
                "How do I split my time between two shops?"),
            (A, "Pick a fixed pattern (mornings at one, afternoons at the other, or alternate days) so "
                "staff know when you're there, give each site a shift lead with clear authority, and "
                "keep one shared daily report: takings, wastage, issues."),
        ]},
        {"id": "s09", "date": "2030-09-12 15:00", "turns": [
            (U, "Mārama keen on latte art comps. Where do I find NZ ones?"),
            (A, "The NZ Specialty Coffee Association runs the national barista and latte art "
                "championships, with regional heats; roasters and the Wellington coffee festival "
                "often run smaller throwdowns. Their websites and social pages list dates."),
        ]},
        {"id": "s10", "date": "2030-09-30 16:00", "turns": [
            (U, "Spring menu. Need 3 cabinet items that travel well between shops."),
            (A, "A feta and spinach filo pie, a roast vegetable and halloumi frittata, and a "
                "lemon-and-blueberry loaf: all keep their shape cold, slice cleanly and reheat well."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "How long was the café shut for the renovation?",
         "answer": "26 days (6 February to 4 March), about 4 weeks",
         "evidence": [("s02", "waitangi day"), ("s03", "reopened monday gone")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "How many days passed between putting pen to paper for the Petone shop and its "
                     "first day of trading?",
         "answer": "66 days (12 June to 17 August)",
         "evidence": [("s06", "finally signed wednesday"), ("s08", "opened petone saturday just gone")]},
        {"id": "q03", "type": "multi-session",
         "question": "How much did I lay out on equipment for the café this year, once refunds are "
                     "taken off?",
         "answer": "$22,700 ($18,500 La Marzocco + $4,200 Mahlkönig grinder; the $2,900 fridge was "
                   "refunded)",
         "evidence": [("s02", "$18,500"), ("s03", "$4,200")]},
        {"id": "q04", "type": "multi-session",
         "question": "How many outside jobs away from the shop did we actually work this year?",
         "answer": "3 (the Ōtaki wedding, the Te Papa staff lunch and the Karori school fair)",
         "evidence": [("s05", "catered our first wedding"), ("s07", "did the te papa lunch"),
                      ("s08", "school fair")]},
        {"id": "q05", "type": "knowledge-update",
         "question": "Whose beans are in our grinder hoppers at the moment?",
         "answer": "Kōura Coffee (Red Rocks Roasting before)",
         "evidence": [("s01", "red rocks"), ("s07", "kōura coffee")]},
        {"id": "q06", "type": "single-session-user", "abs": True,
         "question": "What rent do I pay for the Petone shop?",
         "answer": "Not told: only the Cuba Street café's rent ($6,500 a month) was mentioned.",
         "evidence": []},
        {"id": "q07", "type": "single-session-assistant",
         "question": "How hot did you tell me the juniors should get the milk?",
         "answer": "60-65°C (no more than about 70°C)",
         "evidence": [("s04", "60-65°c")]},
    ],
}


# ---------------------------------------------------------------------------------------------
# z4: parent in Pittsburgh dictating to a phone by voice, with dictation errors
# ---------------------------------------------------------------------------------------------
Z4 = {
    "key": "z4",
    "register": "parent (Pittsburgh) dictating by voice: run-on, homophones, 'Zoey' for Zoë, 'sock her'",
    "question_date": "2030-12-12 21:00",
    "fillers": [("f06", "2030-02-27 12:10"), ("f01", "2030-06-04 13:30"), ("f03", "2030-11-06 20:15")],
    "sessions": [
        {"id": "s01", "date": "2030-01-22 20:30", "turns": [
            (U, "okay hey so I'm a pharmacist at UPMC Shadyside and I'm trying to plan Zoey's "
                "birthday she turns ten on the twenty sixth we're doing the trampoline park sky zone "
                "that Saturday weather permitting can you give me party games for ten year olds that "
                "aren't to loud"),
            (A, "Quieter games that still work for ten-year-olds: a scavenger hunt with picture clues, "
                "'two truths and a lie', musical statues, a pass-the-parcel with a forfeit in each "
                "layer, and a decorate-your-own-cupcake table while everyone comes down from the "
                "trampolines."),
        ]},
        {"id": "s02", "date": "2030-02-13 21:00", "turns": [
            (U, "so the trampoline party got moved because of the snow storm again new date to be "
                "decided ugh anyway our beagle Pierogi ate a whole sock yesterday do I need to call "
                "the vet"),
            (A, "Yes, call the vet today: a sock can block a beagle's intestines. Watch for vomiting, "
                "not eating, a sore belly, lethargy or no poo, and don't try to make him sick at home "
                "unless the vet tells you to."),
        ]},
        {"id": "s03", "date": "2030-03-12 20:45", "turns": [
            (U, "quick one my first day at the Giant Eagle pharmacy in squirrel hill was yesterday "
                "shorter drive way less chaos than the hospital then I picked up Theo from sock her "
                "practice and coach Bell says he's a natural what cleats should a seven year old have"),
            (A, "Molded rubber cleats for firm ground, in a size with a thumb's width at the toe; "
                "avoid metal studs at that age. Adidas, Nike and Diadora all make cheap kids' pairs, "
                "and shin guards are a must."),
        ]},
        {"id": "s04", "date": "2030-03-20 21:15", "turns": [
            (U, "we finally had Zoey's trampoline party on Saturday after moving it twice for snow "
                "twelve kids zero injuries a miracle period also the visit to Ramon's mom in "
                "Cleveland over spring break is off she has the flu how do I stop the kids catching "
                "it if she comes here later"),
            (A, "Hand washing, separate towels, airing rooms and keeping her visit for when she's "
                "been fever-free for a day or two. A flu shot for the kids helps for the rest of the "
                "season."),
        ]},
        {"id": "s05", "date": "2030-05-29 21:00", "turns": [
            (U, "Ramon and I finished the new deck over Memorial day weekend it looks amazing period "
                "the kitchen remodel guy quoted thirty eight thousand dollars we said no way period "
                "also new tires on my Subaru six hundred forty dollars ouch how often should I "
                "rotate them"),
            (A, "Every 5,000 to 7,500 miles, or at every other oil change, is the usual advice; "
                "check your Subaru's manual, since all-wheel-drive cars are fussier about even "
                "tread wear."),
        ]},
        {"id": "s06", "date": "2030-06-20 20:00", "turns": [
            (U, "we drive down to the outer banks the Saturday before the fourth of July staying in "
                "Duck can you give me a packing list for a beach week with a ten year old a seven "
                "year old and a dog"),
            (A, "Sunscreen (lots), hats, rash guards, swimsuits, flip-flops, a beach tent, boogie "
                "boards, a cooler, refillable bottles, bug spray, a first-aid kit, books and cards "
                "for rainy evenings; for the dog, food, bowls, leash, poop bags, vaccination papers "
                "and a long line, and check which beaches allow dogs in summer."),
        ]},
        {"id": "s07", "date": "2030-07-10 21:30", "turns": [
            (U, "got back from the outer banks Sunday night everyone is sunburned period the brakes "
                "on the Subaru were squeaking the whole drive so brake job today four hundred twenty "
                "dollars period Ramon got an oil change on his truck too and the dealership tried to "
                "sell me a twelve hundred dollar extended warranty I said no thanks what helps "
                "sunburn on kids"),
            (A, "Cool (not cold) baths, plain aloe or a fragrance-free moisturiser, plenty of water, "
                "loose cotton clothes and children's ibuprofen for the sting if needed. Blisters, "
                "fever or chills mean a call to the pediatrician."),
        ]},
        {"id": "s08", "date": "2030-08-28 20:30", "turns": [
            (U, "we repainted the upstairs bathroom this weekend sage green my sister Brianna says it "
                "looks like a hospital she has no taste period the neighbors put up a new fence "
                "and the deck is still the best thing we did this year how do I get paint off the "
                "tile grout"),
            (A, "Let it dry, then scrape gently with a plastic scraper or an old toothbrush; for "
                "latex paint, warm soapy water and a little rubbing alcohol loosen it. Avoid metal "
                "tools, which scratch the glaze."),
        ]},
        {"id": "s09", "date": "2030-09-25 21:00", "turns": [
            (U, "coach Okonkwo had the boys running laps the whole practice Saturday and Theo was "
                "wiped out is that normal for seven year olds period also we got quotes for "
                "basement waterproofing for next spring"),
            (A, "At seven, most of a practice should be games with the ball; a lot of running laps "
                "is more than most youth guidelines suggest. It's fair to ask the coach about the "
                "plan. For the basement, get at least three quotes and ask about warranties."),
        ]},
        {"id": "s10", "date": "2030-10-22 21:00", "turns": [
            (U, "Brianna keeps telling me to watch that horror series everybody's talking about but "
                "I can't do scary at all I love cozy mysteries the kind where someone gets murdered "
                "at a village fete and nobody's really upset period also signed up for the turkey "
                "trot with Zoey any tips"),
            (A, "For a family 5K: walk-run it, start at the back, wear layers you can tie round your "
                "waist, and agree a meeting point in case you lose each other."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "How many days was the family at the beach in North Carolina?",
         "answer": "8 days (29 June to 7 July)",
         "evidence": [("s06", "the saturday before the fourth of july"),
                      ("s07", "got back from the outer banks sunday night")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "Which came first, Zoë's trampoline birthday party or my first day at Giant "
                     "Eagle?",
         "answer": "Your first day at Giant Eagle (11 March); the party was on 16 March",
         "evidence": [("s01", "trampoline park"), ("s03", "first day at the giant eagle pharmacy"),
                      ("s04", "finally had zoey's trampoline party on saturday")]},
        {"id": "q03", "type": "multi-session",
         "question": "How many projects around the house did we get done this year?",
         "answer": "2 (the new deck and repainting the upstairs bathroom)",
         "evidence": [("s05", "finished the new deck"), ("s08", "repainted the upstairs bathroom")]},
        {"id": "q04", "type": "multi-session",
         "question": "What have I spent on my own car this year?",
         "answer": "$1,060 ($640 for tires + $420 for the brake job)",
         "evidence": [("s05", "six hundred forty dollars"), ("s07", "four hundred twenty dollars")]},
        {"id": "q05", "type": "knowledge-update",
         "question": "Who is running Theo's soccer practices right now?",
         "answer": "Coach Okonkwo (Coach Bell before)",
         "evidence": [("s03", "coach bell"), ("s09", "okonkwo")]},
        {"id": "q06", "type": "single-session-user",
         "question": "What did we call the dog?",
         "answer": "Pierogi",
         "evidence": [("s02", "pierogi")]},
        {"id": "q07", "type": "single-session-user", "abs": True,
         "question": "How much did our kitchen remodel end up costing?",
         "answer": "Not answerable: you turned down the $38,000 quote, so there was no kitchen "
                   "remodel.",
         "evidence": []},
        {"id": "q08", "type": "single-session-preference",
         "question": "Can you suggest something for me to watch once the kids are in bed?",
         "answer": "The user would prefer a cozy mystery (gentle, village-style whodunits, nothing "
                   "scary); they can't do horror, which is their sister Brianna's taste, so a horror "
                   "series must not be suggested.",
         "evidence": [("s10", "cozy mysteries")]},
    ],
}


# ---------------------------------------------------------------------------------------------
# z5: software engineer in Bengaluru writing in Indian English
# ---------------------------------------------------------------------------------------------
Z5 = {
    "key": "z5",
    "register": "software engineer (Bengaluru) in Indian English: 'out of station', 'on Sunday only'",
    "question_date": "2030-11-15 22:00",
    "fillers": [("f02", "2030-02-18 21:10"), ("f07", "2030-06-27 22:30"), ("f05", "2030-10-03 20:40")],
    "sessions": [
        {"id": "s01", "date": "2030-01-10 22:00", "turns": [
            (U, "Hello, I am working as senior software engineer in Wipro, Sarjapur campus, and "
                "staying in HSR Layout with my wife Sharmila. My reporting manager is Rémi Fontaine, "
                "he is from Lyon. Our weekly team sync is on Wednesday 10:30 am. Kindly suggest how "
                "to prepare a crisp status update for him."),
            (A, "Keep it to three parts: what you finished since the last sync, what you are doing "
                "next, and what is blocking you (with the help you need). Lead with outcomes, not "
                "activity, keep it to five or six bullet points, and flag risks early."),
        ]},
        {"id": "s02", "date": "2030-01-24 21:30", "turns": [
            (U, "Tomorrow I am going out of station to my native place Udupi for the Republic Day "
                "long weekend. My grandmother is unwell. What can I take for her from Bengaluru, she "
                "is 84?"),
            (A, "Something comforting and practical: a soft shawl, a large-print book or her "
                "favourite sweets (if her doctor allows), a small radio or a tablet loaded with her "
                "old songs and bhajans, and fruit. Mostly, your time with her will matter most."),
        ]},
        {"id": "s03", "date": "2030-02-05 22:15", "turns": [
            (U, "I came back to Bengaluru on Sunday only, I extended my leave because of my "
                "grandmother's health, she is better now. Today I bought a OnePlus 14 for ₹45,999 "
                "from the Koramangala store. How to transfer WhatsApp chats from old phone?"),
            (A, "On the old phone back up the chats (Settings, Chats, Chat backup to Google Drive), "
                "then install WhatsApp on the new phone, sign in with the same number and the same "
                "Google account, and tap Restore when asked."),
        ]},
        {"id": "s04", "date": "2030-03-14 21:00", "turns": [
            (U, "Sharmila bought an iPad Air for her online classes. I ordered a Noise smartwatch "
                "for ₹12,000 but it is not syncing properly, I have requested return. Watched Kantara "
                "3 at PVR Forum with Sharmila on Saturday, houseful. One more thing, I get motion "
                "sickness on ghat roads, so last month's office offsite in Chikmagalur was misery "
                "for me. Any remedy?"),
            (A, "Sit in the front seat, look at the horizon, keep a window open, avoid reading or "
                "your phone, eat light beforehand and try ginger candy. A chemist can suggest an "
                "over-the-counter tablet to take an hour before the journey."),
        ]},
        {"id": "s05", "date": "2030-04-04 22:00", "turns": [
            (U, "Refund for the smartwatch came, ₹12,000 back in my account. Bought a Kindle "
                "Paperwhite for ₹16,999 for reading during the commute. Sharmila went to see a Tamil "
                "film with her sister, I was in office till late. Please suggest some good Indian "
                "authors in English."),
            (A, "Amitav Ghosh (The Hungry Tide), R. K. Narayan (Malgudi Days), Arundhati Roy (The God "
                "of Small Things), Vikram Seth (A Suitable Boy), Perumal Murugan in translation, and "
                "Anuradha Roy (All the Lives We Never Lived)."),
        ]},
        {"id": "s06", "date": "2030-05-16 21:45", "turns": [
            (U, "I am planning to write the AWS Solutions Architect Associate exam next month. What "
                "is the passing score and how many questions are there?"),
            (A, "It is scored from 100 to 1000 and the passing score is 720. There are 65 questions "
                "(some unscored) in 130 minutes, multiple choice and multiple response."),
        ]},
        {"id": "s07", "date": "2030-07-18 22:10", "turns": [
            (U, "Had my first one-on-one with Kavitha Rao today, she will be doing my appraisal this "
                "cycle, very sharp lady. On Sunday I watched Pushpa 3 in the theatre with college "
                "friends, first day first show. How to prepare for an appraisal discussion?"),
            (A, "List your achievements with numbers (features shipped, incidents resolved, time "
                "saved), collect feedback from teammates, be honest about one area to improve, and go "
                "in with clear goals for the next cycle and what support you need."),
        ]},
        {"id": "s08", "date": "2030-08-22 21:20", "turns": [
            (U, "For the Monday 3 pm team sync I have to present the burndown every week, please "
                "suggest a simple format. Also bought boAt earbuds for ₹7,499. Booked tickets for "
                "Jawan 2 on Saturday but the show was cancelled due to power cut, money refunded."),
            (A, "One slide: the burndown chart itself, then three lines under it, planned versus "
                "completed points, scope added this week, and the top risk to the sprint goal with "
                "its owner."),
        ]},
        {"id": "s09", "date": "2030-09-26 22:00", "turns": [
            (U, "Good news, I got promoted to lead engineer! The Kindle (₹16,999) has been my best "
                "purchase this year. Watched Kantara 3 again on OTT at home. On Saturday we went to "
                "INOX to see the new Mani Ratnam film with college friends. How to handle being lead "
                "of my former peers?"),
            (A, "Congratulations! Have a one-on-one with each of them early, be clear about what "
                "changes and what doesn't, keep doing some hands-on work, give credit publicly, and "
                "deal with any problems privately and quickly."),
        ]},
        {"id": "s10", "date": "2030-10-24 21:30", "turns": [
            (U, "How to claim HRA exemption if I pay rent to my father?"),
            (A, "You can claim it if you actually pay him rent: sign a rent agreement, pay by bank "
                "transfer, collect rent receipts, and give his PAN to your employer if the rent is "
                "above ₹1 lakh a year. Your father must show the rent as income in his return."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "How many days was I away at my native place around Republic Day?",
         "answer": "9 days (25 January to 3 February)",
         "evidence": [("s02", "tomorrow i am going out of station"),
                      ("s03", "came back to bengaluru on sunday only")]},
        {"id": "q02", "type": "multi-session",
         "question": "How much money did I spend on gadgets for myself this year?",
         "answer": "₹70,497 (₹45,999 OnePlus 14 + ₹16,999 Kindle Paperwhite + ₹7,499 boAt earbuds)",
         "evidence": [("s03", "₹45,999"), ("s05", "₹16,999"), ("s08", "₹7,499")]},
        {"id": "q03", "type": "multi-session",
         "question": "How many films have I seen in a cinema hall this year?",
         "answer": "3 (Kantara 3 at PVR Forum, Pushpa 3, and the Mani Ratnam film at INOX)",
         "evidence": [("s04", "kantara 3 at pvr"), ("s07", "pushpa 3"), ("s09", "mani ratnam")]},
        {"id": "q04", "type": "knowledge-update",
         "question": "Who am I reporting to at present?",
         "answer": "Kavitha Rao (Rémi Fontaine before)",
         "evidence": [("s01", "rémi fontaine"), ("s07", "kavitha rao")]},
        {"id": "q05", "type": "knowledge-update",
         "question": "On which day and at what time does our weekly team meeting happen?",
         "answer": "Monday at 3 pm (Wednesday 10:30 am before)",
         "evidence": [("s01", "wednesday 10:30"), ("s08", "monday 3 pm")]},
        {"id": "q06", "type": "single-session-user", "abs": True,
         "question": "By what percentage did my salary go up with the promotion?",
         "answer": "Not told: the promotion to lead engineer was mentioned, but no salary hike.",
         "evidence": []},
        {"id": "q07", "type": "single-session-assistant",
         "question": "What score did you say I need to clear the AWS architect exam?",
         "answer": "720 (on a scale of 100 to 1000)",
         "evidence": [("s06", "720")]},
        {"id": "q08", "type": "single-session-preference",
         "question": "Suggest a weekend getaway from Bengaluru for Sharmila and me next month.",
         "answer": "The user would prefer a two-day trip that avoids ghat (winding hill) roads, since "
                   "they get motion sickness on them: so not Coorg, Ooty, Chikmagalur or other hill "
                   "stations by road; e.g. Mysuru or Hampi by train, or a flat-road destination.",
         "evidence": [("s04", "motion sickness on ghat roads")]},
    ],
}

PERSONAS = [Z1, Z2, Z3, Z4, Z5]

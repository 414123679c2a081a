"""dev9: a hand-written blind answer set (au19, 2026-12-05). Content only; build.py builds dev9.json.

Written by hand, blind: the author did not read kgmem's code (the package), its synthetic
generator, other sets' predictions or any held-out set; only dev8's *format* (this layout, the
gold style), eval/devsets/README.md and build.py were read. No person, place or wording of
dev3-dev8 is reused. It lands as this session's blind set: each stream's first run on it is
blind; after that it is a development set like dev3-dev8 (its first figure at main is
eval/results/dev9_blind.md).

Layout (the same as source_dev8.py): PERSONAS is a list of personas; each has a register, a
question date, its own sessions (id, date "YYYY-MM-DD HH:MM", turns as (role, text)), the filler
chats it gets (filler id, date) and its questions. A question's evidence is a list of (session
id, substring): every turn of that session containing the substring (case-insensitive) is an
evidence turn (``has_answer``). ``_abs`` questions have no evidence.

Weighted to what fails elsewhere: a start and an end told in different sessions with relative
time ("on Tuesday" / "back since Sunday", "on Ascension Day", "the day after Memorial Day",
"Tuesday the week before last", "a fortnight ago", "on the Friday before the Victoria Day long
weekend"); plans pushed back but done ("put back twice with the rain, but the gang finally came
on Saturday") next to plans called off; orderings where the plan was made first but happened
second; counts and sums where a partner's or a friend's purchase, a declined offer, a refund, a
gift, a cancelled or backordered order and a thing told twice must not count; knowledge updates
told without change words, also about other people (a wife's school, a friend's shop, a friend's
city, a weekly meeting, the registrar, the vet); preferences where a friend's taste must not be
the reason and a constraint rules out the obvious answer; registers: a surgeon dictating to
speech-to-text ("full stop", "comma"), a Toronto teenager in lower case, a German engineer in
Hamburg ("I become a new handy", "since three weeks"), a terse Welsh hill farmer, a verbose
Ohio model-railroader and stargazer; accented names (Inês, Łukasz, Noé, Anaïs, Jürgen, Siân,
Mêl, Mónica, René, Zoë).
"""

from __future__ import annotations

U, A = "user", "assistant"

# ---------------------------------------------------------------------------------------------
# Filler chats: generic assistant help, no personal facts. Each persona gets three.
# ---------------------------------------------------------------------------------------------
FILLERS: dict[str, list[tuple[str, str]]] = {
    "f01": [
        (U, "In bash, how do I loop over every .csv file in a folder and print its line count?"),
        (A, "`for f in *.csv; do printf '%s %s\\n' \"$f\" \"$(wc -l < \"$f\")\"; done` works in any "
            "folder; quote the variable so names with spaces survive. `wc -l *.csv` alone also "
            "prints one line per file plus a total."),
    ],
    "f02": [
        (U, "How do noise-cancelling headphones actually work?"),
        (A, "Small microphones on the ear cups pick up the sound around you, a chip inverts the wave "
            "and the speaker plays that inverted wave along with your music, so the two cancel. It "
            "works best on steady low sounds (engines, fans) and less well on sudden or high ones, "
            "which the padding has to block instead."),
    ],
    "f03": [
        (U, "whats the difference between an inner join and a left join"),
        (A, "An INNER JOIN keeps only the rows that have a match in both tables. A LEFT JOIN keeps "
            "every row of the left table and fills the right table's columns with NULL where "
            "there is no match. Use a left join when missing matches are information you need."),
    ],
    "f04": [
        (U, "How do I get rust off a cast iron pan?"),
        (A, "Scrub the rust off with steel wool and a little water, rinse and dry the pan at once on "
            "the hob. Then wipe a very thin layer of oil all over it and bake it upside down at "
            "about 230°C for an hour to re-season it. Let it cool in the oven."),
    ],
    "f05": [
        (U, "Write a short poem about the first frost."),
        (A, "The lawn went grey before the light,\nEach blade a needle, stiff and white;\nThe "
            "blackbird tests the silent ground,\nAnd breath hangs where it can't be found."),
    ],
    "f06": [
        (U, "what's a leap second and why do they exist"),
        (A, "Atomic clocks keep perfectly even time, but the Earth's rotation is slightly irregular "
            "and slowly getting longer. A leap second is an extra second occasionally added to UTC "
            "so that clock time stays within 0.9 seconds of the Earth's rotation. Their use is being "
            "phased out by 2035."),
    ],
    "f07": [
        (U, "Python: what's a list comprehension? Show me one."),
        (A, "A compact way to build a list from another sequence: `squares = [n * n for n in "
            "range(10) if n % 2 == 0]` gives the squares of the even numbers below ten. It is the "
            "same as a for loop that appends, written in one expression."),
    ],
    "f08": [
        (U, "Why do onions make you cry?"),
        (A, "Cutting an onion breaks its cells and releases enzymes that turn sulphur compounds into "
            "a volatile gas (syn-propanethial-S-oxide). When it reaches your eyes it irritates them "
            "and your tear glands flush it out. A sharp knife and a cold onion release less of it."),
    ],
}


# ---------------------------------------------------------------------------------------------
# y1: orthopaedic surgeon in Newcastle, dictating to speech-to-text from the car
# ---------------------------------------------------------------------------------------------
Y1 = {
    "key": "y1",
    "register": "orthopaedic surgeon (Newcastle) dictating to speech-to-text: 'full stop', 'comma'",
    "question_date": "2029-10-22 19:30",
    "fillers": [("f01", "2029-01-25 12:40"), ("f04", "2029-06-27 20:10"), ("f07", "2029-08-15 13:05")],
    "sessions": [
        {"id": "s01", "date": "2029-01-08 07:40", "turns": [
            (U, "Dictating from the car full stop. I'm a consultant orthopaedic surgeon at the Freeman "
                "Hospital comma mostly hips and knees comma and the long lists on Tuesdays and "
                "Thursdays leave my lower back wrecked full stop. Can you suggest a five minute "
                "stretch routine for the changing room question mark"),
            (A, "Try this between cases: cat-cow against the wall (ten slow reps), a standing hip-"
                "flexor stretch for thirty seconds each side, a doorway chest stretch for thirty "
                "seconds, hamstring stretches with one heel on a step, and ten slow shoulder blade "
                "squeezes. Shift your weight and use a step under one foot while you operate."),
            (U, "Helpful full stop. My registrar for this rotation is Łukasz Nowak comma very keen "
                "comma good with a saw full stop."),
            (A, "A keen registrar makes a long list go faster. Enjoy the rotation."),
        ]},
        {"id": "s02", "date": "2029-02-02 18:15", "turns": [
            (U, "Note full stop. I fly to Lisbon on Tuesday for the EFORT instructional course comma "
                "my first time teaching on it full stop. My wife Inês teaches chemistry at Heaton "
                "Manor so she can't come in term time comma which she is cross about full stop. "
                "What's the weather like in Lisbon in February question mark"),
            (A, "Mild and changeable: typically 9-15°C, with a fair chance of rain on any given day. "
                "Bring a light waterproof, layers and shoes with grip: the calçada pavements are "
                "very slippery when wet."),
            (U, "Noted full stop. Gareth from the spinal team is off to the congress in Cape Town for "
                "a fortnight at the same time comma lucky man full stop."),
            (A, "Cape Town in February is high summer, so he has the better weather."),
        ]},
        {"id": "s03", "date": "2029-02-16 20:05", "turns": [
            (U, "Back in Newcastle since Sunday full stop. The course went well comma the "
                "delegates asked excellent questions about revision hips full stop. Can you help me "
                "turn my Keynote slides into PowerPoint for the department question mark"),
            (A, "In Keynote choose File, Export To, PowerPoint, and pick the .pptx format. Check the "
                "result afterwards: custom fonts, animations and embedded videos are the parts that "
                "most often need fixing by hand."),
        ]},
        {"id": "s04", "date": "2029-03-14 21:10", "turns": [
            (U, "New paragraph. Picked up a Canyon Endurace road bike from the shop on Saturday comma "
                "two thousand four hundred pounds comma £2,400 full stop. Inês got herself a hybrid "
                "for nine hundred at the same time full stop. I also bought a pair of cycling shoes "
                "for £120 full stop. I want to do the Coast to Coast sportive in September full stop. "
                "Where do I start question mark"),
            (A, "Build up three rides a week: two short ones of an hour and one long ride that grows by "
                "about 10-15% a week. Add hills from the second month, practise eating and drinking "
                "on the bike, and do one ride of about 80% of the sportive distance three weeks "
                "before the day."),
        ]},
        {"id": "s05", "date": "2029-04-11 19:30", "turns": [
            (U, "The cadaveric hip course in Leeds has been postponed again comma now the eighteenth "
                "of May full stop. Irritating full stop. I returned the cycling shoes comma too "
                "narrow comma and the refund of £120 came through today full stop. The shop offered "
                "me a power meter for £180 and I said no full stop."),
            (A, "Sorry about the course. For shoes, look at brands that make wide fits (Lake, Bont, "
                "some Shimano models) and try them on with your own insoles."),
            (U, "Also I've been invited to speak at a meeting in Oslo in November comma I have "
                "declined comma too much on full stop."),
            (A, "Wise to protect your time; you can say yes another year."),
        ]},
        {"id": "s06", "date": "2029-05-02 06:55", "turns": [
            (U, "Had a new wheelset fitted to the Canyon yesterday comma six hundred and forty pounds "
                "comma £640 comma worth it full stop. How should I set my saddle height question mark"),
            (A, "Sit on the bike with the crank at the bottom of the stroke and aim for a knee bend of "
                "25 to 35 degrees there; a quick check is that your heel just touches the pedal with "
                "the leg straight. Move it in small steps of 2-3 mm and ride a week before changing "
                "again."),
        ]},
        {"id": "s07", "date": "2029-05-21 07:20", "turns": [
            (U, "Finally did the cadaver course in Leeds on Friday comma worth the wait after two "
                "postponements full stop. The Edinburgh trauma meeting next month has been called off "
                "comma so June is quieter full stop. Recommend a podcast for the drive question mark"),
            (A, "For the car: 'The Rest Is History' for something light, 'In Our Time' for forty "
                "minutes on one subject, or 'Freakonomics Radio' if you like numbers."),
        ]},
        {"id": "s08", "date": "2029-06-13 22:00", "turns": [
            (U, "Dictating from the passenger seat full stop. Came off the bike on the "
                "Coast Road on Saturday comma fractured my left scaphoid full stop. Irony noted full "
                "stop. Łukasz is covering my clinics full stop. How do I stay fit in a cast question "
                "mark"),
            (A, "Sorry to hear it. Walking, a static bike with the cast arm resting, lower-body "
                "strength work and core exercises that do not load the wrist are all fine; keep "
                "the fingers and elbow moving, and follow your hand surgeon's plan for the cast."),
        ]},
        {"id": "s09", "date": "2029-07-25 18:40", "turns": [
            (U, "Back operating since Monday full stop. Cast off comma grip fine full stop. Priya "
                "Raman assisted on all four knees today comma her first week with me and she has "
                "lovely hands full stop. Suggest grip exercises question mark"),
            (A, "Squeeze a soft therapy ball or putty for five minutes twice a day, add wrist curls with "
                "a light weight, and use rice-bucket exercises (open and close the hand in a bucket of "
                "rice). Stop if the wrist aches afterwards."),
        ]},
        {"id": "s10", "date": "2029-09-05 19:15", "turns": [
            (U, "Inês had her first day as deputy head at Gosforth Academy today comma came home "
                "exhausted and happy full stop. That £2,400 Canyon is back on the road with new bar "
                "tape full stop. Suggest a celebration dinner for a Wednesday question mark"),
            (A, "Something easy but festive: a roast chicken with lemon and thyme, or seared sea bass "
                "with new potatoes and green beans, and a bottle of something cold. Do the washing up "
                "yourself."),
        ]},
        {"id": "s11", "date": "2029-10-03 20:30", "turns": [
            (U, "Łukasz rang from Sunderland comma he passed his FRCS full stop. Delighted for him "
                "full stop. What's a good present for a young surgeon who has just passed question "
                "mark"),
            (A, "A good pair of surgical loupes is expensive but lasting; smaller options are a "
                "classic surgical text, a fountain pen engraved with the date, or a nice dinner."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "How many days was I away in Portugal in February?",
         "answer": "5 days (6 to 11 February)",
         "evidence": [("s02", "fly to lisbon on tuesday"), ("s03", "back in newcastle since sunday")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "How long was it from breaking my wrist to operating again?",
         "answer": "44 days (9 June to 23 July) or about 6 weeks",
         "evidence": [("s08", "fractured my left scaphoid"), ("s09", "back operating since monday")]},
        {"id": "q03", "type": "temporal-reasoning", "abs": True,
         "question": "How many days did I spend at the trauma meeting in Edinburgh?",
         "answer": "None: the Edinburgh trauma meeting was called off, so you did not go.",
         "evidence": []},
        {"id": "q04", "type": "multi-session",
         "question": "How much money have I put into my own bike this year?",
         "answer": "£3,040 (£2,400 for the Canyon + £640 for the wheelset)",
         "evidence": [("s04", "£2,400"), ("s06", "£640")]},
        {"id": "q05", "type": "multi-session",
         "question": "How many courses or congresses have I actually gone to this year?",
         "answer": "2 (the EFORT course in Lisbon and the cadaver course in Leeds)",
         "evidence": [("s02", "efort instructional course"), ("s07", "finally did the cadaver course")]},
        {"id": "q06", "type": "knowledge-update",
         "question": "Which registrar is working with me at the moment?",
         "answer": "Priya Raman (Łukasz Nowak was your registrar before)",
         "evidence": [("s01", "łukasz nowak"), ("s09", "priya raman")]},
        {"id": "q07", "type": "knowledge-update",
         "question": "Which school does my wife work at these days?",
         "answer": "Gosforth Academy (she taught at Heaton Manor before)",
         "evidence": [("s02", "heaton manor"), ("s10", "gosforth academy")]},
        {"id": "q08", "type": "single-session-user",
         "question": "Which bone did I fracture when I came off the bike?",
         "answer": "The left scaphoid or the scaphoid",
         "evidence": [("s08", "fractured my left scaphoid")]},
        {"id": "q09", "type": "single-session-assistant",
         "question": "What knee angle did you tell me to aim for when I set my saddle?",
         "answer": "25 to 35 degrees or 25-35 degrees",
         "evidence": [("s06", "25 to 35 degrees")]},
    ],
}

# ---------------------------------------------------------------------------------------------
# y2: sixteen-year-old gamer in Toronto; lower case, no apostrophes, slang
# ---------------------------------------------------------------------------------------------
Y2 = {
    "key": "y2",
    "register": "teenage gamer (Toronto): lower case, no apostrophes, slang",
    "question_date": "2029-12-14 22:10",
    "fillers": [("f03", "2029-04-15 20:20"), ("f06", "2029-09-12 18:45"), ("f08", "2029-11-20 17:30")],
    "sessions": [
        {"id": "s01", "date": "2029-03-05 21:30", "turns": [
            (U, "ok so i main jett in valorant and im hardstuck gold 2 ngl. how do i get better aim"),
            (A, "Spend 15-20 minutes in the range before you queue: flick drills, then strafing "
                "targets. Keep your crosshair at head height while you move, lower your sensitivity "
                "if you overshoot, and review one lost round per session to see what went wrong."),
            (U, "bet. also i work weekends at the tim hortons on bloor, so i can only grind on "
                "weeknights lol"),
            (A, "Weeknight sessions are enough if they're focused; an hour of deliberate practice "
                "beats four hours of tilted ranked."),
        ]},
        {"id": "s02", "date": "2029-03-20 23:10", "turns": [
            (U, "march break was mid tbh. copped balatro for 20 bucks tho and i cant stop playing "
                "it. whats a good beginner deck"),
            (A, "Start with the Red Deck (an extra discard each round) and build around one hand type, "
                "like pairs or flushes, instead of mixing. Jokers that add flat mult early and "
                "multiply it later carry most first wins."),
        ]},
        {"id": "s03", "date": "2029-04-04 17:45", "turns": [
            (U, "my bro bought baldurs gate 3 n lets me play on his account when hes at work. "
                "also were doing a gaming night fri, what snacks should i get. im lactose intolerant "
                "so nothing cheesy or milky for me"),
            (A, "Go for salted popcorn popped in oil, tortilla chips with salsa and guacamole, "
                "pretzels, fruit gummies and dark chocolate (check the label for milk). Let the others "
                "bring their own cheesy stuff."),
        ]},
        {"id": "s04", "date": "2029-04-24 22:40", "turns": [
            (U, "got grounded on friday, two weeks no pc, typing this on my phone under the covers "
                "lmao. also refunded the new cod before it happened, ran like garbage on my pc, got my "
                "70 bucks back"),
            (A, "Two weeks is survivable. Maybe use the time for the stuff that got you grounded, "
                "and a book or some sleep won't hurt."),
        ]},
        {"id": "s05", "date": "2029-05-02 16:20", "turns": [
            (U, "UNGROUNDED since monday, mom let me off early for good behaviour lmao. whats the "
                "best crosshair settings for jett"),
            (A, "Many players use a small static crosshair: inner lines 1 thick, 4 long, offset 2, "
                "no outlines or a thin black one, in a colour that stands out (cyan or green), and "
                "movement and firing error turned off."),
        ]},
        {"id": "s06", "date": "2029-05-23 20:00", "turns": [
            (U, "PASSED MY G1 on friday right before the victoria day long weekend lets gooo. "
                "noé works at the apple store in the eaton centre now so maybe he can get me a "
                "discount on airpods lol"),
            (A, "Congrats! Enjoy the practice drives. Employee discounts usually only cover the "
                "employee's own purchases, so don't count on it."),
        ]},
        {"id": "s07", "date": "2029-06-27 15:30", "turns": [
            (U, "got stardew for the switch for 15 bucks, whats the best thing to do in year one"),
            (A, "Plant as many parsnips and potatoes as you can in spring, upgrade your watering can "
                "before summer, fish on rainy days, and ship a bit of everything for the community "
                "centre bundles."),
        ]},
        {"id": "s08", "date": "2029-07-10 21:00", "turns": [
            (U, "lan at noés is on the 20th!! how long can an ethernet cable be before it gets bad"),
            (A, "A Cat5e or Cat6 cable works at full speed up to 100 metres, far more than any house "
                "needs. Bring a small switch if more than a couple of people plug in."),
        ]},
        {"id": "s09", "date": "2029-07-24 19:50", "turns": [
            (U, "lan got pushed again smh, noés parents r away. he gifted me terraria on steam tho "
                "so im not even mad. any tips"),
            (A, "In Terraria, build a small house early so NPCs move in, dig straight down for ore, "
                "and craft a grappling hook as soon as you can; fight the Eye of Cthulhu once you have "
                "a decent bow and some armour."),
        ]},
        {"id": "s10", "date": "2029-08-08 23:30", "turns": [
            (U, "first shift at the cineplex yonge-dundas today, free popcorn lmao. my feet hurt tho "
                "how do ppl stand for 8 hours"),
            (A, "Good cushioned shoes, compression socks if it's long, shift your weight and stretch "
                "your calves on breaks. It gets easier after the first week."),
        ]},
        {"id": "s11", "date": "2029-08-20 14:10", "turns": [
            (U, "finally did the lan on saturday after it got pushed back twice, we stayed up till 5. "
                "how do i fix my sleep before school"),
            (A, "Move your bedtime back by 30-60 minutes a night, get daylight early in the morning, "
                "no screens in bed, and don't sleep in more than an hour past your school alarm."),
        ]},
        {"id": "s12", "date": "2029-10-10 22:15", "turns": [
            (U, "copped hades 2 on launch for 38 bucks, still playing balatro too tho, best 20 bucks i "
                "ever spent. noé's been stacking shelves at loblaws, says its way chiller than the "
                "apple store. which hades 2 weapon first"),
            (A, "The Witch's Staff is the easiest start: long-range attacks and a simple special. "
                "Try the Sister Blades once you know the dodges."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "how many days was i stuck without my pc in april",
         "answer": "10 days (20 April to 30 April)",
         "evidence": [("s04", "got grounded on friday"), ("s05", "ungrounded since monday")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "how many weeks ago did i pass my written test for driving",
         "answer": "30 weeks (210 days; on 18 May) or about 7 months",
         "evidence": [("s06", "passed my g1")]},
        {"id": "q03", "type": "temporal-reasoning",
         "question": "what came first, the lan at noés place or my first day at the movie theatre",
         "answer": "The first shift at the Cineplex or the first day at the movie theatre (8 August; "
                   "the LAN, pushed back twice, was on 18 August)",
         "evidence": [("s10", "first shift at the cineplex"), ("s11", "finally did the lan")]},
        {"id": "q04", "type": "multi-session",
         "question": "how many games have i paid for myself this year",
         "answer": "3 (Balatro, Stardew Valley and Hades 2)",
         "evidence": [("s02", "copped balatro"), ("s07", "got stardew"), ("s12", "copped hades 2")]},
        {"id": "q05", "type": "multi-session",
         "question": "how much have i spent on games this year",
         "answer": "$73 ($20 for Balatro + $15 for Stardew Valley + $38 for Hades 2)",
         "evidence": [("s02", "20 bucks"), ("s07", "15 bucks"), ("s12", "38 bucks")]},
        {"id": "q06", "type": "knowledge-update", "question": "where am i working rn",
         "answer": "The Cineplex or Cineplex Yonge-Dundas (you worked weekends at Tim Hortons before)",
         "evidence": [("s01", "tim hortons"), ("s10", "first shift at the cineplex")]},
        {"id": "q07", "type": "knowledge-update", "question": "wheres noé got a job these days",
         "answer": "Loblaws (stacking shelves; he was at the Apple Store before)",
         "evidence": [("s06", "apple store"), ("s12", "stacking shelves at loblaws")]},
        {"id": "q08", "type": "single-session-preference",
         "question": "me n the boys r getting food after the tourney tmrw, im craving pizza, what "
                     "should i order",
         "answer": "The user is lactose intolerant, so the answer should suggest a pizza without "
                   "regular cheese: a dairy-free or vegan-cheese pizza, a cheese-free pizza (for "
                   "example a marinara with toppings), or lactose-free options; not a regular "
                   "cheese-loaded pizza.",
         "evidence": [("s03", "im lactose intolerant")]},
        {"id": "q09", "type": "single-session-user", "abs": True,
         "question": "how much did i pay for baldurs gate 3",
         "answer": "You didn't buy it: your brother bought Baldur's Gate 3 and lets you play on his "
                   "account; no price was mentioned.",
         "evidence": []},
    ],
}

# ---------------------------------------------------------------------------------------------
# y3: German aerospace engineer in Hamburg; non-native English ("I become a new handy",
# "since three years", "the meeting is shifted", "Elphi")
# ---------------------------------------------------------------------------------------------
Y3 = {
    "key": "y3",
    "register": "German engineer (Hamburg): non-native English, false friends",
    "question_date": "2029-11-30 21:00",
    "fillers": [("f02", "2029-02-27 12:15"), ("f05", "2029-07-18 22:40"), ("f07", "2029-10-24 09:30")],
    "sessions": [
        {"id": "s01", "date": "2029-01-17 18:30", "turns": [
            (U, "Hello! I work since three years as stress engineer at Airbus in Finkenwerder. Our jour "
                "fixe with the team is every Tuesday at 9 o'clock and it takes always two hours. How "
                "can I make a meeting shorter without to be rude?"),
            (A, "Send a short agenda the day before with a time for each point, start on time even if "
                "people are missing, move status updates to a shared document, and end with a list "
                "of who does what. Proposing a 45-minute slot often shortens it by itself."),
            (U, "Good ideas. My best friend Anaïs, she lives in Lyon, says in France the meetings are "
                "even longer, haha."),
            (A, "Long meetings seem to be a universal complaint, whatever the country."),
        ]},
        {"id": "s02", "date": "2029-02-14 20:45", "turns": [
            (U, "On Saturday I was in the Elbphilharmonie for Mahler's second symphony and I have "
                "still goose skin. Why is the last movement so overwhelming?"),
            (A, "The finale of the 'Resurrection' Symphony builds for more than half an hour: offstage "
                "brass, a choir that enters almost in a whisper, then organ and full orchestra at the "
                "end. Mahler withholds the full force until the last minutes, so it lands hard."),
        ]},
        {"id": "s03", "date": "2029-03-07 19:10", "turns": [
            (U, "I want to bake Franzbrötchen like from the bakery. Can you give me a recipe?"),
            (A, "Make a yeast dough with 500 g flour, 250 ml warm milk, 60 g sugar, 1 egg, 20 g fresh "
                "yeast and a pinch of salt; let it rise for an hour. Roll it out, brush with 100 g "
                "soft butter, sprinkle 100 g sugar with 2 tablespoons of cinnamon, roll up, cut "
                "slices and press each in the middle with a wooden spoon handle. Rise 20 minutes, "
                "then bake at 200°C for 15 to 18 minutes."),
            (U, "Thank you! My husband Malte was yesterday with his colleagues in the Elphi for a jazz "
                "evening, I stayed home with Lotte. He says it was okay only."),
            (A, "At least the Franzbrötchen will be better than okay."),
        ]},
        {"id": "s04", "date": "2029-04-04 21:20", "turns": [
            (U, "I became a new handy! A Pixel 12 for 799 euro, because the old one fell in the "
                "Alster from the jetty. How do I bring my WhatsApp chats to the new one?"),
            (A, "If the old phone is gone, restore from the Google Drive backup: install WhatsApp on "
                "the new phone, verify the same number and tap Restore when it offers the backup. "
                "Only chats up to the last backup come back."),
            (U, "Also sad: the concert of the NDR orchestra on Friday is cancelled because the "
                "conductor is ill. We had already tickets."),
            (A, "That's a shame; usually you get a refund or a voucher for cancelled concerts."),
        ]},
        {"id": "s05", "date": "2029-04-25 17:50", "turns": [
            (U, "Sunday I ran the Hamburg half marathon in 1:58! Malte ran the full marathon, he is "
                "crazy. My legs are like wood. What helps?"),
            (A, "Congratulations! Easy walking or cycling, plenty of sleep, protein and carbohydrates, "
                "and gentle stretching; skip hard runs for about a week. A warm bath helps many people."),
        ]},
        {"id": "s06", "date": "2029-05-08 22:05", "turns": [
            (U, "On Ascension Day we drive to my parents in Regensburg, Lotte is so excited for her "
                "Oma. What can a four years old do in the car for seven hours?"),
            (A, "Plan a stop every two hours with a playground if you can, audiobooks and songs, "
                "stickers and a magnetic drawing board, 'I spy', and a small new toy to unwrap "
                "halfway. Snacks in small portions help more than one big meal."),
        ]},
        {"id": "s07", "date": "2029-05-16 20:30", "turns": [
            (U, "Since Sunday we are again in Hamburg. My mother cooked too much as always and Lotte "
                "was allowed everything. What can I cook light this week?"),
            (A, "A big vegetable soup, a lentil salad with roasted vegetables, fish with potatoes and "
                "cucumber salad, or a stir-fry with lots of greens."),
        ]},
        {"id": "s08", "date": "2029-06-20 19:40", "turns": [
            (U, "Yesterday again Elbphilharmonie, a piano recital of Igor Levit, wonderful. And "
                "Anaïs sends me every morning photos from her balcony in Marseille, the sea is "
                "directly there, I am jealous. Is Marseille nice for a weekend?"),
            (A, "Very: the Vieux-Port, the Panier quarter, Notre-Dame de la Garde for the view, the "
                "Mucem, and a boat to the Frioul islands or a walk in the Calanques."),
        ]},
        {"id": "s09", "date": "2029-09-12 18:15", "turns": [
            (U, "The Alsterlauf on Sunday was called off because of the storm warning. So sad, I "
                "trained so much for it. And tomorrow in our weekly jour fixe, Thursday 14:00 with the "
                "Toulouse colleagues in the call, I must present the wing results. How do I present "
                "to people who are more senior?"),
            (A, "Lead with the conclusion and what you need from them, keep the details in backup "
                "slides, rehearse the first two minutes, and answer questions briefly; it is fine to "
                "say you will check and come back."),
        ]},
        {"id": "s10", "date": "2029-10-10 21:00", "turns": [
            (U, "The Brahms concert which was shifted two times finally took place on Friday, and "
                "Malte and I were there, the Deutsches Requiem. But the Mahler in February was still "
                "the best of the year. Also on the holiday last week, the 3rd October, I ran the 10 "
                "km in the Stadtpark in 54 minutes. How do I get under 50?"),
            (A, "Add one interval session a week (for example 5 x 1 km at goal pace with 2 minutes "
                "easy between), one tempo run of 20-25 minutes, and keep the rest easy. Six to eight "
                "weeks of that often takes several minutes off a 10 km."),
        ]},
        {"id": "s11", "date": "2029-11-07 20:20", "turns": [
            (U, "Anaïs comes next weekend and she brings me always thrillers, she loves them, but "
                "honestly I like only long family novels, like Buddenbrooks, where you follow the "
                "same family through the generations. We have tickets for the Christmas Oratorio on "
                "15 December and I registered for the Christmas run. Which wine goes with Labskaus?"),
            (A, "Labskaus is salty and hearty: a cold beer is traditional, or a dry Riesling or a "
                "light, fruity red like a Pinot Noir."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "How long did we stay in Bavaria in May?",
         "answer": "3 days (10 to 13 May)",
         "evidence": [("s06", "on ascension day we drive to my parents"),
                      ("s07", "since sunday we are again in hamburg")]},
        {"id": "q02", "type": "multi-session",
         "question": "How often did I go to a concert in the Elphi this year?",
         "answer": "3 (Mahler's second symphony in February, Igor Levit's piano recital in June and "
                   "the Brahms Requiem in October)",
         "evidence": [("s02", "elbphilharmonie for mahler"), ("s08", "piano recital of igor levit"),
                      ("s10", "brahms concert")]},
        {"id": "q03", "type": "multi-session",
         "question": "In how many running races did I start this year?",
         "answer": "2 (the Hamburg half marathon in April and the 10 km in the Stadtpark on 3 October)",
         "evidence": [("s05", "hamburg half marathon"), ("s10", "10 km in the stadtpark")]},
        {"id": "q04", "type": "knowledge-update",
         "question": "When does my weekly team meeting take place at present?",
         "answer": "Thursdays at 14:00 or Thursday at 2 pm (it was Tuesdays at 9 before)",
         "evidence": [("s01", "every tuesday at 9"), ("s09", "thursday 14:00")]},
        {"id": "q05", "type": "knowledge-update",
         "question": "Where does Anaïs live at the moment?",
         "answer": "Marseille (she lived in Lyon before)",
         "evidence": [("s01", "she lives in lyon"), ("s08", "balcony in marseille")]},
        {"id": "q06", "type": "single-session-user",
         "question": "What did my new phone cost?",
         "answer": "799 euros or 799 euro or €799 (a Pixel 12)",
         "evidence": [("s04", "799 euro")]},
        {"id": "q07", "type": "single-session-assistant",
         "question": "At what temperature did you say to bake the Franzbrötchen?",
         "answer": "200°C or 200 degrees",
         "evidence": [("s03", "bake at 200°c")]},
        {"id": "q08", "type": "single-session-preference",
         "question": "Can you recommend me a book for the Christmas holidays?",
         "answer": "The user likes long family novels that follow one family through the generations "
                   "(like Buddenbrooks), so the answer should suggest a multi-generational family "
                   "saga (for example The Forsyte Saga, East of Eden or Pachinko), not a thriller: "
                   "thrillers are her friend Anaïs's taste, not hers.",
         "evidence": [("s11", "i like only long family novels")]},
    ],
}

# ---------------------------------------------------------------------------------------------
# y4: hill farmer in Powys, Wales; terse
# ---------------------------------------------------------------------------------------------
Y4 = {
    "key": "y4",
    "register": "hill farmer (Powys): terse, few verbs",
    "question_date": "2029-09-28 21:00",
    "fillers": [("f04", "2029-02-28 21:30"), ("f06", "2029-05-25 22:10"), ("f08", "2029-08-08 20:50")],
    "sessions": [
        {"id": "s01", "date": "2029-01-10 20:15", "turns": [
            (U, "Hill farm above Builth. 600 Welsh Mountain ewes. Scanned Monday, 148%. Feeding the "
                "twin ewes. Advice."),
            (A, "Group the twin-bearing ewes and feed them to body condition: good forage analysed if "
                "you can, then build concentrate up gradually over the last six weeks, to about "
                "0.5 kg a head a day by lambing, with minerals and plenty of trough space."),
            (U, "Vet's Dafydd Hughes, Builth practice. He says same."),
            (A, "Then you're in good hands."),
        ]},
        {"id": "s02", "date": "2029-02-14 21:40", "turns": [
            (U, "Pup's coming on. Mêl. Good eye. When to start her on sheep?"),
            (A, "Most collie pups start on a few quiet sheep in a small pen at six to nine months, "
                "in short sessions, once they come back on a recall. Stop while she's still keen."),
            (U, "Right. Siân's sister flies to Tenerife every winter. Can keep it. Never flown, "
                "never will."),
            (A, "Plenty of the world is reachable by road, rail and ferry."),
        ]},
        {"id": "s03", "date": "2029-03-22 05:10", "turns": [
            (U, "Lambing started Tuesday. 3am checks. Best flask that keeps tea hot till morning?"),
            (A, "A steel vacuum flask from a known maker (Thermos, Stanley) keeps tea hot for 12 "
                "hours or more; fill it with boiling water for a few minutes first to heat it."),
        ]},
        {"id": "s04", "date": "2029-04-18 21:00", "turns": [
            (U, "Last ewe lambed Sunday. Done. Slept 11 hours. Tailing next. Rubber rings fine?"),
            (A, "Rings are fine in the first week of life; leave enough tail to cover the vulva in "
                "ewe lambs, and keep the tools and the pen clean."),
        ]},
        {"id": "s05", "date": "2029-05-16 20:40", "turns": [
            (U, "Bought a quad. Honda. £9,800. Energiser for the electric fence too, £320. Best tyre "
                "pressure for the hill?"),
            (A, "ATV tyres run at very low pressures: usually 3-5 psi, as in the handbook; lower for "
                "grip on soft ground, never below the minimum. Check them weekly with a low-pressure "
                "gauge."),
        ]},
        {"id": "s06", "date": "2029-06-13 21:30", "turns": [
            (U, "Sold the old quad a fortnight ago. £1,100, lad from Rhayader. Energiser was faulty, "
                "sent it back, money back. Dealer wanted £4,000 for a topper. Told him no."),
            (A, "Sounds like a sensible few weeks of deals."),
            (U, "Gwyn next door bought a new John Deere. £80k. Mad. Shearing gang booked Saturday "
                "the 23rd. Weather?"),
            (A, "I can't see forecasts, but the Met Office's five-day forecast for mid Wales will "
                "show it; shearing needs dry fleeces, so watch the day before as well."),
        ]},
        {"id": "s07", "date": "2029-06-27 20:10", "turns": [
            (U, "Rain. Shearing put back again. Hay contractor cancelled too. Won't come at all this "
                "year. Doing it ourselves. Wet hay, how long to dry?"),
            (A, "In good drying weather, three to five days from cutting with tedding once or twice a "
                "day; bale at about 15-18% moisture or it will heat in the shed."),
        ]},
        {"id": "s08", "date": "2029-07-04 21:15", "turns": [
            (U, "Silage cut and baled Monday. 212 bales. Bought a second-hand bale trailer, £2,300. "
                "Stack bales how high?"),
            (A, "Round silage bales are safest stacked no more than two or three high on flat ground, "
                "on their flat ends if wrapped well, away from trees and birds; check the wrap for "
                "holes."),
        ]},
        {"id": "s09", "date": "2029-07-11 20:30", "turns": [
            (U, "Shearing finally done Saturday. Put back twice with the rain. Royal Welsh Monday "
                "week, taking two shearling tups. Washing them, what's best?"),
            (A, "Wash a few days before with a mild sheep shampoo and warm water, rinse well, dry "
                "them under cover, and card the fleece once dry; keep them on clean straw after."),
        ]},
        {"id": "s10", "date": "2029-07-31 21:45", "turns": [
            (U, "Back from Llanelwedd. Shearling second in his class. Gwyn got a first. Won't hear "
                "the end of it. Lame ewe yesterday, Elin Prys came out. Does all our visits, "
                "Dafydd's gone to New Zealand. Foot rot, footbath strength?"),
            (A, "For zinc sulphate, a 10% solution is usual, standing the sheep for a few minutes; "
                "follow the product label and your vet, and treat lame sheep individually too."),
        ]},
        {"id": "s11", "date": "2029-08-22 21:05", "turns": [
            (U, "Talgarth show Saturday. First with the tup. That Honda's worth every penny of the "
                "9,800. Sennybridge show put back a week, flooding on the field. Tup fertility check, "
                "when?"),
            (A, "Have the tups checked six to eight weeks before they go in with the ewes: feet, "
                "teeth, testicles and body condition, since sperm takes about seven weeks to "
                "produce."),
        ]},
        {"id": "s12", "date": "2029-09-05 20:55", "turns": [
            (U, "Sennybridge Saturday in the end. Third. Wet. Siân wants away in October. Four days, "
                "farm can't spare me longer. Think about it."),
            (A, "Four days is a good break. Let me know what you both like and I can suggest places."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "How many days did lambing take this spring?",
         "answer": "26 days (20 March to 15 April)",
         "evidence": [("s03", "lambing started tuesday"), ("s04", "last ewe lambed sunday")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "How many weeks ago did I get rid of the old quad?",
         "answer": "17 weeks (121 days; sold on 30 May) or about 4 months",
         "evidence": [("s06", "sold the old quad a fortnight ago")]},
        {"id": "q03", "type": "temporal-reasoning",
         "question": "Which did we get done first this summer, the silage or the shearing?",
         "answer": "The silage (cut and baled on 2 July; the shearing, put back twice, was done on "
                   "7 July)",
         "evidence": [("s08", "silage cut and baled monday"), ("s09", "shearing finally done saturday")]},
        {"id": "q04", "type": "multi-session",
         "question": "How much have I laid out on machinery this year?",
         "answer": "£12,100 (£9,800 for the Honda quad + £2,300 for the bale trailer)",
         "evidence": [("s05", "£9,800"), ("s08", "£2,300")]},
        {"id": "q05", "type": "multi-session",
         "question": "How many shows did I take my tups to this year?",
         "answer": "3 (the Royal Welsh, Talgarth and Sennybridge)",
         "evidence": [("s10", "back from llanelwedd"), ("s11", "talgarth show saturday"),
                      ("s12", "sennybridge saturday in the end")]},
        {"id": "q06", "type": "knowledge-update",
         "question": "Which vet sees to my stock these days?",
         "answer": "Elin Prys (Dafydd Hughes before)",
         "evidence": [("s01", "dafydd hughes"), ("s10", "elin prys")]},
        {"id": "q07", "type": "single-session-user", "abs": True,
         "question": "What did the hay contractor charge me this year?",
         "answer": "Nothing was said about a charge: the hay contractor cancelled and did not come "
                   "this year; you made the hay yourselves.",
         "evidence": []},
        {"id": "q08", "type": "single-session-preference",
         "question": "Siân and I want a few days away next month. Where should we go?",
         "answer": "The user has never flown and will not fly, and the farm can spare him about four "
                   "days, so the answer should suggest a short break reachable by car, train or "
                   "ferry (for example the Pembrokeshire coast, the Lake District, Cornwall or "
                   "Ireland by ferry), not a destination that needs a flight like Tenerife.",
         "evidence": [("s02", "never flown, never will"), ("s12", "four days")]},
    ],
}

# ---------------------------------------------------------------------------------------------
# y5: retired physics teacher in Dayton, Ohio; model railroader and stargazer; long, chatty
# ---------------------------------------------------------------------------------------------
Y5 = {
    "key": "y5",
    "register": "retired physics teacher (Dayton, Ohio): verbose hobbyist, long messages",
    "question_date": "2029-12-03 20:00",
    "fillers": [("f01", "2029-03-10 15:20"), ("f08", "2029-06-20 18:35"), ("f05", "2029-10-30 16:45")],
    "sessions": [
        {"id": "s01", "date": "2029-01-15 14:30", "turns": [
            (U, "Well, now that I've retired from thirty-one years of teaching high school physics, "
                "the basement layout is finally getting the attention it deserves. It's HO scale, "
                "the Miami Valley & Western, about 14 by 22 feet, and on Saturday I picked up a "
                "Bachmann 2-8-0 Consolidation at the Dayton train show swap meet for $140, which I "
                "thought was a steal even if the paint is a little tired. My question is about DCC: "
                "should I wire the whole layout for it now, or block by block?"),
            (A, "Wire it now with a proper bus: a pair of heavy wires (12-14 AWG) under the layout "
                "with feeders to every piece of rail, and split it into power districts with circuit "
                "breakers so one short does not stop everything. Converting block by block later is "
                "more work than doing it once."),
        ]},
        {"id": "s02", "date": "2029-02-21 19:05", "turns": [
            (U, "My neighbor Zoë's son, who is twenty-two and has more money than sense, bought a "
                "Rivarossi Big Boy last week and I'll admit I'm green with envy. Meanwhile the Kato "
                "E8 I pre-ordered in January has been delayed to the spring. Anyway, how do you "
                "weather a boxcar so it looks like it's been in service for twenty years?"),
            (A, "Start with a thin wash of grimy black or brown acrylic, let it run down the sides and "
                "wipe most of it off, then dry-brush rust on the ladders and door tracks and finish "
                "with weathering powders, sealed with a matte varnish. Less is more: look at "
                "photographs of real cars."),
        ]},
        {"id": "s03", "date": "2029-03-28 20:40", "turns": [
            (U, "Two bits of news from the hobby front. I ordered a Broadway Limited GG1, and they "
                "emailed to say it's backordered until 2030, so I cancelled. And a fellow at the club, "
                "René, offered me his Genesis Challenger for $300, but I passed, it's far too big for "
                "my curves. What's the minimum radius for a big articulated engine in HO, anyway?"),
            (A, "Manufacturers usually say 22 or 24 inches for big articulateds, but they look and run "
                "far better on 30 inches or more. Long-wheelbase cars also need easements into the "
                "curves."),
        ]},
        {"id": "s04", "date": "2029-04-25 16:15", "turns": [
            (U, "The Athearn SD40-2 arrived this morning! $189, and Mónica rolled her eyes so hard I "
                "heard it. She's been very patient with me. How do you break in a new diesel?"),
            (A, "Run it light for about 15-20 minutes in each direction at moderate speed, then check "
                "the wheels and gears for stray grease. Only then tune its decoder and couple it to a "
                "train."),
        ]},
        {"id": "s05", "date": "2029-05-23 21:10", "turns": [
            (U, "Big trip coming up: Mónica and I leave for the dark-sky week at Cherry Springs, "
                "Pennsylvania the day after Memorial Day, and I'm as excited as a kid. The Kato E8 "
                "has been delayed a second time, by the way. What should I pack for a week of "
                "observing in the woods?"),
            (A, "Warm layers even in June (nights can drop near 45°F), a red flashlight, a reclining "
                "chair, a star atlas or a planisphere, insect repellent, a dew heater or shield, "
                "spare batteries, and coffee. Arrive before dark to set up."),
        ]},
        {"id": "s06", "date": "2029-06-06 17:25", "turns": [
            (U, "We got home from Pennsylvania on Sunday, and I'm still giddy: the Milky Way cast a "
                "shadow, I swear it. Meanwhile my friend René is off to the Grand Canyon Star Party "
                "for eight days later this month, lucky dog. How do you photograph the Milky Way with "
                "just a camera and a tripod?"),
            (A, "Use the widest lens you have at its widest aperture, manual focus on a bright star, "
                "ISO 3200-6400, and an exposure of about 15-20 seconds (the '500 rule': 500 divided "
                "by the focal length) so the stars don't trail. Shoot in RAW."),
        ]},
        {"id": "s07", "date": "2029-07-11 18:50", "turns": [
            (U, "Hallelujah: the Kato E8 I pre-ordered in January, delayed twice, finally showed up on "
                "Friday! $265 and worth every penny. And Mónica, bless her, gave me an Atlas RS-3 for "
                "our anniversary. What's the prototype history of the E8?"),
            (A, "EMD built the E8 from 1949 to 1954 as a passenger diesel: 2,250 horsepower from two "
                "engines, on A1A trucks. Railroads like the Pennsylvania, Union Pacific and New York "
                "Central ran them on their named trains until Amtrak's early years."),
        ]},
        {"id": "s08", "date": "2029-08-22 19:30", "turns": [
            (U, "The astronomy side of the house has news too: my new ten-inch Dobsonian arrived "
                "Tuesday the week before last, and true to form, it's been Ohio clouds every single "
                "night since. How do I collimate it while I wait?"),
            (A, "Use a collimation cap or a laser: first centre the secondary under the focuser and "
                "tilt it until the primary's centre mark is centred, then adjust the primary's "
                "screws until the reflections line up. Check it each session; it takes two minutes "
                "once you know it."),
        ]},
        {"id": "s09", "date": "2029-09-05 22:05", "turns": [
            (U, "First light at last, on Labor Day! Saturn's rings through the ten-inch made me laugh "
                "out loud. It only came with a 25 mm eyepiece. What should I add?"),
            (A, "Keep the 25 mm for wide views of clusters and galaxies, and add a 9 mm for the planets "
                "and the Moon (about 133x on a typical 1200 mm ten-inch); later a 6 mm for steady "
                "nights and a wide 32 mm for the biggest objects."),
        ]},
        {"id": "s10", "date": "2029-10-17 15:40", "turns": [
            (U, "A quiet month. That little Consolidation from the swap meet runs like a Swiss watch "
                "now that I've cleaned its wheels. I returned the Walthers caboose, wrong road name. "
                "What's the best way to clean track?"),
            (A, "A soft abrasive block for the worst spots, then a cloth with isopropyl alcohol, and "
                "run a track-cleaning car once a month; metal wheels on your rolling stock keep it "
                "clean for longer."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "How many days were we away at the dark-sky park?",
         "answer": "5 days (29 May to 3 June)",
         "evidence": [("s05", "the day after memorial day"), ("s06", "got home from pennsylvania on sunday")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "How many days did I wait between my telescope arriving and first light?",
         "answer": "27 days (7 August to 3 September) or about 4 weeks",
         "evidence": [("s08", "arrived tuesday the week before last"), ("s09", "first light at last")]},
        {"id": "q03", "type": "temporal-reasoning", "abs": True,
         "question": "How many days was I at the Grand Canyon Star Party?",
         "answer": "You weren't there: your friend René went to the Grand Canyon Star Party (for eight "
                   "days); your own trip was to Cherry Springs, Pennsylvania.",
         "evidence": []},
        {"id": "q04", "type": "multi-session",
         "question": "How many locomotives have I bought for the layout this year?",
         "answer": "3 (the Bachmann Consolidation, the Athearn SD40-2 and the Kato E8)",
         "evidence": [("s01", "bachmann 2-8-0 consolidation"), ("s04", "athearn sd40-2 arrived"),
                      ("s07", "finally showed up")]},
        {"id": "q05", "type": "multi-session",
         "question": "What have I spent on locomotives this year?",
         "answer": "$594 ($140 + $189 + $265)",
         "evidence": [("s01", "$140"), ("s04", "$189"), ("s07", "$265")]},
        {"id": "q06", "type": "single-session-assistant",
         "question": "Which eyepiece did you say I should use for the planets?",
         "answer": "A 9 mm eyepiece or 9 mm",
         "evidence": [("s09", "add a 9 mm")]},
        {"id": "q07", "type": "single-session-user", "abs": True,
         "question": "How much did Zoë's son pay for his Big Boy?",
         "answer": "You never said what Zoë's son paid for the Rivarossi Big Boy.",
         "evidence": []},
    ],
}

PERSONAS = [Y1, Y2, Y3, Y4, Y5]

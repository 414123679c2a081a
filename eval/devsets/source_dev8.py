"""dev8: a hand-written DEVELOPMENT answer set (au17, 2026-12-05). Content only; build.py builds dev8.json.

Written by hand, blind: the author did not read kgmem's answering, retrieval, extraction,
temporal or resource code, its synthetic generator, other sets' predictions or any held-out set;
only dev7's *format* (this layout, the gold style) and the offline scorer's matching rules were
read. No person, place or wording of dev3-dev7 is reused. Open to everyone: develop against it
and report it as a set the code was developed against (its first, blind figure is
eval/results/dev8_blind.md).

Layout (the same as source_dev7.py): PERSONAS is a list of personas; each has a register, a
question date, its own sessions (id, date "YYYY-MM-DD HH:MM", turns as (role, text)), the filler
chats it gets (filler id, date) and its questions. A question's evidence is a list of (session
id, substring): every turn of that session containing the substring (case-insensitive) is an
evidence turn (``has_answer``). ``_abs`` questions have no evidence.

Weighted to what fails on never-tuned sets: trips told ahead ("we leave for Japan on Saturday")
and ended later in other words ("we came home from Kyoto on Sunday"), asked by the country while
the lines name a city or a port, next to a near miss of the same kind (a sister's nine days in
Vietnam, a friend's ten days in Bali, a flatmate's three days in the SAME country, a sister's
fortnight in Lanzarote); questions that share no content word with their evidence ("which
institution pays my salary" / "collected my staff pass at the State Library Victoria", "tattoo" /
"got inked", "my grandson arrive" / "Aoife had the baby", "Swedish course" / "SFI certificate",
"sprained ankle" / "rolled my ankle", "submit my book" / "the typescript went off"); measures
(a pagoda's height, a dog's weight, a plant's height, a burger's core temperature, an oven
temperature, a golf handicap); accented names (Tō-ji, Renée, Úna, Begoña, Göteborg, Åsa,
Siobhán); counts and sums with a friend's share, a plan not carried out, something declined,
refunded or returned and the same thing told twice; values that change, told the second time
without a change word.
"""

from __future__ import annotations

U, A = "user", "assistant"

# ---------------------------------------------------------------------------------------------
# Filler chats: generic assistant help, no personal facts. Each persona gets three.
# ---------------------------------------------------------------------------------------------
FILLERS: dict[str, list[tuple[str, str]]] = {
    "f01": [
        (U, "What's a regular expression that checks an email address roughly? Doesn't need to be perfect."),
        (A, "A pragmatic one is `^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$`: something without spaces or @, an "
            "@, then a domain with at least one dot. Fully RFC-correct validation is famously "
            "messy; the reliable check is to send a confirmation email."),
    ],
    "f02": [
        (U, "How do you tie a bowline knot?"),
        (A, "Make a small loop in the standing part, with the working end on top. Pass the end up "
            "through the loop (the rabbit comes out of the hole), round behind the standing part "
            "(round the tree) and back down through the small loop (back into the hole). Hold the "
            "end and the loop side and pull the standing part to tighten."),
    ],
    "f03": [
        (U, "why is the sky blue but sunsets are orange"),
        (A, "Air molecules scatter short wavelengths (blue) much more than long ones (red): that is "
            "Rayleigh scattering, so blue light reaches your eyes from every part of the sky. At "
            "sunset the light crosses far more air, most of the blue is scattered away before it "
            "reaches you, and the reds and oranges are what is left."),
    ],
    "f04": [
        (U, "git: I committed to the wrong branch, how do I undo the last commit but keep my changes?"),
        (A, "Run `git reset --soft HEAD~1`: the commit disappears and its changes stay staged. Then "
            "`git switch correct-branch` and commit there. If you already pushed, prefer "
            "`git revert` on the shared branch instead of rewriting it."),
    ],
    "f05": [
        (U, "How many grams is a cup of plain flour?"),
        (A, "About 120-125 grams for a US cup of plain (all-purpose) flour spooned into the cup and "
            "levelled; scooped straight from the bag it can be 140 g or more. A metric cup (250 ml) "
            "is roughly 125-130 g. Weighing is more reliable than cups for baking."),
    ],
    "f06": [
        (U, "write a limerick about a cat who hates mondays"),
        (A, "A tabby who lived in a flat\nFound Mondays too dreadful for that;\nShe'd yawn at the "
            "dawn,\nHide under the lawn,\nAnd reappear Tuesday, quite fat."),
    ],
    "f07": [
        (U, "Can you explain compound interest with a simple example?"),
        (A, "Put 1,000 in an account paying 5% a year. After one year you have 1,050. In the second "
            "year you earn 5% on 1,050, not on 1,000, so you end with 1,102.50. The interest earns "
            "interest; after ten years you would have about 1,629 instead of the 1,500 simple "
            "interest would give."),
    ],
    "f08": [
        (U, "What's the difference between a virus and a bacterium?"),
        (A, "Bacteria are single living cells: they have their own metabolism and can reproduce on "
            "their own, and many are harmless or useful. Viruses are much smaller packages of "
            "genetic material in a protein coat that can only copy themselves inside a host's "
            "cells. Antibiotics work on bacteria, not on viruses."),
    ],
}


# ---------------------------------------------------------------------------------------------
# w1: architectural historian in Melbourne; formal, courteous, complete sentences
# ---------------------------------------------------------------------------------------------
W1 = {
    "key": "w1",
    "register": "formal architectural historian (Melbourne)",
    "question_date": "2028-10-16 10:15",
    "fillers": [("f01", "2028-02-02 13:20"), ("f05", "2028-06-05 17:45"), ("f08", "2028-08-26 11:05")],
    "sessions": [
        {"id": "s01", "date": "2028-01-21 19:10", "turns": [
            (U, "Good evening. I lecture in architectural history at Monash University, and I am "
                "preparing a first-year seminar on the Federation style. Could you summarise its "
                "principal features?"),
            (A, "Federation architecture (roughly 1890-1915) is marked by red brick, terracotta "
                "roof tiles and ridge cresting, asymmetrical façades with projecting gables, timber "
                "fretwork on verandahs, leadlight windows and motifs celebrating Australian flora "
                "and fauna. The Queen Anne variant is the most common in suburban Melbourne."),
            (U, "Splendid. On a lighter note, I have finally joined the Royal Park golf club; they "
                "have given me a handicap of 24, which I intend to reduce."),
            (A, "Congratulations. Regular short-game practice usually brings a handicap down fastest."),
        ]},
        {"id": "s02", "date": "2028-02-15 08:40", "turns": [
            (U, "My husband Graham and I leave for Japan on Saturday. We fly into Kansai and shall be "
                "based in Kyoto for the whole stay. Which buildings would you consider essential for "
                "someone of my interests?"),
            (A, "In Kyoto: the Tō-ji pagoda, the five-storey wooden pagoda that stands about 55 metres "
                "(54.8 m) tall and is the tallest wooden pagoda in Japan; Kiyomizu-dera, whose stage "
                "rests on a lattice of timber pillars joined without nails; the Katsura Imperial "
                "Villa (book well ahead); and Nijō Castle for its 'nightingale' floors. A day trip to "
                "Nara for Tōdai-ji's hall is also worthwhile."),
            (U, "Thank you. I shall make the application for Katsura today."),
        ]},
        {"id": "s03", "date": "2028-03-07 20:30", "turns": [
            (U, "We came home from Kyoto on Sunday, and I confess the jet lag has been considerable. "
                "Is there any sound advice for recovering more quickly?"),
            (A, "Get outdoor light in the morning, keep to local meal times, avoid long naps (twenty "
                "minutes at most) and keep caffeine to the morning. Most people adjust at about one "
                "day per time zone."),
            (U, "Most kind. My sister Philippa has just returned from nine days in Vietnam and seems "
                "entirely unaffected, which I find rather unjust."),
        ]},
        {"id": "s04", "date": "2028-04-13 21:00", "turns": [
            (U, "On Tuesday evening I spoke to the Ballarat heritage group about the architecture of "
                "the goldfields; the hall was full. Graham, not to be outdone, is to give a talk on "
                "the Victorian railways at the same hall next month."),
            (A, "That sounds like a successful evening. The goldfields towns are a rich subject: "
                "the boom-era banks and hotels of Ballarat and Bendigo are some of the finest "
                "Victorian-era commercial buildings in the country."),
            (U, "Indeed. I was also invited to speak in Hobart in June, but I have declined; the "
                "timing is impossible with marking."),
        ]},
        {"id": "s05", "date": "2028-05-10 18:25", "turns": [
            (U, "The re-stumping of our weekend cottage at Daylesford is finished; the builder's "
                "invoice came to $4,200, which was within his estimate. He also quoted $9,000 for a "
                "new roof, but we have decided against it this year. How often should a corrugated "
                "iron roof be repainted?"),
            (A, "A well-prepared galvanised corrugated roof usually needs repainting every 10 to 15 "
                "years, sooner near the coast. Inspect it annually for rust at the laps and around "
                "the fixings; spot-treat rust early and the roof can last decades."),
        ]},
        {"id": "s06", "date": "2028-05-29 19:50", "turns": [
            (U, "After the autumn medal the committee has taken me down to nineteen. I am "
                "disproportionately pleased. What would you suggest for winter practice?"),
            (A, "Well done. In winter, work on putting and chipping indoors or on a practice green, "
                "and keep a weekly range session for the long game so the swing stays grooved."),
            (U, "Our neighbour at Daylesford, meanwhile, has spent $3,000 on a new fence between "
                "our properties, which I find very generous of him."),
        ]},
        {"id": "s07", "date": "2028-06-22 09:05", "turns": [
            (U, "Last night I addressed the Royal Historical Society of Victoria on the verandah as "
                "a colonial form. The questions afterwards were sharper than I had anticipated. "
                "Could you recommend further reading on verandahs in the tropics?"),
            (A, "Philip Drew's 'Veranda: Embracing Place' is the standard work; for Queensland, "
                "look at the studies of the 'Queenslander' house by Rod Fisher and Brian Crozier, "
                "and for the wider empire Anthony King's 'The Bungalow'."),
        ]},
        {"id": "s08", "date": "2028-07-12 20:40", "turns": [
            (U, "The glazier reinstalled the leadlight window at the cottage on Monday; the "
                "restoration came to $1,850 all told. With the re-stumping paid for in May, the "
                "cottage is at last in good order. How should one clean old leadlight glass?"),
            (A, "Use a soft cloth and lukewarm water with a drop of pH-neutral soap; avoid ammonia and "
                "vinegar, which attack the lead and the putty, and never press hard on the cames. "
                "Dry it gently and check the putty once a year."),
        ]},
        {"id": "s09", "date": "2028-08-09 21:15", "turns": [
            (U, "Last Thursday I sat on a panel at the Wheeler Centre about the future of heritage "
                "listing. A gentleman who heard my lecture at the Historical Society in June came up "
                "afterwards with a photograph of his grandfather's verandah, which was charming."),
            (A, "What a lovely encounter. Private photographs like that are often the only record of "
                "vernacular details that have since been demolished; it may be worth asking whether "
                "he would lodge a copy with a library."),
            (U, "An excellent thought. In November I am to give the annual Boyd lecture, which I am "
                "already dreading."),
        ]},
        {"id": "s10", "date": "2028-09-06 17:30", "turns": [
            (U, "The typescript of 'Verandahs and Empire' went off to the editors on Monday, after "
                "four years of work. I hardly know what to do with my evenings. Any suggestions?"),
            (A, "Congratulations on finishing. Many authors take up something manual for a while: "
                "sketching buildings, a pottery or woodwork class, or long walks with a camera. "
                "It is also a good moment to read for pleasure, far from your subject."),
        ]},
        {"id": "s11", "date": "2028-09-20 18:00", "turns": [
            (U, "This morning I collected my staff pass at the State Library Victoria. After eleven "
                "years at Monash I shall be curating the architecture collection, and the reading "
                "room still takes my breath away. What should I read about the history of the "
                "domed reading room?"),
            (A, "The La Trobe Reading Room opened in 1913; its octagonal dome, then the largest "
                "reinforced-concrete dome in the world, was designed by Bates, Peebles and Smart. "
                "The library's own publications on its building history are the best starting point."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "How many days were Graham and I away in Japan?",
         "answer": "15 days (19 February to 5 March) or about 2 weeks",
         "evidence": [("s02", "leave for japan on saturday"), ("s03", "came home from kyoto on sunday")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "Which came first: the stained-glass repair at the cottage or my panel at the "
                     "Wheeler Centre?",
         "answer": "The leadlight window repair or the stained-glass repair or the window repair "
                   "(10 July; the heritage-listing discussion was on 3 August)",
         "evidence": [("s08", "reinstalled the leadlight window"), ("s09", "panel at the wheeler centre")]},
        {"id": "q03", "type": "temporal-reasoning",
         "question": "How many weeks ago did I submit my book?",
         "answer": "6 weeks (42 days; the typescript went to the editors on 4 September)",
         "evidence": [("s10", "went off to the editors on monday")]},
        {"id": "q04", "type": "multi-session",
         "question": "How many public speaking engagements have I had this year?",
         "answer": "3 (the Ballarat heritage group, the Royal Historical Society of Victoria and the "
                   "Wheeler Centre panel)",
         "evidence": [("s04", "spoke to the ballarat heritage group"),
                      ("s07", "addressed the royal historical society"),
                      ("s09", "panel at the wheeler centre")]},
        {"id": "q05", "type": "multi-session",
         "question": "What have the works on our weekend house cost us so far this year?",
         "answer": "$6,050 ($4,200 for the re-stumping + $1,850 for the leadlight window)",
         "evidence": [("s05", "$4,200"), ("s08", "$1,850")]},
        {"id": "q06", "type": "knowledge-update",
         "question": "Which institution pays my salary these days?",
         "answer": "State Library Victoria or the State Library of Victoria or the State Library "
                   "(you were at Monash University before)",
         "evidence": [("s01", "monash university"), ("s11", "staff pass at the state library victoria")]},
        {"id": "q07", "type": "knowledge-update", "question": "What is my golf handicap?",
         "answer": "19 (it was 24 in January)",
         "evidence": [("s01", "handicap of 24"), ("s06", "taken me down to nineteen")]},
        {"id": "q08", "type": "single-session-assistant",
         "question": "How tall is that wooden pagoda in Kyoto you told me about?",
         "answer": "55 metres or 55 meters or 55 m or 54.8 metres or 54.8 meters (about 55 metres; the "
                   "Tō-ji pagoda)",
         "evidence": [("s02", "about 55 metres")]},
    ],
}

# ---------------------------------------------------------------------------------------------
# w2: sports-science student in Brisbane; texting, lower case, typos, slang, emoji
# ---------------------------------------------------------------------------------------------
W2 = {
    "key": "w2",
    "register": "sports-science student (Brisbane): lower case, typos, slang",
    "question_date": "2028-11-24 21:40",
    "fillers": [("f03", "2028-03-22 23:10"), ("f06", "2028-06-28 22:35"), ("f04", "2028-10-19 16:50")],
    "sessions": [
        {"id": "s01", "date": "2028-02-12 15:30", "turns": [
            (U, "heyy so uni starts back mon (sports sci 2nd yr) and im doin 3 shifts a wk at "
                "saltwater surf co on top of it, any tips for not dying"),
            (A, "Block your week: put lectures and shifts in a calendar first, then two or three "
                "fixed study blocks around them. Review each lecture within a day, keep one evening "
                "free, and protect your sleep; it does more for your marks than an extra late night."),
            (U, "ok ok. also im pescatarian btw so no chicken no red meat, fish is fine, if u ever "
                "give me recipes"),
            (A, "Noted: fish and seafood, eggs, dairy and plants, no meat or chicken."),
        ]},
        {"id": "s02", "date": "2028-03-09 18:05", "turns": [
            (U, "copped new asics gel runners today!! wanna do a 10k by winter, wats a good plan"),
            (A, "Start with three runs a week: two easy 3-5 km runs and one longer run that grows by "
                "about 10% a week. After four weeks add short intervals once a week. Ten weeks of "
                "that gets most beginners comfortably to 10 km."),
        ]},
        {"id": "s03", "date": "2028-04-18 12:40", "turns": [
            (U, "went to the physio for my shoulder finally, $85 for the first sesh 😬 she thinks "
                "its from paddling. mum shouted me a massage on the weekend too which helped heaps"),
            (A, "Paddling shoulders are common. Do the exercises she gave you daily, even when it "
                "feels better; rotator-cuff strengthening is usually what keeps it from coming back."),
        ]},
        {"id": "s04", "date": "2028-05-20 14:15", "turns": [
            (U, "birkies on sale at myer!!! $99 so i grabbed the arizona ones. sent the nikes i "
                "ordered online back tho, wayy too small, got the refund yesterday"),
            (A, "Nice find. Birkenstock footbeds take a week or two to mould to your feet, so wear "
                "them for short stretches first."),
            (U, "physio again thurs, $65 after the health fund rebate. shoulders way better"),
        ]},
        {"id": "s05", "date": "2028-06-10 10:20", "turns": [
            (U, "WE GOT A PUP!!! kelpie x, shes called Pip and she already ate my charger lol. how "
                "do i stop the chewing"),
            (A, "Give her several chew toys and swap one in whenever she chews something she "
                "shouldn't; keep cables out of reach; and make sure she gets enough exercise and "
                "naps, because overtired pups chew more. Kelpies need a lot of mental work too."),
            (U, "cancelled my fri physio, shoulders fine now. also pls no chilli in anything u "
                "suggest me ever, even mild salsa makes me cry"),
        ]},
        {"id": "s06", "date": "2028-07-04 19:45", "turns": [
            (U, "flyin to queenstown fri!!! first time seeing real snow, wat do i pack"),
            (A, "Layers: thermal base layers, a fleece, a waterproof shell jacket and pants, warm "
                "socks, gloves, a beanie, sunglasses or goggles and sunscreen (the snow glare burns). "
                "Hire skis or a board there rather than buying."),
            (U, "yess. jas is in bali for 10 days at the same time so our group chat is gonna be "
                "snow vs beach lol. my bro did the milford track in april too, 4 days, hes been "
                "insufferable about nz since"),
        ]},
        {"id": "s07", "date": "2028-07-19 20:30", "turns": [
            (U, "back in bris since sun and my legs r still wrecked from the slopes. livin in my "
                "birkies cos nothin else fits over the bruises lol. best stretches for sore quads?"),
            (A, "Try a standing quad stretch, a kneeling hip-flexor lunge and foam rolling the front "
                "of the thigh, 30-60 seconds each, twice a day. Gentle walking helps more than rest."),
        ]},
        {"id": "s08", "date": "2028-08-15 21:10", "turns": [
            (U, "ok so last shift at saltwater was sat 😭 but the crew at crux collective r sooo "
                "nice, did my first arvo on the front desk today. free climbing for staff!!"),
            (A, "That sounds like a great fit for a sports-science student. Ease into climbing: "
                "finger tendons adapt slower than muscles, so keep the first weeks to easy grades."),
        ]},
        {"id": "s09", "date": "2028-09-01 17:55", "turns": [
            (U, "got inked today!!! tiny wave on my ankle 🌊 hurt more than i thought. how do i "
                "look after it"),
            (A, "Keep the wrap on for a few hours, then wash gently with lukewarm water and fragrance-"
                "free soap, pat dry and apply a thin layer of unscented moisturiser. No swimming or "
                "sun on it for about two weeks, and don't pick the flakes."),
        ]},
        {"id": "s10", "date": "2028-10-07 13:25", "turns": [
            (U, "got the checkerboard vans slip ons today, jas got the exact same ones lol twins. "
                "i want the salomon xt6 sooo bad but $260 nope not happening"),
            (A, "Matching shoes are a classic. If you want trail shoes later, last season's colours "
                "of the same model are often much cheaper."),
        ]},
        {"id": "s11", "date": "2028-11-02 08:50", "turns": [
            (U, "that $85 physio sesh back in april was honestly worth it, paddled 2hrs yesterday "
                "no pain. wat should i do to keep it that way"),
            (A, "Keep two short sessions a week of band exercises (external rotations, rows, "
                "face pulls) and warm up your shoulders before paddling."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning", "question": "how many days was i in nz",
         "answer": "9 days (7 July to 16 July)",
         "evidence": [("s06", "flyin to queenstown fri"), ("s07", "back in bris since sun")]},
        {"id": "q02", "type": "temporal-reasoning", "question": "how long ago did i get my tattoo",
         "answer": "12 weeks (84 days; on 1 September) or about 3 months",
         "evidence": [("s09", "got inked today")]},
        {"id": "q03", "type": "temporal-reasoning", "abs": True, "question": "how long was i in bali for",
         "answer": "You weren't in Bali: your friend Jas went for 10 days; your own trip was to "
                   "Queenstown, New Zealand.",
         "evidence": []},
        {"id": "q04", "type": "multi-session", "question": "how many pairs of shoes have i bought this yr",
         "answer": "3 (Asics runners, Birkenstocks and Vans slip-ons)",
         "evidence": [("s02", "copped new asics"), ("s04", "birkies on sale"), ("s10", "vans slip ons")]},
        {"id": "q05", "type": "multi-session", "question": "how much have i spent on physio this year",
         "answer": "$150 ($85 + $65)",
         "evidence": [("s03", "$85 for the first sesh"), ("s04", "$65 after the health fund rebate")]},
        {"id": "q06", "type": "knowledge-update", "question": "who am i working for atm",
         "answer": "Crux Collective (the climbing gym; you used to work at Saltwater Surf Co)",
         "evidence": [("s01", "saltwater surf co"), ("s08", "crew at crux collective")]},
        {"id": "q07", "type": "single-session-user", "question": "whats our dog called again",
         "answer": "Pip", "evidence": [("s05", "called pip")]},
        {"id": "q08", "type": "single-session-preference",
         "question": "wat should i cook for the housemates sat night, want smth impressive",
         "answer": "The user would prefer a pescatarian dish (fish, seafood or vegetarian; no meat or "
                   "chicken) with no chilli or spice heat at all, for example a lemon and herb "
                   "baked salmon or a creamy garlic prawn pasta.",
         "evidence": [("s01", "im pescatarian"), ("s05", "no chilli")]},
    ],
}

# ---------------------------------------------------------------------------------------------
# w3: paramedic in Calgary; terse, clipped, few verbs
# ---------------------------------------------------------------------------------------------
W3 = {
    "key": "w3",
    "register": "paramedic (Calgary): terse, clipped",
    "question_date": "2028-09-29 07:30",
    "fillers": [("f02", "2028-02-21 14:10"), ("f07", "2028-06-30 09:40"), ("f03", "2028-08-28 22:05")],
    "sessions": [
        {"id": "s01", "date": "2028-02-03 08:15", "turns": [
            (U, "Medic, Calgary EMS. Partnered with Okafor on C shift. Nights wreck my sleep. Tips."),
            (A, "Keep the same sleep window after every night shift, even on days off where you can; "
                "blackout blinds, a cool room and earplugs; no caffeine in the last four hours of "
                "the shift; and a short nap before the first night of a run."),
        ]},
        {"id": "s02", "date": "2028-03-11 17:40", "turns": [
            (U, "Elk mince from my uncle. Burgers tonight. How done do they need to be?"),
            (A, "Ground game meat should be cooked through: 71°C (160°F) in the centre, checked with "
                "a thermometer. Elk is very lean, so add a little fat (bacon or butter) to the mince "
                "and don't press the patties while they cook."),
            (U, "Got it."),
        ]},
        {"id": "s03", "date": "2028-04-19 10:20", "turns": [
            (U, "Rolled my ankle on a call yesterday. Stepping off the rig. Off the roster till "
                "it settles. Ice or heat?"),
            (A, "Ice for the first two or three days (15-20 minutes at a time, wrapped), compression "
                "and elevation; heat later once the swelling has gone down. Get it checked if you "
                "cannot take four steps on it."),
        ]},
        {"id": "s04", "date": "2028-05-08 19:00", "turns": [
            (U, "Back on shift today. Ankle held. Taping it."),
            (A, "Good. Keep up balance work, like standing on one leg while brushing your teeth, "
                "for a few weeks; it cuts the risk of rolling it again."),
        ]},
        {"id": "s05", "date": "2028-05-28 13:30", "turns": [
            (U, "Police Half done this morning. 1:48. Dez ran the Ottawa marathon same day, 3:31. "
                "Show-off. Recovery?"),
            (A, "Walk for ten minutes, eat carbohydrate and protein within a couple of hours, drink, "
                "and keep the next three or four days to easy movement. One rule of thumb: a day "
                "of easy running per mile raced before hard sessions."),
        ]},
        {"id": "s06", "date": "2028-06-14 21:45", "turns": [
            (U, "Tent, $289, MEC. Bought a sleeping pad too, leaked first night, returned it, "
                "refunded. Kananaskis in July. Bears?"),
            (A, "Carry bear spray where you can reach it, cook and store food away from the tent in "
                "bear lockers or hung, make noise on the trail and keep a clean camp."),
            (U, "Okafor's off to dispatch. Riding with Renée Beaulieu since Monday. Good medic."),
        ]},
        {"id": "s07", "date": "2028-07-05 18:10", "turns": [
            (U, "Stampede Road Race Sunday. DNS. Flu. Bought a camp stove, $95. Dez bought a canoe, "
                "$400 used."),
            (A, "Sorry about the race. Rest until the fever is gone before running again."),
        ]},
        {"id": "s08", "date": "2028-07-20 12:00", "turns": [
            (U, "Paddling the Bow Saturday w Dez. Cochrane to Glenbow. Anything to know?"),
            (A, "Check the flow rate before you go (it changes fast with mountain runoff), wear PFDs, "
                "watch for the weir at Calgary if you go further, and the water is cold even in July."),
        ]},
        {"id": "s09", "date": "2028-07-26 20:25", "turns": [
            (U, "Bow trip good. Dez swam twice. Recert Monday, ACLS, passed. Good two years."),
            (A, "Congratulations on the ACLS, and on staying dry."),
        ]},
        {"id": "s10", "date": "2028-08-13 11:15", "turns": [
            (U, "Ran the Bridgeland 10K this morning. Hot. 1:48 half still my best this year. "
                "Signed up for the Vancouver half, November."),
            (A, "Good work in the heat. For Vancouver, a 12-week plan starting in mid-August fits "
                "well: one long run, one tempo run and two easy runs a week."),
            (U, "Looked at a $600 GPS watch. Passed. Phone works."),
        ]},
        {"id": "s11", "date": "2028-09-03 16:40", "turns": [
            (U, "Banff trail 25K yesterday. Brutal. Vet after for Moose, 38 kilos. Too heavy, "
                "vet says. Cutting treats. Best way to slim a lab?"),
            (A, "Measure his food, cut it by about 10%, swap treats for green beans or carrot, and "
                "add walks; aim for about 1-2% of body weight a month. Re-weigh every few weeks."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "How many days was I off work with the sprained ankle?",
         "answer": "20 days (18 April to 8 May) or about 3 weeks",
         "evidence": [("s03", "rolled my ankle on a call yesterday"), ("s04", "back on shift today")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "What came first, my recertification or the canoe trip?",
         "answer": "The canoe trip or the Bow trip or the Bow River trip (22 July; the ACLS "
                   "was renewed on 24 July)",
         "evidence": [("s08", "paddling the bow saturday"), ("s09", "recert monday")]},
        {"id": "q03", "type": "multi-session", "question": "How many races have I run this year?",
         "answer": "3 (the Police Half, the Bridgeland 10K and the Banff 25K trail race)",
         "evidence": [("s05", "police half done"), ("s10", "bridgeland 10k"), ("s11", "banff trail 25k")]},
        {"id": "q04", "type": "multi-session",
         "question": "How much have I spent on camping gear this year?",
         "answer": "$384 ($289 for the tent + $95 for the stove)",
         "evidence": [("s06", "tent, $289"), ("s07", "camp stove, $95")]},
        {"id": "q05", "type": "knowledge-update", "question": "Who am I riding with these days?",
         "answer": "Renée Beaulieu or Beaulieu (Okafor before)",
         "evidence": [("s01", "partnered with okafor"), ("s06", "riding with renée beaulieu")]},
        {"id": "q06", "type": "single-session-user", "question": "How heavy is Moose?",
         "answer": "38 kg or 38 kilos or 38 kilograms",
         "evidence": [("s11", "38 kilos")]},
        {"id": "q07", "type": "single-session-user", "abs": True,
         "question": "What was my time in the 10K?",
         "answer": "You didn't say your 10K time (only your half-marathon time, 1:48).",
         "evidence": []},
        {"id": "q08", "type": "single-session-assistant",
         "question": "How hot did you say the middle of the elk burgers has to get?",
         "answer": "71°C or 71 degrees or 160°F",
         "evidence": [("s02", "71°c")]},
    ],
}

# ---------------------------------------------------------------------------------------------
# w4: florist in Limerick; long rambling messages, asides, Irish turns of phrase
# ---------------------------------------------------------------------------------------------
W4 = {
    "key": "w4",
    "register": "florist (Limerick): rambling, asides, Irish English",
    "question_date": "2028-12-11 20:05",
    "fillers": [("f05", "2028-02-28 10:30"), ("f08", "2028-07-07 15:20"), ("f06", "2028-11-14 21:15")],
    "sessions": [
        {"id": "s01", "date": "2028-01-15 18:45", "turns": [
            (U, "Hello there, I hope you don't mind me asking, I've had the flower shop on Catherine "
                "Street twenty-two years now and my nephew Cathal does the van runs for me on a "
                "Saturday, God love him, but Valentine's is coming and the price of red roses from "
                "the wholesaler has gone through the roof, would I be better off pushing tulips "
                "this year do you think?"),
            (A, "Offering an alternative is a good idea: make up a tulip or mixed seasonal bouquet "
                "at a lower price point and display it beside the roses, so customers see the choice. "
                "Pre-orders help too: they tell you how many roses to buy before the wholesale "
                "price peaks."),
        ]},
        {"id": "s02", "date": "2028-02-20 16:20", "turns": [
            (U, "Well I finally finished The Bee Sting on the bus up to Dublin and back, what a book, "
                "I was in bits. I gave up on Ulysses halfway, life's too short, don't tell anyone. "
                "And my knee is at me again, the physio says no hills and no stairs if I can help "
                "it, which is grand in a flat shop but not much use to a woman who likes a day out."),
            (A, "The Bee Sting has that effect on a lot of readers. For the knee, gentle "
                "strengthening (straight-leg raises, mini squats, cycling on a stationary bike) "
                "usually helps, and flat days out are easier to find than you might think."),
        ]},
        {"id": "s03", "date": "2028-03-26 19:10", "turns": [
            (U, "A fella came in about a cold room for the back of the shop, quoted me €3,400 and "
                "I said I'd think about it, but I won't, sure where would I put it, the old fridges "
                "will do me another year. And my sister Úna is off to Lanzarote for a fortnight, "
                "lucky her. What flowers last longest without a cold room, tell me?"),
            (A, "Chrysanthemums, alstroemeria, carnations, orchids and lisianthus all last well at "
                "room temperature; keep them out of sunlight and away from fruit, and change the "
                "water every two days."),
        ]},
        {"id": "s04", "date": "2028-05-02 21:00", "turns": [
            (U, "Jim and myself are sailing out of Rosslare on Friday night, over to Roscoff and then "
                "Brittany with the car, our first proper holiday since the shop opened. Jim wanted "
                "Scotland in the autumn as well but we've knocked that on the head. What should we "
                "see that won't kill my knee?"),
            (A, "Brittany is good for that: the walled town of Saint-Malo (the ramparts are flat), "
                "Dinan's old centre by car to the top, the gardens of the Château de la Bourbansais, "
                "Quimper's cathedral and old town, and the pink granite coast seen from the car and "
                "short flat paths."),
        ]},
        {"id": "s05", "date": "2028-05-24 17:35", "turns": [
            (U, "We got home from Roscoff on Sunday, the crossing was like a washing machine, Jim "
                "was green. I loved the old manor houses and the little chapels, but Mont-Saint-"
                "Michel was like Croke Park on final day, I can't be doing with crowds, I nearly "
                "turned back at the causeway. Got to the end of Claire Keegan's Small Things Like "
                "These on the ferry going over too. Anyway, peonies for June weddings, how do I hold them back?"),
            (A, "Buy them in tight bud, wrap them dry in paper and keep them in the coldest place "
                "you have; in water they open within a day or two in a warm room, so time it from "
                "the wedding date back."),
        ]},
        {"id": "s06", "date": "2028-06-19 10:05", "turns": [
            (U, "Did the flowers for a wedding at Adare Manor on Saturday, peonies everywhere, the "
                "bride cried, I cried, the groom's mother cried. But the Clarke wedding in July is "
                "off, they've called the whole thing off, poor girl, so that's a Saturday free."),
            (A, "It sounds like a beautiful wedding. For the Clarke booking, check what your "
                "deposit terms say; many florists keep the deposit if flowers were already ordered."),
        ]},
        {"id": "s07", "date": "2028-08-14 18:50", "turns": [
            (U, "The Kilkee wedding on Saturday was all wildflowers, nearly harder than Adare in June. "
                "My friend Maura did the Doolin wedding the same weekend, she sent me pictures, "
                "gorgeous. And I was only a guest at my niece Siobhán's wedding in July, someone "
                "else did the flowers and I bit my tongue the whole day. How do I keep wildflowers "
                "from wilting in a marquee?"),
            (A, "Condition them overnight in deep cool water after a fresh angled cut, sear the "
                "stems of poppies, mist arrangements in the marquee, and keep them out of direct sun "
                "until the last moment."),
        ]},
        {"id": "s08", "date": "2028-09-18 19:25", "turns": [
            (U, "Ennis on Saturday, the wedding at the Old Ground, dahlias and hydrangeas, the last "
                "of my big ones this year thank God. Cathal went back to college in Cork so it's "
                "Dermot from next door behind the wheel of the van of a Saturday, he's very careful, "
                "too careful, he drives like he's carrying eggs. How do I dry hydrangeas?"),
            (A, "Let them start drying on the plant until the petals feel papery, then cut them and "
                "stand them in a couple of centimetres of water in a cool, dark place; they dry "
                "slowly as the water evaporates and keep their colour better."),
        ]},
        {"id": "s09", "date": "2028-10-17 22:10", "turns": [
            (U, "Oh I've news, my daughter Aoife had the baby on Sunday morning, a little boy, seven "
                "pounds two, Tadhg, the image of his grandfather. What do you bring to a new mother "
                "apart from flowers, because she says she has enough flowers to open a shop, cheeky."),
            (A, "Congratulations! Practical things are welcome: cooked meals for the freezer, snacks "
                "she can eat with one hand, an offer to hold the baby while she showers or sleeps, "
                "or doing a load of washing."),
        ]},
        {"id": "s10", "date": "2028-11-06 20:45", "turns": [
            (U, "I polished off the new Marian Keyes in two nights, couldn't put it down. Maura "
                "has me tormented about Prophet Song, she read it in a weekend, I'm not in the form "
                "for it. I bought Intermezzo in the airport shop but it's still in the cellophane. "
                "I'm still thinking about The Bee Sting to be honest. Can you suggest something "
                "funny for the winter?"),
            (A, "For funny and warm: Nina Stibbe's 'Love, Nina', Catherine Newman's 'Sandwich', or "
                "Paul Howard's Ross O'Carroll-Kelly books if you like Irish comedy."),
        ]},
        {"id": "s11", "date": "2028-11-27 18:30", "turns": [
            (U, "Christmas wreaths have started, my fingers are in flitters from the wire. Do you "
                "know how long a fresh wreath lasts on a front door?"),
            (A, "A fresh conifer wreath outdoors in cool weather usually lasts four to six weeks; "
                "mist it now and then, and keep it off doors that get direct sun or sit between the "
                "door and a storm door, where it dries out fast."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning", "question": "How long were Jim and I away in France?",
         "answer": "16 days (5 May to 21 May)",
         "evidence": [("s04", "sailing out of rosslare on friday night"), ("s05", "home from roscoff on sunday")]},
        {"id": "q02", "type": "temporal-reasoning", "question": "How many weeks ago did my grandson arrive?",
         "answer": "8 weeks (57 days; Tadhg was born on 15 October)",
         "evidence": [("s09", "aoife had the baby on sunday")]},
        {"id": "q03", "type": "temporal-reasoning", "abs": True, "question": "How long was I in Lanzarote?",
         "answer": "You weren't in Lanzarote: your sister Úna went for a fortnight; your own trip was "
                   "to France (Brittany).",
         "evidence": []},
        {"id": "q04", "type": "multi-session",
         "question": "How many weddings did I do the flowers for this year?",
         "answer": "3 (Adare Manor, Kilkee and the Old Ground in Ennis)",
         "evidence": [("s06", "wedding at adare manor"), ("s07", "kilkee wedding"), ("s08", "ennis on saturday")]},
        {"id": "q05", "type": "multi-session", "question": "How many books have I finished this year?",
         "answer": "3 (The Bee Sting, Small Things Like These by Claire Keegan and the new Marian Keyes)",
         "evidence": [("s02", "finished the bee sting"), ("s05", "claire keegan's small things"),
                      ("s10", "polished off the new marian keyes")]},
        {"id": "q06", "type": "knowledge-update",
         "question": "Who's driving the van for me on Saturdays at the minute?",
         "answer": "Dermot (your neighbour from next door; Cathal used to)",
         "evidence": [("s01", "cathal does the van runs"), ("s08", "dermot from next door")]},
        {"id": "q07", "type": "single-session-user", "abs": True,
         "question": "How much did the cold room cost me?",
         "answer": "You didn't buy a cold room: you were quoted €3,400 and decided against it.",
         "evidence": []},
        {"id": "q08", "type": "single-session-preference",
         "question": "Any ideas for a day out for my birthday?",
         "answer": "The user would prefer a quiet, uncrowded day out somewhere historic (old houses, "
                   "manor houses, chapels) with flat ground and little walking, no hills or stairs "
                   "because of her bad knee, for example a historic house and gardens visited "
                   "midweek.",
         "evidence": [("s02", "no hills and no stairs"), ("s05", "can't be doing with crowds")]},
    ],
}

# ---------------------------------------------------------------------------------------------
# w5: Spanish PhD student in Gothenburg; non-native English (articles dropped, present for past,
# "since" for durations, Spanish word order)
# ---------------------------------------------------------------------------------------------
W5 = {
    "key": "w5",
    "register": "Spanish marine-biology PhD student (Gothenburg): non-native English",
    "question_date": "2028-06-26 18:20",
    "fillers": [("f04", "2028-02-24 11:35"), ("f01", "2028-04-29 15:05"), ("f02", "2028-06-04 12:15")],
    "sessions": [
        {"id": "s01", "date": "2028-01-18 20:10", "turns": [
            (U, "Hello! I am Begoña, I come from Valencia and I make the PhD in marine biology in "
                "Göteborg since one year. I live in a student corridor in Kviberg, I pay 4100 kronor "
                "for month. Is very difficult the Swedish language, how I can learn more fast?"),
            (A, "Välkommen! Speak it every day even a little: ask shop staff to answer in Swedish, "
                "follow an easy news source such as 8 Sidor, use a spaced-repetition app for "
                "vocabulary, and join a language café. The free SFI courses are also a good "
                "structure."),
        ]},
        {"id": "s02", "date": "2028-02-08 19:30", "turns": [
            (U, "I have a monstera in my window, is 80 centimetres, but the leaves have yellow "
                "points. Also I buy a second-hand bicycle in Blocket for 1200 kronor, and my flatmate "
                "Jonas pay the lock, 400 kronor, is his present for me. Why the leaves are yellow?"),
            (A, "Yellow spots on a monstera usually mean too much water: let the top few centimetres "
                "of soil dry out between waterings, make sure the pot drains, and give it bright "
                "indirect light. In a Swedish winter it needs much less water than in summer."),
        ]},
        {"id": "s03", "date": "2028-03-14 21:20", "turns": [
            (U, "On Thursday I take the night train to Oslo and after the plane to Bergen for the "
                "conference of marine ecology, I present my work about the eelgrass. What I must "
                "see in Bergen if I have one free afternoon?"),
            (A, "Walk along Bryggen, the old Hanseatic wharf; take the Fløibanen funicular up Mount "
                "Fløyen for the view over the city and the fjords; and visit the fish market. "
                "Bring a rain jacket: Bergen is one of the wettest cities in Europe."),
        ]},
        {"id": "s04", "date": "2028-03-29 18:40", "turns": [
            (U, "I am again in Göteborg since Sunday. My presentation in Bergen was good, many "
                "questions about the eelgrass, and yes, it rained all days. Now I must write the "
                "paper. How I organise the introduction?"),
            (A, "Move from broad to narrow: why eelgrass meadows matter, what is known, the specific "
                "gap your study fills, and finally your aim or hypothesis in the last paragraph. "
                "Keep it to about four or five paragraphs."),
        ]},
        {"id": "s05", "date": "2028-04-18 17:50", "turns": [
            (U, "Finally I have the SFI certificate! Level D approved, yesterday they give me the "
                "paper. Jonas come back from three days of walking in Oslo also, he is very brown. "
                "But my abstract for Copenhagen is rejected, I am sad."),
            (A, "Congratulations on the certificate, that is a real achievement. Rejections happen "
                "to everyone; the reviewers' comments often make the next submission stronger."),
        ]},
        {"id": "s06", "date": "2028-05-03 20:55", "turns": [
            (U, "Since Monday I sleep in my own flat in Majorna! Finally no more kitchen shared with "
                "eight persons. Where I can find cheap furniture in Göteborg?"),
            (A, "Try Blocket and Facebook Marketplace for second-hand, the Myrorna and Stadsmissionen "
                "charity shops, Erikshjälpen second-hand stores, and IKEA's as-is corner at Bäckebol."),
        ]},
        {"id": "s07", "date": "2028-05-19 19:15", "turns": [
            (U, "Yesterday I show my poster in Lund, at the meeting of the Nordic seagrass network. "
                "Also I buy lights for the bicycle, 250 kronor, because is illegal without in the "
                "dark. The shop want 900 kronor for change the gears, I say no, too expensive. "
                "Is normal so expensive?"),
            (A, "Yes, a full gear service with new cables or a cassette can cost that much in "
                "Sweden. You can often adjust indexing yourself with the barrel adjuster, or take "
                "a cheap course at a cykelkök, a community bike workshop."),
        ]},
        {"id": "s08", "date": "2028-05-30 16:25", "turns": [
            (U, "I want to bake kanelbullar for my colleagues. How I make them?"),
            (A, "Make a dough with 500 g flour, 75 g sugar, 75 g butter, 25 g fresh yeast, 250 ml "
                "warm milk and a teaspoon of ground cardamom. Let it rise, roll it out, spread with "
                "butter, sugar and cinnamon, roll up, cut and shape, let them rise again, brush with "
                "egg and sprinkle pearl sugar. Bake at 225°C for 8-10 minutes."),
            (U, "Perfect. The bicycle of 1200 kronor is perfect also, I go with it to the lab every day."),
        ]},
        {"id": "s09", "date": "2028-06-13 21:05", "turns": [
            (U, "Last Friday I give a talk in the workshop in Uppsala, I was not so nervous like in "
                "Bergen. My supervisor Åsa give her keynote in Helsinki the same week. In September "
                "I go to Kiel for another conference. How I can make my slides more clear?"),
            (A, "One message per slide, written as the slide title; large figures with few labels; "
                "no more text than you would say; and consistent colours for the same treatment "
                "across all figures."),
        ]},
        {"id": "s10", "date": "2028-06-21 19:40", "turns": [
            (U, "I measure the monstera today and it has one metre and five centimetres, it grows "
                "like crazy in the big window. What is the tradition of Midsommar?"),
            (A, "Midsommar is celebrated on the Friday between 19 and 25 June: people raise and "
                "dance around a maypole (midsommarstång), wear flower crowns, eat pickled herring "
                "with new potatoes, sour cream and chives, and strawberries for dessert."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "How many days I was in Norway for the conference?",
         "answer": "10 days (16 March to 26 March)",
         "evidence": [("s03", "on thursday i take the night train to oslo"),
                      ("s04", "again in göteborg since sunday")]},
        {"id": "q02", "type": "temporal-reasoning",
         "question": "How many weeks ago I passed the Swedish course?",
         "answer": "10 weeks (70 days; you got the SFI certificate on 17 April)",
         "evidence": [("s05", "sfi certificate")]},
        {"id": "q03", "type": "multi-session",
         "question": "How many times I presented my work this year, talks and posters?",
         "answer": "3 (the conference in Bergen, the poster in Lund and the workshop in Uppsala)",
         "evidence": [("s04", "my presentation in bergen"), ("s07", "poster in lund"),
                      ("s09", "talk in the workshop in uppsala")]},
        {"id": "q04", "type": "multi-session",
         "question": "How much money I spent for my bicycle this year?",
         "answer": "1450 kronor or 1,450 kr or 1450 SEK (1200 for the bicycle + 250 for the lights)",
         "evidence": [("s02", "1200 kronor"), ("s07", "250 kronor")]},
        {"id": "q05", "type": "knowledge-update", "question": "In which part of the city I am living?",
         "answer": "Majorna (you lived in a student corridor in Kviberg before)",
         "evidence": [("s01", "corridor in kviberg"), ("s06", "own flat in majorna")]},
        {"id": "q06", "type": "knowledge-update", "question": "How tall is my plant?",
         "answer": "1.05 m or 1.05 metres or 1.05 meters or 105 cm or 105 centimetres or 105 "
                   "centimeters or one metre and five centimetres (it was 80 cm in February)",
         "evidence": [("s02", "80 centimetres"), ("s10", "one metre and five centimetres")]},
        {"id": "q07", "type": "single-session-user", "abs": True,
         "question": "How much is the rent of my flat in Majorna?",
         "answer": "You did not say the rent of the Majorna flat (the corridor in Kviberg was 4100 "
                   "kronor a month).",
         "evidence": []},
        {"id": "q08", "type": "single-session-assistant",
         "question": "How hot the oven must be for the kanelbullar, what you told me?",
         "answer": "225°C or 225 degrees",
         "evidence": [("s08", "bake at 225°c")]},
    ],
}

PERSONAS = [W1, W2, W3, W4, W5]

"""dev5: a hand-written DEVELOPMENT answer set (au12, 2026-12-05). Content only; build.py builds dev5.json.

Written by hand, blind: the author did not read kgmem's answering, retrieval, extraction or
resource code, its synthetic generator, or any held-out set; only dev4's *format* (this layout,
the gold style) and the offline scorer's matching rules were read. Open to everyone: develop
against it and report it as a set the code was developed against (its first, blind figure is
eval/results/dev5_blind.md).

Layout (the same as source_dev3.py / source_dev4.py): PERSONAS is a list of personas; each has a
register, a question date, its own sessions (id, date "YYYY-MM-DD HH:MM", turns as (role, text)),
the filler chats it gets (filler id, date) and its questions. A question's evidence is a list of
(session id, substring): every turn of that session containing the substring (case-insensitive)
is an evidence turn (``has_answer``). ``_abs`` questions have no evidence.

Weighted to what fails on held-out sets: events with a start and an end told with relative dates
("tuesday", "since last night", "three days ago", "the week before last", "a week on Monday",
holidays), durations and "which came first"; counts and totals across sessions with a friend's
purchase, a declined offer, a cancelled visit and a thing mentioned twice; values that change,
said a different way each time and asked in unusual words; and near-miss ``_abs`` questions.
"""

from __future__ import annotations

U, A = "user", "assistant"

# ---------------------------------------------------------------------------------------------
# Filler chats: generic assistant help, no personal facts. Each persona gets a subset.
# ---------------------------------------------------------------------------------------------
FILLERS: dict[str, list[tuple[str, str]]] = {
    "f01": [
        (U, "My sourdough starter smells like nail polish remover. Is it dead?"),
        (A, "Not dead, just hungry. That acetone smell means the yeast and bacteria have run out "
            "of food and are producing more acid and alcohol. Discard all but a couple of "
            "tablespoons, feed it equal weights of flour and water, and feed it twice a day for a "
            "few days. Once it doubles within 4-8 hours of a feed and smells yeasty and a bit "
            "sour, it's ready to bake with again."),
        (U, "does it matter what flour"),
        (A, "Any wheat flour works. A spoonful of wholemeal or rye in each feed tends to wake a "
            "sluggish starter up faster, because it carries more wild yeast and nutrients."),
    ],
    "f02": [
        (U, "In Excel, how do I look up a price from another sheet by product code?"),
        (A, "Use XLOOKUP if you have Excel 365 or 2021:\n\n`=XLOOKUP(A2, Prices!A:A, Prices!B:B, "
            "\"not found\")`\n\nA2 is the code you're looking up, Prices!A:A the column of codes, "
            "Prices!B:B the prices. On older versions use `=VLOOKUP(A2, Prices!A:B, 2, FALSE)` - "
            "the FALSE matters, it forces an exact match."),
    ],
    "f03": [
        (U, "why are there two high tides a day and not one"),
        (A, "The Moon's gravity pulls the ocean on the near side of the Earth towards it, making "
            "one bulge. On the far side, the Earth itself is pulled towards the Moon slightly more "
            "than the water there, so a second bulge is left behind. The Earth turns through both "
            "bulges each day, so most coasts get two high tides, about 12 hours 25 minutes apart."),
    ],
    "f04": [
        (U, "How do I remove duplicates from an array in JavaScript but keep the order?"),
        (A, "`const unique = [...new Set(arr)];` A Set keeps the first occurrence of each value in "
            "insertion order, so the order is preserved. For arrays of objects, dedupe by a key "
            "instead: `arr.filter((x, i, a) => a.findIndex(y => y.id === x.id) === i)`."),
    ],
    "f05": [
        (U, "write me a haiku about fog on a river"),
        (A, "Grey breath on the stream,\nthe far bank forgets itself -\na heron, then none."),
        (U, "another one, happier"),
        (A, "Sun burns through the mist;\nrowers laugh across the bend,\noars flashing like fish."),
    ],
    "f06": [
        (U, "Quick way to convert Fahrenheit to Celsius in my head?"),
        (A, "Subtract 30 and halve it. 80°F: 80 - 30 = 50, half is 25°C (the exact answer is "
            "26.7). It's close enough for weather. The exact formula is (F - 32) x 5/9."),
    ],
    "f07": [
        (U, "What does 'compound interest' actually mean?"),
        (A, "You earn interest on your interest. Put 1,000 in at 5% a year: after year one you "
            "have 1,050; in year two the 5% is worked out on 1,050, giving 1,102.50, and so on. "
            "Over long periods the growth speeds up, which is why starting to save early matters "
            "more than saving a lot later."),
    ],
    "f08": [
        (U, "git: how do I undo my last commit but keep the changes?"),
        (A, "`git reset --soft HEAD~1` moves the branch back one commit and leaves your changes "
            "staged. Use `git reset HEAD~1` (mixed) to keep them but unstaged. If you already "
            "pushed the commit, prefer `git revert HEAD`, which adds a new commit undoing it "
            "instead of rewriting shared history."),
        (U, "and if i only want to fix the message"),
        (A, "`git commit --amend -m \"new message\"` - again, only if it isn't pushed yet."),
    ],
}

# ---------------------------------------------------------------------------------------------
# r1: line cook in Portland, Oregon; lower case, typos, US register, written late after shifts
# ---------------------------------------------------------------------------------------------
R1 = {
    "key": "r1",
    "register": "line cook texting after shifts (US)",
    "question_date": "2025-09-22 10:30",
    "fillers": [("f03", "2025-04-02 13:10"), ("f06", "2025-06-05 12:40"), ("f01", "2025-07-24 14:25"),
                ("f04", "2025-09-10 11:05")],
    "sessions": [
        {"id": "s01", "date": "2025-03-08 14:20", "turns": [
            (U, "someone broke into my car and took my whole knife roll. im a line cook at ember & "
                "ash, i work the grill, and chef had to lend me his knife all week which is "
                "humiliating. what should i buy, budget is like 150"),
            (A, "Sorry, that's miserable. Good options under $150:\n- Victorinox Fibrox 8\" chef's "
                "knife (about $50): tough, light, easy to sharpen, a kitchen workhorse.\n- Tojiro DP "
                "210mm gyuto (about $100): Japanese steel core, holds an edge much longer, thinner "
                "blade.\n- Mac Professional MTH-80 (about $145): a favourite of a lot of chefs, "
                "very sharp, with dimples so food doesn't stick.\nIf it were me, with that budget, "
                "I'd get the Tojiro DP and put the rest towards a whetstone."),
            (U, "ok ok. also need to get a lock for the car lol"),
        ]},
        {"id": "s02", "date": "2025-03-21 23:40", "turns": [
            (U, "got the tojiro, 98 bucks. its so sharp i already nicked my thumb. my roomate dev "
                "bought the mac one for himself the same day so now we have matching knife drama"),
            (A, "Welcome to Japanese steel! Keep it away from the bones and the frozen stuff, and "
                "never put it in the dishwasher. And keep a box of plasters handy for a week."),
        ]},
        {"id": "s03", "date": "2025-04-12 16:05", "turns": [
            (U, "flying to albuquerque on tuesday to see my abuela, shes turning 90!! chef gave me "
                "the days off. what do u get someone who is 90 and says she has everything"),
            (A, "Something to do together beats something to own: a printed photo book of the "
                "family, a recording of you cooking one of her recipes with her, or flowers and a "
                "long lunch. If she has a favourite dish, cook it for her."),
            (U, "shes gonna critique my tamales for sure"),
        ]},
        {"id": "s04", "date": "2025-04-20 21:10", "turns": [
            (U, "back in pdx since last night. abuelas party was the best, she said my tamales "
                "were 'almost as good as hers' which is the nicest thing she has ever said to me"),
            (A, "From a 90-year-old grandmother, 'almost as good as mine' is a gold medal. Glad "
                "the trip was worth it."),
        ]},
        {"id": "s05", "date": "2025-05-04 19:00", "turns": [
            (U, "bought a whetstone finally, the king 1000/6000 combo, 42 dollars. sharpened the "
                "tojiro tonight and it cuts paper again"),
            (A, "The King combo is a classic. Keep the angle steady (about 15 degrees for that "
                "knife), go to the 6000 side only for polishing, and flatten the stone now and "
                "then."),
            (U, "also chef wants me to make a salsa verde w cilantro for family meal and i cant, "
                "cilantro literally tastes like soap to me. any sub"),
            (A, "Flat-leaf parsley with a little mint and lime zest gives the same fresh, green "
                "lift without the soapy taste. Some people use basil, too."),
        ]},
        {"id": "s06", "date": "2025-05-28 00:30", "turns": [
            (U, "did 300 covers on memorial day. three hundred. my feet are soup"),
            (A, "That's a huge service. Feet up, lots of water, and compression socks next "
                "holiday."),
            (U, "at least i had sunday off before it, went to a thorns game with rosa from pastry. "
                "we won 2-1"),
            (A, "A win and a day off before the madness, good timing."),
        ]},
        {"id": "s07", "date": "2025-06-13 23:15", "turns": [
            (U, "ok big news. gave my notice at ember & ash today. lupa offered me sous chef!!! "
                "starting in a couple weeks"),
            (A, "Congratulations! That's a big step up. Use the next two weeks to leave on good "
                "terms and write down everything you'd want to know as a new sous: ordering, "
                "rotas, food cost."),
        ]},
        {"id": "s08", "date": "2025-07-02 22:50", "turns": [
            (U, "first shift at lupa was monday. i do the ordering now which is terrifying. also "
                "im on the line every saturday now so when dev got timbers tickets for this "
                "saturday i had to say no and he took his gf"),
            (A, "Ordering is scary at first; keep a par sheet and check it against what you sold "
                "each night. Shame about the Timbers game."),
            (U, "almost bought a 35 dollar paring knife at the farmers market but put it back, "
                "trying to be good"),
        ]},
        {"id": "s09", "date": "2025-07-07 15:30", "turns": [
            (U, "worked the fourth lol, heard the fireworks through the back door. bought two new "
                "chef coats, 30 each, the black ones, bc sous"),
            (A, "Black coats hide a lot of sins. Happy belated Fourth from the pass."),
        ]},
        {"id": "s10", "date": "2025-08-09 11:40", "turns": [
            (U, "burned my forarm on the salamander at lupa three days ago and the blister is huge now. "
                "do i pop it"),
            (A, "Don't pop it: the blister protects the skin underneath from infection. Keep it "
                "clean and covered with a non-stick dressing, change it daily, and see a doctor if "
                "it gets red, hot, smelly or bigger than your palm."),
        ]},
        {"id": "s11", "date": "2025-08-30 20:00", "turns": [
            (U, "forgot to tell u, me and dev drove up to seattle the week before last for a "
                "mariners game. they lost but the garlic fries were worth it"),
            (A, "Garlic fries make any loss bearable. Road trip with your roommate sounds fun."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "single-session-assistant",
         "question": "out of the knives you listed back when my roll got stolen, which one did u say youd get",
         "answer": "The Tojiro DP (210mm gyuto)", "evidence": [("s01", "I'd get the Tojiro DP")]},
        {"id": "q02", "type": "multi-session",
         "question": "how much have i spent on my own kitchen gear since the break in",
         "answer": "$200 (Tojiro $98 + whetstone $42 + two chef coats $60)",
         "evidence": [("s02", "98 bucks"), ("s05", "42 dollars"), ("s09", "30 each")]},
        {"id": "q03", "type": "multi-session", "question": "how many games have i actually been to this year",
         "answer": "2 (a Thorns game and a Mariners game)",
         "evidence": [("s06", "thorns game"), ("s11", "mariners game")]},
        {"id": "q04", "type": "knowledge-update", "question": "which kitchen am i cooking in these days",
         "answer": "Lupa", "evidence": [("s01", "ember & ash"), ("s07", "lupa offered me"),
                                        ("s08", "first shift at lupa")]},
        {"id": "q05", "type": "knowledge-update", "question": "whats my title at work rn",
         "answer": "Sous chef", "evidence": [("s01", "line cook"), ("s07", "sous chef")]},
        {"id": "q06", "type": "temporal-reasoning", "question": "how long was i in new mexico for my abuelas birthday",
         "answer": "4 days (Tuesday 15 to Saturday 19 April)",
         "evidence": [("s03", "albuquerque on tuesday"), ("s04", "since last night")]},
        {"id": "q07", "type": "temporal-reasoning",
         "question": "how many days between handing in my notice and my first shift at the new place",
         "answer": "17 days (13 June to 30 June)",
         "evidence": [("s07", "gave my notice"), ("s08", "first shift at lupa was monday")]},
        {"id": "q08", "type": "temporal-reasoning", "question": "how many weeks ago did i start at lupa",
         "answer": "12 weeks (84 days)", "evidence": [("s08", "first shift at lupa was monday")]},
        {"id": "q09", "type": "temporal-reasoning",
         "question": "what happened first, me burning my arm or the seattle game",
         "answer": "The burn. Burning your arm is also acceptable",
         "evidence": [("s10", "three days ago"), ("s11", "week before last")]},
        {"id": "q10", "type": "single-session-preference",
         "question": "its my turn to cook family meal on friday, any ideas",
         "answer": "The user would prefer a dish without cilantro (it tastes like soap to them), "
                   "using fresh herbs such as parsley or mint instead, something a cook can make "
                   "in volume for the staff.",
         "evidence": [("s05", "cilantro literally tastes like soap")]},
        {"id": "q11", "type": "single-session-user", "abs": True, "question": "how much did dev pay for his knife",
         "answer": "You never said what Dev paid; you only said he bought the Mac knife.",
         "evidence": []},
    ],
}

# ---------------------------------------------------------------------------------------------
# r2: retired primary teacher in Leeds; full sentences, ellipses, wanders off the point
# ---------------------------------------------------------------------------------------------
R2 = {
    "key": "r2",
    "register": "retired teacher, chatty, full sentences",
    "question_date": "2026-01-10 11:00",
    "fillers": [("f02", "2025-06-04 10:20"), ("f07", "2025-08-28 15:10"), ("f05", "2025-10-08 16:45"),
                ("f01", "2025-11-24 11:30")],
    "sessions": [
        {"id": "s01", "date": "2025-05-03 10:15", "turns": [
            (U, "Good morning. I finished Lessons in Chemistry last night for book club, and I "
                "cried at the end, which I wasn't expecting... We meet on Thursday at Jean's. I "
                "need a couple of questions to get the discussion going, because last time we "
                "spent an hour on Jean's new conservatory."),
            (A, "A few that usually start a good argument:\n- Is Elizabeth Zott a hero, or is she "
                "sometimes unfair to the people who help her?\n- How does the cooking show let her "
                "teach chemistry in a world that won't let her be a chemist?\n- Which character "
                "changes the most?\nAnd you can always ask people which scene made them angriest."),
            (U, "Lovely, thank you. Also we've our choir rehearsal on Wednesday, I sing alto with "
                "the Headingley Community Choir, and the new piece has a dreadful key change."),
        ]},
        {"id": "s02", "date": "2025-05-19 14:30", "turns": [
            (U, "I drove over to Harrogate yesterday in the Micra for Alfie's seventh birthday. "
                "Mark and Hannah did a dinosaur cake, and Rosie, who's four now, insisted on "
                "blowing out the candles herself... Anyway, the photos Mark sends me come up so "
                "tiny on my phone I can hardly read the messages under them. It's an iPhone."),
            (A, "You can make the text bigger: open Settings, then Accessibility, then Display & "
                "Text Size, then Larger Text. Turn on 'Larger Accessibility Sizes' and drag the "
                "slider to the right until it's comfortable. Messages, Mail and most apps will "
                "follow that setting."),
            (U, "Oh that is SO much better. Thank you dear."),
        ]},
        {"id": "s03", "date": "2025-06-25 16:40", "turns": [
            (U, "We leave for Lake Garda a week on Monday! It's a coach trip with the U3A and "
                "Jean is coming with me... I have given up on Wolf Hall for book club, I got "
                "halfway and couldn't keep the Thomases apart. Jean finished it, of course."),
            (A, "Lake Garda in July will be beautiful - take a hat and a refillable bottle. And "
                "Wolf Hall defeats a lot of people; the 'he' always meaning Cromwell takes some "
                "getting used to."),
            (U, "Our summer concert was last Saturday by the way, and the key change went fine "
                "in the end."),
        ]},
        {"id": "s04", "date": "2025-07-19 09:50", "turns": [
            (U, "Home since Tuesday and I'm still unpacking... Garda was glorious. We did the boat "
                "to Sirmione and Jean got sunburnt on the one day it was cloudy."),
            (A, "That sounds wonderful. Sirmione from the water is a lovely way to arrive. Welcome "
                "home!"),
        ]},
        {"id": "s05", "date": "2025-08-16 18:20", "turns": [
            (U, "A bit of a flat week. I was meant to go to Harrogate today but the trains were on "
                "strike, so that was that. Claire drove up from Bristol and went without me, so at "
                "least the children saw one of us. And I've sold the Micra, on Tuesday, to a young "
                "man from Otley... my eyes at night aren't what they were. It'll be the bus pass "
                "from now on."),
            (A, "Selling the car is a big decision, and a sensible one if night driving has become "
                "hard. Your bus pass and the trains should cover most trips, and you can always "
                "book a taxi for the awkward ones."),
        ]},
        {"id": "s06", "date": "2025-09-10 13:00", "turns": [
            (U, "Finished The Thursday Murder Club for book club, much more my cup of tea than Wolf "
                "Hall. Now, Jean wants us all to go out for her birthday next spring and she's "
                "suggesting that new tapas place on Call Lane, which is very loud. I really can't "
                "be doing with noisy restaurants any more, and nothing spicy either, my stomach "
                "won't have it."),
            (A, "You could suggest a quieter alternative for a lunchtime booking instead of the "
                "evening - most places are calmer then - and ask for a table away from the bar. "
                "Tapas places usually have plenty of mild dishes too."),
        ]},
        {"id": "s07", "date": "2025-10-29 19:30", "turns": [
            (U, "Half term, and Mark dropped the children off with me for two days. Alfie wanted "
                "pancakes three times a day and Rosie wanted to 'help', which meant flour on the "
                "cat."),
            (A, "That sounds exhausting and lovely in equal measure. Poor cat!"),
        ]},
        {"id": "s08", "date": "2025-11-12 15:00", "turns": [
            (U, "I did a silly thing on bonfire night. I went out into the garden to watch the "
                "fireworks over Roundhay Park and missed the bottom step in the dark, and now my "
                "wrist's in a splint. Nothing broken, they say, just a bad sprain."),
            (A, "Oh no, I'm sorry. A sprain can take a few weeks; keep it raised, do the exercises "
                "the hospital gave you, and maybe put a solar light by that step."),
        ]},
        {"id": "s09", "date": "2025-12-03 22:00", "turns": [
            (U, "Third rehearsal with the Kirkstall Singers tonight... they are a much friendlier "
                "lot than Headingley, and the conductor has moved me up to the sopranos, which "
                "I'm choosing to take as a compliment. Also finished Small Things Like These for "
                "book club, in one sitting."),
            (A, "Moving up to soprano is a compliment! And Small Things Like These is perfect for "
                "one sitting - short, but it stays with you."),
        ]},
        {"id": "s10", "date": "2025-12-29 17:00", "turns": [
            (U, "Boxing Day in Harrogate with Mark's lot, and I came home on the bus the next "
                "morning with a bag of leftover turkey. Alfie got a telescope and we saw Jupiter."),
            (A, "What a lovely Christmas present for all of you. Jupiter's moons through a small "
                "telescope are magical."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "multi-session",
         "question": "How many times last year did I actually manage to get over to Mark's in Harrogate?",
         "answer": "2 (Alfie's birthday in May and Boxing Day; the August visit was cancelled)",
         "evidence": [("s02", "Harrogate yesterday"), ("s10", "Boxing Day in Harrogate")]},
        {"id": "q02", "type": "multi-session", "question": "how many of the book club books have i finished",
         "answer": "3 (Lessons in Chemistry, The Thursday Murder Club, Small Things Like These)",
         "evidence": [("s01", "finished Lessons in Chemistry"), ("s06", "Finished The Thursday"),
                      ("s09", "finished Small Things")]},
        {"id": "q03", "type": "temporal-reasoning", "question": "How many days did the Lake Garda trip last?",
         "answer": "8 days (Monday 7 to Tuesday 15 July)",
         "evidence": [("s03", "a week on Monday"), ("s04", "Home since Tuesday")]},
        {"id": "q04", "type": "temporal-reasoning", "question": "how long ago was it that I fell in the garden",
         "answer": "66 days (about 9 weeks)", "evidence": [("s08", "bonfire night")]},
        {"id": "q05", "type": "knowledge-update", "question": "Which choir am I singing with at present?",
         "answer": "The Kirkstall Singers",
         "evidence": [("s01", "Headingley Community Choir"), ("s09", "Kirkstall Singers")]},
        {"id": "q06", "type": "knowledge-update", "question": "how do I get about these days, do I still drive",
         "answer": "The bus (you sold the Micra; you use your bus pass)",
         "evidence": [("s02", "in the Micra"), ("s05", "bus pass")]},
        {"id": "q07", "type": "single-session-assistant",
         "question": "Remind me where in the settings you told me to go to make the writing on my phone bigger",
         "answer": "Larger Text (Settings > Accessibility > Display & Text Size > Larger Text)",
         "evidence": [("s02", "Larger Text")]},
        {"id": "q08", "type": "single-session-user", "question": "what is my youngest grandchild called",
         "answer": "Rosie", "evidence": [("s02", "Rosie, who's four")]},
        {"id": "q09", "type": "single-session-preference",
         "question": "Jean's birthday is coming up and I'd like to take her out for a meal. Where should we go?",
         "answer": "The user would prefer a quiet, calm restaurant (not loud or noisy) with mild, "
                   "not spicy, food, for example a lunchtime table in Leeds.",
         "evidence": [("s06", "noisy restaurants")]},
        {"id": "q10", "type": "single-session-user", "abs": True, "question": "what does Claire's husband do",
         "answer": "You never mentioned Claire's husband or what he does.", "evidence": []},
    ],
}

# ---------------------------------------------------------------------------------------------
# r3: medical-device sales rep in Manchester; brisk, phone typos, shorthand
# ---------------------------------------------------------------------------------------------
R3 = {
    "key": "r3",
    "register": "sales rep, brisk, phone shorthand",
    "question_date": "2025-10-24 18:00",
    "fillers": [("f08", "2025-04-09 12:15"), ("f07", "2025-06-03 13:30"), ("f02", "2025-08-20 12:50"),
                ("f05", "2025-09-29 21:40")],
    "sessions": [
        {"id": "s01", "date": "2025-02-11 07:45", "turns": [
            (U, "northbridge medical want 20% up on last yr from me. my patch is cheshire and "
                "merseyside, i cover it in a company octavia estate with 140k on the clock. how "
                "do i even plan for that"),
            (A, "Break the 20% into where it can realistically come from: existing accounts "
                "buying more, accounts you've lost and can win back, and new ones. List your top "
                "ten accounts, estimate the upside in each, and plan visits around the three "
                "biggest. A target is easier to hit as a list of named deals than as a "
                "percentage."),
        ]},
        {"id": "s02", "date": "2025-03-08 09:30", "turns": [
            (U, "back from 2 nights in glasgow for the ortho conference thurs and fri. knackered. "
                "ran heaton park parkrun this morning anyway, 24:10, best ive ever done"),
            (A, "A personal best straight after a conference trip is impressive. Rest up this "
                "weekend."),
            (U, "evie started cornet lessons at school this week too, the house sounds like a "
                "dying goose"),
            (A, "Every brass player starts as a goose. It gets better surprisingly fast."),
        ]},
        {"id": "s03", "date": "2025-03-27 20:15", "turns": [
            (U, "CLOSED SALFORD ROYAL. 8 months of visits. also glasgow expenses finally went "
                "thru, the 2 nights at the premier inn"),
            (A, "Congratulations - eight months of groundwork paying off. That's a big one to "
                "start the year with."),
        ]},
        {"id": "s04", "date": "2025-04-24 21:00", "turns": [
            (U, "one night in bristol for a demo at southmead, hotel was grim. did the easter egg "
                "hunt at dunham massey with evie on sunday before i went"),
            (A, "Hope the demo made up for the hotel. Dunham Massey at Easter sounds lovely."),
        ]},
        {"id": "s05", "date": "2025-05-12 07:30", "turns": [
            (U, "lost stepping hill in stockport to a competitor, gutted. off to the algarve on "
                "thursday w the lads for golf tho so theres that"),
            (A, "Losing one hurts, but ask them for honest feedback on why - it often wins the "
                "next one. Enjoy the golf, and take plenty of sun cream."),
        ]},
        {"id": "s06", "date": "2025-05-21 19:40", "turns": [
            (U, "back since sunday, burnt to a crisp, shot 104 on the last day lol. boss wants me "
                "on the dublin expo stand in june, 3 nights, but its evies sports day so i said "
                "no. priya from the team is off to berlin for 4 nights for the big one, lucky her"),
            (A, "Sports day over an expo stand is the right call. Aloe vera for the sunburn."),
        ]},
        {"id": "s07", "date": "2025-06-18 21:30", "turns": [
            (U, "wythenshawe signed today!! also im at the NEC in brum for 2 nights next month, "
                "where should i stay, something walkable to the halls"),
            (A, "Three good options on or next to the NEC site:\n- Hilton Birmingham Metropole: "
                "big, on the site, busy during shows.\n- Moxy Birmingham NEC: cheaper, modern, "
                "small rooms, a short walk to the halls.\n- Crowne Plaza Birmingham NEC: quiet, by "
                "the lake, a 5-minute walk.\nFor two nights of work I'd go for the Crowne Plaza "
                "NEC - easy walk in, and you can actually sleep."),
        ]},
        {"id": "s08", "date": "2025-07-04 08:00", "turns": [
            (U, "handed my notice in at northbridge yesterday. halden surgical offered me 8k more "
                "and a better car. felt weird after 6 yrs"),
            (A, "Leaving after six years always feels strange, even for a good move. Keep your "
                "accounts warm for whoever takes over the patch - the industry is small."),
        ]},
        {"id": "s09", "date": "2025-07-16 22:10", "turns": [
            (U, "2 nights at the nec done, stayed at the crowne plaza like u said, good shout. "
                "feet are wrecked from the stand"),
            (A, "Glad it worked out. Stand duty is brutal on the feet - gel insoles next time."),
        ]},
        {"id": "s10", "date": "2025-08-06 19:00", "turns": [
            (U, "first day at halden was monday. new motor is a bmw 320d touring, handed the "
                "octavia back to northbridge on friday. patch is the same, cheshire and merseyside"),
            (A, "Congratulations on the new role, and enjoy the BMW - a big step up from a "
                "140,000-mile Octavia."),
        ]},
        {"id": "s11", "date": "2025-09-17 20:45", "turns": [
            (U, "first sale for halden, countess of chester ordered the full kit. priya closed "
                "leeds teaching hospitals the same week, show off"),
            (A, "A first sale in the first six weeks is a great start at a new company."),
        ]},
        {"id": "s12", "date": "2025-10-04 11:30", "turns": [
            (U, "new pb at heaton park this morning. 23:31!! the hill at the end nearly killed me"),
            (A, "Forty seconds off your best is a big jump. Well done."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "knowledge-update", "question": "which firm is paying my wages now",
         "answer": "Halden Surgical",
         "evidence": [("s01", "northbridge medical"), ("s10", "first day at halden")]},
        {"id": "q02", "type": "knowledge-update", "question": "whats my company car at the moment",
         "answer": "A BMW 320d (Touring)",
         "evidence": [("s01", "company octavia"), ("s10", "bmw 320d touring")]},
        {"id": "q03", "type": "knowledge-update", "question": "what's my quickest parkrun time",
         "answer": "23:31", "evidence": [("s02", "24:10"), ("s12", "23:31")]},
        {"id": "q04", "type": "multi-session", "question": "how many nights have i spent in hotels for work this year",
         "answer": "5 (Glasgow 2, Bristol 1, the NEC in Birmingham 2)",
         "evidence": [("s02", "2 nights in glasgow"), ("s03", "2 nights at the premier inn"),
                      ("s04", "one night in bristol"), ("s09", "2 nights at the nec")]},
        {"id": "q05", "type": "multi-session", "question": "how many hospital deals have i closed this year",
         "answer": "3 (Salford Royal, Wythenshawe, Countess of Chester)",
         "evidence": [("s03", "CLOSED SALFORD ROYAL"), ("s07", "wythenshawe signed"),
                      ("s11", "countess of chester ordered")]},
        {"id": "q06", "type": "multi-session", "question": "how many different cities have i stayed over in for work",
         "answer": "3 (Glasgow, Bristol and Birmingham)",
         "evidence": [("s02", "2 nights in glasgow"), ("s04", "one night in bristol"),
                      ("s09", "2 nights at the nec")]},
        {"id": "q07", "type": "temporal-reasoning", "question": "how many days was the golf trip",
         "answer": "3 days (Thursday 15 to Sunday 18 May)",
         "evidence": [("s05", "algarve on thursday"), ("s06", "back since sunday")]},
        {"id": "q08", "type": "temporal-reasoning",
         "question": "how long was the gap between me quitting northbridge and starting at halden",
         "answer": "32 days (3 July to 4 August)",
         "evidence": [("s08", "handed my notice in"), ("s10", "first day at halden")]},
        {"id": "q09", "type": "single-session-assistant",
         "question": "which of the hotels near the nec did you say youd pick",
         "answer": "The Crowne Plaza (Birmingham NEC)", "evidence": [("s07", "I'd go for the Crowne Plaza")]},
        {"id": "q10", "type": "single-session-user", "question": "what instrument is evie learning",
         "answer": "The cornet", "evidence": [("s02", "cornet lessons")]},
        {"id": "q11", "type": "temporal-reasoning", "abs": True, "question": "how many nights was i in dublin",
         "answer": "You did not go to Dublin: you said no to the expo (it was Evie's sports day).",
         "evidence": []},
        {"id": "q12", "type": "single-session-user", "abs": True, "question": "what car does priya drive",
         "answer": "You never said what car Priya drives.", "evidence": []},
    ],
}

# ---------------------------------------------------------------------------------------------
# r4: new dad in Bristol; tired, lower case, loose punctuation, baby milestones
# ---------------------------------------------------------------------------------------------
R4 = {
    "key": "r4",
    "register": "new dad, tired, lower case",
    "question_date": "2026-02-14 21:00",
    "fillers": [("f04", "2025-09-24 13:20"), ("f03", "2025-10-21 14:05"), ("f06", "2025-12-10 12:30"),
                ("f08", "2026-01-16 13:45")],
    "sessions": [
        {"id": "s01", "date": "2025-08-20 03:10", "turns": [
            (U, "shes here!! isla arrived sunday night, 8lb 2oz, jen is amazing. we got home from "
                "the hospital yesterday and im on paternity leave from today. she will only sleep "
                "on one of us. is that normal"),
            (A, "Congratulations to you both! Yes, totally normal - newborns want to be close. "
                "Always put her down on her back in her own cot or Moses basket for sleep, and take "
                "turns so each of you gets a proper stretch of rest."),
            (U, "the health visitor is called bernadette and shes coming monday, shes lovely on "
                "the phone"),
        ]},
        {"id": "s02", "date": "2025-09-03 22:30", "turns": [
            (U, "back at work since monday and its brutal. i put my coffee in the fridge and the "
                "milk in the cupboard"),
            (A, "That sounds like the first week back for every new parent. Go to bed early when "
                "you can and swap the night feeds around with Jen."),
        ]},
        {"id": "s03", "date": "2025-09-14 15:00", "turns": [
            (U, "which baby carrier should we get, jen wants one for walks"),
            (A, "Popular choices:\n- Ergobaby Omni 360: structured, adjustable, lasts into the "
                "toddler years.\n- Connecta: soft, light, very easy to put on.\n- Close Caboo: a "
                "stretchy wrap-style carrier, lovely and snug for newborns.\n- BabyBjörn Mini: "
                "simple buckles, good for the first year.\nFor a newborn on short walks, the "
                "stretchy wrap feels cosiest; for longer walks the Ergobaby supports your back."),
            (U, "got a second hand pram off marketplace for 180 btw, bargain. jens sister ana is "
                "buying us the car seat"),
        ]},
        {"id": "s04", "date": "2025-10-05 20:40", "turns": [
            (U, "bought the cot today, 95 quid. almost got a 60 quid baby monitor too but we're "
                "using the free app on my old phone instead. also my mum is having isla on "
                "thursdays once jen goes back to work"),
            (A, "Sounds like a good setup - grandparents on Thursdays are gold. Keep the cot "
                "clear: no bumpers, pillows or soft toys for now."),
            (U, "bernadette weighed her tuesday, 9lb 11oz. still a tiny thing"),
        ]},
        {"id": "s05", "date": "2025-11-14 22:15", "turns": [
            (U, "isla rolled over three days ago!! front to back, then looked furious about it. "
                "shes up to 13lb 4oz as well"),
            (A, "A big milestone! Expect her to practise it constantly now, so never leave her "
                "on a bed or changing table, even for a second."),
        ]},
        {"id": "s06", "date": "2025-11-29 23:50", "turns": [
            (U, "first night out since isla was born. my brother luis babysat, she didnt even wake "
                "up. also we sent the close caboo back, isla hated it, 45 refunded. bought a bottle "
                "steriliser instead, 30 quid"),
            (A, "A night out and a sleeping baby - perfect. Plenty of babies hate wraps and love "
                "a structured carrier later on, so don't rule them out."),
        ]},
        {"id": "s07", "date": "2025-12-30 10:00", "turns": [
            (U, "we drove up to jens parents in york on christmas eve and got back sunday. isla "
                "loved the dog. our friend kate offered to have her new years eve so we could go "
                "out but jen wasnt ready. gwen next door did have her for an hour while we did the "
                "big shop before we went"),
            (A, "A first Christmas away is a lot of packing! Staying in on New Year's Eve is "
                "fine - there'll be plenty of others."),
        ]},
        {"id": "s08", "date": "2026-01-11 19:00", "turns": [
            (U, "we're starting baby-led weaning next week. no purees, she gets proper finger "
                "food, and we really want to keep added salt and sugar out of everything. bit "
                "scared of the gagging"),
            (A, "Gagging is normal and protective - it's not the same as choking. Sit her upright, "
                "stay with her, and offer soft finger-length pieces she can hold. A baby first aid "
                "course is a good confidence boost."),
        ]},
        {"id": "s09", "date": "2026-01-24 08:30", "turns": [
            (U, "first tooth came through last tuesday, bottom front. she bites everything now. "
                "also mums had her knee done so my dad has taken over thursdays with isla. he "
                "sings to her the whole time"),
            (A, "A cold teething ring helps. And a grandad who sings all day is a lucky thing."),
        ]},
        {"id": "s10", "date": "2026-02-07 14:00", "turns": [
            (U, "clinic weighed her this morning, 15lb 9oz, right on her line. we got a place at "
                "little acorns nursery from april, so only two more months of the thursday "
                "grandparent shift"),
            (A, "Right on her line is exactly what you want to hear. And a nursery place sorted "
                "early takes a lot off your mind."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "temporal-reasoning",
         "question": "how many days of paternity leave did i get before going back to work",
         "answer": "12 days (20 August to 1 September)",
         "evidence": [("s01", "paternity leave from today"), ("s02", "back at work since monday")]},
        {"id": "q02", "type": "temporal-reasoning", "question": "how long were we up at jens parents over christmas",
         "answer": "4 days (24 to 28 December)", "evidence": [("s07", "christmas eve")]},
        {"id": "q03", "type": "temporal-reasoning",
         "question": "how long after she first rolled over did her first tooth come through",
         "answer": "70 days (10 weeks)", "evidence": [("s05", "rolled over three days ago"),
                                                      ("s09", "first tooth came through last tuesday")]},
        {"id": "q04", "type": "knowledge-update", "question": "how heavy is isla now",
         "answer": "15lb 9oz or 15 lb 9 oz",
         "evidence": [("s01", "8lb 2oz"), ("s04", "9lb 11oz"), ("s05", "13lb 4oz"), ("s10", "15lb 9oz")]},
        {"id": "q05", "type": "knowledge-update", "question": "who looks after isla on thursdays at the moment",
         "answer": "Your dad (he took over after your mum's knee operation)",
         "evidence": [("s04", "my mum is having isla on thursdays"), ("s09", "my dad has taken over")]},
        {"id": "q06", "type": "multi-session", "question": "how much have we forked out on baby gear ourselves",
         "answer": "£305 (pram £180 + cot £95 + steriliser £30; the Close Caboo was refunded)",
         "evidence": [("s03", "pram off marketplace for 180"), ("s04", "cot today, 95"),
                      ("s06", "steriliser instead, 30")]},
        {"id": "q07", "type": "multi-session",
         "question": "how many different people have looked after isla for us, not counting jen and me",
         "answer": "4 (your mum, your dad, your brother Luis, and Gwen next door)",
         "evidence": [("s04", "my mum is having isla"), ("s06", "luis babysat"),
                      ("s07", "gwen next door"), ("s09", "my dad has taken over")]},
        {"id": "q08", "type": "single-session-assistant",
         "question": "what was the stretchy wrap type carrier you mentioned",
         "answer": "The Close Caboo", "evidence": [("s03", "Close Caboo: a stretchy")]},
        {"id": "q09", "type": "single-session-user", "question": "whats our health visitors name",
         "answer": "Bernadette", "evidence": [("s01", "health visitor is called bernadette")]},
        {"id": "q10", "type": "single-session-preference", "question": "what can i give isla for lunch tomorrow",
         "answer": "The user would prefer baby-led weaning finger food (no purees), soft pieces "
                   "she can hold, with no added salt or sugar.",
         "evidence": [("s08", "baby-led weaning")]},
        {"id": "q11", "type": "temporal-reasoning", "abs": True, "question": "how long has isla been at nursery",
         "answer": "She has not started: her place at Little Acorns starts in April.", "evidence": []},
    ],
}

PERSONAS = [R1, R2, R3, R4]

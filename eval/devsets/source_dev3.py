"""dev3: a hand-written DEVELOPMENT answer set (auth7, 2026-12-04). Content only; build.py builds dev3.json.

Written by hand by an author who had not read kgmem's code, its data generator or its other
fixture sets. Open to everyone: develop against it and report it as a set the code was developed
against (its first, blind figure is eval/results/dev3_blind.md).

Layout: PERSONAS is a list of personas; each has a register, a question date, its own sessions
(id, date "YYYY-MM-DD HH:MM", turns as (role, text)), the filler chats it gets (filler id, date)
and its questions. A question's evidence is a list of (session id, substring): every turn of that
session containing the substring (case-insensitive) is an evidence turn (``has_answer``), and
build.py fails if a substring matches nothing. ``_abs`` questions have no evidence.
"""

from __future__ import annotations

U, A = "user", "assistant"

# ---------------------------------------------------------------------------------------------
# Filler chats: generic assistant help, no personal facts. Each persona gets a subset.
# ---------------------------------------------------------------------------------------------
FILLERS: dict[str, list[tuple[str, str]]] = {
    "f01": [
        (U, "How do I reverse a list in Python without changing the original?"),
        (A, "Use slicing: `reversed_copy = my_list[::-1]`. That builds a new list and leaves "
            "`my_list` alone. If you only need to iterate backwards, `for x in reversed(my_list):` "
            "avoids the copy altogether. `my_list.reverse()` is the one to avoid here, since it "
            "reverses in place and returns None."),
        (U, "and for a string?"),
        (A, "Same slicing trick: `s[::-1]`. Strings are immutable, so you always get a new string. "
            "`''.join(reversed(s))` works too but is a little slower and less readable."),
    ],
    "f02": [
        (U, "What's a good basic recipe for banana bread? I have three very ripe bananas."),
        (A, "Three bananas is perfect. Mash them, then mix in 75 g melted butter, 150 g sugar "
            "(brown works nicely), 1 egg and a teaspoon of vanilla. Stir in 1 tsp bicarbonate of "
            "soda, a pinch of salt and 190 g plain flour until just combined. Bake in a lined loaf "
            "tin at 175°C (155°C fan) for 55-65 minutes, until a skewer comes out clean. Let it "
            "cool in the tin for 10 minutes before turning it out."),
        (U, "Can I add walnuts?"),
        (A, "Yes, fold in about 60 g of roughly chopped walnuts at the end. Toasting them for a "
            "few minutes first brings out the flavour."),
    ],
    "f03": [
        (U, "Why is the sky blue?"),
        (A, "Sunlight contains all visible colours. As it passes through the atmosphere, it "
            "scatters off gas molecules, and shorter wavelengths (blue and violet) scatter much "
            "more strongly than longer ones (red) - this is Rayleigh scattering. Our eyes are more "
            "sensitive to blue than violet, and some violet is absorbed high up, so the scattered "
            "light filling the sky looks blue. At sunset the light travels through more air, most "
            "of the blue is scattered away before it reaches you, and the sky turns orange and red."),
    ],
    "f04": [
        (U, "Can you explain the difference between git merge and git rebase?"),
        (A, "Both bring changes from one branch into another. `git merge` creates a merge commit "
            "that ties the two histories together, so history shows exactly what happened, "
            "branches and all. `git rebase` replays your commits on top of the other branch, "
            "giving a straight line of history, but it rewrites your commits (new hashes). Rule "
            "of thumb: rebase your own local work to tidy it up; merge anything that's already "
            "shared with other people."),
        (U, "what happens if there's a conflict during rebase"),
        (A, "Git stops at the commit that conflicts. Fix the files, `git add` them, then "
            "`git rebase --continue`. If it gets messy, `git rebase --abort` puts everything back "
            "the way it was before you started."),
    ],
    "f05": [
        (U, "Give me five quick trivia questions for a pub quiz round about space."),
        (A, "1. Which planet has the most confirmed moons? (Saturn)\n2. What was the name of the "
            "first artificial satellite? (Sputnik 1)\n3. How long does light from the Sun take to "
            "reach Earth, roughly? (About 8 minutes)\n4. Which planet rotates on its side? "
            "(Uranus)\n5. Who was the second person to walk on the Moon? (Buzz Aldrin)"),
        (U, "nice, one harder one?"),
        (A, "What is the name of the boundary where the Sun's solar wind is stopped by the "
            "interstellar medium? (The heliopause)"),
    ],
    "f06": [
        (U, "How long should I boil an egg for a runny yolk?"),
        (A, "For a large egg straight from the fridge, lower it into already boiling water and "
            "cook for 6 minutes, then put it in cold water for a minute so it stops cooking. "
            "Five minutes gives a very runny yolk, seven a jammy one."),
    ],
    "f07": [
        (U, "What's the formula in Excel to count cells that are not empty?"),
        (A, "`=COUNTA(A1:A100)` counts every non-empty cell in the range, including text and "
            "numbers. If you only want numbers, use `=COUNT(A1:A100)`. To count cells matching a "
            "condition, `=COUNTIF(A1:A100, \">10\")`."),
        (U, "and blanks?"),
        (A, "`=COUNTBLANK(A1:A100)`. Note that a cell holding a formula that returns \"\" counts "
            "as blank for COUNTBLANK but as non-empty for COUNTA."),
    ],
    "f08": [
        (U, "Can you write a short haiku about autumn?"),
        (A, "Red leaves let go now,\nthe wind carries what it can -\ncold light on the lake."),
        (U, "one about coffee"),
        (A, "Steam curls from the cup,\nthe morning slowly unfolds -\nfirst sip, then the day."),
    ],
    "f09": [
        (U, "What are the main causes of the French Revolution, briefly?"),
        (A, "In short: a state close to bankruptcy after costly wars (including support for the "
            "American Revolution); an unfair tax system that spared the clergy and nobility; bad "
            "harvests and soaring bread prices in 1788-89; Enlightenment ideas questioning "
            "absolute monarchy; and a political deadlock when the Estates-General met in 1789 and "
            "the Third Estate declared itself the National Assembly."),
    ],
    "f10": [
        (U, "my laptop fan is really loud all the time, any ideas"),
        (A, "A few things to check: open the task manager (or Activity Monitor) and see if "
            "something is using a lot of CPU in the background; make sure the vents aren't "
            "blocked - using it on a bed or sofa is a classic cause; clean dust out of the vents "
            "with compressed air; and check for BIOS or driver updates, since fan curves are "
            "sometimes fixed in updates. If it's several years old, the thermal paste may have "
            "dried out, which a repair shop can replace cheaply."),
    ],
    "f11": [
        (U, "How do I convert Celsius to Fahrenheit in my head?"),
        (A, "Double it and add 30 gets you close: 20°C -> 70°F (exactly 68). For the exact "
            "answer, multiply by 9/5 and add 32: 20 x 1.8 = 36, + 32 = 68°F."),
    ],
    "f12": [
        (U, "Write a SQL query that returns the top 3 customers by total order value."),
        (A, "Assuming a table `orders(customer_id, amount)`:\n\n```sql\nSELECT customer_id, "
            "SUM(amount) AS total\nFROM orders\nGROUP BY customer_id\nORDER BY total DESC\n"
            "LIMIT 3;\n```\n\nIf you need the customer names, join to the customers table on "
            "customer_id before grouping."),
        (U, "what if two have the same total"),
        (A, "LIMIT 3 would then cut arbitrarily. To include ties, rank them: use "
            "`DENSE_RANK() OVER (ORDER BY SUM(amount) DESC)` in a subquery and keep rank <= 3."),
    ],
}

# ---------------------------------------------------------------------------------------------
# p1: terse, lower-case texter (Manchester area)
# ---------------------------------------------------------------------------------------------
P1 = {
    "key": "p1",
    "register": "terse lower-case texter",
    "question_date": "2023-08-20 10:05",
    "fillers": [("f01", "2023-03-10 20:14"), ("f03", "2023-04-12 07:50"), ("f05", "2023-05-20 19:33"),
                ("f07", "2023-06-14 11:02"), ("f10", "2023-07-02 21:45"), ("f12", "2023-07-27 13:20"),
                ("f06", "2023-08-16 08:12")],
    "sessions": [
        {"id": "s01", "date": "2023-03-04 11:20", "turns": [
            (U, "can u help me word a msg to my landlord. theres mould in the bathroom again"),
            (A, "Sure. Something like: \"Hi Gary, the mould in the bathroom has come back around "
                "the window and ceiling. Could you arrange for someone to look at it this week? "
                "I'm happy to send photos. Thanks.\" Want it firmer or more casual?"),
            (U, "bit firmer. its the 3rd time. paying 720 a month for the levenshulme flat and "
                "it smells like a cave"),
            (A, "\"Hi Gary, the bathroom mould is back for the third time. This needs a proper "
                "fix rather than another clean - please arrange for someone to assess the "
                "ventilation this week. Photos attached.\""),
            (U, "perfect ta. sent it on my lunch, halden print is dead today anyway"),
            (A, "Fingers crossed he sorts it properly this time."),
        ]},
        {"id": "s02", "date": "2023-03-18 23:48", "turns": [
            (U, "just back from wet leg at the ritz. unreal"),
            (A, "Sounds like a great night! Did they play Chaise Longue?"),
            (U, "obv. whole room lost it. tom went to blur in london instead, he was gutted when "
                "he saw my videos lol"),
            (A, "Ha, fair. If you want more in that vein, try Dry Cleaning, Yard Act, Sorry and "
                "English Teacher - similar deadpan vocals and scratchy guitars."),
            (U, "added yard act ty"),
        ]},
        {"id": "s03", "date": "2023-04-04 08:15", "turns": [
            (U, "did my first bouldering class last night. arms are dead"),
            (A, "That's normal - forearms take the brunt at the start. Stretch gently and don't "
                "climb hard two days in a row for a bit."),
            (U, "the rental shoes were grim. what shoes shd i get as a beginner"),
            (A, "For a beginner, go for comfort and a flat-ish shape. Three good options:\n"
                "1. La Sportiva Tarantulace - durable, laces, very popular first shoe.\n"
                "2. Scarpa Origin - velcro, comfy, easy on and off between problems.\n"
                "3. Evolv Defy - cheap, hard-wearing, good if you're not sure you'll stick with it.\n"
                "Try them on in a shop if you can; snug but not painful."),
            (U, "k ta"),
        ]},
        {"id": "s04", "date": "2023-04-22 13:05", "turns": [
            (U, "picked up the cat from the rescue this morning!!"),
            (A, "Congratulations! What's her name?"),
            (U, "biscuit. the rescue named her, we kept it, suits her. shes hiding under the sofa"),
            (A, "Totally normal for the first few days. Keep her in one quiet room with food, "
                "water and a litter tray, and let her come to you."),
            (U, "my mums dog pepper is gonna lose her mind when she visits"),
            (A, "Introduce them slowly - a few short supervised meetings, and give Biscuit a high "
                "place to escape to."),
        ]},
        {"id": "s05", "date": "2023-05-06 22:30", "turns": [
            (U, "fontaines dc tonight at victoria warehouse. loudest thing ive ever heard"),
            (A, "Victoria Warehouse is huge - hope you had earplugs! How was the setlist?"),
            (U, "mostly skinty fia stuff. almost got the 90 quid arctic monkeys seats for june "
                "too but passed, too skint"),
            (A, "Probably wise - there'll be other tours. Glad tonight was worth it."),
        ]},
        {"id": "s06", "date": "2023-05-13 10:40", "turns": [
            (U, "finished the bouldering course thurs, got the little cert lol"),
            (A, "Nice one! Are you going to keep climbing at the same wall?"),
            (U, "ya got a membership. need more protein tho apparently. im veggie so no chicken "
                "suggestions pls"),
            (A, "Easy veggie protein: eggs, Greek yoghurt, lentils, chickpeas, tofu, tempeh, "
                "edamame, cottage cheese, peanut butter and seitan. A lentil dal or a tofu stir-fry "
                "after climbing covers it."),
        ]},
        {"id": "s07", "date": "2023-06-03 17:22", "turns": [
            (U, "got the keys to our place in salford today!!!"),
            (A, "Amazing, congratulations! Do you want a checklist for the first week?"),
            (U, "ya go on"),
            (A, "1. Take meter readings and photos of every room.\n2. Register for council tax "
                "and set up energy, water and broadband.\n3. Change your address with the bank, "
                "GP and DVLA.\n4. Test smoke alarms.\n5. Find the stopcock and fuse box.\n6. "
                "Update Biscuit's microchip address!"),
            (U, "lol forgot abt the chip. rents 1100 but me and dan split it so its fine. beats "
                "gary and the mould cave"),
        ]},
        {"id": "s08", "date": "2023-06-26 09:01", "turns": [
            (U, "first day at brightloop today. bit nervous ngl"),
            (A, "Good luck! First days are mostly laptops and logins. Anything you want to prep?"),
            (U, "how do i set up an ssh key for github"),
            (A, "Run `ssh-keygen -t ed25519 -C \"you@example.com\"`, accept the default path, then "
                "copy the contents of `~/.ssh/id_ed25519.pub` into GitHub under Settings > SSH and "
                "GPG keys. Test with `ssh -T git@github.com`."),
            (U, "worked. ty"),
        ]},
        {"id": "s09", "date": "2023-07-15 23:10", "turns": [
            (U, "self esteem at the academy tonight, she was incredible"),
            (A, "Great! Did she do Prioritise Pleasure?"),
            (U, "ya. got a curry after, had to ask for no coriander, cant stand the stuff. "
                "tastes like soap"),
            (A, "That's a real thing - for some people coriander genuinely tastes soapy because "
                "of a smell receptor gene. Glad the gig was good."),
        ]},
        {"id": "s10", "date": "2023-08-05 15:30", "turns": [
            (U, "amy is down from glasgow this wknd"),
            (A, "Nice! Any plans with your sister?"),
            (U, "we were gonna do scafell pike but bailed, weather was rank. did catbells instead"),
            (A, "Catbells is a lovely walk - great views over Derwentwater for not much effort."),
            (U, "ya she loved it. shes been in glasgow 2 yrs now, doesnt get out much"),
        ]},
        {"id": "s11", "date": "2023-08-12 12:00", "turns": [
            (U, "need a simple budget. rent share is 550, bills about 120, travel 60"),
            (A, "That's 730 a month fixed. A simple method: after those, split what's left 50/30/20 "
                "between everyday spending, fun and savings. Want a spreadsheet layout?"),
            (U, "nah thats enough ta"),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "single-session-user", "question": "whats the cat called again",
         "answer": "Biscuit", "evidence": [("s04", "biscuit. the rescue")]},
        {"id": "q02", "type": "single-session-assistant",
         "question": "which shoe did u put second on that list of climbing shoes",
         "answer": "The Scarpa Origin", "evidence": [("s03", "Scarpa Origin")]},
        {"id": "q03", "type": "single-session-preference",
         "question": "knackered after climbing, give me an idea for tea tonight",
         "answer": "The user would prefer a quick vegetarian (meat-free) meal with no coriander in "
                   "it, ideally with some protein for after climbing.",
         "evidence": [("s06", "im veggie"), ("s09", "no coriander")]},
        {"id": "q04", "type": "multi-session", "question": "how many gigs have i been to this year",
         "answer": "3", "evidence": [("s02", "wet leg"), ("s05", "fontaines dc"), ("s09", "self esteem")]},
        {"id": "q05", "type": "knowledge-update", "question": "which firm am i at these days",
         "answer": "Brightloop", "evidence": [("s01", "halden print"), ("s08", "first day at brightloop")]},
        {"id": "q06", "type": "knowledge-update", "question": "how much is the rent on my place now, the whole thing",
         "answer": "£1,100 (a month, split with Dan: £550 each)",
         "evidence": [("s01", "paying 720"), ("s07", "rents 1100"),
                      ("s11", "rent share is 550")]},
        {"id": "q07", "type": "temporal-reasoning",
         "question": "how many days from my first bouldering class to finishing the course",
         "answer": "38 days",
         "evidence": [("s03", "first bouldering class"), ("s06", "finished the bouldering course")]},
        {"id": "q08", "type": "temporal-reasoning",
         "question": "what happened first, getting biscuit or finishing bouldering",
         "answer": "Getting Biscuit",
         "evidence": [("s04", "picked up the cat"), ("s06", "finished the bouldering course")]},
        {"id": "q09", "type": "temporal-reasoning", "question": "how long ago did we get the keys to the salford place",
         "answer": "78 days (about 11 weeks)",
         "evidence": [("s07", "got the keys")]},
        {"id": "q10", "type": "single-session-user", "abs": True, "question": "what does amy do for work",
         "answer": "You never said what your sister Amy does for work (only that she lives in Glasgow).",
         "evidence": []},
        {"id": "q11", "type": "single-session-user", "abs": True, "question": "whats my dog called",
         "answer": "You never mentioned having a dog: your cat is Biscuit, and Pepper is your mum's dog.",
         "evidence": []},
    ],
}

# ---------------------------------------------------------------------------------------------
# p2: chatty rambler (Bristol, retired)
# ---------------------------------------------------------------------------------------------
P2 = {
    "key": "p2",
    "register": "chatty rambler",
    "question_date": "2023-07-02 09:40",
    "fillers": [("f02", "2023-01-15 16:30"), ("f04", "2023-02-12 10:05"), ("f08", "2023-03-22 21:10"),
                ("f09", "2023-04-07 14:44"), ("f11", "2023-05-13 09:15"), ("f06", "2023-06-05 07:58"),
                ("f05", "2023-06-28 18:20")],
    "sessions": [
        {"id": "s01", "date": "2023-01-09 10:12", "turns": [
            (U, "Morning! Well, I finally finished The Thursday Murder Club for book club - I know, "
                "I know, everyone read it years ago, but honestly I couldn't put it down, it's just "
                "my sort of thing, clever and funny and nobody gets horribly chopped up. Could you "
                "give me a few questions to get the discussion going on Thursday? There's six of "
                "us and half of them never say a word."),
            (A, "What a good choice for a group! Some openers:\n1. Which member of the club would "
                "you most like to have a cup of tea with, and why?\n2. How does the book use "
                "humour alongside the murders?\n3. Did the retirement village setting feel "
                "realistic to you?\n4. Who did you suspect, and when did you change your mind?\n"
                "5. What does the book say about getting older?"),
            (U, "Oh number 5 is perfect, we'll have plenty to say about that! Ron says I should "
                "ask which of us would be Elizabeth. I told him that's obviously me. Anyway I'd "
                "better go, I've got the grandchildren coming at the weekend - well, two of the "
                "three, Laura's two, Ellie and Sam, they're coming down from Leeds. Mark's little "
                "Oscar is too far away in Cardiff to just pop over, more's the pity."),
            (A, "That sounds like a lovely weekend. Enjoy your book club on Thursday!"),
        ]},
        {"id": "s02", "date": "2023-01-24 15:40", "turns": [
            (U, "Oh what a day. The Fiesta failed its MOT - the man at the garage sucked his teeth "
                "and said it'd be nine hundred pounds to put right, corrosion underneath or some "
                "such. Ron says just get rid of it, which is easy for him to say, he's still "
                "driving his old Transit that sounds like a tractor. What are reliable little "
                "cars these days? Nothing flashy, I just want something that starts."),
            (A, "With a repair bill that size on an older car, replacing it is reasonable. "
                "Reliable small cars with a good track record: the Toyota Yaris (very reliable, "
                "the hybrid is cheap to run), the Honda Jazz (roomy, great for getting in and out "
                "of) and the Kia Picanto (cheap to buy and insure, long warranty). A few years old "
                "from a main dealer is a good balance."),
            (U, "The Jazz is what my friend Maureen has, she swears by it. I'll have a look at "
                "the weekend. Thank you dear."),
        ]},
        {"id": "s03", "date": "2023-02-06 09:30", "turns": [
            (U, "Started physio on my knee last Wednesday, finally, after waiting since before "
                "Christmas. She's given me a sheet of exercises - squats against the wall and "
                "lifting my leg with a tin of beans on my ankle, would you believe. Is it normal "
                "for it to ache a bit afterwards? I don't want to overdo it, I need it working for "
                "my Tuesdays at the Oxfam shop on Gloucester Road, I'm on my feet all day there."),
            (A, "Some ache after rehab exercises is normal, especially in the first couple of "
                "weeks - mild soreness that settles within a day is fine. Sharp pain, swelling or "
                "pain that keeps you awake is a reason to tell your physiotherapist. Doing the "
                "exercises little and often usually works better than a lot in one go."),
            (U, "Little and often, I'll remember that. Thank you."),
        ]},
        {"id": "s04", "date": "2023-02-20 14:05", "turns": [
            (U, "It's Ron's birthday on Saturday and he's asked for a proper cream tea, which "
                "means scones, and mine always come out like rock cakes. What am I doing wrong? "
                "Give me a recipe that works please!"),
            (A, "The usual culprits are overworking the dough and an oven that isn't hot enough. "
                "Rub 50 g cold butter into 225 g self-raising flour with a pinch of salt, stir in "
                "25 g caster sugar, then add 150 ml milk and bring it together with a knife - stop "
                "as soon as it holds. Pat it out 3 cm thick, cut straight down without twisting, "
                "glaze with beaten egg, and bake at 220°C (200°C fan) for about 12 minutes until "
                "risen and golden."),
            (U, "Don't twist the cutter! I've been twisting for forty years. We'll see on "
                "Saturday."),
        ]},
        {"id": "s05", "date": "2023-03-04 11:45", "turns": [
            (U, "Well, we went for it! Picked up the Yaris this morning, the blue one, it's "
                "ever so quiet, I keep thinking it's not switched on. Ron pretended not to be "
                "impressed but he's been out to look at it three times. Now how do I get my phone "
                "to play music through it? There's a screen and I'm frightened to press anything."),
            (A, "Congratulations! Usually: turn on Bluetooth on your phone, then on the car's "
                "screen go to Phone or Settings > Bluetooth > Add device. Pick the car's name on "
                "your phone, check the code matches on both, and accept. After that it should "
                "connect by itself whenever you get in."),
            (U, "Done it! Elvis is playing. Ron has left the room."),
        ]},
        {"id": "s06", "date": "2023-03-15 19:20", "turns": [
            (U, "Finished Lessons in Chemistry last night for the book club, oh I did love "
                "Elizabeth Zott, and the dog! Laura keeps telling me to read Yellowface, she says "
                "it's brilliant, but that's her taste not mine, it sounds far too clever for me. "
                "Also - holiday news - we very nearly booked Portugal, I had the page open and "
                "everything, but Ron won't get on a plane, so it's St Ives in September instead, "
                "the cottage is booked for a week. Do you think it'll be warm enough to swim?"),
            (A, "Lessons in Chemistry is a great book-club book. As for St Ives: September is one "
                "of the best months in Cornwall - the sea is at its warmest after the summer, "
                "around 16-17°C, so a swim is very doable on a sunny day, and it's quieter once "
                "the schools go back."),
            (U, "Sixteen degrees, brr. I'll paddle and Ron can swim."),
        ]},
        {"id": "s07", "date": "2023-03-30 16:10", "turns": [
            (U, "Gardening question. There's a horrible shady strip by the shed where nothing "
                "grows except moss and Ron's old bike. What would be happy there? It gets maybe "
                "an hour of sun in the morning."),
            (A, "Plenty of plants love that. Try:\n- Hostas (lovely leaves, watch for slugs)\n"
                "- Japanese painted fern (silvery fronds, brightens a dark corner)\n"
                "- Hellebores (flowers in late winter)\n- Foxgloves (tall, cottagey)\n"
                "- Astilbe (feathery plumes if the soil stays damp)\n"
                "Dig in some compost first; shady soil under a shed is often dry."),
            (U, "A silver fern sounds just the thing. And the bike is going to the tip whether "
                "Ron likes it or not."),
        ]},
        {"id": "s08", "date": "2023-04-18 12:30", "turns": [
            (U, "Good news, I was signed off by the physio this morning! She says the knee's as "
                "good as it's going to get and I should keep up the exercises at home. Bad news, "
                "I've given up on Tomorrow, and Tomorrow, and Tomorrow halfway through, which is "
                "this month's book club book - all computer games, I couldn't follow it. Is it "
                "terrible to go to book club without finishing?"),
            (A, "Congratulations on being signed off! And not at all - plenty of people go "
                "without finishing, and \"why it didn't work for me\" often makes for the best "
                "discussion. You could say what you liked about the first half and where you lost "
                "the thread."),
            (U, "That's what I'll do. I liked Sam and Sadie at the start, to be fair."),
        ]},
        {"id": "s09", "date": "2023-05-02 08:55", "turns": [
            (U, "Jo had the baby on Sunday!! A little girl, Rosie, 7lb 2oz, both doing well. "
                "Mark sent a photo at 3 in the morning and I cried all over Ron. Oscar is a big "
                "brother now, he's very serious about it. I want to knit her something - what's a "
                "simple baby cardigan pattern for someone who hasn't knitted in twenty years?"),
            (A, "Congratulations, what wonderful news! A top-down raglan cardigan is the easiest "
                "to get back into: it's knitted in one piece, so there's almost no sewing up. Look "
                "for a 0-3 months pattern in DK yarn on 4 mm needles - many free ones exist, and "
                "a soft cotton or merino blend is kind to baby skin."),
            (U, "Lovely. Mark was offered a job in Swansea last month too but turned it down, so "
                "they're staying put in Cardiff, which suits me, I know the way."),
        ]},
        {"id": "s10", "date": "2023-05-25 17:40", "turns": [
            (U, "I was at the shop all day today - I've taken Brenda's Thursday slot since she "
                "moved down to Devon, and someone's given us a whole box of 1970s Denby. How do I "
                "work out what to price it at? I don't want to give it away, it's for a good "
                "cause."),
            (A, "Check sold listings (not asking prices) on eBay for the same pattern - Denby "
                "patterns have names stamped on the base, like Arabesque or Greenwheat. Price a "
                "little under the typical sold price for quick sales, and sell sets together when "
                "they're complete."),
            (U, "Arabesque! That's the one. Thank you."),
        ]},
        {"id": "s11", "date": "2023-06-14 20:00", "turns": [
            (U, "Finished The Marriage Portrait for book club, goodness. Beautifully written but "
                "that ending was a bit much for me, you know I can't be doing with blood and "
                "gore, give me a nice poisoning in a vicarage any day. Any questions for the group "
                "on this one?"),
            (A, "A few:\n1. How does the painting of Lucrezia shape the story?\n2. Did the ending "
                "work for you?\n3. How does the book show the limits on a young woman's life in "
                "1550s Italy?\n4. What did you make of Alfonso - villain or product of his time?"),
            (U, "Number 2 will get Margaret going, she hated it."),
        ]},
        {"id": "s12", "date": "2023-06-24 10:30", "turns": [
            (U, "Now what should we actually do in St Ives? Ron likes walking, I like looking at "
                "things and having a scone. We'll have the car, but parking's meant to be awful."),
            (A, "A good mix for you both:\n- Tate St Ives and the Barbara Hepworth Museum and "
                "Sculpture Garden (for you)\n- The coast path from St Ives to Zennor - about six "
                "miles, wild and beautiful, with the Tinners Arms at the end and a bus back (for "
                "Ron, or both)\n- Porthmeor beach for a paddle\n- Park at the Trenwith car park and "
                "walk down, or use the park-and-ride train from Lelant Saltings."),
            (U, "The walk to Zennor with a pub at the end, he'll be in heaven."),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "single-session-user", "question": "Where is it we're off to in September, remind me?",
         "answer": "St Ives (in Cornwall)", "evidence": [("s06", "St Ives in September")]},
        {"id": "q02", "type": "single-session-user", "question": "What's my son's little boy called?",
         "answer": "Oscar", "evidence": [("s01", "little Oscar")]},
        {"id": "q03", "type": "single-session-assistant",
         "question": "What oven temperature did you give me for the scones?",
         "answer": "220°C (200°C fan)", "evidence": [("s04", "220°C")]},
        {"id": "q04", "type": "single-session-assistant",
         "question": "Which walk was it you suggested for Ron when we're down in Cornwall?",
         "answer": "The coast path from St Ives to Zennor (about six miles, ending at the Tinners Arms)",
         "evidence": [("s12", "coast path")]},
        {"id": "q05", "type": "single-session-preference",
         "question": "Could you recommend a couple of books for me to take on holiday?",
         "answer": "The user would prefer cosy, gentle crime/mystery novels like The Thursday Murder "
                   "Club - clever and funny, not gory or bloody.",
         "evidence": [("s01", "nobody gets horribly chopped up"), ("s11", "blood and gore")]},
        {"id": "q06", "type": "multi-session",
         "question": "How many book club books have I actually finished so far this year?",
         "answer": "3", "evidence": [("s01", "finally finished"), ("s06", "Finished Lessons in Chemistry"),
                                     ("s08", "given up on"), ("s11", "Finished The Marriage Portrait")]},
        {"id": "q07", "type": "multi-session", "question": "How many of my grandchildren live in Cardiff?",
         "answer": "2 (Oscar and Rosie)", "evidence": [("s01", "little Oscar"), ("s09", "Rosie")]},
        {"id": "q08", "type": "knowledge-update", "question": "How many grandkids have I got now?",
         "answer": "4", "evidence": [("s01", "two of the three"), ("s09", "Rosie")]},
        {"id": "q09", "type": "knowledge-update", "question": "What car am I running about in these days?",
         "answer": "Yaris (a blue Toyota Yaris)", "evidence": [("s02", "Fiesta failed"), ("s05", "Picked up the Yaris")]},
        {"id": "q10", "type": "knowledge-update", "question": "Which day do I do at the charity shop?",
         "answer": "Thursday", "evidence": [("s03", "Tuesdays at the Oxfam"), ("s10", "Thursday slot")]},
        {"id": "q11", "type": "temporal-reasoning",
         "question": "How long was I going to physio for, from starting to being signed off?",
         "answer": "76 days (about 11 weeks)",
         "evidence": [("s03", "Started physio"), ("s08", "signed off by the physio")]},
        {"id": "q12", "type": "temporal-reasoning",
         "question": "Which came first, the physio signing me off or Rosie arriving?",
         "answer": "Being signed off by the physio",
         "evidence": [("s08", "signed off by the physio"), ("s09", "Jo had the baby")]},
        {"id": "q13", "type": "single-session-user", "abs": True, "question": "How much did we pay for the Yaris in the end?",
         "answer": "You never said what the Yaris cost (only that the Fiesta's repair would have been £900).",
         "evidence": []},
    ],
}

# ---------------------------------------------------------------------------------------------
# p3: formal register (London, research analyst)
# ---------------------------------------------------------------------------------------------
P3 = {
    "key": "p3",
    "register": "formal",
    "question_date": "2023-09-10 11:00",
    "fillers": [("f09", "2023-02-25 15:10"), ("f12", "2023-03-29 10:40"), ("f03", "2023-04-30 08:30"),
                ("f07", "2023-06-02 16:05"), ("f11", "2023-07-12 12:15"), ("f04", "2023-08-02 09:50"),
                ("f08", "2023-08-27 20:40")],
    "sessions": [
        {"id": "s01", "date": "2023-02-13 09:15", "turns": [
            (U, "Good morning. I should be grateful for your help in drafting a letter to my "
                "landlady, Mrs Okonkwo, concerning the boiler, which has failed twice this month. "
                "I work from home on Mondays, so the lack of heating is not a trivial matter."),
            (A, "Certainly. A draft:\n\n\"Dear Mrs Okonkwo,\nI am writing about the boiler at the "
                "flat, which has failed on two occasions this month, most recently on 11 February. "
                "As I work from home part of the week, reliable heating is essential. I would be "
                "grateful if you could arrange for a Gas Safe engineer to inspect it at your "
                "earliest convenience. I am happy to provide access on any weekday.\nYours "
                "sincerely,\""),
            (U, "That is admirably concise. I shall add that I have been a tenant for four years "
                "without complaint. My employer, Harcourt & Lowe, is not known for its patience "
                "with analysts who cannot join calls."),
            (A, "A sensible addition - a long, trouble-free tenancy strengthens your request."),
        ]},
        {"id": "s02", "date": "2023-03-08 20:30", "turns": [
            (U, "Yesterday evening I attended the first lesson of a Mandarin evening course. The "
                "tones are proving rather more difficult than I had anticipated. What practice "
                "would you recommend for a beginner?"),
            (A, "Tones are the hardest part at the start. Practise them in pairs rather than "
                "alone (for example, first tone followed by fourth), since that is how they "
                "occur in speech; record yourself and compare with a native recording; and use "
                "your hand to trace the pitch contour as you speak. Ten minutes daily is worth "
                "more than an hour once a week."),
            (U, "Thank you. I shall adopt the ten-minute discipline."),
        ]},
        {"id": "s03", "date": "2023-03-13 07:40", "turns": [
            (U, "I ran the Bath Half yesterday, in 1:52:40. I travelled down by train, naturally; "
                "I avoid flying wherever a train will do. What is the appropriate recovery "
                "regime for the coming week?"),
            (A, "Congratulations. For the first two or three days, walk and perhaps swim or "
                "cycle gently; avoid running until the muscle soreness has largely gone. Later in "
                "the week, one or two short, easy runs are fine. Eat and sleep well, and leave "
                "any hard sessions until the following week."),
        ]},
        {"id": "s04", "date": "2023-04-21 18:00", "turns": [
            (U, "I presented my paper on survey non-response at the Social Research Association "
                "conference in Manchester yesterday. It was received courteously, if not "
                "rapturously. I have also been invited to a workshop in Lisbon in June, which I "
                "intend to decline: the timing is impossible. Would you draft a gracious refusal?"),
            (A, "Of course:\n\n\"Dear Professor Almeida,\nThank you very much for your kind "
                "invitation to the June workshop in Lisbon. I am sorry to say that prior "
                "commitments prevent me from attending on this occasion. I would be delighted to "
                "be considered for future events, and I hope the workshop is a great success.\n"
                "With kind regards,\""),
            (U, "Excellent. I have sent it unaltered."),
        ]},
        {"id": "s05", "date": "2023-05-10 12:20", "turns": [
            (U, "A question on behalf of a colleague, David. His landlord, a Mr Patel, proposes "
                "to raise the rent by fifteen per cent. Is there a procedure the landlord must "
                "follow in England?"),
            (A, "For a periodic assured shorthold tenancy, the landlord usually has to use a "
                "Section 13 notice, give at least one month's notice (for a monthly tenancy), and "
                "the increase can be challenged at the First-tier Tribunal if it is above the "
                "market rate. If David is still in a fixed term, the rent can only rise if the "
                "tenancy agreement has a rent review clause or he agrees."),
            (U, "I shall pass that on. Thank you."),
        ]},
        {"id": "s06", "date": "2023-05-29 10:00", "turns": [
            (U, "I completed the Edinburgh half marathon yesterday in 1:49:05, which, I confess, "
                "pleased me. The train journey back was rather less pleasant: four hours beside "
                "a stag party. May I ask how one best treats a blister on the sole of the foot?"),
            (A, "Well done. If the blister is intact, leave it intact and cover it with a "
                "hydrocolloid plaster. If it has burst, wash it gently, leave the skin flap in "
                "place, and cover it. Watch for redness, warmth or pus, which would suggest "
                "infection."),
        ]},
        {"id": "s07", "date": "2023-06-16 17:30", "turns": [
            (U, "Our final Mandarin class was on Tuesday evening, and the tutor presented "
                "certificates. I should not like to lose what I have learned over the summer. "
                "What resources would you recommend for independent study?"),
            (A, "A few that suit self-study well:\n1. Pleco - the standard dictionary app, with "
                "flashcards and handwriting input.\n2. HelloChinese - short daily lessons.\n3. "
                "Mandarin Corner on YouTube - natural speech with subtitles.\n4. A language "
                "exchange (Tandem or HelloTalk) for conversation practice.\n5. Graded readers "
                "such as the Mandarin Companion series."),
            (U, "Most helpful. I shall begin with the dictionary and the graded readers."),
        ]},
        {"id": "s08", "date": "2023-07-03 08:45", "turns": [
            (U, "This morning was my induction at the Marlowe Foundation. The building on Euston "
                "Road is remarkable. I should value some advice on conducting oneself in the "
                "first week in a grant-making organisation, as opposed to a consultancy."),
            (A, "A few suggestions: listen more than you speak for the first fortnight; ask "
                "colleagues how decisions are actually made, which often differs from the "
                "organisation chart; read the last year's board papers and strategy; and arrange "
                "short introductory conversations with the programme teams you will support."),
            (U, "Sound advice. The pace is certainly gentler than Harcourt & Lowe."),
        ]},
        {"id": "s09", "date": "2023-07-20 19:10", "turns": [
            (U, "My sister Margaret is visiting from Toronto in August. She has seen the major "
                "museums on previous visits. Could you suggest some less obvious outings in "
                "London? My husband, Julian, will unfortunately be at a conference in Vienna "
                "for most of her stay."),
            (A, "Some quieter choices: Sir John Soane's Museum; the Wallace Collection; a walk "
                "along the Regent's Canal from Little Venice to Camden; Eltham Palace; the "
                "Leighton House museum; and Kew Gardens on a weekday morning."),
            (U, "The Soane Museum will suit her admirably."),
        ]},
        {"id": "s10", "date": "2023-08-14 14:30", "turns": [
            (U, "I am to speak at the Royal Statistical Society conference in Harrogate early "
                "next month. I shall travel by train via Leeds. Could you recommend hotels within "
                "walking distance of the convention centre?"),
            (A, "Three good options:\n- The Crown Hotel - the closest, about a three-minute walk "
                "from the Harrogate Convention Centre.\n- Hotel du Vin - on the Stray, roughly "
                "ten minutes on foot.\n- The Majestic Hotel - grand, Victorian, around five "
                "minutes away.\nBook early; rooms go quickly during conference weeks."),
            (U, "I shall book the closest one."),
        ]},
        {"id": "s11", "date": "2023-09-06 21:00", "turns": [
            (U, "I delivered my paper at the RSS conference yesterday, and the discussion was "
                "unusually lively. Would you help me with a brief note of thanks to the session "
                "chair, Dr Fenwick?"),
            (A, "\"Dear Dr Fenwick,\nThank you for chairing yesterday's session so ably. The "
                "discussion after my paper was among the most useful I have had, and that owed a "
                "great deal to your handling of the questions. I hope our paths cross again "
                "soon.\nWith best wishes,\""),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "single-session-user", "question": "Could you remind me of my landlady's name?",
         "answer": "Mrs Okonkwo", "evidence": [("s01", "Mrs Okonkwo, concerning")]},
        {"id": "q02", "type": "single-session-assistant",
         "question": "Which hotel did you say was nearest to the convention centre in Harrogate?",
         "answer": "The Crown Hotel (about a three-minute walk)", "evidence": [("s10", "The Crown Hotel")]},
        {"id": "q03", "type": "single-session-assistant",
         "question": "What was the dictionary application you recommended for my Chinese?",
         "answer": "Pleco", "evidence": [("s07", "Pleco")]},
        {"id": "q04", "type": "single-session-preference",
         "question": "I have a meeting in Edinburgh next month. How would you suggest I travel there?",
         "answer": "The user would prefer to go by train (e.g. from London King's Cross) rather than "
                   "fly; they avoid flying wherever a train will do.",
         "evidence": [("s03", "avoid flying")]},
        {"id": "q05", "type": "multi-session",
         "question": "At how many conferences have I presented a paper this year?",
         "answer": "2 (the Social Research Association conference in Manchester and the RSS conference "
                   "in Harrogate)",
         "evidence": [("s04", "I presented my paper"), ("s11", "I delivered my paper")]},
        {"id": "q06", "type": "multi-session", "question": "How many half marathons have I completed in 2023?",
         "answer": "2", "evidence": [("s03", "Bath Half"), ("s06", "Edinburgh half marathon")]},
        {"id": "q07", "type": "knowledge-update", "question": "By whom am I employed at present?",
         "answer": "The Marlowe Foundation",
         "evidence": [("s01", "Harcourt & Lowe, is not"), ("s08", "induction at the Marlowe")]},
        {"id": "q08", "type": "knowledge-update", "question": "What is my quickest time for a half marathon?",
         "answer": "1:49:05 (Edinburgh)", "evidence": [("s03", "1:52:40"), ("s06", "1:49:05")]},
        {"id": "q09", "type": "temporal-reasoning", "question": "For how many weeks did the Mandarin course run?",
         "answer": "14 weeks (98 days)",
         "evidence": [("s02", "first lesson"), ("s07", "final Mandarin class")]},
        {"id": "q10", "type": "temporal-reasoning", "question": "Approximately how long ago did I run the Bath Half?",
         "answer": "182 days (about six months)", "evidence": [("s03", "Bath Half")]},
        {"id": "q11", "type": "temporal-reasoning",
         "question": "Which did I complete first: the Mandarin course or the Edinburgh half marathon?",
         "answer": "The Edinburgh half marathon",
         "evidence": [("s06", "Edinburgh half marathon"), ("s07", "final Mandarin class")]},
        {"id": "q12", "type": "temporal-reasoning", "abs": True,
         "question": "How many days did I spend in Lisbon for the workshop?",
         "answer": "You did not go to Lisbon: you declined the June workshop invitation, so there is no "
                   "stay to count.",
         "evidence": []},
        {"id": "q13", "type": "single-session-user", "abs": True, "question": "What is my brother's profession?",
         "answer": "You have not mentioned a brother (only your sister Margaret in Toronto and your "
                   "husband Julian).",
         "evidence": []},
    ],
}

# ---------------------------------------------------------------------------------------------
# p4: non-native-ish English with some typos (Dublin)
# ---------------------------------------------------------------------------------------------
P4 = {
    "key": "p4",
    "register": "non-native English with typos",
    "question_date": "2023-10-28 10:30",
    "fillers": [("f10", "2023-04-14 09:20"), ("f02", "2023-05-06 15:45"), ("f01", "2023-06-11 20:05"),
                ("f05", "2023-07-30 19:00"), ("f06", "2023-08-29 07:40"), ("f12", "2023-10-03 14:25"),
                ("f03", "2023-10-21 11:10")],
    "sessions": [
        {"id": "s01", "date": "2023-04-03 19:30", "turns": [
            (U, "hello, today i start the IELTS prepration course in the evening, on Capel street. "
                "can you check my email to the teacher pls? \"Dear Ms Byrne, I am writting for "
                "ask if I can come 10 minute late on mondays because my shift in Kaffe Mila "
                "finish at 6 and the bus to Phibsborough is long.\""),
            (A, "Of course! A corrected version: \"Dear Ms Byrne, I am writing to ask whether I "
                "could arrive ten minutes late on Mondays, as my shift at Kaffe Mila finishes at "
                "6 pm and my journey home to Phibsborough is long. Thank you for your understanding. Kind regards, Marta\""),
            (U, "thank you so much, is more polite like this"),
        ]},
        {"id": "s02", "date": "2023-04-25 21:00", "turns": [
            (U, "i want open etsy shop for my paper cuttings, the polish ones, wycinanki. i need "
                "a name in english, something nice. you have ideas?"),
            (A, "Here are a few ideas:\n1. Paper Stork - the stork is a classic motif in Polish "
                "folk art\n2. Wycinanki Studio - clear about what you sell\n3. Little Folk Cuts\n"
                "4. Cut & Colour Folk\nCheck that the name is free on Etsy and as a web domain "
                "before you decide."),
            (U, "ooh i like the bird one. i will think"),
        ]},
        {"id": "s03", "date": "2023-05-14 11:15", "turns": [
            (U, "my bike brakes was making horrible noise so i bring it to the shop, they change "
                "the pads, 45 euro :( my boyfriend Kuba paid 60 for his chain last month so i "
                "am not the worst. how i can take care of brakes myself so not happen again?"),
            (A, "A few simple habits: wipe the rims (or discs) with a clean cloth after wet "
                "rides; check the pads every few weeks - most have a wear line; keep oil and "
                "chain lube away from the braking surfaces; and if they squeal, cleaning the rim "
                "with a bit of rubbing alcohol often fixes it."),
            (U, "ok i try, thanks"),
        ]},
        {"id": "s04", "date": "2023-06-02 20:10", "turns": [
            (U, "i did the mock IELTS test today, i get 6.0 :( writing is the worst part. my "
                "friends bring cheescake to cheer me but i can not eat it, i am lactose "
                "intolerant, so i just watch them lol. how i improve writing fast?"),
            (A, "6.0 is a solid base to build on. For writing: learn the structure for Task 1 "
                "(overview + key features) and Task 2 (clear position, two body paragraphs, "
                "conclusion); write one timed essay every two days and compare it with band 7+ "
                "model answers; and keep a list of your repeated grammar mistakes - articles and "
                "verb tenses are the usual ones."),
            (U, "articles yes. i never know the \"the\""),
        ]},
        {"id": "s05", "date": "2023-06-22 18:40", "turns": [
            (U, "my brother Tomek has birthday next week, he is studing architecture in Krakow. "
                "what i can send him? not too expensive. my cousin Ola say send money but she is "
                "nurse in Berlin she is rich haha"),
            (A, "Some ideas for an architecture student: a good set of fineliner pens (like "
                "Staedtler Pigment Liners), a small sketchbook, a book such as \"101 Things I "
                "Learned in Architecture School\", or a framed print of a Dublin building he "
                "might like - Dublin's Georgian doors are a classic."),
            (U, "the pens and the book, perfect"),
        ]},
        {"id": "s06", "date": "2023-07-09 22:00", "turns": [
            (U, "tomorow i fly to Krakow!! two weeks with my family. what i should not forget? "
                "i always forget something"),
            (A, "Quick checklist: passport or ID card, boarding pass, phone charger and an EU "
                "plug (Poland uses the same two-pin plugs as the rest of mainland Europe, not "
                "Irish three-pin), medicines, your bank card, presents for the family, and your "
                "house keys for when you come back!"),
            (U, "adapter!! i forgot last time. thanks"),
        ]},
        {"id": "s07", "date": "2023-07-26 17:05", "turns": [
            (U, "i am back in dublin since two days, so sad, i miss my mama cooking already. "
                "and first day i cycle to work i get a puncture, the new tyre was 30 euro. what "
                "pressure i should put in tyres for city bike?"),
            (A, "Welcome back! For a city or hybrid bike, usually 50-70 psi - the allowed range is "
                "printed on the side of the tyre. Lower in that range is more comfortable, higher "
                "is faster and less likely to puncture."),
            (U, "ok i check the side, thank you"),
        ]},
        {"id": "s08", "date": "2023-08-20 13:00", "turns": [
            (U, "yesterday we get the keys of the flat in Rathmines!!! finally no more the "
                "Phibsborough house with six people and one bathroom. me and Kuba only. how i "
                "set up electricity, is in my name or landlord?"),
            (A, "Congratulations! Check your lease: usually the tenant sets up electricity. Take "
                "a meter reading and photo on the first day, then call a supplier (Electric "
                "Ireland, Bord Gáis, SSE Airtricity, Energia...) with the MPRN number, which is on "
                "the meter or an old bill. It normally takes a few days."),
            (U, "landlord give me old bill, i find the MPRN. thanks"),
        ]},
        {"id": "s09", "date": "2023-09-04 20:30", "turns": [
            (U, "today was my first shift in the pharmacy at St James hospital. so many names of "
                "medicine, my head is exploding. how i can remember them faster?"),
            (A, "Lots of people find these help: learn drug names by their endings, which tell "
                "you the family (-olol for beta blockers, -pril for ACE inhibitors, -statin for "
                "statins); make flashcards for the twenty you see most often; and say the names "
                "out loud when you pick them from the shelf."),
            (U, "-pril, -olol, i like this trick"),
        ]},
        {"id": "s10", "date": "2023-09-23 12:00", "turns": [
            (U, "IELTS result came!!! 7.0 overall, writing 6.5. i am so happy. also somebody "
                "steal my bike light in the city, new one 20 euro, but today i dont care haha"),
            (A, "Congratulations, that's a big jump - well done! A 7.0 overall opens a lot of "
                "doors. Sorry about the light; a clip-on one you can take with you is a good idea "
                "in the city centre."),
        ]},
        {"id": "s11", "date": "2023-10-12 19:45", "turns": [
            (U, "i want cook something for me tonight, very spicy. my mama say i eat like a "
                "dragon, i put chili in everything. but no milk things, my stomach say no. also "
                "Kuba want to start driving lessons, i say good luck, i take the bus"),
            (A, "Try a spicy chickpea and tomato curry made with coconut milk instead of cream or "
                "yoghurt: fry onion, garlic, ginger and two or three fresh chillies, add curry "
                "powder and chilli flakes, then a tin of tomatoes, a tin of chickpeas and half a "
                "tin of coconut milk. Simmer for 20 minutes and serve with rice. Dairy-free and "
                "as hot as you like."),
            (U, "perfect, i put 4 chillies"),
        ]},
    ],
    "questions": [
        {"id": "q01", "type": "single-session-user", "question": "what my brother is studing?",
         "answer": "Architecture (in Kraków)", "evidence": [("s05", "studing architecture")]},
        {"id": "q02", "type": "single-session-assistant", "question": "which name you suggested first for my etsy shop?",
         "answer": "Paper Stork", "evidence": [("s02", "Paper Stork")]},
        {"id": "q03", "type": "single-session-preference",
         "question": "friends come to me on saturday, 6 person, what i should cook?",
         "answer": "The user would prefer dairy-free (lactose-free) dishes, ideally spicy ones with "
                   "plenty of chilli.",
         "evidence": [("s04", "lactose intolerant"), ("s11", "very spicy")]},
        {"id": "q04", "type": "multi-session",
         "question": "how much i spent for fix my bike this year, all together?",
         "answer": "€95 (45 for brake pads, 30 for a tyre, 20 for a light)",
         "evidence": [("s03", "45 euro"), ("s07", "30 euro"), ("s10", "20 euro")]},
        {"id": "q05", "type": "multi-session", "question": "how many IELTS tests i did, mock and real together?",
         "answer": "2", "evidence": [("s04", "mock IELTS"), ("s10", "IELTS result")]},
        {"id": "q06", "type": "knowledge-update", "question": "where i work these days?",
         "answer": "The pharmacy at St James's Hospital",
         "evidence": [("s01", "Kaffe Mila"), ("s09", "first shift in the pharmacy")]},
        {"id": "q07", "type": "knowledge-update", "question": "in which part of dublin i live?",
         "answer": "Rathmines", "evidence": [("s01", "Phibsborough is long"), ("s08", "flat in Rathmines")]},
        {"id": "q08", "type": "knowledge-update", "question": "what score i have in IELTS?",
         "answer": "7.0 (overall; the earlier mock test was 6.0)",
         "evidence": [("s04", "i get 6.0"), ("s10", "7.0 overall")]},
        {"id": "q09", "type": "temporal-reasoning", "question": "how many days i was in poland in the summer?",
         "answer": "14 days (two weeks)",
         "evidence": [("s06", "fly to Krakow"), ("s07", "back in dublin since two days")]},
        {"id": "q10", "type": "temporal-reasoning", "question": "how long ago i started at the pharmacy?",
         "answer": "54 days (about 8 weeks)",
         "evidence": [("s09", "first shift in the pharmacy")]},
        {"id": "q11", "type": "temporal-reasoning",
         "question": "what happen first, we move to Rathmines or my trip to poland?",
         "answer": "The trip to Poland",
         "evidence": [("s06", "fly to Krakow"), ("s08", "keys of the flat in Rathmines")]},
        {"id": "q12", "type": "single-session-user", "abs": True, "question": "what job has Kuba?",
         "answer": "You never said what Kuba does for work.", "evidence": []},
        {"id": "q13", "type": "temporal-reasoning", "abs": True,
         "question": "how many weeks i have driving lessons already?",
         "answer": "You never had driving lessons: it is Kuba who wants to start them; you said you "
                   "take the bus.",
         "evidence": []},
    ],
}

PERSONAS = [P1, P2, P3, P4]

"""Vocabularies the generator draws names, places and items from.

Each seed works on its own shuffled subset of every list (see :func:`seeded_vocab`), so two seeds
plant different values in different orders. Lists are plain tuples: no set iteration anywhere.
"""

from __future__ import annotations

import random
from typing import Any

FEMALE_NAMES = (
    "Maya", "Sofia", "Aisha", "Chloe", "Priya", "Hana", "Zara", "Ingrid", "Leila", "Yuki", "Amara", "Nadia",
    "Elena", "Freya", "Camila", "Mei", "Fatima", "Signe", "Beatriz", "Daria", "Greta", "Isla", "Keiko", "Mirela",
    "Olga", "Rosa", "Tessa", "Vera", "Ximena", "Zoe", "Bianca", "Delphine", "Farah", "Helena", "Jasmine", "Lucia",
    "Nora", "Orla", "Petra", "Selin",
)
MALE_NAMES = (
    "Liam", "Noah", "Mateo", "Ethan", "Lucas", "Oliver", "Diego", "Kwame", "Tomasz", "Rafael", "Felix", "Jonas",
    "Omar", "Arjun", "Henrik", "Gabriel", "Marco", "Tariq", "Callum", "Emeka", "Hugo", "Jamal", "Lorenzo", "Nikhil",
    "Pablo", "Samir", "Umar", "Wyatt", "Yusuf", "Anders", "Cyrus", "Elias", "Goran", "Ivan", "Kenji", "Mikael",
    "Quentin", "Ravi",
)
FIRST_NAMES = FEMALE_NAMES + MALE_NAMES
PET_NAMES = (
    "Biscuit", "Pepper", "Mochi", "Luna", "Ziggy", "Waffles", "Pickles", "Juniper", "Nacho", "Clementine",
    "Ollie", "Bean", "Tofu", "Marlowe", "Pixel", "Sprout", "Dumpling", "Bramble", "Cosmo", "Figaro",
    "Hazel", "Basil", "Noodle", "Pumpkin", "Rocket", "Saffron", "Truffle", "Wasabi", "Maple", "Juno",
)
CITIES = (
    "Porto", "Lisbon", "Oslo", "Kyoto", "Seville", "Krakow", "Edinburgh", "Vancouver", "Montreal", "Austin",
    "Denver", "Tucson", "Valencia", "Bologna", "Ghent", "Tallinn", "Ljubljana", "Hanoi", "Osaka", "Cusco",
    "Marrakech", "Cape Town", "Melbourne", "Auckland", "Reykjavik", "Bergen", "Dubrovnik", "Salzburg",
    "Bruges", "Nashville", "Savannah", "Asheville", "Portland", "Boise", "Halifax", "Quebec City",
    "Oaxaca", "Cartagena", "Mendoza", "Santiago", "Taipei", "Busan", "Chiang Mai", "Tbilisi", "Riga",
    "Gdansk", "Lyon", "Bordeaux", "Granada", "Naples", "Palermo", "Munich", "Leipzig", "Rotterdam",
    "Copenhagen", "Helsinki", "Galway", "Cork", "Bath", "York", "Santa Fe", "Sedona", "Madison", "Duluth",
)
EMPLOYERS = (
    "Northwind Logistics", "Brightleaf Health", "Quarry Labs", "Bluewater Analytics", "Harbor & Pine",
    "Cobalt Robotics", "Meridian Bank", "Tessellate Studio", "Greenfield Schools", "Orbit Media",
    "Lumen Energy", "Cedar Grove Hospital", "Fable Games", "Ironclad Insurance", "Pinecrest Realty",
    "Solstice Foods", "Atlas Freight", "Juniper Software", "Kestrel Aerospace", "Redwood Law Group",
    "Vantage Retail", "Beacon Credit Union", "Helix Biotech", "Summit Outdoor Co.", "Mosaic Architects",
)
JOB_TITLES = (
    "data analyst", "product manager", "nurse practitioner", "UX designer", "high school chemistry teacher",
    "backend engineer", "account manager", "logistics coordinator", "marketing lead", "research assistant",
    "project coordinator", "sous chef", "physical therapist", "financial planner", "operations manager",
    "technical writer", "customer success manager", "site reliability engineer", "paralegal", "architect",
)
CARS = (
    "Honda Civic", "Toyota RAV4", "Subaru Outback", "Mazda CX-5", "Tesla Model 3", "Ford Escape",
    "Hyundai Ioniq 5", "Volkswagen Golf", "Kia Niro", "Toyota Prius", "Jeep Wrangler", "Volvo XC40",
    "Nissan Leaf", "Chevy Bolt", "BMW 3 Series", "Honda CR-V", "Ford F-150", "Mini Cooper",
)
PHONES = (
    "iPhone 12", "iPhone 14 Pro", "Pixel 7", "Pixel 8a", "Galaxy S22", "Galaxy S23 Ultra", "OnePlus 11",
    "Moto G Power", "iPhone SE", "Galaxy A54", "Pixel 6", "Nothing Phone 2", "Xperia 10", "iPhone 15",
)
GYMS = (
    "Iron Temple Fitness", "Peak Climbing Gym", "Riverside YMCA", "CorePower Yoga", "Anytime Fitness",
    "Bay Street Boxing", "Summit Bouldering", "the community rec center", "Planet Fitness", "Orangetheory",
    "Blue Lotus Pilates", "CrossFit Harbor", "Equinox downtown", "the university gym",
)
COMMUTES = (
    "by bike", "on the subway", "by bus", "on foot", "by car", "by train", "on an e-scooter",
    "by carpool", "on the ferry", "by tram",
)
BOOKS = (
    "The Midnight Library", "Project Hail Mary", "Klara and the Sun", "Educated", "The Overstory",
    "Circe", "Piranesi", "Sapiens", "Atomic Habits", "The Name of the Wind", "Pachinko", "Dune",
    "Station Eleven", "The Remains of the Day", "Lessons in Chemistry", "A Gentleman in Moscow",
    "The Song of Achilles", "Born a Crime", "The Martian", "Thinking, Fast and Slow", "Anxious People",
    "The Vanishing Half", "Where the Crawdads Sing", "Normal People", "The Left Hand of Darkness",
    "Braiding Sweetgrass", "The Hobbit", "Never Let Me Go", "The Goldfinch", "Shuggie Bain",
)
FILMS = (
    "Oppenheimer", "Past Lives", "Everything Everywhere All at Once", "The Banshees of Inisherin",
    "Arrival", "Paddington 2", "Parasite", "Spirited Away", "Dune: Part Two", "Top Gun: Maverick",
    "The Grand Budapest Hotel", "Aftersun", "Knives Out", "Barbie", "Poor Things", "The Holdovers",
    "Succession", "The Bear", "Severance", "Shogun", "Ted Lasso", "Slow Horses", "Fleabag", "Andor",
)
EVENTS = (
    "a Coldplay concert", "my cousin's wedding", "a pottery workshop", "the regional tech conference",
    "a jazz night at the Blue Room", "the city half marathon", "a Taylor Swift concert", "a wine tasting",
    "a charity gala", "my college reunion", "a comedy show", "the farmers market festival",
    "a photography meetup", "a salsa class", "an open mic night", "a book signing", "a hackathon",
    "a food truck festival", "a yoga retreat", "a climbing competition", "the science museum late night",
    "a baseball game", "a board game night", "a film festival screening", "a ceramics fair",
)
LIFE_EVENTS = (
    "started my new pottery class", "had my dentist appointment", "got my flu shot", "passed my driving test",
    "adopted a rescue cat", "ran my first 10k", "finished the kitchen renovation", "started learning Italian",
    "joined a book club", "had my performance review", "moved into the new apartment", "bought my first bike",
    "started a sourdough starter", "planted the vegetable garden", "took the CPR course", "sold my old car",
    "got my wisdom teeth out", "started volunteering at the animal shelter", "signed up for a coding bootcamp",
    "repainted the living room", "hosted my first dinner party", "went on my first solo hike",
)
PURCHASES = (
    ("a standing desk", 320), ("noise-cancelling headphones", 249), ("a road bike", 780), ("a cast-iron skillet", 45),
    ("a robot vacuum", 299), ("hiking boots", 165), ("a espresso machine", 540), ("a winter coat", 210),
    ("a tent", 189), ("a mechanical keyboard", 135), ("a yoga mat", 38), ("a smartwatch", 399),
    ("a drone", 650), ("a bread maker", 120), ("a pair of running shoes", 140), ("an air fryer", 95),
    ("a camping stove", 72), ("a desk lamp", 58), ("a rain jacket", 110), ("a blender", 85),
    ("a set of kitchen knives", 175), ("a guitar amp", 260), ("a sleeping bag", 130), ("a backpack", 90),
)
STORES = (
    "REI", "Target", "Costco", "IKEA", "Best Buy", "a thrift shop downtown", "Amazon", "the local hardware store",
    "Trader Joe's", "a farmers market stall", "Uniqlo", "Decathlon", "Home Depot", "a little shop in the old town",
)
ALLERGIES = ("peanuts", "shellfish", "penicillin", "cats", "pollen", "tree nuts", "latex", "sesame", "dust mites", "bee stings")
INSTRUMENTS = ("cello", "ukulele", "bass guitar", "piano", "violin", "drums", "saxophone", "banjo", "flute", "harmonica")
LANGUAGES = ("Portuguese", "Japanese", "Italian", "Korean", "German", "Mandarin", "Spanish", "Swahili", "Dutch", "Turkish", "Greek", "Polish")
RELATIVES = ("sister", "brother", "cousin", "aunt", "uncle", "niece", "nephew", "grandmother", "grandfather", "stepmom", "stepdad")
#: relatives whose name must come from one list (cousin: either)
RELATIVE_GENDER = {"sister": "f", "aunt": "f", "niece": "f", "grandmother": "f", "stepmom": "f",
                   "brother": "m", "uncle": "m", "nephew": "m", "grandfather": "m", "stepdad": "m"}
DRINKS = ("oat milk lattes", "matcha", "cold brew", "chai", "flat whites", "green tea", "espresso", "kombucha", "rooibos", "yerba mate")
FOODS = ("Thai curry", "ramen", "tacos al pastor", "Neapolitan pizza", "pho", "sushi", "falafel", "paella", "dumplings", "shakshuka", "bibimbap", "mole")
MUSIC = ("jazz", "indie folk", "synthwave", "K-pop", "bluegrass", "Afrobeat", "classical piano", "lo-fi hip hop", "punk rock", "bossa nova")
PODCASTS = (
    "Hardcore History", "99% Invisible", "Radiolab", "Planet Money", "Hidden Brain", "The Daily", "Reply All",
    "Song Exploder", "Freakonomics Radio", "Science Vs", "Lex Fridman Podcast", "Revisionist History",
)
BOARD_GAMES = ("Wingspan", "Catan", "Azul", "Ticket to Ride", "Codenames", "Pandemic", "Carcassonne", "Splendor", "7 Wonders", "Cascadia", "Everdell", "Dixit")
RESTAURANT_WORDS = ("Olive", "Saffron", "Ember", "Copper", "Juniper", "Fig", "Harbor", "Lantern", "Marigold", "Basil", "Cedar", "Sparrow")
RESTAURANT_KINDS = ("Kitchen", "Table", "Bistro", "Taqueria", "Trattoria", "Noodle Bar", "Grill", "Cantina", "Cafe", "Brasserie")
TRAILS = ("Ridge Loop", "Falls Trail", "Lakeshore Path", "Eagle Peak Trail", "Cedar Creek Loop", "Summit Trail", "Canyon Rim Trail", "Old Mill Trail", "Pine Hollow Loop")
DISHES = (
    "chickpea coconut curry", "lemon garlic salmon", "mushroom risotto", "black bean tacos", "shakshuka",
    "miso glazed eggplant", "chicken tikka masala", "pesto gnocchi", "beef and broccoli stir-fry",
    "roasted vegetable lasagna", "lentil shepherd's pie", "sesame soba noodles", "stuffed bell peppers",
)
SALARIES = (52000, 58000, 61000, 67000, 72000, 78000, 84000, 90000, 96000, 105000, 118000)
RENTS = (950, 1100, 1250, 1400, 1550, 1700, 1850, 2100, 2300)
READING_GOALS = (12, 15, 20, 24, 25, 30, 36, 40, 50)
RUN_PBS = ("24:51", "23:40", "26:15", "22:58", "25:30", "21:47", "27:05", "23:12")

# preference domains: (domain, likes, dislikes, request the question makes)
PREFERENCE_DOMAINS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    ("cooking", ("spicy food", "Thai flavours", "one-pot meals", "Mediterranean dishes", "fresh herbs", "vegetarian recipes", "meals under 30 minutes", "fermented foods"),
     ("mushrooms", "cilantro", "very sweet sauces", "deep-fried food", "recipes with lots of dairy", "olives"),
     ("Can you suggest a recipe I could make for dinner tonight?", "Any ideas for what I should cook this weekend?", "What should I make for a weeknight dinner?")),
    ("travel", ("quiet coastal towns", "hiking", "local food markets", "train travel", "small family-run guesthouses", "museums", "off-season trips"),
     ("crowded beach resorts", "long layovers", "cruise ships", "big tourist tours", "nightclubs"),
     ("Where should I go for a long weekend getaway?", "Can you suggest a destination for my next vacation?", "Any trip ideas for a few days off next month?")),
    ("reading", ("science fiction", "literary fiction", "narrative non-fiction", "books set in Japan", "short story collections", "character-driven novels", "history books"),
     ("romance novels", "self-help books", "very long fantasy series", "true crime", "graphic violence"),
     ("Can you recommend a book for me to read next?", "What should I read on my next flight?", "Any book suggestions for this month?")),
    ("music", ("jazz", "indie folk", "live acoustic sets", "film scores", "bossa nova", "80s synthpop"),
     ("heavy metal", "autotuned pop", "country music", "very loud venues"),
     ("Can you suggest some music for a relaxed Sunday?", "What should I listen to while I work?", "Any concert or album recommendations for me?")),
    ("fitness", ("outdoor running", "strength training", "swimming", "short morning workouts", "bouldering", "cycling"),
     ("crowded gyms", "high-impact jumping exercises", "early evening classes", "treadmills"),
     ("Can you suggest a workout routine for next week?", "What kind of exercise should I try this month?", "Any ideas to stay active this weekend?")),
    ("films", ("slow-burn thrillers", "Studio Ghibli films", "documentaries", "dry British comedies", "foreign-language dramas", "heist movies"),
     ("horror movies", "superhero franchises", "musicals", "films longer than three hours"),
     ("What movie should I watch tonight?", "Can you recommend a show to binge this weekend?", "Any film suggestions for a movie night?")),
)

# topics for task-oriented user requests (life admin, hobbies, trivia) — widened by vocab slots
TASK_TOPICS = (
    "draft an email to my landlord about a leaking faucet", "plan a weekly grocery budget", "write a cover letter",
    "summarise the pros and cons of heat pumps", "make a packing list", "plan a birthday party for ten people",
    "fix a slow laptop", "write a toast for a friend's wedding", "organise my closet", "pick a houseplant for low light",
    "understand compound interest", "prepare for a job interview", "set up a home network", "learn basic knife skills",
    "write a haiku about autumn", "choose a tent for car camping", "clean a cast-iron pan", "start a vegetable garden",
    "understand how vaccines work", "plan a study schedule", "negotiate a salary offer", "improve my sleep",
    "explain the rules of cricket", "translate a short note into Spanish", "write a thank-you card",
    "compare index funds and ETFs", "design a logo brief", "plan a road trip itinerary", "train for a 5k",
    "understand the history of the Silk Road", "make cold brew at home", "fix a squeaky door hinge",
    "write a Python script that renames files", "set up a budget spreadsheet", "learn some chess openings",
    "prepare a presentation on climate policy", "decorate a small balcony", "pick a good beginner camera",
    "understand how black holes form", "write a short story opening", "meal prep for the week", "care for a sourdough starter",
)


def seeded_vocab(rng: random.Random, pool: tuple[Any, ...], keep: float = 0.8) -> list[Any]:
    """A seed-specific shuffled subset of ``pool`` (at least 4 items)."""
    items = list(pool)
    rng.shuffle(items)
    return items[: max(4, int(len(items) * keep))]

"""Corrections read against the slots memory already holds (issue #13 item 7; kgmem/memory/anchoring.py).

Each case is a first statement about someone else or something (session 1) and a later one in
another session (session 2), ingested with the zero-LLM tier into a fresh user of a real store with
the real MiniLM embedder. The sentences were invented for these tests in several registers (chat,
terse notes, lower case, British and American wording, pronouns, headlines); none is copied from a
fixture. A correction must leave the new value current and superseding the old; a near-miss (a plan,
a condition, a question, a negation, a value offered or floated, another entity with the same
attribute, the user's own doings) must leave the old value current.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from entity_pairs_fixture import assert_superseded, norm, pair_ingester, slot_facts

from kgmem.extraction.schema import SlotProbe
from kgmem.memory.anchoring import name_matches
from kgmem.models import Entity

DAY = datetime(2024, 3, 1, 10, 0)

#: (first statement, correction, words of the slot's entity, new value, old value)
CORRECTIONS: list[tuple[str, str, str, str, str]] = [
    # a time or day
    ("Our weekly planning meeting is Mondays at 11.", "heads up - planning meeting got bumped to tuesdays at 2",
     "planning meeting", "tuesdays at 2", "Mondays at 11"),
    ("The Okafor pitch is due on the 9th, so I'm slammed.", "Client gave us breathing room: the Okafor pitch is now due the 16th.",
     "Okafor pitch", "the 16th", "the 9th"),
    ("The quarterly board dinner is on 3 April.", "Update on the board dinner. It's been pushed to 10 April.",
     "board dinner", "10 April", "3 April"),
    ("My nephew's swimming lesson is at 4:15 on Saturdays.", "the swimming lesson is at 5 now, the pool redid the timetable",
     "swimming lesson", "5", "4:15"),
    # a place
    ("The team offsite is at Hollins Lodge in June.", "we're doing the offsite at the Riverside Hotel instead, Hollins was full",
     "offsite", "Riverside Hotel", "Hollins Lodge"),
    ("My cousin Tara lives in Leeds.", "Tara has moved to Bristol, she lives near the harbour now.", "Tara", "Bristol", "Leeds"),
    ("The book launch is at Foyles on the 2nd.", "FYI the book launch has been relocated to Waterstones.",
     "book launch", "Waterstones", "Foyles"),
    # a person in charge
    ("The community choir is run by Mrs Adeyemi.", "Mrs Adeyemi retired, so the community choir is run by Mr Costa these days.",
     "choir", "Costa", "Adeyemi"),
    ("The migration project is led by Hamid.", "Hamid went on leave and the migration project is led by Greta now.",
     "migration project", "Greta", "Hamid"),
    ("Our Sunday league captain Gaz wants a group chat name.", "Gaz did his knee in, the Sunday league captain is Omar for now.",
     "Sunday league", "Omar", "Gaz"),
    # a state
    ("My visa application is still pending.", "Checked the portal this morning - my visa application says approved!",
     "visa application", "approved", "pending"),
    ("The laptop repair is waiting for parts.", "Good news, the laptop repair is finished.", "laptop repair", "finished",
     "waiting for parts"),
    ("Our insurance claim is under review.", "ugh. the insurance claim got rejected", "insurance claim", "rejected", "review"),
    # a result clause the parse hangs under someone's wish is still a statement
    ("The move-out inspection is on Wednesday at 2.",
     "The landlord wants the keys back by Friday so the move-out inspection is happening on Thursday at 4 instead.",
     "inspection", "Thursday at 4", "Wednesday at 2"),
    # a thing named later by the words before its head noun ("my permit" for the permit renewal)
    ("My residency permit renewal tracker says 'biometrics booked'.", "Tracker moved on, it says my permit has been issued.",
     "permit renewal", "issued", "biometrics booked"),
    # a state said with its verb's particle; a car named after "the" is a thing whatever NER calls it
    ("My council tax rebate claim is still 'pending', is that normal?", "Council Tax rebate paid out this morning, £64.",
     "rebate claim", "paid out", "pending"),
    ("The Clio's in at the dealership, they reckon it's awaiting approval from Renault.",
     "Dealership says the Clio's finished now, I can collect it Friday.", "Clio", "finished", "awaiting approval"),
    # an amount
    ("The plumber's quote is £300 for the leak.", "Plumber came back and the quote is £450 now, apparently it's the pipe.",
     "plumber", "450", "300"),
    ("The venue hire costs $2,000.", "The venue hire went up to $2,400 this week.", "venue hire", "2400", "2000"),
    ("The gym membership is £40 a month.", "they've put the gym membership up to £45", "gym membership", "45", "40"),
    # a diet or a job
    ("My flatmate Ben is vegan, what can I cook?", "Ben's eating fish again, he's pescatarian now.", "Ben", "pescatarian", "vegan"),
    ("My cousin Rosa is a nurse in Hull.", "Rosa retrained, she's a paramedic now.", "Rosa", "paramedic", "nurse"),
    ("My aunt Dee is vegetarian.", "Aunt Dee's gone vegan since the new year.", "Dee", "vegan", "vegetarian"),
    # a slot named by its old value: the old one said to be old, or a word naming the attribute
    ("The chess club is run by Mr Okonjo.", "Mr Okonjo retired in May, so Ms Haddad runs the club now.",
     "chess club", "Haddad", "Okonjo"),
    ("Our allotment society secretary is Bev.", "bev stepped down at the AGM and Priyanka's secretary now",
     "allotment", "Priyanka", "Bev"),
    ("The roof quote is £2,100.", "Roofer's written quote says £2,650, not the £2,100 he mentioned.", "roof", "2650", "2100"),
    ("The band is called The Marigolds.", "Turns out another group was already called The Marigolds so we're Paper Lanterns now.",
     "band", "Paper Lanterns", "Marigolds"),
    # a name given by a verb of naming, a code name, a role's holder
    ("We're collecting the kitten on Saturday and we're calling her Mabel.",
     "we ended up naming the kitten Juniper, Mabel just didn't suit her", "kitten", "Juniper", "Mabel"),
    ("Drafting the launch plan for our new CRM, codename Heron.", "Heron got vetoed by legal, so the CRM is called Project Osprey now.",
     "CRM", "Osprey", "Heron"),
    ("I need to send the receipts to the club treasurer, that's Dev.", "Dev's stood down and Amira's treasurer now.",
     "treasurer", "Amira", "Dev"),
    # a time as a range, a state quoted from a tracker
    ("Booked the Ocado delivery for Friday 7-8pm.", "had to move the ocado delivery to saturday 9-10am", "Ocado",
     "saturday 9-10am", "Friday 7-8pm"),
    ("My visa tracker says 'biometrics booked'.", "The visa tracker now says 'decision made'.", "visa", "decision made",
     "biometrics booked"),
    ("Still chasing the sofa from Loaf, tracking says 'in production'.", "the sofa is finally out for delivery!", "sofa",
     "out for delivery", "in production"),
    # a job said as what someone does; a role of a thing said with "for"; a group's role
    ("My brother Kwame is an accountant in Leeds.", "Kwame quit the firm, he's tutoring now.", "Kwame", "tutoring",
     "accountant"),
    ("For the school trip, the contact is Mr Dale.", "Mr Dale is off sick so the school trip contact is Mrs Imrie now.",
     "school trip", "Imrie", "Dale"),
    ("Our supper club host is Ngozi.", "Ngozi moved to Lagos, so Tobi's host now.", "supper club", "Tobi", "Ngozi"),
    # two things of one sentence stay two; "X's <time>" is "X is <time>"
    ("The cabin in Keswick is £80 a night and the flat in Ambleside is £95.", "The owner put the Keswick cabin up to £90 a night.",
     "cabin", "90", "80"),
    ("Piano is Tuesdays at 5 and chess club's Thursday at 4.",
     "piano's been moved to Wednesday at 5, chess club stays Thursday at 4.", "piano", "Wednesday at 5", "Tuesdays at 5"),
    ("The standup is 9:15 every day.", "fyi the standup's 9:40 from next week", "standup", "9:40", "9:15"),
    # a word of change with the old value named, for a place; a thing's name said as its noun
    ("My uncle Pete lives in Harrogate.", "Pete went for a bungalow in Ripon in the end, the Harrogate flat was too dear.",
     "Pete", "Ripon", "Harrogate"),
    ("Our book club's name is The Page Turners.",
     "we had to rename The Page Turners (a shop has it) - it's Chapter Chasers now.", "book club", "Chapter Chasers",
     "Page Turners"),
    # someone's figure for a job, corrected by their written quote
    ("The electrician reckons it'll be around £300 to rewire the shed.",
     "Electrician's written quote is £420, not the £300 he said on the phone.", "electrician", "420", "300"),
    ("the tiler quoted $900 for the bathroom floor", "ugh the tiler's quote is $1,150 now that they've seen the subfloor",
     "tiler", "1150", "900"),
    # the old value said by the first word of its name (session 11)
    ("My cousin Dev is working at Infosys Pune these days.", "Dev has left Infosys and joined Wipro, started Monday.",
     "Dev", "Wipro", "Infosys Pune"),
    ("The five-a-side is at Goals Wembley on Thursdays.", "We've moved from Goals to Powerleague, better pitches.",
     "five side", "Powerleague", "Goals Wembley"),
    # a relative first called by a people noun, later by name (session 13: the owner check keeps them one)
    ("My son's passport renewal appointment is on the 4th.", "Leo's passport appointment got moved to the 11th.",
     "passport", "the 11th", "the 4th"),
    ("My niece's christening is on Sunday the 8th at St Mark's.", "Ruby's christening got moved to the 15th.",
     "christening", "the 15th", "Sunday the 8th"),
]

#: (first statement, a later statement that changes nothing of that slot, words of the entity, the old value)
#: session 12: the thing named as another person's (rev12's two, 15:48, then one invented after them)
OWNED: list[tuple[str, str, str, str]] = [
    ("Sam's leaving drinks are on Friday at the Crown.", "Jo's leaving do got moved to Saturday.", "Sam", "Friday"),
    ("The car's MOT is due on 14 March.", "Mum's MOT got moved to the 20th.", "car", "14 March"),
    ("Priya's birthday meal is on Saturday at Dishoom.", "Tom's birthday meal got moved to Sunday.", "Priya", "Saturday"),
]
NEAR_MISSES: list[tuple[str, str, str, str]] = [
    # a relative or colleague of the held person, named by the person's possessive (session 13)
    ("My friend Ana lives in Porto.", "Ana's brother has just moved to Braga.", "Ana", "Porto"),
    ("My mate Kofi works at Accenture.", "Kofi's boss has moved to Deloitte now.", "Kofi", "Accenture"),
    # the old value's first word said of someone else's move (session 11)
    ("My cousin Dev is working at Infosys Pune these days.", "Dev says his mate Rohan left Infosys for TCS last month.",
     "Dev", "Infosys Pune"),
    # a time is never the place, however it is spaced
    ("The carol service is at St Aidan's at 6:30.", "The carol service is starting at 6 pm now, the vicar says.",
     "carol service", "St Aidan's"),
    ("Our weekly planning meeting is Mondays at 11.", "They might move the planning meeting to Friday at 3.",
     "planning meeting", "Mondays at 11"),
    ("Our weekly planning meeting is Mondays at 11.", "If the planning meeting slips to Thursday I'll lose my mind.",
     "planning meeting", "Mondays at 11"),
    ("Our weekly planning meeting is Mondays at 11.", "Should we move the planning meeting to Wednesday at 4?",
     "planning meeting", "Mondays at 11"),
    ("Our weekly planning meeting is Mondays at 11.", "The design review is on Thursdays at 9, can you block it?",
     "planning meeting", "Mondays at 11"),
    ("Our weekly planning meeting is Mondays at 11.", "They offered Thursday at 2 for the planning meeting but nobody wanted it.",
     "planning meeting", "Mondays at 11"),
    ("The team offsite is at Hollins Lodge in June.", "The offsite isn't at the Riverside Hotel, don't book there.",
     "offsite", "Hollins Lodge"),
    ("My cousin Tara lives in Leeds.", "I had lunch with Tara at Dishoom on Friday.", "Tara", "Leeds"),
    ("My cousin Tara lives in Leeds.", "Tara is thinking about moving to Glasgow.", "Tara", "Leeds"),
    ("The laptop repair is waiting for parts.", "Is the laptop repair finished yet, do you think?", "laptop repair",
     "waiting for parts"),
    # the old value said with another value but not as the old one, or in a condition
    ("The chess club is run by Mr Okonjo.", "Mr Okonjo and Ms Haddad played a great match last night.", "chess club",
     "Okonjo"),
    ("The chess club is run by Mr Okonjo.", "If Mr Okonjo retires, maybe Ms Haddad would run the club?", "chess club",
     "Okonjo"),
    ("The choir is led by Marcus.", "Marcus is away this week and Anneliese is covering, just this once.", "choir", "Marcus"),
    ("We're collecting the kitten on Saturday and we're calling her Mabel.", "Should we call the kitten Juniper instead?",
     "kitten", "Mabel"),
    ("Booked the Ocado delivery for Friday 7-8pm.", "The Tesco delivery is Saturday 9-10am.", "Ocado", "Friday 7-8pm"),
    ("My visa tracker says 'biometrics booked'.", "If the visa tracker says 'refused' I'll cry.", "visa", "biometrics booked"),
    ("The cabin in Keswick is £80 a night and the flat in Ambleside is £95.", "The owner put the Keswick cabin up to £90 a night.",
     "flat", "95"),
    ("Piano is Tuesdays at 5 and chess club's Thursday at 4.",
     "piano's been moved to Wednesday at 5, chess club stays Thursday at 4.", "chess", "Thursday at 4"),
    ("My brother Kwame is an accountant in Leeds.", "Kwame's teaching me to drive now, wish me luck.", "Kwame", "accountant"),
    ("For the school trip, the contact is Mr Dale.", "Mr Dale and Mrs Imrie are both coming on the trip now.", "school trip",
     "Dale"),
    # the old value with a word of change, but about another person or both values at once
    ("The electrician reckons it'll be around £300 to rewire the shed.",
     "My neighbour's electrician charged £450 for a similar job.", "electrician quote", "300"),
    ("Our broadband is with Zing.", "My sister left Zing for Brightgrid, she says it's faster now.", "broadband", "Zing"),
    ("Our broadband is with Zing.", "Zing and Brightgrid both put prices up now, ugh.", "broadband", "Zing"),
    ("The chess club is run by Mr Okonjo.", "Mr Okonjo and Ms Haddad are both coming to the match now.", "chess club",
     "Okonjo"),
    *OWNED,
]


@pytest.fixture(scope="module")
def ingest(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """Ingest two sessions into a fresh user; return its facts, SUPERSEDES pairs and entities."""
    yield from pair_ingester(tmp_path_factory.mktemp("anchor"), "anchor")


@pytest.mark.parametrize(("first", "second", "entity", "new", "old"), CORRECTIONS,
                         ids=[c[2] + ":" + c[3] for c in CORRECTIONS])
def test_correction_supersedes_the_slot(ingest, first: str, second: str, entity: str, new: str, old: str) -> None:  # type: ignore[no-untyped-def]
    facts, sups, entities = ingest(first, second)
    assert_superseded(facts, sups, entities, entity, new, old)


@pytest.mark.parametrize(("first", "second", "entity", "old"), NEAR_MISSES, ids=[n[1][:40] for n in NEAR_MISSES])
def test_near_miss_keeps_the_old_value(ingest, first: str, second: str, entity: str, old: str) -> None:  # type: ignore[no-untyped-def]
    facts, _sups, entities = ingest(first, second)
    mine = slot_facts(facts, entities, entity)
    current = [f for f in mine if norm(old) in norm(f.value or "") and f.invalid_at is None]
    assert current, f"old value no longer current: {[(f.predicate, f.value, f.invalid_at) for f in mine]}"


def test_a_corrections_value_is_no_other_attribute_of_it(ingest) -> None:  # type: ignore[no-untyped-def]
    # "it's Project Osprey now" is also read as the venue of the thing named just before ("name
    # clash"); the held slot (the CRM's name) claims the value, nothing else gets it
    facts, _sups, entities = ingest("Drafting the launch plan for our new CRM, codename Heron.",
                                    "we had to rename Heron (name clash) - it's Project Osprey now.")
    names = {e.id: e.name for e in entities}
    current = [(names.get(f.subject_id), f.predicate) for f in facts if f.invalid_at is None and f.value == "Project Osprey"]
    assert current == [("CRM", "name")], current


def test_mentions_name_a_held_thing_by_its_words() -> None:
    sync = Entity(id="e1", user_id="u", name="weekly design team sync", type="thing")
    leo = Entity(id="e2", user_id="u", name="Leo piano lesson", type="thing")
    orla = Entity(id="e3", user_id="u", name="Orla", type="person")
    assert name_matches("the sync", sync) and name_matches("design meeting", sync)
    assert not name_matches("marketing sync", sync)
    assert name_matches("Leo's lesson", leo) and not name_matches("Leo's party", leo)
    assert name_matches("Orla", orla) and not name_matches("Orla's dog", orla)


def test_probe_schema_round_trips() -> None:
    p = SlotProbe(mentions=["the sync"], values=[("Thursday", "when")], cue=True, text="x", source_turns=[2])
    assert SlotProbe.model_validate_json(p.model_dump_json()) == p


#: first statements no clause class reads, still stored so a correction has a slot to anchor to
#: (invented here: a subject the parse loses, a role noun, a tracker's quoted state, a per-unit price…).
#: Known misses left out (parser limits, see the closing note): a compound whose second noun is tagged a
#: verb ("The boat hire costs $650": entity "boat"; "The wine tasting meets…": "wine"), "Grandad's nurse Mbali".
FIRST_STATEMENTS: list[tuple[str, tuple[str, str, str]]] = [
    ("ugh the Keller proposal is due on the 11th and I haven't started.", ("Keller proposal", "due_date", "the 11th")),
    ("The annual fundraiser is at the Corn Exchange on the 3rd of May.", ("annual fundraiser", "venue", "Corn Exchange")),
    ("My dentist is Dr Hassan, can you help me write to the practice?", ("dentist", "name", "Dr Hassan")),
    ("Our landlord is a property firm called Northgate, and they never reply.", ("landlord", "name", "Northgate")),
    ("ordered a desk from Oakhouse, it says 'awaiting dispatch' on the site.", ("desk", "status", "awaiting dispatch")),
    ("The lake cabin is £140 a night in July, is that steep?", ("lake cabin", "amount", "140 a night")),
    ("i've got the physio friday at 4:40, can i drive after?", ("physio", "scheduled_for", "friday at 4:40")),
    ("we bought an old campervan and we're calling her Marge", ("campervan", "name", "Marge")),
    ("Spent the morning on the pitch deck for our new fintech app, codename Kingfisher.", ("app", "name", "Kingfisher")),
    ("Receipts go to the PTA secretary, that's Mrs Obi.", ("PTA secretary", "name", "Obi")),
    ("My council tax appeal portal says 'under consideration'.", ("council tax appeal", "status", "under consideration")),
    ("the Dyson I sent back is 'awaiting inspection' apparently", ("Dyson", "status", "awaiting inspection")),
    ("The plumber is coming Thursday between 8 and 12.", ("plumber", "scheduled_for", "Thursday between 8 and 12")),
    ("Our book club's name is The Page Turners.", ("book club", "name", "Page Turners")),
]

#: statements that must give no first statement of the kind (a plan, a question, a negation)
NO_FIRST_STATEMENTS: list[tuple[str, str]] = [
    ("The Keller proposal might be due on the 11th, not sure yet.", "due_date"),
    ("Is the annual fundraiser at the Corn Exchange this year?", "venue"),
    ("The hall hire doesn't cost $650 any more, does it?", "amount"),
    ("What should we call the new puppy?", "name"),
    ("We might name the boat Skye if that's still free.", "name"),
    ("We're not calling the app Falcon, legal said no.", "name"),
    ("If the tracker says 'delivered' I'll believe it.", "status"),
    ("My partner's name is Sasha.", "name"),  # the user's kin fact (partner_name), not a second reading
    ("The plumber might charge £200 if it's the valve.", "amount"),
    ("My manager says the budget might be £25k.", "amount"),
]


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    from kgmem.extraction.zero import RuleExtractor

    return RuleExtractor()


@pytest.mark.parametrize(("text", "expected"), FIRST_STATEMENTS, ids=[e[1][0] for e in FIRST_STATEMENTS])
def test_first_statement_stored(extractor, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    got = {(f.subject.casefold(), f.predicate, norm(f.value)) for f in extractor.extract([("user", text)], DAY).facts}
    entity, attr, value = expected
    assert any(entity.casefold() in s and p == attr and norm(value) in v for s, p, v in got), got


@pytest.mark.parametrize(("text", "attr"), NO_FIRST_STATEMENTS, ids=[n[0][:30] for n in NO_FIRST_STATEMENTS])
def test_no_first_statement(extractor, text: str, attr: str) -> None:  # type: ignore[no-untyped-def]
    facts = extractor.extract([("user", text)], DAY).facts
    assert not [f for f in facts if f.subject != "user" and f.predicate == attr], facts


@pytest.mark.parametrize(("first", "second", "entity", "old"), OWNED, ids=[n[1][:30] for n in OWNED])
def test_another_persons_thing_takes_no_history_from_the_held_one(ingest, first: str, second: str, entity: str,  # type: ignore[no-untyped-def]
                                                                  old: str) -> None:
    """Nor is the held value copied back as the other person's earlier value (the lookback would
    otherwise find "leaving" in the first session and date Jo's do Friday, superseded)."""
    _facts, sups, _entities = ingest(first, second)
    assert not sups, sups


def test_the_owners_own_thing_moved_supersedes(ingest) -> None:  # type: ignore[no-untyped-def]
    facts, sups, entities = ingest("Priya's birthday meal is on Saturday at Dishoom.",
                                   "Priya's birthday meal got moved to Sunday.")
    mine = slot_facts(facts, entities, "Priya")
    assert [f for f in mine if f.value == "Sunday" and f.invalid_at is None] and sups

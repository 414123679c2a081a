"""Whose doing a sentence tells: the user's, or someone else's — from the parse, not a word list.

"Solveig restores harpsichords", "A friend of mine adopted a ferret", "One of my bandmates sold his
bassoon" tell of someone else whatever the verb; "Valletta was gorgeous, we stayed near the
harbour", and "Went to Ljubljana last weekend" are the user's own story.
The grammar decides:

- the user is the subject of an event verb of the main clause or of one under it ("I"/"we",
  "Sam and I", "… is where I grew up"; not a feeling, a state, a modal or an intended one, nor a
  clause joined after the main one — "… and I'm so jealous"): the user's;
- else the main verb's subject is a person: he/she/they, a noun naming people
  (:mod:`kgmem.lexicon.people`: "my godson", "the twins", "one of my coworkers"), a
  name or a titled name, or a subject the clause refers back to as him/her ("… sold *his*
  bassoon"): someone else's;
- else (a thing, a place, a dropped subject in chat): the user's.

Sentences opening with a first-person subject or "it/there/this" are not parsed (most user lines;
a parse is ~5 ms), and each parsed sentence is parsed once.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from kgmem import knowledge
from kgmem.lexicon.discourse import opener_words, strip_openers
from kgmem.lexicon.people import (
    USER_OBJECTS,
    USER_OWN,
    USER_POSSESSIVES,
    USER_REFLEXIVES,
    people_noun,
    titles,
    words,
)
from kgmem.nlp import has_user_object, has_user_possessor, is_user
from kgmem.retrieval.question import nlp
from kgmem.text import FUNCTION_WORDS

#: a sentence opening with these has its subject (or its dummy subject) in its first word
_NO_PARSE = re.compile(r"^\W*(?:i|i'm|i've|i'd|i'll|we|we're|we've|we'd|we'll|it|it's|there|there's|this|that)"
                       r"(?![\w'’-])", re.I)
#: verbs whose first-person subject only is, feels, thinks, says or wants something: no event of
#: the user's ("Marisol flew to Hobart and I'm so jealous", "Bartek sold it, I think")
_NOT_EVENTS = frozenset({"be", "feel", "think", "guess", "hope", "wish", "suppose", "reckon", "know", "believe",
                         "bet", "mean", "wonder", "seem", "look", "sound", "remember", "forget", "love", "hate",
                         "envy", "miss", "say", "tell", "hear", "agree", "want", "plan", "intend", "need",
                         "like", "would", "consider", "doubt", "imagine", "expect", "match"})
_MODALS = frozenset({"might", "may", "would", "could", "should", "will", "'ll", "wo", "shall", "must", "'d", "can",
                     "ca"})
#: pronouns and indefinites that stand for people
_PERSON_PRONOUNS = frozenset({"he", "she", "they", "someone", "somebody", "everyone", "everybody", "anyone",
                              "anybody", "nobody"})
#: quantity heads whose "of" phrase names the doers ("one of my bandmates", "some of the parents")
_PART_OF = frozenset({"one", "some", "two", "three", "few", "several", "many", "most", "all", "both", "none",
                      "each", "either", "neither", "half", "couple", "bunch", "lot", "rest"})
_TITLES = frozenset(t.lower() for t in titles())
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: entity labels of times and amounts: never a person ("Today was …", "Saturday was lovely")
_TIMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"})
_PETS = words("pets")
_REFERS_BACK = frozenset({"his", "her", "him", "himself", "herself", "hers", "their", "themselves"})


#: a word that can name a person: a third-person pronoun, or a capitalised word after the first (not "I")
_PERSON_CUE = re.compile(r"\b(?:he|she|they|his|her|him|himself|herself|their|them|someone|somebody|everyone|"
                         r"everybody|anyone|anybody|nobody)\b|(?<=\S)\s+[\"'(“]?(?-i:(?!I\b)[A-Z])", re.I)


def _first_may_be_a_name(word: str) -> bool:
    """The sentence's first word may be a name: not a function word or an opener."""
    low = word.lower().strip("\"'(“‘")
    return word[:1].isupper() and low not in FUNCTION_WORDS and low not in opener_words()


def may_be_someone_elses(sentence: str) -> bool:
    """Cheap test: could the sentence's subject be someone other than the user? Not when it opens
    with a first-person subject or with it/there/this, nor when no word of it can name a person
    (a third-person pronoun, a name, a noun of :mod:`kgmem.lexicon.people`)."""
    s = strip_openers(sentence.strip())
    if not s or _NO_PARSE.match(s):
        return False
    return bool(_PERSON_CUE.search(s) or _first_may_be_a_name(s.split()[0])
                or any(people_noun(w) for w in re.findall(r"[a-z][a-z-]+", s.lower())))


def _subject(verb: Any) -> Any:
    """The nominal subject of a verb, if it has its own."""
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _doer(subj: Any) -> Any:
    """The head that names the doers: "one of my bandmates" → bandmates."""
    if subj.lower_ in _PART_OF:
        obj = next((g for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj"), None)
        return obj if obj is not None else subj
    return subj


def _pet(tok: Any) -> bool:
    """A pet's doings tell its owner's story ("my hamster Wasabi keeps stealing socks")."""
    return tok.lemma_.lower() in _PETS or tok.lower_ in _PETS


def _owned(subj: Any) -> bool:
    """A name right after "my/our <noun>" that names no person: the user's own animal or thing."""
    prev = subj.doc[subj.i - 1] if subj.i > 0 else None
    return prev is not None and prev.pos_ == "NOUN" and not people_noun(prev.lower_) \
        and any(c.lower_ in USER_POSSESSIVES for c in prev.children)


def names_a_person(subj: Any) -> bool:
    """The subject token names a person other than the user."""
    low = subj.lower_
    # a hyphenated noun the tokenizer split ("in-laws" → in, -, laws)
    joined = "".join(t.lower_ for t in subj.lefts if t.dep_ in ("compound", "punct") and t.i >= subj.i - 2) + low
    if low in _PERSON_PRONOUNS or people_noun(subj.lemma_) or people_noun(low) or people_noun(joined):
        return True
    if _pet(subj) or subj.ent_type_ in _TIMES:
        return False  # "Today was my first day at Lumen", "Saturday was lovely"
    kids = list(subj.children)
    if subj.i == 0 and not kids and subj.ent_type_ != "PERSON" and knowledge.names_a_person(low) is False:
        return False  # a lone opening word WordNet knows only as no person: "Promotion came through", "Rent went up"
    named = subj.pos_ == "PROPN" or subj.text[:1].isupper()
    if any((c.dep_ in ("appos", "nmod", "conj") or c.dep_ == "compound" and named)
           and (people_noun(c.lemma_) or people_noun(c.lower_)) for c in kids):
        return True  # "my sister-in-law Saoirse", "Thandiwe and her brother" (not "teacher training")
    if any(c.dep_ == "poss" and c.lower_ not in USER_POSSESSIVES and (names_a_person(c) or c.lower_ in _REFERS_BACK)
           for c in kids):
        return True  # "my neighbour's boiler broke", "Tariq's car", "her laptop": someone else's thing
    if any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in kids):
        return False  # "The Fiesta failed its MOT", "The Jazz is what Maureen has": a thing
    if _owned(subj):
        return False  # "my gecko Nimbus shed her skin": the user's animal (or thing), named
    if any(c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" for c in kids):
        return True  # "my godson Ruairí"
    if subj.ent_type_ == "PERSON" or any(c.dep_ == "compound" and c.lower_.rstrip(".") in _TITLES for c in kids):
        return True  # "Dr Achterberg retired", "Uncle Wendell sold his boat"
    bare = subj.i == 0 and named and subj.tag_ == "NN" and not kids and subj.head.lemma_ != "be"
    if subj.pos_ == "PROPN" or (named and subj.ent_type_) or bare:
        # a name the tagger read as a common noun opening the sentence ("Tariq drives a Mini")
        # a lone name is a person ("Solveig restores …"; the small model's labels on a lone name
        # are noisy: "Marta" GPE, "Bartek" ORG), but a place described ("Valletta was gorgeous")
        # or a multi-word name not tagged as a person ("Lumen Health hired me") is a thing
        described = subj.head.lemma_ == "be" and any(c.dep_ == "acomp" for c in subj.head.children)
        return not (described and subj.ent_type_ in _PLACE_LABELS) and not any(c.dep_ == "compound" for c in kids)
    return False


def _refers_back(root: Any) -> bool:
    """The main clause calls its subject him/her/them ("Bartek sold his bassoon", "… taught herself"):
    a possessive or an object of the main verb or of its object, not a pronoun deeper down."""
    near = [c for c in root.children] + [g for c in root.children if c.dep_ in ("dobj", "attr", "prep")
                                         for g in c.children]
    near += [g for c in near if c.dep_ == "pobj" for g in c.children]
    return any(t.lower_ in _REFERS_BACK and t.dep_ in ("poss", "dobj", "pobj", "dative") for t in near)


def _user_event(doc: Any) -> bool:
    """The user is the subject of a verb of the main clause, or of a clause under it, that tells
    an event of theirs (not a state, a feeling, a wish, a modal or a plan): "Sedona is where I
    grew up". A clause joined after the main one ("… and I'm jealous", "… so I just watch them")
    is its own clause: the clause cut (:func:`kgmem.answer.evidence.clauses`) reads it apart."""
    for t in doc:
        subj = _subject(t) if t.pos_ in ("VERB", "AUX") else None
        if subj is None or not (is_user(subj) or _made_to(t, subj)) or t.lemma_.lower() in _NOT_EVENTS or _coordinated(t):
            continue
        if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in t.children):
            continue  # "I should sell it", "we'll see"
        if t.lemma_.lower() == "go" and any(c.dep_ == "xcomp" for c in t.children):
            continue  # "I'm going to sell it"
        return True
    return False


def _made_to(verb: Any, subj: Any) -> bool:
    """The user does the doing of a bare infinitive someone else's verb governs ("My brother made *me sit
    through* all three films", "they let *us stay* till the end"): by its form, not its verb; a "to"
    infinitive ("wants me to join") is a wish or an ask, not a doing."""
    return subj.lower_ in USER_OBJECTS and verb.tag_ == "VB" and verb.dep_ in ("ccomp", "xcomp") \
        and not any(c.dep_ == "aux" for c in verb.children)


def _coordinated(verb: Any) -> bool:
    """The verb heads a clause joined to the main one by "and"/"but"/"so" or a comma."""
    t = verb
    while t.dep_ != "ROOT" and t.head.i != t.i:
        if t.dep_ in ("conj", "parataxis"):
            return True
        t = t.head
    return False


@lru_cache(maxsize=16384)
def someone_else(sentence: str) -> bool | None:
    """True when the sentence tells someone else's doing, False when the user's (or a thing's),
    ``None`` when no parser is installed (callers then read pronouns only)."""
    model = nlp()
    if model is None:
        return None
    doc = model(strip_openers(sentence.strip()))
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or _user_event(doc):
        return False
    head, subj = _main_clause(root)
    if subj is None:
        return False  # a dropped subject in chat is the speaker ("Went to Ljubljana last weekend")
    if is_user(subj) or subj.lower_ in USER_OBJECTS or subj.lower_ in ("it", "this", "that", "there"):
        return False
    if _described(head, subj):
        return False  # "PyCon was great", "Oppenheimer was three hours": a named thing described, no one's doing
    doer = _doer(subj)
    person = names_a_person(doer) or (doer.pos_ in ("NOUN", "PROPN") and not _pet(doer) and not _owned(doer)
                                       and doer.ent_type_ not in _TIMES and _refers_back(head))
    # someone else acting on the user or theirs tells the user's story ("The builders started ripping
    # out our kitchen", "They discharged me"); the user's words inside the subject do not count
    return person and not _involves_user(head, subj) and not _news_of_the_users(doc)


def _described(head: Any, subj: Any) -> bool:
    """The clause only describes its subject, a name of no person ("Download was brilliant", "PyCon was great",
    "Oppenheimer was three hours"): "be" with a complement and nothing told of where ("Sam was at the gig" tells
    Sam's going). A name the recogniser takes for a person's counts only where WordNet knows it as no person."""
    if head.lemma_.lower() != "be" or subj.pos_ != "PROPN" or people_noun(subj.lower_) or subj.lower_ in _PERSON_PRONOUNS:
        return False
    if not any(c.dep_ in ("acomp", "attr") for c in head.children) or any(c.dep_ in ("prep", "advmod") and c.lower_ in (
            "at", "in", "to", "there", "here", "with") for c in head.children):
        return False
    return subj.ent_type_ != "PERSON" or knowledge.names_a_person(subj.lower_) is False


def _news_of_the_users(doc: Any) -> bool:
    """The sentence passes on news whose own subject is the user or a thing of theirs ("Garage rang:
    I can pick it up after 4", "Tracker's changed, it says my passport's been printed"): a clause
    said or reported under another verb (its ccomp, or a clause after a colon), not a relative's
    doing ("Mum says my brother is moving": someone else's)."""
    for t in doc:
        if t.dep_ not in ("ccomp", "parataxis") or t.pos_ not in ("VERB", "AUX") or t.i < t.head.i \
                and not any(p.text == ":" for p in doc[t.i: t.head.i]):
            continue
        if t.lower_ in opener_words():  # a chat filler the parser took for a verb ("… my videos lol")
            continue
        subj = _subject(t)
        if subj is None:
            continue
        if is_user(subj):
            return True
        if has_user_possessor(subj) \
                and not (people_noun(subj.lemma_) or people_noun(subj.lower_)):
            return True
    return False


_ME_WORDS = USER_OBJECTS | USER_POSSESSIVES | USER_REFLEXIVES | USER_OWN
_OTHER_CLAUSES = ("conj", "advcl", "ccomp", "parataxis", "relcl", "cc", "pcomp")


def _involves_user(head: Any, subj: Any) -> bool:
    """The clause of ``head`` acts on the user or on theirs ("put me on antibiotics", "ripping out
    our kitchen"), outside its subject and its own joined clauses ("… and I'm so jealous" is
    another clause); not when it hands the user something of someone else's ("offered me his old
    lens", "went to my cousin's wedding"), gives or offers the user something ("offered me a spare
    hive") or asks the user to do something ("keeps telling me to read …"): the doer's story."""
    verbs = [head] + [c for c in head.children if c.dep_ == "xcomp"]  # "keeps telling me to …"
    if any(has_user_object(v)
           and any(c.dep_ in ("xcomp", "ccomp") and c.i > v.i for c in v.children) for v in verbs):
        return False  # "keeps telling me to read …", "wants me to join …"
    skip = {t.i for t in subj.subtree}
    todo = [c for c in head.children if c.i not in skip and c.dep_ not in _OTHER_CLAUSES]
    mine = others = False
    while todo:
        t = todo.pop()
        if t.lower_ in _ME_WORDS and not people_noun(t.head.lemma_) and t.dep_ != "dative":
            mine = True  # "our kitchen", "put me on" (not "my cousin", whose thing it is, nor "offered me")
        if t.lower_ in _REFERS_BACK or t.dep_ == "poss" and t.lower_ not in _ME_WORDS:
            others = True  # "his lens", "my cousin's wedding"
        todo += [c for c in t.children if c.dep_ not in _OTHER_CLAUSES]
    return mine and not others


def _main_clause(root: Any) -> tuple[Any, Any]:
    """The verb whose subject tells whose doing the sentence is, and that subject: the main verb's,
    or a clause's joined before it ("Our neighbours are redoing their bathroom, the whole street is
    drilling"); a subordinate clause ("When …") is background."""
    heads = sorted([root] + [c for c in root.children if c.dep_ in ("ccomp", "conj", "parataxis") and c.i < root.i
                             and c.pos_ in ("VERB", "AUX")], key=lambda t: t.i)
    for h in heads:
        subj = _subject(h)
        if subj is not None:
            return h, subj
    return root, None


@lru_cache(maxsize=4096)
def only_a_possessor(sentence: str, who: str) -> bool:
    """``who`` is named in the sentence only as the holder of another person ("Tomasz's sister Ola
    had her first day at …", "Nadia's boss moved to Leeds"): the sentence tells of that person,
    not of ``who``. A name the parse does not find, or one used as a doer or a thing's holder
    ("Tomasz's school"), is not."""
    parse = nlp()
    if parse is None or not who:
        return False
    doc = parse(sentence)
    first = who.split()[0].casefold()
    mentions = [t for t in doc if t.text.casefold() == first]
    if not mentions or any(t.lower_ in ("him", "her", "them") and t.dep_ in ("dobj", "dative", "iobj", "pobj")
                           for t in doc):
        return False  # someone acted on besides the doer is the named holder ("Tomasz's wife got him a job")
    for tok in mentions:
        head = tok.head
        while head.dep_ in ("compound", "flat") and head.head.i != head.i:
            head = head.head
        person = people_noun(head.lower_) or head.ent_type_ == "PERSON" or any(
            c.dep_ in ("compound", "appos") and people_noun(c.lower_) for c in head.children)  # "cousin Zofia"
        if tok.dep_ != "poss" or not person:
            return False
    return True

"""What a held slot's thread says, and whose thing a probe names (issue #13 item 7).

A slot memory holds about another person or thing was stated in a sentence; its *thread* is the
words of its entity's names and of that sentence, less its value. Two readings use it: a pronoun
whose sentence before named something continues only a thread that says a word of it
(:mod:`.continuation`), and a probe that names its thing as someone's ("Jo's leaving do", "Mum's
MOT") never gives a value to a thread that does not say that person (:func:`another_owner`).
"""

from __future__ import annotations

from kgmem.extraction.schema import SlotProbe
from kgmem.extraction.zero.lexicon import PEOPLE_NOUNS
from kgmem.memory.entities import _name_words
from kgmem.models import Entity, Fact


def first_sentence(fact: Fact) -> str:
    """The sentence that stated a held fact (its text is "<statement> (<sentence>)")."""
    text = fact.text or ""
    return text.split(" (", 1)[1].rstrip(")") if " (" in text else text


def thread_words(ent: Entity, fact: Fact) -> set[str]:
    """Content words of a held slot's thread: its entity's names and the sentence that stated it, but
    its value ("boiler", "service", "book" for "the boiler service is booked for Tuesday at 9")."""
    words = {w for n in (ent.name, *ent.aliases) for w in _name_words(n)} | set(_name_words(first_sentence(fact)))
    return words - set(_name_words(fact.value or ""))


def owners(probe: SlotProbe) -> set[str]:
    """Whose the probe's subject says its thing is ("Jo's leaving do got moved": jo; "Mum's MOT":
    mum): the first word of the subject's name (the probe's first mention, of two words or more; or
    the next, when the first is that owner named alone: the extractor lists "Jo", "Jo leaving" for
    "Jo's leaving do") when it is a people noun or is also named alone (the extractor names a
    possessor apart: "Leo's lesson" gives "Leo" too), and is none of the probe's values ("Atlas is Jonas's baby now")."""
    names = [ws for m in probe.mentions if (ws := _name_words(m))]
    # the owner named alone before its thing (["Jo", "Jo leaving"]; the extractor also reads "Jo" as a
    # person value then)
    alone_first = len(names) > 1 and len(names[0]) == 1 and names[1][:1] == names[0]
    names = names[1:] if alone_first else names
    if not names or len(ws := names[0]) < 2:
        return set()
    alone = {w[0] for m in probe.mentions if len(w := _name_words(m)) == 1}
    values = set() if alone_first else {w for v, _ in probe.values for w in _name_words(v)}
    return {ws[0]} - values if ws[0] in alone or ws[0] in PEOPLE_NOUNS else set()


def another_owner(probe: SlotProbe, ent: Entity, fact: Fact | None) -> bool:
    """The probe names the thing as someone's whom neither the held thing's names nor its first
    sentence say ("Jo's leaving do got moved to Saturday" is not "Sam's leaving drinks"; "Mum's MOT"
    is not the car's): a value read onto that slot would merge two people's things (rev12, 15:48).
    A relative the held thing was told of may be named later ("my daughter's passport renewal",
    then "Daisy's passport"): a name for a held people noun is no other owner."""
    if fact is None or not (other := owners(probe) - thread_words(ent, fact)):
        return False
    held = _name_words(ent.name)
    return not (len(held) > 1 and held[0] in PEOPLE_NOUNS and not other & PEOPLE_NOUNS)


def relatives_of(probe: SlotProbe) -> set[str]:
    """People a probe names only as whose relative or colleague its subject is ("Priya's sister has
    just moved to Leeds": priya; "my flatmate Jess's brother": jess): the words before a people noun
    that ends a name of two words or more (the people nouns themselves aside)."""
    return {w for m in probe.mentions if len(ws := _name_words(m)) > 1 and ws[-1] in PEOPLE_NOUNS
            for w in ws[:-1] if w not in PEOPLE_NOUNS}


def someone_elses_relative(probe: SlotProbe, ent: Entity) -> bool:
    """The probe is about a relative of the held person, not the person ("Priya's sister has just moved"
    gives Priya no new home: rev13 18:42): the person's name is a possessor of a people noun the probe
    names, and the person's own names do not hold that noun."""
    if ent.type != "person":
        return False
    names = {w for n in (ent.name, *ent.aliases) for w in _name_words(n)}
    return bool(names & relatives_of(probe)) and not names & PEOPLE_NOUNS

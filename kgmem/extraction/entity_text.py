"""How a fact about another person or thing reads when stored (extraction and the memory manager
both write such facts): "Liam lives in: Brisbane", not the user's predicate wording ("city or place
the user lives in")."""

from __future__ import annotations

from kgmem import predicates

#: how a fact about someone else reads ("Liam lives in Brisbane", not the user's predicate wording)
_SAYS = {"scheduled_for": "{e} is on / at: {v}", "due_date": "{e} is due: {v}", "venue": "{e} is held at / located at: {v}",
         "status": "{e} status: {v}", "person_in_charge": "{e} is led / run / handled by: {v}",
         "amount": "{e} costs / price: {v}", "provider": "{e} provider: {v}", "name": "{e} is / is called: {v}",
         "lives_in": "{e} lives in: {v}", "works_at": "{e} works at: {v}", "job_title": "{e} works as: {v}",
         "diet": "{e} diet: {v}", "allergic_to": "{e} is allergic to: {v}", "commute": "{e} gets around by: {v}",
         "partner_name": "{e} is going out with / the partner of {e} is: {v}"}


def statement(entity: str, attr: str, value: str) -> str:
    """The sentence a fact about another person or thing is stored as."""
    if (words := predicates.attribute_words(attr)):
        return f"{entity} {words}: {value}."  # an open attribute: "Milo shoe size: 13."
    pred = predicates.get(attr)
    pattern = _SAYS.get(attr) or "{e} — " + (pred.description.split(" (")[0] if pred is not None else attr) + ": {v}"
    return pattern.format(e=entity, v=value) + "."

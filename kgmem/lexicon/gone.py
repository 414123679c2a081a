"""Words after a value that say it is gone or over ("Lou's stepped down", "Greenway kept cancelling",
"the Falmouth sale fell through", "Gemma's on maternity leave", "Chloe's gone off travelling").

Shared by memory (a correction anchored on the slot it replaces, kgmem/memory/anchoring.py) and
answers (a slot value a later line calls gone is not asserted, kgmem/answer/entity_slot.py).
"""

from __future__ import annotations

import re

_OLD_AFTER = re.compile(r"^(?:'s|\s+(?:has|have|had|is|was))?\s*(?:\w+\s+){0,2}?(?:left|quit|stepped\s+down|stood\s+down|"
                        r"retired|resigned|gone|going|leaving|moved\s+(?:on|to|away)|kept\s+cancel|cancel|"
                        r"fell\s+through|is\s+off|was\s+(?:already\s+)?taken|on\s+(?:\w+\s+)?leave|"
                        r"out\s+for|off\s+(?:sick|travelling|traveling)|did\s+(?:his|her|their)\s+\w+\s+in|"
                        r"handed\s+over|no\s+longer|not\s+any\s*more|closed|shut|vetoed|scrapped|rejected|dropped|binned|ditched)")


def gone_after(text: str, end: int) -> bool:
    """The words after ``text[:end]`` (normalised text) say that what ends there is gone or over
    ("Lou's stepped down", "the Crown's closed", "Gemma's on maternity leave")."""
    return bool(_OLD_AFTER.search(text[end: end + 40]))

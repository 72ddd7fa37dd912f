"""Free-text guard room: a school class with its school.

"7B på Nordby skole", "elev i 9. klasse ved Kjelle ungdomsskole", "Vg2 ved Strømmen videregående".

A class pins a child down to some twenty-five; a year group ("10. trinn ved Kjelle") describes a
cohort and is not reported. A school named alone (the principal of Nordby skole) is not either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from domain.shared.free_text.findings import Finding, Kind

_UP = "A-ZÆØÅ"
_LOW = "a-zæøå"
_ORDINALS = "første|andre|tredje|fjerde|femte|sjette|sjuende|syvende|åttende|niende|tiende"
_CLASS = rf"(?:\d{{1,2}}\s?[{_UP}](?![\w])|\d{{1,2}}\.\s?klasse(?:trinn)?|(?:{_ORDINALS})\s(?:klasse|trinn)|[Vv][Gg][1-3](?:\s?[{_UP}](?!\w))?)"
_SCHOOL_WORD = (
    r"(?:skole|skule|skolen|ungdomsskole|ungdomsskolen|barneskole|barneskolen|videregående"
    r"(?:\s(?:skole|skule))?|vgs|oppvekstsenter|montessoriskole|friskole)"
)
_SCHOOL = (
    rf"(?:(?:[{_UP}][{_LOW}-]+\s){{1,3}}{_SCHOOL_WORD}"
    rf"|[{_UP}][{_LOW}-]+(?:skolen|skole|skule|ungdomsskole))"
)
_LINK = r"\s(?:på|ved|i|fra)\s"
_CLASS_THEN_SCHOOL = re.compile(rf"(?<!\w){_CLASS}{_LINK}{_SCHOOL}(?!\w)")
_SCHOOL_THEN_CLASS = re.compile(rf"(?<!\w){_SCHOOL}(?:,\s|\s\(|\s(?:i|klasse)\s){_CLASS}")


def schools(text: str) -> Iterator[Finding]:
    for pattern in (_CLASS_THEN_SCHOOL, _SCHOOL_THEN_CLASS):
        for m in pattern.finditer(text):
            yield Finding(
                kind=Kind.SCHOOL_CLASS, start=m.start(), end=m.end(), matched=m.group(), score=0.9
            )

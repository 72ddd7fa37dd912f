"""Free-text guard room: dates of birth in Norwegian forms (født 03.04.2011, f. 3. april 2011,
født i 2011, fødselsdato 2011-04-03).

A date alone is not a date of birth: minutes are full of meeting dates. A birth cue before it is
what makes it one, so only cued dates are reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from domain.shared.free_text.findings import Finding, Kind

_MONTHS = (
    "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|nov|des"
)
_CUE = r"(?:født|fødd|f\.(?!\s?eks)|fødselsdato|fødselsdag|fødselsår|f\.\s?dato|fdato|fnr-dato|dob)"
_FILLER = r"(?:\s*:)?(?:\s+(?:den|i|år|året|ca\.?|omkring|rundt))?\s*"
_FULL = (
    rf"(?P<full>\d{{1,2}}\.\s?\d{{1,2}}\.\s?(?:\d{{4}}|\d{{2}})(?!\d)"
    rf"|\d{{1,2}}\.\s?(?:{_MONTHS})\.?\s\d{{4}}"
    rf"|\d{{1,2}}/\d{{1,2}}-(?:\d{{4}}|\d{{2}})(?!\d)"
    rf"|\d{{4}}-\d{{2}}-\d{{2}})"
)
_YEAR = r"(?P<year>(?:19|20)\d{2})(?![\d.-])"
_BIRTH = re.compile(rf"(?<!\w){_CUE}{_FILLER}(?:{_FULL}|{_YEAR})", re.IGNORECASE)


def births(text: str) -> Iterator[Finding]:
    for m in _BIRTH.finditer(text):
        group = "full" if m.group("full") else "year"
        start, end = m.span(group)
        yield Finding(
            kind=Kind.DATE_OF_BIRTH,
            start=start,
            end=end,
            matched=text[start:end],
            score=0.9 if group == "full" else 0.7,
        )

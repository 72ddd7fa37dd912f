"""Free-text guard room: dates of birth in Norwegian forms.

Cued (født 03.04.2011, f. 3. april 2011, født i 2011, fødselsdato 2011-04-03) or a bare
03.04.2011 that is old enough.

Minutes are full of meeting dates, so a bare date counts only when the caller says which year it
is (``reference_year``) and the date lies 3 to 100 years before it; a cued date always counts.
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
_BARE = re.compile(
    rf"(?<![\w.,/-])(?:\d{{1,2}}\.\s?\d{{1,2}}\.\s?(?P<y1>\d{{4}})"
    rf"|\d{{1,2}}\.\s?(?:{_MONTHS})\.?\s(?P<y2>\d{{4}})|(?P<y3>\d{{4}})-\d{{2}}-\d{{2}})(?![\d-])",
    re.IGNORECASE,
)
# A bare date after these words dates a document or an event, not a person.
_EVENT_CUE = re.compile(
    r"\b(?:fra|til|siden|datert|signert|underskrevet|vedtatt|inngått|per|pr\.|møte|møtet|"
    r"referat|innen|frist|gjelder|gyldig|revidert|sist)\s+(?:den\s+)?$",
    re.IGNORECASE,
)
# "Ola Nordmann (03.04.2011)": a date in brackets right after a name is a birth date.
_AFTER_NAME = re.compile(r"[A-ZÆØÅ][a-zæøå]+ \($")
SCORE_CUED = 0.9
SCORE_CUED_YEAR = 0.7
SCORE_AFTER_NAME = 0.6
SCORE_BARE = 0.4


def births(text: str, reference_year: int | None = None) -> Iterator[Finding]:
    cued: list[tuple[int, int]] = []
    for m in _BIRTH.finditer(text):
        group = "full" if m.group("full") else "year"
        start, end = m.span(group)
        cued.append((start, end))
        score = SCORE_CUED if group == "full" else SCORE_CUED_YEAR
        yield Finding(
            kind=Kind.DATE_OF_BIRTH, start=start, end=end, matched=text[start:end], score=score
        )
    if reference_year is None:
        return
    for m in _BARE.finditer(text):
        year = int(m.group("y1") or m.group("y2") or m.group("y3"))
        if not reference_year - 100 <= year <= reference_year - 3 or m.span() in cued:
            continue
        before = text[max(0, m.start() - 30) : m.start()]
        if _EVENT_CUE.search(before):
            continue
        after_name = _AFTER_NAME.search(before) is not None
        yield Finding(
            kind=Kind.DATE_OF_BIRTH,
            start=m.start(),
            end=m.end(),
            matched=m.group(),
            score=SCORE_AFTER_NAME if after_name else SCORE_BARE,
        )

"""Free-text guard room: street addresses, postcode + place, and licence plates."""

from __future__ import annotations

import re
from collections.abc import Iterator

from domain.shared.free_text.findings import Finding, Kind

_UP = "A-ZÆØÅ"
_LOW = "a-zæøåéü"
_STREET_ENDINGS = (
    "gata|gaten|gate|gt\\.|veien|vegen|vei|veg|vn\\.|stien|stuen|plassen|plass|allé|alle|"
    "bakken|bakke|lia|løkka|svingen|tunet|ringen|brekka|haugen|jordet|kroken|grenda|"
    "torget|brygga|brygge|kaia|myra|åsen|sletta|skogen|linna|tunet|lyngen"
)
# One word ending in a street suffix (Storgata, Nordbyveien), or up to three words before a
# separate suffix (Karl Johans gate, Øvre Slottsgate); then a house number and maybe a letter.
_STREET = re.compile(
    rf"(?<![\w])(?:(?:[{_UP}][{_LOW}]+[ -]){{0,2}}[{_UP}][{_LOW}]*(?:{_STREET_ENDINGS})"
    rf"|(?:[{_UP}][{_LOW}]+ ){{1,3}}(?:gate|gata|vei|veg|plass|allé|alle))"
    rf" (?P<number>[1-9]\d{{0,3}}(?: ?[A-Ha-h])?)(?![\w/.,]\d|\w)"
)
_POSTCODE = re.compile(
    rf"(?<![\w/.,:-])(?<!\d )(?P<code>\d{{4}})[ \u00a0](?P<place>[{_UP}][{_LOW}]+(?:[ -][{_UP}][{_LOW}]+)?)(?!\w)"
)
# "i 2026 Lillestrøm": a year, not a postcode.
_TIME_WORDS = re.compile(
    r"(?:\b(?:i|år|året|innen|fra|til|før|etter|per|siden|høsten|våren|sommeren|vinteren|"
    r"januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember|"
    r"budsjett|budsjettet|plan|planen|handlingsplan|handlingsplanen)\s+)$",
    re.IGNORECASE,
)
_RESIDENCE = re.compile(
    r"(?:\b(?:bor|bosatt|flyttet|flytter|adresse|adr\.|postadresse)(?:\s+(?:i|til|på))?|\w,)\s+$",
    re.IGNORECASE,
)
_PLATE = re.compile(
    rf"(?<![\w/.-])(?P<letters>[{_UP}]{{2}})[ \u00a0-]?(?P<digits>[1-9]\d{{4}})(?![\w/.,-]?\d)(?!\w)"
)
# Abbreviations that look like a plate series in minutes ("NR 12345"): kept, with a low score.
_NOT_SERIES = frozenset({"NR", "KR", "ID", "NO", "OK", "TV", "PC", "EU", "FN", "AS", "SA", "KL"})


def streets(text: str) -> Iterator[Finding]:
    for m in _STREET.finditer(text):
        score = 0.9 if m.group("number")[-1].isalpha() else 0.85
        yield Finding(
            kind=Kind.ADDRESS, start=m.start(), end=m.end(), matched=m.group(), score=score
        )


def postcodes(text: str) -> Iterator[Finding]:
    for m in _POSTCODE.finditer(text):
        code = int(m.group("code"))
        before = text[max(0, m.start() - 25) : m.start()]
        year_like = 1900 <= code <= 2099 and not _RESIDENCE.search(before)
        if year_like and _TIME_WORDS.search(before):
            continue
        score = 0.5 if year_like else 0.8
        yield Finding(
            kind=Kind.POSTCODE_PLACE, start=m.start(), end=m.end(), matched=m.group(), score=score
        )


def plates(text: str) -> Iterator[Finding]:
    for m in _PLATE.finditer(text):
        score = 0.4 if m.group("letters") in _NOT_SERIES else 0.85
        yield Finding(
            kind=Kind.LICENCE_PLATE, start=m.start(), end=m.end(), matched=m.group(), score=score
        )

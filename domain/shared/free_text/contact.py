"""Free-text guard room: phone numbers (Norwegian, eight digits) and e-mail addresses."""

from __future__ import annotations

import re
from collections.abc import Iterator

from domain.shared.free_text.findings import Finding, Kind

_S = r"[ \u00a0]"
# Eight digits as people write them: 12345678, 1234 5678, 123 45 678, 12 34 56 78 (or with dots or
# hyphens, one kind per number; 4-4 with a hyphen only for mobiles, as "2026-2027" is a period);
# optionally after +47 or 0047. A budget figure is grouped in
# threes (12 345 678), which none of these is.
_PHONE = re.compile(
    rf"(?<![\w+])(?<!\d{_S})(?<!\d[.,-])(?P<prefix>(?:\+|00)47[ \u00a0-]?)?"
    r"(?P<number>\d{8}|\d{4}[ \u00a0]\d{4}|[49]\d{3}-\d{4}"
    r"|\d{3}(?P<a>[ \u00a0.-])\d{2}(?P=a)\d{3}"
    r"|\d{2}(?P<b>[ \u00a0.-])\d{2}(?P=b)\d{2}(?P=b)\d{2})"
    rf"(?!\d)(?![,.-]\d)(?!{_S}\d)"
)
_PHONE_CUE = re.compile(r"(?:tlf|telefon|mobil|mob|tel|ring|ringe|sms|nr)\.?:?\s*$", re.IGNORECASE)
_AMOUNT_BEFORE = re.compile(
    r"(?:kr|nok|kroner|beløp|budsjett\w*|ramme\w*|sum)\.?\s*$", re.IGNORECASE
)
_AMOUNT_AFTER = re.compile(r"^\s*(?:kr\b|kroner|nok\b|,-|mill)", re.IGNORECASE)

# "kari (at) example.no" and "kari[at]example.no" hide an address from harvesters, not from us.
_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+-]+(?:@|\s?[(\[](?:at|alfa|krøllalfa)[)\]]\s?)"
    r"[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])",
    re.IGNORECASE,
)
# Functional mailboxes belong to an office, not a person.
ROLE_MAILBOXES = frozenset(
    {"post", "postmottak", "firmapost", "kontakt", "info", "servicetorget", "slt", "politiet"}
)


def _phone_score(prefixed: bool, first: str, cued: bool) -> float | None:
    if first in "49":
        base = 0.9  # mobile
    elif first in "23567":
        base = 0.6  # fixed line
    else:
        return 0.7 if prefixed or cued else None  # 0, 1 and 8 series: not a personal line
    return 1.0 if prefixed or cued else base


def phones(text: str) -> Iterator[Finding]:
    for m in _PHONE.finditer(text):
        before, after = text[max(0, m.start() - 20) : m.start()], text[m.end() : m.end() + 8]
        prefixed = m.group("prefix") is not None
        if not prefixed and (_AMOUNT_BEFORE.search(before) or _AMOUNT_AFTER.match(after)):
            continue
        found = _phone_score(prefixed, m.group("number")[0], bool(_PHONE_CUE.search(before)))
        if found is not None:
            yield Finding(
                kind=Kind.PHONE, start=m.start(), end=m.end(), matched=m.group(), score=found
            )


def emails(text: str) -> Iterator[Finding]:
    for m in _EMAIL.finditer(text):
        local = re.split(r"@|\s?[(\[]", m.group(), maxsplit=1)[0].casefold()
        if local in ROLE_MAILBOXES:
            continue
        yield Finding(kind=Kind.EMAIL, start=m.start(), end=m.end(), matched=m.group(), score=0.95)

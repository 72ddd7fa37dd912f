"""Every log line the suite produces, as the service would write it, and the personal data that
must never be in one: synthetic identity numbers, persona and demo person names, e-mails."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from adapters.identity.personas import PERSONAS
from adapters.postgres.demo import PERSONS
from adapters.postgres.demo.cases import CASES
from api.logs import JsonFormatter
from domain.shared.identity_number import parse

TESTS = Path(__file__).resolve().parent.parent
_NUMBER = re.compile(r"(?<!\d)\d{11}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


# The case tests' subjects, guardians and note texts (issue 11): "name": "Barn Testesen",
# name="Mor Testesen", ("Far Testesen", "father"), "text": "Sover dårlig, lite på skolen."
_CASE_DIRS = ("api/cases", "security", "unit/cases", "repositories/cases")
_PERSON = r"[A-ZÆØÅ][a-zæøå]+ [A-ZÆØÅ][a-zæøå]+"
_CASE_WORDS = (
    re.compile(rf'"name": "({_PERSON})"'),
    re.compile(rf'\bname="({_PERSON})"'),
    re.compile(rf'\("({_PERSON})", "[a-z]+"\)'),
    re.compile(r'"text": "([^"\\]{12,200})"'),
)


def case_test_words() -> list[tuple[str, str]]:
    out = []
    for folder in _CASE_DIRS:
        for source in sorted((TESTS / folder).rglob("*.py")):
            text = source.read_text(encoding="utf-8")
            for pattern in _CASE_WORDS:
                out += [(m, str(source.relative_to(TESTS))) for m in pattern.findall(text)]
    return out


def forbidden_strings() -> dict[str, str]:
    """Each string that must not appear in a log line, with what it is."""
    found: dict[str, str] = {}
    for source in sorted(TESTS.rglob("*.py")):
        text = source.read_text(encoding="utf-8")
        for number in _NUMBER.findall(text):
            if parse(number) is not None:  # checksum-valid: an identity number, not an id
                found[number] = f"identity number from {source.relative_to(TESTS)}"
        for email in _EMAIL.findall(text):
            found[email] = f"e-mail from {source.relative_to(TESTS)}"
    for p in PERSONAS:
        found[p.pid] = f"identity number of persona {p.key}"
        found[p.display_name] = f"name of persona {p.key}"
    for key, name, _title, _org in PERSONS:
        found[name] = f"name of demo person {key}"
        found[f"{key}@demo.invalid"] = f"e-mail of demo person {key}"
    for needle, source in case_test_words():
        found.setdefault(needle, f"name or note text from {source}")
    for case in CASES:  # the case register's subjects and guardians (issue 11)
        found[case.subject] = f"name of the subject of demo case {case.key}"
        for guardian, _relation in case.guardians:
            found[guardian] = f"name of a guardian in demo case {case.key}"
    return found


class LogCapture(logging.Handler):
    """A root handler that keeps each record formatted by the service's JSON formatter, so
    what is checked is exactly what production would write (message, fields, traceback)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(JsonFormatter())
        self.lines: list[tuple[str, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.lines.append((record.name, self.format(record)))
        except Exception:  # a line we cannot format is still checked by its message
            self.lines.append((record.name, str(record.msg)))

    def violations(self, forbidden: dict[str, str]) -> list[str]:
        return [
            f"{what} ({needle!r}) in a {logger} line: {line[:400]}"
            for logger, line in self.lines
            for needle, what in forbidden.items()
            if needle in line
        ]

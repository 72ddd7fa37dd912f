"""Free-text guard room: ``check`` runs every recogniser over a text and applies the bodies' rule.

Steering and coordinating bodies never handle individual cases (handbook § 2.1): when such a
body's text holds personal data, the result names that rule too, so the message says why the text
does not belong there at all rather than only asking for a rewrite.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from domain.shared.free_text import births, contact, identity, names, places, school
from domain.shared.free_text.findings import Finding, Kind, resolve
from domain.shared.free_text.index import NameIndex, cached

NO_INDIVIDUAL_CASES = "no-individual-cases"
NO_CASE_LEVELS = frozenset({"steering", "coordinating"})
LEVELS = NO_CASE_LEVELS | {"executive"}


@dataclass(frozen=True, slots=True, kw_only=True)
class RuleNotice:
    """A rule the text breaks beyond holding personal data: a stable code and an English message."""

    code: str
    message: str


@dataclass(frozen=True, slots=True, kw_only=True)
class GuardResult:
    """The findings in position order, and the bodies' rule when it applies. Blocked if any finding."""

    findings: tuple[Finding, ...]
    rule: RuleNotice | None = None

    @property
    def blocked(self) -> bool:
        return bool(self.findings)

    def counts(self) -> dict[Kind, int]:
        """How many findings of each kind: what a log line or an override record may carry."""
        return dict(Counter(f.kind for f in self.findings))


def _rule(level: str | None) -> RuleNotice:
    return RuleNotice(
        code=NO_INDIVIDUAL_CASES,
        message=(
            f"A {level} body never handles individual cases: personal data does not belong in its "
            "texts. Take the case to the executive level (or the service that holds it) and refer "
            "to it with a case token such as 'Barn A'."
        ),
    )


def check(
    text: str,
    *,
    registered_names: Iterable[str] | NameIndex = (),
    level: str | None = None,
    reference_year: int | None = None,
) -> GuardResult:
    """Every piece of personal data the recognisers find in ``text``.

    ``registered_names`` are the names in the case register (subjects, guardians); a prebuilt
    ``NameIndex`` is taken as it is. ``level`` is the body's level (steering, coordinating or
    executive) or None for text outside a body. ``reference_year`` (the clock's year) lets a bare
    date 3-100 years back count as a date of birth; without it only cued dates ("født …") do.
    """
    if level is not None and level not in LEVELS:
        raise ValueError(f"unknown body level {level!r}")
    index = (
        registered_names
        if isinstance(registered_names, NameIndex)
        else cached(tuple(registered_names))
    )
    found = resolve(
        [
            *identity.recognise(text),
            *contact.phones(text),
            *contact.emails(text),
            *places.streets(text),
            *places.postcodes(text),
            *places.plates(text),
            *births.births(text, reference_year),
            *school.schools(text),
            *names.names(text, index),
        ]
    )
    rule = _rule(level) if found and level in NO_CASE_LEVELS else None
    return GuardResult(findings=found, rule=rule)

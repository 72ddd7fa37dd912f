"""Free-text guard (PRIVACY.md § 4): finds personal data in minutes, notes and other free text.

A kernel piece every context with free text uses (meetings now, measures and cases later).
Deterministic pure-Python recognisers (``re``, no models); see docs/adr/0013-free-text-guard.md.
"""

from domain.shared.free_text.findings import Finding, Kind
from domain.shared.free_text.guard import (
    NO_CASE_LEVELS,
    NO_INDIVIDUAL_CASES,
    GuardResult,
    RuleNotice,
    check,
)
from domain.shared.free_text.index import NameIndex, build
from domain.shared.free_text.override import REASON_MAX, Override, PersonalDataFound, admit

__all__ = [
    "NO_CASE_LEVELS",
    "NO_INDIVIDUAL_CASES",
    "REASON_MAX",
    "Finding",
    "GuardResult",
    "Kind",
    "NameIndex",
    "Override",
    "PersonalDataFound",
    "RuleNotice",
    "admit",
    "build",
    "check",
]

"""Agreements domain room: what the agreement list can be asked (kind, derived status, a search)."""

from __future__ import annotations

from dataclasses import dataclass

from domain.agreements.agreement import AgreementKind, AgreementStatus
from domain.agreements.limits import SEARCH_MAX
from domain.shared import validation as v
from domain.shared.errors import Errors


@dataclass(frozen=True, slots=True, kw_only=True)
class AgreementFilter:
    q: str | None = None
    kind: AgreementKind | None = None
    status: AgreementStatus | None = None

    def __post_init__(self) -> None:
        if self.q is None:
            return
        e = Errors()
        if len(self.q) > SEARCH_MAX:
            e.add("q", "too-long", f"At most {SEARCH_MAX} characters.", {"max": SEARCH_MAX})
        v.characters(e, "q", self.q)
        e.raise_if_any()

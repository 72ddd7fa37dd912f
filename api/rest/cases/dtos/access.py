"""REST cases room: how every item about a subject renders — shown with ``access`` (the "why can I
see this?") or withheld (the reason, category and regime; never the value)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, Self, TypeVar
from uuid import UUID

from pydantic import Field

from api.rest.dtos import Dto
from domain.cases.decision import DenyReason, Explanation, Permit
from domain.cases.policy import LegalBasisCode
from domain.cases.regimes import Category, SourceRegime
from domain.cases.views import Field as ItemField
from domain.cases.views import Shown as ShownItem
from domain.cases.views import Withheld

T = TypeVar("T")
R = TypeVar("R")


class AccessRead(Dto):
    """Why the reader sees this item: the legal basis the decision point permitted it on."""

    basis: LegalBasisCode
    consent_id: UUID | None = Field(description="The consent it rests on, when basis is consent.")
    legal_basis_id: UUID | None = Field(description="The recorded legal basis, if one.")
    break_glass_id: UUID | None = Field(description="The break-glass grant, if read under one.")
    explanation: Explanation = Field(description="A code to word: own-service, consent, ….")
    policy_version: str

    @classmethod
    def of(cls, p: Permit) -> Self:
        return cls(
            basis=p.basis,
            consent_id=p.consent_id,
            legal_basis_id=p.legal_basis_id,
            break_glass_id=p.break_glass_id,
            explanation=p.explanation,
            policy_version=p.policy_version,
        )


class WithheldRead(Dto):
    """Something is here that the reader may not see: why, and what kind — never what."""

    withheld: Literal[True] = True
    reason: DenyReason
    category: Category
    regime: SourceRegime
    policy_version: str

    @classmethod
    def of(cls, w: Withheld) -> Self:
        return cls(
            reason=w.reason, category=w.category, regime=w.regime, policy_version=w.policy_version
        )


class Shown(Dto):
    """Base of a shown item: ``withheld`` false, and why it may be seen."""

    withheld: Literal[False] = False
    access: AccessRead


def render(item: ItemField[T], shown: Callable[[ShownItem[T]], R]) -> R | WithheldRead:
    """A shown item through ``shown``; a withheld one as ``WithheldRead``."""
    if isinstance(item, ShownItem):
        return shown(item)
    return WithheldRead.of(item)

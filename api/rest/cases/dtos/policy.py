"""REST cases room: the consent and disclosure policy's vocabulary (versioned data) — categories,
regimes, organisation types' regimes, legal bases with citations, duties — for the SPA's words."""

from __future__ import annotations

from typing import Self

from pydantic import Field

from api.rest.dtos import Dto
from domain.cases.decision import DenyReason
from domain.cases.note import Duty, DutyTag
from domain.cases.policy import (
    DUTIES,
    DUTIES_OF_TAG,
    LEGAL_BASES,
    POLICY,
    RECORDABLE_BASES,
    LegalBasisCode,
)
from domain.cases.regimes import REGIME_OF_ORGANISATION, Category, SourceRegime
from domain.organisation.model import OrganisationType


class LegalBasisInfo(Dto):
    code: LegalBasisCode
    citation: str
    text: dict[str, str] = Field(description="Language (nb, nn, en) → what it means.")
    recordable: bool = Field(description="A case lead may record it for a recipient.")


class DutyInfo(Dto):
    duty: Duty
    citation: str
    guidance: dict[str, str]
    tags: list[DutyTag] = Field(description="The note tags that prompt it.")


class OrganisationRegime(Dto):
    organisation_type: OrganisationType
    regime: SourceRegime


class CasePolicyRead(Dto):
    policy_version: str
    categories: list[Category]
    regimes: list[SourceRegime]
    organisation_regimes: list[OrganisationRegime] = Field(
        description="Each organisation type's source regime (others: slt)."
    )
    legal_bases: list[LegalBasisInfo]
    duties: list[DutyInfo]
    deny_reasons: list[DenyReason]
    break_glass_hours: int
    retention_days_default: int
    adult_age: int
    health_alone_age: int = Field(description="From this age the young person decides alone.")
    child_welfare_party_age: int

    @classmethod
    def current(cls) -> Self:
        return cls(
            policy_version=POLICY.version,
            categories=list(Category),
            regimes=list(SourceRegime),
            organisation_regimes=[
                OrganisationRegime(
                    organisation_type=t, regime=REGIME_OF_ORGANISATION.get(t, SourceRegime.SLT)
                )
                for t in OrganisationType
            ],
            legal_bases=[
                LegalBasisInfo(
                    code=b.code,
                    citation=b.citation,
                    text=dict(b.text),
                    recordable=b.code in RECORDABLE_BASES,
                )
                for b in LEGAL_BASES.values()
            ],
            duties=[
                DutyInfo(
                    duty=d.duty,
                    citation=d.citation,
                    guidance=dict(d.guidance),
                    tags=[t for t, ds in DUTIES_OF_TAG.items() if d.duty in ds],
                )
                for d in DUTIES.values()
            ],
            deny_reasons=list(DenyReason),
            break_glass_hours=POLICY.break_glass_hours,
            retention_days_default=POLICY.retention_days_default,
            adult_age=POLICY.adult_age,
            health_alone_age=POLICY.health_alone_age,
            child_welfare_party_age=POLICY.child_welfare_party_age,
        )

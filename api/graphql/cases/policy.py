"""GraphQL, cases context: the consent and disclosure policy's vocabulary (versioned data), as
``GET /api/case-policy`` returns it — categories, regimes, legal bases with citations, duties."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from domain.cases.decision import DenyReason
from domain.cases.policy import DUTIES, DUTIES_OF_TAG, LEGAL_BASES, POLICY, RECORDABLE_BASES
from domain.cases.regimes import REGIME_OF_ORGANISATION, Category, SourceRegime
from domain.organisation.model import OrganisationType


@strawberry.type
class LegalBasisInfo:
    code: str
    citation: str
    text: JSON = strawberry.field(description="Language (nb, nn, en) → what it means.")
    recordable: bool = strawberry.field(description="A case lead may record it for a recipient.")


@strawberry.type
class DutyInfo:
    duty: str
    citation: str
    guidance: JSON = strawberry.field(description="Language (nb, nn, en) → guidance.")
    tags: list[str] = strawberry.field(description="The note tags that prompt it.")


@strawberry.type
class OrganisationRegime:
    organisation_type: str
    regime: str


@strawberry.type
class CasePolicy:
    policy_version: str
    categories: list[str]
    regimes: list[str]
    organisation_regimes: list[OrganisationRegime]
    legal_bases: list[LegalBasisInfo]
    duties: list[DutyInfo]
    deny_reasons: list[str]
    break_glass_hours: int
    retention_days_default: int
    adult_age: int
    health_alone_age: int = strawberry.field(description="From this age the young person alone.")
    child_welfare_party_age: int


def current() -> CasePolicy:
    return CasePolicy(
        policy_version=POLICY.version,
        categories=[str(c) for c in Category],
        regimes=[str(r) for r in SourceRegime],
        organisation_regimes=[
            OrganisationRegime(
                organisation_type=str(o),
                regime=str(REGIME_OF_ORGANISATION.get(o, SourceRegime.SLT)),
            )
            for o in OrganisationType
        ],
        legal_bases=[
            LegalBasisInfo(
                code=str(b.code),
                citation=b.citation,
                text=dict(b.text),
                recordable=b.code in RECORDABLE_BASES,
            )
            for b in LEGAL_BASES.values()
        ],
        duties=[
            DutyInfo(
                duty=str(d.duty),
                citation=d.citation,
                guidance=dict(d.guidance),
                tags=[str(t) for t, ds in DUTIES_OF_TAG.items() if d.duty in ds],
            )
            for d in DUTIES.values()
        ],
        deny_reasons=[str(r) for r in DenyReason],
        break_glass_hours=POLICY.break_glass_hours,
        retention_days_default=POLICY.retention_days_default,
        adult_age=POLICY.adult_age,
        health_alone_age=POLICY.health_alone_age,
        child_welfare_party_age=POLICY.child_welfare_party_age,
    )

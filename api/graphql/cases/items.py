"""GraphQL, cases context: the per-item access types — a value with its ``access`` (why it is
shown) or ``Withheld`` (reason, category, regime; never the value), as REST's items."""

from __future__ import annotations

from uuid import UUID

import strawberry

from domain.cases.decision import Permit
from domain.cases.views import Withheld as DWithheld


@strawberry.type
class Access:
    """Why the reader may see this item (basis, consent, the explanation code, policy version)."""

    basis: str
    consent_id: UUID | None
    explanation: str
    policy_version: str

    @classmethod
    def of(cls, a: Permit) -> Access:
        return cls(
            basis=str(a.basis),
            consent_id=a.consent_id,
            explanation=str(a.explanation),
            policy_version=a.policy_version,
        )


@strawberry.type
class Withheld:
    """An item the reader may not see: why (a stable deny reason), its category and regime."""

    withheld: bool
    reason: str
    category: str
    regime: str
    policy_version: str

    @classmethod
    def of(cls, w: DWithheld) -> Withheld:
        return cls(
            withheld=True,
            reason=str(w.reason),
            category=str(w.category),
            regime=str(w.regime),
            policy_version=w.policy_version,
        )

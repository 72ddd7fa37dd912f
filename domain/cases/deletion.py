"""Cases domain room: retention and real deletion. A closed case past the unit's retention period
is flagged; the lead or the access controller deletes it for real (one purge, consent events
included), leaving a de-identified statistics row and one ``delete`` entry in the access log."""

from __future__ import annotations

from datetime import timedelta
from uuid import UUID, uuid4

from domain.cases import policies as pol
from domain.cases.access import AccessEntry, Action
from domain.cases.base import NOT_FOUND, UseCases
from domain.cases.errors import CaseStillOpen, NotDue
from domain.cases.limits import RETENTION_DAYS_MAX, RETENTION_DAYS_MIN
from domain.cases.policy import POLICY
from domain.cases.retention import CaseStatistics, RetentionDue, age_band, due_on, is_due
from domain.cases.views import CaseSettings
from domain.shared.changes import expect_version
from domain.shared.errors import Forbidden, NotFound, ValidationFailed
from domain.shared.policies import require
from domain.shared.principal import Principal, Role


class DeletionUseCases(UseCases):
    async def retention_due(self, p: Principal) -> tuple[RetentionDue, ...]:
        """Every due case for the access controller (metadata only); a lead's own otherwise."""
        today = self._clock.today()
        async with self._open(p) as uow:
            days = await uow.settings.retention_days()
            cases = await uow.cases.closed_on_or_before(today - timedelta(days=days))
            out = []
            for c in cases:
                if not pol.is_access_controller(p) and not pol.is_lead(
                    p, await uow.members.of_case(c.id)
                ):
                    continue
                due = due_on(c, days)
                if c.closed_on is not None and due is not None:
                    out.append(
                        RetentionDue(
                            case_id=c.id,
                            reference=c.reference,
                            kind=c.kind,
                            closed_on=c.closed_on,
                            due_on=due,
                            version=c.version,
                        )
                    )
        return tuple(sorted(out, key=lambda r: (r.due_on, r.reference)))

    async def delete_case(self, p: Principal, id: UUID, expected_version: int | None) -> None:
        today = self._clock.today()
        async with self._open(p) as uow:
            try:
                case = await uow.cases.get(id)
            except NotFound:
                raise NotFound(NOT_FOUND) from None
            lead = pol.is_lead(p, await uow.members.of_case(id))
            if not lead and not pol.is_access_controller(p):
                raise NotFound(NOT_FOUND)
            expect_version(case.version, expected_version)
            if case.is_open:
                raise CaseStillOpen("Close the case first.")
            days = await uow.settings.retention_days()
            if not lead and not is_due(case, days, today):
                raise NotDue("The access controller deletes cases past the retention period.")
            subject = await uow.subjects.get(case.subject_id)
            others = [c for c in await uow.cases.of_subject(subject.id) if c.id != id]
            stats = CaseStatistics(
                unit_id=p.unit_id,
                kind=case.kind,
                year_opened=case.start_on.year,
                year_closed=case.closed_on.year if case.closed_on else None,
                age_band_at_start=age_band(subject.age_on(case.start_on)),
                closing_reason=case.closing_reason,
            )
            await uow.access_log.append(
                (
                    AccessEntry(
                        id=uuid4(),
                        at=self._clock.now(),
                        unit_id=p.unit_id,
                        actor_person_id=p.person_id,
                        actor_subject_key=p.subject_key,
                        actor_organisation_id=None,
                        actor_role="lead" if lead else "unit_admin",
                        subject_ref=subject.id,
                        case_id=id,
                        object_type="case",
                        object_id=id,
                        category=None,
                        regime=None,
                        action=Action.DELETE,
                        purpose="retention",
                        basis=None,
                    ),
                )
            )
            await uow.cases.purge(case, stats, subject_too=not others)
            await uow.commit()

    async def case_settings(self, p: Principal) -> CaseSettings:
        require(p.has_role(Role.UNIT_ADMIN, Role.COORDINATOR), "see the case settings")
        async with self._open(p) as uow:
            days = await uow.settings.retention_days()
        return CaseSettings(retention_days=days, policy_version=POLICY.version)

    async def set_retention_days(self, p: Principal, days: int) -> CaseSettings:
        if not pol.is_access_controller(p):
            raise Forbidden("Only the unit admin sets the retention period.")
        if not isinstance(days, int) or not RETENTION_DAYS_MIN <= days <= RETENTION_DAYS_MAX:
            raise ValidationFailed.single(
                "retentionDays",
                "out-of-range",
                f"Between {RETENTION_DAYS_MIN} and {RETENTION_DAYS_MAX} days.",
                {"min": RETENTION_DAYS_MIN, "max": RETENTION_DAYS_MAX},
            )
        async with self._open(p) as uow:
            await uow.settings.set_retention_days(days)
            await uow.commit()
        return CaseSettings(retention_days=days, policy_version=POLICY.version)

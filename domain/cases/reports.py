"""Cases domain room: "who has seen my information" — every access-log entry about a subject
(or one case), with the actor's name and organisation, for an access request. For a lead of one
of the subject's cases or the unit admin (access controller); the report is itself logged."""

from __future__ import annotations

from uuid import UUID, uuid4

from domain.cases import policies as pol
from domain.cases.access import AccessEntry, Action
from domain.cases.base import NOT_FOUND, UseCases
from domain.cases.ports import CasesUnitOfWork
from domain.cases.views import AccessReport, AccessReportRow
from domain.shared.errors import Forbidden, NotFound, ValidationFailed
from domain.shared.principal import Principal


class ReportUseCases(UseCases):
    async def _may_report(
        self, uow: CasesUnitOfWork, p: Principal, subject_id: UUID, case_id: UUID | None
    ) -> bool:
        """The access controller; for a case, its lead; for a subject, a lead of one of their
        cases (a lead of another case of the subject never gets this case's report)."""
        if pol.is_access_controller(p):
            return True
        for case in await uow.cases.of_subject(subject_id):
            if case_id is not None and case.id != case_id:
                continue
            if pol.is_lead(p, await uow.members.of_case(case.id)):
                return True
        return False

    async def access_report(
        self, p: Principal, *, subject_id: UUID | None = None, case_id: UUID | None = None
    ) -> AccessReport:
        if (subject_id is None) == (case_id is None):
            raise ValidationFailed.single("subjectId", "required", "Name a subject or a case.")
        async with self._open(p) as uow:
            if case_id is not None:
                try:
                    subject_id = (await uow.cases.get(case_id)).subject_id
                except NotFound:
                    raise NotFound(NOT_FOUND) from None
            assert subject_id is not None
            try:
                await uow.subjects.get(subject_id)
            except NotFound:
                raise NotFound("No such subject.") from None
            if not await self._may_report(uow, p, subject_id, case_id):
                # Off every team of the subject's cases: they do not exist for the caller (a
                # 403 would confirm them). A team member who is not a lead may know of them.
                cases = [
                    c
                    for c in await uow.cases.of_subject(subject_id)
                    if case_id is None or c.id == case_id
                ]
                teams = [await uow.members.of_case(c.id) for c in cases]
                if not any(pol.membership(p, team) is not None for team in teams):
                    raise NotFound("No such subject.")
                raise Forbidden("Only a lead of the subject's case or the access controller may.")
            entries = await (
                uow.access_log.of_case(case_id)
                if case_id
                else uow.access_log.of_subject(subject_id)
            )
            rows = await self._rows(uow, entries)
            now = self._clock.now()
            await uow.access_log.append(
                (
                    AccessEntry(
                        id=uuid4(),
                        at=now,
                        unit_id=p.unit_id,
                        actor_person_id=p.person_id,
                        actor_subject_key=p.subject_key,
                        actor_organisation_id=None,
                        actor_role="unit_admin" if pol.is_access_controller(p) else "lead",
                        subject_ref=subject_id,
                        case_id=case_id,
                        object_type="access_report",
                        object_id=None,
                        category=None,
                        regime=None,
                        action=Action.EXPORT,
                        purpose="access_request",
                        basis=None,
                    ),
                )
            )
            await uow.commit()
        return AccessReport(subject_ref=subject_id, case_id=case_id, rows=rows, generated_at=now)

    @staticmethod
    async def _rows(uow: CasesUnitOfWork, entries: object) -> tuple[AccessReportRow, ...]:
        items = list(entries)  # type: ignore[call-overload]
        people = {
            x.id: x
            for x in await uow.persons.get_many(
                [e.actor_person_id for e in items if e.actor_person_id]
            )
        }
        orgs = {
            o.id: o
            for o in await uow.organisations.get_many(
                [e.actor_organisation_id for e in items if e.actor_organisation_id]
            )
        }
        return tuple(
            AccessReportRow(
                at=e.at,
                actor_name=people[e.actor_person_id].name if e.actor_person_id in people else None,
                actor_organisation_name=(
                    orgs[e.actor_organisation_id].name if e.actor_organisation_id in orgs else None
                ),
                actor_role=e.actor_role,
                action=e.action,
                object_type=e.object_type,
                category=e.category,
                basis=e.basis,
                decision=e.decision,
                deny_reason=e.deny_reason,
                break_glass=e.break_glass_id is not None,
            )
            for e in items
        )

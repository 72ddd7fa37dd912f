"""Annual-wheel domain room: use cases of the templates (the wheel's recurring tasks)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from uuid import UUID, uuid4

from domain.annual_wheel.base import UseCases
from domain.annual_wheel.limits import TEMPLATES_MAX
from domain.annual_wheel.seeds import handbook_templates
from domain.annual_wheel.template import OwnerRole, WheelTemplate
from domain.organisation.model import Level
from domain.shared.changes import UNSET, Changes, Unset, apply, expect_version
from domain.shared.errors import Conflict, DuplicateName, InUse
from domain.shared.principal import Principal


@dataclass(frozen=True, slots=True, kw_only=True)
class TemplateChanges(Changes):
    title: str | Unset = UNSET
    month: int | Unset = UNSET
    day: int | Unset | None = UNSET
    owner_role: OwnerRole | Unset = UNSET
    body_level: Level | Unset | None = UNSET
    description: str | Unset | None = UNSET
    active: bool | Unset = UNSET


DUPLICATE = "The wheel already has that task on that date."


def _check_slot(template: WheelTemplate, others: Sequence[WheelTemplate]) -> None:
    """One template per title and date (the database's ``uq_wheel_template_slot`` besides)."""
    slot = (template.month, template.day, template.title)
    if any(o.id != template.id and (o.month, o.day, o.title) == slot for o in others):
        raise DuplicateName(DUPLICATE)


class TemplateUseCases(UseCases):
    async def list_templates(self, p: Principal) -> list[WheelTemplate]:
        async with self._read(p) as uow:
            return list(await uow.templates.all())

    async def create_template(
        self,
        p: Principal,
        *,
        title: str,
        month: int,
        owner_role: OwnerRole,
        day: int | None = None,
        body_level: Level | None = None,
        description: str | None = None,
    ) -> WheelTemplate:
        uow_ = self._write(p)  # authorise before looking at the input
        template = WheelTemplate(
            id=uuid4(),
            unit_id=p.unit_id,
            title=title.strip(),
            month=month,
            day=day,
            owner_role=owner_role,
            body_level=body_level,
            description=(description or "").strip() or None,
        )
        template.check()
        async with uow_ as uow:
            others = await uow.templates.all()
            if len(others) >= TEMPLATES_MAX:
                raise Conflict(f"A wheel holds at most {TEMPLATES_MAX} templates.")
            _check_slot(template, others)
            await uow.templates.add(template)
            await uow.commit()
        return template

    async def update_template(
        self, p: Principal, id: UUID, changes: TemplateChanges, expected_version: int | None
    ) -> WheelTemplate:
        async with self._write(p) as uow:
            current = await uow.templates.get(id)
            expected = expect_version(current.version, expected_version)
            new = apply(current, changes.trimmed())
            new.check()
            _check_slot(new, await uow.templates.all())
            await uow.templates.update(new, expected)
            await uow.commit()
        return new

    async def delete_template(self, p: Principal, id: UUID, expected_version: int | None) -> None:
        async with self._write(p) as uow:
            current = await uow.templates.get(id)
            expected = expect_version(current.version, expected_version)
            if await uow.tasks.of_template(id):
                raise InUse("Tasks were generated from the template; deactivate it instead.")
            await uow.templates.delete(id, expected)
            await uow.commit()

    async def seed_handbook(self, p: Principal) -> list[WheelTemplate]:
        """The handbook's default wheel, for a unit that has no templates yet (else nothing)."""
        async with self._write(p) as uow:
            if await uow.templates.all():
                return []
            seeded = handbook_templates(p.unit_id)
            try:
                for t in seeded:
                    await uow.templates.add(t)
            except DuplicateName:  # a parallel seed committed first: it seeded the wheel
                return []
            await uow.commit()
        return seeded

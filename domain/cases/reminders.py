"""Cases domain room: consent reminders for the reader's own cases — a consent expiring within
30 days, or a subject turning 15, 16 or 18 within 30 days (who must consent changes then)."""

from __future__ import annotations

from datetime import date, timedelta

from domain.cases.access import Action
from domain.cases.base import UseCases
from domain.cases.consent import EventKind, latest
from domain.cases.context import CaseContext, load
from domain.cases.decision import Permit
from domain.cases.policy import POLICY
from domain.cases.regimes import Category
from domain.cases.subject import age_on
from domain.cases.views import ConsentReminder
from domain.shared.principal import Principal


def _birthday(birth_date: date, age: int) -> date:
    try:
        return birth_date.replace(year=birth_date.year + age)
    except ValueError:
        return birth_date.replace(year=birth_date.year + age, day=28) + timedelta(days=1)


def reminders_of(ctx: CaseContext, today: date) -> list[ConsentReminder]:
    soon = today + timedelta(days=POLICY.expiring_within_days)
    out: list[ConsentReminder] = []
    ident = ctx.item(Category.IDENTITY, ctx.case.organisation_id)
    may_see_age = isinstance(ctx.decide(ident), Permit)
    for cf in ctx.facts.consents:
        c, last = cf.consent, latest(cf.events)
        if any(e.kind is EventKind.WITHDRAWN for e in last.values()):
            continue
        ref = ctx.case.reference
        if c.scope.valid_to is not None and today <= c.scope.valid_to <= soon:
            out.append(
                ConsentReminder(
                    consent_id=c.id,
                    case_id=ctx.case.id,
                    reference=ref,
                    kind="expiring",
                    due_on=c.scope.valid_to,
                )
            )
        if not may_see_age:
            continue
        born, now_age = ctx.subject.birth_date, age_on(ctx.subject.birth_date, today)
        for age in POLICY.recollect_ages:
            day = _birthday(born, age)
            if now_age < age and today <= day <= soon:
                out.append(
                    ConsentReminder(
                        consent_id=c.id,
                        case_id=ctx.case.id,
                        reference=ref,
                        kind="birthday",
                        due_on=day,
                        turns=age,
                    )
                )
    return out


class ReminderUseCases(UseCases):
    async def _reminders(self, p: Principal) -> tuple[list[ConsentReminder], list[CaseContext]]:
        now, today = self._clock.now(), self._clock.today()
        out: list[ConsentReminder] = []
        contexts = []
        async with self._open(p) as uow:
            assert p.person_id is not None
            for case in await uow.cases.of_person(p.person_id):
                if not case.is_open:
                    continue
                ctx = await load(uow, p, case, now)
                if ctx.reader.seat is None:
                    continue
                found = reminders_of(ctx, today)
                for r in found:
                    ctx.log("consent", r.consent_id, Action.READ)
                out += found
                contexts.append(ctx)
                await ctx.flush(uow)
            await uow.commit()
        return sorted(out, key=lambda r: (r.due_on, r.reference)), contexts

    async def consent_reminders(self, p: Principal) -> tuple[ConsentReminder, ...]:
        return tuple((await self._reminders(p))[0])

    async def send_consent_reminders(self, p: Principal) -> int:
        """Mail the reader their reminders (references and dates only); how many were sent."""
        reminders, _ = await self._reminders(p)
        if not reminders:
            return 0
        async with self._open(p) as uow:
            assert p.person_id is not None
            me = await uow.persons.get(p.person_id)
        if not me.email:
            return 0
        lines = [f"{r.reference}: {r.kind} {r.due_on.isoformat()}" for r in reminders]
        sent = await self._send(
            [me.email],
            "Samtykker som må fornyes",
            "Samtykker som utløper eller må innhentes på nytt:\n" + "\n".join(lines),
        )
        return len(reminders) if sent else 0

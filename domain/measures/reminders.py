"""Measures domain room: reminders of evaluations due — one mail per due (or overdue) evaluation to
the measure's owner and the unit's coordinator (the person the establishment record names),
through the outbound-mail port, in Norwegian. A reminder names the measure, the due day, the
method and who performs it; never the findings, never another measure.

The recipients are gathered in one short read transaction; no transaction is open while the mail
server talks (ADR 0011). The mail server down raises ``MailUnavailable`` (nothing is recorded, so
sending again later is safe; some reminders may already have gone out)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from domain.measures.base import UseCases
from domain.measures.views import DueEvaluation, ReminderReport
from domain.organisation.model import Person
from domain.shared.mail import MailMessage
from domain.shared.principal import Principal

PERFORMER = {"internal": "internt", "joint": "i fellesskap", "external": "eksternt"}


@dataclass(frozen=True, slots=True)
class Reminder:
    due: DueEvaluation
    to: tuple[str, ...]


def norwegian_day(d: date) -> str:
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def message(sender: str, r: Reminder) -> MailMessage:
    e = r.due.evaluation
    when = norwegian_day(e.due_on) if e.due_on else "uten dato"
    state = "er forfalt" if r.due.overdue else "forfaller snart"
    performer = PERFORMER.get(e.performer.value, e.performer.value)
    by = f"{performer} ({e.performer_name})" if e.performer_name else performer
    text = (
        "Hei,\n\n"
        f"Evalueringen av tiltaket «{r.due.measure_title}» {state} (frist {when}).\n"
        f"Metode: {e.method}\nGjennomføres: {by}\n\n"
        f"Registrer funn og konklusjon i Samordna: /tiltak/{e.measure_id}/evalueringer/{e.id}\n\n"
        "Denne påminnelsen er sendt til tiltakets eier og SLT-koordinator.\n"
    )
    subject = f"Påminnelse: evaluering av tiltak {state} ({when})"
    return MailMessage(sender=sender, to=r.to, subject=subject, text=text)


def recipients(
    due: Sequence[DueEvaluation], people: dict[UUID, Person], coordinator_id: UUID | None
) -> list[Reminder]:
    out = []
    for d in due:
        ids = [d.owner_id, coordinator_id]
        emails = [people[i].email for i in ids if i is not None and i in people]
        out.append(Reminder(due=d, to=tuple(dict.fromkeys(a.strip() for a in emails if a))))
    return out


class ReminderUseCases(UseCases):
    async def send_evaluation_reminders(self, p: Principal) -> ReminderReport:
        async with self._manage(p, "send evaluation reminders") as uow:
            due = await self._due(uow)
            establishment = await uow.establishments.get(p.unit_id)
            coordinator = establishment.coordinator_person_id if establishment else None
            ids = {d.owner_id for d in due if d.owner_id} | (
                {coordinator} if coordinator else set()
            )
            people = {x.id: x for x in await uow.persons.get_many(list(ids))} if ids else {}
        reminders = recipients(due, people, coordinator)
        sent = 0
        for r in reminders:
            if r.to:
                await self._mail.send(message(self._sender, r))
                sent += 1
        return ReminderReport(sent=sent, without_address=len(reminders) - sent)

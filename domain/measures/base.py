"""Measures domain room: the base every use-case class shares — authorise, open one unit of work,
screen free text through the guard (at the coordinating level: measures are discussed there,
never individual cases) and record overrides, and build the views the reads return."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta
from uuid import UUID

from domain.measures import policies as pol
from domain.measures.limits import DUE_WITHIN_DAYS
from domain.measures.measure import Measure
from domain.measures.overrides import MeasureOverrideRecord
from domain.measures.ports import (
    Clock,
    FreeTextGuard,
    MeasuresUnitOfWork,
    MeasuresUnitOfWorkFactory,
    OutboundMail,
)
from domain.measures.stage import FINAL, DecisionFacts, legal_targets
from domain.measures.views import DueEvaluation, MeasureView
from domain.meetings.guard import screen
from domain.shared.errors import NotFound, ValidationFailed
from domain.shared.policies import require
from domain.shared.principal import Principal

LEVEL = "coordinating"  # the level the guard judges measure texts at
DEFAULT_SENDER = "samordna@samordna.invalid"


class UseCases:
    def __init__(
        self,
        uow_factory: MeasuresUnitOfWorkFactory,
        clock: Clock,
        guard: FreeTextGuard,
        mail: OutboundMail,
        sender: str = DEFAULT_SENDER,
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._guard = guard
        self._mail = mail
        self._sender = sender

    def _read(self, p: Principal) -> MeasuresUnitOfWork:
        require(pol.can_read(p), "see this unit's measures")
        return self._uow(p.unit_id)

    def _manage(
        self, p: Principal, action: str = "manage this unit's measures"
    ) -> MeasuresUnitOfWork:
        require(pol.can_manage(p), action)
        return self._uow(p.unit_id)

    async def _screen(
        self,
        uow: MeasuresUnitOfWork,
        p: Principal,
        measure_id: UUID,
        texts: Mapping[str, str | None],
        override_reason: str | None,
    ) -> None:
        """The guard over ``texts`` (camelCase field → text): blocks with ``PersonalDataFound``
        or records each override in the same transaction as the save."""
        reason = override_reason.strip() if override_reason else None
        await self._guard.prepare(p.unit_id)  # the unit's registered names, in this transaction
        overrides = screen(
            self._guard, texts, level=LEVEL, override_reason=reason or None, unit_id=p.unit_id
        )
        for o in overrides:
            await uow.overrides.record(
                MeasureOverrideRecord(
                    override=o,
                    measure_id=measure_id,
                    person_id=p.person_id,
                    subject_key=p.subject_key,
                    at=self._clock.now(),
                )
            )

    @staticmethod
    async def _decision(uow: MeasuresUnitOfWork, decision_id: UUID | None) -> DecisionFacts | None:
        """A decision the caller named: unknown (or another unit's) is a field error."""
        if decision_id is None:
            return None
        try:
            return await uow.decisions.get(decision_id)
        except NotFound:
            raise ValidationFailed.single(
                "decisionId", "unknown", "No such decision in this unit."
            ) from None

    @staticmethod
    async def _views(
        uow: MeasuresUnitOfWork, p: Principal, measures: Sequence[Measure]
    ) -> list[MeasureView]:
        """Views of ``measures`` with two more statements whatever their number."""
        if not measures:
            return []
        threshold = await uow.settings.evaluation_threshold_nok()
        ids = list(dict.fromkeys(m.decision_id for m in measures if m.decision_id is not None))
        decisions = {d.id: d for d in await uow.decisions.get_many(ids)} if ids else {}
        manager = pol.can_manage(p)
        out = []
        for m in measures:
            triggers = m.evaluation_triggers(threshold)
            out.append(
                MeasureView(
                    measure=m,
                    evaluation_triggers=triggers,
                    evaluation_required=bool(triggers),
                    decision=decisions.get(m.decision_id) if m.decision_id else None,
                    legal_targets=legal_targets(m.stage) if manager else frozenset(),
                    progress=m.progress(),
                )
            )
        return out

    async def _view(self, uow: MeasuresUnitOfWork, p: Principal, m: Measure) -> MeasureView:
        return (await self._views(uow, p, [m]))[0]

    async def _due(self, uow: MeasuresUnitOfWork) -> tuple[DueEvaluation, ...]:
        today = self._clock.today()
        due = await uow.evaluations.due(today + timedelta(days=DUE_WITHIN_DAYS))
        measures = {m.id: m for m in await uow.measures.get_many([e.measure_id for e in due])}
        return tuple(
            DueEvaluation(
                evaluation=e,
                measure_title=measures[e.measure_id].title,
                owner_id=measures[e.measure_id].owner_id,
                overdue=e.due_on is not None and e.due_on < today,
            )
            for e in due
            if e.measure_id in measures and measures[e.measure_id].stage not in FINAL
        )

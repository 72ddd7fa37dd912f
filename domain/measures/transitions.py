"""Measures domain room: the lifecycle's use cases — a transition checked against every
precondition (``stage.check_transition``), recorded in the append-only history with actor, time,
reason and decision; the stage history itself. A measure that becomes ``active`` gets its planned
evaluation from its evaluation plan."""

from __future__ import annotations

from uuid import UUID, uuid4

from domain.measures.base import UseCases
from domain.measures.evaluation import Evaluation
from domain.measures.history import StageChange
from domain.measures.limits import REASON_MAX, TEXT_MAX
from domain.measures.measure import Measure
from domain.measures.ports import MeasuresUnitOfWork
from domain.measures.stage import Facts, Stage, check_transition
from domain.measures.views import MeasureView
from domain.shared import validation as v
from domain.shared.changes import expect_version
from domain.shared.errors import Errors, ValidationFailed
from domain.shared.principal import Principal


def _clean(value: str | None) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def _check_texts(reason: str | None, closing_note: str | None) -> None:
    e = Errors()
    v.text(e, "reason", reason, required=False, max_len=REASON_MAX)
    v.characters(e, "reason", reason)
    v.text(e, "closingNote", closing_note, required=False, max_len=TEXT_MAX)
    v.characters(e, "closingNote", closing_note)
    e.raise_if_any()


class TransitionUseCases(UseCases):
    async def transition(
        self,
        p: Principal,
        id: UUID,
        target: Stage,
        expected_version: int | None,
        *,
        reason: str | None = None,
        decision_id: UUID | None = None,
        closing_note: str | None = None,
        override_reason: str | None = None,
    ) -> MeasureView:
        uow_ = self._manage(p, "move measures through their lifecycle")
        try:
            target = Stage(target)
        except ValueError:
            raise ValidationFailed.single("target", "invalid", "Not a stage.") from None
        reason, closing_note = _clean(reason), _clean(closing_note)
        _check_texts(reason, closing_note)
        async with uow_ as uow:
            m = await uow.measures.get(id)
            expected = expect_version(m.version, expected_version)
            decision = await self._decision(uow, decision_id)
            evaluations = await uow.evaluations.of_measure(id)
            threshold = await uow.settings.evaluation_threshold_nok()
            facts = Facts(
                reason=reason,
                decision=decision,
                completed_evaluations=sum(1 for e in evaluations if e.completed),
                evaluation_required=bool(m.evaluation_triggers(threshold)),
                closing_note=closing_note,
            )
            check_transition(m.state, target, facts)
            texts = {"reason": reason, "closingNote": closing_note}
            await self._screen(uow, p, id, texts, override_reason)
            new = m.with_stage(
                target,
                decision_id=decision.id if decision and target is Stage.DECIDED else None,
                closing_note=closing_note if target is Stage.CONCLUDED else None,
            )
            await uow.measures.update(new, expected)
            steps = await uow.history.of_measure(id)
            await uow.history.append(
                StageChange(
                    id=uuid4(),
                    unit_id=p.unit_id,
                    measure_id=id,
                    from_stage=m.stage,
                    to_stage=target,
                    at=self._clock.now(),
                    actor_person_id=p.person_id,
                    actor_name=p.display_name,
                    reason=reason,
                    decision_id=decision.id if decision else None,
                    decision_label=decision.label if decision else None,
                    sequence=max((s.sequence for s in steps), default=0) + 1,
                )
            )
            if target is Stage.ACTIVE:
                await self._plan_evaluation(uow, new)
            view = await self._view(uow, p, new)
            await uow.commit()
        return view

    @staticmethod
    async def _plan_evaluation(uow: MeasuresUnitOfWork, m: Measure) -> None:
        """The evaluation the plan promised, as a record to complete (it is then "due")."""
        plan = m.evaluation_plan
        assert plan is not None  # the ``active`` precondition
        await uow.evaluations.add(
            Evaluation(
                id=uuid4(),
                unit_id=m.unit_id,
                measure_id=m.id,
                aspects=plan.aspects,
                performer=plan.performer,
                performer_name=plan.performer_name,
                method=plan.method,
                due_on=plan.due_on,
            )
        )

    async def history(self, p: Principal, id: UUID) -> tuple[StageChange, ...]:
        async with self._read(p) as uow:
            await uow.measures.get(id)  # NotFound for an unknown (or another unit's) measure
            return tuple(await uow.history.of_measure(id))

"""Trends domain room: ``TrendsService`` — the catalogue, releasing a period (every table of its
grain built, audited and frozen together), the releases, pulls (logged in the same unit of work
that serves the frozen bytes) and the pull log."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID, uuid4

from domain.knowledge.periods import Period
from domain.shared.pagination import Page, PageRequest
from domain.shared.policies import require
from domain.shared.principal import Principal
from domain.trends import policies as pol
from domain.trends import rules as r
from domain.trends.errors import (
    NotReleased,
    PeriodNotEnded,
    ReleaseAuditFailed,
    ReleaseUnchanged,
)
from domain.trends.model import PublishedBody, PullRecord, Release, TableRelease
from domain.trends.ports import Clock, IntervalSolver, TrendsUnitOfWork, TrendsUnitOfWorkFactory
from domain.trends.queries import (
    Catalogue,
    CatalogueUnit,
    check_format,
    check_revision,
    table_spec,
)
from domain.trends.release import build_release, release_grain
from domain.trends.specs import TABLES, of_grain


def _period(period: Period | str) -> Period:
    return period if isinstance(period, Period) else Period.parse(period)


class TrendsService:
    def __init__(
        self, uow_factory: TrendsUnitOfWorkFactory, clock: Clock, solver: IntervalSolver
    ) -> None:
        self._uow = uow_factory
        self._clock = clock
        self._solver = solver

    async def catalogue(self, p: Principal) -> Catalogue:
        """The fixed tables and, per unit ``p`` may pull from, its released periods."""
        require(pol.can_pull(p), "read trend tables")
        async with self._uow(p.unit_id) as uow:
            units = await uow.units.readable_units(p)
            listed = [
                CatalogueUnit(unit=u, periods=tuple(await uow.releases.periods(u.id)))
                for u in units
            ]
        return Catalogue(tables=TABLES, units=tuple(listed))

    async def release(self, p: Principal, period: Period | str) -> Release:
        """Build, audit and freeze every table of the period's grain as the next revision."""
        require(pol.can_release(p), "release trend tables")
        when = _period(period)
        grain = release_grain(when)
        if not when.ended(self._clock.today()):
            raise PeriodNotEnded(f"{when} ends on {when.end.isoformat()}; release it after that.")
        async with self._uow(p.unit_id) as uow:
            unit = await uow.units.unit(p.unit_id)
            specs = of_grain(grain)
            counts = {s.code: await uow.counts.counts(p.unit_id, s, when) for s in specs}
            populations = await uow.counts.populations(p.unit_id, when)
            history = {s.code: await self._history(uow, p.unit_id, s.code, when) for s in specs}
            previous = [
                t for s in specs if (t := await uow.releases.latest(p.unit_id, s.code, when))
            ]
            revision = await uow.releases.revision(p.unit_id, when) + 1
            built = build_release(
                unit=unit,
                period=when,
                revision=revision,
                counts=counts,
                populations=populations,
                history=history,
                previous=previous,
                solver=self._solver,
                released_at=self._clock.now(),
                released_by=_name(p),
            )
            if not built.audit.passed:  # the gate: a release that failed it is never stored
                raise ReleaseAuditFailed(
                    f"{when}: a suppressed value could still be narrowed into 1..{r.K}. Check "
                    "the imported populations and events, then release again."
                )
            if previous and _same(previous, built.tables):  # e.g. a double click
                raise ReleaseUnchanged(
                    f"{when}: revision {revision - 1} already publishes exactly these tables."
                )
            await uow.releases.add(built)
            await uow.commit()
        return built

    @staticmethod
    async def _history(
        uow: TrendsUnitOfWork, unit_id: UUID, table: str, period: Period
    ) -> list[TableRelease]:
        """The latest frozen releases of the previous periods (series rule), oldest first."""
        found: list[TableRelease] = []
        at = period
        for _ in range(r.SERIES_PERIODS - 1):
            at = at.previous()
            t = await uow.releases.latest(unit_id, table, at)
            if t is not None:
                found.insert(0, t)
        return found

    async def releases(self, p: Principal) -> Sequence[Release]:
        """The unit's releases with their audit and change log (its person readers)."""
        require(pol.can_read_releases(p), "see the unit's trend releases")
        async with self._uow(p.unit_id) as uow:
            return await uow.releases.releases(p.unit_id)

    async def pull(
        self,
        p: Principal,
        table: str,
        unit_id: UUID | None,
        period: Period | str,
        revision: int | None = None,
        fmt: str = "json",
    ) -> PublishedBody:
        """The frozen bytes (latest revision unless asked) and a pull-log row, one transaction.
        A unit the caller may not read answers exactly like a period never released (404)."""
        require(pol.can_pull(p), "read trend tables")
        spec, when = table_spec(table), _period(period)
        check_format(fmt)
        check_revision(revision)
        target = unit_id or p.unit_id
        async with self._uow(p.unit_id) as uow:
            readable = {u.id for u in await uow.units.readable_units(p)}
            if target not in readable:
                raise NotReleased(f"No release of {spec.code} for {when}.")
            found = await (
                uow.releases.latest(target, spec.code, when)
                if revision is None
                else uow.releases.get(target, spec.code, when, revision)
            )
            if found is None:
                raise NotReleased(f"No release of {spec.code} for {when}.")
            await uow.pulls.append(
                PullRecord(
                    id=uuid4(),
                    unit_id=target,
                    table=spec.code,
                    period=when,
                    revision=found.revision,
                    fmt=fmt,
                    cells_released=found.cells_released,
                    at=self._clock.now(),
                    client_org=p.subject_key if p.is_machine else None,
                    person_id=p.person_id if p.is_person else None,
                    by_name=_name(p),
                )
            )
            await uow.commit()
        return found.body(fmt)

    async def pulls(self, p: Principal, page: PageRequest) -> Page[PullRecord]:
        """The unit's pull log, newest first (coordinator and unit admin)."""
        require(pol.can_read_pulls(p), "see the unit's trend pull log")
        async with self._uow(p.unit_id) as uow:
            return await uow.pulls.list(p.unit_id, page)


def _name(p: Principal) -> str:
    """Who released or pulled, as the log shows it; a login with no person record in the unit
    (access granted by role only) has no display name."""
    return p.display_name.strip()[:200] or "(uten navn)"


def _same(previous: Sequence[TableRelease], tables: Sequence[TableRelease]) -> bool:
    """Whether a rebuild publishes exactly what the latest revision does (values and flags)."""
    before = {t.table: (t.cells, t.totals) for t in previous}
    return len(before) == len(tables) and all(
        before.get(t.table) == (t.cells, t.totals) for t in tables
    )

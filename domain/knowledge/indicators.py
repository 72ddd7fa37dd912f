"""Knowledge domain room: indicator definitions — list, read, create, change, remove (an
indicator with observations stays: ``indicator-in-use``)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from uuid import UUID, uuid4

from domain.knowledge import limits as lim
from domain.knowledge import vocab
from domain.knowledge.base import UseCases
from domain.knowledge.errors import IndicatorInUse
from domain.knowledge.filters import IndicatorFilter
from domain.knowledge.model import Indicator
from domain.knowledge.rows import CODE
from domain.shared.errors import Errors, VersionRequired
from domain.shared.pagination import Page, PageRequest
from domain.shared.principal import Principal
from domain.shared.validation import characters, text


@dataclass(frozen=True, slots=True, kw_only=True)
class IndicatorDraft:
    code: str
    name: str
    source: str
    category: str
    measure_unit: str
    factors: tuple[str, ...] = ()
    description: str | None = None
    higher_is_better: bool | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class IndicatorChange:
    """Only the fields given change; ``description`` and ``higher_is_better`` are cleared by
    naming them in ``clear``."""

    code: str | None = None
    name: str | None = None
    source: str | None = None
    category: str | None = None
    measure_unit: str | None = None
    factors: tuple[str, ...] | None = None
    description: str | None = None
    higher_is_better: bool | None = None
    clear: frozenset[str] = frozenset()


CLEARABLE = frozenset({"description", "higher_is_better"})


def check_indicator(i: Indicator) -> None:
    """Every rule of an indicator's fields (``ValidationFailed`` naming each, camelCase)."""
    e = Errors()
    text(e, "code", i.code, required=True, max_len=lim.CODE_MAX)
    if i.code and len(i.code) <= lim.CODE_MAX and not CODE.match(i.code):
        e.add("code", "invalid", "Lowercase letters, digits, '.', '_' and '-'.")
    text(e, "name", i.name, required=True, max_len=lim.NAME_MAX)
    text(e, "description", i.description, required=False, max_len=lim.DESCRIPTION_MAX)
    for name, value, allowed in (
        ("source", i.source, vocab.SOURCES),
        ("category", i.category, vocab.CATEGORIES),
        ("measureUnit", i.measure_unit, vocab.MEASURE_UNITS),
    ):
        characters(e, name, value)
        if value not in allowed:
            e.add(name, "choice", "Not one of the allowed values.")
    if len(i.factors) > lim.FACTORS_MAX:
        e.add("factors", "too-long", f"At most {lim.FACTORS_MAX}.", {"max": lim.FACTORS_MAX})
    if any(f not in vocab.FACTORS for f in i.factors):
        e.add("factors", "unknown", "Not a factor of the logic model.")
    if len(set(i.factors)) != len(i.factors):
        e.add("factors", "duplicate", "A factor is listed twice.")
    for field_, free in (("code", i.code), ("name", i.name), ("description", i.description)):
        characters(e, field_, free)
    e.raise_if_any()


class IndicatorUseCases(UseCases):
    async def indicators(
        self, p: Principal, f: IndicatorFilter, page: PageRequest
    ) -> Page[Indicator]:
        async with self._read(p) as uow:
            return await uow.indicators.list(f, page)

    async def indicator(self, p: Principal, indicator_id: UUID) -> Indicator:
        async with self._read(p) as uow:
            return await uow.indicators.get(indicator_id)

    async def create_indicator(self, p: Principal, d: IndicatorDraft) -> Indicator:
        uow = self._manage(p)
        i = Indicator(
            id=uuid4(),
            unit_id=p.unit_id,
            code=d.code.strip(),
            name=d.name.strip(),
            source=d.source,
            category=d.category,
            measure_unit=d.measure_unit,
            factors=tuple(d.factors),
            description=(d.description or "").strip() or None,
            higher_is_better=d.higher_is_better,
        )
        check_indicator(i)
        async with uow:
            await uow.indicators.add(i)  # IndicatorCodeTaken from the UNIQUE constraint
            await uow.commit()
        return i

    async def update_indicator(
        self, p: Principal, indicator_id: UUID, c: IndicatorChange, expected_version: int | None
    ) -> Indicator:
        if expected_version is None:
            raise VersionRequired()
        async with self._manage(p) as uow:
            old = await uow.indicators.get(indicator_id)
            changes = {
                f.name: getattr(c, f.name)
                for f in dataclasses.fields(c)
                if f.name != "clear" and getattr(c, f.name) is not None
            }
            changes.update(dict.fromkeys(c.clear & CLEARABLE))
            for key in ("code", "name", "description"):
                if isinstance(changes.get(key), str):
                    changes[key] = changes[key].strip() or None
            new = dataclasses.replace(old, **changes, version=old.version + 1)
            check_indicator(new)
            if new.code != old.code and await uow.indicators.in_use(old.id):
                raise IndicatorInUse("Observations refer to the indicator by its code.")
            await uow.indicators.update(new, expected_version)
            await uow.commit()
        return new

    async def delete_indicator(
        self, p: Principal, indicator_id: UUID, expected_version: int | None
    ) -> None:
        if expected_version is None:
            raise VersionRequired()
        async with self._manage(p) as uow:
            await uow.indicators.get(indicator_id)
            if await uow.indicators.in_use(indicator_id):
                raise IndicatorInUse("The indicator has observations; it cannot be removed.")
            await uow.indicators.delete(indicator_id, expected_version)
            await uow.commit()

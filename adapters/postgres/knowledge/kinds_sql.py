"""Knowledge PostgreSQL room: where each import kind's columns live — the target table's column of
each ``KindSpec`` column, its cast, the key, what an insert adds (ids, period dates) and what an
update bumps. The pipeline's upsert and the rollback are generated from this and the spec."""

from __future__ import annotations

from dataclasses import dataclass

from domain.knowledge.kinds import KindSpec
from domain.knowledge.model import ImportKind

K = ImportKind
RENAMED = {
    "area": "area_code",
    "indicator": "indicator_code",
    "municipality": "municipality_number",
}
CASTS = {(K.INDICATORS, "higher_is_better"): "::boolean"}


@dataclass(frozen=True, slots=True)
class KindSql:
    spec: KindSpec
    inserted: tuple[tuple[str, str], ...] = ()  # (column, expression over the source ``s``)
    versioned: bool = False  # editable records: version + 1 and updated_at on change

    @property
    def table(self) -> str:
        return self.spec.target_table

    def column(self, name: str) -> str:
        return RENAMED.get(name, name)

    def cast(self, name: str) -> str:
        return CASTS.get((self.spec.kind, name), "")

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(self.column(k) for k in self.spec.key)

    @property
    def values(self) -> tuple[str, ...]:
        """Non-key target columns, in the spec's order."""
        return tuple(self.column(c.name) for c in self.spec.columns if c.name not in self.spec.key)

    @property
    def restored(self) -> tuple[str, ...]:
        """What a rollback puts back from the row history (all but the key and id)."""
        extra = tuple(c for c, _ in self.inserted if c != "id")
        return (*self.values, *extra, "import_id", "first_import_id")


def of(spec: KindSpec) -> KindSql:
    if spec.kind in (K.INDICATORS, K.AREAS):
        return KindSql(spec, inserted=(("id", "gen_random_uuid()"),), versioned=True)
    if spec.kind is K.OBSERVATIONS:
        return KindSql(
            spec,
            inserted=(
                ("period_start", "samordna_period_start(s.v_period)"),
                ("period_end", "samordna_period_end(s.v_period)"),
            ),
        )
    return KindSql(spec)

"""Knowledge domain room: the ONE declaration of the import kinds — their columns, types, aliases,
vocabularies and keys. The row validator (``rows``), the SQL validation and the SPA derive from it."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from domain.knowledge import limits as lim
from domain.knowledge import vocab as v
from domain.knowledge.errors import FileProblem, FileRejected
from domain.knowledge.model import ImportKind


class ColumnType(enum.StrEnum):
    CODE = "code"  # ^[a-z0-9][a-z0-9._-]{0,63}$ after trim + lowercase
    TEXT = "text"
    INT = "int"
    DECIMAL = "decimal"  # "12,5" and "12.5"
    DATE = "date"  # YYYY-MM-DD or DD.MM.YYYY
    PERIOD = "period"  # periods.Period
    YEAR = "year"
    ENUM = "enum"  # one of ``vocabulary`` (case-insensitive, or a ``value_aliases`` word)
    CODES = "codes"  # comma-separated, each one of ``vocabulary``


class Reference(enum.StrEnum):
    """What a code column must name in the unit (before the import: not in the same file)."""

    INDICATOR = "indicator"  # unknown-indicator
    AREA = "area"  # unknown-area
    MUNICIPALITY = "municipality"  # unknown-municipality: one of the unit's municipalities


class Rule(enum.StrEnum):
    PSEUDONYMOUS = "pseudonymous"  # ^[A-Za-z0-9_-]{8,128}$, no 11 digits unless digest/UUID


@dataclass(frozen=True, slots=True, kw_only=True)
class Column:
    name: str
    type: ColumnType
    required: bool = False
    max_length: int = lim.TEXT_CELL_MAX
    aliases: tuple[str, ...] = ()
    vocabulary: tuple[str, ...] | None = None
    default: str | None = None  # an empty cell takes it (then the column is never ``required``)
    minimum: int | None = None  # int columns: below 0 is ``negative``, below a minimum > 0 too
    maximum: int | None = None  # int/year columns: above is ``out-of-range``
    references: Reference | None = None
    rule: Rule | None = None
    value_aliases: tuple[tuple[str, str], ...] = ()  # enum words → vocabulary code ("jente")


@dataclass(frozen=True, slots=True, kw_only=True)
class KindSpec:
    kind: ImportKind
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    target_table: str

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)


T = ColumnType
_C = lim.CODE_MAX
_BOOLEAN = (("ja", "true"), ("1", "true"), ("nei", "false"), ("0", "false"))
_GENDER = (
    ("jente", "female"),
    ("jenter", "female"),
    ("kvinne", "female"),
    ("k", "female"),
    ("gutt", "male"),
    ("gutter", "male"),
    ("mann", "male"),
    ("m", "male"),
    ("alle", "all"),
    ("begge", "all"),
    ("totalt", "all"),
)
_COHORT = (("alle", "all"), ("totalt", "all"))
_AREA_KIND = (("kommune", "municipality"), ("bydel", "district"), ("område", "district"))


def _code(name: str, *aliases: str, ref: Reference | None = None) -> Column:
    return Column(
        name=name, type=T.CODE, required=True, max_length=_C, aliases=aliases, references=ref
    )


def _enum(name: str, vocab: tuple[str, ...], *aliases: str, required: bool = True) -> Column:
    return Column(
        name=name, type=T.ENUM, required=required, max_length=_C, aliases=aliases, vocabulary=vocab
    )


def _count(name: str, *aliases: str, required: bool = False, minimum: int = 0) -> Column:
    return Column(
        name=name, type=T.INT, required=required, max_length=12, aliases=aliases, minimum=minimum,
        maximum=lim.COUNT_MAX,
    )  # fmt: skip


def _area(*more: str) -> Column:
    return _code("area", "område", "omrade", "områdekode", "omradekode", *more, ref=Reference.AREA)


INDICATORS = KindSpec(
    kind=ImportKind.INDICATORS,
    target_table="knowledge_indicators",
    key=("code",),
    columns=(
        _code("code", "kode", "indikator", "indikatorkode"),
        Column(name="name", type=T.TEXT, required=True, max_length=lim.NAME_MAX, aliases=("navn",)),
        _enum("source", v.SOURCES, "kilde"),
        _enum("category", v.CATEGORIES, "kategori", "tema"),
        _enum("measure_unit", v.MEASURE_UNITS, "enhet", "måleenhet", "maleenhet"),
        Column(name="factors", type=T.CODES, vocabulary=v.FACTORS, aliases=("faktorer",), max_length=2000),
        Column(name="description", type=T.TEXT, max_length=lim.DESCRIPTION_MAX, aliases=("beskrivelse",)),
        Column(
            name="higher_is_better", type=T.ENUM, vocabulary=("true", "false"), max_length=8,
            aliases=("høyere_er_bedre", "hoyere_er_bedre"), value_aliases=_BOOLEAN,
        ),
    ),
)  # fmt: skip

AREAS = KindSpec(
    kind=ImportKind.AREAS,
    target_table="knowledge_areas",
    key=("code",),
    columns=(
        _code("code", "kode", "område", "omrade", "områdekode", "omradekode"),
        Column(name="name", type=T.TEXT, required=True, max_length=lim.NAME_MAX, aliases=("navn",)),
        Column(
            name="municipality", type=T.CODE, required=True, max_length=4,
            aliases=("kommune", "kommunenummer", "kommunenr"), references=Reference.MUNICIPALITY,
        ),
        Column(
            name="kind", type=T.ENUM, vocabulary=v.AREA_KINDS, default="district", max_length=_C,
            aliases=("type", "områdetype", "omradetype"), value_aliases=_AREA_KIND,
        ),
    ),
)  # fmt: skip

POPULATIONS = KindSpec(
    kind=ImportKind.POPULATIONS,
    target_table="knowledge_area_populations",
    key=("area", "year", "age_band"),
    columns=(
        _area(),
        Column(
            name="year", type=T.YEAR, required=True, max_length=4, aliases=("år", "aar", "årstall"),
            minimum=lim.YEAR_MIN, maximum=lim.YEAR_MAX,
        ),
        _enum("age_band", v.AGE_BANDS, "aldersgruppe", "alder"),
        Column(
            name="residents", type=T.INT, required=True, max_length=12, minimum=0,
            maximum=lim.RESIDENTS_MAX, aliases=("innbyggere", "befolkning", "antall"),
        ),
    ),
)  # fmt: skip

OBSERVATIONS = KindSpec(
    kind=ImportKind.OBSERVATIONS,
    target_table="knowledge_observations",
    key=("indicator", "area", "period", "cohort", "gender"),
    columns=(
        _code("indicator", "indikator", "indikatorkode", ref=Reference.INDICATOR),
        _area(),
        Column(name="period", type=T.PERIOD, required=True, max_length=16, aliases=("periode",)),
        Column(
            name="cohort", type=T.ENUM, vocabulary=v.COHORTS, default="all", max_length=_C,
            aliases=("kohort", "trinn", "klassetrinn", "aldersgruppe"), value_aliases=_COHORT,
        ),
        Column(
            name="gender", type=T.ENUM, vocabulary=v.GENDERS, default="all", max_length=_C,
            aliases=("kjønn", "kjonn"), value_aliases=_GENDER,
        ),
        Column(name="value", type=T.DECIMAL, required=True, max_length=40, aliases=("verdi",)),
        _count("count", "antall"),
        _count("denominator", "nevner", minimum=1),
    ),
)  # fmt: skip

EVENTS = KindSpec(
    kind=ImportKind.EVENTS,
    target_table="knowledge_event_records",
    key=("external_id",),
    columns=(
        Column(
            name="external_id", type=T.TEXT, required=True, max_length=lim.EXTERNAL_ID_MAX,
            aliases=("id", "ekstern_id", "hendelse_id", "hendelsesid"),
        ),
        _enum("category", tuple(v.EVENT_CATEGORIES), "kategori", "hendelsestype"),
        _area(),
        _enum("age_band", v.AGE_BANDS, "aldersgruppe", "alder"),
        Column(name="occurred_on", type=T.DATE, required=True, max_length=10, aliases=("dato", "hendelsesdato")),
        Column(
            name="subject_key", type=T.TEXT, required=True, max_length=lim.SUBJECT_KEY_MAX,
            aliases=("pseudonym", "nøkkel", "nokkel", "subjektnøkkel"), rule=Rule.PSEUDONYMOUS,
        ),
    ),
)  # fmt: skip

KINDS: dict[ImportKind, KindSpec] = {
    s.kind: s for s in (INDICATORS, AREAS, POPULATIONS, OBSERVATIONS, EVENTS)
}


def header_key(header: str) -> str:
    """How headers and aliases are compared: trimmed, case-folded, spaces and hyphens as ``_``."""
    return "_".join(header.strip().casefold().replace("-", " ").split())


@dataclass(frozen=True, slots=True, kw_only=True)
class ResolvedMapping:
    mapping: dict[str, str]  # target column → source header
    ignored: tuple[str, ...]  # source headers no target maps


def default_mapping(spec: KindSpec, headers: Sequence[str]) -> dict[str, str]:
    """For each target column, the first source header equal to its name or an alias."""
    by_key: dict[str, str] = {}
    for h in headers:
        by_key.setdefault(header_key(h), h)
    out: dict[str, str] = {}
    for c in spec.columns:
        for word in (c.name, *c.aliases):
            if (found := by_key.get(header_key(word))) is not None:
                out[c.name] = found
                break
    return out


def check_mapping(
    spec: KindSpec, headers: Sequence[str], mapping: Mapping[str, str] | None = None
) -> ResolvedMapping:
    """``mapping``'s entries win; targets it does not name are defaulted by name or alias.
    Raise ``FileRejected(import-columns)`` naming every missing required column, every unknown
    target, every mapped header that is not in the file, and duplicate headers in use."""
    names = set(spec.names)
    given = dict(mapping or {})
    unknown_targets = sorted(t for t in given if t not in names)
    absent = sorted({h for t, h in given.items() if t in names and h not in headers})
    resolved = {**default_mapping(spec, headers), **{t: h for t, h in given.items() if t in names}}
    resolved = {t: h for t, h in resolved.items() if h in headers}
    missing = [c for c in spec.required if c not in resolved]
    doubled = sorted({h for h in resolved.values() if list(headers).count(h) > 1})
    problems: list[str] = []
    params: dict[str, str] = {}
    if missing:
        problems.append(f"required column(s) missing: {', '.join(missing)}")
        params["missing"] = ",".join(missing)
    if unknown_targets:
        problems.append(f"no such column of {spec.kind}: {', '.join(unknown_targets)}")
        params["unknown"] = ",".join(unknown_targets)
    if absent:
        problems.append(f"not in the file: {', '.join(absent)}")
        params["absent"] = ",".join(absent)
    if doubled:
        problems.append(f"the file has more than one column named: {', '.join(doubled)}")
        params["duplicate"] = ",".join(doubled)
    if problems:
        raise FileRejected(FileProblem.COLUMNS, "; ".join(problems).capitalize() + ".", params)
    used = set(resolved.values())
    return ResolvedMapping(mapping=resolved, ignored=tuple(h for h in headers if h not in used))

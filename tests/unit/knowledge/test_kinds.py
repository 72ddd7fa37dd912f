"""Knowledge unit tests room: the kinds' declaration is coherent, and a file's header maps onto a
kind by names and Norwegian aliases — or is refused as ``import-columns`` naming the fault."""

from __future__ import annotations

import pytest

from domain.knowledge import vocab
from domain.knowledge.errors import FileRejected
from domain.knowledge.kinds import KINDS, ColumnType, check_mapping, default_mapping, header_key
from domain.knowledge.model import ImportKind

K = ImportKind


def test_the_five_kinds_and_their_keys() -> None:
    assert list(KINDS) == list(K)
    assert {k: s.key for k, s in KINDS.items()} == {
        K.INDICATORS: ("code",),
        K.AREAS: ("code",),
        K.POPULATIONS: ("area", "year", "age_band"),
        K.OBSERVATIONS: ("indicator", "area", "period", "cohort", "gender"),
        K.EVENTS: ("external_id",),
    }
    assert KINDS[K.INDICATORS].required == ("code", "name", "source", "category", "measure_unit")
    assert KINDS[K.EVENTS].required == (
        "external_id", "category", "area", "age_band", "occurred_on", "subject_key",
    )  # fmt: skip


@pytest.mark.parametrize("kind", list(K), ids=str)
def test_each_kind_is_coherent(kind: ImportKind) -> None:
    spec = KINDS[kind]
    assert set(spec.key) <= set(spec.names) and len(set(spec.names)) == len(spec.names)
    words = [header_key(w) for c in spec.columns for w in (c.name, *c.aliases)]
    assert len(words) == len(set(words)), "an alias names two columns of one kind"
    for c in spec.columns:
        assert not (c.required and c.default is not None)
        if c.type in (ColumnType.ENUM, ColumnType.CODES):
            assert c.vocabulary, c.name
            assert all(code in c.vocabulary for _, code in c.value_aliases)
            assert c.default is None or c.default in c.vocabulary


def test_vocabularies() -> None:
    assert vocab.VOCAB_VERSION == "2026-1"
    assert vocab.EVENT_CATEGORIES["violence"].priority == 1
    assert sorted(c.priority for c in vocab.EVENT_CATEGORIES.values()) == list(range(1, 10))
    assert vocab.SENSITIVE_CATEGORIES == ("child-welfare-concern", "substance-treatment")
    assert vocab.primary_category({"theft", "threats", "unknown"}) == "threats"
    assert vocab.primary_category(set()) is None
    assert "early-substance-use" in vocab.FACTORS and "trusted-adult" in vocab.FACTORS


def test_norwegian_headers_map_case_insensitively() -> None:
    headers = ["Indikator", " OMRÅDE ", "Periode", "Kjønn", "Verdi", "Antall", "Nevner", "Merknad"]
    r = check_mapping(KINDS[K.OBSERVATIONS], headers)
    assert r.mapping == {
        "indicator": "Indikator", "area": " OMRÅDE ", "period": "Periode", "gender": "Kjønn",
        "value": "Verdi", "count": "Antall", "denominator": "Nevner",
    }  # fmt: skip
    assert r.ignored == ("Merknad",)


def test_aliases_of_every_kind() -> None:
    assert default_mapping(KINDS[K.POPULATIONS], ["område", "år", "aldersgruppe", "innbyggere"]) == {
        "area": "område", "year": "år", "age_band": "aldersgruppe", "residents": "innbyggere",
    }  # fmt: skip
    assert default_mapping(KINDS[K.EVENTS], ["id", "kategori", "omrade", "alder", "dato", "pseudonym"]) == {
        "external_id": "id", "category": "kategori", "area": "omrade", "age_band": "alder",
        "occurred_on": "dato", "subject_key": "pseudonym",
    }  # fmt: skip
    assert default_mapping(KINDS[K.INDICATORS], ["Høyere er bedre"]) == {
        "higher_is_better": "Høyere er bedre"
    }


def test_an_explicit_mapping_wins_and_the_rest_is_defaulted() -> None:
    headers = ["KPI", "område", "tid", "verdi"]
    r = check_mapping(KINDS[K.OBSERVATIONS], headers, {"indicator": "KPI", "period": "tid"})
    assert r.mapping == {"indicator": "KPI", "area": "område", "period": "tid", "value": "verdi"}
    assert r.ignored == ()


@pytest.mark.parametrize(
    ("headers", "mapping", "param", "names"),
    [
        (["indikator", "område"], None, "missing", "period,value"),
        (["indikator", "område", "periode", "verdi"], {"colour": "verdi"}, "unknown", "colour"),
        (["indikator", "område", "periode", "verdi"], {"value": "Verdi2"}, "absent", "Verdi2"),
        (["indikator", "område", "periode", "verdi", "verdi"], None, "duplicate", "verdi"),
    ],
    ids=["missing", "unknown-target", "absent-header", "duplicate-header"],
)
def test_column_faults_are_import_columns(
    headers: list[str], mapping: dict[str, str] | None, param: str, names: str
) -> None:
    with pytest.raises(FileRejected) as e:
        check_mapping(KINDS[K.OBSERVATIONS], headers, mapping)
    assert e.value.code == "import-columns" and e.value.title
    error = e.value.errors[0]
    assert (error.field, error.code, error.params[param]) == ("file", "import-columns", names)

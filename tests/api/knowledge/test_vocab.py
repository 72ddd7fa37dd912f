"""The REST contract's closed choices are the domain's vocabularies, word for word (the domain is
the one declaration; the DTOs restate them so the contract and the SPA's types list them)."""

from __future__ import annotations

from typing import Any, get_args

import pytest

from api.rest.knowledge.dtos import vocab as dto
from domain.knowledge import vocab


@pytest.mark.parametrize(
    ("literal", "values"),
    [
        (dto.Source, vocab.SOURCES),
        (dto.Category, vocab.CATEGORIES),
        (dto.MeasureUnit, vocab.MEASURE_UNITS),
        (dto.AreaKind, vocab.AREA_KINDS),
        (dto.AgeBand, vocab.AGE_BANDS),
        (dto.Cohort, vocab.COHORTS),
        (dto.Gender, vocab.GENDERS),
    ],
    ids=["source", "category", "measure-unit", "area-kind", "age-band", "cohort", "gender"],
)
def test_choices_are_the_domains(literal: Any, values: tuple[str, ...]) -> None:
    assert get_args(literal) == tuple(values)

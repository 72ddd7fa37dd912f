"""REST knowledge room: the domain's vocabularies as closed choices the contract states (a unit
test holds each to ``domain.knowledge.vocab``, the one declaration)."""

from __future__ import annotations

from typing import Literal

Source = Literal["ungdata", "fhi", "police", "municipal", "other"]
Category = Literal[
    "substance_use",
    "crime",
    "school",
    "mental_health",
    "family",
    "leisure",
    "neighbourhood",
    "online",
    "other",
]
MeasureUnit = Literal["percent", "count", "per_1000", "mean", "other"]
AreaKind = Literal["municipality", "district"]
AgeBand = Literal["10-13", "14-15", "16-17", "18-24"]
Cohort = Literal["10-13", "14-15", "16-17", "18-24", "grade-5-7", "grade-8-10", "vg1-3", "all"]
Gender = Literal["female", "male", "all"]

"""Demo room: an idempotent, fictional SLT unit (politiråd, two coordinating groups, three youth
teams, realistic members) and a small second unit, so `make run` shows a living organisation.
``data`` holds the invented records and their stable ids; ``load`` writes them."""

from __future__ import annotations

from adapters.postgres.demo.cases import load_cases
from adapters.postgres.demo.data import (
    BODIES,
    DEMO_UNIT,
    MEMBERSHIPS,
    ORGANISATIONS,
    OTHER_UNIT,
    PERSONS,
    DemoAccount,
    DemoMachine,
    demo_id,
)
from adapters.postgres.demo.load import load_demo
from adapters.postgres.demo.measures import load_measures

__all__ = [
    "BODIES",
    "DEMO_UNIT",
    "MEMBERSHIPS",
    "ORGANISATIONS",
    "OTHER_UNIT",
    "PERSONS",
    "DemoAccount",
    "DemoMachine",
    "demo_id",
    "load_cases",
    "load_demo",
    "load_measures",
]

"""Composition root room (demo): the dev identity provider's personas and machine clients linked
to the demo units and their staff, for ``samordna demo`` and the tests' demo."""

from __future__ import annotations

from adapters.identity.personas import MACHINE_CLIENTS, PERSONAS, PRIMARY_UNIT, SECONDARY_UNIT
from adapters.postgres import demo


def demo_accounts() -> list[demo.DemoAccount]:
    """Link the dev identity provider's personas to the demo units and staff persons."""
    staff = {
        "unit_admin": "siri",
        "coordinator": "kari",
        "body_member": "ola",
        "police_contact": "per",
        "steering_reader": "stine",
    }
    units = {PRIMARY_UNIT: demo.DEMO_UNIT, SECONDARY_UNIT: demo.OTHER_UNIT}
    return [
        demo.DemoAccount(
            pid=p.pid,
            unit_id=units[unit],
            roles=tuple(p.roles),
            person=staff.get(p.key) if unit == p.unit else None,
            home=unit == p.unit,
        )
        for p in PERSONAS
        if p.unit is not None
        for unit in (p.unit, *p.also)
    ]


def demo_machines() -> list[demo.DemoMachine]:
    return [
        demo.DemoMachine(consumer_id=m.consumer_id, name=m.name, scopes=tuple(sorted(m.scopes)))
        for m in MACHINE_CLIENTS
    ]

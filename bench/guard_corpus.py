"""Free-text guard corpus room: a synthetic, labelled corpus of Norwegian minutes-like sentences.

Deterministic for a seed. About half the sentences hold personal data (labelled with kind and exact
span); the rest hold the look-alikes minutes are full of: case and decision numbers, organisation
numbers, amounts, meeting dates and times, year groups, members' names, functional mailboxes.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass

from bench import guard_fill as fill
from bench import guard_names
from bench import guard_pools as pools
from bench.guard_templates import NEGATIVE, POSITIVE
from domain.shared.free_text import Kind

_SLOT = re.compile(r"\{(\w+)\}")
Fillers = dict[str, tuple[Kind | None, Callable[[], str]]]


@dataclass(frozen=True, slots=True)
class Label:
    kind: Kind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sample:
    text: str
    labels: tuple[Label, ...]
    level: str


@dataclass(frozen=True, slots=True)
class Corpus:
    samples: tuple[Sample, ...]
    registered: tuple[str, ...]


def _fillers(rng: random.Random, subjects: tuple[str, ...], members: tuple[str, ...]) -> Fillers:
    def contact_email() -> str:
        first, *_, last = rng.choice(subjects + members).split()
        return fill.email(rng, first, last)

    return {
        "ID": (Kind.IDENTITY_NUMBER, lambda: fill.identity_number(rng)),
        "PHONE": (Kind.PHONE, lambda: fill.phone(rng)),
        "EMAIL": (Kind.EMAIL, contact_email),
        "ADDRESS": (Kind.ADDRESS, lambda: fill.address(rng)),
        "POSTCODE": (Kind.POSTCODE_PLACE, lambda: fill.postcode(rng)),
        "DOB": (Kind.DATE_OF_BIRTH, lambda: fill.birth(rng)),
        "SCHOOL": (Kind.SCHOOL_CLASS, lambda: fill.school_class(rng)),
        "PLATE": (Kind.LICENCE_PLATE, lambda: fill.plate(rng)),
        "NAME": (Kind.REGISTERED_NAME, lambda: guard_names.mention(rng.choice(subjects), rng)),
        "MEMBER": (None, lambda: rng.choice(members)),
        "ROLE": (None, lambda: rng.choice(pools.ROLES)),
        "CASE": (None, lambda: fill.case_number(rng)),
        "ORGNR": (None, lambda: fill.org_number(rng)),
        "AMOUNT": (None, lambda: fill.amount(rng)),
        "DATE": (None, lambda: fill.meeting_date(rng)),
        "COHORT": (None, lambda: fill.cohort(rng)),
        "MAILBOX": (None, lambda: rng.choice(pools.ROLE_MAILBOXES)),
        "YEAR": (None, lambda: str(rng.randrange(2020, 2030))),
        "COUNT": (None, lambda: str(rng.randrange(2, 400))),
        "PLACE": (None, lambda: rng.choice(pools.POSTCODES)[1]),
        "ACCOUNT": (None, lambda: fill.account(rng)),
        "BAREDOB": (Kind.DATE_OF_BIRTH, lambda: fill.bare_birth(rng)),
        "OLDDATE": (None, lambda: fill.old_date(rng)),
        "SWITCHBOARD": (None, lambda: rng.choice(("02800", "116 111", "113", "800 30 445"))),
        "PERCENT": (None, lambda: f"{rng.randrange(1, 99)},{rng.randrange(0, 10)} %"),
    }


def render(template: str, fillers: Fillers) -> Sample:
    """The template with each slot filled, and a label for each slot whose filler has a kind."""
    parts: list[str] = []
    labels: list[Label] = []
    position, at = 0, 0
    for m in _SLOT.finditer(template):
        literal = template[at : m.start()]
        parts.append(literal)
        position += len(literal)
        kind, make = fillers[m.group(1)]
        value = make()
        if kind is not None:
            labels.append(Label(kind, position, position + len(value)))
        parts.append(value)
        position += len(value)
        at = m.end()
    parts.append(template[at:])
    return Sample("".join(parts), tuple(labels), level="executive")


def generate(seed: int = 9, size: int = 2400, register_size: int = 80) -> Corpus:
    """``size`` sentences, about half with personal data, against a register of invented names."""
    rng = random.Random(seed)
    subjects, members = guard_names.register(rng, register_size)
    fillers = _fillers(rng, subjects, members)
    samples = []
    for _ in range(size):
        template = rng.choice(POSITIVE if rng.random() < 0.5 else NEGATIVE)
        sample = render(template, fillers)
        level = rng.choice(("steering", "coordinating", "executive", "executive"))
        samples.append(Sample(sample.text, sample.labels, level))
    return Corpus(tuple(samples), subjects)

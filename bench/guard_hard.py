"""Free-text guard corpus room: a hard slice of forms outside the recognisers' design.

Measured apart so the figures show where the guard stops (not part of the quality gate).

A surname alone after a capitalised word, a mobile grouped like an
amount (41 234 567), abbreviated streets (Storg. 12), addresses without a street word, a class
named in words without "klasse", names two edits off or in lower case with a typo, phones with
hyphens (some handled). Plain identity numbers for contrast. The slice was written before the
design was finished: the 6-3-2 split identity number and the "(at)" e-mail it first held are now
handled and moved into the corpus proper.
"""

from __future__ import annotations

import random

from bench import guard_corpus, guard_names
from bench import guard_fill as fill
from bench import guard_pools as pools
from bench.guard_corpus import Corpus, Sample
from domain.shared.free_text import Kind

HARD = (
    "Kontakt {SURNAME} om saken før {DATE}.",
    "Ring {BUDGETPHONE} etter skoletid.",
    "Familien bor i {ABBREVIATED} nå.",
    "Familien bor i {PLAINSTREET} nå.",
    "Hun går i {WORDCLASS} og trives.",
    "Vi drøftet {TWOEDITS} i dag.",
    "Vi drøftet {LOWERTYPO} i dag.",
    "Mobil {DASHPHONE} står i meldingen.",
    "Fnr. {ID} ble oppgitt.",
)


def _fillers(rng: random.Random, subjects: tuple[str, ...]) -> guard_corpus.Fillers:
    def subject() -> list[str]:
        return rng.choice(subjects).split()

    def two_edits() -> str:
        first, *_, last = subject()
        return f"{first} {last[0]}{last[2]}{last[1]}{last[3:-1]}{'e' if last[-1] != 'e' else 'a'}"

    def lower_typo() -> str:
        first, *_, last = subject()
        return f"{first} {last[:-1]}".lower()

    def budget_phone() -> str:
        digits = fill.phone(rng).replace(" ", "")[-8:]
        return f"{digits[:2]} {digits[2:5]} {digits[5:]}"  # grouped like an amount

    def abbreviated() -> str:
        street = rng.choice(("Storg.", "Kirkev.", "Skoleg.", "Parkv."))
        return f"{street} {rng.randrange(1, 90)}"

    return {
        "FULL": (Kind.REGISTERED_NAME, lambda: " ".join(subject()[:: len(subject()) - 1 or 1])),
        "BAREDOB": (Kind.DATE_OF_BIRTH, lambda: fill.birth_date(rng).strftime("%d.%m.%Y")),
        "SURNAME": (Kind.REGISTERED_NAME, lambda: subject()[-1]),
        "BUDGETPHONE": (Kind.PHONE, budget_phone),
        "ABBREVIATED": (Kind.ADDRESS, abbreviated),
        "PLAINSTREET": (
            Kind.ADDRESS,
            lambda: f"{rng.choice(('Solhaug', 'Eikely', 'Granbo'))} {rng.randrange(1, 60)}",
        ),
        "WORDCLASS": (
            Kind.SCHOOL_CLASS,
            lambda: f"sjuende på {rng.choice(pools.SCHOOLS).split()[0]}",
        ),
        "TWOEDITS": (Kind.REGISTERED_NAME, two_edits),
        "LOWERTYPO": (Kind.REGISTERED_NAME, lower_typo),
        "DASHPHONE": (Kind.PHONE, lambda: fill.phone(rng).replace(" ", "-")),
        "ID": (Kind.IDENTITY_NUMBER, lambda: fill.identity_number(rng)),
        "DATE": (None, lambda: fill.meeting_date(rng)),
    }


def generate(seed: int = 9, size: int = 400, register_size: int = 80) -> Corpus:
    rng = random.Random(seed)
    subjects, _ = guard_names.register(rng, register_size)
    fillers = _fillers(rng, subjects)
    samples: list[Sample] = []
    for _ in range(size):
        sample = guard_corpus.render(rng.choice(HARD), fillers)
        samples.append(sample)
    return Corpus(tuple(samples), subjects)

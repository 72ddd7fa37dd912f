"""Free-text guard corpus room: a hard slice, forms outside the recognisers' design, measured
apart so the figures show where the guard stops (not part of the quality gate).

A surname alone after a capitalised word, numbers grouped
oddly, obfuscated e-mail, addresses without a street word, a class named in words, names two
edits off or in lower case with a typo. Also the forms it does handle, for contrast.
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
    "Nummeret {ODDID} ble notert.",
    "Skriv til {OBFUSCATED} for innkalling.",
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

    def odd_id() -> str:
        number = fill.identity_number(rng).replace(" ", "")
        return f"{number[:6]} {number[6:9]} {number[9:]}"

    def obfuscated() -> str:
        first, *_, last = subject()
        return fill.email(rng, first, last).replace("@", " (at) ")

    return {
        "FULL": (Kind.REGISTERED_NAME, lambda: " ".join(subject()[:: len(subject()) - 1 or 1])),
        "BAREDOB": (Kind.DATE_OF_BIRTH, lambda: fill.birth_date(rng).strftime("%d.%m.%Y")),
        "SURNAME": (Kind.REGISTERED_NAME, lambda: subject()[-1]),
        "ODDID": (Kind.IDENTITY_NUMBER, odd_id),
        "OBFUSCATED": (Kind.EMAIL, obfuscated),
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

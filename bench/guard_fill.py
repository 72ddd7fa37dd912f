"""Free-text guard corpus room: slot fillers, one per kind of text a slot holds.

The positive ones are what the guard must find, the negative ones the look-alikes it must leave
alone.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from bench import guard_pools as pools
from domain.shared.identity_number import K1_WEIGHTS, K2_WEIGHTS, first_synthetic


def _control(digits: str, weights: tuple[int, ...]) -> int | None:
    rest = sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
    control = 0 if rest == 0 else 11 - rest
    return None if control == 10 else control


def synthetic_2032(born: date, rng: random.Random, *, d_number: bool = False) -> str:
    """A synthetic (month + 80) number whose K1 leaves remainder 1-3: valid only under the 2032 rule."""
    day = born.day + (40 if d_number else 0)
    for _ in range(200):
        nine = f"{day:02d}{born.month + 80:02d}{born.year % 100:02d}{rng.randrange(500, 1000):03d}"
        base = sum(int(d) * w for d, w in zip(nine, K1_WEIGHTS, strict=True))
        k1 = next((k for k in range(10) if (base + k) % 11 in (1, 2, 3)), None)
        k2 = None if k1 is None else _control(nine + str(k1), K2_WEIGHTS)
        if k1 is not None and k2 is not None:
            return f"{nine}{k1}{k2}"
    raise RuntimeError("no 2032-rule number found")


def synthetic_d(born: date, rng: random.Random) -> str:
    """A synthetic D-number (day + 40, month + 80), as Tenor issues them."""
    for _ in range(200):
        nine = f"{born.day + 40:02d}{born.month + 80:02d}{born.year % 100:02d}{rng.randrange(500, 1000):03d}"
        k1 = _control(nine, K1_WEIGHTS)
        k2 = None if k1 is None else _control(nine + str(k1), K2_WEIGHTS)
        if k1 is not None and k2 is not None:
            return f"{nine}{k1}{k2}"
    raise RuntimeError("no D-number found")


def birth_date(rng: random.Random) -> date:
    return date(2004, 1, 1) + timedelta(days=rng.randrange(0, 365 * 16))


def identity_number(rng: random.Random) -> str:
    born = birth_date(rng)
    form = rng.random()
    if form < 0.55:
        number = first_synthetic(born, rng.randrange(500, 990))
    elif form < 0.7:
        number = synthetic_d(born, rng)
    elif form < 0.85:
        number = synthetic_2032(born, rng)
    else:  # a typo: the last digit is wrong, so the checksum fails (never a real number: month + 80)
        number = first_synthetic(born, rng.randrange(500, 990))
        number = number[:10] + str((int(number[10]) + rng.randrange(1, 10)) % 10)
    shape = rng.random()
    if shape < 0.2:
        return f"{number[:6]} {number[6:]}"
    if shape < 0.25:
        return f"{number[:6]} {number[6:9]} {number[9:]}"
    return number


def phone(rng: random.Random) -> str:
    digits = rng.choice("49492235") + "".join(rng.choice("0123456789") for _ in range(7))
    shape = rng.randrange(5)
    body = {
        0: digits,
        1: f"{digits[:4]} {digits[4:]}",
        2: f"{digits[:3]} {digits[3:5]} {digits[5:]}",
        3: " ".join(digits[i : i + 2] for i in range(0, 8, 2)),
        4: digits,
    }[shape]
    prefix = rng.choice(("", "", "", "+47 ", "0047 ", "+47"))
    return prefix + body


def email(rng: random.Random, first: str, last: str) -> str:
    local = rng.choice((f"{first}.{last}", f"{first}{rng.randrange(1, 99)}", f"{first[0]}{last}"))
    local = local.lower().replace("ø", "o").replace("å", "aa").replace("æ", "ae").replace("-", "")
    at = "@" if rng.random() < 0.9 else rng.choice((" (at) ", "[at]"))
    return f"{local}{at}{rng.choice(('example.no', 'eksempel.no', 'epost.test'))}"


def address(rng: random.Random) -> str:
    letter = rng.choice(("", "", "", "A", "B", " C"))
    return f"{rng.choice(pools.STREETS)} {rng.randrange(1, 180)}{letter}"


def postcode(rng: random.Random) -> str:
    code, place = rng.choice(pools.POSTCODES)
    return f"{code} {place}"


def birth(rng: random.Random) -> str:
    born = birth_date(rng)
    return rng.choice(
        (
            f"{born.day:02d}.{born.month:02d}.{born.year}",
            f"{born.day}. {pools.MONTHS[born.month - 1]} {born.year}",
            f"{born.year}",
            f"{born.day}.{born.month}.{born.year % 100:02d}",
            born.isoformat(),
        )
    )


def school_class(rng: random.Random) -> str:
    school = rng.choice(pools.SCHOOLS)
    klass = rng.choice(
        (f"{rng.randrange(1, 11)}{rng.choice('ABCDE')}", f"{rng.randrange(1, 11)}. klasse")
    )
    if "videregående" in school or "vgs" in school:
        klass = f"Vg{rng.randrange(1, 4)}{rng.choice(('', 'A', 'B'))}"
    return f"{klass} {rng.choice(('på', 'ved'))} {school}"


def plate(rng: random.Random) -> str:
    sep = rng.choice((" ", ""))
    return f"{rng.choice(pools.PLATE_SERIES)}{sep}{rng.randrange(10000, 100000)}"


# Look-alikes the guard must leave alone.
def case_number(rng: random.Random) -> str:
    body = rng.choice(pools.BODIES)
    return rng.choice(
        (
            f"{body} {rng.randrange(1, 40)}/{rng.randrange(2024, 2028)}",
            f"sak {rng.randrange(2024, 2028)}/{rng.randrange(1, 9999)}",
        )
    )


def org_number(rng: random.Random) -> str:
    digits = f"{rng.randrange(800, 1000)}{rng.randrange(0, 1000000):06d}"
    return rng.choice((digits, f"{digits[:3]} {digits[3:6]} {digits[6:]}"))


def amount(rng: random.Random) -> str:
    value = rng.choice((12000, 450000, 1200000, 41250000, 98000000, 2500, 45000000, 91500000))
    grouped = f"{value:,}".replace(",", " ")
    return rng.choice(
        (f"kr {grouped}", f"{grouped} kroner", f"NOK {value}", f"{value} kr", f"kr {value},-")
    )


def meeting_date(rng: random.Random) -> str:
    day, month = rng.randrange(1, 29), rng.randrange(1, 13)
    year = rng.randrange(2025, 2028)
    return rng.choice(
        (
            f"{day:02d}.{month:02d}.{year}",
            f"{day}. {pools.MONTHS[month - 1]} {year}",
            f"{day}.{month}.",
            f"kl. {rng.randrange(8, 16):02d}.{rng.choice(('00', '15', '30'))}",
        )
    )


def cohort(rng: random.Random) -> str:
    school = rng.choice(pools.SCHOOLS)
    return rng.choice(
        (
            f"{rng.randrange(5, 11)}. trinn ved {school}",
            f"rektor ved {school}",
            f"elevrådet på {school}",
            f"{rng.randrange(3, 40)} elever ved {school}",
        )
    )


def account(rng: random.Random) -> str:
    return f"{rng.randrange(1000, 9999)}.{rng.randrange(10, 99)}.{rng.randrange(10000, 99999)}"


def bare_birth(rng: random.Random) -> str:
    born = birth_date(rng)
    return rng.choice(
        (born.strftime("%d.%m.%Y"), f"{born.day}. {pools.MONTHS[born.month - 1]} {born.year}")
    )


def old_date(rng: random.Random) -> str:
    """A date some years back that is not a birth date: when an agreement was signed."""
    return f"{rng.randrange(1, 29):02d}.{rng.randrange(1, 13):02d}.{rng.randrange(2015, 2023)}"

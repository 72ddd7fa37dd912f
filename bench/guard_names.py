"""Free-text guard corpus room: the register of subjects and the ways minutes write their names."""

from __future__ import annotations

import random

from bench import guard_pools as pools


def register(rng: random.Random, size: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``size`` registered subjects and as many members (other people: staff, body members), no
    full name in both. Members share first names and surnames with subjects, as in real life."""
    if 2 * size > len(pools.FIRST_NAMES) * len(pools.SURNAMES):
        raise ValueError("the pools hold too few name pairs for that register")
    seen: set[tuple[str, str]] = set()
    subjects: list[str] = []
    members: list[str] = []
    while len(subjects) < size or len(members) < size:
        first, last = rng.choice(pools.FIRST_NAMES), rng.choice(pools.SURNAMES)
        if (first, last) in seen:
            continue
        seen.add((first, last))
        if len(subjects) < size:
            middle = f" {rng.choice(pools.MIDDLE_NAMES)}" if rng.random() < 0.2 else ""
            subjects.append(f"{first}{middle} {last}")
        else:
            members.append(f"{first} {last}")
    return tuple(subjects), tuple(members)


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1 :]  # a letter dropped
    if kind == 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # two letters swapped
    return word[:i] + rng.choice("aeilnrst") + word[i + 1 :]  # one letter wrong


def _ascii(word: str) -> str:
    return word.replace("ø", "o").replace("Ø", "O").replace("å", "aa").replace("Å", "Aa")


def mention(name: str, rng: random.Random) -> str:
    """One way minutes write a registered name."""
    parts = name.split()
    first, last = parts[0], parts[-1]
    form = rng.randrange(11)
    if form == 10:
        return f"{first} {last}".lower()
    if form == 0:
        return name
    if form == 1:
        return f"{first} {last}"
    if form == 2:
        return f"{last}, {first}"
    if form == 3:
        return f"{first[0]}. {last}"
    if form == 4:
        return f"{first} {last}s"
    if form == 5 and len(last) >= 5:
        return f"{first} {_typo(last, rng)}"
    if form == 6:
        return f"{_ascii(first)} {_ascii(last)}"
    if form == 7:
        return f"{first} {last}".upper()
    if form == 8:
        return first
    return f"{first}s" if not first.endswith("s") else first

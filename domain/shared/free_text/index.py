"""Free-text guard room: an index of registered names for fast exact, genitive and fuzzy look-ups.

Built once per list of names (cached); a look-up costs a dictionary probe per one-letter deletion
of the token (symmetric-deletion index), so a long text against many names stays fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from domain.shared.free_text.fuzzy import (
    FUZZY_MAX_LENGTH,
    FUZZY_MIN_LENGTH,
    deletions,
    fold,
    within_one_edit,
)

_WORD = re.compile(r"[^\W\d_]+")
Hit = tuple[int, bool]  # (position of the token in the registered name, matched only fuzzily)


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class NameIndex:
    """Registered names split into folded tokens; ``lookup`` says which names a word could be."""

    lengths: list[int] = field(default_factory=list)
    exact: dict[str, dict[int, int]] = field(default_factory=dict)
    initials: dict[str, dict[int, int]] = field(default_factory=dict)
    near: dict[str, set[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.lengths)

    def add(self, name: str) -> None:
        parts = [fold(m.group()) for m in _WORD.finditer(name)]
        if not parts:
            return
        number = len(self.lengths)
        self.lengths.append(len(parts))
        for position, part in enumerate(parts):
            self.exact.setdefault(part, {}).setdefault(number, position)
            if position < len(parts) - 1:  # given names have initials
                self.initials.setdefault(part[0], {}).setdefault(number, position)
            if FUZZY_MIN_LENGTH <= len(part) <= FUZZY_MAX_LENGTH:
                for key in {part} | deletions(part):
                    self.near.setdefault(key, set()).add(part)

    def length(self, name: int) -> int:
        return self.lengths[name]

    @staticmethod
    def tokens(text: str) -> list[Token]:
        return [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]

    def lookup(self, word: str) -> dict[int, Hit]:
        if len(word) == 1:
            hits = self.initials.get(fold(word), {}) if word.isupper() else {}
            return {name: (position, False) for name, position in hits.items()}
        folded = fold(word)
        forms = [folded, folded[:-1]] if folded.endswith("s") and len(folded) > 2 else [folded]
        found: dict[int, Hit] = {}
        for form in forms:
            for name, position in self.exact.get(form, {}).items():
                found.setdefault(name, (position, False))
        for form in forms:
            if not FUZZY_MIN_LENGTH <= len(form) <= FUZZY_MAX_LENGTH:
                continue
            for key in {form} | deletions(form):
                for part in self.near.get(key, ()):
                    if part != form and within_one_edit(form, part):
                        for name, position in self.exact[part].items():
                            found.setdefault(name, (position, True))
        return found


def build(names: Iterable[str]) -> NameIndex:
    index = NameIndex()
    for name in names:
        index.add(name)
    return index


@lru_cache(maxsize=16)
def cached(names: tuple[str, ...]) -> NameIndex:
    """The index for a tuple of names, built once: a unit's register is checked again and again."""
    return build(names)

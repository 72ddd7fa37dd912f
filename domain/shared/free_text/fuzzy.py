"""Free-text guard room: folding and edit distance for matching registered names.

Folding makes Åse/Aase, Søren/Soren and Kjærstad/Kjaerstad equal; one edit (insert, delete,
substitute or swap two neighbours) covers the usual typo in a name of four letters or more.
"""

from __future__ import annotations

import unicodedata

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "aa", "ä": "ae", "ö": "o", "ü": "u", "ß": "ss"})
FUZZY_MIN_LENGTH = 4
FUZZY_MAX_LENGTH = 30  # no name part is longer; a pasted blob of letters costs nothing


def fold(token: str) -> str:
    """Case-folded, Norwegian letters spelt in ASCII, other accents dropped (é → e)."""
    folded = token.casefold().translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def deletions(token: str) -> set[str]:
    """The token with one letter removed, each way (the symmetric-deletion index's keys)."""
    return {token[:i] + token[i + 1 :] for i in range(len(token))}


def within_one_edit(a: str, b: str) -> bool:
    """Optimal string alignment distance ≤ 1 (a swap of two neighbours counts as one edit)."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        diff = [i for i in range(la) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if la < lb else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]

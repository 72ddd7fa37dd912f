"""Free-text guard room: names of registered subjects, with variants and fuzzy matching.

The names come from the case register (a port, later); here they are an argument. A registered
name "Ola Jakob Nordmann" is found as written, as "Ola Nordmann", "Nordmann, Ola", "O. Nordmann",
"Ola Nordmanns" (genitive), "Ola Nordman" (one edit), "Ola NORDMANN", and as "Ola" or "Nordmann"
alone when capitalised and not part of somebody else's name ("Ola Olsen" is another person).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from domain.shared.free_text.findings import Finding, Kind
from domain.shared.free_text.index import NameIndex, Token

# Two tokens of one name are one mention across a space, a hyphen, or a comma ("Nordmann, Ola").
_JOIN = re.compile(r"^(?:[ \u00a0]|-|\.?[ \u00a0]|,[ \u00a0])$")
SCORE_FULL = 1.0
SCORE_PARTIAL = 0.95
SCORE_FUZZY = 0.85
SCORE_SINGLE = 0.6


@dataclass(slots=True)
class _Run:
    name: int
    first: int  # token positions in the text
    last: int
    used: set[int]  # token positions in the registered name
    fuzzy: bool
    has_long: bool  # at least one token is more than an initial
    has_initial: bool


def _runs(text: str, tokens: list[Token], index: NameIndex) -> Iterator[_Run]:
    candidates = [index.lookup(t.text) for t in tokens]
    for i, cands in enumerate(candidates):
        for name, (position, fuzzy) in cands.items():
            if i > 0 and name in candidates[i - 1] and _joined(text, tokens[i - 1], tokens[i]):
                continue  # not the start of this name's run
            size = len(tokens[i].text)
            run = _Run(name, i, i, {position}, fuzzy, size > 1, size == 1)
            j = i + 1
            while (
                j < len(tokens)
                and name in candidates[j]
                and _joined(text, tokens[j - 1], tokens[j])
            ):
                pos, fz = candidates[j][name]
                if pos in run.used:
                    break
                run.used.add(pos)
                run.last, run.fuzzy = j, run.fuzzy or fz
                run.has_long = run.has_long or len(tokens[j].text) > 1
                run.has_initial = run.has_initial or len(tokens[j].text) == 1
                j += 1
            yield run


def _joined(text: str, left: Token, right: Token) -> bool:
    return _JOIN.match(text[left.end : right.start]) is not None


def _someone_else(text: str, tokens: list[Token], i: int, candidates_near: set[int]) -> bool:
    """True when a capitalised neighbour, joined by a space, is not a token of this name."""
    for j in (i - 1, i + 1):
        if 0 <= j < len(tokens) and j not in candidates_near:
            left, right = (tokens[j], tokens[i]) if j < i else (tokens[i], tokens[j])
            if tokens[j].text[:1].isupper() and text[left.end : right.start] in (" ", "\u00a0"):
                return True
    return False


def names(text: str, index: NameIndex) -> Iterator[Finding]:
    if not index:
        return
    tokens = index.tokens(text)
    for run in _runs(text, tokens, index):
        start, end = tokens[run.first].start, tokens[run.last].end
        if run.last > run.first:
            capitalised = any(t.text[:1].isupper() for t in tokens[run.first : run.last + 1])
            if not run.has_long or not capitalised:
                continue
            score = SCORE_FUZZY if run.fuzzy else SCORE_PARTIAL
            if not (run.fuzzy or run.has_initial) and len(run.used) == index.length(run.name):
                score = SCORE_FULL
        else:
            token = tokens[run.first]
            if run.fuzzy or len(token.text) < 2 or not token.text[:1].isupper():
                continue
            if _someone_else(text, tokens, run.first, set()):
                continue
            score = SCORE_SINGLE
        yield Finding(
            kind=Kind.REGISTERED_NAME, start=start, end=end, matched=text[start:end], score=score
        )

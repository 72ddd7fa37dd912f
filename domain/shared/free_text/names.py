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
from domain.shared.free_text.index import Hit, NameIndex, Token

# Two tokens of one name are one mention across a space, a hyphen, or a comma ("Nordmann, Ola").
_JOIN = re.compile(r"^(?:[ \u00a0]|-|\.?[ \u00a0]|,[ \u00a0])$")
SCORE_FULL = 1.0
SCORE_PARTIAL = 0.95
SCORE_FUZZY = 0.85  # one edit off, or written all in lower case
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
    seen: dict[str, dict[int, Hit]] = {}  # a word repeats; look it up once
    candidates = [
        seen[t.text] if t.text in seen else seen.setdefault(t.text, index.lookup(t.text))
        for t in tokens
    ]
    covered: set[tuple[int, int]] = set()  # (name, token) already inside a run of that name
    for i, cands in enumerate(candidates):
        for name, (position, fuzzy) in cands.items():
            if (name, i) in covered:
                continue
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
            covered.update((name, k) for k in range(run.first, run.last + 1))
            yield run


def _joined(text: str, left: Token, right: Token) -> bool:
    return _JOIN.match(text[left.end : right.start]) is not None


def _someone_else(text: str, tokens: list[Token], run: _Run, length: int) -> bool:
    """A partial mention next to a capitalised word is somebody else's name: "Kari Olsen" is not
    the registered Kari Nordmann, "Per Nordmann" is not her either, nor "Karl Johans gate" her
    brother Ola Johan. A first name is checked against the word after it (the word before may
    begin the sentence), a surname against the word before it, a middle name against both."""
    neighbours = []
    if length - 1 in run.used or 0 not in run.used:
        neighbours.append((run.first - 1, tokens[run.first - 1 : run.first + 1]))
    if length - 1 not in run.used:
        neighbours.append((run.last + 1, tokens[run.last : run.last + 2]))
    for j, pair in neighbours:
        if 0 <= j < len(tokens) and len(pair) == 2:
            left, right = pair
            if tokens[j].text[:1].isupper() and text[left.end : right.start] in (" ", "\u00a0"):
                return True
    return False


def _complete(run: _Run, length: int) -> bool:
    """The run names a person: a surname and a given name (or its initial), or a one-word name."""
    return length == 1 or (length - 1 in run.used and any(p < length - 1 for p in run.used))


def names(text: str, index: NameIndex) -> Iterator[Finding]:
    """The best finding per span: a common first name may match a hundred registered names."""
    if not index:
        return
    best: dict[tuple[int, int], float] = {}
    for start, end, score in _scored(text, index):
        if score > best.get((start, end), 0.0):
            best[start, end] = score
    for (start, end), score in best.items():
        yield Finding(
            kind=Kind.REGISTERED_NAME, start=start, end=end, matched=text[start:end], score=score
        )


def _scored(text: str, index: NameIndex) -> Iterator[tuple[int, int, float]]:
    tokens = index.tokens(text)
    for run in _runs(text, tokens, index):
        start, end = tokens[run.first].start, tokens[run.last].end
        words = tokens[run.first : run.last + 1]
        length = index.length(run.name)
        if _complete(run, length):
            if not run.has_long:
                continue
            lower = not any(t.text[:1].isupper() for t in words)
            if lower and run.fuzzy:
                continue  # "per berg" may be a name; "per bergs" one edit off is prose
            score = SCORE_FUZZY if run.fuzzy or lower else SCORE_PARTIAL
            if not (run.fuzzy or lower or run.has_initial) and len(run.used) == length:
                score = SCORE_FULL
        else:
            if run.fuzzy or not run.has_long or not all(t.text[:1].isupper() for t in words):
                continue
            if _someone_else(text, tokens, run, length):
                continue
            score = SCORE_SINGLE
        yield start, end, score

"""Free-text guard corpus room: recall and precision per kind of the guard over a labelled corpus.

A label is found when a finding of its kind overlaps it; a finding is right when it overlaps a
label of its kind. Overlap, not exact span, because "født 3. april 2011" may be highlighted from
the cue or from the date: both hide the same data. Exact spans are the property tests' business.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass

from bench.guard_corpus import Corpus
from domain.shared.free_text import Kind, build, check

REFERENCE_YEAR = 2026  # the year the corpus's minutes are written in


@dataclass(frozen=True, slots=True)
class Score:
    kind: Kind | None  # None: all kinds together
    labels: int
    found: int  # labels found
    findings: int
    right: int  # findings overlapping a label of their kind

    @property
    def recall(self) -> float:
        return self.found / self.labels if self.labels else 1.0

    @property
    def precision(self) -> float:
        return self.right / self.findings if self.findings else 1.0


@dataclass(frozen=True, slots=True)
class Report:
    scores: dict[Kind, Score]
    total: Score
    sentences: int
    seconds: float
    rule_notices: int


def evaluate(corpus: Corpus, reference_year: int | None = REFERENCE_YEAR) -> Report:
    labels, found, findings, right = (
        Counter[Kind](),
        Counter[Kind](),
        Counter[Kind](),
        Counter[Kind](),
    )
    index = build(corpus.registered)
    notices = 0
    started = time.perf_counter()
    results = [
        check(s.text, registered_names=index, level=s.level, reference_year=reference_year)
        for s in corpus.samples
    ]
    seconds = time.perf_counter() - started
    for sample, result in zip(corpus.samples, results, strict=True):
        notices += result.rule is not None
        for label in sample.labels:
            labels[label.kind] += 1
            hit = any(
                f.kind is label.kind and f.start < label.end and label.start < f.end
                for f in result.findings
            )
            found[label.kind] += hit
        for f in result.findings:
            findings[f.kind] += 1
            right[f.kind] += any(
                lb.kind is f.kind and f.start < lb.end and lb.start < f.end for lb in sample.labels
            )
    scores = {
        k: Score(k, labels[k], found[k], findings[k], right[k])
        for k in Kind
        if labels[k] or findings[k]
    }
    total = Score(None, labels.total(), found.total(), findings.total(), right.total())
    return Report(scores, total, len(corpus.samples), seconds, notices)

"""Free-text guard figures: recall and precision per kind, and speed (``python -m bench.guard``).

Recall and precision per kind on the synthetic corpus (the quality gate's corpus, seed 9) and on
the hard slice, then the speed of ``check`` on sentences and on a long minutes document against a
large register.
"""

from __future__ import annotations

import argparse
import random
import time

from bench import guard_corpus, guard_hard
from bench import guard_pools as pools
from bench.guard_metrics import REFERENCE_YEAR, Report, evaluate
from domain.shared.free_text import build, check


def _table(title: str, report: Report) -> None:
    print(f"\n{title}: {report.sentences:,} sentences")
    print(
        f"{'kind':<18}{'labels':>8}{'found':>8}{'recall':>9}{'findings':>10}{'right':>7}{'precision':>11}"
    )
    print("-" * 71)
    rows = [*report.scores.values(), report.total]
    for s in rows:
        name = s.kind.value if s.kind is not None else "all kinds"
        print(
            f"{name:<18}{s.labels:>8}{s.found:>8}{s.recall:>9.4f}"
            f"{s.findings:>10}{s.right:>7}{s.precision:>11.4f}"
        )
    per = report.seconds / report.sentences * 1000
    print(
        f"check(): {report.seconds:.2f} s in all, {per:.3f} ms a sentence; "
        f"{report.rule_notices} results named the steering/coordinating rule"
    )


def _long_document(seed: int, register_size: int) -> None:
    rng = random.Random(seed)
    corpus = guard_corpus.generate(seed=seed, size=600)
    text = "\n".join(s.text for s in corpus.samples)
    pairs = [f"{f} {s}" for f in pools.FIRST_NAMES for s in pools.SURNAMES]
    subjects = tuple(rng.sample(pairs, register_size))
    started = time.perf_counter()
    index = build(subjects + corpus.registered)
    built = time.perf_counter() - started
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        result = check(text, registered_names=index, reference_year=REFERENCE_YEAR)
        timings.append(time.perf_counter() - started)
    print(
        f"\nLong minutes: {len(text):,} characters, {len(result.findings)} findings, against "
        f"{len(subjects) + len(corpus.registered):,} registered names: index built in "
        f"{built * 1000:.0f} ms, check() median {sorted(timings)[2] * 1000:.0f} ms (5 runs)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--size", type=int, default=2400)
    args = parser.parse_args()
    _table(
        f"Synthetic corpus (seed {args.seed}, reference year {REFERENCE_YEAR})",
        evaluate(guard_corpus.generate(seed=args.seed, size=args.size)),
    )
    _table(
        "Hard slice (forms outside the design, not gated)",
        evaluate(guard_hard.generate(seed=args.seed)),
    )
    _long_document(args.seed, register_size=1000)


if __name__ == "__main__":
    main()

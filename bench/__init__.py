"""Benchmarks that print figures: run on demand with ``python -m bench.run`` (``make bench``), never
part of the test suite. They build their own database (``samordna_bench``) on the embedded server and
talk to the app in-process or over loopback only."""

"""The archive context (issue 13): finished, archive-worthy records leave for the municipality's
case/archive system as FIKS Arkiv ``arkivmelding`` messages, through a transactional outbox.

- ``records``: what is archived — ``ArchiveRecord`` (one mappe + one registrering) and its documents.
- ``keys``: the stable ``referanseEksternNoekkel`` values (correlation and idempotency keys).
- ``messages``: the outbox message, its status machine, the receipt and the retry backoff.
- ``settings``: per-unit archive settings (classification, archive part, enabled).
- ``extracts``: the Noark 5 deposit extract job.
- ``ports``: repositories, the record source, the message builder, the transport, the extract writer.
- ``service`` (``ArchiveService``) and ``delivery`` (``Deliverer``, the worker's use case).

Builds on the shared kernel only; the records of other contexts arrive as ``ArchiveRecord`` values
filled by the adapter (``RecordSource``).
"""

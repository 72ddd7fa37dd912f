"""The agreements context (handbook 2.1, 5.7): the unit's samarbeidsavtaler and politirådsavtaler —
kind, title, parties (organisations of the unit), signed date, valid until, review reminder, a
status derived from the dates (active | due for review | expired), documentation status and
archive-worthy flag, and the signed document attached (a PDF, checked by its content).

Aggregates (one module each, frozen dataclasses that ``check()`` themselves):
- ``agreement.Agreement``: the agreement and the metadata of its signed document, if any.
- ``document.SignedDocument``: an upload's bytes, inspected by content (``document.inspect``).

Builds on the organisation context (parties are its organisations); never the reverse.
"""

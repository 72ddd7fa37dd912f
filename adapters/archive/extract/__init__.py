"""Archive adapters room: the Noark 5 v5.0 deposit extract (arkivuttrekk) — ``arkivstruktur.xml``,
``endringslogg.xml``, ``arkivuttrekk.xml`` (ADDML 8.3), the XSDs and ``DOKUMENT/``, as a zip."""

"""Archive adapters (issue 13): FIKS Arkiv ``arkivmelding`` builders and the kvittering parser
(lxml), the two transports (filesystem drop, HTTP), the Noark 5 deposit extract writer, and the
official XSDs they are validated against (``schemas/``, copied from KS and Arkivverket)."""

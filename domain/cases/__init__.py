"""Cases domain room: the confidential core — subjects, cases, consent, the one disclosure
decision point and the access log (issue 11; ADR 0017)."""

"""The SLT organisation: units, organisations, persons, bodies on three levels, memberships, health."""

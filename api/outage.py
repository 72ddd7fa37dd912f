"""Which failures mean the database is out of reach: answered 503 with ``Retry-After``, never 500."""

from __future__ import annotations

from sqlalchemy import exc as sa

# Seconds a client should wait before trying again (the ``Retry-After`` header).
RETRY_AFTER_SECONDS = 5

# SQLSTATE classes of an unreachable or restarting server: 08 connection exception, 57P
# operator intervention (shutdown, crash, starting up), 53300 too many connections.
_OUTAGE_SQLSTATES = ("08", "57P", "53300")


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop()
        if e is None or any(e is s for s in seen):
            continue
        seen.append(e)
        todo += [e.__cause__, e.__context__, getattr(e, "orig", None)]
    return seen


def is_unavailable(exc: BaseException) -> bool:
    """True for a refused or timed-out connection, a pool timeout, a connection the server
    closed, or a server shutting down or starting up: anywhere in the exception's chain."""
    for e in _chain(exc):
        # OSError covers a refused connection, a missing socket file and TimeoutError.
        if isinstance(e, OSError | sa.TimeoutError):
            return True
        if isinstance(e, sa.DBAPIError) and e.connection_invalidated:
            return True
        sqlstate = getattr(e, "sqlstate", None)
        if isinstance(sqlstate, str) and sqlstate.startswith(_OUTAGE_SQLSTATES):
            return True
    return False

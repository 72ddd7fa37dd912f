"""Bench: counts the statements every asyncpg connection of this process sends, whether through
SQLAlchemy or asyncpg directly (no pg_stat_statements on the embedded server)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from asyncpg.connection import Connection
from asyncpg.prepared_stmt import PreparedStatement


class StatementLog:
    def __init__(self) -> None:
        self.n = 0
        self.texts: list[str] = []
        self.keep_texts = False

    def hit(self, query: object) -> None:
        self.n += 1
        if self.keep_texts:
            self.texts.append(" ".join(str(query).split()))


def _wrap(log: StatementLog, fn: Callable[..., Any], query: Callable[..., object]) -> Any:
    async def wrapper(*args: Any, **kw: Any) -> Any:
        log.hit(query(*args, **kw))
        return await fn(*args, **kw)

    return wrapper


@contextmanager
def counting() -> Iterator[StatementLog]:
    """Patch the asyncpg entry points that send one statement each (one round trip)."""
    log = StatementLog()
    saved = {
        (Connection, "execute"): Connection.execute,
        (Connection, "_execute"): Connection._execute,
        (Connection, "_executemany"): Connection._executemany,
        (
            PreparedStatement,
            "_PreparedStatement__bind_execute",
        ): PreparedStatement._PreparedStatement__bind_execute,
    }
    plain_execute = Connection.execute

    async def execute(self: Connection, query: str, *args: Any, **kw: Any) -> Any:
        if not args:  # with arguments it goes through _execute, counted there
            log.hit(query)
        return await plain_execute(self, query, *args, **kw)

    Connection.execute = execute  # type: ignore[method-assign]
    Connection._execute = _wrap(log, saved[(Connection, "_execute")], lambda s, q, *a, **k: q)  # type: ignore[method-assign]
    Connection._executemany = _wrap(  # type: ignore[method-assign]
        log, saved[(Connection, "_executemany")], lambda s, q, *a, **k: q
    )
    PreparedStatement._PreparedStatement__bind_execute = _wrap(
        log,
        saved[PreparedStatement, "_PreparedStatement__bind_execute"],
        lambda s, *a, **k: s.get_query(),
    )
    try:
        yield log
    finally:
        for (cls, name), fn in saved.items():
            setattr(cls, name, fn)

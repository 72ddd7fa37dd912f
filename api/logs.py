"""Structured logs: one JSON object per line, carrying the request's id, route template and caller
kind, never its data (no bodies, query text, variables, SQL parameters, tokens or cookies)."""

from __future__ import annotations

import json
import logging
import traceback
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

# The request being served, if any: set by ``api.middleware.access_log`` so every line logged
# while serving it carries its id, route and caller. Values are computed lazily from the scope.
CURRENT_REQUEST: ContextVar[Any] = ContextVar("samordna_request", default=None)

# Library loggers whose chatty levels print raw URLs (with query strings) or statements.
LIBRARY_LEVELS = {
    "httpx": logging.WARNING,
    "httpcore": logging.WARNING,
    "sqlalchemy": logging.WARNING,
    "uvicorn.access": logging.WARNING,  # replaced by our own access line
    "strawberry.execution": logging.CRITICAL,  # replaced by api.graphql.error_log
}

_RECORD_ATTRS = frozenset(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {
    "message",
    "asctime",
    "taskName",
    "color_message",  # uvicorn's ANSI-coloured copy of the message
}
_SCALARS = (str, int, float, bool, type(None))


def scrubbed_traceback(exc: BaseException) -> str:
    """The traceback's frames and exception types, without messages: a message can quote a
    value (``value "12345678901" is out of range``), a frame never does (no locals are shown)."""
    chain: list[BaseException] = []
    e: BaseException | None = exc
    while e is not None and not any(e is c for c in chain):
        chain.append(e)
        e = e.__cause__ or (None if e.__suppress_context__ else e.__context__)
    parts = [
        "Traceback (most recent call last):\n"
        + "".join(traceback.format_tb(e.__traceback__))
        + f"{type(e).__module__}.{type(e).__qualname__} (message withheld)"
        for e in reversed(chain)
    ]
    return "\n\nwhich led to\n\n".join(parts)


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, the current request's fields,
    scalar ``extra`` values, and for exceptions their type and a scrubbed traceback."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        request = CURRENT_REQUEST.get()
        if request is not None:
            out.update(request.fields())
        for key, value in vars(record).items():
            if key not in _RECORD_ATTRS and not key.startswith("_"):
                out[key] = value if isinstance(value, _SCALARS) else str(value)
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            out["exc_type"] = f"{type(exc).__module__}.{type(exc).__qualname__}"
            out["traceback"] = scrubbed_traceback(exc)
        return json.dumps(out, ensure_ascii=False, default=str)


def log_config(level: str = "INFO") -> dict[str, Any]:
    """A ``logging.config.dictConfig`` for the service, also handed to uvicorn so each worker
    process logs the same way (uvicorn's own loggers propagate to the JSON root handler)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": f"{__name__}.JsonFormatter"}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stdout",
            }
        },
        "root": {"level": level, "handlers": ["stdout"]},
        "loggers": {
            "uvicorn": {"level": level, "handlers": [], "propagate": True},
            "uvicorn.error": {"level": level, "handlers": [], "propagate": True},
            **{
                name: {"level": logging.getLevelName(lvl), "handlers": [], "propagate": True}
                for name, lvl in LIBRARY_LEVELS.items()
            },
        },
    }

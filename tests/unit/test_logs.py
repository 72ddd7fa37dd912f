"""The JSON log formatter: scalar extras are kept, uvicorn's ANSI-coloured duplicate is not."""

from __future__ import annotations

import json
import logging

from api.logs import JsonFormatter


def test_extras_are_kept_and_the_coloured_duplicate_dropped() -> None:
    record = logging.LogRecord("uvicorn.error", logging.INFO, "x.py", 1, "Started %s", (7,), None)
    record.color_message = "Started \x1b[36m%d\x1b[0m"
    record.route = "/api/persons/{person_id}"
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "Started 7"
    assert line["route"] == "/api/persons/{person_id}"
    assert "color_message" not in line

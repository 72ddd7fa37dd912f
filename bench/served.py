"""Bench: Samordna as uvicorn serves it, for the wrk row. ``uvicorn --factory bench.served:create``
with ``BENCH_STATE_DIR`` and ``BENCH_URLS`` (JSON: app and admin database URLs) in the environment;
JSON logs configured as ``api.cli serve`` does (written to wherever stdout goes)."""

from __future__ import annotations

import json
import logging.config
import os
from pathlib import Path

from fastapi import FastAPI

from adapters.postgres.database import DatabaseUrls
from api import bootstrap
from api.app import create_app
from api.logs import log_config
from api.settings import Settings


def settings(state_dir: Path) -> Settings:
    """The settings the bench runs Samordna with, in-process and served alike."""
    return Settings(
        environment="test",
        state_dir=state_dir,
        public_base_url="http://testserver",
        database_url=None,
    )


def create() -> FastAPI:
    urls = json.loads(os.environ["BENCH_URLS"])
    s = settings(Path(os.environ["BENCH_STATE_DIR"]))
    logging.config.dictConfig(log_config())
    container = bootstrap.build_container(s, DatabaseUrls(app=urls["app"], admin=urls["admin"]))
    return create_app(s, container, check_schema=False)

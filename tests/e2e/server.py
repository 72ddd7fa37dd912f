"""A live Samordna for the browser tests: a fresh ``samordna_e2e_<port>`` database (migrated, demo
loaded) on the embedded PostgreSQL, served by uvicorn on 127.0.0.1:$E2E_PORT (default 8765). The
database is named by port so two browser runs on one machine (E2E_PORT differs) never collide."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import uvicorn

from adapters.mail.catcher import free_port
from adapters.postgres import migrate
from adapters.postgres.database import fresh_embedded_database
from api import bootstrap
from api.app import create_app
from api.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def main() -> None:
    port = int(os.environ.get("E2E_PORT", "8765"))
    # E2E_STATE_DIR: an embedded PostgreSQL of this run's own (parallel sessions on one machine).
    var = Path(os.environ.get("E2E_STATE_DIR", ROOT / "var"))
    state = var / "e2e"
    urls = fresh_embedded_database(var, f"samordna_e2e_{port}")
    migrate.upgrade(urls.admin)
    settings = Settings(
        environment="test",
        state_dir=state,
        public_base_url=f"http://127.0.0.1:{port}",
        database_url=None,
        rate_limit_login="10000/minute",  # every browser test logs in from 127.0.0.1
        # A real SMTP server: distributed minutes land as .eml files in $E2E_STATE_DIR/e2e/mail.
        mail_catcher_port=free_port(),
    )
    bootstrap.start_mail_catcher(settings)
    # With the measures demo: the board, plans and follow-up lists have something to show.
    asyncio.run(bootstrap.load_demo(settings, urls, measures=True))
    app = create_app(settings, bootstrap.build_container(settings, urls))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


if __name__ == "__main__":
    main()

"""The REST front door (FastAPI): routes, DTOs, problem+json errors."""

from __future__ import annotations

from fastapi import APIRouter


def routers() -> tuple[APIRouter, ...]:
    """Every REST router, in mounting order: the app and the committed contract use this one list."""
    from api.rest import auth, health, problems
    from api.rest.access import routes as access
    from api.rest.agreements import agreements
    from api.rest.agreements import documents as agreement_documents
    from api.rest.annual_wheel import feeds as wheel_feeds
    from api.rest.annual_wheel import norms as wheel_norms
    from api.rest.annual_wheel import tasks as wheel_tasks
    from api.rest.annual_wheel import templates as wheel_templates
    from api.rest.archive import routes as archive
    from api.rest.cases import routes as cases
    from api.rest.knowledge import routes as knowledge
    from api.rest.measures import routes as measures
    from api.rest.meetings import routes as meetings
    from api.rest.organisation import (
        bodies,
        exports,
        memberships,
        organisations,
        persons,
        terms,
        unit,
    )
    from api.rest.trends import routes as trends

    return (
        auth.router,
        unit.router,
        organisations.router,
        persons.router,
        bodies.router,
        memberships.router,
        exports.router,
        terms.router,
        access.router,
        wheel_templates.router,
        wheel_tasks.router,
        wheel_norms.router,
        wheel_feeds.router,
        meetings.router,
        agreements.router,
        agreement_documents.router,
        measures.router,
        cases.router,
        archive.router,
        knowledge.router,
        trends.router,
        problems.router,
        health.router,
    )

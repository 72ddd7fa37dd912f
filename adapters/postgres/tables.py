"""Every context's tables in one ``metadata``: what the migration environment, the stairway and
the schema-comparison tests describe the whole schema with.

Migrations under ``migrations/versions`` create the same schema (plus row-level security, which
SQLAlchemy cannot express); ``tests/migrations`` checks the two agree. Each context declares its
tables in its own package (``organisation/tables.py``, ``access/tables.py``); table classes never
leave ``adapters.postgres``: repositories map them to domain objects.
"""

from __future__ import annotations

from sqlmodel import SQLModel

from adapters.postgres.access.tables import (
    AccessChangeRow,
    MachineClientRow,
    UserAccountRow,
    WebSessionRow,
)
from adapters.postgres.agreements import tables as agreements_tables
from adapters.postgres.annual_wheel import tables as annual_wheel_tables
from adapters.postgres.archive import tables as archive_tables
from adapters.postgres.audit import tables as audit_tables
from adapters.postgres.cases import consent_tables as cases_tables
from adapters.postgres.knowledge import tables as knowledge_tables
from adapters.postgres.measures import plan_tables as measures_plan_tables
from adapters.postgres.measures import record_tables as measures_record_tables  # noqa: F401
from adapters.postgres.measures import tables as measures_tables  # noqa: F401
from adapters.postgres.meetings import tables as meetings_tables
from adapters.postgres.organisation.tables import (
    BodyRow,
    EstablishmentRow,
    MembershipRow,
    MunicipalityRow,
    OrganisationRow,
    OsloDistrictRow,
    PersonRow,
    PoliceDistrictRow,
    SltUnitRow,
    UnitMunicipalityRow,
)
from adapters.postgres.trends import tables as trends_tables

metadata = SQLModel.metadata

__all__ = [
    "TENANT_TABLES",
    "AccessChangeRow",
    "BodyRow",
    "EstablishmentRow",
    "MachineClientRow",
    "MembershipRow",
    "MunicipalityRow",
    "OrganisationRow",
    "OsloDistrictRow",
    "PersonRow",
    "PoliceDistrictRow",
    "SltUnitRow",
    "UnitMunicipalityRow",
    "UserAccountRow",
    "WebSessionRow",
    "metadata",
]

# Tables owned by a unit: row-level security applies, keyed on this column.
TENANT_TABLES: dict[str, str] = {
    "slt_unit": "id",
    "slt_unit_municipality": "unit_id",
    "establishment": "unit_id",
    "organisation": "unit_id",
    "person": "unit_id",
    "body": "unit_id",
    "membership": "unit_id",
    "user_account": "unit_id",
    "machine_client": "unit_id",
    "access_change": "unit_id",
    **meetings_tables.TENANT_TABLES,
    **annual_wheel_tables.TENANT_TABLES,
    **agreements_tables.TENANT_TABLES,
    **measures_plan_tables.TENANT_TABLES,
    **cases_tables.TENANT_TABLES,
    **archive_tables.TENANT_TABLES,
    **audit_tables.TENANT_TABLES,
    **trends_tables.TENANT_TABLES,
    **knowledge_tables.TENANT_TABLES,
}

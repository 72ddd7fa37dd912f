"""In-memory test doubles for the domain's ports (``domain/<context>/ports.py``) and principal builders.

One ``FakeStore`` holds every unit's rows; a ``FakeUnitOfWork`` is bound to one unit and sees only
that unit's rows, so tenant isolation is visible even without PostgreSQL. A unit of work works on a
copy of the store and publishes it on ``commit``; leaving without ``commit`` discards the copy
(the rollback). Repositories keep the Protocols' contracts and the database's rules (``rules``:
unique names, one membership and one chair at a time, references), and are held to them by the
same cases as the PostgreSQL repositories (``tests/repositories``).
"""

from tests.fakes.access import (
    FakeAccessChangeLog,
    FakeAccessUnitOfWork,
    FakeAccessUnitOfWorkFactory,
    FakeAccountRepository,
    FakeMachineClientRepository,
)
from tests.fakes.agreements import (
    FakeAgreementsStore,
    FakeAgreementsUnitOfWork,
    FakeAgreementsUnitOfWorkFactory,
)
from tests.fakes.annual_wheel import (
    FakeAnnualWheelStore,
    FakeAnnualWheelUnitOfWork,
    FakeAnnualWheelUnitOfWorkFactory,
    FakeFeedTokenRepository,
)
from tests.fakes.clock import FakeClock
from tests.fakes.knowledge import (
    FakeKnowledgeStore,
    FakeKnowledgeUnitOfWork,
    FakeKnowledgeUnitOfWorkFactory,
)
from tests.fakes.knowledge_pipeline import FakeKnowledge, FakePipeline, FakeReaders, FakeSpool
from tests.fakes.measures import (
    FakeMeasuresStore,
    FakeMeasuresUnitOfWork,
    FakeMeasuresUnitOfWorkFactory,
)
from tests.fakes.meetings import (
    FakeGuard,
    FakeMeetingsStore,
    FakeMeetingsUnitOfWork,
    FakeMeetingsUnitOfWorkFactory,
)
from tests.fakes.memberships import FakeMembershipRepository
from tests.fakes.organisation import (
    FakeBodyRepository,
    FakeEntityRepository,
    FakeEstablishmentRepository,
    FakeOrganisationRepository,
    FakePersonRepository,
    FakeReferenceData,
    FakeUnitRepository,
)
from tests.fakes.paging import fold, keyset_page
from tests.fakes.principals import (
    body_member,
    coordinator,
    machine,
    person,
    police_contact,
    steering_reader,
    unit_admin,
)
from tests.fakes.store import MUNICIPALITIES, POLICE_DISTRICTS, FakeStore, Tables
from tests.fakes.uow import FakeUnitOfWork, FakeUnitOfWorkFactory

__all__ = [
    "MUNICIPALITIES",
    "POLICE_DISTRICTS",
    "FakeAccessChangeLog",
    "FakeAccessUnitOfWork",
    "FakeAccessUnitOfWorkFactory",
    "FakeAccountRepository",
    "FakeAgreementsStore",
    "FakeAgreementsUnitOfWork",
    "FakeAgreementsUnitOfWorkFactory",
    "FakeAnnualWheelStore",
    "FakeAnnualWheelUnitOfWork",
    "FakeAnnualWheelUnitOfWorkFactory",
    "FakeBodyRepository",
    "FakeClock",
    "FakeEntityRepository",
    "FakeEstablishmentRepository",
    "FakeFeedTokenRepository",
    "FakeGuard",
    "FakeKnowledge",
    "FakeKnowledgeStore",
    "FakeKnowledgeUnitOfWork",
    "FakeKnowledgeUnitOfWorkFactory",
    "FakeMachineClientRepository",
    "FakeMeasuresStore",
    "FakeMeasuresUnitOfWork",
    "FakeMeasuresUnitOfWorkFactory",
    "FakeMeetingsStore",
    "FakeMeetingsUnitOfWork",
    "FakeMeetingsUnitOfWorkFactory",
    "FakeMembershipRepository",
    "FakeOrganisationRepository",
    "FakePersonRepository",
    "FakePipeline",
    "FakeReaders",
    "FakeReferenceData",
    "FakeSpool",
    "FakeStore",
    "FakeUnitOfWork",
    "FakeUnitOfWorkFactory",
    "FakeUnitRepository",
    "Tables",
    "body_member",
    "coordinator",
    "fold",
    "keyset_page",
    "machine",
    "person",
    "police_contact",
    "steering_reader",
    "unit_admin",
]

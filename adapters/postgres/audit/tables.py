"""Access-log room: the SQLModel tables of the access log — entries (appended inside each
request's transaction), the sealer's hash chain over them, and the signed checkpoints
(migration 0012 creates the same, plus row-level security, the grants and the triggers that
refuse any change)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from adapters.postgres.table_helpers import stamp as _stamp

ACTIONS = "('read','write','disclose','export','print','delete')"
DECISIONS = "('permit','deny')"
# Bounded text columns: (column, most characters).
BOUNDED = (
    ("actor_subject_key", 200),
    ("actor_role", 40),
    ("object_type", 40),
    ("category", 40),
    ("regime", 40),
    ("purpose", 40),
    ("basis", 60),
    ("deny_reason", 60),
    ("client", 200),
    ("request_id", 100),
)
HASH_CHECK = "octet_length({c}) = 32"


class AccessLogEntryRow(SQLModel, table=True):
    """One access to subject data (PRIVACY.md § 2): who (person, subject key, organisation,
    role), whose (a pseudonymous subject reference, never a name or number), what (object, its
    category and source regime), how (action, purpose), why (legal basis, consent, break-glass)
    and the decision, from which client and request. ``xid`` is the writing transaction's id:
    the sealer's horizon (entries of transactions older than every running one are final)."""

    __tablename__ = "access_log_entry"
    __table_args__ = (
        sa.CheckConstraint(f"action IN {ACTIONS}", name="ck_access_log_entry_action"),
        sa.CheckConstraint(f"decision IN {DECISIONS}", name="ck_access_log_entry_decision"),
        sa.CheckConstraint(
            "decision = 'permit' OR deny_reason IS NOT NULL", name="ck_access_log_entry_deny"
        ),
        *(
            sa.CheckConstraint(f"char_length({c}) <= {n}", name=f"ck_access_log_entry_{c}")
            for c, n in BOUNDED
        ),
        sa.UniqueConstraint("uid", name="uq_access_log_entry_uid"),
        sa.Index("ix_access_log_entry_subject", "unit_id", "subject_ref", "at"),
        sa.Index("ix_access_log_entry_case", "unit_id", "case_id", "at"),
        sa.Index("ix_access_log_entry_xid", "xid"),
    )
    id: int | None = Field(default=None, primary_key=True, sa_type=sa.BigInteger)
    uid: UUID  # the domain's entry id (``AccessEntry.id``); ``id`` orders the appends
    unit_id: UUID
    at: datetime = Field(sa_type=sa.DateTime(timezone=True))
    actor_person_id: UUID | None = None
    actor_subject_key: str
    actor_organisation_id: UUID | None = None
    actor_role: str | None = None
    subject_ref: UUID | None = None
    case_id: UUID | None = None
    object_type: str
    object_id: UUID | None = None
    category: str | None = None
    regime: str | None = None
    action: str
    purpose: str | None = None
    basis: str | None = None
    consent_id: UUID | None = None
    decision: str
    deny_reason: str | None = None
    break_glass_id: UUID | None = None
    client: str | None = None
    request_id: str | None = None
    xid: int = Field(
        sa_type=sa.BigInteger,
        sa_column_kwargs={"server_default": sa.text("(pg_current_xact_id()::text)::bigint")},
    )


class AccessLogChainRow(SQLModel, table=True):
    """The sealer's hash chain: position ``n`` links one entry, ``hash = sha256(prev_hash ||
    canonical entry)``; position 1's ``prev_hash`` is 32 zero bytes. ``horizon``: every entry of
    a transaction older than it was sealed before this link (where a restarted sealer resumes)."""

    __tablename__ = "access_log_chain"
    __table_args__ = (
        sa.CheckConstraint("position > 0", name="ck_access_log_chain_position"),
        sa.CheckConstraint(HASH_CHECK.format(c="prev_hash"), name="ck_access_log_chain_prev"),
        sa.CheckConstraint(HASH_CHECK.format(c="hash"), name="ck_access_log_chain_hash"),
        sa.UniqueConstraint("entry_id", name="uq_access_log_chain_entry"),
    )
    position: int = Field(
        primary_key=True, sa_type=sa.BigInteger, sa_column_kwargs={"autoincrement": False}
    )
    entry_id: int = Field(sa_type=sa.BigInteger, foreign_key="access_log_entry.id")
    prev_hash: bytes = Field(sa_type=sa.LargeBinary())
    hash: bytes = Field(sa_type=sa.LargeBinary())
    horizon: int = Field(sa_type=sa.BigInteger)
    sealed_at: datetime = _stamp()


class AccessLogCheckpointRow(SQLModel, table=True):
    """A signed statement of the chain's head (Ed25519 over position and head hash), also
    exported as a file outside the database: a tail cut off after it is found."""

    __tablename__ = "access_log_checkpoint"
    __table_args__ = (
        sa.CheckConstraint(HASH_CHECK.format(c="head_hash"), name="ck_access_log_checkpoint_head"),
        sa.CheckConstraint("octet_length(signature) = 64", name="ck_access_log_checkpoint_sig"),
        sa.CheckConstraint("char_length(key_id) <= 100", name="ck_access_log_checkpoint_key"),
    )
    position: int = Field(
        primary_key=True,
        sa_type=sa.BigInteger,
        foreign_key="access_log_chain.position",
        sa_column_kwargs={"autoincrement": False},
    )
    head_hash: bytes = Field(sa_type=sa.LargeBinary())
    signature: bytes = Field(sa_type=sa.LargeBinary())
    key_id: str
    at: datetime = _stamp()


def _table(row: type[SQLModel]) -> sa.Table:
    return row.__table__  # type: ignore[attr-defined, no-any-return]


ENTRY = _table(AccessLogEntryRow)
CHAIN = _table(AccessLogChainRow)
CHECKPOINT = _table(AccessLogCheckpointRow)

TENANT_TABLES: dict[str, str] = {"access_log_entry": "unit_id"}

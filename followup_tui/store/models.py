"""SQLModel tables in the words of docs/playbook.md.

Every moment is an aware UTC datetime (SQLite holds it as UTC text) and every
calendar day a date; screens turn them into local time with arrow. `version` columns let two windows on
one database notice each other's newer changes instead of overwriting them.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Optional

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from followup_tui.playbook import clock
from followup_tui.store.moments import NEVER  # sort keys: a missing date sorts last


def utcnow() -> datetime:
    """Now, as stored: aware UTC (from the app's clock, which tests can freeze)."""
    return clock.now()


class Application(SQLModel, table=True):
    """One job at one company, moving through stages (docs/playbook.md)."""

    __table_args__ = (
        # The Pipeline's order comes from here (urgency, then company): see Store.page.
        Index("ix_application_pipeline", "sort_key", "id"),
        Index("ix_application_company", "company_key"),
        # Migration 0003: the Pipeline's count, pages and filter read only this index.
        Index("ix_application_active", "archived", "sort_key", "id", "company_key", "role"),
        Index("ix_application_stage", "archived", "stage"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    company: str
    role: str = ""
    location: str = ""
    posting_url: str = ""
    job_description: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    source: str = ""
    stage: str = "applied"
    applied_on: Optional[date] = None
    decision_expected_by: Optional[date] = None  # R1
    offer_terms: str = ""  # R14
    offer_deadline: Optional[date] = None  # R14
    archived: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = 1

    # Denormalised summary, kept current by the Store so the Pipeline pages in SQL.
    company_key: str = ""  # company.casefold(), for filtering and sorting
    next_touch_due: Optional[date] = None
    next_interview_at: Optional[datetime] = None
    last_interview_at: Optional[datetime] = None
    last_exchange_on: Optional[date] = None
    sort_key: str = NEVER


class StageChange(SQLModel, table=True):
    """The history of an application's stages."""

    # Migration 0004: Insights reads offers, rejections and closing days from the index.
    __table_args__ = (Index("ix_stagechange_answers", "application_id", "to_stage",
                            "changed_at"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True, ondelete="CASCADE")
    from_stage: Optional[str] = None
    to_stage: str
    changed_at: datetime = Field(default_factory=utcnow)
    note: str = ""


class Interview(SQLModel, table=True):
    """One meeting in an application: round, when (and in which time zone), format, place."""

    # Migration 0004: an application's rounds and interviews per week, from the index.
    __table_args__ = (Index("ix_interview_answers", "application_id", "starts_at", "round",
                            "created_at"),
                      Index("ix_interview_ical_uid", "ical_uid"))  # migration 0005

    id: Optional[int] = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True, ondelete="CASCADE")
    round: int = 1
    starts_at: datetime  # UTC
    ends_at: Optional[datetime] = None  # UTC
    tz: str = "UTC"  # the IANA zone the interview happened in
    format: str = "on-site"
    place: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    version: int = 1
    # An imported invitation's UID and SEQUENCE (migration 0005); cancelled by its
    # METHOD:CANCEL: kept with its notes, nothing planned for it.
    ical_uid: str = ""
    ical_sequence: int = 0
    cancelled: bool = False


class Contact(SQLModel, table=True):
    """One person across applications, with what their card says (R2)."""

    __table_args__ = (Index("ix_contact_name", "name_key"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    full_name: str
    name_key: str = ""  # full_name.casefold(), for look-ups
    title: str = ""
    organisation: str = ""
    email: str = ""
    phone: str = ""
    postal_address: str = ""
    linkedin: str = ""
    created_at: datetime = Field(default_factory=utcnow)
    version: int = 1


class ApplicationContact(SQLModel, table=True):
    """A contact's role for one application: interviewer, recruiter, reference, helper…"""

    __table_args__ = (UniqueConstraint("application_id", "contact_id", "role"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True, ondelete="CASCADE")
    contact_id: int = Field(foreign_key="contact.id", index=True, ondelete="CASCADE")
    role: str = "interviewer"


class InterviewPerson(SQLModel):
    """The columns of a row about one person at one interview, once per interview and
    person (PanelMember, ThankYou): each table adds its own after them."""

    id: Optional[int] = Field(default=None, primary_key=True)
    interview_id: int = Field(foreign_key="interview.id", index=True, ondelete="CASCADE")
    contact_id: int = Field(foreign_key="contact.id", index=True, ondelete="CASCADE")


class PanelMember(InterviewPerson, table=True):
    """Who was at an interview: on the panel, or met that day (R4)."""

    __table_args__ = (UniqueConstraint("interview_id", "contact_id"),)

    role: str = "panel"
    position: int = 0  # the order people were added; the interviewer is first (R4)


class Note(SQLModel, table=True):
    """One R3 section of the notes of one interview."""

    __table_args__ = (UniqueConstraint("interview_id", "section"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    interview_id: int = Field(foreign_key="interview.id", index=True, ondelete="CASCADE")
    section: str
    body: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = 1


class ThankYou(InterviewPerson, table=True):
    """A thank-you note to one person for one interview (R4, R5, R6)."""

    __table_args__ = (UniqueConstraint("interview_id", "contact_id"),)

    medium: str = "email"
    body: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    sent_at: Optional[datetime] = None
    updated_at: datetime = Field(default_factory=utcnow)
    version: int = 1


class Exchange(SQLModel, table=True):
    """Something that actually happened with a person; an employer's reply is an answer (R10)."""

    # Migration 0004: an employer's first reply (Insights, the job-search log).
    __table_args__ = (Index("ix_exchange_answers", "application_id", "direction",
                            "happened_on"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    application_id: int = Field(foreign_key="application.id", index=True, ondelete="CASCADE")
    contact_id: Optional[int] = Field(default=None, foreign_key="contact.id", ondelete="SET NULL")
    happened_on: date
    kind: str = "message"  # reply, call, message, meeting
    channel: str = "email"
    direction: str = "in"  # in: from them; out: from the user
    summary: str = ""
    is_answer: bool = False
    created_at: datetime = Field(default_factory=utcnow)


class Touch(SQLModel, table=True):
    """One planned or done contact with a person, proposed by a rule of the playbook."""

    __table_args__ = (
        UniqueConstraint("application_id", "key"),
        Index("ix_touch_agenda", "status", "due"),
        Index("ix_touch_done", "status", "kind", "done_on"),  # migration 0004: Insights
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    # No index of its own: the unique (application_id, key) index leads with it (0006).
    application_id: int = Field(foreign_key="application.id", ondelete="CASCADE")
    contact_id: Optional[int] = Field(default=None, foreign_key="contact.id", ondelete="SET NULL")
    interview_id: Optional[int] = Field(default=None, foreign_key="interview.id", ondelete="SET NULL")
    key: str  # the plan's stable identity for this touch, e.g. "R4:i3:c7"
    kind: str
    channel: str = "email"
    due: date
    done_on: Optional[date] = None
    status: str = "pending"  # pending, done, skipped, cancelled
    rule: str = ""  # the docs/playbook.md id that proposed it
    user_changed: bool = False  # snoozed or re-dated by the user: the plan keeps it
    script: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    version: int = 1


class Profile(SQLModel, table=True):
    """The user's own details, asked once, for the sign-off of thank-you notes (R5)."""

    id: Optional[int] = Field(default=1, primary_key=True)
    name: str = ""
    email: str = ""
    phone: str = ""
    postal_address: str = ""

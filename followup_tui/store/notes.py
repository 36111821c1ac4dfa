"""Interviews, their panels, contacts and the R3 notes.

Reads go through the plain sqlite3 reader (`self.query`) so the Notes pane answers a
keypress in milliseconds; writes take the write lock up front (BEGIN IMMEDIATE) and
are short, because autosave writes a note a third of a second after the last key.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from followup_tui.playbook.channels import missing_for
from followup_tui.playbook.sections import SECTION_KEYS
from followup_tui.playbook.words import INTERVIEW_FORMATS, PANEL_ROLES, ROLES
from followup_tui.store.applications import FieldError, checked_email, clean_text
from followup_tui.store.base import ConflictError, StoreError

if TYPE_CHECKING:
    from sqlmodel import Session

# Search snippets mark the matched text with these; screens turn them into styles.
MARK_START, MARK_END = "\x02", "\x03"
MIN_SEARCH = 3  # the trigram tokenizer needs three characters to use its index
CARD_FIELDS = ("full_name", "title", "organisation", "email", "phone",
               "postal_address", "linkedin")


def _moment(text: str | None) -> dt.datetime | None:
    """A stored UTC moment (naive text) as an aware datetime."""
    if not text:
        return None
    value = dt.datetime.fromisoformat(text)
    return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value


def _utc(value: Any) -> dt.datetime:
    """An aware datetime or Arrow as aware UTC (naive means local time)."""
    if hasattr(value, "datetime"):  # arrow.Arrow
        value = value.datetime
    if not isinstance(value, dt.datetime):
        raise FieldError("starts_at", "When is it? e.g. today 14:00.")
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(dt.timezone.utc)


@dataclass(frozen=True)
class InterviewRow:
    """One line of the Notes pane's interview list."""

    id: int
    application_id: int
    round: int
    starts_at: dt.datetime  # aware UTC
    ends_at: dt.datetime | None
    tz: str
    format: str
    place: str
    version: int
    panel_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class ContactCard:
    """What a person's card says (R2)."""

    id: int
    full_name: str
    title: str = ""
    organisation: str = ""
    email: str = ""
    phone: str = ""
    postal_address: str = ""
    linkedin: str = ""
    version: int = 1

    def values(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in CARD_FIELDS}


@dataclass(frozen=True)
class PanelPerson:
    """Someone at an interview, with the card details a thank-you note needs (R4, R5)."""

    contact_id: int
    full_name: str
    title: str
    organisation: str
    email: str
    phone: str
    postal_address: str
    linkedin: str
    role: str  # panel or met (at an interview); a words.ROLES entry (per application)
    position: int

    planned: tuple[str, ...] = ()  # channels of the plan's pending touches to them

    @property
    def missing(self) -> tuple[str, ...]:
        """What the card lacks for the touches planned to this person (R2): an email
        address for an emailed note, a phone number for a call, a postal address for a
        letter; nothing a planned touch does not need."""
        return missing_for(self.planned, {"email": self.email, "phone": self.phone,
                                          "postal_address": self.postal_address})


@dataclass(frozen=True)
class SearchHit:
    """A note that matched a search: where it is and a snippet around the match."""

    application_id: int
    company: str
    role: str
    interview_id: int
    round: int
    section: str
    snippet: str  # the match is between MARK_START and MARK_END


def fts_query(text: str) -> str | None:
    """The user's words as FTS5 phrases ANDed together; None if no word is long enough.

    Each word is quoted (FTS5 syntax such as `-`, `*`, `NEAR` or quotes stays literal).
    """
    words = [w for w in clean_text(text).split() if len(w) >= MIN_SEARCH]
    if not words:
        return None
    return " AND ".join('"' + w.replace('"', '""') + '"' for w in words)


def _card_values(values: dict[str, Any], partial: bool) -> dict[str, str]:
    unknown = set(values) - set(CARD_FIELDS)
    if unknown:
        raise StoreError(f"Unknown card fields: {', '.join(sorted(unknown))}.")
    card = {k: clean_text(v).strip() for k, v in values.items()}
    if "full_name" in card or not partial:
        name = " ".join(card.get("full_name", "").split())
        if not name:
            raise FieldError("full_name", "The full name is required (spelled exactly, R2).")
        card["full_name"] = name
        card["name_key"] = name.casefold()
    if card.get("email"):
        card["email"] = checked_email(card["email"])
    return card


PERSON_COLUMNS = ("c.id, c.full_name, c.title, c.organisation, c.email, c.phone, "
                  "c.postal_address, c.linkedin")


class NotesMixin:
    """Interviews, panels, contact cards and the notes written right after (R2, R3)."""

    # -- interviews ---------------------------------------------------------------
    def interviews(self, application_id: int) -> list[InterviewRow]:
        """The application's interviews, newest first, with who was there."""
        rows = self.query(
            "SELECT i.id, i.application_id, i.round, i.starts_at, i.ends_at, i.tz,"
            " i.format, i.place, i.version,"
            " (SELECT group_concat(full_name, '\x1f') FROM ("
            "   SELECT c.full_name FROM panelmember p JOIN contact c ON c.id = p.contact_id"
            "   WHERE p.interview_id = i.id ORDER BY p.position, p.id))"
            " FROM interview i WHERE i.application_id = ?"
            " ORDER BY i.starts_at DESC, i.id DESC",
            (application_id,),
        )
        return [self._interview_row(row) for row in rows]

    @staticmethod
    def _interview_row(row: Any) -> InterviewRow:
        names = tuple(row[9].split("\x1f")) if row[9] else ()
        return InterviewRow(
            id=row[0], application_id=row[1], round=row[2], starts_at=_moment(row[3]),
            ends_at=_moment(row[4]), tz=row[5], format=row[6], place=row[7],
            version=row[8], panel_names=names,
        )

    def get_interview(self, interview_id: int) -> InterviewRow:
        rows = self.query(
            "SELECT i.id, i.application_id, i.round, i.starts_at, i.ends_at, i.tz,"
            " i.format, i.place, i.version, NULL FROM interview i WHERE i.id = ?",
            (interview_id,),
        )
        if not rows:
            raise StoreError(f"Interview {interview_id} no longer exists.")
        row = self._interview_row(rows[0])
        names = tuple(p.full_name for p in self.panel(interview_id))
        return replace(row, panel_names=names)

    def latest_interview(self, application_id: int) -> InterviewRow | None:
        """The most recent interview (the Thank-you pane's default)."""
        rows = self.interviews(application_id)
        return rows[0] if rows else None

    def next_round(self, application_id: int) -> int:
        row = self.query("SELECT max(round) FROM interview WHERE application_id = ?",
                         (application_id,))
        return (row[0][0] or 0) + 1

    def add_interview(
        self, application_id: int, starts_at: Any, ends_at: Any = None, tz: str = "UTC",
        format: str = "on-site", place: str = "", round: int | None = None,
    ) -> int:
        """Add an interview (moments aware; stored as UTC with the zone it happened in).
        The first interview moves an application still at "applied" to "interviewing",
        recorded in its stage history (docs/playbook.md, Words)."""
        from followup_tui.playbook.words import APPLIED, INTERVIEWING
        from followup_tui.store.models import Application, Interview, StageChange, utcnow

        values = self._interview_values(
            {"starts_at": starts_at, "ends_at": ends_at, "tz": tz, "format": format,
             "place": place, "round": round})
        with self.write() as session:
            application = session.get(Application, application_id)
            if application is None:
                raise StoreError(f"Application {application_id} no longer exists.")
            if application.stage == APPLIED:
                application.stage = INTERVIEWING
                application.version += 1
                application.updated_at = utcnow()
                session.add(StageChange(application_id=application_id, from_stage=APPLIED,
                                        to_stage=INTERVIEWING, note="first interview added"))
            if values.get("round") is None:
                values["round"] = self.next_round(application_id)
            interview = Interview(application_id=application_id, **values)
            session.add(interview)
            session.flush()
            self.changed(session, application_id)
            return interview.id

    def update_interview(self, interview_id: int, *, expected_version: int | None = None,
                         **values: Any) -> int:
        from followup_tui.store.models import Interview

        values = self._interview_values(values)
        with self.write() as session:
            interview = session.get(Interview, interview_id)
            if interview is None:
                raise StoreError(f"Interview {interview_id} no longer exists.")
            if expected_version is not None and interview.version != expected_version:
                raise ConflictError("This interview was changed in another window; reopen it.")
            for name, value in values.items():
                if value is not None or name == "ends_at":
                    setattr(interview, name, value)
            interview.version += 1
            self.changed(session, interview.application_id)
            return interview.version

    @staticmethod
    def _interview_values(values: dict[str, Any]) -> dict[str, Any]:
        out = dict(values)
        if "starts_at" in out:
            out["starts_at"] = _utc(out["starts_at"])
        if out.get("ends_at") is not None:
            out["ends_at"] = _utc(out["ends_at"])
            if "starts_at" in out and out["ends_at"] < out["starts_at"]:
                raise FieldError("ends_at", "It ends before it starts: check the times.")
        if "format" in out and out["format"] not in INTERVIEW_FORMATS:
            raise FieldError("format", f"Format is one of {', '.join(INTERVIEW_FORMATS)}.")
        if "place" in out:
            out["place"] = clean_text(out["place"]).strip()
        if "tz" in out:
            out["tz"] = clean_text(out["tz"]).strip() or "UTC"
        if out.get("round") is not None and int(out["round"]) < 1:
            raise FieldError("round", "The round is a number from 1.")
        return out

    # -- the panel (R2, R4) -----------------------------------------------------------
    def panel(self, interview_id: int) -> list[PanelPerson]:
        """Who was there, in the order added: the interviewer first (R4); each with the
        channels of the application's pending touches to them (what their card needs)."""
        rows = self.query(
            f"SELECT {PERSON_COLUMNS}, p.role, p.position,"
            " (SELECT group_concat(DISTINCT t.channel) FROM touch t"
            "  WHERE t.application_id = i.application_id AND t.contact_id = c.id"
            "  AND t.status = 'pending')"
            " FROM panelmember p JOIN contact c ON c.id = p.contact_id"
            " JOIN interview i ON i.id = p.interview_id WHERE p.interview_id = ?"
            " ORDER BY p.position, p.id",
            (interview_id,),
        )
        return [PanelPerson(*row[:-1], planned=tuple((row[-1] or "").split(",")) if row[-1]
                            else ()) for row in rows]

    def add_to_panel(self, interview_id: int, contact_id: int, role: str = "panel") -> None:
        """Put a contact on an interview's panel (or met that day); once per interview."""
        from followup_tui.store.models import ApplicationContact, Interview, PanelMember

        if role not in PANEL_ROLES:
            raise FieldError("role", f"Role at an interview is one of {', '.join(PANEL_ROLES)}.")
        with self.write() as session:
            interview = session.get(Interview, interview_id)
            if interview is None:
                raise StoreError(f"Interview {interview_id} no longer exists.")
            conn = session.connection()
            if conn.exec_driver_sql(
                "SELECT 1 FROM panelmember WHERE interview_id = ? AND contact_id = ?",
                (interview_id, contact_id),
            ).first():
                return
            position = conn.exec_driver_sql(
                "SELECT coalesce(max(position), -1) + 1 FROM panelmember WHERE interview_id = ?",
                (interview_id,),
            ).scalar()
            session.add(PanelMember(interview_id=interview_id, contact_id=contact_id,
                                    role=role, position=position))
            app_role = "interviewer" if role == "panel" else "met"
            self._link(session, interview.application_id, contact_id, app_role,
                       ApplicationContact)
            self.changed(session, interview.application_id)

    def delete_interview(self, interview_id: int) -> None:
        """Remove an interview entered by mistake, with its notes, panel and thank-yous
        (the database cascades them); the plan follows (its R4 touches are cancelled)."""
        from followup_tui.store.models import Interview

        with self.write() as session:
            interview = session.get(Interview, interview_id)
            if interview is None:
                return
            application_id = interview.application_id
            session.delete(interview)
            session.flush()
            self.changed(session, application_id)

    def remove_from_panel(self, interview_id: int, contact_id: int) -> None:
        from followup_tui.store.models import Interview

        with self.write() as session:
            interview = session.get(Interview, interview_id)
            if interview is None:
                return
            session.connection().exec_driver_sql(
                "DELETE FROM panelmember WHERE interview_id = ? AND contact_id = ?",
                (interview_id, contact_id),
            )
            self.changed(session, interview.application_id)

    # -- contacts (one person across applications) --------------------------------------
    def add_contact(self, **card: Any) -> int:
        """A new contact from what their card says; `full_name` is required (R2)."""
        from followup_tui.store.models import Contact

        values = _card_values(card, partial=False)
        with self.write() as session:
            contact = Contact(**values)
            session.add(contact)
            session.flush()
            return contact.id

    def get_contact(self, contact_id: int) -> ContactCard:
        rows = self.query(
            f"SELECT {PERSON_COLUMNS}, c.version FROM contact c WHERE c.id = ?", (contact_id,))
        if not rows:
            raise StoreError(f"Contact {contact_id} no longer exists.")
        return ContactCard(*rows[0])

    def update_contact(self, contact_id: int, expected_version: int | None = None,
                       **card: Any) -> int:
        """Correct a card; every application the person belongs to is replanned."""
        from followup_tui.store.models import Contact

        values = _card_values(card, partial=True)
        with self.write() as session:
            contact = session.get(Contact, contact_id)
            if contact is None:
                raise StoreError(f"Contact {contact_id} no longer exists.")
            if expected_version is not None and contact.version != expected_version:
                raise ConflictError(f"{contact.full_name}'s card was changed in another "
                                    "window; reopen it to see.")
            for name, value in values.items():
                setattr(contact, name, value)
            contact.version += 1
            session.flush()
            for (application_id,) in session.connection().exec_driver_sql(
                "SELECT application_id FROM applicationcontact WHERE contact_id = ?"
                " UNION SELECT i.application_id FROM panelmember p"
                " JOIN interview i ON i.id = p.interview_id WHERE p.contact_id = ?",
                (contact_id, contact_id),
            ).all():
                self.changed(session, application_id)
            return contact.version

    def find_contacts(self, text: str, limit: int = 20) -> list[ContactCard]:
        """Contacts whose name starts with (then contains) `text`, from the name index."""
        key = " ".join(clean_text(text).split()).casefold()
        if not key:
            rows = self.query(f"SELECT {PERSON_COLUMNS}, c.version FROM contact c"
                              " ORDER BY c.name_key, c.id LIMIT ?", (limit,))
            return [ContactCard(*row) for row in rows]
        rows = self.query(
            f"SELECT {PERSON_COLUMNS}, c.version FROM contact c"
            " WHERE c.name_key >= ? AND c.name_key < ? ORDER BY c.name_key, c.id LIMIT ?",
            (key, key + "\U0010ffff", limit),
        )
        found = [ContactCard(*row) for row in rows]
        if len(found) < limit:
            like = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            more = self.query(
                f"SELECT {PERSON_COLUMNS}, c.version FROM contact c"
                " WHERE c.name_key LIKE ? ESCAPE '\\' AND NOT (c.name_key >= ? AND c.name_key < ?)"
                " LIMIT ?",
                (like, key, key + "\U0010ffff", limit - len(found)),
            )
            found += [ContactCard(*row) for row in more]
        return found

    def link_contact(self, application_id: int, contact_id: int, role: str) -> None:
        """A contact's role for one application: reference, helper, recruiter… (R4, R7)."""
        from followup_tui.store.models import ApplicationContact

        if role not in ROLES:
            raise FieldError("role", f"Role is one of {', '.join(ROLES)}.")
        with self.write() as session:
            self._link(session, application_id, contact_id, role, ApplicationContact)
            self.changed(session, application_id)

    def unlink_contact(self, application_id: int, contact_id: int, role: str) -> None:
        with self.write() as session:
            session.connection().exec_driver_sql(
                "DELETE FROM applicationcontact WHERE application_id = ? AND contact_id = ?"
                " AND role = ?", (application_id, contact_id, role))
            self.changed(session, application_id)

    @staticmethod
    def _link(session: "Session", application_id: int, contact_id: int, role: str,
              model: Any) -> None:
        if not session.connection().exec_driver_sql(
            "SELECT 1 FROM applicationcontact WHERE application_id = ? AND contact_id = ?"
            " AND role = ?", (application_id, contact_id, role),
        ).first():
            session.add(model(application_id=application_id, contact_id=contact_id, role=role))

    def contacts_of(self, application_id: int) -> list[PanelPerson]:
        """The application's contacts with their roles (references, helpers, recruiters…)."""
        rows = self.query(
            f"SELECT {PERSON_COLUMNS}, a.role, 0 FROM applicationcontact a"
            " JOIN contact c ON c.id = a.contact_id WHERE a.application_id = ?"
            " ORDER BY a.role, c.name_key",
            (application_id,),
        )
        return [PanelPerson(*row) for row in rows]

    # -- the notes (R3) -----------------------------------------------------------------
    def notes(self, interview_id: int) -> dict[str, tuple[str, int]]:
        """Each written section of an interview's notes: section → (body, version)."""
        rows = self.query("SELECT section, body, version FROM note WHERE interview_id = ?",
                          (interview_id,))
        return {row[0]: (row[1], row[2]) for row in rows}

    def save_note(self, interview_id: int, section: str, body: str,
                  expected_version: int | None = None) -> int:
        """Write one section; returns its new version.

        Raises ConflictError (with the stored text in `.theirs`) when another window
        saved a newer version than `expected_version`. Notes do not move the plan, so
        this stays a one-row write (no replan): autosave calls it every few keystrokes;
        only the owed section (R5's promises) replans its application.
        """
        if section not in SECTION_KEYS:
            raise StoreError(f"Unknown notes section {section!r}.")
        body = clean_text(body)
        from followup_tui.store.models import utcnow

        now = utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")
        with self.write() as session:
            conn = session.connection()
            row = conn.exec_driver_sql(
                "SELECT id, body, version FROM note WHERE interview_id = ? AND section = ?",
                (interview_id, section),
            ).first()
            if row is None:
                if expected_version:
                    raise ConflictError("These notes were deleted in another window.", theirs="",
                                        version=0)
                if not conn.exec_driver_sql("SELECT 1 FROM interview WHERE id = ?",
                                            (interview_id,)).first():
                    raise StoreError(f"Interview {interview_id} no longer exists.")
                conn.exec_driver_sql(
                    "INSERT INTO note (interview_id, section, body, updated_at, version)"
                    " VALUES (?, ?, ?, ?, 1)", (interview_id, section, body, now))
                self._promises_changed(session, interview_id, section)
                return 1
            note_id, stored, version = row
            if expected_version is not None and version != expected_version:
                if stored == body:
                    return version
                raise ConflictError("These notes were changed in another window.",
                                    theirs=stored, version=version)
            if stored == body:
                return version
            conn.exec_driver_sql(
                "UPDATE note SET body = ?, updated_at = ?, version = ? WHERE id = ?",
                (body, now, version + 1, note_id))
            self._promises_changed(session, interview_id, section)
            return version + 1

    def _promises_changed(self, session: "Session", interview_id: int, section: str) -> None:
        """What is owed is planned (R5: a `send` touch per promise): a change to that
        section replans its application; other sections leave the plan alone."""
        if section != "owed":
            return
        row = session.connection().exec_driver_sql(
            "SELECT application_id FROM interview WHERE id = ?", (interview_id,)).first()
        if row is not None:
            self.changed(session, row[0])

    def application_notes(self, application_id: int,
                          sections: tuple[str, ...] = SECTION_KEYS
                          ) -> list[tuple[InterviewRow, dict[str, str]]]:
        """Every interview of an application (oldest first) with the chosen sections (R11)."""
        result = []
        for interview in reversed(self.interviews(application_id)):
            bodies = {k: body for k, (body, _v) in self.notes(interview.id).items()
                      if k in sections and body.strip()}
            result.append((interview, bodies))
        return result

    # -- search (R3: notes serve every future interview) --------------------------------------
    def search_notes(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Notes of all applications containing every word (3+ characters), newest first.

        The FTS5 trigram index finds substrings ("kube" finds "Kubernetes"); ordering by
        rowid lets SQLite stop after `limit` matches however many notes there are.
        """
        query = fts_query(text)
        if query is None:
            return []
        rows = self.query(
            "SELECT a.id, a.company, a.role, i.id, i.round, n.section,"
            f" snippet(note_fts, 0, '{MARK_START}', '{MARK_END}', '…', 64)"
            " FROM note_fts JOIN note n ON n.id = note_fts.rowid"
            " JOIN interview i ON i.id = n.interview_id"
            " JOIN application a ON a.id = i.application_id"
            " WHERE note_fts MATCH ? ORDER BY note_fts.rowid DESC LIMIT ?",
            (query, limit),
        )
        return [SearchHit(*row) for row in rows]

"""One interview's thank-yous as the Thank-you pane shows them: whom to thank (R4), their
notes as stored, and what a draft is built from (R5), read from the store in one go."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from followup_tui.playbook import clock
from followup_tui.playbook.dates import day_in_zone
from followup_tui.playbook.draft_context import DraftContext, Recipient, Sender
from followup_tui.playbook.note_check import note_problems
from followup_tui.playbook.words import MEDIA
from followup_tui.store import Store, StoreError
from followup_tui.store.thank_yous import ThankYouInterview, ThankYouRow
from followup_tui.widgets.note_checks import CheckInput

NOBODY = Sender("", "", "")


def chosen_interview(store: Store, application_id: int | None,
                     interview_id: int | None) -> int | None:
    """The interview highlighted in Notes; else the application's latest one that has
    already started (docs/keys.md "the selected application's latest interview", read as
    the latest that happened: after an interview that is the one to thank for, not a
    future round nobody is on yet); else its latest. No application: the Pipeline's first."""
    if application_id is None:
        first = store.applications.page(0, 1)
        application_id = first[0].id if first else None
    if interview_id is not None:
        interview = store.thank_yous.interview(interview_id)
        if interview and interview.application_id == (application_id or interview.application_id):
            return interview_id
    if application_id is None:
        return None
    return store.interviews.newest_id(application_id, clock.now())


def nothing_to_thank_for(store: Store, application_id: int | None) -> str:
    """What the pane says with no interview: where to add one."""
    company = ""
    if application_id is not None:
        try:
            company = store.applications.get(application_id).company
        except StoreError:
            company = ""
    where = f" for {company}" if company else ""
    return (f"No interview{where} yet: press 2 for the Notes pane, then i to add one."
            if store.applications.count(show_archived=True) else
            "No application yet: press 1 for the Pipeline and a to add one, then 2 and i "
            "to add its interview.")


@dataclass
class ThankYouView:
    """The notes of `interview` (None: nothing to thank for), by contact id."""

    interview: ThankYouInterview | None = None
    people: list[Recipient] = field(default_factory=list)
    notes_text: dict[str, str] = field(default_factory=dict)  # R3 notes, by section
    stored: dict[int, ThankYouRow] = field(default_factory=dict)
    known: tuple[str, ...] = ()  # words proofreading accepts (names, jargon on file)
    others: tuple[str, ...] = ()  # the application's other people (R5: no promise to them)
    sender: Sender | None = None

    @classmethod
    def read(cls, store: Store, interview_id: int | None, sender: Sender | None) -> ThankYouView:
        interview = store.thank_yous.interview(interview_id) if interview_id else None
        if interview is None:
            return cls(sender=sender)
        application_id = interview.application_id
        return cls(interview, store.thank_yous.recipients(interview.id),
                   store.notes.texts(interview.id), store.thank_yous.of(interview.id),
                   tuple(store.thank_yous.known_words(application_id)),
                   tuple(p.full_name for p in store.people.of_application(application_id)),
                   sender)

    def note(self, contact_id: int) -> ThankYouRow:
        """The stored note, else none yet in the medium the plan chose (R6)."""
        if contact_id in self.stored:
            return self.stored[contact_id]
        person = self.recipient(contact_id)
        planned = person.touch_channel if person and person.touch_channel in MEDIA else "email"
        return ThankYouRow(contact_id, medium=planned)

    def recipient(self, contact_id: int | None) -> Recipient | None:
        return next((p for p in self.people if p.contact_id == contact_id), None)

    def saved(self, contact_id: int, text: str, version: int) -> None:
        """The draft autosave wrote: the pane's copy follows."""
        self.stored[contact_id] = replace(self.note(contact_id), body=text, version=version)

    def thanked(self) -> ThankYouInterview:
        """The interview, once someone is being thanked (there is no one without it)."""
        assert self.interview is not None, "nobody to thank without an interview"
        return self.interview

    def context(self, person: Recipient, medium: str | None = None) -> DraftContext:
        """What a draft to `person` is built and checked from (R5)."""
        i = self.thanked()
        return DraftContext(
            recipient=person, company=i.company, role=i.role, interview_round=i.round,
            interview_date=day_in_zone(i.starts_at, i.tz), notes=self.notes_text,
            sender=self.sender or NOBODY,
            medium=medium or self.note(person.contact_id).medium,
            panel=tuple(p.full_name for p in self.people), people=self.others)

    def check_input(self, contact_id: int | None, text: str) -> CheckInput | None:
        """Every note for R5's check, `contact_id`'s as typed (`text`); None: no one."""
        if self.interview is None or not self.people:
            return None
        contexts = {p.contact_id: self.context(p) for p in self.people}
        bodies = {c: self.note(c).body for c in contexts}
        if contact_id is not None:
            bodies[contact_id] = text
        sent = {c: self.note(c).sent_at is not None for c in contexts}
        return contexts, bodies, sent, self.known

    def problems(self, person: Recipient, text: str) -> list[str]:
        """R5 "proofread": what `text` to `person` still lacks or gets wrong."""
        others = [n.body for c, n in self.stored.items()
                  if c != person.contact_id and n.body.strip()]
        return note_problems(text, self.context(person), others, self.known)

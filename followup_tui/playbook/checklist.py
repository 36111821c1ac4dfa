"""The R5 checklist: which elements of a good note a (possibly edited) body has, and the
note's state for the Thank-you pane. Keyword heuristics on the text; pure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from followup_tui.playbook.draft_context import HANDWRITTEN, DraftContext, Sender
from followup_tui.playbook.english import content_words, join_words
from followup_tui.playbook.names import other_names
from followup_tui.playbook.sections import note_items, note_lines
from followup_tui.playbook.promises import Promise, note_promises
from followup_tui.playbook.thank_you import promise_words

# note_state values.
NO_DRAFT = "no draft"
DRAFT = "draft"
READY = "ready"
SENT = "sent"

# Checklist elements (R5), in the order a note usually has them.
THANKS = "thanks"
PERSONAL_TOUCH = "personal touch"
INTEREST = "interest in the role"
FIT = "why you fit"
PROMISED = "what you promised"
LOOKING_FORWARD = "looking forward"
CONTACT = "contact details"


@dataclass(frozen=True)
class ChecklistItem:
    """One R5 element: whether the body has it, and what to add (or why it is not needed)."""

    element: str
    present: bool
    hint: str



_THANKS_RE = re.compile(r"\bthank|\bgrateful\b|\bappreciat", re.IGNORECASE)
_TOUCH_RE = re.compile(
    r"\benjoy|\bconversation\b|\bdiscuss|\btalking\b|\bin common\b|\bshare[ds]?\b|"
    r"\bmentioned\b|\binteresting\b|\bstayed with me\b|\bloved\b|\bfind out\b|"
    r"\bfound out\b|\bquestions about\b", re.IGNORECASE)
_INTEREST_RE = re.compile(r"\binterest|\bexcit|\benthusias|\bkeen\b|\beager|\bthrilled\b|"
                          r"\bpassionate\b|\blove to\b|\bwould love\b", re.IGNORECASE)
_JOB_RE = re.compile(r"\b(?:role|position|job|opportunity|team)\b", re.IGNORECASE)
_FIT_RE = re.compile(r"\bexperience\b|\bskills?\b|\bbackground\b|\bfit\b|\bbring\b|"
                     r"\btrack record\b|\bstrengths?\b|\bcontribute\b|\bvalue\b", re.IGNORECASE)
_PROMISE_RE = re.compile(r"\bpromised\b|\battach|\benclos|\bI'll send\b|\bI will send\b|"
                         r"\bI’ll send\b|\bhere is\b|\bhere are\b|\bsending\b", re.IGNORECASE)
_FORWARD_RE = re.compile(r"\blook(?:ing)? forward\b|\bhearing from you\b|\bhear from you\b|"
                         r"\bhear back\b|\bnext steps\b", re.IGNORECASE)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _has_contact(body: str, sender: Sender) -> bool:
    if sender.email and sender.email.lower() in body.lower():
        return True
    phone = _digits(sender.phone)
    return len(phone) >= 5 and phone in _digits(body)


def _has_touch(body: str, ctx: DraftContext) -> bool:
    """A sentence that recalls the conversation *and* names something specific from it.

    "I enjoyed our conversation." alone is not a personal touch (R5): a touch sentence
    must share a meaningful word with the notes' panel, common, went-well or asked lines
    (or, where the notes have none, name anything beyond the job and the meeting)."""
    job = content_words(" ".join((ctx.company, ctx.role, ctx.recipient.full_name)))
    job |= {w.casefold() for w in other_names(ctx)}  # another panelist's name is no touch
    noted = set().union(*(content_words(line) for key in ("panel", "common", "went_well", "asked")
                          for line in note_lines(ctx.notes, key))) - job
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", body):
        if not _TOUCH_RE.search(sentence):
            continue
        words = content_words(_TOUCH_RE.sub(" ", sentence)) - job
        if (words & noted) if noted else words:
            return True
    return False


def _stem(word: str) -> str:
    return word.casefold()[:5]


def says(body: str, promise: Promise) -> bool:
    """The body names the thing promised: one of its words ("reference" for "a reference
    list (3 references)"), or any word of it when it has no word of its own."""
    wanted = {_stem(w) for w in content_words(re.sub(r"\([^)]*\)", "", promise.what))}
    if not wanted:
        return True
    return bool(wanted & {_stem(w) for w in re.findall(r"[^\W\d_][\w'’-]*", body)})


def checklist(body: str, ctx: DraftContext) -> list[ChecklistItem]:
    """Which of R5's elements the body has, by keyword heuristics on the text.

    "What you promised" is only required when something is owed to this person (R5: a
    promise to another panelist is in their note, not this one), and present only when
    the body names each thing promised;
    "contact details" (sender's email or phone in the body) only for email and letters (R6).
    """
    low = body.lower()
    job_named = bool((ctx.role and ctx.role.lower() in low)
                     or (ctx.company and ctx.company.lower() in low) or _JOB_RE.search(body))
    owed, _others = note_promises(ctx)
    skills = note_items(ctx.notes, "skills")
    fit_hint = ("Say why you fit: your experience with " + join_words(skills[:3]) + "."
                if skills else "Say why your skills fit the job (note the skills they cared about).")
    job = " at ".join(x for x in (f"{ctx.role} role" if ctx.role else "", ctx.company) if x)

    items = [
        ChecklistItem(THANKS, bool(_THANKS_RE.search(body)), "Thank them for their time."),
        ChecklistItem(PERSONAL_TOUCH, _has_touch(body, ctx),
                      "Mention something from your conversation or a shared interest."),
        ChecklistItem(INTEREST, bool(_INTEREST_RE.search(body)) and job_named,
                      f"Say you are genuinely interested in the {job or 'role'}."),
        ChecklistItem(FIT, bool(_FIT_RE.search(body)), fit_hint),
    ]
    if owed:
        present = bool(_PROMISE_RE.search(body)) and all(says(body, p) for p in owed)
        items.append(ChecklistItem(PROMISED, present, "Say what you promised: " + join_words(
            [promise_words(p) for p in owed]) + "."))
    else:
        items.append(ChecklistItem(PROMISED, True, "Nothing owed to them: not needed."))
    items.append(ChecklistItem(LOOKING_FORWARD, bool(_FORWARD_RE.search(body)),
                               "Say you look forward to hearing from them."))
    if ctx.medium == HANDWRITTEN:
        items.append(ChecklistItem(CONTACT, True, "Not needed on a handwritten card."))
    else:
        hint = ("Sign with your email and phone." if ctx.sender.email or ctx.sender.phone
                else "Add your email and phone to your profile, then sign with them.")
        items.append(ChecklistItem(CONTACT, _has_contact(body, ctx.sender), hint))
    return items


def note_state(body: str, findings: Iterable[object],  # noqa: A002 - API name
               checklist: Iterable[ChecklistItem], sent: bool) -> str:
    """"sent", "no draft" (empty body), "draft" (R5 element missing or a proofreading
    finding) or "ready"."""
    if sent:
        return SENT
    if not body.strip():
        return NO_DRAFT
    if list(findings) or not all(item.present for item in checklist):
        return DRAFT
    return READY

"""Thank-you notes (DOMAIN.md R4, R5, R6) as pure functions.

R4: every interviewer, panelist, helper and person met gets their own note.
R5: a good note thanks them, has a personal touch, shows interest in the role, says why
    you fit, delivers what you promised, looks forward to hearing back and gives your
    contact details; it is short, and each panelist's note is personal, not a copy.
R6: the medium (email, handwritten card, typed letter) shapes the note.

`build_draft` writes a first draft from the interview notes (R3 sections); `checklist`
says which R5 elements a (possibly edited) body has; `note_state` sums it up for the
pane. Proofreading lives in `followup_tui.playbook.proofread`.

No I/O, no Textual, no database: plain frozen dataclasses in, strings and lists out.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from datetime import date

from followup_tui.playbook.words import MEDIA

EMAIL, HANDWRITTEN, LETTER = MEDIA  # ("email", "handwritten", "letter"), R6

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

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"})

_MONTHS = ("January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ORDINALS = {2: "second", 3: "third", 4: "fourth", 5: "fifth"}


@dataclass(frozen=True)
class Sender:
    """The user's profile: who signs the note (R5: your contact details)."""

    name: str
    email: str
    phone: str
    address: str = ""


@dataclass(frozen=True)
class Recipient:
    """One person to thank (R4), as on their card (R2).

    role: "panel", "interviewer", "met" (met that day) or "helper" (helped get the interview).
    organisation: where they work, from their card; "" when not on file.
    touch_*: the plan's R4 touch for this note (status pending/done/skipped/cancelled, its
    due day, whether the user snoozed or re-dated it); "" / None when the plan has none.
    """

    contact_id: int | None
    full_name: str
    title: str
    email: str
    postal_address: str
    role: str
    organisation: str = ""
    touch_status: str = ""
    touch_due: date | None = None
    touch_changed: bool = False


@dataclass(frozen=True)
class DraftContext:
    """Everything known when writing one recipient's note (R5)."""

    recipient: Recipient
    company: str
    role: str  # the job title
    interview_round: int
    interview_date: date
    notes: dict[str, str] = field(hash=False)  # R3 section key -> text; may be empty
    sender: Sender
    medium: str = EMAIL  # one of MEDIA (R6)


@dataclass(frozen=True)
class ChecklistItem:
    """One R5 element: whether the body has it, and what to add (or why it is not needed)."""

    element: str
    present: bool
    hint: str


# --- small text helpers --------------------------------------------------------------

def name_parts(full_name: str) -> list[str]:
    """The words of a name without honorifics: "Dr. Ana Lopez" -> ["Ana", "Lopez"]."""
    words = re.findall(r"[^\W\d_][\w'’-]*", full_name)
    return [w for w in words if w.lower().rstrip(".") not in HONORIFICS]


def first_name(full_name: str) -> str:
    parts = name_parts(full_name)
    return parts[0] if parts else ""


def note_lines(notes: dict[str, str], key: str) -> list[str]:
    """Non-empty lines of one R3 section, without bullets and trailing full stops."""
    lines = []
    for raw in (notes.get(key) or "").splitlines():
        line = re.sub(r"^\s*(?:[-*•·]|\d+[.)])\s*", "", raw).strip().rstrip(".;").strip()
        if line:
            lines.append(line)
    return lines


def _items(notes: dict[str, str], key: str) -> list[str]:
    """Lines of a section split further on commas and semicolons, deduplicated."""
    seen: dict[str, str] = {}
    for line in note_lines(notes, key):
        for item in re.split(r"[;,]", line):
            item = item.strip()
            if item and item.lower() not in seen:
                seen[item.lower()] = item
    return list(seen.values())


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _mentions(line: str, names: list[str]) -> bool:
    return any(re.search(rf"\b{re.escape(n)}\b", line, re.IGNORECASE) for n in names)


_FUNCTION_WORDS = frozenset({"a", "an", "the", "our", "their", "his", "her", "my", "your", "both",
                             "how", "what", "why", "when", "where", "which", "some", "all"})


def _lower_first(text: str) -> str:
    """"The pipeline" -> "the pipeline" mid-sentence; "Python" stays as written."""
    first = text.split(" ", 1)[0]
    if first.lower() in _FUNCTION_WORDS:
        return first.lower() + text[len(first):]
    return text


_TOPIC_LEADS = re.compile(
    r"^(?:(?:was|is|seemed|very|really|mostly|most|mainly)\s+)*"
    r"(?:cared about|cares about|focused on|focuses on|focussed on|asked (?:me )?(?:(?:mostly|mainly|a lot|most) )?about|"
    r"interested in|keen on|talked about|wanted to know about|wants|wanted|asked|on)\s+",
    re.IGNORECASE,
)


def _topic(line: str, names: list[str]) -> str:
    """"Priya Shah: cared about testing strategy" -> "testing strategy"."""
    text = line
    for n in sorted(names, key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(n)}\b(?:'s|’s)?", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\([^)]*\)", "", text)  # "(hiring manager)"
    text = re.sub(r"^[\s:,;\-–—]+", "", text).strip()
    text = _TOPIC_LEADS.sub("", text).strip(" :-–—")
    return _lower_first(text) if text else ""


def _when(d: date) -> str:
    return f"{_WEEKDAYS[d.weekday()]}, {_MONTHS[d.month - 1]} {d.day}"


def _seed(recipient: Recipient, slot: str = "") -> int:
    """A stable number per recipient (and sentence slot): deterministic, unlike hash()."""
    return zlib.crc32(f"{slot}|{recipient.contact_id}|{recipient.full_name}".encode())


def _pick(ctx: DraftContext, slot: str, options: tuple[str, ...]) -> str:
    """One of several phrasings, chosen per recipient, so that panelists' notes are not
    copies of each other (R5) while the same recipient always gets the same draft."""
    return options[_seed(ctx.recipient, slot) % len(options)]


# --- the personal touch (R5) -------------------------------------------------------------

def personal_touch(ctx: DraftContext) -> tuple[str, str]:
    """A concrete topic from the notes for this recipient, or "" when the notes have none.

    R5: panelists compare notes, so prefer what is about *this* person: a "panel" line or a
    "common" line naming them. Otherwise, for an interviewer or panelist, pick one of the
    "common", "went_well" or "asked" lines, chosen per recipient so that different people
    tend to get different lines. Helpers and people met that day (R4) were not in the
    interview, so only lines naming them are used.

    Returns (section key, topic).
    """
    names = name_parts(ctx.recipient.full_name)
    if ctx.recipient.full_name.strip():
        names = [ctx.recipient.full_name.strip(), *names]
    for key in ("panel", "common"):
        for line in note_lines(ctx.notes, key):
            if names and _mentions(line, names):
                topic = _topic(line, names)
                if topic:
                    return key, topic
    if ctx.recipient.role in ("helper", "met"):
        return "", ""
    for key in ("common", "went_well", "asked"):
        lines = note_lines(ctx.notes, key)
        if lines:
            return key, _topic(lines[_seed(ctx.recipient, key) % len(lines)], names)
    return "", ""


# --- the draft (R5, R6) ------------------------------------------------------------------

def _greeting(ctx: DraftContext) -> str:
    """R2/R5: the name exactly as on the card; first name, or full name for a letter."""
    full = ctx.recipient.full_name.strip()
    name = full if ctx.medium == LETTER else first_name(full)
    return f"Dear {name}," if name else "Hello,"


def _thanks(ctx: DraftContext, short: bool) -> str:
    where = f" at {ctx.company}" if ctx.company else ""
    job = f" for the {ctx.role} role" if ctx.role else ""
    when = _when(ctx.interview_date)
    if ctx.recipient.role == "helper":
        return f"Thank you for your help in getting me the interview{job}{where}."
    if ctx.recipient.role == "met":
        place = ctx.company or "you"
        return f"Thank you for taking the time to talk with me when I visited {place} on {when}."
    rnd = ctx.interview_round
    kind = f"{_ORDINALS.get(rnd, f'round {rnd}')}-round interview" if rnd and rnd > 1 else "interview"
    if short:
        return _pick(ctx, "thanks", (
            f"Thank you for the {kind} on {when}.",
            f"Thank you so much for your time on {when}.",
            f"Many thanks for meeting with me on {when}.",
        ))
    return _pick(ctx, "thanks", (
        f"Thank you for taking the time to meet with me on {when} for the {kind}{job}{where}.",
        f"Thank you for the {kind} on {when}{job}{where}; I appreciated your time.",
        f"Thank you for your time on {when} and for a great {kind}{job}{where}.",
    ))


def _touch(ctx: DraftContext) -> str:
    key, topic = personal_touch(ctx)
    if not topic:
        return ""
    if key == "common":
        return f"I also enjoyed finding out what we have in common — {topic}."
    return _pick(ctx, "touch", (
        f"I especially enjoyed our conversation about {topic}.",
        f"I particularly enjoyed talking with you about {topic}.",
        f"Our discussion of {topic} stayed with me.",
    ))


def _interest(ctx: DraftContext, short: bool) -> str:
    if not ctx.company and not ctx.role:
        return ""
    if short:
        what = " at ".join(x for x in (f"the {ctx.role} role" if ctx.role else "", ctx.company) if x)
        return _pick(ctx, "interest", (
            f"I'm excited about {what}.",
            f"I'm really keen on {what}.",
            f"I'm very interested in {what}.",
        ))
    if ctx.role and ctx.company:
        return _pick(ctx, "interest", (
            f"I am very interested in the {ctx.role} role and excited about the chance to join {ctx.company}.",
            f"Our meeting made me even more interested in the {ctx.role} position at {ctx.company}.",
            f"I am genuinely excited about the opportunity to join {ctx.company} in the {ctx.role} role.",
        ))
    if ctx.role:
        return f"I am very interested in the {ctx.role} role."
    return f"I am very interested in joining {ctx.company}."


def _fit(ctx: DraftContext, short: bool) -> str:
    skills = [_lower_first(s) for s in _items(ctx.notes, "skills")]
    if not skills:
        return ""
    if short:
        return _pick(ctx, "fit", (
            f"I'd love to bring my experience with {skills[0]} to the team.",
            f"I'm sure my {skills[0]} skills would help the team.",
            f"My background in {skills[0]} would be a good fit.",
        ))
    listed = _join(skills[:3])
    return _pick(ctx, "fit", (
        f"My experience with {listed} fits what you are looking for, "
        "and I am confident I can bring real value to the team.",
        f"I believe my background in {listed} would let me contribute from day one.",
        f"With my experience in {listed}, I am confident I can bring real value to your team.",
    ))


def owed_items(notes: dict[str, str]) -> list[str]:
    """The "owed" section's lines (R3), without a leading "send": "the portfolio link"."""
    return [_lower_first(re.sub(r"^(?:to\s+)?(?:send|email|share|forward)\s+(?:them\s+|you\s+)?",
                                "", line, flags=re.IGNORECASE))
            for line in note_lines(notes, "owed")]


def _owed(ctx: DraftContext) -> str:
    items = owed_items(ctx.notes)
    if not items:
        return ""
    listed = _join(items)
    return _pick(ctx, "owed", (
        f"As promised, I'll send {listed} shortly.",
        f"I'll send {listed} shortly, as promised.",
        f"As I promised, I will send you {listed} soon.",
    ))


def _looking_forward(ctx: DraftContext, short: bool) -> str:
    if short:
        return _pick(ctx, "forward", (
            "I look forward to hearing from you.",
            "Hope to hear from you soon.",
            "Looking forward to the next steps.",
        ))
    return _pick(ctx, "forward", (
        "I look forward to hearing from you about the next steps.",
        "I look forward to hearing from you.",
        "I am looking forward to hearing about the next steps.",
    ))


def _sign_off(ctx: DraftContext) -> list[str]:
    s = ctx.sender
    closing = {LETTER: "Sincerely,", HANDWRITTEN: "Best wishes,"}.get(ctx.medium, "Best regards,")
    lines = [closing, s.name] if s.name else [closing]
    if ctx.medium != HANDWRITTEN:
        lines += [x for x in (s.email, s.phone) if x]
        if ctx.medium == LETTER and s.address:
            lines += s.address.splitlines()
    return lines


def _letter_head(ctx: DraftContext) -> list[str]:
    """A typed letter (R6) opens with the recipient's block, as on their card (R2)."""
    r = ctx.recipient
    block = [r.full_name, r.title, ctx.company, *r.postal_address.splitlines()]
    return [line.strip() for line in block if line and line.strip()]


def build_draft(ctx: DraftContext) -> str:
    """A short, personal first draft of one recipient's thank-you note (R4, R5, R6).

    Built only from what is known: a sentence whose facts are missing is left out (never a
    "[skill]" placeholder), so `checklist` then reports that element as missing.
    Handwritten cards (R6) are shorter and carry no contact block; letters open with the
    recipient's address block and greet them by full name. Deterministic.
    """
    short = ctx.medium == HANDWRITTEN
    opening = [_thanks(ctx, short), _touch(ctx)]
    middle = [_interest(ctx, short), _fit(ctx, short)]
    closing = [_owed(ctx), _looking_forward(ctx, short)]

    paragraphs = [" ".join(s for s in part if s) for part in (opening, middle, closing)]
    if short:
        paragraphs = [" ".join(p for p in paragraphs if p)]
    head = _letter_head(ctx) if ctx.medium == LETTER else []
    blocks = (["\n".join(head)] if head else []) + [_greeting(ctx)]
    blocks += [p for p in paragraphs if p] + ["\n".join(_sign_off(ctx))]
    return "\n\n".join(blocks) + "\n"


def subject_line(ctx: DraftContext) -> str:
    """The email subject (R6): "Thank you — <role> interview"."""
    if ctx.role:
        return f"Thank you — {ctx.role} interview"
    if ctx.company:
        return f"Thank you — interview at {ctx.company}"
    return "Thank you for the interview"


# --- the R5 checklist --------------------------------------------------------------------

_THANKS_RE = re.compile(r"\bthank|\bgrateful\b|\bappreciat", re.IGNORECASE)
_TOUCH_RE = re.compile(
    r"\benjoy|\bconversation\b|\bdiscuss|\btalking\b|\bin common\b|\bshare[ds]?\b|"
    r"\bmentioned\b|\binteresting\b|\bstayed with me\b|\bloved\b", re.IGNORECASE)
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
    if _TOUCH_RE.search(body):
        return True
    low = body.lower()
    names = name_parts(ctx.recipient.full_name)
    topics = [_topic(line, names) for key in ("panel", "common", "went_well", "asked")
              for line in note_lines(ctx.notes, key)]
    return any(t and len(t) >= 4 and t.lower() in low for t in topics)


def checklist(body: str, ctx: DraftContext) -> list[ChecklistItem]:
    """Which of R5's elements the body has, by keyword heuristics on the text.

    "What you promised" is only required when the "owed" notes section has text;
    "contact details" (sender's email or phone in the body) only for email and letters (R6).
    """
    low = body.lower()
    job_named = bool((ctx.role and ctx.role.lower() in low)
                     or (ctx.company and ctx.company.lower() in low) or _JOB_RE.search(body))
    owed = owed_items(ctx.notes)
    skills = _items(ctx.notes, "skills")
    fit_hint = ("Say why you fit: your experience with " + _join(skills[:3]) + "."
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
        items.append(ChecklistItem(PROMISED, bool(_PROMISE_RE.search(body)),
                                   "Send what you promised: " + _join(owed) + "."))
    else:
        items.append(ChecklistItem(PROMISED, True, "Nothing owed: not needed."))
    items.append(ChecklistItem(LOOKING_FORWARD, bool(_FORWARD_RE.search(body)),
                               "Say you look forward to hearing from them."))
    if ctx.medium == HANDWRITTEN:
        items.append(ChecklistItem(CONTACT, True, "Not needed on a handwritten card."))
    else:
        hint = ("Sign with your email and phone." if ctx.sender.email or ctx.sender.phone
                else "Add your email and phone to your profile, then sign with them.")
        items.append(ChecklistItem(CONTACT, _has_contact(body, ctx.sender), hint))
    return items


def note_state(body: str, findings, checklist, sent: bool) -> str:  # noqa: A002 - API name
    """"sent", "no draft" (empty body), "draft" (R5 element missing or a proofreading
    finding) or "ready"."""
    if sent:
        return SENT
    if not body.strip():
        return NO_DRAFT
    if list(findings) or not all(item.present for item in checklist):
        return DRAFT
    return READY

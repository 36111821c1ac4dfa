"""Thank-you drafts (docs/playbook.md, R4, R5, R6) as pure functions.

R4: every interviewer, panelist, helper and person met gets their own note.
R5: a good note thanks them, has a personal touch, shows interest in the role, says why
    you fit, delivers what you promised, looks forward to hearing back and gives your
    contact details; it is short, and each panelist's note is personal, not a copy.
R6: the medium (email, handwritten card, typed letter) shapes the note.

`build_draft` writes a first draft from the interview notes (R3 sections). What a body
covers is `playbook.checklist`; proofreading is `playbook.proofread`; the personal touch
is `playbook.topics`. No I/O, no Textual, no database.
"""

from __future__ import annotations

from followup_tui.playbook.dates import long_day
from followup_tui.playbook.draft_context import (
    EMAIL,
    HANDWRITTEN,
    LETTER,
    DraftContext,
    Recipient,
    Sender,
    stable_seed,
)
from followup_tui.playbook.english import join_words, lower_first, sentence_case
from followup_tui.playbook.names import first_name
from followup_tui.playbook.promises import Promise, note_promises
from followup_tui.playbook.sections import note_items
from followup_tui.playbook.topics import personal_touch, proper_words

__all__ = ["EMAIL", "HANDWRITTEN", "LETTER", "DraftContext", "Recipient", "Sender",
           "build_draft", "promise_words", "recipient_block", "subject_line"]

_ORDINALS = {2: "second", 3: "third", 4: "fourth", 5: "fifth"}


def _pick(ctx: DraftContext, slot: str, options: tuple[str, ...]) -> str:
    """One of several phrasings, chosen per recipient, so that panelists' notes are not
    copies of each other (R5) while the same recipient always gets the same draft."""
    return options[stable_seed(ctx.recipient, slot) % len(options)]



def _greeting(ctx: DraftContext) -> str:
    """R2/R5: the name exactly as on the card; first name, or full name for a letter."""
    full = ctx.recipient.full_name.strip()
    name = full if ctx.medium == LETTER else first_name(full)
    return f"Dear {name}," if name else "Hello,"


def _thanks(ctx: DraftContext, short: bool) -> str:
    where = f" at {ctx.company}" if ctx.company else ""
    job = f" for the {ctx.role} role" if ctx.role else ""
    when = long_day(ctx.interview_date)
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
    """The personal-touch sentence (R5), worded for the kind of line it comes from."""
    touch = personal_touch(ctx)
    if touch is None:
        return ""
    t = touch.text
    if touch.kind == "shared":
        return f"It was great to find out that {t}."
    if touch.kind == "interest":
        return f"I also enjoyed finding out that we share an interest in {t}."
    if touch.kind == "questions":
        return _pick(ctx, "touch", (
            f"I especially enjoyed your questions about {t}.",
            f"I enjoyed your questions about {t}.",
        ))
    if touch.kind == "talk":
        return f"I especially enjoyed talking about {t}."
    return _pick(ctx, "touch", (
        f"I especially enjoyed our conversation about {t}.",
        f"I particularly enjoyed talking with you about {t}.",
        f"Our discussion of {t} stayed with me.",
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
    skills = [lower_first(s) for s in note_items(ctx.notes, "skills")]
    if not skills:
        return ""
    if short:
        return _pick(ctx, "fit", (
            f"I'd love to bring my experience with {skills[0]} to the team.",
            f"I'm sure my {skills[0]} skills would help the team.",
            f"My background in {skills[0]} would be a good fit.",
        ))
    listed = join_words(skills[:3])
    return _pick(ctx, "fit", (
        f"My experience with {listed} fits what you are looking for, "
        "and I am confident I can bring real value to the team.",
        f"I believe my background in {listed} would let me contribute from day one.",
        f"With my experience in {listed}, I am confident I can bring real value to your team.",
    ))


def promise_words(promise: Promise, proper: frozenset[str] = frozenset()) -> str:
    """"my reference list by Thursday": what is owed mid-sentence, and by when (R5)."""
    thing = promise.thing
    head, _, rest = thing.partition(" ")
    if head.lower() in ("my", "the", "our") and rest:
        thing = f"{head.lower()} {sentence_case(rest, proper)}"
    else:
        thing = sentence_case(lower_first(thing), proper)
    return f"{thing} {promise.by_words}" if promise.by_words else thing


def _owed(ctx: DraftContext) -> str:
    """R5: what you promised this person, and when it will come; one time word per item
    ("by Thursday", or "shortly" when no day was promised), never "by Thursday soon"."""
    mine, _others = note_promises(ctx)
    if not mine:
        return ""
    proper = proper_words(ctx)
    dated = [promise_words(p, proper) for p in mine if p.by]
    undated = [promise_words(p, proper) for p in mine if not p.by]
    if undated:
        undated[-1] += " shortly"
    listed = join_words(dated + undated)
    return _pick(ctx, "owed", (
        f"As promised, I will send you {listed}.",
        f"I will send you {listed}, as promised.",
        f"As I promised, I will send you {listed}.",
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


def recipient_block(recipient: Recipient, company: str) -> list[str]:
    """A letter's recipient block (R6), as on their card (R2): name, title, organisation
    (theirs; the application's company only when the card has none), then the address;
    each line once (an address that repeats the organisation does not show it twice)."""
    lines = [recipient.full_name, recipient.title, recipient.organisation or company,
             *recipient.postal_address.splitlines()]
    seen: set[str] = set()
    block = []
    for line in (x.strip() for x in lines if x):
        if line and line.casefold() not in seen:
            seen.add(line.casefold())
            block.append(line)
    return block


def _letter_head(ctx: DraftContext) -> list[str]:
    """A typed letter (R6) opens with the recipient's block."""
    return recipient_block(ctx.recipient, ctx.company)


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

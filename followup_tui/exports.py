"""Thank-you notes as files the user takes elsewhere (R6): an email, a letter, a card.

Email: a standard RFC 5322 `.eml` (the standard library's `email` package) to open
in a mail client: 7-bit headers when every address has an ASCII form (an international
domain in IDNA), SMTPUTF8 (RFC 6532, UTF-8 headers) when a name before the @ needs it.
Letter: printable text with both address blocks. Handwritten: the text to copy onto a
card. Files are created 0600, never overwriting another, in the
`exports` folder beside the database (0700), so the path is easy to find and show.
Whatever goes wrong (a full disk, an address that cannot be used) is an ExportError
whose message says what to do: no export ends the app. No Textual here.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from email.errors import MessageError
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import default as default_policy
from email.utils import format_datetime
from pathlib import Path

from followup_tui.playbook.email_address import AddressError, email_address
from followup_tui.playbook.thank_you import EMAIL, LETTER, Recipient, Sender, recipient_block
from followup_tui.store.base import make_private_dirs

EXPORTS = "exports"
# The SMTPUTF8 policy's UTF-8 headers, with this file's "\n" line ends rather than SMTP's.
UTF8_POLICY = default_policy.clone(utf8=True)


class ExportError(Exception):
    """A file that could not be made or written; the message is for the user."""


def exports_folder(db_path: Path) -> Path:
    """Where exports go: `exports/` beside the database (the user data folder by default)."""
    return Path(db_path).expanduser().resolve().parent / EXPORTS


def slug(text: str) -> str:
    """"Renée Müller" -> "renee-muller" (file names stay portable: accents are dropped
    from their letters, not the letters themselves)."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:40] or "note"


def eml_bytes(sender: Sender, recipient: Recipient, subject: str, body: str,
              when: dt.datetime) -> bytes:
    """An RFC 5322 message: To, From, Subject, Date and the body as UTF-8 text, marked
    `X-Unsent: 1` so a mail client opens it as a draft with a Send button.

    To and From are left out where no email is on file (a bare name is not an address).
    """
    headers: dict[str, tuple[Address, bool]] = {}
    if recipient.email:  # without one the mail client asks for it
        headers["To"] = header_address(recipient.full_name, recipient.email,
                                       f"The email on {recipient.full_name}'s card", "e")
    if sender.email:
        headers["From"] = header_address(sender.name, sender.email, "Your email", "u")
    utf8 = any(needs for _address, needs in headers.values())
    message = EmailMessage(policy=UTF8_POLICY if utf8 else default_policy)
    for name, (address, _needs) in headers.items():
        message[name] = address
    message["Subject"] = subject
    message["Date"] = format_datetime(when)
    message["X-Unsent"] = "1"  # Outlook, Thunderbird, Apple Mail: open it as a draft to send
    message.set_content(body if body.endswith("\n") else body + "\n")
    return message.as_bytes()


def header_address(name: str, text: str, whose: str, key: str) -> tuple[Address, bool]:
    """A stored address as a header value, and whether it needs SMTPUTF8; an address
    saved before it was checked (or imported) that cannot be used is an ExportError."""
    try:
        address = email_address(text)
    except AddressError as error:
        raise ExportError(f"{whose} cannot be used: {error.reason} ({key} edits it).") from None
    if address.ascii is not None:
        return Address(display_name=name, addr_spec=address.ascii), False
    user, _at, domain = address.text.rpartition("@")  # parsing would refuse the UTF-8
    return Address(display_name=name, username=user, domain=domain), True


def letter_text(sender: Sender, recipient: Recipient, company: str, body: str,
                day: dt.date) -> str:
    """A typed letter (R6): the sender's block, the date, the recipient's block (name,
    title, their organisation or else `company`, address: `recipient_block`), the note.

    A body that already opens with the recipient's block (a letter draft) keeps it.
    """
    own = [sender.name, *sender.address.splitlines(), sender.email, sender.phone]
    blocks = ["\n".join(x.strip() for x in own if x and x.strip()),
              f"{day.day} {day:%B %Y}"]
    if not body.lstrip().startswith(recipient.full_name):
        blocks.append("\n".join(recipient_block(recipient, company)))
    blocks.append(body.strip())
    return "\n\n".join(b for b in blocks if b) + "\n"


def card_text(body: str) -> str:
    """A handwritten card (R6): just the words to copy out."""
    return body.strip() + "\n"


def export_name(medium: str, company: str, recipient: Recipient, day: dt.date) -> str:
    extension = ".eml" if medium == EMAIL else ".txt"
    kind = {EMAIL: "email", LETTER: "letter"}.get(medium, "card")
    return f"thank-you-{day.isoformat()}-{slug(company)}-{slug(recipient.full_name)}-{kind}{extension}"


def write_private(folder: Path, name: str, data: bytes) -> Path:
    """Write a new file 0600 in a 0700 folder; never overwrite: "-2", "-3"... are added."""
    make_private_dirs(folder)
    stem, dot, extension = name.rpartition(".")
    for n in range(1, 1000):
        path = folder / (name if n == 1 else f"{stem}-{n}{dot}{extension}")
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(path, 0o600)  # the umask may have narrowed it, never widened: be exact
        return path
    raise FileExistsError(f"Too many exports named {name} in {folder}.")


def export_note(folder: Path, *, medium: str, sender: Sender, recipient: Recipient,
                company: str, subject: str, body: str, when: dt.datetime) -> Path:
    """Write one note in its medium's form (R6) and return the path written."""
    day = when.date()
    try:
        if medium == EMAIL:
            data = eml_bytes(sender, recipient, subject, body, when)
        elif medium == LETTER:
            data = letter_text(sender, recipient, company, body, day).encode()
        else:
            data = card_text(body).encode()
        return write_private(folder, export_name(medium, company, recipient, day), data)
    except OSError as error:
        raise ExportError(f"Could not write the file: {error}") from error
    except (ValueError, MessageError) as error:  # a header the email package refuses
        raise ExportError(f"Could not make the file: {error}") from error

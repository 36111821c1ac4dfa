"""Email addresses, checked in one place by a maintained library (email-validator).

Every form that takes an address (a contact's card, the user's own details) and the
`.eml` export read it through `email_address`. Only the syntax is checked: no DNS look-up,
nothing leaves the machine. Internationalized addresses are welcome: `renée@exämple.com`
is kept as typed and exported as SMTPUTF8 mail; `renee@exämple.com` can also travel as
plain 7-bit mail with its domain in IDNA form (`renee@xn--exmple-cua.com`).
"""

from __future__ import annotations

from dataclasses import dataclass

EXAMPLE = "e.g. name@example.com"


class AddressError(ValueError):
    """Not an email address: `reason` says why; the message is the form's line."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"Not an email address: {reason} ({EXAMPLE}).")
        self.reason = reason


@dataclass(frozen=True)
class EmailAddress:
    text: str  # normalized (NFC, domain lower-cased): what is stored and shown
    ascii: str | None  # the same address in 7-bit form, or None: it needs SMTPUTF8


def email_address(text: str) -> EmailAddress:
    """The address in `text`, normalized, or AddressError with the reason."""
    from email_validator import EmailNotValidError, validate_email

    try:
        found = validate_email(text.strip(), check_deliverability=False)
    except EmailNotValidError as error:
        raise AddressError(str(error)) from None
    return EmailAddress(found.normalized, found.ascii_email)

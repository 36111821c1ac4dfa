"""What a form's field may hold: text cleaned of escape sequences, an email address
checked, and the errors that name the field a value cannot be saved in
(`followup_tui/errors.py`: the store raises them, forms show them).

Pure: widgets and the store both import this, so a form needs no store import.
"""

from __future__ import annotations

import re
from typing import Any

from followup_tui.errors import FieldError, FieldErrors

__all__ = ["FieldError", "FieldErrors", "checked_email", "clean_text"]

# A whole escape sequence (CSI, OSC/DCS/APC strings, two-byte ESC x) goes, not just its ESC.
ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[\]P_^X][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]"
)


def clean_text(value: Any) -> str:
    """Strip escape sequences and control characters, C1 included (pasted escape
    sequences must not reach the terminal); newlines and tabs stay."""
    text = ESCAPE_SEQUENCE.sub("", "" if value is None else str(value))
    return "".join(ch for ch in text if ch in "\n\t" or not (
        ord(ch) < 32 or 127 <= ord(ch) < 160))


def checked_email(text: str) -> str:
    """A typed email address, normalized, or FieldError("email") saying what is wrong:
    every form's address goes through `playbook.email_address`, the one check."""
    from followup_tui.playbook.email_address import AddressError, email_address

    try:
        return email_address(text).text
    except AddressError as error:
        raise FieldError("email", str(error)) from None

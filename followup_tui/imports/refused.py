"""The one error an importer raises: the file, and why it cannot be imported."""

from __future__ import annotations

MAX_BYTES = 20 * 1024 * 1024  # no invitation, card or tracker export comes near this


class Refused(ValueError):
    """A file that cannot be imported; the message says why and what to do, and
    nothing was written."""


def text_of(data: bytes, what: str) -> str:
    """The file's text (UTF-8, a byte order mark dropped; Latin-1 or Windows-1252 as
    old spreadsheet programs write them), or Refused for an empty or binary file."""
    if len(data) > MAX_BYTES:
        raise Refused(f"it is {len(data) / 1024 / 1024:.0f} MB, too big for {what} "
                      f"(at most {MAX_BYTES // 1024 // 1024} MB)")
    if not data.strip():
        raise Refused("it is empty")
    if b"\x00" in data[:4096]:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16, as some Windows programs save
            return data.decode("utf-16").lstrip("\ufeff")
        raise Refused(f"it is not text (a binary file?), so it cannot be {what}")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")

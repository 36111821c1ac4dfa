"""Where the bytes come from: a file (`~` expanded) or standard input, and the user's
zone for times an invitation leaves floating."""

from __future__ import annotations

import sys
from pathlib import Path

from followup_tui.imports.refused import MAX_BYTES


class Unreadable(ValueError):
    """A path that gives no bytes; the message is the whole sentence."""


def read_source(source: str) -> tuple[str, bytes]:
    """(name, bytes) of a file or of standard input (`-`). One byte more than the
    importers take is read, so a huge file is refused whole, not cut."""
    if source == "-":
        return "standard input", sys.stdin.buffer.read(MAX_BYTES + 1)
    text = source.strip().strip("'\"")  # a path pasted with its quotes
    if not text:
        raise Unreadable("Give the path of the file to import (.ics, .csv or .vcf).")
    path = Path(text).expanduser()
    if path.is_dir():
        raise Unreadable(f"{path} is a folder: give the path of the file to import.")
    if not path.exists():
        raise Unreadable(f"{path} does not exist: give the path of the file to import.")
    try:
        with open(path, "rb") as handle:
            return str(path), handle.read(MAX_BYTES + 1)
    except OSError as error:
        raise Unreadable(f"{path} cannot be read ({error.strerror}).") from None


def local_zone() -> str:
    """The IANA name of this computer's zone (TZ, else the system's); UTC when none
    can be told."""
    try:
        from tzlocal import get_localzone_name

        return get_localzone_name() or "UTC"
    except Exception:  # tzlocal refuses a TZ it cannot name: times then read as UTC
        return "UTC"

"""Printing what the commands show: user text on one line without escape sequences,
days and moments as ISO 8601, UTF-8 whatever the locale, and a closed pipe is not an
error. Imports nothing heavy: `completion` uses it too."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from typing import Any


def one_line(value: Any) -> str:
    """User text on one line of plain output: no escape sequences or control characters
    (a name pasted with a newline stays one line; brackets and quotes are kept)."""
    from followup_tui.playbook.fields import clean_text

    return " ".join(clean_text(value).split())


def day_text(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def moment_text(value: dt.datetime | None) -> str | None:
    """A stored moment (UTC) as ISO 8601 with its offset, to the second."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.isoformat(timespec="seconds")


def emit(text: str) -> bool:
    """Print UTF-8 whatever the locale; a reader that closes the pipe early
    (`| head -1`) is not an error. False once nobody reads any more."""
    try:
        if text:
            stream = getattr(sys.stdout, "buffer", None)
            if stream is not None:
                sys.stdout.flush()
                stream.write((text + "\n").encode("utf-8", "surrogateescape"))
                stream.flush()
            else:
                sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return False
    return True


def emit_json(value: Any) -> None:
    emit(json.dumps(value, ensure_ascii=False, indent=1))

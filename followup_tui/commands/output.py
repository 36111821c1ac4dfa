"""Where an export goes: a new file, an earlier export of its own, or `-`.

The same rules for every `export` (docs/cli.md):
- `-` is standard output; nothing else is printed there, so it can be piped.
- A new file is created 0600 (missing folders 0700).
- An existing file is replaced only when the export recognises it as one followup-tui
  wrote; anything else (another program's calendar, a note) is left untouched.
- A symlink stays a link: its target gets the content.
- A replacement is whole or nothing: a temporary file beside the target, then a rename;
  the target keeps the permissions its owner gave it.
"""

from __future__ import annotations

import codecs
import os
import stat
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Callable, Iterator, Optional, TextIO

from followup_tui.store.base import StoreError, make_private_dirs

STDOUT = "-"
# Says why an existing file is not one of ours ("is not a calendar file"), or None.
Recognise = Callable[[bytes], Optional[str]]


def is_stdout(name: str | Path) -> bool:
    return str(name) == STDOUT


def through_link(path: Path) -> Path:
    """The file a symlink points at (to the end of a chain), or the path itself."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


@contextmanager
def standard_output() -> Iterator[BinaryIO]:
    out = sys.stdout.buffer
    try:
        yield out
        out.flush()
    except BrokenPipeError:
        # `export --json - | head`: the reader has what it wanted. Point stdout at
        # /dev/null so the flush at exit does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), out.fileno())


@contextmanager
def new_file(path: Path) -> Iterator[BinaryIO]:
    """A file that did not exist; a half-written one is removed (it would mislead)."""
    path = Path(path).expanduser()
    target = through_link(path)
    exists = StoreError(f"{path} already exists: it was not overwritten; give a new file name.")
    if target.exists():
        raise exists
    try:
        make_private_dirs(target.parent)
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        raise exists from None
    except OSError as error:
        raise StoreError(f"Cannot create {path}: {error.strerror}.") from error
    os.fchmod(fd, 0o600)  # the umask may have narrowed it, never widened: be exact
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException as error:
        target.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise StoreError(f"Cannot write {path}: {error.strerror}; nothing was kept.") from error
        raise


@contextmanager
def replace_own(path: Path, recognise: Recognise) -> Iterator[BinaryIO]:
    """A new file, or one this export wrote before (`recognise` says), replaced whole."""
    path = Path(path).expanduser()
    target = through_link(path)
    if target.is_dir():
        raise StoreError(f"{path} is a folder: give the path of the file to write.")
    if not target.parent.is_dir():
        raise StoreError(f"The folder {target.parent} does not exist.")
    mode = 0o600
    if target.exists():
        try:
            reason = recognise(target.read_bytes())
            mode = stat.S_IMODE(target.stat().st_mode)
        except OSError as error:
            raise StoreError(f"Cannot read {path}: {error.strerror}; it was left untouched.")
        if reason:
            raise StoreError(f"{path} {reason}: it was left untouched; give another path "
                             "(followup-tui replaces only files it wrote itself).")
    temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException as error:
        temp.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise StoreError(f"Cannot write {path}: {error.strerror}; "
                             "it was left as it was.") from error
        raise


def as_text(handle: BinaryIO) -> TextIO:
    """UTF-8 text over a binary handle, whatever the locale says. (A TextIOWrapper
    would close standard output when it is dropped after a broken pipe.)"""
    return codecs.getwriter("utf-8")(handle)  # type: ignore[return-value]

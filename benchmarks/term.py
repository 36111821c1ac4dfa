"""A real terminal for timing: the app runs on a pseudo-terminal and we read what it paints.

"Painted" means the bytes for a piece of text reached the terminal, as a person would
see them. Escape sequences are stripped before searching, so a company name is found
whatever its colours. The terminal answers Textual's synchronized-output query like a
modern terminal does, so the app paints frame by frame as it would in kitty or iTerm.
"""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import termios
import time
from pathlib import Path

ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    rb"|\x1b[\]P_^X][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC, DCS, APC… strings
    rb"|\x1b[@-Z\\-_=>()][0-9A-Za-z]?"  # two-byte escapes
)
SYNC_QUERY = b"\x1b[?2026$p"
SYNC_REPLY = b"\x1b[?2026;2$y"

KEYS = {
    "down": b"\x1b[B", "up": b"\x1b[A", "end": b"\x1b[F", "home": b"\x1b[H",
    "enter": b"\r", "escape": b"\x1b", "ctrl+f": b"\x06", "ctrl+q": b"\x11",
    "backspace": b"\x7f", "ctrl+p": b"\x10", "ctrl+s": b"\x13", "tab": b"\t",
}
PASTE = b"\x1b[200~", b"\x1b[201~"  # bracketed paste, as a terminal sends a paste


def plain(data: bytes) -> str:
    """What a person reads: the bytes without escape sequences."""
    return ESCAPES.sub(b"", data).decode("utf-8", "replace")


class Timeout(Exception):
    pass


class Terminal:
    """One program on its own pty of `columns` × `lines`."""

    def __init__(self, argv: list[str], *, columns: int = 120, lines: int = 40,
                 env: dict[str, str] | None = None, cwd: Path | None = None) -> None:
        self.buffer = bytearray()
        self.started = time.perf_counter()
        pid, fd = os.forkpty()
        if pid == 0:  # the child: become the program
            try:
                if cwd:
                    os.chdir(cwd)
                os.execve(argv[0], argv, {**os.environ, **(env or {}),
                                          "TERM": "xterm-256color", "COLORTERM": "truecolor"})
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.answered = False
        self.exit_status: int | None = None

    # -- reading --------------------------------------------------------------
    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], max(0.0, timeout))
        if not ready:
            return False
        try:
            chunk = os.read(self.fd, 1 << 16)
        except OSError:  # the program exited
            raise Timeout("the program closed its terminal")
        if not chunk:
            raise Timeout("the program closed its terminal")
        self.buffer += chunk
        if not self.answered and SYNC_QUERY in self.buffer:
            self.answered = True
            os.write(self.fd, SYNC_REPLY)
        return True

    def wait_for(self, text: str | tuple[str, ...], *, since: int = 0,
                 timeout: float = 15.0) -> float:
        """Read until `text` (or one of several) is painted after byte `since`; the
        moment it arrived."""
        texts = (text,) if isinstance(text, str) else text
        deadline = time.perf_counter() + timeout
        scanned = since
        while True:
            # Only the new bytes (from the start of the line that could hold a split match).
            screen = plain(bytes(self.buffer[scanned:]))
            if any(one in screen for one in texts):
                return time.perf_counter()
            scanned = max(since, len(self.buffer) - 4096)
            left = deadline - time.perf_counter()
            if left <= 0:
                seen = " ".join(plain(bytes(self.buffer[since:])).split())[-400:]
                raise Timeout(f"{text!r} was not painted within {timeout:.0f} s; "
                              f"the screen got: {seen!r}")
            self._read(min(left, 0.5))

    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Read until the program has painted nothing for `quiet` seconds."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if not self._read(quiet):
                return

    # -- writing --------------------------------------------------------------
    def press(self, key: str) -> int:
        """Send one key (a name from KEYS or a character); returns the buffer position."""
        while self._read(0):  # take in anything pending, so `since` is exact
            pass
        mark = len(self.buffer)
        os.write(self.fd, KEYS.get(key, key.encode()))
        return mark

    def paste(self, text: str) -> None:
        """Send `text` as one paste (what a terminal sends for ctrl+shift+v), in small
        writes with reads between, so neither side blocks on a full pty buffer."""
        data = memoryview(PASTE[0] + text.encode() + PASTE[1])
        while data:
            data = data[os.write(self.fd, data[:512]):]
            while self._read(0):
                pass

    def key_latency(self, key: str, expect: str | tuple[str, ...],
                    timeout: float = 15.0) -> float:
        """Seconds from sending `key` to `expect` appearing on screen."""
        mark = self.press(key)
        sent = time.perf_counter()
        try:
            seconds = self.wait_for(expect, since=mark, timeout=timeout) - sent
        except Timeout as error:
            raise Timeout(f"after the key {key!r}: {error}") from None
        self.settle(0.05)  # the rest of this key's frames, so the next key starts clean
        return seconds

    # -- the process ------------------------------------------------------------
    def peak_memory_kib(self) -> int:
        """VmHWM: the most resident memory the program has used so far."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        return 0

    def close(self, quit_key: str = "ctrl+q") -> None:
        try:
            os.write(self.fd, KEYS[quit_key])
        except OSError:
            pass
        deadline = time.perf_counter() + 5
        while time.perf_counter() < deadline:
            try:
                self._read(0.05)
            except Timeout:
                pass
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                self.exit_status = status
                break
        else:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)

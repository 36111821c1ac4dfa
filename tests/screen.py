"""What the terminal shows, read through Textual's public screenshot export."""

from __future__ import annotations

import html
import re

from rich.cells import cell_len

_TEXT = re.compile(r'<text [^>]*?x="([\d.]+)"[^>]*?textLength="([\d.]+)"[^>]*?'
                   r'clip-path="url\(#[\w-]+-line-(\d+)\)"[^>]*>(.*?)</text>', re.S)


def screen_text(app) -> str:
    """The screen as plain text, one line per terminal row (`App.export_screenshot`)."""
    width, height = app.size
    rows: list[list[tuple[int, str]]] = [[] for _ in range(height)]
    for x, length, line, escaped in _TEXT.findall(app.export_screenshot()):
        text = html.unescape(escaped).replace("\xa0", " ")  # Rich writes spaces as &#160;
        if text == "\n":
            continue
        cell = float(length) / len(text)
        rows[int(line)].append((round(float(x) / cell), text))
    lines = []
    for parts in rows:
        line = ""
        for column, text in sorted(parts):
            line += " " * (column - cell_len(line)) + text
        lines.append(line + " " * (width - cell_len(line)))  # blank cells are not in the SVG
    return "\n".join(lines)

"""Replacing what an editor shows with another text (another window's save merged in)
while the cursor stays on the words it was in, and undo cannot take the new text away."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Sequence

from textual.widgets import TextArea
from textual.widgets.text_area import Document, Selection


def document_of(editor: TextArea) -> Document:
    """The editor's text as a Document, which turns a place in the text into a line and
    column and back (Textual types `TextArea.document` as DocumentBase, which cannot)."""
    document = editor.document
    assert isinstance(document, Document)
    return document


def replace_text(editor: TextArea, text: str, cursor: int | None = None) -> None:
    """Change what the editor shows line block by line block, and keep the cursor on the
    words it was in (loading the text would put it at the top), or put it at `cursor` (a
    place in `text`). What came from another window cannot be undone here."""
    old, new = editor.text.split("\n"), text.split("\n")
    blocks = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    start, end = editor.selection
    for tag, i1, i2, j1, j2 in reversed(blocks):
        if tag == "equal":
            continue
        lines = "\n".join(new[j1:j2])
        if i1 == i2:  # lines added before old line i1
            if i1 < len(old):
                editor.replace(lines + "\n", (i1, 0), (i1, 0))
            else:
                editor.replace("\n" + lines, (i1 - 1, len(old[-1])), (i1 - 1, len(old[-1])))
        elif j1 == j2:  # lines taken away, with their line breaks
            if i2 < len(old):
                editor.replace("", (i1, 0), (i2, 0))
            elif i1 > 0:
                editor.replace("", (i1 - 1, len(old[i1 - 1])), (i2 - 1, len(old[-1])))
            else:
                editor.replace("", (0, 0), (i2 - 1, len(old[-1])))
        else:
            editor.replace(lines, (i1, 0), (i2 - 1, len(old[i2 - 1])))
    # The other window's text is not an edit of this one: undo must not take it away
    # (`load_text` clears the history the same way when a record is loaded).
    editor.history.clear()
    if cursor is not None:
        editor.selection = Selection.cursor(document_of(editor).get_location_from_index(cursor))
    else:
        editor.selection = Selection(moved(start, blocks, old, new),
                                     moved(end, blocks, old, new))


def moved(location: tuple[int, int], blocks: Sequence[tuple[str, int, int, int, int]],
          old: list[str], new: list[str]) -> tuple[int, int]:
    """Where a place in the old text is in the new one: by the same words if they stayed."""
    row, column = location
    for tag, i1, i2, j1, j2 in blocks:
        if i1 <= row < i2:
            if tag == "equal":
                return j1 + row - i1, column
            if j1 == j2:  # its line is gone: the start of what follows
                return (j1, 0) if j1 < len(new) else (len(new) - 1, len(new[-1]))
            there = j1 + min(row - i1, j2 - j1 - 1)
            return there, moved_column(old[row], new[there], column)
    return len(new) - 1, len(new[-1])


def moved_column(old: str, new: str, column: int) -> int:
    """The same place in a changed line; before what was added right after it."""
    for tag, a1, a2, b1, b2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal" and a1 <= column <= a2:
            return b1 + column - a1
        if a1 <= column < a2:
            return b2
    return len(new)

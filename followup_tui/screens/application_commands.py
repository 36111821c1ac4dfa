"""The command palette's "jump to application": a SQL look-up with a limit, fast at any size.

Names are plain text: Textual's `Matcher.highlight()` and a `str` prompt or help are read
as markup, so every prompt here is a `Content` built from the text (issue 11).
"""

from __future__ import annotations

import asyncio
import re
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

if TYPE_CHECKING:
    from followup_tui.app import FollowupApp
    from followup_tui.store.applications import PipelineRow

# "jump", "jump to", "jump to application" in front of a name are words of the command.
COMMAND_WORDS = re.compile(r"^\s*(jump(\s+to)?(\s+app(lication)?)?)\b\s*", re.IGNORECASE)
SHOWN = 20


def _label(row: PipelineRow) -> str:
    return f"Jump to {row.company} — {row.role}" if row.role else f"Jump to {row.company}"


def highlighted(matcher: Matcher, text: str) -> Content:
    """`text` as typed, with the letters the query matched in the match style."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ApplicationCommands(Provider):
    """Offers matching applications as "Jump to Company — Role"; with nothing typed
    (or just "jump"), the most urgent ones, in the Pipeline's order."""

    if TYPE_CHECKING:  # Textual's Provider says App[object], and App is invariant in its result
        app: FollowupApp  # type: ignore[assignment]

    async def search(self, query: str) -> Hits:
        words = COMMAND_WORDS.sub("", query).strip()
        if words:
            rows = await asyncio.to_thread(self.app.store.applications.find, words, SHOWN)
        elif COMMAND_WORDS.match(query):
            rows = await asyncio.to_thread(self.app.store.applications.page, 0, SHOWN)
        else:
            return
        matcher = self.matcher(query)
        for row in rows:
            label = _label(row)
            # Hit's help says str, but the palette reads it with Content.from_markup,
            # which keeps a Content as it is: a stage is never read as markup
            stage = Content(f"{row.stage}{' (archived)' if row.archived else ''}")
            yield Hit(max(matcher.match(label), 0.5), highlighted(matcher, label),
                      partial(self.app.open_application, row.id), text=label,
                      help=stage)  # type: ignore[arg-type]

    async def discover(self) -> Hits:
        rows = await asyncio.to_thread(self.app.store.applications.page, 0, 5)
        for row in rows:
            label = _label(row)
            yield DiscoveryHit(Content(label), partial(self.app.open_application, row.id),
                               text=label,
                               help="Type a company or role to find any application")

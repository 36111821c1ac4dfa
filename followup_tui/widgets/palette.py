"""The command palette's "jump to application": a SQL look-up with a limit, fast at any size."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


class ApplicationCommands(Provider):
    """Offers every matching application as "Jump to Company — Role"."""

    async def search(self, query: str) -> Hits:
        app = self.app
        matcher = self.matcher(query)
        words = query.strip()
        if not words:
            return
        rows = await self._find(words)
        for row in rows:
            label = f"Jump to {row.company} — {row.role}" if row.role else f"Jump to {row.company}"
            score = matcher.match(label)
            yield Hit(max(score, 0.5), matcher.highlight(label), partial(app.open_application, row.id),
                      help=f"{row.stage}{' (archived)' if row.archived else ''}")

    async def discover(self) -> Hits:
        yield DiscoveryHit("Jump to application…", lambda: None,
                           help="Type a company or role to find an application")

    async def _find(self, words: str):
        import asyncio

        return await asyncio.to_thread(self.app.store.find_applications, words, 20)

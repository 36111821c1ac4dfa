"""Launch (issue 14): the first paint imports only what the Pipeline shows; the rest of
the app is imported just after it, by the warm-up thread, before a key needs it."""

from __future__ import annotations

import subprocess
import sys

# Imported after the first paint (each costs milliseconds at start): the other panes'
# rules and repositories, the ORM, dates typed in forms, the autosaving text fields.
LATER = ("arrow", "sqlalchemy", "sqlmodel", "email_validator", "followup_tui.playbook.plan",
         "followup_tui.store.agenda", "followup_tui.store.imports", "followup_tui.store.notes",
         "followup_tui.widgets.autosave", "textual.widgets._text_area")

FIRST_PAINT = """
import asyncio, sys
from followup_tui.app import FollowupApp
from followup_tui.screens.pipeline import PipelineScreen
from followup_tui.store import Store

LATER = {later!r}
warm_up = FollowupApp.warm_up
# What the app starts after its first paint, held back until the screen is checked.
FollowupApp.warm_up = FollowupApp.announce_plan = FollowupApp.keep_current = lambda app: None
PipelineScreen.update_health = lambda pane: None


async def main():
    app = FollowupApp(Store.open({path!r}))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        table = app.screen.table
        assert table.row_count > 0 and "Company" in str(table.render_line(0).text)
        assert table.current.company in table.render_line(1).text
        early = sorted(set(LATER) & set(sys.modules))
        assert not early, f"imported before the first paint: {{early}}"
        warm_up(app)
        await app.workers.wait_for_complete()
        missing = sorted(set(LATER) - set(sys.modules))
        assert not missing, f"not imported by the warm-up: {{missing}}"
    app.store.close()

asyncio.run(main())
"""


def test_the_first_paint_imports_only_what_the_pipeline_shows(demo_db):
    code = FIRST_PAINT.format(later=LATER, path=str(demo_db))
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]

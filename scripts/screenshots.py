"""Make screenshots/*.svg: every pane on demo data, with a frozen clock.

Run: .venv/bin/python scripts/screenshots.py
The data (seed 1) is dated around 2026-11-24 and the clock is frozen at noon that
day, so the pictures only change when the screens do.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import tempfile
from pathlib import Path

from followup_tui.playbook import clock

TODAY = dt.date(2026, 11, 24)
NOON = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.timezone.utc)
FEATURED = "Brightwater Energy"
OUT = Path(__file__).resolve().parent.parent / "screenshots"
# (file name, keys pressed from the Pipeline to get there)
PANES = (
    ("pipeline", ()),
    ("notes", ("2",)),
    ("thank-you", ("3",)),
    ("agenda", ("4",)),
    ("insights", ("5",)),
    ("help", ("question_mark",)),
)


async def shoot(db: Path) -> list[Path]:
    from followup_tui.app import FollowupApp
    from followup_tui.store import Store

    written = []
    for name, keys in PANES:
        store = Store.open(db)
        app = FollowupApp(store)
        async with app.run_test(size=(120, 36)) as pilot:
            await pilot.pause()
            # An application two rounds in, awaiting the decision: every pane has content.
            app.application_id = store.applications.find(FEATURED, 1)[0].id
            for key in keys:
                await pilot.press(key)
                await pilot.pause(0.3)
            mode = {"notes": "notes", "thank-you": "thank_you", "agenda": "agenda",
                    "insights": "insights"}.get(name)
            if mode and app.current_mode != mode:
                continue  # that pane is not built yet
            await app.workers.wait_for_complete()  # Insights counts in a worker
            await pilot.pause()
            app.clear_notifications()  # start-up counts depend on the day it is made
            await pilot.pause()
            path = OUT / f"{name}.svg"
            app.save_screenshot(str(path))
            written.append(path)
        store.close()
    return written


def main() -> None:
    clock.freeze(NOON)
    from followup_tui.store import Store
    from followup_tui.store.demo import fill_demo

    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.db"
        store = Store.open(db)
        fill_demo(store, seed=1, today=TODAY)
        store.close()
        for path in asyncio.run(shoot(db)):
            print(f"wrote {path}")


if __name__ == "__main__":
    main()

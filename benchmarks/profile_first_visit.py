"""Where the first visit to a pane and the first opening of a form spend their time.

    .venv/bin/python benchmarks/profile_first_visit.py DB [--keys 2] [--keys 1 a] [--top 25]

Runs the app in process (`App.run_test()`, 120 × 40) on a copy of DB, lets it settle,
then profiles each key sequence with cProfile, from the keys to the screen having
painted and its workers finished. Prints, per sequence, the wall time, the shares of
the main causes (Textual's CSS, compose/mount, layout and rendering, the store's reads,
imports) and the functions with the most time of their own. Shares are of the profiled
time, so they stay meaningful on a busy machine; absolute times do not.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from followup_tui.app import FollowupApp  # noqa: E402
from followup_tui.store import Store  # noqa: E402

# (label, a path fragment of the function's file): the first match names the cause.
CAUSES = (
    ("imports", "<frozen importlib"),
    ("store reads (SQL)", "sqlalchemy/"),
    ("store reads (SQL)", "sqlmodel/"),
    ("store reads (SQL)", "followup_tui/store/"),
    ("CSS (parse, match, apply)", "textual/css/"),
    ("CSS (parse, match, apply)", "textual/_styles_cache"),
    ("compose / mount", "textual/_compose"),
    ("compose / mount", "textual/widget.py"),
    ("compose / mount", "textual/dom.py"),
    ("layout", "textual/_arrange"),
    ("layout", "textual/layouts/"),
    ("layout", "textual/_layout"),
    ("rendering", "textual/_compositor"),
    ("rendering", "textual/strip"),
    ("rendering", "textual/content"),
    ("rendering", "rich/"),
    ("spelling", "spellchecker/"),
    ("our screens and widgets", "followup_tui/"),
    ("event loop / messages", "asyncio/"),
    ("event loop / messages", "textual/message_pump"),
    ("other Textual", "textual/"),
)


def cause_of(filename: str, name: str) -> str:
    if filename == "~":  # a built-in: name it by its object
        return "store reads (SQL)" if "sqlite3" in name else "other (built-ins)"
    for label, fragment in CAUSES:
        if fragment in filename:
            return label
    return "other"


def shares(stats: pstats.Stats) -> dict[str, float]:
    """Own time (tottime) per cause, as seconds."""
    out: dict[str, float] = {}
    for (filename, _line, name), (_cc, _nc, own, _cum, _callers) in stats.stats.items():
        label = cause_of(filename, name)
        out[label] = out.get(label, 0.0) + own
    return out


async def settle(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def profile(db: Path, sequences: list[list[str]], top: int,
                  save: Path | None) -> None:
    store = Store.open(db)
    app = FollowupApp(store)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(app, pilot)
            await asyncio.sleep(1.0)  # whatever runs after the first paint
            await settle(app, pilot)
            for keys in sequences:
                profiler = cProfile.Profile()
                started = time.perf_counter()
                profiler.enable()
                await pilot.press(*keys)
                await settle(app, pilot)
                profiler.disable()
                wall = time.perf_counter() - started
                stats = pstats.Stats(profiler)
                if save:
                    save.mkdir(parents=True, exist_ok=True)
                    stats.dump_stats(save / f"keys-{'-'.join(keys)}.prof")
                total = sum(shares(stats).values()) or 1.0
                print(f"\n=== keys {' '.join(keys)} → {type(app.screen).__name__}: "
                      f"{wall * 1000:.0f} ms wall, {total * 1000:.0f} ms profiled")
                for label, seconds in sorted(shares(stats).items(), key=lambda kv: -kv[1]):
                    print(f"  {label:<28} {seconds / total:6.1%}  {seconds * 1000:7.1f} ms")
                stats.sort_stats("cumulative").print_stats(top)
                if app.screen.is_modal:
                    await pilot.press("escape")
                    await settle(app, pilot)
    finally:
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--keys", nargs="+", action="append",
                        help="a key sequence to profile (repeat the option for more)")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--save", type=Path, help="also write each profile here (for snakeviz…)")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="followup-profile-")) / "profile.db"
    shutil.copyfile(args.db, scratch)  # keys may write: leave the original alone
    try:
        asyncio.run(profile(scratch, args.keys or [["2"], ["1", "a"]], args.top, args.save))
    finally:
        shutil.rmtree(scratch.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""followup-tui's performance targets (issue 14), measured in a real terminal.

    .venv/bin/python benchmarks/run.py            # about 4 minutes
    .venv/bin/python benchmarks/run.py --quick    # about 1 minute, fewer repeats
    .venv/bin/python benchmarks/run.py --quick --only panes   # some rows, while working

Makes demo databases of 100, 10,000 and 100,000 applications (cached in
$FOLLOWUP_TUI_BENCH_CACHE or <tmp>/followup-tui-bench, rebuilt when the demo or plan
code changes; a full run always rebuilds the 100,000 one to time `demo`), then runs
followup-tui and a bare Textual app (benchmarks/bare_app.py) on a pseudo-terminal of
120 × 40 and times what a person sees: from launch to the first application row
painted, and from a key to the screen showing its answer. Prints medians, min, max
and the ratio to each target. Not a test: nothing here runs in CI.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from report import report  # noqa: E402
from term import Terminal, Timeout  # noqa: E402

from followup_tui.store import Store  # noqa: E402

BIN = Path(sys.executable).parent
APP = str(BIN / "followup-tui")
PYTHON = sys.executable
SIZES = (100, 10_000, 100_000)
BIG = SIZES[-1]
COLUMNS, LINES = 120, 40
COMPANY_WIDTH = 23  # the Pipeline's company column at 120 columns: 24 characters, the last an ellipsis when cut
FILTER = "kestrel 777"  # many matches at first, a handful at the end (a full scan)
SEARCHES = ("kubernetes", "marathon")
# Issue 14's targets (every key ≤ 50 ms, the first visit to a pane ≤ 100 ms, …).
LAUNCH = 1.5  # × the bare Textual app's launch, in the same run
KEY = 0.050
FIRST = 0.100


# ------------------------------------------------------------------ databases
def cache_dir() -> Path:
    folder = Path(os.environ.get("FOLLOWUP_TUI_BENCH_CACHE")
                  or Path(tempfile.gettempdir()) / "followup-tui-bench")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def fingerprint() -> str:
    """Demo data depends on these files: a change makes new databases."""
    digest = hashlib.sha256()
    for name in ("store/demo.py", "store/plan.py", "playbook/plan.py", "store/schema.py",
                 "store/applications.py"):
        digest.update((ROOT / "followup_tui" / name).read_bytes())
    return digest.hexdigest()[:12]


def demo_db(size: int, *, fresh: bool) -> tuple[Path, float, bool]:
    """(path, seconds `demo` took, whether it was timed in this run)."""
    path = cache_dir() / f"demo-{size}-{fingerprint()}.db"
    timing = path.with_suffix(".json")
    if path.exists() and timing.exists() and not fresh:
        return path, json.loads(timing.read_text())["seconds"], False
    for stale in cache_dir().glob(f"demo-{size}-*"):
        stale.unlink()
    print(f"  making {size:,} applications…", file=sys.stderr, flush=True)
    started = time.perf_counter()
    subprocess.run([APP, "demo", "--db", str(path), "--size", str(size)], check=True,
                   stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    timing.write_text(json.dumps({"seconds": seconds, "when": dt.datetime.now().isoformat()}))
    return path, seconds, True


# ------------------------------------------------------------------ measuring
def app_env() -> dict[str, str]:
    home = Path(tempfile.mkdtemp(prefix="followup-bench-home-"))
    return {"XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data")}


def start_app(db: Path) -> Terminal:
    return Terminal([APP, "--db", str(db)], columns=COLUMNS, lines=LINES, env=app_env())


def first_company(store: Store) -> str:
    return store.applications.page(0, 1)[0].company[:COMPANY_WIDTH]


def compile_app() -> None:
    """The app's modules as bytecode, as `pip install` leaves them (Textual's, in
    site-packages, are): with PYTHONDONTWRITEBYTECODE set, as on shared machines, every
    launch compiled the ~50 modules of the first paint from source (~50 ms)."""
    import compileall

    compileall.compile_dir(ROOT / "followup_tui", quiet=1)


def launch(argv_or_db: list[str] | Path, expect: str) -> float:
    """Seconds from starting the program to `expect` on screen."""
    if isinstance(argv_or_db, Path):
        term = start_app(argv_or_db)
    else:
        term = Terminal(argv_or_db, columns=COLUMNS, lines=LINES, env=app_env())
    try:
        return term.wait_for(expect) - term.started
    finally:
        term.close()


PARTS = ("launch", "scroll", "filter", "search", "panes", "first", "forms", "typing")
# The first visit to each pane right after start: (row, key, text only that pane paints).
# The Agenda's column heads at 120 columns ("Agenda" alone would match the start's "press
# 4 for the Agenda" toast, painted late on a busy machine; a company, a Pipeline repaint).
AGENDA_TEXT = "Channel   Rule"
FIRST_VISITS = (("Notes", "2", "Notes — "), ("Thank-you", "3", "To thank (R4)"),
                ("Agenda", "4", AGENDA_TEXT), ("Insights", "5", "The last 12 weeks"))
# Each form and modal: (row, the pane it opens from, key, text only it paints).
FORMS = (
    ("add an application (a)", "1", "a", "Add an application"),
    ("edit the application (e)", "1", "e", "Edit the application"),
    ("change the stage (s)", "1", "s", "Change the stage"),
    ("log an exchange (l)", "1", "l", "Log an exchange"),
    ("add an interview (i, Notes)", "2", "i", "Add an interview"),
    ("panel: add a person (p, Notes)", "2", "p", "Add a person to"),
    ("help (?)", "1", "?", "Keys: "),
    ("search all notes (ctrl+f)", "1", "ctrl+f", "search all notes"),
    ("command palette (ctrl+p)", "1", "ctrl+p", "Search for commands"),
)
DRAFTED = ("Draft written", "Replace the draft")  # g's answer: a draft, or asks first
LONG_SECTION = 5_000  # lines in the notes section typed into


def session(db: Path, store: Store, downs: int, rounds: int,
            parts: frozenset[str] = frozenset(PARTS)) -> dict[str, list[float]]:
    """One sitting at the keyboard: scroll, jump to the end, filter, search notes,
    open applications, switch panes; every key timed until its answer is painted.
    `parts` leaves out what is not being worked on (the peak memory is then lower)."""
    out: dict[str, list[float]] = {k: [] for k in (
        "down", "end", "filter", "search", "open_notes", "switch", "generate", "long_section",
        "vmhwm", *(f"form:{name}" for name, *_ in FORMS))}
    rows = store.applications.page(0, downs + 1)
    count = store.applications.count()
    scratch = Path(tempfile.mkdtemp(prefix="followup-bench-")) / "session.db"
    shutil.copyfile(db, scratch)  # keys may write (drafts, notes): keep the cache clean
    term = start_app(scratch)
    try:
        term.wait_for(rows[0].company[:COMPANY_WIDTH])
        term.settle(0.5)
        for row in rows[1:] if "scroll" in parts else ():
            out["down"].append(term.key_latency("down", row.company[:COMPANY_WIDTH]))
        if "scroll" in parts:
            last = store.applications.page(count - 1, 1)[0].company[:COMPANY_WIDTH]
            out["end"].append(term.key_latency("end", last))
            term.key_latency("home", rows[0].company[:COMPANY_WIDTH])
            term.settle(0.2)
        if "filter" in parts:
            filter_rows(term, store, out)
        if "search" in parts:
            search_rows(term, store, out)
        if "panes" in parts:
            pane_rows(term, store, rows, rounds, out)
        if "forms" in parts:
            form_rows(term, rounds, out)
        if "typing" in parts:  # last: it adds an interview to the first application
            typing_rows(term, out)
        out["vmhwm"].append(term.peak_memory_kib() / 1024)
    finally:
        term.close()
        shutil.rmtree(scratch.parent, ignore_errors=True)
    return out


def filter_rows(term: Terminal, store: Store, out: dict[str, list[float]]) -> None:
    term.press("/")
    term.settle(0.2)
    for n in range(1, len(FILTER) + 1):
        typed = FILTER[:n]
        found = store.applications.page(0, 1, filter_text=typed)
        expect = found[0].company[:COMPANY_WIDTH] if found else "No application matches"
        out["filter"].append(term.key_latency(FILTER[n - 1], expect))
    term.press("escape")  # clears the filter (the cursor returns to where it was)
    term.settle(0.3)
    term.press("home")
    term.settle(0.3)


def search_rows(term: Terminal, store: Store, out: dict[str, list[float]]) -> None:
    for words in SEARCHES:
        term.key_latency("ctrl+f", "search all notes")
        term.settle(0.2)
        for n in range(1, len(words) + 1):
            hits = store.search.notes(words[:n])
            if n < 3 or not hits:
                term.press(words[n - 1])
                term.settle(0.2)
                continue
            out["search"].append(term.key_latency(words[n - 1], hits[0].company[:20]))
        term.press("escape")
        term.settle(0.3)


def pane_rows(term: Terminal, store: Store, rows: list, rounds: int,
          out: dict[str, list[float]]) -> None:
    # Open an application's notes (enter), back to the Pipeline (1), next one…
    for i in range(rounds):
        company = rows[i].company
        out["open_notes"].append(term.key_latency("enter", f"Notes — {company}"))
        term.settle(0.2)
        term.press("escape")  # back to the pane's list, out of any text field
        term.settle(0.2)
        out["switch"].append(term.key_latency("1", company[:COMPANY_WIDTH]))
        term.key_latency("down", rows[i + 1].company[:COMPANY_WIDTH])
        term.settle(0.1)
    # Texts only that pane paints (the Agenda moves the selection, so no company).
    for _ in range(rounds):
        for key, expect in (("2", "Notes — "), ("3", "To thank (R4)"),
                            ("4", AGENDA_TEXT), ("1", "Next touch")):
            term.press("escape")  # out of any text field: digits switch panes from lists
            term.settle(0.2)
            out["switch"].append(term.key_latency(key, expect))
            term.settle(0.1)


def first_visits(db: Path, store: Store, repeats: int) -> dict[str, list[float]]:
    """Each pane's first visit, in a new app right after its first row is painted."""
    out: dict[str, list[float]] = {name: [] for name, *_ in FIRST_VISITS}
    first = first_company(store)
    for _ in range(repeats):
        for name, key, expect in FIRST_VISITS:
            term = start_app(db)  # nothing is written before the key: no copy needed
            try:
                term.wait_for(first)
                term.settle(0.5)
                out[name].append(term.key_latency(key, expect))
            finally:
                term.close()
    return out


PANE_TEXT = {"2": "Notes — ", "3": "To thank (R4)"}  # painted once the pane is shown


def back_to(term: Terminal, key: str) -> None:
    """Close any modal, leave any text field, and press `key` (untimed). After a pane's
    digit (from the Pipeline), wait for the pane: a loaded machine can pause longer than
    `settle` between frames, and the next key must reach the pane, not the Pipeline."""
    for one in ("escape", "escape"):
        term.press(one)
        term.settle(0.2)
    mark = term.press(key)
    if key in PANE_TEXT:
        term.wait_for(PANE_TEXT[key], since=mark, timeout=30)
    term.settle(0.2)


def form_rows(term: Terminal, rounds: int, out: dict[str, list[float]]) -> None:
    """Open each form and modal on the first application; `g` in the Thank-you pane of
    an interview with a panel (reached through a notes search, as a person would)."""
    for _ in range(rounds):
        for name, pane, key, expect in FORMS:
            back_to(term, "1")
            back_to(term, "home")  # the first application (already there: nothing painted)
            if pane != "1":
                back_to(term, pane)
            out[f"form:{name}"].append(term.key_latency(key, expect))
    for _ in range(rounds):
        back_to(term, "1")
        term.key_latency("ctrl+f", "search all notes")
        for letter in "marathon":  # a panel member's notes: the interview has a panel
            term.press(letter)
        term.settle(0.5)
        term.press("enter")  # the hit's interview, in the Notes pane
        term.settle(0.5)
        back_to(term, "3")
        out["generate"].append(term.key_latency("g", DRAFTED))
        term.settle(0.3)


def typing_rows(term: Terminal, out: dict[str, list[float]]) -> None:
    """A key typed at the end of a notes section holding LONG_SECTION lines."""
    back_to(term, "1")
    back_to(term, "home")
    back_to(term, "2")
    term.key_latency("i", "Add an interview")
    term.press("ctrl+s")  # now, the next round: the cursor lands in its first section
    term.settle(1.0)
    last = f"long line {LONG_SECTION}"
    term.paste("\n".join(f"long line {n}" for n in range(1, LONG_SECTION + 1)))
    term.wait_for(last, timeout=60)
    term.settle(1.5)  # the paste's autosave
    for n in range(1, 41):
        out["long_section"].append(term.key_latency("q", last + "q" * n))


def store_search(store: Store, repeats: int) -> list[float]:
    """The search query alone, in process (what the UI's worker waits for)."""
    times = []
    for _ in range(repeats):
        for words in SEARCHES:
            for n in range(3, len(words) + 1):
                started = time.perf_counter()
                store.search.notes(words[:n])
                times.append(time.perf_counter() - started)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (about 1 minute)")
    parser.add_argument("--only", nargs="+", choices=PARTS, default=list(PARTS),
                        help="measure only these parts (the peak memory then covers less)")
    parser.add_argument("--rounds", type=int, help="times each pane is opened per session")
    parser.add_argument("--size", type=int, choices=SIZES, default=BIG,
                        help="the database the keys are timed on (100,000 by default)")
    args = parser.parse_args()
    parts = frozenset(args.only)
    launches = 3 if args.quick else 10
    downs, rounds = (60, 3) if args.quick else (250, 8)
    rounds = args.rounds or rounds

    print("databases:", file=sys.stderr)
    needed = SIZES if "launch" in parts or not args.quick else (args.size,)
    dbs = {size: demo_db(size, fresh=(size == BIG and not args.quick)) for size in needed}
    stores = {size: Store.open(path) for size, (path, _s, _t) in dbs.items()}
    expect = {size: first_company(stores[size]) for size in needed}
    at = f"{args.size:,}"

    if "launch" in parts:
        print(f"launching {launches}× each…", file=sys.stderr, flush=True)
    times: dict[str, list[float]] = {"bare": [], **{str(s): [] for s in SIZES}}
    bare_argv = [PYTHON, str(HERE / "bare_app.py")]
    if "launch" in parts:
        compile_app()
        launch(bare_argv, "bare app ready")  # warm the file cache once, untimed
    for _ in range(launches if "launch" in parts else 0):  # interleaved, so a busy moment hits all alike
        times["bare"].append(launch(bare_argv, "bare app ready"))
        for size in SIZES:
            times[str(size)].append(launch(dbs[size][0], expect[size]))

    print(f"keys at {at}…", file=sys.stderr, flush=True)
    keys: dict[str, list[float]] = {}
    for _ in range(1 if args.quick else 2):
        db, store = dbs[args.size][0], stores[args.size]
        for name, values in session(db, store, downs, rounds, parts).items():
            keys.setdefault(name, []).extend(values)
    searched = (store_search(stores[args.size], 3 if args.quick else 10)
                if "search" in parts else [])
    print(f"first visits at {at}…", file=sys.stderr, flush=True)
    firsts = (first_visits(dbs[args.size][0], stores[args.size], 1 if args.quick else 3)
              if "first" in parts else {})

    bare = statistics.median(times["bare"]) if times["bare"] else 1.0
    _path, demo_seconds, timed_now = dbs.get(BIG, (None, None, False))
    results = [
        ("launch → first paint, bare Textual app", times["bare"], "s", 0, "bare"),
        ("launch → first row painted, 100 apps", times["100"], "s", LAUNCH, "x bare"),
        ("launch → first row painted, 10,000 apps", times["10000"], "s", LAUNCH, "x bare"),
        ("launch → first row painted, 100,000 apps", times["100000"], "s", LAUNCH, "x bare"),
        *((f"first visit, right after start: {pane}", firsts.get(pane, []), "ms", FIRST,
           "median") for pane, *_ in FIRST_VISITS),
        (f"down → screen updated (median), {at}", keys["down"], "ms", 0.033, "median"),
        (f"down → screen updated (p95), {at}", keys["down"], "ms", 0.066, "p95"),
        ("end → the last row painted", keys["end"], "ms", KEY, "median"),
        (f"filter: one more character → rows, {at}", keys["filter"], "ms", KEY, "median"),
        ("notes search: one more character → hits", keys["search"], "ms", KEY, "median"),
        ("  (the search query alone, in process)", searched, "ms", KEY, "median"),
        ("enter → application's Notes pane painted", keys["open_notes"], "ms", KEY, "median"),
        ("switch pane (1–4) → pane painted", keys["switch"], "ms", KEY, "median"),
        *((f"open: {name}", keys[f"form:{name}"], "ms", KEY, "median") for name, *_ in FORMS),
        ("g in the Thank-you pane → draft painted", keys["generate"], "ms", KEY, "median"),
        (f"a key in a notes section of {LONG_SECTION:,} lines", keys["long_section"], "ms",
         0.016, "median"),
        (f"peak memory VmHWM, {at} session", keys["vmhwm"], "MiB", 100, "median"),
        (f"demo --size 100000{'' if timed_now else ' (cached db)'}",
         [demo_seconds] if demo_seconds else [],
         "s", 15, "median"),
    ]
    for store in stores.values():
        store.close()
    print()
    print(f"followup-tui benchmark · {dt.datetime.now():%Y-%m-%d %H:%M} · "
          f"{os.cpu_count()} cores · terminal {COLUMNS}×{LINES} (pty) · "
          f"{'quick' if args.quick else 'full'} run")
    for line in report(results, bare):
        print(line)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Timeout as error:
        print(f"benchmark: {error}", file=sys.stderr)
        sys.exit(1)

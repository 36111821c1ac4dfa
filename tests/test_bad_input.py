"""Bad input in every field (issue 8), table-driven through the real forms and the command
line: each case gets a clear inline message or is saved and shown correctly; nothing
crashes; nothing already saved changes; no escape sequence reaches the screen."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pytest
from textual import events
from textual.widgets import Input, Static, TextArea

from followup_tui.__main__ import main
from followup_tui.store import Store
from tests.fixtures.every_table import dump
from tests.screen import screen_text
from tests.waiting import written

UTC = dt.timezone.utc
LONG = "x" * 10_000


@dataclass(frozen=True)
class Case:
    """Paste `fields` into a form and save: expect an error on `error`, or `saved` values."""

    name: str
    fields: dict[str, str]
    error: str = ""  # the field that must show a message
    saved: dict[str, object] = field(default_factory=dict)


APPLICATION = [
    Case("empty company", {"company": ""}, error="company"),
    Case("whitespace company", {"company": "   \t  "}, error="company"),
    Case("10,000-character company", {"company": LONG}, error="company"),
    Case("10,000-character job description", {"company": "Longdesc", "job_description": LONG},
         saved={"company": "Longdesc", "job_description": LONG}),
    Case("emoji", {"company": "🚀 Rocket Labs 👩‍💻", "role": "Dev 🙂"},
         saved={"company": "🚀 Rocket Labs 👩‍💻", "role": "Dev 🙂"}),
    Case("right-to-left", {"company": "שלום בע״מ", "role": "مهندس برمجيات"},
         saved={"company": "שלום בע״מ", "role": "مهندس برمجيات"}),
    Case("colour escape pasted", {"company": "\x1b[31mAcme\x1b[0m Red"},
         saved={"company": "Acme Red"}),
    Case("title-setting escape pasted", {"company": "\x1b]0;pwned\x07Beta"},
         saved={"company": "Beta"}),
    Case("screen-clearing escape in the role", {"company": "Gamma", "role": "\x1b[2J\x1b[HSRE"},
         saved={"role": "SRE"}),
    Case("control characters", {"company": "Del\x00ta\x07\x08"}, saved={"company": "Delta"}),
    Case("C1 control (8-bit CSI)", {"company": "Eps\x9b2Jilon"}, saved={"company": "Eps2Jilon"}),
    Case("escape in the description", {"company": "Zeta", "job_description": "a\x1b[1mb\nc"},
         saved={"job_description": "ab\nc"}),
    Case("markup-looking text", {"company": "[bold]Eta[/bold] [/]", "role": "[red]"},
         saved={"company": "[bold]Eta[/bold] [/]", "role": "[red]"}),
    Case("multi-line paste into one line", {"company": "Theta\nsecond line"},
         saved={"company": "Theta second line"}),
    Case("terminal paste (CR, CRLF) into one line", {"company": "Theta\r\nCorp\rBerlin\r"},
         saved={"company": "Theta Corp Berlin"}),
    Case("terminal paste (CR, CRLF) into the description",
         {"company": "Theta", "job_description": "one\rtwo\r\nthree"},
         saved={"job_description": "one\ntwo\nthree"}),
    Case("combining accents", {"company": "Zoe\u0301 & Co"}, saved={"company": "Zoe\u0301 & Co"}),
    Case("31 February", {"company": "Iota", "applied_on": "2026-02-31"}, error="applied_on"),
    Case("year 0", {"company": "Kappa", "applied_on": "0000-01-01"}, error="applied_on"),
    Case("31 February in words", {"company": "Lambda", "applied_on": "31 February"},
         error="applied_on"),
    Case("month 13", {"company": "Mu", "decision_expected_by": "2026-13-01"},
         error="decision_expected_by"),
    Case("hour 25", {"company": "Nu", "applied_on": "yesterday 25:00"}, error="applied_on"),
    # Issue 12: days before 1970 or more than a year ahead make no sense here.
    Case("far past", {"company": "Xi", "applied_on": "1900-01-01"}, error="applied_on"),
    Case("year 1", {"company": "Omicron", "applied_on": "0001-01-01"}, error="applied_on"),
    Case("applied in the far future", {"company": "Pi", "applied_on": "9999-12-31"},
         error="applied_on"),
    Case("decision in the far future", {"company": "Rho", "decision_expected_by": "9999-12-31"},
         error="decision_expected_by"),
    Case("too far away in words", {"company": "Sigma", "decision_expected_by": "in 99999999 days"},
         error="decision_expected_by"),
    Case("decision before applying",
         {"company": "Tau", "applied_on": "2026-01-10", "decision_expected_by": "2026-01-05"},
         error="decision_expected_by"),
    Case("URL without a scheme", {"company": "Upsilon", "posting_url": "jobs.example.com/42"},
         saved={"posting_url": "https://jobs.example.com/42"}),
    Case("not a URL", {"company": "Phi", "posting_url": "see the email"}, error="posting_url"),
    Case("script URL", {"company": "Chi", "posting_url": "javascript:alert(1)"},
         error="posting_url"),
    Case("10,000-character URL", {"company": "Psi", "posting_url": "https://x.example/" + LONG},
         error="posting_url"),
]

INTERVIEW = [
    Case("empty when", {"starts_at": ""}, error="starts_at"),
    Case("30 February", {"starts_at": "2026-02-30 10:00"}, error="starts_at"),
    Case("ends before it starts", {"starts_at": "2026-11-20 10:00", "ends_at": "08:00"},
         error="ends_at"),
    Case("unknown time zone", {"tz": "Mars/Olympus_Mons"}, error="tz"),
    Case("round zero", {"round": "0"}, error="round"),
    Case("round in words", {"round": "two"}, error="round"),
    Case("round huge", {"round": "9" * 40}, error="round"),
    Case("10,000-character place", {"place": LONG}, error="place"),
    Case("escape in the place", {"place": "\x1b[5mRoom 4\x1b[0m 🚪"},
         saved={"place": "Room 4 🚪"}),
]

CONTACT = [
    Case("empty name", {"full_name": ""}, error="full_name"),
    Case("whitespace name", {"full_name": "  \t "}, error="full_name"),
    Case("email without @", {"full_name": "Ada Lovelace", "email": "ada.example.com"},
         error="email"),
    Case("email with spaces", {"full_name": "Ada Lovelace", "email": "ada @example.com"},
         error="email"),
    Case("a good email", {"full_name": "Ada Lovelace", "email": "ada@example.com"},
         saved={"full_name": "Ada Lovelace", "email": "ada@example.com"}),
    Case("email domain without a dot", {"full_name": "Ada Lovelace", "email": "ada@acme"},
         error="email"),
    Case("email in angle brackets", {"full_name": "Ada Lovelace", "email": "Ada <a@example.com>"},
         error="email"),
    Case("international email", {"full_name": "Renée Roux", "email": "renée@exämple.com"},
         saved={"email": "renée@exämple.com"}),
    Case("email domain in capitals", {"full_name": "Bob Roe", "email": "Bob@Example.COM"},
         saved={"email": "Bob@example.com"}),
    Case("markup in a name", {"full_name": "Grace [/] Hopper", "title": "[b]Admiral"},
         saved={"full_name": "Grace [/] Hopper", "title": "[b]Admiral"}),
    Case("RTL and emoji name", {"full_name": "דוד 🙂 כהן"}, saved={"full_name": "דוד 🙂 כהן"}),
    Case("escape in the name", {"full_name": "\x1b[31mAlan\x1b[0m Turing"},
         saved={"full_name": "Alan Turing"}),
    Case("10,000-character name", {"full_name": LONG}, error="full_name"),
]


# -- the harness -------------------------------------------------------------------------
async def paste_into(app, pilot, screen, name: str, text: str) -> None:
    """Put `text` in a field the way a person pastes it (through the app's paste path)."""
    widget = screen.query_one(f"#field-{name}")
    widget.focus()
    if isinstance(widget, Input):
        widget.value = ""
    elif isinstance(widget, TextArea):
        widget.text = ""
    app.post_message(events.Paste(text))
    await pilot.pause()


def error_text(screen, name: str) -> str:
    return str(screen.query_one(f"#{name}-error", Static).render()).strip()


def no_escape_on_screen(app) -> None:
    """What the screen would send to the terminal holds no pasted escape sequences."""
    for line in screen_text(app).splitlines():
        assert "\x1b" not in line and "\x9b" not in line, repr(line)


async def run_cases(store, app, pilot, cases, open_form, stored):
    """Each case in turn on one app: paste, save, check; what was saved before never changes.

    A form that refused a case stays open, as it does for a person, and takes the next
    case: its errors are cleared and every field set back to what a new form shows, so it
    is the form a new one would be (opening one costs 0.45 s of CPU)."""
    problems = []
    form, fresh = None, {}
    for case in cases:
        before = dump(store.path)
        if form is not None and app.screen is form:
            form.clear_errors()
            set_values(form, fresh)
            await pilot.pause()
            if form.saving or form.values() != fresh:
                problems.append(f"{case.name}: the form left open is not as a new one")
        else:
            form = await open_form()
            fresh = form.values()
        for name, text in case.fields.items():
            await paste_into(app, pilot, form, name, text)
        no_escape_on_screen(app)
        await pilot.press("ctrl+s")
        await written(pilot)
        after = dump(store.path)
        if case.error:
            if app.screen is not form:
                problems.append(f"{case.name}: saved, though {case.error} is wrong")
                continue
            if not error_text(form, case.error):
                problems.append(f"{case.name}: no message beside {case.error}")
            if after != before:
                problems.append(f"{case.name}: the database changed")
            values = form.values()
            for name, text in case.fields.items():  # nothing typed is lost
                if isinstance(form.query_one(f"#field-{name}"), TextArea) and values[name] != text:
                    problems.append(f"{case.name}: the text in {name} changed")
        else:
            if app.screen is form:
                problems.append(f"{case.name}: not saved: {[error_text(form, n) for n in case.fields]}")
                continue
            for table in before:  # what was there stays as it was
                kept = [row for row in before[table] if row not in after[table]]
                if kept and table in ("contact", "note", "thankyou"):
                    problems.append(f"{case.name}: {table} rows changed: {kept}")
            row = stored()
            for name, value in case.saved.items():
                if str(row[name]) != str(value):
                    problems.append(f"{case.name}: {name} saved as {row[name]!r}")
        await pilot.pause()
        no_escape_on_screen(app)
    if form is not None and app.screen is form:
        await pilot.press("escape")
        app.drafts.clear()
    return problems


def set_values(form, values) -> None:
    """Every field of `form` shows `values` (what `form.values()` read)."""
    for name, value in values.items():
        widget = form.query_one(f"#field-{name}")
        if isinstance(widget, TextArea):
            widget.text = value
        else:
            widget.value = value


@pytest.fixture
def store(tmp_path, new_db):
    store = Store.open(new_db(tmp_path / "bad.db"))
    store.applications.add(company="Keep Me", role="Untouched", job_description="precious")
    yield store
    store.close()


def newest(store, table):
    rows = dump(store.path)[table]
    return rows[-1] if rows else {}


async def test_bad_input_in_the_application_form(store):
    from followup_tui.app import FollowupApp
    from followup_tui.screens.application_form import ApplicationForm

    app = FollowupApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        async def open_form():
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, ApplicationForm)
            return app.screen

        problems = await run_cases(store, app, pilot, APPLICATION, open_form,
                                   lambda: newest(store, "application"))
        assert problems == []
        keep = dump(store.path)["application"][0]
        assert (keep["company"], keep["role"], keep["job_description"]) == (
            "Keep Me", "Untouched", "precious")
        await pilot.press("1")  # every saved row shows in the Pipeline without an error
        await pilot.press("end", "home")
        await pilot.pause()
        no_escape_on_screen(app)


async def test_bad_input_in_the_interview_form(store):
    from followup_tui.app import FollowupApp
    from followup_tui.screens.interview_form import InterviewForm

    application = store.applications.add(company="Interviewco")
    app = FollowupApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_application(application)
        await pilot.pause()

        async def open_form():
            app.push_screen(InterviewForm.kept(app).prepare(application))
            await pilot.pause()
            return app.screen

        problems = await run_cases(store, app, pilot, INTERVIEW, open_form,
                                   lambda: newest(store, "interview"))
        assert problems == []


async def test_bad_input_in_the_contact_form(store):
    from followup_tui.app import FollowupApp
    from followup_tui.screens.contact_form import ContactForm

    application = store.applications.add(company="Contactco")
    interview = store.interviews.add(application, dt.datetime(2026, 11, 20, 10, tzinfo=UTC))
    app = FollowupApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_application(application)
        await pilot.pause()

        async def open_form():
            app.push_screen(ContactForm(interview_id=interview))
            await pilot.pause()
            return app.screen

        problems = await run_cases(store, app, pilot, CONTACT, open_form,
                                   lambda: newest(store, "contact"))
        assert problems == []
        await pilot.pause()
        no_escape_on_screen(app)  # the panel lists the saved names, markup and all


# -- the command line -------------------------------------------------------------------
CLI = [
    ("demo with an impossible --today", ["demo", "--today", "2026-02-31"]),
    ("demo with year 0", ["demo", "--today", "0000-01-01"]),
    ("demo with words for --today", ["demo", "--today", "someday"]),
    ("demo with a negative size", ["demo", "--size", "-5"]),
    ("import of a file that is not there", ["import", "{tmp}/nowhere.json"]),
    ("import of a folder", ["import", "{tmp}"]),
    ("export over an existing file", ["export", "--json", "{tmp}/exists.txt"]),
    ("a 10,000-character --db path", ["agenda", "--db", "{tmp}/" + "d" * 10_000]),
    ("a --db path through a file", ["agenda", "--db", "{tmp}/exists.txt/sub.db"]),
]


@pytest.mark.parametrize("args", [c[1] for c in CLI], ids=[c[0] for c in CLI])
def test_bad_input_on_the_command_line(tmp_path, args, capsys):
    db = tmp_path / "cli.db"
    store = Store.open(db)
    store.applications.add(company="Keep Me")
    store.close()
    (tmp_path / "exists.txt").write_text("precious")
    before = dump(db)
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    if "--db" not in args:
        args += ["--db", str(db)]
    try:
        code = main(args)
    except SystemExit as leave:  # argparse
        code = leave.code
    err = capsys.readouterr().err.strip()
    assert code != 0
    assert err and len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert dump(db) == before
    assert (tmp_path / "exists.txt").read_text() == "precious"


def test_a_good_emoji_db_path_works(tmp_path, capsys):
    path = tmp_path / "📁 notes" / "דוד.db"
    assert main(["export", "--db", str(path), "--json", str(tmp_path / "b.json")]) != 0
    assert main(["demo", "--db", str(path)]) == 0
    assert main(["export", "--db", str(path), "--json", str(tmp_path / "b.json")]) == 0


async def test_brackets_in_names_are_shown_as_typed_in_every_pane(store):
    """Square brackets are Textual markup: a name like "Acme [Europe]" must show as typed,
    and "Grace [/] Hopper" must not crash a pane."""
    from followup_tui.app import FollowupApp

    application = store.applications.add(company="Acme [Europe]", role="SRE [/] Ops")
    interview = store.interviews.add(application, dt.datetime(2026, 11, 20, 10, tzinfo=UTC))
    contact = store.people.add(full_name="Grace [/] Hopper", title="[b]Admiral")
    store.interviews.add_to_panel(interview, contact)
    app = FollowupApp(store)
    async with app.run_test(size=(160, 40)) as pilot:
        app.open_application(application)
        await pilot.pause()
        for pane in ("2", "3", "4", "1"):
            await pilot.press(pane)
            await pilot.pause()
            text = screen_text(app)
            if pane in "23":
                assert "Acme [Europe]" in text, pane
                assert "Grace [/] Hopper" in text, pane

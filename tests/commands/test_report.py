"""`followup-tui report`: the job-search log of a hand-built search (insights_history), in
Markdown, CSV and JSON, with the names people really have, and its bad input."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path

import pytest

from followup_tui.__main__ import main
from followup_tui.playbook.job_log import Activity, Reaction, totals, with_results
from followup_tui.reports import markdown_cell, spreadsheet_safe
from followup_tui.store import Store
from tests.store.insights_history import frozen, history_file  # noqa: F401 (a fixture)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return history_file(tmp_path_factory.mktemp("report"), profile="Zoë | \"Z\" Ng")


pytestmark = pytest.mark.usefixtures("frozen")


def report(db: Path, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["report", "--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_markdown_log_title_table_and_totals(db, capsys):
    code, out, _err = report(db, capsys, "--from", "2026-11-01")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == r'# Job-search log — Zoë \| "Z" Ng'
    assert lines[2] == "Period: 1 November 2026 – 2 December 2026"
    rows = [line for line in lines if line.startswith("| 2026-")]
    assert [row.split(" | ")[0] for row in rows] == [
        "| 2026-11-10", "| 2026-11-20", "| 2026-11-24", "| 2026-11-24", "| 2026-11-25",
        "| 2026-11-27", "| 2026-11-28"]  # oldest first; Cobalt (August) is outside
    assert rows[0] == (r"| 2026-11-10 | Bolt \| Ölwerke | Data \[Lead\] | — | — | "
                       r"online application | applied | rejection |")
    assert rows[1].startswith("| 2026-11-20 | Acme | Engineer Senior |")  # one line
    assert ("| 2026-11-24 | Acme | Engineer Senior | María José O'Neil | CTO | video | "
            "interview round 1 | interview invitation |") in rows
    assert ("| 2026-11-27 | Acme | Engineer Senior | María José O'Neil | CTO | email | "
            "check-in | offer |") in rows
    assert all(row.count(" | ") == 7 for row in rows)  # no cell splits the table
    assert ("**Totals:** 7 activities with 3 employers: 3 applied, 2 interviews, "
            "1 thank-you, 1 check-in.") in out
    assert "- rejection: 1" in out and "- no answer yet: 1" in out


def test_csv_quotes_what_spreadsheets_need(db, capsys):
    _code, out, _err = report(db, capsys, "--format", "csv")
    assert out.startswith("\ufeffDate,Employer,Position,Person contacted,Title,Method,")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"), newline="")))
    assert len(rows) == 1 + 8
    assert rows[1] == ["2026-08-01", 'Cobalt, "Old" Ltd', "Analyst", "", "", "online application",
                       "applied", "no answer yet"]
    assert '"Cobalt, ""Old"" Ltd"' in out and '"Engineer\nSenior"' in out
    assert "\r\n" in out


def test_json_log_and_its_totals(db, capsys):
    _code, out, _err = report(db, capsys, "--format", "json", "--from", "nov 20",
                              "--to", "nov 28")
    log = json.loads(out)
    assert (log["format"], log["from"], log["to"]) == (
        "followup-tui-job-search-log", "2026-11-20", "2026-11-28")
    assert log["person"] == 'Zoë | "Z" Ng'
    assert [a["activity"] for a in log["activities"]] == [
        "applied", "interview round 1", "thank-you", "applied", "check-in", "interview round 2"]
    assert log["activities"][0]["person"] is None
    assert log["totals"]["by_result"] == {"no answer yet": 1, "interview invitation": 3,
                                          "offer": 2}
    assert log["totals"]["employers"] == 2


def test_bad_dates_and_a_reversed_period_exit_1_with_one_line(db, capsys):
    code, out, err = report(db, capsys, "--from", "the 45th")
    assert (code, out) == (1, "") and err.startswith("followup-tui: --from: ")
    assert "the 45th" in err
    assert err.count("\n") == 1
    code, _out, err = report(db, capsys, "--from", "2026-11-30", "--to", "2026-11-01")
    assert code == 1 and err == ("followup-tui: --from: 30 November 2026 "
                                 "is after the end of the period (1 November 2026): give the "
                                 "earlier day first.\n")
    code, _out, err = report(db, capsys, "--to", "2026-02-31")
    assert code == 1 and err.startswith("followup-tui: --to: ") and "2026-02-31" in err


def test_the_file_is_private_and_replaces_only_a_log(db, capsys, tmp_path):
    target = tmp_path / "log.md"
    code, out, err = report(db, capsys, "-o", str(target))
    assert (code, out) == (0, "") and "Wrote 8 activities" in err
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    assert target.read_text(encoding="utf-8").startswith("# Job-search log")
    assert report(db, capsys, "-o", str(target))[0] == 0  # our own log: replaced
    other = tmp_path / "notes.md"
    other.write_text("my notes\n")
    code, _out, err = report(db, capsys, "-o", str(other))
    assert code == 1 and "is not a job-search log followup-tui wrote" in err
    assert other.read_text() == "my notes\n"
    csv_file = tmp_path / "log.csv"
    assert report(db, capsys, "--format", "csv", "-o", str(csv_file))[0] == 0
    assert report(db, capsys, "--format", "md", "-o", str(csv_file))[0] == 1  # not a .md log


def test_an_empty_database_has_an_empty_log(tmp_path, capsys, new_db):
    path = new_db(tmp_path / "empty.db")
    code, out, _err = report(path, capsys)
    assert code == 0 and "No activity in this period." in out
    assert "**Totals:** 0 activities with 0 employers." in out
    assert json.loads(report(path, capsys, "--format", "json")[1])["activities"] == []


def test_a_missing_database_is_not_created(tmp_path, capsys):
    code, _out, err = report(tmp_path / "none.db", capsys)
    assert code == 1 and "does not exist" in err and not (tmp_path / "none.db").exists()


def test_markdown_and_csv_cells_stay_text():
    assert markdown_cell("A|B *bold* [x](y)\nnext") == r"A\|B \*bold\* \[x\]\(y\) next"
    assert markdown_cell("") == "—"
    assert spreadsheet_safe("=HYPERLINK(1)") == "'=HYPERLINK(1)" and spreadsheet_safe("Acme") == "Acme"


def test_a_result_is_the_first_and_most_decisive_reaction():
    import datetime as dt

    day = dt.date(2026, 11, 1)
    applied = Activity(day, 1, "Acme", "", "applied")
    interview = Activity(day + dt.timedelta(days=5), 1, "Acme", "", "interview round 1",
                         interview_id=7)
    found = with_results([interview, applied], [
        Reaction(day + dt.timedelta(days=5), 1, "interview invitation", interview_id=7),
        Reaction(day + dt.timedelta(days=9), 1, "answer"),
        Reaction(day + dt.timedelta(days=9), 1, "rejection"),
        Reaction(day - dt.timedelta(days=1), 1, "offer"),  # before: no result of either
    ])
    assert [(a.what, a.result) for a in found] == [
        ("applied", "interview invitation"), ("interview round 1", "rejection")]
    assert totals(found).words() == "2 activities with 1 employer: 1 applied, 1 interview."
    assert with_results([Activity(day, 2, "Beta", "", "applied")], [])[0].result == "no answer yet"

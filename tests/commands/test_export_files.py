"""`export --csv` and `export --vcf` (docs/cli.md): what a spreadsheet program and an
address book open, and what `import` reads back without doubling anything."""

from __future__ import annotations

import csv
import datetime as dt
import io
import stat

from followup_tui.commands.export_files import HEADER, csv_text, vcf_text
from followup_tui.imports.spreadsheet import read_spreadsheet
from followup_tui.imports.vcard import read_cards
from followup_tui.store import Store
from tests.cli import run_cli

UTC = dt.timezone.utc


def filled(store: Store) -> int:
    app = store.applications.add(company="Initech", role="Platform Engineer",
                                applied_on=dt.date(2026, 11, 21), location="Austin, TX",
                                source="referral", posting_url="https://initech.example/42")
    store.applications.add(company="=HYPERLINK(\"x\")", role="-1+1")
    interview = store.interviews.add(app, dt.datetime(2026, 12, 3, 13, tzinfo=UTC),
                                    tz="Europe/Berlin", format="video")
    bill = store.people.add(full_name="Bill Lumbergh", email="bill@initech.com",
                             title="Director, Platform", phone="+1 512 555 0134",
                             postal_address="4120 Freidrich Lane\nAustin, TX 78744\nUnited States")
    store.interviews.add_to_panel(interview, bill)
    store.people.add(full_name="Hélène Lefèvre", email="helene@globex.fr")
    return app


def test_the_spreadsheet_has_every_column_and_reads_back_as_the_same_applications(store):
    filled(store)
    text = csv_text(store)
    assert text.startswith("\ufeff") and "\r\n" in text
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert tuple(rows[0]) == HEADER
    initech = next(r for r in rows if r[0] == "Initech")
    assert initech[:7] == ["Initech", "Platform Engineer", "interviewing", "2026-11-21",
                           "Austin, TX", "referral", "https://initech.example/42"]
    assert initech[10] == "round 1 2026-12-03 14:00 video"  # in the interview's zone
    assert initech[11] == "Bill Lumbergh (interviewer) <bill@initech.com>"
    assert "applied; " in initech[12] and "interviewing (first interview added)" in initech[12]
    formula = next(r for r in rows if "HYPERLINK" in r[0])
    assert formula[0] == "'=HYPERLINK(\"x\")" and formula[1] == "'-1+1"
    sheet = read_spreadsheet(text.encode("utf-8"))
    result = store.imports.spreadsheet(sheet.jobs, sheet.layout.title)
    assert (len(result.added), len(result.skipped)) == (1, 1)  # the formula row is renamed
    assert [j.company for j in result.added] == ["'=HYPERLINK(\"x\")"]


def test_the_cards_read_back_as_the_same_contacts(store):
    app = filled(store)
    text = vcf_text(store)
    assert text.count("BEGIN:VCARD") == 2
    bill, helene = read_cards(text.encode("utf-8"))
    assert (bill.full_name, bill.title, bill.email, bill.phone) == (
        "Bill Lumbergh", "Director, Platform", "bill@initech.com", "+1 512 555 0134")
    # The address as typed, every line (it was cut at its last line, taken for a country).
    assert bill.postal_address == "4120 Freidrich Lane\nAustin, TX 78744\nUnited States"
    import vobject

    card = vobject.readOne(text)
    assert card.adr.value.street == bill.postal_address and card.adr.value.country == ""
    assert card.label.value == bill.postal_address
    assert helene.full_name == "Hélène Lefèvre"
    assert store.imports.cards((bill, helene)).added == []
    only = read_cards(vcf_text(store, app).encode("utf-8"))
    assert [c.full_name for c in only] == ["Bill Lumbergh"]


def test_export_csv_and_vcf_on_the_command_line(tmp_path, new_db):
    db = new_db(tmp_path / "f.db")
    store = Store.open(db)
    filled(store)
    store.close()
    for option, name in (("--csv", "apps.csv"), ("--vcf", "people.vcf")):
        done = run_cli("export", option, str(tmp_path / name), "--db", str(db))
        assert done.returncode == 0 and done.stdout == f"Wrote {tmp_path / name}\n", done.stderr
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o600
    again = run_cli("export", "--csv", str(tmp_path / "apps.csv"), "--db", str(db))
    assert again.returncode == 1 and "already exists" in again.stderr

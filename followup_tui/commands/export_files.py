"""`followup-tui export --csv FILE` (the applications as a spreadsheet) and
`--vcf FILE` (the contacts as vCards), as docs/cli.md describes; `-` is standard output."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup_tui.commands import output
from followup_tui.playbook.dates import local_day
from followup_tui.store.export_rows import ApplicationExport, application_rows, contact_cards

if TYPE_CHECKING:
    from followup_tui.store import Store

HEADER = ("Company", "Role", "Stage", "Applied on", "Location", "Source", "URL",
          "Decision expected by", "Last exchange", "Next touch", "Interviews", "Contacts",
          "Stage history")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """A cell no spreadsheet runs as a formula (OWASP's CSV injection advice)."""
    return "'" + text if text.startswith(_FORMULA) else text


def _local(moment: dt.datetime, tz: str) -> str:
    try:
        zone = ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        zone = None
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def csv_row(row: ApplicationExport) -> list[str]:
    interviews = "; ".join(
        f"round {round_} {_local(starts, tz)} {fmt}" + (" (cancelled)" if cancelled else "")
        for round_, starts, tz, fmt, cancelled in row.interviews)
    contacts = "; ".join(f"{name} ({role})" + (f" <{email}>" if email else "")
                         for name, role, email in row.contacts)
    history = "; ".join(f"{local_day(when).isoformat()} {stage}"
                        + (f" ({note})" if note else "") for when, stage, note in row.history)
    cells = [row.company, row.role, row.stage, row.applied_on, row.location, row.source,
             row.posting_url, row.decision_expected_by, row.last_exchange_on,
             row.next_touch_due, interviews, contacts, history]
    return [_cell(cell) for cell in cells]


def csv_text(store: Store) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in application_rows(store.db):
        writer.writerow(csv_row(row))
    return "\ufeff" + buffer.getvalue()  # the BOM: Excel then reads UTF-8


def vcf_text(store: Store, application_id: int | None = None) -> str:
    import vobject

    out = []
    for name, title, organisation, email, phone, address, linkedin in contact_cards(
            store.db, application_id):
        card = vobject.vCard()
        card.add("fn").value = name
        parts = name.rsplit(" ", 1)
        card.add("n").value = vobject.vcard.Name(
            family=parts[-1] if len(parts) > 1 else name, given=parts[0] if len(parts) > 1 else "")
        if title:
            card.add("title").value = title
        if organisation:
            card.add("org").value = [organisation]
        if email:
            line = card.add("email")
            line.value, line.type_param = email, "INTERNET"
        if phone:
            card.add("tel").value = phone
        if address:  # as typed, its lines kept: the app stores no city or country apart
            card.add("adr").value = vobject.vcard.Address(street=address)
            card.add("label").value = address  # vCard 3.0's printed form of the address
        if linkedin:
            card.add("url").value = linkedin
        out.append(card.serialize())
    return "".join(out)


def write_text(path: Path | str, text: str) -> Path | None:
    """To a new file (0600, never over another) or standard output for `-`."""
    if output.is_stdout(path):
        with output.standard_output() as handle:
            handle.write(text.encode("utf-8"))
        return None
    path = Path(path).expanduser()
    with output.new_file(path) as handle:
        handle.write(text.encode("utf-8"))
    return path

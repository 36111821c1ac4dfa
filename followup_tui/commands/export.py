"""`followup-tui export --json FILE | --ics FILE | --csv FILE | --vcf FILE` (`-`: standard output) and
`followup-tui import FILE`."""

from __future__ import annotations

from pathlib import Path

from followup_tui.store import Store


def run(path: Path, *, json_file: str | None, ics_file: str | None,
        csv_file: str | None = None, vcf_file: str | None = None,
        application_id: int | None = None) -> int:
    """Export to a file (0600) or, for `-`, to standard output; the database is opened,
    never created."""
    store = Store.open(path, create=False)
    try:
        if csv_file is not None or vcf_file is not None:
            from followup_tui.commands.export_files import csv_text, vcf_text, write_text

            if csv_file is not None:
                written = write_text(csv_file, csv_text(store))
            elif vcf_file is not None:
                written = write_text(vcf_file, vcf_text(store, application_id))
        elif ics_file is not None:
            from followup_tui.commands.calendar import write_ics

            written = write_ics(store, ics_file)
        else:
            from followup_tui.commands.backup import write_json

            assert json_file is not None  # the parser asks for one of the four
            written = write_json(store, json_file)
    finally:
        store.close()
    if written is not None:  # standard output holds the export alone
        print(f"Wrote {written}")
    return 0


def run_import(path: Path, source: Path, *, merge: bool) -> int:
    """Restore a --json export; refuses a database with data unless --merge; never deletes."""
    from followup_tui.commands.backup import load_backup, read_json

    source = source.expanduser()
    rows = load_backup(source)  # a bad backup is refused before any database is created
    store = Store.open(path)
    try:
        summary = read_json(store, source, merge=merge, rows=rows)
    finally:
        store.close()
    print(summary)
    return 0

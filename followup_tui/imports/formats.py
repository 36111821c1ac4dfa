"""Which importer reads a file: `--format NAME`, else what the content says, else its
name's extension (docs/cli.md, "import")."""

from __future__ import annotations

from followup_tui.imports.csv_layouts import LAYOUTS
from followup_tui.imports.refused import Refused

KINDS = ("json", "ics", "vcf", "csv")
FORMATS = KINDS + tuple(LAYOUTS)  # the CSV layouts name their kind too
_EXTENSIONS = {".json": "json", ".ics": "ics", ".ical": "ics", ".ifb": "ics",
               ".vcs": "ics", ".vcf": "vcf", ".vcard": "vcf", ".csv": "csv",
               ".tsv": "csv", ".txt": "csv"}


def kind_of(name: str, data: bytes, chosen: str | None = None) -> tuple[str, str | None]:
    """(kind, CSV layout or None) of a file named `name` holding `data`."""
    if chosen:
        return ("csv", chosen) if chosen in LAYOUTS else (chosen, None)
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").upper()
    if head.startswith((b"{", b"[")):
        return "json", None
    if head.startswith(b"BEGIN:VCALENDAR"):
        return "ics", None
    if head.startswith(b"BEGIN:VCARD"):
        return "vcf", None
    suffix = name[name.rfind("."):].lower() if "." in name else ""
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix], None
    if not data.strip():
        raise Refused("it is empty")
    if b"\x00" in data[:4096]:
        raise Refused("it is not text (a binary file?): the app imports .ics invitations, "
                      ".csv spreadsheets, .vcf cards and its own .json backups")
    return "csv", None

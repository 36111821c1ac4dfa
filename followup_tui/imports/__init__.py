"""Reading other programs' files: calendar invitations, trackers' spreadsheets, vCards.

Pure parsing: bytes in, plain frozen dataclasses out, a `Refused` with one sentence for
a file that cannot be read. Nothing here touches the database (store/imports.py writes)
or the terminal (docs/cli.md, "import").
"""

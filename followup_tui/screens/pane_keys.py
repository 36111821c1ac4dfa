"""Every pane's keys, in one table: the rows of docs/keys.md, each with its binding id.

A row: the key (Textual's name; several with commas), the binding id a `[keys]` entry
of settings.toml gives other keys (keymap.py), the action (the pane's `action_<name>`,
or the app's for `app.<name>`), the footer's words, and how it acts: "hidden" keeps it
out of the footer (the `?` help still lists it), "priority" lets it act as it is read,
before the focused list sees it. A pane's rows stand in the order its footer and help
show them: `pane_keys("agenda")` is the Agenda's `BINDINGS`. The keys several panes
offer (`/`, `c`, `l`, `I`) have the same key, action and words in each.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType

PANE_KEYS = (
    # key      binding id                 action                   footer words             how
    # Pipeline (`1`), screens/pipeline.py
    ("enter",   "pipeline.open",           "open",                  "Open notes",            ""),
    ("a",       "pipeline.add",            "add",                   "Add",                   ""),
    ("e",       "pipeline.edit",           "edit",                  "Edit",                  ""),
    ("s",       "pipeline.stage",          "stage",                 "Stage",                 ""),
    ("l",       "pipeline.log",            "log",                   "Log exchange",          ""),
    ("p",       "pipeline.add_person",     "add_person",            "Add person",            ""),
    ("c",       "pipeline.contacts",       "app.contacts",          "Contacts",              ""),
    ("t",       "pipeline.timeline",       "timeline",              "Timeline",              ""),
    ("o",       "pipeline.offer",          "offer",                 "Offer: accept/decline", ""),
    ("x",       "pipeline.archive",        "archive",               "Archive",               ""),
    ("X",       "pipeline.show_archived",  "toggle_archived",       "Show archived",         ""),
    ("slash",   "pipeline.filter",         "filter",                "Filter",                ""),
    ("I",       "pipeline.import",         "app.import_file",       "Import",                ""),
    # Notes (`2`), screens/notes.py
    ("i",       "notes.add_interview",     "add_interview",         "Add interview",         ""),
    ("p",       "notes.add_person",        "add_person",            "Add to panel",          ""),
    ("P",       "notes.add_app_person",    "add_person(True)",      "Add to application",    ""),
    ("c",       "notes.contacts",          "app.contacts",          "Contacts",              ""),
    ("e",       "notes.edit",              "edit",                  "Edit",                  ""),
    ("l",       "notes.log",               "log",                   "Log exchange",          ""),
    ("r",       "notes.prep",              "prep",                  "Next-round prep",       ""),
    ("delete",  "notes.delete",            "delete",                "Delete",                ""),
    # From Notes, a file's cards go onto the interview's panel too.
    ("I",       "notes.import",            "app.import_file(True)", "Import",                ""),
    # As it is read, like the list's own keys: what is typed right behind it is a note.
    ("enter",   "notes.write",             "write_notes",           "Write notes",           "hidden priority"),
    # Thank-you (`3`), screens/thank_you.py
    ("g",       "thanks.generate",         "generate",              "Generate draft",        ""),
    ("m",       "thanks.medium",           "medium",                "Medium",                ""),
    ("E",       "thanks.export",           "export",                "Export",                ""),
    ("c",       "thanks.copy",             "copy",                  "Copy",                  ""),
    ("S",       "thanks.mark_sent",        "mark_sent",             "Mark sent",             ""),
    ("e",       "thanks.edit_card",        "edit_card",             "Edit card",             ""),
    ("u",       "thanks.profile",          "profile",               "Your details",          ""),
    # As it is read, like the list's own keys: what is typed right behind it is the note's.
    ("enter",   "thanks.write",            "write_draft",           "Write the note",        "hidden priority"),
    # Agenda (`4`), screens/agenda.py
    ("enter",   "agenda.details",          "details",               "Script & person",       ""),
    ("d",       "agenda.done",             "done",                  "Done",                  ""),
    ("z",       "agenda.snooze_day",       "snooze(1)",             "Snooze a day",          ""),
    ("Z",       "agenda.snooze_week",      "snooze(7)",             "Snooze a week",         ""),
    ("D",       "agenda.redate",           "redate",                "Re-date",               ""),
    ("e",       "agenda.edit",             "edit",                  "Edit",                  ""),
    ("delete",  "agenda.skip",             "skip",                  "Skip",                  ""),
    ("slash",   "agenda.filter",           "filter",                "Filter",                ""),
    # Insights (`5`), screens/insights.py
    ("p",       "insights.period",         "period",                "Period",                ""),
    ("L",       "insights.job_log",        "app.job_log",           "Job-search log",        ""),
    ("j",       "insights.down",           "scroll('down')",        "Scroll down",           "hidden"),
    ("k",       "insights.up",             "scroll('up')",          "Scroll up",             "hidden"),
    # Contacts (`c`), screens/contacts.py
    ("escape",  "contacts.close",          "close",                 "Back",                  ""),
    ("enter,e", "contacts.edit",           "edit",                  "Edit card",             ""),
    ("slash",   "contacts.filter",         "filter",                "Filter",                ""),
)


def pane_keys(pane: str) -> list[BindingType]:
    """The BINDINGS of one pane: its rows of PANE_KEYS (ids `<pane>.…`), in order."""
    return [Binding(key, action, words, show="hidden" not in how, priority="priority" in how,
                    id=binding_id)
            for key, binding_id, action, words, how in PANE_KEYS
            if binding_id.startswith(f"{pane}.")]

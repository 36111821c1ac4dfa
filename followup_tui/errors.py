"""The errors worded for the person who can act on them, shared by every layer.

Pure (no imports): the store raises them, the playbook's field checks raise them, and
forms and commands catch them without importing the store. A field's refusal is a
StoreError too, so every place that shows a store's refusal shows it the same way.
"""

from __future__ import annotations


class StoreError(Exception):
    """A problem with the database file, or a value it cannot hold, worded for the
    person who owns it."""


class FieldError(StoreError):
    """A value that cannot be saved, with the field it belongs to."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class FieldErrors(StoreError):
    """Several fields that cannot be saved: a form shows them all at once."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(error.message for error in errors))
        self.errors = errors

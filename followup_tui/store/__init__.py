"""The only code that opens sessions or writes SQL. No Textual here."""

from followup_tui.store.base import BusyError, ConflictError, StoreError
from followup_tui.store.store import Store

__all__ = ["BusyError", "ConflictError", "Store", "StoreError"]

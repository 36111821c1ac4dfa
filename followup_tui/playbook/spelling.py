"""The English dictionary proofreading (R5: no typos) and the drafts' grammar share.

pyspellchecker's bundled word list takes ~0.3 s and ~35 MiB to build, so it is built
once per process, on first use (never at import), and a lock makes a second thread
wait for the first one's copy instead of building its own.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spellchecker import SpellChecker

_lock = threading.Lock()
_dictionary: SpellChecker | None = None


def dictionary() -> SpellChecker:
    """The English dictionary, built on the first call from any thread."""
    global _dictionary
    if _dictionary is None:
        with _lock:
            if _dictionary is None:
                from spellchecker import SpellChecker

                _dictionary = SpellChecker(language="en")
    return _dictionary

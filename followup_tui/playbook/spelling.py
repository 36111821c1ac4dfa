"""The English dictionary proofreading (R5: no typos) and the drafts' grammar share.

The words are pyspellchecker's English list (160,000 words with their frequencies). As a
dict of Python strings it costs ~35 MiB and 0.3 s; here it is one sorted UTF-8 blob with
an offset per word (~2 MiB), searched by bisection, plus the thousand most common words
as a set. It is built once per process on first use (never at import); a lock makes a
second thread wait for the first one's copy instead of building its own.
"""

from __future__ import annotations

import gzip
import re
import string
import threading
from array import array
from collections.abc import Iterable, Iterator
from importlib.util import find_spec
from itertools import accumulate
from pathlib import Path

# A word this frequent in the list is everyday English ("will", "look"), even when it is
# also a name (docs/playbook.md R5: names are checked against the card, not the dictionary).
COMMON_WORD_FREQUENCY = 100_000

_ENTRY = re.compile(rb'"([^"\\]*)": (\d+)')  # one `"word": count` line of the word list


class Dictionary:
    """Which words are English, and which of them are common."""

    def __init__(self, entries: Iterable[tuple[bytes, int]]) -> None:
        """`entries`: (lower-case UTF-8 word, count) pairs, best in sorted order (the list
        on disk is): they are packed as they come, never held all at once."""
        blob, ends = bytearray(), array("I")
        common: set[str] = set()
        previous, in_order, longest = b"", True, 0
        for word, count in entries:
            longest = max(longest, len(word))
            in_order = in_order and previous < word
            previous = word
            blob += word
            ends.append(len(blob))
            if count >= COMMON_WORD_FREQUENCY:
                common.add(word.decode())
        self._blob, self._ends, self._common = bytes(blob), ends, frozenset(common)
        if not in_order:  # another list than the one shipped: sort it once
            words = sorted(self._word(i) for i in range(len(ends)))
            self._blob, self._ends = b"".join(words), array("I")
            for end in accumulate(len(w) for w in words):
                self._ends.append(end)
        self._longest = longest  # in bytes: for a non-ASCII word a little more than its letters

    def __len__(self) -> int:
        return len(self._ends)

    def _word(self, i: int) -> bytes:
        start = self._ends[i - 1] if i else 0
        return self._blob[start:self._ends[i]]

    def _has(self, word: str) -> bool:
        key = word.encode()
        low, high = 0, len(self._ends)
        while low < high:
            mid = (low + high) // 2
            if self._word(mid) < key:
                low = mid + 1
            else:
                high = mid
        return low < len(self._ends) and self._word(low) == key

    def worth_checking(self, word: str) -> bool:
        """Numbers, lone punctuation and strings longer than any word are never typos."""
        if len(word) == 1 and word in string.punctuation:
            return False
        if len(word) > self._longest + 3:
            return False
        try:
            float(word)
        except ValueError:
            return True
        return word.lower() in ("nan", "inf", "infinity")

    def knows(self, word: str) -> bool:
        """Whether `word` (any case) is an English word."""
        return self._has(word.lower())

    def unknown(self, words: list[str]) -> set[str]:
        """The words (lower-cased) worth checking that the dictionary does not know."""
        return {w.lower() for w in words if self.worth_checking(w) and not self.knows(w)}

    def is_common(self, word: str) -> bool:
        """An everyday English word, as opposed to a rare one or only a name."""
        return word.lower() in self._common


def _entries() -> Iterator[tuple[bytes, int]]:
    """(word, count) pairs read line by line from pyspellchecker's gzipped list, so the
    list is never a dict of 160,000 strings, not even for a moment."""
    spec = find_spec("spellchecker")  # where it is, without importing it
    folders = list(spec.submodule_search_locations or ()) if spec else []
    source = Path(folders[0] if folders else ".", "resources", "en.json.gz")
    if not source.is_file():  # a pyspellchecker that keeps its list elsewhere
        from spellchecker import SpellChecker

        counts = SpellChecker(language="en").word_frequency.dictionary
        yield from ((word.encode(), int(count)) for word, count in counts.items())
        return
    with source.open("rb") as packed, gzip.GzipFile(fileobj=packed) as lines:
        for line in lines:
            if match := _ENTRY.match(line):
                yield match[1], int(match[2])


_lock = threading.Lock()
_dictionary: Dictionary | None = None


def dictionary() -> Dictionary:
    """The English dictionary, built on the first call from any thread."""
    global _dictionary
    if _dictionary is None:
        with _lock:
            if _dictionary is None:
                _dictionary = Dictionary(_entries())
    return _dictionary

"""The local time zone of a test, set and restored."""

from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Iterator

import pytest


@contextmanager
def local_zone(name: str) -> Iterator[None]:
    """Local time is the zone `name` inside (TZ and the C library's zone), restored after."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", name)
        time.tzset()
        yield
    time.tzset()

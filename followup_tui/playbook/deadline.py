"""When a touch is due (docs/playbook.md): a thank-you 24 hours after its interview ended
(R4), any other touch at the end of its due day."""

from __future__ import annotations

import datetime as dt

THANK_YOU_WINDOW = dt.timedelta(hours=24)  # R4


def thank_you_deadline(interview_end: dt.datetime) -> dt.datetime:
    """R4: the note is due 24 hours after the interview ends."""
    return interview_end + THANK_YOU_WINDOW

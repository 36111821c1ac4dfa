"""Other trackers' statuses (Huntr's lists, Teal's and JobSync's statuses) in our
stages (docs/cli.md, "Spreadsheets")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from followup_tui.playbook import words

GONE_QUIET = "gone quiet"


@dataclass(frozen=True)
class Stage:
    stage: str  # one of words.STAGES
    gone_quiet: bool = False  # ghosted: applied, with "gone quiet" in the history


_WORDS: dict[str, Stage] = {}
for _stage, _names in (
    (words.SAVED, ("wishlist", "wish list", "saved", "bookmarked", "bookmark", "interested",
                   "to apply", "want to apply", "planned", "draft", "watching")),
    (words.APPLIED, ("applied", "applying", "application sent", "submitted", "sent",
                     "in review", "under review", "pending", "new", "active", "")),
    (words.INTERVIEWING, ("interview", "interviews", "interviewing", "phone screen",
                          "screen", "screening", "technical", "onsite", "on-site",
                          "assessment", "in progress", "in-progress")),
    (words.OFFER, ("offer", "offers", "offer received", "offered", "negotiating",
                   "negotiation")),
    (words.ACCEPTED, ("accepted", "hired", "offer accepted", "signed")),
    (words.DECLINED, ("declined", "offer declined", "turned down")),
    (words.REJECTED, ("rejected", "rejection", "not selected", "no offer", "denied",
                      "closed", "unsuccessful")),
    (words.WITHDRAWN, ("withdrawn", "withdrew", "withdraw", "not interested", "archived",
                       "expired", "dropped")),
):
    for _name in _names:
        _WORDS[_name] = Stage(_stage)
for _name in ("ghosted", "ghost", "no response", "no answer", "no reply", "gone quiet",
              "stale"):
    _WORDS[_name] = Stage(words.APPLIED, gone_quiet=True)
for _stage in words.STAGES:  # our own words, as `export --csv` writes them
    _WORDS.setdefault(_stage, Stage(_stage))


def stage_of(status: str) -> Stage | None:
    """Our stage for a tracker's status (None: a status we cannot place)."""
    key = re.sub(r"[\s_]+", " ", re.sub(r"[^\w\s-]", " ", status)).strip().casefold()
    return _WORDS.get(key)

"""What you promised to send (R3's "documents or data I still owe them", R5).

A line of the owed section may name whom it is for ("A reference list for Priya by
Thursday", "to Tom: the deck", "Send Priya the figures") and when ("by Friday",
"tomorrow", "Nov 27", "end of the week"). `parse_promises` reads each line into a
`Promise`: what is owed, to whom (people on file, matched by full or first name,
case-insensitively; nobody named means everyone on the panel) and by which day
(counted from the interview's day). The plan makes each one a `send` touch due that
day; the thank-you to that person says it, and nobody else's does.

Pure and cheap (no dictionary): the plan parses these on every replan.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from followup_tui.playbook.dates import MONTH_INDEX, WEEKDAY_INDEX, WEEKDAYS, long_day
from followup_tui.playbook.draft_context import DraftContext
from followup_tui.playbook.names import first_name
from followup_tui.playbook.sections import note_lines

# Words that say "soon" without a day: a promise with a day needs none of them (R5).
VAGUE_TIME = ("as soon as possible", "asap", "a.s.a.p.", "soon", "shortly", "later",
              "right away", "this afternoon", "this evening")
FRIDAY = 4

_WD = "|".join(sorted(WEEKDAY_INDEX, key=len, reverse=True))
_MO = "|".join(sorted(MONTH_INDEX, key=len, reverse=True))
_DAY_WORDS = (
    rf"(?:(?:this|next)\s+)?(?:{_WD})\.?(?:\s+next\s+week)?"
    r"|today|tonight|tomorrow|end\s+of\s+(?:the\s+)?(?:day|week)|eod|eow|cob"
    r"|(?:this|next)\s+week|in\s+\d{1,2}\s+(?:days?|weeks?)"
    r"|\d{4}-\d{1,2}-\d{1,2}"
    rf"|(?:{_MO})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MO})\b\.?"
)
_WHEN = re.compile(
    r"(?:,\s*|\s+|^)(?P<prep>by|before|on|until|till|due|no\s+later\s+than)?\s*"
    rf"(?:the\s+)?(?P<day>{_DAY_WORDS})(?![\w’'-])", re.IGNORECASE)
_VAGUE = re.compile(r"(?:,\s*|\s+|^)(?:" + "|".join(re.escape(v) for v in VAGUE_TIME) + r")(?![\w-])",
                    re.IGNORECASE)
_LEAD_VERB = re.compile(
    r"^(?:i\s+|i['’]ll\s+)?(?:(?:will|still|also|need\s+to|have\s+to|must|promised(?:\s+to)?|"
    r"said\s+i['’]d|owe(?:\s+them|\s+you)?)\s+)*(?:to\s+)?"
    r"(?:(?:send|email|e-mail|share|forward|give|mail|post)(?:\s+(?:them|you|over|along))?\s*:?\s+)?",
    re.IGNORECASE)
_DETERMINERS = frozenset({"my", "the", "our", "your", "their", "his", "her", "some", "all",
                          "any", "both", "this", "these", "those", "that"})


@dataclass(frozen=True)
class Promise:
    """One thing you promised to send (R5).

    line: the notes line as written. what: what is owed, without the people and the day
    ("A reference list (3 references)"). to: full names it is owed to, () for everyone on
    the panel. by: the day it is due, None when the line names none (it then goes with
    the thank-you). by_words: the day as a note says it ("by Thursday"). key: stable
    across re-wordings of the day or the people, so the plan keeps the user's changes.
    """

    line: str
    what: str
    to: tuple[str, ...]
    by: dt.date | None
    by_words: str
    key: str

    def is_for(self, full_name: str, on_panel: bool = True) -> bool:
        """Owed to this person: named, or nobody named and they were on the panel."""
        if self.to:
            return full_name.strip().casefold() in {n.casefold() for n in self.to}
        return on_panel

    @property
    def thing(self) -> str:
        """What is owed as a note says it: "my reference list" (asides dropped, "a" and
        bare nouns made "my"); the first letter as written (the draft lower-cases it)."""
        text = re.sub(r"\s*\([^)]*\)", "", self.what).strip(" ,.;:-–—")
        first = text.split(" ", 1)[0].lower() if text else ""
        if first in ("a", "an"):
            return "my " + text.split(" ", 1)[1] if " " in text else text
        if first in _DETERMINERS or first[:1].isdigit():
            return text
        return f"my {text}" if text else ""

    def phrase(self) -> str:
        """"my reference list by Thursday"; without a day, just the thing."""
        return f"{self.thing} {self.by_words}".strip() if self.by_words else self.thing


def _names_pattern(names: Iterable[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


def _aliases(people: Sequence[str]) -> dict[str, set[str]]:
    """Lower-cased full and first names -> the full names they may mean."""
    aliases: dict[str, set[str]] = {}
    for full in people:
        full = " ".join(full.split())
        if not full:
            continue
        for alias in {full, first_name(full)}:
            if len(alias) > 1:
                aliases.setdefault(alias.casefold(), set()).add(full)
    return aliases


def _names_in(line: str, aliases: dict[str, set[str]]) -> bool:
    """Whether the line may name someone: False only when it surely names nobody (an
    ASCII line holding none of the ASCII names, in any case), so the name patterns below
    are neither built nor run for it. The plan parses every owed line of every interview
    on each replan (the demo's 100,000 applications: most of its time went to compiling
    those patterns)."""
    if not line.isascii() or not all(alias.isascii() for alias in aliases):
        return True  # Unicode case-insensitive matching is the regular expression's to judge
    lowered = line.lower()
    return any(alias in lowered for alias in aliases)


@functools.lru_cache(maxsize=64)
def _name_patterns(alt: str) -> tuple[re.Pattern[str], ...]:
    """The patterns that find the people `alt` names, compiled once per set of names."""
    name = rf"(?:{alt})(?:'s|’s)?"
    group = rf"{name}(?:\s*(?:,|and|&)\s*{name})*"
    return tuple(re.compile(pattern, re.IGNORECASE) for pattern in (
        alt,
        rf"^\s*(?:(?:to|for)\s+)?(?P<who>{group})\s*(?::|\s[-–—]|—)\s*",
        rf"^\s*(?P<who>{group})\s+(?:wants|asked\s+for|needs|would\s+like|requested)\s+",
        rf"\b(?P<verb>send|email|give|forward|share)\s+(?P<who>{group})\s+(?=\S)",
        rf"\s*\b(?:for|to)\s+(?P<who>{group})(?![\w’'])",
        # Any other capitalised mention: "(Priya asked)".
        rf"(?<![\w’'])(?:{alt})(?![\w’'])",
    ))


def _whom(line: str, aliases: dict[str, set[str]]) -> tuple[str, tuple[str, ...]]:
    """The line without the people it names, and their full names (in people's order).

    A name counts when written capitalised anywhere, or in any case right after "for",
    "to", "send" or at the start before ":"/"-" ("to tom: the deck"): so "will" in "I
    will send" is never Will Smith."""
    if not aliases or not _names_in(line, aliases):
        return line, ()
    any_name, *cuts, mention = _name_patterns(_names_pattern(aliases))
    found: list[str] = []

    def take(text: str) -> None:
        for m in any_name.finditer(text):
            for full in sorted(aliases.get(m.group(0).casefold(), ())):
                if full not in found:
                    found.append(full)

    def sub(m: re.Match) -> str:
        take(m.group("who"))
        return ""

    for pattern in cuts:
        line = pattern.sub(sub, line)
    for m in mention.finditer(line):
        if m.group(0)[:1].isupper():
            take(m.group(0))
    return line, tuple(found)


def _weekday_after(day: dt.date, weekday: int) -> dt.date:
    """The next `weekday` strictly after `day`: "by Thursday" said on a Thursday is a week on."""
    return day + dt.timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def _month_day(month: int, number: int, day: dt.date) -> dt.date | None:
    """The first `month`/`number` on or after `day` (next year once it has passed)."""
    for year in (day.year, day.year + 1):
        try:
            candidate = dt.date(year, month, number)
        except ValueError:
            return None
        if candidate >= day:
            return candidate
    return None


def resolve_day(words: str, day: dt.date) -> dt.date | None:
    """A day phrase from a promise, counted from the interview's `day`; None if unreadable."""
    w = " ".join(words.lower().replace(".", "").split())
    if w in ("today", "tonight", "end of day", "end of the day", "eod", "cob"):
        return day
    if w == "tomorrow":
        return day + dt.timedelta(days=1)
    if w in ("end of week", "end of the week", "eow", "this week"):
        return day + dt.timedelta(days=(FRIDAY - day.weekday()) % 7)
    if w == "next week":
        monday = day + dt.timedelta(days=7 - day.weekday())
        return monday + dt.timedelta(days=FRIDAY)
    if m := re.fullmatch(r"in (\d+) (day|days|week|weeks)", w):
        return day + dt.timedelta(days=int(m[1]) * (7 if m[2].startswith("week") else 1))
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", w):
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    if m := re.fullmatch(rf"({_MO}) (\d{{1,2}})(?:st|nd|rd|th)?", w):
        return _month_day(MONTH_INDEX[m[1]], int(m[2]), day)
    if m := re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)? ({_MO})", w):
        return _month_day(MONTH_INDEX[m[2]], int(m[1]), day)
    if m := re.fullmatch(rf"(this |next )?({_WD})( next week)?", w):
        found = _weekday_after(day, WEEKDAY_INDEX[m[2]])
        if m[3] and found.isocalendar()[:2] == day.isocalendar()[:2]:
            found += dt.timedelta(days=7)  # "Friday next week"; a bare "next Friday" is
            # read as the coming one, since a reminder too early beats a promise broken
        return found
    return None


def day_words(prep: str, due: dt.date, day: dt.date) -> str:
    """The day as a note sent after the interview says it: "by Thursday" within the week,
    "by Thursday, December 3" further on (never "tomorrow", which would be wrong by then)."""
    if not 0 <= (due - day).days <= 6:
        return f"{prep} {long_day(due)}"
    return f"{prep} {WEEKDAYS[due.weekday()]}"


def _prep(raw: str | None) -> str:
    raw = (raw or "").lower()
    return raw if raw in ("on", "before") else "by"


def promise_key(what: str) -> str:
    """A short stable id for what is owed: its words, without asides and determiners."""
    text = re.sub(r"\([^)]*\)", " ", what.casefold())
    words = [w for w in re.findall(r"[^\W_]+", text) if w not in _DETERMINERS | {"a", "an"}]
    return f"{zlib.crc32(' '.join(words).encode()):08x}"


def parse_line(line: str, people: Sequence[str], day: dt.date) -> Promise | None:
    """One owed line as a Promise; None when nothing is left once people and day are read."""
    rest, to = _whom(line, _aliases(people))
    by: dt.date | None = None
    by_words = ""
    matches = list(_WHEN.finditer(rest))
    for m in reversed(matches):  # the last day named is the deadline
        due = resolve_day(m.group("day"), day)
        if due is not None:
            by, by_words = due, day_words(_prep(m.group("prep")), due, day)
            rest = rest[:m.start()] + rest[m.end():]
            break
    rest = _VAGUE.sub("", rest)
    rest = _LEAD_VERB.sub("", rest.strip(" ,.;:-–—"))
    what = re.sub(r"\s{2,}", " ", rest).strip(" ,.;:-–—")
    if not re.search(r"[^\W\d_]", what):
        return None
    return Promise(line=line, what=what, to=to, by=by, by_words=by_words, key=promise_key(what))


def parse_promises(notes: dict[str, str], people: Sequence[str], day: dt.date) -> list[Promise]:
    """Every promise of an interview's owed section (R3), one per line or ";"-part.

    people: full names of everyone on file for the interview (panel first, then the
    application's other people); day: the interview's local day."""
    promises: list[Promise] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for line in note_lines(notes, "owed"):
        for part in (p.strip() for p in line.split(";")):
            promise = parse_line(part, people, day) if part else None
            if promise and (promise.key, promise.to) not in seen:
                seen.add((promise.key, promise.to))
                promises.append(promise)
    return promises


def owed_promises(owed: str, people: tuple[str, ...], day: dt.date) -> tuple[Promise, ...]:
    """`parse_promises` of one interview's owed section, remembered: the plan reads the
    same owed texts on every replan (the demo's 100,000 applications share a few). When
    the text surely names nobody (`_names_in`, true of each of its lines too), whom it
    is for cannot depend on the people, so they are left out of what is remembered."""
    if not _names_in(owed, _aliases(people)):
        people = ()
    return _owed_promises(owed, people, day)


@functools.lru_cache(maxsize=1024)
def _owed_promises(owed: str, people: tuple[str, ...], day: dt.date) -> tuple[Promise, ...]:
    return tuple(parse_promises({"owed": owed}, people, day))  # frozen: safe to share


def owed_to(promises: Iterable[Promise], full_name: str, on_panel: bool = True) -> list[Promise]:
    """The promises one person is owed (R5: their note says these, and only these)."""
    return [p for p in promises if p.is_for(full_name, on_panel)]


def note_promises(ctx: DraftContext) -> tuple[list[Promise], list[Promise]]:
    """(owed to this recipient, owed only to others) for one note (R5)."""
    me = ctx.recipient.full_name
    people = list(dict.fromkeys((*ctx.panel, me, *ctx.people)))
    promises = parse_promises(ctx.notes, people, ctx.interview_date)
    mine = owed_to(promises, me, ctx.on_panel)
    return mine, [p for p in promises if p not in mine and p.to]

"""Where an invitation's meeting happens: a join link (video), a phone number (phone) or
an address (on-site), from what calendar programs write (docs/cli.md, "Invitations")."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Properties calendar programs put the join link in, before any text is searched.
LINK_PROPERTIES = (
    "X-GOOGLE-CONFERENCE",
    "X-MICROSOFT-SKYPETEAMSMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGURL",
    "X-MICROSOFT-ONLINEMEETINGCONFLINK",
)
_URL = re.compile(r"https?://[^\s<>\"'\\]+", re.IGNORECASE)
# Hosts of the video meeting services people are invited to.
_VIDEO_HOST = re.compile(
    r"^(?:[a-z0-9-]+\.)*(?:meet\.google\.com|teams\.microsoft\.com|teams\.live\.com"
    r"|zoom\.us|zoom\.com|zoomgov\.com|webex\.com|whereby\.com|meet\.goto\.com"
    r"|gotomeeting\.com|chime\.aws|meet\.jit\.si|bluejeans\.com|skype\.com|around\.co"
    r"|meet\.lync\.com|hangouts\.google\.com)$",
    re.IGNORECASE,
)
_TEL = re.compile(r"\btel:([+0-9][0-9().\s/-]{4,}[0-9])", re.IGNORECASE)
_PHONE_ONLY = re.compile(r"^\+?[0-9][0-9().\s/-]{5,}[0-9]$")


@dataclass(frozen=True)
class Meeting:
    format: str  # one of words.INTERVIEW_FORMATS
    place: str  # the join link, the phone number or the address ("" when none is given)


def join_link(text: str) -> str:
    """The first video-meeting URL in `text`, or ""."""
    for match in _URL.finditer(text):
        url = match.group(0).rstrip(".,;)>]")
        host = url.split("://", 1)[1].split("/", 1)[0].split(":", 1)[0]
        if _VIDEO_HOST.match(host):
            return url
    return ""


def meeting(location: str, description: str, links: tuple[str, ...] = ()) -> Meeting:
    """Video when there is a join link (a conference property, or a meeting URL in the
    location or the description), phone for `tel:` (or a location that is a number),
    on-site for any other location."""
    location = " ".join(location.split())
    for candidate in (*links, location, description):
        link = join_link(candidate)
        if link:
            return Meeting("video", link)
    tel = _TEL.search(location)
    if tel or _PHONE_ONLY.match(location):
        number = tel.group(1) if tel else location
        return Meeting("phone", " ".join(number.split()))
    if location:
        return Meeting("on-site", location)
    tel = _TEL.search(description)
    if tel:
        return Meeting("phone", " ".join(tel.group(1).split()))
    return Meeting("on-site", "")

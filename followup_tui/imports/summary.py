"""The company and the role an invitation's title names, as people write them:
"Interview: Platform Engineer at Initech", "Hooli - Technical screen (Senior SRE)",
"Entretien Data Engineer - Globex", "Phone screen with Umbrella Corp"."""

from __future__ import annotations

import re

# What calendars and recruiters put before the title.
_PREFIX = re.compile(
    r"^\s*(?:(?:updated\s+)?invitation|canceled\s+event|cancelled\s+event|canceled|"
    r"cancelled|annulé|updated|reminder|fwd?|tr|re)\s*:\s*", re.IGNORECASE)
# Words that say "a meeting", not what the job is.
_MEETING_WORDS = re.compile(
    r"\b(?:on-?site|onsite|virtual|video|phone|technical|tech|final|first|second|third|"
    r"\d+(?:st|nd|rd|th)|round|panel|hiring\s+manager|recruiter|intro(?:ductory)?|"
    r"interview|interviews|screen|screening|call|chat|meeting|conversation|"
    r"entretien|entrevista|vorstellungsgespräch|gespräch)\b", re.IGNORECASE)
_SEPARATORS = re.compile(r"\s+[-–—|/:]\s+|\s*[|:]\s*")


def _clean(text: str) -> str:
    return " ".join(text.strip(" -–—|:,.").split())


def _is_meeting_words(text: str) -> bool:
    return not _clean(_MEETING_WORDS.sub(" ", text).replace("with", " ")
                      .replace("for", " ").replace("(", " ").replace(")", " "))


def _role_of(text: str) -> str:
    """A part of the title without its meeting words ("Technical screen (Senior SRE)"
    → "Senior SRE", "Entretien Data Engineer" → "Data Engineer")."""
    inside = re.search(r"\(([^)]+)\)", text)
    if inside and not _is_meeting_words(inside.group(1)):
        return _clean(inside.group(1))
    words = _MEETING_WORDS.sub(" ", re.sub(r"\([^)]*\)", " ", text))
    words = re.sub(r"^\s*(?:for|with|about|re)\b", " ", words, flags=re.IGNORECASE)
    return _clean(words)


def title_parts(summary: str, company_labels: tuple[str, ...] = ()) -> tuple[str, str]:
    """(company, role) named by the title; either may be "". `company_labels` are the
    names the senders' domains suggest ("initech"), to tell which part is the company."""
    text = " ".join(summary.split())
    while _PREFIX.match(text):
        text = _PREFIX.sub("", text, count=1)
    labels = {label.casefold().replace(" ", "") for label in company_labels if label}

    def is_company(part: str) -> bool:
        key = re.sub(r"[\s.,-]+", "", part.casefold())
        return bool(key) and any(key == label or key.startswith(label) for label in labels)

    at = re.search(r"\s+(?:at|@|chez|bei)\s+(?P<company>[^()\-–—|]+?)\s*(?:[(\-–—|].*)?$",
                   text, re.IGNORECASE)
    if at:
        before = text[:at.start()]
        before = re.split(r"[:]\s*", before)[-1] if ":" in before else before
        return _clean(at.group("company")), _role_of(before)
    parts = [p for p in _SEPARATORS.split(text) if _clean(p)]
    if len(parts) >= 2:
        for index, part in enumerate(parts):
            if is_company(part):
                rest = [p for i, p in enumerate(parts) if i != index]
                roles = [_role_of(p) for p in rest if _role_of(p)]
                return _clean(part), roles[-1] if roles else ""
    with_ = re.search(r"\bwith\s+(?P<company>.+)$", text, re.IGNORECASE)
    if with_ and _is_meeting_words(text[:with_.start()]):
        return _clean(with_.group("company")), ""
    roles = [_role_of(p) for p in (parts or [text]) if _role_of(p)]
    return "", roles[-1] if roles else ""

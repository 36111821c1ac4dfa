"""Names, addresses and companies as invitations and trackers write them."""

from __future__ import annotations

import re

from followup_tui.playbook.email_address import AddressError, email_address

# Mail providers whose domain says nothing about the employer.
FREE_MAIL = frozenset({
    "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
    "yahoo.com", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me",
    "protonmail.com", "gmx.com", "gmx.de", "gmx.net", "web.de", "mail.com", "zoho.com",
    "fastmail.com", "yandex.com", "hey.com", "orange.fr", "free.fr", "laposte.net",
    "google.com", "calendar.google.com", "resource.calendar.google.com",
})
# Senders that are a system, not a person (a scheduling tool's address).
_SYSTEM = re.compile(r"^(?:no-?reply|do-?not-?reply|noreply|notifications?|calendar|"
                     r"scheduling|invites?|mailer-daemon)(?:[+._-].*)?$", re.IGNORECASE)
# Second-level labels under which a country's companies register (example.co.uk).
_SECOND_LEVEL = frozenset({"co", "com", "ac", "org", "net", "gov", "ne", "or", "gv"})


def email_of(address: str) -> str:
    """`mailto:Jane@X.com` → `jane@x.com` ("" when it is not an address, by the one check
    every form uses: playbook/email_address.py)."""
    text = address.strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    try:
        return email_address(text.strip().strip("<>").lower()).text
    except AddressError:
        return ""


def is_system_address(email: str) -> bool:
    return bool(_SYSTEM.match(email.partition("@")[0]))


def name_from_email(email: str) -> str:
    """`bill.lumbergh@initech.com` → `Bill Lumbergh`: a name when the card gives none."""
    local = email.partition("@")[0].split("+", 1)[0]
    words = [w for w in re.split(r"[._-]+", local) if w and not w.isdigit()]
    return " ".join(w.capitalize() for w in words) or email


def display_name(name: str, email: str) -> str:
    """The name as a card should hold it: "Dupont, Marie" → "Marie Dupont"; a name
    that is only the address (Google writes CN=the address) → one made from it."""
    name = " ".join(name.replace('"', " ").split())
    if not name or "@" in name:
        return name_from_email(email) if email else ""
    if name.count(",") == 1:
        last, first = (part.strip() for part in name.split(","))
        if last and first:
            return f"{first} {last}"
    return name


def company_domain(email: str) -> str:
    """The employer's domain of an address (`jane@mail.initech.co.uk` → `initech.co.uk`),
    "" for a free mail provider."""
    domain = email.partition("@")[2].lower()
    if not domain or domain in FREE_MAIL:
        return ""
    labels = domain.split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    registered = ".".join(labels[-keep:])
    return "" if registered in FREE_MAIL else registered


def company_from_domain(domain: str) -> str:
    """`umbrella-corp.com` → `Umbrella Corp`."""
    label = domain.split(".", 1)[0]
    return " ".join(part.capitalize() for part in re.split(r"[-_]+", label) if part)

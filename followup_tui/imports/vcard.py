"""Business cards (.vcf, vCard 3.0 and 4.0, one or many) as address books and
card-scanning apps export them (R2): parsed by `vobject`; what a contact card holds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from followup_tui.imports.people import email_of
from followup_tui.imports.refused import Refused, text_of


@dataclass(frozen=True)
class Card:
    """One vCard, in the contact card's fields (docs/playbook.md, R2)."""

    number: int  # its place in the file, from 1
    full_name: str
    title: str = ""
    organisation: str = ""
    email: str = ""
    emails: tuple[str, ...] = ()  # every address on the card (matching uses all)
    phone: str = ""
    postal_address: str = ""
    linkedin: str = ""

    def values(self) -> dict[str, str]:
        return {"full_name": self.full_name, "title": self.title,
                "organisation": self.organisation, "email": self.email,
                "phone": self.phone, "postal_address": self.postal_address,
                "linkedin": self.linkedin}


def _types(line: Any) -> set[str]:  # vobject's objects are untyped
    """TYPE values and PREF, lower case, however the version writes them."""
    found: set[str] = set()
    for name, values in line.params.items():
        if name.upper() == "TYPE":
            for value in values:
                found.update(part.strip().strip('"').lower() for part in value.split(","))
        elif name.upper() == "PREF":
            found.add("pref")
    return found


def _best(lines: list) -> list:
    """Preferred first, then work, then the rest, in the file's order."""
    return sorted(lines, key=lambda line: ("pref" not in _types(line),
                                           "work" not in _types(line)))


def _text(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        value = next((part for part in value if str(part).strip()), "")
    return " ".join(str(value).split())


def _joined(value: Any) -> str:
    """A text vobject split at its commas, whole again."""
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(part) for part in value)
    return " ".join(str(value).split())


def _address(value: Any) -> str:
    """An ADR as it is written on an envelope: street, city and code, country."""
    if isinstance(value, str):
        return value.replace(";", "\n").strip()
    street = "\n".join(" ".join(line.split()) for line in  # its lines kept (our own export)
                       str(getattr(value, "street", "") or "").splitlines() if line.strip())
    box = str(getattr(value, "box", "") or "").strip()
    extended = str(getattr(value, "extended", "") or "").strip()
    code, city = str(value.code or "").strip(), str(value.city or "").strip()
    region, country = str(value.region or "").strip(), str(value.country or "").strip()
    # "75002 Paris" where there is no region; "Austin, TX 78744" where there is one.
    town = (f"{city}, {region} {code}".strip(", ") if region
            else " ".join(part for part in (code, city) if part))
    lines = [part for part in (box, extended, street, town, country) if part]
    return "\n".join(lines)


def _card(component: Any, number: int) -> Card:
    contents = component.contents
    full_name = _text(contents["fn"][0].value) if "fn" in contents else ""
    if not full_name and "n" in contents:
        name = contents["n"][0].value
        full_name = " ".join(str(part) for part in (
            getattr(name, "prefix", ""), getattr(name, "given", ""),
            getattr(name, "additional", ""), getattr(name, "family", "")) if part and str(part))
    full_name = " ".join(full_name.split())
    if not full_name:
        raise Refused(f"card {number} has no name (FN or N): a contact needs one (R2)")
    emails = [email_of(str(line.value)) for line in _best(contents.get("email", []))]
    emails = list(dict.fromkeys(e for e in emails if e))
    phones = [_text(line.value).removeprefix("tel:") for line in _best(contents.get("tel", []))]
    addresses = [_address(line.value) for line in _best(contents.get("adr", []))]
    links = [_text(line.value) for key in ("url", "x-socialprofile")
             for line in contents.get(key, [])]
    linkedin = next((link for link in links if "linkedin.com" in link.lower()), "")
    return Card(
        number=number, full_name=full_name,
        title=_joined(contents["title"][0].value) if "title" in contents else "",
        organisation=_text(contents["org"][0].value) if "org" in contents else "",
        email=emails[0] if emails else "", emails=tuple(emails),
        phone=next((p for p in phones if p), ""),
        postal_address=next((a for a in addresses if a), ""), linkedin=linkedin,
    )


def read_cards(data: bytes) -> tuple[Card, ...]:
    """Every card in `data`, or Refused saying what is wrong with the file."""
    import vobject

    text = text_of(data, "read as business cards")
    if "BEGIN:VCARD" not in text.upper():
        raise Refused("it is not a vCard file (no BEGIN:VCARD)")
    cards: list[Card] = []
    try:
        for component in vobject.readComponents(text, ignoreUnreadable=True):
            if component.name.upper() != "VCARD":
                continue
            cards.append(_card(component, len(cards) + 1))
    except Refused:
        raise
    except Exception as error:  # vobject raises its own ParseError and plain ones
        raise Refused(f"card {len(cards) + 1} cannot be read ({error})") from None
    if not cards:
        raise Refused("it holds no card")
    return tuple(cards)

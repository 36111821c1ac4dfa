"""The one email check (issue 11): email-validator's syntax rules, no DNS, every form."""

from __future__ import annotations

import pytest

from followup_tui.playbook.email_address import AddressError, email_address

GOOD = [
    ("ada@example.com", "ada@example.com", "ada@example.com"),
    ("  Bob@Example.COM ", "Bob@example.com", "Bob@example.com"),  # the domain is lower-cased
    ("sam.lee+jobs@mail.example.org", "sam.lee+jobs@mail.example.org",
     "sam.lee+jobs@mail.example.org"),
    ("renee@exämple.com", "renee@exämple.com", "renee@xn--exmple-cua.com"),  # IDNA domain
    ("renee@xn--exmple-cua.com", "renee@exämple.com", "renee@xn--exmple-cua.com"),
    ("renée@exämple.com", "renée@exämple.com", None),  # needs SMTPUTF8
    ("用户@例子.广告", "用户@例子.广告", None),
]
BAD = [
    ("ada.example.com", "@-sign"),
    ("ada @example.com", "SPACE"),
    ("ada@acme", "period"),
    ("ada@@example.com", "@-sign"),
    ("a..b@example.com", "two periods"),
    ("ada@example..com", "period"),
    ("ada@-example.com", "hyphen"),
    ("ada@exa_mple.com", "invalid"),
    ("ada@localhost", "period"),
    ("ada@example.test", "special-use"),
    ("<ada@example.com>", "angle brackets"),
    ("Ada <ada@example.com>", "angle brackets"),
    ("ada@example.com\nBcc: eve@example.com", "invalid"),
]


@pytest.mark.parametrize(("typed", "text", "ascii"), GOOD, ids=[g[0] for g in GOOD])
def test_good_addresses_are_normalized(typed, text, ascii):
    found = email_address(typed)
    assert (found.text, found.ascii) == (text, ascii)


@pytest.mark.parametrize(("typed", "word"), BAD, ids=[b[0] for b in BAD])
def test_bad_addresses_say_why(typed, word):
    with pytest.raises(AddressError) as refused:
        email_address(typed)
    message = str(refused.value)
    assert message.startswith("Not an email address: ") and "e.g. name@example.com" in message
    assert word.casefold() in refused.value.reason.casefold(), refused.value.reason


def test_no_dns_is_asked(monkeypatch):
    """check_deliverability=False: an address at a domain that does not exist is fine,
    and no resolver is ever called."""
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("a DNS look-up was made")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "gethostbyname", refuse)
    assert email_address("someone@no-such-domain-xyz.example").ascii

"""Business cards as phones and address books export them: vCard 3.0 and 4.0 (R2)."""

from __future__ import annotations

import pytest

from followup_tui.imports.refused import Refused
from followup_tui.imports.vcard import read_cards
from tests.imports.files import fixture


def test_vcard_3_from_a_phone_with_folding_charsets_and_several_emails():
    raw = fixture("contacts_v3.vcf")
    assert b"\r\n " in raw  # folded lines
    bill, helene, peter = read_cards(raw)
    assert bill.values() == {
        "full_name": "Bill Lumbergh",
        "title": "Director of Engineering, Platform and Developer Experience (TPS Reports)",
        "organisation": "Initech",
        "email": "bill.lumbergh@initech.com",  # the preferred (work) one, not the first
        "phone": "+1 512 555 0134",
        "postal_address": "4120 Freidrich Lane\nAustin, TX 78744\nUnited States",
        "linkedin": "https://www.linkedin.com/in/billlumbergh",
    }
    assert bill.emails == ("bill.lumbergh@initech.com", "bill@lumbergh.example")
    assert (helene.full_name, helene.title) == ("Hélène Lefèvre", "Responsable Données")
    assert helene.postal_address == "12 rue de la Paix\n75002 Paris\nFrance"
    assert (peter.full_name, peter.email, peter.phone) == (
        "Peter Gibbons", "peter.gibbons@initech.com", "")  # the photo is ignored


def test_vcard_4_with_pref_and_a_tel_uri():
    (marie,) = read_cards(fixture("card_v4.vcf"))
    assert marie.values() == {
        "full_name": "Marie Dupont", "title": "Talent Acquisition Partner",
        "organisation": "Globex", "email": "marie.dupont@globex.fr",
        "phone": "+33-1-98-76-54-32",
        "postal_address": "12 rue de la Paix\n75002 Paris\nFrance",
        "linkedin": "https://www.linkedin.com/in/marie-dupont-globex",
    }
    assert marie.emails == ("marie.dupont@globex.fr", "marie.dupont@gmail.com")


def test_a_card_with_only_n_gets_its_name_from_it():
    (card,) = read_cards(b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Gibbons;Peter;;;\r\nFN:\r\n"
                         b"END:VCARD\r\n")
    assert card.full_name == "Peter Gibbons"


@pytest.mark.parametrize(("data", "says"), [
    (b"", "empty"), (b"\x00\xff\x00binary", "not text"),
    (b"Name,Email\r\n", "not a vCard"),
    (b"BEGIN:VCARD\r\nVERSION:3.0\r\nEMAIL:x@y.z\r\nEND:VCARD\r\n", "card 1 has no name"),
    (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\n", "card 1 cannot be read"),
])
def test_bad_card_files_are_refused(data, says):
    with pytest.raises(Refused, match=says):
        read_cards(data)

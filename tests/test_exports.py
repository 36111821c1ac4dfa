"""Exporting a thank-you note (R6): .eml for email, text for a letter or a card; 0600 files."""

from __future__ import annotations

import datetime as dt
import stat
from dataclasses import replace
from email import message_from_bytes
from email.parser import BytesParser
from email.policy import default
from email.utils import getaddresses

import pytest

from followup_tui.exports import (
    ExportError,
    eml_bytes,
    export_note,
    exports_folder,
    letter_text,
    write_private,
)
from followup_tui.playbook.thank_you import Recipient, Sender

SENDER = Sender("Ana López", "ana@example.org", "+44 20 7946 0000", "2 Elm Road\nYork YO1 7HH")
MARIA = Recipient(7, "Maria Rivera", "Head of Data", "maria@northwind.example",
                  "1 Harbour Street\nLeeds LS1 4AB", "panel")
WHEN = dt.datetime(2026, 3, 3, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))


def test_eml_parses_back_with_the_standard_library():
    body = "Dear Maria,\n\nThank you — it was a pleasure.\n\nAna López\n"
    data = eml_bytes(SENDER, MARIA, "Thank you — Senior Data Engineer interview", body, WHEN)
    message = message_from_bytes(data, policy=default)
    assert message["To"] == "Maria Rivera <maria@northwind.example>"
    assert message["From"] == "Ana López <ana@example.org>"
    assert message["Subject"] == "Thank you — Senior Data Engineer interview"
    assert message["Date"].datetime == WHEN
    assert message.get_content() == body


def test_eml_without_addresses_leaves_them_to_the_mail_client():
    nobody = Recipient(8, "John Okafor", "", "", "", "panel")
    message = message_from_bytes(eml_bytes(Sender("Ana", "", ""), nobody, "Thanks", "Hi", WHEN),
                                 policy=default)
    assert message["To"] is None and message["From"] is None
    assert message.get_content() == "Hi\n"


def test_letter_has_both_address_blocks_once():
    text = letter_text(SENDER, MARIA, "Northwind Analytics", "Dear Maria Rivera,\n\nThanks.",
                       WHEN.date())
    assert text.startswith("Ana López\n2 Elm Road\nYork YO1 7HH\nana@example.org")
    assert "3 March 2026" in text
    assert "Maria Rivera\nHead of Data\nNorthwind Analytics\n1 Harbour Street\nLeeds LS1 4AB" in text
    # A letter draft that already opens with the recipient's block keeps just that one.
    drafted = "Maria Rivera\nHead of Data\n\nDear Maria Rivera,\n"
    again = letter_text(SENDER, MARIA, "Northwind Analytics", drafted, WHEN.date())
    assert again.count("Head of Data") == 1


def test_files_are_private_and_never_overwritten(tmp_path):
    folder = exports_folder(tmp_path / "data" / "followup.db")
    assert folder == (tmp_path / "data" / "exports").resolve()
    first = write_private(folder, "note.txt", b"one")
    second = write_private(folder, "note.txt", b"two")
    assert (first.name, second.name) == ("note.txt", "note-2.txt")
    assert first.read_bytes() == b"one" and second.read_bytes() == b"two"
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_export_note_picks_the_form_by_medium(tmp_path):
    common = dict(sender=SENDER, recipient=MARIA, company="Northwind Analytics",
                  subject="Thank you", body="Dear Maria,\nThanks.\n", when=WHEN)
    eml = export_note(tmp_path, medium="email", **common)
    letter = export_note(tmp_path, medium="letter", **common)
    card = export_note(tmp_path, medium="handwritten", **common)
    assert eml.name == "thank-you-2026-03-03-northwind-analytics-maria-rivera-email.eml"
    assert letter.suffix == card.suffix == ".txt"
    assert "1 Harbour Street" in letter.read_text()
    assert card.read_text() == "Dear Maria,\nThanks.\n"


def test_eml_opens_as_a_draft_to_send():
    """X-Unsent: 1 makes mail clients open the .eml as a draft (with To/From/Subject/Date)."""
    data = eml_bytes(SENDER, MARIA, "Thank you", "Dear Maria,\n", WHEN)
    message = message_from_bytes(data, policy=default)
    assert message["X-Unsent"] == "1"
    assert message["To"] and message["From"] and message["Subject"] == "Thank you"
    assert message["Date"].datetime == WHEN
    assert b"\nX-Unsent: 1\n" in data.replace(b"\r\n", b"\n")


def test_letter_block_uses_the_contacts_organisation_once():
    """R6: name, title, organisation (the contact's, not the application's company when
    they differ), address; nothing stacked twice."""
    recruiter = Recipient(9, "Lena Vogel", "Recruiter", "", "Kubrick Labs\nTorstr. 1\n10119 Berlin",
                          "helper", organisation="Kubrick Labs")
    text = letter_text(SENDER, recruiter, "Nimbus GmbH", "Dear Lena Vogel,\n\nThanks.", WHEN.date())
    assert "Lena Vogel\nRecruiter\nKubrick Labs\nTorstr. 1\n10119 Berlin\n\n" in text
    assert "Nimbus GmbH" not in text and text.count("Kubrick Labs") == 1
    # No organisation on the card: the application's company stands in.
    plain = Recipient(10, "Maria Rivera", "Head of Data", "", "1 Harbour Street", "panel")
    text = letter_text(SENDER, plain, "Northwind", "Dear Maria Rivera,\n", WHEN.date())
    assert "Maria Rivera\nHead of Data\nNorthwind\n1 Harbour Street" in text


# -- international addresses and addresses that cannot be used (issue 11) ----------------
RENEE = Recipient(11, "Renée Zoë \"Q\" O'Brien [/]", "CTO", "renée@exämple.com", "", "panel")


def read_back(data: bytes):
    """As a mail reader would: the standard library's parser, nothing lost."""
    return BytesParser(policy=default).parsebytes(data)


def test_a_non_ascii_name_before_the_at_is_written_as_smtputf8():
    body = "Dear Renée,\n\nMerci — it was a pleasure.\n"
    data = eml_bytes(SENDER, RENEE, "Thank you — CTO interview", body, WHEN)
    message = read_back(data)
    # The parser keeps 8-bit bytes of a local part escaped; the header's text is exact.
    assert getaddresses([str(message["To"])]) == [(RENEE.full_name, "renée@exämple.com")]
    assert message["From"].addresses[0].addr_spec == "ana@example.org"
    assert message["Subject"] == "Thank you — CTO interview"
    assert message.get_content() == body
    head = data.split(b"\n\n", 1)[0].decode("utf-8")  # UTF-8 headers (RFC 6532)
    assert "<renée@exämple.com>" in head and "Subject: Thank you — CTO interview" in head


def test_an_international_domain_goes_as_7_bit_mail_in_idna():
    ascii_name = replace(RENEE, email="renee@Exämple.com")
    data = eml_bytes(SENDER, ascii_name, "Thanks", "Hi\n", WHEN)
    assert data.isascii()  # every mail program reads it
    [to] = read_back(data)["To"].addresses
    assert to.addr_spec == "renee@xn--exmple-cua.com" and to.display_name == RENEE.full_name


@pytest.mark.parametrize(("who", "field", "bad"), [
    ("recipient", "email", "ada@acme"),
    ("recipient", "email", "ada example.com"),
    ("sender", "email", "me@@example.org"),
])
def test_an_address_that_cannot_be_used_is_a_message_not_a_crash(tmp_path, who, field, bad):
    """Saved before the check (an older version, an import): export says what to fix."""
    sender = replace(SENDER, email=bad) if who == "sender" else SENDER
    recipient = replace(MARIA, email=bad) if who == "recipient" else MARIA
    with pytest.raises(ExportError) as refused:
        export_note(tmp_path, medium="email", sender=sender, recipient=recipient,
                    company="Northwind", subject="Thanks", body="Hi", when=WHEN)
    message = str(refused.value)
    assert ("Maria Rivera's card" in message and "(e edits it)" in message if who == "recipient"
            else "Your email" in message and "(u edits it)" in message), message
    assert list(tmp_path.iterdir()) == []  # nothing half-written


def test_a_header_the_email_package_refuses_is_a_message(tmp_path):
    with pytest.raises(ExportError, match="Could not make the file"):
        export_note(tmp_path, medium="email", sender=SENDER, recipient=MARIA,
                    company="Northwind", subject="Thanks\nBcc: eve@example.com", body="Hi",
                    when=WHEN)


def test_a_folder_that_cannot_be_written_is_a_message(tmp_path):
    (tmp_path / "exports").write_text("a file where the folder should be")
    with pytest.raises(ExportError, match="Could not write the file"):
        export_note(tmp_path / "exports", medium="letter", sender=SENDER, recipient=MARIA,
                    company="Northwind", subject="Thanks", body="Hi", when=WHEN)


@pytest.mark.parametrize("text, name", [
    ("Maria Rivera", "maria-rivera"),
    ("Renée [O'Brien] Zoë", "renee-o-brien-zoe"),  # the accents go, the letters stay
    ("Grace Hopper & Söhne Straße", "grace-hopper-sohne-strasse"),
    ("世界", "note"),  # nothing portable left: a name still
])
def test_a_file_name_keeps_the_letters_of_accented_names(text, name):
    from followup_tui.exports import slug

    assert slug(text) == name

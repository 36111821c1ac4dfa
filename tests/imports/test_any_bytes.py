"""Whatever bytes a file holds, each reader answers with its result or one Refused,
never another exception (no traceback reaches the user)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from followup_tui.imports.invitation import read_invitation
from followup_tui.imports.refused import Refused
from followup_tui.imports.spreadsheet import read_spreadsheet
from followup_tui.imports.vcard import read_cards
from tests.imports.files import fixture

READERS = (read_invitation, read_spreadsheet, read_cards)
SAMPLES = [fixture(name) for name in (
    "google_invite.ics", "outlook_invite.ics", "huntr.csv", "teal.csv", "contacts_v3.vcf",
    "card_v4.vcf")]


def answers(reader, data: bytes) -> None:
    try:
        reader(data)
    except Refused as error:
        assert str(error)  # a sentence, never an empty message


@given(st.binary(max_size=400))
def test_random_bytes(data):
    for reader in READERS:
        answers(reader, data)


@given(st.sampled_from(SAMPLES), st.integers(0, 4000), st.integers(1, 40), st.binary(max_size=8))
def test_real_files_cut_or_damaged(sample, at, length, junk):
    damaged = sample[:at] + junk + sample[at + length:]
    for reader in READERS:
        answers(reader, damaged)
        answers(reader, sample[:at])

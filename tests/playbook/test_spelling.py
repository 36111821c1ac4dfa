"""The compact English dictionary (playbook/spelling.py): the same answers as
pyspellchecker's list, in a fraction of its memory."""

from __future__ import annotations

import random
import subprocess
import sys
import threading

from followup_tui.playbook.spelling import COMMON_WORD_FREQUENCY, Dictionary, dictionary


def test_knows_exactly_the_words_of_pyspellchecker_list():
    from spellchecker import SpellChecker

    reference = SpellChecker(language="en").word_frequency.dictionary
    ours = dictionary()
    assert len(ours) == len(reference)
    rng = random.Random(7)
    sample = rng.sample(sorted(reference), 3000)
    assert all(ours.knows(word) for word in sample)
    # One letter changed, dropped or doubled: whatever the reference says, so do we.
    for word in sample:
        i = rng.randrange(len(word))
        for variant in (word[:i] + "q" + word[i + 1:], word[:i] + word[i + 1:], word + word[-1]):
            if variant:
                assert ours.knows(variant) == (variant in reference), variant
    for word, count in rng.sample(sorted(reference.items()), 3000):
        assert ours.is_common(word) == (count >= COMMON_WORD_FREQUENCY), word


def test_first_last_accented_and_capitalised_words():
    words = dictionary()
    assert words.knows("a") and words.knows("Aardvark") and words.knows("CAFÉ")
    assert not words.knows("") and not words.knows("zzzzzzzzq") and not words.knows("\x00")
    assert words.is_common("Will") and not words.is_common("aardvark")


def test_unknown_skips_numbers_punctuation_and_lowercases():
    assert dictionary().unknown(["Hello", "Wrold", "12", "3.5", "!", "nan"]) == {"wrold"}


def test_a_list_out_of_order_is_sorted_once():
    words = Dictionary([(b"pear", 1), (b"apple", 200_000), (b"fig", 3)])
    assert [words.knows(w) for w in ("apple", "fig", "pear", "plum", "")] == [
        True, True, True, False, False]
    assert words.is_common("apple") and not words.is_common("pear")
    assert len(Dictionary([])) == 0 and not Dictionary([]).knows("a")


def test_built_once_for_every_thread():
    seen: list[Dictionary] = []
    threads = [threading.Thread(target=lambda: seen.append(dictionary())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(d) for d in seen}) == 1


def test_holds_the_list_in_under_ten_mebibytes_at_its_peak():
    # In a fresh process: the peak while building and what stays, as tracemalloc counts it
    # (pyspellchecker's own dict peaks at ~32 MiB and keeps ~14 MiB).
    code = ("import tracemalloc; tracemalloc.start();"
            "from followup_tui.playbook.spelling import dictionary; d = dictionary();"
            "now, peak = tracemalloc.get_traced_memory(); print(now, peak)")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                         text=True).stdout
    kept, peak = (int(n) / 2**20 for n in out.split())
    assert kept < 6 and peak < 10, (kept, peak)

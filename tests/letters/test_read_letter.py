"""The reason a file is refused before anything is stored (read_letter)."""

from __future__ import annotations

import pytest

from imr_archive.letters.ingest import RejectedLetter, read_letter

HOW = b"HOW THE IMR FINAL DETERMINATION WAS MADE"


@pytest.mark.parametrize("data", [HOW, HOW + b"\n" + b"a" * 1_000_000])
def test_a_lone_heading_is_refused_with_what_was_recognised(data):
    with pytest.raises(RejectedLetter) as refused:
        read_letter(data, "heading.txt")
    assert str(refused.value) == 'not an IMR letter: only the heading "HOW THE IMR FINAL DETERMINATION WAS MADE" ' \
                                 'was recognised'


def test_a_text_in_no_layout_is_refused():
    with pytest.raises(RejectedLetter) as refused:
        read_letter(b"Pancakes\n\nMix flour, eggs and milk.", "recipe.txt")
    assert str(refused.value) == "not an IMR determination letter: none of the four known layouts was recognised"

"""A normalized treatment name shown as the letter writes it (the home page's list of treatments)."""

from __future__ import annotations

import pytest

from imr_archive.parsing.treatment_names import normalize_treatment, written_name


@pytest.mark.parametrize(("treatment", "shown"), [
    ("MRI of the lumbar spine", "MRI"),  # an acronym keeps its capitals
    ("Norco 10/325mg #120", "Norco"),  # a brand keeps its capital, the dose goes
    ("Tramadol ER 150mg #30", "Tramadol ER"),
    ("Lidoderm (lidocaine) patch 5%", "Lidoderm patch"),  # the parenthesis between the words goes, as normalized
    ("Retrospective request for TENS unit", "TENS unit"),
    ("physical therapy x 12", "physical therapy"),  # written in lower case: shown so
])
def test_a_normalized_name_is_shown_as_written(treatment, shown):
    assert written_name(normalize_treatment(treatment), treatment) == shown


def test_a_name_the_treatment_does_not_hold_is_returned_as_it_is():
    assert written_name("norco", "Hydrocodone/APAP") == "norco"
    assert written_name("", "anything") == ""

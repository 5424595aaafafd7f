"""Every annotated letter in seeds/ parses to its NAME.json, field by field (SCHEMA.md keys)."""

from __future__ import annotations

import pytest

from imr_archive.parsing import extract_text, parse_text
from tests.parsing.letters import annotated_letters, differences, expected, schema_view

LETTERS = annotated_letters()


def test_there_are_annotated_letters():
    assert len(LETTERS) >= 20


@pytest.mark.parametrize("letter", LETTERS, ids=lambda p: p.stem)
def test_letter_parses_as_annotated(letter):
    parsed = parse_text(extract_text(letter.read_bytes(), letter.name), file=letter.name)
    diffs = differences(schema_view(expected(letter)), schema_view(parsed.to_dict()))
    assert not diffs, f"{letter.name}:\n  " + "\n  ".join(diffs)
    assert parsed.file == letter.name
    assert not parsed.warnings, parsed.warnings


@pytest.mark.parametrize("kind", ["single_spaced", "no_markers", "running_headers", "hyphenated", "glued",
                                  "crlf_form_feeds", "double_spaces"])
def test_debris_does_not_change_the_parse(kind):
    """The same letters with more PDF debris (FORMATS.md) parse the same."""
    import random

    from tests.parsing.letters import DEBRIS

    failures = []
    for letter in LETTERS:
        raw = letter.read_text()
        messy = DEBRIS[kind](raw, random.Random(f"{letter.name}/{kind}"))
        diffs = differences(schema_view(expected(letter)), schema_view(parse_text(messy).to_dict()))
        failures += [f"{letter.name}: {d}" for d in diffs]
    assert not failures, "\n".join(failures)

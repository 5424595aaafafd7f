"""A field the query language does not know, or a value a field never has, is a visible note naming what is known."""

from __future__ import annotations

import pytest

from tests.web.conftest import html, total

SEARCH = "/search/"


def notes(response) -> list[str]:
    parts = html(response).split('<p class="alert alert--note" data-note')[1:]
    return [part.split(">", 1)[1].split("</p>", 1)[0] for part in parts]


def test_an_unknown_field_is_named_with_the_fields_there_are(client, site):
    response = client.get(SEARCH, {"q": "bogusfield:xyz"})
    assert response.status_code == 200
    [note] = notes(response)
    assert note.startswith("bogusfield: is not a field")
    for field in ("treatment:", "rationale:", "diagnosis:", "guideline:", "case:", "outcome:", "category:",
                  "specialty:"):
        assert field in note


@pytest.mark.parametrize(("q", "known"), [
    ("outcome:bogus", ["upheld", "overturned", "partial", "unknown"]),
    ("category:astrology", ["Pharmaceuticals", "Physical Therapy", "Evaluation &amp; Management"]),
    ("specialty:wizardry", ["Orthopedic Surgery", "Psychiatry"]),
])
def test_a_value_a_field_never_has_is_named_with_the_values_it_has(client, site, q, known):
    response = client.get(SEARCH, {"q": q})
    assert response.status_code == 200 and total(response) == 0
    [note] = notes(response)
    assert "nothing matches" in note
    for value in known:
        assert value in note

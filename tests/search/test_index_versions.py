"""An index built by another version of IMR Archive is told apart in one line and rebuilt, on both engines."""

from __future__ import annotations

import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from whoosh import index
from whoosh.fields import TEXT, Schema

from imr_archive.search.query import SearchQuery
from imr_archive.search.query_syntax import read
from imr_archive.search.whoosh import WhooshBackend
from imr_archive.search.whoosh.analysis import ProseTokenizer
from tests.search.test_analysis import document

CURSOR = "applied-sequence"


class RetiredTokenizer(ProseTokenizer):
    """A tokenizer class an older version had: pickled into its index's schema."""


def older_whoosh_index(folder, analyzer) -> None:
    index.create_in(str(folder), Schema(treatment=TEXT(analyzer=analyzer)))


def answer(backend, q: str) -> int:
    return backend.answer(SearchQuery(q=q), read(q).node, []).total


@pytest.mark.parametrize("built_by", ["a retired class", "another analyzer"])
def test_an_older_whoosh_index_is_reported_then_rebuilt(tmp_path, monkeypatch, built_by):
    if built_by == "a retired class":
        older_whoosh_index(tmp_path, RetiredTokenizer())
        monkeypatch.delattr(sys.modules[__name__], "RetiredTokenizer")  # the class is gone in this version
    else:
        older = ProseTokenizer()
        older.version = 1
        older_whoosh_index(tmp_path, older)
    (tmp_path / CURSOR).write_text("44")
    backend = WhooshBackend(tmp_path)
    with pytest.raises(ImproperlyConfigured) as another:
        answer(backend, "knee")
    assert str(another.value) == (f"the search index in {tmp_path} was built by another version of IMR Archive: "
                                  "run `python manage.py rebuild_index`")
    backend.clear()
    backend.replace_letters([1], [document(1, treatment="knee brace")])
    assert answer(backend, "knee") == 1
    assert (tmp_path / CURSOR).read_text() == "44"

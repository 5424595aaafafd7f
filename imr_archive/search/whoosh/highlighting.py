"""Snippets: fragments of a hit's text with the matched words marked, the rest escaped."""

from __future__ import annotations

from whoosh import highlight

from imr_archive.search.snippets import plain_snippet
from imr_archive.search.whoosh.schema import PROSE


class _MarkFormatter(highlight.HtmlFormatter):
    """Matched words in a bare <mark>; the text around them escaped by HtmlFormatter."""

    def format_token(self, text, token, replace=False):
        return f"<mark>{self._text(highlight.get_text(text, token, replace))}</mark>"


_MARK = _MarkFormatter(between=" … ")


def snippet(texts: list[str], terms: set[str]) -> str:
    """Fragments of the first text holding a matched word, escaped, the words in <mark>."""
    for text in texts:
        marked = highlight.highlight(text, terms, PROSE, highlight.ContextFragmenter(maxchars=240, surround=60),
                                     _MARK, top=2)
        if marked:
            return marked
    return plain_snippet(texts[0] if texts else "")


def whole_text_marked(text: str, terms: set[str]) -> str:
    """The whole text, escaped, the words in <mark> (the letter page's rationale of a hit)."""
    return highlight.highlight(text, terms, PROSE, highlight.WholeFragmenter(), _MARK, top=1) or ""

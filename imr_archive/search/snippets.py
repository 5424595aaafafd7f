"""Short, HTML-safe excerpts of an item's rationale for the results list."""

from django.utils.html import escape

SNIPPET_CHARS = 300


def plain_snippet(text: str, length: int = SNIPPET_CHARS) -> str:
    """The rationale's opening words, escaped, cut at a word boundary."""
    text = " ".join(text.split())
    if len(text) <= length:
        return escape(text)
    cut = text.rfind(" ", 0, length)
    return escape(text[: cut if cut > 0 else length]) + " …"

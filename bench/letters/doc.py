"""The letter as physical lines, with the PDF extraction debris real letters carry.

Wrapping at a random width, occasional end-of-line hyphenation, trailing spaces, page breaks with footers or
form feeds, single or double line spacing, CRLF line ends.
"""

from __future__ import annotations

import random

NO_HYPH = {
    "medically",
    "necessary",
    "appropriate",
    "certified",
    "partially",
    "overturned",
    "upheld",
    "guidelines",
    "treatment",
}
VOWELS = set("aeiouy")


class Doc:
    """The letter as physical lines, each followed by a joiner (newlines)."""

    def __init__(self, rng: random.Random, hyph_p: float, trail: str) -> None:
        self.rng = rng
        self.items: list[list[str]] = []  # [text, joiner]
        self.hyph_p = hyph_p
        self.trail = trail

    def width(self) -> int:
        return self.rng.randint(84, 99)

    def line(self, text: str, trail: str | None = None, joiner: str = "\n\n") -> None:
        self.items.append([text + (self.trail if trail is None else trail), joiner])

    def sep(self) -> None:
        self.items.append([" ", "\n\n"])

    def para(self, segments: list[tuple[str, bool]], extra_trail: str = "") -> None:
        rng = self.rng
        lines: list[str] = []
        cur = ""
        width = self.width()
        for text, hyph in segments:
            for word in text.split(" "):
                if cur == "" and word == "":
                    continue
                if cur == "":
                    cur = word
                    continue
                cand = cur + " " + word
                if len(cand) <= width:
                    cur = cand
                    continue
                if (
                    hyph
                    and self.hyph_p
                    and len(word) >= 8
                    and word.isalpha()
                    and word.islower()
                    and word not in NO_HYPH
                    and rng.random() < self.hyph_p
                ):
                    room = width - len(cur) - 2
                    k = min(room, len(word) - 3)
                    # break at a syllable-like boundary: V|CV ("medi-cation") or VC|CV ("recom-mended")
                    while k >= 3 and not (
                        word[k] not in VOWELS
                        and word[k + 1] in VOWELS
                        and (word[k - 1] in VOWELS or (word[k - 2] in VOWELS and word[k - 1] != word[k - 2]))
                    ):
                        k -= 1
                    if k >= 3:
                        lines.append(cur + " " + word[:k] + "-")
                        cur = word[k:]
                        width = self.width()
                        continue
                lines.append(cur)
                cur = word
                width = self.width()
        if cur:
            lines.append(cur)
        for n, ln in enumerate(lines):
            self.line(ln, (self.trail + extra_trail) if n == len(lines) - 1 else None)

    def render(self, footer: str | None, page_len: int, formfeed: bool, single: bool, crlf: bool) -> str:
        rng = self.rng
        items = self.items
        out: list[list[str]] = []
        count = 0
        page = 1
        limit = page_len + rng.randint(-3, 3)
        for k, it in enumerate(items):
            out.append(it)
            count += 1
            if count >= limit and k < len(items) - 2:
                if footer is None:
                    out.append(["\x0c" if formfeed else "", "\n\n"])
                else:
                    text = footer if footer != "PAGE" else f"Page {page} of @@"
                    out.append(["", "\n\n"])
                    out.append([text + self.trail, "\n\n"])
                    out.append(["\x0c" if formfeed else "", "\n\n"])
                page += 1
                count = 0
                limit = page_len + rng.randint(-3, 3)
        if footer is not None:
            text = footer if footer != "PAGE" else f"Page {page} of @@"
            out.append(["", "\n\n"])
            out.append([text + self.trail, "\n"])
        else:
            out.append(["", "\n\n"])
            out.append(["", "\n"])
        parts: list[str] = []
        for text, joiner in out:
            parts.append(text)
            parts.append("\n" if single else joiner)
        s = "".join(parts)
        if footer == "PAGE":
            s = s.replace(" of @@", f" of {page}")
        if crlf:
            s = s.replace("\n", "\r\n")
        return s

"""Guideline citations as data (Cit), their expected parse, and the page-list wordings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .names import EDITION, G_ACOEM, G_ACU, G_CP, G_ODG, G_OTHER, G_POST


def parse_pages(spec: str) -> tuple[tuple[int, int], ...]:
    """'76-80, 88-89' -> ((76, 80), (88, 89)); '43' -> ((43, 43),)."""
    out = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-")
            out.append((int(a), int(b)))
        else:
            out.append((int(part), int(part)))
    return tuple(out)


@dataclass(frozen=True)
class Cit:
    """One guideline citation, independent of how a letter words it."""

    g: str  # cp acu post acoem odg other
    topic: str | None = None  # cp/post topic, odg topic, other topic
    chapter: str | None = None  # odg chapter name, other source
    ch: int | None = None  # acoem chapter number
    pages: tuple[tuple[int, int], ...] = ()
    section: str | None = None
    mtus: bool = True
    edition: bool = False  # acoem 2nd Edition (2004) printed

    def expected(self, source: str) -> dict[str, Any]:
        guideline = {"cp": G_CP, "acu": G_ACU, "post": G_POST, "acoem": G_ACOEM, "odg": G_ODG, "other": G_OTHER}[self.g]
        if self.g in ("cp", "post"):
            chapter = self.topic
        elif self.g == "acoem":
            chapter = str(self.ch)
        elif self.g in ("odg", "other"):
            chapter = self.chapter
        else:
            chapter = None
        pages: list[int] = []
        for a, b in self.pages:
            pages.extend(range(a, b + 1))
        return {
            "source": source,
            "guideline": guideline,
            "mtus": self.mtus,
            "edition": EDITION if (self.g == "acoem" and self.edition) else None,
            "chapter": chapter,
            "section": self.section,
            "pages": sorted(set(pages)),
        }


def cp(topic: str | None, pages: str = "", section: str | None = None) -> Cit:
    return Cit("cp", topic=topic, pages=parse_pages(pages), section=section)


def acu(section: str | None = None) -> Cit:
    return Cit("acu", section=section)


def post(topic: str | None, pages: str, section: str | None = None) -> Cit:
    return Cit("post", topic=topic, pages=parse_pages(pages), section=section)


def acoem(ch: int, pages: str, edition: bool | None = None, mtus: bool = True) -> Cit:
    return Cit("acoem", ch=ch, pages=parse_pages(pages), mtus=mtus, edition=True if edition is None else edition)


def odg(chapter: str, topic: str | None) -> Cit:
    return Cit("odg", chapter=chapter, topic=topic, mtus=False)


def other(source: str, topic: str) -> Cit:
    return Cit("other", chapter=source, topic=topic, mtus=False)


def fmt_pages_det(pages: tuple[tuple[int, int], ...]) -> str:
    return ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in pages)


def fmt_pages_prose(pages: tuple[tuple[int, int], ...]) -> str:
    parts = [f"{a}-{b}" if a != b else str(a) for a, b in pages]
    word = "page" if len(parts) == 1 and pages[0][0] == pages[0][1] else "pages"
    if len(parts) == 1:
        return f"{word} {parts[0]}"
    return f"{word} {', '.join(parts[:-1])} and {parts[-1]}"

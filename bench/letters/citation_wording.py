"""Citation wording, one renderer per layout: determination guideline lines, and the prose of the other two."""

from __future__ import annotations

import random

from .citations import Cit, fmt_pages_det, fmt_pages_prose
from .helpers import wchoice
from .names import ACOEM_CHAPTERS, FORMAT_DOCS


def _det_section_pages(rng: random.Random, c: Cit, glue_p: float) -> str:
    """What follows the topic on a Chronic Pain or Postsurgical determination line: section, then pages."""
    s = ""
    if c.section:
        s += " " + c.section
    if c.pages:
        glued = not c.topic and not c.section and rng.random() < glue_p
        s += ("" if glued else " ") + "Page(s): " + fmt_pages_det(c.pages)
    return s


def render_det_one(rng: random.Random, c: Cit, glue_p: float, comma_p: float, drop_mtus: bool = False) -> str:
    """A citation as the determination layout's guideline lines write it."""
    mtus = "" if drop_mtus else "MTUS "
    if c.g == "cp":
        name = mtus + (
            "Chronic Pain Medical Treatment Guidelines" if rng.random() < 0.85 else "Chronic Pain Treatment Guidelines"
        )
        s = name
        if c.topic:
            s += wchoice(rng, [(" ", 85), (",", comma_p * 100), (", ", 5)]) + c.topic
        return s + _det_section_pages(rng, c, glue_p)
    if c.g == "acu":
        s = mtus + (
            "Acupuncture Treatment Guidelines" if rng.random() < 0.5 else "Acupuncture Medical Treatment Guidelines"
        )
        if c.section:
            s += " " + c.section
        return s
    if c.g == "post":
        s = mtus + "Postsurgical Treatment Guidelines"
        if c.topic:
            s += " " + c.topic
        return s + _det_section_pages(rng, c, glue_p)
    if c.g == "acoem":
        ch = c.ch or 0
        name = ACOEM_CHAPTERS.get(ch, "")
        pages = c.pages
        pword = "page" if len(pages) == 1 and pages[0][0] == pages[0][1] else "pages"
        ptxt = fmt_pages_det(pages)
        if not c.mtus:
            if c.edition:
                return (
                    f"Non-MTUS Citation American College of Occupational and Environmental Medicine (ACOEM), "
                    f"2nd Edition, (2004) Chapter {ch}, {pword} {ptxt}" + (", Consult" if rng.random() < 0.5 else "")
                )
            return f"Non-MTUS Citation ACOEM Guidelines, {name}, Chapter {ch}, {pword} {ptxt}"
        s = "MTUS ACOEM Practice Guidelines"
        if c.edition:
            s += ", 2nd Edition (2004), " if rng.random() < 0.8 else ", 2nd Edition, (2004) "
        else:
            s += " "
        s += f"Chapter {ch}"
        if name and rng.random() < 0.9:
            s += " " + name
        pstyle = wchoice(rng, [("comma", 70), ("space", 20), ("pps", 10)])
        if pstyle == "comma":
            s += f", {pword} {ptxt}"
        elif pstyle == "space":
            s += f" {pword} {ptxt}"
        else:
            s += f" Page(s): {ptxt}"
        return s
    if c.g == "odg":
        name = wchoice(
            rng, [("Official Disability Guidelines (ODG), ", 85), ("Official Disability Guidelines, ", 10), ("ODG ", 5)]
        )
        s = f"Non-MTUS Citation {name}{c.chapter} Chapter"
        if c.topic:
            s += ", " + c.topic
        return s
    return f"Non-MTUS Citation {c.chapter}, {c.topic}"


def render_det_line(rng: random.Random, cits: list[Cit], who: str, glue_p: float, comma_p: float) -> str:
    if not cits:
        return f"{who} guideline: The Claims Administrator did not cite any medical evidence for its decision."
    parts: list[str] = []
    prev: Cit | None = None
    for c in cits:
        drop = (
            prev is not None
            and prev.mtus
            and c.mtus
            and c.g in ("cp", "acu", "post")
            and prev.g in ("cp", "acu", "post")
            and rng.random() < 0.15
        )
        txt = render_det_one(rng, c, glue_p, comma_p, drop)
        if parts:
            if drop:
                sep = "," if rng.random() < 0.6 else ", "
            elif not c.mtus:
                sep = wchoice(rng, [(", ", 45), ("; ", 30), (",", comma_p * 100), (". ", 10)])
            else:
                sep = wchoice(rng, [("; ", 60), (", ", 40)])
            parts.append(sep)
        parts.append(txt)
        prev = c
    body = "".join(parts)
    end = wchoice(rng, [(".", 85), ("", 10), (". ", 5)])
    lead = "Decision based on "
    if all(not c.mtus for c in cits) and rng.random() < 0.6:
        subj = "The Claims Administrator" if who.startswith("Claims") else "The Expert Reviewer"
        lead = f"{subj} did not base their decision on the MTUS.  Decision based on "
    return f"{who} guideline: {lead}{body}{end}"


def _prose_topic_section_pages(c: Cit) -> str:
    """What follows a Chronic Pain or Postsurgical guideline's name in prose: topic, section, pages."""
    s = ""
    if c.topic:
        s += ", " + c.topic
    if c.section:
        s += ", section " + c.section
    if c.pages:
        s += ", " + fmt_pages_prose(c.pages)
    return s


def render_prose_one(rng: random.Random, c: Cit, layout: str) -> str:
    """A citation as the documents-reviewed / professional-review layouts word it."""
    docs = layout == FORMAT_DOCS
    art = "the " if docs else ""
    if c.g == "cp":
        s = art + ("MTUS " if (not docs or rng.random() < 0.15) else "") + "Chronic Pain Medical Treatment Guidelines"
        return s + _prose_topic_section_pages(c)
    if c.g == "acu":
        s = art + ("" if docs else "MTUS ") + "Acupuncture Medical Treatment Guidelines"
        if c.section:
            s += ", section " + c.section
        return s
    if c.g == "post":
        s = art + ("" if docs else "MTUS ") + "Postsurgical Treatment Guidelines"
        return s + _prose_topic_section_pages(c)
    if c.g == "acoem":
        ch = c.ch or 0
        name = ACOEM_CHAPTERS.get(ch, "")
        if docs:
            s = art + wchoice(
                rng,
                [
                    ("ACOEM Practice Guidelines", 60),
                    ("American College of Occupational and Environmental Medicine (ACOEM) Practice Guidelines", 40),
                ],
            )
            if c.edition:
                s += ", 2nd Edition (2004)"
            s += f", Chapter {ch}"
            if name:
                s += f", {name}"
        else:
            s = ("MTUS " if c.mtus else "") + "ACOEM Practice Guidelines"
            if c.edition:
                s += ", 2nd Edition (2004)"
            s += f", Chapter {ch} {name}" if name else f", Chapter {ch}"
        return s + ", " + fmt_pages_prose(c.pages)
    if c.g == "odg":
        s = art + f"Official Disability Guidelines (ODG), {c.chapter} Chapter"
        if c.topic:
            s += ", " + c.topic
        return s
    return art + f"{c.chapter}, {c.topic}"


def group_prose(rng: random.Random, cits: list[Cit], layout: str) -> str:
    """Join citations; consecutive Chronic Pain topics may share one guideline name."""
    docs = layout == FORMAT_DOCS
    chunks: list[str] = []
    i = 0
    while i < len(cits):
        c = cits[i]
        j = i + 1
        if c.g == "cp" and c.topic and c.pages and not c.section and rng.random() < 0.7:
            while j < len(cits) and cits[j].g == "cp" and cits[j].topic and cits[j].pages and not cits[j].section:
                j += 1
        if j - i > 1:
            first = render_prose_one(rng, c, layout)
            rest = [f"{x.topic}, {fmt_pages_prose(x.pages)}" for x in cits[i + 1 : j]]
            txt = first + ", " + ", ".join(rest[:-1]) + (", " if len(rest) > 1 else "") + "and " + rest[-1]
            plural = True
        else:
            txt = render_prose_one(rng, c, layout)
            plural = rng.random() < 0.4
        if docs or c.g == "odg" or not c.mtus:
            if c.mtus:
                txt += ", which are part of the MTUS" if plural else ", which is part of the MTUS"
            else:
                txt += ", which is not part of the MTUS"
        chunks.append(txt)
        i = j
    if len(chunks) == 1:
        return chunks[0]
    return ", ".join(chunks[:-1]) + ", and " + chunks[-1]

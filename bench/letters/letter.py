"""One letter: its random generator, the state its parts share, and the order in which they are drawn."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from .dates import draw_dates
from .doc import Doc
from .expected import expected_parse
from .helpers import wchoice
from .item import Item
from .kinds import draw_items
from .layout_determination import render_determination
from .layout_documents import render_documents_reviewed
from .layout_notice import render_notice
from .layout_professional import render_professional_review
from .names import FORMAT_DET, FORMAT_DOCS, FORMAT_NOTICE, FORMAT_PROF
from .people import draw_diagnoses, draw_patient, draw_reviewer
from .regions import REGION_BY_KEY, REGIONS, Region


class LetterGen:
    """Letter number `index` of a run: every draw comes from its own generator seeded with (seed, index), in a
    fixed order, so a letter does not depend on the others. The attributes are the state the parts share."""

    # set by draw_dates
    ur: date
    app: date
    assigned: date
    decision: date
    dated: date
    injury: date
    case_number: str
    # set by draw_patient
    age: int
    sex: str | None
    who: str
    pron: dict[str, str]
    # set by build and draw_items: the injury's body region, and the one the latest item kind picked
    region: Region
    last_region: Region | None
    items: list[Item]
    psych_dx_p: float
    # set by draw_reviewer
    spec: str
    spec_written: str
    sub: str | None
    states: list[str]
    cred_mode: str  # prose, block, none (determination) or om (professional review by an acupuncturist)
    # set by draw_diagnoses and the case summary
    dx: list[str]
    dx_list_form: bool
    comp: str
    # set by build and the layout renderers
    layout: str
    glue_p: float
    comma_p: float
    case_shown: bool
    header_shown: bool
    dated_shown: bool
    ur_in_summary: bool

    def __init__(self, seed: int, index: int, name: str, used_case_numbers: set[str]) -> None:
        self.rng = random.Random(f"imr-archive-bench:{seed}:{index}")
        self.name = name
        self.used_case_numbers = used_case_numbers  # shared by the run's letters: case numbers are unique in a run
        self.sides: dict[str, str] = {}

    def side_for(self, region: Region) -> str:
        """The injured side of a sided region, drawn once per letter so every mention agrees."""
        if region.key not in self.sides:
            self.sides[region.key] = "right" if self.rng.random() < 0.58 else "left"
        return self.sides[region.key]

    def pick_region(self, exclude_psych: bool = False, prefer: tuple[str, ...] = ()) -> Region:
        """The body region an item is for: mostly the injury's own, sometimes another (remembered in last_region)."""
        rng = self.rng
        r = self.region
        if exclude_psych and r.key == "psych":
            r = REGION_BY_KEY["lumbar"]
        if prefer and r.key not in prefer and rng.random() < 0.6:
            r = REGION_BY_KEY[rng.choice(prefer)]
        elif rng.random() >= 0.75:
            pool = [x for x in REGIONS if not (exclude_psych and x.key == "psych")]
            r = wchoice(rng, [(x, x.weight) for x in pool])
        self.last_region = r
        return r

    def report_date(self) -> date:
        """A progress report date between the injury and the utilization review."""
        lo = max(self.injury + timedelta(days=20), self.ur - timedelta(days=150))
        span = max(1, (self.ur - timedelta(days=4) - lo).days)
        return lo + timedelta(days=self.rng.randint(0, span))

    def fill(self, s: str, **extra: Any) -> str:
        """Fill a pool sentence's placeholders: the patient's pronouns plus `extra`."""
        ctx = dict(self.pron)
        ctx.update(extra)
        return s.format_map(ctx)

    def build(self) -> tuple[str, dict[str, Any]]:
        """The letter's text and its expected parse. The order of the draws below fixes the output for a seed."""
        rng = self.rng
        self.layout = wchoice(rng, [(FORMAT_DET, 72), (FORMAT_DOCS, 16), (FORMAT_PROF, 8), (FORMAT_NOTICE, 4)])
        draw_dates(self)
        draw_patient(self)
        # the injury's body region; a psychiatric claim is set below when every request is psychiatric
        self.region = wchoice(rng, [(r, r.weight) for r in REGIONS if r.key != "psych"])
        draw_items(self)
        draw_reviewer(self)
        draw_diagnoses(self)
        # debris settings
        hyph_p = 0.12 if rng.random() < 0.3 else 0.0
        trail = " " if rng.random() < 0.85 else ""
        self.glue_p = 0.4 if rng.random() < 0.4 else 0.0  # "GuidelinesPage(s):"
        self.comma_p = 0.12 if rng.random() < 0.5 else 0.0  # "Guidelines,Chronic Pain"
        doc = Doc(rng, hyph_p, trail)
        self.case_shown = False
        LAYOUTS[self.layout](self, doc)
        footer_kind = wchoice(rng, [(None, 35), ("PAGE", 40), ("CASE", 25)])
        if footer_kind == "CASE" and self.layout == FORMAT_DET:
            footer: str | None = self.case_number
            self.case_shown = True
        elif footer_kind is None:
            footer = None
        else:
            footer = "PAGE"
        text = doc.render(footer, rng.randint(46, 60), rng.random() < 0.08, rng.random() < 0.1, rng.random() < 0.08)
        return text, expected_parse(self)


LAYOUTS: dict[str, Callable[[LetterGen, Doc], None]] = {
    FORMAT_DET: render_determination,
    FORMAT_DOCS: render_documents_reviewed,
    FORMAT_PROF: render_professional_review,
    FORMAT_NOTICE: render_notice,
}

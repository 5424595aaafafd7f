"""Helpers for the browser tests: Debian's Chromium driven by Playwright, axe-core, screenshots.

Chromium is Debian's package at /usr/bin/chromium (scripts/install-test-system-deps.sh installs it;
`make test` runs that script first). Playwright's own browser download (`playwright install`) is never
used: it needs the internet.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db import connections
from playwright.sync_api import Browser, sync_playwright

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
AXE = REPO / "static" / "vendor" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "var" / "screenshots"

# Headless, as root (no sandbox), and quiet on a machine with no network: without the background-networking
# flags Chromium keeps trying to reach Google's hosts and its connections are refused, many at a time.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# axe-core impacts that fail a test; "moderate" and "minor" are printed but tolerated.
BLOCKING_IMPACTS = ("serious", "critical")


def require_chromium() -> str:
    """The path of Debian's Chromium, or a failure saying how to install it (never a silent skip)."""
    if not CHROMIUM.exists():
        raise AssertionError(
            f"{CHROMIUM} is missing: the browser tests need Debian's Chromium. "
            "Run `sh scripts/install-test-system-deps.sh` as root (or `make test`, which runs it)."
        )
    if not AXE.exists():
        raise AssertionError(f"{AXE} is missing: axe-core is vendored in the repository (static/vendor/axe-core/).")
    return str(CHROMIUM)


@contextmanager
def headless_chromium() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright, for as long as the block runs.

    Playwright's sync API runs an asyncio event loop on this thread while it is started. Django then sees a
    "running event loop" and refuses ORM calls from this thread (SynchronousOnlyOperation): seed ingests and
    pytest-django's database flush are such calls. They are plain synchronous code that never runs inside that
    loop, so DJANGO_ALLOW_ASYNC_UNSAFE is set while the browser lives and the previous value restored after.
    """
    executable = require_chromium()
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
            # ORM calls made while Playwright's loop ran got connections of their own (Django keeps them per
            # async context); left open, PostgreSQL refuses to drop the test database at the end.
            connections.close_all()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def fresh_screenshot_folder() -> Path:
    """var/screenshots/ emptied of the previous run's pictures (var/ is git-ignored)."""
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS


def shoot(page, name: str, full_page: bool = True) -> Path:
    """A screenshot of the page (whole, or only the screen the user sees) as var/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


# -- axe-core --------------------------------------------------------------------------------------


def axe_violations(page) -> list[dict]:
    """Every axe-core violation on the page as it is now (axe.min.js injected from the vendored copy)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    # A page where axe found nothing must be one where its rules really ran.
    assert result["testEngine"]["name"] == "axe-core" and result["passes"], f"axe-core did not run on {page.url}"
    return result["violations"]


def describe_violations(violations: list[dict], limit_nodes: int = 6) -> str:
    """Violations as readable lines: rule id, impact, help, and the elements (CSS targets) it failed on."""
    lines = []
    for v in violations:
        lines.append(f"- [{v.get('impact')}] {v['id']}: {v['help']} ({v.get('helpUrl', '')})")
        for node in v["nodes"][:limit_nodes]:
            target = " ".join(json.dumps(t) if not isinstance(t, str) else t for t in node["target"])
            summary = (node.get("failureSummary") or "").replace("\n", " ").strip()
            lines.append(f"    at {target}: {node.get('html', '')[:160]}")
            if summary:
                lines.append(f"       {summary[:300]}")
        if len(v["nodes"]) > limit_nodes:
            lines.append(f"    ... and {len(v['nodes']) - limit_nodes} more elements")
    return "\n".join(lines)


def blocking(violations: list[dict]) -> list[dict]:
    return [v for v in violations if v.get("impact") in BLOCKING_IMPACTS]


def wait_for_scrolling_to_stop(page, frames: int = 5) -> None:
    """Wait until the page stops scrolling (the site's CSS scrolls smoothly to an anchor, so a page opened at
    #item-N is still moving when it has loaded), then return."""
    page.evaluate(
        """(frames) => new Promise(resolve => {
            let last = -1, still = 0;
            const tick = () => {
                still = window.scrollY === last ? still + 1 : 0;
                last = window.scrollY;
                if (still >= frames) resolve(); else requestAnimationFrame(tick);
            };
            requestAnimationFrame(tick);
        })""",
        frames,
    )


# -- layout ----------------------------------------------------------------------------------------


def horizontal_overflow(page, width: int) -> dict | None:
    """None when the page does not scroll sideways on a screen `width` CSS pixels wide; otherwise the widths and
    the elements sticking out furthest.

    On an emulated phone, a page wider than the screen is zoomed out and window.innerWidth grows to fit it, so the
    document is also held to the screen's own width.
    """
    return page.evaluate(
        """(width) => {
            const doc = document.documentElement;
            const limit = Math.min(window.innerWidth, width);
            if (doc.scrollWidth <= limit) return null;
            const wide = [];
            for (const el of document.body.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (r.right > limit + 1 && r.width > 0) {
                    const cls = el.className && typeof el.className === 'string' ? '.' + el.className.trim()
                        .split(/\\s+/).join('.') : '';
                    wide.push({el: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls,
                               right: Math.round(r.right)});
                }
            }
            wide.sort((a, b) => b.right - a.right);
            return {scrollWidth: doc.scrollWidth, innerWidth: window.innerWidth, widest: wide.slice(0, 8)};
        }""",
        width,
    )

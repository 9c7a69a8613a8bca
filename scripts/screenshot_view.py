"""Screenshots of a ``graphmodel view`` page in headless Chromium, with every request to
anything but the page's own file aborted (so a page that needed the network would show it).

    python scripts/screenshot_view.py view.html out.png [--select NAME]

Prints the requests that were attempted (none is expected) and the time to the first render.
With ``--select``, searches for NAME, clicks the first hit and shoots the page with the
details panel open.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def shoot(page_file: Path, png: Path, select: str | None = None) -> dict:
    """Open ``page_file`` offline, screenshot it to ``png``; what happened, as a dict."""
    blocked: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1600, "height": 1000})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))

        def route(r):
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(page_file.resolve().as_uri())
        page.wait_for_function("window.viewReady !== undefined", timeout=60_000)
        ready = page.evaluate("window.viewReady")
        if select:
            page.fill("#search", select)
            page.click("#hits li >> nth=0")
            page.wait_for_timeout(700)
        page.screenshot(path=str(png))
        browser.close()
    return {"blocked": blocked, "errors": errors, "ready_ms": ready}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--select")
    args = parser.parse_args()
    print(shoot(args.page, args.png, args.select))


if __name__ == "__main__":
    main()

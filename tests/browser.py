"""Headless Chromium for the tests that need a real browser: the report printed, axe-core's WCAG
checks of the report, the public calendar and the site's pages. Tests skip when Chromium or axe-core is missing
(`.ci/run` installs both; locally `npm install --prefix /tmp/axe axe-core@4` and
HANKINTA_AXE_JS=/tmp/axe/node_modules/axe-core/axe.min.js)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
AXE = os.environ.get("HANKINTA_AXE_JS", "")
HAVE_AXE = CHROMIUM is not None and Path(AXE).is_file()


def _axe_script() -> str:
    return ("<script>" + Path(AXE).read_text(encoding="utf-8") + "</script><script>"
            "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']}).then(function (r) {"
            "var p = document.createElement('pre'); p.id = 'axe-result';"
            "p.textContent = JSON.stringify(r.violations.map(function (v) { return [v.id, v.nodes.length]; }));"
            "document.body.appendChild(p); });</script>")


def _run(page: Path, profile: Path) -> list[list[object]]:
    assert CHROMIUM is not None
    run = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          f"--user-data-dir={profile}", "--virtual-time-budget=20000", "--dump-dom",
                          page.as_uri()], capture_output=True, text=True, timeout=120)
    found = re.search(r'<pre id="axe-result">([^<]*)</pre>', run.stdout)
    assert found, "axe did not run"
    result: list[list[object]] = json.loads(found.group(1))
    return result


def axe_violations(html: str, tmp_path: Path) -> list[list[object]]:
    """WCAG 2 A/AA violations axe-core finds in `html`, run inside headless Chromium."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    page = tmp_path / "axe.html"
    page.write_text(html.replace("</body>", _axe_script() + "</body>"), encoding="utf-8")
    return _run(page, tmp_path / "profile")


def axe_page(page: Path, profile: Path) -> list[list[object]]:
    """The violations on a page of a site, checked beside it (a copy in its folder), so that its
    relative style sheet and links load as they do for a reader."""
    copy = page.with_name(".axe-" + page.name)
    copy.write_text(page.read_text(encoding="utf-8").replace("</body>", _axe_script() + "</body>"), encoding="utf-8")
    try:
        return _run(copy, profile)
    finally:
        copy.unlink()


def page_widths(html: str, tmp_path: Path, width: int = 1280) -> tuple[int, int]:
    """(scrollWidth, clientWidth) of `html`'s page in a `width`-pixel window: a scroll width over
    the client width means something sticks out sideways."""
    assert CHROMIUM is not None
    tmp_path.mkdir(parents=True, exist_ok=True)
    page = tmp_path / "widths.html"
    script = ("<script>var p = document.createElement('pre'); p.id = 'widths'; p.textContent = "
              "document.documentElement.scrollWidth + ' ' + document.documentElement.clientWidth; "
              "document.body.appendChild(p);</script>")
    page.write_text(html.replace("</body>", script + "</body>"), encoding="utf-8")
    run = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          f"--user-data-dir={tmp_path / 'profile'}", f"--window-size={width},1000", "--dump-dom",
                          page.as_uri()], capture_output=True, text=True, timeout=120)
    found = re.search(r'<pre id="widths">(\d+) (\d+)</pre>', run.stdout)
    assert found, run.stderr[-2000:]
    return int(found.group(1)), int(found.group(2))

"""Headless Chromium and axe-core for the tests of HTML pages (the report, the public calendar).

The tests that need them skip without them: Chromium on PATH, and axe-core's axe.min.js named by
HANKINTA_AXE_JS (`npm install --prefix /tmp/axe axe-core@4`; .ci/run installs both)."""

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


def axe_violations(html: str, tmp_path: Path) -> list[list[object]]:
    """WCAG 2 A/AA violations axe-core finds in `html`, run inside headless Chromium."""
    assert CHROMIUM is not None
    script = ("<script>" + Path(AXE).read_text(encoding="utf-8") + "</script><script>"
              "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']}).then(function (r) {"
              "var p = document.createElement('pre'); p.id = 'axe-result';"
              "p.textContent = JSON.stringify(r.violations.map(function (v) { return [v.id, v.nodes.length]; }));"
              "document.body.appendChild(p); });</script>")
    tmp_path.mkdir(parents=True, exist_ok=True)
    page = tmp_path / "axe.html"
    page.write_text(html.replace("</body>", script + "</body>"), encoding="utf-8")
    run = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=20000", "--dump-dom",
                          page.as_uri()], capture_output=True, text=True, timeout=120)
    found = re.search(r'<pre id="axe-result">([^<]*)</pre>', run.stdout)
    assert found, "axe did not run"
    result: list[list[object]] = json.loads(found.group(1))
    return result

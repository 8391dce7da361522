"""Reports from hostile programmes and templates (issue 10, items 1, 8 and 11).

A programme is text from other people: whatever it holds must come out of a report as text,
never as Markdown/HTML markup, CSS, a fetch or a reordered line. A template is code: it runs in
Jinja's sandbox with bounded cost. `--since REVISION` reads the old file with the loader's limits
and says so when it cannot compare, instead of calling everything new.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

from conftest import CATALOGUE, PROGRAMMES, hankinta, markdown_tables
from hankinta_cli.escape import one_line

SOURCE = PROGRAMMES / "valtio-innovatiiviset-hankinnat-2017-2019.yaml"
AS_OF = "2019-06-30"

# One hostile string per kind of attack; each goes into several fields below.
COMMENT = "Ohjelma\n<!--"  # an HTML comment opened in a heading hides the rest of the report on GitHub
HTML = "<script>alert(1)</script> <img src=x onerror=alert(1)>"
IMAGE = "![kuva](http://127.0.0.1:9/x.png) [linkki](http://127.0.0.1:9/) <http://127.0.0.1:9/>"
PIPES = "a | b | c"
CONTROLS = "abc\u202edef \x1b[31mpunainen\x1b[0m \u2066x\u2069"
CSS_BREAK = '\n} } * {display:none} html { background: url(http://127.0.0.1:9/y.png) } x { x: "'


def _hostile_programme(folder: Path, themes: int | None = None) -> Path:
    """A shipped programme with hostile text in every kind of field a report shows."""
    data = yaml.safe_load(SOURCE.read_text(encoding="utf-8"))
    if themes is not None:
        data["themes"] = data["themes"][:themes]
    data["name"] = COMMENT + CSS_BREAK + CONTROLS
    data["organisation"] = HTML + " " + PIPES
    data["follow_up"] = IMAGE
    theme = data["themes"][0]
    theme["name"] = "Teema\n# otsikko " + HTML
    measure = theme["measures"][0]
    measure["title"] = HTML + " " + PIPES + " " + CONTROLS
    measure["objective"] = IMAGE + " | x"
    measure["responsible"] = [PIPES, "[x](javascript:alert(1))"]
    measure["schedule"] = {"due": "2018-06-30"}  # late: the title is also in the decisions list
    measure["status"] = "käynnissä"
    measure["history"] = [{"date": "2018-01-10", "status": "käynnissä", "note": "1. " + HTML + " " + CONTROLS}]
    measure["indicators"] = [
        {"id": "Q1", "name": IMAGE, "kind": "laadullinen",
         "observations": [{"period": 2018, "value": "hyvä | huono " + HTML}]},
        {"id": "N1", "name": "Määrä " + PIPES, "kind": "lukumäärä", "unit": "| kpl <b>",
         "targets": [{"value": 10, "deadline": "2019-12-31"}],
         "observations": [{"period": 2017, "value": 1}, {"period": 2018, "value": 2}]},
    ]
    data["indicators"][0]["unit"] = "%|x"
    shutil.copy(CATALOGUE, folder / CATALOGUE.name)
    target = folder / "vihamielinen.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert hankinta("check", str(target)).code == 0, "the hostile programme is a valid programme"
    return target


def _report(*args: str) -> str:
    run = hankinta("report", *args)
    assert run.code == 0, run.stderr
    return run.stdout


def _walk(tokens: list[Any]) -> Iterator[Any]:
    for tok in tokens:
        yield tok
        yield from _walk(tok.children or [])


def _assert_markdown_is_inert(md: str) -> None:
    tokens = list(_walk(MarkdownIt("commonmark").enable("table").parse(md)))
    markup = {t.type for t in tokens} & {"html_inline", "html_block", "image", "link_open", "autolink_open"}
    assert not markup, f"data became markup: {markup}"
    for rows in markdown_tables(md):
        assert len(set(rows)) == 1, f"a table row gained columns: {rows}"
    text = "".join(t.content for t in tokens if t.type == "text")
    # the data is still there, shown as written
    for shown in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "![kuva](http://127.0.0.1:9/x.png)",
                  "a | b | c", "hyvä | huono <script>", "<!--", "| kpl <b>"):
        assert shown in text, shown
    headings = [t for t in tokens if t.type == "heading_open"]
    assert len(headings) > 10, "the whole report is there (nothing hidden in a comment)"


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_hostile_programme_is_plain_text_in_markdown(tmp_path: Path, lang: str) -> None:
    target = _hostile_programme(tmp_path)
    md = _report(str(target), "-f", "md", "--as-of", AS_OF, "--since", "2017-06-01", "--lang", lang)
    _assert_markdown_is_inert(md)
    assert "\u202e" not in md and "\x1b" not in md and "\u2066" not in md
    # a combined report: the roll-up and shared indicator tables too
    other = tmp_path / "toinen.yaml"
    other.write_text(target.read_text(encoding="utf-8").replace("id: valtio-", "id: toinen-", 1), encoding="utf-8")
    catalogue = tmp_path / CATALOGUE.name
    entry = "name: Innovatiivisten hankintojen osuus kaikista hankinnoista"
    text = catalogue.read_text(encoding="utf-8").replace(entry, "name: " + json.dumps("Osuus | " + HTML), 1)
    catalogue.write_text(text, encoding="utf-8")
    combined = _report(str(tmp_path), "-f", "md", "--as-of", AS_OF, "--lang", lang)
    _assert_markdown_is_inert(combined)


def _css_page_content(html: str) -> tuple[list[str], str]:
    """The at-rules of the report's style sheet and the footer text of its @page rule, as a CSS
    parser (tinycss2, WeasyPrint's own) reads them."""
    import tinycss2

    style = re.search(r"<style>(.*?)</style>", html, re.S)
    assert style, "one style element"
    rules = tinycss2.parse_stylesheet(style.group(1), skip_whitespace=True, skip_comments=True)
    kinds = [r.at_keyword if r.type == "at-rule" else r.type for r in rules]
    footer = None
    for rule in rules:
        if rule.type == "at-rule" and rule.at_keyword == "page" and rule.content:
            for inner in tinycss2.parse_blocks_contents(rule.content, skip_whitespace=True):
                if inner.type == "at-rule" and inner.at_keyword == "bottom-left" and inner.content:
                    for decl in tinycss2.parse_blocks_contents(inner.content, skip_whitespace=True):
                        if decl.type == "declaration" and decl.name == "content":
                            footer = "".join(t.value for t in decl.value if t.type == "string")
    assert footer is not None, "the footer rule is still one string"
    return kinds, footer


@pytest.mark.parametrize("lang", ["en"])
def test_hostile_programme_cannot_break_out_of_the_css_string(tmp_path: Path, lang: str) -> None:
    target = _hostile_programme(tmp_path)
    html = _report(str(target), "--as-of", AS_OF, "--lang", lang, "--since", "2017-06-01")
    kinds, footer = _css_page_content(html)
    plain_kinds, _ = _css_page_content(_report(str(SOURCE), "--as-of", AS_OF, "--lang", lang))
    assert kinds == plain_kinds, "no rule added or removed by the programme name"
    name = one_line(COMMENT + CSS_BREAK + CONTROLS)
    assert footer.startswith(name + " – "), footer
    assert "\u202e" not in html and "\x1b" not in html and "\u2066" not in html
    assert "<script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html.replace("<wbr>", "")  # a long word's break chances


def test_control_characters_are_removed_from_every_output_even_of_an_overriding_template(tmp_path: Path) -> None:
    """`clean` runs on every expression a template prints (Jinja's finalize), attributes and
    filter results included, so a repository's own template cannot forget it."""
    target = _hostile_programme(tmp_path, themes=1)
    templates = tmp_path / "pohjat"
    templates.mkdir()
    (templates / "report.html.j2").write_text(
        '<p title="{{ title }}">{{ title|upper }}</p>{% for p in programmes %}{{ p.organisation ~ title }}'
        "{{ p.themes[1].measures[0].latest_note }}{% endfor %}\n", encoding="utf-8")
    (templates / "report.md.j2").write_text("{{ title|lower }} {{ programmes[0].themes[1].measures[0].title }}\n",
                                            encoding="utf-8")
    for fmt in ("html", "md"):
        out = _report(str(target), "-f", fmt, "--templates", str(templates), "--as-of", AS_OF)
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out), repr(out)
        assert "punainen" in out.lower()


class _Listener:
    """A local TCP port that records whether anything connected to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.setblocking(False)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"

    def connected(self) -> bool:
        try:
            conn, _ = self.sock.accept()
        except BlockingIOError:
            return False
        conn.close()
        return True


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_hostile_name_in_a_pdf_fetches_nothing_and_hides_nothing(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint")
    listener = _Listener()
    target = _hostile_programme(tmp_path, themes=1)
    text = target.read_text(encoding="utf-8").replace("http://127.0.0.1:9", listener.url)
    target.write_text(text, encoding="utf-8")
    pdf = tmp_path / "r.pdf"
    run = hankinta("report", str(target), "-o", str(pdf), "--as-of", AS_OF)
    assert run.code == 0, run.stderr
    assert not listener.connected(), "the PDF renderer fetched a URL from the programme"
    shown = _pdf_text(pdf)
    assert "Tulosohjaus ja valtionavustusten ehdot" in shown, "the report text is there (not display: none)"


def test_pdf_renderer_loads_nothing_outside_the_document(tmp_path: Path) -> None:
    """Defence in depth: even markup a template puts there cannot make the PDF fetch a URL or read a
    local file; only data: URLs (inline images) are loaded."""
    pytest.importorskip("weasyprint")
    from hankinta_cli.presenting.report.render import pdf_bytes

    listener = _Listener()
    hide = tmp_path / "piilota.css"
    hide.write_text("* { display: none }", encoding="utf-8")
    dot = "data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' width='4' height='4'/>"
    html = (f'<!DOCTYPE html><html><head><link rel="stylesheet" href="{hide.as_uri()}">'
            f'<link rel="stylesheet" href="{listener.url}/x.css"><style>@import url({listener.url}/i.css);</style>'
            f'</head><body><p>Näkyvä teksti</p><img src="{listener.url}/y.png"><img src="{dot}"></body></html>')
    pdf = tmp_path / "r.pdf"
    pdf.write_bytes(pdf_bytes(html))
    assert not listener.connected()
    assert "Näkyvä teksti" in _pdf_text(pdf), "a local style sheet was not loaded"


# --- item 11: templates are code, run in the sandbox ---------------------------------------------


def _template_dir(tmp_path: Path, body: str, name: str = "report.md.j2") -> Path:
    folder = tmp_path / "pohjat"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(body, encoding="utf-8")
    return folder


def _refused(tmp_path: Path, body: str, name: str = "report.md.j2") -> str:
    templates = _template_dir(tmp_path, body, name)
    out = tmp_path / ("r.md" if name.endswith(".md.j2") else "r.html")
    run = hankinta("report", str(SOURCE), "-f", "md" if name.endswith(".md.j2") else "html",
                   "--templates", str(templates), "-o", str(out))
    assert run.code == 2, (run.code, run.stdout[:200], run.stderr)
    assert "Traceback" not in run.stderr and f"{name}:" in run.stderr, run.stderr
    assert not out.exists()
    return run.stderr


def test_template_cannot_run_a_shell_command(tmp_path: Path) -> None:
    marker = tmp_path / "ajettu"
    err = _refused(tmp_path, f"otsikko\n{{{{ cycler.__init__.__globals__.os.system('touch {marker}') }}}}\n")
    assert not marker.exists(), "the template ran a shell command"
    assert "report.md.j2:2" in err
    _refused(tmp_path, "{{ lipsum.__globals__['os'].system('touch " + str(marker) + "') }}", "report.html.j2")
    assert not marker.exists()


@pytest.mark.parametrize("body", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ title.__class__ }}",
    "{% for c in [].__class__.__base__.__subclasses__() %}{{ c }}{% endfor %}",
    "{{ joiner.__init__.__globals__.keys()|list }}",
    "{{ namespace.__init__.__globals__['__builtins__']['open']('/etc/passwd').read() }}",
])
def test_template_cannot_reach_python_internals(tmp_path: Path, body: str) -> None:
    _refused(tmp_path, body)


def test_template_cannot_include_a_file_outside_its_folder(tmp_path: Path) -> None:
    secret = tmp_path / "salainen.txt"
    secret.write_text("SALAISUUS", encoding="utf-8")
    templates = _template_dir(tmp_path, '{% include "vuoto.txt" %}')
    (templates / "vuoto.txt").symlink_to(secret)
    err = _refused(tmp_path, '{% include "vuoto.txt" %}')
    assert "SALAISUUS" not in err and "vuoto.txt" in err


def test_template_arithmetic_error_is_a_clear_message(tmp_path: Path) -> None:
    assert "report.md.j2:2" in _refused(tmp_path, "x\n{{ 1 / 0 }}\n")


def test_overriding_template_still_works_in_the_sandbox(tmp_path: Path) -> None:
    templates = _template_dir(tmp_path, "# {{ title|md }}\n{% for p in programmes %}{{ p.summary.measures }} "
                                        "{{ p.themes[1].name|upper }} {{ '%s/%s'|format(1, 2) }} "
                                        "{{ as_of|date }}{% endfor %}\n")
    out = _report(str(SOURCE), "-f", "md", "--templates", str(templates), "--as-of", AS_OF)
    assert out.startswith("# Innovatiivisten julkisten") and "JOHTAMINEN 1/2 30.6.2019" in out


@pytest.mark.parametrize("body", [
    "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
    "{{ 10 ** (10 ** 10) }}",
    "{{ 'x' * 3000000000 }}",
    "{{ 'x'|center(3000000000) }}",
    "{% for i in range(10**9) %}x{% endfor %}",
])
def test_hostile_template_costs_little(tmp_path: Path, body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A template cannot make a report run for minutes or eat the machine's memory."""
    from hankinta_cli.presenting.report import render

    monkeypatch.setattr(render, "TEMPLATE_CPU_SECONDS", 1)
    err = _refused(tmp_path, body)
    assert "report.md.j2" in err


# --- item 8: --since REVISION reads the old version with the loader's limits ----------------------


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    folder = tmp_path / "repo"
    folder.mkdir()
    _git(folder, "init", "-q")
    (folder / "LUEMINUT").write_text("x\n", encoding="utf-8")
    _git(folder, "add", ".")
    _git(folder, "commit", "-q", "-m", "alku")
    return folder


def _commit(repo: Path, name: str, text: str) -> None:
    (repo / name).write_text(text, encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", name)


GOOD = SOURCE.read_text(encoding="utf-8")


@pytest.mark.parametrize(("old", "lang"), [("rikki: [\n", "fi"), ("schema_version: 1\nid: x\n", "en"), (None, "fi")],
                         ids=["yaml", "model", "missing"])
def test_since_an_unusable_old_version_is_said_not_called_all_new(repo: Path, old: str | None, lang: str) -> None:
    if old is not None:
        _commit(repo, "ohjelma.yaml", old)
    (repo / "ohjelma.yaml").write_text(GOOD, encoding="utf-8")
    run = hankinta("report", str(repo / "ohjelma.yaml"), "--since", "HEAD", "-f", "md", "--as-of", AS_OF,
                   "--lang", lang)
    assert run.code == 0, run.stderr
    section = run.stdout.split("\n## ")[2]
    assert section.startswith(("Muutokset", "Changes")), section[:80]
    assert "Uusi toimenpide" not in run.stdout and "New measure" not in run.stdout
    note = "ei voitu verrata" if lang == "fi" else "could not be compared"
    assert note in section, section
    assert ("varoitus" if lang == "fi" else "warning") in run.stderr and note in run.stderr, run.stderr
    html = hankinta("report", str(repo / "ohjelma.yaml"), "--since", "HEAD", "--as-of", AS_OF, "--lang", lang)
    assert html.code == 0 and note in html.stdout


def test_since_a_huge_old_version_is_not_read(repo: Path) -> None:
    """An old version over the loader's size limit is refused before it is read (a 200 MB file took
    821 MB of memory); the report says its changes could not be compared."""
    from hankinta_cli.reading.load import MAX_BYTES

    padding = ("# " + "x" * 98 + "\n") * (MAX_BYTES // 100 + 1000)
    _commit(repo, "ohjelma.yaml", padding + GOOD)
    (repo / "ohjelma.yaml").write_text(GOOD, encoding="utf-8")
    tracemalloc.start()
    try:
        run = hankinta("report", str(repo / "ohjelma.yaml"), "--since", "HEAD", "-f", "md", "--as-of", AS_OF)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert run.code == 0, run.stderr
    assert "ei voitu verrata" in run.stdout and "Uusi toimenpide" not in run.stdout
    assert "10485760" in run.stderr.replace("\u00a0", "").replace(" ", "") or "10 MB" in run.stderr, run.stderr
    assert peak < MAX_BYTES // 2, f"read {peak} bytes for an old version it refuses"


def test_since_a_good_old_version_still_compares(repo: Path) -> None:
    _commit(repo, "ohjelma.yaml", GOOD)
    (repo / "ohjelma.yaml").write_text(GOOD.replace("title: Tulosohjaus ja valtionavustusten ehdot",
                                                    "title: Tulosohjaus ja valtionavustusten ehdot\n"
                                                    "        status: valmis", 1), encoding="utf-8")
    run = hankinta("report", str(repo / "ohjelma.yaml"), "--since", "HEAD", "-f", "md", "--as-of", AS_OF)
    assert run.code == 0 and "ei voitu verrata" not in run.stdout and "varoitus" not in run.stderr
    assert "| 3\\.1\\.2 | Tulosohjaus" in run.stdout or "| 3.1.2 | Tulosohjaus" in run.stdout

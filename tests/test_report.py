"""Reports as a reader gets them: every shipped programme in both formats and languages, golden
files for the six-year fixture, GFM tables that parse, and the HTML printed by a real browser."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from browser import CHROMIUM, HAVE_AXE, axe_violations
from conftest import PROGRAMME_FILES, hankinta, markdown_tables

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "six_years.yaml"
GOLDEN = HERE / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def report(*args: str) -> str:
    run = hankinta("report", *args)
    assert run.code == 0, run.stderr
    return run.stdout


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_golden_six_year_fixture(fmt: str, lang: str) -> None:
    text = report(str(FIXTURE), "--as-of", "2025-06-30", "--since", "2025-01-01", "-f", fmt, "--lang", lang)
    golden = GOLDEN / f"six_years.{lang}.{fmt}"
    if UPDATE or not golden.exists():
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), f"differs from {golden}: UPDATE_GOLDEN=1 pytest to accept"


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("path", PROGRAMME_FILES, ids=[p.stem for p in PROGRAMME_FILES])
def test_shipped_programmes_render_in_both_formats(path: Path, lang: str) -> None:
    md = report(str(path), "-f", "md", "--lang", lang, "--as-of", "2025-01-01")
    tables = markdown_tables(md)
    assert tables, "the report has tables"
    for rows in tables:
        assert len(set(rows)) == 1, f"a table with inconsistent columns: {rows}"
    kinds = {t.type for t in MarkdownIt("commonmark").enable("table").parse(md)}
    inline = {c.type for t in MarkdownIt("commonmark").enable("table").parse(md) for c in (t.children or [])}
    assert not ({"html_block"} & kinds) and "html_inline" not in inline, "no raw HTML in the Markdown"
    html = report(str(path), "-f", "html", "--lang", lang, "--as-of", "2025-01-01")
    assert html.startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in html
    assert "<script" not in html and "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html


def test_hyvinkaa_gaps_are_listed_not_blank() -> None:
    md = report("hyvinkaa", "-f", "md")
    assert "### Toimenpiteet ilman vastuutahoa (49)" in md
    assert "### Toimenpiteet ilman aikataulua (49)" in md
    assert "### Määrittelemättömät mittarit (3)" in md
    row = "| 1.1 | Määritämme, mitä tarkoitamme vaikuttavalla hankinnalla. | ? ei raportoitu | _puuttuu_ | _puuttuu_ |"
    assert row in md


def test_finnish_and_english_number_and_date_formats() -> None:
    fi = report(str(FIXTURE), "--as-of", "2025-06-30", "-f", "md")
    en = report(str(FIXTURE), "--as-of", "2025-06-30", "-f", "md", "--lang", "en")
    assert "5\u00a0200\u00a0€" in fi and "31.12.2026" in fi and "16,7" in fi  # non-breaking spaces
    assert "5,200\u00a0€" in en and "31 Dec 2026" in en and "16.7" in en


def test_status_is_never_told_by_colour_alone() -> None:
    html = report(str(FIXTURE), "--as-of", "2025-06-30")
    assert "▲▲ selvästi jäljessä" in html and "✓ valmis" in html and "? ei raportoitu" in html
    assert 'role="img" aria-label="Toimenpiteet tiloittain: käynnissä 2, valmis 1, ei raportoitu 1"' in html


def test_changes_since_a_git_revision(tmp_path: Path) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    target = repo / "ohjelma.yaml"
    shutil.copy(FIXTURE, target)

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                       env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                            "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"})

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "alku")
    assert hankinta("status", "set", str(target), "1.4", "käynnissä", "--date", "2025-06-01").code == 0
    assert hankinta("record", str(target), "E", "--period", "2026", "--value", "35").code == 0
    assert hankinta("record", str(target), "A", "--period", "2025", "--value", "22", "--replace").code == 0
    md = report(str(target), "--since", "HEAD", "-f", "md", "--as-of", "2026-06-30")
    section = md.split("## Muutokset edellisestä katsauksesta (alkaen HEAD)")[1].split("\n## ")[0]
    assert "| 1.4 | Ei raportoitu | Tila muuttui: ei raportoitu → käynnissä (1.6.2025) |" in section
    assert "| E | Ilman lähtötasoa | Uusi arvo 2026: 35 |" in section
    assert "| A | Nouseva lukumäärä | Arvo muuttui 2025: 21 → 22 (+1) |" in section
    bad = hankinta("report", str(target), "--since", "ei-tällaista-versiota")
    assert bad.code == 2 and "git" in bad.stderr


def test_templates_can_be_overridden(tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text("# {{ title }}\n{% for p in programmes %}{{ p.summary.measures }}"
                                            "{% endfor %}\n", encoding="utf-8")
    assert report(str(FIXTURE), "-f", "md", "--templates", str(tmp_path)).strip() == "# Laskentaesimerkki\n4"


def test_combined_report_for_several_programmes() -> None:
    md = report("hyvinkaa", "kajaani-2021-2023", "-f", "md")
    assert md.startswith("# Hankintaohjelmien tilanne") and "## Ohjelmat" in md
    assert "## Hyvinkään kaupungin hankintaohjelma: toimenpideohjelma" in md
    # catalogue indicators side by side across the programmes
    assert "| Hankinnat, joissa on käytetty ympäristökriteerejä | hyvinkaa: –; kajaani-2021-2023: – | – | – |" in md
    assert "| Valmiina | Myöhässä |" in md


def test_pdf_with_weasyprint(tmp_path: Path) -> None:
    pytest.importorskip("weasyprint", reason="the pdf extra (WeasyPrint) is not installed")
    from pypdf import PdfReader

    out = tmp_path / "r.pdf"
    assert hankinta("report", str(FIXTURE), "--as-of", "2025-06-30", "-o", str(out)).code == 0
    pages = PdfReader(out).pages
    assert 3 <= len(pages) <= 12
    footer = pages[0].extract_text()
    assert "Laskentaesimerkki" in footer and f"1 / {len(pages)}" in footer


def test_pdf_without_the_extra_says_how_to_install(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import builtins

    real_import = builtins.__import__

    def no_weasyprint(name: str, *args: object, **kwargs: object) -> object:
        if name == "weasyprint":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    run = hankinta("report", str(FIXTURE), "-o", str(tmp_path / "r.pdf"))
    assert run.code == 2 and f"{shlex.quote(sys.executable)} -m pip install weasyprint" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and not (tmp_path / "r.pdf").exists()




@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium; .ci/run does)")
def test_html_prints_in_a_real_browser(tmp_path: Path) -> None:
    from pypdf import PdfReader

    html = tmp_path / "raportti.html"
    assert hankinta("report", "hyvinkaa", "-o", str(html)).code == 0
    pdf = tmp_path / "raportti.pdf"
    assert CHROMIUM is not None
    run = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                          "--disable-background-networking", "--disable-component-update", "--disable-sync",
                          f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
                          "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri()],
                         capture_output=True, text=True, timeout=120)
    assert pdf.exists(), run.stderr
    console = [line for line in run.stderr.splitlines() if "CONSOLE" in line or "Failed to load resource" in line]
    assert console == [], console
    pages = len(PdfReader(pdf).pages)
    assert 10 <= pages <= 60, pages  # A4, Hyvinkää's 8 themes each start a page


def _axe(html: str, tmp_path: Path) -> list[list[object]]:
    return axe_violations(html, tmp_path)


@pytest.mark.skipif(not HAVE_AXE,
                    reason="needs Chromium and axe-core (HANKINTA_AXE_JS; .ci/run installs both)")
def test_html_report_passes_wcag_checks(tmp_path: Path) -> None:
    bad = "<!DOCTYPE html><html><head><title>x</title></head><body><p style='color:#bbb'>heikko</p></body></html>"
    assert _axe(bad, tmp_path / "control"), "the harness finds a known violation"
    for lang in ("fi", "en"):
        html = report(str(FIXTURE), "--as-of", "2025-06-30", "--since", "2025-01-01", "--lang", lang)
        assert _axe(html, tmp_path / lang) == []
    assert _axe(report("hyvinkaa"), tmp_path / "hyvinkaa") == []


def test_broken_user_template_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text("otsikko\n{{ ei_ole.x }}\n", encoding="utf-8")
    out = tmp_path / "r.md"
    run = hankinta("report", str(FIXTURE), "-f", "md", "--templates", str(tmp_path), "-o", str(out))
    assert run.code == 2 and "report.md.j2:2" in run.stderr and "Traceback" not in run.stderr
    assert not out.exists()
    assert hankinta("report", str(FIXTURE), "--templates", str(tmp_path / "ei")).code == 2


def test_a_combined_report_past_its_size_says_to_publish_a_site(monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: Path) -> None:
    """A combined report of many programmes is still written, with a warning naming `hankinta site`;
    a report within the limits says nothing of the kind."""
    from hankinta_cli.presenting.report import build

    monkeypatch.setattr(build, "COMBINED_PROGRAMMES", 2)
    many = hankinta("report", "programmes", "-o", str(tmp_path / "kooste.html"))
    assert many.code == 0 and (tmp_path / "kooste.html").stat().st_size > 0
    assert "koosteraportissa on 3 ohjelmaa" in many.stderr and "hankinta site -o site" in many.stderr
    one = hankinta("report", "hyvinkaa", "-o", str(tmp_path / "kajaani.html"), "--lang", "en")
    assert one.code == 0 and "site" not in one.stderr
    monkeypatch.setattr(build, "COMBINED_BYTES", 1000)
    big = hankinta("report", "hyvinkaa", "-o", str(tmp_path / "kajaani.html"), "--lang", "en")
    assert "the combined report holds 1 programme" in big.stderr and "hankinta site -o site" in big.stderr


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (.ci/run installs it)")
def test_a_long_word_does_not_push_the_page_sideways(tmp_path: Path) -> None:
    """A 120-character URL in a note (and a long calendar description) wraps inside its cell at
    its <wbr> break chances; without them the measures table stuck out past a 1280-pixel window."""
    from browser import page_widths

    url = "https://www.hankintailmoitukset.fi/fi/public/procurement/123456/notice/654321/overview?lang=fi&tab=attachments"
    root = HERE.parent / "examples"
    shutil.copytree(root / "programmes", tmp_path / "programmes")
    shutil.copytree(root / "plans", tmp_path / "plans")
    programme = tmp_path / "programmes" / "esimerkkila.yaml"
    programme.write_text(programme.read_text(encoding="utf-8").replace(
        "note: Kriteerit hankintaohjeessa ja asiakirjapohjissa", f"note: Kriteerit hankintaohjeessa {url}"),
        encoding="utf-8")
    plan = tmp_path / "plans" / "esimerkkila-hankintasuunnitelma.yaml"
    plan.write_text(plan.read_text(encoding="utf-8").replace(
        "    unit: Tilapalvelut\n", f"    unit: Tilapalvelut\n    description: Lisätietoja {url}\n", 1),
        encoding="utf-8")
    report, calendar = tmp_path / "r.html", tmp_path / "k.html"
    assert hankinta("report", str(programme), "--as-of", "2026-01-15", "-o", str(report)).code == 0
    assert hankinta("calendar", str(plan), "--as-of", "2026-01-15", "-o", str(calendar)).code == 0
    for page in (report, calendar):
        html = page.read_text(encoding="utf-8")
        assert url in html.replace("<wbr>", "").replace("&amp;", "&"), page  # the text itself is whole
        scroll, client = page_widths(html, tmp_path / page.stem)
        assert scroll <= client, (page.name, scroll, client)

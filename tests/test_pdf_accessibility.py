"""The PDF a council publishes is accessible: tagged (PDF/UA-1), its title shown, its language
declared, charts with a text alternative and a bookmark per theme, read back with pypdf."""

from __future__ import annotations

import html
import importlib.util
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from conftest import hankinta

if importlib.util.find_spec("weasyprint") is None:  # found, not imported: that costs every worker 1.3 s
    pytest.skip("the pdf extra (WeasyPrint) is not installed", allow_module_level=True)
from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject

FIXTURE = Path(__file__).parent / "fixtures" / "six_years.yaml"
SIX_YEARS = (str(FIXTURE), "--as-of", "2025-06-30", "--since", "2025-01-01")


THEME = """\
  - id: T{n}
    name: {name}
    measures: [{{id: '{n}.1', title: Toimenpide {n}, responsible: [hankinnat], schedule: {{year: 2025}}}}]
    goals:
      - id: '{n}'
        title: Tavoite {n}
        indicators:
          - id: M{n}
            name: Mittari {n}
            kind: lukumäärä
            observations: [{{period: 2024, value: 3}}, {{period: 2025, value: 5}}]
"""


def themed(pid: str, name: str, themes: list[str]) -> str:
    """A small programme: under each theme a measure, and a goal with an indicator of two values."""
    head = (f"schema_version: 1\nid: {pid}\nname: {name}\norganisation: Testikunta\n"
            "period: {start: 2024-01-01, end: 2026-12-31}\nthemes:\n")
    return head + "".join(THEME.format(n=n, name=theme) for n, theme in enumerate(themes, 1))


THEMES = ["Ympäristö & ilmasto", "Työllisyys – \"sosiaaliset\" ehdot", "Digitalisaatio"]


def pdf(tmp_path: Path, name: str, *args: str) -> PdfReader:
    out = tmp_path / f"{name}.pdf"
    run = hankinta("report", *args, "-o", str(out))
    assert run.code == 0, run.stderr
    return PdfReader(out)


@pytest.fixture(scope="module")
def six_years_html() -> str:
    run = hankinta("report", *SIX_YEARS, "-f", "html")
    assert run.code == 0, run.stderr
    return run.stdout


@pytest.fixture(scope="module")
def six_years(tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    return pdf(tmp_path_factory.mktemp("pdf"), "six", *SIX_YEARS)


@pytest.fixture(scope="module")
def combined_en(tmp_path_factory: pytest.TempPathFactory) -> PdfReader:
    """Two small programmes in one English report: two themes, then one."""
    folder = tmp_path_factory.mktemp("combined")
    for pid, name, themes in (("eka", "Ensimmäinen ohjelma", THEMES[:2]), ("toka", "Toinen ohjelma", THEMES[2:])):
        (folder / f"{pid}.yaml").write_text(themed(pid, name, themes), encoding="utf-8")
    return pdf(folder, "both", str(folder / "eka.yaml"), str(folder / "toka.yaml"), "--lang", "en",
               "--as-of", "2025-06-30")


def structure(reader: PdfReader) -> list[DictionaryObject]:
    """Every structure element of the tagged PDF, in document order."""
    found: list[DictionaryObject] = []

    def visit(node: Any) -> None:
        node = node.get_object() if isinstance(node, IndirectObject) else node
        if not isinstance(node, DictionaryObject):
            return  # a marked-content id
        if "/S" in node:
            found.append(node)
        kids = node.get("/K")
        kids = kids.get_object() if isinstance(kids, IndirectObject) else kids
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            visit(kid)

    visit(reader.trailer["/Root"]["/StructTreeRoot"])
    return found


def outline(reader: PdfReader) -> list[tuple[int, str]]:
    """(depth, title) of every bookmark, in order."""
    found: list[tuple[int, str]] = []

    def visit(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                visit(item, depth + 1)
            else:
                found.append((depth, str(item.title)))

    visit(reader.outline, 0)
    return found


def test_the_pdf_is_tagged_with_headings_and_tables_in_its_structure(six_years: PdfReader) -> None:
    catalog = six_years.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in catalog
    tags = Counter(str(e["/S"]) for e in structure(six_years))
    assert tags["/H1"] == 1 and tags["/H2"] >= 4 and tags["/H3"] >= 4, tags
    assert tags["/Table"] >= 5 and tags["/TR"] > tags["/Table"] and tags["/TH"] and tags["/TD"], tags
    assert tags["/Caption"] >= 5 and tags["/L"] and tags["/LI"], tags
    # PDF/UA-1 as declared in the XMP metadata
    xmp = catalog["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in xmp


def test_column_headers_are_linked_to_their_cells(six_years: PdfReader) -> None:
    cells = [e for e in structure(six_years) if e["/S"] == "/TD"]
    assert cells and all(e["/A"].get("/Headers") for e in cells)


def test_every_chart_has_its_text_alternative(six_years: PdfReader, six_years_html: str) -> None:
    """The SVG charts' accessible names (what a screen reader says in the browser) are the
    figures' alternative text in the PDF: WeasyPrint reads only an SVG's <title> child."""
    labels = []
    for tag, body in re.findall(r"(<svg[^>]*>)(.*?)</svg>", six_years_html, re.S):
        label = re.search(r'\baria-label="([^"]*)"', tag) or re.match(r"\s*<title>([^<]*)</title>", body)
        assert label, tag
        labels.append(html.unescape(label.group(1)))
    figures = [e for e in structure(six_years) if e["/S"] == "/Figure"]
    assert len(figures) == len(labels) > 0
    assert [str(e.get("/Alt", "")) for e in figures] == labels


def test_the_report_title_is_the_documents_title_and_shown(six_years: PdfReader, six_years_html: str) -> None:
    title = html.unescape(re.search(r"<title>(.*)</title>", six_years_html).group(1))  # type: ignore[union-attr]
    assert title.startswith("Laskentaesimerkki – ")
    assert six_years.metadata is not None and six_years.metadata.title == title
    catalog = six_years.trailer["/Root"]
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    assert f">{title}</rdf:li>" in catalog["/Metadata"].get_object().get_data().decode()


def test_the_language_is_the_reports(six_years: PdfReader, combined_en: PdfReader) -> None:
    assert six_years.trailer["/Root"]["/Lang"] == "fi"
    assert combined_en.trailer["/Root"]["/Lang"] == "en"


def test_each_theme_is_a_bookmark_at_the_top(six_years: PdfReader) -> None:
    marks = outline(six_years)
    assert (0, "Teema T1: Teema") in marks and (1, "Tavoite 1: Tavoite") in marks, marks
    # the sections are the top level: the report's title is the PDF's title, not a bookmark
    assert "Laskentaesimerkki" not in [title for _, title in marks], marks
    assert marks[0][0] == 0 and all(depth <= 1 for depth, _ in marks), marks


def test_a_combined_report_puts_each_programmes_themes_under_its_name(combined_en: PdfReader) -> None:
    marks = outline(combined_en)
    first, second = marks.index((0, "Ensimmäinen ohjelma")), marks.index((0, "Toinen ohjelma"))
    assert [(1, f"Theme T{n}: {name}") for n, name in enumerate(THEMES[:2], 1)] == [
        mark for mark in marks[first:second] if mark[1].startswith("Theme")], marks
    assert (1, f"Theme T1: {THEMES[2]}") in marks[second:], marks
    assert all(depth <= 2 for depth, _ in marks), marks


def test_print_styles_leave_the_screen_alone(six_years_html: str) -> None:
    """Bookmark levels live in the print styles: a browser showing the HTML ignores them."""
    page = six_years_html
    css = re.sub(r"/\*.*?\*/", "", page[page.index("<style>"): page.index("</style>")], flags=re.S)
    outside_print = re.sub(r"@media print \{(?:[^{}]|\{[^{}]*\})*\}", "", css)
    assert "bookmark" in css and "bookmark" not in outside_print


def test_a_charts_own_title_is_kept_and_a_label_is_text() -> None:
    """The PDF's alternative text is the chart's own <title> where it has one, else its aria-label
    as plain text (a label with markup characters stays text)."""
    from weasyprint import HTML

    from hankinta_cli.presenting.report.render import SVG_NS, _name_charts

    page = HTML(string='<html lang="fi"><body>'
                '<svg role="img" aria-label="oma &lt;b&gt; nimi" xmlns="http://www.w3.org/2000/svg"><rect/></svg>'
                '<svg role="img" aria-label="ohitettu" xmlns="http://www.w3.org/2000/svg"><title>Otsikko</title></svg>'
                '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg></body></html>')
    _name_charts(page.etree_element)
    svgs = list(page.etree_element.iter(f"{SVG_NS}svg"))
    assert [[(c.tag, c.text) for c in svg.findall(f"{SVG_NS}title")] for svg in svgs] == [
        [(f"{SVG_NS}title", "oma <b> nimi")], [(f"{SVG_NS}title", "Otsikko")], []]
    assert not list(svgs[0].iter(f"{SVG_NS}b")) and not list(svgs[0].iter("b"))

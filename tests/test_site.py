"""`hankinta site` (issue 15, item 2): a static site that works from file:// and under a sub-path.

One build over the shipped programmes and their catalogue, shared by the module's tests: every
internal link resolves to a file, no page names a path of the machine that built it, the data
downloads are what `hankinta indicators --format json` says, programme text is escaped, axe finds
no WCAG 2 A/AA violation, and a second build rewrites nothing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from browser import HAVE_AXE, axe_page
from conftest import CATALOGUE, PROGRAMME_FILES, PROGRAMMES, ROOT, hankinta

AS_OF = "2025-06-30"


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value is not None:
                self.links.append(value)
            if name == "id" and value:
                self.ids.add(value)


def build(out: Path, *args: str, root: Path = PROGRAMMES) -> str:
    run = hankinta("site", "--root", str(root), "-o", str(out), "--as-of", AS_OF, *args)
    assert run.code == 0, run.stderr
    return run.stderr


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "site"
    build(out)
    return out


EXAMPLE_AS_OF = "2026-01-15"
#: a 2024 value of M3.2 without Hyvinvointi: partial
PARTIAL = "                  - {period: 2024, breakdown: {Tekninen: 2, Sivistys: 1}}\n"


@pytest.fixture(scope="module")
def example_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example repository as `check` expects it: plans/ beside programmes/."""
    repo = tmp_path_factory.mktemp("repo")
    shutil.copytree(ROOT / "examples" / "programmes", repo / "programmes")
    shutil.copytree(ROOT / "examples" / "plans", repo / "plans")
    programme = repo / "programmes" / "esimerkkila.yaml"
    text = programme.read_text(encoding="utf-8")
    anchor = "                  - {period: 2025, value: 9, breakdown:"
    assert anchor in text
    programme.write_text(text.replace(anchor, PARTIAL + anchor), encoding="utf-8")
    return repo


@pytest.fixture(scope="module")
def example_site(example_repo: Path) -> Path:
    out = example_repo / "site"
    run = hankinta("site", "--root", str(example_repo / "programmes"), "-o", str(out), "--as-of", EXAMPLE_AS_OF)
    assert run.code == 0, run.stderr
    return out


def pages(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def test_every_page_type_is_there_in_both_languages(site: Path) -> None:
    for lang in ("fi", "en"):
        assert (site / lang / "index.html").is_file()
        assert (site / lang / "programmes" / "hyvinkaa" / "index.html").is_file()
        assert (site / lang / "programmes" / "hyvinkaa" / "indicators" / "m3.3.html").is_file()
        assert (site / lang / "catalogue" / "markkinavuoropuhelut-kpl.html").is_file()
    assert (site / "index.html").is_file() and (site / "style.css").is_file() and (site / ".hankinta-site").is_file()
    root = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="fi/index.html"' in root and 'href="en/index.html"' in root and "<script" not in root


def check_links(site: Path) -> int:
    """Every internal link of every page resolves to a file of the site (and its fragment to an id);
    the number of links checked."""
    checked = 0
    for page in pages(site):
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text, page
        for leak in ("file:/", str(site), "/tmp/", "/work/", str(PROGRAMMES)):
            assert leak not in text, (page, leak)
        parser = Links()
        parser.feed(text)
        for link in parser.links:
            parts = urlsplit(link)
            assert not parts.scheme and not parts.netloc and not link.startswith("/"), (page, link)
            if not parts.path:  # a fragment on the same page
                assert parts.fragment in parser.ids, (page, link)
                continue
            assert not parts.path.endswith("/"), (page, link)  # file:// shows no index.html by itself
            target = (page.parent / unquote(parts.path)).resolve()
            assert target.is_file() and target.is_relative_to(site.resolve()), (page, link)
            if parts.fragment:
                ids = Links()
                ids.feed(target.read_text(encoding="utf-8"))
                assert parts.fragment in ids.ids, (page, link)
            checked += 1
    return checked


def test_every_internal_link_resolves_and_names_a_file(site: Path, example_site: Path) -> None:
    assert check_links(site) > 1000
    assert check_links(example_site) > 300


def test_language_switch_leads_to_the_same_page(site: Path) -> None:
    page = (site / "fi" / "programmes" / "hyvinkaa" / "indicators" / "m3.3.html").read_text(encoding="utf-8")
    assert 'href="../../../../en/programmes/hyvinkaa/indicators/m3.3.html" hreflang="en" lang="en"' in page
    assert '<html lang="fi">' in page and "canonical" not in page


@pytest.mark.parametrize("path", PROGRAMME_FILES, ids=lambda p: p.stem)
def test_downloads_match_indicators_json(site: Path, path: Path) -> None:
    """A programme's downloads, linked from each of its indicator pages in both languages: its JSON
    is what `indicators --format json` says; its CSV has each indicator's series, and the latest row
    of each is `indicators --format csv`'s."""
    run = hankinta("indicators", str(path), "--format", "json", "--as-of", AS_OF)
    expected = run.json()
    latest = {row["indicator"]: row for row in csv.DictReader(io.StringIO(
        hankinta("indicators", str(path), "--format", "csv", "--as-of", AS_OF).stdout))}
    pid = expected["programme"]
    data = site / "data" / "programmes" / pid
    assert json.loads((data / "indicators.json").read_text(encoding="utf-8")) == expected
    folder = site / "fi" / "programmes" / pid / "indicators"
    assert len(list(folder.glob("*.html"))) == len(expected["indicators"])
    for lang in ("fi", "en"):
        for page in (site / lang / "programmes" / pid / "indicators").glob("*.html"):
            links = re.findall(r'href="([^"]+\.(?:csv|json))"', page.read_text(encoding="utf-8"))
            assert sorted((page.parent / link).resolve() for link in links) == sorted(
                [(data / "indicators.json").resolve(), (data / "values.csv").resolve()])
    rows = list(csv.DictReader(io.StringIO((data / "values.csv").read_text(encoding="utf-8"))))
    for entry in expected["indicators"]:
        mine = [r for r in rows if r["indicator"] == entry["id"]]
        assert [r["period"] for r in mine] == [s["period"] for s in entry["series"]]
        for row, value in zip(mine, entry["series"], strict=True):
            v = value["value"]
            shown = "" if v is None else ("true" if v is True else "false" if v is False else str(v))
            assert row["value"] == shown or float(row["value"]) == pytest.approx(v)
        if mine and latest[entry["id"]]["period"]:
            last = next(r for r in mine if r["period"] == latest[entry["id"]]["period"])
            assert {k: last[k] for k in last} == {k: latest[entry["id"]][k] for k in last}


def test_front_page_and_catalogue_pages_show_the_summary(site: Path) -> None:
    summary = hankinta("summary", str(PROGRAMMES), "--format", "json", "--as-of", AS_OF).json()
    front = (site / "fi" / "index.html").read_text(encoding="utf-8")
    for p in summary["programmes"]:
        assert f'href="programmes/{p["id"]}/index.html">{p["name"]}</a>' in front
    reported = [c for c in summary["catalogue"] if c["latest"]]
    assert reported, "the shipped programmes report some catalogue indicator"
    for c in reported:
        page = next((site / "fi" / "catalogue").glob(f"{c['id']}.html")).read_text(encoding="utf-8")
        for pid in c["latest"]:
            assert f"../programmes/{pid}/index.html" in page
        for period, total in c["totals"].items():
            assert f'<th scope="row">{period}</th>' in page and f"{total['reporting']} / {len(c['latest'])}" in page


def test_lang_fi_builds_only_finnish(tmp_path: Path) -> None:
    build(tmp_path / "s", "--lang", "fi")
    assert (tmp_path / "s" / "fi" / "index.html").is_file() and not (tmp_path / "s" / "en").exists()
    page = (tmp_path / "s" / "fi" / "programmes" / "hyvinkaa" / "index.html").read_text(encoding="utf-8")
    assert "In English" not in page and 'hreflang="en"' not in page


def test_base_url_only_adds_canonical_links(tmp_path: Path) -> None:
    build(tmp_path / "s", "--lang", "en", "--base-url", "/hankinta")
    page = (tmp_path / "s" / "en" / "programmes" / "hyvinkaa" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="/hankinta/en/programmes/hyvinkaa/index.html">' in page
    assert 'href="../../../style.css"' in page
    run = hankinta("site", "--root", str(PROGRAMMES), "-o", str(tmp_path / "t"), "--base-url", "javascript:alert(1)")
    assert run.code == 2 and "--base-url" in run.stderr and not (tmp_path / "t").exists()
    # the page paths are appended to it: a query, a fragment or a ../ step would send them elsewhere
    for bad in ("https://ex.fi/x/#osa", "https://ex.fi/x?y=1", "/a/../../b/", "https://ex.fi/./x", "/a/%2e%2e/b",
                "/a/.%2E/"):
        run = hankinta("site", "--root", str(PROGRAMMES), "-o", str(tmp_path / "t"), "--base-url", bad)
        assert run.code == 2 and "--base-url" in run.stderr and not (tmp_path / "t").exists(), bad


HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)> \u202e "quoted" \x1b[31m'


def test_programme_text_is_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "programmes"
    folder.mkdir()
    shutil.copy(CATALOGUE, folder / CATALOGUE.name)
    data = yaml.safe_load((PROGRAMMES / "valtio-innovatiiviset-hankinnat-2017-2019.yaml").read_text(encoding="utf-8"))
    data["name"] = HOSTILE
    data["themes"][0]["name"] = HOSTILE
    data["themes"][0]["measures"][0]["title"] = HOSTILE
    data["themes"][0]["measures"][0]["dimensions"] = ["avoimuus"]
    data["themes"][0]["measures"][0]["indicators"] = [{
        "id": "M1", "name": HOSTILE, "kind": "lukumäärä", "unit": "</svg><script>", "description": HOSTILE,
        "observations": [{"period": 2018, "value": 1, "note": HOSTILE, "breakdown": {HOSTILE: 1}}]}]
    (folder / "valtio.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert hankinta("check", str(folder)).code == 0
    build(tmp_path / "s", root=folder)
    for page in pages(tmp_path / "s"):
        html = page.read_text(encoding="utf-8")
        assert "<script" not in html and "<img" not in html and "\u202e" not in html and "\x1b" not in html, page
    def text(page: Path) -> str:  # as a reader sees it: a long word's <wbr> break chances are not text
        return page.read_text(encoding="utf-8").replace("<wbr>", "")

    front = text(tmp_path / "s" / "fi" / "index.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;" in front
    indicator = text(tmp_path / "s" / "en" / "programmes" / data["id"] / "indicators" / "m1.html")
    assert indicator.count("&lt;script&gt;alert(1)") >= 4  # title, heading, definition, value note, breakdown
    for page in ("dimensions/avoimuus.html", "units/index.html"):  # a tagged measure; a unit by its name
        assert "&lt;script&gt;alert(1)" in text(tmp_path / "s" / "fi" / page), page


def test_refuses_to_write_over_programmes_or_a_foreign_folder(tmp_path: Path) -> None:
    before = sorted(p.name for p in PROGRAMMES.iterdir())
    run = hankinta("site", "--root", str(PROGRAMMES), "-o", str(PROGRAMMES))
    assert run.code == 2 and "Traceback" not in run.stderr
    assert sorted(p.name for p in PROGRAMMES.iterdir()) == before
    foreign = tmp_path / "omat"
    foreign.mkdir()
    (foreign / "muistio.txt").write_text("tärkeä", encoding="utf-8")
    run = hankinta("site", "--root", str(PROGRAMMES), "-o", str(foreign))
    assert run.code == 2 and ".hankinta-site" in run.stderr and len(run.stderr.splitlines()) == 2
    assert [p.name for p in foreign.iterdir()] == ["muistio.txt"]
    (tmp_path / "tiedosto.html").write_text("x", encoding="utf-8")
    assert hankinta("site", "--root", str(PROGRAMMES), "-o", str(tmp_path / "tiedosto.html")).code == 2


def test_second_build_rewrites_nothing_and_a_change_rewrites_its_pages(tmp_path: Path) -> None:
    folder = tmp_path / "programmes"
    shutil.copytree(PROGRAMMES, folder)
    out = tmp_path / "s"
    build(out, "--lang", "fi", root=folder)
    (out / "fi" / "programmes" / "vanha.html").write_text("poistettu ohjelma", encoding="utf-8")
    stamps = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    said = build(out, "--lang", "fi", root=folder)
    assert " 0 " in said and not (out / "fi" / "programmes" / "vanha.html").exists()
    assert all(p.stat().st_mtime_ns == t for p, t in stamps.items() if p.exists())
    edit = hankinta("status", "set", str(folder / "hyvinkaa.yaml"), "3.1", "käynnissä", "--date", "2025-02-03")
    assert edit.code == 0, edit.stderr
    build(out, "--lang", "fi", root=folder)
    changed = sorted(p.relative_to(out).as_posix() for p, t in stamps.items()
                     if p.exists() and p.stat().st_mtime_ns != t)
    assert changed == [".hankinta-build.json", "data/programmes/hyvinkaa/indicators.json", "fi/index.html",
                       "fi/programmes/hyvinkaa/index.html"]


def test_a_programme_built_before_is_read_back_not_rendered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from hankinta_cli.presenting.site import build as site_build

    folder = tmp_path / "programmes"
    shutil.copytree(PROGRAMMES, folder)
    out = tmp_path / "s"
    paths = sorted(folder.glob("*.yaml"))
    options = site_build.Options(out, ("fi",), dt.date(2025, 6, 30))
    site_build.build_site(paths, options)
    rendered: list[str] = []
    real = site_build._render

    def spy(pages: list[tuple[str, dict[str, object]]], lang: str, templates: Path | None) -> list[bytes]:
        rendered.extend(name for name, _ in pages)
        return real(pages, lang, templates)

    monkeypatch.setattr(site_build, "_render", spy)
    assert site_build.build_site(paths, options).written == 0
    assert "site/indicator.html.j2" not in rendered and "site/programme.html.j2" not in rendered
    assert "site/front.html.j2" in rendered  # the shared pages are made every time
    # a page edited by hand is no longer what the record says: its programme is made again
    page = out / "fi" / "programmes" / "hyvinkaa" / "index.html"
    original = page.read_bytes()
    page.write_bytes(original.replace(b"<main", b"<main data-muokattu", 1))
    rendered.clear()
    assert site_build.build_site(paths, options).written == 1 and page.read_bytes() == original
    assert rendered.count("site/programme.html.j2") == 1
    # a changed programme, and only it
    edit = hankinta("status", "set", str(folder / "kajaani-2021-2023.yaml"), "1.1", "valmis", "--date", "2025-02-03")
    assert edit.code == 0, edit.stderr
    rendered.clear()
    site_build.build_site(paths, options)
    assert rendered.count("site/programme.html.j2") == 1
    # a file that changed between the main process's look and the worker's read is made again,
    # and its pages recorded under what the worker read
    entry = record_of(out)
    path = folder / "hyvinkaa.yaml"
    digest = next(d for d, files in entry.items() if "fi/programmes/hyvinkaa/index.html" in files)
    rendered.clear()
    again = site_build._programme_pages(path, options, "0" * 64, entry[digest])
    assert again is not None and again.digest == digest and rendered.count("site/programme.html.j2") == 1
    rendered.clear()
    assert site_build._programme_pages(path, options, digest, entry[digest]) is not None and not rendered
    # another day changes every page's inputs
    rendered.clear()
    site_build.build_site(paths, site_build.Options(out, ("fi",), dt.date(2025, 7, 1)))
    assert rendered.count("site/programme.html.j2") == 3


def record_of(out: Path) -> dict[str, dict[str, object]]:
    stored: dict[str, dict[str, object]] = json.loads((out / ".hankinta-build.json").read_text(encoding="utf-8"))[
        "programmes"]
    return stored


@pytest.mark.parametrize("text", [
    "", "[]", "{", '{"version": 1, "inputs": "x", "programmes": []}', "\"" + "x" * 1000 + "\"",
    '{"version": 1, "inputs": "INPUTS", "programmes": {"d": {"../../etc/passwd": [1, "x"]}}}',
    '{"version": 1, "inputs": "INPUTS", "programmes": {"d": {"fi/a.html": [true, "x"]}}}',
    '{"version": 1, "inputs": "INPUTS", "programmes": {"d": {"/etc/passwd": [1, "x"]}}}',
    "[" * 100_000,
])
def test_an_odd_build_record_means_a_full_build(tmp_path: Path, text: str) -> None:
    from hankinta_cli.presenting.site import record

    (tmp_path / record.RECORD).write_text(text.replace("INPUTS", "i"), encoding="utf-8")
    assert record.read(tmp_path, "i") == {}
    # and through the command: the site is made, no traceback
    folder = tmp_path / "programmes"
    shutil.copytree(PROGRAMMES, folder)
    out = tmp_path / "s"
    build(out, "--lang", "fi", root=folder)
    (out / record.RECORD).write_text(text, encoding="utf-8")
    (out / "fi" / "index.html").unlink()
    build(out, "--lang", "fi", root=folder)
    assert (out / "fi" / "index.html").is_file()


def test_the_build_record_keeps_what_each_programme_made(tmp_path: Path) -> None:
    from hankinta_cli.presenting.site import record

    folder = tmp_path / "programmes"
    shutil.copytree(PROGRAMMES, folder)
    out = tmp_path / "s"
    build(out, "--lang", "fi", root=folder)
    stored = json.loads((out / record.RECORD).read_text(encoding="utf-8"))
    files = {n for entry in stored["programmes"].values() for n in entry}
    assert "fi/programmes/hyvinkaa/index.html" in files and "fi/index.html" not in files  # shared pages are not
    name = "fi/programmes/hyvinkaa/index.html"
    size, digest = next(e[name] for e in stored["programmes"].values() if name in e)
    page = (out / name).read_bytes()
    assert size == len(page) and digest == record.file_hash(page)



def test_a_failed_build_writes_nothing_and_a_killed_ones_staging_is_cleared(tmp_path: Path) -> None:
    """Pages are staged by the workers and published only when every programme has built: a build
    that fails after staging (two programmes with one id) leaves no folder behind; the staging
    folder a killed build left does not make its folder foreign, and goes at the next build."""
    folder = tmp_path / "programmes"
    shutil.copytree(PROGRAMMES, folder)
    twin = (folder / "hyvinkaa.yaml").read_text(encoding="utf-8")
    (folder / "hyvinkaa-kopio.yaml").write_text(twin, encoding="utf-8")
    out = tmp_path / "uusi"
    run = hankinta("site", "--root", str(folder), "-o", str(out))
    assert run.code == 2 and "Traceback" not in run.stderr and not out.exists()
    (folder / "hyvinkaa-kopio.yaml").unlink()
    killed = tmp_path / "kesken"
    (killed / ".hankinta-staging" / "fi").mkdir(parents=True)
    (killed / ".hankinta-staging" / "fi" / "index.html").write_text("puolikas", encoding="utf-8")
    build(killed, "--lang", "fi", root=folder)
    assert not (killed / ".hankinta-staging").exists() and (killed / ".hankinta-site").exists()
    assert "puolikas" not in (killed / "fi" / "index.html").read_text(encoding="utf-8")

PAGE_TYPES = ["index.html", "fi/index.html", "en/programmes/hyvinkaa/index.html",
              "fi/programmes/kajaani-2021-2023/indicators/m5.html", "fi/catalogue/markkinavuoropuhelut-kpl.html",
              "en/dimensions/kumppanuus.html",  # no measure tagged
              "examples:fi/dimensions/index.html", "examples:en/dimensions/avoimuus.html",
              "examples:fi/units/index.html", "examples:fi/units/hyvinvointi.html", "examples:fi/calendar/index.html"]


# A browser per page type, ~3 s each: in the slow lane (`.ci/run` runs it with `-m slow`), so the
# README's test command stays under a minute on two cores.
@pytest.mark.slow
@pytest.mark.skipif(not HAVE_AXE, reason="needs Chromium and axe-core (HANKINTA_AXE_JS; .ci/run installs both)")
@pytest.mark.parametrize("name", PAGE_TYPES)
def test_each_page_type_passes_wcag_checks(request: pytest.FixtureRequest, name: str, tmp_path: Path) -> None:
    which, _, path = name.rpartition(":")
    site = request.getfixturevalue("example_site" if which else "site")
    assert (site / path).is_file()
    assert axe_page(site / path, tmp_path / "profile") == []


def test_site_module_names_no_absolute_path_of_the_build(site: Path) -> None:
    for f in (p for p in site.rglob("*") if p.suffix in (".json", ".csv", ".css")):
        assert str(site) not in f.read_text(encoding="utf-8") and os.sep + "tmp" + os.sep not in f.read_text(
            encoding="utf-8"), f


def test_dimension_pages_list_every_tagged_measure_and_say_when_none_is(site: Path, example_site: Path,
                                                                        example_repo: Path) -> None:
    """A page per dimension, in both languages, with each measure `hankinta dimensions` lists, its
    status and a link to its programme's page; the shipped programmes tag none, and say so."""
    views = hankinta("dimensions", "--root", str(example_repo / "programmes"), "--as-of", EXAMPLE_AS_OF,
                     "--format", "json").json()["dimensions"]
    index = (example_site / "fi" / "dimensions" / "index.html").read_text(encoding="utf-8")
    assert 'href="dimensions/index.html"' in (example_site / "fi" / "index.html").read_text(encoding="utf-8")
    for view in views:
        slug = view["dimension"].replace("ä", "a").replace(" ", "-")
        assert f'href="{slug}.html">{view["label"]["fi"].capitalize()}</a></th><td class="num">{view["tagged"]}<' \
            in index
        for lang in ("fi", "en"):
            page = (example_site / lang / "dimensions" / f"{slug}.html").read_text(encoding="utf-8")
            assert view["tagged"] > 0 and 'href="../programmes/esimerkkila/index.html"' in page
            for m in view["measures"]:
                assert f"{m['id']} {m['title']}" in page
    for lang, said in (("fi", "Yhtäkään toimenpidettä ei ole merkitty tähän ulottuvuuteen"),
                       ("en", "No measure is tagged with this dimension")):
        for page in (site / lang / "dimensions").glob("*.html"):
            if page.name != "index.html":
                assert said in page.read_text(encoding="utf-8"), page


def test_unit_pages_show_each_units_values_beside_the_organisations(site: Path, example_site: Path,
                                                                     example_repo: Path) -> None:
    """Only with a breakdown somewhere: a page per unit with its values by indicator and period
    beside the organisation's, a partial one marked, each indicator linked to its page."""
    assert not (site / "fi" / "units").exists() and "units/index.html" not in (site / "fi" / "index.html").read_text(
        encoding="utf-8")
    units = hankinta("units", "--root", str(example_repo / "programmes"), "--as-of", EXAMPLE_AS_OF,
                     "--format", "json").json()["units"]
    index = (example_site / "en" / "units" / "index.html").read_text(encoding="utf-8")
    for unit in units:
        assert f'href="{unit["unit"].lower()}.html">{unit["unit"]}</a>' in index
    page = (example_site / "fi" / "units" / "hyvinvointi.html").read_text(encoding="utf-8")
    assert 'href="../programmes/esimerkkila/indicators/m3.2.html"' in page
    assert "<td>2024</td><td>puuttuu</td>" in page
    assert "3\u00a0kpl (osittainen: Hyvinvointi puuttuu)" in page
    assert "<td>2025</td><td>2\u00a0kpl</td>" in page and "9\u00a0kpl</td>" in page


def test_calendar_page_and_downloads_hold_only_the_public_calendar(example_site: Path, example_repo: Path,
                                                                   tmp_path: Path) -> None:
    """The calendar in the site's frame, in both languages, with a CSV per plan and an iCalendar
    file per language, each what `hankinta calendar` writes; no note, contact or non-public value."""
    plan = example_repo / "plans" / "esimerkkila-hankintasuunnitelma.yaml"
    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    for suffix, lang in ((".csv", "fi"), ("-fi.ics", "fi"), ("-en.ics", "en")):
        out = tmp_path / f"k{suffix.replace('-', '')}"
        run = hankinta("calendar", str(plan), "-o", str(out), "--as-of", EXAMPLE_AS_OF, "--lang", lang)
        assert run.code == 0, run.stderr
        name = "esimerkkila-hankintasuunnitelma.csv" if suffix == ".csv" else f"calendar{suffix}"
        assert (example_site / "data" / "calendar" / name).read_bytes() == out.read_bytes()
    secret = [i["contact"] for i in data["items"] if i.get("contact")] + [
        i["note"] for i in data["items"] if i.get("note")] + [
        h["note"] for i in data["items"] for h in i.get("history", []) if h.get("note")]
    hidden = [f"{i['value']:,}".replace(",", "\u00a0") for i in data["items"] if "value" in i
              and not i.get("value_public")]
    assert secret and hidden
    for lang in ("fi", "en"):
        page = (example_site / lang / "calendar" / "index.html").read_text(encoding="utf-8")
        assert f'href="../../{"en" if lang == "fi" else "fi"}/calendar/index.html"' in page
        assert 'href="../../data/calendar/esimerkkila-hankintasuunnitelma.csv"' in page
        assert 'href="../../data/calendar/calendar-fi.ics"' in page and 'class="crumbs"' in page
        assert "Koulujen ja päiväkotien siivouspalvelut" in page
        for text in secret + hidden:
            assert text not in page, text
    assert 'href="calendar/index.html"' in (example_site / "en" / "index.html").read_text(encoding="utf-8")


def test_unit_views_merged_from_one_programme_each_are_unit_views_of_all(example_repo: Path) -> None:
    import datetime as dt

    from hankinta_cli.computing.units import merge_unit_views, unit_views
    from hankinta_cli.reading.read import load_programme

    programmes = [p for p in (load_programme(f) for f in [*PROGRAMME_FILES, example_repo / "programmes" /
                                                            "esimerkkila.yaml"]) if p is not None]
    day = dt.date(2026, 1, 15)
    merged = merge_unit_views([unit_views([p], day) for p in programmes])
    assert [v.to_dict() for v in merged] == [v.to_dict() for v in unit_views(programmes, day)] and merged


def test_a_plan_that_does_not_load_stops_the_build(example_repo: Path, tmp_path: Path) -> None:
    """A calendar that silently left a plan out would mislead: the plan's error, and nothing written."""
    repo = tmp_path / "repo"
    shutil.copytree(example_repo / "programmes", repo / "programmes")
    (repo / "plans").mkdir()
    (repo / "plans" / "rikki.yaml").write_text("id: rikki\nitems: [\n", encoding="utf-8")
    run = hankinta("site", "--root", str(repo / "programmes"), "-o", str(tmp_path / "s"), "--as-of", EXAMPLE_AS_OF)
    assert run.code in (1, 2) and "rikki.yaml" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "s").exists()


def test_a_repositorys_own_templates_override_the_shipped_ones_in_the_sandbox(tmp_path: Path) -> None:
    """`--templates DIR`: `DIR/site/front.html.j2` replaces the front page (the others stay), filled
    in the report's sandbox: a template reaching for Python's internals is refused, nothing written."""
    own = tmp_path / "pohjat" / "site"
    own.mkdir(parents=True)
    (own / "front.html.j2").write_text(
        '{% extends "site/base.html.j2" %}{% block main %}<h1>Oma etusivu</h1>'
        '{% for p in programmes %}<p>{{ p.name }}</p>{% endfor %}{% endblock %}', encoding="utf-8")
    out = tmp_path / "s"
    build(out, "--lang", "fi", "--templates", str(tmp_path / "pohjat"))
    front = (out / "fi" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Oma etusivu</h1>" in front and "Hyvinkää" in front
    assert "<h1>" in (out / "fi" / "programmes" / "hyvinkaa" / "index.html").read_text(encoding="utf-8")
    (own / "front.html.j2").write_text("{{ ''.__class__.__mro__[1].__subclasses__() }}", encoding="utf-8")
    bad = hankinta("site", "--root", str(PROGRAMMES), "-o", str(tmp_path / "t"), "--as-of", AS_OF, "--lang", "fi",
                   "--templates", str(tmp_path / "pohjat"))
    assert bad.code == 2 and "Traceback" not in bad.stderr and "front.html.j2" in bad.stderr
    assert not (tmp_path / "t").exists()

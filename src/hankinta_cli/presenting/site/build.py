"""The build plan: programmes → pages → contexts → render → the files whose bytes changed → write.

Each programme is read, evaluated, laid out and rendered in one worker (every core, as `summary`
does), which compares its pages with those on disk, stages the changed ones (`folder.py`) and
sends back their names, with the small data the shared pages need: its summary (front page,
catalogue pages), its measures tagged with a dimension and its values by unit (dimension and unit
pages; nothing is evaluated again in the main process). The calendar is made once from the plans.
Nothing is published until every programme has been built: a build that fails writes nothing.
A programme whose inputs are those of the last build (`record.py`) is evaluated for the shared
pages but not rendered again when its files are still there as that build made them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...computing.dimensions import TaggedMeasure
from ...computing.rollup import ProgrammeSummary
from ...computing.units import UnitView
from ...errors import UserError
from . import layout, record

if TYPE_CHECKING:
    from ...plan_model import Plan
from .folder import check_folder, discard, open_staging, publish, stage, unchanged

LANGS = ("fi", "en")


@dataclass(frozen=True)
class Options:
    out: Path
    langs: tuple[str, ...]
    as_of: dt.date
    base_url: str | None = None
    templates: Path | None = None


@dataclass
class Built:
    """One programme's part of the site, as a worker sends it back."""

    path: Path
    summary: ProgrammeSummary
    slug: str
    indicator_slugs: dict[str, str]  # of the indicators linked to the catalogue or reported by unit
    #: per dimension (vocabulary order) the programme's measures tagged with it: the dimension pages
    dimensions: list[list[TaggedMeasure]] = field(default_factory=list)
    #: the programme's values by unit (`unit_views` of it alone) and whether any observation has a
    #: breakdown: the unit pages, merged over the programmes (`merge_unit_views`)
    units: list[UnitView] = field(default_factory=list)
    breakdowns: bool = False
    #: indicator → period → the units missing from the organisation's value (its partial values)
    partial: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    changed: list[str] = field(default_factory=list)  # staged
    sizes: dict[str, int] = field(default_factory=dict)  # every file of the programme, by name
    digest: str = ""  # of its inputs (record.programme_digest), under which `files` are recorded
    files: record.Files = field(default_factory=dict)


@dataclass
class SiteResult:
    out: Path
    files: int
    written: int
    removed: int
    total_bytes: int
    largest: tuple[str, int]  # the largest page: its name and bytes


def check_base_url(text: str | None) -> str | None:
    """--base-url: where the site will be published (`/hankinta/` or `https://example.fi/hankinta/`),
    for canonical links only; always ends in '/'. UserError for anything else (a `javascript:` URL)."""
    if not text:
        return None
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(text)
    ok = (parts.scheme in ("http", "https") and parts.netloc) or (not parts.scheme and text.startswith("/")
                                                                  and not text.startswith("//"))
    # page paths are appended to it: a query or fragment would swallow them ("…?y=1/fi/index.html"),
    # and a "." or ".." segment would point the canonical links somewhere else
    segments = unquote(parts.path).split("/")  # "%2e%2e" is ".." to a browser
    if parts.query or parts.fragment or "?" in text or "#" in text or "." in segments or ".." in segments:
        ok = False
    if not ok or any(c.isspace() or c in "\"'<>\\" for c in text):
        raise UserError("site_bad_base_url", value=text)
    return text if text.endswith("/") else text + "/"


def build_site(paths: list[Path], options: Options, plans: Sequence[Plan] = ()) -> SiteResult:
    """Build the site of the programmes in `paths` into `options.out`, with the public calendar of
    `plans` (none: no calendar pages); only changed files are written."""

    check_folder(options.out, paths)
    made = open_staging(options.out)
    try:
        return _build(paths, options, plans)
    except BaseException:
        discard(options.out, made)
        raise


def _build(paths: list[Path], options: Options, plans: Sequence[Plan]) -> SiteResult:
    from ...computing.rollup import rollup
    from ...computing.summary import in_parallel

    inputs = record.inputs_digest(options.langs, options.as_of, options.base_url, options.templates)
    last = record.read(options.out, inputs)
    digests = _digests(paths)
    results = in_parallel(_programme, [(p, options, d, last.get(d)) for p, d in zip(paths, digests, strict=True)])
    built: list[Built] = []
    for r in results:
        if isinstance(r, tuple):
            raise UserError.from_data(r)
        if r is not None:
            built.append(r)
    if not built:
        raise UserError("no_files", path=", ".join(str(p) for p in paths))
    _check_unique(built)
    catalogue = _catalogue(built[0].path.parent)
    summaries = [b.summary for b in built]
    rows = rollup(summaries, catalogue)
    changed: list[str] = []
    sizes: dict[str, int] = {}
    for b in built:
        changed += b.changed
        sizes |= b.sizes
    for name, data in _shared_files(built, rows, catalogue, options, plans):
        sizes[name] = len(data)
        if not unchanged(options.out, name, data):
            stage(options.out, name, data)
            changed.append(name)
    removed = publish(options.out, changed, set(sizes))
    record.write(options.out, inputs, {b.digest: b.files for b in built})
    pages = {n: s for n, s in sizes.items() if n.endswith(".html")}
    largest = max(pages.items(), key=lambda x: x[1])
    return SiteResult(options.out, len(sizes), len(changed), removed, sum(sizes.values()), largest)


def _digests(paths: list[Path]) -> list[str]:
    """Each programme's input digest (its bytes and the catalogue beside it); "" for a file that
    cannot be read now (its worker says why)."""
    from ...checking.check import read_catalogue
    from ...checking.findings import LoadError
    from ...reading.load import read

    catalogues: dict[Path, bytes] = {}
    out = []
    for path in paths:
        try:
            if path.parent not in catalogues:
                catalogues[path.parent] = read_catalogue(path.parent)
            out.append(record.programme_digest(read(path), catalogues[path.parent]))
        except LoadError:
            out.append("")
    return out


def _check_unique(built: list[Built]) -> None:
    seen: dict[str, Path] = {}
    for b in built:
        if b.slug in seen:
            raise UserError("site_same_id", id=b.summary.id, first=seen[b.slug], second=b.path)
        seen[b.slug] = b.path


_ENVIRONMENTS: dict[tuple[Path | None, str], Any] = {}
_CATALOGUES: dict[tuple[Path, bytes], Any] = {}


def _catalogue(folder: Path) -> Any:
    """The catalogue beside `folder`'s programmes, read and validated once per worker (every
    programme of a repository shares it), known by its bytes so that a changed file is read anew."""
    from ...checking.check import load_catalogue, read_catalogue

    key = (folder, read_catalogue(folder))
    if key not in _CATALOGUES:
        _CATALOGUES.clear()  # one repository at a time
        _CATALOGUES[key] = load_catalogue(folder)[0]
    return _CATALOGUES[key]


def _render(pages: list[tuple[str, dict[str, Any]]], lang: str, templates: Path | None) -> list[bytes]:
    """Each (template, context) rendered; the sandboxed environment kept per worker and language."""
    from ..report.render import environment, render_pages

    env = _ENVIRONMENTS.get((templates, lang))
    if env is None:
        env = _ENVIRONMENTS[(templates, lang)] = environment(templates, lang)
    return [text.encode("utf-8") for text in render_pages(pages, lang, templates, env)]


def _programme(job: tuple[Path, Options, str, record.Files | None]
               ) -> Built | tuple[str, int, dict[str, Any], list[Any]] | None:
    """A worker's whole job for one programme; a UserError goes back as data, a catalogue as None."""
    try:
        return _programme_pages(*job)
    except UserError as e:
        return e.as_data()


def _programme_pages(path: Path, options: Options, digest: str = "", last: record.Files | None = None
                     ) -> Built | None:
    """One programme's part of the site. `last`: the files the last build made from the inputs
    whose digest the main process found (`digest`); when the bytes read here have that digest too
    (the file did not change in between) and those files are all still there, nothing is rendered.
    The pages are recorded under the digest of the bytes they were made from."""
    from ...checking.check import read_catalogue
    from ...checking.findings import LoadError
    from ...computing.dimensions import dimension_views
    from ...computing.metrics import evaluate_programme
    from ...computing.rollup import summarise
    from ...computing.units import unit_views
    from ...reading.load import read
    from ...reading.read import load_programme
    from ...walk import indicators
    from ..output.indicators import programme_json, values_csv
    from .contexts import Site, indicator_pages, programme_page

    try:
        text = read(path)
        raw: bytes | None = text
        made_from = record.programme_digest(text, read_catalogue(path.parent))
    except LoadError:  # load_programme reads it again and says why
        raw, made_from = None, ""
    programme = load_programme(path, raw)
    if programme is None:
        return None
    st = evaluate_programme(programme, options.as_of)
    catalogue = _catalogue(path.parent)
    entries = {e.id: e for e in catalogue.indicators} if catalogue else {}
    pslug = layout.slug(programme.id)
    islugs = layout.slugs(i.id for i in st.indicators)
    site = Site(list(options.langs), options.as_of, options.base_url)
    summary = summarise(st)
    units = unit_views([programme], options.as_of)
    by_unit = {i.id for view in units for i in view.indicators}
    result = Built(path, summary, pslug, {i: islugs[i] for i in by_unit | {i.id for i in summary.indicators}},
                   [view.measures for view in dimension_views([st])], units,
                   any(o.breakdown for at in indicators(programme) for o in at.indicator.observations),
                   {i.id: i.partial for i in st.indicators if i.id in by_unit and i.partial}, digest=made_from)
    if last is not None and made_from and made_from == digest and record.still_there(options.out, last):
        result.files = last
        result.sizes = {name: size for name, (size, _) in last.items()}
        return result
    # the data downloads: a programme's files, once for every language (two files, not two per
    # indicator and language: a site of 300 programmes is some 35 000 files instead of 100 000)
    files: list[tuple[str, bytes]] = [(layout.data_file(pslug, "json"), programme_json(st).encode("utf-8")),
                                      (layout.data_file(pslug, "csv"), values_csv(st).encode("utf-8"))]
    for lang in options.langs:
        pages = [(layout.programme_page(pslug), programme_page(site, lang, st, pslug, islugs))]
        pages += indicator_pages(site, lang, st, pslug, islugs, entries)
        names = ["site/programme.html.j2"] + ["site/indicator.html.j2"] * (len(pages) - 1)
        rendered = _render([(n, c) for n, (_, c) in zip(names, pages, strict=True)], lang, options.templates)
        files += [(layout.file_of(lang, key), text) for (key, _), text in zip(pages, rendered, strict=True)]
    for name, data in files:
        result.sizes[name] = len(data)
        if made_from:
            result.files[name] = (len(data), record.file_hash(data))
        if not unchanged(options.out, name, data):
            stage(options.out, name, data)
            result.changed.append(name)
    return result


def _shared_files(built: list[Built], rows: Any, catalogue: Any, options: Options,
                  plans: Sequence[Plan]) -> list[tuple[str, bytes]]:
    """The files over all programmes: the root page, the style sheet, each language's front page,
    catalogue, dimension and unit pages, and the calendar (its page and downloads) when there are plans."""
    from ...computing.calendar import calendar
    from ...computing.dimensions import DimensionView
    from ...computing.units import merge_unit_views
    from ...vocab import Dimension
    from .contexts import Site, calendar_page, catalogue_pages, dimension_pages, front_page, root_page, unit_pages

    site = Site(list(options.langs), options.as_of, options.base_url)
    summaries = [b.summary for b in built]
    pslugs = [b.slug for b in built]
    first = options.langs[0]
    dimensions = [DimensionView(d, [m for b in built for m in b.dimensions[n]]) for n, d in enumerate(Dimension)]
    units = merge_unit_views([b.units for b in built]) if any(b.breakdowns for b in built) else []
    by_id = dict(zip((s.id for s in summaries), pslugs, strict=True))
    root, style = _render([("site/root.html.j2", root_page(site)), ("site/style.css.j2", {"lang": first})],
                          first, options.templates)
    out = [(layout.ROOT_PAGE, root), (layout.STYLE, style)]
    cal = calendar(plans, options.as_of) if plans else None
    downloads = _calendar_files(cal, plans, options.langs) if cal is not None else []
    out += [(name, data) for name, _, data in downloads]
    apart: list[tuple[str, str, dict[str, Any], str, Path | None]] = []  # (file, template, context, …)
    for lang in options.langs:
        pages = [("site/front.html.j2", layout.FRONT,
                  front_page(site, lang, summaries, pslugs, rows, catalogue, bool(units), cal is not None))]
        pages += [("site/catalogue.html.j2", *page) for page in catalogue_pages(
            site, lang, summaries, pslugs, [b.indicator_slugs for b in built], rows, catalogue)]
        pages += dimension_pages(site, lang, dimensions, by_id)
        apart += [(layout.file_of(lang, key), n, c, lang, options.templates)
                  for n, key, c in unit_pages(site, lang, units, {b.summary.id: b for b in built})]
        if cal is not None:
            files = [(label, name) for name, label, _ in downloads]
            pages.append(("site/calendar.html.j2", layout.CALENDAR, calendar_page(site, lang, cal, files)))
        rendered = _render([(n, c) for n, _, c in pages], lang, options.templates)
        out += [(layout.file_of(lang, key), text) for (_, key, _), text in zip(pages, rendered, strict=True)]
    return out + _render_apart(apart, len(built))


def _render_apart(jobs: list[tuple[str, str, dict[str, Any], str, Path | None]], programmes: int
                  ) -> list[tuple[str, bytes]]:
    """Pages that grow with the number of programmes (a unit's page lists every programme's values)
    rendered on every core on a large site, as its programmes were: (file, bytes)."""
    import os

    from ...computing.summary import PARALLEL_FROM

    workers = min(os.cpu_count() or 1, 8, len(jobs))
    if programmes < PARALLEL_FROM or workers < 2:
        return [(name, _render_one(job)) for name, *job in jobs]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(zip([j[0] for j in jobs], pool.map(_render_one, [tuple(j[1:]) for j in jobs]), strict=True))


def _render_one(job: Any) -> bytes:
    template, context, lang, templates = job
    return _render([(template, context)], lang, templates)[0]


def _calendar_files(cal: Any, plans: Sequence[Plan], langs: Sequence[str]) -> list[tuple[str, str, bytes]]:
    """The calendar's downloads, once for every language: a CSV per plan (the format holds one plan:
    it imports back into it) and an iCalendar file per language (its texts are in that language);
    (name, what it holds, bytes)."""
    from ...computing.calendar import calendar
    from ..calendar import write_csv, write_ics

    names = layout.name_slugs(p.id for p in plans)
    out = [(layout.calendar_file(f"{names[p.id]}.csv"), p.name, write_csv(calendar([p], cal.as_of))) for p in plans]
    out += [(layout.calendar_file(f"calendar-{lang}.ics"), lang, write_ics(cal, lang)) for lang in langs]
    return out

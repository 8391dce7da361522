"""Fill the report templates; turn the HTML into a PDF.

Templates come from `templates/` of this project (installed as the package data
`hankinta_cli/templates`), and a programme repository can override any of them with
`--templates DIR`. Filters format numbers and dates with Babel; they never compute.

A template is code and programme text is other people's: every template runs in Jinja's sandbox
(a repository's own also under CPU and memory limits), every printed expression loses its control
and bidi characters, Markdown templates pass programme text through `md` and the CSS string through
`css` (escape.py), and a PDF loads nothing but data: URLs.

The PDF is tagged (PDF/UA-1) for the screen readers of those who read a council's publications;
its bookmarks come from the print styles of report.css (`bookmark-level`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ...errors import UserError
from ...escape import clean, css_string, markdown_inline
from ...i18n import NOUNS, day, difference_text, noun, number, t, value_text


def _default_templates() -> Path:
    """Installed: the package data hankinta_cli/templates. From a checkout: the top-level templates/."""
    here = Path(__file__).resolve().parents[2]  # hankinta_cli
    for candidate in (here / "templates", here.parent.parent / "templates"):
        if (candidate / "report.html.j2").is_file():
            return candidate
    return here / "templates"


DEFAULT_TEMPLATES = _default_templates()


class PdfUnavailable(UserError):
    """WeasyPrint (the `pdf` extra) is not installed."""

    def __init__(self) -> None:
        import shlex
        import sys

        # the interpreter hankinta runs on, so the command installs into the same environment
        super().__init__("pdf_missing", python=shlex.quote(sys.executable))


class TemplateProblem(UserError):
    """A template (usually one of a programme repository's own) cannot be read or filled."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__("template_problem", where=where, message=problem)
        self.where, self.problem = where, problem


#: What a template may cost (a repository's own templates run in a child process with these limits).
TEMPLATE_CPU_SECONDS = 5
TEMPLATE_MEMORY = 1 << 30  # bytes of address space beyond what the process already has
MAX_OUTPUT = 64 << 20  # characters of report, and the longest string or list a template may build
MAX_POWER_BITS = 4096  # `**` results larger than this many bits are refused (10 ** 10 ** 10 runs for hours)


def environment(extra: Path | None, lang: str) -> Any:
    """Jinja's sandbox for every template, shipped or a repository's own: a template is code, and
    the sandbox lets it read the context and call the filters but not reach Python's internals
    (`cycler.__init__.__globals__.os` …), files outside its folders or large ranges."""
    import jinja2

    folder_loader = _folder_loader_class()
    loaders: list[jinja2.BaseLoader] = []
    if extra is not None:
        loaders.append(folder_loader(str(extra)))
    loaders.append(folder_loader(str(DEFAULT_TEMPLATES)))
    env = _sandbox_class()(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=lambda name: bool(name and name.endswith((".html.j2", ".html"))),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        finalize=_clean_output,
        auto_reload=False,  # one run renders, nobody edits the templates meanwhile: no stat per page
        bytecode_cache=_bytecode_cache(),
    )
    env.filters["num"] = lambda v, d=1: number(v, lang, d) if isinstance(v, (int, float)) else "–"
    env.filters["pct"] = lambda v, d=0: ("–" if v is None else number(v, lang, d) + "\u00a0%")
    env.filters["date"] = lambda v: day(v, lang) if isinstance(v, dt.date) else "–"
    env.filters["value"] = lambda v, unit=None: value_text(v, lang, unit)
    env.filters["difference"] = lambda v, unit=None: difference_text(v, lang, unit) if v is not None else "–"
    # the noun's form after a count: {{ n }} {{ n|noun("measure") }} → 49 toimenpidettä (i18n.NOUNS)
    env.filters["noun"] = lambda n, key: noun(n, key, lang) if key in NOUNS else str(key)
    env.filters["md"] = _markdown_text
    env.filters["css"] = lambda v: css_string("" if v is None else str(v))
    return env


_BYTECODE: Any = None


def _bytecode_cache() -> Any:
    """Compiled templates kept in memory for the process and shared by the environments of both
    languages (a site renders in two): Jinja checks each against its source's checksum, and the
    environments differ only in their filters, which compiled code looks up when it runs."""
    global _BYTECODE
    if _BYTECODE is None:
        import jinja2

        class InMemory(jinja2.BytecodeCache):
            def __init__(self) -> None:
                self.compiled: dict[str, bytes] = {}

            def load_bytecode(self, bucket: Any) -> None:
                if bucket.key in self.compiled:
                    bucket.bytecode_from_string(self.compiled[bucket.key])

            def dump_bytecode(self, bucket: Any) -> None:
                self.compiled[bucket.key] = bucket.bytecode_to_string()

        _BYTECODE = InMemory()
    return _BYTECODE


def _clean_output(value: Any) -> Any:
    """Every expression a template prints, attributes and filter results included, without control
    or bidi-override characters: done here, once, so no template (ours or a repository's) can forget
    it. Markup (the SVG charts, `|safe`) stays markup: removing a control character from escaped
    text cannot create a tag."""
    if type(value) is str:  # the usual case first, and mostly answered in C (clean's own test)
        return value if value.isprintable() else clean(value)
    from markupsafe import Markup

    if isinstance(value, Markup):
        return Markup(clean(str(value)))
    if isinstance(value, (bool, int, float)) or value is None:
        return value
    return clean(value if isinstance(value, str) else str(value))


def _markdown_text(value: Any) -> str:
    """Programme text inside a Markdown heading, list item or table cell: shown as written, never
    as HTML, a link, an image, a comment or an extra column (escape.markdown_inline)."""
    return markdown_inline("" if value is None else str(value))


def _folder_loader_class() -> Any:
    import jinja2

    class FolderLoader(jinja2.FileSystemLoader):
        """Templates from one folder, and only from it: a symbolic link in a repository's template
        folder cannot pull /etc/passwd or a private key into a published report."""

        def get_source(self, environment: Any, template: str) -> Any:
            source, filename, uptodate = super().get_source(environment, template)
            real = Path(filename).resolve()
            if not any(real.is_relative_to(Path(folder).resolve()) for folder in self.searchpath):
                raise jinja2.TemplateNotFound(template)
            return source, filename, uptodate

    return FolderLoader


def _sandbox_class() -> Any:
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import SandboxedEnvironment

    class ReportSandbox(SandboxedEnvironment):
        """The sandbox, and arithmetic that cannot take hours or gigabytes in one step."""

        intercepted_binops = frozenset(("*", "**"))

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            if operator == "**" and _power_bits(left, right) > MAX_POWER_BITS:
                raise SecurityError("the power is too large")
            if operator == "*" and _repeat_length(left, right) > MAX_OUTPUT:
                raise SecurityError("the repeated text or list is too long")
            return super().call_binop(context, operator, left, right)

        def getattr(self, obj: Any, attribute: str) -> Any:
            # `{{ i.name }}` on a context dict: Jinja tries the attribute first and reads the key
            # after an AttributeError, thousands of raised exceptions a page. A dict's only
            # attributes are its methods, so a key that is not one of them is read at once: the
            # same result, and a site of 300 programmes renders in a tenth less time.
            kind = type(obj)
            if kind is dict and attribute not in _DICT_ATTRIBUTES:
                try:
                    return obj[attribute]
                except KeyError:
                    pass
            elif attribute[:1] != "_" and _plain_record(kind):
                # A dataclass of ours (a unit page reads some 100 000 fields): for an instance that
                # is not a function, method, type, frame or generator the sandbox's only rule is
                # "no attribute starting with _", so its checks are skipped with the same result.
                try:
                    return getattr(obj, attribute)
                except AttributeError:
                    pass
            return super().getattr(obj, attribute)

    return ReportSandbox


_DICT_ATTRIBUTES = frozenset(dir(dict))
_PLAIN_RECORDS: dict[type, bool] = {}


def _plain_record(kind: type) -> bool:
    """A dataclass defined in this package (computed records the contexts hand to templates)."""
    known = _PLAIN_RECORDS.get(kind)
    if known is None:
        import dataclasses

        known = _PLAIN_RECORDS[kind] = (dataclasses.is_dataclass(kind)
                                        and kind.__module__.startswith("hankinta_cli."))
    return known


def _power_bits(base: Any, exponent: Any) -> float:
    import math

    if not isinstance(base, int) or not isinstance(exponent, int) or exponent <= 0 or abs(base) <= 1:
        return 0  # floats overflow to an error quickly; 0 and ±1 stay small
    return exponent * math.log2(abs(base))


def _repeat_length(left: Any, right: Any) -> int:
    for seq, times in ((left, right), (right, left)):
        if isinstance(seq, (str, list, tuple)) and isinstance(times, int):
            return len(seq) * times
    return 0


def render(context: dict[str, Any], fmt: str, lang: str, templates: Path | None = None) -> str:
    """The report text. A repository's own templates (`templates`) are compiled and filled in a child
    process limited to TEMPLATE_CPU_SECONDS of CPU and TEMPLATE_MEMORY of memory, where the system
    allows (compiling runs template code too: Jinja folds constant expressions)."""
    name = "report.md.j2" if fmt == "md" else "report.html.j2"
    return render_pages([(name, context)], lang, templates, environment(templates, lang))[0]


def render_pages(pages: list[tuple[str, dict[str, Any]]], lang: str, templates: Path | None = None,
                 env: Any = None) -> list[str]:
    """Fill each (template name, context) of `pages`, with the report's texts (`t`, unless the
    context brings its own) and colours; `env` an `environment(templates, lang)` to reuse. A
    repository's own templates fill all of `pages` in one child process under the limits of
    `render` (so a site pays one process per batch, not per page)."""
    from ...vocab import colours

    env = env if env is not None else environment(templates, lang)
    shared = {"t": _texts(lang), "colours": colours()}
    jobs = [(name, {**shared, **context}) for name, context in pages]
    if templates is not None and _can_isolate():
        return _render_isolated(env, jobs, lang)
    return [_fill(env, name, variables, lang) for name, variables in jobs]


def fill_template(name: str, variables: dict[str, Any], lang: str) -> str:
    """One of our own templates (the public calendar's), filled in the same sandbox and with the same
    filters and output cleaning as the report."""
    return _fill(environment(None, lang), name, variables, lang)


def _fill(env: Any, name: str, variables: dict[str, Any], lang: str) -> str:
    """Compile and fill one template; every way a template can fail is a TemplateProblem with its
    file and line."""
    import jinja2
    from jinja2.exceptions import SecurityError

    try:
        text = str(env.get_template(name).render(**variables))
    except jinja2.TemplateSyntaxError as e:
        raise TemplateProblem(f"{e.filename or e.name or name}:{e.lineno}", e.message or str(e)) from None
    except jinja2.TemplateNotFound as e:
        raise TemplateProblem(_template_line(e) or name, t("template_not_found", lang, name=e.name)) from None
    except SecurityError as e:
        raise TemplateProblem(_template_line(e) or name, t("template_unsafe", lang, detail=str(e))) from None
    except MemoryError:
        raise TemplateProblem(_where(env, name), _too_costly(lang)) from None
    except (jinja2.TemplateError, ArithmeticError, LookupError, TypeError, ValueError, RecursionError) as e:
        # an undefined name, a failing filter, 1/0 in a template: find the template line
        raise TemplateProblem(_template_line(e) or name, str(e)) from None
    if len(text) > MAX_OUTPUT:
        raise TemplateProblem(_where(env, name), _too_costly(lang))
    if name.endswith((".html.j2", ".html")):  # as autoescape decides: an HTML page
        from ..breaks import breakable

        text = breakable(text)
        if len(text) > MAX_OUTPUT:  # at most a few bytes a character more
            raise TemplateProblem(_where(env, name), _too_costly(lang))
    return text


def _where(env: Any, name: str) -> str:
    """The file a template name stands for (a repository's own or ours), for messages."""
    import jinja2

    try:
        return str(env.loader.get_source(env, name)[1])
    except jinja2.TemplateNotFound:
        return name


def _can_isolate() -> bool:
    """A child process by fork: POSIX, and only from a single-threaded process (forking threads
    can deadlock the child)."""
    import os
    import threading

    return hasattr(os, "fork") and threading.active_count() == 1


def _render_isolated(env: Any, jobs: list[tuple[str, dict[str, Any]]], lang: str) -> list[str]:
    """`_fill` of each job in a forked child under CPU and memory limits; the parent reads at most
    MAX_OUTPUT characters of its answer. A child killed by a limit is a clear TemplateProblem."""
    name = jobs[0][0] if jobs else ""
    import os
    import pickle
    import signal

    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no process to spare: the sandbox's own limits still hold
        os.close(read_end)
        os.close(write_end)
        return [_fill(env, job, variables, lang) for job, variables in jobs]
    if pid == 0:  # pragma: no cover (the child; its result travels through the pipe)
        os.close(read_end)
        code = 0
        try:
            _limit_child()
            texts = [_fill(env, job, variables, lang) for job, variables in jobs]
            if sum(map(len, texts)) > MAX_OUTPUT:
                raise TemplateProblem(_where(env, name), _too_costly(lang))
            payload = pickle.dumps(("texts", texts))
        except TemplateProblem as e:
            payload = pickle.dumps(("problem", e.where, e.problem))
        except BaseException:  # anything else: the parent reports the child's failure
            payload, code = b"", 1
        try:
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as source:
        payload = source.read(MAX_OUTPUT * 4 + 4096)  # UTF-8 and pickle framing of MAX_OUTPUT characters
        too_long = bool(source.read(1))
    if too_long:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    if too_long or not payload or os.WIFSIGNALED(status):
        raise TemplateProblem(_where(env, name), _too_costly(lang))
    answer = pickle.loads(payload)  # from our own child process, not from the template
    if answer[0] == "problem":
        raise TemplateProblem(answer[1], answer[2])
    return [str(text) for text in answer[1]]


def _limit_child() -> None:
    import os
    import resource

    resource.setrlimit(resource.RLIMIT_CPU, (TEMPLATE_CPU_SECONDS, TEMPLATE_CPU_SECONDS + 1))
    try:  # Linux: the address space in use now, plus the allowance
        with open("/proc/self/statm", encoding="ascii") as statm:
            in_use = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return  # elsewhere RLIMIT_AS is not enforced anyway (macOS); the CPU limit still holds
    resource.setrlimit(resource.RLIMIT_AS, (in_use + TEMPLATE_MEMORY, in_use + TEMPLATE_MEMORY))


def _template_line(error: BaseException) -> str | None:
    tb = error.__traceback__
    found = None
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found


def _texts(lang: str) -> dict[str, str]:
    """Headings and labels for the templates, in the report's language."""
    from .texts import TEXTS

    return {k: (en if lang == "en" else fi) for k, (fi, en) in TEXTS.items()}


#: Councils publish the PDF, and a public body's documents must be accessible: a tagged PDF
#: (structure tree of headings, lists and tables with their headers; the language from `<html
#: lang>`; the `<title>` as the title a viewer shows) that declares PDF/UA-1.
PDF_VARIANT = "pdf/ua-1"
SVG_NS = "{http://www.w3.org/2000/svg}"


def pdf_bytes(html: str) -> bytes:
    """The PDF of `html`; the caller writes it (atomically, as every output)."""
    try:
        from weasyprint import HTML
    except ImportError:
        raise PdfUnavailable() from None
    document = HTML(string=html, url_fetcher=_inline_only_fetcher())
    _name_charts(document.etree_element)
    return bytes(document.write_pdf(pdf_variant=PDF_VARIANT))


def _name_charts(root: Any) -> None:
    """Give every SVG with an `aria-label` the same text as its `<title>`, in the parsed page only.
    A tagged PDF needs a text alternative on each figure, and WeasyPrint takes an SVG's only from
    its `<title>` child: it reads no ARIA attributes (WeasyPrint issue 2550), while a browser names
    the chart by its `aria-label`. A `<title>` the SVG already has is kept."""
    for svg in root.iter(f"{SVG_NS}svg"):
        label = (svg.get("aria-label") or "").strip()
        if label and svg.find(f"{SVG_NS}title") is None:
            title = svg.makeelement(f"{SVG_NS}title", {})
            title.text = label
            svg.insert(0, title)


def _inline_only_fetcher() -> Any:
    """WeasyPrint's URL fetcher for reports: they are self-contained (styles inline, charts inline
    SVG), so only data: URLs are loaded. Whatever a programme or template manages to put in the
    page, the PDF never fetches from the network or reads a local file (WeasyPrint logs the refusal
    and goes on without the resource)."""
    try:
        from weasyprint.urls import URLFetcher  # WeasyPrint 66 and later
    except ImportError:  # earlier: a fetcher is a function
        from weasyprint import default_url_fetcher

        def fetch(url: str, *args: Any, **kwargs: Any) -> Any:
            if not url.startswith("data:"):
                raise ValueError(f"not loaded: {url[:80]}")
            return default_url_fetcher(url, *args, **kwargs)

        return fetch
    return URLFetcher(allowed_protocols={"data"}, allow_redirects=False)


def _too_costly(lang: str) -> str:
    return t("template_too_costly", lang, seconds=TEMPLATE_CPU_SECONDS, megabytes=TEMPLATE_MEMORY >> 20)

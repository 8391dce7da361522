"""CI and pre-commit as a programme repository uses them (issue 12, item 2).

- The pre-commit hook checks programmes and catalogues only (`check --only-programmes`): other
  YAML files (`.pre-commit-config.yaml`, workflows, docker-compose, mkdocs) are named on one line
  and skipped, while a broken programme, even one with a typo in `schema_version`, is checked.
- The hook itself, tried with `pre-commit try-repo` in a git repository holding non-programme
  YAML (slow: pre-commit pip-installs this repository; `.ci/run` runs it with `-m slow`).
- The GitHub Actions workflow in `examples/` and its copy in the README: its structure, and its
  `hankinta` commands succeed against this repository.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest
import yaml

from conftest import PROGRAMMES, ROOT, hankinta
from hankinta_cli.presenting.output.findings import json_text, to_json, write_json
from hankinta_cli.reading.load import MAX_BYTES, load_path
from hankinta_cli.reading.sniff import OWN_KEYS, is_programme_file, programmes_among

PROGRAMME = """\
# yaml-language-server: $schema=../schemas/programme.schema.json
schema_version: 1
id: esimerkki
name: Esimerkkiohjelma
organisation: Esimerkkilä
themes:
  - id: T1
    name: Teema
"""
PRE_COMMIT_CONFIG = """\
repos:
  - repo: https://github.com/pre-commit/pre-commit-hooks
    rev: v4.6.0
    hooks:
      - id: check-yaml
default_language_version:
  python: python3
"""
WORKFLOW = """\
name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: echo hello
"""
#: YAML that other tools keep in a repository: none of it is a programme.
OTHERS = {
    "docker-compose.yml": 'version: "3.8"\nx-env: &env\n  A: 1\nservices:\n  web:\n    image: nginx\n'
                          "    environment: *env\n",
    ".gitlab-ci.yml": "stages: [test]\ntest:\n  script:\n    - !reference [.setup, script]\n",
    "mkdocs.yml": "site_name: Docs\ntheme:\n  name: material\nnav:\n  - index.md\n",
    "k8s.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  version: '1'\n",
    "helm.yaml": "{{- if .Values.on }}\napiVersion: v1\nkind: Service\n{{- end }}\n",
    "list.yaml": "- id: hook\n  name: a hook\n",
    "empty.yaml": "",
}

WORKFLOW_FILE = ROOT / "examples" / "github-workflow.yml"


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A programme repository: one programme, the pre-commit config and a workflow; the working
    directory is its top, as under pre-commit."""
    write(tmp_path, {"programmes/esimerkki.yaml": PROGRAMME, ".pre-commit-config.yaml": PRE_COMMIT_CONFIG,
                     ".github/workflows/ci.yml": WORKFLOW})
    monkeypatch.chdir(tmp_path)
    return tmp_path


HOOK_ARGS = ("programmes/esimerkki.yaml", ".pre-commit-config.yaml", ".github/workflows/ci.yml")


# --- check --only-programmes ----------------------------------------------------------------------

def test_without_the_option_other_yaml_fails_as_the_old_hook_did(repo: Path) -> None:
    r = hankinta("check", *HOOK_ARGS)
    assert r.code == 1 and "HK102" in r.stdout and "HK103" in r.stdout


def test_only_programmes_checks_the_programme_and_names_the_skipped_files(repo: Path) -> None:
    r = hankinta("check", "--only-programmes", *HOOK_ARGS)
    assert r.code == 0, r.stdout + r.stderr
    assert r.stdout == ""
    assert r.stderr.splitlines() == [
        "ohitettiin 2 tiedostoa, jotka eivät ole ohjelmia eivätkä mittaristoja: "
        ".pre-commit-config.yaml, .github/workflows/ci.yml",
        "1 tiedosto tarkistettu: 0 virhettä, 0 varoitusta",
    ]
    en = hankinta("check", "--only-programmes", "--lang", "en", "programmes/esimerkki.yaml", ".pre-commit-config.yaml")
    assert en.stderr.splitlines()[0] == "skipped 1 file that is not a programme or catalogue: .pre-commit-config.yaml"


def test_only_programmes_still_finds_a_broken_programme(repo: Path) -> None:
    write(repo, {"programmes/esimerkki.yaml": PROGRAMME.replace("organisation", "organisaatio")})
    r = hankinta("check", "--only-programmes", "--format", "github", *HOOK_ARGS)
    assert r.code == 1
    assert "file=programmes/esimerkki.yaml,line=5,col=1,title=HK103" in r.stdout
    assert ".pre-commit-config.yaml" not in r.stdout and "ohitettiin 2 tiedostoa" in r.stderr


def test_json_lists_the_skipped_files_only_when_asked(repo: Path) -> None:
    data = hankinta("check", "--only-programmes", "--format", "json", *HOOK_ARGS).json()
    assert data["version"] == 1 and data["summary"]["files"] == 1
    assert data["skipped"] == [".pre-commit-config.yaml", ".github/workflows/ci.yml"]
    assert [f["path"] for f in data["files"]] == ["programmes/esimerkki.yaml"]
    assert "skipped" not in hankinta("check", "--format", "json", "programmes/esimerkki.yaml").json()
    # the streamed JSON is the same document as to_json's, skipped files included
    import io

    from hankinta_cli.checking.check import FileResult
    results, skipped = [FileResult(repo / HOOK_ARGS[0])], [repo / p for p in HOOK_ARGS[1:]]
    out = io.StringIO()
    write_json(results, out, "fi", False, skipped)
    assert out.getvalue() == json_text(to_json(results, "fi", False, skipped)) + "\n"


def test_only_every_skipped_file_is_fine(repo: Path) -> None:
    r = hankinta("check", "--only-programmes", ".pre-commit-config.yaml", ".github/workflows/ci.yml")
    assert r.code == 0 and r.stderr.splitlines()[-1] == "0 tiedostoa tarkistettu: 0 virhettä, 0 varoitusta"


def test_a_long_list_of_skipped_files_stays_one_line(repo: Path) -> None:
    names = [f"conf{i}.yaml" for i in range(12)]
    write(repo, dict.fromkeys(names, "a: 1\n"))
    lines = hankinta("check", "--only-programmes", *names).stderr.splitlines()
    assert lines[0].startswith("ohitettiin 12 tiedostoa") and lines[0].endswith("conf7.yaml, …")
    assert len(lines) == 2


# --- which files are programmes -------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(OTHERS))
def test_other_tools_yaml_is_not_a_programme(tmp_path: Path, name: str) -> None:
    write(tmp_path, {name: OTHERS[name]})
    assert not is_programme_file(Path(name), tmp_path)


BROKEN_PROGRAMMES = {
    # (content, what check then says about it)
    "typo_in_version.yaml": (PROGRAMME.replace("schema_version", "schema_verison"), "HK103"),
    "only_a_typo.yaml": ("schema_verison: 1\nid: x\nname: X\n", "HK102"),
    "no_version.yaml": (PROGRAMME.replace("schema_version: 1\n", ""), "HK102"),
    "modeline_only.yaml": ("# yaml-language-server: $schema=https://example.org/schemas/programme.schema.json"
                           "\nname: x\n", "HK102"),
    "syntax_error.yaml": ('name: "x\nschema_version: 1\nthemes: [\n', "HK010"),
    "alias.yaml": (PROGRAMME + "notes: [&a x, *a]\n", "HK013"),
    "catalogue.yaml": ("catalogue_version: 1\nid: m\nname: M\nindicators: 3\n", "HK105"),
}


@pytest.mark.parametrize("name", sorted(BROKEN_PROGRAMMES))
def test_a_broken_programme_outside_programmes_is_still_checked(repo: Path, name: str) -> None:
    text, code = BROKEN_PROGRAMMES[name]
    write(repo, {f"elsewhere/{name}": text})
    assert is_programme_file(Path("elsewhere", name), repo)
    r = hankinta("check", "--only-programmes", "--format", "json", f"elsewhere/{name}")
    assert r.code == 1 and "skipped" in r.json() and not r.json()["skipped"]
    assert code in {f["code"] for f in r.json()["files"][0]["findings"]}


def test_location_decides_below_the_working_directory_only(tmp_path: Path) -> None:
    write(tmp_path, {"programmes/repo/.github/workflows/ci.yml": WORKFLOW, "sub/programmes/notes.yaml": "a: 1\n"})
    base = tmp_path / "programmes" / "repo"
    assert not is_programme_file(Path(".github/workflows/ci.yml"), base)
    assert is_programme_file(Path("sub/programmes/notes.yaml"), tmp_path)  # there, it is meant to be one
    assert is_programme_file(tmp_path / "sub/programmes/notes.yaml", tmp_path)
    kept, skipped = programmes_among([tmp_path / "sub/programmes/notes.yaml", base / ".github/workflows/ci.yml"],
                                     base)
    assert (kept, skipped) == ([tmp_path / "sub/programmes/notes.yaml"], [base / ".github/workflows/ci.yml"])


def test_a_file_that_cannot_be_read_is_checked_to_say_why(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:
        fh.truncate(MAX_BYTES + 1)  # sparse: nothing is written
    assert is_programme_file(big, tmp_path)


def test_own_keys_are_the_models_distinctive_keys() -> None:
    from hankinta_cli.model import Catalogue, Programme
    fields = set(Programme.model_fields) | set(Catalogue.model_fields)
    common = {"id", "name", "description", "language", "period", "stage", "values", "process", "sources", "notes"}
    assert fields - common == OWN_KEYS, "a new top-level field: add it to sniff.OWN_KEYS or say why it is common"


def test_shipped_programmes_and_catalogue_are_programmes_anywhere(tmp_path: Path) -> None:
    for f in PROGRAMMES.glob("*.yaml"):
        shutil.copy(f, tmp_path / f.name)
        assert is_programme_file(Path(f.name), tmp_path), f.name


# --- the hook and the package --------------------------------------------------------------------

def test_the_hook_selects_yaml_and_passes_the_option() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and [h["id"] for h in hooks] == ["hankinta-check"]
    hook = hooks[0]
    assert shlex.split(hook["entry"]) == ["hankinta", "check", "--only-programmes"]
    assert hook["language"] == "python"
    files = re.compile(hook["files"])
    assert all(files.search(n) for n in ("a.yaml", "programmes/b.yml", ".pre-commit-config.yaml"))
    assert not files.search("README.md")


def test_every_package_folder_is_installed() -> None:
    # pre-commit (and pip) install the listed packages only: a folder left out is missing there
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    src = ROOT / "src"
    found = {".".join(p.parent.relative_to(src).parts) for p in src.rglob("__init__.py")}
    assert found <= listed


def test_ci_runs_the_slow_tests_and_the_readme_command_is_unchanged() -> None:
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme_command = ("python3 -m venv .venv && .venv/bin/python -m pip install -q '.[test]' "
                      "&& .venv/bin/python -m pytest")
    assert readme_command + "\n" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_command + "\n" in run
    assert re.search(r"^\.venv/bin/python -m pytest -m slow\b", run, re.MULTILINE)
    assert run.index(readme_command) < run.index("-m slow")


# --- the GitHub Actions workflow ------------------------------------------------------------------

def workflow() -> dict[str, object]:
    data = load_path(WORKFLOW_FILE).data  # YAML 1.2, as GitHub reads it: `on` is a key, not true
    assert isinstance(data, dict)
    return data


def test_the_workflow_runs_on_pull_requests_and_pushes() -> None:
    data = workflow()
    on = data["on"]
    assert isinstance(on, dict) and {"pull_request", "push"} <= set(on)
    jobs = data["jobs"]
    assert isinstance(jobs, dict) and len(jobs) == 1
    (job,) = jobs.values()
    assert job["runs-on"].startswith("ubuntu-")
    steps = job["steps"]
    uses = [s["uses"].split("@")[0] for s in steps if "uses" in s]
    assert uses == ["actions/checkout", "actions/setup-python", "actions/upload-artifact"]
    runs = [s["run"] for s in steps if "run" in s]
    assert any("hankinta check --format github" in r for r in runs)
    assert "git+https://" in str(data["env"]) and any("pip install" in r and "$HANKINTA" in r for r in runs)
    upload = steps[-1]
    report = next(shlex.split(r) for r in runs if r.startswith("hankinta report"))
    assert upload["with"]["path"] == report[report.index("-o") + 1]


def test_the_readme_shows_the_workflow_file_as_it_is() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```yaml\n(.*?)^```$", readme, re.MULTILINE | re.DOTALL)
    shown = [b for b in blocks if "actions/upload-artifact" in b]
    assert shown == [WORKFLOW_FILE.read_text(encoding="utf-8")]
    assert "- run: python -m pip install" not in readme  # the old one-line snippet is replaced


def test_the_workflows_hankinta_commands_succeed_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each `run:` that is a hankinta command, run in a checkout of this repository's programmes
    (the install step stands for the installed package)."""
    shutil.copytree(PROGRAMMES, tmp_path / "programmes")
    monkeypatch.chdir(tmp_path)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (job,) = workflow()["jobs"].values()  # type: ignore[attr-defined]
    ran = []
    for step in job["steps"]:
        command = step.get("run", "")
        if "pip install" in command:
            continue
        if command:
            argv = shlex.split(command)
            assert argv[0] == "hankinta" and not set(argv) & {"&&", "||", ";", "|", ">"}, command
            r = hankinta(*argv[1:])
            assert r.code == 0, f"{command}: {r.stdout}{r.stderr}"
            ran.append(argv[1])
    assert ran == ["check", "report"]
    assert "### hankinta check" in summary.read_text(encoding="utf-8")
    assert (tmp_path / "raportti.html").stat().st_size > 10_000


# --- the hook in a repository, through pre-commit (slow) ------------------------------------------

def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "HANKINTA_CACHE_DIR": str(home / "hankinta"),
           "PRE_COMMIT_COLOR": "never", "NO_COLOR": "1"}
    for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "HANKINTA_LANG"):
        env.pop(var, None)
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "hankinta-check",
                           "--all-files", "--verbose"], cwd=repo, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
@pytest.mark.parametrize("broken", [False, True], ids=["good", "broken"])
def test_pre_commit_try_repo(tmp_path: Path, broken: bool) -> None:
    """The hook as a programme repository gets it. try-repo installs this checkout (its last
    commit, plus uncommitted changes to tracked files) with its dependencies from PyPI into a
    store of its own that it deletes afterwards: each case takes tens of seconds."""
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of hankinta")
    repo = tmp_path / "repo"
    text = PROGRAMME.replace("organisation", "organisaatio") if broken else PROGRAMME
    write(repo, {"programmes/esimerkki.yaml": text, ".pre-commit-config.yaml": PRE_COMMIT_CONFIG,
                 ".github/workflows/ci.yml": WORKFLOW})
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "test@example.org")
    _git(repo, "config", "user.name", "hankinta test")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "programme")
    started = time.perf_counter()
    r = _try_repo(repo, tmp_path / "pre-commit-home")  # nothing of pre-commit's in the user's home
    print(f"pre-commit try-repo: {time.perf_counter() - started:.1f} s")
    out = r.stdout + r.stderr
    assert "Traceback" not in out, out
    assert "jotka eivät ole ohjelmia" in out and ".pre-commit-config.yaml" in out, out
    if broken:
        assert r.returncode == 1, out
        assert "programmes/esimerkki.yaml:5:1:" in out and "HK103" in out, out
    else:
        assert r.returncode == 0, out
        assert "1 tiedosto tarkistettu: 0 virhettä" in out, out

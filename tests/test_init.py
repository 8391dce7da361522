"""`hankinta init`: a new programme repository that works at once, made from nothing or from the
structure of a shipped programme, never over an existing file, whatever the organisation is called."""

from __future__ import annotations

import json
import os
import re
import shlex
from pathlib import Path

import pytest
import yaml

from conftest import PROGRAMMES, ROOT, hankinta
from hankinta_cli.editing.yamlpatch import render
from hankinta_cli.model import Goal, Indicator, Measure, Programme, Theme
from hankinta_cli.reading.load import load_path, load_text
from hankinta_cli.scaffold.programme import DROPPED, KEPT
from hankinta_cli.walk import raw_items

FILES = {"programmes/mittaristo.yaml", "schemas/programme.schema.json", "schemas/catalogue.schema.json",
         "schemas/plan.schema.json", ".vscode/settings.json", ".vscode/extensions.json", ".pre-commit-config.yaml",
         ".github/workflows/hankinta.yml", ".gitignore", "README.md"}


def made(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def init(folder: Path, *args: str) -> Path:
    r = hankinta("init", str(folder), *args)
    assert r.code == 0, r.stdout + r.stderr
    return folder


def check(repo: Path) -> dict[str, object]:
    r = hankinta("check", "--format", "json", "--root", str(repo / "programmes"))
    assert r.code == 0, r.stdout + r.stderr
    return r.json()  # type: ignore[no-any-return]


def test_a_new_repository_works_as_its_readme_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = init(tmp_path / "uusi", "--organisation", "Esimerkkilän kunta")
    assert made(repo) == FILES | {"programmes/esimerkkilan-kunta.yaml"}
    text = (repo / "programmes/esimerkkilan-kunta.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schemas/programme.schema.json"
    assert (repo / "programmes" / "../schemas/programme.schema.json").is_file()
    summary = check(repo)["summary"]
    assert summary == {"files": 2, "errors": 0, "warnings": 2}  # HK401, HK402: the measure's gaps
    # every hankinta command of the coordinators' README, as shown, in the repository
    monkeypatch.chdir(repo)
    readme = (repo / "README.md").read_text(encoding="utf-8")
    commands = [shlex.split(line) for block in re.findall(r"```sh\n(.*?)```", readme, re.DOTALL)
                for line in block.splitlines() if line.startswith("hankinta ")]
    commands += [shlex.split(c) for c in re.findall(r"`(hankinta [^`]+)`", readme)]
    ran = []
    for argv in commands:
        r = hankinta(*argv[1:])
        assert r.code == 0, f"{argv}: {r.stdout}{r.stderr}"
        ran.append(argv[1])
    assert {"check", "status", "set", "report", "site"} <= set(ran)
    assert "Esimerkkilän kunta" in (repo / "site" / "fi" / "index.html").read_text(encoding="utf-8")
    assert "Esimerkkilän kunta" in (repo / "raportti.html").read_text(encoding="utf-8")
    assert {"raportti.*", "site/"} <= set((repo / ".gitignore").read_text(encoding="utf-8").splitlines())
    status = hankinta("status", "esimerkkilan-kunta", "--format", "json").json()
    assert [(m["id"], m["status"]) for m in status["measures"]] == [("1.1", "käynnissä")]
    assert check(repo)["summary"] == {"files": 2, "errors": 0, "warnings": 0}


@pytest.mark.parametrize("source", ["hyvinkaa", "kajaani", "valtio"])
def test_from_a_shipped_programme_keeps_its_structure_and_nothing_of_its_own(tmp_path: Path, source: str) -> None:
    repo = init(tmp_path, "--organisation", "Uusi kunta", "--from", source, "--id", "uusi")
    new = load_path(repo / "programmes/uusi.yaml").data
    original = load_path(next(PROGRAMMES.glob(f"{source}*.yaml"))).data
    ids = [(kind, str(item["id"])) for kind, _, item in raw_items(original)]
    assert [(kind, str(item["id"])) for kind, _, item in raw_items(new)] == ids
    assert (new["id"], new["organisation"], new["stage"]) == ("uusi", "Uusi kunta", "luonnos")
    text = (repo / "programmes/uusi.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/programme.schema.json\n")
    for kind, _, item in raw_items(new):
        assert set(item) <= KEPT[kind]
    for gone in ("status:", "history:", "observations:", "baseline:", "targets:", "responsible:", "schedule:",
                 "hilma_buyers:", "period:", "adoption:", "\nnotes:"):
        assert gone not in text
    assert original["organisation"] not in {new["organisation"], new["name"]}
    assert [s["publisher"] for s in new["sources"]] == [original["organisation"]]
    assert check(repo)["summary"]["errors"] == 0  # type: ignore[index]


def test_a_copy_keeps_the_indicator_definitions(tmp_path: Path) -> None:
    repo = init(tmp_path, "--organisation", "K", "--from", "hyvinkaa", "--id", "k")
    new = {i["id"]: i for _, _, i in raw_items(load_path(repo / "programmes/k.yaml").data) if "kind" in i}
    assert new["M3.3"] == {"id": "M3.3", "name": "Hyvinkään alueella toimivien yritysten ostojen arvo Hyvinkään "
                           "vuosispendistä (%)", "kind": "prosentti", "unit": "%",
                           "numerator": "Hyvinkään alueella toimivien yritysten ostojen arvo",
                           "denominator": "Hyvinkään vuosispendi", "granularity": "vuosi"}
    assert new["M2.1b"]["catalogue"] == "markkinavuoropuhelut-kpl" and "hilma" in new["M4.2"]


def test_every_field_is_kept_or_dropped_on_purpose() -> None:
    models = {"programme": Programme, "theme": Theme, "goal": Goal, "measure": Measure, "indicator": Indicator}
    for kind, model in models.items():
        fields = set(model.model_fields)
        assert KEPT[kind] | set(DROPPED[kind]) == fields, kind
        assert not KEPT[kind] & set(DROPPED[kind]), kind


def test_nothing_is_overwritten_and_nothing_written(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("oma\n", encoding="utf-8")
    (tmp_path / "programmes").mkdir()
    (tmp_path / "programmes/mittaristo.yaml").write_text("oma\n", encoding="utf-8")
    r = hankinta("init", str(tmp_path), "--organisation", "K")
    assert r.code == 2 and r.stdout == ""
    assert "README.md" in r.stderr and "programmes/mittaristo.yaml" in r.stderr and "mitään ei kirjoitettu" in r.stderr
    assert made(tmp_path) == {"README.md", "programmes/mittaristo.yaml"}
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "oma\n"
    # a file where a folder should be is in the way too
    (tmp_path / "b").mkdir()
    (tmp_path / "b/.github").write_text("", encoding="utf-8")
    r = hankinta("init", str(tmp_path / "b"), "--organisation", "K", "--lang", "en")
    assert r.code == 2 and ".github/workflows/hankinta.yml" in r.stderr and "nothing was written" in r.stderr
    assert made(tmp_path / "b") == {".github"}


def test_a_file_that_appears_meanwhile_stops_it_and_what_was_made_is_removed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hankinta_cli.editing import atomic
    real, calls = atomic.create_new, []

    def racing(path: Path, data: bytes) -> None:
        calls.append(path)
        if len(calls) == 4:
            path.write_text("theirs", encoding="utf-8")
        real(path, data)

    monkeypatch.setattr(atomic, "create_new", racing)
    r = hankinta("init", str(tmp_path / "r"), "--organisation", "K")
    assert r.code == 2 and calls[-1].name in r.stderr
    assert made(tmp_path / "r") == {calls[-1].relative_to(tmp_path / "r").as_posix()}
    assert calls[-1].read_text(encoding="utf-8") == "theirs"
    assert sorted(p.name for p in (tmp_path / "r").iterdir()) == [calls[-1].relative_to(tmp_path / "r").parts[0]]


HOSTILE = ['Kunta: "A" #1 \'B\'', "Rivi\nrivi", "- yes", "&a *b !c %d @e `f`", "0o17", "{[}]", "x\x07y", "a\u2028b",
           "null", "Kunta # kommentti", "---", "a\\nb \\\\ $HOME ${{ x }} §{id}"]


@pytest.mark.parametrize("name", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_organisation_names_stay_names(tmp_path: Path, name: str) -> None:
    repo = init(tmp_path, "--organisation", name, "--id", "k")
    path = repo / "programmes/k.yaml"
    data = load_path(path).data
    assert data["organisation"] == name.strip() and data["name"] == name.strip() + ": hankintaohjelma"
    assert check(repo)["summary"]["errors"] == 0  # type: ignore[index]
    readme = (repo / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# ") and "\n" not in readme.split("\n", 1)[0][2:]


def test_an_id_from_the_name(tmp_path: Path) -> None:
    r = hankinta("init", str(tmp_path), "--organisation", "  Hyvinkään kaupunki / Tekninen ")
    assert r.code == 0 and (tmp_path / "programmes/hyvinkaan-kaupunki-tekninen.yaml").is_file()


def test_the_workflow_checks_pull_requests_and_publishes_main(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = init(tmp_path, "--organisation", "K", "--hankinta-repo", "https://example.org/x/hankinta")
    data = load_path(repo / ".github/workflows/hankinta.yml").data  # YAML 1.2 as GitHub reads it
    assert yaml.safe_load((repo / ".github/workflows/hankinta.yml").read_text(encoding="utf-8"))
    assert {"pull_request", "push"} <= set(data["on"]) and data["on"]["push"]["branches"] == ["main"]
    assert set(data["jobs"]) == {"check", "pages"}
    assert data["env"]["HANKINTA"] == "git+https://example.org/x/hankinta@v0.1.0"
    check_job, pages = data["jobs"]["check"], data["jobs"]["pages"]
    runs = [s["run"] for s in check_job["steps"] if "run" in s]
    assert "hankinta check --format github --no-cache" in runs
    assert pages["needs"] == "check" and "refs/heads/main" in pages["if"] and "push" in pages["if"]
    assert pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert pages["environment"]["name"] == "github-pages"
    uses = [s["uses"].split("@")[0] for s in pages["steps"] if "uses" in s]
    assert uses[-2:] == ["actions/upload-pages-artifact", "actions/deploy-pages"]
    site = next(shlex.split(s["run"]) for s in pages["steps"] if s.get("run", "").startswith("hankinta site"))
    assert site[:3] == ["hankinta", "site", "programmes"]
    assert pages["steps"][-2]["with"]["path"].rstrip("/") == site[site.index("-o") + 1].rstrip("/")
    # the check job's hankinta commands succeed in the new repository (the install step stands for the package)
    monkeypatch.chdir(repo)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    for command in runs:
        if command.startswith("hankinta "):
            assert hankinta(*shlex.split(command)[1:]).code == 0, command


def test_editor_and_pre_commit_settings(tmp_path: Path) -> None:
    repo = init(tmp_path, "--organisation", "K")
    settings = json.loads((repo / ".vscode/settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    assert schemas["./schemas/programme.schema.json"] == ["programmes/*.yaml"]
    assert all((repo / schema).is_file() for schema in schemas)
    assert json.loads((repo / ".vscode/extensions.json").read_text(encoding="utf-8")) == {
        "recommendations": ["redhat.vscode-yaml"]}
    for name in ("programme", "catalogue", "plan"):
        schema = f"schemas/{name}.schema.json"
        assert (repo / schema).read_bytes() == (ROOT / schema).read_bytes()
    assert (repo / "programmes/mittaristo.yaml").read_bytes() == (PROGRAMMES / "mittaristo.yaml").read_bytes()
    config = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (entry,) = config["repos"]
    assert entry["rev"] == "v0.1.0" and [h["id"] for h in entry["hooks"]] == [h["id"] for h in hooks]


def test_english_and_the_default_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    r = hankinta("init", "--organisation", "K", "--lang", "en")
    assert r.code == 0 and r.stdout.startswith("Programme repository made in .:")
    assert "programmes/k.yaml" in r.stdout and "hankinta check: 0 errors, 2 warnings" in r.stdout
    assert "The warnings are gaps, not errors" in r.stdout and "hankinta status set k 1.1" in r.stdout
    assert "<org>" in r.stdout  # says the hankinta address is still to be set
    fi = hankinta("init", "muu", "--organisation", "K")
    assert "Ohjelmarepositorio tehty kansioon muu:" in fi.stdout and "Varoitukset ovat aukkoja" in fi.stdout


@pytest.mark.parametrize(("args", "says"), [
    (["--organisation", "  "], "organisaation nimi puuttuu"),
    ([], "Valitsin '--organisation' puuttuu"),
    (["--organisation", "K", "--from", "turku"], "hyvinkaa, kajaani, valtio"),
    (["--organisation", "K", "--from", "mittaristo"], "'mittaristo'"),
    (["--organisation", "K", "--id", "a b"], "tunniste 'a b' ei kelpaa"),
    (["--organisation", "K", "--id", "mittaristo"], "tunniste 'mittaristo' ei kelpaa"),
    (["--organisation", "K", "--hankinta-repo", "a b"], "ei kelpaa"),
])
def test_usage_mistakes_write_nothing(tmp_path: Path, args: list[str], says: str) -> None:
    r = hankinta("init", str(tmp_path / "r"), *args)
    assert r.code == 2 and says in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "r").exists()


def test_a_model_with_errors_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nid: b\nname: B\norganisation: B\nthemes: [{id: T1, name: T, "
                   "measures: [{id: '1', title: A}, {id: '1', title: B}]}]\n", encoding="utf-8")
    r = hankinta("init", str(tmp_path / "r"), "--organisation", "K", "--from", str(bad))
    assert r.code == 2 and "HK201" in r.stderr and "ei kelpaa pohjaksi" in r.stderr
    assert not (tmp_path / "r").exists()
    good = tmp_path / "good.yaml"
    good.write_text(bad.read_text(encoding="utf-8").replace("{id: '1', title: B}", "{id: '2', title: B, "
                    "status: valmis}"), encoding="utf-8")
    repo = init(tmp_path / "ok", "--organisation", "K", "--from", str(good))
    assert "status" not in (repo / "programmes/k.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("text", ["a\u2028b", "a\x85b", "a\u2029b", "x\x07y", "x\x7fy", "\ufeffa", "a\x9bb", "ok"])
def test_any_text_is_written_as_valid_yaml(text: str) -> None:
    # the one scalar writer of edits and `init`: characters YAML refuses or reads as line breaks are escaped
    assert load_text("k: " + render(text) + "\n", Path("x.yaml")).data["k"] == text


def test_the_package_ships_what_init_copies() -> None:
    import tomllib
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert {"hankinta_cli.scaffold", "hankinta_cli.programmes", "hankinta_cli.schemas"} <= set(setuptools["packages"])
    assert setuptools["package-dir"]["hankinta_cli.programmes"] == "programmes"
    files = ROOT / "src/hankinta_cli/scaffold/files"
    patterns = setuptools["package-data"]["hankinta_cli.scaffold.files"]
    assert all(any(f.match(p) for p in patterns) for f in files.iterdir() if f.is_file())
    assert os.path.isdir(ROOT / setuptools["package-dir"]["hankinta_cli.schemas"])

"""One way in: every command takes a programme as a file, an id or a folder, from any subfolder of
the repository (or `--root`); read commands speak of reading; edits report what they changed."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from conftest import CATALOGUE, PROGRAMMES, copy_programme, hankinta, unrecorded

SRC = Path(__file__).resolve().parent.parent / "src" / "hankinta_cli"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with one programme whose file name differs from its id (`hyvinkaa`), the
    catalogue beside it, and the working directory in a subfolder two levels below the root."""
    programmes = tmp_path / "programmes"
    programmes.mkdir()
    shutil.copy(CATALOGUE, programmes / CATALOGUE.name)
    shutil.copy(PROGRAMMES / "hyvinkaa.yaml", programmes / "hyvinkaan-ohjelma.yaml")
    deep = tmp_path / "docs" / "notes"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    return tmp_path


#: The same programme named three ways, as seen from tmp/docs/notes.
FORMS = ["../../programmes/hyvinkaan-ohjelma.yaml", "hyvinkaa", "../../programmes"]


@pytest.mark.parametrize("form", FORMS)
def test_read_commands_take_a_file_an_id_or_a_folder_from_a_subfolder(repo: Path, form: str) -> None:
    run = hankinta("status", form, "-f", "json")
    assert run.code == 0, run.stderr
    assert {r["programme"] for r in run.json()["measures"]} == {"hyvinkaa"}
    run = hankinta("indicators", form, "-f", "json", "--as-of", "2025-06-30")
    assert run.code == 0, run.stderr
    run = hankinta("summary", form, "-f", "json", "--as-of", "2025-06-30")
    assert run.code == 0, run.stderr
    run = hankinta("report", form, "-f", "md", "--as-of", "2025-06-30")
    assert run.code == 0 and "Hyvinkää" in run.stdout, run.stderr
    run = hankinta("check", form)
    assert run.code == 0, run.stderr


def test_commands_without_a_programme_use_the_repository_found_upwards(repo: Path) -> None:
    run = hankinta("check")
    assert run.code == 0 and "2 tiedostoa tarkistettu" in run.stderr, run.stderr
    assert {r["programme"] for r in hankinta("status", "-f", "json").json()["measures"]} == {"hyvinkaa"}
    assert hankinta("summary", "-f", "json", "--as-of", "2025-06-30").code == 0


@pytest.mark.parametrize("form", FORMS)
def test_edits_take_a_file_an_id_or_a_folder_from_a_subfolder(repo: Path, form: str) -> None:
    target = repo / "programmes" / "hyvinkaan-ohjelma.yaml"
    before = target.read_bytes()
    run = hankinta("status", "set", form, "3.1", "käynnissä", "--date", "2025-02-03")
    assert run.code == 0, run.stderr
    run = hankinta("set", form, "3.1", "priority", "1")
    assert run.code == 0, run.stderr
    run = hankinta("record", form, "M1.2b", "--period", "2025", "--value", "4")
    assert run.code == 0, run.stderr
    sheet = repo / "docs" / "notes" / "arvot.csv"
    sheet.write_text("mittari,kausi,arvo\nM1.2b,2026,5\n", encoding="utf-8")
    run = hankinta("import", form, "arvot.csv")
    assert run.code == 0 and "tuotu 1 uusi arvo" in run.stderr, run.stderr
    after = unrecorded(target.read_text(encoding="utf-8"))
    assert after != before.decode() and "priority: 1" in after and "{period: 2026, value: 5}" in after
    assert hankinta("check", str(target)).code == 0


def test_root_option_overrides_the_search(repo: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    other.mkdir()
    shutil.copy(PROGRAMMES / "kajaani-2021-2023.yaml", other / "k.yaml")
    shutil.copy(CATALOGUE, other / CATALOGUE.name)
    run = hankinta("status", "kajaani-2021-2023", "--root", str(other), "-f", "json")
    assert run.code == 0 and run.json()["measures"], run.stderr
    assert hankinta("summary", "--root", str(other), "-f", "json", "--as-of", "2025-06-30").code == 0
    assert hankinta("check", "--root", str(other)).code == 0
    assert hankinta("status", "hyvinkaa", "--root", str(other)).code == 2


def test_nothing_matches_is_one_error_listing_ids_and_naming_root(repo: Path) -> None:
    for command in (["status"], ["status", "set"], ["indicators"], ["summary"], ["report"], ["check"]):
        extra = ["1.1", "valmis"] if command == ["status", "set"] else []
        run = hankinta(*command, "hyvinka", *extra)
        assert run.code == 2, (command, run.stderr)
        assert "'hyvinka'" in run.stderr and "hyvinkaa" in run.stderr and "--root" in run.stderr, run.stderr
        assert run.stderr.count("virhe:") == 1 and "Traceback" not in run.stderr


def test_a_name_two_programmes_answer_to_is_refused_and_check_says_why(repo: Path) -> None:
    """One file named `hyvinkaa.yaml` with another id, another file with `id: hyvinkaa`: an edit by
    that name could land in either, so every command refuses it; `check` finds two files sharing an
    id (HK212) the same way."""
    programmes = repo / "programmes"
    text = (programmes / "hyvinkaan-ohjelma.yaml").read_text(encoding="utf-8")
    (programmes / "hyvinkaa.yaml").write_text(text.replace("\nid: hyvinkaa\n", "\nid: toinen\n"), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in programmes.iterdir()}
    for command in (["record", "hyvinkaa", "M1.1", "--period", "2024", "--value", "1"], ["status", "hyvinkaa"],
                    ["report", "hyvinkaa", "-f", "md"]):
        run = hankinta(*command)
        assert run.code == 2 and "useaa tiedostoa" in run.stderr and "hyvinkaan-ohjelma.yaml" in run.stderr, run.stderr
    assert {p.name: p.read_bytes() for p in programmes.iterdir()} == before
    assert hankinta("check").code == 0  # different ids: nothing for check to say
    (programmes / "hyvinkaa.yaml").write_text(text.replace("\nid: hyvinkaa\n", "\nid: HYVINKAA\n"), encoding="utf-8")
    run = hankinta("check", "--lang", "en")
    assert run.code == 1 and "HK212" in run.stdout + run.stderr and "already used by another file" in run.stdout


def test_outside_a_repository_the_error_names_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for args in (["check"], ["status"], ["status", "hyvinkaa"], ["summary"], ["report", "hyvinkaa"]):
        run = hankinta(*args, "--lang", "en")
        assert run.code == 2 and "--root" in run.stderr and "Traceback" not in run.stderr, (args, run.stderr)


def test_an_edit_of_a_folder_with_several_programmes_is_a_usage_error(tmp_path: Path) -> None:
    for name in ("hyvinkaa.yaml", "kajaani-2021-2023.yaml"):
        shutil.copy(PROGRAMMES / name, tmp_path / name)
    before = (tmp_path / "hyvinkaa.yaml").read_bytes()
    run = hankinta("set", str(tmp_path), "3.1", "priority", "1")
    assert run.code == 2 and "hyvinkaa" in run.stderr and "kajaani-2021-2023" in run.stderr, run.stderr
    assert (tmp_path / "hyvinkaa.yaml").read_bytes() == before


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    target = tmp_path / "rikki.yaml"
    text = (PROGRAMMES / "hyvinkaa.yaml").read_text(encoding="utf-8")
    target.write_text(text.replace("kind: lukumäärä", "kind: lukumaara", 1), encoding="utf-8")
    return target


@pytest.mark.parametrize("command", [["status"], ["indicators"], ["summary"], ["report", "-f", "md"]])
def test_read_commands_speak_of_reading_a_broken_file(broken: Path, command: list[str]) -> None:
    run = hankinta(*command, str(broken))
    assert run.code == 1 and "HK104" in run.stderr, run.stderr
    assert "tiedostoa ei voi lukea" in run.stderr and "muokata" not in run.stderr, run.stderr
    english = hankinta(*command, str(broken), "--lang", "en")
    assert "cannot be read" in english.stderr and "edited" not in english.stderr, english.stderr


def test_record_replace_of_text_with_colons_says_old_and_new_whole(tmp_path: Path) -> None:
    target = copy_programme("hyvinkaa.yaml", tmp_path)
    assert hankinta("record", str(target), "M16.3b", "--period", "2024", "--value", "hyvä: mutta hidas").code == 0
    run = hankinta("record", str(target), "M16.3b", "--period", "2024", "--value", "uusi: parempi", "--replace")
    assert run.code == 0, run.stderr
    assert 'arvo "hyvä: mutta hidas" korvattiin arvolla "uusi: parempi"' in run.stderr, run.stderr
    run = hankinta("record", str(target), "M16.3b", "--period", "2024", "--value", "a:b:c", "--replace",
                   "--lang", "en")
    assert 'value "uusi: parempi" replaced by "a:b:c"' in run.stderr, run.stderr


def test_no_module_below_the_cli_imports_the_edit_module_to_read() -> None:
    """Only the writing side (updates, importer, the writer of edit results) and the CLI use edit.py."""
    writers = {"cli/app.py", "editing/edit.py", "editing/updates.py", "editing/fields.py", "editing/importer.py",
               "editing/hilma.py", "editing/plans.py", "editing/plan_import.py", "presenting/output/edits.py"}
    offenders = []
    for module in SRC.rglob("*.py"):
        if module.relative_to(SRC).as_posix() in writers:
            continue
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[-1] == "edit":
                offenders.append(module.relative_to(SRC).as_posix())
    assert offenders == []



def test_cli_is_thin() -> None:
    # the command line is a shell: each of its modules (one family of commands) stays small
    for module in (SRC / "cli").glob("*.py"):
        assert len(module.read_text(encoding="utf-8").splitlines()) < 250, module.name

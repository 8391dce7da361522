"""Hostile and careless surroundings of the edit path and of every file hankinta writes: other
programs rewriting the file, symlinks, read-only files, full disks, stale temp files, odd line ends,
lock and cache folders that someone else prepared (issue 10, items 5, 7 and 10)."""

from __future__ import annotations

import errno
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import PROGRAMMES, copy_programme, hankinta, unrecorded

FIXTURE = Path(__file__).parent / "fixtures" / "awkward.yaml"
POSIX = os.name == "posix"


@pytest.fixture
def awkward(tmp_path: Path) -> Path:
    target = tmp_path / "hankala.yaml"
    target.write_bytes(FIXTURE.read_bytes())
    return target


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The system temp folder (where edit locks live) as a folder of this test's own."""
    folder = tmp_path / "systemp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def temps(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.name.endswith(".tmp") or p.name.startswith(".check-"))


# --- 7a: an external program rewriting the file during an edit ---


def test_a_rewrite_just_before_the_rename_is_not_lost(awkward: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program saves the file after the edit read it and wrote its temp file: the edit
    must notice (the last compare is after the temp file is on disk) and write nothing."""
    external = awkward.read_bytes().replace(b"# trailing comment", b"# saved by an editor")
    real_fsync = os.fsync
    fired: list[int] = []

    def fsync_then_someone_saves(fd: int) -> None:
        real_fsync(fd)
        if not fired:
            fired.append(fd)
            awkward.write_bytes(external)

    monkeypatch.setattr(os, "fsync", fsync_then_someone_saves)
    run = hankinta("status", "set", str(awkward), "1.2", "done")
    assert fired, "the edit never synced a temp file"
    assert awkward.read_bytes() == external
    assert run.code == 2 and "muuttui levyllä" in run.stderr and "Traceback" not in run.stderr
    assert temps(awkward.parent) == []


REWRITER = textwrap.dedent("""
    import os, sys, time
    path, count = sys.argv[1], int(sys.argv[2])
    base = open(path, "rb").read()
    bom, rest = base[:3], base[3:]
    lost = 0
    for k in range(1, count + 1):
        if k > 1:
            # An edit keeps our marker line; an older marker means an edit wrote over write k-1.
            # (An edit that finds our write after its swap puts it back at once: look twice.)
            marker = b"# external %d\\n" % (k - 1)
            if marker not in open(path, "rb").read():
                time.sleep(0.05)
                lost += marker not in open(path, "rb").read()
        tmp = path + ".ext"
        with open(tmp, "wb") as fh:
            fh.write(bom + b"# external %d\\n" % k + rest)
        os.replace(tmp, path)  # as editors and git save
        if k == 1:
            print("started", flush=True)
        time.sleep(0.004)
    print(lost, flush=True)
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"),
                    reason="elsewhere a rewrite between the last compare and the rename can still be lost")
def test_concurrent_external_rewrites_are_never_lost(awkward: Path) -> None:
    """A program rewrites the file in a loop while edits run: every state on disk is either its
    content or an edit applied on top of it, never an edit of an older version."""
    import datetime as dt

    from hankinta_cli.editing.edit import EditError, edit_file
    from hankinta_cli.editing.updates import set_status

    writes = 120
    proc = subprocess.Popen([sys.executable, "-c", REWRITER, str(awkward), str(writes)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "started"
    outcomes = {"saved": 0, "refused": 0}
    while proc.poll() is None:
        try:
            edit_file(awkward, set_status("1.2", "done", dt.date(2025, 3, 31), None, None))
            outcomes["saved"] += 1
        except EditError as e:
            assert e.key == "edit_changed", e.key
            outcomes["refused"] += 1
    lost = int(proc.stdout.read().strip())
    final = awkward.read_bytes()
    assert b"# external %d\n" % writes in final  # the last external write survived
    assert lost == 0, outcomes
    assert outcomes["saved"] > 0


# --- 7b and 7e: reports, templates and schemas never clobber a programme, and are atomic ---


def test_outputs_refuse_to_overwrite_a_programme(tmp_path: Path) -> None:
    programme = copy_programme("hyvinkaa.yaml", tmp_path)
    catalogue = tmp_path / "mittaristo.yaml"
    backup = tmp_path / "hyvinkaa.bak"
    backup.write_bytes(programme.read_bytes())
    originals = {p: p.read_bytes() for p in (programme, catalogue, backup)}
    attempts = [
        ("report", str(programme), "-o", str(programme)),
        ("report", str(programme), "-f", "md", "-o", str(catalogue)),
        ("report", str(programme), "-f", "pdf", "-o", str(programme)),
        ("report", str(programme), "-o", str(backup)),  # a programme by its content, whatever its name
        ("import", "--template", str(programme)),
        ("import", "hyvinkaa", "--root", str(tmp_path), "--template", str(catalogue)),
        ("schema", "-o", str(programme)),
        ("report", str(programme), "-o", str(tmp_path / "uusi.yaml")),  # no output of ours is YAML
    ]
    for args in attempts:
        run = hankinta(*args)
        assert run.code == 2, (args, run.stderr)
        assert "ohjelma- tai mittaristotiedosto" in run.stderr and "Traceback" not in run.stderr, args
    assert {p: p.read_bytes() for p in originals} == originals
    assert not (tmp_path / "uusi.yaml").exists()
    en = hankinta("schema", "-o", str(programme), "--lang", "en")
    assert "programme or catalogue file" in en.stderr


@pytest.fixture
def disk_full(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(fd: int, data: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", no_space)


@pytest.mark.parametrize("args, name", [
    (("report", str(PROGRAMMES / "hyvinkaa.yaml"), "-f", "md"), "raportti.md"),
    (("report", str(PROGRAMMES / "hyvinkaa.yaml")), "raportti.html"),
    (("import", "--template"), "malli.xlsx"),
    (("import", "--template"), "malli.csv"),
    (("schema",), "skeema.json"),
])
def test_a_full_disk_keeps_the_previous_output(tmp_path: Path, args: tuple[str, ...], name: str,
                                               disk_full: None) -> None:
    target = tmp_path / name
    target.write_bytes(b"previous content")
    option = ["--template", str(target)] if args[-1] == "--template" else ["-o", str(target)]
    run = hankinta(*[a for a in args if a != "--template"], *option)
    assert run.code == 2, run.stderr
    assert "No space left on device" in run.stderr and "ennallaan" in run.stderr
    assert "Traceback" not in run.stderr and "Exception ignored" not in run.stderr
    assert target.read_bytes() == b"previous content"
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_outputs_are_written_whole_and_keep_the_mode(tmp_path: Path) -> None:
    report = tmp_path / "raportti.md"
    report.write_text("old")
    report.chmod(0o640)
    assert hankinta("report", str(PROGRAMMES / "hyvinkaa.yaml"), "-o", str(report)).code == 0
    assert report.read_text(encoding="utf-8").startswith("#")
    assert report.stat().st_mode & 0o777 == 0o640
    template = tmp_path / "malli.xlsx"
    assert hankinta("import", "--template", str(template)).code == 0
    from openpyxl import load_workbook

    assert load_workbook(template).active is not None
    assert [p.name for p in sorted(tmp_path.iterdir())] == ["malli.xlsx", "raportti.md"]
    if POSIX:  # a device is written directly: it cannot be renamed over (nor read for a programme)
        assert hankinta("schema", "-o", os.devnull).code == 0


# --- 7c, 7d: symlinks and read-only files ---


@pytest.mark.skipif(not POSIX, reason="symlinks")
def test_editing_through_a_symlink_edits_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    real = tmp_path / "repo"
    real.mkdir()
    target = real / "hankala.yaml"
    target.write_bytes(FIXTURE.read_bytes())
    link = tmp_path / "linkki.yaml"
    link.symlink_to(target)
    run = hankinta("set", str(link), "1.2", "priority", "1")
    assert run.code == 0, run.stderr
    assert link.is_symlink() and link.resolve() == target
    assert b"priority: 1" in target.read_bytes()
    assert temps(tmp_path) == [] and temps(real) == []


@pytest.mark.skipif(not POSIX, reason="mode bits")
def test_a_read_only_file_is_not_edited(awkward: Path) -> None:
    awkward.chmod(0o444)
    before = awkward.read_bytes()
    run = hankinta("record", str(awkward), "M1", "--period", "2025", "--value", "7")
    assert run.code == 2 and "vain luku" in run.stderr and "chmod u+w" in run.stderr
    assert awkward.read_bytes() == before and awkward.stat().st_mode & 0o777 == 0o444
    dry = hankinta("record", str(awkward), "M1", "--period", "2025", "--value", "7", "--dry-run")
    assert dry.code == 0 and "+" in dry.stdout  # a preview writes nothing, so it is allowed
    en = hankinta("record", str(awkward), "M1", "--period", "2025", "--value", "7", "--lang", "en")
    assert "read-only" in en.stderr


# --- 7f: temp files left by kill -9 ---


@pytest.mark.skipif(not POSIX, reason="process ids")
def test_stale_temp_files_of_our_own_are_cleaned_on_the_next_edit(awkward: Path) -> None:
    folder = awkward.parent
    gone = subprocess.Popen(["true"])
    gone.wait()
    old = time.time() - 120
    stale_old = folder / ".hankala.yaml.k2x9a_0q.tmp"  # an earlier version's name, two minutes old
    stale_dead = folder / f".hankala.yaml.{gone.pid}.ab12cd34.tmp"  # its writer was killed
    young = folder / ".hankala.yaml.zz99yy88.tmp"  # may belong to a writer still running
    alive = folder / f".hankala.yaml.{os.getpid()}.qq11ww22.tmp"
    others = [folder / ".hankala.yaml.swp", folder / ".muu.yaml.k2x9a_0q.tmp", folder / "hankala.yaml.tmp"]
    for p in [stale_old, stale_dead, young, alive, *others]:
        p.write_bytes(b"partial")
    os.utime(stale_old, (old, old))
    for p in others:
        os.utime(p, (old, old))
    run = hankinta("set", str(awkward), "1.2", "priority", "1")
    assert run.code == 0, run.stderr
    assert not stale_old.exists() and not stale_dead.exists()
    assert young.exists() and alive.exists() and all(p.exists() for p in others)


# --- 5: CR-only line ends, lock files someone else prepared ---


def test_cr_only_line_ends_are_edited_byte_exactly(tmp_path: Path) -> None:
    target = tmp_path / "mac.yaml"
    before = FIXTURE.read_bytes().replace(b"\n", b"\r")
    target.write_bytes(before)
    assert hankinta("check", str(target)).code == 0
    run = hankinta("status", "set", str(target), "1.2", "done", "--note", "Valmis: 100 %", "--date",
                   "31.3.2025", "--by", "Maija")
    assert run.code == 0, run.stderr
    after = target.read_bytes()
    expected = before.replace(
        "              status: käynnissä\r".encode(),
        b"              status: valmis\r").replace(
        b"note: \"aloitettu: vaihe 1\"}\r",
        b'note: "aloitettu: vaihe 1"}\r'
        b'                - {date: 2025-03-31, status: valmis, note: "Valmis: 100 %", by: Maija}\r')
    assert after == expected
    run = hankinta("record", str(target), "M2", "--period", "2024", "--value", "15")
    assert run.code == 0, run.stderr
    assert unrecorded(target.read_bytes()) == expected.replace(
        b"[{period: 2023, value: 12.5}]", b"[{period: 2023, value: 12.5}, {period: 2024, value: 15}]")
    run = hankinta("set", str(target), "1.2", "priority", "2")
    assert run.code == 0, run.stderr
    assert b"\n" not in target.read_bytes() and b"  priority: 2\r" in target.read_bytes()
    assert hankinta("check", str(target)).code == 0


@pytest.mark.skipif(not POSIX, reason="symlinks")
@pytest.mark.parametrize("occupant", ["directory", "symlink"])
def test_a_lock_path_occupied_by_something_else(awkward: Path, private_tmp: Path, occupant: str) -> None:
    from hankinta_cli.editing.edit import lock_path

    lock = lock_path(awkward)
    victim = private_tmp / "victim.txt"
    victim.write_bytes(b"precious")
    if occupant == "directory":
        lock.mkdir(parents=True)
    else:
        lock.parent.mkdir(parents=True, exist_ok=True)
        lock.symlink_to(victim)
    before = awkward.read_bytes()
    run = hankinta("set", str(awkward), "1.2", "priority", "1")
    assert run.code == 2 and "Traceback" not in run.stderr
    assert "lukko" in run.stderr and str(lock) in run.stderr
    assert awkward.read_bytes() == before and victim.read_bytes() == b"precious"


@pytest.mark.skipif(not POSIX, reason="owners and modes")
@pytest.mark.parametrize("prepared", ["symlink", "world-writable", "other owner"])
def test_a_lock_folder_someone_else_prepared_is_not_used(awkward: Path, private_tmp: Path, prepared: str) -> None:
    from hankinta_cli.editing.edit import lock_path

    folder = lock_path(awkward).parent
    assert folder.parent == private_tmp and folder.stat().st_mode & 0o777 == 0o700
    folder.rmdir()
    elsewhere = private_tmp / "elsewhere"
    elsewhere.mkdir(mode=0o777)
    if prepared == "symlink":
        folder.symlink_to(elsewhere)
    elif prepared == "world-writable":
        folder.mkdir()
        folder.chmod(0o777)
    else:
        if os.geteuid() != 0:
            pytest.skip("needs root to give a folder to another user")
        folder.mkdir(mode=0o700)
        os.chown(folder, 65534, 65534)
    run = hankinta("set", str(awkward), "1.2", "priority", "1")
    assert run.code == 0, run.stderr
    assert not lock_path(awkward).is_relative_to(folder)
    assert list(elsewhere.iterdir()) == [] and (not folder.is_dir() or list(folder.iterdir()) == [])


def test_the_shared_lock_folder_name_is_per_user(awkward: Path, private_tmp: Path) -> None:
    """/tmp/hankinta-locks, pre-created by anyone, is not where this user's locks go."""
    from hankinta_cli.editing.edit import lock_path

    shared = private_tmp / "hankinta-locks"
    shared.mkdir(mode=0o777)
    assert hankinta("set", str(awkward), "1.2", "priority", "1").code == 0
    assert list(shared.iterdir()) == []
    assert not lock_path(awkward).is_relative_to(shared)


# --- 10: the check cache ---

BROKEN = "schema_version: 1\nid: rikki\n"  # no name: HK102


def _cache_setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, str, str]:
    cache = tmp_path / "cache"
    monkeypatch.setenv("HANKINTA_CACHE_DIR", str(cache))
    target = tmp_path / "rikki.yaml"
    target.write_text(BROKEN, encoding="utf-8")
    first = hankinta("check", str(target))
    assert first.code == 1 and "HK102" in first.stdout
    stored = json.loads((cache / "check.json").read_text(encoding="utf-8"))
    [digest] = stored["entries"]
    assert digest == hashlib.sha256(BROKEN.encode() + b"\0catalogue\0").hexdigest()
    return cache, target, stored["fingerprint"], digest


BAD_SHAPES: list[Any] = [
    [],
    {"fingerprint": "FP", "entries": []},
    {"fingerprint": "FP", "entries": {"D": "x"}},
    {"fingerprint": "FP", "entries": {"D": [1]}},
    {"fingerprint": "FP", "entries": {"D": {"code": "HK102"}}},
    {"fingerprint": "FP", "entries": {"D": [{"code": "HK999", "line": 1, "column": 1, "path": "", "args": {}}]}},
    {"fingerprint": "FP", "entries": {"D": [{"code": "HK102"}]}},
    {"fingerprint": "FP", "entries": {"D": [{"code": "HK102", "line": "1", "column": 1, "path": "", "args": {}}]}},
    {"fingerprint": "FP", "entries": {"D": [{"code": "HK102", "line": 1, "column": 1, "path": "", "args": []}]}},
    {"fingerprint": "FP", "entries": {"D": [{"code": "HK102", "line": 1, "column": 1, "path": "", "args": {}}]}},
    {"fingerprint": ["FP"], "entries": {}},
]


def test_a_cache_entry_of_the_wrong_shape_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache, target, fingerprint, digest = _cache_setup(tmp_path, monkeypatch)
    for shape in BAD_SHAPES:
        text = json.dumps(shape).replace('"FP"', json.dumps(fingerprint)).replace('"D"', json.dumps(digest))
        (cache / "check.json").write_text(text, encoding="utf-8")
        (cache / "check.json").chmod(0o600)
        run = hankinta("check", str(target))
        assert run.code == 1 and "HK102" in run.stdout, shape
        assert "Traceback" not in run.stderr
    (cache / "check.json").write_text("[" * 100_000, encoding="utf-8")
    assert hankinta("check", str(target)).code == 1


@pytest.mark.skipif(not POSIX, reason="owners and modes")
@pytest.mark.parametrize("prepared", ["world-writable folder", "writable entry file", "other owner"])
def test_a_cache_others_can_write_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 prepared: str) -> None:
    cache, target, fingerprint, digest = _cache_setup(tmp_path, monkeypatch)
    forged = {"fingerprint": fingerprint, "entries": {digest: []}}  # "this broken file has no findings"
    (cache / "check.json").write_text(json.dumps(forged), encoding="utf-8")
    if prepared == "world-writable folder":
        cache.chmod(0o777)
    elif prepared == "writable entry file":
        (cache / "check.json").chmod(0o666)
    else:
        if os.geteuid() != 0:
            pytest.skip("needs root to give a file to another user")
        os.chown(cache / "check.json", 65534, 65534)
    run = hankinta("check", str(target))
    assert run.code == 1 and "HK102" in run.stdout, run.stderr
    if prepared == "world-writable folder":
        assert "välimuisti" in run.stderr and "chmod 700" in run.stderr
        assert json.loads((cache / "check.json").read_text(encoding="utf-8")) == forged  # not used at all
    # whoever owns the folder decides what it holds: an honest entry for the user's own cache
    cache.chmod(0o700)
    (cache / "check.json").unlink()
    assert hankinta("check", str(target)).code == 1
    assert (cache / "check.json").stat().st_mode & 0o077 == 0


def test_a_new_cache_folder_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache, _, _, _ = _cache_setup(tmp_path, monkeypatch)
    if POSIX:
        assert cache.stat().st_mode & 0o777 == 0o700


def test_a_directory_in_place_of_the_cache_file_leaves_no_temp_files(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    (cache / "check.json").mkdir(parents=True, mode=0o700)
    cache.chmod(0o700)
    monkeypatch.setenv("HANKINTA_CACHE_DIR", str(cache))
    target = tmp_path / "rikki.yaml"
    target.write_text(BROKEN, encoding="utf-8")
    for _ in range(3):
        run = hankinta("check", str(target))
        assert run.code == 1 and "Traceback" not in run.stderr
    assert [p.name for p in cache.iterdir()] == ["check.json"]

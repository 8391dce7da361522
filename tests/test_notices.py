"""`hankinta notices` and the eForms reader: facts read by hand from the SDK's examples
(tests/notices/, EUPL-1.2) match what is extracted; versions and change notices count a
procedure once; --buyer on copies carrying Finnish business ids; every INVALID_* example and
hostile XML (entity bombs, external entities, archive bombs) give findings, never a traceback.
"""

from __future__ import annotations

import datetime as dt
import io
import resource
import shutil
import subprocess
import sys
import tarfile
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, hankinta
from hankinta_cli.notices.business_id import normalise
from hankinta_cli.notices.model import Notice
from hankinta_cli.notices.parse import parse_notice
from hankinta_cli.notices.read import load_notices, read_notices
from hankinta_cli.notices.sources import Limits

NOTICES = Path(__file__).resolve().parent / "notices"
INVALID = sorted(NOTICES.glob("INVALID_*.xml"))


def notice(name: str) -> Notice:
    found, problems = parse_notice((NOTICES / name).read_bytes(), name)
    assert found is not None, problems
    return found


def eur(text: str) -> Any:
    from hankinta_cli.notices.model import Amount
    return Amount(Decimal(text), "EUR")


# --- facts, read by hand from the XML ------------------------------------------------------------

def test_award_notice_with_sme_counts_and_a_micro_winner() -> None:
    n = notice("can_24_minimal.xml")
    assert (n.id, n.version, n.type, n.subtype) == ("65667997-031a-4198-bd25-7225449ef479", "01", "can-standard", "29")
    assert n.dispatch_date == dt.date(2019, 10, 23) and n.procedure_id == "022d0ef9-6338-42d9-afa4-a87709128061"
    assert [(b.id, b.business_id, b.name) for b in n.buyers] == [("ORG-0001", "123 456 789", "Rouen Habitat")]
    assert (n.nature, n.cpv, n.procedure_type, n.notice_value) == ("services", "77310000", "open", eur("390697.84"))
    assert [lot.id for lot in n.lots] == ["LOT-0000"]
    (r,) = n.results
    assert (r.id, r.lot_id, r.winner_chosen, r.tenders, r.tenders_sme) == ("RES-0001", "LOT-0000", "selec-w", 3, 1)
    assert [(w.id, w.size, w.name) for w in r.winners] == [("ORG-0004", "micro", "Espaces Verts Lemire")]
    assert r.tender_values == (eur("95414"),) and r.sme_winner


def test_social_award_notice_with_three_lot_results() -> None:
    n = notice("can-social_23.xml")
    assert (n.type, n.subtype, n.dispatch_date, n.cpv) == ("can-social", "35", dt.date(2023, 5, 26), "90000000")
    assert n.notice_value == eur("123456.78") and [lot.id for lot in n.lots] == ["LOT-0001", "LOT-0002", "LOT-0003"]
    got = [(r.id, r.lot_id, r.winner_chosen, r.tenders, r.tenders_sme, [(w.id, w.size) for w in r.winners])
           for r in n.results]
    assert got == [("RES-0001", "LOT-0001", "clos-nw", None, None, []),
                   ("RES-0002", "LOT-0002", "selec-w", 3, 1, [("ORG-0002", "large")]),
                   ("RES-0003", "LOT-0003", "open-nw", None, None, [])]
    assert n.results[1].tender_values == (eur("100000"),) and not n.results[1].sme_winner


def test_award_notice_with_two_buyers() -> None:
    n = notice("can_25_ENG_Buyers.xml")
    assert [(b.id, b.business_id, b.name) for b in n.buyers] == [
        ("ORG-0001", "123 456 789", "NI Water and its subsidiaries"), ("ORG-0005", "321 654 987", "Clear Water")]
    (r,) = n.results
    assert (n.subtype, r.tenders, r.tenders_sme) == ("30", 3, 1)
    assert [(w.name, w.size) for w in r.winners] == [("Deloitte — Main Account LLP", "large")]
    assert n.notice_value == eur("9.99") and r.tender_values == (eur("1200000"),)


def test_veat_with_a_consortium_of_three_winners() -> None:
    n = notice("veat_24.xml")
    assert (n.type, n.subtype, n.dispatch_date, n.notice_value) == ("veat", "25", dt.date(2020, 4, 23), eur("350000"))
    (r,) = n.results
    assert [(w.id, w.size) for w in r.winners] == [("ORG-0004", "small"), ("ORG-0005", "small"), ("ORG-0006", "large")]
    assert (r.tenders, r.winner_chosen, r.sme_winner) == (None, None, True)


def test_veat_with_strategic_codes_on_one_lot() -> None:
    n = notice("veat_81.xml")
    assert (n.subtype, n.procedure_type) == ("27", "neg-wo-call")
    first, second = n.lots
    assert (first.id, first.green, first.social, first.innovation, first.is_green) == ("LOT-0001", (), (), (), False)
    assert (second.id, second.strategic, second.green, second.social, second.innovation) == (
        "LOT-0002", (), ("circ-econ",), ("hum-right", "opp"), ("prod-innov",))
    assert second.is_green and second.is_social and second.is_innovative
    # no tender named: the contract CON-0001's tender TEN-0001 (of LOT-0001) by TPA-0001 = ORG-0002
    assert [(r.lot_id, [w.id for w in r.winners]) for r in n.results] == [("LOT-0001", ["ORG-0002"]), ("LOT-0002", [])]
    assert n.results[0].winners[0].size is None


def test_maximal_contract_notice_version_three_and_strategic_lots() -> None:
    n = notice("cn_24_maximal.xml")
    assert (n.version, n.type, n.subtype, n.dispatch_date) == ("03", "cn-standard", "16", dt.date(2023, 3, 23))
    assert [lot.id for lot in n.lots] == ["LOT-0001", "LOT-0002"]  # the group of lots is not a lot
    for lot in n.lots:
        assert (lot.strategic, lot.green, lot.social, lot.innovation, lot.gpp_criteria) == (
            ("env-imp",), ("clim-mitig",), ("acc-all",), ("proc-innov",), ())
    assert n.results == ()


def test_social_contract_notice_and_periodic_notice_codes() -> None:
    cn = notice("cn-social_25.xml")
    (lot,) = cn.lots
    assert (cn.subtype, lot.green, lot.social, lot.innovation) == ("21", ("biodiv-eco", "other"), ("opp", "acc-all"),
                                                                    ("rd-act",))
    pin = notice("pin-rtl_24.xml")
    (lot,) = pin.lots
    assert (pin.type, pin.subtype, pin.procedure_id) == ("pin-rtl", "7", None)
    assert pin.procedure == f"notice:{pin.id}"
    assert (lot.green, lot.social, lot.innovation) == (("circ-econ",), ("et-eq", "acc-all", "opp"), ("rd-act",))


def test_award_without_tenders() -> None:
    n = notice("can_24_no_tenders.xml")
    (r,) = n.results
    assert (n.procedure_type, n.dispatch_date, r.winner_chosen, r.tenders, r.winners) == (
        "oth-single", dt.date(2015, 2, 2), "clos-nw", None, ())


def test_versions_and_change_notices_count_a_procedure_once() -> None:
    result = load_notices([NOTICES])
    ids = {n.id for n in result.notices}
    assert ("e5dc3c2b-3df5-45e0-af7f-399ca201d7e0") in ids  # pin-buyer: version 02 counts, 01 replaced
    assert [n.version for n in result.notices if n.id == "e5dc3c2b-3df5-45e0-af7f-399ca201d7e0"] == ["02"]
    assert "6bc75979-ce6c-46eb-81a6-eee543697dec" not in ids  # cn_24_cumbria, changed by…
    cumbria = [p for p in result.procedures if p.id == "9af3b735-9d6c-45c8-8c39-d58fb9fa824b"]
    assert [n.id for p in cumbria for n in p.notices] == ["92521e66-3cd5-4a5f-bea1-51991d5871ea"]
    assert cumbria[0].latest.changes == "6bc75979-ce6c-46eb-81a6-eee543697dec-01"
    # the invalid change names cn_24_FRA_comments but another procedure: a warning, nothing replaced
    assert "da4d46e9-490b-41ff-a2ae-8166d356a619" in ids
    (other,) = [p for p in result.problems if p.reason == "change_other_procedure"]
    assert other.source.endswith("INVALID_change-cn_24_FRA_comments.xml") and other.severity == "warning"
    assert result.replaced == 2 and result.read == len(result.notices) + 2


def test_notices_wait_in_a_spool_not_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    """Memory flat in the number of notices: once read, no notice's facts stay in memory (each
    is read back from the spool when the result is iterated), and reading back gives the same
    facts in the same order, as often as wanted."""
    import gc

    from hankinta_cli.notices import spool

    def held() -> int:  # other tests in this process may hold notices of their own
        gc.collect()
        return sum(isinstance(o, Notice) for o in gc.get_objects())

    monkeypatch.setattr(spool, "IN_MEMORY", 0)  # straight to a file on disk
    before = held()
    result = load_notices([NOTICES])
    assert held() == before
    first = [n.to_dict() for n in result.notices]
    assert first == [n.to_dict() for n in result.notices] and len(first) == len(result.notices) > 10
    sliced = [n.id for n in result.notices[3:6]]
    assert sliced == [n["id"] for n in first[3:6]] == [result.notices[i].id for i in (3, 4, 5)]
    assert sorted(n.id for p in result.procedures for n in p.notices) == sorted(n["id"] for n in first)
    in_memory = {"notices": first, "procedures": [(p.id, [n.id for n in p.notices]) for p in result.procedures]}
    monkeypatch.setattr(spool, "IN_MEMORY", 1 << 30)
    again = load_notices([NOTICES])
    assert in_memory == {"notices": [n.to_dict() for n in again.notices],
                         "procedures": [(p.id, [n.id for n in p.notices]) for p in again.procedures]}


# --- the command -----------------------------------------------------------------------------------

def _finnish_copy(tmp_path: Path, name: str, *business_ids: str) -> Path:
    """A copy of an SDK notice whose buyers carry Finnish business ids, said in its first comment."""
    text = (NOTICES / name).read_text(encoding="utf-8")
    for old, new in zip(("123 456 789", "321 654 987"), business_ids, strict=False):
        text = text.replace(f"<cbc:CompanyID>{old}</cbc:CompanyID>", f"<cbc:CompanyID>{new}</cbc:CompanyID>", 1)
    head, _, rest = text.partition("\n")
    target = tmp_path / f"fi-{name}"
    target.write_text(f"{head}\n<!-- Test copy of the SDK's {name}: the buyers' business ids are replaced "
                      f"by the Finnish ids {', '.join(business_ids)}. -->\n{rest}", encoding="utf-8")
    return target


def test_buyer_filter_on_finnish_business_ids(tmp_path: Path) -> None:
    ids = ["0201256-6", "1234567-1", "2000002-4"]
    assert all(normalise(i) == i for i in ids) and normalise("FI12345671") == "1234567-1"
    _finnish_copy(tmp_path, "can_24_minimal.xml", ids[0])
    _finnish_copy(tmp_path, "can_25_ENG_Buyers.xml", ids[1], ids[2])
    shutil.copy(NOTICES / "veat_24.xml", tmp_path)
    run = hankinta("notices", str(tmp_path), "--buyer", "0201256-6", "--format", "json")
    assert run.code == 0, run.stderr
    assert [n["id"] for n in run.json()["notices"]] == ["65667997-031a-4198-bd25-7225449ef479"]
    run = hankinta("notices", str(tmp_path), "--buyer", "FI20000024", "--format", "csv")  # the second buyer
    assert run.code == 0 and run.stdout.count("\n") == 2 and "2202aef9-375e-4d01-87e7-e634658d883a" in run.stdout
    assert "1234567-1;2000002-4" in run.stdout
    run = hankinta("notices", str(tmp_path), "--buyer", "1234567-2")
    assert run.code == 2 and "Y-tunnus" in run.stderr and "vihje" in run.stderr and not run.stdout
    run = hankinta("notices", str(tmp_path), "--buyer", "1234567-2", "--lang", "en")
    assert run.code == 2 and "business id" in run.stderr


def test_dates_formats_and_counts(tmp_path: Path) -> None:
    for name in ("can_24_minimal.xml", "can-social_23.xml", "veat_24.xml"):
        shutil.copy(NOTICES / name, tmp_path)
    data = hankinta("notices", str(tmp_path), "--since", "1.1.2020", "--until", "2023-05-26", "--format", "json").json()
    assert data["version"] == 1 and [n["type"] for n in data["notices"]] == ["veat", "can-social"]
    assert data["counts"] == {"read": 3, "replaced": 0, "shown": 2, "not_selected": 1, "procedures": 2,
                              "unreadable": 0}
    first = data["notices"][0]
    assert first["dispatch_date"] == "2020-04-23" and first["results"][0]["winners"][2]["size"] == "large"
    assert first["notice_value"] == {"value": "350000", "currency": "EUR"}
    table = hankinta("notices", str(tmp_path / "can_24_minimal.xml"), env={"COLUMNS": "200"})
    assert table.code == 0 and "Mikro" in table.stdout and "3 (1)" in table.stdout and "23.10.2019" in table.stdout
    assert hankinta("notices", str(tmp_path), "--since", "2024-01-01", "--until", "2023-01-01").code == 2
    assert hankinta("notices", str(tmp_path / "nope")).code == 2


# --- bad and hostile input -------------------------------------------------------------------------

def test_every_invalid_sdk_example_gives_a_finding() -> None:
    problems = [p for p in read_notices(INVALID) if not isinstance(p, Notice)]
    for path in INVALID:
        mine = [p for p in problems if p.source == str(path)]
        if path.name == "INVALID_change-cn_24_FRA_comments.xml":
            continue  # needs the notice it changes: see the test of versions and changes
        assert mine, path.name
    errors = {Path(p.source).name for p in problems if p.severity == "error"}
    assert len(errors) == 10  # all but _multiple (empty elements) and the change (wrong procedure) are unreadable
    run = hankinta("notices", *map(str, INVALID), "--format", "json")
    assert run.code == 1 and "Traceback" not in run.stderr
    assert "puuttuu BT-701, BT-757, BT-05" in run.stderr and "INVALID_cn_24_multiple.xml:61: varoitus" in run.stderr


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">
""" + b"".join(b'<!ENTITY lol%d "%s">\n' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
               for i in range(1, 10)) + b"""]>
<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2">&lol9;</ContractNotice>
"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd"><!ENTITY web SYSTEM "http://127.0.0.1:9/x">]>
<ContractNotice xmlns="urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2">&secret;&web;</ContractNotice>
"""


def _hostile_corpus(folder: Path) -> list[str]:
    good = (NOTICES / "can_24_minimal.xml").read_bytes()
    (folder / "bomb.xml").write_bytes(BOMB)
    (folder / "external.xml").write_bytes(EXTERNAL)
    (folder / "truncated.xml").write_bytes(good[: len(good) // 2])
    (folder / "empty.xml").write_bytes(b"")
    (folder / "garbage.xml").write_bytes(bytes(range(256)) * 4)
    (folder / "html.xml").write_bytes(b"<html><body>not a notice</body></html>")
    (folder / "deep.xml").write_bytes(b"<a>" * 100_000 + b"</a>" * 100_000)
    zip_bomb, tar_bomb = folder / "bomb.zip", folder / "bomb.tar.gz"
    with zipfile.ZipFile(zip_bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("../../../etc/evil.xml", good)  # a name only: nothing is extracted
        with z.open("zeros.xml", "w") as member:  # 64 MB of zeros, over the notice limit
            for _ in range(64):
                member.write(bytes(1 << 20))
        z.writestr("bomb.xml", BOMB)
    with tarfile.open(tar_bomb, "w:gz") as tar:
        for name, data in (("ok.xml", good), ("/abs/external.xml", EXTERNAL)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        info = tarfile.TarInfo("zeros.xml")
        info.size = 48 << 20
        tar.addfile(info, io.BytesIO(bytes(48 << 20)))
    (folder / "broken.zip").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    (folder / "broken.tar.gz").write_bytes(b"\x1f\x8b" + b"\xff" * 100)
    return [str(folder)]


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def test_hostile_files_give_findings_in_bounded_time_and_memory(tmp_path: Path) -> None:
    args = _hostile_corpus(tmp_path)
    run = subprocess.run([sys.executable, "-m", "hankinta_cli", "notices", *args, "--format", "json"],
                         capture_output=True, text=True, timeout=60, preexec_fn=_limited, check=False,
                         env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    import json
    data = json.loads(run.stdout)
    reasons = {(Path(p["file"]).name, p["member"]): p["reason"] for p in data["problems"]}
    assert reasons[("bomb.xml", None)] == "dtd" and reasons[("external.xml", None)] == "dtd"
    assert reasons[("truncated.xml", None)] == "xml" and reasons[("empty.xml", None)] == "xml"
    assert reasons[("garbage.xml", None)] == "xml" and reasons[("html.xml", None)] == "not_eforms"
    assert reasons[("deep.xml", None)] == "xml"  # libxml2's depth limit, kept
    assert reasons[("bomb.zip", "zeros.xml")] == "too_large" and reasons[("bomb.zip", "bomb.xml")] == "dtd"
    assert reasons[("bomb.tar.gz", "zeros.xml")] == "too_large"
    assert reasons[("bomb.tar.gz", "/abs/external.xml")] == "dtd"
    assert reasons[("broken.zip", None)] == "archive" and reasons[("broken.tar.gz", None)] == "archive"
    # both copies of one notice are read from memory (names are labels), the later counts
    assert data["counts"]["read"] == 2 and [n["member"] for n in data["notices"]] == ["../../../etc/evil.xml"]
    assert "root:" not in run.stdout and not (tmp_path.parent / "etc").exists()


def test_archive_limits_stop_the_archive_not_the_run(tmp_path: Path) -> None:
    good = (NOTICES / "can_24_minimal.xml").read_bytes()
    with zipfile.ZipFile(tmp_path / "many.zip", "w") as z:
        for i in range(5):
            z.writestr(f"n{i}.xml", good)
    with tarfile.open(tmp_path / "many.tar.gz", "w:gz") as tar:
        for i in range(5):
            info = tarfile.TarInfo(f"n{i}.xml")
            info.size = len(good)
            tar.addfile(info, io.BytesIO(good))
    shutil.copy(NOTICES / "veat_24.xml", tmp_path)
    items = list(read_notices([tmp_path], Limits(members=3)))
    limits = [p for p in items if not isinstance(p, Notice) and p.reason == "archive_limit"]
    assert len(limits) == 2 and any(isinstance(n, Notice) and n.type == "veat" for n in items)
    items = list(read_notices([tmp_path / "many.tar.gz"], Limits(archive_bytes=2 * len(good) + 10)))
    assert sum(isinstance(n, Notice) for n in items) == 2 and not isinstance(items[-1], Notice)


def test_a_hundred_lots_are_read(tmp_path: Path) -> None:
    from lxml import etree
    root = etree.fromstring((NOTICES / "cn_24_maximal.xml").read_bytes())
    ns = {"cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
          "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"}
    lot = root.xpath("cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']", namespaces=ns)[-1]
    for i in range(3, 101):
        copy = etree.fromstring(etree.tostring(lot))
        copy.find("cbc:ID", ns).text = f"LOT-{i:04d}"
        lot.addnext(copy)
        lot = copy
    data = etree.tostring(root)
    assert len(data) > 1_500_000
    found, problems = parse_notice(data, "100.xml")
    assert found is not None and len(found.lots) == 100 and all(x.is_green for x in found.lots), problems


@pytest.mark.parametrize("text", ["1234567-2", "123456-7x", "", "FI1234567", "12345678-9", "0000001-1"])
def test_bad_business_ids(text: str) -> None:
    assert normalise(text) is None


def test_json_is_written_a_notice_at_a_time_as_the_whole_document_would_be() -> None:
    import io
    import json

    from hankinta_cli.notices.read import load_notices
    from hankinta_cli.notices.select import Selection
    from hankinta_cli.presenting.output.notices import to_json, write_json

    for paths in ([NOTICES], [NOTICES / "can_24_minimal.xml"], []):
        result = load_notices(paths, Selection())
        out = io.StringIO()
        write_json(result, out)
        assert out.getvalue() == json.dumps(to_json(result), ensure_ascii=False, indent=2) + "\n"

"""The JSON shape of contract section 3 (check), section 5 (parameters) and the CLI of section 2.

Black-box: only ``checker.check`` and ``python -m checker`` are used.
"""

from __future__ import annotations

import json
import pathlib
import re
import sys

import pytest
import yaml

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _helpers_contract import (  # noqa: E402
    PERSONAS_DIR,
    REGELING_KEYS,
    ZEKERHEID,
    cli,
    controleer_resultaat,
    geldig_huishouden,
    is_getal,
    persona_namen,
)

from checker import check  # noqa: E402

PERSONAS = persona_namen()


# --------------------------------------------------------------------------------------------
# Python API (contract section 8) for every built-in persona
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("persona", PERSONAS)
def test_persona_api_vorm(persona):
    res = check(persona)
    pad = PERSONAS_DIR / f"{persona}.yaml"
    peil = yaml.safe_load(pad.read_text(encoding="utf-8")).get("peildatum") if pad.is_file() else None
    controleer_resultaat(res, peil.isoformat() if peil else None)
    assert res["jaar"] in (2025, 2026)


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("jaar", [2025, 2026])
def test_persona_api_met_jaar(persona, jaar):
    """check(x, jaar=N): 2025 and 2026 must work (contract section 1 `jaar`)."""
    res = check(persona, jaar=jaar)
    controleer_resultaat(res)
    assert res["jaar"] == jaar


@pytest.mark.parametrize("persona", PERSONAS)
def test_persona_regelingen_niet_van_toepassing_hebben_reden(persona):
    """Contract section 3: a regeling that does not apply is present with recht false and a
    reason in uitleg."""
    res = check(persona)
    for key in REGELING_KEYS:
        r = res["regelingen"][key]
        if r["recht"] is False:
            assert any(u.strip() for u in r["uitleg"]), f"{key}: recht false without a reason"


def test_geldig_huishouden_dict_vorm():
    """A dict in the schema of section 1 (the contract's own example, trimmed) gives a result
    of the shape of section 3."""
    res = check(geldig_huishouden())
    controleer_resultaat(res)
    assert res["jaar"] == 2026
    assert res["naam"] == "Geldig voorbeeld"


def test_zorgtoeslag_instantie_is_dienst_toeslagen():
    """Contract example: zorgtoeslag is paid by Dienst Toeslagen."""
    res = check("ronald-marijke")
    assert "toeslagen" in res["regelingen"]["zorgtoeslag"]["instantie"].lower()


def test_persona_ronald_marijke_bestaat():
    assert "ronald-marijke" in PERSONAS
    controleer_resultaat(check("ronald-marijke"))


# --------------------------------------------------------------------------------------------
# Command line (contract section 2)
# --------------------------------------------------------------------------------------------

def test_cli_personas_lijst():
    r = cli("personas")
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stdout + r.stderr
    for naam in PERSONAS:
        assert naam in r.stdout, f"persona {naam!r} (from personas/) not listed by `personas`"


def test_cli_check_json_ronald_marijke():
    r = cli("check", "ronald-marijke", "--json")
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stdout + r.stderr
    res = json.loads(r.stdout)
    controleer_resultaat(res)

    # section 8: the API returns the same dict that --json prints
    api = check("ronald-marijke")
    assert res["jaar"] == api["jaar"]
    assert res["naam"] == api["naam"]
    assert set(res["regelingen"]) == set(api["regelingen"])
    for key, r_cli in res["regelingen"].items():
        r_api = api["regelingen"][key]
        assert r_cli["recht"] == r_api["recht"], key
        assert r_cli["jaarbedrag"] == pytest.approx(r_api["jaarbedrag"]), key
        assert r_cli["maandbedragen"] == pytest.approx(r_api["maandbedragen"]), key
    assert res["netto_besteedbaar_inkomen"]["jaarbedrag"] == pytest.approx(
        api["netto_besteedbaar_inkomen"]["jaarbedrag"])
    assert sorted(s["code"] for s in res["signalen"]) == sorted(s["code"] for s in api["signalen"])


@pytest.mark.parametrize("jaar", ["2025", "2026"])
def test_cli_check_json_jaar(jaar):
    r = cli("check", "ronald-marijke", "--jaar", jaar, "--json")
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stdout + r.stderr
    res = json.loads(r.stdout)
    controleer_resultaat(res)
    assert res["jaar"] == int(jaar)


def test_cli_check_json_bestand(tmp_path):
    """FILE_OR_PERSONA may be a path to a JSON (or YAML) household file."""
    pad = tmp_path / "huishouden.json"
    pad.write_text(json.dumps(geldig_huishouden()), encoding="utf-8")
    r = cli("check", str(pad), "--json")
    assert r.returncode == 0, r.stderr
    controleer_resultaat(json.loads(r.stdout))


def test_cli_check_json_yaml_bestand(tmp_path):
    pad = tmp_path / "huishouden.yaml"
    pad.write_text(yaml.safe_dump(geldig_huishouden(), allow_unicode=True), encoding="utf-8")
    r = cli("check", str(pad), "--json")
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)
    controleer_resultaat(res)
    # the same household through the API with the path gives the same amounts
    api = check(str(pad))
    for key in REGELING_KEYS:
        assert res["regelingen"][key]["jaarbedrag"] == pytest.approx(api["regelingen"][key]["jaarbedrag"])


def test_cli_check_zonder_json_geen_traceback():
    """The human report: exit 0, some output, no traceback."""
    r = cli("check", "ronald-marijke")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip()
    assert "Traceback" not in r.stdout + r.stderr


# --------------------------------------------------------------------------------------------
# parameters --json (contract section 5)
# --------------------------------------------------------------------------------------------

def _parameters(jaar: int) -> list[dict]:
    r = cli("parameters", "--jaar", str(jaar), "--json")
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stdout + r.stderr
    data = json.loads(r.stdout)
    assert isinstance(data, list) and data
    return data


@pytest.mark.parametrize("jaar", [2025, 2026])
def test_parameters_json_vorm(jaar):
    for i, rec in enumerate(_parameters(jaar)):
        assert isinstance(rec, dict), i
        for key in ("id", "waarde", "eenheid", "geldig_vanaf", "bron", "zekerheid"):
            assert key in rec, f"parameter record {i} ({rec.get('id')!r}) lacks {key!r}"
        assert isinstance(rec["id"], str) and rec["id"]
        assert isinstance(rec["eenheid"], str)
        assert isinstance(rec["bron"], str) and rec["bron"].strip(), f"{rec['id']}: no bron"
        assert isinstance(rec["geldig_vanaf"], str)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", rec["geldig_vanaf"]), rec
        assert rec["zekerheid"] in ZEKERHEID, f"{rec['id']}: zekerheid {rec['zekerheid']!r}"
        assert not isinstance(rec["waarde"], str) or not re.fullmatch(r"-?[\d.,]+", rec["waarde"]), (
            f"{rec['id']}: a number given as a string: {rec['waarde']!r}")


@pytest.mark.parametrize("jaar,waarde", [
    (2026, 2119),  # Regeling standaardpremie 2026, Stcrt. 2025, 40022
    (2025, 2112),  # Regeling standaardpremie 2025, Stcrt. 2024, 38887
])
def test_parameters_standaardpremie(jaar, waarde):
    recs = {rec["id"]: rec for rec in _parameters(jaar)}
    assert "zorgtoeslag.standaardpremie" in recs
    rec = recs["zorgtoeslag.standaardpremie"]
    assert is_getal(rec["waarde"])
    assert rec["waarde"] == waarde
    assert rec["zekerheid"] == "A"


@pytest.mark.parametrize("jaar", [2025, 2026])
def test_parameters_ids_stabiel_en_gepunt(jaar):
    """Section 5: ids are dotted, lower case, and start with a regeling key or `algemeen.`."""
    recs = _parameters(jaar)
    ids = [rec["id"] for rec in recs]
    # A parameter that changes within the year (the minimumloon on 1 July) has one record per date.
    dated = [(rec["id"], rec["geldig_vanaf"]) for rec in recs]
    assert len(dated) == len(set(dated)), "duplicate parameter records (same id and geldig_vanaf)"
    regelingen = set(check("ronald-marijke")["regelingen"]) | {"algemeen"}
    for pid in ids:
        assert re.fullmatch(r"[a-z0-9_]+(\.[a-z0-9_]+)+", pid), f"id not dotted lower case: {pid!r}"
        assert pid.split(".")[0] in regelingen, f"id {pid!r} does not start with a regeling key"


def test_section_10_a_passed_datum_is_verlopen_and_actie_says_what_can_still_be_done():
    # contract section 10. The household starts work on 10 January 2026 while a zorgtoeslag voorschot runs; the
    # higher income must be reported within four weeks (Uitvoeringsregeling Awir art. 5 lid 1): by 7 February 2026.
    h = geldig_huishouden()
    h["ontvangt"] = {"zorgtoeslag": 100}
    h["personen"][1]["inkomen"] = {"loon": [0] + [1800] * 11}
    h["gebeurtenissen"].append({"datum": "2026-01-10", "soort": "start_met_werken", "persoon": "marijke"})
    acties = {}
    for peil in ("2026-01-20", "2026-06-15"):
        h["peildatum"] = peil
        res = check(h)
        controleer_resultaat(res, peil)
        [s] = [s for s in res["signalen"] if s.get("datum") == "2026-02-07" and s["instantie"] == "Dienst Toeslagen"]
        acties[peil] = s
    assert acties["2026-01-20"].get("verlopen") is not True
    assert acties["2026-06-15"]["verlopen"] is True
    assert acties["2026-06-15"]["actie"] != acties["2026-01-20"]["actie"]

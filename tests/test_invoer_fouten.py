"""Bad input (contract section 1, last paragraph; section 2 exit codes; section 8 InvoerFout).

"Bad input (a missing aanvrager, two partners, a list of 11 months, a negative rent, an unknown
gemeente, a date outside `jaar`, a string where a number belongs, a file that is not YAML/JSON)
gets one clear message per problem, naming the field path (`personen[1].inkomen.loon[3]`), and
exit code 2. Never a traceback; never a partial result that looks complete."
"""

from __future__ import annotations

import json
import pathlib
import sys
from typing import Callable

import pytest
import yaml

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _helpers_contract import cli, controleer_resultaat, geldig_huishouden  # noqa: E402

import checker  # noqa: E402
from checker import InvoerFout, check  # noqa: E402


def test_invoerfout_is_een_exception():
    assert isinstance(InvoerFout, type) and issubclass(InvoerFout, Exception)
    assert checker.InvoerFout is InvoerFout


def test_basis_is_geldig():
    """The base household that the cases below break is itself valid."""
    controleer_resultaat(check(geldig_huishouden()))


# --- the cases: (id, mutation of the valid household, field paths that must be named) -------

def _zonder_aanvrager(h):
    h["personen"] = [p for p in h["personen"] if p["rol"] != "aanvrager"]


def _twee_partners(h):
    h["personen"].append({"id": "tweede", "rol": "partner", "leeftijd": 40, "inkomen": {"loon": 1000}})


def _elf_maanden(h):
    h["personen"][0]["inkomen"]["loon"] = [1000] * 11


def _negatieve_huur(h):
    h["wonen"]["kale_huur"] = -750


def _onbekende_gemeente(h):
    h["gemeente"] = "bestaat-niet-gemeente-xyz"


def _datum_buiten_jaar(h):
    h["gebeurtenissen"][0]["datum"] = "2027-03-01"  # jaar is 2026


def _tekst_in_maandlijst(h):
    h["personen"][0]["inkomen"]["loon"] = [1000, 1000, 1000, "veel", 1000, 1000,
                                          1000, 1000, 1000, 1000, 1000, 1000]


def _tekst_als_vermogen(h):
    h["vermogen"] = "heel veel"


def _tekst_als_huur(h):
    h["wonen"]["kale_huur"] = "zevenhonderdvijftig"


def _tekst_als_partner_loon(h):
    h["personen"][1]["inkomen"]["loon"] = "twee duizend"


GEVALLEN: list[tuple[str, Callable[[dict], None], list[str]]] = [
    ("geen-aanvrager", _zonder_aanvrager, ["personen"]),
    ("twee-partners", _twee_partners, ["personen"]),
    ("elf-maanden", _elf_maanden, ["personen[0].inkomen.loon"]),
    ("negatieve-huur", _negatieve_huur, ["wonen.kale_huur"]),
    ("onbekende-gemeente", _onbekende_gemeente, ["gemeente"]),
    ("datum-buiten-jaar", _datum_buiten_jaar, ["gebeurtenissen[0].datum"]),
    ("tekst-in-maandlijst", _tekst_in_maandlijst, ["personen[0].inkomen.loon[3]"]),
    ("tekst-als-vermogen", _tekst_als_vermogen, ["vermogen"]),
    ("tekst-als-huur", _tekst_als_huur, ["wonen.kale_huur"]),
    ("tekst-als-partner-loon", _tekst_als_partner_loon, ["personen[1].inkomen.loon"]),
]
IDS = [g[0] for g in GEVALLEN]


def _kapot(mutatie) -> dict:
    h = geldig_huishouden()
    mutatie(h)
    return h


@pytest.mark.parametrize("naam,mutatie,paden", GEVALLEN, ids=IDS)
def test_api_dict_invoerfout(naam, mutatie, paden):
    with pytest.raises(InvoerFout) as exc:
        check(_kapot(mutatie))
    bericht = str(exc.value)
    for pad in paden:
        assert pad in bericht, f"{naam}: message does not name {pad!r}:\n{bericht}"
    assert "Traceback" not in bericht


@pytest.mark.parametrize("naam,mutatie,paden", GEVALLEN, ids=IDS)
@pytest.mark.parametrize("formaat", ["json", "yaml"])
def test_api_bestand_invoerfout(tmp_path, naam, mutatie, paden, formaat):
    pad = _schrijf(tmp_path, _kapot(mutatie), formaat)
    with pytest.raises(InvoerFout) as exc:
        check(str(pad))
    bericht = str(exc.value)
    for p in paden:
        assert p in bericht, f"{naam} ({formaat} file): message does not name {p!r}:\n{bericht}"


@pytest.mark.parametrize("naam,mutatie,paden", GEVALLEN, ids=IDS)
def test_cli_exit_2_met_veldpad(tmp_path, naam, mutatie, paden):
    pad = _schrijf(tmp_path, _kapot(mutatie), "yaml")
    for extra in ([], ["--json"]):
        r = cli("check", str(pad), *extra)
        uit = r.stdout + r.stderr
        assert r.returncode == 2, f"{naam} {extra}: exit {r.returncode}, expected 2\n{uit}"
        assert "Traceback" not in uit, f"{naam} {extra}: traceback in output\n{uit}"
        for p in paden:
            assert p in uit, f"{naam} {extra}: output does not name {p!r}\n{uit}"
        if extra:
            # never a partial result that looks complete
            try:
                data = json.loads(r.stdout)
            except ValueError:
                data = None
            assert not (isinstance(data, dict) and "regelingen" in data), (
                f"{naam}: bad input still printed a result")


def _schrijf(tmp_path, h: dict, formaat: str) -> pathlib.Path:
    if formaat == "json":
        pad = tmp_path / "huishouden.json"
        pad.write_text(json.dumps(h), encoding="utf-8")
    else:
        pad = tmp_path / "huishouden.yaml"
        pad.write_text(yaml.safe_dump(h, allow_unicode=True), encoding="utf-8")
    return pad


# --- files that are not YAML/JSON at all ------------------------------------------------------

NIET_YAML = {
    "kapotte-yaml.yaml": "schema: 1\nnaam: [niet gesloten\npersonen:\n  - id: a\n   rol: : aanvrager\n",
    "kapotte-json.json": '{"schema": 1, "naam": "x", "personen": [ {"id": "a", ',
    "tabs.yaml": "schema: 1\n\tnaam: tab\n",
    "binair.yaml": "\x00\x01\x02\x03PNG\x89\x00\xff",
    "lijst.yaml": "- 1\n- 2\n",
    "tekst.yaml": "dit is gewoon een zin\n",
    "leeg.yaml": "",
}


@pytest.mark.parametrize("bestandsnaam", sorted(NIET_YAML))
def test_geen_yaml_of_json(tmp_path, bestandsnaam):
    pad = tmp_path / bestandsnaam
    inhoud = NIET_YAML[bestandsnaam]
    if bestandsnaam == "binair.yaml":
        pad.write_bytes(inhoud.encode("latin-1"))
    else:
        pad.write_text(inhoud, encoding="utf-8")

    with pytest.raises(InvoerFout) as exc:
        check(str(pad))
    assert str(exc.value).strip(), "InvoerFout without a message"

    r = cli("check", str(pad), "--json")
    uit = r.stdout + r.stderr
    assert r.returncode == 2, f"exit {r.returncode}, expected 2\n{uit}"
    assert "Traceback" not in uit
    assert (r.stderr + r.stdout).strip(), "no message at all"


def test_bestand_bestaat_niet(tmp_path):
    """A FILE_OR_PERSONA that is neither a file nor a built-in persona is bad input."""
    pad = tmp_path / "bestaat-niet.yaml"
    with pytest.raises(InvoerFout):
        check(str(pad))
    r = cli("check", str(pad), "--json")
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stdout + r.stderr


def test_onbekend_jaar():
    """Only 2025 and 2026 are promised; another jaar is bad input, not a crash."""
    h = geldig_huishouden()
    h["jaar"] = 1999
    with pytest.raises(InvoerFout) as exc:
        check(h)
    assert "jaar" in str(exc.value)


# --- several problems: every one reported, in one message ------------------------------------

def _twee_fouten(h):
    _elf_maanden(h)
    _negatieve_huur(h)


def _drie_fouten(h):
    _elf_maanden(h)
    _onbekende_gemeente(h)
    _tekst_als_partner_loon(h)


@pytest.mark.parametrize("mutatie,paden", [
    (_twee_fouten, ["personen[0].inkomen.loon", "wonen.kale_huur"]),
    (_drie_fouten, ["personen[0].inkomen.loon", "gemeente", "personen[1].inkomen.loon"]),
], ids=["twee", "drie"])
def test_meerdere_fouten_in_een_bericht(tmp_path, mutatie, paden):
    h = _kapot(mutatie)
    with pytest.raises(InvoerFout) as exc:
        check(h)
    bericht = str(exc.value)
    for p in paden:
        assert p in bericht, f"not every problem reported; missing {p!r}:\n{bericht}"

    pad = _schrijf(tmp_path, h, "yaml")
    r = cli("check", str(pad), "--json")
    uit = r.stdout + r.stderr
    assert r.returncode == 2, uit
    assert "Traceback" not in uit
    for p in paden:
        assert p in uit, f"CLI does not report {p!r}:\n{uit}"


def test_een_regel_per_probleem():
    """'one clear message per problem': two problems give (at least) two lines that each name
    their own field."""
    with pytest.raises(InvoerFout) as exc:
        check(_kapot(_twee_fouten))
    regels = [r for r in str(exc.value).splitlines() if r.strip()]
    assert any("personen[0].inkomen.loon" in r for r in regels)
    assert any("wonen.kale_huur" in r for r in regels)
    assert not any("personen[0].inkomen.loon" in r and "wonen.kale_huur" in r for r in regels), (
        "both problems on one line")

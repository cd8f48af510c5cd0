"""Parameters as data: every record sourced and graded; overrides by id; contract section 5."""
import json
import subprocess
import sys

import pytest

from checker import parameters
from checker.fouten import InvoerFout, RegelFout
from checker.regelingen.register import standaard

JAREN = (2025, 2026)


@pytest.mark.parametrize("jaar", JAREN)
def test_every_parameter_has_source_date_and_grade(jaar):
    lijst = parameters.laad(jaar).lijst()
    assert lijst
    for p in lijst:
        assert p["bron"].strip(), p["id"]
        assert p["zekerheid"] in {"A", "B", "C", "UNCONFIRMED"}
        assert p["geldig_vanaf"].startswith(str(jaar))
        # contract section 5: ids start with the regeling key, or algemeen. for shared values
        assert p["id"].split(".")[0] in {"algemeen", *standaard().sleutels}


def test_published_zorgtoeslag_values():
    # Regeling standaardpremie 2025 (Stcrt. 2024, 38887) and 2026 (Stcrt. 2025, 40022)
    assert parameters.laad(2025).waarde("zorgtoeslag.standaardpremie") == 2112
    assert parameters.laad(2026).waarde("zorgtoeslag.standaardpremie") == 2119
    # Wzt art. 3 lid 1 (text 2026-01-01): € 146.011 / € 184.633
    assert parameters.laad(2026).waarde("zorgtoeslag.vermogensgrens_alleenstaande") == 146011
    assert parameters.laad(2026).waarde("zorgtoeslag.vermogensgrens_partners") == 184633


def test_drempelinkomen_matches_the_law_formula():
    # Wzt art. 1 lid 1 onder f: 108% of 12 × WML per month of January (2025: 2.191,80; 2026: 2.294,40);
    # Dienst Toeslagen uses a whole-euro amount within one euro of it.
    for jaar, wml in ((2025, 2191.80), (2026, 2294.40)):
        assert abs(parameters.laad(jaar).waarde("zorgtoeslag.drempelinkomen") - 1.08 * 12 * wml) < 1


def test_override_by_id_leaves_the_base_untouched():
    basis = parameters.laad(2026)
    nieuw = basis.met_wijzigingen({"zorgtoeslag.standaardpremie": 2219})
    assert nieuw.waarde("zorgtoeslag.standaardpremie") == 2219
    assert parameters.laad(2026).waarde("zorgtoeslag.standaardpremie") == 2119
    assert "hervorming" in nieuw.record("zorgtoeslag.standaardpremie").bron


def test_unknown_id_and_wrong_shape_are_bad_input_naming_the_id():
    with pytest.raises(InvoerFout) as e:
        parameters.laad(2026, {"zorgtoeslag.bestaat_niet": 1, "zorgtoeslag.standaardpremie": "veel"})
    tekst = str(e.value)
    assert "zorgtoeslag.bestaat_niet" in tekst and "zorgtoeslag.standaardpremie" in tekst


def test_unsupported_year_is_bad_input():
    with pytest.raises(InvoerFout, match="jaar"):
        parameters.laad(2019)


def test_loader_refuses_a_parameter_without_source(tmp_path):
    pad = tmp_path / "x.yaml"
    pad.write_text(
        "regeling: zorgtoeslag\nparameters:\n  - id: zorgtoeslag.iets\n    omschrijving: iets\n    waarde: 1\n"
        "    eenheid: euro\n    geldig_vanaf: 2026-01-01\n    zekerheid: A\n", encoding="utf-8")
    with pytest.raises(RegelFout, match="bron"):
        parameters._lees_bestand(pad, 2026)
    pad.write_text(pad.read_text(encoding="utf-8") + "    bron: '  '\n", encoding="utf-8")
    with pytest.raises(RegelFout, match="bron"):
        parameters._lees_bestand(pad, 2026)


def test_loader_refuses_a_date_outside_its_year(tmp_path):
    pad = tmp_path / "x.yaml"
    pad.write_text(
        "regeling: zorgtoeslag\nparameters:\n  - id: zorgtoeslag.iets\n    omschrijving: iets\n    waarde: 1\n"
        "    eenheid: euro\n    geldig_vanaf: 2025-01-01\n    bron: x\n    zekerheid: A\n", encoding="utf-8")
    with pytest.raises(RegelFout, match="2025-01-01"):
        parameters._lees_bestand(pad, 2026)


def test_parameters_command_lists_the_contract_fields():
    uit = subprocess.run([sys.executable, "-m", "checker", "parameters", "--jaar", "2025", "--json"],
                         capture_output=True, text=True, check=True)
    lijst = json.loads(uit.stdout)
    sp = next(p for p in lijst if p["id"] == "zorgtoeslag.standaardpremie")
    assert sp == {**sp, "waarde": 2112, "eenheid": "euro/jaar", "geldig_vanaf": "2025-01-01", "zekerheid": "A"}
    assert "38887" in sp["bron"]


@pytest.mark.parametrize("jaar", JAREN)
def test_grades_count_every_record_in_force_in_the_year(jaar):
    # The minimumloon of 1 January is graded A, that of 1 July B: a calculation that reads it, per month or once,
    # reports the July record (issue 15: before, only the record of 1 January was checked).
    params = parameters.laad(jaar)
    jan, jul = params.records("algemeen.minimumloon_maand")
    assert (jan.zekerheid, jul.zekerheid) == ("A", "B") and jul.geldig_vanaf.month == 7
    for lees in (lambda p: p.per_maand("algemeen.minimumloon_maand"), lambda p: p("algemeen.minimumloon_maand")):
        p = params.lezer()
        lees(p)
        assert p.onzeker() == [jul]
    p = params.lezer()
    p("zorgtoeslag.standaardpremie")
    assert p.onzeker() == []

"""Hervorming (contract section 6): reform arithmetic from the law, isolation of baseline and reform."""
import json
import subprocess
import sys

import pytest

from checker import InvoerFout, hervorming

from .helpers import huishouden as hh

PLUS_100 = {"schema": 1, "naam": "Standaardpremie +100", "jaar": 2026,
            "wijzigingen": {"zorgtoeslag.standaardpremie": 2219}}


def test_empty_reform_changes_nothing_for_every_persona():
    uit = hervorming({"schema": 1, "naam": "niets", "jaar": 2026, "wijzigingen": {}})
    assert uit["huishoudens"]
    for h in uit["huishoudens"]:
        assert h["verschil"]["netto_besteedbaar_inkomen"] == 0
        assert all(v == 0 for v in h["verschil"]["regelingen"].values())
        assert h["signalen_nieuw"] == [] and h["signalen_vervallen"] == []


def test_plus_100_standaardpremie_below_the_drempel():
    # Wzt art. 2 lid 1: toeslag = standaardpremie (× 2 with partner) − normpremie; below the drempel
    # the normpremie does not depend on the standaardpremie, so +100 gives +100 (single) or +200 (partners).
    uit = hervorming(PLUS_100, hh(1000), hh(1000, partner_loon=500))
    assert [h["verschil"]["regelingen"]["zorgtoeslag"] for h in uit["huishoudens"]] == [100, 200]
    assert [h["verschil"]["netto_besteedbaar_inkomen"] for h in uit["huishoudens"]] == [100, 200]


def test_plus_100_far_above_the_ceiling_changes_nothing():
    # single 2026: toeslag = 2219 − (568,55 + 0,1373 × (TI − 29.736)) < 24 for TI ≥ 12 × 5.000 = 60.000
    uit = hervorming(PLUS_100, hh(5000))
    assert uit["huishoudens"][0]["verschil"]["regelingen"]["zorgtoeslag"] == 0


def test_reform_touching_zorgtoeslag_changes_no_other_regeling():
    uit = hervorming(PLUS_100)
    for h in uit["huishoudens"]:
        assert all(v == 0 for k, v in h["verschil"]["regelingen"].items() if k != "zorgtoeslag")


def test_baseline_not_contaminated_by_a_reform():
    from checker import check
    voor = check("alleenstaande-minimumloon")["regelingen"]["zorgtoeslag"]["jaarbedrag"]
    hervorming(PLUS_100, "alleenstaande-minimumloon")
    assert check("alleenstaande-minimumloon")["regelingen"]["zorgtoeslag"]["jaarbedrag"] == voor


def test_new_signal_when_a_reform_lowers_the_vermogensgrens():
    # vermogen 140.000 is below the 2026 single limit (146.011); a limit of 130.000 stops the toeslag
    ref = {"schema": 1, "naam": "lagere grens", "jaar": 2026,
           "wijzigingen": {"zorgtoeslag.vermogensgrens_alleenstaande": 130000}}
    uit = hervorming(ref, hh(1500, vermogen=140000))
    h = uit["huishoudens"][0]
    assert "VERMOGENSGRENS" in h["signalen_nieuw"] and "NIET_GEBRUIK" in h["signalen_vervallen"]
    assert h["verschil"]["regelingen"]["zorgtoeslag"] < 0


@pytest.mark.parametrize("ref,veld", [
    ({**PLUS_100, "wijzigingen": {"zorgtoeslag.bestaat_niet": 1}}, "zorgtoeslag.bestaat_niet"),
    ({**PLUS_100, "wijzigingen": {"zorgtoeslag.standaardpremie": "veel"}}, "zorgtoeslag.standaardpremie"),
    ({**PLUS_100, "jaar": "2026"}, "jaar"),
    ({**PLUS_100, "schema": 2}, "schema"),
])
def test_bad_reform_is_bad_input_naming_the_field(ref, veld):
    with pytest.raises(InvoerFout, match=veld.replace(".", r"\.")):
        hervorming(ref, hh(1000))


def test_cli_hervorming_json(tmp_path):
    pad = tmp_path / "r.yaml"
    pad.write_text("schema: 1\nnaam: plus 100\njaar: 2026\nwijzigingen:\n  zorgtoeslag.standaardpremie: 2219\n",
                   encoding="utf-8")
    uit = subprocess.run([sys.executable, "-m", "checker", "hervorming", str(pad), "alleenstaande-minimumloon",
                          "--json"], capture_output=True, text=True)
    assert uit.returncode == 0, uit.stderr
    data = json.loads(uit.stdout)
    assert data["hervorming"] == "plus 100" and data["huishoudens"][0]["verschil"]["regelingen"]["zorgtoeslag"] == 100
    slecht = tmp_path / "s.yaml"
    slecht.write_text("schema: 1\nnaam: x\njaar: 2026\nwijzigingen:\n  foo.bar: 1\n", encoding="utf-8")
    uit = subprocess.run([sys.executable, "-m", "checker", "hervorming", str(slecht)], capture_output=True, text=True)
    assert uit.returncode == 2 and "foo.bar" in uit.stderr and "Traceback" not in uit.stderr


def test_gemeente_policy_reform_kwijtschelding_at_100_percent():
    # Pim (personas/pim.yaml): at the standaard 90% norm no kwijtschelding; Zuidplas (100%) gives the full 800
    # (tests/gevallen/pim.yaml and pim-zuidplas.yaml). A reform setting every gemeente to 100% gives Pim the full
    # aanslag.
    ref = {"schema": 1, "naam": "100%", "jaar": 2026, "wijzigingen": {},
           "gemeenten": {"alle": {"kwijtschelding": {"norm_percentage_bijstandsnorm": 1.0}}}}
    h = hervorming(ref, "pim")["huishoudens"][0]
    assert h["basis"]["regelingen"]["kwijtschelding"] == 0
    assert h["hervorming"]["regelingen"]["kwijtschelding"] == 800
    assert "KWIJTSCHELDING_MOGELIJK" in h["signalen_nieuw"]


def test_reform_of_the_standaard_does_not_override_a_gemeente_own_choice():
    # Zuidplas sets 100% itself (gmb-2025-562613 art. 2); a reform of the national standaard to 95% leaves it.
    from checker import huishouden, invoer, parameters
    from checker.regelingen._gemeentebeleid import Beleid
    h = huishouden.laad("pim").model_dump(by_alias=True, mode="json", exclude_none=True)
    inv = invoer.uit_huishoudens([huishouden.valideer({**h, "gemeente": "zuidplas"}),
                                  huishouden.valideer({**h, "gemeente": "standaard"})])
    p = parameters.laad(2026).met_gemeentebeleid(
        {"standaard": {"kwijtschelding": {"norm_percentage_bijstandsnorm": 0.95}}})
    beleid = Beleid(inv, "kwijtschelding", p.gemeente_wijzigingen)
    assert beleid.getal("norm_percentage_bijstandsnorm").tolist() == [1.0, 0.95]


def test_signal_rules_can_be_switched_off():
    ref = {**PLUS_100, "wijzigingen": {}, "signalen_uit": ["NIET_GEBRUIK"]}
    h = hervorming(ref, hh(1500))["huishoudens"][0]
    assert h["signalen_vervallen"] == ["NIET_GEBRUIK"] and h["verschil"]["netto_besteedbaar_inkomen"] == 0


@pytest.mark.parametrize("ref,veld", [
    ({**PLUS_100, "gemeenten": {"nergens": {"kwijtschelding": {"norm_percentage_bijstandsnorm": 1}}}},
     "gemeenten.nergens"),
    ({**PLUS_100, "gemeenten": {"alle": {"kwijtschelding": {"bestaat_niet": 1}}}},
     "gemeenten.alle.kwijtschelding.bestaat_niet"),
    ({**PLUS_100, "gemeenten": {"alle": {"kwijtschelding": {"norm_percentage_bijstandsnorm": "veel"}}}},
     "gemeenten.alle.kwijtschelding.norm_percentage_bijstandsnorm"),
    ({**PLUS_100, "signalen_uit": ["BESTAAT_NIET"]}, "signalen_uit"),
])
def test_bad_rule_switches_are_bad_input(ref, veld):
    with pytest.raises(InvoerFout, match=veld.replace(".", r"\.")):
        hervorming(ref, hh(1000))


def test_scan_shows_a_cliff_the_reform_creates():
    # Raising the Awir minimum from € 24 to € 600 a year (Awir art. 14 lid 5) makes the end of the zorgtoeslag
    # a drop of about € 50 a month: 10 euro more gross then lowers the household income — a new cliff.
    ref = {"schema": 1, "naam": "minimum 600", "jaar": 2026, "wijzigingen": {"algemeen.awir_minimum_jaarbedrag": 600}}
    sc = hervorming(ref, hh(2000), met_scan=True)["huishoudens"][0]["scan"]
    assert sc["persoon"] == "a" and sc["bron"] == "loon"
    nieuw = [s for s in sc["sprongen_nieuw"] if "zorgtoeslag" in s["regelingen"]]
    assert nieuw and nieuw[0]["verschil"] < -30
    assert sc["sprongen_vervallen"] == []


def test_cli_hervorming_chart_with_population(tmp_path):
    png = tmp_path / "hervorming.png"
    uit = subprocess.run([sys.executable, "-m", "checker", "hervorming", "hervormingen/standaardpremie-plus-100.yaml",
                          "pim", "gerrit", "--populatie", "500", "--grafiek", str(png)], capture_output=True, text=True)
    assert uit.returncode == 0, uit.stderr
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and "Grafiek geschreven" in uit.stdout


@pytest.mark.parametrize("opdracht", ["hervorming", "scan"])
@pytest.mark.parametrize("pad, melding", [
    ("/bestaat/niet/h.png", "bestaat niet"),
    ("uit.onbekend", "onbekend bestandstype '.onbekend'; kies .png, .svg of .pdf")])
def test_cli_chart_that_cannot_be_written_is_bad_input_before_any_work(tmp_path, opdracht, pad, melding):
    from pathlib import Path
    plus_100 = Path(__file__).resolve().parents[1] / "hervormingen" / "standaardpremie-plus-100.yaml"
    argumenten = [str(plus_100), "pim", "--populatie", "2000000"] if opdracht == "hervorming" else ["pim"]
    uit = subprocess.run([sys.executable, "-m", "checker", opdracht, *argumenten, "--grafiek", pad],
                         capture_output=True, text=True, cwd=tmp_path, timeout=60)  # refused before 2M households
    assert uit.returncode == 2 and "--grafiek" in uit.stderr and melding in uit.stderr
    assert "Traceback" not in uit.stderr and not list(tmp_path.iterdir())

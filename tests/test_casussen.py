"""The seed casussen: what does not fit a case file of tests/gevallen/.

The signals each persona must and must not raise, and the amounts with their arithmetic, are in tests/gevallen/
(one file per casus, run by tests/test_gevallen.py). Here are the checks that compare amounts with each other, change
a persona on the fly, run a reform, or read the persona files themselves.

Sources: VNG, "Stand van de Uitvoering Gemeenten 2023" (Ronald en Marijke, chapter 7, lines 1230-1489; Gerrit,
chapter 8; Nathalie en Dunya, chapter 9; the general examples of section 5.3, lines 830-866) and VNG Realisatie,
"Stand van de Uitvoering 2022" (Wim en Angelique, casus 2; Samir, casus 5; Pim, casus 6). "regel N" is line N of the
plain text of the report. Every expected amount is the law's arithmetic (article named) on the persona's own numbers,
never the program's output.
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from checker import check, hervorming
from checker.fouten import InvoerFout

from .test_gevallen import MAP, lees, rekensommen

PERSONAS = Path(__file__).resolve().parents[1] / "personas"

# Participatiewet art. 21 onder b (netto normen 2026; 1 januari en 1 juli).
NORM_GEHUWDEN = [2002.13] * 6 + [2027.79] * 6
# Wet op de huurtoeslag art. 17 (2026): the minimum-normhuur.
HT_NORMHUUR_MINIMUM = 252.49
# Uitvoeringsregeling Invorderingswet 1990 art. 11: 80% of the betalingscapaciteit goes to the aanslag.
URI_DEEL = 0.80
# The voorschot kinderopvangtoeslag in personas/ronald-marijke-thuis.yaml: 96% × 92 h × € 9,98, rounded down.
THUIS_VOORSCHOT = 881


@cache
def uit(naam: str) -> dict:
    return check(naam)


def codes(u: dict) -> set[str]:
    return {s["code"] for s in u["signalen"]}


def signaal(u: dict, code: str, regeling: str | None = None) -> dict:
    gevonden = [s for s in u["signalen"] if s["code"] == code and (regeling is None or regeling in s["regelingen"])]
    assert len(gevonden) == 1, f"{code} ({regeling}) {len(gevonden)} keer in {sorted(codes(u))}"
    return gevonden[0]


def persona(naam: str) -> dict:
    return yaml.safe_load((PERSONAS / f"{naam}.yaml").read_text(encoding="utf-8"))


def schuldeisers_in_tekst(s: dict) -> str:
    """The creditor list of a SCHULDEN_MEERDERE_SCHULDEISERS text ("achterstanden bij X, Y (samen ...")."""
    m = re.search(r"achterstanden bij (.*?) \(samen", s["uitleg"])
    assert m, s["uitleg"]
    return m.group(1)


def assert_geen(u: dict, verboden: set[str]) -> None:
    assert not (codes(u) & verboden), f"mag niet: {sorted(codes(u) & verboden)}"


# --- Ronald en Marijke ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("naam", ["ronald-marijke", "ronald-marijke-loongerelateerd", "ronald-marijke-koop",
                                  "ronald-marijke-thuis"])
def test_the_gemeente_is_not_a_current_creditor(naam):
    # regel 1340: "betalingsachterstanden ... maar (nog) niet bij de gemeente"
    for s in uit(naam)["signalen"]:
        if s["code"] == "SCHULDEN_MEERDERE_SCHULDEISERS":
            assert "gemeente" not in schuldeisers_in_tekst(s).lower()


def test_sick_but_still_in_dienst_keeps_kot():
    # Ronald sick but employed all year (loondoorbetaling) keeps the kinderopvangtoeslag (belastingdienst.nl: "Werkt u
    # een tijdje niet, maar bent u nog wel in dienst? Dan kunt u gewoon kinderopvangtoeslag krijgen")
    h = persona("ronald-marijke-thuis")
    ronald = h["personen"][0]
    ronald["inkomen"] = {"loon": 1500}
    ronald.pop("wia")
    ronald["activiteiten"] = [{"soort": "werk", "van": "2020-01-01"}]
    h.pop("gebeurtenissen")
    u = check(h)
    assert_geen(u, {"KOT_UITLOOP", "KOT_GEEN_RECHT", "SMI_MOGELIJK"})
    assert u["regelingen"]["kinderopvangtoeslag"]["maandbedragen"] == [THUIS_VOORSCHOT] * 12


# --- Gerrit, Nathalie en Dunya: the households as the report describes them -----------------------------------
def test_gerrit_parents_are_not_in_the_household():
    # the parents live in their own bungalow on the erf (Stand 2023, regel 1495): nobody at AOW age in the household
    assert all(p.get("leeftijd", 0) < 67 for p in persona("gerrit")["personen"])


def test_nathalie_dunya_rachid_is_not_a_member():
    # Rachid only stays over (Stand 2023, regels 1703 and 1707): no child in the household
    assert not [p for p in persona("nathalie-dunya")["personen"] if p["rol"] == "kind"]


# --- Wim en Angelique -----------------------------------------------------------------------------------------
def test_wim_angelique_amounts_per_month():
    u = uit("wim-angelique")
    # regels 1181-1183, 1300: the WW ends in July; gezinsbijstand with Angelique's wage counted (Pw art. 19, 31-32):
    # from August between the norm − 900 (her gross wage bounds her net) and the norm
    bij = u["regelingen"]["bijstand"]["maandbedragen"]
    for m in range(7, 12):
        assert NORM_GEHUWDEN[m] - 900 - 0.01 <= bij[m] <= NORM_GEHUWDEN[m] + 0.01
    # regels 1240-1242: from koop to huur in September opens huurtoeslag, which is not applied for
    ht = u["regelingen"]["huurtoeslag"]["maandbedragen"]
    assert ht[:8] == [0.0] * 8 and all(x > 0 for x in ht[8:])
    assert signaal(u, "NIET_GEBRUIK", "huurtoeslag")["bedrag"] == sum(ht)
    # regel 1259: Nicky turns 18 on 10 September 2026: kindgebonden budget through September (Wkgb art. 2 lid 1),
    # kinderbijslag through the third quarter (AKW art. 7 lid 1: under 18 on the first day of the quarter)
    kgb = u["regelingen"]["kindgebonden_budget"]["maandbedragen"]
    kb = u["regelingen"]["kinderbijslag"]["maandbedragen"]
    assert kgb[9] < kgb[8] and kb[9] < kb[8]


# --- Huurverlaging naar € 575,03 (Stand 2023, regels 838-840, 2048) ---------------------------------------------
def test_huurverlaging_event_and_rent_list_agree():
    # contract §1: an event and the monthly amounts must agree; the persona's list shows 575,03 from July on
    h = persona("huurverlaging-corporatie")
    (g,) = [g for g in h["gebeurtenissen"] if g["soort"] == "huurwijziging"]
    maand = g["datum"].month - 1
    assert h["wonen"]["kale_huur"][maand:] == [g["bedrag"]] * (12 - maand) == [575.03] * 6
    assert all(x != g["bedrag"] for x in h["wonen"]["kale_huur"][:maand])


def test_huurwijziging_that_disagrees_with_the_rent_list_is_flagged():
    h = persona("huurverlaging-corporatie")
    h["wonen"]["kale_huur"] = 650
    try:
        u = check(h)
    except InvoerFout as e:
        assert "kale_huur" in str(e) or "gebeurtenissen" in str(e)
        return
    teksten = [w for r in u["regelingen"].values() for w in r.get("waarschuwingen", [])]
    teksten += [s["uitleg"] for s in u["signalen"]] + u.get("waarschuwingen", [])
    assert any("kale_huur" in t or ("huurwijziging" in t and "575" in t and "650" in t) for t in teksten)


# --- A toeslag rise that ends kwijtschelding (Stand 2023, regels 846, 2043) -------------------------------------
def test_toeslag_rise_costs_kwijtschelding():
    # A reform that lowers the normhuur by € 20 raises the huurtoeslag by € 20 a month (Wht art. 17, 21: the first
    # band pays 100%); the woonlasten fall by 240 a year, 240 − marge becomes betalingscapaciteit and 80% of it is lost
    # in kwijtschelding (URI art. 11): the household keeps less than the rise. The marge is the arithmetic written out
    # in tests/gevallen/kwijtschelding-grens.yaml.
    marge = rekensommen(lees(MAP / "kwijtschelding-grens.yaml"))["marge"]
    r = hervorming({"schema": 1, "naam": "huurtoeslag +20", "jaar": 2026,
                    "wijzigingen": {"huurtoeslag.normhuur_minimum_inkomensijkpunt": HT_NORMHUUR_MINIMUM - 20}},
                   ["kwijtschelding-grens"])
    v = r["huishoudens"][0]["verschil"]
    verlies = URI_DEEL * (240 - marge)                                                # ≈ 81,74
    assert v["regelingen"]["huurtoeslag"] == 240
    assert v["regelingen"]["kwijtschelding"] == pytest.approx(-verlies, abs=0.05)
    assert v["netto_besteedbaar_inkomen"] == pytest.approx(240 - verlies, abs=0.05)
    assert v["netto_besteedbaar_inkomen"] < v["regelingen"]["huurtoeslag"]


# --- The personas themselves: every value carries its source ---------------------------------------------------
NIEUW = ["ronald-marijke-thuis", "ronald-marijke-koop", "huurverlaging-corporatie", "kwijtschelding-grens", "pim",
         "samir", "wim-angelique", "gerrit", "nathalie-dunya", "controle-stel-koopwoning", "controle-gepensioneerde"]
BRON = re.compile(r"L\d{3,4}|AANNAME|contract")


@pytest.mark.parametrize("naam", NIEUW)
def test_every_value_names_its_source(naam):
    regels = (PERSONAS / f"{naam}.yaml").read_text(encoding="utf-8").splitlines()
    assert regels[0].startswith("# ====") and any("Persona" in r for r in regels[:3])
    vorige = ""                                  # the comment block right above the line
    for nr, regel in enumerate(regels, start=1):
        kaal = regel.strip()
        if not kaal or kaal.startswith("#"):
            vorige = vorige + regel if kaal.startswith("#") else ""
            continue
        waarde = kaal.split("#", 1)[0].rstrip()
        is_waarde = waarde.startswith("- {") or (":" in waarde and not waarde.endswith(":"))
        if is_waarde and not waarde.lstrip("- ").startswith("id:"):
            assert BRON.search(regel) or BRON.search(vorige), f"{naam}.yaml regel {nr} zonder bron: {regel!r}"
        vorige = ""

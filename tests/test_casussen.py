"""The seed casussen as a regression suite: the signals each persona MUST and MUST NOT raise.

Sources: /work/shared/reference/casussen-2023.md (Stand van de Uitvoering Gemeenten 2023: Ronald & Marijke,
Gerrit, Nathalie & Dunya, and the generic examples of §1.4/§3.4) and casussen-2022.md (Stand van de
Uitvoering 2022: Wim & Angelique, Pim, Samir). L-numbers are lines of the seed files in /work/shared/seeds/.

The casussen's own signal names are mapped onto the contract codes (contract.md §4):
  RM-S01 KOT_UITLOOP_3M -> KOT_UITLOOP (+ KOT_GEEN_RECHT for the months paid without a right)
  RM-S02/S03 SMI_APPLY_NOW / SMI_NO_RETROACTIVITY -> SMI_MOGELIJK
  RM-S05 WGA_50PCT_RVC_CLIFF -> WGA_INKOMENSEIS;  RM-S17 LGU_END_UPCOMING -> WGA_EINDE_LOONGERELATEERD
  RM-S07 TOESLAGEN_FLUCTUATING_INCOME -> WISSELEND_INKOMEN
  RM-S09/S10 MULTI_CREDITOR_ARREARS / REFER_SCHULDHULP_ZZP -> SCHULDEN_MEERDERE_SCHULDEISERS (ondernemers route)
  RM-S13, ND-S11, PI-2 KWIJTSCHELDING_CHECK -> KWIJTSCHELDING_MOGELIJK;  I-GEN-02 / GEN-T02 -> KWIJTSCHELDING_GRENS
  ND-S04, PI-6, SA-5, WA-7, G-C01 (non-take-up of toeslagen) -> NIET_GEBRUIK
  ND-S06, I-GEN-01 / GEN-T01 -> HUUR_WIJZIGING_DOORGEVEN (+ TOESLAG_TERUGVORDERING when not reported)
  WA-1/WA-2 (WW ends, gezinsbijstand) -> BIJSTAND_MOGELIJK;  WA-14, PI-1/PI-3 -> SCHULDEN_MEERDERE_SCHULDEISERS
Every expected amount is computed here from the law (article named) and the persona's own numbers, never
taken from the program's output.
"""
from __future__ import annotations

import math
import re
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import pytest
import yaml

from checker import api, check, hervorming, signalen
from checker.fouten import InvoerFout

PERSONAS = Path(__file__).resolve().parents[1] / "personas"

# --- the law's numbers for 2026, written out ------------------------------------------------------------------
# Wet op de zorgtoeslag art. 2 (tekst 2026): standaardpremie, drempelinkomen, normpremie percentages.
ZT_STANDAARDPREMIE, ZT_DREMPEL = 2119, 29736
ZT_PCT_ALLEENSTAANDE, ZT_PCT_PARTNERS, ZT_PCT_BOVEN = 0.01912, 0.04289, 0.1373
# Wet op de huurtoeslag art. 13, 17, 19-21 (tekst 2026): grenzen, normhuur, verlagingen, ijkpunten, afbouw.
HT_KWALITEITSKORTINGSGRENS, HT_AFTOPPINGSGRENS_1_2, HT_MAXIMALE_HUURGRENS = 498.20, 713.02, 932.93
HT_NORMHUUR_MINIMUM, HT_VERLAGING_BASISHUUR = 252.49, 48.15
HT_VERLAGING_NORMHUUR = {False: 1.82, True: 3.63}          # eenpersoons / meerpersoons
HT_IJKPUNT = {False: 23425, True: 31500}
HT_AFBOUW = {False: 0.27, True: 0.22}
# Besluit kinderopvangtoeslag art. 4, 8, 8a en bijlage I (2026): maximum uurprijs BSO, 230 uur, 96% t/m € 56.412.
KOT_MAX_UURPRIJS_BSO, KOT_MAX_UREN, KOT_PCT_LAAG, KOT_PCT_LAAG_TOT = 9.98, 230, 0.96, 56412
# Participatiewet art. 21 onder a en b (netto normen 2026; 1 januari en 1 juli).
NORM_ALLEENSTAANDE = [1401.50] * 6 + [1419.46] * 6
NORM_GEHUWDEN = [2002.13] * 6 + [2027.79] * 6
# Wet IB 2001 art. 2.10 (eerste schijf 8,10% + premies AOW 17,9%, Anw 0,1%, Wlz 9,65%) en art. 8.10 (AHK).
IB_EERSTE_SCHIJF, IB_AHK = 0.081 + 0.179 + 0.001 + 0.0965, 3115
# URI art. 11 en 16: 80% van de betalingscapaciteit; kosten van bestaan 90% van de bijstandsnorm (standaard).
URI_DEEL, URI_KOSTEN_PCT = 0.80, 0.90
# Awir art. 17 lid 1-2 ("binnen 4 weken") en art. 26a lid 1 (geen terugvordering tot € 121).
AWIR_DOORGEVEN_DAGEN, AWIR_TERUGVORDERING_DREMPEL = 28, 121
# Wet WIA art. 61 lid 1 en 2, art. 62, art. 61 lid 6 (klasse 45-55: 35%), art. 12 lid 1 onder b (WML + 8%).
WML_JAN, WML_JUL = 2294.40, 2337.00


def afgerond(x: float) -> int:
    """Half up to whole euros (Awir art. 14 lid 4)."""
    return math.floor(x + 0.5)


def zorgtoeslag(ti: float, partner: bool) -> int:
    """Wzt art. 2 lid 1-3: standaardpremie (× 2 with a partner) minus the normpremie, rounded (Awir art. 14 lid 4)."""
    pct = ZT_PCT_PARTNERS if partner else ZT_PCT_ALLEENSTAANDE
    normpremie = pct * ZT_DREMPEL + ZT_PCT_BOVEN * max(0.0, ti - ZT_DREMPEL)
    return afgerond((2 if partner else 1) * ZT_STANDAARDPREMIE - normpremie)


def huurtoeslag_maand(huur: float, ti: float, meerpersoons: bool) -> int:
    """Wht art. 17-21 (2026): 100% of the rent above the basishuur up to the kwaliteitskortingsgrens, 65% up to the
    aftoppingsgrens (1-2 persons), 40% up to the maximale huurgrens; per month rounded down to whole euros."""
    basishuur = (HT_NORMHUUR_MINIMUM - HT_VERLAGING_NORMHUUR[meerpersoons] - HT_VERLAGING_BASISHUUR
                 + HT_AFBOUW[meerpersoons] * max(0.0, ti - HT_IJKPUNT[meerpersoons]) / 12)
    r = min(huur, HT_MAXIMALE_HUURGRENS)
    ht = (max(0.0, min(r, HT_KWALITEITSKORTINGSGRENS) - basishuur)
          + 0.65 * max(0.0, min(r, HT_AFTOPPINGSGRENS_1_2) - HT_KWALITEITSKORTINGSGRENS)
          + 0.40 * max(0.0, r - HT_AFTOPPINGSGRENS_1_2))
    return math.floor(ht)


def netto_bijstand_jaar(bruto: list[float]) -> float:
    """Net of a gross bijstand below the first bracket and the AHK afbouwpunt: income − (35,75% × income − AHK)."""
    jaar = sum(bruto)
    return jaar - (IB_EERSTE_SCHIJF * jaar - IB_AHK)


# --- helpers --------------------------------------------------------------------------------------------------
@cache
def _check(naam: str) -> dict:
    return check(naam)


def uit(naam: str) -> dict:
    return _check(naam)


def codes(u: dict) -> set[str]:
    return {s["code"] for s in u["signalen"]}


def signaal(u: dict, code: str, regeling: str | None = None) -> dict:
    gevonden = [s for s in u["signalen"] if s["code"] == code and (regeling is None or regeling in s["regelingen"])]
    assert gevonden, f"geen signaal {code} ({regeling}) in {sorted(codes(u))}"
    assert len(gevonden) == 1, f"{code} ({regeling}) {len(gevonden)} keer"
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


WGA_LOONAANVULLING = 0.70 * (3100 - 1550)                          # Wet WIA art. 61 lid 2: 1.085
WGA_VERVOLG_JAN = round(0.35 * WML_JAN * 1.08, 2)                  # Wet WIA art. 62, 61 lid 6: 867,28
RM_SCHULDEN = 2500 + 350 + 1200 + 1500                             # personas/ronald-marijke.yaml, L1292


# ==============================================================================================================
# Ronald en Marijke (casussen-2023 §3.1)
# ==============================================================================================================
@pytest.mark.parametrize("naam", ["ronald-marijke", "ronald-marijke-koop"])
def test_rm1_must_signals(naam):
    u = uit(naam)
    # RM-S05 (L1400): average winst 9.000/12 = 750 < 50% × RVC 1.550 = 775 → vervolguitkering; both sides of the cliff
    wga = signaal(u, "WGA_INKOMENSEIS")
    assert wga["regel"] == "wga_onder_inkomenseis"
    assert wga["bedrag"] == pytest.approx(WGA_LOONAANVULLING - WGA_VERVOLG_JAN, abs=0.01)   # 1.085 − 867,28
    # RM-S07 (L1481, L2046): winst varies per month while a KOT voorschot and the WGA are paid on an estimate
    assert "WISSELEND_INKOMEN" in codes(u)
    # RM-S09/S10 (L1292, L1340, L1372): Belastingdienst, CJIB, Toeslagen, private; with winst → ondernemers route
    schuld = signaal(u, "SCHULDEN_MEERDERE_SCHULDEISERS")
    assert schuld["regel"] == "schulden_meerdere_schuldeisers_ondernemer"
    assert schuld["bedrag"] == RM_SCHULDEN


@pytest.mark.parametrize("naam", ["ronald-marijke", "ronald-marijke-koop"])
def test_rm1_must_not_signals(naam):
    u = uit(naam)
    assert_geen(u, {
        "KOT_UITLOOP", "KOT_GEEN_RECHT",      # RM-N1: both parents work now (winst every month, L1238, L1232)
        "SMI_MOGELIJK",                       # RM-N2 / L1232: Ronald can care again ("Hoe heerlijk dat zijn rug ...")
        "WGA_EINDE_LOONGERELATEERD",          # RM-S17 only in the loongerelateerde variant RM-2
        "HUUR_WIJZIGING_DOORGEVEN",           # no huurwijziging in the casus
        "VERMOGENSGRENS",                     # € 4.000 is far from every limit
        # RM-S13 is CONDITIONAL on the local norm: in the standaard an ondernemer gets no kwijtschelding
        # (URI art. 28 lid 1; rules/gemeenten/standaard.yaml ondernemers: false), and RM-B adds the overwaarde
        "KWIJTSCHELDING_MOGELIJK", "KWIJTSCHELDING_GRENS",
    })


def test_rm_koop_has_no_huurtoeslag():
    # RM-B koop (casussen-2023 §3.1): an owner-occupier has no huurtoeslag (Wht art. 7), so no non-take-up signal for it
    u = uit("ronald-marijke-koop")
    assert u["regelingen"]["huurtoeslag"]["recht"] is False
    assert not [s for s in u["signalen"] if s["code"] == "NIET_GEBRUIK" and s["regelingen"] == ["huurtoeslag"]]


@pytest.mark.parametrize("naam", ["ronald-marijke", "ronald-marijke-loongerelateerd", "ronald-marijke-koop",
                                  "ronald-marijke-thuis"])
def test_rm_n3_the_gemeente_is_not_a_current_creditor(naam):
    # RM-N3 (L1340): "betalingsachterstanden ... maar (nog) niet bij de gemeente"
    for s in uit(naam)["signalen"]:
        if s["code"] == "SCHULDEN_MEERDERE_SCHULDEISERS":
            assert "gemeente" not in schuldeisers_in_tekst(s).lower()


def test_rm2_loongerelateerd_end_and_no_vervolguitkering_yet():
    u = uit("ronald-marijke-loongerelateerd")
    # RM-S17 (L1400; variant RM-2): the loongerelateerde uitkering ends on 30 September 2026, within 6 months of
    # the peildatum 15 June 2026
    s = signaal(u, "WGA_EINDE_LOONGERELATEERD")
    assert s["datum"] == "2026-09-30"
    assert date(2026, 9, 30) <= date(2026, 6, 15) + timedelta(days=183)
    # RM-N4: in the LGU months no vervolguitkering: 70% × (maandloon − inkomen), the year's winst averaged by UWV
    # (Wet WIA art. 61 lid 1 onder b; Inkomensbesluit Wet WIA art. 6 lid 3): 0,7 × (3.100 − 9.000/12) = 1.645
    assert u["regelingen"]["wga"]["maandbedragen"][:9] == [pytest.approx(0.70 * (3100 - 9000 / 12))] * 9
    assert "WISSELEND_INKOMEN" in codes(u)                       # RM-S07
    assert "SCHULDEN_MEERDERE_SCHULDEISERS" in codes(u)          # RM-S09/S10
    assert_geen(u, {"KOT_UITLOOP", "KOT_GEEN_RECHT", "SMI_MOGELIJK"})   # RM-N1, RM-N2: both parents work


# --- Ronald thuis: the KOT/SMI story in 2026 ------------------------------------------------------------------
# Persona: Ronald works until 31 January 2026; Lars 92 hours BSO a month at € 10,00; voorschot € 881 all 12 months.
THUIS_UREN, THUIS_VOORSCHOT = 92, 881


def thuis_maanden_met_recht() -> list[bool]:
    """Wko art. 1.6 lid 5: aanspraak in the months of work and the 3 months after (January + February-April).
    Besluit kinderopvangtoeslag art. 8a / Dienst Toeslagen "Ik heb geen werk meer": hours not used in those months
    (230 per month) may be used later in the year; the right ends when they are used up."""
    aanspraak = [m <= 3 for m in range(12)]                         # jan (werk) + feb, mrt, apr (uitloop)
    tegoed, recht = 0.0, []
    for m in range(12):
        if aanspraak[m]:
            tegoed += KOT_MAX_UREN - THUIS_UREN
            recht.append(True)
        else:
            gebruikt = min(THUIS_UREN, tegoed)
            tegoed -= gebruikt
            recht.append(gebruikt > 0)
    return recht


def test_thuis_kot_per_month_from_the_law():
    # 4 × (230 − 92) = 552 hours left = 6 months of 92 (May-October); November and December without a right.
    recht = thuis_maanden_met_recht()
    assert recht == [True] * 10 + [False] * 2
    # Besluit art. 4, 8, bijlage I: TI ≤ 400 + 12 × 1.085 + 16.000 = 29.420 ≤ 56.412 → 96%; 92 × 9,98 (price capped)
    # = 918,16 × 96% = 881,43, rounded down to 881 (Dienst Toeslagen, stap 7)
    maand = math.floor(KOT_PCT_LAAG * THUIS_UREN * KOT_MAX_UURPRIJS_BSO)
    assert maand == THUIS_VOORSCHOT
    kot = uit("ronald-marijke-thuis")["regelingen"]["kinderopvangtoeslag"]
    assert kot["maandbedragen"] == [maand if r else 0.0 for r in recht]


def test_thuis_must_signals():
    u = uit("ronald-marijke-thuis")
    recht = thuis_maanden_met_recht()
    zonder_recht = sum(1 for r in recht if not r)
    # RM-S01 (L1286, L1324, L2047): Ronald stopped working; the uitloop ends 30 April 2026 (3 months from the first
    # day without work, Wko art. 1.6 lid 5); unused opvanguren then last through October (Dienst Toeslagen,
    # "Ik heb geen werk meer"), so the toeslag must be stopped per 1 November
    s = signaal(u, "KOT_UITLOOP")
    assert s["datum"] == "2026-11-01" and "30 april 2026" in s["uitleg"]
    assert s["instantie"] == "Dienst Toeslagen"
    # RM-S01 terugvordering: the voorschot in the months without a right (L1324): 2 × 881 = 1.762
    s = signaal(u, "KOT_GEEN_RECHT")
    assert s["bedrag"] == zonder_recht * THUIS_VOORSCHOT == 1762
    t = signaal(u, "TOESLAG_TERUGVORDERING", "kinderopvangtoeslag")
    assert t["bedrag"] == 12 * THUIS_VOORSCHOT - sum(THUIS_VOORSCHOT for r in recht if r) == 1762   # Awir art. 26
    # RM-S02/S03 (L1286-L1288, L1402): no KOT, Lars in BSO, Ronald cannot care, Marijke works → SMI at the gemeente,
    # now; standaard policy: costs capped like KOT (92 h × € 9,98), no eigen bijdrage, at most 6 months
    s = signaal(u, "SMI_MOGELIJK")
    assert s["instantie"] == "gemeente"
    assert s["bedrag"] == pytest.approx(zonder_recht * THUIS_UREN * KOT_MAX_UURPRIJS_BSO)          # 1.836,32
    assert "1 november 2026" in s["uitleg"]
    # RM-S05 (L1400): Ronald's average inkomen 400/12 is far below 775 after he stopped
    assert "WGA_INKOMENSEIS" in codes(u)
    # RM-S09/S10 (L1292): still several creditors, one public; Marijke's winst → ondernemers route
    assert signaal(u, "SCHULDEN_MEERDERE_SCHULDEISERS")["regel"] == "schulden_meerdere_schuldeisers_ondernemer"
    assert_geen(u, {"WGA_EINDE_LOONGERELATEERD", "HUUR_WIJZIGING_DOORGEVEN"})


def test_thuis_kot_uitloop_amount_is_what_is_reclaimed():
    s = signaal(uit("ronald-marijke-thuis"), "KOT_UITLOOP")
    zonder_recht = sum(1 for r in thuis_maanden_met_recht() if not r)
    assert s["bedrag"] == zonder_recht * THUIS_VOORSCHOT


def test_thuis_smi_not_paid_before_the_aanvraag():
    h = persona("ronald-marijke-thuis")
    h["peildatum"] = "2026-12-15"
    s = signaal(check(h), "SMI_MOGELIJK")
    assert s["bedrag"] == pytest.approx(1 * THUIS_UREN * KOT_MAX_UURPRIJS_BSO)   # December only


def test_rm_n1_sick_but_still_in_dienst_keeps_kot():
    # RM-N1 (casussen-2023 §1.1, §6 punt 1; belastingdienst.nl "Werkt u een tijdje niet, maar bent u nog wel in
    # dienst? Dan kunt u gewoon kinderopvangtoeslag krijgen"): Ronald sick but employed all year (loondoorbetaling)
    h = persona("ronald-marijke-thuis")
    ronald = h["personen"][0]
    ronald["inkomen"] = {"loon": 1500}
    ronald.pop("wia")
    ronald["activiteiten"] = [{"soort": "werk", "van": "2020-01-01"}]
    h.pop("gebeurtenissen")
    u = check(h)
    assert_geen(u, {"KOT_UITLOOP", "KOT_GEEN_RECHT", "SMI_MOGELIJK"})
    assert u["regelingen"]["kinderopvangtoeslag"]["maandbedragen"] == [THUIS_VOORSCHOT] * 12


# ==============================================================================================================
# Gerrit (casussen-2023 §3.2)
# ==============================================================================================================
def test_gerrit():
    u = uit("gerrit")
    # G-C01 / G-S07 (L1549 "Aankloppen bij de overheid voor hulp zal Gerrit niet snel doen", L1561): with the
    # assumed winst of 30.000 the toetsingsinkomen is at most 30.000 × (1 − 12,7% mkb-winstvrijstelling, Wet IB
    # art. 3.79a) = 26.190 < drempel, so zorgtoeslag for partners = 2 × 2.119 − 4,289% × 29.736 → 2.963, not asked
    s = [x for x in u["signalen"] if x["code"] == "NIET_GEBRUIK" and x["regelingen"] == ["zorgtoeslag"]]
    assert s and s[0]["bedrag"] == zorgtoeslag(30000 * (1 - 0.127), partner=True) == 2963
    # negative tests of §3.2: owner-occupier → no huurtoeslag; no debts stated → no debt signals
    assert u["regelingen"]["huurtoeslag"]["recht"] is False
    assert_geen(u, {"SCHULDEN_MEERDERE_SCHULDEISERS", "HUUR_WIJZIGING_DOORGEVEN", "KOT_UITLOOP", "KOT_GEEN_RECHT",
                    "SMI_MOGELIJK", "WGA_INKOMENSEIS", "WGA_EINDE_LOONGERELATEERD", "VERMOGENSGRENS"})
    # the parents live in their own bungalow (L1495): not members, so nobody at AOW age in the household
    h = persona("gerrit")
    assert all(p.get("leeftijd", 0) < 67 for p in h["personen"])


# ==============================================================================================================
# Nathalie en Dunya (casussen-2023 §3.3, variants ND-P and ND-LOW)
# ==============================================================================================================
def test_nathalie_dunya():
    u = uit("nathalie-dunya")
    ti = 12 * (1250 + 1650)                                            # loon only: verzamelinkomen 34.800
    # ND-S04 (L1801, L1895): entitled but not applied for out of fear of repayment → NIET_GEBRUIK
    zt = signaal(u, "NIET_GEBRUIK", "zorgtoeslag")
    assert zt["bedrag"] == zorgtoeslag(ti, partner=True) == 2267
    ht = signaal(u, "NIET_GEBRUIK", "huurtoeslag")
    assert ht["bedrag"] == 12 * huurtoeslag_maand(640, ti, meerpersoons=True) == 3948
    # ND-N1 (L1703, L1707): Rachid only stays over — no child in the household, no child-linked regeling
    assert u["regelingen"]["kinderbijslag"]["recht"] is False
    assert u["regelingen"]["kindgebonden_budget"]["recht"] is False
    assert not [p for p in persona("nathalie-dunya")["personen"] if p["rol"] == "kind"]
    # ND-N2 (L1715: they only threaten to get into problems): no debt signal; ND-N3: no KOT; no SMI or WGA
    assert_geen(u, {"SCHULDEN_MEERDERE_SCHULDEISERS", "KOT_UITLOOP", "KOT_GEEN_RECHT", "SMI_MOGELIJK",
                    "WGA_INKOMENSEIS", "WGA_EINDE_LOONGERELATEERD", "HUUR_WIJZIGING_DOORGEVEN"})
    # ND-S11 is CONDITIONAL: net income is at least 34.800 − (35,75% × 15.000 − 3.115) − (35,75% × 19.800 − 3.115)
    # = 28.589 a year (2.382 a month), above the gehuwdennorm (≤ 2.027,79, Pw art. 21 onder b), and even after all
    # rent above the minimum-normhuur (≤ 640 − 252,49) it stays above 90% of that norm → no bijstand, no kwijtschelding
    netto = ti - (IB_EERSTE_SCHIJF * 15000 - IB_AHK) - (IB_EERSTE_SCHIJF * 19800 - IB_AHK)
    assert netto / 12 > max(NORM_GEHUWDEN)
    assert netto / 12 - (640 - HT_NORMHUUR_MINIMUM) > URI_KOSTEN_PCT * max(NORM_GEHUWDEN)
    assert_geen(u, {"BIJSTAND_MOGELIJK", "KWIJTSCHELDING_MOGELIJK"})


# ==============================================================================================================
# Wim en Angelique (casussen-2022 §2.4)
# ==============================================================================================================
def test_wim_angelique():
    u = uit("wim-angelique")
    # WA-1 / WA-2 (L1181-L1183, L1300): WW ends in July, no bijstand asked yet; gezinsbijstand with Angelique's wage
    # counted (Pw art. 19, 31-32): from August between norm − 900 (her gross wage bounds her net) and the norm
    assert "BIJSTAND_MOGELIJK" in codes(u)
    bij = u["regelingen"]["bijstand"]["maandbedragen"]
    for m in range(7, 12):
        assert NORM_GEHUWDEN[m] - 900 - 0.01 <= bij[m] <= NORM_GEHUWDEN[m] + 0.01
    # WA-14 (L1237-L1240): debts at several instanties, one of them public (waterschap) → schuldhulp (no winst)
    s = signaal(u, "SCHULDEN_MEERDERE_SCHULDEISERS")
    assert s["regel"] == "schulden_meerdere_schuldeisers" and s["bedrag"] == 3000 + 600 + 900 + 350
    # WA-7 (L1240-L1242): from koop to huur in September opens huurtoeslag, not applied for
    ht = u["regelingen"]["huurtoeslag"]["maandbedragen"]
    assert ht[:8] == [0.0] * 8 and all(x > 0 for x in ht[8:])
    assert signaal(u, "NIET_GEBRUIK", "huurtoeslag")["bedrag"] == sum(ht)
    # WA-10 (L1259): Nicky turns 18 on 10 September 2026: kindgebonden budget through September (Wkgb art. 2 lid 1),
    # kinderbijslag through the third quarter (AKW art. 7 lid 1: under 18 on the first day of the quarter)
    kgb = u["regelingen"]["kindgebonden_budget"]["maandbedragen"]
    kb = u["regelingen"]["kinderbijslag"]["maandbedragen"]
    assert kgb[9] < kgb[8] and kb[9] < kb[8]
    assert_geen(u, {"KOT_UITLOOP", "KOT_GEEN_RECHT", "SMI_MOGELIJK", "WGA_INKOMENSEIS", "WGA_EINDE_LOONGERELATEERD",
                    "HUUR_WIJZIGING_DOORGEVEN"})


# ==============================================================================================================
# Pim (casussen-2022 §6.4)
# ==============================================================================================================
PIM_BIJSTAND = [1777.31] * 6 + [1805.29] * 6          # personas/pim.yaml: gross so that net = the norm


def test_pim_bruto_bijstand_gives_the_norm():
    # the persona's gross-up, checked by the IB arithmetic: net over the year = the alleenstaandennorm (± cents)
    assert netto_bijstand_jaar(PIM_BIJSTAND) == pytest.approx(sum(NORM_ALLEENSTAANDE), abs=0.5)


def test_pim():
    u = uit("pim")
    # PI-1, PI-3, PI-4 (L2710-L2716, L2791-L2792): several creditors, among them the gemeente itself (verrekening);
    # no winst any more → the ordinary schuldhulp route
    s = signaal(u, "SCHULDEN_MEERDERE_SCHULDEISERS")
    assert s["regel"] == "schulden_meerdere_schuldeisers" and s["bedrag"] == 25000 + 3000 + 800 + 4000
    assert "gemeente" in schuldeisers_in_tekst(s).lower()
    # PI-6: single on bijstand in a rental, toeslagen not applied for; TI = gross bijstand 21.495,60
    ti = sum(PIM_BIJSTAND)
    assert signaal(u, "NIET_GEBRUIK", "zorgtoeslag")["bedrag"] == zorgtoeslag(ti, partner=False) == 1550
    assert signaal(u, "NIET_GEBRUIK", "huurtoeslag")["bedrag"] == 12 * huurtoeslag_maand(650, ti, False) == 4728
    # he already receives bijstand (L2709): no BIJSTAND_MOGELIJK; no winst, no children, no WIA
    assert_geen(u, {"BIJSTAND_MOGELIJK", "WISSELEND_INKOMEN", "KOT_UITLOOP", "KOT_GEEN_RECHT", "SMI_MOGELIJK",
                    "WGA_INKOMENSEIS", "WGA_EINDE_LOONGERELATEERD"})


def pim_kwijtschelding(kosten_pct: float) -> float:
    """PI-2 (L2712-L2716): URI art. 11, 13-16 for Pim: net = norm (gross-up), woonlasten after huurtoeslag above the
    minimum-normhuur, zorgpremie above normpremie and zorgtoeslag (premium = standaardpremie), vermogen 0."""
    ti = sum(PIM_BIJSTAND)
    netto = netto_bijstand_jaar(PIM_BIJSTAND)
    woon = 12 * max(0.0, 650 - huurtoeslag_maand(650, ti, False) - HT_NORMHUUR_MINIMUM)          # 12 × 3,51
    zorg = max(0.0, ZT_STANDAARDPREMIE - ZT_PCT_ALLEENSTAANDE * ZT_DREMPEL - zorgtoeslag(ti, False))
    capaciteit = max(0.0, netto - woon - zorg - kosten_pct * sum(NORM_ALLEENSTAANDE))
    return max(0.0, 800 - URI_DEEL * capaciteit)


def test_pim_kwijtschelding_depends_on_the_local_norm():
    # PI-2 and casussen-2022 R5: check kwijtschelding before verrekening; the outcome is a municipal parameter.
    # Standaard (90%): betalingscapaciteit ≈ 1.650, 80% ≈ 1.320 > aanslag 800 → nothing;
    assert pim_kwijtschelding(URI_KOSTEN_PCT) == 0.0
    u = uit("pim")
    assert u["regelingen"]["kwijtschelding"]["jaarbedrag"] == 0.0
    assert_geen(u, {"KWIJTSCHELDING_MOGELIJK"})
    # a gemeente with 100% of the norm (Zuidplas 2026 art. 2 lid 1, Gemeenteblad 2025, 562613) → all 800
    h = persona("pim")
    h["gemeente"] = "zuidplas"
    z = check(h)
    assert pim_kwijtschelding(1.0) == 800.0
    assert signaal(z, "KWIJTSCHELDING_MOGELIJK")["bedrag"] == 800.0


# ==============================================================================================================
# Samir (casussen-2022 §5.4)
# ==============================================================================================================
def test_samir():
    u = uit("samir")
    ti = sum(PIM_BIJSTAND)                                   # same gross bijstand as Pim (personas/samir.yaml)
    # SA-5 (L2372-L2373): newly housed statushouder on bijstand; huurtoeslag and zorgtoeslag not yet paid
    assert signaal(u, "NIET_GEBRUIK", "zorgtoeslag")["bedrag"] == zorgtoeslag(ti, partner=False) == 1550
    assert signaal(u, "NIET_GEBRUIK", "huurtoeslag")["bedrag"] == 12 * huurtoeslag_maand(700, ti, False) == 5112
    # already on bijstand; no debts stated; a verhuizing is not a huurwijziging; no children, no WIA
    assert_geen(u, {"BIJSTAND_MOGELIJK", "SCHULDEN_MEERDERE_SCHULDEISERS", "HUUR_WIJZIGING_DOORGEVEN",
                    "KOT_UITLOOP", "KOT_GEEN_RECHT", "SMI_MOGELIJK", "WGA_INKOMENSEIS", "WISSELEND_INKOMEN"})


# ==============================================================================================================
# Huurverlaging naar € 575,03 (casussen-2023 §1.4, I-GEN-01, GEN-T01; L838-L840, L2048)
# ==============================================================================================================
def test_huurverlaging_event_and_rent_list_agree():
    # contract §1: an event and the monthly amounts must agree — the persona's list shows 575,03 from July on
    h = persona("huurverlaging-corporatie")
    (g,) = [g for g in h["gebeurtenissen"] if g["soort"] == "huurwijziging"]
    maand = g["datum"].month - 1
    assert h["wonen"]["kale_huur"][maand:] == [g["bedrag"]] * (12 - maand) == [575.03] * 6
    assert all(x != g["bedrag"] for x in h["wonen"]["kale_huur"][:maand])


def test_huurverlaging_must_be_reported():
    u = uit("huurverlaging-corporatie")
    # L840, L2048: the tenant must report the new rent to Dienst Toeslagen, within 4 weeks (Awir art. 17)
    s = signaal(u, "HUUR_WIJZIGING_DOORGEVEN")
    assert s["instantie"] == "Dienst Toeslagen" and s["regelingen"] == ["huurtoeslag"]
    assert s["datum"] == str(date(2026, 7, 1) + timedelta(days=AWIR_DOORGEVEN_DAGEN)) == "2026-07-29"
    assert "575,03" in s["titel"]
    # GEN-T01: not reported → the voorschot on the old rent is reclaimed: 6 × (huurtoeslag(650) − huurtoeslag(575,03))
    ti = 12 * 1800
    oud, nieuw = huurtoeslag_maand(650, ti, False), huurtoeslag_maand(575.03, ti, False)    # 394 and 345
    assert u["regelingen"]["huurtoeslag"]["maandbedragen"] == [oud] * 6 + [nieuw] * 6
    t = signaal(u, "TOESLAG_TERUGVORDERING", "huurtoeslag")
    assert t["bedrag"] == 6 * (oud - nieuw) == 294 > AWIR_TERUGVORDERING_DREMPEL
    assert_geen(u, {"NIET_GEBRUIK", "KWIJTSCHELDING_MOGELIJK", "SCHULDEN_MEERDERE_SCHULDEISERS", "BIJSTAND_MOGELIJK"})


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


# ==============================================================================================================
# A toeslag rise that ends kwijtschelding (casussen-2023 §1.4, I-GEN-02, GEN-T02; L846, L2043)
# ==============================================================================================================
KG_BIJSTAND = [1777.31] * 6 + [1805.29] * 6             # personas/kwijtschelding-grens.yaml
KG_HUUR, KG_AANSLAG = 925, 450


def kg_marge() -> float:
    """URI art. 13-16: kosten van bestaan − netto besteedbaar inkomen over the year (the room before bc > 0)."""
    ti = sum(KG_BIJSTAND)
    netto = netto_bijstand_jaar(KG_BIJSTAND)
    ht = huurtoeslag_maand(KG_HUUR, ti, False)                                          # 520
    woon = 12 * (min(KG_HUUR - ht, HT_MAXIMALE_HUURGRENS) - HT_NORMHUUR_MINIMUM)         # 12 × 152,51
    zorg = max(0.0, ZT_STANDAARDPREMIE - ZT_PCT_ALLEENSTAANDE * ZT_DREMPEL - zorgtoeslag(ti, False))
    return URI_KOSTEN_PCT * sum(NORM_ALLEENSTAANDE) - (netto - woon - zorg)


def test_kwijtschelding_grens_signals():
    marge = kg_marge()
    assert 0 < marge < 600 and marge == pytest.approx(137.83, abs=0.01)
    u = uit("kwijtschelding-grens")
    # betalingscapaciteit 0 → the whole aanslag (URI art. 11; vermogen 500 below the vrijlating of art. 12)
    assert signaal(u, "KWIJTSCHELDING_MOGELIJK")["bedrag"] == KG_AANSLAG
    # L846, L2043: a rise of more than the marge cuts the kwijtschelding
    assert signaal(u, "KWIJTSCHELDING_GRENS")["bedrag"] == KG_AANSLAG
    h, res = api.bereken_huishouden("kwijtschelding-grens")
    (feit,) = [f for f in signalen.feiten(h, res) if f.get("regeling") == "kwijtschelding"]
    assert feit["marge_tot_grens"] == pytest.approx(marge, abs=0.05)
    # voorschotten equal the entitlement, on bijstand already: nothing else to signal
    assert codes(u) == {"KWIJTSCHELDING_MOGELIJK", "KWIJTSCHELDING_GRENS"}


def test_toeslag_rise_costs_kwijtschelding():
    # GEN-T02: a reform that lowers the normhuur by € 20 raises the huurtoeslag by € 20 a month (Wht art. 17, 19:
    # the first band pays 100%); the woonlasten fall by 240 a year, 240 − marge becomes betalingscapaciteit and
    # 80% of it is lost in kwijtschelding (URI art. 11): the household keeps less than the rise (L846).
    r = hervorming({"schema": 1, "naam": "huurtoeslag +20", "jaar": 2026,
                    "wijzigingen": {"huurtoeslag.normhuur_minimum_inkomensijkpunt": HT_NORMHUUR_MINIMUM - 20}},
                   ["kwijtschelding-grens"])
    v = r["huishoudens"][0]["verschil"]
    verlies = URI_DEEL * (240 - kg_marge())                                                # ≈ 81,74
    assert v["regelingen"]["huurtoeslag"] == 240
    assert v["regelingen"]["kwijtschelding"] == pytest.approx(-verlies, abs=0.05)
    assert v["netto_besteedbaar_inkomen"] == pytest.approx(240 - verlies, abs=0.05)
    assert v["netto_besteedbaar_inkomen"] < v["regelingen"]["huurtoeslag"]


def test_kwijtschelding_uitleg_shows_the_rent_after_huurtoeslag():
    regels = uit("kwijtschelding-grens")["regelingen"]["kwijtschelding"]["uitleg"]
    (regel,) = [r for r in regels if "woonlasten boven de minimum-normhuur" in r]
    assert "405,00" in regel


# ==============================================================================================================
# Control households: silent on every signal (casussen-2022 §8 punt 8)
# ==============================================================================================================
@pytest.mark.parametrize("naam", ["controle-stel-koopwoning", "controle-gepensioneerde"])
def test_control_households_are_silent(naam):
    assert uit(naam)["signalen"] == []


def test_control_pensioner_zorgtoeslag_matches_its_voorschot():
    # the reason it is silent: zorgtoeslag at TI 12 × 2.600 = 31.200 is 1.349 (Wzt art. 2), voorschot 12 × 112
    assert uit("controle-gepensioneerde")["regelingen"]["zorgtoeslag"]["jaarbedrag"] == zorgtoeslag(31200, False) == 1349
    assert abs(1349 - 12 * 112) < 50


# ==============================================================================================================
# The personas themselves: every value carries its source (design.md; brief)
# ==============================================================================================================
NIEUW = ["ronald-marijke-thuis", "ronald-marijke-koop", "huurverlaging-corporatie", "kwijtschelding-grens", "pim",
         "samir", "wim-angelique", "gerrit", "nathalie-dunya", "controle-stel-koopwoning", "controle-gepensioneerde"]
BRON = re.compile(r"L\d{3,4}|AANNAME|design\.md|contract|casussen-20\d\d")


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

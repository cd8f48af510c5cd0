"""Inkomstenbelasting box 1 + premies volksverzekeringen + eigen Zvw-bijdrage, 2025 and 2026.

Expected values are the law's arithmetic written out, with the amounts of the Wet IB 2001 as it reads on
1 January of the year (MinBZK/regelrecht-corpus, wet_inkomstenbelasting_2001/<jaar>-01-01.yaml), and sanity vectors
at € 30.000 computed from art. 8.10 and 8.11 of those texts. No official Belastingdienst worked example was found in the
sources at hand (searched: "tarieven en heffingskortingen 2026 belastingdienst", "arbeidskorting 2026 tabel").
"""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import huishouden, invoer, parameters
from checker.fouten import RegisterFout
from checker.regelingen import inkomstenbelasting as ib
from checker.regelingen import wga as wga_regeling
from checker.regelingen._uitkomst import Uitkomst
from . import helpers
from .helpers import assert_samen_gelijk_aan_los

CENT = 0.005 + 1e-9

# Premiums (Wfsv art. 11, B): AOW 17,90 + Anw 0,10 + Wlz 9,65 = 27,65%.
PREMIE = 0.179 + 0.001 + 0.0965
PREMIE_AOW_GERECHTIGDE = 0.001 + 0.0965


def persoon(rol="aanvrager", pid=None, leeftijd=40, geboortedatum=None, urencriterium=None, **inkomen):
    """A person with income per year (a number, spread evenly over the months) or per month (a 12-list)."""
    return helpers.persoon(pid or rol[0], rol, leeftijd=leeftijd, geboortedatum=geboortedatum,
                           inkomen={k: (v / 12 if not isinstance(v, list) else v) for k, v in inkomen.items()},
                           **({} if urencriterium is None else {"urencriterium": urencriterium}))


def kind(leeftijd, pid="k"):
    return helpers.kind(pid, leeftijd=leeftijd)


def huis(*personen, jaar=2026, **extra):
    return helpers.huis(*personen, jaar=jaar, peildatum=f"{jaar}-06-15", **extra)


def bereken(*huizen, jaar=None, eerder=None):
    """The income tax of the households, with the WGA it needs computed by the wga regeling (unless ``eerder`` gives
    the WGA to use)."""
    hs = [huishouden.valideer(h) for h in huizen]
    jaar = jaar or hs[0].jaar
    inv, params = invoer.uit_huishoudens(hs), parameters.laad(jaar)
    return ib.bereken(inv, params, eerder or {"wga": wga_regeling.bereken(inv, params)})


def lezer(jaar):
    return parameters.laad(jaar).lezer()


# --- sanity vectors at € 30.000 (Wet IB 2001 art. 8.10 and 8.11) ------------------------------------------
def test_sanity_vectors_2026_at_30000():
    p = lezer(2026)
    # art. 8.11: AK = 5.300 + 1,950% × (30.000 − 25.845) = 5.381,02; art. 8.10: AHK = 3.115 − 6,398% × (30.000 − 29.736)
    assert ib.arbeidskorting(np.array([30000.0]), p)[0] == pytest.approx(5300 + 0.0195 * (30000 - 25845), abs=1e-9)
    assert round(ib.arbeidskorting(np.array([30000.0]), p)[0], 2) == 5381.02
    assert round(ib.algemene_heffingskorting(np.array([30000.0]), p)[0], 2) == 3098.11


def test_sanity_vectors_2025_at_30000():
    p = lezer(2025)
    # AK = 5.220 + 2,258% × (30.000 − 26.288) = 5.303,82; AHK = 3.068 − 6,337% × (30.000 − 28.406) = 2.966,99
    assert round(ib.arbeidskorting(np.array([30000.0]), p)[0], 2) == 5303.82
    assert round(ib.algemene_heffingskorting(np.array([30000.0]), p)[0], 2) == 2966.99


@pytest.mark.parametrize("jaar, tarief1, ahk, ak", [(2026, 0.081, 3098.11, 5381.02), (2025, 0.0817, 2966.99, 5303.82)])
def test_employee_at_30000_pays_combined_rate_minus_the_two_kortingen(jaar, tarief1, ahk, ak):
    # art. 2.10 (first bracket 8,10% / 8,17%) + Wfsv 27,65%, minus AHK and AK (art. 8.8: not below nil)
    u = bereken(huis(persoon(loon=30000), jaar=jaar))
    verwacht = (tarief1 + PREMIE) * 30000 - ahk - ak
    assert abs(u.jaarbedrag[0] - verwacht) < 0.01
    assert u.details["verzamelinkomen_aanvrager"][0] == 30000
    assert u.details["belasting_aanvrager"][0] == pytest.approx(u.jaarbedrag[0], abs=0.01)
    assert u.recht[0]


# --- brackets -----------------------------------------------------------------------------------------
def test_table_row_choice_follows_meer_dan_niet_meer_dan():
    tabel = lezer(2026)("inkomstenbelasting.tarieftabel_box1")
    # art. 2.10 lid 1: up to and including 38.883 the first row (8,10%), above it column III 3.149 + 37,56%
    assert ib.belasting_volgens_tabel(np.array([38883.0]), tabel)[0] == pytest.approx(0.081 * 38883)
    assert ib.belasting_volgens_tabel(np.array([38884.0]), tabel)[0] == pytest.approx(3149 + 0.3756 * 1)
    assert ib.belasting_volgens_tabel(np.array([100000.0]), tabel)[0] == pytest.approx(18001 + 0.495 * (100000 - 78426))
    assert ib.belasting_volgens_tabel(np.array([-500.0, 0.0]), tabel).tolist() == [0.0, 0.0]


def test_tax_at_the_schijf_2_limit_2026():
    # Loon 78.426 = upper limit of schijf 2 (art. 2.10 lid 1):
    #   belasting 3.149 + 37,56% × (78.426 − 38.883) = 18.001,35; premies 27,65% × 38.883 (Wfsv art. 8 lid 3)
    #   AHK 3.115 − 6,398% × (78.426 − 29.736) < 0 → nihil; AK 5.685 − 6,51% × (78.426 − 45.592)
    belasting = 3149 + 0.3756 * (78426 - 38883)
    premie = PREMIE * 38883
    ak = 5685 - 0.0651 * (78426 - 45592)
    u = bereken(huis(persoon(loon=78426)))
    assert abs(u.jaarbedrag[0] - (belasting + premie - ak)) < 0.01
    assert "18.001,35" in " ".join(u.uitleg(0))


def test_tax_at_the_schijf_2_limit_2025():
    # 3.140 + 37,48% × (76.817 − 38.441) + 27,65% × 38.441; AHK 3.068 − 6,337% × 48.411 = 0,20 (just above nil);
    # AK 5.599 − 6,51% × (76.817 − 43.071)
    ahk = 3068 - 0.06337 * (76817 - 28406)
    assert 0 < ahk < 1
    verwacht = 3140 + 0.3748 * (76817 - 38441) + PREMIE * 38441 - ahk - (5599 - 0.0651 * (76817 - 43071))
    assert abs(bereken(huis(persoon(loon=76817), jaar=2025)).jaarbedrag[0] - verwacht) < 0.01


# --- ondernemers --------------------------------------------------------------------------------------
@pytest.mark.parametrize("jaar, za, tarief1, ahk, ak, zvw", [
    # 2026: zelfstandigenaftrek 1.200; AHK 3.115 / 29.736 / 6,398%; AK c: 5.300 + 1,95% × (AI − 25.845); Zvw 4,85% (C)
    (2026, 1200, 0.081, (3115, 29736, 0.06398), lambda ai: 5300 + 0.0195 * (ai - 25845), 0.0485),
    # 2025: zelfstandigenaftrek 2.470; AHK 3.068 / 28.406 / 6,337%; AK c: 5.220 + 2,258% × (AI − 26.288); Zvw 5,26% (C)
    (2025, 2470, 0.0817, (3068, 28406, 0.06337), lambda ai: 5220 + 0.02258 * (ai - 26288), 0.0526),
])
@pytest.mark.parametrize("uren", [True, False])
def test_zzp_with_and_without_urencriterium(jaar, za, tarief1, ahk, ak, zvw, uren):
    winst = 40000
    aftrek = za if uren else 0                               # art. 3.76 lid 1: only with the urencriterium
    mkb = 0.127 * (winst - aftrek)                           # art. 3.79a
    box1 = winst - aftrek - mkb                              # art. 3.2
    verwacht_ahk = ahk[0] - ahk[2] * (box1 - ahk[1])         # art. 8.10 over the verzamelinkomen
    verwacht_ak = ak(winst)                                  # art. 8.11 over arbeidsinkomen = winst (art. 8.1)
    verwacht = (tarief1 + PREMIE) * box1 - verwacht_ahk - verwacht_ak + zvw * box1
    u = bereken(huis(persoon(winst=winst, urencriterium=uren), jaar=jaar))
    assert abs(u.details["verzamelinkomen_aanvrager"][0] - box1) < 1e-6
    assert abs(u.details["zvw_aanvrager"][0] - zvw * box1) < 0.01
    assert abs(u.jaarbedrag[0] - verwacht) < 0.01


def test_urencriterium_not_given_is_assumed_not_met_and_said():
    gegeven = bereken(huis(persoon(winst=40000, urencriterium=False)))
    onbekend = bereken(huis(persoon(winst=40000)))
    assert onbekend.jaarbedrag[0] == gegeven.jaarbedrag[0]
    assert any("urencriterium" in w and "niet opgegeven" in w for w in onbekend.waarschuwingen(0))
    assert not any("niet opgegeven" in w for w in gegeven.waarschuwingen(0))


def test_zelfstandigenaftrek_capped_at_the_winst():
    # art. 3.76 lid 5: at most the winst. Winst 800 < 1.200: aftrek 800, MKB 0, box 1 nil, nothing due.
    u = bereken(huis(persoon(winst=800, urencriterium=True)))
    assert u.details["verzamelinkomen_aanvrager"][0] == 0
    assert u.jaarbedrag[0] == 0 and not u.recht[0]


def test_zelfstandigenaftrek_halved_from_aow_age_at_start_of_year():
    # art. 3.76 lid 4: 50% of 1.200 = 600 for who had reached AOW age on 1 January (born 1950).
    u = bereken(huis(persoon(geboortedatum="1950-03-10", winst=20000, urencriterium=True)))
    assert abs(u.details["verzamelinkomen_aanvrager"][0] - (20000 - 600) * (1 - 0.127)) < 1e-6


def test_negative_winst_lowers_box_1_and_arbeidsinkomen():
    # Loss 5.000 (no urencriterium): MKB 12,7% of −5.000 = −635, so box 1 = 30.000 − 4.365 (art. 3.79a, 3.1).
    # Arbeidsinkomen 25.000: AK b = 996 + 31,009% × (25.000 − 11.965) (art. 8.11).
    u = bereken(huis(persoon(loon=30000, winst=-5000, urencriterium=False)))
    box1 = 30000 - 5000 * (1 - 0.127)
    assert abs(u.details["verzamelinkomen_aanvrager"][0] - box1) < 1e-6
    ahk = 3115  # box 1 25.635 below the afbouwpunt
    ak = 996 + 0.31009 * (25000 - 11965)
    assert abs(u.jaarbedrag[0] - ((0.081 + PREMIE) * box1 - ahk - ak)) < 0.01


def test_aftrekbeperking_in_the_top_bracket_2026():
    # winst 150.000, urencriterium: aftrek 1.200, MKB 12,7% × 148.800 = 18.897,60, box 1 129.902,40.
    # art. 2.10 lid 2: + 11,94% × min(posten 20.097,60, box 1 + posten − 78.426) = 11,94% × 20.097,60
    u = bereken(huis(persoon(winst=150000, urencriterium=True)))
    posten = 1200 + 0.127 * 148800
    box1 = 150000 - posten
    belasting = 18001 + 0.495 * (box1 - 78426) + 0.1194 * posten
    premie = PREMIE * 38883
    ak = max(0.0, 5685 - 0.0651 * (150000 - 45592))           # arbeidsinkomen = winst 150.000
    zvw = 0.0485 * 79409                                       # capped at the maximum bijdrage-inkomen
    assert abs(u.jaarbedrag[0] - (belasting + premie - ak + zvw)) < 0.01
    assert any("aftrekbeperking" in r for r in u.uitleg(0))


def test_zvw_maximum_minus_loon_with_werkgeversheffing():
    # Zvw art. 43 lid 5: at most 79.409 minus the loon with werkgeversheffing (60.000) over the belastbare winst.
    u = bereken(huis(persoon(loon=60000, winst=100000, urencriterium=True)))
    assert abs(u.details["zvw_aanvrager"][0] - 0.0485 * (79409 - 60000)) < 0.01


def test_employee_pays_no_own_zvw_bijdrage():
    assert bereken(huis(persoon(loon=50000))).details["zvw_aanvrager"][0] == 0


# --- AOW age --------------------------------------------------------------------------------------------
def test_aow_age_whole_year_single_pensioner_2026():
    # Born 1950: AOW age all year. No AOW premium (Wfsv art. 10 lid 2): 8,10% + 0,10% + 9,65% = 17,85%.
    # AHK at 30.000 is 3.098,11 × (8,10 + 0,10 + 9,65) / 35,75 (art. 8.3-8.6; Wfsv art. 12 lid 1),
    # ouderenkorting 2.067 (art. 8.17, below 46.002), alleenstaande ouderenkorting 540 (art. 8.18).
    # Zvw 4,85% withheld on AOW and pensioen (Zvw art. 43 lid 2 onder a).
    u = bereken(huis(persoon(geboortedatum="1950-05-20", aow=18000, pensioen=12000)))
    heffing = (0.081 + PREMIE_AOW_GERECHTIGDE) * 30000
    kortingen = 3098.11 * 17.85 / 35.75 + 2067 + 540
    verwacht = heffing - kortingen + 0.0485 * 30000
    assert abs(u.jaarbedrag[0] - verwacht) < 0.01
    tekst = " ".join(u.uitleg(0))
    assert "ouderenkorting" in tekst and "geen AOW-premie" in tekst


def test_aow_age_ahk_close_to_the_published_rounded_amount():
    # Third-party transcription of the 2026 figures (accountserviceholland.nl, B): AHK at AOW age "maximaal € 1.556",
    # AK "maximaal € 2.840". The law's ratio gives 3.115 × 17,85/35,75 = 1.555,33 and 5.685 × 17,85/35,75 = 2.838,52;
    # the published amounts round each part up. Within € 2.
    p = lezer(2026)
    aandeel = ib.aandeel_kortingen(np.array([0]), 0.081, p)[0]
    assert abs(3115 * aandeel - 1556) < 2 and abs(5685 * aandeel - 2840) < 2
    assert aandeel == pytest.approx(17.85 / 35.75)


def test_reaching_aow_age_in_the_year_pays_aow_premium_for_the_months_before():
    # Born May 1959: 67 in May 2026. AOW premium stops from 1 May (Wfsv art. 10 lid 2): 4 of 12 months.
    u = bereken(huis(persoon(geboortedatum="1959-05-10", loon=24000)))
    premie = (0.179 * 4 / 12 + 0.001 + 0.0965) * 24000
    aandeel = 1 - 0.179 / 0.3575 * (8 / 12)
    ahk = 3115                                                  # below the afbouwpunt 29.736
    ak = 996 + 0.31009 * (24000 - 11965)                         # art. 8.11 onder b (24.000 < 25.845)
    ok = 2067                                                    # AOW age reached at the end of the year
    verwacht = max(0.0, 0.081 * 24000 + premie - (ahk + ak) * aandeel - ok - 540)
    assert abs(u.jaarbedrag[0] - verwacht) < 0.01
    assert any("bereikt dit jaar de AOW-leeftijd" in w for w in u.waarschuwingen(0))


def test_born_before_1946_uses_the_longer_first_bracket():
    # art. 2.10a: 8,10% up to 41.123; premie-inkomen also up to 41.123 (Wfsv art. 8 lid 3, second sentence).
    u = bereken(huis(persoon(geboortedatum="1944-08-01", aow=20000, pensioen=20000)))
    heffing = (0.081 + PREMIE_AOW_GERECHTIGDE) * 40000
    kortingen = (3115 - 0.06398 * (40000 - 29736)) * 17.85 / 35.75 + 2067 + 540
    assert abs(u.jaarbedrag[0] - (heffing - kortingen + 0.0485 * 40000)) < 0.01


# --- IACK -----------------------------------------------------------------------------------------------
def test_iack_single_parent_child_of_8_but_not_13():
    # Loon 45.000 (2026): belasting 3.149 + 37,56% × 6.117, premies 27,65% × 38.883,
    # AHK 3.115 − 6,398% × 15.264, AK 5.300 + 1,95% × 19.155; IACK 11,45% × (45.000 − 6.239) capped at 3.032.
    heffing = 3149 + 0.3756 * (45000 - 38883) + PREMIE * 38883
    zonder = heffing - (3115 - 0.06398 * (45000 - 29736)) - (5300 + 0.0195 * (45000 - 25845))
    acht = bereken(huis(persoon(loon=45000), kind(8)))
    dertien = bereken(huis(persoon(loon=45000), kind(13)))
    assert abs(dertien.jaarbedrag[0] - zonder) < 0.01
    assert abs(acht.jaarbedrag[0] - (zonder - 3032)) < 0.01
    assert any("combinatiekorting" in r and "3.032" in r for r in acht.uitleg(0))


def test_iack_child_that_turns_12_during_the_year_still_counts():
    # art. 8.14a lid 1 onder b: not yet 12 "bij de aanvang van het kalenderjaar"; leeftijd 11 on 1 January.
    elf = bereken(huis(persoon(loon=45000), kind(11)))
    twaalf = bereken(huis(persoon(loon=45000), kind(12)))
    assert twaalf.jaarbedrag[0] - elf.jaarbedrag[0] == pytest.approx(3032, abs=0.01)


def test_iack_goes_to_the_partner_with_the_lower_arbeidsinkomen():
    # art. 8.14a lid 1 onder c: the partner (loon 40.000 < 45.000) gets min(11,45% × (40.000 − 6.239), 3.032) = 3.032;
    # the aanvrager nothing. Partner's tax without it: 3.149 + 37,56% × 1.117 + 27,65% × 38.883
    # − (3.115 − 6,398% × 10.264) − (5.300 + 1,95% × 14.155) = 6.285,37, so the full 3.032 is used (art. 8.8).
    u = bereken(huis(persoon(loon=45000), persoon("partner", loon=40000), kind(5)))
    zonder_kind = bereken(huis(persoon(loon=45000), persoon("partner", loon=40000)))
    assert u.details["belasting_aanvrager"][0] == pytest.approx(zonder_kind.details["belasting_aanvrager"][0])
    zonder = (3149 + 0.3756 * 1117 + PREMIE * 38883 - (3115 - 0.06398 * 10264) - (5300 + 0.0195 * 14155))
    assert zonder_kind.details["belasting_partner"][0] == pytest.approx(zonder, abs=0.01)
    verschil = zonder_kind.details["belasting_partner"][0] - u.details["belasting_partner"][0]
    assert verschil == pytest.approx(min(0.1145 * (40000 - 6239), 3032), abs=0.01)
    # With a partner earning 20.000 the IACK (1.575,63) exceeds his tax (547,43): only that is used (art. 8.8).
    laag = bereken(huis(persoon(loon=45000), persoon("partner", loon=20000), kind(5)))
    assert laag.details["belasting_partner"][0] == 0


def test_iack_equal_arbeidsinkomen_only_the_oldest():
    # art. 8.14a lid 3.
    u = bereken(huis(persoon(leeftijd=35, loon=45000), persoon("partner", leeftijd=38, loon=45000), kind(3)))
    assert u.details["belasting_partner"][0] < u.details["belasting_aanvrager"][0]
    assert u.details["belasting_aanvrager"][0] - u.details["belasting_partner"][0] == pytest.approx(3032, abs=0.01)


# --- kortingen never above the heffing ------------------------------------------------------------------
def test_kortingen_never_above_the_heffing_and_not_paid_out():
    # Loon 10.000: heffing 35,75% × 10.000 = 3.575; AHK 3.115 + AK 8,324% × 10.000 = 3.947,40 > 3.575 → nil (art. 8.8)
    u = bereken(huis(persoon(loon=10000), kind(4)))
    assert u.jaarbedrag[0] == 0 and not u.recht[0]
    assert u.details["heffingskortingen_aanvrager"][0] == pytest.approx(0.3575 * 10000)
    assert any("ten hoogste de heffing" in r for r in u.uitleg(0))
    assert u.maandbedragen[0].tolist() == [0.0] * 12


def test_partner_rule_for_born_before_1963_is_reported_not_computed():
    u = bereken(huis(persoon(loon=60000), persoon("partner", geboortedatum="1961-02-01", loon=3000)))
    assert any("art. 8.9" in w for w in u.waarschuwingen(0))
    jong = bereken(huis(persoon(loon=60000), persoon("partner", geboortedatum="1970-02-01", loon=3000)))
    assert not any("art. 8.9" in w for w in jong.waarschuwingen(0))


# --- months, netto, WGA, explanation --------------------------------------------------------------------
def test_months_in_proportion_to_each_months_income_and_negative_months_get_nothing():
    winst = [3000, -1000, 2000, 3000, 3000, 3000, 3000, 3000, 3000, 3000, 3000, 3000]
    u = bereken(huis(persoon(winst=winst, urencriterium=True)))
    positief = np.maximum(np.array(winst, dtype=float), 0)
    verwacht = u.details["belasting_aanvrager"][0] * positief / positief.sum()
    assert np.allclose(u.details["belasting_per_maand"][0], verwacht)
    assert u.maandbedragen[0, 1] == 0
    assert abs(u.maandbedragen[0].sum() - u.jaarbedrag[0]) <= 0.06
    netto = np.array(winst, dtype=float) - u.details["belasting_per_maand"][0]
    assert np.allclose(u.details["netto_per_maand"][0], netto)


def nep_wga(aanvrager_per_maand: float) -> Uitkomst:
    """A WGA result that hands on ``aanvrager_per_maand`` gross for the aanvrager (and nothing for a partner)."""
    return Uitkomst(regeling="wga", instantie="UWV", maandbedragen=np.zeros((1, 12)), jaarbedrag=np.zeros(1),
                    recht=np.ones(1, dtype=bool), uitleg=lambda i: [], bronnen=lambda i: [],
                    doorgifte=wga_regeling.WgaBruto(aanvrager=np.full((1, 12), aanvrager_per_maand),
                                                    partner=np.zeros((1, 12))))


def test_wga_taken_from_the_wga_regeling():
    # With a WIA situation, the benefit as the wga regeling computed it replaces inkomen.wga (never counted twice).
    h = huis(persoon(loon=20000, wga=6000))
    h["personen"][0]["wia"] = {"fase": "na_loongerelateerd", "klasse": "45-55", "maandloon": 3000,
                               "restverdiencapaciteit": 1500}
    met = bereken(h, eerder={"wga": nep_wga(1000.0)})
    assert met.details["verzamelinkomen_aanvrager"][0] == pytest.approx(32000)
    # Without a WIA situation the regeling computes nothing for this person: inkomen.wga as given stays.
    zonder_wia = huis(persoon(loon=20000, wga=6000))
    assert bereken(zonder_wia, eerder={"wga": nep_wga(1000.0)}).details["verzamelinkomen_aanvrager"][0] == \
        pytest.approx(26000)


def test_without_the_wga_it_needs_the_income_tax_refuses_instead_of_guessing():
    # The income tax needs the WGA (declared in its registry entry): missing, it names both regelingen, and a result
    # of the wrong type is refused too; it never falls back on inkomen.wga.
    h = huishouden.valideer(huis(persoon(loon=20000, wga=6000)))
    inv, params = invoer.uit_huishoudens([h]), parameters.laad(2026)
    with pytest.raises(RegisterFout, match="'inkomstenbelasting'.*'wga'"):
        ib.bereken(inv, params, {})
    zonder_doorgifte = Uitkomst(regeling="wga", instantie="UWV", maandbedragen=np.zeros((1, 12)),
                                jaarbedrag=np.zeros(1), recht=np.zeros(1, dtype=bool), uitleg=lambda i: [],
                                bronnen=lambda i: [])
    with pytest.raises(RegisterFout, match="WgaBruto"):
        ib.bereken(inv, params, {"wga": zonder_doorgifte})


def test_first_line_says_this_is_what_is_due_not_an_entitlement():
    u = bereken(huis(persoon(loon=30000)))
    assert "geen recht" in u.uitleg(0)[0]
    assert u.regeling == "inkomstenbelasting" and u.instantie == "Belastingdienst"
    assert all(r.rstrip().endswith(")") or r.rstrip().endswith(").") for r in u.uitleg(0))


def test_partner_absent_is_not_taxed_and_household_total_is_the_sum():
    alleen = bereken(huis(persoon(loon=30000)))
    assert alleen.details["belasting_partner"][0] == 0 and alleen.details["verzamelinkomen_partner"][0] == 0
    samen = bereken(huis(persoon(loon=30000), persoon("partner", loon=50000)))
    som = samen.details["belasting_aanvrager"][0] + samen.details["belasting_partner"][0]
    assert samen.jaarbedrag[0] == pytest.approx(som, abs=0.01)
    assert samen.feiten["verzamelinkomen"][0] == pytest.approx(80000)


# --- properties -----------------------------------------------------------------------------------------
bedrag = st.floats(min_value=0, max_value=15_000, allow_nan=False, allow_infinity=False)
jaren = st.sampled_from([2025, 2026])
leeftijden = st.sampled_from([30, 66, 67, 80, 85])


@settings(max_examples=120, deadline=None)
@given(loon=bedrag, winst=st.floats(min_value=-3000, max_value=15_000), aow=bedrag,
       partner=st.one_of(st.none(), bedrag), jaar=jaren, leeftijd=leeftijden, uren=st.booleans(),
       kinderen=st.integers(0, 2))
def test_never_negative_twelve_months_and_kortingen_within_heffing(loon, winst, aow, partner, jaar, leeftijd, uren,
                                                                    kinderen):
    personen = [persoon(leeftijd=leeftijd, loon=loon * 12, winst=winst * 12, aow=aow * 12, urencriterium=uren)]
    if partner is not None:
        personen.append(persoon("partner", loon=partner * 12))
    personen += [kind(6, f"k{j}") for j in range(kinderen)]
    u = bereken(huis(*personen, jaar=jaar))
    assert u.maandbedragen.shape == (1, 12)
    assert u.jaarbedrag[0] >= 0 and (u.maandbedragen >= 0).all()
    assert u.recht[0] == (u.jaarbedrag[0] > 0)
    assert abs(u.maandbedragen[0].sum() - u.jaarbedrag[0]) <= 0.07
    for rol in ("aanvrager", "partner"):
        assert u.details[f"belasting_{rol}"][0] >= 0


@settings(max_examples=150, deadline=None)
@given(loon=bedrag, andere=bedrag, bron=st.sampled_from(["ww", "pensioen", "overig", "loon"]), jaar=jaren,
       leeftijd=leeftijden, extra=st.floats(min_value=10, max_value=3000))
def test_marginal_rate_on_loon_between_0_and_1(loon, andere, bron, jaar, leeftijd, extra):
    # Without children (the IACK phase-in can make the marginal rate negative, by law). The table's rounded
    # column III (art. 2.10 lid 1) lowers the tax by less than € 1 just above a bracket limit: tolerance € 1.
    def heffing(maandloon):
        inkomen = {"loon": maandloon * 12}
        inkomen[bron] = inkomen.get(bron, 0) + andere * 12
        return bereken(huis(persoon(leeftijd=leeftijd, **inkomen), jaar=jaar)).jaarbedrag[0]
    laag, hoog = heffing(loon), heffing(loon + extra)
    stijging = 12 * extra
    assert hoog - laag >= -1.0
    assert hoog - laag <= stijging + 1.0          # netto never rises by more than the gross rise


@settings(max_examples=40, deadline=None)
@given(rijen=st.lists(st.tuples(bedrag, st.one_of(st.none(), bedrag), st.floats(-2000, 8000), leeftijden,
                                st.booleans(), st.integers(0, 2)), min_size=2, max_size=6), jaar=jaren)
def test_many_households_at_once_equal_one_by_one(rijen, jaar):
    huizen = []
    for loon, partner, winst, leeftijd, uren, kinderen in rijen:
        personen = [persoon(leeftijd=leeftijd, loon=loon * 12, winst=winst * 12, urencriterium=uren)]
        if partner is not None:
            personen.append(persoon("partner", loon=partner * 12, pensioen=500 * 12))
        personen += [kind(3 + j, f"k{j}") for j in range(kinderen)]
        huizen.append(huis(*personen, jaar=jaar))
    assert_samen_gelijk_aan_los(bereken(*huizen), [bereken(h) for h in huizen])

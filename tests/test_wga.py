"""WIA-uitkering (WGA, IVA): expectations from the law's arithmetic, written out per test.

Sources: Wet WIA (BWBR0019057) texts 2025-01-01 and 2026-01-01 (MinBZK/regelrecht-corpus): art. 12 lid 1 onder b
(minimumloon in de WIA = WML per maand + vakantietoeslag, WML art. 15: 8%), art. 13 lid 4 (maandloon = 21,75 ×
dagloon), art. 51-52 (IVA), art. 60-62 (inkomenseis, loonaanvulling, vervolguitkering); Inkomensbesluit Wet WIA
art. 2, 3, 6; maximumdagloon: Wfsv art. 17-18 (€ 304,25 from 1 January 2026); minimumloon: WML art. 8 and 14 as
indexed by the half-yearly regeling (Stcrt. 2025, 34131 for 1 January 2026).
Minimumloon per maand: 2025 € 2.191,80 / € 2.245,80 (1 juli); 2026 € 2.294,40 / € 2.337,00 (1 juli).
"""
import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from checker import huishouden, invoer, parameters
from checker.regelingen import wga

from . import helpers

WML = {2025: (2191.80, 2245.80), 2026: (2294.40, 2337.00)}
MAXDAGLOON = {2025: (290.67, 297.82), 2026: (304.25, 309.91)}
VAKANTIETOESLAG = 0.08                  # WML art. 15 lid 1, via Wet WIA art. 12 lid 1 onder b


def h_wia(jaar=2026, fase="na_loongerelateerd", klasse="45-55", maandloon=3000.0, rvc=1500.0, einde=None,
          loon=0.0, winst=None, ww=None, overig=None, ontvangen=None, leeftijd=40, geboortedatum=None):
    wia = {"fase": fase, "klasse": klasse, "maandloon": maandloon, "restverdiencapaciteit": rvc}
    if einde:
        wia["einde_loongerelateerd"] = einde
    inkomen = {"loon": loon}
    for bron, waarde in (("winst", winst), ("ww", ww), ("overig", overig), ("wga", ontvangen)):
        if waarde is not None:
            inkomen[bron] = waarde
    a = helpers.persoon("a", "aanvrager", leeftijd=leeftijd, geboortedatum=geboortedatum, inkomen=inkomen, wia=wia)
    return helpers.huis(a, jaar=jaar, naam="wia", vermogen=0)


def reken(*hs, jaar=None):
    hs = [huishouden.laad(h) for h in hs]
    return wga.bereken(invoer.uit_huishoudens(hs), parameters.laad(jaar or hs[0].jaar), {})


def vervolg(g, wml):
    """Wet WIA art. 62 lid 1: G × H, H = minimumloon per maand × 1,08 (art. 12 lid 1 onder b)."""
    return round(g * wml * (1 + VAKANTIETOESLAG), 2)


def halfjaren(jan, jul):
    return [jan] * 6 + [jul] * 6


# --- a test vector from the law: maandloon 3.000, RVC 1.500, klasse 45-55, 2026 ---------------------------
def test_income_at_least_rvc_gives_70_percent_of_the_difference():
    # art. 61 lid 2-3: income 1.600 ≥ RVC 1.500 → 0,7 × (3.000 − 1.600) = 980
    u = reken(h_wia(loon=1600))
    assert u.maandbedragen[0].tolist() == [980.0] * 12
    assert u.jaarbedrag[0] == 12 * 980.0 and u.recht[0]


def test_income_between_50_and_100_percent_of_rvc_gives_the_fixed_amount():
    # art. 61 lid 4: 0,7 × (3.000 − 1.500) = 1.050; floor (lid 5) 35% × 2.294,40 × 1,08 = 867,28 < 1.050,
    # cap 0,7 × (3.000 − 1.000) = 1.400 > 1.050 → 1.050; the income itself does not matter in this band.
    for loon in (750, 1000, 1499):
        assert reken(h_wia(loon=loon)).maandbedragen[0].tolist() == [1050.0] * 12


def test_income_below_inkomenseis_gives_the_vervolguitkering_incl_vakantietoeslag():
    # art. 62 lid 1 with art. 12 lid 1 onder b: 35% × 2.294,40 × 1,08 = 867,28 (jan–jun),
    # 35% × 2.337,00 × 1,08 = 883,39 (jul–dec). € 803,04 (35% × 2.294,40) and € 817,95 are the
    # parts UWV pays each month; the 8/108 rest is vakantiegeld paid in May.
    u = reken(h_wia(loon=700))
    assert u.maandbedragen[0].tolist() == halfjaren(867.28, 883.39)
    assert halfjaren(867.28, 883.39) == halfjaren(vervolg(0.35, 2294.40), vervolg(0.35, 2337.00))
    uitbetaald = u.details["bruto_aanvrager"][0] - u.details["vakantiegeld_aanvrager"][0]
    assert np.allclose(uitbetaald, halfjaren(round(0.35 * 2294.40, 2), round(0.35 * 2337.00, 2)))
    assert np.allclose(uitbetaald, halfjaren(803.04, 817.95))


def test_the_cliff_at_the_inkomenseis_of_750():
    # art. 60 lid 1-2: inkomenseis 50% × 1.500 = 750. At 749: 749 + 867,28 = 1.616,28; at 750: 750 + 1.050 = 1.800.
    onder, op = reken(h_wia(loon=749)), reken(h_wia(loon=750))
    assert onder.maandbedragen[0, 0] == 867.28 and op.maandbedragen[0, 0] == 1050.0
    assert round((750 + 1050.0) - (749 + 867.28), 2) == 183.72
    f = op.feiten
    assert f["inkomenseis"][0] == 750 and f["heeft_inkomenseis"][0]
    assert f["loonaanvulling_bij_inkomenseis"][0] == 1050.0 and f["vervolguitkering"][0] == 867.28
    assert not f["onder_inkomenseis"][0] and onder.feiten["onder_inkomenseis"][0]


def test_floor_of_art_61_lid_5_and_its_cap():
    # maandloon 3.000, RVC 2.000 (inkomenseis 1.000), klasse 45-55:
    # lid 4: 0,7 × (3.000 − 2.000) = 700 < G × H = 867,28 → raised to 867,28 (jan) / 883,39 (jul)
    assert reken(h_wia(rvc=2000, loon=1000)).maandbedragen[0].tolist() == halfjaren(867.28, 883.39)
    # with income 1.800 the cap 0,7 × (3.000 − 1.800) = 840 is lower than the floor → 840 all year
    u = reken(h_wia(rvc=2000, loon=1800))
    assert u.maandbedragen[0].tolist() == [840.0] * 12
    assert any("art. 61 lid 5" in r for r in u.uitleg(0))


def test_no_inkomenseis_when_rvc_is_nil():
    # art. 60 lid 3, 61 lid 2: no inkomenseis → 0,7 × (3.000 − 0) = 2.100; assumption stated in the uitleg
    u = reken(h_wia(rvc=0, loon=0))
    assert u.maandbedragen[0].tolist() == [2100.0] * 12
    assert not u.feiten["heeft_inkomenseis"][0]
    assert any("geen inkomenseis" in r for r in u.uitleg(0))


def test_2025_vervolguitkering():
    # 35% × 2.191,80 × 1,08 = 828,50; 35% × 2.245,80 × 1,08 = 848,91
    u = reken(h_wia(jaar=2025, loon=0))
    assert u.maandbedragen[0].tolist() == halfjaren(vervolg(0.35, 2191.80), vervolg(0.35, 2245.80))
    assert u.maandbedragen[0].tolist() == halfjaren(828.50, 848.91)


@pytest.mark.parametrize("klasse,g", [("35-45", 0.28), ("55-65", 0.42), ("65-80", 0.5075), ("80-100", 0.70)])
def test_vervolg_percentage_per_klasse(klasse, g):
    # art. 61 lid 6: 28 / 42 / 50,75 / 70%
    u = reken(h_wia(klasse=klasse, loon=0))
    assert u.maandbedragen[0].tolist() == halfjaren(vervolg(g, 2294.40), vervolg(g, 2337.00))


def test_maandloon_below_minimumloon_is_h():
    # art. 62 lid 1: H is the maandloon when the minimumloon is higher: 35% × 1.500 = 525
    u = reken(h_wia(maandloon=1500, rvc=600, loon=0))
    assert u.maandbedragen[0].tolist() == [525.0] * 12


# --- loongerelateerde uitkering -----------------------------------------------------------------------
def test_sazas_example_lgu_from_the_third_month():
    # sazas.nl "rekenvoorbeeld inkomstenverlies" (C): loon 2.000, works for 500, from month 3: 0,70 × 1.500 = 1.050.
    # The months 1-2 (0,75 × 1.500 = 1.125) are not reproduced: the start date is not in the household and is
    # assumed to lie before the year (art. 61 lid 1 onder a), which the uitleg says.
    u = reken(h_wia(fase="loongerelateerd", maandloon=2000, rvc=1000, loon=500))
    assert u.maandbedragen[0].tolist() == [1050.0] * 12
    assert any("75%" in r and "vóór 2026" in r for r in u.uitleg(0))


def test_lgu_ends_mid_year_then_the_inkomenseis_applies():
    # einde 31 mei: jan–mei 0,7 × 3.000 = 2.100; jun 867,28; jul–dec 883,39 (no income, below the inkomenseis)
    u = reken(h_wia(fase="loongerelateerd", einde="2026-05-31", loon=0))
    assert u.maandbedragen[0].tolist() == [2100.0] * 5 + [867.28] + [883.39] * 6
    assert u.feiten["einde_loongerelateerd_maand"][0] == 4
    assert u.details["soort_aanvrager"][0].tolist() == [wga.LGU] * 5 + [wga.VERVOLG] * 7


def test_maximumdagloon_caps_the_maandloon_and_scales_income():
    # maandloon 8.000 > maximum 304,25 × 21,75 = 6.617,44 (jan) / 309,91 × 21,75 = 6.740,54 (jul).
    # art. 61 lid 1: 0,7 × (A − B × C/D), A the capped maandloon, C/D = A / 8.000, B = 1.000.
    u = reken(h_wia(fase="loongerelateerd", maandloon=8000, loon=1000))
    verwacht = []
    for dagloon in MAXDAGLOON[2026]:
        a = dagloon * 21.75
        verwacht.append(round(0.7 * (a - 1000 * a / 8000), 2))
    assert verwacht == [4053.18, 4128.58]
    assert u.maandbedragen[0].tolist() == halfjaren(*verwacht)
    assert any("maximum" in r and "C/D" in r for r in u.uitleg(0))


def test_uncertain_july_2025_maximumdagloon_is_flagged_where_it_is_read():
    u = reken(h_wia(jaar=2025, fase="loongerelateerd", maandloon=8000, loon=0))
    a_jul = 297.82 * 21.75
    assert u.maandbedragen[0, 6] == round(0.7 * a_jul, 2)
    assert any(w.startswith("wga.maximumdagloon = 297.82 (euro/dag) vanaf 1 juli 2025 heeft zekerheid UNCONFIRMED")
               for w in u.onzekere_parameters())
    # Every record in force in the year counts (issue 15): the WGA reads the maximumdagloon of every month for every
    # WIA situation, so the July record is reported below the cap too, as a record of 1 January would be.
    assert any("wga.maximumdagloon" in w and "vanaf 1 juli" in w
               for w in reken(h_wia(jaar=2025, loon=0)).onzekere_parameters())
    # the framework reports it once, not the regeling's own warnings as well
    assert not any("wga.maximumdagloon" in w for w in u.waarschuwingen(0))


@pytest.mark.parametrize("jaar", [2025, 2026])
def test_the_july_minimumloon_grade_is_reported_where_the_wga_uses_it(jaar):
    # The minimumloon of 1 July is graded B (its Staatscourant not seen), that of 1 January A. The vervolguitkering is
    # G × the minimumloon of the month (Wet WIA art. 62), so from July it rests on the B record: the result says so,
    # with the date, and does not report the A record of 1 January.
    from checker import check
    uit = check(h_wia(jaar=jaar, loon=0))
    wga_ = uit["regelingen"]["wga"]
    assert wga_["maandbedragen"][6] == vervolg(0.35, WML[jaar][1])
    juli = [w for w in wga_["waarschuwingen"] if w.startswith("Parameter algemeen.minimumloon_maand")]
    assert juli == [f"Parameter algemeen.minimumloon_maand = {WML[jaar][1]} (euro/maand) vanaf 1 juli {jaar} heeft "
                    f"zekerheid B: {parameters.laad(jaar).records('algemeen.minimumloon_maand')[1].bron}"]
    # a regeling that does not read the minimumloon does not report it
    assert not any("minimumloon_maand" in w for w in uit["regelingen"]["zorgtoeslag"]["waarschuwingen"])


# --- IVA ----------------------------------------------------------------------------------------------
def test_iva():
    # art. 51-52: 0,75 × 3.000 − 0,7 × 500 = 1.900
    assert reken(h_wia(fase="iva", klasse="80-100", loon=500)).maandbedragen[0].tolist() == [1900.0] * 12
    # with the cap (maandloon 8.000, january): 0,75 × 6.617,4375 − 0,7 × 500 × 6.617,4375 / 8.000
    a = 304.25 * 21.75
    u = reken(h_wia(fase="iva", klasse="80-100", maandloon=8000, loon=500))
    assert u.maandbedragen[0, 0] == round(0.75 * a - 0.7 * 500 * a / 8000, 2) == 4673.57


# --- which income counts ----------------------------------------------------------------------------------
def test_ww_is_no_inkomen_uit_arbeid():
    # Inkomensbesluit Wet WIA art. 3 lid 1 onder b: WW 1.000 does not lift the income above the inkomenseis
    u = reken(h_wia(ww=1000, loon=0))
    assert u.maandbedragen[0, 0] == 867.28
    assert any("WW" in w and "art. 3" in w for w in u.waarschuwingen(0))


def test_negative_winst_counts_as_nil_not_against_loon():
    # Inkomensbesluit Wet WIA art. 2 lid 2: loon 800 + winst −500 → income 800 ≥ 750 → 1.050 (art. 61 lid 4)
    assert reken(h_wia(loon=800, winst=-500)).maandbedragen[0].tolist() == [1050.0] * 12


# --- zzp: monthly winst versus UWV's yearly settlement on the average (Inkomensbesluit art. 6 lid 3) ------
def test_zzp_average_below_inkomenseis_while_some_months_are_above():
    # maandloon 3.000, RVC 1.500, inkomenseis 750; winst 1.000 and 400 alternating: average 700 < 750.
    winst = [1000, 400] * 6
    u = reken(h_wia(winst=winst, ontvangen=1050))
    # (b) settlement on the average: vervolguitkering all year = 6 × 867,28 + 6 × 883,39 = 10.504,02
    assert u.maandbedragen[0].tolist() == halfjaren(867.28, 883.39)
    assert u.jaarbedrag[0] == round(6 * 867.28 + 6 * 883.39, 2) == 10504.02
    # (a) per month: 1.000-months loonaanvulling 1.050 (6×), 400-months vervolg 3 × 867,28 + 3 × 883,39
    assert u.details["bruto_per_maand_aanvrager"][0].tolist() == [1050.0, 867.28] * 3 + [1050.0, 883.39] * 3
    f = u.feiten
    assert f["wga_per_maand_som"][0] == round(6 * 1050 + 3 * 867.28 + 3 * 883.39, 2) == 11552.01
    assert f["wga_op_jaargemiddelde"][0] == 10504.02
    assert f["gemiddeld_inkomen"][0] == 700 and f["inkomenseis"][0] == 750
    assert f["onder_inkomenseis"][0] and f["maanden_onder_inkomenseis"][0] == 6 and f["is_zzp"][0]
    # UWV paid 12 × 1.050 on the estimate: settlement asks back 12.600 − 10.504,02
    assert f["ontvangen_jaar"][0] == 12600 and f["terugvordering_schatting"][0] == 2095.98
    assert any("art. 6 lid 3" in r for r in u.uitleg(0))


def test_persona_ronald_marijke_ends_on_the_vervolguitkering_after_settlement():
    # personas/ronald-marijke.yaml: maandloon 3.100, RVC 1.550 (inkomenseis 775), klasse 45-55, winst average
    # 9.000 / 12 = 750 < 775 → vervolguitkering all year: 35% × WML × 1,08 per month
    # (jan–jun 35% × 2.294,40 × 1,08 = 867,28; jul–dec 35% × 2.337,00 × 1,08 = 883,39), paid monthly 35% × WML
    # (803,04 / 817,95) plus vakantiegeld. UWV paid 12 × 1.085 on the estimate of 833 a month.
    u = reken(huishouden.laad("ronald-marijke"))
    assert u.maandbedragen[0].tolist() == halfjaren(vervolg(0.35, 2294.40), vervolg(0.35, 2337.00))
    assert u.jaarbedrag[0] == round(6 * 867.28 + 6 * 883.39, 2) == 10504.02
    uitbetaald = u.details["bruto_aanvrager"][0] - u.details["vakantiegeld_aanvrager"][0]
    assert np.allclose(uitbetaald, halfjaren(0.35 * 2294.40, 0.35 * 2337.00), atol=0.006)
    f = u.feiten
    assert f["onder_inkomenseis"][0] and f["gemiddeld_inkomen"][0] == 750 and f["inkomenseis"][0] == 775
    # the two sides of the cliff: 0,7 × (3.100 − 1.550) = 1.085 against 867,28
    assert f["loonaanvulling_bij_inkomenseis"][0] == 1085.0 and f["vervolguitkering"][0] == 867.28
    assert f["ontvangen_jaar"][0] == 12 * 1085 and f["terugvordering_schatting"][0] == round(13020 - 10504.02, 2)
    assert f["einde_loongerelateerd_maand"][0] == -1


def test_persona_loongerelateerd_variant():
    # ronald-marijke-loongerelateerd: LGU to 30 september on the average winst 750: 0,7 × (3.100 − 750) = 1.645;
    # oktober–december vervolguitkering 35% × 2.337,00 × 1,08 = 883,39
    u = reken(huishouden.laad("ronald-marijke-loongerelateerd"))
    assert u.maandbedragen[0].tolist() == [1645.0] * 9 + [883.39] * 3
    assert u.feiten["einde_loongerelateerd_maand"][0] == 8


# --- persons, age, no WIA -------------------------------------------------------------------------------
def test_no_wia_situation():
    h = {"schema": 1, "naam": "x", "jaar": 2026, "vermogen": 0,
         "personen": [{"id": "a", "rol": "aanvrager", "leeftijd": 40, "inkomen": {"loon": 2000}}]}
    u = reken(h)
    assert not u.recht[0] and u.jaarbedrag[0] == 0 and u.maandbedragen[0].tolist() == [0.0] * 12
    assert u.uitleg(0)[0].startswith("Geen WIA-situatie opgegeven")
    assert u.onzekere_parameters() == [] and u.waarschuwingen(0) == []   # no WIA parameter was applied


def test_partner_iva_goes_to_bruto_partner():
    h = h_wia(loon=1600)
    del h["personen"][0]["wia"]
    h["personen"].append({"id": "p", "rol": "partner", "leeftijd": 50, "inkomen": {"loon": 500},
                          "wia": {"fase": "iva", "klasse": "80-100", "maandloon": 3000}})
    u = reken(h)
    assert u.details["bruto_partner"][0].tolist() == [1900.0] * 12           # 0,75 × 3.000 − 0,7 × 500
    assert u.details["bruto_aanvrager"][0].tolist() == [0.0] * 12
    assert u.maandbedragen[0].tolist() == [1900.0] * 12 and u.feiten["wga_persoon"][0] == 1


def test_no_benefit_after_aow_age():
    # art. 43 onder g: born 10-02-1959 → 67 in February 2026; whole months: paid jan–feb, nothing from march
    u = reken(h_wia(loon=0, geboortedatum="1959-02-10"))
    assert u.maandbedragen[0].tolist() == [867.28] * 2 + [0.0] * 10
    assert any("AOW-leeftijd" in r for r in u.uitleg(0))


def test_every_uitleg_line_ends_with_its_article():
    for h in (h_wia(loon=700), h_wia(rvc=2000, loon=1800), h_wia(fase="loongerelateerd", einde="2026-05-31"),
              h_wia(fase="iva", klasse="80-100", maandloon=8000, loon=500),
              h_wia(winst=[1000, 400] * 6, ontvangen=900)):
        for regel in reken(h).uitleg(0):
            assert regel.endswith(").") and "(" in regel, regel


def test_feiten_and_details_shapes():
    u = reken(h_wia(loon=700), h_wia(fase="iva", loon=0))
    for naam, waarde in u.feiten.items():
        assert waarde.shape == (2,), naam
    for naam in ("bruto_aanvrager", "bruto_partner"):
        assert u.details[naam].shape == (2, 12)


# --- properties -------------------------------------------------------------------------------------
bedrag = st.floats(min_value=0, max_value=9000, allow_nan=False, allow_infinity=False)
situatie = st.fixed_dictionaries({
    "jaar": st.sampled_from([2025, 2026]),
    "fase": st.sampled_from(["loongerelateerd", "na_loongerelateerd", "iva"]),
    "klasse": st.sampled_from(["35-45", "45-55", "55-65", "65-80", "80-100"]),
    "maandloon": st.floats(min_value=0, max_value=12_000, allow_nan=False),
    "rvc": st.floats(min_value=0, max_value=5000, allow_nan=False),
    "einde": st.one_of(st.none(), st.sampled_from(["2025-03-31", "2026-03-31", "2026-08-31"])),
})


def _h(s, **extra):
    einde = s["einde"] if s["einde"] and s["einde"].startswith(str(s["jaar"])) else None
    return h_wia(jaar=s["jaar"], fase=s["fase"], klasse=s["klasse"], maandloon=s["maandloon"], rvc=s["rvc"],
                 einde=einde, **extra)


@settings(max_examples=120, deadline=None)
@given(s=situatie, loon=bedrag, winst=st.lists(st.floats(min_value=-2000, max_value=4000), min_size=12, max_size=12))
def test_never_negative_twelve_months_year_is_the_sum(s, loon, winst):
    u = reken(_h(s, loon=loon, winst=winst))
    assert u.maandbedragen.shape == (1, 12) and (u.maandbedragen >= 0).all()
    assert (u.details["bruto_per_maand_aanvrager"] >= 0).all()
    assert u.jaarbedrag[0] == round(u.maandbedragen[0].sum(), 2) and u.recht[0] == (u.jaarbedrag[0] > 0)
    # never more than 75% of the maandloon (art. 51; all WGA formulas are at most 70% of it, art. 61-62)
    assert (u.maandbedragen <= 0.75 * s["maandloon"] + 0.005).all()


@settings(max_examples=120, deadline=None)
@given(s=situatie, loon=bedrag, meer=st.floats(min_value=1, max_value=3000))
def test_income_plus_benefit_never_falls_within_one_side_of_the_inkomenseis(s, loon, meer):
    # Within a regime more income never means less in total (slopes 1 − 0,7 × C/D ≥ 0,3). Across the inkomenseis
    # the law has a cliff (art. 60 lid 1), and with a low maandloon lid 5's cap can even make it fall; skip those.
    eis = 0.5 * s["rvc"]
    assume(s["fase"] == "iva" or s["rvc"] == 0 or (loon < eis) == (loon + meer < eis))
    laag, hoog = reken(_h(s, loon=loon)), reken(_h(s, loon=loon + meer))
    assert (hoog.maandbedragen[0] + loon + meer >= laag.maandbedragen[0] + loon - 0.011).all()


@settings(max_examples=40, deadline=None)
@given(lijst=st.lists(st.tuples(situatie, bedrag), min_size=2, max_size=6), jaar=st.sampled_from([2025, 2026]))
def test_many_households_at_once_equal_one_by_one(lijst, jaar):
    hs = [_h({**s, "jaar": jaar}, loon=loon) for s, loon in lijst]
    hs.append({"schema": 1, "naam": "geen", "jaar": jaar, "vermogen": 0,
               "personen": [{"id": "a", "rol": "aanvrager", "leeftijd": 30, "inkomen": {"loon": 1000}}]})
    samen = reken(*hs)
    for i, h in enumerate(hs):
        los = reken(h)
        assert np.array_equal(samen.maandbedragen[i], los.maandbedragen[0])
        assert samen.jaarbedrag[i] == los.jaarbedrag[0]
        assert samen.uitleg(i) == los.uitleg(0)
        for naam, waarde in samen.feiten.items():
            assert waarde[i] == los.feiten[naam][0], naam


def test_parameters_match_the_law_text():
    for jaar in (2025, 2026):
        p = parameters.laad(jaar)
        # art. 61 lid 6
        assert p.waarde("wga.uitkeringspercentage") == {"35-45": 0.28, "45-55": 0.35, "55-65": 0.42,
                                                         "65-80": 0.5075, "80-100": 0.7}
        assert p.per_maand("wga.maximumdagloon").tolist() == halfjaren(*MAXDAGLOON[jaar])
        assert p.per_maand("algemeen.minimumloon_maand").tolist() == halfjaren(*WML[jaar])
        assert p.waarde("wga.vakantietoeslag_minimumloon") == VAKANTIETOESLAG
        assert p.waarde("wga.dagen_per_maand") == 21.75


# --- around the 50% line: the inkomenseis per kalendermaand (issue 13) -------------------------------------------
def _wga_signaal(doc):
    from checker import check
    uit = check(doc)
    [s] = [s for s in uit["signalen"] if s["code"] == "WGA_INKOMENSEIS"]
    return uit, s


def test_loon_crossing_the_line_in_some_months_is_tested_per_month():
    # Wet WIA art. 60 lid 1 onder a: a loonaanvullingsuitkering "voor de verzekerde die per kalendermaand een inkomen
    # verdient dat ten minste gelijk is aan de inkomenseis", else a vervolguitkering. RVC 1.500 → inkomenseis 750
    # (art. 60 lid 2). Loon 900 in January-June (above it), 700 in July-December (below it). The yearly average
    # (800) is above the line, but that average does not count for loon.
    doc = h_wia(loon=[900] * 6 + [700] * 6)
    doc["peildatum"] = "2026-06-15"
    uit, s = _wga_signaal(doc)
    lau = 0.70 * (3000 - 1500)                                  # art. 61 lid 4: 1.050 (above the lid 5 floor)
    h_jul = WML[2026][1]
    verwacht = [lau] * 6 + [vervolg(0.35, h_jul)] * 6             # art. 62 lid 1, art. 61 lid 6 onder c: 35%
    assert uit["regelingen"]["wga"]["maandbedragen"] == pytest.approx(verwacht)
    assert s["regel"] == "wga_inkomenseis_loon_sommige_maanden"
    assert "6 van de 6 maanden" not in s["uitleg"] and "In 6 van de 12 maanden" in s["uitleg"]
    assert "juli tot en met december" in s["uitleg"] and "per kalendermaand" in s["uitleg"]
    # the six months below the line cost the difference with the loonaanvulling at an income equal to the line
    assert s["bedrag"] == pytest.approx(6 * (lau - vervolg(0.35, h_jul)), abs=0.01)
    assert "net boven" not in s["titel"]


def test_winst_is_settled_on_the_years_average():
    # Inkomensbesluit Wet WIA art. 6 lid 3: UWV settles winst over the year, so the same months give the loonaanvulling
    # all year when the average (800) is above the inkomenseis (750); the signal speaks of the year
    doc = h_wia(winst=[900] * 6 + [700] * 6)
    uit, s = _wga_signaal(doc)
    assert uit["regelingen"]["wga"]["maandbedragen"] == pytest.approx([0.70 * (3000 - 1500)] * 12)
    assert s["regel"] == "wga_vlak_boven_inkomenseis" and "over het jaar" in s["uitleg"]


def test_loon_below_the_line_every_month():
    uit, s = _wga_signaal(h_wia(loon=600))
    assert s["regel"] == "wga_inkomenseis_loon_alle_maanden"
    assert uit["regelingen"]["wga"]["maandbedragen"] == pytest.approx(
        halfjaren(vervolg(0.35, WML[2026][0]), vervolg(0.35, WML[2026][1])))


def test_loon_just_above_the_line_every_month_warns_that_each_month_counts():
    uit, s = _wga_signaal(h_wia(loon=800))
    assert s["regel"] == "wga_vlak_boven_inkomenseis_loon" and "elke maand" in s["titel"]

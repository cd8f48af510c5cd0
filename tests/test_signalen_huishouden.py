"""Signals on debts, irregular income, voorschotten and events: fire where the situation holds, silent elsewhere."""
from checker import check

from .helpers import huishouden as hh


def signalen(h, code):
    return [s for s in check(h)["signalen"] if s["code"] == code]


def test_debts_at_two_creditors_one_public():
    h = hh(2000, schulden=[{"schuldeiser": "Belastingdienst", "soort": "belasting", "bedrag": 800},
                           {"schuldeiser": "Energiebedrijf", "soort": "achterstand", "bedrag": 300}])
    [s] = signalen(h, "SCHULDEN_MEERDERE_SCHULDEISERS")
    assert s["instantie"] == "gemeente" and s["bedrag"] == 1100 and s["ernst"] == "hoog"
    assert "ondernemer" not in s["titel"]


def test_debts_silent_with_one_creditor_or_only_private_creditors():
    een = hh(2000, schulden=[{"schuldeiser": "CJIB", "soort": "boete", "bedrag": 350}])
    privaat = hh(2000, schulden=[{"schuldeiser": "Energiebedrijf", "soort": "a", "bedrag": 300},
                                 {"schuldeiser": "Webwinkel", "soort": "a", "bedrag": 200}])
    assert signalen(een, "SCHULDEN_MEERDERE_SCHULDEISERS") == []
    assert signalen(privaat, "SCHULDEN_MEERDERE_SCHULDEISERS") == []


def test_debts_with_winst_name_the_ondernemers_route():
    h = hh(0, schulden=[{"schuldeiser": "Belastingdienst", "soort": "belasting", "bedrag": 800},
                        {"schuldeiser": "CJIB", "soort": "boete", "bedrag": 300}])
    h["personen"][0]["inkomen"] = {"winst": 1500}
    [s] = signalen(h, "SCHULDEN_MEERDERE_SCHULDEISERS")
    assert "ondernemer" in s["titel"] and "Bbz" in s["actie"]


def test_irregular_income_with_a_voorschot():
    h = hh(0, ontvangt_zt=100)
    h["personen"][0]["inkomen"] = {"winst": [400, 650, 1200, 900, 500, 700, 1100, 850, 600, 450, 950, 700]}
    assert len(signalen(h, "WISSELEND_INKOMEN")) == 1


def test_irregular_income_silent_when_steady_or_without_voorschot():
    assert signalen(hh(2000, ontvangt_zt=100), "WISSELEND_INKOMEN") == []
    h = hh(0)
    h["personen"][0]["inkomen"] = {"winst": [400, 650, 1200, 900, 500, 700, 1100, 850, 600, 450, 950, 700]}
    assert signalen(h, "WISSELEND_INKOMEN") == []


def test_terugvordering_when_the_voorschot_is_too_high():
    # 2026 single, TI 12 × 3.000 = 36.000: 2119 − (568,55 + 0,1373 × 6.264) = 690,40 → € 690 per year.
    # A voorschot of € 100 per month (1.200) gives a terugvordering of about 1.200 − 690 = € 510.
    [s] = signalen(hh(3000, ontvangt_zt=100), "TOESLAG_TERUGVORDERING")
    assert s["ernst"] == "hoog" and s["bedrag"] == 510 and s["regelingen"] == ["zorgtoeslag"]


def test_terugvordering_up_to_the_awir_26a_threshold_is_no_signal():
    # Awir art. 26a lid 1 (2026): a terugvordering of at most € 121 is not collected.
    # Entitlement € 690 (see above); a voorschot of € 67,50 per month (810) gives 810 − 690 = € 120.
    assert signalen(hh(3000, ontvangt_zt=67.5), "TOESLAG_TERUGVORDERING") == []
    # € 68,50 per month (822) gives € 132: collected, so a signal
    assert signalen(hh(3000, ontvangt_zt=68.5), "TOESLAG_TERUGVORDERING")[0]["bedrag"] == 132


def test_nabetaling_when_the_voorschot_is_too_low_but_not_when_nothing_is_received():
    # 2026 single, TI 18.000 (below the drempel): 2119 − 568,55 = 1.550,45 → € 1.550; voorschot 12 × 100
    [s] = signalen(hh(1500, ontvangt_zt=100), "TOESLAG_TERUGVORDERING")
    assert s["ernst"] == "laag" and s["bedrag"] == 1550 - 1200
    assert signalen(hh(1500, ontvangt_zt=0), "TOESLAG_TERUGVORDERING") == []   # that is NIET_GEBRUIK


def test_small_difference_is_no_signal():
    # entitlement € 1.550 per year = € 129,17 per month; a voorschot of € 129 differs by € 2
    assert signalen(hh(1500, ontvangt_zt=129), "TOESLAG_TERUGVORDERING") == []


def test_huurwijziging_must_be_reported_when_huurtoeslag_is_received():
    h = hh(1500, wonen={"soort": "huur", "kale_huur": [650] * 6 + [575.03] * 6, "corporatie": True},
           ontvangt={"huurtoeslag": 200},
           gebeurtenissen=[{"datum": "2026-07-01", "soort": "huurwijziging", "bedrag": 575.03}])
    [s] = signalen(h, "HUUR_WIJZIGING_DOORGEVEN")
    assert s["instantie"] == "Dienst Toeslagen" and s["datum"] == "2026-07-29"  # 4 weeks after the change
    assert "575,03" in s["titel"]


def test_huurwijziging_silent_without_huurtoeslag():
    h = hh(6000, wonen={"soort": "huur", "kale_huur": 1500},
           gebeurtenissen=[{"datum": "2026-07-01", "soort": "huurwijziging", "bedrag": 1450}])
    assert signalen(h, "HUUR_WIJZIGING_DOORGEVEN") == []


# --- wisselend inkomen goes up and down; one step is a change to report (issue 13) -------------------------------
def ww_dan_vast_werk():
    """WW until April, a steady job from May, a zorgtoeslag voorschot: one step up, no income that goes up and down."""
    h = hh([0] * 4 + [2600] * 8, ontvangt_zt=100)
    h["personen"][0]["inkomen"]["ww"] = [1800] * 4 + [0] * 8
    h["gebeurtenissen"] = [{"datum": "2026-05-01", "soort": "start_met_werken", "persoon": "a"}]
    return h


def test_one_step_is_no_wisselend_inkomen_but_a_change_to_report():
    h = ww_dan_vast_werk()
    assert signalen(h, "WISSELEND_INKOMEN") == []
    doorgeven = signalen(h, "GEBEURTENIS_DOORGEVEN")
    assert {s["instantie"] for s in doorgeven} >= {"Dienst Toeslagen", "UWV"}


def test_income_that_goes_up_and_down_is_wisselend():
    assert signalen(hh([1500, 2600] * 6, ontvangt_zt=100), "WISSELEND_INKOMEN")
    assert signalen(hh([1500] * 6 + [2600] * 6, ontvangt_zt=100), "WISSELEND_INKOMEN") == []   # one step
    assert signalen(hh([1500] * 3 + [2600] * 6 + [1500] * 3, ontvangt_zt=100), "WISSELEND_INKOMEN") == []  # a season


def test_wisselend_inkomen_names_only_what_applies():
    # varying loon, a toeslag voorschot, no WGA and no business: Dienst Toeslagen only, and no "eigen bedrijf"
    [s] = signalen(hh([1500, 2600] * 6, ontvangt_zt=100), "WISSELEND_INKOMEN")
    assert s["instantie"] == "Dienst Toeslagen"
    tekst = " ".join((s["titel"], s["uitleg"], s["actie"], s["bewoner"]))
    assert "UWV" not in tekst and "eigen bedrijf" not in tekst and "loon" in s["uitleg"]
    # varying winst with a voorschot: the business is named, UWV still not
    h = hh(0, ontvangt_zt=100)
    h["personen"][0]["inkomen"] = {"winst": [400, 650, 1200, 900, 500, 700, 1100, 850, 600, 450, 950, 700]}
    [s] = signalen(h, "WISSELEND_INKOMEN")
    assert "winst uit een eigen bedrijf" in s["uitleg"] and "UWV" not in s["uitleg"]


def test_wisselend_winst_next_to_a_wga_names_uwv_and_the_yearly_settlement():
    # Inkomensbesluit Wet WIA art. 6 lid 3: UWV settles winst over the year
    h = hh(0)
    h["personen"][0]["inkomen"] = {"winst": [400, 650, 1200, 900, 500, 700, 1100, 850, 600, 450, 950, 700]}
    h["personen"][0]["wia"] = {"fase": "na_loongerelateerd", "klasse": "45-55", "maandloon": 3100,
                               "restverdiencapaciteit": 1550}
    [s] = signalen(h, "WISSELEND_INKOMEN")
    assert s["instantie"] == "UWV" and s["regel"] == "wisselend_inkomen_wga_winst"
    assert "Dienst Toeslagen" not in s["uitleg"]

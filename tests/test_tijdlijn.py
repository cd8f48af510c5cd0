"""The timeline and voorschot comparison in the check output (extensions of contract section 3)."""
from checker import check

from .helpers import huishouden as hh


def test_timeline_has_twelve_months_with_events_and_deadlines():
    h = hh(1500, wonen={"soort": "huur", "kale_huur": [650] * 6 + [575.03] * 6, "corporatie": True},
           ontvangt={"huurtoeslag": 200},
           gebeurtenissen=[{"datum": "2026-07-01", "soort": "huurwijziging", "bedrag": 575.03}])
    uit = check(h)
    t = uit["tijdlijn"]
    assert [m["maand"] for m in t] == [f"2026-{m:02d}" for m in range(1, 13)]
    assert t[6]["gebeurtenissen"] == [{"datum": "2026-07-01", "soort": "huurwijziging"}]
    # the duty to report the new rent: 4 weeks after 1 July (Awir art. 17; Dienst Toeslagen practice)
    termijn = {"datum": "2026-07-29", "code": "HUUR_WIJZIGING_DOORGEVEN", "instantie": "Dienst Toeslagen"}
    assert termijn in t[6]["termijnen"]
    assert all(m["ontvangt"] == {"huurtoeslag": 200.0} for m in t)


def test_voorschot_compared_with_entitlement():
    # 2026 single, TI 36.000: zorgtoeslag € 690 per year (2119 − (568,55 + 0,1373 × 6.264) = 690,40);
    # voorschot 12 × 100 = 1.200 → terugvordering 510, no nabetaling.
    v = check(hh(3000, ontvangt_zt=100))["voorschotten"]["zorgtoeslag"]
    assert v == {"ontvangt_jaar": 1200.0, "recht_jaar": 690.0, "terugvordering": 510.0, "nabetaling": 0.0,
                 "maanden_ontvangen_zonder_recht": 0}


def test_events_that_disagree_with_the_amounts_are_flagged():
    h = hh(2000, gebeurtenissen=[{"datum": "2026-04-30", "soort": "stopt_met_werken", "persoon": "a"},
                                 {"datum": "2026-05-01", "soort": "samenwonen"}])
    w = check(h)["waarschuwingen"]
    assert any("gebeurtenissen[0]" in x and "loon of winst" in x for x in w)     # loon continues after 30 April
    assert any("gebeurtenissen[1]" in x and "geen partner in personen" in x for x in w)  # samenwonen, no partner


def test_events_that_agree_give_no_warning():
    h = hh(2000, gebeurtenissen=[{"datum": "2026-04-30", "soort": "stopt_met_werken", "persoon": "a"}])
    h["personen"][0]["inkomen"] = {"loon": [2000] * 4 + [0] * 8}
    assert check(h)["waarschuwingen"] == []


def test_income_without_a_listed_werk_activity_is_flagged():
    # contract section 1: with activiteiten given, only that list counts as rechtgevende activiteit
    h = hh(2000)
    h["personen"][0]["activiteiten"] = [{"soort": "studie", "van": "2026-01-01", "tot": "2026-06-30"}]
    assert any("activiteit 'werk'" in w for w in check(h)["waarschuwingen"])

"""Algemene bijstand (Participatiewet, BWBR0015703): the law's arithmetic written out, and invariants.

Sources of the expected values: the Participatiewet texts per 2025-01-01, 2025-07-01, 2026-01-01 and 2026-07-01
(wetten.overheid.nl/BWBR0015703/<datum>, read in MinBZK/regelrecht-corpus) and the worked kostendelersnorm values of
a process description of the gemeente Rotterdam (the formula of art. 22a lid 1 is an image in the law text:
A = 2 → € 1.001,07, A = 3 → € 867,59).
"""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import parameters
from checker.fouten import RegisterFout
from checker.regelingen import bijstand
from checker.regelingen._uitkomst import Uitkomst
from checker.regelingen.inkomstenbelasting import InkomenNaBelasting
from checker.regelingen.wga import WgaBruto

from . import helpers
from .helpers import huishouden as hh
from .helpers import netto_als_bruto

# Pw art. 21 onder a / b, text per 2026-01-01 and per 2026-07-01
ALLEEN_JAN_26, ALLEEN_JUL_26 = 1401.50, 1419.46
GEHUWD_JAN_26, GEHUWD_JUL_26 = 2002.13, 2027.79


invoer_van = helpers.invoer_van


def bereken(d, wga=None, ib=None):
    """The bijstand of household ``d``; unless ``ib`` (an InkomenNaBelasting) says otherwise, its net income is the
    gross income given (these tests are about the bijstand's own arithmetic), and the WGA is ``wga`` (a WgaBruto) or
    inkomen.wga as given."""
    inv = invoer_van(d)
    eerder = netto_als_bruto(inv, wga)
    if ib is not None:
        eerder["inkomstenbelasting"] = nep_uitkomst("inkomstenbelasting", ib)
    return bijstand.bereken(inv, parameters.laad(d["jaar"]), eerder)


def met(d, *personen):
    d["personen"] += list(personen)
    return d


def bewoner(id_, rol, leeftijd=None, geboortedatum=None, **inkomen):
    return helpers.persoon(id_, rol, leeftijd=leeftijd, geboortedatum=geboortedatum, inkomen=inkomen)


def half_jaar(jan, jul):
    return [jan] * 6 + [jul] * 6


def nep_uitkomst(regeling, doorgifte, n=1):
    """An Uitkomst of a regeling computed before (as the orchestrator passes them in ``eerder``), handing on
    ``doorgifte``."""
    return Uitkomst(regeling=regeling, instantie="x", maandbedragen=np.zeros((n, 12)), jaarbedrag=np.zeros(n),
                    recht=np.zeros(n, dtype=bool), uitleg=lambda i: [], bronnen=lambda i: [], doorgifte=doorgifte)


def nep_ib(netto_zonder_bijstand, bijstand_netto=0.0):
    """An inkomstenbelasting that hands on this net income without bijstand and this bijstand net, per month."""
    een = np.ones((1, 12))
    return InkomenNaBelasting(
        verzamelinkomen=np.zeros((1, 2)), netto_per_maand=(netto_zonder_bijstand + bijstand_netto) * een,
        netto_zonder_bijstand_per_maand=netto_zonder_bijstand * een, bijstand_netto_per_maand=bijstand_netto * een,
        bijstand_uit_netto=np.zeros(1, dtype=bool), bijstand_bruto_aanvrager=0 * een, bijstand_bruto_partner=0 * een,
        bijstand_bruto_bewoners=np.zeros((1, 0, 12)))


# --- the norms ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("jaar, alleen, gehuwd", [
    # Pw art. 21 onder a and b, texts per 2025-01-01 / 2025-07-01 and 2026-01-01 / 2026-07-01
    (2025, (1345.45, 1369.06), (1922.07, 1955.80)),
    (2026, (ALLEEN_JAN_26, ALLEEN_JUL_26), (GEHUWD_JAN_26, GEHUWD_JUL_26)),
])
def test_norm_single_and_couple_on_1_january_and_1_july(jaar, alleen, gehuwd):
    # Without income or vermogen the bijstand equals the norm (Pw art. 19 lid 2).
    single = bereken(hh(0, jaar=jaar))
    assert single.maandbedragen[0].tolist() == half_jaar(*alleen)
    assert single.jaarbedrag[0] == pytest.approx(6 * alleen[0] + 6 * alleen[1])
    assert single.details["norm_soort"][0] == 0
    paar = bereken(hh(0, partner_loon=0, jaar=jaar))
    assert paar.maandbedragen[0].tolist() == half_jaar(*gehuwd)
    assert paar.details["norm_soort"][0] == 2
    assert paar.recht[0] and single.recht[0]


def test_pensioengerechtigden():
    # Pw art. 22 onder a, b and c, text per 2026-01-01 (€ 1.564,69; € 2.144,16; € 2.144,16) and 2026-07-01
    single = bereken(hh(0, leeftijd=70))
    assert single.maandbedragen[0].tolist() == half_jaar(1564.69, 1587.34)
    assert single.details["norm_soort"][0] == 3
    beiden = bereken(hh(0, partner_loon=0, leeftijd=70, partner_leeftijd=68))
    assert beiden.maandbedragen[0].tolist() == half_jaar(2144.16, 2176.10)
    een = bereken(hh(0, partner_loon=0, leeftijd=70, partner_leeftijd=60))
    assert een.maandbedragen[0].tolist() == half_jaar(2144.16, 2176.10)
    assert een.details["norm_soort"][0] == 4
    assert any("SVB" in r for r in een.uitleg(0))


@pytest.mark.parametrize("leeftijd, partner, kind, jan, jul", [
    # Pw art. 20, text per 2026-01-01 / 2026-07-01
    (19, None, False, 345.99, 350.42),      # lid 1 onder a
    (19, None, True, 345.99, 350.42),       # lid 2 onder a
    (19, 19, False, 691.98, 700.84),        # lid 1 onder b
    (19, 19, True, 1092.41, 1106.40),       # lid 2 onder b
    (30, 19, False, 1347.06, 1364.32),      # lid 1 onder c
    (19, 30, True, 1747.49, 1769.88),       # lid 2 onder c
])
def test_jongerennormen_art_20(leeftijd, partner, kind, jan, jul):
    d = hh(0, partner_loon=None if partner is None else 0, leeftijd=leeftijd, partner_leeftijd=partner)
    # born in January: the same age all year (a birthday counts from the month after it)
    d["personen"][0] = {**d["personen"][0], "leeftijd": None, "geboortedatum": f"{2026 - leeftijd}-01-01"}
    if partner is not None:
        d["personen"][1] = {**d["personen"][1], "leeftijd": None, "geboortedatum": f"{2026 - partner}-01-01"}
    d["personen"] = [{k: v for k, v in p.items() if v is not None} for p in d["personen"]]
    if kind:
        met(d, bewoner("k", "kind", 1))
    u = bereken(d)
    assert u.maandbedragen[0].tolist() == half_jaar(jan, jul)
    # 2026: the art. 20 lid 3 top-up (€ 746,45) is named, not computed
    assert any("746,45" in w for w in u.waarschuwingen(0))


def test_alleenstaande_ouder_same_norm_higher_vermogensgrens():
    # Pw art. 21 onder a (alleenstaande ouder: € 1.401,50) and art. 34 lid 3 onder b (€ 16.000, 2026)
    u = bereken(met(hh(0), bewoner("k", "kind", 4)))
    assert u.maandbedragen[0, 0] == ALLEEN_JAN_26
    assert u.details["norm_soort"][0] == 1
    assert u.feiten["vermogensgrens"][0] == 16000


def test_under_18_no_bijstand():
    # Pw art. 13 lid 1 onder f: no right to bijstand under 18
    u = bereken(hh(0, leeftijd=16))   # 16 on 1 January, 17 from July (birthday taken as 1 July)
    assert not u.recht[0] and u.jaarbedrag[0] == 0
    assert "jonger dan 18" in u.uitleg(0)[0]


def test_turning_18_in_april_gives_the_jongerennorm_from_may():
    # Born 2008-04-10: 18 from the month after the birthday; art. 20 lid 1 onder a € 345,99 / € 350,42
    d = hh(0)
    d["personen"][0] = {"id": "a", "rol": "aanvrager", "geboortedatum": "2008-04-10"}
    assert bereken(d).maandbedragen[0].tolist() == [0] * 4 + [345.99] * 2 + [350.42] * 6


# --- kostendelersnorm (art. 22a) ----------------------------------------------------------------------------
def test_kostendelersnorm_a2_and_a3():
    # art. 22a lid 1: ((40 + A × 30) / (A × 100)) × B, B = art. 21 onder b € 2.002,13 (1-1-2026):
    # A = 2: 0,50 × 2.002,13 = 1.001,065 → € 1.001,07; A = 3: (130/300) × 2.002,13 = 867,589… → € 867,59
    # 1-7-2026, B = 2.027,79: A = 2: 1.013,895 → € 1.013,90; A = 3: 878,709 → € 878,71
    a2 = bereken(met(hh(0), bewoner("m", "medebewoner", 30)))
    assert a2.maandbedragen[0].tolist() == half_jaar(1001.07, 1013.90)
    a3 = bereken(met(hh(0), bewoner("m", "medebewoner", 30), bewoner("n", "kind", 45)))
    assert a3.maandbedragen[0].tolist() == half_jaar(867.59, 878.71)
    assert a3.details["norm_zonder_kostendelers_per_maand"][0, 0] == ALLEEN_JAN_26


def test_kostendelers_are_27_or_older_children_under_27_are_not():
    # art. 19a lid 1: "de persoon van 27 jaar of ouder"; a child of 20 living at home does not count
    u = bereken(met(hh(0), bewoner("k", "kind", geboortedatum="2006-01-01"),
                    bewoner("m", "medebewoner", geboortedatum="2000-01-01")))
    assert u.maandbedragen[0, 0] == ALLEEN_JAN_26


def test_kostendelersnorm_couple_is_the_sum_of_both():
    # art. 22a lid 2: each echtgenoot the lid 1 norm with A = 1 kostendeler + 2 echtgenoten = 3: 2 × € 867,59
    u = bereken(met(hh(0, partner_loon=0), bewoner("m", "medebewoner", 50)))
    assert u.maandbedragen[0, 0] == pytest.approx(2 * 867.59)


def test_kostendelersnorm_with_a_partner_of_19():
    # art. 22a lid 3 onder b: € 345,99 plus the lid 1 norm of the echtgenoot of 21+, A = 2 kostendelers + 1 = 3:
    # 345,99 + 867,59 = € 1.213,58 (1-1-2026); 350,42 + 878,71 = € 1.229,13 (1-7-2026)
    d = met(hh(0, partner_loon=0, leeftijd=30), bewoner("m", "medebewoner", 30), bewoner("n", "medebewoner", 60))
    d["personen"][1] = {"id": "p", "rol": "partner", "geboortedatum": "2007-01-01"}
    assert bereken(d).maandbedragen[0].tolist() == half_jaar(1213.58, 1229.13)


def test_kostendelersnorm_does_not_apply_under_21():
    # art. 22a lid 1 applies to "de belanghebbende van 21 jaar of ouder": a single of 19 keeps art. 20 lid 1 onder a
    d = met(hh(0), bewoner("m", "medebewoner", 50))
    d["personen"][0] = {"id": "a", "rol": "aanvrager", "geboortedatum": "2007-01-01"}
    assert bereken(d).maandbedragen[0, 0] == 345.99


# --- income ----------------------------------------------------------------------------------------------
def test_single_with_800_net_income():
    # art. 19 lid 2: norm − inkomen = 1.401,50 − 800 = € 601,50 in January; 1.419,46 − 800 = € 619,46 in July.
    # WW is no income from work, so there is no vrijlating; here the gross WW stands in for the net income.
    d = hh(0)
    d["personen"][0]["inkomen"]["ww"] = 800
    u = bereken(d)
    assert u.maandbedragen[0].tolist() == half_jaar(601.50, 619.46)
    # the same with the net income from the inkomstenbelasting regeling: gross WW 1.000, net € 800
    d["personen"][0]["inkomen"]["ww"] = 1000
    u = bereken(d, ib=nep_ib(800.0))
    assert u.maandbedragen[0].tolist() == half_jaar(601.50, 619.46)
    assert u.feiten["inkomen_jaar"][0] == 12 * 800


def test_bijstand_received_now_is_compared_not_counted():
    d = hh(0)
    d["personen"][0]["inkomen"]["bijstand"] = 1000
    u = bereken(d)
    assert u.maandbedragen[0].tolist() == half_jaar(ALLEEN_JAN_26, ALLEEN_JUL_26)
    assert u.feiten["ontvangt_jaar"][0] == 12_000
    # with the income tax computed: gross WW 500 + bijstand 1.000; the tax says the WW alone leaves 450 net and the
    # bijstand adds 750 net. Only the WW counts (art. 31 lid 1): 1.401,50 − 450; the bijstand is compared net.
    d["personen"][0]["inkomen"]["ww"] = 500
    u = bereken(d, ib=nep_ib(450.0, bijstand_netto=750.0))
    assert u.maandbedragen[0, 0] == pytest.approx(1401.50 - 450.0)
    assert u.feiten["ontvangt_jaar"][0] == pytest.approx(12 * 750.0)
    assert any("netto € 9.000,00 na de belasting die over deze bijstand gaat" in r for r in u.uitleg(0))


def test_wga_counted_once():
    d = hh(0)
    d["personen"][0]["inkomen"]["wga"] = 500
    assert bereken(d).maandbedragen[0, 0] == pytest.approx(1401.50 - 500)
    # the WGA as the wga regeling computes it replaces inkomen.wga; it is not added to it
    wga = WgaBruto(aanvrager=np.full((1, 12), 700.0), partner=np.zeros((1, 12)))
    assert bereken(d, wga=wga).maandbedragen[0, 0] == pytest.approx(1401.50 - 700)
    # with the net income computed, the (net) WGA is inside the net income and not added again
    assert bereken(d, wga=wga, ib=nep_ib(600.0)).maandbedragen[0, 0] == pytest.approx(1401.50 - 600)


def test_without_the_income_tax_it_needs_the_bijstand_refuses_instead_of_guessing():
    # The bijstand needs the net income (declared in its registry entry): with only the WGA given it names what is
    # missing instead of counting the gross income as net.
    inv = invoer_van(hh(800))
    with pytest.raises(RegisterFout, match="'bijstand'.*'inkomstenbelasting'"):
        bijstand.bereken(inv, parameters.laad(2026), {"wga": netto_als_bruto(inv)["wga"]})


def test_partner_income_counts():
    # art. 31 lid 1: the middelen of the gezin; 2.002,13 − 300 − 400 = € 1.302,13 (WW: no vrijlating)
    d = hh(0, partner_loon=0)
    d["personen"][0]["inkomen"]["ww"] = 300
    d["personen"][1]["inkomen"]["ww"] = 400
    assert bereken(d).maandbedragen[0, 0] == pytest.approx(1302.13)


# --- vrijlatingen --------------------------------------------------------------------------------------------
def test_vrijlating_n_at_30_not_at_25():
    # art. 31 lid 2 onder n: 25% of 800 = 200 (≤ € 285, 2026) stays free for six months (assumed Jan–Jun):
    # Jan 1.401,50 − (800 − 200) = € 801,50; Jul 1.419,46 − 800 = € 619,46.
    dertig = bereken(hh(800, leeftijd=30))
    assert dertig.maandbedragen[0].tolist() == half_jaar(801.50, 619.46)
    assert any("ingaat in de eerste maand" in w for w in dertig.waarschuwingen(0))
    # lid 5: not under 27: 1.401,50 − 800 = € 601,50
    jong = bereken(hh(800, leeftijd=25))
    assert jong.maandbedragen[0].tolist() == half_jaar(601.50, 619.46)
    assert any("art. 31 lid 5" in r for r in jong.uitleg(0))


def test_vrijlating_n_is_capped():
    # 25% of 1.200 = 300 > € 285 (2026): Jan 1.401,50 − (1.200 − 285) = € 486,50
    assert bereken(hh(1200, leeftijd=40)).maandbedragen[0, 0] == pytest.approx(486.50)
    # 2025: maximum € 273,00 per 1-1-2025 (text 2025-01-01): 1.345,45 − (1.200 − 273) = € 418,45
    assert bereken(hh(1200, leeftijd=40, jaar=2025)).maandbedragen[0, 0] == pytest.approx(418.45)


def test_vrijlating_starts_with_the_first_month_of_work():
    # work from April: the six months of onder n are April–September (assumption, said in waarschuwingen)
    u = bereken(hh([0, 0, 0] + [800] * 9, leeftijd=40))
    vrij = u.details["vrijlating_per_maand"][0]
    assert vrij.tolist() == [0, 0, 0] + [200] * 6 + [0] * 3


def test_vrijlating_r_for_a_single_parent_after_six_months():
    # art. 31 lid 2 onder r: alleenstaande ouder, child under 12, after the n period: 12,5% of 800 = 100 (≤ 177,66)
    # Jul: 1.419,46 − (800 − 100) = € 719,46
    u = bereken(met(hh(800, leeftijd=35), bewoner("k", "kind", 5)))
    assert u.maandbedragen[0].tolist() == half_jaar(801.50, 719.46)


def test_vrijlating_particuliere_oudedagsvoorziening_at_aow_age():
    # art. 33 lid 5 onder a: € 26,50 (2026) of a private pension is left out at AOW age:
    # 1.564,69 − (1.200 + 100 − 26,50) = € 291,19
    d = hh(0, leeftijd=70)
    d["personen"][0]["inkomen"].update({"aow": 1200, "pensioen": 100})
    assert bereken(d).maandbedragen[0, 0] == pytest.approx(291.19)


# --- vermogen, Bbz --------------------------------------------------------------------------------------------
def test_vermogen_above_the_limit_no_bijstand():
    # art. 34 lid 3 onder a (2026): € 8.000 for an alleenstaande; € 8.001 is above it, € 8.000 is not
    boven = bereken(hh(0, vermogen=8001))
    assert not boven.recht[0] and boven.jaarbedrag[0] == 0
    assert boven.feiten["jaarbedrag_zonder_vermogenstoets"][0] == pytest.approx(6 * 1401.50 + 6 * 1419.46)
    assert boven.feiten["vermogensgrens"][0] == 8000
    assert any("hoger dan de vermogensgrens" in r for r in boven.uitleg(0))
    assert bereken(hh(0, vermogen=8000)).recht[0]
    # 2025: € 7.770 (text 2025-01-01)
    assert not bereken(hh(0, vermogen=7771, jaar=2025)).recht[0]
    # gehuwden: € 16.000 together
    assert bereken(hh(0, partner_loon=0, vermogen=15_000)).recht[0]


def test_zzp_goes_through_the_bbz():
    # winst: the Bbz 2004 route is named, not computed; the Pw norm gap is still reported:
    # Jan–Jun 1.401,50 − (500 − 25% × 500), Jul–Dec 1.419,46 − 500
    d = hh(0, leeftijd=40)
    d["personen"][0]["inkomen"]["winst"] = 500
    u = bereken(d)
    assert not u.recht[0] and u.jaarbedrag[0] == 0
    assert u.feiten["bbz_route"][0]
    assert any(r.startswith("Voor zelfstandigen loopt bijstand via het Bbz") for r in u.uitleg(0))
    assert u.feiten["tekort_tov_norm_jaar"][0] == pytest.approx(6 * (1401.50 - 375) + 6 * (1419.46 - 500))


def test_details_for_kwijtschelding():
    u = bereken(hh(0, partner_loon=0))
    assert u.details["norm_per_maand"].shape == (1, 12)
    assert u.details["norm_per_maand"][0, 0] == GEHUWD_JAN_26
    assert u.details["norm_soort"].shape == (1,)
    assert bijstand.NORM_SOORTEN[u.details["norm_soort"][0]] == "gehuwden"


# --- properties ----------------------------------------------------------------------------------------------
maandloon = st.floats(min_value=0, max_value=4_000, allow_nan=False, allow_infinity=False)
leeftijden = st.integers(min_value=16, max_value=80)
jaren = st.sampled_from([2025, 2026])


def huishouden_van(loon, partner, leeftijd, jaar, medebewoners=0, kind=False, vermogen=0.0):
    d = hh(loon, partner, jaar, vermogen, leeftijd=leeftijd, partner_leeftijd=leeftijd)
    for j in range(medebewoners):
        met(d, bewoner(f"m{j}", "medebewoner", 40))
    if kind:
        met(d, bewoner("k", "kind", 6))
    return d


@settings(max_examples=120, deadline=None)
@given(loon=maandloon, partner=st.one_of(st.none(), maandloon), leeftijd=leeftijden, jaar=jaren,
       medebewoners=st.integers(0, 2), kind=st.booleans(), extra=st.floats(min_value=1, max_value=1_000))
def test_never_negative_never_above_norm_plus_vrijlating_never_rising(loon, partner, leeftijd, jaar, medebewoners,
                                                                       kind, extra):
    d = huishouden_van(loon, partner, leeftijd, jaar, medebewoners, kind)
    u = bereken(d)
    maand, norm = u.maandbedragen[0], u.details["norm_per_maand"][0]
    assert maand.shape == (12,) and (maand >= 0).all()
    assert u.jaarbedrag[0] == pytest.approx(maand.sum())
    assert u.recht[0] == (u.jaarbedrag[0] > 0)
    # art. 19 lid 2 with art. 31 lid 2: bijstand + income ≤ norm + vrijlating (n, at most per person, or r)
    p = parameters.laad(jaar)
    vrij_max = p.per_maand("bijstand.vrijlating_arbeid_maximum") * (1 if partner is None else 2)
    inkomen = loon + (partner or 0)
    assert (maand <= norm + 0.005).all()
    assert (maand[maand > 0] + inkomen <= (norm + vrij_max)[maand > 0] + 0.01).all()
    meer = bereken(huishouden_van(loon + extra, partner, leeftijd, jaar, medebewoners, kind))
    assert (meer.maandbedragen[0] <= maand + 1e-9).all()


@settings(max_examples=40, deadline=None)
@given(rijen=st.lists(st.tuples(maandloon, st.one_of(st.none(), maandloon), leeftijden, st.integers(0, 2),
                                st.booleans(), st.floats(min_value=0, max_value=30_000)), min_size=2, max_size=6),
       jaar=jaren)
def test_many_households_at_once_equal_one_by_one(rijen, jaar):
    ds = [huishouden_van(a, p_, lft, jaar, m, k, v) for a, p_, lft, m, k, v in rijen]
    samen_inv = invoer_van(*ds)
    samen = bijstand.bereken(samen_inv, parameters.laad(jaar), netto_als_bruto(samen_inv))
    for i, d in enumerate(ds):
        los = bereken(d)
        assert np.array_equal(samen.maandbedragen[i], los.maandbedragen[0])
        assert samen.jaarbedrag[i] == los.jaarbedrag[0]
        assert samen.uitleg(i) == los.uitleg(0)
        assert samen.details["norm_soort"][i] == los.details["norm_soort"][0]
        for k in los.feiten:
            assert samen.feiten[k][i] == los.feiten[k][0], k

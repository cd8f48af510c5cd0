"""Kwijtschelding gemeentelijke belastingen: URI 1990 (BWBR0004766) art. 11-16, 28 and the gemeente's regeling.

Expected values are the law's arithmetic written out in each test:
    kosten van bestaan  = percentage × bijstandsnorm              (URI art. 16; Regeling medeoverheden art. 2)
    betalingscapaciteit = 12 × max(0, netto besteedbaar − kosten van bestaan)  (URI art. 13)
    kwijtschelding      = aanslag − vermogen boven de vrijlating − 80% × betalingscapaciteit, niet < 0   (URI art. 11)
Most tests give `eerder` small fake Uitkomsten that hand on what the kwijtschelding needs, typed as those regelingen
hand it on (InkomenNaBelasting, Bijstandsnorm; the amounts of huurtoeslag, zorgtoeslag and kinderopvangtoeslag).
Bijstandsnormen 2025/2026: Participatiewet art. 21-22 (wetten.overheid.nl/BWBR0015703, texts per 1 January and 1 July).
"""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import berekening, parameters
from checker.fouten import RegisterFout
from checker.regelingen import kwijtschelding
from checker.regelingen._uitkomst import Uitkomst
from checker.regelingen.bijstand import NORM_SOORTEN, Bijstandsnorm
from checker.regelingen.inkomstenbelasting import InkomenNaBelasting

from . import helpers
from .helpers import huishouden as hh

NORM_2026 = 1401.50            # Pw art. 21 onder a, 1-1-2026 (alleenstaande 21 jaar tot AOW-leeftijd)
NORM_2026_AOW = 1564.69        # Pw art. 22 onder a, 1-1-2026 (pensioengerechtigde alleenstaande)
NORM_2025_JAN, NORM_2025_JUL = 1345.45, 1369.06   # Pw art. 21 onder a, 1-1-2025 and 1-7-2025


# A zorgtoeslag that covers the whole premium above the normpremie: no zorgpremie uitgave (URI art. 15 onder c), for
# the tests about the other parts of the income; test_zorgpremie_above_normpremie_and_zorgtoeslag tests that part.
DEKT_ZORGPREMIE = 1_000.0


def fake(regeling: str, n: int = 1, maand=None, doorgifte=None) -> Uitkomst:
    m = np.zeros((n, 12)) if maand is None else np.broadcast_to(np.asarray(maand, dtype=float), (n, 12)).copy()
    return Uitkomst(regeling=regeling, instantie="test", maandbedragen=m, jaarbedrag=m.sum(axis=1),
                    recht=m.sum(axis=1) > 0, uitleg=lambda i: [], bronnen=lambda i: [], doorgifte=doorgifte)


def eerder(netto, norm=NORM_2026, n: int = 1, soort="alleenstaande", **meer) -> dict:
    """What the kwijtschelding needs: a net income without bijstand (per household, or per household and month), no
    bijstand received or computed, the bijstandsnorm of ``soort``, no huurtoeslag or kinderopvangtoeslag, and a
    zorgtoeslag that covers the premium; ``meer`` replaces any of them."""
    netto = np.broadcast_to(np.asarray(netto, dtype=float).reshape(-1, 1) if np.ndim(netto) == 1
                            else np.asarray(netto, dtype=float), (n, 12)).copy()
    nul = np.zeros((n, 12))
    ib = InkomenNaBelasting(verzamelinkomen=np.zeros((n, 2)), netto_per_maand=netto,
                            netto_zonder_bijstand_per_maand=netto, bijstand_netto_per_maand=nul,
                            bijstand_uit_netto=np.zeros(n, dtype=bool), bijstand_bruto_aanvrager=nul,
                            bijstand_bruto_partner=nul, bijstand_bruto_bewoners=np.zeros((n, 0, 12)))
    norm = Bijstandsnorm(per_maand=np.broadcast_to(np.asarray(norm, dtype=float), (n, 12)).copy(),
                         soort_per_maand=np.full((n, 12), NORM_SOORTEN.index(soort)))
    uit = {"inkomstenbelasting": fake("inkomstenbelasting", n, doorgifte=ib),
           "bijstand": fake("bijstand", n, doorgifte=norm), "huurtoeslag": fake("huurtoeslag", n),
           "zorgtoeslag": fake("zorgtoeslag", n, maand=DEKT_ZORGPREMIE),
           "kinderopvangtoeslag": fake("kinderopvangtoeslag", n)}
    uit.update(meer)
    return uit


invoer_van = helpers.invoer_van


def bereken(h, e, jaar=2026):
    return kwijtschelding.bereken(invoer_van(h), parameters.laad(jaar), e)


def alleenstaande(jaar=2026, aanslag=480.0, gemeente="standaard", **extra):
    return hh(0, None, jaar, gemeentelijke_belastingen=aanslag, gemeente=gemeente, **extra)


# --- URI art. 11, 13, 16 written out ---------------------------------------------------------------------------
def test_single_2026_netto_1450_has_no_kwijtschelding():
    # kosten van bestaan 90% × 1.401,50 = 1.261,35; BC = 12 × (1.450 − 1.261,35) = 12 × 188,65 = 2.263,80;
    # 80% × 2.263,80 = 1.811,04 ≥ aanslag 480 → geen kwijtschelding (URI art. 11 onder b, 13, 16)
    u = bereken(alleenstaande(), eerder(1450))
    assert u.feiten["kosten_van_bestaan_jaar"][0] == pytest.approx(12 * 1261.35)
    assert u.feiten["betalingscapaciteit"][0] == pytest.approx(2263.80)
    assert u.jaarbedrag[0] == 0 and not u.recht[0]
    assert u.maandbedragen.shape == (1, 12) and not u.maandbedragen.any()


def test_single_2026_netto_1300_gets_partial_kwijtschelding():
    # BC = 12 × (1.300 − 1.261,35) = 12 × 38,65 = 463,80; 80% = 371,04; kwijtschelding 480 − 371,04 = 108,96
    u = bereken(alleenstaande(), eerder(1300))
    assert u.feiten["betalingscapaciteit"][0] == pytest.approx(463.80)
    assert u.jaarbedrag[0] == pytest.approx(108.96)
    assert u.recht[0]
    # spread over the year for the netto overview: 108,96 / 12 = 9,08 per month, the cents rest in December
    np.testing.assert_allclose(u.maandbedragen[0], [9.08] * 11 + [108.96 - 11 * 9.08])
    assert u.feiten["marge_tot_grens"][0] == 0                    # the grant already falls with every extra euro
    assert u.feiten["marge_tot_einde"][0] == pytest.approx(108.96 / 0.8)
    assert any("URI art. 11 onder b" in r for r in u.uitleg(0))


def test_zuidplas_100_percent_norm_gives_full_kwijtschelding():
    # Zuidplas 2026 art. 2 lid 1: 100% × 1.401,50 = 1.401,50 > netto 1.300 → BC 0 → hele aanslag (URI art. 11 onder a)
    u = bereken(alleenstaande(gemeente="zuidplas"), eerder(1300))
    assert u.feiten["betalingscapaciteit"][0] == 0
    assert u.jaarbedrag[0] == pytest.approx(480.0)
    # full until 12 × (1.401,50 − 1.300) = 1.218 extra netto per year (for KWIJTSCHELDING_GRENS)
    assert u.feiten["marge_tot_grens"][0] == pytest.approx(1218.0)


def test_staphorst_norm_percentage_is_marked_unconfirmed():
    u = bereken(alleenstaande(gemeente="staphorst"), eerder(1300))
    assert u.jaarbedrag[0] == pytest.approx(480.0)       # same arithmetic as Zuidplas with the presumed 100%
    assert any("norm_percentage_bijstandsnorm" in w and "UNCONFIRMED" in w for w in u.waarschuwingen(0))


def test_twelve_month_average_with_the_july_norm_2025():
    # URI art. 13: average over 12 months. Norm 1.345,45 (jan-jun) and 1.369,06 (jul-dec): mean 1.357,255;
    # 90% = 1.221,5295; BC = 12 × (1.300 − 1.221,5295) = 941,646; 80% = 753,3168; 800 − 753,3168 = 46,68
    norm = [NORM_2025_JAN] * 6 + [NORM_2025_JUL] * 6
    u = bereken(alleenstaande(jaar=2025, aanslag=800), eerder(1300, norm=norm), jaar=2025)
    assert u.feiten["betalingscapaciteit"][0] == pytest.approx(941.646)
    assert u.jaarbedrag[0] == pytest.approx(46.68)


def test_all_or_nothing_grants_only_the_whole_aanslag():
    # A gemeente without partial kwijtschelding: only URI art. 11 onder a (no BC, no vermogen) gives anything.
    aanslag = np.array([480.0, 480.0])
    bc = np.array([463.80, 0.0])
    def bedrag(gedeeltelijk):
        return kwijtschelding.kwijtschelding_bedrag(aanslag, np.zeros(2), bc, np.full(2, 0.8), gedeeltelijk).tolist()
    assert bedrag(np.zeros(2, bool)) == [0.0, 480.0]
    assert bedrag(np.ones(2, bool)) == [108.96, 480.0]


# --- ondernemers (URI art. 28 lid 1) ---------------------------------------------------------------------------
def _zzp(gemeente):
    h = alleenstaande(gemeente=gemeente)
    h["personen"][0]["inkomen"] = {"winst": 1300}
    return h


def test_ondernemer_is_excluded_in_standaard():
    u = bereken(_zzp("standaard"), eerder(1200))
    assert not u.recht[0] and u.jaarbedrag[0] == 0
    assert u.feiten["ondernemer_uitgesloten"][0]
    assert any("URI art. 28 lid 1 onder b" in r for r in u.uitleg(0))


def test_ondernemer_is_included_in_zuidplas():
    # Zuidplas 2026 art. 4: privé-belastingen of ondernemers under URI afd. 1, 2 and 5; 1.200 < 1.401,50 → full
    u = bereken(_zzp("zuidplas"), eerder(1200))
    assert not u.feiten["ondernemer_uitgesloten"][0]
    assert u.jaarbedrag[0] == pytest.approx(480.0)


# --- vermogen (URI art. 11 onder b 1°, art. 12 lid 2 onder d) --------------------------------------------------
def test_vermogen_above_the_buffer_is_used_first():
    # netto 1.200 < 1.261,35 → BC 0. Vrijlating = kosten van bestaan 1.261,35 + woon/zorg 0.
    # vermogen 2.000: 738,65 above → ≥ 480 → nothing; zonder vermogenstoets the whole 480.
    u = bereken(alleenstaande(vermogen=2000), eerder(1200))
    assert u.feiten["vermogensgrens"][0] == pytest.approx(1261.35)
    assert u.jaarbedrag[0] == 0 and not u.recht[0]
    assert u.feiten["jaarbedrag_zonder_vermogenstoets"][0] == pytest.approx(480.0)
    # vermogen 1.500: 238,65 above the vrijlating goes to the aanslag first: 480 − 238,65 = 241,35
    u = bereken(alleenstaande(vermogen=1500), eerder(1200))
    assert u.jaarbedrag[0] == pytest.approx(241.35)
    # vermogen under the vrijlating counts for nothing
    assert bereken(alleenstaande(vermogen=1261), eerder(1200)).jaarbedrag[0] == pytest.approx(480.0)


# --- uitgaven (URI art. 15 onder b and c, art. 28 lid 3) -------------------------------------------------------
def test_netto_woonlasten_above_the_minimum_normhuur_count():
    # huur 800 − huurtoeslag 300 = 500 netto-woonlasten; above the minimum-normhuur 252,49 (Wht art. 17 lid 2, 2026):
    # 500 − 252,49 = 247,51 per month. Netto besteedbaar 1.450 − 247,51 = 1.202,49 < 1.261,35 → BC 0 → full 480.
    h = alleenstaande(wonen={"soort": "huur", "kale_huur": 800})
    u = bereken(h, eerder(1450, huurtoeslag=fake("huurtoeslag", maand=300)))
    assert u.feiten["netto_besteedbaar_jaar"][0] == pytest.approx(12 * (1450 - 247.51))
    assert u.jaarbedrag[0] == pytest.approx(480.0)
    # the vrijlating grows with the month's woonlasten: 1.261,35 + 247,51 = 1.508,86
    assert u.feiten["vermogensgrens"][0] == pytest.approx(1508.86)


def test_woonlasten_capped_at_the_maximale_huurgrens():
    # huur 1.200 without huurtoeslag: min(1.200, 932,93) − 252,49 = 680,44 (Wht art. 13 lid 1 onder a, 2026)
    p = parameters.laad(2026).lezer()
    inv = invoer_van(alleenstaande(wonen={"soort": "huur", "kale_huur": 1200}))
    np.testing.assert_allclose(kwijtschelding.netto_woonlasten_uitgave(inv, p, np.zeros((1, 12))), 680.44)


def test_zorgpremie_above_normpremie_and_zorgtoeslag():
    # Single, loon 1.300/month: toetsingsinkomen 15.600 < drempel 29.736, normpremie 1,912% × 29.736 = 568,55/yr.
    # Premium assumed = standaardpremie 2.119. Without zorgtoeslag: (2.119 − 568,55) / 12 = 129,20 per month.
    h = hh(1300, None, 2026, gemeentelijke_belastingen=480)
    p = parameters.laad(2026).lezer()
    inv = invoer_van(h)
    zonder = kwijtschelding.zorgpremie_uitgave(inv, p, {"zorgtoeslag": fake("zorgtoeslag", maand=0)})
    np.testing.assert_allclose(zonder, (2119 - 0.01912 * 29736) / 12)
    # With the full zorgtoeslag (2.119 − 568,55)/12 the premium is covered: no uitgave.
    volle = fake("zorgtoeslag", maand=(2119 - 0.01912 * 29736) / 12)
    met = kwijtschelding.zorgpremie_uitgave(inv, p, {"zorgtoeslag": volle})
    np.testing.assert_allclose(met, 0.0, atol=1e-9)


def _met_kind_in_opvang(gemeente):
    h = alleenstaande(gemeente=gemeente)
    h["personen"].append({"id": "k", "rol": "kind", "leeftijd": 2,
                          "kinderopvang": {"soort": "dagopvang", "uren_per_maand": 100, "uurprijs": 10.0}})
    return h


def test_netto_kinderopvangkosten_only_where_the_gemeente_chose_it():
    # 100 h × 10 = 1.000 − KOT 900 = 100 per month (URI art. 28 lid 3; Zuidplas 2026 art. 3).
    e = eerder(1450, kinderopvangtoeslag=fake("kinderopvangtoeslag", maand=900))
    zp = bereken(_met_kind_in_opvang("zuidplas"), e)
    assert zp.feiten["netto_besteedbaar_jaar"][0] == pytest.approx(12 * (1450 - 100))
    st_ = bereken(_met_kind_in_opvang("standaard"), e)
    assert st_.feiten["netto_besteedbaar_jaar"][0] == pytest.approx(12 * 1450)


# --- pensioengerechtigden (URI art. 16 lid 2; Regeling medeoverheden art. 3) -----------------------------------
def test_pensioner_standaard_uses_90_percent_of_the_aow_norm():
    # 90% × 1.564,69 = 1.408,221; BC = 12 × (1.500 − 1.408,221) = 1.101,348; 80% = 881,08 ≥ 480 → nothing
    u = bereken(alleenstaande(leeftijd=70), eerder(1500, norm=NORM_2026_AOW, soort="pensioengerechtigd alleenstaande"))
    assert u.feiten["betalingscapaciteit"][0] == pytest.approx(1101.348)
    assert u.jaarbedrag[0] == 0


def test_pensioner_zuidplas_uses_100_percent_of_net_aow():
    # Zuidplas art. 2 lid 2: 100% × netto AOW alleenstaande 1.558,15 (SVB 1-1-2026, grade C) > 1.500 → full
    u = bereken(alleenstaande(leeftijd=70, gemeente="zuidplas"), eerder(1500, norm=NORM_2026_AOW))
    assert u.feiten["kosten_van_bestaan_jaar"][0] == pytest.approx(12 * 1558.15)
    assert u.jaarbedrag[0] == pytest.approx(480.0)
    assert any("netto_aow_alleenstaande" in x and "zekerheid C" in x for x in u.onzekere_parameters())


# --- missing inputs ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("ontbreekt", ["inkomstenbelasting", "bijstand", "huurtoeslag", "zorgtoeslag",
                                       "kinderopvangtoeslag"])
def test_without_a_regeling_it_needs_there_is_an_error_not_a_guess(ontbreekt):
    # Every need is declared in the registry entry and met by the orchestrator; called without one, the kwijtschelding
    # names it instead of falling back on gross income, national norms or the voorschot received.
    e = eerder(1300)
    del e[ontbreekt]
    with pytest.raises(RegisterFout, match=f"'kwijtschelding'.*'{ontbreekt}'"):
        bereken(hh(1300, None, 2026, gemeentelijke_belastingen=480), e)


def test_no_aanslag_no_kwijtschelding():
    u = bereken(alleenstaande(aanslag=0), eerder(1000))
    assert not u.recht[0] and u.jaarbedrag[0] == 0


def test_gemeente_regeling_for_another_year_is_flagged():
    u = bereken(alleenstaande(jaar=2025, gemeente="zuidplas"), eerder(1300, norm=NORM_2025_JAN), jaar=2025)
    assert any("geldt voor 2026" in w for w in u.waarschuwingen(0))


# --- properties ---------------------------------------------------------------------------------------------
netto_st = st.floats(min_value=0, max_value=4000, allow_nan=False, allow_infinity=False)
gemeente_st = st.sampled_from(["standaard", "zuidplas", "staphorst"])


@settings(max_examples=150, deadline=None)
@given(netto=netto_st, extra=st.floats(min_value=0.01, max_value=1000), aanslag=st.floats(min_value=0, max_value=2000),
       vermogen=st.floats(min_value=0, max_value=20_000), gemeente=gemeente_st,
       huur=st.floats(min_value=0, max_value=1500))
def test_never_negative_never_above_aanslag_never_rising_with_income(netto, extra, aanslag, vermogen, gemeente, huur):
    h = alleenstaande(aanslag=aanslag, gemeente=gemeente, vermogen=vermogen, wonen={"soort": "huur", "kale_huur": huur})
    laag = bereken(h, eerder(netto))
    hoog = bereken(h, eerder(netto + extra))
    for u in (laag, hoog):
        assert 0 <= u.jaarbedrag[0] <= aanslag + 1e-9
        assert u.maandbedragen.shape == (1, 12) and (u.maandbedragen >= 0).all()
        assert u.maandbedragen.sum() == pytest.approx(u.jaarbedrag[0])
        assert u.recht[0] == (u.jaarbedrag[0] > 0)
        assert u.feiten["jaarbedrag_zonder_vermogenstoets"][0] >= u.jaarbedrag[0]
    assert hoog.jaarbedrag[0] <= laag.jaarbedrag[0]


@settings(max_examples=40, deadline=None)
@given(rijen=st.lists(st.tuples(netto_st, gemeente_st, st.floats(min_value=0, max_value=5000), st.booleans()),
                      min_size=2, max_size=6))
def test_many_households_at_once_equal_one_by_one(rijen):
    hs = []
    for netto, gemeente, vermogen, zzp in rijen:
        h = alleenstaande(gemeente=gemeente, vermogen=vermogen)
        if zzp:
            h["personen"][0]["inkomen"] = {"winst": 500}
        hs.append(h)
    n = len(hs)
    netto = np.array([r[0] for r in rijen])
    samen = kwijtschelding.bereken(invoer_van(*hs), parameters.laad(2026), eerder(netto, n=n))
    for i, h in enumerate(hs):
        los = bereken(h, eerder(netto[i]))
        assert samen.jaarbedrag[i] == los.jaarbedrag[0]
        assert np.array_equal(samen.maandbedragen[i], los.maandbedragen[0])
        assert samen.uitleg(i) == los.uitleg(0)


# --- end to end, as the orchestrator computes it ----------------------------------------------------------------
@pytest.mark.parametrize("gemeente", ["standaard", "zuidplas", "staphorst"])
@pytest.mark.parametrize("jaar", [2025, 2026])
def test_end_to_end_with_the_regelingen_it_needs(gemeente, jaar):
    h = hh(0, None, jaar, gemeentelijke_belastingen=480, gemeente=gemeente,
           wonen={"soort": "huur", "kale_huur": 700})
    u = berekening.bereken(invoer_van(h), parameters.laad(jaar)).regelingen["kwijtschelding"]
    assert 0 <= u.jaarbedrag[0] <= 480 and u.maandbedragen.shape == (1, 12)
    assert u.uitleg(0) and u.bronnen(0)
    if gemeente in ("zuidplas", "staphorst"):
        # Without other income the household lives on bijstand (= the norm); at 100% of the norm there is no
        # betalingscapaciteit, so the whole aanslag is kwijtgescholden (URI art. 11 onder a).
        assert u.jaarbedrag[0] == pytest.approx(480.0)


def test_extra_financiele_middelen_by_household_type():
    # Regeling medeoverheden art. 4 lets a gemeente raise the art. 12 lid 2 d vrijlating, e.g. per type
    # (Hoogheemraadschap Hollands Noorderkwartier: alleenstaande 1.500, alleenstaande ouder 1.800, echtgenoten
    # 2.000).
    class Tabel:
        def per_gemeente(self, sleutel):
            yield np.array([True, True, True, False]), {"alleenstaande": 1500, "alleenstaande_ouder": 1800,
                                                        "echtgenoten": 2000}
            yield np.array([False, False, False, True]), 250
    typen = np.array([0, 1, 2, 2])
    assert kwijtschelding.extra_vrijlating(Tabel(), typen).tolist() == [1500, 1800, 2000, 250]

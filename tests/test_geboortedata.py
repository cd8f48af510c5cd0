"""Birth dates with their day: from which month a birth or a birthday counts, per regeling, from the law's text.

Each regeling's own month rule, as its text (per 2026-01-01, wetten.overheid.nl via MinBZK/regelrecht-corpus) says:

- AKW art. 7 lid 1, 11 lid 2, 12 lid 3: the right over a quarter, and its amount, follow the child's age "op de
  eerste dag van dat kwartaal": a child born on 1 April is born on the first day of the 2nd quarter and counts for
  it; born on 2 April it counts from the 3rd; a 6th, 12th or 18th birthday on the first day of a quarter counts
  for that quarter.
- Awir art. 5: "een wijziging in de omstandigheden en van de leeftijd van de belanghebbende, de partner of een
  medebewoner die zich voordoet na de eerste dag van de maand, [wordt] in aanmerking genomen vanaf de eerste dag
  van de daaropvolgende maand": a change on the first day counts from that month (huurtoeslag, kinderopvangtoeslag).
- Wkgb art. 2 lid 1: "met ingang van de kalendermaand na de maand waarin het kind is geboren ... tot en met de
  kalendermaand waarin het kind de leeftijd van 18 jaar bereikt"; lid 3 and 5: "met ingang van de kalendermaand na
  de maand waarin dat kind de leeftijd van 12 [16] jaar heeft bereikt": the month after, even on the 1st.
- Wzt art. 1 lid 1 onder c: a verzekerde "steeds vanaf de eerste dag van de kalendermaand volgende op de maand
  waarin hij achttien jaar wordt": the month after, even on the 1st.
- Wet IB 2001 art. 8.14a lid 1 onder b: a child that "bij de aanvang van het kalenderjaar" is younger than 12 and
  at least six months of the year at the address.
- Participatiewet: no month rule; an age counts from the day. samenloop counts whole months as on their first day
  and says so for the month of a birthday after the 1st.
- AOW art. 7a: the pensioengerechtigde leeftijd, 67 in 2026 (rules/parameters/2026/minimumloon.yaml), is reached
  on the birthday; in years and months for later birth years.

Amounts: AKW art. 12 lid 3 (2026: 295,07 / 358,30 / 421,53 from 1 January, 298,40 / 362,35 / 426,29 from 1 July);
Wkgb art. 2 lid 2-6 (2026: 2.580 per child, 724 for 12-15, 964 for 16-17, 3.416 alleenstaande-ouderkop);
Participatiewet art. 20-22 (2026: 345,99 / 350,42; 1.401,50 / 1.419,46; 1.564,69 / 1.587,34).
"""
from __future__ import annotations


import numpy as np
import pytest

from checker import check, invoer, parameters
from checker.regelingen import (bijstand, inkomstenbelasting, kinderbijslag, kinderopvangtoeslag,
                                kindgebonden_budget, kwijtschelding, smi, zorgtoeslag)
from checker.regelingen._uitkomst import Uitkomst

from .helpers import netto_als_bruto

from . import helpers
from .helpers import twaalf

JAAR = 2026
KB_H1 = (295.07, 358.30, 421.53)   # AKW art. 12 lid 3 onder a, b, c, per 1 januari 2026
KB_H2 = (298.40, 362.35, 426.29)   # per 1 juli 2026 (art. 13 lid 4)


def huis(kinderen=(), *, aanvrager=None, ti: int = 20_000, peildatum: str = "2026-06-15", **extra) -> dict:
    """A single parent (or person) with a toetsingsinkomen ``ti``; ``kinderen``: birth dates or the fields of each
    child; ``aanvrager`` replaces fields of the aanvrager (None removes one)."""
    a = helpers.persoon("a", "aanvrager", ti)
    if aanvrager:
        a = {k: v for k, v in {**a, **aanvrager}.items() if v is not None}
    kinderen = [helpers.kind(f"k{j}", k) if isinstance(k, str) else helpers.kind(f"k{j}", **k)
                for j, k in enumerate(kinderen)]
    return helpers.huis(a, *kinderen, jaar=JAAR, naam="geboortedata", peildatum=peildatum, **extra)


inv_van = helpers.invoer_van


P = parameters.laad(JAAR)


def kwartalen(maandbedragen: np.ndarray) -> list[float]:
    return [round(float(maandbedragen[3 * q:3 * q + 3].sum()), 2) for q in range(4)]


# --- the day is kept ----------------------------------------------------------------------------------------------
def test_birth_dates_keep_year_month_and_day_through_the_arrays():
    inv = inv_van(huis(["2026-04-01", "2020-07-02"], aanvrager={"leeftijd": None, "geboortedatum": "1986-12-31"}))
    assert inv.geboren_aanvrager[0].tolist() == [1986, 12, 31]
    assert inv.bewoner_geboren[0].tolist() == [[2026, 4, 1], [2020, 7, 2]]


def test_leeftijd_only_is_taken_as_born_on_1_july():
    # contract: leeftijd is the age on 1 January of jaar; samenloop then takes 1 July of the year before as the
    # birthday (documented in the README): 5 on 1 January 2026 → born 1 July 2020.
    inv = inv_van(huis([{"leeftijd": 5}]))
    assert inv.bewoner_geboren[0, 0].tolist() == [2020, 7, 1]


# --- kinderbijslag: the first day of the quarter (AKW art. 7, 11, 12) --------------------------------------------
@pytest.mark.parametrize("geboren, verwacht", [
    # born on the first day of a quarter: born on that day, so the right exists over that quarter (art. 11 lid 2)
    ("2026-04-01", [0.0, KB_H1[0], KB_H2[0], KB_H2[0]]),
    # born the day after: not born on 1 April, so from the 3rd quarter
    ("2026-04-02", [0.0, 0.0, KB_H2[0], KB_H2[0]]),
    ("2026-01-01", [KB_H1[0], KB_H1[0], KB_H2[0], KB_H2[0]]),
    # 6 on 1 July: 6 on the first day of the 3rd quarter → 6-11 amount from that quarter (art. 12 lid 3 onder b)
    ("2020-07-01", [KB_H1[0], KB_H1[0], KB_H2[1], KB_H2[1]]),
    # 6 on 2 July: still 5 on 1 July → the higher amount from 1 October
    ("2020-07-02", [KB_H1[0], KB_H1[0], KB_H2[0], KB_H2[1]]),
    # 12 on 1 October → 12-17 amount for the 4th quarter (onder c); on 2 October not yet
    ("2014-10-01", [KB_H1[1], KB_H1[1], KB_H2[1], KB_H2[2]]),
    ("2014-10-02", [KB_H1[1], KB_H1[1], KB_H2[1], KB_H2[1]]),
    # 18 on 1 July: not younger than 18 on the first day of the 3rd quarter (art. 7 lid 1) → ends after Q2
    ("2008-07-01", [KB_H1[2], KB_H1[2], 0.0, 0.0]),
    # 18 on 2 July: 17 on 1 July → the 3rd quarter still counts
    ("2008-07-02", [KB_H1[2], KB_H1[2], KB_H2[2], 0.0]),
])
def test_kinderbijslag_by_the_age_on_the_first_day_of_the_quarter(geboren, verwacht):
    u = kinderbijslag.bereken(inv_van(huis([geboren])), P, {})
    assert kwartalen(u.maandbedragen[0]) == pytest.approx(verwacht, abs=0.005)
    assert u.jaarbedrag[0] == pytest.approx(sum(verwacht), abs=0.005)


def test_kinderbijslag_explanation_names_the_date_of_birth():
    u = kinderbijslag.bereken(inv_van(huis(["2026-04-01"])), P, {})
    assert any("geboren 1 april 2026" in r and "2e kwartaal € 295,07" in r for r in u.uitleg(0))


def test_kinderbijslag_leeftijd_only_counts_the_assumed_1_july_birthday_from_the_third_quarter():
    # leeftijd 5 → born 1 July 2020 (assumed) → 6 on 1 July 2026: the same as the date written out
    u = kinderbijslag.bereken(inv_van(huis([{"leeftijd": 5}])), P, {})
    assert kwartalen(u.maandbedragen[0]) == pytest.approx([KB_H1[0], KB_H1[0], KB_H2[1], KB_H2[1]], abs=0.005)


# --- kindgebonden budget: the month after, whatever the day (Wkgb art. 2 lid 1, 3, 5) ----------------------------
def kgb(*huizen):
    inv = inv_van(*huizen)
    return kindgebonden_budget.bereken(inv, P, {"kinderbijslag": kinderbijslag.bereken(inv, P, {})})


def test_kgb_child_born_on_the_first_counts_from_the_next_month():
    # born 1 June 2026: "met ingang van de kalendermaand na de maand waarin het kind is geboren" → from July, although
    # Awir art. 5 alone would count a birth on the 1st from June. Single, TI 20.000 (below the drempel):
    # 2.580 + 3.416 = 5.996 per year, 499,67 a month; 6 × 5.996 / 12 = 2.998.
    u = kgb(huis(["2026-06-01"]))
    assert not u.maandbedragen[0, :6].any()
    assert u.maandbedragen[0, 6:] == pytest.approx([round(5996 / 12, 2)] * 6)
    assert u.jaarbedrag[0] == 2998


def test_kgb_12_on_the_first_supplement_from_the_next_month():
    # born 1 March 2014: 12 on 1 March 2026 → the 724 supplement "met ingang van de kalendermaand na de maand waarin
    # dat kind de leeftijd van 12 jaar heeft bereikt": from April. Jan-Mar 5.996 / 12, Apr-Dec (5.996 + 724) / 12.
    u = kgb(huis(["2014-03-01"]))
    assert u.maandbedragen[0, :3] == pytest.approx([round(5996 / 12, 2)] * 3)
    assert u.maandbedragen[0, 3:] == pytest.approx([round(6720 / 12, 2)] * 9)


@pytest.mark.parametrize("geboren", ["2008-10-01", "2008-10-02"])
def test_kgb_runs_up_to_and_including_the_month_of_the_18th_birthday(geboren):
    # 18 in October 2026: aanspraak "tot en met de kalendermaand waarin het kind de leeftijd van 18 jaar bereikt",
    # with the 16-17 supplement: (5.996 + 964) / 12 = 580 a month, January-October; also when the birthday is on
    # 1 October, when there is no kinderbijslag over the 4th quarter any more (AKW art. 7 lid 1, 11 lid 2).
    u = kgb(huis([geboren]))
    assert u.maandbedragen[0, :10] == pytest.approx([580.0] * 10)
    assert not u.maandbedragen[0, 10:].any()
    assert u.jaarbedrag[0] == 5800


# --- zorgtoeslag: the month after the 18th birthday (Wzt art. 1 lid 1 onder c) --------------------------------------
@pytest.mark.parametrize("geboren", ["2008-03-01", "2008-03-31"])
def test_zorgtoeslag_verzekerde_from_the_month_after_the_18th_birthday_even_on_the_first(geboren):
    inv = inv_van(huis(aanvrager={"leeftijd": None, "geboortedatum": geboren}))
    verzekerde = zorgtoeslag.verzekerde_per_maand(inv.geboren_aanvrager, inv.verzekerd_aanvrager, JAAR, 18)[0]
    assert verzekerde.tolist() == [False] * 3 + [True] * 9


# --- huurtoeslag: Awir art. 5 ------------------------------------------------------------------------------------
def huur(geboren_aanvrager: str, kinderen=()) -> dict:
    return huis(kinderen, aanvrager={"leeftijd": None, "geboortedatum": geboren_aanvrager}, ti=12_000,
                wonen={"soort": "huur", "kale_huur": 450})


@pytest.mark.parametrize("geboren, eerste_maand", [("2008-03-01", 2), ("2008-03-02", 3)])
def test_huurtoeslag_an_18th_birthday_on_the_first_counts_from_that_month(geboren, eerste_maand):
    # Wht art. 8 (only a meerderjarige huurder); Awir art. 5: 18 on 1 March → from March; on 2 March → from April
    u = check(huur(geboren))["regelingen"]["huurtoeslag"]
    maanden = np.array(u["maandbedragen"])
    assert not maanden[:eerste_maand].any() and (maanden[eerste_maand:] > 0).all()


@pytest.mark.parametrize("geboren, eerste_maand", [("2005-05-01", 4), ("2005-05-02", 5)])
def test_huurtoeslag_jongerengrens_by_awir_art_5(geboren, eerste_maand):
    # Wht art. 13 lid 1 (text 2026): the ordinary maximale huurgrens once the huurder is "21 jaar of ouder", else
    # € 498,20 (onder b); 21 on 1 May → from May, on 2 May → from June (Awir art. 5).
    assert P.waarde("huurtoeslag.leeftijd_jongerengrens") == 21
    from checker.regelingen import huurtoeslag
    u = huurtoeslag.bereken(inv_van(huur(geboren)), P, {})
    gewoon, jongeren = P.waarde("huurtoeslag.maximale_huurgrens"), P.waarde("huurtoeslag.maximale_huurgrens_jongeren")
    assert u.details["maximale_huurgrens"][0].tolist() == [jongeren] * eerste_maand + [gewoon] * (12 - eerste_maand)


@pytest.mark.parametrize("geboren, eerste_maand", [("2026-06-01", 5), ("2026-06-02", 6), ("2026-06-10", 6)])
def test_huurtoeslag_a_child_lives_in_from_awir_art_5(geboren, eerste_maand):
    from checker.regelingen import huurtoeslag
    aanwezig, leeftijd = huurtoeslag.bewoners_per_maand(inv_van(huur("1990-01-01", [geboren])))
    assert aanwezig[0, 0].tolist() == [False] * eerste_maand + [True] * (12 - eerste_maand)
    assert (leeftijd[0, 0, eerste_maand:] == 0).all()


# --- bijstand: the day itself, counted as whole months on their first day --------------------------------------------
def bijstand_van(geboren: str, kinderen=()):
    h = huis(kinderen, aanvrager={"leeftijd": None, "geboortedatum": geboren, "inkomen": {}}, ti=0)
    inv = inv_van(h)
    return bijstand.bereken(inv, P, netto_als_bruto(inv))


def test_bijstand_21_on_the_first_adult_norm_from_that_month():
    # born 1 March 2005: 21 on 1 March 2026. Art. 20 lid 1 onder a € 345,99 in January and February, art. 21 onder a
    # € 1.401,50 from March (€ 1.419,46 from 1 July).
    u = bijstand_van("2005-03-01")
    assert u.maandbedragen[0].tolist() == [345.99] * 2 + [1401.50] * 4 + [1419.46] * 6
    assert not any("eerste dag" in w for w in u.waarschuwingen(0))


def test_bijstand_21_on_the_second_counted_from_the_next_month_with_a_warning():
    # born 2 March 2005: the Participatiewet counts from 2 March; samenloop counts March as on 1 March (20 years)
    # and says so for March.
    u = bijstand_van("2005-03-02")
    assert u.maandbedragen[0].tolist() == [345.99] * 3 + [1401.50] * 3 + [1419.46] * 6
    assert any("In mrt" in w and "eerste dag" in w for w in u.waarschuwingen(0))


@pytest.mark.parametrize("geboren, eerste_maand", [("1959-03-01", 2), ("1959-03-02", 3)])
def test_bijstand_aow_age_reached_on_the_birthday(geboren, eerste_maand):
    # AOW art. 7a: 67 in 2026; art. 22 onder a € 1.564,69 (€ 1.587,34 from 1 July) once reached, art. 21 onder a
    # € 1.401,50 before.
    u = bijstand_van(geboren)
    verwacht = [1401.50] * eerste_maand + [1564.69] * (6 - eerste_maand) + [1587.34] * 6
    assert u.maandbedragen[0].tolist() == verwacht


def test_aow_age_in_years_and_months_is_reached_on_the_day():
    # An AOW age of 67 years and 3 months (as AOW art. 7a sets for later birth years): born 15 January 1961 →
    # reached on 15 April 2028, so it counts from May; born 1 January 1961 → 1 April 2028, so from April.
    geboren = np.array([[1961, 1, 15], [1961, 1, 1]])
    bereikt = invoer.bereikt_op_eerste_dag(geboren, 2028, 67.25)
    assert bereikt[0].tolist() == [False] * 4 + [True] * 8
    assert bereikt[1].tolist() == [False] * 3 + [True] * 9


def test_kwijtschelding_pensioengerechtigd_on_the_birthday():
    inv = inv_van(huis(aanvrager={"leeftijd": None, "geboortedatum": "1959-03-01"}),
                  huis(aanvrager={"leeftijd": None, "geboortedatum": "1959-03-02"}))
    pg = kwijtschelding.pensioengerechtigd(inv, P.waarde("algemeen.aow_leeftijd"))
    assert pg[0].tolist() == [False] * 2 + [True] * 10
    assert pg[1].tolist() == [False] * 3 + [True] * 9


# --- inkomstenbelasting ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("geboren, telt", [
    ("2026-07-01", True),    # 1 July - 31 December: six months at the address (art. 8.14a lid 1 onder b)
    ("2026-07-02", False),   # less than six months
    ("2014-01-01", False),   # 12 on 1 January: "bij de aanvang van het kalenderjaar" 12 reached
    ("2014-01-02", True),    # still 11 on 1 January
])
def test_iack_child_under_12_at_the_start_of_the_year_and_six_months(geboren, telt):
    assert bool(inkomstenbelasting.kind_jonger_dan_12(inv_van(huis([geboren])), P.lezer())[0]) is telt


def test_aow_age_at_the_start_of_the_year_when_reached_on_1_january():
    inv = inv_van(huis(aanvrager={"leeftijd": None, "geboortedatum": "1959-01-01"}),
                  huis(aanvrager={"leeftijd": None, "geboortedatum": "1959-01-02"}))
    status = inkomstenbelasting.leeftijdsstatus(inv.geboren_aanvrager, JAAR, P.lezer())
    assert status.aow_begin_jaar.tolist() == [True, False]


# --- no child before its birth, no bso before school age --------------------------------------------------------
def dagopvang(geboren: str, soort: str = "dagopvang") -> dict:
    return {"geboortedatum": geboren, "kinderopvang": {"soort": soort, "uren_per_maand": 100, "uurprijs": 9.0}}


def kot(*kinderen):
    h = huis(kinderen, aanvrager={"activiteiten": [{"soort": "werk", "van": "2025-01-01"}]}, ti=30_000)
    return kinderopvangtoeslag.bereken(inv_van(h), P, {})


@pytest.mark.parametrize("geboren, eerste_maand", [("2026-06-10", 6), ("2026-06-01", 5), ("2026-12-31", 12)])
def test_kinderopvangtoeslag_only_from_the_month_the_child_counts(geboren, eerste_maand):
    # a child born 10 June counts from July (Awir art. 5), born 1 June from June; the file's opvang in the months
    # before gives no kinderopvangtoeslag, and a Dutch warning says so
    u = kot(dagopvang(geboren))
    assert not u.maandbedragen[0, :eerste_maand].any()
    assert (u.maandbedragen[0, eerste_maand:] > 0).all()
    tekst = " ".join(u.waarschuwingen(0))
    assert "Awir art. 5" in tekst and "tellen niet mee" in tekst
    assert f"kinderopvang in {'jan–' if eerste_maand > 1 else ''}" in tekst


def test_kinderopvangtoeslag_no_warning_when_the_opvang_starts_after_the_birth():
    uren = [0] * 7 + [100] * 5
    u = kot({"geboortedatum": "2026-06-10", "kinderopvang": {"soort": "dagopvang", "uren_per_maand": uren,
                                                              "uurprijs": 9.0}})
    assert (u.maandbedragen[0, 7:] > 0).all()
    assert not any("Awir art. 5" in w for w in u.waarschuwingen(0))


@pytest.mark.parametrize("geboren, eerste_maand", [("2022-09-15", 9), ("2022-09-01", 8)])
def test_bso_from_school_age(geboren, eerste_maand):
    # Wko art. 1.1: buitenschoolse opvang is for children "in de leeftijd dat ze naar het basisonderwijs kunnen
    # gaan"; WPO art. 39 lid 1: admitted at 4. 4 on 15 September → from October (Awir art. 5); on 1 September →
    # from September.
    u = kot(dagopvang(geboren, "bso"))
    assert not u.maandbedragen[0, :eerste_maand].any()
    assert (u.maandbedragen[0, eerste_maand:] > 0).all()
    assert any("buitenschoolse opvang" in w and "nog geen 4 jaar" in w for w in u.waarschuwingen(0))


def test_no_regeling_counts_a_child_before_its_birth():
    geboren = "2026-06-10"
    h = huis([dagopvang(geboren)], ti=0, peildatum="2026-03-15",
             aanvrager={"activiteiten": [{"soort": "werk", "van": "2025-01-01"}]})
    inv = inv_van(h)
    # kinderbijslag: not born on 1 April or 1 July? born 10 June → first from the 3rd quarter
    kb = kinderbijslag.bereken(inv, P, {})
    assert kwartalen(kb.maandbedragen[0]) == pytest.approx([0, 0, KB_H2[0], KB_H2[0]], abs=0.005)
    # kindgebonden budget from July (the month after the birth)
    assert not kgb(h).maandbedragen[0, :6].any()
    # bijstand: an alleenstaande until the child is there, an alleenstaande ouder from July
    soort = bijstand.bereken(inv, P, netto_als_bruto(inv)).details["norm_soort_per_maand"][0]
    assert soort.tolist() == [0] * 6 + [1] * 6
    # kwijtschelding: on the peildatum (March) the child is not yet born → alleenstaande, not alleenstaande ouder;
    # childcare costs only from the month the child counts
    assert kwijtschelding.huishoudtype(inv)[0] == 0
    geen_toeslag = Uitkomst(regeling="kinderopvangtoeslag", instantie="test", maandbedragen=np.zeros((1, 12)),
                            jaarbedrag=np.zeros(1), recht=np.zeros(1, dtype=bool), uitleg=lambda i: [],
                            bronnen=lambda i: [])
    kosten = kwijtschelding.netto_kinderopvangkosten(inv, {"kinderopvangtoeslag": geen_toeslag})[0]
    assert not kosten[:6].any() and (kosten[6:] == 900).all()
    # the household's net income subtracts childcare costs only from the month the child is there
    from checker import berekening
    opvang = berekening.kinderopvangkosten(inv)[0]
    assert not opvang[:6].any() and (opvang[6:] == 900).all()
    # SMI: no child in childcare before it counts
    beleid = np.array([12])
    assert not smi.kinderen_in_opvang(inv, beleid)[0, 0, :6].any()


@pytest.mark.parametrize("geboren, telt", [("2003-01-01", 10_000.0), ("2003-01-02", 10_000.0 - 6_218.0)])
def test_huurtoeslag_child_medebewoner_23_at_the_start_of_the_year(geboren, telt):
    # Awir art. 7 lid 6 (text 2026): the income of a child "die bij de aanvang van het berekeningsjaar de leeftijd van
    # 23 jaar niet heeft bereikt" counts only above € 6.218. 23 on 1 January 2026 → reached at the start: all of the
    # 10.000 counts; 23 on 2 January → 10.000 − 6.218 = 3.782.
    from checker.regelingen import huurtoeslag
    h = huur("1970-01-01", [{"geboortedatum": geboren, "inkomen": {"loon": twaalf(10_000)}}])
    inv = inv_van(h)
    aanwezig, leeftijd = huurtoeslag.bewoners_per_maand(inv)
    per_bewoner, _ = huurtoeslag.toetsingsinkomen_medebewoners(inv, aanwezig, leeftijd, P.lezer())
    assert per_bewoner[0, 0] == pytest.approx(telt)

"""Kindgebonden budget 2025 and 2026 against published maxima and the law's arithmetic.

The law (Wet op het kindgebonden budget, BWBR0022751, art. 1 lid 4 and art. 2; texts per 2025-01-01 and
2026-01-01 in MinBZK/regelrecht-corpus, read as wetten.overheid.nl/BWBR0022751/<datum>), written out:

    som  = 1st child + each further child (lid 2)
         + per child 12-15 (from the month after the 12th birthday, lid 3-4) + per child 16-17 (lid 5)
         + alleenstaande-ouderkop without partner (lid 6)
    single:   som − afbouw × max(0, TI − drempelinkomen)                          (lid 7)
    partners: som − afbouw × max(0, TI − (drempelinkomen + add-on))               (lid 8)
    per month 1/12 (lid 11), for children with kinderbijslag from the month after birth up to and including
    the month of the 18th birthday (lid 1); nothing above the vermogensgrens (art. 1 lid 4);
    the year rounded to whole euros and nothing below € 24 (Awir art. 14 lid 4-5).

                      per kind  12-15  16-17  ALO-kop  drempel  add-on  afbouw  vermogen single / partners
    2025               2.511    703    936    3.389    28.406   9.139   7,10%   141.896 / 179.429
    2026               2.580    724    964    3.416    29.736   9.405   7,60%   146.011 / 184.633

Published figures reproduced: Dienst Toeslagen, "Berekening kindgebonden budget 2026" (tg0811z61fd, as transcribed
in a public third-party calculator, grade B): maximum 1 kind alleenstaande ouder € 5.996, 2 kinderen € 8.576. For
2025 no official example was found; the 2025 checks are the law's arithmetic.
"""
from __future__ import annotations

import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import huishouden, invoer, parameters
from checker.fouten import RegisterFout
from checker.regelingen import kindgebonden_budget, kinderbijslag
from checker.regelingen._uitkomst import Uitkomst
from . import helpers
from .helpers import assert_samen_gelijk_aan_los


def huis(jaar: int, kinderen: list[str], ti: int = 0, partner_ti: int | None = None, vermogen: float = 0.0,
         medebewoners: list[str] = (), ontvangt: float = 0.0) -> dict:
    """A parent with toetsingsinkomen ``ti`` (and a partner with ``partner_ti``), children and medebewoners by
    birth date."""
    personen = [helpers.persoon("a", "aanvrager", ti)]
    if partner_ti is not None:
        personen.append(helpers.persoon("p", "partner", partner_ti))
    personen += [helpers.kind(f"k{j}", g) for j, g in enumerate(kinderen)]
    personen += [helpers.persoon(f"m{j}", "medebewoner", geboortedatum=g) for j, g in enumerate(medebewoners)]
    return helpers.huis(*personen, jaar=jaar, naam="kgb", vermogen=vermogen, ontvangt={"kindgebonden_budget": ontvangt})


def bereken(*huizen: dict, eerder: dict | None = None):
    hs = [huishouden.valideer(h) for h in huizen]
    inv = invoer.uit_huishoudens(hs)
    p = parameters.laad(hs[0].jaar)
    if eerder is None:
        eerder = {"kinderbijslag": kinderbijslag.bereken(inv, p, {})}
    return kindgebonden_budget.bereken(inv, p, eerder)


def awir_jaar(exact: float) -> int:
    """Awir art. 14 lid 4 (rounded to whole euros, half up) and lid 5 (nothing below € 24)."""
    afgerond = math.floor(exact + 0.5)
    return afgerond if afgerond >= 24 else 0


# ---------------------------------------------------------------------------------------------------
# Published maxima 2026 (Dienst Toeslagen, Berekening kindgebonden budget 2026, tg0811z61fd)
# ---------------------------------------------------------------------------------------------------
def test_2026_maximum_one_child_single_parent_is_5996():
    # 2.580 + 3.416 = 5.996 (TI 20.000 is below the drempel 29.736: no afbouw); child 8 years all year.
    u = bereken(huis(2026, ["2017-11-20"], ti=20_000))
    assert u.jaarbedrag[0] == 5996
    assert u.maandbedragen[0] == pytest.approx(np.full(12, round(5996 / 12, 2)))


def test_2026_maximum_two_children_single_parent_is_8576():
    # 2 × 2.580 + 3.416 = 8.576; both children under 12 all year.
    u = bereken(huis(2026, ["2017-11-20", "2020-03-03"], ti=20_000))
    assert u.jaarbedrag[0] == 8576


# ---------------------------------------------------------------------------------------------------
# Law-derived checks 2025 and 2026 (arithmetic of Wkgb art. 2, not an official example)
# ---------------------------------------------------------------------------------------------------
def test_2025_partners_two_children_under_12_ti_45000():
    # 2 × 2.511 = 5.022; drempel 28.406 + 9.139 = 37.545;
    # 5.022 − 0,071 × (45.000 − 37.545) = 5.022 − 529,305 = 4.492,695 → € 4.493 per jaar; per maand 374,39 → € 374
    u = bereken(huis(2025, ["2016-11-01", "2019-11-01"], ti=45_000, partner_ti=0))
    exact = 5022 - 0.071 * (45_000 - 37_545)
    assert exact == pytest.approx(4492.695)
    assert u.jaarbedrag[0] == awir_jaar(exact) == 4493
    assert math.floor(u.maandbedragen[0, 0]) == 374
    assert u.maandbedragen[0, 0] == pytest.approx(exact / 12, abs=0.005)


def test_2025_single_parent_one_child_aged_8_ti_30000():
    # 2.511 + 3.389 = 5.900; 5.900 − 0,071 × (30.000 − 28.406) = 5.900 − 113,174 = 5.786,826 → € 5.787; € 482 per maand
    u = bereken(huis(2025, ["2016-11-01"], ti=30_000))
    exact = 5900 - 0.071 * (30_000 - 28_406)
    assert u.jaarbedrag[0] == awir_jaar(exact) == 5787
    assert math.floor(u.maandbedragen[0, 0]) == 482


def test_2026_partners_one_child_aged_14_ti_50000():
    # (2.580 + 724) − 0,076 × (50.000 − (29.736 + 9.405)) = 3.304 − 0,076 × 10.859 = 3.304 − 825,284 = 2.478,716 → 2.479
    u = bereken(huis(2026, ["2011-11-11"], ti=30_000, partner_ti=20_000))
    exact = 3304 - 0.076 * (50_000 - 39_141)
    assert u.jaarbedrag[0] == awir_jaar(exact) == 2479


def test_2026_single_parent_child_16_ti_35000():
    # (2.580 + 964 + 3.416) − 0,076 × (35.000 − 29.736) = 6.960 − 400,064 = 6.559,936 → 6.560
    u = bereken(huis(2026, ["2009-12-20"], ti=35_000))
    assert u.jaarbedrag[0] == awir_jaar(6960 - 0.076 * (35_000 - 29_736)) == 6560


def test_income_so_high_that_nothing_is_left():
    # partners, 1 child under 12, 2026: 2.580 − 0,076 × (80.000 − 39.141) = 2.580 − 3.105,28 < 0 → 0
    u = bereken(huis(2026, ["2018-11-01"], ti=80_000, partner_ti=0))
    assert u.jaarbedrag[0] == 0 and not u.recht[0] and not u.maandbedragen.any()


def test_awir_minimum_of_24_euro():
    # partners, 1 child under 12, 2026:
    #   TI 72.775: 2.580 − 0,076 × 33.634 = 2.580 − 2.556,184 = 23,816 → rounds to 24 → paid (Awir art. 14 lid 4-5)
    #   TI 72.781: 2.580 − 0,076 × 33.640 = 2.580 − 2.556,64 = 23,36 → rounds to 23 → nothing
    net_wel = bereken(huis(2026, ["2018-11-01"], ti=72_775, partner_ti=0))
    net_niet = bereken(huis(2026, ["2018-11-01"], ti=72_781, partner_ti=0))
    assert net_wel.jaarbedrag[0] == awir_jaar(2580 - 0.076 * 33_634) == 24
    assert net_niet.jaarbedrag[0] == awir_jaar(2580 - 0.076 * 33_640) == 0
    assert not net_niet.recht[0]


# ---------------------------------------------------------------------------------------------------
# Per month: birthdays and births (art. 2 lid 1, 3, 5, 11; Awir art. 5)
# ---------------------------------------------------------------------------------------------------
def test_child_turning_12_mid_year_supplement_from_the_month_after():
    # 2026, single, TI 20.000 (no afbouw); born 2014-05-10: supplement from June (art. 2 lid 3).
    #   jan-mei: (2.580 + 3.416) / 12 = 499,67 ; jun-dec: (2.580 + 724 + 3.416) / 12 = 560
    #   year: (5 × 5.996 + 7 × 6.720) / 12 = 77.020 / 12 = 6.418,33 → 6.418
    u = bereken(huis(2026, ["2014-05-10"], ti=20_000))
    assert u.maandbedragen[0, :5] == pytest.approx([5996 / 12] * 5, abs=0.005)
    assert u.maandbedragen[0, 5:] == pytest.approx([6720 / 12] * 7, abs=0.005)
    assert u.jaarbedrag[0] == awir_jaar((5 * 5996 + 7 * 6720) / 12) == 6418


def test_child_turning_18_mid_year_up_to_and_including_the_birthday_month():
    # 2026, single, TI 20.000; born 2008-08-20 (16-17 supplement): jan-aug (2.580 + 964 + 3.416) / 12 = 580;
    # nothing from September (art. 2 lid 1: "tot en met de kalendermaand waarin het kind de leeftijd van 18 jaar
    # bereikt"), although kinderbijslag runs to the end of the quarter. Year 8 × 580 = 4.640.
    u = bereken(huis(2026, ["2008-08-20"], ti=20_000))
    assert u.maandbedragen[0, :8] == pytest.approx([580.0] * 8)
    assert not u.maandbedragen[0, 8:].any()
    assert u.jaarbedrag[0] == 4640


def test_child_turning_16_supplement_changes_from_the_month_after():
    # 2025, single, TI 20.000; born 2009-03-15: 12-15 supplement jan-mrt, 16-17 from April (art. 2 lid 5)
    #   jan-mrt (2.511 + 703 + 3.389) = 6.603 ; apr-dec (2.511 + 936 + 3.389) = 6.836
    #   year (3 × 6.603 + 9 × 6.836) / 12 = (19.809 + 61.524) / 12 = 6.777,75 → 6.778
    u = bereken(huis(2025, ["2009-03-15"], ti=20_000))
    assert u.maandbedragen[0, 0] == pytest.approx(6603 / 12, abs=0.005)
    assert u.maandbedragen[0, 3] == pytest.approx(6836 / 12, abs=0.005)
    assert u.jaarbedrag[0] == awir_jaar((3 * 6603 + 9 * 6836) / 12) == 6778


def test_newborn_counts_from_the_month_after_birth():
    # 2026, single, TI 20.000, born 2026-02-15: kindgebonden budget from March (art. 2 lid 1), although the
    # kinderbijslag starts only in the 2nd quarter (AKW art. 11 lid 2). 10 × 5.996 / 12 = 4.996,67 → 4.997
    u = bereken(huis(2026, ["2026-02-15"], ti=20_000))
    assert not u.maandbedragen[0, :2].any()
    assert u.maandbedragen[0, 2:] == pytest.approx([5996 / 12] * 10, abs=0.005)
    assert u.jaarbedrag[0] == awir_jaar(10 * 5996 / 12) == 4997
    assert any("pasgeboren" in r for r in u.uitleg(0))


# ---------------------------------------------------------------------------------------------------
# Vermogen (art. 1 lid 4)
# ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("jaar, partner, grens", [(2025, False, 141_896), (2025, True, 179_429),
                                                    (2026, False, 146_011), (2026, True, 184_633)])
def test_vermogen_above_the_limit_ends_the_right(jaar, partner, grens):
    kind = [f"{jaar - 8}-11-11"]
    p_ti = 0 if partner else None
    op = bereken(huis(jaar, kind, ti=20_000, partner_ti=p_ti, vermogen=grens))
    boven = bereken(huis(jaar, kind, ti=20_000, partner_ti=p_ti, vermogen=grens + 1))
    assert op.jaarbedrag[0] > 0                     # "meer bedraagt dan": equal to the limit still counts
    assert boven.jaarbedrag[0] == 0 and not boven.recht[0] and not boven.maandbedragen.any()
    assert boven.feiten["vermogensgrens"][0] == grens
    assert boven.feiten["jaarbedrag_zonder_vermogenstoets"][0] == op.jaarbedrag[0]
    assert any("hoger dan de grens" in r for r in boven.uitleg(0))


def test_kgb_limit_is_not_the_general_awir_limit():
    # 2026 single: € 50.000 is above the Awir huurtoeslag limit (€ 38.479) but below the KGB limit (€ 146.011).
    u = bereken(huis(2026, ["2017-11-20"], ti=20_000, vermogen=50_000))
    assert u.jaarbedrag[0] == 5996


# ---------------------------------------------------------------------------------------------------
# Which children count
# ---------------------------------------------------------------------------------------------------
def test_no_kinderbijslag_no_kindgebonden_budget():
    # a child of 18 all year (born 2007-05) and a medebewoner of 10: neither has kinderbijslag
    u = bereken(huis(2026, ["2007-05-05"], ti=10_000, medebewoners=["2016-01-01"]))
    assert u.jaarbedrag[0] == 0 and not u.recht[0]
    assert "Geen kindgebonden budget" in u.uitleg(0)[0]


def test_uses_the_kinderbijslag_details_from_before():
    h = huis(2026, ["2017-11-20"], ti=20_000)
    inv = invoer.uit_huishoudens([huishouden.valideer(h)])
    p = parameters.laad(2026)
    kb = kinderbijslag.bereken(inv, p, {})
    assert kindgebonden_budget.bereken(inv, p, {"kinderbijslag": kb}).jaarbedrag[0] == 5996
    geen = kinderbijslag.KinderbijslagPerKind(per_kind=np.zeros_like(kb.doorgifte.per_kind))
    nep = Uitkomst(regeling="kinderbijslag", instantie="SVB", maandbedragen=kb.maandbedragen,
                   jaarbedrag=kb.jaarbedrag, recht=kb.recht, uitleg=kb.uitleg, bronnen=kb.bronnen, doorgifte=geen)
    assert kindgebonden_budget.bereken(inv, p, {"kinderbijslag": nep}).jaarbedrag[0] == 0
    # without the kinderbijslag it needs, the module names it instead of computing it itself
    with pytest.raises(RegisterFout, match="'kindgebonden_budget'.*'kinderbijslag'"):
        kindgebonden_budget.bereken(inv, p, {})


def test_feiten_and_explanation_lines():
    u = bereken(huis(2026, ["2014-05-10", "2026-02-15"], ti=32_000, ontvangt=100))
    assert u.feiten["ontvangt_jaar"][0] == 1200
    assert u.feiten["toetsingsinkomen"][0] == 32_000
    for regel in u.uitleg(0):
        assert re.search(r"\((AKW|Wkgb|Awir) art\.[^()]*\)\.$", regel), regel
    # the drempelinkomen is grade B (the Dienst's rounding): the result says so
    assert any("kindgebonden_budget.drempelinkomen" in w for w in u.onzekere_parameters())


# ---------------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------------
jaren = st.sampled_from([2025, 2026])
jaarinkomen = st.integers(min_value=0, max_value=150_000)
kindjaren = st.lists(st.tuples(st.integers(0, 19), st.integers(1, 12)), min_size=0, max_size=4)


def kinderen_van(jaar, lijst):
    return [f"{jaar - leeftijd}-{maand:02d}-15" for leeftijd, maand in lijst]


@settings(max_examples=120, deadline=None)
@given(jaar=jaren, ti=jaarinkomen, partner=st.one_of(st.none(), jaarinkomen), kinderen=kindjaren,
       extra=st.integers(min_value=1, max_value=20_000), vermogen=st.floats(0, 300_000))
def test_never_negative_never_rising_with_income(jaar, ti, partner, kinderen, extra, vermogen):
    ks = kinderen_van(jaar, kinderen)
    laag = bereken(huis(jaar, ks, ti=ti, partner_ti=partner, vermogen=vermogen))
    hoog = bereken(huis(jaar, ks, ti=ti + extra, partner_ti=partner, vermogen=vermogen))
    for u in (laag, hoog):
        assert u.maandbedragen.shape == (1, 12)
        assert (u.maandbedragen >= 0).all() and u.jaarbedrag[0] >= 0
        assert bool(u.recht[0]) == (u.jaarbedrag[0] > 0)
        # months and year agree up to the rounding of the annual amount (Awir art. 14 lid 4)
        assert abs(u.maandbedragen[0].sum() - u.jaarbedrag[0]) <= 0.5 + 0.06
    assert hoog.jaarbedrag[0] <= laag.jaarbedrag[0]
    assert (hoog.maandbedragen[0] <= laag.maandbedragen[0] + 1e-9).all()


@settings(max_examples=30, deadline=None)
@given(jaar=jaren, gezinnen=st.lists(st.tuples(jaarinkomen, st.one_of(st.none(), jaarinkomen), kindjaren),
                                     min_size=2, max_size=6))
def test_many_households_at_once_equal_one_by_one(jaar, gezinnen):
    huizen = [huis(jaar, kinderen_van(jaar, k), ti=ti, partner_ti=p) for ti, p, k in gezinnen]
    assert_samen_gelijk_aan_los(bereken(*huizen), [bereken(h) for h in huizen])


def test_explanation_names_the_age_bands_of_the_parameters():
    # the age bands in the text come from the parameters, so a reform of them reads right
    h = huishouden.valideer(huis(2026, ["2010-03-10"], ti=20_000))  # 15 in 2026 (16 in March)
    inv = invoer.uit_huishoudens([h])
    for grens, verwacht in ((16, "12 t/m 15 jaar"), (15, "van 15 t/m 17 jaar")):
        p = parameters.laad(2026).met_wijzigingen({"kindgebonden_budget.leeftijd_verhoging_16": grens})
        uitleg = " ".join(kindgebonden_budget.bereken(inv, p, {"kinderbijslag": kinderbijslag.bereken(inv, p, {})})
                          .uitleg(0))
        assert verwacht in uitleg, uitleg

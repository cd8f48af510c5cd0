"""Kinderbijslag 2025 and 2026 against the amounts in the Algemene Kinderbijslagwet (AKW, BWBR0002368).

Expected values are the quarter amounts of AKW art. 12 lid 3 as the law text states them (harvests of
wetten.overheid.nl/BWBR0002368 per 2025-01-01, 2025-07-01, 2026-01-01 and 2026-07-01 in
MinBZK/regelrecht-corpus; the same amounts as the Sociale Verzekeringsbank publishes on svb.nl), with the law's
rules written out in each test:

    right over a quarter for a child that on its first day is born and younger than 18 (art. 7 lid 1, 11 lid 2)
    amount by the age on that first day (art. 12 lid 3):

                          <6       6-11     12-17
        2025 Q1-Q2     286,45   347,83   409,21      (from 1-1-2025)
        2025 Q3-Q4     291,49   353,95   416,41      (from 1-7-2025, art. 13 lid 4)
        2026 Q1-Q2     295,07   358,30   421,53      (from 1-1-2026)
        2026 Q3-Q4     298,40   362,35   426,29      (from 1-7-2026)

    shown as one third of the quarter amount in each month of the quarter.
"""
from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import huishouden, invoer, parameters
from checker.regelingen import kinderbijslag
from . import helpers
from .helpers import assert_samen_gelijk_aan_los

# AKW art. 12 lid 3, per half year: (jonger dan 6, 6 tot 12, 12 tot 18)
AKW = {
    2025: {"H1": (286.45, 347.83, 409.21), "H2": (291.49, 353.95, 416.41)},
    2026: {"H1": (295.07, 358.30, 421.53), "H2": (298.40, 362.35, 426.29)},
}


def huis(jaar: int, kinderen: list[str], loon: float = 2500.0, vermogen: float = 0.0,
         medebewoners: list[str] = ()) -> dict:
    """A parent with this loon per month, children and medebewoners by birth date."""
    personen = [helpers.persoon("a", "aanvrager", inkomen={"loon": loon})]
    personen += [helpers.kind(f"k{j}", g) for j, g in enumerate(kinderen)]
    personen += [helpers.persoon(f"m{j}", "medebewoner", geboortedatum=g) for j, g in enumerate(medebewoners)]
    return helpers.huis(*personen, jaar=jaar, naam="kb", vermogen=vermogen)


def bereken(*huizen: dict):
    hs = [huishouden.valideer(h) for h in huizen]
    jaar = hs[0].jaar
    return kinderbijslag.bereken(invoer.uit_huishoudens(hs), parameters.laad(jaar), {})


def kwartalen(u, i=0) -> list[float]:
    """The four quarter amounts back from the monthly thirds."""
    return [round(float(u.maandbedragen[i, 3 * q:3 * q + 3].sum()), 2) for q in range(4)]


# ---------------------------------------------------------------------------------------------------
# One child in each age group, whole year (AKW art. 12 lid 3 onder a, b, c)
# ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("jaar", [2025, 2026])
@pytest.mark.parametrize("groep, geboren_jaren_terug", [(0, 3), (1, 8), (2, 14)])
def test_amount_per_quarter_by_age_group(jaar, groep, geboren_jaren_terug):
    # Born in November: the age on 1 Jan, 1 Apr, 1 Jul and 1 Oct is the same all year (3, 8 or 14 years
    # minus one), so the child stays in one group; the amount changes only on 1 July (art. 13 lid 4).
    geboren = f"{jaar - geboren_jaren_terug}-11-20"
    u = bereken(huis(jaar, [geboren]))
    h1, h2 = AKW[jaar]["H1"][groep], AKW[jaar]["H2"][groep]
    assert kwartalen(u) == pytest.approx([h1, h1, h2, h2], abs=0.005)
    assert u.jaarbedrag[0] == pytest.approx(2 * h1 + 2 * h2, abs=0.005)
    # one third of the quarter amount in each month of the quarter
    assert u.maandbedragen[0, 0] == pytest.approx(h1 / 3) and u.maandbedragen[0, 11] == pytest.approx(h2 / 3)
    assert bool(u.recht[0])


def test_2026_three_children_written_out():
    # 2026; children born 2022-10-05 (3 on 1 Jan), 2017-12-01 (8), 2012-11-30 (13): every quarter
    #   Q1/Q2: 295,07 + 358,30 + 421,53 = 1.074,90 ; Q3/Q4: 298,40 + 362,35 + 426,29 = 1.087,04
    #   year: 2 × 1.074,90 + 2 × 1.087,04 = 4.323,88
    u = bereken(huis(2026, ["2022-10-05", "2017-12-01", "2012-11-30"]))
    assert kwartalen(u) == pytest.approx([1074.90, 1074.90, 1087.04, 1087.04], abs=0.005)
    assert u.jaarbedrag[0] == pytest.approx(4323.88, abs=0.005)


def test_2025_two_children_written_out():
    # 2025; children born 2021-09-09 (3 on 1 Jan 2025) and 2010-12-12 (14):
    #   Q1/Q2: 286,45 + 409,21 = 695,66 ; Q3/Q4: 291,49 + 416,41 = 707,90 ; year 2 × 695,66 + 2 × 707,90 = 2.807,12
    u = bereken(huis(2025, ["2021-09-09", "2010-12-12"]))
    assert kwartalen(u) == pytest.approx([695.66, 695.66, 707.90, 707.90], abs=0.005)
    assert u.jaarbedrag[0] == pytest.approx(2807.12, abs=0.005)


# ---------------------------------------------------------------------------------------------------
# Age on the first day of the quarter (AKW art. 11 lid 2, art. 12 lid 3)
# ---------------------------------------------------------------------------------------------------
def test_child_turning_12_mid_year_changes_group_from_the_next_quarter():
    # Born 2014-05-10: 11 on 1 Jan and 1 Apr 2026, 12 on 1 Jul and 1 Oct 2026.
    #   Q1 358,30 (6-11), Q2 358,30, Q3 426,29 (12-17, amount from 1 July), Q4 426,29 → 1.569,18
    u = bereken(huis(2026, ["2014-05-10"]))
    assert kwartalen(u) == pytest.approx([358.30, 358.30, 426.29, 426.29], abs=0.005)
    assert u.jaarbedrag[0] == pytest.approx(1569.18, abs=0.005)


def test_child_turning_6_in_the_first_month_of_a_quarter_counts_from_the_next_quarter():
    # Born 2019-04-15: on 1 April 2025 still 5 (birthday on the 15th), on 1 July 6.
    #   2025: Q1 286,45, Q2 286,45, Q3 353,95, Q4 353,95 → 1.280,80
    u = bereken(huis(2025, ["2019-04-15"]))
    assert kwartalen(u) == pytest.approx([286.45, 286.45, 353.95, 353.95], abs=0.005)
    assert u.jaarbedrag[0] == pytest.approx(1280.80, abs=0.005)


def test_child_turning_18_mid_year_keeps_the_quarter_it_started_in():
    # Born 2008-08-20: 17 on 1 Jan, 1 Apr and 1 Jul 2026, 18 on 1 Oct 2026 (art. 7 lid 1: younger than 18).
    #   Q1 421,53, Q2 421,53, Q3 426,29, Q4 nothing → 1.269,35
    u = bereken(huis(2026, ["2008-08-20"]))
    assert kwartalen(u) == pytest.approx([421.53, 421.53, 426.29, 0.0], abs=0.005)
    assert u.jaarbedrag[0] == pytest.approx(1269.35, abs=0.005)
    kind = u.details["kinderbijslag_kind"][0, 0]
    assert kind[:9].all() and not kind[9:].any()


def test_child_turning_18_in_the_first_quarter_2025():
    # Born 2007-02-03: 17 on 1 January 2025 → Q1 409,21; 18 on 1 April → nothing after.
    u = bereken(huis(2025, ["2007-02-03"]))
    assert kwartalen(u) == pytest.approx([409.21, 0, 0, 0], abs=0.005)


def test_newborn_from_the_quarter_after_the_birth():
    # Born 2026-02-15: not born on 1 January → nothing over Q1; 0 years on 1 April → 295,07;
    #   Q3/Q4 298,40 each → 295,07 + 2 × 298,40 = 891,87
    u = bereken(huis(2026, ["2026-02-15"]))
    assert kwartalen(u) == pytest.approx([0.0, 295.07, 298.40, 298.40], abs=0.005)
    assert u.jaarbedrag[0] == pytest.approx(891.87, abs=0.005)
    assert not u.details["kinderbijslag_kind"][0, 0, :3].any()


# ---------------------------------------------------------------------------------------------------
# Who counts; no income or vermogen test; warnings
# ---------------------------------------------------------------------------------------------------
def test_no_children_no_kinderbijslag():
    u = bereken(huis(2026, [], medebewoners=["2012-01-01"]))   # a medebewoner of 14 is no kind (rol kind)
    assert u.jaarbedrag[0] == 0 and not u.recht[0] and not u.maandbedragen.any()
    assert "Geen kinderbijslag" in u.uitleg(0)[0]


def test_not_income_or_vermogen_tested():
    # AKW has no income or vermogen test: the same amount at any income and vermogen.
    arm = bereken(huis(2026, ["2018-03-01"], loon=0, vermogen=0))
    rijk = bereken(huis(2026, ["2018-03-01"], loon=20_000, vermogen=2_000_000))
    assert arm.jaarbedrag[0] == rijk.jaarbedrag[0] > 0
    # born March 2018: 7 on 1 Jan, 8 after → group 6-11 all year: 2 × 358,30 + 2 × 362,35 = 1.441,30
    assert arm.jaarbedrag[0] == pytest.approx(1441.30, abs=0.005)


def test_warning_for_a_child_of_16_or_17_and_not_otherwise():
    met = bereken(huis(2026, ["2009-11-01"]))          # 16 all year
    zonder = bereken(huis(2026, ["2015-11-01"]))       # 10 all year
    assert any("art. 7 lid 2" in w for w in met.waarschuwingen(0))
    assert not any("art. 7 lid 2" in w for w in zonder.waarschuwingen(0))


def test_every_explanation_line_cites_an_article():
    u = bereken(huis(2026, ["2014-05-10", "2026-02-15"]))
    for regel in u.uitleg(0):
        assert re.search(r"\((AKW|Wkgb|Awir) art\.[^()]*\)\.$", regel), regel
    assert u.bronnen(0) and u.onzekere_parameters() == []   # all parameters are grade A


def test_details_shape_for_kindgebonden_budget():
    u = bereken(huis(2026, ["2014-05-10", "2008-08-20"]), huis(2026, ["2020-06-06"]))
    d = u.details["kinderbijslag_kind"]
    assert d.shape == (2, 2, 12) and d.dtype == bool
    assert not d[1, 1].any()   # the second household has one child: the padded slot has no right


# ---------------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------------
geboortedata = st.dates(min_value=date(2005, 1, 1), max_value=date(2026, 12, 31))
jaren = st.sampled_from([2025, 2026])


@settings(max_examples=80, deadline=None)
@given(jaar=jaren, data=st.lists(geboortedata, min_size=0, max_size=4), loon=st.floats(0, 10_000))
def test_never_negative_twelve_months_and_year_is_the_sum(jaar, data, loon):
    kinderen = [d.isoformat() for d in data if d.year <= jaar]
    u = bereken(huis(jaar, kinderen, loon=loon))
    assert u.maandbedragen.shape == (1, 12)
    assert (u.maandbedragen >= 0).all() and u.jaarbedrag[0] >= 0
    assert u.maandbedragen[0].sum() == pytest.approx(u.jaarbedrag[0], abs=0.01)
    # each quarter is at most the highest amount per child (12-17, from 1 July) times the children
    assert (u.maandbedragen[0] * 3 <= len(kinderen) * AKW[jaar]["H2"][2] + 1e-9).all()
    assert bool(u.recht[0]) == (u.jaarbedrag[0] > 0)


@settings(max_examples=30, deadline=None)
@given(jaar=jaren, gezinnen=st.lists(st.lists(geboortedata, max_size=3), min_size=2, max_size=6))
def test_many_households_at_once_equal_one_by_one(jaar, gezinnen):
    huizen = [huis(jaar, [d.isoformat() for d in g if d.year <= jaar]) for g in gezinnen]
    assert_samen_gelijk_aan_los(bereken(*huizen), [bereken(h) for h in huizen])

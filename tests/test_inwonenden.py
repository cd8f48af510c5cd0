"""Adult children at home and medebewoners claim zorgtoeslag in their own name (checker/populatie/inwonenden.py).

Expected amounts are the law's arithmetic written out (Wzt art. 2 lid 1-3; Awir art. 14 lid 4), with the 2026 values
Dienst Toeslagen publishes: standaardpremie € 2.119 (Stcrt. 2025, 40022), drempelinkomen € 29.736 (leaflet
"Berekening zorgtoeslag 2026", TG 082-1Z61FD), 1,912% of the drempelinkomen and 13,73% above it for a single person
(Stb. 2025, 412). A person without a toeslagpartner is a one-person toeslaghuishouden (Awir art. 3), and a verzekerde
from the month after the 18th birthday (Wzt art. 1 lid 1 onder c).
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pytest

from checker import check, parameters
from checker.populatie import inwonenden
from tests.helpers import huis, invoer_van, kind, persoon, twaalf

STANDAARDPREMIE, DREMPEL, PCT_DREMPEL, PCT_BOVEN = 2119, 29736, 0.01912, 0.1373


def wet(toetsingsinkomen: float, maanden: int = 12) -> int:
    """Wzt art. 2 lid 1-3 for a single verzekerde, over ``maanden`` months, rounded (Awir art. 14 lid 4)."""
    normpremie = PCT_DREMPEL * DREMPEL + PCT_BOVEN * max(0.0, toetsingsinkomen - DREMPEL)
    jaar = max(0.0, STANDAARDPREMIE - normpremie) * maanden / 12
    return int(Decimal(str(round(jaar, 6))).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


P2026 = parameters.laad(2026)
GEEN_NIET_GEBRUIK = {"zorgtoeslag": 0.0}


def gezin() -> dict:
    """Parents with a good wage; a student of 20 with a side job, a child turning 18 on 20 May 2026 with a holiday
    job, a child of 10; and (in a second household) a medebewoner of 30 earning above the drempelinkomen."""
    return huis(persoon("a", "aanvrager", 60000, leeftijd=50), persoon("p", "partner", 30000, leeftijd=48),
                kind("s", "2005-09-01", inkomen={"loon": twaalf(12000)}),
                kind("j", "2008-05-20", inkomen={"loon": twaalf(6000)}),
                kind("k", leeftijd=10))


def samenwonend() -> dict:
    return huis(persoon("a", "aanvrager", 30000, leeftijd=35),
                persoon("m", "medebewoner", 35000, leeftijd=30))


def test_each_adult_bewoner_gets_the_zorgtoeslag_of_a_single_on_his_own_income():
    inv = invoer_van(gezin(), samenwonend())
    trekking = np.ones(inv.bewoner_aanwezig.shape)
    uit = inwonenden.bereken(inv, P2026, trekking, GEEN_NIET_GEBRUIK)
    # the student all year; the 18-year-old from June (7 months); the child of 10 never; the medebewoner all year
    verwacht_gezin = wet(12000) + wet(6000, maanden=7)
    assert wet(12000) == 1550 and wet(6000, maanden=7) == 904 and wet(35000) == 828   # the arithmetic itself
    assert uit.recht["zorgtoeslag"].tolist() == [verwacht_gezin, wet(35000)]
    assert uit.uitgaven["zorgtoeslag"].tolist() == [verwacht_gezin, wet(35000)]
    assert uit.met_recht["zorgtoeslag"].tolist() == [2, 1]
    assert uit.ontvangers["zorgtoeslag"].tolist() == [2, 1]


def test_who_counts_is_the_adult_bewoners_only():
    inv = invoer_van(gezin())
    assert inwonenden.meerderjarig(inv, P2026)[0, :3].tolist() == [True, True, False]


def test_a_bewoner_who_leaves_it_unclaimed_has_the_right_but_is_paid_nothing():
    inv = invoer_van(gezin())
    trekking = np.ones(inv.bewoner_aanwezig.shape)
    trekking[0, 0] = 0.05                       # the student draws below a niet-gebruik of 10%
    uit = inwonenden.bereken(inv, P2026, trekking, {"zorgtoeslag": 0.10})
    assert uit.recht["zorgtoeslag"][0] == wet(12000) + wet(6000, maanden=7)
    assert uit.uitgaven["zorgtoeslag"][0] == wet(6000, maanden=7)
    assert (uit.met_recht["zorgtoeslag"][0], uit.ontvangers["zorgtoeslag"][0]) == (2, 1)


def test_a_household_without_adult_bewoners_adds_nothing():
    inv = invoer_van(huis(persoon("a", "aanvrager", 20000), kind("k", leeftijd=4)))
    uit = inwonenden.bereken(inv, P2026, np.ones(inv.bewoner_aanwezig.shape), GEEN_NIET_GEBRUIK)
    delen = (uit.recht, uit.uitgaven, uit.met_recht, uit.ontvangers)
    assert all(v.tolist() == [0.0] for d in delen for v in d.values())


@pytest.mark.parametrize("jaarloon", [0, 9000, 29736, 33000, 38000, 45000])
def test_the_same_as_that_person_checked_as_a_household_of_his_own(jaarloon):
    # the one-person household the population builds for a bewoner gives what samenloop check gives that person alone
    inv = invoer_van(huis(persoon("a", "aanvrager", 40000, leeftijd=52),
                          kind("s", "2004-02-10", inkomen={"loon": twaalf(jaarloon)})))
    uit = inwonenden.bereken(inv, P2026, np.ones(inv.bewoner_aanwezig.shape), GEEN_NIET_GEBRUIK)
    alleen = check(huis(persoon("s", "aanvrager", jaarloon, geboortedatum="2004-02-10"), peildatum="2026-06-15"))
    assert uit.recht["zorgtoeslag"][0] == alleen["regelingen"]["zorgtoeslag"]["jaarbedrag"] == wet(jaarloon)

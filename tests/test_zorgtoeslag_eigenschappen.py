"""Invariants of zorgtoeslag over many households (hypothesis), and the vectorised path."""
import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import check, huishouden, invoer, parameters
from checker.regelingen import zorgtoeslag

from .helpers import huishouden as hh

maandloon = st.floats(min_value=0, max_value=12_000, allow_nan=False, allow_infinity=False)
jaren = st.sampled_from([2025, 2026])


@settings(max_examples=150, deadline=None)
@given(loon=maandloon, partner=st.one_of(st.none(), maandloon), jaar=jaren,
       vermogen=st.floats(min_value=0, max_value=300_000), extra=st.floats(min_value=1, max_value=2_000))
def test_never_negative_never_rising_with_income(loon, partner, jaar, vermogen, extra):
    laag = check(hh(loon, partner, jaar, vermogen))["regelingen"]["zorgtoeslag"]
    hoog = check(hh(loon + extra, partner, jaar, vermogen))["regelingen"]["zorgtoeslag"]
    for r in (laag, hoog):
        assert r["jaarbedrag"] >= 0 and min(r["maandbedragen"]) >= 0
        assert len(r["maandbedragen"]) == 12
        assert r["recht"] == (r["jaarbedrag"] > 0)
        # months and year agree up to the rounding of the annual amount (Awir art. 14 lid 4)
        assert abs(sum(r["maandbedragen"]) - r["jaarbedrag"]) <= 0.5 + 0.06
    assert hoog["jaarbedrag"] <= laag["jaarbedrag"]


@settings(max_examples=60, deadline=None)
@given(loon=maandloon, jaar=jaren, meer=st.floats(min_value=1, max_value=100_000))
def test_more_vermogen_never_more_toeslag(loon, jaar, meer):
    a = check(hh(loon, None, jaar, 100_000))["regelingen"]["zorgtoeslag"]["jaarbedrag"]
    b = check(hh(loon, None, jaar, 100_000 + meer))["regelingen"]["zorgtoeslag"]["jaarbedrag"]
    assert b <= a


@settings(max_examples=40, deadline=None)
@given(lonen=st.lists(st.tuples(maandloon, st.one_of(st.none(), maandloon)), min_size=2, max_size=8), jaar=jaren)
def test_many_households_at_once_equal_one_by_one(lonen, jaar):
    hs = [huishouden.valideer(hh(a, p, jaar)) for a, p in lonen]
    samen = zorgtoeslag.bereken(invoer.uit_huishoudens(hs), parameters.laad(jaar))
    for i, h in enumerate(hs):
        los = zorgtoeslag.bereken(invoer.uit_huishoudens([h]), parameters.laad(jaar))
        assert samen.jaarbedrag[i] == los.jaarbedrag[0]
        assert np.array_equal(samen.maandbedragen[i], los.maandbedragen[0])
        assert samen.uitleg(i) == los.uitleg(0)


def test_turning_18_gives_right_from_the_month_after_the_birthday():
    # Wzt art. 1 lid 1 onder c: verzekerde from the first day of the month after the month of the 18th birthday.
    h = hh(1000, None, 2026)
    h["personen"][0] = {"id": "a", "rol": "aanvrager", "geboortedatum": "2008-04-10", "inkomen": {"loon": 1000}}
    maanden = check(h)["regelingen"]["zorgtoeslag"]["maandbedragen"]
    assert maanden[:4] == [0, 0, 0, 0] and all(m > 0 for m in maanden[4:])
    # 8 months × the single maximum for 2026 (TI 12.000 is below the drempel): (2119 − 1,912% × 29.736) × 8/12
    verwacht = round((2119 - 0.01912 * 29736) * 8 / 12)
    assert check(h)["regelingen"]["zorgtoeslag"]["jaarbedrag"] == verwacht


def test_reform_raising_standaardpremie_by_100_gives_100_more_below_the_drempel():
    # Wzt art. 2 lid 1: toeslag = standaardpremie − normpremie; below the drempel the normpremie is fixed.
    h = invoer.uit_huishoudens([huishouden.valideer(hh(1000, None, 2026))])
    basis = zorgtoeslag.bereken(h, parameters.laad(2026))
    meer = zorgtoeslag.bereken(h, parameters.laad(2026, {"zorgtoeslag.standaardpremie": 2219}))
    assert meer.jaarbedrag[0] - basis.jaarbedrag[0] == 100

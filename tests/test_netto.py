"""Netto besteedbaar inkomen: the sum of its parts, never above gross income plus benefits."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker import check
from checker.regelingen.register import standaard

from .helpers import huishouden as hh

UITKERINGEN = standaard().bovenop_netto   # paid on top of the net income after tax (the registry says which)


@settings(max_examples=60, deadline=None)
@given(loon=st.integers(0, 8000), partner=st.one_of(st.none(), st.integers(0, 5000)),
       huur=st.integers(0, 1200), kinderen=st.integers(0, 2), jaar=st.sampled_from([2025, 2026]))
def test_netto_is_the_sum_of_its_parts_and_at_most_gross_plus_benefits(loon, partner, huur, kinderen, jaar):
    h = hh(loon, partner, jaar, wonen={"soort": "huur", "kale_huur": huur}, gemeentelijke_belastingen=400)
    for k in range(kinderen):
        h["personen"].append({"id": f"k{k}", "rol": "kind", "geboortedatum": f"{jaar - 3 - 4 * k}-05-01"})
    uit = check(h)
    n = uit["netto_besteedbaar_inkomen"]
    # each part and each month is rounded to cents in the JSON: allow half a cent per term
    assert n["jaarbedrag"] == pytest.approx(sum(n["onderdelen"].values()), abs=0.005 * len(n["onderdelen"]) + 0.001)
    assert n["jaarbedrag"] == pytest.approx(sum(n["maandbedragen"]), abs=0.005 * 12 + 0.001)
    bruto = 12 * (loon + (partner or 0))
    uitkeringen = sum(uit["regelingen"][k]["jaarbedrag"] for k in UITKERINGEN)
    assert n["jaarbedrag"] <= bruto + uitkeringen + 0.05
    assert n["onderdelen"]["netto_inkomen"] <= bruto + 0.05


def test_netto_of_a_single_on_loon_written_out():
    # 2026, loon 2.000 a month (24.000 a year), no partner, no children, koopwoning, no gemeentelijke belastingen:
    # tax = 35,75% × 24.000 − AHK − AK (Wet IB 2001 art. 2.10, 8.10, 8.11; premies AOW/Anw/Wlz included),
    # AHK = 3.115 (verzamelinkomen below 29.736), AK = 996 + 31,009% × (24.000 − 11.965) = 4.727,93.
    # zorgtoeslag = 2.119 − 1,912% × 29.736 = 1.550,45 → 1.550 (Wzt art. 2; TI below the drempel).
    belasting = 0.3575 * 24000 - 3115 - (996 + 0.31009 * (24000 - 11965))
    uit = check(hh(2000, wonen={"soort": "koop"}))
    assert uit["regelingen"]["inkomstenbelasting"]["jaarbedrag"] == pytest.approx(belasting, abs=1)
    assert uit["netto_besteedbaar_inkomen"]["jaarbedrag"] == pytest.approx(24000 - belasting + 1550, abs=1)

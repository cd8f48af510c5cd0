"""Zorgtoeslag 2025 and 2026 against official published figures and the law's arithmetic.

Every expected value below comes either from a published Dienst Toeslagen / Belastingdienst
figure (named at the test) or from the arithmetic of the Wet op de zorgtoeslag (Wzt) and the
Awir written out in this file. None of them comes from running the checker.

The law's arithmetic (Wzt art. 2; Awir art. 14 lid 4 and 5):

    normpremie = pct_drempel x drempelinkomen + pct_boven x max(0, TI - drempelinkomen)
    toeslag    = standaardpremie (x 2 with a toeslagpartner) - normpremie
                 (x 1/2 when the toeslagpartner is not verzekerd, Wzt art. 2 lid 4)
    jaarbedrag = toeslag rounded to whole euros (Awir art. 14 lid 4); 0 if < EUR 24 (art. 14 lid 5)
    nothing when the rendementsgrondslag on 1 January > vermogensgrens (Wzt art. 3 lid 1)

Parameters (grade A, the publications named):
    2025: standaardpremie 2.112 (Stcrt. 2024, 38887); drempelinkomen 28.406 as Dienst Toeslagen
          uses it (leaflet TG 082-1Z51FD); 1,896% / 4,273% / 13,70% (Stb. 2024, 351)
    2026: standaardpremie 2.119 (Stcrt. 2025, 40022); drempelinkomen 29.736 (leaflet
          TG 082-1Z61FD); 1,912% / 4,289% / 13,73% (Stb. 2025, 412)

Households are built as schema-1 dicts (contract section 1); in this stage the toetsingsinkomen
is the year total of the income keys of aanvrager and partner, so wages given as a 12-list that
sums to X give TI = X.
"""

from __future__ import annotations

import pathlib
import sys
from decimal import ROUND_HALF_UP, Decimal

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from _helpers_contract import huishouden  # noqa: E402

from checker import check  # noqa: E402

PARAMS = {
    2025: {"standaardpremie": 2112, "drempel": 28406, "pct_alleen": 0.01896,
           "pct_partner": 0.04273, "pct_boven": 0.1370},
    2026: {"standaardpremie": 2119, "drempel": 29736, "pct_alleen": 0.01912,
           "pct_partner": 0.04289, "pct_boven": 0.1373},
}


def normpremie(jaar: int, ti: float, partner: bool) -> float:
    p = PARAMS[jaar]
    pct = p["pct_partner"] if partner else p["pct_alleen"]
    return pct * p["drempel"] + p["pct_boven"] * max(0.0, ti - p["drempel"])


def wet_jaarbedrag(jaar: int, ti: float, partner: bool = False,
                   partner_verzekerd: bool = True) -> int:
    """Wzt art. 2 + Awir art. 14 lid 4/5, written out."""
    p = PARAMS[jaar]
    premie = p["standaardpremie"] * (2 if partner else 1)
    toeslag = max(0.0, premie - normpremie(jaar, ti, partner))
    if partner and not partner_verzekerd:
        toeslag /= 2  # Wzt art. 2 lid 4
    afgerond = int(Decimal(str(round(toeslag, 6))).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return afgerond if afgerond >= 24 else 0


def zorgtoeslag(res: dict) -> dict:
    return res["regelingen"]["zorgtoeslag"]


def assert_jaarbedrag(res: dict, verwacht: int, bron: str) -> None:
    zt = zorgtoeslag(res)
    assert zt["jaarbedrag"] == pytest.approx(verwacht, abs=0.01), (
        f"zorgtoeslag jaarbedrag {zt['jaarbedrag']!r}, expected {verwacht} ({bron})"
    )
    assert zt["recht"] is (verwacht > 0), f"recht {zt['recht']!r} with jaarbedrag {verwacht} ({bron})"


# --------------------------------------------------------------------------------------------
# Maximum amounts (TI below the drempelinkomen). The 2026 maxima of the Dienst Toeslagen
# leaflet and rekenvoorbeelden 1 and 2 of 2025 are case files: tests/gevallen/zorgtoeslag-*.yaml
# --------------------------------------------------------------------------------------------

def test_maximum_2025_alleenstaande():
    """Rekenvoorbeeld 1 (2025) is the maximum: TI below the drempel -> EUR 1.573 per year."""
    res = check(huishouden(2025, 24000))
    assert_jaarbedrag(res, 1573, "2025 max single = rekenvoorbeeld 1")


def test_maximum_2025_partners():
    """Arithmetic: 2 x 2112 - 4,273% x 28.406 = 4224 - 1.213,79 = 3.010,21 -> 3.010."""
    assert wet_jaarbedrag(2025, 24000, partner=True) == 3010
    res = check(huishouden(2025, 14000, 10000))
    assert_jaarbedrag(res, 3010, "2025 max partners, law arithmetic")


# --------------------------------------------------------------------------------------------
# Published income ceilings (belastingdienst.nl "maximaal inkomen voor zorgtoeslag")
# At the ceiling the formula gives EUR 23,5x -> rounds to 24 -> paid; EUR 1 more -> 23 -> nothing.
# --------------------------------------------------------------------------------------------

PLAFONDS = [
    # jaar, partner, published ceiling
    pytest.param(2025, False, 39719, id="2025-alleen-39719"),
    pytest.param(2025, True, 50206, id="2025-partners-50206"),
    pytest.param(2026, False, 40857, id="2026-alleen-40857"),
    pytest.param(2026, True, 51142, id="2026-partners-51142"),
]


def _ceiling_household(jaar: int, partner: bool, ti: int) -> dict:
    if partner:
        return huishouden(jaar, ti // 2, ti - ti // 2)
    return huishouden(jaar, ti)


@pytest.mark.parametrize("jaar,partner,plafond", PLAFONDS)
def test_inkomensgrens_precies_op_de_grens(jaar, partner, plafond):
    """Published ceiling (belastingdienst.nl, "Maximaal inkomen voor zorgtoeslag"): still EUR 24.
    e.g. 2026 single: 2119 - (1,912% x 29.736 + 13,73% x 11.121) = 23,54 -> 24."""
    assert wet_jaarbedrag(jaar, plafond, partner) == 24
    res = check(_ceiling_household(jaar, partner, plafond))
    assert_jaarbedrag(res, 24, f"published ceiling {plafond} ({jaar})")


@pytest.mark.parametrize("boven", [1, 3, 12])
@pytest.mark.parametrize("jaar,partner,plafond", PLAFONDS)
def test_inkomensgrens_net_erboven(jaar, partner, plafond, boven):
    """Above the published ceiling the amount is < EUR 24 -> nothing (Awir art. 14 lid 5)."""
    ti = plafond + boven
    assert wet_jaarbedrag(jaar, ti, partner) == 0
    res = check(_ceiling_household(jaar, partner, ti))
    zt = zorgtoeslag(res)
    assert zt["recht"] is False, f"TI {ti} is above the published ceiling {plafond}"
    assert zt["jaarbedrag"] == 0
    assert all(m == 0 for m in zt["maandbedragen"])


# --------------------------------------------------------------------------------------------
# Vermogensgrens on 1 January (Wzt art. 3 lid 1: no toeslag if the rendementsgrondslag is MORE
# than the limit). Limits: 2025 Stcrt. 2024, 37672; 2026 Stcrt. 2025, 38110 (grade A).
# --------------------------------------------------------------------------------------------

VERMOGENSGRENZEN = [
    pytest.param(2025, False, 141896, id="2025-alleen-141896"),
    pytest.param(2025, True, 179429, id="2025-partners-179429"),
    pytest.param(2026, False, 146011, id="2026-alleen-146011"),
    pytest.param(2026, True, 184633, id="2026-partners-184633"),
]


def _vermogen_household(jaar: int, partner: bool, vermogen: float) -> dict:
    if partner:
        return huishouden(jaar, 12000, 12000, vermogen=vermogen)
    return huishouden(jaar, 24000, vermogen=vermogen)


@pytest.mark.parametrize("jaar,partner,grens", VERMOGENSGRENZEN)
def test_vermogen_precies_op_de_grens_geeft_toeslag(jaar, partner, grens):
    verwacht = wet_jaarbedrag(jaar, 24000, partner)  # the maximum, see above
    res = check(_vermogen_household(jaar, partner, grens))
    assert_jaarbedrag(res, verwacht, f"vermogen {grens} = vermogensgrens {jaar} (not more than)")


@pytest.mark.parametrize("boven", [1, 1000])
@pytest.mark.parametrize("jaar,partner,grens", VERMOGENSGRENZEN)
def test_vermogen_boven_de_grens_geen_toeslag(jaar, partner, grens, boven):
    res = check(_vermogen_household(jaar, partner, grens + boven))
    zt = zorgtoeslag(res)
    assert zt["recht"] is False, f"vermogen {grens + boven} > vermogensgrens {grens} ({jaar})"
    assert zt["jaarbedrag"] == 0
    assert all(m == 0 for m in zt["maandbedragen"])


# --------------------------------------------------------------------------------------------
# Incomes between drempel and ceiling, arithmetic written out
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("jaar,ti_a,ti_p,verwacht,som", [
    pytest.param(2026, 30000, None, 1514,
                 "2119 - (1,912% x 29.736 + 13,73% x 264) = 2119 - 604,80 = 1.514,20",
                 id="2026-alleen-30000"),
    pytest.param(2026, 35000, None, 828,
                 "2119 - (568,55 + 13,73% x 5.264) = 2119 - 1.291,30 = 827,70",
                 id="2026-alleen-35000"),
    pytest.param(2026, 27000, 18000, 867,
                 "4238 - (4,289% x 29.736 + 13,73% x 15.264) = 4238 - 3.371,12 = 866,88",
                 id="2026-partners-45000"),
    pytest.param(2025, 30000, None, 1355,
                 "2112 - (1,896% x 28.406 + 13,70% x 1.594) = 2112 - 756,96 = 1.355,04",
                 id="2025-alleen-30000"),
    pytest.param(2025, 25000, 15000, 1422,
                 "4224 - (4,273% x 28.406 + 13,70% x 11.594) = 4224 - 2.802,17 = 1.421,83",
                 id="2025-partners-40000"),
])
def test_bedrag_volgens_de_wet(jaar, ti_a, ti_p, verwacht, som):
    ti = ti_a + (ti_p or 0)
    assert wet_jaarbedrag(jaar, ti, ti_p is not None) == verwacht, som
    res = check(huishouden(jaar, ti_a, ti_p))
    assert_jaarbedrag(res, verwacht, som)


def test_toetsingsinkomen_telt_alle_bronnen():
    """TI is the verzamelinkomen (Awir art. 8): every taxable income key counts; winst after the
    mkb-winstvrijstelling of 12,7% (Wet IB art. 3.79a; no urencriterium given, so no zelfstandigenaftrek).
    12 × (1000 loon + 500 × 0,873 winst + 500 ww + 500 pensioen) = 29.238 (2026 single)."""
    h = huishouden(2026, 0)
    h["personen"][0]["inkomen"] = {"loon": 1000, "winst": 500, "ww": 500, "pensioen": 500}
    ti = 12 * (1000 + 500 * (1 - 0.127) + 500 + 500)
    res = check(h)
    assert_jaarbedrag(res, wet_jaarbedrag(2026, ti), "TI 29.238 from several sources")


# --------------------------------------------------------------------------------------------
# Who is entitled at all
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("jaar", [2025, 2026])
def test_aanvrager_jonger_dan_18_het_hele_jaar(jaar):
    """Zorgtoeslag only for a verzekerde aged 18 or older, from the month after the 18th
    birthday (Wzt art. 1 lid 1 onder c with the Zvw). Aged 16 on 1 January -> under 18 the whole year -> nothing."""
    res = check(huishouden(jaar, 12000, aanvrager_extra={"leeftijd": 16}))
    zt = zorgtoeslag(res)
    assert zt["recht"] is False
    assert zt["jaarbedrag"] == 0
    assert all(m == 0 for m in zt["maandbedragen"])


@pytest.mark.parametrize("jaar", [2025, 2026])
def test_aanvrager_jonger_dan_18_geboortedatum(jaar):
    """As above, with a geboortedatum: born 1 July of jaar-17 -> 16 or 17 all year -> nothing."""
    h = huishouden(jaar, 12000, aanvrager_extra={"geboortedatum": f"{jaar - 17}-07-01"})
    zt = zorgtoeslag(check(h))
    assert zt["recht"] is False
    assert zt["jaarbedrag"] == 0
    assert all(m == 0 for m in zt["maandbedragen"])


@pytest.mark.parametrize("jaar", [2025, 2026])
def test_aanvrager_wordt_18_in_het_jaar(jaar):
    """Zorgtoeslag from the month after the 18th birthday (Wzt art. 1 lid 1 onder c;
    Awir art. 5: a change during a month counts from the next month). Born 15 March of jaar-18:
    January-March nothing, April-December the same amount every month."""
    h = huishouden(jaar, 12000, aanvrager_extra={"geboortedatum": f"{jaar - 18}-03-15"})
    mb = zorgtoeslag(check(h))["maandbedragen"]
    assert mb[:3] == [0, 0, 0], mb
    assert all(m > 0 for m in mb[3:]), mb
    assert all(m == pytest.approx(mb[3], abs=1e-9) for m in mb[3:]), mb


@pytest.mark.parametrize("jaar", [2025, 2026])
def test_aanvrager_niet_verzekerd_zonder_partner(jaar):
    """Wzt art. 2 lid 1: the toeslag is for a verzekerde; an uninsured single person gets none."""
    res = check(huishouden(jaar, 12000, aanvrager_extra={"zorgverzekerd": False}))
    zt = zorgtoeslag(res)
    assert zt["recht"] is False
    assert zt["jaarbedrag"] == 0
    assert all(m == 0 for m in zt["maandbedragen"])


# --------------------------------------------------------------------------------------------
# The months
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("jaar,ti_a,ti_p", [
    (2026, 30000, None), (2026, 24000, None), (2026, 27000, 18000),
    (2025, 18000, None), (2025, 24000, 12000),
])
def test_maandbedragen_constant_huishouden(jaar, ti_a, ti_p):
    """Contract section 3: 12 maandbedragen. A household whose circumstances do not change
    gets the same amount every month (Awir: the annual toeslag spread over the months), and
    12 x month matches the jaarbedrag within EUR 1."""
    h = huishouden(jaar, ti_a, ti_p)
    for p in h["personen"]:  # one constant number per month, not a 12-list
        totaal = sum(p["inkomen"]["loon"])
        assert totaal % 12 == 0
        p["inkomen"]["loon"] = totaal // 12
    zt = zorgtoeslag(check(h))
    mb = zt["maandbedragen"]
    assert len(mb) == 12
    assert all(m == pytest.approx(mb[0], abs=1e-9) for m in mb), mb
    assert mb[0] > 0
    assert abs(12 * mb[0] - zt["jaarbedrag"]) <= 1.0, (mb[0], zt["jaarbedrag"])
    assert zt["jaarbedrag"] == pytest.approx(wet_jaarbedrag(jaar, ti_a + (ti_p or 0), ti_p is not None), abs=0.01)

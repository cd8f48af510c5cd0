"""A cliff names the rule inside a regeling that makes it, not only the regeling.

The expected amounts are the law's arithmetic, written out from the parameters (rules/parameters/2026, each with
its source) and the persona's income (personas/ronald-marijke.yaml), not taken from the program's output.
"""
from __future__ import annotations

import pytest

from checker import parameters, scan

P = parameters.laad(2026)


def sprong(resultaat: dict, van: float, tot: float) -> dict:
    gevonden = [s for s in resultaat["sprongen"] if s["van"] == van and s["tot"] == tot]
    assert gevonden, f"geen sprong van {van} naar {tot}"
    return gevonden[0]


def test_ronald_marijke_580_590_the_combinatiekorting_moves_to_marijke():
    # Wet IB 2001 art. 8.14a lid 1 onder c: with a child under 12 the inkomensafhankelijke combinatiekorting goes to
    # the partner with the lower arbeidsinkomen. Lars is 5 on 1 January 2026, at the address all year (onder b).
    #   Ronald: winst 400+650+1.200+900+500+700+1.100+850+600+450+950+700 = 9.000 a year, plus loon 12 × 580 = 6.960
    #           → arbeidsinkomen 15.960; at loon 590: 7.080 + 9.000 = 16.080
    #   Marijke: winst 1.050+1.200+1.350+1.400+1.450+1.450+1.100+900+1.350+1.400+1.450+1.900 = 16.000
    # At 580 Ronald earns less (15.960 < 16.000) and has the korting; at 590 Marijke does (16.000 < 16.080).
    # Ronald's korting at 580 (art. 8.14a lid 2): 11,45% × (15.960 − 6.239) = 11,45% × 9.721 = 1.113,05 a year,
    # 92,75 a month, which he loses.
    assert P.waarde("inkomstenbelasting.iack_percentage") == 0.1145
    assert P.waarde("inkomstenbelasting.iack_drempel") == 6239
    ronald_per_maand = round(0.1145 * (15_960 - 6_239) / 12, 2)
    assert ronald_per_maand == 92.75

    s = sprong(scan("ronald-marijke", persoon="ronald", bron="loon", van=0, tot=1000, stap=10), 580.0, 590.0)
    assert s["verschil"] < 0 and not s["klein"]
    oorzaak = s["oorzaken"][0]
    assert oorzaak == {"regeling": "inkomstenbelasting", "onderdeel": "inkomensafhankelijke combinatiekorting",
                       "persoon": "Ronald", "naar": "Marijke", "verschil": -ronald_per_maand}
    assert "de inkomensafhankelijke combinatiekorting gaat van Ronald naar Marijke" in s["uitleg"]
    assert "laagste arbeidsinkomen" in s["uitleg"] and "Wet IB 2001 art. 8.14a" in s["uitleg"]
    assert "Dat kost Ronald € 92,75 per maand" in s["uitleg"]
    # Marijke's heffingskortingen already exceed her belasting and premies, so the korting gives her nothing
    # (art. 8.8): the step is the whole korting Ronald loses.
    assert "levert Marijke € 0,00 per maand op" in s["uitleg"] and "art. 8.8" in s["uitleg"]


def test_ronald_marijke_wga_inkomenseis_names_the_switch_of_benefit():
    # Wet WIA art. 60 lid 2: the inkomenseis is half the restverdiencapaciteit, 50% × 1.550 = 775 a month. Ronald's
    # inkomen uit arbeid on the year's average: winst 9.000 / 12 = 750 a month plus his loon. At loon 20 that is 770
    # (below 775: vervolguitkering, art. 62); at loon 30 it is 780 (the loonaanvullingsuitkering, art. 61).
    # Earning 10 less, from 30 to 20, the loonaanvulling becomes the vervolguitkering.
    s = sprong(scan("ronald-marijke", persoon="ronald", bron="loon", van=0, tot=100, stap=10), 20.0, 30.0)
    wga = [o for o in s["oorzaken"] if o["regeling"] == "wga"]
    assert wga and wga[0]["onderdeel"] == "WGA-vervolguitkering"
    assert wga[0]["in_plaats_van"] == "loonaanvullingsuitkering" and wga[0]["persoon"] == "Ronald"
    assert "de loonaanvullingsuitkering van Ronald wordt de WGA-vervolguitkering" in s["uitleg"]
    assert "inkomenseis" in s["uitleg"] and "Wet WIA art. 60" in s["uitleg"]


def test_zorgtoeslag_below_24_a_year_names_awir_art_14_lid_5():
    # A single person of 40 without other income: the zorgtoeslag ends where the year's amount falls below € 24
    # (Awir art. 14 lid 5). Find that step and check the cause is the threshold, not the normpremie.
    h = {"schema": 1, "naam": "z", "jaar": 2026,
         "personen": [{"id": "a", "rol": "aanvrager", "leeftijd": 40, "inkomen": {"loon": 0}}]}
    r = scan(h, van=3000, tot=4000, stap=1)
    einde = [s for s in r["sprongen"] if "zorgtoeslag" in s["regelingen"]
             and r["punten"][int(s["tot"] - 3000)]["regelingen"]["zorgtoeslag"] == 0
             and r["punten"][int(s["van"] - 3000)]["regelingen"]["zorgtoeslag"] > 0]
    assert len(einde) == 1
    s = einde[0]
    # just before the step the year's zorgtoeslag is at least € 24, i.e. at least 2,00 a month
    assert r["punten"][int(s["van"] - 3000)]["regelingen"]["zorgtoeslag"] >= 24 / 12 - 0.005
    zt = [o for o in s["oorzaken"] if o["regeling"] == "zorgtoeslag"]
    assert zt and zt[0]["onderdeel"] == "drempel van € 24 per jaar en de afronding"
    assert "Awir art. 14 lid 5" in s["uitleg"]


@pytest.mark.parametrize("persona", ["ronald-marijke", "wim-angelique", "alleenstaande-minimumloon"])
def test_every_named_cause_is_a_regeling_of_the_step(persona):
    r = scan(persona, stap=10)
    for s in r["sprongen"]:
        if s["klein"]:
            assert "oorzaken" not in s
            continue
        for o in s["oorzaken"]:
            assert o["regeling"] in s["regelingen"]
            assert isinstance(o["onderdeel"], str) and o["onderdeel"]

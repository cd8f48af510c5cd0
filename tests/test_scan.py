"""Scan (contract section 7): points, cliffs with their cause, marginal pressure, bad input."""
import json
import math
import subprocess
import sys

import pytest

from checker import InvoerFout, check, scan

from .helpers import huishouden as hh


def test_point_count_and_shape():
    uit = scan("alleenstaande-minimumloon", van=0, tot=4000, stap=10)
    assert len(uit["punten"]) == 401
    p = uit["punten"][0]
    assert p["bruto"] == 0.0 and isinstance(p["netto_besteedbaar"], float)
    assert set(p["regelingen"]) == set(check("alleenstaande-minimumloon")["regelingen"])
    assert uit["huidig"] == 2300


def test_point_at_own_income_equals_check():
    uit = scan("alleenstaande-minimumloon", van=2200, tot=2400, stap=100)
    c = check("alleenstaande-minimumloon")
    punt = next(p for p in uit["punten"] if p["bruto"] == 2300)
    assert punt["netto_besteedbaar"] == pytest.approx(c["netto_besteedbaar_inkomen"]["jaarbedrag"] / 12, abs=0.01)
    for k, r in c["regelingen"].items():
        assert punt["regelingen"][k] == pytest.approx(sum(r["maandbedragen"]) / 12, abs=0.01)


def test_end_of_zorgtoeslag_is_an_armoedeval_at_the_euro_24_minimum():
    # 2026 single: yearly toeslag = round(2119 − (1,912% × 29.736 + 13,73% × (12·b − 29.736))), none below € 24.
    # At b = 3404: 2119 − (568,55 + 0,1373 × 11.112) = 24,77 → € 25; at b = 3405: 23,12 → € 23 → nothing.
    # One euro more gross loses 25/12 of toeslag per month (the year's € 25 over 12 months) and keeps at most
    # € 1 of the gross euro after tax, so the household income falls by between 25/12 − 1 and 25/12.
    uit = scan(hh(3300), van=3390, tot=3420, stap=1)
    sprongen = [s for s in uit["sprongen"] if "zorgtoeslag" in s["regelingen"]]
    assert len(sprongen) == 1
    s = sprongen[0]
    assert (s["van"], s["tot"]) == (3404, 3405)
    assert -25 / 12 - 0.01 < s["verschil"] < 1 - 25 / 12 + 0.01
    assert "zorgtoeslag" in s["uitleg"] and "daalt" in s["uitleg"]


def test_no_cliffs_where_only_zorgtoeslag_tapers():
    # 13,73% afbouw alone is far below 80% marginal pressure
    uit = scan(hh(1000), van=2500, tot=3300, stap=10)
    assert uit["sprongen"] == [] and uit["marginale_druk"] == []


def test_partner_can_be_swept():
    uit = scan(hh(1500, partner_loon=1000), persoon="p", van=0, tot=100, stap=50)
    assert [p["bruto"] for p in uit["punten"]] == [0, 50, 100]
    assert uit["persoon"] == "p"


@pytest.mark.parametrize("kwargs,veld", [
    ({"persoon": "niemand"}, "--persoon"), ({"bron": "aow"}, "--bron"), ({"stap": 0}, "--stap"),
    ({"van": 100, "tot": 50}, "--tot"), ({"van": -5}, "--van"),
])
def test_bad_scan_arguments_are_bad_input(kwargs, veld):
    with pytest.raises(InvoerFout, match=veld):
        scan("alleenstaande-minimumloon", **kwargs)


def test_cli_scan_json_and_chart(tmp_path):
    png = tmp_path / "scan.png"
    uit = subprocess.run([sys.executable, "-m", "checker", "scan", "ronald-marijke", "--persoon", "ronald",
                          "--bron", "winst", "--tot", "1000", "--stap", "50", "--json", "--grafiek", str(png)],
                         capture_output=True, text=True)
    assert uit.returncode == 0, uit.stderr
    data = json.loads(uit.stdout)
    assert data["schema"] == 1 and data["bron"] == "winst" and len(data["punten"]) == 21
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_cli_scan_bad_person_exit_2():
    uit = subprocess.run([sys.executable, "-m", "checker", "scan", "ronald-marijke", "--persoon", "lars"],
                         capture_output=True, text=True)
    assert uit.returncode == 2 and "--persoon" in uit.stderr and "Traceback" not in uit.stderr


def test_wga_cliff_at_half_the_restverdiencapaciteit():
    # Ronald (personas/ronald-marijke.yaml): maandloon 3.100, RVC 1.550 → inkomenseis 775 per month (Wet WIA art. 60).
    # Below it the vervolguitkering 35% × WML × 1,08 (January-June 2.294,40, July-December 2.337,00), from 775 on
    # the loonaanvulling 0,7 × (3.100 − 1.550) = 1.085 (art. 61 lid 4). On average per month the WGA rises by
    # 1.085 − (6 × 867,28 + 6 × 883,39) / 12 when the winst goes from 770 to 775.
    vervolg = (6 * round(0.35 * 2294.40 * 1.08, 2) + 6 * round(0.35 * 2337.00 * 1.08, 2)) / 12
    uit = scan("ronald-marijke", persoon="ronald", bron="winst", van=760, tot=790, stap=5)
    [s] = [s for s in uit["sprongen"] if "wga" in s["regelingen"]]
    assert (s["van"], s["tot"]) == (770, 775) and s["verschil"] > 5 + 10
    wga = {p["bruto"]: p["regelingen"]["wga"] for p in uit["punten"]}
    assert wga[775] - wga[770] == pytest.approx(0.7 * (3100 - 1550) - vervolg, abs=0.01)
    assert "wga" in s["uitleg"].lower() or "WGA" in s["uitleg"]


def test_kinderopvangtoeslag_table_step_is_an_armoedeval():
    # Single parent, one child in dagopvang 230 hours at the 2026 maximum € 11,23 (Besluit kinderopvangtoeslag
    # 2026). The first-child percentage falls from 96% to 95,5% when the toetsingsinkomen passes € 56.412
    # (bijlage I 2026): loon 4.701 × 12 = 56.412 still gives 96%, 4.702 × 12 = 56.424 gives 95,5%. The
    # toeslag per month (rounded down to whole euros) falls from 2.479 to 2.466: € 13 for € 1 more gross.
    kosten = 230 * 11.23
    daling = math.floor(kosten * 0.96) - math.floor(kosten * 0.955)
    h = hh(4700)
    h["personen"].append({"id": "k", "rol": "kind", "geboortedatum": "2024-02-01",
                          "kinderopvang": {"soort": "dagopvang", "uren_per_maand": 230, "uurprijs": 11.23}})
    uit = scan(h, van=4698, tot=4705, stap=1)
    [s] = [s for s in uit["sprongen"] if "kinderopvangtoeslag" in s["regelingen"]]
    assert (s["van"], s["tot"]) == (4701, 4702) and s["verschil"] < 0
    kot = {p["bruto"]: p["regelingen"]["kinderopvangtoeslag"] for p in uit["punten"]}
    assert kot[4701] - kot[4702] == pytest.approx(daling) == 13


def test_a_cliff_for_whoever_earns_less_is_told_from_the_step_down():
    # Ronald's winst from 770 to 780 crosses the WGA inkomenseis (775): net income jumps up. The explanation
    # is told for earning € 10 less, so the WGA "daalt" (falls) and the zorgtoeslag "stijgt" (rises).
    uit = scan("ronald-marijke", persoon="ronald", bron="winst", van=770, tot=780, stap=10)
    [s] = [s for s in uit["sprongen"] if "wga" in s["regelingen"]]
    assert "minder" in s["uitleg"] and "WGA-uitkering daalt" in s["uitleg"] and "zorgtoeslag stijgt" in s["uitleg"]


@pytest.mark.parametrize("kwargs,veld", [({"van": "abc"}, "--van"), ({"stap": None}, "--stap"),
                                         ({"jaar": "2025"}, "jaar"), ({"tot": 1e300, "stap": 1e299}, "--tot")])
def test_scan_api_arguments_of_the_wrong_type_are_bad_input(kwargs, veld):
    with pytest.raises(InvoerFout, match=veld):
        scan("ronald-marijke", **kwargs)

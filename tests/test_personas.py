"""The seed persona and the plain households as regression tests, expectations from the law's arithmetic."""
import pytest

from checker import check, huishouden


def test_all_personas_check_without_error():
    for naam in huishouden.persona_namen():
        uit = check(naam)
        assert uit["naam"] and len(uit["regelingen"]) >= 10


def test_ronald_marijke_wga_after_settlement_is_the_vervolguitkering():
    # Ronald (personas/ronald-marijke.yaml): klasse 45-55, maandloon 3.100, RVC 1.550; average winst 9.000 / 12 = 750
    # is below the inkomenseis 50% × 1.550 = 775, so after UWV's yearly settlement the vervolguitkering applies:
    # 35% × minimumloon incl. 8% vakantietoeslag (Wet WIA art. 61 lid 6, art. 62; art. 12 lid 1 onder b; WML art. 15),
    # January-June on € 2.294,40 and July-December on € 2.337,00.
    jan = round(0.35 * 2294.40 * 1.08, 2)     # 867,28
    jul = round(0.35 * 2337.00 * 1.08, 2)     # 883,39
    wga = check("ronald-marijke")["regelingen"]["wga"]
    assert wga["jaarbedrag"] == pytest.approx(6 * jan + 6 * jul, abs=0.01)


def test_ronald_marijke_zorgtoeslag_from_the_arithmetic():
    # Toetsingsinkomen = verzamelinkomen (Awir art. 8). Winst without urencriterium (not given): only the
    # mkb-winstvrijstelling of 12,7% (Wet IB art. 3.79a). Ronald: 9.000 × 0,873 + WGA 6 × 867,28 + 6 × 883,39;
    # Marijke: 16.000 × 0,873.
    wga = 6 * round(0.35 * 2294.40 * 1.08, 2) + 6 * round(0.35 * 2337.00 * 1.08, 2)
    ti = 9000 * (1 - 0.127) + wga + 16000 * (1 - 0.127)
    normpremie = 0.04289 * 29736 + 0.1373 * (ti - 29736)      # Wzt art. 2 lid 2-3 (2026, with partner)
    verwacht = round(2 * 2119 - normpremie)                     # art. 2 lid 1; Awir art. 14 lid 4
    zt = check("ronald-marijke")["regelingen"]["zorgtoeslag"]
    assert zt["jaarbedrag"] == verwacht == 2607


def test_ronald_marijke_signals():
    codes = {s["code"] for s in check("ronald-marijke")["signalen"]}
    assert "NIET_GEBRUIK" in codes          # zorgtoeslag not received (ontvangt: 0)
    assert "VERMOGENSGRENS" not in codes    # € 4.000 is far below € 184.633


def test_gepensioneerde_boven_vermogensgrens():
    uit = check("gepensioneerde-vermogen")
    assert uit["regelingen"]["zorgtoeslag"]["recht"] is False
    sig = [s for s in uit["signalen"] if s["code"] == "VERMOGENSGRENS"]
    assert sig and sig[0]["ernst"] == "hoog"
    # what is lost: single, TI 12 × (1.550 + 900) = 29.400 is below the drempel → 2.119 − 1,912% × 29.736
    assert sig[0]["bedrag"] == round(2119 - 0.01912 * 29736)


@pytest.mark.parametrize("naam", ["stel-modaal"])
def test_no_zorgtoeslag_above_the_income_ceiling(naam):
    # TI 12 × (3.500 + 1.500) = 60.000 is above the published 2026 ceiling for partners (€ 51.142)
    uit = check(naam)
    assert uit["regelingen"]["zorgtoeslag"]["recht"] is False
    assert all(s["regelingen"] != ["zorgtoeslag"] for s in uit["signalen"])


def test_loongerelateerd_variant_has_higher_income_so_less_zorgtoeslag():
    assert (check("ronald-marijke-loongerelateerd")["regelingen"]["zorgtoeslag"]["jaarbedrag"]
            < check("ronald-marijke")["regelingen"]["zorgtoeslag"]["jaarbedrag"])

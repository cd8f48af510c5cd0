"""Received bijstand in the household's own terms (issue 16): `inkomen.bijstand_netto`, the net amount on the
beschikking, against `inkomen.bijstand`, the gross amount of a jaaropgaaf. Received and computed are compared net,
per year, and the explanations say so.

Expected values are the law's arithmetic written out here, never the program's output:

- Bijstandsnorm alleenstaande 21 jaar tot AOW-leeftijd (Participatiewet art. 21 onder a, tekst per 2026-01-01 en
  2026-07-01, wetten.overheid.nl/BWBR0015703): € 1.401,50 and € 1.419,46 per month, net including vakantietoeslag.
- Income tax 2026 (Wet IB 2001, BWBR0011353; Wfsv, BWBR0017745): first bracket up to € 38.883 at 8,10% belasting
  plus premies AOW 17,90%, Anw 0,10%, Wlz 9,65% = 35,75% (art. 2.10 lid 1; Wfsv art. 10-11); algemene
  heffingskorting € 3.115 up to a verzamelinkomen of € 29.736 (art. 8.10 lid 2); arbeidskorting 8,324% of the
  arbeidsinkomen up to € 11.965 (art. 8.11 lid 2 onder a). Bijstand and loon carry the Zvw werkgeversheffing
  (Zvw art. 42), so no own Zvw bijdrage.
- The gemeente pays the loonheffing on top of the net bijstand (Participatiewet art. 19 lid 2 with the net norms of
  art. 21): for bijstand as the only income, gross G with G − (35,75% × G − 3.115) = net, per month as the
  loonheffing tables do it (the year's tax on twelve such months): G = (12 × net − 3.115) / 0,6425 / 12.
- Inkomstenvrijlating 25% of the net income from work, at most € 285 a month, for six months (Pw art. 31 lid 2
  onder n; bijstand.vrijlating_arbeid_* 2026).
- Kwijtschelding: kosten van bestaan 90% (standaard) or 100% (Zuidplas) of the bijstandsnorm, betalingscapaciteit
  12 × (netto besteedbaar − kosten van bestaan), 80% of it goes to the aanslag (URI 1990 art. 11, 13, 16;
  rules/gemeenten).
"""
from __future__ import annotations

import numpy as np
import pytest

from checker import InvoerFout, check, huishouden, invoer, parameters
from checker.berekening import bereken
from checker.cli import main
from checker.regelingen import inkomstenbelasting

from . import helpers
from .helpers import assert_samen_gelijk_aan_los

NORM_JAN, NORM_JUL = 1401.50, 1419.46                 # Pw art. 21 onder a, 2026-01-01 / 2026-07-01
NORM_JAAR = 6 * NORM_JAN + 6 * NORM_JUL               # 16.925,76
TARIEF = 0.081 + 0.179 + 0.001 + 0.0965               # 35,75%: belasting + AOW + Anw + Wlz, eerste schijf 2026
AHK = 3115.0                                          # algemene heffingskorting 2026, below its afbouwpunt
AK_PERCENTAGE = 0.08324                               # arbeidskorting onderdeel a 2026


def tabel_bruto(netto_maand: float) -> float:
    """The loonheffing tables per month for bijstand as the only income, rounded to cents as on a jaaropgaaf."""
    return round((12 * netto_maand - AHK) / (1 - TARIEF) / 12, 2)


BRUTO_JAN, BRUTO_JUL = tabel_bruto(NORM_JAN), tabel_bruto(NORM_JUL)   # € 1.777,30 and € 1.805,26


def alleenstaande(inkomen: dict, gemeente: str = "standaard") -> dict:
    # No wonen (no woonlasten) and not zorgverzekerd (no zorgpremie), so the kwijtschelding is the income and the
    # norm alone; aanslag € 450.
    return helpers.huis(helpers.persoon("sanne", "aanvrager", leeftijd=35, zorgverzekerd=False, inkomen=inkomen),
                        naam="Alleenstaande in de bijstand", peildatum="2026-03-02", gemeente=gemeente,
                        gemeentelijke_belastingen=450)


NETTO = {"bijstand_netto": [NORM_JAN] * 6 + [NORM_JUL] * 6}           # as on the beschikking
BRUTO = {"bijstand": [BRUTO_JAN] * 6 + [BRUTO_JUL] * 6}               # as on the jaaropgaaf


def bedrag(x: float) -> str:
    """An amount as the Dutch explanations write it: € 1.692,58."""
    return "€ " + f"{x:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def codes(uit: dict) -> list[str]:
    return sorted(s["code"] for s in uit["signalen"])


# --- a single on exactly the norm -------------------------------------------------------------------------------
def test_on_the_norm_entered_net_recht_equals_ontvangen():
    uit = check(alleenstaande(NETTO))
    b = uit["regelingen"]["bijstand"]
    assert b["jaarbedrag"] == pytest.approx(NORM_JAAR)                # no income: bijstand = the norm (art. 19 lid 2)
    assert b["ontvangen"] == {"jaarbedrag": pytest.approx(NORM_JAAR), "bedragen": "netto",
                              "maandbedragen": [NORM_JAN] * 6 + [NORM_JUL] * 6}
    assert any(r.startswith("Berekend recht € 16.925,76 netto per jaar tegenover ontvangen € 16.925,76 netto per jaar")
               and "dat is gelijk" in r for r in b["uitleg"])
    assert any("netto € 16.925,76 per jaar, zoals op de beschikking" in r for r in b["uitleg"])
    # received as much as the right: no advice to apply, no terugvordering of any kind
    assert "BIJSTAND_MOGELIJK" not in codes(uit) and "TOESLAG_TERUGVORDERING" not in codes(uit)
    assert not any("terug" in s["titel"].lower() for s in uit["signalen"])


def test_on_the_norm_entered_net_the_gross_is_net_plus_the_loonheffing_on_top():
    # G − (35,75% × G − 3.115) = 16.925,76  →  G = (16.925,76 − 3.115) / 0,6425 = 21.495,35; the tax is G − net
    bruto = (NORM_JAAR - AHK) / (1 - TARIEF)
    uit = check(alleenstaande(NETTO))
    ib = uit["regelingen"]["inkomstenbelasting"]
    assert ib["jaarbedrag"] == pytest.approx(bruto - NORM_JAAR, abs=0.01)
    assert any(f"bijstand {bedrag(bruto)}" in r for r in ib["uitleg"])
    # and per month what the loonheffing tables give for the month's net amount
    res = bereken(invoer.uit_huishoudens([huishouden.valideer(alleenstaande(NETTO))]), parameters.laad(2026))
    np.testing.assert_allclose(res.invoer.inkomen_aanvrager["bijstand"][0], [BRUTO_JAN] * 6 + [BRUTO_JUL] * 6,
                               atol=0.005)
    # the toeslagen test that gross: the toetsingsinkomen is the verzamelinkomen G (Awir art. 8)
    np.testing.assert_allclose(res.invoer.toetsingsinkomen[0, 0], bruto, atol=0.01)


@pytest.mark.parametrize("gemeente, kwijtschelding", [
    # 90% of the norm: betalingscapaciteit 12 × (1.410,48 − 1.269,43) = 1.692,58; 80% = 1.354,06 > 450: nothing
    ("standaard", 0.0),
    # 100% of the norm: no betalingscapaciteit, the whole aanslag
    ("zuidplas", 450.0),
])
def test_on_the_norm_kwijtschelding_is_built_from_the_norm(gemeente, kwijtschelding):
    uit = check(alleenstaande(NETTO, gemeente))
    k = uit["regelingen"]["kwijtschelding"]
    gemiddeld = NORM_JAAR / 12                                       # € 1.410,48
    assert any(r.startswith("Netto besteedbaar inkomen, gemiddeld per maand: netto inkomen zonder bijstand € 0,00 "
                            "+ bijstand € 1.410,48 netto (wat nu wordt ontvangen, gelijk aan het berekende recht) "
                            "= € 1.410,48") for r in k["uitleg"]), k["uitleg"]
    assert k["jaarbedrag"] == pytest.approx(kwijtschelding)
    if gemeente == "standaard":
        bc = 12 * (gemiddeld - 0.9 * gemiddeld)
        assert any(f"= {bedrag(bc)} per jaar (URI art. 13)" in r for r in k["uitleg"])


def test_the_same_household_entered_gross_gives_the_same_results():
    netto, bruto = check(alleenstaande(NETTO)), check(alleenstaande(BRUTO))
    # the gross of a jaaropgaaf, rounded to cents per month, leaves the norm up to a few cents over the year
    assert bruto["regelingen"]["bijstand"]["ontvangen"]["jaarbedrag"] == pytest.approx(NORM_JAAR, abs=0.05)
    assert bruto["regelingen"]["bijstand"]["ontvangen"]["bedragen"] == "netto"
    np.testing.assert_allclose(bruto["regelingen"]["bijstand"]["ontvangen"]["maandbedragen"],
                               [NORM_JAN] * 6 + [NORM_JUL] * 6, atol=0.01)
    for sleutel in ("bijstand", "kwijtschelding", "zorgtoeslag", "huurtoeslag", "kindgebonden_budget"):
        assert bruto["regelingen"][sleutel]["jaarbedrag"] == netto["regelingen"][sleutel]["jaarbedrag"], sleutel
    assert bruto["regelingen"]["inkomstenbelasting"]["jaarbedrag"] == pytest.approx(
        netto["regelingen"]["inkomstenbelasting"]["jaarbedrag"], abs=0.05)
    assert bruto["netto_besteedbaar_inkomen"]["jaarbedrag"] == pytest.approx(
        netto["netto_besteedbaar_inkomen"]["jaarbedrag"], abs=0.05)
    assert codes(bruto) == codes(netto)
    uitleg = bruto["regelingen"]["bijstand"]["uitleg"]
    assert any("bruto € 21.495,36 per jaar, zoals opgegeven; netto € 16.925,7" in r for r in uitleg)
    assert any(r.startswith("Berekend recht € 16.925,76 netto per jaar tegenover ontvangen € 16.925,7") for r in uitleg)
    k = bruto["regelingen"]["kwijtschelding"]["uitleg"]
    assert any("netto inkomen zonder bijstand € 0,00 + bijstand € 1.410,48 netto" in r for r in k)


def test_the_net_norm_entered_as_gross_is_compared_net_and_flagged():
    # issue 13: the net norm typed in `bijstand` is gross € 16.925,76, which leaves 16.925,76 − (35,75% × 16.925,76
    # − 3.115) = € 13.989,80 net; the explanation compares that with the (net) right, never gross with net
    ontvangen = NORM_JAAR - (TARIEF * NORM_JAAR - AHK)
    uit = check(alleenstaande({"bijstand": [NORM_JAN] * 6 + [NORM_JUL] * 6}))
    b = uit["regelingen"]["bijstand"]
    assert b["ontvangen"]["jaarbedrag"] == pytest.approx(ontvangen, abs=0.01)
    assert any(r.startswith("Berekend recht € 16.925,76 netto per jaar tegenover ontvangen € 13.989,80 netto per jaar")
               and f"{bedrag(NORM_JAAR - ontvangen)} per jaar minder ontvangen" in r for r in b["uitleg"])
    assert any("gelijk aan de netto bijstandsnorm" in w and "bijstand_netto" in w for w in b["waarschuwingen"])
    # the kwijtschelding counts the (higher) computed right, not the taxed net norm
    k = uit["regelingen"]["kwijtschelding"]["uitleg"]
    assert any("netto inkomen zonder bijstand € 0,00 + bijstand € 1.410,48 netto (het berekende recht)" in r for r in k)


# --- a part-time wage next to bijstand ------------------------------------------------------------------------------
LOON = 600.0
# The wage alone: 35,75% × 7.200 = 2.574 belasting and premies, less than the kortingen (3.115 + 8,324% × 7.200):
# no tax, so it is € 600 net. Vrijlating jan-jun 25% × 600 = 150 (below € 285): counted 450, bijstand 1.401,50 − 450;
# jul-dec no vrijlating: 1.419,46 − 600.
BIJSTAND_DEELTIJD = [NORM_JAN - (LOON - 0.25 * LOON)] * 6 + [NORM_JUL - LOON] * 6     # 951,50 and 819,46
DEELTIJD_JAAR = sum(BIJSTAND_DEELTIJD)                                                  # 10.625,76


def test_part_time_wage_with_bijstand_as_on_the_beschikking_is_consistent():
    uit = check(alleenstaande({"loon": LOON, "bijstand_netto": BIJSTAND_DEELTIJD}))
    b = uit["regelingen"]["bijstand"]
    assert b["maandbedragen"] == pytest.approx(BIJSTAND_DEELTIJD)
    assert b["ontvangen"]["jaarbedrag"] == pytest.approx(DEELTIJD_JAAR) and b["ontvangen"]["bedragen"] == "netto"
    assert any("Berekend recht € 10.625,76 netto per jaar tegenover ontvangen € 10.625,76 netto per jaar" in r
               and "dat is gelijk" in r for r in b["uitleg"])
    assert any("netto (uit de berekening van de inkomstenbelasting, zonder de bijstand die nu wordt ontvangen): "
               "€ 600,00 in januari" in r for r in b["uitleg"])
    # the gross: the year's tax with the bijstand less the tax on the wage alone (nil) is what the gemeente adds:
    # G − (35,75% × (7.200 + G) − 3.115 − 8,324% × 7.200) = 10.625,76
    arbeidskorting = AK_PERCENTAGE * 12 * LOON
    bruto = (DEELTIJD_JAAR - AHK - arbeidskorting + TARIEF * 12 * LOON) / (1 - TARIEF)
    assert uit["regelingen"]["inkomstenbelasting"]["jaarbedrag"] == pytest.approx(bruto - DEELTIJD_JAAR, abs=0.01)
    # the net income is the wage plus the bijstand as received, in every place that shows it
    onderdelen = uit["netto_besteedbaar_inkomen"]["onderdelen"]
    assert onderdelen["netto_inkomen"] == pytest.approx(12 * LOON)
    assert onderdelen["bijstand"] == pytest.approx(DEELTIJD_JAAR)
    k = uit["regelingen"]["kwijtschelding"]["uitleg"]
    assert any("netto inkomen zonder bijstand € 600,00 + bijstand € 885,48 netto (wat nu wordt ontvangen, gelijk "
               "aan het berekende recht)" in r for r in k)


# --- the report and the web page say what the JSON says -------------------------------------------------------------
def test_report_shows_received_bijstand_net_next_to_the_right(tmp_path, capsys):
    pad = tmp_path / "sanne.json"
    import json
    pad.write_text(json.dumps(alleenstaande({"loon": LOON, "bijstand_netto": BIJSTAND_DEELTIJD})), encoding="utf-8")
    assert main(["check", str(pad)]) == 0
    tekst = capsys.readouterr().out
    assert "Ontvangt nu (jaar)" in tekst and "€ 10.625,76 netto" in tekst
    assert "bijstand netto (nu ontvangen) € 10.625,76/jaar" in tekst
    assert "Berekend recht € 10.625,76 netto per jaar" in " ".join(tekst.split())


def test_web_page_form_has_the_net_field_and_the_result_shows_it_net():
    from werkzeug.datastructures import MultiDict

    from checker.web import formulier, maak_app

    from ._html_formulier import formulier_velden
    app = maak_app()
    app.testing = True
    client = app.test_client()
    doc = alleenstaande({"loon": LOON, "bijstand_netto": BIJSTAND_DEELTIJD})
    pagina = client.post("/bereken", data={"actie": "aanpassen", "tekst": __import__("json").dumps(doc)})
    tekst = pagina.get_data(as_text=True)
    veld = formulier.veld_id("personen[0].inkomen.bijstand_netto")
    assert f'<label for="{veld}">Bijstand, netto (nu ontvangen)</label>' in tekst
    assert "Het bedrag op de beschikking van de gemeente" in tekst
    for label in ("WW, bruto", "WGA-uitkering, bruto (nu betaald)", "Loon, bruto", "Bijstand, bruto (nu ontvangen)"):
        assert f">{label}</label>" in tekst
    assert tekst.count("Het brutobedrag op de brief van UWV") == 2          # WW and WGA
    velden = formulier_velden(tekst, "huishouden")
    assert dict(velden)["personen[0].inkomen.bijstand_netto"] == "951,5; 951,5; 951,5; 951,5; 951,5; 951,5; 819,46; " \
                                                                 "819,46; 819,46; 819,46; 819,46; 819,46"
    r = client.post("/bereken", data=MultiDict(velden + [("actie", "bereken")]))
    assert r.status_code == 200
    import html
    import re
    resultaat = html.unescape(r.get_data(as_text=True))
    rij = re.search(r'<tr data-regeling="bijstand".*?</tr>', resultaat, re.S).group(0)
    assert "€ 10.625,76 netto" in rij
    assert "Berekend recht € 10.625,76 netto per jaar tegenover ontvangen € 10.625,76 netto per jaar" in resultaat


# --- bad input --------------------------------------------------------------------------------------------------------
def test_gross_and_net_bijstand_for_the_same_person_is_bad_input(tmp_path, capsys):
    d = alleenstaande({"bijstand": 1000, "bijstand_netto": 900})
    with pytest.raises(InvoerFout) as e:
        check(d)
    assert [p for p, _ in e.value.problemen] == ["personen[0].inkomen.bijstand_netto"]
    assert "niet allebei" in str(e.value)
    import json
    pad = tmp_path / "beide.json"
    pad.write_text(json.dumps(d), encoding="utf-8")
    assert main(["check", str(pad)]) == 2
    fout = capsys.readouterr().err
    assert "personen[0].inkomen.bijstand_netto" in fout and "Traceback" not in fout
    # a nil amount in the other field is no second amount
    assert check(alleenstaande({"bijstand": 0, "bijstand_netto": 900}))["regelingen"]["bijstand"]["ontvangen"]


def test_net_bijstand_is_a_money_field_like_every_other():
    with pytest.raises(InvoerFout) as e:
        check(alleenstaande({"bijstand_netto": [900] * 11}))
    assert "personen[0].inkomen.bijstand_netto" in str(e.value) and "12 maandbedragen" in str(e.value)
    with pytest.raises(InvoerFout) as e:
        check(alleenstaande({"bijstand_netto": -5}))
    assert "personen[0].inkomen.bijstand_netto" in str(e.value)


# --- the arrays -------------------------------------------------------------------------------------------------------
def test_many_households_at_once_equal_one_by_one():
    def h(inkomen, rol_extra=None):
        d = alleenstaande(inkomen)
        if rol_extra:
            d["personen"].append(rol_extra)
        return d
    huizen = [h(NETTO), h(BRUTO), h({"loon": LOON, "bijstand_netto": BIJSTAND_DEELTIJD}), h({"loon": 2500}),
              h({"winst": 1200, "bijstand_netto": 300}),
              h({}, {"id": "m", "rol": "medebewoner", "leeftijd": 30, "inkomen": {"bijstand_netto": 700}})]
    modellen = [huishouden.valideer(x) for x in huizen]
    p = parameters.laad(2026)
    samen = bereken(invoer.uit_huishoudens(modellen), p)
    losse = [bereken(invoer.uit_huishoudens([m]), p) for m in modellen]
    for sleutel in ("inkomstenbelasting", "bijstand", "kwijtschelding", "huurtoeslag"):
        assert_samen_gelijk_aan_los(samen.regelingen[sleutel], [x.regelingen[sleutel] for x in losse])


def test_a_medebewoner_with_net_bijstand_counts_with_its_gross():
    # the medebewoner's own tax is not computed: the gross is what the loonheffing tables give for the net amount
    d = alleenstaande({})
    d["personen"].append({"id": "m", "rol": "medebewoner", "leeftijd": 30, "inkomen": {"bijstand_netto": NORM_JAN}})
    res = bereken(invoer.uit_huishoudens([huishouden.valideer(d)]), parameters.laad(2026))
    np.testing.assert_allclose(res.invoer.bewoner_inkomen[0, 0], BRUTO_JAN, atol=0.005)


def test_the_solver_finds_the_gross_where_the_table_steps():
    # Wet IB 2001 art. 2.10 lid 1 rounds column III (3.149 for 8,10% × 38.883 = 3.149,52): the tax drops € 0,52 at
    # € 38.883, so a net amount just there has no exact gross; the gross found is at that step, to a tenth of a cent.
    p = parameters.laad(2026).lezer()
    inv = invoer.uit_huishoudens([huishouden.valideer(alleenstaande({"bijstand": 1}))])

    def extra(g, rijen):
        return inkomstenbelasting._heffing_alleen_bijstand(np.repeat(g[:, None] / 12, 12, axis=1),
                                                           inv.geboren_aanvrager[np.zeros(len(rijen), int)], inv, p)
    # at G = 38.883: tax 35,75% × 38.883 − 3.115 (AHK above its afbouwpunt: 3.115 − 6,398% × (38.883 − 29.736))
    ahk = AHK - 0.06398 * (38883 - 29736)
    net_bij_grens = 38883 - (0.081 * 38883 + (0.179 + 0.001 + 0.0965) * 38883 - ahk)
    g = inkomstenbelasting.bruto_bij_netto(np.array([net_bij_grens + 0.1, 16925.76]), extra)
    assert g[0] == pytest.approx(38883, abs=0.002)
    assert g[1] == pytest.approx((16925.76 - AHK) / (1 - TARIEF), abs=1e-6)


def test_an_event_sees_net_bijstand_as_bijstand_received():
    # Participatiewet art. 17: whoever receives bijstand reports starting work to the gemeente, given net or gross
    for inkomen in (NETTO, BRUTO):
        d = alleenstaande(inkomen)
        d["gebeurtenissen"] = [{"datum": "2026-05-01", "soort": "start_met_werken", "persoon": "sanne"}]
        assert "start_met_werken_gemeente_bijstand" in [s.get("regel") for s in check(d)["signalen"]]

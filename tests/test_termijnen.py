"""Application terms and passed deadlines (issue 13): every expected date comes from the law text or an official
example, written out here; the checker's own amounts are only used where the test is about which months count.

- Kinderopvangtoeslag: no right "over de periode tot de eerste dag van de kalendermaand die drie kalendermaanden
  gelegen is voor de datum waarop de aanvraag ... is ingediend" (Wet kinderopvang art. 1.3 lid 2 onder b, text
  2026-01-01 and 2024-12-11). belastingdienst.nl, "Ik wil een toeslag aanvragen": opvang from 1 April → apply by
  31 July; an application in September gives toeslag from 1 June, April and May are lost.
- Zorgtoeslag, huurtoeslag, kindgebonden budget: "tot en met 31 december van het jaar volgend op het
  berekeningsjaar" (Awir art. 15 lid 1, text 2026-01-01).
- Bijstand: not before the day of the melding (Participatiewet art. 44 lid 1); from 2026 the college "kan" go back at
  most three months when individual circumstances require it (art. 44 lid 5, text 2026-01-01; not in 2025-02-04).
- Kwijtschelding: beroep within ten days (Uitvoeringsregeling Invorderingswet 1990 art. 24 jo. art. 28); a request
  after payment within three months of the last payment (Leidraad Invordering 2008 art. 26.1.1).
- A signal whose datum lies before the peildatum is "verlopen" (contract section 10).
"""
from __future__ import annotations

from datetime import date

import pytest

from checker import check, huishouden, invoer, parameters, signalen
from checker.berekening import bereken

from . import helpers

WERK = [{"soort": "werk", "van": "2020-01-01"}]


def kot_huis(uren: list[int], peildatum: str, jaar: int = 2026, ontvangt: float = 0.0) -> dict:
    """Two working parents (each € 2.000 loon a month), one child of three in dagopvang at € 10 an hour."""
    return helpers.huis(
        helpers.persoon("a", "aanvrager", leeftijd=35, inkomen={"loon": 2000}, activiteiten=WERK),
        helpers.persoon("p", "partner", leeftijd=35, inkomen={"loon": 2000}, activiteiten=WERK),
        helpers.kind("k", f"{jaar - 3}-02-01", opvang=("dagopvang", uren, 10.0)),
        jaar=jaar, naam="opvang", peildatum=peildatum, ontvangt={"kinderopvangtoeslag": ontvangt})


def kot_signaal(uit: dict) -> dict:
    [s] = [s for s in uit["signalen"] if s["code"] == "NIET_GEBRUIK" and s["regelingen"] == ["kinderopvangtoeslag"]]
    return s


def laatste_dag(jaar: int, maand: int) -> date:
    """The last day of calendar month ``maand`` (1..12, or beyond into the next year)."""
    jaar, maand = jaar + (maand - 1) // 12, (maand - 1) % 12 + 1
    volgende = date(jaar + maand // 12, maand % 12 + 1, 1)
    return date.fromordinal(volgende.toordinal() - 1)


def eerste_maand_die_meetelt(aanvraag: date, jaar: int) -> int:
    """Wet kinderopvang art. 1.3 lid 2 onder b: the first month (1..12 of ``jaar``) an application on ``aanvraag``
    still reaches: the calendar month three months before the month of the application."""
    return (aanvraag.year - jaar) * 12 + aanvraag.month - 3


# --- kinderopvangtoeslag: three months back ----------------------------------------------------------------------
def test_belastingdienst_example_april_start_apply_by_31_july():
    # opvang from 1 April: "U moet dan uiterlijk 31 juli ... aanvragen"
    uit = check(kot_huis([0, 0, 0] + [100] * 9, "2026-06-15"))
    s = kot_signaal(uit)
    assert s["datum"] == laatste_dag(2026, 4 + 3).isoformat() == "2026-07-31"
    assert s["verlopen"] is False and s["ernst"] == "hoog"
    assert s["bedrag"] == uit["regelingen"]["kinderopvangtoeslag"]["jaarbedrag"] > 0
    assert "31 juli 2026" in s["actie"] and "31 juli 2026" in s["bewoner"]


def test_belastingdienst_example_applying_in_september_loses_april_and_may():
    # "Vraagt u de toeslag pas in september aan? Dan krijgt u toeslag vanaf 1 juni. De toeslag voor april en mei loopt
    # u dus mis."
    uit = check(kot_huis([0, 0, 0] + [100] * 9, "2026-09-10"))
    maand = uit["regelingen"]["kinderopvangtoeslag"]["maandbedragen"]
    vanaf = eerste_maand_die_meetelt(date(2026, 9, 10), 2026)
    assert vanaf == 6                                                   # June
    s = kot_signaal(uit)
    assert s["verlopen"] is True and s["datum"] == "2026-07-31"
    assert s["regel"] == "niet_gebruik_kinderopvangtoeslag_maanden_verloren"
    assert s["bedrag"] == pytest.approx(sum(maand[vanaf - 1:]))          # June-December still to be had
    assert "2 maand(en)" in s["titel"]                                  # April and May
    assert "1 juni 2026" in s["actie"] and "1 juni 2026" in s["bewoner"]
    # waiting one month more costs June's toeslag
    assert f"{maand[vanaf - 1]:.0f}" in s["actie"].replace(".", "")


def test_issue_13_opvang_from_may_deadline_31_august_then_each_month_costs_that_month():
    # issue 13: childcare from May, no toeslag: the deadline is 31 August 2026, not 31 December 2027
    uren = [0] * 4 + [100] * 8
    s = kot_signaal(check(kot_huis(uren, "2026-06-15")))
    assert s["datum"] == "2026-08-31" and s["verlopen"] is False
    assert "2027" not in s["actie"]
    maand = check(kot_huis(uren, "2026-06-15"))["regelingen"]["kinderopvangtoeslag"]["maandbedragen"]
    vorige = None
    for aanvraagmaand in range(9, 13):                                  # applying in September ... December
        uit = check(kot_huis(uren, f"2026-{aanvraagmaand:02d}-15"))
        nog = kot_signaal(uit)["bedrag"]
        assert nog == pytest.approx(sum(maand[eerste_maand_die_meetelt(date(2026, aanvraagmaand, 15), 2026) - 1:]))
        if vorige is not None:                                          # a month later: that month's toeslag less
            assert vorige - nog == pytest.approx(maand[aanvraagmaand - 4 - 1])
        vorige = nog


def test_kinderopvangtoeslag_for_december_can_be_asked_until_31_march():
    # belastingdienst.nl: "Kinderopvangtoeslag voor december 2018 kunt u bijvoorbeeld nog aanvragen tot 1 april 2019"
    uren = [0] * 11 + [100]
    assert kot_signaal(check(kot_huis(uren, "2026-12-20")))["datum"] == "2027-03-31"
    laat = kot_signaal(check(kot_huis(uren, "2027-04-01")))
    assert laat["verlopen"] is True and laat["regel"] == "niet_gebruik_kinderopvangtoeslag_termijn_voorbij"


def test_kinderopvangtoeslag_is_not_under_the_awir_year_term():
    uit = check(kot_huis([100] * 12, "2026-03-01"))
    s = kot_signaal(uit)
    assert s["datum"] == "2026-04-30"                                   # January + three months
    assert not [x for x in uit["signalen"] if x["regel"] == "niet_gebruik_toeslag"
                and x["regelingen"] == ["kinderopvangtoeslag"]]


def test_kinderopvangtoeslag_received_gives_no_niet_gebruik():
    uit = check(kot_huis([0] * 4 + [100] * 8, "2026-06-15", ontvangt=50))
    assert not [s for s in uit["signalen"]
                if s["code"] == "NIET_GEBRUIK" and s["regelingen"] == ["kinderopvangtoeslag"]]


def test_the_three_months_are_a_parameter_with_its_source():
    for jaar in (2025, 2026):
        r = parameters.laad(jaar).record("kinderopvangtoeslag.aanvraag_terugwerkende_kalendermaanden")
        assert r.waarde == 3 and r.zekerheid == "A" and "art. 1.3 lid 2 onder b" in r.bron


# --- the year-based toeslagen: Awir art. 15 -----------------------------------------------------------------------
@pytest.mark.parametrize("jaar, uiterlijk", [(2025, "2026-12-31"), (2026, "2027-12-31")])
def test_awir_term_for_zorgtoeslag(jaar, uiterlijk):
    from .helpers import huishouden as hh
    s = next(s for s in check(hh(1500, None, jaar))["signalen"]
             if s["code"] == "NIET_GEBRUIK" and s["regelingen"] == ["zorgtoeslag"])
    assert s["datum"] == uiterlijk and s["verlopen"] is False
    assert "Awir art. 15 lid 1" in s["bronnen"]


# --- bijstand: from the day of the melding ------------------------------------------------------------------------
def bijstand_huis(jaar: int) -> dict:
    return helpers.huis(helpers.persoon("a", "aanvrager", inkomen={"loon": 400}), jaar=jaar, naam="laag",
                        peildatum=f"{jaar}-06-15", wonen={"soort": "huur", "kale_huur": 650, "corporatie": True},
                        vermogen=0)


@pytest.mark.parametrize("jaar, regel", [(2025, "bijstand_mogelijk"), (2026, "bijstand_mogelijk_terugwerkend")])
def test_bijstand_from_the_day_of_the_melding_each_month_of_waiting_costs(jaar, regel):
    uit = check(bijstand_huis(jaar))
    [s] = [s for s in uit["signalen"] if s["code"] == "BIJSTAND_MOGELIJK"]
    assert s["regel"] == regel
    assert s["datum"] == f"{jaar}-06-15" and s["verlopen"] is False     # act on the peildatum itself
    maanden = [m for m in uit["regelingen"]["bijstand"]["maandbedragen"] if m > 0]
    per_maand = sum(maanden) / len(maanden)
    from checker.opmaak import euro
    assert euro(per_maand) in s["actie"] and euro(per_maand) in s["bewoner"]
    assert "Participatiewet art. 44 lid 1 (ingang bijstand)" in " ".join(s["bronnen"])
    # art. 44 lid 5 (2026 only): at most three months back, when individual circumstances require it
    assert ("3 maanden" in s["actie"]) == (jaar == 2026)


# --- kwijtschelding: the gemeente's term -------------------------------------------------------------------------
def test_kwijtschelding_names_the_terms():
    uit = check("kwijtschelding-grens")
    s = next(s for s in uit["signalen"] if s["code"] == "KWIJTSCHELDING_MOGELIJK")
    assert "10 dagen" in s["actie"] and "3 maanden" in s["actie"]     # URI art. 24; Leidraad 26.1.1
    assert "10 dagen" in s["bewoner"]


def test_a_gemeente_term_for_kwijtschelding_is_policy_data():
    h = huishouden.laad("kwijtschelding-grens")
    p = parameters.laad(h.jaar).met_gemeentebeleid(
        {"alle": {"kwijtschelding": {"aanvraag_binnen_weken_na_aanslag": 6}}})
    sigs = signalen.bepaal(h, bereken(invoer.uit_huishoudens([h]), p))
    [s] = [s for s in sigs if s["code"] == "KWIJTSCHELDING_MOGELIJK"]
    assert s["regel"] == "kwijtschelding_mogelijk_termijn_gemeente" and "6 weken" in s["bewoner"]


# --- passed deadlines (contract section 10) ----------------------------------------------------------------------
def werkt_weer(peildatum: str) -> dict:
    """Starts work on 10 January 2026 while a zorgtoeslag voorschot runs: report the higher income within four
    weeks (Uitvoeringsregeling Awir art. 5 lid 1), so by 7 February 2026."""
    from .helpers import huishouden as hh
    h = hh([0] + [2500] * 11, None, 2026, ontvangt_zt=100, peildatum=peildatum)
    h["gebeurtenissen"] = [{"datum": "2026-01-10", "soort": "start_met_werken", "persoon": "a"}]
    return h


def test_a_passed_deadline_is_verlopen_and_says_what_can_still_be_done():
    def doorgeven(uit):
        [s] = [s for s in uit["signalen"] if s["regel"] == "start_met_werken_dienst_toeslagen"]
        return s
    op_tijd = doorgeven(check(werkt_weer("2026-01-20")))
    te_laat = doorgeven(check(werkt_weer("2026-06-15")))
    assert op_tijd["datum"] == te_laat["datum"] == "2026-02-07"
    assert op_tijd["verlopen"] is False and te_laat["verlopen"] is True
    assert te_laat["actie"] != op_tijd["actie"] and "voorbij" in te_laat["actie"]
    assert "betalingsregeling" in te_laat["actie"] and "te laat" in te_laat["bewoner"]


def test_the_day_itself_is_not_passed():
    doorgeven = next(s for s in check(werkt_weer("2026-02-07"))["signalen"]
                     if s["regel"] == "start_met_werken_dienst_toeslagen")
    assert doorgeven["verlopen"] is False


def test_every_rule_that_can_pass_says_what_can_still_be_done():
    for regel in signalen.lees_regels():
        if signalen.kan_verlopen(regel):
            assert regel.actie_verlopen and regel.bewoner_verlopen, regel.naam


@pytest.mark.parametrize("naam", huishouden.persona_namen())
def test_personas_a_year_later_every_date_before_the_peildatum_is_verlopen(naam):
    h = huishouden.laad(naam)
    peil = date(h.jaar + 1, 12, 31)
    doc = h.model_dump(by_alias=True, mode="json", exclude_none=True)
    doc["peildatum"] = peil.isoformat()
    uit = check(doc)
    for s in uit["signalen"]:
        if "datum" in s:
            assert s["verlopen"] is (s["datum"] < peil.isoformat()), s["regel"]
        else:
            assert s["verlopen"] is False


# --- UWV: the WIA-uitkering is not granted over more than 52 weeks before the application ------------------------
def test_a_computed_wga_that_is_not_received_names_uwv_and_the_52_weeks():
    # Wet WIA art. 64 lid 11: "kan niet worden vastgesteld over perioden gelegen voor 52 weken voorafgaand aan de dag
    # waarop de aanvraag om een uitkering werd ingediend"
    h = {"schema": 1, "naam": "wia", "jaar": 2026, "peildatum": "2026-06-15", "vermogen": 0,
         "personen": [{"id": "a", "rol": "aanvrager", "leeftijd": 45, "inkomen": {"loon": 900},
                       "wia": {"fase": "na_loongerelateerd", "klasse": "45-55", "maandloon": 3000,
                               "restverdiencapaciteit": 1500}}]}
    uit = check(h)
    [s] = [s for s in uit["signalen"] if s["code"] == "NIET_GEBRUIK" and s["regelingen"] == ["wga"]]
    assert s["instantie"] == "UWV" and "52 weken" in s["bewoner"]
    assert s["bedrag"] == uit["regelingen"]["wga"]["jaarbedrag"]
    h["personen"][0]["inkomen"]["wga"] = 1050
    assert not [s for s in check(h)["signalen"] if s["code"] == "NIET_GEBRUIK" and s["regelingen"] == ["wga"]]

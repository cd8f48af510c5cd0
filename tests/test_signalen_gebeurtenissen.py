"""Life events (VNG, "Stand van de Uitvoering Gemeenten 2023", regel 1426: "Bij ingrijpende levensgebeurtenissen als
ontslag, ziekte of scheiding krijgen inwoners vaak met meerdere overheden te maken"): for each gebeurtenis the
instanties that must be told or asked, each only when it is involved for this household
(rules/signalen/gebeurtenissen.yaml, code GEBEURTENIS_DOORGEVEN). Every deadline below is the event date plus the
term written in the law or on the executor's page, counted here by hand."""
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from checker import check

from .helpers import huishouden as hh

CODE = "GEBEURTENIS_DOORGEVEN"
# Terms, from the texts read for the parameters (rules/parameters/<jaar>/gebeurtenissen.yaml, wijzigingen.yaml):
AWIR_DAGEN = 28   # Uitvoeringsregeling Awir art. 5 lid 1: "binnen vier weken"
BRP_DAGEN = 5     # Wet BRP art. 2.39 lid 2: "niet later dan de vijfde dag na de adreswijziging"
GEBOORTE_DAGEN = 3  # BW Boek 1 art. 19e lid 7: "binnen drie dagen na de dag der bevalling"
WW_DAGEN = 7      # WW art. 26 lid 1 onder b: "binnen één week na het intreden van zijn werkloosheid"
UWV_DAGEN = 7     # uwv.nl: wijzigingen "binnen 1 week" (WW art. 25 lid 1, Wet WIA art. 27 lid 1: onverwijld)
SVB_DAGEN = 28    # svb.nl (AOW, kinderbijslag): "binnen 4 weken" (AOW art. 49, AKW art. 15 lid 1: onverwijld)


def gebeurtenis(soort: str, datum: str = "2026-05-01", persoon: str | None = None) -> list[dict]:
    g = {"datum": datum, "soort": soort}
    if persoon:
        g["persoon"] = persoon
    return [g]


def signalen(h: dict) -> dict[str, dict]:
    """The GEBEURTENIS_DOORGEVEN signals by rule name."""
    return {s["regel"]: s for s in check(h)["signalen"] if s["code"] == CODE}


def na(datum: str, dagen: int) -> str:
    return str(date.fromisoformat(datum) + timedelta(days=dagen))


def met_inkomen(h: dict, persoon: int = 0, **inkomen) -> dict:
    h["personen"][persoon]["inkomen"] = inkomen
    return h


def kind(leeftijd: int | None = None, geboortedatum: str | None = None, id_: str = "k") -> dict:
    k = {"id": id_, "rol": "kind"}
    k.update({"leeftijd": leeftijd} if geboortedatum is None else {"geboortedatum": geboortedatum})
    return k


# --- samenwonen ------------------------------------------------------------------------------------------------
def test_samenwonen_with_a_toeslag_voorschot_goes_to_dienst_toeslagen_within_four_weeks():
    # Awir art. 17 lid 1 (voorschot verleend) + Uitvoeringsregeling Awir art. 5 lid 2 onder a (partnerschap)
    s = signalen(hh(1500, partner_loon=1000, ontvangt_zt=100, gebeurtenissen=gebeurtenis("samenwonen")))
    t = s["samenwonen_dienst_toeslagen"]
    assert t["instantie"] == "Dienst Toeslagen" and t["ernst"] == "hoog"
    assert t["datum"] == na("2026-05-01", AWIR_DAGEN) == "2026-05-29"
    assert any("Uitvoeringsregeling Awir art. 5" in b for b in t["bronnen"])
    assert "zorgtoeslag" in t["uitleg"]


def test_samenwonen_with_bijstand_goes_to_the_gemeente_and_with_aow_to_the_svb():
    # Participatiewet art. 17 lid 1 and art. 3 lid 2 onder a; AOW art. 1 lid 3 onder a, art. 9 and art. 49
    bijstand = met_inkomen(hh(0, gebeurtenissen=gebeurtenis("samenwonen")), bijstand=1400)
    s = signalen(bijstand)
    assert s["samenwonen_gemeente_bijstand"]["instantie"] == "gemeente"
    bronnen = s["samenwonen_gemeente_bijstand"]["bronnen"]
    assert "Participatiewet art. 17 lid 1 (inlichtingenplicht, onverwijld)" in bronnen
    assert "datum" not in s["samenwonen_gemeente_bijstand"]        # "onverwijld": no term in days
    aow = met_inkomen(hh(0, leeftijd=72, gebeurtenissen=gebeurtenis("samenwonen", "2026-03-15")), aow=1500)
    t = signalen(aow)["samenwonen_svb_aow"]
    assert t["instantie"] == "SVB" and t["datum"] == na("2026-03-15", SVB_DAGEN) == "2026-04-12"


def test_samenwonen_is_silent_where_no_instantie_is_involved():
    # wages only, no voorschot, no bijstand, no AOW: nobody has to be told (the BRP registration is a verhuizing)
    assert signalen(hh(2500, gebeurtenissen=gebeurtenis("samenwonen"))) == {}
    # bijstand ended in March; the event is in October: the inlichtingenplicht is over
    h = met_inkomen(hh(0, gebeurtenissen=gebeurtenis("samenwonen", "2026-10-01")), bijstand=[1400] * 3 + [0] * 9)
    assert "samenwonen_gemeente_bijstand" not in signalen(h)


# --- scheiding -------------------------------------------------------------------------------------------------
def test_scheiding_goes_to_dienst_toeslagen_gemeente_and_svb_where_involved():
    h = hh(1200, partner_loon=900, ontvangt_zt=150, gebeurtenissen=gebeurtenis("scheiding", "2026-06-10"))
    h["personen"][0]["inkomen"]["bijstand"] = 300
    h["personen"].append(kind(leeftijd=5))
    s = signalen(h)
    assert s["scheiding_dienst_toeslagen"]["datum"] == na("2026-06-10", AWIR_DAGEN) == "2026-07-08"
    assert "Awir art. 8 lid 3 (toetsingsinkomen van de partner bij beëindiging partnerschap)" in \
        s["scheiding_dienst_toeslagen"]["bronnen"]
    assert s["scheiding_gemeente_bijstand"]["instantie"] == "gemeente"
    # a child of 5 gives kinderbijslag (AKW art. 7 lid 1): who gets it after the scheiding is for the SVB
    svb = s["scheiding_svb"]
    assert svb["instantie"] == "SVB" and "kinderbijslag" in svb["titel"] and "AOW" not in svb["titel"]
    assert svb["datum"] == na("2026-06-10", SVB_DAGEN)


def test_scheiding_is_silent_without_toeslag_bijstand_aow_or_children():
    assert signalen(hh(3000, partner_loon=2000, gebeurtenissen=gebeurtenis("scheiding"))) == {}


def test_scheiding_with_aow_names_aow_for_the_svb():
    h = met_inkomen(hh(0, leeftijd=70, partner_leeftijd=69, partner_loon=0, gebeurtenissen=gebeurtenis("scheiding")),
                    aow=1300)
    assert signalen(h)["scheiding_svb"]["titel"].endswith("(AOW)")


# --- stopt met werken ------------------------------------------------------------------------------------------
def test_stopping_wage_work_means_ww_aanvragen_within_a_week():
    # WW art. 26 lid 1 onder b: the aanvraag within one week; art. 22 lid 1: only on aanvraag
    h = hh([2500] * 4 + [0] * 8, gebeurtenissen=gebeurtenis("stopt_met_werken", "2026-04-30", "a"))
    s = signalen(h)["stopt_met_werken_uwv_ww"]
    assert s["instantie"] == "UWV" and s["datum"] == na("2026-04-30", WW_DAGEN) == "2026-05-07"
    assert "Werkloosheidswet art. 26 lid 1 onder b en d (aanvraag binnen één week; inschrijving als werkzoekende)" \
        in s["bronnen"]
    assert s["titel"].startswith("De aanvrager")


def test_no_ww_signal_for_winst_at_aow_age_or_without_a_person():
    winst = met_inkomen(hh(0, gebeurtenissen=gebeurtenis("stopt_met_werken", "2026-04-30", "a")),
                        winst=[900] * 4 + [0] * 8)                       # a zzp'er is no werknemer for the WW
    assert "stopt_met_werken_uwv_ww" not in signalen(winst)
    oud = hh([1200] * 4 + [0] * 8, leeftijd=68, gebeurtenissen=gebeurtenis("stopt_met_werken", "2026-04-30", "a"))
    assert "stopt_met_werken_uwv_ww" not in signalen(oud)              # WW art. 19 lid 1 onder i
    niemand = hh([2500] * 4 + [0] * 8, gebeurtenissen=gebeurtenis("stopt_met_werken", "2026-04-30"))
    assert "stopt_met_werken_uwv_ww" not in signalen(niemand)          # who stops is not given


def test_stopping_work_with_wga_toeslag_and_bijstand():
    h = hh(0, ontvangt_zt=80, gebeurtenissen=gebeurtenis("stopt_met_werken", "2026-02-15", "a"))
    met_inkomen(h, winst=[500, 500] + [0] * 10, wga=1000, bijstand=200)
    s = signalen(h)
    assert s["stopt_met_werken_uwv_wga"]["datum"] == na("2026-02-15", UWV_DAGEN) == "2026-02-22"
    assert "Wet WIA art. 27 lid 1 (informatieplicht, zo spoedig mogelijk)" in s["stopt_met_werken_uwv_wga"]["bronnen"]
    assert s["stopt_met_werken_dienst_toeslagen"]["ernst"] == "midden"
    assert "datum" not in s["stopt_met_werken_dienst_toeslagen"]     # a lower income: no term for reporting it
    assert s["stopt_met_werken_gemeente_bijstand"]["instantie"] == "gemeente"
    assert "stopt_met_werken_uwv_ww" not in s                         # winst, not loon


# --- start met werken ------------------------------------------------------------------------------------------
def test_starting_work_with_a_voorschot_ww_and_bijstand():
    h = hh([0] * 6 + [1800] * 6, ontvangt_zt=120, gebeurtenissen=gebeurtenis("start_met_werken", "2026-07-01", "a"))
    h["personen"][0]["inkomen"].update(ww=[1500] * 7 + [0] * 5, bijstand=[200] * 7 + [0] * 5)
    s = signalen(h)
    # Uitvoeringsregeling Awir art. 5 lid 2 onder b: a higher estimated income that lowers the toeslag
    assert s["start_met_werken_dienst_toeslagen"]["datum"] == na("2026-07-01", AWIR_DAGEN) == "2026-07-29"
    uwv = s["start_met_werken_uwv"]
    assert uwv["instantie"] == "UWV" and "WW-uitkering" in uwv["titel"]
    assert uwv["datum"] == na("2026-07-01", UWV_DAGEN)
    assert "Werkloosheidswet art. 25 lid 1 (inlichtingenplicht, onverwijld)" in uwv["bronnen"]
    assert s["start_met_werken_gemeente_bijstand"]["instantie"] == "gemeente"


def test_starting_work_is_silent_for_uwv_when_only_the_partner_has_ww():
    # WW is the person's own benefit (WW art. 25 lid 1: "de werknemer"); the partner's WW is not affected
    h = hh([0] * 6 + [1800] * 6, partner_loon=0, gebeurtenissen=gebeurtenis("start_met_werken", "2026-07-01", "a"))
    h["personen"][1]["inkomen"] = {"ww": 1500}
    assert signalen(h) == {}


# --- geboorte --------------------------------------------------------------------------------------------------
def test_birth_of_a_first_child_gemeente_and_svb():
    h = hh(2000, partner_loon=1500, gebeurtenissen=gebeurtenis("geboorte", "2026-03-20"), peildatum="2026-03-21")
    h["personen"].append(kind(geboortedatum="2026-03-20"))
    s = signalen(h)
    g = s["geboorte_gemeente"]
    assert g["instantie"] == "gemeente" and g["datum"] == na("2026-03-20", GEBOORTE_DAGEN) == "2026-03-23"
    svb = s["geboorte_svb_kinderbijslag"]
    assert svb["instantie"] == "SVB" and svb["regelingen"] == ["kinderbijslag"]
    assert "AKW art. 14 lid 1 onder a en lid 5 onder a (op aanvraag; terugwerkende kracht)" in svb["bronnen"]
    assert "geboorte_dienst_toeslagen" not in s                      # no toeslag voorschot


def test_birth_of_a_second_child_svb_adjusts_by_itself_and_toeslagen_come_via_the_gemeente():
    # rijksoverheid.nl: "Krijgt u al kinderbijslag ... Dan hoeft u niets te doen"; belastingdienst.nl: a birth need
    # not be reported to Dienst Toeslagen, it comes from the gemeente
    h = hh(2000, ontvangt_zt=100, gebeurtenissen=gebeurtenis("geboorte", "2026-03-20"), peildatum="2026-03-23")
    h["personen"] += [kind(leeftijd=4, id_="oud"), kind(geboortedatum="2026-03-20")]
    s = signalen(h)
    assert "geboorte_svb_kinderbijslag" not in s
    info = s["geboorte_dienst_toeslagen"]
    assert info["ernst"] == "info" and info["instantie"] == "Dienst Toeslagen"
    assert "belastingdienst.nl, Ik krijg een kind - moet ik dat doorgeven aan toeslagen?" in info["bronnen"]
    assert "geboorte_gemeente" in s


def test_birth_registration_is_not_asked_once_its_term_has_passed():
    # on the peildatum 24 March the three days of BW Boek 1 art. 19e lid 7 (until 23 March) have passed: the
    # registration is done (or no longer the question); kinderbijslag still has to be applied for
    h = hh(2000, gebeurtenissen=gebeurtenis("geboorte", "2026-03-20"), peildatum="2026-03-24")
    h["personen"].append(kind(geboortedatum="2026-03-20"))
    s = signalen(h)
    assert "geboorte_gemeente" not in s and "geboorte_svb_kinderbijslag" in s


def test_an_adult_sibling_does_not_count_for_kinderbijslag():
    # kinderbijslag is for a child younger than 18 (AKW art. 7 lid 1): a 19-year-old gives none, so apply
    h = hh(2000, gebeurtenissen=gebeurtenis("geboorte", "2026-03-20"))
    h["personen"] += [kind(leeftijd=19, id_="oud"), kind(geboortedatum="2026-03-20")]
    assert "geboorte_svb_kinderbijslag" in signalen(h)


# --- verhuizing ------------------------------------------------------------------------------------------------
def test_verhuizing_brp_always_and_huurtoeslag_with_a_huurtoeslag_voorschot():
    h = hh(1500, wonen={"soort": "huur", "kale_huur": 650}, ontvangt={"huurtoeslag": 200},
           gebeurtenissen=gebeurtenis("verhuizing", "2026-08-30"))
    s = signalen(h)
    assert s["verhuizing_gemeente_brp"]["datum"] == na("2026-08-30", BRP_DAGEN) == "2026-09-04"
    ht = s["verhuizing_dienst_toeslagen"]
    assert ht["regelingen"] == ["huurtoeslag"] and ht["datum"] == na("2026-08-30", AWIR_DAGEN)
    assert any("lid 3 onder a-b" in b for b in ht["bronnen"])       # Uitv.reg. Awir: huurprijs, huurcontract


def test_verhuizing_without_huurtoeslag_or_bijstand_is_only_the_brp():
    # a zorgtoeslag voorschot: the new address reaches Dienst Toeslagen through the BRP, nothing else to report
    s = signalen(hh(1500, ontvangt_zt=100, gebeurtenissen=gebeurtenis("verhuizing", "2026-08-30")))
    assert set(s) == {"verhuizing_gemeente_brp"}


def test_verhuizing_with_bijstand_goes_to_the_gemeente_that_pays_it():
    h = met_inkomen(hh(0, gebeurtenissen=gebeurtenis("verhuizing", "2026-08-30")), bijstand=1400)
    s = signalen(h)
    assert "Participatiewet art. 40 lid 1-2 (bijstand van de woongemeente; opschorting bij een afwijkend adres)" in \
        s["verhuizing_gemeente_bijstand"]["bronnen"]


# --- the same terms in 2025; the warning stays; the rule file ----------------------------------------------------
def test_2025_uses_the_same_terms():
    h = hh([2500] * 4 + [0] * 8, jaar=2025, gebeurtenissen=gebeurtenis("stopt_met_werken", "2025-04-30", "a"))
    assert signalen(h)["stopt_met_werken_uwv_ww"]["datum"] == "2025-05-07"


def test_events_not_yet_recomputed_per_month_say_so():
    # samenwonen and scheiding change the partner months (tests/test_partner_per_maand.py); a move does not yet
    u = check(hh(1500, ontvangt_zt=100, gebeurtenissen=gebeurtenis("verhuizing")))
    assert any("nog niet per maand verwerkt" in w for w in u["waarschuwingen"])


def test_every_rule_names_a_legal_source_with_an_article():
    pad = Path(__file__).resolve().parents[1] / "rules" / "signalen" / "gebeurtenissen.yaml"
    regels = yaml.safe_load(pad.read_text(encoding="utf-8"))["regels"]
    assert len(regels) >= 6
    for r in regels:
        assert r["code"] == CODE and r["feit"] == "gebeurtenis"
        assert any(" art. " in b for b in r["bronnen"]), r["naam"]


# --- which instanties, as a table written from the law ---------------------------------------------------------
# event kind -> {instantie: the condition under which the law makes it involved}
VERWACHT = {
    "samenwonen": {"Dienst Toeslagen": "voorschot", "gemeente": "bijstand"},
    "scheiding": {"Dienst Toeslagen": "voorschot", "gemeente": "bijstand"},
    "start_met_werken": {"Dienst Toeslagen": "voorschot", "gemeente": "bijstand"},
    "stopt_met_werken": {"Dienst Toeslagen": "voorschot", "gemeente": "bijstand", "UWV": "loon"},
    "verhuizing": {"gemeente": "altijd"},
    "geboorte": {"gemeente": "altijd", "SVB": "altijd", "Dienst Toeslagen": "voorschot"},
}


@pytest.mark.parametrize("soort", sorted(VERWACHT))
@pytest.mark.parametrize("voorschot,bijstand", [(False, False), (True, False), (False, True), (True, True)])
def test_the_instanties_follow_what_the_household_receives(soort, voorschot, bijstand):
    h = hh([2000] * 6 + [0] * 6 if soort == "stopt_met_werken" else 2000, ontvangt_zt=100 if voorschot else 0,
           gebeurtenissen=gebeurtenis(soort, "2026-06-30", "a"))
    if bijstand:
        h["personen"][0]["inkomen"]["bijstand"] = 250
    if soort == "geboorte":
        h["personen"].append(kind(geboortedatum="2026-06-30"))
    gekregen = {s["instantie"] for s in signalen(h).values()}
    voorwaarde = {"altijd": True, "voorschot": voorschot, "bijstand": bijstand, "loon": True}
    assert gekregen == {inst for inst, v in VERWACHT[soort].items() if voorwaarde[v]}


# --- the personas of the casussen ------------------------------------------------------------------------------
def test_ronald_thuis_must_tell_uwv_and_dienst_toeslagen_that_he_stopped():
    # personas/ronald-marijke-thuis.yaml: Ronald (zzp, WGA) stops on 31 January 2026 and UWV keeps paying because
    # the end of his work was not reported (L1324, L1400). Wet WIA art. 27 lid 1 → UWV; the KOT voorschot runs → DT.
    # He had winst, not loon: no WW.
    s = signalen("ronald-marijke-thuis")
    assert set(s) == {"stopt_met_werken_uwv_wga", "stopt_met_werken_dienst_toeslagen"}
    assert s["stopt_met_werken_uwv_wga"]["datum"] == na("2026-01-31", UWV_DAGEN)


def test_wim_angelique_move_is_registered_at_the_new_gemeente():
    # personas/wim-angelique.yaml: the move on 1 September 2026 (L1240-L1242) → BRP within five days; Wim's WW ends
    # (his "stopt_met_werken" is the end of WW, not of wage work) so no WW aanvraag; no toeslag or bijstand received
    s = signalen("wim-angelique")
    assert set(s) == {"verhuizing_gemeente_brp"}
    assert s["verhuizing_gemeente_brp"]["datum"] == na("2026-09-01", BRP_DAGEN) == "2026-09-06"

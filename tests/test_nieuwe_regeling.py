"""Adding a regeling is one module with its REGISTRATIE (+ its parameters and tests): proved here with a small made-up
regeling registered in a temporary registry, without touching any other list. It is ordered after what it needs,
computed, in the check JSON and the net income, in the report, the scan and the reform, named in the signals, and a
signal rule can use the fact fields it declares."""
import io

import numpy as np
import pytest
import yaml
from rich.console import Console

from checker import api, check, feitsoorten, hervorming, huishouden, rapport, scan, signalen
from checker.engine import Regelset
from checker.feitsoorten import Veld
from checker.fouten import RegelFout
from checker.regelingen import register
from checker.regelingen.register import Regeling
from checker.regelingen._uitkomst import Uitkomst, nodig
from checker.regelingen.bijstand import Bijstandsnorm

from ._helpers_contract import REPO

PERSONA = "kwijtschelding-grens"   # an alleenstaande in the bijstand
# The made-up regeling: a gemeentelijke energietoeslag of 5% of the bijstandsnorm in every month with bijstand. A
# real regeling reads its numbers from rules/parameters/<jaar>/<sleutel>.yaml; this one is the test's own example.
DEEL = 0.05


def bereken_energietoeslag(inv, params, eerder) -> Uitkomst:
    bijstand = nodig(eerder, "bijstand", Uitkomst, "energietoeslag")
    norm = nodig(eerder, "bijstand", Bijstandsnorm, "energietoeslag")
    maand = np.where(bijstand.maandbedragen > 0, np.round(DEEL * norm.per_maand, 2), 0.0)
    jaar = np.round(maand.sum(axis=1), 2)
    return Uitkomst(regeling="energietoeslag", instantie="gemeente", maandbedragen=maand, jaarbedrag=jaar,
                    recht=jaar > 0, uitleg=lambda i: [f"{DEEL:.0%} van de bijstandsnorm in maanden met bijstand."],
                    bronnen=lambda i: ["Verordening energietoeslag (voorbeeld)"],
                    signaalbronnen={"bron_recht": "Verordening energietoeslag (voorbeeld) art. 2"},
                    feiten={"maanden_met_toeslag": (maand > 0).sum(axis=1)})


ENERGIETOESLAG = Regeling(sleutel="energietoeslag", naam="energietoeslag", instantie="gemeente", soort="uitkering",
                          bereken=bereken_energietoeslag, nodig={"bijstand": Bijstandsnorm}, rang=95,
                          feitvelden=(Veld("maanden_met_toeslag", "geheel", "maanden met energietoeslag"),))

# A signal rule about it, as it would stand in rules/signalen/gemeente.yaml.
REGEL = {"naam": "energietoeslag_aanvragen", "code": "NIET_GEBRUIK", "ernst": "laag", "feit": "regeling",
         "als": {"regeling": "energietoeslag", "recht": True, "maanden_met_toeslag": {"ten_minste": 1}},
         "titel": "Recht op {regeling_naam}", "uitleg": "{maanden_met_toeslag} maanden, samen {jaarbedrag:euro}.",
         "actie": "Vraag {regeling_naam} aan bij de {instantie}.", "bewoner": "Vraag {regeling_naam} aan.",
         "instantie": "{instantie}", "regelingen": ["{regeling}"], "bronnen": ["{bron_recht}"], "bedrag": "jaarbedrag"}


@pytest.fixture
def met_energietoeslag():
    with register.gebruik(register.standaard().met(ENERGIETOESLAG)) as r:
        yield r


def test_it_is_ordered_after_what_it_needs(met_energietoeslag):
    sleutels = met_energietoeslag.sleutels
    assert sleutels.index("energietoeslag") > sleutels.index("bijstand")
    assert sleutels[-3:] == ("kwijtschelding", "energietoeslag", "smi")   # rang 95 between 90 and 100


def test_it_is_computed_and_in_the_json_and_the_net_income(met_energietoeslag):
    uit = check(PERSONA)
    e = uit["regelingen"]["energietoeslag"]
    bijstand = uit["regelingen"]["bijstand"]["maandbedragen"]
    assert e["recht"] and e["instantie"] == "gemeente" and e["soort"] == "uitkering" and e["berekend"]
    assert len(e["maandbedragen"]) == 12 and all((m > 0) == (b > 0) for m, b in zip(e["maandbedragen"], bijstand))
    assert uit["netto_besteedbaar_inkomen"]["onderdelen"]["energietoeslag"] == pytest.approx(e["jaarbedrag"])
    assert list(uit["regelingen"]) == list(met_energietoeslag.sleutels)


def test_it_adds_to_the_net_income_and_nothing_else_changes():
    zonder = check(PERSONA)
    with register.gebruik(register.standaard().met(ENERGIETOESLAG)):
        met = check(PERSONA)
    extra = met["regelingen"]["energietoeslag"]["jaarbedrag"]
    assert extra > 0
    assert met["netto_besteedbaar_inkomen"]["jaarbedrag"] == pytest.approx(
        zonder["netto_besteedbaar_inkomen"]["jaarbedrag"] + extra, abs=0.01)
    for k, r in zonder["regelingen"].items():
        assert met["regelingen"][k] == r, k
    assert "energietoeslag" not in zonder["regelingen"]


def test_it_is_named_in_the_signals_the_report_the_scan_and_the_reform(met_energietoeslag):
    assert signalen.REGELING_NAMEN["energietoeslag"] == "energietoeslag"
    h = huishouden.laad(PERSONA)
    _, res = api.bereken_huishouden(PERSONA)
    alle = signalen.feiten(h, res)
    feit = next(f for f in alle if f.get("regeling") == "energietoeslag")
    assert feit["regeling_naam"] == "energietoeslag" and feit["instantie"] == "gemeente"
    assert feit["maanden_met_toeslag"] == 12 and feit["jaarbedrag"] > 0
    for f in alle:   # its fact holds exactly what it declares, like every other
        feitsoorten.controleer_feit(f, met_energietoeslag)
    uit = check(PERSONA)
    scherm = io.StringIO()
    rapport.toon(h, uit, Console(file=scherm, width=140))
    assert "energietoeslag" in scherm.getvalue()
    punten = scan(PERSONA, persoon=h.aanvrager.id, van=0, tot=400, stap=200)["punten"]
    assert all("energietoeslag" in p["regelingen"] for p in punten)
    assert "energietoeslag" in hervorming(REPO / "hervormingen" / "standaardpremie-plus-100.yaml", PERSONA)[
        "huishoudens"][0]["basis"]["regelingen"]


def test_a_signal_rule_can_use_its_declared_fields(met_energietoeslag):
    regel = signalen.SignaalRegel.model_validate(REGEL)
    signalen.controleer_velden(regel, met_energietoeslag)
    regelset = (Regelset("proef", signalen.compileer([regel])), {regel.naam: regel})
    h = huishouden.laad(PERSONA)
    _, res = api.bereken_huishouden(PERSONA)
    [signaal] = signalen.bepaal(h, res, regelset=regelset)
    assert signaal["titel"] == "Recht op energietoeslag" and signaal["regelingen"] == ["energietoeslag"]
    assert signaal["instantie"] == "gemeente"
    assert signaal["bedrag"] == pytest.approx(res.regelingen["energietoeslag"].jaarbedrag[0])
    assert signaal["uitleg"].startswith("12 maanden, samen")


def test_without_its_registration_a_rule_about_it_is_refused():
    regel = signalen.SignaalRegel.model_validate(REGEL)
    with pytest.raises(RegelFout, match="energietoeslag_aanvragen.*onbekende regeling 'energietoeslag'"):
        signalen.controleer_velden(regel, register.standaard())
    # and a field it does not declare is refused even with it registered
    anders = signalen.SignaalRegel.model_validate({**REGEL, "als": {"regeling": "energietoeslag", "maanden": 1}})
    with pytest.raises(RegelFout, match="onbekend veld 'maanden'"):
        signalen.controleer_velden(anders, register.standaard().met(ENERGIETOESLAG))


# What a life event means for it: declared in its registration, not in signalen.py.
def energie_bij_gebeurtenis(h, u, i, g, parameters) -> dict:
    return {"energietoeslag_loopt": bool(u.maandbedragen[i, g.datum.month - 1] > 0)}


MET_GEBEURTENIS = Regeling(**{**ENERGIETOESLAG.__dict__, "gebeurtenisvelden": (
    Veld("energietoeslag_loopt", "waarheid", "in de maand van de gebeurtenis wordt energietoeslag betaald"),),
    "gebeurtenisfeiten": energie_bij_gebeurtenis})
REGEL_GEBEURTENIS = {"naam": "energietoeslag_verhuizing", "code": "GEBEURTENIS_DOORGEVEN", "ernst": "midden",
                     "feit": "gebeurtenis", "als": {"soort": "verhuizing", "energietoeslag_loopt": True},
                     "titel": "Verhuizing doorgeven", "uitleg": "x", "actie": "Geef het door aan de gemeente.",
                     "bewoner": "x", "instantie": "gemeente", "regelingen": ["energietoeslag"], "bronnen": ["x"]}


def test_what_an_event_means_for_it_is_declared_in_its_registration():
    regel = signalen.SignaalRegel.model_validate(REGEL_GEBEURTENIS)
    with register.gebruik(register.standaard().met(MET_GEBEURTENIS)) as r:
        signalen.controleer_velden(regel, r)
        bestand = yaml.safe_load((REPO / "personas" / f"{PERSONA}.yaml").read_text(encoding="utf-8"))
        h = huishouden.valideer({**bestand, "gebeurtenissen": [{"soort": "verhuizing", "datum": "2026-05-10"}]})
        _, res = api.bereken_huishouden(h)
        [feit] = signalen.gebeurtenisfeiten(h, res, 0, h.peildatum)
        feitsoorten.controleer_feit(feit, r)          # exactly the declared fields, the registration's included
        assert feit["energietoeslag_loopt"] is True
    with pytest.raises(RegelFout, match="onbekend veld 'energietoeslag_loopt'"):
        signalen.controleer_velden(regel, register.standaard().met(ENERGIETOESLAG))
    with pytest.raises(register.RegisterFout, match="gebeurtenisvelden en gebeurtenisfeiten"):
        register.standaard().met(Regeling(**{**ENERGIETOESLAG.__dict__, "gebeurtenisfeiten": energie_bij_gebeurtenis}))

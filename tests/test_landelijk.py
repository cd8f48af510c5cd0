"""The calibrated national population (issue 12, contract section 9): the weights hit every calibration target,
the records are reproducible, reforms on the national population add up, and the report calls out control figures
that are far off."""
import json
from dataclasses import replace
import subprocess
import sys
import numpy as np
import pytest

from checker import InvoerFout
from checker.berekening import REGELINGEN
from checker.fouten import RegelFout
from checker.populatie import doorrekenen, gegevens, kalibratie, landelijk, maten, records

LEEG = {"schema": 1, "naam": "niets", "jaar": 2026, "wijzigingen": {}}
PLUS_100 = {"schema": 1, "naam": "+100", "jaar": 2026, "wijzigingen": {"zorgtoeslag.standaardpremie": 2219}}


@pytest.fixture(scope="module")
def basis_2026(tmp_path_factory):
    """`samenloop populatie --json --grafiek` as a user runs it (one run serves several tests)."""
    png = tmp_path_factory.mktemp("pop") / "populatie.png"
    uit = subprocess.run([sys.executable, "-m", "checker", "populatie", "--json", "--grafiek", str(png)],
                         capture_output=True, text=True, timeout=600)
    assert uit.returncode == 0, uit.stderr
    assert png.stat().st_size > 10_000
    return json.loads(uit.stdout)


def test_baseline_json_has_the_contract_shape(basis_2026):
    b = basis_2026
    assert b["schema"] == 1 and b["jaar"] == 2026 and b["records"] == records.aantal_records()
    assert set(b["regelingen"]) == set(REGELINGEN)
    for r in b["regelingen"].values():
        assert {"uitgaven", "recht", "ontvangers", "met_recht"} <= set(r)
        assert 0 <= r["uitgaven"] <= r["recht"] + 0.01 and 0 <= r["ontvangers"] <= r["met_recht"]
    assert {"kinderen_0_17", "huishoudens_aow"} <= set(b["personen"])
    assert {d["id"] for d in b["doelen"]} == {d.id for d in gegevens.doelen()}
    for d in b["doelen"]:
        assert d["gebruik"] in ("kalibratie", "controle")
        assert {"id", "omschrijving", "officieel", "model", "verhouding", "jaar", "bron"} <= set(d)
    assert b["doorlooptijd_s"] > 0


def test_every_calibration_target_within_two_percent(basis_2026):
    kalibratie_ = [d for d in basis_2026["doelen"] if d["gebruik"] == "kalibratie"]
    assert len(kalibratie_) >= 20
    for d in kalibratie_:
        assert abs(d["verhouding"] - 1) <= 0.02, d


def test_budget_totals_are_never_calibration_targets():
    for d in gegevens.doelen():
        if d.eenheid.startswith("euro"):   # totals and averages in euros
            assert d.gebruik == "controle", d.id


@pytest.mark.parametrize("jaar", [2025, 2026])
def test_weights_positive_and_adding_up_to_the_households(jaar):
    w, info = kalibratie.lees(jaar)
    totaal = next(d.waarde for d in gegevens.doelen() if d.maat == "huishoudens" and d.gebruik == "kalibratie")
    assert w.shape == (records.aantal_records(),) and (w > 0).all()
    assert abs(w.sum() / totaal - 1) < 0.02
    assert info["records"] == w.shape[0] and info["vingerafdruk"]
    # the file says how far each target was off when it was fitted
    assert max(abs(v) for v in info["afwijkingen"].values()) <= 0.02


def test_controle_far_off_is_called_out():
    doel = next(d for d in gegevens.doelen() if d.gebruik == "controle")
    ver = landelijk._doelen_json({d.maat: (1.5 * d.waarde if d.id == doel.id else d.waarde) for d in gegevens.doelen()})
    rij = next(r for r in ver if r["id"] == doel.id)
    assert rij["verhouding"] == 1.5 and "meer dan 25%" in rij["waarschuwing"]
    assert all("waarschuwing" not in r for r in ver if r["id"] != doel.id)


def test_report_shows_targets_and_warnings(basis_2026):
    from io import StringIO

    from rich.console import Console

    from checker import rapport
    buffer = StringIO()
    rapport.toon_landelijk(basis_2026, Console(file=buffer, width=200))
    tekst = buffer.getvalue()
    assert "Officiële cijfers tegen het model" in tekst and "kalibratie" in tekst
    for d in basis_2026["doelen"]:
        if "waarschuwing" in d:
            assert f"Let op: {d['omschrijving']}" in tekst


# --- the records ----------------------------------------------------------------------------------------
def test_records_are_reproducible_and_independent_of_the_slice_size():
    a = records.stuk(2026, 0, 2)
    b = records.plak([records.blok(2026, 0), records.blok(2026, 1)])
    c = records.stuk(2026, 1, 2)
    n = int(gegevens.ontwerp()["blok"])
    for x, y in ((a.invoer.inkomen_aanvrager["loon"], b.invoer.inkomen_aanvrager["loon"]),
                 (a.invoer.vermogen, b.invoer.vermogen), (a.invoer.bewoner_geboren, b.invoer.bewoner_geboren)):
        assert np.array_equal(x, y)
    assert np.array_equal(a.invoer.kale_huur[n:], c.invoer.kale_huur)
    assert np.array_equal(a.trekking["zorgtoeslag"][n:], c.trekking["zorgtoeslag"])


def test_records_are_plausible_households():
    r = records.blok(2026, 3)
    inv = r.invoer
    assert (inv.vermogen >= 0).all() and (inv.kale_huur >= 0).all() and (inv.opvang_uren >= 0).all()
    assert not (inv.kale_huur[~inv.huurwoning] > 0).any()
    # childcare only for children of parents who work, never in a month before the child is born
    geboren_in_jaar = inv.bewoner_geboren[..., 0] == inv.jaar
    maand = np.arange(1, 13)
    voor_geboorte = geboren_in_jaar[..., None] & (maand[None, None, :] <= inv.bewoner_geboren[..., 1:2])
    assert not (inv.opvang_uren[voor_geboorte] > 0).any()
    # a couple has a partner in every month; nobody below 18 is an aanvrager
    assert (inv.jaar - 1 - inv.geboren_aanvrager[:, 0] >= 18).all()
    assert set(np.unique(r.type)) <= set(range(len(records.TYPEN)))


def test_weights_refuse_other_records():
    w, info = kalibratie.lees(2026)
    with pytest.raises(RegelFout, match="kalibreer opnieuw"):
        landelijk._controleer_afdruk("0" * 16, info, 2026)


def test_calibration_with_microcalibrate_hits_its_targets():
    # the reweighting itself, on the first block: targets set 10% off the block's own totals
    rec = records.stuk(2026, 0, 1)
    from checker import parameters
    from checker.berekening import bereken
    s = maten.stand(rec, bereken(rec.invoer, parameters.laad(2026)))
    doelen = kalibratie.kalibratiedoelen()
    m = maten.matrix(s, [d.maat for d in doelen]).astype(np.float32)
    gelijk = np.full(rec.n, 8_000_000 / rec.n)
    factor = np.where(np.arange(len(doelen)) % 2 == 0, 1.1, 0.95)
    nieuw = [d.model_copy(update={"waarde": float(v)}) for d, v in zip(doelen, factor * (gelijk @ m))]
    nieuw[0] = nieuw[0].model_copy(update={"waarde": 8_000_000.0}) if nieuw[0].maat == "huishoudens" else nieuw[0]
    sch = kalibratie.Schatting(doelen=nieuw, matrix=m, vingerafdruk="test")
    w = kalibratie.kalibreer(sch, epochs=800, leertempo=0.05)
    assert (w > 0).all()
    afw = kalibratie.afwijkingen(sch, w)
    assert max(abs(v) for v in afw.values()) < 0.02, afw
    assert np.array_equal(w, kalibratie.kalibreer(sch, epochs=800, leertempo=0.05))   # deterministic


def test_an_average_cannot_be_a_calibration_target(monkeypatch):
    d = next(d for d in gegevens.doelen() if d.maat.endswith("_gemiddeld"))
    monkeypatch.setattr(kalibratie, "doelen", lambda: (d.model_copy(update={"gebruik": "kalibratie"}),))
    with pytest.raises(RegelFout, match="alleen aantallen"):
        kalibratie.kalibratiedoelen()


def test_unknown_measure_is_an_error_naming_it():
    with pytest.raises(RegelFout, match="huishoudens.onbekend"):
        maten.functie("huishoudens.onbekend")


# --- reforms on the national population -----------------------------------------------------------------
@pytest.fixture(scope="module")
def plus_100():
    return landelijk.hervorming(PLUS_100)


def test_empty_reform_moves_nothing_nationally():
    uit = landelijk.hervorming(LEEG, met_signalen=False)
    assert all(r["verschil"] == 0 and r["interval_95"] == [0.0, 0.0] for r in uit["regelingen"].values())
    assert uit["netto_besteedbaar_inkomen"]["verschil"] == 0
    assert uit["winnaars"] == uit["verliezers"] == 0 and uit["tegen_de_richting"] == 0
    assert uit["op_een_klif"]["basis"] == uit["op_een_klif"]["hervorming"]


def test_plus_100_standaardpremie_costs_100_per_zorgtoeslag_person(plus_100, basis_2026):
    # Wzt art. 2 lid 1: the zorgtoeslag is the standaardpremie (per verzekerde) minus the normpremie, so +€100
    # on the standaardpremie pays €100 a year more for every verzekerde in a household that receives it (monthly
    # amounts are rounded to whole euros, and a few households just above the limit start to receive a little).
    personen = basis_2026["personen"]["zorgtoeslag"]
    verschil = plus_100["regelingen"]["zorgtoeslag"]["verschil"]
    assert abs(verschil / (100 * personen) - 1) < 0.05
    laag, hoog = plus_100["regelingen"]["zorgtoeslag"]["interval_95"]
    assert laag < verschil < hoog and hoog - laag < 0.05 * verschil
    assert plus_100["verliezers"] == 0
    # every toeslaghuishouden that receives it gains; a household whose adult child at home also receives it in
    # his or her own name counts once among the winners and twice among the ontvangers
    zt = basis_2026["regelingen"]["zorgtoeslag"]
    assert 0.9 * (zt["ontvangers"] - zt["waarvan_inwonenden"]["ontvangers"]) < plus_100["winnaars"] <= zt["ontvangers"]
    assert abs(sum(d["huishoudens"] for d in plus_100["per_deciel"]) - plus_100["huishoudens"]) < 10


def test_reform_signal_shares_are_weighted(plus_100):
    sg = plus_100["signalen"]
    assert abs(sg["huishoudens"] - plus_100["huishoudens"]) < 1
    assert all(0 <= v <= 1 for v in sg["basis"].values()) and "NIET_GEBRUIK" in sg["basis"]
    for code, aandeel in sg["basis"].items():
        assert abs(sg["aantallen"]["basis"][code] / sg["huishoudens"] - aandeel) < 1e-4


def test_example_households_check_the_same_on_their_own():
    # the largest losers of a reform that cuts the zorgtoeslag, each saved as a household file and run on its own
    from checker import hervorming
    min_100 = {**PLUS_100, "wijzigingen": {"zorgtoeslag.standaardpremie": 2019}}
    uit = landelijk.hervorming(min_100, met_signalen=False)
    voorbeelden = uit["voorbeelden"]["grootste_verliezers"]
    assert voorbeelden and all(v["gewicht"] > 0 for v in voorbeelden)
    for v in voorbeelden[:3]:
        los = hervorming(min_100, v["huishouden"])["huishoudens"][0]["verschil"]["regelingen"]
        assert {k: x for k, x in los.items() if abs(x) >= 0.5} == v["regelingen"]
    # the household's own change plus what its adults at home lose in their own name is the change in net income
    # (only the zorgtoeslag changes here, so no tax difference enters)
    for v in voorbeelden:
        assert abs(sum(v["regelingen"].values()) + v.get("verschil_inwonenden", 0) - v["verschil_netto"]) < 1
    assert any("verschil_inwonenden" in v for v in voorbeelden)   # with children at home, the largest losers
    # take-up is the household's: a kindgebonden budget that came by itself with the zorgtoeslag is not stopped when
    # the zorgtoeslag ends (it cost one household € 6.900 before), so only the zorgtoeslag moves
    assert {k for k, r in uit["regelingen"].items() if r["verschil"] != 0} == {"zorgtoeslag"}
    assert uit["netto_besteedbaar_inkomen"]["verschil"] == uit["regelingen"]["zorgtoeslag"]["verschil"]


def test_cli_populatie_without_number_is_national_and_dask_is_refused(tmp_path):
    from checker.cli import main
    plan = tmp_path / "leeg.yaml"
    plan.write_text("schema: 1\nnaam: niets\njaar: 2026\nwijzigingen: {}\n", encoding="utf-8")
    assert main(["hervorming", str(plan), "pim", "--populatie", "--dask"]) == 2


def test_bad_year_is_bad_input():
    with pytest.raises(InvoerFout, match="--jaar"):
        landelijk.basis(2031)


def test_slices_cover_every_record_once():
    gezien = []
    for van, tot in doorrekenen.stukken():
        gezien += list(range(van, tot))
    assert gezien == list(range(records.blokken()))


def test_voorschotten_recomputing_only_the_toeslagen_gives_the_signals_of_a_full_recomputation():
    # what a household receives changes only the toeslagen's comparison of voorschot and recht
    from datetime import date

    from checker import parameters, signalen
    from checker.berekening import bereken
    rec = records.stuk(2026, 0, 1)
    p = parameters.laad(2026)
    s = maten.stand(rec, bereken(rec.invoer, p))
    snel = landelijk._met_voorschotten(s)
    volledig = bereken(rec.invoer.met(ontvangt=snel.resultaat.invoer.ontvangt), p)
    peil = date(2026, 1, 1)
    a, b = signalen.per_code(snel.resultaat, peil), signalen.per_code(volledig, peil)
    assert a.keys() == b.keys() and all(np.array_equal(a[k], b[k]) for k in a)
    assert "NIET_GEBRUIK" in a


def test_adults_at_home_claim_zorgtoeslag_in_their_own_name(basis_2026):
    # Awir art. 3 and Wzt art. 2: an adult child at home or a medebewoner is a toeslaghuishouden of his or her own, so
    # the national figure counts them on top of the households' own zorgtoeslag. They cannot be more than the adults
    # living in another's household (thuiswonend 18+, and the medebewoners of 'overig' households, at most four
    # each), and most of them (students, first jobs) earn under the zorgtoeslag's income limit.
    zt = basis_2026["regelingen"]["zorgtoeslag"]
    inw = zt["waarvan_inwonenden"]
    model = {d["id"]: d["model"] for d in basis_2026["doelen"]}
    volwassen_thuis = model["afgeleid.personen.thuiswonend_18plus"]
    assert 0.5 * volwassen_thuis < inw["ontvangers"] < volwassen_thuis + 4 * model["cbs.huishoudens.overig"]
    assert 0 < inw["uitgaven"] < zt["uitgaven"] and inw["ontvangers"] < zt["ontvangers"]
    # each receives at most the standaardpremie of 2026, € 2.119 (Stcrt. 2025, 40022)
    assert inw["uitgaven"] <= 2119 * inw["ontvangers"]


@pytest.mark.parametrize("verander", [
    lambda r: replace(r, invoer=r.invoer.met(urencriterium=~r.invoer.urencriterium)),   # not an amount
    lambda r: replace(r, trekking={**r.trekking, "zorgtoeslag": r.trekking["zorgtoeslag"][::-1].copy()}),
    lambda r: replace(r, trekking_bewoner=r.trekking_bewoner * 0.5),
    lambda r: replace(r, invoer=r.invoer.met(gemeente=r.invoer.gemeente[::-1].copy())),
])
def test_the_fingerprint_sees_every_field_of_the_records(verander):
    # weights fitted to other records must never be used: a change in any field, not only in the amounts, is seen
    rec = records.stuk(2026, 0, 1)

    def afdruk(r):
        a = doorrekenen.Vingerafdruk()
        a.voeg_toe(r)
        return a.waarde()
    assert afdruk(rec) == afdruk(records.stuk(2026, 0, 1))
    assert afdruk(verander(rec)) != afdruk(rec)


def test_partial_aow_is_two_percent_per_year_not_insured():
    # AOW art. 13 lid 1: 2% less for every year not insured in the 50 years before the AOW age; SVB: 11,6% of the
    # AOW'ers in the Netherlands had a partial AOW (end of September 2023). The aanvullend pensioen shrinks with it.
    rec = records.stuk(2026, 0, 2)
    inv = rec.invoer
    vol = {"aanvrager": gegevens.kenmerk("aow.bruto.per_partner", 2026),
           "alleen": gegevens.kenmerk("aow.bruto.alleenstaand", 2026)}
    heeft = (inv.inkomen_aanvrager["aow"] > 0).all(axis=1)
    partner = inv.heeft_partner[:, 0]
    opbouw = rec.aow_opbouw[:, 0]
    verwacht = np.round(np.where(partner, vol["aanvrager"], vol["alleen"]) * opbouw, 2)
    assert np.allclose(inv.inkomen_aanvrager["aow"][heeft, 0], verwacht[heeft], atol=0.01)
    gekort = opbouw[heeft] < 1
    assert np.allclose(np.round(opbouw[heeft] / 0.02), opbouw[heeft] / 0.02)    # whole years of 2% (art. 13)
    assert opbouw[heeft][gekort].min() >= 0.30 and opbouw[heeft].max() <= 1.0
    assert 0.09 < gekort.mean() < 0.14                                           # about 11,6% of the AOW'ers
    geen = (inv.inkomen_aanvrager["aow"] == 0).all(axis=1)
    assert (rec.aow_opbouw[geen, 0] == 1).all()                                  # no AOW: nothing to shorten


def test_bijstand_before_the_aow_age_and_the_aio_after_it_add_up_to_the_bijstand_paid():
    # the AIO is the bijstand of AOW-gerechtigden (Participatiewet art. 47a); someone who reaches the AOW age in the
    # year gets bijstand before it and the AIO after it, so the two measures split each household's year by month
    from checker import parameters
    from checker.berekening import bereken
    rec = records.stuk(2026, 0, 2)
    s = maten.stand(rec, bereken(rec.invoer, parameters.laad(2026)))
    bijstand, aio = maten.functie("uitgaven.bijstand")(s), maten.functie("uitgaven.aio")(s)
    assert np.allclose(bijstand + aio, s.uitgaven("bijstand"))
    aow = (rec.invoer.inkomen_aanvrager["aow"] > 0) | (rec.invoer.inkomen_partner["aow"] > 0)
    beide = (bijstand > 0) & (aio > 0)
    assert (aow[beide].any(axis=1) & ~aow[beide].all(axis=1)).all()   # only those who reach the AOW age in the year
    assert (aio[~aow.any(axis=1)] == 0).all()

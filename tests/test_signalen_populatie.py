"""Population signals by columns give exactly what the fact-by-fact path gives for the same households."""
from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from checker import huishouden, invoer, parameters, populatie, signalen
from checker.berekening import bereken
from checker.regelingen.register import standaard


def _per_regel_los(huishoudens, res):
    _, regels = signalen.standaard_regelset()
    per_huishouden = signalen.bepaal_veel(huishoudens, res, list(range(len(huishoudens))))
    return [{s["regel"] for s in sigs} for sigs in per_huishouden]


def test_population_columns_match_household_by_household():
    inv = populatie.genereer(1500, 2026, seed=21)
    # some households receive voorschotten, so the terugvordering and nabetaling rules are tried as well
    rng = np.random.default_rng(3)
    ontvangt = {k: np.where(rng.random((inv.n, 1)) < 0.3, rng.choice([0.0, 40.0, 130.0, 400.0], (inv.n, 1)), 0.0)
                * np.ones((1, 12)) for k in inv.ontvangt}
    inv = replace(inv, ontvangt=ontvangt)
    res = bereken(inv, parameters.laad(2026))
    hs = [populatie.als_huishouden(inv, i) for i in range(inv.n)]
    los = _per_regel_los(hs, res)
    regelset, _ = signalen.standaard_regelset()
    vuurt = signalen.per_huishouden(res, date(2026, 1, 1))
    verschillen = [i for i in range(inv.n) if {n for k, n in enumerate(regelset.regelnamen) if vuurt[i, k]} != los[i]]
    assert not verschillen, verschillen[:5]
    gevuurd = {n for s in los for n in s}
    assert {"niet_gebruik_toeslag", "toeslag_terugvordering", "toeslag_nabetaling"} <= gevuurd


def test_persona_regeling_signals_match_by_columns():
    # the personas bring WGA, bijstand, kinderopvang, SMI and kwijtschelding facts; debts and events are not
    # in the columns (a synthetic household has none), so only the rules on regeling facts are compared
    peil = date(2026, 3, 1)
    personas = (huishouden.laad(n) for n in huishouden.persona_namen())
    hs = [h.model_copy(update={"peildatum": peil}) for h in personas if h.jaar == 2026]
    res = bereken(invoer.uit_huishoudens(hs), parameters.laad(2026))
    regelset, regels = signalen.standaard_regelset()
    vuurt = signalen.per_huishouden(res, peil)
    op_regeling = {n for n, r in regels.items() if r.feit == "regeling"}
    los = _per_regel_los(hs, res)
    for i, h in enumerate(hs):
        kolom = {n for k, n in enumerate(regelset.regelnamen) if vuurt[i, k]} & op_regeling
        assert kolom == los[i] & op_regeling, h.naam
    assert len({n for s in los for n in s} & op_regeling) >= 8


def test_population_applies_for_its_toeslagen_with_the_cpb_niet_gebruik():
    p = parameters.laad(2026)
    inv = populatie.genereer(20_000, 2026, seed=4)
    res = bereken(inv, p)
    met = populatie.met_voorschotten(inv, res, seed=4)
    niet_gebruik = populatie.verdelingen()["niet_gebruik"]
    for k in ("zorgtoeslag", "huurtoeslag", "kindgebonden_budget"):
        u = res.regelingen[k]
        ontvangt = met.ontvangt[k]
        assert not ontvangt[~u.recht].any()  # nothing without recht
        neemt = ontvangt.sum(axis=1) > 0
        # who applies gets a voorschot equal to the recht, month by month
        assert np.allclose(ontvangt[neemt], u.maandbedragen[neemt], atol=0.005)
        aandeel_niet = 1 - neemt[u.recht].mean()
        # binomial: within 4 standard deviations of the CPB share
        sd = (niet_gebruik[k] * (1 - niet_gebruik[k]) / u.recht.sum()) ** 0.5
        assert abs(aandeel_niet - niet_gebruik[k]) < 4 * sd + 0.005, k
    # the same households decline under a reform: what changes is only who has recht
    hervormd = p.met_wijzigingen({"zorgtoeslag.standaardpremie": 2219})
    rh = bereken(inv, hervormd)
    met_h = populatie.met_voorschotten(inv, rh, seed=4)
    beide = res.regelingen["zorgtoeslag"].recht & rh.regelingen["zorgtoeslag"].recht
    assert ((met.ontvangt["zorgtoeslag"].sum(1) > 0) == (met_h.ontvangt["zorgtoeslag"].sum(1) > 0))[beide].all()


def test_population_niet_gebruik_counts_the_households_that_leave_a_toeslag():
    # written out from the rules niet_gebruik_toeslag(_termijn_voorbij) in rules/signalen/toeslagen.yaml: a toeslag
    # with recht and a yearly amount above zero of which nothing is received (kindgebonden budget without aanvraag
    # comes with another toeslag, so it is never left alone by a household that receives one)
    p = parameters.laad(2026)
    inv = populatie.genereer(5000, 2026, seed=8)
    res = bereken(populatie.met_voorschotten(inv, bereken(inv, p), seed=8), p)
    laat_liggen = np.zeros(inv.n, dtype=bool)
    for k in standaard().met_voorschot:
        u = res.regelingen[k]
        laat_liggen |= u.recht & (u.jaarbedrag > 0) & (res.invoer.ontvangt[k].sum(axis=1) == 0)
    assert signalen.tel(res, date(2026, 1, 1))["NIET_GEBRUIK"] == laat_liggen.sum() > 0
    andere = np.logical_or.reduce([res.invoer.ontvangt[k].sum(axis=1) > 0 for k in standaard().met_voorschot
                                   if not standaard()[k].vanzelf_bij_andere_toeslag])
    kgb = res.regelingen["kindgebonden_budget"].recht
    assert (res.invoer.ontvangt["kindgebonden_budget"].sum(axis=1) > 0)[kgb & andere].all()
    assert "TOESLAG_TERUGVORDERING" not in signalen.tel(res, date(2026, 1, 1))  # voorschot equal to recht


def test_household_fact_means_what_the_household_file_says():
    # the household fact comes from the arrays; check its meaning against the household file itself
    for naam in huishouden.persona_namen():
        h = huishouden.laad(naam)
        res = bereken(invoer.uit_huishoudens([h]), parameters.laad(h.jaar))
        feit = signalen.feiten(h, res)[0]
        ouders = [x for x in (h.aanvrager, h.partner) if x is not None]
        assert feit["heeft_partner"] == (h.partner is not None), naam
        assert feit["aantal_kinderen"] == len(h.kinderen), naam
        assert feit["vermogen"] == h.vermogen, naam
        assert feit["heeft_winst"] == any(any(x != 0 for x in o.inkomen.winst) for o in ouders), naam
        assert feit["ontvangt_wga"] == any(any(x != 0 for x in o.inkomen.wga) for o in ouders), naam
        assert feit["ontvangt_toeslagvoorschot"] == any(sum(getattr(h.ontvangt, k)) > 0
                                                        for k in standaard().met_voorschot), naam
        werk = [np.add(o.inkomen.loon, o.inkomen.winst) for o in ouders]
        verwacht = max(float(np.std(w) / np.mean(w)) if np.mean(w) > 0 else 0.0 for w in werk)
        assert abs(feit["inkomen_variatie"] - verwacht) < 1e-12, naam


def test_a_steady_and_a_varying_income():
    from .helpers import huishouden as hh
    vast = huishouden.valideer(hh(loon=2000))
    wisselend = huishouden.valideer(hh(loon=[0, 4000] * 6))
    for h, verwacht in ((vast, 0.0), (wisselend, 1.0)):  # std/mean of 0, 4000, ... is 2000 / 2000
        res = bereken(invoer.uit_huishoudens([h]), parameters.laad(2026))
        assert signalen.feiten(h, res)[0]["inkomen_variatie"] == pytest.approx(verwacht)

"""Population signals by columns give exactly what the fact-by-fact path gives for the same households."""
from dataclasses import replace
from datetime import date

import numpy as np

from checker import huishouden, invoer, parameters, populatie, signalen
from checker.berekening import bereken


def _per_regel_los(huishoudens, res):
    _, regels = signalen.standaard_regelset()
    return [{s["regel"] for s in sigs} for sigs in signalen.bepaal_veel(huishoudens, res, list(range(len(huishoudens))))]


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
    hs = [h.model_copy(update={"peildatum": peil}) for h in (huishouden.laad(n) for n in huishouden.persona_namen()) if h.jaar == 2026]
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


def test_population_run_niet_gebruik_is_a_share_of_those_with_recht():
    from checker.hervormingen import populatie_run
    leeg = {"schema": 1, "naam": "leeg", "jaar": 2026, "wijzigingen": {}}
    sig = populatie_run(leeg, 4000, seed=8, stuk=2000)["populatie"]["signalen"]
    assert 0.02 < sig["basis"]["NIET_GEBRUIK"] < 0.25
    assert "TOESLAG_TERUGVORDERING" not in sig["basis"]  # voorschot equal to recht

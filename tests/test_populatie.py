"""Population runs: deterministic, an empty reform changes nothing, reform arithmetic on the whole population."""
import numpy as np
import pytest

from checker import InvoerFout, parameters, populatie
from checker.berekening import bereken
from checker.hervormingen import populatie_run

LEEG = {"schema": 1, "naam": "niets", "jaar": 2026, "wijzigingen": {}}
PLUS_100 = {"schema": 1, "naam": "+100", "jaar": 2026, "wijzigingen": {"zorgtoeslag.standaardpremie": 2219}}


def test_same_seed_same_population():
    a, b = populatie.genereer(500, 2026, seed=7), populatie.genereer(500, 2026, seed=7)
    assert np.array_equal(a.inkomen_aanvrager["loon"], b.inkomen_aanvrager["loon"])
    assert np.array_equal(a.vermogen, b.vermogen)


def test_population_values_are_plausible():
    inv = populatie.genereer(2000, 2026, seed=1)
    assert inv.n == 2000
    assert (inv.vermogen >= 0).all() and (inv.kale_huur >= 0).all()
    assert 0.3 < (~inv.heeft_partner[:, 0]).mean() < 0.6      # singles and single parents, about 46%
    res = bereken(inv, parameters.laad(2026))
    for u in res.regelingen.values():
        assert (u.jaarbedrag >= 0).all() and u.maandbedragen.shape == (2000, 12)


def test_empty_reform_changes_nothing():
    pop = populatie_run(LEEG, 3000, seed=3, stuk=1000)["populatie"]
    assert all(r["verschil"] == 0 for r in pop["regelingen"].values())
    assert pop["netto_besteedbaar_inkomen"]["verschil"] == 0
    assert pop["winnaars"] == pop["verliezers"] == 0 and pop["gelijk"] == 3000


def test_plus_100_standaardpremie_on_the_population():
    # Wzt art. 2 lid 1: +100 per verzekerde raises each zorgtoeslag by at most 100 (single) or 200 (partners)
    # and lowers none; no other regeling changes except through the zorgtoeslag.
    pop = populatie_run(PLUS_100, 3000, seed=4, stuk=1000)["populatie"]
    zt = pop["regelingen"]["zorgtoeslag"]["verschil"]
    assert 0 < zt <= 200 * 3000
    assert pop["verliezers"] == 0
    assert all(r["verschil"] == 0 for k, r in pop["regelingen"].items() if k not in ("zorgtoeslag", "kwijtschelding"))
    assert sum(d["huishoudens"] for d in pop["per_deciel"]) == 3000


def test_bad_population_size_is_bad_input():
    with pytest.raises(InvoerFout, match="--populatie"):
        populatie_run(LEEG, 0)


def test_population_signals_on_every_household():
    from checker.signalen import lees_regels
    codes = {r.code for r in lees_regels()}
    leeg = populatie_run(LEEG, 600, seed=5, stuk=250)["populatie"]["signalen"]
    assert leeg["huishoudens"] == 600 and leeg["basis"] == leeg["hervorming"] and "NIET_GEBRUIK" in leeg["basis"]
    assert set(leeg["basis"]) <= codes and all(0 <= v <= 1 for v in leeg["basis"].values())
    assert all(leeg["aantallen"]["basis"][c] == round(leeg["basis"][c] * 600) for c in leeg["basis"])
    uit = {**LEEG, "signalen_uit": ["NIET_GEBRUIK"]}
    sig = populatie_run(uit, 600, seed=5, stuk=250)["populatie"]["signalen"]
    assert "NIET_GEBRUIK" not in sig["hervorming"] and sig["basis"] == leeg["basis"]


def test_a_population_household_as_a_household_file_gives_the_same_amounts():
    # the sample for the signals is rebuilt as household files; they must compute to the same amounts
    from checker import invoer as inv_mod
    inv = populatie.genereer(40, 2026, seed=11)
    res = bereken(inv, parameters.laad(2026))
    for i in range(40):
        h = populatie.als_huishouden(inv, i)
        los = bereken(inv_mod.uit_huishoudens([h]), parameters.laad(2026))
        for k, u in res.regelingen.items():
            assert abs(u.jaarbedrag[i] - los.regelingen[k].jaarbedrag[0]) < 0.01, (i, k)


def test_dask_gives_the_same_totals_as_one_after_another():
    een = populatie_run(PLUS_100, 1200, seed=6, stuk=400)["populatie"]
    parallel = populatie_run(PLUS_100, 1200, seed=6, stuk=400, dask=True)["populatie"]
    for sleutel in ("regelingen", "netto_besteedbaar_inkomen", "winnaars", "verliezers", "gelijk", "op_een_klif",
                    "per_deciel"):
        assert een[sleutel] == parallel[sleutel], sleutel
    # the signal counts of the three chunks add up the same way
    assert een["signalen"]["aantallen"] == parallel["signalen"]["aantallen"]
    assert sum(een["signalen"]["aantallen"]["basis"].values()) > 0
    assert parallel["stukken"] == 3 and parallel["dask"] is True


def test_progress_is_reported_after_every_chunk():
    gezien = []
    populatie_run(LEEG, 900, seed=2, stuk=400, met_signalen=False, voortgang=lambda klaar, n: gezien.append((klaar, n)))
    assert gezien == [(400, 900), (800, 900), (900, 900)]


def test_population_examples_are_household_files_that_check_the_same_on_their_own():
    from pathlib import Path

    from checker import hervorming
    ref = str(Path(__file__).resolve().parents[1] / "hervormingen" / "huurtoeslag-afbouw-25.yaml")
    pop = populatie_run(ref, 3000, seed=3, stuk=1000, met_signalen=False)["populatie"]
    verliezers = pop["voorbeelden"]["grootste_verliezers"]
    assert len(verliezers) == 5
    assert [v["verschil_netto"] for v in verliezers] == sorted(v["verschil_netto"] for v in verliezers)
    assert len(pop["voorbeelden"]["tegen_de_richting"]) == min(5, pop["tegen_de_richting"])
    for v in verliezers[:2]:
        los = hervorming(ref, v["huishouden"])["huishoudens"][0]["verschil"]
        assert abs(los["netto_besteedbaar_inkomen"] - v["verschil_netto"]) < 0.01
        assert los["regelingen"]["huurtoeslag"] == v["regelingen"]["huurtoeslag"] < 0

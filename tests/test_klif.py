"""The cliff finder (checker/klif.py): several sweeps in one pass equal each sweep alone, to the last bit; the
vectorised step and range lists equal the one-by-one ones."""
import numpy as np
import pytest

from checker import huishouden, klif, parameters, signalen

PERSONAS_MET_TWEE_INKOMENS = ["ronald-marijke", "stel-modaal", "ronald-marijke-loongerelateerd", "nathalie-dunya",
                              "controle-stel-koopwoning"]


@pytest.mark.parametrize("persona", PERSONAS_MET_TWEE_INKOMENS)
def test_two_sweeps_in_one_pass_equal_each_sweep_alone(persona):
    h = huishouden.laad(persona)
    p = parameters.laad(h.jaar)
    vegen = klif.rond_huidig_inkomen(h, p, bereik=300.0, stap=10.0)
    assert len(vegen) == 2, "both adults have loon or winst"
    for veeg in vegen:
        alleen = klif.bereken_scan(h, veeg.persoon.id, veeg.bron, veeg.bedragen, p)
        netto, regelingen = klif.per_maand(alleen)
        assert np.array_equal(veeg.netto, netto)
        assert regelingen.keys() == veeg.regelingen.keys()
        for k in regelingen:
            assert np.array_equal(veeg.regelingen[k], regelingen[k]), k
        # the rule inside a regeling at each step: the same parts, read from the right rows of the joint result
        los = klif.Veranderingen(regelingen, alleen.regelingen, klif.namen(h))
        for i in np.flatnonzero(los.veranderd.any(axis=0)):
            for k in los.sleutels:
                assert veeg.veranderingen.oorzaak(k, i, 1.0) == los.oorzaak(k, i, 1.0)
                assert veeg.veranderingen.oorzaak(k, i, -1.0) == los.oorzaak(k, i, -1.0)


def test_no_sweep_without_income_from_work():
    h = huishouden.laad("controle-gepensioneerde")
    assert klif.rond_huidig_inkomen(h, parameters.laad(h.jaar), bereik=300.0, stap=10.0) == []


def test_armoedeval_facts_come_from_the_joint_sweep():
    h = huishouden.laad("ronald-marijke")
    from checker.api import bereken_huishouden
    _, res = bereken_huishouden("ronald-marijke")
    feiten = signalen.armoedevalfeiten(h, res)
    assert [f["persoon"] for f in feiten] == ["Ronald", "Marijke"]
    assert all(f["bron"] == "winst" and f["tot"] == pytest.approx(f["huidig"] + 300) for f in feiten)


def test_step_and_range_lists_at_once_equal_one_by_one():
    rng = np.random.default_rng(15)
    regelingen = {k: np.cumsum(rng.choice([0.0, 0.0, 0.0, 1.0, -2.0], size=200)) for k in "abcde"}
    v = klif.Veranderingen(regelingen)
    stappen = np.arange(199)
    assert v.per_stap(stappen) == [v.bij(i) for i in stappen]
    van = rng.integers(0, 199, size=300)
    tot = np.minimum(198, van + rng.integers(0, 40, size=300))
    assert v.per_bereik(van, tot) == [v.in_bereik(i, j) for i, j in zip(van, tot)]


def test_memory_setting_is_made_once_and_never_fails(monkeypatch):
    from checker import geheugen
    monkeypatch.setattr(geheugen, "_ingesteld", None)
    monkeypatch.setattr(geheugen, "_mallopt", lambda: None)      # another C library: nothing happens
    assert geheugen.voor_grote_vegen() is False
    aanroepen = []
    monkeypatch.setattr(geheugen, "_ingesteld", None)
    monkeypatch.setattr(geheugen, "_mallopt", lambda: lambda param, waarde: aanroepen.append((param, waarde)) or 1)
    assert geheugen.voor_grote_vegen() is True
    assert geheugen.voor_grote_vegen() is True                  # once per process
    assert aanroepen == [(geheugen.M_MMAP_THRESHOLD, geheugen.MMAP_DREMPEL),
                         (geheugen.M_TRIM_THRESHOLD, geheugen.TRIM_DREMPEL)]


def test_only_a_large_sweep_tunes_memory(monkeypatch):
    from checker import geheugen
    gevraagd = []
    monkeypatch.setattr(geheugen, "voor_grote_vegen", lambda: gevraagd.append(True) or True)
    h = huishouden.laad("pim")
    p = parameters.laad(h.jaar)
    klif.bereken_scan(h, h.aanvrager.id, "loon", np.arange(0.0, 500.0), p)
    assert gevraagd == []
    klif.bereken_scan(h, h.aanvrager.id, "loon", np.arange(0.0, float(klif.GROTE_VEEG)), p)
    assert gevraagd == [True]

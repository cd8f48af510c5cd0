"""The regeling registry (checker/regelingen/register.py): every regeling declares itself once, the orchestrator
orders them from what they need, and a missing, mistyped or circular need is an error that names the regelingen."""
from dataclasses import replace

import numpy as np
import pytest

from checker import api, berekening, huishouden, invoer, parameters
from checker.fouten import RegisterFout
from checker.regelingen import register
from checker.regelingen.register import Regeling, Register
from checker.regelingen._uitkomst import Uitkomst, nodig
from checker.regelingen.inkomstenbelasting import InkomenNaBelasting

from ._helpers_contract import REGELING_KEYS

STANDAARD = register.standaard()


def regeling(sleutel, nodig_=None, geeft=None, **extra) -> Regeling:
    """A small regeling that pays nothing, for registry tests."""
    def bereken(inv, params, eerder):
        return Uitkomst(regeling=sleutel, instantie="test", maandbedragen=np.zeros((inv.n, 12)),
                        jaarbedrag=np.zeros(inv.n), recht=np.zeros(inv.n, dtype=bool), uitleg=lambda i: ["niets"],
                        bronnen=lambda i: [])
    return Regeling(sleutel=sleutel, naam=sleutel, instantie="test", soort="uitkering", bereken=bereken,
                    nodig=nodig_ or {}, geeft=geeft, **extra)


def test_the_standard_registry_holds_every_contract_key_once():
    assert set(REGELING_KEYS) <= set(STANDAARD.sleutels)
    assert len(STANDAARD.sleutels) == len(set(STANDAARD.sleutels))


def test_every_regeling_comes_after_what_it_needs():
    plaats = {k: i for i, k in enumerate(STANDAARD.sleutels)}
    for r in STANDAARD:
        for nodig_ in r.nodig:
            assert plaats[nodig_] < plaats[r.sleutel], (r.sleutel, nodig_)


def test_the_calculation_order_is_todays_reading_order():
    # The needs fix most of the order; rang breaks the ties, so the JSON, the report and the population tables keep
    # the order they had.
    assert STANDAARD.sleutels == ("wga", "inkomstenbelasting", "bijstand", "zorgtoeslag", "huurtoeslag",
                                  "kinderbijslag", "kindgebonden_budget", "kinderopvangtoeslag", "kwijtschelding",
                                  "smi")


def test_rang_cannot_put_a_regeling_before_what_it_needs():
    # Issue 15: moving kwijtschelding to the front of the old list raised no error but changed its result. Now the
    # rang only orders what the needs leave open: kwijtschelding asked first still comes after the five it needs, and
    # reversing every rang changes no amount.
    omgekeerd = Register(replace(r, rang=-r.rang) for r in STANDAARD)
    sleutels = omgekeerd.sleutels
    assert sleutels.index("kwijtschelding") > max(sleutels.index(k) for k in STANDAARD["kwijtschelding"].nodig)
    inv = invoer.uit_huishoudens([huishouden.laad("kwijtschelding-grens")])
    p = parameters.laad(2026)
    gewoon = berekening.bereken(inv, p)
    with register.gebruik(omgekeerd):
        andersom = berekening.bereken(inv, p)
    assert list(andersom.regelingen) == list(sleutels)
    for k, u in gewoon.regelingen.items():
        assert np.array_equal(u.maandbedragen, andersom.regelingen[k].maandbedragen), k
    assert gewoon.regelingen["kwijtschelding"].feiten["marge_tot_grens"][0] > 0


def test_a_need_no_regeling_meets_is_refused_with_both_names():
    with pytest.raises(RegisterFout, match="'energietoeslag' heeft 'wooncheck' nodig, maar er is geen regeling "
                                           "'wooncheck' geregistreerd"):
        Register([regeling("energietoeslag", {"wooncheck": Uitkomst})])


def test_a_circular_need_is_refused_naming_the_circle():
    with pytest.raises(RegisterFout, match="kring.*a → b → c → a"):
        Register([regeling("a", {"b": Uitkomst}), regeling("b", {"c": Uitkomst}), regeling("c", {"a": Uitkomst}),
                  regeling("d")])
    with pytest.raises(RegisterFout, match="kring.*x → x"):
        Register([regeling("x", {"x": Uitkomst})])


def test_a_need_of_the_wrong_type_is_refused():
    # bijstand hands on its Bijstandsnorm, not the net income
    with pytest.raises(RegisterFout, match="'nieuw' heeft van 'bijstand' een InkomenNaBelasting nodig, maar "
                                           "'bijstand' geeft Bijstandsnorm door"):
        STANDAARD.met(regeling("nieuw", {"bijstand": InkomenNaBelasting}))


def test_a_key_registered_twice_is_refused():
    with pytest.raises(RegisterFout, match="'zorgtoeslag' is twee keer geregistreerd"):
        STANDAARD.met(regeling("zorgtoeslag"))


def test_a_voorschot_needs_its_field_in_the_household_file():
    with pytest.raises(RegisterFout, match="ontvangt.energietoeslag"):
        Register([regeling("energietoeslag", voorschot=True)])


def test_every_ontvangt_field_belongs_to_a_regeling_with_a_voorschot():
    assert set(huishouden.Ontvangt.model_fields) == set(STANDAARD.met_voorschot)


def test_a_regeling_sees_only_the_results_it_declared():
    # The orchestrator hands a regeling only what its nodig names: reading another result is an error, so the
    # declaration cannot drift from what the code reads.
    def stiekem(inv, params, eerder):
        nodig(eerder, "inkomstenbelasting", InkomenNaBelasting, "stiekem")
        raise AssertionError("niet bereikt")
    r = replace(regeling("stiekem", {"wga": Uitkomst}), bereken=stiekem)
    inv = invoer.uit_huishoudens([huishouden.laad("pim")])
    with register.gebruik(STANDAARD.met(r)):
        with pytest.raises(RegisterFout, match="'stiekem' heeft de uitkomst van 'inkomstenbelasting' nodig"):
            berekening.bereken(inv, parameters.laad(2026))


def test_the_lists_kept_for_importers_follow_the_registry():
    assert list(berekening.REGELINGEN) == list(STANDAARD.sleutels)
    assert berekening.REGELINGEN["kinderbijslag"] == "Sociale Verzekeringsbank"
    assert tuple(berekening.BOVENOP_NETTO) == STANDAARD.bovenop_netto
    assert "inkomstenbelasting" not in berekening.BOVENOP_NETTO and "wga" not in berekening.BOVENOP_NETTO
    assert tuple(berekening.HEFFINGEN) == ("inkomstenbelasting",)
    assert dict(berekening.REGELING_NAMEN) == STANDAARD.namen
    assert berekening.REGELING_NAMEN["kindgebonden_budget"] == "kindgebonden budget"


def test_a_regeling_registered_without_a_function_is_present_and_says_so():
    # A regeling announced before it is built: recht false, "nog niet berekend", the net income not complete; and no
    # other regeling can need it.
    later = replace(regeling("later"), bereken=None)
    with register.gebruik(STANDAARD.met(later)):
        uit = api.check("pim")
    assert uit["regelingen"]["later"]["berekend"] is False and uit["regelingen"]["later"]["recht"] is False
    assert "Nog niet berekend" in uit["regelingen"]["later"]["uitleg"][0]
    assert uit["netto_besteedbaar_inkomen"]["compleet"] is False
    with pytest.raises(RegisterFout, match="'nieuw' heeft 'later' nodig, maar 'later' wordt nog niet berekend"):
        STANDAARD.met(later, regeling("nieuw", {"later": Uitkomst}))


def test_every_result_carries_its_registered_key_and_instantie():
    res = berekening.bereken(invoer.uit_huishoudens([huishouden.laad("ronald-marijke")]), parameters.laad(2026))
    for r in STANDAARD:
        u = res.regelingen[r.sleutel]
        assert (u.regeling, u.instantie) == (r.sleutel, r.instantie)
        assert (u.doorgifte is None) == (r.geeft is None) and (r.geeft is None or isinstance(u.doorgifte, r.geeft))

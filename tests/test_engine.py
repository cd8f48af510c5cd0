"""The durable-rules wrapper: synchronous, every rule sees every fact, errors raised, sessions freed."""
import threading

import pytest

from checker.engine import Regelset, normaliseer
from checker.fouten import RegelFout

REGELS = {
    "positief": {"all": [{"m": {"$and": [{"t": "r"}, {"$gt": {"bedrag": 0}}]}}]},
    "boven_grens": {"all": [{"m": {"$and": [{"t": "r"}, {"$gt": {"vermogen": {"$m": "grens"}}}]}}]},
    "vlak_onder": {"all": [{"m": {"$and": [{"t": "r"}, {"$lte": {"vermogen": {"$m": "grens"}}},
                                            {"$gt": {"vermogen": {"$mul": {"$l": {"$m": "grens"}, "$r": 0.95}}}}]}}]},
}


@pytest.fixture(scope="module")
def regelset():
    return Regelset("test", REGELS)


def test_every_matching_rule_fires_on_one_fact(regelset):
    gevuurd = regelset.evalueer([{"t": "r", "bedrag": 5, "vermogen": 120, "grens": 100}])
    assert sorted(n for n, _ in gevuurd) == ["boven_grens", "positief"]


def test_field_against_field_with_factor(regelset):
    # 96 is within 5% below 100; 94 is not
    assert [n for n, _ in regelset.evalueer([{"t": "r", "bedrag": 0, "vermogen": 96, "grens": 100}])] == ["vlak_onder"]
    assert regelset.evalueer([{"t": "r", "bedrag": 0, "vermogen": 94, "grens": 100}]) == []


def test_fact_no_rule_accepts_does_not_crash(regelset):
    # A fact of a type no rule looks at used to make delete_state crash the process.
    for _ in range(50):
        assert regelset.evalueer([{"t": "onbekend", "x": 1}, {"t": "r", "bedrag": 0, "vermogen": 0, "grens": 1}]) == []


def test_identical_facts_in_one_evaluation_both_seen(regelset):
    feit = {"t": "r", "bedrag": 1, "vermogen": 0, "grens": 1}
    assert [n for n, _ in regelset.evalueer([feit, dict(feit)])] == ["positief", "positief"]


def test_numbers_not_strings():
    with pytest.raises(RegelFout):
        normaliseer(object())
    with pytest.raises(RegelFout):
        normaliseer(float("nan"))
    import numpy as np
    assert normaliseer(np.float64(2.5)) == 2.5 and type(normaliseer(np.int64(3))) is int
    assert normaliseer(np.bool_(True)) is True


@pytest.mark.parametrize("getal", [5e-324, 1e-7, -1e-5, 1e16, 123456789012.5, 0.01912])
def test_numbers_the_engine_parser_would_refuse_are_normalised(regelset, getal):
    # the C core's JSON parser fails on exponent notation (error code 204)
    regelset.evalueer([{"t": "r", "bedrag": getal, "vermogen": getal, "grens": 1}])


def test_a_number_too_large_for_the_engine_is_an_error_not_a_crash(regelset):
    with pytest.raises(RegelFout, match="te groot"):
        regelset.evalueer([{"t": "r", "bedrag": 1e20, "vermogen": 0, "grens": 1}])


def test_error_in_a_rule_is_raised_naming_the_rule():
    r = Regelset("fout", {"kapot": {"all": [{"m": {"$gt": {"x": 0}}}]}})

    def stuk(c):
        raise ZeroDivisionError("deling door nul")
    # replace the rule's action by one that fails, as a buggy consequent would
    r._host.get_ruleset(r.naam)._actions["kapot"].__init__(stuk)
    with pytest.raises(RegelFout, match="kapot|deling door nul"):
        r.evalueer([{"x": 1}])


def test_malformed_rule_is_refused():
    with pytest.raises(RegelFout):
        Regelset("slecht", {"x": {"all": [{"m": {"$onbekend": {"a": 1}}}]}})


def test_no_session_leak_beyond_engine_limit(regelset):
    # The C core allows 1,024 live sessions per ruleset; 3,000 evaluations prove each is deleted.
    for i in range(3000):
        regelset.evalueer([{"t": "r", "bedrag": i % 2, "vermogen": 0, "grens": 1}])


def test_threads_get_their_own_results(regelset):
    fouten = []

    def werk(k):
        for i in range(300):
            uit = regelset.evalueer([{"t": "r", "bedrag": (i + k) % 2, "vermogen": 0, "grens": 1}])
            if len(uit) != (i + k) % 2:
                fouten.append((k, i, uit))

    draden = [threading.Thread(target=werk, args=(k,)) for k in range(4)]
    for d in draden:
        d.start()
    for d in draden:
        d.join()
    assert fouten == []


def test_many_groups_at_once_equal_one_by_one(regelset):
    groepen = [[{"t": "r", "bedrag": i % 3, "vermogen": 90 + i % 20, "grens": 100}] for i in range(7000)]
    samen = regelset.evalueer_veel(groepen, per_sessie=2500)
    for groep, uitkomst in zip(groepen[:300], samen[:300]):
        assert sorted(n for n, _ in uitkomst) == sorted(n for n, _ in regelset.evalueer(groep))
    assert all(len(u) == len(regelset.evalueer(g)) for g, u in zip(groepen[-200:], samen[-200:]))


def test_a_hash_collision_in_a_large_session_falls_back_to_small_sessions(regelset, monkeypatch):
    # Simulate the engine's 32-bit message-identity collision on the bulk path: the result must still be right.
    from checker import engine
    echt = regelset._evalueer_berichten
    aanroepen = []

    def botsing(berichten):
        aanroepen.append(len(berichten))
        if len(aanroepen) == 1:
            raise engine._AlGezien("gesimuleerde botsing")
        return echt(berichten)

    monkeypatch.setattr(regelset, "_evalueer_berichten", botsing)
    groepen = [[{"t": "r", "bedrag": i % 2, "vermogen": 0, "grens": 1}] for i in range(10)]
    uit = regelset.evalueer_veel(groepen)
    assert [len(u) for u in uit] == [i % 2 for i in range(10)]


# --- evaluation by columns (populations) --------------------------------------------------------------
import numpy as np  # noqa: E402
from hypothesis import given, settings, strategies as st  # noqa: E402

KOLOM_REGELS = {
    **REGELS,
    "tussen": {"all": [{"m": {"$and": [{"t": "r"}, {"$gte": {"bedrag": 10}}, {"$lt": {"bedrag": 20.5}}]}}]},
    "gelijk": {"all": [{"m": {"$and": [{"t": "r"}, {"bedrag": 0}, {"$neq": {"soort": "b"}}]}}]},
    "waar_of_gelijk": {"all": [{"m": {"$and": [{"t": "r"}, {"$or": [{"$and": [{"ja": True}]},
                                                                       {"$and": [{"$eq": {"vermogen": 100}}]}]}]}}]},
    "ander_feit": {"all": [{"m": {"$and": [{"t": "h"}, {"$lte": {"bedrag": 10}}]}}]},
    "aantal": {"all": [{"m": {"$and": [{"t": "h"}, {"$gte": {"aantal": 2}}, {"$lt": {"bedrag": {"$m": "grens"}}}]}}]},
}
# values around every threshold of the rules above: below, on and above it, and tiny ones the engine sees as 0
BIJ_DREMPELS = st.sampled_from([0.0, 1e-5, -1e-5, 5, 9.99, 10, 10.01, 20.5, 20.49, 95, 95.0000001, 100, 100.5, -3])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(BIJ_DREMPELS, BIJ_DREMPELS, st.sampled_from([100.0, 50.0, 0.0]),
                          st.booleans(), st.sampled_from(["a", "b", "c"]), st.integers(0, 4)), min_size=1, max_size=40),
       st.sampled_from([10.0, 0, 1e-5]))
def test_columns_give_what_the_engine_gives_fact_by_fact(rijen, vaste_grens):
    regelset = _kolom_regelset()
    n = len(rijen)
    namen = ("bedrag", "vermogen", "grens", "ja", "soort", "aantal")
    kolom = {k: np.array([r[j] for r in rijen]) for j, k in enumerate(namen)}
    # the second table: whole numbers, and a field compared with a value that is the same for every row
    tabellen = [{"t": "r", **kolom}, {"t": "h", "bedrag": kolom["bedrag"], "aantal": kolom["aantal"],
                                      "grens": vaste_grens}]
    vuurt = regelset.evalueer_kolommen(tabellen, n)
    for i in range(n):
        feiten = [{k: (v[i] if isinstance(v, np.ndarray) else v) for k, v in tabel.items()} for tabel in tabellen]
        los = {naam for feit in feiten for naam, _ in regelset.evalueer([feit])}
        assert {naam for k, naam in enumerate(regelset.regelnamen) if vuurt[i, k]} == los, rijen[i]


_KOLOM_REGELSET = []


def _kolom_regelset():
    if not _KOLOM_REGELSET:
        _KOLOM_REGELSET.append(Regelset("kolommen", KOLOM_REGELS))
    return _KOLOM_REGELSET[0]


def test_columns_evaluate_each_class_once():
    regelset = _kolom_regelset()
    n = 10_000
    bedrag = np.linspace(-50, 50, n)  # 10,000 distinct values, but only a handful of classes for the rules
    tabel = {"t": "r", "bedrag": bedrag, "vermogen": 0.0, "grens": 1.0, "ja": False, "soort": "a"}
    klasse, eerste = regelset._klassen(tabel, n)
    assert len(eerste) <= 2 * 4 + 1  # the gaps between and the values of the thresholds 0, 10, 20.5 (and 100)
    vuurt = regelset.evalueer_kolommen([tabel], n)
    k = regelset.regelnamen.index("positief")
    assert (vuurt[:, k] == (bedrag > 0)).all()


def test_columns_refuse_a_value_the_engine_cannot_compare():
    regelset = _kolom_regelset()
    with pytest.raises(RegelFout, match="bedrag"):
        regelset.evalueer_kolommen([{"t": "r", "bedrag": np.array([1.0, np.nan])}], 2)


def test_columns_refuse_rules_that_join_facts():
    join = {"samen": {"all": [{"a": {"t": "x"}}, {"b": {"t": "y"}}]}}
    regelset = Regelset("join", join)
    with pytest.raises(RegelFout, match="precies één feit"):
        regelset.evalueer_kolommen([{"t": "x"}], 1)


def test_columns_evaluate_only_rules_that_can_fire_on_the_table(monkeypatch):
    # a table of 'h' facts: the rules on 'r' facts cannot fire there, so their thresholds make no classes
    regelset = _kolom_regelset()
    gezien = []
    echt = regelset.evalueer_veel
    monkeypatch.setattr(regelset, "evalueer_veel", lambda groepen: gezien.extend(groepen) or echt(groepen))
    bedrag = np.linspace(-50, 50, 1001)
    regelset.evalueer_kolommen([{"t": "h", "bedrag": bedrag, "aantal": 3, "grens": 0.0}], bedrag.size)
    # only 'bedrag <= 10' (ander_feit) and 'bedrag < grens' (aantal) count: below 0, 0, 0 to 10, 10, above 10
    assert len(gezien) == 5


def test_columns_refuse_a_rule_whose_field_the_table_lacks():
    regelset = _kolom_regelset()
    with pytest.raises(RegelFout, match="'aantal'.*ontbreekt"):
        regelset.evalueer_kolommen([{"t": "h", "bedrag": np.array([1.0, 2.0]), "grens": 1.0}], 2)


@pytest.mark.parametrize("kolom", [np.array([1.0, np.inf]), np.array(["a", None], dtype=object),
                                   np.array([1.0, 2.0, 3.0])])
def test_columns_refuse_any_value_the_engine_cannot_take_in_any_row(kolom):
    # also in a field no rule compares, and also in a row that is not the first of its class
    regelset = _kolom_regelset()
    tabel = {"t": "h", "bedrag": np.array([1.0, 1.0]), "aantal": 0, "grens": 0.0, "toelichting": kolom}
    with pytest.raises(RegelFout, match="toelichting"):
        regelset.evalueer_kolommen([tabel], 2)


def test_a_fact_is_normalised_as_each_of_its_values():
    from datetime import date

    from checker.engine import normaliseer_feit
    feit = {"a": True, "b": 3, "c": "x", "d": np.float64(1e-7), "e": None, "f": np.int64(4), "g": 2**70,
            "h": date(2026, 6, 15), "i": np.bool_(False), "j": 2.5}
    uit = normaliseer_feit(feit)
    assert uit == {k: normaliseer(w) for k, w in feit.items() if w is not None}
    assert all(type(uit[k]) is type(normaliseer(feit[k])) for k in uit)

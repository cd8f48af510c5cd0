"""The only module that touches durable-rules. Everything else talks to ``Regelset``.

What bites in durable-rules 2.0.28 and how this wrapper handles it (its repository jruizgit/rules and
https://github.com/jruizgit/rules/issues, and what was measured here):
- the global host runs two background timer threads → one explicit Host per rule-set version, with
  ``_run`` switched off, so evaluation is synchronous and deterministic;
- events (``post``) are seen by one rule only → facts are asserted, so every rule sees every fact;
- at most 1,024 live sessions per ruleset and one sid shared by evaluations corrupts results → a fresh
  sid per evaluation, always deleted afterwards;
- exceptions in consequents are swallowed into the session state → our actions catch and record
  them, the state's ``exception`` key is checked, and both are raised as ``RegelFout`` naming the rule;
- messages go through json and strings compare with numbers silently → every value is normalised
  to int/float/str/bool first, and anything else is refused;
- rulesets cannot be unregistered → one Host per version, compiled once and cached by the caller;
- the C core holds global state and never releases the GIL → a lock around each evaluation;
- (measured here) a fact that no rule's alpha network accepts leaves the session in a state that makes
  ``delete_state`` crash the process (SIGSEGV) → every ruleset gets one silent rule that accepts every
  fact, so no fact is ever "not handled".

Populations (``evalueer_kolommen``): the engine costs about 50 µs per fact, far too slow for a million
facts. But a rule here looks at one fact at a time, and only through the comparisons in its conditions.
Facts that give the same outcome for every comparison fire the same rules, so the engine evaluates one
fact of each such class and its answer holds for the whole class. The classes come from the conditions
themselves (every threshold a field is compared with, every field compared with another), so the engine
still decides every outcome; nothing about the rules is written twice.
"""
from __future__ import annotations

import copy
import itertools
import math
import threading
from datetime import date
from typing import Any

import numpy as np
from durable import engine as _durable

from .fouten import RegelFout

_volgnummers = itertools.count(1)
_GEZIEN = "_feit_gezien"  # the silent catch-all rule (see the module docstring)


class _AlGezien(RegelFout):
    """The engine took a new fact for one it had seen: its message identity is a 32-bit hash, so with k facts
    in one session two distinct facts collide with a chance of about k² / 2³³."""
_slot = threading.Lock()


class _SynchroneHost(_durable.Host):
    """A Host without the background dispatch threads; actions resolved by rule name."""

    def __init__(self, acties: dict[str, Any], definities: dict):
        self._acties = acties
        super().__init__(definities)

    def _run(self):  # no timer threads: evaluation happens inside assert_fact
        return None

    def get_action(self, action_name):
        try:
            return self._acties[action_name]
        except KeyError:
            raise RegelFout(f"regel '{action_name}' heeft geen actie") from None


def normaliseer(waarde: Any, pad: str = "feit") -> int | float | str | bool | None:
    """A value the engine compares correctly: bool, int, float (finite), str; None means 'leave out'."""
    if waarde is None:
        return None
    if isinstance(waarde, (bool, np.bool_)):
        return bool(waarde)
    if isinstance(waarde, (int, np.integer)):
        return int(waarde)
    if isinstance(waarde, (float, np.floating)):
        waarde = float(waarde)
        if not math.isfinite(waarde):
            raise RegelFout(f"{pad}: geen eindig getal ({waarde})")
        # The engine's JSON parser refuses exponent notation such as 1e-07 or 1e+16 (error 204).
        if abs(waarde) < 1e-4:  # Python writes these as 1e-05; nothing the rules compare is that small
            return 0.0
        if "e" in repr(waarde):
            if waarde.is_integer() and abs(waarde) < 2**62:
                return int(waarde)
            raise RegelFout(f"{pad}: getal {waarde!r} is te groot voor de rules-engine")
        return waarde
    if isinstance(waarde, str):
        return waarde
    if isinstance(waarde, date):
        return waarde.isoformat()
    raise RegelFout(f"{pad}: waarde van type {type(waarde).__name__} kan niet naar de rules-engine")


_ZOALS_HET_IS = (str, bool, int)   # exact types the engine takes unchanged (what ``normaliseer`` returns for them)


def normaliseer_feit(feit: dict[str, Any]) -> dict[str, Any]:
    uit = {}
    for sleutel, waarde in feit.items():
        w = waarde if type(waarde) in _ZOALS_HET_IS else normaliseer(waarde, f"feit.{sleutel}")
        if w is not None:
            uit[str(sleutel)] = w
    return uit


def _vergelijkingen(conditie: Any, uit: list[tuple[str, str, Any]]) -> list[tuple[str, str, Any]]:
    """Every comparison in a condition in durable-rules' JSON form, as (veld, operator, rechterkant):
    the right side is a constant, ``("veld", ander_veld, factor)`` for a comparison with another field of the
    same fact. Refuses any form it does not know, so a new kind of condition cannot be misread."""
    if isinstance(conditie, list):
        for c in conditie:
            _vergelijkingen(c, uit)
        return uit
    if not isinstance(conditie, dict) or len(conditie) != 1:
        raise RegelFout(f"onbekende vorm van een voorwaarde: {conditie!r}")
    (sleutel, waarde), = conditie.items()
    if sleutel in ("$and", "$or"):
        return _vergelijkingen(waarde, uit)
    if sleutel in _VERGELIJKERS:
        if not isinstance(waarde, dict) or len(waarde) != 1:
            raise RegelFout(f"onbekende vorm van een vergelijking: {conditie!r}")
        (veld, rechts), = waarde.items()
        if isinstance(rechts, dict):
            if set(rechts) == {"$m"}:
                rechts = ("veld", rechts["$m"], 1.0)
            elif (set(rechts) == {"$mul"} and set(rechts["$mul"]) == {"$l", "$r"}
                  and set(rechts["$mul"]["$l"]) == {"$m"} and isinstance(rechts["$mul"]["$r"], (int, float))):
                rechts = ("veld", rechts["$mul"]["$l"]["$m"], float(rechts["$mul"]["$r"]))
            else:
                raise RegelFout(f"onbekende vorm van een vergelijking: {conditie!r}")
        uit.append((veld, sleutel, rechts))
        return uit
    if sleutel.startswith("$") or isinstance(waarde, (dict, list)):
        raise RegelFout(f"onbekende vorm van een voorwaarde: {conditie!r}")
    uit.append((sleutel, "$eq", waarde))
    return uit


def _enkel_feit(conditie: dict) -> list:
    """The condition of a rule on one fact (``{"all": [{"m": ...}]}``); refuses joins of several facts."""
    if set(conditie) != {"all"} or not isinstance(conditie["all"], list) or len(conditie["all"]) != 1:
        raise RegelFout(f"regel kijkt niet naar precies één feit: {conditie!r}")
    (alias, c), = conditie["all"][0].items()
    return c


def _vaste_waarden(conditie: dict) -> list[tuple[str, Any]]:
    """The (veld, waarde) pairs a fact must equal for the rule to fire at all (``{"t": "regeling"}`` and the like):
    the plain equalities at the top of its AND."""
    delen = conditie["$and"] if set(conditie) == {"$and"} else [conditie]
    uit = []
    for d in delen:
        (sleutel, waarde), = d.items()
        if sleutel == "$eq" and isinstance(waarde, dict) and len(waarde) == 1:
            (sleutel, waarde), = waarde.items()
        if not sleutel.startswith("$") and not isinstance(waarde, (dict, list)):
            uit.append((sleutel, waarde))
    return uit


def _zeker_anders(a: Any, b: Any) -> bool:
    """Two plain values of the same kind that differ (a bool and a number are never taken as 'surely different')."""
    soort = [bool if isinstance(x, (bool, np.bool_)) else str if isinstance(x, str)
             else float if isinstance(x, (int, float, np.integer, np.floating)) else None for x in (a, b)]
    return soort[0] is not None and soort[0] == soort[1] and a != b


_VERGELIJKERS = ("$eq", "$neq", "$lt", "$lte", "$gt", "$gte")


def _normaliseer_kolom(waarden: np.ndarray, veld: str) -> np.ndarray:
    """The values as ``normaliseer`` hands them to the engine, for a whole column."""
    if waarden.dtype == bool or waarden.dtype.kind in "OUS":
        return waarden
    x = waarden.astype(float)
    if not np.isfinite(x).all():
        raise RegelFout(f"feit.{veld}: geen eindig getal")
    return np.where(np.abs(x) < 1e-4, 0.0, x)


def _controleer_kolom(w: Any, veld: str, n: int) -> None:
    """Every row, not only the one the engine sees, must hold a value the engine can take (as ``normaliseer``)."""
    if not isinstance(w, np.ndarray):
        normaliseer(w, f"feit.{veld}")
        return
    if w.shape != (n,):
        raise RegelFout(f"feit.{veld}: verwacht {n} waarden, niet de vorm {w.shape}")
    if w.dtype.kind in "iub" or w.dtype.kind in "US":
        return
    if w.dtype.kind == "f":
        if not np.isfinite(w).all():
            raise RegelFout(f"feit.{veld}: geen eindig getal")
        return
    for x in set(w.tolist()) if w.dtype.kind == "O" else [None]:
        if not isinstance(x, (str, bool, int, float)) or (isinstance(x, float) and not math.isfinite(x)):
            raise RegelFout(f"feit.{veld}: waarde van type {type(x).__name__} kan niet naar de rules-engine")


def _klassen_van(codes: list[np.ndarray], n: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows with the same code in every column form one class: each row's class and each class's first row. The
    codes are packed into one integer per row when they fit (a 1-D unique is several times faster than a unique
    over rows), else the rows themselves are compared."""
    kolommen = [np.asarray(c, dtype=np.int64).reshape(n) for c in codes]
    sleutel = np.zeros(n, dtype=np.int64)
    ruimte = 1
    for c in kolommen:
        laag, hoog = (int(c.min()), int(c.max())) if n else (0, 0)
        breedte = hoog - laag + 1
        if ruimte * breedte >= 2 ** 62:
            _, eerste, klasse = np.unique(np.stack(kolommen, axis=1), axis=0, return_index=True, return_inverse=True)
            return klasse.reshape(n), eerste
        sleutel = sleutel * breedte + (c - laag)
        ruimte *= breedte
    _, eerste, klasse = np.unique(sleutel, return_index=True, return_inverse=True)
    return klasse.reshape(n), eerste


def _is_getal(x: Any) -> bool:
    if isinstance(x, np.ndarray):
        return x.dtype.kind in "iuf"
    return isinstance(x, (int, float, np.integer, np.floating)) and not isinstance(x, (bool, np.bool_))


class Regelset:
    """One compiled rule-set version (baseline or a reform), evaluated synchronously per call.

    ``regels`` maps a unique rule name to its condition in durable-rules' JSON form, e.g.
    ``{"all": [{"m": {"$and": [{"t": "regeling"}, {"$gt": {"jaarbedrag": 0}}]}}]}``.
    ``evalueer(feiten)`` asserts the facts in a fresh session and returns, in firing order, the
    ``(regelnaam, feit)`` pairs of the rules that matched.
    """

    def __init__(self, naam: str, regels: dict[str, dict]):
        self.naam = f"{naam}_{next(_volgnummers)}"
        self.regelnamen = list(regels)
        try:  # what evalueer_kolommen needs; a ruleset it cannot read is still fine fact by fact
            self._per_regel: list | None = [(naam, _vergelijkingen(c, []), _vaste_waarden(c))
                                            for naam, c in ((n, _enkel_feit(r)) for n, r in regels.items())]
        except RegelFout as e:
            self._per_regel, self._waarom_niet_kolommen = None, str(e)
        self._gevuurd: dict[str, list[tuple[str, dict]]] = {}
        self._fouten: dict[str, list[str]] = {}
        definitie = {_GEZIEN: {"all": [{"m": {"$gte": {"feit_nr": 0}}}], "run": _GEZIEN}}
        acties = {_GEZIEN: lambda c: None}
        for regelnaam, conditie in regels.items():
            if regelnaam == _GEZIEN:
                raise RegelFout(f"de regelnaam '{_GEZIEN}' is gereserveerd")
            definitie[regelnaam] = {**copy.deepcopy(conditie), "run": regelnaam}
            acties[regelnaam] = self._actie(regelnaam)
        try:
            self._host = _SynchroneHost(acties, {self.naam: definitie})
        except RegelFout:
            raise
        except Exception as e:  # the C core refuses a malformed condition
            raise RegelFout(f"regelset '{naam}' kan niet worden gecompileerd: {e}") from None

    def _actie(self, regelnaam: str):
        def actie(c):
            sid = None
            try:
                feit = c.m
                data = dict(feit._d) if hasattr(feit, "_d") else dict(feit)
                sid = str(data.get("sid"))
                self._gevuurd[sid].append((regelnaam, data))
            except Exception as e:  # never swallowed: reported after the evaluation
                self._fouten.setdefault(sid or "?", []).append(f"regel '{regelnaam}': {type(e).__name__}: {e}")
        return actie

    def evalueer_veel(self, groepen: list[list[dict[str, Any]]], per_sessie: int = 500
                      ) -> list[list[tuple[str, dict]]]:
        """Evaluate many independent groups of facts (households) at once: one session per ``per_sessie``
        groups, all facts asserted in one call (the rules look at single facts, never join across groups).
        The per-session limit keeps the fact count well below the 32-bit message-identity collisions."""
        uit: list[list[tuple[str, dict]]] = [[] for _ in groepen]
        for start in range(0, len(groepen), per_sessie):
            deel = groepen[start:start + per_sessie]
            berichten = []
            for k, feiten in enumerate(deel):
                for volgnr, feit in enumerate(feiten):
                    bericht = normaliseer_feit(feit)
                    bericht["groep"] = start + k
                    bericht["feit_nr"] = (start + k) * 1000 + volgnr
                    berichten.append(bericht)
            try:
                gevuurd = self._evalueer_berichten(berichten)
            except _AlGezien:
                # a hash collision between two distinct facts in this large session: evaluate each group in a
                # session of its own (a handful of facts, where a collision is practically impossible)
                gevuurd = [(naam, {**feit, "groep": start + k})
                           for k, feiten in enumerate(deel) for naam, feit in self.evalueer(feiten)]
            for naam, feit in gevuurd:
                uit[int(feit["groep"])].append((naam, feit))
        return uit

    def evalueer_kolommen(self, tabellen: list[dict[str, Any]], n: int) -> np.ndarray:
        """(n, len(regelnamen)) bool: which rules fire on row i of any of the tables.

        Each table holds one kind of fact for n rows (households) as columns: a field maps to an array of
        length n, or to one value for every row. Rows whose facts compare the same way in every condition
        form one class, and the engine evaluates one fact per class (see the module docstring)."""
        if self._per_regel is None:
            raise RegelFout(f"regelset {self.naam} kan niet per kolom: {self._waarom_niet_kolommen}")
        vuurt = np.zeros((n, len(self.regelnamen)), dtype=bool)
        if n == 0:
            return vuurt
        voorbeelden: list[list[dict[str, Any]]] = []
        klassen: list[np.ndarray] = []
        for tabel in tabellen:
            for veld, w in tabel.items():
                _controleer_kolom(w, veld, n)
            klasse, eerste = self._klassen(tabel, n)
            klassen.append(klasse)
            voorbeelden += [[{veld: (w[r] if isinstance(w, np.ndarray) else w) for veld, w in tabel.items()}]
                            for r in eerste]
        gevuurd = self.evalueer_veel(voorbeelden)
        nummer = {naam: k for k, naam in enumerate(self.regelnamen)}
        start = 0
        for klasse in klassen:
            aantal = int(klasse.max()) + 1
            per_klasse = np.zeros((aantal, len(self.regelnamen)), dtype=bool)
            for k in range(aantal):
                for naam, _ in gevuurd[start + k]:
                    per_klasse[k, nummer[naam]] = True
            vuurt |= per_klasse[klasse]
            start += aantal
        return vuurt

    def _klassen(self, tabel: dict[str, Any], n: int) -> tuple[np.ndarray, np.ndarray]:
        """For one table: each row's class (0..k-1) and the first row of each class. Two rows share a class
        when every comparison comes out the same for both, in every rule that can fire on this table at all
        (a rule for ``{"t": "regeling", "regeling": "wga"}`` cannot fire on a table of zorgtoeslag facts)."""
        vergelijkingen = []
        for naam, verg, vast in self._per_regel:
            if any(veld in tabel and not isinstance(tabel[veld], np.ndarray)
                   and _zeker_anders(normaliseer(tabel[veld], veld), waarde) for veld, waarde in vast):
                continue  # this rule cannot fire on any row of this table
            # a rule that can fire here must find every field it compares: one missing (say, a field added to the
            # household facts but not to the population's columns) would silently count differently
            for veld in [v for v, _, _ in verg] + [r[1] for _, _, r in verg if isinstance(r, tuple)]:
                if veld not in tabel:
                    raise RegelFout(f"regel '{naam}' vergelijkt het veld '{veld}', dat in de kolommen van "
                                    f"'{tabel.get('t', '?')}' ontbreekt")
            vergelijkingen += verg

        def kolom(veld: str) -> np.ndarray | None:
            w = tabel.get(veld)
            if not isinstance(w, np.ndarray):
                return None  # the same value for every row: tells no rows apart
            return _normaliseer_kolom(w, veld)

        codes = []
        velden = sorted({v for v, _, _ in vergelijkingen})
        for veld in velden:
            x = kolom(veld)
            if x is None:
                continue
            constanten = {r for v, _, r in vergelijkingen if v == veld and not isinstance(r, tuple)}
            getallen = sorted(c for c in constanten if isinstance(c, (int, float)) and not isinstance(c, bool))
            if x.dtype.kind == "f" and len(getallen) == len(constanten):
                # a number compared only with constants: which gap between the constants, or which constant
                drempels = np.asarray(getallen, dtype=float)
                codes.append(2 * np.searchsorted(drempels, x, side="left") + np.isin(x, drempels))
            else:  # booleans, text, or a mix: the value itself
                codes.append(np.unique(x, return_inverse=True)[1].reshape(n))
        for veld, _, rechts in vergelijkingen:
            if not isinstance(rechts, tuple):
                continue
            links, ander = tabel.get(veld), tabel.get(rechts[1])
            if not isinstance(links, np.ndarray) and not isinstance(ander, np.ndarray):
                continue  # the same outcome for every row
            a = kolom(veld) if isinstance(links, np.ndarray) else normaliseer(links, veld)
            b = kolom(rechts[1]) if isinstance(ander, np.ndarray) else normaliseer(ander, rechts[1])
            if not all(_is_getal(x) for x in (a, b)):
                # text or booleans compared with a field: tell rows apart by the values themselves
                codes += [np.unique(x, return_inverse=True)[1].reshape(n) for x in (a, b) if isinstance(x, np.ndarray)]
                continue
            a = np.broadcast_to(np.asarray(a, dtype=float), n)
            b = np.broadcast_to(np.asarray(b, dtype=float), n) * rechts[2]  # the engine multiplies in doubles too
            codes.append((a > b).astype(np.int8) - (a < b).astype(np.int8) + 1)
        if not codes:
            return np.zeros(n, dtype=np.int64), np.zeros(1, dtype=np.int64)
        return _klassen_van(codes, n)

    def evalueer(self, feiten: list[dict[str, Any]]) -> list[tuple[str, dict]]:
        berichten = []
        for volgnr, feit in enumerate(feiten):
            bericht = normaliseer_feit(feit)
            bericht["feit_nr"] = volgnr  # identical facts would otherwise be 'already observed'
            berichten.append(bericht)
        return self._evalueer_berichten(berichten)

    def _evalueer_berichten(self, berichten: list[dict[str, Any]]) -> list[tuple[str, dict]]:
        with _slot:
            sid = f"s{next(_volgnummers)}"
            self._gevuurd[sid] = []
            try:
                for bericht in berichten:
                    bericht["sid"] = sid
                try:
                    if berichten:
                        self._host.assert_facts(self.naam, berichten)
                except _durable.MessageNotHandledException:  # cannot happen with the catch-all rule
                    raise RegelFout(f"regelset {self.naam}: een feit werd door geen regel gezien") from None
                except _durable.MessageObservedException:
                    raise _AlGezien(f"regelset {self.naam}: een feit is al eerder gezien") from None
                try:
                    staat = self._host.get_state(self.naam, sid)
                except Exception:
                    staat = {}
                if isinstance(staat, dict) and "exception" in staat:
                    raise RegelFout(f"regelset {self.naam}: fout in een regel: {staat['exception']}")
                fouten = self._fouten.pop(sid, []) + self._fouten.pop("?", [])
                if fouten:
                    raise RegelFout("; ".join(fouten))
                return self._gevuurd[sid]
            except RegelFout:
                raise
            except Exception as e:
                raise RegelFout(f"regelset {self.naam}: de rules-engine gaf een fout: {e}") from None
            finally:
                self._gevuurd.pop(sid, None)
                self._fouten.pop(sid, None)
                try:
                    self._host.delete_state(self.naam, sid)
                except Exception:
                    pass

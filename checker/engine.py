"""The only module that touches durable-rules. Everything else talks to ``Regelset``.

What bites in durable-rules 2.0.28 and how this wrapper handles it (see reference/durable-rules.md):
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


def normaliseer_feit(feit: dict[str, Any]) -> dict[str, Any]:
    uit = {}
    for sleutel, waarde in feit.items():
        w = normaliseer(waarde, f"feit.{sleutel}")
        if w is not None:
            uit[str(sleutel)] = w
    return uit


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

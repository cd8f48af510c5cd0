"""The regeling registry: every regeling module declares itself once, and every list of regelingen is derived from it.

A module in checker/regelingen/ that computes a regeling ends with ``REGISTRATIE = Regeling(...)``: its key, the Dutch
name users read, the instantie, whether it is an uitkering or a heffing, whether it adds to the netto besteedbaar
inkomen, whether a voorschot can be received, and what it needs from other regelingen (``nodig``: the key of each
and the type of what that one hands on, ``Uitkomst`` for its amounts only). ``standaard()`` finds every module in
this package with a REGISTRATIE, checks the declarations and orders the regelingen from their needs (a topological
sort; ``rang`` only breaks ties, so lists keep a reading order). A need that no regeling meets, a need of the wrong
type or a circular need is a RegisterFout that names the regelingen.

Everything else asks the active registry (``actief()``): the orchestrator (checker/berekening.py) for the order and
the functions, the signals for the names and facts, the JSON for soort, the populations and the web form for the
regelingen with a voorschot. ``gebruik(register)`` makes another registry active for a while (a test that registers
an extra regeling).
"""
from __future__ import annotations

import heapq
import importlib
import pkgutil
from collections.abc import Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Literal

from ..fouten import RegisterFout
from ._uitkomst import Uitkomst

if TYPE_CHECKING:
    from datetime import date

    from ..feitsoorten import Veld
    from ..huishouden import Gebeurtenis, Huishouden
    from ..invoer import Invoer
    from ..parameters import Parameters

SOORTEN = ("uitkering", "heffing")


@dataclass(frozen=True)
class Regeling:
    """How one regeling declares itself (see the module docstring)."""
    sleutel: str                          # the key in the JSON and everywhere else (contract section 3)
    naam: str                             # the Dutch name users read ("kindgebonden budget")
    instantie: str                        # who pays it or levies it
    soort: Literal["uitkering", "heffing"]
    bereken: Callable[["Invoer", "Parameters", dict[str, Uitkomst]], Uitkomst] | None
    # what it needs from other regelingen: key -> the type of what that one hands on (Uitkomst.doorgifte), or Uitkomst
    # itself when only its amounts are needed. The orchestrator computes those first and passes only these.
    nodig: Mapping[str, type] = field(default_factory=dict)
    geeft: type | None = None             # the type of what it hands on (Uitkomst.doorgifte), None when nothing
    bovenop_netto: bool = True            # paid on top of the net income after tax (netto besteedbaar inkomen)
    voorschot: bool = False               # a voorschot can be received now (household file: ontvangt.<sleutel>)
    # the toeslagen test the vermogen on 1 January (Awir art. 7 lid 3); bijstand tests it at the aanvraag
    vermogen_op_1_januari: bool = False
    # granted without an aanvraag to whoever already gets another toeslag with a voorschot (kindgebonden budget)
    vanzelf_bij_andere_toeslag: bool = False
    # what this regeling changes in the household for every regeling after it (the income tax: the toetsingsinkomen
    # is the verzamelinkomen, Awir art. 8); a regeling that reads that part of the household declares it in nodig
    werkt_invoer_bij: Callable[["Invoer", Any], "Invoer"] | None = None
    # the fields this regeling adds to its 'regeling' fact for the signal rules (checker/feitsoorten.py): those in
    # Uitkomst.feiten and Uitkomst.signaalbronnen, and those these functions make: columns over all households from the
    # result (signaalfeiten) and from the peildatum too (peilfeiten), and per household what only the household file
    # holds, for the texts (tekstfeiten: (fact, household) -> fields)
    feitvelden: tuple["Veld", ...] = ()
    signaalfeiten: Callable[[Uitkomst, "Invoer", "Parameters"], dict[str, Any]] | None = None
    peilfeiten: Callable[[Uitkomst, "Invoer", "Parameters", "date"], dict[str, Any]] | None = None
    tekstfeiten: Callable[[dict[str, Any], "Huishouden"], dict[str, Any]] | None = None
    # the fields it adds to every 'gebeurtenis' fact (a life event), and the function that fills them for household
    # i: (household, its Uitkomst, i, the event, parameters) -> fields (what the event means for this regeling)
    gebeurtenisvelden: tuple["Veld", ...] = ()
    gebeurtenisfeiten: Callable[["Huishouden", Uitkomst, int, "Gebeurtenis", "Parameters"],
                                dict[str, Any]] | None = None
    rang: int = 1000                      # where it stands in lists when the needs leave the order open


def _sorteer(regelingen: dict[str, Regeling]) -> tuple[Regeling, ...]:
    """The regelingen so that every one comes after all it needs (Kahn's algorithm; among those ready, the lowest
    rang, then the key). A cycle is a RegisterFout that names it."""
    wacht = {k: set(r.nodig) for k, r in regelingen.items()}
    gebruikt_door: dict[str, list[str]] = {k: [] for k in regelingen}
    for k, r in regelingen.items():
        for nodig in r.nodig:
            gebruikt_door[nodig].append(k)
    klaar = [(r.rang, k) for k, r in regelingen.items() if not wacht[k]]
    heapq.heapify(klaar)
    volgorde = []
    while klaar:
        _, k = heapq.heappop(klaar)
        volgorde.append(regelingen[k])
        for ander in gebruikt_door[k]:
            wacht[ander].discard(k)
            if not wacht[ander]:
                heapq.heappush(klaar, (regelingen[ander].rang, ander))
    if len(volgorde) < len(regelingen):
        raise RegisterFout("regelingen die elkaar nodig hebben (een kring): " + _kring(regelingen, wacht))
    return tuple(volgorde)


def _kring(regelingen: dict[str, Regeling], wacht: dict[str, set[str]]) -> str:
    """One cycle among the regelingen still waiting, as 'a → b → a' (a needs b, b needs a)."""
    k = min(x for x, w in wacht.items() if w)
    pad: list[str] = []
    while k not in pad:
        pad.append(k)
        k = min(wacht[k])
    return " → ".join(pad[pad.index(k):] + [k])


class Register(Sequence):
    """The regelingen in calculation order, checked on creation: iterate it for the Regelingen, look one up by key
    (``register["bijstand"]``, ``"bijstand" in register``)."""

    def __init__(self, regelingen: Iterable[Regeling]):
        op_sleutel: dict[str, Regeling] = {}
        for r in regelingen:
            if r.sleutel in op_sleutel:
                raise RegisterFout(f"regeling '{r.sleutel}' is twee keer geregistreerd")
            op_sleutel[r.sleutel] = r
        for r in op_sleutel.values():
            _controleer(r, op_sleutel)
        self._op_sleutel = op_sleutel
        self._volgorde = _sorteer(op_sleutel)

    def __getitem__(self, i):  # by position (Sequence) or by key
        return self._op_sleutel[i] if isinstance(i, str) else self._volgorde[i]

    def __len__(self) -> int:
        return len(self._volgorde)

    def __iter__(self) -> Iterator[Regeling]:
        return iter(self._volgorde)

    def __contains__(self, sleutel: object) -> bool:
        return sleutel in self._op_sleutel

    def met(self, *extra: Regeling) -> "Register":
        """This registry with ``extra`` regelingen added (checked and ordered again)."""
        return Register([*self._volgorde, *extra])

    def met_behoeften(self, *sleutels: str) -> tuple[Regeling, ...]:
        """The regelingen ``sleutels`` and everything they need, directly or through another, in calculation order."""
        onbekend = [k for k in sleutels if k not in self._op_sleutel]
        if onbekend:
            raise RegisterFout(f"onbekende regeling(en): {', '.join(onbekend)}")
        nodig, open_ = set(), list(sleutels)
        while open_:
            k = open_.pop()
            if k not in nodig:
                nodig.add(k)
                open_ += list(self._op_sleutel[k].nodig)
        return tuple(r for r in self._volgorde if r.sleutel in nodig)

    # --- the lists everything else derives from (cached: a registry does not change) ---
    @cached_property
    def sleutels(self) -> tuple[str, ...]:
        return tuple(r.sleutel for r in self._volgorde)

    @cached_property
    def namen(self) -> dict[str, str]:
        return {r.sleutel: r.naam for r in self._volgorde}

    @cached_property
    def instanties(self) -> dict[str, str]:
        return {r.sleutel: r.instantie for r in self._volgorde}

    @cached_property
    def heffingen(self) -> tuple[str, ...]:
        return tuple(r.sleutel for r in self._volgorde if r.soort == "heffing")

    @cached_property
    def bovenop_netto(self) -> tuple[str, ...]:
        return tuple(r.sleutel for r in self._volgorde if r.bovenop_netto)

    @cached_property
    def met_voorschot(self) -> tuple[str, ...]:
        return tuple(r.sleutel for r in self._volgorde if r.voorschot)


def _controleer(r: Regeling, alle: dict[str, Regeling]) -> None:
    if r.soort not in SOORTEN:
        raise RegisterFout(f"regeling '{r.sleutel}': soort '{r.soort}' (kies uit {', '.join(SOORTEN)})")
    if bool(r.gebeurtenisvelden) != (r.gebeurtenisfeiten is not None):
        raise RegisterFout(f"regeling '{r.sleutel}': gebeurtenisvelden en gebeurtenisfeiten horen bij elkaar")
    for sleutel, soort in r.nodig.items():
        ander = alle.get(sleutel)
        if ander is None:
            raise RegisterFout(f"regeling '{r.sleutel}' heeft '{sleutel}' nodig, maar er is geen regeling "
                               f"'{sleutel}' geregistreerd")
        if ander.bereken is None:
            raise RegisterFout(f"regeling '{r.sleutel}' heeft '{sleutel}' nodig, maar '{sleutel}' wordt nog niet "
                               "berekend")
        if soort is not Uitkomst and not (ander.geeft is not None and issubclass(ander.geeft, soort)):
            geeft = ander.geeft.__name__ if ander.geeft is not None else "niets"
            raise RegisterFout(f"regeling '{r.sleutel}' heeft van '{sleutel}' een {soort.__name__} nodig, maar "
                               f"'{sleutel}' geeft {geeft} door")
    if r.voorschot:
        from ..huishouden import Ontvangt
        if r.sleutel not in Ontvangt.model_fields:
            raise RegisterFout(f"regeling '{r.sleutel}' kan een voorschot hebben, maar het huishoudbestand heeft geen "
                               f"veld ontvangt.{r.sleutel} (checker/huishouden.py, Ontvangt)")


def ontdek() -> list[Regeling]:
    """The REGISTRATIE of every module in this package (modules whose name starts with _ are helpers)."""
    uit = []
    pakket = importlib.import_module(__package__)
    for module in sorted(m.name for m in pkgutil.iter_modules(pakket.__path__) if not m.name.startswith("_")):
        registratie = getattr(importlib.import_module(f"{__package__}.{module}"), "REGISTRATIE", None)
        if registratie is not None:
            if not isinstance(registratie, Regeling):
                raise RegisterFout(f"checker/regelingen/{module}.py: REGISTRATIE is geen Regeling")
            uit.append(registratie)
    return uit


@cache
def standaard() -> Register:
    """The registry of every regeling module in checker/regelingen, checked and ordered. Every ontvangt field of the
    household file belongs to a regeling with a voorschot."""
    register = Register(ontdek())
    from ..huishouden import Ontvangt
    zonder = [k for k in Ontvangt.model_fields if k not in register.met_voorschot]
    if zonder:
        raise RegisterFout(f"het huishoudbestand heeft ontvangt.{zonder[0]}, maar geen geregistreerde regeling "
                           f"'{zonder[0]}' met een voorschot")
    return register


_actief: list[Register] = []


def actief() -> Register:
    """The registry in use: the standard one, or the one ``gebruik`` made active."""
    return _actief[-1] if _actief else standaard()


@contextmanager
def gebruik(register: Register) -> Iterator[Register]:
    """Make ``register`` the active registry inside the with-block (tests: an extra regeling)."""
    _actief.append(register)
    try:
        yield register
    finally:
        _actief.pop()


class Afgeleid(Mapping):
    """A dict derived from the active registry, read when used (``REGELING_NAMEN = Afgeleid(lambda r: r.namen)``), so
    that names kept for existing importers always follow the registry."""

    def __init__(self, uit: Callable[[Register], Mapping]):
        self._uit = uit

    def __getitem__(self, sleutel):
        return self._uit(actief())[sleutel]

    def __iter__(self):
        return iter(self._uit(actief()))

    def __len__(self) -> int:
        return len(self._uit(actief()))

    def __repr__(self) -> str:
        return repr(dict(self))


class AfgeleideRij(Sequence):
    """A tuple derived from the active registry, read when used (see Afgeleid)."""

    def __init__(self, uit: Callable[[Register], Sequence]):
        self._uit = uit

    def __getitem__(self, i):
        return self._uit(actief())[i]

    def __len__(self) -> int:
        return len(self._uit(actief()))

    def __contains__(self, x: object) -> bool:
        return x in self._uit(actief())

    def __repr__(self) -> str:
        return repr(tuple(self))

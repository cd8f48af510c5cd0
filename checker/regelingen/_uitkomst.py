"""What every regeling returns: amounts per household and month, and its explanation from the same arrays."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, TypeVar

import numpy as np

from .. import opmaak
from ..fouten import RegisterFout
from ..parameters import ParameterLezer

T = TypeVar("T")


@dataclass(frozen=True)
class Onderdeel:
    """A named part of a regeling's amount: the rule that makes it, so a scan can say which rule inside a regeling
    makes a step. The parts of a regeling add up to its amount (what they leave over is rounding)."""
    naam: str            # Dutch, e.g. "inkomensafhankelijke combinatiekorting"
    bedrag: np.ndarray   # (rows,) per year or (rows, 12) per month, in the direction of the regeling's own amount
    regel: str           # Dutch: the rule with its article; "{naam}" stands for the person's name
    wie: str = ""        # "aanvrager" or "partner" when the part is that person's, "" for the household

    def per_jaar(self) -> np.ndarray:
        return self.bedrag if self.bedrag.ndim == 1 else self.bedrag.sum(axis=-1)


@dataclass
class Uitkomst:
    regeling: str
    instantie: str
    maandbedragen: np.ndarray          # (N, 12) euro per month
    jaarbedrag: np.ndarray             # (N,) euro per year (the legal annual amount)
    recht: np.ndarray                  # (N,) bool
    uitleg: Callable[[int], list[str]]  # Dutch explanation for household i, from the same arrays
    bronnen: Callable[[int], list[str]]
    waarschuwingen: Callable[[int], list[str]] = lambda i: []
    feiten: dict[str, np.ndarray] = field(default_factory=dict)  # per-household values the signal rules see
    lezer: ParameterLezer | None = None
    berekend: bool = True
    signaalbronnen: dict[str, str] = field(default_factory=dict)  # legal sources the signal rules cite
    details: dict[str, np.ndarray] = field(default_factory=dict)  # other arrays, for tests and inspection (any shape)
    # what this regeling hands on to the regelingen that need it: one dataclass of arrays, the type its registry entry
    # declares as ``geeft`` (checker/regelingen/register.py); read it with ``nodig``
    doorgifte: Any = None
    # what the household receives now of this regeling, (N, 12), in the same terms as maandbedragen, and which
    # terms those are ("netto" or "bruto"); None when the household file has no such field
    ontvangen: np.ndarray | None = None
    ontvangen_bedragen: str = ""
    # named parts of the amount for some households (row indices), made only when asked (the scan, at a step)
    onderdelen: Callable[[np.ndarray], list[Onderdeel]] | None = None

    def onzekere_parameters(self) -> list[str]:
        """Every record the calculation used below grade A; a record from a later date than 1 January names it."""
        if self.lezer is None:
            return []
        return [f"{r.id} = {r.waarde} ({r.eenheid}){_vanaf(r.geldig_vanaf)} heeft zekerheid {r.zekerheid}: {r.bron}"
                for r in self.lezer.onzeker()]


def _vanaf(d) -> str:
    return "" if (d.month, d.day) == (1, 1) else f" vanaf {opmaak.datum(d)}"


def niet_berekend(regeling: str, instantie: str, n: int, reden: str) -> Uitkomst:
    """A regeling this version does not compute yet: recht false, zero amounts, and it says so."""
    tekst = [f"Nog niet berekend in deze versie van samenloop: {reden}. "
             "Dit is géén oordeel over het recht; controleer dit zelf bij de instantie."]
    return Uitkomst(
        regeling=regeling, instantie=instantie,
        maandbedragen=np.zeros((n, 12)), jaarbedrag=np.zeros(n), recht=np.zeros(n, dtype=bool),
        uitleg=lambda i: tekst, bronnen=lambda i: [], berekend=False,
    )


def nodig(eerder: Mapping[str, Uitkomst] | None, sleutel: str, soort: type[T], voor: str) -> T:
    """What the regeling ``sleutel`` hands on to the regeling ``voor``, as the type ``soort`` it declared in its
    ``nodig`` (or the Uitkomst itself, for a regeling that needs only another's amounts). A regeling that needs
    another never falls back on something else: a missing or untyped result is an error that names both."""
    u = (eerder or {}).get(sleutel)
    if u is None or not u.berekend:
        raise RegisterFout(f"regeling '{voor}' heeft de uitkomst van '{sleutel}' nodig, maar die is niet eerder "
                           "berekend (reken via checker.berekening, dat de regelingen op volgorde van hun behoeften "
                           "zet)")
    if soort is Uitkomst:
        return u  # type: ignore[return-value]
    if not isinstance(u.doorgifte, soort):
        raise RegisterFout(f"regeling '{voor}' verwacht van '{sleutel}' een {soort.__name__}, maar kreeg "
                           f"{type(u.doorgifte).__name__}")
    return u.doorgifte

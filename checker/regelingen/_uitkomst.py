"""What every regeling returns: amounts per household and month, and its explanation from the same arrays."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from .. import opmaak
from ..parameters import ParameterLezer


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
    details: dict[str, np.ndarray] = field(default_factory=dict)  # other arrays later regelingen use (any shape)
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

"""Municipal policy (rules/gemeenten/*.yaml) laid out per household, for the gemeente regelingen.

Each household names its gemeente (``inv.gemeente``); a policy value becomes an (N,) array by looping over the
few distinct gemeenten, never over households.
"""
from __future__ import annotations

import numpy as np

from .. import gemeenten
from ..gemeenten import Beleidswaarde, Gemeentebeleid
from ..invoer import Invoer


class Beleid:
    """One part (``kwijtschelding`` or ``smi``) of every household's municipal policy."""

    def __init__(self, inv: Invoer, onderdeel: str, wijzigingen: dict | None = None):
        self.onderdeel = onderdeel
        self.ids = np.asarray(inv.gemeente, dtype=object)
        self.gemeenten: dict[str, Gemeentebeleid] = {g: gemeenten.laad(str(g)) for g in set(self.ids.tolist())}
        self.wijzigingen = wijzigingen or {}   # reform overrides, see Parameters.met_gemeentebeleid

    def _waarde(self, g: str, sleutel: str) -> Beleidswaarde:
        """A reform's value for this gemeente, or for all, or the gemeente's own choice, or a reform of the
        national standaard, or the standaard itself (in that order)."""
        basis = self.gemeenten[g].waarde(self.onderdeel, sleutel)
        eigen = sleutel in getattr(self.gemeenten[g], self.onderdeel)
        for wie in (g, "alle") + (() if eigen and g != "standaard" else ("standaard",)):
            w = self.wijzigingen.get(wie, {}).get(self.onderdeel, {})
            if sleutel in w:
                return basis.model_copy(update={"waarde": w[sleutel], "bron": f"hervorming (was: {basis.bron})"})
        return basis

    def record(self, i: int, sleutel: str) -> Beleidswaarde:
        return self._waarde(self.ids[i], sleutel)

    def per_gemeente(self, sleutel: str):
        """(mask over households, value) for each gemeente present."""
        for g in self.gemeenten:
            yield self.ids == g, self._waarde(g, sleutel).waarde

    def waarden(self, sleutel: str) -> np.ndarray:
        """(N,) object array with the value that applies to each household."""
        uit = np.empty(self.ids.shape[0], dtype=object)
        for masker, waarde in self.per_gemeente(sleutel):
            deel = np.empty(int(masker.sum()), dtype=object)
            deel.fill(waarde)
            uit[masker] = deel
        return uit

    def getal(self, sleutel: str) -> np.ndarray:
        return self.waarden(sleutel).astype(float)

    def vlag(self, sleutel: str) -> np.ndarray:
        return self.waarden(sleutel).astype(bool)

    def naam(self, i: int) -> str:
        return self.gemeenten[self.ids[i]].naam

    def bron(self, i: int) -> str | None:
        return self.gemeenten[self.ids[i]].bron

    def onzeker(self, i: int, sleutels: list[str]) -> list[str]:
        """Dutch warnings for the policy values used that are not graded A."""
        uit = []
        for s in sleutels:
            r = self.record(i, s)
            if r.zekerheid != "A":
                uit.append(f"Gemeentebeleid {self.naam(i)}: '{s}' = {r.waarde} heeft zekerheid {r.zekerheid} ({r.bron})"
                           + (f"; {r.toelichting.rstrip('.')}" if r.toelichting else "") + ".")
        return uit

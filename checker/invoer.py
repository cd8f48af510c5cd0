"""Households as arrays: the shape every regeling computes on (N households × 12 months).

One household gives N = 1; a scan repeats one household with one income source varied; a population
stacks many. Nothing here knows a rule: it only lays out the household's facts.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from .huishouden import Huishouden, Inkomen, Persoon

INKOMENSBRONNEN = tuple(Inkomen.model_fields)


@dataclass(frozen=True)
class Invoer:
    jaar: int
    inkomen_aanvrager: dict[str, np.ndarray]   # bron -> (N, 12)
    inkomen_partner: dict[str, np.ndarray]     # bron -> (N, 12); zeros without a partner
    heeft_partner: np.ndarray                  # (N, 12) bool: a toeslagpartner in that month
    verzekerd_aanvrager: np.ndarray            # (N,) bool: zorgverzekerd
    verzekerd_partner: np.ndarray              # (N,) bool
    geboren_aanvrager: np.ndarray              # (N, 2) int: year, month of birth
    geboren_partner: np.ndarray                # (N, 2) int
    vermogen: np.ndarray                       # (N,) rendementsgrondslag on 1 January
    ontvangt: dict[str, np.ndarray]            # regeling -> (N, 12) voorschot received
    heeft_wia_zonder_uitkering: np.ndarray     # (N,) bool: WIA situation given but no inkomen.wga

    @property
    def n(self) -> int:
        return self.vermogen.shape[0]

    def met_inkomen(self, persoon: str, bron: str, bedragen: np.ndarray) -> "Invoer":
        """A copy with one source of the aanvrager or partner replaced by (N, 12) amounts."""
        veld = "inkomen_aanvrager" if persoon == "aanvrager" else "inkomen_partner"
        nieuw = dict(getattr(self, veld))
        nieuw[bron] = bedragen
        return replace(self, **{veld: nieuw})

    def herhaald(self, n: int) -> "Invoer":
        """This (single) household repeated n times, for a sweep."""
        def rep(a: np.ndarray) -> np.ndarray:
            return np.repeat(a, n, axis=0)
        return Invoer(
            jaar=self.jaar,
            inkomen_aanvrager={k: rep(v) for k, v in self.inkomen_aanvrager.items()},
            inkomen_partner={k: rep(v) for k, v in self.inkomen_partner.items()},
            heeft_partner=rep(self.heeft_partner), verzekerd_aanvrager=rep(self.verzekerd_aanvrager),
            verzekerd_partner=rep(self.verzekerd_partner), geboren_aanvrager=rep(self.geboren_aanvrager),
            geboren_partner=rep(self.geboren_partner), vermogen=rep(self.vermogen),
            ontvangt={k: rep(v) for k, v in self.ontvangt.items()},
            heeft_wia_zonder_uitkering=rep(self.heeft_wia_zonder_uitkering),
        )


def _inkomen(p: Persoon | None) -> dict[str, np.ndarray]:
    if p is None:
        return {b: np.zeros(12) for b in INKOMENSBRONNEN}
    return {b: np.asarray(getattr(p.inkomen, b), dtype=float) for b in INKOMENSBRONNEN}


def _geboren(h: Huishouden, p: Persoon | None) -> tuple[int, int]:
    if p is None:
        return (0, 1)
    d = h.geboortedatum(p)
    return (d.year, d.month)


def uit_huishoudens(huishoudens: list[Huishouden]) -> Invoer:
    """Stack households of one berekeningsjaar into arrays."""
    jaren = {h.jaar for h in huishoudens}
    if len(jaren) != 1:
        raise ValueError("alle huishoudens moeten hetzelfde berekeningsjaar hebben")
    per = []
    for h in huishoudens:
        a, p = h.aanvrager, h.partner
        per.append(dict(
            ia=_inkomen(a), ip=_inkomen(p),
            partner=np.full(12, p is not None),
            va=a.zorgverzekerd, vp=bool(p and p.zorgverzekerd),
            ga=_geboren(h, a), gp=_geboren(h, p),
            vermogen=h.vermogen,
            ontvangt={k: np.asarray(getattr(h.ontvangt, k), dtype=float) for k in type(h.ontvangt).model_fields},
            wia=any(x.wia is not None and not any(x.inkomen.wga) for x in (a, p) if x is not None),
        ))

    def stapel(sleutel: str) -> dict[str, np.ndarray]:
        return {b: np.stack([d[sleutel][b] for d in per]) for b in per[0][sleutel]}

    return Invoer(
        jaar=jaren.pop(),
        inkomen_aanvrager=stapel("ia"), inkomen_partner=stapel("ip"),
        heeft_partner=np.stack([d["partner"] for d in per]),
        verzekerd_aanvrager=np.array([d["va"] for d in per]), verzekerd_partner=np.array([d["vp"] for d in per]),
        geboren_aanvrager=np.array([d["ga"] for d in per]), geboren_partner=np.array([d["gp"] for d in per]),
        vermogen=np.array([d["vermogen"] for d in per], dtype=float),
        ontvangt=stapel("ontvangt"),
        heeft_wia_zonder_uitkering=np.array([d["wia"] for d in per]),
    )

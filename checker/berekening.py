"""The orchestrator: the regelingen in the order of what they need, month by month, over arrays.

Every regeling declares itself in its module (REGISTRATIE, checker/regelingen/register.py), with what it needs from
the others. The registry orders them from those needs (a topological sort; a missing or circular need is a
RegisterFout naming the regelingen) and this module computes them in that order, handing each one only the results it
declared:

    wga ─► inkomstenbelasting ─► bijstand, zorgtoeslag, huurtoeslag, kindgebonden budget (with kinderbijslag),
    kinderopvangtoeslag ─► kwijtschelding, smi ─► netto besteedbaar inkomen

A regeling that changes the household for the ones after it says so in its registration (the income tax: from then on
the toetsingsinkomen is the computed verzamelinkomen, Awir art. 8). A regeling registered without a function is
present with recht false and says so.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .invoer import Invoer
from .parameters import Parameters
from .regelingen import inkomstenbelasting
from .regelingen.register import Afgeleid, AfgeleideRij, Regeling, actief
from .regelingen import Uitkomst, niet_berekend, nodig

# Kept for existing importers; all three follow the active registry.
REGELINGEN = Afgeleid(lambda r: r.instanties)     # key -> instantie, in calculation order
BEREKEND = Afgeleid(lambda r: {x.sleutel: x.bereken for x in r if x.bereken is not None})
BOVENOP_NETTO = AfgeleideRij(lambda r: r.bovenop_netto)   # paid on top of the net income after tax
# How the Dutch texts name each regeling (report, signals, cliff explanations, web page), from the registry.
REGELING_NAMEN = Afgeleid(lambda r: r.namen)
# amounts the household pays ("recht" then means: something is due), from the registry (soort heffing)
HEFFINGEN = AfgeleideRij(lambda r: r.heffingen)


@dataclass
class Netto:
    """Netto besteedbaar inkomen per household and month, with its parts."""
    maandbedragen: np.ndarray           # (N, 12)
    onderdelen: dict[str, np.ndarray]   # name -> (N, 12)
    compleet: bool
    uitleg: list[str]


@dataclass
class Resultaat:
    invoer: Invoer
    parameters: Parameters
    regelingen: dict[str, Uitkomst]
    netto: Netto


def bruto_inkomen(inv: Invoer) -> np.ndarray:
    """(N, 12): all income of aanvrager and partner as given in the household."""
    return sum(inv.inkomen_aanvrager.values()) + sum(inv.inkomen_partner.values())


def kinderopvangkosten(inv: Invoer) -> np.ndarray:
    """(N, 12): what the household pays for childcare (hours × hourly price, before any toeslag), in the months the
    child is there (from the month after its birth, or that month when born on its first day; the kinderopvangtoeslag
    warns about hours the file gives before)."""
    geboren = inv.leeftijd("bewoner") >= 0
    kosten = inv.opvang_uren * inv.opvang_uurprijs[:, :, None] * ((inv.opvang_soort > 0)[:, :, None] & geboren)
    return kosten.sum(axis=1)


def netto_inkomen(inv: Invoer, regelingen: dict[str, Uitkomst]) -> np.ndarray:
    """(N, 12) net income of aanvrager and partner after income tax, without the bijstand they receive now
    (the computed bijstand replaces it): the other income after the tax it would bear alone. The partner's income
    counts in the months the partner is part of the household (a samenwonen or scheiding within the year)."""
    return nodig(regelingen, "inkomstenbelasting", inkomstenbelasting.InkomenNaBelasting,
                 "netto besteedbaar inkomen").netto_zonder_bijstand_per_maand


def netto_besteedbaar(inv: Invoer, regelingen: dict[str, Uitkomst]) -> Netto:
    """Net income + bijstand + toeslagen + kinderbijslag + kwijtschelding + SMI − gemeentelijke belastingen
    − kinderopvangkosten."""
    register = actief()
    onderdelen = {"netto_inkomen": netto_inkomen(inv, regelingen)}
    for sleutel in register.bovenop_netto:
        if regelingen[sleutel].berekend:
            onderdelen[sleutel] = regelingen[sleutel].maandbedragen
    onderdelen["gemeentelijke_belastingen"] = -np.repeat(inv.gemeentelijke_belastingen[:, None] / 12.0, 12, axis=1)
    onderdelen["kinderopvangkosten"] = -kinderopvangkosten(inv)
    totaal = sum(onderdelen.values())
    open_ = [k for k in register.sleutels if not regelingen[k].berekend]
    uitleg = ["Netto inkomen na inkomstenbelasting en premies, plus bijstand, toeslagen, kinderbijslag, kwijtschelding "
              "en SMI, min de gemeentelijke belastingen en de kosten van kinderopvang."]
    if open_:
        uitleg.append("Nog niet meegeteld omdat samenloop ze nog niet berekent: " + ", ".join(open_) + ".")
    return Netto(maandbedragen=totaal, onderdelen=onderdelen, compleet=not open_, uitleg=uitleg)


def bereken_een(r: Regeling, inv: Invoer, parameters: Parameters, uitkomsten: dict[str, Uitkomst]) -> Uitkomst:
    """One regeling, handed only the results it declared it needs."""
    if r.bereken is None:
        return niet_berekend(r.sleutel, r.instantie, inv.n, "deze regeling is nog niet ingebouwd")
    return r.bereken(inv, parameters, {k: uitkomsten[k] for k in r.nodig if k in uitkomsten})


def _bereken_reeks(reeks, inv: Invoer, parameters: Parameters) -> tuple[Invoer, dict[str, Uitkomst]]:
    """The regelingen of ``reeks`` (in calculation order) one after the other; the household as the last left it."""
    uitkomsten: dict[str, Uitkomst] = {}
    for r in reeks:
        u = uitkomsten[r.sleutel] = bereken_een(r, inv, parameters, uitkomsten)
        if r.werkt_invoer_bij is not None and u.berekend:
            inv = r.werkt_invoer_bij(inv, u.doorgifte)
    return inv, uitkomsten


def bereken(inv: Invoer, parameters: Parameters) -> Resultaat:
    """Every registered regeling for every household of ``inv``, in the order of their needs."""
    inv, uitkomsten = _bereken_reeks(actief(), inv, parameters)
    return Resultaat(invoer=inv, parameters=parameters, regelingen=uitkomsten, netto=netto_besteedbaar(inv, uitkomsten))


def bereken_alleen(inv: Invoer, parameters: Parameters, sleutels: tuple[str, ...]) -> dict[str, Uitkomst]:
    """Only the regelingen ``sleutels`` and what they need (say, the zorgtoeslag of people who ask for nothing else),
    computed as ``bereken`` computes them; no net income."""
    return _bereken_reeks(actief().met_behoeften(*sleutels), inv, parameters)[1]


def herbereken(res: Resultaat, sleutels: tuple[str, ...], **velden) -> Resultaat:
    """The result with the household's ``velden`` changed (say, other voorschotten received) and only the
    regelingen ``sleutels`` computed again, in calculation order, the others as they were. The caller vouches that
    nothing else depends on what changed; the net income is kept."""
    uitkomsten = dict(res.regelingen)
    inv = res.invoer.met(**velden)
    for r in actief():
        if r.sleutel in sleutels:
            uitkomsten[r.sleutel] = bereken_een(r, inv, res.parameters, uitkomsten)
    return Resultaat(invoer=inv, parameters=res.parameters, regelingen=uitkomsten, netto=res.netto)

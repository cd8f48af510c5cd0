"""The orchestrator: which regeling needs which, in dependency order, month by month, over arrays.

    gross income ─► toetsingsinkomen (Awir) ─► zorgtoeslag ─► … ─► netto besteedbaar inkomen

Regelingen that this version does not compute yet are present with recht false and say so.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .invoer import Invoer
from .parameters import Parameters
from .regelingen import (Uitkomst, bijstand, huurtoeslag, inkomstenbelasting, kinderbijslag, kindgebonden_budget,
                         kinderopvangtoeslag, kwijtschelding, niet_berekend, smi, wga, zorgtoeslag)

# Every regeling key of the contract, in calculation order, with its instantie.
REGELINGEN: dict[str, str] = {
    "wga": "UWV",
    "inkomstenbelasting": "Belastingdienst",
    "bijstand": "gemeente",
    "zorgtoeslag": "Dienst Toeslagen",
    "huurtoeslag": "Dienst Toeslagen",
    "kinderbijslag": "Sociale Verzekeringsbank",
    "kindgebonden_budget": "Dienst Toeslagen",
    "kinderopvangtoeslag": "Dienst Toeslagen",
    "kwijtschelding": "gemeente",
    "smi": "gemeente",
}
BEREKEND = {
    "wga": wga.bereken,
    "inkomstenbelasting": inkomstenbelasting.bereken,
    "bijstand": bijstand.bereken,
    "zorgtoeslag": zorgtoeslag.bereken,
    "huurtoeslag": huurtoeslag.bereken,
    "kinderbijslag": kinderbijslag.bereken,
    "kindgebonden_budget": kindgebonden_budget.bereken,
    "kinderopvangtoeslag": kinderopvangtoeslag.bereken,
    "kwijtschelding": kwijtschelding.bereken,
    "smi": smi.bereken,
}
# How the Dutch texts name each regeling (report, signals, cliff explanations, web page).
REGELING_NAMEN: dict[str, str] = {
    "zorgtoeslag": "zorgtoeslag", "huurtoeslag": "huurtoeslag", "kindgebonden_budget": "kindgebonden budget",
    "kinderopvangtoeslag": "kinderopvangtoeslag", "kinderbijslag": "kinderbijslag", "wga": "WGA-uitkering",
    "bijstand": "bijstand", "kwijtschelding": "kwijtschelding gemeentelijke belastingen",
    "smi": "SMI-vergoeding kinderopvang", "inkomstenbelasting": "inkomstenbelasting",
}
HEFFINGEN = ("inkomstenbelasting",)   # amounts the household pays; "recht" then means: something is due
# Regelingen paid on top of the net income (WGA is in the net income already, as taxable income).
BOVENOP_NETTO = ("bijstand", "zorgtoeslag", "huurtoeslag", "kinderbijslag", "kindgebonden_budget",
                 "kinderopvangtoeslag", "kwijtschelding", "smi")


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
    return regelingen["inkomstenbelasting"].details["netto_zonder_bijstand_per_maand"]


def netto_besteedbaar(inv: Invoer, regelingen: dict[str, Uitkomst]) -> Netto:
    """Net income + bijstand + toeslagen + kinderbijslag + kwijtschelding + SMI − gemeentelijke belastingen
    − kinderopvangkosten."""
    onderdelen = {"netto_inkomen": netto_inkomen(inv, regelingen)}
    for sleutel in BOVENOP_NETTO:
        if regelingen[sleutel].berekend:
            onderdelen[sleutel] = regelingen[sleutel].maandbedragen
    onderdelen["gemeentelijke_belastingen"] = -np.repeat(inv.gemeentelijke_belastingen[:, None] / 12.0, 12, axis=1)
    onderdelen["kinderopvangkosten"] = -kinderopvangkosten(inv)
    totaal = sum(onderdelen.values())
    open_ = [k for k in REGELINGEN if not regelingen[k].berekend]
    uitleg = ["Netto inkomen na inkomstenbelasting en premies, plus bijstand, toeslagen, kinderbijslag, kwijtschelding "
              "en SMI, min de gemeentelijke belastingen en de kosten van kinderopvang."]
    if open_:
        uitleg.append("Nog niet meegeteld omdat samenloop ze nog niet berekent: " + ", ".join(open_) + ".")
    return Netto(maandbedragen=totaal, onderdelen=onderdelen, compleet=not open_, uitleg=uitleg)


def met_bruto_bijstand(inv: Invoer, details: dict) -> Invoer:
    """The household with the gross of the bijstand given net (inkomen.bijstand_netto) as the income tax derived it
    (Participatiewet art. 19 lid 2), so every later regeling sees the gross as if it had been given: in
    inkomen_*["bijstand"], and for kinderen and medebewoners in bewoner_inkomen (once: their net amounts are then
    cleared)."""
    if inv.bijstand_netto is None and inv.bewoner_bijstand_netto is None:
        return inv
    nieuw = {}
    if inv.bijstand_netto is not None:
        nieuw["inkomen_aanvrager"] = {**inv.inkomen_aanvrager, "bijstand": details["bijstand_bruto_aanvrager"]}
        nieuw["inkomen_partner"] = {**inv.inkomen_partner, "bijstand": details["bijstand_bruto_partner"]}
    if inv.bewoner_bijstand_netto is not None:
        nieuw["bewoner_inkomen"] = inv.bewoner_inkomen + details["bijstand_bruto_bewoners"]
        nieuw["bewoner_bijstand_netto"] = None
    return inv.met(**nieuw)


def bereken(inv: Invoer, parameters: Parameters) -> Resultaat:
    uitkomsten: dict[str, Uitkomst] = {}
    for sleutel, instantie in REGELINGEN.items():
        functie = BEREKEND.get(sleutel)
        uitkomsten[sleutel] = (functie(inv, parameters, uitkomsten) if functie
                               else niet_berekend(sleutel, instantie, inv.n, "deze regeling is nog niet ingebouwd"))
        if sleutel == "inkomstenbelasting" and uitkomsten[sleutel].berekend:
            # Awir art. 8: from here on the toetsingsinkomen is the computed verzamelinkomen.
            d = uitkomsten[sleutel].details
            inv = inv.met(toetsingsinkomen=np.stack([d["verzamelinkomen_aanvrager"], d["verzamelinkomen_partner"]],
                                                    axis=1))
            inv = met_bruto_bijstand(inv, d)
    return Resultaat(invoer=inv, parameters=parameters, regelingen=uitkomsten, netto=netto_besteedbaar(inv, uitkomsten))


def herbereken(res: Resultaat, sleutels: tuple[str, ...], **velden) -> Resultaat:
    """The result with the household's ``velden`` changed (say, other voorschotten received) and only the
    regelingen ``sleutels`` computed again, in calculation order, the others as they were. The caller vouches that
    nothing else depends on what changed; the net income is kept."""
    uitkomsten = dict(res.regelingen)
    inv = res.invoer.met(**velden)
    for sleutel in REGELINGEN:
        if sleutel in sleutels:
            uitkomsten[sleutel] = BEREKEND[sleutel](inv, res.parameters, uitkomsten)
    return Resultaat(invoer=inv, parameters=res.parameters, regelingen=uitkomsten, netto=res.netto)

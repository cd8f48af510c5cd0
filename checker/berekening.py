"""The orchestrator: which regeling needs which, in dependency order, month by month, over arrays.

    gross income ─► toetsingsinkomen (Awir) ─► zorgtoeslag ─► … ─► netto besteedbaar inkomen

Regelingen that this version does not compute yet are present with recht false and say so.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .invoer import Invoer
from .parameters import Parameters
from .regelingen import huurtoeslag, kinderbijslag, kindgebonden_budget, kinderopvangtoeslag, zorgtoeslag
from .regelingen._uitkomst import Uitkomst, niet_berekend

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
    "zorgtoeslag": zorgtoeslag.bereken,
    "huurtoeslag": huurtoeslag.bereken,
    "kinderbijslag": kinderbijslag.bereken,
    "kindgebonden_budget": kindgebonden_budget.bereken,
    "kinderopvangtoeslag": kinderopvangtoeslag.bereken,
}
# Amounts that add to the household's disposable income (the others are taxes or paid elsewhere).
INKOMENSVERHOGEND = ("wga", "bijstand", "zorgtoeslag", "huurtoeslag", "kindgebonden_budget",
                     "kinderopvangtoeslag", "kinderbijslag", "kwijtschelding", "smi")


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


def netto_besteedbaar(inv: Invoer, regelingen: dict[str, Uitkomst]) -> Netto:
    onderdelen = {"bruto_inkomen": bruto_inkomen(inv)}
    for sleutel in INKOMENSVERHOGEND:
        if regelingen[sleutel].berekend:
            onderdelen[sleutel] = regelingen[sleutel].maandbedragen
    totaal = sum(onderdelen.values())
    uitleg = ["Nog géén netto: de inkomstenbelasting wordt in deze versie nog niet berekend. Dit bedrag is het "
              "bruto inkomen plus de berekende regelingen (" + ", ".join(k for k in onderdelen if k != "bruto_inkomen")
              + "); het echte besteedbare inkomen is lager."]
    return Netto(maandbedragen=totaal, onderdelen=onderdelen, compleet=False, uitleg=uitleg)


def bereken(inv: Invoer, parameters: Parameters) -> Resultaat:
    uitkomsten: dict[str, Uitkomst] = {}
    for sleutel, instantie in REGELINGEN.items():
        functie = BEREKEND.get(sleutel)
        uitkomsten[sleutel] = (functie(inv, parameters, uitkomsten) if functie
                               else niet_berekend(sleutel, instantie, inv.n, "deze regeling is nog niet ingebouwd"))
    return Resultaat(invoer=inv, parameters=parameters, regelingen=uitkomsten, netto=netto_besteedbaar(inv, uitkomsten))

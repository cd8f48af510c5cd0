"""What the pages show, built from the dicts that ``checker.check`` and ``checker.scan`` return.

Nothing here computes an amount: it orders, groups and formats the API's output (the same output the command
line prints), so the page and the command line cannot disagree.
"""
from __future__ import annotations

import base64
import io
import math
import threading
from datetime import date
from typing import Any

from .. import opmaak
from ..huishouden import Huishouden
from ..berekening import REGELING_NAMEN

ERNST_VOLGORDE = ("hoog", "midden", "laag", "info")
ERNST_LABELS = {"hoog": "hoog", "midden": "midden", "laag": "laag", "info": "ter informatie"}
# Where the resident finds each instantie (their own websites); the gemeente is the resident's own.
WEBSITES = {"Dienst Toeslagen": "toeslagen.nl", "UWV": "uwv.nl", "Sociale Verzekeringsbank": "svb.nl",
            "Belastingdienst": "belastingdienst.nl", "CJIB": "cjib.nl"}
# The scan's default range: this far either side of the current monthly income, on round hundreds. A choice of
# presentation (what fits one chart), not a rule.
SCAN_BREEDTE = 1500
SCAN_AFRONDING = 100
SCAN_STAP = 10


def euro(x: float, centen: bool | None = None) -> str:
    return opmaak.euro(x, centen)


def datum(iso: str | None) -> str:
    return opmaak.datum(date.fromisoformat(iso)) if iso else ""


maandtekst = opmaak.maandtekst
huishouden_regels = opmaak.huishouden_regels


def regelingen(uit: dict[str, Any]) -> tuple[list[dict], list[str]]:
    """Rows of the regelingen table, and the names of those not computed yet."""
    rijen, open_ = [], []
    for sleutel, r in uit["regelingen"].items():
        if not r.get("berekend", True):
            open_.append(REGELING_NAMEN[sleutel])
            continue
        o = r.get("ontvangen")
        rijen.append({"sleutel": sleutel, "naam": REGELING_NAMEN[sleutel], "instantie": r["instantie"],
                      "recht": r["recht"], "per_maand": maandtekst(r["maandbedragen"]), "jaar": r["jaarbedrag"],
                      "maandbedragen": r["maandbedragen"], "ontvangt": o["jaarbedrag"] if o else None,
                      "ontvangt_bedragen": o["bedragen"] if o else "",
                      "uitleg": r["uitleg"], "bronnen": r["bronnen"], "waarschuwingen": r.get("waarschuwingen", [])})
    return rijen, open_


def maandtabel(uit: dict[str, Any]) -> list[dict]:
    """Per regeling that pays something, the 12 months and the year; the tax is in the net figure."""
    rijen = []
    for sleutel, r in uit["regelingen"].items():
        if sleutel == "inkomstenbelasting" or not r.get("berekend", True) or not any(r["maandbedragen"]):
            continue
        rijen.append({"naam": REGELING_NAMEN[sleutel], "maanden": r["maandbedragen"], "jaar": r["jaarbedrag"]})
    return rijen


def signalen(uit: dict[str, Any]) -> list[dict]:
    """Signals ranked by ernst (the checker's order within one ernst is kept)."""
    return sorted(uit["signalen"], key=lambda s: ERNST_VOLGORDE.index(s["ernst"]))


def actueel(signalen_: list[dict]) -> list[dict]:
    """Signals whose deadline has not passed (or that have none)."""
    return [s for s in signalen_ if not s.get("verlopen")]


def verlopen(signalen_: list[dict]) -> list[dict]:
    """Signals whose deadline lies before the peildatum: shown apart, with what can still be done (contract §10)."""
    return [s for s in signalen_ if s.get("verlopen")]


def wie_doet_wat(uit: dict[str, Any]) -> list[tuple[str, list[dict]]]:
    """Signals grouped by the instantie to act with, the most urgent instantie first."""
    per: dict[str, list[dict]] = {}
    for s in signalen(uit):
        if s["ernst"] != "info":
            per.setdefault(s["instantie"], []).append(s)
    return list(per.items())


def checklist(uit: dict[str, Any]) -> list[dict]:
    """What the resident must do: every signal with an action, most urgent first, then the earliest date."""
    taken = [s for s in signalen(uit) if s["ernst"] != "info"]
    return sorted(taken, key=lambda s: (ERNST_VOLGORDE.index(s["ernst"]), s.get("datum") or "9999"))


def termijn(s: dict[str, Any], peildatum: str | None) -> str:
    return opmaak.termijn(s, peildatum)


def zinnen(tekst: str) -> tuple[str, str]:
    """The first sentence of a text (what to do, shown in bold on the sheet) and the rest."""
    for i, teken in enumerate(tekst):
        if teken in ".?!" and (i + 1 == len(tekst) or tekst[i + 1] == " "):
            return tekst[:i + 1], tekst[i + 1:].strip()
    return tekst, ""


def contacten(uit: dict[str, Any]) -> list[tuple[str, str | None]]:
    namen = []
    for s in checklist(uit):
        for naam in s["instantie"].split(" en "):  # "Dienst Toeslagen en UWV": both
            if naam not in namen:
                namen.append(naam)
    return [(n, WEBSITES.get(n)) for n in namen]


# --- the scan around the current income ------------------------------------------------------------------------
def scan_standaard(h: Huishouden) -> dict[str, Any]:
    """Default sweep: the aanvrager (the partner when only the partner works), their larger source of earned
    income, a range around its current monthly average."""
    def verdient(q) -> bool:
        return bool(sum(q.inkomen.loon) or sum(q.inkomen.winst))
    p = h.aanvrager if verdient(h.aanvrager) or h.partner is None or not verdient(h.partner) else h.partner
    bron = "winst" if sum(p.inkomen.winst) > sum(p.inkomen.loon) else "loon"
    huidig = sum(getattr(p.inkomen, bron)) / len(getattr(p.inkomen, bron))
    van = max(0, math.floor((huidig - SCAN_BREEDTE) / SCAN_AFRONDING) * SCAN_AFRONDING)
    return {"persoon": p.id, "bron": bron, "van": van, "tot": van + 2 * SCAN_BREEDTE, "stap": SCAN_STAP}


def sprongen(scan: dict[str, Any]) -> tuple[list[dict], int]:
    """The cliffs to explain, and how many falls of at most € 1 (rounding of monthly toeslagen) are left out."""
    groot = [s for s in scan["sprongen"] if not s.get("klein")]
    return groot, len(scan["sprongen"]) - len(groot)


_GRAFIEK_SLOT = threading.Lock()  # pyplot keeps global state; one chart at a time


def grafiek_data_uri(scan: dict[str, Any]) -> str:
    """The scan chart (checker.grafiek) as a PNG data: URI, rendered in memory, never written to disk."""
    from ..grafiek import teken_scan
    buffer = io.BytesIO()
    with _GRAFIEK_SLOT:
        teken_scan(scan, buffer)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")

"""Dutch number and date formatting for everything a user reads."""
from __future__ import annotations

from datetime import date

MAANDNAMEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
              "oktober", "november", "december")
MAANDKORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def _groepeer(geheel: int) -> str:
    return f"{geheel:,}".replace(",", ".")


def euro(bedrag: float, centen: bool | None = None) -> str:
    """€ 1.550 or € 1.550,45 (cents shown when they are not zero, or when asked)."""
    negatief = bedrag < 0
    bedrag = abs(round(float(bedrag), 2))
    hele, rest = divmod(round(bedrag * 100), 100)
    tekst = _groepeer(int(hele))
    if centen or (centen is None and rest):
        tekst += f",{int(rest):02d}"
    return ("−€ " if negatief else "€ ") + tekst


def procent(fractie: float) -> str:
    tekst = f"{fractie * 100:.3f}".rstrip("0").rstrip(".")
    return tekst.replace(".", ",") + "%"


def datum(d: date) -> str:
    return f"{d.day} {MAANDNAMEN[d.month - 1]} {d.year}"


def maanden(indices) -> str:
    """Month indices 0..11 as a compact Dutch range list: 'jan–mrt, jul'."""
    idx = sorted(int(i) for i in indices)
    delen, start = [], None
    for k, i in enumerate(idx):
        if start is None:
            start = i
        if k + 1 == len(idx) or idx[k + 1] != i + 1:
            delen.append(MAANDKORT[start] if start == i else f"{MAANDKORT[start]}–{MAANDKORT[i]}")
            start = None
    return ", ".join(delen)

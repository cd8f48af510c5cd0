"""Dutch number and date formatting for everything a user reads."""
from __future__ import annotations

from datetime import date

MAANDNAMEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
              "oktober", "november", "december")
MAANDKORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def _groepeer(geheel: int) -> str:
    return f"{geheel:,}".replace(",", ".")


def aantal(n: int) -> str:
    """1.033 (a count, with the Dutch thousands separator)."""
    return _groepeer(int(n))


def euro(bedrag: float, centen: bool | None = None) -> str:
    """€ 1.550 or € 1.550,45 (cents shown when they are not zero, or when asked)."""
    negatief = bedrag < 0
    bedrag = abs(round(float(bedrag), 2))
    hele, rest = divmod(round(bedrag * 100), 100)
    tekst = _groepeer(int(hele))
    if centen or (centen is None and rest):
        tekst += f",{int(rest):02d}"
    return ("−€ " if negatief else "€ ") + tekst


def miljoen(bedrag: float) -> str:
    """€ 1.234 mln, or € 12,3 mln below a hundred million (national amounts)."""
    mln = float(bedrag) / 1e6
    teken = "−" if mln < 0 else ""
    mln = abs(mln)
    tekst = _groepeer(round(mln)) if mln >= 100 else f"{mln:.1f}".replace(".", ",")
    return f"{teken}€ {tekst} mln"


def procent(fractie: float, decimalen: int | None = None) -> str:
    """13,38% (trailing zeros dropped), or with a fixed number of decimals for columns: 13,30%."""
    if decimalen is not None:
        return f"{fractie * 100:.{decimalen}f}".replace(".", ",") + "%"
    tekst = f"{fractie * 100:.3f}".rstrip("0").rstrip(".")
    return tekst.replace(".", ",") + "%"


def datum(d: date) -> str:
    return f"{d.day} {MAANDNAMEN[d.month - 1]} {d.year}"


def maanden(indices, voluit: bool = False) -> str:
    """Month indices 0..11 as a compact Dutch range list: 'jan–mrt, jul', or with ``voluit`` for a text a resident
    reads: 'januari tot en met maart en juli'."""
    idx = sorted(int(i) for i in indices)
    namen = MAANDNAMEN if voluit else MAANDKORT
    tot = " tot en met " if voluit else "–"
    delen, start = [], None
    for k, i in enumerate(idx):
        if start is None:
            start = i
        if k + 1 == len(idx) or idx[k + 1] != i + 1:
            delen.append(namen[start] if start == i else f"{namen[start]}{tot}{namen[i]}")
            start = None
    if voluit and len(delen) > 1:
        return ", ".join(delen[:-1]) + " en " + delen[-1]
    return ", ".join(delen)


def maandtekst(bedragen) -> str:
    """Monthly amounts in a few words: one amount when all months are equal, else the lowest and highest."""
    bedragen = list(bedragen)
    if not any(bedragen):
        return "—"
    if len(set(bedragen)) == 1:
        return euro(bedragen[0], centen=True)
    return f"{euro(min(bedragen), centen=True)} – {euro(max(bedragen), centen=True)}"


# Which amounts in the regelingen table are net and which gross (report and web page say the same).
BEDRAGEN_NOOT = ("Bijstand, toeslagen, kinderbijslag, kwijtschelding en SMI zijn netto: wat wordt uitbetaald. De "
                 "WGA-uitkering is bruto: UWV houdt er nog loonheffing op in. 'Ontvangt nu' staat steeds in dezelfde "
                 "termen als het berekende bedrag ernaast.")

ROL = {"aanvrager": "aanvrager", "partner": "toeslagpartner", "kind": "kind", "medebewoner": "medebewoner"}
INKOMEN_LABEL = {"loon": "loon bruto", "winst": "winst", "ww": "WW bruto", "aow": "AOW bruto",
                 "pensioen": "pensioen bruto", "overig": "overig bruto", "wga": "WGA bruto (nu ontvangen)",
                 "bijstand": "bijstand bruto (nu ontvangen)", "bijstand_netto": "bijstand netto (nu ontvangen)"}


def huishouden_regels(h) -> list[str]:
    """The household at a glance, one line per person and for wonen, vermogen and schulden (report and web page)."""
    regels = []
    for p in h.personen:
        wie = f"{p.leeftijd} jaar" if p.geboortedatum is None else f"geboren {datum(p.geboortedatum)}"
        inkomen = ", ".join(f"{INKOMEN_LABEL.get(bron, bron)} {euro(sum(getattr(p.inkomen, bron)))}/jaar"
                            for bron in type(p.inkomen).model_fields if sum(getattr(p.inkomen, bron)))
        regel = f"{p.id} ({ROL[p.rol]}, {wie})" + (f": {inkomen}" if inkomen else "")
        if p.wia:
            regel += f"; WIA {p.wia.fase.replace('_', ' ')}, klasse {p.wia.klasse}%"
        if p.kinderopvang:
            regel += f"; kinderopvang ({p.kinderopvang.soort})"
        regels.append(regel)
    if h.wonen:
        w = h.wonen
        wonen = {"huur": "huurwoning", "koop": "koopwoning", "inwonend": "inwonend"}[w.soort]
        if w.soort == "huur":
            wonen += f", kale huur {maandtekst(w.kale_huur)} per maand" + (" (corporatie)" if w.corporatie else "")
        regels.append(f"Wonen: {wonen}")
    regels.append(f"Vermogen op 1 januari: {euro(h.vermogen)}; gemeente: {h.gemeente}")
    if h.schulden:
        regels.append(f"Schulden bij {len({s.schuldeiser for s in h.schulden})} schuldeiser(s), samen "
                      f"{euro(sum(s.bedrag for s in h.schulden))}")
    return regels


def termijn(signaal: dict, peildatum: str | None) -> str:
    """The deadline of a signal in words: "uiterlijk 31 augustus 2026", "vandaag" (its date is the peildatum: act now),
    "termijn verstreken op 7 februari 2026", or "" when it has no date."""
    if not signaal.get("datum"):
        return ""
    d = datum(date.fromisoformat(signaal["datum"]))
    if signaal.get("verlopen"):
        return f"termijn verstreken op {d}"
    return "vandaag" if signaal["datum"] == peildatum else f"uiterlijk {d}"

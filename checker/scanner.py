"""Scan: sweep one person's loon or winst and find where earning more leaves the household with less.

One vectorised pass: the household is repeated once per income point (``Invoer.herhaald``), the swept
source is set to the point's amount in every month, and the orchestrator computes all regelingen for all
points at once. Contract section 7.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from . import huishouden, invoer, parameters
from .berekening import Resultaat, bereken
from .fouten import InvoerFout, kort, kort_tekst
from .signalen import REGELING_NAMEN
from .api import HEFFINGEN

SCHEMA = 1
BRONNEN = ("loon", "winst")
RUIS = 0.005          # euro: differences below half a cent are float noise, not cliffs
SPRONG_MARGE = 10.0   # contract: a rise of more than the step plus € 10 is a cliff for whoever earns less
KLEIN = 1.0           # euro per month: a fall this small comes from rounding monthly toeslagen to whole euros
DRUK_GRENS = 0.8      # contract: ranges where more than 80% of extra gross income is lost


def _persoon_rol(h: huishouden.Huishouden, persoon: str) -> str:
    for p in h.personen:
        if p.id == persoon:
            if p.rol not in ("aanvrager", "partner"):
                raise InvoerFout([("--persoon", f"'{kort_tekst(persoon)}' is een {p.rol}; kies de aanvrager of de "
                                                "partner")])
            return p.rol
    raise InvoerFout([("--persoon", f"onbekende persoon '{kort_tekst(persoon)}'; kies uit "
                                    + ", ".join(p.id for p in h.personen if p.rol in ("aanvrager", "partner")))])


def punten(van: float, tot: float, stap: float) -> np.ndarray:
    problemen = []
    from .huishouden import GROOTSTE_BEDRAG, _is_getal
    for naam, w in (("--van", van), ("--tot", tot), ("--stap", stap)):
        if isinstance(w, bool) or not isinstance(w, (int, float)):
            problemen.append((naam, f"moet een getal zijn, niet {kort(w)}"))
        elif not _is_getal(w) or w < 0 or w > GROOTSTE_BEDRAG:
            grens = f"{GROOTSTE_BEDRAG:,.0f}".replace(",", ".")
            problemen.append((naam, f"moet een getal van 0 tot {grens} zijn, niet {kort(w)}"))
    if not problemen and stap <= 0:
        problemen.append(("--stap", "moet groter dan 0 zijn"))
    if not problemen and tot < van:
        problemen.append(("--tot", f"moet minstens --van ({van}) zijn"))
    if not problemen and (tot - van) / stap > 100_000:
        problemen.append(("--stap", "te klein: meer dan 100.000 punten"))
    if problemen:
        raise InvoerFout(problemen)
    van, tot, stap = float(van), float(tot), float(stap)
    n = int(np.floor((tot - van) / stap + 1e-9)) + 1
    return van + stap * np.arange(n)


def bereken_scan(h: huishouden.Huishouden, persoon: str, bron: str, bedragen: np.ndarray,
                 params: parameters.Parameters) -> Resultaat:
    if bron not in BRONNEN:
        raise InvoerFout([("--bron", f"'{kort_tekst(bron)}' kan niet; kies uit {', '.join(BRONNEN)}")])
    rol = _persoon_rol(h, persoon)
    basis = invoer.uit_huishoudens([h]).herhaald(len(bedragen))
    gesweept = basis.met_inkomen(rol, bron, np.repeat(bedragen[:, None], 12, axis=1))
    return bereken(gesweept, params)


def namen(h: huishouden.Huishouden) -> dict[str, str]:
    """How the scan names the aanvrager and the partner in its Dutch texts."""
    return {p.rol: p.id.capitalize() for p in (h.aanvrager, h.partner) if p is not None}


def _per_maand(res: Resultaat) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    netto = res.netto.maandbedragen.sum(axis=1) / 12.0
    regelingen = {k: u.maandbedragen.sum(axis=1) / 12.0 for k, u in res.regelingen.items()}
    return netto, regelingen


class _Veranderingen:
    """Per step, which regelingen changed and by how much (computed once, as a matrix), and, from the regelingen'
    named parts (``Uitkomst.onderdelen``), which rule inside a regeling makes a step. ``namen`` gives the display
    names of the aanvrager and the partner."""

    def __init__(self, regelingen: dict[str, np.ndarray], uitkomsten: dict | None = None,
                 namen: dict[str, str] | None = None):
        self.sleutels = list(regelingen)
        self.delta = np.diff(np.stack([regelingen[k] for k in self.sleutels]), axis=1)  # (K, n - 1)
        self.veranderd = np.abs(self.delta) > RUIS
        self.uitkomsten = uitkomsten or {}
        self.namen = namen or {}

    def bij(self, i: int) -> list[str]:
        return [self.sleutels[k] for k in np.flatnonzero(self.veranderd[:, i])]

    def in_bereik(self, i: int, j: int) -> list[str]:
        return [self.sleutels[k] for k in np.flatnonzero(self.veranderd[:, i:j + 1].any(axis=1))]

    def naam(self, wie: str) -> str:
        return self.namen.get(wie, wie)

    def oorzaak(self, sleutel: str, i: int, richting: float) -> dict | None:
        """The named part of a regeling that changes most at step i (from point i to i + 1, or back when
        ``richting`` is -1), per month: first the person whose parts change most, then that person's largest part.
        With it, a part of the same name that moves to the other person (and, when that person gains less, the
        part that takes the gain away), or another part of the same person that takes its place. None when the
        regeling has no parts that change."""
        u = self.uitkomsten.get(sleutel)
        if u is None or u.onderdelen is None:
            return None
        van, naar = (i, i + 1) if richting > 0 else (i + 1, i)
        delen = []
        for o in u.onderdelen(np.array([van, naar])):                # made for the two points of the step only
            a, b = o.per_jaar()
            d = (b - a) / 12.0                                       # change of the regeling's amount through this part
            eigen = (abs(b) - abs(a)) / 12.0                         # change of the part's own size
            if abs(d) > RUIS:
                delen.append((o, float(d), float(eigen)))
        if not delen:
            return None
        per_wie: dict[str, float] = {}
        for o, d, _ in delen:
            per_wie[o.wie] = per_wie.get(o.wie, 0.0) + d
        wie = max(per_wie, key=lambda w: abs(per_wie[w]))
        hoofd, d, eigen = max(((o, d, e) for o, d, e in delen if o.wie == wie), key=lambda x: abs(x[1]))
        uit = {"onderdeel": hoofd.naam, "regel": hoofd.regel, "wie": wie, "verschil": d, "eigen": eigen}
        overgang = [(o, d2) for o, d2, e2 in delen if o.naam == hoofd.naam and o.wie not in ("", wie) and e2 * eigen < 0]
        if overgang:
            o2, d2 = max(overgang, key=lambda x: abs(x[1]))
            uit["ander"] = {"wie": o2.wie, "verschil": d2, "netto": per_wie[o2.wie]}
            tegen = [(o, d3) for o, d3, _ in delen if o.wie == o2.wie and o is not o2 and d3 * d2 < 0]
            if tegen and abs(per_wie[o2.wie]) < abs(d2) - KLEIN:
                uit["ander"]["tegen_regel"] = max(tegen, key=lambda x: abs(x[1]))[0].regel
            return uit
        vervangend = [(o, d2, e2) for o, d2, e2 in delen
                      if o.wie == wie and o is not hoofd and e2 * eigen < 0 and abs(d2) >= abs(d) / 4]
        if vervangend:
            o2, d2, e2 = max(vervangend, key=lambda x: abs(x[1]))
            uit["vervangen"] = {"onderdeel": o2.naam, "regel": o2.regel, "verschil": d2, "eigen": e2}
        return uit


def _oorzaak_tekst(sleutel: str, o: dict, v: _Veranderingen) -> str:
    """One Dutch sentence: the rule inside a regeling that makes the step."""
    from .opmaak import euro
    heffing = sleutel in HEFFINGEN
    regeling = REGELING_NAMEN[sleutel]
    regeling = regeling[0].upper() + regeling[1:]
    naam = v.naam(o["wie"])
    bij = f" van {naam}" if o["wie"] else ""

    def geld(d: float) -> float:   # what a change of the regeling's amount means for the household's money
        return -d if heffing else d

    if "ander" in o:
        a = o["ander"]
        ander = v.naam(a["wie"])
        zin = (f"{regeling}: de {o['onderdeel']} gaat van {naam} naar {ander}; {o['regel'].format(naam=naam)}. "
               f"Dat kost {naam} {euro(abs(geld(o['verschil'])), centen=True)} per maand en levert {ander} "
               f"{euro(max(0.0, geld(a['netto'])), centen=True)} per maand op")
        if "tegen_regel" in a:
            zin += f", want {a['tegen_regel'].format(naam=ander)}"
        return zin + "."
    if "vervangen" in o:
        w = o["vervangen"]
        oud, nieuw = (o, w) if o["eigen"] < 0 else (w, o)
        return (f"{regeling}: de {oud['onderdeel']}{bij} wordt de {nieuw['onderdeel']}; "
                f"{nieuw['regel'].format(naam=naam)}.")
    richting = "stijgt" if o["verschil"] > 0 else "daalt"
    return (f"{regeling}: door de {o['onderdeel']}{bij} {richting} de {REGELING_NAMEN[sleutel]} met "
            f"{euro(abs(o['verschil']), centen=True)} per maand; {o['regel'].format(naam=naam)}.")


def _oorzaken(v: _Veranderingen, i: int, richting: float) -> list[tuple[str, dict]]:
    """The named rule of the regeling that changes most at step i, and of a second one that changes at least a
    quarter as much; only changes of more than € 1 a month."""
    groot = [k for k in np.flatnonzero(v.veranderd[:, i]) if abs(v.delta[k, i]) > KLEIN]
    groot.sort(key=lambda k: -abs(v.delta[k, i]))
    groot = [k for k in groot if abs(v.delta[k, i]) >= abs(v.delta[groot[0], i]) / 4]
    uit = []
    for k in groot[:2]:
        o = v.oorzaak(v.sleutels[k], i, richting)
        if o is not None:
            uit.append((v.sleutels[k], o))
    return uit


def _uitleg_sprong(naam: str, van: float, tot: float, verschil: float, v: _Veranderingen, i: int,
                   stap: float) -> str:
    from .opmaak import euro
    delen = []
    richting = 1.0 if verschil < 0 else -1.0   # a rise in net income is told from the step down
    for k in np.flatnonzero(v.veranderd[:, i]):
        d = richting * v.delta[k, i]
        delen.append(f"{REGELING_NAMEN[v.sleutels[k]]} {'stijgt' if d > 0 else 'daalt'} met {euro(abs(d), centen=True)}")
    oorzaak = "; ".join(delen) if delen else "geen regeling verandert (afronding)"
    if verschil < 0:
        tekst = (f"Verdient {naam} {euro(stap)} per maand meer (van {euro(van)} naar {euro(tot)}), dan daalt het "
                 f"huishoudinkomen met {euro(-verschil, centen=True)} per maand: {oorzaak}.")
    else:
        tekst = (f"Verdient {naam} {euro(stap)} per maand minder (van {euro(tot)} naar {euro(van)}), dan daalt het "
                 f"huishoudinkomen met {euro(verschil, centen=True)} per maand: {oorzaak}.")
    return " ".join([tekst] + [_oorzaak_tekst(s, o, v) for s, o in _oorzaken(v, i, richting)])


def _oorzaken_json(v: _Veranderingen, i: int, richting: float) -> list[dict]:
    """The named rules of a step as data (an extension of the contract's sprong): per regeling the part, whose it
    is, to whom it moves or which part it replaces, and what it does to the household's money per month (the part
    with the other person's or the replaced part's change)."""
    uit = []
    for sleutel, o in _oorzaken(v, i, richting):
        teken = -1.0 if sleutel in HEFFINGEN else 1.0
        verschil = o["verschil"] + o.get("ander", {}).get("netto", 0.0) + o.get("vervangen", {}).get("verschil", 0.0)
        rij = {"regeling": sleutel, "onderdeel": o["onderdeel"], "persoon": v.naam(o["wie"]) if o["wie"] else None,
               "verschil": round(teken * verschil, 2)}
        if "ander" in o:
            rij["naar"] = v.naam(o["ander"]["wie"])
        if "vervangen" in o:
            rij["in_plaats_van"] = o["vervangen"]["onderdeel"] if o["eigen"] > 0 else o["onderdeel"]
            rij["onderdeel"] = o["onderdeel"] if o["eigen"] > 0 else o["vervangen"]["onderdeel"]
        uit.append(rij)
    return uit


def sprongen(bruto: np.ndarray, netto: np.ndarray, v: _Veranderingen, naam: str) -> list[dict]:
    """Contract section 7: every step where net income falls while gross rises, and every step where it rises
    by more than the step plus € 10. ``klein`` marks a fall of at most € 1 per month: the rounding of monthly
    toeslagen to whole euros, not a rule that stops."""
    uit = []
    d_netto = np.diff(netto)
    d_bruto = np.diff(bruto)
    kandidaten = np.flatnonzero((d_netto < -RUIS) | (d_netto > d_bruto + SPRONG_MARGE))
    for i in kandidaten:
        verschil = float(d_netto[i])
        klein = bool(-KLEIN <= verschil < 0)
        uitleg = (f"Een daling van {-verschil:.2f} euro per maand door het afronden van maandbedragen op hele euro's."
                  .replace(".", ",", 1) if klein else
                  _uitleg_sprong(naam, float(bruto[i]), float(bruto[i + 1]), verschil, v, i, float(d_bruto[i])))
        sprong = {"van": round(float(bruto[i]), 2), "tot": round(float(bruto[i + 1]), 2),
                  "verschil": round(verschil, 2), "regelingen": v.bij(i), "uitleg": uitleg, "klein": klein}
        if not klein:
            sprong["oorzaken"] = _oorzaken_json(v, i, 1.0 if verschil < 0 else -1.0)
        uit.append(sprong)
    return uit


def marginale_druk(bruto: np.ndarray, netto: np.ndarray, v: _Veranderingen) -> list[dict]:
    d_bruto = np.diff(bruto)
    hoog = (1.0 - np.diff(netto) / d_bruto) > DRUK_GRENS + 1e-9
    uit = []
    # runs of consecutive steps above the threshold
    randen = np.flatnonzero(np.diff(np.concatenate(([0], hoog.astype(int), [0]))))
    for i, j in zip(randen[::2], randen[1::2] - 1):
        gemiddeld = 1.0 - (netto[j + 1] - netto[i]) / (bruto[j + 1] - bruto[i])
        uit.append({"van": round(float(bruto[i]), 2), "tot": round(float(bruto[j + 1]), 2),
                    "druk": round(float(gemiddeld), 3), "regelingen": v.in_bereik(i, j)})
    return uit


def _punten_json(bruto: np.ndarray, netto: np.ndarray, regelingen: dict[str, np.ndarray]) -> list[dict]:
    sleutels = list(regelingen)
    kolommen = [np.round(regelingen[k], 2).tolist() for k in sleutels]
    return [{"bruto": b, "netto_besteedbaar": n, "regelingen": dict(zip(sleutels, rij))}
            for b, n, rij in zip(np.round(bruto, 2).tolist(), np.round(netto, 2).tolist(), zip(*kolommen))]


def scan(bron_huishouden: Any, persoon: str | None = None, bron: str = "loon", van: float = 0.0,
         tot: float = 6000.0, stap: float = 10.0, jaar: int | None = None) -> dict[str, Any]:
    """Contract section 7. ``persoon`` defaults to the aanvrager."""
    from .api import _met_jaar
    if jaar is not None and (isinstance(jaar, bool) or not isinstance(jaar, int)):
        raise InvoerFout([("jaar", f"moet een geheel getal zijn, niet {kort(jaar)}")])
    if persoon is not None and not isinstance(persoon, str):
        raise InvoerFout([("--persoon", f"moet een id zijn, niet {kort(persoon)}")])
    h = _met_jaar(huishouden.laad(bron_huishouden), jaar)
    persoon = persoon or h.aanvrager.id
    bruto = punten(van, tot, stap)
    res = bereken_scan(h, persoon, bron, bruto, parameters.laad(h.jaar))
    netto, regelingen = _per_maand(res)
    veranderingen = _Veranderingen(regelingen, res.regelingen, namen(h))
    huidig_p = next(p for p in h.personen if p.id == persoon)
    huidig = float(np.mean(getattr(huidig_p.inkomen, bron)))
    return {
        "schema": SCHEMA, "naam": h.naam, "jaar": h.jaar, "persoon": persoon, "bron": bron,
        "huidig": round(huidig, 2),
        "punten": _punten_json(bruto, netto, regelingen),
        "sprongen": sprongen(bruto, netto, veranderingen, persoon.capitalize()),
        "marginale_druk": marginale_druk(bruto, netto, veranderingen),
        "compleet": bool(res.netto.compleet),
    }

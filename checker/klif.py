"""The cliff finder: sweep one person's loon or winst and find where earning more leaves the household with less.

It lies below both the scan (``scanner.scan``, contract section 7) and the signals (the ARMOEDEVAL facts near a
household's current income), and above the calculation: household → arrays with the swept income → all
regelingen at once (one vectorised pass, ``Invoer.herhaald``) → net income per point → steps (``sprongen``),
ranges of high marginal pressure (``marginale_druk``) and, per step, the regelingen and the rule inside each that
make it (``Veranderingen``, from the regelingen' named parts ``Uitkomst.onderdelen``).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import geheugen, invoer, parameters
from .berekening import HEFFINGEN, REGELING_NAMEN, Resultaat, bereken
from .fouten import InvoerFout, kort_tekst
from .huishouden import Huishouden, Persoon
from .opmaak import euro

BRONNEN = ("loon", "winst")
RUIS = 0.005          # euro: differences below half a cent are float noise, not cliffs
SPRONG_MARGE = 10.0   # contract: a rise of more than the step plus € 10 is a cliff for whoever earns less
KLEIN = 1.0           # euro per month: a fall this small comes from rounding monthly toeslagen to whole euros
DRUK_GRENS = 0.8      # contract: ranges where more than 80% of extra gross income is lost
GROTE_VEEG = 1_000    # points: from here a sweep's arrays are large enough to tune memory for (``geheugen``)


def persoon_rol(h: Huishouden, persoon: str) -> str:
    """The rol (aanvrager or partner) of the person whose income a sweep changes; bad input otherwise."""
    for p in h.personen:
        if p.id == persoon:
            if p.rol not in ("aanvrager", "partner"):
                raise InvoerFout([("--persoon", f"'{kort_tekst(persoon)}' is een {p.rol}; kies de aanvrager of de "
                                                "partner")])
            return p.rol
    raise InvoerFout([("--persoon", f"onbekende persoon '{kort_tekst(persoon)}'; kies uit "
                                    + ", ".join(p.id for p in h.personen if p.rol in ("aanvrager", "partner")))])


def _controleer_bron(bron: str) -> None:
    if bron not in BRONNEN:
        raise InvoerFout([("--bron", f"'{kort_tekst(bron)}' kan niet; kies uit {', '.join(BRONNEN)}")])


def bereken_vegen(h: Huishouden, vegen: list[tuple[str, str, np.ndarray]], params: parameters.Parameters
                  ) -> tuple[Resultaat, list[slice]]:
    """Several sweeps of one household in one pass: for each (rol, bron, monthly amounts) the household repeated
    once per amount with that source of that person set to the amount in every month, everything else as in the
    file. Returns the result over all rows and, per sweep, the rows that are its points (in order)."""
    rijen, start = [], 0
    for _, _, bedragen in vegen:
        rijen.append(slice(start, start + len(bedragen)))
        start += len(bedragen)
    if start >= GROTE_VEEG:
        geheugen.voor_grote_vegen()
    inv = invoer.uit_huishoudens([h]).herhaald(start)
    for (rol, bron, bedragen), r in zip(vegen, rijen):
        veld = inv.inkomen_aanvrager if rol == "aanvrager" else inv.inkomen_partner
        kolom = veld[bron] if len(vegen) > 1 else np.empty((start, 12))
        kolom[r] = np.asarray(bedragen, dtype=float)[:, None]
        inv = inv.met_inkomen(rol, bron, kolom)
    return bereken(inv, params), rijen


def bereken_scan(h: Huishouden, persoon: str, bron: str, bedragen: np.ndarray,
                 params: parameters.Parameters) -> Resultaat:
    """One sweep: ``persoon``'s ``bron`` set to each of ``bedragen`` (per month, the same in every month)."""
    _controleer_bron(bron)
    res, _ = bereken_vegen(h, [(persoon_rol(h, persoon), bron, bedragen)], params)
    return res


def namen(h: Huishouden) -> dict[str, str]:
    """How the scan names the aanvrager and the partner in its Dutch texts."""
    return {p.rol: p.id.capitalize() for p in (h.aanvrager, h.partner) if p is not None}


def per_maand(res: Resultaat, rijen: slice = slice(None)) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """Net income and every regeling per point of a sweep (the rows ``rijen`` of ``res``), per month: the year's
    total divided by 12."""
    netto = res.netto.maandbedragen[rijen].sum(axis=1) / 12.0
    regelingen = {k: u.maandbedragen[rijen].sum(axis=1) / 12.0 for k, u in res.regelingen.items()}
    return netto, regelingen


class Veranderingen:
    """Per step, which regelingen changed and by how much (computed once, as a matrix), and, from the regelingen'
    named parts (``Uitkomst.onderdelen``), which rule inside a regeling makes a step. ``namen`` gives the display
    names of the aanvrager and the partner; ``begin`` is the row of the sweep's first point in ``uitkomsten``."""

    def __init__(self, regelingen: dict[str, np.ndarray], uitkomsten: dict | None = None,
                 namen: dict[str, str] | None = None, begin: int = 0):
        self.sleutels = list(regelingen)
        self.delta = np.diff(np.stack([regelingen[k] for k in self.sleutels]), axis=1)  # (K, n - 1)
        self.veranderd = np.abs(self.delta) > RUIS
        self.uitkomsten = uitkomsten or {}
        self.namen = namen or {}
        self.begin = begin

    def bij(self, i: int) -> list[str]:
        return [self.sleutels[k] for k in np.flatnonzero(self.veranderd[:, i])]

    def in_bereik(self, i: int, j: int) -> list[str]:
        return [self.sleutels[k] for k in np.flatnonzero(self.veranderd[:, i:j + 1].any(axis=1))]

    def per_stap(self, stappen: np.ndarray) -> list[list[str]]:
        """``bij`` for many steps at once."""
        return self._lijsten(self.veranderd[:, stappen])

    def per_bereik(self, van: np.ndarray, tot: np.ndarray) -> list[list[str]]:
        """``in_bereik`` for many ranges of steps at once (from ``van[r]`` to ``tot[r]``, both included)."""
        geteld = np.zeros((len(self.sleutels), self.veranderd.shape[1] + 1), dtype=np.int64)
        np.cumsum(self.veranderd, axis=1, out=geteld[:, 1:])
        return self._lijsten(geteld[:, np.asarray(tot) + 1] - geteld[:, np.asarray(van)] > 0)

    def _lijsten(self, matrix: np.ndarray) -> list[list[str]]:
        """Per column of a (K, m) bool matrix, the regelingen whose row is true (in the regelingen' order)."""
        gezien: dict[bytes, list[str]] = {}
        uit = []
        for kolom in np.ascontiguousarray(matrix.T):
            sleutel = kolom.tobytes()
            if sleutel not in gezien:
                gezien[sleutel] = [self.sleutels[k] for k in np.flatnonzero(kolom)]
            uit.append(list(gezien[sleutel]))
        return uit

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
        for o in u.onderdelen(self.begin + np.array([van, naar])):   # made for the two points of the step only
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
        overgang = [(o, d2) for o, d2, e2 in delen
                    if o.naam == hoofd.naam and o.wie not in ("", wie) and e2 * eigen < 0]
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


def _oorzaak_tekst(sleutel: str, o: dict, v: Veranderingen) -> str:
    """One Dutch sentence: the rule inside a regeling that makes the step."""
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


def _oorzaken(v: Veranderingen, i: int, richting: float) -> list[tuple[str, dict]]:
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


def uitleg_sprong(naam: str, van: float, tot: float, verschil: float, v: Veranderingen, i: int,
                  stap: float) -> str:
    """Dutch: what step i (gross from ``van`` to ``tot``, net income changing by ``verschil``) does to the household
    and which regelingen, and which rule inside them, make it. ``naam``: the person whose income changes."""
    delen = []
    richting = 1.0 if verschil < 0 else -1.0   # a rise in net income is told from the step down
    for k in np.flatnonzero(v.veranderd[:, i]):
        d = richting * v.delta[k, i]
        delen.append(f"{REGELING_NAMEN[v.sleutels[k]]} {'stijgt' if d > 0 else 'daalt'} "
                     f"met {euro(abs(d), centen=True)}")
    oorzaak = "; ".join(delen) if delen else "geen regeling verandert (afronding)"
    if verschil < 0:
        tekst = (f"Verdient {naam} {euro(stap)} per maand meer (van {euro(van)} naar {euro(tot)}), dan daalt het "
                 f"huishoudinkomen met {euro(-verschil, centen=True)} per maand: {oorzaak}.")
    else:
        tekst = (f"Verdient {naam} {euro(stap)} per maand minder (van {euro(tot)} naar {euro(van)}), dan daalt het "
                 f"huishoudinkomen met {euro(verschil, centen=True)} per maand: {oorzaak}.")
    return " ".join([tekst] + [_oorzaak_tekst(s, o, v) for s, o in _oorzaken(v, i, richting)])


def _oorzaken_json(v: Veranderingen, i: int, richting: float) -> list[dict]:
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


def sprongen(bruto: np.ndarray, netto: np.ndarray, v: Veranderingen, naam: str) -> list[dict]:
    """Contract section 7: every step where net income falls while gross rises, and every step where it rises
    by more than the step plus € 10. ``klein`` marks a fall of at most € 1 per month: the rounding of monthly
    toeslagen to whole euros, not a rule that stops."""
    d_netto = np.diff(netto)
    d_bruto = np.diff(bruto)
    kandidaten = np.flatnonzero((d_netto < -RUIS) | (d_netto > d_bruto + SPRONG_MARGE))
    van = [round(x, 2) for x in bruto[kandidaten].tolist()]
    tot = [round(x, 2) for x in bruto[kandidaten + 1].tolist()]
    uit = []
    for i, a, b, regelingen in zip(kandidaten.tolist(), van, tot, v.per_stap(kandidaten)):
        verschil = float(d_netto[i])
        klein = bool(-KLEIN <= verschil < 0)
        uitleg = (f"Een daling van {-verschil:.2f} euro per maand door het afronden van maandbedragen op hele euro's."
                  .replace(".", ",", 1) if klein else
                  uitleg_sprong(naam, float(bruto[i]), float(bruto[i + 1]), verschil, v, i, float(d_bruto[i])))
        sprong = {"van": a, "tot": b, "verschil": round(verschil, 2), "regelingen": regelingen, "uitleg": uitleg,
                  "klein": klein}
        if not klein:
            sprong["oorzaken"] = _oorzaken_json(v, i, 1.0 if verschil < 0 else -1.0)
        uit.append(sprong)
    return uit


def marginale_druk(bruto: np.ndarray, netto: np.ndarray, v: Veranderingen) -> list[dict]:
    """Contract section 7: the ranges of consecutive steps where more than 80% of the extra gross income is lost,
    with the average pressure over the range and the regelingen that change in it."""
    d_bruto = np.diff(bruto)
    hoog = (1.0 - np.diff(netto) / d_bruto) > DRUK_GRENS + 1e-9
    randen = np.flatnonzero(np.diff(np.concatenate(([0], hoog.astype(int), [0]))))
    begin, eind = randen[::2], randen[1::2] - 1     # runs of consecutive steps above the threshold
    gemiddeld = 1.0 - (netto[eind + 1] - netto[begin]) / (bruto[eind + 1] - bruto[begin])
    return [{"van": round(a, 2), "tot": round(b, 2), "druk": round(d, 3), "regelingen": r}
            for a, b, d, r in zip(bruto[begin].tolist(), bruto[eind + 1].tolist(), gemiddeld.tolist(),
                                  v.per_bereik(begin, eind))]


# --- near the current income: the facts of the ARMOEDEVAL signal -------------------------------------------------
@dataclass(frozen=True)
class Veeg:
    """The household with one adult's income a little higher than now: ``bedragen`` per month from the current
    average (``huidig``) up, and per point the net income and every regeling (per month)."""
    persoon: Persoon
    bron: str
    huidig: float
    bedragen: np.ndarray
    netto: np.ndarray
    regelingen: dict[str, np.ndarray]
    veranderingen: Veranderingen


def rond_huidig_inkomen(h: Huishouden, params: parameters.Parameters, bereik: float, stap: float) -> list[Veeg]:
    """For the aanvrager and the partner with loon or winst (the larger of the two): the household computed with
    that income from its current monthly average up to ``bereik`` higher, in steps of ``stap``. Both sweeps in
    one pass."""
    plannen = []
    for p in (h.aanvrager, h.partner):
        if p is None:
            continue
        bron = max(BRONNEN, key=lambda b: sum(getattr(p.inkomen, b)))
        huidig = float(np.mean(getattr(p.inkomen, bron)))
        if huidig > 0:
            plannen.append((p, bron, huidig, huidig + np.arange(0.0, bereik + 1e-9, stap)))
    if not plannen:
        return []
    res, rijen = bereken_vegen(h, [(p.rol, bron, bedragen) for p, bron, _, bedragen in plannen], params)
    uit = []
    for (p, bron, huidig, bedragen), r in zip(plannen, rijen):
        netto, regelingen = per_maand(res, r)
        uit.append(Veeg(persoon=p, bron=bron, huidig=huidig, bedragen=bedragen, netto=netto, regelingen=regelingen,
                        veranderingen=Veranderingen(regelingen, res.regelingen, namen(h), begin=r.start)))
    return uit

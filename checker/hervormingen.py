"""Hervorming: a rule change (parameter overrides by id) tested on households, baseline against reform.

Contract section 6. The compiled signal rules carry no thresholds (those travel in the facts), so baseline
and reform share one compiled ruleset and can never contaminate each other.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Callable

import numpy as np

from . import huishouden, instellingen, jaren, parameters, signalen, yamllader
from .api import uitkomst_json
from .berekening import bereken
from .fouten import InvoerFout, kort, kort_tekst
from .invoer import uit_huishoudens

SCHEMA = 1


def lees_hervorming(bron: Any) -> dict[str, Any]:
    """A reform from a dict or a YAML/JSON file; bad input names the field or the parameter id."""
    if isinstance(bron, dict):
        data = bron
        try:  # the same limits as a file: nothing below walks an unbounded tree
            yamllader.controleer(data, yamllader.HERVORMING)
        except yamllader.DocumentFout as e:
            raise InvoerFout([("hervorming", f"de hervorming {e}")]) from None
    else:
        from pathlib import Path
        pad = Path(bron)
        if not pad.is_file():
            raise InvoerFout([("hervorming", f"'{kort_tekst(str(bron), 200)}' is geen bestand")])
        data = huishouden.lees_bestand(pad, yamllader.HERVORMING, veld="hervorming")
    problemen = []
    if not isinstance(data, dict):
        raise InvoerFout([("hervorming", "verwacht velden schema, naam, jaar en wijzigingen")])
    if data.get("schema") != 1:
        problemen.append(("schema", "moet 1 zijn"))
    if not isinstance(data.get("naam"), str) or not data.get("naam", "").strip():
        problemen.append(("naam", "verplicht: een korte omschrijving van de hervorming"))
    jaar = data.get("jaar")
    if isinstance(jaar, bool) or not isinstance(jaar, int):
        problemen.append(("jaar", f"moet een geheel getal zijn, niet {kort(jaar)}"))
    elif jaar not in parameters.ondersteunde_jaren():
        problemen.append(("jaar", f"{jaar} wordt niet ondersteund"))
    wijzigingen = data.get("wijzigingen", {})
    if not isinstance(wijzigingen, dict):
        problemen.append(("wijzigingen", "verwacht parameter-id: nieuwe waarde"))
    onbekend = set(data) - {"schema", "naam", "jaar", "wijzigingen", "gemeenten", "signalen_uit", "omschrijving"}
    problemen += [(kort_tekst(k), "onbekend veld") for k in sorted(map(str, onbekend))]
    uit = data.get("signalen_uit", [])
    if not isinstance(uit, list) or not all(isinstance(x, str) for x in uit):
        problemen.append(("signalen_uit", "verwacht een lijst van signaalcodes of regelnamen"))
    else:
        bekend = {r.code for r in signalen.lees_regels()} | {r.naam for r in signalen.lees_regels()}
        problemen += [(f"signalen_uit[{i}]", f"onbekende signaalcode of regel '{kort_tekst(x)}'")
                      for i, x in enumerate(uit) if x not in bekend]
    if problemen:
        raise InvoerFout(problemen)
    # unknown ids, keys, wrong shapes and values outside their unit's bounds → InvoerFout naming the id or path
    for stap in (lambda: parameters.laad(jaar, wijzigingen), lambda: parameters.laad(jaar).met_gemeentebeleid(
            data.get("gemeenten"))):
        try:
            stap()
        except InvoerFout as e:
            problemen += e.problemen
    if problemen:
        raise InvoerFout(problemen)
    return {"naam": data["naam"], "jaar": jaar, "wijzigingen": dict(wijzigingen),
            "gemeenten": data.get("gemeenten") or {}, "signalen_uit": set(uit)}


def parameters_voor(ref: dict[str, Any]) -> tuple[parameters.Parameters, parameters.Parameters]:
    """Baseline and reform parameters of a (read) reform."""
    jaar = ref["jaar"]
    return parameters.laad(jaar), parameters.laad(jaar, ref["wijzigingen"]).met_gemeentebeleid(ref["gemeenten"])


def gewijzigde_regelingen(ref: dict[str, Any]) -> set[str]:
    """The regelingen a reform touches directly (its direction is theirs)."""
    uit = {pid.split(".")[0] for pid in ref["wijzigingen"]}
    for onderdelen in ref["gemeenten"].values():
        uit |= set(onderdelen)
    return uit


def _samenvatting(uit: dict[str, Any]) -> dict[str, Any]:
    return {"netto_besteedbaar_inkomen": uit["netto_besteedbaar_inkomen"]["jaarbedrag"],
            "regelingen": {k: r["jaarbedrag"] for k, r in uit["regelingen"].items()}}


def _signaalsleutels(uit: dict[str, Any]) -> dict[str, dict]:
    return {f"{s['code']}|{','.join(s['regelingen'])}|{s.get('regel', '')}": s for s in uit["signalen"]}


def vergelijk(h: huishouden.Huishouden, basis_p, hervorm_p, gewijzigd: set[str],
              signalen_uit: set[str] | None = None) -> dict[str, Any]:
    uitkomsten = []
    for p, uit in ((basis_p, set()), (hervorm_p, signalen_uit or set())):
        res = bereken(uit_huishoudens([h]), p)
        sigs = [s for s in signalen.bepaal(h, res) if s["code"] not in uit and s["regel"] not in uit]
        uitkomsten.append(uitkomst_json(h, res, sigs))
    b, r = (_samenvatting(u) for u in uitkomsten)
    verschil = {"netto_besteedbaar_inkomen": round(r["netto_besteedbaar_inkomen"] - b["netto_besteedbaar_inkomen"], 2),
                "regelingen": {k: round(r["regelingen"][k] - b["regelingen"][k], 2) for k in b["regelingen"]}}
    sb, sr = (_signaalsleutels(u) for u in uitkomsten)
    direct = sum(v for k, v in verschil["regelingen"].items() if k in gewijzigd)
    netto = verschil["netto_besteedbaar_inkomen"]
    d = instellingen.waarde("hervorming.kleinste_verschil")
    tegen = (direct > d and netto < -d) or (direct < -d and netto > d)
    return {
        "naam": h.naam, "basis": b, "hervorming": r, "verschil": verschil,
        "signalen_nieuw": sorted({sr[k]["code"] for k in sr.keys() - sb.keys()}),
        "signalen_vervallen": sorted({sb[k]["code"] for k in sb.keys() - sr.keys()}),
        "signalen_nieuw_details": [sr[k]["titel"] for k in sorted(sr.keys() - sb.keys())],
        "signalen_vervallen_details": [sb[k]["titel"] for k in sorted(sb.keys() - sr.keys())],
        "tegen_de_richting": tegen,
    }


def scan_vergelijk(h: huishouden.Huishouden, basis_p, hervorm_p, tot: float = 6000.0, stap: float = 10.0
                   ) -> dict[str, Any]:
    """The cliffs along the aanvrager's income sweep that a reform creates or removes (small rounding
    falls left out)."""
    from .klif import Veranderingen, bereken_scan, namen, per_maand, sprongen
    from .scanner import punten
    a = h.aanvrager
    bron = "winst" if sum(a.inkomen.winst) > sum(a.inkomen.loon) else "loon"
    bedragen = punten(0.0, tot, stap)
    uit = []
    for p in (basis_p, hervorm_p):
        res = bereken_scan(h, a.id, bron, bedragen, p)
        netto, regelingen = per_maand(res)
        uit.append({(s["van"], s["tot"]): s
                    for s in sprongen(bedragen, netto, Veranderingen(regelingen, res.regelingen, namen(h)),
                                      a.id.capitalize()) if not s["klein"]})
    basis, nieuw = uit
    return {"persoon": a.id, "bron": bron, "van": 0.0, "tot": tot, "stap": stap,
            "sprongen_nieuw": [nieuw[k] for k in sorted(nieuw.keys() - basis.keys())],
            "sprongen_vervallen": [basis[k] for k in sorted(basis.keys() - nieuw.keys())]}


def hervorming(bron: Any, *huishoudens: Any, met_scan: bool = False) -> dict[str, Any]:
    """Contract section 6: with no households named, every built-in persona. With ``met_scan`` each
    household also gets the cliffs along its aanvrager's income sweep that the reform creates or removes."""
    h_lijst = (list(huishoudens[0]) if len(huishoudens) == 1 and isinstance(huishoudens[0], (list, tuple))
               else list(huishoudens))
    ref = lees_hervorming(bron)
    jaar = ref["jaar"]
    basis_p, hervorm_p = parameters_voor(ref)
    gewijzigd = gewijzigde_regelingen(ref)
    namen = h_lijst or huishouden.persona_namen()
    uit = []
    for x in namen:
        h = jaren.laad(x, jaar)
        uit.append(vergelijk(h, basis_p, hervorm_p, gewijzigd, ref["signalen_uit"]))
        if met_scan:
            uit[-1]["scan"] = scan_vergelijk(h, basis_p, hervorm_p)
    return {"schema": SCHEMA, "hervorming": ref["naam"], "jaar": jaar, "huishoudens": uit}


# --- population -----------------------------------------------------------------------------------
def _netto_jaar(res) -> np.ndarray:
    return res.netto.maandbedragen.sum(axis=1)


def _op_klif(inv, params, netto_jaar: np.ndarray, stap: float) -> np.ndarray:
    """(N,) bool: earning ``stap`` more loon per month (aanvrager) lowers the household's net income."""
    from .berekening import bereken
    meer = inv.met_inkomen("aanvrager", "loon", inv.inkomen_aanvrager["loon"] + stap)
    return _netto_jaar(bereken(meer, params)) < netto_jaar - 0.01


def _signaaltelling(inv, rb, rh, signalen_uit: set[str]) -> dict[str, Any]:
    """How many households get each signal code, baseline and reform (every household of the chunk)."""
    import time
    begin = time.perf_counter()
    peil = date(inv.jaar, 1, 1)  # the synthetic households' peildatum (populatie.als_huishouden)
    basis, hervorming = signalen.tel(rb, peil), signalen.tel(rh, peil, signalen_uit)
    return {"basis": basis, "hervorming": hervorming, "duur": time.perf_counter() - begin}


def _bruto_jaar(inv) -> np.ndarray:
    return (sum(inv.inkomen_aanvrager.values()) + sum(inv.inkomen_partner.values())).sum(axis=1)


def stuk_telling(bron: dict[str, Any], jaar: int, grootte: int, stuk_seed: int, klif_stap: float,
                 grenzen: np.ndarray, met_signalen: bool = True) -> dict[str, Any]:
    """Baseline against reform on one chunk of the population: sums and counts that add up across chunks.
    Pure and small in what it takes and returns, so chunks can run in other processes (Dask)."""
    from . import populatie
    from .berekening import REGELINGEN, bereken
    ref = lees_hervorming(bron)
    basis_p, hervorm_p = parameters_voor(ref)
    gewijzigd = gewijzigde_regelingen(ref)
    inv = populatie.genereer(grootte, jaar, seed=stuk_seed)
    rb, rh = bereken(inv, basis_p), bereken(inv, hervorm_p)
    nb, nh = _netto_jaar(rb), _netto_jaar(rh)
    verschil = nh - nb
    direct = (sum(rh.regelingen[k].jaarbedrag - rb.regelingen[k].jaarbedrag for k in gewijzigd if k in REGELINGEN)
              if gewijzigd & set(REGELINGEN) else np.zeros(inv.n))
    deciel = np.searchsorted(grenzen, _bruto_jaar(inv), side="right")
    d, wv = instellingen.waarde("hervorming.kleinste_verschil"), instellingen.waarde("hervorming.drempel_winst_verlies")
    uit = {
        "regelingen": {k: [float(rb.regelingen[k].jaarbedrag.sum()), float(rh.regelingen[k].jaarbedrag.sum())]
                       for k in REGELINGEN},
        "netto": [float(nb.sum()), float(nh.sum())],
        "winnaars": int((verschil > wv).sum()), "verliezers": int((verschil < -wv).sum()),
        "gelijk": int((np.abs(verschil) <= wv).sum()),
        "tegen_de_richting": int((((direct > d) & (verschil < -d)) | ((direct < -d) & (verschil > d))).sum()),
        "klif_basis": int(_op_klif(inv, basis_p, nb, klif_stap).sum()),
        "klif_hervorming": int(_op_klif(inv, hervorm_p, nh, klif_stap).sum()),
        "decielen": [[int((deciel == k).sum()), float(verschil[deciel == k].sum()),
                      int((verschil[deciel == k] > wv).sum()), int((verschil[deciel == k] < -wv).sum())]
                     for k in range(10)],
    }
    tegen = ((direct > d) & (verschil < -d)) | ((direct < -d) & (verschil > d))
    verliezers = [int(i) for i in np.argsort(verschil, kind="stable")[:VOORBEELDEN] if verschil[i] < -wv]
    uit["voorbeelden"] = {"tegen_de_richting": [voorbeeld(inv, rb, rh, int(i))
                                                for i in np.flatnonzero(tegen)[:VOORBEELDEN]],
                          "grootste_verliezers": [voorbeeld(inv, rb, rh, i) for i in verliezers]}
    if met_signalen:  # the signals look at what is received: the population applies for its toeslagen first
        basis_v = populatie.met_voorschotten(inv, rb, stuk_seed)
        rb_v = bereken(basis_v, basis_p)
        rh_v = bereken(populatie.met_voorschotten(inv, rh, stuk_seed, eerder=basis_v.ontvangt), hervorm_p)
        uit["signalen"] = _signaaltelling(inv, rb_v, rh_v, ref["signalen_uit"])
    return uit


VOORBEELDEN = 5  # example households per kind that a population run shows


def voorbeeld(inv, rb, rh, i: int) -> dict[str, Any]:
    """One synthetic household that a beleidsmaker can look at, and check on its own with `samenloop check`."""
    from . import populatie
    from .berekening import REGELINGEN
    regelingen = {k: round(float(rh.regelingen[k].jaarbedrag[i] - rb.regelingen[k].jaarbedrag[i]), 2)
                  for k in REGELINGEN}
    return {"verschil_netto": round(float(rh.netto.maandbedragen[i].sum() - rb.netto.maandbedragen[i].sum()), 2),
            "regelingen": {k: v for k, v in regelingen.items()
                           if abs(v) >= instellingen.waarde("hervorming.kleinste_verschil")},
            "huishouden": populatie.als_huishoudbestand(inv, i)}


def _optellen(delen: list[dict[str, Any]]) -> dict[str, Any]:
    totaal = delen[0]
    for d in delen[1:]:
        for k, (b, h) in d["regelingen"].items():
            totaal["regelingen"][k][0] += b
            totaal["regelingen"][k][1] += h
        totaal["netto"] = [totaal["netto"][0] + d["netto"][0], totaal["netto"][1] + d["netto"][1]]
        for k in ("winnaars", "verliezers", "gelijk", "tegen_de_richting", "klif_basis", "klif_hervorming"):
            totaal[k] += d[k]
        totaal["decielen"] = [[a + b for a, b in zip(x, y)] for x, y in zip(totaal["decielen"], d["decielen"])]
        v, w = totaal["voorbeelden"], d["voorbeelden"]
        v["tegen_de_richting"] = (v["tegen_de_richting"] + w["tegen_de_richting"])[:VOORBEELDEN]
        v["grootste_verliezers"] = sorted(v["grootste_verliezers"] + w["grootste_verliezers"],
                                          key=lambda x: x["verschil_netto"])[:VOORBEELDEN]
        if "signalen" in totaal:
            for kant in ("basis", "hervorming"):
                for code, aantal in d["signalen"][kant].items():
                    totaal["signalen"][kant][code] = totaal["signalen"][kant].get(code, 0) + aantal
            totaal["signalen"]["duur"] += d["signalen"]["duur"]
    return totaal


def populatie_run(bron: Any, n: int, seed: int = 0, stuk: int = 25_000, klif_stap: float = 50.0,
                  met_signalen: bool = True, dask: bool = False,
                  voortgang: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Baseline against reform on a synthetic population of n households, in chunks: one after another with
    bounded memory, or, with ``dask``, in parallel on Dask (the optional extra; local processes by default)."""
    import time

    from . import populatie
    if isinstance(n, bool) or not isinstance(n, int) or n < 1 or n > 20_000_000:
        raise InvoerFout([("--populatie", f"moet een geheel getal van 1 tot 20.000.000 zijn, niet {n!r}")])
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < 2**31:
        raise InvoerFout([("--seed", f"moet een geheel getal van 0 of meer zijn, niet {seed!r}")])
    ref = lees_hervorming(bron)
    bron_dict = {"schema": 1, "naam": ref["naam"], "jaar": ref["jaar"], "wijzigingen": ref["wijzigingen"],
                 "gemeenten": ref["gemeenten"], "signalen_uit": sorted(ref["signalen_uit"])}
    jaar = ref["jaar"]
    begin = time.perf_counter()
    delen_spec = populatie.stukken(n, seed, stuk)
    # decile bounds from the first chunk (a large random sample of the population), the same for every chunk
    grenzen = np.quantile(_bruto_jaar(populatie.genereer(*delen_spec[0][:1], jaar, seed=delen_spec[0][1])),
                          np.linspace(0.1, 0.9, 9))
    taken = [(bron_dict, jaar, g, s, klif_stap, grenzen, met_signalen) for g, s in delen_spec]
    if dask:
        try:
            import dask as _dask
        except ImportError:
            raise InvoerFout([("--dask", "Dask is niet geïnstalleerd; installeer samenloop met het extra 'dask': "
                                         "pip install -e '.[dask]'")]) from None
        delen = list(_dask.compute(*[_dask.delayed(stuk_telling)(*t) for t in taken], scheduler="processes"))
    else:
        delen = []
        for t in taken:
            delen.append(stuk_telling(*t))
            if voortgang is not None:  # households done so far, of n
                voortgang(sum(grootte for _, _, grootte, *_ in taken[:len(delen)]), n)
    t = _optellen(delen)
    sig = t.get("signalen")
    duur = time.perf_counter() - begin
    decielen = [{"deciel": d + 1, "huishoudens": x[0], "winnaars": x[2], "verliezers": x[3],
                 "gemiddeld_verschil": round(x[1] / max(1, x[0]), 2)} for d, x in enumerate(t["decielen"])]
    return {
        "schema": SCHEMA, "hervorming": ref["naam"], "jaar": jaar,
        "populatie": {
            "huishoudens": n, "seed": seed, "stukken": len(taken), "dask": bool(dask),
            "toelichting": "Synthetische populatie (rules/populatie/synthetisch.yaml): verdelingen deels illustratief; "
                           "bedragen zijn totalen over deze huishoudens, geen raming voor Nederland.",
            "regelingen": {k: {"basis": round(b, 2), "hervorming": round(h, 2), "verschil": round(h - b, 2)}
                           for k, (b, h) in t["regelingen"].items()},
            "netto_besteedbaar_inkomen": {"basis": round(t["netto"][0], 2), "hervorming": round(t["netto"][1], 2),
                                          "verschil": round(t["netto"][1] - t["netto"][0], 2)},
            "winnaars": t["winnaars"], "verliezers": t["verliezers"], "gelijk": t["gelijk"],
            "tegen_de_richting": t["tegen_de_richting"],
            "op_een_klif": {"basis": round(t["klif_basis"] / n, 4), "hervorming": round(t["klif_hervorming"] / n, 4),
                            "toelichting": f"aandeel huishoudens waar € {klif_stap:.0f} meer loon per maand van de "
                                           "aanvrager het netto besteedbare inkomen verlaagt"},
            "per_deciel": decielen,
            "voorbeelden": {**t["voorbeelden"], "toelichting": "synthetische huishoudens (niet meer dan "
                            f"{VOORBEELDEN} per soort); 'huishouden' is een huishoudbestand dat u kunt opslaan en met "
                            "samenloop check of samenloop hervorming los kunt bekijken"},
            **({"signalen": {"huishoudens": n,
                             "basis": {k: round(v / n, 4) for k, v in sorted(sig["basis"].items())},
                             "hervorming": {k: round(v / n, 4) for k, v in sorted(sig["hervorming"].items())},
                             "aantallen": {"basis": dict(sorted(sig["basis"].items())),
                                           "hervorming": dict(sorted(sig["hervorming"].items()))},
                             "rekentijd_s": round(sig["duur"], 2),
                             "toelichting": "Aandeel van alle huishoudens met dit signaal. ARMOEDEVAL niet: zie "
                                            "op_een_klif. De synthetische huishoudens hebben geen schulden of "
                                            "gebeurtenissen. Wie recht heeft op een toeslag, vraagt die aan en krijgt "
                                            "een voorschot gelijk aan het recht; een deel vraagt niet aan (het "
                                            "niet-gebruik volgens het CPB, zie rules/populatie/synthetisch.yaml). "
                                            "Terugvordering en nabetaling komen daarom niet voor."}}
               if sig else {}),
            "doorlooptijd_s": round(duur, 2), "huishoudens_per_seconde": round(n / duur),
        },
    }

"""The Dutch report for the baliemedewerker (rich): the household at a glance, the regelingen, the signals."""
from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from . import instellingen, opmaak
from .huishouden import Huishouden
from .berekening import REGELING_NAMEN

def _console() -> Console:
    """A console as wide as the terminal, or 120 columns when the output goes to a file or pipe."""
    import sys
    return Console() if sys.stdout.isatty() else Console(width=120)


ERNST_STIJL = {"hoog": "bold red", "midden": "bold yellow", "laag": "cyan", "info": "dim"}
BRON_MET_LIDWOORD = {"loon": "het loon", "winst": "de winst"}   # "kliffen langs het loon van ..."


def _huishouden(h: Huishouden) -> Panel:
    regels = [f"• {r}" for r in opmaak.huishouden_regels(h)]
    return Panel("\n".join(regels), title=f"[bold]{h.naam}[/] — berekeningsjaar {h.jaar}", box=box.ROUNDED)


def _regelingen(uit: dict[str, Any]) -> Group:
    t = Table(title="Regelingen", box=box.SIMPLE_HEAD, expand=True)
    t.add_column("Regeling")
    t.add_column("Instantie")
    t.add_column("Recht")
    t.add_column("Per maand", justify="right")
    t.add_column("Per jaar", justify="right")
    t.add_column("Ontvangt nu (jaar)", justify="right")
    open_ = []
    for sleutel, r in uit["regelingen"].items():
        if not r.get("berekend", True):
            open_.append(REGELING_NAMEN[sleutel])
            continue
        recht = (("te betalen" if r["recht"] else "niets") if r.get("soort") == "heffing"
                 else ("ja" if r["recht"] else "nee"))
        o = r.get("ontvangen")
        t.add_row(REGELING_NAMEN[sleutel], r["instantie"], recht,
                  opmaak.maandtekst(r["maandbedragen"]), opmaak.euro(r["jaarbedrag"]),
                  f"{opmaak.euro(o['jaarbedrag'])} {o['bedragen']}" if o else "")
    noten = [Text(opmaak.BEDRAGEN_NOOT, style="dim")]
    if open_:
        noten.append(Text(f"Nog niet berekend in deze versie (géén oordeel over het recht): {', '.join(open_)}.",
                          style="dim"))
    return Group(t, *noten)


def _toelichting(uit: dict[str, Any]) -> list[Panel]:
    panelen = []
    for sleutel, r in uit["regelingen"].items():
        if not r.get("berekend", True):
            continue
        tekst = Text()
        for regel in r["uitleg"]:
            tekst.append(f"• {regel}\n")
        for w in r.get("waarschuwingen", []):
            tekst.append(f"⚠ {w}\n", style="yellow")
        panelen.append(Panel(tekst, title=f"Hoe is {REGELING_NAMEN[sleutel]} berekend?", box=box.ROUNDED))
    return panelen


def _netto(uit: dict[str, Any]) -> Panel:
    n = uit["netto_besteedbaar_inkomen"]
    kop = "Netto besteedbaar inkomen" if n.get("compleet", True) else "Inkomen plus regelingen (nog géén netto)"
    tekst = f"{opmaak.euro(n['jaarbedrag'])} per jaar, gemiddeld {opmaak.euro(n['jaarbedrag'] / 12)} per maand"
    delen = ", ".join(f"{k.replace('_', ' ')} {opmaak.euro(v)}" for k, v in n.get("onderdelen", {}).items())
    body = Text(tekst + (f"\nOpgebouwd uit: {delen}" if delen else ""))
    for nr, u in enumerate(n.get("uitleg", [])):
        if nr == 0:
            body.append(f"\n{u}", style="dim")
        else:
            body.append(f"\n⚠ {u}", style="yellow")
    return Panel(body, title=kop, box=box.ROUNDED)


def _signaaltekst(nr: int, s: dict[str, Any], peildatum: str | None = None) -> Text:
    t = Text()
    t.append(f"{nr}. [{s['ernst'].upper()}] ", style=ERNST_STIJL[s["ernst"]])
    if s.get("verlopen"):
        t.append("[TERMIJN VERSTREKEN] ", style="bold magenta")
    t.append(s["titel"], style="bold")
    t.append(f"  ({s['code']})\n", style="dim")
    t.append(f"   {s['uitleg']}\n")
    t.append("   Wat nu nog kan: " if s.get("verlopen") else "   Wat te doen: ", style="bold")
    t.append(f"{s['actie']}\n")
    meer = f"   Bij: {s['instantie']}"
    if s.get("datum"):
        meer += f" · {opmaak.termijn(s, peildatum)}"
    meer += f" · bron: {'; '.join(s['bronnen'])}"
    t.append(meer + "\n", style="dim")
    return t


def _signalen(uit: dict[str, Any]) -> Panel:
    """The signals, most urgent first; those whose deadline has passed stand apart at the end ("Termijn verstreken")."""
    sigs = uit["signalen"]
    if not sigs:
        return Panel("Geen signalen voor dit huishouden in de regelingen die samenloop nu berekent.",
                     title="Signalen", box=box.ROUNDED)
    actueel = [s for s in sigs if not s.get("verlopen")]
    verlopen = [s for s in sigs if s.get("verlopen")]
    peil = uit.get("peildatum")
    delen: list[Any] = [_signaaltekst(nr, s, peil) for nr, s in enumerate(actueel, 1)]
    if verlopen:
        delen.append(Text(f"Termijn verstreken ({len(verlopen)}): wat er nu nog kan", style="bold magenta"))
        delen += [_signaaltekst(nr, s, peil) for nr, s in enumerate(verlopen, len(actueel) + 1)]
    return Panel(Group(*delen), title=f"Signalen ({len(sigs)}), belangrijkste eerst", box=box.ROUNDED)


def _wie_doet_wat(uit: dict[str, Any]) -> Table | None:
    sigs = uit["signalen"]
    if not sigs:
        return None
    t = Table(title="Wie doet wat", box=box.SIMPLE_HEAD, expand=True)
    t.add_column("Instantie", style="bold")
    t.add_column("Wat", overflow="fold")
    t.add_column("Wanneer")
    per: dict[str, list[dict]] = {}
    for s in sigs:
        per.setdefault(s["instantie"], []).append(s)
    for instantie, lijst in per.items():
        for n, s in enumerate(lijst):
            t.add_row(instantie if n == 0 else "", Text(s["titel"], style=ERNST_STIJL[s["ernst"]]),
                      opmaak.termijn(s, uit.get("peildatum")))
    return t


def _tijdlijn(uit: dict[str, Any]) -> Table:
    t = Table(title="Tijdlijn per maand", box=box.SIMPLE_HEAD, expand=True)
    t.add_column("")
    for m in opmaak.MAANDKORT:
        t.add_column(m, justify="right")
    sleutels = [k for k, r in uit["regelingen"].items() if r.get("soort") != "heffing"
                and any(k in m["regelingen"] for m in uit["tijdlijn"])]
    for k in sleutels:
        t.add_row(REGELING_NAMEN[k], *[f"{m['regelingen'].get(k, 0):.0f}" for m in uit["tijdlijn"]])
    for k in uit.get("voorschotten", {}):
        if any(k in m["ontvangt"] for m in uit["tijdlijn"]):
            t.add_row(Text(f"ontvangt {REGELING_NAMEN[k]}", style="dim"),
                      *[f"{m['ontvangt'].get(k, 0):.0f}" for m in uit["tijdlijn"]])
    markering = ["●" if (m["gebeurtenissen"] or m["termijnen"]) else "" for m in uit["tijdlijn"]]
    if any(markering):
        t.add_row(Text("gebeurtenis / termijn", style="bold"), *markering)
    return t


def _checklist(uit: dict[str, Any]) -> Panel | None:
    """The checklist to hand to the resident: their own texts (second person), not the worker's; deadlines that have
    passed stand apart with what can still be done."""
    sigs = [s for s in uit["signalen"] if s["ernst"] in ("hoog", "midden")]
    if not sigs:
        return None
    regels = []
    for s in (x for x in sigs if not x.get("verlopen")):
        w = opmaak.termijn(s, uit.get("peildatum"))
        regels.append(f"☐ {s['bewoner']} — {s['instantie']}" + (f" ({w})" if w else ""))
    verlopen = [x for x in sigs if x.get("verlopen")]
    if verlopen:
        regels.append("")
        regels.append("Termijn verstreken — wat u nu nog kunt doen:")
        for s in verlopen:
            regels.append(f"☐ {s['bewoner']} — {s['instantie']} ({opmaak.termijn(s, uit.get('peildatum'))})")
    return Panel("\n".join(regels), title="Checklist voor de bewoner om mee te geven", box=box.DOUBLE)


def toon(h: Huishouden, uit: dict[str, Any], console: Console | None = None) -> None:
    console = console or _console()
    console.print(_huishouden(h))
    if uit.get("waarschuwingen"):
        console.print(Panel("\n".join(f"⚠ {w}" for w in uit["waarschuwingen"]), title="Let op: de invoer",
                            box=box.ROUNDED, style="yellow"))
    console.print(_regelingen(uit))
    console.print(_netto(uit))
    console.print(_signalen(uit))
    for deel in (_wie_doet_wat(uit), _tijdlijn(uit), _checklist(uit)):
        if deel is not None:
            console.print(deel)
    console.rule("Toelichting per regeling")
    for p in _toelichting(uit):
        console.print(p)
    console.print(Text("samenloop rekent op uw eigen computer; er gaat niets over het netwerk. "
                       "Bedragen zijn een schatting; de instantie beslist.", style="dim"))


def toon_parameters(lijst: list[dict[str, Any]], jaar: int, console: Console | None = None) -> None:
    console = console or _console()
    t = Table(title=f"Parameters {jaar}", box=box.SIMPLE_HEAD, expand=True)
    for kolom in ("id", "waarde", "eenheid", "vanaf", "zekerheid", "bron"):
        t.add_column(kolom, overflow="fold")
    for p in lijst:
        t.add_row(p["id"], str(p["waarde"]), p["eenheid"], p["geldig_vanaf"], p["zekerheid"], p["bron"])
    console.print(t)


def toon_scan(uit: dict[str, Any], console: Console | None = None) -> None:
    console = console or _console()
    p0, p1 = uit["punten"][0], uit["punten"][-1]
    console.print(Panel(
        f"{uit['bron']} van {uit['persoon']}: van {opmaak.euro(p0['bruto'])} tot {opmaak.euro(p1['bruto'])} per maand "
        f"in {len(uit['punten'])} punten; huidig {opmaak.euro(uit['huidig'])} per maand.",
        title=f"[bold]Scan {uit['naam']}[/] — {uit['jaar']}", box=box.ROUNDED))
    if not uit.get("compleet", True):
        console.print(Text("⚠ Nog géén netto: de inkomstenbelasting wordt nog niet berekend; de lijn is bruto inkomen "
                           "plus regelingen.", style="yellow"))
    t = Table(title="Sprongen (armoedeval of klif)", box=box.SIMPLE_HEAD, expand=True)
    for kolom in ("van", "tot", "verschil per maand", "uitleg"):
        t.add_column(kolom, overflow="fold")
    for s in uit["sprongen"]:
        t.add_row(opmaak.euro(s["van"]), opmaak.euro(s["tot"]), opmaak.euro(s["verschil"], centen=True), s["uitleg"])
    console.print(t if uit["sprongen"] else Text("Geen sprongen in dit bereik.", style="green"))
    m = Table(title="Marginale druk boven 80%", box=box.SIMPLE_HEAD, expand=True)
    for kolom in ("van", "tot", "druk", "door"):
        m.add_column(kolom)
    for d in uit["marginale_druk"]:
        m.add_row(opmaak.euro(d["van"]), opmaak.euro(d["tot"]), opmaak.procent(d["druk"]),
                  ", ".join(REGELING_NAMEN[k] for k in d["regelingen"]))
    console.print(m if uit["marginale_druk"]
                  else Text("Nergens meer dan 80% marginale druk in dit bereik.", style="green"))


def toon_hervorming(uit: dict[str, Any], console: Console | None = None) -> None:
    console = console or _console()
    t = Table(title=f"Hervorming: {uit['hervorming']} ({uit['jaar']})", box=box.SIMPLE_HEAD, expand=True)
    for kolom in ("huishouden", "inkomen basis", "hervorming", "verschil/jaar", "regelingen die veranderen",
                  "signalen"):
        t.add_column(kolom, overflow="fold")
    drempel = instellingen.waarde("hervorming.kleinste_verschil")
    for h in uit["huishoudens"]:
        v = h["verschil"]
        veranderd = ", ".join(f"{REGELING_NAMEN[k]} {'+' if d > 0 else ''}{opmaak.euro(d)}"
                              for k, d in v["regelingen"].items() if abs(d) >= drempel)
        sig = "; ".join([f"+{c}" for c in h["signalen_nieuw"]] + [f"−{c}" for c in h["signalen_vervallen"]])
        stijl = "bold red" if h["tegen_de_richting"] else None
        naam = h["naam"] + (" ⚠ tegen de richting in" if h["tegen_de_richting"] else "")
        t.add_row(Text(naam, style=stijl), opmaak.euro(h["basis"]["netto_besteedbaar_inkomen"]),
                  opmaak.euro(h["hervorming"]["netto_besteedbaar_inkomen"]),
                  Text(opmaak.euro(v["netto_besteedbaar_inkomen"]), style=stijl), veranderd or "—", sig or "—")
    console.print(t)
    for h in uit["huishoudens"]:
        sc = h.get("scan")
        if sc and (sc["sprongen_nieuw"] or sc["sprongen_vervallen"]):
            console.print(Text(f"{h['naam']} — kliffen langs {BRON_MET_LIDWOORD.get(sc['bron'], sc['bron'])} "
                               f"van {sc['persoon']} ({opmaak.euro(sc['van'])}–{opmaak.euro(sc['tot'])} per maand):",
                               style="bold"))
            for s in sc["sprongen_nieuw"]:
                console.print(Text(f"  + nieuw: {s['uitleg']}", style="red"))
            for s in sc["sprongen_vervallen"]:
                console.print(Text(f"  − verdwenen: {s['uitleg']}", style="green"))
    tegen = [h["naam"] for h in uit["huishoudens"] if h["tegen_de_richting"]]
    if tegen:
        console.print(Text("Let op: bij " + ", ".join(tegen) + " gaat het inkomen de andere kant op dan de regeling "
                           "die verandert (bijvoorbeeld een hogere toeslag die kwijtschelding laat vervallen).",
                           style="bold red"))


def _toon_voorbeelden(voorbeelden: dict[str, Any], console: Console) -> None:
    from . import huishouden
    koppen = {"tegen_de_richting": "Voorbeelden: het inkomen gaat de andere kant op dan de regeling die verandert",
              "grootste_verliezers": "Voorbeelden: de grootste verliezers"}
    for soort, kop in koppen.items():
        if not voorbeelden[soort]:
            continue
        console.print(Text(kop, style="bold red" if soort == "tegen_de_richting" else "bold"))
        for v in voorbeelden[soort]:
            delen = ", ".join(f"{REGELING_NAMEN[k]} {'+' if d > 0 else ''}{opmaak.euro(d)}"
                              for k, d in v["regelingen"].items())
            if v.get("verschil_inwonenden"):
                d = v["verschil_inwonenden"]
                delen += (", " if delen else "") + f"zorgtoeslag inwonenden {'+' if d > 0 else ''}{opmaak.euro(d)}"
            h = huishouden.valideer(v["huishouden"])
            console.print(f"  • {opmaak.euro(v['verschil_netto'])} per jaar ({delen or 'door de belasting'}): "
                          + "; ".join(opmaak.huishouden_regels(h)))
    if any(voorbeelden[s] for s in koppen):
        console.print(Text("Synthetische huishoudens; met --json staat bij elk voorbeeld een huishoudbestand om los te "
                           "bekijken met samenloop check.", style="dim"))


def toon_populatie(pop: dict[str, Any], console: Console | None = None) -> None:
    console = console or _console()
    a = opmaak.aantal
    landelijk = pop.get("soort") == "landelijk"
    if landelijk:
        titel = (f"Nederland ({pop['jaar']}): {a(pop['huishoudens'])} huishoudens, "
                 f"{a(pop['records'])} gewogen records; euro per jaar, na niet-gebruik")
    else:
        titel = f"Synthetische populatie (illustratief): {a(pop['huishoudens'])} huishoudens (seed {pop['seed']})"
    t = Table(title=titel, box=box.SIMPLE_HEAD, expand=True)
    bedrag = opmaak.miljoen if landelijk else opmaak.euro
    for kolom in ("regeling", "basis", "hervorming", "verschil") + (("95%-interval verschil",) if landelijk else ()):
        t.add_column(kolom, justify="right" if kolom != "regeling" else "left")

    def rij(naam, r, stijl=None):
        cellen = [bedrag(r["basis"]), bedrag(r["hervorming"]), bedrag(r["verschil"])]
        if landelijk:
            cellen.append(f"{bedrag(r['interval_95'][0])} tot {bedrag(r['interval_95'][1])}")
        t.add_row(Text(naam, style=stijl) if stijl else naam, *cellen)
    for k, r in pop["regelingen"].items():
        if r["basis"] or r["hervorming"]:
            rij(REGELING_NAMEN[k] + (" (te betalen)" if r.get("soort") == "heffing" else ""), r)
    rij("netto besteedbaar inkomen", pop["netto_besteedbaar_inkomen"], "bold")
    console.print(t)
    console.print(f"Huishoudens erop vooruit {a(pop['winnaars'])}, erop achteruit {a(pop['verliezers'])}, gelijk "
                  f"{a(pop['gelijk'])}; tegen de richting in: {a(pop['tegen_de_richting'])}. Op een klif: "
                  f"{opmaak.procent(pop['op_een_klif']['basis'])} → {opmaak.procent(pop['op_een_klif']['hervorming'])} "
                  f"({pop['op_een_klif']['toelichting']}).")
    d = Table(title="Effect per inkomensdeciel (bruto huishoudinkomen)", box=box.SIMPLE_HEAD)
    for kolom in ("deciel", "huishoudens", "gemiddeld verschil per jaar", "erop vooruit", "erop achteruit"):
        d.add_column(kolom, justify="right")
    for r in pop["per_deciel"]:
        d.add_row(str(r["deciel"]), a(r["huishoudens"]), opmaak.euro(r["gemiddeld_verschil"], centen=True),
                  a(r["winnaars"]), a(r["verliezers"]))
    console.print(d)
    _toon_voorbeelden(pop["voorbeelden"], console)
    if "signalen" in pop:
        sg = pop["signalen"]
        t2 = Table(title=f"Signalen bij alle {a(sg['huishoudens'])} huishoudens", box=box.SIMPLE_HEAD)
        for kolom in ("signaal", "basis", "hervorming"):
            t2.add_column(kolom, justify="left" if kolom == "signaal" else "right")
        for code in sorted(set(sg["basis"]) | set(sg["hervorming"])):
            t2.add_row(code, opmaak.procent(sg["basis"].get(code, 0), 2),
                       opmaak.procent(sg["hervorming"].get(code, 0), 2))
        console.print(t2)
        rekentijd = (f" Rekentijd van de signalen: {sg['rekentijd_s']} s, opgeteld over de stukken."
                     if "rekentijd_s" in sg else "")
        console.print(Text(sg["toelichting"] + rekentijd, style="dim"))
    console.print(Text(pop["toelichting"] + f" Doorlooptijd {pop['doorlooptijd_s']} s "
                       f"({a(pop['huishoudens_per_seconde'])} records per seconde).", style="dim"))


GELD = {"euro/jaar": opmaak.miljoen, "euro/huishouden/jaar": opmaak.euro}   # how a target in euros is shown


def toon_landelijk(uit: dict[str, Any], console: Console | None = None) -> None:
    """The calibrated national baseline: every regeling's cost and reach, and every target, official against model."""
    console = console or _console()
    a = opmaak.aantal
    t = Table(title=f"Nederland {uit['jaar']}: {a(uit['huishoudens'])} huishoudens "
                    f"({a(uit['records'])} gewogen records)",
              box=box.SIMPLE_HEAD, expand=True)
    for kolom in ("regeling", "uitgaven (na niet-gebruik)", "bij volledig gebruik", "ontvangers", "met recht"):
        t.add_column(kolom, justify="left" if kolom == "regeling" else "right")
    voetnoten = []
    for k, r in uit["regelingen"].items():
        naam = REGELING_NAMEN[k] + (" (te betalen)" if r["soort"] == "heffing" else "")
        if "waarvan_inwonenden" in r:
            naam += " *"
            w = r["waarvan_inwonenden"]
            voetnoten.append(f"* {REGELING_NAMEN[k]}: inclusief {a(w['ontvangers'])} meerderjarige thuiswonende "
                             "kinderen en medebewoners die haar op eigen naam krijgen "
                             f"({opmaak.miljoen(w['uitgaven'])}).")
        t.add_row(naam, opmaak.miljoen(r["uitgaven"]), opmaak.miljoen(r["recht"]), a(r["ontvangers"]),
                  a(r["met_recht"]))
    console.print(t)
    for regel in voetnoten:
        console.print(Text(regel, style="dim"))
    d = Table(title="Officiële cijfers tegen het model", box=box.SIMPLE_HEAD, expand=True)
    for kolom in ("cijfer", "officieel", "model", "model/officieel", "jaar", "gebruik", "bron"):
        d.add_column(kolom, justify="right" if kolom in ("officieel", "model", "model/officieel", "jaar") else "left",
                     overflow="fold")
    for r in sorted(uit["doelen"], key=lambda r: (r["gebruik"] != "controle", r["id"])):
        waarde = GELD.get(r["eenheid"], lambda x: a(round(x)))
        stijl = "bold red" if "waarschuwing" in r else None
        d.add_row(r["omschrijving"], waarde(r["officieel"]), waarde(r["model"]),
                  Text(f"{r['verhouding']:.2f}".replace(".", ","), style=stijl or ""), str(r["jaar"]), r["gebruik"],
                  f"{r['bron']} ({r['zekerheid']})")
    console.print(d)
    afwijkend = [r for r in uit["doelen"] if "waarschuwing" in r]
    for r in afwijkend:
        console.print(Text(f"Let op: {r['omschrijving']}: {r['waarschuwing']}.", style="red"))
    console.print(Text(uit["toelichting"] + f" Kalibratie met {uit['kalibratie']['bibliotheek']} op "
                       f"{uit['kalibratie']['doelen']} doelen. Doorlooptijd {uit['doorlooptijd_s']} s.", style="dim"))

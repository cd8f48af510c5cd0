"""The samenloop command line (contract section 2). Exit codes: 0 done, 2 bad input, 1 internal error."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Callable

from .fouten import InvoerFout

OMSCHRIJVING = ("samenloop: wat de regelingen samen doen met één huishouden — recht per maand, "
                "signalen, termijnen en de instantie om mee te handelen.")


class _Parser(argparse.ArgumentParser):
    """argparse with Dutch headings and a Dutch error on bad arguments (exit 2)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="toon deze hulp en stop")

    def format_usage(self) -> str:
        return super().format_usage().replace("usage:", "gebruik:", 1)

    def format_help(self) -> str:
        return super().format_help().replace("usage:", "gebruik:", 1)

    def error(self, message: str):
        vertaling = {
            "the following arguments are required": "deze argumenten ontbreken",
            "invalid choice": "ongeldige keuze",
            "unrecognized arguments": "onbekende argumenten",
            "invalid int value": "geen geheel getal",
            "expected one argument": "verwacht één waarde",
            "choose from": "kies uit",
        }
        for en, nl in vertaling.items():
            message = message.replace(en, nl)
        self.print_usage(sys.stderr)
        print(f"samenloop: fout in de opdracht: {message}", file=sys.stderr)
        raise SystemExit(2)


def _parser() -> _Parser:
    p = _Parser(prog="samenloop", description=OMSCHRIJVING)
    p.add_argument("--debug", action="store_true", help="toon bij een interne fout de volledige foutmelding")
    sub = p.add_subparsers(dest="opdracht", metavar="OPDRACHT", parser_class=_Parser)
    sub.required = True

    c = sub.add_parser("check", help="bereken regelingen en signalen voor één huishouden")
    c.add_argument("bron", metavar="BESTAND_OF_PERSONA", help="pad naar een huishoudbestand (YAML/JSON) of een persona")
    c.add_argument("--jaar", type=int, help="berekeningsjaar (2025 of 2026); standaard het jaar uit het bestand")
    c.add_argument("--json", action="store_true", help="uitvoer als JSON (contract schema 1)")

    pa = sub.add_parser("parameters", help="toon alle parameters met bron en zekerheid")
    pa.add_argument("--jaar", type=int, default=2026, help="berekeningsjaar (standaard 2026)")
    pa.add_argument("--json", action="store_true", help="uitvoer als JSON")

    sub.add_parser("personas", help="toon de ingebouwde huishoudens")

    s = sub.add_parser("scan",
                       help="veeg één inkomensbron van één persoon en zoek armoedevallen en hoge marginale druk")
    s.add_argument("bron_huishouden", metavar="BESTAND_OF_PERSONA", help="pad naar een huishoudbestand of een persona")
    s.add_argument("--persoon", help="id van de aanvrager of partner wiens inkomen verandert (standaard de aanvrager)")
    s.add_argument("--bron", default="loon", choices=["loon", "winst"], help="welke inkomensbron (standaard loon)")
    s.add_argument("--van", type=float, default=0.0, help="laagste bruto bedrag per maand (standaard 0)")
    s.add_argument("--tot", type=float, default=6000.0, help="hoogste bruto bedrag per maand (standaard 6000)")
    s.add_argument("--stap", type=float, default=10.0, help="stap in euro per maand (standaard 10)")
    s.add_argument("--jaar", type=int, help="berekeningsjaar (2025 of 2026)")
    s.add_argument("--json", action="store_true", help="uitvoer als JSON (contract schema 1)")
    s.add_argument("--grafiek", metavar="UIT.png", help="schrijf een grafiek van netto tegen bruto naar dit bestand")
    h = sub.add_parser("hervorming", help="toets een regelwijziging: basis tegen hervorming per huishouden")
    h.add_argument("hervorming", metavar="HERVORMING.yaml", help="hervormingsbestand (schema 1)")
    h.add_argument("huishoudens", nargs="*", metavar="BESTAND_OF_PERSONA",
                   help="huishoudens; zonder: alle ingebouwde persona's")
    h.add_argument("--json", action="store_true", help="uitvoer als JSON (contract schema 1)")
    h.add_argument("--populatie", type=_aantal, nargs="?", const=LANDELIJK, metavar="N",
                   help="draai de hervorming ook op de gekalibreerde landelijke populatie (zonder N: bedragen voor "
                        "heel Nederland), of met N op een snelle synthetische populatie van N huishoudens "
                        "(illustratief)")
    h.add_argument("--seed", type=int, default=0, help="seed van de synthetische populatie (standaard 0)")
    h.add_argument("--dask", action="store_true",
                   help="reken de stukken van de populatie parallel met Dask (extra 'dask' nodig)")
    h.add_argument("--scan", action="store_true",
                   help="toon per huishouden de kliffen langs het inkomen van de aanvrager die de hervorming maakt "
                        "of wegneemt")
    h.add_argument("--grafiek", metavar="UIT.png",
                   help="schrijf een grafiek van het verschil per huishouden (en per deciel van de populatie)")
    po = sub.add_parser("populatie", help="de gekalibreerde landelijke populatie: kosten en bereik per regeling voor "
                                          "heel Nederland, met de officiële cijfers ernaast")
    po.add_argument("--jaar", type=int, default=2026, help="berekeningsjaar (2025 of 2026; standaard 2026)")
    po.add_argument("--json", action="store_true", help="uitvoer als JSON (contract sectie 9)")
    po.add_argument("--grafiek", metavar="UIT.png", help="schrijf een grafiek van model tegen officiële cijfers")
    w = sub.add_parser("web", help="open de webpagina voor de baliemedewerker (alleen op deze computer, 127.0.0.1)")
    w.add_argument("--poort", type=int, default=8000, help="poort op 127.0.0.1 (standaard 8000)")
    return p


LANDELIJK = "landelijk"


def _aantal(tekst: str) -> int | str:
    """A whole number of households for --populatie, or the national population when no number is given
    (argparse turns the ValueError into its Dutch message for a bad int)."""
    return LANDELIJK if tekst == LANDELIJK else int(tekst)


_aantal.__name__ = "int"  # argparse names the type in its message: "invalid int value" (translated below)


def _druk_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _check(args) -> int:
    from . import api, signalen
    h, res = api.bereken_huishouden(args.bron, args.jaar)
    uit = api.uitkomst_json(h, res, signalen.bepaal(h, res))
    if args.json:
        _druk_json(uit)
    else:
        from . import rapport
        rapport.toon(h, uit)
    return 0


def _parameters(args) -> int:
    from . import api
    lijst = api.parameterlijst(args.jaar)
    if args.json:
        _druk_json(lijst)
    else:
        from . import rapport
        rapport.toon_parameters(lijst, args.jaar)
    return 0


def _personas(args) -> int:
    from . import huishouden
    for naam in huishouden.persona_namen():
        h = huishouden.laad(naam)
        print(f"{naam:40s} {h.naam}")
    return 0


GRAFIEK_SOORTEN = (".png", ".svg", ".pdf")


def _controleer_grafiekpad(pad: str | None) -> None:
    """Before any work: a chart path must name a kind matplotlib writes, in a folder that exists."""
    if pad is None:
        return
    from pathlib import Path
    doel = Path(pad)
    if doel.suffix.lower() not in GRAFIEK_SOORTEN:
        raise InvoerFout([("--grafiek", f"onbekend bestandstype '{doel.suffix or doel.name}'; kies "
                                        f"{', '.join(GRAFIEK_SOORTEN[:-1])} of {GRAFIEK_SOORTEN[-1]}")])
    if not doel.resolve().parent.is_dir():
        raise InvoerFout([("--grafiek", f"kan {pad} niet schrijven: de map {doel.parent} bestaat niet")])


def _schrijf_grafiek(teken, uit: dict[str, Any], pad: str) -> None:
    try:
        teken(uit, pad)
    except OSError:
        raise InvoerFout([("--grafiek",
                           f"kan {pad} niet schrijven: bestaat de map en mag u daar schrijven?")]) from None


def _lever(args, uit: dict[str, Any], teken, toon) -> int:
    """Deliver a result: the chart when asked, then JSON or the Dutch report."""
    if args.grafiek:
        _schrijf_grafiek(teken, uit, args.grafiek)
    if args.json:
        _druk_json(uit)
    else:
        toon(uit)
        if args.grafiek:
            print(f"Grafiek geschreven naar {args.grafiek}")
    return 0


def _scan(args) -> int:
    from .scanner import scan
    _controleer_grafiekpad(args.grafiek)
    uit = scan(args.bron_huishouden, persoon=args.persoon, bron=args.bron, van=args.van, tot=args.tot,
               stap=args.stap, jaar=args.jaar)

    def teken(u: dict[str, Any], pad: str) -> None:
        from .grafiek import teken_scan
        teken_scan(u, pad)

    def toon(u: dict[str, Any]) -> None:
        from . import rapport
        rapport.toon_scan(u)
    return _lever(args, uit, teken, toon)


def _met_voortgang(taak: Callable[[Callable[[int, int], None]], Any], totaal: int) -> Any:
    """Run ``taak(voortgang)`` with a progress bar on the terminal (stderr; nothing when that is not a terminal)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    console = Console(stderr=True)
    with Progress(TextColumn("populatie"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console, transient=True, disable=not console.is_terminal) as balk:
        stap = balk.add_task("populatie", total=totaal)
        return taak(lambda klaar, n: balk.update(stap, completed=klaar, total=n))


def _populatie_run(args) -> dict[str, Any]:
    if args.populatie == LANDELIJK:
        from .populatie import landelijk, records
        return _met_voortgang(lambda v: landelijk.hervorming(args.hervorming, voortgang=v), records.aantal_records())
    from .hervormingen import populatie_run
    return _met_voortgang(lambda v: populatie_run(args.hervorming, args.populatie, seed=args.seed, dask=args.dask,
                                                  voortgang=v)["populatie"], args.populatie)


def _hervorming(args) -> int:
    from . import rapport
    from .hervormingen import hervorming
    _controleer_grafiekpad(args.grafiek)
    if args.dask and args.populatie == LANDELIJK:
        raise InvoerFout([("--dask", "alleen voor een synthetische populatie van N huishoudens (--populatie N); de "
                                     "landelijke populatie rekent in stukken in één proces")])
    uit = hervorming(args.hervorming, *args.huishoudens, met_scan=args.scan)
    if args.populatie is not None:
        uit["populatie"] = _populatie_run(args)
    from .grafiek import teken_hervorming

    def toon(u: dict[str, Any]) -> None:
        rapport.toon_hervorming(u)
        if "populatie" in u:
            rapport.toon_populatie(u["populatie"])
    return _lever(args, uit, teken_hervorming, toon)


def _populatie(args) -> int:
    from . import rapport
    from .grafiek import teken_populatie
    from .populatie import landelijk, records
    _controleer_grafiekpad(args.grafiek)
    uit = _met_voortgang(lambda v: landelijk.basis(args.jaar, voortgang=v), records.aantal_records())
    return _lever(args, uit, teken_populatie, rapport.toon_landelijk)


def _web(args) -> int:
    from .web import HOST, start

    def gestart() -> None:
        print(f"samenloop web: open http://{HOST}:{args.poort}/ in de browser. Alleen bereikbaar vanaf deze computer; "
              "er wordt niets opgeslagen. Stoppen: Ctrl+C.", flush=True)
    start(args.poort, gestart)  # a bad port or one in use: a Dutch message and exit 2 before anything starts
    return 0


OPDRACHTEN = {"check": _check, "parameters": _parameters, "personas": _personas, "scan": _scan,
              "hervorming": _hervorming, "populatie": _populatie, "web": _web}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return OPDRACHTEN[args.opdracht](args)
    except InvoerFout as e:
        print(f"samenloop: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into e.g. `head`: stop quietly
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as e:  # an internal error: short, unless --debug
        if args.debug:
            raise
        print(f"samenloop: interne fout ({type(e).__name__}: {e}). Gebruik --debug voor details.", file=sys.stderr)
        return 1

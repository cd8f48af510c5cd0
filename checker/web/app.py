"""The local web page for the baliemedewerker (Flask): enter a household, see the check, print a sheet.

Privacy: the server binds to 127.0.0.1 only, keeps nothing (no session, no files, no cache; the
household travels with each request as a hidden field), and loads nothing from the network. Every number on
the page comes from ``checker.check`` and ``checker.scan``, the same API the command line uses.

Safety (issue 14): another web page open in the same browser cannot make this server work. Every request that
computes or changes something (every POST) must come from this page itself, as the browser states in
``Sec-Fetch-Site`` or, in browsers without it, ``Origin``; a request without either (curl, a script on this
computer) is no cross-site request and is served. This is the Fetch Metadata check of the OWASP Cross-Site
Request Forgery Prevention Cheat Sheet, as Go's ``net/http.CrossOriginProtection`` does it. Other names for this
computer are refused (``TRUSTED_HOSTS``, against DNS rebinding), bodies are limited in size, and every household
goes through the same limited loader as a file on the command line (``checker.yamllader``).
"""
from __future__ import annotations

import errno
import io
import json
import socket
from datetime import date
from typing import Any, Callable

from flask import Flask, Request, jsonify, render_template, request
from werkzeug.exceptions import SecurityError
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from .. import huishouden, opmaak
from ..api import check
from ..berekening import REGELING_NAMEN
from ..fouten import InvoerFout, kort, kort_tekst
from ..klif import BRONNEN
from ..scanner import scan
from . import formulier, weergave

HOST = "127.0.0.1"
STANDAARD_POORT = 8000
GROOTSTE_VERZOEK = 1_000_000  # bytes: a household file is a few kilobytes
VEILIGE_METHODEN = frozenset({"GET", "HEAD", "OPTIONS"})  # they only read; everything else must come from this page

CSP = ("default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")


class _Verzoek(Request):
    """Uploads stay in memory: werkzeug would spool a large one to a temporary file."""

    def _get_file_stream(self, total_content_length, content_type, filename=None, content_length=None):
        return io.BytesIO()


def run_argumenten(poort: Any = STANDAARD_POORT, host: str = HOST) -> dict[str, Any]:
    """How the server runs (``maak_server``): 127.0.0.1 only (household data is personal data, AVG), no reloader,
    no debugger. Anything else is refused."""
    problemen = []
    if host != HOST:
        problemen.append(("--host", f"samenloop web luistert alleen op {HOST} (deze computer), niet op {kort(host)}"))
    if isinstance(poort, bool) or not isinstance(poort, int) or not 1 <= poort <= 65535:
        problemen.append(("--poort", f"moet een geheel getal van 1 tot en met 65535 zijn, niet {kort(poort)}"))
    if problemen:
        raise InvoerFout(problemen)
    return {"host": HOST, "port": poort, "debug": False, "use_reloader": False, "use_debugger": False,
            "threaded": True}


def van_elders(verzoek: Request) -> bool:
    """Does this request come from another site while it would compute or change something? Reading (GET, HEAD,
    OPTIONS) is always allowed. Otherwise the browser's ``Sec-Fetch-Site`` decides (only ``same-origin``, or
    ``none`` for what the user did in the browser itself); without it, ``Origin`` must be this server's own origin;
    without either the request is not from a browser page (curl, a script) and is allowed."""
    if verzoek.method in VEILIGE_METHODEN:
        return False
    site = verzoek.headers.get("Sec-Fetch-Site")
    if site is not None:
        return site.strip().lower() not in ("same-origin", "none")
    herkomst = verzoek.headers.get("Origin")
    if herkomst is None:
        return False
    return herkomst.strip().lower() != f"{verzoek.scheme}://{verzoek.host}".lower()


class _Afhandelaar(WSGIRequestHandler):
    """werkzeug's request handler without the ``Server`` header (it named werkzeug's and Python's versions)."""

    def send_response(self, code: int, message: str | None = None) -> None:
        self.log_request(code)
        self.send_response_only(code, message)
        self.send_header("Date", self.date_time_string())


def maak_server(poort: int = STANDAARD_POORT, app: Flask | None = None) -> BaseWSGIServer:
    """werkzeug's threaded server on 127.0.0.1:<poort> (0: a free port). The socket is bound here first, so a port
    in use is a Dutch message (``InvoerFout`` naming --poort) instead of werkzeug's English one and exit 1."""
    sok = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sok.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as werkzeug: a port in TIME_WAIT is free
        sok.bind((HOST, poort))
        sok.listen(BaseWSGIServer.request_queue_size)
    except OSError as e:
        sok.close()
        if e.errno == errno.EADDRINUSE:
            raise InvoerFout([("--poort", f"poort {poort} is al in gebruik door een ander programma (misschien draait "
                                          "samenloop web al); kies een andere poort, bijvoorbeeld --poort "
                                          f"{poort + 1 if poort < 65535 else 8000}")]) from None
        if e.errno == errno.EACCES:
            raise InvoerFout([("--poort", f"geen toestemming om poort {poort} te gebruiken; kies een poort boven "
                                          "1023")]) from None
        raise InvoerFout([("--poort", f"kan poort {poort} niet openen ({e.strerror})")]) from None
    try:
        # werkzeug takes a duplicate of the socket (fd=...), so this one is closed either way
        return make_server(HOST, sok.getsockname()[1], app or maak_app(), threaded=True,
                           request_handler=_Afhandelaar, fd=sok.fileno())
    finally:
        sok.close()


def start(poort: int = STANDAARD_POORT, bij_start: Callable[[], None] | None = None) -> None:
    """Serve the page on http://127.0.0.1:<poort>/ until Ctrl+C (werkzeug's server, no reloader, no debugger).
    ``bij_start`` runs once the port is open (the command line says where to go)."""
    run_argumenten(poort)
    server = maak_server(poort)
    if bij_start is not None:
        bij_start()
    try:
        server.serve_forever()
    finally:
        server.server_close()


# --- reading households ---------------------------------------------------------------------------------------
def _als_huishouden(doc: Any) -> dict:
    """Only a household document is accepted over the web: a text would be read by ``check`` as a path or
    persona name, and a web page must not open files on this computer."""
    if not isinstance(doc, dict):
        raise InvoerFout([("", "verwacht een huishouden (schema 1) als verzameling velden (JSON-object)")])
    return doc


def _lees_tekst(tekst: str, naam: str = "invoer") -> dict:
    return _als_huishouden(formulier.jsonbaar(huishouden.lees_tekst(tekst, naam)))


def persona_document(naam: str) -> dict:
    if naam not in huishouden.persona_namen():
        raise InvoerFout([("persona", f"onbekende persona '{kort_tekst(naam)}'")])
    from .. import paden
    pad = paden.personas() / f"{naam}.yaml"
    return _lees_tekst(pad.read_text(encoding="utf-8"), pad.name)


def _persona_titels() -> list[tuple[str, str]]:
    """(name, label) of the built-in personas."""
    return [(n, f"{huishouden.laad(n).naam} ({n})") for n in huishouden.persona_namen()]


def _scan_keuzes(form, h: huishouden.Huishouden) -> tuple[dict[str, Any], list[str]]:
    """The sweep the page shows: the choices on the result page, else a range around the current income."""
    keuzes, problemen = weergave.scan_standaard(h), []
    if form.get("scan_persoon"):
        keuzes["persoon"] = form["scan_persoon"]
    if form.get("scan_bron") in BRONNEN:
        keuzes["bron"] = form["scan_bron"]
    for veld in ("van", "tot", "stap"):
        ruw = form.get(f"scan_{veld}", "").strip()
        if ruw:
            waarde = formulier.lees_getal(ruw)
            if isinstance(waarde, str):
                problemen.append(f"{veld}: moet een getal zijn, niet '{kort_tekst(waarde)}'")
            else:
                keuzes[veld] = waarde
    return keuzes, problemen


# --- the app --------------------------------------------------------------------------------------------------
def maak_app() -> Flask:
    """The page and its JSON API: requests only from this page, limited in size, for this computer's names only,
    answered with the security headers and without caching."""
    app = Flask(__name__)
    app.request_class = _Verzoek
    app.config.update(MAX_CONTENT_LENGTH=GROOTSTE_VERZOEK, TRUSTED_HOSTS=[HOST, "localhost"])
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    _vul_sjablonen(app)
    app.before_request(_alleen_van_deze_pagina)
    app.after_request(_koppen)
    for regel, methode, functie in _ROUTES:
        app.add_url_rule(regel, view_func=functie, methods=[methode])
    for code, functie in _FOUTPAGINAS:
        app.register_error_handler(code, functie)
    return app


def _vul_sjablonen(app: Flask) -> None:
    """The filters and names the templates use."""
    app.jinja_env.filters.update(euro=weergave.euro, datum=weergave.datum, getal=formulier.toon_getal,
                                 zinnen=weergave.zinnen,
                                 regeling=lambda k: REGELING_NAMEN.get(k, k))
    app.jinja_env.globals.update(veld_id=formulier.veld_id, f=formulier, MAANDKORT=opmaak.MAANDKORT,
                                 termijn=weergave.termijn, ERNST_LABELS=weergave.ERNST_LABELS)


def _alleen_van_deze_pagina():
    if van_elders(request):
        return _foutpagina("Dit verzoek komt van een andere website of pagina en is geweigerd: samenloop rekent "
                           "alleen voor zijn eigen pagina. Open samenloop zelf in de browser en vul daar het "
                           "formulier in.", 403)
    return None


def _koppen(antwoord):
    antwoord.headers["Content-Security-Policy"] = CSP
    antwoord.headers["X-Content-Type-Options"] = "nosniff"
    # the address goes to no one else; to this page, browsers then send its own origin with a form (Origin)
    antwoord.headers["Referrer-Policy"] = "same-origin"
    if not request.path.startswith("/static/"):
        antwoord.headers["Cache-Control"] = "no-store"  # personal data stays out of the browser's cache
    return antwoord


# --- the pages ------------------------------------------------------------------------------------------------
def _invoerpagina(doc: dict, problemen: list[tuple[str, str]] = (), tekst: str | None = None,
                  focus: str | None = None, status: int = 200):
    waarden = formulier.naar_formulier(doc)
    per_veld, overzicht = formulier.fouten_per_veld(list(problemen), formulier.alle_paden(waarden))
    personas = _persona_titels()
    ids = [p.get("id") for p in waarden["personen"] if p.get("id")]
    return render_template(
        "invoer.html", w=waarden, fouten=per_veld, overzicht=overzicht, personas=personas, ids=ids,
        tekst=tekst if tekst is not None else json.dumps(formulier.jsonbaar(doc), ensure_ascii=False, indent=2),
        gemeenten=formulier.gemeente_keuzes(), jaar_keuzes=[(j, str(j)) for j in formulier.jaren()],
        focus=focus, tekst_open=tekst is not None,
        gekozen_persona=request.args.get("persona", "")), status


def _scan_voor_pagina(doc: dict, form, h: huishouden.Huishouden) -> tuple[dict[str, Any], Any, Any, str | None]:
    """(keuzes, sweep, grafiek, scan_fout): the sweep the result page shows, or why there is none."""
    keuzes, scan_problemen = _scan_keuzes(form, h)
    scan_fout, sweep, grafiek = None, None, None
    try:
        if scan_problemen:
            raise InvoerFout([("", m) for m in scan_problemen])
        sweep = scan(doc, **keuzes)
        grafiek = weergave.grafiek_data_uri(sweep)
    except InvoerFout as e:
        scan_fout = "; ".join(f"{p.lstrip('-')}: {m}" if p else m for p, m in e.problemen)
    return keuzes, sweep, grafiek, scan_fout


def _resultaat(doc: dict, form) -> Any:
    try:
        uit = check(doc)
    except InvoerFout as e:
        return _invoerpagina(doc, e.problemen, status=400)
    h = huishouden.valideer(doc)
    keuzes, sweep, grafiek, scan_fout = _scan_voor_pagina(doc, form, h)
    rijen, open_ = weergave.regelingen(uit)
    sprongen, klein = weergave.sprongen(sweep) if sweep else ([], 0)
    return render_template(
        "resultaat.html", uit=uit, h=h, regels=weergave.huishouden_regels(h), regelingen=rijen, open_=open_,
        maanden=weergave.maandtabel(uit), signalen=weergave.actueel(weergave.signalen(uit)),
        verlopen_signalen=weergave.verlopen(weergave.signalen(uit)), wie=weergave.wie_doet_wat(uit),
        scan=sweep, keuzes=keuzes, scan_fout=scan_fout, grafiek=grafiek, sprongen=sprongen, klein=klein,
        personen=[p.id for p in h.personen if p.rol in ("aanvrager", "partner")], bronnen=BRONNEN,
        tekst=json.dumps(doc, ensure_ascii=False))


def invoer():
    naam = request.args.get("persona")
    if naam:
        try:
            return _invoerpagina(persona_document(naam))
        except InvoerFout as e:
            return _invoerpagina(formulier.leeg_huishouden(), e.problemen, status=404)
    return _invoerpagina(formulier.leeg_huishouden())


def bereken():
    actie = request.form.get("actie", "bereken")
    if actie == "bestand":
        return _uit_bestand()
    if actie in ("tekst", "aanpassen"):
        return _uit_tekst(actie)
    doc = formulier.uit_formulier(request.form)
    if actie.startswith(("toevoegen-", "verwijderen-")):
        doc, focus = formulier.pas_rij_toe(doc, actie)
        return _invoerpagina(doc, focus=focus)
    return _resultaat(doc, request.form)


def _uit_bestand():
    """An uploaded household file, shown in the form."""
    bestand = request.files.get("bestand")
    if bestand is None or not bestand.filename:
        return _invoerpagina(formulier.leeg_huishouden(), [("bestand", "kies eerst een bestand")], status=400)
    try:
        tekst = bestand.read().decode("utf-8")
        return _invoerpagina(_lees_tekst(tekst, bestand.filename))
    except UnicodeDecodeError:
        problemen = [("bestand", f"{kort_tekst(bestand.filename)} is geen tekstbestand (UTF-8)")]
    except InvoerFout as e:
        problemen = e.problemen
    return _invoerpagina(formulier.leeg_huishouden(), problemen, status=400)


def _uit_tekst(actie: str):
    """The household as text (JSON or YAML): back into the form (``aanpassen``) or computed (``tekst``)."""
    try:
        doc = _lees_tekst(request.form.get("tekst", ""))
    except InvoerFout as e:
        return _invoerpagina(formulier.uit_formulier(request.form), e.problemen,
                             tekst=request.form.get("tekst", ""), status=400)
    return _invoerpagina(doc) if actie == "aanpassen" else _resultaat(doc, request.form)


def afdruk():
    try:
        doc = _lees_tekst(request.form.get("tekst", ""))
        uit = check(doc)
    except InvoerFout as e:
        return _invoerpagina(formulier.leeg_huishouden(), e.problemen, status=400)
    h = huishouden.valideer(doc)
    taken = weergave.checklist(uit)
    return render_template("afdruk.html", uit=uit, h=h, taken=weergave.actueel(taken),
                           verlopen_taken=weergave.verlopen(taken),
                           regelingen=[r for r in weergave.regelingen(uit)[0]
                                       if r["recht"] and r["sleutel"] != "inkomstenbelasting"],
                           contacten=weergave.contacten(uit), websites=weergave.WEBSITES,
                           gemaakt=h.peildatum or date.today(), tekst=json.dumps(doc, ensure_ascii=False))


# --- the JSON API: the same functions as the command line -----------------------------------------------------
def _fout_json(e: InvoerFout, status: int = 400):
    return jsonify({"fouten": [{"pad": p, "melding": m} for p, m in e.problemen]}), status


def _body() -> Any:
    tekst = request.get_data(as_text=True)
    return huishouden.lees_tekst(tekst, "invoer.json" if request.is_json else "invoer")


def api_check():
    try:
        return jsonify(check(_als_huishouden(formulier.jsonbaar(_body()))))
    except InvoerFout as e:
        return _fout_json(e)


def api_scan():
    try:
        doc, opties = _scan_verzoek(_body())
        return jsonify(scan(doc, **opties))
    except InvoerFout as e:
        return _fout_json(e)


def _scan_verzoek(body: Any) -> tuple[dict, dict[str, Any]]:
    """(household, options) of a scan request: only known fields, numbers where numbers belong."""
    if not isinstance(body, dict):
        raise InvoerFout([("", "verwacht een JSON-object met 'huishouden' en de opties van de scan")])
    onbekend = sorted(set(map(str, body)) - {"huishouden", "persoon", "bron", "van", "tot", "stap"})
    if onbekend:
        raise InvoerFout([(kort_tekst(k), "onbekend veld; kies uit huishouden, persoon, bron, van, tot, stap")
                          for k in onbekend])
    doc = _als_huishouden(formulier.jsonbaar(body.get("huishouden")))
    opties = {k: body[k] for k in ("persoon", "bron", "van", "tot", "stap") if k in body}
    for k in ("van", "tot", "stap"):
        if k in opties and (isinstance(opties[k], bool) or not isinstance(opties[k], (int, float))):
            raise InvoerFout([(k, f"moet een getal zijn, niet {kort(opties[k])}")])
    return doc, opties


def api_personas():
    return jsonify([{"naam": n, "titel": huishouden.laad(n).naam} for n in huishouden.persona_namen()])


def api_persona(naam: str):
    try:
        return jsonify(persona_document(naam))
    except InvoerFout as e:
        return _fout_json(e, 404)


_ROUTES = (
    ("/", "GET", invoer),
    ("/bereken", "POST", bereken),
    ("/afdruk", "POST", afdruk),
    ("/api/check", "POST", api_check),
    ("/api/scan", "POST", api_scan),
    ("/api/personas", "GET", api_personas),
    ("/api/persona/<naam>", "GET", api_persona),
)


# --- error pages ----------------------------------------------------------------------------------------------
def _te_groot(_):
    return _foutpagina(f"Het bestand of formulier is te groot (hoogstens {GROOTSTE_VERZOEK // 1_000_000} MB; een "
                       "huishoudbestand is een paar kB).", 413)


def _ongeldig(fout):
    if isinstance(fout, SecurityError):  # another host name (DNS rebinding): no page, no links
        return (f"Onbekende naam voor deze computer: samenloop antwoordt alleen op {HOST} en localhost.", 400,
                {"Content-Type": "text/plain; charset=utf-8"})
    return _foutpagina("Dit verzoek kan samenloop niet lezen.", 400)


def _niet_gevonden(_):
    return _foutpagina("Deze pagina bestaat niet.", 404)


def _methode(_):
    return _foutpagina("Deze pagina werkt alleen via het formulier.", 405)


def _intern(_):
    return _foutpagina("Er ging iets mis in samenloop (interne fout). Er is niets opgeslagen; probeer het opnieuw "
                       "of meld het aan de beheerder.", 500)


def _foutpagina(melding: str, status: int):
    if request.path.startswith("/api/"):
        return jsonify({"fouten": [{"pad": "", "melding": melding}]}), status
    return render_template("fout.html", melding=melding), status


_FOUTPAGINAS = ((413, _te_groot), (400, _ongeldig), (404, _niet_gevonden), (405, _methode), (500, _intern))

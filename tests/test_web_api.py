"""The local web page (issue 8), through Flask's test client: the JSON API gives exactly what the Python API
(and so the command line) gives, bad input comes back with its field path, the household form carries every
persona without loss, the print view carries every action, and the server binds to 127.0.0.1 only."""
from __future__ import annotations

import base64
import html
import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from checker import check, huishouden, scan
from checker import cli
from checker.fouten import InvoerFout
from checker.web import formulier, maak_app, run_argumenten
from checker.web.app import persona_document

from ._html_formulier import formulier_velden
from .helpers import huishouden as hh


@pytest.fixture(scope="module")
def client():
    app = maak_app()
    app.testing = True
    return app.test_client()


def _als_json(x):
    """What survives a trip through JSON (tuples become lists)."""
    return json.loads(json.dumps(x))


def _tekst(r) -> str:
    return html.unescape(r.get_data(as_text=True))


# --- the JSON API -------------------------------------------------------------------------------------------
def test_api_check_on_a_persona_gives_the_same_dict_as_check(client):
    doc = client.get("/api/persona/ronald-marijke").get_json()
    r = client.post("/api/check", json=doc)
    assert r.status_code == 200
    assert r.get_json() == _als_json(check("ronald-marijke"))


def test_api_check_accepts_yaml_text_like_the_command_line(client):
    pad = huishouden.paden.personas() / "nathalie-dunya.yaml"
    r = client.post("/api/check", data=pad.read_text(encoding="utf-8"), content_type="text/yaml")
    assert r.status_code == 200
    assert r.get_json() == _als_json(check("nathalie-dunya"))


def test_api_check_bad_household_gives_400_with_the_field_path(client):
    # contract section 1: a list of 11 months and a negative rent are bad input, each named by its path
    doc = hh(loon=[2000] * 11, wonen={"soort": "huur", "kale_huur": -5})
    r = client.post("/api/check", json=doc)
    assert r.status_code == 400
    paden = {f["pad"] for f in r.get_json()["fouten"]}
    assert {"personen[0].inkomen.loon", "wonen.kale_huur"} <= paden
    assert all(f["melding"] for f in r.get_json()["fouten"])


def test_api_check_same_problems_as_invoerfout(client):
    doc = hh(loon=100, gemeente="atlantis")
    with pytest.raises(InvoerFout) as e:
        check(doc)
    r = client.post("/api/check", json=doc)
    assert r.status_code == 400
    assert [(f["pad"], f["melding"]) for f in r.get_json()["fouten"]] == [tuple(p) for p in e.value.problemen]


@pytest.mark.parametrize("body", ['"/etc/passwd"', '"ronald-marijke"', "[1, 2]", "{niet json"])
def test_api_check_reads_only_a_household_document_never_a_path(client, body):
    # check() itself also takes a path or persona name; over the web that would open files on this computer
    r = client.post("/api/check", data=body, content_type="application/json")
    assert r.status_code == 400
    assert r.get_json()["fouten"][0]["melding"]


def test_api_scan_gives_the_same_dict_as_scan(client):
    doc = persona_document("ronald-marijke")
    body = {"huishouden": doc, "persoon": "ronald", "bron": "winst", "van": 600, "tot": 900, "stap": 10}
    r = client.post("/api/scan", json=body)
    assert r.status_code == 200
    assert r.get_json() == _als_json(scan("ronald-marijke", persoon="ronald", bron="winst", van=600, tot=900, stap=10))


def test_api_scan_bad_options_give_400_with_the_option(client):
    doc = persona_document("ronald-marijke")
    r = client.post("/api/scan", json={"huishouden": doc, "persoon": "lars"})
    assert r.status_code == 400
    assert r.get_json()["fouten"][0]["pad"] == "--persoon"
    r = client.post("/api/scan", json={"huishouden": doc, "stap": "tien"})
    assert r.status_code == 400 and r.get_json()["fouten"][0]["pad"] == "stap"
    r = client.post("/api/scan", json={"huishouden": doc, "grafiek": "/tmp/x.png"})
    assert r.status_code == 400 and r.get_json()["fouten"][0]["pad"] == "grafiek"


def test_api_personas_lists_every_built_in_persona(client):
    lijst = client.get("/api/personas").get_json()
    assert [p["naam"] for p in lijst] == huishouden.persona_namen()
    assert {p["naam"]: p["titel"] for p in lijst}["ronald-marijke"] == huishouden.laad("ronald-marijke").naam


def test_api_persona_is_the_household_file_as_json(client):
    doc = client.get("/api/persona/ronald-marijke").get_json()
    assert huishouden.valideer(doc) == huishouden.laad("ronald-marijke")
    assert doc["personen"][0]["geboortedatum"] == "1988-03-14"  # dates as ISO text, as in the file


@pytest.mark.parametrize("naam", ["bestaat-niet", "..%2Fpyproject", "..%2F..%2Fetc%2Fpasswd"])
def test_api_persona_unknown_is_404(client, naam):
    r = client.get(f"/api/persona/{naam}")
    assert r.status_code == 404


# --- the household form -------------------------------------------------------------------------------------
@pytest.mark.parametrize("naam", huishouden.persona_namen())
def test_form_carries_every_persona_without_loss(client, naam):
    """Contract section 1 through the form: load a persona, submit the form as a browser would, and the
    household the server reads equals the persona file."""
    pagina = client.get(f"/?persona={naam}").get_data(as_text=True)
    doc = formulier.uit_formulier(MultiDict(formulier_velden(pagina, "huishouden")))
    assert huishouden.valideer(doc) == huishouden.laad(naam)


def test_form_submission_shows_the_check_of_the_same_household(client):
    pagina = client.get("/?persona=ronald-marijke").get_data(as_text=True)
    r = client.post("/bereken", data=MultiDict(formulier_velden(pagina, "huishouden") + [("actie", "bereken")]))
    assert r.status_code == 200
    tekst = _tekst(r)
    uit = check("ronald-marijke")
    # every regeling's annual amount as the page formats it (contract: the page and the CLI cannot disagree)
    for sleutel, regeling in uit["regelingen"].items():
        rij = re.search(rf'<tr data-regeling="{sleutel}".*?</tr>', tekst, re.S)
        assert rij, sleutel
        assert formulier_euro(regeling["jaarbedrag"]) in rij.group(0)
    for s in uit["signalen"]:
        assert f'data-code="{s["code"]}"' in tekst and s["actie"] in tekst
    # the scan chart is inline: a PNG in a data: URI, never a file
    m = re.search(r'<img src="data:image/png;base64,([^"]+)"', tekst)
    assert m and base64.b64decode(m.group(1))[:8] == b"\x89PNG\r\n\x1a\n"


def formulier_euro(x: float) -> str:
    from checker.opmaak import euro
    return euro(x)


def test_form_errors_land_next_to_their_field(client):
    pagina = client.get("/?persona=ronald-marijke").get_data(as_text=True)
    velden = [(k, "400; 650; 1200" if k == "personen[0].inkomen.winst" else v)
              for k, v in formulier_velden(pagina, "huishouden")]
    r = client.post("/bereken", data=MultiDict(velden + [("actie", "bereken")]))
    assert r.status_code == 400
    tekst = r.get_data(as_text=True)
    # the message sits under the field, the field is marked invalid and points at it, and the summary links to it
    veld = formulier.veld_id("personen[0].inkomen.winst")
    assert re.search(rf'<p class="foutmelding" id="{veld}-fout"><span>verwacht één bedrag of een lijst van 12', tekst)
    invoer = re.search(rf'<input[^>]*id="{veld}"[^>]*>', tekst).group(0)
    assert 'aria-invalid="true"' in invoer and f"{veld}-fout" in invoer
    assert f'<a href="#{veld}"><code>personen[0].inkomen.winst</code>' in tekst


def test_form_row_buttons_add_and_remove(client):
    pagina = client.get("/?persona=ronald-marijke").get_data(as_text=True)
    velden = formulier_velden(pagina, "huishouden")
    r = client.post("/bereken", data=MultiDict(velden + [("actie", "toevoegen-personen")]))
    na = formulier.uit_formulier(MultiDict(formulier_velden(r.get_data(as_text=True), "huishouden")))
    assert len(na["personen"]) == 4 and na["personen"][3]["rol"] == "kind"
    assert f'id="{formulier.veld_id("personen[3].id")}"' in r.get_data(as_text=True)
    r = client.post("/bereken", data=MultiDict(velden + [("actie", "verwijderen-schulden-0")]))
    na = formulier.uit_formulier(MultiDict(formulier_velden(r.get_data(as_text=True), "huishouden")))
    eerder = huishouden.laad("ronald-marijke").schulden
    assert [s["schuldeiser"] for s in na["schulden"]] == [s.schuldeiser for s in eerder[1:]]


def test_uploaded_file_fills_the_form(client):
    pad = huishouden.paden.personas() / "pim.yaml"
    with pad.open("rb") as f:
        r = client.post("/bereken", data={"actie": "bestand", "bestand": (f, "pim.yaml")},
                        content_type="multipart/form-data")
    assert r.status_code == 200
    doc = formulier.uit_formulier(MultiDict(formulier_velden(r.get_data(as_text=True), "huishouden")))
    assert huishouden.valideer(doc) == huishouden.laad("pim")


def test_advanced_text_with_bad_yaml_names_the_line(client):
    r = client.post("/bereken", data={"actie": "tekst", "tekst": "schema: 1\nnaam: [kapot"})
    assert r.status_code == 400
    assert "geen geldige YAML of JSON (regel" in r.get_data(as_text=True)


@pytest.mark.parametrize("tekst, waarde", [
    ("1250", 1250), ("1.250,50", 1250.5), ("1250,5", 1250.5), ("1250.5", 1250.5), ("€ 1.000", 1000),
    ("-300", -300), ("0,25", 0.25)])
def test_numbers_as_a_dutch_user_types_them(tekst, waarde):
    assert formulier.lees_getal(tekst) == waarde


@pytest.mark.parametrize("tekst", ["abc", "1e5", "nan", "inf", "12,5,5"])
def test_what_is_not_a_number_stays_text_for_the_validator_to_name(tekst):
    assert formulier.lees_getal(tekst) == tekst


def test_twelve_months_in_one_field():
    assert formulier.lees_geld("400; 650; 1200,5") == [400, 650, 1200.5]
    assert formulier.lees_geld("100") == 100
    assert formulier.toon_geld([100.0] * 12) == "100"
    assert formulier.lees_geld(formulier.toon_geld([1, 2.5] * 6)) == [1, 2.5] * 6
    assert formulier.toon_getal(9.125) == "9,125"  # no decimal of the file is lost in the form


@given(x=st.floats(-1e9, 1e9).map(lambda v: round(v, 4)))
def test_a_number_shown_in_the_form_reads_back_the_same(x):
    assert formulier.lees_getal(formulier.toon_getal(x)) == x


# --- the print view -----------------------------------------------------------------------------------------
def test_print_view_carries_every_action_instantie_and_date(client):
    doc = persona_document("ronald-marijke-thuis")
    r = client.post("/afdruk", data={"tekst": json.dumps(doc)})
    assert r.status_code == 200
    tekst = _tekst(r)
    zonder_tags = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", tekst))
    uit = check("ronald-marijke-thuis")
    taken = [s for s in uit["signalen"] if s["ernst"] != "info"]
    assert taken  # this persona has urgent work: KOT_UITLOOP, SMI_MOGELIJK, ...
    from checker.opmaak import datum
    from datetime import date
    for s in taken:
        rij = re.search(rf'<tr data-code="{s["code"]}"( data-verlopen="ja")?>.*?</tr>', tekst, re.S)
        assert rij, s["code"]
        assert s["instantie"] in tekst
        assert s["bewoner"] in zonder_tags          # the resident's own text, not the worker's
        if s.get("datum") and s["datum"] != uit["peildatum"]:
            assert datum(date.fromisoformat(s["datum"])) in tekst
    assert "Wat moet u doen?" in tekst and "Wat u waarschijnlijk krijgt" in tekst


def test_print_view_keeps_the_workers_referrals_on_the_workers_screen(client):
    # issue 13: the sheet for the resident repeated instructions meant for the worker
    for persona in ("ronald-marijke", "ronald-marijke-thuis"):
        doc = persona_document(persona)
        blad = _tekst(client.post("/afdruk", data={"tekst": json.dumps(doc)}))
        for werkinstructie in ("Verwijs naar", "Meld het huishouden", "Laat het huishouden", "Bespreek met"):
            assert werkinstructie not in blad, (persona, werkinstructie)
        scherm = _tekst(client.post("/bereken", data={"tekst": json.dumps(doc), "actie": "tekst"}))
        assert "Verwijs naar schuldhulpverlening" in scherm or "Meld het huishouden" in scherm


def test_print_view_shows_a_passed_deadline_apart(client):
    # Ronald stopped working on 31 January 2026 while on WGA: UWV had to be told within a week (Wet WIA art. 27 lid 1;
    # uwv.nl "binnen 1 week"), so by 7 February 2026; on the peildatum 15 June 2026 that term has passed
    doc = persona_document("ronald-marijke-thuis")
    blad = _tekst(client.post("/afdruk", data={"tekst": json.dumps(doc)}))
    deel = blad[blad.index("Termijn verstreken: wat u nu nog kunt doen"):]
    assert "7 februari 2026" in deel and 'data-verlopen="ja"' in deel
    voor = blad[:blad.index("Termijn verstreken: wat u nu nog kunt doen")]
    assert "7 februari 2026" not in voor


# --- privacy and safety -------------------------------------------------------------------------------------
def test_run_arguments_bind_to_127_0_0_1_only():
    assert run_argumenten(8000)["host"] == "127.0.0.1"
    assert run_argumenten(8000)["debug"] is False and run_argumenten(8000)["use_debugger"] is False
    for host in ("0.0.0.0", "", "::", "localhost", "192.168.1.10"):
        with pytest.raises(InvoerFout) as e:
            run_argumenten(8000, host=host)
        assert e.value.problemen[0][0] == "--host"
    for poort in (0, 70000, "8000", True):
        with pytest.raises(InvoerFout):
            run_argumenten(poort)


def _vrije_poort() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_cli_web_starts_the_server_on_127_0_0_1(monkeypatch, capsys):
    from werkzeug.serving import BaseWSGIServer
    gestart = {}
    monkeypatch.setattr(BaseWSGIServer, "serve_forever",
                        lambda self, *a, **kw: gestart.update(adres=self.server_address))
    poort = _vrije_poort()
    assert cli.main(["web", "--poort", str(poort)]) == 0
    assert gestart["adres"] == ("127.0.0.1", poort)
    assert f"http://127.0.0.1:{poort}/" in capsys.readouterr().out


def test_cli_web_bad_port_is_bad_input(monkeypatch, capsys):
    from werkzeug.serving import BaseWSGIServer
    monkeypatch.setattr(BaseWSGIServer, "serve_forever", lambda self, *a, **kw: pytest.fail("server started"))
    assert cli.main(["web", "--poort", "0"]) == 2
    assert "--poort" in capsys.readouterr().err


def test_pages_are_not_cached_and_load_nothing_from_elsewhere(client):
    doc = persona_document("ronald-marijke")
    for r in (client.get("/"), client.post("/bereken", data={"actie": "tekst", "tekst": json.dumps(doc)}),
              client.post("/afdruk", data={"tekst": json.dumps(doc)})):
        assert r.status_code == 200
        assert r.headers["Cache-Control"] == "no-store"
        assert "default-src 'none'" in r.headers["Content-Security-Policy"]
        tekst = r.get_data(as_text=True)
        assert not re.search(r'(src|href|action)="(https?:)?//', tekst)
        assert '<html lang="nl">' in tekst


def test_other_host_names_are_refused(client):
    # a page elsewhere that points a name at 127.0.0.1 (DNS rebinding) gets no answer
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"Host": "127.0.0.1:8000"}).status_code == 200


def test_every_form_field_has_a_label(client):
    tekst = client.get("/?persona=ronald-marijke-thuis").get_data(as_text=True)
    labels = set(re.findall(r'<label for="([^"]+)"', tekst))
    velden = re.findall(r'<(?:input|select|textarea)\b(?![^>]*type="hidden")[^>]*\bid="([^"]+)"', tekst)
    assert velden and set(velden) <= labels


# --- property: the form covers contract section 1 -------------------------------------------------------------

from .test_betrouwbaarheid import huishoudens  # noqa: E402


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(doc=huishoudens())
def test_form_round_trip_of_random_valid_households(client, doc):
    """Any valid household, shown in the form and submitted as a browser would, is read back unchanged."""
    r = client.post("/bereken", data={"actie": "aanpassen", "tekst": json.dumps(doc)})
    assert r.status_code == 200
    terug = formulier.uit_formulier(MultiDict(formulier_velden(r.get_data(as_text=True), "huishouden")))
    assert huishouden.valideer(terug) == huishouden.valideer(doc)

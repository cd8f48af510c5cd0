"""Hostile input (issue 14): a file, body or form built to exhaust the computer, a request from another site, and
reform values outside the bounds of their unit. Each gets one short Dutch answer (exit 2, HTTP 400, 403 or 413),
fast and in bounded memory; the page itself keeps working."""
from __future__ import annotations

import http.client
import json
import math
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil
import pytest

from checker import InvoerFout, check, cli, eenheden, gemeenten, hervorming, parameters, scan, yamllader
from checker.fouten import RegelFout
from checker.web import maak_app, maak_server
from checker.web.app import persona_document

from .helpers import huishouden as hh

REPO = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


def bom(lagen: int = 8, breedte: int = 10, veld: str = "naam", kop: str = "schema: 1\njaar: 2026\n") -> str:
    """The 'billion laughs' file of the issue: each anchor a list of ten of the one before, so ``naam: *h`` stands
    for 10**8 values in about 600 bytes."""
    regels = [f"a: &a [{', '.join(['lol'] * breedte)}]"]
    vorige = "a"
    for naam in "bcdefghijklm"[:lagen - 1]:
        regels.append(f"{naam}: &{naam} [{', '.join(['*' + vorige] * breedte)}]")
        vorige = naam
    return "\n".join(regels) + f"\n{kop}{veld}: *{vorige}\npersonen: [{{id: a, rol: aanvrager, leeftijd: 40}}]\n"


def _rss() -> int:
    return psutil.Process().memory_info().rss


@pytest.fixture(scope="module")
def client():
    app = maak_app()
    app.testing = True
    return app.test_client()


@pytest.fixture
def bomfile(tmp_path) -> Path:
    pad = tmp_path / "lol.yaml"
    pad.write_text(bom(), encoding="utf-8")
    return pad


# --- the loader -------------------------------------------------------------------------------------------------
def test_the_bomb_is_small_and_stands_for_a_hundred_million_values():
    assert len(bom().encode()) < 700
    assert 10 ** 8 == 10 ** len("abcdefgh")  # eight layers of ten


@pytest.mark.parametrize("grenzen,melding", [(yamllader.HUISHOUDEN, "verwijzingen"),
                                             (yamllader.HERVORMING, "te veel waarden"),
                                             (yamllader.REGELS, "te veel waarden")])
def test_the_bomb_is_refused_without_expanding_it(grenzen, melding):
    begin = time.perf_counter()
    with pytest.raises(yamllader.DocumentFout, match=melding):
        yamllader.laad_yaml(bom(), grenzen)
    assert time.perf_counter() - begin < 0.1


def test_a_household_file_may_not_use_aliases_at_all():
    with pytest.raises(yamllader.DocumentFout, match="huishoudbestand"):
        yamllader.laad_yaml("a: &x 1\nb: *x\n", yamllader.HUISHOUDEN)


def test_a_reform_may_use_a_few_aliases():
    data = yamllader.laad_yaml("x: &p {eenpersoonshuishouden: 0.25, meerpersoonshuishouden: 0.25}\ny: *p\n",
                               yamllader.HERVORMING)
    assert data["x"] == data["y"] == {"eenpersoonshuishouden": 0.25, "meerpersoonshuishouden": 0.25}


@pytest.mark.parametrize("tekst,melding", [
    ("a: &a [1, *a]\n", "zichzelf"),                                    # a recursive alias
    ("a: &a " + "[" * 15 + "1" + "]" * 15 + "\nb: " + "[" * 10 + "*a" + "]" * 10 + "\n", "diep"),  # depth via an alias
    ("[" * 25 + "]" * 25, "diep"),
    ("x: " + "q" * 6_000, "tekst van 6.000 tekens"),
    ("[" + ", ".join(["1"] * 20_000) + "]", "te veel waarden"),
    ("# " + "x" * 300_000, "te groot"),
])
def test_limits_of_a_reform_file(tekst, melding):
    with pytest.raises(yamllader.DocumentFout, match=melding):
        yamllader.laad_yaml(tekst, yamllader.HERVORMING)


@pytest.mark.parametrize("tekst,melding", [
    ("[" * 100_000, "diep"),                        # the C scanner of json would recurse
    ("[" * 30 + "]" * 30, "diep"),
    (json.dumps({"x": "q" * 6_000}), "tekst"),
    (json.dumps([[1] * 20] * 600), "te veel waarden"),
    (json.dumps({"x": " " * 300_000}), "te groot"),
])
def test_json_meets_the_same_limits(tekst, melding):
    with pytest.raises(yamllader.DocumentFout, match=melding):
        yamllader.laad_json(tekst, yamllader.HUISHOUDEN)


def test_a_large_file_is_refused_unread(tmp_path):
    pad = tmp_path / "groot.yaml"
    with open(pad, "wb") as f:
        f.truncate(4 * 1024 * MB)  # 4 GB, sparse: reading it whole would take seconds and memory
    begin, rss = time.perf_counter(), _rss()
    with pytest.raises(InvoerFout, match="te groot"):
        check(str(pad))
    assert time.perf_counter() - begin < 1 and _rss() - rss < 50 * MB


def test_a_dict_with_a_cycle_is_bad_input_not_a_recursion_error():
    doc = hh(loon=2000)
    doc["personen"][0]["activiteiten"] = lus = []
    lus.append(lus)
    with pytest.raises(InvoerFout, match="zichzelf"):
        check(doc)


def test_a_dict_may_share_a_list_between_fields():
    loon = [2000] * 12
    doc = hh(loon=loon, partner_loon=loon)
    assert check(doc)["regelingen"]["zorgtoeslag"]["maandbedragen"] == check(
        hh(loon=[2000] * 12, partner_loon=[2000] * 12))["regelingen"]["zorgtoeslag"]["maandbedragen"]


def test_at_most_fifty_problems_are_listed():
    doc = hh(loon=2000)
    doc["personen"] += [1] * 500
    with pytest.raises(InvoerFout) as e:
        check(doc)
    assert len(e.value.problemen) == 51 and "en nog" in e.value.problemen[-1][1]
    assert len(str(e.value)) < 10_000


# --- the bomb through every entry point ------------------------------------------------------------------------
_METEN = """
import json, resource, subprocess, sys, time
begin = time.perf_counter()
r = subprocess.run([sys.executable, "-m", "checker", *sys.argv[1:]], capture_output=True, text=True)
print(json.dumps({"rc": r.returncode, "uit": r.stdout, "fout": r.stderr, "s": time.perf_counter() - begin,
                  "kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def _cli_gemeten(*args: str) -> dict:
    """The command line in a fresh process, with its time and its peak memory (the only child of a small Python
    that measures it; ru_maxrss is in kB on Linux)."""
    r = subprocess.run([sys.executable, "-c", _METEN, *args], cwd=REPO, capture_output=True, text=True, timeout=120)
    return json.loads(r.stdout)


def test_cli_check_refuses_the_bomb_fast_short_and_small(bomfile):
    # before issue 14: 14 s, 226 MB of output, exit 2; now a cold start (about 0.5 s) and one line
    uit = _cli_gemeten("check", str(bomfile))
    assert uit["rc"] == 2
    assert uit["uit"] == "" and len(uit["fout"]) < 400 and "Traceback" not in uit["fout"]
    assert "lol.yaml" in uit["fout"] and "verwijzingen" in uit["fout"]
    assert uit["s"] < 3.0
    assert uit["kb"] < 200 * 1024


def test_cli_hervorming_refuses_a_bomb_reform(tmp_path):
    pad = tmp_path / "ref.yaml"
    pad.write_text(bom(veld="omschrijving", kop="schema: 1\nnaam: bom\njaar: 2026\nwijzigingen: {}\n")
                   .replace("personen: [{id: a, rol: aanvrager, leeftijd: 40}]\n", ""), encoding="utf-8")
    uit = _cli_gemeten("hervorming", str(pad), "alleenstaande-minimumloon")
    assert uit["rc"] == 2 and "te veel waarden" in uit["fout"] and len(uit["fout"]) < 400
    assert uit["s"] < 3.0 and uit["kb"] < 200 * 1024


@pytest.mark.parametrize("aanroep", [
    lambda pad: check(str(pad)),
    lambda pad: check(pad, jaar=2025),
    lambda pad: scan(str(pad), van=0, tot=100, stap=10),
    lambda pad: hervorming(REPO / "hervormingen" / "standaardpremie-plus-100.yaml", str(pad)),
])
def test_the_python_api_refuses_the_bomb_in_bounded_time_and_memory(bomfile, aanroep):
    begin, rss = time.perf_counter(), _rss()
    with pytest.raises(InvoerFout) as e:
        aanroep(bomfile)
    assert time.perf_counter() - begin < 1.0 and _rss() - rss < 200 * MB
    assert e.value.problemen[0][0] == "bestand" and len(str(e.value)) < 300


def test_the_python_api_refuses_a_bomb_reform(tmp_path):
    pad = tmp_path / "ref.yaml"
    pad.write_text(bom(veld="omschrijving", kop="schema: 1\nnaam: bom\njaar: 2026\n")
                   .replace("personen: [{id: a, rol: aanvrager, leeftijd: 40}]\n", ""), encoding="utf-8")
    with pytest.raises(InvoerFout) as e:
        hervorming(str(pad), hh(loon=2000))
    assert e.value.problemen[0][0] == "hervorming" and "te veel waarden" in str(e.value)


def test_web_upload_of_the_bomb_is_400_with_a_small_page(client):
    import io
    begin, rss = time.perf_counter(), _rss()
    r = client.post("/bereken", data={"actie": "bestand", "bestand": (io.BytesIO(bom().encode()), "lol.yaml")},
                    content_type="multipart/form-data")
    assert time.perf_counter() - begin < 1.0 and _rss() - rss < 200 * MB
    assert r.status_code == 400 and len(r.data) < 50_000
    assert "verwijzingen" in r.get_data(as_text=True) and "lol, lol" not in r.get_data(as_text=True)


@pytest.mark.parametrize("route,veld", [("/bereken", {"actie": "tekst"}), ("/bereken", {"actie": "aanpassen"}),
                                        ("/afdruk", {})])
def test_web_form_text_with_the_bomb_is_400(client, route, veld):
    r = client.post(route, data={**veld, "tekst": bom()})
    assert r.status_code == 400 and len(r.data) < 50_000 and "verwijzingen" in r.get_data(as_text=True)


def test_api_check_with_the_bomb_is_400_with_a_small_body(client):
    begin, rss = time.perf_counter(), _rss()
    r = client.post("/api/check", data=bom(), content_type="text/yaml")
    assert time.perf_counter() - begin < 1.0 and _rss() - rss < 200 * MB
    assert r.status_code == 400 and len(r.data) < 1_000
    assert r.get_json()["fouten"][0]["pad"] == "bestand" and "verwijzingen" in r.get_json()["fouten"][0]["melding"]


def test_api_scan_with_aliases_is_400(client):
    tekst = "huishouden:\n  " + bom().replace("\n", "\n  ").rstrip() + "\nvan: 0\n"
    r = client.post("/api/scan", data=tekst, content_type="text/yaml")
    assert r.status_code == 400 and len(r.data) < 1_000


# --- no message quotes more than a little input ------------------------------------------------------------------
LANG = "Q" * 4_000


@pytest.mark.parametrize("pad", [
    ("gemeente",), ("jaar",), ("peildatum",), ("vermogen",), ("personen", 0, "id"), ("personen", 0, "rol"),
    ("personen", 0, "leeftijd"), ("personen", 0, "inkomen", "loon"), ("personen", 0, "zorgverzekerd"),
    ("personen", 0, LANG), ("wonen",), ("schema",), (LANG,), ("gebeurtenissen",),
])
def test_no_message_quotes_more_than_a_little_of_the_input(client, pad):
    doc = hh(loon=2000, gebeurtenissen=[{"datum": "2026-03-01", "soort": "verhuizing", "persoon": "a"}])
    if pad == ("gebeurtenissen",):
        doc["gebeurtenissen"][0]["persoon"] = LANG
        doc["gebeurtenissen"][0]["soort"] = LANG
    else:
        doel = doc
        for stap in pad[:-1]:
            doel = doel[stap]
        doel[pad[-1]] = LANG if pad[-1] != "loon" else [LANG] * 12
    with pytest.raises(InvoerFout) as e:
        check(doc)
    assert "Q" * 201 not in str(e.value)
    r = client.post("/api/check", json=doc)
    assert r.status_code == 400 and "Q" * 201 not in r.get_data(as_text=True)


@pytest.mark.parametrize("ref", [
    {"wijzigingen": {LANG: 1}}, {"wijzigingen": {"zorgtoeslag.standaardpremie": LANG}},
    {"wijzigingen": {"huurtoeslag.afbouwpercentage": {LANG: 1}}}, {"gemeenten": {LANG: {}}},
    {"gemeenten": {"alle": {"kwijtschelding": {LANG: 1}}}}, {"signalen_uit": [LANG]}, {LANG: 1}, {"jaar": LANG},
])
def test_no_reform_message_quotes_more_than_a_little_of_the_input(ref):
    with pytest.raises(InvoerFout) as e:
        hervorming({"schema": 1, "naam": "x", "jaar": 2026, **ref}, hh(loon=2000))
    assert "Q" * 201 not in str(e.value)


def test_scan_options_quote_little(client):
    doc = persona_document("ronald-marijke")
    for body in ({"huishouden": doc, "persoon": LANG}, {"huishouden": doc, "bron": LANG}, {"huishouden": doc, LANG: 1},
                 {"huishouden": doc, "van": LANG}):
        r = client.post("/api/scan", json=body)
        assert r.status_code == 400 and "Q" * 201 not in r.get_data(as_text=True)
    r = client.post("/bereken", data={"actie": "tekst", "tekst": json.dumps(doc), "scan_van": LANG})
    assert "Q" * 201 not in r.get_data(as_text=True)


# --- requests from another site ----------------------------------------------------------------------------------
EIGEN = "http://127.0.0.1:8000"
ANDERE_HERKOMST = [{"Origin": "http://evil.example"}, {"Origin": "null"}, {"Origin": "http://127.0.0.1:8001"},
                   {"Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"},
                   {"Sec-Fetch-Site": "cross-site", "Origin": EIGEN}]


def _posts():
    doc = persona_document("alleenstaande-minimumloon")
    return [("/api/check", {"json": doc}), ("/api/scan", {"json": {"huishouden": doc, "van": 0, "tot": 100}}),
            ("/bereken", {"data": {"actie": "tekst", "tekst": json.dumps(doc)}}),
            ("/afdruk", {"data": {"tekst": json.dumps(doc)}})]


@pytest.mark.parametrize("koppen", ANDERE_HERKOMST)
def test_a_post_from_another_site_is_403_on_every_route(client, koppen):
    for route, body in _posts():
        r = client.post(route, headers=koppen, base_url=EIGEN, **body)
        assert r.status_code == 403, (route, koppen)
        tekst = r.get_data(as_text=True)
        assert "andere website" in tekst and len(r.data) < 20_000
        if route.startswith("/api/"):
            assert r.get_json()["fouten"][0]["melding"].startswith("Dit verzoek komt van een andere website")


@pytest.mark.parametrize("koppen", [{"Origin": EIGEN}, {"Sec-Fetch-Site": "same-origin"},
                                    {"Sec-Fetch-Site": "same-origin", "Origin": "null"},
                                    {"Sec-Fetch-Site": "none"}, {}])
def test_a_post_from_this_page_or_without_a_browser_works(client, koppen):
    for route, body in _posts():
        r = client.post(route, headers=koppen, base_url=EIGEN, **body)
        assert r.status_code == 200, (route, koppen, r.get_data(as_text=True)[:300])


def test_reading_from_another_site_is_allowed(client):
    # a link from elsewhere to the page opens it; only computing requests must come from the page itself
    r = client.get("/?persona=ronald-marijke", headers={"Sec-Fetch-Site": "cross-site"}, base_url=EIGEN)
    assert r.status_code == 200


@pytest.fixture(scope="module")
def server():
    s = maak_server(0, maak_app())
    draad = threading.Thread(target=s.serve_forever, daemon=True)
    draad.start()
    yield s
    s.shutdown()
    draad.join(timeout=5)
    s.server_close()


def _http(server, methode: str, pad: str, body: bytes | None = None, koppen: dict | None = None):
    verbinding = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        verbinding.request(methode, pad, body=body, headers=koppen or {})
        r = verbinding.getresponse()
        return r.status, dict(r.getheaders()), r.read()
    finally:
        verbinding.close()


def test_the_real_server_names_no_versions_and_refuses_other_sites(server):
    status, koppen, _ = _http(server, "GET", "/")
    assert status == 200 and "Server" not in koppen
    assert not any("werkzeug" in v.lower() or "python" in v.lower() for v in koppen.values())
    doc = json.dumps(persona_document("alleenstaande-minimumloon")).encode()
    eigen = f"http://127.0.0.1:{server.port}"
    status, koppen, body = _http(server, "POST", "/api/check", doc,
                                 {"Content-Type": "application/json", "Origin": "http://evil.example"})
    assert status == 403 and "Server" not in koppen and "andere website" in body.decode()
    status, _, _ = _http(server, "POST", "/api/check", doc, {"Content-Type": "application/json", "Origin": eigen})
    assert status == 200
    status, _, _ = _http(server, "POST", "/api/check", doc, {"Content-Type": "application/json"})  # curl
    assert status == 200


def test_a_port_in_use_is_a_dutch_message_and_exit_2(capsys):
    with socket.socket() as bezet:
        bezet.bind(("127.0.0.1", 0))
        bezet.listen(1)
        poort = bezet.getsockname()[1]
        assert cli.main(["web", "--poort", str(poort)]) == 2
    fout = capsys.readouterr()
    assert f"poort {poort} is al in gebruik" in fout.err and "--poort" in fout.err
    assert "Port" not in fout.err and "Traceback" not in fout.err and "http://" not in fout.out


# --- oversized bodies and forms ----------------------------------------------------------------------------------
def test_an_oversized_body_is_413_in_dutch(client):
    r = client.post("/api/check", data=b" " * 1_100_000, content_type="application/json")
    assert r.status_code == 413 and "te groot" in r.get_json()["fouten"][0]["melding"]
    r = client.post("/bereken", data={"actie": "tekst", "tekst": "x" * 1_100_000})
    assert r.status_code == 413 and "te groot" in r.get_data(as_text=True) and len(r.data) < 20_000


def test_a_form_of_too_many_parts_is_413(client):
    velden = {f"personen[{i}].id": "x" for i in range(5_000)}
    r = client.post("/bereken", data={"actie": "bereken", **velden}, content_type="multipart/form-data")
    assert r.status_code == 413 and "te groot" in r.get_data(as_text=True)


def test_a_form_of_thousands_of_rows_gives_a_small_page(client):
    # before: 5,000 person rows (150 kB) came back as a 39 MB form page
    velden = {f"personen[{i}].{veld}": waarde
              for i in range(5_000) for veld, waarde in (("id", f"k{i}"), ("rol", "kind"))}
    begin = time.perf_counter()
    r = client.post("/bereken", data={"actie": "bereken", **velden})
    assert time.perf_counter() - begin < 2.0
    assert r.status_code == 400 and len(r.data) < 1_000_000
    assert "te veel: hoogstens 25" in r.get_data(as_text=True)


def test_a_form_text_over_the_household_limit_is_400(client):
    tekst = json.dumps({**hh(loon=2000), "naam": "x"}) + " " * 300_000  # under the form limit, over the file limit
    r = client.post("/bereken", data={"actie": "tekst", "tekst": tekst})
    assert r.status_code == 400 and "te groot" in r.get_data(as_text=True)


def test_a_hidden_form_field_that_is_too_deep_is_ignored_not_a_crash(client):
    pagina = client.get("/?persona=alleenstaande-minimumloon").get_data(as_text=True)
    from werkzeug.datastructures import MultiDict

    from ._html_formulier import formulier_velden
    velden = [(k, v) for k, v in formulier_velden(pagina, "huishouden") if k != "overig"]
    r = client.post("/bereken", data=MultiDict(velden + [("overig", "[" * 100_000), ("actie", "bereken")]))
    assert r.status_code == 200


# --- reform values and the bounds of their unit ----------------------------------------------------------------
@pytest.mark.parametrize("jaar", parameters.ondersteunde_jaren())
def test_every_parameter_value_lies_within_its_bounds(jaar):
    p = parameters.laad(jaar)
    bekend = eenheden.eenheden()
    for pid in p.ids():
        for r in p._records[pid]:
            assert r.eenheid in bekend, (pid, r.eenheid)
            assert r.grensfouten(pid, r.waarde) == [], pid


def test_every_municipal_policy_value_lies_within_its_bounds():
    for g in gemeenten.bekende_gemeenten():
        beleid = gemeenten.laad(g)
        for onderdeel in ("kwijtschelding", "smi"):
            for sleutel, r in getattr(beleid, onderdeel).items():
                assert r.eenheid in eenheden.eenheden(), (g, sleutel)
                fouten = eenheden.fouten(sleutel, r.waarde, r.eenheid, oud=r.waarde, min=r.min, max=r.max)
                assert fouten == [], (g, sleutel)
    standaard = gemeenten.laad("standaard")
    assert all(r.eenheid for o in ("kwijtschelding", "smi") for r in getattr(standaard, o).values())


def test_the_units_say_what_they_mean():
    e = eenheden.eenheden()
    assert (e["fractie"].min, e["fractie"].max) == (0, 1)
    assert (e["euro/jaar"].min, e["euro/jaar"].max) == (0, 1e9)  # more is a typing error
    assert (e["maanden"].min, e["maanden"].max) == (0, 12)
    assert (e["jaar"].min, e["jaar"].max) == (0, 130)  # ages
    assert e["dagen"].min == 0 and e["dagen"].max is not None  # a deadline must stay a date


PLUS = {"schema": 1, "naam": "test", "jaar": 2026}


@pytest.mark.parametrize("wijziging,pad,grenzen", [
    ({"huurtoeslag.afbouwpercentage": {"eenpersoonshuishouden": -3, "meerpersoonshuishouden": 0.22}},
     "wijzigingen.huurtoeslag.afbouwpercentage.eenpersoonshuishouden",
     "van 0 tot en met 1 zijn (eenheid fractie/jaar)"),
    ({"zorgtoeslag.percentage_boven_drempel": 1.5}, "wijzigingen.zorgtoeslag.percentage_boven_drempel",
     "van 0 tot en met 1 zijn (eenheid fractie)"),
    ({"zorgtoeslag.standaardpremie": -1}, "wijzigingen.zorgtoeslag.standaardpremie",
     "van 0 tot en met 1.000.000.000 zijn (eenheid euro/jaar)"),
    ({"zorgtoeslag.vermogensgrens_partners": 1e12}, "wijzigingen.zorgtoeslag.vermogensgrens_partners",
     "van 0 tot en met 1.000.000.000 zijn (eenheid euro)"),
    ({"algemeen.aow_leeftijd": 500}, "wijzigingen.algemeen.aow_leeftijd", "van 0 tot en met 130 zijn (eenheid jaar)"),
    ({"inkomstenbelasting.iack_maanden_kind": 13}, "wijzigingen.inkomstenbelasting.iack_maanden_kind",
     "van 0 tot en met 12 zijn (eenheid maanden)"),
    ({"algemeen.awir_wijziging_doorgeven_dagen": -1}, "wijzigingen.algemeen.awir_wijziging_doorgeven_dagen",
     "van 0 tot en met 3660 zijn (eenheid dagen)"),
    ({"wga.dagen_per_maand": 40}, "wijzigingen.wga.dagen_per_maand", "van 0 tot en met 31 zijn (eenheid dagen)"),
    ({"algemeen.awir_aanvraag_uiterlijk_maand": 8.5}, "wijzigingen.algemeen.awir_aanvraag_uiterlijk_maand",
     "geheel getal"),
    ({"inkomstenbelasting.tarieftabel_box1": [{"vanaf": 0, "basis": 0, "tarief": 0.081},
                                              {"vanaf": 38883, "basis": 3149, "tarief": 2},
                                              {"vanaf": 78426, "basis": 18001, "tarief": 0.495}]},
     "wijzigingen.inkomstenbelasting.tarieftabel_box1[1].tarief", "van 0 tot en met 1 zijn (eenheid fractie)"),
    ({"inkomstenbelasting.tarieftabel_box1": [{"vanaf": 0, "basis": 0, "tarief": 0.081},
                                              {"vanaf": "veel", "basis": 3149, "tarief": 0.3756},
                                              {"vanaf": 78426, "basis": 18001, "tarief": 0.495}]},
     "wijzigingen.inkomstenbelasting.tarieftabel_box1[1].vanaf", "verwacht een getal"),
    ({"zorgtoeslag.standaardpremie": math.inf}, "wijzigingen.zorgtoeslag.standaardpremie", "eindig"),
])
def test_a_reform_value_outside_its_bounds_is_bad_input_naming_id_and_bounds(wijziging, pad, grenzen):
    with pytest.raises(InvoerFout) as e:
        hervorming({**PLUS, "wijzigingen": wijziging}, hh(loon=2000))
    assert [p for p, _ in e.value.problemen] == [pad]
    assert grenzen in e.value.problemen[0][1]


@pytest.mark.parametrize("onderdeel,sleutel,waarde,grenzen", [
    ("kwijtschelding", "norm_percentage_bijstandsnorm", 1.5, "van 0 tot en met 1 zijn (eenheid fractie)"),
    ("kwijtschelding", "extra_financiele_middelen", -100, "van 0 tot en met 1.000.000.000 zijn (eenheid euro)"),
    ("smi", "maximale_duur_maanden", 13, "van 0 tot en met 12 zijn (eenheid maanden)"),
    ("smi", "maximumleeftijd_kind", 200, "van 0 tot en met 130 zijn (eenheid jaar)"),
    ("kwijtschelding", "regeling_jaren", 20260, "van 1850 tot en met 2200 zijn (eenheid jaartal)"),
])
def test_a_municipal_policy_value_outside_its_bounds_is_bad_input(onderdeel, sleutel, waarde, grenzen):
    for g in ("alle", "standaard", "zuidplas"):
        with pytest.raises(InvoerFout) as e:
            hervorming({**PLUS, "gemeenten": {g: {onderdeel: {sleutel: waarde}}}}, hh(loon=2000))
        assert [p for p, _ in e.value.problemen] == [f"gemeenten.{g}.{onderdeel}.{sleutel}"]
        assert grenzen in e.value.problemen[0][1] and str(waarde) in e.value.problemen[0][1]


@pytest.mark.parametrize("wijziging", [
    {"zorgtoeslag.percentage_boven_drempel": 0}, {"zorgtoeslag.percentage_boven_drempel": 1},
    {"zorgtoeslag.standaardpremie": 0}, {"algemeen.aow_leeftijd": 130},
    {"bijstand.vrijlating_alleenstaande_ouder_maanden": 36},  # its own max (120) goes before the unit's (12)
])
def test_values_on_the_bounds_are_accepted(wijziging):
    assert hervorming({**PLUS, "wijzigingen": wijziging}, hh(loon=2000))["huishoudens"]


def test_the_issue_reform_no_longer_pays_more_huurtoeslag_than_the_rent():
    ref = {**PLUS, "wijzigingen": {"huurtoeslag.afbouwpercentage": {"eenpersoonshuishouden": -3,
                                                                   "meerpersoonshuishouden": -3}}}
    with pytest.raises(InvoerFout, match=r"huurtoeslag\.afbouwpercentage"):
        hervorming(ref, hh(loon=2000, wonen={"soort": "huur", "kale_huur": 700}))


def test_cli_reform_out_of_bounds_is_exit_2_naming_id_and_bounds(tmp_path):
    pad = tmp_path / "ref.yaml"
    pad.write_text("schema: 1\nnaam: x\njaar: 2026\nwijzigingen:\n  huurtoeslag.afbouwpercentage: "
                   "{eenpersoonshuishouden: -3, meerpersoonshuishouden: 0.22}\n"
                   "gemeenten: {alle: {kwijtschelding: {norm_percentage_bijstandsnorm: 1.5}}}\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "checker", "hervorming", str(pad), "alleenstaande-minimumloon"],
                       cwd=REPO, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "wijzigingen.huurtoeslag.afbouwpercentage.eenpersoonshuishouden: moet van 0 tot en met 1 zijn" in r.stderr
    assert "gemeenten.alle.kwijtschelding.norm_percentage_bijstandsnorm: moet van 0 tot en met 1 zijn" in r.stderr


def _parameterbestand(tmp_path, extra: str) -> Path:
    pad = tmp_path / "x.yaml"
    pad.write_text("regeling: zorgtoeslag\nparameters:\n  - id: zorgtoeslag.iets\n    omschrijving: iets\n"
                   f"    geldig_vanaf: 2026-01-01\n    bron: x\n    zekerheid: A\n{extra}", encoding="utf-8")
    return pad


@pytest.mark.parametrize("extra,melding", [
    ("    waarde: 1.5\n    eenheid: fractie\n", "zorgtoeslag.iets: moet van 0 tot en met 1 zijn"),
    ("    waarde: 40\n    eenheid: dagen\n    max: 31\n", "zorgtoeslag.iets: moet van 0 tot en met 31 zijn"),
    ("    waarde: 1\n    eenheid: lichtjaar\n", "eenheid 'lichtjaar' staat niet in rules/eenheden.yaml"),
])
def test_the_loader_refuses_a_value_outside_its_bounds_or_an_unknown_unit(tmp_path, extra, melding):
    with pytest.raises(RegelFout, match=re.escape(melding)):
        parameters._lees_bestand(_parameterbestand(tmp_path, extra), 2026)


def test_a_gemeente_is_a_name_never_a_path():
    for naam in ("../gemeenten/standaard", "../../personas/ronald-marijke", "/etc/passwd"):
        with pytest.raises(InvoerFout, match="onbekende gemeente"):
            check(hh(loon=2000, gemeente=naam))
        with pytest.raises(InvoerFout):
            gemeenten.laad(naam)


def test_an_absurd_year_is_bad_input_not_an_internal_error():
    with pytest.raises(InvoerFout, match="jaar"):
        check("ronald-marijke", jaar=99_999)


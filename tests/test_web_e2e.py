"""The web page end to end in headless Chromium (Debian's chromium, driven by Playwright; issue 8).

Playwright is part of the test extra, so without it these tests fail. Debian's chromium (/usr/bin/chromium) is a
system package: on a developer's machine without it the tests are skipped with the reason; CI (.ci/run) installs it
and always sets SAMENLOOP_E2E=verplicht, which turns a missing browser into a failure instead of a skip.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from checker import check
from checker.web import formulier, maak_app, maak_server
from checker.web.app import persona_document

CHROMIUM = Path("/usr/bin/chromium")
ARGUMENTEN = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
VERPLICHT = os.environ.get("SAMENLOOP_E2E") == "verplicht"
WACHT_MS = 15_000


def _zonder(reden: str):
    if VERPLICHT:
        pytest.fail(f"{reden}, maar SAMENLOOP_E2E=verplicht (CI)")
    pytest.skip(reden)


@pytest.fixture(scope="module")
def basis_url():
    server = maak_server(0, maak_app())  # the server `samenloop web` runs, on a free port
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    yield f"http://127.0.0.1:{server.port}"
    server.shutdown()
    draad.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright   # in the test extra: missing is a failure, never a skip
    if not CHROMIUM.is_file():
        _zonder(f"{CHROMIUM} ontbreekt: apt-get install chromium (Debian)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGUMENTEN)
        yield b
        b.close()


@pytest.fixture
def pagina(browser, basis_url):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(WACHT_MS)
    p = context.new_page()
    elders = []
    # no external assets: every request stays on this server (or is inline data)
    p.on("request", lambda r: None if r.url.startswith((basis_url, "data:")) else elders.append(r.url))
    yield p
    context.close()
    assert elders == [], f"verzoeken naar buiten: {elders}"


def _laad_en_bereken(p, basis_url, persona="ronald-marijke"):
    p.goto(f"{basis_url}/?persona={persona}")
    p.click("#knop-bereken")
    p.wait_for_selector("#tabel-regelingen")


def _niet_gebruik_zorgtoeslag(p):
    return p.locator('li[data-code="NIET_GEBRUIK"][data-regelingen~="zorgtoeslag"]')


def test_persona_then_receiving_zorgtoeslag_removes_niet_gebruik(pagina, basis_url):
    """Ronald en Marijke receive no zorgtoeslag but have a right to it (NIET_GEBRUIK, contract section 4). Enter
    the computed monthly amount as received, and the signal goes."""
    _laad_en_bereken(pagina, basis_url)
    tabel = pagina.locator("#tabel-regelingen")
    assert tabel.locator('tr[data-regeling="zorgtoeslag"] td').nth(1).inner_text() == "ja"
    assert _niet_gebruik_zorgtoeslag(pagina).count() == 1

    maand = check("ronald-marijke")["regelingen"]["zorgtoeslag"]["maandbedragen"][0]
    pagina.click("text=Gegevens aanpassen")
    pagina.fill(f"#{formulier.veld_id('ontvangt.zorgtoeslag')}", formulier.toon_getal(maand))
    pagina.click("#knop-bereken")
    pagina.wait_for_selector("#tabel-regelingen")
    assert _niet_gebruik_zorgtoeslag(pagina).count() == 0
    assert pagina.locator('li[data-code="NIET_GEBRUIK"]').count() >= 1  # the other toeslagen still not received


def test_vermogen_above_the_zorgtoeslag_limit_raises_vermogensgrens(pagina, basis_url):
    """Wet op de zorgtoeslag art. 3 lid 2 with the 2026 limit for a household with a toeslagpartner,
    € 184.633 (Belastingdienst, 'Vermogen' zorgtoeslag 2026): one euro above it, no zorgtoeslag and a
    VERMOGENSGRENS signal."""
    assert persona_document("ronald-marijke")["vermogen"] < 184_633 * 0.95  # no signal to begin with
    _laad_en_bereken(pagina, basis_url)
    signaal = pagina.locator('li[data-code="VERMOGENSGRENS"][data-regelingen~="zorgtoeslag"]')
    assert signaal.count() == 0
    pagina.click("text=Gegevens aanpassen")
    pagina.fill(f"#{formulier.veld_id('vermogen')}", "184.634")
    pagina.keyboard.press("Enter")  # Enter in a field submits with the form's first button: Bereken
    pagina.wait_for_selector("#tabel-regelingen")
    assert signaal.count() == 1
    assert pagina.locator('#tabel-regelingen tr[data-regeling="zorgtoeslag"] td').nth(1).inner_text() == "nee"


def test_print_view_has_the_checklist(pagina, basis_url):
    _laad_en_bereken(pagina, basis_url, "ronald-marijke-thuis")
    pagina.click("#knop-afdrukblad")
    pagina.wait_for_selector(".blad")
    assert pagina.locator("h1").inner_text().startswith("Uw overzicht")
    uit = check("ronald-marijke-thuis")
    taken = [s for s in uit["signalen"] if s["ernst"] != "info"]
    assert pagina.locator("#checklist-doen tbody tr").count() == len([s for s in taken if not s["verlopen"]])
    assert pagina.locator("#checklist-verstreken tbody tr").count() == len([s for s in taken if s["verlopen"]])
    assert pagina.locator("#knop-afdrukken").is_visible()  # the script runs (no inline script needed)
    pagina.emulate_media(media="print")
    assert not pagina.locator("header.kop").is_visible()
    assert not pagina.locator("#knop-afdrukken").is_visible()
    assert pagina.locator("#checklist-doen").is_visible()


def test_print_sheet_for_the_resident_in_the_browser(pagina, basis_url, tmp_path):
    """The sheet handed to the resident (issue 13): the resident's own texts in the second person, deadlines that have
    passed apart under "Termijn verstreken", no referral meant for the worker; saved as a screenshot (and, with
    SAMENLOOP_AFDRUKBLAD_PNG set, also at that path: the README shows it)."""
    _laad_en_bereken(pagina, basis_url, "ronald-marijke-thuis")
    pagina.click("#knop-afdrukblad")
    pagina.wait_for_selector(".blad")
    blad = pagina.locator(".blad")
    tekst = blad.inner_text()
    uit = check("ronald-marijke-thuis")
    verlopen = [s for s in uit["signalen"] if s["verlopen"] and s["ernst"] != "info"]
    assert verlopen
    kop = pagina.locator("#kop-verstreken")
    assert kop.is_visible() and kop.inner_text().startswith("Termijn verstreken")
    for s in verlopen:
        assert pagina.locator(f'#checklist-verstreken tr[data-code="{s["code"]}"]').count() >= 1
    for werkinstructie in ("Verwijs naar", "Meld het huishouden", "Laat het huishouden", "Bespreek met"):
        assert werkinstructie not in tekst
    assert "Vraag " in tekst and " u " in tekst
    pagina.set_viewport_size({"width": 900, "height": 1200})
    pagina.emulate_media(media="print")
    pad = tmp_path / "afdrukblad.png"
    pagina.screenshot(path=str(pad), full_page=True)
    assert pad.stat().st_size > 10_000
    doel = os.environ.get("SAMENLOOP_AFDRUKBLAD_PNG")
    if doel:
        Path(doel).write_bytes(pad.read_bytes())


def test_keyboard_reaches_bereken_with_a_visible_focus(pagina, basis_url):
    pagina.goto(f"{basis_url}/?persona=ronald-marijke")
    for _ in range(40):
        pagina.keyboard.press("Tab")
        actief = pagina.evaluate("() => [document.activeElement.tagName, document.activeElement.value,"
                                 " document.activeElement.form && document.activeElement.form.id]")
        if actief == ["BUTTON", "bereken", "huishouden"]:
            break
    else:
        pytest.fail("Tab bereikt de knop Bereken niet")
    rand = pagina.evaluate("() => getComputedStyle(document.activeElement).outlineWidth")
    assert float(rand.removesuffix("px")) >= 2
    pagina.keyboard.press("Enter")
    pagina.wait_for_selector("#tabel-regelingen")


def test_an_error_is_shown_at_its_field(pagina, basis_url):
    pagina.goto(f"{basis_url}/?persona=ronald-marijke")
    veld = formulier.veld_id("personen[0].inkomen.winst")
    pagina.fill(f"#{veld}", "400; 650")
    pagina.click("#knop-bereken")
    pagina.wait_for_selector(f"#{veld}-fout")
    assert "12 maandbedragen" in pagina.inner_text(f"#{veld}-fout")
    assert pagina.evaluate("() => document.activeElement.id") == "foutoverzicht"


def test_a_form_on_another_page_cannot_make_samenloop_compute(pagina, basis_url):
    """Issue 14: a page that is not samenloop's own (here a page without an origin, as any other site would be)
    submits a household to samenloop; the browser says so (Sec-Fetch-Site) and samenloop answers 403."""
    import html
    import json
    tekst = html.escape(json.dumps(persona_document("ronald-marijke")), quote=True)
    pagina.set_content(f'<form id="f" method="post" action="{basis_url}/afdruk">'
                       f'<input type="hidden" name="tekst" value="{tekst}"></form>')
    with pagina.expect_navigation() as navigatie:
        pagina.evaluate("() => document.getElementById('f').submit()")
    assert navigatie.value.status == 403
    assert "andere website" in pagina.inner_text("body")
    # and samenloop's own page still computes (Sec-Fetch-Site: same-origin)
    _laad_en_bereken(pagina, basis_url)

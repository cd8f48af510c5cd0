"""Signal rules: NIET_GEBRUIK and VERMOGENSGRENS fire exactly where their situation holds."""
import pytest

from checker import check, signalen
from checker.fouten import RegelFout

from .helpers import huishouden as hh


def codes(uitkomst):
    return [s["code"] for s in uitkomst["signalen"]]


def test_niet_gebruik_fires_when_entitled_and_not_received():
    uit = check(hh(1500, None, 2026, ontvangt_zt=0))
    sig = next(s for s in uit["signalen"] if s["code"] == "NIET_GEBRUIK")
    assert sig["instantie"] == "Dienst Toeslagen" and sig["regelingen"] == ["zorgtoeslag"]
    assert sig["bedrag"] == uit["regelingen"]["zorgtoeslag"]["jaarbedrag"] > 0
    # Awir art. 15 lid 1 (text 2026): apply up to and including 31 December of the next year
    assert sig["datum"] == "2027-12-31"
    assert "Awir art. 15 lid 1" in sig["bronnen"]


def test_niet_gebruik_silent_when_received_or_not_entitled():
    assert "NIET_GEBRUIK" not in codes(check(hh(1500, None, 2026, ontvangt_zt=120)))
    assert "NIET_GEBRUIK" not in codes(check(hh(6000, None, 2026)))  # TI 72.000: no zorgtoeslag


def test_niet_gebruik_2025_deadline_and_passed_deadline():
    # An application over berekeningsjaar 2025 is made in 2026, under Awir art. 15 lid 1 as it reads from 1 January
    # 2026: "tot en met 31 december van het jaar volgend op het berekeningsjaar" (the 2025 text said "tot 1 september");
    # the Awir keeps only the interest articles for earlier years (art. 47b), and art. 19 lid 3 (new in 2026) handles
    # applications made on or after 1 September of the following year.
    uit = check(hh(1500, None, 2025))  # peildatum 2025-06-15: within the term
    sig = next(s for s in uit["signalen"] if s["code"] == "NIET_GEBRUIK")
    assert sig["datum"] == "2026-12-31" and sig["ernst"] == "midden" and sig["verlopen"] is False
    # 1 September 2026 was past the old term; under the 2026 text it is still in time
    uit = check(hh(1500, None, 2025, peildatum="2026-09-01"))
    sig = next(s for s in uit["signalen"] if s["code"] == "NIET_GEBRUIK")
    assert sig["regel"] == "niet_gebruik_toeslag" and sig["verlopen"] is False
    laat = hh(1500, None, 2025, peildatum="2027-01-01")
    sig = next(s for s in check(laat)["signalen"] if s["code"] == "NIET_GEBRUIK")
    assert sig["ernst"] == "laag" and "voorbij" in sig["titel"]
    assert sig["verlopen"] is True and sig["datum"] == "2026-12-31"


def test_vermogensgrens_above_the_limit():
    # 2026 single limit € 146.011 (Wzt art. 3 lid 1)
    uit = check(hh(1500, None, 2026, vermogen=146_012))
    assert uit["regelingen"]["zorgtoeslag"]["recht"] is False
    sig = next(s for s in uit["signalen"] if s["code"] == "VERMOGENSGRENS")
    assert sig["ernst"] == "hoog" and sig["bedrag"] > 0
    assert "NIET_GEBRUIK" not in codes(uit)


def zorgtoeslag_codes(uitkomst):
    return [s["code"] for s in uitkomst["signalen"] if s["regelingen"] == ["zorgtoeslag"]]


def test_vermogensgrens_within_5_percent_below_the_limit():
    assert "VERMOGENSGRENS" in zorgtoeslag_codes(check(hh(1500, None, 2026, vermogen=146_011)))
    assert "VERMOGENSGRENS" in zorgtoeslag_codes(check(hh(1500, None, 2026, vermogen=0.95 * 146_011 + 1)))
    assert "VERMOGENSGRENS" not in zorgtoeslag_codes(check(hh(1500, None, 2026, vermogen=0.95 * 146_011 - 1)))


def test_vermogensgrens_silent_when_no_toeslag_would_be_paid_anyway():
    # TI 72.000 gives no zorgtoeslag, so the vermogen is not what stops it
    assert "VERMOGENSGRENS" not in zorgtoeslag_codes(check(hh(6000, None, 2026, vermogen=500_000)))


def test_signals_are_ranked_by_ernst():
    uit = check(hh(1500, None, 2026, vermogen=146_012))
    volgorde = [signalen.ERNST_VOLGORDE[s["ernst"]] for s in uit["signalen"]]
    assert volgorde == sorted(volgorde)


def test_a_rule_with_an_unknown_field_in_its_text_names_the_rule(tmp_path):
    (tmp_path / "x.yaml").write_text(
        "regels:\n  - naam: stuk\n    code: TEST\n    ernst: info\n    feit: regeling\n    als: {recht: true}\n"
        "    titel: '{bestaat_niet}'\n    uitleg: x\n    actie: x\n    bewoner: x\n    instantie: x\n"
        "    regelingen: []\n"
        "    bronnen: [x]\n", encoding="utf-8")
    # refused when the rules are loaded (checked against the declared fields of the fact type), not first when the
    # rule fires
    with pytest.raises(RegelFout, match="'stuk'.*bestaat_niet"):
        signalen.lees_regels(tmp_path)
    # and a fact that lacks a field a text asks for (an optional field) still names the rule when it fires
    regel = signalen.SignaalRegel(naam="stuk", code="TEST", ernst="info", feit="regeling", als={"recht": True},
                                  titel="{oude_huur}", uitleg="x", actie="x", bewoner="x", instantie="x",
                                  regelingen=[], bronnen=["x"])
    with pytest.raises(RegelFout, match="stuk"):
        signalen.maak_signaal(regel, {"recht": True})


def test_a_malformed_rule_file_names_the_rule(tmp_path):
    (tmp_path / "x.yaml").write_text("regels:\n  - naam: half\n    code: TEST\n", encoding="utf-8")
    with pytest.raises(RegelFout, match="half"):
        signalen.lees_regels(tmp_path)


def test_kindgebonden_budget_comes_by_itself_with_another_toeslag():
    # belastingdienst.nl: "Kindgebonden budget hoeft u niet zelf aan te vragen als u al een toeslag van ons krijgt."
    def gezin(ontvangt_zt):
        h = hh(1500, None, 2026, ontvangt_zt=ontvangt_zt)
        h["personen"].append({"id": "k", "rol": "kind", "geboortedatum": "2018-03-01"})
        return check(h)

    def kgb(uit):
        return [s for s in uit["signalen"]
                if s["code"] == "NIET_GEBRUIK" and s["regelingen"] == ["kindgebonden_budget"]]

    [s] = kgb(gezin(0))        # no toeslag at all: apply
    assert s["ernst"] == "midden"
    [s] = kgb(gezin(129))      # zorgtoeslag received: it should come by itself; check the beschikking
    assert s["ernst"] == "laag" and "vanzelf" in s["uitleg"]


def test_grammar_kindgebonden_budget_is_a_het_word():
    # "het kindgebonden budget": no "kindgebonden budget, maar die" (issue 13); the title reads right for every toeslag
    h = hh(1500, None, 2026)
    h["personen"].append({"id": "k", "rol": "kind", "geboortedatum": "2018-03-01"})
    uit = check(h)
    teksten = [" ".join((s["titel"], s["uitleg"], s["actie"], s["bewoner"])) for s in uit["signalen"]]
    assert any("kindgebonden budget" in t for t in teksten)
    assert not any("budget, maar die" in t or "budget maar die" in t for t in teksten)


def test_grammar_langs_het_loon_in_the_reform_report():
    import io
    from rich.console import Console
    from checker import rapport
    buiten = io.StringIO()
    scan = {"bron": "loon", "persoon": "ronald", "van": 0.0, "tot": 3000.0,
            "sprongen_nieuw": [{"uitleg": "x"}], "sprongen_vervallen": []}
    uit = {"hervorming": "test", "jaar": 2026, "huishoudens": [{
        "naam": "H", "tegen_de_richting": False, "signalen_nieuw": [], "signalen_vervallen": [], "scan": scan,
        "basis": {"netto_besteedbaar_inkomen": 1.0}, "hervorming": {"netto_besteedbaar_inkomen": 1.0},
        "verschil": {"netto_besteedbaar_inkomen": 0.0, "regelingen": {}}}]}
    rapport.toon_hervorming(uit, Console(file=buiten, width=200))
    assert "langs het loon" in buiten.getvalue() and "langs de loon" not in buiten.getvalue()


def test_every_rule_speaks_to_the_resident_in_plain_dutch():
    # issue 13: the print sheet is for the resident: second person ("u", "uw"), short sentences (B1: at most about 25
    # words, about 15 on average), and no instruction meant for the worker
    import re
    for r in signalen.lees_regels():
        for tekst in (r.bewoner, r.bewoner_verlopen):
            if tekst is None:
                continue
            assert {"u", "uw"} & set(re.findall(r"\w+", tekst.lower())), r.naam
            for werk in ("verwijs", "het huishouden", "meld het huishouden", "laat het huishouden", "bespreek met",
                         "de aanvrager"):
                assert werk not in tekst.lower(), (r.naam, werk)
            zinnen = [z for z in re.split(r"(?<=[.?!])\s+", " ".join(tekst.split())) if z]
            assert max(len(z.split()) for z in zinnen) <= 25, r.naam
            assert sum(len(z.split()) for z in zinnen) / len(zinnen) <= 16, r.naam

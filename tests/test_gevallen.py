"""Every case in tests/gevallen/*.yaml: a household (or a persona), what must come out, and where that comes from.

The format is in tests/gevallen/README.md. This file only reads the cases and compares; it knows no law. Only the
public interface is used (``checker.check``), so a case keeps its meaning whatever changes inside the checker.
"""
from __future__ import annotations

import copy
import datetime as dt
import math
from pathlib import Path

import pytest
import yaml

from checker import check

from .rekensom import IS_GELIJK, RekenFout, reken

MAP = Path(__file__).resolve().parent / "gevallen"
PERSONAS = Path(__file__).resolve().parents[1] / "personas"
GEVALLEN = sorted(MAP.glob("*.yaml"))

# contract section 3 and 4, and GEBEURTENIS_DOORGEVEN (README "Signals"): a misspelt key or code fails the case
REGELINGEN = {"zorgtoeslag", "huurtoeslag", "kindgebonden_budget", "kinderopvangtoeslag", "kinderbijslag", "wga",
              "bijstand", "kwijtschelding", "smi", "inkomstenbelasting"}
CODES = {"KOT_UITLOOP", "KOT_GEEN_RECHT", "SMI_MOGELIJK", "WGA_INKOMENSEIS", "WGA_EINDE_LOONGERELATEERD",
         "WISSELEND_INKOMEN", "TOESLAG_TERUGVORDERING", "HUUR_WIJZIGING_DOORGEVEN", "NIET_GEBRUIK", "VERMOGENSGRENS",
         "KWIJTSCHELDING_MOGELIJK", "KWIJTSCHELDING_GRENS", "BIJSTAND_MOGELIJK", "ARMOEDEVAL",
         "SCHULDEN_MEERDERE_SCHULDEISERS", "GEBEURTENIS_DOORGEVEN"}
GEVAL = {"naam", "bron", "toelichting", "persona", "aanpassingen", "huishouden", "rekensom", "controles", "verwacht"}
VERWACHT = {"regelingen", "signalen"}
REGELING = {"recht", "jaarbedrag", "maandbedragen", "elke_maand", "elke_maand_afgerond_omlaag", "uitleg_bevat"}
SIGNALEN = {"moeten", "mogen_niet", "alleen"}
SIGNAAL_KIEZEN = {"code", "regeling"}
SIGNAAL_TOETSEN = {"regel", "bedrag", "datum", "instantie", "regelingen", "titel_bevat", "uitleg_bevat"}
MARGE = 0.005          # amounts agree to the cent


class GevalFout(ValueError):
    """The case file itself is wrong (an unknown key, a missing source, arithmetic that does not give its value)."""


def _sleutels(waar: str, d, toegestaan: set[str]) -> dict:
    if not isinstance(d, dict):
        raise GevalFout(f"{waar}: verwacht een lijst van sleutels, niet {d!r}")
    onbekend = set(d) - toegestaan
    if onbekend:
        raise GevalFout(f"{waar}: onbekende sleutel(s) {sorted(onbekend)}; toegestaan: {sorted(toegestaan)}")
    return d


def lees(pad: Path) -> dict:
    geval = yaml.safe_load(pad.read_text(encoding="utf-8"))
    _sleutels(pad.name, geval, GEVAL)
    for sleutel in ("naam", "bron", "verwacht"):
        if not geval.get(sleutel):
            raise GevalFout(f"{pad.name}: '{sleutel}' ontbreekt")
    if ("persona" in geval) == ("huishouden" in geval):
        raise GevalFout(f"{pad.name}: geef precies één van 'persona' en 'huishouden'")
    if "aanpassingen" in geval and "persona" not in geval:
        raise GevalFout(f"{pad.name}: 'aanpassingen' alleen bij een persona")
    if "huishouden" in geval and "peildatum" not in geval["huishouden"]:
        raise GevalFout(f"{pad.name}: het huishouden heeft een peildatum nodig "
                        "(anders hangen de signalen van vandaag af)")
    return geval


def huishouden(geval: dict) -> dict:
    if "huishouden" in geval:
        return copy.deepcopy(geval["huishouden"])
    h = yaml.safe_load((PERSONAS / f"{geval['persona']}.yaml").read_text(encoding="utf-8"))
    for sleutel, waarde in (geval.get("aanpassingen") or {}).items():
        if sleutel not in h and sleutel not in ("peildatum", "gemeente"):
            raise GevalFout(f"aanpassingen: {sleutel!r} staat niet in persona {geval['persona']}")
        h[sleutel] = waarde
    return h


def rekensommen(geval: dict) -> dict[str, float]:
    """The named steps under ``rekensom``, in order; each may use the ones before it."""
    namen: dict[str, float] = {}
    for naam, som in (geval.get("rekensom") or {}).items():
        try:
            namen[naam] = reken(som, namen)
        except RekenFout as e:
            raise GevalFout(f"rekensom {naam}: {e}") from e
    for som in geval.get("controles") or []:
        try:
            klopt = reken(som, namen)
        except RekenFout as e:
            raise GevalFout(f"controle {som!r}: {e}") from e
        if klopt is not True and not IS_GELIJK.search(som):
            raise GevalFout(f"controle klopt niet: {som}")
    return namen


def _bedrag(waarde, namen, waar):
    try:
        return reken(waarde, namen)
    except RekenFout as e:
        raise GevalFout(f"{waar}: {e}") from e


def _gelijk(a, b) -> bool:
    return isinstance(a, (int, float)) and not isinstance(a, bool) and abs(a - b) <= MARGE


def toets_regeling(sleutel: str, verwacht: dict, uit: dict, namen: dict) -> list[str]:
    waar = f"regelingen.{sleutel}"
    if sleutel not in REGELINGEN:
        raise GevalFout(f"{waar}: onbekende regeling")
    _sleutels(waar, verwacht, REGELING)
    r, fouten = uit["regelingen"][sleutel], []
    if "recht" in verwacht and r["recht"] is not verwacht["recht"]:
        fouten.append(f"{waar}.recht is {r['recht']}, verwacht {verwacht['recht']}")
    if "jaarbedrag" in verwacht:
        b = _bedrag(verwacht["jaarbedrag"], namen, f"{waar}.jaarbedrag")
        if not _gelijk(r["jaarbedrag"], b):
            fouten.append(f"{waar}.jaarbedrag is {r['jaarbedrag']}, verwacht {b:.2f} ({verwacht['jaarbedrag']})")
    maanden = r["maandbedragen"]
    if "maandbedragen" in verwacht:
        lijst = verwacht["maandbedragen"]
        if not isinstance(lijst, list) or len(lijst) != 12:
            raise GevalFout(f"{waar}.maandbedragen: verwacht 12 waarden (null = niet getoetst)")
        for m, (w, v) in enumerate(zip(maanden, lijst, strict=True)):
            if v is not None and not _gelijk(w, _bedrag(v, namen, f"{waar}.maandbedragen[{m}]")):
                fouten.append(f"{waar}.maandbedragen[{m}] is {w}, verwacht {v}")
    if "elke_maand" in verwacht:
        b = _bedrag(verwacht["elke_maand"], namen, f"{waar}.elke_maand")
        if not all(_gelijk(w, b) for w in maanden):
            fouten.append(f"{waar}.maandbedragen zijn {maanden}, verwacht elke maand {b:.2f}")
    if "elke_maand_afgerond_omlaag" in verwacht:
        b = _bedrag(verwacht["elke_maand_afgerond_omlaag"], namen, f"{waar}.elke_maand_afgerond_omlaag")
        if [math.floor(w) for w in maanden] != [b] * 12:
            fouten.append(f"{waar}.maandbedragen zijn {maanden}, verwacht elke maand {b:.0f} in hele euro's omlaag")
    for tekst in verwacht.get("uitleg_bevat") or []:
        if not any(tekst in regel for regel in r["uitleg"]):
            fouten.append(f"{waar}.uitleg noemt {tekst!r} niet: {r['uitleg']}")
    return fouten


def _kies(signalen: list[dict], code: str, regeling: str | None) -> list[dict]:
    if code not in CODES:
        raise GevalFout(f"onbekende signaalcode {code!r}")
    return [s for s in signalen if s["code"] == code and (regeling is None or regeling in s["regelingen"])]


def toets_signalen(verwacht: dict, uit: dict, namen: dict) -> list[str]:
    _sleutels("signalen", verwacht, SIGNALEN)
    signalen, fouten = uit["signalen"], []
    aanwezig = sorted({s["code"] for s in signalen})
    for i, v in enumerate(verwacht.get("moeten") or []):
        waar = f"signalen.moeten[{i}]"
        v = _sleutels(waar, {"code": v} if isinstance(v, str) else v, SIGNAAL_KIEZEN | SIGNAAL_TOETSEN)
        gevonden = _kies(signalen, v["code"], v.get("regeling"))
        naam = v["code"] + (f" ({v['regeling']})" if v.get("regeling") else "")
        toetsen = set(v) & SIGNAAL_TOETSEN
        if not gevonden:
            fouten.append(f"{waar}: geen signaal {naam}; wel {aanwezig}")
            continue
        if not toetsen:
            continue
        if len(gevonden) > 1:
            fouten.append(f"{waar}: {naam} komt {len(gevonden)} keer voor; kies er één met 'regeling'")
            continue
        s = gevonden[0]
        for veld in ("regel", "instantie", "regelingen"):
            if veld in v and s.get(veld) != v[veld]:
                fouten.append(f"{waar}: {naam}.{veld} is {s.get(veld)!r}, verwacht {v[veld]!r}")
        if "bedrag" in v:
            b = _bedrag(v["bedrag"], namen, f"{waar}.bedrag")
            if s.get("bedrag") is None or not _gelijk(s["bedrag"], b):
                fouten.append(f"{waar}: {naam}.bedrag is {s.get('bedrag')}, verwacht {b:.2f} ({v['bedrag']})")
        if "datum" in v:
            datum = v["datum"].isoformat() if isinstance(v["datum"], dt.date) else str(v["datum"])
            if s.get("datum") != datum:
                fouten.append(f"{waar}: {naam}.datum is {s.get('datum')}, verwacht {datum}")
        for veld in ("titel", "uitleg"):
            for tekst in v.get(f"{veld}_bevat") or []:
                if tekst not in s[veld]:
                    fouten.append(f"{waar}: {naam}.{veld} noemt {tekst!r} niet: {s[veld]!r}")
    for i, v in enumerate(verwacht.get("mogen_niet") or []):
        v = _sleutels(f"signalen.mogen_niet[{i}]", {"code": v} if isinstance(v, str) else v, SIGNAAL_KIEZEN)
        if _kies(signalen, v["code"], v.get("regeling")):
            fouten.append(f"signalen.mogen_niet: {v['code']} {v.get('regeling') or ''} is er toch".rstrip())
    if "alleen" in verwacht:
        for code in verwacht["alleen"]:
            _kies(signalen, code, None)
        if aanwezig != sorted(set(verwacht["alleen"])):
            fouten.append(f"signalen: precies {sorted(set(verwacht['alleen']))} verwacht, maar het zijn er {aanwezig}")
    return fouten


def toets(geval: dict, uit: dict) -> list[str]:
    """Every difference between what the case expects and the check's result, as Dutch lines."""
    namen = rekensommen(geval)
    verwacht = _sleutels("verwacht", geval["verwacht"], VERWACHT)
    fouten = []
    for sleutel, v in (verwacht.get("regelingen") or {}).items():
        fouten += toets_regeling(sleutel, v, uit, namen)
    if "signalen" in verwacht:
        fouten += toets_signalen(verwacht["signalen"], uit, namen)
    return fouten


def test_there_are_cases():
    assert len(GEVALLEN) >= 25, [p.name for p in GEVALLEN]


@pytest.mark.parametrize("pad", GEVALLEN, ids=lambda p: p.stem)
def test_geval(pad):
    geval = lees(pad)
    fouten = toets(geval, check(huishouden(geval)))
    assert not fouten, f"{geval['naam']}\n  " + "\n  ".join(fouten)


# --- the runner itself can fail ---------------------------------------------------------------------------------
def _voorbeeld() -> dict:
    return lees(MAP / "zorgtoeslag-2026-maximum-alleenstaande.yaml")


def test_a_wrong_amount_fails():
    geval = _voorbeeld()
    uit = check(huishouden(geval))
    assert toets(geval, uit) == []
    geval["verwacht"]["regelingen"]["zorgtoeslag"]["jaarbedrag"] = "1.551"
    assert toets(geval, uit) == ["regelingen.zorgtoeslag.jaarbedrag is 1550.0, verwacht 1551.00 (1.551)"]


def test_a_signal_that_must_not_fire_fails():
    geval = lees(MAP / "pim.yaml")
    uit = check(huishouden(geval))
    geval["verwacht"]["signalen"]["mogen_niet"] = [{"code": "NIET_GEBRUIK", "regeling": "zorgtoeslag"}]
    assert toets(geval, uit) == ["signalen.mogen_niet: NIET_GEBRUIK zorgtoeslag is er toch"]


@pytest.mark.parametrize("fout, melding", [
    ({"verwacht": {"regelingen": {"zorgtoeslag": {"jaarbedrag_": 1}}}}, "onbekende sleutel"),
    ({"verwacht": {"regelingen": {"zorgtoesla": {"jaarbedrag": 1}}}}, "onbekende regeling"),
    ({"verwacht": {"signalen": {"mogen_niet": ["KOT_UITLOP"]}}}, "onbekende signaalcode"),
    ({"rekensom": {"x": "1.5 × 2"}}, "niet te lezen"),
    ({"rekensom": {"x": "2 × 3 = 7"}}, "geeft 6.0, niet 7"),
    ({"controles": ["2 > 3"]}, "controle klopt niet"),
])
def test_a_mistake_in_the_case_file_is_an_error_not_a_pass(fout, melding):
    geval = _voorbeeld()
    geval.update(fout)
    with pytest.raises(GevalFout, match=melding):
        toets(geval, check(huishouden(geval)))


def test_a_case_needs_a_source_and_a_peildatum(tmp_path):
    geval = yaml.safe_load((MAP / "zorgtoeslag-2026-maximum-alleenstaande.yaml").read_text(encoding="utf-8"))
    for wijzig, melding in ((lambda g: g.pop("bron"), "'bron' ontbreekt"),
                            (lambda g: g["huishouden"].pop("peildatum"), "peildatum")):
        g = copy.deepcopy(geval)
        wijzig(g)
        pad = tmp_path / "geval.yaml"
        pad.write_text(yaml.safe_dump(g, allow_unicode=True), encoding="utf-8")
        with pytest.raises(GevalFout, match=melding):
            lees(pad)

"""Shared helpers for the black-box contract tests (the public contract: household in, check out; README).

Only the public interface is used: ``checker.check``, ``checker.InvoerFout`` and the
``python -m checker`` command line. Nothing here knows how the checker works inside.
"""

from __future__ import annotations

import copy
import json
import math
import subprocess
import sys
from pathlib import Path

from tests.helpers import persoon

REPO = Path(__file__).resolve().parent.parent
PERSONAS_DIR = REPO / "personas"

# contract section 3: "Regeling keys at least"
REGELING_KEYS = (
    "zorgtoeslag",
    "huurtoeslag",
    "kindgebonden_budget",
    "kinderopvangtoeslag",
    "kinderbijslag",
    "wga",
    "bijstand",
    "kwijtschelding",
    "smi",
    "inkomstenbelasting",
)
ERNST = {"hoog", "midden", "laag", "info"}
ZEKERHEID = {"A", "B", "C", "UNCONFIRMED"}


def huishouden(jaar: int, ti_aanvrager: int, ti_partner: int | None = None, *,
               vermogen: float = 20000, aanvrager_extra: dict | None = None,
               partner_extra: dict | None = None, naam: str = "test") -> dict:
    """A schema-1 household (contract section 1) as a dict.

    The aanvrager (and optional toeslagpartner) have wages (``loon``) whose year total is the
    given toetsingsinkomen. vermogen defaults to 20.000: far below every zorgtoeslag limit, and
    above the bijstand asset limit, so no computed bijstand can enter the income of these
    zorgtoeslag cases.
    """
    personen = [persoon("a", "aanvrager", ti_aanvrager, **(aanvrager_extra or {}))]
    if ti_partner is not None:
        personen.append(persoon("p", "partner", ti_partner, **(partner_extra or {})))
    return {
        "schema": 1,
        "naam": naam,
        "jaar": jaar,
        "gemeente": "standaard",
        "personen": personen,
        "wonen": {"soort": "huur", "kale_huur": 900, "servicekosten": 0, "corporatie": True},
        "vermogen": vermogen,
    }


def geldig_huishouden() -> dict:
    """A complete, valid household in the shape of the contract's own example (jaar 2026)."""
    return copy.deepcopy({
        "schema": 1,
        "naam": "Geldig voorbeeld",
        "jaar": 2026,
        "peildatum": "2026-06-15",
        "gemeente": "standaard",
        "personen": [
            {
                "id": "ronald",
                "rol": "aanvrager",
                "geboortedatum": "1988-03-14",
                "inkomen": {
                    "loon": 0,
                    "winst": [400, 650, 1200, 900, 500, 700, 1100, 850, 600, 450, 950, 700],
                    "ww": 0,
                    "bijstand": 0,
                    "aow": 0,
                    "pensioen": 0,
                    "overig": 0,
                },
                "zorgverzekerd": True,
            },
            {
                "id": "marijke",
                "rol": "partner",
                "leeftijd": 36,
                "inkomen": {"loon": 1800},
            },
            {"id": "lars", "rol": "kind", "geboortedatum": "2020-05-01"},
        ],
        "wonen": {
            "soort": "huur",
            "kale_huur": [750] * 6 + [575.03] * 6,  # agrees with the huurwijziging event
            "servicekosten": 0,
            "corporatie": True,
        },
        "vermogen": 4000,
        "gebeurtenissen": [
            {"datum": "2026-07-01", "soort": "huurwijziging", "bedrag": 575.03},
        ],
    })


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run ``python -m checker ARGS`` with the interpreter running the tests."""
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        cwd=REPO, capture_output=True, text=True, timeout=timeout,
    )


def persona_namen() -> list[str]:
    """Built-in personas: the files under personas/ (contract section 2)."""
    namen = set()
    if PERSONAS_DIR.is_dir():
        for pad in PERSONAS_DIR.iterdir():
            if pad.suffix.lower() in {".yaml", ".yml", ".json"} and not pad.name.startswith(("_", ".")):
                namen.add(pad.stem)
    namen.add("ronald-marijke")  # named in the contract itself
    return sorted(namen)


def is_getal(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def controleer_bedragen(obj: dict, waar: str) -> None:
    """jaarbedrag a finite number, maandbedragen exactly 12 finite numbers."""
    assert "jaarbedrag" in obj, f"{waar}: no jaarbedrag"
    assert is_getal(obj["jaarbedrag"]), f"{waar}.jaarbedrag is not a number: {obj['jaarbedrag']!r}"
    mb = obj.get("maandbedragen")
    assert isinstance(mb, list), f"{waar}.maandbedragen is not a list: {mb!r}"
    assert len(mb) == 12, f"{waar}.maandbedragen has {len(mb)} entries, not 12"
    for i, m in enumerate(mb):
        assert is_getal(m), f"{waar}.maandbedragen[{i}] is not a number: {m!r}"


def controleer_resultaat(res: dict, peildatum: str | None = None) -> None:
    """The full shape of contract section 3 (schema 1). With the household's ``peildatum`` (ISO date), also contract
    section 10: a signal whose datum lies before it carries ``"verlopen": true``."""
    assert isinstance(res, dict), f"result is {type(res).__name__}, not dict"
    for key in ("schema", "jaar", "naam", "regelingen", "netto_besteedbaar_inkomen", "signalen"):
        assert key in res, f"result lacks key {key!r}"
    assert res["schema"] == 1 and not isinstance(res["schema"], bool)
    assert isinstance(res["jaar"], int) and not isinstance(res["jaar"], bool)
    assert isinstance(res["naam"], str)

    regelingen = res["regelingen"]
    assert isinstance(regelingen, dict)
    for key in REGELING_KEYS:
        assert key in regelingen, f"regeling {key!r} missing"
    for key, r in regelingen.items():
        waar = f"regelingen.{key}"
        assert isinstance(r, dict), waar
        assert isinstance(r.get("recht"), bool), f"{waar}.recht is not a bool: {r.get('recht')!r}"
        controleer_bedragen(r, waar)
        assert isinstance(r.get("instantie"), str) and r["instantie"], f"{waar}.instantie"
        uitleg = r.get("uitleg")
        assert isinstance(uitleg, list) and uitleg, f"{waar}.uitleg must be a non-empty list"
        assert all(isinstance(u, str) for u in uitleg), f"{waar}.uitleg must hold strings"
        bronnen = r.get("bronnen")
        assert isinstance(bronnen, list), f"{waar}.bronnen must be a list"
        assert all(isinstance(b, str) for b in bronnen), f"{waar}.bronnen must hold strings"

    controleer_bedragen(res["netto_besteedbaar_inkomen"], "netto_besteedbaar_inkomen")

    signalen = res["signalen"]
    assert isinstance(signalen, list)
    for i, s in enumerate(signalen):
        waar = f"signalen[{i}]"
        assert isinstance(s, dict), waar
        for key in ("code", "titel", "uitleg", "actie", "instantie"):
            assert isinstance(s.get(key), str), f"{waar}.{key} must be a string: {s.get(key)!r}"
        assert s["code"], f"{waar}.code is empty"
        assert s.get("ernst") in ERNST, f"{waar}.ernst = {s.get('ernst')!r}"
        for key in ("regelingen", "bronnen"):
            v = s.get(key)
            assert isinstance(v, list) and all(isinstance(x, str) for x in v), f"{waar}.{key}: {v!r}"
        if s.get("bedrag") is not None:
            assert is_getal(s["bedrag"]), f"{waar}.bedrag is not a number: {s['bedrag']!r}"
        if s.get("datum") is not None:
            import datetime as _dt
            assert isinstance(s["datum"], str), f"{waar}.datum must be an ISO date string"
            _dt.date.fromisoformat(s["datum"])
        # contract section 10: expired deadlines
        if "verlopen" in s:
            assert isinstance(s["verlopen"], bool), f"{waar}.verlopen must be a bool: {s['verlopen']!r}"
        if peildatum is not None and s.get("datum") is not None and s["datum"] < peildatum:
            assert s.get("verlopen") is True, f"{waar}: datum {s['datum']} lies before the peildatum {peildatum}"
        if s.get("verlopen") and peildatum is not None:
            assert s.get("datum") is not None and s["datum"] < peildatum, f"{waar}: verlopen without a passed datum"

    # "returns the same dict that --json prints": it must be plain JSON (no NaN, no date objects)
    json.dumps(res, allow_nan=False)

"""Arithmetic written the Dutch way, as in the case files of tests/gevallen/ and checked when they run.

    "afronden(2 × 2.119 − 4,289% × 29.736) = 2.963"

Numbers: a comma for decimals and a point between thousands (2.294,40; 29.736; 0,70; 1,896%); a point followed by
anything but three digits is refused, so 1.5 can never be read as fifteen hundred by mistake. Operators: + − × / and
brackets; < > ≤ ≥ for a check that must hold. Functions, with ; between arguments: afronden (half up to whole
euros, Awir art. 14 lid 4), omlaag (down to whole euros, as Dienst Toeslagen pays a month), centen (half up to cents),
max, min, abs. Names defined earlier in the same file stand for their value. A trailing "= value" is checked: the
arithmetic must give exactly that value (to the cent).
"""
from __future__ import annotations

import ast
import math
import re

_GETAL = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d.])|\d+(?:,\d+)?(?![\d.])"
_TOKEN = re.compile(rf"\s*(?:(?P<getal>{_GETAL})(?P<procent>%?)|(?P<naam>[a-z_][a-z0-9_]*)"
                    r"|(?P<op>≤|≥|<=|>=|[-−+×*/÷()<>;]))", re.IGNORECASE)
IS_GELIJK = re.compile(r"(?<![<>])=")     # "… = value"; <= and >= are comparisons
_OPS = {"−": "-", "×": "*", "÷": "/", ";": ",", "≤": "<=", "≥": ">="}


def _afronden(x: float) -> float:
    return float(math.floor(round(x, 6) + 0.5))


def _omlaag(x: float) -> float:
    return float(math.floor(round(x, 6)))


def _centen(x: float) -> float:
    return math.floor(round(x * 100, 6) + 0.5) / 100


FUNCTIES = {"afronden": _afronden, "omlaag": _omlaag, "centen": _centen, "max": max, "min": min, "abs": abs}


class RekenFout(ValueError):
    pass


def getal(tekst: str) -> float:
    """One number in Dutch notation ("2.294,40" → 2294.4)."""
    if not re.fullmatch(_GETAL, tekst):
        raise RekenFout(f"geen getal: {tekst!r}")
    return float(tekst.replace(".", "").replace(",", "."))


def _python(tekst: str) -> str:
    uit, positie = [], 0
    tekst = tekst.strip()
    while positie < len(tekst):
        m = _TOKEN.match(tekst, positie)
        if not m or m.end() == positie:
            raise RekenFout(f"niet te lezen vanaf {tekst[positie:positie + 20]!r} in {tekst!r}")
        if m["getal"]:
            waarde = repr(getal(m["getal"]))
            uit.append(f"({waarde} / 100)" if m["procent"] else waarde)
        elif m["naam"]:
            uit.append(m["naam"])
        else:
            uit.append(_OPS.get(m["op"], m["op"]))
        positie = m.end()
    return " ".join(uit)


def _waarde(knoop: ast.AST, namen: dict[str, float]):
    if isinstance(knoop, ast.Expression):
        return _waarde(knoop.body, namen)
    if isinstance(knoop, ast.Constant) and isinstance(knoop.value, (int, float)):
        return float(knoop.value)
    if isinstance(knoop, ast.Name):
        if knoop.id not in namen:
            raise RekenFout(f"onbekende naam {knoop.id!r} (eerst definiëren onder rekensom)")
        return namen[knoop.id]
    if isinstance(knoop, ast.UnaryOp) and isinstance(knoop.op, (ast.USub, ast.UAdd)):
        w = _waarde(knoop.operand, namen)
        return -w if isinstance(knoop.op, ast.USub) else w
    if isinstance(knoop, ast.BinOp) and isinstance(knoop.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
        a, b = _waarde(knoop.left, namen), _waarde(knoop.right, namen)
        if isinstance(knoop.op, ast.Div):
            return a / b
        return a + b if isinstance(knoop.op, ast.Add) else a - b if isinstance(knoop.op, ast.Sub) else a * b
    if isinstance(knoop, ast.Call) and isinstance(knoop.func, ast.Name) and knoop.func.id in FUNCTIES:
        return FUNCTIES[knoop.func.id](*(_waarde(a, namen) for a in knoop.args))
    if isinstance(knoop, ast.Compare) and len(knoop.ops) == 1:
        a, b = _waarde(knoop.left, namen), _waarde(knoop.comparators[0], namen)
        return {ast.Lt: a < b, ast.Gt: a > b, ast.LtE: a <= b, ast.GtE: a >= b}[type(knoop.ops[0])]
    raise RekenFout(f"niet toegestaan in een rekensom: {ast.dump(knoop)[:60]}")


def reken(tekst, namen: dict[str, float] | None = None):
    """The value of a number or of an arithmetic text. "… = value" also checks that the arithmetic gives the value."""
    if isinstance(tekst, bool):
        raise RekenFout(f"geen bedrag: {tekst!r}")
    if isinstance(tekst, (int, float)):
        return float(tekst)
    if not isinstance(tekst, str):
        raise RekenFout(f"geen bedrag of rekensom: {tekst!r}")
    namen = namen or {}
    som, uitkomst = (IS_GELIJK.split(tekst, maxsplit=1) + [""])[:2]
    try:
        waarde = _waarde(ast.parse(_python(som), mode="eval"), namen)
    except SyntaxError as e:
        raise RekenFout(f"geen rekensom: {tekst!r}") from e
    if uitkomst.strip():
        verwacht = _waarde(ast.parse(_python(uitkomst), mode="eval"), namen)
        if isinstance(waarde, bool) or abs(waarde - verwacht) > 0.005:
            raise RekenFout(f"{som.strip()} geeft {waarde!r}, niet {uitkomst.strip()}")
    return waarde

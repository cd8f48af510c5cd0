"""Functions in checker/ stay small enough to read (CONTRIBUTING.md, "Explanations are objects").

A function over 80 lines, or with more than 10 parameters (``self``/``cls`` not counted, ``*args`` and ``**kwargs``
counted as one each), is where explanation code used to pile up: 33 arguments to one ``_uitleg``. The limit is the
one the project set itself; the test reads the source with ``ast`` and names every function over it.
"""
from __future__ import annotations

import ast
from pathlib import Path

PAKKET = Path(__file__).resolve().parent.parent / "checker"
MAX_REGELS = 80
MAX_PARAMETERS = 10


def _parameters(functie: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    a = functie.args
    aantal = len(a.posonlyargs) + len(a.args) + len(a.kwonlyargs) + (a.vararg is not None) + (a.kwarg is not None)
    eerste = (a.posonlyargs + a.args)[:1]
    if eerste and eerste[0].arg in ("self", "cls"):
        aantal -= 1
    return aantal


def _te_groot(bron: str, naam: str) -> list[str]:
    uit = []
    for knoop in ast.walk(ast.parse(bron)):
        if isinstance(knoop, (ast.FunctionDef, ast.AsyncFunctionDef)):
            regels = knoop.end_lineno - knoop.lineno + 1
            parameters = _parameters(knoop)
            if regels > MAX_REGELS or parameters > MAX_PARAMETERS:
                uit.append(f"{naam}:{knoop.lineno} {knoop.name} ({regels} regels, {parameters} parameters)")
    return uit


def test_geen_functie_in_checker_te_lang_of_met_te_veel_parameters():
    bestanden = sorted(PAKKET.rglob("*.py"))
    assert len(bestanden) > 20, "checker/ not found where the test expects it"
    te_groot = [f for pad in bestanden
                for f in _te_groot(pad.read_text(encoding="utf-8"), str(pad.relative_to(PAKKET.parent)))]
    assert not te_groot, "over 80 lines or 10 parameters:\n" + "\n".join(te_groot)


def test_de_maat_telt_wat_hij_zegt():
    """The measure itself can fail: a long function and a wide one are found, self is not counted."""
    lang = "def lang():\n" + "    x = 1\n" * MAX_REGELS
    breed = "def breed(" + ", ".join(f"a{i}" for i in range(MAX_PARAMETERS + 1)) + "):\n    pass\n"
    methode = ("class K:\n    def m(self, " + ", ".join(f"a{i}" for i in range(MAX_PARAMETERS)) + "):\n"
               "        pass\n")
    sterren = "def s(a, b, c, d, e, f, g, h, i, *args, **kwargs):\n    pass\n"
    assert _te_groot(lang, "t") == ["t:1 lang (81 regels, 0 parameters)"]
    assert _te_groot(breed, "t") == ["t:1 breed (2 regels, 11 parameters)"]
    assert _te_groot(methode, "t") == []
    assert _te_groot(sterren, "t") == ["t:1 s (2 regels, 11 parameters)"]

"""The package's imports flow one way, down (the README, "Imports flow one way, down").

The import graph of checker/ is drawn from the source with ``ast``: every ``import`` and ``from ... import``,
also those inside functions (a lazy import is still a dependency). The tests fail on any cycle, on a module that
imports another module's private (underscore) name or reaches one through a module it imported, on a private
module imported from outside its own package, and on a lower layer that imports a higher one. Imports under
``if TYPE_CHECKING:`` never run, so they make no edge of the graph; their names are held to the same privacy rule.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PAKKET = Path(__file__).resolve().parent.parent / "checker"


@dataclass
class Module:
    naam: str                # dotted, e.g. checker.regelingen.wga
    pad: Path
    is_pakket: bool          # an __init__.py
    importeert: dict[str, int] = field(default_factory=dict)   # module -> first line that imports it (at run time)
    privaat: list[str] = field(default_factory=list)            # the private names it takes from other modules


def _alleen_voor_types(boom: ast.AST) -> set[int]:
    """The ids of the import statements in the body of an ``if TYPE_CHECKING:`` (they never run)."""
    uit: set[int] = set()
    for knoop in ast.walk(boom):
        test = getattr(knoop, "test", None)
        if isinstance(knoop, ast.If) and (
                (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
                or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")):
            for regel in knoop.body:
                uit |= {id(k) for k in ast.walk(regel) if isinstance(k, (ast.Import, ast.ImportFrom))}
    return uit


def _modules(wortel: Path) -> dict[str, Module]:
    uit = {}
    for pad in sorted(wortel.rglob("*.py")):
        delen = list(pad.relative_to(wortel.parent).with_suffix("").parts)
        is_pakket = delen[-1] == "__init__"
        if is_pakket:
            delen = delen[:-1]
        uit[".".join(delen)] = Module(".".join(delen), pad, is_pakket)
    return uit


def _is_privaat(naam: str) -> bool:
    return naam.startswith("_") and not (naam.startswith("__") and naam.endswith("__"))


def _pakket_van(naam: str, modules: dict[str, Module]) -> str:
    return naam if modules[naam].is_pakket else naam.rpartition(".")[0]


def _mag_privaat_importeren(importeur: str, doel: str, modules: dict[str, Module]) -> bool:
    """A private module (``regelingen/_uitkomst.py``) belongs to its package: only modules in that package use it."""
    pakket = doel.rpartition(".")[0]
    return importeur == pakket or importeur.startswith(pakket + ".")


def teken(wortel: Path = PAKKET) -> dict[str, Module]:
    """The import graph of the package under ``wortel``: per module what it imports and which private names."""
    modules = _modules(wortel)
    for m in modules.values():
        boom = ast.parse(m.pad.read_text(encoding="utf-8"), filename=str(m.pad))
        aliassen: dict[str, str] = {}      # local name -> module of this package it stands for
        voor_types = _alleen_voor_types(boom)
        gezien: set[tuple[str, int]] = set()

        def lijn(doel: str, regel: int, loopt: bool = True) -> None:
            if (doel, regel) in gezien:
                return
            gezien.add((doel, regel))
            if loopt:
                m.importeert.setdefault(doel, regel)
            if _is_privaat(doel.rpartition(".")[2]) and not _mag_privaat_importeren(m.naam, doel, modules):
                m.privaat.append(f"{doel} (regel {regel})")

        for knoop in ast.walk(boom):
            loopt = id(knoop) not in voor_types
            if isinstance(knoop, ast.Import):
                for a in knoop.names:
                    if a.name in modules:
                        lijn(a.name, knoop.lineno, loopt)
                        aliassen[a.asname or a.name] = a.name
            elif isinstance(knoop, ast.ImportFrom):
                if knoop.level:
                    basis = _pakket_van(m.naam, modules).split(".")
                    basis = basis[:len(basis) - (knoop.level - 1)]
                    bron = ".".join(basis + ([knoop.module] if knoop.module else []))
                else:
                    bron = knoop.module or ""
                if bron not in modules:
                    continue
                for a in knoop.names:
                    sub = f"{bron}.{a.name}"
                    if sub in modules:              # from package import module
                        lijn(sub, knoop.lineno, loopt)
                        aliassen[a.asname or a.name] = sub
                    else:
                        lijn(bron, knoop.lineno, loopt)
                        if _is_privaat(a.name) and bron != m.naam:
                            m.privaat.append(f"{bron}.{a.name} (regel {knoop.lineno})")
        for knoop in ast.walk(boom):           # module._private through an imported module
            if (isinstance(knoop, ast.Attribute) and isinstance(knoop.value, ast.Name)
                    and knoop.value.id in aliassen and _is_privaat(knoop.attr)):
                m.privaat.append(f"{aliassen[knoop.value.id]}.{knoop.attr} (regel {knoop.lineno})")
    return modules


def cycli(modules: dict[str, Module]) -> list[list[str]]:
    """Every strongly connected group of more than one module (or a module importing itself), Tarjan's way."""
    index: dict[str, int] = {}
    laag: dict[str, int] = {}
    stapel: list[str] = []
    op_stapel: set[str] = set()
    uit: list[list[str]] = []

    def bezoek(v: str) -> None:
        index[v] = laag[v] = len(index)
        stapel.append(v)
        op_stapel.add(v)
        for w in modules[v].importeert:
            if w not in index:
                bezoek(w)
                laag[v] = min(laag[v], laag[w])
            elif w in op_stapel:
                laag[v] = min(laag[v], index[w])
        if laag[v] == index[v]:
            groep = []
            while True:
                w = stapel.pop()
                op_stapel.discard(w)
                groep.append(w)
                if w == v:
                    break
            if len(groep) > 1 or v in modules[v].importeert:
                uit.append(sorted(groep))

    for v in modules:
        if v not in index:
            bezoek(v)
    return uit


def bereikbaar(modules: dict[str, Module], start: str) -> set[str]:
    """Every module ``start`` imports, directly or through others."""
    gezien, rij = set(), [start]
    while rij:
        for w in modules[rij.pop()].importeert:
            if w not in gezien:
                gezien.add(w)
                rij.append(w)
    return gezien


GRAAF = teken()


def test_the_graph_sees_the_whole_package():
    assert {"checker.api", "checker.klif", "checker.jaren", "checker.maanden", "checker.regelingen.wga",
            "checker.populatie.landelijk", "checker.web.app"} <= GRAAF.keys()
    # lazy imports inside functions count: the CLI imports the API only in its commands
    assert "checker.api" in GRAAF["checker.cli"].importeert


def test_no_import_cycles():
    gevonden = cycli(GRAAF)
    assert not gevonden, "importcycli in checker/: " + "; ".join(" ↔ ".join(g) for g in gevonden)


def test_no_module_uses_another_modules_private_names():
    fout = {m.naam: m.privaat for m in GRAAF.values() if m.privaat}
    assert not fout, f"private namen van een andere module gebruikt: {fout}"


# From the top down; a module may import only what stands below its own layer (or in it).
LAGEN = [
    {"checker", "checker.__main__", "checker.cli", "checker.web", "checker.web.app", "checker.web.weergave",
     "checker.web.formulier", "checker.rapport", "checker.grafiek"},
    {"checker.api", "checker.scanner", "checker.hervormingen", "checker.populatie.landelijk"},
    {"checker.signalen"},
    {"checker.klif"},
    {"checker.jaren"},
    {"checker.berekening"},
    {"checker.invoer"},
    {"checker.huishouden"},
    {"checker.maanden"},
]


def test_the_layers_name_existing_modules():
    assert not set().union(*LAGEN) - GRAAF.keys(), "LAGEN noemt een module die niet (meer) bestaat"


@pytest.mark.parametrize("laag", range(1, len(LAGEN)), ids=lambda k: sorted(LAGEN[k])[0])
def test_lower_layers_never_import_higher_ones(laag):
    hoger = set().union(*LAGEN[:laag])
    for naam in LAGEN[laag]:
        omhoog = bereikbaar(GRAAF, naam) & hoger if naam in GRAAF else set()
        assert not omhoog, f"{naam} importeert (via) een hogere laag: {sorted(omhoog)}"


def test_the_lowest_floor_imports_nothing_of_samenloop():
    assert not GRAAF["checker.maanden"].importeert


# --- the checks themselves can fail ------------------------------------------------------------------------------
def test_the_checks_find_a_cycle_a_lazy_import_and_a_private_name(tmp_path):
    pakket = tmp_path / "checker"
    (pakket / "sub").mkdir(parents=True)
    (pakket / "__init__.py").write_text("")
    (pakket / "a.py").write_text("from .b import publiek\n")
    (pakket / "b.py").write_text("def publiek():\n    from .a import x  # lazy, still a cycle\n")
    (pakket / "c.py").write_text("from .b import _geheim\nfrom . import b\nb._ook_geheim()\n")
    (pakket / "sub" / "__init__.py").write_text("from . import _eigen\n")
    (pakket / "sub" / "_eigen.py").write_text("")
    (pakket / "d.py").write_text("from .sub._eigen import iets\n")
    (pakket / "e.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .f import F\n"
                                 "    from .sub._eigen import x\n")
    (pakket / "f.py").write_text("from .e import E\n")
    graaf = teken(pakket)
    assert cycli(graaf) == [["checker.a", "checker.b"]]        # e ↔ f only for the type checker: no cycle
    assert graaf["checker.c"].privaat == ["checker.b._geheim (regel 1)", "checker.b._ook_geheim (regel 3)"]
    assert graaf["checker.d"].privaat == ["checker.sub._eigen (regel 1)"]
    assert graaf["checker.e"].privaat == ["checker.sub._eigen (regel 4)"] and not graaf["checker.e"].importeert
    assert graaf["checker.sub"].privaat == []          # a package uses its own private modules
    assert bereikbaar(graaf, "checker.c") == {"checker.b", "checker.a"}


def test_the_command_line_starts_without_the_heavy_libraries():
    """``samenloop --help`` imports the package and the CLI only: no numpy, pydantic, rules engine, rich or Flask."""
    import subprocess
    import sys
    code = ("import sys, checker.cli\n"
            "zwaar = ('numpy', 'pydantic', 'durable', 'rich', 'yaml', 'flask', 'matplotlib')\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & set(zwaar)))")
    uit = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert uit.stdout.strip() == "[]"
    hulp = subprocess.run([sys.executable, "-m", "checker", "--help"], capture_output=True, text=True)
    assert hulp.returncode == 0 and "gebruik: samenloop" in hulp.stdout

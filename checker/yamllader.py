"""The one loader for YAML and JSON documents, with limits (issue 14).

YAML is read with libyaml's C SafeLoader when pyyaml was built with it (10× faster), else with the Python one;
both build plain data only, never objects. Every document is then held to the limits of its kind
(``Grenzen``) before anything walks it:

- its size in bytes, checked before parsing;
- the number of values as a reader sees them, with every alias (``*naam``) written out. A "billion laughs"
  file of a few hundred bytes stands for hundreds of millions of values; the check counts each node once and
  multiplies, so it refuses such a file in microseconds without ever expanding it;
- the depth of nesting, also through aliases, and the length of every text (keys included);
- aliases at all, where the kind of document has no use for them (a household file).

A document over a limit raises ``DocumentFout`` with one short Dutch sentence that quotes nothing of the input;
the callers turn it into ``InvoerFout`` (bad input, exit 2, HTTP 400) or ``RegelFout`` (a broken file under
rules/). The limits are settings of this loader, not law: a household file is a few kilobytes with a few hundred
values, so the limits are far above any real household and far below what could hurt the computer.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Callable

import yaml

YAML_LADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Grenzen:
    """The limits of one kind of document."""
    soort: str          # the kind, for messages: "een huishoudbestand"
    bytes: int          # the text, UTF-8
    waarden: int        # values (mappings, lists and scalars, keys included), aliases written out
    diepte: int         # levels of nesting; the document itself is level 1
    tekst: int          # characters in one scalar or key
    aliassen: bool      # may the document use &anker / *alias at all


KB = 1024
HUISHOUDEN = Grenzen(soort="een huishoudbestand", bytes=256 * KB, waarden=10_000, diepte=20, tekst=5_000,
                     aliassen=False)
HERVORMING = Grenzen(soort="een hervormingsbestand", bytes=256 * KB, waarden=10_000, diepte=20, tekst=5_000,
                     aliassen=True)
REGELS = Grenzen(soort="een bestand onder rules/", bytes=1024 * KB, waarden=100_000, diepte=30, tekst=20_000,
                 aliassen=True)


class DocumentFout(ValueError):
    """A document over one of its limits; ``str()`` is a short Dutch phrase that quotes no input, written to
    follow the document's name ("huis.yaml is te groot (...)")."""


def _getal(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _grootte(n: int) -> str:
    return f"{_getal(round(n / KB))} kB" if n >= KB else f"{n} bytes"


# --- the checks on a parsed tree --------------------------------------------------------------------------------
def _yaml_kinderen(knoop: yaml.Node) -> list | None:
    if isinstance(knoop, yaml.MappingNode):
        return [x for paar in knoop.value for x in paar]
    if isinstance(knoop, yaml.SequenceNode):
        return knoop.value
    return None


def _yaml_tekst(knoop: yaml.Node) -> Any:
    return knoop.value


def _py_kinderen(x: Any) -> list | tuple | None:
    if isinstance(x, dict):
        return [y for paar in x.items() for y in paar]
    if isinstance(x, (list, tuple)):
        return x
    return None


def _py_tekst(x: Any) -> Any:
    return x


def _regel(knoop: Any) -> str:
    plek = getattr(knoop, "start_mark", None)
    return f", regel {plek.line + 1}" if plek is not None else ""


def _controleer_boom(wortel: Any, g: Grenzen, kinderen: Callable[[Any], Any], tekst: Callable[[Any], Any],
                     scalairen_gedeeld: bool) -> None:
    """Walk a tree that may share subtrees (YAML aliases, or one Python list used twice) without expanding it:
    each shared subtree is visited once and counted as often as it occurs. ``scalairen_gedeeld``: a scalar seen
    twice is an alias (YAML nodes); for Python objects scalars are not tracked (small ints are shared anyway)."""
    waarden: dict[int, int] = {}   # id -> values in the subtree, aliases written out
    hoogte: dict[int, int] = {}    # id -> levels in the subtree
    bezig: set[int] = set()        # ids on the path from the root
    gedeeld = 0
    stapel: list[tuple[Any, int, bool]] = [(wortel, 1, False)]
    while stapel:
        x, diepte, klaar = stapel.pop()
        k = id(x)
        if klaar:
            onder = kinderen(x)
            waarden[k] = 1 + sum(waarden[id(c)] if id(c) in waarden else 1 for c in onder)
            hoogte[k] = 1 + max((hoogte.get(id(c), 1) for c in onder), default=0)
            bezig.discard(k)
            if waarden[k] > g.waarden:
                raise DocumentFout(f"bevat te veel waarden (meer dan {_getal(g.waarden)}"
                                   + (", met de verwijzingen *alias uitgeschreven)" if gedeeld else ")"))
            continue
        onder = kinderen(x)
        if onder is None and not scalairen_gedeeld:
            waarde = tekst(x)
            if isinstance(waarde, (str, bytes)) and len(waarde) > g.tekst:
                raise DocumentFout(f"bevat een tekst van {_getal(len(waarde))} tekens (hoogstens {_getal(g.tekst)})")
            if diepte > g.diepte:
                raise DocumentFout(f"is te diep genest (meer dan {g.diepte} niveaus)")
            continue
        if k in bezig:
            raise DocumentFout("verwijst naar zichzelf (een *alias binnen zijn eigen &anker)"
                               if scalairen_gedeeld else "bevat zichzelf")
        if k in waarden:  # seen before: an alias (YAML) or a shared object (Python)
            if not g.aliassen:
                raise DocumentFout(f"gebruikt YAML-verwijzingen (&anker en *alias); in {g.soort} kan dat niet: "
                                   "schrijf de waarden uit")
            gedeeld += 1
            if diepte - 1 + hoogte[k] > g.diepte:
                raise DocumentFout(f"is te diep genest (meer dan {g.diepte} niveaus, met de verwijzingen *alias "
                                   "uitgeschreven)")
            continue
        if diepte > g.diepte:
            raise DocumentFout(f"is te diep genest (meer dan {g.diepte} niveaus{_regel(x)})")
        if onder is None:
            waarde = tekst(x)
            if isinstance(waarde, (str, bytes)) and len(waarde) > g.tekst:
                raise DocumentFout(f"bevat een tekst van {_getal(len(waarde))} tekens (hoogstens "
                                   f"{_getal(g.tekst)}{_regel(x)})")
            waarden[k], hoogte[k] = 1, 1
            continue
        bezig.add(k)
        stapel.append((x, diepte, True))
        stapel.extend((c, diepte + 1, False) for c in onder)
        if len(stapel) > g.waarden:
            raise DocumentFout(f"bevat te veel waarden (meer dan {_getal(g.waarden)})")


def _controleer_grootte(tekst: str, g: Grenzen) -> None:
    n = len(tekst)
    if n > g.bytes or n * 4 > g.bytes and len(tekst.encode("utf-8", "surrogatepass")) > g.bytes:
        raise DocumentFout(f"is te groot ({_grootte(len(tekst.encode('utf-8', 'surrogatepass')))}; "
                           f"hoogstens {_grootte(g.bytes)})")


def controleer(waarde: Any, g: Grenzen) -> None:
    """Hold already parsed data (a dict given to the Python API, a parsed JSON text) to the limits: values
    (shared lists counted each time they occur), depth, text length, and no cycles."""
    _controleer_boom(waarde, replace(g, aliassen=True), _py_kinderen, _py_tekst, scalairen_gedeeld=False)


# --- loading ---------------------------------------------------------------------------------------------------
class _Lader(YAML_LADER):
    """The safe loader that checks the composed node graph before building any data from it."""

    def __init__(self, stream: str, grenzen: Grenzen):
        super().__init__(stream)
        self.grenzen = grenzen

    def get_single_data(self) -> Any:
        knoop = self.get_single_node()
        if knoop is None:
            return None
        _controleer_boom(knoop, self.grenzen, _yaml_kinderen, _yaml_tekst, scalairen_gedeeld=True)
        return self.construct_document(knoop)


def laad_yaml(tekst: str, grenzen: Grenzen) -> Any:
    """One YAML document as plain data. Raises ``DocumentFout`` over a limit and ``yaml.YAMLError`` when it is
    not YAML; a date that does not exist or a number of thousands of digits raises ``ValueError``."""
    _controleer_grootte(tekst, grenzen)
    lader = _Lader(tekst, grenzen)
    try:
        return lader.get_single_data()
    finally:
        lader.dispose()


def laad_json(tekst: str, grenzen: Grenzen) -> Any:
    """One JSON document, held to the same limits. Raises ``DocumentFout`` or ``json.JSONDecodeError``."""
    _controleer_grootte(tekst, grenzen)
    try:
        data = json.loads(tekst)
    except RecursionError:
        raise DocumentFout("is te diep genest") from None
    controleer(data, grenzen)
    return data


def lees_tekst(pad: Path, grenzen: Grenzen) -> str:
    """A file's text (UTF-8), refused unread when it is larger than the limit. ``UnicodeDecodeError`` and
    ``OSError`` go to the caller."""
    with open(pad, "rb") as f:
        inhoud = f.read(grenzen.bytes + 1)
    if len(inhoud) > grenzen.bytes:
        raise DocumentFout(f"is te groot (meer dan {_grootte(grenzen.bytes)})")
    return inhoud.decode("utf-8")


def lees_regels(pad: Path) -> Any:
    """A data file under rules/ (parameters, signals, gemeenten, populatie, units). A file over the limits is a
    broken rules file (``RegelFout``, an internal error); ``yaml.YAMLError`` goes to the caller."""
    from .fouten import RegelFout
    try:
        return laad_yaml(lees_tekst(pad, REGELS), REGELS)
    except DocumentFout as e:
        raise RegelFout(f"{pad.name} {e}") from None

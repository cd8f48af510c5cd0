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
from typing import Any

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
class _Boom:
    """Walks a tree that may share subtrees (YAML aliases, or one Python list used twice) without expanding it:
    a shared subtree is walked once and counted as often as it occurs. The walk recurses, which is safe because it
    never goes below the depth limit (at most a few dozen levels)."""

    def __init__(self, g: Grenzen, yaml_knopen: bool):
        self.g = g
        self.yaml_knopen = yaml_knopen  # YAML nodes: a node met twice is an alias; Python scalars are not tracked
        self.klaar: dict[int, tuple[int, int]] = {}  # id -> (values in the subtree, levels in the subtree)
        self.pad: set[int] = set()                   # ids on the path from the root
        self.gedeeld = False

    def _fout_tekst(self, lengte: int, knoop: Any) -> DocumentFout:
        return DocumentFout(f"bevat een tekst van {_getal(lengte)} tekens (hoogstens {_getal(self.g.tekst)}"
                            f"{_regel(knoop)})")

    def loop(self, x: Any, diepte: int) -> tuple[int, int]:
        g = self.g
        if self.yaml_knopen:
            if isinstance(x, yaml.ScalarNode):
                kinderen = None
            elif isinstance(x, yaml.MappingNode):
                kinderen = [y for paar in x.value for y in paar]
            else:
                kinderen = x.value
        elif isinstance(x, dict):
            kinderen = [y for paar in x.items() for y in paar]
        elif isinstance(x, (list, tuple)):
            kinderen = x
        else:  # a Python scalar
            if isinstance(x, (str, bytes)) and len(x) > g.tekst:
                raise self._fout_tekst(len(x), None)
            if diepte > g.diepte:
                raise DocumentFout(f"is te diep genest (meer dan {g.diepte} niveaus)")
            return 1, 1
        k = id(x)
        if k in self.klaar:  # met before: an alias (YAML) or a shared object (Python)
            if not g.aliassen:
                raise DocumentFout(f"gebruikt YAML-verwijzingen (&anker en *alias); in {g.soort} kan dat niet: "
                                   "schrijf de waarden uit")
            self.gedeeld = True
            waarden, hoogte = self.klaar[k]
            if diepte - 1 + hoogte > g.diepte:
                raise DocumentFout(f"is te diep genest (meer dan {g.diepte} niveaus, met de verwijzingen *alias "
                                   "uitgeschreven)")
            return waarden, hoogte
        if k in self.pad:
            raise DocumentFout("verwijst naar zichzelf (een *alias binnen zijn eigen &anker)" if self.yaml_knopen
                               else "bevat zichzelf")
        if diepte > g.diepte:
            raise DocumentFout(f"is te diep genest (meer dan {g.diepte} niveaus{_regel(x)})")
        if kinderen is None:  # a YAML scalar
            if len(x.value) > g.tekst:
                raise self._fout_tekst(len(x.value), x)
            self.klaar[k] = (1, 1)
            return 1, 1
        if len(kinderen) > g.waarden:
            raise DocumentFout(f"bevat te veel waarden (meer dan {_getal(g.waarden)})")
        self.pad.add(k)
        waarden, hoogte = 1, 0
        for kind in kinderen:
            w, h = self.loop(kind, diepte + 1)
            waarden += w
            if h > hoogte:
                hoogte = h
        self.pad.discard(k)
        if waarden > g.waarden:
            raise DocumentFout(f"bevat te veel waarden (meer dan {_getal(g.waarden)}"
                               + (", met de verwijzingen *alias uitgeschreven)" if self.gedeeld else ")"))
        self.klaar[k] = (waarden, hoogte + 1)
        return waarden, hoogte + 1


def _regel(knoop: Any) -> str:
    plek = getattr(knoop, "start_mark", None)
    return f", regel {plek.line + 1}" if plek is not None else ""


def _controleer_grootte(tekst: str, g: Grenzen) -> None:
    n = len(tekst)
    if n > g.bytes or n * 4 > g.bytes and len(tekst.encode("utf-8", "surrogatepass")) > g.bytes:
        raise DocumentFout(f"is te groot ({_grootte(len(tekst.encode('utf-8', 'surrogatepass')))}; "
                           f"hoogstens {_grootte(g.bytes)})")


def controleer(waarde: Any, g: Grenzen) -> None:
    """Hold already parsed data (a dict given to the Python API, a parsed JSON text) to the limits: values
    (shared lists counted each time they occur), depth, text length, and no cycles."""
    _Boom(replace(g, aliassen=True), yaml_knopen=False).loop(waarde, 1)


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
        _Boom(self.grenzen, yaml_knopen=True).loop(knoop, 1)
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

"""The error types of the public API, and how a message quotes what the user gave."""
from __future__ import annotations

import reprlib
from typing import Any

GROOTSTE_CITAAT = 60      # characters of input a message quotes at most (then "…")
GROOTSTE_PAD = 200        # characters of a field path (a path holds the user's own keys)
GROOTSTE_MELDING = 1_000  # characters of one message: a safety net, the quotes themselves are short
MEESTE_PROBLEMEN = 50     # problems listed; the rest are counted

_REPR = reprlib.Repr()
_REPR.maxstring = GROOTSTE_CITAAT
_REPR.maxother = GROOTSTE_CITAAT
_REPR.maxlong = GROOTSTE_CITAAT
_REPR.maxlist = _REPR.maxtuple = _REPR.maxset = _REPR.maxfrozenset = _REPR.maxdeque = _REPR.maxarray = 6
_REPR.maxdict = 4
_REPR.maxlevel = 2


def kort(x: Any) -> str:
    """``repr(x)`` for a message, at most about GROOTSTE_CITAAT characters however large ``x`` is (reprlib never
    builds the whole repr of a long list or text)."""
    try:
        tekst = _REPR.repr(x)
    except ValueError:  # an int of more than 4,300 digits has no repr
        return f"een getal van meer dan {_REPR.maxlong} cijfers"
    return tekst if len(tekst) <= GROOTSTE_CITAAT + 5 else tekst[:GROOTSTE_CITAAT] + "…"


def kort_tekst(x: Any, lengte: int = GROOTSTE_CITAAT) -> str:
    """``str(x)`` for a message (a name, an id, a key), cut at ``lengte`` characters."""
    tekst = x if isinstance(x, str) else kort(x)
    return tekst if len(tekst) <= lengte else tekst[:lengte] + "…"


class InvoerFout(ValueError):
    """Bad input: every problem, each with its field path, in Dutch.

    ``problemen`` is a list of ``(pad, melding)`` pairs; ``str()`` gives one line per problem. Paths and
    messages are cut to a safe length, and beyond MEESTE_PROBLEMEN problems the rest are counted, so no input
    can make the message itself large.
    """

    def __init__(self, problemen: list[tuple[str, str]]):
        problemen = [(kort_tekst(pad, GROOTSTE_PAD), kort_tekst(melding, GROOTSTE_MELDING))
                     for pad, melding in problemen]
        self.aantal = len(problemen)
        if self.aantal > MEESTE_PROBLEMEN:
            rest = self.aantal - MEESTE_PROBLEMEN
            problemen = problemen[:MEESTE_PROBLEMEN] + [
                ("", "en nog 1 ander probleem" if rest == 1 else f"en nog {rest} andere problemen")]
        self.problemen = problemen
        super().__init__(self._tekst())

    def _tekst(self) -> str:
        regels = [f"{pad}: {melding}" if pad else melding for pad, melding in self.problemen]
        kop = "Ongeldige invoer (1 probleem):" if self.aantal == 1 else f"Ongeldige invoer ({self.aantal} problemen):"
        return kop + "\n" + "\n".join(f"  - {r}" for r in regels)


class RegelFout(RuntimeError):
    """An error in the rules data under rules/ or in a signal rule (an internal error, exit 1)."""


class RegisterFout(RuntimeError):
    """An error in how the regelingen declare themselves (checker/regelingen/register.py): a need that no regeling
    meets, a circular need, a result of the wrong type (an internal error, exit 1)."""

"""The error types of the public API."""
from __future__ import annotations


class InvoerFout(ValueError):
    """Bad input: every problem, each with its field path, in Dutch.

    ``problemen`` is a list of ``(pad, melding)`` pairs; ``str()`` gives one line per problem.
    """

    def __init__(self, problemen: list[tuple[str, str]]):
        self.problemen = list(problemen)
        super().__init__(self._tekst())

    def _tekst(self) -> str:
        regels = [f"{pad}: {melding}" if pad else melding for pad, melding in self.problemen]
        kop = "Ongeldige invoer (1 probleem):" if len(regels) == 1 else f"Ongeldige invoer ({len(regels)} problemen):"
        return kop + "\n" + "\n".join(f"  - {r}" for r in regels)


class RegelFout(RuntimeError):
    """An error in the rules data under rules/ or in a signal rule (an internal error, exit 1)."""

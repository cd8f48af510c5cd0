"""samenloop: what the Dutch income-support rules do to one household together.

Public API (contract section 8)::

    from checker import check, InvoerFout
    uitkomst = check("ronald-marijke")          # a persona name, a path, or a dict (schema 1)
    sweep = scan("ronald-marijke", persoon="ronald", bron="winst", van=0, tot=3000, stap=10)

``check``, ``scan`` and ``hervorming`` are imported when first used, so that ``samenloop --help`` (and any
import of one small module) does not load numpy, pydantic and the rules engine.
"""
from typing import Any

from .fouten import InvoerFout

__all__ = ["check", "scan", "hervorming", "InvoerFout"]
__version__ = "0.1.0"


def __getattr__(naam: str) -> Any:
    if naam == "check":
        from .api import check as functie
    elif naam == "scan":
        from .scanner import scan as functie
    elif naam == "hervorming":
        from .hervormingen import hervorming as functie
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")
    globals()[naam] = functie
    return functie

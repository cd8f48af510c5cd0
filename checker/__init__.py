"""samenloop: what the Dutch income-support rules do to one household together.

Public API (contract section 8)::

    from checker import check, InvoerFout
    uitkomst = check("ronald-marijke")          # a persona name, a path, or a dict (schema 1)
    sweep = scan("ronald-marijke", persoon="ronald", bron="winst", van=0, tot=3000, stap=10)
"""
from .api import check
from .fouten import InvoerFout
from .hervormingen import hervorming
from .scanner import scan

__all__ = ["check", "scan", "hervorming", "InvoerFout"]
__version__ = "0.1.0"

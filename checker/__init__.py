"""samenloop: what the Dutch income-support rules do to one household together.

Public API (contract section 8)::

    from checker import check, InvoerFout
    uitkomst = check("ronald-marijke")          # a persona name, a path, or a dict (schema 1)
"""
from .api import check
from .fouten import InvoerFout

__all__ = ["check", "InvoerFout"]
__version__ = "0.1.0"

"""One module per regeling, named with the law's own word. Each computes over arrays of households.

What every regeling returns (``Uitkomst``, with its named parts ``Onderdeel``) is published here; the modules that
start with an underscore are this package's own.
"""
from ._uitkomst import Onderdeel, Uitkomst, niet_berekend, nodig

__all__ = ["Onderdeel", "Uitkomst", "niet_berekend", "nodig"]

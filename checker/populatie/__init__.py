"""Populations for the beleidsmaker.

- ``synthetisch``: the quick, unweighted synthetic population of ``hervorming --populatie N`` (illustrative).
- ``records``: the generator of the national records; ``doelen``: the official counts and the model's measures of
  them; ``kalibratie``: the reweighting (microcalibrate, run by the maintainer); ``landelijk``: the calibrated
  national population of ``samenloop populatie`` and ``hervorming --populatie``.
"""
from .synthetisch import (MAX_KINDEREN, TYPEN, als_huishoudbestand, als_huishouden, genereer, in_stukken,
                          met_voorschotten, stukken, verdelingen)

__all__ = ["MAX_KINDEREN", "TYPEN", "als_huishoudbestand", "als_huishouden", "genereer", "in_stukken",
           "met_voorschotten", "stukken", "verdelingen"]

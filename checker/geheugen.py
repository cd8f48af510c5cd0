"""Memory for large sweeps: let the process reuse the memory of its temporary arrays.

A scan of 6,001 points makes thousands of temporary arrays of half a megabyte or more. With its default settings
glibc's malloc gives each of those fresh pages from the kernel (mmap, or a heap it trims back as soon as the top is
free), and the page faults of touching them cost about a fifth of such a scan. Raising two thresholds once
(``mallopt``: arrays up to 32 MB from the heap, up to 128 MB of freed memory kept for reuse) removes that cost; the
results do not change, only where the bytes live. It is done once per process, at the first large sweep
(``klif``), so a process that never sweeps thousands of points keeps the defaults. Only on Linux with glibc;
elsewhere nothing happens.
"""
from __future__ import annotations

import ctypes
import sys

M_TRIM_THRESHOLD = -1      # glibc's mallopt parameters (malloc.h)
M_MMAP_THRESHOLD = -3
MMAP_DREMPEL = 32 * 2**20  # bytes: arrays up to this size come from the heap (glibc's own upper limit)
TRIM_DREMPEL = 128 * 2**20  # bytes of freed memory at the top of the heap kept for reuse

_ingesteld: bool | None = None   # None: not tried yet


def _mallopt():
    """glibc's mallopt, or None (another C library, another system)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        functie = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return None
    functie.argtypes = [ctypes.c_int, ctypes.c_int]
    functie.restype = ctypes.c_int
    return functie


def voor_grote_vegen() -> bool:
    """Raise the thresholds (once per process); True when they are set."""
    global _ingesteld
    if _ingesteld is None:
        mallopt = _mallopt()
        _ingesteld = bool(mallopt is not None and mallopt(M_MMAP_THRESHOLD, MMAP_DREMPEL)
                          and mallopt(M_TRIM_THRESHOLD, TRIM_DREMPEL))
    return _ingesteld

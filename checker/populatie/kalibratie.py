"""Reweighting the national records to the official counts, with microcalibrate (PolicyEngine's calibration
library: gradient descent on the log of the weights, so every weight stays positive).

The maintainer runs it when the records, the rules or the targets change; it writes the weights next to the
targets (rules/populatie/gewichten-<jaar>.npz) with the fingerprint of the records they belong to:

    pip install -e '.[kalibratie]'
    python -m checker.populatie.kalibratie            # both years; --jaar 2026 for one

Only counts are fitted (``gebruik: kalibratie`` in doelen.yaml); budget totals in euros are the check, never a
target. ``samenloop populatie`` reads the weights and needs neither torch nor microcalibrate.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import paden, parameters
from ..fouten import RegelFout
from . import doorrekenen, maten, records
from .gegevens import Doel, doelen

# Settings of the optimiser (Adam on the log weights). The learning rate moves a log weight by about this much per
# epoch; the epochs are enough to move a group's weight by a factor of several and then settle.
EPOCHS = 1500
LEERTEMPO = 0.02


@dataclass
class Schatting:
    """Every record's contribution to every calibration target, and the records' fingerprint."""
    doelen: list[Doel]
    matrix: np.ndarray          # (records, doelen)
    vingerafdruk: str


def kalibratiedoelen() -> list[Doel]:
    """The counts the weights are fitted to; an average cannot be one (a weighted sum must hit it)."""
    uit = [d for d in doelen() if d.gebruik == "kalibratie"]
    for d in uit:
        if maten.is_gemiddelde(d.maat) or d.eenheid.startswith("euro"):
            raise RegelFout(f"rules/populatie/doelen.yaml: '{d.id}' kan geen kalibratiedoel zijn (alleen aantallen)")
    return uit


def schat(jaar: int) -> Schatting:
    lijst = kalibratiedoelen()
    namen = [d.maat for d in lijst]
    for n in namen:
        maten.functie(n)  # an unknown measure fails before any work
    m = np.zeros((records.aantal_records(), len(lijst)), dtype=np.float32)

    def per_stuk(van: int, tot: int, rec, standen) -> None:
        m[van:tot] = maten.matrix(standen[0], namen)

    afdruk = doorrekenen.doorreken(jaar, [parameters.laad(jaar)], per_stuk)
    return Schatting(doelen=lijst, matrix=m, vingerafdruk=afdruk)


def beginwaarden(schatting: Schatting) -> np.ndarray:
    """Equal weights that add up to the target number of households."""
    totaal = next((d.waarde for d in schatting.doelen if d.maat == "huishoudens"), None)
    if totaal is None:
        raise RegelFout("rules/populatie/doelen.yaml: een kalibratiedoel met maat 'huishoudens' (het totaal) ontbreekt")
    return np.full(schatting.matrix.shape[0], totaal / schatting.matrix.shape[0])


def kalibreer(schatting: Schatting, epochs: int = EPOCHS, leertempo: float = LEERTEMPO) -> np.ndarray:
    """The calibrated weights (microcalibrate), deterministic for the same input."""
    os.environ.setdefault("TQDM_DISABLE", "1")
    import pandas as pd
    import torch
    from microcalibrate import Calibration
    torch.manual_seed(0)
    np.random.seed(0)
    torch.use_deterministic_algorithms(True)
    doelwaarden = np.asarray([d.waarde for d in schatting.doelen], dtype=np.float64)
    ids = [d.id for d in schatting.doelen]
    kal = Calibration(weights=beginwaarden(schatting), targets=doelwaarden, target_names=np.asarray(ids),
                      estimate_matrix=pd.DataFrame(schatting.matrix, columns=ids), epochs=epochs,
                      learning_rate=leertempo, noise_level=0.0, dropout_rate=0.0)
    kal.calibrate()
    return np.asarray(kal.weights, dtype=np.float64)


def afwijkingen(schatting: Schatting, gewichten: np.ndarray) -> dict[str, float]:
    """Per target: model / official − 1."""
    model = gewichten @ schatting.matrix.astype(np.float64)
    return {d.id: float(m / d.waarde - 1.0) for d, m in zip(schatting.doelen, model)}


def pad(jaar: int) -> Path:
    return paden.regels() / "populatie" / f"gewichten-{jaar}.npz"


def schrijf(jaar: int, gewichten: np.ndarray, schatting: Schatting, doel: Path | None = None) -> Path:
    from importlib.metadata import version
    info = {"jaar": jaar, "records": int(gewichten.shape[0]), "vingerafdruk": schatting.vingerafdruk,
            "doelen": {d.id: d.waarde for d in schatting.doelen}, "epochs": EPOCHS, "leertempo": LEERTEMPO,
            "microcalibrate": version("microcalibrate"), "torch": version("torch"),
            "afwijkingen": {k: round(v, 5) for k, v in afwijkingen(schatting, gewichten).items()}}
    doel = doel or pad(jaar)
    np.savez_compressed(doel, gewicht=gewichten.astype(np.float64), info=np.asarray(json.dumps(info)))
    return doel


def lees(jaar: int) -> tuple[np.ndarray, dict]:
    """The calibrated weights of ``jaar`` and what they were fitted to."""
    p = pad(jaar)
    if not p.is_file():
        raise RegelFout(f"geen gekalibreerde gewichten voor {jaar} (rules/populatie/{p.name}); "
                        "kalibreer met: python -m checker.populatie.kalibratie --jaar " + str(jaar))
    with np.load(p, allow_pickle=False) as data:
        return data["gewicht"], json.loads(str(data["info"]))


def main(argv: list[str] | None = None) -> int:
    a = argparse.ArgumentParser(prog="python -m checker.populatie.kalibratie",
                                description="kalibreer de gewichten van de landelijke records op de officiële "
                                            "aantallen")
    a.add_argument("--jaar", type=int, action="append", help="berekeningsjaar (standaard alle ondersteunde jaren)")
    args = a.parse_args(argv)
    for jaar in args.jaar or parameters.ondersteunde_jaren():
        begin = time.perf_counter()
        s = schat(jaar)
        w = kalibreer(s)
        doel = schrijf(jaar, w, s)
        grootste = max(afwijkingen(s, w).items(), key=lambda kv: abs(kv[1]))
        print(f"{jaar}: {len(s.doelen)} doelen, {w.shape[0]:,} records, grootste afwijking {grootste[0]} "
              f"{grootste[1]:+.2%}, {time.perf_counter() - begin:.0f} s → {doel.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

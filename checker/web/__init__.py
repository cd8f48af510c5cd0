"""The local web page (``samenloop web``): Flask app, household form, result, print view and JSON API."""
from .app import HOST, STANDAARD_POORT, maak_app, maak_server, run_argumenten, start

__all__ = ["HOST", "STANDAARD_POORT", "maak_app", "maak_server", "run_argumenten", "start"]

"""The web UI: `firsthand serve`."""

from .app import create_app

__all__ = ["create_app"]

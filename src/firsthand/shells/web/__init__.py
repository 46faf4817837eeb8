"""The web UI: `firsthand serve`."""

from firsthand.shells.web.app import create_app

__all__ = ["create_app"]

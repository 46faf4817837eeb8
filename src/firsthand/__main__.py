"""``python -m firsthand`` runs the command line."""

from firsthand.cli import main

main()

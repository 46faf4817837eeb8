"""``python -m firsthand`` runs the command line."""

from firsthand.shells.entry import main

main()

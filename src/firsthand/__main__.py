"""``python -m firsthand`` runs the command line."""

import sys

try:
    from firsthand.cli import main
except KeyboardInterrupt:  # Ctrl-C while the command line is still being imported
    sys.stderr.write("firsthand: interrupted\n")
    sys.exit(130)

main()

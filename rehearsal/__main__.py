"""``python -m rehearsal`` runs the command line."""

import sys

from rehearsal.cli import main

sys.exit(main())

"""``python -m graph``: see :mod:`graph.cli`."""

import sys

from graph.cli import main

if __name__ == "__main__":
    sys.exit(main())

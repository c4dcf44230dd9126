"""``python -m geokit.cli``: the same as the ``geokit`` command."""

import sys

from ._main import main

sys.exit(main())

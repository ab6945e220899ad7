"""``python -m newsletter_liquid``: the same as the ``newsletter-liquid`` command."""

import sys

from .cli import main

sys.exit(main())

"""Jekyll's dialect of Liquid (Jekyll 4.3.1 on liquid 5.4), built on python-liquid."""

from __future__ import annotations

from .environment import JekyllEnvironment, SiteContext

__all__ = ["JekyllEnvironment", "SiteContext"]

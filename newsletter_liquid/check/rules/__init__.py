"""One module per family of checks; each adds findings to a ``Checker``."""

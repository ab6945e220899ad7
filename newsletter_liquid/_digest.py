"""BLAKE2b without ``hashlib``'s start-up cost.

``import hashlib`` initialises OpenSSL (several milliseconds, paid by every
pre-commit run); BLAKE2 is CPython's own ``_blake2`` module, the very class
``hashlib.blake2b`` names. Interpreters without it use hashlib's.
"""

from __future__ import annotations

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other interpreters
    from hashlib import blake2b

__all__ = ["blake2b"]

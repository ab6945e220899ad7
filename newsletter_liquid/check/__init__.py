"""``newsletter-liquid check``: find what a reviewer misses before a post goes out.

``check(paths, site=...)`` returns every finding (it never stops at the first);
each has a stable code, a ``path:line:col`` in the source file, a severity and a
message saying what to do. Loading the site is cheap; only the given files are
rendered. Importing this package is cheap too: the engine loads on first use.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .findings import CODES, SEVERITIES, Code, Finding, severity_rank

if TYPE_CHECKING:
    from ..site import Site

__all__ = ["CODES", "SEVERITIES", "Code", "Finding", "check", "severity_rank"]


def check(
    paths: Sequence[str | os.PathLike[str]] | None = None,
    site: str | os.PathLike[str] | Site | None = None,
    *,
    config_files: Sequence[str | os.PathLike[str]] | None = None,
    overrides: Mapping[str, Any] | None = None,
    drafts: bool = False,
    future: bool | None = None,
    unpublished: bool | None = None,
    jobs: int | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    use_cache: bool = True,
) -> list[Finding]:
    """Check ``paths`` in the context of ``site`` (a folder or a loaded ``Site``;
    default: the current folder). ``paths=None`` checks every file of the site;
    files that are not documents, layouts or includes are skipped. ``jobs``: processes
    to render with (default: one for a few files, up to four for the whole site).
    ``cache_dir``: where the values of the site's last read are kept (default: the build
    cache's folder in the source, when it exists); ``use_cache=False``: nowhere."""
    from .engine import run_check

    return run_check(paths, site, config_files=config_files, overrides=overrides,
                     drafts=drafts, future=future, unpublished=unpublished, jobs=jobs,
                     cache_dir=cache_dir, use_cache=use_cache)

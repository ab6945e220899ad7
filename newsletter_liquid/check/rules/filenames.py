"""File names of posts (NL040, NL043) and the date they imply (NL041)."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ...document import DATE_FILENAME_RE, Document, Page, parse_date
from ...errors import NewsletterLiquidError
from ...frontmatter import has_front_matter
from ...utils import slugify
from ..positions import value_position

if TYPE_CHECKING:
    from ...site import Site
    from ..engine import Checker

__all__ = ["check_file_name", "stray_post_files"]

_STRICT_RE = re.compile(r"^(?:.+/)*?\d{4}-\d{2}-\d{2}-[^/]+\.[^./]+$")
_TEXT_EXTS = {".md", ".markdown", ".mkd", ".mkdn", ".mdown", ".html", ".htm", ".txt", ".textile"}


def _posts_relative(path: Path) -> str | None:
    """The path below its ``_posts`` folder, or None when it is not in one."""
    parts = path.parts
    if "_posts" not in parts[:-1]:
        return None
    idx = len(parts) - 1 - list(reversed(parts[:-1])).index("_posts") - 1
    return "/".join(parts[idx + 1:])


def _looks_like_document(path: Path) -> bool:
    if path.suffix.lower() in _TEXT_EXTS:
        return True
    try:
        with path.open("rb") as fh:
            return has_front_matter(fh.readline().decode("utf-8", "replace"))
    except OSError:
        return False


def stray_post_files(site: Site, read: Mapping[Path, Any],
                     realpath: Callable[[Path], Path] = Path.resolve) -> list[tuple[Path, str]]:
    """Document files in ``_posts`` and collection folders that the site did not read
    (misnamed, unpublished or future-dated): they still get the file-level checks.
    ``read`` is keyed by resolved paths (``realpath``: a faster ``Path.resolve``)."""
    found: list[tuple[Path, str]] = []
    dest = Path(str(site.config.get("destination") or "")).resolve()
    excluded = {str(e).strip("/") for e in site.config.get("exclude") or []}
    roots: list[tuple[Path, str]] = []
    for dirpath, dirnames, _files in os.walk(site.source):
        here = Path(dirpath)
        dirnames[:] = sorted(
            d for d in dirnames
            if not d.startswith(".") and (here / d).resolve() != dest
            and str((here / d).relative_to(site.source)) not in excluded
            and d not in ("node_modules", "vendor")
        )
        if "_posts" in dirnames:
            roots.append((here / "_posts", "posts"))
        if here == site.source:
            for label, collection in site.collections.items():
                if label != "posts" and collection.directory.is_dir():
                    roots.append((collection.directory, label))
            dirnames[:] = [d for d in dirnames if not d.startswith("_")]
    for root, label in roots:
        for dirpath, dirnames, files in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(files):
                path = realpath(Path(dirpath) / name)
                if name.startswith(".") or path in read:
                    continue
                if _looks_like_document(path):
                    found.append((path, label))
    return found


def check_file_name(checker: Checker, path: Path, text: str, item: Document | Page | None,
                    data: Mapping[str, Any] | None) -> None:
    rel = _posts_relative(path)
    if rel is not None:
        _check_post_name(checker, path, rel, data)
    if isinstance(item, Page):
        return
    _check_date(checker, path, text, item, data)


def _check_post_name(checker: Checker, path: Path, rel: str,
                     data: Mapping[str, Any] | None) -> None:
    if DATE_FILENAME_RE.match(rel) is None:
        stem = Path(rel).name
        ext = Path(rel).suffix or ".md"
        stem = stem[: len(stem) - len(Path(rel).suffix)] if Path(rel).suffix else stem
        date = data.get("date") if data else None
        prefix = date.strftime("%Y-%m-%d") if isinstance(date, dt.date) else "YYYY-MM-DD"
        if re.match(r"\d{2,4}-\d{1,2}-\d{1,2}-", stem):
            suggestion = f"{stem}{ext}"
        else:
            suggestion = f"{prefix}-{slugify(stem) or 'title'}{ext}"
        checker.add("NL040", path, 1, 1,
                    f"'{Path(rel).name}' is not named YYYY-MM-DD-title.ext, so Jekyll does not "
                    f"publish it: rename it, e.g. to '{suggestion}'")
    elif _STRICT_RE.match(rel) is None:
        m = DATE_FILENAME_RE.match(rel)
        assert m is not None
        checker.add("NL043", path, 1, 1,
                    f"the date '{m.group(1)}' in the file name is not written YYYY-MM-DD "
                    "(zero-padded); Jekyll accepts it but sorting and tools may not")


def _check_date(checker: Checker, path: Path, text: str, item: Document | None,
                data: Mapping[str, Any] | None) -> None:
    pos = value_position(text, "date")
    if pos is None or data is None:
        return
    try:
        rel = path.relative_to(checker.site.collections_path.resolve()).as_posix()
    except ValueError:
        rel = path.name
    m = DATE_FILENAME_RE.match(rel)
    if m is None:
        return
    try:
        y, mo, d = (int(x) for x in m.group(1).split("-"))
        named = dt.date(y, mo, d)
    except ValueError:
        return
    try:
        value = item.date if item is not None else parse_date(
            data.get("date"), checker.site.zone, "invalid date", checker.site._time)
    except NewsletterLiquidError as exc:
        checker.add("NL041", path, pos[0], pos[1], f"{exc.message}")
        return
    if not isinstance(value, dt.date) or value.year < 100:
        return
    actual = value.date() if isinstance(value, dt.datetime) else value
    if actual != named:
        zone = checker.site.config.get("timezone")
        where = f" (in the site's timezone {zone})" if zone else ""
        checker.add("NL041", path, pos[0], pos[1],
                    f"front matter date is {actual.isoformat()}{where} but the file name says "
                    f"{named.isoformat()}: the URL uses the front matter date; make them agree")

"""Gem-based themes (``theme: minima``) as Jekyll 4.3.1 finds and reads them.

Jekyll asks RubyGems for the theme's gem (``Gem::Specification.find_by_name``) and reads,
from the gem's folder: layouts the site does not have, includes after the site's own,
Sass partials after the site's load paths, ``assets/`` (pages and static files the site
does not have, after everything else), ``_data`` under the site's, and ``_config.yml``
under the site's configuration (but for Jekyll's own defaults). The gem's runtime
dependencies are loaded as plugins (minima brings jekyll-feed and jekyll-seo-tag).

The gem is looked up where RubyGems looks: ``GEM_HOME``, ``GEM_PATH``, then the usual
gem folders (the user's, Debian's ``rubygems-integration``, ``/usr/local``...): each has
``specifications/NAME-VERSION.gemspec`` beside ``gems/NAME-VERSION/``. The newest
version wins, as in RubyGems.
"""

from __future__ import annotations

import glob
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError

__all__ = ["Theme", "find_theme", "gem_paths"]

_GEM_NAME = r"\s*\(?\s*(?:%q<([^>]+)>|[\"']([^\"']+)[\"'])"
_DEPENDENCY_RE = re.compile(r"add_(?:runtime_)?dependency" + _GEM_NAME)
_RUNTIME_RE = re.compile(r"add_runtime_dependency" + _GEM_NAME)


@dataclass(frozen=True)
class Theme:
    """An installed theme gem: ``Jekyll::Theme``."""

    name: str
    version: str
    root: Path
    runtime_dependencies: tuple[str, ...]

    def path_for(self, folder: str) -> Path | None:
        """A folder of the theme, its links resolved but kept inside the theme."""
        try:
            real = (self.root / folder).resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if real != self.root and self.root not in real.parents:
            return None
        return real if real.is_dir() else None

    @property
    def includes_path(self) -> Path | None:
        return self.path_for("_includes")

    @property
    def layouts_path(self) -> Path | None:
        return self.path_for("_layouts")

    @property
    def sass_path(self) -> Path | None:
        return self.path_for("_sass")

    @property
    def assets_path(self) -> Path | None:
        return self.path_for("assets")

    @property
    def data_path(self) -> Path | None:
        return self.path_for("_data")


def gem_paths() -> list[Path]:
    """Where RubyGems keeps gems, in its order (``Gem.path``), existing folders only."""
    found: list[str] = []
    for var in ("GEM_HOME", "GEM_PATH"):
        found.extend(p for p in os.environ.get(var, "").split(os.pathsep) if p)
    home = os.path.expanduser("~")
    patterns = [
        f"{home}/.local/share/gem/ruby/*", f"{home}/.gem/ruby/*", "/var/lib/gems/*",
        "/usr/local/lib/ruby/gems/*", "/usr/lib/ruby/gems/*", "/usr/lib/*/ruby/gems/*",
        "/usr/share/rubygems-integration/*", "/usr/lib/*/rubygems-integration/*",
    ]
    gem_path = os.environ.get("GEM_PATH", "")
    # GEM_PATH replaces the default folders, unless it ends with a separator (RubyGems)
    if not gem_path or gem_path.endswith(os.pathsep):
        for pattern in patterns:
            found.extend(sorted(glob.glob(pattern)))
    result: list[Path] = []
    for entry in dict.fromkeys(found):
        path = Path(entry)
        if (path / "specifications").is_dir() and path not in result:
            result.append(path)
    return result


def _version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """Gem::Version ordering, closely enough: numbers by value, a letter part (``.pre``)
    before the release."""
    parts: list[tuple[int, int | str]] = []
    for piece in re.findall(r"\d+|[a-zA-Z]+", version):
        parts.append((1, int(piece)) if piece.isdigit() else (0, piece))
    return tuple(parts)


def find_theme(name: str) -> Theme:
    """The newest installed version of the theme gem ``name``; ConfigError if none is."""
    name = name.strip().lower()
    best: tuple[tuple[tuple[int, int | str], ...], Path, str] | None = None
    for base in gem_paths():
        for spec in (base / "specifications").glob(f"{glob.escape(name)}-*.gemspec"):
            version = spec.name[len(name) + 1: -len(".gemspec")]
            if not re.fullmatch(r"[0-9][0-9A-Za-z.]*", version):
                continue  # another gem whose name starts like this one
            root = base / "gems" / f"{name}-{version}"
            if not root.is_dir():
                continue
            key = _version_key(version)
            if best is None or key > best[0]:
                best = (key, spec, version)
    if best is None:
        raise ConfigError(f"The {name} theme could not be found. Install its gem "
                          f"(gem install {name}, or a distribution package) or remove theme:",
                          None)
    _, spec, version = best
    text = spec.read_text("utf-8", "replace")
    deps = [a or b for a, b in _RUNTIME_RE.findall(text)] or \
        [a or b for a, b in _DEPENDENCY_RE.findall(text)]
    root = (spec.parent.parent / "gems" / f"{name}-{version}").resolve()
    return Theme(name, version, root, tuple(dict.fromkeys(d for d in deps if d != "jekyll")))

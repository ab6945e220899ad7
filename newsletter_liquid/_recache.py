"""Compiled regular expressions kept between runs of the command, as ``.pyc`` files keep code.

Every start of ``newsletter-liquid`` compiles a few hundred regular expressions
(kramdown's grammar, Ruby's time formats, python-liquid's own): about 35 ms, an
eighth of checking one post from a pre-commit hook. Python's ``re`` turns a pattern
into a list of integers for its matching engine; that list depends only on the
pattern, the flags and the Python build. This module keeps those lists in one file
per Python build, and hands a known pattern to the engine (``_sre.compile``) without
parsing it again. The pattern objects are the same as ``re.compile`` makes (equal
under ``==``, which compares the engine code).

Only the command line uses it (:func:`enable` in ``cli.main``), never a program that
imports the library. It is CPython 3.11 to 3.13 only (the versions whose compiler
this mirrors; elsewhere it does nothing), it can be switched off with
``NEWSLETTER_LIQUID_REGEX_CACHE=0``, and any problem with the file (absent, damaged,
another Python, unwritable) means compiling as usual.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import time
from array import array
from pathlib import Path
from typing import Any

__all__ = ["RegexCache", "default_path", "default_path_in", "enable", "supported"]

#: a run that used more patterns than this does not write the file
MAX_ENTRIES = 4000
#: seconds of compiling new patterns that make a run write the file
SAVE_THRESHOLD = 0.001

_Key = tuple[Any, int]
_WORD = "I"  # the engine's code unit (``_sre.CODESIZE`` bytes)
#: the engine's flags, code (machine words as bytes: fast to load), groups, names
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]


def _private(name: str) -> Any:
    """CPython's own modules behind ``re`` (they have no type stubs)."""
    import importlib

    return importlib.import_module(name)


def supported() -> bool:
    return (sys.implementation.name == "cpython" and (3, 11) <= sys.version_info[:2] <= (3, 13)
            and array(_WORD).itemsize == _private("_sre").CODESIZE)


def default_path() -> Path | None:
    """The cache file of this Python build in the user's cache folder (XDG)."""
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if not base:
        home = os.environ.get("HOME") or ""
        if not home:
            return None
        base = os.path.join(home, ".cache")
    return default_path_in(Path(base))


def default_path_in(cache_home: Path) -> Path:
    tag = sys.implementation.cache_tag or "python"
    return cache_home / "newsletter-liquid" / f"regex-{tag}-{sys.hexversion:x}.marshal"


def _stamp() -> tuple[Any, ...]:
    _sre = _private("_sre")
    return ("newsletter-liquid regex cache 2", sys.hexversion, _sre.MAGIC, _sre.CODESIZE,
            _sre.MAXREPEAT, _sre.MAXGROUPS)


class RegexCache:
    """A file of compiled patterns, and the hook that uses and fills it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[_Key, _Entry] = {}
        #: patterns compiled or restored in this run
        self.used: set[_Key] = set()
        #: seconds spent compiling patterns the file did not have
        self.new_cost = 0.0
        self._original: Any = None

    def load(self) -> None:
        try:
            with open(self.path, "rb") as fh:
                stamp, entries = marshal.load(fh)
        except (OSError, EOFError, ValueError, TypeError):
            return
        if stamp == _stamp() and isinstance(entries, dict):
            self.entries = entries

    def install(self) -> None:
        """Route ``re``'s compiler through the cache (until :meth:`uninstall`)."""
        _sre = _private("_sre")
        compiler = _private("re._compiler")
        parser = _private("re._parser")
        original = compiler.compile
        entries = self.entries
        debug = compiler.SRE_FLAG_DEBUG

        def compile(p: Any, flags: int = 0) -> Any:
            if not isinstance(p, (str, bytes)) or flags & debug:
                return original(p, flags)
            key = (p, flags)
            entry = entries.get(key)
            try:
                if entry is None:
                    start = time.perf_counter()
                    # re._compiler.compile, keeping what it hands to the engine
                    parsed = parser.parse(p, flags)
                    code = array(_WORD, compiler._code(parsed, flags)).tobytes()
                    groupindex = dict(parsed.state.groupdict)
                    names: list[str | None] = [None] * parsed.state.groups
                    for name, index in groupindex.items():
                        names[index] = name
                    entry = (flags | parsed.state.flags, code, parsed.state.groups - 1,
                             groupindex, tuple(names))
                    entries[key] = entry
                    self.new_cost += time.perf_counter() - start
                final_flags, code, groups, groupindex, indexgroup = entry
                words = array(_WORD)
                words.frombytes(code)
                pattern = _sre.compile(p, final_flags, words.tolist(), groups, groupindex,
                                       indexgroup)
            except Exception:  # re's own compiler decides (and raises its error)
                entries.pop(key, None)
                return original(p, flags)
            self.used.add(key)
            return pattern

        self._original = original
        compiler.compile = compile

    def uninstall(self) -> None:
        if self._original is not None:
            _private("re._compiler").compile = self._original
            self._original = None

    def save(self) -> None:
        """Write the file when this run compiled enough that is not in it.

        Patterns built from data (or from a set, in another order each run) would
        otherwise rewrite the file on every run: a millisecond of new compiling is
        the threshold. The file keeps what this run used, so it never grows with
        patterns no longer asked for.
        """
        if self.new_cost < SAVE_THRESHOLD:
            return
        kept = {key: self.entries[key] for key in self.used if key in self.entries}
        if len(kept) > MAX_ENTRIES:
            return
        tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as fh:
                marshal.dump((_stamp(), kept), fh)
            os.replace(tmp, self.path)
            self.new_cost = 0.0
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def enable() -> RegexCache | None:
    """Load and install the user's cache; ``None`` where it does not apply."""
    if not supported() or os.environ.get("NEWSLETTER_LIQUID_REGEX_CACHE", "1") in ("0", ""):
        return None
    path = default_path()
    if path is None:
        return None
    cache = RegexCache(path)
    cache.load()
    cache.install()
    return cache

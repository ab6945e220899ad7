"""What reading a site parsed last time: YAML values by the digest of their text.

Reading a site parses the YAML of every file (front matter, data files, the
configuration): most of the reading time of a cached rebuild or a one-post check,
and the only reason such a run imports PyYAML. The values are kept in the cache
folder next to the build cache (``yaml.pickle``), keyed by a digest of the YAML
text, of the zone its times are shown in and of the loader's code; a text that did
not change is not parsed again, whatever its file's time stamps say.

The file is one pickle of ``{digest: pickled value}``, read whole (no SQLite: its
import alone costs what a hit saves) and replaced atomically when it changed. Values
are unpickled through an allow-list of the classes YAML loads, so a damaged or
foreign file is a miss, never code run; any failure to read or write is a miss too.
Times shown in the site's zone store a reference to "the zone" (the key holds which
one), so any zone class works, a ``ZoneInfo`` or ``timezone:``'s fixed offsets.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ._digest import blake2b

__all__ = ["CACHE_DIR_NAME", "YamlCache", "prepare_cache_folder"]

#: the cache folder's name in the source (skipped by the reader, as Jekyll's .jekyll-cache)
CACHE_DIR_NAME = ".newsletter-liquid-cache"

_FILE = "yaml.pickle"
_MAGIC = b"newsletter-liquid yaml cache 1\n"
_GITIGNORE = "# made by newsletter-liquid: a cache, never commit it\n*\n"
#: the classes a YAML value is made of, besides what pickle writes without a name
_ALLOWED = frozenset({
    ("builtins", "set"), ("builtins", "frozenset"), ("builtins", "bytearray"),
    ("datetime", "date"), ("datetime", "datetime"), ("datetime", "time"),
    ("datetime", "timezone"), ("datetime", "timedelta"),
})

Loader = Callable[[str, "dt.tzinfo | None"], Any]


def prepare_cache_folder(folder: Path) -> None:
    """Create the cache folder with a ``.gitignore`` of ``*`` (git then ignores it)."""
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text(_GITIGNORE)


class _Pickler(pickle.Pickler):
    def __init__(self, file: io.BytesIO, zone: dt.tzinfo | None) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.zone = zone

    def persistent_id(self, obj: Any) -> str | None:
        return "zone" if obj is self.zone and obj is not None else None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, zone: dt.tzinfo | None) -> None:
        super().__init__(file)
        self.zone = zone

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not a YAML value")
        return super().find_class(module, name)

    def persistent_load(self, pid: Any) -> Any:
        if pid != "zone" or self.zone is None:
            raise pickle.UnpicklingError("unknown reference")
        return self.zone


def _dumps(value: Any, zone: dt.tzinfo | None = None) -> bytes:
    buffer = io.BytesIO()
    _Pickler(buffer, zone).dump(value)
    return buffer.getvalue()


def _loads(data: bytes, zone: dt.tzinfo | None = None) -> Any:
    return _Unpickler(io.BytesIO(data), zone).load()


def _salt() -> bytes:
    """The loader's code and PyYAML's installation (by its files, without importing it)."""
    from importlib.util import find_spec

    parts = [_MAGIC, sys.version.encode()]
    try:
        parts.append(Path(__file__).with_name("_yaml_psych.py").read_bytes())
    except OSError:
        parts.append(b"?")
    spec = find_spec("yaml")
    origin = spec.origin if spec is not None else None
    try:
        stat = os.stat(origin) if origin else None
    except OSError:
        stat = None
    parts.append(f"{origin}:{stat.st_size}:{stat.st_mtime_ns}".encode() if stat else b"-")
    return blake2b(b"\0".join(parts), digest_size=16).hexdigest().encode()


def _zone_key(zone: dt.tzinfo | None) -> bytes:
    """What decides how a time without offset is shown: the zone, or the local one."""
    if zone is None:
        local = [os.environ.get("TZ", "-"), str(time.tzname), str(time.timezone),
                 str(time.altzone), str(time.daylight), os.path.realpath("/etc/localtime")]
        return ("local:" + "|".join(local)).encode("utf-8", "surrogatepass") + b"\0"
    kind = type(zone)
    return f"{kind.__module__}.{kind.__qualname__}:{zone!r}".encode(
        "utf-8", "surrogatepass") + b"\0"


class YamlCache:
    """YAML values of the last read of a site, by text; ``load`` parses only what is new."""

    def __init__(self, folder: Path | None, salt: bytes = b"",
                 entries: dict[bytes, bytes] | None = None) -> None:
        self.folder = folder
        self._salt = salt
        self._entries: dict[bytes, bytes] = entries or {}
        self._used: set[bytes] = set()
        self._changed = False
        self._zones: dict[int, tuple[dt.tzinfo | None, bytes]] = {}
        self.hits = 0
        self.misses = 0

    @classmethod
    def open(cls, folder: str | os.PathLike[str]) -> YamlCache:
        """The cache kept in ``folder`` (empty when missing, unreadable or outdated)."""
        path = Path(folder)
        salt = _salt()
        entries: dict[bytes, bytes] = {}
        try:
            data = (path / _FILE).read_bytes()
        except OSError:
            data = b""
        header = _MAGIC + salt + b"\n"
        if data.startswith(header):
            try:
                loaded = _loads(data[len(header):])
            except Exception:  # damaged: a miss
                loaded = None
            if isinstance(loaded, dict) and all(
                    type(k) is bytes and type(v) is bytes for k, v in loaded.items()):
                entries = loaded
        return cls(path, salt, entries)

    def load(self, text: str, zone: dt.tzinfo | None = None,
             parse: Loader | None = None) -> Any:
        """``parse(text, zone)`` (default: ``load_yaml``), from the cache when it has it.
        Errors are not cached: a bad text raises every time."""
        known = self._zones.get(id(zone))
        if known is None or known[0] is not zone:
            known = self._zones[id(zone)] = (zone, _zone_key(zone))
        key = blake2b(known[1] + text.encode("utf-8", "surrogatepass"),
                              digest_size=16).digest()
        self._used.add(key)
        data = self._entries.get(key)
        if data is not None:
            try:
                value = _loads(data, zone)
            except Exception:  # damaged entry: parse again
                pass
            else:
                self.hits += 1
                return value
        if parse is None:
            from ._yaml import load_yaml

            parse = load_yaml
        value = parse(text, zone)
        self.misses += 1
        try:
            data = _dumps(value, zone)
            _loads(data, zone)  # kept only when the next run can read it back
        except Exception:  # not a plain YAML value: parsed every time
            self._entries.pop(key, None)
        else:
            self._entries[key] = data
            self._changed = True
        return value

    def save(self) -> None:
        """Keep the values this run used (and only them); never raises."""
        if self.folder is None or (not self._changed and self._entries.keys() <= self._used):
            return
        import tempfile

        keep = {k: v for k, v in self._entries.items() if k in self._used}
        try:
            prepare_cache_folder(self.folder)
            fd, tmp = tempfile.mkstemp(prefix=".yaml-", dir=self.folder)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(_MAGIC + self._salt + b"\n")
                    pickle.dump(keep, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, self.folder / _FILE)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return
        self._entries = keep
        self._changed = False

"""Incremental builds: a persistent cache keyed by content, and the read log that makes it sound.

A build renders documents and pages one after another with one shared payload,
so what a render produces depends on more than its own file: the documents it
reads through the drops (their titles, URLs, contents as rendered so far), the
files it includes, the time, what the previous render left in ``content`` and
``layout``. While a render runs, a :class:`Tracker` is the site's
``read_observer``: every drop read, every file read and every ``site.time`` read
is noted with a fingerprint of the value seen. The next build walks the items
in the same order; an item whose own inputs and every noted read still give the
same fingerprints *at that point of the walk* is not rendered again: its output,
its converted content and what it left in the payload are restored from the
cache. Anything else is rendered, and recorded anew.

What the log cannot see is in the site-wide key (:func:`global_key`): the code,
the configuration, the layouts, the list of documents, pages and static files
with their URLs, the plugins and the environment. When it differs nothing is
reused. Renders that touch state shared across renders which the log does not
follow (``increment`` counters, jekyll-include-cache's store, Python's random
generator) are never reused.

The store is one SQLite file in ``.newsletter-liquid-cache/`` inside the source.
Every failure to open, read or write it (corrupt, old format, read-only folder)
makes it a miss: a build never fails because of its cache.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import random
import sqlite3
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._digest import blake2b

if TYPE_CHECKING:
    from .document import Convertible, Document, Excerpt, Page
    from .renderer import Renderer
    from .site import Site

__all__ = [
    "CACHE_DIR_NAME",
    "CacheDamaged",
    "CacheStore",
    "PendingText",
    "Record",
    "Tracker",
    "Unfingerprintable",
    "fingerprint",
    "global_key",
    "text_digest",
]

CACHE_DIR_NAME = ".newsletter-liquid-cache"
#: bump when the meaning of a record changes
FORMAT = "1"
#: plugins whose Python code reads nothing at render time that the log misses
CACHE_SAFE_PLUGINS = frozenset({
    "jekyll-feed", "jekyll-paginate", "jekyll-redirect-from", "jekyll-sitemap",
    "jekyll-default-layout", "jekyll-optional-front-matter", "jekyll-titles-from-headings",
    "jekyll-github-metadata", "jekyll-archives", "jekyll-toc", "jekyll-readme-index",
})
#: drop keys whose value changes while a build runs (documents are rendered)
_VOLATILE_KEYS = frozenset({"content", "output", "excerpt", "pages", "html_pages", None})


class Unfingerprintable(Exception):
    """A value the cache cannot compare across builds (the render is then never reused)."""


# -- fingerprints ---------------------------------------------------------------------


def text_digest(text: str) -> str:
    """The key of a text in the blob store."""
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


_EMPTY_DIGEST = text_digest("")


def fingerprint(value: Any, *, own: bool = False) -> str:
    """A digest of ``value`` that is equal across processes exactly when the value is.

    Drops count by their identity (``drop_token``), not by their contents: what a
    render reads from them is logged read by read. An excerpt counts by its output;
    with ``own`` (an item's data as its own input) by its source text, as
    ``["excerpt", text]``.
    """
    from .dialect.drops import Drop
    from .document import Excerpt

    h = blake2b(digest_size=16)
    _Feeder(h, Drop, Excerpt, own).feed(value, 0)
    return h.hexdigest()


class _Feeder:
    __slots__ = ("drop_class", "excerpt_class", "h", "own")

    def __init__(self, h: Any, drop_class: type, excerpt_class: type[Excerpt],
                 own: bool = False) -> None:
        self.h = h
        self.drop_class = drop_class
        self.excerpt_class = excerpt_class
        self.own = own

    def feed(self, value: Any, depth: int) -> None:
        h = self.h
        if depth > 200:
            raise Unfingerprintable("nested too deeply")
        kind = type(value)
        if value is None:
            h.update(b"N")
        elif kind is str or isinstance(value, str):
            data = value.encode("utf-8", "surrogatepass")
            h.update(b"S%d:" % len(data))
            h.update(data)
        elif value is True or value is False:
            h.update(b"T" if value else b"F")
        elif kind is int:
            h.update(b"I%d;" % value)
        elif kind is float:
            h.update(b"R" + repr(value).encode() + b";")
        elif isinstance(value, dt.datetime):
            h.update(f"D{value.isoformat()}|{value.tzname()}|{type(value.tzinfo).__name__};"
                     .encode("utf-8", "surrogatepass"))
        elif isinstance(value, dt.date):
            h.update(f"Y{value.isoformat()};".encode())
        elif kind is list or kind is tuple:
            h.update(b"L%d:" % len(value))
            for item in value:
                self.feed(item, depth + 1)
        elif isinstance(value, self.drop_class):
            name = drop_token(value)
            if name is None:
                raise Unfingerprintable(type(value).__name__)
            h.update(b"P" + name.encode("utf-8", "surrogatepass") + b";")
        elif isinstance(value, Mapping):
            h.update(b"M%d:" % len(value))
            for key, item in value.items():
                self.feed(key, depth + 1)
                self.feed(item, depth + 1)
        elif isinstance(value, (list, tuple)):
            h.update(b"L%d:" % len(value))
            for item in value:
                self.feed(item, depth + 1)
        elif kind is range:
            h.update(b"G%d,%d,%d;" % (value.start, value.stop, value.step))
        elif self.own and isinstance(value, self.excerpt_class):
            self.feed(["excerpt", value.content], depth)
        else:
            output = getattr(value, "output", None)
            if not isinstance(value, self.excerpt_class) or output is None:
                raise Unfingerprintable(type(value).__name__)
            h.update(b"E")
            self.feed(output, depth + 1)


def drop_token(drop: Any) -> str | None:
    """A drop's identity, the same in every build of the same site structure."""
    from .dialect.drops import (
        CollectionDrop,
        DocumentDrop,
        ExcerptDrop,
        JekyllDrop,
        SiteDrop,
        StaticFileDrop,
    )

    if isinstance(drop, ExcerptDrop):
        return "e:" + drop.excerpt.doc.relative_path
    if isinstance(drop, DocumentDrop):
        return "d:" + drop.doc.relative_path
    if isinstance(drop, SiteDrop):
        current = drop.current_document
        return "s:" + (current.relative_path if current is not None else "")
    if isinstance(drop, StaticFileDrop):
        return "f:" + str(drop.file.path)
    if isinstance(drop, CollectionDrop):
        return "c:" + drop.collection.label
    if isinstance(drop, JekyllDrop):
        return "j:"
    return None


def own_fingerprint(item: Convertible) -> str:
    """What an item is before anything else is read: its kind, data, text, URL."""
    from .document import Excerpt, Page

    raw = getattr(item, "raw_content", None)
    if isinstance(item, Excerpt):
        # not item.data: Jekyll copies the document's data on first use, so must we
        data = item._data if item._data is not None else {
            k: v for k, v in item.doc.data.items() if k not in ("layout", "excerpt")}
        url = item.doc.url
    else:
        data, url = item.data, item.url
    parts: list[Any] = [
        type(item).__name__, item.relative_path, data,
        raw if raw is not None else item.content, url,
    ]
    if isinstance(item, Page):
        pager = getattr(item, "pager", None)
        parts += [item.dir_, item.name, pager.to_liquid() if pager is not None else None]
    if data.get("draft") and not data.get("date"):
        # a draft's date, set when first read, is its file's time: not in its text
        parts.append(item.site.file_mtime(item.path))
    return fingerprint(parts, own=True)


@functools.cache
def _code_digest() -> str:
    """The package's own source: any change to the code is a new cache (read once per
    process: the site-wide key and the Markdown salt both need it)."""
    root = Path(__file__).resolve().parent
    h = blake2b(digest_size=16)
    for path in sorted(root.rglob("*.py")):
        h.update(str(path.relative_to(root)).encode())
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"?")
    return h.hexdigest()


def global_key(site: Site, items: list[Convertible]) -> str | None:
    """Everything a render may use that the read log does not follow; None when the site
    cannot be cached soundly (a plugin whose Python code reads the site at render time)."""
    if any(p.name not in CACHE_SAFE_PLUGINS for p in site.plugins):
        return None
    versions = _versions()
    local = dt.datetime.now().astimezone()
    environment = [os.environ.get(k) for k in ("JEKYLL_ENV", "SOURCE_DATE_EPOCH", "TZ")]
    environment.append(str(local.utcoffset()))
    try:
        return fingerprint([FORMAT, _code_digest(), versions, environment,
                            _structure_key(site, items)])
    except Unfingerprintable:
        return None


def _structure_key(site: Site, items: list[Convertible]) -> str:
    """The configuration, plugins, layouts, and every item's path and URL. A refreshed
    site (``Site.refresh``: only bodies changed) keeps the one of its last build, known
    by the identity of its items."""
    identity = (id(site.config), tuple(map(id, items)), tuple(map(id, site.static_files)))
    known = site._structure_memo
    if site._refreshed and known is not None and known[0] == identity:
        return known[1]
    from .document import output_path

    layouts = [[name, lay.relative_path, lay.data, lay.content]
               for name, lay in sorted(site.layouts.items())]
    structure: list[Any] = []
    for item in items:
        structure.append([type(item).__name__, item.relative_path, item.url,
                          output_path(item).as_posix()])  # type: ignore[arg-type]
    for label, collection in site.collections.items():
        structure.append([label, [d.relative_path for d in collection.docs],
                          [str(f.path) for f in collection.files]])
    structure.append([[str(f.path), f.url, f.write] for f in site.static_files])
    key = fingerprint([site.config, [p.name for p in site.plugins], layouts, structure])
    site._structure_memo = (identity, key)
    return key


# -- records ----------------------------------------------------------------------------


@dataclass
class Record:
    """What one render read and left behind."""

    own: str
    #: (drop token, key or None for the whole drop, fingerprint), in first-read order
    reads: list[tuple[str, str | None, str]] = field(default_factory=list)
    #: (file path, digest of its text) for files read while rendering (includes)
    files: list[tuple[str, str]] = field(default_factory=list)
    #: fingerprint of what the previous render left in ``content``/``layout``
    leak: str | None = None
    content: str = ""
    output: str | None = None
    #: digest of ``content`` left in the payload (None: the render left it as it was)
    leftover: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps([self.own, self.reads, self.files, self.leak, self.content,
                           self.output, self.leftover, self.warnings],
                          ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Record:
        own, reads, files, leak, content, output, leftover, warnings = json.loads(text)
        record = cls(str(own), [(str(t), None if k is None else str(k), str(f))
                                for t, k, f in reads],
                     [(str(p), str(d)) for p, d in files],
                     None if leak is None else str(leak), str(content),
                     None if output is None else str(output),
                     None if leftover is None else str(leftover),
                     [str(w) for w in warnings])
        return record

    def blobs(self) -> Iterable[str]:
        yield self.content
        if self.output is not None:
            yield self.output
        if self.leftover is not None:
            yield self.leftover


# -- the store --------------------------------------------------------------------------


class CacheStore:
    """The cache folder's SQLite file: records, texts by digest, Markdown conversions."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db: sqlite3.Connection | None = None

    @classmethod
    def open(cls, folder: Path) -> CacheStore | None:
        """The store in ``folder``, created when missing; None when it cannot be used."""
        store = cls(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            ignore = folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# made by newsletter-liquid: a cache, never commit it\n*\n")
            store._connect()
        except (OSError, sqlite3.Error, ValueError):
            store.discard()
            try:
                for suffix in ("", "-wal", "-shm"):
                    (folder / f"cache.sqlite3{suffix}").unlink(missing_ok=True)
                store._connect()
            except (OSError, sqlite3.Error, ValueError):
                store.close()
                return None
        return store

    def _connect(self) -> None:
        db = sqlite3.connect(self.folder / "cache.sqlite3", timeout=5, isolation_level=None)
        self.db = db
        # Large pages: a first build stores megabytes of text, and the folder may sit on
        # a slow file system (overlay, network): 16x fewer reads and writes than 4 KiB.
        # (Takes effect when the file is created; an older cache keeps its pages.)
        db.execute("PRAGMA page_size=65536")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=OFF")
        db.executescript(
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE IF NOT EXISTS records (key TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE IF NOT EXISTS blobs (digest TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE IF NOT EXISTS markdown (digest TEXT PRIMARY KEY, value TEXT);"
            "CREATE TABLE IF NOT EXISTS written (path TEXT PRIMARY KEY, digest TEXT,"
            " size INTEGER, mtime INTEGER, inode INTEGER);"
        )
        row = db.execute("SELECT value FROM meta WHERE key='format'").fetchone()
        if row is None:
            db.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (FORMAT,))
        elif row[0] != FORMAT:
            raise ValueError("old cache format")

    def discard(self) -> None:
        self.close()

    def wipe(self) -> None:
        """Forget everything (the store gave back a damaged text)."""
        db = self.db
        if db is None:
            return
        try:
            db.executescript("DELETE FROM records; DELETE FROM blobs; DELETE FROM markdown;"
                             "DELETE FROM written; DELETE FROM meta WHERE key != 'format';")
        except sqlite3.Error:
            self.close()

    def close(self) -> None:
        if self.db is not None:
            with contextlib.suppress(sqlite3.Error):
                self.db.close()
            self.db = None

    def _meta(self, key: str) -> str | None:
        assert self.db is not None
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def records(self, key: str) -> dict[str, Record]:
        """The records of the last build when it had the same site-wide key."""
        if self.db is None:
            return {}
        try:
            if self._meta("global") != key:
                return {}
            found: dict[str, Record] = {}
            for name, text in self.db.execute("SELECT key, value FROM records"):
                found[str(name)] = Record.from_json(str(text))
            return found
        except (sqlite3.Error, ValueError, TypeError):
            return {}

    def blob(self, digest: str) -> str | None:
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT value FROM blobs WHERE digest=?", (digest,)).fetchone()
        except sqlite3.Error:
            return None
        if row is None or not isinstance(row[0], str) or text_digest(row[0]) != digest:
            return None
        return row[0]

    def digests(self) -> set[str]:
        """The digests of every text in the store."""
        if self.db is None:
            return set()
        try:
            return {str(row[0]) for row in self.db.execute("SELECT digest FROM blobs")}
        except sqlite3.Error:
            return set()

    def markdown(self, digest: str) -> str | None:
        if self.db is None:
            return None
        try:
            row = self.db.execute(
                "SELECT value FROM markdown WHERE digest=?", (digest,)).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row is not None and isinstance(row[0], str) else None

    def written(self, dest: Path) -> dict[str, tuple[str, int, int, int]]:
        """What the last build wrote into ``dest``: path -> (digest, size, mtime_ns, inode)."""
        if self.db is None:
            return {}
        try:
            if self._meta("destination") != str(dest):
                return {}
            return {str(p): (str(d), int(s), int(m), int(i)) for p, d, s, m, i in
                    self.db.execute("SELECT path, digest, size, mtime, inode FROM written")}
        except (sqlite3.Error, ValueError, TypeError):
            return {}

    def save_written(self, dest: Path, entries: Mapping[str, tuple[str, int, int, int]],
                     before: Mapping[str, tuple[str, int, int, int]] | None = None) -> None:
        """Note what ``dest`` now holds; ``before``: what ``written`` gave (only the
        differences are stored)."""
        db = self.db
        if db is None:
            return
        try:
            db.execute("BEGIN")
            if before is None:
                db.execute("DELETE FROM written")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('destination', ?)",
                           (str(dest),))
            else:
                db.executemany("DELETE FROM written WHERE path=?",
                               [(p,) for p in before if p not in entries])
            db.executemany("INSERT OR REPLACE INTO written VALUES (?, ?, ?, ?, ?)",
                           [(p, *e) for p, e in entries.items()
                            if before is None or before.get(p) != e])
            db.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")

    def save(self, key: str | None, changed: Mapping[str, Record], removed: Iterable[str],
             live: set[str], blobs: Mapping[str, str], markdown: Mapping[str, str],
             markdown_used: Iterable[str], removed_all_known: bool = True,
             dead: set[str] | None = None) -> None:
        """Store the records that changed, drop the others, keep only the texts the
        records name (``live``); never raises. ``removed_all_known`` false: the stored
        records could not all be read, so every one is replaced. ``dead``: the texts
        no record names any more, when known (nothing else is searched for)."""
        db = self.db
        if db is None:
            return
        try:
            db.execute("BEGIN")
            if not removed_all_known or self._meta("global") != (key or ""):
                db.execute("DELETE FROM records")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('global', ?)", (key or "",))
            if key is not None:
                db.executemany("DELETE FROM records WHERE key=?", [(k,) for k in removed])
                db.executemany("INSERT OR REPLACE INTO records VALUES (?, ?)",
                               [(k, r.to_json()) for k, r in changed.items()])
            else:
                live = set()
            db.executemany("INSERT OR IGNORE INTO blobs VALUES (?, ?)", blobs.items())
            db.execute("CREATE TEMP TABLE IF NOT EXISTS live (digest TEXT PRIMARY KEY)")
            if dead is not None and key is not None and removed_all_known:
                db.executemany("DELETE FROM blobs WHERE digest=?", [(d,) for d in dead])
            else:
                db.execute("DELETE FROM live")
                db.executemany("INSERT OR IGNORE INTO live VALUES (?)", [(d,) for d in live])
                db.execute("DELETE FROM blobs WHERE digest NOT IN (SELECT digest FROM live)")
            db.executemany("INSERT OR IGNORE INTO markdown VALUES (?, ?)", markdown.items())
            db.execute("DELETE FROM live")
            db.executemany("INSERT OR IGNORE INTO live VALUES (?)",
                           [(d,) for d in {*markdown_used, *markdown}])
            db.execute("DELETE FROM markdown WHERE digest NOT IN (SELECT digest FROM live)")
            db.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")


# -- the tracker ------------------------------------------------------------------------


@dataclass(frozen=True)
class PendingText:
    """An output still in the cache: its digest now, its text when ``load`` is called."""

    digest: str
    load: Callable[[], str]


class CacheDamaged(Exception):
    """A text the cache listed cannot be read back intact (the build starts over without
    the cache)."""


class _Poisoned(Exception):
    """A read that cannot be fingerprinted: the render is recorded as never reusable."""


@dataclass
class _Recorder:
    token: str
    record: Record
    reusable: bool
    warn_start: int
    random_state: Any
    seen: set[tuple[str, str | None]] = field(default_factory=set)


class Tracker:
    """Records what each render reads; decides, in the next build, what can be reused."""

    def __init__(self, site: Site, renderer: Renderer, store: CacheStore | None,
                 key: str | None, previous: Mapping[str, Record] | None = None,
                 changed: Iterable[str] = ()) -> None:
        """``previous``: the records this process's last build of ``site`` left, when
        the site was refreshed since (``Site.refresh``) and only the documents whose
        tokens are in ``changed`` differ; see ``_valid``."""
        self.site = site
        self.renderer = renderer
        self.store = store
        self.key = key
        if previous is not None and key is not None:
            self.old = dict(previous)
        else:
            self.old = store.records(key) if store is not None and key is not None else {}
            previous = None
        #: the records as the store has them (what saving may leave alone)
        self._loaded = dict(self.old)
        #: records of the last build in this process, and what changed since
        self._trusted = {id(r) for r in previous.values()} if previous is not None else set()
        self._changed = frozenset(changed)
        self.new: dict[str, Record] = {}
        self.blobs: dict[str, str] = {}
        self.stack: list[_Recorder] = []
        self.evaluating = False
        self.validating = False
        self._memo: dict[tuple[str, str | None], str | None] = {}
        self._files: dict[str, str | None] = {}
        self._site_drops: dict[str, Any] = {}
        self._restoring: set[str] = set()
        self._docs: dict[str, Document] | None = None
        self._statics: dict[str, Any] | None = None
        #: digest of the payload's ``content`` (its text is loaded when a render needs it)
        self._leftover: str | None = None
        self._leftover_text: bool = True
        self.reused = 0
        self.rendered = 0
        #: id(item) -> digest of its output, for items whose output is still that text
        self.output_digests: dict[int, str] = {}
        self._digests: dict[int, tuple[str, str]] = {}
        self._present: set[str] | None = None
        self._resolved: dict[str, Any] = {}
        from .dialect.drops import CollectionDrop, DocumentDrop, ExcerptDrop, SiteDrop

        self._document_drop = DocumentDrop
        self._excerpt_drop = ExcerptDrop
        self._tokens: dict[type, Callable[[Any], str | None]] = {
            DocumentDrop: lambda d: "d:" + d.doc.relative_path,
            ExcerptDrop: lambda d: "e:" + d.excerpt.doc.relative_path,
            SiteDrop: lambda d: "s:",
            CollectionDrop: lambda d: "c:" + d.collection.label,
        }

    # -- hooks (site.read_observer, Site.time, Site.read_text) ---------------------------
    def observe(self, drop: Any, key: str | None) -> None:
        if self.evaluating or not self.stack:
            return
        recorder = self.stack[-1]
        if not recorder.reusable:
            return
        make = self._tokens.get(type(drop))
        token = make(drop) if make is not None else drop_token(drop)
        if token is None:
            recorder.reusable = False
            return
        if token == "s:" and key == "related_posts":
            token = drop_token(drop)  # the only key that depends on the current document
            assert token is not None
        if token == recorder.token and key != "excerpt":
            return  # the item's own fields: covered by its own fingerprint
        pair = (token, key)
        if pair in recorder.seen:
            return
        recorder.seen.add(pair)
        fp = self._read_fingerprint(drop, token, key)
        if fp is None:
            recorder.reusable = False
        else:
            recorder.record.reads.append((token, key, fp))

    def observe_time(self) -> None:
        if self.evaluating or not self.stack:
            return
        recorder = self.stack[-1]
        if ("t:", None) not in recorder.seen:
            recorder.seen.add(("t:", None))
            recorder.record.reads.append(("t:", None, fingerprint(self.site._time)))

    def observe_file(self, path: Path, text: str) -> None:
        if not self.stack:
            return
        recorder = self.stack[-1]
        name = str(path)
        if ("r:" + name, None) in recorder.seen:
            return
        recorder.seen.add(("r:" + name, None))
        digest = self._files.get(name)
        if digest is None:
            digest = self._files[name] = text_digest(text)
        recorder.record.files.append((name, digest))

    # -- fingerprints of reads -----------------------------------------------------------
    def _read_fingerprint(self, drop: Any, token: str, key: str | None) -> str | None:
        memo_key = (token, key)
        static = key not in _VOLATILE_KEYS
        if static and memo_key in self._memo:
            return self._memo[memo_key]
        saved = self.evaluating
        self.evaluating = True
        try:
            fp = self._read_value(drop, key)
        except (Unfingerprintable, _Poisoned):
            fp = None
        finally:
            self.evaluating = saved
        if static:
            self._memo[memo_key] = fp
        return fp

    def _read_value(self, drop: Any, key: str | None) -> str:
        """The fingerprint of one read as the render made it (texts by their digest)."""
        if key is None:
            digest = None
            if isinstance(drop, self._document_drop):
                digest = self._whole_text_digest(drop)
            keys = list(drop.keys())
            return "*" + fingerprint([keys, digest])
        if (key == "content" or key == "output") and isinstance(drop, self._document_drop):
            owner = drop.excerpt if isinstance(drop, self._excerpt_drop) else drop.doc
            pending = owner.pending_digest(key)
            if pending is not None:
                return "+" + pending
        if (self.validating and key == "excerpt" and type(drop) is self._document_drop
                and drop.doc.excerpt is not None and drop.doc.excerpt.output is None
                and not self._restore_excerpt(drop.doc.excerpt)):
            raise _Poisoned("excerpt not restorable")
        if key in drop:
            value = drop[key]
            if type(value) is str:
                return "+" + self.digest(value)
            return "=" + fingerprint(value)
        return "-"

    def _whole_text_digest(self, drop: Any) -> str:
        """The digest of ``str(drop)`` (a document prints its output, else its content)."""
        doc: Document = drop.doc
        pending = doc.pending_digest("output")
        if pending is not None and pending != _EMPTY_DIGEST:
            return pending
        if doc.output:
            return self.digest(doc.output)
        pending = doc.pending_digest("content")
        return pending if pending is not None else self.digest(doc.content)

    def digest(self, text: str) -> str:
        """``text_digest``, remembered for the text objects of this build."""
        known = self._digests.get(id(text))
        if known is not None and known[0] is text:
            return known[1]
        digest = text_digest(text)
        self._digests[id(text)] = (text, digest)
        return digest

    def _resolve(self, token: str) -> Any:
        """The drop ``token`` names in this build (None when it is gone)."""
        if token in self._resolved:
            return self._resolved[token]
        drop = self._resolved[token] = self._make_drop(token)
        return drop

    def _make_drop(self, token: str) -> Any:
        from .dialect.drops import (
            CollectionDrop,
            DocumentDrop,
            ExcerptDrop,
            JekyllDrop,
            SiteDrop,
            StaticFileDrop,
        )

        kind, _, name = token.partition(":")
        if self._docs is None:
            self._docs = {d.relative_path: d for d in self.site.documents}
        if kind == "d":
            doc = self._docs.get(name)
            return DocumentDrop(doc) if doc is not None else None
        if kind == "e":
            doc = self._docs.get(name)
            excerpt = doc.excerpt if doc is not None else None
            return ExcerptDrop(excerpt) if excerpt is not None else None
        if kind == "s":
            drop = self._site_drops.get(name)
            if drop is None:
                drop = SiteDrop(self.site)
                drop.current_document = self._docs.get(name) if name else None
                if name and drop.current_document is None:
                    return None
                self._site_drops[name] = drop
            return drop
        if kind == "f":
            if self._statics is None:
                self._statics = {str(f.path): f for f in self.site.static_files}
            file = self._statics.get(name)
            return StaticFileDrop(file) if file is not None else None
        if kind == "c":
            collection = self.site.collections.get(name)
            return CollectionDrop(collection) if collection is not None else None
        if kind == "j":
            return JekyllDrop(os.environ.get("JEKYLL_ENV") or "development")
        return None

    def _file_digest(self, name: str) -> str | None:
        if name not in self._files:
            try:
                self._files[name] = text_digest(Path(name).read_bytes().decode("utf-8"))
            except (OSError, UnicodeDecodeError):
                self._files[name] = None
        return self._files[name]

    # -- validation ----------------------------------------------------------------------
    def _shared_state_clean(self) -> bool:
        env = self.site._env
        counters = getattr(env, "counters", None) if env is not None else None
        return not counters and not self.site.include_cache

    def _valid(self, record: Record, item: Convertible, token: str) -> bool:
        """Whether ``record`` still holds for ``item`` at this point of the walk.

        A record this process's last build left (``previous``) was valid then, and the
        refresh since changed only the bodies of the ``changed`` documents: the data,
        URLs and texts of all others are what that build saw. So for such a record the
        item's own inputs are checked only if it is a changed one, and a read only if it
        is of a changed document or of a value that moves while a build runs (contents,
        outputs, excerpts, the page lists, whole drops); everything else it read is
        known equal. Other records are checked in full.
        """
        if not self._shared_state_clean():
            return False
        trusted = id(record) in self._trusted
        changed = self._changed
        try:
            if (not trusted or token in changed) and record.own != own_fingerprint(item):
                return False
            if record.leak is not None and record.leak != self._leak_fingerprint():
                return False
        except Unfingerprintable:
            return False
        for name, digest in record.files:
            if self._file_digest(name) != digest:
                return False
        saved = self.validating
        self.validating = True
        try:
            for read_token, key, fp in record.reads:
                if read_token == "t:":
                    if fingerprint(self.site._time) != fp:
                        return False
                    continue
                if trusted and key not in _VOLATILE_KEYS and read_token not in changed:
                    continue
                drop = self._resolve(read_token)
                if drop is None or self._read_fingerprint(drop, read_token, key) != fp:
                    return False
        finally:
            self.validating = saved
        return True

    def _blob(self, digest: str) -> str | None:
        text = self.blobs.get(digest)
        if text is None and self.store is not None:
            text = self.store.blob(digest)
            if text is not None:
                self.blobs[digest] = text
                self._digests[id(text)] = (text, digest)
        return text

    def _has(self, digest: str) -> bool:
        if digest in self.blobs:
            return True
        if self._present is None:
            self._present = self.store.digests() if self.store is not None else set()
        return digest in self._present

    def load(self, digest: str) -> str:
        """A text the cache listed; a damaged store raises ``CacheDamaged``."""
        text = self._blob(digest)
        if text is None:
            raise CacheDamaged(digest)
        return text

    def _set_pending(self, item: Convertible, name: str, digest: str) -> None:
        item.set_pending(name, digest, lambda: self.load(digest))

    def _restore_excerpt(self, excerpt: Excerpt) -> bool:
        key = "e:" + excerpt.doc.relative_path
        record = self.old.get(key)
        if record is None or key in self._restoring:
            return False
        self._restoring.add(key)
        try:
            if not self._valid(record, excerpt, key):
                return False
        finally:
            self._restoring.discard(key)
        if not self._has(record.content):
            return False
        if getattr(excerpt, "raw_content", None) is None:
            excerpt.raw_content = excerpt.content  # type: ignore[attr-defined]
        self._set_pending(excerpt, "content", record.content)
        self._set_pending(excerpt, "output", record.content)
        for message in record.warnings:
            self.site.warn(message)
        self.new[key] = record
        self.reused += 1
        return True

    def _leak_fingerprint(self) -> str:
        return fingerprint([self._leftover, self.renderer.payload.get("layout")])

    # -- rendering -----------------------------------------------------------------------
    def process(self, key: str, item: Page | Document,
                after: Callable[[Page | Document], None]) -> None:
        """Reuse ``item``'s last render when nothing it read changed, else render it."""
        record = self.old.get(key)
        # Sass reads partials the read log does not see, and a page's conversion adds
        # its source map page: always converted (LibSass takes milliseconds).
        if record is not None and not item.is_sass and self._reuse(key, record, item):
            return
        self._render(key, item, after)

    def _reuse(self, key: str, record: Record, item: Page | Document) -> bool:
        token = _item_token(item)
        if not self._valid(record, item, token):
            return False
        if record.output is None or not all(self._has(d) for d in record.blobs()):
            return False
        payload = self.renderer.payload
        if getattr(item, "raw_content", None) is None:
            item.raw_content = item.content  # type: ignore[union-attr]
        payload["layout"] = self.renderer.layout_after(item, payload["layout"])
        self._set_pending(item, "content", record.content)
        self._set_pending(item, "output", record.output)
        self.output_digests[id(item)] = record.output
        if record.leftover is not None:
            self._leftover = record.leftover
            self._leftover_text = False
        for message in record.warnings:
            self.site.warn(message)
        self.new[key] = record
        self.reused += 1
        return True

    def _render(self, key: str, item: Page | Document,
                after: Callable[[Page | Document], None]) -> None:
        payload = self.renderer.payload
        if not self._leftover_text:
            assert self._leftover is not None
            payload["content"] = self.load(self._leftover)
            self._leftover_text = True
        recorder = self.begin(_item_token(item), item)
        if item.render_with_liquid:
            try:
                recorder.record.leak = self._leak_fingerprint()
            except Unfingerprintable:
                recorder.reusable = False
        before = payload.get("content")
        try:
            item.output = self.renderer.render(item)
            after(item)
        finally:
            self.stack.pop()
        record = recorder.record
        if payload.get("content") is not before:
            leftover = payload.get("content")
            if isinstance(leftover, str):
                record.leftover = self._keep(leftover)
                self._leftover = record.leftover
            else:
                recorder.reusable = False
        record.output = self._keep(item.output or "")
        self.output_digests[id(item)] = record.output
        self.end(key, recorder, item)

    def begin(self, token: str, item: Convertible) -> _Recorder:
        """Start logging a render (items, and excerpts rendered inside them)."""
        try:
            own = own_fingerprint(item)
            reusable = self._shared_state_clean()
        except Unfingerprintable:
            own, reusable = "", False
        recorder = _Recorder(token, Record(own), reusable, len(self.site.warnings),
                             random.getstate())
        self.stack.append(recorder)
        return recorder

    def end(self, key: str, recorder: _Recorder, item: Convertible) -> None:
        record = recorder.record
        record.content = self._keep(item.content)
        record.warnings = list(self.site.warnings[recorder.warn_start:])
        if random.getstate() != recorder.random_state:
            recorder.reusable = False
        if not self._shared_state_clean():
            recorder.reusable = False
        self.rendered += 1
        if recorder.reusable:
            self.new[key] = record

    def render_excerpt(self, excerpt: Excerpt, render: Callable[[], str]) -> str:
        """Log an excerpt's render as a record of its own (it is rendered inside another)."""
        key = "e:" + excerpt.doc.relative_path
        saved = (self.evaluating, self.validating)
        self.evaluating = self.validating = False
        recorder = self.begin(key, excerpt)
        try:
            output = render()
        finally:
            self.stack.pop()
            self.evaluating, self.validating = saved
        excerpt.output = output
        self.end(key, recorder, excerpt)
        return output

    def _keep(self, text: str) -> str:
        digest = self.digest(text)
        self.blobs.setdefault(digest, text)
        return digest

    def save(self, markdown: Mapping[str, str], markdown_used: Iterable[str]) -> None:
        if self.store is None:
            return
        live = {d for r in self.new.values() for d in r.blobs()}
        changed = {k: r for k, r in self.new.items() if self._loaded.get(k) is not r}
        removed = [k for k in self._loaded if k not in self.new]
        dead = None
        if self._trusted:  # the store holds what the last build in this process left
            dead = {d for r in self._loaded.values() for d in r.blobs()} - live
        self.store.save(self.key, changed, removed, live,
                        {d: t for d, t in self.blobs.items() if d in live},
                        markdown, markdown_used, removed_all_known=bool(self._loaded),
                        dead=dead)

    # -- speculative rendering in other processes (--jobs) --------------------------------
    def fork(self, chunk: list[tuple[str, Page | Document]],
             after: Callable[[Page | Document], None]) -> tuple[int, int] | None:
        """Render ``chunk`` in a forked process that starts from the state at hand, as if
        the items before it were not rendered. Its records are only candidates: each is
        checked against the real state when its turn comes, like a cached record."""
        import gc
        import pickle

        gc.freeze()  # the child then copies fewer pages of the shared heap
        try:
            read_end, write_end = os.pipe()
            pid = os.fork()
        except OSError:
            return None
        if pid:
            os.close(write_end)
            return pid, read_end
        status = 0
        store = self.store
        try:
            os.close(read_end)
            self.old = {}
            self.store = None
            # its own connection: an SQLite connection must not cross a fork
            self.site._markdown_store = CacheStore.open(store.folder) if store else None
            for key, item in chunk:
                self._render(key, item, after)
            live = {d for r in self.new.values() for d in r.blobs()}
            result = (self.new, {d: t for d, t in self.blobs.items() if d in live},
                      self.site._markdown_memo, self.site._markdown_new,
                      self.site._markdown_used)
            with os.fdopen(write_end, "wb") as fh:
                pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:  # the parent renders what this process could not
            status = 1
        finally:
            os._exit(status)

    def join(self, child: tuple[int, int]) -> None:
        """Take a forked process's records as candidates for its items."""
        import pickle

        pid, read_end = child
        try:
            with os.fdopen(read_end, "rb") as fh:
                data = fh.read()
        except OSError:
            data = b""
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)
        if not data:
            return
        records, blobs, memo, converted, used = pickle.loads(data)  # our child: trusted
        self.site._markdown_used.update(used)
        self.old.update(records)
        for digest, text in blobs.items():
            self.blobs.setdefault(digest, text)
        for text, html in memo.items():
            self.site._markdown_memo.setdefault(text, html)
        for digest, html in converted.items():
            self.site._markdown_new.setdefault(digest, html)


def _item_token(item: Any) -> str:
    from .document import Document, Excerpt

    if isinstance(item, Excerpt):
        return "e:" + item.doc.relative_path
    if isinstance(item, Document):
        return "d:" + item.relative_path
    return "p:" + str(item.relative_path)


def markdown_salt(options: Mapping[str, Any]) -> bytes:
    """What a Markdown conversion depends on besides its text: options and code."""
    return fingerprint([FORMAT, _code_digest(), _versions(), sorted(options.items())]).encode()


def _versions() -> list[str]:
    """The libraries whose behaviour shows in the output, by their installed files (a new
    version rewrites its ``__init__.py``, which names it): importing them to read their
    ``__version__`` would cost a rebuild that needs neither PyYAML nor Pygments."""
    from importlib.util import find_spec

    found = [sys.version]
    for name in ("liquid", "mistune", "pygments", "yaml"):
        spec = find_spec(name)
        origin = spec.origin if spec is not None else None
        try:
            stat = os.stat(origin) if origin else None
        except OSError:
            stat = None
        found.append(f"{name}:{origin}:{stat.st_size}:{stat.st_mtime_ns}" if stat else name)
    return found

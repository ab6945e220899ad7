"""Jekyll's drops: how the site and its documents look from Liquid.

Each drop is a read-only Mapping, so python-liquid resolves ``page.title`` on it
like on a hash, and filters that walk hashes (``jsonify``, ``where``) see the
same keys Jekyll's drops expose, in Jekyll's order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from ..document import Collection, Document, Excerpt, Page, StaticFile
    from ..site import Site

__all__ = [
    "CollectionDrop",
    "DocumentDrop",
    "Drop",
    "ExcerptDrop",
    "JekyllDrop",
    "PageHash",
    "SiteDrop",
    "StaticFileDrop",
    "page_hash",
]


Method = Callable[[Any], Any]


class Drop(Mapping[str, Any]):
    """Computed keys first, then the object's data (``fallback_data``).

    Every read is reported to the site's ``read_observer`` when one is set (the
    build cache records what each render used: ``key`` ``None`` is the drop as a
    whole, its keys or its text).
    """

    #: the computed keys, in Jekyll's order: functions of the drop, one table per class
    #: (drops are made on every ``page.next``, their tables never)
    METHODS: ClassVar[dict[str, Method]] = {}

    def _methods(self) -> dict[str, Method]:
        return self.METHODS

    def _fallback(self) -> Mapping[str, Any]:
        return {}

    def _observer(self) -> Callable[[Drop, str | None], None] | None:
        return None

    def __getitem__(self, key: str) -> Any:
        if not isinstance(key, str):
            raise KeyError(key)
        observe = self._observer()
        if observe is not None:
            observe(self, key)
        method = self.METHODS.get(key)
        if method is not None:
            return method(self)
        return self._fallback()[key]

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        observe = self._observer()
        if observe is not None:
            observe(self, key)
        return key in self.METHODS or key in self._fallback()

    def liquid_lookup(self, key: object) -> tuple[bool, Any]:
        """``key in drop`` then ``drop[key]`` (a Liquid lookup step), reported once."""
        if not isinstance(key, str):
            return False, None
        observe = self._observer()
        if observe is not None:
            observe(self, key)
        method = self.METHODS.get(key)
        if method is not None:
            return True, method(self)
        fallback = self._fallback()
        if key in fallback:
            return True, fallback[key]
        return False, None

    def keys(self) -> Any:
        observe = self._observer()
        if observe is not None:
            observe(self, None)
        return list(dict.fromkeys([*self.METHODS, *self._fallback()]))

    def __iter__(self) -> Iterator[str]:
        return iter(self.keys())

    def __len__(self) -> int:
        return len(self.keys())

    def to_dict(self) -> dict[str, Any]:
        return {k: self[k] for k in self.keys()}


class DocumentDrop(Drop):
    """A collection document (``Jekyll::Drops::DocumentDrop``)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc

    # Keys in the order Jekyll 4.3.1 on Ruby 3.1 lists them (its method table order).
    METHODS: ClassVar[dict[str, Method]] = {
        "name": lambda self: self.doc.data.get("name") or self.doc.basename,
        "id": lambda self: self.doc.id,
        "relative_path": lambda self: self.doc.relative_path,
        "excerpt": lambda self: (
            self.doc.excerpt.render() if self.doc.excerpt is not None
            else _to_s(self.doc.data.get("excerpt"))
        ),
        "title": lambda self: self.doc.data.get("title"),
        "categories": lambda self: self.doc.data.get("categories"),
        "collection": lambda self: self.doc.collection.label,
        "next": lambda self: _drop_or_none(self.doc.next_doc()),
        "tags": lambda self: self.doc.data.get("tags"),
        "previous": lambda self: _drop_or_none(self.doc.previous_doc()),
        "content": lambda self: self.doc.content,
        "output": lambda self: self.doc.output,
        "path": lambda self: self.doc.relative_path,
        "date": lambda self: self.doc.date,
        "url": lambda self: self.doc.url,
    }

    def _fallback(self) -> Mapping[str, Any]:
        return self.doc.data

    def _observer(self) -> Callable[[Drop, str | None], None] | None:
        return self.doc.site.read_observer

    def __str__(self) -> str:
        observe = self._observer()
        if observe is not None:
            observe(self, None)
        return document_text(self.doc)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DocumentDrop) and other.doc is self.doc

    def __hash__(self) -> int:
        return id(self.doc)


def document_text(doc: Document) -> str:
    """``Document#to_s``: the output once rendered (even when empty), else the content."""
    return doc.output if doc.output is not None else doc.content


def _drop_or_none(doc: Document | None) -> DocumentDrop | None:
    return DocumentDrop(doc) if doc is not None else None


def _to_s(value: Any) -> str:
    return "" if value is None else str(value)


class ExcerptDrop(DocumentDrop):
    """An excerpt seen as a page while it renders (``layout`` is nil, ``excerpt`` is nil)."""

    def __init__(self, excerpt: Excerpt) -> None:
        self.excerpt = excerpt
        super().__init__(excerpt.doc)

    METHODS: ClassVar[dict[str, Method]] = {
        **DocumentDrop.METHODS,
        "content": lambda self: self.excerpt.content,
        "output": lambda self: self.excerpt.output,
        "id": lambda self: self.excerpt.id,
        "excerpt": lambda self: None,
        "layout": lambda self: None,
        "path": lambda self: self.excerpt.relative_path,
    }

    def _fallback(self) -> Mapping[str, Any]:
        return self.excerpt.data


class PageHash(dict[str, Any]):
    """A page as Liquid sees it: a plain hash (``Page#to_liquid``), marked as one so
    ``site.pages contains page`` is false, as Jekyll's list holds the pages themselves."""


def page_hash(page: Page) -> dict[str, Any]:
    """A Page's Liquid view: its data with Jekyll's computed attributes on top."""
    data = PageHash(page.data)
    for key, value in page.liquid_attributes().items():
        if value is not None or key not in data:  # Jekyll's deep merge: nil keeps a value
            data[key] = value
    return data


class StaticFileDrop(Drop):
    """A static file (``Jekyll::Drops::StaticFileDrop``)."""

    def __init__(self, file: StaticFile) -> None:
        self.file = file

    METHODS: ClassVar[dict[str, Method]] = {
        "name": lambda self: self.file.name,
        "basename": lambda self: self.file.basename,
        "extname": lambda self: self.file.extname,
        "path": lambda self: self.file.relative_path,
        "collection": lambda self: self.file.collection.label if self.file.collection else None,
        "modified_time": lambda self: self.file.modified_time,
    }

    def _fallback(self) -> Mapping[str, Any]:
        return self.file.data

    def _observer(self) -> Callable[[Drop, str | None], None] | None:
        return self.file.site.read_observer


class CollectionDrop(Drop):
    """A collection's metadata with its ``docs`` and ``files``."""

    def __init__(self, collection: Collection) -> None:
        self.collection = collection

    METHODS: ClassVar[dict[str, Method]] = {
        "label": lambda self: self.collection.label,
        "files": lambda self: [StaticFileDrop(f) for f in self.collection.files],
        "docs": lambda self: [DocumentDrop(d) for d in self.collection.docs],
        "output": lambda self: self.collection.write,
        "relative_directory": lambda self: self.collection.relative_directory,
        "directory": lambda self: str(self.collection.directory),
    }

    def _fallback(self) -> Mapping[str, Any]:
        return self.collection.metadata

    def _observer(self) -> Callable[[Drop, str | None], None] | None:
        return self.collection.site.read_observer

    def hash_for_json(self) -> dict[str, Any]:
        """Its keys, with ``docs`` as the documents' text: Jekyll's ``docs`` holds the
        documents themselves, whose JSON is their ``to_s``."""
        data = self.to_dict()
        # str() of a drop, so a build cache observing reads sees each text used
        data["docs"] = [str(DocumentDrop(d)) for d in self.collection.docs]
        return data

    def __str__(self) -> str:
        # Jekyll's CollectionDrop#to_s is ``docs.to_s``: the documents' inspect forms
        label = self.collection.label
        docs = (f"#<Jekyll::Document {d.relative_path} collection={label}>"
                for d in self.collection.docs)
        return "[" + ", ".join(docs) + "]"


class JekyllDrop(Drop):
    """``jekyll.version`` and ``jekyll.environment``."""

    def __init__(self, environment: str) -> None:
        self.environment = environment

    METHODS: ClassVar[dict[str, Method]] = {
        "version": lambda self: "4.3.1", "environment": lambda self: self.environment,
    }

    def keys(self) -> Any:
        return []  # Jekyll's JekyllDrop lists no keys (iterating it yields nothing)


class SiteDrop(Drop):
    """``site``: computed lists first, then every config key."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self._posts: list[DocumentDrop] | None = None
        self.current_document: Document | None = None

    METHODS: ClassVar[dict[str, Method]] = {
        "collections": lambda self: [
            CollectionDrop(c)
            for c in sorted(self.site.collections.values(), key=lambda c: c.label)
        ],
        "time": lambda self: self.site.time,
        "posts": lambda self: self._site_posts(),
        "html_pages": lambda self: self.site.page_values(html_only=True),
        # Jekyll's SiteDrop#config is private: ``site.config`` reads a ``config`` key
        "config": lambda self: self.site.config.get("config"),
        "documents": lambda self: [DocumentDrop(d) for d in self.site.documents],
        "pages": lambda self: self.site.page_values(),
        "data": lambda self: self.site.data,
        "categories": lambda self: self.site.post_attr_hash("categories"),
        "related_posts": lambda self: self._related_posts(),
        "tags": lambda self: self.site.post_attr_hash("tags"),
        "static_files": lambda self: [StaticFileDrop(f) for f in self.site.static_files],
    }

    def _collection(self, key: object) -> Collection | None:
        """``site.<label>`` is that collection's documents, before any other key."""
        if isinstance(key, str) and key != "posts":
            return self.site.collections.get(key)
        return None

    def _observer(self) -> Callable[[Drop, str | None], None] | None:
        return self.site.read_observer

    def __getitem__(self, key: str) -> Any:
        collection = self._collection(key)
        if collection is not None:
            observe = self._observer()
            if observe is not None:
                observe(self, key)
            return [DocumentDrop(d) for d in collection.docs]
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        if self._collection(key) is not None:
            observe = self._observer()
            if observe is not None and isinstance(key, str):
                observe(self, key)
            return True
        return super().__contains__(key)

    def liquid_lookup(self, key: object) -> tuple[bool, Any]:
        collection = self._collection(key)
        if collection is not None and isinstance(key, str):
            observe = self._observer()
            if observe is not None:
                observe(self, key)
            return True, [DocumentDrop(d) for d in collection.docs]
        return super().liquid_lookup(key)

    def _site_posts(self) -> list[DocumentDrop]:
        if self._posts is None:
            docs = sorted(self.site.posts.docs, key=lambda d: d.sort_key(), reverse=True)
            self._posts = [DocumentDrop(d) for d in docs]
        return self._posts

    def _related_posts(self) -> Any:
        doc = self.current_document
        if doc is None:  # a page: only documents have related posts
            return None
        return [DocumentDrop(d) for d in self.site.related_posts(doc)]

    def _fallback(self) -> Mapping[str, Any]:
        return self.site.config

"""Jekyll's drops: how the site and its documents look from Liquid.

Each drop is a read-only Mapping, so python-liquid resolves ``page.title`` on it
like on a hash, and filters that walk hashes (``jsonify``, ``where``) see the
same keys Jekyll's drops expose, in Jekyll's order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

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


class Drop(Mapping[str, Any]):
    """Computed keys first, then the object's data (``fallback_data``).

    Every read is reported to the site's ``read_observer`` when one is set (the
    build cache records what each render used: ``key`` ``None`` is the drop as a
    whole, its keys or its text).
    """

    def _methods(self) -> dict[str, Callable[[], Any]]:
        return {}

    def _fallback(self) -> Mapping[str, Any]:
        return {}

    def _observer(self) -> Callable[[Drop, str | None], None] | None:
        return None

    def _table(self) -> dict[str, Callable[[], Any]]:
        """``_methods()`` made once per drop (its functions compute on each call)."""
        table: dict[str, Callable[[], Any]] | None = self.__dict__.get("_method_table")
        if table is None:
            table = self.__dict__["_method_table"] = self._methods()
        return table

    def __getitem__(self, key: str) -> Any:
        if not isinstance(key, str):
            raise KeyError(key)
        observe = self._observer()
        if observe is not None:
            observe(self, key)
        methods = self._table()
        if key in methods:
            return methods[key]()
        return self._fallback()[key]

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        observe = self._observer()
        if observe is not None:
            observe(self, key)
        return key in self._table() or key in self._fallback()

    def keys(self) -> Any:
        observe = self._observer()
        if observe is not None:
            observe(self, None)
        return list(dict.fromkeys([*self._table(), *self._fallback()]))

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

    def _methods(self) -> dict[str, Callable[[], Any]]:
        d = self.doc
        # Keys in the order Jekyll 4.3.1 on Ruby 3.1 lists them (its method table order).
        return {
            "name": lambda: d.data.get("name") or d.basename,
            "id": lambda: d.id,
            "relative_path": lambda: d.relative_path,
            "excerpt": lambda: (
                d.excerpt.render() if d.excerpt is not None
                else _to_s(d.data.get("excerpt"))
            ),
            "title": lambda: d.data.get("title"),
            "categories": lambda: d.data.get("categories"),
            "collection": lambda: d.collection.label,
            "next": lambda: _drop_or_none(d.next_doc()),
            "tags": lambda: d.data.get("tags"),
            "previous": lambda: _drop_or_none(d.previous_doc()),
            "content": lambda: d.content,
            "output": lambda: d.output,
            "path": lambda: d.relative_path,
            "date": lambda: d.date,
            "url": lambda: d.url,
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

    def _methods(self) -> dict[str, Callable[[], Any]]:
        methods = super()._methods()
        methods["content"] = lambda: self.excerpt.content
        methods["output"] = lambda: self.excerpt.output
        methods["id"] = lambda: self.excerpt.id
        methods["excerpt"] = lambda: None
        methods["layout"] = lambda: None
        methods["path"] = lambda: self.excerpt.relative_path
        return methods

    def _fallback(self) -> Mapping[str, Any]:
        return self.excerpt.data


class PageHash(dict[str, Any]):
    """A page as Liquid sees it: a plain hash (``Page#to_liquid``), marked as one so
    ``site.pages contains page`` is false, as Jekyll's list holds the pages themselves."""


def page_hash(page: Page) -> dict[str, Any]:
    """A Page's Liquid view: its data with Jekyll's computed attributes on top."""
    data = PageHash(page.data)
    data.update(
        {
            "content": page.content,
            "dir": page.dir,
            "excerpt": page.data.get("excerpt"),
            "name": page.name,
            "path": page.page_path,
            "url": page.url,
        }
    )
    return data


class StaticFileDrop(Drop):
    """A static file (``Jekyll::Drops::StaticFileDrop``)."""

    def __init__(self, file: StaticFile) -> None:
        self.file = file

    def _methods(self) -> dict[str, Callable[[], Any]]:
        f = self.file
        return {
            "name": lambda: f.name,
            "basename": lambda: f.basename,
            "extname": lambda: f.extname,
            "path": lambda: f.relative_path,
            "collection": lambda: f.collection.label if f.collection else None,
            "modified_time": lambda: f.modified_time,
        }

    def _fallback(self) -> Mapping[str, Any]:
        return self.file.data

    def _observer(self) -> Callable[[Drop, str | None], None] | None:
        return self.file.site.read_observer


class CollectionDrop(Drop):
    """A collection's metadata with its ``docs`` and ``files``."""

    def __init__(self, collection: Collection) -> None:
        self.collection = collection

    def _methods(self) -> dict[str, Callable[[], Any]]:
        c = self.collection
        return {
            "label": lambda: c.label,
            "files": lambda: [StaticFileDrop(f) for f in c.files],
            "docs": lambda: [DocumentDrop(d) for d in c.docs],
            "output": lambda: c.write,
            "relative_directory": lambda: c.relative_directory,
            "directory": lambda: str(c.directory),
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

    def _methods(self) -> dict[str, Callable[[], Any]]:
        return {"version": lambda: "4.3.1", "environment": lambda: self.environment}

    def keys(self) -> Any:
        return []  # Jekyll's JekyllDrop lists no keys (iterating it yields nothing)


class SiteDrop(Drop):
    """``site``: computed lists first, then every config key."""

    def __init__(self, site: Site) -> None:
        self.site = site
        self._posts: list[DocumentDrop] | None = None
        self.current_document: Document | None = None

    def _methods(self) -> dict[str, Callable[[], Any]]:
        s = self.site
        return {
            "collections": lambda: [
                CollectionDrop(c) for c in sorted(s.collections.values(), key=lambda c: c.label)
            ],
            "time": lambda: s.time,
            "posts": self._site_posts,
            "html_pages": lambda: s.page_values(html_only=True),
            # Jekyll's SiteDrop#config is private: ``site.config`` reads a ``config`` key
            "config": lambda: s.config.get("config"),
            "documents": lambda: [DocumentDrop(d) for d in s.documents],
            "pages": lambda: s.page_values(),
            "data": lambda: s.data,
            "categories": lambda: s.post_attr_hash("categories"),
            "related_posts": self._related_posts,
            "tags": lambda: s.post_attr_hash("tags"),
            "static_files": lambda: [StaticFileDrop(f) for f in s.static_files],
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

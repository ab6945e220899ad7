"""The render context as liquid 5.4 scopes it, on python-liquid's ``RenderContext``.

Lookup order is Ruby's: pushed scopes (``for``, ``include``), then the
template's assigns, then counters made by ``increment``/``decrement`` (Jekyll
keeps them in the site-wide payload, so they outlive one page), then the
payload.  There is no ``now``/``today`` built-in.  ``break``/``continue`` are
pending interrupts that stop every enclosing body until a loop takes them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from typing import TYPE_CHECKING, Any, TextIO

from liquid import BoundTemplate, RenderContext
from liquid.exceptions import OutputStreamLimitError
from liquid.output import LimitedStringIO
from liquid.utils import ReadOnlyChainMap

from .expressions import LiquidDrop, RenderError

if TYPE_CHECKING:
    from liquid.ast import Node

__all__ = ["ForloopDrop", "JekyllContext", "JekyllTemplate", "OutputBuffer", "TablerowloopDrop"]


class _Scope(ReadOnlyChainMap):
    """python-liquid's chain of scopes, asking plain dicts with ``in`` (a miss costs no
    exception: most lookups pass through a few scopes before the payload)."""

    def __getitem__(self, key: str) -> object:
        for mapping in self._maps:
            if type(mapping) is dict:
                if key in mapping:
                    return mapping[key]
            else:
                try:
                    return mapping[key]
                except KeyError:
                    pass
        raise KeyError(key)


class OutputBuffer(LimitedStringIO):
    """python-liquid's byte-limited buffer (newlines kept as written), counting ASCII text
    without encoding it: a render writes tens of thousands of pieces."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit=limit, newline="")

    def write(self, text: str) -> int:
        if text:
            self.size += len(text) if text.isascii() else len(text.encode("utf-8"))
            if self.size > self.limit:
                raise OutputStreamLimitError("output stream limit reached", token=None)
        return StringIO.write(self, text)


class JekyllContext(RenderContext):
    """A render context with Ruby liquid's scoping, registers and interrupts."""

    __slots__ = ("interrupts", "registers", "strict_variables")

    def __init__(self, template: BoundTemplate, **kwargs: Any) -> None:
        super().__init__(template, **kwargs)
        counters: dict[str, Any] = getattr(self.env, "counters", self.counters)
        self.counters = counters
        # The template's globals are a chain themselves (render arguments, matter, the
        # template's globals): their maps join this chain, in the same order.
        chained = self.globals._maps if isinstance(self.globals, ReadOnlyChainMap) else (
            self.globals,)
        self.scope = _Scope(self.locals, counters, *chained)
        self.registers: dict[str, Any] = {}
        self.interrupts: list[str] = []
        self.strict_variables = bool(getattr(self.env, "strict_variables", False))

    def find_variable(self, key: Any) -> Any:
        try:
            return self.scope[key]
        except (KeyError, TypeError):
            if self.strict_variables:
                raise RenderError(f"undefined variable {key}", token=None) from None
            return None

    @contextmanager
    def stack(self) -> Iterator[dict[str, Any]]:
        """A new innermost scope (``context.stack``); tags write into the dict yielded."""
        namespace: dict[str, Any] = {}
        try:
            with self.extend(namespace):
                yield namespace
        except RenderError:
            raise
        except RecursionError:
            raise RenderError("Nesting too deep", token=None) from None

    def get_buffer(self, buf: TextIO | None = None) -> StringIO:
        """A buffer for a block's output (``capture``), within what is left of the limit."""
        limit = self.env.output_stream_limit
        if limit is None:
            return StringIO(newline="")
        carry = buf.size if isinstance(buf, LimitedStringIO) else 0
        return OutputBuffer(limit - carry)


class JekyllTemplate(BoundTemplate):
    """A template whose root is a liquid-5.4 document node."""

    context_class = JekyllContext

    def _get_buffer(self) -> StringIO:
        # python-liquid's buffers translate newlines ("\r\n" would become "\n")
        limit = self.env.output_stream_limit
        if limit is None:
            return StringIO(newline="")
        return OutputBuffer(limit)

    def render_with_context(
        self, context: RenderContext, buffer: TextIO, *args: Any,
        partial: bool = False, block_scope: bool = False, **kwargs: Any,
    ) -> None:
        nodes: list[Node] = self.nodes
        for node in nodes:
            node.render(context, buffer)


class _LoopPosition(LiquidDrop):
    """Where a loop is: what ``forloop`` and ``tablerowloop`` share."""

    __slots__ = ()
    _index: int
    length: int

    @property
    def index(self) -> int:
        return self._index + 1

    @property
    def index0(self) -> int:
        return self._index

    @property
    def rindex(self) -> int:
        return self.length - self._index

    @property
    def rindex0(self) -> int:
        return self.length - self._index - 1

    @property
    def first(self) -> bool:
        return self._index == 0

    @property
    def last(self) -> bool:
        return self._index == self.length - 1


class ForloopDrop(_LoopPosition):
    """``forloop``."""

    __slots__ = ("_index", "length", "name", "parentloop")
    _liquid_methods = frozenset(
        ("name", "length", "parentloop", "index", "index0", "rindex", "rindex0", "first",
         "last")
    )

    def __init__(self, name: str, length: int, parentloop: ForloopDrop | None) -> None:
        self.name = name
        self.length = length
        self.parentloop = parentloop
        self._index = 0


    def increment(self) -> None:
        self._index += 1


class TablerowloopDrop(_LoopPosition):
    """``tablerowloop``."""

    __slots__ = ("_index", "col", "cols", "length", "row")
    _liquid_methods = frozenset(
        ("length", "col", "row", "index", "index0", "col0", "rindex", "rindex0", "first",
         "last", "col_first", "col_last")
    )

    def __init__(self, length: int, cols: int) -> None:
        self.length = length
        self.row = 1
        self.col = 1
        self.cols = cols
        self._index = 0

    @property
    def col0(self) -> int:
        return self.col - 1


    @property
    def col_first(self) -> bool:
        return self.col == 1

    @property
    def col_last(self) -> bool:
        return self.col == self.cols

    def increment(self) -> None:
        self._index += 1
        if self.col == self.cols:
            self.col = 1
            self.row += 1
        else:
            self.col += 1

"""Liquid rendering for the checker: a source map, undefined outputs, lax warnings.

``CheckEnvironment`` is the site's Jekyll environment with three additions:
each top-level template render keeps a map from output offsets back to source
offsets (one segment per top-level text or node; text maps character by
character); an ``{{ output }}`` whose variable lookup fails is noted (lookups in
conditions are not: testing an optional key is idiomatic); and the warnings
Jekyll prints for leniently parsed markup are kept as issues. Errors still
raise as in a build (Jekyll renders with ``render!``): one per render.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from liquid.ast import Node
from liquid.exceptions import LiquidError
from liquid.token import Token

from ..dialect import JekyllEnvironment
from ..dialect.context import JekyllContext, JekyllTemplate
from ..dialect.environment import to_template_error
from ..dialect.output import Variable, VariableNode
from ..dialect.parsing import BlockBody, DocumentNode

if TYPE_CHECKING:
    import liquid
    from liquid import RenderContext

    from ..dialect import SiteContext

__all__ = ["CheckEnvironment", "FilterUse", "RenderRecord", "Segment", "UndefinedUse",
           "template_filters"]


@dataclass(frozen=True)
class Segment:
    """Output [out_start, out_end) came from source [src_start, src_end)."""

    out_start: int
    out_end: int
    src_start: int
    src_end: int
    verbatim: bool
    """Output is the source text itself (plain text), so offsets map one to one."""
    is_content: bool
    """The node is ``{{ content }}``: a layout's slot for the page's own output."""


@dataclass
class RenderRecord:
    """One top-level template render: where it came from and its output map."""

    name: str
    source: str
    line_offset: int
    output: str
    segments: list[Segment] = field(default_factory=list)

    def source_offset(self, out_offset: int, needle: str = "") -> int:
        """The source offset that produced output at ``out_offset``.

        Inside plain text the answer is exact; inside a tag or ``{{ }}`` it is where
        ``needle`` occurs within the node's source (text inside an ``if`` block,
        say), else the node's start.
        """
        if not self.segments:
            return out_offset
        starts = [s.out_start for s in self.segments]
        i = max(0, bisect.bisect_right(starts, out_offset) - 1)
        seg = self.segments[i]
        if seg.verbatim and seg.out_start <= out_offset <= seg.out_end:
            return seg.src_start + (out_offset - seg.out_start)
        if needle:
            found = self.source.find(needle, seg.src_start, seg.src_end)
            if found >= 0:
                return found
        return seg.src_start

    def in_content_slot(self, out_offset: int) -> bool:
        return any(s.is_content and s.out_start <= out_offset < s.out_end
                   for s in self.segments)


@dataclass(frozen=True)
class UndefinedUse:
    """An ``{{ output }}`` whose variable (or a filter argument) was not defined."""

    markup: str
    token: Token


@dataclass(frozen=True)
class FilterUse:
    """A filter named in a template, at the offset of its name in the source."""

    name: str
    offset: int


class CheckContext(JekyllContext):
    """Notes a failed lookup while an output node is being evaluated."""

    __slots__ = ("_strict", "watch")

    def __init__(self, template: liquid.BoundTemplate, **kwargs: Any) -> None:
        self.watch: CheckedVariableNode | None = None
        self._strict = False
        super().__init__(template, **kwargs)

    @property
    def strict_variables(self) -> bool:
        """Read by lookups exactly when a variable is not found: the moment to note it."""
        watch = self.watch
        if watch is not None:
            self.watch = None  # one note per output
            sink = getattr(self.env, "undefined_uses", None)
            if sink is not None:
                sink.append(UndefinedUse(_main_markup(watch.variable), watch.token))
        return self._strict

    @strict_variables.setter
    def strict_variables(self, value: bool) -> None:
        self._strict = value


class CheckTemplate(JekyllTemplate):
    context_class = CheckContext


class CheckedVariableNode(VariableNode):
    """``{{ ... }}`` that lets the context note an undefined variable (unless the
    output has a ``default`` filter, whose whole point is a missing value)."""

    __slots__ = ()

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        if not isinstance(context, CheckContext) or any(
                f[0] == "default" for f in self.variable.filters):
            return super().render_to_output(context, buffer)
        outer = context.watch
        context.watch = self
        try:
            return super().render_to_output(context, buffer)
        finally:
            context.watch = outer


class _MarkedText(Node):
    __slots__ = ("sink", "text")

    def __init__(self, text: str, sink: list[tuple[int, int, str | Node]]) -> None:
        super().__init__(Token("content", text, -1, ""))
        self.text = text
        self.sink = sink

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        start = buffer.tell()
        buffer.write(self.text)
        self.sink.append((start, buffer.tell(), self.text))
        return 0


class _Marked(Node):
    __slots__ = ("inner", "sink")

    def __init__(self, inner: Node, sink: list[tuple[int, int, str | Node]]) -> None:
        super().__init__(inner.token)
        self.inner = inner
        self.sink = sink
        self.blank = inner.blank

    def render_to_output(self, context: RenderContext, buffer: TextIO) -> int:
        start = buffer.tell()
        try:
            return self.inner.render(context, buffer)
        finally:
            self.sink.append((start, buffer.tell(), self.inner))


class CheckEnvironment(JekyllEnvironment):
    """The site's Liquid, keeping what a check needs to know about each render."""

    template_class = CheckTemplate

    def __init__(self, site: SiteContext) -> None:
        self.warnings_seen: list[LiquidError] = []
        self.undefined_uses: list[UndefinedUse] = []
        self.records: list[RenderRecord] = []
        self.sources: dict[str, tuple[str, int]] = {}
        #: names of templates not to render (a file check skips the layouts: their
        #: findings belong to other files, and they cost most of a page's render time)
        self.skip_names: frozenset[str] = frozenset()
        super().__init__(site)

    def from_string(self, source: str, name: str = "", path: str | Path | None = None,
                    globals: Mapping[str, object] | None = None,
                    matter: Mapping[str, object] | None = None) -> liquid.BoundTemplate:
        template = super().from_string(source, name, path, globals, matter)
        for node in _walk_nodes(template.nodes):
            if type(node) is VariableNode:
                node.__class__ = CheckedVariableNode
        self.warnings_seen.extend(getattr(template, "warnings", []))
        return template

    def parse_template(self, source: str, name: str, line_offset: int = 0) -> liquid.BoundTemplate:
        self.sources.setdefault(source, (name, line_offset))
        return super().parse_template(source, name, line_offset)

    def render_template(self, source: str, data: Mapping[str, Any], name: str = "<string>",
                        line_offset: int = 0) -> str:
        if name in self.skip_names:
            return ""
        if name.startswith("<"):  # a plugin calling a filter from Python: nothing to map
            return super().render_template(source, data, name, line_offset)
        template = self.parse_template(source, name, line_offset)
        marks: list[tuple[int, int, str | Node]] = []
        root = template.nodes[0] if len(template.nodes) == 1 else None
        if isinstance(root, DocumentNode):
            body = BlockBody()
            body.nodes = [_MarkedText(n, marks) if isinstance(n, str) else _Marked(n, marks)
                          for n in root.body.nodes]
            body.blank = root.body.blank
            marked = DocumentNode(root.token, body)
            template = self.template_class(env=self, name=template.name, path=template.path,
                                           nodes=[marked], globals=template.globals)
        record = RenderRecord(name, source, line_offset, "")
        self.records.append(record)
        try:
            output = template.render(**data)
        except LiquidError as exc:
            raise to_template_error(exc, name, line_offset) from None
        except RecursionError:
            from ..errors import TemplateError

            raise TemplateError("Liquid error: Nesting too deep", name) from None
        record.output = output
        if isinstance(root, DocumentNode):
            record.segments = _segments(source, root.body.nodes, marks)
        return output


def _segments(source: str, items: list[str | Node],
              marks: list[tuple[int, int, str | Node]]) -> list[Segment]:
    """Segments for rendered top-level items, in output order."""
    starts: dict[int, int] = {}
    next_start = len(source)
    for item in reversed(items):
        if isinstance(item, str):
            found = source.rfind(item, 0, next_start) if item else next_start
            start = found if found >= 0 else next_start
        else:
            start = _node_start(source, item)
        starts[id(item)] = start
        next_start = start
    ordered = sorted(starts.values())
    segments = []
    for out_start, out_end, item in marks:
        src_start = starts.get(id(item), 0)
        i = bisect.bisect_right(ordered, src_start)
        src_end = ordered[i] if i < len(ordered) else len(source)
        verbatim = isinstance(item, str) and source.startswith(item, src_start)
        is_content = isinstance(item, VariableNode) and _is_content(item)
        segments.append(Segment(out_start, out_end, src_start, src_end, verbatim, is_content))
    segments.sort(key=lambda s: (s.out_start, s.out_end))
    return segments


def _node_start(source: str, node: Node) -> int:
    index = node.token.start_index
    if index < 0 or (node.token.source is not source and node.token.source != source):
        return max(index, 0)
    opening = max(source.rfind("{%", 0, index + 1), source.rfind("{{", 0, index + 1))
    return opening if opening >= 0 else index


def _is_content(node: VariableNode) -> bool:
    variable = node.variable
    return not variable.filters and _main_markup(variable) == "content"


def _main_markup(variable: Variable) -> str:
    name = variable.name
    markup = getattr(name, "markup", None)
    if isinstance(markup, str):
        return markup
    return variable.markup.split("|")[0].strip()


def _walk_nodes(roots: list[Any]) -> Iterator[Node]:
    """Every node of a parsed template, block bodies and branches included."""
    stack = list(roots)
    seen: set[int] = set()
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        if isinstance(obj, Node):
            yield obj
        if isinstance(obj, BlockBody):
            stack.extend(n for n in obj.nodes if not isinstance(n, str))
            continue
        if isinstance(obj, (list, tuple)):
            stack.extend(obj)
            continue
        module = type(obj).__module__
        if not module.startswith("newsletter_liquid.dialect"):
            continue
        for cls in type(obj).__mro__:
            for slot in getattr(cls, "__slots__", ()):
                value = getattr(obj, slot, None)
                if value is not None and not isinstance(value, (str, int, float, Token)):
                    stack.append(value)
        stack.extend(v for v in getattr(obj, "__dict__", {}).values()
                     if not isinstance(v, (str, int, float, Token)))


def template_filters(template: liquid.BoundTemplate) -> list[FilterUse]:
    """Every filter a parsed template names, with the offset of its name."""
    found: list[FilterUse] = []
    source = ""
    for node in _walk_nodes(template.nodes):
        token = node.token
        if token.source:
            source = token.source
        for cls in type(node).__mro__:
            for slot in getattr(cls, "__slots__", ()):
                value = getattr(node, slot, None)
                if isinstance(value, Variable):
                    found.extend(_filter_uses(value, source, token.start_index))
    return found


def _filter_uses(variable: Variable, source: str, start: int) -> list[FilterUse]:
    import re

    uses = []
    pos = max(start, 0)
    for name, _args, _kwargs in variable.filters:
        m = re.compile(rf"\|\s*({re.escape(name)})\b").search(source, pos)
        offset = m.start(1) if m else max(start, 0)
        if m:
            pos = m.end()
        uses.append(FilterUse(name, offset))
    return uses

"""HTML output exactly as kramdown's ``Converter::Html`` writes it.

The tree is walked top-down; each node type has a ``convert_<type>(el,
indent)`` method and block elements are indented two spaces per level.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

import mistune

from . import patterns as P
from .core import Element
from .entities import ESCAPE_MAP, Entity, entity
from .ids import basic_id, kramdown_header_id
from .typography import SMART_QUOTE_INDICES, TYPOGRAPHIC_ENTITIES

_REFERENCE = r"&(?:[a-zA-Z0-9_:][\-a-zA-Z0-9_.:]*;|#[0-9]+;|#x[0-9a-fA-F]+;)"
_ESCAPE_RES = {
    "all": re.compile(r"[<>&]"),
    "text": re.compile(rf"{_REFERENCE}|[<>&]"),
    "attribute": re.compile(rf"{_REFERENCE}|[<>&\"]"),
}
_LANGUAGE = re.compile(r"\blanguage-(\S+)", re.ASCII)
_LANGUAGE_OR_START = re.compile(r"\blanguage-\S+|(^)", re.ASCII)
_NO_TOC = re.compile(r"\bno_toc\b", re.ASCII)
_AUTO_IDS_REF = re.compile(r"\Aauto_ids(?:-([\w-]+))?", re.ASCII)
_SHOW_WS = re.compile(r"(^[ \t]+)|([ \t]+$)|([ \t]+)", re.M)
FOOTNOTE_BACKLINK_FMT = '{}<a href="#fnref:{}" class="reversefootnote" role="doc-backlink">{}</a>'

Highlighter = Callable[[str, "str | None", str, Mapping[str, Any]], "str | None"]


def _escape_one(m: re.Match[str]) -> str:
    found = m.group(0)
    return ESCAPE_MAP.get(found, found)


def escape_html(text: str, kind: str = "all") -> str:
    if (
        "<" not in text
        and ">" not in text
        and "&" not in text
        and (kind != "attribute" or '"' not in text)
    ):
        return text
    return _ESCAPE_RES[kind].sub(_escape_one, text)


def _fallback_highlight(
    text: str, lang: str | None, kind: str, opts: Mapping[str, Any]
) -> str | None:
    return None


class HtmlConverter:
    """Converts one parsed document; holds the per-document counters kramdown keeps."""

    def __init__(self, root: Element, options: dict[str, Any]) -> None:
        self.root = root
        self.options = {**options, **(root.options.get("options") or {})}
        self.footnote_start = self.footnote_counter = int(self.options["footnote_nr"])
        self.footnotes: list[list[Any]] = []
        self.footnotes_by_name: dict[str, list[Any]] = {}
        self.footnote_location: str | None = None
        self.toc: list[tuple[int, str, list[Element]]] = []
        self.toc_code: tuple[str, dict[str, Any], str] | None = None
        self.indent = 2
        self.stack: list[Element] = []
        self.used_ids: dict[str, int] = {}
        self._row_index: tuple[Element | None, dict[int, int]] = (None, {})
        self.highlighter_class = f" highlighter-{self.options['syntax_highlighter']}"
        self.highlight, self.default_lang = _load_highlighter()

    # -- dispatch
    def convert(self, el: Element, indent: int = -2) -> str:
        method = _CONVERTERS.get(el.type)
        if method is None:
            return ""
        result: str = method(self, el, indent)
        return result

    def inner(self, el: Element, indent: int) -> str:
        indent += self.indent
        self.stack.append(el)
        parts = []
        for child in el.children:
            if child.type == "text":
                parts.append(escape_html(child.value, "text"))
                continue
            method = _CONVERTERS.get(child.type)
            if method is not None:
                parts.append(method(self, child, indent))
        self.stack.pop()
        return "".join(parts)

    # -- helpers
    def html_attributes(self, attr: Mapping[str, Any]) -> str:
        if not attr:
            return ""
        out = []
        for key, value in attr.items():
            if value is None or (key == "id" and not str(value).strip()):
                continue
            out.append(f' {key}="{escape_html(str(value), "attribute")}"')
        return "".join(out)

    def entity_to_str(self, ent: Entity, original: str | None = None) -> str:
        mode = self.options["entity_output"]
        char = ent.char
        if mode == "as_char" and char is not None and (char == '"' or char not in ESCAPE_MAP):
            return char
        if mode in ("as_input", "as_char") and original:
            return original
        if (mode == "symbolic" or (char is not None and char in ESCAPE_MAP)) and ent.name:
            return f"&{ent.name};"
        return f"&#{ent.code_point};"

    def format_as_span_html(self, name: str, attr: Mapping[str, Any], body: str) -> str:
        return f"<{name}{self.html_attributes(attr)}>{body}</{name}>"

    def format_as_block_html(
        self, name: str, attr: Mapping[str, Any], body: str, indent: int
    ) -> str:
        return f"{' ' * indent}<{name}{self.html_attributes(attr)}>{body}</{name}>\n"

    def format_as_indented_block_html(
        self, name: str, attr: Mapping[str, Any], body: str, indent: int
    ) -> str:
        pad = " " * indent
        return f"{pad}<{name}{self.html_attributes(attr)}>\n{body}{pad}</{name}>\n"

    def add_syntax_highlighter_to_class_attr(self, attr: dict[str, Any], lang: str | None) -> None:
        attr["class"] = ((attr.get("class") or "") + self.highlighter_class).lstrip()
        if lang:
            attr["class"] = _LANGUAGE_OR_START.sub(
                lambda m: f"language-{lang}{' ' if m.group(1) is not None else ''}",
                attr["class"],
                count=1,
            )

    @staticmethod
    def extract_code_language(attr: Mapping[str, Any]) -> str | None:
        cls = attr.get("class")
        if cls:
            m = _LANGUAGE.search(str(cls))
            if m:
                return m.group(1)
        return None

    def extract_code_language_bang(self, attr: dict[str, Any]) -> str | None:
        lang = self.extract_code_language(attr)
        if lang:
            attr["class"] = re.sub(r"\blanguage-\S+", "", attr["class"], count=1, flags=re.A)
            attr["class"] = attr["class"].strip()
            if not attr["class"]:
                del attr["class"]
        return lang

    def highlight_code(self, text: str, lang: str | None, kind: str,
                       call_opts: dict[str, Any]) -> str | None:
        """kramdown's highlighters: rouge, and minted (LaTeX, even in HTML); any other
        name (``highlighter: pygments`` in an old site) leaves the code plain. Rouge's
        default language goes back in ``call_opts`` (it names the class), minted's not."""
        name = self.options.get("syntax_highlighter")
        opts = self.options.get("syntax_highlighter_opts") or {}
        if name == "rouge":
            call_opts["default_lang"] = self.default_lang(opts)
            return self.highlight(text, lang, kind, opts)
        if name == "minted":
            return _minted(text, lang or opts.get("default_lang"), kind, opts)
        return None

    # -- block elements
    def convert_blank(self, el: Element, indent: int) -> str:
        return "\n"

    def convert_text(self, el: Element, indent: int) -> str:
        return escape_html(el.value, "text")

    def convert_p(self, el: Element, indent: int) -> str:
        if el.options.get("transparent"):
            return self.inner(el, indent)
        first = el.children[0] if len(el.children) == 1 else None
        if (
            first is not None
            and first.type == "img"
            and "standalone" in ((first.options.get("ial") or {}).get(":refs") or ())
        ):
            return self.convert_standalone_image(el, indent)
        attrs = self.html_attributes(el.attr) if el.attr else ""
        return f"{' ' * indent}<p{attrs}>{self.inner(el, indent)}</p>\n"

    def convert_standalone_image(self, el: Element, indent: int) -> str:
        figure_attr = dict(el.attr)
        image_attr = dict(el.children[0].attr)
        if "class" in image_attr and "class" not in figure_attr:
            figure_attr["class"] = image_attr.pop("class")
        if "id" in image_attr and "id" not in figure_attr:
            figure_attr["id"] = image_attr.pop("id")
        pad = " " * (indent + self.indent)
        body = (
            f"{pad}<img{self.html_attributes(image_attr)} />\n"
            f"{pad}<figcaption>{image_attr.get('alt')}</figcaption>\n"
        )
        return self.format_as_indented_block_html("figure", figure_attr, body, indent)

    def convert_codeblock(self, el: Element, indent: int) -> str:
        attr = dict(el.attr)
        lang = self.extract_code_language_bang(attr)
        call_opts: dict[str, Any] = {}
        highlighted = self.highlight_code(el.value, el.options.get("lang") or lang, "block",
                                          call_opts)
        pad = " " * indent
        if highlighted is not None:
            self.add_syntax_highlighter_to_class_attr(attr, lang or call_opts.get("default_lang"))
            return f"{pad}<div{self.html_attributes(attr)}>{highlighted}{pad}</div>\n"
        result = escape_html(el.value)
        if result.endswith("\n"):
            result = result[:-1]
        if re.search(r"\bshow-whitespaces\b", str(el.attr.get("class") or "")):
            result = _SHOW_WS.sub(_show_whitespace, result)
        code_attr = {"class": f"language-{lang}"} if lang else {}
        return (
            f"{pad}<pre{self.html_attributes(attr)}><code{self.html_attributes(code_attr)}>"
            f"{result}\n</code></pre>\n"
        )

    def convert_blockquote(self, el: Element, indent: int) -> str:
        return self.format_as_indented_block_html(
            "blockquote", el.attr, self.inner(el, indent), indent
        )

    def convert_header(self, el: Element, indent: int) -> str:
        attr = dict(el.attr)
        if self.options["auto_ids"] and attr.get("id") is None:
            attr["id"] = kramdown_header_id(
                el.options.get("raw_text", ""), self.used_ids, self.options["auto_id_prefix"]
            )
        if attr.get("id") is not None and self.in_toc(el):
            self.toc.append((el.options["level"], attr["id"], el.children))
        level = max(min(el.options["level"] + int(self.options["header_offset"]), 6), 1)
        return self.format_as_block_html(f"h{level}", attr, self.inner(el, indent), indent)

    def in_toc(self, el: Element) -> bool:
        return el.options["level"] in self.options["toc_levels"] and not _NO_TOC.search(
            str(el.attr.get("class") or "")
        )

    def convert_hr(self, el: Element, indent: int) -> str:
        return f"{' ' * indent}<hr{self.html_attributes(el.attr)} />\n"

    def convert_ul(self, el: Element, indent: int) -> str:
        refs = (el.options.get("ial") or {}).get(":refs") or ()
        if self.toc_code is None and "toc" in refs:
            import uuid  # rare; its import (platform) costs every start ~5 ms

            self.toc_code = (el.type, el.attr, f"\x00toc{uuid.uuid4().hex}\x00")
            return self.toc_code[2]
        if self.footnote_location is None and "footnotes" in refs:
            import uuid

            self.footnote_location = f"\x00footnotes{uuid.uuid4().hex}\x00"
            return self.footnote_location
        return self.format_as_indented_block_html(el.type, el.attr, self.inner(el, indent), indent)

    convert_ol = convert_ul

    def convert_dl(self, el: Element, indent: int) -> str:
        return self.format_as_indented_block_html("dl", el.attr, self.inner(el, indent), indent)

    def convert_li(self, el: Element, indent: int) -> str:
        pad = " " * indent
        output = f"{pad}<{el.type}{self.html_attributes(el.attr)}>"
        res = self.inner(el, indent)
        if not el.children or (
            el.children[0].type == "p" and el.children[0].options.get("transparent")
        ):
            output += res + (pad if res.endswith("\n") else "")
        else:
            output += "\n" + res + pad
        return output + f"</{el.type}>\n"

    convert_dd = convert_li

    def convert_dt(self, el: Element, indent: int) -> str:
        attr = dict(el.attr)
        parent_ial = self.stack[-1].options.get("ial") if self.stack else None
        if not attr.get("id") and parent_ial and parent_ial.get(":refs"):
            for ref in parent_ial[":refs"]:
                m = _AUTO_IDS_REF.match(ref)
                if m:
                    attr["id"] = f"{m.group(1) or ''}{basic_id(el.options.get('raw_text', ''))}"
                    attr["id"] = attr["id"].lstrip()
                    break
        return self.format_as_block_html("dt", attr, self.inner(el, indent), indent)

    def convert_html_element(self, el: Element, indent: int) -> str:
        res = self.inner(el, indent)
        name = el.value
        attrs = self.html_attributes(el.attr)
        if el.options.get("category") == "span":
            if not res and name in P.HTML_ELEMENTS_WITHOUT_BODY:
                return f"<{name}{attrs} />"
            return f"<{name}{attrs}>{res}</{name}>"
        parent = self.stack[-1] if self.stack else None
        in_raw = (
            parent is not None
            and parent.type == "html_element"
            and parent.options.get("content_model") == "raw"
        )
        output = "" if in_raw else " " * indent
        output += f"<{name}{attrs}"
        model = el.options.get("content_model")
        if el.options.get("is_closed") and model == "raw":
            output += " />"
        elif res and model != "block":
            output += f">{res}</{name}>"
        elif res:
            body = res[:-1] if res.endswith("\n") else res
            output += f">\n{body}\n{' ' * indent}</{name}>"
        elif name in P.HTML_ELEMENTS_WITHOUT_BODY:
            output += " />"
        else:
            output += f"></{name}>"
        if not in_raw:
            output += "\n"
        return output

    def convert_xml_comment(self, el: Element, indent: int) -> str:
        parent = self.stack[-1] if self.stack else None
        in_raw = (
            parent is not None
            and parent.type == "html_element"
            and parent.options.get("content_model") == "raw"
        )
        if el.options.get("category") == "block" and not in_raw:
            return f"{' ' * indent}{el.value}\n"
        return str(el.value)

    convert_xml_pi = convert_xml_comment

    def convert_table(self, el: Element, indent: int) -> str:
        return self.format_as_indented_block_html(el.type, el.attr, self.inner(el, indent), indent)

    convert_thead = convert_table
    convert_tbody = convert_table
    convert_tfoot = convert_table
    convert_tr = convert_table

    def convert_td(self, el: Element, indent: int) -> str:
        res = self.inner(el, indent)
        kind = "th" if len(self.stack) >= 2 and self.stack[-2].type == "thead" else "td"
        attr = el.attr
        alignment = "default"
        if len(self.stack) >= 3:
            aligns = self.stack[-3].options.get("alignment") or []
            index = self._cell_index(self.stack[-1], el)
            if index < len(aligns):
                alignment = aligns[index]
        if alignment != "default":
            attr = dict(el.attr)
            style = f"{attr['style']}; " if "style" in attr else ""
            attr["style"] = f"{style}text-align: {alignment}"
        body = res if res else self.entity_to_str(entity("nbsp"))
        return self.format_as_block_html(kind, attr, body, indent)

    def _cell_index(self, row: Element, cell: Element) -> int:
        """Column of ``cell``; rows are indexed once, not searched per cell."""
        if self._row_index[0] is not row:
            self._row_index = (row, {id(c): i for i, c in enumerate(row.children)})
        return self._row_index[1][id(cell)]

    def convert_comment(self, el: Element, indent: int) -> str:
        if el.options.get("category") == "block":
            return f"{' ' * indent}<!-- {el.value} -->\n"
        return f"<!-- {el.value} -->"

    def convert_raw(self, el: Element, indent: int) -> str:
        types = el.options.get("type")
        if not types or "html" in types:
            return str(el.value) + ("\n" if el.options.get("category") == "block" else "")
        return ""

    def convert_math(self, el: Element, indent: int) -> str:
        if self.options.get("math_engine") == "mathjax":
            value = escape_html(el.value)
            block = el.options.get("category") == "block"
            result = f"\\[{value}\\]\n" if block else f"\\({value}\\)"
            if not el.attr:
                return result
            if block:
                return self.format_as_block_html("div", el.attr, result, indent)
            return self.format_as_span_html("span", el.attr, f"${el.value}$")
        attr = dict(el.attr)
        attr["class"] = f"{attr.get('class') or ''} kdmath".lstrip()
        if el.options.get("category") == "block":
            return self.format_as_block_html("div", attr, f"$$\n{el.value}\n$$", indent)
        return self.format_as_span_html("span", attr, f"${el.value}$")

    # -- span elements
    def convert_br(self, el: Element, indent: int) -> str:
        return "<br />"

    def convert_a(self, el: Element, indent: int) -> str:
        return self.format_as_span_html("a", el.attr, self.inner(el, indent))

    def convert_img(self, el: Element, indent: int) -> str:
        return f"<img{self.html_attributes(el.attr)} />"

    def convert_codespan(self, el: Element, indent: int) -> str:
        attr = dict(el.attr)
        lang = self.extract_code_language(attr)
        call_opts: dict[str, Any] = {}
        result = self.highlight_code(el.value, lang, "span", call_opts)
        if result is not None:
            self.add_syntax_highlighter_to_class_attr(attr, lang or call_opts.get("default_lang"))
        else:
            result = escape_html(el.value)
        return self.format_as_span_html("code", attr, result)

    def convert_footnote(self, el: Element, indent: int) -> str:
        repeat = ""
        name = self.options["footnote_prefix"] + el.options["name"]
        footnote = self.footnotes_by_name.get(name)
        if footnote is not None:
            number = footnote[2]
            footnote[3] += 1
            repeat = f":{footnote[3]}"
        else:
            number = self.footnote_counter
            self.footnote_counter += 1
            footnote = [name, el.value, number, 0]
            self.footnotes.append(footnote)
            self.footnotes_by_name[name] = footnote
        return (
            f'<sup id="fnref:{name}{repeat}" role="doc-noteref">'
            f'<a href="#fn:{name}" class="footnote" rel="footnote">{number}</a></sup>'
        )

    def convert_em(self, el: Element, indent: int) -> str:
        return self.format_as_span_html(el.type, el.attr, self.inner(el, indent))

    convert_strong = convert_em

    def convert_entity(self, el: Element, indent: int) -> str:
        return self.entity_to_str(el.value, el.options.get("original"))

    def convert_typographic_sym(self, el: Element, indent: int) -> str:
        custom = (self.options.get("typographic_symbols") or {}).get(el.value)
        if custom is not None:
            return escape_html(custom, "text")
        return "".join(self.entity_to_str(entity(n)) for n in TYPOGRAPHIC_ENTITIES[el.value])

    def convert_smart_quote(self, el: Element, indent: int) -> str:
        name = self.options["smart_quotes"][SMART_QUOTE_INDICES[el.value]]
        try:
            ent = entity(name)
        except LookupError:
            ent = entity(el.value)
        return self.entity_to_str(ent)

    def convert_abbreviation(self, el: Element, indent: int) -> str:
        title = self.root.options["abbrev_defs"][el.value]
        attr = dict(self.root.options["abbrev_attr"][el.value])
        if title:
            attr["title"] = title
        return self.format_as_span_html("abbr", attr, el.value)

    # -- the document
    def convert_root(self, el: Element, indent: int) -> str:
        result = self.inner(el, indent)
        if self.footnote_location is not None:
            result = result.replace(self.footnote_location, self.footnote_content(), 1)
        else:
            result += self.footnote_content()
        if self.toc_code is not None:
            toc_tree = self.generate_toc_tree(self.toc, self.toc_code[0], self.toc_code[1] or {})
            text = self.convert(toc_tree, 0) if toc_tree.children else ""
            result = result.replace(self.toc_code[2], text, 1)
        return result

    def generate_toc_tree(
        self, toc: list[tuple[int, str, list[Element]]], kind: str, attr: dict[str, Any]
    ) -> Element:
        sections = Element(kind, attr=dict(attr))
        sections.attr.setdefault("id", "markdown-toc")
        if sections.attr["id"] is None:
            sections.attr["id"] = "markdown-toc"
        stack: list[Element] = []
        for level, ident, children in toc:
            li = Element("li", options={"level": level})
            para = Element("p", options={"transparent": True})
            li.children.append(para)
            link = Element("a", attr={"href": f"#{ident}", "id": f"{sections.attr['id']}-{ident}"})
            link.children.extend(_fix_for_toc_entry([c.deep_copy() for c in children]))
            para.children.append(link)
            li.children.append(Element(kind))
            while True:
                if not stack:
                    sections.children.append(li)
                    stack.append(li)
                    break
                if stack[-1].options["level"] < level:
                    stack[-1].children[-1].children.append(li)
                    stack.append(li)
                    break
                item = stack.pop()
                if not item.children[-1].children:
                    item.children.pop()
        while stack:
            item = stack.pop()
            if not item.children[-1].children:
                item.children.pop()
        return sections

    def footnote_content(self) -> str:
        ol = Element("ol")
        if self.footnote_start != 1:
            ol.attr["start"] = self.footnote_start
        backlink_text = escape_html(self.options["footnote_backlink"], "text")
        i = 0
        while i < len(self.footnotes):
            name, data, _, repeat = self.footnotes[i]
            li = Element("li", attr={"id": f"fn:{name}", "role": "doc-endnote"})
            li.children = [c.deep_copy() for c in data.children]
            para: Element | None = None
            insert_space = False
            last = li.children[-1] if li.children else None
            if (last is not None and last.type == "p") or self.options["footnote_backlink_inline"]:
                parent = li
                while parent.children and parent.children[-1].type not in ("p", "header"):
                    parent = parent.children[-1]
                para = parent.children[-1] if parent.children else None
                insert_space = True
            if para is None:
                para = Element("p")
                li.children.append(para)
                insert_space = False
            if self.options["footnote_backlink"]:
                nbsp = self.entity_to_str(entity("nbsp"))
                value = FOOTNOTE_BACKLINK_FMT.format(
                    nbsp if insert_space else "", name, backlink_text
                )
                para.children.append(Element("raw", value))
                for index in range(1, repeat + 1):
                    value = FOOTNOTE_BACKLINK_FMT.format(
                        nbsp, f"{name}:{index}", f"{backlink_text}<sup>{index + 1}</sup>"
                    )
                    para.children.append(Element("raw", value))
            ol.children.append(Element("raw", self.convert(li, 4)))
            i += 1
        if not ol.children:
            return ""
        return self.format_as_indented_block_html(
            "div", {"class": "footnotes", "role": "doc-endnotes"}, self.convert(ol, 2), 0
        )


# Element type -> its HtmlConverter method (kramdown's convert_<type> dispatch).
_CONVERTERS: dict[str, Callable[[HtmlConverter, Element, int], str]] = {
    name.removeprefix("convert_"): method
    for name, method in vars(HtmlConverter).items()
    if name.startswith("convert_") and name != "convert" and callable(method)
}


def _show_whitespace(m: re.Match[str]) -> str:
    suffix = "-l" if m.group(1) else ("-r" if m.group(2) else "")
    out = []
    for ch in m.group(0):
        if ch == "\t":
            out.append(f'<span class="ws-tab{suffix}">\t</span>')
        else:
            out.append(f'<span class="ws-space{suffix}">&#8901;</span>')
    return "".join(out)


def _fix_for_toc_entry(elements: list[Element]) -> list[Element]:
    def remove_footnotes(els: list[Element]) -> list[Element]:
        kept = []
        for c in els:
            c.children = remove_footnotes(c.children)
            if c.type != "footnote":
                kept.append(c)
        return kept

    def unwrap_links(els: list[Element]) -> list[Element]:
        out: list[Element] = []
        for c in els:
            c.children = unwrap_links(c.children)
            if c.type == "a":
                out.extend(c.children)
            else:
                out.append(c)
        return out

    return unwrap_links(remove_footnotes(elements))


def _minted(text: str, lang: str | None, kind: str, opts: Mapping[str, Any]) -> str | None:
    if not lang:
        return None
    if kind == "span":
        return f"\\mintinline{{{lang}}}{{{text}}}"
    options = [name for name, key in (("breaklines", "wrap"), ("linenos", "line_numbers"))
               if opts.get(key)]
    if opts.get("frame"):
        options.append(f"frame={opts['frame']}")
    return f"\\begin{{minted}}[{','.join(options)}]{{{lang}}}\n{text}\n\\end{{minted}}"


def _load_highlighter() -> tuple[Highlighter, Callable[[Mapping[str, Any]], str | None]]:
    """The rouge port lives in ``highlight.py``; without it nothing is highlighted."""
    try:
        from . import highlight as hl
    except ImportError:
        return _fallback_highlight, lambda opts: opts.get("default_lang")
    return hl.highlight, hl.default_lang


class KramdownRenderer(mistune.BaseRenderer):
    """mistune renderer hook: converts the finished kramdown tree of the state."""

    NAME = "kramdown"

    def __init__(self, options: dict[str, Any]) -> None:
        super().__init__()
        self.options = options

    def __call__(self, tokens: Any, state: Any) -> str:
        return HtmlConverter(state.root, state.options).convert(state.root)

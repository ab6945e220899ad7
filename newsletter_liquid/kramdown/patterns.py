"""Regular expressions of kramdown's grammar, rewritten for Python's ``re``.

Ruby and Python regexps differ in ways that change results, so the
fragments here spell out what Ruby means: ``\\s``/``\\w``/``\\d`` are ASCII in
Ruby (explicit classes below), ``^``/``$`` are always line anchors (every
pattern is compiled with ``re.M``), ``.`` never crosses a newline unless a
pattern asks for ``(?s:...)``, and Ruby's ``\\Z`` (end, or before a final
newline) is ``(?=\\n?\\Z)``. Interpolated Ruby regexps are groups, so every
fragment joined here is wrapped in ``(?:...)``. Atomic groups are emulated
with ``(?=(?P<x>...))(?P=x)`` so the patterns also run on Python 3.10.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

SP = r"[ \t\n\r\f\v]"  # Ruby \s
NSP = r"[^ \t\n\r\f\v]"  # Ruby \S
WC = r"a-zA-Z0-9_"  # Ruby \w inside a class
W = rf"[{WC}]"
RZ = r"(?=\n?\Z)"  # Ruby \Z
ALPHA = r"[^\W\d_]"  # [[:alpha:]]
UNAME = r"(?:[^\W\d][-\w.]*:)?[^\W\d][-\w.]*"  # REXML UNAME_STR ([[:alpha:]_] start)

NAME_START_CHAR = (
    ":A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff"
    "\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
    "\U00010000-\U000effff"
)
NAME_CHAR = NAME_START_CHAR + r"\-.0-9\u00b7\u0300-\u036f\u203f-\u2040"


def rx(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """Compile with Ruby's always-multiline anchors."""
    return re.compile(pattern, re.M | flags)


def g(pattern: str) -> str:
    return f"(?:{pattern})"


OPT_SPACE = " {0,3}"
INDENT_S = r"^(?:\t| {4})"
INDENT = rx(INDENT_S)

BLANK_LINE_S = rf"^{SP}*\n"
BLANK_LINE = rx(BLANK_LINE_S)
EOB_MARKER_S = rf"^\^{SP}*?\n"
EOB_MARKER = rx(EOB_MARKER_S)

# -- extensions / attribute lists
ALD_ID_CHARS = rf"[{WC}-]"
ALD_ANY_CHARS = r"(?:\\\}|[^}])"
ALD_ID_NAME = rf"{W}{ALD_ID_CHARS}*"
ALD_CLASS_NAME = r"[^ \t\n\r\f\v.#]+"
ALD_TYPE_KEY_VALUE_PAIR = rf"({ALD_ID_NAME})=(\"|')((?:\\\}}|\\\2|[^}}\x02])*?)\2"
ALD_TYPE_CLASS_NAME = rf"\.({ALD_CLASS_NAME})"
ALD_TYPE_ID_NAME = rf"#([A-Za-z][{WC}:-]*)"
ALD_TYPE_ID_OR_CLASS = rx(rf"{ALD_TYPE_ID_NAME}|{ALD_TYPE_CLASS_NAME}")
ALD_TYPE_ID_OR_CLASS_MULTI = rf"((?:{ALD_TYPE_ID_NAME}|{ALD_TYPE_CLASS_NAME})+)"
ALD_TYPE_REF = rf"({ALD_ID_NAME})"
ALD_TYPE_ANY = rx(
    rf"(?:\A|{SP})(?:{ALD_TYPE_KEY_VALUE_PAIR}|{ALD_TYPE_REF}|{ALD_TYPE_ID_OR_CLASS_MULTI})"
    rf"(?={SP}|{RZ})"
)
ALD_START = rx(rf"^{OPT_SPACE}\{{:({ALD_ID_NAME}):({ALD_ANY_CHARS}+)\}}{SP}*?\n")

EXT_STOP_STR = r"\{{:/({})?\}}"
EXT_START_STR = rf"\{{::({W}+)(?:{SP}({ALD_ANY_CHARS}*?)|)(/)?\}}"
EXT_BLOCK_START = rx(rf"^{OPT_SPACE}(?:{EXT_START_STR}|{EXT_STOP_STR.format(ALD_ID_NAME)}){SP}*?\n")
EXT_SPAN_START = rx(rf"{EXT_START_STR}|{EXT_STOP_STR.format(ALD_ID_NAME)}")
IAL_BLOCK_S = rf"\{{:(?!:|/)({ALD_ANY_CHARS}+)\}}{SP}*?\n"
IAL_BLOCK_START_S = rf"^{OPT_SPACE}{g(IAL_BLOCK_S)}"
IAL_BLOCK_START = rx(IAL_BLOCK_START_S)
BLOCK_EXTENSIONS_START = rx(rf"^{OPT_SPACE}\{{:")
IAL_SPAN_START = rx(rf"\{{:({ALD_ANY_CHARS}+)\}}")
SPAN_EXTENSIONS_START = rx(r"\{:")


@lru_cache(maxsize=64)
def ext_stop_re(name: str, block: bool) -> re.Pattern[str]:
    """The stop tag of extension ``name`` (the block form is a whole line)."""
    stop = EXT_STOP_STR.format(re.escape(name))
    # Ruby builds the block form in a double-quoted string, where "\s" is a space.
    return rx(rf"^{OPT_SPACE}{stop} *?\n") if block else rx(stop)


# -- HTML
HTML_SPAN_ELEMENTS = frozenset(
    [
        "a",
        "abbr",
        "acronym",
        "b",
        "big",
        "bdo",
        "br",
        "button",
        "cite",
        "code",
        "del",
        "dfn",
        "em",
        "i",
        "img",
        "input",
        "ins",
        "kbd",
        "label",
        "mark",
        "option",
        "q",
        "rb",
        "rbc",
        "rp",
        "rt",
        "rtc",
        "ruby",
        "samp",
        "select",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "tt",
        "u",
        "var",
    ]
)
HTML_BLOCK_ELEMENTS = frozenset(
    [
        "address",
        "article",
        "aside",
        "applet",
        "body",
        "blockquote",
        "caption",
        "col",
        "colgroup",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "head",
        "iframe",
        "legend",
        "menu",
        "li",
        "main",
        "map",
        "nav",
        "ol",
        "optgroup",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tfoot",
        "tr",
        "ul",
    ]
)
HTML_ELEMENTS_WITHOUT_BODY = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "command",
        "embed",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_CONTENT_MODEL_BLOCK = [
    "address",
    "applet",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "div",
    "dl",
    "fieldset",
    "figure",
    "figcaption",
    "footer",
    "form",
    "header",
    "hgroup",
    "iframe",
    "li",
    "main",
    "map",
    "menu",
    "nav",
    "noscript",
    "object",
    "section",
    "summary",
    "td",
]
_CONTENT_MODEL_SPAN = [
    "a",
    "abbr",
    "acronym",
    "b",
    "bdo",
    "big",
    "button",
    "cite",
    "caption",
    "del",
    "dfn",
    "dt",
    "em",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "i",
    "ins",
    "label",
    "legend",
    "optgroup",
    "p",
    "q",
    "rb",
    "rbc",
    "rp",
    "rt",
    "rtc",
    "ruby",
    "select",
    "small",
    "span",
    "strong",
    "sub",
    "sup",
    "th",
    "tt",
]
_CONTENT_MODEL_RAW = [
    "script",
    "style",
    "math",
    "option",
    "textarea",
    "pre",
    "code",
    "kbd",
    "samp",
    "var",
]
HTML_CONTENT_MODEL: dict[str, str] = {
    **{k: "block" for k in _CONTENT_MODEL_BLOCK},
    **{k: "span" for k in _CONTENT_MODEL_SPAN},
    **{k: "raw" for k in _CONTENT_MODEL_RAW},
}
HTML_ELEMENT = frozenset(
    HTML_SPAN_ELEMENTS | HTML_BLOCK_ELEMENTS | HTML_ELEMENTS_WITHOUT_BODY | set(HTML_CONTENT_MODEL)
)


def content_model(name: str) -> str:
    return HTML_CONTENT_MODEL.get(name, "raw")


HTML_COMMENT_S = r"(?s:<!--(.*?)-->)"
HTML_COMMENT_RE = rx(HTML_COMMENT_S)
HTML_INSTRUCTION_RE = rx(r"(?s:<\?(.*?)\?>)")
HTML_ATTRIBUTE_RE = rx(rf"(?s:{SP}*({UNAME})(?:{SP}*={SP}*(?:(\w+)|(\"|')(.*?)\3))?)")
_HTML_ATTRS = (
    rf"(?:(?=(?P<attr>{SP}+{UNAME}(?:{SP}*={SP}*(?:\w+|(?P<q>\"|').*?(?P=q)))?))(?P=attr))*"
)
HTML_TAG_S = rf"(?s:<(?=(?P<tag>{UNAME}))(?P=tag){SP}*(?P<attrs>{_HTML_ATTRS}){SP}*(?P<closed>/)?>)"
HTML_TAG_RE = rx(HTML_TAG_S)
HTML_TAG_CLOSE_S = rf"</({UNAME}){SP}*>"
HTML_TAG_CLOSE_RE = rx(HTML_TAG_CLOSE_S)
HTML_ENTITY_RE = rx(rf"&([{WC}:][\-{WC}.:]*);|&#([0-9]+);|&#x([0-9a-fA-F]+);")
HTML_BLOCK_START = rx(rf"^{OPT_SPACE}<({UNAME}|!--|/)")
HTML_BLOCK_TAG = rx(rf"^{OPT_SPACE}{HTML_TAG_S}")
HTML_BLOCK_TAG_CLOSE = rx(rf"^{OPT_SPACE}{HTML_TAG_CLOSE_S}")
HTML_SPAN_START = rx(rf"<({UNAME}|!--|/)")
# Where raw HTML may start: the "<" itself (kramdown's lookahead /(?=<(...))/ is searched
# three times faster starting with the literal; callers stop at the match's start).
HTML_RAW_START = rx(rf"<(?=({UNAME}|/|!--|\?))")
TRAILING_WHITESPACE = rx(r"[ \t]*\n")

_LAZY_SPAN_NAMES = "|".join(sorted(HTML_SPAN_ELEMENTS | {"script"}))
LAZY_END_HTML_START_S = rf"<(?!(?:{_LAZY_SPAN_NAMES})\b)(?=(?P<lzs>{UNAME}))(?P=lzs)"
LAZY_END_HTML_STOP_S = rf"(?s:</(?!(?:{_LAZY_SPAN_NAMES})\b){UNAME}{SP}*>)"


@lru_cache(maxsize=256)
def html_close_ahead(name: str) -> re.Pattern[str]:
    """Lookahead to ``</name>`` in any letter case (raw HTML bodies)."""
    return re.compile(rf"(?=</{re.escape(name)}{SP}*>)", re.M | re.S | re.I)


@lru_cache(maxsize=256)
def html_stop_re(name: str, ignore_case: bool) -> re.Pattern[str]:
    return re.compile(rf"</{re.escape(name)}{SP}*>", re.M | (re.I if ignore_case else 0))


# -- paragraphs and block starts
LAZY_END_S = (
    f"{g(BLANK_LINE_S)}|{g(IAL_BLOCK_START_S)}|{g(EOB_MARKER_S)}"
    f"|^{OPT_SPACE}{g(LAZY_END_HTML_STOP_S)}|^{OPT_SPACE}{g(LAZY_END_HTML_START_S)}|{RZ}"
)
LAZY_END = rx(LAZY_END_S)
# Greedy ``.*`` finds the same line end as Ruby's ``.*?`` (it cannot cross one), faster;
# the scanner matches at its cursor, so a line's rest needs no ``^``.
PARAGRAPH_START = rx(rf"^{OPT_SPACE}[^ \t].*\n")
PARAGRAPH_MATCH = rx(r".*\n")
ANY_LINE = rx(r".*\n")

PATTERN_TAIL = r"[\t| ].*?\n"
LIST_START_UL_S = rf"^({OPT_SPACE}[+*-])({PATTERN_TAIL})"
LIST_START_OL_S = rf"^({OPT_SPACE}[0-9]+\.)({PATTERN_TAIL})"
LIST_START_UL = rx(LIST_START_UL_S)
LIST_START_OL = rx(LIST_START_OL_S)
LIST_START_S = f"{g(LIST_START_UL_S)}|{g(LIST_START_OL_S)}"
LIST_START = rx(LIST_START_S)
DEFINITION_LIST_START_S = rf"^({OPT_SPACE}:)({PATTERN_TAIL})"
DEFINITION_LIST_START = rx(DEFINITION_LIST_START_S)
LIST_ITEM_IAL_S = rf"^{SP}*(?:\{{:(?!(?:{ALD_ID_NAME})?:|/)({ALD_ANY_CHARS}+)\}}){SP}*"
LIST_ITEM_IAL = rx(LIST_ITEM_IAL_S)
LIST_ITEM_IAL_CHECK = rx(rf"^{g(LIST_ITEM_IAL_S)}?{SP}*\n")


@lru_cache(maxsize=64)
def list_item_patterns(
    indentation: int,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Content, lazy and indent regexps for a list item indented ``indentation`` columns."""
    indent_re = rx(f"^ {{{indentation}}}")
    quot, rem = divmod(indentation, 4)
    content_re = rx(rf"^(?:(?:\t| {{4}}){{{quot}}} {{{rem}}}|(?:\t| {{4}}){{{quot + 1}}}).*\S.*\n")
    lazy_re = rx(
        rf"(?!^ {{0,{min(indentation, 3)}}}(?:{g(IAL_BLOCK_S)}|{g(LAZY_END_HTML_STOP_S)}"
        rf"|{g(LAZY_END_HTML_START_S)})).*\S.*\n"
    )
    return content_re, lazy_re, indent_re


@lru_cache(maxsize=16)
def list_marker_re(kind: str, indentation: int) -> re.Pattern[str]:
    """The marker of the following items of a list, limited by the first item's indentation."""
    spaces = f" {{0,{indentation - 1 if 1 <= indentation <= 3 else 3}}}"
    marker = {"ul": "[+*-]", "ol": r"[0-9]+\.", "dl": ":"}[kind]
    return rx(f"^({spaces}{marker})({PATTERN_TAIL})")


ATX_HEADER_START = rx(r"^(?P<level>#{1,6})[\t ]+(?P<contents>.*)\n")
SETEXT_HEADER_START = rx(rf"^{OPT_SPACE}(?P<contents>[^ \t].*)\n(?P<level>[-=])[-=]*[ \t\r\f\v]*\n")


@cache
def header_id() -> re.Pattern[str]:
    """A header's trailing ``{#id}``; compiled on first need (its Unicode classes
    take milliseconds to compile, and most documents have no such id)."""
    return re.compile(rf"[\t ]\{{#(?P<id>[{NAME_START_CHAR}][{NAME_CHAR}]*)\}}\Z")


BLOCKQUOTE_START_S = rf"^{OPT_SPACE}> ?"
BLOCKQUOTE_START = rx(BLOCKQUOTE_START_S)
HR_START = rx(rf"^{OPT_SPACE}(\*|-|_)[ \t]*\1[ \t]*\1(?:\1|[ \t])*\n")
FENCED_CODEBLOCK_START_S = rf"^{OPT_SPACE}[~`]{{3,}}"
FENCED_CODEBLOCK_START = rx(FENCED_CODEBLOCK_START_S)
FENCED_CODEBLOCK_MATCH = rx(
    rf"^{OPT_SPACE}(([~`]){{3,}}){SP}*?(({NSP}+?)(?:\?{NSP}*)?)?{SP}*?\n"
    rf"(?s:(.*?))^{OPT_SPACE}\1\2*{SP}*?\n"
)
CODEBLOCK_MATCH_S = (
    rf"(?:{g(BLANK_LINE_S)}?(?:{INDENT_S}[ \t]*{NSP}.*\n)+"
    rf"(?:(?!{g(IAL_BLOCK_START_S)}|{g(EOB_MARKER_S)}|^{OPT_SPACE}{g(LAZY_END_HTML_STOP_S)}"
    rf"|^{OPT_SPACE}{g(LAZY_END_HTML_START_S)})^[ \t]*{NSP}.*\n)*)*"
)
CODEBLOCK_MATCH = rx(CODEBLOCK_MATCH_S)
PARAGRAPH_END_GFM = rx(
    f"{g(LAZY_END_S)}|{g(LIST_START_S)}|{g(ATX_HEADER_START.pattern)}"
    f"|{g(DEFINITION_LIST_START_S)}|{g(BLOCKQUOTE_START_S)}|{g(FENCED_CODEBLOCK_START_S)}"
)
BLOCK_BOUNDARY = rx(f"{g(BLANK_LINE_S)}|{g(EOB_MARKER_S)}|{g(IAL_BLOCK_START_S)}|{RZ}")

TABLE_SEP_LINE = rx(r"^([+|: \t-]*?-[+|: \t-]*?)[ \t]*\n")
TABLE_HSEP_ALIGN = rx(r"[ \t]?(:?)-+(:?)[ \t]?")
TABLE_FSEP_LINE = rx(r"^[+|: \t=]*?=[+|: \t=]*?[ \t]*\n")
TABLE_ROW_LINE = rx(r"^(.*?)[ \t]*\n")
TABLE_PIPE_CHECK_S = r"(?:\||.*?[^\\\n]\|)"
TABLE_PIPE_CHECK = rx(TABLE_PIPE_CHECK_S)
TABLE_LINE = rx(rf"{TABLE_PIPE_CHECK_S}.*?\n")
TABLE_START = rx(rf"^{OPT_SPACE}(?={NSP}){TABLE_PIPE_CHECK_S}.*?\n")

LINK_DEFINITION_START = rx(
    rf"^{OPT_SPACE}\[([^\n\]]+)\]:[ \t]*(?:<(.*?)>|([^\n]*?{NSP}[^\n]*?))"
    rf"(?:(?:[ \t]*?\n|[ \t]+?)[ \t]*?([\"'])(.+?)\4)?[ \t]*?\n"
)
FOOTNOTE_DEFINITION_START = rx(
    rf"^{OPT_SPACE}\[\^({ALD_ID_NAME})\]:{SP}*?(.*?\n{CODEBLOCK_MATCH_S})"
)
ABBREV_DEFINITION_START = rx(rf"^{OPT_SPACE}\*\[(.+?)\]:(.*?)\n")
BLOCK_MATH_START = rx(rf"^{OPT_SPACE}(\\)?\$\$(?s:(.*?))\$\$({SP}*?\n)?")

# -- spans
ESCAPED_CHARS = rx(r"\\([\\.*_+`<>()\[\]{}#!:|\"'$=-])")
ESCAPED_CHARS_GFM = rx(r"\\([\\.*_+`<>()\[\]{}#!:|\"'$=\-~])")
EMPHASIS_START = rx(r"(?:\*\*?|__?)")
CODESPAN_DELIMITER = rx(r"`+")
AUTOLINK_START = rx(r"<((mailto|https?|ftps?):.+?|[\w.\-]+?@[\w.\-]+?)>")
FOOTNOTE_MARKER_START = rx(rf"\[\^({ALD_ID_NAME})\]")
LINK_START = rx(r"!?\[(?=[^^])")
LINK_BRACKET_STOP_RE = rx(r"(\])|!?\[")
LINK_PAREN_STOP_RE = rx(rf"(\()|(\))|{SP}(?=['\"])")
LINK_INLINE_ID_RE = rx(rf"{SP}*?\[([^\]]+)?\]")
LINK_INLINE_TITLE_RE = rx(rf"(?s:{SP}*?([\"'])(.+?)\1{SP}*?\))")
INLINE_MATH_START = rx(r"(?s:\$\$(.*?)\$\$)")
LINE_BREAK = rx(r"(  |\\\\)(?=\n)")
TYPOGRAPHIC_SYMS_RE = rx(r"---|--|\.\.\.|\\<<|\\>>|<< | >>|<<|>>")
SMART_QUOTES_RE = rx(r"[^\\]?[\"']")
STRIKETHROUGH_MATCH = rx(r"(?s:~~(?![ \t\n\r\f\v]|~).*?[^ \t\n\r\f\v~]~~)")

# The span-start fragments kramdown joins into one "next interesting position" regexp.
SPAN_STARTS: dict[str, str] = {
    "emphasis": r"\*|_",
    "codespan": "`",
    "autolink": "<",
    "span_html": "<",
    "footnote_marker": r"\[",
    "link": r"!?\[",
    "smart_quotes": r"[^\\]?[\"']",
    "inline_math": r"\$",
    "span_extensions": r"\{:",
    "html_entity": "&",
    "typographic_syms": r"--|\.\.\.|(?:\\| )?(?:<<|>>)",
    "line_break": r"(?:  |\\\\)(?=\n)",
    "escaped_chars": r"\\",
    "strikethrough_gfm": "~~",
}

# For each span rule, alternatives led by one literal character that match at
# (or, for smart quotes, " <<"/" >>" and "  \n", one or two characters after)
# every position its ``SPAN_STARTS`` fragment matches. Joined, they give a
# regexp Python's ``re`` searches by skipping to those characters in C; the
# exact lookahead then confirms the position.
SPAN_CANDIDATES: dict[str, str] = {
    "emphasis": r"\*|_",
    "codespan": "`",
    "autolink": "<",
    "span_html": "<",
    "footnote_marker": r"\[",
    "link": r"!(?=\[)|\[",
    "smart_quotes": "\"|'",
    "inline_math": r"\$",
    "span_extensions": r"\{(?=:)",
    "html_entity": "&",
    "typographic_syms": r"-(?=-)|\.(?=\.\.)|<(?=<)|>(?=>)|\\(?=<<|>>)",
    "line_break": r"\n(?<=  \n)|\\(?=\\\n)",
    "escaped_chars": r"\\",
    "strikethrough_gfm": "~(?=~)",
}
# How far before its candidate character a span start can be (see above).
SPAN_CANDIDATE_BACK: dict[str, int] = {'"': 1, "'": 1, "<": 1, ">": 1, "\n": 2}
# The characters each span rule's start regexp can match first; smart quotes
# also start on any character but a backslash that a quote follows.
SPAN_FIRST_CHARS: dict[str, str] = {
    "emphasis": "*_",
    "codespan": "`",
    "autolink": "<",
    "span_html": "<",
    "footnote_marker": "[",
    "link": "![",
    "smart_quotes": "\"'",
    "inline_math": "$",
    "span_extensions": "{",
    "html_entity": "&",
    "typographic_syms": "-.\\<> ",
    "line_break": " \\",
    "escaped_chars": "\\",
    "strikethrough_gfm": "~",
}

"""Rouge 3.30's lexer lookup and HTML formatters, over lexers built on Pygments.

Languages that matter for real posts have lexers of our own reproducing
rouge's tokenization (one module each); every other name rouge knows is
served by the matching Pygments lexer with rouge's CSS class names.
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterable, Mapping
from urllib.parse import unquote_plus

from pygments.token import Token, _TokenType

from ._engine import OptionValue, PlainTextLexer, RougeLexer, TokenList, shortname

__all__ = [
    "PlainTextLexer",
    "RougeLexer",
    "find_fancy",
    "find_lexer_class",
    "format_html",
    "format_html_legacy",
    "format_html_table",
    "merge_tokens",
]

#: rouge tag -> "module:ClassName" of our rouge-exact port
PORTED: Mapping[str, str] = {
    "plaintext": "._engine:PlainTextLexer",
    "python": ".python:PythonLexer",
    "shell": ".shell:ShellLexer",
    "ruby": ".ruby:RubyLexer",
    "javascript": ".javascript:JavascriptLexer",
    "r": ".r:RLexer",
    "yaml": ".yaml:YamlLexer",
    "css": ".css:CssLexer",
    "html": ".html:HtmlLexer",
    "php": ".php:PhpLexer",
    "json": ".json:JsonLexer",
    "console": ".shell:ConsoleLexer",
    "diff": ".diff:DiffLexer",
    "sql": ".sql:SqlLexer",
    "java": ".java:JavaLexer",
    "c": ".c:CLexer",
    "cpp": ".cpp:CppLexer",
    "go": ".go:GoLexer",
    "xml": ".xml:XmlLexer",
    "toml": ".toml:TomlLexer",
    "ini": ".ini:IniLexer",
    "docker": ".docker:DockerLexer",
    "markdown": ".markdown:MarkdownLexer",
    "make": ".make:MakeLexer",
    "scss": ".scss:ScssLexer",
    "sass": ".sass:SassLexer",
    "rust": ".rust:RustLexer",
    "csharp": ".csharp:CsharpLexer",
    "lua": ".lua:LuaLexer",
    "kotlin": ".kotlin:KotlinLexer",
    "swift": ".swift:SwiftLexer",
    "tex": ".tex:TexLexer",
    "nginx": ".nginx:NginxLexer",
    "erb": ".erb:ErbLexer",
    "apache": ".apache:ApacheLexer",
    "http": ".http:HttpLexer",
    "liquid": ".liquid:LiquidLexer",
    "typescript": ".typescript:TypescriptLexer",
    "julia": ".julia:JuliaLexer",
    "scala": ".scala:ScalaLexer",
    "elixir": ".elixir:ElixirLexer",
    "dart": ".dart:DartLexer",
    "haskell": ".haskell:HaskellLexer",
    "perl": ".perl:PerlLexer",
    "graphql": ".graphql:GraphqlLexer",
    "hcl": ".hcl:HclLexer",
    "terraform": ".terraform:TerraformLexer",
    "powershell": ".powershell:PowershellLexer",
    "objective_c": ".objective_c:ObjectiveCLexer",
    "matlab": ".matlab:MatlabLexer",
    "clojure": ".clojure:ClojureLexer",
    "erlang": ".erlang:ErlangLexer",
    "jsx": ".jsx:JsxLexer",
    "tsx": ".tsx:TsxLexer",
    "groovy": ".groovy:GroovyLexer",
    "gradle": ".gradle:GradleLexer",
    "batchfile": ".batchfile:BatchfileLexer",
    "vb": ".vb:VbLexer",
    "dot": ".dot:DotLexer",
    "awk": ".awk:AwkLexer",
    "ocaml": ".ocaml:OcamlLexer",
    "fsharp": ".fsharp:FsharpLexer",
    "coffeescript": ".coffeescript:CoffeescriptLexer",
    "elm": ".elm:ElmLexer",
    "nim": ".nim:NimLexer",
    "vue": ".vue:VueLexer",
    "cmake": ".cmake:CmakeLexer",
    "protobuf": ".protobuf:ProtobufLexer",
    "crystal": ".crystal:CrystalLexer",
    "d": ".d:DLexer",
    "tcl": ".tcl:TclLexer",
    "haml": ".haml:HamlLexer",
    "common_lisp": ".common_lisp:CommonLispLexer",
    "scheme": ".scheme:SchemeLexer",
    "fortran": ".fortran:FortranLexer",
    "pascal": ".pascal:PascalLexer",
    "jinja": ".jinja:JinjaLexer",
    "twig": ".twig:TwigLexer",
    "handlebars": ".handlebars:HandlebarsLexer",
    "solidity": ".solidity:SolidityLexer",
    "zig": ".zig:ZigLexer",
    "nix": ".nix:NixLexer",
    "jsonnet": ".jsonnet:JsonnetLexer",
    "cypher": ".cypher:CypherLexer",
    "mathematica": ".mathematica:MathematicaLexer",
    "viml": ".viml:VimlLexer",
    "puppet": ".puppet:PuppetLexer",
    "sparql": ".sparql:SparqlLexer",
    "turtle": ".turtle:TurtleLexer",
    "ada": ".ada:AdaLexer",
    "smalltalk": ".smalltalk:SmalltalkLexer",
    "llvm": ".llvm:LlvmLexer",
    "nasm": ".nasm:NasmLexer",
    "reasonml": ".reasonml:ReasonmlLexer",
    "rescript": ".rescript:RescriptLexer",
}


@functools.cache
def _name_table() -> Mapping[str, tuple[str, str]]:
    """Every name rouge accepts -> (rouge tag, Pygments alias or "")."""
    from ._registry import ROUGE_LEXERS

    table: dict[str, tuple[str, str]] = {}
    for entry in ROUGE_LEXERS:
        names, _, pygments_alias = entry.partition(" > ")
        tag, *aliases = names.split()
        for name in (tag, *aliases):
            table[name] = (tag, pygments_alias)
    return table


@functools.cache
def find_lexer_class(name: str) -> type[RougeLexer] | None:
    """The lexer class rouge's ``Lexer.find`` returns for ``name`` (exact, case-sensitive)."""
    found = _name_table().get(name)
    if found is None:
        return None
    tag, pygments_alias = found
    target = PORTED.get(tag)
    if target is not None:
        module_name, _, class_name = target.partition(":")
        module = importlib.import_module(module_name, __name__)
        cls: type[RougeLexer] = getattr(module, class_name)
        return cls
    from ._fallback import pygments_lexer_class

    return pygments_lexer_class(tag, pygments_alias)


def _parse_query(query: str) -> dict[str, OptionValue]:
    """Ruby's ``CGI.parse`` as rouge reduces it: bare keys are true, repeated keys lists."""
    collected: dict[str, list[str]] = {}
    for pair in re.split(r"[&;]", query):
        if not pair:
            continue
        key, sep, value = pair.partition("=")
        values = collected.setdefault(unquote_plus(key), [])
        if sep:
            values.append(unquote_plus(value))
    options: dict[str, OptionValue] = {}
    for key, values in collected.items():
        if not values:
            options[key] = True
        elif len(values) == 1:
            options[key] = values[0]
        else:
            options[key] = values
    return options


def _guess(text: str) -> type[RougeLexer]:
    """A reduced ``Lexer.guess``: shebang/content detection of the ported lexers only."""
    for tag in PORTED:
        cls = find_lexer_class(tag)
        if cls is not None and cls.detect(text):
            return cls
    return PlainTextLexer


def find_fancy(spec: str | None, text: str = "") -> RougeLexer | None:
    """Rouge's ``Lexer.find_fancy``: ``name``, ``name?opt=val&...``, ``guess`` or ``None``."""
    if spec is not None and "?" not in spec and spec != "guess":
        cls = find_lexer_class(spec)
        return cls() if cls is not None else None
    name, query = spec.split("?", 1) if spec is not None and "?" in spec else (spec, "")
    options = _parse_query(query)
    if name in ("guess", None):
        found: type[RougeLexer] | None = _guess(text)
    else:
        found = find_lexer_class(name)
    return found(options) if found is not None else None


def merge_tokens(tokens: Iterable[tuple[_TokenType, str]]) -> TokenList:
    """Join neighbours of the same type and drop empty values, as rouge's ``continue_lex``."""
    merged: TokenList = []
    for token, value in tokens:
        if not value:
            continue
        if merged and merged[-1][0] is token:
            merged[-1] = (token, merged[-1][1] + value)
        else:
            merged.append((token, value))
    return merged


_HTML_SPECIAL = re.compile(r"[&<>]")
_HTML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _escape(value: str) -> str:
    return _HTML_SPECIAL.sub(lambda m: _HTML_ESCAPES[m.group(0)], value)


def format_html(tokens: TokenList) -> str:
    """``Rouge::Formatters::HTML``: a span per token, plain text bare, only ``&<>`` escaped."""
    parts: list[str] = []
    for token, value in tokens:
        if token is Token.Escape:  # rouge formats escapes as errors unless enabled
            token = Token.Error
        if token is Token.Text:
            parts.append(_escape(value))
        else:
            parts.append(f'<span class="{shortname(token)}">{_escape(value)}</span>')
    return "".join(parts)


def format_html_table(
    tokens: TokenList,
    *,
    start_line: int = 1,
    line_format: str = "%i",
    table_class: str = "rouge-table",
    gutter_class: str = "rouge-gutter",
    code_class: str = "rouge-code",
) -> str:
    """``Rouge::Formatters::HTMLTable`` around the plain HTML formatter."""
    lines = sum(value.count("\n") for _, value in tokens)
    code = format_html(tokens)
    if not tokens or not tokens[-1][1].endswith("\n"):
        lines += 1
        code += "\n"
    numbers = "".join(
        _ruby_sprintf(line_format, number) + "\n"
        for number in range(start_line, start_line + lines)
    )
    return (
        f'<table class="{table_class}"><tbody><tr>'
        f'<td class="{gutter_class} gl"><pre class="lineno">{numbers}</pre></td>'
        f'<td class="{code_class}"><pre>{code}</pre></td>'
        "</tr></tbody></table>"
    )


def _ruby_sprintf(template: str, number: int) -> str:
    # %i is Ruby's alias of %d; everything else Python's % understands the same way
    return template.replace("%i", "%d") % number


def format_html_legacy(tokens: TokenList, options: Mapping[str, object]) -> str:
    """``Rouge::Formatters::HTMLLegacy`` with kramdown's (symbol-keyed) options."""
    if options.get("line_numbers") not in (None, False):
        start_line = options.get("start_line", 1)
        body = format_html_table(
            tokens,
            start_line=start_line if isinstance(start_line, int) else 1,
            line_format=str(options.get("line_format", "%i")),
            table_class=str(options.get("table_class", "rouge-table")),
            gutter_class=str(options.get("gutter_class", "rouge-gutter")),
            code_class=str(options.get("code_class", "rouge-code")),
        )
    else:
        body = format_html(tokens)
    if "wrap" in options and options["wrap"] in (None, False):
        return body
    css_class = options.get("css_class", "codehilite")
    return f'<div class="highlight"><pre class="{css_class}"><code>{body}</code></pre></div>'

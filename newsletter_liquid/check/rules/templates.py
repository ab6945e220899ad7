"""Liquid: syntax (NL010), unknown tags (NL011) and filters (NL012), undefined
variables (NL013), render errors (NL014), and the files tags name: layouts (NL020),
includes (NL021), include_relative (NL022), post_url (NL023), link (NL024)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from ...document import Document, Page
from ...errors import NewsletterLiquidError
from ...frontmatter import parse_front_matter
from ..positions import line_col, value_position

if TYPE_CHECKING:
    from ..engine import Checker
    from ..recording import CheckEnvironment

__all__ = [
    "check_layout_name",
    "check_template_file",
    "check_template_source",
    "classify_template_error",
    "report_liquid_issues",
]

# Liquid 5.4's standard filters and Jekyll 4.3.1's: what a Jekyll build knows, whether or
# not this library implements it yet.
LIQUID_FILTERS = frozenset((
    "abs", "append", "at_least", "at_most", "base64_decode", "base64_encode",
    "base64_url_safe_decode", "base64_url_safe_encode", "capitalize", "ceil", "compact", "concat",
    "date", "default", "divided_by", "downcase", "escape", "escape_once", "first", "floor",
    "join", "last", "lstrip", "map", "minus", "modulo", "newline_to_br", "plus", "prepend",
    "remove", "remove_first", "remove_last", "replace", "replace_first", "replace_last",
    "reverse", "round", "rstrip", "size", "slice", "sort", "sort_natural", "split", "strip",
    "strip_html", "strip_newlines", "times", "truncate", "truncatewords", "uniq", "upcase",
    "url_decode", "url_encode", "where",
))
JEKYLL_FILTERS = frozenset((
    "markdownify", "smartify", "sassify", "scssify", "slugify", "xml_escape", "cgi_escape",
    "uri_escape", "normalize_whitespace", "number_of_words", "array_to_sentence_string",
    "jsonify", "where", "where_exp", "find", "find_exp", "to_integer", "sort", "pop", "push",
    "shift", "unshift", "sample", "inspect", "group_by", "group_by_exp", "absolute_url",
    "relative_url", "strip_index", "date_to_xmlschema", "date_to_rfc822", "date_to_string",
    "date_to_long_string",
))
_STATIC_TAG_RE = re.compile(
    r"{%-?\s*(include_relative|include|post_url|link)\s+(.*?)\s*-?%}", re.S)
_SKIP_BLOCK_RE = re.compile(r"{%-?\s*(raw|comment)\s*-?%}.*?{%-?\s*end\1\s*-?%}", re.S)
_POST_NAME_RE = re.compile(r"^(.+/)*(\d+-\d+-\d+)-(.*)$")
_UNEXPECTED_TAG_RE = re.compile(r"[Uu]nexpected (?:outer )?'?(?:tag )?'([^']*)'")


def _known_filters(checker: Checker) -> set[str]:
    return set(LIQUID_FILTERS | JEKYLL_FILTERS) | set(checker.site.environment.filters)


def check_layout_name(checker: Checker, item: Document | Page, text: str) -> None:
    name = item.setting("layout")
    if name is None or name == "none" or str(name) in checker.site.layouts:
        return
    _missing_layout(checker, item.path, text, str(name))


def _missing_layout(checker: Checker, path: Path, text: str, name: str) -> None:
    pos = value_position(text, "layout")
    known = ", ".join(sorted(checker.site.layouts)) or "none"
    origin = "" if pos else " (set by front matter defaults in _config.yml)"
    line, col = pos or (1, 1)
    checker.add("NL020", path, line, col,
                f"layout '{name}' does not exist in _layouts{origin}; known layouts: {known}")


def check_template_file(checker: Checker, path: Path, kind: str) -> None:
    """A layout or include: parse it, check what it names."""
    try:
        text = checker.site.read_text(path)
    except NewsletterLiquidError as exc:
        checker.add_error("NL002", exc, path)
        return
    body, line_offset = text, 0
    if kind == "layout":
        try:
            fm = parse_front_matter(text, str(path))
        except NewsletterLiquidError as exc:
            checker.add("NL001", path, exc.line, exc.col, exc.message)
            return
        body, line_offset = fm.body, fm.body_line - 1
        parent = fm.data.get("layout")
        if parent is not None and parent != "none" and str(parent) not in checker.site.layouts:
            _missing_layout(checker, path, text, str(parent))
    check_template_source(checker, path, body, line_offset)


def check_template_source(checker: Checker, path: Path, source: str, line_offset: int,
                          item: Document | Page | None = None) -> None:
    """Static checks of one template's source: the files its tags name, its filters."""
    skipped = [(m.start(), m.end()) for m in _SKIP_BLOCK_RE.finditer(source)]
    for m in _STATIC_TAG_RE.finditer(source):
        if any(a <= m.start() < b for a, b in skipped):
            continue
        tag, markup = m.group(1), m.group(2).strip()
        if "{{" in markup or not markup:
            continue
        line, col = line_col(source, m.start(1), line_offset)
        if tag == "include":
            _check_include(checker, path, line, col, markup.split()[0])
        elif tag == "include_relative" and item is not None:
            _check_include_relative(checker, path, line, col, markup.split()[0])
        elif tag == "post_url":
            _check_post_url(checker, path, line, col, markup)
        elif tag == "link":
            _check_link_tag(checker, path, line, col, markup)
    if "{{" in source or "{%" in source:
        _check_filters(checker, path, source, line_offset)


def _check_include(checker: Checker, path: Path, line: int, col: int, name: str) -> None:
    folder = str(checker.site.config.get("includes_dir", "_includes"))
    theme = checker.site.theme
    theme_includes = theme.includes_path if theme is not None else None
    if not (checker.site.source / folder / name).is_file() and not (
            theme_includes is not None and (theme_includes / name).is_file()):
        checker.add("NL021", path, line, col,
                    f"include '{name}' does not exist: no file {folder}/{name}")


def _check_include_relative(checker: Checker, path: Path, line: int, col: int,
                            name: str) -> None:
    if not (path.parent / name).is_file():
        checker.add("NL022", path, line, col,
                    f"include_relative '{name}' does not exist next to this file "
                    f"({path.parent.name}/{name})")


def _check_post_url(checker: Checker, path: Path, line: int, col: int, name: str) -> None:
    m = _POST_NAME_RE.match(name.lstrip("/"))
    if m is None:
        checker.add("NL023", path, line, col,
                    f"post_url '{name}' is not a post name (YYYY-MM-DD-title)")
        return
    sub, date, slug = m.group(1) or "", m.group(2), m.group(3)
    pattern = re.compile(rf"^_posts/{re.escape(sub)}{re.escape(date)}-{re.escape(slug)}\.[^.]+"
                         rf"|^{re.escape(sub)}_posts/?{re.escape(date)}-{re.escape(slug)}\.[^.]+")
    for doc in checker.site.posts.docs:
        if pattern.match(doc.relative_path):
            return
    for doc in checker.site.posts.docs:  # Jekyll's deprecated match: same slug and day
        if str(doc.data.get("slug")) == slug and doc.date.strftime("%Y-%-m-%-d") == "-".join(
                str(int(x)) for x in date.split("-")):
            return
    checker.add("NL023", path, line, col,
                f"post_url '{name}' names no published post: no _posts/{sub}{date}-{slug}.* "
                "(check the name, or its published:/future date)")


def _check_link_tag(checker: Checker, path: Path, line: int, col: int, target: str) -> None:
    site = checker.site
    wanted = target.strip().lstrip("/")
    cdir = str(site.config.get("collections_dir") or "").strip("/")
    known = {p.relative_path for p in site.pages}
    known |= {f.relative_path.lstrip("/") for f in site.static_files}
    for collection in site.collections.values():
        if collection.write:
            known |= {f"{cdir}/{d.relative_path}" if cdir else d.relative_path
                      for d in collection.docs}
            known |= {f.relative_path.lstrip("/") for f in collection.files}
    if wanted not in known:
        checker.add("NL024", path, line, col,
                    f"link '{target}' names no page, document or file of the site")


def _check_filters(checker: Checker, path: Path, source: str, line_offset: int) -> None:
    from ..recording import template_filters

    env = checker.site.environment
    name = _template_name(checker, path)
    try:
        template = env.parse_template(source, name, line_offset)
    except NewsletterLiquidError as exc:
        checker.add(classify_template_error(exc.message), path, exc.line, exc.col, exc.message)
        return
    known = _known_filters(checker)
    for use in template_filters(template):
        if use.name in known:
            continue
        line, col = line_col(source, use.offset, line_offset)
        checker.add("NL012", path, line, col,
                    f"unknown filter '{use.name}': Liquid ignores it and outputs the value "
                    "unfiltered")


def classify_template_error(message: str) -> str:
    """The code for a Liquid error raised while parsing or rendering."""
    if "Could not locate the included file" in message:
        return "NL021"
    if "Unknown tag '" in message or _UNEXPECTED_TAG_RE.search(message):
        return "NL011"
    if "Could not find post" in message or "in tag 'post_url'" in message:
        return "NL023"
    if "Could not find document" in message or "in tag 'link'" in message:
        return "NL024"
    if "include_relative" in message:
        return "NL022"
    if message.startswith("Liquid syntax error"):
        return "NL010"
    return "NL014"


def _template_name(checker: Checker, path: Path) -> str:
    for item in [*checker.site.documents, *checker.site.pages]:
        if item.path == path:
            return item.relative_path
    try:
        return path.relative_to(checker.site.source).as_posix()
    except ValueError:
        return str(path)


def report_liquid_issues(checker: Checker, env: CheckEnvironment, fallback: Path) -> None:
    """Turn the lax-parse warnings and undefined outputs the environment noted into
    findings (errors that stop a render are reported where they are caught)."""
    for warning in env.warnings_seen:
        message = " ".join(str(warning.message or type(warning).__name__).split())
        path, line, col = _token_position(checker, env, warning.token, fallback)
        checker.add("NL010", path, line, col,
                    f"Liquid syntax error: {message} (Jekyll only warns and renders it "
                    "leniently)")
    seen: set[tuple[str, int, int]] = set()
    for use in env.undefined_uses:
        if any(use.markup == k or use.markup.startswith(k + ".")
               for k in checker.settings.known_variables):
            continue
        path, line, col = _token_position(checker, env, use.token, fallback)
        key = (str(path), line, col)
        if key in seen:
            continue
        seen.add(key)
        checker.add("NL013", path, line, col,
                    f"'{{{{ {use.markup} }}}}' is undefined here and renders as nothing: set "
                    "it (front matter, _config.yml) or add a default filter")


def _token_position(checker: Checker, env: CheckEnvironment, token: object,
                    fallback: Path) -> tuple[Path, int, int]:
    source = getattr(token, "source", None)
    index = getattr(token, "start_index", None)
    if not isinstance(source, str) or not isinstance(index, int) or index < 0:
        return fallback, 1, 1
    name, line_offset = env.sources.get(source, ("", 0))
    path = _path_of(checker, name) if name else fallback
    while index < len(source) and source[index] == " ":
        index += 1
    line, col = line_col(source, index, line_offset)
    return path, line, col


def _path_of(checker: Checker, name: str) -> Path:
    for item in [*checker.site.documents, *checker.site.pages]:
        if item.relative_path == name:
            return item.path
    return checker.resolve_name(name)

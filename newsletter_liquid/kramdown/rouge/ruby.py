"""Ruby, tokenized as rouge 3.30 does (expression-start tracking, heredocs, %-literals)."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence

from pygments.token import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    _TokenType,
)

from ...errors import MarkdownError
from ._engine import Callback, RegexLexer, State, StateItem, groups, mixin, rule, word_list

# regex alternations (a few entries are patterns, e.g. ``defined\?``)
KEYWORDS = "|".join(
    word_list(r"""
    BEGIN END alias begin break case defined\? do else elsif end ensure for if in next
    redo rescue raise retry return super then undef unless until when while yield""")
)
PSEUDO_KEYWORDS = "|".join(
    word_list("""
    loop include extend raise alias_method attr catch throw private module_function public
    protected true false nil __FILE__ __LINE__""")
)
BUILTINS_G = "|".join(
    word_list(r"""
    attr_reader attr_writer attr_accessor __id__ __send__ abort ancestors at_exit autoload
    binding callcc caller catch chomp chop class_eval class_variables clone const_defined\?
    const_get const_missing const_set constants display dup eval exec exit extend fail fork
    format freeze getc gets global_variables gsub hash id included_modules inspect
    instance_eval instance_method instance_methods instance_variable_get
    instance_variable_set instance_variables lambda load local_variables loop method
    method_missing methods module_eval name object_id open p print printf
    private_class_method private_instance_methods private_methods proc
    protected_instance_methods protected_methods public_class_method public_instance_methods
    public_methods putc puts raise rand readline readlines require require_relative scan
    select self send set_trace_func singleton_methods sleep split sprintf srand sub syscall
    system taint test throw to_a to_s trace_var trap untaint untrace_var warn""")
)
BUILTINS_Q = "|".join(
    word_list("""
    autoload block_given const_defined eql equal frozen include instance_of is_a iterator
    kind_of method_defined nil private_method_defined protected_method_defined
    public_method_defined respond_to tainted""")
)
BUILTINS_B = "chomp|chop|exit|gsub|sub"

CLOSERS = {"{": "}", "[": "]", "(": ")", "<": ">"}
ESCAPE = r"""\\([\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})"""


@functools.cache
def _sigil_state(open_char: str, close_char: str, interp: bool, token: _TokenType) -> State:
    """The state rouge builds on the fly for the body of a ``%q(...)``-style literal."""
    special = "" if open_char == close_char == "#" else re.escape(open_char + close_char)
    items: list[StateItem] = [rule(rf"\\[#{special}\\]", String.Escape)]
    if open_char != close_char:
        items.append(rule(re.escape(open_char), token, "#push"))
    items.append(rule(re.escape(close_char), token, "#pop"))
    if interp:
        items += [mixin("string_intp_escaped"), rule(r"#", token)]
    else:
        items.append(rule(r"[\\#]", token))
    items.append(rule(rf"[^#{special}\\]+", token, flags=re.S))
    return State("sigil", tuple(items))


def _sigil(lexer: RegexLexer, match: re.Match[str]) -> None:
    kind, open_char = match.group(1), match.group(2)
    if open_char == "\\":
        # rouge builds a regexp of the delimiter, /\/, which Ruby rejects: Jekyll's
        # build stops with "too short escape sequence"
        line = match.string.count("\n", 0, match.start()) + 1
        raise MarkdownError("rouge's Ruby lexer fails on a %-literal delimited by a "
                            "backslash (too short escape sequence); Jekyll stops the build",
                            line=line)
    close_char = CLOSERS.get(open_char, open_char)
    token: _TokenType = String.Other
    if kind == "r":
        token = String.Regex
        lexer.push("regex_flags")
    lexer.token(token)
    interp = kind is not None and kind in "rQWxI"
    lexer.push(_sigil_state(open_char, close_char, interp, token))


class HeredocLexer(RegexLexer):
    """Ruby's heredocs (``<<~EOS``): names queued on the line, bodies read from the next
    line on (rouge's Ruby and Crystal lexers share this)."""

    def start(self) -> None:
        self.push("expr_start")
        # (indented terminator allowed, terminator) of heredocs still to read
        self.heredocs: list[tuple[bool, str]] = []


def _heredoc(lexer: RegexLexer, match: re.Match[str], name: str) -> None:
    assert isinstance(lexer, HeredocLexer)
    lexer.token(Operator, match.group(1))
    # rouge joins groups 2 to 4; the empty-name rule has no fourth (nil in Ruby)
    lexer.token(Name.Constant, "".join(part or "" for part in match.groups()[1:4]))
    lexer.heredocs.append((match.group(1) in ("<<-", "<<~"), name))
    if not lexer.state_is("heredoc_queue"):
        lexer.push("heredoc_queue")


def named_heredoc(lexer: RegexLexer, match: re.Match[str]) -> None:
    _heredoc(lexer, match, match.group(3))


def empty_heredoc(lexer: RegexLexer, match: re.Match[str]) -> None:
    _heredoc(lexer, match, "")


def heredoc_line(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, HeredocLexer)
    tolerant, name = lexer.heredocs[0]
    line = match.group(0)
    # Ruby's String#strip/rstrip also drop NUL characters
    check = line.strip(" \t\n\v\f\r\0") if tolerant else line.rstrip(" \t\n\v\f\r\0")
    if check == name:
        lexer.heredocs.pop(0)
        if not lexer.heredocs:
            lexer.pop()
        lexer.token(Name.Constant)
    else:
        lexer.token(String.Heredoc)
    lexer.pop()


def _pop(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.pop()


def _goto(state: str, token: _TokenType | None = None) -> Callback:
    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        if token is not None:
            lexer.token(token)
        lexer.goto(state)

    return callback


def _ternary(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Punctuation)
    lexer.push("ternary")
    lexer.push("expr_start")


def _open_paren(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Punctuation)
    lexer.push("defexpr")
    lexer.push("expr_start")


def _groups_then(state: str | None, *tokens: _TokenType) -> Callback:
    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        lexer.groups(*tokens)
        if state is None:
            lexer.pop()
        else:
            lexer.goto(state)

    return callback


def _space_then_expr(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(Text)
    lexer.goto("expr_start")


class RubyLexer(HeredocLexer):
    tag = "ruby"
    rouge_aliases = ("rb",)

    @classmethod
    def detect(cls, text: str) -> bool:
        return re.match(r"\A#!.*?\bruby(?:\s|$)", text) is not None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        simple: dict[str, Sequence[StateItem]] = {
            name: [
                mixin("string_intp_escaped"),
                rule(rf"[^\\{fin}#]+", token, flags=re.S),
                rule(r"[\\#]", token),
                rule(fin, token, "#pop"),
            ]
            for name, token, fin in (
                ("simple_string", String.Double, '"'),
                ("simple_sym", String.Symbol, '"'),
                ("simple_backtick", String.Backtick, "`"),
            )
        }
        return {
            **simple,
            "symbols": [
                rule(r":@{0,2}[a-z_]\w*[!?]?", String.Symbol, flags=re.I),
                rule(
                    r":(?:\*\*|[-+]@|[/%&|^`~]|\[\]=?|<<|>>|<=?>|<=?|===?)",
                    String.Symbol,
                ),
                rule(r":'(\\\\|\\'|[^'])*'", String.Symbol),
                rule(r':"', String.Symbol, "simple_sym"),
            ],
            "sigil_strings": [rule(r"%([rqswQWxiI])?([^\w\s])", _sigil)],
            "strings": [
                mixin("symbols"),
                rule(r"\b[a-z_]\w*?[?!]?:\s+", String.Symbol, "expr_start"),
                rule(r"'(\\\\|\\'|[^'])*'", String.Single),
                rule(r'"', String.Double, "simple_string"),
                rule(r"(?<!\.)`", String.Backtick, "simple_backtick"),
            ],
            "regex_flags": [rule(r"[mixounse]*", String.Regex, "#pop")],
            "whitespace": [
                mixin("inline_whitespace"),
                rule(r"\n\s*", Text, "expr_start"),
                rule(r"#.*$", Comment.Single),
                rule(r"=begin\b.*?\n=end\b", Comment.Multiline, flags=re.S),
            ],
            "inline_whitespace": [rule(r"[ \t\r]+", Text)],
            "root": [
                mixin("whitespace"),
                rule(r"__END__", Comment.Preproc, "end_part"),
                rule(r"0_?[0-7]+(?:_[0-7]+)*", Number.Oct),
                rule(r"0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*", Number.Hex),
                rule(r"0b[01]+(?:_[01]+)*", Number.Bin),
                rule(
                    r"[\d]+(?:_\d+)*(?:\.[\d]+(?:_\d+)*(?:[eE][+-]?\d+)?|[eE][+-]?\d+)",
                    Number.Float,
                ),
                rule(r"[\d]+(?:_\d+)*", Number.Integer),
                rule(r"@@[a-z_]\w*", Name.Variable.Class, flags=re.I),
                rule(r"@[a-z_]\w*", Name.Variable.Instance, flags=re.I),
                rule(r"\$\w+", Name.Variable.Global),
                rule(r"""\$[!@&`'+~=/\\,;.<>_*$?:"]""", Name.Variable.Global),
                rule(r"\$-[0adFiIlpvw]", Name.Variable.Global),
                rule(r"::", Operator),
                mixin("strings"),
                rule(rf"(?:{KEYWORDS})(?=\W|$)", Keyword, "expr_start"),
                rule(rf"(?:{PSEUDO_KEYWORDS})\b", Keyword.Pseudo, "expr_start"),
                rule(
                    r"(module)(\s+)([a-zA-Z_][a-zA-Z0-9_]*(::[a-zA-Z_][a-zA-Z0-9_]*)*)",
                    groups(Keyword, Text, Name.Namespace),
                ),
                rule(r"(def\b)(\s*)", groups(Keyword, Text), "funcname"),
                rule(r"(class\b)(\s*)", groups(Keyword, Text), "classname"),
                rule(rf"(?:{BUILTINS_Q})[?]", Name.Builtin, "expr_start"),
                rule(rf"(?:{BUILTINS_B})!", Name.Builtin, "expr_start"),
                rule(rf"(?<!\.)(?:{BUILTINS_G})\b", Name.Builtin, "method_call"),
                mixin("has_heredocs"),
                rule(r"\.{2,3}", Operator, "expr_start"),
                rule(r"[A-Z][a-zA-Z0-9_]*", Name.Constant, "method_call"),
                rule(
                    r"(\.|::)(\s*)([a-z_]\w*[!?]?|[*%&^`~+-/\[<>=])",
                    groups(Punctuation, Text, Name.Function),
                    "method_call",
                ),
                rule(r"[a-zA-Z_]\w*[?!]", Name, "expr_start"),
                rule(r"[a-zA-Z_]\w*", Name, "method_call"),
                rule(
                    r"\*\*|<<?|>>?|>=|<=|<=>|=~|={3}|!~|&&?|\|\||\.",
                    Operator,
                    "expr_start",
                ),
                rule(r"[-+/*%=<>&!^|~]=?", Operator, "expr_start"),
                rule(r"[?]", _ternary),
                rule(r"[\[({,:\\;/]", Punctuation, "expr_start"),
                rule(r"[\])}]", Punctuation),
            ],
            "has_heredocs": [
                rule(r"(?<!\w)(<<[-~]?)([\"`']?)([a-zA-Z_]\w*)(\2)", named_heredoc),
                rule(r"(<<[-~]?)([\"'])(\2)", empty_heredoc),
            ],
            "heredoc_queue": [
                rule(r"(?=\n)", _goto("resolve_heredocs")),
                mixin("root"),
            ],
            "resolve_heredocs": [
                mixin("string_intp_escaped"),
                rule(r"\n", String.Heredoc, "test_heredoc"),
                rule(r"[#\\\n]", String.Heredoc),
                rule(r"[^#\\\n]+", String.Heredoc),
            ],
            "test_heredoc": [
                rule(r"[^#\\\n]*$", heredoc_line),
                rule(r"", _pop),
            ],
            "funcname": [
                rule(r"\s+", Text),
                rule(r"\(", Punctuation, "defexpr"),
                rule(
                    r"""(?:([a-zA-Z_]\w*)(\.))?
                    (
                      [a-zA-Z_]\w*[!?]? |
                      \*\*? | [-+]@? | [/%&\|^`~] | \[\]=? |
                      <<? | >>? | <=>? | >= | ===?
                    )""",
                    _groups_then(None, Name.Class, Operator, Name.Function),
                    flags=re.X,
                ),
                rule(r"", _pop),
            ],
            "classname": [
                rule(r"\s+", Text),
                rule(r"\w+(::\w+)+", Name.Class),
                rule(r"\(", _open_paren),
                rule(r"<<", _goto("expr_start", Operator)),
                rule(r"[A-Z_]\w*", Name.Class, "#pop"),
                rule(r"", _pop),
            ],
            "ternary": [
                rule(r"(:)(\s+)", _groups_then("expr_start", Punctuation, Text)),
                rule(r":(?![^#\n]*?[:\\])", _goto("expr_start", Punctuation)),
                mixin("root"),
            ],
            "defexpr": [
                rule(r"(\))(\.|::)?", _groups_then(None, Punctuation, Operator)),
                rule(r"\(", _open_paren),
                mixin("root"),
            ],
            "in_interp": [
                rule(r"\}", String.Interpol, "#pop"),
                mixin("root"),
            ],
            "string_intp": [
                rule(r"[#][{]", String.Interpol, "in_interp"),
                rule(r"#(@@?|\$)[a-z_]\w*", String.Interpol, flags=re.I),
            ],
            "string_intp_escaped": [
                mixin("string_intp"),
                rule(ESCAPE, String.Escape),
                rule(r"\\.", String.Escape),
            ],
            "method_call": [
                rule(r"/|%", _goto("expr_start", Operator)),
                rule(r"(?=\n)", _pop),
                rule(r"", _goto("method_call_spaced")),
            ],
            "method_call_spaced": [
                mixin("whitespace"),
                rule(r"[%/]=", _goto("expr_start", Operator)),
                rule(r"(/)(?=\S|\s*/)", _goto("slash_regex", String.Regex)),
                mixin("sigil_strings"),
                rule(r"(?=\s*/)", _pop),
                rule(r"\s+", _space_then_expr),
                rule(r"", _pop),
            ],
            "expr_start": [
                mixin("inline_whitespace"),
                rule(r"/", _goto("slash_regex", String.Regex)),
                rule(
                    rf"""[?](\\[MC]-)*
                    ({ESCAPE}|\S)
                    (?!\w)""",
                    String.Char,
                    "#pop",
                    flags=re.X,
                ),
                rule(r"(\s*)(%[rqswQWxiI]? \S* )", _groups_then(None, Text, String.Other)),
                mixin("sigil_strings"),
                rule(r"", _pop),
            ],
            "slash_regex": [
                mixin("string_intp"),
                rule(r"\\\\", String.Regex),
                rule(r"\\/", String.Regex),
                rule(r"[\\#]", String.Regex),
                rule(r"[^\\/#]+", String.Regex, flags=re.S),
                rule(r"/", _goto("regex_flags", String.Regex)),
            ],
            "end_part": [rule(r".+", Comment.Preproc, "#pop", flags=re.S)],
        }

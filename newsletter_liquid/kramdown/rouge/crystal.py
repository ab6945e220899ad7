"""Crystal, tokenized as rouge 3.30 does (a Ruby-like lexer of its own, not a subclass).

Rouge matches at the scan position as if the text began there, so its leading
``\\b`` before a letter and its ``(?<!\\.)``/``(?<!\\w)`` look-behinds never reject
anything and are left out; trailing ``\\b`` after a word character is spelt with
Ruby's boundary word class.
"""

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

from ._engine import (
    Callback,
    RegexLexer,
    State,
    StateItem,
    goto_state,
    groups,
    mixin,
    pop_state,
    rule,
    word_list,
)
from ._ruby_regex import boundary_word
from .ruby import CLOSERS, ESCAPE, HeredocLexer, empty_heredoc, heredoc_line, named_heredoc

# Ruby's \b right after a word character
_END = f"(?![{boundary_word()}])"
# rouge's [a-z_] under /i: Onigmo folds the long s and the Kelvin sign into s and k
_AZ = "[a-z_\u017f\u212a]"

KEYWORDS = word_list("""
    BEGIN END alias begin break case do else elsif end ensure for if ifdef in next redo
    rescue raise retry return super then undef unless until when while yield lib fun type
    of as""")
# sic: rouge's unescaped ``getter?``/``property?`` are regexes (optional last letter);
# its ``getter!``/``property!`` need a word character after the ``!`` and can never
# win over ``getter``/``property``, so they are left out
PSEUDO_KEYWORDS = word_list("""
    initialize new loop include extend raise attr_reader attr_writer attr_accessor
    alias_method attr catch throw private module_function public protected true false nil
    __FILE__ __LINE__ getter getter? property property? struct record""")
BUILTINS_G = word_list("""
    abort ancestors at_exit caller catch chomp chop clone constants display dup eval exec
    exit extend fail fork format freeze getc gets global_variables gsub hash id
    included_modules inspect instance_eval instance_method instance_methods lambda loop
    method method_missing methods module_eval name object_id open p print printf proc putc
    puts raise rand readline readlines require scan select self send sleep split sprintf
    srand sub syscall system test throw to_a to_s trap warn""")
BUILTINS_Q = "eql|equal|include|is_a|iterator|kind_of|nil"
BUILTINS_B = "chomp|chop|exit|gsub|sub"

# rouge's (\\\\|\\'|[^'])*' backtracks exponentially when no quote closes it; the same
# match without that: up to the first quote the greedy loop lands on (an atomic group,
# spelt as a look-ahead), else rouge's backtracking ends on the last quote, after a
# backslash.  The inner group is the loop's last iteration, which rouge emits.
_QUOTED_TAIL = r"(?:(?=((?:(\\\\|\\'|[^']))*))\{run}|(?s:.*)(\\))(')"
_SINGLE_ESCAPE = r"\\u[a-fA-F0-9]{4}|\\u\{[a-fA-F0-9]{1,6}\}|\\[abefnrtv]"
_SINGLE = f"(')({_SINGLE_ESCAPE})?" + _QUOTED_TAIL.replace("{run}", "3")
_SYMBOL_QUOTED = ":'" + _QUOTED_TAIL.replace("{run}", "1")


@functools.cache
def _sigil_state(open_char: str, close_char: str, interp: bool, token: _TokenType) -> State:
    """The state rouge builds on the fly for the body of a ``%q(...)``-style literal."""
    special = re.escape(open_char) + re.escape(close_char)
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
    close_char = CLOSERS.get(open_char, open_char)
    token: _TokenType = String.Other
    if kind == "r":
        token = String.Regex
        lexer.push("regex_flags")
    lexer.token(token)
    interp = kind is not None and kind in "rQWxI"
    lexer.push(_sigil_state(open_char, close_char, interp, token))


def _single_quoted(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(String.Single, match.group(1))
    lexer.token(String.Escape, match.group(2))
    lexer.token(String.Single, match.group(4) or match.group(5))
    lexer.token(String.Single, match.group(6))


def _push_after(*states: str, token: _TokenType) -> Callback:
    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        lexer.token(token)
        for state in states:
            lexer.push(state)

    return callback


def _groups_then(state: str | None, *tokens: _TokenType) -> Callback:
    """Emit the groups, then push ``state`` (or pop when it is ``None``)."""

    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        lexer.groups(*tokens)
        if state is None:
            lexer.pop()
        else:
            lexer.push(state)

    return callback


def _alternation(names: Sequence[str]) -> str:
    return "|".join(names)


class CrystalLexer(HeredocLexer):
    tag = "crystal"
    rouge_aliases = ("cr",)

    @classmethod
    def detect(cls, text: str) -> bool:
        shebang = re.match(r"\A\s*#!(.*)$", text, re.ASCII | re.MULTILINE)
        return (
            shebang is not None
            and re.search(r"(?u:\b)crystal(?:\s|$)", shebang.group(1), re.ASCII) is not None
        )

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
            "symbols": [
                rule(rf":@{{0,2}}{_AZ}\w*[!?]?", String.Symbol, flags=re.I),
                rule(
                    r":(?:===|=?~|\[\][=?]?|\*\*=?|\/\/=?|[=^*/+-]=?|&[&*+-]?=?|\|\|?=?"
                    r"|![=~]?|%=?|<=>|<<?=?|>>?=?|\.\.\.?)",
                    String.Symbol,
                ),
                rule(_SYMBOL_QUOTED, String.Symbol),
                rule(r':"', String.Symbol, "simple_sym"),
            ],
            "sigil_strings": [rule(r"%([rqswQWxiI])?([^\w\s}])", _sigil)],
            "strings": [
                mixin("symbols"),
                rule(r"[a-z_]\w*?[?!]?:\s+", String.Symbol, "expr_start"),
                rule(r'"', String.Double, "simple_string"),
                rule(r"`", String.Backtick, "simple_backtick"),
                rule(_SINGLE, _single_quoted),
            ],
            "regex_flags": [rule(r"[mixounse]*", String.Regex, "#pop")],
            **simple,
            "whitespace": [
                mixin("inline_whitespace"),
                rule(r"\n\s*", Text, "expr_start"),
                rule(r"#.*$", Comment.Single),
                rule(rf"=begin{_END}.*?\n=end{_END}", Comment.Multiline, flags=re.S),
            ],
            "inline_whitespace": [rule(r"[ \t\r]+", Text)],
            "root": [
                mixin("whitespace"),
                rule(r"__END__", Comment.Preproc, "end_part"),
                rule(r"0o[0-7]+(?:_[0-7]+)*", Number.Oct),
                rule(r"0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*", Number.Hex),
                rule(r"0b[01]+(?:_[01]+)*", Number.Bin),
                rule(r"\d+\.\d+(e[\+\-]?\d+)?(_f32)?", Number.Float, flags=re.I),
                rule(r"\d+(e[\+\-]?\d+)", Number.Float, flags=re.I),
                rule(r"\d+_f32", Number.Float, flags=re.I),
                rule(r"[\d]+(?:_\d+)*(_[iu]\d+)?", Number.Integer),
                rule(r"@\[([^\]]+)\]", Name.Decorator),
                rule(rf"@@{_AZ}\w*", Name.Variable.Class, flags=re.I),
                rule(rf"@{_AZ}\w*", Name.Variable.Instance, flags=re.I),
                rule(r"\$\w+", Name.Variable.Global),
                rule(r"""\$[!@&`'+~=/\\,;.<>_*\$?:"]""", Name.Variable.Global),
                rule(r"\$-[0adFiIlpvw]", Name.Variable.Global),
                rule(r"::", Operator),
                mixin("strings"),
                rule(
                    rf"(?:(?:{_alternation(KEYWORDS)}){_END}|defined\?(?=[{boundary_word()}]))",
                    Keyword,
                    "expr_start",
                ),
                rule(rf"(?:{_alternation(PSEUDO_KEYWORDS)}){_END}", Keyword.Pseudo, "expr_start"),
                rule(
                    r"""(module)
                    (\s+)
                    ([a-zA-Z_][a-zA-Z0-9_]*(::[a-zA-Z_][a-zA-Z0-9_]*)*)""",
                    groups(Keyword, Text, Name.Namespace),
                    flags=re.X,
                ),
                rule(rf"(def|macro{_END})(\s*)", _groups_then("funcname", Keyword, Text)),
                rule(rf"(class{_END})(\s*)", _groups_then("classname", Keyword, Text)),
                rule(rf"(?:{BUILTINS_Q})[?]", Name.Builtin, "expr_start"),
                rule(rf"(?:{BUILTINS_B})!", Name.Builtin, "expr_start"),
                rule(rf"(?:{_alternation(BUILTINS_G)}){_END}", Name.Builtin, "method_call"),
                mixin("has_heredocs"),
                rule(r"\.{2,3}", Operator, "expr_start"),
                rule(r"[A-Z][a-zA-Z0-9_]*", Name.Constant, "method_call"),
                rule(
                    r"(\.|::)(\s*)([a-z_]\w*[!?]?|[*%&^`~+-\/\[<>=])",
                    _groups_then("method_call", Punctuation, Text, Name.Function),
                ),
                rule(r"[a-zA-Z_]\w*[?!]", Name, "expr_start"),
                rule(r"[a-zA-Z_]\w*", Name, "method_call"),
                rule(
                    r"\*\*|\/\/|>=|<=|<=>|<<?|>>?|=~|={3}|!~|&&?|\|\||\.",
                    Operator,
                    "expr_start",
                ),
                rule(r"\{%|%\}", Punctuation),
                rule(r"[-+\/*%=<>&!^|~]=?", Operator, "expr_start"),
                rule(r"[?]", _push_after("ternary", "expr_start", token=Punctuation)),
                rule(r"[\[({,:\\;/]", Punctuation, "expr_start"),
                rule(r"[\])}]", Punctuation),
            ],
            "has_heredocs": [
                rule(r"(<<[-~]?)([\"`']?)([a-zA-Z_]\w*)(\2)", named_heredoc),
                rule(r"(<<[-~]?)([\"'])(\2)", empty_heredoc),
            ],
            "heredoc_queue": [
                rule(r"(?=\n)", goto_state("resolve_heredocs")),
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
                rule(r"", pop_state),
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
                rule(r"", pop_state),
            ],
            "classname": [
                rule(r"\s+", Text),
                rule(r"\(", _push_after("defexpr", "expr_start", token=Punctuation)),
                rule(r"<<", goto_state("expr_start", Operator)),
                rule(r"[A-Z_]\w*", Name.Class, "#pop"),
                rule(r"", pop_state),
            ],
            "ternary": [
                rule(r":(?!:)", goto_state("expr_start", Punctuation)),
                mixin("root"),
            ],
            "defexpr": [
                rule(r"(\))(\.|::)?", _groups_then(None, Punctuation, Operator)),
                rule(r"\(", _push_after("defexpr", "expr_start", token=Punctuation)),
                mixin("root"),
            ],
            "in_interp": [
                rule(r"\}", String.Interpol, "#pop"),
                mixin("root"),
            ],
            "string_intp": [
                rule(r"[#][{]", String.Interpol, "in_interp"),
                rule(rf"#(@@?|\$){_AZ}\w*", String.Interpol, flags=re.I),
            ],
            "string_intp_escaped": [
                mixin("string_intp"),
                rule(ESCAPE, String.Escape),
                rule(r"\\u([a-fA-F0-9]{4}|\{[^}]+\})", String.Escape),
                rule(r"\\.", String.Escape),
            ],
            "method_call": [
                rule(r"/", goto_state("expr_start", Operator)),
                rule(r"(?=\n)", pop_state),
                rule(r"", goto_state("method_call_spaced")),
            ],
            "method_call_spaced": [
                mixin("whitespace"),
                rule(r"[%/]=", goto_state("expr_start", Operator)),
                rule(r"(/)(?=\S|\s*/)", goto_state("slash_regex", String.Regex)),
                mixin("sigil_strings"),
                rule(r"(?=\s*/)", pop_state),
                rule(r"\s+", goto_state("expr_start", Text)),
                rule(r"", pop_state),
            ],
            "expr_start": [
                mixin("inline_whitespace"),
                rule(r"/", goto_state("slash_regex", String.Regex)),
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
                rule(r"", pop_state),
            ],
            "slash_regex": [
                mixin("string_intp"),
                rule(r"\\\\", String.Regex),
                rule(r"\\/", String.Regex),
                rule(r"[\\#]", String.Regex),
                rule(r"[^\\/#]+", String.Regex, flags=re.S),
                rule(r"/", goto_state("regex_flags", String.Regex)),
            ],
            "end_part": [rule(r".+", Comment.Preproc, "#pop", flags=re.S)],
        }

"""Makefiles, tokenized as rouge 3.30 does (recipes and assignments go to the shell lexer)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Operator, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, goto_state, groups, mixin, rule, word_list
from .shell import ShellLexer

FUNCTIONS = word_list("""
    abspath addprefix addsuffix and basename call dir error eval file filter filter-out
    findstring firstword flavor foreach if join lastword notdir or origin patsubst realpath
    shell sort strip subst suffix value warning wildcard word wordlist words""")

_STOP = r"\$\(|\$\{|\(|\)|\}|\\|$"


class MakeLexer(RegexLexer):
    tag = "make"
    rouge_aliases = ("makefile", "mf", "gnumake", "bsdmake")

    def start(self) -> None:
        self.shell = ShellLexer(self.rouge_options)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"\s+", Text),
                rule(r"#.*?\n", Comment),
                rule(
                    r"([-s]?include)((?:[\t ]+[^\t\n #]+)+)",
                    groups(Keyword, String.Other),
                ),
                rule(r"(ifn?def|ifn?eq)([\t ]+)([^#\n]+)", groups(Keyword, Text, Name.Variable)),
                rule(r"(?:else|endif)[\t ]*(?=[#\n])", Keyword),
                rule(
                    r"(export)([\t ]+)(?=[\w\${}()\t -]+\n)",
                    groups(Keyword, Text),
                    "export",
                ),
                rule(r"export[\t ]+", Keyword),
                rule(
                    r"([\w${}().-]+)([\t ]*)([!?:+]?=)",
                    groups(Name.Variable, Text, Operator),
                    "shell_line",
                    flags=re.S,
                ),
                rule(r'"(\\\\|\\.|[^"\\])*"', String.Double),
                rule(r"'(\\\\|\\.|[^'\\])*'", String.Single),
                rule(r"([^\n:]+)(:+)([ \t]*)", groups(Name.Label, Operator, Text), "block_header"),
            ],
            "export": [
                rule(r"[\w\${}()-]", Name.Variable),
                rule(r"\n", Text, "#pop"),
                rule(r"[\t ]+", Text),
            ],
            "block_header": [
                rule(r"[^,\\\n#]+", Name.Function),
                rule(r",", Punctuation),
                rule(r"#.*?", Comment),
                rule(r"\\\n", Text),
                rule(r"\\.", Text),
                rule(r"\n", goto_state("block_body", Text)),
            ],
            "block_body": [
                rule(
                    r"(ifn?def|ifn?eq)([\t ]+)([^#\n]+)(#.*)?(\n)",
                    groups(Keyword, Text, Name.Variable, Comment, Text),
                ),
                rule(r"(else|endif)([\t ]*)(#.*)?(\n)", groups(Keyword, Text, Comment, Text)),
                rule(r"(\t[\t ]*)([@-]?)", groups(Text, Punctuation), "shell_line"),
                rule(r"", _end_block),
            ],
            "shell": [
                rule(r"\$[({][\t ]*\w[\w:=%.]*[\t ]*[)}]", Name.Variable, flags=re.I),
                rule(
                    rf"(\$[({{])([\t ]*)({'|'.join(FUNCTIONS)})([\t ]+)",
                    groups(Name.Function, Text, Name.Builtin, Text),
                    "shell_expr",
                    flags=re.S,
                ),
                rule(r"\\.", _to_shell, flags=re.S),
                rule(rf".+?(?=(?-s:{_STOP}))", _to_shell, flags=re.S),
                rule(_STOP, _to_shell),
            ],
            "shell_expr": [
                rule(r"[({]", _to_shell, "#push"),
                rule(r"[)}]", Name.Function, "#pop"),
                mixin("shell"),
            ],
            "shell_line": [
                rule(r"\n", Text, "#pop"),
                mixin("shell"),
            ],
        }


def _shell(lexer: RegexLexer) -> ShellLexer:
    assert isinstance(lexer, MakeLexer)
    return lexer.shell


def _to_shell(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.delegate(_shell(lexer))


def _end_block(lexer: RegexLexer, match: re.Match[str]) -> None:
    _shell(lexer).reset()
    lexer.pop()

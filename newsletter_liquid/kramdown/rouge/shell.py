"""Shell scripts and console sessions, tokenized as rouge 3.30 does."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import (
    Comment,
    Generic,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
)

from ._engine import (
    OptionValue,
    PlainTextLexer,
    RegexLexer,
    RougeLexer,
    StateItem,
    TokenList,
    groups,
    mixin,
    rule,
    word_list,
)

KEYWORDS = "|".join(
    word_list("""
    if fi else while do done for then return function select continue until esac elif
    in""")
)

BUILTINS = "|".join(
    word_list("""
    alias bg bind break builtin caller cd command compgen complete declare dirs disown
    enable eval exec exit export false fc fg getopts hash help history jobs let local logout
    mapfile popd pushd pwd read readonly set shift shopt source suspend test time times trap
    true type typeset ulimit umask unalias unset wait
    cat tac nl od base32 base64 fmt pr fold head tail split csplit wc sum cksum b2sum md5sum
    sha1sum sha224sum sha256sum sha384sum sha512sum sort shuf uniq comm ptx tsort cut paste
    join tr expand unexpand ls dir vdir dircolors cp dd install mv rm shred link ln mkdir
    mkfifo mknod readlink rmdir unlink chown chgrp chmod touch df du stat sync truncate echo
    printf yes expr tee basename dirname pathchk mktemp realpath pwd stty printenv tty id
    logname whoami groups users who date arch nproc uname hostname hostid uptime chcon runcon
    chroot env nice nohup stdbuf timeout kill sleep factor numfmt seq tar grep sudo awk sed
    gzip gunzip""")
)


def _heredoc_start(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, ShellLexer)
    lexer.groups(Operator, Text, String.Heredoc, String.Heredoc, Name.Constant, String.Heredoc)
    lexer.heredoc_name = match.group(5)
    lexer.push("heredoc")


def _heredoc_line(lexer: RegexLexer, match: re.Match[str]) -> None:
    assert isinstance(lexer, ShellLexer)
    if match.group(1) == lexer.heredoc_name:
        lexer.token(Name.Constant)
        lexer.pop(2)
    else:
        lexer.token(String.Heredoc)


def _pop(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.pop()


class ShellLexer(RegexLexer):
    tag = "shell"
    rouge_aliases = ("bash", "zsh", "ksh", "sh")

    def start(self) -> None:
        self.heredoc_name = ""

    @classmethod
    def detect(cls, text: str) -> bool:
        return re.match(r"\A#!.*?\b(?:ba|z|k)?sh(?:\s|$)", text) is not None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "basic": [
                rule(r"#.*$", Comment),
                rule(rf"\b({KEYWORDS})\s*\b", Keyword),
                rule(r"\bcase\b", Keyword, "case"),
                rule(rf"\b({BUILTINS})\s*\b(?!(\.|-))", Name.Builtin),
                rule(r"[.](?=\s)", Name.Builtin),
                rule(r"(\b\w+)(=)", groups(Name.Variable, Operator)),
                rule(r"[\[\]{}()!=>]", Operator),
                rule(r"&&|\|\|", Operator),
                rule(r"<<<", Operator),
                rule(r"(<<-?)(\s*)(['\"]?)(\\?)(\w+)(\3)", _heredoc_start),
            ],
            "heredoc": [
                rule(r"\n", String.Heredoc, "heredoc_nl"),
                rule(r"[^$\n\\]+", String.Heredoc),
                mixin("interp"),
                rule(r"[$]", String.Heredoc),
            ],
            "heredoc_nl": [
                rule(r"\s*(\w+)\s*\n", _heredoc_line),
                rule(r"", _pop),
            ],
            "double_quotes": [
                rule(r"(?:\$#?)?\"", String.Double, "#pop"),
                mixin("interp"),
                rule(r"[^\"`\\$]+", String.Double),
            ],
            "ansi_string": [
                rule(r"\\.", String.Escape),
                rule(r"[^\\']+", String.Single),
                mixin("single_quotes"),
            ],
            "single_quotes": [
                rule(r"'", String.Single, "#pop"),
                rule(r"[^']+", String.Single),
            ],
            "data": [
                rule(r"\s+", Text),
                rule(r"\\.", String.Escape),
                rule(r"\$?\"", String.Double, "double_quotes"),
                rule(r"\$'", String.Single, "ansi_string"),
                rule(r"'", String.Single, "single_quotes"),
                rule(r"\*", Keyword),
                rule(r";", Punctuation),
                rule(r"--?[\w-]+", Name.Tag),
                rule(r"[^=\*\s{}()$\"'`;\\<]+", Text),
                rule(r"\d+(?= |\Z)", Number),
                rule(r"<", Text),
                mixin("interp"),
            ],
            "curly": [
                rule(r"\}", Keyword, "#pop"),
                rule(r":-", Keyword),
                rule(r"[a-zA-Z0-9_]+", Name.Variable),
                rule(r"[^}:\"`'$]+", Punctuation),
                mixin("root"),
            ],
            "paren_interp": [
                rule(r"\)", String.Interpol, "#pop"),
                rule(r"\(", Operator, "paren_inner"),
                mixin("root"),
            ],
            "paren_inner": [
                rule(r"\(", Operator, "#push"),
                rule(r"\)", Operator, "#pop"),
                mixin("root"),
            ],
            "math": [
                rule(r"\)\)", Keyword, "#pop"),
                rule(r"[-+*/%^|&!]|\*\*|\|\|", Operator),
                rule(r"\d+(#\w+)?", Number),
                mixin("root"),
            ],
            "case": [
                rule(r"\besac\b", Keyword, "#pop"),
                rule(r"\|", Punctuation),
                rule(r"\)", Punctuation, "case_stanza"),
                mixin("root"),
            ],
            "case_stanza": [
                rule(r";;", Punctuation, "#pop"),
                mixin("root"),
            ],
            "backticks": [
                rule(r"`", String.Backtick, "#pop"),
                mixin("root"),
            ],
            "interp": [
                rule(r"\\$", String.Escape),
                rule(r"\\.", String.Escape),
                rule(r"\$\(\(", Keyword, "math"),
                rule(r"\$\(", String.Interpol, "paren_interp"),
                rule(r"\$\{#?", Keyword, "curly"),
                rule(r"`", String.Backtick, "backticks"),
                rule(r"\$#?(\w+|.)", Name.Variable),
                rule(r"\$[*@]", Name.Variable),
            ],
            "root": [mixin("basic"), mixin("data")],
        }


# a line of "<...>" or dots stands for elided output
_ELISION = re.compile(r"\A\s*(?:<[.]+>|[.]+)\s*\Z")
_COMMENT = re.compile(r"\A\s*?#")
_LINE = re.compile(r"(.*?)(\n|$)")
_LEADING_SPACE = re.compile(r"\A\s*", re.ASCII)


class ConsoleLexer(RougeLexer):
    """Prompt lines go to the shell lexer, everything else is output."""

    tag = "console"
    rouge_aliases = ("terminal", "shell_session", "shell-session")

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        super().__init__(options)
        self.prompts = self.option_list("prompt")
        lang = self.option_str("lang")
        output = self.option_str("output")
        self.comments = self.option_bool("comments", None)
        self.errors = self.option_list("error")
        self.lang_lexer = self._sub_lexer(lang) or ShellLexer(self.rouge_options)
        self.output_lexer = self._sub_lexer(output) or PlainTextLexer({"token": "Generic.Output"})
        if self.prompts:
            self.end_chars = [p for p in self.prompts if p]
        elif self.allow_comments():
            self.end_chars = ["$", ">", ";"]
        else:
            self.end_chars = ["$", "#", ">", ";"]
        prefix = r"[^<#]*?" if self.allow_comments() else r".*?"
        ends = "|".join(re.escape(c) for c in self.end_chars)
        self.prompt_regex = re.compile(rf"^{prefix}(?:{ends})", re.S | re.M)
        self.error_regex = (
            re.compile("^(?:" + "|".join(re.escape(e) for e in self.errors) + ")", re.M)
            if self.errors
            else None
        )

    def _sub_lexer(self, name: str | None) -> RougeLexer | None:
        from . import find_lexer_class

        cls = find_lexer_class(name) if name else None
        return cls(self.rouge_options) if cls is not None else None

    def allow_comments(self) -> bool:
        if self.comments is None:
            return bool(self.prompts) and "#" not in [p for p in self.prompts if p]
        return self.comments

    def continue_lex(self, text: str) -> TokenList:
        # rouge resets both sub-lexers whenever the console lexer starts a stream
        self.lang_lexer.reset()
        self.output_lexer.reset()
        out: TokenList = []
        pos = 0
        while pos < len(text):
            match = _LINE.match(text, pos)
            assert match is not None
            pos = match.end()
            line = match.group(0)
            self._line(line, out)
        return out

    def _line(self, line: str, out: TokenList) -> None:
        if _ELISION.match(line):
            self.output_lexer.reset()
            self.lang_lexer.reset()
            out.append((Comment, line))
            return
        prompt = self.prompt_regex.search(line)
        if prompt:
            self.output_lexer.reset()
            out.append((Generic.Prompt, prompt.group(0)))
            rest = line[prompt.end() :]
            space = _LEADING_SPACE.match(rest)
            assert space is not None
            if space.group(0):
                out.append((Text.Whitespace, space.group(0)))
            out.extend(self.lang_lexer.continue_lex(rest[space.end() :]))
        elif _COMMENT.match(line.strip(" \t\n\v\f\r\0")):
            self.output_lexer.reset()
            self.lang_lexer.reset()
            out.append((Comment, line))
        elif self.error_regex is not None and self.error_regex.search(line):
            self.output_lexer.reset()
            self.lang_lexer.reset()
            out.append((Generic.Error, line))
        else:
            self.lang_lexer.reset()
            out.extend(self.output_lexer.continue_lex(line))

"""Perl, tokenized as rouge 3.30 does.

Rouge's rules carry quirks that change the output and are kept on purpose:
``package`` is a builtin before it is a module declaration (so the module rule
never fires), a ``/`` after a value starts a regex, heredocs are recognised
only when the line ends right after ``<<EOF;``, and the look-behind rule for
regexes after ``=~`` or ``(`` never matches (rouge's scanner hides the text
before the scan position).  Rouge's ``/i`` classes ``[a-z]`` also match the
Kelvin sign and the long s, spelt out below because ``re`` folds ASCII only.
"""

from __future__ import annotations

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
)

from ._engine import (
    RegexLexer,
    StateItem,
    groups,
    mixin,
    pop_state,
    push_states,
    rule,
    word_list,
    words,
)
from ._ruby_regex import boundary_word

KEYWORDS = word_list("""
    case continue do else elsif for foreach if last my next our
    redo reset then unless until while use print new BEGIN CHECK
    INIT END return""")

BUILTINS = word_list("""
    abs accept alarm atan2 bind binmode bless caller chdir chmod
    chomp chop chown chr chroot close closedir connect continue cos
    crypt dbmclose dbmopen defined delete die dump each endgrent
    endhostent endnetent endprotoent endpwent endservent eof eval
    exec exists exit exp fcntl fileno flock fork format formline getc
    getgrent getgrgid getgrnam gethostbyaddr gethostbyname gethostent
    getlogin getnetbyaddr getnetbyname getnetent getpeername
    getpgrp getppid getpriority getprotobyname getprotobynumber
    getprotoent getpwent getpwnam getpwuid getservbyname getservbyport
    getservent getsockname getsockopt glob gmtime goto grep hex
    import index int ioctl join keys kill last lc lcfirst length
    link listen local localtime log lstat map mkdir msgctl msgget
    msgrcv msgsnd my next no oct open opendir ord our pack package
    pipe pop pos printf prototype push quotemeta rand read readdir
    readline readlink readpipe recv redo ref rename require reverse
    rewinddir rindex rmdir scalar seek seekdir select semctl semget
    semop send setgrent sethostent setnetent setpgrp setpriority
    setprotoent setpwent setservent setsockopt shift shmctl shmget
    shmread shmwrite shutdown sin sleep socket socketpair sort splice
    split sprintf sqrt srand stat study substr symlink syscall sysopen
    sysread sysseek system syswrite tell telldir tie tied time times
    tr truncate uc ucfirst umask undef unlink unpack unshift untie
    utime values vec wait waitpid wantarray warn write""")

# Ruby's \b is Unicode-aware (superscripts, fractions and circled letters are word
# characters there); every \b here follows a word character, so it is a look-ahead
_WORD = boundary_word()
_END = f"(?![{_WORD}])"

# rouge's [a-z] under /i: Onigmo folds the Kelvin sign and the long s into k and s
_AZ = "a-z\u017f\u212a"

# Ruby reads \1 inside a character class as the octal escape \x01, not a back-reference
_DELIMITED = r"((\\\\|\\\1)|[^\x01])*?\1"

_REGEX = String.Regex


def _never(lexer: RegexLexer, text: str, pos: int) -> bool:
    return False


def _nest(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(String.Other)
    lexer.push()


def _bracket_string(open_char: str, close_char: str) -> list[StateItem]:
    """A q-like string between brackets that nest."""
    both = open_char + close_char
    return [
        rule(rf"\\[{both}\\]", String.Other),
        rule(r"\\", String.Other),
        rule(open_char, _nest),
        rule(close_char, String.Other, "#pop"),
        rule(rf"[^{both}\\]+", String.Other),
    ]


def _balanced_regex() -> list[StateItem]:
    """The second half of ``s{...}...``/``m{...}``: any of the delimiters may follow."""
    return [
        rule(r"/(\\[\\/]|[^/])*/[egimosx]*", _REGEX, "#pop", flags=re.S),
        rule(r"!(\\[\\!]|[^!])*![egimosx]*", _REGEX, "#pop", flags=re.S),
        rule(r"\\(\\\\|[^\\])*\\[egimosx]*", _REGEX, "#pop", flags=re.S),
        rule(r"\{(\\[\\}]|[^}])*\}[egimosx]*", _REGEX, "#pop"),
        rule(r"<(\\[\\>]|[^>])*>[egimosx]*", _REGEX, "#pop"),
        rule(r"\[(\\[\\\]]|[^\]])*\][egimosx]*", _REGEX, "#pop"),
        rule(r"\((\\[\\\)]|[^\)])*\)[egimosx]*", _REGEX, "#pop"),
        rule(r"@(\\[\\@]|[^@])*@[egimosx]*", _REGEX, "#pop"),
        rule(r"%(\\[\\%]|[^%])*%[egimosx]*", _REGEX, "#pop"),
        rule(r"\$(\\[\\\$]|[^\$])*\$[egimosx]*", _REGEX, "#pop"),
    ]


def _root() -> list[StateItem]:
    return [
        rule(r"#.*", Comment.Single),
        rule(r"^=[a-zA-Z0-9]+\s+.*?\n=cut", Comment.Multiline, flags=re.S),
        rule(rf"(?:{words(KEYWORDS)}){_END}", Keyword),
        rule(
            r"(format)(\s+)([a-zA-Z0-9_]+)(\s*)(=)(\s*\n)",
            groups(Keyword, Text, Name, Text, Punctuation, Text),
            "format",
        ),
        rule(rf"(?:eq|lt|gt|le|ge|ne|not|and|or|cmp){_END}", Operator.Word),
        # substitution/transliteration: balanced delimiters
        rule(r"(?:s|tr|y)\{(\\\\|\\\}|[^}])*\}\s*", _REGEX, "balanced_regex"),
        rule(r"(?:s|tr|y)<(\\\\|\\>|[^>])*>\s*", _REGEX, "balanced_regex"),
        rule(r"(?:s|tr|y)\[(\\\\|\\\]|[^\]])*\]\s*", _REGEX, "balanced_regex"),
        rule(r"(?:s|tr|y)\((\\\\|\\\)|[^\)])*\)\s*", _REGEX, "balanced_regex"),
        # substitution/transliteration: arbitrary non-whitespace delimiters
        rule(
            rf"(?:s|tr|y)\s*([^\w\s]){_DELIMITED}{_DELIMITED}[msixpodualngcr]*",
            _REGEX,
            flags=re.S,
        ),
        rule(
            rf"(?:s|tr|y)\s+(\w){_DELIMITED}{_DELIMITED}[msixpodualngcr]*",
            _REGEX,
            flags=re.S,
        ),
        # matches: common case, m-optional
        rule(r"m?/(\\\\|\\/|[^/\n])*/[msixpodualngc]*", _REGEX),
        rule(r"m(?=[/!\\{<\[\(@%\$])", _REGEX, "balanced_regex"),
        # arbitrary non-whitespace delimiters
        rule(rf"m\s*([^\w\s]){_DELIMITED}[msixpodualngc]*", _REGEX, flags=re.S),
        rule(rf"m\s+(\w){_DELIMITED}[msixpodualngc]*", _REGEX, flags=re.S),
        # rouge's scanner hides the text before the scan position from the
        # look-behind, so this never matches; the guard says so without copying
        # the rest of the text at every token
        rule(
            r"((?<==~)|(?<=\())\s*/(\\\\|\\/|[^/])*/[msixpodualngc]*",
            _REGEX,
            "balanced_regex",
            guard=_never,
        ),
        rule(r"\s+", Text),
        rule(rf"(?=[{_AZ}_]\w*(\s*#.*\n)*\s*=>)", push_states("fat_comma"), flags=re.I),
        rule(rf"(?:{words(BUILTINS)}){_END}", Name.Builtin),
        rule(rf"((__(DIE|WARN)__)|(DATA|STD(IN|OUT|ERR))){_END}", Name.Builtin.Pseudo),
        rule(r"""<<(['"]?)([a-zA-Z_][a-zA-Z0-9_]*)\1;?\n.*?\n\2\n""", String, flags=re.S),
        rule(rf"(__(END|DATA)__){_END}", Comment.Preproc, "end_part"),
        rule(r"\$\^[ADEFHILMOPSTWX]", Name.Variable.Global),
        rule(r"""\$[\\"'\[\]&`+*.,;=%~?@$!<>(^\|/_-](?!\w)""", Name.Variable.Global),
        rule(rf"[$@%&*][$@%&*#_]*(?=[{_AZ}{{\[;])", Name.Variable, "varname", flags=re.I),
        rule(r"[-+/*%=<>&^\|!\\~]=?", Operator),
        rule(r"0_?[0-7]+(_[0-7]+)*", Number.Oct),
        rule(r"0x[0-9A-Fa-f]+(_[0-9A-Fa-f]+)*", Number.Hex),
        rule(r"0b[01]+(_[01]+)*", Number.Bin),
        rule(
            r"(\d*(_\d*)*\.\d+(_\d*)*|\d+(_\d*)*\.\d+(_\d*)*)(e[+-]?\d+)?",
            Number.Float,
            flags=re.I,
        ),
        rule(r"\d+(_\d*)*e[+-]?\d+(_\d*)*", Number.Float, flags=re.I),
        rule(r"\d+(_\d+)*", Number.Integer),
        rule(r"'", Punctuation, "sq"),
        rule(r'"', Punctuation, "dq"),
        rule(r"`", Punctuation, "bq"),
        rule(r"<([^\s>]+)>", _REGEX),
        rule(r"(q|qq|qw|qr|qx)\{", String.Other, "cb_string"),
        rule(r"(q|qq|qw|qr|qx)\(", String.Other, "rb_string"),
        rule(r"(q|qq|qw|qr|qx)\[", String.Other, "sb_string"),
        rule(r"(q|qq|qw|qr|qx)<", String.Other, "lt_string"),
        rule(r"(q|qq|qw|qr|qx)(\W)(.|\n)*?\2", String.Other),
        rule(r"package\s+", Keyword, "modulename"),
        rule(r"sub\s+", Keyword, "funcname"),
        rule(r"\[\]|\*\*|::|<<|>>|>=|<=|<=>|={3}|!=|=~|!~|&&?|\|\||\.{1,3}", Operator),
        rule(r"[()\[\]:;,<>/?{}]", Punctuation),
        rule(r"(?=\w)", push_states("name")),
    ]


_SHEBANG = re.compile(rf"\A\s*#!.*?(?<![{_WORD}])perl(?:\s|$)", re.ASCII | re.MULTILINE)


class PerlLexer(RegexLexer):
    tag = "perl"
    rouge_aliases = ("pl",)

    @classmethod
    def detect(cls, text: str) -> bool:
        return _SHEBANG.match(text) is not None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "balanced_regex": _balanced_regex(),
            "root": _root(),
            "format": [
                rule(r"\.\n", String.Interpol, "#pop"),
                rule(r".*?\n", String.Interpol),
            ],
            "fat_comma": [
                rule(r"#.*", Comment.Single),
                rule(r"\w+", String),
                rule(r"\s+", Text),
                rule(r"=>", Operator, "#pop"),
            ],
            "name_common": [
                rule(r"\w+::", Name.Namespace),
                rule(r"[\w:]+", Name.Variable, "#pop"),
            ],
            "varname": [
                rule(r"\s+", Text),
                rule(r"[{\[]", Punctuation, "#pop"),  # hash syntax
                rule(r"[),]", Punctuation, "#pop"),  # arg specifier
                rule(r"[;]", Punctuation, "#pop"),  # postfix
                mixin("name_common"),
            ],
            "name": [
                mixin("name_common"),
                rule(r"[A-Z_]+(?=[^a-zA-Z0-9_])", Name.Constant, "#pop"),
                rule(r"(?=\W)", pop_state),
            ],
            "modulename": [rule(rf"[{_AZ}_]\w*", Name.Namespace, "#pop", flags=re.I)],
            "funcname": [
                rule(r"[a-zA-Z_]\w*[!?]?", Name.Function),
                rule(r"\s+", Text),
                # argument declaration
                rule(r"(\([$@%]*\))(\s*)", groups(Punctuation, Text)),
                rule(r".*?\{", Punctuation, "#pop"),
                rule(r";", Punctuation, "#pop"),
            ],
            "sq": [
                rule(r"\\[\\']", String.Escape),
                rule(r"[^\\']+", String.Single),
                rule(r"'", Punctuation, "#pop"),
                rule(r"\\", String.Single),
            ],
            "dq": [
                mixin("string_intp"),
                rule(r'\\[\\tnrabefluLUE"$@]', String.Escape),
                rule(r"\\0\d{2}", String.Escape),
                rule(r"\\o\{\d+\}", String.Escape),
                rule(r"\\x\h{2}", String.Escape),
                rule(r"\\x\{\h+\}", String.Escape),
                rule(r"\\c.", String.Escape),
                rule(r"\\N\{[^\}]+\}", String.Escape),
                rule(r'[^\\"]+?', String.Double),
                rule(r'"', Punctuation, "#pop"),
                rule(r"\\", String.Escape),
            ],
            "bq": [
                mixin("string_intp"),
                rule(r"\\[\\tnr`]", String.Escape),
                rule(r"[^\\`]+?", String.Backtick),
                rule(r"`", Punctuation, "#pop"),
            ],
            "cb_string": _bracket_string(r"\{", r"\}"),
            "rb_string": _bracket_string(r"\(", r"\)"),
            "sb_string": _bracket_string(r"\[", r"\]"),
            "lt_string": _bracket_string("<", ">"),
            "in_interp": [
                rule(r"\}", String.Interpol, "#pop"),
                rule(r"\s+", Text),
                rule(rf"[{_AZ}_]\w*", String.Interpol, flags=re.I),
            ],
            "string_intp": [
                rule(r"[$@][{]", String.Interpol, "in_interp"),
                rule(rf"[$@][{_AZ}_]\w*", String.Interpol, flags=re.I),
            ],
            "end_part": [rule(r".+", Comment.Preproc, "#pop", flags=re.S)],
        }

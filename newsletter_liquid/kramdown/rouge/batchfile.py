"""Windows batch files, tokenized as rouge 3.30 does.

Rouge's quirks are kept on purpose: the word lists are looked up case-sensitively
(``IF`` is no keyword), and every other word falls into the ``set`` branch, whose
``casecmp`` test is always true, so plain words come out as declarations.  An
``.exe`` after a word is an error token unless the word is a command.  Rouge's
``/i`` classes ``[a-z]`` also match the Kelvin sign and the long s, spelt out
below because ``re`` folds ASCII only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import ClassVar

from pygments.token import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Operator,
    String,
    Text,
    _TokenType,
)

from ._engine import OptionValue, RegexLexer, StateItem, mixin, rule, word_list
from ._ruby_regex import boundary_word

KEYWORDS = frozenset(word_list("if else for in do goto call exit"))

OPERATOR_WORDS = frozenset(
    word_list("exist defined errorlevel cmdextversion not equ neq lss leq gtr geq")
)

DEVICES = frozenset(
    word_list("""
    con prn aux nul com1 com2 com3 com4 com5 com6 com7 com8 com9 lpt1 lpt2
    lpt3 lpt4 lpt5 lpt6 lpt7 lpt8 lpt9""")
)

BUILTIN_COMMANDS = frozenset(
    word_list("""
    assoc attrib break bcdedit cacls cd chcp chdir chkdsk chkntfs choice
    cls cmd color comp compact convert copy date del dir diskpart doskey
    dpath driverquery echo endlocal erase fc find findstr format fsutil
    ftype gpresult graftabl help icacls label md mkdir mklink mode more
    move openfiles path pause popd print prompt pushd rd recover ren
    rename replace rmdir robocopy setlocal sc schtasks shift shutdown sort
    start subst systeminfo takeown tasklist taskkill time timeout title
    tree type ver verify vol xcopy waitfor wmic""")
)

OTHER_COMMANDS = frozenset(
    word_list("""
    addusers admodcmd ansicon arp at bcdboot bitsadmin browstat certreq
    certutil change cidiag cipher cleanmgr clip cmdkey compress convertcp
    coreinfo csccmd csvde cscript curl debug defrag delprof deltree devcon
    diamond dirquota diruse diskshadow diskuse dism dnscmd dsacls dsadd
    dsget dsquery dsmod dsmove dsrm dsmgmt dsregcmd edlin eventcreate
    expand extract fdisk fltmc forfiles freedisk ftp getmac gpupdate
    hostname ifmember inuse ipconfig kill lgpo lodctr logman logoff
    logtime makecab mapisend mbsacli mem mountvol moveuser msg mshta
    msiexec msinfo32 mstsc nbtstat net net1 netdom netsh netstat nlsinfo
    nltest now nslookup ntbackup ntdsutil ntoskrnl ntrights nvspbind
    pathping perms ping portqry powercfg pngout pnputil printbrm prncnfg
    prnmngr procdump psexec psfile psgetsid psinfo pskill pslist
    psloggedon psloglist pspasswd psping psservice psshutdown pssuspend
    qbasic qgrep qprocess query quser qwinsta rasdial reg reg1 regdump
    regedt32 regsvr32 regini reset restore rundll32 rmtshare route rpcping
    run runas scandisk setspn setx sfc share shellrunas shortcut sigcheck
    sleep slmgr strings subinacl sysmon telnet tftp tlist touch tracerpt
    tracert tscon tsdiscon tskill tttracer typeperf tzutil undelete
    unformat verifier vmconnect vssadmin w32tm wbadmin wecutil wevtutil
    wget where whoami windiff winrm winrs wpeutil wpr wusa wuauclt wscript""")
)

ATTRIBUTES = frozenset(word_list("on off disable enableextensions enabledelayedexpansion"))

# Ruby's \b counts Unicode word characters plus the Latin-1 superscripts and fractions and
# the circled letters; the one \b that matters follows ``rem``, so it is a look-ahead
_WORD = boundary_word()
_END = f"(?![{_WORD}])"

# rouge's [a-z] under /i: Onigmo folds the Kelvin sign and the long s into k and s
_AZ = "a-z\u017f\u212a"

_VARIABLE_MARKS = "%!"
_VARIABLE_TAIL = re.compile(rf"[{_AZ}_$@#]+[%!]", re.I)
_MAGIC_TAIL = re.compile(rf"~?[{_AZ}]", re.I)


def _run_followed_by(
    lexer: RegexLexer, text: str, pos: int, marks: str, tail: re.Pattern[str]
) -> bool:
    """Whether the maximal run of ``marks`` at ``pos`` is followed by ``tail``.

    Rouge's variable rules backtrack over the whole run of ``%``/``!`` before they
    fail, at every character of it; the answer is the same all along a run, so it
    is worked out once per run.
    """
    assert isinstance(lexer, BatchfileLexer)
    if pos >= len(text) or text[pos] not in marks:
        return False
    key = (marks, tail.pattern)
    memo = lexer.run_memo.get(key)
    if memo is not None and memo[0] is text and memo[1] <= pos < memo[2]:
        return memo[3]
    end = pos
    while end < len(text) and text[end] in marks:
        end += 1
    found = tail.match(text, end) is not None
    lexer.run_memo[key] = (text, pos, end, found)
    return found


def _variable_guard(lexer: RegexLexer, text: str, pos: int) -> bool:
    return _run_followed_by(lexer, text, pos, _VARIABLE_MARKS, _VARIABLE_TAIL)


def _magic_guard(lexer: RegexLexer, text: str, pos: int) -> bool:
    return _run_followed_by(lexer, text, pos, "%", _MAGIC_TAIL)


def _word(lexer: RegexLexer, match: re.Match[str]) -> None:
    name = match.group(1)
    if name in DEVICES:
        lexer.groups(Keyword.Reserved, Error)
    elif name in KEYWORDS:
        lexer.groups(Keyword, Error)
    elif name in OPERATOR_WORDS:
        lexer.groups(Operator.Word, Error)
    elif name in BUILTIN_COMMANDS or name in OTHER_COMMANDS:
        lexer.token(Name.Builtin)
    elif name in ATTRIBUTES:
        lexer.groups(Name.Attribute, Error)
    else:
        # rouge's ``"set".casecmp(word)`` is an integer, true for every word
        lexer.groups(Keyword.Declaration, Error)


def _quoted(quote: str, token: _TokenType) -> list[StateItem]:
    return [
        mixin("escape"),
        rule(f"[{quote}]", token, "#pop"),
        mixin("expansions"),
        rule(rf"[^\^{quote}%!]+", token),
    ]


class BatchfileLexer(RegexLexer):
    tag: ClassVar[str] = "batchfile"
    rouge_aliases = ("bat", "batch", "dosbatch", "winbatch")

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        #: (marks, tail) -> (text, run start, run end, whether the tail follows)
        self.run_memo: dict[tuple[str, str], tuple[str, int, int, bool]] = {}
        super().__init__(options)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "basic": [
                rule(rf"@?rem{_END}.*$", Comment, flags=re.I),
                rule(r"^::.*$", Comment),
                rule(rf":[{_AZ}]+", Name.Label, flags=re.I),
                rule(rf"([{_AZ}]\w*)(\.exe|com|bat|cmd|msi)?", _word, flags=re.I),
                rule(rf"((?:[\/\+]|--?)[{_AZ}]+)\s*", Name.Attribute, flags=re.I),
                mixin("expansions"),
                rule(r"[<>&|(){}\[\]\-+=;,~?*]", Operator),
            ],
            "escape": [rule(r"\^.", String.Escape, flags=re.S)],
            "expansions": [
                rule(
                    rf"[%!]+([{_AZ}_$@#]+)[%!]+",
                    Name.Variable,
                    flags=re.I,
                    guard=_variable_guard,
                ),
                rule(rf"(\%+~?[{_AZ}]+\d?)", Name.Variable.Magic, flags=re.I, guard=_magic_guard),
            ],
            "double_quotes": _quoted('"', String.Double),
            "single_quotes": _quoted("'", String.Single),
            "backtick": _quoted("`", String.Backtick),
            "data": [
                rule(r"\s+", Text),
                rule(r"0x[0-9a-f]+", Number.Hex, flags=re.I),
                rule(r"[0-9]", Number),
                rule(r'["]', String.Double, "double_quotes"),
                rule(r"[']", String.Single, "single_quotes"),
                rule(r"[`]", String.Backtick, "backtick"),
                rule(r"""[^\s&|()\[\]{}\^=;!%+\-,"'`~?*]+""", Text),
                mixin("escape"),
            ],
            "root": [mixin("basic"), mixin("data")],
        }

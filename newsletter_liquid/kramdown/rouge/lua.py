"""Lua, tokenized as rouge 3.30 does (``gsub`` patterns lexed like regexes)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, goto_state, groups, mixin, pop_state, rule, word_list

#: builtin functions by module (rouge's lua/keywords.rb)
BUILTINS: Mapping[str, frozenset[str]] = {
    "basic": frozenset(
        word_list("""
        _g _version assert collectgarbage dofile error getmetatable ipairs load
        loadfile next pairs pcall print rawequal rawget rawlen rawset select
        setmetatable tonumber tostring type xpcall file:close file:flush file:lines
        file:read file:seek file:setvbuf file:write lua_cpath lua_cpath_5_3 lua_init
        lua_init_5_3 lua_path lua_path_5_3 luaopen_base luaopen_coroutine
        luaopen_debug luaopen_io luaopen_math luaopen_os luaopen_package
        luaopen_string luaopen_table luaopen_utf8 lua_errerr lua_errfile lua_errgcmm
        lua_errmem lua_errrun lua_errsyntax lua_hookcall lua_hookcount lua_hookline
        lua_hookret lua_hooktailcall lua_maskcall lua_maskcount lua_maskline
        lua_maskret lua_maxinteger lua_mininteger lua_minstack lua_multret lua_noref
        lua_ok lua_opadd lua_opband lua_opbnot lua_opbor lua_opbxor lua_opdiv
        lua_opeq lua_opidiv lua_ople lua_oplt lua_opmod lua_opmul lua_oppow
        lua_opshl lua_opshr lua_opsub lua_opunm lua_refnil lua_registryindex
        lua_ridx_globals lua_ridx_mainthread lua_tboolean lua_tfunction
        lua_tlightuserdata lua_tnil lua_tnone lua_tnumber lua_tstring lua_ttable
        lua_tthread lua_tuserdata lua_use_apicheck lua_yield lual_buffersize""")
    ),
    "modules": frozenset(
        word_list("""
        require package.config package.cpath package.loaded package.loadlib
        package.path package.preload package.searchers package.searchpath""")
    ),
    "coroutine": frozenset(
        word_list("""
        coroutine.create coroutine.isyieldable coroutine.resume coroutine.running
        coroutine.status coroutine.wrap coroutine.yield""")
    ),
    "debug": frozenset(
        word_list("""
        debug.debug debug.gethook debug.getinfo debug.getlocal debug.getmetatable
        debug.getregistry debug.getupvalue debug.getuservalue debug.sethook
        debug.setlocal debug.setmetatable debug.setupvalue debug.setuservalue
        debug.traceback debug.upvalueid debug.upvaluejoin""")
    ),
    "io": frozenset(
        word_list("""
        io.close io.flush io.input io.lines io.open io.output io.popen io.read
        io.stderr io.stdin io.stdout io.tmpfile io.type io.write""")
    ),
    "math": frozenset(
        word_list("""
        math.abs math.acos math.asin math.atan math.ceil math.cos math.deg math.exp
        math.floor math.fmod math.huge math.log math.max math.maxinteger math.min
        math.mininteger math.modf math.pi math.rad math.random math.randomseed
        math.sin math.sqrt math.tan math.tointeger math.type math.ult""")
    ),
    "os": frozenset(
        word_list("""
        os.clock os.date os.difftime os.execute os.exit os.getenv os.remove
        os.rename os.setlocale os.time os.tmpname""")
    ),
    "string": frozenset(
        word_list("""
        string.byte string.char string.dump string.find string.format string.gmatch
        string.gsub string.len string.lower string.match string.pack string.packsize
        string.rep string.reverse string.sub string.unpack string.upper""")
    ),
    "table": frozenset(
        word_list("""
        table.concat table.insert table.move table.pack table.remove table.sort
        table.unpack""")
    ),
    "utf8": frozenset(
        word_list("""
        utf8.char utf8.charpattern utf8.codepoint utf8.codes utf8.len utf8.offset""")
    ),
}

ALL_BUILTINS = frozenset().union(*BUILTINS.values())


def _name(lexer: RegexLexer, match: re.Match[str]) -> None:
    name = match.group(0)
    if name == "gsub":
        lexer.token(Name.Builtin)
        lexer.push("gsub")
    elif name in ALL_BUILTINS:
        lexer.token(Name.Builtin)
    elif "." in name:
        first, second = name.split(".", 1)
        lexer.token(Name, first)
        lexer.token(Punctuation, ".")
        lexer.token(Name, second)
    else:
        lexer.token(Name)


class LuaLexer(RegexLexer):
    tag = "lua"

    @classmethod
    def detect(cls, text: str) -> bool:
        return re.match(r"\A#!.*?\blua(?:\s|$)", text) is not None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"#!(.*?)$", Comment.Preproc),
                rule(r"", Text, "base"),
            ],
            "base": [
                rule(r"--\[(=*)\[.*?\]\1\]", Comment.Multiline, flags=re.S),
                rule(r"--.*$", Comment.Single),
                rule(r"(?i)(\d*\.\d+|\d+\.\d*)(e[+-]?\d+)?'", Number.Float),
                rule(r"(?i)\d+e[+-]?\d+", Number.Float),
                rule(r"(?i)0x[0-9a-f]*", Number.Hex),
                rule(r"\d+", Number.Integer),
                rule(r"\n", Text),
                rule(r"[^\S\n]", Text),
                rule(r"\[(=*)\[.*?\]\1\]", String, flags=re.S),
                rule(r"(==|~=|<=|>=|\.\.\.|\.\.|[=+\-*/%^<>#])", Operator),
                rule(r"[\[\]\{\}\(\)\.,:;]", Punctuation),
                rule(r"(and|or|not)\b", Operator.Word),
                rule(
                    r"(break|do|else|elseif|end|for|if|in|repeat|return|then|until|while)\b",
                    Keyword,
                ),
                rule(r"(local)\b", Keyword.Declaration),
                rule(r"(true|false|nil)\b", Keyword.Constant),
                rule(r"(function)\b", Keyword, "function_name"),
                rule(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?", _name),
                rule(r"'", String.Single, "escape_sqs"),
                rule(r'"', String.Double, "escape_dqs"),
            ],
            "function_name": [
                rule(r"\s+", Text),
                rule(
                    r"(?:([A-Za-z_][A-Za-z0-9_]*)(\.))?([A-Za-z_][A-Za-z0-9_]*)",
                    groups(Name.Class, Punctuation, Name.Function),
                    "#pop",
                ),
                rule(r"\(", Punctuation, "#pop"),
            ],
            "gsub": [
                rule(r"\)", Punctuation, "#pop"),
                rule(r"[(,]", Punctuation),
                rule(r"\s+", Text),
                rule(r'"', String.Regex, "regex"),
            ],
            "regex": [
                rule(r'"', goto_state("regex_end", String.Regex)),
                rule(r"\[\^?", String.Escape, "regex_group"),
                rule(r"\\.", String.Escape),
                rule(r"[(][?][:=<!]", String.Escape),
                rule(r"[{][\d,]+[}]", String.Escape),
                rule(r"[()?]", String.Escape),
                rule(r".", String.Regex),
            ],
            "regex_end": [
                rule(r"[$]+", String.Regex, "#pop"),
                rule(r"", pop_state),
            ],
            "regex_group": [
                rule(r"/", String.Escape),
                rule(r"\]", String.Escape, "#pop"),
                rule(r"(\\)(.)", groups(String.Escape, String.Regex)),
                rule(r".", String.Regex),
            ],
            "escape_sqs": [mixin("string_escape"), mixin("sqs")],
            "escape_dqs": [mixin("string_escape"), mixin("dqs")],
            "string_escape": [rule(r"""\\([abfnrtv\\"']|\d{1,3})""", String.Escape)],
            "sqs": [
                rule(r"'", String.Single, "#pop"),
                rule(r"[^']+", String.Single),
            ],
            "dqs": [
                rule(r'"', String.Double, "#pop"),
                rule(r'[^"]+', String.Double),
            ],
        }

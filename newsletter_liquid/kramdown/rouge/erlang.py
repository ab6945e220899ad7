"""Erlang, tokenized as rouge 3.30 does.

Rouge's rule order shadows several of its own rules, and the output keeps
that: the operator rule takes ``?`` before the macro rule can (``?MODULE`` is
the operator ``?`` then the variable ``MODULE``) and ``<`` before ``<<`` can be
a label; the integer rule takes ``1`` before the float rule sees ``1.5``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Text

from ._engine import RegexLexer, StateItem, groups, rule, word_list, words

KEYWORDS = word_list("""
    after begin case catch cond end fun if
    let of query receive try when""")

BUILTINS = word_list("""
    abs append_element apply atom_to_list binary_to_list
    bitstring_to_list binary_to_term bit_size bump_reductions
    byte_size cancel_timer check_process_code delete_module
    demonitor disconnect_node display element erase exit
    float float_to_list fun_info fun_to_list
    function_exported garbage_collect get get_keys
    group_leader hash hd integer_to_list iolist_to_binary
    iolist_size is_atom is_binary is_bitstring is_boolean
    is_builtin is_float is_function is_integer is_list
    is_number is_pid is_port is_process_alive is_record
    is_reference is_tuple length link list_to_atom
    list_to_binary list_to_bitstring list_to_existing_atom
    list_to_float list_to_integer list_to_pid list_to_tuple
    load_module localtime_to_universaltime make_tuple md5
    md5_final md5_update memory module_loaded monitor
    monitor_node node nodes open_port phash phash2
    pid_to_list port_close port_command port_connect
    port_control port_call port_info port_to_list
    process_display process_flag process_info purge_module
    put read_timer ref_to_list register resume_process
    round send send_after send_nosuspend set_cookie
    setelement size spawn spawn_link spawn_monitor
    spawn_opt split_binary start_timer statistics
    suspend_process system_flag system_info system_monitor
    system_profile term_to_binary tl trace trace_delivered
    trace_info trace_pattern trunc tuple_size tuple_to_list
    universaltime_to_localtime unlink unregister whereis""")

WORD_OPERATORS = word_list("""
    and andalso band bnot bor bsl bsr bxor
    div not or orelse rem xor""")

_OPERATORS = r"(\+\+?|--?|\*|/|<|>|/=|=:=|=/=|=<|>=|==?|<-|!|\?)"
_ATOM = r"(?:[a-z][a-zA-Z0-9_]*|'[^\n']*[^\\]')"
_VARIABLE = r"(?:[A-Z_][a-zA-Z0-9_]*)"
_ESCAPE = r"""(?:\\(?:[bdefnrstv\'"\\/]|[0-7][0-7]?[0-7]?|\^[a-zA-Z]))"""
_MACRO = rf"(?:{_VARIABLE}|{_ATOM})"
_BASE = r"(?:[2-9]|[12][0-9]|3[0-6])"

# Ruby's \b after a word: every alternative ends in an ASCII word character, so
# the boundary only asks that no character of Ruby's (Unicode) word class follows
_WORD_END = (
    r"(?![\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\u00b2\u00b3\u00b9\u00bc-\u00be\u24b6-\u24e9"
    r"\U0001f130-\U0001f149\U0001f150-\U0001f169\U0001f170-\U0001f189])"
)


class ErlangLexer(RegexLexer):
    tag = "erlang"
    rouge_aliases = ("erl",)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"\s+", Text),
                rule(r"%.*\n", Comment),
                rule(rf"({words(KEYWORDS)}){_WORD_END}", Keyword),
                rule(rf"({words(BUILTINS)}){_WORD_END}", Name.Builtin),
                rule(rf"({words(WORD_OPERATORS)}){_WORD_END}", Operator.Word),
                rule(r"^-", Punctuation, "directive"),
                rule(_OPERATORS, Operator),
                rule(r'"', String, "string"),
                rule(r"<<", Name.Label),
                rule(r">>", Name.Label),
                rule(rf"({_ATOM})(:)", groups(Name.Namespace, Punctuation)),
                # rouge's pattern starts with (?:^|(?<=:)); a scanner matches as if the text
                # began at the scan position, so ^ always holds and the prefix is a no-op
                rule(rf"({_ATOM})(\s*)(\()", groups(Name.Function, Text, Punctuation)),
                rule(rf"[+-]?{_BASE}#[0-9a-zA-Z]+", Number.Integer),
                rule(r"[+-]?\d+", Number.Integer),
                rule(r"[+-]?\d+.\d+", Number.Float),
                rule(r"""[\]\[:_@\".{}()|;,]""", Punctuation),
                rule(_VARIABLE, Name.Variable),
                rule(_ATOM, Name),
                rule(rf"\?{_MACRO}", Name.Constant),
                rule(rf"\$(?:{_ESCAPE}|\\[ %]|[^\\])", String.Char),
                rule(rf"#{_ATOM}(:?\.{_ATOM})?", Name.Label),
            ],
            "string": [
                rule(_ESCAPE, String.Escape),
                rule(r'"', String, "#pop"),
                rule(r"~[0-9.*]*[~#+bBcdefginpPswWxX]", String.Interpol),
                rule(r'[^"\\~]+', String),
                rule(r"~", String),
            ],
            "directive": [
                rule(
                    rf"(define)(\s*)(\()({_MACRO})",
                    groups(Name.Entity, Text, Punctuation, Name.Constant),
                    "#pop",
                ),
                rule(
                    rf"(record)(\s*)(\()({_MACRO})",
                    groups(Name.Entity, Text, Punctuation, Name.Label),
                    "#pop",
                ),
                rule(_ATOM, Name.Entity, "#pop"),
            ],
        }

"""CMake, tokenized as rouge 3.30 does.

Rouge's catch-all rules take their token type from the state on top of the
stack (plain text at the root, string inside strings, ...), so they are
callbacks here.  A closing quote *pushes* the root state rather than popping
back to it, so the stack grows with every quoted argument, as in rouge.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Name, Punctuation, String, Text
from pygments.token import _TokenType as TokenType

from ._engine import Callback, OptionValue, RegexLexer, StateItem, mixin, rule, word_list

_SPACE = r"[ \t]"
_BRACKET_OPEN = r"\[=*\["

# the token of the catch-all rules in each state
_STATE_TOKENS: Mapping[str, TokenType] = {
    "root": Text,
    "bracket_string": String.Double,
    "quoted_argument": String.Double,
    "bracket_comment": Comment.Multiline,
    "variable_reference": Name.Variable,
}

BUILTIN_COMMANDS = frozenset(
    word_list("""
    add_compile_definitions add_compile_options add_custom_command add_custom_target
    add_definitions add_dependencies add_executable add_library add_link_options
    add_subdirectory add_test aux_source_directory break build_command build_name
    cmake_host_system_information cmake_language cmake_minimum_required
    cmake_parse_arguments cmake_policy configure_file create_test_sourcelist
    define_property else elseif enable_language enable_testing endforeach endfunction
    endif endmacro endwhile exec_program execute_process export
    export_library_dependencies file find_file find_library find_package find_path
    find_program fltk_wrap_ui foreach function get_cmake_property get_directory_property
    get_filename_component get_property get_source_file_property get_target_property
    get_test_property if include include_directories include_external_msproject
    include_guard include_regular_expression install install_files install_programs
    install_targets link_directories link_libraries list load_cache load_command macro
    make_directory mark_as_advanced math message option output_required_files project
    qt_wrap_cpp qt_wrap_ui remove remove_definitions return separate_arguments set
    set_directory_properties set_property set_source_files_properties
    set_target_properties set_tests_properties site_name source_group string
    subdir_depends subdirs target_compile_definitions target_compile_features
    target_compile_options target_include_directories target_link_directories
    target_link_libraries target_link_options target_precompile_headers target_sources
    try_compile try_run unset use_mangled_mesa utility_source variable_requires
    variable_watch while write_file""")
)


def _state_token(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(_STATE_TOKENS[lexer.stack[-1].name])


def _bracket_close(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(_STATE_TOKENS[lexer.stack[-1].name])
    if len(match.group(0)) == _lexer(lexer).bracket_len:
        lexer.goto("root")


def _open_bracket(state: str, token: TokenType, prefix: int) -> Callback:
    """Enter a bracket state, remembering the length of the opening ``[=*[``."""

    def callback(lexer: RegexLexer, match: re.Match[str]) -> None:
        lexer.token(token)
        _lexer(lexer).bracket_len = len(match.group(0)) - prefix
        lexer.goto(state)

    return callback


def _command(lexer: RegexLexer, match: re.Match[str]) -> None:
    name = Name.Builtin if match.group(1) in BUILTIN_COMMANDS else Name.Function
    lexer.groups(name, Text, Punctuation)


_NAME_RUN = re.compile(r"[A-Za-z0-9_]*")
_CALL_OPEN = re.compile(rf"{_SPACE}*\(")


class _CallAhead:
    """Whether the run of name characters around the scan position is followed by ``(``.

    Rouge tries its command rule at every character of a name that is not called,
    each time scanning to the name's end; the answer is the same all along a run.
    """

    def __init__(self) -> None:
        self.text: str | None = None
        self.start = self.end = 0
        self.called = False

    def __call__(self, lexer: RegexLexer, text: str, pos: int) -> bool:
        if text is not self.text or not self.start <= pos < self.end:
            match = _NAME_RUN.match(text, pos)
            assert match is not None
            self.text, self.start, self.end = text, pos, match.end()
            self.called = _CALL_OPEN.match(text, self.end) is not None
        return self.called


def _call_guard(lexer: RegexLexer, text: str, pos: int) -> bool:
    return _lexer(lexer).call_ahead(lexer, text, pos)


def _lexer(lexer: RegexLexer) -> CmakeLexer:
    assert isinstance(lexer, CmakeLexer)
    return lexer


class CmakeLexer(RegexLexer):
    tag = "cmake"

    #: length of the opening bracket the closing one must match (rouge keeps it across
    #: resets; it is always set before a bracket state is entered)
    bracket_len: int = 0

    def __init__(self, options: Mapping[str, OptionValue] | None = None) -> None:
        self.call_ahead = _CallAhead()
        super().__init__(options)

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "default": [
                rule(r"\r\n?|\n", _state_token),
                rule(r".", _state_token),
            ],
            "variable_interpolation": [
                rule(r"\$\{", String.Interpol, "variable_reference"),
            ],
            "bracket_close": [
                rule(r"\]=*\]", _bracket_close),
            ],
            "root": [
                mixin("variable_interpolation"),
                rule(_SPACE, Text),
                rule(r"[()]", Punctuation),
                rule(f"#{_BRACKET_OPEN}", _open_bracket("bracket_comment", Comment.Multiline, 1)),
                rule(_BRACKET_OPEN, _open_bracket("bracket_string", String.Double, 0)),
                rule(r'\\"', Text),
                rule(r'"', String.Double, "quoted_argument"),
                rule(rf"([A-Za-z_][A-Za-z0-9_]*)({_SPACE}*)(\()", _command, guard=_call_guard),
                rule(r"#.*", Comment.Single),
                mixin("default"),
            ],
            "bracket_string": [
                mixin("bracket_close"),
                mixin("variable_interpolation"),
                mixin("default"),
            ],
            "bracket_comment": [
                mixin("bracket_close"),
                mixin("default"),
            ],
            "variable_reference": [
                mixin("variable_interpolation"),
                rule(r"}", String.Interpol, "#pop"),
                mixin("default"),
            ],
            "quoted_argument": [
                mixin("variable_interpolation"),
                rule(r'"', String.Double, "root"),
                rule(r'\\[()#" \\$@^trn;]', String.Escape),
                mixin("default"),
            ],
        }

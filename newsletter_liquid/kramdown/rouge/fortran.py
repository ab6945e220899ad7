"""Fortran (free form), tokenized as rouge 3.30 does.

Rouge's ``/i`` rules over ``[A-Z]`` also match the two non-ASCII characters
that Ruby folds into ASCII letters (the Kelvin sign and the long s); a plain
Python ``re.I`` with ASCII semantics does not, so they are spelt out.  The
leading ``\\b`` of the ``FORMAT`` rule always holds (the scan position counts as
the start of the text and ``F`` is a word character), so it is left out; a
trailing ``\\b`` after a word character is "no Ruby word character follows".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import (
    Comment,
    Keyword,
    Literal,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
)

from ._engine import RegexLexer, StateItem, groups, rule, word_list
from ._ruby_regex import boundary_word

KEYWORDS = frozenset(
    word_list("""
    abstract allocatable allocate assign assignment associate asynchronous
    backspace bind block blockdata call case class close codimension
    common concurrent contains contiguous continue critical cycle data
    deallocate deferred dimension do elemental else elseif elsewhere end
    endassociate endblock endblockdata enddo endenum endfile endforall
    endfunction endif endinterface endmodule endprogram endselect
    endsubmodule endsubroutine endtype endwhere endwhile entry enum
    enumerator equivalence exit extends external final flush forall format
    function generic goto if implicit import in include inout inquire
    intent interface intrinsic is lock module namelist non_overridable
    none nopass nullify only open operator optional out parameter pass
    pause pointer print private procedure program protected public pure
    read recursive result return rewind save select selectcase sequence
    stop submodule subroutine target then type unlock use value volatile
    wait where while write""")
)

TYPES = frozenset(word_list("character complex doubleprecision integer logical real"))

INTRINSICS = frozenset(
    word_list("""
    abs achar acos acosh adjustl adjustr aimag aint all allocated anint
    any asin asinh associated atan atan2 atanh atomic_define atomic_ref
    bessel_j0 bessel_j1 bessel_jn bessel_y0 bessel_y1 bessel_yn bge bgt
    bit_size ble blt btest c_associated c_f_pointer c_f_procpointer
    c_funloc c_loc c_sizeof ceiling char cmplx command_argument_count
    compiler_options compiler_version conjg cos cosh count cpu_time cshift
    date_and_time dble digits dim dot_product dprod dshiftl dshiftr
    eoshift epsilon erf erfc_scaled erfc execute_command_line exp exponent
    extends_type_of findloc floor fraction gamma get_command_argument
    get_command get_environment_variable huge hypot iachar iall iand iany
    ibclr ibits ibset ichar ieee_class ieee_copy_sign ieee_get_flag
    ieee_get_halting_mode ieee_get_rounding_mode ieee_get_status
    ieee_get_underflow_mode ieee_is_finite ieee_is_nan ieee_is_normal
    ieee_logb ieee_next_after ieee_rem ieee_rint ieee_scalb
    ieee_selected_real_kind ieee_set_flag ieee_set_halting_mode
    ieee_set_rounding_mode ieee_set_status ieee_set_underflow_mode
    ieee_support_datatype ieee_support_denormal ieee_support_divide
    ieee_support_flag ieee_support_halting ieee_support_inf
    ieee_support_io ieee_support_nan ieee_support_rounding
    ieee_support_sqrt ieee_support_standard ieee_support_underflow_control
    ieee_unordered ieee_value ieor image_index index int ior iparity
    is_contiguous is_iostat_end is_iostat_eor ishft ishftc kind lbound
    lcobound leadz len_trim len lge lgt lle llt log_gamma log log10
    logical maskl maskr matmul max maxexponent maxloc maxval merge_bits
    merge min minexponent minloc minval mod modulo move_alloc mvbits
    nearest new_line nint norm2 not null num_images pack parity popcnt
    poppar present product radix random_number random_seed range real
    repeat reshape rrspacing same_type_as scale scan selected_char_kind
    selected_int_kind selected_real_kind set_exponent shape shifta shiftl
    shiftr sign sin sinh size spacing spread sqrt storage_size sum
    system_clock tan tanh this_image tiny trailz transfer transpose trim
    ubound ucobound unpack verify""")
)

# Ruby's /i [A-Z]: ASCII letters of either case, the long s and the Kelvin sign
_LETTER = "A-Za-z\u017f\u212a"
NAME = f"[{_LETTER}][_{_LETTER}0-9]*"
_KIND_PARAM = rf"(\d+|{NAME})"
_EXPONENT = r"[ED][+-]?\d+"
# Ruby's \b right after a word character
_END = f"(?![{boundary_word()}])"
# "s" under Ruby's /i also matches the long s, "st" either st ligature
_S = "[s\u017f]"
_ST = f"(?:{_S}t|[\ufb05\ufb06])"


def _name(lexer: RegexLexer, match: re.Match[str]) -> None:
    # Ruby's downcase, like Python's lower, maps the Kelvin sign to "k"
    word = match.group(0).lower()
    if word in KEYWORDS:
        lexer.token(Keyword)
    elif word in TYPES:
        lexer.token(Keyword.Type)
    elif word in INTRINSICS:
        lexer.token(Name.Builtin)
    else:
        lexer.token(Name)


class FortranLexer(RegexLexer):
    tag = "fortran"

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"[\s]+", Text.Whitespace),
                rule(r"!.*$", Comment.Single),
                rule(r"^#.*$", Comment.Preproc),
                rule(r"::|[()\/;,:&\[\]]", Punctuation),
                rule(rf"^(\s*)([0-9]+){_END}", groups(Text.Whitespace, Name.Label)),
                rule(
                    r"(FORMAT)(\s*)(\()",
                    groups(Keyword, Text.Whitespace, Punctuation),
                    "format_spec",
                    flags=re.I,
                ),
                rule(
                    rf"[+-]?((\d+[.]\d*|[.]\d+)({_EXPONENT})?|\d+{_EXPONENT})(_{_KIND_PARAM})?",
                    Number.Float,
                    flags=re.I,
                ),
                rule(rf"[+-]?\d+(_{_KIND_PARAM})?", Number.Integer, flags=re.I),
                rule(r'''B'[01]+'|B"[01]+"''', Number.Bin, flags=re.I),
                rule(r'''O'[0-7]+'|O"[0-7]+"''', Number.Oct, flags=re.I),
                rule(r'''Z'[0-9A-F]+'|Z"[0-9A-F]+"''', Number.Hex, flags=re.I),
                rule(rf"({_KIND_PARAM}_)?'", String.Single, "string_single"),
                rule(rf'({_KIND_PARAM}_)?"', String.Double, "string_double"),
                rule(
                    rf"[.](TRUE|FAL{_S}E)[.](_{_KIND_PARAM})?",
                    Keyword.Constant,
                    flags=re.I,
                ),
                rule(r"\*\*|//|==|/=|<=|>=|=>|[-+*/<>=%]", Operator),
                rule(
                    rf"\.(?:EQ|NE|LT|LE|GT|GE|NOT|AND|OR|EQV|NEQV|[{_LETTER}]+)\.",
                    Operator.Word,
                    flags=re.I,
                ),
                rule(rf"double\s+preci{_S}ion{_END}", Keyword.Type, flags=re.I),
                rule(rf"go\s+to{_END}", Keyword, flags=re.I),
                rule(rf"{_S}ync\s+(all|image{_S}|memory){_END}", Keyword, flags=re.I),
                rule(rf"error\s+{_ST}op{_END}", Keyword, flags=re.I),
                rule(NAME, _name),
            ],
            "string_single": [
                rule(r"[^']+", String.Single),
                rule(r"''", String.Escape),
                rule(r"'", String.Single, "#pop"),
            ],
            "string_double": [
                rule(r'[^"]+', String.Double),
                rule(r'""', String.Escape),
                rule(r'"', String.Double, "#pop"),
            ],
            "format_spec": [
                rule(r"'", String.Single, "string_single"),
                rule(r'"', String.Double, "string_double"),
                rule(r"\(", Punctuation, "format_spec"),
                rule(r"\)", Punctuation, "#pop"),
                rule(r",", Punctuation),
                rule(r"[\s]+", Text.Whitespace),
                rule(r"""[^\s'"(),]+""", Literal),
            ],
        }

"""Scheme, tokenized as rouge 3.30 does.

Rouge's quirks are kept on purpose: the operator rule comes before the one for
``'(`` and ``#(``, so that rule never applies; ``-1`` and ``1.5`` split off the
front of longer names (``1+`` is ``1`` then ``+``); the head of a form is read
by the identifier rule, which takes in commas and bars.
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

from ._engine import RegexLexer, StateItem, groups, pop_state, rule, word_list

KEYWORDS = frozenset(
    word_list("""
    lambda define if else cond and or case let let* letrec begin
    do delay set! => quote quasiquote unquote unquote-splicing
    define-syntax let-syntax letrec-syntax syntax-rules""")
)

BUILTINS = frozenset(
    word_list("""
    * + - / < <= = > >= abs acos angle append apply asin
    assoc assq assv atan boolean? caaaar caaadr caaar caadar
    caaddr caadr caar cadaar cadadr cadar caddar cadddr caddr
    cadr call-with-current-continuation call-with-input-file
    call-with-output-file call-with-values call/cc car cdaaar cdaadr
    cdaar cdadar cdaddr cdadr cdar cddaar cddadr cddar cdddar cddddr
    cdddr cddr cdr ceiling char->integer char-alphabetic? char-ci<=?
    char-ci<? char-ci=? char-ci>=? char-ci>? char-downcase
    char-lower-case? char-numeric? char-ready? char-upcase
    char-upper-case? char-whitespace? char<=? char<? char=? char>=?
    char>? char? close-input-port close-output-port complex? cons
    cos current-input-port current-output-port denominator
    display dynamic-wind eof-object? eq?  equal? eqv? eval
    even? exact->inexact exact? exp expt floor for-each force gcd
    imag-part inexact->exact inexact? input-port? integer->char
    integer? interaction-environment lcm length list list->string
    list->vector list-ref list-tail list?  load log magnitude
    make-polar make-rectangular make-string make-vector map
    max member memq memv min modulo negative? newline not
    null-environment null? number->string number? numerator odd?
    open-input-file open-output-file output-port? pair?  peek-char
    port? positive? procedure? quotient rational? rationalize
    read read-char real-part real?  remainder reverse round
    scheme-report-environment set-car! set-cdr! sin sqrt string
    string->list string->number string->symbol string-append
    string-ci<=?  string-ci<? string-ci=? string-ci>=? string-ci>?
    string-copy string-fill! string-length string-ref
    string-set! string<=? string<? string=? string>=?
    string>? string? substring symbol->string symbol?
    tan transcript-off transcript-on truncate values vector
    vector->list vector-fill! vector-length vector-ref
    vector-set! vector? with-input-from-file with-output-to-file
    write write-char zero?""")
)

# rouge's id is /[a-z0-9...]+/i; Ruby's /i also lets in the long s and the Kelvin sign
_ID = r"[a-z0-9!$%&*+,/:<=>?@^_~|\u017f\u212a-]+"


def _head(lexer: RegexLexer, match: re.Match[str]) -> None:
    name = match.group(0)
    if name in KEYWORDS:
        lexer.token(Keyword)
    elif name in BUILTINS:
        lexer.token(Name.Builtin)
    else:
        lexer.token(Name.Function)
    lexer.pop()


class SchemeLexer(RegexLexer):
    tag = "scheme"

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r";.*$", Comment.Single),
                rule(r"\s+", Text),
                rule(r"-?\d+\.\d+", Number.Float),
                rule(r"-?\d+", Number.Integer),
                # Racket infinities
                rule(r"[+-]inf[.][f0]", Number),
                rule(r"#b[01]+", Number.Bin),
                rule(r"#o[0-7]+", Number.Oct),
                rule(r"#d[0-9]+", Number.Integer),
                rule(r"#x[0-9a-f]+", Number.Hex, flags=re.I),
                rule(r"#[ei][\d.]+", Number.Other),
                # rouge's "(\\\\|\\"|[^"])*" backtracks exponentially on an unclosed run
                # of backslashes: this matches the same (checked on all short strings)
                # up to the first unescaped quote, else to the last quote
                rule(r'"(?=((?:\\\\|\\"|[^"\\]|\\)*))\1"|"(?s:.*)"', String),
                rule(rf"'{_ID}", String.Symbol, flags=re.I),
                rule(r"#\\([()/'\"._!$%& ?=+-]{1}|[a-z0-9\u017f\u212a]+)", String.Char, flags=re.I),
                rule(r"#t|#f", Name.Constant),
                rule(r"(?:'|#|`|,@|,|\.)", Operator),
                rule(r"(['#])(\s*)(\()", groups(String.Symbol, Text, Punctuation)),
                rule(r"\(|\[", Punctuation, "command"),
                rule(r"\)|\]", Punctuation),
                rule(_ID, Name.Variable, flags=re.I),
            ],
            "command": [
                rule(_ID, _head, flags=re.I),
                rule(r"", pop_state),
            ],
        }

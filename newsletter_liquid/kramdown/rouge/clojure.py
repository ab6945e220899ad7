"""Clojure, tokenized as rouge 3.30 does.

Rouge's quirks are kept on purpose: the integer rule comes before the hex one
(so ``0xFF`` is ``0`` then the name ``xFF``), ratios split into an integer and a
name (``1`` ``/2``), a character literal takes a single character (``\\newline``
is ``\\n`` then ``ewline``), and the builtin ``zipper'`` keeps its stray quote.
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
    _TokenType,
)

from ._engine import RegexLexer, StateItem, rule, word_list

KEYWORDS = frozenset(
    word_list("""
    fn def defn defmacro defmethod defmulti defn- defstruct if
    cond let for""")
)

BUILTINS = frozenset(
    word_list("""
    . ..  * + - -> / < <= = == > >= accessor agent agent-errors
    aget alength all-ns alter and append-child apply array-map
    aset aset-boolean aset-byte aset-char aset-double aset-float
    aset-int aset-long aset-short assert assoc await await-for bean
    binding bit-and bit-not bit-or bit-shift-left bit-shift-right
    bit-xor boolean branch?  butlast byte cast char children
    class clear-agent-errors comment commute comp comparator
    complement concat conj cons constantly construct-proxy
    contains? count create-ns create-struct cycle dec  deref
    difference disj dissoc distinct doall doc dorun doseq dosync
    dotimes doto double down drop drop-while edit end? ensure eval
    every? false? ffirst file-seq filter find find-doc find-ns
    find-var first float flush fnseq frest gensym get-proxy-class
    get hash-map hash-set identical? identity if-let import in-ns
    inc index insert-child insert-left insert-right inspect-table
    inspect-tree instance? int interleave intersection into
    into-array iterate join key keys keyword keyword? last lazy-cat
    lazy-cons left lefts line-seq list* list load load-file locking
    long loop macroexpand macroexpand-1 make-array make-node map
    map-invert map? mapcat max max-key memfn merge merge-with meta
    min min-key name namespace neg? new newline next nil? node not
    not-any? not-every? not= ns-imports ns-interns ns-map ns-name
    ns-publics ns-refers ns-resolve ns-unmap nth nthrest or parse
    partial path peek pop pos? pr pr-str print print-str println
    println-str prn prn-str project proxy proxy-mappings quot
    rand rand-int range re-find re-groups re-matcher re-matches
    re-pattern re-seq read read-line reduce ref ref-set refer rem
    remove remove-method remove-ns rename rename-keys repeat replace
    replicate resolve rest resultset-seq reverse rfirst right
    rights root rrest rseq second select select-keys send send-off
    seq seq-zip seq? set short slurp some sort sort-by sorted-map
    sorted-map-by sorted-set special-symbol? split-at split-with
    str string?  struct struct-map subs subvec symbol symbol?
    sync take take-nth take-while test time to-array to-array-2d
    tree-seq true? union up update-proxy val vals var-get var-set
    var? vector vector-zip vector? when when-first when-let
    when-not with-local-vars with-meta with-open with-out-str
    xml-seq xml-zip zero? zipmap zipper'""")
)

_IDENTIFIER = r"[\w!$%*+,<=>?/.-]+"
_KEYWORD = r"[\w!\#$%*+,<=>?/.-]+"


def _name_token(name: str) -> _TokenType | None:
    if name in KEYWORDS:
        return Keyword
    if name in BUILTINS:
        return Name.Builtin
    return None


def _call(lexer: RegexLexer, match: re.Match[str]) -> None:
    # the head of a form is a function unless it is a keyword or builtin
    lexer.token(Punctuation, match.group(1))
    lexer.token(Text.Whitespace, match.group(2))
    lexer.token(_name_token(match.group(3)) or Name.Function, match.group(3))


def _name(lexer: RegexLexer, match: re.Match[str]) -> None:
    lexer.token(_name_token(match.group(0)) or Name)


class ClojureLexer(RegexLexer):
    tag = "clojure"
    rouge_aliases = ("clj", "cljs")

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r";.*?$", Comment.Single),
                rule(r"\s+", Text.Whitespace, flags=re.S),
                rule(r"-?\d+\.\d+", Number.Float),
                rule(r"-?\d+", Number.Integer),
                rule(r"0x-?[0-9a-fA-F]+", Number.Hex),
                # rouge's "(\\.|[^"])*" backtracks exponentially on an unclosed string of
                # backslashes; the same matches (checked on every string of up to 11
                # characters) without that: up to the first unescaped quote (an atomic
                # group, spelt as a look-ahead for Python 3.10), else to the last quote
                rule(r'"(?=((?:\\.|[^"\\]|\\)*))\1"|"(?s:.*)"', String),
                rule(rf"'{_KEYWORD}", String.Symbol),
                rule(rf"::?{_KEYWORD}", Name.Constant),
                rule(r"\\(.|[a-z]+)", String.Char, flags=re.I),
                rule(r"~@|[`\'#^~&@]", Operator),
                rule(rf"(\()(\s*)({_IDENTIFIER})", _call, flags=re.S),
                rule(_IDENTIFIER, _name),
                # vectors
                rule(r"[\[\]]", Punctuation),
                # maps
                rule(r"[{}]", Punctuation),
                # parentheses
                rule(r"[()]", Punctuation),
            ],
        }

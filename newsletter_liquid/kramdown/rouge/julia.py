"""Julia, tokenized as rouge 3.30 does."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pygments.token import Comment, Keyword, Name, Number, Operator, Other, String, Text

from ._engine import RegexLexer, StateItem, groups, mixin, rule, word_list, words
from ._ruby_regex import boundary_word

BUILTINS = word_list("""
    true false missing nothing Inf Inf16 Inf32 Inf64 NaN NaN16 NaN32 NaN64
    stdout stderr stdin devnull pi π ℯ im ARGS C_NULL ENV ENDIAN_BOM
    VERSION undef LOAD_PATH DEPOT_PATH""")

# rouge writes these with /x, which drops the spaces: "mutable struct" is "mutablestruct"
KEYWORDS = word_list("""
    function return module import export if else elseif end for in isa while try catch
    const local global using struct mutablestruct abstracttype finally begin do quote
    macro forouter where""")

TYPES = word_list("""
    ARPACKException AbstractArray AbstractChannel AbstractChar AbstractDict AbstractDisplay
    AbstractFloat AbstractIrrational AbstractLogger AbstractMatrix AbstractREPL AbstractRNG
    AbstractRange AbstractSerializer AbstractSet AbstractSparseArray AbstractSparseMatrix
    AbstractSparseVector AbstractString AbstractUnitRange AbstractVecOrMat AbstractVector
    AbstractWorkerPool Adjoint Any ArgumentError Array AssertionError Base64DecodePipe
    Base64EncodePipe BasicREPL Bidiagonal BigFloat BigInt BitArray BitMatrix BitSet BitVector
    Bool BoundsError BunchKaufman CachingPool CapturedException CartesianIndex CartesianIndices
    Cchar Cdouble Cfloat Channel Char Cholesky CholeskyPivoted Cint Cintmax_t Clong Clonglong
    ClusterManager Cmd Colon Complex ComplexF16 ComplexF32 ComplexF64 CompositeException
    Condition ConsoleLogger Cptrdiff_t Cshort Csize_t Cssize_t Cstring Cuchar Cuint Cuintmax_t
    Culong Culonglong Cushort Cvoid Cwchar_t Cwstring DataType Date DateFormat DatePeriod
    DateTime Day DenseArray DenseMatrix DenseVecOrMat DenseVector Diagonal Dict
    DimensionMismatch Dims DivideError DomainError EOFError Eigen Enum ErrorException Exception
    ExponentialBackOff Expr FDWatcher Factorization FileMonitor Float16 Float32 Float64
    FolderMonitor Function GeneralizedEigen GeneralizedSVD GeneralizedSchur GenericArray
    GenericDict GenericSet GenericString GitConfig GitRepo GlobalRef HMAC_CTX HTML Hermitian
    Hessenberg Hour IO IOBuffer IOContext IOStream IPAddr IPv4 IPv6 IdDict IndexCartesian
    IndexLinear IndexStyle InexactError InitError Int Int128 Int16 Int32 Int64 Int8 Integer
    InterruptException InvalidStateException Irrational KeyError LAPACKException LDLt LQ LU
    LinRange LineEditREPL LineNumberNode LinearIndices LoadError LogLevel LowerTriangular MIME
    Matrix MersenneTwister Method MethodError Microsecond Millisecond Minute Missing
    MissingException Module Month NTuple NamedTuple Nanosecond Nothing NullLogger Number
    OrdinalRange OutOfMemoryError OverflowError PackageMode PackageSpec Pair PartialQuickSort
    Period PermutedDimsArray Pipe PollingFileWatcher PosDefException ProcessExitedException Ptr
    QR QRPivoted QuoteNode RandomDevice RankDeficientException Rational RawFD
    ReadOnlyMemoryError Real ReentrantLock Ref Regex RegexMatch RemoteChannel RemoteException
    RoundingMode SHA1_CTX SHA224_CTX SHA256_CTX SHA2_224_CTX SHA2_256_CTX SHA2_384_CTX
    SHA2_512_CTX SHA384_CTX SHA3_224_CTX SHA3_256_CTX SHA3_384_CTX SHA3_512_CTX SHA512_CTX SVD
    Schur Second SegmentationFault Serializer Set SharedArray SharedMatrix SharedVector Signed
    SimpleLogger SingularException Some SparseMatrixCSC SparseVector StackOverflowError
    StepRange StepRangeLen StreamREPL StridedArray StridedMatrix StridedVecOrMat StridedVector
    String StringIndexError SubArray SubString SubstitutionString SymTridiagonal Symbol
    Symmetric SystemError TCPSocket Task TestSetException Text TextDisplay Time TimePeriod
    TimeType TimeZone Timer Transpose Tridiagonal Tuple Type TypeError TypeVar UDPSocket UInt
    UInt128 UInt16 UInt32 UInt64 UInt8 UTC UUID UndefInitializer UndefKeywordError UndefRefError
    UndefVarError UniformScaling Union UnionAll UnitLowerTriangular UnitRange
    UnitUpperTriangular Unsigned UpgradeLevel UpperTriangular Val Vararg VecElement VecOrMat
    Vector VersionNumber WeakKeyDict WeakRef Week WorkerConfig WorkerPool Year""")

# rouge's order matters: the first alternative that matches wins (``=`` before ``==``)
OPERATORS = r"""
    \+ | = | - | \* | \/ | \\ | & | \| | \$ | ~ | \^ | % | ! | >>> | >> | << | && | \|\|
    | \+= | -= | \*= | \/= | \\= | ÷= | %= | \^= | &= | \|= | \$= | >>>= | >>= | <<= | ==
    | != | ≠ | <= | ≤ | >= | ≥ | \. | :: | <: | -> | \? | \.\* | \.\^ | \.\\ | \.\/ | \\
    | < | > | ÷ | >: | : | === | !== | =>
"""

# Ruby's \b counts as word characters \p{Word} plus the Latin-1 superscripts and
# fractions and the circled letters (``π²`` is one word there); every word of the
# tables starts with a word character, so only the closing boundary needs spelling out
_WORD = boundary_word()
_END = f"(?![{_WORD}])"


def _never(lexer: RegexLexer, text: str, pos: int) -> bool:
    return False


_IDENT = r"[\p{L}\p{Nl}\p{S}_][\p{Word}\p{S}\p{Po}!]*"


class JuliaLexer(RegexLexer):
    tag = "julia"
    rouge_aliases = ("jl",)

    @classmethod
    def detect(cls, text: str) -> bool:
        shebang = re.match(r"\A\s*#!(.*)", text, re.ASCII)
        return shebang is not None and re.search(r"\bjulia(?:\s|$)", shebang.group(1)) is not None

    @classmethod
    def states(cls) -> Mapping[str, Sequence[StateItem]]:
        return {
            "root": [
                rule(r"\n", Text),
                rule(r"[^\S\n]+", Text),
                rule(r"#=", Comment.Multiline, "blockcomment"),
                rule(r"#.*$", Comment),
                rule(OPERATORS, Operator, flags=re.X),
                rule(r"\\\n", Text),
                rule(r"\\", Text),
                # functions and macros
                rule(r"(function|macro)((?:\s|\\\s)+)", groups(Keyword, Name.Function), "funcname"),
                # types
                rule(
                    r"((?:mutable )?struct|(?:abstract|primitive) type)((?:\s|\\\s)+)",
                    groups(Keyword, Name.Class),
                    "typename",
                ),
                rule(f"(?:{words(TYPES)}){_END}", Keyword.Type),
                # keywords
                rule(f"(local|global|const){_END}", Keyword.Declaration),
                rule(f"(?:{words(KEYWORDS)}){_END}", Keyword),
                rule(f"(?:{words(BUILTINS)}){_END}", Name.Builtin),
                # backticks
                rule(r"`.*?`", String.Backtick),
                # chars
                rule(
                    r"'(\\.|\\[0-7]{1,3}|\\x[a-fA-F0-9]{1,3}|\\u[a-fA-F0-9]{1,4}"
                    r"|\\U[a-fA-F0-9]{1,6}|[^\\'\n])'",
                    String.Char,
                ),
                # transpose: rouge's scanner hides the text before the scan position
                # from the look-behind, so this never matches; the guard says so
                # without copying the rest of the text at every token
                rule(r"(?<=[.\w)\]])'+", Operator, guard=_never),
                # strings
                rule(r'(?:[IL])"', String, "string"),
                rule(r'[E]?"', String, "string"),
                # names
                rule(r"@[\w.]+", Name.Decorator),
                rule(
                    r"(?:[a-zA-Z_\u00A1-\uffff]|[\u1000-\u10ff])"
                    r"(?:[a-zA-Z_0-9\u00A1-\uffff]|[\u1000-\u10ff])*!*",
                    Name,
                ),
                rule(r"[\[\]{}\(\),;]", Other),
                # numbers
                rule(r"(\d+(_\d+)+\.\d*|\d*\.\d+(_\d+)+)([eEf][+-]?[0-9]+)?", Number.Float),
                rule(r"(\d+\.\d*|\d*\.\d+)([eEf][+-]?[0-9]+)?", Number.Float),
                rule(r"\d+(_\d+)+[eEf][+-]?[0-9]+", Number.Float),
                rule(r"\d+[eEf][+-]?[0-9]+", Number.Float),
                rule(r"0b[01]+(_[01]+)+", Number.Bin),
                rule(r"0b[01]+", Number.Bin),
                rule(r"0o[0-7]+(_[0-7]+)+", Number.Oct),
                rule(r"0o[0-7]+", Number.Oct),
                rule(r"0x[a-fA-F0-9]+(_[a-fA-F0-9]+)+", Number.Hex),
                rule(r"0x[a-fA-F0-9]+", Number.Hex),
                rule(r"\d+(_\d+)+", Number.Integer),
                rule(r"\d+", Number.Integer),
            ],
            "funcname": [
                rule(_IDENT, Name.Function, "#pop"),
                rule(r"\([^\s\w{]{1,2}\)", Operator, "#pop"),
                rule(r"[^\s\w{]{1,2}", Operator, "#pop"),
            ],
            "typename": [rule(_IDENT, Name.Class, "#pop")],
            "stringescape": [
                rule(
                    r"\\([\\abfnrtv\"']|\n|N\{.*?\}|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}"
                    r"|x[a-fA-F0-9]{2}|[0-7]{1,3})",
                    String.Escape,
                ),
            ],
            "blockcomment": [
                rule(r"[^=#]", Comment.Multiline),
                rule(r"#=", Comment.Multiline, "blockcomment"),
                rule(r"=#", Comment.Multiline, "#pop"),
                rule(r"[=#]", Comment.Multiline),
            ],
            "string": [
                mixin("stringescape"),
                rule(r'"', String, "#pop"),
                rule(r'\\\\|\\"|\\\n', String.Escape),  # included here for raw strings
                rule(r"\$(\(\w+\))?[-#0 +]*([0-9]+|[*])?(\.([0-9]+|[*]))?", String.Interpol),
                rule(r'[^\\"$]+', String),
                # quotes, dollar signs, and backslashes must be parsed one at a time
                rule(r'["\\]', String),
                # unhandled string formatting sign
                rule(r"\$", String),
            ],
        }

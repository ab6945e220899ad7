"""Addressable's URI normalisation, which Jekyll's URL filters and ``uri_escape`` print.

``normalize_component`` decodes every ``%XX``, applies NFKC and encodes each byte
outside the allowed class again; ``normalize_uri`` does that per URI part, lower-
cases scheme and host, drops default ports and removes dot segments.
"""

from __future__ import annotations

import re
import unicodedata
import urllib.parse

__all__ = ["is_absolute", "normalize_component", "normalize_uri"]

_ALPHA_DIGIT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
_UNRESERVED = _ALPHA_DIGIT + "-._~"
_GEN_DELIMS = ":/?#[]@"
_SUB_DELIMS = "!$&'()*+,;="
_RESERVED_UNRESERVED = _GEN_DELIMS + _SUB_DELIMS + _UNRESERVED
_PCHAR = _UNRESERVED + _SUB_DELIMS + ":@"
_SCHEME = _ALPHA_DIGIT + "-+."
_HOST = _UNRESERVED + _SUB_DELIMS + "[:]"
_FRAGMENT = _PCHAR + "/?"
_QUERY = _UNRESERVED + "!$'()*+,=:@/?"

_URI_RE = re.compile(r"^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?$", re.S)
_PORTS = {
    "http": 80, "https": 443, "ftp": 21, "tftp": 69, "sftp": 22, "ssh": 22,
    "svn+ssh": 22, "telnet": 23, "nntp": 119, "gopher": 70, "wais": 210,
    "ldap": 389, "prospero": 1525,
}


def _encode(data: bytes, safe: str) -> str:
    return "".join(
        chr(byte) if byte < 128 and chr(byte) in safe else f"%{byte:02X}" for byte in data
    )


def _decode_nfkc(text: str, safe: str) -> str:
    if text.isascii() and "%" not in text and not text.strip(safe):
        # every character is allowed as it is and none is escaped: nothing to decode,
        # normalise or encode
        return text
    raw = urllib.parse.unquote_to_bytes(text)
    try:
        data = unicodedata.normalize("NFKC", raw.decode("utf-8")).encode("utf-8")
    except UnicodeDecodeError:
        data = raw
    return _encode(data, safe)


def normalize_component(text: str, safe: str = _RESERVED_UNRESERVED,
                        leave_encoded: str = "") -> str:
    """``Addressable::URI.normalize_component``.

    ``leave_encoded`` is only ever ``+`` (queries): ``%2B`` stays encoded so it
    never turns into a literal plus, which a query would read as a space.
    """
    if not leave_encoded:
        return _decode_nfkc(text, safe)
    pieces = re.split("(%2[bB])", text)
    return "".join(
        piece if i % 2 else _decode_nfkc(piece, safe) for i, piece in enumerate(pieces)
    )


def is_absolute(text: str) -> bool:
    """Addressable's ``absolute?``: the string starts with a scheme."""
    m = _URI_RE.match(text)
    return bool(m and m.group(2))


def _remove_dot_segments(path: str) -> str:
    """Addressable's ``URI.normalize_path`` (RFC 3986 5.2.4 with its own extras)."""
    if "/." not in path and not path.startswith("."):
        return path  # every rule below needs a segment starting with a dot
    rule_2a = re.compile(r"/\./|/\.$")
    rule_2b_2c = re.compile(r"/([^/]*)/\.\./|/([^/]*)/\.\.$")
    rule_2d = re.compile(r"^\.\.?/?")
    rule_prefixed_parent = re.compile(r"^/\.\.?/|^(/\.\.?)+/?$")
    while True:
        new, n = rule_2a.subn("/", path)
        if n:
            path = new
            continue
        pair = rule_2b_2c.search(path)
        if pair:
            parent, current = pair.group(1), pair.group(2)
            if (parent not in (".", "..")) or (current not in (".", "..")):
                pattern = (
                    "/" + re.escape(parent or "") + r"/\.\./|(/" + re.escape(current or "")
                    + r"/\.\.$)"
                )
                new, n = re.subn(pattern, "/", path)
                if n:
                    path = new
                    continue
        new, n = rule_2d.subn("", path)
        if n:
            path = new
            continue
        new, n = rule_prefixed_parent.subn("/", path)
        if n:
            path = new
            continue
        return path


def normalize_uri(text: str) -> str:
    """``Addressable::URI.parse(text).normalize.to_s``."""
    m = _URI_RE.match(text)
    if not m:
        return text
    scheme, authority, path = m.group(2), m.group(4), m.group(5) or ""
    query, fragment = m.group(7), m.group(9)
    out: list[str] = []
    norm_scheme = None
    if scheme is not None:
        norm_scheme = normalize_component(scheme.strip().lower(), _SCHEME)
        out.append(norm_scheme + ":")
    if authority is not None:
        out.append("//" + _normalize_authority(authority, norm_scheme))
    if scheme is None and re.match(r"^(?!/)[^/:]*:.*$", path):
        path = path.replace(":", "%2F", 1)
    segments = [normalize_component(seg, _PCHAR) for seg in path.strip().split("/")]
    norm_path = _remove_dot_segments("/".join(segments))
    if not norm_path and norm_scheme in ("http", "https", "ftp", "tftp"):
        norm_path = "/"
    out.append(norm_path)
    if query is not None:
        pairs = [normalize_component(p, _QUERY, "+") for p in query.split("&")]
        norm_query = "&".join(pairs)
        if norm_query:
            out.append("?" + norm_query)
    if fragment is not None:
        norm_fragment = normalize_component(fragment, _FRAGMENT)
        if norm_fragment:
            out.append("#" + norm_fragment)
    return "".join(out)


def _normalize_authority(authority: str, scheme: str | None) -> str:
    userinfo, at, hostport = authority.rpartition("@")
    prefix = userinfo + at if at else ""
    host, port = hostport, ""
    m = re.match(r"^(.*?)(?::(\d*))?$", hostport)
    if m and not hostport.endswith("]"):
        host, port = m.group(1), m.group(2) or ""
    host = host.strip().lower()
    if host:
        try:
            host = urllib.parse.unquote(host).encode("idna").decode("ascii")
        except UnicodeError:
            host = urllib.parse.unquote(host)
        if re.search(r"[^.]\.$", host):
            host = host[:-1]
        host = normalize_component(host, _HOST)
    result = prefix + host
    if port and not (scheme in _PORTS and _PORTS[scheme] == int(port)):
        result += ":" + str(int(port))
    return result

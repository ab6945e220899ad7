"""The ffl-blog corpus: every file real Jekyll wrote, byte for byte, through the ratchet."""

from __future__ import annotations

from pathlib import Path

import pytest
from ratchet import ratchet_params, require_shared
from sitebuild import build_outputs

CORPUS = require_shared("corpus", "ffl-blog")
EXPECTED = require_shared("corpus", "ffl-blog.expected")
FILES = sorted(p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def corpus_outputs() -> dict[str, bytes]:
    return build_outputs(CORPUS, [CORPUS / "_config.yml", CORPUS / "oracle.yml"])


@pytest.mark.parametrize("rel", ratchet_params("corpus", ((f, f) for f in FILES)))
def test_corpus_file(rel: str, corpus_outputs: dict[str, bytes]) -> None:
    expected = (EXPECTED / rel).read_bytes()
    assert rel in corpus_outputs, f"{rel} was not written"
    assert corpus_outputs[rel] == expected


def test_expected_tree_present() -> None:
    assert Path(EXPECTED / "index.html").exists()

"""Shared test set-up: the helpers beside the tests are importable; reference time zone."""

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

# The ratchet and site-build helpers live beside the tests.
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="module")
def reference_tz() -> Iterator[None]:
    """TZ=UTC, as the reference builds ran: sites without ``timezone:`` use it."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


@pytest.fixture
def reference_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The reference builds' clock and zone: SOURCE_DATE_EPOCH 2024-01-01, TZ=UTC."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1704067200")
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()

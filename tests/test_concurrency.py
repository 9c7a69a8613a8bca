"""Concurrent loads into one embedded store: each commits whole or fails clearly, and what is
committed equals a serial run of the same loads.

Twenty ledgers, each one street of the shared district 东城区 (D0, named by all twenty) with
two communities and a pairing: ledger i has street S<i>, communities C<i>a and C<i>b, unit
U<i> paired with C<i>a. Serially they make 1 + 20 x (1 + 2 + 1 + 2 party organizations) = 121
nodes. They are loaded by twenty processes at once (forked, each opening its own connection).
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from graphmodel.errors import StoreBusy
from graphmodel.load import load
from graphmodel.store import EmbeddedStore
from tests.test_sync import _view, write_ledger

LOADS = 20


def street_ledger(folder: Path, i: int) -> Path:
    return write_ledger(
        folder,
        {
            "districts": [["id", "name"], ["D0", "东城区"]],
            "streets": [["id", "name", "district"], [f"S{i}", f"第{i}街道", "D0"]],
            "communities": [
                ["id", "name", "street"],
                [f"C{i}a", f"第{i}甲社区", f"S{i}"],
                [f"C{i}b", f"第{i}乙社区", f"S{i}"],
            ],
            "units": [["id", "name", "street"], [f"U{i}", f"第{i}单位", f"S{i}"]],
            "pairings": [["unit", "community", "since"], [f"U{i}", f"C{i}a", "2024-01-01"]],
        },
    )


def _load(args: tuple[str, str, float]) -> str:
    """Load one ledger in a child process: ``ok``, or the error's message."""
    ledger, db, timeout = args
    try:
        report = load([ledger], EmbeddedStore(db, timeout=timeout))
    except StoreBusy as e:
        return f"busy: {e}"
    return "ok" if report.loaded and report.ok else f"not loaded: {report.to_dict()}"


def _run_all(ledgers: list[Path], db: Path, timeout: float) -> list[str]:
    with multiprocessing.get_context("fork").Pool(LOADS) as pool:
        return pool.map(_load, [(str(p), str(db), timeout) for p in ledgers])


@pytest.fixture
def ledgers(tmp_path: Path) -> list[Path]:
    return [street_ledger(tmp_path / f"ledger{i}", i) for i in range(LOADS)]


def test_twenty_concurrent_loads_all_commit_and_equal_a_serial_run(tmp_path, ledgers):
    results = _run_all(ledgers, tmp_path / "together.db", timeout=120)
    assert results == ["ok"] * LOADS
    serial = EmbeddedStore(tmp_path / "serial.db")
    for ledger in ledgers:
        load([ledger], serial)
    together = EmbeddedStore(tmp_path / "together.db")
    assert _view(together) == _view(serial)
    assert together.graph().number_of_nodes() == 121
    assert len(together.history()) == LOADS
    # every ledger names the shared district: it stays while any of them does
    assert together.sources(str(ledgers[0].resolve())).nodes["D0"] == LOADS


def test_a_load_that_waits_too_long_fails_clearly_and_writes_nothing(tmp_path, ledgers):
    # a busy timeout of 1 ms: loads that find the store locked give up at once
    results = _run_all(ledgers, tmp_path / "together.db", timeout=0.001)
    committed = [ledger for ledger, r in zip(ledgers, results, strict=True) if r == "ok"]
    failed = [r for r in results if r != "ok"]
    assert committed, results
    for message in failed:
        assert message.startswith("busy: the store"), message
        assert "nothing was written: run this command again" in message
    serial = EmbeddedStore(tmp_path / "serial.db")
    for ledger in committed:
        load([ledger], serial)
    together = EmbeddedStore(tmp_path / "together.db")
    assert _view(together) == _view(serial)
    assert len(together.history()) == len(committed)

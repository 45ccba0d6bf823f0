"""The analysis runs with the GIL released: another Python thread runs
while a batch is analysed.

With the switch interval set very long, a thread holding the GIL keeps it
until it blocks or releases it itself; the counting thread below releases
it at every step (``time.sleep(0)``). So the counter moves during the call
exactly when the call releases the GIL: a causal check, not a timing one.

Releasing the GIL lets the counting thread run; it does not make the
operating system schedule it at once. When the analysis keeps both cores
busy (two worker threads on a two-core machine) a short call can end before
the counter is given a core, so the call is repeated until the counter has
moved, up to ``ATTEMPTS`` times. A call that never releases the GIL still
gives zero on every attempt (``test_the_check_can_fail``).
"""

from __future__ import annotations

import sys
import threading
import time
from typing import Callable, Iterator

import pytest

import kazakh
from corpus import documents

TEXTS = list(documents(120, seed=7))
ATTEMPTS = 20


@pytest.fixture
def long_switch_interval() -> Iterator[None]:
    old = sys.getswitchinterval()
    sys.setswitchinterval(1000.0)
    try:
        yield
    finally:
        sys.setswitchinterval(old)


def steps_during(call: Callable[[], object]) -> int:
    """How often another thread ran Python code while ``call`` ran,
    calling it again (at most ``ATTEMPTS`` times) while that is zero."""
    count = [0]
    stop = threading.Event()
    ready = threading.Event()

    def counter() -> None:
        ready.set()
        while not stop.is_set():
            count[0] += 1
            time.sleep(0)  # releases the GIL

    t = threading.Thread(target=counter)
    t.start()
    ready.wait()
    # This thread holds the GIL from here on unless `call` releases it.
    before = count[0]
    for _ in range(ATTEMPTS):
        call()
        if count[0] != before:
            break
    during = count[0] - before
    stop.set()
    t.join()
    return during


@pytest.mark.usefixtures("long_switch_interval")
@pytest.mark.parametrize("threads", [1, 2])
def test_batch_releases_the_gil(threads: int) -> None:
    p = kazakh.Pipeline()
    assert steps_during(lambda: p.annotate_batch_json(TEXTS, threads)) > 0
    assert steps_during(lambda: p.annotate_batch(TEXTS, threads)) > 0


@pytest.mark.usefixtures("long_switch_interval")
def test_single_document_releases_the_gil() -> None:
    text = " ".join(TEXTS[:20])
    assert steps_during(lambda: kazakh.Pipeline().annotate_json(text)) > 0


@pytest.mark.usefixtures("long_switch_interval")
def test_the_check_can_fail() -> None:
    # Pure Python work that never blocks: the other thread cannot run.
    def busy() -> int:
        return sum(i * i for i in range(200_000))

    assert steps_during(busy) == 0


def test_two_threads_overlap_in_batches() -> None:
    # Two threads each analysing a batch, both finishing with the same
    # results as one thread alone.
    p = kazakh.Pipeline()
    want = p.annotate_batch(TEXTS, 1)
    got: list[object] = [None, None]

    def work(k: int) -> None:
        got[k] = p.annotate_batch(TEXTS, 1)

    ts = [threading.Thread(target=work, args=(k,)) for k in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert got == [want, want]

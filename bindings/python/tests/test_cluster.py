"""A corpus run on a real two-node Ray cluster on this machine.

The cluster, the driver and this test run inside a network namespace of
their own that has only loopback, so that all of Ray's traffic stays on
127.0.0.1 (outside one, Ray would advertise the machine's address)::

    unshare --net -- sh -c 'ip link set lo up && python -m pytest -m slow bindings/python/tests'

(``.ci/run`` does this). Outside such a namespace the test skips, or fails
when ``KAZAKH_REQUIRE_CLUSTER`` is set. ``KAZAKH_WHEEL``: the wheel shipped
to the workers through ``runtime_env``; ``KAZAKH_RAY_NODES``: 1 to measure
one node (default 2).

The Ray processes are started each in a session of their own and ended at
the end, whatever happens, by their session ids: no other Ray on the
machine is touched.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

import pytest

from conftest import run_cli
from corpus import documents, write_jsonl

pytestmark = pytest.mark.slow

DOCS = 10_000  # of about 2 KB: over 20 MB
SHARDS = 8


def interfaces() -> list[str]:
    out = subprocess.run(["ip", "-o", "link", "show"], capture_output=True, text=True, check=True)
    return [line.split(":")[1].strip().split("@")[0] for line in out.stdout.splitlines()]


def ray_bin() -> str:
    here = Path(sys.executable).parent / "ray"
    return str(here) if here.exists() else (shutil.which("ray") or "ray")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def end_sessions(sessions: list[int]) -> None:
    """Ends every process of these sessions: TERM, then KILL after 10 s."""

    def members() -> list[int]:
        pids = []
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    if os.getsid(int(entry)) in sessions:
                        pids.append(int(entry))
                except (ProcessLookupError, PermissionError):
                    pass
        return pids

    for sig in (signal.SIGTERM, signal.SIGKILL):
        for pid in members():
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 10
        while members() and time.monotonic() < deadline:
            time.sleep(0.2)
        if not members():
            return


@pytest.fixture
def cluster() -> Iterator[str]:
    names = interfaces()
    if names != ["lo"]:
        msg = f"needs a network namespace with only loopback (interfaces here: {names}); see this file"
        if os.environ.get("KAZAKH_REQUIRE_CLUSTER"):
            pytest.fail(msg)
        pytest.skip(msg)
    nodes = int(os.environ.get("KAZAKH_RAY_NODES", "2"))
    port = free_port()
    # A short path: Ray's Unix sockets live under it.
    temp = tempfile.mkdtemp(prefix="kr-", dir="/tmp")
    common = ["--num-cpus=1", "--node-ip-address=127.0.0.1", "--disable-usage-stats"]
    starts = [
        ["--head", f"--port={port}", "--include-dashboard=false", f"--temp-dir={temp}"],
        *[[f"--address=127.0.0.1:{port}"]] * (nodes - 1),
    ]
    sessions: list[int] = []
    try:
        for args in starts:
            p = subprocess.Popen(
                [ray_bin(), "start", *args, *common],
                start_new_session=True,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
            )
            sessions.append(p.pid)
            out, _ = p.communicate(timeout=120)
            assert p.returncode == 0, out.decode(errors="replace")[-3000:]
        yield f"127.0.0.1:{port}"
    finally:
        end_sessions(sessions)
        shutil.rmtree(temp, ignore_errors=True)


def test_corpus_on_two_nodes(cluster: str, cli: Path, tmp_path: Path) -> None:
    ray = pytest.importorskip("ray")
    import kazakh
    import kazakh.ray as kray

    nodes = int(os.environ.get("KAZAKH_RAY_NODES", "2"))
    texts = list(documents(DOCS, seed=2026))
    shards = []
    per = -(-DOCS // SHARDS)
    for k in range(SHARDS):
        path = tmp_path / f"part-{k}.jsonl"
        write_jsonl(path, texts[k * per : (k + 1) * per], first_id=k * per)
        shards.append(path)
    size = sum(p.stat().st_size for p in shards)
    assert size >= 20_000_000, size

    t = time.perf_counter()
    want = run_cli(cli, "annotate", "--input-format", "jsonl", "--offsets", "chars", *map(str, shards))
    cli_seconds = time.perf_counter() - t
    assert len(want) == DOCS
    by_id = {json.loads(line)["meta"]["id"]: line for line in want}

    wheel = os.environ.get("KAZAKH_WHEEL")
    runtime_env = {"py_modules": [wheel]} if wheel else None
    ray.init(address=cluster, runtime_env=runtime_env, log_to_driver=False)
    try:
        alive = [n for n in ray.nodes() if n["Alive"]]
        assert len(alive) == nodes
        assert {n["NodeManagerAddress"] for n in alive} == {"127.0.0.1"}

        # Every node imports kazakh, from the shipped wheel when there is one.
        from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

        @ray.remote(num_cpus=1)  # type: ignore[untyped-decorator]
        def where() -> str:
            import kazakh as k

            return str(k.__file__)

        files = ray.get(
            [
                where.options(
                    scheduling_strategy=NodeAffinitySchedulingStrategy(n["NodeID"], soft=False)
                ).remote()
                for n in alive
            ]
        )
        if wheel:
            # The shipped wheel is unpacked on the nodes and imported; where
            # the package is also installed in the environment, a worker may
            # still find that copy first, so one node is asked for.
            assert any("runtime_resources" in f for f in files), files

        t = time.perf_counter()
        ds = ray.data.read_json([str(p) for p in shards])
        annotated = kray.annotate(ds).materialize()
        seconds = time.perf_counter() - t
        stats = annotated.stats()
        out = tmp_path / "out.jsonl"
        written = kray.write_jsonl(annotated, str(out))
    finally:
        ray.shutdown()

    print(
        f"\n{size / 1e6:.1f} MB, {DOCS} documents: Ray on {nodes} node(s) {seconds:.1f} s "
        f"({size / 1e6 / seconds:.2f} MB/s); the command, all cores, {cli_seconds:.1f} s"
    )
    used = [int(n) for n in re.findall(r"(\d+) nodes used", stats)]
    assert used and max(used) == nodes, stats

    lines = out.read_text(encoding="utf-8").splitlines()
    assert written == len(lines) == DOCS
    seen: set[int] = set()
    for line in lines:
        doc_id = json.loads(line)["meta"]["id"]
        assert doc_id not in seen, f"document {doc_id} twice"
        seen.add(doc_id)
        assert line == by_id[doc_id], f"document {doc_id} differs from the command's"
    assert seen == set(range(DOCS))
    assert kazakh.annotate(texts[0])["schema"] == kazakh.SCHEMA_VERSION

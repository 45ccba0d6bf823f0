"""What the Python API costs over the Rust pipeline, on the same generated
2 KB news documents and the same threads (docs/experiments.md, "Python
bindings").

    python bindings/python/bench/overhead.py [--docs 1000] [--threads 1 2] [--runs 7]

Rows: the analysis alone in Rust (``Pipeline::try_analyze_into`` on the
bindings' rayon pool, nothing converted), the same plus the JSON lines
(what ``kazakh annotate`` does per document), ``annotate_batch`` (dicts
built in Rust), and ``json.loads`` of the JSON lines. Best of ``--runs``, the rows
taken in turn.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import kazakh  # noqa: E402
from corpus import documents  # noqa: E402


def best(rows: dict[str, Callable[[], object]], runs: int) -> dict[str, tuple[float, float]]:
    """The best wall-clock time and the best CPU time (all threads of the
    process) of each, the rows taken in turn so that a change of the
    machine's load touches them all alike. On a shared machine the CPU
    time is the steadier measure of the work done."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in rows}
    for _ in range(runs):
        for name, f in rows.items():
            t, c = time.perf_counter(), time.process_time()
            f()
            times[name].append((time.perf_counter() - t, time.process_time() - c))
    return {
        name: (min(w for w, _ in ts), min(c for _, c in ts)) for name, ts in times.items()
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    texts = [t for t in documents(args.docs + 6, seed=11) if len(t) > 100]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    p = kazakh.Pipeline()
    native = p._full
    print(f"{len(texts)} documents, {mb:.2f} MB")
    for th in args.threads:
        native._analyze_only(texts, th)  # warm the caches
        rows = best(
            {
                "Rust: analysis": lambda: native._analyze_only(texts, th),
                "Rust: analysis + JSON lines (annotate_batch_json)": lambda: p.annotate_batch_json(
                    texts, th
                ),
                "annotate_batch (dicts built in Rust)": lambda: p.annotate_batch(texts, th),
                "annotate_batch_json + json.loads": lambda: [
                    json.loads(s) for s in p.annotate_batch_json(texts, th)
                ],
            },
            args.runs,
        )
        wall, cpu = rows["Rust: analysis"]
        print(f"threads={th}: wall clock (MB/s, against the analysis) | CPU time of all threads")
        for name, (w, c) in rows.items():
            print(
                f"  {name:52} {w:6.3f} s {mb / w:6.2f} MB/s {w / wall - 1:+6.0%}"
                f" | {c:6.3f} s {c / cpu - 1:+6.0%}"
            )


if __name__ == "__main__":
    main()

"""What the Python API costs over the Rust pipeline, on the same generated
2 KB news documents and the same threads (docs/experiments.md, "Python
bindings").

    python bindings/python/bench/overhead.py [--docs 1000] [--threads 1 2] [--runs 7]

Rows: the analysis alone in Rust (``Pipeline::try_analyze_into`` on the
bindings' rayon pool, nothing converted), the same plus the JSON lines
(what ``kazakh annotate`` does per document), ``annotate_batch`` (dicts
built in Rust), and ``json.loads`` of the JSON lines. Best of ``--runs``.
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


def best(f: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return min(times)


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
        rows = {
            "Rust: analysis": best(lambda: native._analyze_only(texts, th), args.runs),
            "Rust: analysis + JSON lines (annotate_batch_json)": best(
                lambda: p.annotate_batch_json(texts, th), args.runs
            ),
            "annotate_batch (dicts built in Rust)": best(lambda: p.annotate_batch(texts, th), args.runs),
            "annotate_batch_json + json.loads": best(
                lambda: [json.loads(s) for s in p.annotate_batch_json(texts, th)], args.runs
            ),
        }
        base = rows["Rust: analysis"]
        print(f"threads={th}")
        for name, t in rows.items():
            print(f"  {name:52} {t:7.3f} s {mb / t:6.2f} MB/s  {t / base - 1:+6.0%}")


if __name__ == "__main__":
    main()

"""Parity with the command: every document, serialized compactly by
Python's ``json``, is byte for byte the line ``kazakh annotate --format
jsonl --offsets chars`` writes for it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import kazakh
from conftest import REPO, run_cli
from corpus import documents, write_jsonl

N = 1000


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def with_meta(doc: Any, meta: Any) -> Any:
    doc["meta"] = meta
    return doc


@pytest.fixture(scope="module")
def corpus_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    texts = list(documents(N))
    path = tmp_path_factory.mktemp("parity") / "docs.jsonl"
    write_jsonl(path, texts)
    return path, texts


def example_files() -> list[Path]:
    files = sorted((REPO / "examples").glob("*.txt"))
    assert files, "examples/*.txt"
    return files


@pytest.mark.parametrize("path", example_files(), ids=lambda p: p.name)
@pytest.mark.parametrize("offsets", ["chars", "bytes"])
def test_examples(cli: Path, path: Path, offsets: str) -> None:
    text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    (line,) = run_cli(cli, "annotate", "--format", "jsonl", "--offsets", offsets, str(path))
    p = kazakh.Pipeline(offsets=offsets)  # type: ignore[arg-type]
    assert dumps(p.annotate(text)) == line
    assert p.annotate_json(text) == line
    assert [dumps(d) for d in p.annotate_batch([text, text], 2)] == [line, line]


def test_generated_corpus(cli: Path, corpus_file: tuple[Path, list[str]]) -> None:
    path, texts = corpus_file
    lines = run_cli(cli, "annotate", "--input-format", "jsonl", "--offsets", "chars", str(path))
    assert len(lines) == N
    batch = kazakh.annotate_batch(texts)
    single = [kazakh.annotate(t) for t in texts]
    for i, line in enumerate(lines):
        assert dumps(with_meta(batch[i], {"id": i})) == line, f"document {i} (batch)"
        assert dumps(with_meta(single[i], {"id": i})) == line, f"document {i}"
    jsons = kazakh.Pipeline().annotate_batch_json(texts, 1)
    assert [j[:-1] + f',"meta":{{"id":{i}}}}}' for i, j in enumerate(jsons)] == lines


def test_generated_corpus_normalized(cli: Path, corpus_file: tuple[Path, list[str]]) -> None:
    path, texts = corpus_file
    lines = run_cli(
        cli, "annotate", "--normalize", "--input-format", "jsonl", "--offsets", "chars", str(path)
    )
    docs = kazakh.Pipeline(normalize=True).annotate_batch(texts, 2)
    assert [dumps(with_meta(d, {"id": i})) for i, d in enumerate(docs)] == lines


def test_arrow_columns_and_writer(cli: Path, corpus_file: tuple[Path, list[str]]) -> None:
    # The Ray path without a cluster: one Arrow batch through the function
    # map_batches runs, then the writer's lines.
    pa = pytest.importorskip("pyarrow")
    kray = pytest.importorskip("kazakh.ray")
    path, texts = corpus_file
    lines = run_cli(cli, "annotate", "--input-format", "jsonl", "--offsets", "chars", str(path))
    table = pa.table({"id": list(range(N)), "text": texts})
    out = kray._annotate_table(table, text_column="text", date_column=None, normalize=False)
    assert out.column_names == ["id", "text", "sentences", "tokens", "entities", "numbers"]
    for name in kray.ANNOTATION_COLUMNS:
        assert out.schema.field(name).type == kray.annotation_type(name)
    assert kray._lines(out, "text") == lines
    # Typed columns read back as the dicts of annotate.
    row = out.slice(7, 1).to_pylist()[0]
    doc = kazakh.annotate(texts[7])
    assert row["sentences"] == doc["sentences"] and row["entities"] == doc["entities"]
    assert [json.loads(n) for n in row["numbers"]] == doc["numbers"]


def test_dates_as_the_command_anchors_them(cli: Path, tmp_path: Path) -> None:
    texts = list(documents(200, seed=3))
    dates = [None if i % 3 == 0 else f"20{10 + i % 15}-0{1 + i % 9}-1{i % 10}" for i in range(200)]
    path = tmp_path / "dated.jsonl"
    write_jsonl(path, texts, dates=dates)
    common = ["annotate", "--input-format", "jsonl", "--offsets", "chars", str(path)]
    # One date for all.
    lines = run_cli(cli, *common, "--date", "2024-05-12")
    metas = [{"date": d, "id": i} for i, d in enumerate(dates)]
    docs = kazakh.Pipeline(date="2024-05-12").annotate_batch(texts, 2)
    assert [dumps(with_meta(d, m)) for d, m in zip(docs, metas)] == lines
    # A date per document, the default where it is null.
    lines = run_cli(cli, *common, "--date", "2024-05-12", "--date-field", "date")
    docs = kazakh.Pipeline(date="2024-05-12").annotate_batch(texts, 2, dates=dates)
    assert [dumps(with_meta(d, m)) for d, m in zip(docs, metas)] == lines
    # The Ray path: a date column.
    pa = pytest.importorskip("pyarrow")
    kray = pytest.importorskip("kazakh.ray")
    lines = run_cli(cli, *common, "--date-field", "date")
    table = pa.table({"id": list(range(200)), "date": dates, "text": texts})
    out = kray._annotate_table(table, text_column="text", date_column="date", normalize=False)
    assert kray._lines(out, "text") == lines
    assert any('"value":"20' in line for line in lines)

"""Corpus runs on a Ray cluster: ``annotate`` adds the analysis of a text
column to a Ray Dataset, ``write_jsonl`` writes the result as the JSON lines
``kazakh annotate --format jsonl --offsets chars --input-format jsonl``
writes for the same records.

The annotations are four columns in the project's schema (docs/schema.md):
``sentences``, ``tokens`` and ``entities`` as lists of typed structs, and
``numbers`` as a list of JSON objects (strings), since a number's ``value``
is an integer of any size, a double, a date string or null, which one Arrow
type cannot hold exactly.

>>> import ray, kazakh.ray
>>> ds = ray.data.read_json("corpus/")                    # doctest: +SKIP
>>> kazakh.ray.write_jsonl(kazakh.ray.annotate(ds), "out.jsonl")  # doctest: +SKIP

The workers import ``kazakh`` like any module: install the wheel on every
node, or ship it with ``ray.init(runtime_env={"py_modules": [WHEEL]})``.
"""

from __future__ import annotations

import datetime
import functools
import json
from typing import Any, Iterator, cast

import pyarrow as pa
import ray.data

from kazakh import SCHEMA_VERSION, Pipeline

__all__ = ["ANNOTATION_COLUMNS", "annotate", "annotation_type", "to_jsonl", "write_jsonl"]

ANNOTATION_COLUMNS = ("sentences", "tokens", "entities", "numbers")

_SENTENCE = pa.struct(
    [("start", pa.int64()), ("end", pa.int64()), ("tokens", pa.list_(pa.int64()))]
)
_TOKEN = pa.struct(
    [
        ("text", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("kind", pa.string()),
        ("lemma", pa.string()),
    ]
)
_ENTITY = pa.struct(
    [
        ("text", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("label", pa.string()),
        ("lemma", pa.string()),
        ("score", pa.float64()),
    ]
)
_TYPES = {
    "sentences": pa.list_(_SENTENCE),
    "tokens": pa.list_(_TOKEN),
    "entities": pa.list_(_ENTITY),
    "numbers": pa.list_(pa.string()),
}

# One pipeline per worker process and options, made at its first batch.
_PIPELINES: dict[bool, Pipeline] = {}


def annotation_type(column: str) -> pa.DataType:
    """The Arrow type of one of :data:`ANNOTATION_COLUMNS`."""
    return _TYPES[column]


def _pipeline(normalize: bool) -> Pipeline:
    p = _PIPELINES.get(normalize)
    if p is None:
        p = _PIPELINES.setdefault(normalize, Pipeline(normalize=normalize, threads=1))
    return p


def _date_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.strftime("%Y-%m-%d")
    text = str(value)
    # An ISO 8601 date and time: its date, as `kazakh annotate --date-field`
    # takes it.
    if len(text) > 10 and text[10] in "T ":
        return text[:10]
    return text


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _annotate_table(
    table: pa.Table, *, text_column: str, date_column: str | None, normalize: bool
) -> pa.Table:
    """One batch: the input columns and the four annotation columns."""
    texts = table.column(text_column).to_pylist()
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise TypeError(f"column {text_column!r}: row {i} is not a string ({t!r})")
    dates = None
    if date_column is not None:
        dates = [_date_text(d) for d in table.column(date_column).to_pylist()]
    docs = _pipeline(normalize).annotate_batch(texts, 1, dates)
    columns: dict[str, list[Any]] = {
        "sentences": [d["sentences"] for d in docs],
        "tokens": [d["tokens"] for d in docs],
        "entities": [d["entities"] for d in docs],
        "numbers": [[_dumps(n) for n in d["numbers"]] for d in docs],
    }
    for name in ANNOTATION_COLUMNS:
        table = table.append_column(name, pa.array(columns[name], type=_TYPES[name]))
    return table


def annotate(
    ds: ray.data.Dataset,
    text_column: str = "text",
    date_column: str | None = None,
    *,
    normalize: bool = False,
    batch_size: int = 256,
) -> ray.data.Dataset:
    """The dataset with ``sentences``, ``tokens``, ``entities`` and
    ``numbers`` added, in char offsets into ``text_column``.

    Runs as ``map_batches`` over Arrow batches, one task per CPU, each with
    one thread and one :class:`kazakh.Pipeline` per worker process.
    ``date_column``: a column of dates (``"YYYY-MM-DD"`` strings or Arrow
    dates) that anchor each text's relative dates. A text over the size
    limit fails the run with :class:`kazakh.KazakhError`.
    """
    names = ds.columns(fetch_if_missing=False) or []
    clash = [c for c in ANNOTATION_COLUMNS if c in names]
    if clash:
        raise ValueError(f"the dataset already has annotation columns {clash}")
    fn = functools.partial(
        _annotate_table, text_column=text_column, date_column=date_column, normalize=normalize
    )
    return ds.map_batches(fn, batch_format="pyarrow", batch_size=batch_size)


def _lines(table: pa.Table, text_column: str) -> list[str]:
    """Each row as the line ``kazakh annotate`` writes for the record: the
    annotations, then the other columns as ``"meta"`` (keys sorted, as the
    command writes them)."""
    rows = table.to_pylist()
    meta_columns = [
        c for c in table.column_names if c not in ANNOTATION_COLUMNS and c != text_column
    ]
    out = []
    for row in rows:
        tokens = row["tokens"]
        for t in tokens:
            if t.get("lemma") is None:
                t.pop("lemma", None)
        meta = {c: row[c] for c in meta_columns}
        out.append(
            f'{{"schema":{SCHEMA_VERSION},"offsets":"chars"'
            f',"sentences":{_dumps(row["sentences"])}'
            f',"tokens":{_dumps(tokens)}'
            f',"entities":{_dumps(row["entities"])}'
            f',"numbers":[{",".join(row["numbers"])}]'
            f',"meta":{json.dumps(meta, ensure_ascii=False, separators=(",", ":"), sort_keys=True, default=str)}}}'
        )
    return out


def to_jsonl(ds: ray.data.Dataset, text_column: str = "text") -> ray.data.Dataset:
    """An annotated dataset as one column ``json``: each row the line of
    ``kazakh annotate --input-format jsonl --offsets chars`` (no newline),
    made on the workers."""

    def batch(table: pa.Table) -> pa.Table:
        return pa.table({"json": pa.array(_lines(table, text_column), type=pa.string())})

    return ds.map_batches(batch, batch_format="pyarrow")


def iter_jsonl(ds: ray.data.Dataset, text_column: str = "text") -> Iterator[str]:
    """The lines of :func:`to_jsonl`, streamed to the driver."""
    for table in to_jsonl(ds, text_column).iter_batches(batch_format="pyarrow"):
        yield from cast(pa.Table, table).column("json").to_pylist()


def write_jsonl(ds: ray.data.Dataset, path: str, text_column: str = "text") -> int:
    """Writes an annotated dataset to one JSON-lines file at ``path`` on the
    driver, in the order the rows arrive; returns the number of lines."""
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for line in iter_jsonl(ds, text_column):
            f.write(line)
            f.write("\n")
            n += 1
    return n

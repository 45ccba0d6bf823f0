"""Kazakh text processing: tokens, sentences, lemmas, numbers with exact
values and named entities, from the Rust library ``kazakh``.

Every result is made of plain dicts and lists in the project's one JSON
schema (docs/schema.md); ``annotate`` gives exactly the object that
``kazakh annotate --format jsonl --offsets chars`` writes for the text.
Offsets are ``str`` indices (``text[t["start"]:t["end"]]`` is the token)
unless ``offsets="bytes"`` is asked for (UTF-8 byte offsets).

>>> import kazakh
>>> doc = kazakh.annotate("Тоқаев Астанаға 1,5 млн теңге бөлді.")
>>> [t["text"] for t in doc["tokens"]][:2]
['Тоқаев', 'Астанаға']
"""

from __future__ import annotations

from typing import Iterable, Literal, NotRequired, Sequence, TypedDict, Union

from kazakh._kazakh import (
    DEFAULT_MAX_DOC_BYTES,
    SCHEMA_VERSION,
    KazakhError,
    NativePipeline,
    __version__,
)

__all__ = [
    "DEFAULT_MAX_DOC_BYTES",
    "SCHEMA_VERSION",
    "Document",
    "Entity",
    "KazakhError",
    "Number",
    "Pipeline",
    "Sentence",
    "Token",
    "TokenizedSentence",
    "__version__",
    "annotate",
    "annotate_batch",
    "entities",
    "lemmatize",
    "numbers",
    "sentences",
    "tokenize",
]

OffsetUnit = Literal["chars", "bytes"]


class Token(TypedDict):
    """One token: its text, offsets, kind and (in documents) lemma."""

    text: str
    start: int
    end: int
    kind: str
    lemma: NotRequired[str]


class Sentence(TypedDict):
    """A sentence of a document: offsets and ``[first, end)`` token indices."""

    start: int
    end: int
    tokens: list[int]


class TokenizedSentence(TypedDict):
    """A sentence with its tokens inline (``kazakh tokenize --format jsonl``)."""

    start: int
    end: int
    tokens: list[Token]


class Entity(TypedDict):
    """A person, place or organization, with its nominative ``lemma``."""

    text: str
    start: int
    end: int
    label: str
    lemma: str
    score: float


# A value is an exact integer, a double, a date string (temporal kinds) or
# None (overflow).
Value = Union[int, float, str, None]


class Number(TypedDict):
    """A number, amount, date, time, duration or set; ``value``, or ``min``
    and ``max`` for a range (docs/schema.md lists every field)."""

    text: str
    start: int
    end: int
    kind: str
    value: NotRequired[Value]
    value_exact: NotRequired[str]
    min: NotRequired[Value]
    max: NotRequired[Value]
    min_exact: NotRequired[str]
    max_exact: NotRequired[str]
    overflow: NotRequired[bool]
    unit: NotRequired[str]
    approx: NotRequired[str]
    offset: NotRequired[str]
    nearest: NotRequired[str]
    mod: NotRequired[str]
    bound: NotRequired[str]


Document = TypedDict(
    "Document",
    {
        "schema": int,
        "offsets": str,
        "sentences": list[Sentence],
        "tokens": list[Token],
        "entities": list[Entity],
        "numbers": list[Number],
        "meta": NotRequired[object],
    },
)
Document.__doc__ = "One analysed text, as ``kazakh annotate --format jsonl`` writes it."


class Pipeline:
    """The analysis with its options, made once and used for any number of
    texts, from any number of threads.

    ``normalize``: analyse the normalized text (look-alike Latin letters,
    quotes, invisible characters, NFC); offsets still refer to the input.
    ``offsets``: ``"chars"`` (``str`` indices, the default) or ``"bytes"``
    (UTF-8). ``date``: ``"YYYY-MM-DD"``, the date that relative dates in the
    texts are anchored to. ``max_bytes``: the longest text accepted (UTF-8
    bytes), None for no limit; a longer one raises :class:`KazakhError`.
    ``threads``: the default of :meth:`annotate_batch` (None: all cores).
    """

    def __init__(
        self,
        *,
        normalize: bool = False,
        offsets: OffsetUnit = "chars",
        date: str | None = None,
        max_bytes: int | None = DEFAULT_MAX_DOC_BYTES,
        threads: int | None = None,
    ) -> None:
        if threads is not None and threads < 1:
            raise ValueError("threads must be at least 1")
        self._normalize = normalize
        self._max_bytes = max_bytes
        self._full = NativePipeline(
            normalize=normalize, offsets=offsets, date=date, max_bytes=max_bytes
        )
        self._stages: dict[str, NativePipeline] = {}
        self.threads = threads

    def __repr__(self) -> str:
        return (
            f"Pipeline(normalize={self._normalize!r}, offsets={self.offsets!r}, "
            f"date={self.date!r}, max_bytes={self._max_bytes!r}, threads={self.threads!r})"
        )

    @property
    def offsets(self) -> str:
        """``"chars"`` or ``"bytes"``."""
        return self._full.offsets

    @property
    def date(self) -> str | None:
        """The anchoring date, or None."""
        return self._full.date

    def _stage(self, name: Literal["tokens", "lemmas", "numbers", "entities"]) -> NativePipeline:
        """A pipeline that runs only the stages ``name`` needs."""
        native = self._stages.get(name)
        if native is None:
            native = NativePipeline(
                normalize=self._normalize,
                offsets=self.offsets,
                date=self.date,
                max_bytes=self._max_bytes,
                lemmas=name == "lemmas",
                numbers=name == "numbers",
                entities=name == "entities",
            )
            self._stages[name] = native
        return native

    def annotate(self, text: str, date: str | None = None) -> Document:
        """Sentences, tokens with lemmas, entities and numbers of ``text``."""
        doc: Document = self._full.annotate(text, date)
        return doc

    def annotate_json(self, text: str, date: str | None = None) -> str:
        """:meth:`annotate` as one compact JSON line (no newline), byte for
        byte the line ``kazakh annotate --format jsonl`` writes."""
        return self._full.annotate_json(text, date)

    def annotate_batch(
        self,
        texts: Iterable[str],
        threads: int | None = None,
        dates: Sequence[str | None] | None = None,
    ) -> list[Document]:
        """:meth:`annotate` of every text, in order, on ``threads`` threads
        (default: the pipeline's, else all cores) with the GIL released.
        ``dates``: one anchoring date (or None) per text."""
        docs: list[Document] = self._full.annotate_batch(
            texts if isinstance(texts, list) else list(texts),
            threads if threads is not None else self.threads,
            list(dates) if dates is not None else None,
        )
        return docs

    def annotate_batch_json(
        self,
        texts: Iterable[str],
        threads: int | None = None,
        dates: Sequence[str | None] | None = None,
    ) -> list[str]:
        """:meth:`annotate_batch` as JSON lines (no newlines)."""
        if not isinstance(texts, list):
            texts = list(texts)
        return self._full.annotate_batch_json(
            texts,
            threads if threads is not None else self.threads,
            list(dates) if dates is not None else None,
        )

    def tokenize(self, text: str) -> list[Token]:
        """The tokens of ``text``: ``text``, ``start``, ``end``, ``kind``."""
        doc: Document = self._stage("tokens").annotate(text)
        return doc["tokens"]

    def sentences(self, text: str) -> list[TokenizedSentence]:
        """The sentences of ``text``, each with its tokens."""
        doc: Document = self._stage("tokens").annotate(text)
        tokens = doc["tokens"]
        return [
            {"start": s["start"], "end": s["end"], "tokens": tokens[s["tokens"][0] : s["tokens"][1]]}
            for s in doc["sentences"]
        ]

    def lemmatize(self, text: str) -> list[Token]:
        """The tokens of ``text``, each with its ``lemma``."""
        doc: Document = self._stage("lemmas").annotate(text)
        return doc["tokens"]

    def entities(self, text: str) -> list[Entity]:
        """People (PER), places (LOC) and organizations (ORG) in ``text``."""
        doc: Document = self._stage("entities").annotate(text)
        return doc["entities"]

    def numbers(self, text: str, date: str | None = None) -> list[Number]:
        """Numbers, amounts, percentages and dates in ``text``, with values."""
        doc: Document = self._stage("numbers").annotate(text, date)
        return doc["numbers"]


_DEFAULT: dict[str, Pipeline] = {}


def _default(offsets: OffsetUnit) -> Pipeline:
    p = _DEFAULT.get(offsets)
    if p is None:
        p = _DEFAULT.setdefault(offsets, Pipeline(offsets=offsets))
    return p


def tokenize(text: str, *, offsets: OffsetUnit = "chars") -> list[Token]:
    """The tokens of ``text`` (see :meth:`Pipeline.tokenize`)."""
    return _default(offsets).tokenize(text)


def sentences(text: str, *, offsets: OffsetUnit = "chars") -> list[TokenizedSentence]:
    """The sentences of ``text`` with their tokens."""
    return _default(offsets).sentences(text)


def lemmatize(text: str, *, offsets: OffsetUnit = "chars") -> list[Token]:
    """The tokens of ``text`` with their lemmas."""
    return _default(offsets).lemmatize(text)


def entities(text: str, *, offsets: OffsetUnit = "chars") -> list[Entity]:
    """The named entities of ``text``."""
    return _default(offsets).entities(text)


def numbers(text: str, date: str | None = None, *, offsets: OffsetUnit = "chars") -> list[Number]:
    """The numbers of ``text``; ``date`` anchors relative dates."""
    return _default(offsets).numbers(text, date)


def annotate(text: str, date: str | None = None, *, offsets: OffsetUnit = "chars") -> Document:
    """Everything at once, in the schema of ``kazakh annotate``."""
    return _default(offsets).annotate(text, date)


def annotate_batch(
    texts: Iterable[str],
    threads: int | None = None,
    *,
    dates: Sequence[str | None] | None = None,
    offsets: OffsetUnit = "chars",
) -> list[Document]:
    """:func:`annotate` of many texts on ``threads`` threads (default: all
    cores), with the GIL released while they are analysed."""
    return _default(offsets).annotate_batch(texts, threads, dates)

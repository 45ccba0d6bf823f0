"""The Python API: results, offsets, options and errors."""

from __future__ import annotations

import threading

import pytest

import kazakh

TEXT = (
    "Қасым-Жомарт Тоқаев Ақтөбе облысына барды. Экспорт 15%-ға өсті.Бюджет "
    "1 трлн 125,6 млрд теңге болды. Математикалық 𝔸 әрпі 😀 жазылды."
)


def test_tokens_slice_the_python_string() -> None:
    tokens = kazakh.tokenize(TEXT)
    assert [t["text"] for t in tokens][:4] == ["Қасым-Жомарт", "Тоқаев", "Ақтөбе", "облысына"]
    for t in tokens:
        assert TEXT[t["start"] : t["end"]] == t["text"]
        assert set(t) == {"text", "start", "end", "kind"}
    kinds = {t["text"]: t["kind"] for t in tokens}
    assert kinds["15%-ға"] == "number" and kinds["."] == "punct" and kinds["𝔸"] != "punct"


def test_byte_offsets_on_request() -> None:
    data = TEXT.encode()
    tokens = kazakh.tokenize(TEXT, offsets="bytes")
    assert len(tokens) == len(kazakh.tokenize(TEXT))
    for t in tokens:
        assert data[t["start"] : t["end"]].decode() == t["text"]
    doc = kazakh.annotate(TEXT, offsets="bytes")
    assert doc["offsets"] == "bytes"
    for e in doc["entities"]:
        assert data[e["start"] : e["end"]].decode() == e["text"]


def test_sentences_carry_their_tokens() -> None:
    sents = kazakh.sentences(TEXT)
    assert len(sents) == 4
    assert [t for s in sents for t in s["tokens"]] == kazakh.tokenize(TEXT)
    for s in sents:
        assert s["tokens"][0]["start"] == s["start"] and s["tokens"][-1]["end"] == s["end"]
    assert TEXT[sents[2]["start"] : sents[2]["end"]].startswith("Бюджет")


def test_lemmas_entities_numbers() -> None:
    lemmas = {t["text"]: t["lemma"] for t in kazakh.lemmatize(TEXT)}
    assert lemmas["облысына"] == "облыс"
    ents = kazakh.entities(TEXT)
    assert [(e["text"], e["label"], e["lemma"]) for e in ents][:2] == [
        ("Қасым-Жомарт Тоқаев", "PER", "Қасым-Жомарт Тоқаев"),
        ("Ақтөбе облысына", "LOC", "Ақтөбе облысы"),
    ]
    assert all(0.0 <= e["score"] <= 1.0 for e in ents)
    nums = kazakh.numbers(TEXT)
    assert [(n["text"], n["kind"], n.get("value"), n.get("unit")) for n in nums] == [
        ("15%-ға", "percent", 15, "%"),
        ("1 трлн 125,6 млрд теңге", "money", 1125600000000, "KZT"),
    ]
    for n in nums:
        assert TEXT[n["start"] : n["end"]] == n["text"]


def test_annotate_is_the_schema_and_agrees_with_the_parts() -> None:
    doc = kazakh.annotate(TEXT)
    assert list(doc) == ["schema", "offsets", "sentences", "tokens", "entities", "numbers"]
    assert doc["schema"] == kazakh.SCHEMA_VERSION >= 1 and doc["offsets"] == "chars"
    assert [{k: v for k, v in t.items() if k != "lemma"} for t in doc["tokens"]] == kazakh.tokenize(TEXT)
    assert doc["tokens"] == kazakh.lemmatize(TEXT)
    assert doc["entities"] == kazakh.entities(TEXT)
    assert doc["numbers"] == kazakh.numbers(TEXT)
    first, end = doc["sentences"][1]["tokens"]
    assert isinstance(doc["sentences"][1]["tokens"], list)
    assert doc["tokens"][first]["text"] == "Экспорт" and doc["tokens"][end - 1]["text"] == "."


def test_big_and_exact_values_keep_their_digits() -> None:
    nums = kazakh.numbers("Қарыз 12345678901234567891 теңге, үлес 0,1 пайыз болды.")
    big = next(n for n in nums if n["kind"] == "money")
    assert big["value"] == 12345678901234567891 and big["value_exact"] == "12345678901234567891"
    assert isinstance(big["value"], int)


def test_normalization_keeps_offsets_in_the_input() -> None:
    text = "бiрi келдi"  # Latin i
    p = kazakh.Pipeline(normalize=True)
    doc = p.annotate(text)
    t = doc["tokens"][1]
    assert text[t["start"] : t["end"]] == t["text"] == "келдi"
    assert t["lemma"] == "кел"
    assert kazakh.annotate(text)["tokens"][1]["lemma"] != "кел"


def test_batch_equals_one_by_one_in_order() -> None:
    texts = [TEXT, "", "Бір.", TEXT[::-1], "Екі үш."] * 7
    one = [kazakh.annotate(t) for t in texts]
    for threads in (None, 1, 2, 3):
        assert kazakh.annotate_batch(texts, threads) == one
    assert kazakh.annotate_batch(iter(texts), 2) == one
    assert kazakh.annotate_batch([]) == []
    p = kazakh.Pipeline(threads=2)
    assert p.annotate_batch_json(texts[:3]) == [p.annotate_json(t) for t in texts[:3]]


def test_library_errors_raise_with_the_one_line_message() -> None:
    p = kazakh.Pipeline(max_bytes=8)
    assert p.annotate("Бір.")["tokens"][0]["text"] == "Бір"
    with pytest.raises(kazakh.KazakhError) as e:
        p.annotate("Бір екі үш.")
    assert str(e.value) == "document of 19 bytes is longer than the limit of 8 bytes"
    assert isinstance(e.value, ValueError)
    with pytest.raises(kazakh.KazakhError, match=r"^texts\[1\]: document of 19 bytes is longer"):
        p.annotate_batch(["Бір.", "Бір екі үш."], threads=2)
    with pytest.raises(kazakh.KazakhError, match=r"^texts\[1\]: "):
        p.annotate_batch_json(["Бір.", "Бір екі үш."], threads=1)
    assert kazakh.Pipeline(max_bytes=None).annotate("Бір екі үш.")["tokens"]


def test_bad_arguments_raise_python_exceptions() -> None:
    with pytest.raises(UnicodeEncodeError):
        kazakh.annotate("жол \ud800 жол")
    with pytest.raises(UnicodeEncodeError):
        kazakh.annotate_batch(["дұрыс", "\udcff"])
    with pytest.raises(TypeError):
        kazakh.annotate(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"texts\[1\] is not a str"):
        kazakh.annotate_batch(["бір", 2])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="offsets"):
        kazakh.Pipeline(offsets="words")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="threads"):
        kazakh.annotate_batch(["бір"], threads=0)
    with pytest.raises(ValueError, match="threads"):
        kazakh.Pipeline(threads=0)
    with pytest.raises(ValueError, match="2 dates for 1 texts"):
        kazakh.Pipeline().annotate_batch(["бір"], dates=[None, None])


def test_one_pipeline_from_many_threads() -> None:
    p = kazakh.Pipeline()
    texts = [f"{TEXT} {i} мың теңге." for i in range(40)]
    want = [kazakh.annotate(t) for t in texts]
    got: dict[int, object] = {}

    def work(k: int) -> None:
        for i in range(k, len(texts), 4):
            got[i] = p.annotate(texts[i]) if i % 2 else p.annotate_batch([texts[i]], 1)[0]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [got[i] for i in range(len(texts))] == want


RELATIVE = "Кеше 5 мың теңге берілді. Биыл 12 мамырда жиналыс өтті."


def dates_of(nums: list[kazakh.Number]) -> list[object]:
    return [n.get("value") for n in nums if n["kind"] == "date"]


def test_number_fields_are_the_declared_ones() -> None:
    # Every field of a number object is one that `kazakh.Number` declares,
    # the nearest-before field of a last February among them.
    text = "Өткен ақпанда бағасы 5%-ға, былтыр 2 млн теңгеге өсті."
    nums = kazakh.numbers(text)
    declared = set(kazakh.Number.__annotations__)
    for n in nums:
        assert set(n) <= declared, n
    assert [n.get("nearest") for n in nums if n["kind"] == "date"][0] == "before"
    assert dates_of(kazakh.numbers(text, "2024-06-15"))[0] == "2024-02"


def test_date_anchors_relative_dates() -> None:
    assert dates_of(kazakh.numbers(RELATIVE)) == ["XXXX-XX-XX", "XXXX", "XXXX-05-12"]
    anchored = ["2024-05-11", "2024", "2024-05-12"]
    assert dates_of(kazakh.numbers(RELATIVE, "2024-05-12")) == anchored
    assert dates_of(kazakh.annotate(RELATIVE, date="2024-05-12")["numbers"]) == anchored
    p = kazakh.Pipeline(date="2024-05-12")
    assert p.date == "2024-05-12"
    assert dates_of(p.numbers(RELATIVE)) == anchored
    assert dates_of(p.annotate(RELATIVE)["numbers"]) == anchored
    # A call's date takes the place of the pipeline's.
    assert dates_of(p.annotate(RELATIVE, date="2020-01-01")["numbers"])[0] == "2019-12-31"
    docs = kazakh.annotate_batch([RELATIVE] * 3, 2, dates=["2024-05-12", None, "2020-01-01"])
    assert [dates_of(d["numbers"])[0] for d in docs] == ["2024-05-11", "XXXX-XX-XX", "2019-12-31"]
    docs = p.annotate_batch([RELATIVE] * 2, 1, dates=[None, "2020-01-01"])
    assert [dates_of(d["numbers"])[0] for d in docs] == ["2024-05-11", "2019-12-31"]


def test_bad_date_raises_the_library_error() -> None:
    with pytest.raises(kazakh.KazakhError, match=r'^invalid date "2024-13-45": expected an existing date as YYYY-MM-DD$'):
        kazakh.annotate("Бір.", date="2024-13-45")
    with pytest.raises(kazakh.KazakhError, match="invalid date"):
        kazakh.Pipeline(date="12.05.2024")
    with pytest.raises(kazakh.KazakhError, match="invalid date"):
        kazakh.annotate_batch(["Бір.", "Екі."], dates=[None, "2023-02-29"])


def test_without_date_nothing_depends_on_it() -> None:
    assert kazakh.Pipeline().date is None
    assert kazakh.annotate_batch(["Бір."], dates=[None]) == [kazakh.annotate("Бір.")]


def test_hostile_input_neither_crashes_nor_hangs_the_interpreter() -> None:
    for text in ["1-" * 50_000, "\x00" * 1000, "а" * 200_000, "🇰🇿" * 5000, ".\u0301" * 5000]:
        doc = kazakh.annotate(text)
        assert doc["tokens"] and all(text[t["start"] : t["end"]] == t["text"] for t in doc["tokens"])
    too_long = "а" * (kazakh.DEFAULT_MAX_DOC_BYTES // 2 + 1)
    with pytest.raises(kazakh.KazakhError, match="longer than the limit"):
        kazakh.annotate(too_long)

"""Generated news-like Kazakh documents for the parity, cluster and
throughput checks: deterministic for a seed, about ``size`` bytes each,
with the cases that make char and byte offsets differ (Cyrillic, characters
outside the BMP, combining marks, invisible characters) and the cases the
library treats specially (amounts, percentages, ranges, abbreviations, a
period without a space, URLs, look-alike Latin letters)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Iterator

PEOPLE = ["Қасым-Жомарт Тоқаев", "Е.Н. Оразов", "Айгүл Сейітова", "Нұрлан Ермекұлы", "Б. Момышұлы"]
PLACES = ["Ақтөбе облысында", "Астанада", "Алматыда", "Шымкент қаласында", "Семейде", "Маңғыстау облысында"]
ORGS = ["«Ақ жол» партиясы", "ҚР Ұлттық банкі", "Статистика агенттігі", "«Қазақтелеком» АҚ"]
UNITS = ["млн теңге", "млрд теңге", "трлн теңге", "тонна", "доллар", "адам", "пайыз"]

TEMPLATES = [
    "{person} {place} жаңа зауыт ашты.",
    "{place} {year} жылы құны {dec} {unit} болатын нысан іске қосылды.Зауытта {int} адам жұмыс істейді.",
    "{org} мәліметінше, жылдық инфляция {dec}%-ға төмендеп, {dec2}% болды.",
    "Сарапшылар {year}-{year2} жылдары өсім {small}-{small2} пайыз шамасында болады деп күтеді.",
    "{org} базалық мөлшерлемені {int}%-дан {dec}%-ға дейін түсірді.",
    "Ол {decade}-жылдары салынған ғимараттарды жөндеуге {int} трлн {dec} млрд теңге қажет екенін айтты.",
    "Толығырақ: https://example.kz/news/{year} сайтында.",
    "Құрама {int}-інің орнынан {small}-ге жуық сатыға көтерілді.",
    "Бас бапкер: - Ойыншылар жақсы ойнады! - деді {person}.",
    "{place} {int} мыңнан астам жанкүйер жиналды 🇰🇿 😀.",
    "Экспорт {dec} млн долларға жетті (өткен жылы {dec2} млн).",
    "Ақпарат: info@example.kz, #жаңалықтар, @akorda_press.",
    "Бiрi келдi, екiншiсi кешiктi.",  # Latin i inside Cyrillic words
    "Мәтінде жұмсақ\u00adтасымал және\u200bкөрінбейтін таңба бар.",
    "Математикалық 𝔸 әрпі мен е\u0301 белгісі де кездеседі.",
    "Баға {int},{small} теңгеден {int2} теңгеге дейін өсті.",
    "«{org}» {day}.{month}.{year} жылы есеп берді.",
    "Тізім:\n1) бірінші;\n2) екінші;\tүшінші.",
    "Кеше {place} жиналыс өтті, биыл {day} мамырда тағы өтеді.",
]


def _fill(rng: random.Random, template: str) -> str:
    year = rng.randint(1990, 2030)
    return template.format(
        person=rng.choice(PEOPLE),
        place=rng.choice(PLACES),
        org=rng.choice(ORGS),
        unit=rng.choice(UNITS),
        year=year,
        year2=year + rng.randint(1, 5),
        dec=f"{rng.randint(1, 999)},{rng.randint(1, 9)}",
        dec2=f"{rng.randint(1, 99)},{rng.randint(0, 99)}",
        int=f"{rng.randint(1, 999)} {rng.randint(100, 999)}" if rng.random() < 0.3 else str(rng.randint(1, 5000)),
        int2=str(rng.randint(1, 99999)),
        small=rng.randint(1, 9),
        small2=rng.randint(10, 20),
        decade=rng.choice([20, 30, 40, 50, 60, 70, 80, 90]),
        day=f"{rng.randint(1, 28):02}",
        month=f"{rng.randint(1, 12):02}",
    )


def document(rng: random.Random, size: int = 2048) -> str:
    """One document of about ``size`` UTF-8 bytes: paragraphs of sentences."""
    parts: list[str] = []
    n = 0
    while n < size:
        sentence = _fill(rng, rng.choice(TEMPLATES))
        sep = "\n\n" if rng.random() < 0.15 else " "
        parts.append(sentence + sep)
        n += len(sentence.encode()) + len(sep)
    return "".join(parts).rstrip()


def documents(count: int, seed: int = 18, size: int = 2048) -> Iterator[str]:
    """``count`` documents; the first few are the edge cases (empty, blank,
    one character, no sentence end)."""
    rng = random.Random(seed)
    edge = ["", "   ", ".", "𝔸", "Сөйлем соңында нүкте жоқ", "\u00ad\u200b"]
    for i in range(count):
        yield edge[i] if i < len(edge) else document(rng, size)


def write_jsonl(
    path: Path, texts: list[str], first_id: int = 0, dates: list[str | None] | None = None
) -> None:
    """Records ``{"id": N, "text": …}`` (with ``"date"`` when ``dates`` are
    given), one per line."""
    with open(path, "w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            record: dict[str, object] = {"id": first_id + i}
            if dates is not None:
                record["date"] = dates[i]
            record["text"] = text
            f.write(json.dumps(record, ensure_ascii=False))
            f.write("\n")

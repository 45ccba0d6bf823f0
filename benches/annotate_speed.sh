#!/usr/bin/env bash
# Speed of `kazakh annotate` on text it has never seen (issue 20): every
# distinct paragraph and sentence beside the project (the same documents as
# `cargo bench --bench pipeline`, see benches/common/mod.rs), one JSON line
# each, through the release command with one and with two threads, best of
# three runs each; prints MB/s and the ratio of two threads to one.
#
#   bash benches/annotate_speed.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA="${KAZAKH_SHARED_DATA:-../shared/data}"
RUNS="${1:-3}"
[ -d "$DATA" ] || { echo "annotate_speed: $DATA not found (the corpora beside the project)"; exit 1; }
cargo build --release -q -p kazakh-cli
CORPUS=target/annotate-speed.jsonl
python3 - "$DATA" "$CORPUS" <<'PY'
import json, sys
data, out = sys.argv[1], sys.argv[2]
docs = open(f"{data}/kazqad/contexts.txt", encoding="utf8").read().split("\n")
for line in open(f"{data}/kazqad/kazqad-reading-comprehension-v1.0-kk-validation.jsonl", encoding="utf8"):
    docs.append(json.loads(line)["context"])
for block in open(f"{data}/kaznerd/with_sentID/IOB2_valid2.txt", encoding="utf8").read().split("\n\n"):
    words = [l.split()[0] for l in block.split("\n") if l.split()]
    docs.append(" ".join(w for w in words if not (len(w) > 3 and w[1:3] == "ID")))
for f in ["ud_kazakh-ktb/kk_ktb-ud-dev-from-test.conllu", "ud_kazakh-ktb/kk_ktb-ud-train.conllu",
          "apertium-kaz-texts/kaz-apertium-texts1-lemmas.conllu"]:
    docs += [l[9:].rstrip("\n") for l in open(f"{data}/{f}", encoding="utf8") if l.startswith("# text = ")]
seen, n = set(), 0
with open(out, "w", encoding="utf8") as w:
    for d in docs:
        if d.strip() and d not in seen:
            seen.add(d)
            n += len(d.encode())
            w.write(json.dumps({"text": d}, ensure_ascii=False) + "\n")
print(f"corpus: {len(seen)} documents, {n} bytes of text", file=sys.stderr)
PY
BYTES=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf8')))" "$CORPUS")
best() {
  local threads=$1 best=""
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s.%N)
    target/release/kazakh annotate --input-format jsonl --format jsonl --threads "$threads" "$CORPUS" >/dev/null
    end=$(date +%s.%N)
    best=$(python3 -c "a='$best'; t=$end-$start; print(t if not a else min(float(a), t))")
  done
  echo "$best"
}
T1=$(best 1)
T2=$(best 2)
python3 -c "
b=$BYTES; t1=$T1; t2=$T2
print(f'one thread: {b/t1/1e6:.2f} MB/s ({t1:.2f} s)')
print(f'two threads: {b/t2/1e6:.2f} MB/s ({t2:.2f} s), {t1/t2:.2f}x one thread')
"

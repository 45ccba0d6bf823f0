#!/usr/bin/env python3
"""Checks of sentence splitting beyond UD Kazakh (issue 19); stdlib only.

  apertium SRC.conllu > OUT.conllu
      Rebuilds the text of each Apertium sentence from its tokens (no space
      before . , ; : ! ? ) », none after ( «), keeps `sent_id` (its part
      before ':' names the article, which `kazakh eval tokens` reads as a
      document) and drops empty forms, so that
      `kazakh eval tokens --gold OUT.conllu` scores the split.

  changed OLD_BINARY NEW_BINARY [N SEED]
      Prints the sentence ends that differ between two builds of the
      `kazakh` command on the distinct KazQAD passages (all of them, or N
      drawn with SEED), with the text around each, to be read by hand.

Paths to the data default to ../shared/data beside the workspace
(KAZAKH_SHARED_DATA overrides). Nothing here is shipped or learned from.
"""

import json
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.environ.get(
    "KAZAKH_SHARED_DATA", os.path.join(ROOT, "..", "shared", "data")
)
NO_SPACE_BEFORE = {".", ",", ";", ":", "!", "?", ")", "»", "...", "…"}
NO_SPACE_AFTER = {"(", "«"}


def join_tokens(tokens):
    text = ""
    for i, tok in enumerate(tokens):
        if i and tok not in NO_SPACE_BEFORE and tokens[i - 1] not in NO_SPACE_AFTER:
            text += " "
        text += tok
    return text


def apertium(src):
    blocks = open(src, encoding="utf-8").read().split("\n\n")
    out = []
    for block in blocks:
        lines = [line for line in block.split("\n") if line]
        sent_id = next((line for line in lines if line.startswith("# sent_id")), None)
        if sent_id is None:
            continue
        tokens = []
        for line in lines:
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            form = cols[1].strip()
            if form:
                tokens.append(form)
        if not tokens:
            continue
        rows = []
        for part in (p for tok in tokens for p in tok.split(" ") if p):
            rows.append(f"{len(rows) + 1}\t{part}" + "\t_" * 8)
        out.append(f"{sent_id}\n# text = {join_tokens(tokens)}\n" + "\n".join(rows) + "\n")
    sys.stdout.write("\n".join(out) + "\n")


def passages():
    seen, paras = set(), []
    kazqad = os.path.join(DATA, "kazqad")
    for line in open(os.path.join(kazqad, "contexts.txt"), encoding="utf-8"):
        p = line.strip()
        if p and p not in seen:
            seen.add(p)
            paras.append(p)
    jsonl = os.path.join(kazqad, "kazqad-reading-comprehension-v1.0-kk-validation.jsonl")
    for line in open(jsonl, encoding="utf-8"):
        p = json.loads(line)["context"].strip()
        if p and p not in seen:
            seen.add(p)
            paras.append(p)
    return "\n\n".join(paras)


def ends(binary, text):
    out = subprocess.run(
        [binary, "tokenize", "--format", "jsonl", "--offsets", "chars"],
        input=text, capture_output=True, text=True, check=True,
    ).stdout
    return {json.loads(line)["end"] for line in out.splitlines() if line.strip()}


def changed(old, new, n=None, seed=1):
    text = passages()
    before, after = ends(old, text), ends(new, text)
    rows = []
    for e in sorted(before ^ after):
        what = "added  " if e in after else "removed"
        left = text[max(0, e - 50):e].replace("\n", " ")
        right = text[e:e + 35].replace("\n", " ")
        rows.append(f"{what} | {left} ‖ {right}")
    print(f"{len(before)} ends before, {len(after)} after: "
          f"{len(before - after)} removed, {len(after - before)} added", file=sys.stderr)
    if n is not None:
        random.seed(seed)
        rows = random.sample(rows, min(n, len(rows)))
    for row in rows:
        print(row)


def main(args):
    if len(args) == 2 and args[0] == "apertium":
        apertium(args[1])
    elif len(args) in (3, 5) and args[0] == "changed":
        n, seed = (int(args[3]), int(args[4])) if len(args) == 5 else (None, 1)
        changed(args[1], args[2], n, seed)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])

//! Word classes learned from unlabelled prose, for the entity tagger's
//! features: a class bigram model fitted by exchange (Kneser and Ney 1993,
//! Martin, Liermann and Ney 1998), then the classes merged bottom-up by
//! the same likelihood into a binary tree (Brown et al. 1992), so that a
//! class is a bit string and its prefixes are coarser classes.
//!
//! Sources (read from `../shared/data`, never copied):
//!
//! * KazQAD's passages (`kazqad/contexts.txt` and the `context` fields of
//!   the validation jsonl, each distinct passage once; CC BY-SA 4.0,
//!   ISSAI);
//! * KazNERD's sentences (`kaznerd/with_sentID/IOB2_valid2.txt`, the words
//!   only, each distinct sentence once; CC BY 4.0, ISSAI).
//!
//! UD Kazakh and the Apertium texts are not read: their terms allow
//! measuring with them, not shipping what is derived from them.
//!
//! Words are lowered; a token with a digit is one word `<num>`, every
//! other character that is no letter or digit a word of its own, and the
//! words seen fewer than [`MIN_COUNT`] times one word `<rare>`. Each
//! passage or sentence is framed by `<s>`. The table lists the lowered
//! words of letters (and hyphens) with their class; the class paths are
//! listed apart.
//!
//! Exchange: the words, most frequent first, start in classes `0, 1, …,
//! C − 1, C − 1, …`; each pass moves every word in that order to the class
//! that most raises the class bigram log-likelihood
//! `Σ N(c, d) log N(c, d) − Σ N(c) log N(c) − Σ N(d) log N(d)`, until a pass
//! moves no word or after [`MAX_PASSES`]. The merge then joins, [`CLASSES`]
//! − 1 times, the two classes whose union loses least of that likelihood
//! (the losses kept up to date pair by pair, cubic in the classes). The
//! first of a merged pair takes bit 0, the second bit 1. Ties go to the
//! lower index, so the result is the same on every run.

use std::collections::HashMap;
use std::fmt::Write as _;

/// Path of the generated table relative to the workspace root.
pub const PATH: &str = "src/ner/cluster_table.rs";
/// Number of classes of the exchange.
pub const CLASSES: usize = 256;
/// Fewest occurrences for a word to be classed on its own.
pub const MIN_COUNT: u32 = 3;
/// Most passes of the exchange.
const MAX_PASSES: usize = 12;

const BOUNDARY: &str = "<s>";
const NUMBER: &str = "<num>";
const RARE: &str = "<rare>";

/// The tokens of one passage, lowered: words of letters with inner
/// hyphens, `<num>` for a token with a digit, one token per other
/// character.
pub fn tokens(text: &str, out: &mut Vec<String>) {
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        let w = word.trim_end_matches('-');
        if !w.is_empty() {
            if w.chars().any(|c| c.is_numeric()) {
                out.push(NUMBER.to_string());
            } else {
                out.push(w.to_lowercase());
            }
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() || (c == '-' && !word.is_empty()) {
            word.push(c);
        } else {
            flush(&mut word, out);
            if !c.is_whitespace() {
                out.push(c.to_string());
            }
        }
    }
    flush(&mut word, out);
}

/// Whether a lowered word goes into the table: letters with inner hyphens.
fn listed(w: &str) -> bool {
    w.split('-')
        .all(|part| !part.is_empty() && part.chars().all(char::is_alphabetic))
}

/// `x ln x`, 0 at 0.
fn xlx(x: i64) -> f64 {
    if x <= 0 {
        0.0
    } else {
        let x = x as f64;
        x * x.ln()
    }
}

/// The learned classes: each listed word with its class, and each class's
/// path in the merge tree (a leading 1 bit, then the path's bits).
pub struct Learned {
    pub words: Vec<(String, u16)>,
    pub paths: Vec<u64>,
}

/// Learns the classes of the words of `sequences` (each a passage or a
/// sentence, already split by [`tokens`]).
pub fn learn(sequences: &[Vec<String>], classes: usize) -> Learned {
    // Vocabulary, most frequent first.
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for s in sequences {
        for t in s {
            *counts.entry(t.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, u32)> = counts
        .iter()
        .filter(|(_, &n)| n >= MIN_COUNT)
        .map(|(&w, &n)| (w, n))
        .collect();
    vocab.push((BOUNDARY, 0));
    vocab.push((RARE, 0));
    vocab.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    vocab.dedup_by(|a, b| a.0 == b.0);
    let index: HashMap<&str, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, i as u32))
        .collect();
    let rare = index[RARE];
    let boundary = index[BOUNDARY];
    // Word bigrams.
    let mut bigrams: HashMap<(u32, u32), i64> = HashMap::new();
    for s in sequences {
        let mut prev = boundary;
        for t in s {
            let w = index.get(t.as_str()).copied().unwrap_or(rare);
            *bigrams.entry((prev, w)).or_default() += 1;
            prev = w;
        }
        *bigrams.entry((prev, boundary)).or_default() += 1;
    }
    let v = vocab.len();
    let mut pairs: Vec<((u32, u32), i64)> = bigrams.into_iter().collect();
    pairs.sort_unstable();
    let mut succ: Vec<Vec<(u32, i64)>> = vec![Vec::new(); v];
    let mut pred: Vec<Vec<(u32, i64)>> = vec![Vec::new(); v];
    let mut selfs = vec![0i64; v];
    let mut left = vec![0i64; v];
    let mut right = vec![0i64; v];
    for &((a, b), n) in &pairs {
        left[a as usize] += n;
        right[b as usize] += n;
        if a == b {
            selfs[a as usize] += n;
        } else {
            succ[a as usize].push((b, n));
            pred[b as usize].push((a, n));
        }
    }
    let c = classes.min(v);
    let mut class: Vec<usize> = (0..v).map(|i| i.min(c - 1)).collect();
    // Class bigram counts (row-major and transposed) and margins.
    let mut nm = vec![0i64; c * c];
    let mut nt = vec![0i64; c * c];
    let mut rows = vec![0i64; c];
    let mut cols = vec![0i64; c];
    for &((a, b), n) in &pairs {
        let (x, y) = (class[a as usize], class[b as usize]);
        nm[x * c + y] += n;
        nt[y * c + x] += n;
        rows[x] += n;
        cols[y] += n;
    }
    let mut rw = vec![0i64; c];
    let mut lw = vec![0i64; c];
    let mut tr: Vec<usize> = Vec::new();
    let mut tl: Vec<usize> = Vec::new();
    for _ in 0..MAX_PASSES {
        let mut moved = 0;
        for w in 0..v {
            tr.clear();
            tl.clear();
            for &(u, n) in &succ[w] {
                let k = class[u as usize];
                if rw[k] == 0 {
                    tr.push(k);
                }
                rw[k] += n;
            }
            for &(u, n) in &pred[w] {
                let k = class[u as usize];
                if lw[k] == 0 {
                    tl.push(k);
                }
                lw[k] += n;
            }
            tr.sort_unstable();
            tl.sort_unstable();
            let s = selfs[w];
            let a = class[w];
            // Take w out of its class.
            for &k in &tr {
                nm[a * c + k] -= rw[k];
                nt[k * c + a] -= rw[k];
            }
            for &k in &tl {
                nm[k * c + a] -= lw[k];
                nt[a * c + k] -= lw[k];
            }
            nm[a * c + a] -= s;
            nt[a * c + a] -= s;
            rows[a] -= left[w];
            cols[a] -= right[w];
            // The best class to put it in.
            let mut best = (f64::NEG_INFINITY, a);
            for k in 0..c {
                let mut d = 0.0;
                let row = &nm[k * c..(k + 1) * c];
                let col = &nt[k * c..(k + 1) * c];
                for &j in &tr {
                    if j != k {
                        d += xlx(row[j] + rw[j]) - xlx(row[j]);
                    }
                }
                for &j in &tl {
                    if j != k {
                        d += xlx(col[j] + lw[j]) - xlx(col[j]);
                    }
                }
                let kk = row[k];
                d += xlx(kk + rw[k] + lw[k] + s) - xlx(kk);
                d -= xlx(rows[k] + left[w]) - xlx(rows[k]);
                d -= xlx(cols[k] + right[w]) - xlx(cols[k]);
                if d > best.0 + 1e-9 || (k == a && d >= best.0 - 1e-9) {
                    best = (d, k);
                }
            }
            let k = best.1;
            for &j in &tr {
                nm[k * c + j] += rw[j];
                nt[j * c + k] += rw[j];
            }
            for &j in &tl {
                nm[j * c + k] += lw[j];
                nt[k * c + j] += lw[j];
            }
            nm[k * c + k] += s;
            nt[k * c + k] += s;
            rows[k] += left[w];
            cols[k] += right[w];
            if k != a {
                class[w] = k;
                moved += 1;
            }
            for &j in &tr {
                rw[j] = 0;
            }
            for &j in &tl {
                lw[j] = 0;
            }
        }
        if moved == 0 {
            break;
        }
    }
    let paths = merge_tree(&nm, &rows, &cols, c);
    let mut words: Vec<(String, u16)> = vocab
        .iter()
        .enumerate()
        .filter(|(_, (w, _))| listed(w))
        .map(|(i, (w, _))| ((*w).to_string(), class[i] as u16))
        .collect();
    words.sort_unstable();
    Learned { words, paths }
}

/// The loss of likelihood of merging classes `i` and `j` (a positive
/// number, smaller is better), from scratch.
fn merge_loss(
    n: &[i64],
    rows: &[i64],
    cols: &[i64],
    live: &[usize],
    c: usize,
    i: usize,
    j: usize,
) -> f64 {
    let mut d = 0.0;
    for &k in live {
        if k != i && k != j {
            d += term(n, c, i, j, k);
        }
    }
    let inner = n[i * c + i] + n[i * c + j] + n[j * c + i] + n[j * c + j];
    d += xlx(inner) - xlx(n[i * c + i]) - xlx(n[i * c + j]) - xlx(n[j * c + i]) - xlx(n[j * c + j]);
    d -= xlx(rows[i] + rows[j]) - xlx(rows[i]) - xlx(rows[j]);
    d -= xlx(cols[i] + cols[j]) - xlx(cols[i]) - xlx(cols[j]);
    -d
}

/// The gain of likelihood at a third class `k` when `i` and `j` merge.
fn term(n: &[i64], c: usize, i: usize, j: usize, k: usize) -> f64 {
    let (a, b) = (n[i * c + k], n[j * c + k]);
    let (p, q) = (n[k * c + i], n[k * c + j]);
    xlx(a + b) - xlx(a) - xlx(b) + xlx(p + q) - xlx(p) - xlx(q)
}

/// Merges the classes bottom-up and returns each class's path (a leading 1
/// bit, then one bit per level from the root).
fn merge_tree(n: &[i64], rows: &[i64], cols: &[i64], c: usize) -> Vec<u64> {
    let mut n = n.to_vec();
    let mut rows = rows.to_vec();
    let mut cols = cols.to_vec();
    let mut live: Vec<usize> = (0..c).collect();
    let mut loss = vec![0f64; c * c];
    for (x, &i) in live.iter().enumerate() {
        for &j in &live[x + 1..] {
            loss[i * c + j] = merge_loss(&n, &rows, &cols, &live, c, i, j);
        }
    }
    // members[k]: the original classes under node k, with their bits so
    // far (from the node down).
    let mut members: Vec<Vec<(usize, u64, u32)>> = (0..c).map(|k| vec![(k, 0, 0)]).collect();
    while live.len() > 1 {
        let mut best = (f64::INFINITY, 0, 0);
        for (x, &i) in live.iter().enumerate() {
            for &j in &live[x + 1..] {
                if loss[i * c + j] < best.0 - 1e-9 {
                    best = (loss[i * c + j], i, j);
                }
            }
        }
        let (_, a, b) = best;
        // The losses of the other pairs: take out the terms of a and b,
        // put in the term of their union.
        let others: Vec<usize> = live.iter().copied().filter(|&k| k != a && k != b).collect();
        for (x, &i) in others.iter().enumerate() {
            for &j in &others[x + 1..] {
                let before = term(&n, c, i, j, a) + term(&n, c, i, j, b);
                let (ra, rb) = (n[i * c + a] + n[i * c + b], n[j * c + a] + n[j * c + b]);
                let (ca, cb) = (n[a * c + i] + n[b * c + i], n[a * c + j] + n[b * c + j]);
                let after = xlx(ra + rb) - xlx(ra) - xlx(rb) + xlx(ca + cb) - xlx(ca) - xlx(cb);
                loss[i * c + j] += before - after;
            }
        }
        // Fold b into a.
        for k in 0..c {
            n[a * c + k] += n[b * c + k];
            n[b * c + k] = 0;
        }
        for k in 0..c {
            n[k * c + a] += n[k * c + b];
            n[k * c + b] = 0;
        }
        rows[a] += rows[b];
        cols[a] += cols[b];
        rows[b] = 0;
        cols[b] = 0;
        live.retain(|&k| k != b);
        let moved = std::mem::take(&mut members[b]);
        let depth_a = members[a].iter_mut();
        for m in depth_a {
            m.2 += 1;
        }
        for (k, bits, depth) in moved {
            members[a].push((k, bits | (1 << depth), depth + 1));
        }
        for &k in &live {
            if k != a {
                let (i, j) = (k.min(a), k.max(a));
                loss[i * c + j] = merge_loss(&n, &rows, &cols, &live, c, i, j);
            }
        }
    }
    let mut paths = vec![1u64; c];
    for &root in &live {
        for &(k, bits, depth) in &members[root] {
            assert!(depth < 64, "class tree deeper than 63");
            paths[k] = (1 << depth) | bits;
        }
    }
    paths
}

/// The sources' passages and sentences, tokenized.
pub fn sequences(contexts: &str, jsonl: &str, kaznerd: Option<&str>) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for p in crate::distinct_passages(contexts, jsonl) {
        let mut t = Vec::new();
        tokens(&p, &mut t);
        out.push(t);
    }
    let Some(kaznerd) = kaznerd else {
        return out;
    };
    for sentence in crate::distinct_sentences(kaznerd) {
        let mut t = Vec::new();
        for w in &sentence {
            tokens(w, &mut t);
        }
        out.push(t);
    }
    out
}

/// Renders the table.
pub fn render_learned(l: &Learned) -> String {
    let mut out = String::new();
    out.push_str(
        "// @generated by tools/gentables (cargo run -p kazakh-gentables); do not edit.\n\
         //\n\
         // Word classes learned from unlabelled prose by tools/gentables/src/clusters.rs,\n\
         // which states the method: KazQAD's Kazakh Wikipedia passages (CC BY-SA 4.0,\n\
         // ISSAI) and the words of KazNERD's sentences without their labels (CC BY 4.0,\n\
         // ISSAI). No text of either is here: lowered words and a class number each.\n\n",
    );
    let _ = writeln!(
        out,
        "/// Each class's path in the merge tree: a leading 1 bit, then one bit\n\
         /// per level from the root.\n\
         #[rustfmt::skip]\n\
         pub(crate) static CLASS_PATHS: [u64; {}] = [",
        l.paths.len()
    );
    for chunk in l.paths.chunks(8) {
        let line: Vec<String> = chunk.iter().map(|p| format!("{p:#x}")).collect();
        let _ = writeln!(out, "    {},", line.join(", "));
    }
    out.push_str("];\n\n");
    let _ = writeln!(
        out,
        "/// Lowered words, sorted by bytes, with their class (an index of\n\
         /// `CLASS_PATHS`).\n\
         #[rustfmt::skip]\n\
         pub(crate) static WORD_CLASSES: [(&str, u16); {}] = [",
        l.words.len()
    );
    for (w, k) in &l.words {
        let _ = writeln!(out, "    ({w:?}, {k}),");
    }
    out.push_str("];\n");
    out
}

/// Reads the sources and renders the table, or says which is missing.
pub fn render() -> Result<String, String> {
    let prose = crate::read_prose()?;
    let seqs = sequences(&prose.contexts, &prose.jsonl, Some(&prose.kaznerd));
    Ok(render_learned(&learn(&seqs, CLASSES)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_lowered_words_numbers_and_marks() {
        // (text, tokens)
        let cases: &[(&str, &[&str])] = &[
            ("Алматы қаласы.", &["алматы", "қаласы", "."]),
            // A hyphen starts no word: `%-ға` is three tokens.
            (
                "2024 жылы 15%-ға",
                &["<num>", "жылы", "<num>", "%", "-", "ға"],
            ),
            ("«Ақ жол»", &["«", "ақ", "жол", "»"]),
            ("Қасым-Жомарт -", &["қасым-жомарт", "-"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            let mut out = Vec::new();
            tokens(text, &mut out);
            assert_eq!(out, *want, "{text}");
        }
    }

    #[test]
    fn words_of_alike_contexts_share_a_class() {
        // Towns follow `in` and precede `city`; people precede `said`.
        let mut text = String::new();
        for _ in 0..5 {
            for town in ["алматы", "астана", "шымкент"] {
                text.push_str(&format!("біз {town} қаласында болдық .\n"));
            }
            for name in ["асан", "үсен", "бота"] {
                text.push_str(&format!("{name} айтты деді .\n"));
            }
        }
        let seqs: Vec<Vec<String>> = text
            .lines()
            .map(|l| {
                let mut t = Vec::new();
                tokens(l, &mut t);
                t
            })
            .collect();
        let learned = learn(&seqs, 6);
        let class = |w: &str| {
            learned
                .words
                .iter()
                .find(|(x, _)| x == w)
                .map(|&(_, k)| k)
                .unwrap()
        };
        assert_eq!(class("алматы"), class("астана"));
        assert_eq!(class("астана"), class("шымкент"));
        assert_eq!(class("асан"), class("бота"));
        assert_ne!(class("алматы"), class("асан"));
        // Marks, numbers and the pseudo-words are not listed.
        assert!(learned.words.iter().all(|(w, _)| listed(w)));
        assert!(learned.words.windows(2).all(|w| w[0].0 < w[1].0));
        // Every class has its own path, each a leaf of one tree.
        let mut paths = learned.paths.clone();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), learned.paths.len());
        for (i, &p) in learned.paths.iter().enumerate() {
            for (j, &q) in learned.paths.iter().enumerate() {
                let (dp, dq) = (63 - p.leading_zeros(), 63 - q.leading_zeros());
                if i != j && dp < dq {
                    assert_ne!(q >> (dq - dp), p, "a leaf above another");
                }
            }
        }
        // The same input gives the same classes.
        let again = learn(&seqs, 6);
        assert_eq!(again.words, learned.words);
        assert_eq!(again.paths, learned.paths);
    }

    #[test]
    fn kaznerd_sentences_are_read_once_without_ids_or_labels() {
        let ner = "AID1 O\nБұл O\nАлматы B-GPE\n. O\n\nBID1 O\nБұл O\nАлматы B-GPE\n. O\n";
        let seqs = sequences("", "", Some(ner));
        assert_eq!(seqs, [["бұл", "алматы", "."]]);
        assert!(sequences("", "", None).is_empty());
    }
}

//! Generators of the `kazakh` crate's checked-in tables.
//!
//! Each table is a file under the workspace root, rebuilt by
//! `cargo run -p kazakh-gentables`: from rules (`endings`), learned from
//! the prose in `../shared/data` (`punkt`, `clusters`), or taken from the CLDR extract
//! there (`cldr_places.txt`; `KAZAKH_SHARED_DATA` names another folder).
//! The test below fails when a checked-in file differs from what the
//! generator produces now; a table whose sources are absent is skipped
//! with a message, and fails under `CI=true`.
#![forbid(unsafe_code)]

pub mod cldr;
pub mod clusters;
pub mod endings;
pub mod lexicon;
pub mod punkt;

/// The library's suffix phonology, compiled into the generator as its own
/// module (it imports nothing from the library).
#[path = "../../../src/morph/phon.rs"]
#[allow(dead_code)]
mod phon;

/// The format of the stem lexicon's index, shared with the library.
#[path = "../../../src/morph/lexindex.rs"]
#[allow(dead_code)]
mod lexindex;

use std::path::{Path, PathBuf};

/// A generated file: where it lives and how to produce its text.
pub struct Table {
    /// Path relative to the workspace root.
    pub path: &'static str,
    /// Produces the file's bytes, or says which source is missing.
    pub render: fn() -> Result<Vec<u8>, String>,
}

/// Every table this crate generates.
pub const TABLES: &[Table] = &[
    Table {
        path: "src/tokenizer/endings.rs",
        render: || Ok(endings::render().into_bytes()),
    },
    Table {
        path: punkt::PATH,
        render: || punkt::render().map(String::into_bytes),
    },
    Table {
        path: "src/ner/gazetteer/cldr_places.txt",
        render: || cldr::render().map(String::into_bytes),
    },
    Table {
        path: lexicon::PATH,
        render: lexicon::render,
    },
    Table {
        path: clusters::PATH,
        render: || clusters::render().map(String::into_bytes),
    },
];

/// The unlabelled prose the learned tables read, beside the project:
/// KazQAD's passages and contexts and KazNERD's sentences (with their
/// labels, which the learners skip).
pub struct Prose {
    /// `kazqad/contexts.txt`.
    pub contexts: String,
    /// `kazqad/kazqad-reading-comprehension-v1.0-kk-validation.jsonl`.
    pub jsonl: String,
    /// `kaznerd/with_sentID/IOB2_valid2.txt`.
    pub kaznerd: String,
}

/// Reads [`Prose`], or says which file is missing.
pub fn read_prose() -> Result<Prose, String> {
    let dir = punkt::shared();
    let read = |rel: &str| {
        let path = dir.join(rel);
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {} ({e})", path.display()))
    };
    Ok(Prose {
        contexts: read("kazqad/contexts.txt")?,
        jsonl: read("kazqad/kazqad-reading-comprehension-v1.0-kk-validation.jsonl")?,
        kaznerd: read("kaznerd/with_sentID/IOB2_valid2.txt")?,
    })
}

/// The distinct non-empty passages of KazQAD's contexts and of its
/// reading-comprehension file, trimmed, in order of first appearance.
pub fn distinct_passages(contexts: &str, jsonl: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    contexts
        .lines()
        .map(|l| l.trim().to_string())
        .chain(
            jsonl
                .lines()
                .filter_map(punkt::json_context)
                .map(|c| c.trim().to_string()),
        )
        .filter(|p| !p.is_empty() && seen.insert(p.clone()))
        .collect()
}

/// The distinct sentences of a KazNERD IOB2 file, as their tokens without
/// the labels and the sentence ids, in order of first appearance (the
/// variants of a sentence that differ in a word each count).
pub fn distinct_sentences(kaznerd: &str) -> Vec<Vec<&str>> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    let mut sentence: Vec<&str> = Vec::new();
    for line in kaznerd.lines().chain(std::iter::once("")) {
        let token = line.rsplit_once(' ').map_or(line, |(t, _)| t);
        if token.is_empty() {
            if !sentence.is_empty() && seen.insert(sentence.join(" ")) {
                out.push(std::mem::take(&mut sentence));
            }
            sentence.clear();
        } else if !is_sentence_id(token) {
            // The first line of a sentence is its id (`AID283875 O`).
            sentence.push(token);
        }
    }
    out
}

/// Whether a KazNERD token is a sentence's id (`AID283875`): a letter,
/// `ID`, then digits.
pub fn is_sentence_id(token: &str) -> bool {
    token.len() > 3
        && token.as_bytes()[1..3] == *b"ID"
        && token[3..].bytes().all(|b| b.is_ascii_digit())
}

/// Whether the tests run in CI (`CI=true`), where missing data fails.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// The workspace root: two levels above this crate's manifest.
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .and_then(Path::parent)
        .map_or_else(|| manifest.join("../.."), Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checked_in_tables_are_up_to_date() {
        let root = workspace_root();
        for table in TABLES {
            let path = root.join(table.path);
            let on_disk = std::fs::read(&path).unwrap_or_default();
            let fresh = match (table.render)() {
                Ok(text) => text,
                // A table taken from ../shared/data cannot be checked
                // without it: say so, and fail under CI=true, where a skip
                // would pass silently.
                Err(why) if !in_ci() => {
                    println!("skipped {}: {why} (under CI=true this fails)", table.path);
                    continue;
                }
                Err(why) => panic!("{}: {why}; CI=true requires ../shared/data", table.path),
            };
            if on_disk != fresh {
                let line = on_disk
                    .split(|&b| b == b'\n')
                    .zip(fresh.split(|&b| b == b'\n'))
                    .position(|(a, b)| a != b)
                    .unwrap_or_else(|| {
                        let lines = |s: &[u8]| s.iter().filter(|&&b| b == b'\n').count();
                        lines(&on_disk).min(lines(&fresh))
                    });
                panic!(
                    "{} is out of date (first difference at line {}); \
                     rerun `cargo run -p kazakh-gentables` from the workspace root",
                    table.path,
                    line + 1
                );
            }
        }
    }
}

//! Abbreviations and sentence starters learned from unlabelled prose, in the
//! manner of Punkt (Kiss and Strunk 2006): the evidence is how a word is
//! written with a period and without, what follows its period, and how a
//! word is capitalised at the start of a sentence and inside one.
//!
//! Sources (read from `../shared/data`, never copied):
//!
//! * KazQAD's passages (`kazqad/contexts.txt` and the `context` fields of
//!   the validation jsonl, each distinct passage once; CC BY-SA 4.0,
//!   ISSAI): encyclopedic prose paragraphs, the only source with periods
//!   left on words.
//! * KazNERD's sentences (`kaznerd/with_sentID/IOB2_valid2.txt`, one token
//!   a line, each distinct sentence once; CC BY 4.0, ISSAI): where a
//!   sentence starts is given, so every word after the first is known to
//!   be inside a sentence.
//!
//! UD Kazakh and the Apertium texts are not read: they measure the result.
//!
//! Two lists come out, lower case and sorted by bytes:
//!
//! * **abbreviations**: a word of two letters or more, ending in a
//!   consonant (a truncation is cut before a vowel: `ғыл.`, `экон.`,
//!   `геоморфол.`), seen with a period at least [`MIN_DOTTED`] times and at
//!   least as often as without one, whose period is followed by a
//!   lower-case word in at least half of its occurrences, or never by a
//!   capital or the end of a paragraph and at least once by a number or a
//!   lower-case word (`диам. 743`, `мөлш. 1000`): a
//!   sentence does not start in lower case, and Kazakh verbs, which end
//!   sentences with a period almost always, are told from abbreviations
//!   only by what follows;
//! * **sentence starters**: words seen capitalised at the start of a
//!   sentence, and in lower case inside sentences at least
//!   [`MIN_LOWER_INSIDE`] times and at least four times as often as
//!   capitalised there (so not names): a capitalised starter after an
//!   abbreviation's period begins a new sentence.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;

/// Fewest occurrences with a period for an abbreviation.
pub const MIN_DOTTED: u32 = 2;
/// Fewest lower-case occurrences inside sentences for a sentence starter.
pub const MIN_LOWER_INSIDE: u32 = 2;
/// Longest abbreviation learned, in letters.
const MAX_ABBREV_LETTERS: usize = 10;

/// Path of the generated table relative to the workspace root.
pub const PATH: &str = "src/tokenizer/abbrev_table.rs";

/// The data folder: `KAZAKH_SHARED_DATA`, or `../shared/data` beside the
/// workspace.
pub(crate) fn shared() -> PathBuf {
    std::env::var_os("KAZAKH_SHARED_DATA").map_or_else(
        || crate::workspace_root().join("../shared/data"),
        PathBuf::from,
    )
}

/// Counts gathered over the sources.
#[derive(Default)]
pub struct Counts {
    /// Per lower-case word: (with a period, without one, period followed by
    /// a lower-case word, by a capital or the paragraph's end, by a digit).
    dotted: HashMap<String, (u32, u32, u32, u32, u32)>,
    /// Per lower-case word: (capitalised at a sentence start, lower case
    /// inside a sentence, capitalised inside a sentence).
    ortho: HashMap<String, (u32, u32, u32)>,
}

fn is_opener(c: char) -> bool {
    matches!(c, '«' | '“' | '„' | '"' | '(' | '[' | '\'' | '‹')
}

fn is_closer(c: char) -> bool {
    matches!(
        c,
        '»' | '”' | '"' | ')' | ']' | '\'' | '›' | ',' | ';' | ':' | '!' | '?' | '…'
    )
}

/// A word: letters, with single hyphens between parts.
fn is_word(s: &str) -> bool {
    !s.is_empty()
        && s.split('-')
            .all(|part| !part.is_empty() && part.chars().all(char::is_alphabetic))
}

fn is_vowel(c: char) -> bool {
    "аәеёиоөуұүыіэюяaeiouy".contains(c)
}

impl Counts {
    fn ortho(&mut self, word: &str, start: bool) {
        let upper = word.chars().next().is_some_and(char::is_uppercase);
        let e = self.ortho.entry(word.to_lowercase()).or_default();
        match (start, upper) {
            (true, true) => e.0 += 1,
            (true, false) => {}
            (false, false) => e.1 += 1,
            (false, true) => e.2 += 1,
        }
    }

    /// One paragraph of running prose. A sentence is taken to start at the
    /// paragraph's start and after a word ending in `.` `!` `?` `…` (with
    /// closing quotes or brackets); this misreads abbreviations as ends,
    /// which only makes starters' capitals look commoner.
    pub fn add_prose(&mut self, para: &str) {
        let chunks: Vec<&str> = para.split_whitespace().collect();
        let mut start = true;
        for (i, chunk) in chunks.iter().enumerate() {
            let body = chunk.trim_start_matches(is_opener);
            let core = body.trim_end_matches(is_closer);
            if let Some(stem) = core.strip_suffix('.') {
                if !stem.ends_with('.') && stem.chars().all(char::is_alphabetic) && !stem.is_empty()
                {
                    let next = chunks
                        .get(i + 1)
                        .and_then(|n| n.trim_start_matches(is_opener).chars().next());
                    let e = self.dotted.entry(stem.to_lowercase()).or_default();
                    e.0 += 1;
                    match next {
                        Some(c) if c.is_lowercase() => e.2 += 1,
                        Some(c) if c.is_uppercase() => e.3 += 1,
                        None => e.3 += 1,
                        Some(c) if c.is_ascii_digit() => e.4 += 1,
                        Some(_) => {}
                    }
                }
            } else if core.chars().all(char::is_alphabetic) && !core.is_empty() {
                self.dotted.entry(core.to_lowercase()).or_default().1 += 1;
            }
            let word = core.trim_end_matches('.');
            if is_word(word) {
                self.ortho(word, start);
            }
            start = body
                .trim_end_matches(is_closer_bracket)
                .ends_with(['.', '!', '?', '…']);
        }
    }

    /// One sentence given as its tokens.
    pub fn add_sentence(&mut self, tokens: &[&str]) {
        let mut start = true;
        for t in tokens {
            if is_word(t) {
                self.ortho(t, start);
            }
            start = matches!(*t, "." | "!" | "?" | "…");
        }
    }

    /// The learned abbreviations, sorted.
    pub fn abbreviations(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .dotted
            .iter()
            .filter(|(w, &(dot, plain, lower, ends, digits))| {
                let letters = w.chars().count();
                (2..=MAX_ABBREV_LETTERS).contains(&letters)
                    && w.chars().last().is_some_and(|c| !is_vowel(c))
                    && dot >= MIN_DOTTED
                    && dot >= plain
                    && (2 * lower >= dot || ends == 0 && lower + digits > 0)
            })
            .map(|(w, _)| w.as_str())
            .collect();
        out.sort_unstable();
        out
    }

    /// The learned sentence starters, sorted.
    pub fn starters(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .ortho
            .iter()
            .filter(|(_, &(start_upper, lower, upper))| {
                start_upper >= 1 && lower >= MIN_LOWER_INSIDE && 4 * upper <= lower
            })
            .map(|(w, _)| w.as_str())
            .collect();
        out.sort_unstable();
        out
    }
}

fn is_closer_bracket(c: char) -> bool {
    matches!(c, '»' | '”' | '"' | ')' | ']' | '\'' | '›')
}

/// The `context` string of one jsonl line, unescaped.
pub(crate) fn json_context(line: &str) -> Option<String> {
    let key = "\"context\"";
    let rest = &line[line.find(key)? + key.len()..];
    let rest = rest.trim_start().strip_prefix(':')?.trim_start();
    let mut chars = rest.strip_prefix('"')?.chars();
    let mut out = String::new();
    let mut high: Option<u32> = None;
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => {
                let e = chars.next()?;
                let simple = match e {
                    'n' => Some('\n'),
                    't' => Some('\t'),
                    'r' => Some('\r'),
                    'b' => Some('\u{8}'),
                    'f' => Some('\u{c}'),
                    'u' => None,
                    other => Some(other),
                };
                if let Some(s) = simple {
                    out.push(s);
                    continue;
                }
                let hex: String = chars.by_ref().take(4).collect();
                let v = u32::from_str_radix(&hex, 16).ok()?;
                if (0xD800..0xDC00).contains(&v) {
                    high = Some(v);
                } else if (0xDC00..0xE000).contains(&v) {
                    let h = high.take()?;
                    out.push(char::from_u32(
                        0x10000 + ((h - 0xD800) << 10) + (v - 0xDC00),
                    )?);
                } else {
                    out.push(char::from_u32(v)?);
                }
            }
            c => out.push(c),
        }
    }
    None
}

/// Gathers the counts from the source texts (already read).
pub fn count(contexts: &str, jsonl: &str, kaznerd: &str) -> Counts {
    let mut counts = Counts::default();
    for p in crate::distinct_passages(contexts, jsonl) {
        counts.add_prose(&p);
    }
    for sentence in crate::distinct_sentences(kaznerd) {
        counts.add_sentence(&sentence);
    }
    counts
}

fn list(out: &mut String, name: &str, doc: &str, words: &[&str]) {
    let _ = writeln!(out, "{doc}");
    let _ = writeln!(out, "pub(crate) static {name}: [&str; {}] = [", words.len());
    for w in words {
        let _ = writeln!(out, "    {w:?},");
    }
    let _ = writeln!(out, "];");
}

/// Renders the table from the counts.
pub fn render_counts(counts: &Counts) -> String {
    let abbrevs = counts.abbreviations();
    let starters = counts.starters();
    let mut out = String::new();
    out.push_str(
        "// @generated by tools/gentables (cargo run -p kazakh-gentables); do not edit.\n\
         //\n\
         // Learned from unlabelled prose (KazQAD passages, KazNERD sentences) by\n\
         // tools/gentables/src/punkt.rs, which states the criteria. Lower case,\n\
         // sorted by bytes.\n\n",
    );
    list(
        &mut out,
        "LEARNED_ABBREVIATIONS",
        "/// Words written with a period that a lower-case word usually follows.",
        &abbrevs,
    );
    out.push('\n');
    list(
        &mut out,
        "SENTENCE_STARTERS",
        "/// Words that start sentences capitalised and are lower case inside them.",
        &starters,
    );
    out
}

/// Reads the sources and renders the table, or says which is missing.
pub fn render() -> Result<String, String> {
    let prose = crate::read_prose()?;
    Ok(render_counts(&count(
        &prose.contexts,
        &prose.jsonl,
        &prose.kaznerd,
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviation_evidence() {
        // (paragraphs, expected abbreviations)
        let cases: &[(&[&str], &[&str])] = &[
            // Lower case after the period: a truncation.
            (&["Ғыл. еңбек. Ғыл. зерттеу. Ол ғыл. атақ алды."], &["ғыл"]),
            // A verb: always a period, but a capital follows.
            (&["Ол келді. Бұл келді. Сол келді."], &[]),
            // Ends in a vowel: a word, not a truncation.
            (&["Су. ішті. Су. ішті."], &[]),
            // Written more often without the period.
            (&["Экон. өсті. Экон. өсті. экон экон экон"], &[]),
            // Seen once only.
            (&["Экон. өсті."], &[]),
            // Never followed by a capital or a paragraph's end: numbers.
            (&["Диам. 743 см. Мөлш. 1000 мм, диам. — 5 м."], &["диам"]),
            // Followed by neither a word nor a number (verse lines).
            (&["Алса бұйрығын. &lt;br&gt; бұйрығын. &lt;br&gt;"], &[]),
            // A capital once: a sentence ended there.
            (&["Диам. 743 см. Ол келді диам. Бұл"], &[]),
        ];
        for (paras, want) in cases {
            let mut c = Counts::default();
            for p in *paras {
                c.add_prose(p);
            }
            assert_eq!(c.abbreviations(), *want, "{paras:?}");
        }
    }

    #[test]
    fn starter_evidence() {
        let mut c = Counts::default();
        c.add_sentence(&["Бұл", "жақсы", "."]);
        c.add_sentence(&["Ол", "бұл", "жерде", "бұл", "Алматы", "."]);
        c.add_sentence(&["Алматы", "алыс", ".", "Бұл", "жақын"]);
        c.add_sentence(&["Бүгін", "Алматы", "."]);
        // бұл: capitalised at starts, lower case inside; Алматы is a name;
        // бүгін is never lower case inside.
        assert_eq!(c.starters(), ["бұл"]);
    }

    #[test]
    fn reads_sources() {
        let jsonl = "{\"id\": \"1\", \"context\": \"\\u0413\\u044b\\u043b. \\u0431\\u0456\\u0440 \\\"x\\\"\"}\n";
        assert_eq!(json_context(jsonl).as_deref(), Some("Гыл. бір \"x\""));
        let ner = "AID1 O\nБұл O\nжер O\n. O\n\nBID1 O\nБұл O\nжер O\n. O\n";
        let c = count("", "", ner);
        assert_eq!(c.ortho.get("бұл"), Some(&(1, 0, 0)));
    }
}

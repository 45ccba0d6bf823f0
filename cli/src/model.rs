//! The models the subcommands run: the entity recognizer (embedded, or read
//! from `--model FILE`) and the number finder built on it.

use std::ops::Range;
use std::path::PathBuf;

use kazakh::ner::Recognizer;
use kazakh::numbers::NumberMention;

use crate::io::{Failure, Input};

/// The recognizer: the embedded model, or the one in `path`.
pub fn recognizer(path: Option<PathBuf>) -> Result<Recognizer, Failure> {
    match path {
        None => {
            Recognizer::embedded().map_err(|e| Failure::content(format!("embedded model: {e}")))
        }
        Some(path) => {
            let input = Input::new(Some(path));
            let bytes = input.read_bytes()?;
            kazakh::ner::Model::from_bytes(&bytes)
                .map(Recognizer::new)
                .map_err(|e| Failure::content(format!("{}: {e}", input.name())))
        }
    }
}

/// How number spans are found: rules alone, or the tagger with the rules'
/// values.
pub enum Finder {
    /// [`kazakh::numbers::extract`] alone.
    Rules,
    /// [`kazakh::ner::Recognizer::numbers`].
    Tagger(Recognizer),
}

impl Finder {
    /// The finder the options ask for.
    pub fn new(rules_only: bool, model: Option<PathBuf>) -> Result<Finder, Failure> {
        if rules_only {
            Ok(Finder::Rules)
        } else {
            recognizer(model).map(Finder::Tagger)
        }
    }

    /// The mentions of raw text.
    pub fn text<'a>(&self, text: &'a str) -> Vec<NumberMention<'a>> {
        match self {
            Finder::Rules => kazakh::numbers::extract(text),
            Finder::Tagger(r) => r.numbers(text),
        }
    }

    /// The mentions of one pre-tokenized sentence (`joined`: the tokens
    /// joined by single spaces).
    pub fn tokens<'a>(&self, tokens: &[&str], joined: &'a str) -> Vec<NumberMention<'a>> {
        match self {
            Finder::Rules => kazakh::numbers::extract_tokens(tokens, joined),
            Finder::Tagger(r) => r.numbers_tokens(tokens, joined),
        }
    }
}

/// The mentions that label tokens, in order: those `keep` accepts, with a
/// token range inside `0..len`, non-empty and not overlapping an earlier
/// one; each with its clamped token range.
pub fn place<'m, 'a>(
    len: usize,
    mentions: &'m [NumberMention<'a>],
    keep: impl Fn(&NumberMention<'a>) -> bool,
) -> Vec<(&'m NumberMention<'a>, Range<usize>)> {
    let mut taken = vec![false; len];
    let mut placed = Vec::new();
    for m in mentions {
        let range = m.tokens();
        let range = range.start.min(len)..range.end.min(len);
        if !keep(m) || range.is_empty() || taken[range.clone()].iter().any(|&t| t) {
            continue;
        }
        taken[range.clone()].fill(true);
        placed.push((m, range));
    }
    placed.sort_by_key(|(_, r)| r.start);
    placed
}

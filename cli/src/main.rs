//! The `kazakh` command: Kazakh text processing from the shell.
//!
//! This file only parses the command line and dispatches. One module per
//! subcommand (tokenize, numbers, lemmatize, ner, annotate, eval, train);
//! they share, and import only, `io` (input, output, exit status, one-line
//! errors), `model` (the recognizer and the number finder), `report`
//! (score tables and rounding) and `render` (JSON lines in the library's
//! schema, CoNLL-U, HTML, text, progress). No subcommand imports another.
#![forbid(unsafe_code)]

mod annotate;
mod eval;
mod io;
mod lemmatize;
mod model;
mod ner;
mod numbers;
mod render;
mod report;
mod tokenize;
#[cfg(feature = "train")]
mod train;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::io::EXIT_STATUS;

/// Kazakh text processing: tokenization, sentence splitting, numbers,
/// evaluation.
#[derive(Debug, Parser)]
#[command(name = "kazakh", version, after_help = EXIT_STATUS)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Split text into sentences and tokens.
    #[command(after_help = EXIT_STATUS)]
    Tokenize(tokenize::Args),
    /// Find numbers, percentages, amounts of money, quantities, ordinals
    /// and dates, with exact values.
    #[command(after_help = EXIT_STATUS)]
    Numbers(numbers::Args),
    /// Print the lemma of every token (`token<TAB>lemma`), or fill the
    /// LEMMA column of a CoNLL-U file.
    #[command(after_help = EXIT_STATUS)]
    Lemmatize(lemmatize::Args),
    /// Find people, places and organizations, with their names in
    /// nominative form.
    #[command(after_help = EXIT_STATUS)]
    Ner(ner::Args),
    /// Annotate documents or a corpus: sentences, tokens, lemmas, numbers
    /// and entities, as JSON lines, CoNLL-U, an HTML page or a summary.
    #[command(after_help = EXIT_STATUS)]
    Annotate(annotate::Args),
    /// Train models (built with the `train` feature).
    #[cfg(feature = "train")]
    #[command(subcommand)]
    Train(train::Command),
    /// Score the library against gold annotations.
    #[command(subcommand)]
    Eval(eval::Command),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return io::clap_failure(error),
    };
    let result = match cli.command {
        Command::Tokenize(args) => tokenize::run(args),
        Command::Numbers(args) => numbers::run(args),
        Command::Lemmatize(args) => lemmatize::run(args),
        Command::Ner(args) => ner::run(args),
        Command::Annotate(args) => annotate::run(args),
        #[cfg(feature = "train")]
        Command::Train(command) => train::run(command),
        Command::Eval(command) => eval::run(command),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

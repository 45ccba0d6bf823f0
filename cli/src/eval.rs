//! `kazakh eval`: scores against gold annotations.

use std::path::PathBuf;

use std::collections::BTreeMap;
use std::io::Write;

use kazakh::eval::iob2::{self, Entity};
use kazakh::eval::{
    conllu::{self, Treebank},
    evaluate_segmentation, LabelScores, SegmentationScores, SpanScorer,
};
use kazakh::numbers::NumberMention;
use serde::Serialize;

use crate::io::{print_json_line, warning_line, Failure, Input, EXIT_STATUS};
use crate::model::{self, place, Finder};
use crate::render::value_text;
use crate::report::{
    public_labels, round, round2, rounded, VariantGroups, Variants, LABELS, VALUE_LABELS,
};

/// Subcommands of `kazakh eval`.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Token and sentence segmentation against a CoNLL-U file.
    ///
    /// Rebuilds the raw text from the `# text` comments (sentences of a
    /// document joined by a space, documents by a blank line), segments it,
    /// and prints one JSON line:
    /// {"tokens":{"precision","recall","f1","gold","system"},"sentences":{…}}
    /// with percentages rounded to 2 decimals (CoNLL 2018 definitions:
    /// whitespace ignored, both boundaries must match). Forms that cannot be
    /// found in the sentence text are reported as warnings on standard
    /// error. Malformed CoNLL-U or invalid UTF-8 exits with status 1.
    #[command(after_help = EXIT_STATUS)]
    Tokens(TokensArgs),
    /// Number mentions against an IOB2 file (KazNERD layout).
    ///
    /// Runs the number extractor on the tokens of each gold sentence and
    /// scores the mentions as strict IOB2 spans (label and both token
    /// boundaries must match) for CARDINAL, ORDINAL, PERCENTAGE, MONEY,
    /// QUANTITY, DATE and TIME (durations and sets count as DATE, those of
    /// hours and minutes as TIME, as KazNERD labels them); other gold
    /// classes are ignored.
    /// Prints one JSON line:
    /// {"labels":{"CARDINAL":{"precision","recall","f1","gold","system"},…},"micro":{…}}
    /// with percentages rounded to 2 decimals. When sentences carry ids
    /// (`AID283875 O` as their first line), also
    /// "variants":{"groups","agreeing","rate"}: sentences with the same
    /// number after the A–F prefix are variants of one sentence (digits or
    /// words); of the groups with two or more variants, a group agrees when
    /// every variant yields the same sorted (label, value) pairs for the
    /// seven classes; "date_variants" compares the DATE and TIME pairs
    /// alone, over the groups where some variant has one. Malformed IOB2 or
    /// invalid UTF-8 exits with status 1.
    #[command(after_help = EXIT_STATUS)]
    Numbers(NumbersArgs),
    /// Lemmas against a CoNLL-U file.
    ///
    /// Lemmatizes the FORM of every word line with `kazakh::morph::lemma`
    /// (without looking at the gold UPOS) and compares it with the gold
    /// LEMMA, ignoring letter case. A gold LEMMA `_` (not given, as in
    /// parts of the Apertium texts) is not scored, nor a word line without
    /// a FORM (reported on standard error). Prints one JSON line:
    /// {"all":{"correct","total","accuracy"},"noun_propn":{…},"upos":{"NOUN":{…},…},"unscored":N}
    /// with accuracies in percent rounded to 2 decimals and N the words
    /// left out. Malformed CoNLL-U or invalid UTF-8 exits with status 1.
    #[command(after_help = EXIT_STATUS)]
    Lemmas(LemmasArgs),
    /// People, places and organizations against an IOB2 file (KazNERD
    /// layout).
    ///
    /// Tags the tokens of each gold sentence and scores strict IOB2 spans
    /// (seqeval/conlleval definitions: label and both token boundaries must
    /// match) for PER (KazNERD PERSON), LOC (GPE and LOCATION) and ORG
    /// (ORGANISATION); other gold types count as O. Prints one JSON line:
    /// {"labels":{"PER":{"precision","recall","f1","gold","system"},…},"micro":{…}}
    /// with percentages rounded to 2 decimals. Malformed IOB2 or invalid
    /// UTF-8 exits with status 1.
    #[command(after_help = EXIT_STATUS)]
    Ner(NerArgs),
}

/// Arguments of `kazakh eval lemmas`.
#[derive(Debug, clap::Args)]
pub struct LemmasArgs {
    /// Gold CoNLL-U file (`-` for standard input).
    #[arg(long, value_name = "FILE.conllu")]
    gold: PathBuf,

    /// Print up to N wrong lemmas on standard error, one per line: form,
    /// gold lemma, system lemma and gold UPOS, separated by tabs.
    #[arg(long, value_name = "N")]
    show_errors: Option<usize>,
}

/// Arguments of `kazakh eval tokens`.
#[derive(Debug, clap::Args)]
pub struct TokensArgs {
    /// Gold CoNLL-U file (`-` for standard input).
    #[arg(long, value_name = "FILE.conllu")]
    gold: PathBuf,
}

/// Arguments of `kazakh eval numbers`.
#[derive(Debug, clap::Args)]
pub struct NumbersArgs {
    /// Gold IOB2 file (`-` for standard input).
    #[arg(long, value_name = "FILE.iob2")]
    gold: PathBuf,

    /// Print up to N false negatives and false positives on standard
    /// error, one per line: FN or FP, the gold line of the span's first
    /// token, label, span text, system value (`_` for FN), the overlapping
    /// spans of the other side (`_` for none) and the sentence, separated by
    /// tabs.
    #[arg(long, value_name = "N")]
    show_errors: Option<usize>,

    /// Score the rules alone, without the entity tagger's spans (see
    /// `kazakh numbers --help`). The embedded tagger was trained on
    /// KazNERD's validation split: scores on that file measure fit, not
    /// generalization; `kazakh train ner --folds` cross-validates.
    #[arg(long)]
    rules_only: bool,

    /// A model file to use instead of the embedded one.
    #[arg(long, value_name = "FILE", conflicts_with = "rules_only")]
    model: Option<PathBuf>,

    /// Write the variant groups that disagree to FILE: per group a line
    /// with the id number, one line per variant (the sentence, a tab, its
    /// `LABEL=value` pairs separated by `; `) and a blank line.
    #[arg(long, value_name = "FILE")]
    variant_errors: Option<PathBuf>,
}

/// Runs `kazakh eval …`.
pub fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Tokens(args) => tokens(args),
        Command::Numbers(args) => numbers(args),
        Command::Lemmas(args) => lemmas(args),
        Command::Ner(args) => ner(args),
    }
}

fn tokens(args: TokensArgs) -> Result<(), Failure> {
    let input = Input::new(Some(args.gold));
    let treebank = read_treebank(&input)?;
    let scores = evaluate_segmentation(&treebank);
    let rounded = SegmentationScores {
        tokens: round(scores.tokens),
        sentences: round(scores.sentences),
    };
    print_json_line(&rounded)
}

/// Reads and parses a CoNLL-U file, printing its alignment warnings.
fn read_treebank(input: &Input) -> Result<Treebank, Failure> {
    let text = input.read_text(false)?;
    let treebank =
        Treebank::parse(&text).map_err(|e| Failure::content(format!("{}: {e}", input.name())))?;
    for warning in treebank.warnings() {
        warning_line(&format!("{}: {warning}", input.name()));
    }
    Ok(treebank)
}

fn is_scored(m: &NumberMention<'_>) -> bool {
    VALUE_LABELS.contains(&m.label())
}

/// The JSON report of `kazakh eval numbers`.
#[derive(Serialize)]
struct NumbersReport {
    #[serde(flatten)]
    scores: LabelScores,
    #[serde(skip_serializing_if = "Option::is_none")]
    variants: Option<Variants>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_variants: Option<Variants>,
}

fn numbers(args: NumbersArgs) -> Result<(), Failure> {
    let input = Input::new(Some(args.gold));
    let text = input.read_text(false)?;
    let sentences =
        iob2::parse(&text).map_err(|e| Failure::content(format!("{}: {e}", input.name())))?;
    let mut scorer = SpanScorer::new();
    let finder = Finder::new(args.rules_only, args.model)?;
    let mut errors = ErrorPrinter::new(args.show_errors.unwrap_or(0));
    let mut groups = VariantGroups::default();
    for sentence in &sentences {
        let tokens = sentence.tokens();
        let joined = tokens.join(" ");
        let mentions = finder.tokens(tokens, &joined);
        let placed = place(tokens.len(), &mentions, is_scored);
        let system: Vec<Entity<'_>> = placed
            .iter()
            .map(|(m, range)| Entity {
                label: m.label(),
                start: range.start,
                end: range.end,
            })
            .collect();
        let gold: Vec<Entity<'_>> = iob2::entities(sentence.labels())
            .into_iter()
            .filter(|e| VALUE_LABELS.contains(&e.label))
            .collect();
        scorer.add_entities(&gold, &system);
        if errors.wanted() {
            let values: Vec<String> = placed.iter().map(|(m, _)| value_text(m)).collect();
            errors.compare(sentence, &gold, &system, &values);
        }
        if let Some(number) = sentence.id_number() {
            groups.add(number, &joined, &mentions);
        }
    }
    errors.finish();
    if let Some(path) = &args.variant_errors {
        write_text(path, &groups.disagreeing())?;
    }

    let scores = rounded(scorer.scores(&VALUE_LABELS));
    let has_ids = sentences.iter().any(|s| s.id().is_some());
    let report = NumbersReport {
        scores,
        variants: has_ids.then(|| groups.variants()),
        date_variants: has_ids.then(|| groups.date_variants()),
    };
    print_json_line(&report)
}

/// Writes a whole file, or fails with one line naming it.
fn write_text(path: &std::path::Path, text: &str) -> Result<(), Failure> {
    std::fs::write(path, text)
        .map_err(|e| Failure::content(format!("cannot write {}: {e}", path.display())))
}

/// Prints false negatives and positives on standard error, up to a limit.
struct ErrorPrinter {
    limit: usize,
    shown: usize,
    total: usize,
}

impl ErrorPrinter {
    fn new(limit: usize) -> Self {
        ErrorPrinter {
            limit,
            shown: 0,
            total: 0,
        }
    }

    fn wanted(&self) -> bool {
        self.limit > 0
    }

    /// Reports the spans of one sentence that do not match; `values` are
    /// the values of the `system` spans.
    fn compare(
        &mut self,
        sentence: &iob2::Sentence<'_>,
        gold: &[Entity<'_>],
        system: &[Entity<'_>],
        values: &[String],
    ) {
        let tokens = sentence.tokens();
        let text = |e: &Entity<'_>| tokens[e.start..e.end].join(" ");
        let others = |e: &Entity<'_>, side: &[Entity<'_>]| {
            let found: Vec<String> = side
                .iter()
                .filter(|o| o.start < e.end && e.start < o.end)
                .map(|o| format!("{}:{}", o.label, text(o)))
                .collect();
            if found.is_empty() {
                "_".to_owned()
            } else {
                found.join(" | ")
            }
        };
        let mut lines = Vec::new();
        for g in gold.iter().filter(|g| !system.contains(g)) {
            lines.push((g.start, "FN", g, "_".to_owned(), others(g, system)));
        }
        for (s, value) in system.iter().zip(values).filter(|(s, _)| !gold.contains(s)) {
            lines.push((s.start, "FP", s, value.clone(), others(s, gold)));
        }
        lines.sort_by_key(|l| (l.0, l.1));
        self.total += lines.len();
        let mut err = std::io::stderr().lock();
        for (start, what, e, value, other) in lines {
            if self.shown >= self.limit {
                break;
            }
            self.shown += 1;
            let _ = writeln!(
                err,
                "{what}\t{}\t{}\t{}\t{value}\t{other}\t{}",
                sentence.line() + start,
                e.label,
                text(e),
                tokens.join(" ")
            );
        }
    }

    fn finish(&self) {
        if self.wanted() {
            let _ = writeln!(
                std::io::stderr().lock(),
                "({} of {} errors shown)",
                self.shown,
                self.total
            );
        }
    }
}

/// Accuracy over a group of words.
#[derive(Serialize, Default, Clone, Copy)]
struct Accuracy {
    correct: usize,
    total: usize,
    accuracy: f64,
}

impl Accuracy {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.correct += usize::from(ok);
    }

    fn rounded(mut self) -> Self {
        self.accuracy = if self.total == 0 {
            0.0
        } else {
            round2(100.0 * self.correct as f64 / self.total as f64)
        };
        self
    }
}

/// The JSON report of `kazakh eval lemmas`.
#[derive(Serialize)]
struct LemmasReport {
    all: Accuracy,
    noun_propn: Accuracy,
    upos: BTreeMap<String, Accuracy>,
    /// Words whose gold lemma is `_` (not given), left out of every score.
    unscored: usize,
}

fn lemmas(args: LemmasArgs) -> Result<(), Failure> {
    let input = Input::new(Some(args.gold));
    let text = input.read_text(false)?;
    // A word line without a FORM (the Apertium texts have one) cannot be
    // lemmatized: it is reported and left out, not an error for the file.
    let mut unscored = 0;
    let mut kept = String::with_capacity(text.len());
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or("");
        let formless =
            cols.next() == Some("") && !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit());
        if formless {
            warning_line(&format!(
                "{} line {}: empty FORM, not scored",
                input.name(),
                i + 1
            ));
            unscored += 1;
            continue;
        }
        kept.push_str(line);
    }
    let text = kept;
    let lines: Vec<conllu::Line> = conllu::lines(&text)
        .collect::<Result<_, _>>()
        .map_err(|e| Failure::content(format!("{}: {e}", input.name())))?;
    let mut all = Accuracy::default();
    let mut noun_propn = Accuracy::default();
    let mut upos: BTreeMap<String, Accuracy> = BTreeMap::new();
    let limit = args.show_errors.unwrap_or(0);
    let mut shown = 0;
    let mut err = std::io::stderr().lock();
    // Each word is lemmatized in its sentence (`morph::lemma_in_context`):
    // the words between blank lines.
    let mut sentence: Vec<[&str; 10]> = Vec::new();
    let mut forms: Vec<&str> = Vec::new();
    let mut lines = lines.into_iter();
    loop {
        let line = lines.next();
        if let Some(conllu::Line::Word(cols)) = line {
            sentence.push(cols);
            continue;
        }
        if matches!(line, Some(conllu::Line::Other(l)) if !l.trim().is_empty()) {
            continue;
        }
        forms.clear();
        forms.extend(sentence.iter().map(|cols| cols[1]));
        for (i, cols) in sentence.iter().enumerate() {
            let (form, gold, tag) = (cols[1], cols[2], cols[3]);
            // `_` is a lemma the corpus does not give (unless the word is `_`).
            if gold == "_" && form != "_" {
                unscored += 1;
                continue;
            }
            let system = kazakh::morph::lemma_in_context(&forms, i);
            let ok = system.to_lowercase() == gold.to_lowercase();
            all.add(ok);
            if tag == "NOUN" || tag == "PROPN" {
                noun_propn.add(ok);
            }
            upos.entry(tag.to_owned()).or_default().add(ok);
            if !ok && shown < limit {
                shown += 1;
                let _ = writeln!(err, "{form}\t{gold}\t{system}\t{tag}");
            }
        }
        sentence.clear();
        if line.is_none() {
            break;
        }
    }
    let report = LemmasReport {
        all: all.rounded(),
        noun_propn: noun_propn.rounded(),
        upos: upos.into_iter().map(|(k, v)| (k, v.rounded())).collect(),
        unscored,
    };
    print_json_line(&report)
}

/// Arguments of `kazakh eval ner`.
#[derive(Debug, clap::Args)]
pub struct NerArgs {
    /// Gold IOB2 file, KazNERD layout (`-` for standard input).
    #[arg(long, value_name = "FILE.iob2")]
    gold: PathBuf,

    /// A model file to use instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
}

/// Runs `kazakh eval ner`.
fn ner(args: NerArgs) -> Result<(), Failure> {
    let recognizer = model::recognizer(args.model)?;
    let input = Input::new(Some(args.gold));
    let text = input.read_text(false)?;
    let sentences =
        iob2::parse(&text).map_err(|e| Failure::content(format!("{}: {e}", input.name())))?;
    let mut scorer = SpanScorer::new();
    for sentence in &sentences {
        let gold = public_labels(sentence.labels());
        let system = recognizer.iob2(sentence.tokens());
        scorer.add(&gold, &system);
    }
    let scores = rounded(scorer.scores(&LABELS));
    print_json_line(&scores)
}

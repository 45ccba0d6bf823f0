//! `kazakh train ner` (cargo feature `train`): train an entity model, or
//! measure one with grouped cross-validation.

use std::collections::HashSet;
use std::path::PathBuf;

use kazakh::eval::iob2;
use kazakh::eval::{Score, SpanScorer};
use kazakh::ner::{Recognizer, Trainer};
use serde::Serialize;

use crate::io::{Failure, Input};
use crate::model::place;
use crate::report::{
    public_labels, round2, rounded, VariantGroups, Variants, LABELS, VALUE_LABELS,
};

/// Subcommands of `kazakh train`.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Train the entity tagger on an IOB2 file (KazNERD layout).
    ///
    /// With --out, trains on the whole file and writes the model. With
    /// --folds K, runs K-fold cross-validation instead and prints one JSON
    /// line of strict span scores over the held-out folds: PER, LOC, ORG
    /// and their micro average (`entities`), the number types (`numbers`)
    /// and DATE and TIME (`dates`). Sentences that are
    /// variants of one another (ids AID…FID with the same number) always
    /// fall in the same fold. Training is deterministic for a seed.
    ///
    /// `unseen` splits the gold PER, LOC and ORG entities of each held-out
    /// fold by whether their name was seen in training: a name is seen
    /// when its tokens, joined by one space and compared case-sensitively
    /// as written, are the surface of a gold entity with the same public
    /// label (GPE and LOCATION both LOC) somewhere in that fold's training
    /// folds. For PER, LOC, ORG and their sum (`micro`) it gives, for
    /// `seen` and `unseen` entities, the gold count, the number found (the
    /// exact span with the same label predicted) and the recall; and the
    /// unseen ones again split by whether a word of the name (or a
    /// multi-word entry in it) is in the tagger's gazetteers of places,
    /// first names or organizations (`unseen_listed`, `unseen_unlisted`).
    /// The gazetteers are written from public sources, not from the
    /// training folds, so a listed unseen name is one that only the lists
    /// can have taught.
    ///
    /// `numbers_path` scores, as `kazakh eval numbers` does, the mentions
    /// of the path the library ships (`Recognizer::numbers_tokens`: the
    /// tagger's spans, the rules' values and kinds where they decide) with
    /// each fold's model: strict spans of the seven classes below (`numbers`
    /// and `dates` score the tagger's labels as they come).
    ///
    /// When sentences carry ids, `variants` and `date_variants` are the
    /// agreement figures of `kazakh eval numbers` over the held-out
    /// sentences, each found with its fold's model by the path the library
    /// ships (`Recognizer::numbers_tokens`: the tagger's spans, the rules'
    /// values): {"groups","agreeing","rate"}, where a group of two or more
    /// variants agrees when every variant yields the same sorted (label,
    /// value) pairs for CARDINAL, ORDINAL, PERCENTAGE, MONEY, QUANTITY,
    /// DATE and TIME (`date_variants`: DATE and TIME alone, over the
    /// groups where some variant has one).
    #[command(after_help = crate::io::EXIT_STATUS)]
    Ner(NerArgs),
}

/// Arguments of `kazakh train ner`.
#[derive(Debug, clap::Args)]
pub struct NerArgs {
    /// Training data, IOB2 (`-` for standard input).
    #[arg(long, value_name = "FILE.iob2")]
    train: PathBuf,

    /// Where to write the model.
    #[arg(long, value_name = "FILE", required_unless_present = "folds")]
    out: Option<PathBuf>,

    /// Cross-validate with this many folds instead of writing a model.
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u32).range(2..=20))]
    folds: Option<u32>,

    /// Passes over the data.
    #[arg(long, default_value_t = 12)]
    epochs: usize,

    /// Runs of the perceptron with different shuffles, averaged.
    #[arg(long, default_value_t = 1)]
    rounds: usize,

    /// Seed of the shuffles.
    #[arg(long, default_value_t = 1)]
    seed: u64,

    /// Margin of cost-augmented training: each wrong label of a token
    /// scores this much more while learning (0: plain perceptron).
    #[arg(long, default_value_t = 100.0)]
    margin: f32,

    /// Share of entity tokens whose own word (lower case, spelling, stem,
    /// lemma) is hidden from the learner at each visit, so that affixes,
    /// shape, gazetteers and context learn to find unseen names (0: off).
    #[arg(long, value_name = "RATE", default_value_t = kazakh::ner::DEFAULT_WORD_DROPOUT)]
    word_dropout: f32,

    /// Share of person, place and organization names written over, in a
    /// copy of their sentence learned after it at each visit, by another
    /// name of the same type from the training data whose last word takes
    /// the same case ending, so that context, affixes, shape and
    /// gazetteers learn to find unseen names (0: off).
    #[arg(long, value_name = "RATE", default_value_t = kazakh::ner::DEFAULT_NAME_SWAP)]
    name_swap: f32,

    /// Entity types to learn, comma-separated, or `all`; the labels of
    /// other types are learned as one type MISC (or as O with
    /// --no-misc). Default: PERSON, GPE, LOCATION, ORGANISATION, the
    /// five number types, DATE and TIME.
    #[arg(long, value_name = "TYPES")]
    types: Option<String>,

    /// Learn the labels of other types as O instead of MISC.
    #[arg(long)]
    no_misc: bool,

    /// Types (as learned: LOC for GPE and LOCATION, MISC) written with end
    /// and single labels (BILOU) instead of IOB2, comma-separated, or
    /// `none`. Default: ORGANISATION, DATE.
    #[arg(long, value_name = "TYPES")]
    end_labels: Option<String>,

    /// Scores added after training to every label of a type (as learned),
    /// as TYPE=BIAS pairs, comma-separated, or `none`. A positive bias
    /// finds more entities of the type, trading precision for recall.
    /// Default: ORGANISATION=8.
    #[arg(long, value_name = "TYPE=BIAS,…")]
    bias: Option<String>,

    /// Without --bias: choose the organization bias among
    /// `kazakh::ner::BIAS_CANDIDATES` by N-fold cross-validation of the
    /// training data (of each training part with --folds, never its
    /// held-out fold), the micro F1 of PER, LOC and ORG as the measure;
    /// the curves go to stderr and the biases chosen to the report
    /// (`org_biases`). 0 or 1 (the default): the fixed default bias. The
    /// inner curves are flat within their noise (docs/experiments.md), so
    /// this is a way to look at them, not the default.
    #[arg(long, value_name = "N", default_value_t = 0)]
    bias_folds: usize,

    /// The model has 2^BITS weight rows.
    #[arg(long, default_value_t = 15, value_parser = clap::value_parser!(u32).range(8..=24))]
    bits: u32,

    /// With --folds: also write every held-out sentence as
    /// `token<TAB>gold<TAB>predicted` lines (PER, LOC, ORG; conlleval
    /// layout, a blank line after each sentence), in the file's order.
    #[arg(long, value_name = "FILE", requires = "folds")]
    predictions: Option<PathBuf>,

    /// With --folds: write the variant groups that disagree to FILE, as
    /// `kazakh eval numbers --variant-errors` does.
    #[arg(long, value_name = "FILE", requires = "folds")]
    variant_errors: Option<PathBuf>,

    /// With --folds: train each fold's model on this share (above 0, at
    /// most 1) of its training part's variant groups, for a learning
    /// curve. The held-out folds are the same whatever the share; the
    /// groups kept are chosen by a hash of their id independent of the
    /// folds, so a smaller share's groups are a subset of a larger one's.
    /// The names counted as seen in training are those of the groups kept.
    #[arg(long, value_name = "SHARE", requires = "folds", value_parser = parse_share)]
    train_share: Option<f64>,
}

/// A share above 0 and at most 1.
fn parse_share(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v > 0.0 && v <= 1.0 => Ok(v),
        _ => Err(format!("{s:?} is not a share above 0 and at most 1")),
    }
}

/// Number types scored in cross-validation.
const NUMBER_TYPES: [&str; 5] = ["CARDINAL", "ORDINAL", "PERCENTAGE", "MONEY", "QUANTITY"];

/// Temporal types scored in cross-validation.
const DATE_TYPES: [&str; 2] = ["DATE", "TIME"];

#[derive(Serialize)]
struct CvReport {
    folds: u32,
    sentences: usize,
    /// The share of training groups kept (with --train-share).
    #[serde(skip_serializing_if = "Option::is_none")]
    train_share: Option<f64>,
    entities: kazakh::eval::LabelScores,
    numbers: kazakh::eval::LabelScores,
    dates: kazakh::eval::LabelScores,
    unseen: UnseenReport,
    /// Strict spans of the shipped numbers path.
    numbers_path: kazakh::eval::LabelScores,
    /// The organization bias chosen for each fold (with --bias-folds).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    org_biases: Vec<f32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    variants: Option<Variants>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_variants: Option<Variants>,
}

/// Recall on gold entities whose name was seen in training and on the
/// others, per public label and summed (`micro`).
#[derive(Serialize)]
struct UnseenReport {
    #[serde(rename = "PER")]
    per: SeenSplit,
    #[serde(rename = "LOC")]
    loc: SeenSplit,
    #[serde(rename = "ORG")]
    org: SeenSplit,
    micro: SeenSplit,
}

/// Recall on the seen names and on the unseen ones, and the unseen ones
/// split by whether the gazetteers know a word of the name
/// (`kazakh::ner::in_gazetteer`): `unseen_listed` and `unseen_unlisted`.
#[derive(Serialize)]
struct SeenSplit {
    seen: Recall,
    unseen: Recall,
    unseen_listed: Recall,
    unseen_unlisted: Recall,
}

/// Gold entities, those found (exact span and label), and the recall in
/// percent rounded to 2 decimals (0 without gold entities).
#[derive(Serialize)]
struct Recall {
    gold: usize,
    found: usize,
    recall: f64,
}

impl Recall {
    fn new([gold, found]: [usize; 2]) -> Recall {
        Recall {
            gold,
            found,
            recall: round2(Score::from_counts(found, gold, 0).recall),
        }
    }
}

/// Gold and found counts of held-out entities, by public label (the order
/// of [`LABELS`]) and by whether the name was seen in training (0), unseen
/// and in the gazetteers (1) or unseen and not (2).
#[derive(Default)]
struct SeenCounts([[[usize; 2]; 3]; 3]);

impl SeenCounts {
    /// Counts the gold entities of one held-out sentence (`gold`: public
    /// labels) against the system's labels `system`, given the names of
    /// the training folds.
    fn add<G: AsRef<str>>(
        &mut self,
        tokens: &[&str],
        gold: &[G],
        system: &[&str],
        names: &HashSet<(String, String)>,
    ) {
        let system = iob2::entities(system);
        for e in iob2::entities(gold) {
            let Some(label) = LABELS.iter().position(|&l| l == e.label) else {
                continue;
            };
            let seen = names.contains(&(e.label.to_owned(), surface(tokens, &e)));
            let part = if seen {
                0
            } else if kazakh::ner::in_gazetteer(&tokens[e.start..e.end]) {
                1
            } else {
                2
            };
            let counts = &mut self.0[label][part];
            counts[0] += 1;
            counts[1] += usize::from(system.contains(&e));
        }
    }

    fn report(&self) -> UnseenReport {
        let split = |c: &[[usize; 2]; 3]| SeenSplit {
            seen: Recall::new(c[0]),
            unseen: Recall::new([c[1][0] + c[2][0], c[1][1] + c[2][1]]),
            unseen_listed: Recall::new(c[1]),
            unseen_unlisted: Recall::new(c[2]),
        };
        let mut total = [[0; 2]; 3];
        for label in &self.0 {
            for (t, c) in total.iter_mut().zip(label) {
                t[0] += c[0];
                t[1] += c[1];
            }
        }
        UnseenReport {
            per: split(&self.0[0]),
            loc: split(&self.0[1]),
            org: split(&self.0[2]),
            micro: split(&total),
        }
    }
}

/// The surface of an entity: its tokens joined by one space.
fn surface(tokens: &[&str], e: &iob2::Entity<'_>) -> String {
    tokens[e.start..e.end].join(" ")
}

/// The (public label, surface) pairs of the gold PER, LOC and ORG entities
/// of `sentences` (tokens with public labels).
fn names<'a>(
    sentences: impl Iterator<Item = (&'a [&'a str], &'a [String])>,
) -> HashSet<(String, String)> {
    let mut out = HashSet::new();
    for (tokens, labels) in sentences {
        for e in iob2::entities(labels) {
            out.insert((e.label.to_owned(), surface(tokens, &e)));
        }
    }
    out
}

/// Runs `kazakh train …`.
pub fn run(command: Command) -> Result<(), Failure> {
    match command {
        Command::Ner(args) => ner(args),
    }
}

/// FNV-1a of a variant group's key.
fn group_hash(key: &str) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for b in key.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01B3);
    }
    h
}

/// The fold of a variant group: [`group_hash`] of its key.
fn fold_of(key: &str, folds: u32) -> u32 {
    (group_hash(key) % u64::from(folds)) as u32
}

/// Whether a variant group is among the `share` of groups kept for
/// training (`--train-share`): its hash, mixed again (SplitMix64's
/// finaliser) so that the choice does not follow the fold, read as a
/// number in [0, 1).
fn in_share(key: &str, share: f64) -> bool {
    let mut z = group_hash(key) ^ 0x9E37_79B9_7F4A_7C15;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    ((z >> 11) as f64) / ((1u64 << 53) as f64) < share
}

/// With --bias-folds (and no --bias): sets `trainer`'s organization bias to
/// the best of [`kazakh::ner::BIAS_CANDIDATES`] in an inner
/// cross-validation of `data` (whose variant groups are `keys`), prints the
/// curve to stderr and returns the bias chosen.
fn choose_bias(
    trainer: &mut Trainer,
    data: &[(Vec<&str>, Vec<&str>)],
    keys: &[&String],
    folds: usize,
) -> Result<Option<f32>, kazakh::Error> {
    if folds < 2 {
        return Ok(None);
    }
    let groups: Vec<u64> = keys.iter().map(|k| group_hash(k)).collect();
    let curve = trainer.bias_curve(
        data,
        &groups,
        "ORGANISATION",
        kazakh::ner::BIAS_CANDIDATES,
        folds,
    )?;
    let best = kazakh::ner::best_bias(&curve);
    let shown: Vec<String> = curve.iter().map(|(b, f)| format!("{b}:{f:.2}")).collect();
    eprintln!("organization bias {best} (inner F1 {})", shown.join(" "));
    trainer.biases(&[("ORGANISATION", best)]);
    Ok(Some(best))
}

fn ner(args: NerArgs) -> Result<(), Failure> {
    let input = Input::new(Some(args.train));
    let text = input.read_text(false)?;
    let sentences =
        iob2::parse(&text).map_err(|e| Failure::content(format!("{}: {e}", input.name())))?;
    let data: Vec<(Vec<&str>, Vec<&str>)> = sentences
        .iter()
        .map(|s| (s.tokens().to_vec(), s.labels().to_vec()))
        .collect();
    let mut trainer = Trainer::new();
    trainer
        .epochs(args.epochs)
        .seed(args.seed)
        .hash_bits(args.bits)
        .rounds(args.rounds)
        .margin(args.margin)
        .word_dropout(args.word_dropout)
        .name_swap(args.name_swap);
    if args.no_misc {
        trainer.others(None);
    }
    if let Some(list) = args.end_labels.as_deref() {
        trainer.end_labels(&type_list(list, "none"));
    }
    if let Some(list) = args.types.as_deref() {
        trainer.types(&type_list(list, "all"));
    }
    if let Some(list) = args.bias.as_deref() {
        trainer.biases(&bias_list(list)?);
    }
    let failure = |e: kazakh::Error| Failure::content(format!("{}: {e}", input.name()));
    let keys: Vec<String> = sentences
        .iter()
        .enumerate()
        .map(|(i, s)| s.id_number().map_or_else(|| format!("#{i}"), str::to_owned))
        .collect();
    let bias_folds = if args.bias.is_some() {
        0
    } else {
        args.bias_folds
    };

    let Some(folds) = args.folds else {
        let all: Vec<&String> = keys.iter().collect();
        choose_bias(&mut trainer, &data, &all, bias_folds).map_err(failure)?;
        let model = trainer.train(&data).map_err(failure)?;
        return write_file(&args.out.unwrap_or_default(), &model.to_bytes());
    };
    let mut org_biases = Vec::new();
    let mut entities = SpanScorer::new();
    let mut numbers = SpanScorer::new();
    let mut dates = SpanScorer::new();
    let mut predicted: Vec<Vec<&'static str>> = vec![Vec::new(); data.len()];
    let public: Vec<Vec<String>> = data.iter().map(|(_, l)| public_labels(l)).collect();
    let mut seen = SeenCounts::default();
    let mut groups = VariantGroups::default();
    let mut path = SpanScorer::new();
    let share = args.train_share.unwrap_or(1.0);
    let trains = |key: &str, k: u32| fold_of(key, folds) != k && in_share(key, share);
    for k in 0..folds {
        let train: Vec<_> = data
            .iter()
            .zip(&keys)
            .filter(|(_, key)| trains(key, k))
            .map(|(d, _)| d.clone())
            .collect();
        let train_keys: Vec<&String> = keys.iter().filter(|key| trains(key, k)).collect();
        if train.is_empty() && args.train_share.is_some() {
            return Err(Failure::content(format!(
                "--train-share {share} leaves fold {} of {folds} without training sentences",
                k + 1
            )));
        }
        let mut trainer = trainer.clone();
        if let Some(b) =
            choose_bias(&mut trainer, &train, &train_keys, bias_folds).map_err(failure)?
        {
            org_biases.push(b);
        }
        let model = trainer.train(&train).map_err(failure)?;
        let recognizer = Recognizer::new(model);
        let known = names(
            data.iter()
                .zip(&keys)
                .zip(&public)
                .filter(|((_, key), _)| trains(key, k))
                .map(|(((tokens, _), _), labels)| (&tokens[..], &labels[..])),
        );
        for (i, ((tokens, labels), key)) in data.iter().zip(&keys).enumerate() {
            if fold_of(key, folds) != k {
                continue;
            }
            predicted[i] = recognizer.iob2(tokens);
            entities.add(&public[i], &predicted[i]);
            seen.add(tokens, &public[i], &predicted[i], &known);
            let (gold, tagged) = (iob2::entities(labels), recognizer.tag(tokens));
            let system = iob2::entities(&tagged);
            for (scorer, types) in [(&mut numbers, &NUMBER_TYPES[..]), (&mut dates, &DATE_TYPES)] {
                scorer.add_entities(&of_types(&gold, types), &of_types(&system, types));
            }
            let joined = tokens.join(" ");
            let mentions = recognizer.numbers_tokens(tokens, &joined);
            let shipped: Vec<iob2::Entity<'_>> = place(tokens.len(), &mentions, |m| {
                VALUE_LABELS.contains(&m.label())
            })
            .into_iter()
            .map(|(m, range)| iob2::Entity {
                label: m.label(),
                start: range.start,
                end: range.end,
            })
            .collect();
            path.add_entities(&of_types(&gold, &VALUE_LABELS), &shipped);
            if let Some(number) = sentences[i].id_number() {
                groups.add(number, &joined, &mentions);
            }
        }
        eprintln!("fold {} of {folds} done", k + 1);
    }
    if let Some(path) = &args.predictions {
        write_predictions(path, &data, &predicted)?;
    }
    if let Some(path) = &args.variant_errors {
        write_file(path, groups.disagreeing().as_bytes())?;
    }
    let has_ids = sentences.iter().any(|s| s.id().is_some());
    let report = CvReport {
        folds,
        sentences: data.len(),
        train_share: args.train_share,
        entities: rounded(entities.scores(&LABELS)),
        numbers: rounded(numbers.scores(&NUMBER_TYPES)),
        dates: rounded(dates.scores(&DATE_TYPES)),
        unseen: seen.report(),
        numbers_path: rounded(path.scores(&VALUE_LABELS)),
        org_biases,
        variants: has_ids.then(|| groups.variants()),
        date_variants: has_ids.then(|| groups.date_variants()),
    };
    crate::io::print_json_line(&report)
}

/// The spans of `spans` whose type is one of `types`.
fn of_types<'a>(spans: &[iob2::Entity<'a>], types: &[&str]) -> Vec<iob2::Entity<'a>> {
    spans
        .iter()
        .filter(|e| types.contains(&e.label))
        .cloned()
        .collect()
}

/// Writes a whole file, or fails with one line naming it.
fn write_file(path: &std::path::Path, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::write(path, bytes)
        .map_err(|e| Failure::content(format!("cannot write {}: {e}", path.display())))
}

/// Writes the held-out predictions of cross-validation, conlleval style.
fn write_predictions(
    path: &std::path::Path,
    data: &[(Vec<&str>, Vec<&str>)],
    predicted: &[Vec<&str>],
) -> Result<(), Failure> {
    let mut text = String::new();
    for ((tokens, labels), system) in data.iter().zip(predicted) {
        let gold = public_labels(labels);
        for ((token, g), p) in tokens.iter().zip(&gold).zip(system) {
            text.push_str(&format!("{token}\t{g}\t{p}\n"));
        }
        text.push('\n');
    }
    write_file(path, text.as_bytes())
}

/// A comma-separated list of types (or of --bias pairs), or none for the
/// one `keyword` (`all` for --types, `none` for --end-labels and --bias).
fn type_list<'a>(arg: &'a str, keyword: &str) -> Vec<&'a str> {
    if arg.trim() == keyword {
        Vec::new()
    } else {
        arg.split(',').map(str::trim).collect()
    }
}

/// The `TYPE=BIAS` pairs of --bias (none for `none`).
fn bias_list(arg: &str) -> Result<Vec<(&str, f32)>, Failure> {
    type_list(arg, "none")
        .into_iter()
        .map(|pair| {
            pair.split_once('=')
                .and_then(|(t, b)| Some((t.trim(), b.trim().parse::<f32>().ok()?)))
                .filter(|(t, b)| !t.is_empty() && b.is_finite())
                .ok_or_else(|| {
                    Failure::usage(format!(
                        "--bias: expected TYPE=NUMBER pairs separated by commas, got {pair:?}"
                    ))
                })
        })
        .collect()
}

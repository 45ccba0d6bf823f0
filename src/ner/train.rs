//! Training (cargo feature `train`): an averaged structured perceptron.
//!
//! Each epoch visits the sentences in a seeded shuffled order, decodes each
//! with the current weights and, where the best sequence differs from the
//! gold one, adds the gold features and transitions and subtracts the
//! predicted ones. The model keeps the average of the weights over all
//! steps (accumulated lazily as `w - acc / steps`), which generalizes far
//! better than the last weights. Training is deterministic for a seed.

use super::decode::Decoder;
use super::features::Extractor;
use super::model::Model;
use super::swap::NameSwap;
use super::Label;
use crate::error::{Error, ErrorKind};
use crate::hash::SplitMix;

/// The entity types kept by default: people, places and organizations,
/// KazNERD's number types, and its dates and times (whose spans the tagger
/// also learns, for the rules to read their values).
pub const DEFAULT_TYPES: &[&str] = &[
    "PERSON",
    "GPE",
    "LOCATION",
    "ORGANISATION",
    "CARDINAL",
    "ORDINAL",
    "PERCENTAGE",
    "MONEY",
    "QUANTITY",
    "DATE",
    "TIME",
];

/// Kept types learned under another name by default: KazNERD's GPE
/// (countries, cities, regions) and LOCATION (rivers, mountains, …) are
/// both the public [`Label::Location`](super::Label::Location), and learned
/// as one type they share their evidence (about +0.3 micro F1 in
/// cross-validation).
pub const DEFAULT_MERGES: &[(&str, &str)] = &[("GPE", "LOC"), ("LOCATION", "LOC")];

/// The types learned with end and single labels by default (see
/// [`Trainer::end_labels`]): organization names, the longest and most
/// varied, gain most from learning how they end, and dates, whose last
/// word carries the case ending that closes them (`2024 жылғы 12
/// мамырда`).
pub const DEFAULT_END_LABELS: &[&str] = &["ORGANISATION", "DATE"];

/// The label biases by default (see [`Trainer::biases`]): organizations,
/// which the tagger finds with lower recall than precision (75 against
/// 81 in cross-validation with a bias of 5), get a push. The names' micro
/// F1 hardly moves between biases 0 and 16 (grouped cross-validation,
/// seeds 1–3: 90.67, 90.67, 90.70, 90.74, 90.74, 90.71 for 0, 3, 5, 8,
/// 12, 16), while the recall of organizations never seen in training
/// rises with the bias (53.4 at 0, 55.4 at 5, 56.8 at 8, 58.1 at 12); 8
/// is the largest that lowered the micro F1 on none of seeds 1–6
/// (docs/experiments.md, "Organization bias, sentence starters and
/// organization heads").
pub const DEFAULT_BIASES: &[(&str, f32)] = &[("ORGANISATION", 8.0)];

/// The organization biases that `kazakh train ner` tries by inner
/// cross-validation of its training data ([`Trainer::bias_curve`]), in
/// the weights' units; ties go to the smaller.
pub const BIAS_CANDIDATES: &[f32] = &[0.0, 3.0, 5.0, 8.0, 12.0, 16.0, 24.0];

/// The types whose tokens [`Trainer::word_dropout`] hides: the names
/// (as given and as learned after the default merges). Dates, times and
/// numbers keep their words, which are most of their evidence.
const NAME_TYPES: [&str; 5] = ["PERSON", "GPE", "LOCATION", "LOC", "ORGANISATION"];

/// The PER, LOC and ORG spans (strict IOB2) of a sentence's labels, of any
/// of the types [`Label::from_type`] reads, with the type read.
fn name_spans<S: AsRef<str>>(labels: &[S]) -> Vec<(Label, usize, usize)> {
    crate::ner::iob::entities(labels)
        .iter()
        .filter_map(|e| Label::from_type(e.label).map(|l| (l, e.start, e.end)))
        .collect()
}

/// The candidate with the highest score of a [`Trainer::bias_curve`], the
/// first of equal ones; 0 for an empty curve.
pub fn best_bias(curve: &[(f32, f64)]) -> f32 {
    let mut best: Option<(f32, f64)> = None;
    for &(b, f) in curve {
        if best.map_or(true, |(_, g)| f > g) {
            best = Some((b, f));
        }
    }
    best.map_or(0.0, |(b, _)| b)
}

/// Whether a learned label (`B-PERSON`, `E-ORGANISATION`, …) is of a name.
fn is_name_label(label: &str) -> bool {
    label
        .split_once('-')
        .is_some_and(|(_, t)| NAME_TYPES.contains(&t))
}

/// The word dropout by default (see [`Trainer::word_dropout`]): none.
/// Against no dropout with the same shuffles (grouped 5-fold
/// cross-validation, one round, mean of seeds 1 to 5), 0.05 raised the
/// recall on names unseen in training from 75.66 to 76.12 with names
/// micro F1 89.82 → 89.86, and 0.1 to 76.35 with 89.83 but ORG F1
/// 77.44 → 77.06; in the shipped configuration (six rounds, seed 1) 0.05
/// gave unseen 75.93 → 76.18 but micro F1 90.13 → 89.94 and TIME 90.12 →
/// 89.00, so the averaging of rounds leaves it nothing to add.
pub const DEFAULT_WORD_DROPOUT: f32 = 0.0;

/// The name swap by default (see [`Trainer::name_swap`]): none. On the
/// state it was written against, a tenth of the names raised the recall
/// on names unseen in training (grouped 5-fold cross-validation, one
/// round, seeds 1 to 6: 79.15 → 79.53; six rounds, seeds 1 to 4: 79.33 →
/// 79.81) with names micro F1 90.70 → 90.69 and 90.81 → 90.91. Merged
/// with the session's rule changes, six rounds, seeds 1 to 4: micro F1
/// 90.83 both ways and unseen 79.42 → 79.68, but TIME F1 91.22 → 89.07,
/// lower on every seed (the copies weigh the contexts of sentences with
/// names twice); so it is an option, off (docs/experiments.md,
/// "Name-swap augmentation").
pub const DEFAULT_NAME_SWAP: f32 = 0.0;

/// One sentence as the perceptron reads it: the weight rows of its
/// features, where each token's rows start, and the gold label indices.
type Rows = (Vec<u32>, Vec<u32>, Vec<u16>);

/// A share as the trainer keeps it: clamped to 0..=1, non-finite as 0.
fn share(rate: f32) -> f32 {
    if rate.is_finite() {
        rate.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// A rate as a threshold on 53 random bits.
fn threshold(rate: f32) -> u64 {
    (f64::from(rate) * (1u64 << 53) as f64) as u64
}

/// Trains NER models.
///
/// ```
/// use kazakh::ner::{Recognizer, Trainer};
/// let tokens = vec!["Тоқаев", "Астанаға", "келді"];
/// let labels = vec!["B-PERSON", "B-GPE", "O"];
/// let data = vec![(tokens.clone(), labels.clone()); 3];
/// let model = Trainer::new().epochs(3).hash_bits(12).train(&data).unwrap();
/// // GPE is learned as LOC (see `Trainer::merges`).
/// assert_eq!(Recognizer::new(model).tag(&tokens), ["B-PERSON", "B-LOC", "O"]);
/// ```
#[derive(Clone, Debug)]
pub struct Trainer {
    epochs: usize,
    seed: u64,
    bits: u32,
    rounds: usize,
    margin: f32,
    word_dropout: f32,
    name_swap: f32,
    end_labels: Vec<String>,
    biases: Vec<(String, f32)>,
    types: Vec<String>,
    others: Option<String>,
    merges: Vec<(String, String)>,
}

impl Default for Trainer {
    fn default() -> Trainer {
        Trainer::new()
    }
}

/// Marks a feature row (in training) that names the token's own word.
const LEXICAL: u32 = 1 << 31;

impl Trainer {
    /// 12 epochs, seed 1, margin 100, no word dropout, the
    /// [`DEFAULT_NAME_SWAP`], 2^15 weight rows, the [`DEFAULT_TYPES`], GPE
    /// and LOCATION learned as one type LOC, the [`DEFAULT_END_LABELS`] and
    /// the [`DEFAULT_BIASES`].
    pub fn new() -> Trainer {
        Trainer {
            epochs: 12,
            seed: 1,
            bits: 15,
            rounds: 1,
            margin: 100.0,
            word_dropout: DEFAULT_WORD_DROPOUT,
            name_swap: DEFAULT_NAME_SWAP,
            end_labels: DEFAULT_END_LABELS.iter().map(|s| s.to_string()).collect(),
            biases: DEFAULT_BIASES
                .iter()
                .map(|&(t, b)| (t.to_owned(), b))
                .collect(),
            others: Some("MISC".to_owned()),
            types: DEFAULT_TYPES.iter().map(|s| s.to_string()).collect(),
            merges: DEFAULT_MERGES
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect(),
        }
    }

    /// Passes over the training data.
    pub fn epochs(&mut self, epochs: usize) -> &mut Trainer {
        self.epochs = epochs;
        self
    }

    /// The seed of the shuffles.
    pub fn seed(&mut self, seed: u64) -> &mut Trainer {
        self.seed = seed;
        self
    }

    /// Runs of the perceptron, each with its own shuffles (seeds `seed`,
    /// `seed + 1`, …), whose weights are averaged into the model.
    pub fn rounds(&mut self, rounds: usize) -> &mut Trainer {
        self.rounds = rounds.max(1);
        self
    }

    /// The margin of cost-augmented training: while learning, every wrong
    /// label of a token gets this much added to its score, so a sentence
    /// keeps updating the weights until its gold labelling wins by the
    /// margin per wrong token (a large-margin perceptron). 0 gives the plain
    /// perceptron. Default 100 (one update moves a feature's weight by 1).
    /// Negative or non-finite values count as 0.
    pub fn margin(&mut self, margin: f32) -> &mut Trainer {
        self.margin = if margin.is_finite() {
            margin.max(0.0)
        } else {
            0.0
        };
        self
    }

    /// The share of name tokens (gold label of a person, place or
    /// organization) whose own-word
    /// features (lower case, spelling, stem, lemma, and their pairs with
    /// a neighbour) are hidden, drawn anew for each token at each visit
    /// of its sentence: a name whose word the tagger knows then still
    /// teaches its affixes, shape, gazetteer flags and context, which are
    /// all the tagger has on a name it has never seen. Default
    /// [`DEFAULT_WORD_DROPOUT`]; 0 turns it off. The draws have their own
    /// generator, so the shuffles are those of a run without dropout.
    /// Clamped to 0..=1; non-finite values count as 0.
    pub fn word_dropout(&mut self, rate: f32) -> &mut Trainer {
        self.word_dropout = share(rate);
        self
    }

    /// The share of person, place and organization names written over in
    /// a copy of their sentence that is learned, at each visit, right
    /// after the sentence itself (when at least one name changed): each
    /// name by a name of the same type from the training data, drawn as
    /// often as the data has it, so that the tagger learns names from
    /// their context, affixes, shape and lists more than from their
    /// identity, and still sees every sentence as written. The case ending on a
    /// name's last word stays: a name in the nominative takes any name of
    /// its type, an inflected one only a name whose last word (cut before
    /// its own ending) has the same harmony, the same class of last sound,
    /// a third-person possessive or not, and is an acronym or not, so that
    /// the ending still fits (`Астанаға` → `Алматыға`, never `Семейға`).
    /// Only the data given to [`Trainer::train`] is drawn from, so in
    /// cross-validation the held-out fold's names never come in. Default
    /// [`DEFAULT_NAME_SWAP`]; 0 turns it off. The draws have their own
    /// generator, so the shuffles are those of a run without it. Clamped
    /// to 0..=1; non-finite values count as 0.
    pub fn name_swap(&mut self, rate: f32) -> &mut Trainer {
        self.name_swap = share(rate);
        self
    }

    /// The types (as learned, after [`Trainer::merges`]) written with
    /// end and single labels: `B-X I-X … E-X` for an entity of several
    /// tokens, `S-X` for one token (BILOU), rather than IOB2's `B-X I-X …`
    /// and `B-X`. The tagger then learns how names of that type end, at
    /// the cost of two labels each. Output is IOB2 either way. Default:
    /// [`DEFAULT_END_LABELS`].
    pub fn end_labels<S: AsRef<str>>(&mut self, types: &[S]) -> &mut Trainer {
        self.end_labels = types.iter().map(|s| s.as_ref().to_owned()).collect();
        self
    }

    /// Scores added after training to every label of a type (as learned,
    /// after [`Trainer::merges`]), as `(type, bias)` pairs replacing
    /// [`DEFAULT_BIASES`]. The unit is the weights' (one update moves a
    /// weight by 1; compare the margin). A positive bias makes the tagger
    /// find more entities of the type, trading precision for recall; the
    /// perceptron, like most linear taggers, errs towards `O` on rare,
    /// varied types. The bias is stored in the transitions into the
    /// type's labels, which every token takes exactly once, so it costs
    /// nothing when tagging and needs no new model format. Non-finite
    /// biases count as 0.
    ///
    /// ```
    /// use kazakh::ner::{Recognizer, Trainer};
    /// let tokens = vec!["Тоқаев", "Астанаға", "келді"];
    /// let data = vec![(tokens.clone(), vec!["B-PERSON", "B-GPE", "O"]); 3];
    /// let mut trainer = Trainer::new();
    /// trainer.epochs(3).hash_bits(12).biases(&[("PERSON", 1e6)]);
    /// // A bias this large outweighs all the evidence.
    /// let model = trainer.train(&data).unwrap();
    /// assert_eq!(Recognizer::new(model).tag(&tokens), ["B-PERSON"; 3]);
    /// ```
    pub fn biases<S: AsRef<str>>(&mut self, pairs: &[(S, f32)]) -> &mut Trainer {
        self.biases = pairs
            .iter()
            .map(|(t, b)| (t.as_ref().to_owned(), if b.is_finite() { *b } else { 0.0 }))
            .collect();
        self
    }

    /// The model has 2^bits weight rows (8 to 24).
    pub fn hash_bits(&mut self, bits: u32) -> &mut Trainer {
        self.bits = bits.clamp(8, 24);
        self
    }

    /// The entity types to learn; labels of other types count as `O`.
    /// Empty: keep every type.
    pub fn types<S: AsRef<str>>(&mut self, types: &[S]) -> &mut Trainer {
        self.types = types.iter().map(|s| s.as_ref().to_owned()).collect();
        self
    }

    /// What the labels of the types not in [`Trainer::types`] become: one
    /// catch-all type (`Some("MISC")`, the default, which keeps the tagger
    /// from mistaking other names for the kept types while keeping the
    /// label set small) or `O` (`None`).
    pub fn others(&mut self, others: Option<&str>) -> &mut Trainer {
        self.others = others.map(str::to_owned);
        self
    }

    /// Kept types to learn under another name, as `(type, name)` pairs
    /// (replacing [`DEFAULT_MERGES`]; empty: every kept type keeps its
    /// name). The name should be one [`Label::from_type`] knows when the
    /// type is a person, place or organization.
    ///
    /// [`Label::from_type`]: super::Label::from_type
    pub fn merges<S: AsRef<str>>(&mut self, pairs: &[(S, S)]) -> &mut Trainer {
        self.merges = pairs
            .iter()
            .map(|(a, b)| (a.as_ref().to_owned(), b.as_ref().to_owned()))
            .collect();
        self
    }

    /// The label learned for a gold label.
    fn keep(&self, label: &str) -> String {
        match label.split_once('-') {
            Some(("B" | "I", kind))
                if self.types.is_empty() || self.types.iter().any(|t| t == kind) =>
            {
                match self.merges.iter().find(|(from, _)| from == kind) {
                    Some((_, into)) => format!("{}-{into}", &label[..1]),
                    None => label.to_owned(),
                }
            }
            Some((prefix @ ("B" | "I"), _)) => match &self.others {
                Some(other) => format!("{prefix}-{other}"),
                None => "O".to_owned(),
            },
            _ => "O".to_owned(),
        }
    }

    /// Trains a model on sentences of tokens with their IOB2 labels.
    /// Errors (kind [`ErrorKind::InvalidInput`]) when the data is empty or
    /// a sentence has a different number of labels than tokens.
    pub fn train<T: AsRef<str>, L: AsRef<str>>(
        &self,
        data: &[(Vec<T>, Vec<L>)],
    ) -> Result<Model, Error> {
        if data.is_empty() {
            return Err(Error::new(ErrorKind::InvalidInput, "no training sentences"));
        }
        for (i, (tokens, gold)) in data.iter().enumerate() {
            if tokens.len() != gold.len() {
                return Err(Error::new(
                    ErrorKind::InvalidInput,
                    format!(
                        "training sentence {} has {} tokens and {} labels",
                        i + 1,
                        tokens.len(),
                        gold.len()
                    ),
                ));
            }
        }
        let learned: Vec<Vec<String>> = data.iter().map(|(_, gold)| self.relabel(gold)).collect();
        // The label set: O first, then the learned labels in sorted order.
        let mut labels: Vec<String> = vec!["O".to_owned()];
        for label in learned.iter().flatten() {
            if !labels.contains(label) {
                labels.push(label.clone());
            }
        }
        labels[1..].sort();
        let n = labels.len();
        let index = |l: &str| labels.iter().position(|x| x == l).unwrap_or(0) as u16;

        // Features and gold label indices, computed once.
        let mut x = Extractor::default();
        let mut sentences: Vec<Rows> = Vec::with_capacity(data.len());
        let shell = Model::assemble(
            labels.clone(),
            self.bits,
            1.0,
            vec![0.0; (n + 1) * n],
            Vec::new(),
        );
        let featurize = |x: &mut Extractor, words: &[&str], gold: &[String]| -> Rows {
            x.extract(words, None);
            let rows: Vec<u32> = x
                .hashes
                .iter()
                .zip(&x.lexical)
                .map(|(&h, &lexical)| shell.row(h) as u32 | if lexical { LEXICAL } else { 0 })
                .collect();
            let offsets: Vec<u32> = x.offsets.iter().map(|&o| o as u32).collect();
            let gold: Vec<u16> = gold.iter().map(|l| index(l)).collect();
            (rows, offsets, gold)
        };
        for ((tokens, _), gold) in data.iter().zip(&learned) {
            let words: Vec<&str> = tokens.iter().map(AsRef::as_ref).collect();
            sentences.push(featurize(&mut x, &words, gold));
        }
        // The name swap: a copy with names written over is read anew.
        let swap_at = threshold(self.name_swap);
        let names = (swap_at != 0).then(|| NameSwap::new(data));
        let mut swap = |s: usize, rng: &mut SplitMix| -> Option<Rows> {
            let (tokens, gold) = &data[s];
            let (words, labels) = names
                .as_ref()?
                .swap(s, tokens, gold, swap_at, &mut || rng.next())?;
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            Some(featurize(&mut x, &words, &self.relabel(&labels)))
        };

        // Average the averaged weights of `rounds` runs with different
        // shuffles, then quantize the emission weights to i16.
        let rounds = self.rounds.max(1);
        let (mut avg, mut transitions) = (Vec::new(), Vec::new());
        for r in 0..rounds {
            let seed = self.seed.wrapping_add(r as u64);
            let (w, t) = self.perceptron(&sentences, shell.clone(), seed, &mut swap);
            if r == 0 {
                (avg, transitions) = (w, t);
            } else {
                avg.iter_mut().zip(&w).for_each(|(a, v)| *a += v);
                transitions.iter_mut().zip(&t).for_each(|(a, v)| *a += v);
            }
        }
        let k = rounds as f32;
        avg.iter_mut().for_each(|v| *v /= k);
        transitions.iter_mut().for_each(|v| *v /= k);
        // A bias on a label is a bias on every transition into it (from
        // each label and from the start, row `n`).
        for (c, label) in labels.iter().enumerate() {
            let bias: f32 = self
                .biases
                .iter()
                .filter(|(t, _)| label.get(2..) == Some(t.as_str()))
                .map(|(_, b)| b)
                .sum();
            if bias != 0.0 {
                (0..=n).for_each(|p| transitions[p * n + c] += bias);
            }
        }
        let max = avg.iter().fold(0f32, |m, v| m.max(v.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let weights: Vec<i16> = avg.iter().map(|v| (v / scale).round() as i16).collect();
        let mut model = Model::assemble(labels, self.bits, scale, transitions, weights);
        model.temperature = temperature(&model, &sentences);
        Ok(model)
    }

    /// The micro F1 (percent) of the PER, LOC and ORG names (strict spans)
    /// for each bias of `candidates` on the labels of type `ty`, measured by
    /// `folds`-fold cross-validation of `data`: the sentences with the same
    /// `groups` value (variants of one sentence) fall in the same fold.
    /// Each fold's model is trained once, with this trainer's settings but
    /// one round and no bias on `ty`; the candidates are then added to its
    /// transitions (as [`Trainer::biases`] does) and the held-out sentences
    /// tagged with each. A fold with no held-out or no training sentences
    /// is skipped. Choose the bias on training data only, never on the
    /// data the model is measured on.
    ///
    /// Errors as [`Trainer::train`] does, or (kind
    /// [`ErrorKind::InvalidInput`]) when `groups` and `data` differ in
    /// length or `folds` is below 2.
    pub fn bias_curve<T: AsRef<str>, L: AsRef<str>>(
        &self,
        data: &[(Vec<T>, Vec<L>)],
        groups: &[u64],
        ty: &str,
        candidates: &[f32],
        folds: usize,
    ) -> Result<Vec<(f32, f64)>, Error> {
        if groups.len() != data.len() || folds < 2 {
            return Err(Error::new(
                ErrorKind::InvalidInput,
                "bias search needs one group per sentence and at least 2 folds",
            ));
        }
        let fold_of = |g: u64| (SplitMix(g ^ 0x5EED_B1A5).next() % folds as u64) as usize;
        let mut inner = self.clone();
        inner.rounds = 1;
        inner.biases.retain(|(t, _)| t != ty);
        // True positives, system spans and gold spans per candidate.
        let mut counts = vec![[0usize; 3]; candidates.len()];
        for f in 0..folds {
            let held: Vec<usize> = (0..data.len())
                .filter(|&i| fold_of(groups[i]) == f)
                .collect();
            if held.is_empty() || held.len() == data.len() {
                continue;
            }
            let part: Vec<(Vec<&str>, Vec<&str>)> = (0..data.len())
                .filter(|&i| fold_of(groups[i]) != f)
                .map(|i| {
                    let (t, l) = &data[i];
                    (
                        t.iter().map(AsRef::as_ref).collect(),
                        l.iter().map(AsRef::as_ref).collect(),
                    )
                })
                .collect();
            let model = inner.train(&part)?;
            let n = model.labels.len();
            for (&bias, count) in candidates.iter().zip(&mut counts) {
                let mut m = model.clone();
                let mut t = m.transitions.clone();
                for (c, label) in m.labels.iter().enumerate() {
                    if label.get(2..) == Some(ty) {
                        (0..=n).for_each(|p| t[p * n + c] += bias);
                    }
                }
                m.set_transitions(&t);
                let r = crate::ner::Recognizer::new(m);
                for &i in &held {
                    let (tokens, gold) = &data[i];
                    let words: Vec<&str> = tokens.iter().map(AsRef::as_ref).collect();
                    let system = name_spans(&r.iob2(&words));
                    let gold = name_spans(gold);
                    count[0] += system.iter().filter(|e| gold.contains(e)).count();
                    count[1] += system.len();
                    count[2] += gold.len();
                }
            }
        }
        Ok(candidates
            .iter()
            .zip(&counts)
            .map(|(&b, &[tp, found, gold])| {
                let f1 = if found + gold == 0 {
                    0.0
                } else {
                    200.0 * tp as f64 / (found + gold) as f64
                };
                (b, f1)
            })
            .collect())
    }

    /// The learned labels of one sentence's gold labels: the kept types
    /// (see [`Trainer::types`], [`Trainer::merges`]); an `I-X` where IOB2
    /// does not allow it (first, or after `O` or another type) begins an
    /// entity, as conlleval reads it; and for the types of
    /// [`Trainer::end_labels`], their end and single labels.
    fn relabel<S: AsRef<str>>(&self, gold: &[S]) -> Vec<String> {
        let mut v: Vec<String> = gold.iter().map(|l| self.keep(l.as_ref())).collect();
        for k in 0..v.len() {
            if let Some(t) = v[k].strip_prefix("I-") {
                let open = k > 0 && v[k - 1].get(2..) == Some(t);
                if !open {
                    v[k] = format!("B-{t}");
                }
            }
        }
        if self.end_labels.is_empty() {
            return v;
        }
        let iob = v.clone();
        for (k, label) in v.iter_mut().enumerate() {
            let Some((p, t)) = iob[k].split_once('-') else {
                continue;
            };
            if !self.end_labels.iter().any(|e| e == t) {
                continue;
            }
            let goes_on = iob.get(k + 1).and_then(|n| n.strip_prefix("I-")) == Some(t);
            match (p, goes_on) {
                ("B", false) => *label = format!("S-{t}"),
                ("I", false) => *label = format!("E-{t}"),
                _ => {}
            }
        }
        v
    }

    /// One run of the averaged perceptron: the averaged emission weights
    /// (`2^bits × L`) and transitions.
    #[allow(clippy::type_complexity)]
    /// `swap` gives, for a sentence's index and from the generator handed
    /// to it, a copy of the sentence with names written over, if any,
    /// learned after the sentence.
    fn perceptron(
        &self,
        sentences: &[Rows],
        shell: Model,
        seed: u64,
        swap: &mut dyn FnMut(usize, &mut SplitMix) -> Option<Rows>,
    ) -> (Vec<f32>, Vec<f32>) {
        let n = shell.len();
        // The labels of names, whose words the dropout hides.
        let names: Vec<bool> = shell.labels().map(is_name_label).collect();
        let rows = 1usize << self.bits;
        let mut w = vec![0f32; rows * n];
        let mut acc = vec![0f32; rows * n];
        let mut t = vec![0f32; (n + 1) * n];
        let mut t_acc = vec![0f32; (n + 1) * n];
        let mut step = 1f32;
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        let mut rng = SplitMix(seed);
        let mut d = Decoder::default();
        let mut model = shell;
        // The dropout as a threshold on 53 random bits.
        let drop = threshold(self.word_dropout);
        let mut hidden: Vec<bool> = Vec::new();
        // Its own generator, so that the shuffles are those of a run
        // without dropout.
        let mut dropout_rng = SplitMix(seed ^ 0xD0D0_D0D0_D0D0_D0D0);
        // And one for the name swap.
        let mut swap_rng = SplitMix(seed ^ 0x5A4A_5A4A_5A4A_5A4A);
        for _ in 0..self.epochs {
            for i in (1..order.len()).rev() {
                let j = (rng.next() % (i as u64 + 1)) as usize;
                order.swap(i, j);
            }
            for &s in &order {
                let swapped = swap(s, &mut swap_rng);
                // The sentence, then its copy with names swapped, if any.
                for (rows_of, offsets, gold) in [Some(&sentences[s]), swapped.as_ref()]
                    .into_iter()
                    .flatten()
                {
                    let len = gold.len();
                    // Hide the own-word features of some entity tokens.
                    hidden.clear();
                    hidden.extend(gold.iter().map(|&g| {
                        drop != 0 && names[usize::from(g)] && dropout_rng.next() >> 11 < drop
                    }));
                    // Emissions with the current (unaveraged) weights.
                    d.emissions.clear();
                    for k in 0..len {
                        let feats = &rows_of[offsets[k] as usize..offsets[k + 1] as usize];
                        let base = d.emissions.len();
                        d.emissions.resize(base + n, 0.0);
                        for &r in feats {
                            if r & LEXICAL != 0 && hidden[k] {
                                continue;
                            }
                            let r = r & !LEXICAL;
                            let row = &w[r as usize * n..(r as usize + 1) * n];
                            for (e, v) in d.emissions[base..].iter_mut().zip(row) {
                                *e += v;
                            }
                        }
                        // Cost-augmented decoding: every wrong label starts
                        // `margin` ahead, so the gold labelling must win by that
                        // much per token before updates stop.
                        let g = usize::from(gold[k]);
                        for (j, e) in d.emissions[base..].iter_mut().enumerate() {
                            if j != g {
                                *e += self.margin;
                            }
                        }
                    }
                    model.set_transitions(&t);
                    d.viterbi(&model, len);
                    if d.best != *gold {
                        let mut update = |label: u16, prev: usize, k: usize, delta: f32| {
                            let feats = &rows_of[offsets[k] as usize..offsets[k + 1] as usize];
                            for &r in feats {
                                if r & LEXICAL != 0 && hidden[k] {
                                    continue;
                                }
                                let r = r & !LEXICAL;
                                let at = r as usize * n + usize::from(label);
                                w[at] += delta;
                                acc[at] += delta * step;
                            }
                            let at = prev * n + usize::from(label);
                            t[at] += delta;
                            t_acc[at] += delta * step;
                        };
                        for k in 0..len {
                            let (g, p) = (gold[k], d.best[k]);
                            let gp = if k == 0 { n } else { usize::from(gold[k - 1]) };
                            let pp = if k == 0 {
                                n
                            } else {
                                usize::from(d.best[k - 1])
                            };
                            if g != p || gp != pp {
                                update(g, gp, k, 1.0);
                                update(p, pp, k, -1.0);
                            }
                        }
                    }
                    step += 1.0;
                }
            }
        }
        let avg: Vec<f32> = w.iter().zip(&acc).map(|(w, a)| w - a / step).collect();
        let transitions: Vec<f32> = t.iter().zip(&t_acc).map(|(w, a)| w - a / step).collect();
        (avg, transitions)
    }
}

/// The temperature of the confidences: the median margin between the best
/// and the second-best label of the tokens the model tags as entities on
/// its training data, divided by 4, so that a typical entity token scores
/// about 0.98 and a close call about 0.5.
fn temperature(model: &Model, sentences: &[(Vec<u32>, Vec<u32>, Vec<u16>)]) -> f32 {
    let n = model.len();
    let mut margins = Vec::new();
    let mut acc = vec![0i32; n];
    for (rows, offsets, _) in sentences.iter().step_by(4) {
        for k in 0..offsets.len().saturating_sub(1) {
            acc.iter_mut().for_each(|a| *a = 0);
            for &r in &rows[offsets[k] as usize..offsets[k + 1] as usize] {
                let ws = model.row_weights((r & !LEXICAL) as usize);
                acc.iter_mut()
                    .zip(ws)
                    .for_each(|(a, &w)| *a += i32::from(w));
            }
            let mut sorted = acc.clone();
            sorted.sort_unstable_by(|a, b| b.cmp(a));
            let best = acc.iter().position(|&a| a == sorted[0]).unwrap_or(0);
            if best != 0 && n > 1 {
                margins.push((sorted[0] - sorted[1]) as f32 * model.scale);
            }
        }
    }
    margins.sort_by(f32::total_cmp);
    let median = margins.get(margins.len() / 2).copied().unwrap_or(4.0);
    (median / 4.0).max(1e-3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::Recognizer;

    #[test]
    fn gold_labels_map_to_learned_labels() {
        let default = Trainer::new();
        let mut plain = Trainer::new();
        plain.merges::<&str>(&[]).others(None);
        let mut all = Trainer::new();
        all.types::<&str>(&[]);
        for (gold, want_default, want_plain, want_all) in [
            ("O", "O", "O", "O"),
            ("B-PERSON", "B-PERSON", "B-PERSON", "B-PERSON"),
            ("B-GPE", "B-LOC", "B-GPE", "B-LOC"),
            ("I-LOCATION", "I-LOC", "I-LOCATION", "I-LOC"),
            (
                "I-ORGANISATION",
                "I-ORGANISATION",
                "I-ORGANISATION",
                "I-ORGANISATION",
            ),
            ("B-MONEY", "B-MONEY", "B-MONEY", "B-MONEY"),
            ("B-POSITION", "B-MISC", "O", "B-POSITION"),
            ("I-EVENT", "I-MISC", "O", "I-EVENT"),
            ("X-GPE", "O", "O", "O"),
            ("junk", "O", "O", "O"),
        ] {
            assert_eq!(default.keep(gold), want_default, "{gold}");
            assert_eq!(plain.keep(gold), want_plain, "{gold}");
            assert_eq!(all.keep(gold), want_all, "{gold}");
        }
    }

    #[test]
    fn end_labels_mark_how_entities_end() {
        let default = Trainer::new();
        let mut none = Trainer::new();
        none.end_labels::<&str>(&[]);
        for (gold, want) in [
            (&["B-ORGANISATION"][..], &["S-ORGANISATION"][..]),
            (
                &["B-ORGANISATION", "I-ORGANISATION", "I-ORGANISATION", "O"],
                &["B-ORGANISATION", "I-ORGANISATION", "E-ORGANISATION", "O"],
            ),
            (
                &["O", "I-ORGANISATION", "I-ORGANISATION"],
                &["O", "B-ORGANISATION", "E-ORGANISATION"],
            ),
            (
                &["B-ORGANISATION", "B-ORGANISATION"],
                &["S-ORGANISATION", "S-ORGANISATION"],
            ),
            (
                &["B-GPE", "B-ORGANISATION", "I-ORGANISATION"],
                &["B-LOC", "B-ORGANISATION", "E-ORGANISATION"],
            ),
            (
                &["B-PERSON", "I-PERSON", "O"],
                &["B-PERSON", "I-PERSON", "O"],
            ),
            (
                &["B-PERSON", "I-ORGANISATION"],
                &["B-PERSON", "S-ORGANISATION"],
            ),
            (
                &["B-DATE", "I-DATE", "B-DATE", "B-TIME", "I-TIME"],
                &["B-DATE", "E-DATE", "S-DATE", "B-TIME", "I-TIME"],
            ),
            (&[], &[]),
        ] {
            assert_eq!(default.relabel(gold), want, "{gold:?}");
            // Without end labels: the same in IOB2.
            let iob2: Vec<String> = want
                .iter()
                .map(|l| match l.split_once('-') {
                    Some(("E", t)) => format!("I-{t}"),
                    Some(("S", t)) => format!("B-{t}"),
                    _ => l.to_string(),
                })
                .collect();
            assert_eq!(none.relabel(gold), iob2, "{gold:?}");
        }
        // A model trained with them still answers in IOB2.
        let data = [
            (
                vec!["Денсаулық", "сақтау", "министрлігі", "хабарлады"],
                vec!["B-ORGANISATION", "I-ORGANISATION", "I-ORGANISATION", "O"],
            ),
            (vec!["Kaspi", "хабарлады"], vec!["B-ORGANISATION", "O"]),
        ];
        let data: Vec<_> = data.iter().cycle().take(6).cloned().collect();
        let model = default
            .clone()
            .epochs(6)
            .hash_bits(10)
            .train(&data)
            .unwrap();
        assert!(model.labels().any(|l| l == "E-ORGANISATION"));
        let r = Recognizer::new(model);
        assert_eq!(r.tag(&data[0].0), data[0].1);
        assert_eq!(r.tag(&data[1].0), data[1].1);
    }

    #[test]
    fn an_i_label_out_of_place_is_learned_as_a_beginning() {
        let tokens = vec!["Ол", "Астанада", "тұрады"];
        let data = vec![(tokens.clone(), vec!["O", "I-GPE", "O"]); 3];
        let model = Trainer::new().epochs(3).hash_bits(10).train(&data).unwrap();
        assert_eq!(
            crate::ner::Recognizer::new(model).tag(&tokens),
            ["O", "B-LOC", "O"]
        );
    }

    #[test]
    fn a_margin_keeps_learning_after_the_gold_labels_win() {
        let data = [
            (
                vec!["Тоқаев", "Астанаға", "келді"],
                vec!["B-PERSON", "B-GPE", "O"],
            ),
            (
                vec!["Ербол", "Семейде", "тұрады"],
                vec!["B-PERSON", "B-GPE", "O"],
            ),
        ];
        let data: Vec<_> = data.iter().cycle().take(6).cloned().collect();
        let model = |margin: f32| {
            let mut t = Trainer::new();
            t.epochs(6).hash_bits(10).margin(margin);
            t.train(&data).unwrap()
        };
        let (plain, wide) = (model(0.0), model(2.0));
        for (tokens, _) in &data {
            let want = ["B-PERSON", "B-LOC", "O"];
            assert_eq!(Recognizer::new(plain.clone()).tag(tokens), want);
            assert_eq!(Recognizer::new(wide.clone()).tag(tokens), want);
        }
        // The plain perceptron stops once both sentences come out right;
        // the margin goes on updating, so the weights differ.
        assert_ne!(plain.to_bytes(), wide.to_bytes());
        // Values that make no sense as a margin mean none.
        for odd in [-1.0, f32::NAN, f32::INFINITY] {
            assert_eq!(model(odd).to_bytes(), plain.to_bytes(), "{odd}");
        }
    }

    #[test]
    fn the_best_bias_is_the_first_of_the_highest() {
        for (curve, want) in [
            (vec![], 0.0),
            (vec![(3.0, 80.0)], 3.0),
            (vec![(0.0, 80.0), (5.0, 81.0), (8.0, 79.0)], 5.0),
            (vec![(0.0, 81.0), (5.0, 81.0), (8.0, 81.0)], 0.0),
            (vec![(0.0, 70.0), (5.0, 71.0), (8.0, 72.0)], 8.0),
            (vec![(0.0, f64::NAN), (5.0, 1.0)], 0.0),
        ] {
            assert_eq!(best_bias(&curve), want, "{curve:?}");
        }
    }

    #[test]
    fn the_bias_curve_scores_held_out_folds_and_checks_its_input() {
        // Two names of each kind in eight sentences, in four groups.
        let base = [
            (
                vec!["Тоқаев", "Астанаға", "келді"],
                vec!["B-PERSON", "B-GPE", "O"],
            ),
            (
                vec!["Ұлттық", "банк", "шешті"],
                vec!["B-ORGANISATION", "I-ORGANISATION", "O"],
            ),
        ];
        let data: Vec<_> = base.iter().cycle().take(8).cloned().collect();
        let groups: Vec<u64> = (0..8).map(|i| i / 2).collect();
        let mut t = Trainer::new();
        t.epochs(3).hash_bits(10);
        let candidates = [0.0, 5.0, 1e6];
        let curve = t
            .bias_curve(&data, &groups, "ORGANISATION", &candidates, 2)
            .unwrap();
        assert_eq!(curve.len(), candidates.len());
        for ((b, f), want) in curve.iter().zip(candidates) {
            assert_eq!(*b, want);
            assert!((0.0..=100.0).contains(f), "{b}: {f}");
        }
        // Sentences this easy are learned; a huge bias makes every token an
        // organization and loses the persons and places.
        assert!(curve[0].1 > curve[2].1, "{curve:?}");
        // The same data, the same curve.
        assert_eq!(
            curve,
            t.bias_curve(&data, &groups, "ORGANISATION", &candidates, 2)
                .unwrap()
        );
        for (groups, folds) in [(&groups[..7], 2), (&groups[..], 1), (&groups[..], 0)] {
            let err = t.bias_curve(&data, groups, "ORGANISATION", &candidates, folds);
            assert!(err.is_err(), "{} groups, {folds} folds", groups.len());
        }
        // One group only: no fold has both training and held-out data.
        let one = vec![7u64; data.len()];
        let flat = t
            .bias_curve(&data, &one, "ORGANISATION", &candidates, 3)
            .unwrap();
        assert!(flat.iter().all(|&(_, f)| f == 0.0), "{flat:?}");
    }

    #[test]
    fn a_bias_moves_the_transitions_into_its_type_only() {
        let data = vec![
            (
                vec!["«Ақ", "жол»", "партиясы", "Астанада"],
                vec![
                    "B-ORGANISATION",
                    "I-ORGANISATION",
                    "I-ORGANISATION",
                    "B-GPE",
                ],
            ),
            (
                vec!["Тоқаев", "Астанаға", "келді"],
                vec!["B-PERSON", "B-GPE", "O"],
            ),
        ];
        let model = |biases: &[(&str, f32)]| {
            let mut t = Trainer::new();
            t.epochs(3).hash_bits(10).biases(biases);
            t.train(&data).unwrap()
        };
        let none = model(&[]);
        for (ty, bias) in [("ORGANISATION", 3.0), ("LOC", -2.5), ("PERSON", 0.5)] {
            let biased = model(&[(ty, bias)]);
            assert!(biased.weights == none.weights, "{ty}");
            let n = none.len();
            for (at, (&b, &u)) in biased.transitions.iter().zip(&none.transitions).enumerate() {
                let into = &none.labels[at % n];
                let want = if into.get(2..) == Some(ty) {
                    u + bias
                } else {
                    u
                };
                assert_eq!(b, want, "{ty}: {} -> {into}", at / n);
            }
        }
        // The default biases organizations; a type the model lacks and a
        // bias that is not a number change nothing.
        let mut default = Trainer::new();
        default.epochs(3).hash_bits(10);
        let default = default.train(&data).unwrap();
        assert_eq!(default.to_bytes(), model(DEFAULT_BIASES).to_bytes());
        assert_ne!(default.to_bytes(), none.to_bytes());
        for odd in [("EVENT", 4.0), ("PERSON", f32::NAN)] {
            assert_eq!(model(&[odd]).to_bytes(), none.to_bytes(), "{odd:?}");
        }
        // A bias large enough makes every token an organization.
        let r = Recognizer::new(model(&[("ORGANISATION", 1e6)]));
        let tags = r.tag(&data[1].0);
        assert!(
            tags.iter().all(|t| t.ends_with("-ORGANISATION")),
            "{tags:?}"
        );
    }

    #[test]
    fn word_dropout_hides_only_names_and_is_deterministic() {
        for (label, name) in [
            ("B-PERSON", true),
            ("I-LOC", true),
            ("S-ORGANISATION", true),
            ("E-ORGANISATION", true),
            ("B-GPE", true),
            ("B-LOCATION", true),
            ("B-DATE", false),
            ("E-DATE", false),
            ("I-TIME", false),
            ("B-CARDINAL", false),
            ("B-MISC", false),
            ("O", false),
        ] {
            assert_eq!(is_name_label(label), name, "{label}");
        }
        let data = vec![
            (
                vec!["Тоқаев", "Астанаға", "2024", "жылы", "келді"],
                vec!["B-PERSON", "B-GPE", "B-DATE", "I-DATE", "O"],
            ),
            (
                vec!["Әлиев", "Бакуде", "сөйледі"],
                vec!["B-PERSON", "B-GPE", "O"],
            ),
        ];
        let train = |rate: f32| {
            Trainer::new()
                .epochs(4)
                .hash_bits(12)
                .word_dropout(rate)
                .train(&data)
                .unwrap()
                .to_bytes()
        };
        let plain = train(0.0);
        // The default is none; NaN and negative rates count as none.
        assert_eq!(
            plain,
            Trainer::new()
                .epochs(4)
                .hash_bits(12)
                .train(&data)
                .unwrap()
                .to_bytes()
        );
        assert_eq!(train(f32::NAN), plain);
        assert_eq!(train(-1.0), plain);
        // Hiding every name's words changes what is learned, the same way
        // each time.
        let hidden = train(1.0);
        assert_ne!(hidden, plain);
        assert_eq!(train(1.0), hidden);
        assert_eq!(train(7.0), hidden);
    }

    #[test]
    fn name_swap_is_deterministic_and_off_at_zero() {
        let data = vec![
            (
                vec!["Тоқаев", "Астанаға", "келді"],
                vec!["B-PERSON", "B-GPE", "O"],
            ),
            (
                vec!["Әлиев", "Алматыға", "келді"],
                vec!["B-PERSON", "B-GPE", "O"],
            ),
            (
                vec!["Ербол", "Семейде", "сөйледі"],
                vec!["B-PERSON", "B-GPE", "O"],
            ),
        ];
        let train = |rate: f32, seed: u64| {
            Trainer::new()
                .epochs(4)
                .hash_bits(12)
                .seed(seed)
                .name_swap(rate)
                .train(&data)
                .unwrap()
                .to_bytes()
        };
        let plain = train(0.0, 1);
        // The default is the one named; NaN and negative rates count as
        // none.
        assert_eq!(
            train(DEFAULT_NAME_SWAP, 1),
            Trainer::new()
                .epochs(4)
                .hash_bits(12)
                .train(&data)
                .unwrap()
                .to_bytes()
        );
        assert_eq!(train(f32::NAN, 1), plain);
        assert_eq!(train(-1.0, 1), plain);
        // Swapping every name changes what is learned, the same way for
        // the same seed.
        let swapped = train(1.0, 1);
        assert_ne!(swapped, plain);
        assert_eq!(train(1.0, 1), swapped);
        assert_eq!(train(5.0, 1), swapped);
        assert_ne!(train(1.0, 2), swapped);
    }

    #[test]
    fn training_is_deterministic_and_checks_its_input() {
        let tokens = vec!["Тоқаев", "Астанаға", "келді"];
        let labels = vec!["B-PERSON", "B-GPE", "O"];
        let data = vec![(tokens.clone(), labels.clone()); 4];
        let mut t = Trainer::new();
        t.epochs(2).hash_bits(10).rounds(2);
        let a = t.train(&data).unwrap().to_bytes();
        let b = t.train(&data).unwrap().to_bytes();
        assert_eq!(a, b);
        let empty: Vec<(Vec<&str>, Vec<&str>)> = Vec::new();
        assert_eq!(t.train(&empty).unwrap_err().kind(), ErrorKind::InvalidInput);
        let ragged = vec![(tokens, vec!["O"])];
        assert_eq!(
            t.train(&ragged).unwrap_err().kind(),
            ErrorKind::InvalidInput
        );
    }
}

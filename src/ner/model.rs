//! The tagger's model: labels, transition scores and hashed feature
//! weights, with a versioned binary format.
//!
//! Format (little-endian):
//!
//! | field | bytes |
//! |---|---|
//! | magic `KZNERMDL` | 8 |
//! | format version (4; this library also reads 3, 2, and 1, which has IOB2 labels only) | 4 |
//! | feature set ([`FEATURE_SET`] of the trainer; not in versions 1 to 3) | 4 |
//! | hash bits `b` (weight rows = 2^b) | 4 |
//! | label count `L` | 4 |
//! | labels: length (u16) and UTF-8 bytes, each | … |
//! | weight scale (f32) | 4 |
//! | temperature of the confidences (f32) | 4 |
//! | transitions: `(L + 1) × L` f32, the last row from the start | … |
//! | weights: 2^b rows of `L` i16, row after row | 2^b × L × 2 |
//! | FNV-1a 64 of everything before | 8 |
//!
//! Versions 1 and 2 store the weights sparsely instead: a row bitmap
//! (2^b bits, set for rows that are not all zero), then those rows, each
//! a label bitmap (`⌈L / 8⌉` bytes, set for non-zero weights) and those
//! weights. Version 3's dense rows are read in one pass of
//! `i16::from_le_bytes` into the padded table, where the sparse rows took
//! a bit test per weight (start-up 23 M instructions against 3 M).
//!
//! Version 4 adds the feature set the model was trained with: a model of
//! another feature set is an error of kind [`ErrorKind::FeatureSet`],
//! not a tagger that silently scores the wrong features. Versions 1 to 3
//! carry no feature set and are read as of the current one, as they were
//! read before it existed: nothing in them tells otherwise, and the
//! shipped model of those versions was trained with the features of
//! [`FEATURE_SET`] 1. A model of them trained with older features still
//! loads and tags badly; retrain it, which writes version 4.

use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::error::{Error, ErrorKind};
use crate::hash::{finish, hash_bytes};

/// The identifier of the feature set this library extracts, stored in
/// every model file (format 4) and compared when one is loaded: a model
/// trained on other features loads with an error of kind
/// [`ErrorKind::FeatureSet`](crate::ErrorKind::FeatureSet) instead of
/// tagging badly.
///
/// Bump it whenever the features' output changes (templates, attributes,
/// gazetteers, word classes, the number rules' or temporal words'
/// readings, hashing). Nobody has to remember: a test extracts the
/// features of the sentences in `src/ner/feature_sentences.txt` and
/// compares their combined hash with `FEATURE_FINGERPRINT`, and when it
/// differs fails with the values to set here and the command that
/// retrains the shipped model.
pub const FEATURE_SET: u32 = 2;

/// The combined hash of the features of `src/ner/feature_sentences.txt`
/// under [`FEATURE_SET`] (see its test, `feature_set_is_current` in `features.rs`).
#[cfg(test)]
pub(crate) const FEATURE_FINGERPRINT: u64 = 0x2ae0_82b9_6182_baa8;

/// How the shipped model is retrained (from the repository, with KazNERD
/// in `../shared`), for the fingerprint test's message.
#[cfg(test)]
pub(crate) const RETRAIN_SHIPPED: &str = "cargo build --release -p kazakh-cli --features train \
&& ${CARGO_TARGET_DIR:-target}/release/kazakh train ner \
--train ../shared/data/kaznerd/with_sentID/IOB2_valid2.txt \
--out models/ner-kaznerd.kzm --epochs 10 --rounds 6";

const MAGIC: &[u8; 8] = b"KZNERMDL";
/// The format version written. Version 2 allows `E-` and `S-` labels
/// (see `Trainer::end_labels`), which a version-1 reader would decode as
/// the beginnings of new entities; the layout is the same. Version 3
/// stores the weight rows densely; version 4 records the feature set.
const VERSION: u32 = 4;
/// The first version with dense weight rows.
const DENSE: u32 = 3;
/// The first version that records its feature set.
const FEATURES: u32 = 4;
/// The oldest version read.
const OLDEST: u32 = 1;
/// Limits that keep a hostile header from asking for absurd allocations.
const MAX_BITS: u32 = 24;
const MAX_LABELS: usize = 256;
const MAX_WEIGHTS: usize = 1 << 26;

/// The next [`Model::id`].
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// A trained tagger model: parse one with [`Model::from_bytes`] or
/// [`Model::from_reader`], or use the embedded one through
/// [`Recognizer::default`](super::Recognizer::default).
#[derive(Clone, Debug)]
pub struct Model {
    /// Tells this model's weight sums apart from other models' in the
    /// thread-local word cache (see `features`); unique per assembled
    /// model and kept by clones, which have the same weights.
    pub(crate) id: u64,
    pub(crate) labels: Vec<String>,
    /// The labels in IOB2: `E-X` (the end of a multi-token entity) as
    /// `I-X`, `S-X` (a one-token entity) as `B-X`, others as they are.
    pub(crate) iob: Vec<String>,
    /// Whether a sentence may end on each label (not on `B-X` or `I-X` of
    /// a type with end labels, whose entity would be left open).
    pub(crate) may_end: Vec<bool>,
    pub(crate) bits: u32,
    pub(crate) scale: f32,
    /// Divides score differences before the softmax of the confidences.
    pub(crate) temperature: f32,
    /// `(L + 1) × L`: `transitions[p * L + c]`, row `L` from the start.
    /// Change them with [`Model::set_transitions`], which keeps `chain`.
    pub(crate) transitions: Vec<f32>,
    /// The transitions with the pairs `allowed` forbids at -inf: what
    /// decoding adds, so that each step is a dense max over label pairs.
    /// `(L + 1)` rows of [`Model::chain_stride`] (`L` rounded up to 8,
    /// padded with -inf): the max runs over whole blocks of 8 lanes.
    pub(crate) chain: Vec<f32>,
    /// How a Viterbi step reads `chain` (derived from it, kept with it):
    /// see [`StepPlan`].
    pub(crate) plan: Option<StepPlan>,
    /// `2^bits` rows of `L` weights, quantized (multiply sums by
    /// `scale`), each padded to a cache line (see [`Rows`]).
    pub(crate) weights: Rows,
    /// `allowed[p * L + c]`: IOB2 lets label `c` follow `p` (row `L`: start).
    pub(crate) allowed: Vec<bool>,
    /// The index of `O`, if the model has it.
    pub(crate) outside: Option<usize>,
    /// The indices of `I-PERSON`, `B-LOC` and `B-PERSON`, if the model has
    /// them (see `Recognizer::place_after_person`).
    pub(crate) person_then_place: Option<(u16, u16, u16)>,
    /// The indices of `B-LOC`, `I-LOC` and `O`, if the model has them (see
    /// `Recognizer::place_ends_name`).
    pub(crate) place_labels: Option<(u16, u16, u16)>,
}

/// Two models are equal when they tag alike: every field but the id and
/// those derived from the others.
impl PartialEq for Model {
    fn eq(&self, other: &Model) -> bool {
        self.labels == other.labels
            && self.bits == other.bits
            && self.scale == other.scale
            && self.temperature == other.temperature
            && self.transitions == other.transitions
            && self.weights == other.weights
            && self.allowed == other.allowed
            && self.outside == other.outside
    }
}

/// The weight table: dense rows, each padded with zeros to a multiple of
/// 32 labels (64 bytes) and starting on a 64-byte boundary, so that the
/// row of a feature, read at random, costs one cache line (a row of 27
/// labels unaligned straddles two lines five times out of six), and a
/// sum over a whole padded row is a fixed-length loop that vectorizes.
/// Clones align their own copy.
#[derive(Debug)]
pub(crate) struct Rows {
    data: Vec<i16>,
    /// Where row 0 starts in `data`: the first 64-byte boundary.
    origin: usize,
    /// Weights per row in `data`: `labels` rounded up to 32.
    stride: usize,
    labels: usize,
}

impl Rows {
    /// A table of `rows` rows of `labels` zeros.
    fn zeroed(rows: usize, labels: usize) -> Rows {
        let stride = labels.max(1).next_multiple_of(32);
        // 32 spare weights (64 bytes) leave room to start on a boundary.
        let data = vec![0i16; rows * stride + 32];
        let misaligned = data.as_ptr() as usize % 64;
        let origin = (64 - misaligned) % 64 / std::mem::size_of::<i16>();
        Rows {
            data,
            origin,
            stride,
            labels,
        }
    }

    /// The table of `weights` (`rows × labels`, row after row).
    fn new(weights: &[i16], labels: usize) -> Rows {
        let mut table = Rows::zeroed(weights.len() / labels.max(1), labels);
        if labels > 0 {
            for (row, ws) in weights.chunks_exact(labels).enumerate() {
                if let Some(out) = table.row_mut(row) {
                    out.copy_from_slice(ws);
                }
            }
        }
        table
    }

    /// The weights of `row` to write, one per label (`None` out of range).
    fn row_mut(&mut self, row: usize) -> Option<&mut [i16]> {
        let at = self.origin + row * self.stride;
        self.data.get_mut(at..at + self.labels)
    }

    /// The weights of `row`, one per label, then zeros up to the stride
    /// (empty for a row out of range).
    #[inline]
    pub(crate) fn padded(&self, row: usize) -> &[i16] {
        let at = self.origin + row * self.stride;
        self.data.get(at..at + self.stride).unwrap_or(&[])
    }

    /// The weights of `row`, one per label.
    #[inline]
    pub(crate) fn row(&self, row: usize) -> &[i16] {
        self.padded(row).get(..self.labels).unwrap_or(&[])
    }

    /// Weights per padded row.
    pub(crate) fn stride(&self) -> usize {
        self.stride
    }

    /// The rows, each with its labels' weights only.
    fn iter(&self) -> impl Iterator<Item = &[i16]> + '_ {
        let rows = (self.data.len() - 32) / self.stride;
        (0..rows).map(|r| self.row(r))
    }
}

impl Clone for Rows {
    fn clone(&self) -> Rows {
        let logical: Vec<i16> = self.iter().flatten().copied().collect();
        Rows::new(&logical, self.labels)
    }
}

impl PartialEq for Rows {
    fn eq(&self, other: &Rows) -> bool {
        self.labels == other.labels && self.iter().eq(other.iter())
    }
}

/// `transitions` (`(L + 1) × L`) with the pairs that `allowed` forbids at
/// -inf, each row padded with -inf to [`chain_stride`]`(L)`.
fn mask(transitions: &[f32], allowed: &[bool], labels: usize) -> Vec<f32> {
    let stride = chain_stride(labels);
    let mut chain = vec![f32::NEG_INFINITY; (labels + 1) * stride];
    if labels > 0 {
        let rows = transitions
            .chunks_exact(labels)
            .zip(allowed.chunks_exact(labels));
        for (out, (ts, ok)) in chain.chunks_exact_mut(stride).zip(rows) {
            for ((o, &t), &ok) in out.iter_mut().zip(ts).zip(ok) {
                *o = if ok { t } else { f32::NEG_INFINITY };
            }
        }
    }
    chain
}

/// How a Viterbi step of one model reads its transitions, derived from
/// `chain`. Under IOB2 most label pairs are forbidden (-inf): `I-X` and
/// `E-X` follow only `B-X` or `I-X`, and nothing but those follows an
/// open entity of a type with end labels. The labels whose allowed
/// previous labels are the same set and the most common one (for the
/// embedded model `O`, every `B-X` and `S-X`: 14 of 27 labels, each after
/// the same 23) are computed as one dense block of [`BLOCK`] lanes over
/// those previous labels only, `O`'s row first; a later row is skipped
/// when even its largest transition cannot lift any lane of the block
/// (`prev[p] + max_c chain[p][c]` at most the block's smallest lane after
/// the first row: rounding is monotonic, so none of that row's sums is
/// larger). The other labels (`I-X`, `E-X`) take the larger of their two
/// allowed pairs. Every maximum is over the same sums as the dense step's,
/// less -inf ones and ones that cannot win, so the scores are the same
/// numbers (a zero's sign aside, which no later step or output reads).
#[derive(Clone, Debug)]
pub(crate) struct StepPlan {
    /// The label whose row the block reads first (the model's `O`, else
    /// the first it reads).
    pub(crate) first: usize,
    /// The largest transition of each label's row within the block; -inf
    /// for the labels the block does not read, and past the labels.
    pub(crate) row_max: [f32; 32],
    /// The smallest transition of the first row within the block.
    pub(crate) first_min: f32,
    /// The label each lane of the block computes; the lanes past the
    /// block's labels repeat the first label (written first, as the lanes
    /// are written last to first).
    pub(crate) lanes: [u8; BLOCK],
    /// `L` rows of [`BLOCK`] lanes: the transitions from each label to
    /// the block's labels in lane order, then -inf (rows the block does
    /// not read are all -inf).
    pub(crate) table: Vec<f32>,
    /// The labels outside the block, each with at most two allowed
    /// previous labels (a missing second one repeats the first at -inf),
    /// as runs where the label and both previous labels go up by one
    /// (`I-CARDINAL` … `I-TIME` after `B-CARDINAL` … `B-TIME` or
    /// themselves): (first label, first previous labels, length, where
    /// the run's transitions start in `t0` and `t1`).
    pub(crate) others: Vec<(u16, [u16; 2], u16, u32)>,
    pub(crate) t0: Vec<f32>,
    pub(crate) t1: Vec<f32>,
}

/// Bit `k` at index `k`: a row's bit in [`StepPlan::step`]'s set of rows.
const ROW_BITS: [u32; 32] = {
    let mut bits = [0u32; 32];
    let mut k = 0;
    while k < 32 {
        bits[k] = 1 << k;
        k += 1;
    }
    bits
};

/// The lanes of a [`StepPlan`]'s block.
const BLOCK: usize = 16;

impl StepPlan {
    /// The plan of `chain` (`(L + 1)` rows of [`chain_stride`]`(L)`, the
    /// last from the start) whose label `first` (the model's `O`) is
    /// read first, or `None` when the dense step serves: more than
    /// [`BLOCK`] labels share the most common set of previous labels,
    /// or a label outside them has more than two.
    pub(crate) fn new(chain: &[f32], l: usize, first: Option<usize>) -> Option<StepPlan> {
        let w = chain_stride(l);
        if l == 0 || l > 32 || chain.len() < l * w {
            return None;
        }
        let allowed = |p: usize, c: usize| chain[p * w + c] > f32::NEG_INFINITY;
        let sets: Vec<Vec<bool>> = (0..l)
            .map(|c| (0..l).map(|p| allowed(p, c)).collect())
            .collect();
        // The most common set of previous labels, the first such on a tie.
        let counts: Vec<usize> = sets
            .iter()
            .map(|set| sets.iter().filter(|s| *s == set).count())
            .collect();
        let top = counts.iter().max()?;
        let common = &sets[counts.iter().position(|k| k == top)?];
        let cols: Vec<u16> = (0..l)
            .filter(|&c| sets[c] == *common)
            .map(|c| c as u16)
            .collect();
        if cols.len() > BLOCK {
            return None;
        }
        let first = first
            .filter(|&f| common.get(f) == Some(&true))
            .or_else(|| common.iter().position(|&a| a))?;
        let mut table = vec![f32::NEG_INFINITY; l * BLOCK];
        let mut row_max = [f32::NEG_INFINITY; 32];
        for (p, out) in table.chunks_exact_mut(BLOCK).enumerate() {
            if !common[p] {
                continue;
            }
            for (o, &c) in out.iter_mut().zip(&cols) {
                *o = chain[p * w + usize::from(c)];
            }
            row_max[p] = out.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        }
        let first_min = table[first * BLOCK..][..cols.len()]
            .iter()
            .copied()
            .fold(f32::INFINITY, f32::min);
        let mut lanes = [cols[0] as u8; BLOCK];
        for (lane, &c) in lanes.iter_mut().zip(&cols) {
            *lane = c as u8;
        }
        let mut others: Vec<(u16, [u16; 2], u16, u32)> = Vec::new();
        let (mut t0, mut t1) = (Vec::new(), Vec::new());
        for c in (0..l).filter(|&c| sets[c] != *common) {
            let ps: Vec<usize> = (0..l).filter(|&p| allowed(p, c)).collect();
            if ps.len() > 2 {
                return None;
            }
            let p0 = ps.first().copied().unwrap_or(0);
            let p1 = ps.get(1).copied().unwrap_or(p0);
            let at = |p: usize, k: usize| match ps.get(k) {
                Some(_) => chain[p * w + c],
                None => f32::NEG_INFINITY,
            };
            t0.push(at(p0, 0));
            t1.push(at(p1, 1));
            let (c, p0, p1) = (c as u16, p0 as u16, p1 as u16);
            match others.last_mut() {
                Some((c0, [q0, q1], len, _))
                    if *c0 + *len == c && *q0 + *len == p0 && *q1 + *len == p1 =>
                {
                    *len += 1
                }
                _ => others.push((c, [p0, p1], 1, (t0.len() - 1) as u32)),
            }
        }
        Some(StepPlan {
            first,
            row_max,
            first_min,
            lanes,
            table,
            others,
            t0,
            t1,
        })
    }

    /// `step[c] = max over p of prev[p] + chain[p][c]` for every label
    /// `c`, the same numbers as the dense step's
    /// (`decode::best_step`).
    pub(crate) fn step(&self, prev: &[f32], step: &mut [f32]) {
        let mut acc = [f32::NEG_INFINITY; BLOCK];
        let add = |acc: &mut [f32; BLOCK], dp: f32, row: &[f32; BLOCK]| {
            for (b, &t) in acc.iter_mut().zip(row) {
                let s = dp + t;
                *b = if *b > s { *b } else { s };
            }
        };
        let mut local = [f32::NEG_INFINITY; 32];
        let prev: &[f32; 32] = match <&[f32; 32]>::try_from(prev) {
            Ok(prev) => prev,
            Err(_) => {
                for (d, &p) in local.iter_mut().zip(prev) {
                    *d = p;
                }
                &local
            }
        };
        let row = |p: usize| -> Option<&[f32; BLOCK]> {
            self.table.get(p * BLOCK..(p + 1) * BLOCK)?.try_into().ok()
        };
        let first = self.first & 31;
        let Some(first_row) = row(first) else {
            return;
        };
        add(&mut acc, prev[first], first_row);
        // Every lane is now at least `floor`: the rows whose largest
        // transition cannot lift it above that are skipped.
        let floor = prev[first] + self.first_min;
        // Each row's bit where it may lift a lane: a compare's mask of all
        // ones, and-ed with the row's bit and or-ed over the rows, which
        // the compiler does four rows to an instruction.
        let mut rows = 0u32;
        for ((&p, &m), &bit) in prev.iter().zip(&self.row_max).zip(&ROW_BITS) {
            let lifts = if p + m > floor { u32::MAX } else { 0 };
            rows |= lifts & bit;
        }
        rows &= !(1 << first);
        while rows != 0 {
            let p = rows.trailing_zeros() as usize;
            rows &= rows - 1;
            if let Some(r) = row(p) {
                add(&mut acc, prev[p], r);
            }
        }
        // Lane by lane, last to first (the spare lanes repeat the first
        // label, which its own lane then writes).
        match <&mut [f32; 32]>::try_from(&mut *step) {
            Ok(out) => {
                for (&c, &a) in self.lanes.iter().zip(&acc).rev() {
                    out[usize::from(c) & 31] = a;
                }
            }
            Err(_) => {
                for (&c, &a) in self.lanes.iter().zip(&acc).rev() {
                    if let Some(o) = step.get_mut(usize::from(c)) {
                        *o = a;
                    }
                }
            }
        }
        for &(c, [p0, p1], len, at) in &self.others {
            let (c, p0, p1, len) = (
                usize::from(c),
                usize::from(p0),
                usize::from(p1),
                usize::from(len),
            );
            let at = at as usize;
            let (Some(out), Some(a), Some(b), Some(t0), Some(t1)) = (
                step.get_mut(c..c + len),
                prev.get(p0..p0 + len),
                prev.get(p1..p1 + len),
                self.t0.get(at..at + len),
                self.t1.get(at..at + len),
            ) else {
                continue;
            };
            for ((((o, &a), &b), &t0), &t1) in out.iter_mut().zip(a).zip(b).zip(t0).zip(t1) {
                let (x, y) = (a + t0, b + t1);
                *o = if x > y { x } else { y };
            }
        }
    }
}

/// The row length of the decoder's score tables: `labels` rounded up to
/// a block of 8 lanes.
pub(crate) fn chain_stride(labels: usize) -> usize {
    labels.max(1).next_multiple_of(8)
}

fn model_error(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Model, message)
}

/// An error of kind [`ErrorKind::FeatureSet`] unless `features` is this
/// library's [`FEATURE_SET`].
fn check_feature_set(features: u32) -> Result<(), Error> {
    if features == FEATURE_SET {
        return Ok(());
    }
    Err(Error::new(
        ErrorKind::FeatureSet,
        format!(
            "the model was trained with feature set {features}, but kazakh {} extracts \
             feature set {FEATURE_SET}: its weights belong to other features and would tag \
             badly. Retrain it with this version's trainer: `kazakh train ner --train \
             TRAIN.iob2 --out MODEL.kzm` (the CLI built with `--features train`)",
            env!("CARGO_PKG_VERSION")
        ),
    ))
}

/// The file's checksum: FNV-1a 64, as the features hash.
fn checksum(bytes: &[u8]) -> u64 {
    hash_bytes(0, bytes)
}

/// Reads the fields of a model file in order, failing on truncation.
struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| model_error("model file is truncated"))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, Error> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f32(&mut self) -> Result<f32, Error> {
        Ok(f32::from_bits(self.u32()?))
    }
}

impl Model {
    /// Parses a model file. Errors (kind [`ErrorKind::Model`]) when the
    /// bytes are not a model of this crate, are of another format version,
    /// are truncated or corrupted; of kind [`ErrorKind::FeatureSet`] when
    /// the model was trained with another feature set than this library's
    /// [`FEATURE_SET`] (retrain it).
    ///
    /// ```
    /// let err = kazakh::ner::Model::from_bytes(b"not a model").unwrap_err();
    /// assert_eq!(err.kind(), kazakh::ErrorKind::Model);
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, Error> {
        Model::parse(bytes, true)
    }

    /// [`Model::from_bytes`] without the checksum's test, for the model
    /// compiled into the library (a test checks its checksum): its bytes
    /// are part of the program, and hashing them would be a fifth of the
    /// start-up. The file is still parsed with every other check.
    #[cfg(feature = "embedded-model")]
    pub(crate) fn from_embedded(bytes: &[u8]) -> Result<Model, Error> {
        Model::parse(bytes, false)
    }

    fn parse(bytes: &[u8], verify: bool) -> Result<Model, Error> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(model_error("not a kazakh NER model (bad magic bytes)"));
        }
        let body_len = bytes
            .len()
            .checked_sub(8)
            .ok_or_else(|| model_error("model file is truncated"))?;
        let (body, sum) = bytes.split_at(body_len);
        let mut c = Cursor { bytes: body, at: 8 };
        let version = c.u32()?;
        if !(OLDEST..=VERSION).contains(&version) {
            return Err(model_error(format!(
                "model format version {version}, this library reads versions {OLDEST} to {VERSION}"
            )));
        }
        // Checked once the file is known whole: a corrupted file is
        // reported as such, not as of another feature set.
        let features = if version >= FEATURES {
            c.u32()?
        } else {
            FEATURE_SET
        };
        let bits = c.u32()?;
        if !(1..=MAX_BITS).contains(&bits) {
            return Err(model_error(format!("model hash bits {bits} out of range")));
        }
        let n = c.u32()? as usize;
        if n == 0 || n > MAX_LABELS {
            return Err(model_error(format!("model label count {n} out of range")));
        }
        let mut labels = Vec::with_capacity(n);
        for _ in 0..n {
            let len = c.take(2)?;
            let len = usize::from(u16::from_le_bytes([len[0], len[1]]));
            let label = std::str::from_utf8(c.take(len)?)
                .map_err(|_| model_error("model label is not UTF-8"))?;
            labels.push(label.to_owned());
        }
        let scale = c.f32()?;
        let temperature = c.f32()?;
        if !(scale.is_finite() && temperature.is_finite() && temperature > 0.0) {
            return Err(model_error("model scale or temperature out of range"));
        }
        let mut transitions = Vec::with_capacity((n + 1) * n);
        for _ in 0..(n + 1) * n {
            transitions.push(c.f32()?);
        }
        let rows = 1usize << bits;
        if rows.saturating_mul(n) > MAX_WEIGHTS {
            return Err(model_error(format!(
                "model too large: 2^{bits} rows of {n} labels"
            )));
        }
        let want = u64::from_le_bytes(sum.try_into().unwrap_or([0; 8]));
        if version >= DENSE {
            let dense = c.take(rows * n * 2)?;
            if verify && checksum(body) != want {
                return Err(model_error("model file is corrupted (checksum mismatch)"));
            }
            if c.at != body.len() {
                return Err(model_error("model file has trailing bytes"));
            }
            check_feature_set(features)?;
            let mut table = Rows::zeroed(rows, n);
            for (row, values) in dense.chunks_exact(n * 2).enumerate() {
                let ws = table
                    .row_mut(row)
                    .ok_or_else(|| model_error("model row is corrupted"))?;
                for (w, v) in ws.iter_mut().zip(values.chunks_exact(2)) {
                    *w = i16::from_le_bytes([v[0], v[1]]);
                }
            }
            let mut model = Model::with_rows(labels, bits, scale, transitions, table);
            model.temperature = temperature;
            return Ok(model);
        }
        let bitmap = c.take(rows / 8 + usize::from(rows % 8 != 0))?;
        if verify && checksum(body) != want {
            return Err(model_error("model file is corrupted (checksum mismatch)"));
        }
        let mask_len = n.div_ceil(8);
        // Straight into the padded rows, visiting the set bits of each
        // row's label mask only (bits past the last label are ignored).
        let mut table = Rows::zeroed(rows, n);
        for row in 0..rows {
            if bitmap[row / 8] & (1 << (row % 8)) == 0 {
                continue;
            }
            let mask = c.take(mask_len)?;
            let set: usize = mask.iter().map(|b| b.count_ones() as usize).sum();
            let mut values = c.take(2 * set)?.chunks_exact(2);
            let ws = table
                .row_mut(row)
                .ok_or_else(|| model_error("model row is corrupted"))?;
            for (byte, &bits) in mask.iter().enumerate() {
                let mut bits = bits;
                while bits != 0 {
                    let l = byte * 8 + bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    let Some(w) = ws.get_mut(l) else { break };
                    let v = values
                        .next()
                        .ok_or_else(|| model_error("model row is corrupted"))?;
                    *w = i16::from_le_bytes([v[0], v[1]]);
                }
            }
        }
        if c.at != body.len() {
            return Err(model_error("model file has trailing bytes"));
        }
        let mut model = Model::with_rows(labels, bits, scale, transitions, table);
        model.temperature = temperature;
        Ok(model)
    }

    /// Reads and parses a model file from `reader`.
    pub fn from_reader<R: Read>(mut reader: R) -> Result<Model, Error> {
        let mut bytes = Vec::new();
        reader
            .read_to_end(&mut bytes)
            .map_err(|e| Error::new(ErrorKind::Io, format!("cannot read the model: {e}")))?;
        Model::from_bytes(&bytes)
    }

    /// The model file: what [`Model::from_bytes`] reads.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.encode(VERSION)
    }

    /// The model file in format `version` (the sparse rows of versions 1
    /// and 2 are written for the tests of their reader).
    fn encode(&self, version: u32) -> Vec<u8> {
        let n = self.labels.len();
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&version.to_le_bytes());
        if version >= FEATURES {
            // Every model in memory is of the current feature set: the
            // parser rejects the others.
            out.extend_from_slice(&FEATURE_SET.to_le_bytes());
        }
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&(n as u32).to_le_bytes());
        for l in &self.labels {
            out.extend_from_slice(&(l.len() as u16).to_le_bytes());
            out.extend_from_slice(l.as_bytes());
        }
        out.extend_from_slice(&self.scale.to_bits().to_le_bytes());
        out.extend_from_slice(&self.temperature.to_bits().to_le_bytes());
        for t in &self.transitions {
            out.extend_from_slice(&t.to_bits().to_le_bytes());
        }
        if version >= DENSE {
            out.reserve((n << self.bits) * 2 + 8);
            for ws in self.weights.iter() {
                for w in ws {
                    out.extend_from_slice(&w.to_le_bytes());
                }
            }
            let sum = checksum(&out);
            out.extend_from_slice(&sum.to_le_bytes());
            return out;
        }
        let rows = 1usize << self.bits;
        let mut bitmap = vec![0u8; rows / 8 + usize::from(rows % 8 != 0)];
        let mut data = Vec::new();
        for (row, ws) in self.weights.iter().enumerate() {
            if ws.iter().all(|&w| w == 0) {
                continue;
            }
            bitmap[row / 8] |= 1 << (row % 8);
            let mut mask = vec![0u8; n.div_ceil(8)];
            let mut values = Vec::new();
            for (l, &w) in ws.iter().enumerate() {
                if w != 0 {
                    mask[l / 8] |= 1 << (l % 8);
                    values.extend_from_slice(&w.to_le_bytes());
                }
            }
            data.extend_from_slice(&mask);
            data.extend_from_slice(&values);
        }
        out.extend_from_slice(&bitmap);
        out.extend_from_slice(&data);
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Builds a model from its parts (`weights`: `2^bits × L`), computing
    /// the IOB2 constraints.
    pub(crate) fn assemble(
        labels: Vec<String>,
        bits: u32,
        scale: f32,
        transitions: Vec<f32>,
        mut weights: Vec<i16>,
    ) -> Model {
        weights.resize((1usize << bits) * labels.len(), 0);
        let table = Rows::new(&weights, labels.len());
        Model::with_rows(labels, bits, scale, transitions, table)
    }

    /// Builds a model from its parts and its weight table, computing the
    /// IOB2 constraints.
    fn with_rows(
        labels: Vec<String>,
        bits: u32,
        scale: f32,
        transitions: Vec<f32>,
        weights: Rows,
    ) -> Model {
        let n = labels.len();
        let parts: Vec<(&str, &str)> = labels
            .iter()
            .map(|l| l.split_once('-').unwrap_or((l, "")))
            .collect();
        // Types written with end and single labels (BILOU): an entity of
        // such a type that is open must go on or end.
        let closed: Vec<&str> = parts
            .iter()
            .filter(|(p, _)| matches!(*p, "E" | "S"))
            .map(|&(_, t)| t)
            .collect();
        let open = |p: usize| {
            parts
                .get(p)
                .filter(|(pp, _)| matches!(*pp, "B" | "I"))
                .map(|&(_, t)| t)
        };
        let mut allowed = vec![true; (n + 1) * n];
        for (c, &(cp, ct)) in parts.iter().enumerate() {
            let continues = matches!(cp, "I" | "E");
            for p in 0..=n {
                allowed[p * n + c] = match open(p) {
                    Some(t) if closed.contains(&t) => continues && ct == t,
                    o => !continues || o == Some(ct),
                };
            }
        }
        let may_end = (0..n)
            .map(|c| !open(c).is_some_and(|t| closed.contains(&t)))
            .collect();
        let iob = parts
            .iter()
            .zip(&labels)
            .map(|(&(p, t), l)| match p {
                "E" => format!("I-{t}"),
                "S" => format!("B-{t}"),
                _ => l.clone(),
            })
            .collect();
        let outside = labels.iter().position(|l| l == "O");
        let index = |name: &str| {
            labels
                .iter()
                .position(|l| l == name)
                .and_then(|i| u16::try_from(i).ok())
        };
        let person_then_place = index("I-PERSON")
            .zip(index("B-LOC"))
            .zip(index("B-PERSON"))
            .map(|((i, place), b)| (i, place, b));
        let place_labels = index("B-LOC")
            .zip(index("I-LOC"))
            .zip(index("O"))
            .map(|((b, i), o)| (b, i, o));
        let chain = mask(&transitions, &allowed, n);
        Model {
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            labels,
            iob,
            may_end,
            bits,
            scale,
            temperature: 1.0,
            plan: StepPlan::new(&chain, n, outside),
            chain,
            transitions,
            weights,
            allowed,
            outside,
            person_then_place,
            place_labels,
        }
    }

    /// Replaces the transitions (training changes them as it learns).
    #[cfg(feature = "train")]
    pub(crate) fn set_transitions(&mut self, transitions: &[f32]) {
        self.transitions.clone_from_slice(transitions);
        self.chain = mask(&self.transitions, &self.allowed, self.labels.len());
        self.plan = StepPlan::new(&self.chain, self.labels.len(), self.outside);
    }

    /// The weights of a row, one per label.
    #[inline]
    pub(crate) fn row_weights(&self, row: usize) -> &[i16] {
        self.weights.row(row)
    }

    /// The sums of the weight rows of the feature hashes `features`, one
    /// per lane, for a model of up to [`LANES`] labels (whose padded rows
    /// have [`LANES`] weights); a row past the table, or of a wider model,
    /// adds nothing. The tagger's scores and the new words' cached sums
    /// (`features::word_sums`) both take them from here.
    ///
    /// The rows are added in sixteen bits, eight lanes to an SSE2 `paddw`,
    /// and widened to 32 bits once per [`SPAN`] rows: widening every
    /// weight took eight instructions per block of eight lanes and row
    /// (two loads, two unpacks, two shifts, two adds), this takes four
    /// (a load, two adds, a shift). The sums themselves do not fit in
    /// sixteen bits (a token's `O` lane comes to about 80 000 on prose,
    /// and 98 % of tokens have some lane outside the range, so no bound
    /// on the rows would often let them be added in sixteen bits alone),
    /// so each lane carries two sums, from which its sum follows exactly
    /// whatever the weights: `low`, the weights added with wrap-around
    /// (the sum modulo 2^16), and `high`, the weights shifted right by 8
    /// (`w >> 8`, in -128..=127, so that [`SPAN`] of them stay in range)
    /// added exactly. As `w = 256 (w >> 8) + (w & 255)`, the sum is
    /// `256 high` plus the sum of the low bytes, which is at most
    /// 255 × [`SPAN`] < 2^16 and so is `low - 256 high` modulo 2^16 (see
    /// [`widen`]). A token has 20 to 40 rows, a word's slot fewer: one
    /// span serves, and more are for hostile or future feature sets.
    #[inline(always)]
    pub(crate) fn row_sums(&self, features: &[u64]) -> [i32; LANES] {
        let mut acc = [0i32; LANES];
        // Every token's features are one span: that case alone, so that
        // the sums are widened straight into `acc`.
        if features.len() <= SPAN {
            let (low, high) = self.span_sums(features);
            for (a, (&l, &h)) in acc.iter_mut().zip(low.iter().zip(&high)) {
                *a = widen(l, h);
            }
            return acc;
        }
        for span in features.chunks(SPAN) {
            let (low, high) = self.span_sums(span);
            for (a, (&l, &h)) in acc.iter_mut().zip(low.iter().zip(&high)) {
                *a += widen(l, h);
            }
        }
        acc
    }

    /// The two sixteen-bit sums of [`Model::row_sums`] over the rows of
    /// `span` ([`SPAN`] features at most): the weights added modulo 2^16,
    /// and their `w >> 8` added exactly. Both are local arrays added in
    /// place over the whole row, which the compiler keeps in eight vector
    /// registers; built as values of four eight-lane blocks
    /// (`std::array::from_fn`), as the 32-bit sums were, they were split
    /// into scalars or stored to the stack after every row.
    #[inline(always)]
    fn span_sums(&self, span: &[u64]) -> ([i16; LANES], [i16; LANES]) {
        let mut low = [0i16; LANES];
        let mut high = [0i16; LANES];
        for &f in span {
            let Ok(ws) = <&[i16; LANES]>::try_from(self.padded_row(self.row(f))) else {
                continue;
            };
            // `high` never wraps (see above): `wrapping_add` only spares
            // the overflow check of debug builds.
            for ((l, h), &w) in low.iter_mut().zip(high.iter_mut()).zip(ws) {
                *l = l.wrapping_add(w);
                *h = h.wrapping_add(w >> 8);
            }
        }
        (low, high)
    }

    /// The weights of a row, one per label, then zeros up to a multiple of
    /// 32: for sums over whole rows.
    #[inline]
    pub(crate) fn padded_row(&self, row: usize) -> &[i16] {
        self.weights.padded(row)
    }

    /// The IOB2 labels the model assigns (`O`, `B-PERSON`, …).
    pub fn labels(&self) -> impl Iterator<Item = &str> {
        self.labels.iter().map(String::as_str)
    }

    /// The weight row of a feature hash.
    #[inline]
    pub(crate) fn row(&self, feature: u64) -> usize {
        (finish(feature) >> (64 - self.bits)) as usize
    }

    /// The number of labels.
    pub(crate) fn len(&self) -> usize {
        self.labels.len()
    }

    /// The sums a word's cached weight sums keep for each slot
    /// (`features::SLOTS`): [`LANES`] for a model of up to [`LANES`]
    /// labels, the labels' then the padding's (zero), so that the tagger
    /// adds each as a fixed-length vector kept in registers; the labels'
    /// alone for wider models.
    pub(crate) fn slot_width(&self) -> usize {
        if self.len() <= LANES {
            LANES
        } else {
            self.len()
        }
    }
}

/// The weights of a padded row of a model of up to 32 labels.
pub(crate) const LANES: usize = 32;

/// The most rows [`Model::row_sums`] adds in sixteen bits before it
/// widens the sums: the most for which both stay exact. `high` is then
/// in -32 768..=32 512, and the low bytes add up to at most 65 280, which
/// `low - 256 high` modulo 2^16 tells apart. A test shows that one row
/// more (of `i16::MIN`) would not be exact.
pub(crate) const SPAN: usize = 256;

/// The sum of one lane of [`SPAN`] rows at most from its two sixteen-bit
/// sums (see [`Model::row_sums`]): `low`, the weights added modulo 2^16,
/// and `high`, their `w >> 8` added exactly. The weights' low bytes add up
/// to `low - 256 high` modulo 2^16, which is that sum itself, as it is
/// in 0..2^16.
#[inline(always)]
pub(crate) fn widen(low: i16, high: i16) -> i32 {
    let bytes = low.wrapping_sub(high.wrapping_shl(8)) as u16;
    256 * i32::from(high) + i32::from(bytes)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Organizations with end and single labels, persons in IOB2, no
    /// weights: the decoding constraints alone (shared with the decoder's
    /// tests).
    pub(crate) const END_LABELS: [&str; 7] =
        ["O", "B-ORG", "E-ORG", "I-ORG", "S-ORG", "B-PER", "I-PER"];

    pub(crate) fn end_label_model() -> Model {
        Model::assemble(
            END_LABELS.map(String::from).to_vec(),
            4,
            1.0,
            vec![0.0; 56],
            vec![],
        )
    }

    #[test]
    fn end_and_single_labels_constrain_decoding_and_read_as_iob2() {
        let labels = END_LABELS;
        let m = end_label_model();
        let n = labels.len();
        let at = |l: &str| labels.iter().position(|x| *x == l).unwrap();
        let ok = |p: Option<&str>, c: &str| m.allowed[p.map_or(n, at) * n + at(c)];
        // An open ORG goes on or ends, and nothing else.
        for c in labels {
            let want = matches!(c, "I-ORG" | "E-ORG");
            assert_eq!(ok(Some("B-ORG"), c), want, "B-ORG → {c}");
            assert_eq!(ok(Some("I-ORG"), c), want, "I-ORG → {c}");
        }
        // Only an open ORG goes on or ends.
        for p in [None, Some("O"), Some("E-ORG"), Some("S-ORG"), Some("B-PER")] {
            assert!(!ok(p, "I-ORG") && !ok(p, "E-ORG"), "{p:?}");
            assert!(ok(p, "S-ORG") && ok(p, "B-ORG") && ok(p, "O"), "{p:?}");
        }
        // IOB2 types are as before: PER may end anywhere.
        assert!(ok(Some("I-PER"), "O") && ok(Some("B-PER"), "S-ORG"));
        assert!(!ok(Some("B-ORG"), "I-PER") && !ok(None, "I-PER"));
        let iob: Vec<&str> = m.iob.iter().map(String::as_str).collect();
        assert_eq!(
            iob,
            ["O", "B-ORG", "I-ORG", "I-ORG", "B-ORG", "B-PER", "I-PER"]
        );
        // Nor may a sentence end inside an ORG.
        assert_eq!(m.may_end, [true, false, true, false, true, true, true]);
        // The decoder keeps to them: see decode.rs's tests.
    }

    fn tiny() -> Model {
        let labels = ["O", "B-PER", "I-PER"].map(String::from).to_vec();
        let mut weights = vec![0i16; 16 * 3];
        weights[5 * 3 + 1] = 7;
        weights[9 * 3 + 2] = -3;
        Model::assemble(labels, 4, 0.5, (0..12).map(|x| x as f32).collect(), weights)
    }

    /// A model of `labels` labels and 2^6 rows whose weights come from
    /// `weight(row, label)`.
    fn weighted(labels: usize, weight: impl Fn(usize, usize) -> i16) -> Model {
        let names = (0..labels).map(|l| format!("B-T{l}")).collect();
        let weights = (0..64 * labels)
            .map(|k| weight(k / labels, k % labels))
            .collect();
        Model::assemble(names, 6, 1.0, vec![0.0; (labels + 1) * labels], weights)
    }

    /// The sums of the rows of `features` in 64 bits, one per label.
    fn exact_sums(model: &Model, features: &[u64]) -> Vec<i64> {
        let mut sums = vec![0i64; model.len()];
        for &f in features {
            for (s, &w) in sums.iter_mut().zip(model.row_weights(model.row(f))) {
                *s += i64::from(w);
            }
        }
        sums
    }

    /// `n` feature hashes whose rows are all `row` of `model`.
    fn hashes_of_row(model: &Model, row: usize, n: usize) -> Vec<u64> {
        let f = (0u64..).find(|&f| model.row(f) == row).unwrap();
        vec![f; n]
    }

    #[test]
    fn sixteen_bit_sums_are_the_exact_sums_whatever_the_weights() {
        // Rows of extremes, of values about the byte boundaries, and of a
        // generator; row 0 all `i16::MIN`, row 1 all `i16::MAX`.
        let mut x = 7u64;
        let mut next = move || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (x >> 48) as i16
        };
        let edges = [
            i16::MIN,
            i16::MIN + 1,
            -257,
            -256,
            -255,
            -129,
            -128,
            -1,
            0,
            1,
            127,
            128,
            255,
            256,
            257,
            i16::MAX - 1,
            i16::MAX,
        ];
        let random: Vec<i16> = (0..64 * 32).map(|_| next()).collect();
        for labels in [1, 8, 27, 32] {
            let model = weighted(labels, |r, l| match r {
                0 => i16::MIN,
                1 => i16::MAX,
                2..=20 => edges[(r * 3 + l) % edges.len()],
                _ => random[r * 32 + l],
            });
            let mut cases: Vec<Vec<u64>> = Vec::new();
            // All of one extreme row, up to and past a span.
            for row in [0, 1, 5] {
                for n in [
                    0,
                    1,
                    2,
                    128,
                    129,
                    255,
                    SPAN,
                    SPAN + 1,
                    SPAN + 2,
                    3 * SPAN + 5,
                ] {
                    cases.push(hashes_of_row(&model, row, n));
                }
            }
            // Mixtures of every row, of the sizes tokens have and larger.
            for (k, n) in [1usize, 7, 20, 37, 63, 256, 257, 600]
                .into_iter()
                .enumerate()
            {
                cases.push((0..n as u64).map(|f| f * 31 + k as u64).collect());
            }
            for features in &cases {
                let got = model.row_sums(features);
                let want = exact_sums(&model, features);
                let got: Vec<i64> = got[..labels].iter().map(|&s| i64::from(s)).collect();
                assert_eq!(got, want, "{labels} labels, {} rows", features.len());
            }
        }
    }

    #[test]
    fn a_span_of_more_rows_would_not_be_exact() {
        // Widened from one span, 257 rows of `i16::MIN` (their `high`
        // leaves the range) or 258 of 255 (their low bytes pass 2^16)
        // come out wrong: `row_sums` must split them into spans, and
        // does. [`SPAN`] rows of either are exact in one.
        for (weight, wrong) in [(i16::MIN, SPAN + 1), (255, SPAN + 2)] {
            let model = weighted(27, |_, _| weight);
            let one_span = |n: usize| {
                let (low, high) = model.span_sums(&hashes_of_row(&model, 3, n));
                i64::from(widen(low[0], high[0]))
            };
            let exact = |n: usize| i64::from(weight) * n as i64;
            assert_eq!(one_span(SPAN), exact(SPAN), "{weight} × {SPAN}");
            assert_ne!(one_span(wrong), exact(wrong), "{weight} × {wrong}");
            let sums = model.row_sums(&hashes_of_row(&model, 3, wrong));
            assert!(
                sums[..27].iter().all(|&s| i64::from(s) == exact(wrong)),
                "{weight} × {wrong}: {sums:?}"
            );
        }
    }

    #[test]
    fn round_trip() {
        let m = tiny();
        let bytes = m.to_bytes();
        assert_eq!(Model::from_bytes(&bytes).unwrap(), m);
        assert_eq!(Model::from_reader(&bytes[..]).unwrap(), m);
    }

    #[test]
    fn iob2_constraints() {
        let m = tiny();
        let n = 3;
        // I-PER after O or at the start is not allowed; after B-PER it is.
        assert!(!m.allowed[2]);
        assert!(!m.allowed[n * n + 2]);
        assert!(m.allowed[n + 2]);
        assert!(m.allowed[2 * n + 2]);
        assert!(m.allowed[1]);
    }

    #[test]
    fn every_damaged_file_is_an_error() {
        let bytes = tiny().to_bytes();
        for len in 0..bytes.len() {
            let err = Model::from_bytes(&bytes[..len]).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Model, "truncated at {len}");
        }
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x20;
            assert!(Model::from_bytes(&bad).is_err(), "flipped byte {i}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Model::from_bytes(&longer).is_err());
        let mut v5 = bytes.clone();
        v5[8] = 5;
        let msg = Model::from_bytes(&v5).unwrap_err().to_string();
        assert!(msg.contains("version 5"), "{msg}");
        // Version 1 and 2 files (sparse rows; 1 has IOB2 labels only) and
        // version 3 files (dense rows, no feature set) are read, and damage
        // to them is found as well.
        for version in [1, 2, 3] {
            let old = tiny().encode(version);
            assert_eq!(
                u32::from_le_bytes([old[8], old[9], old[10], old[11]]),
                version
            );
            assert_eq!(Model::from_bytes(&old).unwrap(), tiny());
            for len in 0..old.len() {
                assert!(
                    Model::from_bytes(&old[..len]).is_err(),
                    "v{version} at {len}"
                );
            }
            for i in 0..old.len() {
                let mut bad = old.clone();
                bad[i] ^= 0x20;
                assert!(Model::from_bytes(&bad).is_err(), "v{version} byte {i}");
            }
        }
    }

    /// `bytes` (a version 4 file) with feature set `features` and the
    /// checksum made right again.
    fn with_feature_set(bytes: &[u8], features: u32) -> Vec<u8> {
        let mut out = bytes[..bytes.len() - 8].to_vec();
        out[12..16].copy_from_slice(&features.to_le_bytes());
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    #[test]
    fn a_model_of_another_feature_set_is_refused() {
        let bytes = tiny().to_bytes();
        assert_eq!(&bytes[12..16], &FEATURE_SET.to_le_bytes());
        for (features, accepted) in [
            (FEATURE_SET, true),
            (FEATURE_SET.wrapping_add(1), false),
            (FEATURE_SET.wrapping_sub(1), false),
            (0, FEATURE_SET == 0),
            (u32::MAX, FEATURE_SET == u32::MAX),
        ] {
            let file = with_feature_set(&bytes, features);
            match Model::from_bytes(&file) {
                Ok(m) => {
                    assert!(accepted, "feature set {features} accepted");
                    assert_eq!(m, tiny());
                }
                Err(err) => {
                    assert!(!accepted, "feature set {features}: {err}");
                    assert_eq!(err.kind(), ErrorKind::FeatureSet, "{err}");
                    let msg = err.to_string();
                    for part in [
                        format!("feature set {features},"),
                        format!("extracts feature set {FEATURE_SET}"),
                        "Retrain".to_owned(),
                        "kazakh train ner --train".to_owned(),
                    ] {
                        assert!(msg.contains(&part), "{part:?} not in {msg}");
                    }
                }
            }
        }
        // A file of an older version has no feature set and is read as of
        // the current one; a damaged feature set is found by the checksum.
        assert_eq!(Model::from_bytes(&tiny().encode(3)).unwrap(), tiny());
        let mut bad = bytes.clone();
        bad[12] ^= 1;
        let err = Model::from_bytes(&bad).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Model, "{err}");
    }

    #[cfg(feature = "embedded-model")]
    #[test]
    fn the_embedded_model_is_current_and_whole() {
        let bytes = include_bytes!("../../models/ner-kaznerd.kzm");
        assert_eq!(
            &bytes[8..12],
            &VERSION.to_le_bytes(),
            "models/ner-kaznerd.kzm is of an older format version: rewrite it with \
             `cargo run --release --example convert_model`"
        );
        assert_eq!(
            &bytes[12..16],
            &FEATURE_SET.to_le_bytes(),
            "models/ner-kaznerd.kzm was trained with another feature set than \
             FEATURE_SET: retrain it with `{}`",
            RETRAIN_SHIPPED
        );
        // Its checksum, which `from_embedded` leaves unchecked, is right.
        let checked = Model::from_bytes(bytes).unwrap();
        assert_eq!(Model::from_embedded(bytes).unwrap(), checked);
        assert_eq!(checked.to_bytes(), bytes.to_vec());
    }
}

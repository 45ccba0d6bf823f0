//! Scoring and Viterbi decoding of one sentence.

use super::features::Extractor;
use super::model::{chain_stride, Model, LANES};

/// Buffers of the decoder, reused between sentences.
#[derive(Default)]
pub(crate) struct Decoder {
    /// `n × L` emission scores.
    pub(crate) emissions: Vec<f32>,
    acc: Vec<i32>,
    delta: Vec<f32>,
    /// `n × w`: the best score of each label at each step before its
    /// emission (the max over previous labels of `delta + chain`).
    step: Vec<f32>,
    /// The best label sequence of the last sentence.
    pub(crate) best: Vec<u16>,
    /// The confidence of each label of `best`, in 0..=1.
    pub(crate) confidence: Vec<f32>,
}

impl Decoder {
    /// Computes the emission scores of the `n` tokens whose features `x`
    /// holds (extracted for `model`, or without a model).
    #[inline(never)]
    pub(crate) fn score(&mut self, model: &Model, x: &Extractor, n: usize) {
        let l = model.len();
        let slot = model.slot_width();
        let cached = x.sums.len() == n * slot;
        self.emissions.clear();
        // Whole padded rows: a fixed-length sum that vectorizes (the
        // padding's weights are zero).
        let stride = model.weights.stride();
        if stride == LANES {
            self.score_32(model, x, n, cached);
            return;
        }
        self.acc.resize(stride, 0);
        for i in 0..n {
            self.acc.iter_mut().for_each(|a| *a = 0);
            if cached {
                let sums = &x.sums[i * slot..][..l];
                for (a, &v) in self.acc.iter_mut().zip(sums) {
                    *a += v;
                }
            }
            for &f in x.features(i) {
                let ws = model.padded_row(model.row(f));
                for (a, &w) in self.acc.iter_mut().zip(ws) {
                    *a += i32::from(w);
                }
            }
            let scale = model.scale;
            self.emissions
                .extend(self.acc[..l].iter().map(|&a| a as f32 * scale));
        }
    }

    /// [`Decoder::score`] for models of up to [`LANES`] labels: a token's
    /// rows are summed in sixteen-bit vector registers over all of its
    /// features and widened once ([`Model::row_sums`]), then the word sums
    /// of the words around it, added up by the extractor, are added.
    fn score_32(&mut self, model: &Model, x: &Extractor, n: usize, cached: bool) {
        let l = model.len().min(LANES);
        let scale = model.scale;
        for i in 0..n {
            let mut acc = model.row_sums(x.features(i));
            if cached {
                // A whole slot of [`LANES`] sums (`cached` checked the
                // length): a fixed-length sum kept in registers.
                if let Some(sums) = x
                    .sums
                    .get(i * LANES..)
                    .and_then(|s| s.get(..LANES))
                    .and_then(|s| <&[i32; LANES]>::try_from(s).ok())
                {
                    for (a, &v) in acc.iter_mut().zip(sums) {
                        *a += v;
                    }
                }
            }
            // Scaled over all the lanes first: read at a variable length,
            // `acc` was kept on the stack rather than in registers.
            let mut scores = [0f32; LANES];
            for (s, &a) in scores.iter_mut().zip(&acc) {
                *s = a as f32 * scale;
            }
            self.emissions.extend_from_slice(&scores[..l]);
        }
    }

    /// The best label sequence under the IOB2 constraints, into `best`,
    /// with a confidence per label.
    #[inline(never)]
    pub(crate) fn viterbi(&mut self, model: &Model, n: usize) {
        let l = model.len();
        self.best.clear();
        self.confidence.clear();
        if n == 0 || l == 0 {
            return;
        }
        // Rows of `w` scores, the labels then -inf: every max below runs
        // over whole blocks of 8 lanes, which the compiler vectorizes.
        let w = chain_stride(l);
        let chain = &model.chain;
        self.delta.clear();
        self.delta.resize(n * w, f32::NEG_INFINITY);
        for (c, d) in self.delta[..l].iter_mut().enumerate() {
            *d = chain[l * w + c] + self.emissions[c];
        }
        // Each step's best scores before its emissions are kept: the way
        // back looks for the previous label that reached them.
        self.step.clear();
        self.step.resize(n * w, f32::NEG_INFINITY);
        for i in 1..n {
            let (done, rest) = self.delta.split_at_mut(i * w);
            let prev = &done[(i - 1) * w..i * w];
            let step = &mut self.step[i * w..(i + 1) * w];
            match &model.plan {
                Some(plan) => plan.step(prev, step),
                None => best_step(&prev[..l], chain, step),
            }
            let emissions = &self.emissions[i * l..(i + 1) * l];
            for ((d, &best), &e) in rest[..l].iter_mut().zip(&*step).zip(emissions) {
                *d = best + e;
            }
        }
        // Back from the best last label; each step's previous label is the
        // first one that reaches the step's best score (found again here,
        // only on the path, rather than stored for every label).
        let last = &self.delta[(n - 1) * w..(n - 1) * w + l];
        let mut arg = 0usize;
        let mut top = f32::NEG_INFINITY;
        for (c, (&s, &end)) in last.iter().zip(&model.may_end).enumerate() {
            if end && s > top {
                (arg, top) = (c, s);
            }
        }
        self.best.resize(n, 0);
        self.best[n - 1] = arg as u16;
        for i in (1..n).rev() {
            let c = usize::from(self.best[i]);
            let prev = &self.delta[(i - 1) * w..(i - 1) * w + l];
            self.best[i - 1] = first_reaching(prev, chain, w, c, self.step[i * w + c]);
        }
        // Confidence: the softmax of the local scores (emission plus the
        // transition from the chosen previous label) at the chosen label.
        for i in 0..n {
            // Only entity tokens need a confidence.
            if Some(usize::from(self.best[i])) == model.outside {
                self.confidence.push(1.0);
                continue;
            }
            let prev = if i == 0 {
                l
            } else {
                usize::from(self.best[i - 1])
            };
            let local = |c: usize| self.emissions[i * l + c] + chain[prev * w + c];
            let chosen = local(usize::from(self.best[i]));
            let temp = model.temperature;
            // Forbidden labels (-inf) add exp(-inf) = 0, which leaves the
            // sum as it is (the chosen label's 1 is in it): not computed.
            let sum: f32 = (0..l)
                .filter(|&c| chain[prev * w + c] > f32::NEG_INFINITY)
                .map(|c| ((local(c) - chosen) / temp).exp())
                .sum();
            let p = if sum.is_finite() && sum > 0.0 {
                1.0 / sum
            } else {
                0.0
            };
            self.confidence.push(p);
        }
    }
}

/// The first previous label `p` (in label order) whose score
/// `prev[p] + chain[p][c]` equals `best`, the step's maximum for label
/// `c`: the label the running maximum `if s > best` of all of them would
/// keep. The same sums as the step's, so equality is exact; 0 when none
/// reaches it (no allowed previous label), as that running maximum gives.
fn first_reaching(prev: &[f32], chain: &[f32], w: usize, c: usize, best: f32) -> u16 {
    prev.iter()
        .zip(chain.chunks_exact(w))
        .position(|(&dp, row)| row.get(c).is_some_and(|&t| dp + t == best))
        .map_or(0, |p| p as u16)
}

/// The best score of each label after one more step:
/// `step[c] = max over p of prev[p] + chain[p][c]`, `chain` in rows of
/// `step.len()` lanes. With rows of 32 lanes (models of up to 32 labels)
/// the maxima stay in vector registers over all the previous labels.
fn best_step(prev: &[f32], chain: &[f32], step: &mut [f32]) {
    let w = step.len();
    if let Ok(out) = <&mut [f32; 32]>::try_from(&mut *step) {
        let mut acc = [f32::NEG_INFINITY; 32];
        for (&dp, row) in prev.iter().zip(chain.chunks_exact(32)) {
            if let Ok(row) = <&[f32; 32]>::try_from(row) {
                for (b, &t) in acc.iter_mut().zip(row) {
                    let s = dp + t;
                    // The running maximum first: SSE's `maxps` keeps its
                    // result in `b`'s register, with no copy per lane block
                    // (the scores are never NaN, and equal scores are
                    // equal either way).
                    *b = if *b > s { *b } else { s };
                }
            }
        }
        *out = acc;
        return;
    }
    step.fill(f32::NEG_INFINITY);
    for (&dp, row) in prev.iter().zip(chain.chunks_exact(w.max(1))) {
        for (b, &t) in step.iter_mut().zip(row) {
            let s = dp + t;
            *b = if s > *b { s } else { *b };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The emissions of `tokens` summed one feature row at a time from
    /// every feature's hash, as training sees them.
    fn plain_emissions(model: &Model, tokens: &[&str]) -> Vec<f32> {
        let mut x = Extractor::default();
        x.extract(tokens, None);
        let mut out = Vec::new();
        for i in 0..tokens.len() {
            let mut acc = vec![0i32; model.len()];
            for &f in x.features(i) {
                for (a, &w) in acc.iter_mut().zip(model.row_weights(model.row(f))) {
                    *a += i32::from(w);
                }
            }
            out.extend(acc.iter().map(|&a| a as f32 * model.scale));
        }
        out
    }

    #[test]
    fn cached_word_sums_and_register_sums_give_the_plain_scores() {
        let r = crate::ner::Recognizer::default();
        let model = &r.model;
        for text in [
            "Қасым-Жомарт Тоқаев 2024 жылғы 12 мамырда Астанада «Ақ жол» партиясының өкілдерімен кездесті .",
            "Бүгін сағат 10:30-да 3,2 % өсім туралы айтылды",
            "Ол",
        ] {
            let tokens: Vec<&str> = text.split(' ').collect();
            let mut x = Extractor::default();
            x.extract(&tokens, Some(model));
            let mut d = Decoder::default();
            d.score(model, &x, tokens.len());
            assert_eq!(d.emissions, plain_emissions(model, &tokens), "{text}");
        }
    }

    #[test]
    fn cached_sums_of_models_of_every_width_give_the_plain_scores() {
        // Slots of 32 sums up to 32 labels, of the labels' alone past
        // them; weights of the whole range, extremes included.
        let tokens = [
            "Алматы",
            "қаласында",
            "2024",
            "жылы",
            "Ерлан",
            "Қарин",
            "сөйледі",
            ".",
        ];
        for labels in [1, 5, 27, 31, 32, 33, 40] {
            let names: Vec<String> = (0..labels).map(|l| format!("B-T{l}")).collect();
            let weights: Vec<i16> = scores(labels as u64, 256 * labels)
                .iter()
                .enumerate()
                .map(|(k, &x)| match k % 11 {
                    0 => i16::MAX,
                    1 => i16::MIN,
                    _ => (x * 16_000.0) as i16,
                })
                .collect();
            let t = vec![0.0; (labels + 1) * labels];
            let model = Model::assemble(names, 8, 0.25, t, weights);
            let want = plain_emissions(&model, &tokens);
            let (mut x, mut d) = (Extractor::default(), Decoder::default());
            // Twice: once filling the word cache, once reading it.
            for _ in 0..2 {
                x.extract(&tokens, Some(&model));
                assert_eq!(x.sums.len(), tokens.len() * model.slot_width());
                d.score(&model, &x, tokens.len());
                assert_eq!(d.emissions, want, "{labels} labels");
            }
        }
    }

    #[test]
    fn a_lone_token_of_a_type_with_end_labels_is_single() {
        let m = crate::ner::model::tests::end_label_model();
        let mut d = Decoder::default();
        d.emissions.extend([0.0, 5.0, 0.0, 0.0, 1.0, 0.0, 0.0]);
        d.viterbi(&m, 1);
        assert_eq!(d.best, [4], "a lone ORG token is S-ORG, not an open B-ORG");
    }

    /// A small deterministic generator of scores in -2..2.
    fn scores(seed: u64, n: usize) -> Vec<f32> {
        let mut x = seed;
        (0..n)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                ((x >> 40) as f32 / (1u64 << 24) as f32) * 4.0 - 2.0
            })
            .collect()
    }

    #[test]
    fn viterbi_finds_the_best_allowed_sequence() {
        let labels: Vec<String> = ["O", "B-LOC", "B-PER", "I-LOC", "I-PER"]
            .map(String::from)
            .to_vec();
        let l = labels.len();
        for seed in 0..40u64 {
            let model = Model::assemble(labels.clone(), 4, 1.0, scores(seed, (l + 1) * l), vec![]);
            for n in 1..=5 {
                let mut d = Decoder {
                    emissions: scores(seed * 31 + n as u64, n * l),
                    ..Decoder::default()
                };
                d.viterbi(&model, n);
                // Every sequence, by brute force.
                let score = |seq: &[usize]| -> Option<f32> {
                    let mut total = 0.0;
                    let mut prev = l;
                    for (i, &c) in seq.iter().enumerate() {
                        if !model.allowed[prev * l + c] {
                            return None;
                        }
                        total += model.transitions[prev * l + c] + d.emissions[i * l + c];
                        prev = c;
                    }
                    Some(total)
                };
                let mut best = f32::NEG_INFINITY;
                for code in 0..l.pow(n as u32) {
                    let seq: Vec<usize> = (0..n).map(|i| code / l.pow(i as u32) % l).collect();
                    if let Some(s) = score(&seq) {
                        best = best.max(s);
                    }
                }
                let path: Vec<usize> = d.best.iter().map(|&c| usize::from(c)).collect();
                let got = score(&path).expect("the path is allowed");
                assert!(
                    (got - best).abs() < 1e-4,
                    "seed {seed}, n {n}: {got} < {best}"
                );
                assert_eq!(d.confidence.len(), n);
            }
        }
    }

    /// Scores in -2..2 on a grid of quarters, so that equal sums (ties)
    /// are common, with about one in `holes` at -inf.
    fn coarse(seed: u64, n: usize, holes: usize) -> Vec<f32> {
        scores(seed, n)
            .into_iter()
            .enumerate()
            .map(|(k, x)| {
                if holes > 0 && (seed as usize + k * 7) % holes == 0 {
                    f32::NEG_INFINITY
                } else {
                    (x * 4.0).round() / 4.0
                }
            })
            .collect()
    }

    /// Models whose transitions come from `seed`: IOB2 labels without and
    /// with end labels, the embedded model's labels, and one type without
    /// constraints on a label that is not `O`.
    fn models(seed: u64) -> Vec<Model> {
        let label_sets: Vec<Vec<String>> = vec![
            ["O", "B-LOC", "B-PER", "I-LOC", "I-PER"]
                .map(String::from)
                .to_vec(),
            crate::ner::model::tests::end_label_model().labels,
            ["X", "Y", "Z"].map(String::from).to_vec(),
        ];
        #[cfg(feature = "embedded-model")]
        let label_sets = {
            let mut sets = label_sets;
            sets.push(
                crate::ner::Recognizer::embedded()
                    .unwrap()
                    .model()
                    .labels
                    .clone(),
            );
            sets
        };
        label_sets
            .into_iter()
            .map(|labels| {
                let l = labels.len();
                let t = coarse(seed, (l + 1) * l, 0)
                    .iter()
                    .map(|x| x * 8.0)
                    .collect();
                Model::assemble(labels, 4, 1.0, t, vec![])
            })
            .collect()
    }

    // Uses the embedded model.
    #[cfg(feature = "embedded-model")]
    #[test]
    fn the_planned_step_gives_the_dense_step_numbers() {
        let (mut planned, mut skipped) = (0, 0);
        for seed in 0..200u64 {
            for model in models(seed) {
                let l = model.len();
                let w = chain_stride(l);
                let Some(plan) = &model.plan else { continue };
                planned += 1;
                // Previous scores with ties, holes and wide gaps, padded
                // with -inf as the decoder's rows are.
                let mut prev = coarse(seed * 7 + 1, w, 5);
                for (k, p) in prev.iter_mut().enumerate() {
                    if k >= l {
                        *p = f32::NEG_INFINITY;
                    } else if (seed + k as u64) % 3 == 0 {
                        *p *= 40.0;
                    }
                }
                let (mut dense, mut fast) = (vec![0.0; w], vec![0.0; w]);
                best_step(&prev[..l], &model.chain, &mut dense);
                fast.fill(f32::NAN);
                plan.step(&prev, &mut fast);
                assert_eq!(
                    fast[..l],
                    dense[..l],
                    "seed {seed}, labels {:?}",
                    model.labels
                );
                // The rows of the block that the step skips.
                let floor = prev[plan.first] + plan.first_min;
                skipped += (0..l)
                    .filter(|&p| p != plan.first && plan.row_max[p] > f32::NEG_INFINITY)
                    .filter(|&p| prev[p] > f32::NEG_INFINITY && prev[p] + plan.row_max[p] <= floor)
                    .count();
            }
        }
        assert!(planned >= 600, "{planned} models with a plan");
        assert!(skipped >= 500, "{skipped} rows skipped");
    }

    #[test]
    fn the_plan_of_iob2_labels_keeps_o_and_the_beginnings_in_its_block() {
        for model in models(3) {
            if model.outside.is_none() {
                continue;
            }
            let plan = model.plan.as_ref().expect("a plan");
            // The spare lanes repeat the first label.
            let block: Vec<&str> = (plan.lanes.iter().enumerate())
                .filter(|&(k, &c)| k == 0 || c != plan.lanes[0])
                .map(|(_, &c)| model.labels[usize::from(c)].as_str())
                .collect();
            assert!(
                block
                    .iter()
                    .all(|b| *b == "O" || b.starts_with("B-") || b.starts_with("S-")),
                "{block:?}"
            );
            assert_eq!(Some(plan.first), model.outside);
            let others: usize = plan.others.iter().map(|o| usize::from(o.2)).sum();
            assert_eq!(block.len() + others, model.len());
        }
    }

    #[test]
    fn the_first_label_reaching_the_best_is_the_running_maximum_s() {
        for seed in 0..300u64 {
            let (l, w) = (1 + seed as usize % 30, 32);
            let prev = coarse(seed, l, 4);
            let chain = coarse(seed + 1000, l * w, 3);
            for c in 0..l {
                let (mut best, mut arg) = (f32::NEG_INFINITY, 0u16);
                for (p, &dp) in prev.iter().enumerate() {
                    let s = dp + chain[p * w + c];
                    if s > best {
                        (best, arg) = (s, p as u16);
                    }
                }
                let max = (0..l)
                    .map(|p| prev[p] + chain[p * w + c])
                    .fold(f32::NEG_INFINITY, f32::max);
                assert_eq!(
                    first_reaching(&prev, &chain, w, c, max),
                    arg,
                    "seed {seed}, c {c}"
                );
            }
        }
    }

    #[test]
    fn viterbi_with_the_plan_decodes_as_the_dense_steps() {
        for seed in 0..60u64 {
            for model in models(seed) {
                let l = model.len();
                let mut dense = model.clone();
                dense.plan = None;
                for n in [1, 2, 3, 7, 20] {
                    let emissions: Vec<f32> = coarse(seed * 13 + n as u64, n * l, 0)
                        .iter()
                        .map(|x| x * 10.0)
                        .collect();
                    let mut a = Decoder {
                        emissions: emissions.clone(),
                        ..Decoder::default()
                    };
                    let mut b = Decoder {
                        emissions,
                        ..Decoder::default()
                    };
                    a.viterbi(&model, n);
                    b.viterbi(&dense, n);
                    assert_eq!(a.best, b.best, "seed {seed}, n {n}");
                    assert_eq!(a.confidence, b.confidence, "seed {seed}, n {n}");
                }
            }
        }
    }

    #[cfg(feature = "embedded-model")]
    #[test]
    fn cached_word_sums_score_exactly_like_every_feature() {
        let model = crate::ner::Recognizer::embedded().unwrap();
        let model = model.model();
        let sentences: [&[&str]; 4] = [
            &["Қасым-Жомарт", "Тоқаев", "Ақтөбе", "облысына", "барды", "."],
            &[
                "«",
                "Ақ",
                "жол",
                "»",
                "партиясы",
                "3",
                ",",
                "2",
                "%",
                "алды",
            ],
            &["Семейде"],
            &[],
        ];
        for tokens in sentences {
            let (mut x, mut d) = (Extractor::default(), Decoder::default());
            x.extract(tokens, None);
            d.score(model, &x, tokens.len());
            let (full, all) = (d.emissions.clone(), x.hashes.len());
            // Twice: once filling the word cache, once reading it.
            for _ in 0..2 {
                x.extract(tokens, Some(model));
                // The word features come as sums, not hashes.
                assert!(x.hashes.len() < all || tokens.is_empty());
                assert_eq!(x.sums.len(), tokens.len() * LANES);
                d.score(model, &x, tokens.len());
                assert_eq!(d.emissions, full, "{tokens:?}");
            }
        }
    }
}

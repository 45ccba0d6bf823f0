//! Scoring and Viterbi decoding of one sentence.

use super::features::Extractor;
use super::model::Model;

/// Buffers of the decoder, reused between sentences.
#[derive(Default)]
pub(crate) struct Decoder {
    /// `n × L` emission scores.
    pub(crate) emissions: Vec<f32>,
    acc: Vec<i32>,
    delta: Vec<f32>,
    back: Vec<u16>,
    /// The best label sequence of the last sentence.
    pub(crate) best: Vec<u16>,
    /// The confidence of each label of `best`, in 0..=1.
    pub(crate) confidence: Vec<f32>,
}

impl Decoder {
    /// Computes the emission scores of the `n` tokens whose features `x`
    /// holds.
    pub(crate) fn score(&mut self, model: &Model, x: &Extractor, n: usize) {
        let l = model.len();
        self.emissions.clear();
        self.acc.resize(l, 0);
        for i in 0..n {
            self.acc.iter_mut().for_each(|a| *a = 0);
            for &f in x.features(i) {
                let ws = model.row_weights(model.row(f));
                for (a, &w) in self.acc.iter_mut().zip(ws) {
                    *a += i32::from(w);
                }
            }
            let scale = model.scale;
            self.emissions
                .extend(self.acc.iter().map(|&a| a as f32 * scale));
        }
    }

    /// The best label sequence under the IOB2 constraints, into `best`,
    /// with a confidence per label.
    pub(crate) fn viterbi(&mut self, model: &Model, n: usize) {
        let l = model.len();
        self.best.clear();
        self.confidence.clear();
        if n == 0 || l == 0 {
            return;
        }
        let t = &model.transitions;
        self.delta.clear();
        self.delta.resize(n * l, f32::NEG_INFINITY);
        self.back.clear();
        self.back.resize(n * l, 0);
        for c in 0..l {
            if model.allowed[l * l + c] {
                self.delta[c] = t[l * l + c] + self.emissions[c];
            }
        }
        for i in 1..n {
            let (done, rest) = self.delta.split_at_mut(i * l);
            let prev = &done[(i - 1) * l..];
            let emissions = &self.emissions[i * l..(i + 1) * l];
            let back = &mut self.back[i * l..(i + 1) * l];
            for (c, ((d, b), &e)) in rest[..l].iter_mut().zip(back).zip(emissions).enumerate() {
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0u16;
                for &p in &model.preds[c] {
                    let p = usize::from(p);
                    let s = prev[p] + t[p * l + c];
                    if s > best {
                        best = s;
                        arg = p as u16;
                    }
                }
                *d = best + e;
                *b = arg;
            }
        }
        let last = &self.delta[(n - 1) * l..n * l];
        let mut arg = 0usize;
        for (c, &s) in last.iter().enumerate() {
            if s > last[arg] {
                arg = c;
            }
        }
        self.best.resize(n, 0);
        self.best[n - 1] = arg as u16;
        for i in (1..n).rev() {
            self.best[i - 1] = self.back[i * l + usize::from(self.best[i])];
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
            let local = |c: usize| -> f32 {
                if model.allowed[prev * l + c] {
                    self.emissions[i * l + c] + t[prev * l + c]
                } else {
                    f32::NEG_INFINITY
                }
            };
            let chosen = local(usize::from(self.best[i]));
            let temp = model.temperature;
            let sum: f32 = (0..l).map(|c| ((local(c) - chosen) / temp).exp()).sum();
            let p = if sum.is_finite() && sum > 0.0 {
                1.0 / sum
            } else {
                0.0
            };
            self.confidence.push(p);
        }
    }
}

//! The progress line of long runs, on standard error when it is a
//! terminal.

use std::io::{self, IsTerminal, Write};
use std::time::Instant;

/// A progress line on standard error, when it is a terminal.
pub struct Progress {
    on: bool,
    start: Instant,
    last: Instant,
    bytes: u64,
    total: Option<u64>,
}

impl Progress {
    /// A progress line for `total` input bytes, if known.
    pub fn new(total: Option<u64>) -> Progress {
        let now = Instant::now();
        Progress {
            on: io::stderr().is_terminal(),
            start: now,
            last: now,
            bytes: 0,
            total,
        }
    }

    /// Counts `bytes` more input bytes as done.
    pub fn add(&mut self, bytes: u64) {
        self.bytes += bytes;
    }

    /// Shows the line (at most every 250 ms, and once more at the
    /// `last` call, which ends it).
    pub fn show(&mut self, docs: usize, last: bool) {
        if !self.on || (!last && self.last.elapsed().as_millis() < 250) {
            return;
        }
        self.last = Instant::now();
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let mb = self.bytes as f64 / 1e6;
        let rate = mb / secs;
        let mut line = format!("\r{docs} documents, {mb:.1} MB, {rate:.1} MB/s");
        if let Some(total) = self.total.filter(|&t| t > 0 && !last) {
            let left = (total as f64 / 1e6 - mb).max(0.0);
            if rate > 0.0 {
                line.push_str(&format!(", ETA {:.0} s", left / rate));
            }
        }
        line.push_str("    ");
        if last {
            line.push('\n');
        }
        let _ = io::stderr().lock().write_all(line.as_bytes());
    }
}

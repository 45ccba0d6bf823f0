//! Every command on hostile input (`tests/support/hostile.rs` of the
//! library) at 1 MiB and 10 MiB: it succeeds, its output grows at most
//! twelve times for ten times the input, and its peak memory (the child's
//! maximum resident set, from `wait4`) at most twenty-four times (vectors
//! grow by doubling; quadratic work would grow a hundredfold). `annotate` stays under 300 MB at
//! 1 MiB. Nothing measures time.
//!
//! The sizes make these slow in a debug build; they are `#[ignore]`d and
//! `.ci/run` runs them in release mode:
//! `cargo test --release -p kazakh-cli --test hostile -- --ignored`.

#![cfg(target_os = "linux")]

#[allow(dead_code)] // helpers of the other test files
mod common;
#[path = "../../tests/support/hostile.rs"]
mod hostile;

use std::fs::File;
use std::process::{Command, Stdio};

use common::{TempFile, BIN};

#[repr(C)]
#[derive(Default)]
struct Timeval {
    sec: i64,
    usec: i64,
}

/// Linux's `struct rusage` on 64-bit targets.
#[repr(C)]
#[derive(Default)]
struct Rusage {
    utime: Timeval,
    stime: Timeval,
    maxrss: i64,
    rest: [i64; 13],
}

extern "C" {
    fn wait4(pid: i32, status: *mut i32, options: i32, rusage: *mut Rusage) -> i32;
}

/// What one run cost and gave.
#[derive(Debug)]
struct Run {
    /// Peak resident memory, in bytes.
    peak: u64,
    /// Bytes written to standard output.
    output: u64,
}

/// Runs the command on `input` (a file argument), output to a file.
// The child is reaped by `wait4` (for its peak memory), which clippy cannot
// see: std's handle is deliberately never waited on.
#[allow(clippy::zombie_processes)]
fn run(args: &[&str], input: &TempFile) -> Run {
    let out = TempFile::new("hostile.out", b"");
    let err = TempFile::new("hostile.err", b"");
    let child = Command::new(BIN)
        .args(args)
        .arg(input.path())
        .stdin(Stdio::null())
        .stdout(File::create(out.path()).expect("output file"))
        .stderr(File::create(err.path()).expect("error file"))
        .spawn()
        .expect("spawn kazakh");
    let mut status = 0i32;
    let mut usage = Rusage::default();
    let pid = i32::try_from(child.id()).expect("pid");
    // SAFETY: `status` and `usage` are valid for writes; the child is ours
    // and is reaped here (std's handle is not waited on afterwards).
    let reaped = unsafe { wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(reaped, pid, "wait4 failed");
    let errors = std::fs::read_to_string(err.path()).unwrap_or_default();
    // Exited (low 7 bits 0) with status 0.
    assert!(
        status & 0x7f == 0 && (status >> 8) & 0xff == 0,
        "{args:?} failed (wait status {status:#x}): {errors}"
    );
    assert!(!errors.contains("panicked"), "{args:?}: {errors}");
    Run {
        peak: u64::try_from(usage.maxrss).unwrap_or(0) * 1024,
        output: std::fs::metadata(out.path()).map_or(0, |m| m.len()),
    }
}

const MIB: usize = 1 << 20;
const GROWTH: u64 = 12;
const MEMORY_GROWTH: u64 = 2 * GROWTH;
/// The process itself (the binary, the model, the thread pool).
const BASE_BYTES: u64 = 64 << 20;
const ANNOTATE_PEAK_AT_1MIB: u64 = 300_000_000;

fn each_pattern(command: &[&str]) {
    each_pattern_of(command, |_| true);
}

fn each_pattern_of(command: &[&str], chosen: impl Fn(&str) -> bool) {
    let mut seen = 0;
    for p in hostile::patterns().into_iter().filter(|p| chosen(p.name)) {
        seen += 1;
        let small_input = TempFile::new("hostile-1.txt", p.make(MIB).as_bytes());
        let small = run(command, &small_input);
        drop(small_input);
        let large_input = TempFile::new("hostile-10.txt", p.make(10 * MIB).as_bytes());
        let large = run(command, &large_input);
        drop(large_input);
        let what = format!(
            "{command:?} on {}: 1 MiB {small:?}, 10 MiB {large:?}",
            p.name
        );
        assert!(
            large.peak <= MEMORY_GROWTH * small.peak.max(BASE_BYTES),
            "memory grew faster than the input: {what}"
        );
        // Plus up to twice the input: a tagger's reading of one huge token
        // may differ between the sizes (`7…7` is a number at one size and
        // not at the other), and such a mention repeats its text once.
        assert!(
            large.output <= GROWTH * small.output + 2 * 10 * MIB as u64,
            "output grew faster than the input: {what}"
        );
        if command[0] == "annotate" {
            assert!(small.peak <= ANNOTATE_PEAK_AT_1MIB, "{what}");
        }
    }
    assert!(seen > 0, "no pattern chosen");
}

/// The renderers only format what `annotate` found, which the JSON output
/// checks on every pattern: they take the busiest.
fn for_renderers(name: &str) -> bool {
    hostile::BUSIEST.contains(&name)
}

#[test]
#[ignore = "1 MiB and 10 MiB inputs: run in release mode by .ci/run"]
fn tokenize() {
    each_pattern(&["tokenize"]);
    each_pattern(&["tokenize", "--format", "jsonl"]);
}

#[test]
#[ignore = "1 MiB and 10 MiB inputs: run in release mode by .ci/run"]
fn numbers() {
    each_pattern(&["numbers"]);
    each_pattern(&["numbers", "--format", "jsonl"]);
}

#[test]
#[ignore = "1 MiB and 10 MiB inputs: run in release mode by .ci/run"]
fn lemmatize() {
    each_pattern(&["lemmatize"]);
}

#[test]
#[ignore = "1 MiB and 10 MiB inputs: run in release mode by .ci/run"]
fn ner() {
    each_pattern(&["ner"]);
}

#[test]
#[ignore = "1 MiB and 10 MiB inputs: run in release mode by .ci/run"]
fn annotate_jsonl_with_char_offsets() {
    each_pattern(&["annotate", "--offsets", "chars"]);
}

#[test]
#[ignore = "1 MiB and 10 MiB inputs: run in release mode by .ci/run"]
fn annotate_conllu() {
    each_pattern_of(&["annotate", "--format", "conllu"], for_renderers);
}

#[test]
#[ignore = "1 MiB and 10 MiB inputs: run in release mode by .ci/run"]
fn annotate_html() {
    each_pattern_of(&["annotate", "--format", "html"], for_renderers);
}

#[test]
#[ignore = "1 MiB and 10 MiB inputs: run in release mode by .ci/run"]
fn annotate_text() {
    each_pattern_of(&["annotate", "--format", "text"], for_renderers);
}

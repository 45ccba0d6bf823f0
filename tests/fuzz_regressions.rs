//! Inputs that made a fuzz target fail, kept as regression tests.
//!
//! Every file under `tests/fuzz_regressions/<target>/` (a target of
//! `fuzz/fuzz_targets/`) is fed to the same invariant check the fuzz target
//! runs (`tests/fuzz_regressions/checks.rs`). To add one, copy the crash
//! file from `fuzz/artifacts/<target>/` into that directory.

#[path = "fuzz_regressions/checks.rs"]
mod checks;

use std::path::Path;

const TARGETS: &[&str] = &[
    "tokenize",
    "sentences",
    "normalize",
    "numbers",
    "morph",
    "pipeline",
    "model",
];

#[test]
fn saved_fuzz_inputs_pass_their_checks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut count = 0;
    for target in TARGETS {
        let dir = root.join(target);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<_> = entries.map(|e| e.expect("dir entry").path()).collect();
        files.sort();
        for file in files {
            let data = std::fs::read(&file).expect("read regression input");
            let result = std::panic::catch_unwind(|| checks::check_target(target, &data));
            assert!(
                result.is_ok(),
                "{target}: {} fails its check",
                file.display()
            );
            count += 1;
        }
    }
    eprintln!("{count} saved fuzz inputs checked");
}

/// The checks themselves accept ordinary text, so a failure above is about
/// the saved input, not the check.
#[test]
fn checks_accept_plain_text() {
    let text = "Қасым-Жомарт Тоқаев 2024 жылы Астанаға келді. Экспорт 15%-ға өсті.";
    for target in TARGETS.iter().filter(|t| **t != "model") {
        checks::check_target(target, text.as_bytes());
    }
    checks::check_target("model", b"KZNERMDL");
    checks::check_target("model", include_bytes!("../models/ner-kaznerd.kzm"));
}

/// Found by `tests/adversarial.rs` (every Unicode scalar value through the
/// pipeline with normalization): NFC rewrote a segment as one block, so
/// neighbouring tokens of it mapped to the same original stretch. Only the
/// changed middle of a segment is a block now.
#[test]
fn nfc_segment_keeps_its_unchanged_ends() {
    for (text, expected) in [
        // GREEK PSILI, then PROSGEGRAMMENI (NFC: ι).
        ("\u{1FBD}\u{1FBE}", [(0, 3), (3, 6)]),
        // OUNCE SIGN, then OHM SIGN (NFC: Ω).
        ("\u{2125}\u{2126}", [(0, 3), (3, 6)]),
    ] {
        let n = kazakh::normalize(text);
        assert_ne!(n.as_str(), text);
        let spans: Vec<(usize, usize)> = kazakh::tokenize(n.as_str())
            .map(|t| n.original_span(t.span()))
            .map(|s| (s.start, s.end))
            .collect();
        assert_eq!(spans, expected, "{text:?}");
        checks::check_target(
            "normalize",
            &[0xFF]
                .iter()
                .chain(text.as_bytes())
                .copied()
                .collect::<Vec<u8>>(),
        );
    }
}

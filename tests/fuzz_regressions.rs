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

//! Fuzz target `morph`: `morph::analyze`, `lemma`, `split_case`, `ner::nominative`.
//! The invariants are in `tests/fuzz_regressions/checks.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/fuzz_regressions/checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    checks::check_target("morph", data);
});

//! Fuzz target `model`: `ner::Model::from_bytes` on arbitrary bytes (and with the checksum repaired).
//! The invariants are in `tests/fuzz_regressions/checks.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/fuzz_regressions/checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    checks::check_target("model", data);
});

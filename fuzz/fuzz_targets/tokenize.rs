//! Fuzz target `tokenize`: `kazakh::tokenize` on lossy UTF-8.
//! The invariants are in `tests/fuzz_regressions/checks.rs`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/fuzz_regressions/checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| {
    checks::check_target("tokenize", data);
});

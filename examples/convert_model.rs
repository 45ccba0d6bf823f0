//! Rewrites an NER model file in the current format version (4), with the
//! same weights: a model of format 1 or 2 (weights stored sparsely) or 3
//! (no feature set recorded). With no arguments it converts the embedded
//! model's file, `models/ner-kaznerd.kzm`, in place.
//!
//! Files of formats 1 to 3 do not say which features they were trained
//! with; the converted file is stamped with this library's
//! `kazakh::ner::FEATURE_SET`. Convert only a model trained with the
//! current features; any other must be retrained (`kazakh train ner`).
//!
//! ```sh
//! cargo run --release --example convert_model [IN [OUT]]
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let default = concat!(env!("CARGO_MANIFEST_DIR"), "/models/ner-kaznerd.kzm");
    let mut args = std::env::args().skip(1);
    let input = args.next().unwrap_or_else(|| default.to_owned());
    let output = args.next().unwrap_or_else(|| input.clone());
    let bytes = match std::fs::read(&input) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("{input}: {err}");
            return ExitCode::FAILURE;
        }
    };
    let model = match kazakh::ner::Model::from_bytes(&bytes) {
        Ok(model) => model,
        Err(err) => {
            eprintln!("{input}: {err}");
            return ExitCode::FAILURE;
        }
    };
    let out = model.to_bytes();
    if out == bytes {
        println!("{output}: already in the current format");
        return ExitCode::SUCCESS;
    }
    match std::fs::write(&output, &out) {
        Ok(()) => {
            println!("{output}: written ({} bytes)", out.len());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{output}: {err}");
            ExitCode::FAILURE
        }
    }
}

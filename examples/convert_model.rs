//! Rewrites an NER model file in the current format version (a model
//! trained before format 3, whose weights were stored sparsely), with the
//! same weights. With no arguments it converts the embedded model's file,
//! `models/ner-kaznerd.kzm`, in place.
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

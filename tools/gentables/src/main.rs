//! Writes the `kazakh` crate's generated tables: `cargo run -p
//! kazakh-gentables`, or only those named (`cargo run -p kazakh-gentables
//! -- src/morph/lexicon.idx`).
#![forbid(unsafe_code)]

use std::process::ExitCode;

fn main() -> ExitCode {
    let root = kazakh_gentables::workspace_root();
    let mut status = ExitCode::SUCCESS;
    let only: Vec<String> = std::env::args().skip(1).collect();
    for table in kazakh_gentables::TABLES {
        if !only.is_empty() && !only.iter().any(|p| p == table.path) {
            continue;
        }
        let path = root.join(table.path);
        let text = match (table.render)() {
            Ok(text) => text,
            Err(why) => {
                eprintln!("{}: {why}", table.path);
                status = ExitCode::FAILURE;
                continue;
            }
        };
        // Leave an unchanged file alone so that its mtime doesn't force a rebuild.
        if std::fs::read(&path).is_ok_and(|old| old == text) {
            println!("{}: up to date", table.path);
            continue;
        }
        match std::fs::write(&path, &text) {
            Ok(()) => println!("{}: written ({} bytes)", table.path, text.len()),
            Err(err) => {
                eprintln!("{}: {err}", path.display());
                status = ExitCode::FAILURE;
            }
        }
    }
    status
}

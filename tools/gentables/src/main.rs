//! Writes the `kazakh` crate's generated tables: `cargo run -p kazakh-gentables`.
#![forbid(unsafe_code)]

use std::process::ExitCode;

fn main() -> ExitCode {
    let root = kazakh_gentables::workspace_root();
    let mut status = ExitCode::SUCCESS;
    for table in kazakh_gentables::TABLES {
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
        if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
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

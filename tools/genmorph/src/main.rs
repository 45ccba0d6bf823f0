//! Writes the morphology lexicon: `cargo run -p kazakh-genmorph`.
#![forbid(unsafe_code)]

use std::process::ExitCode;

fn main() -> ExitCode {
    let root = kazakh_genmorph::workspace_root();
    let path = root.join(kazakh_genmorph::LEXICON_PATH);
    let text = match kazakh_genmorph::render() {
        Ok(text) => text,
        Err(why) => {
            eprintln!("kazakh-genmorph: {why}");
            return ExitCode::FAILURE;
        }
    };
    // Leave an unchanged file alone so that its mtime doesn't force a rebuild.
    if std::fs::read_to_string(&path).is_ok_and(|old| old == text) {
        println!("{}: up to date", kazakh_genmorph::LEXICON_PATH);
        return ExitCode::SUCCESS;
    }
    match std::fs::write(&path, &text) {
        Ok(()) => {
            println!(
                "{}: written ({} bytes, {} entries)",
                kazakh_genmorph::LEXICON_PATH,
                text.len(),
                text.lines().filter(|l| !l.starts_with('#')).count()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{}: {err}", path.display());
            ExitCode::FAILURE
        }
    }
}

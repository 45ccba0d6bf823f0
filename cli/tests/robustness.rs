//! The command on hostile input and output: truncated and binary files,
//! unreadable paths, directories, a reader that goes away mid-run, a full
//! disk. Every failure is one line on standard error with a non-zero exit
//! status and no panic message; a closed pipe ends quietly with status 0.
//!
//! (Missing files, a directory for `tokenize`, invalid UTF-8 on standard
//! input and `tokenize`/`numbers`/`annotate` with a closed pipe read by the
//! test itself are in `cli.rs`, `numbers.rs` and `annotate.rs`.)

mod common;

use std::process::{Command, Stdio};

use common::{assert_file_errors, assert_one_line_error, run, stderr, stdout, TempFile, BIN};

const TEXT: &str = "Қасым-Жомарт Тоқаев 2024 жылы Астанаға келді. Экспорт 15%-ға өсті.\n";

/// Text commands that read a file argument.
const COMMANDS: &[&[&str]] = &[
    &["tokenize"],
    &["tokenize", "--format", "jsonl"],
    &["numbers"],
    &["lemmatize"],
    &["ner"],
    &["annotate"],
];

fn with_file<'a>(command: &[&'a str], path: &'a str) -> Vec<&'a str> {
    let mut args = command.to_vec();
    args.push(path);
    args
}

fn assert_no_panic(output: &std::process::Output) {
    let err = stderr(output);
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.contains("RUST_BACKTRACE"), "{err}");
}

#[test]
fn truncated_utf8_file_is_one_line_error_or_lossy() {
    // Cut in the middle of a two-byte letter, as a truncated download is.
    let bytes = TEXT.as_bytes();
    let cut = &bytes[..bytes.len() - 4];
    let cut = &cut[..cut.len() - 1];
    assert!(std::str::from_utf8(cut).is_err());
    let file = TempFile::new("truncated.txt", cut);
    for command in COMMANDS {
        let output = run(&with_file(command, file.path()), b"");
        if command[0] == "annotate" {
            // A bad document is a one-line warning naming it, then one
            // error line; the run exits with status 1.
            assert_eq!(output.status.code(), Some(1), "{output:?}");
            let err: Vec<&str> = stderr(&output).lines().collect();
            assert_eq!(err.len(), 2, "{output:?}");
            assert!(err[0].starts_with("kazakh: warning: ") && err[0].contains("UTF-8"));
            assert!(err[1].starts_with("kazakh: error: "));
            assert_no_panic(&output);
        } else {
            assert_one_line_error(&output, 1);
            assert!(stderr(&output).contains("UTF-8"), "{}", stderr(&output));
        }
    }
    for command in [
        &["tokenize", "--lossy"][..],
        &["ner", "--lossy"],
        &["numbers", "--lossy"],
    ] {
        let output = run(&with_file(command, file.path()), b"");
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        assert_eq!(stderr(&output), "");
    }
}

#[test]
fn truncated_conllu_and_iob2() {
    let conllu = "# text = Ол келді.\n1\tОл\t_\t_\t_\t_\t_\t_\t_\t_\n2\tкел";
    let file = TempFile::new("truncated.conllu", conllu.as_bytes());
    let output = run(&["eval", "tokens", "--gold", file.path()], b"");
    assert_one_line_error(&output, 1);
    let output = run(&["lemmatize", "--input-format", "conllu", file.path()], b"");
    assert_one_line_error(&output, 1);

    let iob2 = "Тоқаев B-PERSON\nАстана";
    let file = TempFile::new("truncated.iob2", iob2.as_bytes());
    for args in [
        &["eval", "ner", "--gold"][..],
        &["eval", "numbers", "--gold"],
    ] {
        let output = run(&with_file(args, file.path()), b"");
        assert_one_line_error(&output, 1);
    }
}

#[test]
fn binary_files_are_one_line_errors() {
    // The command's own executable, and bytes of every value.
    let all_bytes: Vec<u8> = (0..=255u8).cycle().take(64 * 1024).collect();
    let file = TempFile::new("bytes.bin", &all_bytes);
    for path in [BIN, file.path()] {
        for command in COMMANDS {
            let output = run(&with_file(command, path), b"");
            assert!(!output.status.success(), "{command:?} {path}");
            assert_no_panic(&output);
            if command[0] != "annotate" {
                assert_one_line_error(&output, 1);
            }
        }
        let output = run(&["eval", "tokens", "--gold", path], b"");
        assert_one_line_error(&output, 1);
        let output = run(&["ner", "--model", path], TEXT.as_bytes());
        assert_one_line_error(&output, 1);
    }
    // Binary on standard input.
    let output = run(&["ner"], &all_bytes);
    assert_one_line_error(&output, 1);
    // With --lossy binary is text: no error.
    let output = run(&["tokenize", "--lossy", file.path()], b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn unreadable_paths_are_usage_errors() {
    let file = TempFile::new("plain.txt", TEXT.as_bytes());
    let through_file = format!("{}/child.txt", file.path());
    let dangling = std::env::temp_dir().join(format!(
        "kazakh-cli-test-{}-dangling-link",
        std::process::id()
    ));
    let _ = std::fs::remove_file(&dangling);
    let linked = std::os::unix::fs::symlink("/nonexistent/target.txt", &dangling).is_ok();
    let mut paths = vec![through_file.clone()];
    if linked {
        paths.push(dangling.to_str().unwrap().to_owned());
    }
    for path in &paths {
        for command in COMMANDS {
            let output = run(&with_file(command, path), b"");
            assert_one_line_error(&output, 2);
        }
        let output = run(&["ner", "--model", path], TEXT.as_bytes());
        assert_one_line_error(&output, 2);
    }
    let _ = std::fs::remove_file(&dangling);

    // Opens but cannot be read: /proc/self/mem gives EIO at offset 0.
    if std::path::Path::new("/proc/self/mem").exists() {
        for command in [&["tokenize"][..], &["ner"], &["numbers"], &["lemmatize"]] {
            let output = run(&with_file(command, "/proc/self/mem"), b"");
            assert!(!output.status.success(), "{command:?}");
            assert_one_line_error(&output, output.status.code().unwrap_or(-1));
        }
    }

    // Without permission (meaningless for root, who reads anything).
    use std::os::unix::fs::PermissionsExt;
    let locked = TempFile::new("locked.txt", TEXT.as_bytes());
    std::fs::set_permissions(locked.path(), std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(locked.path()).is_err() {
        for command in COMMANDS {
            let output = run(&with_file(command, locked.path()), b"");
            assert_one_line_error(&output, 2);
            assert!(stderr(&output).contains("ermission"), "{}", stderr(&output));
        }
    }
}

#[test]
fn directory_as_input() {
    for command in [&["numbers"][..], &["lemmatize"], &["ner"]] {
        assert_file_errors(command);
    }
    let dir = std::env::temp_dir();
    let dir = dir.to_str().unwrap();
    for args in [
        &["eval", "tokens", "--gold"][..],
        &["eval", "ner", "--gold"],
        &["ner", "--model"],
    ] {
        let mut args = args.to_vec();
        args.push(dir);
        if args[0] == "ner" {
            args.push("/dev/null");
        }
        let output = run(&args, b"");
        assert_one_line_error(&output, 2);
    }
}

/// `kazakh COMMAND big | head -1` in a real shell: `head` exits after one
/// line; the command must end quietly with status 0.
#[test]
fn pipe_closed_by_head() {
    let big = TEXT.repeat(3_000);
    let file = TempFile::new("big.txt", big.as_bytes());
    let have_bash = Command::new("bash").arg("-c").arg("true").status().is_ok();
    if !have_bash {
        eprintln!("bash not found: skipping");
        return;
    }
    for command in ["ner", "tokenize", "numbers", "lemmatize", "annotate"] {
        let script = format!(
            "'{BIN}' {command} '{}' | head -1; echo \"status=${{PIPESTATUS[0]}}\" >&2",
            file.path()
        );
        let output = Command::new("bash")
            .arg("-c")
            .arg(&script)
            .stdin(Stdio::null())
            .output()
            .expect("run bash");
        assert_eq!(stdout(&output).lines().count(), 1, "{command}");
        assert_eq!(stderr(&output), "status=0\n", "{command}");
    }
}

/// A full disk: `/dev/full` as standard output fails every write with
/// ENOSPC. The command reports it in one line and exits with status 1.
#[test]
fn disk_full_on_output() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("/dev/full not available: skipping");
        return;
    };
    let big = TEXT.repeat(2_000);
    let file = TempFile::new("full.txt", big.as_bytes());
    for command in COMMANDS {
        let output = Command::new(BIN)
            .args(with_file(command, file.path()))
            .stdin(Stdio::null())
            .stdout(full.try_clone().unwrap())
            .stderr(Stdio::piped())
            .output()
            .expect("spawn kazakh");
        assert_one_line_error(&output, 1);
        let err = stderr(&output);
        assert!(
            err.contains("space") || err.contains("write"),
            "{command:?}: {err}"
        );
    }
    // Input from standard input.
    let output = Command::new(BIN)
        .args(["tokenize"])
        .stdin(std::fs::File::open(file.path()).unwrap())
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .expect("spawn kazakh");
    assert_one_line_error(&output, 1);
}

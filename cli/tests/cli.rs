//! Runs the built `kazakh` binary.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};

mod common;

use common::{assert_file_errors, assert_one_line_error, run, stderr, stdout, TempFile, BIN};

const SAMPLE: &str = "Бүгін Астанада жиын өтті. Президент «Ақ жол» партиясымен кездесті!\n\
                      Инфляция 3,2% болды.\tОл келді.";

#[test]
fn text_format() {
    for args in [
        &["tokenize"][..],
        &["tokenize", "-"],
        &["tokenize", "--format", "text"],
    ] {
        let output = run(args, SAMPLE.as_bytes());
        assert!(output.status.success(), "{output:?}");
        let text = stdout(&output);
        assert!(text.ends_with('\n'));
        assert!(text.lines().count() >= 2, "{text}");
        for line in text.lines() {
            assert!(!line.is_empty());
            assert!(!line.contains("  ") && !line.contains('\t'), "{line:?}");
        }
        // Tokens separated by spaces cover all non-whitespace characters.
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(squeeze(text), squeeze(SAMPLE));
        assert!(text.contains(" ."), "{text}");
    }
}

#[test]
fn jsonl_format_byte_offsets() {
    let output = run(&["tokenize", "--format", "jsonl"], SAMPLE.as_bytes());
    assert!(output.status.success(), "{output:?}");
    let mut count = 0;
    for line in stdout(&output).lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        let start = v["start"].as_u64().unwrap() as usize;
        let end = v["end"].as_u64().unwrap() as usize;
        assert!(SAMPLE.get(start..end).is_some());
        let tokens = v["tokens"].as_array().unwrap();
        assert!(!tokens.is_empty());
        for t in tokens {
            let (s, e) = (
                t["start"].as_u64().unwrap() as usize,
                t["end"].as_u64().unwrap() as usize,
            );
            assert!(start <= s && e <= end);
            assert_eq!(SAMPLE.get(s..e), t["text"].as_str(), "{t}");
            assert!(t["kind"].is_string());
        }
        count += 1;
    }
    assert!(count >= 2);
}

#[test]
fn jsonl_format_char_offsets() {
    let output = run(
        &["tokenize", "--format", "jsonl", "--offsets", "chars"],
        SAMPLE.as_bytes(),
    );
    assert!(output.status.success(), "{output:?}");
    let chars: Vec<char> = SAMPLE.chars().collect();
    for line in stdout(&output).lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON line");
        for t in v["tokens"].as_array().unwrap() {
            let (s, e) = (
                t["start"].as_u64().unwrap() as usize,
                t["end"].as_u64().unwrap() as usize,
            );
            let text: String = chars[s..e].iter().collect();
            assert_eq!(Some(text.as_str()), t["text"].as_str());
        }
    }
}

#[test]
fn conllu_format() {
    let output = run(&["tokenize", "--format", "conllu"], SAMPLE.as_bytes());
    assert!(output.status.success(), "{output:?}");
    let text = stdout(&output);
    assert!(text.starts_with("# sent_id = 1\n# text = "), "{text}");
    assert!(text.contains("\n# sent_id = 2\n"));
    assert!(text.ends_with("\n\n"));
    let mut rows = 0;
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let columns: Vec<&str> = line.split('\t').collect();
        assert_eq!(columns.len(), 10, "{line:?}");
        assert!(columns[9] == "_" || columns[9] == "SpaceAfter=No");
        rows += 1;
    }
    assert!(rows > 10);
    // The output reads back as gold with every form aligned.
    let treebank = kazakh_eval_roundtrip(text);
    assert_eq!(treebank, rows);
}

/// Parses CoNLL-U written by the binary with `kazakh eval tokens` and
/// returns the gold token count.
fn kazakh_eval_roundtrip(conllu: &str) -> usize {
    let file = TempFile::new("roundtrip.conllu", conllu.as_bytes());
    let output = run(&["eval", "tokens", "--gold", file.path()], b"");
    assert!(output.status.success(), "{output:?}");
    assert_eq!(stderr(&output), "", "alignment warnings");
    let v: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    v["tokens"]["gold"].as_u64().unwrap() as usize
}

#[test]
fn invalid_utf8() {
    let file = TempFile::new(
        "bad.txt",
        b"\xd0\x9e\xd0\xbb \xff\xfe \xd0\xb1\xd0\xb0\xd1\x80.",
    );
    let output = run(&["tokenize", file.path()], b"");
    assert_one_line_error(&output, 1);
    assert!(
        stderr(&output).contains("byte offset 5"),
        "{}",
        stderr(&output)
    );
    assert!(output.stdout.is_empty());

    let output = run(&["tokenize"], b"ok \x80");
    assert_one_line_error(&output, 1);
    assert!(stderr(&output).contains("byte offset 3 in standard input"));

    let output = run(
        &["tokenize", "--lossy", "--format", "jsonl", file.path()],
        b"",
    );
    assert!(output.status.success(), "{output:?}");
    assert!(stdout(&output).contains('\u{FFFD}'));
}

#[test]
fn file_errors() {
    assert_file_errors(&["tokenize"]);
    assert_file_errors(&["eval", "tokens", "--gold"]);
}

#[test]
fn usage_errors() {
    for args in [
        &["tokenize", "--format", "xml"][..],
        &["tokenize", "--offsets", "words"],
        &["tokenize", "--no-such-flag"],
        &["eval", "tokens"],
        &["frobnicate"],
    ] {
        let output = run(args, b"");
        assert_one_line_error(&output, 2);
    }
    let output = run(&["--help"], b"");
    assert!(output.status.success());
    assert!(stdout(&output).contains("Exit status"));
}

#[test]
fn closed_pipe_is_quiet() {
    let text = "Бүгін Астанада жиын өтті. Ол келді.\n".repeat(20_000);
    let file = TempFile::new("big.txt", text.as_bytes());
    let mut child = Command::new(BIN)
        .args(["tokenize", file.path()])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn kazakh");
    let mut out = child.stdout.take().expect("stdout");
    let mut first = [0u8; 16];
    out.read_exact(&mut first).expect("some output");
    drop(out);
    let output = child.wait_with_output().expect("wait");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(stderr(&output), "");
}

/// A token line with ID, FORM and MISC.
fn tok(id: &str, form: &str, misc: &str) -> String {
    format!("{id}\t{form}\t_\t_\t_\t_\t_\t_\t_\t{misc}\n")
}

#[test]
fn eval_tokens_small() {
    let conllu = format!(
        "# sent_id = doc:1\n# text = Ол келді.\n{}{}{}\n# sent_id = doc:2\n# text = Біз қуаныштымыз!\n{}{}{}{}{}\n",
        tok("1", "Ол", "_"),
        tok("2", "келді", "SpaceAfter=No"),
        tok("3", ".", "_"),
        tok("1", "Біз", "_"),
        tok("2-3", "қуаныштымыз", "SpaceAfter=No"),
        tok("2", "қуанышты", "_"),
        tok("3", "мыз", "_"),
        tok("4", "!", "_"),
    );
    let file = TempFile::new("small.conllu", conllu.as_bytes());
    let output = run(&["eval", "tokens", "--gold", file.path()], b"");
    assert!(output.status.success(), "{output:?}");
    let text = stdout(&output);
    assert_eq!(text.lines().count(), 1);
    let v: serde_json::Value = serde_json::from_str(text.trim()).unwrap();
    assert_eq!(v["tokens"]["gold"], 6);
    assert_eq!(v["sentences"]["gold"], 2);
    for part in ["tokens", "sentences"] {
        for key in ["precision", "recall", "f1"] {
            let x = v[part][key].as_f64().unwrap();
            assert!((0.0..=100.0).contains(&x), "{part}.{key} = {x}");
        }
        assert!(v[part]["system"].is_u64());
    }

    // Gold from standard input.
    let output = run(&["eval", "tokens", "--gold", "-"], conllu.as_bytes());
    assert!(output.status.success(), "{output:?}");
    assert_eq!(stdout(&output), text);
}

#[test]
fn eval_tokens_bad_conllu() {
    let file = TempFile::new("bad.conllu", b"# text = a\n1\ta\n");
    let output = run(&["eval", "tokens", "--gold", file.path()], b"");
    assert_one_line_error(&output, 1);
    assert!(stderr(&output).contains("line 2"), "{}", stderr(&output));
}

#[test]
fn eval_tokens_ud_dev() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/ud_kazakh-ktb/kk_ktb-ud-dev-from-test.conllu");
    if !path.is_file() {
        println!("skipping: {} is not available", path.display());
        return;
    }
    let output = run(&["eval", "tokens", "--gold", path.to_str().unwrap()], b"");
    assert!(output.status.success(), "{output:?}");
    let v: serde_json::Value = serde_json::from_str(stdout(&output).trim()).unwrap();
    assert_eq!(v["sentences"]["gold"], 524);
    for part in ["tokens", "sentences"] {
        for key in ["precision", "recall", "f1", "gold", "system"] {
            assert!(v[part][key].is_number(), "{part}.{key} in {v}");
        }
    }
}

//! Helpers shared by the CLI integration tests.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The built `kazakh` binary.
pub const BIN: &str = env!("CARGO_BIN_EXE_kazakh");

/// Runs the binary with `args`, feeding `stdin`.
pub fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn kazakh");
    let mut input = child.stdin.take().expect("stdin");
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // The command may exit before reading everything.
        let _ = input.write_all(&bytes);
    });
    let output = child.wait_with_output().expect("wait for kazakh");
    writer.join().expect("stdin writer");
    output
}

pub fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).expect("UTF-8 output")
}

pub fn stderr(output: &Output) -> &str {
    std::str::from_utf8(&output.stderr).expect("UTF-8 error output")
}

/// A file under the temp dir with a name unique to this process and call,
/// removed on drop.
pub struct TempFile(PathBuf);

impl TempFile {
    pub fn new(name: &str, contents: &[u8]) -> TempFile {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path =
            std::env::temp_dir().join(format!("kazakh-cli-test-{}-{n}-{name}", std::process::id()));
        std::fs::write(&path, contents).expect("write temp file");
        TempFile(path)
    }

    pub fn path(&self) -> &str {
        self.0.to_str().expect("UTF-8 temp path")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// `kazakh COMMAND… FILE` with a missing file and with a directory: each a
/// one-line usage error (status 2) that says what is wrong.
#[allow(dead_code)] // not every test binary checks file arguments
pub fn assert_file_errors(command: &[&str]) {
    let missing = std::env::temp_dir().join(format!(
        "kazakh-cli-{}-{}-does-not-exist.txt",
        command.join("-"),
        std::process::id()
    ));
    let dir = std::env::temp_dir();
    for (path, says) in [(missing, "does-not-exist"), (dir, "directory")] {
        let mut args = command.to_vec();
        args.push(path.to_str().unwrap());
        let output = run(&args, b"");
        assert_one_line_error(&output, 2);
        assert!(
            stderr(&output).contains(says),
            "{args:?}: {}",
            stderr(&output)
        );
    }
}

pub fn assert_one_line_error(output: &Output, code: i32) {
    assert_eq!(output.status.code(), Some(code), "{output:?}");
    let err = stderr(output);
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(err.starts_with("kazakh: error: "), "{err:?}");
    assert!(!err.contains("panicked"), "{err:?}");
}

//! The documents of `kazakh annotate`: text files (one document each) or
//! JSON lines, read one at a time from files, directories and standard
//! input, each bounded by `--max-doc-bytes` (a longer one is read past and
//! reported, never held in memory).

use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::ValueEnum;

use super::{os_message, Failure};

/// Input formats of `kazakh annotate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Each file (or standard input) is one document.
    Text,
    /// One JSON object per line, the text in `--text-field`; the other
    /// fields are carried through under "meta".
    Jsonl,
}

/// One document as read, before analysis.
pub struct Raw {
    /// Where it comes from, for messages: `FILE` or `FILE line N`.
    pub origin: Origin,
    /// 1-based number of the document in the run.
    pub number: usize,
    /// The text file's path, when documents are files of a corpus.
    pub file: Option<String>,
    /// Bytes of the text file, or of the JSON line.
    pub bytes: Vec<u8>,
}

/// Where a document comes from, written `FILE` or `FILE line N`: kept as
/// the name and the number, and written only for a message (formatting it
/// for every JSON line cost more than reading some short lines).
pub struct Origin {
    name: Arc<str>,
    line: Option<usize>,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{} line {line}", self.name),
            None => f.write_str(&self.name),
        }
    }
}

/// One input named on the command line, or found in a directory.
pub struct Source {
    /// `None` for standard input.
    pub path: Option<PathBuf>,
    /// Whether it was found in a directory named on the command line.
    pub from_dir: bool,
}

impl Source {
    /// The name in messages.
    pub fn name(&self) -> String {
        match &self.path {
            Some(p) => p.display().to_string(),
            None => "standard input".to_owned(),
        }
    }
}

/// The inputs, directories expanded (sorted by name). Missing paths are
/// usage errors.
pub fn sources(files: &[PathBuf], input: InputFormat) -> Result<Vec<Source>, Failure> {
    if files.is_empty() {
        return Ok(vec![Source {
            path: None,
            from_dir: false,
        }]);
    }
    let ext = match input {
        InputFormat::Text => "txt",
        InputFormat::Jsonl => "jsonl",
    };
    let mut out = Vec::new();
    for path in files {
        if path.as_os_str() == "-" {
            out.push(Source {
                path: None,
                from_dir: false,
            });
            continue;
        }
        let fail = |why: String| Failure::usage(format!("cannot read {}: {why}", path.display()));
        let meta = std::fs::metadata(path).map_err(|e| fail(os_message(&e)))?;
        if meta.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| fail(os_message(&e)))?
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == ext) && p.is_file())
                .collect();
            found.sort();
            out.extend(found.into_iter().map(|p| Source {
                path: Some(p),
                from_dir: true,
            }));
        } else {
            out.push(Source {
                path: Some(path.clone()),
                from_dir: false,
            });
        }
    }
    Ok(out)
}

/// Reads documents one at a time from the sources in order.
pub struct Reader {
    sources: std::vec::IntoIter<Source>,
    input: InputFormat,
    /// The open JSON-lines stream, its name and the last line number.
    lines: Option<(Box<dyn BufRead>, Arc<str>, usize)>,
    number: usize,
    /// The longest document kept, in bytes.
    max_bytes: Option<usize>,
}

impl Reader {
    /// A reader of `sources` in order.
    pub fn new(sources: Vec<Source>, input: InputFormat, max_bytes: Option<usize>) -> Reader {
        Reader {
            sources: sources.into_iter(),
            input,
            lines: None,
            number: 0,
            max_bytes,
        }
    }

    /// The message for a document of `len` bytes over the limit, if it is.
    fn too_large(&self, origin: &str, len: u64) -> Option<String> {
        let max = self.max_bytes?;
        (len > max as u64).then(|| {
            format!("{origin}: document of {len} bytes is longer than --max-doc-bytes {max}")
        })
    }

    /// The next document; `Err` for an input that cannot be read.
    pub fn next_doc(&mut self) -> Result<Option<Raw>, String> {
        loop {
            if let Some((stream, name, line)) = &mut self.lines {
                let mut bytes = Vec::new();
                match read_line_bounded(stream.as_mut(), &mut bytes, self.max_bytes) {
                    Ok(None) => {
                        self.lines = None;
                        continue;
                    }
                    Ok(Some(len)) => {
                        *line += 1;
                        if bytes.last() == Some(&b'\n') {
                            bytes.pop();
                            if bytes.last() == Some(&b'\r') {
                                bytes.pop();
                            }
                        }
                        if self.max_bytes.is_some_and(|max| bytes.len() > max) {
                            // The bytes past the limit were read and
                            // dropped; the message gives the whole length.
                            self.number += 1;
                            let origin = format!("{name} line {line}");
                            return Err(self.too_large(&origin, len as u64).unwrap_or(origin));
                        }
                        if bytes.iter().all(u8::is_ascii_whitespace) {
                            continue;
                        }
                        self.number += 1;
                        return Ok(Some(Raw {
                            origin: Origin {
                                name: Arc::clone(name),
                                line: Some(*line),
                            },
                            number: self.number,
                            file: None,
                            bytes,
                        }));
                    }
                    Err(e) => {
                        let message = format!("cannot read {name}: {}", os_message(&e));
                        self.lines = None;
                        return Err(message);
                    }
                }
            }
            let Some(source) = self.sources.next() else {
                return Ok(None);
            };
            let name = source.name();
            match self.input {
                InputFormat::Jsonl => {
                    let stream: Box<dyn BufRead> = match &source.path {
                        None => Box::new(BufReader::with_capacity(1 << 16, io::stdin())),
                        Some(path) => match File::open(path) {
                            Ok(f) => Box::new(BufReader::with_capacity(1 << 16, f)),
                            Err(e) => {
                                return Err(format!("cannot read {name}: {}", os_message(&e)))
                            }
                        },
                    };
                    self.lines = Some((stream, name.into(), 0));
                }
                InputFormat::Text => {
                    let (bytes, len) = read_all(source.path.as_deref(), self.max_bytes)
                        .map_err(|e| format!("cannot read {name}: {}", os_message(&e)))?;
                    self.number += 1;
                    if let Some(message) = self.too_large(&name, len) {
                        return Err(message);
                    }
                    let file = source.from_dir.then(|| name.clone());
                    let file = file.or_else(|| source.path.as_ref().map(|_| name.clone()));
                    return Ok(Some(Raw {
                        origin: Origin {
                            name: name.into(),
                            line: None,
                        },
                        number: self.number,
                        file,
                        bytes,
                    }));
                }
            }
        }
    }
}

/// Reads a whole file (standard input for `None`), keeping at most
/// `max + 1` bytes; the rest is read and dropped. Gives the bytes kept and
/// the length of the whole input.
fn read_all(path: Option<&Path>, max: Option<usize>) -> io::Result<(Vec<u8>, u64)> {
    let mut bytes = Vec::new();
    let keep = max.map_or(u64::MAX, |m| m as u64 + 1);
    let mut reader: Box<dyn Read> = match path {
        None => Box::new(io::stdin().lock()),
        Some(p) => Box::new(File::open(p)?),
    };
    let kept = reader.by_ref().take(keep).read_to_end(&mut bytes)? as u64;
    let rest = if kept == keep {
        io::copy(&mut reader, &mut io::sink())?
    } else {
        0
    };
    Ok((bytes, kept + rest))
}

/// The index of the first `\n` of `buf`. Eight bytes are tested at a time
/// (whether one of them is `\n`: a zero byte of the word XOR `\n`s), then
/// the eight that hold one byte by byte.
fn find_newline(buf: &[u8]) -> Option<usize> {
    const LINES: u64 = u64::from_ne_bytes([b'\n'; 8]);
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut from = 0;
    for chunk in buf.chunks_exact(8) {
        let Ok(eight) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_ne_bytes(eight) ^ LINES;
        if x.wrapping_sub(ONES) & !x & HIGH != 0 {
            break;
        }
        from += 8;
    }
    buf.get(from..)?
        .iter()
        .position(|&b| b == b'\n')
        .map(|i| from + i)
}

/// Reads one line (with its `\n`, if any) into `bytes`, keeping at most
/// `max + 3` bytes of it (one past the limit after a `\r\n`); the rest of
/// a longer line is read and dropped, so that one huge record costs no
/// memory. Gives the length of the whole line without its `\n` or `\r\n`,
/// or `None` at the end of the input.
fn read_line_bounded(
    stream: &mut dyn BufRead,
    bytes: &mut Vec<u8>,
    max: Option<usize>,
) -> io::Result<Option<usize>> {
    let keep = max.map_or(usize::MAX, |m| m.saturating_add(3));
    let mut total = 0usize;
    // The last byte of the chunks before, for a `\r` just before a `\n`
    // that starts the next chunk.
    let mut last = 0u8;
    loop {
        let buf = match stream.fill_buf() {
            Ok(buf) => buf,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            // The last line, without a line end, or nothing.
            return Ok((total > 0).then_some(total));
        }
        let (chunk, done) = match find_newline(buf) {
            Some(i) => (&buf[..=i], true),
            None => (buf, false),
        };
        let room = keep.saturating_sub(bytes.len());
        bytes.extend_from_slice(&chunk[..chunk.len().min(room)]);
        let n = chunk.len();
        total += n;
        let before = if n >= 2 { chunk[n - 2] } else { last };
        last = chunk[n - 1];
        stream.consume(n);
        if done {
            // The chunk ends in `\n`, perhaps after a `\r`.
            return Ok(Some(total - 1 - usize::from(before == b'\r')));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::find_newline;

    #[test]
    fn newlines_found_eight_bytes_at_a_time_are_the_first() {
        // A line end at every place of three blocks and their rest, after
        // bytes that are near it (`\t`, `\x0b`, `\r`, `\x8a`, `\xff`) or
        // none, and no line end at all.
        for len in 0..27 {
            for fill in [b'a', b'\t', 0x0b, b'\r', 0x8a, 0xff, 0] {
                let mut buf = vec![fill; len];
                assert_eq!(find_newline(&buf), None, "{len} {fill}");
                for at in 0..len {
                    buf[at] = b'\n';
                    let want = buf.iter().position(|&b| b == b'\n');
                    assert_eq!(find_newline(&buf), want, "{len} {fill} {at}");
                    buf[at] = fill;
                }
                if len > 3 {
                    buf[len - 1] = b'\n';
                    buf[len / 2] = b'\n';
                    assert_eq!(find_newline(&buf), Some(len / 2), "{len} {fill}");
                }
            }
        }
    }
}

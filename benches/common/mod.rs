//! The benchmarks' input, shared by every bench.

/// Minimum input size in bytes.
const MIN_LEN: usize = 1 << 20;

/// The KazQAD Wikipedia passages beside the project when present, else
/// `examples/sample.txt`, else `fallback`; repeated until at least 1 MiB.
/// Returns the text and the name of its source.
pub fn load_corpus(fallback: &str) -> (String, &'static str) {
    let root = env!("CARGO_MANIFEST_DIR");
    let candidates = [
        (
            format!("{root}/../shared/data/kazqad/contexts.txt"),
            "kazqad/contexts.txt",
        ),
        (format!("{root}/examples/sample.txt"), "examples/sample.txt"),
    ];
    let (base, source) = candidates
        .iter()
        .find_map(|(path, name)| {
            std::fs::read_to_string(path)
                .ok()
                .filter(|s| !s.trim().is_empty())
                .map(|s| (s, *name))
        })
        .unwrap_or_else(|| (fallback.to_owned(), "built-in text"));
    let mut text = base.clone();
    while text.len() < MIN_LEN {
        if !text.ends_with(char::is_whitespace) {
            text.push('\n');
        }
        text.push_str(&base);
    }
    (text, source)
}

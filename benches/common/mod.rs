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

/// All the distinct prose beside the project, one document per paragraph
/// or sentence, each kept once: the KazQAD passages (`contexts.txt` and the
/// contexts of the reading-comprehension file), the KazNERD sentences
/// (tokens joined by spaces), and the sentence texts of the UD Kazakh
/// treebank and the Apertium texts. `None` when `../shared/data` is absent.
#[allow(dead_code)]
pub fn unique_prose() -> Option<Vec<String>> {
    let data = format!("{}/../shared/data", env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| std::fs::read_to_string(format!("{data}/{p}")).ok();
    let mut docs = Vec::new();
    let contexts = read("kazqad/contexts.txt")?;
    docs.extend(contexts.lines().map(str::to_owned));
    if let Some(qa) = read("kazqad/kazqad-reading-comprehension-v1.0-kk-validation.jsonl") {
        for line in qa.lines() {
            if let Some(c) = json_string_field(line, "context") {
                docs.push(c);
            }
        }
    }
    if let Some(iob) = read("kaznerd/with_sentID/IOB2_valid2.txt") {
        for block in iob.split("\n\n") {
            let words: Vec<&str> = block
                .lines()
                .filter_map(|l| l.split_whitespace().next())
                .filter(|w| !(w.len() > 3 && w.as_bytes()[1..3] == *b"ID"))
                .collect();
            docs.push(words.join(" "));
        }
    }
    for conllu in [
        "ud_kazakh-ktb/kk_ktb-ud-dev-from-test.conllu",
        "ud_kazakh-ktb/kk_ktb-ud-train.conllu",
        "apertium-kaz-texts/kaz-apertium-texts1-lemmas.conllu",
    ] {
        if let Some(text) = read(conllu) {
            docs.extend(
                text.lines()
                    .filter_map(|l| l.strip_prefix("# text = "))
                    .map(str::to_owned),
            );
        }
    }
    let mut seen = std::collections::HashSet::new();
    docs.retain(|d| !d.trim().is_empty() && seen.insert(d.clone()));
    Some(docs)
}

/// The string value of `field` in one JSON object line, with the escapes
/// JSON allows (enough for the KazQAD file; not a general parser).
fn json_string_field(line: &str, field: &str) -> Option<String> {
    let key = format!("\"{field}\": \"");
    let start = line.find(&key)? + key.len();
    let mut out = String::new();
    let mut chars = line[start..].chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let mut code = u32::from_str_radix(&hex, 16).ok()?;
                    if (0xD800..0xDC00).contains(&code) {
                        let low: String = chars.by_ref().skip(2).take(4).collect();
                        let low = u32::from_str_radix(&low, 16).ok()?;
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    }
                    out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

//! Hostile inputs: the shapes a web crawl really contains (tables
//! flattened into one line, runs of one sign, endless name candidates, text
//! without any sentence end) and the shapes a fuzzer would try, each made
//! at any size. Shared by the library's suite (`tests/hostile.rs`) and the
//! command's (`cli/tests/hostile.rs`), which check that work and memory
//! grow in proportion to the input.

/// One hostile pattern: a name and how to make `bytes` of it.
pub struct Pattern {
    pub name: &'static str,
    make: fn(usize) -> String,
}

impl Pattern {
    /// About `bytes` bytes of the pattern (never more than a unit over).
    pub fn make(&self, bytes: usize) -> String {
        (self.make)(bytes)
    }
}

/// `unit` repeated up to about `bytes`.
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()).max(1))
}

macro_rules! units {
    ($($name:literal => $unit:literal),* $(,)?) => {
        &[$(Pattern { name: $name, make: |n| repeat($unit, n) }),*]
    };
}

/// Patterns that repeat one short unit.
const UNITS: &[Pattern] = units![
    // Separator runs: a statistics table flattened into one line.
    "comma-dot" => "1,2.",
    "digit-space" => "1 ",
    "groups" => "123 ",
    "digit-dash" => "1-",
    "digit-slash" => "1/",
    "digit-colon" => "14:30 ",
    "dotted-dates" => "15.03.2024 ",
    "percent-numbers" => "5% ",
    "ranges" => "1-2 ",
    // Number words and scale words with nothing to close them.
    "scale-words" => "мың млн ",
    "number-words" => "бір екі жүз ",
    "amounts" => "5 млн теңге ",
    "qualifiers" => "мыңнан астам ",
    "years" => "2024 ж. ",
    "ordinals" => "1-інші ",
    // This round's readings: words that open a mention before a number or
    // another such word, and forms that join what follows them.
    "exactly" => "тура ",
    "exactly-days" => "тура осы күні ",
    "halves" => "оның тең жартысы ",
    "fractions" => "үштен бірі ",
    "from-to" => "5-тен 6 км-ге дейін ",
    "hyphen-days" => "16-желтоқсан ",
    "cold" => "20 градус суық ",
    "between-ages" => "18 бен 30 жас аралығы ",
    // Runs of one sign.
    "percent" => "%",
    "tenge" => "₸",
    "dollar" => "$",
    "dash" => "–",
    "dots" => ".",
    "quote-paren" => "«(",
    // Repeated abbreviations and Roman numerals.
    "abbreviations" => "т.б. ",
    "roman-latin" => "I",
    "roman-cyrillic" => "Х",
    "roman-words" => "IV ",
    // Endless name candidates.
    "capitalized" => "Алматы Астана ",
    "one-name" => "Қасым ",
    "name-dots" => "А. ",
    // One word, no sentence end, combining marks.
    "one-word" => "а",
    "no-sentence-end" => "сөз ",
    "combining" => "а\u{301}",
    "hyphens" => "а-",
];

/// The patterns that make the most tokens, mentions, names and sentences
/// per byte: the ones run through the slower paths that only repeat what
/// the pipeline does (normalization before it, its JSON, a tagger window,
/// the renderers of the command), while every pattern goes through the
/// pipeline itself.
pub const BUSIEST: &[&str] = &[
    "comma-dot",
    "digit-dash",
    "amounts",
    "dollar",
    "abbreviations",
    "capitalized",
    "no-sentence-end",
    "one-word",
    "deep-quotes",
    "random-unicode",
];

/// The patterns of [`BUSIEST`].
#[allow(dead_code)] // not every suite uses it
pub fn busiest() -> Vec<Pattern> {
    patterns()
        .into_iter()
        .filter(|p| BUSIEST.contains(&p.name))
        .collect()
}

/// Every pattern.
pub fn patterns() -> Vec<Pattern> {
    let mut all: Vec<Pattern> = UNITS
        .iter()
        .map(|p| Pattern {
            name: p.name,
            make: p.make,
        })
        .collect();
    all.push(Pattern {
        name: "digit-run",
        make: |n| "7".repeat(n),
    });
    all.push(Pattern {
        name: "deep-quotes",
        make: |n| {
            let depth = n / 4;
            format!("{}сөз{}", "«".repeat(depth / 2), "»".repeat(depth / 2))
        },
    });
    all.push(Pattern {
        name: "random-unicode",
        make: random_unicode,
    });
    all
}

/// Random scalar values of every plane in use, from a fixed seed.
fn random_unicode(bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4);
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    while out.len() < bytes {
        // xorshift64*
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        let r = state.wrapping_mul(0x2545_F491_4F6C_DD1D);
        if let Some(c) = char::from_u32((r >> 40) as u32 % 0x3_0000) {
            out.push(c);
        }
    }
    out
}

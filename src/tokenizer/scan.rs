//! The scanner: finds the next token from a byte position.
//!
//! The hot path looks at bytes: ASCII through a table, and the Cyrillic
//! block U+0400–U+04FF (lead bytes 0xD0–0xD3) as letters without decoding.
//! Other characters are decoded and classified one at a time.

use super::abbrev::{is_abbreviation, MAX_ABBREV_BYTES};
use super::chars::{char_at, classify, is_apostrophe, is_hyphen, is_lower, Class, ASCII};
use super::suffix::is_ending;
use super::TokenKind;

/// The class of the character at byte `i` and its length, with fast paths
/// for ASCII and Cyrillic. `None` at the end of the text.
#[inline(always)]
fn class_at(text: &str, i: usize) -> Option<(Class, usize)> {
    let bytes = text.as_bytes();
    let b = *bytes.get(i)?;
    if b < 0x80 {
        return Some((ASCII[b as usize], 1));
    }
    if is_cyrillic_letter(bytes, i) {
        return Some((Class::Letter, 2));
    }
    let (c, len) = char_at(text, i)?;
    Some((classify(c), len))
}

/// Whether bytes at `i` encode a Cyrillic letter in U+0400–U+04FF.
#[inline(always)]
fn is_cyrillic_letter(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(0xD0 | 0xD1 | 0xD3) => true,
        // U+0480–U+04BF: all letters but U+0483–U+0489 (combining marks).
        Some(0xD2) => !matches!(bytes.get(i + 1), Some(0x83..=0x89)),
        _ => false,
    }
}

/// Skips whitespace from `i`; returns the first non-whitespace position.
#[inline]
pub(crate) fn skip_space(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        match GAP[b as usize] {
            GAP_SPACE => i += 1,
            GAP_DECODE => match char_at(text, i) {
                Some((c, len)) if c.is_whitespace() => i += len,
                _ => break,
            },
            _ => break,
        }
    }
    i
}

const GAP_TOKEN: u8 = 0;
const GAP_SPACE: u8 = 1;
const GAP_DECODE: u8 = 2;

const fn gap_table() -> [u8; 256] {
    let mut t = [GAP_TOKEN; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if b < 0x80 {
            if matches!(ASCII[b], Class::Space) {
                GAP_SPACE
            } else {
                GAP_TOKEN
            }
        } else if b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 {
            // Leads of the non-ASCII whitespace: U+0085, U+00A0, U+1680,
            // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
            GAP_DECODE
        } else {
            GAP_TOKEN
        };
        b += 1;
    }
    t
}

/// How [`skip_space`] treats each byte.
static GAP: [u8; 256] = gap_table();

/// What a run of word characters contained.
#[derive(Clone, Copy, Default)]
struct Run {
    end: usize,
    letters: bool,
    digits: bool,
    /// The last letter or digit was a digit.
    last_digit: bool,
}

/// Scans letters, digits and extending characters from `i`.
#[inline(always)]
fn word_run(text: &str, mut i: usize) -> Run {
    let mut run = Run::default();
    while let Some((class, len)) = class_at(text, i) {
        match class {
            Class::Letter => {
                run.letters = true;
                run.last_digit = false;
            }
            Class::Digit => {
                run.digits = true;
                run.last_digit = true;
            }
            Class::Extend => {}
            _ => break,
        }
        i += len;
    }
    run.end = i;
    run
}

const fn word_byte_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = if b < 0x80 {
            matches!(ASCII[b], Class::Letter | Class::Digit)
        } else {
            // Continuation bytes, and the lead bytes of U+0400–U+04FF.
            b <= 0xBF || (b >= 0xD0 && b <= 0xD3)
        };
        b += 1;
    }
    t
}

/// Bytes that continue a word when met at or after a char boundary inside
/// it: ASCII letters and digits, and the bytes of the Cyrillic block.
static WORD_BYTE: [bool; 256] = word_byte_table();

/// How many of the eight bytes in `chunk` (little-endian: the first byte is
/// the lowest) are, from the first, lead bytes 0xD0–0xD3 or continuation
/// bytes 0x80–0xBF, i.e. bytes of the Cyrillic block U+0400–U+04FF.
#[inline(always)]
fn cyrillic_prefix(chunk: u64) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    // High bit of each byte set exactly when that byte is non-zero.
    let nonzero = |v: u64| ((v & LOW7).wrapping_add(LOW7) | v) & HIGH;
    let not_continuation = nonzero((chunk & 0xC0C0_C0C0_C0C0_C0C0) ^ HIGH);
    let not_lead = nonzero((chunk & 0xFCFC_FCFC_FCFC_FCFC) ^ 0xD0D0_D0D0_D0D0_D0D0);
    ((not_continuation & not_lead).trailing_zeros() / 8) as usize
}

/// The end of the run of letters, digits and extending characters that
/// starts at `i`: the hot loop of the tokenizer. Cyrillic text is scanned
/// byte by byte through one table; other non-ASCII characters are decoded.
#[inline(always)]
fn word_end(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    loop {
        // Eight bytes at a time while they are all Cyrillic.
        while let Some(chunk) = bytes.get(i..i + 8) {
            let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
                break;
            };
            let n = cyrillic_prefix(u64::from_le_bytes(chunk));
            i += n;
            if n < 8 {
                break;
            }
        }
        while let Some(&b) = bytes.get(i) {
            if !WORD_BYTE[b as usize] {
                break;
            }
            i += 1;
        }
        match bytes.get(i) {
            Some(&b) if b >= 0xC0 => match char_at(text, i) {
                Some((c, len))
                    if matches!(classify(c), Class::Letter | Class::Digit | Class::Extend) =>
                {
                    i += len
                }
                _ => return i,
            },
            _ => return i,
        }
    }
}

/// Whether the byte after a word may join more to it (`.`, `,`, hyphens,
/// `%`, apostrophes, `°`; 0xE2 leads U+2010, U+2011 and U+2019, 0xC2
/// leads U+00B0).
#[inline(always)]
fn may_join(b: u8) -> bool {
    JOINS[b as usize]
}

const fn joins_table() -> [bool; 256] {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b',' as usize] = true;
    t[b'-' as usize] = true;
    t[b'%' as usize] = true;
    t[b'\'' as usize] = true;
    // U+00B0 (°) after digits.
    t[0xC2] = true;
    t[0xE2] = true;
    t
}

static JOINS: [bool; 256] = joins_table();

/// Consumes extending characters (combining marks, joiners) from `i`.
#[inline]
fn extends(text: &str, mut i: usize) -> usize {
    // ASCII and Cyrillic letters never extend: the common case.
    if matches!(
        text.as_bytes().get(i),
        None | Some(0..=0x7F | 0xD0 | 0xD1 | 0xD3)
    ) {
        return i;
    }
    while let Some((Class::Extend, len)) = class_at(text, i) {
        i += len;
    }
    i
}

/// [`scan`] with a fast path for the common case: a Cyrillic word followed
/// by a byte that cannot join anything to it.
#[inline(always)]
pub(crate) fn scan_fast(text: &str, start: usize) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    if matches!(bytes.get(start), Some(0xD0..=0xD3)) {
        let end = word_end(text, start);
        let digit_before = |i: usize| i > 0 && bytes[i - 1].is_ascii_digit();
        match bytes.get(end) {
            Some(&b) if !may_join(b) => return (with_analytic(text, start, end), TokenKind::Word),
            None => return (end, TokenKind::Word),
            // A comma after letters never joins; a period after a word too
            // long to be an abbreviation neither.
            Some(b',') if !digit_before(end) => return (end, TokenKind::Word),
            Some(b'.') if end - start > MAX_ABBREV_BYTES && !digit_before(end) => {
                return (end, TokenKind::Word)
            }
            _ => {}
        }
    }
    // Punctuation that never joins anything: one byte (or `«` `»`), unless
    // a combining mark follows.
    let punct_len = match bytes.get(start) {
        Some(b',' | b';' | b':' | b'(' | b')' | b'"') => 1,
        Some(0xC2) if matches!(bytes.get(start + 1), Some(0xAB | 0xBB)) => 2,
        _ => 0,
    };
    if punct_len > 0 {
        return (extends(text, start + punct_len), TokenKind::Punct);
    }
    let (end, kind) = scan(text, start);
    if kind == TokenKind::Word {
        (with_analytic(text, start, end), kind)
    } else {
        (end, kind)
    }
}

/// Extends a word to a UD multiword unit (`келген жоқ`) where one follows.
#[inline(always)]
fn with_analytic(text: &str, start: usize, end: usize) -> usize {
    if may_be_analytic(text, end) {
        analytic_form(text, start, end).unwrap_or(end)
    } else {
        end
    }
}

/// Finds the token starting at `start` (a non-whitespace position).
/// Returns its end and kind. The end is always greater than `start`.
pub(crate) fn scan(text: &str, start: usize) -> (usize, TokenKind) {
    if let Some(end) = signed_temperature(text, start) {
        return (end, TokenKind::Number);
    }
    let Some((class, len)) = class_at(text, start) else {
        return (text.len(), TokenKind::Symbol);
    };
    match class {
        Class::Letter | Class::Digit => word(text, start, class == Class::Digit),
        Class::Punct => punct(text, start, len),
        Class::Emoji | Class::Regional => emoji(text, start, class, len),
        Class::Extend | Class::Space => (extends(text, start + len), TokenKind::Symbol),
        Class::Symbol => symbol(text, start, len),
    }
}

/// How far back a sign looks for the number a dash would range from.
const SIGN_LOOK_BACK: usize = 16;

/// The end of a temperature with a minus written against it, one token
/// as UD writes it (`-5°С-қа`, `−12°C`): a hyphen, minus sign or dash
/// directly before the digits of a number with the degree sign, at the
/// start of the text, after an opening bracket or quote, or after
/// whitespace and not after a number (`5 -12°С` is a range, the dash its
/// own token), the places where the
/// number rules read such a sign as a minus. A plus stays a token of its
/// own, as the rules leave it out of the mention. The look-back is
/// bounded.
fn signed_temperature(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    // The signs are `-` or three bytes led by 0xE2: other tokens are
    // passed over before decoding a char.
    if !matches!(bytes.get(start), Some(b'-' | 0xE2)) {
        return None;
    }
    let sign = text.get(start..)?.chars().next()?;
    if !super::MINUS_SIGNS.contains(&sign) {
        return None;
    }
    let digits = start + sign.len_utf8();
    if !bytes.get(digits)?.is_ascii_digit() {
        return None;
    }
    // Against an opening bracket or quote (`(-4°С)`) the sign starts the
    // bracket's content.
    let opened = super::OPENERS
        .iter()
        .any(|o| text.get(..start).is_some_and(|t| t.ends_with(o)));
    if start > 0 && !opened {
        if !bytes[start - 1].is_ascii_whitespace() {
            return None;
        }
        let from = start.saturating_sub(SIGN_LOOK_BACK);
        let before = bytes[from..start]
            .iter()
            .rev()
            .find(|b| !b.is_ascii_whitespace());
        if before.is_some_and(u8::is_ascii_digit) {
            return None;
        }
    }
    let (end, kind) = word(text, digits, true);
    (kind == TokenKind::Number && text.get(digits..end)?.contains('°')).then_some(end)
}

fn punct(text: &str, start: usize, len: usize) -> (usize, TokenKind) {
    let mut end = start + len;
    let bytes = text.as_bytes();
    let terminal = match bytes[start] {
        b'.' | b'!' | b'?' => true,
        // U+2026 HORIZONTAL ELLIPSIS
        0xE2 => text.get(start..end) == Some("…"),
        _ => false,
    };
    // A run of one repeated ASCII mark is one token (`...`, `!!!`, `--`);
    // mixed marks are separate tokens (`?!` → `?` `!`), as in UD Kazakh.
    let first = bytes[start];
    if (terminal && first != 0xE2) || first == b'-' {
        while bytes.get(end) == Some(&first) {
            end += 1;
        }
    }
    (extends(text, end), TokenKind::Punct)
}

fn symbol(text: &str, start: usize, len: usize) -> (usize, TokenKind) {
    let b = text.as_bytes()[start];
    let next = start + len;
    let next_is_word = matches!(
        class_at(text, next),
        Some((Class::Letter | Class::Digit, _))
    );
    match b {
        b'@' if next_is_word => (handle_tail(text, next, true), TokenKind::Mention),
        b'#' if next_is_word => (handle_tail(text, next, false), TokenKind::Hashtag),
        b'%' => (hyphen_ending(text, next).unwrap_or(next), TokenKind::Symbol),
        _ => (extends(text, next), TokenKind::Symbol),
    }
}

/// The name after `@` or `#`: letters, digits and `_`, and for mentions
/// single dots between them.
fn handle_tail(text: &str, mut i: usize, dots: bool) -> usize {
    loop {
        let run = word_run(text, i);
        i = run.end;
        match text.as_bytes().get(i) {
            Some(b'_') => i += 1,
            Some(b'.') if dots => match class_at(text, i + 1) {
                Some((Class::Letter | Class::Digit, _)) => i += 1,
                _ => return i,
            },
            _ => return i,
        }
    }
}

fn emoji(text: &str, start: usize, class: Class, len: usize) -> (usize, TokenKind) {
    let mut end = start + len;
    if class == Class::Regional {
        if let Some((Class::Regional, l)) = class_at(text, end) {
            end += l;
        }
        return (extends(text, end), TokenKind::Emoji);
    }
    loop {
        let before = end;
        end = extends(text, end);
        let zwj = end > before && text[before..end].ends_with('\u{200D}');
        match class_at(text, end) {
            Some((Class::Emoji, l)) if zwj => end += l,
            _ => return (end, TokenKind::Emoji),
        }
    }
}

/// If a hyphen followed by a pure ending starts at `i`, the end of that
/// ending.
fn hyphen_ending(text: &str, i: usize) -> Option<usize> {
    let (c, hl) = char_at(text, i)?;
    if !is_hyphen(c) {
        return None;
    }
    let run = word_run(text, i + hl);
    if run.digits || !run.letters {
        return None;
    }
    if is_ending(&text[i + hl..run.end]) {
        Some(run.end)
    } else {
        None
    }
}

fn starts_with_ignore_ascii_case(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Top-level domains that make `word.tld` a web address without a scheme.
const TLDS: &[&str] = &[
    "kz", "ru", "com", "org", "net", "gov", "edu", "info", "io", "uk", "de", "kg", "uz", "cn",
    "tr", "us", "eu", "int", "biz", "su",
];

fn url_start(text: &str, start: usize) -> bool {
    let b = &text.as_bytes()[start..];
    starts_with_ignore_ascii_case(b, b"http://")
        || starts_with_ignore_ascii_case(b, b"https://")
        || starts_with_ignore_ascii_case(b, b"ftp://")
        || starts_with_ignore_ascii_case(b, b"www.")
}

/// Scans a URL: everything up to whitespace or a quotation mark, then
/// trailing punctuation is given back.
fn url(text: &str, start: usize) -> usize {
    let mut end = start;
    let mut open_parens = 0i32;
    while let Some((c, l)) = char_at(text, end) {
        if c.is_whitespace() || matches!(c, '«' | '»' | '"' | '“' | '”' | '<' | '>' | '`') {
            break;
        }
        match c {
            '(' => open_parens += 1,
            ')' if open_parens == 0 => break,
            ')' => open_parens -= 1,
            _ => {}
        }
        end += l;
    }
    while end > start {
        let last = text[start..end].chars().next_back().unwrap_or(' ');
        if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '…') {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// An e-mail address starting at `start`, if there is one: its end.
fn email(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = start;
    // The local part of an address has at most 64 bytes; the bound also keeps
    // the scanner linear on long runs such as `1-1-1-…`.
    let limit = start.saturating_add(64).min(bytes.len());
    while i < limit {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-') {
            i += 1;
        } else {
            break;
        }
    }
    if bytes.get(i) != Some(&b'@') || i == start {
        return None;
    }
    let (end, labels, last_alpha) = domain(bytes, i + 1);
    (labels >= 2 && last_alpha).then_some(end)
}

/// Scans `label(.label)*` of ASCII letters, digits and hyphens; returns the
/// end, the number of labels, and whether the last label is alphabetic
/// with at least two letters.
fn domain(bytes: &[u8], mut i: usize) -> (usize, usize, bool) {
    let mut labels = 0;
    let mut end = i;
    let mut last_alpha = false;
    // A domain name has at most 253 bytes; the bound keeps the scanner
    // linear on long dotted runs.
    let limit = i.saturating_add(253).min(bytes.len());
    loop {
        let s = i;
        while i < limit {
            let b = bytes[i];
            if b.is_ascii_alphanumeric() || b == b'-' {
                i += 1;
            } else {
                break;
            }
        }
        if i == s {
            return (end, labels, last_alpha);
        }
        labels += 1;
        end = i;
        last_alpha = i - s >= 2 && bytes[s..i].iter().all(u8::is_ascii_alphabetic);
        if bytes.get(i) == Some(&b'.') {
            i += 1;
        } else {
            return (end, labels, last_alpha);
        }
    }
}

/// The letters-only word at `i` and where it ends, if a letter starts there.
fn letters_at(text: &str, i: usize) -> Option<Run> {
    let run = word_run(text, i);
    (run.letters && !run.digits).then_some(run)
}

/// Counts chars of `s`, stopping early past `limit`.
fn short(s: &str, limit: usize) -> usize {
    s.chars().take(limit + 1).count()
}

/// Scans a token that starts with a letter or digit.
fn word(text: &str, start: usize, digit_first: bool) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    if bytes[start].is_ascii_alphanumeric() {
        if url_start(text, start) {
            return (url(text, start), TokenKind::Url);
        }
        if let Some(end) = email(text, start) {
            return (end, TokenKind::Email);
        }
    }
    let mut kind = if digit_first {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    let first_end = word_end(text, start);
    match bytes.get(first_end) {
        // 0xC2 also leads `«`, `»` and the no-break space, which end a
        // word: only `°` (C2 B0) goes on.
        Some(0xC2) if bytes.get(first_end + 1) != Some(&0xB0) => return (first_end, kind),
        Some(&b) if may_join(b) => {}
        _ => return (first_end, kind),
    }
    let mut seg_start = start;
    let mut run = word_run(text, start);
    // Inside a dotted abbreviation such as `т.с.с.` or initials `Н.Ә.`.
    let mut dotted = false;
    loop {
        let i = run.end;
        let Some((c, cl)) = char_at(text, i) else {
            return (i, kind);
        };
        let seg_numeric = run.digits && !run.letters;
        match c {
            '.' | ',' if run.last_digit && !dotted => {
                if let Some((Class::Digit, _)) = class_at(text, i + 1) {
                    seg_start = i + 1;
                    run = word_run(text, seg_start);
                    continue;
                }
                return (i, kind);
            }
            '.' if run.letters && !run.digits => {
                let seg = &text[seg_start..i];
                let whole = &text[start..i];
                let single = seg_start == start && short(seg, 1) == 1 || dotted;
                let short_seg = seg_start == start && short(seg, 3) <= 3;
                // The next part of a dotted chain: a one-to-three-letter
                // segment directly followed by a period.
                let chain_next = if single || short_seg {
                    letters_at(text, i + 1).filter(|r| {
                        short(&text[i + 1..r.end], 3) <= 3 && bytes.get(r.end) == Some(&b'.')
                    })
                } else {
                    None
                };
                if single || (short_seg && chain_next.is_some()) {
                    kind = TokenKind::Abbreviation;
                    if let Some(r) = chain_next {
                        dotted = true;
                        seg_start = i + 1;
                        run = r;
                        continue;
                    }
                    return (i + 1, kind);
                }
                if whole.len() <= MAX_ABBREV_BYTES
                    && (is_abbreviation(whole)
                        || lower_follows(text, i + 1) && short(whole, 5) <= 5)
                {
                    return (i + 1, TokenKind::Abbreviation);
                }
                if let Some(end) = domain_tail(text, start, i) {
                    return (url(text, start).max(end), TokenKind::Url);
                }
                return (i, kind);
            }
            '%' if seg_numeric => {
                let end = i + 1;
                return (hyphen_ending(text, end).unwrap_or(end), TokenKind::Number);
            }
            // Degrees, with their scale and an ending, as UD writes them:
            // `25°C-тан`, `5°С-қа`, `30°`.
            '°' if seg_numeric => {
                let mut end = i + cl;
                if let Some((u, ul)) = char_at(text, end) {
                    let letter_after = char_at(text, end + ul)
                        .is_some_and(|(n, _)| matches!(classify(n), Class::Letter));
                    if matches!(u, 'C' | 'С' | 'F' | 'K') && !letter_after {
                        end += ul;
                    }
                }
                return (hyphen_ending(text, end).unwrap_or(end), TokenKind::Number);
            }
            _ if is_hyphen(c) && !dotted => {
                let next = i + cl;
                match class_at(text, next) {
                    Some((Class::Letter, _)) if seg_numeric => {
                        return (hyphen_ending(text, i).unwrap_or(i), kind);
                    }
                    // A hyphen typed for a dash: a lower-case word of three
                    // or more letters, then a capital (`ағасы-Эдуард`). Short
                    // particles keep their name (`әл-Фараби`, `Рио-де-Жанейро`).
                    Some((Class::Letter, _))
                        if char_at(text, next).is_some_and(|(n, _)| n.is_uppercase())
                            && text[seg_start..i].chars().next().is_some_and(is_lower)
                            && short(&text[seg_start..i], 3) >= 3 =>
                    {
                        return (i, kind);
                    }
                    Some((Class::Letter, _)) => {}
                    _ => return (i, kind),
                }
                seg_start = next;
                run = word_run(text, next);
            }
            _ if is_apostrophe(c) && run.letters && !run.last_digit && !dotted => {
                match class_at(text, i + cl) {
                    Some((Class::Letter, _)) => {
                        seg_start = i + cl;
                        run = word_run(text, seg_start);
                    }
                    _ => return (i, kind),
                }
            }
            _ => return (i, kind),
        }
    }
}

/// Whether, after a period at `i - 1`, whitespace and then a lower-case
/// letter follow (`сын. б.`): the period belongs to an abbreviation.
fn lower_follows(text: &str, i: usize) -> bool {
    let j = skip_space(text, i);
    j > i && char_at(text, j).is_some_and(|(c, _)| is_lower(c))
}

/// `akorda.kz`: ASCII word, period, known top-level domain.
fn domain_tail(text: &str, start: usize, dot: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if !bytes[start..dot]
        .iter()
        .all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'.')
    {
        return None;
    }
    let (end, _, _) = domain(bytes, dot + 1);
    let tld = text.get(dot + 1..end)?.rsplit('.').next()?;
    let after_ok = !matches!(class_at(text, end), Some((Class::Letter | Class::Digit, _)));
    (after_ok && TLDS.iter().any(|t| t.eq_ignore_ascii_case(tld))).then_some(end)
}

/// Negators and evidential copulas that UD Kazakh joins to the verb form
/// before them into one token (`келген жоқ`, `болған емес`, `деген екен`,
/// `сыйлайды екенсің`).
const NEGATORS: &[&str] = &[
    "жоқ",
    "емес",
    "емеспін",
    "емессің",
    "емессіз",
    "емеспіз",
    "емессіңдер",
    "емессіздер",
];
const EVIDENTIALS: &[&str] = &[
    "екен",
    "екенмін",
    "екенсің",
    "екенсіз",
    "екенбіз",
    "екенсіңдер",
    "екенсіздер",
];
/// Past participle endings: the verb forms negated by `жоқ`/`емес`.
const PARTICIPLE: &[&str] = &["ған", "ген", "қан", "кен"];
/// Finite and conditional endings that take `екен`.
const FINITE: &[&str] = &[
    "йды", "йді", "ады", "еді", "сам", "сем", "сақ", "сек", "саң", "сең",
];

/// Cheap filter for [`analytic_form`]: a space, then ж or е (the first
/// letters of жоқ, емес, екен).
#[inline(always)]
pub(crate) fn may_be_analytic(text: &str, end: usize) -> bool {
    // One comparison of three bytes read as a number: this runs once per
    // word. " ж" is 20 D0 B6 and " е" is 20 D0 B5 in UTF-8.
    let w = match text.as_bytes().get(end..end + 3) {
        Some(&[a, b, c]) => u32::from(a) | u32::from(b) << 8 | u32::from(c) << 16,
        _ => 0,
    };
    (w | 0x03_0000) == 0xB7_D020 && w & 0x03_0000 != 0x03_0000 && w & 0x03_0000 != 0
}

/// If the word ending at `end` is a verb form that UD Kazakh joins with a
/// following `жоқ`/`емес`/`екен`, the end of the joined token.
#[cold]
#[inline(never)]
pub(crate) fn analytic_form(text: &str, start: usize, end: usize) -> Option<usize> {
    if !may_be_analytic(text, end) {
        return None;
    }
    let word = text.get(start..end)?;
    if word.len() < 8 {
        return None;
    }
    let participle = PARTICIPLE.iter().any(|s| word.ends_with(s));
    let finite = participle || FINITE.iter().any(|s| word.ends_with(s));
    if !finite {
        return None;
    }
    let mut end = end;
    let mut negated = false;
    while let Some(next) = following_word(text, end) {
        let w = &text[end + 1..next];
        if participle && !negated && NEGATORS.contains(&w) {
            negated = true;
            end = next;
        } else if EVIDENTIALS.contains(&w) {
            end = next;
            break;
        } else {
            break;
        }
    }
    (end > start + word.len()).then_some(end)
}

/// After one space at `end`, a word of letters that ends where a token
/// would (not inside a compound): its end.
fn following_word(text: &str, end: usize) -> Option<usize> {
    if text.as_bytes().get(end) != Some(&b' ') {
        return None;
    }
    let run = letters_at(text, end + 1)?;
    match char_at(text, run.end) {
        Some((c, _)) if is_hyphen(c) || is_apostrophe(c) => None,
        _ => Some(run.end),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cyrillic_prefix_counts_bytes_of_the_block() {
        let cases: &[(&[u8], usize)] = &[
            ("қазақша".as_bytes(), 8),
            ("әлем".as_bytes(), 8),
            (b"\xD0\xB0\xD0\xB0 abc", 4),
            (b"abcdefgh", 0),
            (b"\xD0\xB0\xE2\x82\xAC\xD0\xB0\x20", 2),
            (b"\xD3\x99\xD4\x80\x20\x20\x20\x20", 2),
            (b"\xD0\xB0\xD0\xB0\xD0\xB0\xD0\xC0", 7),
        ];
        for (bytes, want) in cases {
            let mut chunk = [0u8; 8];
            chunk.copy_from_slice(&bytes[..8]);
            assert_eq!(
                cyrillic_prefix(u64::from_le_bytes(chunk)),
                *want,
                "{bytes:x?}"
            );
        }
    }
}

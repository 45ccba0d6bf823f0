//! Number phrases: the atoms of a number (digits, number words, Roman
//! numerals) and the longest phrase they make from a token, with its value.
//! The extractor and the temporal grammar both read numbers through here.

use super::lexicon::{is_about, number_word, one_in_case, unit, NumWord, Role, UnitKind};
use super::Decimal;
use crate::letters::{eq_ci, strip_prefix_ci, to_lower_str};
use crate::span::Span;
use crate::tokenizer::is_ending;

/// A token as the extractor sees it.
#[derive(Clone, Copy)]
pub(super) struct Tok<'a> {
    pub(super) text: &'a str,
    pub(super) span: Span,
}

/// An atom of a number phrase.
#[derive(Clone, Copy, Debug)]
pub(super) enum Atom {
    /// Digits, possibly a decimal and with `%` or an ending; the number of
    /// tokens it spans (thousands groups and `74 , 9` take several).
    Digits {
        value: Option<Decimal>,
        tokens: usize,
        tail: Tail,
        percent: bool,
        date: bool,
    },
    Word(NumWord),
    /// Two neighbouring number words joined by a hyphen, a range: the
    /// value of the first and the word of the second (`екі-үш`, `он-он`
    /// before `бес`).
    Pair(u32, NumWord),
    /// A Roman numeral, and whether a case ending follows its ordinal
    /// suffix (`ХХ-ғасырдың` no; `І-ші`, `ІІ-шіден`).
    Roman(u32, bool),
}

/// What follows the digits of a token after a hyphen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Tail {
    ordinal: bool,
    inflected: bool,
    pub(super) about: bool,
}

const ORDINAL_DIGIT_TAILS: &[&str] = &["сыншы", "сінші", "інші", "ыншы", "нші", "ншы", "ші", "шы"];

fn digit_tail(tail: &str) -> Option<Tail> {
    if tail.is_empty() {
        return Some(Tail::default());
    }
    let mut buf = [0u8; 64];
    let lower = to_lower_str(tail, &mut buf)?;
    // `4-ақ` (only four): the particle leaves the number as it is, as
    // after a number word (`төрт-ақ метр`, `4-ақ метр`).
    if lower == "ақ" {
        return Some(Tail::default());
    }
    for t in ORDINAL_DIGIT_TAILS {
        if let Some(after) = lower.strip_prefix(t) {
            if after.is_empty() || is_ending(after) {
                return Some(Tail {
                    ordinal: true,
                    inflected: !after.is_empty(),
                    about: false,
                });
            }
        }
    }
    let plural_about = super::lexicon::is_plural_about(lower);
    is_ending(lower).then(|| Tail {
        ordinal: false,
        inflected: !plural_about,
        about: plural_about || is_about(lower),
    })
}

/// Parses one token of digits: `2024`, `3,2`, `15%`, `15%-ға`, `215-інің`,
/// `1-інші`, `01.02.2026`.
fn digits_token(t: &str) -> Option<(Option<Decimal>, Tail, bool, bool)> {
    if !t.as_bytes().first()?.is_ascii_digit() {
        return None;
    }
    let (body, tail) = match t.find('-') {
        Some(h) => (&t[..h], &t[h + 1..]),
        None => (t, ""),
    };
    let (body, percent) = match body.strip_suffix('%') {
        Some(b) => (b, true),
        None => (body, false),
    };
    if !body
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let tail = digit_tail(tail)?;
    let separators = body.bytes().filter(|b| !b.is_ascii_digit()).count();
    if separators >= 2 {
        // 01.02.2026, 1.2.3: a date or a version, not one value.
        return Some((None, tail, percent, body.contains('.')));
    }
    let value = Decimal::parse(body);
    if value.is_none() && body.len() > 30 {
        // Too many digits: an overflow, reported as such.
        return Some((None, tail, percent, false));
    }
    value.map(|v| (Some(v), tail, percent, false))
}

pub(super) fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

pub(super) fn roman(t: &str) -> Option<u32> {
    // At most 8 numerals of at most 2 bytes each.
    if t.is_empty() || t.len() > 16 {
        return None;
    }
    let mut total = 0u32;
    let mut prev = 0u32;
    for c in t.chars().rev() {
        let v = match c {
            'I' | 'І' => 1,
            'V' => 5,
            'X' | 'Х' => 10,
            'L' => 50,
            'C' | 'С' => 100,
            'D' => 500,
            'M' | 'М' => 1000,
            _ => return None,
        };
        if v < prev {
            total = total.checked_sub(v)?;
        } else {
            total += v;
            prev = v;
        }
    }
    // Only the numerals the text would use: one letter only for I, V, X.
    let single_ok = t.chars().nth(1).is_some() || matches!(t, "I" | "І" | "V" | "X" | "Х");
    (single_ok && total > 0 && is_canonical_roman(t, total)).then_some(total)
}

/// Whether `t` is the standard way of writing `value` in Roman numerals
/// (subtracting only `IV`, `IX`, `XL`, `XC`, `CD`, `CM`), its Cyrillic
/// look-alikes `І`, `Х`, `С`, `М` read as the Latin letters: `ХХІ`,
/// `XIX`, but not `СМС` (an abbreviation: written CMC it would still not be
/// how 1000 is written) or `IIII`.
fn is_canonical_roman(t: &str, value: u32) -> bool {
    if value >= 4000 {
        return false;
    }
    const PARTS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut letters = t.chars().map(|c| match c {
        'І' => 'I',
        'Х' => 'X',
        'С' => 'C',
        'М' => 'M',
        c => c,
    });
    let mut n = value;
    for (v, numeral) in PARTS {
        while n >= v {
            if !numeral.chars().all(|c| letters.next() == Some(c)) {
                return false;
            }
            n -= v;
        }
    }
    letters.next().is_none()
}

pub(super) fn atom(text: &str, toks: &[Tok], k: usize) -> Option<Atom> {
    let t = toks.get(k)?.text;
    if let Some((value, tail, percent, date)) = digits_token(t) {
        let (mut value, mut tail, mut percent) = (value, tail, percent);
        let mut used = 1;
        let plain = is_digits(t) && t.len() <= 3;
        // Thousands groups: `1 250 000` (one space or a no-break space);
        // the last group carries the number's ending or per cent sign
        // (`15 000-нан`, `1 200-ден астам`), or its decimal part (`1
        // 449,3`, `2 345,7 млрд`).
        if plain && !percent && tail == Tail::default() {
            while let Some(next) = toks.get(k + used) {
                let prev = toks[k + used - 1];
                let gap = text.get(prev.span.end..next.span.start).unwrap_or("");
                let single_gap = matches!(gap, " " | "\u{a0}" | "\u{202f}" | "\u{2009}");
                let digits_end = next.text.find(['-', '%']).unwrap_or(next.text.len());
                let group_text = &next.text[..digits_end];
                let (whole, decimal) = match group_text.split_once(',') {
                    Some((w, d)) => (w, Some(d)),
                    None => (group_text, None),
                };
                if !(single_gap
                    && whole.len() == 3
                    && is_digits(whole)
                    && decimal.map_or(true, is_digits))
                {
                    break;
                }
                let last = digits_end < next.text.len() || decimal.is_some();
                let group = if last {
                    match digits_token(next.text) {
                        Some((Some(g), t2, p2, false)) => {
                            tail = t2;
                            percent = p2;
                            Some(g)
                        }
                        _ => break,
                    }
                } else {
                    Decimal::parse(next.text)
                };
                value = value
                    .zip(group)
                    .and_then(|(v, g)| v.checked_mul(dec(1000))?.checked_add(g));
                used += 1;
                if last {
                    break;
                }
            }
        }
        // A decimal split by the tokenizer of the corpus: `74 , 9`, also
        // after thousands groups (`1 449 , 3`).
        let last_group = toks[k + used - 1];
        if is_digits(last_group.text) && tail == Tail::default() && !percent {
            if let (Some(comma), Some(frac)) = (toks.get(k + used), toks.get(k + used + 1)) {
                let spaced = text.get(last_group.span.end..comma.span.start) == Some(" ");
                if comma.text == "," && spaced {
                    if let Some((Some(f), ftail, fpercent, _)) = digits_token(frac.text) {
                        let digits_end = frac.text.find(['%', '-']).unwrap_or(frac.text.len());
                        let frac_digits = &frac.text[..digits_end];
                        if is_digits(frac_digits) && frac_digits.len() <= 3 && f.is_integer() {
                            // Leading zeros count: `5 , 05` is 5.05.
                            let fraction = Decimal::parse(frac_digits)
                                .and_then(|d| d.checked_div_pow10(frac_digits.len() as u32));
                            return Some(Atom::Digits {
                                value: value.zip(fraction).and_then(|(v, f)| v.checked_add(f)),
                                tokens: used + 2,
                                tail: ftail,
                                percent: fpercent,
                                date: false,
                            });
                        }
                    }
                }
            }
        }
        return Some(Atom::Digits {
            value,
            tokens: used,
            tail,
            percent,
            date,
        });
    }
    if let Some(w) = number_word(t) {
        return Some(Atom::Word(w));
    }
    if let Some((head, tail)) = t.split_once('-') {
        // `үш-ақ` (only three): the particle leaves the number as it is.
        if lower_is(tail, "ақ") {
            return number_word(head).map(Atom::Word);
        }
        // `екі-үш`, `он-он` (бес): a range of two number words; of two
        // ordinals, a range of ordinals (`жетінші-сегізінші ғасыр`), as
        // with digits (`7-8 ғасыр`).
        let plain = |w: &NumWord| matches!(w.role, Role::Unit | Role::Ten) && !w.inflected;
        if let (Some(a), Some(b)) = (number_word(head), number_word(tail)) {
            if plain(&a)
                && a.ordinal == b.ordinal
                && matches!(b.role, Role::Unit | Role::Ten)
                && a.value <= b.value
            {
                return Some(Atom::Pair(a.value, b));
            }
        }
    }
    if let Some(v) = roman(t) {
        return Some(Atom::Roman(v, false));
    }
    // A Roman numeral with the ordinal suffix written after a hyphen, as
    // with digits (`І-ші`, `XX-шы`, `ІІ-шіден`).
    let (numeral, tail) = t.split_once('-')?;
    let tail = digit_tail(tail).filter(|tail| tail.ordinal)?;
    roman(numeral).map(|v| Atom::Roman(v, tail.inflected))
}

/// A parsed number phrase.
#[derive(Clone, Copy, Debug)]
pub(super) struct Phrase {
    pub(super) end: usize,
    /// `None` when the value overflows.
    pub(super) value: Option<Decimal>,
    pub(super) ordinal: bool,
    pub(super) inflected: bool,
    pub(super) about: bool,
    pub(super) percent: bool,
    pub(super) date: bool,
    pub(super) roman: bool,
    /// The exponent of the last scale word, when the phrase ends in one.
    pub(super) last_scale: Option<u32>,
    /// The first end of a range written as two number words joined by a
    /// hyphen (`екі-үш мың`: 2000, with `value` 3000).
    pub(super) pair_first: Option<Decimal>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Last {
    None,
    Unit,
    Ten,
    Hundred,
    Scale(u32),
    Digits,
    Half,
    Decimal,
}

pub(super) fn allowed(last: Last, next: &Atom) -> bool {
    use Last as L;
    match next {
        Atom::Roman(..) | Atom::Pair(..) => last == L::None,
        Atom::Digits { .. } => matches!(last, L::None | L::Scale(_)),
        Atom::Word(w) => match (last, w.role) {
            (L::None, Role::AndHalf | Role::Point) => false,
            (L::None, _) => true,
            (L::Unit, Role::Hundred | Role::Scale(_) | Role::AndHalf | Role::Point) => true,
            (L::Ten, Role::Unit | Role::Scale(_) | Role::AndHalf | Role::Point) => true,
            (L::Hundred, Role::Unit | Role::Ten | Role::Scale(_) | Role::Point) => true,
            (L::Scale(e), Role::Scale(f)) => f < e,
            // `мың жарым`, `екі миллион жарым`: and a half of the scale.
            (L::Scale(_), Role::AndHalf) => true,
            (L::Scale(_), Role::Unit | Role::Ten | Role::Hundred) => true,
            (L::Digits, Role::Scale(_) | Role::Hundred) => true,
            (L::Half | L::Decimal, Role::Scale(_)) => true,
            _ => false,
        },
    }
}

pub(super) fn dec(n: u32) -> Decimal {
    Decimal::from_int(i64::from(n))
}

/// Parses the spoken decimal after `бүтін` at `k`: a denominator in the
/// ablative (`оннан`, `жүзден`, `мыңнан`, `он мыңнан`) and a numerator;
/// or, as the digits after the point are read aloud, the numerator alone,
/// its digits giving the denominator (`үш бүтін жиырма бес`, 3.25).
/// Returns the fraction and the index after it.
fn spoken_fraction(toks: &[Tok], k: usize) -> Option<(Decimal, usize)> {
    denominated_fraction(toks, k).or_else(|| read_digits_fraction(toks, k))
}

/// The digits after a decimal point read as one number: `бес` .5,
/// `жиырма бес` .25. Returns the fraction and the index after it.
fn read_digits_fraction(toks: &[Tok], k: usize) -> Option<(Decimal, usize)> {
    let (num, end) = numerator(toks, k)?;
    let digits = match num {
        0..=9 => 1,
        10..=99 => 2,
        _ => 3,
    };
    Some((dec(num).checked_div_pow10(digits)?, end))
}

/// A spoken decimal with its denominator (`оннан екі`).
fn denominated_fraction(toks: &[Tok], k: usize) -> Option<(Decimal, usize)> {
    let mut k = k;
    let mut exp = 0u32;
    // Denominator: words up to and including the one in the ablative.
    loop {
        let w = number_word(toks.get(k)?.text)?;
        exp += match (w.role, w.value) {
            (Role::Ten, 10) => 1,
            (Role::Hundred, _) => 2,
            (Role::Scale(e), _) => e,
            _ => return None,
        };
        k += 1;
        if w.ablative {
            break;
        }
    }
    let (num, k) = numerator(toks, k)?;
    Some((dec(num).checked_div_pow10(exp)?, k))
}

/// The particle that reads a decimal comma aloud in transcribed speech
/// (`үш те бес процент`, 3.5 %; `бір де сегіз миллиард`, 1.8 billion).
fn is_spoken_comma(t: &str) -> bool {
    matches!(t, "да" | "де" | "та" | "те")
}

/// After a whole number and a spoken comma at `k`: the digits after it,
/// when a scale word or a percent follows them (alone, `екі де үш` is
/// "both two and three"). Returns the fraction and the index after it.
fn comma_fraction(toks: &[Tok], k: usize) -> Option<(Decimal, usize)> {
    if !is_spoken_comma(toks.get(k)?.text) {
        return None;
    }
    let (frac, end) = read_digits_fraction(toks, k + 1)?;
    // A speech filler may stand before the word: `екі де тоғыз ( ыы )
    // процентті`.
    let next = toks.get(end + filler_at(toks, end))?.text;
    let scale = number_word(next).is_some_and(|w| matches!(w.role, Role::Scale(_)));
    let percent = matches!(unit(next), Some(UnitKind::Percent));
    (scale || percent).then_some((frac, end))
}

/// Speech fillers in parentheses, as transcribed TV news writes them
/// between a number and its unit: `( іі )`, `( аа )`. Their token count
/// at `k`, or 0.
pub(super) fn filler_at(toks: &[Tok], k: usize) -> usize {
    let is_filler = |t: &str| matches!(t, "іі" | "ii" | "аа" | "ээ" | "ыы" | "мм" | "еее" | "ааа");
    match (toks.get(k), toks.get(k + 1), toks.get(k + 2)) {
        (Some(a), Some(b), Some(c)) if a.text == "(" && is_filler(b.text) && c.text == ")" => 3,
        _ => 0,
    }
}

/// A numerator of units, tens and hundreds at `k`, closed by a case
/// ending. Returns its value and the index after it.
fn numerator(toks: &[Tok], k: usize) -> Option<(u32, usize)> {
    let mut k = k;
    let mut num = 0u32;
    let mut last = Last::None;
    while let Some(t) = toks.get(k) {
        let w = match last {
            Last::Ten | Last::Hundred => number_word(t.text).or_else(|| one_in_case(t.text)),
            _ => number_word(t.text),
        };
        let Some(w) = w else { break };
        let ok = matches!(
            (last, w.role),
            (Last::None, Role::Unit | Role::Ten | Role::Hundred)
                | (Last::Unit, Role::Hundred)
                | (Last::Ten, Role::Unit)
                | (Last::Hundred, Role::Unit | Role::Ten)
        );
        if !ok {
            break;
        }
        match w.role {
            Role::Hundred => num = num.max(1) * 100,
            _ => num += w.value,
        }
        last = match w.role {
            Role::Unit => Last::Unit,
            Role::Ten => Last::Ten,
            _ => Last::Hundred,
        };
        k += 1;
        if w.inflected {
            break;
        }
    }
    if last == Last::None {
        return None;
    }
    Some((num, k))
}

/// Parses the longest number phrase starting at token `j`.
pub(super) fn phrase(text: &str, toks: &[Tok], j: usize) -> Option<Phrase> {
    let mut k = j;
    let mut total = Some(Decimal::ZERO);
    let mut group = Some(Decimal::ZERO);
    let mut last = Last::None;
    let mut p = Phrase {
        end: j,
        value: None,
        ordinal: false,
        inflected: false,
        about: false,
        percent: false,
        date: false,
        roman: false,
        last_scale: None,
        pair_first: None,
    };
    // The first end of a hyphenated pair, and the first scale word after
    // it, which scales both ends.
    let mut pair: Option<u32> = None;
    let mut pair_scale: Option<u32> = None;
    while k < toks.len() {
        // A decimal comma read aloud between number words: `үш те бес
        // процент`.
        if matches!(last, Last::Unit | Last::Ten | Last::Hundred) && !p.inflected && !p.ordinal {
            if let Some((frac, next)) = comma_fraction(toks, k) {
                group = group.and_then(|g| g.checked_add(frac));
                k = next;
                p.end = k;
                last = Last::Decimal;
                if toks[k - 1..k]
                    .iter()
                    .any(|t| number_word(t.text).is_some_and(|w| w.inflected))
                {
                    p.inflected = true;
                }
                continue;
            }
        }
        let a = atom(text, toks, k).or_else(|| match last {
            Last::Ten | Last::Hundred => one_in_case(toks[k].text).map(Atom::Word),
            _ => None,
        });
        let Some(mut a) = a else {
            break;
        };
        if let Atom::Pair(first, w) = a {
            if last != Last::None {
                break;
            }
            pair = Some(first);
            a = Atom::Word(w);
        }
        if !allowed(last, &a) {
            break;
        }
        if p.inflected {
            // A case ending closes the phrase, except on the parts of a
            // spoken decimal handled below.
            break;
        }
        match a {
            // Turned into its second word above.
            Atom::Pair(..) => break,
            Atom::Roman(v, inflected) => {
                group = Some(dec(v));
                p.roman = true;
                p.ordinal = true;
                p.inflected = inflected;
                k += 1;
                p.end = k;
                break;
            }
            Atom::Digits {
                value,
                tokens,
                tail,
                percent,
                date,
            } => {
                group = value;
                p.ordinal = tail.ordinal;
                p.inflected = tail.inflected || percent;
                p.about = tail.about;
                p.percent = percent;
                p.date = date;
                if value.is_none() && !date {
                    total = None;
                }
                k += tokens;
                last = Last::Digits;
            }
            Atom::Word(w) => {
                match w.role {
                    Role::Unit | Role::Ten => {
                        group = group.and_then(|g| g.checked_add(dec(w.value)));
                        last = if w.role == Role::Unit {
                            Last::Unit
                        } else {
                            Last::Ten
                        };
                    }
                    // `жүз` in the possessive with no number before it is
                    // the face or surface (`іс жүзінде` in practice, `дүние
                    // жүзі` the world, `жүзім` grapes), not a hundred.
                    Role::Hundred if last == Last::None && lower_starts(toks[k].text, "жүзі") =>
                    {
                        break;
                    }
                    Role::Hundred => {
                        group = group.map(|g| if g == Decimal::ZERO { dec(1) } else { g });
                        group = group.and_then(|g| g.checked_mul(dec(100)));
                        last = Last::Hundred;
                    }
                    Role::Scale(e) => {
                        if pair.is_some() && pair_scale.is_none() {
                            pair_scale = Some(e);
                        }
                        let g = group.map(|g| if g == Decimal::ZERO { dec(1) } else { g });
                        let add = g.and_then(|g| g.checked_mul(Decimal::pow10(e)?));
                        total = total.zip(add).and_then(|(t, a)| t.checked_add(a));
                        group = Some(Decimal::ZERO);
                        last = Last::Scale(e);
                        p.last_scale = Some(e);
                    }
                    Role::AndHalf => {
                        if let Last::Scale(e) = last {
                            // Half of the scale just read: `мың жарым` 1500.
                            let half = Decimal::HALF.checked_mul(Decimal::pow10(e)?);
                            total = total.zip(half).and_then(|(t, h)| t.checked_add(h));
                        } else {
                            group = group.and_then(|g| g.checked_add(Decimal::HALF));
                        }
                        last = Last::Half;
                    }
                    Role::HalfOf => {
                        // Only before a scale word: жарты миллион.
                        let next_is_scale = toks
                            .get(k + 1)
                            .and_then(|t| number_word(t.text))
                            .is_some_and(|n| matches!(n.role, Role::Scale(_)));
                        if !next_is_scale || last != Last::None {
                            break;
                        }
                        group = Some(Decimal::HALF);
                        last = Last::Half;
                    }
                    Role::Point => {
                        let Some((frac, next)) = spoken_fraction(toks, k + 1) else {
                            break;
                        };
                        group = group.and_then(|g| g.checked_add(frac));
                        k = next;
                        p.end = k;
                        last = Last::Decimal;
                        if toks[k - 1..k].iter().any(|t| {
                            number_word(t.text).is_some_and(|w| w.inflected && !w.ablative)
                        }) {
                            p.inflected = true;
                        }
                        continue;
                    }
                }
                if !matches!(w.role, Role::Scale(_)) {
                    p.last_scale = None;
                }
                p.ordinal = w.ordinal;
                p.inflected = w.inflected;
                // `ондаған мың` (tens of thousands) stays approximate
                // through the scale word after it.
                p.about |= w.about;
                k += 1;
            }
        }
        p.end = k;
    }
    if p.end == j {
        return None;
    }
    p.value = total.zip(group).and_then(|(t, g)| t.checked_add(g));
    // The pair's first end takes the scale of the whole (`екі-үш мың`);
    // it must lie below the second (`он-он бес`: 10 and 15).
    if let (Some(first), Some(value)) = (pair, p.value) {
        let scale = pair_scale
            .and_then(Decimal::pow10)
            .unwrap_or(Decimal::from_int(1));
        let first = dec(first).checked_mul(scale);
        p.pair_first = Some(first.filter(|f| *f < value)?);
    }
    Some(p)
}

pub(super) fn is_range_separator(t: &str) -> bool {
    matches!(t, "-" | "–" | "—" | "‒")
}

/// Whether `t` is `want` (lower case, ASCII or Cyrillic) in any case. The
/// byte lengths must agree first: lower-casing keeps them in those
/// scripts, and the check skips most comparisons.
pub(super) fn lower_is(t: &str, want: &str) -> bool {
    t.len() == want.len() && eq_ci(t, want)
}

/// `t` starts with `want` (lower case), ignoring the case of `t`.
pub(super) fn lower_starts(t: &str, want: &str) -> bool {
    t.len() >= want.len() && strip_prefix_ci(t, want).is_some()
}

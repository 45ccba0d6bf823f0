//! Temporal expressions over tokens: dates, clock times, durations and
//! sets with their TIMEX3 values ([`crate::time`]). The extractor asks
//! here first at every token; a match is one mention of kind date, time,
//! duration or set, and the number phrases inside it are not reported
//! again.
//!
//! Every rule looks at a bounded number of tokens after its start (at most
//! [`MAX_TOKENS`]), so the whole pass is linear in the text.

use super::lexicon::{is_genitive, number_word, qualifier_before};
use super::phrase::{is_digits, is_range_separator, lower_is, phrase, roman, Phrase, Tok};
use super::{Decimal, NumberKind};
use std::sync::LazyLock;

use crate::letters::{cyrillic_lower_bytes, strip_prefix_ci, to_lower_str};
use crate::time::words::{self, Ending};
use crate::time::{
    Bound, Clock, DayPart, Duration, Grain, Modifier, Point, Ref, Rel, Season, Timex, Unit, Val,
};

/// The longest temporal expression, in tokens (`2024 жылдың бірінші
/// тоқсанының соңына дейін` has 7; a spaced `16 : 00-ден 18 : 00-ге
/// дейін`, 7).
pub(super) const MAX_TOKENS: usize = 12;

/// A temporal expression: tokens `start..end`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Found {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: NumberKind,
    pub(super) timex: Timex,
}

/// The number read at a token.
#[derive(Clone, Copy, Debug)]
struct Num {
    end: usize,
    /// The value in thousandths (`бір жарым` is 1500), when it is a
    /// non-negative number with at most three decimals.
    milli: Option<u64>,
    ordinal: bool,
    inflected: bool,
    roman: bool,
    /// Written in digits.
    digits: bool,
}

impl Num {
    /// The value when it is a whole number.
    fn int(&self) -> Option<u64> {
        self.milli.filter(|m| m % 1000 == 0).map(|m| m / 1000)
    }
}

struct Cx<'t, 'a> {
    text: &'a str,
    toks: &'t [Tok<'a>],
    /// The number phrase at one token, read already by the caller.
    hint: Option<(usize, Option<Phrase>)>,
}

impl<'a> Cx<'_, 'a> {
    fn t(&self, k: usize) -> &'a str {
        self.toks.get(k).map_or("", |t| t.text)
    }

    fn is(&self, k: usize, words: &[&str]) -> bool {
        let t = self.t(k);
        words.iter().any(|w| lower_is(t, w))
    }

    fn starts(&self, k: usize, stems: &[&str]) -> bool {
        let t = self.t(k);
        stems.iter().any(|s| strip_prefix_ci(t, s).is_some())
    }

    fn num(&self, k: usize) -> Option<Num> {
        let p = match self.hint {
            Some((at, p)) if at == k => p?,
            _ => phrase(self.text, self.toks, k)?,
        };
        if p.percent || p.date {
            return None;
        }
        let milli = p.value.and_then(|v| {
            let m = v.checked_mul(Decimal::from_int(1000))?;
            m.is_integer()
                .then(|| m.to_i128())
                .flatten()
                .and_then(|m| u64::try_from(m).ok())
        });
        Some(Num {
            end: p.end,
            milli,
            ordinal: p.ordinal,
            inflected: p.inflected,
            roman: p.roman,
            digits: self.t(k).as_bytes().first().is_some_and(u8::is_ascii_digit),
        })
    }

    /// The case of token `k` from its last letters, lower case.
    fn ending(&self, k: usize, buf: &'a mut [u8; 64]) -> Ending<'a> {
        let t = self.t(k);
        Ending {
            text: to_lower_str(t, buf).unwrap_or(""),
        }
    }
}

fn point(rel: Rel, year: i32, grain: Grain) -> Point {
    Point {
        rel,
        year,
        grain,
        clock: Clock::None,
    }
}

fn found(start: usize, end: usize, kind: NumberKind, timex: Timex) -> Option<Found> {
    Some(Found {
        start,
        end,
        kind,
        timex,
    })
}

/// The kind of a point: a time when it has a time of day.
fn point_kind(p: &Point) -> NumberKind {
    if p.clock == Clock::None {
        NumberKind::Date
    } else {
        NumberKind::Time
    }
}

/// The temporal expression starting at token `i`, if any, with a second
/// one joined to it as a range: `27-нші наурыз бен 4-інші сәуір
/// аралығында`, `2005 – 2018 жылдар аралығында`.
///
/// `number` is `None` when no number may begin at `i`
/// ([`super::lexicon::may_begin_mention`]), else the number phrase there,
/// which the caller has read (lent: most tokens never read it).
#[inline]
pub(super) fn at(
    text: &str,
    toks: &[Tok],
    i: usize,
    number: &Option<Option<Phrase>>,
) -> Option<Found> {
    // Most tokens begin nothing: no number may begin there and no word
    // that opens an expression does; both rules of `begun_at` need one of
    // them. Tested here, in the caller, such a token does not pay for the
    // call of the large function.
    let start = start_at(toks, i);
    if number.is_none() && start.is_none() {
        return None;
    }
    begun_at(text, toks, i, *number, start)
}

/// [`at`] where a number or a word-led expression (`start`) may begin.
#[inline(never)]
fn begun_at(
    text: &str,
    toks: &[Tok],
    i: usize,
    number: Option<Option<Phrase>>,
    start: Option<(&'static str, Start)>,
) -> Option<Found> {
    let Some(mut f) = led_at(text, toks, i, number, start) else {
        return days_up_to(text, toks, i, number);
    };
    let cx = Cx {
        text,
        toks,
        hint: None,
    };
    let between = |k: usize| cx.starts(k, &["аралығ"]);
    if f.timex.max.is_some() {
        if between(f.end) {
            f.end += 1;
        }
        return Some(f);
    }
    // `2020 жылдан 2025 жылға дейін`, `3 жастан 6 жасқа дейін`,
    // `қаңтардан наурызға дейін`: from one to the other.
    let mut buf = [0u8; 64];
    if f.timex.bound.is_none() && f.end > f.start && cx.ending(f.end - 1, &mut buf).is_ablative() {
        if let Some(g) = one_at(text, toks, f.end, number_at(text, toks, f.end)) {
            let until =
                g.timex.bound == Some(Bound::Until) || g.timex.modifier == Some(Modifier::AtMost);
            let same = g.kind == f.kind
                || matches!((f.kind, g.kind), (NumberKind::Date, NumberKind::Time));
            if until && same && g.timex.max.is_none() {
                f.timex.max = Some(g.timex.value);
                f.timex.modifier = None;
                f.end = g.end;
                return Some(f);
            }
        }
        // `наурыздың 10-ынан 20-сына дейін`: a later day of the same
        // month, owned by it as the first was, up to which.
        if let Val::Point(p) = f.timex.value.0 {
            if let Grain::Day(m, d1) = p.grain {
                if let Some((d2, e)) = possessed_day(&cx, f.end) {
                    if d2 > d1 && cx.is(e, &["дейін", "шейін"]) {
                        let last = Point {
                            grain: Grain::Day(m, d2),
                            ..p
                        };
                        f.timex.max = Some(crate::time::TimexValue(Val::Point(last)));
                        f.end = e + 1;
                        return Some(f);
                    }
                }
            }
        }
    }
    if cx.is(f.end, &["бен", "мен", "пен", "және"]) && f.kind == NumberKind::Date {
        if let Some(g) = one_at(text, toks, f.end + 1, number_at(text, toks, f.end + 1)) {
            if g.kind == f.kind && g.timex.max.is_none() && between(g.end) {
                f.timex.max = Some(g.timex.value);
                f.timex.bound = None;
                f.end = g.end + 1;
            }
        }
    }
    Some(f)
}

/// `10-нан 20 мамырға дейін` (from the 10th to 20 May): a day in the
/// ablative before a later day of a month up to which is the first day of
/// a range in that month. `number` is the number phrase at `i`.
fn days_up_to(text: &str, toks: &[Tok], i: usize, number: Option<Option<Phrase>>) -> Option<Found> {
    let p = number.flatten()?;
    if p.ordinal || p.percent || p.date || p.end <= i {
        return None;
    }
    let cx = Cx {
        text,
        toks,
        hint: Some((i, Some(p))),
    };
    let n = cx.num(i)?;
    let d = n.int().filter(|d| (1..=31).contains(d))?;
    let mut buf = [0u8; 64];
    if !cx.ending(n.end - 1, &mut buf).is_ablative() {
        return None;
    }
    let g = one_at(text, toks, n.end, number_at(text, toks, n.end))?;
    let last = match g.timex.value.0 {
        Val::Point(q) => q,
        _ => return None,
    };
    let Grain::Day(m, d2) = last.grain else {
        return None;
    };
    let up_to = g.timex.bound == Some(Bound::Until) && g.timex.max.is_none();
    if g.kind != NumberKind::Date || g.start != n.end || !up_to || d >= u64::from(d2) {
        return None;
    }
    let first = Point {
        grain: Grain::Day(m, d as u8),
        ..last
    };
    let mut timex = Timex::new(Val::Point(first));
    timex.max = Some(g.timex.value);
    found(i, g.end, NumberKind::Date, timex)
}

/// The `number` argument of [`at`] for token `i`.
fn number_at(text: &str, toks: &[Tok], i: usize) -> Option<Option<Phrase>> {
    let t = toks.get(i)?;
    super::lexicon::may_begin_mention(t.text).then(|| phrase(text, toks, i))
}

fn one_at(text: &str, toks: &[Tok], i: usize, number: Option<Option<Phrase>>) -> Option<Found> {
    led_at(text, toks, i, number, start_at(toks, i))
}

/// The start of a word-led expression that token `i` begins with.
fn start_at(toks: &[Tok], i: usize) -> Option<(&'static str, Start)> {
    let t = toks.get(i)?.text;
    if *t.as_bytes().first()? >= 0xD0 {
        word_start(t)
    } else {
        None
    }
}

/// [`one_at`] with the start of a word-led expression at `i` read already
/// ([`start_at`]).
fn led_at(
    text: &str,
    toks: &[Tok],
    i: usize,
    number: Option<Option<Phrase>>,
    start: Option<(&'static str, Start)>,
) -> Option<Found> {
    let t = toks.get(i)?.text;
    let cx = Cx {
        text,
        toks,
        hint: number.map(|p| (i, p)),
    };
    // An empty token begins nothing.
    t.as_bytes().first()?;
    if number.is_some() {
        if let Some(f) = number_led(&cx, i, i) {
            return Some(f);
        }
    }
    let (start, kind) = start?;
    word_led(&cx, i, start, kind)
}

/// The entries of [`Starts`] that share two first letters, with their
/// lists.
type Entries = Vec<(&'static str, Start)>;

/// Words and stems looked up by their first two letters: the test every
/// token takes before any word list is read.
struct Starts {
    /// The entries by their first two letters (lower case), sorted; longer
    /// entries first within a pair (`кеше` before `кеш`); each with the
    /// table it comes from.
    by_pair: Vec<([char; 2], Entries)>,
    /// For the first letter of a token (its offset in the Cyrillic block,
    /// any case), one more than its row of [`Starts::rows`], or 0 when no
    /// entry begins with the letter: most tokens fail here, before any
    /// lower-casing.
    first: Vec<u16>,
    /// For the second letter (its offset, any case), one more than the
    /// index in `by_pair` of the two letters lowered, or 0: one load where
    /// lowering both letters and a binary search cost some 60
    /// instructions per token.
    rows: Vec<[u16; 256]>,
}

impl Starts {
    fn new(entries: impl IntoIterator<Item = (&'static str, Start)>) -> Starts {
        let mut by_pair: Vec<([char; 2], Entries)> = Vec::new();
        // The pairs of letters, in either case, that begin an entry.
        let mut pairs: Vec<usize> = Vec::new();
        let cases = |c: char| [c, c.to_uppercase().next().unwrap_or(c)];
        for (s, kind) in entries {
            let mut c = s.chars();
            let (Some(a), Some(b)) = (c.next(), c.next()) else {
                continue;
            };
            match by_pair.iter_mut().find(|(k, _)| *k == [a, b]) {
                Some((_, list)) => list.push((s, kind)),
                None => by_pair.push(([a, b], vec![(s, kind)])),
            }
            for a in cases(a) {
                for b in cases(b) {
                    pairs.extend(pair_index(a, b));
                }
            }
        }
        for (_, list) in &mut by_pair {
            list.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        }
        by_pair.sort_by_key(|(k, _)| *k);
        // Each pair is lowered and searched for once, here, as a token
        // that begins with it would be.
        let mut first = vec![0u16; 256];
        let mut rows: Vec<[u16; 256]> = Vec::new();
        // The letter at an offset of the block, lowered from its two bytes.
        let letter =
            |at: usize| cyrillic_lower_bytes(0xD0 | (at >> 6) as u8, 0x80 | (at & 0x3F) as u8);
        for k in pairs {
            let key = [letter(k >> 8), letter(k & 0xFF)];
            let Ok(at) = by_pair.binary_search_by_key(&key, |(k, _)| *k) else {
                continue;
            };
            let (Ok(at), Ok(next_row)) = (u16::try_from(at + 1), u16::try_from(rows.len() + 1))
            else {
                continue;
            };
            if first[k >> 8] == 0 {
                first[k >> 8] = next_row;
                rows.push([0; 256]);
            }
            let row = usize::from(first[k >> 8]) - 1;
            rows[row][k & 0xFF] = at;
        }
        Starts {
            by_pair,
            first,
            rows,
        }
    }

    /// The entry that `t` begins with (any letter case), if any.
    fn find(&self, t: &str) -> Option<(&'static str, Start)> {
        // The bit of the first two letters, read from the bytes: a letter
        // of U+0400..U+04FF is a lead byte 0xD0..=0xD3 and one continuation
        // byte, and any other first or second char has no bit.
        let k = pair_index_of(t)?;
        let row = usize::from(*self.first.get(k >> 8)?).checked_sub(1)?;
        let at = usize::from(*self.rows.get(row)?.get(k & 0xFF)?).checked_sub(1)?;
        // Both letters are of the Cyrillic block (two bytes each), as are
        // the entries' letters, all lower case; only a letter of the block
        // lowers to one (a test checks both), so the rest is compared as
        // bytes, each two-byte letter lowered through the table.
        let rest = t.as_bytes().get(4..)?;
        self.by_pair.get(at)?.1.iter().copied().find(|(s, _)| {
            s.as_bytes()
                .get(4..)
                .is_some_and(|w| lower_starts_cyrillic(rest, w))
        })
    }
}

/// Whether `have` (the bytes of a text) begins, lowered by letter, with
/// `want`: lower-case letters of the Cyrillic block, two bytes each. A
/// char of `have` outside the block fails, since none lowers into it.
#[inline]
fn lower_starts_cyrillic(have: &[u8], want: &[u8]) -> bool {
    have.len() >= want.len()
        && want
            .chunks_exact(2)
            .zip(have.chunks_exact(2))
            .all(|(w, h)| {
                if !(0xD0..=0xD3).contains(&h[0]) {
                    return false;
                }
                let l = cyrillic_lower_bytes(h[0], h[1]) as u32;
                [0xC0 | (l >> 6) as u8, 0x80 | (l & 0x3F) as u8] == [w[0], w[1]]
            })
}

/// [`pair_index`] of the first two chars of `t`, read from its bytes: a
/// letter of U+0400..U+04FF is a lead byte 0xD0..=0xD3 and one
/// continuation byte, and any other first or second char has no bit.
#[inline]
fn pair_index_of(t: &str) -> Option<usize> {
    match t.as_bytes().first_chunk::<4>() {
        Some(&[l1 @ 0xD0..=0xD3, c1, l2 @ 0xD0..=0xD3, c2]) => {
            let index = |lead: u8, cont: u8| usize::from(lead & 3) << 6 | usize::from(cont & 0x3F);
            Some(index(l1, c1) * 256 + index(l2, c2))
        }
        _ => None,
    }
}

/// The bit of two Cyrillic letters in [`Starts::bits`].
fn pair_index(a: char, b: char) -> Option<usize> {
    let cyrillic = |c: char| {
        (0x400..0x500)
            .contains(&(c as u32))
            .then(|| c as usize - 0x400)
    };
    Some(cyrillic(a)? * 256 + cyrillic(b)?)
}

/// The words besides months, seasons, weekdays and units of time that can
/// open a temporal expression without a number.
const OTHER_STARTS: &[&str] = &[
    "алдағы",
    "алғашқы",
    "ағымдағы",
    "биыл",
    "былтыр",
    "бүгін",
    "бүрсігүні",
    "бірнеше",
    "біраз",
    "ертең",
    "жарты",
    "жуық",
    "кеше",
    "келесі",
    "келер",
    "кеш",
    "дәл",
    "ендігі",
    "кем",
    "кемінде",
    "кейінгі",
    "осы",
    "соңғы",
    "таң",
    "тура",
    "түс",
    "түн",
    "шамамен",
    "шамасы",
    "өткен",
    "үстіміздегі",
    "әр",
];

/// Which word list a start comes from: it decides the rules tried.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Start {
    Month,
    Season,
    Weekday,
    Unit,
    Other,
}

/// The entries of a table of [`words`], tagged.
fn tagged<T>(
    table: &'static [(&'static str, T)],
    kind: Start,
) -> impl Iterator<Item = (&'static str, Start)> {
    words::stems(table).map(move |s| (s, kind))
}

/// The starts of word-led expressions.
static WORD_STARTS: LazyLock<Starts> = LazyLock::new(|| {
    Starts::new(
        tagged(words::MONTHS, Start::Month)
            .chain(tagged(words::SEASONS, Start::Season))
            .chain(tagged(words::WEEKDAYS, Start::Weekday))
            .chain(tagged(words::UNITS, Start::Unit))
            .chain(OTHER_STARTS.iter().map(|&s| (s, Start::Other))),
    )
});

/// The words after a number that can make it temporal: months (with
/// `май`, which is May only after a day), units of time, ages, quarters
/// and halves; the marks of years and centuries (`ж.`, `ғ.`) are tested
/// apart.
static AFTER_NUMBER: LazyLock<Starts> = LazyLock::new(|| {
    Starts::new(
        tagged(words::MONTHS, Start::Month)
            .chain(tagged(words::UNITS, Start::Unit))
            .chain(["май", "жас", "жарты", "жұма", "тоқсан"].map(|s| (s, Start::Other))),
    )
});

/// The start of a word-led expression that `t` begins with.
fn word_start(t: &str) -> Option<(&'static str, Start)> {
    WORD_STARTS.find(t)
}

fn may_follow_number(t: &str) -> bool {
    matches!(t, "ж." | "жж." | "ж.ж." | "ж" | "ғ." | "ғғ." | "ғ.ғ.")
        || AFTER_NUMBER.find(t).is_some()
}

/// Reads a date written with separators inside one token: `15.03.2024`,
/// `2024.03.15`, with an ending after a hyphen (`15.03.2024-те`).
fn dotted_date(t: &str) -> Option<Point> {
    let body = t.split('-').next()?;
    let mut parts = body.split(['.', '/']);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    ymd(a, b, c)
}

/// A day from three digit groups, day first (`15 03 2024`) or year first
/// (`2024 03 15`).
fn ymd(a: &str, b: &str, c: &str) -> Option<Point> {
    if !(is_digits(a) && is_digits(b) && is_digits(c)) {
        return None;
    }
    let n = |s: &str| s.parse::<u32>().ok();
    let (y, m, d) = match (a.len(), b.len(), c.len()) {
        (1 | 2, 1 | 2, 4) => (n(c)?, n(b)?, n(a)?),
        (4, 1 | 2, 1 | 2) => (n(a)?, n(b)?, n(c)?),
        _ => return None,
    };
    let date = crate::time::Date::new(y as i32, m as u8, d as u8)?;
    Some(point(
        Rel::Absolute,
        date.year(),
        Grain::Day(date.month(), date.day()),
    ))
}

/// A clock time in digits at `k`: `14:30`, `14 : 30-да` (KazNERD's
/// tokens), `18:00-де`. Returns hour, minute and the end.
fn clock_digits(cx: &Cx, k: usize) -> Option<(u8, u8, usize)> {
    let h = cx.t(k);
    if !(is_digits(h) && h.len() <= 2) || cx.t(k + 1) != ":" {
        return None;
    }
    let m = cx.t(k + 2);
    let digits = m.split('-').next().unwrap_or("");
    if !(is_digits(digits) && digits.len() == 2) {
        return None;
    }
    let (h, m) = (h.parse::<u8>().ok()?, digits.parse::<u8>().ok()?);
    (h <= 24 && m < 60).then_some((h, m, k + 3))
}

/// Hours and minutes written with a period in one token, with or without
/// an ending (`10.30`, `13.00-де`): one or two digits, the period, two
/// digits of minutes. Alone such a token is as often a decimal (`3.14`),
/// so it is read as a time only where a time is expected: after `сағат`
/// or a part of the day, or as both ends of a range (`13.00–14.00`).
fn dotted_clock(t: &str) -> Option<(u8, u8)> {
    // The hours come first: a token that starts with no digit (most of
    // them, words) is none, without splitting it.
    if !t.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let t = t.split('-').next().unwrap_or("");
    let (h, m) = t.split_once('.')?;
    if !(is_digits(h) && (1..=2).contains(&h.len()) && is_digits(m) && m.len() == 2) {
        return None;
    }
    let (h, m) = (h.parse::<u8>().ok()?, m.parse::<u8>().ok()?);
    (h <= 24 && m < 60).then_some((h, m))
}

/// A clock time at `k` after `сағат` or a part of the day: digits with or
/// without minutes (`14:30-да`, `8-де`), or words (`сегізде`, `он сегіз
/// нөл-нөлде`).
fn clock_at(cx: &Cx, k: usize) -> Option<(u8, u8, usize)> {
    if let Some(c) = clock_digits(cx, k) {
        return Some(c);
    }
    // `сағат 10.30-да`: hours and minutes with a period in one token.
    if let Some((h, m)) = dotted_clock(cx.t(k)) {
        return Some((h, m, k + 1));
    }
    // After `сағат` or a part of the day, the case forms of `бір` (alone
    // adverbs: `бірге` together) are the hour one: `сағат бірде`, `түскі
    // бірге дейін`.
    let one = || {
        super::lexicon::one_in_case(cx.t(k)).map(|_| Num {
            end: k + 1,
            milli: Some(1000),
            ordinal: false,
            inflected: true,
            roman: false,
            digits: false,
        })
    };
    let n = cx.num(k).or_else(one)?;
    // `алты жарымда`: half past six.
    let milli = n.milli?;
    let minutes = match milli % 1000 {
        0 => 0,
        500 => 30,
        _ => return None,
    };
    let h = u8::try_from(milli / 1000).ok().filter(|h| *h <= 24)?;
    if n.ordinal {
        return None;
    }
    if !n.inflected && cx.starts(n.end, &["нөл-нөл"]) {
        return Some((h, 0, n.end + 1));
    }
    // `жиырма бір отызда`: the minutes in words after the hour.
    if !n.inflected && !n.digits && minutes == 0 {
        if let Some(m) = cx.num(n.end) {
            if let Some(mm) = m.int().filter(|v| (10..60).contains(v)) {
                if m.inflected && !m.ordinal && !m.digits {
                    return Some((h, mm as u8, m.end));
                }
            }
        }
    }
    Some((h, minutes, n.end))
}

/// A clock time at `k` as the second end of a range: a part of the day,
/// `сағат`, then the time (`кешкі 18:00-ге`, `сағат 18-ге`, `сегізге`).
fn clock_expr(cx: &Cx, k: usize) -> Option<(u8, u8, usize)> {
    let part = words::clock_part(cx.t(k));
    let mut k = if part.is_some() { k + 1 } else { k };
    if cx.is(k, &["сағат"]) {
        k += 1;
    }
    let (h, m, end) = clock_at(cx, k)?;
    Some((part.map_or(h, |p| half_day(p, h)), m, end))
}

/// Sets the hour of a clock time by the part of the day before it: `кешкі
/// 8` is 20:00, `түнгі 12` is 00:00, `түскі 2` is 14:00.
fn half_day(part: DayPart, h: u8) -> u8 {
    match part {
        DayPart::Evening | DayPart::Afternoon if h < 12 => h + 12,
        DayPart::Night if h == 12 => 0,
        DayPart::Night if (7..12).contains(&h) => h + 12,
        // `күндізгі сағат 3` is three in the afternoon.
        DayPart::Daytime if h < 7 => h + 12,
        _ => h,
    }
}

/// `дейін` (until) and its forms.
const UNTIL: &[&str] = &["дейін", "шейін", "дейінгі", "шейінгі"];

/// What follows a point: `-нан бері` (since), `-нан бастап` (since; the
/// word stays outside the span, as KazNERD writes), `-ға дейін`
/// (until), `-нан кейін` (after). Returns the new end and the bound.
fn bounds(cx: &Cx, end: usize) -> (usize, Option<Bound>) {
    let mut buf = [0u8; 64];
    let last = cx.ending(end.wrapping_sub(1), &mut buf);
    if last.is_ablative() {
        if cx.is(end, &["бері", "бергі"]) {
            return (end + 1, Some(Bound::Since));
        }
        if cx.is(end, &["бастап"]) {
            return (end, Some(Bound::Since));
        }
        if cx.is(end, &["кейін", "соң"]) {
            return (end + 1, Some(Bound::After));
        }
    }
    if last.is_dative() && cx.is(end, UNTIL) {
        return (end + 1, Some(Bound::Until));
    }
    (end, None)
}

/// The parts of a year, month or quarter: `басында` (start), `ортасында`
/// (middle), `соңында`, `аяғында` (end), in any case.
fn part_word(cx: &Cx, k: usize) -> Option<Modifier> {
    // The possessive and a case make them parts (`басы`, `басында`); other
    // words begin the same way (`бастап`, `басылған`, `соңынан ерді`
    // aside, `аяқтады`).
    let part = |stem: &str| {
        strip_prefix_ci(cx.t(k), stem)
            .is_some_and(|case| matches!(case, "" | "нда" | "нан" | "на" | "ндағы"))
    };
    if part("басы") {
        Some(Modifier::Start)
    } else if part("ортасы") {
        Some(Modifier::Mid)
    } else if part("соңы") || part("аяғы") {
        Some(Modifier::End)
    } else {
        None
    }
}

/// The first or second half of what the genitive before it names, read
/// from token `k` (`бірінші жартысында`, `алғашқы жартысы`, `екінші`,
/// `соңғы`, and digits whose hyphen stands for the ordinal suffix,
/// `1-жартысында`): its start or end, as TIMEX3 writes a half of a
/// month, decade or century, and the token after it.
fn half_word(cx: &Cx, k: usize) -> Option<(Modifier, usize)> {
    let (first, at) = if cx.is(k, &["бірінші", "алғашқы"]) {
        (true, k + 1)
    } else if cx.is(k, &["екінші", "соңғы"]) {
        (false, k + 1)
    } else if matches!(cx.t(k), "1" | "2") && cx.t(k + 1) == "-" {
        (cx.t(k) == "1", k + 2)
    } else {
        return None;
    };
    if !cx.starts(at, &["жартыс"]) {
        return None;
    }
    let m = if first {
        Modifier::Start
    } else {
        Modifier::End
    };
    Some((m, at + 1))
}

/// After a year (`2024 жылғы`, `өткен жылдың`, `биылғы`): a day and
/// month, a month, a quarter or half, a season, or a part of the year.
/// Returns the refined point, the modifier and the end.
fn within_year(cx: &Cx, k: usize, p: Point) -> (Point, Option<Point>, Option<Modifier>, usize) {
    let mut buf = [0u8; 64];
    // `2021 жылдың 9 айында`, `биылғы сегіз айда`, `жылдың алғашқы алты
    // айында`: the year's first so many months, January to the last of
    // them, as the news counts a year's running figures.
    let first = usize::from(cx.is(k, &["алғашқы"]));
    if let Some(n) = cx.num(k + first).filter(|n| !n.ordinal && !n.inflected) {
        let months = [
            "айда",
            "айында",
            "айдағы",
            "айындағы",
            "айдың",
            "айының",
            "айы",
        ];
        if let Some(m) = n.int().filter(|m| (2..=11).contains(m)) {
            if cx.is(n.end, &months) {
                let month = |m: u8| Point {
                    grain: Grain::Month(m),
                    ..p
                };
                return (month(1), Some(month(m as u8)), None, n.end + 1);
            }
        }
    }
    if let Some(n) = cx.num(k) {
        let day = |n: &Num| n.int().filter(|d| (1..=31).contains(d)).map(|d| d as u8);
        if let Some(d) = day(&n) {
            // `12 мамырда`, and digits whose hyphen stands for the ordinal
            // suffix (`12-мамырда`, the twelfth of May).
            let at = hyphened_ordinal(cx, &n)
                .filter(|&w| words::month(cx.t(w), &mut [0u8; 64]).is_some())
                .unwrap_or(n.end);
            if let Some((m, _)) = words::month(cx.t(at), &mut buf) {
                return (
                    Point {
                        grain: Grain::Day(m, d),
                        ..p
                    },
                    None,
                    None,
                    at + 1,
                );
            }
            // `2024 жылдың 12-13 наурызында`: days of one month; the range
            // keeps the year.
            if !n.inflected && is_range_separator(cx.t(n.end)) {
                if let Some(n2) = cx.num(n.end + 1) {
                    if let (Some(d2), Some((m, _))) =
                        (day(&n2), words::month(cx.t(n2.end), &mut buf))
                    {
                        if d < d2 {
                            let on = |d| Point {
                                grain: Grain::Day(m, d),
                                ..p
                            };
                            return (on(d), Some(on(d2)), None, n2.end + 1);
                        }
                    }
                }
            }
        }
        // `бірінші тоқсанында`, and digits whose hyphen stands for the
        // ordinal suffix (`1-тоқсанында`, as `90-жылдары`).
        let word_at = if n.ordinal {
            Some(n.end)
        } else {
            hyphened_ordinal(cx, &n)
        };
        if let Some(w) = word_at {
            if let Some(q) = n.int().filter(|q| (1..=4).contains(q)) {
                if cx.starts(w, &["тоқсан"]) {
                    return (
                        Point {
                            grain: Grain::Quarter(q as u8),
                            ..p
                        },
                        None,
                        None,
                        w + 1,
                    );
                }
                if q <= 2 && cx.starts(w, &["жарты"]) {
                    return (
                        Point {
                            grain: Grain::Half(q as u8),
                            ..p
                        },
                        None,
                        None,
                        w + 1,
                    );
                }
            }
        }
        return (p, None, None, k);
    }
    if let Some((m, _)) = words::month(cx.t(k), &mut buf) {
        let mut end = k + 1;
        let q = Point {
            grain: Grain::Month(m),
            ..p
        };
        // `қаңтар – мамыр`: the months between; the range keeps the year.
        let mut b2 = [0u8; 64];
        if is_range_separator(cx.t(end)) {
            if let Some((m2, _)) = words::month(cx.t(end + 1), &mut b2) {
                let last = Point {
                    grain: Grain::Month(m2),
                    ..p
                };
                return (q, Some(last), None, end + 2);
            }
        }
        if cx.starts(end, &["айы"]) {
            end += 1;
        }
        return (q, None, None, end);
    }
    // `2023 жылдың қаңтар-наурызында`: a range of months in one token.
    if let Some((m, m2, _)) = words::month_pair(cx.t(k), &mut buf) {
        let month = |m| Point {
            grain: Grain::Month(m),
            ..p
        };
        return (month(m), Some(month(m2)), None, k + 1);
    }
    if let Some((s, _)) = words::season(cx.t(k), &mut buf) {
        return (
            Point {
                grain: Grain::Season(s),
                ..p
            },
            None,
            None,
            k + 1,
        );
    }
    // `жылдың алғашқы тоқсанында`, `соңғы тоқсанында`, `алғашқы
    // жартысында`: the first or last quarter or half (a bare `тоқсан` is
    // ninety).
    if cx.is(k, &["алғашқы", "соңғы"]) {
        let first = cx.is(k, &["алғашқы"]);
        let grain = if cx.starts(k + 1, &["тоқсан"]) && !cx.is(k + 1, &["тоқсан"]) {
            Some(Grain::Quarter(if first { 1 } else { 4 }))
        } else if cx.starts(k + 1, &["жартыс"]) {
            Some(Grain::Half(if first { 1 } else { 2 }))
        } else {
            None
        };
        if let Some(grain) = grain {
            return (Point { grain, ..p }, None, None, k + 2);
        }
    }
    if let Some(m) = part_word(cx, k) {
        return (p, None, Some(m), k + 1);
    }
    (p, None, None, k)
}

/// A point of the year grain, then what follows it: its parts and bounds.
/// A point from token `start` to `end`, with its modifier and the bound
/// that follows it (`-нан бері`, `-ға дейін`).
fn point_found(
    cx: &Cx,
    start: usize,
    end: usize,
    p: Point,
    modifier: Option<Modifier>,
) -> Option<Found> {
    let (end, bound) = bounds(cx, end);
    let mut timex = Timex::new(Val::Point(p));
    timex.modifier = modifier;
    timex.bound = bound;
    found(start, end, point_kind(&p), timex)
}

fn year_point(cx: &Cx, start: usize, k: usize, p: Point, open: bool) -> Option<Found> {
    if !open {
        return point_found(cx, start, k, p, None);
    }
    let (p, last, modifier, end) = within_year(cx, k, p);
    let (end, bound) = bounds(cx, end);
    let mut timex = Timex::new(Val::Point(p));
    timex.max = last.map(|q| crate::time::TimexValue(Val::Point(q)));
    timex.modifier = modifier;
    timex.bound = bound;
    found(start, end, point_kind(&p), timex)
}

/// Whether a year word ending leaves the year open to a part after it:
/// `жылғы`, `жылдың`, `жылы` (`2024 жылы 12 мамырда`), `жыл`.
fn opens(e: Ending<'_>) -> bool {
    e.is_bare()
        || e.is_adjective()
        || e.is_genitive()
        || matches!(e.text, "ы" | "і" | "ғы" | "гі")
        || e.text.ends_with("ы")
}

/// After a date in digits, the year's mark that belongs to it: `ж.`,
/// `жылы`, `жылғы`.
fn year_mark(cx: &Cx, end: usize) -> usize {
    if cx.is(end, &["ж.", "ж", "жылы", "жылғы"]) {
        end + 1
    } else {
        end
    }
}

/// Expressions that start with a number (`start` may be earlier, for a
/// qualifier or `соңғы` before it).
fn number_led(cx: &Cx, start: usize, j: usize) -> Option<Found> {
    let t = cx.t(j);
    // A date in one token: `15.03.2024`.
    if t.bytes().filter(|&b| b == b'.' || b == b'/').count() == 2 {
        let p = dotted_date(t)?;
        return year_point(cx, start, year_mark(cx, j + 1), p, false);
    }
    // A date in five tokens: `2024-03-15`, `15/03/2024`, and the pieces
    // the tagger reads `15.03.2024` in (`15 . 03 . 2024`).
    let sep = cx.t(j + 1);
    if matches!(sep, "-" | "/" | ".") && cx.t(j + 3) == sep {
        let last = cx.t(j + 4).split('-').next().unwrap_or("");
        if let Some(p) = ymd(t, cx.t(j + 2), last) {
            return year_point(cx, start, year_mark(cx, j + 5), p, false);
        }
    }
    // A clock time in digits: `14:30`, `18 : 00-де`.
    if let Some((h, m, end)) = clock_digits(cx, j) {
        return clock_point(cx, start, end, h, m, Rel::Implied);
    }
    // A range of two clock times with periods: `13.00–14.00`, `9.00-18.00`
    // (not before a unit: `1.50–2.00 доллар` is money).
    // Each part is read only when the one before it holds.
    let clocks = dotted_clock(t)
        .filter(|_| is_range_separator(cx.t(j + 1)) && !t.contains('-'))
        .and_then(|first| Some((first, dotted_clock(cx.t(j + 2))?)));
    if let Some(((h1, m1), (h2, m2))) = clocks {
        let unit_after = super::lexicon::unit(cx.t(j + 3)).is_some();
        if !unit_after && (h1, m1) < (h2, m2) {
            let at = |h, m| {
                let mut p = point(Rel::Implied, 0, Grain::None);
                p.clock = Clock::At(h, m);
                p
            };
            let mut timex = Timex::new(Val::Point(at(h1, m1)));
            timex.max = Some(crate::time::TimexValue(Val::Point(at(h2, m2))));
            let (end, bound) = bounds(cx, j + 3);
            timex.bound = bound;
            return found(start, end, NumberKind::Time, timex);
        }
    }
    // Both pairs below are two parts of one token joined by a hyphen: a
    // token without one (most) skips their three readings.
    if t.as_bytes().contains(&b'-') {
        // `екі-үш жылда`, `алты-жеті жыл`: two number words in one token.
        if let Some((n, m)) = word_pair(t, j, false) {
            let mut buf = [0u8; 64];
            let (unit, e) = words::unit(cx.t(j + 1), &mut buf)?;
            return duration(cx, start, n, Some(m), unit, e, j + 1);
        }
        // `X-XII ғасырларда`, `XV-XIII ғғ.`: two Roman numerals in one
        // token; `жетінші-сегізінші ғасырларда`: two ordinals in words.
        if let Some((n, m)) = roman_pair(t, j).or_else(|| word_pair(t, j, true)) {
            return after_number(cx, start, n, Some(m), j + 1);
        }
    }
    let n = cx.num(j)?;
    // A clock time in words: `он сегіз нөл-нөлде` (minutes in words,
    // `жиырма бір отызда`, are read after `сағат` only: alone, two numbers
    // in a row are too often something else).
    if !n.digits && !n.ordinal && !n.inflected && cx.starts(n.end, &["нөл-нөл"]) {
        if let Some(h) = n.int().filter(|h| *h <= 24) {
            return clock_point(cx, start, n.end + 1, h as u8, 0, Rel::Implied);
        }
    }
    // A range of numbers: `2023-2027 жылдары`, `1-10 желтоқсан`, `5 – 6 сағат`.
    let mut second = None;
    let mut end = n.end;
    // `2-тоқсанда` is the second quarter: digits in words' company are not
    // a range up to ninety.
    let quarter_after = hyphened_ordinal(cx, &n).is_some_and(|w| cx.starts(w, &["тоқсан"]))
        && n.int().is_some_and(|q| (1..=4).contains(&q));
    if quarter_after {
        return quarter(cx, start, n, None, end);
    }
    if !n.inflected && is_range_separator(cx.t(end)) {
        if let Some(m) = cx.num(end + 1) {
            second = Some(m);
            end = m.end;
        }
    }
    // `18 бен 30 жас аралығындағы`, `бес пен он жыл аралығында`: between
    // two lengths, joined by `мен`/`бен`/`пен` (and), the unit written once.
    if second.is_none() && !n.inflected && cx.is(end, &["мен", "бен", "пен"]) {
        if let Some(m) = cx.num(end + 1).filter(|m| !m.inflected && !m.ordinal) {
            let mut b2 = [0u8; 64];
            // An age's `жас`, bare, is also the young; between two numbers
            // and before `аралығы` it is the age.
            let unit = match words::unit(cx.t(m.end), &mut b2) {
                Some((u, e)) if e.is_bare() => Some(u),
                _ => cx.is(m.end, &["жас"]).then_some(Unit::Year),
            };
            if let Some(unit) = unit.filter(|_| cx.starts(m.end + 1, &["аралығ"])) {
                let e = Ending { text: "" };
                let mut f = duration(cx, start, n, Some(m), unit, e, m.end)?;
                if f.end == m.end + 1 && f.kind == NumberKind::Duration {
                    f.end += 1;
                    return Some(f);
                }
            }
        }
    }
    // `2023-2024 оқу жылында`, `2024/2025 оқу жылы`: an academic year, two
    // calendar years running into each other.
    if second.is_none() && !n.inflected && cx.t(end) == "/" && cx.is(end + 2, &["оқу"]) {
        if let Some(m) = cx.num(end + 1) {
            second = Some(m);
            end = m.end;
        }
    }
    if let Some(m) = second {
        let years = n
            .int()
            .zip(m.int())
            .filter(|(a, b)| (1000..=2200).contains(a) && *b == a + 1);
        let mut buf = [0u8; 64];
        let year_word = words::unit(cx.t(end + 1), &mut buf).is_some_and(|(u, _)| u == Unit::Year);
        if let Some((a, b)) = years.filter(|_| cx.is(end, &["оқу"]) && year_word) {
            let mut timex = Timex::new(Val::Point(point(Rel::Absolute, a as i32, Grain::Year)));
            timex.max = Some(crate::time::TimexValue(Val::Point(point(
                Rel::Absolute,
                b as i32,
                Grain::Year,
            ))));
            let (end, bound) = bounds(cx, end + 2);
            timex.bound = bound;
            return found(start, end, NumberKind::Date, timex);
        }
    }
    after_number(cx, start, n, second, end)
}

/// Whether the mark of a count before the common era stands right before
/// token `start`: `б.з.б.`, `б.з.д.`, `б.д.д.` in one token or three
/// (`Б. з. б.`), or spelled out (`біздің заманымызға дейін`, `біздің
/// дәуірімізге дейінгі`). Looks back three tokens at most.
fn before_era(cx: &Cx, start: usize) -> bool {
    const MARKS: [&str; 3] = ["б.з.б.", "б.з.д.", "б.д.д."];
    let back = |k: usize| start.checked_sub(k).map_or("", |i| cx.t(i));
    if MARKS.iter().any(|m| lower_is(back(1), m)) {
        return true;
    }
    let (a, b, c) = (back(3), back(2), back(1));
    // The three-token form: each part a letter and its period.
    let (pa, pb, pc) = (
        a.strip_suffix('.'),
        b.strip_suffix('.'),
        c.strip_suffix('.'),
    );
    if let (Some(pa), Some(pb), Some(pc)) = (pa, pb, pc) {
        let same = |m: &str| {
            let mut parts = m.split_terminator('.');
            [pa, pb, pc]
                .iter()
                .all(|p| parts.next().is_some_and(|q| lower_is(p, q)))
        };
        if MARKS.iter().any(|m| same(m)) {
            return true;
        }
    }
    lower_is(a, "біздің")
        && (strip_prefix_ci(b, "заманымыз").is_some() || strip_prefix_ci(b, "дәуіріміз").is_some())
        && (lower_is(c, "дейін") || lower_is(c, "дейінгі"))
}

/// Two Roman numerals joined by a hyphen in one token, a range of
/// centuries or ordinals (`X-XII`, `ІХ-ХІ`), read at token `j`.
fn roman_pair(t: &str, j: usize) -> Option<(Num, Num)> {
    let (a, b) = t.split_once('-')?;
    let (a, b) = (roman(a)?, roman(b)?);
    let num = |v: u32| Num {
        end: j + 1,
        milli: Some(u64::from(v) * 1000),
        ordinal: true,
        inflected: false,
        roman: true,
        digits: false,
    };
    Some((num(a), num(b)))
}

/// The expression a number (and the second end of its range) begins,
/// `end` being the token after them.
fn after_number(
    cx: &Cx,
    start: usize,
    n: Num,
    second: Option<Num>,
    mut end: usize,
) -> Option<Found> {
    let mut buf = [0u8; 64];
    // `90-жылдары`: a hyphen that joins the number to its word, which the
    // tokenizer keeps apart (`90` `-` `жылдары`).
    // The hyphen that stands for the ordinal suffix before a unit or a
    // month (`90-жылдары`, `16-желтоқсанда`: the sixteenth of December).
    if second.is_none()
        && cx.t(end) == "-"
        && (words::unit(cx.t(end + 1), &mut buf).is_some()
            || words::month_after_day(cx.t(end + 1), &mut buf).is_some())
    {
        end += 1;
    }
    // About a number of units: `он шақты жыл бойы` (some ten years),
    // `отызға жуық жыл`, `30-ға тарта жыл` (nearly thirty years): the
    // qualifier stands between the number and its unit.
    let about = (!n.inflected && cx.is(end, &["шақты"]))
        || (n.inflected && !n.ordinal && cx.is(end, &["жуық", "тарта"]));
    if second.is_none() && about {
        let mut b2 = [0u8; 64];
        if let Some((unit, e)) = words::unit(cx.t(end + 1), &mut b2) {
            if !words::is_unit_adjective(e) {
                let mut f = duration(cx, start, n, None, unit, e, end + 1)?;
                if f.kind == NumberKind::Duration && f.timex.modifier.is_none() {
                    f.timex.modifier = Some(Modifier::Approx);
                }
                return Some(f);
            }
        }
    }
    // `10 жұмыс күні ішінде`, `жеті жұмыс күнінде`: working days, given
    // as days (ISO 8601 has no unit of working days).
    if !n.inflected && !n.ordinal && cx.is(end, &["жұмыс"]) {
        let mut b2 = [0u8; 64];
        if let Some((Unit::Day, e)) = words::unit(cx.t(end + 1), &mut b2) {
            if !words::is_unit_adjective(e) {
                return duration(cx, start, n, second, Unit::Day, e, end + 1);
            }
        }
    }
    let last = second.unwrap_or(n);
    let next = cx.t(end);
    // Most numbers are followed by a word that cannot make them temporal.
    if !may_follow_number(next) {
        return None;
    }
    // A day and month: `12 мамырда`, `1-10 желтоқсан`, `бірінші сәуірден`.
    if let Some((month, _)) = words::month_after_day(next, &mut buf) {
        let day = |n: &Num| n.int().filter(|d| (1..=31).contains(d)).map(|d| d as u8);
        let (d1, d2) = (day(&n)?, second.as_ref().map(day));
        if last.inflected && !last.ordinal {
            return None;
        }
        let mut p = point(Rel::Implied, 0, Grain::Day(month, d1));
        let mut end = end + 1;
        if cx.starts(end, &["айы"]) {
            end += 1;
        }
        // A year after: `12 мамыр 2024 жыл`.
        if let Some(y) = cx.num(end).filter(|y| y.digits) {
            if let Some(year) = y.int().filter(|y| (1000..=2200).contains(y)) {
                if words::unit(cx.t(y.end), &mut buf).is_some_and(|(u, _)| u == Unit::Year)
                    || cx.is(y.end, &["ж.", "ж"])
                {
                    p.rel = Rel::Absolute;
                    p.year = year as i32;
                    end = y.end + 1;
                }
            }
        }
        // `25-26 қазан күндері`: a range of days takes `күндері`, as the
        // days a month in the genitive owns do.
        if matches!(d2, Some(Some(_))) && cx.is(end, &["күндері"]) {
            end += 1;
        }
        let (end, bound) = bounds(cx, end);
        let mut timex = Timex::new(Val::Point(p));
        if let Some(Some(d2)) = d2 {
            timex.max = Some(crate::time::TimexValue(Val::Point(Point {
                grain: Grain::Day(month, d2),
                ..p
            })));
        }
        timex.bound = bound;
        return found(start, end, NumberKind::Date, timex);
    }
    // A year, century or duration by its unit word.
    let unit_word = words::unit(next, &mut buf);
    // The plural abbreviations are also written with two periods
    // (`ж.ж.`, `ғ.ғ.`).
    let abbrev_year = cx.is(end, &["ж.", "жж.", "ж.ж.", "ж"]);
    let abbrev_century = cx.is(end, &["ғ.", "ғғ.", "ғ.ғ."]);
    // The forms a year takes and a length of years does not (`479 жылы`,
    // `768-814 жылдары`, `1824 жылғы`, `1950 ж.`): with them, a number of
    // three digits is a year too.
    let year_form = abbrev_year
        || unit_word.is_some_and(|(u, e)| {
            u == Unit::Year && (matches!(e.text, "ы" | "ғы") || e.is_plural())
        });
    // The second year of a range written with its last two digits:
    // `1940 – 50 жылы`, `1853 — 55 ж.`, `1998–02 жылдары`.
    let years = abbrev_year || unit_word.is_some_and(|(u, _)| u == Unit::Year);
    let second = match (n.int(), second) {
        (Some(y1), Some(m)) if years && n.digits && m.digits && (1000..=2200).contains(&y1) => {
            match m.int().filter(|v| *v < 100) {
                Some(yy) => {
                    let mut y2 = y1 - y1 % 100 + yy;
                    if y2 <= y1 {
                        y2 += 100;
                    }
                    Some(Num {
                        milli: Some(y2 * 1000),
                        ..m
                    })
                }
                None => Some(m),
            }
        }
        _ => second,
    };
    // Counted before the common era: after `б.з.б.` (or its spelled-out
    // form), or a range that runs backwards (`б.з.д. XV-XII ғғ.`, where
    // the mark may stand once before a list of ranges).
    let descending = n
        .int()
        .zip(second.and_then(|m| m.int()))
        .is_some_and(|(a, b)| b < a);
    let era = if descending || before_era(cx, start) {
        Rel::BeforeEra
    } else {
        Rel::Absolute
    };
    // A count of years, never a year's name: after `бірнеше` (several
    // hundred, several thousand years), in the ablative before a
    // comparative (`мың жылдан астам`, more than a thousand years), or
    // bare before `бұрын` (`2000 жыл бұрын`, two thousand years ago; a
    // year before which is `2000 жылдан бұрын`).
    let counted = cx.is(start, &["бірнеше"])
        || cx.is(start.wrapping_sub(1), &["бірнеше"])
        || (unit_word.is_some_and(|(_, e)| e.is_ablative())
            && cx.is(end + 1, &["астам", "аса", "артық"]))
        || (unit_word.is_some_and(|(_, e)| e.is_bare()) && cx.is(end + 1, &["бұрын"]));
    let year_like = |n: &Num| {
        n.int().filter(|v| {
            !counted
                && ((1000..=2200).contains(v)
                    || (n.ordinal && *v >= 100)
                    || (year_form && n.digits && (100..1000).contains(v))
                    || (year_form && era == Rel::BeforeEra && (1..=9999).contains(v)))
        })
    };
    // A count of centuries is a length (`екі ғасыр`, `екі ғасырдан
    // кейін`, `2 ғасыр бұрын`, `3 ғасыр бойы`). A number word says which:
    // the ordinal has its suffix (`екінші ғасыр`). Written prose also
    // puts bare digits before `ғасыр` for the ordinal (`19 ғасырда`, `11
    // ғасырдан кейін`, after the 11th century), so digits count only
    // before `бұрын` or `бойы` on the bare unit, which a century is not of
    // itself (before the 2nd century is `2 ғасырдан бұрын`).
    let centuries_counted = !(n.roman || n.ordinal)
        && unit_word.is_some_and(|(u, e)| {
            u == Unit::Century
                && (!n.digits || (e.is_bare() && cx.is(end + 1, &["бұрын", "бұрынғы", "бойы"])))
        });
    if !centuries_counted && (abbrev_century || unit_word.is_some_and(|(u, _)| u == Unit::Century))
    {
        if !(n.roman || n.ordinal || n.digits) {
            return None;
        }
        let c = n.int().filter(|c| (1..=30).contains(c))?;
        let p = point(era, (c as i32 - 1) * 100, Grain::Century);
        let mut timex = Timex::new(Val::Point(p));
        if let Some(c2) = second
            .and_then(|m| m.int())
            .filter(|c| (1..=30).contains(c))
        {
            timex.max = Some(crate::time::TimexValue(Val::Point(point(
                era,
                (c2 as i32 - 1) * 100,
                Grain::Century,
            ))));
        }
        // `XIX ғасырдың басында`, `ХХ ғасырдың екінші жартысында`: a part
        // of the century after its genitive (the halves as its start and
        // end: TIMEX3 has no halves of a century).
        let mut end = end + 1;
        if unit_word.is_some_and(|(_, e)| e.is_genitive()) && second.is_none() {
            if let Some(m) = part_word(cx, end) {
                timex.modifier = Some(m);
                end += 1;
            } else if let Some((m, after)) = half_word(cx, end) {
                // `14 ғасырдың 1-жартысында` too.
                timex.modifier = Some(m);
                end = after;
            }
        }
        let (end, bound) = bounds(cx, end);
        timex.bound = bound;
        return found(start, end, NumberKind::Date, timex);
    }
    if abbrev_year
        || unit_word.is_some_and(|(u, e)| u == Unit::Year && !words::is_unit_adjective(e))
    {
        let plural = unit_word.is_some_and(|(_, e)| e.is_plural()) || cx.is(end, &["жж.", "ж.ж."]);
        let year_end = end + 1;
        // `1990 жылдары`, `90-жылдары`: a decade.
        if plural && second.is_none() {
            if let Some(v) = n.int().filter(|v| v % 10 == 0) {
                let year = match v {
                    10..=90 => Some(1900 + v),
                    1000..=2200 => Some(v),
                    _ => None,
                };
                if let Some(year) = year {
                    let p = point(Rel::Absolute, year as i32, Grain::Decade);
                    // `90-ыншы жылдардың басында`: a part of the decade
                    // after its genitive.
                    let genitive = unit_word.is_some_and(|(_, e)| e.is_genitive());
                    if let Some(m) = part_word(cx, year_end).filter(|_| genitive) {
                        return point_found(cx, start, year_end + 1, p, Some(m));
                    }
                    // `80-жылдардың екінші жартысында`: its start or end.
                    if let Some((m, after)) = half_word(cx, year_end).filter(|_| genitive) {
                        return point_found(cx, start, after, p, Some(m));
                    }
                    return year_point(cx, start, year_end, p, false);
                }
            }
        }
        if let Some(y1) = year_like(&n) {
            let p = point(era, y1 as i32, Grain::Year);
            if let Some(second) = second {
                let y2 = year_like(&second)?;
                let mut timex = Timex::new(Val::Point(p));
                timex.max = Some(crate::time::TimexValue(Val::Point(point(
                    era,
                    y2 as i32,
                    Grain::Year,
                ))));
                let (end, bound) = bounds(cx, year_end);
                timex.bound = bound;
                return found(start, end, NumberKind::Date, timex);
            }
            let open = abbrev_year || unit_word.is_some_and(|(_, e)| opens(e));
            return year_point(cx, start, year_end, p, open);
        }
        // `91-інші жылы`, `тоқсан бірінші жылы`: a year of two digits.
        if let Some(yy) = n.int().filter(|v| (10..=99).contains(v)) {
            if n.ordinal && second.is_none() && !plural {
                let p = point(Rel::Implied, 0, Grain::YearOfCentury(yy as u8));
                let open = unit_word.is_some_and(|(_, e)| opens(e));
                return year_point(cx, start, year_end, p, open);
            }
        }
        if abbrev_year {
            return None;
        }
        if n.ordinal {
            return nth_unit(cx, start, year_end);
        }
    }
    // `31-і күні`, `жиырма үші күні` (on the 23rd): a day of the month in
    // the possessive before `күні`, not a length of days.
    if second.is_none() && !n.ordinal && n.inflected && cx.is(end, &["күні"]) {
        let possessive = super::lexicon::possessed_number(cx.t(n.end - 1));
        if let Some(d) = n.int().filter(|d| (1..=31).contains(d) && possessive) {
            let p = point(Rel::Implied, 0, Grain::Day(0, d as u8));
            return point_found(cx, start, end + 1, p, None);
        }
    }
    if let Some((unit, e)) = unit_word {
        // `200 айлық есептік көрсеткіш`, `100 айлық көрсеткішке` are
        // amounts of the index.
        if n.roman || (unit == Unit::Month && cx.starts(end + 1, &["есептік", "көрсеткіш"]))
        {
            return None;
        }
        if n.ordinal {
            return nth_unit(cx, start, end + 1);
        }
        return duration(cx, start, n, second, unit, e, end);
    }
    if n.ordinal || n.inflected || n.roman {
        return quarter(cx, start, n, second, end);
    }
    // `үш жұма бұрын`: after a number, `жұма` is a week, as in speech.
    if cx.is(end, &["жұма", "жұмадан", "жұмаға", "жұмада"]) {
        let e = Ending { text: "" };
        return duration(cx, start, n, second, Unit::Week, e, end);
    }
    // `үш жасар`, `алпыс жастан`: an age, which KazNERD labels DATE
    // (`жас` alone is also the young).
    let age = [
        "жасар",
        "жасында",
        "жаста",
        "жастағы",
        "жастан",
        "жасқа",
        "жасынан",
        "жасымда",
    ];
    if cx.is(end, &age) {
        let e = Ending { text: "" };
        return duration(cx, start, n, second, Unit::Year, e, end);
    }
    None
}

/// Digits and a hyphen written apart before a word (`1 - тоқсанында`, as
/// the tokenizer gives `1-тоқсанында`): the hyphen stands for the ordinal
/// suffix. The token of the word.
fn hyphened_ordinal(cx: &Cx, n: &Num) -> Option<usize> {
    (n.digits && !n.inflected && cx.t(n.end) == "-").then_some(n.end + 1)
}

/// A quarter or half without a year: `бірінші тоқсанында`, `2-тоқсанда`.
/// A half after a word in the genitive is that thing's half, not the
/// year's (`матчтың екінші жартысында`, `оның бірінші жартысы`): a year,
/// month or century in the genitive takes its half in its own mention. A
/// quarter stays one (`оқу жылының бірінші тоқсанында`, of the school
/// year), where `тоқсан` would otherwise read as ninety.
fn quarter(cx: &Cx, start: usize, n: Num, second: Option<Num>, end: usize) -> Option<Found> {
    let owned = start.checked_sub(1).is_some_and(|k| is_genitive(cx.t(k)));
    if !n.ordinal && second.is_none() {
        let w = hyphened_ordinal(cx, &n)?;
        let q = n.int().filter(|q| (1..=4).contains(q))?;
        if !cx.starts(w, &["тоқсан"]) {
            return None;
        }
        let p = point(Rel::Implied, 0, Grain::Quarter(q as u8));
        return year_point(cx, start, w + 1, p, false);
    }
    if n.ordinal && second.is_none() {
        if let Some(q) = n.int() {
            if (1..=4).contains(&q) && cx.starts(end, &["тоқсан"]) {
                let p = point(Rel::Implied, 0, Grain::Quarter(q as u8));
                return year_point(cx, start, end + 1, p, false);
            }
            // `жартыжылдық`, `жарты жылдық` say the year's half whatever
            // stands before.
            let half_year = cx.starts(end, &["жартыжылды"])
                || (cx.is(end, &["жарты"]) && cx.starts(end + 1, &["жылдық"]));
            if (1..=2).contains(&q) && (half_year || (!owned && cx.starts(end, &["жарты"]))) {
                let mut k = end + 1;
                if cx.is(end, &["жарты"]) && cx.starts(k, &["жылдық"]) {
                    k += 1;
                }
                let p = point(Rel::Implied, 0, Grain::Half(q as u8));
                return year_point(cx, start, k, p, false);
            }
        }
    }
    None
}

/// Two number words joined by a hyphen in one token, a range of two
/// neighbours (`екі-үш`, `төрт-бес`), or of two ordinals when `ordinal`
/// (`жетінші-сегізінші`, `бесінші-алтыншы`): the first bare and smaller,
/// read at token `j`.
fn word_pair(t: &str, j: usize, ordinal: bool) -> Option<(Num, Num)> {
    let (a, b) = t.split_once('-')?;
    let (a, b) = (number_word(a)?, number_word(b)?);
    let fits = |w: &super::lexicon::NumWord| {
        (w.role == super::lexicon::Role::Unit || w.role == super::lexicon::Role::Ten)
            && w.ordinal == ordinal
    };
    if !(fits(&a) && fits(&b)) || a.inflected || a.value >= b.value {
        return None;
    }
    let num = |w: &super::lexicon::NumWord| Num {
        end: j + 1,
        milli: Some(u64::from(w.value) * 1000),
        ordinal,
        inflected: w.inflected,
        roman: false,
        digits: false,
    };
    Some((num(&a), num(&b)))
}

/// `бірінші жылы`, `екінші күні`, `26-ншы апта`: the so-manieth year or
/// day of something the text names, which KazNERD labels DATE; its place
/// in the calendar is not in the words, so it has no value.
fn nth_unit(cx: &Cx, start: usize, end: usize) -> Option<Found> {
    let (end, bound) = bounds(cx, end);
    let mut timex = Timex::unknown();
    timex.bound = bound;
    found(start, end, NumberKind::Date, timex)
}

/// A clock time and what may follow it (a range to another, a bound).
fn clock_point(cx: &Cx, start: usize, end: usize, h: u8, m: u8, rel: Rel) -> Option<Found> {
    let mut p = point(rel, 0, Grain::None);
    p.clock = Clock::At(h % 24, m);
    clock_found(cx, start, end, p)
}

fn clock_found(cx: &Cx, start: usize, end: usize, p: Point) -> Option<Found> {
    let mut buf = [0u8; 64];
    let mut timex = Timex::new(Val::Point(p));
    let mut end = end;
    // `13:00-14:00`, `13:00 – 14:00 аралығында`: two clock times in
    // digits joined by a dash, the first bare.
    if is_digits(cx.t(end - 1)) && is_range_separator(cx.t(end)) {
        if let Some((h2, m2, e2)) = clock_digits(cx, end + 1) {
            let mut q = p;
            q.clock = Clock::At(h2 % 24, m2);
            timex.max = Some(crate::time::TimexValue(Val::Point(q)));
            end = e2;
            if cx.starts(end, &["аралығ"]) {
                end += 1;
            }
            let (end, bound) = bounds(cx, end);
            timex.bound = bound;
            return found(start, end, NumberKind::Time, timex);
        }
    }
    // `16:00-ден 18:00-ге дейін`, `таңғы тоғыздан кешкі сегізге дейін`.
    if cx.ending(end - 1, &mut buf).is_ablative() {
        if let Some((h2, m2, e2)) = clock_expr(cx, end) {
            let mut buf2 = [0u8; 64];
            if cx.ending(e2 - 1, &mut buf2).is_dative() && cx.is(e2, UNTIL) {
                let mut q = p;
                q.clock = Clock::At(h2 % 24, m2);
                timex.max = Some(crate::time::TimexValue(Val::Point(q)));
                return found(start, e2 + 1, NumberKind::Time, timex);
            }
        }
    }
    if cx.is(end, &["шамасында", "шамасы"]) {
        timex.modifier = Some(Modifier::Approx);
        end += 1;
    }
    let (end, bound) = bounds(cx, end);
    timex.bound = bound;
    found(start, end, NumberKind::Time, timex)
}

/// A length of time: `3 жылға`, `5 – 6 сағат`, `бір жарым жыл`, and what
/// follows it (`бұрын` and `кейін` make it a point; `сайын` a set;
/// qualifiers a modifier).
#[allow(clippy::too_many_arguments)]
fn duration(
    cx: &Cx,
    start: usize,
    n: Num,
    second: Option<Num>,
    unit: Unit,
    e: Ending<'_>,
    unit_at: usize,
) -> Option<Found> {
    let mut end = unit_at + 1;
    let mut buf = [0u8; 64];
    // `5 сағат 30 минут`, `2 жыл 3 ай`: a length in a unit and the next
    // smaller one, counted in the smaller (PT330M, P27M); read before
    // what follows it, which then follows the smaller unit (`1 сағат 30
    // минут бұрын`, `2 жыл 3 ай бұрын`).
    let mut buf2 = [0u8; 64];
    let (mut n, mut unit, mut e) = (n, unit, e);
    if second.is_none() && e.is_bare() && n.int().is_some() {
        if let Some(m) = cx.num(end).filter(|m| !m.inflected && !m.ordinal) {
            if let Some((u2, e2)) = words::unit(cx.t(m.end), &mut buf2) {
                let factor = match (unit, u2) {
                    (Unit::Year, Unit::Month) => 12,
                    (Unit::Hour, Unit::Minute) | (Unit::Minute, Unit::Second) => 60,
                    (Unit::Week, Unit::Day) => 7,
                    (Unit::Day, Unit::Hour) => 24,
                    _ => 0,
                };
                let small = m.int().filter(|v| *v < factor);
                let total = n
                    .int()
                    .zip(small)
                    .and_then(|(a, b)| a.checked_mul(factor)?.checked_add(b))
                    .and_then(|t| t.checked_mul(1000));
                if let Some(milli) = total {
                    n.milli = Some(milli);
                    n.end = m.end;
                    unit = u2;
                    e = e2;
                    end = m.end + 1;
                }
            }
        }
    }
    // `3 жыл бұрын` (three years ago), `2 күннен кейін` (in two days).
    let shift = if cx.is(end, &["бұрын", "бұрынғы"]) {
        Some(-1i64)
    } else if e.is_ablative() && cx.is(end, &["кейін", "соң"]) {
        Some(1)
    } else {
        None
    };
    if let Some(sign) = shift {
        let shifted = |n: &Num| -> Val {
            // Half a year or a year and a half back or on is a whole
            // number of months (`бір жарым жыл бұрын`, 18 months ago).
            let half_years =
                unit == Unit::Year && n.milli.is_some_and(|m| m % 500 == 0 && m % 1000 != 0);
            let (unit, amount) = if half_years {
                let months = n.milli.map(|m| m / 1000 * 12 + 6);
                (Unit::Month, months.and_then(|v| i16::try_from(v).ok()))
            } else {
                (unit, n.int().and_then(|v| i16::try_from(v).ok()))
            };
            let rel = amount.and_then(|a| {
                let a = (sign as i16).checked_mul(a)?;
                match unit {
                    Unit::Year => Some((Rel::Year(a), Grain::Year)),
                    Unit::Month => Some((Rel::Month(a), Grain::Month(0))),
                    Unit::Week => Some((Rel::Week(a), Grain::Week(0))),
                    Unit::Day => Some((Rel::Day(a), Grain::Day(0, 0))),
                    _ => None,
                }
            });
            match rel {
                Some((rel, grain)) => Val::Point(point(rel, 0, grain)),
                None if sign < 0 => Val::Ref(Ref::Past),
                None => Val::Ref(Ref::Future),
            }
        };
        let kind = if unit.is_clock() {
            NumberKind::Time
        } else {
            NumberKind::Date
        };
        // `отыз – қырық жыл бұрын`: from forty to thirty years back.
        let timex = match second {
            Some(m) => {
                let (first, last) = if sign < 0 { (m, n) } else { (n, m) };
                let mut t = Timex::new(shifted(&first));
                t.max = Some(crate::time::TimexValue(shifted(&last)));
                t
            }
            None => Timex::new(shifted(&n)),
        };
        return found(start, end + 1, kind, timex);
    }
    let dur = |m: &Num| {
        Val::Duration(Duration {
            milli: m.milli,
            unit,
        })
    };
    let mut timex = Timex::new(dur(&n));
    if let Some(m) = second {
        timex.max = Some(crate::time::TimexValue(dur(&m)));
    }
    if cx.starts(end, &["сайын"]) {
        return found(start, end + 1, NumberKind::Set, timex);
    }
    // `5 жыл бойы`, `2 аптаның ішінде`.
    if cx.is(end, &["бойы", "бойына", "ішінде", "ішінен", "ішіндегі"])
    {
        end += 1;
    }
    if words::is_about(e) {
        timex.modifier = Some(Modifier::Approx);
    }
    let last = cx.ending(end - 1, &mut buf);
    let (ablative, dative) = (last.is_ablative(), last.is_dative());
    if ablative && cx.is(end, &["астам", "аса", "артық", "көп"]) {
        timex.modifier = Some(Modifier::MoreThan);
        end += 1;
    } else if ablative && cx.is(end, &["кем", "аз"]) {
        timex.modifier = Some(Modifier::LessThan);
        end += 1;
    } else if dative && cx.is(end, UNTIL) {
        timex.modifier = Some(Modifier::AtMost);
        end += 1;
    } else if ablative && cx.is(end, &["бері"]) {
        timex.bound = Some(Bound::Since);
        end += 1;
    } else if cx.is(
        end,
        &["шамасында", "шамасы", "жуық", "шақты", "тарта", "қаралы"],
    ) {
        timex.modifier = Some(Modifier::Approx);
        end += 1;
    }
    found(start, end, NumberKind::Duration, timex)
}

/// A qualifier before a number: `шамамен`, `кемінде`.
fn qualified(cx: &Cx, i: usize) -> Option<Found> {
    let before = qualifier_before(cx.t(i))?;
    let mut f = number_led(cx, i, i + 1)?;
    if f.timex.modifier.is_none() {
        f.timex.modifier = Some(match before {
            super::Approx::Over => Modifier::AtLeast,
            _ => Modifier::Approx,
        });
    }
    Some(f)
}

/// Expressions that start with a word; `start` is the entry of
/// [`WORD_STARTS`] the word begins with and `kind` its list, which decide
/// the rules tried.
fn word_led(cx: &Cx, i: usize, start: &str, kind: Start) -> Option<Found> {
    let t = cx.t(i);
    let mut buf = [0u8; 64];
    let from = |starts: &[&str]| starts.contains(&start);
    // Qualifiers and quantifiers before a number or unit.
    if from(&["шамамен", "кемінде", "шамасы", "жуық"]) {
        return qualified(cx, i);
    }
    // `кемі бес жыл` (at least five years).
    if from(&["кем"]) && cx.is(i, &["кемі"]) {
        return qualified(cx, i);
    }
    // `тура екі ай бұрын`, `дәл осы күні`: exactly; the word is in the
    // mention (as KazNERD spans it), the value is the expression's.
    // One such word only: `тура тура …` is not read on (each would read
    // the rest again).
    if from(&["тура", "дәл"]) && cx.is(i, &["тура", "дәл"]) && !cx.is(i + 1, &["тура", "дәл"])
    {
        let word = || {
            let (start, kind) = word_start(cx.t(i + 1))?;
            word_led(cx, i + 1, start, kind).filter(|f| f.start == i + 1)
        };
        let mut f = number_led(cx, i, i + 1).or_else(word)?;
        f.start = i;
        return Some(f);
    }
    // `кем дегенде үш жыл` (at least three years).
    if from(&["кем"]) && cx.is(i, &["кем"]) && cx.is(i + 1, &["дегенде"]) {
        let mut f = number_led(cx, i, i + 2)?;
        if f.timex.modifier.is_none() {
            f.timex.modifier = Some(Modifier::AtLeast);
        }
        return Some(f);
    }
    // `алғашқы тоқсанда` (in the first quarter), `соңғы тоқсанында`,
    // `алғашқы жартыжылдықта`: the first or last quarter or half of the
    // year. `тоқсан` has its ending: bare (`соңғы тоқсан жылда`, the last
    // ninety years) or ordinal it is a number.
    if from(&["алғашқы", "соңғы"]) && cx.is(i, &["алғашқы", "соңғы"]) {
        let first = cx.is(i, &["алғашқы"]);
        let next = cx.t(i + 1);
        let grain = if cx.starts(i + 1, &["тоқсан"])
            && !cx.is(i + 1, &["тоқсан"])
            && !cx.starts(i + 1, &["тоқсаныншы"])
        {
            Some(Grain::Quarter(if first { 1 } else { 4 }))
        } else if cx.starts(i + 1, &["жартыжылдық"]) {
            Some(Grain::Half(if first { 1 } else { 2 }))
        } else {
            None
        };
        let unit_after = words::unit(cx.t(i + 2), &mut buf).is_some();
        if let Some(grain) = grain.filter(|_| !unit_after && !next.contains('-')) {
            return year_point(cx, i, i + 2, point(Rel::Implied, 0, grain), false);
        }
    }
    // `өткен ғасырдың елуінші жылдары`: a decade of the last century,
    // which a decade of two digits is read in already (195X).
    if from(&["өткен"]) && cx.is(i, &["өткен"]) && cx.is(i + 1, &["ғасырдың"]) {
        if let Some(mut f) = number_led(cx, i + 2, i + 2) {
            let decade = matches!(f.timex.value.0, Val::Point(p) if p.grain == Grain::Decade && p.year < 2000);
            if decade && f.start == i + 2 {
                f.start = i;
                return Some(f);
            }
        }
    }
    let shift = from(&["соңғы", "алдағы", "кейінгі", "өткен", "келесі"]);
    if shift && cx.is(i, &["соңғы", "алдағы", "кейінгі", "өткен", "келесі"])
    {
        if let Some(f) = number_led(cx, i, i + 1) {
            if f.kind == NumberKind::Duration {
                return Some(f);
            }
        }
    }
    if shift && cx.is(i, &["соңғы", "алдағы"]) {
        // `соңғы бірнеше күнде`, `соңғы аптаның ішінде` (the last week).
        if cx.is(i + 1, &["бірнеше", "біраз"]) {
            if let Some(mut f) = word_led(cx, i + 1, "бірнеше", Start::Other) {
                f.start = i;
                return Some(f);
            }
        }
        if let Some((unit, e)) = words::unit(cx.t(i + 1), &mut buf) {
            let within = e.is_genitive()
                || e.is_ablative()
                || ["да", "де", "та", "те"].iter().any(|l| e.text.ends_with(l));
            if within && !e.is_plural() && !words::is_unit_adjective(e) && unit != Unit::Hour {
                let n = Num {
                    end: i + 1,
                    milli: Some(1000),
                    ordinal: false,
                    inflected: false,
                    roman: false,
                    digits: false,
                };
                return duration(cx, i, n, None, unit, e, i + 1);
            }
        }
    }
    // `соңғы жылдары` (in recent years), `соңғы күндері`, `алдағы
    // айларда`, `кейінгі жылдары`, `өткен жылдармен`: the plural of a unit
    // of time after a word that places it refers to the past or future
    // without saying how far. `соңғы уақытта`, `алдағы уақытта` are left to
    // the reader, as KazNERD leaves them.
    if shift && cx.is(i, &["соңғы", "алдағы", "кейінгі", "өткен"]) {
        let future = cx.is(i, &["алдағы"]);
        let refers = words::unit(cx.t(i + 1), &mut buf).is_some_and(|(u, e)| {
            matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Day)
                && e.is_plural()
                && !words::is_unit_adjective(e)
        });
        if refers {
            let r = if future { Ref::Future } else { Ref::Past };
            return found(i, i + 2, NumberKind::Date, Timex::new(Val::Ref(r)));
        }
    }
    if from(&["бірнеше", "біраз"]) && cx.is(i, &["бірнеше", "біраз"]) {
        // `бірнеше жүз жыл` (several hundred years): more than the
        // hundred, the word in the mention.
        if cx.is(i, &["бірнеше"]) && super::lexicon::several_of(cx.t(i + 1)) {
            let mut f = number_led(cx, i, i + 1)?;
            if f.timex.modifier.is_none() {
                f.timex.modifier = Some(Modifier::MoreThan);
            }
            return Some(f);
        }
        let (unit, e) = words::unit(cx.t(i + 1), &mut buf)?;
        let n = Num {
            end: i + 1,
            milli: None,
            ordinal: false,
            inflected: false,
            roman: false,
            digits: false,
        };
        return duration(cx, i, n, None, unit, e, i + 1);
    }
    if start == "жарты" && cx.is(i, &["жарты"]) {
        let (unit, e) = words::unit(cx.t(i + 1), &mut buf)?;
        if words::is_unit_adjective(e) {
            return None;
        }
        let n = Num {
            end: i + 1,
            milli: Some(500),
            ordinal: false,
            inflected: false,
            roman: false,
            digits: false,
        };
        return duration(cx, i, n, None, unit, e, i + 1);
    }
    // `сағат 14:30-да`, `сағат сегізде`, `сағат сайын`.
    if start == "сағат" && cx.is(i, &["сағат"]) {
        if cx.starts(i + 1, &["сайын"]) {
            let d = Duration {
                milli: Some(1000),
                unit: Unit::Hour,
            };
            return found(i, i + 2, NumberKind::Set, Timex::new(Val::Duration(d)));
        }
        // The word `сағат` (o'clock) stays outside the span, as in KazNERD.
        let (h, m, end) = clock_at(cx, i + 1)?;
        return clock_point(cx, i + 1, end, h, m, Rel::Implied);
    }
    // `таңғы сағат 8-де`, `кешкі 9-да`, `таңғы жетіден бері`.
    let part_of_day = from(&["таң", "түс", "түн", "кеш", "күн"]);
    if let Some(part) = part_of_day.then(|| words::clock_part(t)).flatten() {
        let k = if cx.is(i + 1, &["сағат"]) {
            i + 2
        } else {
            i + 1
        };
        if let Some((h, m, end)) = clock_at(cx, k) {
            return clock_point(cx, i, end, half_day(part, h), m, Rel::Implied);
        }
    }
    // `кешкісін сағат 10-да`, `таңертең сағат 8-де`.
    if let Some(part) = part_of_day.then(|| words::clock_adverb(t)).flatten() {
        if cx.is(i + 1, &["сағат"]) {
            if let Some((h, m, end)) = clock_at(cx, i + 2) {
                return clock_point(cx, i, end, half_day(part, h), m, Rel::Implied);
            }
        }
    }
    if from(&["бүгін", "кеше", "ертең", "бүрсігүні"]) {
        if let Some(f) = relative_day(cx, i) {
            return Some(f);
        }
    }
    if from(&[
        "биыл",
        "былтыр",
        "өткен",
        "келесі",
        "келер",
        "ендігі",
        "алдағы",
        "осы",
        "ағымдағы",
        "үстіміздегі",
    ]) {
        if let Some(f) = relative_year(cx, i) {
            return Some(f);
        }
    }
    // `жылдан-жылға`, `күнде-күнде`: year after year.
    if let Some((a, b)) = t.split_once('-') {
        let mut b2 = [0u8; 64];
        let first = words::unit(a, &mut buf).map(|(u, _)| u);
        if first.is_some() && first == words::unit(b, &mut b2).map(|(u, _)| u) {
            let d = Duration {
                milli: Some(1000),
                unit: first.unwrap_or(Unit::Year),
            };
            return found(i, i + 1, NumberKind::Set, Timex::new(Val::Duration(d)));
        }
        if kind == Start::Month {
            // `қаңтар-маусым`: a range of months in one token.
            return month_alone(cx, i);
        }
        if kind == Start::Weekday {
            return weekday_pair(cx, i, a, b);
        }
        return day_part_alone(cx, i);
    }
    // `жыл сайын`, `күн сайын`, `тәулік бойы`, `жылдың басынан бері`.
    let unit_start = kind == Start::Unit;
    if let Some((unit, e)) = unit_start.then(|| words::unit(t, &mut buf)).flatten() {
        let one = Duration {
            milli: Some(1000),
            unit,
        };
        if cx.starts(i + 1, &["сайын"]) {
            return found(i, i + 2, NumberKind::Set, Timex::new(Val::Duration(one)));
        }
        if matches!(unit, Unit::Day | Unit::Year) && cx.is(i + 1, &["бойы", "бойына"]) {
            // `жылдар бойы`: for years, how many unsaid.
            let d = if e.is_plural() {
                Duration { milli: None, unit }
            } else {
                one
            };
            return found(i, i + 2, NumberKind::Duration, Timex::new(Val::Duration(d)));
        }
        if unit == Unit::Year && (e.is_bare() || e.is_genitive()) {
            // `жылдың екінші жартысында`, `жылдың қаңтарында`: a part of
            // the current year. A month owned by the year is in the
            // genitive; after the bare word it heads a compound of its own
            // (`жыл маусымы`, the season of the year).
            let p = point(Rel::Year(0), 0, Grain::Year);
            if part_word(cx, i + 1).is_none() && e.is_genitive() {
                let f = year_point(cx, i, i + 1, p, true)?;
                return (f.end > i + 1).then_some(f);
            }
            if let Some(m) = part_word(cx, i + 1) {
                let p = point(Rel::Year(0), 0, Grain::Year);
                let (end, bound) = bounds(cx, i + 2);
                let mut timex = Timex::new(Val::Point(p));
                timex.modifier = Some(m);
                timex.bound = bound;
                return found(i, end, NumberKind::Date, timex);
            }
        }
        // `аптаның соңында`, `ай соңына дейін`, `айдың басында`: a part of
        // the current week or month, as of the year above.
        let current = match unit {
            Unit::Month => Some((Rel::Month(0), Grain::Month(0))),
            Unit::Week => Some((Rel::Week(0), Grain::Week(0))),
            _ => None,
        };
        if let Some((rel, grain)) = current.filter(|_| e.is_bare() || e.is_genitive()) {
            if let Some(m) = part_word(cx, i + 1) {
                let (end, bound) = bounds(cx, i + 2);
                let mut timex = Timex::new(Val::Point(point(rel, 0, grain)));
                timex.modifier = Some(m);
                timex.bound = bound;
                return found(i, end, NumberKind::Date, timex);
            }
        }
        return day_part_alone(cx, i);
    }
    if start == "күн" && cx.is(i, &["күнделікті"]) {
        let d = Duration {
            milli: Some(1000),
            unit: Unit::Day,
        };
        return found(i, i + 1, NumberKind::Set, Timex::new(Val::Duration(d)));
    }
    if start == "әр" && cx.is(i, &["әр"]) {
        let (unit, _) = words::unit(cx.t(i + 1), &mut buf)?;
        let d = Duration {
            milli: Some(1000),
            unit,
        };
        return found(i, i + 2, NumberKind::Set, Timex::new(Val::Duration(d)));
    }
    if kind == Start::Month {
        return month_alone(cx, i);
    }
    let season = kind == Start::Season;
    if let Some((s, e)) = season.then(|| words::season(t, &mut buf)).flatten() {
        let mut end = i + 1;
        if cx.is(end, &["бойы", "бойына", "айларында", "айлары"])
            || (e.is_genitive() && cx.starts(end, &["күні", "күндері"]))
        {
            end += 1;
        }
        // `жаздың алғашқы айы` (the first month of summer, June),
        // `көктемнің алғашқы күні` (its first day, 1 March), `күздің соңғы
        // айында` (November): a month or day of the season after its
        // genitive.
        if e.is_genitive() && end == i + 1 && cx.is(end, &["алғашқы", "соңғы"]) {
            let first = cx.is(end, &["алғашқы"]);
            let months = s.months();
            let month = if first { months.0 } else { months.1 };
            let month_word = ["айы", "айын", "айында", "айынан", "айына"];
            let day_word = ["күні", "күнін", "күнінде", "күнінен", "күніне"];
            let grain = if cx.is(end + 1, &month_word) {
                Some(Grain::Month(month))
            } else if first && cx.is(end + 1, &day_word) {
                Some(Grain::Day(month, 1))
            } else {
                None
            };
            if let Some(grain) = grain {
                return year_point(cx, i, end + 2, point(Rel::Implied, 0, grain), false);
            }
        }
        // `жаздың соңына`, `көктемнің басында`: a part of the season
        // after its genitive.
        if let Some(m) = part_word(cx, end).filter(|_| e.is_genitive() && end == i + 1) {
            let p = point(Rel::Implied, 0, Grain::Season(s));
            return point_found(cx, i, end + 1, p, Some(m));
        }
        return year_point(cx, i, end, point(Rel::Implied, 0, Grain::Season(s)), false);
    }
    let weekday = kind == Start::Weekday;
    if let Some((wd, _)) = weekday.then(|| words::weekday(t, &mut buf)).flatten() {
        // `жұма` is also the Friday prayer and, in speech, a week: only
        // the forms of a day are read.
        let friday = [
            "жұмада",
            "жұмадан",
            "жұмаға",
            "жұмасы",
            "жұмасында",
            "жұмаға дейін",
        ];
        if wd == 5 && !cx.is(i, &friday) {
            return None;
        }
        return year_point(
            cx,
            i,
            i + 1,
            point(Rel::Implied, 0, Grain::Weekday(wd)),
            false,
        );
    }
    if part_of_day {
        return day_part_alone(cx, i);
    }
    None
}

/// `сенбі-жексенбі күндері`: a range of two weekdays in one token (`a`,
/// bare, and `b`), with `күндері` after it in the mention.
fn weekday_pair(cx: &Cx, i: usize, a: &str, b: &str) -> Option<Found> {
    let (mut b1, mut b2) = ([0u8; 64], [0u8; 64]);
    let (w1, _) = words::weekday(a, &mut b1).filter(|(_, e)| e.is_bare())?;
    let (w2, _) = words::weekday(b, &mut b2)?;
    if w1 >= w2 {
        return None;
    }
    let mut end = i + 1;
    if cx.starts(end, &["күндері", "күні"]) {
        end += 1;
    }
    let mut timex = Timex::new(Val::Point(point(Rel::Implied, 0, Grain::Weekday(w1))));
    timex.max = Some(crate::time::TimexValue(Val::Point(point(
        Rel::Implied,
        0,
        Grain::Weekday(w2),
    ))));
    let (end, bound) = bounds(cx, end);
    timex.bound = bound;
    found(i, end, NumberKind::Date, timex)
}

/// `бүгін`, `кеше`, `ертең`, `бүрсігүні` and their forms.
fn relative_day(cx: &Cx, i: usize) -> Option<Found> {
    let t = cx.t(i);
    if lower_is(t, "бүгін-ертең") {
        return found(
            i,
            i + 1,
            NumberKind::Date,
            Timex::new(Val::Ref(Ref::Future)),
        );
    }
    let mut buf = [0u8; 64];
    let (n, e) = words::day_word(t, &mut buf)?;
    // `бүгінде`: nowadays.
    if n == 0 && matches!(e.text, "де" | "дері") {
        return found(
            i,
            i + 1,
            NumberKind::Date,
            Timex::new(Val::Ref(Ref::Present)),
        );
    }
    let mut end = i + 1;
    if e.is_adjective() {
        // `бүгінгі таңда` (nowadays), and its adjective `бүгінгі таңдағы`.
        if n == 0 && cx.is(end, &["таңда", "таңдағы", "кезде", "уақытта"]) {
            return found(
                i,
                end + 1,
                NumberKind::Date,
                Timex::new(Val::Ref(Ref::Present)),
            );
        }
        let mut b2 = [0u8; 64];
        if words::unit(cx.t(end), &mut b2).is_some_and(|(u, _)| u == Unit::Day) {
            end += 1;
        }
    }
    // A time of day after the day (`кеше кешке`, `бүгін сағат 16:00-де`)
    // is a mention of its own, as KazNERD writes them; anchored, it falls
    // on the document's day.
    let p = point(Rel::Day(n), 0, Grain::Day(0, 0));
    let (end, bound) = bounds(cx, end);
    let mut timex = Timex::new(Val::Point(p));
    timex.bound = bound;
    found(i, end, point_kind(&p), timex)
}

/// `биыл`, `былтыр`, `өткен жылы`, `келесі айда`, `осы аптада`, `өткен
/// түні`, and the parts of the year after them.
fn relative_year(cx: &Cx, i: usize) -> Option<Found> {
    let t = cx.t(i);
    let mut buf = [0u8; 64];
    if let Some((n, e)) = words::year_word(t, &mut buf) {
        let p = point(Rel::Year(n), 0, Grain::Year);
        let mut k = i + 1;
        // `биылғы жылдың 9-ыншы маусымы` is one date; after a bare `биыл`
        // a date is a mention of its own (`биыл алғашқы тоқсанда`), as
        // KazNERD writes them.
        let mut open = e.is_adjective() || e.is_genitive();
        let mut b2 = [0u8; 64];
        // After a bare `биыл` (this year), `жыл басынан бері`, `жыл соңына
        // дейін` are mentions of their own, as KazNERD spans them, and
        // their value (this year) is right alone; after `былтыр` (last
        // year) only the joined mention says which year's end it is.
        let this_year = e.is_bare() && n == 0;
        if e.is_adjective() || (e.is_bare() && !this_year) {
            if let Some((Unit::Year, e2)) = words::unit(cx.t(k), &mut b2) {
                k += 1;
                open = opens(e2);
            }
        }
        return year_point(cx, i, k, p, open);
    }
    // `өткен`, `осы`, `келесі` are common words; only a temporal word after
    // them is read further.
    word_start(cx.t(i + 1))?;
    let n = words::shift_word(t)?;
    let mut b2 = [0u8; 64];
    if let Some(part) = words::day_part(cx.t(i + 1)) {
        if n == -1 && cx.starts(i + 1, &["түн"]) {
            let mut p = point(Rel::Day(-1), 0, Grain::Day(0, 0));
            p.clock = Clock::Part(part);
            return found(i, i + 2, NumberKind::Time, Timex::new(Val::Point(p)));
        }
    }
    // `өткен сенбіде`, `осы күзде`.
    if let Some((wd, _)) = words::weekday(cx.t(i + 1), &mut b2) {
        let p = point(Rel::Week(n), 0, Grain::Weekday(wd));
        return year_point(cx, i, i + 2, p, false);
    }
    // `өткен`, `келесі`, `алдағы` before a month or a season mean the
    // nearest one before or after the present (`өткен ақпанда` in June
    // is the February of the same year), while `былтырғы` names the year
    // before and `осы`, `биылғы` this year. Winter, which spans two
    // years, keeps the year so placed.
    let nearest = n != 0 && !cx.is(i, &["былтырғы"]);
    if let Some((s, _)) = words::season(cx.t(i + 1), &mut b2) {
        let rel = if nearest && s != Season::Winter {
            Rel::Nearest(n)
        } else {
            Rel::Year(n)
        };
        let p = point(rel, 0, Grain::Season(s));
        return year_point(cx, i, i + 2, p, false);
    }
    // `осы қаңтарда`: the month of the year so placed; `айы` after it is
    // in the mention (`өткен ақпан айында`), as after a month alone.
    if let Some((m, _)) = words::month(cx.t(i + 1), &mut b2) {
        let rel = if nearest {
            Rel::Nearest(n)
        } else {
            Rel::Year(n)
        };
        let p = point(rel, 0, Grain::Month(m));
        let end = if cx.starts(i + 2, &["айы"]) {
            i + 3
        } else {
            i + 2
        };
        return year_point(cx, i, end, p, false);
    }
    let (unit, e) = words::unit(cx.t(i + 1), &mut b2)?;
    if words::is_unit_adjective(e) || e.is_plural() {
        return None;
    }
    // `өткен тәулікте` is the last day; `өткен күні` is also "the other
    // day", and is left alone.
    let day_ok = n != -1 || cx.starts(i + 1, &["тәулі"]);
    let (rel, grain) = match unit {
        Unit::Year => (Rel::Year(n), Grain::Year),
        Unit::Month => (Rel::Month(n), Grain::Month(0)),
        Unit::Week => (Rel::Week(n), Grain::Week(0)),
        Unit::Day if day_ok => (Rel::Day(n), Grain::Day(0, 0)),
        _ => return None,
    };
    let mut p = point(rel, 0, grain);
    if unit == Unit::Year {
        return year_point(cx, i, i + 2, p, opens(e));
    }
    // `осы айдың 15-інде`, `өткен айдың жиырмасында`: a day of the month
    // so placed, in the possessive.
    if unit == Unit::Month && e.is_genitive() {
        if let Some((d, end)) = possessed_day(cx, i + 2) {
            p.grain = Grain::Day(0, d);
            return point_found(cx, i, end, p, None);
        }
    }
    // `келесі аптаның сейсенбісінде`, `өткен аптаның жұмасында`: a day of
    // the week so placed, in the possessive.
    if unit == Unit::Week && e.is_genitive() {
        if let Some((wd, _)) = words::weekday(cx.t(i + 2), &mut [0u8; 64]) {
            p.grain = Grain::Weekday(wd);
            return point_found(cx, i, i + 3, p, None);
        }
    }
    // `өткен айдың ортасында`, `келесі айдың соңында`.
    let (modifier, end) = match part_word(cx, i + 2) {
        Some(m) if e.is_genitive() => (Some(m), i + 3),
        _ => (None, i + 2),
    };
    let (end, bound) = bounds(cx, end);
    let mut timex = Timex::new(Val::Point(p));
    timex.modifier = modifier;
    timex.bound = bound;
    found(i, end, NumberKind::Date, timex)
}

/// A month name without a day: `мамырда`, `қаңтар айында`, `қаңтар –
/// наурыз айларында`.
fn month_alone(cx: &Cx, i: usize) -> Option<Found> {
    let t = cx.t(i);
    let mut buf = [0u8; 64];
    let mut end = i + 1;
    let mut max = None;
    let (m, e) = match words::month(t, &mut buf) {
        Some(found) => found,
        None => {
            // `қаңтар-маусым айларында`: a range in one token.
            let (m, m2, e) = words::month_pair(t, &mut buf)?;
            max = Some(m2);
            (m, e)
        }
    };
    if max.is_none() && is_range_separator(cx.t(end)) {
        let mut b2 = [0u8; 64];
        if let Some((m2, _)) = words::month(cx.t(end + 1), &mut b2) {
            max = Some(m2);
            end += 2;
        }
    }
    // `наурыздың 8-і`, `мамыр айының 5-інде`: a day of the month.
    if max.is_none() {
        let day_at = if e.is_genitive() {
            Some(end)
        } else {
            cx.is(end, &["айының"]).then_some(end + 1)
        };
        if let Some(f) = day_at.and_then(|k| day_of_month(cx, i, m, k)) {
            return Some(f);
        }
    }
    let month_word = cx.starts(end, &["айы", "айлар"]);
    if words::is_ambiguous_month(m) && max.is_none() && !month_word {
        // `Қазан` mid-sentence is the city; `маусымы`, `наурызы` a season
        // and the holiday.
        let capital = t.chars().next().is_some_and(crate::letters::is_upper);
        let holiday = cx.starts(end, &["мейрам", "мерек", "той"]);
        // A part or half after the genitive makes the month of `наурыз`
        // (the holiday's start or end is the month's too) and of `қазан`
        // in lower case (`қазанның басында`); the season and the city
        // keep theirs (`маусымның соңында`, `Қазанның ортасында`).
        let part = e.is_genitive()
            && (part_word(cx, end).is_some() || half_word(cx, end).is_some())
            && (m == 3 || (m == 10 && !capital));
        if !part
            && (capital || holiday || e.text.starts_with(['ы', 'і']) || e.is_genitive() || m == 6)
        {
            return None;
        }
    }
    // `желтоқсанның соңында`, `сәуір айының ортасында`: a part of the
    // month after its genitive.
    let mut modifier = None;
    if max.is_none() {
        let part_at = if e.is_genitive() {
            Some(end)
        } else {
            cx.is(end, &["айының"]).then_some(end + 1)
        };
        if let Some((k, m)) = part_at.and_then(|k| Some((k, part_word(cx, k)?))) {
            modifier = Some(m);
            end = k + 1;
        } else if let Some((m, after)) = part_at.and_then(|k| half_word(cx, k)) {
            // `қыркүйектің бірінші жартысында`: its start or end.
            modifier = Some(m);
            end = after;
        }
    }
    // `қаңтар айында`: KazNERD's span is the month's name; with a bound
    // after it, the bound's word too (`қаңтар айынан бері`).
    if modifier.is_none() && month_word && bounds(cx, end + 1).1.is_some() {
        end += 1;
    }
    let p = point(Rel::Implied, 0, Grain::Month(m));
    let (end, bound) = bounds(cx, end);
    let mut timex = Timex::new(Val::Point(p));
    timex.modifier = modifier;
    if let Some(m2) = max {
        timex.max = Some(crate::time::TimexValue(Val::Point(point(
            Rel::Implied,
            0,
            Grain::Month(m2),
        ))));
    }
    timex.bound = bound;
    found(i, end, NumberKind::Date, timex)
}

/// A day named by its month in the genitive and its number with the
/// possessive, read from token `k`: `наурыздың 8-і` (the eighth of March),
/// `тамыздың он тоғызы`, `мамыр айының 5-інде`. A second day after `мен`,
/// `пен`, `бен` or a dash, with its own month or the same, makes a range,
/// which takes `күндері` and `аралығында` into the span as KazNERD does
/// (`сәуірдің 29-ы мен мамырдың 5-і күндері аралығында`, `наурыздың 5-і
/// мен 14-і аралығында`).
fn day_of_month(cx: &Cx, start: usize, month: u8, k: usize) -> Option<Found> {
    let (d1, mut end) = possessed_day(cx, k)?;
    let p = point(Rel::Implied, 0, Grain::Day(month, d1));
    let mut max = None;
    if cx.is(end, &["мен", "пен", "бен"]) || is_range_separator(cx.t(end)) {
        let mut buf = [0u8; 64];
        let (m2, k2) = match words::month(cx.t(end + 1), &mut buf) {
            Some((m2, e2)) if e2.is_genitive() => (m2, end + 2),
            _ => (month, end + 1),
        };
        if let Some((d2, e)) = possessed_day(cx, k2) {
            max = Some(Point {
                grain: Grain::Day(m2, d2),
                ..p
            });
            end = e;
            if cx.is(end, &["күндері"]) {
                end += 1;
            }
            if cx.starts(end, &["аралығ"]) {
                end += 1;
            }
        }
    }
    let (end, bound) = bounds(cx, end);
    let mut timex = Timex::new(Val::Point(p));
    timex.max = max.map(|q| crate::time::TimexValue(Val::Point(q)));
    timex.bound = bound;
    found(start, end, NumberKind::Date, timex)
}

/// A day's number at token `k` that a month in the genitive owns: in words
/// with the possessive (`бесі`, `жиырма тоғызы`, `екісінен`, `бірінде`),
/// in digits with any ending after the hyphen (`5-і`, `22-нен`: the digits
/// variants drop the possessive). Returns the day and the token after.
fn possessed_day(cx: &Cx, k: usize) -> Option<(u8, usize)> {
    // `он` in the possessive is also the pronoun `оны` (him, it), which no
    // number phrase begins with; owned by a month it is the tenth
    // (`қаңтардың оны күні`).
    if cx.is(k, &["оны", "онында", "онынан", "онына"]) {
        return Some((10, k + 1));
    }
    let n = cx.num(k)?;
    let day = n.int().filter(|d| (1..=31).contains(d))? as u8;
    if n.ordinal || !n.inflected {
        return None;
    }
    let owned = n.digits || super::lexicon::possessed_number(cx.t(n.end - 1));
    owned.then_some((day, n.end))
}

/// A part of the day alone: `таңертең`, `түнде`, `кешке`, `күндіз`, and
/// `күндіз-түні` (day and night: twenty-four hours).
fn day_part_alone(cx: &Cx, i: usize) -> Option<Found> {
    if cx.is(
        i,
        &[
            "күндіз-түні",
            "күні-түні",
            "түні-күні",
            "күн-түн",
            "түн-күн",
        ],
    ) {
        let d = Duration {
            milli: Some(24_000),
            unit: Unit::Hour,
        };
        return found(i, i + 1, NumberKind::Duration, Timex::new(Val::Duration(d)));
    }
    // `түс` is also a colour: after a colour's name (`сары түске бояу`,
    // painted yellow) it is no noon.
    const COLOURS: [&str; 12] = [
        "ақ",
        "қара",
        "қызыл",
        "сары",
        "көк",
        "жасыл",
        "қоңыр",
        "сұр",
        "күлгін",
        "қызғылт",
        "ашық",
        "күңгірт",
    ];
    if cx.starts(i, &["түс"]) && i > 0 && cx.is(i - 1, &COLOURS) {
        return None;
    }
    // Greetings name a part of the day, which KazNERD labels TIME:
    // `қайырлы күн`, `қайырлы таң`, `кеш жарық`.
    let greeting = (i > 0 && cx.is(i - 1, &["қайырлы"]) && cx.is(i, &["күн", "таң", "кеш"]))
        || (cx.is(i, &["кеш"]) && cx.is(i + 1, &["жарық"]));
    if greeting {
        let part = if cx.is(i, &["күн"]) {
            DayPart::Daytime
        } else {
            words::day_part(cx.t(i))?
        };
        let mut p = point(Rel::Implied, 0, Grain::None);
        p.clock = Clock::Part(part);
        return found(i, i + 1, NumberKind::Time, Timex::new(Val::Point(p)));
    }
    // `түн ортасында`, `түн жарымына дейін`: midnight.
    if cx.is(i, &["түн"]) && cx.starts(i + 1, &["ортас", "жарым"]) {
        let mut p = point(Rel::Implied, 0, Grain::None);
        p.clock = Clock::At(0, 0);
        return point_found(cx, i, i + 2, p, None);
    }
    let part = words::day_part(cx.t(i))?;
    if cx.is(i, &["кеш", "түн", "түс", "таң", "түні"]) {
        // Bare, these are also `late`, `dream`, `colour`, `dawn breaks`.
        return None;
    }
    let mut p = point(Rel::Implied, 0, Grain::None);
    p.clock = Clock::Part(part);
    let mut timex = Timex::new(Val::Point(p));
    let mut end = i + 1;
    // `таңертеңнен кешке дейін`.
    let mut buf = [0u8; 64];
    if cx.ending(i, &mut buf).is_ablative() {
        if let Some(p2) = words::day_part(cx.t(end)) {
            if cx.is(end + 1, &["дейін", "шейін"]) {
                let mut q = p;
                q.clock = Clock::Part(p2);
                timex.max = Some(crate::time::TimexValue(Val::Point(q)));
                return found(i, end + 2, NumberKind::Time, timex);
            }
        }
    }
    if cx.is(end, &["бойы"]) {
        end += 1;
    }
    let (end, bound) = bounds(cx, end);
    timex.bound = bound;
    found(i, end, NumberKind::Time, timex)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letters::to_lower;

    #[test]
    fn pair_index_of_bytes_agrees_with_chars() {
        let chars: Vec<char> = "aZ1-.«"
            .chars()
            .chain((0x3F0..0x510).filter_map(char::from_u32))
            .chain(['€', '😀'])
            .collect();
        for &a in &chars {
            for &b in &chars {
                for tail in ["", "x", "ың"] {
                    let t = format!("{a}{b}{tail}");
                    assert_eq!(pair_index_of(&t), pair_index(a, b), "{t}");
                }
            }
            assert_eq!(pair_index_of(&a.to_string()), None);
        }
        assert_eq!(pair_index_of(""), None);
    }

    #[test]
    fn starts_are_lower_case_cyrillic_and_only_cyrillic_lowers_into_it() {
        let block = |c: char| (0x400..0x500).contains(&(c as u32));
        for starts in [&*WORD_STARTS, &*AFTER_NUMBER] {
            for (_, list) in &starts.by_pair {
                for (s, _) in list {
                    assert!(s.chars().all(|c| block(c) && to_lower(c) == c), "{s}");
                }
            }
        }
        for c in (0..0x11_0000).filter_map(char::from_u32) {
            assert!(!block(to_lower(c)) || block(c), "{c}");
        }
    }

    #[test]
    fn starts_found_by_bytes_as_by_chars() {
        let by_chars = |starts: &Starts, t: &str| {
            let mut chars = t.chars();
            let (a, b) = (chars.next()?, chars.next()?);
            pair_index(a, b)?;
            let key = [to_lower(a), to_lower(b)];
            let at = starts
                .by_pair
                .binary_search_by_key(&key, |(k, _)| *k)
                .ok()?;
            let rest = chars.map(to_lower);
            starts.by_pair[at].1.iter().copied().find(|(s, _)| {
                let mut have = rest.clone();
                s.chars().skip(2).all(|w| have.next() == Some(w))
            })
        };
        for starts in [&*WORD_STARTS, &*AFTER_NUMBER] {
            let mut words: Vec<String> = Vec::new();
            for (_, list) in &starts.by_pair {
                for (s, _) in list {
                    let upper: String = s.chars().flat_map(char::to_uppercase).collect();
                    for w in [s.to_string(), upper.clone()] {
                        let n = w.chars().count();
                        for k in 0..=n {
                            let head: String = w.chars().take(k).collect();
                            for tail in ["", "да", "ДАН", "-ы", "x", "ё", "é", "1"] {
                                words.push(format!("{head}{tail}"));
                            }
                        }
                    }
                }
            }
            for w in &words {
                assert_eq!(starts.find(w), by_chars(starts, w), "{w}");
            }
        }
    }
}

//! The extractor: number phrases over tokens, then range, unit and
//! qualifiers around them.

use super::lexicon::{
    exceeds, is_ablative, is_genitive, may_begin_mention, may_qualify_before, qualifier_after,
    qualifier_before, several_of, unit, UnitKind, ABOUT_ENDINGS,
};
use super::phrase::{
    allowed, atom, filler_at, is_digits, is_range_separator, lower_is, lower_starts, phrase, Last,
    Phrase, Tok,
};
use super::{Approx, Decimal, NumberKind, NumberMention, Value};
use crate::span::Span;
use crate::tokenizer::tokenize;
use crate::tokenizer::{short_quotations, MINUS_SIGNS, OPENERS};
use std::ops::Range;

/// Finds the number mentions of raw text, in order.
///
/// ```
/// let found = kazakh::numbers::extract("Ол 1 250 адамның бірі, 2026 жылы 64 пайызы.");
/// let texts: Vec<&str> = found.iter().map(|m| m.text()).collect();
/// assert_eq!(texts, ["1 250", "бірі", "2026 жылы", "64 пайызы"]);
/// ```
pub fn extract(text: &str) -> Vec<NumberMention<'_>> {
    // Kazakh prose has a token per 6 to 7 bytes: one allocation, mostly.
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 6 + 1);
    toks.extend(tokenize(text).map(|t| Tok {
        text: t.text(),
        span: t.span(),
    }));
    scan(text, &toks)
}

/// Finds the number mentions of pre-tokenized text (one string per token,
/// as in CoNLL files). `joined` must be the tokens joined by single spaces
/// (see [`join_tokens`]); the mentions' spans and texts refer to it, and
/// [`NumberMention::tokens`] gives their token indices.
///
/// ```
/// use kazakh::numbers::{extract_tokens, join_tokens};
/// let tokens = ["Ұлттық", "қор", "86", ",", "5", "миллиард", "долларға", "жетті", "."];
/// let joined = join_tokens(&tokens);
/// let found = extract_tokens(&tokens, &joined);
/// assert_eq!(found[0].tokens(), 2..7);
/// assert_eq!(found[0].value().to_string(), "86500000000");
/// ```
pub fn extract_tokens<'a>(tokens: &[&str], joined: &'a str) -> Vec<NumberMention<'a>> {
    extract_glued(tokens, &[], joined)
}

/// [`extract_tokens`] over tokens some of which the text wrote against
/// the one before: `joined` holds the tokens with no space before token
/// `i` where `glued[i]` is true (missing entries are false), one space
/// before the others (see [`join_glued`]). The rules then read the text's
/// own spacing (`-15...-20 градус`, `−12`), which single spaces hide.
pub(crate) fn extract_glued<'a>(
    tokens: &[&str],
    glued: &[bool],
    joined: &'a str,
) -> Vec<NumberMention<'a>> {
    let mut offset = 0usize;
    // Built by `collect` from an iterator of known length: one allocation
    // and no test of the capacity per token, as `push` makes.
    let toks: Vec<Tok> = tokens
        .iter()
        .enumerate()
        .map(|(i, t)| {
            if i > 0 && !glued.get(i).copied().unwrap_or(false) {
                offset = offset.saturating_add(1);
            }
            let start = offset.min(joined.len());
            let end = offset.saturating_add(t.len()).min(joined.len());
            offset = offset.saturating_add(t.len());
            Tok {
                text: joined.get(start..end).unwrap_or(""),
                span: Span::new(start, end),
            }
        })
        .collect();
    scan(joined, &toks)
}

/// Joins `tokens` into `out` as [`extract_glued`] expects them.
pub(crate) fn join_glued(tokens: &[&str], glued: &[bool], out: &mut String) {
    out.clear();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 && !glued.get(i).copied().unwrap_or(false) {
            out.push(' ');
        }
        out.push_str(t);
    }
}

/// The tokens joined by single spaces: the text [`extract_tokens`] expects.
pub fn join_tokens(tokens: &[&str]) -> String {
    tokens.join(" ")
}

/// Reads a phrase of Kazakh number words (and digits): `бір мың тоғыз жүз`
/// → 1900, `жиырма бүтін оннан жеті` → 20.7, `төрт жарым мың` → 4500.
/// `None` when the text is not one number or the value overflows.
///
/// ```
/// use kazakh::numbers::parse_words;
/// assert_eq!(parse_words("екі жүз қырық бес мың").unwrap().to_string(), "245000");
/// assert_eq!(parse_words("бес бүтін жүзден отыз екі").unwrap().to_string(), "5.32");
/// assert_eq!(parse_words("жарты миллион").unwrap().to_string(), "500000");
/// assert!(parse_words("бес алма").is_none());
/// ```
pub fn parse_words(words: &str) -> Option<Decimal> {
    let toks: Vec<Tok> = tokenize(words)
        .map(|t| Tok {
            text: t.text(),
            span: t.span(),
        })
        .collect();
    let p = phrase(words, &toks, 0)?;
    (p.end == toks.len()).then_some(p.value?)
}

/// A unit of one to three tokens at `k` (after any filler): the unit and
/// how many tokens, filler included.
fn unit_at(toks: &[Tok], k: usize) -> Option<(UnitKind, usize)> {
    let skip = filler_at(toks, k);
    let (u, n) = unit_at_plain(toks, k + skip)?;
    Some((u, n + skip))
}

fn unit_at_plain(toks: &[Tok], k: usize) -> Option<(UnitKind, usize)> {
    let t = toks.get(k)?.text;
    // The unit of `t` alone, read once: the look-up lowers the word and
    // walks the table, and the rules below ask for it up to three times.
    let alone = unit(t);
    // АҚШ доллары: the country is part of the amount.
    if lower_is(t, "ақш") {
        if let Some(u @ UnitKind::Money("USD", _)) = toks.get(k + 1).and_then(|n| unit(n.text)) {
            return Some((u, 2));
        }
    }
    // фунт стерлинг: the pound sterling.
    if let Some(u @ UnitKind::Money("GBP", _)) = alone {
        if toks
            .get(k + 1)
            .is_some_and(|n| lower_starts(n.text, "стерлинг"))
        {
            return Some((u, 2));
        }
    }
    // `0,25 пайыздық тармақ`, `2 пайыздық пункт`: percentage points, the
    // difference of two percentages, a quantity of its own.
    if lower_starts(t, "пайыздық")
        && toks
            .get(k + 1)
            .is_some_and(|n| lower_starts(n.text, "тармақ") || lower_starts(n.text, "пункт"))
    {
        return Some((UnitKind::Quantity("пайыздық тармақ"), 2));
    }
    // `120 км/сағ`, `15 м/с`: a speed, which the tokenizer gives in three
    // tokens (`км` `/` `сағ`).
    if toks.get(k + 1).is_some_and(|n| n.text == "/") {
        let per = toks.get(k + 2).map_or("", |n| n.text);
        let speed = match alone {
            Some(UnitKind::Quantity("шақырым")) if lower_starts(per, "сағ") => {
                Some("шақырым/сағат")
            }
            Some(UnitKind::Quantity("метр"))
                if ["с", "с.", "сек", "сек."].iter().any(|w| lower_is(per, w))
                    || lower_starts(per, "с-") =>
            {
                Some("метр/секунд")
            }
            _ => None,
        };
        if let Some(name) = speed {
            return Some((UnitKind::Quantity(name), 3));
        }
    }
    // шаршы метр, текше метр: square and cubic measures of a length.
    let square = lower_is(t, "шаршы");
    if square || lower_is(t, "текше") {
        if let Some(UnitKind::Quantity(length)) = toks.get(k + 1).and_then(|n| unit(n.text)) {
            if let Some(name) = power_of_length(length, square) {
                return Some((UnitKind::Quantity(name), 2));
            }
        }
    }
    // айлық есептік көрсеткіш (the monthly calculation index), also
    // written without `есептік` (`100 айлық көрсеткішке дейін`).
    if lower_is(t, "айлық") {
        let next =
            |j: usize, stem: &str| toks.get(k + j).is_some_and(|n| lower_starts(n.text, stem));
        if next(1, "есептік") && next(2, "көрсеткіш") {
            return Some((UnitKind::Quantity("АЕК"), 3));
        }
        if next(1, "көрсеткіш") {
            return Some((UnitKind::Quantity("АЕК"), 2));
        }
    }
    alone.map(|u| (u, 1))
}

/// A half in the possessive at token `i` (`жартысы`, `жартысын`,
/// `жартысына`, `жартысынан`), the half of what the genitive before it
/// names: 0.5, with `тең` (exactly) before it (not before `taken`, the end
/// of the previous mention) and a qualifier after it (`жуығы` nearly,
/// `астамы`, `көбі` more than) in the mention, as KazNERD spans them.
fn half_of<'a>(
    text: &'a str,
    toks: &[Tok<'a>],
    i: usize,
    taken: usize,
) -> Option<NumberMention<'a>> {
    let t = toks.get(i)?.text;
    // Only `ж` lowers to `ж`: a test of the first two bytes (no char
    // decoded), before the comparison that lowers, spares it most tokens.
    let first = t.as_bytes().first_chunk::<2>();
    if !first.is_some_and(|b| b == "ж".as_bytes() || b == "Ж".as_bytes())
        || !lower_starts(t, "жартыс")
    {
        return None;
    }
    let forms = ["жартысы", "жартысын", "жартысына", "жартысынан"];
    if !forms.iter().any(|f| lower_is(t, f)) {
        return None;
    }
    // The whole it is the half of, in the genitive, within three words
    // before (`паркінің тең жартысы`, `Олардың шамамен тең жартысына`);
    // without one (`Әзірге жартысын аяқтадық`) the half is no number.
    // The written suffix (`is_genitive`): the owner is most often a
    // pronoun (`оның`), which the analyser reads whole.
    if !(i.saturating_sub(3)..i).any(|k| is_genitive(toks[k].text)) {
        return None;
    }
    let start = if i > taken && i > 0 && lower_is(toks[i - 1].text, "тең") {
        i - 1
    } else {
        i
    };
    let mut end = i + 1;
    let mut approx = None;
    if let Some(q) = toks.get(end) {
        let about = ["жуығы", "жуығын", "жуық"];
        let over = ["астамы", "астамын", "астам", "көбі", "көбін"];
        if about.iter().any(|w| lower_is(q.text, w)) {
            approx = Some(Approx::About);
            end += 1;
        } else if over.iter().any(|w| lower_is(q.text, w)) && lower_is(t, "жартысынан") {
            approx = Some(Approx::Over);
            end += 1;
        }
    }
    let span = Span::new(toks[start].span.start, toks[end - 1].span.end);
    Some(NumberMention {
        text: text.get(span.range()).unwrap_or(""),
        span,
        tokens: start..end,
        kind: NumberKind::Cardinal,
        value: Value::Exact(Decimal::new(5, 1)?),
        unit: None,
        approx,
    })
}

/// A fraction read from the denominator `den`, a whole number in the
/// ablative, and the numerator after it, a smaller whole number with the
/// possessive (and any case after it): `үштен екісі` (two thirds),
/// `төрттен бірі`, `10-нан 1-іне`, as KazNERD spans them whole. The value
/// is exact when it has at most six decimals (1/4 is 0.25); else rounded
/// to four, and approximate (2/3 is about 0.6667). With its end.
fn fraction(text: &str, toks: &[Tok], den: &Phrase) -> Option<(Value, Option<Approx>, usize)> {
    let last = toks.get(den.end.checked_sub(1)?)?.text;
    if den.ordinal || !den.inflected || !is_ablative(last) {
        return None;
    }
    let num = phrase(text, toks, den.end)?;
    if num.ordinal {
        return None;
    }
    // The part in the possessive (`үштен бірі`), or bare before `бөлік`
    // in the possessive (`үштен бір бөлігі`, one third part), which stays
    // outside the mention as KazNERD spans it.
    let possessed = num.inflected && super::lexicon::possessed_number(toks.get(num.end - 1)?.text);
    let part_of = !num.inflected
        && toks
            .get(num.end)
            .is_some_and(|t| lower_starts(t.text, "бөлігі"));
    if !possessed && !part_of {
        return None;
    }
    let (d, n) = (den.value?.to_i128()?, num.value?.to_i128()?);
    if !(1..=1000).contains(&d) || !(1..d).contains(&n) {
        return None;
    }
    for scale in 1..=6u32 {
        let scaled = n * 10i128.pow(scale);
        if scaled % d == 0 {
            return Some((
                Value::Exact(Decimal::new(scaled / d, scale)?),
                None,
                num.end,
            ));
        }
    }
    let rounded = (n * 100_000 / d + 5) / 10;
    Some((
        Value::Exact(Decimal::new(rounded, 4)?),
        Some(Approx::About),
        num.end,
    ))
}

/// Digits written against a hyphen and a word (`5-сынып`, the fifth
/// form; `3-том`): Kazakh spelling writes the ordinal suffix of digits as
/// the hyphen alone before a noun. The number is the digits of one token
/// from `i` to `end`; the hyphen and the word touch it and each other.
/// Endings after a hyphen (`5-ке`) are part of the number's token and
/// never come here; ranges (`5-10`) have digits after the hyphen.
fn hyphen_ordinal(toks: &[Tok], i: usize, end: usize) -> bool {
    let (Some(n), Some(h), Some(w)) = (toks.get(i), toks.get(end), toks.get(end + 1)) else {
        return false;
    };
    end == i + 1
        && is_digits(n.text)
        && h.text == "-"
        && n.span.end == h.span.start
        && h.span.end == w.span.start
        && w.text.chars().next().is_some_and(|c| c.is_lowercase())
        && w.text.chars().all(crate::letters::is_letter)
        // `30-астам` is `30-дан астам` with its ending left out.
        && qualifier_after(w.text).is_none()
}

/// A rate before a quantity (`секундына 120 текше метр`, `сағатына
/// 80-нен 60 шақырымға дейін`), which is in its mention.
fn is_rate(t: &str) -> bool {
    ["секундына", "минутына", "сағатына"]
        .iter()
        .any(|w| lower_is(t, w))
}

/// How many of the smaller unit make one of the larger, for the pairs
/// written together (`6 тонна 600 килограмм`, `1 метр 20 сантиметр`).
fn units_per(larger: &str, smaller: &str) -> Option<i64> {
    Some(match (larger, smaller) {
        ("тонна", "килограмм") | ("килограмм", "грамм") => 1000,
        ("тонна", "центнер") => 10,
        ("центнер", "килограмм") => 100,
        ("шақырым", "метр") | ("метр", "миллиметр") | ("литр", "миллилитр") => {
            1000
        }
        ("метр", "сантиметр") => 100,
        ("сантиметр", "миллиметр") => 10,
        _ => return None,
    })
}

/// The square (`шаршы`) or cubic (`текше`) measure of a unit of length.
fn power_of_length(length: &str, square: bool) -> Option<&'static str> {
    Some(match (length, square) {
        ("метр", true) => "шаршы метр",
        ("метр", false) => "текше метр",
        ("шақырым", true) => "шаршы шақырым",
        ("шақырым", false) => "текше шақырым",
        ("сантиметр", true) => "шаршы сантиметр",
        ("сантиметр", false) => "текше сантиметр",
        ("миллиметр", true) => "шаршы миллиметр",
        ("миллиметр", false) => "текше миллиметр",
        ("дециметр", true) => "шаршы дециметр",
        ("дециметр", false) => "текше дециметр",
        _ => return None,
    })
}

fn is_number_start(text: &str, toks: &[Tok], k: usize) -> bool {
    atom(text, toks, k).is_some_and(|a| allowed(Last::None, &a))
}

/// Marks the tokens inside short quotations that name something
/// (`«Хабар 24»`, `«Бір белдеу, бір жол»`): numbers there are part of the
/// name. Quoted speech is not a name however few its words (see
/// [`is_reported_speech`]). The ranges of tokens inside them, in order and
/// apart: most sentences have none, and an empty list costs no allocation
/// where a flag per token did.
fn short_quotes(toks: &[Tok]) -> Vec<Range<usize>> {
    let mut inside = Vec::new();
    short_quotations(
        toks.len(),
        |k| toks[k].text,
        10,
        |open, close| {
            if !is_reported_speech(toks, close) {
                inside.push(open + 1..close);
            }
        },
    );
    inside
}

/// Whether token `k` is inside one of the ranges of [`short_quotes`].
fn is_quoted(quoted: &[Range<usize>], k: usize) -> bool {
    // The ranges are sorted and apart: the only one that may hold `k` is
    // the last that starts at or before it.
    let after = quoted.partition_point(|r| r.start <= k);
    after > 0 && quoted[after - 1].contains(&k)
}

/// Whether `t` is one of `words` (lower case) in any case.
fn is_one_of(t: &str, words: &[&str]) -> bool {
    words.iter().any(|w| lower_is(t, w))
}

/// Whether the quotation that ends at token `close` is reported speech: a
/// verb of saying follows it (`деді`, `дейді`, `деп` unless it names:
/// `деп аталатын`), or the comma and dash that close speech (`», —`).
fn is_reported_speech(toks: &[Tok], close: usize) -> bool {
    let text = |k: usize| toks.get(k).map_or("", |t| t.text);
    let is = is_one_of;
    let next = text(close + 1);
    is(next, &["деді", "дейді", "депті"])
        || (is(next, &["деп"]) && !lower_starts(text(close + 2), "ата"))
        || (next == "," && matches!(text(close + 2), "—" | "–" | "-"))
}

/// Context that makes a number part of something else: a name in quotes,
/// a clock time, an identifier (`нөмірі 58-інші`), a law article
/// (`304-інші бап`; its voiced forms, `бабы`, are left to the tagger: see
/// DESIGN.md, "Numbers").
fn context_allows(
    toks: &[Tok],
    j: usize,
    num_end: usize,
    end: usize,
    kind: NumberKind,
    quoted: &[Range<usize>],
) -> bool {
    if is_quoted(quoted, j) {
        return false;
    }
    let prev = if j > 0 { toks[j - 1].text } else { "" };
    let next = toks.get(end).map_or("", |t| t.text);
    let after_num = toks.get(num_end).map_or("", |t| t.text);
    let is = is_one_of;
    let starts = |t: &str, w: &[&str]| w.iter().any(|w| lower_starts(t, w));
    if is(prev, &["сағат", "таңғы", "кешкі", "түскі", "түнгі"]) {
        return false;
    }
    // `Ұлы жүз`, `Орта жүздің`, `Кіші жүзге`: the three hordes of the
    // Kazakhs (`жүз` is also a hundred), written as one name.
    if is(prev, &["ұлы", "орта", "кіші"]) && lower_starts(toks[j].text, "жүз") && num_end == j + 1
    {
        return false;
    }
    if kind != NumberKind::Ordinal && is(prev, &["№", "нөмірі", "нөмір"]) {
        return false;
    }
    let before_colon = if j > 1 { toks[j - 2].text } else { "" };
    if prev == ":" && is_digits(before_colon) {
        // The minutes of `18:00`.
        return false;
    }
    if after_num == ":" || starts(after_num, &["нөл-нөл"]) {
        return false;
    }
    if kind == NumberKind::Ordinal && starts(next, &["бап", "тармақ", "тарау"]) {
        return false;
    }
    if is(prev, &["жасы", "жасым"]) {
        return false;
    }
    true
}

fn scan<'a>(text: &'a str, toks: &[Tok<'a>]) -> Vec<NumberMention<'a>> {
    let mut out = Vec::new();
    let quoted = short_quotes(toks);
    let mut i = 0;
    while i < toks.len() {
        // Dates, times, durations and sets first: the numbers inside them
        // are part of their value.
        // A temperature in one token: `25°C-тан`, `-5°С-қа` (the
        // tokenizer keeps a sign written against it). It starts with a
        // digit or a sign, tested here to spare the other tokens a call.
        let digit = matches!(
            toks[i].text.as_bytes().first(),
            Some(b'0'..=b'9' | b'-' | b'+' | 0xE2)
        );
        if let Some((number, own_sign)) = digit.then(|| degrees(toks[i].text)).flatten() {
            let own = |number| match own_sign {
                Some(Sign::Minus) => negate(Value::Exact(number)),
                _ => Value::Exact(number),
            };
            let mut start = i;
            let mut value = own(number);
            let sign = i
                .checked_sub(1)
                .map(|k| toks[k])
                .filter(|_| own_sign.is_none());
            if let Some(s) = sign {
                if signs_number(toks, i) || lower_is(s.text, "минус") {
                    start = i - 1;
                    value = negate(value);
                }
            }
            if out
                .last()
                .is_some_and(|m: &NumberMention<'_>| m.tokens.end > start)
            {
                start = i;
                value = own(number);
            }
            let span = Span::new(toks[start].span.start, toks[i].span.end);
            out.push(NumberMention {
                text: text.get(span.range()).unwrap_or(""),
                span,
                tokens: start..i + 1,
                kind: NumberKind::Quantity,
                value,
                unit: Some("градус"),
                approx: None,
            });
            i += 1;
            continue;
        }
        // The number phrase here, read once for both.
        let here = may_begin_mention(toks[i].text).then(|| phrase(text, toks, i));
        if !is_quoted(&quoted, i) {
            if let Some(f) = super::temporal::at(text, toks, i, &here) {
                let end = f
                    .end
                    .min(toks.len())
                    .min(f.start + super::temporal::MAX_TOKENS)
                    .max(i + 1);
                let span = Span::new(toks[f.start].span.start, toks[end - 1].span.end);
                out.push(NumberMention {
                    text: text.get(span.range()).unwrap_or(""),
                    span,
                    tokens: f.start..end,
                    kind: f.kind,
                    value: Value::Time(f.timex),
                    unit: None,
                    approx: None,
                });
                i = end;
                continue;
            }
            // `тең жартысы` (exactly half of it), `жартысынан астамы`: a
            // half in the possessive, where the temporal rules read none
            // (`жылдың екінші жартысында` is a date).
            if let Some(m) = half_of(text, toks, i, out.last().map_or(0, |m| m.tokens.end)) {
                i = m.tokens.end;
                out.push(m);
                continue;
            }
        }
        if here.is_none() {
            i += 1;
            continue;
        }
        // Qualifiers before the number.
        let may_qualify = may_qualify_before(toks[i].text);
        let before = if may_qualify {
            qualifier_before(toks[i].text)
        } else {
            None
        };
        let (j, mut approx) = if before.is_some() && is_number_start(text, toks, i + 1) {
            (i + 1, before)
        } else if may_qualify
            && lower_is(toks[i].text, "кем")
            && toks.get(i + 1).is_some_and(|t| lower_is(t.text, "дегенде"))
            && is_number_start(text, toks, i + 2)
        {
            (i + 2, Some(Approx::Over))
        } else if lower_is(toks[i].text, "бірнеше")
            && toks.get(i + 1).is_some_and(|t| several_of(t.text))
        {
            // `бірнеше мың адам` (several thousand people): over 1000.
            (i + 1, Some(Approx::Over))
        } else if lower_is(toks[i].text, "ең")
            && toks.get(i + 1).is_some_and(|t| lower_is(t.text, "көп"))
            && toks.get(i + 2).is_some_and(|t| lower_is(t.text, "дегенде"))
            && is_number_start(text, toks, i + 3)
        {
            // `ең көп дегенде 13 миллиметр` (at most).
            (i + 3, Some(Approx::UpTo))
        } else {
            (i, None)
        };
        let read = if j == i {
            here.flatten()
        } else {
            phrase(text, toks, j)
        };
        let Some(first) = read else {
            i += 1;
            continue;
        };
        // A fraction: `үштен екісі` (two of three), `төрттен бірі`,
        // `10-нан 1-іне`.
        if approx.is_none() && j == i {
            if let Some((value, approx, end)) = fraction(text, toks, &first) {
                let span = Span::new(toks[i].span.start, toks[end - 1].span.end);
                out.push(NumberMention {
                    text: text.get(span.range()).unwrap_or(""),
                    span,
                    tokens: i..end,
                    kind: NumberKind::Cardinal,
                    value,
                    unit: None,
                    approx,
                });
                i = end;
                continue;
            }
        }
        let mut end = first.end;
        let mut last = first;
        let mut value = match (first.pair_first, first.value) {
            // Two number words joined by a hyphen: `екі-үш мың`.
            (Some(min), Some(max)) => Value::Range { min, max },
            (_, Some(v)) => Value::Exact(v),
            (_, None) => Value::Overflow,
        };
        // A range: `2024-2029`, `130 – 140 мың`, `он – жиырма`.
        if !first.inflected
            && !first.roman
            && !first.ordinal
            && first.pair_first.is_none()
            && toks.get(end).is_some_and(|t| is_range_separator(t.text))
        {
            if let Some(second) = phrase(text, toks, end + 1) {
                if let (Some(a), Some(b)) = (first.value, second.value) {
                    // The scale of the second end applies to a bare first end.
                    let a = match (first.last_scale, second.last_scale) {
                        (None, Some(e)) if a < b_pre_scale(b, e) => a
                            .checked_mul(Decimal::pow10(e).unwrap_or(Decimal::ZERO))
                            .unwrap_or(a),
                        _ => a,
                    };
                    value = Value::Range { min: a, max: b };
                    end = second.end;
                    last = second;
                }
            }
        }
        // A forecast's range written with an ellipsis and no spaces, each
        // end with its own sign: `-15...-20 градус`, `0...+5`, `10…15`.
        // The ends stay in written order until the signs are known.
        let mut second_minus = None;
        if matches!(value, Value::Exact(_)) && !first.inflected && !first.ordinal && !first.roman {
            if let Some((k, minus)) = ellipsis_range_at(toks, end) {
                if let Some(second) = phrase(text, toks, k) {
                    if let (Some(a), Some(b), false) = (first.value, second.value, second.ordinal) {
                        value = Value::Range { min: a, max: b };
                        second_minus = Some(minus);
                        end = second.end;
                        last = second;
                    }
                }
            }
        }
        // The unit after the number.
        let mut kind = if last.ordinal || first.ordinal || hyphen_ordinal(toks, i, end) {
            NumberKind::Ordinal
        } else {
            NumberKind::Cardinal
        };
        let mut unit_name = None;
        if last.date || first.date {
            // A dotted group the temporal rules did not read as a date
            // (`1.2.3`, a version or a section number): not one value.
            i = end;
            continue;
        } else if last.percent {
            kind = NumberKind::Percent;
            unit_name = Some("%");
        } else if !last.inflected || last.ordinal {
            if let Some((u, n)) = unit_at(toks, end) {
                match u {
                    // Temporal expressions were read before; a number
                    // before a unit of time that they did not take (an
                    // ordinal: `бірінші жылы`, the first year) stays a
                    // number without the unit.
                    UnitKind::Date | UnitKind::Time if kind == NumberKind::Ordinal => {}
                    UnitKind::Date | UnitKind::Time => {
                        i = end + n;
                        continue;
                    }
                    _ if kind == NumberKind::Ordinal => {}
                    UnitKind::Percent => {
                        kind = NumberKind::Percent;
                        unit_name = Some("%");
                        end += n;
                    }
                    UnitKind::Money(code, exp) => {
                        kind = NumberKind::Money;
                        unit_name = Some(code);
                        if exp > 0 {
                            value = scale_down(value, exp);
                        }
                        end += n;
                    }
                    UnitKind::Quantity(name) => {
                        kind = NumberKind::Quantity;
                        unit_name = Some(name);
                        end += n;
                    }
                }
                if n > 0 && toks.get(end - 1).is_some_and(|t| about_ending(t.text)) {
                    approx = approx.or(Some(Approx::About));
                }
            }
        }
        // `20 градус суық` (twenty degrees of cold: −20), `аяз` (frost);
        // `40 градус ыстық` (of heat): the word is in the mention.
        let mut cold = false;
        if unit_name == Some("градус") {
            if let Some(t) = toks.get(end) {
                if lower_is(t.text, "суық") || lower_is(t.text, "аяз") {
                    cold = true;
                    end += 1;
                } else if lower_is(t.text, "ыстық") {
                    end += 1;
                }
            }
        }
        // A multiplier: `20 есе`, `бір жарым есеге` (KazNERD keeps the
        // word in the CARDINAL span).
        if kind == NumberKind::Cardinal
            && approx.is_none()
            && toks.get(end).is_some_and(|t| {
                ["есе", "есеге", "еседен"]
                    .iter()
                    .any(|w| lower_is(t.text, w))
            })
        {
            end += 1;
        }
        // Roman numerals before ғасыр are centuries (dates), done above;
        // alone they are ordinals.
        // A currency sign before the number: `$5`; not one the previous
        // mention took after its number (`0 $ 900`).
        let taken = out.last().map_or(0, |m: &NumberMention<'_>| m.tokens.end);
        let mut start = i;
        // The sign is one char: tested first, it spares most tokens the
        // look-up of their unit.
        if approx.is_none()
            && kind == NumberKind::Cardinal
            && j > taken
            && toks[j - 1].text.chars().count() == 1
        {
            if let Some(UnitKind::Money(code, _)) = unit(toks[j - 1].text) {
                kind = NumberKind::Money;
                unit_name = Some(code);
                start = j - 1;
            }
        }
        if last.about {
            approx = approx.or(Some(Approx::About));
        }
        // Qualifiers after the number.
        if let Some(q) = toks.get(end).and_then(|t| qualifier_after(t.text)) {
            let ablative_needed = matches!(q, Approx::Over | Approx::Under);
            let prev = toks[end - 1].text;
            if !ablative_needed || is_ablative(prev) {
                approx = Some(match (approx, q) {
                    (Some(a), _) if a != Approx::About => a,
                    _ => q,
                });
                end += 1;
                // The unit after the qualifier, where written news puts it
                // when the number has the case (`1,5 трлн-ға жуық теңге`,
                // `2 млн-нан астам доллар`).
                if kind == NumberKind::Cardinal && unit_name.is_none() {
                    match unit_at(toks, end) {
                        Some((UnitKind::Money(code, exp), n)) => {
                            kind = NumberKind::Money;
                            unit_name = Some(code);
                            if exp > 0 {
                                value = scale_down(value, exp);
                            }
                            end += n;
                        }
                        Some((UnitKind::Quantity(name), n)) => {
                            kind = NumberKind::Quantity;
                            unit_name = Some(name);
                            end += n;
                        }
                        Some((UnitKind::Percent, n)) => {
                            kind = NumberKind::Percent;
                            unit_name = Some("%");
                            end += n;
                        }
                        _ => {}
                    }
                }
            }
        } else if approx.is_none()
            && is_ablative(toks[end - 1].text)
            && toks.get(end).is_some_and(|t| exceeds(t.text))
        {
            // `120 мың теңгеден асады`: more than, the verb outside.
            approx = Some(Approx::Over);
        }
        if start > j {
            start = j;
        }
        if !context_allows(toks, j, first.end, end, kind, &quoted) {
            i = end.max(i + 1);
            continue;
        }
        // `6 тонна 600 килограмм`, `1 метр 20 сантиметр`: one quantity in
        // two units, counted in the smaller (6600 килограмм, 120
        // сантиметр), as a length of time in two units is. Only units one
        // of which is a whole number of the other; not after a unit in the
        // ablative (`12 см-ден 2 м-ге дейін`: from one length to another)
        // nor after a range.
        if let (NumberKind::Quantity, None, Some(larger), Value::Exact(a)) =
            (kind, approx, unit_name, value)
        {
            if !is_ablative(toks[end - 1].text) {
                if let Some(next) = phrase(text, toks, end) {
                    if let Some((UnitKind::Quantity(smaller), n)) = unit_at(toks, next.end) {
                        let sum = units_per(larger, smaller).and_then(|per| {
                            a.checked_mul(Decimal::from_int(per))?
                                .checked_add(next.value?)
                        });
                        if let Some(sum) = sum.filter(|_| !next.ordinal && !next.inflected) {
                            value = Value::Exact(sum);
                            unit_name = Some(smaller);
                            end = next.end + n;
                        }
                    }
                }
            }
        }
        // `25 мың теңге 50 тиын`: tenge and tiyn, one amount (25000.50).
        if let (NumberKind::Money, None, Some("KZT"), Value::Exact(a)) =
            (kind, approx, unit_name, value)
        {
            if !is_ablative(toks[end - 1].text) {
                if let Some(next) = phrase(text, toks, end) {
                    let tiyn = matches!(
                        unit_at(toks, next.end),
                        Some((UnitKind::Money("KZT", 2), 1))
                    );
                    let cents = next
                        .value
                        .filter(|v| tiyn && !next.ordinal && !next.inflected && v.is_integer())
                        .filter(|v| v.to_i128().is_some_and(|c| (1..100).contains(&c)))
                        .and_then(|v| v.checked_div_pow10(2));
                    if let Some(sum) = cents.and_then(|c| a.checked_add(c)) {
                        value = Value::Exact(sum);
                        end = next.end + 1;
                    }
                }
            }
        }
        // A sign or a rate before the number: `минус 35 градус`, `−12
        // градус`, `-0,5%`, `секундына 120 текше метр`.
        // `+25 градус`: a plus written against the number is in the
        // mention, the value as it is.
        let plus = |start: usize| {
            start == j
                && start > taken
                && may_be_negative(kind)
                && toks[start - 1].text == "+"
                && toks[start - 1].span.end == toks[start].span.start
        };
        if let Some(minus2) = second_minus {
            let signed = may_be_negative(kind);
            let minus1 = signed && start == j && start > taken && signs_number(toks, start);
            if minus1 || plus(start) {
                start -= 1;
            }
            value = ordered(value, minus1, signed && minus2);
        } else if start == j && start > taken {
            let before = toks[start - 1].text;
            let signed = (lower_is(before, "минус") && kind == NumberKind::Quantity)
                || (signs_number(toks, start) && may_be_negative(kind));
            let plus = plus(start);
            if signed {
                value = negate(value);
                start -= 1;
            } else if plus
                || (lower_is(before, "плюс")
                    && (may_be_negative(kind) || kind == NumberKind::Cardinal))
            {
                // `плюс 20` (above zero), written out.
                start -= 1;
            } else if kind == NumberKind::Quantity && is_rate(before) {
                start -= 1;
            }
        }
        if cold && !below_zero(value) {
            value = negate(value);
        }
        let span = Span::new(toks[start].span.start, toks[end - 1].span.end);
        let mention = NumberMention {
            text: text.get(span.range()).unwrap_or(""),
            span,
            tokens: start..end,
            kind,
            value,
            unit: unit_name,
            approx,
        };
        match out
            .last_mut()
            .and_then(|from| from_to(text, toks, from, &mention))
        {
            Some(range) => {
                if let Some(last) = out.last_mut() {
                    *last = range;
                }
            }
            None => out.push(mention),
        }
        i = end;
    }
    out
}

/// A bare number in the ablative (`from`) and an amount up to (`дейін`,
/// `шейін`) right after it (`to`) are the two ends of one range when the
/// unit is written once, on the last end: `80-нен 60 шақырымға дейін`,
/// `700-ден 2000 АЕК-ке дейін`. Where each end has its unit (`сегіз жүз
/// тоннадан жеті мың тоннаға дейін`) or neither has one (`40000-нан 20000
/// адамға дейін`), each end is a mention of its own, as in KazNERD.
fn from_to<'a>(
    text: &'a str,
    toks: &[Tok<'a>],
    from: &NumberMention<'a>,
    to: &NumberMention<'a>,
) -> Option<NumberMention<'a>> {
    if from.tokens.end != to.tokens.start
        || from.approx.is_some()
        || to.approx != Some(Approx::UpTo)
        || from.kind != NumberKind::Cardinal
        || from.unit.is_some()
        || !matches!(
            to.kind,
            NumberKind::Quantity | NumberKind::Money | NumberKind::Percent
        )
        || !is_ablative(toks.get(from.tokens.end.checked_sub(1)?)?.text)
    {
        return None;
    }
    let (kind, unit) = (to.kind, to.unit);
    // A rate before the first end (`сағатына 80-нен 60 шақырымға дейін`).
    let mut first = from.tokens.start;
    if kind == NumberKind::Quantity
        && first
            .checked_sub(1)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| is_rate(t.text))
    {
        first -= 1;
    }
    let (Value::Exact(a), Value::Exact(b)) = (from.value, to.value) else {
        return None;
    };
    let value = if a <= b {
        Value::Range { min: a, max: b }
    } else {
        Value::Range { min: b, max: a }
    };
    let span = Span::new(toks.get(first)?.span.start, to.span.end);
    Some(NumberMention {
        text: text.get(span.range()).unwrap_or(""),
        span,
        tokens: first..to.tokens.end,
        kind,
        value,
        unit,
        approx: None,
    })
}

/// A sign written against a number.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sign {
    Minus,
    Plus,
}

/// The number of a temperature written in one token: digits, `°`, a scale
/// letter, an ending (`25°C-тан`, `36,6°`, `5°С-қа`), and the sign written
/// against it, if any (`-5°С-қа`, `+25°С`, `−12°C`).
fn degrees(t: &str) -> Option<(Decimal, Option<Sign>)> {
    let (sign, t) = if let Some(rest) = t.strip_prefix('+') {
        (Some(Sign::Plus), rest)
    } else if let Some(rest) = t.strip_prefix(MINUS_SIGNS) {
        (Some(Sign::Minus), rest)
    } else {
        (None, t)
    };
    if !t.as_bytes().first()?.is_ascii_digit() {
        return None;
    }
    let (number, rest) = t.split_once('°')?;
    if number.is_empty()
        || !number
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    let rest = rest.strip_prefix(['C', 'С', 'F', 'K']).unwrap_or(rest);
    let ending_ok = match rest.strip_prefix('-') {
        Some(ending) => crate::tokenizer::is_ending(ending),
        None => rest.is_empty(),
    };
    if !ending_ok {
        return None;
    }
    Some((Decimal::parse(number)?, sign))
}

/// The value of `b` before its last scale word, for deciding whether a
/// bare first end of a range shares it (`130 – 140 мың`).
fn b_pre_scale(b: Decimal, e: u32) -> Decimal {
    b.checked_div_pow10(e).unwrap_or(b)
}

/// An ellipsis at token `k` written between two numbers without spaces,
/// the second perhaps with a sign against it: the token where the second
/// number starts and whether its sign is a minus.
fn ellipsis_range_at(toks: &[Tok<'_>], k: usize) -> Option<(usize, bool)> {
    let (before, dots, next) = (toks.get(k.checked_sub(1)?)?, toks.get(k)?, toks.get(k + 1)?);
    if !matches!(dots.text, "..." | "…")
        || before.span.end != dots.span.start
        || dots.span.end != next.span.start
    {
        return None;
    }
    let sign = matches!(next.text, "-" | "−" | "–" | "+");
    if sign {
        let number = toks.get(k + 2)?;
        let digit = number
            .text
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_digit);
        return (digit && number.span.start == next.span.end).then_some((k + 2, next.text != "+"));
    }
    next.text
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_digit)
        .then_some((k + 1, false))
}

/// A range read in written order (`min` first written, `max` second), each
/// end below zero where its sign says, as the smaller and the larger.
fn ordered(v: Value, minus_first: bool, minus_second: bool) -> Value {
    let Value::Range { min: a, max: b } = v else {
        return v;
    };
    let sign = |d: Decimal, minus: bool| {
        if minus {
            d.checked_mul(Decimal::from_int(-1))
        } else {
            Some(d)
        }
    };
    match (sign(a, minus_first), sign(b, minus_second)) {
        (Some(a), Some(b)) if a <= b => Value::Range { min: a, max: b },
        (Some(a), Some(b)) => Value::Range { min: b, max: a },
        _ => Value::Overflow,
    }
}

/// Whether the token before token `i` is a minus sign written against the
/// number (see [`minus_against`]).
fn signs_number(toks: &[Tok<'_>], i: usize) -> bool {
    let Some(k) = i.checked_sub(1) else {
        return false;
    };
    let before = k.checked_sub(1).map(|p| (toks[p].text, toks[p].span.end));
    minus_against(toks[k].text, toks[k].span, before, toks[i].span.start)
}

/// Whether `sign`, a token at `at`, is a minus written against a number
/// that starts at `number` (`-5`, `−12`, `–3`), with a space, nothing or
/// an opening bracket before it (`(-4°С)`, `(-0,5%)`); `before` is the
/// token before the sign and where it ends. A dash after a number is a
/// range's (`5-10`, `5 -10`).
pub(crate) fn minus_against(
    sign: &str,
    at: Span,
    before: Option<(&str, usize)>,
    number: usize,
) -> bool {
    let mut chars = sign.chars();
    chars.next().is_some_and(|c| MINUS_SIGNS.contains(&c))
        && chars.next().is_none()
        && at.end == number
        && before.map_or(true, |(text, end)| {
            (end < at.start && !text.ends_with(|c: char| c.is_ascii_digit()))
                || (end == at.start && OPENERS.contains(&text))
        })
}

/// Whether a mention of `kind` may be below zero: a measure may (a
/// temperature, a change in per cent, a loss); a count may not, and a dash
/// before it is a list's or a range's.
pub(crate) fn may_be_negative(kind: NumberKind) -> bool {
    matches!(
        kind,
        NumberKind::Quantity | NumberKind::Percent | NumberKind::Money
    )
}

/// `v` below zero: a range's ends swap.
pub(crate) fn negate(v: Value) -> Value {
    let minus = |d: Decimal| d.checked_mul(Decimal::from_int(-1));
    match v {
        Value::Exact(d) => minus(d).map_or(Value::Overflow, Value::Exact),
        Value::Range { min, max } => match (minus(max), minus(min)) {
            (Some(min), Some(max)) => Value::Range { min, max },
            _ => Value::Overflow,
        },
        other => other,
    }
}

/// Whether a value (a range: its lower end) is below zero.
fn below_zero(v: Value) -> bool {
    let negative = |d: Decimal| d.parts().0 < 0;
    match v {
        Value::Exact(d) => negative(d),
        Value::Range { min, .. } => negative(min),
        _ => false,
    }
}

fn scale_down(v: Value, exp: u32) -> Value {
    match v {
        Value::Exact(d) => d
            .checked_div_pow10(exp)
            .map_or(Value::Overflow, Value::Exact),
        Value::Range { min, max } => match (min.checked_div_pow10(exp), max.checked_div_pow10(exp))
        {
            (Some(min), Some(max)) => Value::Range { min, max },
            _ => Value::Overflow,
        },
        other => other,
    }
}

/// Whether a unit word ends in `-дай/-дей/-тай/-тей` (`тоннадай`).
fn about_ending(t: &str) -> bool {
    ABOUT_ENDINGS.iter().any(|a| t.ends_with(a))
}

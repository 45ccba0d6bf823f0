//! Sentence segmentation over the token stream.
//!
//! The splitter reads tokens once, keeping a short look-ahead queue, and
//! decides after each token whether the sentence ends there. The rules are
//! listed in DESIGN.md; in short, a sentence ends
//!
//! * after `.` `!` `?` `…` and their runs (with the closing quotes and
//!   brackets that follow them), unless what comes next continues the
//!   sentence: a lower-case word, a comma, a dash and a lower-case word
//!   (`«…!» – деді`), or the rest of a quotation that closes and is
//!   followed by a lower-case word;
//! * after an abbreviation's period when a capital follows and either the
//!   abbreviation closes its phrase (a unit after its number, `т.б.`) or
//!   the word is a sentence starter learned from prose (`Бұл`), except
//!   after initials and titles (`Н.Ә. Назарбаев`, `проф. Ахметов`), a year
//!   after its number (`1955 ж.`), and inside brackets that close soon;
//! * at a blank line, and at a line break after a line that ends a
//!   sentence or is a headline (next line starts with a capital, a digit,
//!   a quote or a dash).

use std::collections::VecDeque;

use crate::span::Span;
use crate::tokenizer::{is_name_prefix, is_sentence_starter, tokenize, Token, TokenKind, Tokens};

/// A sentence longer than this many tokens is cut, so that memory stays
/// bounded on text without any sentence punctuation.
pub const MAX_SENTENCE_TOKENS: usize = 10_000;

/// How far the splitter looks ahead for the end of a quotation.
const QUOTE_LOOKAHEAD: usize = 40;

/// How far the splitter looks ahead, after an abbreviation inside brackets,
/// for the closing bracket.
const BRACKET_LOOKAHEAD: usize = 12;

/// One sentence: its span and its tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence<'a> {
    text: &'a str,
    span: Span,
    tokens: Vec<Token<'a>>,
}

impl<'a> Sentence<'a> {
    /// The sentence's text, from the start of its first token to the end of
    /// its last.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Byte offsets of the sentence in the input.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The sentence's tokens, in order.
    pub fn tokens(&self) -> &[Token<'a>] {
        &self.tokens
    }

    /// Takes the tokens out of the sentence.
    pub fn into_tokens(self) -> Vec<Token<'a>> {
        self.tokens
    }
}

/// Iterator over sentences; see [`sentences`].
#[derive(Clone, Debug)]
pub struct Sentences<'a> {
    text: &'a str,
    tokens: Tokens<'a>,
    ahead: VecDeque<Token<'a>>,
}

/// Splits `text` into sentences, each with its tokens. The text is
/// tokenized once.
///
/// ```
/// let text = "Жиын өтті.Бүгін «Ақ жол» партиясы мәлімдеме жасады! – деді ол. Н.Ә. Назарбаев келді.";
/// let sents: Vec<&str> = kazakh::sentences(text).map(|s| s.text()).collect();
/// assert_eq!(
///     sents,
///     [
///         "Жиын өтті.",
///         "Бүгін «Ақ жол» партиясы мәлімдеме жасады! – деді ол.",
///         "Н.Ә. Назарбаев келді.",
///     ]
/// );
/// ```
pub fn sentences(text: &str) -> Sentences<'_> {
    Sentences {
        text,
        tokens: tokenize(text),
        ahead: VecDeque::new(),
    }
}

/// Per-sentence state of open quotes and brackets.
#[derive(Default)]
struct Open {
    guillemets: i32,
    curly: i32,
    straight: bool,
    parens: i32,
    /// Direct speech opened by a dash after a colon (`Ол: - Қайда?`).
    dialogue: bool,
    last_colon: bool,
}

impl Open {
    fn update(&mut self, t: &str) {
        if self.last_colon && is_dash(t) {
            self.dialogue = true;
        }
        self.last_colon = t == ":";
        match t {
            "«" => self.guillemets += 1,
            // A quotation opened in an earlier sentence closes here.
            "»" => self.guillemets = (self.guillemets - 1).max(0),
            "“" | "„" => self.curly += 1,
            "”" => self.curly -= 1,
            "\"" => self.straight = !self.straight,
            "(" | "[" => self.parens += 1,
            // A bracket opened in an earlier sentence closes here, and
            // leaves the brackets this sentence opens counted.
            ")" | "]" => self.parens = (self.parens - 1).max(0),
            _ => {}
        }
    }

    fn in_quote(&self) -> bool {
        self.guillemets > 0 || self.curly > 0 || self.straight
    }

    /// Whether `t`, right after a sentence's final mark, belongs to that
    /// sentence: it closes something open in it, or it is `»`, `)` or `]`,
    /// which open nothing, closing a quotation or a bracket that began in
    /// an earlier sentence (`«Адам болам десеңіз... Бес нәрседен қашық
    /// бол...»`, `(Ол келді. Біз кеттік.)`).
    fn attaches(&self, t: &str) -> bool {
        self.closes(t) || matches!(t, "»" | ")" | "]")
    }

    /// Whether `t` closes something open in this sentence.
    fn closes(&self, t: &str) -> bool {
        match t {
            "»" => self.guillemets > 0,
            "”" => self.curly > 0,
            "\"" => self.straight,
            ")" | "]" => self.parens > 0,
            "’" | "›" => true,
            _ => false,
        }
    }
}

fn is_terminal(t: &Token<'_>) -> bool {
    t.kind() == TokenKind::Punct && t.text().chars().all(|c| matches!(c, '.' | '!' | '?' | '…'))
}

fn is_closing_quote(s: &str) -> bool {
    matches!(s, "»" | "”" | "\"" | "’" | "›")
}

fn is_opening_quote(s: &str) -> bool {
    matches!(s, "«" | "“" | "„" | "‹")
}

fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "–" | "—" | "--")
}

fn first_char(t: &Token<'_>) -> char {
    t.text().chars().next().unwrap_or(' ')
}

/// The abbreviations of a year or a century, and their plurals.
fn is_era_mark(s: &str) -> bool {
    matches!(s, "ж." | "жж." | "ғ." | "ғғ.")
}

/// A year's digits with an era mark written onto them (`1875ж`, `1995жж`,
/// `1459ғ`), right before the period `dot`.
fn is_glued_era_mark(t: &Token<'_>, dot: &Token<'_>) -> bool {
    let s = t.text();
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    t.kind() == TokenKind::Number
        && t.span().end == dot.span().start
        && (3..=4).contains(&digits)
        && matches!(&s[digits..], "ж" | "жж" | "ғ" | "ғғ")
}

/// `and so on` closing a list: `т.б.`, `т.с.с.`, `т.т.`, `т.б.с.с.`, `ж.б.`
/// (`және басқалар`), also written with spaces (`т. б.`, `т. с. с.`: the
/// single letters before `t` are in `back`).
fn is_list_closer(t: &str, back: &[Token<'_>]) -> bool {
    const CLOSERS: [&str; 5] = ["тб", "тсс", "тт", "тбсс", "жб"];
    if t.len() > 16 {
        return false;
    }
    let mut word: String = t
        .chars()
        .filter(|c| *c != '.')
        .flat_map(char::to_lowercase)
        .collect();
    if CLOSERS.contains(&word.as_str()) {
        return true;
    }
    // Spaced: prepend the dotted single letters before `t`, one at a time.
    if t.chars().count() != 2 {
        return false;
    }
    for p in back.iter().rev().map(Token::text) {
        let mut cs = p.chars();
        let (Some(c), Some('.'), None) = (cs.next(), cs.next(), cs.next()) else {
            return false;
        };
        word.insert_str(0, &c.to_lowercase().to_string());
        if CLOSERS.contains(&word.as_str()) {
            return true;
        }
    }
    false
}

/// A number a year or century is written with: digits (`1955`,
/// `1990-1995`'s last part), or Roman numerals in Latin or Cyrillic letters
/// (`XX`, `ХХІ`).
fn is_year_number(t: &Token<'_>) -> bool {
    let s = t.text();
    t.kind() == TokenKind::Number && s.bytes().all(|b| b.is_ascii_digit())
        || (!s.is_empty()
            && s.chars().count() <= 8
            && s.chars()
                .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'І' | 'Х' | 'С')))
}

/// Two or more letters, all capitals (`АҚШ`, `ҚР`).
fn is_acronym(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

fn starts_lower(t: &Token<'_>) -> bool {
    first_char(t).is_lowercase()
}

/// Line breaks in a gap of whitespace: 0, 1, or 2 for "two or more".
fn line_breaks(gap: &str) -> u8 {
    let mut n = 0;
    for b in gap.bytes() {
        if b == b'\n' {
            n += 1;
            if n == 2 {
                break;
            }
        }
    }
    n
}

impl<'a> Sentences<'a> {
    fn peek(&mut self, k: usize) -> Option<Token<'a>> {
        while self.ahead.len() <= k {
            let t = self.tokens.next()?;
            self.ahead.push_back(t);
        }
        self.ahead.get(k).copied()
    }

    fn pop(&mut self) -> Option<Token<'a>> {
        self.ahead.pop_front().or_else(|| self.tokens.next())
    }

    /// After a sentence-final mark inside a quotation: does the quotation
    /// close soon, followed by a lower-case word (`«Қайда?» деп сұрады`)?
    fn quote_continues(&mut self) -> bool {
        let mut prev_end = None::<usize>;
        for k in 0..QUOTE_LOOKAHEAD {
            let Some(t) = self.peek(k) else {
                return false;
            };
            if let Some(end) = prev_end {
                if line_breaks(&self.text[end..t.span().start]) >= 2 {
                    return false;
                }
            }
            prev_end = Some(t.span().end);
            if is_opening_quote(t.text()) {
                return false;
            }
            if is_closing_quote(t.text()) {
                let mut j = k + 1;
                while let Some(n) = self.peek(j) {
                    if matches!(n.text(), "," | "–" | "—" | "-") || is_closing_quote(n.text()) {
                        j += 1;
                        continue;
                    }
                    return starts_lower(&n);
                }
                return false;
            }
        }
        false
    }

    /// After an abbreviation inside brackets: does a closing bracket come
    /// soon, before any sentence mark (`(қ. Кеңес Одағы)`)? A bracket left
    /// open by mistake does not hold the sentence.
    fn bracket_closes(&mut self) -> bool {
        for k in 0..BRACKET_LOOKAHEAD {
            let Some(t) = self.peek(k) else {
                return false;
            };
            if matches!(t.text(), ")" | "]") {
                return true;
            }
            if is_terminal(&t) || is_opening_quote(t.text()) || t.text() == "(" {
                return false;
            }
        }
        false
    }

    /// After a sentence-final mark in direct speech opened by a dash: does
    /// a dash followed by a lower-case word (`- дейді`) come soon?
    fn dialogue_continues(&mut self) -> bool {
        for k in 0..QUOTE_LOOKAHEAD {
            let Some(t) = self.peek(k) else {
                return false;
            };
            if t.text() == ":" || is_opening_quote(t.text()) {
                return false;
            }
            if is_dash(t.text()) {
                return self.peek(k + 1).is_some_and(|n| starts_lower(&n));
            }
        }
        false
    }

    /// Whether `t` is an ellipsis written between two numbers without
    /// spaces, the range of a forecast (`-15...-20 градус`, `0…+5`,
    /// `10...15`), not a sentence end. Called with nothing between `t` and
    /// the next token; looks at most two tokens ahead.
    fn ellipsis_range(&mut self, t: &Token<'a>, back: &[Token<'a>]) -> bool {
        if !matches!(t.text(), "..." | "…") {
            return false;
        }
        let number_before = back
            .last()
            .is_some_and(|b| b.kind() == TokenKind::Number && b.span().end == t.span().start);
        if !number_before {
            return false;
        }
        let Some(n) = self.peek(0) else {
            return false;
        };
        if n.kind() == TokenKind::Number {
            return true;
        }
        let sign = matches!(n.text(), "-" | "+" | "−" | "–");
        sign && self
            .peek(1)
            .is_some_and(|m| m.kind() == TokenKind::Number && m.span().start == n.span().end)
    }

    /// Whether the sentence ends after `t`, given what is open and whether a
    /// sentence-final mark is pending (seen, possibly followed by closers).
    fn ends_after(
        &mut self,
        t: &Token<'a>,
        back: &[Token<'a>],
        open: &Open,
        pending: bool,
    ) -> bool {
        let Some(n) = self.peek(0) else {
            return true;
        };
        let gap = &self.text[t.span().end..n.span().start];
        let breaks = line_breaks(gap);
        if breaks >= 2 {
            return true;
        }
        if pending {
            if (open.attaches(n.text()) || is_terminal(&n)) && gap.is_empty() {
                return false;
            }
            if gap.is_empty() && self.ellipsis_range(t, back) {
                return false;
            }
            if breaks == 1 {
                return true;
            }
            if starts_lower(&n) || matches!(n.text(), "," | ";" | ":") {
                return false;
            }
            if is_dash(n.text()) {
                if let Some(after) = self.peek(1) {
                    if starts_lower(&after) {
                        return false;
                    }
                }
            }
            if open.in_quote() && !is_closing_quote(t.text()) && self.quote_continues() {
                return false;
            }
            // The era mark written onto its year (`1875ж.`, `1990-1995жж.`)
            // is the abbreviation of `1875 ж.`, whose period leaves the
            // sentence open unless a line break follows (see below).
            if t.text() == "." && back.last().is_some_and(|b| is_glued_era_mark(b, t)) {
                return breaks == 1;
            }
            // Inside brackets that close soon with no other sentence mark
            // before (`(үз. 2–4 мм)`), a period closes an abbreviation the
            // tokenizer does not know, not the sentence.
            if open.parens > 0 && t.text() == "." && self.bracket_closes() {
                return false;
            }
            if open.dialogue && self.dialogue_continues() {
                return false;
            }
            return true;
        }
        if t.kind() == TokenKind::Abbreviation && t.text().ends_with('.') {
            // A year or century abbreviated after its number (`1955 ж.`,
            // `ХХ ғ.`) opens the sentence's account of when, and what
            // follows it with a capital is a name (`Ол 1955 ж. Мәскеуге
            // көшті.`): only a line break ends a sentence there.
            let prev = back.last();
            if is_era_mark(t.text()) && prev.is_some_and(is_year_number) {
                return breaks == 1;
            }
            // Inside brackets an abbreviation's period leaves the sentence
            // open: references and credits (`(қ. Екінші дүниежүзілік
            // соғыс)`, `(1967, реж. Эханиян)`) end at their bracket.
            if open.parens > 0 && self.bracket_closes() {
                return breaks == 1;
            }
            // A capitalised word after an abbreviation starts a sentence
            // when the abbreviation closes what it belongs to: a unit
            // after its number (`950 км.`, `1,5 куб км.`, `20–50 г.`) or
            // the `and so on` of a list (`т.б.`, `т.с.с.`). After other
            // abbreviations, which stand before what they qualify (`Орт.
            // Азия`, `(қ. Кеңес Одағы)`, `лат. Carthamnus`), it does only
            // when prose shows the word starting sentences and written in
            // lower case inside them (`Бұл`, `Олардың`): a name does not.
            // An acronym (`1 млрд. АҚШ доллары`), and anything after
            // initials or a title, never does.
            let closes = back.iter().any(|b| b.kind() == TokenKind::Number)
                || is_list_closer(t.text(), back);
            let starts = first_char(&n).is_uppercase()
                && !is_acronym(n.text())
                && (closes || is_sentence_starter(n.text()));
            return (breaks == 1 || starts) && !is_name_prefix(t.text());
        }
        if breaks == 1 {
            let continues = matches!(t.text(), "," | "-" | "–" | "—") || starts_lower(&n);
            return !continues;
        }
        false
    }
}

/// The tokens a new sentence has room for before its vector grows.
const SENTENCE_CAPACITY: usize = 32;

impl<'a> Iterator for Sentences<'a> {
    type Item = Sentence<'a>;

    fn next(&mut self) -> Option<Sentence<'a>> {
        // Room for most sentences of prose: grown from nothing, the vector
        // was copied three times a sentence on average.
        let mut tokens = Vec::with_capacity(SENTENCE_CAPACITY);
        let span = self.next_into(&mut tokens)?;
        Some(Sentence {
            text: &self.text[span.range()],
            span,
            tokens,
        })
    }
}

impl<'a> Sentences<'a> {
    /// The next sentence as [`Iterator::next`] finds it, its tokens into
    /// `tokens` (emptied first; the pipeline's one vector for all of a
    /// text's sentences) and its span returned; `None` after the last.
    pub(crate) fn next_into(&mut self, tokens: &mut Vec<Token<'a>>) -> Option<Span> {
        tokens.clear();
        let mut open = Open::default();
        let mut pending = false;
        while let Some(t) = self.pop() {
            if is_terminal(&t) {
                pending = true;
            } else if !(pending && open.attaches(t.text())) {
                pending = false;
            }
            open.update(t.text());
            tokens.push(t);
            // The two tokens before `t`, for the abbreviation rules.
            let back = &tokens[tokens.len().saturating_sub(3)..tokens.len() - 1];
            if tokens.len() >= MAX_SENTENCE_TOKENS || self.ends_after(&t, back, &open, pending) {
                break;
            }
        }
        let first = tokens.first()?;
        Some(Span::new(first.span().start, tokens.last()?.span().end))
    }
}

impl core::iter::FusedIterator for Sentences<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        sentences(s).map(|s| s.text()).collect()
    }

    #[test]
    fn rules() {
        let cases: &[(&str, &[&str])] = &[
            // Sentence marks and their runs.
            (
                "Бір. Екі! Үш? Төрт… Бес?! Алты...",
                &["Бір.", "Екі!", "Үш?", "Төрт…", "Бес?!", "Алты..."],
            ),
            // An ellipsis between numbers without spaces is a range.
            (
                "Түнде -15...-20 градус, күндіз 0…+5 градус. Жел соғады.",
                &["Түнде -15...-20 градус, күндіз 0…+5 градус.", "Жел соғады."],
            ),
            ("Ол 5... Сосын 6 келді.", &["Ол 5...", "Сосын 6 келді."]),
            // A period inside brackets that close soon, with no other
            // sentence mark before: an abbreviation's.
            (
                "Тұқымы ұсақ (үз. 2–4 мм), сарғыш. Гүлі ақ.",
                &["Тұқымы ұсақ (үз. 2–4 мм), сарғыш.", "Гүлі ақ."],
            ),
            // Brackets that stay open (or close only after another mark)
            // hold no sentence together.
            (
                "(Ол келді. Бұл жақсы болды, біз қуандық, бәрі келді, той болды.",
                &[
                    "(Ол келді.",
                    "Бұл жақсы болды, біз қуандық, бәрі келді, той болды.",
                ],
            ),
            // No space after the period.
            (
                "Жұмыс бітті.Бүгін демалыс.",
                &["Жұмыс бітті.", "Бүгін демалыс."],
            ),
            // A lower-case word continues the sentence.
            ("Ол келді. бірақ кетті.", &["Ол келді. бірақ кетті."]),
            // Not after abbreviations and initials.
            (
                "Кітап, т.б. заттар алынды. 1 млрд. АҚШ доллары бөлінді.",
                &["Кітап, т.б. заттар алынды.", "1 млрд. АҚШ доллары бөлінді."],
            ),
            (
                "Н.Ә. Назарбаев келді. Проф. Ахметов сөйледі.",
                &["Н.Ә. Назарбаев келді.", "Проф. Ахметов сөйледі."],
            ),
            // A capital after an abbreviation starts a sentence.
            ("Шығын 5 млн. Бұл көп.", &["Шығын 5 млн.", "Бұл көп."]),
            // Not after a year or century abbreviated after its number:
            // a name follows; a line break still ends the sentence.
            (
                "Ол 1955 ж. Мәскеуге көшті. ХХ ғ. Қазақстан өзгерді.",
                &["Ол 1955 ж. Мәскеуге көшті.", "ХХ ғ. Қазақстан өзгерді."],
            ),
            // A bracket opened in an earlier sentence closes with the
            // sentence whose final mark it follows.
            (
                "(Ол келді. Біз кеттік.) Үшінші сөйлем.",
                &["(Ол келді.", "Біз кеттік.)", "Үшінші сөйлем."],
            ),
            (
                "Ол келді. Біз кеттік.] Үшінші (үз. 2 мм) сөйлем.",
                &["Ол келді.", "Біз кеттік.]", "Үшінші (үз. 2 мм) сөйлем."],
            ),
            // A list marker's bracket (`а)`) opens nothing: a bracket opened
            // after it still holds an abbreviation's period.
            (
                "а) Бірінші (сур. Бұл) тармақ.",
                &["а) Бірінші (сур. Бұл) тармақ."],
            ),
            (
                "Тізім: 1) жапырақ (ұз. Бұл 2 мм) жасыл.",
                &["Тізім: 1) жапырақ (ұз. Бұл 2 мм) жасыл."],
            ),
            // The era mark written onto its year, with its period.
            (
                "Түр алғаш рет 1875ж. Ф.А. Лешпен сипатталған. 1459ж. Әбілхайыр келді.",
                &[
                    "Түр алғаш рет 1875ж. Ф.А. Лешпен сипатталған.",
                    "1459ж. Әбілхайыр келді.",
                ],
            ),
            (
                "Ол 1990-1995жж. Алматыда тұрды.\nБұл 1875ж.\nКейін кетті. Бағасы 1875 ж. Бұл",
                &[
                    "Ол 1990-1995жж. Алматыда тұрды.",
                    "Бұл 1875ж.",
                    "Кейін кетті.",
                    "Бағасы 1875 ж. Бұл",
                ],
            ),
            // Not after other letters on a number.
            ("Бағасы 1875т. Бұл жақсы.", &["Бағасы 1875т.", "Бұл жақсы."]),
            (
                "1990-1995 жж. Алматыда тұрды. XIX ғ. Ресей.",
                &["1990-1995 жж. Алматыда тұрды.", "XIX ғ. Ресей."],
            ),
            (
                "Құрылды 1991 ж.\nЖаңа тарау",
                &["Құрылды 1991 ж.", "Жаңа тарау"],
            ),
            ("Бет 5 ж. Ол келді.", &["Бет 5 ж. Ол келді."]),
            // After an abbreviation that stands before what it qualifies,
            // a capitalised word starts a sentence only if prose shows it
            // as a sentence starter written in lower case inside sentences
            // (learned); a name does not.
            (
                "Ол Орт. Азияда тұрды. Бат. Қазақстан.",
                &["Ол Орт. Азияда тұрды.", "Бат. Қазақстан."],
            ),
            (
                "Мақсары (лат. Carthamnus) өседі. Дж. Байрон сияқты ақын.",
                &[
                    "Мақсары (лат. Carthamnus) өседі.",
                    "Дж. Байрон сияқты ақын.",
                ],
            ),
            (
                "Фильм (1967, реж. Эханиян) шықты.",
                &["Фильм (1967, реж. Эханиян) шықты."],
            ),
            (
                "Бұл сала экон. Олардың бірі өсті.",
                &["Бұл сала экон.", "Олардың бірі өсті."],
            ),
            // A learned abbreviation before a number does not end it.
            (
                "Жауын-шашын мөлш. 550 мм. Саябақ биік.",
                &["Жауын-шашын мөлш. 550 мм.", "Саябақ биік."],
            ),
            // A unit after its number, or the `and so on` of a list, ends
            // the sentence before any capitalised word.
            (
                "Ұзындығы 950 км. Батыс жағы тегіс. Көлемі 1,5 куб км. Мұздықтан ағады.",
                &[
                    "Ұзындығы 950 км.",
                    "Батыс жағы тегіс.",
                    "Көлемі 1,5 куб км.",
                    "Мұздықтан ағады.",
                ],
            ),
            (
                "Алма, өрік, т.б. Баклажан көшеттен өседі. Жүзім т. б. Геродот жазды.",
                &[
                    "Алма, өрік, т.б.",
                    "Баклажан көшеттен өседі.",
                    "Жүзім т. б.",
                    "Геродот жазды.",
                ],
            ),
            (
                "Ақын, жазушы ж.б. Абай келді. Ән т. с. с. Жамбыл айтты.",
                &[
                    "Ақын, жазушы ж.б.",
                    "Абай келді.",
                    "Ән т. с. с.",
                    "Жамбыл айтты.",
                ],
            ),
            // Spaced initials are not a list's end.
            ("Ол Т. С. Абай келді.", &["Ол Т. С. Абай келді."]),
            // Inside brackets that close soon, an abbreviation's period
            // does not end the sentence, even before a starter; a bracket
            // left open does not hold it.
            (
                "Соғыс басталды (қ. Екінші дүниежүзілік соғыс). Сосын бітті.",
                &[
                    "Соғыс басталды (қ. Екінші дүниежүзілік соғыс).",
                    "Сосын бітті.",
                ],
            ),
            (
                "Еңбектер (\"Оғызнама\", т.б. Көне түркі тілі бай.",
                &["Еңбектер (\"Оғызнама\", т.б.", "Көне түркі тілі бай."],
            ),
            // Quotation that continues the sentence.
            (
                "«Қайда барасың?» деді ол. Мен үндемедім.",
                &["«Қайда барасың?» деді ол.", "Мен үндемедім."],
            ),
            (
                "Ол \"Азамат қайда? Көрдің бе?\" деп сұрады.",
                &["Ол \"Азамат қайда? Көрдің бе?\" деп сұрады."],
            ),
            ("«Жоқ!», – деді ол.", &["«Жоқ!», – деді ол."]),
            // Dash and a lower-case word after the sentence mark.
            ("Жақсы! – деді ол.", &["Жақсы! – деді ол."]),
            // Direct speech opened by a dash after a colon.
            (
                "Ол: - Қайда? Неге? - дейді.",
                &["Ол: - Қайда? Неге? - дейді."],
            ),
            // Closing quotes and brackets stay with their sentence.
            (
                "Ол «Келемін.» Сосын кетті.",
                &["Ол «Келемін.»", "Сосын кетті."],
            ),
            ("(Бұл рас.) Иә.", &["(Бұл рас.)", "Иә."]),
            // `»` opens nothing: after a sentence's final mark it closes a
            // quotation begun in an earlier sentence, and stays with the
            // sentence it ends.
            ("«Бір. Екі...» Үш.", &["«Бір.", "Екі...»", "Үш."]),
            (
                "«Адам болам десеңіз... Бес нәрседен қашық бол...» Абай айтты.",
                &[
                    "«Адам болам десеңіз...",
                    "Бес нәрседен қашық бол...»",
                    "Абай айтты.",
                ],
            ),
            ("Ол келді.» Біз кеттік.", &["Ол келді.»", "Біз кеттік."]),
            // A quotation that does not close soon does not hold the sentence.
            (
                "«Біз келдік. Жарыс «Дәулет» орталығында өтті.",
                &["«Біз келдік.", "Жарыс «Дәулет» орталығында өтті."],
            ),
            // Headlines and paragraphs.
            (
                "Жаңалықтар\nБүгін жиын өтті.",
                &["Жаңалықтар", "Бүгін жиын өтті."],
            ),
            ("Бір\n\nекі", &["Бір", "екі"]),
            // A wrapped line continues.
            ("Бүгін жиын\nөтті.", &["Бүгін жиын\nөтті."]),
            ("Бүгін,\nЖиын өтті.", &["Бүгін,\nЖиын өтті."]),
            // Decimals do not end sentences.
            ("Өсім 3.2 пайыз. Жақсы.", &["Өсім 3.2 пайыз.", "Жақсы."]),
            ("", &[]),
        ];
        for (input, want) in cases {
            assert_eq!(split(input), *want, "input: {input:?}");
        }
    }

    #[test]
    fn tokens_are_grouped_without_loss() {
        let text = "Бір. Екі «үш!» деді.\n\nТөрт";
        let grouped: Vec<Token> = sentences(text).flat_map(|s| s.into_tokens()).collect();
        let flat: Vec<Token> = tokenize(text).collect();
        assert_eq!(grouped, flat);
    }

    #[test]
    fn long_text_without_marks_is_cut() {
        let text = "сөз ".repeat(MAX_SENTENCE_TOKENS + 5);
        let lens: Vec<usize> = sentences(&text).map(|s| s.tokens().len()).collect();
        assert_eq!(lens, [MAX_SENTENCE_TOKENS, 5]);
    }
}

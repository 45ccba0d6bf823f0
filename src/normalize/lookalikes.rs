//! Step 1: look-alike letters of the other script inside a word.
//!
//! A *word* here is a maximal run of letters, combining marks and the
//! invisible characters of step 3 (which are transparent, so that a soft
//! hyphen does not split a word in two). Every letter of a word is counted
//! by script, and each Latin or Cyrillic letter is either *ambiguous* (it has
//! a look-alike in the other script, listed in the tables below) or
//! *distinctive* (it has none: б, қ, ы; m, s, G).
//!
//! The word's direction is then:
//!
//! * Cyrillic when it has a distinctive Cyrillic letter and no distinctive
//!   Latin one (`бiрi`, `Шаhар`, `мəселе`);
//! * Latin when it has a distinctive Latin letter and no distinctive
//!   Cyrillic one (`meіosіs`, the Roman numeral `ХV`);
//! * when neither script has a distinctive letter, the script with more
//!   letters wins (`ХIХ` → `ХІХ`, `XІX` → `XIX`), and a tie changes nothing;
//! * a word with distinctive letters of both scripts (`iPhoneға`,
//!   `Appleдің`: a Latin stem with a Kazakh suffix) is left alone.
//!
//! In a Cyrillic word every ambiguous Latin letter becomes its Cyrillic
//! twin, and the Cyrillic stand-ins seen in real text are repaired too:
//! ї → һ, Ї → Һ (the data writes мәшїүр for мәшһүр), palochka Ӏ → І and
//! ӏ → і. In a Latin word every ambiguous Cyrillic letter becomes its Latin
//! twin. Words of one script only are never changed (apart from the
//! stand-ins), so `Google`, `COVID` and `Қазақстан` stay as they are.
//!
//! Capital Latin `H` becomes `Н` (en), its visual twin, and not `Һ`;
//! Latin `Y` becomes `Ү`, lower-case `y` becomes `у`. Russian-keyboard
//! substitutions (к for қ, н for ң) are real letters of the same script and
//! cannot be repaired letter by letter, so they are not attempted.
//!
//! The rule is stable: after the repair a word holds letters of one script
//! only, so a second pass finds nothing to do.

/// The script of a letter, as far as this step cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Script {
    /// Latin letters, including IPA and the Kelvin and Ångström signs.
    Latin,
    /// Cyrillic letters.
    Cyrillic,
    /// Any other letter: neutral.
    Other,
}

/// Which way a word's look-alikes are repaired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Direction {
    /// Latin look-alikes become Cyrillic.
    ToCyrillic,
    /// Cyrillic look-alikes become Latin.
    ToLatin,
    /// Nothing changes.
    Keep,
}

/// The script of letter `c` (call only for letters).
pub(crate) fn script(c: char) -> Script {
    let u = c as u32;
    if u < 0x80 {
        return if c.is_ascii_alphabetic() {
            Script::Latin
        } else {
            Script::Other
        };
    }
    match u {
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x1D2B | 0x1D78 | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => {
            Script::Cyrillic
        }
        0xAA
        | 0xBA
        | 0xC0..=0xD6
        | 0xD8..=0xF6
        | 0xF8..=0x2AF
        | 0x1D00..=0x1D2A
        | 0x1D2C..=0x1D77
        | 0x1D79..=0x1DBF
        | 0x1E00..=0x1EFF
        | 0x2071
        | 0x207F
        | 0x2090..=0x209C
        | 0x212A
        | 0x212B
        | 0x2C60..=0x2C7F
        | 0xA722..=0xA7FF
        | 0xAB30..=0xAB6F
        | 0xFB00..=0xFB06
        | 0xFF21..=0xFF3A
        | 0xFF41..=0xFF5A => Script::Latin,
        _ => Script::Other,
    }
}

/// The Cyrillic twin of an ambiguous Latin letter.
pub(crate) fn to_cyrillic(c: char) -> Option<char> {
    Some(match c {
        'a' => 'а',
        'c' => 'с',
        'e' => 'е',
        'o' => 'о',
        'p' => 'р',
        'x' => 'х',
        'y' => 'у',
        'i' => 'і',
        'h' => 'һ',
        'A' => 'А',
        'B' => 'В',
        'C' => 'С',
        'E' => 'Е',
        'H' => 'Н',
        'K' | '\u{212A}' => 'К',
        'M' => 'М',
        'O' => 'О',
        'P' => 'Р',
        'T' => 'Т',
        'X' => 'Х',
        'Y' => 'Ү',
        'I' => 'І',
        '\u{0259}' => 'ә',
        '\u{018F}' => 'Ә',
        '\u{0275}' => 'ө',
        '\u{019F}' => 'Ө',
        _ => return None,
    })
}

/// The Latin twin of an ambiguous Cyrillic letter.
pub(crate) fn to_latin(c: char) -> Option<char> {
    Some(match c {
        'а' => 'a',
        'с' => 'c',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'х' => 'x',
        'у' => 'y',
        'і' => 'i',
        'һ' => 'h',
        'А' => 'A',
        'В' => 'B',
        'С' => 'C',
        'Е' => 'E',
        'Н' => 'H',
        'К' => 'K',
        'М' => 'M',
        'О' => 'O',
        'Р' => 'P',
        'Т' => 'T',
        'Х' => 'X',
        'Ү' => 'Y',
        'І' | '\u{04C0}' => 'I',
        _ => return None,
    })
}

/// Cyrillic stand-ins repaired inside Cyrillic words.
pub(crate) fn stand_in(c: char) -> Option<char> {
    Some(match c {
        'ї' => 'һ',
        'Ї' => 'Һ',
        '\u{04C0}' => 'І',
        '\u{04CF}' => 'і',
        _ => return None,
    })
}

/// Cyrillic letters of U+0400–U+04FF that need no attention from any step:
/// letters, combining class 0, NFC quick-check Yes, and not a stand-in.
#[inline]
pub(crate) fn is_plain_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}')
        && !matches!(c, 'ї' | 'Ї' | '\u{04C0}' | '\u{04CF}')
}

/// Letter counts of one word.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Tally {
    cyrillic: usize,
    latin: usize,
    distinct_cyrillic: usize,
    distinct_latin: usize,
}

impl Tally {
    /// Counts letter `c` (call only for letters, not marks or invisibles).
    pub(crate) fn add(&mut self, c: char) {
        match script(c) {
            Script::Latin => {
                self.latin += 1;
                if to_cyrillic(c).is_none() {
                    self.distinct_latin += 1;
                }
            }
            Script::Cyrillic => {
                self.cyrillic += 1;
                if to_latin(c).is_none() {
                    self.distinct_cyrillic += 1;
                }
            }
            Script::Other => {}
        }
    }

    /// The word's direction (see the module docs).
    pub(crate) fn direction(&self) -> Direction {
        match (self.distinct_cyrillic > 0, self.distinct_latin > 0) {
            (true, false) => Direction::ToCyrillic,
            (false, true) => Direction::ToLatin,
            (true, true) => Direction::Keep,
            (false, false) => match self.cyrillic.cmp(&self.latin) {
                core::cmp::Ordering::Greater => Direction::ToCyrillic,
                core::cmp::Ordering::Less => Direction::ToLatin,
                core::cmp::Ordering::Equal => Direction::Keep,
            },
        }
    }
}

/// The replacement of letter `c` in a word going `dir`, if any.
#[inline]
pub(crate) fn repair(dir: Direction, c: char) -> Option<char> {
    match dir {
        Direction::ToCyrillic => to_cyrillic(c).or_else(|| stand_in(c)),
        Direction::ToLatin => to_latin(c),
        Direction::Keep => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn direction(word: &str) -> Direction {
        let mut t = Tally::default();
        word.chars().for_each(|c| t.add(c));
        t.direction()
    }

    #[test]
    fn directions() {
        let cases = [
            ("бiрi", Direction::ToCyrillic),
            ("Шаhар", Direction::ToCyrillic),
            ("мəселе", Direction::ToCyrillic),
            ("meіosіs", Direction::ToLatin),
            ("ХV", Direction::ToLatin),
            ("ХIХ", Direction::ToCyrillic),
            ("XІX", Direction::ToLatin),
            ("XІ", Direction::Keep),
            ("iPhoneға", Direction::Keep),
            ("Appleдің", Direction::Keep),
            ("Қазақстан", Direction::ToCyrillic),
            ("Google", Direction::ToLatin),
        ];
        for (word, want) in cases {
            assert_eq!(direction(word), want, "{word}");
        }
    }

    #[test]
    fn tables_are_consistent() {
        // Every replacement lands in the other script, and the look-alike
        // sets are exactly the tables' domains.
        for u in 0..0x3000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            if let Some(r) = to_cyrillic(c) {
                assert_eq!(script(c), Script::Latin, "{c}");
                assert_eq!(script(r), Script::Cyrillic, "{r}");
            }
            if let Some(r) = to_latin(c) {
                assert_eq!(script(c), Script::Cyrillic, "{c}");
                assert_eq!(script(r), Script::Latin, "{r}");
            }
            if let Some(r) = stand_in(c) {
                assert_eq!(script(c), Script::Cyrillic, "{c}");
                assert!(is_plain_cyrillic(r), "{r}");
            }
        }
    }
}

//! Suffix phonology: vowel harmony, the sound classes that pick a suffix's
//! first consonant, the head consonants of the case and plural suffixes,
//! and the voicing of a stem-final к қ п before a vowel.
//!
//! This is the one home of these rules. The generators include this file
//! as a module of their own (`#[path]` in `tools/gentables` and
//! `tools/genmorph`), so it imports nothing from the crate.

/// Vowel harmony: back (а о ұ ы) or front (ә е і ө ү).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Harmony {
    Back,
    Front,
}

/// The harmony of one vowel letter: back а о ұ ы я ё, front ә е і ө ү э;
/// `None` for the rest, у и ю included (their harmony depends on what
/// stands before them, see [`harmony`]).
pub(crate) fn vowel_harmony(c: char) -> Option<Harmony> {
    match c {
        'а' | 'о' | 'ұ' | 'ы' | 'я' | 'ё' => Some(Harmony::Back),
        'ә' | 'е' | 'і' | 'ө' | 'ү' | 'э' => Some(Harmony::Front),
        _ => None,
    }
}

/// The voiced consonant that a stem-final к қ п becomes between vowels
/// (кітап + ы → кітабы, -лық + ы → -лығы).
// The analyzer only devoices; the generators voice.
#[allow(dead_code)]
pub(crate) fn voiced(c: char) -> Option<char> {
    match c {
        'к' => Some('г'),
        'қ' => Some('ғ'),
        'п' => Some('б'),
        _ => None,
    }
}

/// The reverse of [`voiced`]: the stem-final consonant that г ғ б stand
/// for in a dictionary form (кітабы → кітап).
pub(crate) fn devoiced(c: char) -> Option<char> {
    match c {
        'г' => Some('к'),
        'ғ' => Some('қ'),
        'б' => Some('п'),
        _ => None,
    }
}

/// Whether `c` is a (lower-case) vowel letter.
pub(crate) fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'ә' | 'е' | 'ё' | 'и' | 'о' | 'ө' | 'у' | 'ұ' | 'ү' | 'ы' | 'і' | 'э' | 'ю' | 'я'
    )
}

/// The harmony of a stem: its last vowel. A `у` or `и` after a vowel is a
/// glide and is skipped; after a consonant `у` is back (форум) unless it
/// ends the stem after a front vowel (келу, шешу), and `и` is
/// either (министрге, but тарихы): `None`. The surname ending -ев is
/// skipped: the root decides (Тоқаевқа, Назарбаевтың).
pub(crate) fn harmony(stem: &str) -> Option<Harmony> {
    let stem = match stem.strip_suffix("ев") {
        Some(root) if root.chars().any(is_vowel) => root,
        _ => stem,
    };
    let mut chars = stem.chars().rev().peekable();
    let mut last = true;
    while let Some(c) = chars.next() {
        let was_last = std::mem::replace(&mut last, false);
        if let Some(h) = vowel_harmony(c) {
            return Some(h);
        }
        let h = match c {
            'у' | 'и' | 'ю' => {
                if chars.peek().is_some_and(|&p| is_vowel(p)) {
                    continue;
                }
                match c {
                    // After a consonant, у is back (форум, ресурс) unless
                    // it ends the stem after a front vowel: the gerund of a
                    // front stem (шешу-ге, келу-і).
                    'у' if was_last => match chars.find_map(vowel_harmony) {
                        Some(Harmony::Front) => Harmony::Front,
                        _ => Harmony::Back,
                    },
                    'у' => Harmony::Back,
                    'ю' => Harmony::Front,
                    _ => return None,
                }
            }
            _ => continue,
        };
        return Some(h);
    }
    None
}

/// Class of a stem's last sound.
pub(crate) const VOWEL: u8 = 1;
/// р й, and у и as /w/ /ij/.
pub(crate) const GLIDE: u8 = 2;
/// л
pub(crate) const L: u8 = 4;
/// м н ң
pub(crate) const NASAL: u8 = 8;
/// з ж
pub(crate) const SIBILANT: u8 = 16;
/// к қ п с т ш ф х һ ц ч щ, and б в г д at the end of loans.
pub(crate) const VOICELESS: u8 = 32;
/// Any consonant.
pub(crate) const CONSONANT: u8 = GLIDE | L | NASAL | SIBILANT | VOICELESS;
/// Anything.
pub(crate) const ANY: u8 = VOWEL | CONSONANT;

/// Head consonant of a suffix for each class of the preceding sound, in
/// the order of [`CLASSES`]; written in back harmony ([`front_of`] gives
/// the front form).
pub(crate) type Heads = [&'static str; 6];
/// The classes of the preceding sound, in the order of [`Heads`].
pub(crate) const CLASSES: [u8; 6] = [VOWEL, GLIDE, L, NASAL, SIBILANT, VOICELESS];
/// -лар -дар -тар.
pub(crate) const PLURAL: Heads = ["л", "л", "д", "д", "д", "т"];
/// -ның -дың -тың.
pub(crate) const GENITIVE: Heads = ["н", "д", "д", "н", "д", "т"];
/// -ны -ды -ты.
pub(crate) const ACCUSATIVE: Heads = ["н", "д", "д", "д", "д", "т"];
/// -ға -қа.
pub(crate) const DATIVE: Heads = ["ғ", "ғ", "ғ", "ғ", "ғ", "қ"];
/// -да -та.
pub(crate) const LOCATIVE: Heads = ["д", "д", "д", "д", "д", "т"];
/// -дан -нан -тан.
pub(crate) const ABLATIVE: Heads = ["д", "д", "д", "н", "д", "т"];
/// -мен -бен -пен.
pub(crate) const INSTRUMENTAL: Heads = ["м", "м", "м", "м", "б", "п"];

/// The class of the last sound of `stem` (0 for no letter).
pub(crate) fn final_class(stem: &str) -> u8 {
    let mut chars = stem.chars().rev();
    let mut last = chars.next();
    if matches!(last, Some('ь' | 'ъ')) {
        last = chars.next();
    }
    match last {
        None => 0,
        Some('р' | 'й' | 'у' | 'и' | 'ю') => GLIDE,
        Some(c) if is_vowel(c) => VOWEL,
        Some('л') => L,
        Some('м' | 'н' | 'ң') => NASAL,
        Some('з' | 'ж') => SIBILANT,
        Some(
            'к' | 'қ' | 'п' | 'с' | 'т' | 'ш' | 'ф' | 'х' | 'һ' | 'ц' | 'ч' | 'щ' | 'б' | 'в' | 'г'
            | 'ғ' | 'д',
        ) => VOICELESS,
        Some(c) if c.is_ascii_digit() => ANY,
        Some(_) => 0,
    }
}

/// Whether a suffix of harmony `suffix` may follow `stem`. Unknown harmony
/// agrees with both; stems ending in к, г, ь also take front suffixes
/// (банкке, Гонконгте, стильдер).
pub(crate) fn harmony_agrees(stem: &str, suffix: Option<Harmony>) -> bool {
    let Some(suffix) = suffix else { return true };
    match harmony(stem) {
        None => true,
        Some(h) if h == suffix => true,
        Some(_) => suffix == Harmony::Front && stem.ends_with(['к', 'г', 'ь']),
    }
}

/// Whether `a` ends with `b`, compared byte by byte (short strings).
pub(crate) fn ends_with(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() >= b.len() && a[a.len() - b.len()..].iter().zip(b).all(|(x, y)| x == y)
}

/// The vowel of a suffix: `а`/`ы` for back, `е`/`і` for front.
pub(crate) fn front_of(c: char) -> char {
    match c {
        'а' => 'е',
        'ы' => 'і',
        'ғ' => 'г',
        'қ' => 'к',
        'ұ' => 'ү',
        'о' => 'ө',
        c => c,
    }
}

//! Vowel harmony and the sound classes that pick suffix forms.

/// Vowel harmony: back (а о ұ ы) or front (ә е і ө ү).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Harmony {
    Back,
    Front,
}

/// Whether `c` is a (lower-case) vowel letter.
pub(crate) fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'ә' | 'е' | 'ё' | 'и' | 'о' | 'ө' | 'у' | 'ұ' | 'ү' | 'ы' | 'і' | 'э' | 'ю' | 'я'
    )
}

/// The harmony of a stem: its last vowel. A `у` or `и` after a vowel is a
/// glide and is skipped; after a consonant `у` is back (форум), and `и` is
/// either (министрге, but тарихы): `None`. The surname ending -ев is
/// skipped: the root decides (Тоқаевқа, Назарбаевтың).
pub(crate) fn harmony(stem: &str) -> Option<Harmony> {
    let stem = match stem.strip_suffix("ев") {
        Some(root) if root.chars().any(is_vowel) => root,
        _ => stem,
    };
    let mut chars = stem.chars().rev().peekable();
    while let Some(c) = chars.next() {
        let h = match c {
            'а' | 'о' | 'ұ' | 'ы' | 'я' | 'ё' => Harmony::Back,
            'ә' | 'е' | 'і' | 'ө' | 'ү' | 'э' => Harmony::Front,
            'у' | 'и' | 'ю' => {
                if chars.peek().is_some_and(|&p| is_vowel(p)) {
                    continue;
                }
                match c {
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

//! Suffix forms, expanded once from templates over harmony and the class of
//! the preceding sound.

use std::sync::LazyLock;

use super::phon::{
    self, Harmony, Heads, ABLATIVE, ACCUSATIVE, ANY, CLASSES, CONSONANT, DATIVE, GENITIVE, GLIDE,
    INSTRUMENTAL, L, LOCATIVE, NASAL, PLURAL, SIBILANT, VOICELESS, VOWEL,
};
use super::{Case, Morpheme, Number, Person, VerbForm};

/// Where a form may stand, right to left.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Slot {
    /// Case endings (and -дағы, -ғы after a bare stem).
    Case,
    /// Possessive endings.
    Possessive,
    /// The plural.
    Plural,
    /// Ordinal -ыншы after a number word.
    Ordinal,
    /// Verb endings that make a nominal (participles, gerund).
    Deverbal,
    /// Verb endings that end a word (tense with person, converbs).
    Finite,
    /// Negation -ма.
    Negation,
    /// Passive -ыл, -л, -ын, -н.
    Passive,
}

/// What the morpheme to the left must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Need {
    /// Anything.
    None,
    /// A 3rd-person possessive (облысы-на).
    Poss3,
    /// A 1st or 2nd person singular possessive (бала-м-а).
    Poss12,
}

/// How the lemma's last letter differs from the surface stem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Append {
    /// No change.
    None,
    /// The stem's ы/і merged with a following й (оқи-ды ← оқы-йды).
    Vowel,
    /// The stem's final й merged with the suffix's vowel, spelt я or ю
    /// (қо-яды ← қой-ады, қо-юға ← қой-уға).
    Glide,
}

/// One surface form of a suffix.
#[derive(Clone, Debug)]
pub(crate) struct Form {
    pub text: String,
    pub morpheme: Morpheme,
    /// Classes of the preceding sound allowed.
    pub after: u8,
    pub harmony: Option<Harmony>,
    pub need: Need,
    pub slot: Slot,
    pub append: Append,
    /// How sure a form alone makes an analysis of an unknown stem (0–3).
    pub strength: u8,
    /// The last 16 bytes of `text` (fewer when it is shorter) as the high
    /// bytes of a little-endian `u128`, and the mask of the bytes it has:
    /// the search compares them with the 16 bytes of the word before a
    /// position in one step before it tests the form in full.
    pub tail: u128,
    pub tail_mask: u128,
}

impl Form {
    /// Sets [`Form::tail`] and [`Form::tail_mask`] from the text.
    fn set_tail(&mut self) {
        let bytes = self.text.as_bytes();
        let n = bytes.len().min(16);
        let mut tail = [0u8; 16];
        let mut mask = [0u8; 16];
        tail[16 - n..].copy_from_slice(&bytes[bytes.len() - n..]);
        mask[16 - n..].fill(0xFF);
        self.tail = u128::from_le_bytes(tail);
        self.tail_mask = u128::from_le_bytes(mask);
    }
}

/// The negation -ма -ба -па (verbs only).
const NEGATION: Heads = ["м", "м", "м", "б", "б", "п"];

fn front(s: &str) -> String {
    s.chars().map(phon::front_of).collect()
}

struct Builder {
    forms: Vec<Form>,
}

impl Builder {
    /// Adds the back and front forms of `back` after the classes `after`.
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        back: &str,
        after: u8,
        morpheme: Morpheme,
        slot: Slot,
        need: Need,
        append: Append,
        strength: u8,
    ) {
        let fr = front(back);
        let pairs: &[(String, Option<Harmony>)] = if fr == back {
            &[(back.to_owned(), None)]
        } else {
            &[
                (back.to_owned(), Some(Harmony::Back)),
                (fr, Some(Harmony::Front)),
            ]
        };
        for (text, harmony) in pairs {
            if let Some(f) = self.forms.iter_mut().find(|f| {
                f.text == *text
                    && f.morpheme == morpheme
                    && f.slot == slot
                    && f.need == need
                    && f.harmony == *harmony
            }) {
                f.after |= after;
                continue;
            }
            self.forms.push(Form {
                text: text.clone(),
                morpheme,
                after,
                harmony: *harmony,
                need,
                slot,
                append,
                strength,
                tail: 0,
                tail_mask: 0,
            });
        }
    }

    /// Adds `*rest` with the head consonant chosen by the class before.
    fn heads(&mut self, heads: Heads, rest: &str, morpheme: Morpheme, slot: Slot, strength: u8) {
        for (head, class) in heads.iter().zip(CLASSES) {
            self.add(
                &format!("{head}{rest}"),
                class,
                morpheme,
                slot,
                Need::None,
                Append::None,
                strength,
            );
        }
    }

    fn simple(&mut self, text: &str, after: u8, morpheme: Morpheme, slot: Slot, strength: u8) {
        self.add(
            text,
            after,
            morpheme,
            slot,
            Need::None,
            Append::None,
            strength,
        );
    }
}

fn build() -> Vec<Form> {
    use Case::*;
    let mut b = Builder { forms: Vec::new() };
    let case = Morpheme::Case;
    // Case endings after a bare stem or the plural.
    b.heads(GENITIVE, "ың", case(Genitive), Slot::Case, 3);
    b.heads(ACCUSATIVE, "ы", case(Accusative), Slot::Case, 1);
    b.heads(DATIVE, "а", case(Dative), Slot::Case, 3);
    b.heads(LOCATIVE, "а", case(Locative), Slot::Case, 2);
    b.heads(ABLATIVE, "ан", case(Ablative), Slot::Case, 3);
    b.heads(INSTRUMENTAL, "ен", case(Instrumental), Slot::Case, 3);
    b.heads(INSTRUMENTAL, "енен", case(Instrumental), Slot::Case, 3);
    b.heads(LOCATIVE, "ағы", Morpheme::Attributive, Slot::Case, 3);
    b.heads(DATIVE, "ы", Morpheme::Temporal, Slot::Case, 0);
    b.heads(LOCATIVE, "ай", Morpheme::Similative, Slot::Case, 2);
    // After a 3rd-person possessive.
    for (text, morpheme) in [
        ("на", case(Dative)),
        ("н", case(Accusative)),
        ("нда", case(Locative)),
        ("нан", case(Ablative)),
        ("ндағы", Morpheme::Attributive),
        ("ндай", Morpheme::Similative),
    ] {
        b.add(
            text,
            VOWEL,
            morpheme,
            Slot::Case,
            Need::Poss3,
            Append::None,
            3,
        );
    }
    // After a 1st or 2nd person singular possessive.
    b.add(
        "а",
        NASAL,
        case(Dative),
        Slot::Case,
        Need::Poss12,
        Append::None,
        1,
    );

    // Possessives: after a vowel, after a consonant.
    let poss = |person, number| Morpheme::Possessive { person, number };
    for (v, c, m) in [
        ("сы", "ы", poss(Person::Third, Number::Singular)),
        ("м", "ым", poss(Person::First, Number::Singular)),
        ("ң", "ың", poss(Person::Second, Number::Singular)),
        ("ңыз", "ыңыз", poss(Person::SecondPolite, Number::Singular)),
        ("мыз", "ымыз", poss(Person::First, Number::Plural)),
        ("ңдар", "ыңдар", poss(Person::Second, Number::Plural)),
        (
            "ңыздар",
            "ыңыздар",
            poss(Person::SecondPolite, Number::Plural),
        ),
    ] {
        b.simple(v, VOWEL, m, Slot::Possessive, 1);
        b.simple(c, CONSONANT, m, Slot::Possessive, 1);
    }
    b.heads(PLURAL, "ар", Morpheme::Plural, Slot::Plural, 2);

    // Ordinals after number words.
    b.simple("ыншы", CONSONANT, Morpheme::Ordinal, Slot::Ordinal, 0);
    b.simple("ншы", VOWEL, Morpheme::Ordinal, Slot::Ordinal, 0);
    b.simple("сыншы", VOWEL, Morpheme::Ordinal, Slot::Ordinal, 0);

    // Verbs: endings that make nominals.
    let verb = Morpheme::Verbal;
    b.heads(DATIVE, "ан", verb(VerbForm::Participle), Slot::Deverbal, 3);
    b.heads(
        DATIVE,
        "андық",
        verb(VerbForm::Participle),
        Slot::Deverbal,
        3,
    );
    // -ғандық with its к voiced before a vowel (болғандығы, -ғандығында).
    b.heads(
        DATIVE,
        "андығ",
        verb(VerbForm::Participle),
        Slot::Deverbal,
        3,
    );
    b.simple(
        "атын",
        CONSONANT,
        verb(VerbForm::Participle),
        Slot::Deverbal,
        3,
    );
    b.simple("йтын", VOWEL, verb(VerbForm::Participle), Slot::Deverbal, 3);
    b.simple("у", ANY, verb(VerbForm::Gerund), Slot::Deverbal, 1);
    b.simple("ар", CONSONANT, verb(VerbForm::Future), Slot::Deverbal, 0);
    b.simple("р", VOWEL, verb(VerbForm::Future), Slot::Deverbal, 0);
    b.heads(NEGATION, "ақ", verb(VerbForm::Future), Slot::Deverbal, 2);
    b.heads(NEGATION, "ас", verb(VerbForm::Future), Slot::Deverbal, 1);

    // Verbs: endings that close a word.
    let persons = ["", "м", "ң", "ңыз", "қ", "ңдар", "ңыздар"];
    for p in persons {
        b.heads(
            LOCATIVE,
            &format!("ы{p}"),
            verb(VerbForm::Past),
            Slot::Finite,
            2,
        );
        b.simple(
            &format!("са{p}"),
            ANY,
            verb(VerbForm::Conditional),
            Slot::Finite,
            1,
        );
    }
    let present = ["ды", "мын", "сың", "сыз", "мыз", "сыңдар", "сыздар"];
    for p in present {
        b.simple(
            &format!("а{p}"),
            CONSONANT,
            verb(VerbForm::Present),
            Slot::Finite,
            3,
        );
        b.simple(
            &format!("й{p}"),
            VOWEL,
            verb(VerbForm::Present),
            Slot::Finite,
            3,
        );
        b.add(
            &format!("и{p}"),
            CONSONANT,
            verb(VerbForm::Present),
            Slot::Finite,
            Need::None,
            Append::Vowel,
            3,
        );
    }
    for p in ["мын", "сың", "сыз", "мыз", "быз", "пыз", "сыңдар", "сыздар"]
    {
        b.heads(
            DATIVE,
            &format!("ан{p}"),
            verb(VerbForm::Participle),
            Slot::Finite,
            3,
        );
        b.simple(
            &format!("ар{p}"),
            CONSONANT,
            verb(VerbForm::Future),
            Slot::Finite,
            2,
        );
        b.simple(
            &format!("р{p}"),
            VOWEL,
            verb(VerbForm::Future),
            Slot::Finite,
            2,
        );
    }
    // The desiderative -ғы with a possessive, before келеді (айтқым,
    // айтқысы келеді).
    for p in ["м", "ң", "ңыз", "сы", "мыз"] {
        b.heads(
            DATIVE,
            &format!("ы{p}"),
            verb(VerbForm::Desiderative),
            Slot::Finite,
            1,
        );
    }
    // The participle in -атын with a personal ending (азайтатынмын).
    for p in ["мын", "сың", "сыз", "мыз", "сыңдар", "сыздар"] {
        b.simple(
            &format!("атын{p}"),
            CONSONANT,
            verb(VerbForm::Participle),
            Slot::Finite,
            3,
        );
        b.simple(
            &format!("йтын{p}"),
            VOWEL,
            verb(VerbForm::Participle),
            Slot::Finite,
            3,
        );
    }
    b.simple("ып", CONSONANT, verb(VerbForm::Converb), Slot::Finite, 2);
    b.simple("п", VOWEL, verb(VerbForm::Converb), Slot::Finite, 1);
    b.simple("ыпты", CONSONANT, verb(VerbForm::Past), Slot::Finite, 3);
    b.simple("пты", VOWEL, verb(VerbForm::Past), Slot::Finite, 3);
    b.simple("а", CONSONANT, verb(VerbForm::Converb), Slot::Finite, 0);
    b.simple("й", VOWEL, verb(VerbForm::Converb), Slot::Finite, 0);
    b.add(
        "и",
        CONSONANT,
        verb(VerbForm::Converb),
        Slot::Finite,
        Need::None,
        Append::Vowel,
        0,
    );
    b.heads(DATIVE, "алы", verb(VerbForm::Converb), Slot::Finite, 2);
    b.heads(DATIVE, "анша", verb(VerbForm::Converb), Slot::Finite, 2);
    b.heads(NEGATION, "ай", verb(VerbForm::Converb), Slot::Finite, 1);
    b.heads(NEGATION, "ақшы", verb(VerbForm::Future), Slot::Finite, 2);
    b.simple("сын", ANY, verb(VerbForm::Imperative), Slot::Finite, 1);
    b.simple(
        "айын",
        CONSONANT,
        verb(VerbForm::Imperative),
        Slot::Finite,
        2,
    );
    b.simple("йын", VOWEL, verb(VerbForm::Imperative), Slot::Finite, 2);
    b.simple(
        "айық",
        CONSONANT,
        verb(VerbForm::Imperative),
        Slot::Finite,
        2,
    );
    b.simple("йық", VOWEL, verb(VerbForm::Imperative), Slot::Finite, 2);
    b.simple(
        "ыңыз",
        CONSONANT,
        verb(VerbForm::Imperative),
        Slot::Finite,
        0,
    );
    b.simple("ңыз", VOWEL, verb(VerbForm::Imperative), Slot::Finite, 0);
    for p in ["ңдар", "ңыздар"] {
        b.simple(
            &format!("ы{p}"),
            CONSONANT,
            verb(VerbForm::Imperative),
            Slot::Finite,
            0,
        );
        b.simple(p, VOWEL, verb(VerbForm::Imperative), Slot::Finite, 0);
    }
    b.simple("шы", ANY, verb(VerbForm::Imperative), Slot::Finite, 0);
    // The negative imperative: the negation alone (ұмытпа, берме).
    b.heads(NEGATION, "а", verb(VerbForm::Imperative), Slot::Finite, 0);

    // A stem-final й with а or у is spelt я, ю: қояды, қоятын, қоя, қою.
    // A vowel stays before them (қо-); the lemma regains the й.
    let mut glide = |text: &str, morpheme, slot, harmony, strength| {
        b.forms.push(Form {
            text: text.to_owned(),
            morpheme,
            after: VOWEL,
            harmony,
            need: Need::None,
            slot,
            append: Append::Glide,
            strength,
            tail: 0,
            tail_mask: 0,
        });
    };
    for p in present {
        let text = format!("я{p}");
        glide(
            &text,
            verb(VerbForm::Present),
            Slot::Finite,
            Some(Harmony::Back),
            3,
        );
    }
    glide(
        "я",
        verb(VerbForm::Converb),
        Slot::Finite,
        Some(Harmony::Back),
        0,
    );
    glide(
        "ятын",
        verb(VerbForm::Participle),
        Slot::Deverbal,
        Some(Harmony::Back),
        3,
    );
    glide(
        "яр",
        verb(VerbForm::Future),
        Slot::Deverbal,
        Some(Harmony::Back),
        0,
    );
    glide("ю", verb(VerbForm::Gerund), Slot::Deverbal, None, 1);

    b.heads(NEGATION, "а", verb(VerbForm::Negative), Slot::Negation, 1);
    b.simple(
        "ыл",
        GLIDE | NASAL | SIBILANT | VOICELESS,
        verb(VerbForm::Passive),
        Slot::Passive,
        1,
    );
    b.simple("л", VOWEL, verb(VerbForm::Passive), Slot::Passive, 1);
    b.simple("ын", L, verb(VerbForm::Passive), Slot::Passive, 1);
    b.simple("н", VOWEL, verb(VerbForm::Passive), Slot::Passive, 1);
    b.forms
}

/// All forms, longest first within each slot.
pub(crate) static FORMS: LazyLock<Vec<Form>> = LazyLock::new(|| {
    let mut forms = build();
    for f in &mut forms {
        f.set_tail();
    }
    forms.sort_by_key(|f| std::cmp::Reverse(f.text.len()));
    forms
});

/// Forms of one slot, longest first.
pub(crate) static BY_SLOT: LazyLock<[Vec<&'static Form>; 8]> = LazyLock::new(|| {
    let mut slots: [Vec<&'static Form>; 8] = Default::default();
    for f in FORMS.iter() {
        slots[f.slot as usize].push(f);
    }
    slots
});

/// Forms of one slot grouped by their last letter, sorted by letter.
pub(crate) type Buckets = Vec<(char, Vec<&'static Form>)>;

/// [`BY_SLOT`] grouped by last letter, for the search's inner loop.
/// The distinct surface forms of the case endings (with `-дағы` and the
/// `-н-` forms after a 3rd person possessive), longest first: what other
/// modules strip to find a name's stem.
pub(crate) static CASE_ENDINGS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut out: Vec<&'static str> = BY_SLOT[Slot::Case as usize]
        .iter()
        .filter(|f| matches!(f.morpheme, Morpheme::Case(_) | Morpheme::Attributive))
        .map(|f| f.text.as_str())
        .collect();
    out.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    out.dedup();
    out
});

pub(crate) static BY_LAST: LazyLock<ByLast> = LazyLock::new(|| {
    let mut slots: [Buckets; 8] = Default::default();
    for (slot, forms) in BY_SLOT.iter().enumerate() {
        for &f in forms {
            let Some(last) = f.text.chars().next_back() else {
                continue;
            };
            let buckets = &mut slots[slot];
            match buckets.binary_search_by_key(&last, |(c, _)| *c) {
                Ok(i) => buckets[i].1.push(f),
                Err(i) => buckets.insert(i, (last, vec![f])),
            }
        }
    }
    let mut cyrillic = [[0u8; 256]; 8];
    for (slot, buckets) in slots.iter().enumerate() {
        for (i, (c, _)) in buckets.iter().enumerate() {
            let code = u32::from(*c);
            if (0x400..0x500).contains(&code) {
                cyrillic[slot][(code - 0x400) as usize] =
                    u8::try_from(i + 1).expect("fewer than 255 last letters a slot");
            }
        }
    }
    ByLast {
        buckets: slots,
        cyrillic,
    }
});

/// The forms of each slot by last letter: the buckets, and for the
/// letters U+0400–U+04FF the bucket's index plus one (0: none) by the
/// letter's offset from U+0400.
pub(crate) struct ByLast {
    buckets: [Buckets; 8],
    cyrillic: [[u8; 256]; 8],
}

/// The forms of `slot` that end in `last`.
pub(crate) fn ending_in(slot: Slot, last: char) -> &'static [&'static Form] {
    let code = u32::from(last);
    if (0x400..0x500).contains(&code) {
        return ending_in_cyrillic(slot, (code - 0x400) as usize);
    }
    let buckets = &BY_LAST.buckets[slot as usize];
    match buckets.binary_search_by_key(&last, |(c, _)| *c) {
        Ok(i) => &buckets[i].1,
        Err(_) => &[],
    }
}

/// The forms of `slot` that end in the letter U+0400 + `offset`
/// (`offset` < 256), without a search.
pub(crate) fn ending_in_cyrillic(slot: Slot, offset: usize) -> &'static [&'static Form] {
    BY_LAST.ending_in_cyrillic(slot, offset)
}

impl ByLast {
    /// The buckets of `slot`.
    #[cfg(test)]
    pub(crate) fn buckets(&self, slot: Slot) -> &Buckets {
        &self.buckets[slot as usize]
    }

    /// [`ending_in_cyrillic`] for a search that holds the table.
    #[inline]
    pub(crate) fn ending_in_cyrillic(&self, slot: Slot, offset: usize) -> &[&'static Form] {
        let slot = slot as usize;
        match self.cyrillic[slot].get(offset) {
            Some(&i) if i > 0 => &self.buckets[slot][usize::from(i) - 1].1,
            _ => &[],
        }
    }
}

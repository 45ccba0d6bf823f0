//! Nominal endings that may follow a hyphen after a number, a percent sign
//! or an abbreviation: `215-інің`, `15%-ға`, `55-ші`, `2-еуі`, `АҚШ-пен`.
//!
//! The stem before the hyphen is not spelled out, so its harmony (back or
//! front) and its last sound are unknown: every suffix chain is built from
//! every starting context and the results are merged. A chain is
//!
//! ```text
//! [derivation] [plural] [possessive] [case]        e.g. 1-інші-сі-не
//! ... -дағы [plural] [3rd possessive] [case]       e.g. 2019-дағы-дан
//! ```
//!
//! where the derivation is an ordinal (-ыншы, -ншы, -шы, -сыншы), a
//! collective (-еу, -ау), -лық, -дай or -даған, and the case includes the
//! attributive locative -дағы. Apart from those, the clitic -ақ (`10-ақ`)
//! and the forms used after an abbreviation of a possessed compound
//! (`ҚР-нда`, `ҚР-ндағы`: Қазақстан Республикасы-нда) are added.
//!
//! Collisions with standalone words are unavoidable for short suffixes
//! and are harmless after a hyphen: мен, пен, бен ('I', 'and'), да, де,
//! та, те ('also'), ма, ме (question particle; here 1sg possessive +
//! dative), ақ ('white'), нан ('bread'), тар ('narrow'), тер, тері ('sweat',
//! 'skin'), тай ('foal'), тік ('upright'), тігін ('sewing'), тегі
//! ('origin'), тағы ('again'), іне ('needle'), сын ('criticism'), шыны
//! ('glass'), шыға ('going out'), ауы ('its net'), and деген, дегені, forms
//! of the verb де- 'say' that coincide with -деген 'hundreds of'.
//! To keep collisions few, -дай and -даған take no case (no дейін 'until',
//! дейді 'says', дайын 'ready', дегенмен 'however'), ordinals and -лық take
//! only the 3rd-person possessive (no шың 'peak', шым 'turf'), a lone
//! consonant is never an ending (5-м, and the bare -н, -на, -не after an
//! abbreviation: не is 'what'), and аудан 'district' is excluded by name.
//! Words such as жылдары, кезеңінің, жылы, үй are not produced by any chain.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::phon::{
    self, Harmony, Heads, ABLATIVE, ACCUSATIVE, DATIVE, GENITIVE, INSTRUMENTAL, LOCATIVE, PLURAL,
};

// Templates: `A` is а/е, `I` is ы/і, `G` is ғ/г, `Q` is қ/к (back/front);
// every other character is literal. Harmony, the classes of the preceding
// sound, the head consonants of plural and case and the voicing of к қ п
// are the library's (`src/morph/phon.rs`).

/// Which slot of the chain a form ends with; it decides what may follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    /// Nothing yet, or a derivation that behaves like a plain stem.
    Stem,
    /// -еу/-ау: also takes the short 1pl possessive (екеуміз).
    Collective,
    Plural,
    /// 3rd person: the case comes in its pronominal form (-ның -н -на -нда).
    Poss3,
    /// 1sg, 2sg: dative -а/-е (балама, жеріңе).
    Poss1Or2Sg,
    /// Other possessives, which end in з or р: regular case.
    PossOther,
    /// -дағы, which may be inflected again (2019-дағыдан).
    Attributive,
    Case,
}

/// A suffix chain with what is known about its end.
#[derive(Clone, Debug)]
struct Form {
    text: String,
    harmony: Harmony,
    /// The class of the last sound ([`phon::CLASSES`]).
    last: u8,
    slot: Slot,
}

impl Form {
    fn start(harmony: Harmony, last: u8) -> Form {
        Form {
            text: String::new(),
            harmony,
            last,
            slot: Slot::Stem,
        }
    }

    /// Appends a template, resolving harmony and voicing.
    fn add(&self, template: &str, slot: Slot) -> Form {
        let suffix = render_template(template, self.harmony);
        let mut text = self.text.clone();
        // к қ п after a vowel voice before a vowel: -лық + -ы = -лығы.
        if suffix.chars().next().is_some_and(phon::is_vowel) {
            let mut rev = text.chars().rev();
            if let (Some(c), Some(prev)) = (rev.next(), rev.next()) {
                if let (Some(v), true) = (phon::voiced(c), phon::is_vowel(prev)) {
                    text.pop();
                    text.push(v);
                }
            }
        }
        text.push_str(&suffix);
        let harmony = text
            .chars()
            .rev()
            .find_map(phon::vowel_harmony)
            .unwrap_or(self.harmony);
        let last = if text.is_empty() {
            self.last
        } else {
            phon::final_class(&text)
        };
        Form {
            text,
            harmony,
            last,
            slot,
        }
    }

    /// Appends a suffix whose first consonant depends on the last sound.
    fn add_heads(&self, heads: &Heads, body: &str, slot: Slot) -> Form {
        let i = phon::CLASSES
            .iter()
            .position(|&f| f == self.last)
            .unwrap_or(0);
        self.add(&format!("{}{body}", heads[i]), slot)
    }

    fn ends_in_vowel(&self) -> bool {
        self.last == phon::VOWEL
    }
}

/// A template in `harmony`: the placeholders in their back form, then
/// everything in front form for front harmony.
fn render_template(template: &str, harmony: Harmony) -> String {
    let back = template.chars().map(|c| match c {
        'A' => 'а',
        'I' => 'ы',
        'G' => 'ғ',
        'Q' => 'қ',
        c => c,
    });
    match harmony {
        Harmony::Back => back.collect(),
        Harmony::Front => back.map(phon::front_of).collect(),
    }
}

/// Which possessives a paradigm takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Possessives {
    /// 3rd person only: біріншісі, жылдығы, 100-дейі.
    Third,
    /// All persons: 1sg, 2sg, 2sg polite, 3rd, 1pl, 2pl, 2pl polite.
    All,
}

/// What may follow a stem, in order: plural, possessive, case.
#[derive(Clone, Copy, Debug)]
struct Paradigm {
    plural: bool,
    possessives: Possessives,
    cases: bool,
    /// Whether -дағы is among the cases; it is then inflected again by
    /// [`AFTER_ATTRIBUTIVE`] (2019-дағыдан, -дағылар).
    attributive: bool,
}

/// A bare number, percent sign or abbreviation.
const NOUN: Paradigm = Paradigm {
    plural: true,
    possessives: Possessives::All,
    cases: true,
    attributive: true,
};

/// Ordinals and -лық words: біріншілер, біріншісіне, жылдығына.
const ADJECTIVE: Paradigm = Paradigm {
    plural: true,
    possessives: Possessives::Third,
    cases: true,
    attributive: true,
};

/// Collectives: екеуі, екеуміз, екеуің, екеуіне; no plural.
const COLLECTIVE: Paradigm = Paradigm {
    plural: false,
    possessives: Possessives::All,
    cases: true,
    attributive: true,
};

/// -дай 'about' and -даған 'hundreds of': 100-дей, 100-дейі, 1000-дағаны.
/// No case follows, which keeps out дейін 'until', дейді 'says',
/// дайын 'ready' and дегенмен 'however'.
const APPROXIMATE: Paradigm = Paradigm {
    plural: false,
    possessives: Possessives::Third,
    cases: false,
    attributive: false,
};

/// After -дағы: 2019-дағыдан, -дағылар, -дағысы.
const AFTER_ATTRIBUTIVE: Paradigm = Paradigm {
    plural: true,
    possessives: Possessives::Third,
    cases: true,
    attributive: false,
};

/// Derivations that start a chain: ordinals, collectives, -лық, -дай, -даған.
fn derivations(stem: &Form) -> Vec<(Form, Paradigm)> {
    let mut out = Vec::new();
    // Ordinals: -ыншы after a consonant (у counts: елуінші), -ншы after a
    // vowel, -сыншы after жиырма (20-сыншы), short -шы anywhere (55-ші).
    if stem.ends_in_vowel() {
        out.push((stem.add("ншI", Slot::Stem), ADJECTIVE));
        out.push((stem.add("сIншI", Slot::Stem), ADJECTIVE));
    } else {
        out.push((stem.add("IншI", Slot::Stem), ADJECTIVE));
    }
    out.push((stem.add("шI", Slot::Stem), ADJECTIVE));
    // Collectives: екеу, алтау (2-еу, 6-ау).
    out.push((stem.add("Aу", Slot::Collective), COLLECTIVE));
    // -лық: жылдық, бестік, 100-дік.
    out.push((stem.add_heads(&PLURAL, "IQ", Slot::Stem), ADJECTIVE));
    // -дай 'about, like' (100-дей), -даған 'hundreds of' (1000-даған).
    out.push((stem.add_heads(&LOCATIVE, "Aй", Slot::Stem), APPROXIMATE));
    out.push((stem.add_heads(&LOCATIVE, "AGAн", Slot::Stem), APPROXIMATE));
    out
}

fn plural(form: &Form) -> Form {
    form.add_heads(&PLURAL, "Aр", Slot::Plural)
}

fn possessives(form: &Form, which: Possessives) -> Vec<Form> {
    let third = if form.ends_in_vowel() { "сI" } else { "I" };
    let mut out = vec![form.add(third, Slot::Poss3)];
    if which == Possessives::Third {
        return out;
    }
    let (sg1, sg2, others): (_, _, &[&str]) = if form.ends_in_vowel() {
        ("м", "ң", &["ңIз", "мIз", "ңдAр", "ңIздAр"])
    } else {
        ("Iм", "Iң", &["IңIз", "IмIз", "IңдAр", "IңIздAр"])
    };
    out.push(form.add(sg1, Slot::Poss1Or2Sg));
    out.push(form.add(sg2, Slot::Poss1Or2Sg));
    for p in others {
        out.push(form.add(p, Slot::PossOther));
    }
    if form.slot == Slot::Collective {
        // екеуміз 'the two of us' (KazNERD 2-еуміз) beside екеуіміз.
        out.push(form.add("мIз", Slot::PossOther));
    }
    out
}

fn cases(form: &Form, attributive: bool) -> Vec<Form> {
    let mut out = Vec::new();
    if form.slot == Slot::Poss3 {
        for t in ["нIң", "н", "нA", "ндA", "нAн", "мен", "менен"] {
            out.push(form.add(t, Slot::Case));
        }
        if attributive {
            out.push(form.add("ндAGI", Slot::Attributive));
        }
        return out;
    }
    out.push(form.add_heads(&GENITIVE, "Iң", Slot::Case));
    out.push(form.add_heads(&ACCUSATIVE, "I", Slot::Case));
    if form.slot == Slot::Poss1Or2Sg {
        out.push(form.add("A", Slot::Case));
    } else {
        out.push(form.add_heads(&DATIVE, "A", Slot::Case));
    }
    out.push(form.add_heads(&LOCATIVE, "A", Slot::Case));
    out.push(form.add_heads(&ABLATIVE, "Aн", Slot::Case));
    // The instrumental has no back form: АҚШ-пен, 100-мен.
    out.push(form.add_heads(&INSTRUMENTAL, "ен", Slot::Case));
    out.push(form.add_heads(&INSTRUMENTAL, "енен", Slot::Case));
    if attributive {
        out.push(form.add_heads(&LOCATIVE, "AGI", Slot::Attributive));
    }
    out
}

/// Adds every [plural] [possessive] [case] continuation of `stem` that
/// `paradigm` allows, `stem` itself included.
fn inflect(stem: &Form, paradigm: Paradigm, out: &mut BTreeSet<String>) {
    let mut bases = vec![stem.clone()];
    if paradigm.plural {
        bases.push(plural(stem));
    }
    for base in bases {
        let mut possessed = vec![base.clone()];
        possessed.extend(possessives(&base, paradigm.possessives));
        for form in possessed {
            out.insert(form.text.clone());
            if !paradigm.cases {
                continue;
            }
            for case in cases(&form, paradigm.attributive) {
                out.insert(case.text.clone());
                if case.slot == Slot::Attributive {
                    let again = Form {
                        slot: Slot::Stem,
                        ..case
                    };
                    inflect(&again, AFTER_ATTRIBUTIVE, out);
                }
            }
        }
    }
}

/// Generated strings that are left out because they are common words that
/// may follow a number after a hyphen: аудан 'district' (3-аудан) would
/// otherwise come from алтау + -дан.
const EXCLUDED: [&str; 1] = ["аудан"];

/// The set of endings, lower case, sorted by bytes.
pub fn endings() -> Vec<String> {
    let mut out = BTreeSet::new();
    for harmony in [Harmony::Back, Harmony::Front] {
        for last in phon::CLASSES {
            let stem = Form::start(harmony, last);
            inflect(&stem, NOUN, &mut out);
            for (derived, paradigm) in derivations(&stem) {
                inflect(&derived, paradigm, &mut out);
            }
        }
        // After an abbreviation of a possessed compound: ҚР-нда, ҚР-ндағы.
        let possessed = Form {
            slot: Slot::Poss3,
            ..Form::start(harmony, phon::VOWEL)
        };
        for t in ["ндA", "ндAGI"] {
            out.insert(possessed.add(t, Slot::Case).text);
        }
    }
    // The clitic 'only, just' never changes: 10-ақ.
    out.insert("ақ".to_owned());
    // A lone consonant (1sg -м, 2sg -ң after a vowel) is too weak a clue:
    // 5-м is more likely metres.
    out.retain(|e| e.chars().any(phon::is_vowel));
    for e in EXCLUDED {
        out.remove(e);
    }
    out.into_iter().collect()
}

/// The text of `src/tokenizer/endings.rs`.
pub fn render() -> String {
    let endings = endings();
    let mut s = String::new();
    s.push_str("// @generated by tools/gentables (cargo run -p kazakh-gentables); do not edit.\n");
    s.push_str("//\n");
    s.push_str("// Nominal endings that may follow a hyphen after a number, a percent sign\n");
    s.push_str("// or an abbreviation (`215-інің`, `15%-ға`, `АҚШ-пен`), built from suffix\n");
    s.push_str("// paradigms in tools/gentables/src/endings.rs. Lower case, sorted by bytes.\n");
    s.push('\n');
    let _ = writeln!(
        s,
        "pub(crate) static ENDINGS: [&str; {}] = [",
        endings.len()
    );
    for e in &endings {
        let _ = writeln!(s, "    \"{e}\",");
    }
    s.push_str("];\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(set: &[String], s: &str) -> bool {
        set.binary_search_by(|e| e.as_str().cmp(s)).is_ok()
    }

    #[test]
    fn sorted_unique_lowercase_cyrillic() {
        let set = endings();
        assert!(set.windows(2).all(|w| w[0] < w[1]));
        for e in &set {
            assert!(!e.is_empty());
            assert!(
                e.chars()
                    .all(|c| ('\u{0430}'..='\u{04FF}').contains(&c) && c.is_lowercase()),
                "{e:?}"
            );
        }
    }

    #[test]
    fn expected_endings() {
        let set = endings();
        for e in [
            // case endings in their variants
            "ның",
            "нің",
            "дың",
            "тің",
            "ны",
            "ді",
            "ты",
            "ға",
            "ге",
            "қа",
            "ке",
            "да",
            "те",
            "нан",
            "ден",
            "тан",
            "мен",
            "бен",
            "пен",
            "менен",
            "пенен",
            // plural, possessive, possessive + case
            "лар",
            "дер",
            "тар",
            "ы",
            "і",
            "сы",
            "сі",
            "ының",
            "інің",
            "сының",
            "ына",
            "сына",
            "ын",
            "ында",
            "ынан",
            "ымен",
            "ма",
            "ме",
            "ңа",
            "іңе",
            "ымызға",
            "іміздің",
            // plural + possessive + case
            "лары",
            "ларының",
            "дарынан",
            "тері",
            "дардың",
            // -дағы
            "дағы",
            "дегі",
            "тағы",
            "тегі",
            "ндағы",
            "ындағы",
            "дағыдан",
            // ordinals
            "ыншы",
            "інші",
            "ншы",
            "нші",
            "шы",
            "ші",
            "сыншы",
            "ншіге",
            "ыншысы",
            "ншіден",
            "іншіден",
            "ншісіне",
            "ншісінде",
            // collectives
            "еу",
            "ау",
            "еуі",
            "ауы",
            "еуіне",
            "еуінің",
            "еуміз",
            "еуіміз",
            "еуің",
            // -дай, -лық, -даған, -ақ
            "дай",
            "дей",
            "тай",
            "тей",
            "дайы",
            "тейі",
            "лық",
            "дік",
            "тік",
            "лығы",
            "тігі",
            "тікке",
            "даған",
            "деген",
            "дағаны",
            "ақ",
        ] {
            assert!(has(&set, e), "missing {e:?}");
        }
    }

    #[test]
    fn words_are_not_endings() {
        let set = endings();
        for w in [
            "жылдары",
            "кезеңінің",
            "кезең",
            "жылы",
            "жыл",
            "үй",
            "мамыр",
            "қазан",
            "шілде",
            "сынып",
            "топ",
            "орын",
            "бөлім",
            "бап",
            "тарау",
            "аудан",
            "дейін",
            "дейді",
            "дайын",
            "дегенмен",
            "шың",
            "не",
            "м",
            "ң",
            "н",
            "а",
            "е",
        ] {
            assert!(!has(&set, w), "{w:?} must not be an ending");
        }
    }

    #[test]
    fn header_and_shape() {
        let text = render();
        assert!(text.starts_with("// @generated by tools/gentables"));
        assert!(text.contains(&format!("[&str; {}]", endings().len())));
    }
}

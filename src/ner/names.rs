//! Citation forms of entity names: the case ending of a name's last word
//! removed, unless the gazetteers list the word as a name whose end only
//! looks like a case.

use super::gazetteer::listed_name_len;
use crate::morph::split_case;

/// The citation form of a multi-word name: the tokens joined by spaces,
/// quotation marks dropped, and the case ending of the last word removed,
/// keeping the possessive that links a compound. A last word that is a
/// name of the NER gazetteers (places, first names, organizations), bare or
/// with a case ending, becomes that name: `Канада` is not `Кана` + `-да`.
///
/// ```
/// use kazakh::ner::nominative;
///
/// assert_eq!(nominative(&["Ақтөбе", "облысының"]), "Ақтөбе облысы");
/// assert_eq!(nominative(&["«", "Ақ", "жол", "»", "партиясынан"]), "Ақ жол партиясы");
/// assert_eq!(nominative(&["Семейде"]), "Семей");
/// assert_eq!(nominative(&["Тоқаевқа"]), "Тоқаев");
/// assert_eq!(nominative(&["Канада"]), "Канада");
/// assert_eq!(nominative(&["Канадада"]), "Канада");
/// ```
pub fn nominative(tokens: &[&str]) -> String {
    let words: Vec<&str> = tokens
        .iter()
        .map(|t| t.trim_matches(is_quote))
        .filter(|t| !t.is_empty())
        .collect();
    // Room for the words and the spaces between them: the last word only
    // loses bytes.
    let mut out = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if i + 1 == words.len() {
            // A name the gazetteers list, bare or with one case ending,
            // ends where the listed name ends; other words lose what
            // `split_case` takes for a case ending.
            let end = listed_name_len(w).unwrap_or_else(|| split_case(w).0);
            let stem = w.get(..end).unwrap_or(w);
            let stem = stem.trim_end_matches('-');
            out.push_str(if stem.is_empty() { w } else { stem });
        } else {
            out.push_str(w);
        }
    }
    out
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '«' | '»' | '"' | '“' | '”' | '„' | '‟' | '‹' | '›' | '\'' | '‘' | '’' | '`'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nominatives() {
        assert_eq!(nominative(&["Ақтөбе", "облысының"]), "Ақтөбе облысы");
        assert_eq!(
            nominative(&["«", "Ақ", "жол", "»", "партиясынан"]),
            "Ақ жол партиясы"
        );
        assert_eq!(nominative(&["Семейде"]), "Семей");
        assert_eq!(nominative(&["Тоқаевқа"]), "Тоқаев");
        assert_eq!(nominative(&["ҚР-ның"]), "ҚР");
        assert_eq!(
            nominative(&["Қазақстан", "Республикасының"]),
            "Қазақстан Республикасы"
        );
        assert_eq!(nominative(&[]), "");
        assert_eq!(nominative(&["«", "»"]), "");
    }

    #[test]
    fn listed_names_keep_endings_that_look_like_cases() {
        // Names of the NER gazetteers whose end looks like a case ending stay
        // whole; the same names inflected still lose the ending.
        for (word, expected) in [
            ("Канада", "Канада"),
            ("Канадада", "Канада"),
            ("Ақорда", "Ақорда"),
            ("Ақордада", "Ақорда"),
            ("Татарстан", "Татарстан"),
            ("Татарстанға", "Татарстан"),
            ("Арыстан", "Арыстан"),
            ("Уганда", "Уганда"),
            ("Қазпошта", "Қазпошта"),
            ("Шортанды", "Шортанды"),
            ("Шортандыда", "Шортанды"),
        ] {
            assert_eq!(nominative(&[word]), expected, "{word}");
        }
        // Only the last word is ever changed, listed or not.
        assert_eq!(nominative(&["Оңтүстік", "Канада"]), "Оңтүстік Канада");
        // A word that is not a listed name is not protected.
        assert_eq!(nominative(&["Мектепте"]), "Мектеп");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]

        #[test]
        fn no_panic(word in "\\PC{0,24}") {
            let _ = nominative(&[word.as_str(), word.as_str()]);
        }
    }
}

//! Table-driven tests of the analyzer.

use super::*;

#[test]
fn debug_dump() {
    println!("lexicon {}", lexicon_size());
    for w in [
        "мәтіні",
        "кешені",
        "түрде",
        "Астана",
        "ішінде",
        "арасында",
        "басында",
        "өтуде",
        "қабілеті",
    ] {
        for a in analyze(w) {
            println!(
                "{w}: {:?} {:?} {:?} {}",
                a.stem, a.lemma, a.suffixes, a.confidence
            );
        }
    }
}

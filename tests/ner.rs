//! The embedded entity recognizer on sentences written for these tests, and
//! its score on a small sample annotated for the project
//! (`tests/data/ner-sample.iob2`, KazNERD conventions). Built with the
//! `embedded-model` feature (a default one).
#![cfg(feature = "embedded-model")]

use kazakh::ner::{iob, Label, Recognizer};

/// (sentence, [(entity text, label, nominative)]), in order.
type Case = (&'static str, &'static [(&'static str, Label, &'static str)]);

const CASES: &[Case] = &[
    // A person in the nominative, then a region with облысы in the dative.
    (
        "Қасым-Жомарт Тоқаев Түркістан облысына барды.",
        &[
            ("Қасым-Жомарт Тоқаев", Label::Person, "Қасым-Жомарт Тоқаев"),
            ("Түркістан облысына", Label::Location, "Түркістан облысы"),
        ],
    ),
    // A region in the genitive; a person after a position. (Not before
    // the position's word: KazNERD spans `Астана қаласының әкімі` whole as
    // one POSITION, so a region that begins a position's name is no
    // location by the corpus's convention, and the tagger gives either.)
    (
        "Ақтөбе облысының аудандарын әкім Асхат Шахаров аралады.",
        &[
            ("Ақтөбе облысының", Label::Location, "Ақтөбе облысы"),
            ("Асхат Шахаров", Label::Person, "Асхат Шахаров"),
        ],
    ),
    // Cities in the locative.
    (
        "Семейде жаңа мектеп ашылды, ал Павлодарда аурухана салынып жатыр.",
        &[
            ("Семейде", Label::Location, "Семей"),
            ("Павлодарда", Label::Location, "Павлодар"),
        ],
    ),
    // A ministry; a city before қаласы (outside the span in KazNERD).
    (
        "Денсаулық сақтау министрлігі Алматы қаласында вакцина тапсырды.",
        &[
            (
                "Денсаулық сақтау министрлігі",
                Label::Organization,
                "Денсаулық сақтау министрлігі",
            ),
            ("Алматы", Label::Location, "Алматы"),
        ],
    ),
    // A surname in the dative; a country and a person after a position.
    (
        "Тоқаевқа Ресей Президенті Владимир Путин хат жолдады.",
        &[
            ("Тоқаевқа", Label::Person, "Тоқаев"),
            ("Владимир Путин", Label::Person, "Владимир Путин"),
        ],
    ),
    // An organization in the genitive, and a city in the locative.
    (
        "Назарбаев Университетінің студенттері Астанада конференция өткізді.",
        &[
            (
                "Назарбаев Университетінің",
                Label::Organization,
                "Назарбаев Университеті",
            ),
            ("Астанада", Label::Location, "Астана"),
        ],
    ),
    // A river (natural location) before өзені.
    (
        "Ертіс өзенінің деңгейі көтерілді.",
        &[("Ертіс", Label::Location, "Ертіс")],
    ),
    // Nothing to find.
    ("Бүгін ауа райы жылы болады деп күтілуде.", &[]),
];

#[test]
fn finds_people_places_and_organizations_in_written_sentences() {
    let r = Recognizer::embedded().expect("the embedded model parses");
    for (text, want) in CASES {
        let found = r.recognize(text);
        for e in &found {
            assert_eq!(&text[e.span().range()], e.text(), "{text}");
            assert!((0.0..=1.0).contains(&e.score()), "{text}");
        }
        let got: Vec<(&str, Label, &str)> = found
            .iter()
            .map(|e| (e.text(), e.label(), e.lemma()))
            .collect();
        assert_eq!(got, *want, "{text}");
    }
}

#[test]
fn pre_tokenized_input_gives_the_same_entities() {
    let r = Recognizer::default();
    let tokens = [
        "Ақтөбе",
        "облысының",
        "аудандарын",
        "әкім",
        "Асхат",
        "Шахаров",
        "аралады",
        ".",
    ];
    let found = r.recognize_tokens(&tokens);
    let joined = tokens.join(" ");
    let texts: Vec<&str> = found.iter().map(|e| e.text()).collect();
    assert_eq!(texts, ["Ақтөбе облысының", "Асхат Шахаров"]);
    for e in &found {
        assert_eq!(&joined[e.span().range()], e.text());
    }
    // The same entities as the raw text gives.
    let from_text = r.recognize(&joined);
    let raw: Vec<&str> = from_text.iter().map(|e| e.text()).collect();
    assert_eq!(texts, raw);
    assert_eq!(found[0].tokens(), 0..2);
    assert_eq!(
        r.iob2(&tokens),
        ["B-LOC", "I-LOC", "O", "O", "B-PER", "I-PER", "O", "O"]
    );
}

/// Needs the scorer: feature `eval`, which the workspace build turns on
/// through the command line crate.
#[cfg(feature = "eval")]
#[test]
fn embedded_model_scores_on_the_committed_sample() {
    use kazakh::eval::{iob2, SpanScorer};
    let text = include_str!("data/ner-sample.iob2");
    let sentences = iob2::parse(text).expect("the sample parses");
    assert_eq!(sentences.len(), 30);
    let r = Recognizer::default();
    let mut scorer = SpanScorer::new();
    for s in &sentences {
        let gold: Vec<iob2::Entity<'_>> = iob2::entities(s.labels())
            .into_iter()
            .filter_map(|e| {
                Label::from_type(e.label).map(|l| iob2::Entity {
                    label: l.as_str(),
                    ..e
                })
            })
            .collect();
        let system = r.iob2(s.tokens());
        scorer.add_entities(&gold, &iob2::entities(&system));
    }
    let micro = scorer.scores(&["PER", "LOC", "ORG"]).micro;
    assert!(micro.f1 >= 85.0, "micro F1 {:.2} on the sample", micro.f1);
}

#[test]
fn numbers_take_the_taggers_spans_and_the_rules_values() {
    let r = Recognizer::default();
    let text = "Ұлттық банк базалық мөлшерлемені 15,75 пайызға дейін төмендетті.";
    let found = r.numbers(text);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text(), "15,75 пайызға дейін");
    assert_eq!(found[0].value().to_string(), "15.75");
    assert_eq!(found[0].unit(), Some("%"));
}

/// Raw-text numbers the tokenizer keeps in one token (`3,2%-ға`, `125,6`),
/// which KazNERD writes as several: no name is found in them, and each is
/// one number mention over the whole token(s), with its value.
#[test]
fn numbers_written_in_one_token_are_numbers_not_names() {
    let r = Recognizer::default();
    for (text, mention, value) in [
        ("Экспорт 15%-ға өсті.", "15%-ға", "15"),
        ("Баға 20%-ға өсті.", "20%-ға", "20"),
        ("Экспорт 3,2%-ға өсті.", "3,2%-ға", "3.2"),
        ("Инфляция 8,5% болды.", "8,5%", "8.5"),
        ("Өсім 12% құрады.", "12%", "12"),
        ("Үлесі 30%-ы болды.", "30%-ы", "30"),
        (
            "Бюджет 1 трлн 125,6 млрд теңге болды.",
            "1 трлн 125,6 млрд теңге",
            "1125600000000",
        ),
    ] {
        let (entities, numbers) = r.recognize_with_numbers(text);
        assert!(entities.is_empty(), "{text}: {entities:?}");
        let words: Vec<&str> = kazakh::tokenize(text).map(|t| t.text()).collect();
        let from_tokens = r.recognize_tokens(&words);
        assert!(from_tokens.is_empty(), "{text}: {from_tokens:?}");
        let joined = kazakh::numbers::join_tokens(&words);
        let numbers_of_tokens = r.numbers_tokens(&words, &joined);
        assert_eq!(numbers_of_tokens.len(), 1, "{text}: {numbers_of_tokens:?}");
        assert_eq!(numbers_of_tokens[0].text(), mention, "{text}");
        assert_eq!(numbers_of_tokens[0].value().to_string(), value, "{text}");
        assert_eq!(numbers.len(), 1, "{text}: {numbers:?}");
        assert_eq!(numbers[0].text(), mention, "{text}");
        assert_eq!(numbers[0].value().to_string(), value, "{text}");
        // Token indices are those of the tokenizer's tokens.
        let tokens: Vec<_> = kazakh::tokenize(text).collect();
        let m = &numbers[0];
        assert_eq!(
            tokens[m.tokens().start].span().start,
            m.span().start,
            "{text}"
        );
        assert_eq!(
            tokens[m.tokens().end - 1].span().end,
            m.span().end,
            "{text}"
        );
    }
}

/// The per-token labels (`tag`, `iob2`) of tokens the tagger sees in
/// pieces: one label per token, from its first piece, valid IOB2.
#[test]
fn per_token_labels_of_numbers_in_one_token() {
    let r = Recognizer::default();
    for tokens in [
        &["Экспорт", "15%-ға", "өсті", "."][..],
        &["Баға", "3,2%-ға", "өсті"],
        &["Бюджет", "125,6", "млрд", "теңге", "болды"],
    ] {
        assert_eq!(r.iob2(tokens), vec!["O"; tokens.len()], "{tokens:?}");
        let tags = r.tag(tokens);
        assert_eq!(tags.len(), tokens.len());
        let entities = iob::entities(&tags);
        assert_eq!(entities.len(), 1, "{tags:?}");
        assert!(
            ["PERCENTAGE", "MONEY", "CARDINAL"].contains(&entities[0].label),
            "{tags:?}"
        );
        assert!(tags[1].starts_with("B-"), "{tags:?}");
    }
}

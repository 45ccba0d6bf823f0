//! One table row per tokenization rule in DESIGN.md.

use super::{tokenize, TokenKind};

fn texts(s: &str) -> Vec<&str> {
    tokenize(s).map(|t| t.text()).collect()
}

#[test]
fn rules() {
    let cases: &[(&str, &[&str])] = &[
        // Words of every Kazakh letter, Russian and Latin words.
        (
            "Әнұран ғасыр қағаз ңң өнер ұлт үй һижра іс",
            &[
                "Әнұран",
                "ғасыр",
                "қағаз",
                "ңң",
                "өнер",
                "ұлт",
                "үй",
                "һижра",
                "іс",
            ],
        ),
        ("Google пен Яндекс", &["Google", "пен", "Яндекс"]),
        // Decimals with comma or point.
        ("3,2 және 3.2", &["3,2", "және", "3.2"]),
        ("125,6 млрд", &["125,6", "млрд"]),
        // Percent, with and without an ending.
        ("15% 12,5% 15%-ға", &["15%", "12,5%", "15%-ға"]),
        // Degrees with the scale and an ending are one token, as in UD.
        (
            "25°C-тан 5°С-қа 30° 451°F",
            &["25°C-тан", "5°С-қа", "30°", "451°F"],
        ),
        ("20°Сыз", &["20°", "Сыз"]),
        // A minus written against a temperature is in its token, as in UD,
        // where the number rules read it as a minus: at the start, after an
        // opening bracket, or after whitespace and not after a number (a
        // range); a plus, and a minus before a number without the sign,
        // stay apart.
        (
            "-5°С-қа дейін, түнде −12°C, аяз –3°С",
            &[
                "-5°С-қа",
                "дейін",
                ",",
                "түнде",
                "−12°C",
                ",",
                "аяз",
                "–3°С",
            ],
        ),
        ("5 -12°С", &["5", "-", "12°С"]),
        ("(-4°С)", &["(", "-4°С", ")"]),
        ("«−2°C»", &["«", "−2°C", "»"]),
        ("+3°С -5 градус", &["+", "3°С", "-", "5", "градус"]),
        ("40 %-ін", &["40", "%-ін"]),
        // Hyphen-attached endings stay on digits and abbreviations.
        (
            "215-інің 100-ге 55-ші 1-інші 2-нші",
            &["215-інің", "100-ге", "55-ші", "1-інші", "2-нші"],
        ),
        (
            "АҚШ-пен ҚР-ның ФИФА-ның",
            &["АҚШ-пен", "ҚР-ның", "ФИФА-ның"],
        ),
        // A number, a hyphen and a word are three tokens.
        ("30-жылдары", &["30", "-", "жылдары"]),
        ("1-кезеңінің", &["1", "-", "кезеңінің"]),
        // Digit ranges are three tokens.
        ("2024-2029", &["2024", "-", "2029"]),
        ("ӘЧ-2014", &["ӘЧ", "-", "2014"]),
        // Hyphenated compounds are one token.
        (
            "қоғамдық-саяси Сондай-ақ Рио-де-Жанейродағы",
            &["қоғамдық-саяси", "Сондай-ақ", "Рио-де-Жанейродағы"],
        ),
        // Abbreviations keep their period.
        ("12 млн. теңге", &["12", "млн.", "теңге"]),
        ("кітап, т.б. заттар", &["кітап", ",", "т.б.", "заттар"]),
        (
            "т.с.с. 2010 ж. сын. б.",
            &["т.с.с.", "2010", "ж.", "сын.", "б."],
        ),
        // Encyclopedic abbreviations before what they qualify keep their
        // period before a capital: languages, professions, `named after`,
        // and truncations learned from prose (`abbrev_table.rs`).
        (
            "қаз. Сәтті реж. Эханиян атынд. Опера Дж. Байрон",
            &[
                "қаз.",
                "Сәтті",
                "реж.",
                "Эханиян",
                "атынд.",
                "Опера",
                "Дж.",
                "Байрон",
            ],
        ),
        (
            "геоморфол. Зерттеу экон. Өсу",
            &["геоморфол.", "Зерттеу", "экон.", "Өсу"],
        ),
        // Learned from what follows: only numbers (`мөлш.`); units.
        (
            "мөлш. 1000 мм, 38,0 кв. км, 2 га.",
            &[
                "мөлш.",
                "1000",
                "мм",
                ",",
                "38,0",
                "кв.",
                "км",
                ",",
                "2",
                "га.",
            ],
        ),
        // A word in none of the lists, before a capital, loses its period.
        ("реформа. Бұл", &["реформа", ".", "Бұл"]),
        // Initials keep their periods, also written together.
        ("Н.Ә. Назарбаев", &["Н.Ә.", "Назарбаев"]),
        ("Н.Ә.Назарбаев", &["Н.Ә.", "Назарбаев"]),
        ("Г. Марченко", &["Г.", "Марченко"]),
        // The sentence period is split off, also with no space after it.
        ("жұмыс.Бүгін", &["жұмыс", ".", "Бүгін"]),
        ("теңге.KEGOC", &["теңге", ".", "KEGOC"]),
        ("болды.", &["болды", "."]),
        ("2024.", &["2024", "."]),
        // Punctuation is split off.
        (
            "«Ақ жол» (ҚР) – иә — жоқ… иә, жоқ; иә: жоқ! иә?",
            &[
                "«", "Ақ", "жол", "»", "(", "ҚР", ")", "–", "иә", "—", "жоқ", "…", "иә", ",",
                "жоқ", ";", "иә", ":", "жоқ", "!", "иә", "?",
            ],
        ),
        (
            "“Нұр Отан” „сөз“",
            &["“", "Нұр", "Отан", "”", "„", "сөз", "“"],
        ),
        // Runs of sentence marks are one token.
        (
            "еді... Қайда?! Жоқ!!!",
            &["еді", "...", "Қайда", "?", "!", "Жоқ", "!!!"],
        ),
        // A hyphen typed for a dash before a capital splits; particles keep names.
        (
            "ағасы-Эдуард әл-Фараби",
            &["ағасы", "-", "Эдуард", "әл-Фараби"],
        ),
        // Web addresses, e-mails, mentions, hashtags.
        (
            "https://akorda.kz/kz/news?id=1, www.gov.kz.",
            &["https://akorda.kz/kz/news?id=1", ",", "www.gov.kz", "."],
        ),
        ("Akorda.kz сайты", &["Akorda.kz", "сайты"]),
        ("info@akorda.kz жазыңыз", &["info@akorda.kz", "жазыңыз"]),
        (
            "@tokayev_kz #Қазақстан2050",
            &["@tokayev_kz", "#Қазақстан2050"],
        ),
        // Emoji with modifiers and joiners; flags.
        ("Керемет👍🏽! 👨‍👩‍👧 🇰🇿", &["Керемет", "👍🏽", "!", "👨‍👩‍👧", "🇰🇿"]),
        // Symbols.
        ("5 $ және 100₸", &["5", "$", "және", "100", "₸"]),
        // Apostrophes inside Latin-script words.
        ("Qazaqstan'nyń O’zbekstan", &["Qazaqstan'nyń", "O’zbekstan"]),
        // Combining marks and soft hyphens stay inside words.
        ("ма\u{ad}ңыз й\u{306}", &["ма\u{ad}ңыз", "й\u{306}"]),
        // UD joins a participle with жоқ/емес and a verb with екен.
        (
            "келген жоқ, болған емес. деген екен",
            &["келген жоқ", ",", "болған емес", ".", "деген екен"],
        ),
        ("естіген жоқ екен", &["естіген жоқ екен"]),
        ("бар екенін", &["бар", "екенін"]),
        // Whitespace of every kind separates tokens.
        (
            "а\u{a0}б\u{2009}в\u{3000}г\tд\r\nе",
            &["а", "б", "в", "г", "д", "е"],
        ),
    ];
    for (input, want) in cases {
        assert_eq!(texts(input), *want, "input: {input:?}");
    }
}

#[test]
fn kinds() {
    let cases: &[(&str, TokenKind)] = &[
        ("сөз", TokenKind::Word),
        ("Сондай-ақ", TokenKind::Word),
        ("3,2", TokenKind::Number),
        ("15%-ға", TokenKind::Number),
        ("215-інің", TokenKind::Number),
        ("млн.", TokenKind::Abbreviation),
        ("Н.Ә.", TokenKind::Abbreviation),
        (".", TokenKind::Punct),
        ("«", TokenKind::Punct),
        ("%", TokenKind::Symbol),
        ("₸", TokenKind::Symbol),
        ("https://kaz.kz", TokenKind::Url),
        ("a.b@mail.kz", TokenKind::Email),
        ("@user", TokenKind::Mention),
        ("#тег", TokenKind::Hashtag),
        ("😀", TokenKind::Emoji),
    ];
    for (input, want) in cases {
        let toks: Vec<_> = tokenize(input).collect();
        assert_eq!(toks.len(), 1, "{input:?} gave {toks:?}");
        assert_eq!(toks[0].kind(), *want, "{input:?}");
    }
}

#[test]
fn spans_slice_the_input() {
    let text = "  Инфляция\u{a0}3,2% болды.Бүгін ";
    for t in tokenize(text) {
        assert_eq!(&text[t.span().range()], t.text());
    }
    assert_eq!(tokenize("").count(), 0);
    assert_eq!(tokenize(" \n\t ").count(), 0);
}

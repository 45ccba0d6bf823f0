//! Table-driven tests: each row is a text, the mention expected in it, its
//! kind, its value, its unit and its qualifier.

use super::{extract, parse_words, Approx, NumberKind as K, Value};

/// A table row: text, mention, kind, value, unit and qualifier.
type Row = (
    &'static str,
    &'static str,
    K,
    &'static str,
    Option<&'static str>,
    Option<Approx>,
);

/// Asserts that each row's text has its one mention as the row says.
fn check(rows: &[Row]) {
    for &(text, mention, kind, value, unit, approx) in rows {
        let (found, k, v, u, a) = one(text);
        assert_eq!(
            (found.as_str(), k, v.as_str(), u, a),
            (mention, kind, value, unit, approx),
            "{text}"
        );
    }
}

fn one(text: &str) -> (String, K, String, Option<&'static str>, Option<Approx>) {
    let found = extract(text);
    assert_eq!(found.len(), 1, "{text:?} gave {found:?}");
    let m = &found[0];
    (
        m.text().to_string(),
        m.kind(),
        m.value().to_string(),
        m.unit(),
        m.approx(),
    )
}

#[test]
fn written_news_forms() {
    use Approx::*;
    let cases: &[Row] = &[
        (
            "Инфляция 3,2% болды.",
            "3,2%",
            K::Percent,
            "3.2",
            Some("%"),
            None,
        ),
        (
            "баға 15%-ға өсті",
            "15%-ға",
            K::Percent,
            "15",
            Some("%"),
            None,
        ),
        (
            "өсім 12,5% құрады",
            "12,5%",
            K::Percent,
            "12.5",
            Some("%"),
            None,
        ),
        (
            "халықтың 64 пайызы",
            "64 пайызы",
            K::Percent,
            "64",
            Some("%"),
            None,
        ),
        (
            "елу пайызы",
            "елу пайызы",
            K::Percent,
            "50",
            Some("%"),
            None,
        ),
        (
            "30 процентке көбейді",
            "30 процентке",
            K::Percent,
            "30",
            Some("%"),
            None,
        ),
        (
            "5-7 пайыз өсім",
            "5-7 пайыз",
            K::Percent,
            "5..7",
            Some("%"),
            None,
        ),
        (
            "құны 1 трлн 125,6 млрд теңге",
            "1 трлн 125,6 млрд теңге",
            K::Money,
            "1125600000000",
            Some("KZT"),
            None,
        ),
        (
            "3,9 триллион теңгеге жетті",
            "3,9 триллион теңгеге",
            K::Money,
            "3900000000000",
            Some("KZT"),
            None,
        ),
        (
            "12 млн. теңге бөлінді",
            "12 млн. теңге",
            K::Money,
            "12000000",
            Some("KZT"),
            None,
        ),
        (
            "130 – 140 мың теңге аралығында",
            "130 – 140 мың теңге",
            K::Money,
            "130000..140000",
            Some("KZT"),
            None,
        ),
        (
            "1 250 000 теңгеден",
            "1 250 000 теңгеден",
            K::Money,
            "1250000",
            Some("KZT"),
            None,
        ),
        (
            "2 млрд АҚШ доллары",
            "2 млрд АҚШ доллары",
            K::Money,
            "2000000000",
            Some("USD"),
            None,
        ),
        ("50 тиын", "50 тиын", K::Money, "0.5", Some("KZT"), None),
        ("100 еуро", "100 еуро", K::Money, "100", Some("EUR"), None),
        ("$5 тұрады", "$5", K::Money, "5", Some("USD"), None),
        (
            "900 мың тонна астық",
            "900 мың тонна",
            K::Quantity,
            "900000",
            Some("тонна"),
            None,
        ),
        (
            "34000 гектардан астам жер",
            "34000 гектардан астам",
            K::Quantity,
            "34000",
            Some("гектар"),
            Some(Over),
        ),
        (
            "150 текше метр су",
            "150 текше метр",
            K::Quantity,
            "150",
            Some("текше метр"),
            None,
        ),
        (
            "мыңнан астам адам",
            "мыңнан астам",
            K::Cardinal,
            "1000",
            None,
            Some(Over),
        ),
        // A verb of exceeding after the ablative: more than, the verb
        // outside the span as KazNERD writes it.
        (
            "120 мың теңгеден асады",
            "120 мың теңгеден",
            K::Money,
            "120000",
            Some("KZT"),
            Some(Over),
        ),
        (
            "Саны отыздан асты.",
            "отыздан",
            K::Cardinal,
            "30",
            None,
            Some(Over),
        ),
        // Without the ablative the verb is something else (`ас`, food).
        ("30 ас берді", "30", K::Cardinal, "30", None, None),
        (
            "шамамен 300 адам",
            "шамамен 300",
            K::Cardinal,
            "300",
            None,
            Some(About),
        ),
        (
            "300-дей адам",
            "300-дей",
            K::Cardinal,
            "300",
            None,
            Some(About),
        ),
        (
            "5000-ға жуық құс",
            "5000-ға жуық",
            K::Cardinal,
            "5000",
            None,
            Some(About),
        ),
        (
            "90 %-ға дейін",
            "90 %-ға дейін",
            K::Percent,
            "90",
            Some("%"),
            Some(UpTo),
        ),
        (
            "мыңнан кем",
            "мыңнан кем",
            K::Cardinal,
            "1000",
            None,
            Some(Under),
        ),
        (
            "215-інің орнына",
            "215-інің",
            K::Cardinal,
            "215",
            None,
            None,
        ),
        ("екеуі келді", "екеуі", K::Cardinal, "2", None, None),
        ("үшеуінің үйі", "үшеуінің", K::Cardinal, "3", None, None),
        (
            "бір жарым миллион",
            "бір жарым миллион",
            K::Cardinal,
            "1500000",
            None,
            None,
        ),
        (
            "төрт жарым мың",
            "төрт жарым мың",
            K::Cardinal,
            "4500",
            None,
            None,
        ),
        (
            "жарты миллион",
            "жарты миллион",
            K::Cardinal,
            "500000",
            None,
            None,
        ),
        (
            "жиырма бүтін оннан жеті",
            "жиырма бүтін оннан жеті",
            K::Cardinal,
            "20.7",
            None,
            None,
        ),
        (
            "бес бүтін жүзден отыз екі",
            "бес бүтін жүзден отыз екі",
            K::Cardinal,
            "5.32",
            None,
            None,
        ),
        ("бірінші орын", "бірінші", K::Ordinal, "1", None, None),
        ("1-інші топ", "1-інші", K::Ordinal, "1", None, None),
        ("55-ші мектеп", "55-ші", K::Ordinal, "55", None, None),
        ("XXI ғасыр", "XXI ғасыр", K::Date, "20", None, None),
        ("ХІХ ғасырда", "ХІХ ғасырда", K::Date, "18", None, None),
        ("II топ", "II", K::Ordinal, "2", None, None),
        // Roman numerals in Latin or Cyrillic letters, with the ordinal
        // suffix after a hyphen as digits take it, and ranges of centuries
        // in one token.
        ("I топ", "I", K::Ordinal, "1", None, None),
        ("І-ші мейоз", "І-ші", K::Ordinal, "1", None, None),
        ("ІІ-шіден кейін", "ІІ-шіден", K::Ordinal, "2", None, None),
        (
            "XX-шы ғасырдың",
            "XX-шы ғасырдың",
            K::Date,
            "19",
            None,
            None,
        ),
        (
            "X-XII ғасырларда",
            "X-XII ғасырларда",
            K::Date,
            "09..11",
            None,
            None,
        ),
        (
            "ІХ-ХІ ғасырда",
            "ІХ-ХІ ғасырда",
            K::Date,
            "08..10",
            None,
            None,
        ),
        (
            "XV-XVI ғғ. Тараз",
            "XV-XVI ғғ.",
            K::Date,
            "14..15",
            None,
            None,
        ),
        // Counted before the common era: after its mark, in one token, in
        // three or spelled out, or a range that runs backwards.
        ("б.з.б. V ғасыр", "V ғасыр", K::Date, "BC04", None, None),
        (
            "Б. з. д. 500 жылы",
            "500 жылы",
            K::Date,
            "BC0500",
            None,
            None,
        ),
        (
            "б. з. б. 47—46 жылдарда",
            "47—46 жылдарда",
            K::Date,
            "BC0047..BC0046",
            None,
            None,
        ),
        (
            "біздің заманымызға дейінгі II ғасыр",
            "II ғасыр",
            K::Date,
            "BC01",
            None,
            None,
        ),
        (
            "XII-VIII ғғ. дейін",
            "XII-VIII ғғ.",
            K::Date,
            "BC11..BC07",
            None,
            None,
        ),
        (
            "біздің заманымыздың II ғасыры",
            "II ғасыры",
            K::Date,
            "01",
            None,
            None,
        ),
        (
            "2024-2029 жылдары",
            "2024-2029 жылдары",
            K::Date,
            "2024..2029",
            None,
            None,
        ),
        ("2026 жылы", "2026 жылы", K::Date, "2026", None, None),
        (
            "27-нші наурыз",
            "27-нші наурыз",
            K::Date,
            "XXXX-03-27",
            None,
            None,
        ),
        ("1991 ж. құрылды", "1991 ж.", K::Date, "1991", None, None),
        (
            "бір мың тоғыз жүз",
            "бір мың тоғыз жүз",
            K::Cardinal,
            "1900",
            None,
            None,
        ),
        // Points of a score or a scale are a quantity, as KazNERD labels
        // `ұпай`.
        (
            "0,1 балл",
            "0,1 балл",
            K::Quantity,
            "0.1",
            Some("балл"),
            None,
        ),
        // Temperatures in one token, with the sign before them.
        (
            "25°C-тан асты",
            "25°C-тан",
            K::Quantity,
            "25",
            Some("градус"),
            None,
        ),
        (
            "Аяз -5°С-қа дейін",
            "-5°С-қа",
            K::Quantity,
            "-5",
            Some("градус"),
            None,
        ),
        (
            "36,6° болды",
            "36,6°",
            K::Quantity,
            "36.6",
            Some("градус"),
            None,
        ),
        // A minus written against a measure: temperatures, changes in per
        // cent, losses.
        (
            "Ауа −12 градус болады",
            "−12 градус",
            K::Quantity,
            "-12",
            Some("градус"),
            None,
        ),
        (
            "инфляция -0,5% болды",
            "-0,5%",
            K::Percent,
            "-0.5",
            Some("%"),
            None,
        ),
        (
            "Компания –3 млрд теңге шығын көрді",
            "–3 млрд теңге",
            K::Money,
            "-3000000000",
            Some("KZT"),
            None,
        ),
        (
            "инфляция (-0,5%) болды",
            "-0,5%",
            K::Percent,
            "-0.5",
            Some("%"),
            None,
        ),
        (
            "Аяз -5°С-қа жетеді",
            "-5°С-қа",
            K::Quantity,
            "-5",
            Some("градус"),
            None,
        ),
        (
            "Аяз -5 -12 градус",
            "-5 -12 градус",
            K::Quantity,
            "-12..-5",
            Some("градус"),
            None,
        ),
        // Not a sign: spaced from the number, after a number (a range), or
        // before a count (a list's dash).
        (
            "2 - 3 градус",
            "2 - 3 градус",
            K::Quantity,
            "2..3",
            Some("градус"),
            None,
        ),
        (
            "баға 5 -10 пайызға өсті",
            "5 -10 пайызға",
            K::Percent,
            "5..10",
            Some("%"),
            None,
        ),
        ("тізім: -5 адам келді", "5", K::Cardinal, "5", None, None),
        // Multipliers, with the word as KazNERD spans them.
        ("20 есе өсті", "20 есе", K::Cardinal, "20", None, None),
        (
            "бір жарым есеге қымбаттады",
            "бір жарым есеге",
            K::Cardinal,
            "1.5",
            None,
            None,
        ),
        ("5 есептен", "5", K::Cardinal, "5", None, None),
        // Two number words joined by a hyphen are a range, scaled alike;
        // `жарым` after a scale word is half of it; `-ақ` (only) leaves
        // the number as it is.
        (
            "екі-үш мың теңгеге өскен",
            "екі-үш мың теңгеге",
            K::Money,
            "2000..3000",
            Some("KZT"),
            None,
        ),
        (
            "он-он бес мың теңге",
            "он-он бес мың теңге",
            K::Money,
            "10000..15000",
            Some("KZT"),
            None,
        ),
        ("екі-үш адам", "екі-үш", K::Cardinal, "2..3", None, None),
        // The unit after the qualifier of a number in a case.
        (
            "Бюджетке 1,5 трлн-ға жуық теңге түсті.",
            "1,5 трлн-ға жуық теңге",
            K::Money,
            "1500000000000",
            Some("KZT"),
            Some(About),
        ),
        (
            "4,3 мыңнан астам шақырым",
            "4,3 мыңнан астам шақырым",
            K::Quantity,
            "4300",
            Some("шақырым"),
            Some(Over),
        ),
        // Thousands groups whose last group carries the ending.
        (
            "15 000-нан астам адам",
            "15 000-нан астам",
            K::Cardinal,
            "15000",
            None,
            Some(Over),
        ),
        (
            "1 200-ге жуық адам",
            "1 200-ге жуық",
            K::Cardinal,
            "1200",
            None,
            Some(About),
        ),
        // ... or its decimal part.
        (
            "Көл 1 449,3 метрлік биіктікте",
            "1 449,3 метрлік",
            K::Quantity,
            "1449.3",
            Some("метр"),
            None,
        ),
        (
            "Бюджет 2 345,7 млрд теңге",
            "2 345,7 млрд теңге",
            K::Money,
            "2345700000000",
            Some("KZT"),
            None,
        ),
        // As the corpora's tokenizers write it.
        (
            "Бюджет 1 449 , 3 млрд теңге",
            "1 449 , 3 млрд теңге",
            K::Money,
            "1449300000000",
            Some("KZT"),
            None,
        ),
        (
            "12 345,67-ге жетті",
            "12 345,67-ге",
            K::Cardinal,
            "12345.67",
            None,
            None,
        ),
        // A forecast's range with an ellipsis, each end with its sign.
        (
            "Аяз -15...-20 градус",
            "-15...-20 градус",
            K::Quantity,
            "-20..-15",
            Some("градус"),
            None,
        ),
        (
            "Ауа -3…+2 градус",
            "-3…+2 градус",
            K::Quantity,
            "-3..2",
            Some("градус"),
            None,
        ),
        ("10...15 адам", "10...15", K::Cardinal, "10..15", None, None),
        (
            "екінші-үшінші орындарды",
            "екінші-үшінші",
            K::Ordinal,
            "2..3",
            None,
            None,
        ),
        (
            "мың жарым адам",
            "мың жарым",
            K::Cardinal,
            "1500",
            None,
            None,
        ),
        (
            "екі миллион жарым",
            "екі миллион жарым",
            K::Cardinal,
            "2500000",
            None,
            None,
        ),
        ("үш-ақ рейс", "үш-ақ", K::Cardinal, "3", None, None),
        // Decimals read aloud: the digits after `бүтін` as one number, and
        // the comma of transcribed speech (`да`, `де`, `та`, `те`) before a
        // scale word or a percent.
        (
            "тоқсан үш бүтін төрт миллиард теңге",
            "тоқсан үш бүтін төрт миллиард теңге",
            K::Money,
            "93400000000",
            Some("KZT"),
            None,
        ),
        (
            "үш бүтін жиырма бес процент",
            "үш бүтін жиырма бес процент",
            K::Percent,
            "3.25",
            Some("%"),
            None,
        ),
        (
            "үш те бес процентке өсті",
            "үш те бес процентке",
            K::Percent,
            "3.5",
            Some("%"),
            None,
        ),
        (
            "бір де сегіз миллиард",
            "бір де сегіз миллиард",
            K::Cardinal,
            "1800000000",
            None,
            None,
        ),
        (
            "екі де тоғыз ( ыы ) процентті",
            "екі де тоғыз ( ыы ) процентті",
            K::Percent,
            "2.9",
            Some("%"),
            None,
        ),
    ];
    check(cases);
}

#[test]
fn not_numbers() {
    for text in [
        "бірақ ол келді",
        "үшін",
        "оның үйі",
        "бірге барды",
        "бірден келді",
        "ол бірде келеді",
        "«Хабар 24» арнасы",
        "бір-бірімен",
        "үш-екі",
        // The three hordes: `жүз` is also a hundred.
        "Ұлы жүз аумағына",
        "Орта жүздің ханы",
        "Кіші жүзге қарасты",
        // `жүз` in the possessive with no number before it: the face or
        // surface, and grapes.
        "іс жүзінде шешілді",
        "Дүние жүзіндегі ең үлкен арал",
        "жүзім өсірді",
        "жер жүзін шарлайтын",
    ] {
        let found = extract(text);
        assert!(found.is_empty(), "{text:?} gave {found:?}");
    }
    // After a number it is the hundred still.
    let (found, _, v, _, _) = one("екі жүзінде");
    assert_eq!((found.as_str(), v.as_str()), ("екі жүзінде", "200"));
}

#[test]
fn a_spoken_comma_needs_a_scale_or_percent_after() {
    // `екі де үш адам`: both two and three people, two numbers.
    let values: Vec<String> = extract("екі де үш адам")
        .iter()
        .map(|m| m.value().to_string())
        .collect();
    assert_eq!(values, ["2", "3"]);
}

#[test]
fn overflow_is_reported() {
    let digits = "9".repeat(400);
    let found = extract(&digits);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].value(), Value::Overflow);
    let words = "мың ".repeat(20) + "квадриллион";
    assert!(parse_words(&words).is_none());
    let text = "он квадриллион ".repeat(3);
    let found = extract(&text);
    assert!(found
        .iter()
        .all(|m| m.value() != Value::Exact(super::Decimal::ZERO)));
}

#[test]
fn pre_tokenized_input() {
    let toks = [
        "Ұлттық",
        "қор",
        "86",
        ",",
        "5",
        "миллиард",
        "долларға",
        "жетті",
        ".",
    ];
    let joined = super::join_tokens(&toks);
    let found = super::extract_tokens(&toks, &joined);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].tokens(), 2..7);
    assert_eq!(found[0].value().to_string(), "86500000000");
    assert_eq!(found[0].kind(), K::Money);
    assert_eq!(found[0].text(), "86 , 5 миллиард долларға");
}

#[test]
fn an_abbreviated_scale_with_its_ending_reads_as_the_word() {
    // (with the abbreviation, with the word): the same kind, value and
    // qualifier, over the same words.
    for (short, long) in [
        (
            "Халық саны 15 млн-нан асты.",
            "Халық саны 15 миллионнан асты.",
        ),
        (
            "2 млрд-қа жуық теңге бөлінді.",
            "2 миллиардқа жуық теңге бөлінді.",
        ),
        ("7 млн-дай адам келді.", "7 миллиондай адам келді."),
        ("Қарыз 1 трлн-ға жетті.", "Қарыз 1 триллионға жетті."),
    ] {
        let (a, b) = (extract(short), extract(long));
        assert_eq!(a.len(), 1, "{short}: {a:?}");
        assert_eq!(b.len(), 1, "{long}: {b:?}");
        assert_eq!(a[0].kind(), b[0].kind(), "{short}");
        assert_eq!(a[0].value(), b[0].value(), "{short}");
        assert_eq!(a[0].approx(), b[0].approx(), "{short}");
        assert_eq!(a[0].tokens(), b[0].tokens(), "{short}");
    }
}

/// The case forms of `бір` join a compound only after a ten or a hundred:
/// after a scale word or a unit they stay adverbs.
#[test]
fn one_in_a_case_joins_only_after_a_ten_or_a_hundred() {
    for (text, want) in [
        ("он бірге", "11"),
        ("жүз бірден", "101"),
        ("екі жүз бірде", "201"),
        ("мың бірге", "1000"),
        ("үш бірге", "3"),
    ] {
        assert_eq!(readings(text), [(K::Cardinal, want.to_string())], "{text}");
    }
}

/// The kinds and values of the mentions of a text, in order.
fn readings(text: &str) -> Vec<(K, String)> {
    extract(text)
        .iter()
        .map(|m| (m.kind(), m.value().to_string()))
        .collect()
}

/// A number written in words and the same number written in digits (the
/// variants of one KazNERD sentence) give the same kinds and values.
#[test]
fn words_and_digits_read_alike() {
    // (words, digits, the kinds and values of both).
    type Case<'a> = (&'a str, &'a str, &'a [(K, &'a str)]);
    let cases: &[Case<'_>] = &[
        // The particle `-ақ` (only) after digits, as after a number word:
        // the unit still follows.
        (
            "Мына арадан төрт-ақ метр жер қазды .",
            "Мына арадан 4-ақ метр жер қазды .",
            &[(K::Quantity, "4")],
        ),
        (
            "Біздің Қазақстанда тек ғана он төрт-ақ процент .",
            "Біздің Қазақстанда тек ғана 14-ақ процент .",
            &[(K::Percent, "14")],
        ),
        ("үш-ақ рейс", "3-ақ рейс", &[(K::Cardinal, "3")]),
        // `біреуі` (one of them) counts as `үшеуі` does.
        (
            "Біреуі студент , үшеуі оқушы .",
            "1-еуі студент , 3-еуі оқушы .",
            &[(K::Cardinal, "1"), (K::Cardinal, "3")],
        ),
        // After a ten or a hundred the case forms of `бір`, adverbs on
        // their own (`бірге` together), are the unit of the compound.
        (
            "Саны жетпіс бірден асты .",
            "Саны 71-ден асты .",
            &[(K::Cardinal, "71")],
        ),
        (
            "бір мың жүз бірге жетті",
            "1101-ге жетті",
            &[(K::Cardinal, "1101")],
        ),
        (
            "тізімде он бірде тұр",
            "тізімде 11-де тұр",
            &[(K::Cardinal, "11")],
        ),
    ];
    for (words, digits, want) in cases {
        let want: Vec<(K, String)> = want.iter().map(|(k, v)| (*k, v.to_string())).collect();
        assert_eq!(readings(words), want, "{words:?}");
        assert_eq!(readings(digits), want, "{digits:?}");
    }
}

/// Roman numerals in their standard form, Latin or with the Cyrillic
/// look-alikes; other strings of the same letters are not numerals.
#[test]
fn roman_numerals_in_their_standard_form() {
    for (text, want) in [
        ("XXI", Some(21)),
        ("ХХІ", Some(21)),
        ("ХІХ", Some(19)),
        ("XIV", Some(14)),
        ("ІІ", Some(2)),
        ("MCMXCI", Some(1991)),
        ("CD", Some(400)),
        ("СМС", None),
        ("IIII", None),
        ("VV", None),
        ("IC", None),
        ("ММММ", None),
        ("XM", None),
        ("М", None),
    ] {
        assert_eq!(super::phrase::roman(text), want, "{text}");
    }
}

/// Numbers inside a short quotation are part of a name, unless the
/// quotation is reported speech: after a colon, or before a verb of
/// saying or the `, —` that closes speech.
#[test]
fn quoted_speech_is_not_a_name() {
    for (text, want) in [
        ("«Хабар 24» арнасы", &[][..]),
        ("«Бір белдеу, бір жол» бағдарламасы", &[]),
        ("«Миллион кімге бұйырады?» жобасы", &[]),
        ("«2016 жылы көшіреміз» деді.", &[(K::Date, "2016")][..]),
        (
            "«Оған 52 млн теңге бөлінді», — деді ол.",
            &[(K::Money, "52000000")],
        ),
        (
            "Ол: «Биыл 25 адам келеді» деп айтты.",
            &[(K::Date, "XXXX"), (K::Cardinal, "25")],
        ),
    ] {
        let want: Vec<(K, String)> = want.iter().map(|(k, v)| (*k, v.to_string())).collect();
        assert_eq!(readings(text), want, "{text}");
    }
}

/// Units written as symbols or by their Kazakh names after a number: the
/// mention takes the unit, and the unit's name is the Kazakh word.
#[test]
fn units_of_measurement_by_symbol_and_name() {
    // (text, mention, unit)
    for (text, mention, unit) in [
        ("Биіктігі 5 м.", "5 м.", "метр"),
        ("ауданы 20 км² жер", "20 км²", "шаршы шақырым"),
        ("көлемі 5 м³ су", "5 м³", "текше метр"),
        ("өнімі 3 ц болды", "3 ц", "центнер"),
        ("5 т көмір", "5 т", "тонна"),
        ("2 л сүт", "2 л", "литр"),
        ("2,5 мг дәрі", "2,5 мг", "миллиграмм"),
        ("қуаты 20 кВт", "20 кВт", "киловатт"),
        ("310 МВт қуат", "310 МВт", "мегаватт"),
        ("15 мегабайт дерек", "15 мегабайт", "мегабайт"),
        ("20 килотонна", "20 килотонна", "килотонна"),
        ("400 кило ет", "400 кило", "килограмм"),
        ("40 миль жүрді", "40 миль", "миля"),
        ("50 дюйм экран", "50 дюйм", "дюйм"),
        ("140 ұпай жинады", "140 ұпай", "ұпай"),
        ("7 балл жер сілкінісі", "7 балл", "балл"),
        ("5 шаршы шақырым жер", "5 шаршы шақырым", "шаршы шақырым"),
        (
            "бір шаршы миллиметр",
            "бір шаршы миллиметр",
            "шаршы миллиметр",
        ),
        ("200 мың текше метр газ", "200 мың текше метр", "текше метр"),
        // Speeds, written with a slash the tokenizer keeps apart.
        ("120 км/сағ жылдамдықпен", "120 км/сағ", "шақырым/сағат"),
        (
            "755 километр / сағат",
            "755 километр / сағат",
            "шақырым/сағат",
        ),
        ("екпіні 20 м/с-қа жетті", "20 м/с-қа", "метр/секунд"),
    ] {
        let (found, kind, _, u, _) = one(text);
        assert_eq!(
            (found.as_str(), kind, u),
            (mention, K::Quantity, Some(unit)),
            "{text}"
        );
    }
    for (text, mention, value, code) in [
        ("5 мың тг", "5 мың тг", "5000", "KZT"),
        ("5 мың иена", "5 мың иена", "5000", "JPY"),
        ("100 гривнаға", "100 гривнаға", "100", "UAH"),
        ("20 лира", "20 лира", "20", "TRY"),
        ("10 франк", "10 франк", "10", "CHF"),
        ("1000 вон", "1000 вон", "1000", "KRW"),
        ("5 £", "5 £", "5", "GBP"),
        ("50 фунт стерлинг", "50 фунт стерлинг", "50", "GBP"),
    ] {
        let (found, kind, v, unit, _) = one(text);
        assert_eq!(
            (found.as_str(), kind, v.as_str(), unit),
            (mention, K::Money, value, Some(code)),
            "{text}"
        );
    }
}

/// A short symbol takes a case ending after a hyphen, as other
/// abbreviations do, but no ending written against it: a longer word that
/// starts with its letters stays a word.
#[test]
fn a_short_unit_takes_its_ending_after_a_hyphen() {
    for (text, mention, unit) in [
        ("12 км-ге созылды", "12 км-ге", "шақырым"),
        ("3,5 кг-ға дейін", "3,5 кг-ға дейін", "килограмм"),
        ("30 м-ге жетеді", "30 м-ге", "метр"),
        ("1 га-дан", "1 га-дан", "гектар"),
    ] {
        let (found, kind, _, u, _) = one(text);
        assert_eq!(
            (found.as_str(), kind, u),
            (mention, K::Quantity, Some(unit)),
            "{text}"
        );
    }
    // `5 мен` (five and …), `5 мың`, `2 лақ`: no unit.
    assert_eq!(
        readings("5 мен 6"),
        [(K::Cardinal, "5".into()), (K::Cardinal, "6".into())]
    );
    assert_eq!(readings("5 мың"), [(K::Cardinal, "5000".into())]);
    assert_eq!(readings("2 лақ"), [(K::Cardinal, "2".into())]);
}

/// From one end to the other (`-дан … -ға дейін`): one range when the unit
/// is written once, on the last end; two mentions when each end has its
/// unit or neither has one (KazNERD's spans). A unit in the ablative does
/// not begin a quantity in two units (`6 тонна 600 килограмм`).
#[test]
fn from_one_end_to_the_other() {
    for (text, want) in [
        (
            "сағатына 80-нен 60 шақырымға дейін",
            vec![(K::Quantity, "60..80")],
        ),
        ("3-тен 5 км-ге дейін", vec![(K::Quantity, "3..5")]),
        ("700-ден 2000 теңгеге дейін", vec![(K::Money, "700..2000")]),
        (
            "800 тоннадан 7000 тоннаға дейін",
            vec![(K::Quantity, "800"), (K::Quantity, "7000")],
        ),
        (
            "12 см-ден 2 м-ге дейін",
            vec![(K::Quantity, "12"), (K::Quantity, "2")],
        ),
        (
            "40000-нан 20000 адамға дейін",
            vec![(K::Cardinal, "40000"), (K::Cardinal, "20000")],
        ),
        ("6 тонна 600 килограмм", vec![(K::Quantity, "6600")]),
    ] {
        let want: Vec<(K, String)> = want.into_iter().map(|(k, v)| (k, v.to_string())).collect();
        assert_eq!(readings(text), want, "{text}");
    }
}

/// A quantity in two units is counted in the smaller, where one is a whole
/// number of the other; other pairs stay two mentions.
#[test]
fn a_quantity_in_two_units_is_counted_in_the_smaller() {
    for (text, mention, value, unit) in [
        (
            "6 тонна 600 килограмм",
            "6 тонна 600 килограмм",
            "6600",
            "килограмм",
        ),
        (
            "бір метр жиырма сантиметр",
            "бір метр жиырма сантиметр",
            "120",
            "сантиметр",
        ),
        (
            "2 шақырым 300 метр жол",
            "2 шақырым 300 метр",
            "2300",
            "метр",
        ),
        (
            "3 центнер 20 килограмм",
            "3 центнер 20 килограмм",
            "320",
            "килограмм",
        ),
    ] {
        let (found, kind, v, u, _) = one(text);
        assert_eq!(
            (found.as_str(), kind, v.as_str(), u),
            (mention, K::Quantity, value, Some(unit)),
            "{text}"
        );
    }
    assert_eq!(
        readings("5 тонна 3 метр"),
        [
            (K::Quantity, "5".to_string()),
            (K::Quantity, "3".to_string())
        ]
    );
}

/// Digits against a hyphen and a word are an ordinal (`5-сынып`, the fifth
/// form): Kazakh spelling writes the ordinal suffix of digits so. Not a
/// range, an ending, a qualifier with its ending left out, or spaced
/// dashes.
#[test]
fn digits_with_a_hyphen_before_a_word_are_ordinals() {
    for (text, want) in [
        ("5-сынып оқушысы", vec![(K::Ordinal, "5")]),
        ("жинағының 3-томында", vec![(K::Ordinal, "3")]),
        ("АҚШ-тың 33-президенті", vec![(K::Ordinal, "33")]),
        ("5-10 адам", vec![(K::Cardinal, "5..10")]),
        ("5-ке бөлінді", vec![(K::Cardinal, "5")]),
        ("30-астам улы зат", vec![(K::Cardinal, "30")]),
        ("2 - сынып", vec![(K::Cardinal, "2")]),
    ] {
        let want: Vec<(K, String)> = want.into_iter().map(|(k, v)| (k, v.to_string())).collect();
        assert_eq!(readings(text), want, "{text}");
    }
}

/// A plus written against the number is part of the mention; the value is
/// as written (a plus between numbers is no sign).
#[test]
fn a_plus_sign_is_in_the_mention() {
    for (text, mention, value) in [
        (
            "ауа +25 градусқа дейін жылынады",
            "+25 градусқа дейін",
            "25",
        ),
        ("ауа +5...+10 градус", "+5...+10 градус", "5..10"),
        ("-5...+3 градус", "-5...+3 градус", "-5..3"),
        ("өсім +3,5%", "+3,5%", "3.5"),
        ("ауа плюс 20 градус", "плюс 20 градус", "20"),
    ] {
        let found = extract(text);
        assert_eq!(found.len(), 1, "{text}: {found:?}");
        assert_eq!(
            (found[0].text(), found[0].value().to_string()),
            (mention, value.to_string()),
            "{text}"
        );
    }
    assert_eq!(
        readings("2+2"),
        [
            (K::Cardinal, "2".to_string()),
            (K::Cardinal, "2".to_string())
        ]
    );
}

/// Degrees of cold (`суық`, `аяз`) are below zero, of heat (`ыстық`) as
/// written, the word in the mention; `ең көп дегенде` (at most) opens it;
/// a rate before a range's first end is in the range's mention.
#[test]
fn cold_heat_at_most_and_rates() {
    for (text, mention, value, approx) in [
        ("ауа 20 градус суық болады", "20 градус суық", "-20", None),
        ("30 градус аяз", "30 градус аяз", "-30", None),
        ("минус 20 градус суық", "минус 20 градус суық", "-20", None),
        (
            "39 – 40 градус ыстық",
            "39 – 40 градус ыстық",
            "39..40",
            None,
        ),
        (
            "ең көп дегенде 13 миллиметрдей",
            "ең көп дегенде 13 миллиметрдей",
            "13",
            Some(Approx::UpTo),
        ),
        (
            "сағатына 80-нен 60 шақырымға дейін",
            "сағатына 80-нен 60 шақырымға дейін",
            "60..80",
            None,
        ),
    ] {
        let (found, kind, v, _, a) = one(text);
        assert_eq!(
            (found.as_str(), kind, v.as_str(), a),
            (mention, K::Quantity, value, approx),
            "{text}"
        );
    }
}

/// A fraction: the whole in the ablative, the part in the possessive; the
/// quotient exact when it terminates within six decimals, else rounded to
/// four and approximate. A number in the ablative before something else
/// is no fraction.
#[test]
fn fractions_are_their_quotient() {
    for (text, mention, value, approx) in [
        ("халықтың төрттен бірі", "төрттен бірі", "0.25", None),
        ("4-тен 1-і", "4-тен 1-і", "0.25", None),
        ("оннан біріне", "оннан біріне", "0.1", None),
        ("үштен екісі", "үштен екісі", "0.6667", Some(Approx::About)),
        ("3-тен 2-сі", "3-тен 2-сі", "0.6667", Some(Approx::About)),
        // The part bare before `бөлігі` (part), which stays outside.
        (
            "пәтерлердің үштен бір бөлігі",
            "үштен бір",
            "0.3333",
            Some(Approx::About),
        ),
        ("төрттен үш бөлігін", "төрттен үш", "0.75", None),
    ] {
        let (found, kind, v, _, a) = one(text);
        assert_eq!(
            (found.as_str(), kind, v.as_str(), a),
            (mention, K::Cardinal, value, approx),
            "{text}"
        );
    }
    assert_eq!(readings("3-тен астам"), [(K::Cardinal, "3".to_string())]);
    // A bare part before another word: two numbers.
    assert_eq!(
        readings("үштен бір адам"),
        [
            (K::Cardinal, "3".to_string()),
            (K::Cardinal, "1".to_string())
        ]
    );
    // The part no smaller than the whole: two numbers.
    assert_eq!(
        readings("екіден бесі"),
        [
            (K::Cardinal, "2".to_string()),
            (K::Cardinal, "5".to_string())
        ]
    );
}

/// A half in the possessive, of a whole in the genitive before it, is 0.5,
/// with `тең` (exactly) and a qualifier after it in the mention; without
/// the whole, or as a part of a year, it is no number.
#[test]
fn a_half_of_something_is_a_half() {
    for (text, mention, approx) in [
        ("автобус паркінің тең жартысы тозған", "тең жартысы", None),
        (
            "лимитінің жартысына жуығын игерді",
            "жартысына жуығын",
            Some(Approx::About),
        ),
        (
            "Оның жартысынан астамы балалар",
            "жартысынан астамы",
            Some(Approx::Over),
        ),
    ] {
        let (found, kind, v, _, a) = one(text);
        assert_eq!(
            (found.as_str(), kind, v.as_str(), a),
            (mention, K::Cardinal, "0.5", approx),
            "{text}"
        );
    }
    assert!(extract("Әзірге жартысын аяқтадық").is_empty());
    let found = extract("жылдың екінші жартысында");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind(), K::Date);
}

#[test]
fn several_hundreds_and_tens_of_thousands_are_approximate() {
    // `бірнеше` (several) before a hundred or a scale word: more than it,
    // the word in the mention; `-даған` (tens of, hundreds of) stays
    // approximate through a scale word after it.
    let cases: &[Row] = &[
        (
            "Бірнеше мың адам жиналды",
            "Бірнеше мың",
            K::Cardinal,
            "1000",
            None,
            Some(Approx::Over),
        ),
        (
            "бірнеше жүз метр жүрді",
            "бірнеше жүз метр",
            K::Quantity,
            "100",
            Some("метр"),
            Some(Approx::Over),
        ),
        (
            "бірнеше млн доллар жұмсалды",
            "бірнеше млн доллар",
            K::Money,
            "1000000",
            Some("USD"),
            Some(Approx::Over),
        ),
        (
            "Ондаған мың тұрғын",
            "Ондаған мың",
            K::Cardinal,
            "10000",
            None,
            Some(Approx::About),
        ),
        (
            "жүздеген мың гектар",
            "жүздеген мың гектар",
            K::Quantity,
            "100000",
            Some("гектар"),
            Some(Approx::About),
        ),
    ];
    check(cases);
    // Without a hundred or scale word after it, `бірнеше` is no number.
    assert!(extract("Бірнеше адам келді").is_empty());
    // Nor does `-даған` make a plain number after it approximate.
    let (_, _, v, _, a) = one("мың адам");
    assert_eq!((v.as_str(), a), ("1000", None));
}

#[test]
fn a_count_of_years_is_no_year() {
    // After `бірнеше`, or in the ablative before a comparative (more than
    // a thousand years), a number of years is a length, whatever its
    // value; before `бері`, `кейін` it stays a year.
    for (text, mention, kind, value) in [
        (
            "Бірнеше мың жыл өтті",
            "Бірнеше мың жыл",
            K::Duration,
            "P1000Y",
        ),
        (
            "Мың жылдан астам уақыт өтті",
            "Мың жылдан астам",
            K::Duration,
            "P1000Y",
        ),
        (
            "2000 жылдан астам тарихы бар",
            "2000 жылдан астам",
            K::Duration,
            "P2000Y",
        ),
        ("1990 жылдан бері", "1990 жылдан бері", K::Date, "1990"),
        ("2000 жылдан кейін", "2000 жылдан кейін", K::Date, "2000"),
        // Bare before `бұрын`: so many years ago.
        ("мың жыл бұрын", "мың жыл бұрын", K::Date, "XXXX"),
        ("2000 жыл бұрын", "2000 жыл бұрын", K::Date, "XXXX"),
        ("2000 жылдан бұрын", "2000 жылдан", K::Date, "2000"),
    ] {
        let (found, k, v, _, _) = one(text);
        assert_eq!(
            (found.as_str(), k, v.as_str()),
            (mention, kind, value),
            "{text}"
        );
    }
    for text in ["Бірнеше мың жыл өтті", "бірнеше жүз жыл бұрын"]
    {
        let found = extract(text);
        let modifier = match found.first().map(|m| m.value()) {
            Some(Value::Time(t)) => t.modifier(),
            other => panic!("{text}: {other:?}"),
        };
        assert_eq!(modifier, Some(crate::time::Modifier::MoreThan), "{text}");
    }
}

#[test]
fn percentage_points_and_the_dollars_abbreviation() {
    // A percentage point is the difference of two percentages: a quantity
    // in `пайыздық тармақ` (or `пункт`), not a percentage; `пайыздық`
    // alone is an adjective of a percentage. `долл.` is the dollar.
    let cases: &[(&str, &str, K, &str, Option<&str>)] = &[
        (
            "мөлшерлеме 0,25 пайыздық тармаққа төмендетілді",
            "0,25 пайыздық тармаққа",
            K::Quantity,
            "0.25",
            Some("пайыздық тармақ"),
        ),
        (
            "2 пайыздық пунктке өсті",
            "2 пайыздық пунктке",
            K::Quantity,
            "2",
            Some("пайыздық тармақ"),
        ),
        (
            "14 пайыздық мөлшерлеме",
            "14 пайыздық",
            K::Percent,
            "14",
            Some("%"),
        ),
        (
            "айналым 25,6 млрд долл. жетті",
            "25,6 млрд долл.",
            K::Money,
            "25600000000",
            Some("USD"),
        ),
    ];
    for &(text, mention, kind, value, unit) in cases {
        let (found, k, v, u, _) = one(text);
        assert_eq!(
            (found.as_str(), k, v.as_str(), u),
            (mention, kind, value, unit),
            "{text}"
        );
    }
}

#[test]
fn the_short_index_and_more_qualifier_forms() {
    // `айлық көрсеткіш` is the monthly calculation index written short;
    // `шақтысы` (about so many of them) and `астамды` (more than, in the
    // accusative) qualify the number before them.
    let cases: &[Row] = &[
        (
            "жәрдемақы 100 айлық көрсеткішке дейін",
            "100 айлық көрсеткішке дейін",
            K::Quantity,
            "100",
            Some("АЕК"),
            Some(Approx::UpTo),
        ),
        (
            "қырық шақтысы келді",
            "қырық шақтысы",
            K::Cardinal,
            "40",
            None,
            Some(Approx::About),
        ),
        (
            "70-тен астамды құрады",
            "70-тен астамды",
            K::Cardinal,
            "70",
            None,
            Some(Approx::Over),
        ),
    ];
    check(cases);
}

#[test]
fn tenge_and_tiyn_are_one_amount() {
    // Tiyn after tenge (a hundredth each) add to the amount; after tenge in
    // the ablative (from one price to another) or past 99 they do not.
    check(&[
        (
            "бағасы 25 мың теңге 50 тиын",
            "25 мың теңге 50 тиын",
            K::Money,
            "25000.5",
            Some("KZT"),
            None,
        ),
        (
            "3 теңге 5 тиыннан",
            "3 теңге 5 тиыннан",
            K::Money,
            "3.05",
            Some("KZT"),
            None,
        ),
    ]);
    assert_eq!(
        readings("100 теңгеден 50 тиын"),
        [(K::Money, "100".to_string()), (K::Money, "0.5".to_string())]
    );
}

//! Values, their ISO 8601 text and their anchoring, built directly; the
//! expressions that produce them are tested in `tests/time.rs`.

use super::*;

fn p(rel: Rel, year: i32, grain: Grain, clock: Clock) -> TimexValue {
    TimexValue(Val::Point(Point {
        rel,
        year,
        grain,
        clock,
    }))
}

fn dur(milli: Option<u64>, unit: Unit) -> TimexValue {
    TimexValue(Val::Duration(Duration { milli, unit }))
}

#[test]
fn points_print_as_timex3() {
    use Clock::{At, Part};
    use Grain as G;
    use Rel as R;
    let none = Clock::None;
    for (value, want) in [
        (p(R::Absolute, 2024, G::Day(5, 12), none), "2024-05-12"),
        (p(R::Absolute, 2024, G::Month(5), none), "2024-05"),
        (p(R::Absolute, 2024, G::Year, none), "2024"),
        (p(R::Absolute, 2024, G::Quarter(1), none), "2024-Q1"),
        (p(R::Absolute, 2024, G::Half(2), none), "2024-H2"),
        (p(R::Absolute, 2024, G::Week(23), none), "2024-W23"),
        (
            p(R::Absolute, 2024, G::Season(super::Season::Summer), none),
            "2024-SU",
        ),
        (p(R::Absolute, 2000, G::Century, none), "20"),
        (p(R::Absolute, 1990, G::Decade, none), "199"),
        (
            p(R::Absolute, 2024, G::Day(6, 15), At(14, 30)),
            "2024-06-15T14:30",
        ),
        (p(R::Implied, 0, G::None, At(8, 0)), "T08:00"),
        (p(R::Implied, 0, G::None, Part(DayPart::Morning)), "TMO"),
        (p(R::Implied, 0, G::Month(1), none), "XXXX-01"),
        (p(R::Implied, 0, G::Day(12, 1), none), "XXXX-12-01"),
        (p(R::Implied, 0, G::Weekday(1), none), "XXXX-WXX-1"),
        (p(R::Implied, 0, G::YearOfCentury(91), none), "XX91"),
        (p(R::Year(-1), 0, G::Year, none), "XXXX"),
        (
            p(R::Year(-1), 0, G::Season(super::Season::Spring), none),
            "XXXX-SP",
        ),
        (p(R::Month(1), 0, G::Month(0), none), "XXXX-XX"),
        (p(R::Week(-1), 0, G::Week(0), none), "XXXX-WXX"),
        (
            p(R::Day(-1), 0, G::Day(0, 0), Part(DayPart::Evening)),
            "XXXX-XX-XXTEV",
        ),
        (TimexValue(Val::Ref(Ref::Present)), "PRESENT_REF"),
        (TimexValue(Val::Ref(Ref::Past)), "PAST_REF"),
        (TimexValue(Val::Ref(Ref::Future)), "FUTURE_REF"),
    ] {
        assert_eq!(value.to_string(), want);
        let needs_date = want.contains('X') || want.starts_with('T');
        assert_eq!(value.is_relative(), needs_date, "{want}");
    }
}

#[test]
fn durations_print_in_iso_8601() {
    for (value, want) in [
        (dur(Some(3000), Unit::Year), "P3Y"),
        (dur(Some(10_000), Unit::Month), "P10M"),
        (dur(Some(2000), Unit::Week), "P2W"),
        (dur(Some(500), Unit::Hour), "PT30M"),
        (dur(Some(500), Unit::Year), "P6M"),
        (dur(Some(1500), Unit::Year), "P1.5Y"),
        (dur(Some(1250), Unit::Hour), "PT1.25H"),
        (dur(Some(12_000), Unit::Minute), "PT12M"),
        (dur(Some(24_000), Unit::Hour), "PT24H"),
        (dur(Some(2000), Unit::Decade), "P20Y"),
        (dur(Some(1000), Unit::Century), "P100Y"),
        (dur(None, Unit::Year), "PXY"),
        (dur(None, Unit::Minute), "PTXM"),
    ] {
        assert_eq!(value.to_string(), want);
        assert!(!value.is_relative());
    }
}

#[test]
fn offsets_say_how_far_from_the_document_date() {
    let off = |v: TimexValue| v.offset().map(|o| o.to_string());
    assert_eq!(
        off(p(Rel::Year(-1), 0, Grain::Year, Clock::None)),
        Some("-P1Y".into())
    );
    assert_eq!(
        off(p(Rel::Year(0), 0, Grain::Year, Clock::None)),
        Some("P0Y".into())
    );
    assert_eq!(
        off(p(Rel::Day(2), 0, Grain::Day(0, 0), Clock::None)),
        Some("P2D".into())
    );
    assert_eq!(
        off(p(Rel::Week(-3), 0, Grain::Week(0), Clock::None)),
        Some("-P3W".into())
    );
    assert_eq!(off(p(Rel::Implied, 0, Grain::Month(5), Clock::None)), None);
    assert_eq!(off(dur(Some(1000), Unit::Year)), None);
}

#[test]
fn anchoring_resolves_every_relative_kind() {
    use Grain as G;
    use Rel as R;
    let none = Clock::None;
    // 2024-06-15 is a Saturday of ISO week 24.
    let date: Date = "2024-06-15".parse().unwrap();
    for (value, want) in [
        (p(R::Year(0), 0, G::Year, none), "2024"),
        (p(R::Year(-1), 0, G::Year, none), "2023"),
        (p(R::Year(1), 0, G::Quarter(1), none), "2025-Q1"),
        (
            p(R::Year(-1), 0, G::Season(super::Season::Spring), none),
            "2023-SP",
        ),
        (p(R::Year(-1), 0, G::Month(10), none), "2023-10"),
        (p(R::Month(-1), 0, G::Month(0), none), "2024-05"),
        (p(R::Month(7), 0, G::Month(0), none), "2025-01"),
        (p(R::Week(-1), 0, G::Week(0), none), "2024-W23"),
        (p(R::Week(0), 0, G::Weekday(1), none), "2024-06-10"),
        (p(R::Day(-1), 0, G::Day(0, 0), none), "2024-06-14"),
        (
            p(R::Day(2), 0, G::Day(0, 0), Clock::At(9, 0)),
            "2024-06-17T09:00",
        ),
        (p(R::Day(-20), 0, G::Day(0, 0), none), "2024-05-26"),
        (p(R::Implied, 0, G::Month(5), none), "2024-05"),
        (p(R::Implied, 0, G::Day(12, 31), none), "2024-12-31"),
        (p(R::Implied, 0, G::Weekday(3), none), "2024-06-12"),
        (p(R::Implied, 0, G::YearOfCentury(91), none), "1991"),
        (p(R::Implied, 0, G::YearOfCentury(23), none), "2023"),
        (p(R::Implied, 0, G::YearOfCentury(30), none), "2030"),
        (p(R::Implied, 0, G::YearOfCentury(70), none), "1970"),
        (
            p(R::Implied, 0, G::None, Clock::At(14, 30)),
            "2024-06-15T14:30",
        ),
        (p(R::Absolute, 1990, G::Decade, none), "199"),
        (dur(Some(3000), Unit::Year), "P3Y"),
        (TimexValue(Val::Ref(Ref::Past)), "PAST_REF"),
    ] {
        let anchored = value.anchored(date);
        assert_eq!(anchored.to_string(), want, "{value}");
        assert!(!anchored.is_relative(), "{want}");
        assert_eq!(anchored.offset(), None);
    }
    // Across a year end: the week of 2021-01-03 is ISO 2020's 53rd.
    let date: Date = "2021-01-10".parse().unwrap();
    assert_eq!(
        p(R::Week(-1), 0, G::Week(0), none)
            .anchored(date)
            .to_string(),
        "2020-W53"
    );
}

#[test]
fn ranges_and_modifiers() {
    let mut t = Timex::new(Val::Point(Point {
        rel: Rel::Absolute,
        year: 2023,
        grain: Grain::Year,
        clock: Clock::None,
    }));
    t.max = Some(p(Rel::Absolute, 2027, Grain::Year, Clock::None));
    assert_eq!(t.to_string(), "2023..2027");
    t.modifier = Some(Modifier::Start);
    t.bound = Some(Bound::Since);
    assert_eq!(t.modifier().map(Modifier::as_str), Some("start"));
    assert_eq!(t.bound().map(Bound::as_str), Some("since"));
    assert_eq!(Timex::unknown().to_string(), "unknown");
    assert!(!Timex::unknown().value().is_known());
}

#[test]
fn dates_parse_strictly() {
    for bad in [
        "",
        "2024-5-12",
        "2024-13-01",
        "2024-02-30",
        "0000-01-01",
        "２０２４-01-01",
        "2024-01-01T",
        "2024/01/01",
    ] {
        let err = bad.parse::<Date>().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{bad}");
        assert!(err.to_string().contains("YYYY-MM-DD"));
    }
    assert_eq!(
        "1999-12-31".parse::<Date>().unwrap().to_string(),
        "1999-12-31"
    );
}

//! Dates, times, durations and sets as TIMEX3 values in ISO 8601.
//!
//! The temporal expressions of a text are found by
//! [`crate::numbers::extract`], in the same stream as the other figures,
//! with kinds [`Date`](crate::numbers::NumberKind::Date),
//! [`Time`](crate::numbers::NumberKind::Time),
//! [`Duration`](crate::numbers::NumberKind::Duration) and
//! [`Set`](crate::numbers::NumberKind::Set) and a [`Timex`] value. This
//! module holds those values: what they print as, and how relative ones
//! (`биыл`, `кеше`, `3 жыл бұрын`, `мамырда`) resolve against a document
//! date ([`Timex::anchored`]). Without a date they stay relative and say
//! how: `XXXX` with an [`Offset`] of `-P1Y` for `былтыр`; a date is never
//! guessed.
//!
//! ```
//! use kazakh::numbers::{extract, NumberKind, Value};
//! use kazakh::time::Date;
//!
//! let found = extract("Жиын 2024 жылғы 12 мамырда өтті, былтыр 3 жылға созылды.");
//! let Value::Time(t) = found[0].value() else { panic!() };
//! assert_eq!((found[0].text(), t.to_string()), ("2024 жылғы 12 мамырда", "2024-05-12".into()));
//! let Value::Time(t) = found[1].value() else { panic!() };
//! assert_eq!(t.to_string(), "XXXX");
//! assert_eq!(t.value().offset().unwrap().to_string(), "-P1Y");
//! let date: Date = "2026-12-03".parse().unwrap();
//! assert_eq!(t.anchored(date).to_string(), "2025");
//! assert_eq!(found[2].kind(), NumberKind::Duration);
//! assert_eq!(found[2].value().to_string(), "P3Y");
//! ```

use core::fmt;
use core::str::FromStr;

use crate::error::{Error, ErrorKind};

mod calendar;
pub(crate) mod words;

/// A calendar date (proleptic Gregorian), the anchor of relative
/// expressions. Parsed from and printed as `YYYY-MM-DD`.
///
/// ```
/// use kazakh::time::Date;
/// let d: Date = "2024-02-29".parse().unwrap();
/// assert_eq!((d.year(), d.month(), d.day()), (2024, 2, 29));
/// assert!("2023-02-29".parse::<Date>().is_err());
/// assert_eq!(Date::new(2026, 12, 3).unwrap().to_string(), "2026-12-03");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, when it exists and its year is 1–9999.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let ok = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= calendar::month_days(year, month);
        ok.then_some(Date { year, month, day })
    }
    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }
    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }
    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }
    fn days(self) -> i64 {
        calendar::day_number(self.year, self.month, self.day)
    }
    fn from_days(days: i64) -> Date {
        let (year, month, day) = calendar::civil(days);
        Date { year, month, day }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = Error;

    /// `YYYY-MM-DD`, an existing date.
    fn from_str(s: &str) -> Result<Date, Error> {
        let b = s.as_bytes();
        let digits = |r: core::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            part.bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
        };
        let parsed = (b.len() == 10 && b[4] == b'-' && b[7] == b'-')
            .then(|| {
                let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
                Date::new(y as i32, m as u8, d as u8)
            })
            .flatten();
        parsed.ok_or_else(|| {
            let shown: String = s.chars().take(40).collect();
            Error::new(
                ErrorKind::InvalidInput,
                format!("invalid date {shown:?}: expected an existing date as YYYY-MM-DD"),
            )
        })
    }
}

/// A season, as TIMEX3 writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    /// Its first and last month, as the calendar's seasons run (winter
    /// from December to February).
    pub(crate) fn months(self) -> (u8, u8) {
        match self {
            Season::Spring => (3, 5),
            Season::Summer => (6, 8),
            Season::Autumn => (9, 11),
            Season::Winter => (12, 2),
        }
    }

    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }
}

/// A part of the day, as TIMEX3 writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum DayPart {
    Morning,
    Midday,
    Afternoon,
    Evening,
    Night,
    Daytime,
}

impl DayPart {
    fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Midday => "MI",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
            DayPart::Daytime => "DT",
        }
    }
}

/// How fine a point is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Grain {
    /// Only a time of day.
    None,
    /// The century whose years begin with `year / 100`.
    Century,
    /// The decade whose years begin with `year / 10`.
    Decade,
    Year,
    Half(u8),
    Quarter(u8),
    Season(Season),
    Month(u8),
    Week(u8),
    Day(u8, u8),
    Weekday(u8),
    /// A year written with two digits (`91-інші жылы`): anchored, the
    /// latest year so written up to ten years after the anchor.
    YearOfCentury(u8),
}

/// What a point's year (or day) is relative to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Rel {
    /// The year is written.
    Absolute,
    /// The year is written and counted before the common era (`б.з.б. V
    /// ғасыр`, `б.з.д. 500 жылы`): `year` holds the number as written
    /// (500 for 500 BC; 400 for the fifth century BC, as a century's
    /// first year is held for the common era), and the value takes the
    /// TIMEX3 prefix `BC`.
    BeforeEra,
    /// Nothing is written but the anchor's year (or day, for a clock time)
    /// is meant: `мамырда`, `сағат 14:30-да`.
    Implied,
    /// So many years from the anchor's (`былтыр`: -1).
    Year(i16),
    /// So many months from the anchor's.
    Month(i16),
    /// So many ISO weeks from the anchor's.
    Week(i16),
    /// So many days from the anchor (`кеше`: -1).
    Day(i16),
    /// The nearest named month or season before (-1) or after (1) the
    /// anchor's (`өткен ақпанда`, last February: in June the February of
    /// the same year, in January the year before's; `келесі күзде`). A
    /// month or season under way is neither past nor next: `өткен
    /// маусымда` in June is the June of the year before.
    Nearest(i16),
}

/// A time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Clock {
    None,
    At(u8, u8),
    Part(DayPart),
}

/// A point or a stretch of the calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Point {
    pub(crate) rel: Rel,
    pub(crate) year: i32,
    pub(crate) grain: Grain,
    pub(crate) clock: Clock,
}

/// The unit of a duration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Unit {
    Century,
    Decade,
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
}

impl Unit {
    /// The ISO designator and whether it follows `T`.
    fn designator(self) -> (&'static str, bool) {
        match self {
            Unit::Century | Unit::Decade | Unit::Year => ("Y", false),
            Unit::Month => ("M", false),
            Unit::Week => ("W", false),
            Unit::Day => ("D", false),
            Unit::Hour => ("H", true),
            Unit::Minute => ("M", true),
            Unit::Second => ("S", true),
        }
    }

    /// Years in a century or decade; 1 otherwise.
    fn factor(self) -> u64 {
        match self {
            Unit::Century => 100,
            Unit::Decade => 10,
            _ => 1,
        }
    }

    /// The next smaller unit and how many of it make one of this, for
    /// writing fractions below one (`жарты сағат` is `PT30M`).
    fn smaller(self) -> Option<(Unit, u64)> {
        match self {
            Unit::Year => Some((Unit::Month, 12)),
            Unit::Week => Some((Unit::Day, 7)),
            Unit::Day => Some((Unit::Hour, 24)),
            Unit::Hour => Some((Unit::Minute, 60)),
            Unit::Minute => Some((Unit::Second, 60)),
            _ => None,
        }
    }

    /// Whether a duration in this unit is a time of the clock (KazNERD
    /// labels `бір сағат` TIME and `екі жыл` DATE).
    pub(crate) fn is_clock(self) -> bool {
        matches!(self, Unit::Hour | Unit::Minute | Unit::Second)
    }
}

/// A length of time: thousandths of the unit (`бір жарым жыл` is 1500
/// thousandths of a year), or an unknown amount (`бірнеше жыл`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Duration {
    pub(crate) milli: Option<u64>,
    pub(crate) unit: Unit,
}

/// A reference to the present, the past or the future without a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Ref {
    Present,
    Past,
    Future,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Val {
    Point(Point),
    Duration(Duration),
    Ref(Ref),
    Unknown,
}

/// One value of a temporal expression: a point (`2024-05-12`, `XXXX-05`,
/// `T14:30`), a duration (`P3Y`), or a reference (`PRESENT_REF`). It
/// prints in ISO 8601 as TIMEX3 extends it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TimexValue(pub(crate) Val);

impl TimexValue {
    /// Whether the value was read (a span the tagger found may have none).
    pub fn is_known(self) -> bool {
        self.0 != Val::Unknown
    }

    /// Whether the value is a duration of hours, minutes or seconds.
    pub fn is_clock_duration(self) -> bool {
        matches!(self.0, Val::Duration(d) if d.unit.is_clock())
    }

    /// Whether the value is relative to the document date and no date
    /// resolved it: it has `X` in place of the digits it needs.
    pub fn is_relative(self) -> bool {
        matches!(self.0, Val::Point(p) if !matches!(p.rel, Rel::Absolute | Rel::BeforeEra))
    }

    /// How far from the document date a relative value lies, at its grain
    /// (`былтыр`: `-P1Y`; `биыл`: `P0Y`), when the text says so.
    pub fn offset(self) -> Option<Offset> {
        let Val::Point(p) = self.0 else { return None };
        let (n, unit) = match p.rel {
            Rel::Year(n) => (n, Unit::Year),
            Rel::Month(n) => (n, Unit::Month),
            Rel::Week(n) => (n, Unit::Week),
            Rel::Day(n) => (n, Unit::Day),
            Rel::Absolute | Rel::BeforeEra | Rel::Implied | Rel::Nearest(_) => return None,
        };
        Some(Offset { n, unit })
    }

    /// For a named month or season placed as the last or next one
    /// (`өткен ақпанда`, `келесі күзде`) that no date resolved: the
    /// nearest such one before or after the document date. Its year
    /// depends on the date's month, so it is no [`Offset`].
    pub fn nearest(self) -> Option<Nearest> {
        match self.0 {
            Val::Point(Point {
                rel: Rel::Nearest(n),
                ..
            }) => Some(if n < 0 {
                Nearest::Before
            } else {
                Nearest::After
            }),
            _ => None,
        }
    }

    fn anchored(self, date: Date) -> TimexValue {
        let Val::Point(p) = self.0 else { return self };
        TimexValue(Val::Point(p.anchored(date)))
    }
}

impl Point {
    fn anchored(self, date: Date) -> Point {
        let mut p = self;
        match self.rel {
            Rel::Absolute | Rel::BeforeEra => return self,
            Rel::Implied => {
                p.year = date.year;
                match self.grain {
                    Grain::None => p.grain = Grain::Day(date.month, date.day),
                    // A day of a month the text does not name (`25-і
                    // күні`): the document's month, if it has that day;
                    // else the month stays unknown.
                    Grain::Day(0, d) if d <= calendar::month_days(date.year, date.month) => {
                        p.grain = Grain::Day(date.month, d)
                    }
                    Grain::Weekday(wd) => p = p.at_days(week_day(date.days(), wd)),
                    Grain::YearOfCentury(yy) => {
                        // The latest year of that ending up to ten years
                        // after the anchor: news looks back, and ahead to
                        // plans (`30-шы жылға дейін`).
                        let base = date.year - date.year.rem_euclid(100) + i32::from(yy);
                        p.year = if base > date.year + 10 {
                            base - 100
                        } else {
                            base
                        };
                        p.grain = Grain::Year;
                    }
                    _ => {}
                }
            }
            Rel::Year(n) => p.year = date.year.saturating_add(i32::from(n)),
            Rel::Month(n) => {
                let (y, m) = calendar::add_months(date.year, date.month, i64::from(n));
                p.year = y;
                p.grain = match self.grain {
                    // A day of the month so placed (`осы айдың 15-інде`).
                    Grain::Day(_, d) if d > 0 => Grain::Day(m, d),
                    _ => Grain::Month(m),
                };
            }
            Rel::Week(n) => {
                let days = date.days() + 7 * i64::from(n);
                match self.grain {
                    Grain::Weekday(wd) => p = p.at_days(week_day(days, wd)),
                    _ => {
                        let (y, w) = calendar::iso_week(days);
                        p.year = y;
                        p.grain = Grain::Week(w);
                    }
                }
            }
            Rel::Day(n) => p = p.at_days(date.days() + i64::from(n)),
            Rel::Nearest(n) => {
                // The months the named one covers; a month or season
                // under way is neither past nor next.
                let (first, last) = match self.grain {
                    Grain::Month(m) => (m, m),
                    Grain::Season(s) => s.months(),
                    _ => (date.month, date.month),
                };
                p.year = if n < 0 {
                    date.year - i32::from(last >= date.month)
                } else {
                    date.year + i32::from(first <= date.month)
                };
            }
        }
        p.rel = Rel::Absolute;
        p
    }

    fn at_days(self, days: i64) -> Point {
        let d = Date::from_days(days);
        Point {
            year: d.year,
            grain: Grain::Day(d.month, d.day),
            ..self
        }
    }
}

/// The day number of weekday `wd` (1 = Monday) in the ISO week of `days`.
fn week_day(days: i64, wd: u8) -> i64 {
    days - i64::from(calendar::weekday(days)) + i64::from(wd)
}

impl fmt::Display for TimexValue {
    /// ISO 8601 / TIMEX3: `2024-05-12`, `2024-Q1`, `XXXX-SU`, `20` (the
    /// 21st century), `199` (the 1990s), `T14:30`, `TMO`, `P3Y`, `PT30M`,
    /// `PXY`, `PRESENT_REF`; `unknown` for a value not read.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Val::Point(p) => p.fmt(f),
            Val::Duration(d) => d.fmt(f),
            Val::Ref(Ref::Present) => f.write_str("PRESENT_REF"),
            Val::Ref(Ref::Past) => f.write_str("PAST_REF"),
            Val::Ref(Ref::Future) => f.write_str("FUTURE_REF"),
            Val::Unknown => f.write_str("unknown"),
        }
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let year_known = matches!(self.rel, Rel::Absolute | Rel::BeforeEra);
        if self.rel == Rel::BeforeEra {
            f.write_str("BC")?;
        }
        let year = |f: &mut fmt::Formatter<'_>| {
            if year_known {
                write!(f, "{:04}", self.year)
            } else {
                f.write_str("XXXX")
            }
        };
        match (self.rel, self.grain) {
            (Rel::Month(_), Grain::Day(_, d)) if d > 0 => write!(f, "XXXX-XX-{d:02}")?,
            (Rel::Month(_), _) => f.write_str("XXXX-XX")?,
            (Rel::Week(_), Grain::Weekday(wd)) => write!(f, "XXXX-WXX-{wd}")?,
            (Rel::Week(_), _) => f.write_str("XXXX-WXX")?,
            (Rel::Day(_), _) => f.write_str("XXXX-XX-XX")?,
            (Rel::Implied, Grain::None) => {}
            (_, Grain::None) => year(f)?,
            (_, Grain::Century) if year_known => write!(f, "{:02}", self.year.div_euclid(100))?,
            (_, Grain::Decade) if year_known => write!(f, "{:03}", self.year.div_euclid(10))?,
            (_, Grain::Century) => f.write_str("XX")?,
            (_, Grain::Decade) => f.write_str("XXX")?,
            (_, Grain::Year) => year(f)?,
            (_, Grain::Half(h)) => {
                year(f)?;
                write!(f, "-H{h}")?
            }
            (_, Grain::Quarter(q)) => {
                year(f)?;
                write!(f, "-Q{q}")?
            }
            (_, Grain::Season(s)) => {
                year(f)?;
                write!(f, "-{}", s.code())?
            }
            (_, Grain::Month(m)) => {
                year(f)?;
                write!(f, "-{m:02}")?
            }
            (_, Grain::Week(w)) => {
                year(f)?;
                write!(f, "-W{w:02}")?
            }
            (_, Grain::Day(0, d)) if d > 0 => {
                year(f)?;
                write!(f, "-XX-{d:02}")?
            }
            (_, Grain::Day(m, d)) => {
                year(f)?;
                write!(f, "-{m:02}-{d:02}")?
            }
            (_, Grain::Weekday(wd)) => {
                year(f)?;
                write!(f, "-WXX-{wd}")?
            }
            (_, Grain::YearOfCentury(yy)) => write!(f, "XX{yy:02}")?,
        }
        match self.clock {
            Clock::None => Ok(()),
            Clock::At(h, m) => write!(f, "T{h:02}:{m:02}"),
            Clock::Part(p) => write!(f, "T{}", p.code()),
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (mut unit, mut milli) = (self.unit, self.milli);
        if let Some(m) = milli {
            let m = m.saturating_mul(unit.factor());
            milli = Some(m);
            if let (true, Some((smaller, k))) = (m < 1000, unit.smaller()) {
                if (m * k) % 1000 == 0 {
                    milli = Some(m * k);
                    unit = smaller;
                }
            }
        }
        let (designator, clock) = unit.designator();
        f.write_str(if clock { "PT" } else { "P" })?;
        match milli {
            None => f.write_str("X")?,
            Some(m) if m % 1000 == 0 => write!(f, "{}", m / 1000)?,
            Some(m) => {
                let frac = format!("{:03}", m % 1000);
                write!(f, "{}.{}", m / 1000, frac.trim_end_matches('0'))?
            }
        }
        f.write_str(designator)
    }
}

/// The distance of a relative value from the document date, at its grain:
/// prints as a signed ISO duration (`-P1Y`, `P0Y`, `P1D`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Offset {
    n: i16,
    unit: Unit,
}

impl Offset {
    /// How many units, negative into the past.
    pub fn amount(self) -> i32 {
        i32::from(self.n)
    }
}

impl fmt::Display for Offset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.n < 0 { "-" } else { "" };
        let (designator, _) = self.unit.designator();
        write!(f, "{sign}P{}{designator}", self.n.unsigned_abs())
    }
}

/// Which part of a value, or how exact: TIMEX3's `mod`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Modifier {
    /// The beginning: `жыл басында`.
    Start,
    /// The middle: `жылдың ортасында`.
    Mid,
    /// The end: `жыл соңында`, `жылдың аяғында`.
    End,
    /// About: `шамамен екі жыл`, `сағат төрттің шамасында`.
    Approx,
    /// Longer than: `екі жылдан астам`.
    MoreThan,
    /// Shorter than: `бір сағаттан кем`.
    LessThan,
    /// At least: `кемінде бес жыл`.
    AtLeast,
    /// At most: `екі минутқа дейін`.
    AtMost,
}

impl Modifier {
    /// Name as in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Modifier::Start => "start",
            Modifier::Mid => "mid",
            Modifier::End => "end",
            Modifier::Approx => "approx",
            Modifier::MoreThan => "more_than",
            Modifier::LessThan => "less_than",
            Modifier::AtLeast => "at_least",
            Modifier::AtMost => "at_most",
        }
    }
}

/// An open side: the expression names where a stretch of time starts or
/// ends, or what comes before or after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Bound {
    /// From the value on: `жыл басынан бері`, `2020 жылдан бастап`.
    Since,
    /// Up to the value: `жыл соңына дейін`, `бүгінге дейін`.
    Until,
    /// Before it: `2020 жылға дейін` is `Until`; `соғысқа дейін` not a date.
    Before,
    /// After it: `2020 жылдан кейін`.
    After,
}

impl Bound {
    /// Name as in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Bound::Since => "since",
            Bound::Until => "until",
            Bound::Before => "before",
            Bound::After => "after",
        }
    }
}

/// Which of the named months or seasons is meant when the text places it
/// as the last or the next one (`өткен ақпанда`, `келесі күзде`): the
/// nearest before or after the document date ([`TimexValue::nearest`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Nearest {
    /// The last one before the document date's month (`өткен`).
    Before,
    /// The first one after it (`келесі`, `алдағы`).
    After,
}

impl Nearest {
    /// Name as in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Nearest::Before => "before",
            Nearest::After => "after",
        }
    }
}

impl fmt::Display for Nearest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The value of a temporal expression: one [`TimexValue`] or a range of
/// two (`2023-2027 жылдары`, `1-10 желтоқсан`), with its modifier and
/// bound.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Timex {
    pub(crate) value: TimexValue,
    pub(crate) max: Option<TimexValue>,
    pub(crate) modifier: Option<Modifier>,
    pub(crate) bound: Option<Bound>,
}

impl Timex {
    pub(crate) fn new(value: Val) -> Timex {
        Timex {
            value: TimexValue(value),
            max: None,
            modifier: None,
            bound: None,
        }
    }

    /// A value that was not read: a span the tagger labelled as a date
    /// or time whose words the rules do not know.
    pub(crate) fn unknown() -> Timex {
        Timex::new(Val::Unknown)
    }

    /// The part of the day a word alone names (`түс`, noon; `таң`, dawn),
    /// when something else has decided that the word is a time: bare,
    /// these words are also `dream`, `colour` and `dawn breaks`, so the
    /// rules do not read them alone.
    pub(crate) fn day_part_word(word: &str) -> Option<Timex> {
        let part = words::day_part(word)?;
        Some(Timex::new(Val::Point(Point {
            rel: Rel::Implied,
            year: 0,
            grain: Grain::None,
            clock: Clock::Part(part),
        })))
    }

    /// The season an adjective of a season names (`күздік`, `жаздық`),
    /// when something else has decided that the word is a date.
    pub(crate) fn season_adjective(word: &str) -> Option<Timex> {
        let season = words::season_adjective(word)?;
        Some(Timex::new(Val::Point(Point {
            rel: Rel::Implied,
            year: 0,
            grain: Grain::Season(season),
            clock: Clock::None,
        })))
    }

    /// The year `year` of the common era, written out (`2017`).
    pub(crate) fn year(year: i32) -> Timex {
        Timex::new(Val::Point(Point {
            rel: Rel::Absolute,
            year,
            grain: Grain::Year,
            clock: Clock::None,
        }))
    }

    /// The value, or a range's first end.
    pub fn value(&self) -> TimexValue {
        self.value
    }
    /// A range's last end.
    pub fn max(&self) -> Option<TimexValue> {
        self.max
    }
    /// Which part, or how exact.
    pub fn modifier(&self) -> Option<Modifier> {
        self.modifier
    }
    /// The open side, when the expression names one.
    pub fn bound(&self) -> Option<Bound> {
        self.bound
    }

    /// The value with relative points resolved against a document date:
    /// `биыл` → the date's year, `кеше` → the day before, `мамырда` → May
    /// of the date's year, `сағат 14:30-да` → `2024-06-15T14:30`.
    /// Durations, sets and references are unchanged.
    ///
    /// ```
    /// use kazakh::numbers::{extract, Value};
    /// let date = "2024-06-15".parse().unwrap();
    /// let found = extract("Кеше сағат 14:30-да, өткен аптада");
    /// let values: Vec<String> = found
    ///     .iter()
    ///     .map(|m| match m.value() {
    ///         Value::Time(t) => t.anchored(date).to_string(),
    ///         v => v.to_string(),
    ///     })
    ///     .collect();
    /// assert_eq!(values, ["2024-06-14", "2024-06-15T14:30", "2024-W23"]);
    /// ```
    pub fn anchored(&self, date: Date) -> Timex {
        Timex {
            value: self.value.anchored(date),
            max: self.max.map(|m| m.anchored(date)),
            ..*self
        }
    }
}

impl fmt::Display for Timex {
    /// The value, or `min..max` for a range.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.max {
            Some(max) => write!(f, "{}..{}", self.value, max),
            None => write!(f, "{}", self.value),
        }
    }
}

#[cfg(test)]
mod tests;

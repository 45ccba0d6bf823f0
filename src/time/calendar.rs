//! Proleptic Gregorian calendar arithmetic on day numbers: days since
//! 1970-01-01, weekdays, ISO weeks, and months added with the day clamped
//! to the month's length. Pure integer arithmetic, no tables.

/// Whether `year` is a leap year.
pub(crate) fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` (1–12) of `year`.
pub(crate) fn month_days(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The day number (days since 1970-01-01) of a valid date. Counts in eras
/// of 400 years, which repeat exactly, from a year that starts in March so
/// that the leap day is the last of its year.
pub(crate) fn day_number(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let m = i64::from(month);
    let day_of_year = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day number: the inverse of [`day_number`].
pub(crate) fn civil(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (
        year.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
        month,
        day,
    )
}

/// ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a
/// Thursday).
pub(crate) fn weekday(days: i64) -> u8 {
    ((days + 3).rem_euclid(7) + 1) as u8
}

/// The ISO week (year, week 1–53) of a day number: the week's Thursday
/// decides its year.
pub(crate) fn iso_week(days: i64) -> (i32, u8) {
    let thursday = days - i64::from(weekday(days)) + 4;
    let (year, _, _) = civil(thursday);
    let first = day_number(year, 1, 1);
    let week = (thursday - first) / 7 + 1;
    (year, week as u8)
}

/// `(year, month)` moved by `delta` months.
pub(crate) fn add_months(year: i32, month: u8, delta: i64) -> (i32, u8) {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + delta;
    let year = index.div_euclid(12);
    let month = index.rem_euclid(12) as u8 + 1;
    (
        year.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
        month,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip_and_known_days() {
        for (y, m, d, n, wd) in [
            (1970, 1, 1, 0, 4),
            (2000, 2, 29, 11_016, 2),
            (2024, 5, 12, 19_855, 7),
            (1969, 12, 31, -1, 3),
            (1600, 3, 1, -135_080, 3),
        ] {
            assert_eq!(day_number(y, m, d), n, "{y}-{m}-{d}");
            assert_eq!(civil(n), (y, m, d));
            assert_eq!(weekday(n), wd, "{y}-{m}-{d}");
        }
        for n in -800_000..800_000 {
            let (y, m, d) = civil(n);
            assert!(d >= 1 && d <= month_days(y, m));
            assert_eq!(day_number(y, m, d), n);
        }
    }

    #[test]
    fn iso_weeks_at_year_ends() {
        for ((y, m, d), week) in [
            ((2024, 6, 4), (2024, 23)),
            ((2021, 1, 3), (2020, 53)),
            ((2024, 12, 30), (2025, 1)),
            ((2026, 12, 3), (2026, 49)),
        ] {
            assert_eq!(iso_week(day_number(y, m, d)), week, "{y}-{m}-{d}");
        }
    }

    #[test]
    fn months_wrap_over_years() {
        assert_eq!(add_months(2024, 1, -1), (2023, 12));
        assert_eq!(add_months(2024, 12, 1), (2025, 1));
        assert_eq!(add_months(2024, 5, -17), (2022, 12));
        assert_eq!(month_days(2024, 2), 29);
        assert_eq!(month_days(1900, 2), 28);
    }
}

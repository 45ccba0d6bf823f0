//! Exact decimal values.

use core::fmt;

/// An exact decimal number: `mantissa × 10^-scale`.
///
/// Values read from text are kept exact (`0,1` stays 0.1, `1 трлн 125,6
/// млрд` is exactly 1 125 600 000 000). Arithmetic is checked: a result
/// that does not fit (about 38 significant digits) is `None`, which the
/// extractor reports as [`Value::Overflow`](super::Value::Overflow).
///
/// ```
/// use kazakh::numbers::Decimal;
/// let d = Decimal::parse("125,6").unwrap();
/// assert_eq!(d.to_string(), "125.6");
/// assert_eq!(d.checked_mul(Decimal::pow10(9).unwrap()).unwrap().to_string(), "125600000000");
/// assert!(Decimal::parse(&"9".repeat(400)).is_none());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

/// Largest scale kept; more fractional digits than this do not occur in text.
const MAX_SCALE: u32 = 30;

impl Decimal {
    /// Zero.
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };
    /// One half.
    pub const HALF: Decimal = Decimal {
        mantissa: 5,
        scale: 1,
    };

    /// `mantissa × 10^-scale`, or `None` when the scale is absurd.
    pub fn new(mantissa: i128, scale: u32) -> Option<Decimal> {
        (scale <= MAX_SCALE).then(|| Decimal { mantissa, scale }.normalized())
    }

    /// An integer.
    pub const fn from_int(n: i64) -> Decimal {
        Decimal {
            mantissa: n as i128,
            scale: 0,
        }
    }

    /// `10^exp`, or `None` beyond the range.
    pub fn pow10(exp: u32) -> Option<Decimal> {
        Some(Decimal {
            mantissa: 10i128.checked_pow(exp)?,
            scale: 0,
        })
    }

    /// Parses ASCII digits with at most one decimal separator (`,` or `.`);
    /// spaces, no-break and thin spaces between digit groups are skipped.
    /// `None` when the text is not such a number or does not fit.
    pub fn parse(s: &str) -> Option<Decimal> {
        let mut mantissa: i128 = 0;
        let mut scale: u32 = 0;
        let mut seen_sep = false;
        let mut digits = 0usize;
        for c in s.chars() {
            match c {
                '0'..='9' => {
                    mantissa = mantissa
                        .checked_mul(10)?
                        .checked_add(i128::from(c as u8 - b'0'))?;
                    digits += 1;
                    if seen_sep {
                        scale += 1;
                        if scale > MAX_SCALE {
                            return None;
                        }
                    }
                }
                ',' | '.' if !seen_sep && digits > 0 => seen_sep = true,
                ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' if !seen_sep && digits > 0 => {}
                _ => return None,
            }
        }
        if digits == 0 || (seen_sep && scale == 0) {
            return None;
        }
        Some(Decimal { mantissa, scale }.normalized())
    }

    fn normalized(mut self) -> Decimal {
        while self.scale > 0 && self.mantissa % 10 == 0 {
            self.mantissa /= 10;
            self.scale -= 1;
        }
        if self.mantissa == 0 {
            self.scale = 0;
        }
        self
    }

    /// Brings both to the same scale.
    fn aligned(self, other: Decimal) -> Option<(i128, i128, u32)> {
        let scale = self.scale.max(other.scale);
        let a = self
            .mantissa
            .checked_mul(10i128.checked_pow(scale - self.scale)?)?;
        let b = other
            .mantissa
            .checked_mul(10i128.checked_pow(scale - other.scale)?)?;
        Some((a, b, scale))
    }

    /// `self + other`, `None` on overflow.
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let (a, b, scale) = self.aligned(other)?;
        Some(
            Decimal {
                mantissa: a.checked_add(b)?,
                scale,
            }
            .normalized(),
        )
    }

    /// `self × other`, `None` on overflow.
    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale + other.scale;
        if scale > MAX_SCALE {
            return None;
        }
        Some(
            Decimal {
                mantissa: self.mantissa.checked_mul(other.mantissa)?,
                scale,
            }
            .normalized(),
        )
    }

    /// `self / 10^exp`, `None` when the scale would be absurd.
    pub fn checked_div_pow10(self, exp: u32) -> Option<Decimal> {
        Decimal::new(self.mantissa, self.scale.checked_add(exp)?)
    }

    /// Whether the value is a whole number.
    pub fn is_integer(self) -> bool {
        self.scale == 0
    }

    /// The integer value, when the number is whole and fits in `i128`.
    pub fn to_i128(self) -> Option<i128> {
        self.is_integer().then_some(self.mantissa)
    }

    /// The nearest `f64` (for computing; the decimal itself is exact).
    pub fn to_f64(self) -> f64 {
        // Through the decimal string, so the rounding is the correct one.
        self.to_string().parse().unwrap_or(f64::NAN)
    }

    /// Mantissa and scale: the value is `mantissa × 10^-scale`.
    pub fn parts(self) -> (i128, u32) {
        (self.mantissa, self.scale)
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> core::cmp::Ordering {
        match self.aligned(*other) {
            Some((a, b, _)) => a.cmp(&b),
            // Only when aligning overflows: the magnitudes differ hugely.
            None => self.to_f64().total_cmp(&other.to_f64()),
        }
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let neg = self.mantissa < 0;
        let digits = self.mantissa.unsigned_abs().to_string();
        let scale = self.scale as usize;
        if neg {
            f.write_str("-")?;
        }
        if scale == 0 {
            return f.write_str(&digits);
        }
        if digits.len() > scale {
            let (int, frac) = digits.split_at(digits.len() - scale);
            write!(f, "{int}.{frac}")
        } else {
            write!(f, "0.{}{digits}", "0".repeat(scale - digits.len()))
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Decimal {
    /// Serialized as a string of the exact decimal (`"0.1"`), so that no
    /// binary float ever rounds it.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_display() {
        let cases = [
            ("0", "0"),
            ("0,1", "0.1"),
            ("3.2", "3.2"),
            ("125,60", "125.6"),
            ("1 250 000", "1250000"),
            ("1\u{a0}250", "1250"),
            ("007", "7"),
            ("0,05", "0.05"),
        ];
        for (s, want) in cases {
            assert_eq!(
                Decimal::parse(s).map(|d| d.to_string()),
                Some(want.to_string()),
                "{s}"
            );
        }
        for bad in ["", ",", "1,", ",5", "1,2,3", "1a", "-"] {
            assert_eq!(Decimal::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn arithmetic_is_exact() {
        let trln = Decimal::pow10(12).unwrap();
        let mlrd = Decimal::pow10(9).unwrap();
        let v = Decimal::from_int(1)
            .checked_mul(trln)
            .and_then(|a| a.checked_add(Decimal::parse("125,6")?.checked_mul(mlrd)?))
            .unwrap();
        assert_eq!(v.to_string(), "1125600000000");
        assert_eq!(v.to_i128(), Some(1_125_600_000_000));
        let sum = Decimal::parse("0,1")
            .unwrap()
            .checked_add(Decimal::parse("0,2").unwrap());
        assert_eq!(sum.unwrap().to_string(), "0.3");
        assert_eq!(
            Decimal::from_int(20)
                .checked_add(Decimal::from_int(7).checked_div_pow10(1).unwrap())
                .unwrap()
                .to_string(),
            "20.7"
        );
        assert_eq!(Decimal::parse("3,9").unwrap().to_f64(), 3.9);
    }

    #[test]
    fn overflow_is_none() {
        assert!(Decimal::parse(&"9".repeat(40)).is_none());
        assert!(Decimal::pow10(40).is_none());
        let big = Decimal::pow10(30).unwrap();
        assert!(big.checked_mul(big).is_none());
        assert!(Decimal::from_int(1).checked_div_pow10(u32::MAX).is_none());
    }
}

//! A serde serializer whose output is Python objects: maps become `dict`,
//! sequences and tuples `list`, strings `str`, integers `int` (of any
//! size), floats `float`, `None` for unit and none.
//!
//! The library's schema views ([`kazakh::schema`]) drive it, so a document
//! becomes the same dicts that `json.loads` makes of the line `kazakh
//! annotate` writes, without the JSON text in between. Dict keys are
//! created once per conversion and shared (every token has the same five).

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString};
use serde::ser::{self, Serialize};

/// Why a value could not be converted (a Python error, or a serde shape
/// the schema never produces).
#[derive(Debug)]
pub struct ConvError(pub PyErr);

impl std::fmt::Display for ConvError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for ConvError {}

impl ser::Error for ConvError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        ConvError(pyo3::exceptions::PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for ConvError {
    fn from(e: PyErr) -> Self {
        ConvError(e)
    }
}

/// The strings shared within one conversion: dict keys, by the address
/// and length of their text (the schema's keys are string literals; at
/// most [`KEYS`] kept); short ASCII values (kinds, labels, units,
/// punctuation, digits) in a direct-mapped table of [`SHORT`] slots; and
/// the last longer value, which a token's lemma often repeats.
pub struct Keys<'py> {
    seen: Vec<(usize, usize, Bound<'py, PyString>)>,
    short: Vec<Option<Short<'py>>>,
    last: Vec<u8>,
    last_str: Option<Bound<'py, PyString>>,
}

/// A short ASCII value: its bytes, its length, its Python string.
type Short<'py> = ([u8; SHORT_LEN], u8, Bound<'py, PyString>);

const KEYS: usize = 64;
const SHORT: usize = 256;
const SHORT_LEN: usize = 16;

impl Default for Keys<'_> {
    fn default() -> Self {
        Keys {
            seen: Vec::new(),
            short: (0..SHORT).map(|_| None).collect(),
            last: Vec::new(),
            last_str: None,
        }
    }
}

impl<'py> Keys<'py> {
    fn get(&mut self, py: Python<'py>, key: &str) -> Bound<'py, PyString> {
        let id = (key.as_ptr() as usize, key.len());
        if let Some((_, _, s)) = self.seen.iter().find(|(p, l, _)| (*p, *l) == id) {
            return s.clone();
        }
        let s = PyString::new(py, key);
        if self.seen.len() < KEYS {
            self.seen.push((id.0, id.1, s.clone()));
        }
        s
    }

    /// A string value, shared with an equal one made before where cheap
    /// to find.
    fn value(&mut self, py: Python<'py>, v: &str) -> Bound<'py, PyString> {
        let b = v.as_bytes();
        if b.len() <= SHORT_LEN && b.is_ascii() {
            let h = b.iter().fold(b.len() as u32, |h, &x| {
                h.wrapping_mul(31).wrapping_add(u32::from(x))
            });
            let slot = h as usize % SHORT;
            if let Some((k, l, s)) = &self.short[slot] {
                if &k[..usize::from(*l)] == b {
                    return s.clone();
                }
            }
            let s = PyString::new(py, v);
            let mut k = [0; SHORT_LEN];
            k[..b.len()].copy_from_slice(b);
            self.short[slot] = Some((k, b.len() as u8, s.clone()));
            return s;
        }
        if let Some(s) = &self.last_str {
            if self.last == b {
                return s.clone();
            }
        }
        let s = PyString::new(py, v);
        self.last.clear();
        self.last.extend_from_slice(b);
        self.last_str = Some(s.clone());
        s
    }
}

/// Converts `value` into Python objects, sharing `keys` across calls.
pub fn to_py<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    keys: &mut Keys<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    value.serialize(ToPy { py, keys }).map_err(|e| e.0)
}

struct ToPy<'k, 'py> {
    py: Python<'py>,
    keys: &'k mut Keys<'py>,
}

type Out<'py> = Result<Bound<'py, PyAny>, ConvError>;

fn int<'py, T>(py: Python<'py>, v: T) -> Out<'py>
where
    T: IntoPyObject<'py, Target = pyo3::types::PyInt, Output = Bound<'py, pyo3::types::PyInt>>,
    T::Error: Into<PyErr>,
{
    v.into_pyobject(py)
        .map(|o| o.into_any())
        .map_err(|e| ConvError(e.into()))
}

impl<'k, 'py> ser::Serializer for ToPy<'k, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvError;
    type SerializeSeq = Seq<'k, 'py>;
    type SerializeTuple = Seq<'k, 'py>;
    type SerializeTupleStruct = Seq<'k, 'py>;
    type SerializeTupleVariant = ser::Impossible<Self::Ok, ConvError>;
    type SerializeMap = Map<'k, 'py>;
    type SerializeStruct = Map<'k, 'py>;
    type SerializeStructVariant = ser::Impossible<Self::Ok, ConvError>;

    fn serialize_bool(self, v: bool) -> Out<'py> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Out<'py> {
        int(self.py, v)
    }
    fn serialize_i16(self, v: i16) -> Out<'py> {
        int(self.py, v)
    }
    fn serialize_i32(self, v: i32) -> Out<'py> {
        int(self.py, v)
    }
    fn serialize_i64(self, v: i64) -> Out<'py> {
        int(self.py, v)
    }
    fn serialize_i128(self, v: i128) -> Out<'py> {
        int(self.py, v)
    }
    fn serialize_u8(self, v: u8) -> Out<'py> {
        int(self.py, v)
    }
    fn serialize_u16(self, v: u16) -> Out<'py> {
        int(self.py, v)
    }
    fn serialize_u32(self, v: u32) -> Out<'py> {
        int(self.py, v)
    }
    fn serialize_u64(self, v: u64) -> Out<'py> {
        int(self.py, v)
    }
    fn serialize_u128(self, v: u128) -> Out<'py> {
        int(self.py, v)
    }
    fn serialize_f32(self, v: f32) -> Out<'py> {
        // As serde_json writes an f32: its shortest decimal, read back as
        // a double.
        let f: f64 = v.to_string().parse().unwrap_or(f64::from(v));
        Ok(PyFloat::new(self.py, f).into_any())
    }
    fn serialize_f64(self, v: f64) -> Out<'py> {
        Ok(PyFloat::new(self.py, v).into_any())
    }
    fn serialize_char(self, v: char) -> Out<'py> {
        let mut b = [0; 4];
        Ok(PyString::new(self.py, v.encode_utf8(&mut b)).into_any())
    }
    fn serialize_str(self, v: &str) -> Out<'py> {
        Ok(self.keys.value(self.py, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Out<'py> {
        let items: Vec<u8> = v.to_vec();
        Ok(PyList::new(self.py, items)?.into_any())
    }
    fn serialize_none(self) -> Out<'py> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Out<'py> {
        self.serialize_none()
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Out<'py> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Out<'py> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Out<'py> {
        let d = PyDict::new(self.py);
        let key = self.keys.get(self.py, variant);
        let v = value.serialize(ToPy {
            py: self.py,
            keys: self.keys,
        })?;
        d.set_item(key, v)?;
        Ok(d.into_any())
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'k, 'py>, ConvError> {
        Ok(Seq {
            py: self.py,
            keys: self.keys,
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'k, 'py>, ConvError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        len: usize,
    ) -> Result<Seq<'k, 'py>, ConvError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, ConvError> {
        Err(ser::Error::custom("tuple variants are not converted"))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'k, 'py>, ConvError> {
        Ok(Map {
            py: self.py,
            dict: PyDict::new(self.py),
            keys: self.keys,
            key: None,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Map<'k, 'py>, ConvError> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, ConvError> {
        Err(ser::Error::custom("struct variants are not converted"))
    }
}

/// A list being filled.
pub struct Seq<'k, 'py> {
    py: Python<'py>,
    keys: &'k mut Keys<'py>,
    items: Vec<Bound<'py, PyAny>>,
}

impl<'py> Seq<'_, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ConvError> {
        let v = value.serialize(ToPy {
            py: self.py,
            keys: self.keys,
        })?;
        self.items.push(v);
        Ok(())
    }
    fn finish(self) -> Out<'py> {
        Ok(PyList::new(self.py, self.items)?.into_any())
    }
}

impl<'py> ser::SerializeSeq for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ConvError> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTuple for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ConvError> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ConvError> {
        self.push(value)
    }
    fn end(self) -> Out<'py> {
        self.finish()
    }
}

/// A dict being filled.
pub struct Map<'k, 'py> {
    py: Python<'py>,
    dict: Bound<'py, PyDict>,
    keys: &'k mut Keys<'py>,
    key: Option<Bound<'py, PyAny>>,
}

/// A map key's text when the key is a string (the schema's keys always
/// are), so that it goes through the shared [`Keys`].
struct KeyText<'k, 'py> {
    py: Python<'py>,
    keys: &'k mut Keys<'py>,
}

/// Not a string key.
#[derive(Debug)]
struct NotText;

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a string")
    }
}

impl std::error::Error for NotText {}

impl ser::Error for NotText {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        NotText
    }
}

macro_rules! not_text {
    ($($name:ident($t:ty)),*) => {
        $(fn $name(self, _: $t) -> Result<Self::Ok, NotText> { Err(NotText) })*
    };
}

impl<'py> ser::Serializer for KeyText<'_, 'py> {
    type Ok = Bound<'py, PyString>;
    type Error = NotText;
    type SerializeSeq = ser::Impossible<Self::Ok, NotText>;
    type SerializeTuple = ser::Impossible<Self::Ok, NotText>;
    type SerializeTupleStruct = ser::Impossible<Self::Ok, NotText>;
    type SerializeTupleVariant = ser::Impossible<Self::Ok, NotText>;
    type SerializeMap = ser::Impossible<Self::Ok, NotText>;
    type SerializeStruct = ser::Impossible<Self::Ok, NotText>;
    type SerializeStructVariant = ser::Impossible<Self::Ok, NotText>;

    fn serialize_str(self, v: &str) -> Result<Self::Ok, NotText> {
        Ok(self.keys.get(self.py, v))
    }
    not_text!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str)
    );
    fn serialize_none(self) -> Result<Self::Ok, NotText> {
        Err(NotText)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<Self::Ok, NotText> {
        Err(NotText)
    }
    fn serialize_unit(self) -> Result<Self::Ok, NotText> {
        Err(NotText)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<Self::Ok, NotText> {
        Err(NotText)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: &T,
    ) -> Result<Self::Ok, NotText> {
        Err(NotText)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Self::Ok, NotText> {
        Err(NotText)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotText> {
        Err(NotText)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotText> {
        Err(NotText)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotText> {
        Err(NotText)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotText> {
        Err(NotText)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotText> {
        Err(NotText)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, NotText> {
        Err(NotText)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotText> {
        Err(NotText)
    }
}

impl<'py> Map<'_, 'py> {
    fn key_of<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<Bound<'py, PyAny>, ConvError> {
        // A key that is a string goes through the shared keys; others
        // (never in the schema) through the general conversion.
        let text = key.serialize(KeyText {
            py: self.py,
            keys: self.keys,
        });
        match text {
            Ok(s) => Ok(s.into_any()),
            Err(NotText) => key.serialize(ToPy {
                py: self.py,
                keys: self.keys,
            }),
        }
    }
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), ConvError> {
        self.key = Some(self.key_of(key)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ConvError> {
        let key = self
            .key
            .take()
            .ok_or_else(|| <ConvError as ser::Error>::custom("a map value without a key"))?;
        let v = value.serialize(ToPy {
            py: self.py,
            keys: self.keys,
        })?;
        self.dict.set_item(key, v)?;
        Ok(())
    }
    fn end(self) -> Out<'py> {
        Ok(self.dict.into_any())
    }
}

impl<'py> ser::SerializeStruct for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), ConvError> {
        let k = self.keys.get(self.py, key);
        let v = value.serialize(ToPy {
            py: self.py,
            keys: self.keys,
        })?;
        self.dict.set_item(k, v)?;
        Ok(())
    }
    fn end(self) -> Out<'py> {
        Ok(self.dict.into_any())
    }
}

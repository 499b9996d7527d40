//! The bytes the page and its comparison worker exchange: a compact binary form whose reader is a few lines per type.
//!
//! A value is its fields in declaration order, with no names: counts and
//! indices as LEB128 varints (`300` is `ac 02`), floats as their
//! little-endian bits, text as its byte length then UTF-8, `Option` as `0` or
//! `1` then the value, a list as its length then its items, and a fieldless
//! enum as its variant's position. Both ends are this same program, so there is
//! nothing to negotiate: the layouts are listed once, with [`wire_struct!`] and
//! [`wire_enum!`], in `layouts.rs`.
//!
//! It replaces JSON for the worker because a JSON reader for the whole report
//! costs the wasm about a hundred kilobytes (serde's derived visitors
//! instantiated for each type), and this reader a few. serde-wasm-bindgen (JS
//! values by structured clone, from the types' own derives) was measured too:
//! its reader costs about 94 KB, links core's float printing, and reads a
//! 100-source report in 0.4–0.7 s where these bytes take about 36 ms
//! (`docs/performance.md`, issue #14). Reading is total: bytes
//! that end early or hold a bad value give `None`, never a panic.

/// A value that can cross to or from the worker.
pub trait Wire: Sized {
    /// Appends the value's bytes to `out`.
    fn put(&self, out: &mut Vec<u8>);
    /// Reads a value; a bad or missing byte marks `input` as broken and
    /// yields some value of the type, which [`decode`] then throws away.
    fn take(input: &mut Reader) -> Self;
}

/// `value` as bytes.
pub fn encode<T: Wire>(value: &T) -> Vec<u8> {
    let mut out = Vec::new();
    value.put(&mut out);
    out
}

/// The value `bytes` hold, if they hold exactly one well-formed value.
pub fn decode<T: Wire>(bytes: &[u8]) -> Option<T> {
    let mut input = Reader {
        bytes,
        broken: false,
    };
    let value = T::take(&mut input);
    (!input.broken && input.bytes.is_empty()).then_some(value)
}

/// The bytes still to read, and whether any read so far was bad.
pub struct Reader<'a> {
    bytes: &'a [u8],
    broken: bool,
}

impl Reader<'_> {
    /// Marks the input as bad.
    pub fn fail(&mut self) {
        self.broken = true;
    }

    /// The next byte (0 past the end).
    pub fn byte(&mut self) -> u8 {
        match self.bytes.split_first() {
            Some((&first, rest)) => {
                self.bytes = rest;
                first
            }
            None => {
                self.fail();
                0
            }
        }
    }

    /// The next `n` bytes (fewer past the end).
    fn slice(&mut self, n: usize) -> &[u8] {
        if n > self.bytes.len() {
            self.fail();
        }
        let (head, rest) = self.bytes.split_at(n.min(self.bytes.len()));
        self.bytes = rest;
        head
    }

    /// The next `N` bytes as an array (zeros past the end).
    fn array<const N: usize>(&mut self) -> [u8; N] {
        self.slice(N).try_into().unwrap_or([0; N])
    }

    /// A length that the rest of the input can hold (each item takes at
    /// least a byte), so a bad length cannot make the reader allocate much.
    fn length(&mut self) -> usize {
        let n = usize::take(self);
        if n > self.bytes.len() {
            self.fail();
        }
        n.min(self.bytes.len())
    }
}

/// Typed ids cross as the number they wrap.
macro_rules! wire_id {
    ($($id:ty),*) => {$(
        impl Wire for $id {
            fn put(&self, out: &mut Vec<u8>) {
                self.index().put(out);
            }

            fn take(input: &mut Reader) -> Self {
                <$id>::new(usize::take(input))
            }
        }
    )*};
}

wire_id!(
    crosscheck_engine::SourceId,
    crosscheck_engine::SentenceId,
    crosscheck_engine::GroupId
);

impl Wire for usize {
    fn put(&self, out: &mut Vec<u8>) {
        let mut rest = *self;
        while rest >= 0x80 {
            out.push(rest as u8 | 0x80);
            rest >>= 7;
        }
        out.push(rest as u8);
    }

    fn take(input: &mut Reader) -> Self {
        let mut value = 0usize;
        for shift in (0..usize::BITS).step_by(7) {
            let byte = input.byte();
            value |= usize::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return value;
            }
        }
        input.fail();
        value
    }
}

/// A byte crosses as itself (a file's bytes, in a list).
impl Wire for u8 {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(*self);
    }

    fn take(input: &mut Reader) -> Self {
        input.byte()
    }
}

impl Wire for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }

    fn take(input: &mut Reader) -> Self {
        match input.byte() {
            0 => false,
            1 => true,
            _ => {
                input.fail();
                false
            }
        }
    }
}

impl Wire for f32 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }

    fn take(input: &mut Reader) -> Self {
        f32::from_le_bytes(input.array())
    }
}

impl Wire for f64 {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_le_bytes());
    }

    fn take(input: &mut Reader) -> Self {
        f64::from_le_bytes(input.array())
    }
}

impl Wire for String {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        out.extend_from_slice(self.as_bytes());
    }

    fn take(input: &mut Reader) -> Self {
        let n = input.length();
        let text = String::from_utf8(input.slice(n).to_vec());
        text.unwrap_or_else(|_| {
            input.fail();
            String::new()
        })
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.is_some().put(out);
        if let Some(value) = self {
            value.put(out);
        }
    }

    fn take(input: &mut Reader) -> Self {
        bool::take(input).then(|| T::take(input))
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for item in self {
            item.put(out);
        }
    }

    fn take(input: &mut Reader) -> Self {
        let n = input.length();
        (0..n).map(|_| T::take(input)).collect()
    }
}

impl<T: Wire> Wire for [T; 2] {
    fn put(&self, out: &mut Vec<u8>) {
        self[0].put(out);
        self[1].put(out);
    }

    fn take(input: &mut Reader) -> Self {
        [T::take(input), T::take(input)]
    }
}

impl<T: Wire> Wire for Box<T> {
    fn put(&self, out: &mut Vec<u8>) {
        (**self).put(out);
    }

    fn take(input: &mut Reader) -> Self {
        Box::new(T::take(input))
    }
}

/// Lays out structs as their fields in the order listed, which must be all of
/// them (the struct pattern and literal make a missing one a compile error):
/// `wire_struct!(Span { start, end });`.
macro_rules! wire_struct {
    ($($name:ident { $($field:ident),* $(,)? })*) => {$(
        impl $crate::app::analysis::wire::Wire for $name {
            fn put(&self, out: &mut Vec<u8>) {
                let $name { $($field),* } = self;
                $($crate::app::analysis::wire::Wire::put($field, out);)*
            }

            fn take(input: &mut $crate::app::analysis::wire::Reader) -> Self {
                $name { $($field: $crate::app::analysis::wire::Wire::take(input)),* }
            }
        }
    )*};
}

/// Lays out fieldless enums as one byte, the variant's discriminant; the
/// `match` makes a variant left out of the list a compile error:
/// `wire_enum!(Status [Conflict, Adds, Same, Unique]);`.
macro_rules! wire_enum {
    ($($name:ident [$first:ident $(, $variant:ident)* $(,)?])*) => {$(
        impl $crate::app::analysis::wire::Wire for $name {
            fn put(&self, out: &mut Vec<u8>) {
                out.push(match self {
                    $name::$first => $name::$first as u8,
                    $($name::$variant => $name::$variant as u8,)*
                });
            }

            fn take(input: &mut $crate::app::analysis::wire::Reader) -> Self {
                let byte = input.byte();
                $(if byte == $name::$variant as u8 {
                    return $name::$variant;
                })*
                if byte != $name::$first as u8 {
                    input.fail();
                }
                $name::$first
            }
        }
    )*};
}

pub(crate) use {wire_enum, wire_struct};

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq)]
    enum Tone {
        Low,
        High,
    }

    #[derive(Debug, PartialEq)]
    struct Sample {
        count: usize,
        tone: Tone,
        name: Option<String>,
        values: Vec<f64>,
        share: f32,
    }

    wire_enum!(Tone [Low, High]);
    wire_struct!(Sample {
        count,
        tone,
        name,
        values,
        share
    });

    fn sample() -> Sample {
        Sample {
            count: 300,
            tone: Tone::High,
            name: Some("Kyiv / Kiev ✓".into()),
            values: vec![0.5, -1e300, f64::INFINITY],
            share: 0.25,
        }
    }

    #[test]
    fn values_come_back_as_they_went() {
        assert_eq!(decode::<Sample>(&encode(&sample())), Some(sample()));
        for n in [0, 1, 127, 128, 300, usize::MAX] {
            assert_eq!(decode::<usize>(&encode(&n)), Some(n));
        }
    }

    #[test]
    fn counts_are_varints_and_text_is_its_length_then_utf8() {
        assert_eq!(encode(&300usize), [0xac, 0x02]);
        assert_eq!(encode(&Some("é".to_string())), [1, 2, 0xc3, 0xa9]);
        assert_eq!(encode(&Tone::High), [1]);
    }

    #[test]
    fn short_long_or_bad_bytes_read_as_none() {
        let bytes = encode(&sample());
        for end in 0..bytes.len() {
            assert_eq!(decode::<Sample>(&bytes[..end]), None, "cut at {end}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(decode::<Sample>(&longer), None);
        assert_eq!(decode::<Tone>(&[2]), None);
        assert_eq!(decode::<bool>(&[7]), None);
        assert_eq!(decode::<String>(&[2, 0xff, 0xfe]), None);
        assert_eq!(decode::<Vec<usize>>(&[0xff, 0xff, 0xff, 0xff, 0x0f]), None);
        assert_eq!(decode::<usize>(&[0xff; 11]), None);
    }
}

//! Character references: `&amp;`, `&eacute;`, `&#8217;`, `&#x2014;` to the characters they stand for.
//!
//! HTML defines over 2,000 names; news pages use a few dozen. This table has
//! every Latin-1 name (U+00A0–U+00FF, in code point order) and the
//! punctuation, Latin Extended and symbol names that editors emit. An unknown
//! name is left as written, as browsers do. Numeric references follow the
//! HTML rules: 0x80–0x9F mean their Windows-1252 characters (`&#150;` is an
//! en dash), and zero, surrogates and values past U+10FFFF become U+FFFD.
//! As in browsers, `&amp`, `&lt`, `&copy`… work without their semicolon in
//! text, but not in an attribute when a letter, digit or `=` follows
//! (`?a=1&copy=2` stays a query string).

use std::borrow::Cow;

use crate::decode::windows_1252;

/// Names for U+00A0 to U+00FF, in order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Other names in common use.
const OTHER: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("AMP", '&'),
    ("LT", '<'),
    ("GT", '>'),
    ("QUOT", '"'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("hairsp", '\u{200A}'),
    ("numsp", '\u{2007}'),
    ("puncsp", '\u{2008}'),
    ("zwsp", '\u{200B}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("hyphen", '\u{2010}'),
    ("dash", '\u{2010}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("horbar", '―'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("rsquor", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("rdquor", '”'),
    ("bdquo", '„'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("hellip", '…'),
    ("mldr", '…'),
    ("bull", '•'),
    ("bullet", '•'),
    ("prime", '′'),
    ("Prime", '″'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("permil", '‰'),
    ("trade", '™'),
    ("TRADE", '™'),
    ("COPY", '©'),
    ("REG", '®'),
    ("euro", '€'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("Zcaron", 'Ž'),
    ("zcaron", 'ž'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("minus", '−'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("asymp", '≈'),
    ("infin", '∞'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("harr", '↔'),
    ("deg", '°'),
    ("check", '✓'),
];

/// Names that work without a semicolon (the common part of HTML's legacy list).
const LEGACY: &[&str] = &[
    "amp", "AMP", "lt", "LT", "gt", "GT", "quot", "QUOT", "nbsp", "copy", "COPY", "reg", "REG",
    "eacute", "egrave", "uuml",
];

/// Where a reference appears: attribute values are stricter about semicolons.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Context {
    Text,
    Attribute,
}

fn named(name: &str) -> Option<char> {
    if let Some(&(_, c)) = OTHER.iter().find(|(n, _)| *n == name) {
        return Some(c);
    }
    let offset = LATIN1.iter().position(|&n| n == name)?;
    char::from_u32(0xA0 + offset as u32)
}

/// The text with every character reference decoded.
pub(crate) fn decode(text: &str, context: Context) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match reference(after, context) {
            Some((c, used)) => {
                out.push(c);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character a reference at the start of `after` (the text after `&`)
/// stands for, and how many bytes it used.
fn reference(after: &str, context: Context) -> Option<(char, usize)> {
    let bytes = after.as_bytes();
    if bytes.first() == Some(&b'#') {
        return numeric(after);
    }
    let len = bytes
        .iter()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if len == 0 {
        return None;
    }
    let name = &after[..len];
    if bytes.get(len) == Some(&b';')
        && let Some(c) = named(name)
    {
        return Some((c, len + 1));
    }
    // No semicolon: the longest legacy name that starts the run.
    let legacy = LEGACY
        .iter()
        .filter(|l| name.starts_with(*l))
        .max_by_key(|l| l.len())?;
    let next = bytes.get(legacy.len());
    if context == Context::Attribute
        && next.is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'=')
    {
        return None;
    }
    Some((named(legacy)?, legacy.len()))
}

fn numeric(after: &str) -> Option<(char, usize)> {
    let bytes = after.as_bytes();
    let (radix, start) = match bytes.get(1) {
        Some(b'x' | b'X') => (16, 2),
        _ => (10, 1),
    };
    let digits = bytes[start..]
        .iter()
        .take_while(|b| (**b as char).is_digit(radix))
        .count();
    if digits == 0 {
        return None;
    }
    let value = after[start..start + digits]
        .chars()
        .filter_map(|c| c.to_digit(radix))
        .fold(0u32, |acc, d| acc.saturating_mul(radix).saturating_add(d));
    let mut used = start + digits;
    if bytes.get(used) == Some(&b';') {
        used += 1;
    }
    let c = match value {
        0x80..=0x9F => windows_1252(value as u8),
        0 => '\u{FFFD}',
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    };
    Some((c, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: &str) {
        assert_eq!(decode(input, Context::Text), expect, "input {input:?}");
    }

    #[test]
    fn named_references() {
        check(
            "Fish &amp; chips &lt;b&gt; &quot;x&quot; &apos;y&apos;",
            "Fish & chips <b> \"x\" 'y'",
        );
        check(
            "&ldquo;Caf&eacute;&rdquo; &mdash; &ndash; &hellip; &rsquo;&lsquo; &copy;",
            "“Café” — – … ’‘ ©",
        );
        check("a&nbsp;b", "a\u{a0}b");
        check("&Uuml;ber &szlig; &yuml; &euro;5", "Über ß ÿ €5");
    }

    #[test]
    fn numeric_references() {
        check("&#8217; &#x2014; &#X41; &#65", "’ — A A");
        check("&#150; &#x93;", "– “");
        check(
            "&#0; &#xD800; &#x110000; &#99999999999999",
            "\u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD}",
        );
    }

    #[test]
    fn unknown_or_bare_ampersands_stay() {
        check("AT&T &unknown; & &#; &#x;", "AT&T &unknown; & &#; &#x;");
    }

    #[test]
    fn legacy_names_without_semicolon() {
        check("&copy 2025 &amp co", "© 2025 & co");
        assert_eq!(
            decode("?a=1&copy=2&amp;b=3", Context::Attribute),
            "?a=1&copy=2&b=3"
        );
    }
}

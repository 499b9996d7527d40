//! Makes rendered text safe to print on a terminal: control characters from articles are shown, never obeyed.
//!
//! An article may hold `ESC ]0;…BEL` (retitles a terminal) or `ESC [2J`
//! (clears it). The CLI passes the text, Markdown, CSV and HTML reports
//! through [`printable`] before writing them, which writes each C0 control character as its
//! picture from the Control Pictures block (`ESC` as `␛`, `BEL` as `␇`),
//! `DEL` as `␡` and each C1 control as `�`. Line feeds, tabs and the CRLF
//! that ends a CSV record stay as they are; a carriage return on its own,
//! which would let a line overwrite itself, is shown as `␍`. The JSON
//! report needs none of this: serde writes control characters as `\u001b`
//! escapes, and its byte ranges keep pointing into the original text.

use std::borrow::Cow;

/// `text` with every control character but line feed, tab and CRLF made visible.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' if chars.peek() == Some(&'\n') => out.push(c),
            '\u{0}'..='\u{1f}' => {
                out.push(char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'))
            }
            '\u{7f}' => out.push('\u{2421}'),
            c if c.is_control() => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// [`printable`] for a rendered report the caller owns: no copy when nothing changes.
pub fn into_printable(text: String) -> String {
    match printable(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(changed) => changed,
    }
}

#[cfg(test)]
mod tests {
    use super::printable;

    fn check(input: &str, expect: &str) {
        assert_eq!(printable(input), expect, "for {input:?}");
    }

    #[test]
    fn a_terminal_title_sequence_is_shown_not_obeyed() {
        check("Title\u{1b}]0;pwned\u{7}end", "Title␛]0;pwned␇end");
        check("\u{1b}[2Jcleared", "␛[2Jcleared");
        check("csi\u{9b}2J", "csi\u{fffd}2J");
        check("del\u{7f}", "del␡");
    }

    #[test]
    fn line_feeds_tabs_and_crlf_stay() {
        check("a\tb\nc\r\nd", "a\tb\nc\r\nd");
        check("over\rwrite", "over␍write");
        check("plain text, “quoted”", "plain text, “quoted”");
    }
}

//! A tolerant HTML tokenizer: start and end tags with attributes, text, comments; everything else skipped.
//!
//! It follows the WHATWG tokenizer where it matters for reading text out of
//! saved pages and simplifies elsewhere:
//!
//! - `<` starts a tag only before a letter, `/`, `!` or `?`; otherwise it is text
//!   (`a < b` stays text).
//! - Attribute values may be double-quoted, single-quoted or bare; names are
//!   lower-cased; character references are decoded in values and in text.
//! - `<script>`, `<style>`, `<textarea>`, `<title>`… hold raw text up to their
//!   own end tag, so `if (a<b) document.title = "</p>"` inside a script is
//!   never read as markup. A self-closing `<script/>` holds nothing (HTML
//!   would ignore the slash; honouring it loses less of a malformed page).
//! - Comments, `<!DOCTYPE>`, `<?xml?>` are skipped; comments are kept for the
//!   `<!-- saved from url=(0057)… -->` line browsers write; `<![CDATA[…]]>` is text.
//! - A tag cut off by the end of the file is dropped, as browsers do. An
//!   unclosed `<title>` ends at the next tag (browsers would show a blank
//!   page); an unclosed `<script>` or `<style>` runs to the end of the file.
//!
//! The tokenizer never fails and never panics: every input is some list of tokens.

use std::borrow::Cow;

use super::entities::{self, Context};

/// One attribute, name lower-cased, value decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Attr {
    pub name: String,
    pub value: String,
}

/// One token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    Start {
        name: String,
        attrs: Vec<Attr>,
        self_closing: bool,
    },
    End {
        name: String,
    },
    Text(Cow<'a, str>),
    Comment(&'a str),
}

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title",
];

/// How far a `</title>` or `</textarea>` is looked for…
const RCDATA_WINDOW: usize = 64 * 1024;
/// …and how far in all, so that a page of unclosed titles stays linear.
const RCDATA_BUDGET: usize = 1024 * 1024;

/// Whether `name` holds raw text.
pub(crate) fn is_raw_text(name: &str) -> bool {
    RAW_TEXT.contains(&name)
}

pub(crate) struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    /// Set after a raw-text start tag: the next token is its content.
    raw: Option<String>,
    /// Bytes left to search for the ends of titles and text areas.
    window_budget: usize,
}

impl<'a> Tokenizer<'a> {
    pub(crate) fn new(src: &'a str) -> Self {
        Tokenizer {
            src,
            pos: 0,
            raw: None,
            window_budget: RCDATA_BUDGET,
        }
    }

    fn rest(&self) -> &'a str {
        &self.src[self.pos..]
    }

    /// The raw content of element `name`, up to (not including) its end tag.
    fn raw_text(&mut self, name: &str) -> Option<Token<'a>> {
        let rest = self.rest();
        let end = match name {
            // An unclosed title would hide the whole page; end it at the next
            // tag. Titles are short: the end tag is looked for in a window,
            // so a page of unclosed titles stays linear.
            "title" | "textarea" => {
                let next_markup = (0..rest.len())
                    .find(|&at| starts_markup(&rest.as_bytes()[at..]))
                    .unwrap_or(rest.len());
                let mut window = rest.len().min(RCDATA_WINDOW).min(self.window_budget);
                while !rest.is_char_boundary(window) {
                    window -= 1;
                }
                self.window_budget -= window;
                find_end_tag(&rest[..window], name).unwrap_or(next_markup)
            }
            // An unclosed script or style is never read as text.
            _ => find_end_tag(rest, name).unwrap_or(rest.len()),
        };
        self.pos += end;
        if end == 0 {
            return None;
        }
        let text = &rest[..end];
        Some(Token::Text(match name {
            "title" | "textarea" => entities::decode(text, Context::Text),
            _ => Cow::Borrowed(text),
        }))
    }

    /// Text up to the next markup (the caller has checked that none starts here).
    fn text(&mut self) -> Token<'a> {
        let rest = self.rest();
        let bytes = rest.as_bytes();
        let mut end = rest.len();
        let mut from = rest.chars().next().map_or(1, char::len_utf8);
        while let Some(offset) = rest.get(from..).and_then(|r| r.find('<')) {
            let at = from + offset;
            if starts_markup(&bytes[at..]) {
                end = at;
                break;
            }
            from = at + 1;
        }
        self.pos += end;
        Token::Text(entities::decode(&rest[..end], Context::Text))
    }

    /// Markup starting at `<`: a tag, a comment or something skipped (`None`).
    fn markup(&mut self) -> Option<Token<'a>> {
        let rest = self.rest();
        let bytes = rest.as_bytes();
        if let Some(body) = rest.strip_prefix("<!--") {
            let (comment, used) = if body.starts_with('>') {
                ("", 1)
            } else if body.starts_with("->") {
                ("", 2)
            } else {
                match body.find("-->") {
                    Some(end) => (&body[..end], end + 3),
                    None => (body, body.len()),
                }
            };
            self.pos += 4 + used;
            return Some(Token::Comment(comment));
        }
        if let Some(body) = rest.strip_prefix("<![CDATA[") {
            let end = body.find("]]>");
            self.pos += 9 + end.map_or(body.len(), |e| e + 3);
            let text = &body[..end.unwrap_or(body.len())];
            return (!text.is_empty()).then_some(Token::Text(Cow::Borrowed(text)));
        }
        match bytes.get(1) {
            Some(b'!' | b'?') => {
                self.skip_past(b'>');
                None
            }
            Some(b'/') => {
                if bytes.get(2).is_some_and(u8::is_ascii_alphabetic) {
                    let name = tag_name(&rest[2..]);
                    self.pos += 2 + name.len();
                    self.skip_past(b'>');
                    Some(Token::End {
                        name: name.to_ascii_lowercase(),
                    })
                } else {
                    // `</>` is nothing; `</3` and the like are bogus comments.
                    self.skip_past(b'>');
                    None
                }
            }
            _ => self.start_tag(),
        }
    }

    fn start_tag(&mut self) -> Option<Token<'a>> {
        let rest = self.rest();
        let name = tag_name(&rest[1..]).to_ascii_lowercase();
        let mut at = 1 + name.len();
        let bytes = rest.as_bytes();
        let mut attrs: Vec<Attr> = Vec::new();
        let mut self_closing = false;
        loop {
            while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
                at += 1;
            }
            match bytes.get(at) {
                None => {
                    // Cut off by the end of the file: dropped.
                    self.pos = self.src.len();
                    return None;
                }
                Some(b'>') => {
                    at += 1;
                    break;
                }
                Some(b'/') => {
                    at += 1;
                    self_closing = bytes.get(at) == Some(&b'>');
                    continue;
                }
                Some(_) => {}
            }
            self_closing = false;
            // An attribute name: up to white space, `/`, `>` or `=` (a leading `=` is part of it).
            let name_start = at;
            at += 1;
            while bytes
                .get(at)
                .is_some_and(|&b| !b.is_ascii_whitespace() && !matches!(b, b'/' | b'>' | b'='))
            {
                at += 1;
            }
            let attr_name = rest[name_start..at].to_ascii_lowercase();
            while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
                at += 1;
            }
            let mut value = Cow::Borrowed("");
            if bytes.get(at) == Some(&b'=') {
                at += 1;
                while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
                    at += 1;
                }
                let (raw, used) = match bytes.get(at) {
                    Some(&quote @ (b'"' | b'\'')) => {
                        let body = &rest[at + 1..];
                        match body.find(char::from(quote)) {
                            Some(end) => (&body[..end], end + 2),
                            None => {
                                self.pos = self.src.len();
                                return None;
                            }
                        }
                    }
                    _ => {
                        let body = &rest[at..];
                        let end = body
                            .find(|c: char| c.is_ascii_whitespace() || c == '>')
                            .unwrap_or(body.len());
                        (&body[..end], end)
                    }
                };
                at += used;
                value = entities::decode(raw, Context::Attribute);
            }
            if !attrs.iter().any(|a| a.name == attr_name) {
                attrs.push(Attr {
                    name: attr_name,
                    value: value.into_owned(),
                });
            }
        }
        self.pos += at;
        if is_raw_text(&name) && !self_closing {
            self.raw = Some(name.clone());
        }
        Some(Token::Start {
            name,
            attrs,
            self_closing,
        })
    }

    fn skip_past(&mut self, byte: u8) {
        let rest = self.rest().as_bytes();
        self.pos += rest
            .iter()
            .position(|&b| b == byte)
            .map_or(rest.len(), |p| p + 1);
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(name) = self.raw.take()
            && let Some(token) = self.raw_text(&name)
        {
            return Some(token);
        }
        while self.pos < self.src.len() {
            if starts_markup(self.rest().as_bytes()) {
                if let Some(token) = self.markup() {
                    return Some(token);
                }
            } else {
                return Some(self.text());
            }
        }
        None
    }
}

/// `<` followed by a letter, `/`, `!` or `?`.
fn starts_markup(bytes: &[u8]) -> bool {
    bytes.first() == Some(&b'<')
        && bytes
            .get(1)
            .is_some_and(|&b| b.is_ascii_alphabetic() || matches!(b, b'/' | b'!' | b'?'))
}

/// A tag name at the start of `s`: up to white space, `/` or `>`.
fn tag_name(s: &str) -> &str {
    let end = s
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(s.len());
    &s[..end]
}

/// Where `</name` (any case) followed by white space, `/` or `>` starts in `s`.
fn find_end_tag(s: &str, name: &str) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut from = 0;
    while let Some(offset) = s[from..].find("</") {
        let at = from + offset;
        let after = at + 2 + name.len();
        let matches = bytes
            .get(at + 2..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && bytes
                .get(after)
                .is_none_or(|&b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'));
        if matches {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokens in a compact form: `<p class=a>`, `</p>`, `"text"`, `<!--c-->`.
    fn check(input: &str, expect: &str) {
        let seen: Vec<String> = Tokenizer::new(input)
            .map(|token| match token {
                Token::Start {
                    name,
                    attrs,
                    self_closing,
                } => {
                    let attrs: String = attrs
                        .iter()
                        .map(|a| format!(" {}={}", a.name, a.value))
                        .collect();
                    let slash = if self_closing { "/" } else { "" };
                    format!("<{name}{attrs}{slash}>")
                }
                Token::End { name } => format!("</{name}>"),
                Token::Text(text) => format!("{text:?}"),
                Token::Comment(text) => format!("<!--{text}-->"),
            })
            .collect();
        assert_eq!(seen.join(" "), expect, "input {input:?}");
    }

    #[test]
    fn tags_attributes_and_text() {
        check(
            r#"<P Class="lead" id='x' data-n=3 hidden>Hi &amp; bye</p>"#,
            r#"<p class=lead id=x data-n=3 hidden=> "Hi & bye" </p>"#,
        );
        check(
            "<br/><img src=a.png alt=\"x > y\">",
            "<br/> <img src=a.png alt=x > y>",
        );
        check(
            "<a href=/x?a=1&b=2>l</a >",
            "<a href=/x?a=1&b=2> \"l\" </a>",
        );
    }

    #[test]
    fn lone_angle_brackets_are_text() {
        check("a < b > c <3 <", "\"a < b > c <3 <\"");
        check("x<<b>y", "\"x<\" <b> \"y\"");
    }

    #[test]
    fn script_and_style_are_raw_text() {
        check(
            "<script>if (a<b) document.title = '</p>';</script><p>ok",
            "<script> \"if (a<b) document.title = '</p>';\" </script> <p> \"ok\"",
        );
        check("<STYLE>p{}</Style >x", "<style> \"p{}\" </style> \"x\"");
        check(
            "<script>never closed <p>x",
            "<script> \"never closed <p>x\"",
        );
        check("<script src=a.js /><p>x", "<script src=a.js/> <p> \"x\"");
        check("<title>A &amp; B</title>", "<title> \"A & B\" </title>");
        check(
            "<title>Open\n</head><p>x",
            "<title> \"Open\\n\" </head> <p> \"x\"",
        );
        check(
            "<script></scripts></script>",
            "<script> \"</scripts>\" </script>",
        );
    }

    #[test]
    fn comments_doctype_cdata() {
        check(
            "<!DOCTYPE html><!-- saved from url=(0014)about:internet --><?xml x?>a<![CDATA[b<c]]>",
            "<!-- saved from url=(0014)about:internet --> \"a\" \"b<c\"",
        );
        check(
            "<!-->x<!--->y<!-- open",
            "<!----> \"x\" <!----> \"y\" <!-- open-->",
        );
    }

    #[test]
    fn malformed_tags() {
        check("</>x</ 3>y", "\"x\" \"y\"");
        check("<p class=\"open>text", "");
        check("<div", "");
        check("<p a=1 a=2 b = 'c'>", "<p a=1 b=c>");
    }
}

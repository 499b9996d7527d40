//! Sentence ends inside one paragraph: one pass over the text, deciding each end from a few words around it.
//!
//! A sentence ends after `.`, `!`, `?` or `…` (with any further terminals and
//! closing quotes or brackets) when whitespace and then a capital, a digit, an
//! opening quote or an uncased letter follow, as in UAX #29. The exceptions,
//! most of them from pySBD's rules for the English "Golden Rules":
//!
//! - after an abbreviation (`abbreviations.rs`) the period ends a sentence only
//!   before a word that starts sentences ("the U.S. How about you?", not
//!   "the U.S. Government");
//! - `[...]` is an omission, never an end; an ellipsis spaced out as `. . .`
//!   after a space is never an end ("the thing is . . . I didn’t"), four spaced
//!   dots are one ("a period . . . . Next"), and a period written against the
//!   word and followed by `. . .` ends its sentence before the ellipsis;
//! - a list marker ("1.", "2.)", "3)", "a.", "• 9.") at a sentence's start is
//!   not an end, and the next marker of the sequence starts a new sentence:
//!
//! ```text
//! 1. The first item 2. The second item
//! └──── one ──────┘ └───── two ─────┘
//! ```
//!
//! Every decision looks at most a few words back or ahead, so the stage stays linear.

use super::abbreviations::{self, Kind};

/// Characters that end a sentence.
fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '。' | '！' | '？' | '؟' | '।' | '‼' | '⁇'
    )
}

/// Terminals of scripts that do not put a space after them.
fn is_unspaced_terminal(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

/// Characters that may follow a terminal and still belong to the sentence.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›' | '」' | '』'
    )
}

/// Characters that may open a new sentence.
fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '('
            | '['
            | '«'
            | '‹'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '—'
            | '–'
            | '-'
    )
}

/// Characters that may stand before a list marker ("• 9.", "⁃10.").
fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '⁃' | '‣' | '◦' | '▪' | '-' | '*')
}

/// The value of a list marker, to tell the next one of a sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    /// "1.", "2.)", "3)".
    Number(u32),
    /// "a.", "b)".
    Letter(u8),
}

impl Marker {
    /// Whether `self` is the marker after `previous` ("2." after "1.", "b." after "a.").
    fn follows(self, previous: Marker) -> bool {
        match (previous, self) {
            (Marker::Number(a), Marker::Number(b)) => a + 1 == b,
            (Marker::Letter(a), Marker::Letter(b)) => a + 1 == b,
            _ => false,
        }
    }
}

/// The character at byte `at` of `body`, if any.
fn char_at(body: &str, at: usize) -> Option<char> {
    body.get(at..).and_then(|rest| rest.chars().next())
}

/// The list marker starting at byte `at` (after whitespace or at the paragraph's
/// start): an optional bullet, one or two digits or a lower-case letter, then
/// `.`, `.)` or `)`, then whitespace and a word. Returns its value and end.
fn list_marker(body: &str, at: usize) -> Option<(Marker, usize)> {
    let bytes = body.as_bytes();
    let mut i = at;
    if let Some(c) = char_at(body, i).filter(|&c| is_bullet(c)) {
        i += c.len_utf8();
        if bytes.get(i) == Some(&b' ') {
            i += 1;
        }
    }
    let digits = bytes[i..]
        .iter()
        .take(3)
        .take_while(|b| b.is_ascii_digit())
        .count();
    let marker = match digits {
        1 | 2 => {
            let value = body[i..i + digits].parse().ok()?;
            i += digits;
            Marker::Number(value)
        }
        0 => {
            let letter = *bytes.get(i).filter(|b| b.is_ascii_lowercase())?;
            i += 1;
            Marker::Letter(letter)
        }
        _ => return None,
    };
    match (bytes.get(i), bytes.get(i + 1)) {
        (Some(b'.'), Some(b')')) => i += 2,
        (Some(b'.' | b')'), _) => i += 1,
        _ => return None,
    }
    // An item starts with a word: "4. 6-magnitude" is a decimal cut by a space.
    let rest = &body[i..];
    let item_follows = rest.starts_with(char::is_whitespace)
        && rest
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || is_opener(c));
    item_follows.then_some((marker, i))
}

/// Scanning state: where the sentences end so far.
struct Scanner<'a> {
    body: &'a str,
    /// Byte offsets in `body` where a sentence ends and the next begins.
    cuts: Vec<usize>,
    /// Where the current sentence starts.
    sentence_start: usize,
    /// Whether the current sentence has any text yet.
    has_text: bool,
    /// The last list marker of the paragraph.
    last_marker: Option<Marker>,
}

impl Scanner<'_> {
    fn cut(&mut self, at: usize) {
        self.cuts.push(at);
        self.sentence_start = at;
        self.has_text = false;
    }
}

/// The byte offsets in `body` (one paragraph) after which a sentence ends, in order.
pub fn sentence_ends(body: &str) -> Vec<usize> {
    let mut scan = Scanner {
        body,
        cuts: Vec::new(),
        sentence_start: 0,
        has_text: false,
        last_marker: None,
    };
    let mut i = 0;
    let mut word_start = true;
    while let Some(c) = char_at(body, i) {
        if c.is_whitespace() {
            word_start = true;
            i += c.len_utf8();
            continue;
        }
        if word_start && let Some(end) = list_item(&mut scan, i) {
            i = end;
            word_start = false;
            continue;
        }
        word_start = false;
        if !is_terminal(c) {
            scan.has_text = true;
            i += c.len_utf8();
            continue;
        }
        // The terminal belongs to the sentence; a cut after it starts the next one empty.
        scan.has_text = true;
        i = if c == '.' {
            period(&mut scan, i)
        } else {
            terminal_run(&mut scan, i)
        };
    }
    scan.cuts
}

/// A list marker at `at`: cuts before it when it continues the paragraph's
/// sequence, and returns its end; `None` when there is none or it does not count.
fn list_item(scan: &mut Scanner, at: usize) -> Option<usize> {
    let (marker, end) = list_marker(scan.body, at)?;
    let continues = scan.last_marker.is_some_and(|last| marker.follows(last));
    if scan.has_text && !continues {
        return None;
    }
    if scan.has_text {
        scan.cut(at);
    }
    scan.last_marker = Some(marker);
    scan.has_text = true;
    Some(end)
}

/// A terminal other than a lone period at `at`: the run of terminals and closers; returns its end.
fn terminal_run(scan: &mut Scanner, at: usize) -> usize {
    let end = run_end(scan.body, at);
    if ends_sentence(scan, at, end) {
        scan.cut(end);
    }
    end
}

/// The end of the run of terminals and closing quotes or brackets starting at `at`.
fn run_end(body: &str, at: usize) -> usize {
    let mut end = at;
    while let Some(c) = char_at(body, end).filter(|&c| is_terminal(c) || is_closer(c)) {
        end += c.len_utf8();
    }
    end
}

/// The end of the closing quotes and brackets starting at `at`.
fn closers_end(body: &str, at: usize) -> usize {
    let mut end = at;
    while let Some(c) = char_at(body, end).filter(|&c| is_closer(c)) {
        end += c.len_utf8();
    }
    end
}

/// A period at `at`: a spaced ellipsis (`. . .`), an omission (`[...]`) or an
/// ordinary run; cuts where a sentence ends and returns where scanning goes on.
fn period(scan: &mut Scanner, at: usize) -> usize {
    let body = scan.body;
    let dots = spaced_dots(body, at);
    if dots.count < 2 {
        let end = run_end(body, at);
        if ends_sentence(scan, at, end) {
            scan.cut(end);
        }
        return end;
    }
    let end = closers_end(body, dots.end);
    let against_word = body[..at]
        .chars()
        .next_back()
        .is_some_and(|c| !c.is_whitespace());
    if !starts_sentence(body, end) {
        return end;
    }
    match (against_word, dots.count) {
        // "compounds. . . . The practice": the period ends the sentence, the
        // ellipsis opens the next (unless a quote closes after it).
        (true, 4..) if end == dots.end => {
            scan.cut(at + 1);
            scan.has_text = true;
        }
        // "the thing is . . . I didn’t mean it": an omission inside the sentence.
        (false, 3) => {}
        _ => scan.cut(end),
    }
    end
}

/// A run of periods separated by single spaces, starting at `at`.
struct Dots {
    count: usize,
    /// The byte after the last period.
    end: usize,
}

/// The periods of `. . .` starting at `at` (a lone period counts one).
fn spaced_dots(body: &str, at: usize) -> Dots {
    let bytes = body.as_bytes();
    let mut dots = Dots {
        count: 1,
        end: at + 1,
    };
    while bytes.get(dots.end) == Some(&b' ')
        && bytes.get(dots.end + 1) == Some(&b'.')
        && !bytes
            .get(dots.end + 2)
            .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'.')
    {
        dots.count += 1;
        dots.end += 2;
    }
    dots
}

/// Whether whitespace and then the start of a sentence follow byte `end`
/// (a capital, a digit, an opening quote or an uncased letter).
fn starts_sentence(body: &str, end: usize) -> bool {
    let rest = &body[end..];
    let after_space = rest.trim_start();
    if after_space.len() == rest.len() {
        return false;
    }
    after_space.chars().next().is_some_and(|next| {
        next.is_uppercase()
            || next.is_numeric()
            || is_opener(next)
            || (next.is_alphabetic() && !next.is_lowercase())
    })
}

/// Whether the terminal at `at`, with its run ending at `end`, ends a sentence.
fn ends_sentence(scan: &Scanner, at: usize, end: usize) -> bool {
    let body = scan.body;
    let rest = &body[end..];
    if rest.trim_start().is_empty() {
        return false; // the paragraph's end closes the sentence anyway
    }
    if body[..at].ends_with('[') {
        return false; // "[...]" marks an omission
    }
    let terminal = char_at(body, at).unwrap_or('.');
    if !rest.starts_with(char::is_whitespace) {
        return is_unspaced_terminal(terminal);
    }
    if !starts_sentence(body, end) {
        return false;
    }
    // "Mr." can end a sentence only in theory; "no.\"" with a closing quote is a word.
    let bare_period = terminal == '.' && end == at + 1;
    if !bare_period {
        return true;
    }
    match abbreviations::kind(word_before(body, at)) {
        None => true,
        Some(Kind::Prefix) => false,
        Some(Kind::Plain) => ends_after_abbreviation(scan, at, rest.trim_start()),
    }
}

/// The word just before byte `at`, from the last space, opening mark or slash.
fn word_before(body: &str, at: usize) -> &str {
    body[..at]
        .rsplit(|c: char| c.is_whitespace() || is_opener(c) || c == '/')
        .next()
        .unwrap_or("")
}

/// Whether a plain abbreviation's period at `at` ends its sentence, given the text `next` after it:
/// the next word starts sentences ("the U.S. How about you?"), or is a prefix
/// abbreviation after at least four words ("He left the bank at 6 P.M. Mr. Smith…",
/// not "At 5 a.m. Mr. Smith…").
fn ends_after_abbreviation(scan: &Scanner, at: usize, next: &str) -> bool {
    let word = next_word(next);
    // "an L. A Superior Court judge": after an initial, "A" is more likely a second initial.
    let after_initial = word_before(scan.body, at).chars().nth(1).is_none();
    if abbreviations::is_sentence_starter(word) && !(after_initial && word.len() == 1) {
        return true;
    }
    let title = word
        .strip_suffix('.')
        .is_some_and(|w| abbreviations::kind(w) == Some(Kind::Prefix));
    title
        && scan.body[scan.sentence_start..at]
            .split_whitespace()
            .rev()
            .take(4)
            .count()
            >= 4
}

/// The first word of `text` without opening quotes, or the empty string when it is too long to matter.
fn next_word(text: &str) -> &str {
    let text = text.trim_start_matches(is_opener);
    let end = text
        .char_indices()
        .take(24)
        .find(|&(_, c)| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '!' | '?'))
        .map(|(i, _)| i);
    match end {
        Some(end) => &text[..end],
        None if text.chars().nth(24).is_none() => text,
        None => "",
    }
}

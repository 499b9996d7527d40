//! Clean stage: marks sentences that are page furniture rather than article content.
//!
//! Text copied from a web page brings lines like "Advertisement", "Click here
//! to receive … in your inbox", "Copyright © 2025 …", "Read more: …",
//! "(AP Photo/…)" captions and a subtitle that the body repeats. They stay in
//! the text (the app shows them greyed) but are never aligned and never count
//! as omitted. The rules are general shapes, not a list of known lines: a
//! short line that is a page label, a line that starts with a link label and
//! a colon, a paragraph carrying a photo credit, a dateline made of dates, a
//! sentence that asks the reader to subscribe, and so on. Each rule is one
//! small function below, tried in order.

use crate::calendar;
use crate::report::BoilerplateKind;
use crate::segment::Segmented;

/// Page labels that make up a whole line (lower case).
const LABELS: &[&str] = &[
    "advertisement",
    "advertisements",
    "ad",
    "ads",
    "advert",
    "sponsored",
    "sponsored content",
    "comments",
    "comment",
    "share",
    "share this",
    "share this article",
    "share this story",
    "related",
    "related articles",
    "related stories",
    "related content",
    "read more",
    "more",
    "recommended",
    "trending",
    "trending now",
    "loading",
    "video",
    "watch",
    "listen",
    "photo",
    "photos",
    "gallery",
    "subscribe",
    "sign up",
    "log in",
    "login",
    "print",
    "email",
    "tweet",
    "follow us",
    "skip to content",
    "continue reading",
    "top stories",
    "most read",
    "back to top",
    "story continues below advertisement",
    "scroll to continue",
    "view comments",
    "show comments",
];

/// Labels that, followed by a colon, open a link line.
const LINK_LABELS: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "see also",
    "related",
    "more",
    "watch",
    "listen",
    "video",
    "recommended",
    "more on this",
    "read next",
    "up next",
    "click here",
];

/// Labels that, followed by a colon, open a credit line.
const CREDIT_LABELS: &[&str] = &[
    "excerpts",
    "excerpt",
    "source",
    "sources",
    "via",
    "credit",
    "credits",
    "photo",
    "photos",
    "image",
    "images",
    "photograph",
    "reporting by",
    "writing by",
    "editing by",
    "additional reporting by",
    "with reporting by",
    "editor's note",
    "editor’s note",
];

/// Phrases that ask the reader to do something for the publisher.
const PROMOTION_CUES: &[&str] = &[
    "click here",
    "sign up",
    "subscribe",
    "newsletter",
    "to your inbox",
    "in your inbox",
    "download our app",
    "download the app",
    "follow us on",
    "support our journalism",
    "become a member",
    "already a subscriber",
    "turn on notifications",
];

/// Markers of a photo credit.
const PHOTO_CREDIT_CUES: &[&str] = &[
    " photo/",
    "(photo/",
    "(photo by",
    "photo by ",
    "photograph:",
    "photo:",
    "getty images",
    "photo credit",
    "image credit",
    "(reuters/",
    "/reuters)",
    "(afp/",
    "/afp)",
    "/getty",
    "(ap photo",
    "ap photo/",
    "(file photo",
    "/ shutterstock",
    "/shutterstock",
];

/// Markers of a comment policy.
const COMMENT_POLICY_CUES: &[&str] = &[
    "comment policy",
    "before commenting",
    "comments are closed",
    "community guidelines",
    "leave a comment",
    "comments policy",
    "commenting policy",
];

/// Markers of a contributor line.
const CREDIT_CUES: &[&str] = &[
    "contributed to this report",
    "contributed reporting",
    "contributed to this article",
];

/// Words that datelines are made of besides dates and numbers (lower case).
const DATELINE_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last",
    "on",
    "at",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "et",
    "est",
    "edt",
    "bst",
    "cet",
    "by",
    "and",
    "the",
    "of",
];

/// The most words a line can have and still be a label, link or credit line.
const SHORT_LINE_WORDS: usize = 40;
/// The most non-date words a dateline can have.
const DATELINE_OTHER_WORDS: usize = 4;
/// How many leading paragraphs may hold a subtitle.
const SUBTITLE_PARAGRAPHS: usize = 4;

/// Boilerplate verdicts for the first `examined` sentences of a segmented
/// text; later sentences are reported as content.
pub fn detect(text: &str, segmented: &Segmented, examined: usize) -> Vec<Option<BoilerplateKind>> {
    let examined = examined.min(segmented.sentences.len());
    let mut verdicts = vec![None; segmented.sentences.len()];
    let mut paragraph_verdicts = vec![None; segmented.paragraphs.len()];
    let mut judged = vec![false; segmented.paragraphs.len()];
    for (index, sentence) in segmented.sentences[..examined].iter().enumerate() {
        let p = sentence.paragraph;
        if !judged[p] {
            paragraph_verdicts[p] = paragraph_kind(&text[segmented.paragraphs[p].range.clone()]);
            judged[p] = true;
        }
        verdicts[index] =
            paragraph_verdicts[p].or_else(|| sentence_kind(&text[sentence.range.clone()]));
    }
    mark_repeated_subtitle(text, segmented, &mut verdicts[..examined]);
    verdicts
}

/// The kind of a whole paragraph, if it is boilerplate.
fn paragraph_kind(paragraph: &str) -> Option<BoilerplateKind> {
    let lower = paragraph.to_lowercase();
    let words = word_count(paragraph);
    if words == 0 {
        return Some(BoilerplateKind::NoWords);
    }
    if is_label(&lower) {
        return Some(BoilerplateKind::Label);
    }
    if words <= SHORT_LINE_WORDS {
        if starts_with_label(&lower, LINK_LABELS) {
            return Some(BoilerplateKind::Link);
        }
        if starts_with_label(&lower, CREDIT_LABELS) || contains_any(&lower, CREDIT_CUES) {
            return Some(BoilerplateKind::Credit);
        }
        if is_copyright(&lower) {
            return Some(BoilerplateKind::Copyright);
        }
        if contains_any(&lower, COMMENT_POLICY_CUES) {
            return Some(BoilerplateKind::CommentPolicy);
        }
        if is_dateline(&lower) {
            return Some(BoilerplateKind::Dateline);
        }
    }
    if words <= 2 * SHORT_LINE_WORDS && contains_any(&lower, PHOTO_CREDIT_CUES) {
        return Some(BoilerplateKind::Caption);
    }
    None
}

/// The kind of one sentence inside a content paragraph, if it is boilerplate.
fn sentence_kind(sentence: &str) -> Option<BoilerplateKind> {
    let lower = sentence.to_lowercase();
    if contains_any(&lower, PROMOTION_CUES) {
        return Some(BoilerplateKind::Promotion);
    }
    if word_count(sentence) <= SHORT_LINE_WORDS && is_copyright(&lower) {
        return Some(BoilerplateKind::Copyright);
    }
    None
}

/// A whole line that is a page label.
fn is_label(lower: &str) -> bool {
    let bare = lower.trim_matches(|c: char| !c.is_alphanumeric());
    LABELS.contains(&bare)
}

/// A line that opens with one of `labels` and a colon.
fn starts_with_label(lower: &str, labels: &[&str]) -> bool {
    let lower = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    labels.iter().any(|label| {
        lower
            .strip_prefix(label)
            .is_some_and(|rest| rest.trim_start().starts_with([':', '|', '»']))
    })
}

/// A copyright notice.
fn is_copyright(lower: &str) -> bool {
    lower.contains('©')
        || lower.trim_start().starts_with("copyright")
        || lower.contains("all rights reserved")
        || lower.contains("(c) 20")
}

/// A line made of dates, times and at most a few other words, such as an
/// agency name: "- Associated Press - Monday, March 17, 2025" or "May 03, 2013".
fn is_dateline(lower: &str) -> bool {
    let ends_like_sentence = lower.trim_end().ends_with(['.', '!', '?', '"', '”']);
    if ends_like_sentence {
        return false;
    }
    let mut dated = false;
    let mut others = 0;
    for word in lower
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .filter(|w| !w.is_empty())
    {
        let word = word.trim_matches('.');
        let is_year = word.len() == 4
            && word.starts_with(['1', '2'])
            && word.bytes().all(|b| b.is_ascii_digit());
        if is_year || calendar::month(word).is_some() || calendar::weekday(word).is_some() {
            dated = true;
        } else if !(word.bytes().all(|b| b.is_ascii_digit()) || DATELINE_WORDS.contains(&word)) {
            others += 1;
        }
    }
    dated && others <= DATELINE_OTHER_WORDS
}

/// Marks a one-sentence paragraph near the top whose text the body repeats later.
fn mark_repeated_subtitle(
    text: &str,
    segmented: &Segmented,
    verdicts: &mut [Option<BoilerplateKind>],
) {
    let sentences = &segmented.sentences[..verdicts.len()];
    // Every sentence's comparable text, worked out once when the first candidate needs it.
    let mut keys: Option<Vec<String>> = None;
    for (index, sentence) in sentences.iter().enumerate() {
        if sentence.paragraph >= SUBTITLE_PARAGRAPHS {
            break;
        }
        let paragraph = &segmented.paragraphs[sentence.paragraph];
        let alone = paragraph.range == sentence.range;
        if !alone || verdicts[index].is_some() {
            continue;
        }
        let keys = keys.get_or_insert_with(|| {
            sentences
                .iter()
                .map(|s| comparable(&text[s.range.clone()]))
                .collect()
        });
        let key = &keys[index];
        let repeated = (index + 1..sentences.len())
            .any(|later| sentences[later].paragraph != sentence.paragraph && keys[later] == *key);
        if repeated && !key.is_empty() {
            verdicts[index] = Some(BoilerplateKind::RepeatedSubtitle);
        }
    }
}

/// Letters and digits only, lower case: two copies of a line compare equal
/// whatever their quotes and spacing.
fn comparable(sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len());
    for c in sentence.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !c.is_ascii() && c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Words with at least one letter or digit.
fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

fn contains_any(haystack: &str, needles: &[&str]) -> bool {
    needles.iter().any(|needle| haystack.contains(needle))
}

/// The length of a dateline leading `text`, 0 when there is none: where a
/// filing's place and date end and the article's own words begin.
///
/// * a dash within the first 60 characters with a four-digit year before it:
///   "Washington, March 17, 2025 – ";
/// * a place in capitals, optionally with a news agency in parentheses, then
///   a dash or the agency's closing parenthesis: "BERLIN (Reuters) - ",
///   "MANILA – ", "SINGAPORE (AP)  ".
pub fn dateline_len(text: &str) -> usize {
    let head_end = text.char_indices().nth(60).map_or(text.len(), |(i, _)| i);
    let head = &text[..head_end];
    for dash in [" – ", " — ", " - "] {
        if let Some(at) = head.find(dash) {
            let before = &head[..at];
            let has_year = before
                .split(|c: char| !c.is_ascii_digit())
                .any(|digits| digits.len() == 4);
            if has_year || is_place_and_agency(before) {
                return at + dash.len();
            }
        }
    }
    if let Some(close) = head.find(") ")
        && is_place_and_agency(&head[..=close])
    {
        let rest = &text[close + 1..];
        return close + 1 + (rest.len() - rest.trim_start().len());
    }
    0
}

/// "BERLIN", "NEW YORK (AP)", "MANILA": a place in capitals, optionally with an agency in parentheses.
fn is_place_and_agency(head: &str) -> bool {
    let (place, agency) = match head.split_once(" (") {
        Some((place, agency)) => (place, Some(agency)),
        None => (head, None),
    };
    let place_ok = place.chars().any(char::is_alphabetic)
        && place
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == ',' || c == '-');
    let agency_ok = agency.is_none_or(|a| {
        a.strip_suffix(')')
            .is_some_and(|name| !name.is_empty() && name.len() <= 20 && !name.contains(' '))
    });
    place_ok && agency_ok && place.split_whitespace().count() <= 4
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Limits;
    use crate::segment::segment;

    /// Cleans `input` and lists every sentence with its verdict ("-" for content).
    fn check(input: &str, expect: &[(&str, Option<BoilerplateKind>)]) {
        let segmented = segment(input, &Limits::default());
        let verdicts = detect(input, &segmented, usize::MAX);
        let shown: Vec<(&str, Option<BoilerplateKind>)> = segmented
            .sentences
            .iter()
            .zip(verdicts)
            .map(|(s, v)| (&input[s.range.clone()], v))
            .collect();
        assert_eq!(shown, expect);
    }

    use BoilerplateKind as B;

    #[test]
    fn page_labels_on_their_own_line_are_boilerplate() {
        check(
            "Advertisement\nThe talks began.\nCOMMENTS\n- ADVERTISEMENT -\nShare this article",
            &[
                ("Advertisement", Some(B::Label)),
                ("The talks began.", None),
                ("COMMENTS", Some(B::Label)),
                ("- ADVERTISEMENT -", Some(B::Label)),
                ("Share this article", Some(B::Label)),
            ],
        );
    }

    #[test]
    fn promotions_are_boilerplate_sentence_by_sentence() {
        check(
            "A version of this story appeared in the daily Brief newsletter. Click here to receive it. Talks began.",
            &[
                (
                    "A version of this story appeared in the daily Brief newsletter.",
                    Some(B::Promotion),
                ),
                ("Click here to receive it.", Some(B::Promotion)),
                ("Talks began.", None),
            ],
        );
    }

    #[test]
    fn copyright_comment_policy_and_credits_are_boilerplate() {
        check(
            "Copyright © 2024 The Daily Planet, LLC.\nPlease read our comment policy before commenting.\nExcerpts: The Daily Planet\nSmith reported from Riga. Jones in Kyiv contributed to this report.",
            &[
                (
                    "Copyright © 2024 The Daily Planet, LLC.",
                    Some(B::Copyright),
                ),
                (
                    "Please read our comment policy before commenting.",
                    Some(B::CommentPolicy),
                ),
                ("Excerpts: The Daily Planet", Some(B::Credit)),
                ("Smith reported from Riga.", Some(B::Credit)),
                ("Jones in Kyiv contributed to this report.", Some(B::Credit)),
            ],
        );
    }

    #[test]
    fn related_links_are_boilerplate() {
        check(
            "Read more: Minister says talks are stuck\nSee also | Ten things to know",
            &[
                ("Read more: Minister says talks are stuck", Some(B::Link)),
                ("See also | Ten things to know", Some(B::Link)),
            ],
        );
    }

    #[test]
    fn paragraphs_with_a_photo_credit_are_captions() {
        check(
            "\"Peace\", a painting, is on display in St. Petersburg, Russia, Friday, March 14, 2025 (AP Photo/Dmitri Lovetsky)\nA protester holds a sign. (Photo by Jane Doe/Getty Images)",
            &[
                (
                    "\"Peace\", a painting, is on display in St. Petersburg, Russia, Friday, March 14, 2025 (AP Photo/Dmitri Lovetsky)",
                    Some(B::Caption),
                ),
                ("A protester holds a sign.", Some(B::Caption)),
                ("(Photo by Jane Doe/Getty Images)", Some(B::Caption)),
            ],
        );
    }

    #[test]
    fn datelines_are_boilerplate_but_dated_headlines_are_not() {
        check(
            "- Associated Press - Monday, March 17, 2025\nPUBLISHED: THURSDAY, MAY 2, 2013, 1:32 PM\n27 / 09 / 2013 - Turkmenistan to hold first-ever parliamentary elections\nOn Monday, March 17, talks began.",
            &[
                (
                    "- Associated Press - Monday, March 17, 2025",
                    Some(B::Dateline),
                ),
                (
                    "PUBLISHED: THURSDAY, MAY 2, 2013, 1:32 PM",
                    Some(B::Dateline),
                ),
                (
                    "27 / 09 / 2013 - Turkmenistan to hold first-ever parliamentary elections",
                    None,
                ),
                ("On Monday, March 17, talks began.", None),
            ],
        );
    }

    #[test]
    fn a_subtitle_repeated_in_the_body_is_boilerplate_once() {
        check(
            "Talks held\nAn aide described the call as \"going well\".\n-\nThe call lasted long. An aide described the call as “going well”. It ended.",
            &[
                ("Talks held", None),
                (
                    "An aide described the call as \"going well\".",
                    Some(B::RepeatedSubtitle),
                ),
                ("-", Some(B::NoWords)),
                ("The call lasted long.", None),
                ("An aide described the call as “going well”.", None),
                ("It ended.", None),
            ],
        );
    }

    #[test]
    fn datelines_end_where_the_article_begins() {
        for (text, words) in [
            (
                "Washington, March 17, 2025 – U.S. President",
                "U.S. President",
            ),
            (
                "BERLIN (Reuters) - Borussia Dortmund sacked",
                "Borussia Dortmund sacked",
            ),
            (
                "SINGAPORE (AP)  In Formula One's first",
                "In Formula One's first",
            ),
            ("MANILA – The head of the US", "The head of the US"),
            ("BANGKOK (AP) — Princess Ubolratana", "Princess Ubolratana"),
            (
                "Trump said – in March 2025 – that",
                "Trump said – in March 2025 – that",
            ),
            (
                "The U.S. (and Russia) agreed",
                "The U.S. (and Russia) agreed",
            ),
        ] {
            assert_eq!(&text[dateline_len(text)..], words, "{text}");
        }
    }

    #[test]
    fn news_about_advertising_is_content() {
        check(
            "Advertisement spending rose 5 percent in 2024, the agency said.",
            &[(
                "Advertisement spending rose 5 percent in 2024, the agency said.",
                None,
            )],
        );
    }
}

//! The report's sources: each source's metadata and every sentence of it, boilerplate included, with the groups it leaves out.

use serde::{Deserialize, Serialize};

use crate::report::ids::GroupId;

use super::groups::{Mark, MarkKind};

/// One source with its sentences.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceReport {
    /// The source's id.
    pub id: String,
    /// Its stated headline, if any.
    pub title: Option<String>,
    /// Its outlet, if named.
    pub outlet: Option<String>,
    /// Its stated date, if any.
    #[serde(default)]
    pub date: Option<String>,
    /// The file it was loaded from, if any.
    pub file: Option<String>,
    /// Every sentence in text order, boilerplate included.
    pub sentences: Vec<SentenceReport>,
    /// Groups this source does not report (it is in their `missing` list), in group order.
    #[serde(default)]
    pub omitted: Vec<GroupId>,
}

/// One sentence of a source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentenceReport {
    /// Byte offset of the first byte in the source text.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// The sentence as written (the same as `text[start..end]`).
    pub text: String,
    /// Whether the sentence is page furniture, not article content.
    pub boilerplate: bool,
    /// Why it is boilerplate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub boilerplate_kind: Option<BoilerplateKind>,
    /// Index of its paragraph in the source (paragraphs are lines).
    #[serde(default)]
    pub paragraph: usize,
    /// The group it belongs to; `None` exactly when it is boilerplate or not compared.
    #[serde(default)]
    pub group: Option<GroupId>,
    /// Set on the one entry that holds all of a source past a work limit
    /// (its text from the first sentence not compared to the end): it was
    /// not compared and is in no group (see the notices).
    #[serde(default, skip_serializing_if = "is_false")]
    pub coarse: bool,
}

impl SentenceReport {
    /// The part of the sentence from byte `start` to `end` of the source
    /// text, as a sentence of its own (a quotation inside it, say); `None`
    /// when the range is not inside the sentence or splits a character.
    pub fn cut(&self, start: usize, end: usize) -> Option<SentenceReport> {
        let from = start.checked_sub(self.start)?;
        let to = end.checked_sub(self.start)?;
        let text = self.text.get(from..to)?;
        Some(SentenceReport {
            start,
            end,
            text: text.to_owned(),
            ..self.clone()
        })
    }

    /// The sentence cut into runs by `marks` (in text order, byte ranges into
    /// the source text); text between marks is shared, marks outside the
    /// sentence or overlapping an earlier one are skipped.
    pub fn runs(&self, marks: &[Mark]) -> Vec<(&str, MarkKind)> {
        let text = self.text.as_str();
        let mut out = Vec::new();
        let mut at = 0;
        for mark in marks {
            let (Some(start), Some(end)) = (
                mark.start.checked_sub(self.start),
                mark.end.checked_sub(self.start),
            ) else {
                continue;
            };
            if start < at || text.get(start..end).is_none() {
                continue;
            }
            if start > at {
                out.extend(text.get(at..start).map(|gap| (gap, MarkKind::Shared)));
            }
            out.push((&text[start..end], mark.kind));
            at = end;
        }
        if at < text.len() {
            out.extend(text.get(at..).map(|rest| (rest, MarkKind::Shared)));
        }
        out
    }
}

/// Why a sentence is boilerplate, as the clean stage found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BoilerplateKind {
    /// A page label on a line of its own: "Advertisement", "COMMENTS", "Share".
    Label,
    /// A request to subscribe, sign up or click.
    Promotion,
    /// A copyright or "all rights reserved" line.
    Copyright,
    /// A comment-policy line.
    CommentPolicy,
    /// A related-story link: "Read more: …", "See also: …".
    Link,
    /// A photo caption with a credit such as "(AP Photo/…)".
    Caption,
    /// A credit or attribution line: "Excerpts: …", "… contributed to this report".
    Credit,
    /// A dateline or byline made of dates and names: "- Associated Press - Monday, March 17, 2025".
    Dateline,
    /// A subtitle near the top that the body repeats word for word.
    RepeatedSubtitle,
    /// A line without a single letter or digit: "-", "***".
    NoWords,
}

names!(BoilerplateKind {
    Label => "label",
    Promotion => "promotion",
    Copyright => "copyright",
    CommentPolicy => "comment-policy",
    Link => "link",
    Caption => "caption",
    Credit => "credit",
    Dateline => "dateline",
    RepeatedSubtitle => "repeated-subtitle",
    NoWords => "no-words",
});

fn is_false(value: &bool) -> bool {
    !value
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(start: usize, text: &str) -> SentenceReport {
        SentenceReport {
            start,
            end: start + text.len(),
            text: text.to_owned(),
            boilerplate: false,
            boilerplate_kind: None,
            paragraph: 0,
            group: Some(GroupId::new(0)),
            coarse: false,
        }
    }

    fn mark(start: usize, end: usize, kind: MarkKind) -> Mark {
        Mark {
            start,
            end,
            kind,
            variant_of: None,
            against: None,
        }
    }

    #[test]
    fn marks_cut_the_sentence_at_their_offsets() {
        let s = sentence(10, "Talks on Tuesday ended.");
        let marks = [
            mark(19, 26, MarkKind::Conflict),
            mark(27, 32, MarkKind::Added),
        ];
        assert_eq!(
            s.runs(&marks),
            [
                ("Talks on ", MarkKind::Shared),
                ("Tuesday", MarkKind::Conflict),
                (" ", MarkKind::Shared),
                ("ended", MarkKind::Added),
                (".", MarkKind::Shared),
            ]
        );
    }

    #[test]
    fn a_cut_keeps_its_offsets_and_refuses_ranges_outside() {
        let s = sentence(10, "He said “we will see” today.");
        let cut = s.cut(18, 35).expect("inside");
        assert_eq!(
            (cut.start, cut.end, cut.text.as_str()),
            (18, 35, "“we will see”")
        );
        assert_eq!(s.cut(5, 12), None);
        assert_eq!(s.cut(19, 20), None, "inside a character");
    }

    #[test]
    fn marks_outside_the_sentence_are_ignored() {
        let s = sentence(10, "Short.");
        let marks = [
            mark(0, 5, MarkKind::Conflict),
            mark(12, 40, MarkKind::Conflict),
        ];
        assert_eq!(s.runs(&marks), [("Short.", MarkKind::Shared)]);
    }
}

//! The report's sources: each source's metadata and every sentence of it, boilerplate included, with the groups it leaves out.

use serde::{Deserialize, Serialize};

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
    pub omitted: Vec<usize>,
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
    /// The group it belongs to; `None` exactly when it is boilerplate.
    #[serde(default)]
    pub group: Option<usize>,
    /// Set when the sentence lies past a work limit and was not compared
    /// (see the notices); it is then alone in a unique group.
    #[serde(default, skip_serializing_if = "is_false")]
    pub coarse: bool,
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

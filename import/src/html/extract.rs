//! The article in a page: drop the page's furniture, pick the content root, write its blocks as paragraphs.
//!
//! Three passes over the tree:
//!
//! 1. **Drop.** Scripts, styles, forms, buttons, `<nav>`, `<aside>`, the
//!    page's own `<header>` and `<footer>`, hidden elements, and elements
//!    whose `id`, `class`, `role` or `aria-label` name navigation, menus,
//!    sharing, comments, cookie or consent banners, newsletters, related
//!    links, ads… (weaker words such as "sidebar" or "banner" only without a
//!    content word such as "story" beside them). A short box that mentions
//!    cookies and holds a button is a cookie banner whatever its class. A
//!    hidden element inside the article that holds two paragraphs or more
//!    is kept: it is the rest of the story behind a "Read more" button. Never dropped: `<html>`, `<body>`,
//!    `<main>`, `<article>` and anything holding one of them, so a stray
//!    `class="has-sidebar"` on a wrapper cannot take the story with it.
//! 2. **Choose the root.** The `<article>` with the most text that is not
//!    link text (others with at least 30% of its text are counted in a
//!    notice), else an
//!    `itemprop="articleBody"` element, else `<main>` or `role="main"`, else
//!    the densest block: every paragraph's text, less twice its link text,
//!    scores its parent and half scores its grandparent (Readability's rule),
//!    and the best-scoring element wins, or its parent when a sibling scores
//!    close to it (a story split over several `<div>`s). From there the root
//!    grows to its parent while that adds under 15% more text and at most a
//!    quarter of the added text is links: the headline and byline in the row above a
//!    layout table's story cell come in, a sidebar or a menu does not.
//! 3. **Write.** Each paragraph, heading, list item, quote or caption is
//!    one line, lines separated by a blank line; white space collapses as
//!    in a browser, `<br>` starts a new line, `<pre>` keeps its lines. A
//!    table row whose cells hold only inline text is one line with the cells
//!    joined by " | "; a row whose cells hold blocks (a layout table) is
//!    written block by block, so nested layout tables read as the page does.
//!    Lists and boxes that are mostly links (related stories, tag lists)
//!    are left out.

use super::tree::Document;
use crate::error::Notice;

/// Elements whose content is never article text.
const ALWAYS_DROP: &[&str] = &[
    "applet", "audio", "base", "button", "canvas", "datalist", "embed", "frame", "frameset", "xmp",
    "head", "iframe", "input", "link", "map", "math", "meta", "noembed", "noframes", "noscript",
    "object", "option", "script", "select", "style", "svg", "template", "textarea", "title",
    "video",
];

/// Page furniture, dropped unless it holds the article.
const FURNITURE: &[&str] = &["aside", "dialog", "menu", "nav"];

/// Elements that start and end a line.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Blocks that are one paragraph: their text scores their parent.
const PARAGRAPHS: &[&str] = &[
    "address",
    "blockquote",
    "caption",
    "dd",
    "dt",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "p",
    "pre",
];

/// Boxes left out when mostly links.
const LINK_BOXES: &[&str] = &["div", "dl", "menu", "ol", "section", "table", "ul"];

const FURNITURE_ROLES: &[&str] = &[
    "alertdialog",
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "menu",
    "menubar",
    "navigation",
    "search",
    "tablist",
    "toolbar",
];

/// Words in `id`, `class` or `aria-label` that mark furniture whatever else is said.
const STRONG_CUES: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "breadcrumb",
    "breadcrumbs",
    "cmp",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "didomi",
    "disqus",
    "gdpr",
    "menu",
    "menubar",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "newsletters",
    "onetrust",
    "outbrain",
    "overlay",
    "pagination",
    "pager",
    "paywall",
    "popular",
    "popup",
    "promo",
    "promos",
    "promotion",
    "recommendations",
    "recommended",
    "related",
    "share",
    "shares",
    "sharing",
    "signup",
    "skip",
    "skiplink",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "toolbar",
    "trending",
    "mostread",
    "follow",
    "print",
];

/// Word starts and ends that mark furniture in run-together names ("cookiebar", "topnav").
const STRONG_PREFIXES: &[&str] = &[
    "advert",
    "breadcrumb",
    "cookie",
    "didomi",
    "newsletter",
    "onetrust",
    "outbrain",
    "sharebar",
    "sharetool",
    "sharing",
    "social",
    "sponsor",
    "taboola",
];
const STRONG_SUFFIXES: &[&str] = &[
    "comments", "cookies", "menu", "modal", "nav", "navbar", "popup", "share",
];

/// Words that mark furniture unless a content word is there too ("sidebar" but not "content-sidebar").
const WEAK_CUES: &[&str] = &[
    "aside", "banner", "extra", "extras", "footer", "header", "masthead", "rail", "sidebar",
    "tags", "widget", "widgets",
];

/// Words that mark content.
const CONTENT_CUES: &[&str] = &[
    "article", "body", "column", "content", "entry", "main", "post", "prose", "story", "text",
];

/// Class fragments of text meant for screen readers only ("Skip to content").
const SCREEN_READER_ONLY: &[&str] = &[
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
];

/// An article needs this much text (not link text) to be taken as the content root.
const MIN_ROOT_CHARS: usize = 140;
/// Paragraphs with less text than this do not score their ancestors.
const MIN_PARAGRAPH_CHARS: usize = 25;
/// The longest box taken for a cookie banner.
const MAX_COOKIE_BOX_CHARS: usize = 800;
/// And the most elements and text nodes in it (bounds the work of reading its text).
const MAX_COOKIE_BOX_NODES: usize = 400;

/// The article's text and what the content root says about itself.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Content {
    pub text: String,
    /// The first `<h1>` in the content.
    pub heading: Option<String>,
    /// The first `<time datetime>` in the content, else on the page.
    pub time: Option<String>,
    pub notices: Vec<Notice>,
}

pub(crate) fn content(doc: &Document) -> Content {
    let analysis = Analysis::new(doc);
    let (root, notices) = analysis.choose_root();
    let mut out = Out::default();
    analysis.write(root, root, &mut out);
    out.end_block();
    let heading = analysis
        .descendants(root)
        .find(|&n| doc.tag(n) == "h1")
        .and_then(|n| {
            // Kept text only: an unclosed <h1> may hold a script.
            let mut heading = Out::default();
            analysis.write_children(n, n, &mut heading);
            heading.end_block();
            super::meta::clean(&heading.paragraphs.join(" "))
        });
    let datetime = |n: usize| {
        (doc.tag(n) == "time")
            .then(|| doc.attr(n, "datetime").and_then(super::meta::clean))
            .flatten()
    };
    let time = analysis
        .descendants(root)
        .find_map(datetime)
        .or_else(|| analysis.descendants(0).find_map(datetime));
    Content {
        text: out.paragraphs.join("\n\n"),
        heading,
        time,
        notices,
    }
}

struct Analysis<'d> {
    doc: &'d Document,
    dropped: Vec<bool>,
    /// Characters of kept text (white space not counted) under each node.
    text: Vec<usize>,
    /// Of which inside links.
    link: Vec<usize>,
    /// Kept links under each node.
    links: Vec<usize>,
    /// Whether a kept block or `<br>` is under the node (for table rows).
    has_block: Vec<bool>,
    /// Whether the node is a block element.
    block: Vec<bool>,
}

/// Facts about the page as written, before anything is dropped.
struct Raw {
    text: Vec<usize>,
    /// Nodes in each subtree.
    nodes: Vec<usize>,
    paragraphs: Vec<usize>,
    controls: Vec<usize>,
    mentions_cookies: Vec<bool>,
    /// The node is or holds an article, main or article body.
    holds_content: Vec<bool>,
    /// An ancestor is an article, main or article body.
    in_content: Vec<bool>,
    /// The page has no article, main or article body at all.
    no_semantics: bool,
}

impl Raw {
    fn new(doc: &Document) -> Raw {
        let n = doc.nodes.len();
        let mut raw = Raw {
            text: vec![0; n],
            nodes: vec![1; n],
            paragraphs: vec![0; n],
            controls: vec![0; n],
            mentions_cookies: vec![false; n],
            holds_content: vec![false; n],
            in_content: vec![false; n],
            no_semantics: true,
        };
        for i in (0..n).rev() {
            let tag = doc.tag(i);
            if ALWAYS_DROP.contains(&tag) && !matches!(tag, "button" | "input") {
                continue;
            }
            if let Some(text) = doc.text(i) {
                raw.text[i] = visible_chars(text);
                raw.mentions_cookies[i] = text.to_ascii_lowercase().contains("cookie");
            }
            if tag == "p" {
                raw.paragraphs[i] += 1;
            }
            if matches!(tag, "button" | "input") || doc.attr(i, "role") == Some("button") {
                raw.controls[i] += 1;
            }
            if is_content_element(doc, i) {
                raw.holds_content[i] = true;
                raw.no_semantics = false;
            }
            if i > 0 {
                let parent = doc.nodes[i].parent;
                raw.text[parent] += raw.text[i];
                raw.nodes[parent] += raw.nodes[i];
                raw.paragraphs[parent] += raw.paragraphs[i];
                raw.controls[parent] += raw.controls[i];
                raw.mentions_cookies[parent] |= raw.mentions_cookies[i];
                raw.holds_content[parent] |= raw.holds_content[i];
            }
        }
        for i in 1..n {
            let parent = doc.nodes[i].parent;
            raw.in_content[i] = raw.in_content[parent] || is_content_element(doc, parent);
        }
        raw
    }
}

/// `<article>`, `<main>`, `role="main"`, `itemprop="articleBody"`.
fn is_content_element(doc: &Document, node: usize) -> bool {
    matches!(doc.tag(node), "article" | "main")
        || doc
            .attr(node, "role")
            .is_some_and(|r| r.eq_ignore_ascii_case("main"))
        || is_article_body(doc, node)
}

fn is_article_body(doc: &Document, node: usize) -> bool {
    doc.attr(node, "itemprop")
        .is_some_and(|p| p.split_ascii_whitespace().any(|p| p == "articleBody"))
}

fn visible_chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

impl<'d> Analysis<'d> {
    fn new(doc: &'d Document) -> Analysis<'d> {
        let raw = Raw::new(doc);
        let n = doc.nodes.len();
        let mut dropped = vec![false; n];
        for i in 1..n {
            dropped[i] = dropped[doc.nodes[i].parent] || is_furniture(doc, &raw, i);
        }
        let mut analysis = Analysis {
            doc,
            dropped,
            text: vec![0; n],
            link: vec![0; n],
            links: vec![0; n],
            has_block: vec![false; n],
            block: (0..n).map(|i| BLOCK.contains(&doc.tag(i))).collect(),
        };
        for i in (0..n).rev() {
            if analysis.dropped[i] {
                continue;
            }
            let tag = doc.tag(i);
            if let Some(text) = doc.text(i) {
                analysis.text[i] = visible_chars(text);
            }
            if tag == "a" {
                analysis.link[i] = analysis.text[i];
                analysis.links[i] += 1;
            }
            if i > 0 {
                let parent = doc.nodes[i].parent;
                analysis.text[parent] += analysis.text[i];
                analysis.link[parent] += analysis.link[i];
                analysis.links[parent] += analysis.links[i];
                analysis.has_block[parent] |=
                    analysis.has_block[i] || analysis.block[i] || tag == "br";
            }
        }
        analysis
    }

    /// Text that is not link text.
    fn score(&self, node: usize) -> usize {
        self.text[node].saturating_sub(self.link[node])
    }

    /// Kept nodes under `root`, in document order, `root` first.
    fn descendants(&self, root: usize) -> impl Iterator<Item = usize> + '_ {
        let mut stack = vec![root];
        std::iter::from_fn(move || {
            let node = stack.pop()?;
            stack.extend(
                self.doc.nodes[node]
                    .children
                    .iter()
                    .rev()
                    .filter(|&&c| !self.dropped[c]),
            );
            Some(node)
        })
        .filter(move |&n| !self.dropped[n])
    }

    fn choose_root(&self) -> (usize, Vec<Notice>) {
        let doc = self.doc;
        let total = self.score(0);
        let enough = |score: usize| score > 0 && (score >= MIN_ROOT_CHARS || score * 2 >= total);
        let best = |nodes: &[usize]| {
            nodes
                .iter()
                .copied()
                .max_by(|&a, &b| self.score(a).cmp(&self.score(b)).then(b.cmp(&a)))
        };

        let articles: Vec<usize> = self
            .descendants(0)
            .filter(|&n| doc.tag(n) == "article" && !self.inside(n, "article"))
            .collect();
        if let Some(article) = best(&articles).filter(|&a| enough(self.score(a))) {
            let score = self.score(article);
            let long = articles
                .iter()
                .filter(|&&a| self.score(a) >= MIN_ROOT_CHARS.max(score * 3 / 10))
                .count();
            let notices = if long > 1 {
                vec![Notice::SeveralArticles { count: long }]
            } else {
                Vec::new()
            };
            return (article, notices);
        }

        let bodies: Vec<usize> = self
            .descendants(0)
            .filter(|&n| is_article_body(doc, n))
            .collect();
        if let Some(body) = best(&bodies).filter(|&b| enough(self.score(b))) {
            return (body, Vec::new());
        }
        let mains: Vec<usize> = self
            .descendants(0)
            .filter(|&n| {
                doc.tag(n) == "main"
                    || doc
                        .attr(n, "role")
                        .is_some_and(|r| r.eq_ignore_ascii_case("main"))
            })
            .collect();
        if let Some(main) = best(&mains).filter(|&m| enough(self.score(m))) {
            return (main, Vec::new());
        }

        let root = self.densest();
        let notices = if matches!(doc.tag(root), "" | "html" | "body") {
            Vec::new()
        } else {
            vec![Notice::NoArticleMarked]
        };
        (root, notices)
    }

    /// Whether a kept ancestor of `node` is a `tag`.
    fn inside(&self, node: usize, tag: &str) -> bool {
        let mut at = node;
        while at != 0 {
            at = self.doc.nodes[at].parent;
            if self.doc.tag(at) == tag && !self.dropped[at] {
                return true;
            }
        }
        false
    }

    /// The element whose paragraphs hold the most text (see the module docs).
    fn densest(&self) -> usize {
        let doc = self.doc;
        let n = doc.nodes.len();
        // For each node, its nearest block ancestor and whether a link lies
        // between them: one pass down the tree (parents come first).
        let mut block_of = vec![0usize; n];
        let mut in_link = vec![false; n];
        for node in 1..n {
            let parent = doc.nodes[node].parent;
            if self.block[parent] || parent == 0 {
                block_of[node] = parent;
            } else {
                block_of[node] = block_of[parent];
                in_link[node] = in_link[parent] || doc.tag(parent) == "a";
            }
        }
        // Text directly in each block (not in a nested block), and of it link text.
        let mut own = vec![0usize; n];
        let mut own_link = vec![0usize; n];
        for node in self.descendants(0) {
            let Some(text) = doc.text(node) else { continue };
            let chars = visible_chars(text);
            let block = block_of[node];
            own[block] += chars;
            if in_link[node] {
                own_link[block] += chars;
            }
        }
        let mut score = vec![0usize; n];
        for block in 0..n {
            let value = own[block].saturating_sub(2 * own_link[block]);
            if value < MIN_PARAGRAPH_CHARS || self.dropped[block] {
                continue;
            }
            let parent = doc.nodes[block].parent;
            if PARAGRAPHS.contains(&doc.tag(block)) {
                score[parent] += value;
                score[doc.nodes[parent].parent] += value / 2;
            } else {
                score[block] += value;
                score[parent] += value / 2;
            }
        }
        let Some(best) = (0..n)
            .filter(|&i| score[i] > 0)
            .max_by(|&a, &b| score[a].cmp(&score[b]).then(b.cmp(&a)))
        else {
            return 0;
        };
        let mut root = best;
        // A story split over sibling blocks: take their parent.
        if root != 0 {
            let parent = doc.nodes[root].parent;
            let close_sibling = doc.nodes[parent]
                .children
                .iter()
                .any(|&s| s != root && !self.dropped[s] && score[s] * 10 >= score[root] * 3);
            if close_sibling {
                root = parent;
            }
        }
        // Take in a headline and byline next to the story (in a layout table,
        // in the next row up) while what the parent adds is little and not links.
        while root != 0 {
            let parent = doc.nodes[root].parent;
            let extra = self.text[parent] - self.text[root];
            let extra_link = self.link[parent] - self.link[root];
            let grows_little = self.score(parent) * 100 <= self.score(root) * 115;
            if grows_little && extra_link * 4 <= extra {
                root = parent;
            } else {
                break;
            }
        }
        root
    }

    /// Writes `node` and what it holds.
    fn write(&self, node: usize, root: usize, out: &mut Out) {
        if self.dropped[node] {
            return;
        }
        let doc = self.doc;
        if let Some(text) = doc.text(node) {
            out.text(text);
            return;
        }
        let tag = doc.tag(node);
        match tag {
            "br" => out.end_block(),
            "hr" | "img" | "wbr" => {}
            "tr" => self.write_row(node, root, out),
            _ if self.block[node] => {
                let link_box = node != root
                    && LINK_BOXES.contains(&tag)
                    && self.links[node] >= 2
                    && self.link[node] * 10 > self.text[node] * 6;
                if link_box {
                    return;
                }
                out.end_block();
                let pre = tag == "pre";
                out.pre += usize::from(pre);
                self.write_children(node, root, out);
                out.pre -= usize::from(pre);
                out.end_block();
            }
            _ => self.write_children(node, root, out),
        }
    }

    fn write_children(&self, node: usize, root: usize, out: &mut Out) {
        for &child in &self.doc.nodes[node].children {
            self.write(child, root, out);
        }
    }

    /// A table row: one line of cells, or block by block for layout cells.
    fn write_row(&self, row: usize, root: usize, out: &mut Out) {
        let cells: Vec<usize> = self.doc.nodes[row]
            .children
            .iter()
            .copied()
            .filter(|&c| !self.dropped[c])
            .collect();
        out.end_block();
        if cells.iter().any(|&c| self.has_block[c]) {
            for cell in cells {
                self.write(cell, root, out);
            }
        } else {
            let texts: Vec<String> = cells
                .iter()
                .filter_map(|&cell| {
                    let mut inline = Out::default();
                    self.write_children(cell, root, &mut inline);
                    inline.end_block();
                    let text = inline.paragraphs.join(" ");
                    (!text.is_empty()).then_some(text)
                })
                .collect();
            out.text(&texts.join(" | "));
        }
        out.end_block();
    }
}

/// Whether element `node` is page furniture (see the module docs).
fn is_furniture(doc: &Document, raw: &Raw, node: usize) -> bool {
    let tag = doc.tag(node);
    if tag.is_empty() {
        return false;
    }
    if ALWAYS_DROP.contains(&tag) {
        return true;
    }
    if matches!(tag, "html" | "body" | "main" | "article") || raw.holds_content[node] {
        return false;
    }
    if FURNITURE.contains(&tag) {
        return true;
    }
    match tag {
        "form" => return raw.paragraphs[node] < 3,
        "header" | "footer" if !raw.in_content[node] => return true,
        _ => {}
    }
    let role = doc.attr(node, "role").unwrap_or("").to_ascii_lowercase();
    if FURNITURE_ROLES.contains(&role.as_str()) {
        return true;
    }
    // In a page without semantic markup, nothing holding half its text is furniture.
    if raw.no_semantics && raw.text[node] * 2 >= raw.text[0] && raw.text[0] > 0 {
        return false;
    }
    // Hidden, unless it is part of the story held back behind "Read more".
    if is_hidden(doc, node) && !(raw.in_content[node] && raw.paragraphs[node] >= 2) {
        return true;
    }
    let mut words = Vec::new();
    for attr in ["id", "class", "aria-label"] {
        if let Some(value) = doc.attr(node, attr) {
            split_words(value, &mut words);
        }
    }
    let strong = words.iter().any(|w| {
        STRONG_CUES.contains(&w.as_str())
            || STRONG_PREFIXES.iter().any(|p| w.starts_with(p))
            || STRONG_SUFFIXES.iter().any(|s| w.ends_with(s))
    });
    let weak = words.iter().any(|w| WEAK_CUES.contains(&w.as_str()));
    let content = words.iter().any(|w| CONTENT_CUES.contains(&w.as_str()));
    if strong || (weak && !content) {
        return true;
    }
    is_cookie_box(doc, raw, node)
}

fn is_hidden(doc: &Document, node: usize) -> bool {
    if doc.attr(node, "hidden").is_some() || doc.attr(node, "aria-hidden") == Some("true") {
        return true;
    }
    let style: String = doc
        .attr(node, "style")
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    if style.contains("display:none") || style.contains("visibility:hidden") {
        return true;
    }
    let class = doc.attr(node, "class").unwrap_or("").to_ascii_lowercase();
    SCREEN_READER_ONLY.iter().any(|c| class.contains(c))
}

/// A short box that mentions cookies, says accept or consent, and holds a button.
fn is_cookie_box(doc: &Document, raw: &Raw, node: usize) -> bool {
    if !matches!(doc.tag(node), "div" | "section" | "footer" | "aside")
        || !raw.mentions_cookies[node]
        || raw.controls[node] == 0
        || raw.text[node] > MAX_COOKIE_BOX_CHARS
        || raw.nodes[node] > MAX_COOKIE_BOX_NODES
    {
        return false;
    }
    let text = doc.text_content(node).to_lowercase();
    ["accept", "consent", "agree", "allow"]
        .iter()
        .any(|w| text.contains(w))
}

/// Lower-case words of an attribute value, split at punctuation and camelCase,
/// plus each run-together part whole ("shareBar" gives "share", "bar", "sharebar").
fn split_words(value: &str, out: &mut Vec<String>) {
    for part in value.split(|c: char| !c.is_ascii_alphanumeric()) {
        if part.is_empty() {
            continue;
        }
        let bytes = part.as_bytes();
        let mut start = 0;
        for i in 1..bytes.len() {
            if bytes[i].is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase() {
                out.push(part[start..i].to_ascii_lowercase());
                start = i;
            }
        }
        if start > 0 {
            out.push(part[start..].to_ascii_lowercase());
        }
        out.push(part.to_ascii_lowercase());
    }
}

/// Paragraphs being written.
#[derive(Default)]
struct Out {
    paragraphs: Vec<String>,
    current: String,
    space: bool,
    /// Inside this many `<pre>`.
    pre: usize,
}

impl Out {
    fn text(&mut self, text: &str) {
        if self.pre > 0 {
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    self.end_block();
                }
                self.current.push_str(line.trim_end());
            }
            return;
        }
        for c in text.chars() {
            if c.is_whitespace() {
                self.space = true;
            } else if c != '\u{AD}' {
                if self.space && !self.current.is_empty() {
                    self.current.push(' ');
                }
                self.space = false;
                self.current.push(c);
            }
        }
    }

    fn end_block(&mut self) {
        let paragraph = self.current.trim_end();
        if !paragraph.trim_start().is_empty() {
            self.paragraphs.push(paragraph.to_owned());
        }
        self.current.clear();
        self.space = false;
    }
}

#[cfg(all(test, feature = "html5ever"))]
mod tests {
    use super::*;
    use crate::html::{Html5ever, Parser};

    /// The extracted text, notices after a `--` line.
    fn check(html: &str, expect: &str) {
        let content = content(&Html5ever.parse(html));
        let mut seen = content.text;
        for notice in &content.notices {
            seen.push_str(&format!("\n-- {}", notice.message()));
        }
        assert_eq!(seen, expect, "input {html:?}");
    }

    #[test]
    fn white_space_collapses_like_a_browser() {
        check(
            "<p>  Hello,\n   <b>big</b>  <i>world</i>!</p><p>a<span>b</span></p>",
            "Hello, big world!\n\nab",
        );
        check("<p>one<br>two<br/><br>three</p>", "one\n\ntwo\n\nthree");
        check(
            "<pre>  code\n    indented\n</pre>",
            "  code\n\n    indented",
        );
        check("<p>soft&shy;hyphen &nbsp;x</p>", "softhyphen x");
    }

    #[test]
    fn furniture_is_dropped() {
        check(
            r#"<nav>Home News</nav><div class="share-buttons">Share</div>
               <div id="comments"><p>First!</p></div><aside>Related</aside>
               <p>Story.</p><form><p>Search</p></form><button>Go</button>
               <div hidden>secret</div><p style="display: none">gone</p>
               <span class="sr-only">Skip</span><div role="navigation">Menu</div>"#,
            "Story.",
        );
    }

    #[test]
    fn hidden_rest_of_the_story_is_kept_but_a_hidden_box_is_not() {
        check(
            r#"<article><p>Shown.</p><div class="rest" style="display:none"><p>Held back one.</p><p>Held back two.</p></div>
               <div hidden><p>Subscribe to read on.</p></div></article>"#,
            "Shown.\n\nHeld back one.\n\nHeld back two.",
        );
    }

    #[test]
    fn a_headline_banner_keeps_its_headline() {
        check(
            r#"<div class="hero-banner story-header"><h1>Headline</h1></div><div class="promo-banner">Buy now</div><p>Body.</p>"#,
            "Headline\n\nBody.",
        );
    }

    #[test]
    fn a_wrapper_holding_the_article_is_never_dropped() {
        check(
            r#"<div class="page has-sidebar share-enabled"><article><p>Kept, though the wrapper says share.</p></article></div>"#,
            "Kept, though the wrapper says share.",
        );
    }

    #[test]
    fn cookie_box_without_a_telling_class() {
        check(
            r#"<div class="x1"><p>We use cookies to improve your experience.</p><a role="button">Accept all</a></div>
               <p>A story about cookies: regulators say users must accept them less often.</p>"#,
            "A story about cookies: regulators say users must accept them less often.",
        );
    }

    #[test]
    fn link_lists_are_left_out_but_linked_headlines_stay() {
        check(
            r#"<article><h1><a href="/s">The headline</a></h1><p>Body text of the story that is long enough to be the article, more than a line.</p>
               <ul><li><a href="/1">Other story one</a></li><li><a href="/2">Other story two</a></li></ul></article>"#,
            "The headline\n\nBody text of the story that is long enough to be the article, more than a line.",
        );
    }

    #[test]
    fn table_rows_are_lines_and_layout_cells_are_blocks() {
        check(
            "<table><tr><th>City</th><th>Votes</th></tr><tr><td>Kyiv</td><td>1,200</td></tr></table>",
            "City | Votes\n\nKyiv | 1,200",
        );
        check(
            "<table><tr><td><p>Left para.</p></td><td>Right text</td></tr></table>",
            "Left para.\n\nRight text",
        );
    }

    #[test]
    fn camel_case_and_run_together_class_names() {
        let mut words = Vec::new();
        split_words("shareBar c-cookieBanner", &mut words);
        assert_eq!(
            words,
            [
                "share",
                "bar",
                "sharebar",
                "c",
                "cookie",
                "banner",
                "cookiebanner"
            ]
        );
    }
}

//! What a page says about itself: Open Graph and `<meta>` tags, the canonical link, `<title>`, JSON-LD.
//!
//! Only reads; the choice between sources (og:title before `<h1>` before
//! `<title>`…) is made in [`super::extract`], which also knows the content.

use serde_json::Value;

use super::tree::{Data, Document};

/// Everything found, each the first of its kind in the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct PageMeta {
    pub og_title: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub og_url: Option<String>,
    pub canonical: Option<String>,
    /// `<meta name="date">`, `itemprop="datePublished"` and the like.
    pub other_date: Option<String>,
    pub title_element: Option<String>,
    pub ld: LinkedData,
}

/// From the first schema.org Article in `<script type="application/ld+json">`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct LinkedData {
    pub headline: Option<String>,
    pub published: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
}

const OTHER_DATE_NAMES: &[&str] = &[
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publication_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
];

pub(crate) fn collect(doc: &Document) -> PageMeta {
    let mut meta = PageMeta::default();
    let mut title_seen = false;
    for (index, node) in doc.nodes.iter().enumerate() {
        let Data::Element { name, .. } = &node.data else {
            continue;
        };
        match name.as_str() {
            "meta" => {
                let Some(content) = doc.attr(index, "content").and_then(clean) else {
                    continue;
                };
                for key in ["property", "name", "itemprop"] {
                    let Some(key) = doc.attr(index, key) else {
                        continue;
                    };
                    let slot = match key.trim().to_ascii_lowercase().as_str() {
                        "og:title" => &mut meta.og_title,
                        "og:site_name" => &mut meta.site_name,
                        "article:published_time" | "og:article:published_time" => {
                            &mut meta.published
                        }
                        "og:url" => &mut meta.og_url,
                        other if OTHER_DATE_NAMES.contains(&other) => &mut meta.other_date,
                        _ => continue,
                    };
                    slot.get_or_insert_with(|| content.clone());
                }
            }
            "link" => {
                let canonical = doc.attr(index, "rel").is_some_and(|rel| {
                    rel.split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                });
                if canonical && meta.canonical.is_none() {
                    meta.canonical = doc.attr(index, "href").and_then(clean);
                }
            }
            "title" if !title_seen => {
                title_seen = true;
                meta.title_element = clean(&doc.text_content(index));
            }
            "script" if meta.ld.headline.is_none() && meta.ld.published.is_none() => {
                let json = doc
                    .attr(index, "type")
                    .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
                if json && let Ok(value) = serde_json::from_str::<Value>(&doc.text_content(index)) {
                    linked_data(&value, &mut meta.ld);
                }
            }
            _ => {}
        }
    }
    meta
}

/// The first Article-like object in a JSON-LD value (top level, arrays, `@graph`).
fn linked_data(value: &Value, out: &mut LinkedData) -> bool {
    match value {
        Value::Array(items) => items.iter().any(|item| linked_data(item, out)),
        Value::Object(object) => {
            if is_article(object.get("@type")) {
                let text = |key: &str| object.get(key).and_then(Value::as_str).and_then(clean);
                out.headline = text("headline").or_else(|| text("name"));
                out.published = text("datePublished");
                out.publisher = object.get("publisher").and_then(publisher_name);
                out.url = text("url").or_else(|| match object.get("mainEntityOfPage") {
                    Some(Value::String(url)) => clean(url),
                    Some(Value::Object(page)) => {
                        page.get("@id").and_then(Value::as_str).and_then(clean)
                    }
                    _ => None,
                });
                return true;
            }
            object
                .get("@graph")
                .is_some_and(|graph| linked_data(graph, out))
        }
        _ => false,
    }
}

fn is_article(kind: Option<&Value>) -> bool {
    let matches = |t: &str| t.ends_with("Article") || t.ends_with("Posting");
    match kind {
        Some(Value::String(t)) => matches(t),
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).any(matches),
        _ => false,
    }
}

fn publisher_name(value: &Value) -> Option<String> {
    match value {
        Value::String(name) => clean(name),
        Value::Object(object) => object.get("name").and_then(Value::as_str).and_then(clean),
        Value::Array(items) => items.iter().find_map(publisher_name),
        _ => None,
    }
}

/// White space collapsed; `None` when nothing is left.
pub(crate) fn clean(text: &str) -> Option<String> {
    let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

#[cfg(all(test, feature = "html5ever"))]
mod tests {
    use super::*;
    use crate::html::{Html5ever, Parser};

    fn check(html: &str, expect: PageMeta) {
        assert_eq!(collect(&Html5ever.parse(html)), expect);
    }

    #[test]
    fn open_graph_and_link_tags() {
        check(
            r#"<head><title> Story | Daily </title>
            <meta property="og:title" content="Story">
            <meta property="og:site_name" content="The Daily">
            <meta property="article:published_time" content="2025-03-18T10:00:00Z">
            <meta property="og:url" content="https://daily.example/story">
            <link rel="Canonical" href="https://daily.example/story?amp=0">
            <meta name="date" content="2025-03-19"></head>"#,
            PageMeta {
                og_title: Some("Story".into()),
                site_name: Some("The Daily".into()),
                published: Some("2025-03-18T10:00:00Z".into()),
                og_url: Some("https://daily.example/story".into()),
                canonical: Some("https://daily.example/story?amp=0".into()),
                other_date: Some("2025-03-19".into()),
                title_element: Some("Story | Daily".into()),
                ld: LinkedData::default(),
            },
        );
    }

    #[test]
    fn json_ld_article_in_a_graph() {
        check(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Site"},
              {"@type":["NewsArticle"],"headline":"Talks held","datePublished":"2025-03-18",
               "publisher":{"@type":"Organization","name":"Wire"},
               "mainEntityOfPage":{"@id":"https://wire.example/talks"}}]}</script>"#,
            PageMeta {
                ld: LinkedData {
                    headline: Some("Talks held".into()),
                    published: Some("2025-03-18".into()),
                    publisher: Some("Wire".into()),
                    url: Some("https://wire.example/talks".into()),
                },
                ..PageMeta::default()
            },
        );
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        check(
            r#"<script type="application/ld+json">{"@type": "NewsArticle", </script>"#,
            PageMeta::default(),
        );
    }
}

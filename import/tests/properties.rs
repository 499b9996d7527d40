//! Property tests: no input makes the importers panic, scripts never leak, sessions round-trip.

use crosscheck_engine::Source;
use crosscheck_import::html::Parser;
use crosscheck_import::session::to_file;
use crosscheck_import::{
    Article, Config, PastedMeta, Session, SessionError, Settings, decode, find_duplicate, html,
    import_file, import_pasted, parse_session, parse_session_bytes, to_json,
};
use proptest::prelude::*;

/// Pieces of markup, complete and broken, that pages are made of.
const FRAGMENTS: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=a>",
    "</div>",
    "<article>",
    "</article>",
    "<main>",
    "<nav>",
    "</nav>",
    "<table><tr><td>",
    "</td><td>",
    "</table>",
    "<li>",
    "<ul>",
    "</ul>",
    "<br>",
    "<b>",
    "</i>",
    "<a href=x>",
    "</a>",
    "<h1>",
    "</h1>",
    "<pre>",
    "</pre>",
    "<title>",
    "</title>",
    "<style>p{}</style>",
    "<!-- c -->",
    "<!--",
    "-->",
    "<![CDATA[x]]>",
    "<!DOCTYPE html>",
    "<img src=x onerror=alert(1)>",
    "<div class=\"share-buttons\">",
    "<aside>",
    "<svg>",
    "<textarea>",
    "<a href=\"unclosed",
    "&amp;",
    "&lt;",
    "&#x3C;",
    "&#60",
    "&",
    "<",
    ">",
    "</",
    "<3",
    "text",
    "More words here. ",
    "\n",
    " ",
    "é",
    "“quoted”",
    "<time datetime=2025-01-01>",
    "<meta property=og:title content=T>",
    "<!-- saved from url=(0020)https://a.example -->",
    "<table>",
    "<td>",
    "</tr>",
    "<p hidden>",
    "<div role=navigation>",
    "<body>",
    "<head>",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60).prop_map(|parts| parts.concat())
}

/// Soup in which a following `<script>` is still read as a tag (a bare `<`
/// or `</`, or an unclosed attribute value, would swallow it, in browsers too).
fn soup_before_a_tag() -> impl Strategy<Value = String> {
    let fragments: Vec<&str> = FRAGMENTS
        .iter()
        .copied()
        .filter(|f| !matches!(*f, "<" | "</" | "<a href=\"unclosed"))
        .collect();
    prop::collection::vec(prop::sample::select(fragments), 0..60).prop_map(|parts| parts.concat())
}

fn names() -> impl Strategy<Value = &'static str> {
    prop::sample::select(
        &[
            "a.txt", "a.md", "a.html", "a.htm", "a.json", "noext", "a.pdf", "a.MD", ".hidden",
        ][..],
    )
}

/// Articles `a0`, `a1`… of the texts that are not blank.
fn articles_of(texts: &[String]) -> Vec<Article> {
    texts
        .iter()
        .filter(|t| !t.trim().is_empty())
        .enumerate()
        .map(|(i, text)| Article {
            source: Source {
                id: format!("a{i}"),
                text: text.clone(),
                ..Source::default()
            },
            url: None,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn import_file_is_total_on_bytes(name in names(), bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = import_file(name, &bytes, &Config::default());
        let _ = decode(&bytes);
        let _ = parse_session_bytes(&bytes);
    }

    #[test]
    fn import_is_total_on_text(name in names(), text in "\\PC{0,300}") {
        let _ = import_file(name, text.as_bytes(), &Config::default());
        let _ = import_pasted(&text, PastedMeta { url: Some(text.clone()), ..PastedMeta::default() }, &Config::default());
        let _ = parse_session(&text);
        let _ = html::extract(&html::Html5ever.parse(&text));
    }

    #[test]
    fn markup_soup_never_panics_and_never_leaks_tags(html in soup()) {
        let page = html::extract(&html::Html5ever.parse(&html));
        // Tags are never passed on as text (a lone `<` next to a word may be).
        if !html.contains('&') && !html.contains("CDATA") {
            for tag in ["<p>", "<div", "<a href", "<img", "onerror", "<table", "<!--", "<meta", "<svg"] {
                prop_assert!(!page.text.contains(tag), "{:?} in {:?}", tag, page.text);
            }
        }
        let _ = import_file("soup.html", html.as_bytes(), &Config::default());
        let _ = import_file("soup.md", html.as_bytes(), &Config::default());
    }

    #[test]
    fn script_content_never_reaches_the_text(before in soup_before_a_tag(), after in soup()) {
        let html = format!("{before}<script>document.title='SECRET'</script><p onclick=\"SECRET()\">x</p>{after}");
        let page = html::extract(&html::Html5ever.parse(&html));
        prop_assert!(!page.text.contains("SECRET"), "{:?}", page.text);
        prop_assert!(page.title.as_deref().is_none_or(|t| !t.contains("SECRET") || before.contains("<title>")));
    }

    #[test]
    fn an_article_is_a_duplicate_of_itself(text in "[a-z ]{0,200}") {
        let source = Source { id: "a".into(), text: text.clone(), ..Source::default() };
        let found = find_duplicate(std::slice::from_ref(&source), &source);
        prop_assert_eq!(found.is_some(), text.split_whitespace().next().is_some());
    }

    #[test]
    fn sessions_round_trip(
        texts in prop::collection::vec("\\PC{1,40}", 0..6),
        titles in prop::collection::vec(prop::option::of("\\PC{1,20}"), 6),
        excluded in prop::collection::vec(0usize..6, 0..3),
    ) {
        let articles: Vec<Article> = texts
            .iter()
            .filter(|t| !t.trim().is_empty())
            .enumerate()
            .map(|(i, text)| Article {
                source: Source {
                    id: format!("a{i}"),
                    title: titles[i].clone().filter(|t| !t.trim().is_empty()),
                    text: text.clone(),
                    ..Source::default()
                },
                url: (i % 2 == 0).then(|| format!("https://a.example/{i}")),
            })
            .collect();
        let mut ids: Vec<String> = excluded.iter().filter(|&&i| i < articles.len()).map(|i| format!("a{i}")).collect();
        ids.dedup();
        ids.sort();
        ids.dedup();
        let session = Session::new(articles, Settings { excluded: ids, reference: None });
        prop_assert_eq!(parse_session(&to_json(&session)), Ok(session));
    }

    #[test]
    fn every_session_the_page_exports_opens_again(
        texts in prop::collection::vec("[\\x00-\\x1f\"\\\\a-z é“”\u{2028}]{1,80}", 0..8),
        reference in 0usize..8,
    ) {
        // Issue #17, item 3: the page exported sessions it then refused to open.
        let articles = articles_of(&texts);
        let reference = (reference < articles.len()).then(|| format!("a{reference}"));
        let session = Session::new(articles, Settings { excluded: Vec::new(), reference });
        let file = to_file(&session).expect("small sessions are within the limit");
        prop_assert_eq!(parse_session_bytes(file.as_bytes()), Ok(session));
    }

    #[test]
    fn a_cut_session_gives_back_a_prefix_of_its_articles(
        texts in prop::collection::vec("[a-z \"\\\\{}\\[\\]é]{1,40}", 1..6),
        keep in 0.0f64..1.0,
    ) {
        // Issue #17, item 5: wherever a session file is cut, the complete
        // articles before the cut come back, in order, and nothing else.
        let articles = articles_of(&texts);
        let json = to_json(&Session::new(articles.clone(), Settings::default()));
        let cut = &json.as_bytes()[..(json.len() as f64 * keep) as usize];
        match parse_session_bytes(cut) {
            Err(SessionError::CutOff { recovered }) => {
                prop_assert!(articles.starts_with(&recovered.articles));
            }
            Err(_) => {}
            Ok(session) => prop_assert_eq!(session.articles, articles),
        }
    }
}

//! Bringing in one's own articles: picking files, pasting, dropping, keeping them across a reload, sessions and errors.

mod support;

use std::path::PathBuf;

use crosscheck_import::{Config, import_file};
use fantoccini::{Client, Locator};
use support::{
    Setup, Viewport, click, screenshot, type_into, wait_for, wait_until_true, with_browser,
};

/// Writes a fixture file next to the screenshots and returns its path.
fn fixture(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = support::env().screenshots.join("fixtures");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const STORY_TXT: &str = "Council approves new bridge\n\nThe city council voted 7 to 2 on Monday to approve a new bridge over the river, officials said.\n\nConstruction will begin in May and cost 40 million euros.\n";
const STORY_MD: &str = "# Bridge vote passes\n\nThe city council voted *seven to two* on Monday to approve a new bridge over the river.\n\nWork starts in June and will cost [40 million euros](https://example.org/budget).\n";
const STORY_HTML: &str = r#"<!doctype html><html><head><title>Bridge | The Courier</title>
<meta property="og:site_name" content="The Courier"><meta property="article:published_time" content="2025-05-02">
<script>document.title = "HACKED";</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div id="cookie-banner">We use cookies. <button onclick="document.title='HACKED'">Accept</button></div>
<article><h1>Council backs bridge plan</h1>
<p onmouseover="document.title='HACKED'">The city council voted 7-2 on Monday to approve a new bridge over the river.</p>
<p>Building starts in May; the bridge will cost 40 million euros.</p><img src="x" onerror="document.title='HACKED'">
</article><footer>© The Courier</footer></body></html>"#;

/// A saved page that tries to run scripts and load things, with entities,
/// misnested and unclosed tags, `<noscript>`, a `<template>` and 600 nested
/// `<div>`s (deeper than the browser's and html5ever's limits): the
/// browser's `DOMParser` and html5ever must read the same article from it.
fn ferry_page() -> String {
    format!(
        r#"<!-- saved from url=(0049)https://www.harbour-times.example/2025/06/ferry -->
<!DOCTYPE html>
<html><head><title>Ferry service resumes &mdash; Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta property="article:published_time" content="2025-06-03T08:00:00Z">
<script>document.title = "HACKED"; window.top.crosscheckScriptRan = true;</script>
<link rel="stylesheet" href="https://example.invalid/style.css">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<noscript><p>Please enable JavaScript to read the Harbour Times.</p></noscript>
<article>
<h1>Ferry service resumes after repairs</h1>
<p>The island ferry sailed again on Tuesday, three weeks after a fault in its engine &#150; the longest stop since 2019.<script>document.write("INJECTED")</script>
<p onmouseover="window.top.crosscheckScriptRan = true">Passengers paid <b>&euro;4.50</b> a trip, as before; the operator said <i>&ldquo;no fares will rise <b>this year</i></b>.&rdquo;
<table><tr><td>Sailings<td>12 a day<tr><td>Crossing<td>40 min</table>
<img src="https://example.invalid/ferry.jpg" onerror="window.top.crosscheckScriptRan = true">
{open}<p>Harbour staff worked through the night to finish the repairs.</p>{close}
<template><p>TEMPLATE TEXT</p></template>
<p>Caf&eacute; owners by the pier welcomed the news&nbsp;&amp; said bookings rose.
</article>
<footer>&copy; Harbour Times</footer>
</body></html>"#,
        open = "<div>".repeat(600),
        close = "</div>".repeat(600),
    )
}

/// What both parsers read from [`ferry_page`].
const FERRY_TEXT: &str = "Ferry service resumes after repairs\n\nThe island ferry sailed again on Tuesday, three weeks after a fault in its engine – the longest stop since 2019.\n\nPassengers paid €4.50 a trip, as before; the operator said “no fares will rise this year.”\n\nSailings | 12 a day\n\nCrossing | 40 min\n\nHarbour staff worked through the night to finish the repairs.\n\nCafé owners by the pier welcomed the news & said bookings rose.";

#[test]
fn html5ever_reads_the_ferry_page_as_expected() {
    let imported = import_file("ferry.html", ferry_page().as_bytes(), &Config::default()).unwrap();
    assert_eq!(imported.source.text, FERRY_TEXT);
}

async fn open_articles(client: &Client) {
    client.goto(&support::page_url()).await.unwrap();
    wait_for(client, "table.aligned tbody tr.group").await;
    wait_for(client, "#tab-articles")
        .await
        .click()
        .await
        .unwrap();
    wait_for(client, "#panel-articles .article-list").await;
}

async fn article_count(client: &Client) -> usize {
    client
        .find_all(Locator::Css(".article-list > li"))
        .await
        .unwrap()
        .len()
}

async fn wait_for_count(client: &Client, count: usize) {
    wait_for(client, &format!(".article-list > li:nth-child({count})")).await;
    let more = format!(".article-list > li:nth-child({})", count + 1);
    assert!(
        client.find(Locator::Css(&more)).await.is_err(),
        "more than {count} articles"
    );
}

async fn message_containing(client: &Client, text: &str) -> String {
    let xpath = format!("//div[contains(@class,'message')][contains(., {text:?})]");
    client
        .wait()
        .at_most(support::WAIT)
        .for_element(Locator::XPath(&xpath))
        .await
        .unwrap_or_else(|e| panic!("no message containing {text:?}: {e}"))
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn picked_files_are_added_and_survive_a_reload() {
    let files = [
        fixture("bridge.txt", STORY_TXT.as_bytes()),
        fixture("bridge.md", STORY_MD.as_bytes()),
        fixture("bridge.html", STORY_HTML.as_bytes()),
    ];
    with_browser(Setup::default(), |client| async move {
        open_articles(&client).await;
        let paths: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
        let input = client.find(Locator::Id("add-files")).await.unwrap();
        input.send_keys(&paths.join("\n")).await.unwrap();
        message_containing(&client, "Added 3 articles").await;
        wait_for_count(&client, 8).await;
        let title = client.title().await.unwrap();
        assert_eq!(title, "Crosscheck", "no script from the saved page ran");
        let outlet = client
            .execute("return document.querySelectorAll('.article-list > li')[7].querySelectorAll('input')[1].value;", vec![])
            .await
            .unwrap();
        assert_eq!(outlet.as_str(), Some("The Courier"));
        screenshot(&client, "articles", Viewport::Laptop).await;
        client.refresh().await.unwrap();
        // The address keeps the open view, so the reload opens the Articles view again.
        wait_for(&client, "#panel-articles .article-list").await;
        let chips = client.find_all(Locator::Css(".chips > li")).await.unwrap().len();
        assert_eq!(chips, 8, "the added articles are still there after a reload");
    })
    .await;
}

/// Issue #17, item 7: a 5 MB file held the page's main thread for seconds.
/// Each file of 256 KB or more is now read in a worker of its own; only a
/// web page's parse (the browser's DOMParser, which a worker lacks) runs on
/// the page. (Smaller files are read on the page: a worker takes longer to start.)
#[tokio::test]
async fn picked_files_are_read_in_a_worker_and_only_a_page_is_parsed_here() {
    // About 300 KB each: numbered sentences (each file's its own, or they are the
    // same article), as lines, paragraphs and `<p>`s.
    let sentences = |kind: &str, open: &str, close: &str| -> String {
        (0..4_000)
            .map(|i| format!("{open}Sentence {i} of the {kind} report says the bridge vote went on for hours.{close}"))
            .collect()
    };
    let files = [
        fixture("worker-bridge.txt", sentences("plain", "", "\n").as_bytes()),
        fixture(
            "worker-bridge.md",
            sentences("marked", "", "\n\n").as_bytes(),
        ),
        fixture(
            "worker-bridge.html",
            format!(
                "<html><body><article>{}</article></body></html>",
                sentences("saved", "<p>", "</p>")
            )
            .as_bytes(),
        ),
    ];
    with_browser(Setup::default(), |client| async move {
        open_articles(&client).await;
        client
            .execute(
                "window.__workers = 0; window.__parsed = 0;\
                 const post = Worker.prototype.postMessage;\
                 Worker.prototype.postMessage = function (job) {\
                   if (job && job.request && job.request[0] === 1) window.__workers += 1;\
                   return post.apply(this, arguments);\
                 };\
                 const tree = window.crosscheckTree;\
                 window.crosscheckTree = function (html) { window.__parsed += 1; return tree(html); };",
                vec![],
            )
            .await
            .unwrap();
        let paths: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
        let input = client.find(Locator::Id("add-files")).await.unwrap();
        input.send_keys(&paths.join("\n")).await.unwrap();
        message_containing(&client, "Added 3 articles").await;
        wait_for_count(&client, 8).await;
        let counts = client
            .execute("return [window.__workers, window.__parsed];", vec![])
            .await
            .unwrap();
        // (A job's first byte is its kind: 1 reads a file; the comparison's worker posts 0.)
        assert_eq!(counts, serde_json::json!([3, 1]), "a worker per file; one page parsed here");
    })
    .await;
}

#[tokio::test]
async fn a_picked_page_reads_as_natively_and_nothing_in_it_runs_or_loads() {
    let path = fixture("ferry.html", ferry_page().as_bytes());
    let native = import_file("ferry.html", ferry_page().as_bytes(), &Config::default()).unwrap();
    with_browser(Setup::default(), |client| async move {
        open_articles(&client).await;
        client
            .find(Locator::Id("add-files"))
            .await
            .unwrap()
            .send_keys(&path.display().to_string())
            .await
            .unwrap();
        message_containing(&client, "Added 1 article").await;
        wait_for_count(&client, 6).await;
        // The article as the page stored it (it saves after every change).
        let find = "const session = JSON.parse(localStorage.getItem('crosscheck.session') || '{}');
                    return (session.articles || []).find(a => a.id === 'ferry') || null;";
        wait_until_true(&client, &format!("return (() => {{ {find} }})() !== null;")).await;
        let stored = client.execute(find, vec![]).await.unwrap();
        assert_eq!(
            stored["text"].as_str(),
            Some(FERRY_TEXT),
            "the DOMParser path reads what html5ever reads"
        );
        let source = &native.source;
        for (field, value) in [
            ("title", &source.title),
            ("outlet", &source.outlet),
            ("date", &source.date),
            ("url", &native.url),
        ] {
            assert_eq!(stored[field].as_str(), value.as_deref(), "{field}");
        }
        assert_eq!(
            client.title().await.unwrap(),
            "Crosscheck",
            "no script from the page ran"
        );
        let ran = client
            .execute("return window.crosscheckScriptRan === undefined;", vec![])
            .await
            .unwrap();
        assert_eq!(
            ran.as_bool(),
            Some(true),
            "no script or handler from the page ran"
        );
        assert_eq!(
            support::requests(&client).await,
            Vec::<String>::new(),
            "nothing the page names was loaded"
        );
    })
    .await;
}

#[tokio::test]
async fn dropped_html_is_never_executed() {
    with_browser(Setup::default(), |client| async move {
        open_articles(&client).await;
        client
            .execute(
                "const html = arguments[0];
                 const transfer = new DataTransfer();
                 transfer.items.add(new File([html], 'dropped.html', { type: 'text/html' }));
                 document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));",
                vec![serde_json::Value::String(STORY_HTML.to_owned())],
            )
            .await
            .unwrap();
        message_containing(&client, "Added 1 article").await;
        wait_for_count(&client, 6).await;
        assert_eq!(client.title().await.unwrap(), "Crosscheck");
        let injected = client.execute("return document.querySelectorAll('#cookie-banner, nav a[href=\"/news\"], img[src=\"x\"]').length;", vec![]).await.unwrap();
        assert_eq!(injected.as_i64(), Some(0), "nothing of the dropped page is inserted as HTML");
    })
    .await;
}

#[tokio::test]
async fn a_pasted_article_is_added_with_its_details() {
    with_browser(Setup::default(), |client| async move {
        open_articles(&client).await;
        click(&client, "details.paste summary").await;
        type_into(&client, "#paste-text", STORY_TXT).await;
        type_into(&client, "#paste-outlet", "The Gazette").await;
        type_into(&client, "#paste-url", "https://example.org/bridge").await;
        // A half-typed article survives a reload.
        client.refresh().await.unwrap();
        wait_for(&client, "#tab-articles")
            .await
            .click()
            .await
            .unwrap();
        let restored = wait_for(&client, "details.paste[open] #paste-outlet").await;
        assert_eq!(
            restored.prop("value").await.unwrap().as_deref(),
            Some("The Gazette")
        );
        click(&client, ".paste-form button[type=submit]").await;
        message_containing(&client, "Added 1 article").await;
        wait_for_count(&client, 6).await;
        let link = wait_for(&client, ".article-list > li:nth-child(6) a.article-link").await;
        assert_eq!(
            link.attr("href").await.unwrap().as_deref(),
            Some("https://example.org/bridge")
        );
        assert_eq!(
            support::requests(&client).await,
            Vec::<String>::new(),
            "the link was not fetched"
        );
        // The same article again is detected.
        wait_for(&client, "#paste-text")
            .await
            .send_keys(STORY_TXT)
            .await
            .unwrap();
        click(&client, ".paste-form button[type=submit]").await;
        message_containing(&client, "already in the set").await;
        assert_eq!(article_count(&client).await, 6);
    })
    .await;
}

#[tokio::test]
async fn the_paste_form_clears_after_every_article_and_one_notice_says_so() {
    // Issue #18, item 8: after the second pasted article the text, outlet and
    // date stayed in the form, and "Added…" notices stacked up.
    with_browser(Setup::default(), |client| async move {
        open_articles(&client).await;
        click(&client, "details.paste summary").await;
        for (n, outlet) in ["The Gazette", "The Courier", "The Herald"]
            .iter()
            .enumerate()
        {
            let text = STORY_TXT.replace("7 to 2", &format!("{} to 1", n + 5));
            let text = text.replace("river", &format!("river number {n}"));
            type_into(&client, "#paste-text", &text).await;
            type_into(&client, "#paste-outlet", outlet).await;
            type_into(&client, "#paste-date", "2025-03-18").await;
            click(&client, ".paste-form button[type=submit]").await;
            wait_for_count(&client, 6 + n).await;
            for field in ["#paste-text", "#paste-outlet", "#paste-date"] {
                let value = wait_for(&client, field).await.prop("value").await.unwrap();
                assert_eq!(
                    value.as_deref(),
                    Some(""),
                    "{field} after article {}",
                    n + 1
                );
            }
        }
        let notices = support::texts(&client, ".message").await;
        assert_eq!(
            notices.iter().filter(|t| t.contains("Added")).count(),
            1,
            "{notices:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn bad_files_get_clear_messages_and_lose_nothing() {
    let mut latin1 =
        b"Caf\xe9 owners in Li\xe8ge said prices rose by 5 percent on Monday, the union said.\n"
            .to_vec();
    latin1.extend_from_slice(b"The strike will last two days.\n");
    let files = [
        fixture("empty.txt", b""),
        fixture("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        fixture("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        fixture("latin1.txt", &latin1),
    ];
    with_browser(Setup::default(), |client| async move {
        open_articles(&client).await;
        let paths: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
        client
            .find(Locator::Id("add-files"))
            .await
            .unwrap()
            .send_keys(&paths.join("\n"))
            .await
            .unwrap();
        message_containing(&client, "Added 1 article").await;
        message_containing(
            &client,
            "PDF isn't supported yet; copy its text and paste it",
        )
        .await;
        message_containing(&client, "empty.txt").await;
        message_containing(&client, "photo.png").await;
        message_containing(&client, "Windows-1252").await;
        wait_for_count(&client, 6).await;
        screenshot(&client, "articles-errors", Viewport::Laptop).await;
    })
    .await;
}

#[tokio::test]
async fn a_broken_session_file_is_refused_and_the_work_kept() {
    let broken = fixture(
        "broken-session.json",
        b"{\"schema\": \"crosscheck-session/1\", \"articles\": [",
    );
    let foreign = fixture(
        "package.json",
        b"{\"name\": \"left-pad\", \"version\": \"1.0.0\"}",
    );
    with_browser(Setup::default(), |client| async move {
        open_articles(&client).await;
        let open = client.find(Locator::Id("open-session")).await.unwrap();
        open.send_keys(&broken.display().to_string()).await.unwrap();
        let text = message_containing(&client, "broken-session.json could not be opened").await;
        assert!(text.contains("unchanged"), "{text}");
        let open = client.find(Locator::Id("open-session")).await.unwrap();
        open.send_keys(&foreign.display().to_string())
            .await
            .unwrap();
        message_containing(&client, "package.json could not be opened").await;
        assert_eq!(article_count(&client).await, 5);
    })
    .await;
}

#[tokio::test]
async fn start_over_asks_first_and_the_samples_come_back() {
    with_browser(Setup::default(), |client| async move {
        open_articles(&client).await;
        let start_over = "//button[normalize-space()='Start over']";
        client
            .find(Locator::XPath(start_over))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        client.dismiss_alert().await.unwrap();
        assert_eq!(
            article_count(&client).await,
            5,
            "cancelling keeps everything"
        );
        client
            .find(Locator::XPath(start_over))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        client.accept_alert().await.unwrap();
        wait_for(&client, "main > p.notice").await;
        assert_eq!(article_count(&client).await, 0);
        screenshot(&client, "articles-empty", Viewport::Laptop).await;
        client
            .find(Locator::XPath(
                "//button[normalize-space()='Restore the sample set']",
            ))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_for_count(&client, 5).await;
        wait_for(&client, "#tab-grid").await.click().await.unwrap();
        wait_for(&client, "table.aligned tbody tr.group").await;
    })
    .await;
}

#[tokio::test]
async fn the_articles_view_fits_a_phone() {
    let setup = Setup {
        viewport: Viewport::Phone,
        ..Setup::default()
    };
    with_browser(setup, |client| async move {
        open_articles(&client).await;
        let overflow = client
            .execute(
                "return document.documentElement.scrollWidth - window.innerWidth;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(overflow.as_i64(), Some(0));
        screenshot(&client, "articles", Viewport::Phone).await;
    })
    .await;
}

#[tokio::test]
async fn a_session_too_large_for_local_storage_is_kept_in_indexed_db() {
    with_browser(Setup::default(), |client| async move {
        open_articles(&client).await;
        // Fill localStorage to its quota, so the next save cannot fit there.
        client
            .execute(
                "let n = 0;
                 for (const size of [1 << 20, 1 << 14, 1 << 8, 1]) {
                   const chunk = 'x'.repeat(size);
                   try { for (;;) localStorage.setItem('filler' + n++, chunk); } catch (e) {}
                 }",
                vec![],
            )
            .await
            .unwrap();
        click(&client, "details.paste summary").await;
        type_into(&client, "#paste-text", STORY_TXT).await;
        click(&client, ".paste-form button[type=submit]").await;
        message_containing(&client, "Added 1 article").await;
        wait_for_count(&client, 6).await;
        support::wait_until_true(
            &client,
            "return (localStorage.getItem('crosscheck.session') || '').includes('indexeddb');",
        )
        .await;
        client.refresh().await.unwrap();
        wait_for(&client, "#panel-articles .article-list").await;
        let chips = client
            .find_all(Locator::Css(".chips > li"))
            .await
            .unwrap()
            .len();
        assert_eq!(
            chips, 6,
            "the article added while localStorage was full survives a reload"
        );
        let warnings = client
            .find_all(Locator::Css(".message.warning"))
            .await
            .unwrap()
            .len();
        assert_eq!(
            warnings, 0,
            "no storage warning: IndexedDB took the session"
        );
    })
    .await;
}

/// The built page with `sources` as its set; returns its file:// URL with `fragment`.
fn page_with(name: &str, sources: &[crosscheck_engine::Source], fragment: &str) -> String {
    let page = std::fs::read_to_string(support::env().page).expect("the built page");
    let set = serde_json::to_string(sources)
        .unwrap()
        .replace('<', "\\u003c");
    let open = "<script type=\"application/json\" id=\"crosscheck-seeds\">";
    let start = page.find(open).expect("the page's set") + open.len();
    let end = start + page[start..].find("</script>").unwrap();
    let path = fixture(
        name,
        format!("{}{set}{}", &page[..start], &page[end..]).as_bytes(),
    );
    format!("{}#{fragment}", support::file_url(&path))
}

#[tokio::test]
async fn sentences_past_the_limits_are_said_on_the_overview_and_never_counted_as_only_here() {
    let seeds = crosscheck_engine::seeds::bundled();
    let mut long = seeds[3].clone();
    // About 30,000 words: past the 20,000 compared per source.
    long.text = long
        .text
        .repeat(30_000 / long.text.split_whitespace().count() + 1);
    let url = page_with(
        "past-the-limits.html",
        &[seeds[0].clone(), long],
        "overview",
    );
    for viewport in [Viewport::Laptop, Viewport::Phone] {
        with_browser(Setup { viewport, ..Setup::default() }, |client| {
            let url = url.clone();
            async move {
                client.goto(&url).await.unwrap();
                let card = wait_for(&client, ".figure-card:nth-child(2) .card-notice").await.text().await.unwrap();
                assert!(card.contains("too long to compare in full"), "{card}");
                let summary = wait_for(&client, ".report-notices").await.text().await.unwrap();
                assert!(summary.contains("never counted as only in one source"), "{summary}");
                let figures = |n: usize| format!(
                    "return [...document.querySelectorAll('.figure-card:nth-child(2) dd')].map(d => d.textContent)[{n}];"
                );
                let compared: usize = client.execute(&figures(0), vec![]).await.unwrap().as_str().unwrap().parse().unwrap();
                let not_compared: usize = client.execute(&figures(1), vec![]).await.unwrap().as_str().unwrap().parse().unwrap();
                let only_here: usize = client.execute(&figures(3), vec![]).await.unwrap().as_str().unwrap().parse().unwrap();
                assert!(not_compared > 0 && only_here <= compared, "{compared} compared, {not_compared} not, {only_here} only here");
                screenshot(&client, "overview-not-compared", viewport).await;
                click(&client, "#tab-grid").await;
                wait_for(&client, "td.not-compared").await;
                assert!(support::console_errors(&client).await.is_empty());
            }
        })
        .await;
    }
}

/// Runs `script` in the page with a `done` callback (IndexedDB is asynchronous).
async fn run_async(client: &Client, script: &str) -> serde_json::Value {
    let script = format!("const done = arguments[arguments.length - 1];\n{script}");
    client.execute_async(&script, vec![]).await.unwrap()
}

/// Sets localStorage keys (value `None` removes the key) and reloads the page.
async fn reload_with(client: &Client, items: &[(&str, Option<&str>)]) {
    for (key, value) in items {
        client
            .execute(
                "const [key, value] = arguments;
                 if (value === null) localStorage.removeItem(key); else localStorage.setItem(key, value);",
                vec![serde_json::json!(key), serde_json::json!(value)],
            )
            .await
            .unwrap();
    }
    client.refresh().await.unwrap();
    wait_for(client, "#tab-articles").await;
}

async fn local_item(client: &Client, key: &str) -> Option<String> {
    client
        .execute(
            "return localStorage.getItem(arguments[0]);",
            vec![serde_json::json!(key)],
        )
        .await
        .unwrap()
        .as_str()
        .map(str::to_owned)
}

#[tokio::test]
async fn an_unreadable_saved_session_is_kept_aside_and_a_second_never_overwrites_the_first() {
    // Issue #17, items 1 and 2.
    with_browser(Setup::default(), |client| async move {
        open_articles(&client).await;
        let first = "{\"schema\": \"crosscheck-session/1\", oops";
        reload_with(&client, &[("crosscheck.session", Some(first))]).await;
        let text = message_containing(&client, "A copy of what was saved is kept in").await;
        assert!(
            text.contains("this browser's local storage under \"crosscheck.session.unreadable\"."),
            "{text}"
        );
        reload_with(&client, &[("crosscheck.session", Some("second {"))]).await;
        let text = message_containing(&client, "crosscheck.session.unreadable-2").await;
        assert!(text.contains("The sample set is shown instead."), "{text}");
        assert_eq!(
            local_item(&client, "crosscheck.session.unreadable")
                .await
                .as_deref(),
            Some(first),
            "the first copy is still there"
        );
        assert_eq!(
            local_item(&client, "crosscheck.session.unreadable-2")
                .await
                .as_deref(),
            Some("second {")
        );
        screenshot(&client, "unreadable-session", Viewport::Laptop).await;
    })
    .await;
}

#[tokio::test]
async fn an_unreadable_session_with_no_room_for_a_copy_is_not_saved_over_until_downloaded() {
    // Issue #17, item 1: the copy aside failed on the quota, the sample set
    // was saved over the original, and the message claimed the copy existed.
    support::forget_download("crosscheck-saved-session.json");
    with_browser(Setup::default(), |client| async move {
        open_articles(&client).await;
        // A database of a later version: the page's IndexedDB cannot be opened.
        run_async(
            &client,
            "const open = indexedDB.open('crosscheck', 9);
             open.onupgradeneeded = () => open.result.createObjectStore('sessions');
             open.onsuccess = () => { open.result.close(); done(true); };
             open.onerror = () => done(false);",
        )
        .await;
        let broken = "broken {";
        client
            .execute(
                "localStorage.setItem('crosscheck.session', arguments[0]);
                 let n = 0;
                 for (const size of [1 << 20, 1 << 14, 1 << 8, 1]) {
                   const chunk = 'x'.repeat(size);
                   try { for (;;) localStorage.setItem('filler' + n++, chunk); } catch (e) {}
                 }",
                vec![serde_json::json!(broken)],
            )
            .await
            .unwrap();
        client.refresh().await.unwrap();
        let text = message_containing(&client, "saves nothing over it until you download it").await;
        assert!(!text.contains("is kept in"), "no copy is claimed: {text}");
        // Room again; a change is not saved over the unreadable session.
        client
            .execute(
                "for (const key of Object.keys(localStorage)) if (key.startsWith('filler')) localStorage.removeItem(key);",
                vec![],
            )
            .await
            .unwrap();
        wait_for(&client, "#tab-articles").await.click().await.unwrap();
        click(&client, "details.paste summary").await;
        type_into(&client, "#paste-text", STORY_TXT).await;
        click(&client, ".paste-form button[type=submit]").await;
        message_containing(&client, "Your changes are not saved in this browser yet").await;
        assert_eq!(local_item(&client, "crosscheck.session").await.as_deref(), Some(broken));
        screenshot(&client, "unreadable-session-held", Viewport::Laptop).await;
        // Downloaded: the page saves again.
        click(&client, ".message-action").await;
        let copy = support::wait_for_download("crosscheck-saved-session.json").await;
        assert_eq!(copy, broken.as_bytes());
        click(&client, ".article-list > li:first-child button.danger").await;
        wait_until_true(
            &client,
            "return (localStorage.getItem('crosscheck.session') || '').includes('crosscheck-session/1');",
        )
        .await;
    })
    .await;
}

#[tokio::test]
async fn indexed_db_problems_are_said_and_what_was_there_is_kept() {
    // Issue #17, item 4: a marker without its database, or a value of the
    // wrong type, silently showed the samples.
    let marker = "{\"crosscheck-session-in\": \"indexeddb\"}";
    with_browser(Setup::default(), |client| async move {
        open_articles(&client).await;
        reload_with(&client, &[("crosscheck.session", Some(marker))]).await;
        let text = message_containing(&client, "but the database no longer holds it").await;
        assert!(
            text.contains("Your saved work was in this browser's IndexedDB (database \"crosscheck\", store \"sessions\", key \"current\")"),
            "{text}"
        );
        let stored = run_async(
            &client,
            "const open = indexedDB.open('crosscheck', 1);
             open.onupgradeneeded = () => open.result.createObjectStore('sessions');
             open.onsuccess = () => {
               const tx = open.result.transaction('sessions', 'readwrite');
               tx.objectStore('sessions').put(42, 'current');
               tx.oncomplete = () => { open.result.close(); done(true); };
             };",
        )
        .await;
        assert_eq!(stored, serde_json::json!(true));
        reload_with(&client, &[("crosscheck.session", Some(marker))]).await;
        let text = message_containing(&client, "what the database holds there is not a saved session").await;
        assert!(
            text.contains("What it held is kept in this browser's IndexedDB (database \"crosscheck\", store \"sessions\", key \"unreadable\")"),
            "{text}"
        );
        let kept = run_async(
            &client,
            "const open = indexedDB.open('crosscheck', 1);
             open.onsuccess = () => {
               const get = open.result.transaction('sessions').objectStore('sessions').get('unreadable');
               get.onsuccess = () => { open.result.close(); done(get.result); };
             };",
        )
        .await;
        assert_eq!(kept, serde_json::json!(42));
        // A session in IndexedDB that cannot be read: its copy is kept there
        // too, under a key of its own, and the message names that place (it
        // named a localStorage key that did not exist).
        run_async(
            &client,
            "const open = indexedDB.open('crosscheck', 1);
             open.onsuccess = () => {
               const tx = open.result.transaction('sessions', 'readwrite');
               tx.objectStore('sessions').put('{\"schema\": \"crosscheck-session/1\", \"articles\": [', 'current');
               tx.oncomplete = () => { open.result.close(); done(true); };
             };",
        )
        .await;
        reload_with(&client, &[("crosscheck.session", Some(marker))]).await;
        let text = message_containing(&client, "A copy of what was saved is kept in").await;
        assert!(
            text.contains("this browser's IndexedDB (database \"crosscheck\", store \"sessions\", key \"unreadable-2\")"),
            "{text}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_cut_off_session_draft_and_answers_are_said_and_kept_at_start_up() {
    // Issue #17, items 4 and 5: a session cut at 97% gave back nothing, and a
    // cut-off draft or answers were dropped without a word.
    let sources = crosscheck_engine::seeds::bundled();
    let session = crosscheck_import::Session::new(
        sources
            .into_iter()
            .map(|source| crosscheck_import::Article { source, url: None })
            .collect(),
        crosscheck_import::Settings::default(),
    );
    let json = crosscheck_import::to_json(&session);
    let mut end = json.len() * 97 / 100;
    while !json.is_char_boundary(end) {
        end -= 1;
    }
    let cut = json[..end].to_owned();
    let draft = "{\"text\":\"Half-typed article about the ceasefire";
    let answers = "{\"name\":\"Sam\",\"texts\":[\"The Kremlin";
    for viewport in [Viewport::Laptop, Viewport::Phone] {
        let cut = cut.clone();
        with_browser(
            Setup {
                viewport,
                ..Setup::default()
            },
            |client| async move {
                open_articles(&client).await;
                reload_with(
                    &client,
                    &[
                        ("crosscheck.session", Some(&cut)),
                        ("crosscheck.paste-draft", Some(draft)),
                        ("crosscheck.answers", Some(answers)),
                    ],
                )
                .await;
                message_containing(&client, "only its first 4 articles are complete").await;
                message_containing(
                    &client,
                    "The article you were pasting was not saved in full",
                )
                .await;
                message_containing(&client, "Your saved answers could not be read back").await;
                wait_for(&client, "#tab-articles")
                    .await
                    .click()
                    .await
                    .unwrap();
                wait_for_count(&client, 4).await;
                let typed = wait_for(&client, "#paste-text")
                    .await
                    .prop("value")
                    .await
                    .unwrap()
                    .unwrap_or_default();
                assert_eq!(typed, "Half-typed article about the ceasefire");
                assert_eq!(
                    local_item(&client, "crosscheck.paste-draft.unreadable")
                        .await
                        .as_deref(),
                    Some(draft)
                );
                assert_eq!(
                    local_item(&client, "crosscheck.answers.unreadable")
                        .await
                        .as_deref(),
                    Some(answers)
                );
                assert!(
                    local_item(&client, "crosscheck.session.unreadable")
                        .await
                        .is_some(),
                    "the cut-off session is kept aside too"
                );
                screenshot(&client, "cut-off-session", viewport).await;
            },
        )
        .await;
    }
}

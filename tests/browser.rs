//! End-to-end tests: the built single-file page opened from disk in headless Chromium.
//!
//! Run by `cargo xtask test` after `cargo xtask dist`; screenshots land in
//! `target/screenshots/`.

mod support;

use fantoccini::Locator;
use support::{Scheme, Scripts, Setup, Viewport, screenshot, texts, wait_for, with_browser};

const SEED_HEADLINES: [&str; 5] = [
    "“President Trump will hold a second phone conversation with Russian President Vladimir…”",
    "“President Donald Trump is to hold talks on Tuesday with Russian President…”",
    "“U.S. President Donald Trump has confirmed that he will speak with Russian…”",
    "“President Donald Trump spoke by phone on Wednesday to Russian President Vladimir…”",
    "Trump, Putin hold talks on Ukraine ceasefire",
];

/// Waits until the aligned grid has rendered its rows.
async fn open_grid(client: &fantoccini::Client) {
    client.goto(&support::page_url()).await.unwrap();
    wait_for(client, "table.aligned tbody tr.group").await;
}

/// Opens the Articles tab and waits for the five cards.
async fn open_articles(client: &fantoccini::Client) {
    open_grid(client).await;
    client
        .find(Locator::Id("tab-articles"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(client, ".source-list > li:nth-child(5) .source-card").await;
}

#[tokio::test]
async fn seed_articles_open_from_disk() {
    with_browser(Setup::default(), |client| async move {
        open_grid(&client).await;
        let columns = texts(&client, "table.aligned thead th.source-col .name-title").await;
        assert_eq!(columns, SEED_HEADLINES);
        assert!(
            client.find(Locator::Id("loading")).await.is_err(),
            "loading message is gone"
        );
        assert_eq!(support::console_errors(&client).await, Vec::<String>::new());
        assert_eq!(
            support::requests(&client).await,
            Vec::<String>::new(),
            "the page loads nothing"
        );
        screenshot(&client, "aligned", Viewport::Laptop).await;
    })
    .await;
}

#[tokio::test]
async fn the_articles_tab_lists_the_five_seed_articles() {
    with_browser(Setup::default(), |client| async move {
        open_articles(&client).await;
        let cards = texts(&client, ".source-card .source-title").await;
        let headlines: Vec<String> = cards
            .iter()
            .map(|t| {
                t.trim_start_matches("No headline; opening words:")
                    .trim()
                    .to_owned()
            })
            .collect();
        assert_eq!(headlines, SEED_HEADLINES);
        let outlets = texts(&client, ".source-card .outlet").await;
        assert_eq!(outlets[0], "The Washington Times (Associated Press)");
        assert_eq!(outlets[1], "unnamed source");
        assert_eq!(outlets[3], "The Washington Post");
        let words = texts(&client, ".source-card .words").await;
        assert!(words.iter().all(|w| w.ends_with(" words")), "{words:?}");
        screenshot(&client, "cards", Viewport::Laptop).await;
    })
    .await;
}

#[tokio::test]
async fn views_fit_a_phone_screen() {
    let setup = Setup {
        viewport: Viewport::Phone,
        ..Setup::default()
    };
    with_browser(setup, |client| async move {
        open_grid(&client).await;
        let overflow = "return document.documentElement.scrollWidth - window.innerWidth;";
        assert_eq!(
            client.execute(overflow, vec![]).await.unwrap().as_i64(),
            Some(0),
            "no sideways scrolling at 390 px"
        );
        screenshot(&client, "aligned", Viewport::Phone).await;
        client
            .find(Locator::Id("tab-articles"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_for(&client, ".source-list > li:nth-child(5) .source-card").await;
        assert_eq!(
            client.execute(overflow, vec![]).await.unwrap().as_i64(),
            Some(0)
        );
        screenshot(&client, "cards", Viewport::Phone).await;
    })
    .await;
}

#[tokio::test]
async fn the_weekday_divergence_is_marked_in_one_row() {
    with_browser(Setup::default(), |client| async move {
        open_grid(&client).await;
        let row = client
            .find(Locator::XPath(
                "//tr[contains(@class,'group')][.//mark[contains(.,'Wednesday')]][.//mark[contains(.,'Tuesday')]]",
            ))
            .await
            .expect("a row marks Wednesday and Tuesday as differing");
        assert!(row.attr("class").await.unwrap().unwrap_or_default().contains("diverge"));
        let heading = row.find(Locator::Css("th")).await.unwrap().text().await.unwrap();
        assert!(heading.contains("a date or day"), "{heading}");
        let mark = row
            .find(Locator::XPath(".//mark[contains(.,'Wednesday')]"))
            .await
            .unwrap();
        let title = mark.attr("title").await.unwrap().unwrap_or_default();
        assert!(
            ["differs from the reference", "another source words this differently"].contains(&title.as_str()),
            "the mark explains itself on hover: {title:?}"
        );
        let missing = texts(&client, "tr.group td.missing").await;
        assert!(missing.iter().all(|t| t == "not reported"));
        assert!(!missing.is_empty());
    })
    .await;
}

#[tokio::test]
async fn an_article_reads_in_full() {
    with_browser(Setup::default(), |client| async move {
        open_articles(&client).await;
        let summary = wait_for(&client, ".source-list > li:nth-child(4) summary").await;
        summary.click().await.unwrap();
        let last = wait_for(
            &client,
            ".source-list > li:nth-child(4) .article-text p:last-child",
        )
        .await;
        assert!(last.is_displayed().await.unwrap());
        assert_eq!(last.text().await.unwrap(), "COMMENTS");
        screenshot(&client, "article-open", Viewport::Laptop).await;
    })
    .await;
}

#[tokio::test]
async fn dark_theme_follows_the_system() {
    let setup = Setup {
        scheme: Scheme::Dark,
        ..Setup::default()
    };
    with_browser(setup, |client| async move {
        client.goto(&support::page_url()).await.unwrap();
        wait_for(&client, "table.aligned tbody tr.group").await;
        let background = client
            .execute(
                "return getComputedStyle(document.body).backgroundColor;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(background.as_str(), Some("rgb(17, 17, 20)"));
        screenshot(&client, "aligned-dark", Viewport::Laptop).await;
    })
    .await;
}

#[tokio::test]
async fn without_javascript_the_page_says_so() {
    let setup = Setup {
        scripts: Scripts::Off,
        ..Setup::default()
    };
    with_browser(setup, |client| async move {
        client.goto(&support::page_url()).await.unwrap();
        let message = wait_for(&client, "noscript .boot-error h2, .boot-error h2").await;
        let visible = texts(&client, "body").await.join("\n");
        assert!(visible.contains("Crosscheck needs JavaScript"), "{visible}");
        drop(message);
    })
    .await;
}

#[tokio::test]
async fn a_damaged_page_explains_why_it_cannot_start() {
    let page = std::fs::read_to_string(support::env().page).unwrap();
    let start = page.find("atob(\"").expect("inlined wasm") + "atob(\"".len();
    // Overwrite the wasm magic number: the base64 stays valid, the module does not.
    let damaged = format!("{}AAAAAAAAAAAA{}", &page[..start], &page[start + 12..]);
    let path = support::env().screenshots.join("damaged.html");
    std::fs::write(&path, damaged).unwrap();
    with_browser(Setup::default(), |client| async move {
        client.goto(&support::file_url(&path)).await.unwrap();
        let alert = wait_for(&client, "#boot-error:not([hidden])").await;
        let text = alert.text().await.unwrap();
        assert!(text.contains("Crosscheck could not start"), "{text}");
        assert!(text.contains("could not start:"), "{text}");
        screenshot(&client, "boot-error", Viewport::Laptop).await;
    })
    .await;
}

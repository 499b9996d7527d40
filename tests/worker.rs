//! A large set in a real browser: compared in a Web Worker with a progress bar, the page responsive meanwhile, Cancel and Compare again, and the fallback when workers are forbidden.
//!
//! The page under test is the built page with the engine's synthetic set of
//! 100 articles of 1,000 words embedded as its set, plus an observer that
//! records the main thread's long tasks (over 50 ms) from the first script on.
//! The tests open it on the Help or Overview view: the aligned grid of 100
//! sources takes many seconds to draw, which is not what they measure.

mod support;

use crosscheck_engine::synthetic::{Spec, articles};
use fantoccini::{Client, Locator};
use serde_json::Value;
use support::{Setup, Viewport, click, screenshot, wait_for, with_browser};

/// Records long tasks in `window.longTasks` as [start, duration] pairs (milliseconds).
const OBSERVER: &str = "<script>window.longTasks = []; try { new PerformanceObserver(function (list) { list.getEntries().forEach(function (e) { window.longTasks.push([e.startTime, e.duration]); }); }).observe({ type: 'longtask' }); } catch (e) {}</script>";

/// Whether the page may start workers.
#[derive(Clone, Copy, PartialEq)]
enum Workers {
    Allowed,
    /// The page's Content-Security-Policy says `worker-src 'none'`.
    Forbidden,
}

/// The built page with `Spec::LARGE` as its set and the long-task observer; returns its file:// URL with `fragment`.
fn large_page(workers: Workers, fragment: &str) -> String {
    let page = std::fs::read_to_string(support::env().page).expect("the built page");
    let set = serde_json::to_string(&articles(&Spec::LARGE))
        .unwrap()
        .replace('<', "\\u003c");
    let open = "<script type=\"application/json\" id=\"crosscheck-seeds\">";
    let start = page.find(open).expect("the page's set") + open.len();
    let end = start + page[start..].find("</script>").unwrap();
    let mut page = format!("{}{set}{}", &page[..start], &page[end..]);
    page = page.replacen("<head>", &format!("<head>\n{OBSERVER}"), 1);
    if workers == Workers::Forbidden {
        page = page.replacen("worker-src blob:", "worker-src 'none'", 1);
    }
    let dir = support::env().screenshots.join("fixtures");
    std::fs::create_dir_all(&dir).unwrap();
    let name = match workers {
        Workers::Allowed => "large-set.html",
        Workers::Forbidden => "large-set-no-workers.html",
    };
    let path = dir.join(name);
    std::fs::write(&path, page).unwrap();
    format!("{}#{fragment}", support::file_url(&path))
}

async fn script(client: &Client, js: &str) -> Value {
    client.execute(js, vec![]).await.expect("script runs")
}

/// The page's clock, in milliseconds since it opened.
async fn now(client: &Client) -> f64 {
    script(client, "return performance.now();")
        .await
        .as_f64()
        .unwrap()
}

/// Waits until the progress bar is gone; returns the last time (page clock) it was seen and the values it showed.
async fn wait_for_the_end(client: &Client) -> (f64, Vec<i64>) {
    let mut seen = Vec::new();
    let mut last = 0.0;
    let poll = async {
        loop {
            let state = script(client, "const p = document.getElementById('analysis-progress'); return [p ? Number(p.value) : -1, performance.now()];").await;
            let value = state[0].as_i64().unwrap_or(-1);
            if value < 0 {
                return;
            }
            last = state[1].as_f64().unwrap_or(last);
            if seen.last() != Some(&value) {
                seen.push(value);
            }
        }
    };
    tokio::time::timeout(std::time::Duration::from_secs(60), poll)
        .await
        .expect("the comparison ends within a minute");
    (last, seen)
}

/// Waits until the comparison is matching sentences (from 25% on), for a telling screenshot.
async fn aligning(client: &Client) {
    support::wait_until_true(client, "const p = document.getElementById('analysis-progress'); return !p || Number(p.value) >= 25;").await;
}

/// Long tasks (start, duration) the page recorded.
async fn long_tasks(client: &Client) -> Vec<(f64, f64)> {
    let tasks = script(client, "return window.longTasks;").await;
    tasks
        .as_array()
        .into_iter()
        .flatten()
        .map(|t| (t[0].as_f64().unwrap_or(0.0), t[1].as_f64().unwrap_or(0.0)))
        .collect()
}

#[tokio::test]
async fn a_large_set_is_compared_in_a_worker_while_the_page_stays_responsive() {
    let page = large_page(Workers::Allowed, "help");
    with_browser(Setup::default(), |client| async move {
        client.goto(&page).await.unwrap();
        wait_for(&client, ".analysis-status progress#analysis-progress").await;
        let started = now(&client).await;
        aligning(&client).await;
        screenshot(&client, "worker-progress", Viewport::Laptop).await;
        let label = wait_for(&client, "label[for='analysis-progress']").await.text().await.unwrap();
        assert!(label.starts_with("Comparing 100 articles"), "{label}");
        // A click is handled while the worker compares: the Overview tab opens at once.
        click(&client, "#tab-overview").await;
        wait_for(&client, "#panel-overview .comparing").await;
        assert!(
            client.find(Locator::Css("#analysis-progress")).await.is_ok(),
            "the comparison was still running when the click was handled"
        );
        let (last_seen, values) = wait_for_the_end(&client).await;
        let ended = now(&client).await;
        assert!(values.windows(2).all(|w| w[0] <= w[1]), "progress only grows: {values:?}");
        wait_for(&client, "#panel-overview .figure-card").await;
        let tasks = long_tasks(&client).await;
        let during: Vec<_> = tasks
            .iter()
            .filter(|(start, _)| (started..last_seen).contains(start))
            .collect();
        println!(
            "bar seen from {started:.0} to {last_seen:.0} ms (gone by {ended:.0}); progress values {values:?}; long tasks {tasks:?}"
        );
        assert!(
            during.iter().all(|(_, duration)| *duration < 200.0),
            "no long task over 200 ms while the worker compares: {during:?}"
        );
        assert!(support::console_errors(&client).await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn cancel_stops_the_comparison_and_compare_again_finishes_it() {
    let page = large_page(Workers::Allowed, "overview");
    with_browser(Setup::default(), |client| async move {
        client.goto(&page).await.unwrap();
        click(&client, ".analysis-status button.cancel").await;
        let said = wait_for(&client, ".analysis-status.cancelled").await.text().await.unwrap();
        assert!(said.contains("Comparison cancelled"), "{said}");
        assert!(client.find(Locator::Css("#analysis-progress")).await.is_err());
        let placeholder = script(&client, "return document.querySelector('#panel-overview .comparing').textContent;").await;
        assert!(placeholder.as_str().unwrap_or_default().contains("when it is ready"), "{placeholder}");
        screenshot(&client, "worker-cancelled", Viewport::Laptop).await;
        let violations = support::axe_violations(&client).await;
        assert!(violations.is_empty(), "{violations:#?}");
        click(&client, ".analysis-status.cancelled button").await;
        wait_for(&client, "#analysis-progress").await;
        wait_for(&client, "#panel-overview .figure-card").await;
        assert!(client.find(Locator::Css(".analysis-status")).await.is_err(), "no status once done");
        // Leaving one article out compares again, and the status says the views
        // keep the previous comparison meanwhile (read on the light Help view:
        // redrawing the overview of 100 sources takes seconds, which the worker may not).
        click(&client, "#tab-help").await;
        click(&client, ".chip[data-source='3'] input[type=checkbox]").await;
        support::wait_until_true(&client, "const s = document.querySelector('.analysis-status'); return !!s && s.textContent.includes('before your last change');").await;
        wait_for_the_end(&client).await;
        click(&client, "#tab-overview").await;
        wait_for(&client, "#panel-overview .figure-card").await;
        let cards = client.find_all(Locator::Css("#panel-overview .figure-card")).await.unwrap().len();
        assert_eq!(cards, 99, "the new comparison leaves one article out");
        assert!(support::console_errors(&client).await.is_empty());
    })
    .await;
}

#[tokio::test]
async fn the_progress_bar_fits_a_phone() {
    let page = large_page(Workers::Allowed, "help");
    let setup = Setup {
        viewport: Viewport::Phone,
        ..Setup::default()
    };
    with_browser(setup, |client| async move {
        client.goto(&page).await.unwrap();
        aligning(&client).await;
        screenshot(&client, "worker-progress", Viewport::Phone).await;
        let fits = script(&client, "const s = document.querySelector('.analysis-status'); return !!s && s.scrollWidth <= document.documentElement.clientWidth;").await;
        assert_eq!(fits, Value::Bool(true), "the status fits the screen's width");
    })
    .await;
}

#[tokio::test]
async fn without_workers_the_page_compares_by_itself_and_says_so() {
    let page = large_page(Workers::Forbidden, "help");
    with_browser(Setup::default(), |client| async move {
        client.goto(&page).await.unwrap();
        let xpath =
            "//div[contains(@class,'message')][contains(., 'could not run in the background')]";
        client
            .wait()
            .at_most(support::WAIT)
            .for_element(Locator::XPath(xpath))
            .await
            .expect("the reader is told why the page may pause");
        assert!(
            client.find(Locator::Css(".analysis-status")).await.is_err(),
            "compared, not waiting"
        );
    })
    .await;
}

//! The classroom kit in a real browser: deep links, one-file exports, the printable worksheet, exercise mode, downloads.

mod support;

use fantoccini::{Client, Locator};
use support::{Setup, Viewport, click, screenshot, wait_for, with_browser};

async fn script(client: &Client, js: &str) -> serde_json::Value {
    client.execute(js, vec![]).await.expect("script runs")
}

async fn hash(client: &Client) -> String {
    script(client, "return location.hash;")
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn a_deep_link_opens_the_filtered_grid_and_the_address_follows_the_view() {
    with_browser(Setup::default(), |client| async move {
        let url = format!("{}#grid/diverge", support::page_url());
        client.goto(&url).await.unwrap();
        wait_for(&client, "table.aligned tbody tr.group").await;
        let all_diverge = script(&client, "return [...document.querySelectorAll('tr.group')].every(r => r.classList.contains('diverge'));").await;
        assert_eq!(all_diverge, serde_json::Value::Bool(true), "only rows whose details differ");
        let pressed = wait_for(&client, ".filters button[aria-pressed='true']").await.text().await.unwrap();
        assert!(pressed.contains("differ"), "the filter button shows it: {pressed}");
        click(&client, "#tab-facts").await;
        wait_for(&client, "#panel-facts").await;
        assert_eq!(hash(&client).await, "#facts");
        click(&client, "#tab-pair").await;
        wait_for(&client, "#panel-pair").await;
        assert_eq!(hash(&client).await, "#pair/A-B");
        script(&client, "location.hash = '#grid/left-out-by-B';").await;
        wait_for(&client, "#panel-grid").await;
        let left_out = script(&client, "return document.querySelector('.toolbar .select select').value;").await;
        assert_eq!(left_out, serde_json::json!("1"), "a typed fragment is followed: left out by B");
        screenshot(&client, "deep-link-grid", Viewport::Laptop).await;
        script(&client, "location.hash = '#grid/row-3';").await;
        support::wait_until_true(&client, "const r = document.activeElement && document.activeElement.closest('tr'); return !!r && r.dataset.group === '3';").await;
        assert_eq!(hash(&client).await, "#grid/row-3");
    })
    .await;
}

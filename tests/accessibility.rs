//! Accessibility audit: axe-core run in the built page for every view, light and dark.
//!
//! Fails on any serious or critical violation (contrast, names, roles, ARIA).

mod support;

use fantoccini::Client;
use support::{Scheme, Setup, axe_violations, click, wait_for, with_browser};

const VIEWS: [&str; 9] = [
    "grid", "overview", "reading", "pair", "facts", "class", "exercise", "articles", "help",
];

async fn audit_every_view(client: &Client) -> Vec<String> {
    client.goto(&support::page_url()).await.unwrap();
    wait_for(client, "table.aligned tbody tr.group").await;
    let mut found = Vec::new();
    for slug in VIEWS {
        wait_for(client, &format!("#tab-{slug}"))
            .await
            .click()
            .await
            .unwrap();
        wait_for(client, &format!("#panel-{slug}")).await;
        if slug == "reading" {
            wait_for(client, ".reading-text .sentence[role=button]")
                .await
                .click()
                .await
                .unwrap();
            wait_for(client, "aside.group-detail .detail-members").await;
        }
        if slug == "class" {
            // Questions make the Exercise tab appear; the answer key is the densest sheet.
            click(client, "#exercise-title ~ .tool-row button:first-child").await;
            wait_for(client, ".question-list li").await;
            click(client, ".worksheet-section .tool-row button:nth-child(2)").await;
            wait_for(client, ".sheet.key").await;
        }
        found.extend(
            axe_violations(client)
                .await
                .into_iter()
                .map(|v| format!("{slug}: {v}")),
        );
    }
    found
}

#[tokio::test]
async fn no_serious_violations_in_the_light_theme() {
    with_browser(Setup::default(), |client| async move {
        assert_eq!(audit_every_view(&client).await, Vec::<String>::new());
    })
    .await;
}

#[tokio::test]
async fn no_serious_violations_in_the_dark_theme() {
    let setup = Setup {
        scheme: Scheme::Dark,
        ..Setup::default()
    };
    with_browser(setup, |client| async move {
        assert_eq!(audit_every_view(&client).await, Vec::<String>::new());
    })
    .await;
}

//! Corrections to the pairing in a real browser (issue #16): a teacher fixes the seed set's wrong rows, reloads, saves the class page, opens it from disk and finds the corrected rows and key; the CLI makes the same report from the downloaded corrections.

mod support;

use fantoccini::{Client, Locator};
use support::{Setup, Viewport, click, screenshot, wait_for, wait_until_true, with_browser};

async fn script(client: &Client, js: &str) -> serde_json::Value {
    client.execute(js, vec![]).await.expect("script runs")
}

/// JS: the first grid row whose cells hold `words` (`row`), and `t(element)`,
/// an element's text as a reader sees it (without the words only a screen reader hears).
fn row_with(words: &str) -> String {
    format!(
        "const t = e => {{ const k = e.cloneNode(true); k.querySelectorAll('.visually-hidden').forEach(h => h.remove()); return k.textContent; }}; \
         const row = [...document.querySelectorAll('table.aligned tr.group')].find(r => [...r.querySelectorAll('td:not(.possibly)')].some(c => t(c).includes({words:?})));"
    )
}

/// Waits until the row holding `words` satisfies `test` (JS on `row`).
async fn wait_for_row(client: &Client, words: &str, test: &str) {
    wait_until_true(
        client,
        &format!("{} return !!row && ({test});", row_with(words)),
    )
    .await;
}

/// Opens the "Correct" menu of the row holding `words`, in the middle of the screen.
async fn open_menu(client: &Client, words: &str) {
    let opened = script(
        client,
        &format!(
            "{} if (!row) return false; row.scrollIntoView({{block: 'center'}}); const menu = row.querySelector('.fix'); if (!menu.open) menu.querySelector('summary').click(); return true;",
            row_with(words)
        ),
    )
    .await;
    assert_eq!(opened, serde_json::json!(true), "a row holds {words:?}");
    wait_for(client, "tr.group .fix[open] .fix-list").await;
}

/// Opens the "Correct" menu of the row holding `words` and presses the button labelled `label`.
async fn correct(client: &Client, words: &str, label: &str) {
    open_menu(client, words).await;
    let button = format!("tr.group .fix[open] button[aria-label=\"{label}\"]");
    click(client, &button).await;
}

const TUESDAY: &str = "I will be speaking to President Putin on Tuesday";
const SPEECH: &str = "Putin delivered a speech criticizing";
const CRITICISM: &str = "sparked criticism in Kyiv and across Europe";
const CONCERN: &str = "sparked concern among Ukrainian officials";
const CONCESSIONS: &str = "declarations offered major concessions to Putin";
const CRITICS: &str = "Critics accuse Mr. Trump of having already made";
const PESKOV_MESSAGES: &str = "Putin had conveyed messages to Trump through Witkoff";
const PESKOV_CONCLUDED: &str = "confirmed that the call had concluded";
const WEDNESDAY: &str = "spoke by phone on Wednesday to Russian";
const FIRST: &str = "will hold a second phone conversation";

/// The CLI built beside this test (`cargo test --workspace` builds it first).
fn cli() -> std::path::PathBuf {
    let exe = std::env::current_exe().expect("the test's path");
    let dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/debug");
    let cli = dir.join(format!("crosscheck{}", std::env::consts::EXE_SUFFIX));
    assert!(
        cli.exists(),
        "{} is missing: build it with `cargo build -p crosscheck-cli`",
        cli.display()
    );
    cli
}

/// Whether two reports are the same but for the last digits of their
/// fractions: the page's wasm and the native CLI compute the scores'
/// logarithms with different libraries, which differ there in an `f32`.
fn same_report(a: &serde_json::Value, b: &serde_json::Value) -> bool {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => (x - y).abs() <= 1e-5,
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_report(x, y))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_report(v, w)))
        }
        _ => a == b,
    }
}

#[tokio::test]
async fn a_teacher_corrects_the_seed_rows_and_the_class_page_and_cli_carry_them() {
    with_browser(Setup::default(), |client| async move {
        client.goto(&support::page_url()).await.unwrap();
        wait_for(&client, "table.aligned tbody tr.group").await;
        wait_for_row(&client, TUESDAY, &format!("t(row).includes({SPEECH:?})")).await;

        // 1. E's sentence about Putin's speech is not "speaking to Putin on Tuesday".
        open_menu(&client, TUESDAY).await;
        screenshot(&client, "corrections-menu", Viewport::Laptop).await;
        correct(&client, TUESDAY, "Take E's sentence out of this row").await;
        wait_for_row(
            &client,
            TUESDAY,
            &format!("!t(row).includes({SPEECH:?}) && !!row.querySelector('.by-hand')"),
        )
        .await;
        wait_for_row(&client, SPEECH, "!!row.querySelector('.by-hand')").await;

        // 2. E's possibly related sentence says what C's does: accept it into the row.
        correct(&client, CRITICISM, "Add E's possibly related sentence to this row").await;
        wait_for_row(&client, CRITICISM, &format!("t(row.querySelector('td[data-source-label=E]:not(.possibly)') || document.createElement('i')).includes({CONCERN:?})")).await;

        // 3. Join two rows by picking the second: D's "major concessions" and A's "Critics accuse".
        correct(&client, CONCESSIONS, "Join this row with another row").await;
        wait_for(&client, ".pick-banner").await;
        screenshot(&client, "corrections-pick", Viewport::Laptop).await;
        let joined = script(&client, &format!("{} if (!row) return false; row.querySelector('.pick-here').click(); return true;", row_with(CRITICS))).await;
        assert_eq!(joined, serde_json::json!(true));
        wait_for_row(&client, CRITICS, &format!("t(row).includes({CONCESSIONS:?})")).await;
        assert!(client.find(Locator::Css(".pick-banner")).await.is_err(), "picking ends with the join");

        // 4. Two Peskov statements are not the same information: the suggestion goes.
        correct(&client, PESKOV_MESSAGES, "E's possibly related sentence is not the same information").await;
        wait_for_row(&client, PESKOV_MESSAGES, &format!("!t(row).includes({PESKOV_CONCLUDED:?}) && !!row.querySelector('.by-hand')")).await;

        // 5. A row that is right is confirmed.
        correct(&client, FIRST, "Confirm this row as right").await;
        wait_for_row(&client, FIRST, "row.querySelector('.by-hand')?.textContent.includes('confirmed')").await;
        let line = wait_for(&client, ".corrections-line").await.text().await.unwrap();
        assert!(line.starts_with("5 corrections by hand"), "{line}");
        screenshot(&client, "corrections-grid", Viewport::Laptop).await;

        // Undo and Redo.
        click(&client, ".corrections-line button:nth-of-type(1)").await;
        wait_for_row(&client, FIRST, "!row.querySelector('.by-hand')").await;
        click(&client, ".corrections-line button:nth-of-type(2)").await;
        wait_for_row(&client, FIRST, "!!row.querySelector('.by-hand')").await;

        // Picking can be cancelled.
        correct(&client, WEDNESDAY, "Move D's sentence to another row").await;
        click(&client, ".pick-banner button").await;
        wait_until_true(&client, "return !document.querySelector('.pick-banner') && !!document.querySelector('.fix > summary');").await;

        // Kept with the work: a reload shows the same corrected rows.
        client.refresh().await.unwrap();
        wait_for(&client, "table.aligned tbody tr.group").await;
        wait_for_row(&client, TUESDAY, &format!("!t(row).includes({SPEECH:?}) && !!row.querySelector('.by-hand')")).await;
        let line = wait_for(&client, ".corrections-line").await.text().await.unwrap();
        assert!(line.starts_with("5 corrections by hand"), "kept after a reload: {line}");

        // The corrections file and the page's JSON report.
        click(&client, ".corrections-all > summary").await;
        support::forget_download("crosscheck-corrections.json");
        let download = Locator::XPath("//button[contains(., 'Download the corrections')]");
        client.find(download).await.unwrap().click().await.unwrap();
        let corrections = support::wait_for_download("crosscheck-corrections.json").await;
        let corrections_path = support::downloads_dir().join("crosscheck-corrections.json");
        assert!(String::from_utf8_lossy(&corrections).contains("crosscheck-corrections/1"));
        click(&client, "#tab-class").await;
        support::forget_download("crosscheck-report.json");
        let json = Locator::XPath("//button[contains(., 'Data (.json)')]");
        client.find(json).await.unwrap().click().await.unwrap();
        let page_report = support::wait_for_download("crosscheck-report.json").await;

        // The CLI makes the same report from the same corrections.
        let output = std::process::Command::new(cli())
            .args(["compare", "--format", "json", "--corrections"])
            .arg(&corrections_path)
            .output()
            .expect("the CLI runs");
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        let cli_report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("the CLI writes JSON");
        let page_report: serde_json::Value = serde_json::from_slice(&page_report).expect("the page writes JSON");
        assert!(
            same_report(&cli_report, &page_report),
            "the CLI's report with the page's corrections is the page's report"
        );

        // A question on the corrected row, then the page for the class.
        script(&client, "const s = document.querySelector('.add-question select'); s.value = '0'; s.dispatchEvent(new Event('change', {bubbles: true}));").await;
        let picked = script(&client, &format!(
            "const s = document.querySelectorAll('.add-question select')[1]; const o = [...s.options].find(o => o.textContent.includes({:?})); if (!o) return false; s.value = o.value; s.dispatchEvent(new Event('change', {{bubbles: true}})); return true;",
            "I will be speaking to President Putin"
        )).await;
        assert_eq!(picked, serde_json::json!(true), "the corrected row can be asked about");
        click(&client, ".add-question button[type='submit']").await;
        wait_for(&client, ".question-list li").await;
        let name = wait_for(&client, ".kit-section code.file-name").await.text().await.unwrap();
        support::forget_download(&name);
        click(&client, ".kit-section button.primary").await;
        let page = support::wait_for_download(&name).await;
        assert!(String::from_utf8_lossy(&page).contains("\"corrections\""), "the corrections are built into the page");

        client.goto(&support::file_url(&support::downloads_dir().join(&name))).await.unwrap();
        wait_for(&client, "#panel-exercise .question").await;
        click(&client, ".exercise-actions button.primary").await;
        client.accept_alert().await.unwrap();
        let key = wait_for(&client, ".answer-key").await.text().await.unwrap();
        assert!(key.contains("A and C report it"), "the key follows the corrected row: {key}");
        assert!(!key.contains(SPEECH), "E's speech is not in the key: {key}");
        screenshot(&client, "corrections-key", Viewport::Laptop).await;
        click(&client, "#tab-grid").await;
        wait_for_row(&client, TUESDAY, &format!("!t(row).includes({SPEECH:?}) && !!row.querySelector('.by-hand')")).await;
        // The reading view's opened row shows the mark and its own Correct menu.
        script(&client, "location.hash = '#reading/E';").await;
        wait_for(&client, ".reading-text").await;
        script(&client, &format!(
            "[...document.querySelectorAll('.reading-text .sentence[data-sentence]')].find(e => e.textContent.includes({SPEECH:?})).click();"
        )).await;
        wait_for(&client, ".group-detail p.by-hand").await;
        click(&client, ".group-detail .fix-detail > summary").await;
        script(&client, "document.querySelector('.group-detail .fix-detail').scrollIntoView({block: 'center'});").await;
        screenshot(&client, "corrections-reading", Viewport::Laptop).await;
        assert!(support::console_errors(&client).await.is_empty());
        assert!(support::requests(&client).await.is_empty(), "no network request");
    })
    .await;
}

#[tokio::test]
async fn the_reading_view_corrects_the_opened_row_and_a_broken_file_changes_nothing() {
    with_browser(Setup { viewport: Viewport::Phone, ..Setup::default() }, |client| async move {
        client.goto(&format!("{}#reading/E", support::page_url())).await.unwrap();
        wait_for(&client, ".reading-text").await;
        let clicked = script(&client, &format!(
            "const s = [...document.querySelectorAll('.reading-text .sentence[data-sentence]')].find(e => e.textContent.includes({SPEECH:?})); if (!s) return false; s.click(); return true;"
        )).await;
        assert_eq!(clicked, serde_json::json!(true), "E's speech sentence is in a row");
        click(&client, ".group-detail .fix-detail > summary").await;
        click(&client, ".group-detail button[aria-label=\"Take E's sentence out of this row\"]").await;
        wait_until_true(&client, "return !!document.querySelector('.corrections-line');").await;
        // The groups are numbered anew: the opened row closes, and the sentence opens its new row.
        assert!(client.find(Locator::Css(".group-detail .detail-members")).await.is_err());
        script(&client, &format!(
            "[...document.querySelectorAll('.reading-text .sentence[data-sentence]')].find(e => e.textContent.includes({SPEECH:?})).click();"
        )).await;
        let mark = wait_for(&client, ".group-detail p.by-hand").await.text().await.unwrap();
        assert_eq!(mark, "corrected by hand");
        click(&client, ".group-detail .fix-detail > summary").await;
        script(&client, "document.querySelector('.group-detail .fix-detail').scrollIntoView({block: 'end'});").await;
        screenshot(&client, "corrections-reading", Viewport::Phone).await;

        // A foreign file given as corrections: a clear message, and the correction stays.
        let broken = support::downloads_dir().join("not-corrections.json");
        std::fs::write(&broken, r#"{"schema": "crosscheck-corrections/1", "corrections": [{"kind": "swap"}]}"#).unwrap();
        click(&client, "#tab-articles").await;
        let input = wait_for(&client, "#open-session").await;
        input.send_keys(&broken.display().to_string()).await.unwrap();
        let message = wait_for(&client, ".messages .error").await.text().await.unwrap();
        assert!(message.contains("could not be used as corrections: correction 1 cannot be read"), "{message}");
        assert!(message.contains("Your corrections are unchanged"), "{message}");
        click(&client, "#tab-grid").await;
        let line = wait_for(&client, ".corrections-line").await.text().await.unwrap();
        assert!(line.starts_with("1 correction by hand"), "{line}");
        screenshot(&client, "corrections-grid", Viewport::Phone).await;
        open_menu(&client, TUESDAY).await;
        screenshot(&client, "corrections-menu", Viewport::Phone).await;
    })
    .await;
}

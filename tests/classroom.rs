//! The classroom kit in a real browser: deep links, one-file exports, the printable worksheet, exercise mode, downloads.

mod support;

use fantoccini::{Client, Locator};
use support::{Setup, Viewport, click, screenshot, texts, wait_for, with_browser};

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
        let url = format!("{}#grid/adds", support::page_url());
        client.goto(&url).await.unwrap();
        wait_for(&client, "table.aligned tbody tr.group").await;
        let all_adds = script(&client, "return [...document.querySelectorAll('tr.group')].every(r => r.classList.contains('adds'));").await;
        assert_eq!(all_adds, serde_json::Value::Bool(true), "only rows where a source adds details");
        let pressed = wait_for(&client, ".filters button[aria-pressed='true']").await.text().await.unwrap();
        assert!(pressed.contains("adds"), "the filter button shows it: {pressed}");
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

/// The article names in the source bar.
async fn source_names(client: &Client) -> Vec<String> {
    texts(client, ".source-bar .source-name").await
}

#[tokio::test]
async fn the_page_saved_for_the_class_opens_from_disk_with_the_same_articles() {
    with_browser(Setup::default(), |client| async move {
        client.goto(&support::page_url()).await.unwrap();
        wait_for(&client, "table.aligned tbody tr.group").await;
        // Make the set the teacher's own: drop the fifth article, leave the fourth out.
        click(&client, "#tab-articles").await;
        click(&client, "button[aria-label='Remove article 5']").await;
        client.wait().for_element(Locator::XPath("//h2[@id='your-articles'][contains(., '(4)')]")).await.unwrap();
        let checkbox = wait_for(&client, ".source-bar li:nth-child(4) input[type='checkbox']").await;
        checkbox.click().await.unwrap();
        let teacher = source_names(&client).await;
        click(&client, "#tab-class").await;
        // Issue #18, item 11: the page ships what the teacher chose, and says so.
        let hand_out = wait_for(&client, "#hand-out-title + p").await.text().await.unwrap();
        assert!(hand_out.contains("your 3 articles (the 1 switched off is left out)"), "{hand_out}");
        let name = wait_for(&client, ".kit-section code.file-name").await.text().await.unwrap();
        let name = name.as_str();
        assert!(name.starts_with("crosscheck-") && name.ends_with(".html"), "{name}");
        support::forget_download(name);
        click(&client, ".kit-section button.primary").await;
        let page = support::wait_for_download(name).await;
        screenshot(&client, "class-kit", Viewport::Laptop).await;
        assert!(String::from_utf8_lossy(&page).contains("crosscheck-session/1"));

        client.goto(&support::file_url(&support::downloads_dir().join(name))).await.unwrap();
        wait_for(&client, "table.aligned tbody tr.group").await;
        let shipped: Vec<String> = teacher[..3].to_vec();
        assert_eq!(source_names(&client).await, shipped, "the articles switched on, in the same order");
        let checked = script(&client, "return [...document.querySelectorAll('.source-bar input[type=checkbox]')].map(c => c.checked);").await;
        assert_eq!(checked, serde_json::json!([true, true, true]), "the one switched off is not shipped");
        assert!(support::console_errors(&client).await.is_empty());
    })
    .await;
}

/// The tab labels on show.
async fn tabs(client: &Client) -> Vec<String> {
    texts(client, ".tabs [role='tab']").await
}

#[tokio::test]
async fn a_class_page_with_questions_opens_on_the_exercise_and_reveals_the_key() {
    with_browser(Setup::default(), |client| async move {
        client.goto(&support::page_url()).await.unwrap();
        wait_for(&client, "table.aligned tbody tr.group").await;
        click(&client, "#tab-class").await;
        click(&client, "#exercise-title ~ .tool-row button:first-child").await;
        wait_for(&client, ".question-list li:nth-child(3)").await;
        let suggested = texts(&client, ".question-list .question-text").await;
        assert!(
            suggested
                .iter()
                .any(|q| q.starts_with("Which sources report")),
            "{suggested:?}"
        );
        screenshot(&client, "class-kit-exercise", Viewport::Laptop).await;
        // Issue #18, item 9: trying it as a student has a way back.
        client
            .find(Locator::XPath(
                "//button[normalize-space()='Try it as a student']",
            ))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_for(&client, "#panel-exercise .trying").await;
        assert_eq!(tabs(&client).await, ["Exercise", "Help"]);
        screenshot(&client, "exercise-trying", Viewport::Laptop).await;
        click(&client, "#panel-exercise .trying button").await;
        wait_for(&client, "#tab-class").await;
        click(&client, "#tab-class").await;
        let name = wait_for(&client, ".kit-section code.file-name")
            .await
            .text()
            .await
            .unwrap();
        support::forget_download(&name);
        click(&client, ".kit-section button.primary").await;
        support::wait_for_download(&name).await;

        // A copy of its own: other tests save class pages under the same name,
        // and this one reloads its page.
        let own = support::downloads_dir().join("class-page-with-questions.html");
        std::fs::copy(support::downloads_dir().join(&name), &own).unwrap();
        client.goto(&support::file_url(&own)).await.unwrap();
        wait_for(&client, "#panel-exercise .question").await;
        assert_eq!(
            tabs(&client).await,
            ["Exercise", "Help"],
            "only the exercise until the reveal"
        );
        assert!(
            client.find(Locator::Css(".add-button")).await.is_err(),
            "no way into the articles view during the exercise"
        );
        assert!(
            client
                .find(Locator::Css("mark.key-sentence, .m-conflict, .m-added"))
                .await
                .is_err(),
            "no highlights give an answer away"
        );
        let prompts = texts(&client, ".question .prompt").await;
        assert_eq!(prompts, suggested, "the same questions, in the same order");
        wait_for(&client, "#answer-0")
            .await
            .send_keys("Source D says Wednesday")
            .await
            .unwrap();
        wait_for(&client, ".student-name input")
            .await
            .send_keys("Ana")
            .await
            .unwrap();
        screenshot(&client, "exercise", Viewport::Laptop).await;
        // Answers stay in the browser: a reload keeps them.
        client.refresh().await.unwrap();
        let kept = wait_for(&client, "#answer-0")
            .await
            .prop("value")
            .await
            .unwrap();
        assert_eq!(kept.as_deref(), Some("Source D says Wednesday"));
        let pdf = support::print_pdf(&client, "exercise-answers").await;
        assert!(pdf.starts_with(b"%PDF"));

        click(&client, ".exercise-actions button.primary").await;
        client.accept_alert().await.unwrap();
        wait_for(&client, ".answer-key").await;
        wait_for(&client, "mark.key-sentence").await;
        assert!(
            tabs(&client)
                .await
                .contains(&"Aligned sentences".to_owned()),
            "the comparison's views open after the reveal"
        );
        // Issue #18, item 10: but not the teacher's, now or after a reload.
        for _ in 0..2 {
            let shown = tabs(&client).await;
            assert!(
                !shown.contains(&"For the class".to_owned())
                    && !shown.contains(&"Articles".to_owned()),
                "{shown:?}"
            );
            assert!(client.find(Locator::Css(".add-button")).await.is_err());
            client.refresh().await.unwrap();
            wait_for(&client, ".answer-key").await;
        }
        screenshot(&client, "exercise-revealed", Viewport::Laptop).await;
        support::forget_download("my-answers.txt");
        click(&client, ".exercise-actions button:nth-child(2)").await;
        let saved = String::from_utf8(support::wait_for_download("my-answers.txt").await).unwrap();
        assert!(
            saved.contains("Name: Ana")
                && saved.contains("Source D says Wednesday")
                && saved.contains("Key:"),
            "{saved}"
        );
    })
    .await;
}

#[tokio::test]
async fn the_worksheet_and_its_key_print_on_their_own() {
    with_browser(Setup::default(), |client| async move {
        client.goto(&support::page_url()).await.unwrap();
        wait_for(&client, "table.aligned tbody tr.group").await;
        click(&client, "#tab-class").await;
        click(&client, ".worksheet-section .tool-row button:first-child").await;
        let blanks = client
            .find_all(Locator::Css(".sheet td.blank"))
            .await
            .unwrap()
            .len();
        assert_eq!(blanks, 5 * 7, "a blank for every source and column");
        screenshot(&client, "worksheet", Viewport::Laptop).await;
        let pdf = support::print_pdf(&client, "worksheet").await;
        assert!(pdf.starts_with(b"%PDF"));
        click(&client, ".worksheet-section .tool-row button:nth-child(2)").await;
        let key = wait_for(&client, ".sheet.key tbody")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            key.contains("Wednesday"),
            "the key is filled from the comparison: {key}"
        );
        let pdf = support::print_pdf(&client, "worksheet-key").await;
        // Issue #18, item 12: the key came out as two landscape pages and a
        // blank third page in portrait. Every page is the sheet's: landscape.
        let pdf = String::from_utf8_lossy(&pdf);
        let boxes: Vec<&str> = pdf
            .split("/MediaBox")
            .skip(1)
            .filter_map(|rest| rest.split(']').next())
            .collect();
        assert!(!boxes.is_empty(), "no page in the PDF");
        for mediabox in &boxes {
            let numbers: Vec<f64> = mediabox
                .trim_start_matches([' ', '['])
                .split_whitespace()
                .filter_map(|n| n.parse().ok())
                .collect();
            assert!(
                numbers.len() == 4 && numbers[2] > numbers[3],
                "a page that is not landscape: {boxes:?}"
            );
        }
    })
    .await;
}

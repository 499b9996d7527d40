//! End-to-end tests: the built single-file page opened from disk in headless Chromium.
//!
//! Run by `cargo xtask test` after `cargo xtask dist`; screenshots of every
//! view land in `target/screenshots/`.

mod support;

use fantoccini::{Client, Locator};
use support::{Scheme, Scripts, Setup, Viewport, click, screenshot, texts, wait_for, with_browser};

const SEED_HEADLINES: [&str; 5] = [
    "“President Trump will hold a second phone conversation with Russian President Vladimir…”",
    "“President Donald Trump is to hold talks on Tuesday with Russian President…”",
    "“U.S. President Donald Trump has confirmed that he will speak with Russian…”",
    "“President Donald Trump spoke by phone on Wednesday to Russian President Vladimir…”",
    "Trump, Putin hold talks on Ukraine ceasefire",
];

/// Opens the page and waits until the aligned grid has rendered its rows.
async fn open_grid(client: &Client) {
    client.goto(&support::page_url()).await.unwrap();
    wait_for(client, "table.aligned tbody tr.group").await;
}

/// Opens the page and switches to a view by its tab.
async fn open_view(client: &Client, slug: &str) {
    open_grid(client).await;
    click(client, &format!("#tab-{slug}")).await;
    wait_for(client, &format!("#panel-{slug}")).await;
}

async fn script(client: &Client, js: &str) -> serde_json::Value {
    client.execute(js, vec![]).await.unwrap()
}

async fn no_sideways_scrolling(client: &Client) {
    let overflow = script(
        client,
        "return document.documentElement.scrollWidth - window.innerWidth;",
    )
    .await;
    assert_eq!(overflow.as_i64(), Some(0), "the page scrolls sideways");
}

#[tokio::test]
async fn seed_articles_open_from_disk() {
    with_browser(Setup::default(), |client| async move {
        open_grid(&client).await;
        let columns = texts(&client, "table.aligned thead th.source-col .name-title").await;
        assert_eq!(columns, SEED_HEADLINES);
        let chips = texts(&client, ".chips .name-outlet").await;
        assert_eq!(chips[0], "The Washington Times (Associated Press)");
        assert_eq!(chips[1], "unnamed source");
        assert_eq!(chips[3], "The Washington Post");
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
        screenshot(&client, "grid", Viewport::Laptop).await;
    })
    .await;
}

#[tokio::test]
async fn the_two_weekdays_are_marked_in_one_row() {
    with_browser(Setup::default(), |client| async move {
        open_grid(&client).await;
        let row = client
            .find(Locator::XPath(
                "//tr[contains(@class,'group')][.//*[contains(@class,'m-added')][contains(.,'Wednesday')]][.//*[contains(@class,'m-added')][contains(.,'Tuesday')]]",
            ))
            .await
            .expect("a row marks Wednesday and Tuesday, each a detail only its source gives");
        // 003's Wednesday is the February call's, in another sentence than
        // the others' Tuesday: not one value against another (issue #15).
        assert!(row.attr("class").await.unwrap().unwrap_or_default().contains("adds"));
        let heading = row.find(Locator::Css("th")).await.unwrap().text().await.unwrap();
        assert!(heading.contains("adds details"), "{heading}");
        let mark = row.find(Locator::XPath(".//*[contains(@class,'m-added')][contains(.,'Wednesday')]")).await.unwrap();
        let title = mark.attr("data-label").await.unwrap().unwrap_or_default();
        let shown = script(
            &client,
            "const m = [...document.querySelectorAll('tr.adds .m-added')].find(m => m.textContent.includes('Wednesday'));
             m.focus();
             return getComputedStyle(m, '::after').content;",
        )
        .await;
        assert_eq!(shown.as_str(), Some(format!("\"{title}\"").as_str()), "the label shows on focus");
        assert!(
            ["a detail only in this source", "a detail some sources leave out"].contains(&title.as_str()),
            "the mark explains itself: {title:?}"
        );
        let missing = texts(&client, "tr.group td.missing").await;
        assert!(!missing.is_empty() && missing.iter().all(|t| t == "not reported"));
    })
    .await;
}

#[tokio::test]
async fn filters_and_search_narrow_the_grid() {
    with_browser(Setup::default(), |client| async move {
        open_grid(&client).await;
        let all = client.find_all(Locator::Css("tr.group")).await.unwrap().len();
        click(&client, ".filters button:nth-child(3)").await;
        let adding = client.find_all(Locator::Css("tr.group")).await.unwrap().len();
        let classes = script(&client, "return [...document.querySelectorAll('tr.group')].every(r => r.classList.contains('adds'));").await;
        assert_eq!(classes, serde_json::Value::Bool(true));
        assert!(0 < adding && adding < all, "{adding} of {all}");
        click(&client, ".filters button:nth-child(1)").await;
        let search = wait_for(&client, ".search input").await;
        search.send_keys("Zaporizhzhia").await.unwrap();
        let narrowed = format!("//p[@class='row-count'][not(starts-with(.,'Showing {all} '))]");
        client.wait().for_element(Locator::XPath(&narrowed)).await.unwrap();
        let rows = texts(&client, "tr.group").await;
        assert!(!rows.is_empty() && rows.iter().all(|r| r.contains("Zaporizhzhia")), "{rows:?}");
    })
    .await;
}

#[tokio::test]
async fn j_and_k_move_focus_between_differences() {
    with_browser(Setup::default(), |client| async move {
        open_grid(&client).await;
        let focused_group = "const a = document.activeElement; return a && a.closest('tr.conflict, tr.adds') ? a.closest('tr').dataset.group : null;";
        let body = client.find(Locator::Css("body")).await.unwrap();
        body.send_keys("j").await.unwrap();
        let first = script(&client, focused_group).await;
        assert!(first.is_string(), "j focuses a row that conflicts or adds details");
        client.active_element().await.unwrap().send_keys("j").await.unwrap();
        let second = script(&client, focused_group).await;
        assert!(second.is_string() && second != first, "j moves on: {first} then {second}");
        client.active_element().await.unwrap().send_keys("k").await.unwrap();
        assert_eq!(script(&client, focused_group).await, first, "k moves back");
        let outline = script(&client, "return getComputedStyle(document.activeElement).outlineStyle;").await;
        assert_eq!(outline.as_str(), Some("solid"), "focus is visible");
    })
    .await;
}

#[tokio::test]
async fn excluding_a_source_updates_the_grid() {
    with_browser(Setup::default(), |client| async move {
        open_grid(&client).await;
        let columns =
            "return document.querySelectorAll('table.aligned thead th.source-col').length;";
        assert_eq!(script(&client, columns).await.as_i64(), Some(5));
        click(&client, ".chip[data-source='3'] input[type=checkbox]").await;
        client
            .wait()
            .for_element(Locator::Css(".chip.excluded[data-source='3']"))
            .await
            .unwrap();
        assert_eq!(script(&client, columns).await.as_i64(), Some(4));
        let headers = texts(&client, "table.aligned thead th.source-col .name-title").await;
        assert!(!headers.contains(&SEED_HEADLINES[3].to_owned()));
        assert!(
            client
                .find(Locator::XPath("//mark[contains(.,'Wednesday')]"))
                .await
                .is_err(),
            "D's weekday is gone with D"
        );
        client.refresh().await.unwrap();
        wait_for(&client, ".chip.excluded[data-source='3']").await;
        assert_eq!(
            script(&client, columns).await.as_i64(),
            Some(4),
            "the choice survives a reload"
        );
    })
    .await;
}

#[tokio::test]
async fn what_did_b_leave_out_opens_the_filtered_grid() {
    with_browser(Setup::default(), |client| async move {
        open_view(&client, "overview").await;
        let cards = client.find_all(Locator::Css(".figure-card")).await.unwrap();
        assert_eq!(cards.len(), 5);
        wait_for(&client, ".coverage-matrix tbody tr").await;
        wait_for(&client, ".similarity-matrix tbody tr:nth-child(5)").await;
        screenshot(&client, "overview", Viewport::Laptop).await;
        click(&client, ".figure-card[data-source='1'] .omitted-button").await;
        wait_for(&client, "#panel-grid").await;
        let b_cells = script(&client, "return [...document.querySelectorAll('tr.group')].map(r => r.querySelectorAll('td')[1].classList.contains('missing'));").await;
        let cells = b_cells.as_array().unwrap();
        assert!(!cells.is_empty() && cells.iter().all(|c| c == true), "every row is one B leaves out: {b_cells}");
    })
    .await;
}

#[tokio::test]
async fn the_reading_view_opens_a_sentence_group() {
    with_browser(Setup::default(), |client| async move {
        open_view(&client, "reading").await;
        click(&client, ".picker button:nth-of-type(1)").await;
        let boiler = texts(&client, ".reading-text .sentence.boilerplate").await;
        assert!(
            boiler.iter().any(|t| t.trim() == "Advertisement"),
            "{boiler:?}"
        );
        let sentence = wait_for(
            &client,
            ".reading-text .sentence.shade-4, .reading-text .sentence.shade-3",
        )
        .await;
        sentence.send_keys("\u{E007}").await.unwrap();
        let detail = wait_for(
            &client,
            "aside.group-detail .detail-members li:nth-child(2)",
        )
        .await;
        assert!(detail.is_displayed().await.unwrap());
        screenshot(&client, "reading", Viewport::Laptop).await;
    })
    .await;
}

/// A seed group that some source may carry in another sentence: its report
/// id and the letter of one of its member sources.
fn group_with_a_possibly_related_sentence() -> (usize, char) {
    use crosscheck_engine::{Config, compare, seeds};
    let report = compare(&seeds::bundled(), &Config::default());
    let group = report
        .groups
        .iter()
        .find(|g| g.coverage() > 1 && !g.elsewhere.is_empty())
        .expect("a seed group with a possibly related sentence");
    let source = group.members[0].source.index();
    (group.id.index(), (b'A' + source as u8) as char)
}

#[tokio::test]
async fn a_possibly_related_sentence_is_a_suggestion_not_agreement() {
    for viewport in [Viewport::Laptop, Viewport::Phone] {
        let setup = Setup {
            viewport,
            ..Setup::default()
        };
        with_browser(setup, |client| async move {
            // In the grid the source's cell names the sentence instead of "not reported".
            open_grid(&client).await;
            let cell = wait_for(&client, "table.aligned td.cell.possibly").await;
            let text = cell.text().await.unwrap();
            assert!(
                text.contains("possibly here") && text.contains("% likely"),
                "{text}"
            );
            // The opened group lists it apart from the members, with a way to its row.
            let (group, letter) = group_with_a_possibly_related_sentence();
            client
                .goto(&format!(
                    "{}#reading/{letter}/row-{group}",
                    support::page_url()
                ))
                .await
                .unwrap();
            let section = wait_for(&client, "aside.group-detail .possibly-related li").await;
            let item = section.text().await.unwrap();
            assert!(
                item.contains("may carry this") && item.contains("% likely"),
                "{item}"
            );
            script(
                &client,
                "document.querySelector('aside.group-detail .possibly-related').scrollIntoView();",
            )
            .await;
            screenshot(&client, "reading-possibly-related", viewport).await;
            // "Open its row" opens the group of the suggested sentence.
            click(
                &client,
                "aside.group-detail .possibly-related li .link-button",
            )
            .await;
            let opened = format!("#reading/{}/row-{group}", letter.to_ascii_lowercase());
            let moved = script(
                &client,
                &format!("return location.hash.toLowerCase() !== '{opened}';"),
            )
            .await;
            assert_eq!(moved.as_bool(), Some(true), "the opened row changed");
        })
        .await;
    }
}

#[tokio::test]
async fn the_pair_view_puts_two_sources_side_by_side() {
    with_browser(Setup::default(), |client| async move {
        open_view(&client, "pair").await;
        let status = wait_for(&client, ".pair .row-count")
            .await
            .text()
            .await
            .unwrap();
        assert!(status.contains("in both"), "{status}");
        let rows = client
            .find_all(Locator::Css(".pair-table tr.group"))
            .await
            .unwrap();
        assert!(rows.len() > 10);
        wait_for(&client, ".pair-table :is(.m-conflict, .m-added)").await;
        screenshot(&client, "pair", Viewport::Laptop).await;
    })
    .await;
}

#[tokio::test]
async fn the_facts_view_flags_the_weekday_and_links_to_its_row() {
    with_browser(Setup::default(), |client| async move {
        open_view(&client, "facts").await;
        let flag = client
            .find(Locator::XPath("//li[contains(@class,'flag')][contains(.,'Wednesday')][contains(.,'Tuesday')]"))
            .await
            .expect("a flag names both weekdays");
        let said = flag.text().await.unwrap();
        assert!(said.contains("source D says") && !said.contains('{'), "sources are named by letter: {said}");
        let trimmed = client
            .find(Locator::XPath("//section[@class='speaker'][.//span[@class='quote-relation'][.='shortened']]"))
            .await
            .expect("a quotation one source shortened is shown by its speaker");
        let speaker = trimmed.find(Locator::Css("h3")).await.unwrap().text().await.unwrap();
        assert!(speaker.contains("Leavitt"), "{speaker}");
        screenshot(&client, "facts", Viewport::Laptop).await;
        flag.find(Locator::Css("button")).await.unwrap().click().await.unwrap();
        wait_for(&client, "#panel-grid").await;
        let focused = script(&client, "return document.activeElement.closest('tr') ? document.activeElement.closest('tr').textContent : '';").await;
        let text = focused.as_str().unwrap_or_default();
        assert!(text.contains("Wednesday") && text.contains("days differ"), "the flagged row is focused: {text}");
    })
    .await;
}

#[tokio::test]
async fn the_numbers_table_gives_each_sources_day() {
    with_browser(Setup::default(), |client| async move {
        open_view(&client, "facts").await;
        let row = client
            .find(Locator::XPath("//table[@class='numbers']//tr[contains(@class,'flagged')][contains(.,'Wednesday')]"))
            .await
            .expect("the row of the call's day is flagged");
        let cells = row.find_all(Locator::Css("td")).await.unwrap();
        let mut said = Vec::new();
        for cell in &cells {
            said.push(cell.text().await.unwrap());
        }
        assert_eq!(said.len(), 5, "one cell per source: {said:?}");
        assert!(said[0].contains("Tuesday") && said[3].contains("Wednesday"), "A and D give their own days: {said:?}");
        script(&client, "document.getElementById('numbers-title').scrollIntoView();").await;
        screenshot(&client, "facts-numbers", Viewport::Laptop).await;
        row.find(Locator::Css("th button")).await.unwrap().click().await.unwrap();
        wait_for(&client, "#panel-grid").await;
        let focused = script(&client, "return document.activeElement.closest('tr') ? document.activeElement.closest('tr').textContent : '';").await;
        assert!(focused.as_str().unwrap_or_default().contains("Wednesday"), "the row's sentence is focused in the grid: {focused}");
    })
    .await;
}

#[tokio::test]
async fn help_explains_the_words() {
    with_browser(Setup::default(), |client| async move {
        open_view(&client, "help").await;
        let text = wait_for(&client, ".help").await.text().await.unwrap();
        assert!(text.contains("not whether it is true"), "{text}");
        screenshot(&client, "help", Viewport::Laptop).await;
    })
    .await;
}

#[tokio::test]
async fn every_view_fits_a_phone_screen() {
    let setup = Setup {
        viewport: Viewport::Phone,
        ..Setup::default()
    };
    with_browser(setup, |client| async move {
        open_grid(&client).await;
        no_sideways_scrolling(&client).await;
        screenshot(&client, "grid", Viewport::Phone).await;
        for slug in [
            "overview", "reading", "pair", "facts", "class", "exercise", "help",
        ] {
            if slug == "exercise" {
                // The Exercise tab appears once the class view has questions.
                click(&client, "#exercise-title ~ .tool-row button:first-child").await;
            }
            click(&client, &format!("#tab-{slug}")).await;
            wait_for(&client, &format!("#panel-{slug}")).await;
            no_sideways_scrolling(&client).await;
            screenshot(&client, slug, Viewport::Phone).await;
            if slug == "facts" {
                script(
                    &client,
                    "document.getElementById('numbers-title').scrollIntoView();",
                )
                .await;
                screenshot(&client, "facts-numbers", Viewport::Phone).await;
                script(
                    &client,
                    "document.getElementById('tab-facts').scrollIntoView();",
                )
                .await;
            }
        }
    })
    .await;
}

#[tokio::test]
async fn the_grid_is_usable_at_200_percent_zoom() {
    let setup = Setup {
        viewport: Viewport::Zoom200,
        ..Setup::default()
    };
    with_browser(setup, |client| async move {
        open_grid(&client).await;
        no_sideways_scrolling(&client).await;
        let first_cell = wait_for(&client, "tr.group td.cell").await;
        assert!(first_cell.is_displayed().await.unwrap());
        screenshot(&client, "grid", Viewport::Zoom200).await;
    })
    .await;
}

#[tokio::test]
async fn the_grid_prints_without_the_controls() {
    with_browser(Setup::default(), |client| async move {
        open_grid(&client).await;
        let pdf = support::print_pdf(&client, "grid-print").await;
        assert!(pdf.starts_with(b"%PDF"));
        let hidden = script(
            &client,
            "const probe = document.createElement('style');
             probe.textContent = '';
             const sheet = [...document.styleSheets].flatMap(s => [...s.cssRules]).filter(r => r.media && r.media.mediaText === 'print');
             return sheet.some(r => r.cssText.includes('.toolbar'));",
        )
        .await;
        assert_eq!(hidden, serde_json::Value::Bool(true), "the print stylesheet hides the controls");
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
        open_grid(&client).await;
        let background = script(
            &client,
            "return getComputedStyle(document.body).backgroundColor;",
        )
        .await;
        assert_eq!(background.as_str(), Some("rgb(17, 17, 20)"));
        screenshot(&client, "grid-dark", Viewport::Laptop).await;
        for slug in ["overview", "reading", "pair"] {
            click(&client, &format!("#tab-{slug}")).await;
            wait_for(&client, &format!("#panel-{slug}")).await;
            screenshot(&client, &format!("{slug}-dark"), Viewport::Laptop).await;
        }
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
        let visible = texts(&client, "body").await.join("\n");
        assert!(visible.contains("Crosscheck needs JavaScript"), "{visible}");
    })
    .await;
}

#[tokio::test]
async fn a_damaged_page_explains_why_it_cannot_start() {
    let page = std::fs::read_to_string(support::env().page).unwrap();
    let marker = "<script>crosscheckWasm(\"";
    let start = page.find(marker).expect("inlined wasm") + marker.len();
    // Overwrite the gzip header: the text stays valid, the gzip does not.
    let damaged = format!("{}AAAAAAAAAAAA{}", &page[..start], &page[start + 12..]);
    let path = support::env().screenshots.join("damaged.html");
    std::fs::write(&path, damaged).unwrap();
    with_browser(Setup::default(), |client| async move {
        client.goto(&support::file_url(&path)).await.unwrap();
        let alert = wait_for(&client, "#boot-error:not([hidden])").await;
        let text = alert.text().await.unwrap();
        assert!(text.contains("Crosscheck could not start"), "{text}");
        assert!(text.contains("could not start:"), "{text}");
        assert!(text.contains("the packed program is damaged"), "{text}");
        screenshot(&client, "boot-error", Viewport::Laptop).await;
    })
    .await;
}

#[tokio::test]
async fn a_page_cut_before_its_last_piece_of_program_says_so() {
    // A download or copy cut short: the wasm's text comes in pieces after the
    // boot script, and the page ends after the first one.
    let page = std::fs::read_to_string(support::env().page).unwrap();
    let second = page
        .match_indices("<script>crosscheckWasm(")
        .nth(1)
        .expect("pieces")
        .0;
    let path = support::env().screenshots.join("cut-short.html");
    std::fs::write(&path, &page[..second]).unwrap();
    with_browser(Setup::default(), |client| async move {
        client.goto(&support::file_url(&path)).await.unwrap();
        let alert = wait_for(&client, "#boot-error:not([hidden])").await;
        let text = alert.text().await.unwrap();
        assert!(text.contains("Crosscheck could not start"), "{text}");
        assert!(
            text.contains("the page ends before the end of its program"),
            "{text}"
        );
    })
    .await;
}

#[tokio::test]
async fn the_overview_ends_where_its_content_ends() {
    // Issue #18, item 5: the page scrolled about 5,150 px past the Overview's end.
    for viewport in [Viewport::Laptop, Viewport::Phone] {
        with_browser(Setup { viewport, ..Setup::default() }, |client| async move {
            open_view(&client, "overview").await;
            wait_for(&client, ".coverage-matrix tbody tr").await;
            let room = script(
                &client,
                "const content = document.querySelector('#app').getBoundingClientRect().bottom + window.scrollY;
                 return [document.documentElement.scrollHeight, Math.ceil(content)];",
            )
            .await;
            let (page, content) = (room[0].as_f64().unwrap_or(0.0), room[1].as_f64().unwrap_or(0.0));
            assert!(page <= content + 80.0, "{viewport:?}: the page is {page} px tall, its content ends at {content}");
        })
        .await;
    }
}

#[tokio::test]
async fn on_a_phone_the_pair_rows_and_the_overviews_columns_fit_their_boxes() {
    // Issue #18, items 1 and 3: each row of Compare two was 576 px wide in a
    // 358 px box, and the columns of "Who reports what" were off-screen.
    with_browser(
        Setup {
            viewport: Viewport::Phone,
            ..Setup::default()
        },
        |client| async move {
            open_view(&client, "pair").await;
            wait_for(&client, ".pair-table tbody tr").await;
            let overflow = script(
                &client,
                "const box = document.querySelector('.pair .grid-scroll');
             return box.scrollWidth - box.clientWidth;",
            )
            .await;
            assert_eq!(
                overflow.as_i64(),
                Some(0),
                "the pair's rows are wider than their box"
            );
            client
                .execute(
                    "document.querySelector('.pair-table tbody tr').scrollIntoView();",
                    vec![],
                )
                .await
                .unwrap();
            screenshot(&client, "pair-rows", Viewport::Phone).await;
            click(&client, "#tab-overview").await;
            wait_for(&client, ".coverage-matrix tbody tr").await;
            let outside = script(
                &client,
                "const box = document.querySelector('.matrix-scroll').getBoundingClientRect();
             const cols = [...document.querySelectorAll('.coverage-matrix thead th.matrix-col')];
             return cols.filter(c => c.getBoundingClientRect().right > box.right + 1).length;",
            )
            .await;
            assert_eq!(
                outside.as_i64(),
                Some(0),
                "source columns off-screen in Who reports what"
            );
            client
                .execute(
                    "document.querySelector('.coverage-matrix').scrollIntoView();",
                    vec![],
                )
                .await
                .unwrap();
            screenshot(&client, "overview-matrix", Viewport::Phone).await;
        },
    )
    .await;
}

#[tokio::test]
async fn on_a_phone_a_tapped_sentence_shows_its_comparison_on_screen() {
    // Issue #18, item 2: it opened about 4,600 px below, at the end of the article.
    with_browser(
        Setup {
            viewport: Viewport::Phone,
            ..Setup::default()
        },
        |client| async move {
            open_view(&client, "reading").await;
            let sentence = wait_for(
                &client,
                ".reading-text .sentence.shade-4, .reading-text .sentence.shade-3",
            )
            .await;
            client
                .execute(
                    "arguments[0].scrollIntoView({block: 'center'});",
                    vec![serde_json::to_value(&sentence).unwrap()],
                )
                .await
                .unwrap();
            sentence.click().await.unwrap();
            wait_for(
                &client,
                "aside.group-detail .detail-members li:nth-child(2)",
            )
            .await;
            let place = script(
                &client,
                "const r = document.querySelector('aside.group-detail').getBoundingClientRect();
             return [r.top, r.bottom, window.innerHeight];",
            )
            .await;
            let (top, bottom, height) = (
                place[0].as_f64().unwrap_or(0.0),
                place[1].as_f64().unwrap_or(0.0),
                place[2].as_f64().unwrap_or(0.0),
            );
            assert!(
                top >= 0.0 && top < height && bottom <= height + 1.0,
                "the comparison is at {top}–{bottom} in a {height} px screen"
            );
            screenshot(&client, "reading-opened", Viewport::Phone).await;
        },
    )
    .await;
}

#[tokio::test]
async fn the_grids_source_header_stays_in_view_while_its_rows_scroll() {
    // Issue #18, item 6: the column headers scrolled away, leaving the columns unlabelled.
    with_browser(Setup::default(), |client| async move {
        open_grid(&client).await;
        let rows = wait_for(&client, "table.aligned tbody tr.group:nth-child(40)").await;
        client
            .execute(
                "arguments[0].scrollIntoView({block: 'center'});",
                vec![serde_json::to_value(&rows).unwrap()],
            )
            .await
            .unwrap();
        let place = script(
            &client,
            "const head = document.querySelector('table.aligned thead th').getBoundingClientRect();
             const box = document.querySelector('.grid-box').getBoundingClientRect();
             return [head.top, box.top, head.bottom, window.innerHeight];",
        )
        .await;
        let value = |i: usize| place[i].as_f64().unwrap_or(-1.0);
        assert!(
            value(0) >= value(1) - 1.0
                && value(0) <= value(1) + 1.0
                && value(2) > 0.0
                && value(2) < value(3),
            "the header is at {} (box at {}), {place:?}",
            value(0),
            value(1)
        );
        screenshot(&client, "grid-scrolled", Viewport::Laptop).await;
    })
    .await;
}

#[tokio::test]
async fn the_grid_is_one_tab_stop_with_arrow_keys_inside_and_a_skip_link_past_it() {
    // Issue #18, item 7: each highlighted word run was its own Tab stop (156 of 174).
    with_browser(Setup::default(), |client| async move {
        open_grid(&client).await;
        let stops = script(
            &client,
            "return [...document.querySelectorAll('.grid-box *')].filter(e => e.tabIndex >= 0 && !e.closest('details:not([open]) > :not(summary)')).length;",
        )
        .await;
        assert_eq!(stops.as_i64(), Some(0), "no Tab stop inside the grid");
        let skip = wait_for(&client, "a.skip-link[href='#after-grid']").await;
        assert!(skip.attr("href").await.unwrap().is_some());
        let grid = wait_for(&client, ".grid-box").await;
        grid.click().await.unwrap();
        let active = "const a = document.activeElement; return [a.tagName, a.className, a.closest('tr') ? a.closest('tr').dataset.group : null];";
        client.active_element().await.unwrap().send_keys("\u{E015}").await.unwrap(); // ArrowDown
        let first = script(&client, active).await;
        assert_eq!(first[0], "TH", "ArrowDown focuses the first row: {first}");
        client.active_element().await.unwrap().send_keys("\u{E015}").await.unwrap();
        let second = script(&client, active).await;
        assert!(second[2] != first[2], "ArrowDown moves to the next row: {first} then {second}");
        // ArrowRight walks the row until a mark, whose label then shows.
        let mut seen = Vec::new();
        for _ in 0..12 {
            client.active_element().await.unwrap().send_keys("\u{E014}").await.unwrap(); // ArrowRight
            let now = script(&client, active).await;
            assert_eq!(now[2], second[2], "ArrowRight stays in the row");
            seen.push(now[1].as_str().unwrap_or("").to_owned());
            if seen.last().is_some_and(|c| c.starts_with("m-")) {
                break;
            }
        }
        assert!(seen.iter().any(|c| c.starts_with("m-")), "a mark is reached: {seen:?}");
        let label = script(&client, "return getComputedStyle(document.activeElement, '::after').content;").await;
        assert_ne!(label.as_str(), Some("none"), "the mark's label shows on focus");
        client.active_element().await.unwrap().send_keys("\u{E012}").await.unwrap(); // ArrowLeft
        let back = script(&client, active).await;
        assert_eq!(back[2], second[2]);
        screenshot(&client, "grid-keyboard", Viewport::Laptop).await;
    })
    .await;
}

#[tokio::test]
async fn on_a_phone_the_header_and_the_sources_fold_to_a_few_lines() {
    // Issue #18, item 4: the header and the source bar took about 470 px on every tab.
    with_browser(
        Setup {
            viewport: Viewport::Phone,
            ..Setup::default()
        },
        |client| async move {
            open_view(&client, "overview").await;
            let tabs_end = script(
                &client,
                "return document.querySelector('.tabs').getBoundingClientRect().bottom;",
            )
            .await;
            assert!(
                tabs_end.as_f64().unwrap_or(1e9) <= 260.0,
                "the content starts at {tabs_end} px"
            );
            screenshot(&client, "sources-folded", Viewport::Phone).await;
            assert!(
                !wait_for(&client, ".source-bar .chips")
                    .await
                    .is_displayed()
                    .await
                    .unwrap()
            );
            click(&client, ".sources-toggle").await;
            let chip = wait_for(&client, ".source-bar .chips li:nth-child(4) input").await;
            assert!(chip.is_displayed().await.unwrap(), "the bar opens");
            chip.click().await.unwrap();
            let toggle = wait_for(&client, ".sources-toggle")
                .await
                .text()
                .await
                .unwrap();
            assert!(toggle.contains("4 of 5 compared"), "{toggle}");
            screenshot(&client, "sources-open", Viewport::Phone).await;
        },
    )
    .await;
}

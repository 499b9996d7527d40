//! Browser-test plumbing: one WebDriver session per test, closed even when the test fails.
//!
//! `cargo xtask test` starts ChromeDriver and passes its address, the Chromium
//! binary, the built page and the screenshot folder in `CROSSCHECK_*`
//! variables. Tests wait for elements; none of them sleeps.
// Each test crate uses its own part of this module.
#![allow(dead_code)]

use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::time::Duration;

use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use futures_util::FutureExt;
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

/// How long to wait for an element before failing.
pub const WAIT: Duration = Duration::from_secs(20);

/// What `cargo xtask test` tells the tests.
pub struct Env {
    pub webdriver: String,
    pub chrome: String,
    pub page: PathBuf,
    pub screenshots: PathBuf,
    pub no_sandbox: bool,
}

fn var(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| {
        panic!("{name} is not set: run the browser tests with `cargo xtask test`, which builds the page and starts ChromeDriver")
    })
}

/// Reads the test environment.
pub fn env() -> Env {
    Env {
        webdriver: var("CROSSCHECK_WEBDRIVER"),
        chrome: var("CROSSCHECK_CHROME"),
        page: PathBuf::from(var("CROSSCHECK_PAGE")),
        screenshots: PathBuf::from(var("CROSSCHECK_SCREENSHOTS")),
        no_sandbox: var("CROSSCHECK_NO_SANDBOX") == "1",
    }
}

/// Window sizes the views are checked at.
#[derive(Clone, Copy, Debug)]
pub enum Viewport {
    /// A school Chromebook: 1366×768.
    Laptop,
    /// A phone: 390×844.
    Phone,
    /// The laptop at 200% zoom: 683×384 CSS pixels at twice the density.
    Zoom200,
}

impl Viewport {
    fn size(self) -> (u32, u32) {
        match self {
            Viewport::Laptop => (1366, 768),
            Viewport::Phone => (390, 844),
            Viewport::Zoom200 => (683, 384),
        }
    }
    fn name(self) -> &'static str {
        match self {
            Viewport::Laptop => "1366x768",
            Viewport::Phone => "390x844",
            Viewport::Zoom200 => "1366x768-zoom200",
        }
    }
}

/// Whether the page may run scripts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scripts {
    On,
    Off,
}

/// Colour scheme the page is shown in.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scheme {
    Light,
    Dark,
}

/// How to start the browser.
#[derive(Clone, Copy, Debug)]
pub struct Setup {
    pub viewport: Viewport,
    pub scripts: Scripts,
    pub scheme: Scheme,
}

impl Default for Setup {
    fn default() -> Self {
        Setup {
            viewport: Viewport::Laptop,
            scripts: Scripts::On,
            scheme: Scheme::Light,
        }
    }
}

fn capabilities(env: &Env, setup: Setup) -> Capabilities {
    let (width, height) = setup.viewport.size();
    let mut args = vec![
        "--headless=new".to_owned(),
        "--disable-gpu".to_owned(),
        "--disable-dev-shm-usage".to_owned(),
        "--disable-background-networking".to_owned(),
        "--disable-component-update".to_owned(),
        "--disable-sync".to_owned(),
        "--disable-quic".to_owned(),
        "--no-first-run".to_owned(),
        "--hide-scrollbars".to_owned(),
        format!("--window-size={width},{height}"),
    ];
    if env.no_sandbox {
        args.push("--no-sandbox".to_owned());
    }
    if setup.scheme == Scheme::Dark {
        args.push("--force-dark-mode".to_owned());
        args.push("--blink-settings=preferredColorScheme=0".to_owned());
    }
    let mut prefs = json!({
        "download.default_directory": downloads_dir(),
        "download.prompt_for_download": false,
    });
    if setup.scripts == Scripts::Off {
        prefs["profile.managed_default_content_settings.javascript"] = json!(2);
    }
    // Device metrics give the exact viewport (a window cannot be narrower than
    // about 500 px, and its size includes the browser's own frame).
    let metrics = json!({
        "width": width,
        "height": height,
        "pixelRatio": if matches!(setup.viewport, Viewport::Zoom200) { 2 } else { 1 },
        "mobile": matches!(setup.viewport, Viewport::Phone),
        "touch": false,
    });
    let caps = json!({
        "browserName": "chrome",
        "goog:chromeOptions": {
            "binary": env.chrome,
            "args": args,
            "prefs": prefs,
            "mobileEmulation": { "deviceMetrics": metrics },
        },
        "goog:loggingPrefs": { "browser": "ALL" },
    });
    match caps {
        Value::Object(map) => map,
        _ => unreachable!("capabilities are an object"),
    }
}

/// Opens a browser session, runs `test` with it and closes it, also when `test` panics.
pub async fn with_browser<F, Fut>(setup: Setup, test: F)
where
    F: FnOnce(Client) -> Fut,
    Fut: Future<Output = ()>,
{
    let env = env();
    let client = ClientBuilder::new(HttpConnector::new())
        .capabilities(capabilities(&env, setup))
        .connect(&env.webdriver)
        .await
        .expect("ChromeDriver starts a session");
    let outcome = AssertUnwindSafe(test(client.clone())).catch_unwind().await;
    let _ = client.close().await;
    if let Err(panic) = outcome {
        std::panic::resume_unwind(panic);
    }
}

/// Where the browser saves downloads: `<screenshots>/downloads`.
pub fn downloads_dir() -> PathBuf {
    let dir = env().screenshots.join("downloads");
    std::fs::create_dir_all(&dir).expect("create the downloads folder");
    dir
}

/// Forgets an earlier download of `name`, so that [`wait_for_download`] sees the new one.
pub fn forget_download(name: &str) {
    let _ = std::fs::remove_file(downloads_dir().join(name));
}

/// Waits until the browser has saved `name` in [`downloads_dir`] and returns its bytes.
pub async fn wait_for_download(name: &str) -> Vec<u8> {
    let path = downloads_dir().join(name);
    let poll = async {
        loop {
            // Chrome writes `name.crdownload` and renames it when done.
            if let Ok(bytes) = std::fs::read(&path)
                && !bytes.is_empty()
            {
                return bytes;
            }
            tokio::task::yield_now().await;
        }
    };
    tokio::time::timeout(WAIT, poll)
        .await
        .unwrap_or_else(|_| panic!("{} was not downloaded within {WAIT:?}", path.display()))
}

/// The built page as a file:// URL.
pub fn page_url() -> String {
    file_url(&env().page)
}

/// A file path as a file:// URL.
pub fn file_url(path: &std::path::Path) -> String {
    url::Url::from_file_path(path)
        .expect("absolute path")
        .to_string()
}

/// Waits for an element matching `css`.
pub async fn wait_for(client: &Client, css: &str) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no element matches `{css}`: {e}"))
}

/// Waits until a script returns `true` (for state no element shows, such as storage).
pub async fn wait_until_true(client: &Client, script: &str) {
    let poll = async {
        while client.execute(script, vec![]).await.expect("script runs") != Value::Bool(true) {}
    };
    tokio::time::timeout(WAIT, poll)
        .await
        .unwrap_or_else(|_| panic!("still not true after {WAIT:?}: {script}"));
}

/// Clicks the element matching `css` once it is there.
pub async fn click(client: &Client, css: &str) {
    wait_for(client, css).await.click().await.unwrap();
}

/// Types `text` into the element matching `css` once it is there.
pub async fn type_into(client: &Client, css: &str, text: &str) {
    wait_for(client, css).await.send_keys(text).await.unwrap();
}

/// Texts of every element matching `css`.
pub async fn texts(client: &Client, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for element in client.find_all(Locator::Css(css)).await.expect("find_all") {
        out.push(element.text().await.expect("element text"));
    }
    out
}

/// Saves a screenshot as `<screenshots>/<name>-<viewport>.png`.
pub async fn screenshot(client: &Client, name: &str, viewport: Viewport) -> PathBuf {
    let png = client.screenshot().await.expect("screenshot");
    let path = env()
        .screenshots
        .join(format!("{name}-{}.png", viewport.name()));
    std::fs::write(&path, png).expect("write screenshot");
    path
}

/// Prints the page to PDF (as the browser's print dialog would) and saves it as `<screenshots>/<name>.pdf`.
pub async fn print_pdf(client: &Client, name: &str) -> Vec<u8> {
    let pdf = client
        .print(fantoccini::wd::PrintConfiguration::default())
        .await
        .expect("print to PDF");
    std::fs::write(env().screenshots.join(format!("{name}.pdf")), &pdf).expect("write PDF");
    pdf
}

/// ChromeDriver's browser log for this session: `POST /session/{id}/se/log`.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }
    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(r#"{"type":"browser"}"#.to_owned()))
    }
}

/// Console errors and uncaught exceptions the page produced so far.
pub async fn console_errors(client: &Client) -> Vec<String> {
    let log = client.issue_cmd(BrowserLog).await.expect("browser log");
    log.as_array()
        .into_iter()
        .flatten()
        .filter(|entry| entry["level"] == "SEVERE")
        .map(|entry| entry["message"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// Every network request the page made (resource timing entries).
pub async fn requests(client: &Client) -> Vec<String> {
    let names = client
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name);",
            vec![],
        )
        .await
        .expect("performance entries");
    serde_json::from_value(names).unwrap_or_default()
}

/// Serious and critical accessibility violations axe-core finds in the page as it is now.
pub async fn axe_violations(client: &Client) -> Vec<String> {
    let path = std::env::var("CROSSCHECK_AXE").unwrap_or_else(|_| {
        panic!("CROSSCHECK_AXE is not set: run the tests with `cargo xtask test`")
    });
    let axe = std::fs::read_to_string(&path).expect("axe.min.js");
    client
        .execute(&format!("{axe}\n;return typeof axe;"), vec![])
        .await
        .expect("inject axe-core");
    let found = client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               axe.run(document, { resultTypes: ["violations"] })
                 .then(r => done(r.violations
                   .filter(v => v.impact === "serious" || v.impact === "critical")
                   .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")}`)))
                 .catch(e => done([`axe failed: ${e}`]));"#,
            vec![],
        )
        .await
        .expect("run axe-core");
    serde_json::from_value(found).unwrap_or_default()
}

//! A minimal WebDriver client over plain HTTP/1.1 to the local ChromeDriver: enough for the benchmark, no async runtime.
//!
//! The browser tests use fantoccini and tokio; xtask keeps few dependencies so
//! it compiles fast, and the benchmark needs only a handful of calls: start a
//! session, run Chrome DevTools commands, open a URL, run an async script,
//! end the session. Each call is one request on its own connection.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use serde_json::{Value, json};

use crate::browser::{self, Browser, Driver};

/// The longest a single call may take (a whole bench page runs in one script call).
const CALL_TIMEOUT: Duration = Duration::from_secs(30 * 60);

/// One browser session; ended when dropped.
pub struct Session {
    address: String,
    id: String,
}

impl Session {
    /// Starts a headless Chromium through `driver`.
    pub fn start(driver: &Driver, browser: &Browser) -> Result<Session> {
        let address = driver
            .url
            .strip_prefix("http://")
            .context("ChromeDriver's address is not http://")?
            .to_owned();
        let mut args = vec![
            "--headless=new",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--enable-precise-memory-info",
            "--window-size=1366,768",
        ];
        if browser::needs_no_sandbox() {
            args.push("--no-sandbox");
        }
        let capabilities = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": { "binary": browser.chrome, "args": args },
            }}
        });
        let value = call(&address, "POST", "/session", &capabilities)?;
        let id = value["sessionId"]
            .as_str()
            .context("ChromeDriver gave no session id")?
            .to_owned();
        let session = Session { address, id };
        let millis = CALL_TIMEOUT.as_millis() as u64;
        session.post("timeouts", json!({ "script": millis, "pageLoad": millis }))?;
        Ok(session)
    }

    /// Opens `file` from disk and waits until it has loaded.
    pub fn open(&self, file: &Path) -> Result<()> {
        let url = format!("file://{}", file.display());
        self.post("url", json!({ "url": url })).map(drop)
    }

    /// Opens `file` from disk at `#fragment` and waits until it has loaded.
    pub fn open_at(&self, file: &Path, fragment: &str) -> Result<()> {
        let url = format!("file://{}#{fragment}", file.display());
        self.post("url", json!({ "url": url })).map(drop)
    }

    /// Runs `script` as an async WebDriver script (it ends by calling its last argument) and returns its value.
    pub fn run_async(&self, script: &str) -> Result<Value> {
        self.post("execute/async", json!({ "script": script, "args": [] }))
    }

    /// A Chrome DevTools Protocol command, through ChromeDriver.
    pub fn devtools(&self, command: &str, params: Value) -> Result<Value> {
        self.post(
            "goog/cdp/execute",
            json!({ "cmd": command, "params": params }),
        )
    }

    fn post(&self, what: &str, body: Value) -> Result<Value> {
        let path = format!("/session/{}/{what}", self.id);
        call(&self.address, "POST", &path, &body)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let path = format!("/session/{}", self.id);
        let _ = call(&self.address, "DELETE", &path, &Value::Null);
    }
}

/// One request; returns the response's `value`, or the WebDriver error as an error.
fn call(address: &str, method: &str, path: &str, body: &Value) -> Result<Value> {
    let body = if body.is_null() {
        String::new()
    } else {
        body.to_string()
    };
    let mut stream = TcpStream::connect(address)
        .with_context(|| format!("cannot reach ChromeDriver at {address}"))?;
    stream.set_read_timeout(Some(CALL_TIMEOUT))?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let text = read_response(stream).with_context(|| format!("{method} {path}"))?;
    let mut response: Value = serde_json::from_str(&text)
        .with_context(|| format!("{method} {path}: ChromeDriver answered {text:.200}"))?;
    let value = response["value"].take();
    if let Some(error) = value.get("error").and_then(Value::as_str) {
        let message = value["message"].as_str().unwrap_or("");
        bail!("{method} {path}: {error}: {message:.500}");
    }
    Ok(value)
}

/// The body of an HTTP/1.1 response (Content-Length, or up to the end of the connection).
fn read_response(stream: TcpStream) -> Result<String> {
    let mut reader = BufReader::new(stream);
    let mut length: Option<usize> = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            bail!("the connection closed before the headers ended");
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok();
        }
    }
    let mut body = Vec::new();
    match length {
        Some(length) => {
            body.resize(length, 0);
            reader.read_exact(&mut body)?;
        }
        None => {
            reader.read_to_end(&mut body)?;
        }
    }
    Ok(String::from_utf8_lossy(&body).into_owned())
}

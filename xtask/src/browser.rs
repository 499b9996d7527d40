//! Find (or install) Chromium and ChromeDriver, and run ChromeDriver on a free loopback port.
//!
//! ChromeDriver runs in its own process group so that stopping it also stops
//! every Chromium it started, whether the tests passed, failed or panicked.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

use anyhow::{Context, Result, bail};

use crate::project;

const CHROME_NAMES: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];
const DRIVER_NAME: &str = "chromedriver";

/// The browser and driver the tests use.
pub struct Browser {
    pub chrome: PathBuf,
    pub driver: PathBuf,
}

/// Finds Chromium and ChromeDriver, installing Debian's packages when possible.
pub fn ensure() -> Result<Browser> {
    if let Some(found) = find() {
        return Ok(found);
    }
    if can_apt_install() {
        println!(
            "Chromium or ChromeDriver is missing: installing Debian's chromium and chromium-driver"
        );
        project::run(
            Command::new("apt-get")
                .arg("update")
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )?;
        project::run(
            Command::new("apt-get")
                .args([
                    "install",
                    "-y",
                    "--no-install-recommends",
                    "chromium",
                    "chromium-driver",
                ])
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )?;
        if let Some(found) = find() {
            return Ok(found);
        }
    }
    bail!(
        "the browser tests need Chromium and ChromeDriver of the same version on PATH.\n\
         On Debian or Ubuntu: sudo apt-get install chromium chromium-driver\n\
         On macOS: brew install --cask chromium chromedriver\n\
         Then run `cargo xtask test` again."
    )
}

fn find() -> Option<Browser> {
    let chrome = CHROME_NAMES
        .iter()
        .find_map(|name| project::on_path(name))?;
    let driver = project::on_path(DRIVER_NAME)?;
    Some(Browser { chrome, driver })
}

/// Root on a Debian-like system with apt-get.
fn can_apt_install() -> bool {
    let is_root =
        project::output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    let debian_like = std::path::Path::new("/etc/debian_version").exists();
    is_root && debian_like && project::on_path("apt-get").is_some()
}

/// Whether Chromium must run without its sandbox (it refuses to start as root otherwise).
pub fn needs_no_sandbox() -> bool {
    project::output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0")
}

/// A running ChromeDriver; stopped (with its browsers) when dropped.
pub struct Driver {
    child: Child,
    pub url: String,
}

impl Driver {
    /// Starts ChromeDriver on a free port of 127.0.0.1 and waits until it says it is ready.
    pub fn start(browser: &Browser) -> Result<Driver> {
        let port = free_port()?;
        let mut command = Command::new(&browser.driver);
        command
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        new_process_group(&mut command);
        let mut child = command
            .spawn()
            .with_context(|| format!("cannot start {}", browser.driver.display()))?;
        let stdout = child.stdout.take().context("ChromeDriver has no stdout")?;
        let mut driver = Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        };
        driver.wait_until_ready(stdout)?;
        Ok(driver)
    }

    /// ChromeDriver's process id: the browsers it starts are its descendants.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Reads ChromeDriver's start-up lines until it reports success (or exits).
    fn wait_until_ready(&mut self, stdout: std::process::ChildStdout) -> Result<()> {
        let mut lines = BufReader::new(stdout).lines();
        for line in lines.by_ref() {
            let line = line.unwrap_or_default();
            if line.contains("started successfully") {
                // Keep draining its output so it never blocks on a full pipe.
                std::thread::spawn(move || lines.for_each(drop));
                return Ok(());
            }
        }
        bail!("ChromeDriver exited before it was ready")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        stop_process_group(&mut self.child);
    }
}

fn free_port() -> Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").context("no free port on 127.0.0.1")?;
    Ok(listener.local_addr()?.port())
}

#[cfg(unix)]
fn new_process_group(command: &mut Command) {
    use std::os::unix::process::CommandExt;
    command.process_group(0);
}

#[cfg(not(unix))]
fn new_process_group(_: &mut Command) {}

#[cfg(unix)]
fn stop_process_group(child: &mut Child) {
    let group = format!("-{}", child.id());
    let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
    let _ = child.wait();
    let _ = Command::new("kill")
        .args(["-KILL", "--", &group])
        .stderr(Stdio::null())
        .status();
}

#[cfg(not(unix))]
fn stop_process_group(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

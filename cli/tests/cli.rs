//! Runs the `crosscheck` binary as a user would.

use std::process::{Command, Output};

fn crosscheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .output()
        .expect("binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    // Under the target directory, which `cargo clean` empties, so runs leave nothing in /tmp.
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-test");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp file");
    path
}

#[test]
fn compare_without_files_prints_the_seed_table() {
    let output = crosscheck(&["compare"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.starts_with("Crosscheck: 5 sources"));
    assert!(text.contains("Group 0 · adds details"));
}

#[test]
fn compare_json_is_the_documented_report() {
    let output = crosscheck(&["compare", "--format", "json"]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["schema"], "crosscheck-report/3");
    assert_eq!(json["sources"].as_array().map(Vec::len), Some(5));
    let mark = &json["groups"][0]["members"][0]["marks"][0];
    assert!(mark["start"].is_u64() && mark["end"].is_u64() && mark["kind"].is_string());
    let figures = &json["overview"]["sources"];
    assert_eq!(figures.as_array().map(Vec::len), Some(5));
    assert!(figures[0]["shared_share"].is_f64() && figures[0]["omits"].is_array());
    assert_eq!(json["overview"]["similarity"][2][2], 1.0);
}

#[test]
fn compare_json_has_the_facts_section() {
    let output = crosscheck(&["compare", "--format", "json"]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let flags = json["facts"]["flags"].as_array().expect("facts.flags");
    let weekday = flags
        .iter()
        .find(|f| f["kind"] == "weekday-conflict")
        .expect("the Wednesday/Tuesday flag");
    // The February call's Wednesday against the March call's Tuesday, in
    // sentences that say different things: to check, not a row conflict.
    assert_eq!(weekday["severity"], "check");
    assert_eq!(weekday["group"], 0);
    assert!(
        weekday["explanation"]
            .as_str()
            .is_some_and(|e| e.contains("{3}"))
    );
    let side = &weekday["sides"][0];
    assert!(side["source"].is_u64() && side["start"].is_u64() && side["text"].is_string());
    assert!(
        json["facts"]["quote_groups"]
            .as_array()
            .is_some_and(|g| !g.is_empty())
    );
}

#[test]
fn compare_text_prints_the_facts() {
    let output = crosscheck(&["compare"]);
    let text = stdout(&output);
    let facts = &text[text.find("\nFacts\n").expect("a Facts section")..];
    assert!(facts.contains("check · weekday-conflict · group 0"));
    assert!(facts.contains("source [3] says “Wednesday”"));
    assert!(facts.contains("Quotes by speaker"));
    assert!(facts.contains("Mike Waltz [2]; Michael Waltz [3]"));
}

#[test]
fn compare_two_files_as_markdown() {
    let a = temp_file(
        "a.txt",
        "Trump spoke by phone with Putin on Wednesday.\nAdvertisement\n".as_bytes(),
    );
    let b = temp_file(
        "b.txt",
        "Trump spoke by phone with Putin on Tuesday.".as_bytes(),
    );
    let output = crosscheck(&[
        "compare",
        "--format",
        "md",
        a.to_str().unwrap_or(""),
        b.to_str().unwrap_or(""),
    ]);
    assert!(output.status.success());
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn compare_two_files_as_text() {
    let a = temp_file(
        "c.txt",
        "Trump spoke by phone with Putin on Wednesday. The call lasted 90 minutes.".as_bytes(),
    );
    let b = temp_file(
        "d.txt",
        "The call lasted nearly 90 minutes. Trump spoke by phone with Putin on Tuesday.".as_bytes(),
    );
    let output = crosscheck(&[
        "compare",
        a.to_str().unwrap_or(""),
        b.to_str().unwrap_or(""),
    ]);
    assert!(output.status.success());
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn compare_two_files_as_csv() {
    let a = temp_file(
        "e.txt",
        "Trump spoke by phone with Putin on Wednesday. The call lasted 90 minutes, officials said."
            .as_bytes(),
    );
    let b = temp_file(
        "f.txt",
        "=Trump spoke by phone with Putin on Tuesday. The call lasted \"90 minutes\", officials said."
            .as_bytes(),
    );
    let output = crosscheck(&[
        "compare",
        "--format",
        "csv",
        a.to_str().unwrap_or(""),
        b.to_str().unwrap_or(""),
    ]);
    assert!(output.status.success());
    let csv = stdout(&output);
    assert!(
        csv.split_terminator('\n').all(|l| l.ends_with('\r')),
        "CRLF line ends"
    );
    insta::assert_snapshot!(csv.replace("\r\n", "⏎\n"));
}

#[test]
fn compare_html_is_one_escaped_page() {
    let a = temp_file(
        "g.txt",
        "Trump spoke by phone with Putin on Wednesday. <script>alert(\"hi\")</script> Officials & aides listened."
            .as_bytes(),
    );
    let b = temp_file(
        "h.txt",
        "Trump spoke by phone with Putin on Tuesday.".as_bytes(),
    );
    let output = crosscheck(&[
        "compare",
        "--format=html",
        a.to_str().unwrap_or(""),
        b.to_str().unwrap_or(""),
    ]);
    assert!(output.status.success());
    let page = stdout(&output);
    assert!(page.starts_with("<!DOCTYPE html>") && page.ends_with("</html>\n"));
    assert!(!page.contains("<script"), "{page}");
    // Escaped, whatever marks the words carry ("hi" is a quoted word).
    assert!(page.contains("&lt;script&gt;alert(") && page.contains(")&lt;/script&gt;"));
    assert!(page.contains("&amp; aides"));
}

#[test]
fn seed_set_in_every_format() {
    for format in ["text", "json", "md", "csv", "html"] {
        let output = crosscheck(&["compare", "--format", format]);
        assert!(output.status.success(), "{format}");
        assert!(output.stdout.len() > 1000, "{format}");
    }
}

#[test]
fn non_utf8_file_is_an_error_naming_the_file() {
    let bad = temp_file("latin1.txt", b"caf\xe9 au lait");
    let output = crosscheck(&["compare", bad.to_str().unwrap_or("")]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("latin1.txt is not UTF-8 text"),
        "{message}"
    );
}

#[test]
fn empty_and_missing_files_are_errors() {
    let empty = temp_file("empty.txt", b"  \n");
    let output = crosscheck(&["compare", empty.to_str().unwrap_or("")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("empty.txt is empty"));
    let output = crosscheck(&["compare", "/nonexistent/article.txt"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("cannot read /nonexistent/article.txt"));
}

#[test]
fn usage_errors_exit_with_2_and_help_succeeds() {
    let output = crosscheck(&["compare", "--format", "xml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown format \"xml\""));
    assert_eq!(crosscheck(&[]).status.code(), Some(2));
    let help = crosscheck(&["--help"]);
    assert!(help.status.success());
    insta::assert_snapshot!(stdout(&help));
}

/// Runs the binary with arguments the system gives as bytes (not UTF-8).
#[cfg(unix)]
fn crosscheck_os(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .output()
        .expect("binary runs")
}

const ARTICLE_A: &str = "Putin agreed to a 30-day pause on strikes against energy facilities. \
The call lasted two hours.\n";
const ARTICLE_B: &str = "Putin agreed to a 30-day halt on attacks against energy sites. \
The Kremlin said the call lasted 90 minutes.\n";

#[cfg(unix)]
#[test]
fn dev_zero_is_refused_as_too_large_not_read_forever() {
    // Issue #17, item 8: the CLI read /dev/zero until memory ran out.
    let output = crosscheck(&["compare", "/dev/zero"]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("/dev/zero is larger than 5 MB; Crosscheck takes up to 5 MB per article"),
        "{message}"
    );
}

#[test]
fn a_file_over_the_page_limit_is_refused_naming_it() {
    let big = temp_file("six-megabytes.txt", &vec![b'a'; 6 * 1024 * 1024]);
    let small = temp_file("small.txt", ARTICLE_A.as_bytes());
    let output = crosscheck(&[
        "compare",
        small.to_str().unwrap_or(""),
        big.to_str().unwrap_or(""),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(
        message.contains("six-megabytes.txt is 6 MB; Crosscheck takes up to 5 MB per article"),
        "{message}"
    );
    assert!(output.stdout.is_empty(), "no partial report");
}

#[test]
fn more_files_than_the_engine_compares_are_refused_with_exit_2() {
    // Issue #17, item 9: the CLI compared 200 articles when the engine's limit is 100.
    let file = temp_file("one.txt", ARTICLE_A.as_bytes());
    let name = file.to_str().unwrap_or("");
    let mut args = vec!["compare"];
    args.extend(std::iter::repeat_n(name, 101));
    let output = crosscheck(&args);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output)
            .contains("101 files given; Crosscheck compares at most 100 articles at a time"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn terminal_control_sequences_in_articles_are_shown_not_obeyed() {
    // Issue #17, item 11: an article could retitle (ESC ]0;…BEL) or clear
    // (ESC [2J) the reader's terminal through the text, Markdown and CSV output.
    let hostile = format!("\u{1b}]0;pwned\u{7}\u{1b}[2J{ARTICLE_A}");
    let a = temp_file("hostile.txt", hostile.as_bytes());
    let b = temp_file("plain.txt", ARTICLE_B.as_bytes());
    let files = [a.to_str().unwrap_or(""), b.to_str().unwrap_or("")];
    for format in ["text", "md", "csv", "html"] {
        let output = crosscheck(&["compare", files[0], files[1], "--format", format]);
        assert!(output.status.success(), "{format}: {}", stderr(&output));
        let out = stdout(&output);
        let controls: Vec<char> = out
            .chars()
            .filter(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
            .collect();
        assert!(controls.is_empty(), "{format} passes {controls:?} through");
        // Shown as symbols (word marks may fall between them).
        assert!(
            out.contains('␛') && out.contains('␇'),
            "{format} hides them: {out}"
        );
    }
    // JSON keeps the text as it is (escaped by JSON) so byte ranges still fit.
    let output = crosscheck(&["compare", files[0], files[1], "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let member = &json["sources"][0]["sentences"][0];
    let text = member["text"].as_str().unwrap_or("");
    assert!(text.starts_with("\u{1b}]0;pwned\u{7}"), "{text:?}");
    assert_eq!(
        (member["start"].as_u64(), member["end"].as_u64()),
        (Some(0), Some(82)),
        "byte ranges count the control characters"
    );
    assert!(!stdout(&output).contains('\u{1b}'), "escaped, not raw");
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read() {
    // Issue #17, item 10: std::env::args panicked on any argument that is not UTF-8.
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-test");
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    if std::fs::write(&path, ARTICLE_A).is_err() {
        return; // a file system that refuses such names has nothing to test
    }
    let other = temp_file("other.txt", ARTICLE_B.as_bytes());
    let output = crosscheck_os(&[
        std::ffi::OsStr::new("compare"),
        path.as_os_str(),
        other.as_os_str(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("Crosscheck: 2 sources"));
    let output = crosscheck_os(&[
        std::ffi::OsStr::new("compare"),
        std::ffi::OsStr::new("--format"),
        name,
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("unknown format \"caf\u{fffd}.txt\""),
        "{}",
        stderr(&output)
    );
}

//! `crosscheck`: compares news articles from the command line with the Crosscheck engine.
//!
//! `crosscheck compare [FILES…] [--format text|json|md|csv|html]` compares the
//! files, or the bundled seed set when no file is given, and prints the report.
//! Exit codes: 0 success, 1 a file could not be read (or stdout written),
//! 2 usage error or more files than the engine compares.

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crosscheck_engine::render::printable;
use crosscheck_engine::{Config, Correction, CorrectionResult, Source, compare, render, seeds};
use crosscheck_import::corrections::parse_corrections;
use crosscheck_import::limits::{MAX_ARTICLES, MAX_FILE_BYTES, MAX_SESSION_BYTES};
use crosscheck_import::readable_size;

const USAGE: &str = "\
crosscheck: compare news articles about one event, sentence by sentence

Usage:
  crosscheck compare [FILES...] [--format text|json|md|csv|html]
                     [--corrections FILE]
  crosscheck --help

With no FILES, compares the bundled seed set (five articles about the
Trump-Putin calls of 2025). Each FILE is one article as UTF-8 text, at most
5 MB; at most 100 files at a time (the page's limits). Control characters in
the articles are shown as symbols (U+2400...) in every format but json.

Options:
  -f, --format FORMAT  text (default): aligned table with word marks, then the
                         facts: flags, quotes by speaker, numbers and dates,
                         names with their spellings, shared wording
                       json: the report with its facts section
                         (docs/report-format.md, docs/facts.md)
                       md: Markdown tables and the flags
                       csv: one row per group and source, for a
                         spreadsheet (columns in docs/report-format.md)
                       html: a self-contained page to print or save as
                         PDF: sources, aligned groups, flags, numbers and
                         dates; marks readable in black and white
  -c, --corrections FILE
                       apply a person's corrections to the pairing: the
                         .json the page downloads (“Download the
                         corrections”), or a session file with corrections
                         (docs/classroom.md); corrections that no longer fit
                         are reported on stderr and not applied
  -h, --help           print this help

Exit codes: 0 success, 1 a file could not be read (missing, not UTF-8, over
5 MB) or the report not written, 2 usage error or more than 100 files.
";

/// How to print the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Markdown,
    Csv,
    Html,
}

/// What the command line asks for. File names are paths, taken as the
/// system gives them (`OsString`), so a name that is not UTF-8 still works.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Help,
    Compare {
        files: Vec<PathBuf>,
        format: Format,
        corrections: Option<PathBuf>,
    },
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    match parse(&args) {
        Ok(Command::Help) => {
            print!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Compare {
            files,
            format,
            corrections,
        }) => run(&files, format, corrections.as_deref()),
        Err(Refusal::Usage(message)) => {
            eprintln!("crosscheck: {}\n\n{USAGE}", printable(&message));
            ExitCode::from(2)
        }
        Err(Refusal::Limit(message)) => {
            eprintln!("crosscheck: {}", printable(&message));
            ExitCode::from(2)
        }
    }
}

/// Why the command line is refused before anything is read.
#[derive(Debug, PartialEq, Eq)]
enum Refusal {
    /// Not a command Crosscheck understands; the help follows the message.
    Usage(String),
    /// Over one of Crosscheck's limits (too many files).
    Limit(String),
}

/// Parses the arguments after the program name.
fn parse(args: &[OsString]) -> Result<Command, Refusal> {
    let usage = |message: String| Refusal::Usage(message);
    let mut args = args.iter();
    match args.next().map(|a| a.to_str()) {
        None => return Err(usage("no command given".into())),
        Some(Some("-h" | "--help" | "help")) => return Ok(Command::Help),
        Some(Some("compare")) => {}
        Some(Some(other)) => return Err(usage(format!("unknown command {other:?}"))),
        Some(None) => return Err(usage("unknown command (not UTF-8)".into())),
    }
    let mut files = Vec::new();
    let mut format = Format::Text;
    let mut corrections = None;
    while let Some(arg) = args.next() {
        let Some(text) = arg.to_str() else {
            // Options are ASCII: an argument that is not UTF-8 is a file name.
            files.push(PathBuf::from(arg));
            continue;
        };
        match text {
            "-h" | "--help" => return Ok(Command::Help),
            "-c" | "--corrections" => match args.next() {
                Some(file) => corrections = Some(PathBuf::from(file)),
                None => return Err(usage("--corrections needs a file".into())),
            },
            other if other.starts_with("--corrections=") => {
                corrections = other.strip_prefix("--corrections=").map(PathBuf::from);
            }
            "-f" | "--format" => format = parse_format(args.next().map(OsString::as_os_str))?,
            other if other.starts_with("--format=") => {
                format = parse_format(other.strip_prefix("--format=").map(OsStr::new))?
            }
            "--" => files.extend(args.by_ref().map(PathBuf::from)),
            other if other.starts_with('-') && other.len() > 1 => {
                return Err(usage(format!("unknown option {other:?}")));
            }
            file => files.push(PathBuf::from(file)),
        }
    }
    if files.len() > MAX_ARTICLES {
        return Err(Refusal::Limit(format!(
            "{} files given; Crosscheck compares at most {MAX_ARTICLES} articles at a time",
            files.len()
        )));
    }
    Ok(Command::Compare {
        files,
        format,
        corrections,
    })
}

/// The format names, as error messages list them.
const FORMATS: &str = "text, json, md, csv or html";

fn parse_format(value: Option<&OsStr>) -> Result<Format, Refusal> {
    match value.map(|v| v.to_str()) {
        Some(Some("text")) => Ok(Format::Text),
        Some(Some("json")) => Ok(Format::Json),
        Some(Some("md" | "markdown")) => Ok(Format::Markdown),
        Some(Some("csv")) => Ok(Format::Csv),
        Some(Some("html")) => Ok(Format::Html),
        Some(Some(other)) => Err(Refusal::Usage(format!(
            "unknown format {other:?} (expected {FORMATS})"
        ))),
        Some(None) => Err(Refusal::Usage(format!(
            "unknown format {:?} (expected {FORMATS})",
            value.map(OsStr::to_string_lossy).unwrap_or_default()
        ))),
        None => Err(Refusal::Usage(format!("--format needs a value: {FORMATS}"))),
    }
}

/// Loads the sources, compares them and prints the report.
fn run(files: &[PathBuf], format: Format, corrections: Option<&Path>) -> ExitCode {
    let corrections = match corrections.map(read_corrections).transpose() {
        Ok(list) => list.unwrap_or_default(),
        Err(message) => {
            eprintln!("crosscheck: {}", printable(&message));
            return ExitCode::from(1);
        }
    };
    let sources = if files.is_empty() {
        seeds::bundled()
    } else {
        match files.iter().map(|f| load(f)).collect::<Result<Vec<_>, _>>() {
            Ok(sources) => sources,
            Err(message) => {
                eprintln!("crosscheck: {}", printable(&message));
                return ExitCode::from(1);
            }
        }
    };
    let config = Config {
        corrections,
        ..Config::default()
    };
    let report = compare(&sources, &config);
    for outcome in &report.corrections {
        match outcome.result {
            CorrectionResult::NotInPlay => eprintln!(
                "crosscheck: correction {} names an article that is not compared; not applied",
                outcome.index + 1
            ),
            _ => {
                if let Some(message) = &outcome.message {
                    eprintln!("crosscheck: {}", printable(message));
                }
            }
        }
    }
    // Every format but JSON shows the articles' control characters rather
    // than passing them to the terminal (`render::printable`); serde escapes
    // them in JSON, whose byte ranges must fit the text as it is.
    let output = match format {
        Format::Text => render::into_printable(render::text(&report)),
        Format::Markdown => render::into_printable(render::markdown(&report)),
        Format::Csv => render::into_printable(render::csv(&report)),
        Format::Html => render::into_printable(render::html(&report)),
        Format::Json => serde_json::to_string_pretty(&report)
            .map(|j| j + "\n")
            .unwrap_or_default(),
    };
    write_out(&output)
}

/// Prints to stdout; a reader that closed the pipe early (`| head`) is not an error.
fn write_out(output: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("crosscheck: cannot write the report: {e}");
            ExitCode::from(1)
        }
    }
}

/// Reads at most `limit` bytes of a file, so `/dev/zero` or a pipe that never
/// ends is refused rather than read until memory runs out. The error names the file.
fn read_capped(path: &Path, limit: usize, what: &str) -> Result<Vec<u8>, String> {
    let shown = path.display();
    let file = File::open(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
    let metadata = file
        .metadata()
        .map_err(|e| format!("cannot read {shown}: {e}"))?;
    if metadata.is_dir() {
        return Err(format!("{shown} is a folder, not a file"));
    }
    let too_large = |size: &str| {
        format!(
            "{shown} is {size}; Crosscheck takes up to {} per {what}",
            readable_size(limit)
        )
    };
    let length = usize::try_from(metadata.len()).unwrap_or(usize::MAX);
    if metadata.is_file() && length > limit {
        return Err(too_large(&readable_size(length)));
    }
    let mut bytes = Vec::new();
    file.take(u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {shown}: {e}"))?;
    if bytes.len() > limit {
        return Err(too_large(&format!("larger than {}", readable_size(limit))));
    }
    Ok(bytes)
}

/// Reads a corrections file (or a session's corrections); the error names the file.
fn read_corrections(file: &Path) -> Result<Vec<Correction>, String> {
    let bytes = read_capped(file, MAX_SESSION_BYTES, "session or corrections file")?;
    let text = String::from_utf8_lossy(&bytes);
    parse_corrections(&text)
        .map_err(|e| format!("{} cannot be used as corrections: {e}", file.display()))
}

/// Reads one article of at most [`MAX_FILE_BYTES`]; the error names the file.
fn load(path: &Path) -> Result<Source, String> {
    let bytes = read_capped(path, MAX_FILE_BYTES, "article")?;
    let shown = path.display();
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{shown} is not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    if text.trim().is_empty() {
        return Err(format!("{shown} is empty"));
    }
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Source {
        id: seeds::id_from_file(&file),
        file: Some(file),
        text,
        ..Source::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(args: &[&str], expect: Result<Command, &str>) {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        assert_eq!(
            parse(&args),
            expect.map_err(|m| Refusal::Usage(m.to_owned()))
        );
    }

    #[test]
    fn compare_takes_files_and_a_format() {
        check(
            &["compare", "a.txt", "--format", "json", "b.txt"],
            Ok(Command::Compare {
                files: vec![PathBuf::from("a.txt"), PathBuf::from("b.txt")],
                format: Format::Json,
                corrections: None,
            }),
        );
        check(
            &["compare", "--format=md"],
            Ok(Command::Compare {
                files: vec![],
                format: Format::Markdown,
                corrections: None,
            }),
        );
        check(
            &["compare"],
            Ok(Command::Compare {
                files: vec![],
                format: Format::Text,
                corrections: None,
            }),
        );
        check(
            &["compare", "-f", "csv"],
            Ok(Command::Compare {
                files: vec![],
                format: Format::Csv,
                corrections: None,
            }),
        );
        check(
            &["compare", "a.txt", "--format=html"],
            Ok(Command::Compare {
                files: vec![PathBuf::from("a.txt")],
                format: Format::Html,
                corrections: None,
            }),
        );
        check(
            &["compare", "--", "-odd.txt"],
            Ok(Command::Compare {
                files: vec![PathBuf::from("-odd.txt")],
                format: Format::Text,
                corrections: None,
            }),
        );
    }

    #[test]
    fn usage_errors_say_what_is_wrong() {
        check(&[], Err("no command given"));
        check(&["diff"], Err("unknown command \"diff\""));
        check(
            &["compare", "--format"],
            Err("--format needs a value: text, json, md, csv or html"),
        );
        check(
            &["compare", "--format", "xml"],
            Err("unknown format \"xml\" (expected text, json, md, csv or html)"),
        );
        check(
            &["compare", "--verbose"],
            Err("unknown option \"--verbose\""),
        );
        check(
            &["compare", "--corrections"],
            Err("--corrections needs a file"),
        );
        check(&["--help"], Ok(Command::Help));
    }

    #[test]
    fn corrections_take_a_file() {
        check(
            &["compare", "--corrections", "fix.json", "a.txt"],
            Ok(Command::Compare {
                files: vec![PathBuf::from("a.txt")],
                format: Format::Text,
                corrections: Some(PathBuf::from("fix.json")),
            }),
        );
    }

    #[test]
    fn more_files_than_the_engine_compares_are_refused_before_any_is_read() {
        let mut args = vec![OsString::from("compare")];
        args.extend((0..=MAX_ARTICLES).map(|i| OsString::from(format!("{i}.txt"))));
        assert_eq!(
            parse(&args),
            Err(Refusal::Limit(
                "101 files given; Crosscheck compares at most 100 articles at a time".into()
            ))
        );
        args.pop();
        assert!(matches!(parse(&args), Ok(Command::Compare { files, .. }) if files.len() == 100));
    }

    #[cfg(unix)]
    #[test]
    fn arguments_that_are_not_utf8_are_file_names_or_a_clear_error() {
        use std::os::unix::ffi::OsStringExt;
        let name = OsString::from_vec(b"caf\xe9.txt".to_vec());
        let args = [OsString::from("compare"), name.clone()];
        assert_eq!(
            parse(&args),
            Ok(Command::Compare {
                files: vec![PathBuf::from(name.clone())],
                format: Format::Text,
                corrections: None,
            })
        );
        let args = [
            OsString::from("compare"),
            OsString::from("--format"),
            name.clone(),
        ];
        assert_eq!(
            parse(&args),
            Err(Refusal::Usage(
                "unknown format \"caf\u{fffd}.txt\" (expected text, json, md, csv or html)".into()
            ))
        );
        let args = [
            OsString::from("compare"),
            OsString::from("-c"),
            name.clone(),
        ];
        assert!(
            matches!(parse(&args), Ok(Command::Compare { corrections: Some(c), .. }) if c.as_os_str() == name)
        );
        assert_eq!(
            parse(&[name]),
            Err(Refusal::Usage("unknown command (not UTF-8)".into()))
        );
    }
}

//! `crosscheck`: compares news articles from the command line with the Crosscheck engine.
//!
//! `crosscheck compare [FILES…] [--format text|json|md|csv|html]` compares the
//! files, or the bundled seed set when no file is given, and prints the report.
//! Exit codes: 0 success, 1 a file could not be read (or stdout written), 2 usage error.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crosscheck_engine::{Config, Correction, CorrectionResult, Source, compare, render, seeds};
use crosscheck_import::corrections::parse_corrections;

const USAGE: &str = "\
crosscheck: compare news articles about one event, sentence by sentence

Usage:
  crosscheck compare [FILES...] [--format text|json|md|csv|html]
                     [--corrections FILE]
  crosscheck --help

With no FILES, compares the bundled seed set (five articles about the
Trump-Putin calls of 2025). Each FILE is one article as UTF-8 text.

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

Exit codes: 0 success, 1 a file could not be read or the report not written,
2 usage error.
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

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Help,
    Compare {
        files: Vec<String>,
        format: Format,
        corrections: Option<String>,
    },
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
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
        Err(message) => {
            eprintln!("crosscheck: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Parses the arguments after the program name.
fn parse(args: &[String]) -> Result<Command, String> {
    let mut args = args.iter();
    match args.next().map(String::as_str) {
        None => return Err("no command given".into()),
        Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("compare") => {}
        Some(other) => return Err(format!("unknown command {other:?}")),
    }
    let mut files = Vec::new();
    let mut format = Format::Text;
    let mut corrections = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-c" | "--corrections" => match args.next() {
                Some(file) => corrections = Some(file.clone()),
                None => return Err("--corrections needs a file".into()),
            },
            other if other.starts_with("--corrections=") => {
                corrections = other.strip_prefix("--corrections=").map(str::to_owned);
            }
            "-f" | "--format" => format = parse_format(args.next().map(String::as_str))?,
            other if other.starts_with("--format=") => {
                format = parse_format(other.strip_prefix("--format="))?
            }
            "--" => files.extend(args.by_ref().cloned()),
            other if other.starts_with('-') && other.len() > 1 => {
                return Err(format!("unknown option {other:?}"));
            }
            file => files.push(file.to_owned()),
        }
    }
    Ok(Command::Compare {
        files,
        format,
        corrections,
    })
}

/// The format names, as error messages list them.
const FORMATS: &str = "text, json, md, csv or html";

fn parse_format(value: Option<&str>) -> Result<Format, String> {
    match value {
        Some("text") => Ok(Format::Text),
        Some("json") => Ok(Format::Json),
        Some("md" | "markdown") => Ok(Format::Markdown),
        Some("csv") => Ok(Format::Csv),
        Some("html") => Ok(Format::Html),
        Some(other) => Err(format!("unknown format {other:?} (expected {FORMATS})")),
        None => Err(format!("--format needs a value: {FORMATS}")),
    }
}

/// Loads the sources, compares them and prints the report.
fn run(files: &[String], format: Format, corrections: Option<&str>) -> ExitCode {
    let corrections = match corrections.map(read_corrections).transpose() {
        Ok(list) => list.unwrap_or_default(),
        Err(message) => {
            eprintln!("crosscheck: {message}");
            return ExitCode::from(1);
        }
    };
    let sources = if files.is_empty() {
        seeds::bundled()
    } else {
        match files
            .iter()
            .map(|f| load(Path::new(f)))
            .collect::<Result<Vec<_>, _>>()
        {
            Ok(sources) => sources,
            Err(message) => {
                eprintln!("crosscheck: {message}");
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
                    eprintln!("crosscheck: {message}");
                }
            }
        }
    }
    let output = match format {
        Format::Text => render::text(&report),
        Format::Markdown => render::markdown(&report),
        Format::Csv => render::csv(&report),
        Format::Html => render::html(&report),
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

/// Reads a corrections file (or a session's corrections); the error names the file.
fn read_corrections(file: &str) -> Result<Vec<Correction>, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let text = String::from_utf8_lossy(&bytes);
    parse_corrections(&text).map_err(|e| format!("{file} cannot be used as corrections: {e}"))
}

/// Reads one article; the error names the file.
fn load(path: &Path) -> Result<Source, String> {
    let shown = path.display();
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
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
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_owned();
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
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        assert_eq!(parse(&args), expect.map_err(str::to_owned));
    }

    #[test]
    fn compare_takes_files_and_a_format() {
        check(
            &["compare", "a.txt", "--format", "json", "b.txt"],
            Ok(Command::Compare {
                files: vec!["a.txt".into(), "b.txt".into()],
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
                files: vec!["a.txt".into()],
                format: Format::Html,
                corrections: None,
            }),
        );
        check(
            &["compare", "--", "-odd.txt"],
            Ok(Command::Compare {
                files: vec!["-odd.txt".into()],
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
                files: vec!["a.txt".into()],
                format: Format::Text,
                corrections: Some("fix.json".into()),
            }),
        );
    }
}

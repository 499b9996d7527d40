//! `docs/import.md` quotes every message the reader can see: this checks each quote against the code.

use crosscheck_engine::Source;
use crosscheck_import::{
    Duplicate, FileKind, ImportError, MAX_FILE_BYTES, Notice, SessionError, parse_session,
};

fn doc() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/import.md");
    std::fs::read_to_string(path).expect("docs/import.md")
}

fn file(name: &str) -> Option<String> {
    Some(name.to_owned())
}

#[test]
fn every_error_and_notice_message_is_quoted_in_the_docs() {
    let doc = doc();
    let import_errors = [
        ImportError::Empty {
            file: file("notes.txt"),
        },
        ImportError::Empty { file: None },
        ImportError::Pdf {
            file: file("report.pdf"),
        },
        ImportError::Pdf { file: None },
        ImportError::NotText {
            file: file("photo.png"),
            kind: FileKind::Png,
        },
        ImportError::NotText {
            file: file("story.docx"),
            kind: FileKind::Word,
        },
        ImportError::NotText {
            file: file("articles.zip"),
            kind: FileKind::Zip,
        },
        ImportError::TooLarge {
            file: file("big.html"),
            bytes: 7_654_321,
        },
        ImportError::TooLarge {
            file: None,
            bytes: MAX_FILE_BYTES + 1,
        },
        ImportError::TooManyArticles { count: 101 },
        ImportError::NoArticleText {
            file: file("app.html"),
        },
        ImportError::SessionFile {
            file: "session.json".to_owned(),
        },
    ];
    let notices = [
        Notice::DecodedAsWindows1252,
        Notice::SeveralArticles { count: 3 },
        Notice::NoArticleMarked,
        Notice::PageCutShort,
        Notice::UrlNotKept {
            url: "javascript:alert(1)".to_owned(),
        },
    ];
    let mut messages: Vec<String> = import_errors.iter().map(ImportError::message).collect();
    messages.extend(notices.iter().map(Notice::message));
    let session_errors = [
        "",
        "{\n  \"schema\": \"crosscheck-session/1\",\n    oops\n}",
        "{}",
        r#"{"schema": "crosscheck-report/1"}"#,
        r#"{"schema": "something/3"}"#,
        r#"{"schema": "crosscheck-session/2"}"#,
    ];
    for json in session_errors {
        messages.push(parse_session(json).unwrap_err().message());
    }
    messages.extend(
        [
            SessionError::NotText,
            SessionError::TooManyArticles { count: 101 },
            SessionError::Damaged {
                problem: "article 4 has no text".to_owned(),
            },
        ]
        .iter()
        .map(SessionError::message),
    );
    let existing = Source {
        title: Some("Talks held".to_owned()),
        ..Source::default()
    };
    for (identical, similarity) in [(true, 1.0), (false, 0.985)] {
        let duplicate = Duplicate {
            index: 0,
            identical,
            similarity,
        };
        messages.push(duplicate.message(&existing));
    }
    let missing: Vec<&String> = messages
        .iter()
        .filter(|m| !doc.contains(m.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "not quoted in docs/import.md: {missing:#?}"
    );
}

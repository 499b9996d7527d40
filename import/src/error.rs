//! What can go wrong when bringing in an article, and what a person is told about it.
//!
//! Every refusal is an [`ImportError`] and every "done, but note this" is a
//! [`Notice`]; both have a `message()` written for the reader, naming the file
//! where there is one. Nothing here loses work: an error only refuses the one
//! file or paste that caused it.

use std::fmt;

use crate::limits::{MAX_ARTICLES, MAX_FILE_BYTES};

/// What a file turned out to be when it is not text Crosscheck can read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A PNG image.
    Png,
    /// A JPEG photo.
    Jpeg,
    /// A GIF image.
    Gif,
    /// A WebP image.
    Webp,
    /// A BMP image.
    Bmp,
    /// A TIFF image.
    Tiff,
    /// A HEIC or AVIF photo (phones save these).
    Heic,
    /// A Word document (.docx, or the older .doc and other Office files).
    Word,
    /// An OpenDocument text (LibreOffice, .odt).
    OpenDocument,
    /// A Rich Text document (.rtf, TextEdit's default on a Mac).
    Rtf,
    /// An EPUB e-book.
    Epub,
    /// A ZIP archive.
    Zip,
    /// A gzip, 7-Zip or RAR archive.
    Archive,
    /// Sound: MP3, Ogg, FLAC, WAV.
    Audio,
    /// Video: MP4, QuickTime, AVI.
    Video,
    /// A program or library.
    Program,
    /// Binary data of no kind recognised here.
    Binary,
}

impl FileKind {
    /// What the file is, after "is": "an image (PNG)".
    fn noun(self) -> &'static str {
        match self {
            FileKind::Png => "an image (PNG)",
            FileKind::Jpeg => "an image (JPEG)",
            FileKind::Gif => "an image (GIF)",
            FileKind::Webp => "an image (WebP)",
            FileKind::Bmp => "an image (BMP)",
            FileKind::Tiff => "an image (TIFF)",
            FileKind::Heic => "a photo (HEIC or AVIF)",
            FileKind::Word => "a Word document",
            FileKind::OpenDocument => "an OpenDocument text",
            FileKind::Rtf => "a Rich Text (RTF) document",
            FileKind::Epub => "an EPUB e-book",
            FileKind::Zip => "a ZIP archive",
            FileKind::Archive => "a compressed archive",
            FileKind::Audio => "a sound file",
            FileKind::Video => "a video",
            FileKind::Program => "a program",
            FileKind::Binary => "binary data",
        }
    }

    /// What to do instead.
    fn advice(self) -> &'static str {
        match self {
            FileKind::Word | FileKind::OpenDocument | FileKind::Rtf | FileKind::Epub => {
                "Crosscheck can't read these yet; open it, copy its text and paste it."
            }
            FileKind::Zip | FileKind::Archive => {
                "Unpack it and add the articles inside (.txt, .md or .html files)."
            }
            _ => "Crosscheck reads text: .txt, .md and .html files, or pasted text.",
        }
    }
}

/// Why an article could not be brought in. The current work is never touched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file or the paste holds no text, or only white space.
    Empty {
        /// The file's name; `None` for pasted text.
        file: Option<String>,
    },
    /// A PDF.
    Pdf {
        /// The file's name; `None` for pasted text.
        file: Option<String>,
    },
    /// An image, a document format, an archive… anything that is not text.
    NotText {
        /// The file's name; `None` for pasted text.
        file: Option<String>,
        /// What it looks like.
        kind: FileKind,
    },
    /// Over [`MAX_FILE_BYTES`].
    TooLarge {
        /// The file's name; `None` for pasted text.
        file: Option<String>,
        /// Its size in bytes.
        bytes: usize,
    },
    /// Adding would make more than [`MAX_ARTICLES`] articles.
    TooManyArticles {
        /// How many there would be.
        count: usize,
    },
    /// A web page in which no article text was found (all scripts, or empty).
    NoArticleText {
        /// The file's name; `None` for pasted text.
        file: Option<String>,
    },
    /// A Crosscheck session file given as an article.
    SessionFile {
        /// The file's name.
        file: String,
    },
}

impl ImportError {
    /// The message to show, naming the file where there is one.
    pub fn message(&self) -> String {
        match self {
            ImportError::Empty { file: Some(file) } => {
                format!("“{file}” is empty: there is no text in it to compare.")
            }
            ImportError::Empty { file: None } => "There is no text to add: it is empty.".to_owned(),
            ImportError::Pdf { file } => {
                let text = "PDF isn't supported yet; copy its text and paste it";
                match file {
                    Some(file) => format!("“{file}”: {text}"),
                    None => text.to_owned(),
                }
            }
            ImportError::NotText { file, kind } => {
                let subject = match file {
                    Some(file) => format!("“{file}”"),
                    None => "This".to_owned(),
                };
                format!("{subject} is {}, not text. {}", kind.noun(), kind.advice())
            }
            ImportError::TooLarge { file, bytes } => {
                let subject = match file {
                    Some(file) => format!("“{file}”"),
                    None => "The pasted text".to_owned(),
                };
                format!(
                    "{subject} is {}; Crosscheck takes up to {} per article. \
                     Save or paste just the article's text instead.",
                    readable_size(*bytes),
                    readable_size(MAX_FILE_BYTES)
                )
            }
            ImportError::TooManyArticles { count } => format!(
                "Crosscheck compares at most {MAX_ARTICLES} articles; this would make {count}. \
                 Remove some articles first."
            ),
            ImportError::NoArticleText { file } => {
                let page = match file {
                    Some(file) => format!("“{file}”"),
                    None => "the pasted page".to_owned(),
                };
                format!(
                    "No article text was found in {page}. If the page builds its story with \
                     scripts, open it in a browser, select the article, copy it and paste it."
                )
            }
            ImportError::SessionFile { file } => format!(
                "“{file}” is a saved Crosscheck session, not an article; \
                 use “Open a session…” to open it."
            ),
        }
    }

    /// The file the error is about, if any.
    pub fn file(&self) -> Option<&str> {
        match self {
            ImportError::Empty { file }
            | ImportError::Pdf { file }
            | ImportError::NotText { file, .. }
            | ImportError::TooLarge { file, .. }
            | ImportError::NoArticleText { file } => file.as_deref(),
            ImportError::SessionFile { file } => Some(file),
            ImportError::TooManyArticles { .. } => None,
        }
    }

    /// The same error about the named file.
    pub(crate) fn in_file(mut self, name: &str) -> Self {
        match &mut self {
            ImportError::Empty { file }
            | ImportError::Pdf { file }
            | ImportError::NotText { file, .. }
            | ImportError::TooLarge { file, .. }
            | ImportError::NoArticleText { file } => *file = Some(name.to_owned()),
            ImportError::SessionFile { .. } | ImportError::TooManyArticles { .. } => {}
        }
        self
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ImportError {}

/// Something the reader should know about an article that was brought in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The bytes were not UTF-8 and were read as Windows-1252.
    DecodedAsWindows1252,
    /// The page held several articles of some length; the longest was kept.
    SeveralArticles {
        /// How many.
        count: usize,
    },
    /// The page marks no article or main content; the densest block of text was kept.
    NoArticleMarked,
    /// The page's markup would have taken too long to read to the end (see
    /// `html::MAX_NODES_PER_BYTE`); its first part was read.
    PageCutShort,
    /// A link that is not http or https was dropped.
    UrlNotKept {
        /// The link as given (cut to 80 characters).
        url: String,
    },
}

impl Notice {
    /// The message to show.
    pub fn message(&self) -> String {
        match self {
            Notice::DecodedAsWindows1252 => "This file was not UTF-8; it was read as Windows-1252 \
                 (Western European). If letters look wrong, save it as UTF-8 and add it again."
                .to_owned(),
            Notice::SeveralArticles { count } => {
                format!("The page held {count} articles; the longest was kept.")
            }
            Notice::NoArticleMarked => "The page doesn't mark its article; the block with the \
                 most text was kept. Check that it is the whole story."
                .to_owned(),
            Notice::PageCutShort => "The page's markup is built so that reading it to the end \
                 would take too long; only its first part was read."
                .to_owned(),
            Notice::UrlNotKept { url } => {
                format!("The link “{url}” was not kept: only http and https links are.")
            }
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// A size for people: "820 KB", "7.3 MB", "just over 5 MB".
pub fn readable_size(bytes: usize) -> String {
    const KB: usize = 1024;
    const MB: usize = 1024 * KB;
    if bytes < MB {
        return format!("{} KB", bytes.div_ceil(KB));
    }
    let tenths = bytes * 10 / MB;
    if bytes.is_multiple_of(MB) {
        format!("{} MB", bytes / MB)
    } else if tenths.is_multiple_of(10) {
        format!("just over {} MB", tenths / 10)
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(error: ImportError, expect: &str) {
        assert_eq!(error.message(), expect);
        assert_eq!(error.to_string(), expect);
    }

    #[test]
    fn pdf_message_is_the_issue_wording() {
        check(
            ImportError::Pdf { file: None },
            "PDF isn't supported yet; copy its text and paste it",
        );
        check(
            ImportError::Pdf {
                file: Some("report.pdf".into()),
            },
            "“report.pdf”: PDF isn't supported yet; copy its text and paste it",
        );
    }

    #[test]
    fn messages_name_the_file() {
        check(
            ImportError::NotText {
                file: Some("photo.png".into()),
                kind: FileKind::Png,
            },
            "“photo.png” is an image (PNG), not text. Crosscheck reads text: .txt, .md and .html files, or pasted text.",
        );
        check(
            ImportError::Empty {
                file: Some("a.txt".into()),
            },
            "“a.txt” is empty: there is no text in it to compare.",
        );
        check(
            ImportError::TooLarge {
                file: Some("big.html".into()),
                bytes: 7_654_321,
            },
            "“big.html” is 7.2 MB; Crosscheck takes up to 5 MB per article. Save or paste just the article's text instead.",
        );
        check(
            ImportError::TooManyArticles { count: 103 },
            "Crosscheck compares at most 100 articles; this would make 103. Remove some articles first.",
        );
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(readable_size(1), "1 KB");
        assert_eq!(readable_size(839_000), "820 KB");
        assert_eq!(readable_size(5 * 1024 * 1024), "5 MB");
        assert_eq!(readable_size(5 * 1024 * 1024 + 1), "just over 5 MB");
        assert_eq!(readable_size(7_654_321), "7.2 MB");
    }

    #[test]
    fn in_file_names_the_file_once() {
        let error = ImportError::Empty { file: None }.in_file("x.md");
        assert_eq!(error.file(), Some("x.md"));
    }
}

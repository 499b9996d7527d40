//! Bytes to text: UTF-8 or UTF-16 when they are, Windows-1252 when they are not, and a clear "no" for binary files.
//!
//! Order matters: binary formats are recognised by their first bytes before
//! any decoding (a PDF is valid Windows-1252, and so is a JPEG), then a byte
//! order mark decides, then UTF-16 without a mark (every other byte zero),
//! then NUL bytes or many control characters mean binary, and finally text
//! that is not valid UTF-8 is read as Windows-1252, the encoding of most old
//! Western pages and of Notepad's "ANSI". Windows-1252 differs from Latin-1
//! only in 0x80–0x9F (curly quotes, dashes, €), so that range is a 32-entry
//! table here rather than a whole encoding library.

use crate::error::{FileKind, ImportError, Notice};

/// Decoded text and what the reader should know about how it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte order mark.
    pub text: String,
    /// Set when the bytes were not UTF-8 or UTF-16.
    pub notice: Option<Notice>,
}

/// How many leading bytes the binary checks look at.
const SNIFF_BYTES: usize = 4096;

/// Reads `bytes` as text, or says why they are not text.
///
/// ```
/// use crosscheck_import::{decode, ImportError, Notice};
///
/// assert_eq!(decode("Grüße".as_bytes()).unwrap().text, "Grüße");
/// // 0x93 and 0x94 are curly quotes in Windows-1252.
/// let old = decode(b"\x93Caf\xe9\x94").unwrap();
/// assert_eq!(old.text, "“Café”");
/// assert_eq!(old.notice, Some(Notice::DecodedAsWindows1252));
/// assert!(matches!(decode(b"%PDF-1.7\n..."), Err(ImportError::Pdf { .. })));
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, ImportError> {
    if let Some(kind) = sniff(bytes) {
        return Err(match kind {
            Sniffed::Pdf => ImportError::Pdf { file: None },
            Sniffed::Other(kind) => ImportError::NotText { file: None, kind },
        });
    }
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8_or_1252(rest)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        plain(utf16(rest, u16::from_le_bytes))
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        plain(utf16(rest, u16::from_be_bytes))
    } else if let Some(little_endian) = utf16_without_mark(bytes) {
        if little_endian {
            plain(utf16(bytes, u16::from_le_bytes))
        } else {
            plain(utf16(bytes, u16::from_be_bytes))
        }
    } else if looks_binary(bytes) {
        return Err(ImportError::NotText {
            file: None,
            kind: FileKind::Binary,
        });
    } else {
        utf8_or_1252(bytes)
    };
    if decoded.text.trim().is_empty() {
        return Err(ImportError::Empty { file: None });
    }
    Ok(decoded)
}

/// UTF-16 text, with a byte order mark or recognised without one, and
/// nothing else: for files that are always Unicode, such as a session.
pub(crate) fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let text = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)
    } else {
        match utf16_without_mark(bytes)? {
            true => utf16(bytes, u16::from_le_bytes),
            false => utf16(bytes, u16::from_be_bytes),
        }
    };
    Some(strip_bom(&text).to_owned())
}

/// Strips a UTF-8 byte order mark from text that is already a string (a paste, a session).
pub(crate) fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn plain(text: String) -> Decoded {
    Decoded {
        text: strip_bom(&text).to_owned(),
        notice: None,
    }
}

fn utf8_or_1252(bytes: &[u8]) -> Decoded {
    match std::str::from_utf8(bytes) {
        Ok(text) => plain(text.to_owned()),
        Err(_) => Decoded {
            text: bytes.iter().map(|&b| windows_1252(b)).collect(),
            notice: Some(Notice::DecodedAsWindows1252),
        },
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|pair| unit([pair[0], pair[1]]))
        .collect();
    String::from_utf16_lossy(&units)
}

/// `Some(true)` for UTF-16 LE without a byte order mark, `Some(false)` for BE:
/// most odd (LE) or even (BE) bytes are zero and the others are not.
fn utf16_without_mark(bytes: &[u8]) -> Option<bool> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let zero_even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let zero_odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let mostly = |n: usize| n * 10 >= pairs * 7;
    let few = |n: usize| n * 10 <= pairs;
    if mostly(zero_odd) && few(zero_even) {
        Some(true)
    } else if mostly(zero_even) && few(zero_odd) {
        Some(false)
    } else {
        None
    }
}

/// NUL bytes, or more than one control character in ten, in the first bytes.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    controls * 10 > head.len()
}

enum Sniffed {
    Pdf,
    Other(FileKind),
}

/// Recognises binary formats by their first bytes ("magic numbers").
fn sniff(bytes: &[u8]) -> Option<Sniffed> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    let at = |offset: usize, magic: &[u8]| bytes.get(offset..offset + magic.len()) == Some(magic);
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return Some(Sniffed::Pdf);
    }
    let kind = if starts(b"\x89PNG\r\n\x1a\n") {
        FileKind::Png
    } else if starts(b"\xFF\xD8\xFF") {
        FileKind::Jpeg
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        FileKind::Gif
    } else if starts(b"RIFF") && at(8, b"WEBP") {
        FileKind::Webp
    } else if starts(b"RIFF") && at(8, b"WAVE") {
        FileKind::Audio
    } else if starts(b"RIFF") && at(8, b"AVI ") {
        FileKind::Video
    } else if starts(b"BM") && at(6, b"\0\0\0\0") {
        FileKind::Bmp
    } else if starts(b"II*\0") || starts(b"MM\0*") {
        FileKind::Tiff
    } else if at(4, b"ftyp") {
        let brand = bytes.get(8..12).unwrap_or_default();
        match brand {
            b"heic" | b"heix" | b"mif1" | b"msf1" | b"avif" | b"hevc" => FileKind::Heic,
            b"M4A " | b"M4B " => FileKind::Audio,
            _ => FileKind::Video,
        }
    } else if starts(b"PK\x03\x04") {
        let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
        if find(head, b"word/").is_some() {
            FileKind::Word
        } else if find(head, b"application/vnd.oasis.opendocument").is_some() {
            FileKind::OpenDocument
        } else if find(head, b"application/epub+zip").is_some() {
            FileKind::Epub
        } else {
            FileKind::Zip
        }
    } else if starts(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        FileKind::Word
    } else if starts(b"{\\rtf") {
        FileKind::Rtf
    } else if starts(b"\x1F\x8B") || starts(b"7z\xBC\xAF\x27\x1C") || starts(b"Rar!\x1A\x07") {
        FileKind::Archive
    } else if (starts(b"ID3") && bytes.get(3).is_some_and(|&v| v < 10))
        || starts(b"OggS\0")
        || starts(b"fLaC")
    {
        FileKind::Audio
    } else if starts(b"\x7FELF") || starts(b"\0asm") || (starts(b"MZ") && bytes.contains(&0)) {
        FileKind::Program
    } else {
        return None;
    };
    Some(Sniffed::Other(kind))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// Windows-1252 as the WHATWG Encoding Standard defines it: Latin-1 except
/// 0x80–0x9F, where the five unassigned bytes map to the C1 controls.
pub(crate) fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a person sees: the text and its notice, or the error message.
    fn check(bytes: &[u8], expect: &str) {
        let seen = match decode(bytes) {
            Ok(Decoded { text, notice: None }) => format!("text: {text}"),
            Ok(Decoded {
                text,
                notice: Some(notice),
            }) => format!("text: {text}\nnotice: {}", notice.message()),
            Err(error) => format!("error: {}", error.message()),
        };
        assert_eq!(seen, expect, "input {bytes:?}");
    }

    #[test]
    fn utf8_passes_through_without_its_mark() {
        check("Café – “quoted”".as_bytes(), "text: Café – “quoted”");
        check(b"\xEF\xBB\xBFWith a mark", "text: With a mark");
    }

    #[test]
    fn utf16_with_and_without_a_mark() {
        let le: Vec<u8> = "Zoë’s".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = "Zoë’s".encode_utf16().flat_map(u16::to_be_bytes).collect();
        check(&[b"\xFF\xFE".as_slice(), &le].concat(), "text: Zoë’s");
        check(&[b"\xFE\xFF".as_slice(), &be].concat(), "text: Zoë’s");
        check(&le, "text: Zoë’s");
        check(&be, "text: Zoë’s");
    }

    #[test]
    fn not_utf8_is_read_as_windows_1252_and_said() {
        check(
            b"\x93Caf\xe9\x94 \x96 \x80 5",
            "text: “Café” – € 5\nnotice: This file was not UTF-8; it was read as Windows-1252 (Western European). If letters look wrong, save it as UTF-8 and add it again.",
        );
    }

    #[test]
    fn windows_1252_table_matches_the_standard_at_its_edges() {
        assert_eq!(windows_1252(0x41), 'A');
        assert_eq!(windows_1252(0x80), '€');
        assert_eq!(windows_1252(0x81), '\u{81}');
        assert_eq!(windows_1252(0x9F), 'Ÿ');
        assert_eq!(windows_1252(0xA0), '\u{A0}');
        assert_eq!(windows_1252(0xFF), 'ÿ');
    }

    #[test]
    fn pdf_gets_the_issue_wording() {
        check(
            b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj",
            "error: PDF isn't supported yet; copy its text and paste it",
        );
    }

    #[test]
    fn images_and_documents_are_named() {
        check(
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "error: This is an image (PNG), not text. Crosscheck reads text: .txt, .md and .html files, or pasted text.",
        );
        check(
            b"\xFF\xD8\xFF\xE0\0\x10JFIF",
            "error: This is an image (JPEG), not text. Crosscheck reads text: .txt, .md and .html files, or pasted text.",
        );
        check(
            b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0[Content_Types].xml word/document.xml",
            "error: This is a Word document, not text. Crosscheck can't read these yet; open it, copy its text and paste it.",
        );
        check(
            b"{\\rtf1\\ansi\\deff0 Hello}",
            "error: This is a Rich Text (RTF) document, not text. Crosscheck can't read these yet; open it, copy its text and paste it.",
        );
        check(
            b"PK\x03\x04\x14\0\0\0data.csv",
            "error: This is a ZIP archive, not text. Unpack it and add the articles inside (.txt, .md or .html files).",
        );
    }

    #[test]
    fn nul_bytes_or_control_characters_mean_binary() {
        let binary = "error: This is binary data, not text. Crosscheck reads text: .txt, .md and .html files, or pasted text.";
        check(b"abc\0def", binary);
        check(b"\x01\x02\x03\x04abc\x05\x06", binary);
    }

    #[test]
    fn text_that_merely_starts_like_a_format_is_text() {
        check(b"BMW recalls 1,000 cars", "text: BMW recalls 1,000 cars");
        check(b"ID3 tags explained", "text: ID3 tags explained");
        check(b"MZ is a postcode prefix", "text: MZ is a postcode prefix");
    }

    #[test]
    fn empty_or_blank_is_empty() {
        let empty = "error: There is no text to add: it is empty.";
        check(b"", empty);
        check(b" \n\t\r\n", empty);
        check(b"\xEF\xBB\xBF", empty);
        check(b"\xFF\xFE", empty);
    }
}

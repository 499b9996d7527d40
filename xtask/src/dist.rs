//! Assemble `dist/crosscheck.html`: the page shell with CSS, icon, seed articles, JS glue and wasm inlined.
//!
//! The wasm goes in gzip-compressed by zopfli ([`gzip`]) and written as text
//! ([`to_text`]: 85 digits, each six or seven bits of it); the boot script in
//! `index.html` decodes the text and hands it to the browser's
//! `DecompressionStream("gzip")`, whose output stream
//! `WebAssembly.compileStreaming` compiles as it is inflated (and while the
//! glue and seeds are unpacked); the glue instantiates the compiled module.
//! No compression codec of our own ships in the page.
//!
//! Why these: zopfli writes plain gzip 4.6% smaller than flate2 at level 9
//! (the 1,032 KB wasm: 385 KB against 404 KB), in about 3 s. The text takes
//! 1.26 characters a byte, where base64 takes 1.33: the page stays under its
//! 600 KB raw budget, and gzipped it costs hardly more than the bytes it holds
//! (`docs/performance.md`, "Page compression (issue #14)").
//!
//! The bundled seed articles go in packed the same way (31 KB of JSON are
//! 12 KB of text: the page's 600 KB raw budget, issue #16), and the boot
//! script inflates them into their script element before the app reads it.
//!
//! The result is one file that works opened from disk (file://), where a page
//! may not load separate .js or .wasm files, and from any static web server.
//! It references nothing outside itself. Its CSS and JavaScript lose their
//! comments and indentation on the way in ([`minify`]).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use base64::Engine as _;

use crate::{minify, project, wasm};

/// Where `cargo xtask dist` writes the page.
pub fn output_path() -> PathBuf {
    project::root().join("dist").join("crosscheck.html")
}

/// Builds the wasm and writes the single-file page; returns its path.
pub fn run() -> Result<PathBuf> {
    let bundle = wasm::build()?;
    let root = project::root();
    let parts = Parts {
        shell: read(&root.join("index.html"))?,
        css: read(&root.join("www/style.css"))?,
        icon_svg: read(&root.join("www/icon.svg"))?,
        seeds_json: seeds_json()?,
        glue_js: bundle.glue_js,
        wasm: bundle.wasm,
    };
    let html = assemble(&parts)?;
    // The final module, kept for size analysis (`twiggy top target/crosscheck_bg.wasm`).
    std::fs::write(
        project::target_dir().join("crosscheck_bg.wasm"),
        &parts.wasm,
    )?;
    let path = output_path();
    std::fs::create_dir_all(path.parent().expect("dist path has a parent"))?;
    std::fs::write(&path, &html).with_context(|| format!("cannot write {}", path.display()))?;
    println!(
        "wrote {} ({} KB; wasm {} KB before compression)",
        path.display(),
        html.len() / 1000,
        parts.wasm.len() / 1000
    );
    Ok(path)
}

/// The file's size and its size compressed by gzip at level 9 (`gzip -9`).
pub fn sizes(path: &Path) -> Result<(u64, u64)> {
    let bytes = std::fs::read(path)?;
    Ok((bytes.len() as u64, gzipped_len(&bytes)?))
}

/// The size of `bytes` compressed by gzip at level 9, as the page is weighed.
fn gzipped_len(bytes: &[u8]) -> Result<u64> {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len() as u64)
}

/// Opens the page in the default browser, or prints where it is.
pub fn open(path: &Path) -> Result<()> {
    let url = format!("file://{}", path.display());
    let opener: Option<(&str, Vec<&str>)> = if cfg!(target_os = "macos") {
        Some(("open", vec![]))
    } else if cfg!(windows) {
        Some(("cmd", vec!["/C", "start", ""]))
    } else {
        project::on_path("xdg-open").map(|_| ("xdg-open", vec![]))
    };
    let opened = opener.is_some_and(|(program, args)| {
        std::process::Command::new(program)
            .args(args)
            .arg(path)
            .status()
            .is_ok_and(|s| s.success())
    });
    if opened {
        println!("opened {url}");
    } else {
        println!("No browser could be started here. Open this file in a browser:\n  {url}");
    }
    Ok(())
}

/// Everything that goes into the page.
pub struct Parts {
    pub shell: String,
    pub css: String,
    pub icon_svg: String,
    pub seeds_json: String,
    pub glue_js: String,
    pub wasm: Vec<u8>,
}

/// Placeholders in `index.html`, each replaced exactly once.
const CSS_SLOT: &str = "/*CROSSCHECK:CSS*/";
const ICON_SLOT: &str = "CROSSCHECK:ICON";
const SEEDS_SLOT: &str = "/*CROSSCHECK:SEEDS*/";
const GLUE_SLOT: &str = "/*CROSSCHECK:GLUE*/";
const WASM_SLOT: &str = "CROSSCHECK:WASM";

/// What the seeds' script and the glue's start with when they are packed
/// like the wasm (gzip, written as text); the boot script inflates them into their
/// elements (and runs the glue) before the app starts. A page saved for a
/// class holds them as plain JSON and JavaScript.
const SEEDS_PACKED: &str = "gzip85:";

/// Fills the shell's placeholders.
pub fn assemble(parts: &Parts) -> Result<String> {
    let wasm_pieces = wasm_pieces(&gzip(&parts.wasm)?);
    let icon = format!(
        "data:image/svg+xml;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(parts.icon_svg.trim())
    );
    let mut html = minify_boot_script(&parts.shell)?;
    for (slot, value) in [
        (CSS_SLOT, escape_style(&minify::css(&parts.css))),
        (ICON_SLOT, icon),
        (
            SEEDS_SLOT,
            format!(
                "{SEEDS_PACKED}{}",
                to_text(&gzip(parts.seeds_json.as_bytes())?)
            ),
        ),
        // Packed too; escaped first, because the boot script puts it back
        // into its element as text, which a page saved for a class writes out.
        (
            GLUE_SLOT,
            format!(
                "{SEEDS_PACKED}{}",
                to_text(&gzip(
                    escape_script(&minify::js(&parts.glue_js)?).as_bytes()
                )?)
            ),
        ),
        (WASM_SLOT, wasm_pieces),
    ] {
        html = fill(&html, slot, &value)?;
    }
    Ok(html)
}

/// The shell with its boot script (the last `<script>`, which unpacks and
/// starts the program) minified like the glue: its comments explain the
/// source, not the page.
fn minify_boot_script(shell: &str) -> Result<String> {
    let Some(open) = shell.rfind("<script>") else {
        return Ok(shell.to_owned());
    };
    let start = open + "<script>".len();
    let end = start
        + shell[start..]
            .find("</script>")
            .context("the boot script is not closed")?;
    Ok(format!(
        "{}\n{}{}",
        &shell[..start],
        minify::js(&shell[start..end])?,
        &shell[end..]
    ))
}

/// `bytes` as a gzip member (RFC 1952, what `DecompressionStream("gzip")`
/// reads), compressed by zopfli with its default 15 iterations: 100 took
/// five times as long for 0.03% less.
fn gzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut packed = Vec::new();
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        bytes,
        &mut packed,
    )
    .context("zopfli could not compress the wasm")?;
    Ok(packed)
}

/// The digits of [`to_text`]: printable ASCII from `#` on, without `<` (so no
/// `</script>` or `<!--` can form) and `\` (no escapes in the JS string); `"`
/// comes before `#`. index.html's boot script builds the same table.
fn digits() -> Vec<u8> {
    (b'#'..=b'~')
        .filter(|&c| c != b'<' && c != b'\\')
        .take(85)
        .collect()
}

/// Digits below this carry six bits of the packed bytes, the others seven:
/// 43 six-bit codes and 42 seven-bit ones use all 85 digits (a complete
/// prefix code).
const SIX_BIT_DIGITS: u32 = 43;

/// `bytes` as text in the 85 [`digits`]: the bits, most significant first,
/// cut into a prefix code. Six bits below 43 are that digit; six bits from 43
/// up take a seventh, and the seven-bit value (86 to 127) less 43 is the digit
/// (43 to 84). The last digit is padded with zero bits, fewer than eight, so
/// a decoder that keeps whole bytes only gets `bytes` back.
///
/// Why not base 85 proper (four bytes as five digits): the page is served and
/// weighed gzipped, and gzip spends whole bits on each character. Base 85's
/// equally likely digits cost it about 6.49 bits for 6.41 of data, 1.5% more
/// than the packed wasm as measured; these digits come exactly as often as their codes say (one in
/// 64, one in 128), so gzip spends six or seven bits on each, as many as they
/// carry. On the app's wasm that is 4.2 KB less gzipped for 5 KB more as
/// written (`docs/performance.md`, "Page compression (issue #14)").
fn to_text(bytes: &[u8]) -> String {
    let digits = digits();
    let mut out = String::with_capacity(bytes.len() * 8 / 6 + 1);
    // Bits read but not yet written: the low `held` bits of `bits`.
    let (mut bits, mut held) = (0u32, 0u32);
    let mut input = bytes.iter();
    loop {
        while held < 7 {
            let Some(&byte) = input.next() else { break };
            bits = bits << 8 | u32::from(byte);
            held += 8;
        }
        if held == 0 {
            return out;
        }
        let seven = if held >= 7 {
            bits >> (held - 7)
        } else {
            bits << (7 - held)
        } & 0x7f;
        let (digit, width) = if seven >> 1 < SIX_BIT_DIGITS {
            (seven >> 1, 6)
        } else {
            (seven - SIX_BIT_DIGITS, 7)
        };
        out.push(char::from(digits[digit as usize]));
        held = held.saturating_sub(width);
        bits &= (1 << held) - 1;
    }
}

/// Bytes of packed wasm in each of the page's pieces of text: about 80 KB of
/// text, so the compiler gets its first bytes while the browser still reads
/// the rest of the page.
const WASM_PIECE: usize = 64 * 1024;

/// The packed wasm as scripts that follow the boot script, each handing its
/// piece of text ([`to_text`], decoded alone) to the boot script's
/// `crosscheckWasm`, and a last one that says the end (`null`).
///
/// Why pieces: one script holding all of the text runs only once the browser
/// has read the whole page (588 KB from disk), and until then nothing else can
/// start. In pieces the boot script starts as soon as the page's first 60 KB
/// are read, unpacks the glue and the seeds, and streams each piece into the
/// compiler as it arrives: the first row came on screen about 25 ms sooner
/// (`docs/performance.md`, "Issue #19: start-up, step by step").
fn wasm_pieces(packed: &[u8]) -> String {
    let mut html = String::new();
    for piece in packed.chunks(WASM_PIECE) {
        html.push_str("<script>crosscheckWasm(\"");
        html.push_str(&to_text(piece));
        html.push_str("\")</script>\n");
    }
    html.push_str("<script>crosscheckWasm(null)</script>");
    html
}

fn fill(html: &str, slot: &str, value: &str) -> Result<String> {
    match html.matches(slot).count() {
        1 => Ok(html.replacen(slot, value, 1)),
        n => bail!("index.html must contain the placeholder {slot} exactly once (found {n})"),
    }
}

/// The bundled seed articles as JSON for `<script type="application/json">`.
fn seeds_json() -> Result<String> {
    let sources = crosscheck_engine::seeds::bundled();
    if sources.is_empty() {
        bail!("the bundled seed set is empty: check seeds/manifest.json");
    }
    Ok(serde_json::to_string(&sources)?)
}

/// Makes the JS glue safe inside `<script>`: no `</script`, no `<!--`. `<`
/// only appears in code and strings, where `\x3c`-style escaping is not
/// needed once `</` is broken up.
fn escape_script(text: &str) -> String {
    text.replace("</", "<\\/").replace("<!--", "<\\!--")
}

/// Makes CSS safe inside `<style>`.
fn escape_style(css: &str) -> String {
    css.replace("</", "<\\/")
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

#[cfg(test)]
mod tests {
    use std::io::Read as _;

    use super::*;

    fn parts(shell: &str) -> Parts {
        Parts {
            shell: shell.to_owned(),
            css: "body{}".into(),
            icon_svg: "<svg/>".into(),
            seeds_json: r#"[{"text":"</script><b>"}]"#.into(),
            glue_js: "let s = '</script>';".into(),
            wasm: vec![0, 97, 115, 109],
        }
    }

    const SHELL: &str = "<style>/*CROSSCHECK:CSS*/</style><link href=\"CROSSCHECK:ICON\"><script type=\"application/json\">/*CROSSCHECK:SEEDS*/</script><script type=\"text/plain\">/*CROSSCHECK:GLUE*/</script><script>boot()</script>CROSSCHECK:WASM";

    /// The boot script's decoder (index.html), in Rust: six or seven bits a
    /// digit, whole bytes only.
    fn from_text(text: &str) -> Vec<u8> {
        let digits = digits();
        let mut out = Vec::new();
        let (mut bits, mut held) = (0u32, 0u32);
        for c in text.bytes() {
            let digit = digits.iter().position(|&d| d == c).unwrap() as u32;
            if digit < SIX_BIT_DIGITS {
                (bits, held) = (bits << 6 | digit, held + 6);
            } else {
                (bits, held) = (bits << 7 | (digit + SIX_BIT_DIGITS), held + 7);
            }
            if held >= 8 {
                held -= 8;
                out.push((bits >> held) as u8);
                bits &= (1 << held) - 1;
            }
        }
        out
    }

    /// What a gzip reader other than zopfli (flate2's, which checks the CRC
    /// and the length in the trailer, as `DecompressionStream` does) makes of `packed`.
    fn gunzip(packed: &[u8]) -> std::io::Result<Vec<u8>> {
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(packed).read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    #[test]
    fn every_slot_is_filled_and_scripts_cannot_be_closed_early() {
        let html = assemble(&parts(SHELL)).unwrap();
        assert!(!html.contains("CROSSCHECK:"));
        assert_eq!(html.matches("</script>").count(), 5, "{html}");
        assert_eq!(
            gunzip(&inlined(&html, "\">gzip85:", '<')).unwrap(),
            br#"[{"text":"</script><b>"}]"#
        );
        assert_eq!(inlined_wasm(&html), b"\0asm");
        assert_eq!(
            gunzip(&inlined(&html, "\"text/plain\">gzip85:", '<')).unwrap(),
            b"let s = '<\\/script>';\n",
            "the glue is packed, escaped"
        );
    }

    /// The bytes in `html` written as text ([`to_text`]) after the first `marker`, up to the next `end`.
    fn inlined(html: &str, marker: &str, end: char) -> Vec<u8> {
        let start = html.find(marker).expect("the marker is in the page") + marker.len();
        let end = start + html[start..].find(end).unwrap();
        from_text(&html[start..end])
    }

    /// The app's wasm in `html`: its pieces of text, each decoded, put
    /// together and inflated.
    fn inlined_wasm(html: &str) -> Vec<u8> {
        let marker = "<script>crosscheckWasm(\"";
        let packed: Vec<u8> = html
            .match_indices(marker)
            .flat_map(|(at, _)| inlined(&html[at..], marker, '"'))
            .collect();
        assert!(
            html.contains("<script>crosscheckWasm(null)</script>"),
            "the pieces end with null"
        );
        gunzip(&packed).unwrap()
    }

    /// The real shell, stylesheet, icon and seeds, with a glue that tries to
    /// close its script and some bytes for a wasm.
    #[test]
    fn the_real_page_round_trips_its_wasm_and_no_script_ends_early() {
        let root = project::root();
        // Three pieces' worth, which gzip cannot shrink.
        let wasm = noise(150_000, 5);
        let parts = Parts {
            shell: read(&root.join("index.html")).unwrap(),
            css: read(&root.join("www/style.css")).unwrap(),
            icon_svg: read(&root.join("www/icon.svg")).unwrap(),
            seeds_json: seeds_json().unwrap(),
            glue_js: "let s = '</script><!--';".into(),
            wasm: wasm.clone(),
        };
        let html = assemble(&parts).unwrap();
        // tests/browser.rs damages the text after the first `crosscheckWasm("`.
        assert_eq!(inlined_wasm(&html), wasm);
        assert_eq!(
            html.matches("<script>crosscheckWasm(\"").count(),
            gzip(&wasm).unwrap().len().div_ceil(WASM_PIECE),
            "one script a piece"
        );
        assert!(
            html.find("<script>crosscheckWasm(").unwrap()
                > html.find("self.crosscheckWasm = function").unwrap(),
            "the pieces come after the boot script that takes them"
        );
        let seeds = gunzip(&inlined(&html, "id=\"crosscheck-seeds\">gzip85:", '<')).unwrap();
        assert_eq!(seeds, parts.seeds_json.as_bytes());
        let glue = gunzip(&inlined(&html, "id=\"crosscheck-glue\">gzip85:", '<')).unwrap();
        assert_eq!(glue, b"let s = '<\\/script><\\!--';\n");
        assert_eq!(
            html.matches("</script").count(),
            html.matches("<script").count(),
            "a </script inside a script ends it early"
        );
        assert!(
            !html.contains("<!--"),
            "<!-- inside a script changes how it ends"
        );
        assert!(
            html.contains("new DecompressionStream(\"gzip\")"),
            "the boot script inflates the format that `gzip` writes"
        );
    }

    /// Bytes that do not compress: xorshift, seeded.
    fn noise(len: usize, seed: u64) -> Vec<u8> {
        let mut state = seed;
        (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state.to_le_bytes()[3]
            })
            .collect()
    }

    /// Everything the wasm is packed like: named inputs from empty to the
    /// app's own module (when a build has left it in the target dir).
    fn gzip_cases() -> Vec<(&'static str, Vec<u8>)> {
        let mut cases = vec![
            ("empty", Vec::new()),
            ("one byte", vec![42]),
            (
                "text",
                b"Crosscheck compares articles, sentence by sentence. ".repeat(20),
            ),
            ("noise", noise(100_000, 7)),
            ("a run", vec![7; 70_000]),
        ];
        if let Ok(bytes) = std::fs::read(project::target_dir().join("crosscheck_bg.wasm")) {
            cases.push(("the app's wasm (target/crosscheck_bg.wasm)", bytes));
        }
        cases
    }

    #[test]
    fn gzip_writes_one_gzip_member_that_another_reader_inflates() {
        for (name, bytes) in gzip_cases() {
            let packed = gzip(&bytes).unwrap();
            assert_eq!(
                packed[..3],
                [0x1f, 0x8b, 8],
                "{name}: a gzip header, deflate"
            );
            let trailer = &packed[packed.len() - 4..];
            assert_eq!(
                u32::from_le_bytes(trailer.try_into().unwrap()) as usize,
                bytes.len(),
                "{name}: the trailer's length"
            );
            assert!(
                gunzip(&packed).unwrap() == bytes,
                "{name} does not round-trip"
            );
        }
    }

    #[test]
    fn a_damaged_gzip_is_refused_not_inflated_to_other_bytes() {
        let text = b"Crosscheck compares articles, sentence by sentence. ".repeat(20);
        let packed = gzip(&text).unwrap();
        let mut flipped = packed.clone();
        let middle = packed.len() / 2;
        flipped[middle] ^= 0x10;
        for (name, damaged) in [
            ("cut in half", &packed[..middle]),
            ("a byte flipped", &flipped[..]),
            ("header only", &packed[..10]),
        ] {
            assert!(gunzip(damaged).is_err(), "{name} was accepted");
        }
    }

    #[test]
    fn text_round_trips_every_length_and_is_safe_in_a_script_string() {
        assert_eq!(digits().len(), 85);
        let bytes: Vec<u8> = (0..=255u8)
            .chain([255, 255, 255, 255, 0, 0, 0])
            .chain(noise(300, 3))
            .collect();
        for len in 0..bytes.len() {
            let text = to_text(&bytes[..len]);
            assert_eq!(from_text(&text), &bytes[..len], "{len} bytes");
            assert!(text.len() <= (len * 8).div_ceil(6), "{len} bytes");
            assert!(!text.contains(['<', '"', '\\']), "{text}");
        }
    }

    /// What the prefix code is for: compressed bytes written as text cost the
    /// gzipped page under 1% more than the bytes themselves (base 85 proper: 1.5%).
    #[test]
    fn gzip_spends_on_the_text_of_random_bytes_what_they_hold() {
        let bytes = noise(400_000, 11);
        let gzipped = gzipped_len(to_text(&bytes).as_bytes()).unwrap();
        assert!(
            gzipped * 100 < bytes.len() as u64 * 101,
            "{gzipped} bytes gzipped for {} bytes of data",
            bytes.len()
        );
    }

    #[test]
    fn a_missing_slot_is_an_error() {
        let error = assemble(&parts("<html></html>")).unwrap_err();
        assert!(error.to_string().contains("CROSSCHECK:CSS"), "{error}");
    }

    #[test]
    fn the_real_shell_has_every_slot_once() {
        let shell = std::fs::read_to_string(project::root().join("index.html")).unwrap();
        for slot in [CSS_SLOT, ICON_SLOT, SEEDS_SLOT, GLUE_SLOT, WASM_SLOT] {
            assert_eq!(shell.matches(slot).count(), 1, "{slot}");
        }
        // The comparison worker is made of the glue's text (src/app/analysis/worker.rs).
        assert!(
            shell.contains(&format!(
                "<script type=\"text/plain\" id=\"crosscheck-glue\">{GLUE_SLOT}</script>"
            )),
            "the glue's <script> carries the id the worker reads"
        );
    }
}

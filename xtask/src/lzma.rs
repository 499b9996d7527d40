//! LZMA for the page: compressing the app's wasm (liblzma), and building the page's own decoder (`www/lzma/`) into a small wasm module.
//!
//! LZMA makes the app's wasm about a quarter smaller than the best gzip
//! (1,288 KB: 358 KB against zopfli's 453 KB), and the page then has to
//! carry its decoder, as no browser unpacks LZMA. The encoder is liblzma,
//! built from its bundled C source: the same ratio as `xz --format=lzma -9e`.
//!
//! liblzma writes the .lzma header with the size unknown and ends the data
//! with an end marker; [`compress`] then stores the real size in the header,
//! which the page's decoder needs (it sizes the output once) and which
//! liblzma's own decoder accepts beside the marker.
//!
//! The decoder is Rust (`www/lzma/decode.rs`, a port of the LZMA SDK's
//! LzmaSpec), compiled to wasm by [`build_decoder`] with rustc alone (one
//! no_std file, no crate) and driven in the page by `www/lzma.js`; its tests
//! here run it natively and, through node, as the page runs it.

use std::io::Write as _;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};
use liblzma::stream::{LzmaOptions, PRESET_EXTREME, Stream};

use crate::{project, wasm};

/// The .lzma header: properties byte, dictionary size (u32), unpacked size (u64), little-endian.
const HEADER: usize = 13;
/// Where the unpacked size sits in the header.
const SIZE_FIELD: std::ops::Range<usize> = 5..HEADER;
/// The largest input `www/lzma.js` takes (it reads the size as a 30-bit number).
const MAX_INPUT: usize = 1 << 30;

/// LZMA's three context parameters: how many bits of the previous byte
/// (`lc`) and of the position (`lp`) pick the literal model, and how many
/// bits of the position pick the match models (`pb`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    pub literal_context_bits: u32,
    pub literal_position_bits: u32,
    pub position_bits: u32,
}

impl Settings {
    /// For wasm, whose code is a stream of bytes with no alignment: measured on
    /// the app's 1,288 KB module, lc=4 lp=0 pb=0 gives 358.0 KB, the default
    /// lc=3 lp=0 pb=2 358.7 KB, lc=3 pb=0 358.4 KB, lc=2 pb=0 360.4 KB.
    pub const WASM: Settings = Settings {
        literal_context_bits: 4,
        literal_position_bits: 0,
        position_bits: 0,
    };
}

/// `bytes` LZMA-compressed at the strongest preset (`-9e`, longest matches),
/// with a dictionary that holds the whole input, as a .lzma file whose header
/// states the unpacked size.
pub fn compress(bytes: &[u8], settings: Settings) -> Result<Vec<u8>> {
    if bytes.len() > MAX_INPUT {
        bail!(
            "{} bytes is more than the page's LZMA decoder takes",
            bytes.len()
        );
    }
    let mut options = LzmaOptions::new_preset(9 | PRESET_EXTREME)?;
    options
        .dict_size(dictionary_size(bytes.len()))
        .literal_context_bits(settings.literal_context_bits)
        .literal_position_bits(settings.literal_position_bits)
        .position_bits(settings.position_bits)
        .nice_len(273);
    let stream = Stream::new_lzma_encoder(&options).context("liblzma refused the options")?;
    let mut encoder = liblzma::write::XzEncoder::new_stream(Vec::new(), stream);
    encoder.write_all(bytes)?;
    let mut packed = encoder.finish()?;
    packed[SIZE_FIELD].copy_from_slice(&(bytes.len() as u64).to_le_bytes());
    Ok(packed)
}

/// Compiles the page's LZMA decoder (`www/lzma/wasm.rs`) to a wasm module at
/// `out` and returns its bytes. Optimized for size: in the page it decodes no
/// slower so than at `opt-level=3` (measured: 84 against 109 ms, median in
/// Chromium on a busy machine), and it is 6 KB instead of 10.5 (either without
/// core's panic messages: see `Slots` in decode.rs).
pub fn build_decoder(out: &Path) -> Result<Vec<u8>> {
    wasm::ensure_target()?;
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    project::run(
        Command::new(rustc)
            .current_dir(project::root())
            .args([
                "--edition=2024",
                "--crate-type=cdylib",
                "--crate-name=lzma_decoder",
                "--target",
                wasm::TARGET,
                "-Copt-level=s",
                "-Ccodegen-units=1",
                "-Cpanic=abort",
                "-Cstrip=symbols",
                "-o",
            ])
            .arg(out)
            .arg("www/lzma/wasm.rs"),
    )?;
    let module = std::fs::read(out).with_context(|| format!("cannot read {}", out.display()))?;
    without_custom_sections(&module)
}

/// `module` without its custom sections (rustc's `producers` and
/// `target_features`, which no browser reads).
fn without_custom_sections(module: &[u8]) -> Result<Vec<u8>> {
    let (header, mut rest) = module.split_at_checked(8).context("not a wasm module")?;
    let mut out = header.to_vec();
    while let Some((&id, after_id)) = rest.split_first() {
        let (size, size_len) = leb128(after_id).context("a damaged wasm section")?;
        let end = 1 + size_len + size;
        let section = rest
            .get(..end)
            .context("a wasm section runs past the end")?;
        if id != 0 {
            out.extend_from_slice(section);
        }
        rest = &rest[end..];
    }
    Ok(out)
}

/// An unsigned LEB128 number at the start of `bytes`, and how many bytes it takes.
fn leb128(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut value = 0usize;
    for (index, &byte) in bytes.iter().enumerate().take(5) {
        value |= usize::from(byte & 0x7f) << (7 * index);
        if byte & 0x80 == 0 {
            return Some((value, index + 1));
        }
    }
    None
}

/// The smallest power of two that holds `len` bytes, within liblzma's limits.
fn dictionary_size(len: usize) -> u32 {
    let size = len.next_power_of_two().clamp(4096, MAX_INPUT);
    u32::try_from(size).expect("at most 1 GiB")
}

/// The page's decoder, run natively by the tests.
#[cfg(test)]
#[path = "../../www/lzma/decode.rs"]
mod page_decoder;

#[cfg(test)]
pub mod tests {
    use std::io::Read as _;
    use std::path::PathBuf;
    use std::sync::OnceLock;

    use super::*;

    /// What liblzma's own .lzma decoder makes of `packed`.
    pub fn decompress(packed: &[u8]) -> Vec<u8> {
        let stream = Stream::new_lzma_decoder(u64::MAX).unwrap();
        let mut bytes = Vec::new();
        liblzma::read::XzDecoder::new_stream(packed, stream)
            .read_to_end(&mut bytes)
            .unwrap();
        bytes
    }

    /// What the page's decoder, run natively, makes of `packed`.
    fn page_decode(packed: &[u8]) -> Result<Vec<u8>, page_decoder::Error> {
        let header = page_decoder::Header::parse(packed)?;
        let mut out = vec![0; header.size];
        let mut probs = vec![0; header.probabilities()];
        let mut decoder = page_decoder::Decoder::new(packed, &out, &mut probs)?;
        decoder.run(packed, &mut out, &mut probs, usize::MAX)?;
        Ok(out)
    }

    /// The same, stopping every `chunk` bytes as the page does.
    fn page_decode_in_chunks(packed: &[u8], chunk: usize) -> Vec<u8> {
        let header = page_decoder::Header::parse(packed).unwrap();
        let mut out = vec![0; header.size];
        let mut probs = vec![0; header.probabilities()];
        let mut decoder = page_decoder::Decoder::new(packed, &out, &mut probs).unwrap();
        let mut written = 0;
        while written < header.size {
            let until = written + chunk;
            written = decoder.run(packed, &mut out, &mut probs, until).unwrap();
            assert!(
                written >= until.min(header.size),
                "stopped short of {until}"
            );
        }
        out
    }

    /// The decoder module, built once per test process under a name of its
    /// own, then renamed into one shared place (a rename is atomic, so test
    /// runs side by side never read a half-written file, and none is left behind).
    fn decoder_wasm() -> &'static Path {
        static BUILT: OnceLock<PathBuf> = OnceLock::new();
        BUILT.get_or_init(|| {
            let dir = project::target_dir();
            let building = dir.join(format!("lzma-decoder-test-{}.wasm", std::process::id()));
            build_decoder(&building).unwrap();
            let path = dir.join("lzma-decoder-test.wasm");
            std::fs::rename(&building, &path).unwrap();
            path
        })
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

    /// A few hundred KB of everything an LZMA stream holds: literals, short and
    /// long matches near and far, repeated distances, runs, and incompressible
    /// stretches.
    fn mixed() -> Vec<u8> {
        let text = std::fs::read(project::root().join("README.md")).unwrap();
        let mut out = Vec::new();
        for round in 0..12u8 {
            out.extend_from_slice(&text);
            out.extend(noise(
                4000 + usize::from(round) * 1500,
                u64::from(round) + 1,
            ));
            out.extend(std::iter::repeat_n(round, 300));
            let start = out.len() / 3;
            out.extend_from_within(start..start + 5000);
            out.extend((0..2000u32).map(|i| (i % 7 + u32::from(round)) as u8));
        }
        out
    }

    /// The inputs every decoder is checked on, by name.
    fn cases() -> Vec<(&'static str, Vec<u8>)> {
        let mut cases = vec![
            ("empty", Vec::new()),
            ("one byte", vec![42]),
            (
                "text",
                b"Crosscheck compares articles, sentence by sentence. ".repeat(20),
            ),
            ("noise", noise(100_000, 7)),
            ("mixed", mixed()),
        ];
        let wasm = project::target_dir().join("crosscheck_bg.wasm");
        if let Ok(bytes) = std::fs::read(wasm) {
            cases.push(("the app's wasm (target/crosscheck_bg.wasm)", bytes));
        }
        cases
    }

    /// The page's settings and two others that exercise other context sizes.
    const SETTINGS: [Settings; 3] = [
        Settings::WASM,
        Settings {
            literal_context_bits: 3,
            literal_position_bits: 0,
            position_bits: 2,
        },
        Settings {
            literal_context_bits: 0,
            literal_position_bits: 4,
            position_bits: 4,
        },
    ];

    /// An input, named, and its packed form.
    struct Packed {
        name: String,
        bytes: Vec<u8>,
        lzma: Vec<u8>,
    }

    /// Every case packed with every setting, made once per test process.
    fn packed_cases() -> &'static [Packed] {
        static PACKED: OnceLock<Vec<Packed>> = OnceLock::new();
        PACKED.get_or_init(|| {
            let mut packed = Vec::new();
            for (name, bytes) in cases() {
                for settings in SETTINGS {
                    packed.push(Packed {
                        name: format!("{name}, {settings:?}"),
                        lzma: compress(&bytes, settings).unwrap(),
                        bytes: bytes.clone(),
                    });
                }
            }
            packed
        })
    }

    /// The ways of damaging `packed` that the decoders must report.
    fn damaged(packed: &[u8]) -> Vec<(&'static str, Vec<u8>)> {
        let mut cut = packed.to_vec();
        cut.truncate(packed.len() / 2);
        let mut unknown_size = packed.to_vec();
        unknown_size[SIZE_FIELD].fill(0xFF);
        let mut bad_props = packed.to_vec();
        bad_props[0] = 225;
        let mut bad_start = packed.to_vec();
        bad_start[HEADER] = 1;
        vec![
            ("cut in half", cut),
            ("size unknown", unknown_size),
            ("bad properties", bad_props),
            ("bad range coder start", bad_start),
            ("header only", packed[..HEADER].to_vec()),
        ]
    }

    #[test]
    fn custom_sections_go_and_the_rest_stays() {
        let module = [
            b"\0asm\x01\0\0\0".as_slice(),
            &[0, 4, 1, b'x', 7, 7], // custom section "x"
            &[1, 2, 0xaa, 0xbb],    // type section
            &[0, 1, 0],             // custom section ""
        ]
        .concat();
        let stripped = without_custom_sections(&module).unwrap();
        assert_eq!(stripped, b"\0asm\x01\0\0\0\x01\x02\xaa\xbb");
        assert!(without_custom_sections(&module[..10]).is_err());
    }

    #[test]
    fn liblzma_unpacks_what_compress_packs() {
        for case in packed_cases() {
            assert_eq!(
                u64::from_le_bytes(case.lzma[SIZE_FIELD].try_into().unwrap()),
                case.bytes.len() as u64
            );
            assert!(
                decompress(&case.lzma) == case.bytes,
                "{} does not round-trip",
                case.name
            );
        }
    }

    #[test]
    fn the_page_decoder_unpacks_what_compress_packs() {
        for case in packed_cases() {
            assert!(
                page_decode(&case.lzma).as_ref() == Ok(&case.bytes),
                "{} does not round-trip",
                case.name
            );
        }
    }

    #[test]
    fn the_page_decoder_stops_and_goes_on_anywhere() {
        let mixed = packed_cases()
            .iter()
            .find(|case| case.name.starts_with("mixed"))
            .unwrap();
        for chunk in [1, 7, 4096, 65536] {
            assert!(
                page_decode_in_chunks(&mixed.lzma, chunk) == mixed.bytes,
                "chunks of {chunk}"
            );
        }
    }

    #[test]
    fn the_page_decoder_reports_damaged_data() {
        let packed = compress(&mixed(), Settings::WASM).unwrap();
        for (name, bytes) in damaged(&packed) {
            assert!(page_decode(&bytes).is_err(), "{name} was accepted");
        }
    }

    /// Flipped bytes anywhere may decode to other bytes, but must not panic
    /// (in the page, a panic is a trap: still an error, but not a clear one).
    #[test]
    fn the_page_decoder_never_panics_on_flipped_bytes() {
        let packed = compress(&mixed()[..30_000], Settings::WASM).unwrap();
        for (index, byte) in noise(400, 11).into_iter().enumerate() {
            let mut flipped = packed.clone();
            let at = HEADER + index * 37 % (packed.len() - HEADER);
            flipped[at] ^= byte | 1;
            let _ = page_decode(&flipped);
        }
    }

    /// Writes each case into a fresh folder and has node run the decoder
    /// module through `www/lzma.js`, as the page does (`xtask/src/lzma_check.js`).
    #[test]
    fn the_page_decoder_reproduces_every_input_in_node() {
        let dir = fresh_dir("lzma-check");
        let mut count = 0;
        for case in packed_cases() {
            let stem = dir.join(format!("{count:02}"));
            std::fs::write(stem.with_extension("bin"), &case.bytes).unwrap();
            std::fs::write(stem.with_extension("lzma"), &case.lzma).unwrap();
            std::fs::write(stem.with_extension("txt"), &case.name).unwrap();
            count += 1;
        }
        let report = run_check(&dir, None);
        assert!(
            report.contains(&format!("{count} of {count} decoded")),
            "{report}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_page_decoder_rejects_damaged_data_in_node() {
        let packed = compress(&mixed(), Settings::WASM).unwrap();
        let cases = damaged(&packed);
        let dir = fresh_dir("lzma-reject");
        for (index, (name, bytes)) in cases.iter().enumerate() {
            let stem = dir.join(format!("{index:02}"));
            std::fs::write(stem.with_extension("lzma"), bytes).unwrap();
            std::fs::write(stem.with_extension("txt"), name).unwrap();
        }
        let report = run_check(&dir, Some("--reject"));
        let n = cases.len();
        assert!(report.contains(&format!("{n} of {n} rejected")), "{report}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// Runs `xtask/src/lzma_check.js` on `dir`; returns what it printed, failing unless it passed.
    fn run_check(dir: &Path, mode: Option<&str>) -> String {
        let Some(node) = project::on_path("node") else {
            panic!(
                "node is not on PATH, and this test runs the page's LZMA decoder (www/lzma.js) in it.\n\
                 Install Node.js (on Debian or Ubuntu: sudo apt-get install nodejs) and run the tests again."
            );
        };
        let output = Command::new(node)
            .arg(project::root().join("xtask/src/lzma_check.js"))
            .arg(project::root().join("www/lzma.js"))
            .arg(decoder_wasm())
            .arg(dir)
            .args(mode)
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        println!("{report}");
        assert!(output.status.success(), "{report}");
        report
    }

    /// An empty folder under the target dir, one per test and process.
    fn fresh_dir(name: &str) -> PathBuf {
        let dir = project::target_dir().join(format!("{name}-{}", std::process::id()));
        if dir.exists() {
            std::fs::remove_dir_all(&dir).unwrap();
        }
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}

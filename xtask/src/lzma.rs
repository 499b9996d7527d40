//! LZMA compression of the wasm for the page, in the .lzma format that the page's own decoder (`www/lzma.js`) reads.
//!
//! LZMA makes the app's wasm about a quarter smaller than the best gzip
//! (1,288 KB: 358 KB against zopfli's 453 KB), and the page then has to
//! carry its decoder, as no browser unpacks LZMA. The encoder is liblzma,
//! built from its bundled C source: the same ratio as `xz --format=lzma -9e`.
//!
//! liblzma writes the .lzma header with the size unknown and ends the data
//! with an end marker; [`compress`] then stores the real size in the header,
//! which `www/lzma.js` needs (it allocates the output once) and which
//! liblzma's own decoder accepts beside the marker.

use std::io::Write as _;

use anyhow::{Context, Result, bail};
use liblzma::stream::{LzmaOptions, PRESET_EXTREME, Stream};

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

/// The smallest power of two that holds `len` bytes, within liblzma's limits.
fn dictionary_size(len: usize) -> u32 {
    let size = len.next_power_of_two().clamp(4096, MAX_INPUT);
    u32::try_from(size).expect("at most 1 GiB")
}

#[cfg(test)]
pub mod tests {
    use std::io::Read as _;
    use std::path::{Path, PathBuf};
    use std::process::Command;

    use super::*;
    use crate::project;

    /// What liblzma's own .lzma decoder makes of `packed`.
    pub fn decompress(packed: &[u8]) -> Vec<u8> {
        let stream = Stream::new_lzma_decoder(u64::MAX).unwrap();
        let mut bytes = Vec::new();
        liblzma::read::XzDecoder::new_stream(packed, stream)
            .read_to_end(&mut bytes)
            .unwrap();
        bytes
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
    /// long matches near and far (up to the largest distances), repeated
    /// distances, runs, and incompressible stretches.
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

    /// Settings that exercise other context sizes than the page's.
    const OTHER_SETTINGS: [Settings; 2] = [
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

    #[test]
    fn liblzma_unpacks_what_compress_packs() {
        for (name, bytes) in cases() {
            let packed = compress(&bytes, Settings::WASM).unwrap();
            assert_eq!(
                u64::from_le_bytes(packed[SIZE_FIELD].try_into().unwrap()),
                bytes.len() as u64
            );
            assert!(packed.len() > HEADER, "{name}");
            assert!(decompress(&packed) == bytes, "{name} does not round-trip");
        }
    }

    /// Writes each case and its packed form into a fresh folder and has node
    /// run `www/lzma.js` on them through `xtask/src/lzma_check.js`.
    #[test]
    fn the_page_decoder_reproduces_every_input() {
        let Some(node) = project::on_path("node") else {
            panic!(
                "node is not on PATH, and this test runs the page's LZMA decoder (www/lzma.js) in it.\n\
                 Install Node.js (on Debian or Ubuntu: sudo apt-get install nodejs) and run the tests again."
            );
        };
        let dir = fresh_dir("lzma-check");
        let mut count = 0;
        for (name, bytes) in cases() {
            for settings in std::iter::once(Settings::WASM).chain(OTHER_SETTINGS) {
                let stem = dir.join(format!("{count:02}"));
                std::fs::write(stem.with_extension("bin"), &bytes).unwrap();
                std::fs::write(
                    stem.with_extension("lzma"),
                    compress(&bytes, settings).unwrap(),
                )
                .unwrap();
                std::fs::write(stem.with_extension("txt"), format!("{name}, {settings:?}"))
                    .unwrap();
                count += 1;
            }
        }
        let output = Command::new(node)
            .arg(project::root().join("xtask/src/lzma_check.js"))
            .arg(project::root().join("www/lzma.js"))
            .arg(&dir)
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        println!("{report}");
        assert!(output.status.success(), "{report}");
        assert!(
            report.contains(&format!("{count} of {count} decoded")),
            "{report}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_page_decoder_rejects_damaged_data() {
        let packed = compress(&mixed(), Settings::WASM).unwrap();
        let mut cut = packed.clone();
        cut.truncate(packed.len() / 2);
        let mut unknown_size = packed.clone();
        unknown_size[SIZE_FIELD].fill(0xFF);
        let mut bad_props = packed.clone();
        bad_props[0] = 225;
        let mut scrambled = packed;
        for byte in &mut scrambled[HEADER + 100..HEADER + 140] {
            *byte = byte.wrapping_mul(31).wrapping_add(7);
        }
        check_rejected(&[
            ("cut in half", cut),
            ("size unknown", unknown_size),
            ("bad properties", bad_props),
            ("scrambled", scrambled),
        ]);
    }

    /// Has `xtask/src/lzma_check.js --reject` expect an error from each.
    fn check_rejected(cases: &[(&str, Vec<u8>)]) {
        let node = project::on_path("node").expect("node is on PATH (see the test above)");
        let dir = fresh_dir("lzma-reject");
        for (index, (name, packed)) in cases.iter().enumerate() {
            let stem = dir.join(format!("{index:02}"));
            std::fs::write(stem.with_extension("lzma"), packed).unwrap();
            std::fs::write(stem.with_extension("txt"), name).unwrap();
        }
        let output = Command::new(node)
            .arg(project::root().join("xtask/src/lzma_check.js"))
            .arg(project::root().join("www/lzma.js"))
            .arg(&dir)
            .arg("--reject")
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        assert!(output.status.success(), "{report}");
        assert!(
            report.contains(&format!("{n} of {n} rejected", n = cases.len())),
            "{report}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// An empty folder under the target dir, one per test and process.
    fn fresh_dir(name: &str) -> PathBuf {
        let dir = project::target_dir().join(format!("{name}-{}", std::process::id()));
        if Path::new(&dir).exists() {
            std::fs::remove_dir_all(&dir).unwrap();
        }
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}

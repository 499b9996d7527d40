//! The bundled seed set: the five articles Crosscheck opens with, embedded at compile time.
//!
//! `seeds/manifest.json` at the repository root lists the files in order with
//! the metadata their text states. The CLI compares this set when given no
//! files and the build inlines it into the HTML page.

use serde::Deserialize;

use crate::Source;

const MANIFEST: &str = include_str!("../../seeds/manifest.json");

/// The seed files, in manifest order, with their text.
const FILES: [(&str, &str); 5] = [
    (
        "000_c7a4e154e4985359.txt",
        include_str!("../../seeds/000_c7a4e154e4985359.txt"),
    ),
    (
        "001_7fd94f8782f58e76.txt",
        include_str!("../../seeds/001_7fd94f8782f58e76.txt"),
    ),
    (
        "002_3b5eb6d7dac60fdc.txt",
        include_str!("../../seeds/002_3b5eb6d7dac60fdc.txt"),
    ),
    (
        "003_866eacb20cd65b5a.txt",
        include_str!("../../seeds/003_866eacb20cd65b5a.txt"),
    ),
    (
        "004_b273cf315fea7a1e.txt",
        include_str!("../../seeds/004_b273cf315fea7a1e.txt"),
    ),
];

#[derive(Deserialize)]
struct Manifest {
    sources: Vec<ManifestEntry>,
}

#[derive(Deserialize)]
struct ManifestEntry {
    file: String,
    title: Option<String>,
    outlet: Option<String>,
    date: Option<String>,
}

/// The five seed articles, in manifest order.
pub fn bundled() -> Vec<Source> {
    let manifest: Manifest = match serde_json::from_str(MANIFEST) {
        Ok(manifest) => manifest,
        Err(_) => return Vec::new(),
    };
    manifest
        .sources
        .into_iter()
        .filter_map(|entry| {
            let (_, text) = FILES.iter().find(|(name, _)| *name == entry.file)?;
            Some(Source {
                id: id_from_file(&entry.file),
                title: entry.title,
                outlet: entry.outlet,
                date: entry.date,
                file: Some(entry.file),
                text: (*text).to_owned(),
            })
        })
        .collect()
}

/// The names of the embedded files, for checking them against the folder.
pub fn file_names() -> impl Iterator<Item = &'static str> {
    FILES.iter().map(|(name, _)| *name)
}

/// A source id from a file name: the name without its extension.
pub fn id_from_file(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_owned(),
        _ => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Headline;

    #[test]
    fn manifest_lists_every_embedded_file_once() {
        let manifest: Manifest = serde_json::from_str(MANIFEST).expect("manifest parses");
        let listed: Vec<&str> = manifest.sources.iter().map(|e| e.file.as_str()).collect();
        assert_eq!(listed, file_names().collect::<Vec<_>>());
    }

    #[test]
    fn seed_folder_holds_exactly_the_embedded_files() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../seeds");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .expect("seeds folder")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|name| name.ends_with(".txt"))
            .collect();
        on_disk.sort();
        assert_eq!(on_disk, file_names().collect::<Vec<_>>());
    }

    #[test]
    fn bundled_sources_carry_stated_metadata_only() {
        let sources = bundled();
        let shown: Vec<(String, &str)> = sources
            .iter()
            .map(|s| {
                let headline = match s.headline() {
                    Headline::Stated(t) => t.to_owned(),
                    Headline::Excerpt(e) => format!("“{e}”"),
                    Headline::Untitled => "(untitled)".to_owned(),
                };
                (headline, s.outlet_label())
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("“President Trump will hold a second phone conversation with Russian President Vladimir…”".to_owned(), "The Washington Times (Associated Press)"),
                ("“President Donald Trump is to hold talks on Tuesday with Russian President…”".to_owned(), "unnamed source"),
                ("“U.S. President Donald Trump has confirmed that he will speak with Russian…”".to_owned(), "unnamed source"),
                ("“President Donald Trump spoke by phone on Wednesday to Russian President Vladimir…”".to_owned(), "The Washington Post"),
                ("Trump, Putin hold talks on Ukraine ceasefire".to_owned(), "unnamed source"),
            ]
        );
    }

    #[test]
    fn id_is_the_file_stem() {
        assert_eq!(id_from_file("seeds/000_abc.txt"), "000_abc");
        assert_eq!(id_from_file("noext"), "noext");
        assert_eq!(id_from_file(".hidden"), ".hidden");
    }
}

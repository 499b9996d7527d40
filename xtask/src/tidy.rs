//! Tidy: repository-wide checks on the source itself, run by `cargo test` (as rust-analyzer's xtask does).
//!
//! Every Rust file of every crate opens with a `//!` line saying what it does
//! and why; a new crate or folder is covered without adding anything here.

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use crate::project;

    /// Folders that hold no source of ours.
    const SKIPPED: [&str; 5] = ["target", "dist", "node_modules", ".git", ".cargo"];

    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if path.is_dir() && !SKIPPED.iter().any(|s| name == *s) {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    #[test]
    fn every_rust_file_opens_with_a_module_doc_line() {
        let mut files = Vec::new();
        rust_files(&project::root(), &mut files);
        assert!(files.len() > 60, "found only {} files", files.len());
        let missing: Vec<String> = files
            .iter()
            .filter(|f| {
                !std::fs::read_to_string(f)
                    .unwrap_or_default()
                    .starts_with("//! ")
            })
            .map(|f| f.display().to_string())
            .collect();
        assert!(
            missing.is_empty(),
            "files without a //! first line: {missing:?}"
        );
    }
}

//! Tidy: repository-wide checks on the source itself, run by `cargo test` (as rust-analyzer's xtask does).
//!
//! Every Rust file of every crate opens with a `//!` line saying what it does
//! and why; a new crate or folder is covered without adding anything here. No
//! two modules of a crate import each other, directly or around a circle
//! ([`crate::module_graph`]).

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

    /// Every crate's source folder (the folders holding a `lib.rs` or `main.rs`).
    fn crate_roots() -> Vec<PathBuf> {
        let mut files = Vec::new();
        rust_files(&project::root(), &mut files);
        let mut roots: Vec<PathBuf> = files
            .iter()
            .filter(|f| {
                f.file_name()
                    .is_some_and(|n| n == "lib.rs" || n == "main.rs")
            })
            .filter_map(|f| f.parent().map(Path::to_path_buf))
            .filter(|dir| dir.ends_with("src"))
            .collect();
        roots.sort();
        roots.dedup();
        roots
    }

    #[test]
    fn no_module_imports_another_in_a_circle() {
        let roots = crate_roots();
        assert!(roots.len() >= 5, "found only {roots:?}");
        let circles: Vec<String> = roots
            .iter()
            .flat_map(|root| {
                let folder = root.parent().unwrap_or(root);
                let name = folder
                    .strip_prefix(project::root())
                    .unwrap_or(folder)
                    .display()
                    .to_string();
                let name = if name.is_empty() {
                    "src".to_owned()
                } else {
                    name
                };
                crate::module_graph::circles(&crate::module_graph::read(root))
                    .into_iter()
                    .map(move |c| format!("{name}: {}", c.join(" <-> ")))
            })
            .collect();
        assert!(
            circles.is_empty(),
            "modules that import each other (move what they share into a module of its own):\n{}",
            circles.join("\n")
        );
    }
}

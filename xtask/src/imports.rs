//! Short import names for the page's wasm: one or two letters instead of wasm-bindgen's hashed names.
//!
//! wasm-bindgen names each import `__wbg_<what>_<16 hex digits>` (161 of
//! them in the app) from the module `./crosscheck_bg.js`, and writes each
//! name twice: in the wasm's import section and as a key of the glue's import
//! object. The hex digits are random, so no compressor can shrink
//! them: renamed to `a`, `b`, …, the page is about 5 KB smaller gzipped.
//!
//! [`shorten`] works on the glue's text and returns the new names; the caller
//! writes the same names into the wasm (`crate::wasm::bindgen`). A name the
//! glue does not contain stops the build, so a change in wasm-bindgen's output
//! cannot leave an import the glue no longer provides.

use std::collections::{HashMap, HashSet};

use anyhow::{Result, bail};

/// The import module's name in the page.
pub const MODULE: &str = "m";

/// The glue with the short names, and the new name of each import, in order.
#[derive(Debug, PartialEq, Eq)]
pub struct Shortened {
    pub glue: String,
    pub names: Vec<String>,
}

/// Renames the import module `module` to [`MODULE`] and each of `names` to a
/// short name, in `glue`; the import object is the one keyed `"<module>":`.
pub fn shorten(glue: &str, module: &str, names: &[&str]) -> Result<Shortened> {
    let key = format!("\"{module}\":");
    if glue.matches(&key).count() != 1 {
        bail!("the wasm-bindgen glue does not name the import module {module} exactly once");
    }
    let glue = glue.replacen(&key, &format!("\"{MODULE}\":"), 1);
    let renamed: HashMap<&str, String> = names
        .iter()
        .enumerate()
        .map(|(index, &name)| (name, short_name(index)))
        .collect();
    let mut out = String::with_capacity(glue.len());
    let mut seen = HashSet::new();
    for piece in identifiers(&glue) {
        match renamed.get(piece) {
            Some(short) => {
                out.push_str(short);
                seen.insert(piece);
            }
            None => out.push_str(piece),
        }
    }
    if let Some(missing) = names.iter().find(|name| !seen.contains(*name)) {
        bail!("the wasm-bindgen glue does not provide the import {missing}");
    }
    let names = names.iter().map(|name| renamed[name].clone()).collect();
    Ok(Shortened { glue: out, names })
}

/// The `index`th short name: `a`…`z`, `A`…`Z`, then two letters (`aa`, `ba`, …).
fn short_name(index: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let base = LETTERS.len();
    let mut name = String::new();
    let mut rest = index;
    loop {
        name.push(char::from(LETTERS[rest % base]));
        rest /= base;
        if rest == 0 {
            return name;
        }
        rest -= 1;
    }
}

/// `text` cut into JavaScript identifier runs and the text between them, in order.
fn identifiers(text: &str) -> impl Iterator<Item = &str> {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let kind = is_ident(first);
        let end = rest
            .find(|c: char| is_ident(c) != kind)
            .unwrap_or(rest.len());
        let (piece, tail) = rest.split_at(end);
        rest = tail;
        Some(piece)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_unique_letters() {
        let names: Vec<String> = (0..3000).map(short_name).collect();
        assert_eq!(&names[..3], ["a", "b", "c"]);
        assert_eq!(names[52], "aa");
        let unique: std::collections::HashSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert!(
            names
                .iter()
                .all(|n| n.chars().all(|c| c.is_ascii_alphabetic()))
        );
    }

    #[test]
    fn renames_keys_and_the_module_and_nothing_else() {
        let glue = "const import0 = { __proto__: null, __wbg_log_0123456789abcdef: function(a) { log(a); }, __wbg_log_0123456789abcdef2: 1 };\nreturn { \"./app_bg.js\": import0 };";
        let shortened = shorten(glue, "./app_bg.js", &["__wbg_log_0123456789abcdef"]).unwrap();
        assert_eq!(shortened.names, ["a"]);
        assert_eq!(
            shortened.glue,
            "const import0 = { __proto__: null, a: function(a) { log(a); }, __wbg_log_0123456789abcdef2: 1 };\nreturn { \"m\": import0 };"
        );
    }

    #[test]
    fn an_import_the_glue_lacks_stops_the_build() {
        let glue = "return { \"./app_bg.js\": import0 };";
        let error = shorten(glue, "./app_bg.js", &["__wbg_gone_0123456789abcdef"]).unwrap_err();
        assert!(error.to_string().contains("__wbg_gone_0123456789abcdef"));
        assert!(shorten(glue, "./other.js", &[]).is_err());
    }
}

//! Which module of a crate imports which, read from the source, to find import circles (a tidy check).
//!
//! A module is a file (`facts/names.rs` is `facts::names`, a `mod.rs` its
//! folder). Module A imports B when A's code names a path into B
//! (`use crate::b::Item`, `super::b::f()`, `crate::{b::X, c}`), outside its
//! `#[cfg(test)] mod tests`. A module and its own ancestors or descendants do
//! not count: a parent declares its children and a child may use its parent's
//! items, as in any Rust crate. A circle between other modules (`route` uses
//! `state`, which uses `route`) means neither can be read, tested or moved on
//! its own; the tidy test `no_module_imports_another_in_a_circle` lists them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// A module's path inside its crate (`["facts", "quotes"]`; the root is empty).
pub type Module = Vec<String>;

/// Each module of a crate and the modules it imports.
pub type Graph = BTreeMap<Module, BTreeSet<Module>>;

/// Reads the crate whose `lib.rs` or `main.rs` is in `src`.
pub fn read(src: &Path) -> Graph {
    let mut files = Vec::new();
    collect(src, &mut files);
    let modules: BTreeMap<Module, String> = files
        .iter()
        .map(|path| {
            let relative = path.strip_prefix(src).unwrap_or(path).with_extension("");
            let mut module: Module = relative
                .iter()
                .map(|part| part.to_string_lossy().into_owned())
                .collect();
            let owns_folder = matches!(
                module.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            );
            if owns_folder {
                module.pop();
            }
            (module, std::fs::read_to_string(path).unwrap_or_default())
        })
        .collect();
    let mut graph = Graph::new();
    for (module, text) in &modules {
        let imports = graph.entry(module.clone()).or_default();
        for path in paths(code(text)) {
            let Some(target) = resolve(module, &path, &modules) else {
                continue;
            };
            let related = target.starts_with(module) || module.starts_with(&target);
            if !related {
                imports.insert(target);
            }
        }
    }
    graph
}

/// The circles of `graph`: each a set of modules (two or more) that import
/// one another, directly or through each other (strongly connected components).
pub fn circles(graph: &Graph) -> Vec<Vec<String>> {
    let nodes: Vec<&Module> = graph.keys().collect();
    let index_of: BTreeMap<&Module, usize> =
        nodes.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    let edges: Vec<Vec<usize>> = nodes
        .iter()
        .map(|m| {
            graph[*m]
                .iter()
                .filter_map(|t| index_of.get(t).copied())
                .collect()
        })
        .collect();
    let mut found = Vec::new();
    for component in strongly_connected(&edges) {
        if component.len() > 1 {
            let mut names: Vec<String> = component.iter().map(|&i| name(nodes[i])).collect();
            names.sort();
            found.push(names);
        }
    }
    found.sort();
    found
}

/// `facts::quotes`, or `crate` for the root.
fn name(module: &Module) -> String {
    if module.is_empty() {
        "crate".into()
    } else {
        module.join("::")
    }
}

/// Rust files under `dir`.
fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A file's code without its test module and its comments.
fn code(text: &str) -> String {
    let text = text
        .find("#[cfg(test)]\nmod tests")
        .map_or(text, |end| &text[..end]);
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path starting with `crate`, `super` or `self`, braces expanded
/// (`crate::{a::X, b}` gives `crate a X` and `crate b`).
fn paths(code: String) -> Vec<Vec<String>> {
    let bytes = code.as_bytes();
    let mut found = Vec::new();
    for start in ["crate", "super", "self"]
        .iter()
        .flat_map(|word| code.match_indices(word).map(|(i, _)| i))
    {
        let before = start.checked_sub(1).map(|i| bytes[i]);
        if before.is_some_and(|b| b == b':' || b == b'_' || b.is_ascii_alphanumeric()) {
            continue;
        }
        Parser {
            code: bytes,
            at: start,
            found: &mut found,
        }
        .path(Vec::new());
    }
    found
}

/// Reads one path (and the paths inside its braces) from `at`.
struct Parser<'a> {
    code: &'a [u8],
    at: usize,
    found: &'a mut Vec<Vec<String>>,
}

impl Parser<'_> {
    fn skip_space(&mut self) {
        while self.code.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    fn word(&mut self) -> Option<String> {
        self.skip_space();
        let start = self.at;
        while self
            .code
            .get(self.at)
            .is_some_and(|b| *b == b'_' || b.is_ascii_alphanumeric())
        {
            self.at += 1;
        }
        (self.at > start).then(|| String::from_utf8_lossy(&self.code[start..self.at]).into_owned())
    }

    fn eat(&mut self, token: &[u8]) -> bool {
        self.skip_space();
        let ahead = self.code[self.at..].starts_with(token);
        if ahead {
            self.at += token.len();
        }
        ahead
    }

    fn path(&mut self, mut segments: Vec<String>) {
        loop {
            let Some(word) = self.word() else {
                if !segments.is_empty() {
                    self.found.push(segments);
                }
                return;
            };
            segments.push(word);
            if !self.eat(b"::") {
                self.found.push(segments);
                return;
            }
            if self.eat(b"{") {
                // Paths separated by commas up to the closing brace; stop at
                // anything else that is not a path (a glob `*`, broken code).
                loop {
                    let before = self.at;
                    self.path(segments.clone());
                    if self.eat(b"}") {
                        return;
                    }
                    if !self.eat(b",") && self.at == before {
                        return;
                    }
                }
            }
        }
    }
}

/// The longest prefix of `path` (read inside `module`) that is a module.
fn resolve(module: &Module, path: &[String], modules: &BTreeMap<Module, String>) -> Option<Module> {
    let mut base: Module;
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => {
            base = Vec::new();
            rest = &path[1..];
        }
        Some("self") => {
            base = module.clone();
            rest = &path[1..];
        }
        Some("super") => {
            base = module.clone();
            while rest.first().is_some_and(|s| s == "super") {
                base.pop()?;
                rest = &rest[1..];
            }
        }
        _ => return None,
    }
    let mut best = None;
    for segment in rest {
        base.push(segment.clone());
        if modules.contains_key(&base) {
            best = Some(base.clone());
        }
    }
    best
}

/// Tarjan's strongly connected components of a graph given as adjacency lists.
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<Vec<usize>> {
    struct State<'a> {
        edges: &'a [Vec<usize>],
        index: Vec<Option<usize>>,
        low: Vec<usize>,
        stack: Vec<usize>,
        on_stack: Vec<bool>,
        next: usize,
        out: Vec<Vec<usize>>,
    }
    fn visit(s: &mut State<'_>, v: usize) {
        s.index[v] = Some(s.next);
        s.low[v] = s.next;
        s.next += 1;
        s.stack.push(v);
        s.on_stack[v] = true;
        for &w in &s.edges[v] {
            match s.index[w] {
                None => {
                    visit(s, w);
                    s.low[v] = s.low[v].min(s.low[w]);
                }
                Some(i) if s.on_stack[w] => s.low[v] = s.low[v].min(i),
                Some(_) => {}
            }
        }
        if Some(s.low[v]) == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack[w] = false;
                component.push(w);
                if w == v {
                    break;
                }
            }
            s.out.push(component);
        }
    }
    let n = edges.len();
    let mut state = State {
        edges,
        index: vec![None; n],
        low: vec![0; n],
        stack: Vec::new(),
        on_stack: vec![false; n],
        next: 0,
        out: Vec::new(),
    };
    for v in 0..n {
        if state.index[v].is_none() {
            visit(&mut state, v);
        }
    }
    state.out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `files` (path, text) under a fresh folder and returns the circles found.
    fn check(files: &[(&str, &str)], expect: &[&[&str]]) {
        let dir = std::env::temp_dir().join(format!(
            "crosscheck-module-graph-{}-{}",
            std::process::id(),
            files.len() + files.iter().map(|f| f.1.len()).sum::<usize>()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in files {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let found = circles(&read(&dir));
        let _ = std::fs::remove_dir_all(&dir);
        let expect: Vec<Vec<String>> = expect
            .iter()
            .map(|c| c.iter().map(|s| (*s).to_owned()).collect())
            .collect();
        assert_eq!(found, expect);
    }

    #[test]
    fn two_modules_that_use_each_other_are_a_circle() {
        check(
            &[
                ("lib.rs", "mod route; mod state;"),
                ("route.rs", "use crate::state::{Filter, UiState};"),
                ("state.rs", "use crate::route::Route;"),
            ],
            &[&["route", "state"]],
        );
    }

    #[test]
    fn braces_super_and_three_module_circles_are_read() {
        check(
            &[
                ("lib.rs", "pub mod facts;"),
                ("facts/mod.rs", "mod compare; mod names; mod quotes;"),
                ("facts/compare.rs", "use super::{names::Name, other};"),
                ("facts/names.rs", "fn f() { super::quotes::scan(); }"),
                ("facts/quotes.rs", "use crate::{facts::compare::X, report};"),
            ],
            &[&["facts::compare", "facts::names", "facts::quotes"]],
        );
    }

    #[test]
    fn parents_children_tests_and_comments_make_no_circle() {
        check(
            &[
                ("lib.rs", "mod align; use crate::align::align;"),
                ("align/mod.rs", "mod cluster; use self::cluster::cluster;"),
                (
                    "align/cluster.rs",
                    "use super::Unit; use crate::align::Link;",
                ),
                (
                    "a.rs",
                    "// use crate::b::X;\n#[cfg(test)]\nmod tests { use crate::b::Y; }",
                ),
                ("b.rs", "use crate::a::Z;"),
            ],
            &[],
        );
    }
}

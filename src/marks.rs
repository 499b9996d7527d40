//! Performance marks on the way to the first screen, which `cargo xtask bench --startup` reads for its breakdown.
//!
//! Each mark is set once per page load (the first time its step happens), so
//! later comparisons add nothing to the browser's timeline. The boot script
//! in index.html sets the marks before the wasm runs (`cc:boot`,
//! `cc:unpacked`, `cc:glue`, `cc:ready`); the bench itself notes when the
//! wasm is compiled and instantiated, and when the first row is in the
//! document and on screen (xtask/src/bench/startup.rs).

use std::cell::Cell;

/// A step on the way to the first screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// The articles to open are read.
    Read,
    /// The first comparison starts.
    Comparing,
    /// The first comparison is done.
    Compared,
}

impl Mark {
    /// The name in the browser's performance timeline.
    pub fn name(self) -> &'static str {
        match self {
            Mark::Read => "cc:read",
            Mark::Comparing => "cc:comparing",
            Mark::Compared => "cc:compared",
        }
    }
}

thread_local! {
    /// The marks set so far, one bit each.
    static SET: Cell<u8> = const { Cell::new(0) };
}

/// Notes `mark` in the performance timeline, the first time only (and not in
/// the worker, which has no window, nor in native tests, which have no browser).
pub fn note(mark: Mark) {
    let bit = 1 << mark as u8;
    if SET.with(|set| set.replace(set.get() | bit)) & bit != 0 || !cfg!(target_arch = "wasm32") {
        return;
    }
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(mark.name());
    }
}

//! How much Crosscheck takes in: 5 MB per article, 100 articles, and a session of what those can make.
//!
//! The engine bounds its own work, but a browser tab holding a 50 MB page,
//! or a set of 400 articles, would be slow long before the engine said so.
//! Both limits are refused politely, before anything is decoded
//! (`admit.rs`).

/// The largest file (or paste) taken as one article: 5 MB.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// The most articles in one set: the engine's own limit,
/// [`crosscheck_engine::config::MAX_SOURCES`], so there is one number.
pub const MAX_ARTICLES: usize = crosscheck_engine::config::MAX_SOURCES;

/// The largest session file opened: what the page can export. A session
/// holds at most [`MAX_ARTICLES`] articles of [`MAX_FILE_BYTES`]; JSON
/// escapes (`\"`, `\n`) and pretty-printing add to that, and the settings,
/// corrections and questions are small beside it. The page refuses to
/// export a session larger than this (it would take only articles written
/// almost wholly of quotation marks or control characters), so everything it
/// exports, it opens.
pub const MAX_SESSION_BYTES: usize = MAX_ARTICLES * MAX_FILE_BYTES * 2 + 64 * 1024 * 1024;

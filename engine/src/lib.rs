//! The Crosscheck engine: everything Crosscheck knows about articles, as pure Rust.
//!
//! # Brief overview
//!
//! A [`Source`] is one article: its text exactly as loaded plus the metadata the
//! text states (title, outlet, date). [`seeds::bundled`] returns the five
//! articles Crosscheck ships with. The web app, the command-line tool and the
//! build all go through this crate; none of them reads article text on its own.
//!
//! ```
//! use crosscheck_engine::{seeds, Headline};
//!
//! let sources = seeds::bundled();
//! assert_eq!(sources.len(), 5);
//! assert!(sources.iter().all(|s| s.word_count() > 100));
//! assert_eq!(
//!     sources[4].headline(),
//!     Headline::Stated("Trump, Putin hold talks on Ukraine ceasefire")
//! );
//! ```
//!
//! The crate has no web dependency, never panics on any input and does no I/O:
//! callers hand it strings.
#![warn(missing_docs)]

pub mod seeds;
pub mod source;

pub use source::{Headline, Source};

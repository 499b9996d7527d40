//! Presentational components: they take data and callbacks, never compare text.

pub mod header;
pub mod source_card;

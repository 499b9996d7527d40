//! Presentational components: they take data and callbacks, never compare text.

pub mod grid;
pub mod header;
pub mod marked;
pub mod source_card;
pub mod source_name;
pub mod tabs;

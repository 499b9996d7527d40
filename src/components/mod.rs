//! Presentational components: they take data and callbacks, never compare text.

pub mod articles;
pub mod class_kit;
pub mod exercise;
pub mod exercise_editor;
pub mod facts;
pub mod grid;
pub mod group_detail;
pub mod group_summary;
pub mod header;
pub mod help;
pub mod marked;
pub mod message_list;
pub mod numbers;
pub mod overview;
pub mod pair;
pub mod paste_form;
pub mod progress;
pub mod reading;
pub mod source_bar;
pub mod source_name;
pub mod source_picker;
pub mod tabs;
pub mod worksheet;

//! Presentational components: they take data and callbacks, never compare text.
//!
//! Small pieces without hooks that are cheap to redraw (the header, help,
//! legends, tabs, source chips and pickers, messages, the progress line) are
//! plain functions returning `Html` instead of yew components: each component
//! costs the wasm about 2 KB of yew's generic code (its runner, mount, reuse
//! and props comparison). Views that are costly to draw stay components, so
//! yew skips them when their props have not changed.

pub mod articles;
pub mod class_kit;
pub mod correcting;
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
pub mod possibly;
pub mod progress;
pub mod reading;
pub mod shared;
pub mod source_bar;
pub mod source_name;
pub mod source_picker;
pub mod tabs;
pub mod worksheet;

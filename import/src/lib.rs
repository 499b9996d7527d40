//! Crosscheck's importers: bytes a user drops, picks or pastes become [`crosscheck_engine::Source`]s.
#![warn(missing_docs)]

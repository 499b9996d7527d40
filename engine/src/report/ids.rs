//! Typed positions in a report: which source, which of its sentences, which group, so that a mix-up is a compile error.
//!
//! Each is a position in one of the report's lists, and serializes as that
//! bare number (the JSON is unchanged). Front ends that number sources in
//! their own way (the app counts every loaded article, switched on or off)
//! keep their own type for that and convert in one place.
//!
//! ```
//! use crosscheck_engine::report::{GroupId, SourceId};
//! let source = SourceId::new(2);
//! assert_eq!(source.index(), 2);
//! assert_eq!(serde_json::to_string(&GroupId::new(7)).unwrap(), "7");
//! ```

/// A typed position in a list: `new`, `index`, `all`, serde and `Display` as
/// the bare number. Exported so that a front end's own numbering (the import
/// crate's `ArticleIndex`) is made the same way.
#[macro_export]
macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash,
            ::serde::Serialize, ::serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(usize);

        impl $name {
            /// The id of the item at `index` in its list.
            pub const fn new(index: usize) -> Self {
                Self(index)
            }

            /// The item's position in its list.
            pub const fn index(self) -> usize {
                self.0
            }

            /// Every id of a list of `len` items, in order.
            pub fn all(len: usize) -> impl DoubleEndedIterator<Item = Self> + ExactSizeIterator + Clone {
                (0..len).map(Self)
            }
        }

        /// The bare number, as in the JSON.
        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        /// The bare number too: a debug dump of a report reads like its JSON.
        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

typed_id! {
    /// A source: its position in [`Report::sources`](super::Report::sources),
    /// the order the sources were given to [`crate::compare`].
    SourceId
}

typed_id! {
    /// A sentence of a source: its position in that source's
    /// [`sentences`](super::SourceReport::sentences). Only meaningful with
    /// its [`SourceId`].
    SentenceId
}

typed_id! {
    /// A group: its position in [`Report::groups`](super::Report::groups).
    GroupId
}

//! How much Crosscheck takes in: 5 MB per article, 100 articles.
//!
//! The engine bounds its own work, but a browser tab holding a 50 MB page,
//! or a set of 400 articles, would be slow long before the engine said so.
//! Both limits are refused politely, before anything is decoded.

use crate::error::ImportError;

/// The largest file (or paste) taken as one article: 5 MB.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;

/// The most articles in one set (the engine compares at most this many).
pub const MAX_ARTICLES: usize = 100;

/// Refuses an article over [`MAX_FILE_BYTES`].
pub fn check_size(bytes: usize) -> Result<(), ImportError> {
    if bytes > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { file: None, bytes });
    }
    Ok(())
}

/// Refuses adding `adding` articles to a set of `existing` when that makes
/// more than [`MAX_ARTICLES`].
pub fn check_article_count(existing: usize, adding: usize) -> Result<(), ImportError> {
    let count = existing.saturating_add(adding);
    if count > MAX_ARTICLES {
        return Err(ImportError::TooManyArticles { count });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_megabytes_is_taken_one_byte_more_is_not() {
        assert_eq!(check_size(MAX_FILE_BYTES), Ok(()));
        assert_eq!(
            check_size(MAX_FILE_BYTES + 1),
            Err(ImportError::TooLarge {
                file: None,
                bytes: MAX_FILE_BYTES + 1
            })
        );
    }

    #[test]
    fn a_hundred_articles_are_taken_a_hundred_and_one_are_not() {
        assert_eq!(check_article_count(99, 1), Ok(()));
        assert_eq!(
            check_article_count(98, 3),
            Err(ImportError::TooManyArticles { count: 101 })
        );
        assert!(check_article_count(usize::MAX, 1).is_err());
    }
}

//! Refuses what is over Crosscheck's limits ([`crate::limits`]) before anything is decoded, with an error that says so.

use crate::error::ImportError;
use crate::limits::{MAX_ARTICLES, MAX_FILE_BYTES};

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

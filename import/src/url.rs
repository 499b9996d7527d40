//! Links kept with an article: http and https only, never fetched.
//!
//! A page's `og:url`, a pasted link or a session file could say
//! `javascript:alert(1)`; the UI shows urls as links, so only absolute http
//! and https addresses without white space or control characters are kept.

/// The longest address kept.
const MAX_URL_CHARS: usize = 2048;

/// `url`, trimmed, when it is an absolute http or https address; else `None`.
///
/// ```
/// use crosscheck_import::safe_url;
///
/// assert_eq!(safe_url(" https://news.example/a?b=1 ").as_deref(), Some("https://news.example/a?b=1"));
/// assert_eq!(safe_url("javascript:alert(1)"), None);
/// assert_eq!(safe_url("/relative/path"), None);
/// ```
pub fn safe_url(url: &str) -> Option<String> {
    let url = url.trim();
    let lower = url.chars().take(8).collect::<String>().to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return None;
    };
    let host_present = rest
        .chars()
        .next()
        .is_some_and(|c| !matches!(c, '/' | '?' | '#'));
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (host_present && clean && url.chars().count() <= MAX_URL_CHARS).then(|| url.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expect: Option<&str>) {
        assert_eq!(safe_url(input).as_deref(), expect, "input {input:?}");
    }

    #[test]
    fn http_and_https_only() {
        check("http://a.example", Some("http://a.example"));
        check("HTTPS://A.example/x", Some("HTTPS://A.example/x"));
        check("javascript:alert(1)", None);
        check("JaVaScRiPt:alert(1)", None);
        check("data:text/html,<script>", None);
        check("ftp://a.example", None);
        check("//a.example/x", None);
        check("https://", None);
        check("https:///path", None);
        check("https://a.example/with space", None);
        check("https://a.example/\u{0}", None);
        check("http://ü.example/ä", Some("http://ü.example/ä"));
    }
}

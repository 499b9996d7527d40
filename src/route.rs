//! Deep links: the URL fragment names the open view, the grid's filter and the selected row, so a link opens the page there.
//!
//! Pure: [`fragment`] writes the fragment for a state and [`Route::parse`]
//! reads one back into the [`Route`] the state's `Navigate` action takes; the effect in `app/` keeps the address bar in step and
//! listens for `hashchange`. Sources are written as their letters (A, B…,
//! positions in the loaded set), rows as `row-N` (report group ids).
//!
//! ```text
//! #grid                   #grid/conflict         #grid/left-out-by-B/row-12
//! #overview  #facts       #reading/C/row-4       #pair/A-D      #help
//! ```

use crosscheck_engine::GroupId;

use crate::comparison::ArticleIndex;
use crate::labels::source_letter;
use crate::state::{Filter, Route, UiState, View};

/// The fragment (without `#`) for a state.
pub fn fragment(state: &UiState) -> String {
    let mut parts = vec![state.view.slug().to_owned()];
    match state.view {
        View::Grid => {
            if let Some(filter) = filter_slug(state.filter) {
                parts.push(filter);
            }
            if let Some(group) = state.focus_group {
                parts.push(format!("row-{group}"));
            }
        }
        View::Reading => {
            parts.push(source_letter(state.reading));
            if let Some(group) = state.opened_group {
                parts.push(format!("row-{group}"));
            }
        }
        View::Pair => {
            let (a, b) = state.pair;
            parts.push(format!("{}-{}", source_letter(a), source_letter(b)));
        }
        _ => {}
    }
    parts.join("/")
}

fn filter_slug(filter: Filter) -> Option<String> {
    match filter {
        Filter::All => None,
        Filter::Conflict => Some("conflict".into()),
        Filter::Adds => Some("adds".into()),
        Filter::Same => Some("same".into()),
        Filter::Unique => Some("unique".into()),
        Filter::OmittedBy(source) => Some(format!("left-out-by-{}", source_letter(source))),
    }
}

impl Route {
    /// Reads a fragment (with or without `#`); parts it does not know are
    /// skipped, so an old or mistyped link still opens what it can.
    pub fn parse(fragment: &str) -> Route {
        let fragment = fragment.trim_start_matches('#');
        let mut parts = fragment.split('/').filter(|p| !p.is_empty());
        let mut route = Route {
            view: parts
                .next()
                .and_then(|slug| View::ALL.into_iter().find(|v| v.slug() == slug)),
            ..Route::default()
        };
        for part in parts {
            route.read_part(&part.to_ascii_lowercase());
        }
        route
    }

    fn read_part(&mut self, part: &str) {
        if let Some(group) = part.strip_prefix("row-").and_then(|n| n.parse().ok()) {
            self.group = Some(GroupId::new(group));
            return;
        }
        match (self.view, part) {
            (Some(View::Grid), _) => self.filter = parse_filter(part).or(self.filter),
            (Some(View::Reading), _) => self.reading = parse_letter(part).or(self.reading),
            (Some(View::Pair), _) => {
                let pair = part.split_once('-').and_then(|(a, b)| {
                    let (a, b) = (parse_letter(a)?, parse_letter(b)?);
                    (a != b).then_some((a, b))
                });
                self.pair = pair.or(self.pair);
            }
            _ => {}
        }
    }

    /// Drops sources the set does not have (a link made for a larger set).
    pub fn within(mut self, sources: usize) -> Route {
        if let Some(Filter::OmittedBy(s)) = self.filter
            && s.index() >= sources
        {
            self.filter = None;
        }
        self.reading = self.reading.filter(|&s| s.index() < sources);
        self.pair = self
            .pair
            .filter(|&(a, b)| a.index() < sources && b.index() < sources);
        self
    }

    /// Whether the fragment named anything at all.
    pub fn is_empty(&self) -> bool {
        *self == Route::default()
    }
}

fn parse_filter(part: &str) -> Option<Filter> {
    match part {
        "all" => Some(Filter::All),
        "conflict" => Some(Filter::Conflict),
        "adds" => Some(Filter::Adds),
        "same" => Some(Filter::Same),
        // Links made before the statuses were split (issue #15).
        "diverge" => Some(Filter::Conflict),
        "agree" => Some(Filter::Same),
        "unique" => Some(Filter::Unique),
        _ => part
            .strip_prefix("left-out-by-")
            .and_then(parse_letter)
            .map(Filter::OmittedBy),
    }
}

/// A source letter (A, B… Z, AA…) back to its position; `None` for anything else.
fn parse_letter(letters: &str) -> Option<ArticleIndex> {
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    let mut n = 0usize;
    for b in letters.bytes() {
        n = n * 26 + usize::from(b.to_ascii_uppercase() - b'A') + 1;
    }
    Some(ArticleIndex::new(n - 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(index: usize) -> ArticleIndex {
        ArticleIndex::new(index)
    }
    use crate::state::{Action, UiState};
    use std::rc::Rc;
    use yew::Reducible;

    fn check(fragment: &str, expect: Route) {
        assert_eq!(Route::parse(fragment), expect, "for {fragment:?}");
    }

    #[test]
    fn fragments_name_view_filter_row_and_sources() {
        let grid = Some(View::Grid);
        check("", Route::default());
        check(
            "#grid",
            Route {
                view: grid,
                ..Route::default()
            },
        );
        check(
            "#grid/conflict",
            Route {
                view: grid,
                filter: Some(Filter::Conflict),
                ..Route::default()
            },
        );
        check(
            "grid/left-out-by-B/row-12",
            Route {
                view: grid,
                filter: Some(Filter::OmittedBy(a(1))),
                group: Some(GroupId::new(12)),
                ..Route::default()
            },
        );
        check(
            "#reading/c/row-4",
            Route {
                view: Some(View::Reading),
                reading: Some(a(2)),
                group: Some(GroupId::new(4)),
                ..Route::default()
            },
        );
        check(
            "#pair/A-D",
            Route {
                view: Some(View::Pair),
                pair: Some((a(0), a(3))),
                ..Route::default()
            },
        );
        check(
            "#facts",
            Route {
                view: Some(View::Facts),
                ..Route::default()
            },
        );
    }

    #[test]
    fn unknown_parts_are_skipped() {
        check("#nowhere/conflict", Route::default());
        // A link made before issue #15 still opens its rows.
        check(
            "#grid/diverge",
            Route {
                view: Some(View::Grid),
                filter: Some(Filter::Conflict),
                ..Route::default()
            },
        );
        check(
            "#grid/sideways/row-x",
            Route {
                view: Some(View::Grid),
                ..Route::default()
            },
        );
        check(
            "#pair/A-A",
            Route {
                view: Some(View::Pair),
                ..Route::default()
            },
        );
        check(
            "#reading/ÄÖ",
            Route {
                view: Some(View::Reading),
                ..Route::default()
            },
        );
    }

    #[test]
    fn sources_the_set_lacks_are_dropped() {
        let route = Route::parse("#grid/left-out-by-F").within(5);
        assert_eq!(
            route,
            Route {
                view: Some(View::Grid),
                ..Route::default()
            }
        );
        let route = Route::parse("#pair/A-F").within(5);
        assert_eq!(route.pair, None);
        assert_eq!(Route::parse("#reading/E").within(5).reading, Some(a(4)));
    }

    #[test]
    fn letters_round_trip() {
        for n in [0, 1, 25, 26, 27, 51, 52, 700] {
            assert_eq!(parse_letter(&source_letter(a(n))), Some(a(n)), "{n}");
        }
    }

    #[test]
    fn a_state_survives_its_own_fragment() {
        let states = [
            vec![Action::Show(View::Grid), Action::Filter(Filter::Conflict)],
            vec![Action::ShowOmittedBy(a(2))],
            vec![Action::ShowGroup(GroupId::new(7))],
            vec![
                Action::Show(View::Reading),
                Action::Read(a(3)),
                Action::OpenGroup(Some(GroupId::new(5))),
            ],
            vec![Action::Show(View::Pair), Action::Pair(a(1), a(4))],
            vec![Action::Show(View::Help)],
        ];
        for actions in states {
            let state = actions
                .into_iter()
                .fold(Rc::new(UiState::default()), |s, a| s.reduce(a));
            let text = fragment(&state);
            let back = Rc::new(UiState::default()).reduce(Action::Navigate(Route::parse(&text)));
            assert_eq!(fragment(&back), text);
            assert_eq!(*back, *state, "through {text:?}");
        }
    }
}

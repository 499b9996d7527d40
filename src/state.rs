//! UI state and its reducer: which view is open. Pure: no I/O, no comparison.

use std::rc::Rc;

use yew::Reducible;

/// The views of the page, in tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The aligned grid: one row per group, one column per source.
    Aligned,
    /// The articles as loaded, each readable in full.
    Articles,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 2] = [View::Aligned, View::Articles];

    /// The tab's label.
    pub fn label(self) -> &'static str {
        match self {
            View::Aligned => "Aligned sentences",
            View::Articles => "Articles",
        }
    }

    /// A stable id fragment for the tab and its panel.
    pub fn slug(self) -> &'static str {
        match self {
            View::Aligned => "aligned",
            View::Articles => "articles",
        }
    }
}

/// What the user has chosen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UiState {
    /// The open view.
    pub view: View,
}

impl Default for UiState {
    fn default() -> Self {
        UiState {
            view: View::Aligned,
        }
    }
}

/// What the user can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Open a view.
    Show(View),
}

impl Reducible for UiState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Show(view) if view == self.view => self,
            Action::Show(view) => Rc::new(UiState { view }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn showing_the_open_view_keeps_the_same_state() {
        let state = Rc::new(UiState::default());
        let same = state.clone().reduce(Action::Show(View::Aligned));
        assert!(Rc::ptr_eq(&state, &same));
        let other = state.reduce(Action::Show(View::Articles));
        assert_eq!(other.view, View::Articles);
    }
}

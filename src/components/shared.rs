//! What the views share and that belongs to none of them: the library's context.
//!
//! Kept out of the views' own files so that no view imports another for a
//! shared piece (the library's context was once defined in the Articles
//! view, and the views that used it imported it in circles). Each view
//! takes its own narrow props: the data it shows and the callbacks it uses.

use std::rc::Rc;

use crosscheck_engine::Correction;
use crosscheck_import::session::{Article, Session, Settings};
use yew::prelude::*;

use crate::comparison::{Comparison, SetQuestion};
use crate::importing::Outcome;
use crate::library::LibraryAction;
use crate::messages::Message;

/// The articles and the ways to change them, shared with every view.
#[derive(Clone, PartialEq)]
pub struct LibraryContext {
    /// The articles, in order.
    pub articles: Rc<Vec<Article>>,
    /// Exercise questions on them (sources as positions).
    pub questions: Rc<Vec<SetQuestion>>,
    /// Corrections to the pairing.
    pub corrections: Rc<Vec<Correction>>,
    /// The page's own set.
    pub samples: Rc<Vec<Article>>,
    /// Changes the set.
    pub edit: Callback<LibraryAction>,
    /// Shows messages.
    pub notify: Callback<Vec<Message>>,
    /// The reader's choices, saved and exported with the articles.
    pub settings: Settings,
    /// Replaces the work with an opened session (articles and choices).
    pub open_session: Callback<Session>,
    /// The `#app` markup as served, for one-file copies ([`crate::boot::page_as_served`]).
    pub app_markup: Rc<str>,
}

impl LibraryContext {
    /// The work as a session: articles, choices, exercise questions and corrections.
    pub fn session(&self) -> Session {
        Session::new(self.articles.to_vec(), self.settings.clone())
            .with_questions(&self.questions)
            .with_corrections(&self.corrections)
    }

    /// Adds what an import accepted and shows its messages.
    pub fn apply(&self, outcome: Outcome) {
        if !outcome.added.is_empty() {
            self.edit.emit(LibraryAction::Add(outcome.added));
        }
        self.notify.emit(outcome.messages);
    }
}

/// The comparison a section of the "For the class" view is made from.
#[derive(Properties, PartialEq)]
pub struct KitProps {
    /// The comparison.
    pub comparison: Rc<Comparison>,
}

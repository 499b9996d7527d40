//! Messages to the user (what was added, what was refused and why), and their pure reducer.

use std::rc::Rc;

use yew::Reducible;

/// How serious a message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Something happened as asked.
    Info,
    /// It happened, with a caveat (a file decoded as Windows-1252, storage full).
    Warning,
    /// It did not happen (an empty file, a broken session file).
    Error,
}

/// One message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// How serious.
    pub level: Level,
    /// What to say.
    pub text: String,
    /// A file the reader can download from the message (saved work that
    /// could not be read back).
    pub download: Option<Rc<Download>>,
}

/// A file offered for download from a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Download {
    /// The button's label.
    pub label: &'static str,
    /// The file's name.
    pub file: String,
    /// What it holds.
    pub text: String,
    /// What downloading it allows.
    pub then: AfterDownload,
}

/// What downloading an offered file allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AfterDownload {
    /// Nothing more.
    Nothing,
    /// The page may save over the stored copy again (`storage::release`).
    SaveAgain,
}

impl Message {
    /// An informational message.
    pub fn info(text: impl Into<String>) -> Self {
        Message {
            level: Level::Info,
            text: text.into(),
            download: None,
        }
    }
    /// A warning.
    pub fn warning(text: impl Into<String>) -> Self {
        Message {
            level: Level::Warning,
            text: text.into(),
            download: None,
        }
    }
    /// The message, with a file to download.
    pub fn with_download(mut self, download: Download) -> Self {
        self.download = Some(Rc::new(download));
        self
    }
    /// An error.
    pub fn error(text: impl Into<String>) -> Self {
        Message {
            level: Level::Error,
            text: text.into(),
            download: None,
        }
    }
}

/// The messages on screen, newest last, each with a stable id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Messages {
    /// (id, message)
    pub shown: Vec<(u64, Message)>,
    next: u64,
}

impl Messages {
    /// Messages showing `first`.
    pub fn starting_with(first: Vec<Message>) -> Self {
        (*Rc::new(Messages::default()).reduce(MessageAction::Show(first))).clone()
    }
}

/// Show or dismiss messages.
#[derive(Clone, Debug, PartialEq)]
pub enum MessageAction {
    /// Show these (the last ten are kept; an informational message replaces
    /// those shown before it).
    Show(Vec<Message>),
    /// Dismiss the message with this id.
    Dismiss(u64),
}

/// How many messages stay on screen.
const KEPT: usize = 10;

impl Reducible for Messages {
    type Action = MessageAction;

    fn reduce(self: Rc<Self>, action: MessageAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            MessageAction::Show(messages) if messages.is_empty() => return self,
            MessageAction::Show(messages) => {
                // A confirmation replaces the previous ones ("Added 1 article."
                // four times pushed the page down); warnings and errors stay
                // until dismissed.
                if messages.iter().any(|m| m.level == Level::Info) {
                    next.shown.retain(|(_, m)| m.level != Level::Info);
                }
                for message in messages {
                    next.shown.push((next.next, message));
                    next.next += 1;
                }
                let excess = next.shown.len().saturating_sub(KEPT);
                next.shown.drain(..excess);
            }
            MessageAction::Dismiss(id) => next.shown.retain(|(i, _)| *i != id),
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_get_ids_and_can_be_dismissed() {
        let m = Rc::new(Messages::default())
            .reduce(MessageAction::Show(vec![
                Message::info("a"),
                Message::error("b"),
            ]))
            .reduce(MessageAction::Dismiss(0));
        assert_eq!(m.shown, vec![(1, Message::error("b"))]);
    }

    #[test]
    fn a_confirmation_replaces_the_previous_ones_and_warnings_stay() {
        // Issue #18, item 8: "Added…" notices stacked up, four at once.
        let m = Rc::new(Messages::default())
            .reduce(MessageAction::Show(vec![Message::info("Added 1 article.")]))
            .reduce(MessageAction::Show(vec![Message::warning(
                "b.txt: decoded",
            )]))
            .reduce(MessageAction::Show(vec![Message::info("Added 1 article.")]));
        let texts: Vec<&str> = m.shown.iter().map(|(_, m)| m.text.as_str()).collect();
        assert_eq!(texts, ["b.txt: decoded", "Added 1 article."]);
    }

    #[test]
    fn only_the_last_ten_are_kept() {
        let many = (0..15).map(|i| Message::info(i.to_string())).collect();
        let m = Rc::new(Messages::default()).reduce(MessageAction::Show(many));
        assert_eq!(m.shown.len(), 10);
        assert_eq!(m.shown[0].1.text, "5");
    }
}

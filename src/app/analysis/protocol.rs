//! What the page and its comparison worker say to each other, and the worker's side of it (pure, tested natively).
//!
//! The page posts a [`Request`] as JSON; the worker answers with JSON
//! [`Reply`] texts: progress now and then ([`Throttle`] keeps it to about one
//! per percent), then the report. Everything crosses as text so the only
//! decoding code is serde's, on both sides.

use crosscheck_engine::overview::{Overview, overview};
use crosscheck_engine::{Progress, Report, Stage, compare_with_progress};
use serde::{Deserialize, Serialize};

use crate::comparison::Request;

/// One message from the worker.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reply {
    /// How far the comparison has got.
    Progress(Progress),
    /// The finished report and its overview (computed there too: it takes
    /// tens of milliseconds on a large set).
    Report(Box<Answer>),
    /// The request could not be answered (the worker's own words).
    Failed(String),
}

impl Reply {
    /// Reads a reply the worker posted; anything else is a failure to report.
    pub fn parse(json: &str) -> Reply {
        serde_json::from_str(json).unwrap_or_else(|error| {
            Reply::Failed(format!("unreadable reply from the worker ({error})"))
        })
    }

    /// The reply as the worker posts it.
    pub fn to_json(&self) -> String {
        to_json(self).unwrap_or_else(|error| format!("{{\"failed\":{:?}}}", error.to_string()))
    }
}

/// `value` as JSON, written by serde_json's pretty formatter without
/// indentation: the serializer type the page already uses for sessions and the
/// JSON download (`to_string_pretty`), so the wasm carries each type's
/// serializer once, not twice (tens of kilobytes for the report).
pub fn to_json<T: Serialize>(value: &T) -> Result<String, serde_json::Error> {
    let mut out = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"");
    value.serialize(&mut serde_json::Serializer::with_formatter(
        &mut out, formatter,
    ))?;
    // serde_json writes UTF-8 only.
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// A finished comparison.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// Figures derived from the report.
    pub overview: Overview,
    /// The engine's report.
    pub report: Report,
}

/// Passes on progress at most about once per percent, and every change of stage.
#[derive(Debug, Default)]
pub struct Throttle {
    last: Option<Progress>,
}

/// The smallest step of progress worth a message.
const STEP: f32 = 0.01;

impl Throttle {
    /// Whether `progress` is worth telling the page.
    pub fn admit(&mut self, progress: Progress) -> bool {
        let worth = match self.last {
            None => true,
            Some(last) => last.stage != progress.stage || progress.done >= last.done + STEP,
        };
        if worth {
            self.last = Some(progress);
        }
        worth
    }
}

/// The worker's whole job: reads `request`, compares, and posts progress and
/// then the report (or why it could not) through `post`.
pub fn answer(request: &str, post: &mut dyn FnMut(String)) {
    let request: Request = match serde_json::from_str(request) {
        Ok(request) => request,
        Err(error) => {
            post(Reply::Failed(format!("unreadable request ({error})")).to_json());
            return;
        }
    };
    let mut throttle = Throttle::default();
    let report = compare_with_progress(&request.sources, &request.config(), &mut |progress| {
        if progress.stage != Stage::Done && throttle.admit(progress) {
            post(Reply::Progress(progress).to_json());
        }
    });
    let answer = Answer {
        overview: overview(&report),
        report,
    };
    post(Reply::Report(Box::new(answer)).to_json());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_engine::{Config, compare, seeds};

    fn request() -> String {
        serde_json::to_string(&Request {
            sources: seeds::bundled(),
            reference: None,
        })
        .unwrap()
    }

    #[test]
    fn the_worker_posts_progress_then_the_same_report_as_compare() {
        let mut posted = Vec::new();
        answer(&request(), &mut |json| posted.push(Reply::parse(&json)));
        let Some(Reply::Report(answer)) = posted.pop() else {
            panic!("the last reply is the report")
        };
        assert_eq!(
            answer.report,
            compare(&seeds::bundled(), &Config::default())
        );
        assert_eq!(answer.overview, overview(&answer.report));
        assert!(posted.len() >= 4, "some progress first: {posted:?}");
        assert!(posted.iter().all(|r| matches!(r, Reply::Progress(_))));
    }

    #[test]
    fn progress_is_thinned_to_about_one_message_per_percent() {
        let mut throttle = Throttle::default();
        let at = |stage, done| Progress { stage, done };
        let admitted: Vec<bool> = [
            at(Stage::Reading, 0.0),
            at(Stage::Reading, 0.005),
            at(Stage::Reading, 0.011),
            at(Stage::Aligning, 0.012),
            at(Stage::Aligning, 0.02),
        ]
        .into_iter()
        .map(|p| throttle.admit(p))
        .collect();
        assert_eq!(admitted, [true, false, true, true, false]);
    }

    #[test]
    fn a_broken_request_or_reply_is_a_failure_not_a_panic() {
        let mut posted = Vec::new();
        answer("{\"sources\": 3", &mut |json| {
            posted.push(Reply::parse(&json))
        });
        assert!(
            matches!(posted.as_slice(), [Reply::Failed(why)] if why.starts_with("unreadable request"))
        );
        assert!(matches!(Reply::parse("<html>"), Reply::Failed(_)));
    }
}

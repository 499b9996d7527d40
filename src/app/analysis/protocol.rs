//! What the page and its worker say to each other, and the worker's side of it (pure, tested natively).
//!
//! The page posts a [`Job`]. For a comparison the worker answers with
//! [`Reply`] messages: progress now and then ([`Throttle`] keeps it to about
//! one per percent), then the report. For a file or pasted text to read it
//! answers with the article read, or why it could not be (issue #17: a 5 MB
//! article read on the page's own thread held it for seconds). Both cross as
//! bytes in the compact form of `wire.rs`, whose reader is far smaller in the
//! wasm than a JSON reader of the report.

use crosscheck_engine::{Correction, Progress, Report, SentenceRef, Stage, compare_with_progress};
use crosscheck_import::{Config, PastedMeta};

use super::wire::{self, Reader, Wire};
use crate::comparison::Request;
use crate::html_dom::Parsed;
use crate::importing::{self, Read};

/// What the page asks of a worker.
#[derive(Debug, PartialEq)]
pub enum Job {
    /// Compare these sources.
    Compare(Request),
    /// Read a file into an article: its name, its bytes and, for a web page,
    /// the tree the page's `DOMParser` made of it (`html_dom.rs`; empty otherwise).
    ReadFile {
        name: String,
        bytes: Vec<u8>,
        tree: String,
    },
    /// Read pasted text, with what the reader typed beside it and, for a pasted page, its tree.
    ReadPasted {
        text: String,
        meta: PastedMeta,
        tree: String,
    },
}

impl Job {
    /// Does a reading job here, on the calling thread.
    pub fn read(self) -> Read {
        match self {
            Job::ReadFile { name, bytes, tree } => importing::read_file(
                &name,
                &bytes,
                &Config {
                    html: &Parsed(tree),
                },
            ),
            Job::ReadPasted { text, meta, tree } => importing::read_pasted(
                &text,
                meta,
                &Config {
                    html: &Parsed(tree),
                },
            ),
            Job::Compare(_) => Err("nothing to read".into()),
        }
    }
}

/// On the wire a job is a byte for its kind (0 compare, 1 file, 2 pasted text), then its fields.
impl Wire for Job {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Job::Compare(request) => {
                out.push(0);
                request.put(out);
            }
            Job::ReadFile { name, bytes, tree } => {
                out.push(1);
                name.put(out);
                bytes.put(out);
                tree.put(out);
            }
            Job::ReadPasted { text, meta, tree } => {
                out.push(2);
                text.put(out);
                meta.put(out);
                tree.put(out);
            }
        }
    }

    fn take(input: &mut Reader) -> Self {
        match input.byte() {
            0 => Job::Compare(Wire::take(input)),
            1 => Job::ReadFile {
                name: Wire::take(input),
                bytes: Wire::take(input),
                tree: Wire::take(input),
            },
            kind => {
                if kind != 2 {
                    input.fail();
                }
                Job::ReadPasted {
                    text: Wire::take(input),
                    meta: Wire::take(input),
                    tree: Wire::take(input),
                }
            }
        }
    }
}

/// One message from the worker.
#[derive(Debug, PartialEq)]
pub enum Reply {
    /// How far the comparison has got.
    Progress(Progress),
    /// The finished report (its overview included).
    Report(Box<Report>),
    /// The request could not be answered (the worker's own words).
    Failed(String),
    /// What a file or pasted text read as.
    Read(Read),
}

impl Reply {
    /// Reads a reply the worker posted; anything else is a failure to report.
    pub fn read(bytes: &[u8]) -> Reply {
        wire::decode(bytes)
            .unwrap_or_else(|| Reply::Failed("unreadable reply from the worker".into()))
    }

    /// The reply as the worker posts it.
    pub fn to_bytes(&self) -> Vec<u8> {
        wire::encode(self)
    }
}

/// On the wire a reply is a byte for its kind (0 progress, 1 report, 2 failed,
/// 3 an article read with its notices, 4 why it could not be read), then its value.
impl Wire for Reply {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Reply::Progress(progress) => {
                out.push(0);
                progress.put(out);
            }
            Reply::Report(report) => {
                out.push(1);
                report.put(out);
            }
            Reply::Failed(why) => {
                out.push(2);
                why.put(out);
            }
            Reply::Read(Ok((article, notices))) => {
                out.push(3);
                article.put(out);
                notices.put(out);
            }
            Reply::Read(Err(why)) => {
                out.push(4);
                why.put(out);
            }
        }
    }

    fn take(input: &mut Reader) -> Self {
        match input.byte() {
            0 => Reply::Progress(Wire::take(input)),
            1 => Reply::Report(Wire::take(input)),
            3 => Reply::Read(Ok((Wire::take(input), Wire::take(input)))),
            4 => Reply::Read(Err(Wire::take(input))),
            kind => {
                if kind != 2 {
                    input.fail();
                }
                Reply::Failed(Wire::take(input))
            }
        }
    }
}

/// On the wire a correction is a byte for its kind (in declaration order), then its sentences.
impl Wire for Correction {
    fn put(&self, out: &mut Vec<u8>) {
        let kind = match self {
            Correction::TakeOut { .. } => 0,
            Correction::Move { .. } => 1,
            Correction::Join { .. } => 2,
            Correction::Apart { .. } => 3,
            Correction::Confirm { .. } => 4,
        };
        out.push(kind);
        for sentence in self.sentences() {
            sentence.put(out);
        }
    }

    fn take(input: &mut Reader) -> Self {
        let kind = input.byte();
        let sentence = SentenceRef::take(input);
        let mut other = || SentenceRef::take(input);
        match kind {
            0 => Correction::TakeOut { sentence },
            1 => Correction::Move {
                sentence,
                into: other(),
            },
            2 => Correction::Join {
                sentence,
                with: other(),
            },
            3 => Correction::Apart {
                sentence,
                from: other(),
            },
            4 => Correction::Confirm { sentence },
            _ => {
                input.fail();
                Correction::Confirm { sentence }
            }
        }
    }
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

/// The worker's whole job: reads `job`, compares (posting progress and then
/// the report) or reads an article, and posts each reply through `post`; or
/// says why it could not.
pub fn answer(job: &[u8], post: &mut dyn FnMut(Vec<u8>)) {
    let request = match wire::decode::<Job>(job) {
        Some(Job::Compare(request)) => request,
        Some(read) => return post(Reply::Read(read.read()).to_bytes()),
        None => return post(Reply::Failed("unreadable request".into()).to_bytes()),
    };
    let mut throttle = Throttle::default();
    let report = compare_with_progress(&request.sources, &request.config(), &mut |progress| {
        if progress.stage != Stage::Done && throttle.admit(progress) {
            post(Reply::Progress(progress).to_bytes());
        }
    });
    post(Reply::Report(Box::new(report)).to_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck_engine::{Config, compare, seeds};

    fn request() -> Vec<u8> {
        wire::encode(&Job::Compare(Request {
            sources: seeds::bundled(),
            reference: None,
            corrections: Vec::new(),
        }))
    }

    #[test]
    fn the_worker_posts_progress_then_the_same_report_as_compare() {
        let mut posted = Vec::new();
        answer(&request(), &mut |bytes| posted.push(Reply::read(&bytes)));
        let Some(Reply::Report(report)) = posted.pop() else {
            panic!("the last reply is the report")
        };
        assert_eq!(*report, compare(&seeds::bundled(), &Config::default()));
        assert!(
            !report.overview.sources.is_empty(),
            "the overview crosses with the report"
        );
        assert!(posted.len() >= 4, "some progress first: {posted:?}");
        assert!(posted.iter().all(|r| matches!(r, Reply::Progress(_))));
    }

    /// What the worker answers `job` with.
    fn answered(job: &Job) -> Vec<Reply> {
        let mut posted = Vec::new();
        answer(&wire::encode(job), &mut |bytes| {
            posted.push(Reply::read(&bytes))
        });
        posted
    }

    #[test]
    fn a_file_is_read_in_the_worker_as_it_is_read_here() {
        let story =
            "Talks held\n\nThe two leaders spoke for 90 minutes on Tuesday, the Kremlin said.";
        let job = Job::ReadFile {
            name: "talks.md".into(),
            bytes: story.as_bytes().to_vec(),
            tree: String::new(),
        };
        let here = importing::read_file(
            "talks.md",
            story.as_bytes(),
            &crosscheck_import::Config::default(),
        );
        assert!(here.is_ok());
        assert_eq!(answered(&job), [Reply::Read(here)]);
        // A page: the tree its DOMParser made crosses with it (fields as `html_dom::read` reads them).
        let tree = [
            "<html",
            "<body",
            "<article",
            "<h1",
            "#Talks held",
            ">",
            "<p",
            "#The two leaders spoke.",
            ">",
        ]
        .join("\0");
        let page = Job::ReadFile {
            name: "talks.html".into(),
            bytes: b"<article><h1>Talks held</h1><p>The two leaders spoke.</p></article>".to_vec(),
            tree,
        };
        let Some(Reply::Read(Ok((article, _)))) = answered(&page).pop() else {
            panic!("the page is read")
        };
        assert_eq!(article.source.text, "Talks held\n\nThe two leaders spoke.");
        // Why a file could not be read crosses in words.
        let empty = Job::ReadFile {
            name: "empty.txt".into(),
            bytes: Vec::new(),
            tree: String::new(),
        };
        assert!(
            matches!(answered(&empty).as_slice(), [Reply::Read(Err(why))] if why.contains("empty.txt"))
        );
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
        answer(&request()[..40], &mut |bytes| {
            posted.push(Reply::read(&bytes))
        });
        assert!(
            matches!(posted.as_slice(), [Reply::Failed(why)] if why.starts_with("unreadable request"))
        );
        assert!(matches!(Reply::read(b"<html>"), Reply::Failed(_)));
        let failed = Reply::Failed("no memory".into());
        assert_eq!(Reply::read(&failed.to_bytes()), failed);
    }

    #[test]
    fn corrections_cross_to_the_worker_and_apply_there() {
        let sources = seeds::bundled();
        let plain = compare(&sources, &Config::default());
        let speech = plain.sources[4]
            .sentences
            .iter()
            .position(|s| s.text.contains("Putin delivered a speech"))
            .and_then(|i| {
                SentenceRef::of(
                    &plain,
                    crosscheck_engine::SourceId::new(4),
                    crosscheck_engine::SentenceId::new(i),
                )
            })
            .expect("the seed sentence");
        let corrections = vec![
            Correction::TakeOut {
                sentence: speech.clone(),
            },
            Correction::Apart {
                sentence: speech.clone(),
                from: speech.clone(),
            },
            Correction::Confirm { sentence: speech },
        ];
        let request = wire::encode(&Job::Compare(Request {
            sources: sources.clone(),
            reference: None,
            corrections: corrections.clone(),
        }));
        let mut posted = Vec::new();
        answer(&request, &mut |bytes| posted.push(Reply::read(&bytes)));
        let Some(Reply::Report(report)) = posted.pop() else {
            panic!("the last reply is the report")
        };
        let config = Config {
            corrections,
            ..Config::default()
        };
        assert_eq!(*report, compare(&sources, &config));
        assert!(report.groups.iter().any(|g| g.by_hand.is_some()));
    }
}

//! Reading a file or pasted text in a worker, so that a 5 MB article never holds the page (issue #17); here when no worker can start.
//!
//! A web page is parsed first, here: the browser's `DOMParser` is only on the
//! page's main thread (`html_dom.rs`, in slices of 25 ms). Everything else
//! (decoding, the Markdown and text readers, finding a page's article) runs
//! in a worker started for the one file ([`READ_HERE_BYTES`] and over), which answers with the article read
//! or why it could not be; adding it (duplicates, the article limit) stays
//! with the page, which knows the articles (`importing.rs`).

use std::cell::RefCell;
use std::rc::Rc;

use crosscheck_import::{PastedMeta, page_text, pasted_page_text};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use super::protocol::{Job, Reply};
use super::{wire, worker};
use crate::html_dom;
use crate::importing::Read;

/// Reads a file named `name` from its bytes.
pub async fn file(name: String, bytes: Vec<u8>) -> Read {
    let tree = match page_text(&name, &bytes) {
        Some(page) => html_dom::tree(&page).await,
        None => String::new(),
    };
    let size = bytes.len();
    read(Job::ReadFile { name, bytes, tree }, size).await
}

/// Reads pasted text and what the reader typed beside it (a pasted page is parsed first, as a file's is).
pub async fn pasted(text: &str, meta: PastedMeta) -> Read {
    let tree = match pasted_page_text(text) {
        Some(page) => html_dom::tree(&page).await,
        None => String::new(),
    };
    let text = text.to_owned();
    let size = text.len();
    read(Job::ReadPasted { text, meta, tree }, size).await
}

/// Articles smaller than this (in bytes) are read here: starting a worker
/// takes about 12 ms, about what reading 256 KB here takes, and 20 small
/// files dropped at once were added in 398 ms, a worker each, against
/// 153 ms read here.
const READ_HERE_BYTES: usize = 256 * 1024;

/// Does a reading `job` of `size` bytes in a worker; here, on the page's
/// thread, when it is small, or no worker starts or it fails (then it takes
/// as long as it takes, but is read).
async fn read(job: Job, size: usize) -> Read {
    if size < READ_HERE_BYTES {
        return job.read();
    }
    let answer = Rc::new(RefCell::new(None::<Read>));
    let mut resolve = None;
    let replied = js_sys::Promise::new(&mut |done, _| resolve = Some(done));
    let started = resolve.and_then(|done| {
        let answer = answer.clone();
        let on_reply = move |reply| {
            if let Reply::Read(read) = reply {
                answer.borrow_mut().get_or_insert(read);
            }
            // A failure (the worker could not start or died) ends the wait too.
            let _ = done.call0(&JsValue::NULL);
        };
        worker::spawn(wire::encode(&job), Rc::new(on_reply)).ok()
    });
    if started.is_some() {
        let _ = JsFuture::from(replied).await;
    }
    // Dropping the job stops its worker.
    drop(started);
    let answered = answer.borrow_mut().take();
    answered.unwrap_or_else(|| job.read())
}

//! The comparison worker: started from the page's own code through a Blob URL, so it works from file://.
//!
//! The page carries the wasm-bindgen glue in `<script id="crosscheck-glue">`
//! and has already compiled the module. A worker is made of that glue's text
//! plus [`BOOTSTRAP`], in a Blob; the page posts it the compiled
//! `WebAssembly.Module` (no second download or inflate) and the request's
//! bytes (`wire.rs`). In the worker the module's start function finds no
//! window and does nothing (`boot::start_set`); [`worker_compare`] does the
//! work and posts each [`Reply`] back as a `Uint8Array`. A text message is a
//! failure of the worker itself, in its own words.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Blob, BlobPropertyBag, ErrorEvent, Event, MessageEvent, Url, Worker};

use super::protocol::{self, Reply};

/// Id of the `<script>` that holds the wasm-bindgen glue (index.html).
pub const GLUE_ID: &str = "crosscheck-glue";

/// Appended to the glue: waits for one job, instantiates the module it brings
/// and runs the comparison. A start-up failure is posted as a text.
const BOOTSTRAP: &str = r#"
;self.onmessage = function (event) {
  "use strict";
  var job = event.data;
  var post = function (reply) { self.postMessage(reply); };
  wasm_bindgen({ module_or_path: job.module })
    .then(function () { wasm_bindgen.worker_compare(job.request, post); })
    .catch(function (error) {
      post("the background comparison stopped (" + error + ")");
    });
};
"#;

/// The worker's entry point, called by [`BOOTSTRAP`]: compares what `request`
/// asks and calls `post` with each reply's bytes.
#[wasm_bindgen]
pub fn worker_compare(request: &[u8], post: &js_sys::Function) {
    protocol::answer(request, &mut |reply| {
        let _ = post.call1(&JsValue::NULL, &js_sys::Uint8Array::from(&reply[..]));
    });
}

/// A running worker and its listeners; dropping it stops the worker.
pub struct Job {
    worker: Worker,
    url: String,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

impl Job {
    /// A handle to stop the worker from inside its own listeners (which a
    /// `Job` owns and so cannot drop there).
    pub fn stopper(&self) -> Stopper {
        Stopper(self.worker.clone())
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        // No event may reach the listeners once they are gone.
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
        let _ = Url::revoke_object_url(&self.url);
    }
}

/// Stops a worker; stopping it twice does nothing.
#[derive(Clone)]
pub struct Stopper(Worker);

impl Stopper {
    /// Terminates the worker at once.
    pub fn stop(&self) {
        self.0.terminate();
    }
}

/// Starts a worker on `request` (its bytes); `on_reply` hears every reply, and a
/// worker that fails to start or dies as a [`Reply::Failed`]. `Err` when
/// this browser cannot start one here (no Worker, a policy, no glue).
/// (One body for every caller: `on_reply` is a trait object, not a type parameter.)
pub fn spawn(request: Vec<u8>, on_reply: std::rc::Rc<dyn Fn(Reply)>) -> Result<Job, String> {
    let glue = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(GLUE_ID))
        .and_then(|e| e.text_content())
        .ok_or("the page does not carry its program's glue code")?;
    let url = blob_url(&glue)?;
    let worker = Worker::new(&url).map_err(|e| {
        let _ = Url::revoke_object_url(&url);
        describe(&e)
    })?;
    let on_message = {
        let on_reply = on_reply.clone();
        Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            on_reply(match data.as_string() {
                Some(why) => Reply::Failed(why),
                None => Reply::read(&js_sys::Uint8Array::new(&data).to_vec()),
            });
        })
    };
    // A worker a policy refuses fires a plain `Event`; one whose script fails, an `ErrorEvent`.
    let on_error = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
        event.prevent_default();
        let message = event
            .dyn_ref::<ErrorEvent>()
            .map(ErrorEvent::message)
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "the browser did not start the worker".into());
        on_reply(Reply::Failed(message));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let job = Job {
        worker,
        url,
        _on_message: on_message,
        _on_error: on_error,
    };
    post_job(&job.worker, &request)?;
    Ok(job)
}

/// A Blob URL for the worker's script: the glue, then [`BOOTSTRAP`].
fn blob_url(glue: &str) -> Result<String, String> {
    let parts = js_sys::Array::of2(&JsValue::from_str(glue), &JsValue::from_str(BOOTSTRAP));
    let options = BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob =
        Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| describe(&e))?;
    Url::create_object_url_with_blob(&blob).map_err(|e| describe(&e))
}

/// Posts the compiled module and the request.
fn post_job(worker: &Worker, request: &[u8]) -> Result<(), String> {
    let job = js_sys::Object::new();
    let set =
        |key: &str, value: &JsValue| js_sys::Reflect::set(&job, &JsValue::from_str(key), value);
    set("module", &wasm_bindgen::module()).map_err(|e| describe(&e))?;
    set("request", &js_sys::Uint8Array::from(request)).map_err(|e| describe(&e))?;
    worker.post_message(&job).map_err(|e| describe(&e))
}

/// A thrown JS value in words.
fn describe(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

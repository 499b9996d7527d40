//! Browser file I/O: read picked or dropped files as bytes, offer text as a download.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, File, FileList, HtmlAnchorElement, Url};

use crate::importing::{Loaded, ReadError};

/// The files of a FileList.
pub fn list(files: Option<FileList>) -> Vec<File> {
    let Some(files) = files else {
        return Vec::new();
    };
    (0..files.length()).filter_map(|i| files.get(i)).collect()
}

/// Reads a file's bytes; files over `limit` bytes are not read at all.
pub async fn read(file: File, limit: f64) -> Loaded {
    let name = file.name();
    if file.size() > limit {
        return (name, Err(ReadError::TooLarge(file.size() as usize)));
    }
    let bytes = match JsFuture::from(file.array_buffer()).await {
        Ok(buffer) => Ok(Uint8Array::new(&buffer).to_vec()),
        Err(_) => Err(ReadError::Failed),
    };
    (name, bytes)
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "could not prepare the file")?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| "could not prepare the file")?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link: HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "no link")?
        .dyn_into()
        .map_err(|_| "no link")?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    Ok(())
}

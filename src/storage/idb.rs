//! IndexedDB, for a session too large for localStorage: one object store, the session under one key and kept-aside copies under others.
//!
//! Wraps the callback API in futures; every failure is an `Err` the caller
//! turns into a message.

use js_sys::{Function, Promise};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "crosscheck";
const STORE: &str = "sessions";
/// The key the session is stored under, before its scope.
pub const KEY: &str = "current";
/// The key a session that could not be read is kept aside under, before its
/// scope (then `-2`, `-3`… for later ones).
pub const UNREADABLE_KEY: &str = "unreadable";

/// Waits for a request to succeed (its result) or fail.
async fn finish(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let target = request.clone();
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let done = target.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let on_error = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::NULL);
        });
        target.set_onsuccess(Some(on_success.unchecked_ref()));
        target.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

async fn open() -> Result<IdbDatabase, JsValue> {
    let factory = web_sys::window()
        .ok_or(JsValue::NULL)?
        .indexed_db()?
        .ok_or(JsValue::NULL)?;
    let request: IdbOpenDbRequest = factory.open_with_u32(DATABASE, 1)?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Ok(result) = upgrading.result()
            && let Ok(db) = result.dyn_into::<IdbDatabase>()
        {
            let _ = db.create_object_store(STORE);
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    finish(&request).await?.dyn_into::<IdbDatabase>()
}

/// Stores the session JSON under `key`.
pub async fn save(key: &str, json: &str) -> Result<(), JsValue> {
    let db = open().await?;
    let store = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?
        .object_store(STORE)?;
    finish(&store.put_with_key(&JsValue::from_str(json), &JsValue::from_str(key))?).await?;
    Ok(())
}

/// Reads the value stored under `key` as it is (`undefined` when there is none):
/// the caller tells a session's JSON from a value of another type.
pub async fn load(key: &str) -> Result<JsValue, JsValue> {
    let db = open().await?;
    let store = db.transaction_with_str(STORE)?.object_store(STORE)?;
    finish(&store.get(&JsValue::from_str(key))?).await
}

/// Stores `value` under the first of `base`, `base-2`, `base-3`… that holds
/// nothing, so that nothing kept earlier is overwritten; returns that key.
pub async fn put_new(base: &str, value: &JsValue) -> Result<String, JsValue> {
    for n in 1..=super::MAX_KEPT {
        let key = super::numbered(base, n);
        if load(&key).await?.is_undefined() {
            let db = open().await?;
            let store = db
                .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?
                .object_store(STORE)?;
            finish(&store.put_with_key(value, &JsValue::from_str(&key))?).await?;
            return Ok(key);
        }
    }
    Err(JsValue::NULL)
}

//! The Crosscheck web app: a yew front end that renders what `crosscheck-engine` reports.
//!
//! The page (built by `cargo xtask dist`) carries its default articles as JSON
//! in `<script id="crosscheck-seeds">`; [`start`] opens the user's saved work
//! (or those articles), mounts [`app::App`] into `#app` and reports any failure
//! in the page rather than only in the console. Components hold UI state and
//! render; they never compare text.

pub mod answers;
pub mod app;
pub mod boot;
pub mod comparison;
pub mod components;
pub mod export;
pub mod files;
pub mod html_dom;
pub mod importing;
pub mod labels;
pub mod library;
pub mod loading;
pub mod marks;
pub mod messages;
pub mod route;
pub mod state;
pub mod storage;
pub mod view_model;

/// Entry point called by the wasm start function: mounts the app into `#app`.
pub fn start() {
    boot::install_panic_hook();
    wasm_bindgen_futures::spawn_local(async {
        // Read the saved work first (IndexedDB is asynchronous), then replace the loading message.
        let start = boot::start_set().await;
        marks::note(marks::Mark::Read);
        match boot::mount_point() {
            Ok(root) => {
                yew::Renderer::<app::App>::with_root_and_props(root, app::AppProps { start })
                    .render();
            }
            Err(message) => boot::show_fatal(&message),
        }
    });
}

//! The Crosscheck web app: a yew front end that renders what `crosscheck-engine` reports.
//!
//! The page (built by `cargo xtask dist`) carries the articles to open as JSON
//! in `<script id="crosscheck-seeds">`; [`start`] reads them, mounts [`app::App`]
//! into `#app` and reports any failure in the page rather than only in the
//! console. Components hold UI state and render; they never compare text.

pub mod app;
pub mod boot;
pub mod comparison;
pub mod components;
pub mod labels;
pub mod state;
pub mod view_model;

/// Entry point called by the wasm start function: mounts the app into `#app`.
pub fn start() {
    boot::install_panic_hook();
    match boot::mount_point() {
        Ok(root) => {
            let sources = boot::read_embedded_sources();
            yew::Renderer::<app::App>::with_root_and_props(root, app::AppProps { sources })
                .render();
        }
        Err(message) => boot::show_fatal(&message),
    }
}

//! The wasm binary: wasm-bindgen runs `main` as soon as the module is instantiated.

fn main() {
    crosscheck::start();
}

//! Benchmark entry points: the engine exported to JavaScript so `cargo xtask bench` can time it as wasm in a browser.

//! The page's LZMA decoder ([`decode.rs`](decode)) as a small wasm module: `cargo xtask dist` compiles this file alone with rustc (no_std, no dependencies) and inlines the module, which `www/lzma.js` drives.
//!
//! Why wasm and not JavaScript: the decoder runs once, at start-up, over
//! 1.3 MB. A JavaScript port ran 10-20 times slower than its optimized self
//! until V8 was done optimizing it, tens of ms on a busy machine, and cost
//! 3-4 times its warm time in the page; a wasm module is compiled before it
//! runs, in a millisecond.
//!
//! Memory protocol, in wasm32 addresses: the caller grows the memory, copies
//! the .lzma data at `input`, asks [`workspace`] how many bytes decoding
//! needs, grows the memory again and calls [`decode`] with the start of that
//! space, where the output is written (the probabilities follow it).
//! Both return a negative [`decode::Error`] code on failure.

#![no_std]

#[path = "decode.rs"]
mod decode;

use decode::{Error, Header};

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

/// Bytes needed after the output for the probabilities (`u16`, so one more for alignment).
fn probabilities_bytes(header: &Header) -> usize {
    1 + 2 * header.probabilities()
}

fn error(error: Error) -> isize {
    -(error as isize)
}

/// How many bytes [`decode`] needs at `work`, or a negative error code.
///
/// # Safety
/// `input` must point to `len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn workspace(input: *const u8, len: usize) -> isize {
    let input = unsafe { core::slice::from_raw_parts(input, len) };
    match Header::parse(input) {
        Ok(header) => (header.size + probabilities_bytes(&header)) as isize,
        Err(e) => error(e),
    }
}

/// Decodes the `len` bytes at `input` to `work`; returns the unpacked size,
/// or a negative error code.
///
/// # Safety
/// `input` must point to `len` readable bytes, and `work` to as many writable
/// bytes as [`workspace`] said, apart from the input.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn decode(input: *const u8, len: usize, work: *mut u8) -> isize {
    let input = unsafe { core::slice::from_raw_parts(input, len) };
    let header = match Header::parse(input) {
        Ok(header) => header,
        Err(e) => return error(e),
    };
    let out = unsafe { core::slice::from_raw_parts_mut(work, header.size) };
    let probs_at = (work as usize + header.size).next_multiple_of(2) as *mut u16;
    let probs = unsafe { core::slice::from_raw_parts_mut(probs_at, header.probabilities()) };
    match decode::decode(input, out, probs) {
        Ok(()) => header.size as isize,
        Err(e) => error(e),
    }
}

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
//! needs, grows the memory again and calls [`start`] with the start of that
//! space, where the output is written (the probabilities follow it); then
//! [`step`] until it returns the size. All return a negative
//! [`decode::Error`] code on failure. One decoding at a time.

#![no_std]

#[path = "decode.rs"]
mod decode;

use decode::{Decoder, Error, Header};

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

/// The decoding under way: the decoder and where its buffers are.
struct Job {
    input: *const u8,
    len: usize,
    work: *mut u8,
    header: Header,
    decoder: Decoder,
}

impl Job {
    /// The input, output and probabilities.
    ///
    /// # Safety
    /// The addresses must be as [`start`] was given them.
    unsafe fn buffers(&self) -> (&'static [u8], &'static mut [u8], &'static mut [u16]) {
        unsafe { buffers(self.input, self.len, self.work, &self.header) }
    }
}

static mut JOB: Option<Job> = None;

/// Bytes needed after the output for the probabilities (`u16`, so one more for alignment).
fn probabilities_bytes(header: &Header) -> usize {
    1 + 2 * header.probabilities()
}

/// # Safety
/// `input` must point to `len` readable bytes, and `work` to the space [`workspace`] asked for.
unsafe fn buffers(
    input: *const u8,
    len: usize,
    work: *mut u8,
    header: &Header,
) -> (&'static [u8], &'static mut [u8], &'static mut [u16]) {
    let probs_at = (work as usize + header.size).next_multiple_of(2) as *mut u16;
    unsafe {
        (
            core::slice::from_raw_parts(input, len),
            core::slice::from_raw_parts_mut(work, header.size),
            core::slice::from_raw_parts_mut(probs_at, header.probabilities()),
        )
    }
}

fn error(error: Error) -> isize {
    -(error as isize)
}

/// How many bytes [`start`] needs at `work`, or a negative error code.
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

/// Starts decoding the `len` bytes at `input` to `work`; returns the
/// unpacked size, or a negative error code.
///
/// # Safety
/// `input` must point to `len` readable bytes, and `work` to as many writable
/// bytes as [`workspace`] said, apart from the input; both must stay until
/// the last [`step`].
#[unsafe(no_mangle)]
pub unsafe extern "C" fn start(input: *const u8, len: usize, work: *mut u8) -> isize {
    let header = match Header::parse(unsafe { core::slice::from_raw_parts(input, len) }) {
        Ok(header) => header,
        Err(e) => return error(e),
    };
    let (input_bytes, out, probs) = unsafe { buffers(input, len, work, &header) };
    match Decoder::new(input_bytes, out, probs) {
        Ok(decoder) => {
            let job = Job {
                input,
                len,
                work,
                header,
                decoder,
            };
            unsafe { *(&raw mut JOB) = Some(job) };
            header.size as isize
        }
        Err(e) => error(e),
    }
}

/// Decodes on until at least `until` bytes are written; returns how many are
/// (the size once done), or a negative error code.
#[unsafe(no_mangle)]
pub extern "C" fn step(until: usize) -> isize {
    let Some(job) = (unsafe { (*(&raw mut JOB)).as_mut() }) else {
        return error(Error::WrongBuffers);
    };
    let (input, out, probs) = unsafe { job.buffers() };
    match job.decoder.run(input, out, probs, until) {
        Ok(written) => written as isize,
        Err(e) => error(e),
    }
}

//! Unpacks the program (the wasm) that `cargo xtask dist` stores LZMA-compressed in the page, with the LZMA decoder compiled to wasm (www/lzma/wasm.rs).
//
// lzmaDecode(decoderWasm, packed): `decoderWasm` is the decoder module's
// bytes, `packed` the .lzma data; the promise resolves to the unpacked bytes
// (a Uint8Array over the decoder's memory), or rejects with an Error when the
// data is damaged.
//
// The decoder is compiled with WebAssembly.compile and instantiated with
// `new WebAssembly.Instance` (it is small): WebAssembly.instantiate stays
// the program's own, which `cargo xtask bench` times.
//
// This file is inlined in index.html's boot script (xtask/src/dist.rs) and run
// by xtask's node test (xtask/src/lzma_check.js): keep it one plain function
// declaration.

function lzmaDecode(decoderWasm, packed) {
  "use strict";
  return WebAssembly.compile(decoderWasm).then(function (module) {
    var decoder = new WebAssembly.Instance(module, {}).exports;
    var input = grow(decoder.memory, packed.length);
    new Uint8Array(decoder.memory.buffer, input, packed.length).set(packed);
    var work = grow(decoder.memory, check(decoder.workspace(input, packed.length)));
    var size = check(decoder.decode(input, packed.length, work));
    return new Uint8Array(decoder.memory.buffer, work, size);
  });

  // Adds room for `bytes` at the end of the memory; returns where it starts.
  function grow(memory, bytes) {
    var start = memory.buffer.byteLength;
    memory.grow(Math.ceil(bytes / 65536));
    return start;
  }

  // The decoder's result, unless it is an error code (www/lzma/decode.rs, `Error`).
  function check(result) {
    if (result < 0) {
      throw new Error("LZMA: the packed program is damaged (error " + -result + ")");
    }
    return result;
  }
}

//! Unpacks the program (the wasm) that `cargo xtask dist` stores LZMA-compressed in the page, with the LZMA decoder compiled to wasm (www/lzma/wasm.rs), as a stream.
//
// lzmaUnpack(decoderWasm, packed): `decoderWasm` is the decoder module's
// bytes, `packed` the .lzma data. The promise resolves to a ReadableStream of
// the unpacked bytes, decoded a chunk at a time as it is read; a damaged
// input makes the stream fail with an Error.
//
// Why a stream: given to WebAssembly.instantiateStreaming (through a
// Response), the program is compiled on other threads while the rest is
// being decoded here, instead of after.
//
// The decoder is compiled with WebAssembly.compile and instantiated with
// `new WebAssembly.Instance` (it is small), leaving WebAssembly.instantiate
// and instantiateStreaming to the program, which `cargo xtask bench` times.
//
// This file is inlined in index.html's boot script (xtask/src/dist.rs) and run
// by xtask's node test (xtask/src/lzma_check.js): keep it one plain function
// declaration.

function lzmaUnpack(decoderWasm, packed) {
  "use strict";
  var CHUNK = 128 * 1024;
  return WebAssembly.compile(decoderWasm).then(function (module) {
    var decoder = new WebAssembly.Instance(module, {}).exports;
    var input = grow(decoder.memory, packed.length);
    new Uint8Array(decoder.memory.buffer, input, packed.length).set(packed);
    var work = grow(decoder.memory, check(decoder.workspace(input, packed.length)));
    var size = check(decoder.start(input, packed.length, work));
    var written = 0;
    return new ReadableStream({
      pull: function (controller) {
        var from = written;
        written = check(decoder.step(written + CHUNK));
        // A copy: the chunk outlives this call, the decoder's memory need not.
        controller.enqueue(new Uint8Array(decoder.memory.buffer, work + from, written - from).slice());
        if (written === size) { controller.close(); }
      }
    });
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

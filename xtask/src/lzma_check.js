//! Runs the page's LZMA decoder (www/lzma.js driving the decoder module, read as a stream) in node on the files xtask's tests write (xtask/src/lzma.rs).
//
// Usage: node lzma_check.js path/to/lzma.js path/to/decoder.wasm DIR [--reject]
//
// DIR holds NN.lzma (packed), NN.txt (what the case is) and, unless
// --reject, NN.bin (the bytes it must decode to). Each case is reported on
// its own line; the last line says how many passed, and the exit code is 1
// unless all did. With --reject every case must throw an Error.

"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [scriptPath, wasmPath, dir, mode] = process.argv.slice(2);
vm.runInThisContext(fs.readFileSync(scriptPath, "utf8"), { filename: scriptPath });
const decoderWasm = fs.readFileSync(wasmPath);
// The page hands the stream to WebAssembly.instantiateStreaming; here it is read whole.
const decode = (packed) => globalThis.lzmaUnpack(decoderWasm, packed)
  .then((stream) => new Response(stream).arrayBuffer())
  .then((buffer) => new Uint8Array(buffer));
const reject = mode === "--reject";

function read(stem, extension) {
  return fs.readFileSync(path.join(dir, stem + extension));
}

function firstDifference(a, b) {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    if (a[i] !== b[i]) { return i; }
  }
  return length;
}

async function decodes(stem, name) {
  const packed = new Uint8Array(read(stem, ".lzma"));
  const expected = read(stem, ".bin");
  const start = performance.now();
  const actual = await decode(packed);
  const ms = (performance.now() - start).toFixed(1);
  if (actual.length === expected.length && firstDifference(actual, expected) === actual.length) {
    console.log(`ok: ${name} (${expected.length} bytes from ${packed.length}, ${ms} ms)`);
    return true;
  }
  console.log(`WRONG: ${name}: ${actual.length} bytes for ${expected.length}, ` +
    `first difference at byte ${firstDifference(actual, expected)}`);
  return false;
}

async function isRejected(stem, name) {
  try {
    await decode(new Uint8Array(read(stem, ".lzma")));
  } catch (error) {
    console.log(`ok: ${name} rejected (${error.message})`);
    return error instanceof Error;
  }
  console.log(`ACCEPTED: ${name} decoded without an error`);
  return false;
}

const stems = fs.readdirSync(dir)
  .filter((file) => file.endsWith(".lzma"))
  .map((file) => file.slice(0, -".lzma".length))
  .sort();
(async () => {
  let passed = 0;
  for (const stem of stems) {
    const name = read(stem, ".txt").toString();
    let ok;
    try {
      ok = await (reject ? isRejected(stem, name) : decodes(stem, name));
    } catch (error) {
      console.log(`FAILED: ${name}: ${error && error.stack || error}`);
      ok = false;
    }
    if (ok) { passed++; }
  }
  console.log(`${passed} of ${stems.length} ${reject ? "rejected" : "decoded"}`);
  process.exitCode = passed === stems.length && stems.length > 0 ? 0 : 1;
})();

// The bench page's script (inlined by `cargo xtask bench`, see xtask/src/bench/page.rs).
//
// `runBench()` instantiates crosscheck-bench's wasm from the inlined bytes,
// times the engine's compare() on every input with performance.now(), reads
// the wasm memory after the large case, then word-diffs every aligned pair
// with our wasm, jsdiff's diffWords and diff-match-patch, round by round so
// that all three meet the same machine state. It returns plain JSON.
"use strict";

function now() {
  return performance.now();
}

function median(values) {
  const sorted = values.slice().sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function summary(times, extra) {
  return Object.assign(
    { median_ms: median(times), min_ms: Math.min(...times), runs: times.length },
    extra,
  );
}

function decodeBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function loadSets(json) {
  return json.map((sources) => wasm_bindgen.SourceSet.fromJson(JSON.stringify(sources)));
}

// One timing: every set compared once, in turn.
function compareAll(sets) {
  const start = now();
  let groups = 0;
  for (const set of sets) groups += set.compare();
  return { ms: now() - start, groups };
}

function timeCompare(sets, warmups, runs) {
  for (let i = 0; i < warmups; i++) compareAll(sets);
  const times = [];
  let groups = 0;
  for (let i = 0; i < runs; i++) {
    const run = compareAll(sets);
    times.push(run.ms);
    groups = run.groups;
  }
  const words = sets.reduce((sum, set) => sum + set.words(), 0);
  return summary(times, { groups, words, sets: sets.length });
}

function jsHeap() {
  return performance.memory ? performance.memory.usedJSHeapSize : null;
}

// The large case first, in the fresh instance, so the memory it leaves is its own peak.
function largeCase(exports, json) {
  const before = { wasm: exports.memory.buffer.byteLength, js: jsHeap() };
  const [set] = loadSets([json]);
  const start = now();
  set.compare();
  const cold = now() - start;
  return {
    set,
    memory: {
      wasm_before: before.wasm,
      wasm_after: exports.memory.buffer.byteLength,
      js_heap_before: before.js,
      js_heap_after: jsHeap(),
      cold_ms: cold,
    },
  };
}

function pairsOf(sets) {
  return sets.flatMap((set) => JSON.parse(set.pairs()));
}

// Each tool diffs every pair `passes` times per round, so that a round of a
// small input still lasts long enough for the timer (its resolution is 0.1 ms
// in a page that is not cross-origin isolated); the figure is one pass of the
// median round. `ours_batch` is the same work in one call, the pairs never
// leaving wasm.
const PAIRS_PER_ROUND = 2000;

function timeWordDiffs(sets, rounds) {
  const pairs = pairsOf(sets);
  const passes = Math.max(1, Math.round(PAIRS_PER_ROUND / Math.max(1, pairs.length)));
  const differ = new wasm_bindgen.Differ();
  const dmp = new diff_match_patch();
  const tools = {
    ours: ([a, b]) => differ.diff(a, b),
    jsdiff: ([a, b]) => Diff.diffWords(a, b).length,
    dmp: ([a, b]) => {
      const diffs = dmp.diff_main(a, b);
      dmp.diff_cleanupSemantic(diffs);
      return diffs.length;
    },
  };
  tools.ours_batch = () => sets.reduce((sum, set) => sum + set.diffPairs(), 0);
  const times = { ours: [], ours_batch: [], jsdiff: [], dmp: [] };
  let sink = 0;
  for (let round = 0; round < rounds + 1; round++) {
    for (const [name, diff] of Object.entries(tools)) {
      const start = now();
      for (let pass = 0; pass < passes; pass++) {
        if (name === "ours_batch") sink += diff();
        else for (const pair of pairs) sink += diff(pair);
      }
      // Round 0 warms every tool up and is not counted.
      if (round > 0) times[name].push((now() - start) / passes);
    }
  }
  differ.free();
  const result = { pairs: pairs.length, passes, sink };
  for (const name of Object.keys(tools)) result[name + "_ms"] = median(times[name]);
  return result;
}

async function runBench() {
  const inputs = JSON.parse(document.getElementById("bench-inputs").textContent);
  const exports = await wasm_bindgen({ module_or_path: decodeBase64(BENCH_WASM) });
  const large = largeCase(exports, inputs.synthetic);
  const sets = {
    seeds: loadSets([inputs.seeds]),
    ecbplus: loadSets(inputs.ecbplus),
    "synthetic-100x1000": [large.set],
  };
  const compare = {
    seeds: timeCompare(sets.seeds, 5, 30),
    ecbplus: timeCompare(sets.ecbplus, 3, 20),
    "synthetic-100x1000": timeCompare(sets["synthetic-100x1000"], 1, 5),
  };
  const wordDiff = {};
  for (const [name, group] of Object.entries(sets)) {
    wordDiff[name] = timeWordDiffs(group, 5);
  }
  const steps = inputs.steps.map((step) => {
    const stepSets = loadSets([step.sources]);
    const timing = timeCompare(stepSets, 1, 3);
    stepSets.forEach((set) => set.free());
    return Object.assign({ name: step.name }, timing);
  });
  return {
    compare,
    memory: large.memory,
    word_diff: wordDiff,
    steps,
    user_agent: navigator.userAgent,
  };
}

//! Native benchmarks of the engine (criterion): `compare` and the word diff on the seed set, the ECB+ clusters and 100 synthetic articles of 1,000 words.
//!
//! Run through `cargo xtask bench`, which also times the same inputs as wasm
//! in headless Chromium and prints everything in one table; alone:
//! `cargo bench -p crosscheck-engine --bench engine`. Before the timings it
//! measures the peak heap of one `compare` per input with a counting
//! allocator and prints it (and writes it as JSON to the file named by
//! `CROSSCHECK_BENCH_OUT`, for xtask).

#[path = "../tests/support/ecbplus.rs"]
mod ecbplus;

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use criterion::Criterion;
use crosscheck_engine::diff::WordDiffer;
use crosscheck_engine::synthetic::{self, Spec};
use crosscheck_engine::{Config, Report, Source, compare, seeds};

/// The system allocator, counting the bytes in use and their high-water mark.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged to the system allocator.
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(pointer, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One benchmark input.
struct Input {
    /// The name in criterion's ids and in xtask's table.
    name: &'static str,
    /// Compared one after another (the ECB+ clusters are several sets).
    sets: Vec<Vec<Source>>,
}

fn inputs() -> Vec<Input> {
    let clusters = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/ecbplus/clusters");
    let mut dirs: Vec<_> = std::fs::read_dir(&clusters)
        .map(|entries| entries.filter_map(|e| Some(e.ok()?.path())).collect())
        .unwrap_or_default();
    dirs.sort();
    vec![
        Input {
            name: "seeds",
            sets: vec![seeds::bundled()],
        },
        Input {
            name: "ecbplus",
            sets: dirs.iter().map(|d| ecbplus::read_cluster(d)).collect(),
        },
        Input {
            name: "synthetic-100x1000",
            sets: vec![synthetic::articles(&Spec::LARGE)],
        },
    ]
}

/// Each group member other than the reference, with the group's reference sentence.
fn aligned_pairs(report: &Report) -> Vec<(String, String)> {
    let text = |source, sentence| {
        report
            .sentence(source, sentence)
            .map_or_else(String::new, |s| s.text.clone())
    };
    report
        .groups
        .iter()
        .flat_map(|group| {
            let reference = &group.members[group.reference];
            group
                .members
                .iter()
                .enumerate()
                .filter(move |(index, _)| *index != group.reference)
                .map(move |(_, m)| {
                    (
                        text(reference.source, reference.sentence),
                        text(m.source, m.sentence),
                    )
                })
        })
        .collect()
}

/// Bytes allocated at the peak of one run of `work`, above what was in use before.
fn peak_heap(work: impl FnOnce()) -> usize {
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    work();
    PEAK.load(Ordering::Relaxed).saturating_sub(before)
}

/// Prints the peak heap of one `compare` of each input and writes it for xtask.
fn report_peak_heap(inputs: &[Input]) {
    let mut figures = serde_json::Map::new();
    for input in inputs {
        let bytes = peak_heap(|| {
            for set in &input.sets {
                black_box(compare(set, &Config::default()));
            }
        });
        println!(
            "peak heap, compare {}: {:.1} MB",
            input.name,
            bytes as f64 / 1e6
        );
        figures.insert(input.name.to_owned(), bytes.into());
    }
    if let Some(path) = std::env::var_os("CROSSCHECK_BENCH_OUT") {
        let json = serde_json::json!({ "peak_heap_bytes": figures });
        if let Err(error) = std::fs::write(&path, json.to_string()) {
            eprintln!("cannot write {}: {error}", Path::new(&path).display());
        }
    }
}

fn bench_compare(criterion: &mut Criterion, inputs: &[Input]) {
    let mut group = criterion.benchmark_group("compare");
    group.sample_size(10);
    for input in inputs {
        group.bench_function(input.name, |b| {
            b.iter(|| {
                for set in &input.sets {
                    black_box(compare(set, &Config::default()));
                }
            })
        });
    }
    group.finish();
}

fn bench_word_diff(criterion: &mut Criterion, inputs: &[Input]) {
    let mut group = criterion.benchmark_group("word-diff");
    for input in inputs {
        let pairs: Vec<(String, String)> = input
            .sets
            .iter()
            .flat_map(|set| aligned_pairs(&compare(set, &Config::default())))
            .collect();
        let mut differ = WordDiffer::new(&Config::default());
        group.bench_function(input.name, |b| {
            b.iter(|| {
                for (reference, member) in &pairs {
                    black_box(differ.diff(reference, member));
                }
            })
        });
    }
    group.finish();
}

fn main() {
    let inputs = inputs();
    report_peak_heap(&inputs);
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    bench_compare(&mut criterion, &inputs);
    bench_word_diff(&mut criterion, &inputs);
    criterion.final_summary();
}

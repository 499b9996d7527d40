"""Collates one set of articles with CollateX and prints the time it took as JSON.

Written by `cargo xtask bench` into target/bench/ and run in the venv there:
    python collatex_run.py SET.json
SET.json is a JSON array of the engine's sources ({"id": ..., "text": ...}).
Only collate() is timed, as the engine's compare() is in the browser.
"""

import json
import sys
import time

from collatex import Collation, collate


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        sources = json.load(handle)
    collation = Collation()
    for source in sources:
        collation.add_plain_witness(source["id"], " ".join(source["text"].split()))
    start = time.perf_counter()
    table = collate(collation, output="json")
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "output_bytes": len(table)}))


if __name__ == "__main__":
    main()

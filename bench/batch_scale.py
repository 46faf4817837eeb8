"""How `firsthand batch` scales: 1 and 2 Ray workers against the single-process `add`.

On the same generated web archive (distinct pages, see tests/batch_corpus.py) it measures:

- wall time and documents a second with 1 and with 2 workers (their ratio: on a 2-core
  machine Ray's own processes share the cores, and the target is >= 1.6);
- documents a CPU-second of the workers (the reading alone, model loading excluded) against
  the same documents read and stored by one process as `add` does (target: within 10%);
- per-document cost and each worker's peak memory;
- from those, a model of the time for 10 million pages on N workers.

    python bench/batch_scale.py [--pages 2000] [--out bench/out/batch_scale.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from batch_corpus import write_warc  # type: ignore[import-not-found]  # noqa: E402
from firsthand.case.store import CaseFile  # noqa: E402
from firsthand.engine.batch import BatchReport, run_batch  # noqa: E402
from firsthand.engine.pipeline import read_documents  # noqa: E402
from firsthand.reading.nlp import load_model  # noqa: E402

TEN_MILLION = 10_000_000


def single_process_add(pages: list[bytes], folder: Path) -> dict[str, float]:
    """The pages as files, read and stored by this process as `add --jobs 1` does."""
    paths = []
    folder.mkdir()
    for number, page in enumerate(pages):
        path = folder / f"page{number:05d}.html"
        path.write_bytes(page)
        paths.append(str(path))
    load_model()
    cpu, wall = time.process_time(), time.perf_counter()
    with CaseFile(folder / "case.db") as case:
        for outcome in read_documents(paths):
            assert outcome.record is not None and outcome.raw is not None, outcome.error
            case.add(outcome.record, outcome.raw)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {
        "documents": len(paths),
        "cpu_seconds": cpu,
        "wall_seconds": wall,
        "per_cpu_second": len(paths) / cpu,
    }


def batch_figures(report: BatchReport) -> dict[str, Any]:
    worked = [s for s in report.shards if not s.skipped]
    return {
        "documents": report.records,
        "wall_seconds": report.wall_seconds,
        "per_second": report.records / report.wall_seconds,
        "cpu_seconds": report.cpu_seconds,
        "per_cpu_second": report.records / report.cpu_seconds,
        "workers_seen": len({s.worker for s in worked}),
        "peak_rss_mb_per_worker": max(s.peak_rss_mb for s in worked),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "batch_scale.json")
    args = parser.parse_args()

    import ray

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        warc = folder / "crawl.warc.gz"
        pages = write_warc(warc, args.pages, seed=11)
        add = single_process_add(pages, folder / "files")
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
        try:
            one = batch_figures(run_batch([str(warc)], str(folder / "one"), workers=1))
            two = batch_figures(run_batch([str(warc)], str(folder / "two"), workers=2))
        finally:
            ray.shutdown()

    speedup = one["wall_seconds"] / two["wall_seconds"]
    cpu_ratio = two["per_cpu_second"] / add["per_cpu_second"]
    # The model: a worker has a core and reads at the measured documents a CPU-second; more
    # workers add at the measured efficiency of going from one to two.
    efficiency = min(1.0, speedup / 2)
    model = {
        str(n): {
            "hours": TEN_MILLION / (two["per_cpu_second"] * n * efficiency) / 3600,
            "cpu_hours": TEN_MILLION / two["per_cpu_second"] / 3600,
        }
        for n in (1, 8, 64, 512)
    }
    result = {
        "pages": args.pages,
        "add_single_process": add,
        "batch_1_worker": one,
        "batch_2_workers": two,
        "wall_ratio_1_to_2_workers": speedup,
        "scaling_efficiency": efficiency,
        "batch_per_cpu_second_over_add": cpu_ratio,
        "cpu_ms_per_document": 1000 / two["per_cpu_second"],
        "ten_million_pages": model,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    print(f"add (1 process):  {add['per_cpu_second']:.1f} documents/CPU-s, {add['wall_seconds']:.1f} s wall")
    for name, row in (("batch 1 worker", one), ("batch 2 workers", two)):
        print(
            f"{name}: {row['per_second']:.1f} documents/s, {row['per_cpu_second']:.1f} documents/CPU-s,"
            f" {row['wall_seconds']:.1f} s wall, peak {row['peak_rss_mb_per_worker']:.0f} MB a worker"
        )
    print(f"wall ratio 1→2 workers: {speedup:.2f} (target ≥ 1.6)")
    print(f"batch documents/CPU-s over add's: {cpu_ratio:.2f} (target 0.9–1.1 or better)")
    for n, row in model.items():
        print(f"10M pages on {n} workers: {row['hours']:.1f} h ({row['cpu_hours']:.0f} CPU-hours)")


if __name__ == "__main__":
    main()

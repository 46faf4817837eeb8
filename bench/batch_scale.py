"""How `firsthand batch` scales: 1 and 2 Ray workers against the single-process `add`.

On the same generated web archive (distinct pages, see tests/batch_corpus.py) it measures:

- wall time and documents a second with 1 and with 2 workers, and their ratio (on a 2-core
  machine Ray's own processes share the cores; the target is >= 1.6). Each run has a fresh
  local Ray session of 2 CPUs, so both pay the same start-up; the session's own start
  (`ray.init`) is timed apart, since `batch --address` joins a running one;
- each run split into start-up (from the call to the first shard read: planning, the actor
  pool, each actor's spaCy model), steady state (first shard begun to last shard written) and
  tail, with the ratio of the steady states too;
- where the CPU goes: every process of the Ray session (this driver, raylet, GCS, agents, Ray
  Data's own actors, the reading actors) sampled twice a second. The share of it that is not
  reading is the overhead: on an idle 2-core machine the wall ratio is about 2 x the reading
  share of the 2-worker run;
- documents a CPU-second of the reading (model loading excluded) against the same documents
  read and stored by one process as `add` does (target: within 10%);
- per-document cost and each worker's peak memory;
- from those, a model of the time for 10 million pages on N workers.

    python bench/batch_scale.py [--pages 2000] [--no-add] [--out bench/out/batch_scale.json]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from batch_corpus import write_warc  # type: ignore[import-not-found]  # noqa: E402
from firsthand.case.store import CaseFile  # noqa: E402
from firsthand.engine.batch import BatchReport, run_batch  # noqa: E402
from firsthand.engine.pipeline import read_documents  # noqa: E402
from firsthand.reading.nlp import load_model  # noqa: E402

TEN_MILLION = 10_000_000
SAMPLE_SECONDS = 0.5


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


@dataclass
class ProcessTrace:
    """One process's CPU seconds (user + system) as sampled, with what it is."""

    pid: int
    born: float
    role: str  # "driver", "daemon" (raylet, GCS, agents) or "worker" (a Ray worker process)
    samples: list[tuple[float, float]] = field(default_factory=list)

    def cpu_at(self, moment: float) -> float:
        """CPU used by ``moment``, between samples by a straight line; a process born after
        the moment had used none. A process that ended between two samples loses what it used
        after the last (at most SAMPLE_SECONDS of its time)."""
        first_time, first_cpu = self.samples[0]
        if moment <= first_time:
            return 0.0 if self.born >= moment else first_cpu
        for (t0, c0), (t1, c1) in zip(self.samples, self.samples[1:], strict=False):
            if t0 <= moment <= t1:
                return c0 + (c1 - c0) * (moment - t0) / (t1 - t0)
        return self.samples[-1][1]


class SessionCpu:
    """The CPU of this process and every process under it (a local Ray session is: GCS,
    raylet, its agents and workers), sampled on a thread."""

    def __init__(self) -> None:
        self.traces: dict[tuple[int, float], ProcessTrace] = {}
        self.own_cpu: list[tuple[float, float]] = []  # the sampling's own CPU, in the driver
        # Every process of the machine, ours or not: what else ran while we measured.
        self.machine = ProcessTrace(pid=0, born=0.0, role="machine")
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> SessionCpu:
        self._sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _loop(self) -> None:
        while not self._stop.wait(SAMPLE_SECONDS):
            self._sample()

    def _sample(self) -> None:
        began = time.thread_time()
        me = psutil.Process()
        for process in [me, *me.children(recursive=True)]:
            try:
                with process.oneshot():
                    key = (process.pid, process.create_time())
                    times = process.cpu_times()
                    if key not in self.traces:
                        self.traces[key] = ProcessTrace(process.pid, key[1], _role(process, me))
                    self.traces[key].samples.append((time.time(), times.user + times.system))
            except psutil.Error:
                pass  # ended between the listing and the reading
        self.own_cpu.append((time.time(), time.thread_time() - began))
        times = psutil.cpu_times()
        busy = times.user + times.nice + times.system + times.irq + times.softirq + times.steal
        self.machine.samples.append((time.time(), busy))

    def between(self, start: float, end: float) -> dict[int, tuple[str, float]]:
        """CPU seconds each process used from ``start`` to ``end``, by pid, with its role; the
        sampling's own is under -1, apart from the driver's."""
        used = {
            trace.pid: (trace.role, trace.cpu_at(end) - trace.cpu_at(start)) for trace in self.traces.values()
        }
        own = sum(cpu for moment, cpu in self.own_cpu if start <= moment <= end)
        role, driver = used[os.getpid()]
        used[os.getpid()] = (role, driver - own)
        used[-1] = ("sampling", own)
        return used


def _role(process: psutil.Process, driver: psutil.Process) -> str:
    if process.pid == driver.pid:
        return "driver"
    command = " ".join(process.cmdline())
    return "worker" if command.startswith("ray::") or "default_worker.py" in command else "daemon"


def cpu_shares(used: dict[int, tuple[str, float]], actors: set[int], reading: float) -> dict[str, float]:
    """The CPU of a span by who used it: reading, the reading actors' other work (their
    start-up: imports, the spaCy model; taking shards), the driver, Ray's daemons, and Ray's
    other workers (Ray Data's stats and autoscaling actors, idle workers)."""
    actor_cpu = sum(cpu for pid, (_, cpu) in used.items() if pid in actors)
    rest = {role: 0.0 for role in ("driver", "daemon", "worker", "sampling")}
    for pid, (role, cpu) in used.items():
        if pid not in actors:
            rest[role] += cpu
    total = actor_cpu + sum(rest.values()) - rest["sampling"]
    return {
        "reading": reading,
        "actors_besides_reading": actor_cpu - reading,
        "driver": rest["driver"],
        "ray_daemons": rest["daemon"],
        "ray_other_workers": rest["worker"],
        "this_measurement": rest["sampling"],
        "total": total,
        "overhead_share": 1 - reading / total,
    }


def batch_run(warc: Path, out: Path, workers: int) -> dict[str, Any]:
    """One run in a fresh local Ray session of 2 CPUs, timed and costed."""
    import ray

    began = time.perf_counter()
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level=logging.WARNING)
    ray_init = time.perf_counter() - began
    try:
        with SessionCpu() as session:
            started = time.time()
            report = run_batch([str(warc)], str(out), workers=workers)
            ended = time.time()
    finally:
        ray.shutdown()
    return batch_figures(report, session, started, ended) | {"ray_init_seconds": ray_init}


def batch_figures(report: BatchReport, session: SessionCpu, started: float, ended: float) -> dict[str, Any]:
    worked = [s for s in report.shards if not s.skipped]
    actors = {s.worker for s in worked}
    first, last = min(s.started for s in worked), max(s.finished for s in worked)
    busy = sum(s.finished - s.started for s in worked)
    steady = last - first
    cpu_run = cpu_shares(session.between(started, ended), actors, report.cpu_seconds)
    machine = session.machine.cpu_at(ended) - session.machine.cpu_at(started)
    return {
        "documents": report.records,
        "wall_seconds": report.wall_seconds,
        "per_second": report.records / report.wall_seconds,
        "startup_seconds": first - started,
        "steady_seconds": steady,
        "steady_per_second": report.records / steady,
        "tail_seconds": ended - last,
        # The actors' time inside a shard over the steady state: what is left is an actor
        # waiting for its next shard.
        "busy_share": busy / (steady * len(actors)),
        "cpu_seconds": report.cpu_seconds,
        "per_cpu_second": report.records / report.cpu_seconds,
        "workers_seen": len(actors),
        "peak_rss_mb_per_worker": max(s.peak_rss_mb for s in worked),
        "cpu_run": cpu_run,
        # Cores this run's processes used, and those the rest of the machine used meanwhile:
        # on a 2-core machine the second figure says how far the wall times measure scaling.
        "cores_used": cpu_run["total"] / (ended - started),
        "cores_used_by_others": max(0.0, machine - cpu_run["total"] - cpu_run["this_measurement"])
        / (ended - started),
        "cpu_steady": cpu_shares(session.between(first, last), actors, report.cpu_seconds),
        "cpu_startup": cpu_shares(session.between(started, first), actors, 0.0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--no-add", action="store_true", help="leave out the single-process add")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "batch_scale.json")
    args = parser.parse_args()

    import ray.data  # noqa: F401  # imported once here, not in the first run's time only

    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        warc = folder / "crawl.warc.gz"
        pages = write_warc(warc, args.pages, seed=11)
        add = None if args.no_add else single_process_add(pages, folder / "files")
        one = batch_run(warc, folder / "one", workers=1)
        two = batch_run(warc, folder / "two", workers=2)
    load_after = os.getloadavg()

    speedup = one["wall_seconds"] / two["wall_seconds"]
    steady_speedup = two["steady_per_second"] / one["steady_per_second"]
    # The model: a worker has a core and reads at the measured documents a CPU-second; more
    # workers add at the measured steady-state efficiency of going from one to two (over
    # 10 million pages the start-up of a few seconds is nothing).
    efficiency = min(1.0, steady_speedup / 2)
    model = {
        str(n): {
            "hours": TEN_MILLION / (two["per_cpu_second"] * n * efficiency) / 3600,
            "cpu_hours": TEN_MILLION / two["per_cpu_second"] / 3600,
        }
        for n in (1, 8, 64, 512)
    }
    result = {
        "pages": args.pages,
        "load_average_1min_before_after": [load[0], load_after[0]],
        "add_single_process": add,
        "batch_1_worker": one,
        "batch_2_workers": two,
        "wall_ratio_1_to_2_workers": speedup,
        "steady_ratio_1_to_2_workers": steady_speedup,
        "scaling_efficiency_steady": efficiency,
        "batch_per_cpu_second_over_add": add and two["per_cpu_second"] / add["per_cpu_second"],
        "cpu_ms_per_document": 1000 / two["per_cpu_second"],
        "ten_million_pages": model,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2))
    print(f"load average (1 min) before and after: {load[0]:.2f}, {load_after[0]:.2f}")
    if add:
        print(
            f"add (1 process): {add['per_cpu_second']:.1f} documents/CPU-s, {add['wall_seconds']:.1f} s wall"
        )
    for name, row in (("batch 1 worker", one), ("batch 2 workers", two)):
        run, steady = row["cpu_run"], row["cpu_steady"]
        print(
            f"{name}: {row['per_second']:.1f} documents/s, {row['per_cpu_second']:.1f} documents/CPU-s,"
            f" {row['wall_seconds']:.1f} s wall (ray.init {row['ray_init_seconds']:.1f} s apart),"
            f" peak {row['peak_rss_mb_per_worker']:.0f} MB a worker\n"
            f"  start-up {row['startup_seconds']:.1f} s, steady {row['steady_seconds']:.1f} s"
            f" ({row['steady_per_second']:.1f} documents/s, actors busy {row['busy_share']:.0%}),"
            f" tail {row['tail_seconds']:.1f} s; cores used {row['cores_used']:.2f}, by the"
            f" machine's other work {row['cores_used_by_others']:.2f}\n"
            f"  CPU of the run {run['total']:.1f} s: reading {run['reading']:.1f}, actors besides"
            f" {run['actors_besides_reading']:.1f}, driver {run['driver']:.1f}, Ray daemons"
            f" {run['ray_daemons']:.1f}, other Ray workers {run['ray_other_workers']:.1f} (this"
            f" measurement {run['this_measurement']:.1f} apart); in the start-up {row['cpu_startup']['total']:.1f};"
            f" overhead {run['overhead_share']:.0%} of the run, {steady['overhead_share']:.0%} of the steady state"
        )
    print(f"wall ratio 1→2 workers: {speedup:.2f} (target ≥ 1.6); steady state: {steady_speedup:.2f}")
    if add:
        print(
            f"batch documents/CPU-s over add's: {result['batch_per_cpu_second_over_add']:.2f} (target 0.9–1.1)"
        )
    for n, row in model.items():
        print(f"10M pages on {n} workers: {row['hours']:.1f} h ({row['cpu_hours']:.0f} CPU-hours)")


if __name__ == "__main__":
    main()

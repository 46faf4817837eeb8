"""Long inputs read in time proportional to their length.

    python bench/long_input.py [--small-kb 10] [--large-kb 100] [--prose-kb 1000] [--bound 15]

Each kind of text is read at two lengths, ten times apart, through the whole read
pipeline (parse and every stage); the bench prints the seconds and the peak resident
memory of each reading, and the time ratio per tenfold length. A step that is
quadratic in the length (a pattern that backtracks over a run of capitals, a loop over
every mention for every hit) turns a 10x ratio into 100x; the bound is 15x, and the
bench exits non-zero when a ratio passes it. Ratios are of CPU time, which the other
processes of a busy machine do not inflate; the clock's time is printed beside it.

Kinds:

- ``capitals``: one heading in capitals repeated, the shape that froze the facility
  pattern ("WITNESS STATEMENT FROM THE CAMP ...");
- ``capital-run``: random capital letters with no space between them, one long word;
- ``random-capitals``: random words in capitals, no two lines alike;
- ``prose``: varied sentences from a small grammar, with names, places and dates;
- ``lines``: short one-line sentences, one to a line.

Each reading runs in a fresh process, so that one's peak memory is not the next's floor.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

KINDS = ("capitals", "capital-run", "random-capitals", "prose", "lines")

# The grammar of the prose: our own words, enough variety that the parser, the entity
# stage and the time stage see new names, places and dates all through the text.
GIVEN = [
    "Arben",
    "Leyla",
    "Tomas",
    "Mirela",
    "Dardan",
    "Shirin",
    "Pavel",
    "Noor",
    "Ilir",
    "Hana",
    "Reza",
    "Elira",
    "Yusuf",
    "Dina",
    "Artan",
]
FAMILY = [
    "Kovari",
    "Halden",
    "Meshkin",
    "Drava",
    "Tellan",
    "Osmani",
    "Brenik",
    "Sadri",
    "Voss",
    "Marek",
    "Ruhani",
    "Lenz",
    "Corvo",
]
PLACES = [
    "Vellmar",
    "Tallesk",
    "Ostrava",
    "Durnik",
    "Kalden",
    "Pirot",
    "Sarvan",
    "Lodz",
    "Brennick",
    "Gjakova",
    "Emberly",
]
ORGS = [
    "the Red Cross",
    "the Ostrel Defence Militia",
    "the United Nations",
    "Apple Inc.",
    "the Vellmar Police",
    "the Brennick Courier",
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
VERBS = ["arrested", "visited", "met", "questioned", "released", "wrote to", "telephoned", "followed"]
OPENERS = [
    "On {day} {month} {year}, {person} {verb} {other} in {place}.",
    "{person} said that {org} had {verb} {other} near {place} the next morning.",
    "In {month} {year} we left {place} for {place2}, where {org} kept us for {n} days.",
    "According to {person}, the soldiers {verb} {other} at the {place} camp on {weekday}.",
    "{person}, a teacher from {place}, told {org} that her brother was taken on {day} {month}.",
    "Two weeks later {other} returned to {place2} with {n} other families.",
    "We stayed in {place} until the end of {month}; {person} {verb} us every evening.",
    "{org} reported that {n} people were held at {place} prison in {year}.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
HEADING = "WITNESS STATEMENT FROM THE CAMP "
CAPITAL_WORDS = [
    "WITNESS",
    "STATEMENT",
    "CAMP",
    "BASE",
    "PRISON",
    "ROAD",
    "ARMY",
    "POLICE",
    "REPORT",
    "SECTION",
    "ANNEX",
    "NORTH",
    "SOUTH",
    "FILE",
    "NUMBER",
    "COMMITTEE",
    "OFFICE",
    "TESTIMONY",
    "RECORD",
    "HEARING",
    "DISTRICT",
    "COURT",
    "ORDER",
]


def person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def sentence(rng: random.Random) -> str:
    """One sentence of the grammar."""
    return rng.choice(OPENERS).format(
        person=person(rng),
        other=person(rng),
        verb=rng.choice(VERBS),
        place=rng.choice(PLACES),
        place2=rng.choice(PLACES),
        org=rng.choice(ORGS),
        day=rng.randint(1, 28),
        month=rng.choice(MONTHS),
        year=rng.randint(1990, 2024),
        weekday=rng.choice(WEEKDAYS),
        n=rng.randint(2, 40),
    )


def make_text(kind: str, size: int, seed: int = 13) -> str:
    """``size`` characters (about) of one kind of long input."""
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < size:
        if kind == "capitals":
            part = HEADING
        elif kind == "capital-run":
            part = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(1000))
        elif kind == "random-capitals":
            part = " ".join(rng.choice(CAPITAL_WORDS) for _ in range(rng.randint(3, 9))) + "\n"
        elif kind == "prose":
            # Paragraphs of four to eight sentences.
            part = " ".join(sentence(rng) for _ in range(rng.randint(4, 8))) + "\n\n"
        elif kind == "lines":
            part = sentence(rng) + "\n"
        else:
            raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
        parts.append(part)
        length += len(part)
    return "".join(parts)[:size]


def measure(kind: str, size: int) -> tuple[float, float, float, int]:
    """Seconds to read (the clock's and this process's CPU time), peak resident memory in
    MB, and the record's JSON size in bytes, measured in this process (call it in a fresh one)."""
    from firsthand.engine.pipeline import read_text
    from firsthand.reading.nlp import load_model

    load_model()
    read_text("A warm-up sentence in Vellmar on 3 May 2001.")
    text = make_text(kind, size)
    started, started_cpu = time.perf_counter(), time.process_time()
    record = read_text(text)
    seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return seconds, cpu, peak_mb, len(json.dumps(record.to_dict()))


def measure_in_child(kind: str, size: int) -> tuple[float, float, float, int]:
    """:func:`measure` in a fresh interpreter, so each peak is its own."""
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); import long_input; "
        "print(json.dumps(long_input.measure(sys.argv[2], int(sys.argv[3]))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(Path(__file__).resolve().parent), kind, str(size)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, cpu, peak_mb, record_bytes = json.loads(out.stdout.strip().splitlines()[-1])
    return float(seconds), float(cpu), float(peak_mb), int(record_bytes)


def ratio_per_tenfold(small: tuple[int, float], large: tuple[int, float]) -> float:
    """The time ratio scaled to a tenfold length: (t_large / t_small) ** (1 / log10(n_large / n_small))."""
    (n1, t1), (n2, t2) = small, large
    return float((t2 / max(t1, 1e-6)) ** (1 / math.log10(n2 / n1)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--small-kb", type=int, default=10, help="the short length of each kind")
    parser.add_argument("--large-kb", type=int, default=100, help="the long length of each kind")
    parser.add_argument("--prose-kb", type=int, default=1000, help="the longest prose, read after the long")
    parser.add_argument("--bound", type=float, default=15.0, help="largest time ratio per tenfold length")
    parser.add_argument("--kinds", nargs="+", default=list(KINDS), choices=KINDS)
    args = parser.parse_args(argv)
    failed = False
    print(
        f"{'kind':<16} {'KB':>6} {'wall s':>8} {'CPU s':>8} {'peak MB':>8} {'record MB':>9}  CPU ratio per 10x"
    )
    for kind in args.kinds:
        sizes = [args.small_kb, args.large_kb]
        if kind == "prose" and args.prose_kb > args.large_kb:
            sizes.append(args.prose_kb)
        results: list[tuple[int, float]] = []
        for kb in sizes:
            seconds, cpu, peak_mb, record_bytes = measure_in_child(kind, kb * 1000)
            note = ""
            if results:
                ratio = ratio_per_tenfold(results[-1], (kb, cpu))
                ok = ratio <= args.bound
                failed |= not ok
                note = f"{ratio:6.1f}x {'ok' if ok else 'TOO SLOW'}"
            results.append((kb, cpu))
            row = f"{kind:<16} {kb:>6} {seconds:>8.2f} {cpu:>8.2f} {peak_mb:>8.0f} {record_bytes / 1e6:>9.2f}"
            print(f"{row}  {note}", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

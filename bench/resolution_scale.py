"""What cross-document resolution costs a document as the case grows.

`add` links each entity of a new document to a case entity. Candidates come by blocking
keys (folded names, surnames, acronyms, the core words of an organisation's name: see
corpus.entity_keys), never by comparing with every entity; what still grows with the case
is the number of entities that share a key (a common surname). This bench grows a case of
synthetic documents (no parsing: the records are built here, so only storing and resolving
are timed) with surnames and given names drawn from Zipf distributions, as real names are,
and measures the resolution time a document at 10k, 50k and 100k case entities, then fits
a line to model 1M.

    python bench/resolution_scale.py [--to 100000] [--out bench/out/resolution_scale.json]
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from firsthand.case.store import CaseFile
from firsthand.record import Document, Entity, EntityType, Record

ROOT = Path(__file__).resolve().parent.parent
ENTITIES_PER_DOCUMENT = 20
SYLLABLES = ["ka", "ri", "mo", "ra", "di", "sa", "le", "no", "va", "ha", "za", "te", "pe", "lu", "min", "dar"]
CHECKPOINTS = (10_000, 50_000, 100_000)


def zipf_names(count: int, rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        names.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize())
    return sorted(names)


class Zipf:
    """Draws names as real ones fall: the n-th about 1/n as common as the first (with 40,000
    surnames the commonest is about 9% of people, more than any real country's)."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.cumulative = list(itertools.accumulate(1 / rank for rank in range(1, len(names) + 1)))

    def __call__(self, rng: random.Random) -> str:
        return rng.choices(self.names, cum_weights=self.cumulative)[0]


def synthetic_record(number: int, rng: random.Random, given: Zipf, family: Zipf) -> Record:
    entities = []
    words: list[str] = []
    for index in range(ENTITIES_PER_DOCUMENT):
        kind: EntityType
        if index % 5 == 4:
            name, kind = f"{family(rng)} {rng.choice(['Council', 'Association', 'Foundation'])}", "ORG"
        else:
            name, kind = f"{given(rng)} {family(rng)}", "PERSON"
        start = sum(len(w) + 2 for w in words) if words else 0
        words.append(name)
        entities.append(Entity(id=f"e{index}", name=name, type=kind, mentions=[(start, start + len(name))]))
    text = ". ".join(words) + "."
    document = Document(id=f"{number:064x}", source=f"synthetic-{number}", text=text)
    return Record(document=document, entities=entities)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--to", type=int, default=CHECKPOINTS[-1], help="case entities to grow to")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "resolution_scale.json")
    args = parser.parse_args()
    rng = random.Random(5)
    given, family = Zipf(zipf_names(3_000, rng)), Zipf(zipf_names(40_000, rng))
    figures: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp, CaseFile(Path(tmp) / "case.db") as case:
        spent: list[float] = []
        resolve = case._resolve_entities

        def timed(record: Record) -> None:
            started = time.process_time()
            resolve(record)
            spent.append(time.process_time() - started)

        case._resolve_entities = timed  # type: ignore[method-assign]
        checkpoints = [c for c in CHECKPOINTS if c <= args.to] or [args.to]
        number = 0
        for checkpoint in checkpoints:
            while case.db.execute("SELECT count(*) FROM case_entities").fetchone()[0] < checkpoint:
                spent.clear()
                for _ in range(50):
                    raw = f"synthetic {number}".encode()
                    case.add(synthetic_record(number, rng, given, family), raw)
                    number += 1
            sample = spent[-50:]
            row = {
                "case_entities": case.db.execute("SELECT count(*) FROM case_entities").fetchone()[0],
                "documents": number,
                "resolution_ms_per_document": 1000 * statistics.median(sample),
                "resolution_ms_per_entity": 1000 * statistics.median(sample) / ENTITIES_PER_DOCUMENT,
            }
            figures.append(row)
            print(
                f"{row['case_entities']:>7} case entities ({number} documents):"
                f" {row['resolution_ms_per_document']:.1f} ms a document to resolve"
            )
    # A line through the measured points models the cost at a million case entities.
    xs = [f["case_entities"] for f in figures]
    ys = [f["resolution_ms_per_document"] for f in figures]
    if len(xs) >= 2:
        slope, intercept = statistics.linear_regression(xs, ys)
    else:
        slope, intercept = 0.0, ys[0]
    million = intercept + slope * 1_000_000
    print(
        f"model: {intercept:.2f} ms + {slope * 1000:.4f} ms per thousand case entities; at 1M: {million:.1f} ms"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(
        json.dumps({"measured": figures, "model_ms_at_1M": million, "slope": slope}, indent=2)
    )


if __name__ == "__main__":
    main()

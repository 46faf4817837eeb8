"""Build ../shared/realdocs as one case (each document dated by its gold file's ``dct``) and
print its incidents and every finding of ``compare``, so a reader can judge them.

    python bench/realcase.py [--db PATH] [--rebuild]

The gold files are read for the date only: nothing else of them reaches the case.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from firsthand.case.findings import compare_case
from firsthand.case.incidents import find_incidents
from firsthand.case.store import CaseFile
from firsthand.engine.pipeline import read_documents

REALDOCS = Path(__file__).resolve().parents[1].parent / "shared" / "realdocs"
if not REALDOCS.exists():
    REALDOCS = Path("/work/shared/realdocs")


def build(db: Path, realdocs: Path = REALDOCS) -> None:
    """Add every document of realdocs to the case file at ``db``, dated by its gold ``dct``."""
    with CaseFile(db) as case:
        for doc in sorted((realdocs / "docs").glob("*.txt")):
            gold = json.loads((realdocs / "gold" / f"{doc.stem}.gold.json").read_text(encoding="utf-8"))
            for outcome in read_documents([str(doc)], dct=gold.get("dct")):
                if outcome.record is None or outcome.raw is None:
                    raise SystemExit(f"{doc}: {outcome.error}")
                case.add(outcome.record, outcome.raw)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "firsthand-realcase.db"))
    parser.add_argument("--rebuild", action="store_true", help="Read the documents again.")
    args = parser.parse_args()
    db = Path(args.db)
    if args.rebuild and db.exists():
        db.unlink()
    if not db.exists():
        build(db)
    with CaseFile(db, read_only=True) as case:
        views = case.document_views()
    names = {v.document_id: Path(v.record["document"]["source"]).name[:2] for v in views}
    incidents = find_incidents(views)
    print(f"{len(incidents)} incidents")
    for incident in incidents:
        docs = sorted({names[t.document_id] for t in incident.tellings})
        print(f"- {incident.title}: documents {', '.join(docs)}")
    findings = compare_case(views, incidents)
    print(f"\n{len(findings)} findings")
    for n, finding in enumerate(findings, 1):
        print(f"\n{n}. [{finding.stance} {finding.kind}] {finding.title}")
        for position in finding.positions:
            for telling, voice in zip(position.tellings, position.voices, strict=True):
                print(
                    f"   {position.answer} | doc {names[telling.document_id]} | {voice}: {telling.sentence[:200]}"
                )


if __name__ == "__main__":
    main()

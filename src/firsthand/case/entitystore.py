"""The case's own entities, as the store keeps them: each new document's entities linked to
one of the case's (the decision is ``corpus.py``'s), a user's merge and split, and every
decision written to ``judgements`` with its reason.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from firsthand.case.connection import CaseConnection, now
from firsthand.errors import CaseFileError
from firsthand.reading.arabicscript import SKELETON
from firsthand.record import Entity, Record

# Entity resolution brings in spaCy: corpus.py is imported by the methods that use it.
if TYPE_CHECKING:
    from firsthand.case.corpus import CaseEntity


class EntityStore(CaseConnection):
    """Linking, merging and splitting the case's entities, each decision judged."""

    def _resolve_entities(self, record: Record) -> None:
        """Link each entity of a new document to a case entity (inside add's transaction)."""
        from firsthand.case.corpus import blocking_keys, entity_keys, resolve, sole_bearer

        for entity in record.entities:
            keys = entity_keys(entity)
            bearers = self._bearers(keys)
            person = sole_bearer(keys, bearers)
            candidates = self._candidates(blocking_keys(keys), also={person} if person is not None else set())
            decision = resolve(entity, candidates, bearers)
            case_id = decision.case_entity_id
            if case_id is None:
                case_id = int(
                    self.db.execute(
                        "INSERT INTO case_entities (name, type) VALUES (?, ?) RETURNING id",
                        (entity.name, entity.type),
                    ).fetchone()[0]
                )
            self.db.execute(
                "INSERT INTO entity_links VALUES (?, ?, ?)", (record.document.id, entity.id, case_id)
            )
            self.db.executemany(
                "INSERT INTO entity_keys VALUES (?, ?) ON CONFLICT DO NOTHING", [(k, case_id) for k in keys]
            )
            self._judge(
                "new" if decision.case_entity_id is None else "link",
                case_id,
                None,
                (record.document.id, entity.id),
                "auto",
                decision.reason,
            )

    def _candidates(self, keys: set[str], also: set[int]) -> list[CaseEntity]:
        """The live case entities that share a blocking key, and ``also`` (a lone name's bearer)."""
        marks = ",".join("?" * len(keys))
        ids = {
            row[0]
            for row in self.db.execute(
                f"SELECT DISTINCT k.case_entity_id FROM entity_keys k JOIN case_entities c ON c.id = k.case_entity_id"
                f" WHERE k.key IN ({marks}) AND c.merged_into IS NULL",
                sorted(keys),
            )
        }
        return [self._case_entity(i) for i in sorted(ids | also)]

    def _case_entity(self, case_id: int) -> CaseEntity:
        from firsthand.case.corpus import CaseEntity

        name, kind = self.db.execute(
            "SELECT name, type FROM case_entities WHERE id = ?", (case_id,)
        ).fetchone()
        keys = {
            r[0] for r in self.db.execute("SELECT key FROM entity_keys WHERE case_entity_id = ?", (case_id,))
        }
        apart = {
            r[0] for r in self.db.execute("SELECT key FROM kept_apart WHERE case_entity_id = ?", (case_id,))
        }
        documents = self.db.execute(
            "SELECT count(DISTINCT document_id) FROM entity_links WHERE case_entity_id = ?", (case_id,)
        ).fetchone()[0]
        return CaseEntity(case_id, name, kind, keys, documents, apart)

    def _bearers(self, keys: set[str]) -> dict[str, set[int]]:
        from firsthand.case.corpus import SURNAME

        out: dict[str, set[int]] = {}
        for key in (k for k in keys if k.startswith(SURNAME)):
            out[key] = {
                r[0]
                for r in self.db.execute(
                    # Two bearers are as many as a thousand to the resolver (sole_bearer): the
                    # limit keeps a common surname's cost flat as the case grows.
                    "SELECT k.case_entity_id FROM entity_keys k JOIN case_entities c ON c.id = k.case_entity_id"
                    " WHERE k.key = ? AND c.type = 'PERSON' AND c.merged_into IS NULL LIMIT 2",
                    (key,),
                )
            }
        return out

    def _skeleton_keys(self) -> list[tuple[str, int, str]]:
        """Every consonant-skeleton key of the case's live entities: (key, entity, type)."""
        rows: list[tuple[str, int, str]] = self.db.execute(
            "SELECT k.key, k.case_entity_id, c.type FROM entity_keys k JOIN case_entities c"
            " ON c.id = k.case_entity_id WHERE k.key >= ? AND k.key < ? AND c.merged_into IS NULL",
            (SKELETON, chr(ord(SKELETON) + 1)),
        ).fetchall()
        return rows

    def _judge(
        self,
        action: str,
        case_id: int,
        other_id: int | None,
        document_entity: tuple[str, str] | None,
        by: str,
        reason: str,
        *,
        made_by: str | None = None,
    ) -> None:
        document_id, entity_id = document_entity or (None, None)
        judged = self.db.execute(
            "INSERT INTO judgements (action, case_entity_id, other_id, document_id, entity_id, by, reason, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (action, case_id, other_id, document_id, entity_id, by, reason, now()),
        ).fetchone()[0]
        if made_by is not None:  # a merge or split by an account (the column came with 0005)
            self.db.execute("UPDATE judgements SET made_by = ? WHERE id = ?", (made_by, judged))

    # A user's judgement --------------------------------------------------------------

    def case_id(self, ref: str) -> int:
        """A case entity by its number or its name (case-insensitive), following merges."""
        row = None
        if ref.isdigit():
            row = self.db.execute(
                "SELECT id, merged_into FROM case_entities WHERE id = ?", (int(ref),)
            ).fetchone()
        if row is None:
            rows = self.db.execute(
                # lower() on both sides: ASCII case, as SQLite's NOCASE, on either backend.
                "SELECT id, merged_into FROM case_entities WHERE lower(name) = lower(?) AND merged_into IS NULL",
                (ref,),
            ).fetchall()
            if len(rows) > 1:
                raise CaseFileError(self.label, f"{ref!r} names {len(rows)} entities: give its number")
            row = rows[0] if rows else None
        if row is None:
            raise CaseFileError(self.label, f"no entity {ref!r} in the case (see firsthand entities)")
        return self._live(int(row[0]))

    def _live(self, case_id: int) -> int:
        """The entity ``case_id`` is now, after every merge since: A into B, then B into C, is C."""
        seen = {case_id}
        while True:
            row = self.db.execute("SELECT merged_into FROM case_entities WHERE id = ?", (case_id,)).fetchone()
            if row is None or row[0] is None or row[0] in seen:
                return case_id
            case_id = int(row[0])
            seen.add(case_id)

    def merge(
        self, keep: int, other: int, reason: str = "merged by a user", *, made_by: str | None = None
    ) -> None:
        """Make ``other`` the same entity as ``keep``; reversible with :meth:`split`. Either may
        have been merged away since the caller looked: the entities they are now are merged."""
        keep, other = self._live(keep), self._live(other)
        if keep == other:
            raise CaseFileError(self.label, f"entity {keep} cannot be merged with itself")

        def change() -> None:
            self.db.execute(
                "UPDATE entity_links SET case_entity_id = ? WHERE case_entity_id = ?", (keep, other)
            )
            self.db.execute(
                "INSERT INTO entity_keys SELECT key, ? FROM entity_keys WHERE case_entity_id = ?"
                " ON CONFLICT DO NOTHING",
                (keep, other),
            )
            self.db.execute("UPDATE case_entities SET merged_into = ? WHERE id = ?", (keep, other))
            # What was merged into the other before now points at the one it became.
            self.db.execute("UPDATE case_entities SET merged_into = ? WHERE merged_into = ?", (keep, other))
            self.db.execute("DELETE FROM kept_apart WHERE case_entity_id = ?", (keep,))
            self._judge("merge", keep, other, None, "user", reason, made_by=made_by)

        self.write(change)

    def split(
        self, case_id: int, reason: str = "split by a user", *, made_by: str | None = None
    ) -> list[int]:
        """Undo what joined under one entity: its documents' entities go back to one case
        entity per spelling, and automatic resolution never joins those spellings to it
        again. Returns the ids of the entities split off."""
        from firsthand.case.corpus import entity_keys, spelling_key

        name = self.db.execute("SELECT name FROM case_entities WHERE id = ?", (case_id,)).fetchone()[0]
        links = self.db.execute(
            "SELECT l.document_id, l.entity_id, e.name, e.type, e.aliases FROM entity_links l"
            " JOIN entities e ON e.document_id = l.document_id AND e.entity_id = l.entity_id"
            " WHERE l.case_entity_id = ?",
            (case_id,),
        ).fetchall()
        groups: dict[str, list[tuple[str, str, Entity]]] = {}
        for document_id, entity_id, entity_name, kind, aliases in links:
            entity = Entity(entity_id, entity_name, kind, json.loads(aliases))
            groups.setdefault(spelling_key(entity_name), []).append((document_id, entity_id, entity))
        staying = spelling_key(name)
        created: list[int] = []

        def change() -> None:
            for key, members in groups.items():
                if key == staying:
                    continue
                first = members[0][2]
                new_id = int(
                    self.db.execute(
                        "INSERT INTO case_entities (name, type) VALUES (?, ?) RETURNING id",
                        (first.name, first.type),
                    ).fetchone()[0]
                )
                created.append(new_id)
                moved_keys = set().union(*(entity_keys(m[2]) for m in members))
                for document_id, entity_id, _ in members:
                    self.db.execute(
                        "UPDATE entity_links SET case_entity_id = ? WHERE document_id = ? AND entity_id = ?",
                        (new_id, document_id, entity_id),
                    )
                self.db.executemany(
                    "INSERT INTO entity_keys VALUES (?, ?) ON CONFLICT DO NOTHING",
                    [(k, new_id) for k in moved_keys],
                )
                staying_keys = set().union(
                    *(entity_keys(m[2]) for k, ms in groups.items() if k == staying for m in ms)
                )
                only_theirs = moved_keys - staying_keys
                self.db.executemany(
                    "DELETE FROM entity_keys WHERE key = ? AND case_entity_id = ?",
                    [(k, case_id) for k in only_theirs],
                )
                self.db.executemany(
                    "INSERT INTO kept_apart VALUES (?, ?) ON CONFLICT DO NOTHING",
                    [(k, case_id) for k in only_theirs],
                )
                self._judge("split", case_id, new_id, None, "user", reason, made_by=made_by)
            self.db.execute("UPDATE case_entities SET merged_into = NULL WHERE merged_into = ?", (case_id,))

        self.write(change)
        return created

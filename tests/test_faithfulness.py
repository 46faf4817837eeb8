"""Nothing disappears unseen: the clean text keeps every line that is not chrome, and what the
cleaner removes is listed with its reason and its offsets in the decoded input."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import ROOT, require_shared
from firsthand.engine.pipeline import read_document
from firsthand.reading.ingest import document_from_source, source_from_bytes
from firsthand.record import Document, Record


def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("faithfulness_bench", ROOT / "bench" / "faithfulness.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["faithfulness_bench"] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def clean(text: str, name: str = "doc.txt") -> Document:
    return document_from_source(source_from_bytes(name, text.encode("utf-8"))).document


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("corpus", "sample"), [("gum", 60), ("tbaq", 60), ("realdocs", None)])
def test_benchmark_corpora_keep_every_character(corpus: str, sample: int | None) -> None:
    require_shared()
    faithfulness = bench()
    tally = faithfulness.run(corpus, sample)
    lost = [f"{kept:.2%} {name}: {where!r}" for kept, name, where in tally.worst if kept < 1.0]
    assert tally.failed(plain=corpus in faithfulness.PLAIN) == [], "\n".join(lost[:5])
    assert tally.documents >= (sample or 25)


def test_the_gum_documents_the_issue_names_are_whole() -> None:
    require_shared()
    faithfulness = bench()
    names = {"GUM_textbook_grit", "GUM_voyage_guadeloupe", "GUM_news_clock"}
    for item in faithfulness.gum_inputs():
        if item.name in names:
            assert squash(clean(item.text).text) == squash(item.text), item.name


def test_a_short_line_part_way_down_keeps_what_stands_above_it() -> None:
    text = (
        "The river rose in the night and the lower village woke to water in the kitchens.\n"
        "By morning the road to the market was gone and the bridge had moved downstream.\n"
        "Supplies we carried up the hill:\n"
        "Blankets\n"
        "Bread and water\n"
        "A photograph of the school, taken by Lena Osei\n"
        "We stayed on the hill for three days before the boats came for the old people.\n"
    )
    document = clean(text)
    assert squash(document.text) == squash(text)
    assert document.removed == []
    assert document.body_start == 0


def test_a_news_headline_and_dateline_stay_and_are_analysed(tmp_path: Path) -> None:
    story = (
        "Marta Koval freed after nine days in Drelin jail\n"
        "\n"
        "VELSK, 14 March 2022 — A local journalist was released on Monday after nine days in custody,"
        " her lawyer said. Police had accused her of taking part in an unauthorised protest.\n"
        "\n"
        "Her lawyer said she would appeal against the fine.\n"
    )
    path = tmp_path / "story.txt"
    path.write_text(story, encoding="utf-8")
    record = read_document(str(path))
    text = record.document.text
    assert text.startswith("Marta Koval freed after nine days in Drelin jail")
    assert record.document.title == "Marta Koval freed after nine days in Drelin jail"
    assert text[record.document.body_start :].startswith("VELSK, 14 March 2022")
    headline_end = text.index("\n")
    named = {text[s:e] for entity in record.entities for s, e in entity.mentions if e <= headline_end}
    assert "Marta Koval" in named
    assert any(t["value"] == "2022-03-14" for t in record.times)
    # A headline is a heading, not a claim.
    assert not any(c["start"] < headline_end for c in record.claims)


def test_a_letters_address_block_stays(tmp_path: Path) -> None:
    letter = (
        "Harbour Legal Aid Centre\n"
        "14 Harbour Road\n"
        "Lagos\n"
        "\n"
        "3 June 2021\n"
        "\n"
        "Ms. Adaeze Okafor\n"
        "Director of Legal Aid\n"
        "\n"
        "Dear Ms. Okafor,\n"
        "\n"
        "I am writing to you about my brother Chidi, who was arrested on 28 May 2021 and has not"
        " been seen since. I request you to help us find where he is held.\n"
        "\n"
        "Yours sincerely,\n"
        "Ngozi Eze\n"
    )
    path = tmp_path / "letter.txt"
    path.write_text(letter, encoding="utf-8")
    record = read_document(str(path))
    assert squash(record.document.text) == squash(letter)
    assert record.document.removed == []
    # The address block is the letter's header, read by the letter stage.
    assert record.document.text[record.document.body_start :].startswith("14 Harbour Road")
    assert record.document.genre == "letter"
    assert record.letter is not None and record.letter.date == "2021-06-03"


def test_real_navigation_chrome_is_removed_and_listed() -> None:
    page = (
        "Skip to content\n"
        "Delta Watch\n"
        "About\n"
        "Reports\n"
        "Donate\n"
        "Contact\n"
        "Home » Reports » Floods\n"
        "The night the river rose\n"
        "Posted on 9 May 2021 by Ines Marr\n"
        "\n"
        "We woke to water in the kitchen. By morning the road was gone.\n"
        "\n"
        "Share this:\n"
        "Facebook\n"
        "Twitter\n"
        "Related posts\n"
        "Winter appeal for the valley\n"
    )
    document = clean(page)
    for region in document.removed:
        assert region["reason"]
        chrome = page[region["start"] : region["end"]]
        assert chrome.strip() and chrome not in document.text
    removed_text = "".join(page[r["start"] : r["end"]] for r in document.removed)
    for chrome in ("Skip to content", "Donate", "Home » Reports » Floods", "Share this:", "Winter appeal"):
        assert chrome in removed_text and chrome not in document.text
    # Everything else of the input is in the clean text, in order.
    kept = page
    for region in sorted(document.removed, key=lambda r: -int(r["start"])):
        kept = kept[: region["start"]] + "\n" + kept[region["end"] :]
    assert squash(document.text) == squash(kept)
    assert document.title == "The night the river rose"
    assert document.published == "2021-05-09"
    assert document.text.startswith("The night the river rose")
    assert document.text[document.body_start :].startswith("We woke to water")


def test_a_record_stored_before_body_start_and_removed_still_reads() -> None:
    document = clean("Home » News\nThe river rose\nWe woke to water in the kitchen.\n")
    stored = Record(document=document).to_dict()
    assert stored["document"]["removed"] == [{"start": 0, "end": 11, "reason": "breadcrumb"}]
    del stored["document"]["body_start"], stored["document"]["removed"]
    old = Record.from_dict(stored)
    assert old.document.body_start == 0 and old.document.removed == []
    assert old.document.text == document.text

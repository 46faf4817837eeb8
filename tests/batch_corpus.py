"""A generated web archive and JSONL file for the batch tests and benchmark.

Every page is distinct (names, places, dates and numbers vary), written here from short
sentences of our own, so a batch run has real reading to do and no two pages share an id
unless a test makes them.
"""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

GIVEN = ["Amir", "Leila", "Hossein", "Sara", "Daniel", "Nadia", "Omid", "Farah", "Jonas", "Mina"]
FAMILY = ["Karimi", "Novak", "Haddad", "Lindqvist", "Moradi", "Okafor", "Petrov", "Rahimi", "Silva", "Tanaka"]
PLACES = ["Tirana", "Basra", "Lagos", "Surgut", "Minneapolis", "Munich", "Erbil", "Kabul", "Izmir", "Quito"]
GROUPS = ["the city council", "the police", "Amnesty International", "the border guards", "the ministry"]
MONTHS = ["January", "March", "May", "June", "August", "October", "November"]
ACTS = ["arrested", "questioned", "released", "visited", "detained", "interviewed"]


def page_text(number: int, rng: random.Random) -> tuple[str, str]:
    """A title and a few paragraphs of news, unique by ``number``."""
    person = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    witness = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
    place = rng.choice(PLACES)
    group = rng.choice(GROUPS)
    day = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(1995, 2024)}"
    title = f"Report {number}: {group} in {place}"
    paragraphs = [
        f"On {day}, {group} {rng.choice(ACTS)} {person} in {place}, according to {witness}.",
        f'"I saw {rng.randint(2, 90)} officers outside the building," {witness} told reporters.',
        f"{person} was held for {rng.randint(2, 30)} days before a court in {place} heard the case.",
        f"Officials declined to comment on case number {number}.",
    ]
    return title, "\n\n".join(paragraphs)


def html_page(number: int, rng: random.Random) -> bytes:
    title, body = page_text(number, rng)
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article></body></html>"
    ).encode()


def write_warc(path: Path, pages: int, *, seed: int = 1) -> list[bytes]:
    """A gzipped WARC of ``pages`` HTML responses, with the request records a crawler writes
    and one image response (neither is a document). Returns the pages' bytes."""
    rng = random.Random(seed)
    bodies: list[bytes] = []
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for number in range(pages):
            uri = f"https://news.example/{seed}/{number}"
            body = html_page(number + seed * 100_000, rng)
            bodies.append(body)
            writer.write_record(
                writer.create_warc_record(uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            )
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers)
            )
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/logo.png",
                "response",
                payload=io.BytesIO(b"\x89PNG\r\n"),
                http_headers=image,
            )
        )
    return bodies


def write_jsonl(path: Path, documents: int, *, seed: int = 2, bad_lines: bool = True) -> list[str]:
    """``documents`` lines of text (every third as HTML, every fifth with a date), and two lines
    that are not documents. Returns the texts."""
    rng = random.Random(seed)
    lines: list[str] = []
    texts: list[str] = []
    for number in range(documents):
        title, body = page_text(number + seed * 100_000, rng)
        text = f"{title}\n\n{body}"
        texts.append(text)
        fields: dict[str, str] = {"url": f"https://feed.example/{seed}/{number}"}
        if number % 3 == 0:
            fields["html"] = (
                "<html><body>" + "".join(f"<p>{p}</p>" for p in text.split("\n\n")) + "</body></html>"
            )
        else:
            fields["text"] = text
        if number % 5 == 0:
            fields["date"] = f"20{10 + number % 10}-0{1 + number % 9}-15"
        lines.append(json.dumps(fields, ensure_ascii=False))
    if bad_lines:
        lines.insert(1, '{"title": "a line with no text"}')
        lines.insert(3, "this line is not JSON")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return texts

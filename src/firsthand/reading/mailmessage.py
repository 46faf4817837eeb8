"""E-mail: .eml (one message) and .mbox (a mailbox), with the standard library.

A message is read like a letter: its sender, recipients, date and subject are its header
and become document fields (the subject its title, the date its DCT); its body, the plain
text part (else the HTML part), is the text. Each attachment is a document of its own,
read by the same rules and linked to its message; the reader only takes them apart, and
bounds how many a message may carry and how deep messages inside messages go.

Outlook's .msg is not read: the one library that reads it in Python (extract-msg) is GPL.
"""

from __future__ import annotations

import mailbox
import re
import tempfile
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage, Message, MIMEPart
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from firsthand.errors import OverLimit, UnreadableDocument
from firsthand.reading.readlimits import ReadLimits

EML_MEDIA_TYPE = "message/rfc822"
MBOX_MEDIA_TYPE = "application/mbox"
# Header names that open a message (RFC 5322 and the transport's own).
MESSAGE_HEADERS = {
    "from", "to", "cc", "date", "subject", "message-id", "mime-version", "received", "return-path",
    "delivered-to", "reply-to", "sender", "in-reply-to", "references", "content-type",
}  # fmt: skip
HEADER_LINE = re.compile(rb"([A-Za-z][A-Za-z0-9-]{0,60}):[ \t]?[^\r\n]*\r?\n|[ \t]+[^\r\n]*\r?\n")


@dataclass
class Attachment:
    name: str
    content_type: str
    data: bytes


@dataclass
class MailMessage:
    """One message taken apart: its header fields, its body and its attachments."""

    subject: str | None
    sender: str | None
    recipients: list[str]
    sent: str | None  # ISO 8601 date and time, as the Date header gives it
    body: str
    body_type: str  # text/plain or text/html
    attachments: list[Attachment] = field(default_factory=list)


def looks_like_message(data: bytes) -> bool:
    """True when the bytes open with a message's header: lines of "Name: value" (or their
    continuations) up to a blank line, among them at least two a message always has."""
    head = data[:16384]
    pos, names = 0, set()
    while pos < len(head):
        if head.startswith((b"\r\n", b"\n"), pos):
            break
        match = HEADER_LINE.match(head, pos)
        if match is None:
            return False
        if match.group(1):
            names.add(match.group(1).decode("ascii").lower())
        pos = match.end()
    return len(names & MESSAGE_HEADERS) >= 2 and bool(names & {"from", "to", "subject", "date"})


def looks_like_mbox(data: bytes) -> bool:
    """An mbox opens with a "From " separator line, then a message's header."""
    if not data.startswith(b"From "):
        return False
    newline = data.find(b"\n")
    return newline > 0 and looks_like_message(data[newline + 1 :])


def parse_message(data: bytes, label: str) -> EmailMessage:
    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except Exception as err:
        raise UnreadableDocument(label, f"an e-mail that cannot be read ({err})") from None
    assert isinstance(message, EmailMessage)
    return message


def read_message(message: EmailMessage, label: str, limits: ReadLimits) -> MailMessage:
    """A parsed message's header fields, body and attachments (at most the attachments limit)."""
    try:
        attachments = _attachments(message, label, limits)
        body_part = message.get_body(preferencelist=("plain", "html"))
        body, body_type = "", "text/plain"
        if body_part is not None:
            body = _part_text(body_part)
            body_type = body_part.get_content_type()
        subject = _header(message, "subject")
        sender = _header(message, "from")
        recipients = [
            _address(name, address)
            for name, address in getaddresses(
                [str(v) for key in ("to", "cc") for v in (message.get_all(key) or [])]
            )
            if name or address
        ]
        sent = None
        date = _header(message, "date")
        if date:
            try:
                sent = parsedate_to_datetime(date).isoformat()
            except (TypeError, ValueError, IndexError):
                sent = None
    except (OverLimit, UnreadableDocument):
        raise
    except Exception as err:  # a header or part the email package cannot decode
        raise UnreadableDocument(label, f"an e-mail that cannot be read ({err})") from None
    return MailMessage(
        subject=subject,
        sender=_sender(sender),
        recipients=recipients,
        sent=sent,
        body=body,
        body_type=body_type,
        attachments=attachments,
    )


def _header(message: Message, name: str) -> str | None:
    value = message.get(name)
    if value is None:
        return None
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


def _address(name: str, address: str) -> str:
    return f"{name} <{address}>" if name and address else name or address


def _sender(value: str | None) -> str | None:
    if not value:
        return None
    pairs = [p for p in getaddresses([value]) if p[0] or p[1]]
    return _address(*pairs[0]) if pairs else value


def _part_text(part: MIMEPart) -> str:
    try:
        content = part.get_content()
    except (LookupError, UnicodeError, AssertionError):  # an unknown charset: read it as latin-1
        payload = part.get_payload(decode=True)
        content = payload.decode("latin-1") if isinstance(payload, bytes) else str(payload)
    return content if isinstance(content, str) else content.decode("utf-8", errors="replace")


def _attachments(message: EmailMessage, label: str, limits: ReadLimits) -> list[Attachment]:
    found: list[Attachment] = []
    for number, part in enumerate(message.iter_attachments(), start=1):
        if len(found) >= limits.attachments:
            raise OverLimit(
                label, f"an e-mail with more than {limits.attachments:,} attachments (the attachments limit)"
            )
        content_type = part.get_content_type()
        name = part.get_filename() or f"attachment {number}"
        if content_type == "message/rfc822":
            inner = part.get_payload()
            inner_message = inner[0] if isinstance(inner, list) and inner else inner
            data = inner_message.as_bytes() if isinstance(inner_message, Message) else b""
            if not part.get_filename():
                name = (
                    f"{_header(inner_message, 'subject') or 'message'}.eml"
                    if isinstance(inner_message, Message)
                    else name
                )
        else:
            payload = part.get_payload(decode=True)
            data = payload if isinstance(payload, bytes) else b""
        found.append(Attachment(name=name, content_type=content_type, data=data))
    return found


def split_mbox(data: bytes, label: str, limits: ReadLimits) -> list[bytes]:
    """The messages of an mbox, each as its bytes (at most the messages limit)."""
    # The standard library's mailbox reads a path: the bytes go to a private temporary file.
    with tempfile.TemporaryDirectory(prefix="firsthand-mbox-") as folder:
        path = Path(folder) / "box.mbox"
        path.write_bytes(data)
        box = mailbox.mbox(str(path), create=False)
        try:
            messages: list[bytes] = []
            for key in box.iterkeys():
                if len(messages) >= limits.messages:
                    raise OverLimit(
                        label, f"an mbox of more than {limits.messages:,} messages (the messages limit)"
                    )
                messages.append(box.get_bytes(key))
        except OverLimit:
            raise
        except Exception as err:
            raise UnreadableDocument(label, f"an mbox that cannot be read ({err})") from None
        finally:
            box.close()
    return messages

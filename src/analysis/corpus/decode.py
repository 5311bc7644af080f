"""Bytes to text: BOMs, UTF-8, UTF-16, Windows-1252, line ends, control characters, NFC."""

from __future__ import annotations

import gzip
import unicodedata
import zlib

import numpy as np

from analysis.corpus.base import CONTROL_CHARS, BlockError


def gunzip(data: bytes) -> bytes:
    """The bytes of a gzip-compressed file (``.jsonl.gz``, ``.csv.gz`` ...) uncompressed; other bytes as
    they are. Raises BlockError(None, ...) for a damaged or truncated gzip file."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise BlockError(
            None,
            f"is a damaged or truncated gzip file ({exc}); compress it again or give the plain file",
        ) from None


def decode_bytes(data: bytes) -> str:
    """Bytes -> normalised text (LF line ends, NFC). Raises BlockError(None, ...) for empty/binary data.

    Gzip-compressed bytes are uncompressed first (:func:`gunzip`)."""
    data = gunzip(data)
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, payload = "utf-8", data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding, payload = "utf-16", data
    else:
        encoding, payload = "", data
        if b"\x00" in data:
            encoding = _utf16_without_bom(data)
            if not encoding:
                raise BlockError(
                    None, "is a binary file (NUL bytes, no UTF-16 byte-order mark); expected text"
                )
    if encoding:
        try:
            text = payload.decode(encoding)
        except UnicodeDecodeError as exc:
            raise BlockError(
                None,
                f"is not valid {encoding.upper()} at byte {exc.start}; re-save the file as UTF-8",
            ) from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as exc:
                raise BlockError(
                    None,
                    f"is a binary file or in an unknown encoding (byte 0x{data[exc.start]:02x} at offset "
                    f"{exc.start} is neither UTF-8 nor Windows-1252); re-save the file as UTF-8",
                ) from None
    if not text or text.isspace():  # not text.strip(), without copying the text
        raise BlockError(None, "is empty; expected articles (a headline line, body, tag lines)")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = CONTROL_CHARS.findall(text) if _may_have_controls(text, data) else []
    if controls:
        if "\x00" in controls or len(controls) > max(2, len(text) // 200):
            raise BlockError(None, "is a binary file (many control characters); expected text")
        text = CONTROL_CHARS.sub("", text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not text or text.isspace():
        raise BlockError(None, "is empty; expected articles (a headline line, body, tag lines)")
    return text


# ASCII bytes that CONTROL_CHARS matches, as a lookup table over byte values.
_CONTROL_BYTES = bytes(range(0x09)) + b"\x0b" + bytes(range(0x0E, 0x20)) + b"\x7f"
_CONTROL_TABLE = np.zeros(256, dtype=bool)
_CONTROL_TABLE[list(_CONTROL_BYTES)] = True


def _may_have_controls(text: str, data: bytes) -> bool:
    """False when ``text`` certainly has no character that CONTROL_CHARS matches, True when it may have one.

    ASCII text was decoded byte for byte from ``data`` (UTF-16 data holds NUL bytes and answers True), so
    its control characters are control bytes of ``data``: those are looked up in blocks with numpy, much
    faster than a regular-expression scan of a large file.
    """
    if not text.isascii() or len(data) < 1 << 16:
        return True
    view = np.frombuffer(data, dtype=np.uint8)
    block = 1 << 22
    return any(_CONTROL_TABLE[view[i : i + block]].any() for i in range(0, len(view), block))


def _utf16_without_bom(data: bytes) -> str:
    """'utf-16-le' / 'utf-16-be' when the NUL bytes look like ASCII text in UTF-16, else ''."""
    if len(data) % 2 or len(data) < 4:
        return ""
    odd_nuls = data[1::2].count(0)
    even_nuls = data[0::2].count(0)
    half = len(data) // 2
    for encoding, nuls, other in (
        ("utf-16-le", odd_nuls, even_nuls),
        ("utf-16-be", even_nuls, odd_nuls),
    ):
        if nuls >= 0.6 * half and other == 0:
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                return ""
            return encoding
    return ""

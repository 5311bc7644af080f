"""Bytes to text: BOMs, UTF-8, UTF-16, Windows-1252, line ends, control characters, NFC."""

from __future__ import annotations

import gzip
import re
import unicodedata
import zlib

import numpy as np

from analysis.corpus.base import CONTROL_CHARS, BlockError

#: Signatures of compressed and binary formats people pass by mistake, and what to do about each.
_SIGNATURES = (
    (b"BZh", "is bzip2-compressed; decompress it first (bunzip2 -k FILE)"),
    (b"\xfd7zXZ\x00", "is xz-compressed; decompress it first (unxz -k FILE)"),
    (b"\x28\xb5\x2f\xfd", "is zstd-compressed; decompress it first (unzstd FILE)"),
    (b"PK\x03\x04", "is a ZIP archive (or an Office document); extract the files and pass them"),
    (b"%PDF-", "is a PDF; export its text first"),
    (b"SQLite format 3\x00", "is an SQLite database; export the articles as CSV or JSON Lines"),
)
# A valid multi-byte UTF-8 sequence: evidence that a file is UTF-8 (Windows-1252 text rarely forms one).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xef][\x80-\xbf]{2}"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


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
    """Bytes -> normalised text (LF line ends, NFC). Raises BlockError for empty, binary or mis-encoded
    data (with the line of the first bad byte when there is one).

    Gzip-compressed bytes are uncompressed first (:func:`gunzip`)."""
    data = gunzip(data)
    for signature, message in _SIGNATURES:
        if data.startswith(signature):
            raise BlockError(None, message)
    utf8 = False  # the text is ``data`` decoded as UTF-8, byte for byte (no BOM taken off)
    if data.startswith(b"\xef\xbb\xbf"):
        encoding, payload = "utf-8", data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding, payload = "utf-16", data
    else:
        encoding, payload = "", data
        if b"\x00" in data:
            encoding = _utf16_without_bom(data)
            if not encoding:
                raise BlockError(None, _nul_message(data))
    if encoding:
        try:
            text = payload.decode(encoding)
        except UnicodeDecodeError as exc:
            line = payload.decode(encoding, errors="replace")[: exc.start // 2].count("\n") + 1
            raise BlockError(
                line,
                f"is not valid {encoding.upper()} at byte {exc.start:,}; re-save the file as UTF-8",
            ) from None
    else:
        try:
            text = data.decode("utf-8")
            utf8 = True
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            bad = f"byte 0x{data[exc.start]:02x} at byte {exc.start:,}"
            if _UTF8_SEQUENCE.search(
                data
            ):  # a UTF-8 file with a stray byte: never guess another encoding
                raise BlockError(
                    line,
                    f"is not valid UTF-8 ({bad}) although the rest of the file is UTF-8; fix that "
                    "character or re-save the file as UTF-8",
                ) from None
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise BlockError(
                    line,
                    f"is a binary file or in an unknown encoding ({bad} is neither UTF-8 nor "
                    "Windows-1252); re-save the file as UTF-8",
                ) from None
    if not text or text.isspace():  # not text.strip(), without copying the text
        raise BlockError(None, "is empty; expected articles (a headline line, body, tag lines)")
    # one fast search first: the two replaces each scan the whole text even when there is no CR
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    controls = CONTROL_CHARS.findall(text) if _may_have_controls(text, data, utf8=utf8) else []
    if controls:
        if "\x00" in controls or len(controls) > max(2, len(text) // 200):
            raise BlockError(None, "is a binary file (many control characters); expected text")
        text = CONTROL_CHARS.sub("", text)
    if (
        not text.isascii()
        and not (utf8 and _below_combining_marks(data))
        and not unicodedata.is_normalized("NFC", text)
    ):
        text = unicodedata.normalize("NFC", text)
    if not text or text.isspace():
        raise BlockError(None, "is empty; expected articles (a headline line, body, tag lines)")
    return text


def _below_combining_marks(data: bytes) -> bool:
    """True when every character of UTF-8 ``data`` is below U+0300 (no byte from 0xCC up: those start the
    characters from U+0300 on). Such text is NFC: below U+0300 every character is its own normal form and
    none composes with the one before it (a test checks every code point), so the check is skipped for
    Latin-1 text with far less work (the largest byte, one pass in numpy)."""
    return len(data) == 0 or int(np.frombuffer(data, dtype=np.uint8).max()) < 0xCC


# ASCII bytes that CONTROL_CHARS matches, as a lookup table over byte values.
_CONTROL_BYTES = bytes(range(0x09)) + b"\x0b" + bytes(range(0x0E, 0x20)) + b"\x7f"
_CONTROL_TABLE = np.zeros(256, dtype=bool)
_CONTROL_TABLE[list(_CONTROL_BYTES)] = True


def _may_have_controls(text: str, data: bytes, *, utf8: bool) -> bool:
    """False when ``text`` certainly has no character that CONTROL_CHARS matches, True when it may have one.

    ASCII text was decoded byte for byte from ``data`` (UTF-16 data holds NUL bytes and answers True), and
    so was text decoded from ``data`` as UTF-8 (``utf8``): its control characters are then control bytes of
    ``data`` or the UTF-8 bytes of U+0080-U+009F (``C2 80``-``C2 9F``), U+FEFF (``EF BB BF``), U+FFFE and
    U+FFFF (``EF BF BE``/``BF``), looked up in blocks with numpy, much faster than a regular-expression
    scan of a large file (only the bytes below a space and the lead bytes C2 and EF, few in text, are
    looked at).
    """
    if len(data) < 1 << 16 or not (utf8 or text.isascii()):
        return True
    view = np.frombuffer(data, dtype=np.uint8)
    block = 1 << 22
    for i in range(0, len(view), block):
        part = view[i : i + block]
        if _CONTROL_TABLE[part[part < 0x20]].any() or (part == 0x7F).any():
            return True
        if utf8 and _wide_control(view, i + np.flatnonzero(part >= 0xC2)):
            return True
    return False


def _wide_control(view: np.ndarray, leads: np.ndarray) -> bool:
    """Whether a UTF-8 sequence starting at one of ``leads`` (positions of bytes >= C2 in valid UTF-8,
    so each is followed by the rest of its character) encodes U+0080-U+009F, U+FEFF, U+FFFE or U+FFFF."""
    c2 = leads[view[leads] == 0xC2]
    if ((view[c2 + 1] >= 0x80) & (view[c2 + 1] <= 0x9F)).any():
        return True
    ef = leads[view[leads] == 0xEF]
    second, third = view[ef + 1], view[ef + 2]
    return bool(((second == 0xBB) & (third == 0xBF) | (second == 0xBF) & (third >= 0xBE)).any())


def _nul_message(data: bytes) -> str:
    """Why data with NUL bytes is not read: UTF-16 without a byte-order mark that does not decode, or binary."""
    half = len(data) // 2
    odd, even = data[1::2].count(0), data[0::2].count(0)
    if half >= 16 and max(odd, even) >= 0.3 * half and min(odd, even) <= 0.05 * half:
        return (
            "looks like UTF-16 text without a byte-order mark, but does not decode as UTF-16 (an odd "
            "number of bytes or a broken character); re-save the file as UTF-8"
        )
    return "is a binary file (NUL bytes, no UTF-16 byte-order mark); expected text"


def _utf16_without_bom(data: bytes) -> str:
    """'utf-16-le' / 'utf-16-be' when the NUL bytes look like UTF-16 text (mostly Latin script), else ''."""
    if len(data) % 2 or len(data) < 4:
        return ""
    odd_nuls = data[1::2].count(0)
    even_nuls = data[0::2].count(0)
    half = len(data) // 2
    for encoding, nuls, other in (
        ("utf-16-le", odd_nuls, even_nuls),
        ("utf-16-be", even_nuls, odd_nuls),
    ):
        # Latin-script text: most high bytes are NUL; a NUL low byte is rare (U+0100, U+2000 ...)
        if nuls >= 0.3 * half and other <= 0.02 * half:
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                return ""
            return encoding
    return ""

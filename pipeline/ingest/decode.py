"""Turn raw bytes into text, whatever encoding Chinese publishers used."""

from __future__ import annotations

import codecs


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data`` and say which encoding worked.

    UTF-8 is tried strictly first because GB18030 accepts almost any byte string,
    so trying it first would turn valid UTF-8 into mojibake.
    """
    if not data.strip():
        raise DecodeError(f"{name}: file is empty or whitespace only")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return check_text(data.decode(encoding), name), encoding
            except UnicodeDecodeError as err:
                raise DecodeError(f"{name}: has a {encoding} byte-order mark but is not {encoding}: {err}") from err
    if b"\x00" in data:
        raise DecodeError(f"{name}: contains NUL bytes, looks binary")
    try:
        return check_text(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError as utf8_error:
        # Mostly valid UTF-8 with a few bad bytes is a damaged UTF-8 file, not GB18030: decoding it
        # as GB18030 would "succeed" and publish mojibake.
        lenient = data.decode("utf-8", errors="replace")
        replaced = lenient.count("\ufffd")
        valid_multibyte = sum(1 for ch in lenient if ord(ch) >= 0x80) - replaced
        if valid_multibyte >= 4 and replaced * 10 <= valid_multibyte:
            raise DecodeError(f"{name}: invalid UTF-8 at byte {utf8_error.start} "
                              f"({replaced} bad sequence(s) in otherwise UTF-8 text)") from utf8_error
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as err:
            raise DecodeError(f"{name}: neither UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
                              f"nor GB18030 ({err.reason} at byte {err.start})") from err
        return check_text(text, name), "gb18030"


def check_text(text: str, name: str) -> str:
    """Refuse decoded text that is blank (U+3000 counts as blank) or mostly control characters
    or rare code points (a binary file)."""
    if not text.replace("\ufeff", "").strip():
        raise DecodeError(f"{name}: file is empty or whitespace only")
    sample = text[:20000]
    if not sample:
        return text
    odd = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\r\n\t\f\v") or 0xE000 <= ord(ch) <= 0xF8FF
              or 0x80 <= ord(ch) < 0xA0)
    if odd / len(sample) > 0.02:
        raise DecodeError(f"{name}: {odd} control or private-use characters in the first {len(sample)}; looks binary")
    return text

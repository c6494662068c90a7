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
                return data.decode(encoding), encoding
            except UnicodeDecodeError as err:
                raise DecodeError(f"{name}: has a {encoding} byte-order mark but is not {encoding}: {err}") from err
    if b"\x00" in data:
        raise DecodeError(f"{name}: contains NUL bytes, looks binary")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError as err:
            raise DecodeError(f"{name}: neither UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
                              f"nor GB18030 ({err.reason} at byte {err.start})") from err
        return text, "gb18030"

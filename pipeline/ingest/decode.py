"""Turn raw bytes into text, whatever encoding Chinese publishers used."""

from __future__ import annotations

import codecs

import charset_normalizer

from pipeline.text import is_han


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


_BOMS = (  # UTF-32's marks first: UTF-32-LE's begins with UTF-16-LE's
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
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
    if (marked := _decode_marked(data, name)) is not None:
        return marked
    if b"\x00" in data:
        if wide := _utf16_or_32(data):
            return check_text(wide[0], name), wide[1]
        raise DecodeError(f"{name}: contains NUL bytes, looks binary")
    try:
        return check_text(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError as utf8_error:
        return _decode_not_utf8(data, name, utf8_error)


def _decode_marked(data: bytes, name: str) -> tuple[str, str] | None:
    """Text that starts with a byte-order mark, in the encoding it names; None without a mark."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return check_text(data.decode(encoding), name), encoding
            except UnicodeDecodeError as err:
                raise DecodeError(f"{name}: has a {encoding} byte-order mark but is not {encoding}: {err}") from err
    return None


def _decode_not_utf8(data: bytes, name: str, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    """Bytes that are not UTF-8: refused if damaged UTF-8 or another language, else Big5 or GB18030."""
    # Mostly valid UTF-8 with a few bad bytes is a damaged UTF-8 file, not GB18030: decoding it
    # as GB18030 would "succeed" and publish mojibake.
    lenient = data.decode("utf-8", errors="replace")
    replaced = lenient.count("\ufffd")
    valid_multibyte = sum(1 for ch in lenient if ord(ch) >= 0x80) - replaced
    if valid_multibyte >= 4 and replaced * 10 <= valid_multibyte:
        raise DecodeError(f"{name}: invalid UTF-8 at byte {utf8_error.start} "
                          f"({replaced} bad sequence(s) in otherwise UTF-8 text)") from utf8_error
    if language := _other_language(data):
        raise DecodeError(f"{name}: {language}, not Chinese; not read") from utf8_error
    encoding = _big5_or_gb18030(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise DecodeError(f"{name}: neither UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
                          f"nor {encoding.upper()} ({err.reason} at byte {err.start})") from err
    return check_text(text, name), encoding


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


def _looks_like_text(text: str) -> float:
    """Share of characters Chinese text is made of: Han, CJK and full-width punctuation, ASCII."""
    if not text:
        return 0.0
    ok = sum(1 for ch in text if " " <= ch <= "~" or ch in "\r\n\t" or is_han(ch)
             or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or "\u3400" <= ch <= "\u4dbf")
    return ok / len(text)


def _utf16_or_32(data: bytes) -> tuple[str, str] | None:
    """Text in UTF-16 or UTF-32 without a byte-order mark (its NUL bytes made it look binary):
    the byte order under which the bytes decode strictly and read most like text, if they do."""
    best: tuple[float, str, str] | None = None
    for encoding in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _looks_like_text(text[:20000])
        if best is None or score > best[0]:
            best = (score, text, encoding)
    return (best[1], best[2]) if best and best[0] >= 0.9 else None


def _other_language(data: bytes) -> str | None:
    """Japanese in Shift-JIS or EUC-JP, which GB18030 would "decode" into mojibake. Kana in
    their full-width forms are the sign: Chinese bytes read as Shift-JIS give almost none."""
    for encoding, label in (("cp932", "Japanese text (Shift-JIS)"), ("euc_jp", "Japanese text (EUC-JP)")):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        wide = [ch for ch in text[:20000] if ord(ch) >= 0x80]
        kana = sum(1 for ch in wide if "\u3040" <= ch <= "\u30ff")
        if kana >= 2 and kana >= 0.1 * len(wide):
            return label
    return None


def _big5_or_gb18030(data: bytes) -> str:
    """Big5 (traditional, Taiwan and Hong Kong) or GB18030 (GBK, GB2312): the byte ranges overlap,
    so most Big5 text also "decodes" as GB18030, into rare characters and private-use code points.
    charset-normalizer tells them apart by how coherent each decoding reads; GB18030 unless it is
    sure of Big5."""
    best = charset_normalizer.from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
    return "big5" if best is not None and best.encoding == "big5" else "gb18030"

"""Read Arabic, Chinese and mixed numerals once a span is isolated.

Written here rather than taken from cn2an because policy text needs the colloquial
forms (一万二 = 12000, 两 = 2) and a strict refusal of digit runs that are names,
not numbers (十四五 is a plan period, 四五 is not 45).
"""

from __future__ import annotations

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(SMALL_UNITS) + "".join(BIG_UNITS)


# Magnitudes inside a mixed numeral (4亿5679万, 1万2千): each multiplies the digits before it.
_MIXED_SMALL = {"十": 10, "百": 100, "千": 1000}


def parse_arabic(token: str) -> float:
    """1,234.5 (or 1，234.5), or a mixed numeral of digits and magnitudes (4亿5679万 = 456790000, 1万600 = 10600)."""
    token = token.replace(",", "").replace("，", "")
    if token.replace(".", "", 1).isdigit():
        return float(token)
    return _parse_mixed(token)


def _parse_mixed(token: str) -> float:
    """Digits and magnitude characters read like a Chinese numeral: 2千零30万 = 20300000.

    A section below 万 sums its digits times 千/百/十; 万 and 亿 close a section and scale it.
    """
    total, section, digits = 0.0, 0.0, ""
    for ch in token.replace("零", ""):
        if ch.isdigit() or ch == ".":
            digits += ch
        elif ch in _MIXED_SMALL:
            section, digits = section + float(digits or 1) * _MIXED_SMALL[ch], ""
        elif ch in BIG_UNITS:
            section += float(digits or 0)
            total = (total + section) * BIG_UNITS[ch] if ch == "亿" else total + section * BIG_UNITS[ch]
            section, digits = 0.0, ""
    return total + section + float(digits or 0)


def _parse_section(s: str) -> int | None:
    """A numeral below 万: 三千五百, 十五, 二十, 一百零五, 三千五 (= 3500)."""
    if not s:
        return 0
    total, digit, last_unit, zero_seen = 0, None, None, False
    for ch in s:
        if ch in "零〇":
            zero_seen = True
        if ch in DIGITS:
            if digit is not None and DIGITS[ch] != 0 and digit != 0:
                return None  # two digits in a row: 四五, 十四五
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            unit = SMALL_UNITS[ch]
            if last_unit is not None and unit >= last_unit:
                return None
            # 十五, 一千零十: a 十 with no digit of its own (or only 零) is one ten
            total += (1 if digit in (None, 0) and unit == 10 else (digit if digit is not None else -1)) * unit
            if digit is None and unit != 10:
                return None
            digit, last_unit = None, unit
        else:
            return None
    if digit:
        # 三千五 means 3500: a trailing digit takes the next smaller unit.
        total += digit * (last_unit // 10 if last_unit and last_unit > 10 and not zero_seen else 1)
    return total


def parse_chinese(token: str) -> float | None:
    """Value of a Chinese numeral, or None when the characters are not one number."""
    if "点" in token:
        # 九点三 = 9.3: an integer part, then digits read one by one.
        whole, _, frac = token.partition("点")
        head = parse_chinese(whole)
        if head is None or not frac or any(ch not in DIGITS for ch in frac):
            return None
        return float(f"{int(head)}.{''.join(str(DIGITS[ch]) for ch in frac)}")
    if not token or any(ch not in CHINESE_NUMERAL_CHARS for ch in token):
        return None
    total = 0
    rest = token
    for big_char, big in (("亿", BIG_UNITS["亿"]), ("万", BIG_UNITS["万"])):
        if big_char in rest:
            head, _, rest = rest.partition(big_char)
            # 五十四万亿: 万 inside the part before 亿 multiplies it (54万 亿 = 5.4e13)
            value = (parse_chinese(head) if "万" in head else _parse_section(head)) if head else 1
            if value is None or big_char in rest:
                return None
            total += value * big
            if rest and all(ch in DIGITS for ch in rest) and len(rest) == 1:
                return float(total + DIGITS[rest] * big // 10)  # 一万二 = 12000
    tail = _parse_section(rest)
    if tail is None:
        return None
    return float(total + tail)

"""Who to credit and where the dataset lives: one place, read by the card, the catalog page
and each release's ``CITATION.cff``.

``PIPELINE_DATASET_URL`` names the address the outputs are served from (a deployment's own); without
it the URL is the project's placeholder, said as such.
"""

from __future__ import annotations

import os

AUTHOR = "cn-policy-text-facts maintainers"
DEFAULT_URL = "https://example.org/cn-policy-text-facts"
TITLE_ZH = "中国政府与政策文本事实数据集"
ABOUT_EN = ("Facts extracted from Chinese government and policy news (plenary communiqués, interviews with "
            "bureau heads, work reports, statistics communiqués): who holds which office, what was achieved "
            "and what is promised, with numbers, and the named people, bodies, places, meetings and plans, "
            "every row tied to the exact characters of the document it came from.")
ABOUT_ZH = ("从中国政府与政策新闻（全会公报、局长访谈、工作报告、统计公报）中抽取的事实：谁担任什么职务，"
            "取得了哪些成绩、承诺了哪些目标及其数字，以及文中提到的人物、机构、地点、会议和规划；"
            "每一行都对应到原文中的确切字符位置。")


def dataset_url() -> str:
    return os.environ.get("PIPELINE_DATASET_URL", "").strip() or DEFAULT_URL


def citation_text(title: str, version: str, date: str) -> str:
    """One line to paste into a reference list."""
    return f"{AUTHOR} ({date[:4]}). {title}, version {version} ({date[:10]}). {dataset_url()}"


def bibtex(name: str, title: str, version: str, date: str) -> str:
    key = f"{name.replace('-', '_')}_{version.replace('.', '_')}"
    return "\n".join([f"@misc{{{key},", f"  author = {{{{{AUTHOR}}}}},", f"  title = {{{title}}},",
                      f"  version = {{{version}}},", f"  year = {{{date[:4]}}},", f"  date = {{{date[:10]}}},",
                      f"  url = {{{dataset_url()}}},", "}"])


def _yaml(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def citation_cff(title: str, version: str, date: str, license_id: str) -> str:
    """CITATION.cff (Citation File Format 1.2.0) of one release."""
    return "\n".join([
        "cff-version: 1.2.0",
        'message: "If you use this dataset, please cite it as below."',
        "type: dataset",
        f"title: {_yaml(title)}",
        f"version: {_yaml(version)}",
        f"date-released: {_yaml(date[:10])}",
        f"license: {license_id}",
        f"url: {_yaml(dataset_url())}",
        "authors:",
        f"  - name: {_yaml(AUTHOR)}",
        f"abstract: {_yaml(ABOUT_EN)}",
        "",
    ])

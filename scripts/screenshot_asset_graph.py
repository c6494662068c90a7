"""Take docs/asset-graph.png: the asset graph in the Dagster UI, from headless Chromium.

    .venv/bin/pip install -e ".[docs]"
    DAGSTER_HOME=$PWD/.dagster .venv/bin/dagster-webserver -m pipeline.definitions -p 3000 &
    .venv/bin/python scripts/screenshot_asset_graph.py http://127.0.0.1:3000 docs/asset-graph.png

Uses Debian's Chromium (/usr/bin/chromium); Playwright never downloads a browser here.
"""

import sys

from playwright.sync_api import sync_playwright


def main(base: str, target: str) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        page = browser.new_page(viewport={"width": 1700, "height": 950})
        page.goto(f"{base}/asset-groups", wait_until="networkidle")
        for label in ("Skip", "Dismiss"):
            button = page.get_by_role("button", name=label)
            if button.count():
                button.first.click()
        page.wait_for_timeout(2500)
        page.screenshot(path=target)
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

"""Regenerate docs/view.png, the README's picture of `actorgraph view`, in headless Chromium.

Usage: .venv/bin/python docs/screenshot.py STORE [OUT.png] [--issue NAME]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from actorgraph.graph.html_view import write_view  # noqa: E402
from actorgraph.graph.store import Store  # noqa: E402

from tests.browser import chromium, open_page, wait_settled  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("out", type=Path, nargs="?", default=ROOT / "docs" / "view.png")
    parser.add_argument("--issue")
    parser.add_argument("--actor")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Store.open(args.store, create=False) as store:
        page = Path(tmp) / "view.html"
        write_view(store, page, issue=args.issue, actor=args.actor, title="actorgraph: sample news")
        with chromium() as driver:
            open_page(driver, page)
            wait_settled(driver)
            driver.save_screenshot(str(args.out))
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python
"""The isolation matrix, wide: tests/security/test_matrix.py with every section page that
all the test portals have (both languages) and the feeds of the listing sections added to
its URLs, every cell checked by the same rules. Prints the number of cells and the time.

    .venv/bin/python benchmarks/isolation_matrix.py [pytest options, e.g. --reuse-db]

Runs on the test database (`test_cong`), as the test suite does; start the cluster first
(`make db`).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    os.chdir(ROOT)
    os.environ["CONG_MATRIX_WIDE"] = "1"
    started = time.perf_counter()
    code = pytest.main(["tests/security/test_matrix.py", "-q", "-p", "no:warnings", *sys.argv[1:]])
    print(f"wide isolation matrix: {time.perf_counter() - started:.1f} s in all (set-up included)")
    return int(code)


if __name__ == "__main__":
    sys.exit(main())

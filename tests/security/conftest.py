"""The isolation matrix's tally: each test adds the cells it checked, and the run's summary
prints them, so the figure quoted for the matrix is the one the tests counted."""

from __future__ import annotations

import pytest

CELLS = pytest.StashKey[dict]()


def pytest_configure(config):
    config.stash[CELLS] = {}


@pytest.fixture
def matrix_tally(request):
    """`tally(name, cells)`: record how many cells a test checked (also as a junit property)."""
    counts = request.config.stash[CELLS]

    def tally(name: str, cells: int) -> None:
        counts[name] = cells
        request.node.user_properties.append(("matrix_cells", cells))

    return tally


def pytest_terminal_summary(terminalreporter, config):
    counts = config.stash.get(CELLS, {})
    if counts:
        terminalreporter.write_line(
            f"isolation matrix: {sum(counts.values())} cells checked "
            f"({', '.join(f'{name} {cells}' for name, cells in counts.items())})"
        )

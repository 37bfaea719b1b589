"""Fixtures of the account-rule tests: a board head and an editor of portal A."""

from __future__ import annotations

import pytest


@pytest.fixture
def board_head(portal_a, make_local_user):
    return make_local_user(portal_a, "truongban", "Trưởng Ban Biên tập", first_name="Trưởng", last_name="Ban")


@pytest.fixture
def editor(portal_a, make_local_user):
    return make_local_user(portal_a, "bientap", "Biên tập viên", first_name="Biên", last_name="Tập")

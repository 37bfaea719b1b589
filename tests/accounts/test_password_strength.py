"""Passwords of at least 12 characters, not built from a well-known word with digits, not
in the bundled list of breached passwords: through the real admin, in every portal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from accounts.validators import breached_passwords, is_patterned
from tests.support.accounts import PASSWORD, login

CHANGE_URL = "/admin/tai-khoan/doi-mat-khau/"
ROOT = Path(__file__).resolve().parents[2]


def change(browser, new: str):
    return browser.post(
        CHANGE_URL, {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )


@pytest.mark.parametrize(
    ("weak", "message"),
    [
        ("Ngan2026abc", "ít nhất 12 ký tự"),
        ("P@ssw0rd!!", "ít nhất 12 ký tự"),  # short, and a pattern
        ("P@ssw0rd!!2026", "quá dễ đoán"),
        ("matkhau123456", "quá dễ đoán"),
        ("MatKhau@2026!", "quá dễ đoán"),
        ("LaiChau2026!!", "quá dễ đoán"),
        ("HaNoi@19751975", "quá dễ đoán"),
        ("Qu4ntr1@20266", "quá dễ đoán"),
        ("superman2026!", "đã bị lộ"),
        ("baseball12345", "đã bị lộ"),
    ],
)
def test_weak_passwords_are_refused(portal_a, editor, weak, message):
    browser, _ = login(portal_a, "bientap")
    response = change(browser, weak)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_passphrase_of_ones_own_is_accepted(portal_a, editor):
    browser, _ = login(portal_a, "bientap")
    response = change(browser, "Suoi-Nam-Ma-mua-le-9")
    assert response.status_code == 302


def test_the_demo_password_would_not_pass_but_the_demo_creates_its_accounts_directly():
    # 13 characters: long enough, not in a list, and not a pattern of the ones above; the
    # demo's users are made with set_password(), not through a form.
    assert not is_patterned("CongDemo@2026")
    assert len(breached_passwords()) == 30_000
    assert "password" in breached_passwords()


def test_load_demo_refuses_the_production_settings(tmp_path):
    """Run as an operator would, with the production settings: refused before any table is
    touched (the database address points nowhere)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cong.settings.production",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DATABASE_URL": "postgres://nobody:nothing@127.0.0.1:1/absent",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "load_demo"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode != 0
    assert "Không nạp dữ liệu mẫu" in result.stderr

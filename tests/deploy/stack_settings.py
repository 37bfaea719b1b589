"""The production settings, as the stack tests run them: only the password hashing of the
test suite (the accounts the tests create in the test process must sign in to gunicorn)."""

from cong.settings.production import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

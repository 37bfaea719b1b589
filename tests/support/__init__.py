"""What the tests share that is not a fixture.

- `portals`: the test portals, made once per session, and a browser pointed at one of them;
- `accounts`: users in a portal or on the platform, signing in, the audit trail;
- `admin`: the real Wagtail admin, signed in, its forms and its refusals;
- `participation`: the citizen forms of the questions and consultations;
- `factories`: the bases of the per-app factories (`tests/<app>/factories.py`).

Fixtures stay in the `conftest.py` files, which import from here.
"""

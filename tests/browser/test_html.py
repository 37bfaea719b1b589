"""The HTML of every page type, in both languages, is valid for the Nu HTML checker (vnu-jar
from npm, `make axe`; it runs on Java). The pages come from the live server of the package's
portal (tests/browser/conftest.py) exactly as sent, and one run of the checker reads them all.

Skipped without Java or vnu.jar, unless CONG_REQUIRE_BROWSER is set (CI): then it fails.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from django.conf import settings

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db]

VNU_JAR = Path(
    os.environ.get("CONG_VNU_JAR")
    or settings.BASE_DIR / "var" / "node" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


def _require_checker() -> str:
    java = shutil.which("java")
    missing = None
    if java is None:
        missing = "Java not found (apt-get install default-jre-headless)"
    elif not VNU_JAR.is_file():
        missing = f"vnu.jar not found at {VNU_JAR} (make axe)"
    if missing is None:
        return java
    if os.environ.get("CONG_REQUIRE_BROWSER"):
        pytest.fail(f"CONG_REQUIRE_BROWSER is set but {missing}", pytrace=False)
    pytest.skip(f"HTML validation skipped: {missing}; set CONG_REQUIRE_BROWSER=1 to make this fail")


def _fetch(base: str, path: str) -> tuple[int, bytes]:
    """The page as the server sends it (the portal's host name, to the live server)."""
    url = urlsplit(base)
    connection = http.client.HTTPConnection("127.0.0.1", url.port, timeout=30)
    try:
        connection.request("GET", path, headers={"Host": url.netloc, "Accept-Language": "vi"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def test_every_page_type_is_valid_html(site):
    java = _require_checker()
    base, urls = site
    with tempfile.TemporaryDirectory(prefix="cong-vnu-") as folder:
        files: dict[str, str] = {}
        for key, path in sorted(urls.items()):
            status, body = _fetch(base, path)
            assert status == (404 if key == "not_found" else 200), (key, path, status)
            target = Path(folder) / (f"{len(files):03d}.html")
            target.write_bytes(body)
            files[target.as_uri()] = f"{key} {path}"
        result = subprocess.run(
            [java, "-Xss1024k", "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
             "--exit-zero-always", *sorted(Path(folder).glob("*.html"))],
            capture_output=True, text=True, timeout=300,
        )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{files.get(m.get('url'), m.get('url'))} line {m.get('lastLine')}: {m['message']}"
        f"\n    {m.get('extract', '').strip()[:200]}"
        for m in messages if m.get("type") in ("error", "non-document-error")
    ]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors[:60])

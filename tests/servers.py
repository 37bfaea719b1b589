"""Starting real servers for the tests: Debian's redis-server and nginx, gunicorn on the
test database. A missing Debian package skips its tests, unless the matching CONG_REQUIRE_*
variable is set (CI installs them): then it fails."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest

from django.db import connection

ROOT = Path(__file__).resolve().parents[1]


def require_binary(path: str, variable: str, package: str) -> str:
    found = shutil.which(path) or path
    if not Path(found).is_file():
        message = f"{path} not found (apt-get install {package})"
        if os.environ.get(variable):
            pytest.fail(f"{variable} is set but {message}", pytrace=False)
        pytest.skip(f"{message}; set {variable}=1 to make this fail")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


def wait_for(check, what: str, process: subprocess.Popen | None = None, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            if check():
                return
        except Exception:
            pass
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"{what} exited with status {process.returncode}")
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} did not start in {timeout:.0f} s")
        time.sleep(0.1)


def stop(process: subprocess.Popen, timeout: float = 20) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def start_redis(folder: Path) -> tuple[subprocess.Popen, str]:
    """redis-server on a Unix socket in `folder`; returns the process and its URL."""
    binary = require_binary("redis-server", "CONG_REQUIRE_REDIS", "redis-server")
    sock = folder / "redis.sock"
    process = subprocess.Popen(
        [binary, "--port", "0", "--unixsocket", str(sock), "--unixsocketperm", "700",
         "--dir", str(folder), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    wait_for(sock.exists, "redis-server", process, timeout=20)
    return process, f"unix://{sock}"


def database_url_of_tests() -> str:
    """The database the test session works in, for a server process of its own."""
    settings = connection.settings_dict
    host = settings.get("HOST") or settings.get("OPTIONS", {}).get("host") or ""
    query = f"?host={host}" if host.startswith("/") else ""
    netloc = host if host and not host.startswith("/") else ""
    if settings.get("PORT"):
        netloc += f":{settings['PORT']}"
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    return f"postgres://{settings['USER']}{password}@{netloc}/{settings['NAME']}{query}"

"""The production stack, started for real: Debian's nginx with the shipped configuration
(deploy/nginx/, paths, ports and the upstream rewritten for the test) and a self-signed
certificate made with openssl, in front of two gunicorn nodes (the production settings)
that share the test database, one redis-server and one media folder.

What the nodes serve must be committed: the test creates it outside the tests' rolled-back
transactions and removes it afterwards.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import ssl
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.servers import (
    ROOT,
    database_url_of_tests,
    free_port,
    port_open,
    require_binary,
    start_redis,
    stop,
    wait_for,
)

NGINX = "/usr/sbin/nginx"


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes
    cookies: dict[str, str] = field(default_factory=dict)

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def _request(connection: http.client.HTTPConnection, method: str, host: str, path: str,
             body: bytes | None = None, headers: dict | None = None) -> Response:
    all_headers = {"Host": host, **(headers or {})}
    connection.request(method, path, body=body, headers=all_headers)
    raw = connection.getresponse()
    data = raw.read()
    cookies = {}
    for name, value in raw.getheaders():
        if name.lower() == "set-cookie":
            key, _sep, rest = value.partition("=")
            cookies[key.strip()] = rest.split(";", 1)[0]
    headers_out = {name.lower(): value for name, value in raw.getheaders()}
    connection.close()
    return Response(raw.status, headers_out, data, cookies)


@dataclass
class Node:
    name: str
    port: int
    process: subprocess.Popen
    log: Path

    def request(self, method: str, host: str, path: str, body: bytes | None = None,
                headers: dict | None = None) -> Response:
        """Straight to this node, with the headers nginx would send (we are a trusted proxy)."""
        proxy = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "198.51.100.7"}
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        return _request(connection, method, host, path, body, {**proxy, **(headers or {})})


@dataclass
class Stack:
    folder: Path
    media: Path
    static: Path
    nodes: list[Node]
    http_port: int
    https_port: int
    nginx: subprocess.Popen
    redis: subprocess.Popen
    env: dict

    def https(self, method: str, host: str, path: str, body: bytes | None = None,
              headers: dict | None = None) -> Response:
        context = ssl.create_default_context(cafile=str(self.folder / "cert.pem"))
        context.check_hostname = False  # the request names its portal in Host, not in SNI
        connection = http.client.HTTPSConnection("127.0.0.1", self.https_port, timeout=60, context=context)
        return _request(connection, method, host, path, body, headers)

    def http(self, method: str, host: str, path: str) -> Response:
        connection = http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=60)
        return _request(connection, method, host, path)

    @property
    def visits_log(self) -> Path:
        return self.folder / "nginx" / "cong-visits.log"

    def reopen_logs(self) -> None:
        """What logrotate asks of nginx (USR1): its buffered log lines are written out, then
        each log is opened again by name (a new file when the old one was moved away)."""
        os.kill(self.nginx.pid, signal.SIGUSR1)

    def node_of(self, response: Response) -> str:
        """Which node answered (the test's configuration adds the upstream address)."""
        port = int(response.header("X-Test-Upstream").rsplit(":", 1)[-1])
        return next(node.name for node in self.nodes if node.port == port)

    def logs(self) -> str:
        parts = []
        for node in self.nodes:
            parts.append(f"--- {node.name} ---\n{node.log.read_text(errors='replace')[-4000:]}")
        error_log = self.folder / "nginx" / "error.log"
        if error_log.exists():
            parts.append(f"--- nginx ---\n{error_log.read_text(errors='replace')[-2000:]}")
        return "\n".join(parts)


def app_environment(folder: Path, redis_url: str, var: Path) -> dict:
    env = {
        key: value for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "CONG_", "GUNICORN_", "PROMETHEUS_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.deploy.stack_settings",
        PYTHONPATH=f"{ROOT}{os.pathsep}{ROOT / 'platform'}",
        DJANGO_SECRET_KEY="stack-test-secret-key-not-for-production-0123456789",
        DATABASE_URL=database_url_of_tests(),
        DJANGO_CACHE_LOCATION=redis_url,
        DJANGO_MEDIA_ROOT=str(var / "media"),
        DJANGO_STATIC_ROOT=str(var / "static"),
        MEDIA_ACCEL_REDIRECT_PREFIX="/_media",
        CONG_PROVINCE_DOMAIN="laichau.test",
        CONG_CONSOLE_DOMAIN="quantri.laichau.test",
        CONG_TRUSTED_PROXIES="127.0.0.1,::1",
        DB_CONN_MAX_AGE="0",
        DJANGO_LOG_LEVEL="WARNING",
        # As deployed: page views are counted from nginx's visits log (visits.importer).
        CONG_VISITS_SOURCE="access_log",
    )
    return env


def make_certificate(folder: Path) -> None:
    openssl = require_binary("openssl", "CONG_REQUIRE_NGINX", "openssl")
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", str(folder / "key.pem"), "-out", str(folder / "cert.pem"),
         "-subj", "/CN=laichau.test",
         "-addext", "subjectAltName=DNS:laichau.test,DNS:*.laichau.test,DNS:127.0.0.1"],
        check=True, capture_output=True,
    )


def render_nginx(folder: Path, var: Path, http_port: int, https_port: int, upstreams: list[int]) -> Path:
    """The shipped files, with what differs on a test machine replaced. Every replacement
    must find its text, so the shipped configuration cannot drift from what is tested."""
    prefix = folder / "nginx"
    for sub in ("tmp", "logs"):
        (prefix / sub).mkdir(parents=True, exist_ok=True)
    site = (ROOT / "deploy" / "nginx" / "cong.conf").read_text()
    servers = "\n    ".join(f"server 127.0.0.1:{port} max_fails=3 fail_timeout=10s;" for port in upstreams)
    replacements = [
        ("server 127.0.0.1:8000 max_fails=3 fail_timeout=10s;", servers),
        ("listen 80 default_server;", f"listen 127.0.0.1:{http_port} default_server;"),
        ("listen [::]:80 default_server;", ""),
        ("listen 443 ssl http2 default_server;", f"listen 127.0.0.1:{https_port} ssl http2 default_server;"),
        ("listen [::]:443 ssl http2 default_server;", ""),
        ("/etc/ssl/cong/fullchain.pem", str(folder / "cert.pem")),
        ("/etc/ssl/cong/privkey.pem", str(folder / "key.pem")),
        ("root /srv/cong/var;", f"root {var};"),
        ("alias /srv/cong/var/media/;", f"alias {var / 'media'}/;"),
        ("/etc/nginx/cong_proxy.conf", str(ROOT / "deploy" / "nginx" / "cong_proxy.conf")),
        ("access_log /var/log/nginx/access.log;", f"access_log {prefix / 'access.log'};"),
        ("/var/log/nginx/cong-visits.log", str(prefix / "cong-visits.log")),
        # Which node answered, for the two-node checks (not in the shipped file: it would
        # tell visitors the internal addresses).
        ("client_max_body_size 25m;",
         "client_max_body_size 25m;\n    add_header X-Test-Upstream $upstream_addr always;"),
    ]
    for old, new in replacements:
        assert old in site, f"deploy/nginx/cong.conf no longer contains {old!r}"
        site = site.replace(old, new)
    (prefix / "cong.conf").write_text(site)
    temp = prefix / "tmp"
    user = "user root;\n" if os.geteuid() == 0 else ""
    (prefix / "nginx.conf").write_text(
        f"""{user}worker_processes 1;
pid {prefix / 'nginx.pid'};
error_log {prefix / 'error.log'} warn;
daemon off;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {prefix / 'access.log'};
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {prefix / 'cong.conf'};
}}
"""
    )
    return prefix


def launch_node(name: str, env: dict, folder: Path) -> Node:
    """A gunicorn node, started and not yet waited for (see wait_until_healthy)."""
    port = free_port()
    log = folder / f"gunicorn-{name}.log"
    node_env = {
        **env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_THREADS": "4",
        "GUNICORN_CONTROL_SOCKET": str(folder / f"gunicorn-{name}.ctl"),
        "PROMETHEUS_MULTIPROC_DIR": str(folder / f"metrics-{name}"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "cong.wsgi"],
        cwd=ROOT, env=node_env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    return Node(name, port, process, log)


def wait_until_healthy(node: Node) -> None:
    def healthy() -> bool:
        return node.request("GET", "127.0.0.1", "/healthz").status == 200

    wait_for(healthy, f"gunicorn node {node.name} (log: {node.log})", node.process, timeout=120)


def start_node(name: str, env: dict, folder: Path) -> Node:
    node = launch_node(name, env, folder)
    wait_until_healthy(node)
    return node


# The static files collectstatic made for the first stack of the session: the same for every
# stack (the same files, the same settings), so later stacks copy them instead of hashing and
# compressing every file again.
_collected_static: list[Path] = []


def collect_static(env: dict, target: Path) -> None:
    """`manage.py collectstatic` as deployed (hashed names, compressed copies) into `target`."""
    if _collected_static and (_collected_static[0] / "staticfiles.json").is_file():
        shutil.copytree(_collected_static[0], target, dirs_exist_ok=True)
        return
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT, env={**env, "DJANGO_STATIC_ROOT": str(target)}, check=True, capture_output=True,
    )
    _collected_static[:] = [target]


def start_stack(folder: Path, nodes: int = 2) -> Stack:
    require_binary(NGINX, "CONG_REQUIRE_NGINX", "nginx")
    var = folder / "var"
    (var / "media").mkdir(parents=True)
    (var / "static").mkdir(parents=True)
    redis, redis_url = start_redis(folder)
    started: list[subprocess.Popen] = [redis]
    try:
        env = app_environment(folder, redis_url, var)
        collect_static(env, var / "static")
        # The nodes boot side by side (each imports the whole project before it answers).
        node_list = []
        for name in ("A", "B")[:nodes]:
            node = launch_node(name, env, folder)
            started.append(node.process)
            node_list.append(node)
        for node in node_list:
            wait_until_healthy(node)
        make_certificate(folder)
        http_port, https_port = free_port(), free_port()
        prefix = render_nginx(folder, var, http_port, https_port, [n.port for n in node_list])
        test = subprocess.run([NGINX, "-t", "-p", str(prefix), "-e", str(prefix / "error.log"),
                               "-c", str(prefix / "nginx.conf")], capture_output=True, text=True)
        assert test.returncode == 0, test.stderr
        nginx = subprocess.Popen(
            [NGINX, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(prefix / "nginx.conf")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        started.append(nginx)
        wait_for(lambda: port_open(https_port) and port_open(http_port), "nginx", nginx, timeout=20)
    except BaseException:
        for process in reversed(started):
            stop(process)
        raise
    return Stack(folder, var / "media", var / "static", node_list, http_port, https_port, nginx, redis, env)


def stop_stack(stack: Stack) -> None:
    stop(stack.nginx)
    for node in stack.nodes:
        stop(node.process)
    stop(stack.redis)


def static_manifest(stack: Stack) -> dict[str, str]:
    return json.loads((stack.static / "staticfiles.json").read_text())["paths"]

#!/usr/bin/env python
"""Mixed traffic while PostgreSQL restarts: is every acknowledged submission kept, are the
errors the 503 page (never a 500), and how soon does the application recover by itself?

Builds a throwaway database (`cong_bench_fault`) on the project's embedded cluster with a
province and some member portals, starts gunicorn with the production settings (and a
redis-server of its own) and sends, for --duration seconds:

- page views on every portal (home, sections), from several threads;
- citizens' questions: the form is opened, filled in after the 3 seconds a person needs,
  and sent; the tracking code on the receipt page is an acknowledgement.

At --outage-at seconds the cluster is stopped (`deploy/localpg.sh stop`, fast shutdown) and
started again --outage seconds later; nothing is restarted on the application's side. The
report: submissions sent / acknowledged / found in the database afterwards (by tracking
code), the answers during the outage by status (and whether each error was the maintenance
page), 500s, and the seconds from the database being back to the first good page and the
first acknowledged submission.

    .venv/bin/python benchmarks/fault.py [--duration 180] [--outage-at 60] [--outage 15]

It restarts this checkout's embedded cluster: stop anything else using it (a test run) first.
Requests go only to 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DB = "cong_bench_fault"
MEMBERS = ("sokhcn", "sotc", "xaphongtho", "phuongtanphong", "sonv", "xamuongso")
PAGES = ("/", "/tin-tuc/", "/gioi-thieu/", "/van-ban/", "/hoi-dap/", "/lien-he/", "/khong-co-trang-nay/")
LOCALPG = ROOT / "deploy" / "localpg.sh"


def database_url() -> str:
    base = subprocess.run([str(LOCALPG), "url"], check=True, capture_output=True, text=True).stdout.strip()
    return urlunsplit(urlsplit(base)._replace(path=f"/{BENCH_DB}"))


def admin_sql(url: str, statement: str) -> None:
    import psycopg2

    conn = psycopg2.connect(urlunsplit(urlsplit(url)._replace(path="/postgres")))
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(statement)
    conn.close()


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Tally:
    lock: threading.Lock = field(default_factory=threading.Lock)
    pages: Counter = field(default_factory=Counter)
    outage_answers: Counter = field(default_factory=Counter)
    five_hundreds: int = 0
    sent: int = 0
    acknowledged: list[tuple[str, str]] = field(default_factory=list)  # (portal, code)
    submit_errors: Counter = field(default_factory=Counter)
    first_page_after: float | None = None
    first_ack_after: float | None = None


class Load:
    def __init__(self, port: int, hosts: dict[str, str], until: float, tally: Tally) -> None:
        self.port, self.hosts, self.until, self.tally = port, hosts, until, tally
        self.outage_started: float | None = None
        self.database_back: float | None = None

    def request(self, host: str, method: str, path: str, body: bytes | None = None,
                headers: dict | None = None) -> tuple[int, dict, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        address = f"203.0.113.{random.randint(1, 254)}"
        try:
            connection.request(method, path, body=body, headers={
                "Host": host, "X-Forwarded-Proto": "https", "X-Forwarded-For": address, **(headers or {}),
            })
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            return response.status, {k.lower(): v for k, v in response.getheaders()}, text
        except OSError:
            return 0, {}, ""
        finally:
            connection.close()

    def note(self, status: int, headers: dict, kind: str) -> None:
        now = time.monotonic()
        with self.tally.lock:
            if status >= 500 and status != 503:
                self.tally.five_hundreds += 1
            back = self.database_back
            in_outage = self.outage_started is not None and (back is None or now < back)
            if in_outage:
                maintenance = status == 503 and headers.get("retry-after") == "60"
                self.tally.outage_answers[f"{kind} {status}{' maintenance page' if maintenance else ''}"] += 1
            elif self.database_back is not None and status == 200:
                if kind == "page" and self.tally.first_page_after is None:
                    self.tally.first_page_after = now - self.database_back

    def browse(self) -> None:
        while time.monotonic() < self.until:
            code = random.choice(list(self.hosts))
            status, headers, _text = self.request(self.hosts[code], "GET", random.choice(PAGES))
            with self.tally.lock:
                self.tally.pages[status] += 1
            self.note(status, headers, "page")

    def submit(self) -> None:
        while time.monotonic() < self.until:
            code = random.choice(list(self.hosts))
            host = self.hosts[code]
            status, headers, text = self.request(host, "GET", "/hoi-dap/gui-cau-hoi/")
            self.note(status, headers, "form")
            token = re.search(r'name="form_token" value="([^"]+)"', text)
            csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)
            cookie = headers.get("set-cookie", "").split(";", 1)[0]
            if status != 200 or not token:
                time.sleep(0.5)
                continue
            time.sleep(3.2)  # a person takes longer than the form's minimum
            fields = {
                "asker_type": "individual", "full_name": "Nguyễn Văn Thử", "address": "Bản Thử",
                "phone": "0912 345 678", "email": "", "title": "Hỏi về thủ tục đăng ký",
                "body": "Xin hỏi hồ sơ gồm những giấy tờ gì và nộp ở đâu?", "consent": "on",
                "form_token": token.group(1), "website": "",
            }
            if csrf:
                fields["csrfmiddlewaretoken"] = csrf.group(1)
            with self.tally.lock:
                self.tally.sent += 1
            status, headers, text = self.request(
                host, "POST", "/hoi-dap/gui-cau-hoi/", urlencode(fields).encode(),
                {"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie,
                 "Referer": f"https://{host}/hoi-dap/gui-cau-hoi/"},
            )
            self.note(status, headers, "submission")
            receipt = re.search(r'class="tracking-code">([^<]+)<', text)
            with self.tally.lock:
                if status == 200 and receipt:
                    self.tally.acknowledged.append((code, receipt.group(1).strip()))
                    if self.database_back is not None and self.tally.first_ack_after is None \
                            and time.monotonic() > self.database_back:
                        self.tally.first_ack_after = time.monotonic() - self.database_back
                else:
                    self.tally.submit_errors[status] += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=180)
    parser.add_argument("--outage-at", type=float, default=60)
    parser.add_argument("--outage", type=float, default=15, help="seconds PostgreSQL stays down")
    parser.add_argument("--browsers", type=int, default=4)
    parser.add_argument("--citizens", type=int, default=4)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()

    subprocess.run([str(LOCALPG), "start"], check=True)
    url = database_url()
    admin_sql(url, f'DROP DATABASE IF EXISTS "{BENCH_DB}"')
    admin_sql(url, f'CREATE DATABASE "{BENCH_DB}"')
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "cong.settings.dev",
           "CONG_PROVINCE_DOMAIN": "laichau.test", "PYTHONPATH": f"{ROOT}:{ROOT / 'platform'}"}
    setup = (
        "import django; django.setup()\n"
        "from django.core.management import call_command\n"
        "import sys; sys.path.insert(0, 'benchmarks')\n"
        "from approved import approved_portal\n"
        "from tenants.provisioning import PortalSpec\n"
        "call_command('migrate_platform', verbosity=0)\n"
        "approved_portal(PortalSpec(code='laichau', name='Tỉnh', kind='province'))\n"
        f"for code in {MEMBERS!r}:\n"
        "    approved_portal(PortalSpec(code=code, name='Đơn vị ' + code, kind='department'))\n"
    )
    print("preparing the database ...", flush=True)
    subprocess.run([sys.executable, "-c", setup], cwd=ROOT, env=env, check=True)
    hosts = {"laichau": "laichau.test", **{code: f"{code}.laichau.test" for code in MEMBERS}}

    work = Path(tempfile.mkdtemp(prefix="cong-fault-"))
    redis = subprocess.Popen(
        [shutil.which("redis-server") or "/usr/bin/redis-server", "--port", "0", "--unixsocket",
         str(work / "redis.sock"), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    port = free_port()
    app_env = {
        **env, "DJANGO_SETTINGS_MODULE": "cong.settings.production",
        "DJANGO_SECRET_KEY": "fault-benchmark-secret-key-0123456789-abcdefghijklmnop",
        "DJANGO_CACHE_LOCATION": f"unix://{work / 'redis.sock'}",
        "DJANGO_MEDIA_ROOT": str(work / "media"), "DJANGO_STATIC_ROOT": str(work / "static"),
        "DJANGO_LOG_LEVEL": "ERROR", "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": "2",
        "GUNICORN_THREADS": "4", "GUNICORN_CONTROL_SOCKET": str(work / "gunicorn.ctl"),
    }
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
                   cwd=ROOT, env=app_env, check=True)
    log = (work / "gunicorn.log").open("wb")
    app = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "cong.wsgi"],
        cwd=ROOT, env=app_env, stdout=log, stderr=subprocess.STDOUT,
    )
    tally = Tally()
    try:
        probe = Load(port, hosts, 0, tally)
        deadline = time.monotonic() + 120
        while probe.request("laichau.test", "GET", "/healthz")[0] != 200:
            if time.monotonic() > deadline or app.poll() is not None:
                raise SystemExit("gunicorn did not start")
            time.sleep(0.3)

        start = time.monotonic()
        load = Load(port, hosts, start + args.duration, tally)
        threads = [threading.Thread(target=load.browse) for _ in range(args.browsers)]
        threads += [threading.Thread(target=load.submit) for _ in range(args.citizens)]
        for thread in threads:
            thread.start()
        time.sleep(args.outage_at)
        print(f"{time.monotonic() - start:5.1f} s: stopping PostgreSQL", flush=True)
        load.outage_started = time.monotonic()
        subprocess.run([str(LOCALPG), "stop"], check=True)
        print(f"{time.monotonic() - start:5.1f} s: PostgreSQL stopped", flush=True)
        time.sleep(args.outage)
        subprocess.run([str(LOCALPG), "start"], check=True)
        load.database_back = time.monotonic()
        down = load.database_back - load.outage_started
        print(f"{time.monotonic() - start:5.1f} s: PostgreSQL is back", flush=True)
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - start
    finally:
        app.terminate()
        app.wait(timeout=30)
        redis.terminate()

    import psycopg2

    conn = psycopg2.connect(url)
    found = 0
    with conn.cursor() as cursor:
        for code, tracking in tally.acknowledged:
            cursor.execute(
                f'SELECT 1 FROM "{code}".participation_question WHERE tracking_code = %s', [tracking]
            )
            found += cursor.fetchone() is not None
    conn.close()
    if not args.keep:
        admin_sql(url, f'DROP DATABASE IF EXISTS "{BENCH_DB}"')
        shutil.rmtree(work, ignore_errors=True)

    print(f"\n{elapsed:.0f} s of traffic; PostgreSQL unavailable for {down:.1f} s from "
          f"{args.outage_at:.0f} s (stopping, {args.outage:.0f} s down, starting)")
    print(f"page views: {sum(tally.pages.values())} ({dict(sorted(tally.pages.items()))})")
    print(f"submissions: sent {tally.sent}, acknowledged {len(tally.acknowledged)}, "
          f"found in the database {found}; not acknowledged: {dict(tally.submit_errors)}")
    print(f"answers while the database was down: {dict(tally.outage_answers)}")
    print(f"500 answers: {tally.five_hundreds}")
    print(f"recovery after the database was back: first page {tally.first_page_after or float('nan'):.2f} s, "
          f"first acknowledged submission {tally.first_ack_after or float('nan'):.2f} s")
    lost = len(tally.acknowledged) - found
    return 1 if lost or tally.five_hundreds else 0


if __name__ == "__main__":
    raise SystemExit(main())

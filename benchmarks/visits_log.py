#!/usr/bin/env python
"""What counting page views from nginx's visits log costs a cached page (docs/visits.md).

With CONG_VISITS_SOURCE=access_log, serving a page does one more thing than without counting:
nginx adds a line to its buffered `cong_visits` log (the import runs apart, every minute).
This measures that, with Debian's nginx and Varnish, plain HTTP on 127.0.0.1:

- the edge: nginx → Varnish (deploy/varnish/default.vcl) answering from its cache, the way
  a cached page is served in production (the origin behind Varnish is a file with the headers
  the application gives a cached page, so no database is needed);
- the ceiling: nginx answering the same bytes as a static file, the cheapest request there
  is, where a log line weighs the most;

each with the visits log off and on (the `log_format cong_visits` and `access_log` line taken
from deploy/nginx/cong.conf as shipped), in several alternating runs (the order swapped each
round, so machine load hits both alike); the figure is the median of the runs. TLS is left
out: it makes every request dearer and the line's share smaller.

    .venv/bin/python benchmarks/visits_log.py [--rounds 5] [--duration 5] [--connections 16] [--lines 10]
                                              [--page FILE]

Needs nginx, varnishd and wrk (apt-get install nginx varnish wrk).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from contextlib import ExitStack
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from serve import free_port, get, process, session_cpu  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HOST = "tinhthu.laichau.test"


def shipped_visits_log() -> tuple[str, str]:
    """The `log_format cong_visits …;` block and the visits `access_log` line of cong.conf."""
    conf = (ROOT / "deploy" / "nginx" / "cong.conf").read_text()
    log_format = re.search(r"^log_format cong_visits .*?;\s*$", conf, re.S | re.M).group(0)
    access_log = re.search(r"^\s*access_log \S+ cong_visits [^;]*;", conf, re.M).group(0).strip()
    return log_format, access_log


def sample_page() -> bytes:
    """About the size of a portal's home page, when no saved page is given."""
    items = "".join(
        f'<li><a href="/tin-tuc/bai-{n}/">Tin tức hoạt động của tỉnh số {n}</a>'
        f"<p>Tóm tắt nội dung bản tin {n}, cập nhật ngày 03/12/2026.</p></li>\n" for n in range(200)
    )
    head = "<!doctype html><html lang=vi><head><title>Cổng</title></head>"
    return f"{head}<body><ul>{items}</ul></body></html>".encode()


def nginx_config(workdir: Path, www: Path, ports: dict[str, int], edge_port: int, lines: int = 1) -> str:
    log_format, shipped = shipped_visits_log()
    # `lines` copies of the shipped line, each to its own file: the cost of one line is then
    # the difference divided by `lines`, measured well above the noise of the runs.
    access_log = " ".join(
        re.sub(r"access_log \S+", f"access_log {workdir / f'cong-visits-{n}.log'}", shipped)
        for n in range(lines)
    )
    proxy = (
        "proxy_http_version 1.1; proxy_set_header Connection \"\"; proxy_set_header Host $host;"
        " proxy_set_header X-Forwarded-Proto https;"
        " proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;"
    )
    servers = []
    for name, port in ports.items():
        if name == "origin":
            continue
        kind, log = name.split("-")
        logging = access_log if log == "on" else "access_log off;"
        body = f"location / {{ proxy_pass http://edge; {proxy} }}" if kind == "edge" else f"root {www};"
        servers.append(f"  server {{ listen 127.0.0.1:{port}; {logging} {body} }}")
    # What Varnish caches: the headers the application gives a cached page.
    origin = (
        f"  server {{ listen 127.0.0.1:{ports['origin']}; access_log off; root {www};"
        ' add_header Cache-Control "public, max-age=0, s-maxage=3600";'
        ' add_header X-Cong-Tags "portal"; add_header X-Cong-Portal "tinhthu"; }'
    )
    return (
        f"worker_processes 1;\ndaemon off;\npid {workdir}/nginx.pid;\nerror_log {workdir}/error.log;\n"
        "events { worker_connections 1024; }\nhttp {\n  default_type text/html; index index.html;\n"
        f"  upstream edge {{ server 127.0.0.1:{edge_port}; keepalive 32; }}\n"
        f"  {log_format}\n" + "\n".join(servers) + f"\n{origin}\n}}\n"
    )


def wrk(port: int, seconds: int, connections: int) -> tuple[float, int]:
    """Requests per second, and requests answered."""
    out = subprocess.run(
        ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "-H", f"Host: {HOST}",
         "-H", "User-Agent: Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36",
         f"http://127.0.0.1:{port}/"],
        check=True, capture_output=True, text=True,
    ).stdout
    if "Non-2xx" in out:
        raise RuntimeError(f"errors under load:\n{out}")
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), requests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--duration", type=int, default=5)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--page", type=Path, help="a saved page (default: a generated one)")
    parser.add_argument("--lines", type=int, default=1,
                        help="log lines written per request when on (the cost is divided by it)")
    args = parser.parse_args()
    for binary in ("nginx", "varnishd", "wrk"):
        if not (shutil.which(binary) or Path(f"/usr/sbin/{binary}").exists()):
            print(f"{binary} not found", file=sys.stderr)
            return 2

    workdir = Path(tempfile.mkdtemp(prefix="cong-visits-log-"))
    os.chmod(workdir, 0o755)
    www = workdir / "www"
    www.mkdir()
    os.chmod(www, 0o755)
    page = args.page.read_bytes() if args.page else sample_page()
    (www / "index.html").write_bytes(page)
    os.chmod(www / "index.html", 0o644)
    names = ["static-off", "static-on", "edge-off", "edge-on"]
    ports = {name: free_port() for name in [*names, "origin"]}
    edge_port = free_port()
    rates: dict[str, list[float]] = {name: [] for name in names}
    # Server CPU time per request (nginx, plus Varnish for the edge): unlike requests per
    # second, it does not move with what else the machine is doing.
    cpu: dict[str, list[float]] = {name: [] for name in names}
    try:
        with ExitStack() as stack:
            conf = workdir / "nginx.conf"
            conf.write_text(nginx_config(workdir, www, ports, edge_port, args.lines))
            nginx_binary = shutil.which("nginx") or "/usr/sbin/nginx"
            front = stack.enter_context(process([nginx_binary, "-p", str(workdir), "-c", str(conf),
                                                 "-e", str(workdir / "error.log")], ports["origin"]))
            vcl = workdir / "default.vcl"
            vcl.write_text((ROOT / "deploy" / "varnish" / "default.vcl").read_text()
                           .replace('.port = "8000";', f'.port = "{ports["origin"]}";'))
            varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
            edge = stack.enter_context(process([varnishd, "-F", "-j", "none", "-n", str(workdir / "varnish"),
                                                "-a", f"127.0.0.1:{edge_port}", "-f", str(vcl),
                                                "-s", "malloc,64m"], edge_port))
            for name in names:
                status, headers, body = get(ports[name], host=HOST)
                assert status == 200 and body == page, (name, status)
            assert get(ports["edge-on"], host=HOST)[1].get("x-edge-cache") == "hit"
            for round_ in range(args.rounds):
                for kind in ("static", "edge"):
                    order = ["off", "on"] if round_ % 2 == 0 else ["on", "off"]
                    for log in order:
                        sessions = [front.pid, edge.pid] if kind == "edge" else [front.pid]
                        before = sum(session_cpu(session) for session in sessions)
                        rate, requests = wrk(ports[f"{kind}-{log}"], args.duration, args.connections)
                        used = sum(session_cpu(session) for session in sessions) - before
                        rates[f"{kind}-{log}"].append(rate)
                        cpu[f"{kind}-{log}"].append(1e6 * used / requests)
            logged = (workdir / "cong-visits-0.log").stat().st_size
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    print(f"\nwrk, {args.connections} connections, {args.duration} s a run, {args.rounds} rounds; "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; page {len(page):,} bytes; "
          f"visits log written: {logged:,} bytes"
          + (f" ({args.lines} lines a request when on)" if args.lines > 1 else ""))
    print("| served by | log off: req/s, µs CPU/req | log on: req/s, µs CPU/req "
          "| cost of the log line (req/s; CPU) |")
    print("| --- | ---: | ---: | ---: |")
    for kind, label in (("edge", "nginx → Varnish hit (a cached page)"), ("static", "nginx, static file")):
        off, on = statistics.median(rates[f"{kind}-off"]), statistics.median(rates[f"{kind}-on"])
        cpu_off, cpu_on = statistics.median(cpu[f"{kind}-off"]), statistics.median(cpu[f"{kind}-on"])
        print(f"| {label} | {off:,.0f}, {cpu_off:.1f} | {on:,.0f}, {cpu_on:.1f} "
              f"| {100 * (off - on) / off:+.1f} %; {100 * (cpu_on - cpu_off) / cpu_off:+.1f} % |")
        for name in (f"{kind}-off", f"{kind}-on"):
            runs = ", ".join(f"{r:,.0f} ({c:.1f} µs)" for r, c in zip(rates[name], cpu[name], strict=True))
            print(f"    {name}: {runs}")
    # Rounds alternate off/on: the difference within a round cancels the machine's drift.
    paired = {
        kind: statistics.median(
            (on - off) / args.lines for on, off in zip(cpu[f"{kind}-on"], cpu[f"{kind}-off"], strict=True)
        )
        for kind in ("edge", "static")
    }
    page_cpu = statistics.median(cpu["edge-off"])
    print(f"\none visits log line: {paired['edge']:.2f} µs CPU behind Varnish, {paired['static']:.2f} µs "
          f"on a static file (median of the rounds' differences / {args.lines}); "
          f"{100 * paired['edge'] / page_cpu:.1f} % of serving a cached page through Varnish "
          f"({page_cpu:.1f} µs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

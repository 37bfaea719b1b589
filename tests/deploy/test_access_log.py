"""gunicorn's access log (deploy/gunicorn.conf.py): the logger that builds the line from the
values our format uses writes exactly the line gunicorn's own logger writes."""

from __future__ import annotations

import datetime
import logging
import runpy
from pathlib import Path

import pytest
from gunicorn.config import Config
from gunicorn.glogging import Logger

CONF = runpy.run_path(str(Path(__file__).resolve().parents[2] / "deploy" / "gunicorn.conf.py"))


class Response:
    def __init__(self, status: str, sent: int | None, headers: list[tuple[str, str]]) -> None:
        self.status, self.sent, self.headers = status, sent, headers


class Request:
    headers = [("HOST", "laichau.localhost"), ("USER-AGENT", "x")]


class Lines(logging.Handler):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def access_line(logger_class, access_log_format: str, response: Response, environ: dict) -> str:
    cfg = Config()
    cfg.set("accesslog", "-")
    cfg.set("access_log_format", access_log_format)
    logger = logger_class(cfg)
    lines = Lines()
    logger.access_log.handlers = [lines]
    logger.access(response, Request(), environ, datetime.timedelta(seconds=1, microseconds=234567))
    assert len(lines.lines) == 1
    return lines.lines[0]


ENVIRON = {
    "REQUEST_METHOD": "GET", "RAW_URI": "/tin-tuc/?trang=2", "SERVER_PROTOCOL": "HTTP/1.1",
    "REMOTE_ADDR": "127.0.0.1", "PATH_INFO": "/tin-tuc/", "QUERY_STRING": "trang=2",
    "HTTP_HOST": "laichau.localhost", "HTTP_REFERER": 'https://vi.wikipedia.org/"x"',
}


@pytest.mark.parametrize(("response", "agent"), [
    (Response("200 OK", 18442, [("Content-Type", "text/html"), ("X-Request-ID", "a1b2c3d4e5")]),
     'Mozilla/5.0 "quoted" (X11)'),
    (Response("304 Not Modified", None, [("x-request-id", "f00dcafe12")]), None),
    (Response("404 Not Found", 120, []), "curl/8"),
])
def test_the_access_line_is_gunicorns(response, agent, monkeypatch):
    environ = dict(ENVIRON)
    if agent is not None:
        environ["HTTP_USER_AGENT"] = agent
    with monkeypatch.context() as patched:
        # Our format never goes through gunicorn's collection of every value.
        patched.setattr(Logger, "atoms", lambda *args: pytest.fail("gunicorn's atoms were built"))
        fast = access_line(CONF["AccessLogger"], CONF["ACCESS_LOG_FORMAT"], response, environ)
    assert fast == access_line(Logger, CONF["ACCESS_LOG_FORMAT"], response, environ)
    assert fast.startswith('127.0.0.1 "GET /tin-tuc/?trang=2 HTTP/1.1" ')
    assert " 1234ms " in fast


def test_another_format_is_left_to_gunicorn():
    response = Response("200 OK", 10, [("X-Request-ID", "a1b2c3d4e5")])
    environ = {**ENVIRON, "HTTP_USER_AGENT": "curl/8"}
    line = access_line(CONF["AccessLogger"], "%(h)s %(f)s %(U)s", response, environ)
    assert line == '127.0.0.1 https://vi.wikipedia.org/\\"x\\" /tin-tuc/'

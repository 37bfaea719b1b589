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
    try:
        logger.access(response, Request(), environ, datetime.timedelta(seconds=1, microseconds=234567))
    finally:
        # "gunicorn.access" is one logger for the whole process.
        logger.access_log.handlers = []
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


def file_logger(logger_class, path: Path):
    """`logger_class` writing the access log to `path` through gunicorn's own handler alone
    ("gunicorn.access" is one logger for the whole process: the test runner's capture may
    hang on it too)."""
    cfg = Config()
    cfg.set("accesslog", str(path))
    cfg.set("access_log_format", CONF["ACCESS_LOG_FORMAT"])
    logger = logger_class(cfg)
    logger.access_log.handlers = [h for h in logger.access_log.handlers if getattr(h, "_gunicorn", False)]
    return logger


def closed(logger) -> None:
    for handler in logger.access_log.handlers:
        handler.close()
    logger.access_log.handlers = []


def written_line(logger_class, path: Path, response: Response, environ: dict) -> str:
    """What `logger_class` writes to the access log file `path` (gunicorn's own handler)."""
    logger = file_logger(logger_class, path)
    try:
        logger.access(response, Request(), environ, datetime.timedelta(microseconds=4200))
    finally:
        closed(logger)
    return path.read_text()


def test_the_line_written_to_the_file_is_gunicorns(tmp_path, monkeypatch):
    response = Response("200 OK", 18442, [("X-Request-ID", "a1b2c3d4e5")])
    environ = {**ENVIRON, "HTTP_USER_AGENT": "Mozilla/5.0 \"q\""}
    gunicorns = written_line(Logger, tmp_path / "gunicorn.log", response, environ)
    with monkeypatch.context() as patched:
        # Written straight to the handler's stream: no log record is made.
        patched.setattr(logging.Logger, "makeRecord", lambda *a, **k: pytest.fail("a record was made"))
        ours = written_line(CONF["AccessLogger"], tmp_path / "ours.log", response, environ)
    assert ours == gunicorns
    assert ours.count("\n") == 1 and ours.endswith(' "Mozilla/5.0 \\"q\\"" a1b2c3d4e5\n')


def test_a_filtered_access_log_goes_through_logging(tmp_path):
    logger = file_logger(CONF["AccessLogger"], tmp_path / "access.log")
    try:
        assert logger._plain_access_handler() is not None
        logger.access_log.handlers[0].addFilter(lambda record: False)
        assert logger._plain_access_handler() is None
        logger.access(Response("200 OK", 1, []), Request(), {**ENVIRON, "HTTP_USER_AGENT": "x"},
                      datetime.timedelta(microseconds=1))
        assert (tmp_path / "access.log").read_text() == ""
    finally:
        closed(logger)


def test_a_closed_access_file_is_opened_again(tmp_path):
    # gunicorn's workers start with the file handler closed: its first line opens it.
    logger = file_logger(CONF["AccessLogger"], tmp_path / "access.log")
    try:
        logger.access_log.handlers[0].close()
        for _ in range(2):
            logger.access(Response("200 OK", 1, [("X-Request-ID", "a1b2c3d4e5")]), Request(),
                          {**ENVIRON, "HTTP_USER_AGENT": "x"}, datetime.timedelta(microseconds=1))
        lines = (tmp_path / "access.log").read_text().splitlines()
        assert len(lines) == 2 and all(line.endswith(" a1b2c3d4e5") for line in lines)
        assert logger._plain_access_handler() is not None
    finally:
        closed(logger)

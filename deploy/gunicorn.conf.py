"""gunicorn settings: `gunicorn -c deploy/gunicorn.conf.py cong.wsgi`."""

import logging
import multiprocessing
import os
import traceback
from pathlib import Path

from gunicorn.glogging import Logger

pythonpath = "platform"
bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("GUNICORN_WORKERS", min(4, multiprocessing.cpu_count() * 2)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "30"))
accesslog = "-"
errorlog = "-"
# The request id nginx sent (or the application made) ends each access line, as in the
# application's own log lines.
ACCESS_LOG_FORMAT = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(a)s" %({x-request-id}o)s'
access_log_format = ACCESS_LOG_FORMAT


class AccessLogger(Logger):
    """gunicorn's logger, writing the same access line from the seven values our format uses
    rather than from every request header, response header and WSGI variable (gunicorn
    escapes each of them, about a fifth of the CPU of a page-cache hit). Any other format
    is left to gunicorn."""

    def access(self, resp, req, environ, request_time):
        if self.cfg.access_log_format != ACCESS_LOG_FORMAT:
            return super().access(resp, req, environ, request_time)
        if not self.access_log_enabled:
            return None
        status = resp.status
        if isinstance(status, str):
            status = status.split(None, 1)[0]
        sent = getattr(resp, "sent", None)
        request_id = next((v for k, v in resp.headers if k.lower() == "x-request-id"), "-")
        atoms = {
            "h": environ.get("REMOTE_ADDR", "-"),
            "r": f"{environ['REQUEST_METHOD']} {environ['RAW_URI']} {environ['SERVER_PROTOCOL']}",
            "s": status,
            "b": sent is not None and str(sent) or "-",
            "M": request_time.seconds * 1000 + int(request_time.microseconds / 1000),
            "a": environ.get("HTTP_USER_AGENT", "-"),
            "{x-request-id}o": request_id,
        }
        escaped = {k: v.replace('"', '\\"') if isinstance(v, str) else v for k, v in atoms.items()}
        try:
            handler = self._plain_access_handler()
            if handler is None:
                self.access_log.info(ACCESS_LOG_FORMAT, escaped)
            else:
                # The line as the logging module would write it ("%(message)s" and a newline),
                # without building a log record and formatting it.
                line = ACCESS_LOG_FORMAT % escaped + "\n"
                with handler.lock:
                    handler.stream.write(line)
                    handler.stream.flush()
        except Exception:
            self.error(traceback.format_exc())
        return None

    def _plain_access_handler(self):
        """The access log's handler, when it is gunicorn's own single handler
        writing bare messages (stdout or a file) and nothing filters the lines; else None."""
        log = self.access_log
        if len(log.handlers) != 1 or log.filters or not log.isEnabledFor(logging.INFO):
            return None
        handler = log.handlers[0]
        formatter = handler.formatter
        if (
            not isinstance(handler, logging.StreamHandler)
            or handler.filters
            or handler.terminator != "\n"
            or type(formatter) is not logging.Formatter
            or formatter._fmt != self.access_fmt
            or formatter._style.__class__ is not logging.PercentStyle
            # A file handler not yet open (or closed by a reopening) opens it as it emits.
            or handler.stream is None
        ):
            return None
        return handler


logger_class = AccessLogger
# The same proxies Django trusts for X-Forwarded-For and -Proto (CONG_TRUSTED_PROXIES).
forwarded_allow_ips = os.environ.get(
    "FORWARDED_ALLOW_IPS", os.environ.get("CONG_TRUSTED_PROXIES", "127.0.0.1,::1")
)
# The runtime control socket (gunicorn ≥ 23) lives with the checkout, so two checkouts
# can serve side by side.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", os.path.abspath("var/gunicorn.ctl"))

# /metrics adds up the figures of every worker process: each writes them to
# PROMETHEUS_MULTIPROC_DIR (systemd: /run/cong/metrics), emptied when gunicorn starts.
_metrics_dir = os.environ.get("PROMETHEUS_MULTIPROC_DIR")


def on_starting(server):
    if _metrics_dir:
        folder = Path(_metrics_dir)
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.db"):
            stale.unlink()


def child_exit(server, worker):
    if _metrics_dir:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)

"""gunicorn settings: `gunicorn -c deploy/gunicorn.conf.py cong.wsgi`."""

import multiprocessing
import os

pythonpath = "platform"
bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("GUNICORN_WORKERS", min(4, multiprocessing.cpu_count() * 2)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
accesslog = "-"
errorlog = "-"
# The same proxies Django trusts for X-Forwarded-For and -Proto (CONG_TRUSTED_PROXIES).
forwarded_allow_ips = os.environ.get(
    "FORWARDED_ALLOW_IPS", os.environ.get("CONG_TRUSTED_PROXIES", "127.0.0.1,::1")
)
# The runtime control socket (gunicorn ≥ 23) lives with the checkout, so two checkouts
# can serve side by side.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", os.path.abspath("var/gunicorn.ctl"))

"""`db_worker` (django_tasks_db's own worker would run every job in the public schema) is
this project's worker: the same as `run_worker`."""

from __future__ import annotations

from .run_worker import Command as RunWorker


class Command(RunWorker):
    help = "Giống run_worker: chạy các công việc nền, mỗi việc trong lược đồ của cổng đã tạo ra nó."

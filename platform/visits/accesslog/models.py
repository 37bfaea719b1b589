"""How far `import_visits` has read each node's visits log (visits.importer)."""

from __future__ import annotations

from django.db import models


class LogPosition(models.Model):
    # The node's host name and the log's path: each nginx host writes its own file.
    node = models.CharField(max_length=255)
    path = models.CharField(max_length=1000)
    # The file read (a rotated log is a new inode) and the byte after the last line counted.
    inode = models.BigIntegerField(default=0)
    offset = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["node", "path"], name="visits_log_position_unique")]

    def __str__(self) -> str:
        return f"{self.node}:{self.path} @ {self.offset}"

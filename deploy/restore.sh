#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh into an EMPTY database.
#   deploy/restore.sh DUMP_FILE [MEDIA_TARBALL]
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
dump="${1:?usage: restore.sh DUMP_FILE [MEDIA_TARBALL]}"
url="${DATABASE_URL:-$("$top/deploy/localpg.sh" url)}"
media="${DJANGO_MEDIA_ROOT:-$top/var/media}"
pg_restore --no-owner --exit-on-error --dbname="$url" "$dump"
if [ -n "${2:-}" ]; then
  mkdir -p "$media"
  tar -C "$media" -xzf "$2"
fi
echo "restored $dump"

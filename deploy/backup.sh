#!/usr/bin/env bash
# Back up the whole platform: the database (every portal's schema) and the media folder.
#   deploy/backup.sh [DEST_DIR]      (DATABASE_URL and DJANGO_MEDIA_ROOT from the environment)
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
dest="${1:-$top/var/backups}"
stamp="$(date +%Y%m%d-%H%M%S)"
url="${DATABASE_URL:-$("$top/deploy/localpg.sh" url)}"
media="${DJANGO_MEDIA_ROOT:-$top/var/media}"
mkdir -p "$dest"
pg_dump --format=custom --no-owner --dbname="$url" --file="$dest/cong-$stamp.dump"
if [ -d "$media" ]; then
  tar -C "$media" -czf "$dest/media-$stamp.tar.gz" .
fi
echo "$dest/cong-$stamp.dump"

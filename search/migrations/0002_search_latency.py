"""Indexes and storage for fast whole-province search (public schema only, like 0001).

- Short columns (ids, portal and type names, title, URL, facets) stay in the row
  (`STORAGE MAIN`): 0001's low `toast_tuple_target` had pushed most of them to TOAST, so
  counting or grouping matches read TOAST for every row. Only summary, body and the three
  vectors live in TOAST now. `VACUUM FULL` rewrites the rows already there.
- `(…, date DESC NULLS LAST, id)` indexes in the exact order the results use (newest first,
  then id), overall, per portal and per type: the newest matches of a query are read by
  walking them instead of sorting every match.
- The text indexes hold the portal (and `folded`'s the type) too (`btree_gin`), so a
  search in one portal or of one type intersects them inside the index; otherwise the
  planner tends to take the portal's or type's rows and test each vector, reading it from
  TOAST. New GIN indexes on `ranked` (title, number, summary) and `exact` (diacritics
  kept) find the title/summary and exact-diacritic matches without the body's vector.
- A btree on `title_folded` for autocomplete's titles starting with what is typed (the
  trigram index matches the words anywhere in the title, so it finds those poorly).
"""

from django.db import migrations

MAIN_COLUMNS = (
    "id", "portal", "portal_code", "portal_name", "portal_kind", "content_type", "type_label",
    "title", "url", "language", "facets", "title_folded",
)

FORWARD = (
    "ALTER TABLE public.search_document "
    + ", ".join(f"ALTER COLUMN {name} SET STORAGE MAIN" for name in MAIN_COLUMNS)
    + ";"
    + """
DROP INDEX IF EXISTS public.search_document_portal_date;
DROP INDEX IF EXISTS public.search_document_type_date;
CREATE INDEX search_document_recent ON public.search_document (date DESC NULLS LAST, id);
CREATE INDEX search_document_portal_recent
  ON public.search_document (portal, date DESC NULLS LAST, id);
CREATE INDEX search_document_type_recent
  ON public.search_document (content_type, date DESC NULLS LAST, id);
CREATE EXTENSION IF NOT EXISTS btree_gin SCHEMA public;
DROP INDEX IF EXISTS public.search_document_folded;
CREATE INDEX search_document_folded
  ON public.search_document USING gin (folded, portal, content_type);
CREATE INDEX search_document_ranked ON public.search_document USING gin (ranked, portal);
CREATE INDEX search_document_exact ON public.search_document USING gin (exact, portal);
CREATE INDEX search_document_title_prefix
  ON public.search_document (title_folded text_pattern_ops);
"""
)

BACKWARD = (
    """
DROP INDEX IF EXISTS public.search_document_title_prefix;
DROP INDEX IF EXISTS public.search_document_exact;
DROP INDEX IF EXISTS public.search_document_ranked;
DROP INDEX IF EXISTS public.search_document_type_recent;
DROP INDEX IF EXISTS public.search_document_portal_recent;
DROP INDEX IF EXISTS public.search_document_recent;
DROP INDEX IF EXISTS public.search_document_folded;
CREATE INDEX search_document_folded ON public.search_document USING gin (folded);
CREATE INDEX search_document_portal_date ON public.search_document (portal, date DESC);
CREATE INDEX search_document_type_date ON public.search_document (content_type, date DESC);
"""
    + "ALTER TABLE public.search_document "
    + ", ".join(f"ALTER COLUMN {name} SET STORAGE EXTENDED" for name in MAIN_COLUMNS)
    + ";"
)


class Migration(migrations.Migration):
    # VACUUM cannot run inside a transaction.
    atomic = False

    dependencies = [("portal_search", "0001_initial")]

    operations = [
        migrations.RunSQL(FORWARD, BACKWARD),
        migrations.RunSQL(
            "VACUUM (FULL, ANALYZE) public.search_document", migrations.RunSQL.noop
        ),
    ]

"""Storage and indexes for searches of common words across many portals (public schema
only, like 0001).

- `folded` (the whole document's vector) and `ranked` (title, number, summary) stay in the
  row (`STORAGE MAIN`): a search that walks the newest rows of its scope tests each row's
  vector, and reading one from TOAST cost about four buffer reads a row. Rows are about
  2.5 KB instead of 1.9; summary, body and `exact` stay in TOAST. `VACUUM FULL` rewrites
  the rows already there.
- The `ranked` and `exact` indexes hold the type too (`btree_gin`), as `folded`'s does: a
  search of one type finds its newest title/summary and exact-diacritic matches inside the
  index, instead of reading every title/summary match of every type to test its type.
"""

from django.db import migrations

FORWARD = """
ALTER TABLE public.search_document ALTER COLUMN folded SET STORAGE MAIN,
  ALTER COLUMN ranked SET STORAGE MAIN;
DROP INDEX IF EXISTS public.search_document_ranked;
DROP INDEX IF EXISTS public.search_document_exact;
CREATE INDEX search_document_ranked
  ON public.search_document USING gin (ranked, portal, content_type);
CREATE INDEX search_document_exact
  ON public.search_document USING gin (exact, portal, content_type);
"""

BACKWARD = """
ALTER TABLE public.search_document ALTER COLUMN folded SET STORAGE EXTERNAL,
  ALTER COLUMN ranked SET STORAGE EXTENDED;
DROP INDEX IF EXISTS public.search_document_ranked;
DROP INDEX IF EXISTS public.search_document_exact;
CREATE INDEX search_document_ranked ON public.search_document USING gin (ranked, portal);
CREATE INDEX search_document_exact ON public.search_document USING gin (exact, portal);
"""


class Migration(migrations.Migration):
    # VACUUM cannot run inside a transaction.
    atomic = False

    dependencies = [("portal_search", "0004_attachment_text")]

    operations = [
        migrations.RunSQL(FORWARD, BACKWARD),
        migrations.RunSQL("VACUUM (FULL, ANALYZE) public.search_document", migrations.RunSQL.noop),
    ]

"""The shared search table in the public schema, its Vietnamese text-search configuration
(a copy of `simple` that drops diacritics with `unaccent`) and its indexes.

Search is a shared app only: the table exists once, in `public`, and every portal's
`search_path` (`<schema>, public`) reaches it.
"""

from django.db import migrations, models

FOLDED = "public.vi_unaccent"

CREATE = f"""
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
DO $$
BEGIN
  IF NOT EXISTS (
    SELECT 1 FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace
    WHERE c.cfgname = 'vi_unaccent' AND n.nspname = 'public'
  ) THEN
    CREATE TEXT SEARCH CONFIGURATION public.vi_unaccent (COPY = pg_catalog.simple);
    ALTER TEXT SEARCH CONFIGURATION public.vi_unaccent
      ALTER MAPPING FOR hword, hword_part, word WITH public.unaccent, pg_catalog.simple;
  END IF;
END
$$;
CREATE TABLE public.search_document (
  id text PRIMARY KEY,
  portal varchar(63) NOT NULL,
  portal_code varchar(40) NOT NULL,
  portal_name text NOT NULL,
  portal_kind varchar(20) NOT NULL,
  content_type varchar(100) NOT NULL,
  type_label text NOT NULL DEFAULT '',
  object_id bigint NOT NULL,
  title text NOT NULL,
  summary text NOT NULL DEFAULT '',
  body text NOT NULL DEFAULT '',
  url text NOT NULL,
  language varchar(10) NOT NULL DEFAULT 'vi',
  date timestamptz NULL,
  facets jsonb NOT NULL DEFAULT '{{}}'::jsonb,
  title_folded text NOT NULL DEFAULT '',
  indexed_at timestamptz NOT NULL DEFAULT now(),
  folded tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('{FOLDED}'::regconfig,
                          title || ' ' || coalesce(facets->>'number', '')), 'A')
    || setweight(to_tsvector('{FOLDED}'::regconfig, summary), 'B')
    || setweight(to_tsvector('{FOLDED}'::regconfig, body), 'C')
  ) STORED,
  ranked tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('{FOLDED}'::regconfig,
                          title || ' ' || coalesce(facets->>'number', '')), 'A')
    || setweight(to_tsvector('{FOLDED}'::regconfig, summary), 'B')
  ) STORED,
  exact tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('pg_catalog.simple'::regconfig, title), 'A')
    || setweight(to_tsvector('pg_catalog.simple'::regconfig, summary), 'B')
  ) STORED
);
-- Keep rows narrow: long text and the full vector go to TOAST, so a search touching many
-- rows reads only what ranking needs.
ALTER TABLE public.search_document
  ALTER COLUMN body SET STORAGE EXTERNAL, ALTER COLUMN folded SET STORAGE EXTERNAL;
ALTER TABLE public.search_document SET (toast_tuple_target = 256);
CREATE INDEX search_document_portal_date ON public.search_document (portal, date DESC);
CREATE INDEX search_document_type_date ON public.search_document (content_type, date DESC);
CREATE INDEX search_document_folded ON public.search_document USING gin (folded);
CREATE INDEX search_document_title_trgm
  ON public.search_document USING gin (title_folded public.gin_trgm_ops);
CREATE INDEX search_document_number
  ON public.search_document ((facets->>'number_key')) WHERE facets ? 'number_key';
"""

DROP = """
DROP TABLE IF EXISTS public.search_document;
DROP TEXT SEARCH CONFIGURATION IF EXISTS public.vi_unaccent;
"""


class Migration(migrations.Migration):
    initial = True

    dependencies: list = []

    operations = [
        migrations.RunSQL(CREATE, DROP),
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                ("id", models.TextField(primary_key=True, serialize=False)),
                ("portal", models.CharField(max_length=63)),
                ("portal_code", models.CharField(max_length=40)),
                ("portal_name", models.TextField()),
                ("portal_kind", models.CharField(max_length=20)),
                ("content_type", models.CharField(max_length=100)),
                ("type_label", models.TextField(default="")),
                ("object_id", models.BigIntegerField()),
                ("title", models.TextField()),
                ("summary", models.TextField(default="")),
                ("body", models.TextField(default="")),
                ("url", models.TextField()),
                ("language", models.CharField(default="vi", max_length=10)),
                ("date", models.DateTimeField(null=True)),
                ("facets", models.JSONField(default=dict)),
                ("title_folded", models.TextField(default="")),
                ("indexed_at", models.DateTimeField(auto_now=True)),
            ],
            options={"db_table": "search_document", "managed": False},
        ),
    ]

"""Each portal's synonyms and best bets, and the tsquery of words with their synonyms."""

from django.db import migrations, models

import search.models

FUNCTION = """
CREATE OR REPLACE FUNCTION public.cong_websearch(cfg regconfig, words text, alternatives text[])
RETURNS tsquery LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  result tsquery := websearch_to_tsquery(cfg, words);
  alternative text;
BEGIN
  -- The words as typed, OR each alternative (the words with a synonym in place).
  FOREACH alternative IN ARRAY coalesce(alternatives, '{}'::text[]) LOOP
    result := result || websearch_to_tsquery(cfg, alternative);
  END LOOP;
  RETURN result;
END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_search_latency")]

    operations = [
        migrations.RunSQL(FUNCTION, "DROP FUNCTION IF EXISTS public.cong_websearch(regconfig, text, text[])"),
        migrations.CreateModel(
            name="SearchTuning",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("portal", models.CharField(max_length=63, unique=True)),
                ("synonyms", models.TextField(blank=True, default=search.models.DEFAULT_SYNONYMS, help_text="Mỗi dòng một nhóm từ cùng nghĩa, cách nhau bằng dấu phẩy. Ví dụ: “UBND, Ủy ban nhân dân”.", verbose_name="từ đồng nghĩa")),
                ("best_bets", models.TextField(blank=True, default="", help_text="Mỗi dòng: từ khóa, các từ khóa khác => đường dẫn trang trên Cổng. Ví dụ: “học phí, miễn học phí => /van-ban/12-2025-nq-hdnd/”.", verbose_name="kết quả được đề xuất")),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={"verbose_name": "từ khóa tìm kiếm", "verbose_name_plural": "từ khóa tìm kiếm"},
        ),
    ]

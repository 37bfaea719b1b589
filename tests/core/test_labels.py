"""core.models.Label: the name/slug/order snippets of every section behave the same."""

from __future__ import annotations

import unicodedata

import pytest
from django_tenants.utils import schema_context

from django.apps import apps

from tests.support.admin import admin_client

# (model, its table: the tables and their rows stay where they were before the base)
LABELS = [
    ("news.NewsCategory", "news_newscategory"),
    ("legaldocs.IssuingAuthority", "legaldocs_issuingauthority"),
    ("legaldocs.LegalField", "legaldocs_legalfield"),
    ("services.ServiceSector", "services_servicesector"),
    ("services.ServiceField", "services_servicefield"),
    ("participation.QuestionTopic", "participation_questiontopic"),
]


@pytest.mark.parametrize(("label", "table"), LABELS)
def test_a_label_gets_an_unaccented_slug_an_nfc_name_and_its_order(portal_a, label, table):
    from core.models import Label

    model = apps.get_model(label)
    assert issubclass(model, Label) and model._meta.db_table == table
    with schema_context(portal_a.schema_name):
        model.objects.all().delete()
        land = model.objects.create(name=unicodedata.normalize("NFD", " Đất đai "), sort_order=2)
        assert land.name == "Đất đai" and unicodedata.is_normalized("NFC", land.name)
        assert land.slug == "dat-dai"
        model.objects.create(name="Xây dựng", sort_order=1)
        model.objects.create(name="Kinh tế", sort_order=3)
        model.objects.create(name="Giáo dục", sort_order=3)
        kept = model.objects.create(name="Đầu tư", slug="dau-tu-cong", sort_order=4)
        assert kept.slug == "dau-tu-cong"  # a slug the editor chose is kept
        # By order, then by name.
        assert [label.name for label in model.objects.all()] == [
            "Xây dựng", "Đất đai", "Giáo dục", "Kinh tế", "Đầu tư",
        ]


@pytest.mark.parametrize(
    ("url", "model"),
    [
        ("/admin/snippets/news/newscategory/", "news.NewsCategory"),
        ("/admin/snippets/participation/questiontopic/", "participation.QuestionTopic"),
    ],
)
def test_a_label_whose_slug_would_clash_is_refused_on_the_form(portal_a, url, model):
    label_model = apps.get_model(model)
    with schema_context(portal_a.schema_name):
        label_model.objects.create(name="Đất đai")
    client = admin_client(portal_a)
    response = client.post(f"{url}add/", {"name": "Dat dai", "slug": "", "sort_order": 0})
    assert response.status_code == 200  # the form again, with the error
    with schema_context(portal_a.schema_name):
        assert not label_model.objects.filter(name="Dat dai").exists()
    response = client.post(f"{url}add/", {"name": "Đất đai, nhà ở", "slug": "", "sort_order": 0})
    assert response.status_code == 302
    with schema_context(portal_a.schema_name):
        assert label_model.objects.get(name="Đất đai, nhà ở").slug == "dat-dai-nha-o"
    listing = client.get(url).content.decode()
    assert "Đất đai, nhà ở" in listing

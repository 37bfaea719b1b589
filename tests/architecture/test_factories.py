"""Every content model of every mandated section has its factory, in the tests folder of its
app (`tests/<app>/factories.py`, docs/conventions.md)."""

from __future__ import annotations

import importlib
from pathlib import Path

import factory

from django.apps import apps

TESTS = Path(__file__).resolve().parents[1]

# Rows the question workflow writes itself (its steps, its outgoing e-mail): never made but
# by handling a question.
# Logs the code writes as a side effect; a test makes them by doing what writes them.
WRITTEN_BY_THE_WORKFLOW = {
    "participation.QuestionEvent", "participation.Notification", "legaldocs.ValidityChange",
}


def factories() -> dict[str, type[factory.Factory]]:
    """Model label → its factory, over every tests/<app>/factories.py."""
    found = {}
    for path in sorted(TESTS.glob("*/factories.py")):
        module = importlib.import_module(f"tests.{path.parent.name}.factories")
        for value in vars(module).values():
            if (
                isinstance(value, type) and issubclass(value, factory.Factory)
                and value.__module__ == module.__name__ and not value._meta.abstract
            ):
                found[value._meta.model._meta.label] = value
    return found


def test_every_content_model_of_a_section_has_a_factory():
    from core.sections import registered_sections

    index_pages = {section.page_model for section in registered_sections()}
    section_apps = {label.split(".")[0] for label in index_pages}
    content = {
        model._meta.label
        for app in section_apps
        for model in apps.get_app_config(app).get_models()
    } - index_pages - WRITTEN_BY_THE_WORKFLOW
    assert {"news.NewsArticlePage", "participation.Question", "services.ServiceStatistic"} <= content
    assert sorted(content - set(factories())) == []
